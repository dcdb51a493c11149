# Set-up functions shared by ./kit commands (sourced, not run). Each step checks first and does
# nothing when its work is already done, so a second run installs nothing. What set-up built and
# installed is checked by hash, not only by presence (the virtualenv against pip's RECORD files, the
# library's jars against the sha256 manifest written when they were built and against Maven
# Central's checksums); what is damaged is repaired without network when the virtualenv or the
# Maven repository has what it takes, and otherwise set-up stops with one line that says what to
# do. Every outside program it runs has a time limit (kit_timeout).
# Requires KIT_ROOT to be set by the caller.

KIT_VENV="${KIT_VENV:-$KIT_ROOT/.venv}"
KIT_MIN_JAVA=17
# Default options of the kernel's JVM (see kit_check_java); JJAVA_JVM_OPTS, when set, replaces them.
KIT_KERNEL_JVM_OPTS="-Xms32m -Xmx512m -XX:+UseSerialGC"
# Which code the kernel's optimising compiler (C2) may compile: the kit's and EJML's numerics and the
# student's own cells; everything else (JShell's compiler, JJava, the plotting) stays with the quick
# compiler (C1). See environment/kernel-jit.json.
KIT_KERNEL_JIT="$KIT_ROOT/environment/kernel-jit.json"

kit_say() { printf '[kit] %s\n' "$*"; }
kit_warn() { printf '[kit] warning: %s\n' "$*" >&2; }
kit_die() { printf '[kit] error: %s\n' "$*" >&2; exit 1; }

# kit_timeout SECONDS COMMAND...: every outside program set-up runs that could hang (a JVM, pip, a
# download through a network that drops packets) runs under a time limit; 124 means it ran out.
kit_timeout() {
  local seconds=$1; shift
  if command -v timeout >/dev/null; then
    timeout --kill-after=10 "$seconds" "$@"
  else  # macOS without coreutils: no limit
    "$@"
  fi
}

# Set-up's own state (stamps, logs) in the git-ignored .kit/.
KIT_STATE="$KIT_ROOT/.kit"

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
  version=$(kit_timeout 60 java -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)
  major=${version%%.*}
  [ "$major" = "1" ] && major=$(echo "$version" | cut -d. -f2)
  [ -n "$major" ] && [ "$major" -ge "$KIT_MIN_JAVA" ] 2>/dev/null \
    || kit_die "'java' on PATH is version '$version' ($(command -v java)); the kit and its kernel need $KIT_MIN_JAVA+. Set JAVA_HOME to a newer JDK."
  KIT_JAVA_MAJOR=$major
  # The kernel's JVM (environment/java-kernel.sh passes JJAVA_JVM_OPTS to it): a bounded heap and the serial
  # collector. Left to itself the JVM may take a quarter of the machine's memory per kernel; with
  # these options notebook 07 peaked at about 270 MiB resident instead of 370-510 MiB, at the same
  # CPU time. Set JJAVA_JVM_OPTS yourself to choose other options (e.g. -Xmx2g for big experiments).
  if [ -z "${JJAVA_JVM_OPTS:-}" ]; then
    export JJAVA_JVM_OPTS="$KIT_KERNEL_JVM_OPTS"
    # C2 compiles only what pays back within a notebook (KIT_KERNEL_JIT): a notebook run takes about
    # 35 % less CPU at the same speed of the kit's training loops. -DisplayVMOutput keeps the JVM's
    # "2 compiler directives added" off the kernel's stdout (its warnings and errors still show).
    # JJAVA_JVM_OPTS is split at blanks, so a kit folder with a blank in its path goes without.
    if [[ "$KIT_KERNEL_JIT" != *[[:space:]]* ]]; then
      JJAVA_JVM_OPTS+=" -XX:+UnlockDiagnosticVMOptions -XX:CompilerDirectivesFile=$KIT_KERNEL_JIT -XX:-DisplayVMOutput"
    fi
  fi
  # JDK 24+ warns on stderr when a library (Tablesaw's classgraph) uses sun.misc.Unsafe's memory
  # methods; the option that allows them quietly exists from JDK 23 on (JDK 17 would refuse it).
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
  kit_timeout 60 "$1" -c 'import os, sys; print("%d.%d.%d" % sys.version_info[:3], os.path.realpath(sys.executable))' 2>/dev/null </dev/null || true
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
# whenever the lock or the interpreter (version and path) changes; otherwise it is checked (and
# repaired where that needs no network) by kit_verify_venv.
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
    kit_timeout 300 "$KIT_PYTHON" -m venv "$KIT_VENV" \
      || { rm -rf "$KIT_VENV"; kit_die "could not create a virtualenv with $KIT_PYTHON (on Debian/Ubuntu: sudo apt install python3-venv)"; }
    kit_say "installing the pinned Jupyter stack (environment/requirements.txt); this takes a minute or two the first time"
    kit_install_lock \
      || kit_die "could not install environment/requirements.txt into $KIT_VENV (no network? connect and run ./kit setup again)"
    # the folder pip wrote the scripts' #! lines for (kit_venv_check.py follows a moved virtualenv)
    echo "$KIT_VENV" > "$KIT_VENV/.kit-origin"
    echo "$want" > "$KIT_VENV/.kit-stamp"
  fi
  kit_verify_venv
  # Jupyter must find the kit's own kernelspec first, not one from ~/.local/share/jupyter.
  export JUPYTER_PATH="$KIT_VENV/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
  kit_kernelspec && export JUPYTER_PATH="$KIT_STATE/jupyter:$JUPYTER_PATH"
  export PATH="$KIT_VENV/bin:$PATH"
}

