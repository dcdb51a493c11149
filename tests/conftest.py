"""Shared fixtures for the notebook tests: executed notebooks are cached for the session so the
export test reuses the run of the notebook test, and each notebook's wall time is reported."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "environment"))
import kit_notebooks  # noqa: E402

_RESULTS: dict[str, tuple] = {}
_TIMES: dict[str, tuple[float, float]] = {}


def run_notebook(path: Path):
    """(executed notebook, seconds), executing at most once per session; failures are re-raised."""
    key = path.name
    if key not in _RESULTS:
        try:
            nb, seconds = kit_notebooks.execute(path)
            _RESULTS[key] = ("ok", nb, seconds)
            _TIMES[key] = (seconds, kit_notebooks.budget_seconds(nb))
        except kit_notebooks.NotebookFailure as err:
            _RESULTS[key] = ("failed", err, None)
    status, value, seconds = _RESULTS[key]
    if status == "failed":
        pytest.fail(str(value), pytrace=False)
    return value, seconds


@pytest.fixture
def notebook_runner():
    return run_notebook


def pytest_terminal_summary(terminalreporter):
    if not _TIMES:
        return
    terminalreporter.section(f"notebook wall times (kernel: {kit_notebooks.kernel_name()})")
    for name, (seconds, budget) in sorted(_TIMES.items()):
        terminalreporter.write_line(f"{name:<45} {seconds:6.1f} s  (budget {budget:.0f} s)")
