"""Set-up matrix: `./kit setup` and notebook 00 under every supported Python on this machine and under
JDK 17 and the newest JDK, with no `mvn` on PATH; an unsupported Python gets the one-line message.

The combinations share one scratch copy of the working tree (so the library is built once, by
./mvnw, in the first combination that runs), the user's pip and uv caches and the uv that set-up
keeps in .kit/uv; each has its own throw-away virtualenv (KIT_VENV), installed without precompiled
bytecode to save time. Set-up installs the lock with uv, falling back to pip; Debian's own Python
takes pip's way (KIT_NO_UV=1), so both stay tested. Every Python appears once and every JDK at
least once; the main suite adds whatever `python3` and `java` the caller has (3.11.7 and JDK 17 on
the kit's CI machine).

Slow (a virtualenv per Python): deselect locally with `./kit test -m "not matrix"`; CI runs it.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from conftest import report_line

pytestmark = pytest.mark.matrix

ROOT = Path(__file__).resolve().parent.parent
PYENV = Path(os.environ.get("PYENV_ROOT", str(Path.home() / ".pyenv"))) / "versions"
JDK17 = Path("/usr/lib/jvm/java-17-openjdk-amd64")
JDK25 = Path("/usr/lib/jvm/temurin-25-jdk-amd64")

# (id, interpreter, how set-up is told about it, JDK). "finder": no KIT_PYTHON; the interpreter is
# on PATH as python3.13 beside an unsupported python3, and set-up must pick it by itself.
COMBINATIONS = [
    ("debian-3.11.2-jdk25", Path("/usr/bin/python3"), "KIT_PYTHON", JDK25),
    ("pyenv-3.10-jdk17", PYENV / "3.10.13" / "bin" / "python3", "KIT_PYTHON", JDK17),
    ("pyenv-3.12-jdk25", PYENV / "3.12.1" / "bin" / "python3", "KIT_PYTHON", JDK25),
    ("pyenv-3.13-jdk17", PYENV / "3.13.0" / "bin" / "python3", "finder", JDK17),
]
UNSUPPORTED = PYENV / "3.9.18" / "bin" / "python3"

# JJava's own log lines on the kernel's stderr ("[I 2026-11-30 12:52:38.304 KernelLauncher] ...");
# anything else there (a JVM warning, a stack trace) is noise a student would see.
KERNEL_LOG = re.compile(r"^\[[A-Z] \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} [\w.-]+\] ")

RUN_NOTEBOOK_00 = """
import json, sys
sys.path.insert(0, "environment")
import kit_notebooks
nb, seconds = kit_notebooks.execute(kit_notebooks.NOTEBOOKS / "00-start-here.ipynb")
stderr = [o.get("text", "") for c in nb.cells for o in c.get("outputs", [])
          if o.get("output_type") == "stream" and o.get("name") == "stderr"]
print(json.dumps({"seconds": seconds, "cell_stderr": stderr, "python": sys.version.split()[0]}))
"""


def _need(path: Path) -> Path:
    if not path.exists():
        message = f"{path} is not on this machine"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI must run the whole matrix)", pytrace=False)
        pytest.skip(message)
    return path


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    """A copy of the working tree (tracked and untracked, not ignored files: no venv, no build)
    and a PATH holding the system's commands without mvn and without any python."""
    base = tmp_path_factory.mktemp("setup-matrix")
    tree = base / "kit"
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, check=True, capture_output=True,
    ).stdout.decode().split("\0")
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            (tree / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, tree / name)
    farm = base / "bin"
    farm.mkdir()
    for entry in Path("/usr/bin").iterdir():
        if not re.match(r"^(mvn|mvnDebug|mvnyjp|python.*|pip.*)$", entry.name):
            (farm / entry.name).symlink_to(entry)
    yield tree, farm
    shutil.rmtree(base, ignore_errors=True)


def _env(farm: Path, jdk: Path, venv: Path, pybin: Path | None = None, kit_python: Path | None = None):
    env = {k: v for k, v in os.environ.items()
           if k not in {"KIT_VENV", "KIT_PYTHON", "JUPYTER_PATH", "JJAVA_JVM_OPTS", "JAVA_HOME",
                        "VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PIP_NO_CACHE_DIR", "MAVEN_HOME",
                        "M2_HOME"}}
    # Installing without precompiling bytecode saves about 5,300 .pyc files and much of the CPU time
    # of each virtualenv; whether the lock installs and the notebook runs is unchanged. pip reads
    # PIP_COMPILE=0 as --no-compile (PIP_NO_COMPILE=1, the obvious spelling, makes it compile).
    env["PIP_COMPILE"] = "0"
    env["UV_COMPILE_BYTECODE"] = "0"   # the same for uv, which set-up tries first
    env["PATH"] = os.pathsep.join(str(p) for p in (pybin, farm) if p is not None)
    env["JAVA_HOME"] = str(jdk)
    env["KIT_VENV"] = str(venv)
    if kit_python is not None:
        env["KIT_PYTHON"] = str(kit_python)
    assert shutil.which("mvn", path=env["PATH"]) is None
    return env


