# Set-up functions shared by ./kit commands (sourced, not run). Each step checks first and does
# nothing when its work is already done, so a second run installs nothing.
# Requires KIT_ROOT to be set by the caller.

KIT_VENV="${KIT_VENV:-$KIT_ROOT/.venv}"
KIT_MIN_JAVA=17

kit_say() { printf '[kit] %s\n' "$*"; }
kit_die() { printf '[kit] error: %s\n' "$*" >&2; exit 1; }

# sha256 of the given files' contents, in a stable order.
kit_hash() { cat "$@" 2>/dev/null | sha256sum | cut -d' ' -f1; }

kit_check_java() {
  if [ -n "${JAVA_HOME:-}" ]; then
    [ -x "$JAVA_HOME/bin/java" ] || kit_die "JAVA_HOME=$JAVA_HOME has no bin/java; point it at a JDK $KIT_MIN_JAVA+ or unset it"
    export PATH="$JAVA_HOME/bin:$PATH"
  fi
  command -v java >/dev/null || kit_die "no 'java' on PATH: install a JDK $KIT_MIN_JAVA+ (e.g. apt-get install openjdk-17-jdk) or set JAVA_HOME"
  command -v javac >/dev/null || kit_die "'java' is on PATH but 'javac' is not: install a full JDK $KIT_MIN_JAVA+, not just a JRE"
  local version major
  version=$(java -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)
  major=${version%%.*}
  [ "$major" = "1" ] && major=$(echo "$version" | cut -d. -f2)
  [ -n "$major" ] && [ "$major" -ge "$KIT_MIN_JAVA" ] 2>/dev/null \
    || kit_die "'java' on PATH is version '$version' ($(command -v java)); the kit and its kernel need $KIT_MIN_JAVA+. Set JAVA_HOME to a newer JDK."
  command -v mvn >/dev/null || kit_die "no 'mvn' on PATH: install Maven 3.8+ (e.g. apt-get install maven)"
}

kit_check_python() {
  KIT_PYTHON="${KIT_PYTHON:-$(command -v python3 || true)}"
  [ -n "$KIT_PYTHON" ] || kit_die "no 'python3' on PATH: install Python 3.9+ with the venv module"
  "$KIT_PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 9) else 1)' \
    || kit_die "$KIT_PYTHON is older than Python 3.9"
}

# The pinned Jupyter stack and the JJava kernel, in a git-ignored virtualenv.
kit_ensure_venv() {
  local want have
  want=$(kit_hash "$KIT_ROOT/environment/requirements.txt")
  have=$(cat "$KIT_VENV/.kit-requirements.sha256" 2>/dev/null || true)
  if [ ! -x "$KIT_VENV/bin/python" ]; then
    kit_say "creating the virtualenv $KIT_VENV"
    "$KIT_PYTHON" -m venv "$KIT_VENV" || kit_die "could not create a virtualenv (on Debian/Ubuntu: apt-get install python3-venv)"
    have=""
  fi
  if [ "$want" != "$have" ]; then
    kit_say "installing the pinned Jupyter stack (environment/requirements.txt); this takes a minute the first time"
    "$KIT_VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$KIT_ROOT/environment/requirements.txt" \
      || kit_die "pip could not install environment/requirements.txt"
    echo "$want" > "$KIT_VENV/.kit-requirements.sha256"
  fi
  [ -f "$KIT_VENV/share/jupyter/kernels/java/kernel.json" ] \
    || kit_die "the JJava kernelspec is missing from $KIT_VENV/share/jupyter/kernels/java; reinstall with: $KIT_VENV/bin/pip install --force-reinstall jjava==1.0a8"
  # Jupyter must find the kit's own kernelspec first, not one from ~/.local/share/jupyter.
  export JUPYTER_PATH="$KIT_VENV/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
  export PATH="$KIT_VENV/bin:$PATH"
}

# The library and its runtime jars in lib/target/kit, where notebooks load them from.
kit_ensure_library() {
  local stamp="$KIT_ROOT/lib/target/kit/.kit-sources.sha256" want
  want=$(cd "$KIT_ROOT" && find pom.xml lib/pom.xml lib/src/main -type f | LC_ALL=C sort | xargs cat | sha256sum | cut -d' ' -f1)
  if [ -f "$KIT_ROOT/lib/target/kit/curse-of-memory-lib.jar" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    return 0
  fi
  kit_say "building the library (mvn package) into lib/target/kit"
  local log
  log=$(cd "$KIT_ROOT" && mvn -B -q -ntp -Dstyle.color=never -DskipTests package -pl lib -am 2>&1) \
    || { printf '%s\n' "$log" >&2; kit_die "the library build failed (Maven's messages above)"; }
  echo "$want" > "$stamp"
}

# Debian's Chromium, for the test that renders an exported notebook to PNG.
kit_ensure_browser() {
  if command -v chromium >/dev/null || command -v chromium-browser >/dev/null; then
    return 0
  fi
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null && sudo -n true 2>/dev/null && sudo="sudo" \
      || kit_die "the picture test needs Chromium: install it (Debian: apt-get install chromium) and run again"
  fi
  kit_say "installing Chromium from Debian's packages (for the picture test)"
  $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-dejavu-core >/dev/null \
    || kit_die "could not install Chromium with apt-get; install it by hand (apt-get install chromium)"
}

# kit_setup [--with-browser] [--no-library]
kit_setup() {
  local browser=0 library=1
  for arg in "$@"; do
    case "$arg" in
      --with-browser) browser=1 ;;
      --no-library) library=0 ;;
    esac
  done
  kit_check_java
  kit_check_python
  kit_ensure_venv
  [ "$library" = 1 ] && kit_ensure_library
  [ "$browser" = 1 ] && kit_ensure_browser
  return 0
}
