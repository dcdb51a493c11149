"""Set-up scenarios of issue 12: set-up checks what it built and installed, repairs it without the
network when it can, and otherwise stops with one line that says what to do; nothing hangs.

All scenarios share one scratch copy of the working tree (tracked and untracked files, not ignored
ones) with its own copy of the virtualenv running these tests as its .venv (set-up notices that the
copy moved and points its scripts at it). The copy is real (`cp -a`) for everything a scenario
damages or set-up writes: the top folder's files, bin/, share/ (the kernelspecs), jupyterlab's
package and .kit/; the rest of site-packages, which only pip rewrites (always into new files), is
hard-linked, which makes the copy a matter of seconds on a busy disk instead of half a minute.
Maven gets a fresh, empty local repository (MAVEN_ARGS=-Dmaven.repo.local=...).

"Online" fetches through a file mirror of the user's own Maven repository, named `central` as Maven
Central is (faster than downloading the ~90 MB again, and the same to Maven: a remote repository
the fresh one fills from); KIT_SCENARIOS_CENTRAL=1 fetches from Maven Central itself. Runs with the
network cut never get the mirror (a file URL would work without network): they see Maven Central
only, unreachable. "Network cut" runs the command in a new network namespace that has only a loopback
interface (`unshare -n`, or `unshare -rn` when not root); where neither works, Maven runs with -o
and pip with an unreachable proxy.

Scenarios, in order (each command under a hard time limit, so none can hang the suite):
  (a) fresh Maven repository + `./kit setup` online, then `./kit test` with the network cut (its
      Maven step limited to one test class through MAVEN_ARGS, its pytest step to collecting);
  (c, d) the JJava kernelspec removed, ipykernel's kernel.json edited and bin/jupyter-lab truncated:
      all restored offline in one set-up, byte for byte;
  (d) jupyterlab's module missing: one line offline (with KIT_SCENARIOS_PYPI=1 also: reinstalled
      by pip online);
  (b) truncated library jar and a dependency jar changed in one byte: rebuilt offline, by hash;
      a dependency damaged in the Maven repository (its sha1 is not Maven Central's): one line
      offline, fetched again online; a truncated jar and a Maven repository that lacks the
      dependencies: one line offline.
"""
from __future__ import annotations

import functools
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.matrix

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(sys.prefix)   # the kit's virtualenv, running these tests
LIB = Path("lib") / "target" / "kit"
KERNELSPEC = Path("share") / "jupyter" / "kernels" / "java"
TIMINGS: dict[str, float] = {}


@functools.cache
def _cut_prefix() -> list[str] | None:
    """The command prefix that runs a command with no network but loopback, None if there is none."""
    for unshare in (["unshare", "-n"], ["unshare", "-rn"]):
        try:
            ok = subprocess.run(unshare + ["sh", "-c", "ip link set lo up"], capture_output=True,
                                timeout=30).returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            ok = False
        if ok:
            return unshare + ["sh", "-c", 'ip link set lo up && exec "$@"', "cut"]
    return None



def _maven_repo_of_user() -> Path:
    out = subprocess.run(["bash", "-c", 'KIT_ROOT="$PWD"; source environment/setup.sh; kit_maven_repo'],
                         cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)
    return Path(out.stdout.strip())


