"""Time from a fresh kernel to the first figure of notebook 00, and where that time goes.

    .venv/bin/python benchmarks/first_figure.py [--rounds N] [--kernel NAME]

Starts the kit's Java kernel as JupyterLab does (the kernelspec, its JVM options), runs notebook 00's
code cells in order until one outputs a Plotly figure, and reports per round: kernel start (launch
until the kernel answers), each cell's wall time, and the total from launch to the figure. Prints the
median of the rounds and a target line for issue 15's goal (first figure within 4 s of kernel start).
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from jupyter_client.manager import start_new_kernel

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "00-start-here.ipynb"
PLOTLY = "application/vnd.plotly.v1+json"
GOAL_S = 4.0


def one_round(kernel: str) -> list[tuple[str, float]]:
    cells = [c for c in nbformat.read(NOTEBOOK, as_version=4).cells if c.cell_type == "code"]
    start = time.monotonic()
    km, kc = start_new_kernel(kernel_name=kernel, cwd=str(NOTEBOOK.parent), startup_timeout=120,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # its log lines
    parts = [("kernel start", time.monotonic() - start)]
    try:
        for cell in cells:
            began = time.monotonic()
            mimes: set[str] = set()

            def keep(msg, mimes=mimes):
                if msg["msg_type"] in ("display_data", "execute_result"):
                    mimes.update(msg["content"].get("data", {}))

            reply = kc.execute_interactive(cell.source, timeout=120, output_hook=keep)
            if reply["content"]["status"] != "ok":
                raise SystemExit(f"cell failed: {reply['content'].get('evalue')}\n{cell.source}")
            parts.append((cell.source.strip().splitlines()[0][:40], time.monotonic() - began))
            if PLOTLY in mimes:
                break
        parts.append(("first figure after launch", time.monotonic() - start))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return parts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--kernel", default="java")
    args = parser.parse_args()
    rounds = [one_round(args.kernel) for _ in range(args.rounds)]
    labels = [label for label, _ in rounds[0]]
    print(f"notebook 00, kernel {args.kernel!r}, median of {args.rounds} rounds (min, max):")
    for i, label in enumerate(labels):
        values = [r[i][1] for r in rounds]
        print(f"  {label:<42} {statistics.median(values):5.2f} s  ({min(values):.2f}, {max(values):.2f})")
    total = statistics.median(r[-1][1] for r in rounds)
    print(f"target first figure of 00 <= {GOAL_S:.0f} s after kernel start: "
          f"{'MET' if total <= GOAL_S else 'MISSED'} ({total:.2f} s median)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