# The "java" kernelspec Jupyter finds first: JJava's kernel started by environment/java-kernel.sh
# instead of JJava's launcher, a JVM that only starts the kernel's JVM and waits for it (0.1-0.4
# CPU-s and 42 MiB per kernel). It lives in .kit/jupyter, ahead of the virtualenv on JUPYTER_PATH,
# with a copy of the script, so that it names no kit folder (kit copies that share .kit and the
# virtualenv write the same file); JJava's own kernelspec stays as pip installed it
# (kit_venv_check.py checks it). Returns 1, and JJava's own kernelspec is used, when the
# virtualenv's path would need escaping in JSON.
kit_kernelspec() {
  local dir="$KIT_STATE/jupyter/kernels/java" jar="$KIT_VENV/share/jupyter/kernels/java/jjava.jar" want
  case "$jar" in *'"'* | *'\'*) return 1 ;; esac
  want=$(printf '{\n  "argv": ["/bin/sh", "{resource_dir}/java-kernel.sh", "%s", "{connection_file}"],\n  "display_name": "Java (jjava)",\n  "language": "java",\n  "interrupt_mode": "message"\n}' "$jar")
  if [ "$(cat "$dir/kernel.json" 2>/dev/null)" != "$want" ] || ! cmp -s "$KIT_ROOT/environment/java-kernel.sh" "$dir/java-kernel.sh"; then
    mkdir -p "$dir" && cp "$KIT_ROOT/environment/java-kernel.sh" "$dir/java-kernel.sh" \
      && printf '%s\n' "$want" > "$dir/kernel.json" || return 1
  fi
}

