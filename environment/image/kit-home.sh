#!/bin/sh
# Lays the kit out in the user's home, then runs the given command (the single-user server).
#   ~/curse-of-memory/notebooks/   the user's own copy of the notebooks (made once, never overwritten)
#   ~/curse-of-memory/lib          a link to the image's built library (/opt/kit/lib), so the
#                                  notebooks' `%classpath ../lib/target/kit/*.jar` resolves from there
#   ~/curse-of-memory/environment  a link to the kit's tools (the course's feedback pages use them)
# In Zero to JupyterHub the home is a fresh volume that hides the image's /home/jovyan: this runs at
# every start (the image's entrypoint), so a new volume gets the kit, and an old one keeps the
# user's edits. KIT_HOME_DIR names the folder (relative to $HOME); KIT_ROOT where the kit lives.
set -eu
kit_root="${KIT_ROOT:-/opt/kit}"
dir="$HOME/${KIT_HOME_DIR:-curse-of-memory}"
mkdir -p "$dir"
[ -e "$dir/lib" ] || ln -s "$kit_root/lib" "$dir/lib"
[ -e "$dir/environment" ] || ln -s "$kit_root/environment" "$dir/environment"
if [ ! -e "$dir/notebooks" ]; then
  cp -R "$kit_root/notebooks" "$dir/notebooks.tmp.$$"
  mv "$dir/notebooks.tmp.$$" "$dir/notebooks"
fi
[ $# -gt 0 ] || exit 0
exec "$@"