@pytest.fixture(scope="module")
def kit(tmp_path_factory):
    """(tree, env): the scratch copy with its own .venv and a fresh Maven repository."""
    if not (VENV / ".kit-stamp").is_file():
        pytest.skip(f"{VENV} is not a virtualenv made by ./kit setup")
    base = tmp_path_factory.mktemp("setup-scenarios")
    tree = base / "kit"
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                           cwd=ROOT, check=True, capture_output=True).stdout.decode().split("\0")
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (tree / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, tree / name)
    start = time.monotonic()
    _copy_venv(VENV, tree / ".venv")
    TIMINGS["copy the virtualenv"] = time.monotonic() - start
    repo = base / "m2-fresh"
    repo.mkdir()
    mirror = ""
    if not os.environ.get("KIT_SCENARIOS_CENTRAL"):
        user_repo = _maven_repo_of_user()
        if not (user_repo / "org" / "apache" / "maven" / "surefire" / "surefire-junit-platform").is_dir():
            pytest.skip(f"{user_repo} has not been filled by ./kit setup; set KIT_SCENARIOS_CENTRAL=1")
        settings = base / "settings.xml"
        settings.write_text(
            "<settings><mirrors><mirror><id>central</id><mirrorOf>*</mirrorOf>"
            f"<url>{user_repo.as_uri()}</url></mirror></mirrors></settings>\n")
        mirror = f" -s {settings}"
    # the interpreter the virtualenv was made with (its stamp), so set-up keeps the copy
    python = (VENV / ".kit-stamp").read_text().split()[-1]
    env = {k: v for k, v in os.environ.items()
           if k not in {"KIT_VENV", "JUPYTER_PATH", "JJAVA_JVM_OPTS", "VIRTUAL_ENV", "PYTHONPATH",
                        "PYTHONHOME", "MAVEN_OPTS", "MAVEN_ARGS", "PYTEST_ADDOPTS"}}
    env.update(KIT_PYTHON=python, MAVEN_ARGS=f"-Dmaven.repo.local={repo}", KIT_SCENARIOS_MIRROR=mirror,
               PATH=os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                    if Path(p).resolve() != (VENV / "bin").resolve()))
    start = time.monotonic()
    first = _run(tree, env, ["./kit", "setup"], online=True, timeout=1200)
    TIMINGS["(a) ./kit setup, fresh Maven repository, online"] = time.monotonic() - start
    yield tree, env, repo, first
    subprocess.run(["rm", "-rf", str(base)], timeout=600)
    for name, seconds in TIMINGS.items():
        print(f"setup scenario {name}: {seconds:.0f} s")


def _copy_venv(source: Path, target: Path):
    """cp -a of the virtualenv, but site-packages hard-linked except jupyterlab's package (see above)."""
    target.mkdir()
    for entry in source.iterdir():
        if entry.name != "lib":
            subprocess.run(["cp", "-a", str(entry), str(target / entry.name)], check=True, timeout=600)
    subprocess.run(["cp", "-al", str(source / "lib"), str(target / "lib")], check=True, timeout=600)
    for package in (target / "lib").glob("python3.*/site-packages/jupyterlab"):
        shutil.rmtree(package)
        real = source / package.relative_to(target)
        subprocess.run(["cp", "-a", str(real), str(package)], check=True, timeout=600)
    assert (target / "bin" / "jupyter-lab").stat().st_nlink == 1