# Installs the lock into the new virtualenv. uv (pinned below, kept in .kit/uv) does it in a few
# seconds where pip takes 15-40 s: of the ~700 CPU-seconds of a fresh clone's ./kit test, pip took 93
# (that virtualenv and the set-up matrix's four). pip stays in the virtualenv, for repairs and for
# nbgrader, and installs the lock itself whenever uv is not to be had or fails (no uv wheel for this
# platform, a package index only pip is configured for, offline with only pip's cache). KIT_NO_UV=1
# always uses pip.
KIT_UV_VERSION=0.9.5
kit_install_lock() {
  local lock="$KIT_ROOT/environment/requirements.txt" uv="$KIT_STATE/uv/bin/uv"
  if [ "${KIT_NO_UV:-}" != 1 ]; then
    if [ "$("$uv" --version 2>/dev/null)" != "uv $KIT_UV_VERSION" ]; then
      rm -rf "$KIT_STATE/uv"
      kit_timeout 300 "$KIT_VENV/bin/python" -m pip install -q --disable-pip-version-check --target "$KIT_STATE/uv" \
        "uv==$KIT_UV_VERSION" >/dev/null 2>&1 || rm -rf "$KIT_STATE/uv"
    fi
    # bytecode compiled as pip does (UV_COMPILE_BYTECODE=0 skips it, as the set-up matrix does)
    if [ -x "$uv" ] && UV_COMPILE_BYTECODE="${UV_COMPILE_BYTECODE:-1}" kit_timeout 1800 "$uv" pip install -q \
         --python "$KIT_VENV/bin/python" -r "$lock" >/dev/null 2>&1; then
      return 0
    fi
    kit_say "uv could not install the lock here: pip installs it"
  fi
  kit_timeout 1800 "$KIT_VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$lock"
}

# What a check of the virtualenv looked at: every file's path, size and time (not __pycache__,
# which Python writes as it runs), and the checker itself. Unchanged since the last full check
# means nothing to check again; it costs a tenth of a second.
kit_venv_fingerprint() {
  { find "$KIT_VENV" -name __pycache__ -prune -o ! -name .kit-verified -printf '%p %s %T@\n' 2>/dev/null
    kit_hash "$KIT_ROOT/environment/kit_venv_check.py" "$KIT_ROOT/environment/setup.sh"; } | sha256sum | cut -d' ' -f1
}

# The one line that says what to do when the virtualenv cannot be repaired here.
kit_venv_rebuild_hint() {
  printf 'connect to the network and run ./kit setup again; if that does not mend it: rm -rf %s && ./kit setup' "$KIT_VENV"
}

# Checks the virtualenv by hash against what pip installed (each distribution's RECORD), including
# the JJava kernelspec and the scripts in bin/, and that jupyter-lab starts; repairs without network
# what it can (a moved virtualenv, a damaged script, a removed or edited kernelspec) and reinstalls a
# damaged distribution with pip from the lock, else stops with one line that says what to do.
kit_verify_venv() {
  local fp check="$KIT_ROOT/environment/kit_venv_check.py" out rc line failed="" name what
  fp=$(kit_venv_fingerprint)
  [ "$fp" = "$(cat "$KIT_VENV/.kit-verified" 2>/dev/null)" ] && return 0
  rc=0
  out=$(kit_timeout 300 "$KIT_VENV/bin/python" "$check" repair "$KIT_VENV" 2>&1) || rc=$?
  if [ "$rc" != 0 ] && [ "$rc" != 3 ]; then
    kit_die "the virtualenv's Python does not run ($(printf '%s' "$out" | tail -n1)): $(kit_venv_rebuild_hint)"
  fi
  while IFS= read -r line; do
    case "$line" in
      "[kit] "*) printf '%s\n' "$line" ;;
      "reinstall "*)
        read -r _ name what <<< "$line"
        kit_say "$name is damaged ($what); reinstalling it from the lock"
        kit_timeout 900 "$KIT_VENV/bin/python" -m pip install -q --disable-pip-version-check --no-deps \
            --force-reinstall --retries 1 --timeout 30 "$name" >/dev/null 2>&1 \
          || failed="${failed:+$failed, }$name"
        ;;
    esac
  done <<< "$out"
  [ -z "$failed" ] || kit_die "$failed in $KIT_VENV is damaged and pip could not reinstall it (no network?): $(kit_venv_rebuild_hint)"
  if [ "$rc" = 3 ]; then
    out=$(kit_timeout 300 "$KIT_VENV/bin/python" "$check" verify "$KIT_VENV" 2>&1) \
      || kit_die "the virtualenv is still damaged after repair ($(printf '%s' "$out" | head -n1)): $(kit_venv_rebuild_hint)"
  fi
  # Runs JupyterLab's entry point, the command ./kit lab starts.
  out=$(kit_timeout 120 "$KIT_VENV/bin/jupyter-lab" --version 2>&1 </dev/null) \
    || kit_die "$KIT_VENV/bin/jupyter-lab does not start ($(printf '%s' "$out" | tail -n1)): $(kit_venv_rebuild_hint)"
  kit_venv_fingerprint > "$KIT_VENV/.kit-verified"
}

