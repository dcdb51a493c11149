# Set-up functions shared by ./kit commands (sourced, not run). Each step checks first and does
# nothing when its work is already done, so a second run installs nothing.
# Requires KIT_ROOT to be set by the caller.

KIT_VENV="${KIT_VENV:-$KIT_ROOT/.venv}"
KIT_MIN_JAVA=17
# Default options of the kernel's JVM (see kit_check_java); JJAVA_JVM_OPTS, when set, replaces them.
KIT_KERNEL_JVM_OPTS="-Xms32m -Xmx512m -XX:+UseSerialGC"

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
  KIT_JAVA_MAJOR=$major
  # The kernel's JVM (the JJava launcher passes JJAVA_JVM_OPTS to it): a bounded heap and the serial
  # collector. Left to itself the JVM may take a quarter of the machine's memory per kernel; with
  # these options notebook 07 peaked at about 270 MiB resident instead of 370-510 MiB, at the same
  # CPU time. Set JJAVA_JVM_OPTS yourself to choose other options (e.g. -Xmx2g for big experiments).
  if [ -z "${JJAVA_JVM_OPTS:-}" ]; then
    export JJAVA_JVM_OPTS="$KIT_KERNEL_JVM_OPTS"
  fi
  # JDK 24+ warns on stderr when a library (Tablesaw's classgraph) uses sun.misc.Unsafe's memory
  # methods; the option that allows them quietly exists from JDK 23 on (JDK 17 would refuse it).
  # The JJava launcher passes JJAVA_JVM_OPTS to the kernel's JVM.
  if [ "$major" -ge 23 ] && [[ "${JJAVA_JVM_OPTS:-}" != *--sun-misc-unsafe-memory-access* ]]; then
    export JJAVA_JVM_OPTS="${JJAVA_JVM_OPTS:+$JJAVA_JVM_OPTS }--sun-misc-unsafe-memory-access=allow"
  fi
}

# Maven through the Maven Wrapper (./mvnw): it fetches the pinned Maven from Maven Central into
# ~/.m2/wrapper on first use, so no Maven installation is needed.
kit_mvn_note() {
  local dist
  dist=$(sed -n 's#^distributionUrl=.*/\(apache-maven-[^/]*\)-bin\.zip$#\1#p' "$KIT_ROOT/.mvn/wrapper/maven-wrapper.properties")
  if [ -n "$dist" ] && [ ! -d "${MAVEN_USER_HOME:-$HOME/.m2}/wrapper/dists/$dist" ]; then
    kit_say "fetching $dist for the Maven Wrapper (first run only)"
  fi
}
kit_mvn() { kit_mvn_note; (cd "$KIT_ROOT" && ./mvnw "$@"); }

# The Python versions the kit supports: the lock (environment/requirements.txt) installs on each,
# and tests/test_setup_matrix.py sets up the kit and runs a notebook on each.
KIT_PYTHON_MIN=10   # 3.10
KIT_PYTHON_MAX=13   # 3.13

# Prints "X.Y.Z /real/path/of/python" for a working Python 3 interpreter, nothing otherwise (e.g. a
# pyenv shim for a version that is not active fails, and is skipped).
kit_python_probe() {
  "$1" -c 'import os, sys; print("%d.%d.%d" % sys.version_info[:3], os.path.realpath(sys.executable))' 2>/dev/null </dev/null || true
}

kit_python_supported() {
  local minor
  case "$1" in 3.*.*) ;; *) return 1 ;; esac
  minor=$(echo "$1" | cut -d. -f2)
  [ "$minor" -ge "$KIT_PYTHON_MIN" ] && [ "$minor" -le "$KIT_PYTHON_MAX" ]
}

# Chooses the interpreter for the virtualenv: KIT_PYTHON if set, else the first supported one of
# python3.13 ... python3.10, python3 on PATH. Stops, creating nothing, when there is none.
kit_check_python() {
  local need="Python 3.$KIT_PYTHON_MIN to 3.$KIT_PYTHON_MAX with venv" found="" cand path probe version
  local how="get one with: Debian/Ubuntu 'sudo apt install python3 python3-venv' (Debian 12, Ubuntu 22.04 or newer); macOS 'brew install python@3.12'; Windows: use WSL with Ubuntu and its apt; then run again (or set KIT_PYTHON=/path/to/python3.X)"
  if [ -n "${KIT_PYTHON:-}" ]; then
    path=$(command -v "$KIT_PYTHON" || true)
    probe=""
    [ -n "$path" ] && probe=$(kit_python_probe "$path")
    version=${probe%% *}
    kit_python_supported "$version" \
      || kit_die "KIT_PYTHON=$KIT_PYTHON is ${version:+Python }${version:-not a working Python}; the kit needs $need: $how"
    KIT_PYTHON=${probe#* } KIT_PYTHON_VERSION=$version
    return 0
  fi
  local minor
  for minor in $(seq "$KIT_PYTHON_MAX" -1 "$KIT_PYTHON_MIN") ""; do
    cand=python3${minor:+.$minor}
    path=$(command -v "$cand" || true)
    [ -n "$path" ] || continue
    probe=$(kit_python_probe "$path")
    version=${probe%% *}
    if kit_python_supported "$version"; then
      KIT_PYTHON=${probe#* } KIT_PYTHON_VERSION=$version
      return 0
    fi
    [ -n "$version" ] && found="${found:+$found, }$cand is $version"
  done
  kit_die "no supported Python found${found:+ ($found)}; the kit needs $need: $how"
}

# The pinned Jupyter stack and the JJava kernel, in a git-ignored virtualenv. It is built anew
# whenever the lock or the interpreter (version and path) changes.
kit_ensure_venv() {
  local want have
  want="lock $(kit_hash "$KIT_ROOT/environment/requirements.txt") python $KIT_PYTHON_VERSION $KIT_PYTHON"
  have=$(cat "$KIT_VENV/.kit-stamp" 2>/dev/null || true)
  if [ "$want" != "$have" ] || [ ! -x "$KIT_VENV/bin/python" ]; then
    if [ -e "$KIT_VENV" ]; then
      [ -f "$KIT_VENV/pyvenv.cfg" ] || [ -z "$(ls -A "$KIT_VENV")" ] \
        || kit_die "KIT_VENV=$KIT_VENV exists and is not a virtualenv; move it away or choose another KIT_VENV"
      kit_say "rebuilding the virtualenv $KIT_VENV (the lock or the interpreter changed)"
      rm -rf "$KIT_VENV"
    fi
    kit_say "creating the virtualenv $KIT_VENV with Python $KIT_PYTHON_VERSION ($KIT_PYTHON)"
    "$KIT_PYTHON" -m venv "$KIT_VENV" \
      || { rm -rf "$KIT_VENV"; kit_die "could not create a virtualenv with $KIT_PYTHON (on Debian/Ubuntu: sudo apt install python3-venv)"; }
    kit_say "installing the pinned Jupyter stack (environment/requirements.txt); this takes a minute or two the first time"
    "$KIT_VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$KIT_ROOT/environment/requirements.txt" \
      || kit_die "pip could not install environment/requirements.txt into $KIT_VENV"
    echo "$want" > "$KIT_VENV/.kit-stamp"
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
  kit_say "building the library (./mvnw package) into lib/target/kit"
  local log
  kit_mvn_note
  log=$(cd "$KIT_ROOT" && ./mvnw -B -q -ntp -Dstyle.color=never -DskipTests package -pl lib -am 2>&1) \
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
