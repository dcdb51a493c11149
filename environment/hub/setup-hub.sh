# Set-up for ./kit hub (sourced after environment/setup.sh, which defines kit_say, kit_die, kit_hash
# and KIT_VENV). Does nothing when its work is already done.

# The course server's pinned parts (./kit hub): JupyterHub and the idle culler in the kit's venv
# (constrained by the lock, so no kit pin moves), configurable-http-proxy from npm.
kit_ensure_hub() {
  local want have
  want=$(kit_hash "$KIT_ROOT/environment/hub/requirements.txt" "$KIT_ROOT/environment/requirements.txt")
  have=$(cat "$KIT_VENV/.kit-hub-requirements.sha256" 2>/dev/null || true)
  if [ "$want" != "$have" ]; then
    kit_say "installing JupyterHub and the idle culler (environment/hub/requirements.txt)"
    "$KIT_VENV/bin/python" -m pip install -q --disable-pip-version-check \
      -c "$KIT_ROOT/environment/requirements.txt" -r "$KIT_ROOT/environment/hub/requirements.txt" \
      || kit_die "pip could not install environment/hub/requirements.txt"
    echo "$want" > "$KIT_VENV/.kit-hub-requirements.sha256"
  fi
  if [ ! -x "$KIT_ROOT/environment/hub/node_modules/.bin/configurable-http-proxy" ]; then
    command -v npm >/dev/null || kit_die "the hub's proxy needs Node.js 20+ and npm (Debian: apt-get install nodejs npm)"
    kit_say "installing configurable-http-proxy (environment/hub/package-lock.json)"
    (cd "$KIT_ROOT/environment/hub" && npm ci --omit=dev --no-audit --no-fund --loglevel=error >/dev/null) \
      || kit_die "npm could not install the hub's proxy"
  fi
}
