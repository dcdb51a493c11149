"""Shared fixtures and the run's report.

- Each notebook is executed once per session (tests/notebook_runs.py), whichever test or worker needs
  it first; `run_notebook` gives that run.
- With two workers (`./kit test` passes `-n 2 --dist loadgroup`), the tests of one notebook (its
  run, its export, its answers) form one group, so one worker does them one after the other with the
  run in hand; every other test is grouped by module, so a module's fixtures (the lab, the book, the
  course pipeline, the course server) start once (see scheduling_group).
- The summary at the end gives each notebook's wall time, each tier's total (a tier is a test module)
  and any figures a test reported with `report_line`.
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "environment"))
import kit_notebooks  # noqa: E402
import notebook_runs  # noqa: E402

_PENDING: list[tuple[str, str]] = []          # lines reported by this process's current test
_SECTIONS: dict[str, list[str]] = {}          # controller: section -> lines
_TIMES: dict[str, tuple[float, float]] = {}   # controller: notebook -> (seconds, budget)
_TIERS: dict[str, float] = {}                 # controller: module -> summed setup+call+teardown time
_START = time.monotonic()


def run_notebook(path: Path):
    """(executed notebook, seconds) of the session's one run of the notebook; a failed run fails the test."""
    try:
        nb, seconds, _ = notebook_runs.run(path)
    except kit_notebooks.NotebookFailure as err:
        pytest.fail(str(err), pytrace=False)
    report_notebook_time(path.name, seconds, kit_notebooks.budget_seconds(nb))
    return nb, seconds


def notebook_answers(path: Path) -> dict[str, float]:
    """The model answers of the notebook's solution cells, as its session run computed them."""
    try:
        return notebook_runs.run(path)[2]
    except kit_notebooks.NotebookFailure as err:
        pytest.fail(str(err), pytrace=False)


def report_line(section: str, line: str) -> None:
    """A line for the end-of-run summary, under `section` (works from either worker)."""
    _PENDING.append((section, line))


def report_notebook_time(name: str, seconds: float, budget: float) -> None:
    _PENDING.append(("\0notebook", f"{name}\0{seconds}\0{budget}"))


@pytest.fixture
def notebook_runner():
    return run_notebook


# ------------------------------------------------------------------------------------- scheduling


# tests/<module>::test[NN-name.ipynb]: the modules whose tests take one notebook each
_PER_NOTEBOOK = ("tests/test_notebooks.py", "tests/test_export.py", "tests/test_solutions.py")
_NOTEBOOK_ID = re.compile(r"\[(\d\d-[\w.-]+?\.ipynb)\]")


def scheduling_group(nodeid: str) -> str:
    """The unit of work a worker takes whole: one notebook's tests, or one module's."""
    module = nodeid.split("::", 1)[0]
    found = _NOTEBOOK_ID.search(nodeid)
    if module.endswith(_PER_NOTEBOOK) and found:
        return "notebook " + found.group(1)
    return module


# The longest tiers first, so that neither worker is left with a long tier at the end (the
# scheduler hands out groups in collection order); notebooks and quick modules fill the gaps.
_LONG_FIRST = ("tests/test_server.py", "tests/test_setup_matrix.py", "tests/test_setup_scenarios.py",
               "tests/test_course.py", "tests/test_lab_browser.py", "tests/test_book.py")


def pytest_collection_modifyitems(config, items):
    """The same order in every worker (xdist requires it): long tiers first, then the rest as collected."""
    def rank(item):
        module = item.nodeid.split("::", 1)[0]
        return _LONG_FIRST.index(module) if module in _LONG_FIRST else len(_LONG_FIRST)

    items.sort(key=rank)  # stable: within a tier, collection order


def pytest_xdist_make_scheduler(config, log):
    """`--dist loadgroup` with the groups of scheduling_group (xdist's own group marker does not reach its
    scheduler under pytest 9, whose node ids are no longer plain strings that xdist can rename)."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ByNotebookOrModule(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return scheduling_group(nodeid)

    return ByNotebookOrModule(config, log)


# ------------------------------------------------------------------------------------------ report


def _is_worker(config) -> bool:
    return hasattr(config, "workerinput")


def pytest_configure(config):
    if not _is_worker(config):
        notebook_runs.clear_old_sessions()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    if _PENDING:
        outcome.get_result().user_properties.extend(("kit-report", s, l) for s, l in _PENDING)
        _PENDING.clear()


def pytest_runtest_logreport(report):
    """Runs in the controlling process for every report, its own or a worker's."""
    module = report.nodeid.split("::", 1)[0]
    _TIERS[module] = _TIERS.get(module, 0.0) + report.duration
    for prop in report.user_properties:
        if len(prop) == 3 and prop[0] == "kit-report":
            _, section, line = prop
            if section == "\0notebook":
                name, seconds, budget = line.split("\0")
                _TIMES.setdefault(name, (float(seconds), float(budget)))
            elif line not in _SECTIONS.setdefault(section, []):
                _SECTIONS[section].append(line)


def pytest_terminal_summary(terminalreporter, config):
    if _is_worker(config):
        return
    write = terminalreporter.write_line
    for section, lines in _SECTIONS.items():
        terminalreporter.section(section)
        for line in lines:
            write(line)
    if _TIMES:
        terminalreporter.section(f"notebook wall times (kernel: {kit_notebooks.kernel_name()})")
        for name, (seconds, budget) in sorted(_TIMES.items()):
            write(f"{name:<45} {seconds:6.1f} s  (budget {budget:.0f} s)")
        write(f"{'all notebooks':<45} {sum(s for s, _ in _TIMES.values()):6.1f} s")
    if _TIERS:
        terminalreporter.section("tier totals (test time per module, set-up and tear-down included)")
        for module, seconds in sorted(_TIERS.items(), key=lambda kv: -kv[1]):
            write(f"{module:<45} {seconds:6.1f} s")
        workers = getattr(config.option, "numprocesses", None)
        workers = workers if isinstance(workers, int) else 0
        write(f"{'sum of tiers':<45} {sum(_TIERS.values()):6.1f} s  "
              f"(wall {time.monotonic() - _START:.1f} s with {workers or 1} worker{'s' if workers > 1 else ''})")
