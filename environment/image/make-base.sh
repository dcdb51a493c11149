#!/usr/bin/env bash
# Makes a Debian base image from Debian's package archive, for machines that reach no image
# registry: debootstrap a minimal system into a scratch folder and import it as a container image.
#
#   environment/image/make-base.sh [TAG] [SUITE] [MIRROR]
#
# TAG defaults to localhost/kit-base:trixie, SUITE to trixie, MIRROR to the first Debian mirror
# that this machine's apt already uses (else http://deb.debian.org/debian). Needs root, debootstrap
# and podman or docker. Prints the tag on its last line. Does nothing when the tag already exists,
# unless KIT_BASE_REBUILD=1.
set -euo pipefail

TAG="${1:-localhost/kit-base:trixie}"
SUITE="${2:-trixie}"
MIRROR="${3:-}"

say() { printf '[kit image] %s\n' "$*" >&2; }
die() { printf '[kit image] error: %s\n' "$*" >&2; exit 1; }

ENGINE="${KIT_CONTAINER_ENGINE:-}"
if [ -z "$ENGINE" ]; then
  if command -v podman >/dev/null; then ENGINE=podman
  elif command -v docker >/dev/null && docker info >/dev/null 2>&1; then ENGINE=docker
  else die "neither podman nor a running docker engine: install podman (apt-get install podman runc)"; fi
fi

if [ "${KIT_BASE_REBUILD:-0}" != 1 ] && "$ENGINE" image inspect "$TAG" >/dev/null 2>&1; then
  say "base image $TAG exists"
  echo "$TAG"
  exit 0
fi

[ "$(id -u)" = 0 ] || die "debootstrap needs root"
if ! command -v debootstrap >/dev/null; then
  command -v apt-get >/dev/null || die "debootstrap is missing (Debian: apt-get install debootstrap)"
  say "installing debootstrap from Debian's packages"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null \
    || die "could not install debootstrap with apt-get"
fi

if [ -z "$MIRROR" ]; then
  # deb822 sources (URIs: ...) or one-line sources (deb URL suite ...); the first plain Debian mirror
  MIRROR=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | sed -n 's/^URIs:[[:space:]]*\(\S*\/debian\)\/\?$/\1/p' | head -n1)
  [ -n "$MIRROR" ] || MIRROR=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
    | sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\(\S*\/debian\)\/\?[[:space:]].*/\2/p' | head -n1)
  MIRROR="${MIRROR:-http://deb.debian.org/debian}"
fi

scratch=$(mktemp -d /var/tmp/kit-base.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
say "debootstrap $SUITE from $MIRROR (about a minute)"
debootstrap --variant=minbase "$SUITE" "$scratch/root" "$MIRROR" > "$scratch/debootstrap.log" 2>&1 \
  || { tail -n 30 "$scratch/debootstrap.log" >&2; die "debootstrap failed (log above)"; }
# the image's apt uses the same mirror; no caches or logs in the image
printf 'deb %s %s main\n' "$MIRROR" "$SUITE" > "$scratch/root/etc/apt/sources.list"
rm -rf "$scratch/root/var/cache/apt/archives/"*.deb "$scratch/root/var/lib/apt/lists/"* "$scratch/root/var/log/"*
say "importing as $TAG"
tar -C "$scratch/root" -c . | "$ENGINE" import - "$TAG" >/dev/null 2>&1
echo "$TAG"