# The Maven local repository ./mvnw uses: -Dmaven.repo.local in MAVEN_ARGS, MAVEN_OPTS or
# .mvn/maven.config, else <localRepository> of ~/.m2/settings.xml, else ~/.m2/repository.
kit_maven_repo() {
  local repo
  repo=$( { printf '%s\n' "${MAVEN_ARGS:-}" "${MAVEN_OPTS:-}"; cat "$KIT_ROOT/.mvn/maven.config" 2>/dev/null; } \
    | tr ' ' '\n' | sed -n 's/^-Dmaven\.repo\.local=//p' | tail -n1)
  [ -n "$repo" ] || repo=$(sed -n 's#.*<localRepository>\(.*\)</localRepository>.*#\1#p' "$HOME/.m2/settings.xml" 2>/dev/null | head -n1)
  printf '%s\n' "${repo:-$HOME/.m2/repository}"
}

# What ./kit test's Maven run (./mvnw test) needs from Maven Central was fetched into this Maven
# repository for these poms: the stamp matches and the test runner's provider (which surefire only
# resolves when it runs tests) is there.
kit_maven_resolved() {
  local repo=$1
  [ "$(cat "$KIT_STATE/maven-resolved" 2>/dev/null)" = "$(kit_maven_key "$repo")" ] \
    && [ -d "$repo/org/apache/maven/surefire/surefire-junit-platform" ] \
    && [ -d "$repo/org/junit/platform/junit-platform-launcher" ]
}
kit_maven_key() {
  printf 'poms %s repo %s\n' "$(cd "$KIT_ROOT" && kit_hash pom.xml */pom.xml .mvn/wrapper/maven-wrapper.properties)" "$1"
}

# The library's files in lib/target/kit (the jars every notebook puts on its classpath, kit.jsh)
# against the sha256 manifest written when they were built: true if every file is there, unchanged,
# and there is no other.
KIT_LIB_DIR="$KIT_ROOT/lib/target/kit"
kit_library_intact() {
  local manifest="$KIT_LIB_DIR/.kit-manifest.sha256"
  [ -f "$manifest" ] && [ -f "$KIT_LIB_DIR/curse-of-memory-lib.jar" ] || return 1
  [ "$(cd "$KIT_LIB_DIR" && find . -maxdepth 1 -type f ! -name '.*' -printf '%f\n' | LC_ALL=C sort)" \
    = "$(sed 's/^[0-9a-f]*  //' "$manifest")" ] || return 1
  (cd "$KIT_LIB_DIR" && sha256sum --quiet --strict -c .kit-manifest.sha256 >/dev/null 2>&1)
}
kit_library_damage() {
  (cd "$KIT_LIB_DIR" && sha256sum --quiet -c .kit-manifest.sha256 2>/dev/null | sed 's/: .*//' | head -n3 | tr '\n' ' ')
}
kit_library_record() {
  (cd "$KIT_LIB_DIR" && find . -maxdepth 1 -type f ! -name '.*' -printf '%f\n' | LC_ALL=C sort | xargs -d '\n' sha256sum) \
    > "$KIT_LIB_DIR/.kit-manifest.sha256"
}

