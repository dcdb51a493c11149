"""One execution of each notebook per test session, shared by every test and by both test workers.

`./kit test` runs pytest with two workers (pytest-xdist). A notebook's run is kept on disk in
build/test-runs/<session>/ behind a lock per notebook: the first test that needs it executes it, any
later test (on either worker) reads it back, and a test that asks while the other worker is executing
it waits for that run instead of starting a second one.

The run is the committed notebook plus one probe cell, the test's and never the notebook's, that prints
the model answer of every solution cell at full precision (test_solutions looks for those answers on
the page). The probe cell is removed from the executed notebook before anyone sees it.
"""
from __future__ import annotations

import copy
import fcntl
import json
import os
import re
import shutil
import uuid
from pathlib import Path

import nbformat

import kit_notebooks

RUNS = kit_notebooks.ROOT / "build" / "test-runs"
# without workers, one id per process; with workers, the id every worker of this run shares
_SESSION = os.environ.get("PYTEST_XDIST_TESTRUNUID") or uuid.uuid4().hex

CONFIRM = re.compile(r"\.confirmSolution\(\s*([A-Za-z_]\w*)\s*,")
# Before the solution cells used confirmSolution they graded with .grade(<variable>, ...): the answers
# are still found that way, so that a notebook leaking them fails rather than errors.
GRADE = re.compile(r"\.grade\(\s*([A-Za-z_]\w*)\s*,")
PROBE_MARK = "KIT-ANSWER"


def is_solution(cell) -> bool:
    return cell.cell_type == "code" and "solution" in cell.get("metadata", {}).get("tags", [])


def answer_variable(cell) -> str | None:
    found = CONFIRM.findall(cell.source) or GRADE.findall(cell.source)
    return found[-1] if found else None


def session_dir() -> Path:
    return RUNS / _SESSION


def clear_old_sessions() -> None:
    """Called once by the controlling process: earlier sessions' runs are stale."""
    if RUNS.is_dir():
        for old in RUNS.iterdir():
            if old.name != _SESSION:
                shutil.rmtree(old, ignore_errors=True)


def _execute_with_probe(path: Path):
    nb = nbformat.read(path, as_version=4)
    variables = [answer_variable(c) for c in nb.cells if is_solution(c) and answer_variable(c)]
    run = copy.deepcopy(nb)
    if variables:
        run.cells.append(nbformat.v4.new_code_cell(
            "\n".join(f'System.out.println("{PROBE_MARK} {v} " + Double.toString({v}));' for v in variables)))
    executed, seconds = kit_notebooks.execute_node(run, path.name)
    answers: dict[str, float] = {}
    if variables:
        probe = executed.cells.pop()
        printed = "".join(o.get("text", "") for o in probe.get("outputs", []) if o.get("output_type") == "stream")
        for line in printed.splitlines():
            if line.startswith(PROBE_MARK + " "):
                _, var, value = line.split(" ", 2)
                answers[var] = float(value)
    return executed, seconds, answers


def run(path: Path):
    """(executed notebook, seconds, {answer variable: value}); raises NotebookFailure if it failed."""
    where = session_dir()
    where.mkdir(parents=True, exist_ok=True)
    stem = where / path.stem
    with open(stem.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the other worker may be executing this notebook now
        done = stem.with_suffix(".json")
        if not done.exists():
            try:
                nb, seconds, answers = _execute_with_probe(path)
                nbformat.write(nb, stem.with_suffix(".ipynb"))
                record = {"status": "ok", "seconds": seconds, "answers": answers}
            except kit_notebooks.NotebookFailure as err:
                record = {"status": "failed", "message": str(err)}
            done.write_text(json.dumps(record), encoding="utf-8")
        record = json.loads(done.read_text(encoding="utf-8"))
    if record["status"] != "ok":
        raise kit_notebooks.NotebookFailure(record["message"])
    return nbformat.read(stem.with_suffix(".ipynb"), as_version=4), record["seconds"], record["answers"]
