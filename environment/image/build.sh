#!/usr/bin/env bash
# Builds the kit's container image from the repository (environment/image/Containerfile) with podman
# or docker, whichever is installed (podman first). Used by `./kit image` and tests/test_server.py.
#
#   environment/image/build.sh [--target kit|hub] [--base IMAGE | --local-base] [--tag TAG]
#                              [--ca-file PEM] [--rebuild] [--no-cache]
#
#   --target      kit: the single-user image (default); hub: plus the proxy, a one-machine course server
#   --base        the base image (default: the Containerfile's public Debian trixie image)
#   --local-base  make the base from Debian's archive with make-base.sh (no image registry needed)
#   --tag         the image's name (default localhost/curse-of-memory:<target>-<content hash>)
#   --ca-file     extra CA certificates (PEM) for HTTPS during the build; default: the build host's
#                 /usr/local/share/ca-certificates/*.crt, if any. Passed as a build secret only.
#   --rebuild     build even if an image with the tag exists
#   --no-cache    and reuse no cached layer (what a clean machine does)
#
# The build context is the parts of the repository the image needs, as git sees them (tracked, plus
# untracked files that .gitignore does not exclude), so a virtualenv or build output never goes in.
# The default tag is keyed on a hash of that context, the target and the base: an unchanged kit is
# not rebuilt.
# Prints the image's tag on the last line of stdout.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

say() { printf '[kit image] %s\n' "$*" >&2; }
die() { printf '[kit image] error: %s\n' "$*" >&2; exit 1; }

target=kit base="" local_base=0 tag="" ca_file="${KIT_BUILD_CA:-}" rebuild=0 no_cache=()
while [ $# -gt 0 ]; do
  case "$1" in
    --target) target="${2:?}"; shift 2 ;;
    --base) base="${2:?}"; shift 2 ;;
    --local-base) local_base=1; shift ;;
    --tag) tag="${2:?}"; shift 2 ;;
    --ca-file) ca_file="${2:?}"; shift 2 ;;
    --rebuild) rebuild=1; shift ;;
    --no-cache) rebuild=1; no_cache=(--no-cache); shift ;;
    *) die "unknown option: $1 (see the top of $0)" ;;
  esac
done
case "$target" in kit|hub) ;; *) die "--target must be kit or hub, not '$target'" ;; esac

ENGINE="${KIT_CONTAINER_ENGINE:-}"
if [ "$ENGINE" = podman ] || { [ -z "$ENGINE" ] && ! command -v podman >/dev/null && ! docker info >/dev/null 2>&1; }; then
  # no engine yet: on Debian as root, install podman with the runc runtime (a CI machine starts clean)
  if ! command -v podman >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing podman and runc from Debian's packages"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc >/dev/null \
      || die "could not install podman with apt-get"
  fi
fi
if [ -z "$ENGINE" ]; then
  if command -v podman >/dev/null; then ENGINE=podman
  elif command -v docker >/dev/null && docker info >/dev/null 2>&1; then ENGINE=docker
  elif command -v docker >/dev/null; then die "docker is installed but no Docker engine answers; start it, or install podman"
  else die "neither podman nor docker is installed (Debian: apt-get install podman runc)"; fi
fi
export KIT_CONTAINER_ENGINE="$ENGINE"
engine=("$ENGINE")
build_opts=()
if [ "$ENGINE" = podman ]; then
  # podman 4.x with crun fails on some hosts (rlimits, hybrid cgroups); runc works. Keep ulimits
  # within what an unprivileged container may raise.
  command -v runc >/dev/null && engine+=(--runtime runc)
  build_opts+=(--ulimit nofile=10000:10000 --ulimit nproc=10000:10000 --jobs 2)
else
  export DOCKER_BUILDKIT=1
fi

if [ "$local_base" = 1 ]; then
  base=$("$HERE/make-base.sh" | tail -n1)
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# The context: the parts of the repository that the Containerfile copies, as git sees them (so a
# change to the tests or the docs neither rebuilds the image nor changes its tag).
parts=(pom.xml lib/pom.xml lib/src/main benchmarks/pom.xml notebooks course environment)
mkdir "$scratch/context"
if git -C "$ROOT" rev-parse --git-dir >/dev/null 2>&1; then
  # (a tracked file deleted in the work tree is skipped)
  (cd "$ROOT" && git ls-files -z --cached --others --exclude-standard -- "${parts[@]}" \
     | tar --null -T - --ignore-failed-read -cf - 2>/dev/null) | tar -C "$scratch/context" -xf -
else
  tar -C "$ROOT" --exclude=.venv --exclude=target --exclude=node_modules --exclude=__pycache__ -cf - "${parts[@]}" \
    | tar -C "$scratch/context" -xf -
fi
key=$( { echo "target=$target base=$base"; \
         cd "$scratch/context" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum; } \
       | sha256sum | cut -c1-12)
tag="${tag:-localhost/curse-of-memory:$target-$key}"

if [ "$rebuild" = 0 ] && "${engine[@]}" image inspect "$tag" >/dev/null 2>&1; then
  say "image $tag exists (same repository content); --rebuild builds it again"
  echo "$tag"
  exit 0
fi

# Extra CAs for HTTPS in the build: a secret file, empty when there are none.
: > "$scratch/ca.pem"
if [ -n "$ca_file" ]; then
  [ -r "$ca_file" ] || die "--ca-file $ca_file is not readable"
  cat "$ca_file" >> "$scratch/ca.pem"
else
  for f in /usr/local/share/ca-certificates/*.crt /usr/local/share/ca-certificates/*/*.crt; do
    [ -f "$f" ] && { cat "$f"; echo; } >> "$scratch/ca.pem"
  done
fi
[ -s "$scratch/ca.pem" ] && say "passing the build host's extra CA certificates as a build secret"

args=(-f "$HERE/Containerfile" --target "$target" -t "$tag" --secret "id=kit-build-ca,src=$scratch/ca.pem")
[ -n "$base" ] && args+=(--build-arg "BASE=$base")
say "building $tag with $ENGINE${base:+ from $base} (a few minutes the first time)"
start=$(date +%s)
"${engine[@]}" build "${build_opts[@]}" "${no_cache[@]}" "${args[@]}" "$scratch/context" >&2 \
  || die "the image build failed (messages above)"
say "built $tag in $(( $(date +%s) - start )) s; size: $("${engine[@]}" image inspect --format '{{.Size}}' "$tag" | awk '{printf "%.0f MB", $1/1e6}')"
echo "$tag"
