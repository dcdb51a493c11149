"""The test loop's two goals, measured the way a developer and CI meet them.

    .venv/bin/python benchmarks/test_loop.py [--skip-clone]

1. The notebook, export and browser tests (tests/test_notebooks.py, test_export.py,
   test_solutions.py, test_lab_browser.py, test_live_render.py) with the two workers of `./kit test`:
   pytest's wall time, goal <= 150 s.
2. A fresh clone of the committed HEAD (into a scratch folder), then `./kit test -m "not server"`:
   the whole command, set-up included, goal <= 240 s; its tier totals and per-notebook times.
   Uncommitted changes are not in the clone. The machine's pip cache and Maven repository are used,
   as on a CI machine that keeps them.

Prints a target line per goal (met or missed, with figures). Takes 8-10 minutes on 2 cores.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUBSET = ["tests/test_notebooks.py", "tests/test_export.py", "tests/test_solutions.py",
          "tests/test_lab_browser.py", "tests/test_live_render.py"]
SUBSET_GOAL_S = 150
CLONE_GOAL_S = 240


def _kit_env() -> dict[str, str]:
    """The environment `./kit test` gives pytest: set-up's exports (kernelspec path, JVM options)."""
    out = subprocess.run(
        ["bash", "-c", 'KIT_ROOT="$PWD"; source environment/setup.sh; kit_setup --with-browser >&2; env -0'],
        cwd=ROOT, capture_output=True, check=True)
    return dict(item.split("=", 1) for item in out.stdout.decode().split("\0") if "=" in item)


def _summary(output: str, title: str) -> list[str]:
    """The lines of one section of the suite's terminal summary (conftest.report_line)."""
    lines, inside = [], False
    for line in output.splitlines():
        if re.match(r"^=+ .* =+$", line):
            inside = title in line
            continue
        if inside and line.strip():
            lines.append(line)
    return lines


def subset() -> None:
    env = _kit_env()
    workers = os.environ.get("KIT_TEST_WORKERS", "2")
    start = time.monotonic()
    run = subprocess.run([sys.executable, "-m", "pytest", "-n", workers, "--dist", "loadgroup", "-q", *SUBSET],
                         cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.monotonic() - start
    passed = re.findall(r"^=* ?(\d+ (?:passed|failed|error).*?) in ([\d.]+)s", run.stdout, flags=re.M)
    outcome, seconds = passed[-1] if passed else ("no summary", f"{wall:.1f}")
    print(f"notebook, export and browser tests ({workers} workers): {outcome} in {seconds} s of pytest wall time")
    for line in _summary(run.stdout, "tier totals"):
        print("  " + line)
    for line in run.stdout.splitlines():
        if line.startswith(("FAILED ", "ERROR ")):
            print("  " + line)
    ok = run.returncode == 0 and float(seconds) <= SUBSET_GOAL_S
    print(f"target notebook/export/browser tests <= {SUBSET_GOAL_S} s: {'MET' if ok else 'MISSED'} "
          f"({seconds} s{'' if run.returncode == 0 else ', and tests failed'})")


def fresh_clone() -> None:
    scratch = Path(tempfile.mkdtemp(prefix="kit-test-loop-"))
    try:
        clone = scratch / "kit"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=clone, capture_output=True,
                              text=True, check=True).stdout.strip()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("KIT_", "JJAVA_", "VIRTUAL_ENV", "JUPYTER_PATH"))}
        start = time.monotonic()
        run = subprocess.run(["./kit", "test", "-m", "not server"], cwd=clone, env=env, capture_output=True, text=True)
        wall = time.monotonic() - start
        times = re.findall(r"\[kit\] times: (.*)", run.stdout)
        print(f"fresh clone of {head}, ./kit test -m 'not server': {wall:.0f} s ({times[-1] if times else 'no times line'})")
        for title in ("tier totals", "notebook wall times"):
            for line in _summary(run.stdout, title):
                print("  " + line)
        for line in run.stdout.splitlines():
            if line.startswith(("FAILED ", "ERROR ")):
                print("  " + line)
        ok = run.returncode == 0 and wall <= CLONE_GOAL_S
        print(f"target fresh-clone ./kit test without the server tier <= {CLONE_GOAL_S} s: "
              f"{'MET' if ok else 'MISSED'} ({wall:.0f} s{'' if run.returncode == 0 else ', and tests failed'})")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-clone", action="store_true", help="only the notebook/export/browser tests")
    args = parser.parse_args()
    subset()
    if not args.skip_clone:
        fresh_clone()
    return 0


if __name__ == "__main__":
    sys.exit(main())
