"""Peak memory and CPU of the kernel's JVM on one notebook: the JVM's defaults against the kit's options.

    .venv/bin/python benchmarks/kernel_memory.py [--rounds N] [--notebook NAME] [--kit-opts "..."]

Executes the notebook (07 by default, the heaviest in memory) in the kit's Java kernel, alternately
with JJAVA_JVM_OPTS empty (the JVM's defaults) and with the kit's options (--kit-opts, which run.sh
takes from environment/setup.sh), and samples the kernel JVM's resident memory (VmRSS) and CPU time
every 50 ms. The kernel's JVM is the process running jjava.jar; JJava's launcher JVM is left out (its
share is the same both ways). Prints the medians and a target line for issue 15's goal: resident
memory at least 30 % lower at equal speed (the kit's CPU time at most 10 % above the defaults').
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "environment"))
import kit_notebooks  # noqa: E402

GOAL_RSS_CUT = 0.30
EQUAL_SPEED = 1.10
TICK = os.sysconf("SC_CLK_TCK")


def _kernel_pids() -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                cmd = Path(f"/proc/{entry}/cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if any(c.endswith(b"/jjava.jar") for c in cmd) and not any(c.endswith(b"jjava-launcher.jar") for c in cmd):
                pids.append(int(entry))
    return pids


def _sample(pid: int) -> tuple[int, float] | None:
    """(VmRSS in KiB, user+system CPU seconds) of a process, None once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    rss = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    fields = stat[stat.rindex(")") + 2:].split()
    return rss, (int(fields[11]) + int(fields[12])) / TICK


def one_run(path: Path, opts: str) -> tuple[float, float, float]:
    """(peak RSS MiB, kernel CPU s, notebook wall s) of one execution with JJAVA_JVM_OPTS=opts."""
    os.environ["JJAVA_JVM_OPTS"] = opts
    before = set(_kernel_pids())
    peak, cpu, done = 0, 0.0, threading.Event()

    def watch():
        nonlocal peak, cpu
        while not done.is_set():
            for pid in set(_kernel_pids()) - before:
                got = _sample(pid)
                if got:
                    peak, cpu = max(peak, got[0]), max(cpu, got[1])
            done.wait(0.05)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        _, seconds = kit_notebooks.execute(path)
    finally:
        done.set()
        watcher.join()
    if peak == 0:
        raise SystemExit("never saw the kernel's JVM (a process running jjava.jar)")
    return peak / 1024, cpu, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--notebook", default="07-plateaus.ipynb")
    parser.add_argument("--kit-opts", required=True, help="the kit's JJAVA_JVM_OPTS (run.sh passes them)")
    args = parser.parse_args()
    path = kit_notebooks.NOTEBOOKS / args.notebook
    arms = {"JVM defaults": "", "kit's options": args.kit_opts}
    runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in arms}
    for _ in range(args.rounds):  # interleaved: a round runs both arms
        for name, opts in arms.items():
            runs[name].append(one_run(path, opts))
    print(f"kernel JVM on {args.notebook}, median of {args.rounds} interleaved rounds:")
    med = {}
    for name, values in runs.items():
        med[name] = [statistics.median(v[i] for v in values) for i in range(3)]
        rss, cpu, wall = med[name]
        print(f"  {name:<14} peak RSS {rss:6.0f} MiB   kernel CPU {cpu:5.1f} s   notebook {wall:5.1f} s")
    print(f"  kit's options: {args.kit_opts}")
    (rss0, cpu0, _), (rss1, cpu1, _) = med["JVM defaults"], med["kit's options"]
    cut, speed = 1 - rss1 / rss0, cpu1 / cpu0
    met = cut >= GOAL_RSS_CUT and speed <= EQUAL_SPEED
    print(f"target kernel memory >= {GOAL_RSS_CUT:.0%} lower at equal speed: {'MET' if met else 'MISSED'} "
          f"(peak RSS {cut:.0%} lower, kernel CPU x{speed:.2f} of the defaults')")
    return 0


if __name__ == "__main__":
    sys.exit(main())