def _run(tree: Path, env: dict, argv: list[str], online: bool, timeout: float = 300, extra_env=None):
    env = dict(env, **(extra_env or {}))
    mirror = env.pop("KIT_SCENARIOS_MIRROR")
    if online:  # the file mirror is reachable without network: only online runs may use it
        env["MAVEN_ARGS"] += mirror
    else:
        if _cut_prefix() is not None:
            argv = _cut_prefix() + argv
        else:  # no network namespace: Maven offline, pip through a closed port
            env["MAVEN_ARGS"] = env["MAVEN_ARGS"] + " -o"
            env.update(https_proxy="http://127.0.0.1:9", http_proxy="http://127.0.0.1:9",
                       HTTPS_PROXY="http://127.0.0.1:9", HTTP_PROXY="http://127.0.0.1:9")
    try:
        return subprocess.run(argv, cwd=tree, env=env, capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired as err:
        pytest.fail(f"{' '.join(argv)} hung: no result after {timeout} s\n{err.stdout}\n{err.stderr}")


def _succeeded(result, what: str):
    assert result.returncode == 0, f"{what} failed ({result.returncode})\n{result.stdout}\n{result.stderr}"


def _one_line(result, *needles: str) -> str:
    """The run stopped with exactly one line, an instruction; returns it."""
    assert result.returncode != 0, f"expected a failure\n{result.stdout}\n{result.stderr}"
    lines = result.stderr.splitlines()
    assert len(lines) == 1, f"not one line on stderr:\n{result.stderr}"
    line = lines[0]
    assert line.startswith("[kit] error: "), line
    for needle in needles:
        assert needle in line, line
    return line


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _venv_verifies(tree: Path):
    check = subprocess.run([str(tree / ".venv" / "bin" / "python"), "environment/kit_venv_check.py",
                            "verify", str(tree / ".venv")], cwd=tree, capture_output=True, text=True,
                           timeout=300)
    assert check.returncode == 0, check.stdout + check.stderr


def _replace(path: Path, data: bytes, keep_time: bool = False):
    """Writes a new file in place of path (never into it: the copy may share it by hard link)."""
    stat = path.stat()
    path.unlink()
    path.write_bytes(data)
    os.chmod(path, stat.st_mode & 0o777)
    if keep_time:
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_a_fresh_maven_repository_then_kit_test_offline(kit):
    tree, env, repo, first = kit
    _succeeded(first, "./kit setup with a fresh Maven repository")
    assert first.stderr == "", first.stderr
    assert "fetching what the library and ./kit test need" in first.stdout, first.stdout
    assert "the virtualenv was moved" in first.stdout, first.stdout
    assert (repo / "org" / "apache" / "maven" / "surefire" / "surefire-junit-platform").is_dir()
    assert (repo / "org" / "junit" / "platform" / "junit-platform-launcher").is_dir()
    assert (tree / LIB / "curse-of-memory-lib.jar").is_file()
    _venv_verifies(tree)

    if _cut_prefix() is not None:   # the cut is real: Maven Central and PyPI are out of reach
        probe = _run(tree, env, [sys.executable, "-c", "import socket, sys\nfor host in sys.argv[1:]:\n"
                                 "    try: socket.create_connection((host, 443), 5)\n    except OSError: continue\n"
                                 "    sys.exit(host + ' is reachable')", "repo.maven.apache.org", "pypi.org"],
                     online=False, timeout=60)
        assert probe.returncode == 0, probe.stderr

    # a second set-up finds everything in place, and is quick
    start = time.monotonic()
    again = _run(tree, env, ["./kit", "setup"], online=False, timeout=120)
    TIMINGS["./kit setup again, nothing to do, offline"] = time.monotonic() - start
    _succeeded(again, "a second ./kit setup")
    assert again.stdout == "" and again.stderr == "", again.stdout + again.stderr

    # ./kit test with the network cut: its Maven step (one test class, so it is quick: surefire's
    # JUnit provider must be there) and its pytest step (collecting a test file in the .venv copy)
    tests = sorted((tree / "lib" / "src" / "test").rglob("*Test.java"))
    assert tests
    one = next((t for t in tests if t.stem == "ApproximantTest"), tests[0]).stem
    start = time.monotonic()
    result = _run(tree, env, ["./kit", "test", "-q", "-p", "no:cacheprovider", "--collect-only",
                              "tests/test_citations.py"], online=False, timeout=600,
                  extra_env={"MAVEN_ARGS": env["MAVEN_ARGS"] + f" -Dtest={one} -Dsurefire.failIfNoSpecifiedTests=false"})
    TIMINGS["(a) ./kit test, network cut"] = time.monotonic() - start
    _succeeded(result, "./kit test with the network cut")
    assert re.search(r"Tests run: [1-9]\d*, Failures: 0, Errors: 0", result.stdout), result.stdout[-3000:]
    assert "BUILD SUCCESS" in result.stdout
    assert "test_citations.py" in result.stdout


def test_cd_kernelspecs_and_jupyter_lab_restored_offline(kit):
    tree, env, _, _ = kit
    venv = tree / ".venv"
    java = venv / KERNELSPEC
    python3 = venv / "share" / "jupyter" / "kernels" / "python3" / "kernel.json"
    script = venv / "bin" / "jupyter-lab"
    before = {p: _sha256(p) for p in [*java.iterdir(), python3, script]}
    shutil.rmtree(java)                                       # (c) removed
    _replace(python3, python3.read_bytes().replace(b'"python', b'"/no/such/python', 1))   # (c) edited
    assert _sha256(python3) != before[python3]
    _replace(script, script.read_bytes()[: script.stat().st_size // 2])                   # (d) truncated
    start = time.monotonic()
    result = _run(tree, env, ["./kit", "setup"], online=False)
    TIMINGS["(c, d) kernelspecs removed and edited, jupyter-lab truncated"] = time.monotonic() - start
    _succeeded(result, "./kit setup with the kernelspecs and bin/jupyter-lab damaged")
    assert result.stderr == "", result.stderr
    for what in ("share/jupyter/kernels/java/kernel.json was missing",
                 "share/jupyter/kernels/python3/kernel.json was changed",
                 "bin/jupyter-lab was changed"):
        assert what in result.stdout, result.stdout
    assert {p: _sha256(p) for p in before} == before
    version = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=120)
    assert version.returncode == 0 and re.fullmatch(r"\d+\.\d+\.\d+\s*", version.stdout), version
    _venv_verifies(tree)


def test_d_jupyterlab_module_missing(kit):
    tree, env, _, _ = kit
    labapp = next((tree / ".venv" / "lib").glob("python3.*/site-packages/jupyterlab/labapp.py"))
    good = labapp.read_bytes()
    labapp.unlink()
    start = time.monotonic()
    offline = _run(tree, env, ["./kit", "setup"], online=False)
    TIMINGS["(d) jupyterlab module missing, offline"] = time.monotonic() - start
    line = _one_line(offline, "jupyterlab==", "connect to the network and run ./kit setup again")
    print(line)
    assert not labapp.exists()
    if not os.environ.get("KIT_SCENARIOS_PYPI"):
        labapp.write_bytes(good)   # a new file: the package is a real copy
        return
    start = time.monotonic()
    online = _run(tree, env, ["./kit", "setup"], online=True, timeout=900)
    TIMINGS["(d) jupyterlab module missing, online (pip reinstalls it)"] = time.monotonic() - start
    _succeeded(online, "./kit setup online with jupyterlab's module missing")
    assert "reinstalling it from the lock" in online.stdout, online.stdout
    assert labapp.read_bytes() == good
    _venv_verifies(tree)


def test_b_damaged_jars_rebuilt_offline(kit):
    tree, env, _, _ = kit
    lib = tree / LIB
    jar = lib / "curse-of-memory-lib.jar"
    dependency = next(lib.glob("ejml-core-*.jar"))
    dependency_sha = _sha256(dependency)
    _replace(jar, jar.read_bytes()[: jar.stat().st_size // 2])
    data = bytearray(dependency.read_bytes())
    data[len(data) // 2] ^= 0xFF   # same size, same time: only its hash tells
    _replace(dependency, bytes(data), keep_time=True)
    start = time.monotonic()
    result = _run(tree, env, ["./kit", "setup"], online=False)
    TIMINGS["(b) truncated jar, offline rebuild"] = time.monotonic() - start
    _succeeded(result, "./kit setup with a truncated library jar")
    assert "does not match the sha256 it was built with" in result.stdout, result.stdout
    assert "curse-of-memory-lib.jar" in result.stdout and dependency.name in result.stdout, result.stdout
    assert _sha256(dependency) == dependency_sha
    with zipfile.ZipFile(jar) as archive:
        assert archive.testzip() is None
        assert any(n.startswith("org/curseofmemory/") for n in archive.namelist())
    check = subprocess.run(["sha256sum", "--quiet", "--strict", "-c", ".kit-manifest.sha256"], cwd=lib,
                           capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, check.stdout + check.stderr


def test_b_damaged_download_in_maven_repository(kit):
    """A dependency damaged in the Maven repository itself (a bad download): the rebuild copies it,
    set-up finds that its sha1 is not the one Maven Central published, and fetches it again; with
    the network cut, one line."""
    tree, env, repo, _ = kit
    lib = tree / LIB
    jar = lib / "curse-of-memory-lib.jar"
    copy = next(lib.glob("ejml-core-*.jar"))
    good = _sha256(copy)
    download = next(repo.rglob(copy.name))
    assert (download.parent / (copy.name + ".sha1")).is_file()
    data = bytearray(download.read_bytes())
    data[len(data) // 3] ^= 0xFF
    _replace(download, bytes(data), keep_time=True)
    _replace(jar, jar.read_bytes()[:1000])
    start = time.monotonic()
    offline = _run(tree, env, ["./kit", "setup"], online=False)
    TIMINGS["(b) damaged download in the Maven repository, offline"] = time.monotonic() - start
    _one_line(offline, "connect to the network and run ./kit setup again")
    assert copy.name in offline.stdout and "sha1 differs from Maven Central's" in offline.stdout, offline.stdout
    start = time.monotonic()
    online = _run(tree, env, ["./kit", "setup"], online=True, timeout=900)
    TIMINGS["(b) damaged download in the Maven repository, online"] = time.monotonic() - start
    _succeeded(online, "./kit setup online after a damaged download")
    assert _sha256(copy) == good and _sha256(download) == good


def test_b_damaged_jar_without_maven_repository_one_line(kit, tmp_path):
    tree, env, _, _ = kit
    jar = tree / LIB / "curse-of-memory-lib.jar"
    _replace(jar, jar.read_bytes()[:1000])
    empty = tmp_path / "m2-empty"
    empty.mkdir()
    start = time.monotonic()
    result = _run(tree, env, ["./kit", "setup"], online=False,
                  extra_env={"MAVEN_ARGS": f"-Dmaven.repo.local={empty}"})
    TIMINGS["(b) truncated jar, no Maven repository, offline"] = time.monotonic() - start
    _one_line(result, "connect to the network and run ./kit setup again")