def _finder_bin(base: Path, supported: Path | None) -> Path:
    """python3 -> the unsupported 3.9, a pyenv-like shim for python3.12 that fails, and, if given,
    python3.13 -> the supported interpreter."""
    pybin = base / ("pybin-" + ("with-313" if supported else "none"))
    pybin.mkdir(exist_ok=True)
    (pybin / "python3").symlink_to(_need(UNSUPPORTED))
    shim = pybin / "python3.12"
    shim.write_text("#!/bin/sh\necho \"pyenv: python3.12: command not found\" >&2\nexit 127\n")
    shim.chmod(0o755)
    if supported:
        (pybin / "python3.13").symlink_to(supported)
    return pybin


@pytest.mark.parametrize("name,python,how,jdk", COMBINATIONS, ids=[c[0] for c in COMBINATIONS])
def test_setup_and_notebook_00(scratch, name, python, how, jdk):
    tree, farm = scratch
    _need(python)
    _need(jdk)
    venv = tree.parent / f"venv-{name}"
    if how == "finder":
        env = _env(farm, jdk, venv, pybin=_finder_bin(tree.parent, python))
    else:
        env = _env(farm, jdk, venv, kit_python=python)
    # set-up installs the lock with uv and falls back to pip; Debian's own Python takes pip's way
    pip_only = name.startswith("debian")
    if pip_only:
        env["KIT_NO_UV"] = "1"
    version = subprocess.run([str(python), "-c", "import sys; print(sys.version.split()[0])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    try:
        start = time.monotonic()
        setup = subprocess.run(["./kit", "setup"], cwd=tree, env=env, capture_output=True, text=True,
                               stdin=subprocess.DEVNULL, timeout=900)
        setup_s = time.monotonic() - start
        assert setup.returncode == 0, f"{name}: ./kit setup failed\n{setup.stdout}\n{setup.stderr}"
        assert setup.stderr == "", f"{name}: ./kit setup wrote to stderr:\n{setup.stderr}"
        assert f"with Python {version} " in setup.stdout, setup.stdout
        assert pip_only or "uv could not install" not in setup.stdout, f"{name}: uv fell back to pip\n{setup.stdout}"
        assert (tree / "lib" / "target" / "kit" / "curse-of-memory-lib.jar").is_file()

        # Notebook 00 in the environment the kit's own set-up exports (kernelspec, JVM options).
        start = time.monotonic()
        run = subprocess.run(
            ["bash", "-c", 'KIT_ROOT="$PWD"; source environment/setup.sh; kit_setup >/dev/null; '
                           'exec "$KIT_VENV/bin/python" -c "$1"', "run", RUN_NOTEBOOK_00],
            cwd=tree, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=600)
        run_s = time.monotonic() - start
        assert run.returncode == 0, f"{name}: notebook 00 failed\n{run.stdout}\n{run.stderr}"
        result = json.loads(run.stdout.strip().splitlines()[-1])
        assert result["python"] == version
        assert result["cell_stderr"] == [], f"{name}: cells wrote to stderr: {result['cell_stderr']}"
        noise = [line for line in run.stderr.splitlines() if not KERNEL_LOG.match(line)]
        assert not noise, f"{name}: the kernel wrote to stderr:\n" + "\n".join(noise[:10])
        report_line("set-up matrix", f"{name}: Python {version}, JDK {jdk.name}: set-up {setup_s:.0f} s "
              f"({'pip' if pip_only else 'uv'}), "
              f"notebook 00 {result['seconds']:.0f} s (with kernel start {run_s:.0f} s)")
    finally:
        shutil.rmtree(venv, ignore_errors=True)


@pytest.mark.parametrize("how", ["KIT_PYTHON", "finder"])
def test_unsupported_python_gets_one_line(scratch, how):
    tree, farm = scratch
    venv = tree.parent / f"venv-unsupported-{how}"
    if how == "finder":
        env = _env(farm, JDK17, venv, pybin=_finder_bin(tree.parent, None))
    else:
        env = _env(farm, JDK17, venv, kit_python=_need(UNSUPPORTED))
    result = subprocess.run(["./kit", "setup"], cwd=tree, env=env, capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, timeout=120)
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    line = lines[0]
    assert line.startswith("[kit] error: ")
    assert "3.9.18" in line and "Python 3.10 to 3.13" in line
    for hint in ("apt install python3 python3-venv", "brew install python@", "WSL"):
        assert hint in line, line
    assert not venv.exists(), "set-up created the virtualenv before refusing the interpreter"