# The dependency jars in lib/target/kit against the checksums Maven Central published for them,
# which Maven keeps beside each download in the repository (NAME.jar.sha1); a copy that matches none
# comes from a damaged download. Prints the repository files to fetch again (nothing if all match,
# or a jar has no published checksum there, e.g. one installed by hand).
kit_library_damaged_downloads() {
  local repo=$1 jar name want found
  local -a expr=()
  for jar in "$KIT_LIB_DIR"/*.jar; do
    name=${jar##*/}
    [ "$name" = curse-of-memory-lib.jar ] && continue
    expr+=(${expr[0]+-o} -name "$name")
  done
  [ ${#expr[@]} -gt 0 ] || return 0
  local listing
  listing=$(find "$repo" -type f \( "${expr[@]}" \) 2>/dev/null)
  for jar in "$KIT_LIB_DIR"/*.jar; do
    name=${jar##*/}
    [ "$name" = curse-of-memory-lib.jar ] && continue
    want=$(sha1sum "$jar" | cut -d' ' -f1) found=0
    local candidates=() path published
    while IFS= read -r path; do
      [ "${path##*/}" = "$name" ] || continue
      published=$(head -c 40 "$path.sha1" 2>/dev/null) || continue
      [ -n "$published" ] || continue
      [ "$published" = "$want" ] && found=1
      [ "$(sha1sum "$path" | cut -d' ' -f1)" = "$published" ] || candidates+=("$path")
    done <<< "$listing"
    [ "$found" = 1 ] || [ ${#candidates[@]} = 0 ] || printf '%s\n' "${candidates[@]}"
  done
}

# kit_maven_run LOG SECONDS ARGS...: ./mvnw quietly under a time limit, its output in LOG.
kit_maven_run() {
  local log=$1 seconds=$2; shift 2
  mkdir -p "$KIT_STATE"
  kit_mvn_note
  (cd "$KIT_ROOT" && kit_timeout "$seconds" ./mvnw -B -q -ntp -Dstyle.color=never \
      -Daether.connector.connectTimeout=20000 -Daether.connector.requestTimeout=120000 "$@") >"$log" 2>&1
}
# True if a failed Maven run's log says it could not download something (as opposed to a compile error).
kit_maven_offline_failure() {
  grep -qE 'Could not (transfer|resolve|find artifact)|could not be resolved|Unknown host|Temporary failure in name resolution|Network is unreachable|Connect(ion)? timed out|Connection refused|offline mode|has not been downloaded from it before' "$1"
}

# The library and its runtime jars in lib/target/kit, where notebooks load them from, built with
# ./mvnw; and everything ./kit test's Maven run needs, fetched once per change of the poms so that
# ./kit test then works with the network cut. Checked by hash on every set-up: a truncated or
# changed jar is rebuilt offline from the Maven repository.
kit_ensure_library() {
  local sources="$KIT_LIB_DIR/.kit-sources.sha256" want repo log="$KIT_STATE/maven.log" rc
  local intact=0 resolved=0 built=0 online_failed=0 line
  # -H: a kit root whose pom.xml or lib/ is a symbolic link (the lab test's copy) hashes the same files
  want=$(cd "$KIT_ROOT" && find -H pom.xml lib/pom.xml lib/src/main -type f | LC_ALL=C sort | xargs cat | sha256sum | cut -d' ' -f1)
  repo=$(kit_maven_repo)
  kit_maven_resolved "$repo" && resolved=1
  if [ "$(cat "$sources" 2>/dev/null)" = "$want" ]; then
    if kit_library_intact; then
      intact=1
    elif [ -f "$KIT_LIB_DIR/.kit-manifest.sha256" ]; then
      kit_say "lib/target/kit does not match the sha256 it was built with ($(kit_library_damage)or a file missing or extra): rebuilding it"
    fi
  fi
  [ "$intact" = 1 ] && [ "$resolved" = 1 ] && return 0
  # Copy-dependencies and the jar plugin keep a file that looks newer than its source: start afresh.
  [ "$intact" = 1 ] || rm -rf "$KIT_LIB_DIR"
  if [ "$resolved" = 0 ]; then
    # The build ./kit test runs, with the test runner started on no test: compiles the library,
    # its tests and the benchmarks, packages lib/target/kit, and leaves every plugin, dependency and
    # surefire's JUnit provider in the Maven repository.
    kit_say "fetching what the library and ./kit test need from Maven Central and building the library (./mvnw verify, no tests) into lib/target/kit"
    rc=0
    kit_maven_run "$log" 1800 verify '-Dtest=*#kitSetupResolvesOnly' -Dsurefire.failIfNoSpecifiedTests=false || rc=$?
    if [ "$rc" = 0 ] && [ -f "$KIT_LIB_DIR/curse-of-memory-lib.jar" ]; then
      kit_maven_key "$repo" > "$KIT_STATE/maven-resolved"
      [ "$intact" = 1 ] || built=1
    elif [ "$rc" = 124 ] || kit_maven_offline_failure "$log"; then
      online_failed=1   # said below, once the library is there (or set-up stops with one line)
    else
      cat "$log" >&2
      kit_die "the library build failed (Maven's messages above; also in .kit/maven.log)"
    fi
  fi
  if [ "$intact" = 0 ] && [ "$built" = 0 ]; then
    kit_say "building the library (./mvnw -o package, from the Maven repository) into lib/target/kit"
    rm -rf "$KIT_LIB_DIR"
    rc=0
    kit_maven_run "$log" 900 -o -DskipTests package -pl lib -am || rc=$?
    if [ "$rc" != 0 ] && [ "$online_failed" = 0 ] && { [ "$rc" = 124 ] || kit_maven_offline_failure "$log"; }; then
      kit_say "the Maven repository lacks something the library needs: building it online"
      rc=0
      kit_maven_run "$log" 1800 -DskipTests package -pl lib -am || rc=$?
    fi
    if [ "$rc" != 0 ]; then
      if [ "$rc" = 124 ] || kit_maven_offline_failure "$log"; then
        kit_die "could not build the library: Maven needs files from Maven Central that are not in $repo (log: .kit/maven.log): connect to the network and run ./kit setup again"
      fi
      cat "$log" >&2
      kit_die "the library build failed (Maven's messages above; also in .kit/maven.log)"
    fi
    built=1
  fi
  if [ "$built" = 1 ]; then
    local damaged
    damaged=$(kit_library_damaged_downloads "$repo")
    if [ -n "$damaged" ]; then
      kit_say "the Maven repository holds damaged downloads (sha1 differs from Maven Central's): $(printf '%s\n' "$damaged" | sed 's#.*/##' | tr '\n' ' ')fetching them again"
      while IFS= read -r line; do rm -f "$line" "$line.sha1"; done <<< "$damaged"
      rm -rf "$KIT_LIB_DIR"
      rc=0
      kit_maven_run "$log" 1800 -DskipTests package -pl lib -am || rc=$?
      if [ "$rc" != 0 ]; then
        { [ "$rc" = 124 ] || kit_maven_offline_failure "$log"; } \
          || { cat "$log" >&2; kit_die "the library build failed (Maven's messages above; also in .kit/maven.log)"; }
        kit_die "could not build the library: Maven must fetch damaged downloads again from Maven Central (log: .kit/maven.log): connect to the network and run ./kit setup again"
      fi
      damaged=$(kit_library_damaged_downloads "$repo")
      [ -z "$damaged" ] || kit_die "Maven fetched these jars again and their sha1 still differs from Maven Central's: $(echo $damaged); delete them and run ./kit setup again"
    fi
    kit_library_record
    kit_library_intact || kit_die "lib/target/kit changed while set-up wrote its sha256 manifest: run ./kit setup again"
    echo "$want" > "$sources"
  fi
  [ "$online_failed" = 0 ] \
    || kit_warn "Maven could not fetch what ./kit test needs (offline? log: .kit/maven.log): ./kit lab works, but run ./kit setup once online before ./kit test"
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
  kit_timeout 600 $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive kit_timeout 1200 $sudo apt-get install -y -qq chromium fonts-dejavu-core >/dev/null \
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
