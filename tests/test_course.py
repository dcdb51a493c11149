"""The course (course/, `./kit course`): every problem set goes through the whole nbgrader pipeline.

For each problem set, in a scratch copy of the course: generate the student release; validate the
source (must pass) and the release with --invert (every test cell that carries points must fail),
through nbgrader's Python API; autograde the model solution and the untouched release in one run,
and a tampered submission (a shadowed `Check`, a line on System.err, an endless loop and trailing
values) in a copy of the course of its own; write feedback; read the scores from the gradebooks. The
three problem sets run in parallel, and within a set validation and the two autograde runs run side by
side: the tampered submission spends most of its time waiting out its endless loop's two cell
timeouts, and the others' kernels use the cores meanwhile (at most BUSY_RUNS of them at once).

Also checked without a kernel: the authoring rules of docs/instructor-guide.md, the locator that every
problem set ships, the LMS-zip import and the student copies of the teaching notebooks.
"""
from __future__ import annotations

import concurrent.futures
import html
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import warnings

import nbformat
import pytest

from conftest import report_line

ROOT = Path(__file__).resolve().parent.parent
COURSE = ROOT / "course"
sys.path.insert(0, str(COURSE))
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # nbgrader's SQLAlchemy models warn when imported (harmless)
    import kit_course  # noqa: E402

SETS = kit_course.assignments()
# Generous for a cell on a loaded machine: the slowest takes 2 s alone on a slow host (AMD EPYC at
# 2.4 GHz without AVX-512) and 7.5 s on a faster one with nine kernels at work on two cores.
CELL_TIMEOUT_S = 30
# The tampered submission is graded on its own (see _pipeline), with a shorter timeout: two of its
# cells wait the whole timeout out, and its others are quick alone (2 s at most on the slow host)
# but were once over 15 s with nine kernels and the other test worker on that host.
TAMPERED_CELL_TIMEOUT_S = 20
# At most this many of the validation and model/blank grading runs at once, over all problem sets:
# nine kernels on two cores make no run finish sooner, only every cell slower and every timeout
# above tighter. The tampered runs, mostly waiting out their loops, are not counted.
BUSY_RUNS = 2
_BUSY = threading.BoundedSemaphore(BUSY_RUNS)

# A fake Check that accepts everything: test cells name org.curseofmemory.check.Check in full, so it
# must change nothing.
FAKE_CHECK = """
class Check {
    static void near(String what, double measured, double expected, double tolerance) { }
    static void relativelyNear(String what, double measured, double expected, double tolerance) { }
    static void atMost(String what, double measured, double bound) { }
    static void atLeast(String what, double measured, double bound) { }
    static void between(String what, double measured, double lo, double hi) { }
    static void that(String what, boolean condition, String explanation) { }
}
"""
# Per problem set, which answer gets which tampering: a wrong answer behind the fake Check, a right
# one that writes to System.err, an endless loop (in an answer that only test cells call, so that the
# loop costs two cell timeouts), and a right one whose cell ends in a value while the student also
# edited a locked test cell to end in a number. Only the last deserves its points. The shadowing
# answer also declares a fake of a kit class that one of its tests uses by its simple name: the
# autograder's shadowing guard must fail that test cell with its message.
FAKE_LINEFIT = "record LineFit(double slope) { static LineFit leastSquares(double[] x, double[] y) { return new LineFit(0); } }"
TAMPER = {
    "ps1-memory-kernels": {"shadow": (1, "double[] kernelFromStepResponse(double[] y, double dt) { return new double[y.length - 2]; }"),
                           "fake": ("test-1-visible", "interface Trajectory { }"),
                           "stderr": 2, "loop": 3, "trailing": 4},
    "ps2-approximation": {"shadow": (2, "double convergenceOrder(int[] widths, double[] errors) { return 0; }"),
                          "fake": ("test-2-hidden", FAKE_LINEFIT),
                          "stderr": 3, "loop": 1, "trailing": 4},
    "ps3-optimization": {"shadow": (1, "double growthRate(double[] shifts, double[] steps) { return 0; }"),
                         "fake": ("test-1-hidden", FAKE_LINEFIT),
                         "stderr": 3, "loop": 2, "trailing": 4},
}


def test_every_problem_set_has_a_tamper_plan():
    assert SETS and set(SETS) == set(TAMPER)
    for plan in TAMPER.values():
        assert sorted([plan["shadow"][0], plan["stderr"], plan["loop"], plan["trailing"]]) == [1, 2, 3, 4]


# ---------------------------------------------------------------------------------------------
# Authoring rules (no kernel)

def _cells(nb, kind=None):
    return [c for c in nb.cells if "nbgrader" in c.metadata and (kind is None or _kind(c) == kind)]


def _kind(cell) -> str:
    m = cell.metadata.nbgrader
    if m.get("grade") and m.get("solution"):
        return "written" if cell.cell_type == "markdown" else "graded-code-answer"
    if m.get("solution"):
        return "answer"
    if m.get("grade"):
        return "test"
    return "locked"


def _source_nb(name):
    return nbformat.read(COURSE / "source" / name / f"{name}.ipynb", as_version=4)


@pytest.mark.parametrize("name", SETS)
def test_authoring_rules(name):
    nb = _source_nb(name)
    assert nb.metadata.kernelspec.name == "java" and nb.metadata.kernelspec.language == "java"
    ids = [c.metadata.nbgrader["grade_id"] for c in _cells(nb)]
    assert len(ids) == len(set(ids)) == len(nb.cells), "every cell needs nbgrader metadata with a unique grade_id"
    for c in nb.cells:
        m = c.metadata.nbgrader
        assert m.get("schema_version") == 3 and m.get("task") is False, c.source[:60]
    # The first code cell loads the kit with the locator, as a 0-point test so a failure is reported.
    first = next(c for c in nb.cells if c.cell_type == "code")
    assert first.source.strip() == "%load kit-locate.jsh"
    assert first.metadata.nbgrader["grade"] and first.metadata.nbgrader["points"] == 0 and first.metadata.nbgrader["locked"]
    answers = _cells(nb, "answer")
    tests = [c for c in _cells(nb, "test") if c is not first]
    written = _cells(nb, "written")
    assert len(answers) >= 4, "at least four autograded answers"
    assert written and all(c.cell_type == "markdown" and c.metadata.nbgrader["points"] > 0 for c in written)
    for a in answers:
        assert a.cell_type == "code" and kit_course.SOLUTION_BEGIN in a.source and kit_course.SOLUTION_END in a.source
    # Each answer i has a visible and a hidden test cell with points.
    for i in range(1, len(answers) + 1):
        visible = [c for c in tests if c.metadata.nbgrader["grade_id"] == f"test-{i}-visible"]
        hidden = [c for c in tests if c.metadata.nbgrader["grade_id"] == f"test-{i}-hidden"]
        assert visible and hidden, f"answer {i} needs test-{i}-visible and test-{i}-hidden"
        assert kit_course.HIDDEN_BEGIN not in visible[0].source
        src = hidden[0].source
        assert kit_course.HIDDEN_BEGIN in src and kit_course.HIDDEN_END in src
        before = src.split(kit_course.HIDDEN_BEGIN)[0]
        assert re.search(r"^[^/\n].*\(", before, re.M), "a hidden test cell calls the answer before its hidden part, so the release fails it"
        assert src.rstrip().endswith(kit_course.HIDDEN_END), "the hidden part ends the cell"
    for t in tests:
        code = "\n".join(line for line in t.source.splitlines() if not line.strip().startswith("//"))
        # Names a student cannot shadow: the kit's checks and java.lang.Math in full.
        assert not re.search(r"(?<![\w.])(Check|Exercise|Math|CheckFailure)\.", code), t.source
        assert "System.err" not in code and "Exercise" not in code
        assert t.metadata.nbgrader["locked"] and t.metadata.nbgrader["points"] > 0
    total = sum(c.metadata.nbgrader.get("points", 0) for c in _cells(nb) if c.metadata.nbgrader.get("grade"))
    assert total == 15, f"points add up to {total}"
    assert re.search(r"15 in all", nb.cells[0].source), "the introduction states the total"
    assert any("Chart" in c.source for c in _cells(nb, "locked") if c.cell_type == "code"), "a plot"


@pytest.mark.parametrize("name", SETS)
def test_every_problem_set_ships_the_same_locator(name):
    assert (COURSE / "source" / name / "kit-locate.jsh").read_bytes() == (COURSE / "kit-locate.jsh").read_bytes()


# ---------------------------------------------------------------------------------------------
# The pipeline (one scratch course per problem set, all in parallel)

VALIDATE = r"""
import json, sys
from traitlets.config import Config
from nbgrader.validator import Validator
out = {}
for path, invert in ((sys.argv[1], False), (sys.argv[2], True)):
    c = Config()
    c.Validator.invert = invert
    c.Execute.timeout = int(sys.argv[3])
    out["invert" if invert else "source"] = Validator(config=c).validate(path)
print("KIT-VALIDATION " + json.dumps(out))
"""


# A step that takes longer than this has hung (the slowest took 155 s on a machine loaded 15-fold): on
# a shared machine a kernel can lose its channels (seen once: heartbeat alive, shell gone), and then
# nbgrader waits for it forever. Such a step is killed with its kernels and run once more.
STEP_LIMIT_S = 330
# A kernel that could not start: jupyter_client picks its ports by opening and closing them, and on a
# busy machine another process may take one before the kernel's JVM binds it (jupyter_client issue
# 487). JJava then says "Address already in use" and either exits or hangs on without answering.
# Seen in two clean-clone runs, with nine kernels starting at once and the course-server tier busy
# beside them; such a step runs once more.
KERNEL_COULD_NOT_START = ("Address already in use", "Kernel died before replying to kernel_info",
                          "Kernel didn't respond in")


def _descendants(pid: int) -> list[int]:
    """Every process below pid (kernels run in sessions of their own, so a process group is not enough)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _run(cmd, cwd, env, log, label, attempts=2):
    import signal

    for attempt in range(1, attempts + 1):
        t = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                start_new_session=True)
        try:
            out, _ = proc.communicate(timeout=STEP_LIMIT_S)
        except subprocess.TimeoutExpired:
            for pid in [proc.pid, *_descendants(proc.pid)]:   # the step and every kernel it started
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            out, _ = proc.communicate()
            log.append((f"{label} (hung, killed after {STEP_LIMIT_S} s)", round(time.monotonic() - t, 1)))
            if attempt == attempts:
                raise AssertionError(f"{label}: {' '.join(map(str, cmd[:4]))} hung twice:\n{out[-4000:]}")
            continue
        log.append((label if attempt == 1 else f"{label} (second attempt)", round(time.monotonic() - t, 1)))
        if proc.returncode != 0 and any(m in out for m in KERNEL_COULD_NOT_START) and attempt < attempts:
            log.append((f"{label}: a kernel could not start, run again", 0))
            continue
        if proc.returncode != 0:
            raise AssertionError(f"{' '.join(map(str, cmd))} failed (exit {proc.returncode}):\n{out[-4000:]}")
        return out


def _tampered(source_nb, name):
    """The model solution, tampered as TAMPER says (nbgrader restores locked cells before grading)."""
    plan = TAMPER[name]
    nb = nbformat.from_dict(json.loads(json.dumps(source_nb)))
    by_id = {c.metadata.nbgrader["grade_id"]: c for c in nb.cells}
    by_id[f"answer-{plan['shadow'][0]}"].source = FAKE_CHECK + plan["shadow"][1] + "\n" + plan["fake"][1]

    def insert_first(cell, statement):
        lines = cell.source.splitlines()
        head = next(i for i, line in enumerate(lines) if line.rstrip().endswith("{"))
        lines.insert(head + 1, "    " + statement)
        cell.source = "\n".join(lines)

    insert_first(by_id[f"answer-{plan['stderr']}"], 'System.err.println("debugging");')
    # Sleeps instead of spinning, so that the endless loop does not take a core from the other tests.
    # JJava's interrupt ends the cell but only interrupts the thread, which goes on looping: a loop of
    # LockSupport.parkNanos, whose interrupt flag then stays set, spun at 100 % until the kernel
    # stopped (about 30 CPU-seconds per problem set). Sleep clears the flag, so this loop stays idle.
    insert_first(by_id[f"answer-{plan['loop']}"],
                 "while (System.nanoTime() > 0) try { Thread.sleep(10); } catch (InterruptedException e) { }")
    by_id[f"answer-{plan['trailing']}"].source += "\n1000.0"
    by_id[f"test-{plan['trailing']}-visible"].source += "\n15"
    return nb


def _pipeline(name: str, base: Path) -> dict:
    start = time.monotonic()
    root = base / name
    (root / "source").mkdir(parents=True)
    for f in [*COURSE.glob("*.py"), COURSE / "kit-locate.jsh"]:
        shutil.copy(f, root / f.name)
    shutil.copytree(COURSE / "templates", root / "templates")
    shutil.copytree(COURSE / "source" / name, root / "source" / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    env = kit_course.grading_env()
    env["KIT_HOME"] = str(ROOT)
    env["KIT_COURSE_CELL_TIMEOUT"] = str(CELL_TIMEOUT_S)
    log: list = []
    py = sys.executable
    _run([py, "-m", "nbgrader", "generate_assignment", name, "--force"], root, env, log, "release")

    source_path = root / "source" / name / f"{name}.ipynb"
    release_path = root / "release" / name / f"{name}.ipynb"
    source_nb = nbformat.read(source_path, as_version=4)
    release_nb = nbformat.read(release_path, as_version=4)
    # The tampered submission is graded in a copy of the released course (gradebook included), so
    # that its run, mostly spent waiting out two cell timeouts, goes on beside the other one.
    tampered_root = base / f"{name}-tampered"
    shutil.copytree(root, tampered_root)
    submissions = {"model": source_nb, "blank": release_nb, "tampered": _tampered(source_nb, name)}
    course_of = {"model": root, "blank": root, "tampered": tampered_root}
    for student, nb in submissions.items():
        target = course_of[student] / "submitted" / student / name
        target.mkdir(parents=True)
        nbformat.write(nb, target / f"{name}.ipynb")

    autograde = [py, "-m", "nbgrader", "autograde", name, "--force"]
    feedback = [py, "-m", "nbgrader", "generate_feedback", name, "--force"]
    with concurrent.futures.ThreadPoolExecutor(3) as pool:
        def busy(*args):
            with _BUSY:
                return _run(*args)

        def grade(course, label, grading_env, run):
            run(autograde, course, grading_env, log, f"autograde {label}")
            _run(feedback, course, grading_env, log, f"feedback {label}")

        tampered_env = {**env, "KIT_COURSE_CELL_TIMEOUT": str(TAMPERED_CELL_TIMEOUT_S)}
        runs = [pool.submit(grade, tampered_root, "tampered", tampered_env, _run)]
        validation = pool.submit(busy, [py, "-c", VALIDATE, str(source_path), str(release_path), str(CELL_TIMEOUT_S)],
                                 root, env, log, "validate source + release --invert")
        runs.append(pool.submit(grade, root, "model, blank", env, busy))
        validated = json.loads(validation.result().split("KIT-VALIDATION ", 1)[1].strip())
        for run in runs:
            run.result()

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from nbgrader.api import Gradebook

    grades = {}
    for student, course in course_of.items():
        with Gradebook("sqlite:///" + str(course / "gradebook.db")) as gb:
            sub = gb.find_submission(name, student)
            grades[student] = {
                "score": sub.score, "max": sub.max_score, "code": sub.code_score, "max_code": sub.max_code_score,
                "cells": {g.name: g.score for g in gb.find_submission_notebook(name, name, student).grades},
            }
    with Gradebook("sqlite:///" + str(root / "gradebook.db")) as gb:
        # An instructor grades the model's written answer by hand: full marks make the model complete.
        for g in gb.find_submission_notebook(name, name, "model").grades:
            if g.auto_score is None:
                g.manual_score = g.max_score
        gb.db.commit()
        grades["model"]["after_manual"] = gb.find_submission(name, "model").score

    def graded(student, folder, suffix):
        return course_of[student] / folder / student / name / f"{name}.{suffix}"

    return {
        "root": root, "source": source_nb, "release": release_nb, "validated": validated, "grades": grades,
        "autograded": {s: nbformat.read(graded(s, "autograded", "ipynb"), as_version=4) for s in submissions},
        "feedback": {s: graded(s, "feedback", "html").read_text(encoding="utf-8") for s in submissions},
        "seconds": time.monotonic() - start, "log": log,
    }


@pytest.fixture(scope="module")
def pipelines(tmp_path_factory):
    import resource

    base = tmp_path_factory.mktemp("course")
    start = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with concurrent.futures.ThreadPoolExecutor(len(SETS)) as pool:
        futures = {name: pool.submit(_pipeline, name, base) for name in SETS}
        results = {name: f.result() for name, f in futures.items()}
    total = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    section = "course pipeline"
    report_line(section, f"{len(SETS)} problem sets in parallel: {total:.1f} s wall, {cpu:.1f} s CPU in nbgrader and the kernels")
    for name, r in results.items():
        report_line(section, f"  {name}: {r['seconds']:.1f} s  " + ", ".join(f"{step} {s} s" for step, s in r["log"]))
    return results


def _points(nb, kinds=("test",)):
    return {c.metadata.nbgrader["grade_id"]: c.metadata.nbgrader.get("points", 0)
            for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade") and _kind(c) in kinds}


def _regions(source: str, begin: str, end: str) -> list[str]:
    """Lines strictly between begin/end delimiter lines."""
    out, inside = [], False
    for line in source.splitlines():
        if begin in line:
            inside = True
        elif end in line:
            inside = False
        elif inside:
            out.append(line.strip())
    return out


def _secret_lines(nb, begin, end, minimum=15):
    """Lines inside begin/end regions that appear nowhere else in the notebook (a hidden test may
    repeat a line of the model solution, which the student wrote anyway)."""
    inside = {line for c in nb.cells for line in _regions(c.source, begin, end) if len(line) >= minimum}
    outside = set()
    for c in nb.cells:
        kept, skip = [], False
        for line in c.source.splitlines():
            if begin in line:
                skip = True
            elif end in line:
                skip = False
            elif not skip:
                kept.append(line.strip())
        outside.update(kept)
    return inside - outside


@pytest.mark.parametrize("name", SETS)
def test_release_has_no_solution_and_no_hidden_test(pipelines, name):
    r = pipelines[name]
    text = "\n".join(c.source for c in r["release"].cells)
    solutions = _secret_lines(r["source"], kit_course.SOLUTION_BEGIN, kit_course.SOLUTION_END)
    hidden = _secret_lines(r["source"], kit_course.HIDDEN_BEGIN, kit_course.HIDDEN_END)
    assert solutions and hidden
    assert not [line for line in solutions if line in text], "solution text in the release"
    assert not [line for line in hidden if line in text], "hidden test in the release"
    for marker in (kit_course.SOLUTION_BEGIN, kit_course.HIDDEN_BEGIN, "Model answer"):
        assert marker not in text
    assert text.count(kit_course.CODE_STUB) == len(_cells(r["source"], "answer"))
    assert (r["root"] / "release" / name / "kit-locate.jsh").exists(), "the locator travels with the release"


@pytest.mark.parametrize("name", SETS)
def test_source_validates_and_release_fails_every_test(pipelines, name):
    v = pipelines[name]["validated"]
    assert v["source"] == {}, f"validation of the source: {json.dumps(v['source'], indent=1)[:3000]}"
    passed = [p["source"] for p in v["invert"].get("passed", [])]
    # only the 0-point cell that loads the kit may pass in the release
    assert passed in ([], ["%load kit-locate.jsh"]), passed
    assert "changed" not in v["invert"]


@pytest.mark.parametrize("name", SETS)
def test_model_full_marks_blank_zero_tampered_what_it_deserves(pipelines, name):
    r = pipelines[name]
    g = r["grades"]
    tests = _points(r["source"])
    auto_max = sum(tests.values())
    total = sum(_points(r["source"], ("test", "written")).values())
    assert g["model"]["max"] == total and g["model"]["max_code"] == auto_max
    assert g["model"]["code"] == auto_max, g["model"]["cells"]
    assert g["model"]["after_manual"] == total
    # the model runs clean from top to bottom: no cell of it fails, graded or not (a plot cell too)
    failed = [c.source.splitlines()[0] for c in r["autograded"]["model"].cells if c.cell_type == "code"
              and any(o.output_type == "error" or (o.output_type == "stream" and o.name == "stderr") for o in c.outputs)]
    assert not failed, f"the model submission fails in cells starting {failed}"
    assert g["blank"]["score"] == 0, g["blank"]["cells"]
    # tampered: wrong behind a fake Check, stderr, endless loop: 0; right with trailing values: its points
    keep = f"test-{TAMPER[name]['trailing']}-"
    expected = {gid: (pts if gid.startswith(keep) else 0) for gid, pts in tests.items()}
    got = {gid: g["tampered"]["cells"][gid] for gid in tests}
    assert got == expected
    assert g["tampered"]["score"] == sum(expected.values())
    # the endless loop was interrupted, and the cells after it still ran
    cells = {c.metadata.nbgrader["grade_id"]: c for c in r["autograded"]["tampered"].cells}
    loop = TAMPER[name]["loop"]
    assert any("interrupted" in (o.get("evalue", "") + " ".join(o.get("traceback", []))) or o.get("ename") == "CellTimeoutError"
               for o in cells[f"test-{loop}-visible"].outputs if o.output_type == "error")
    assert any(o.output_type == "stream" and "✔" in o.get("text", "") for o in cells[f"{keep}hidden"].outputs)
    guarded = cells[TAMPER[name]["fake"][0]]
    assert any("rename yours" in o.get("evalue", "") for o in guarded.outputs if o.output_type == "error"), guarded.outputs
    for student, nb in r["autograded"].items():
        assert not [c for c in nb.cells if kit_course.GUARD_MARK in c.source], "the guard is removed after the run"
    stderr = TAMPER[name]["stderr"]
    assert any(o.output_type == "stream" and o.name == "stderr" for o in cells[f"test-{stderr}-visible"].outputs)


class _Loads(HTMLParser):
    """Collects what a page would fetch: script/img/iframe/source src, link href, CSS imports."""

    def __init__(self):
        super().__init__()
        self.urls, self._style = [], False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "video", "audio", "embed") and a.get("src"):
            self.urls.append(a["src"])
        if tag == "link" and a.get("href"):
            self.urls.append(a["href"])
        self._style = tag == "style"

    def handle_endtag(self, tag):
        self._style = False

    def handle_data(self, data):
        if self._style:
            self.urls += re.findall(r"url\(\s*['\"]?([^)'\"]+)", data) + re.findall(r"@import\s+['\"]([^'\"]+)", data)


def _page_text(page: str) -> str:
    body = re.sub(r"<script\b.*?</script>", " ", page, flags=re.S | re.I)
    return html.unescape(re.sub(r"<[^>]+>", "", body))


@pytest.mark.parametrize("name", SETS)
def test_feedback_reveals_no_hidden_test_and_loads_nothing(pipelines, name):
    r = pipelines[name]
    hidden = _secret_lines(r["source"], kit_course.HIDDEN_BEGIN, kit_course.HIDDEN_END, minimum=12)
    assert len(hidden) >= 8
    sys.path.insert(0, str(ROOT / "environment"))
    import kit_notebooks

    plotly_head = kit_notebooks.plotly_js()[:300]
    for student, page in r["feedback"].items():
        text = _page_text(page)
        leaks = [line for line in hidden if line in text]
        assert not leaks, f"{student}: hidden test source in the feedback: {leaks[:3]}"
        # what the hidden checks printed (their labels start with "hidden:") is in the autograded
        # notebook, and not in the feedback
        graded = "".join(o.get("text", "") + o.get("evalue", "") for c in r["autograded"][student].cells
                         for o in c.get("outputs", []))
        if student == "model":
            assert "hidden:" in graded
        assert "hidden:" not in text, f"{student}: output of a hidden test in the feedback"
        assert kit_course.GUARD_MARK not in page
        assert text.count("Hidden tests passed") + text.count("Hidden tests failed") == len(
            [c for c in r["source"].cells if kit_course.HIDDEN_BEGIN in c.source])
        loads = _Loads()
        loads.feed(page)
        remote = [u for u in loads.urls if re.match(r"^(https?:)?//", u.strip())]
        assert not remote, f"{student}: the feedback page loads {remote}"
        assert plotly_head in page and "window.MathJax" in page, "plotly.js and MathJax are inlined"
        if student == "model":
            assert "Plotly.newPlot" in page, "the model's plots are drawn"
        outside_scripts = re.sub(r"<script\b.*?</script>", " ", page, flags=re.S | re.I)
        assert not re.search(r"https?://[^\s\"'<>]*(cdn|mathjax|plotly|jquery|require)", outside_scripts, re.I)


def test_course_pipeline_time(pipelines):
    """The figure for the suite's budget (2 minutes for the course tests on 2 cores) is printed."""
    assert all(r["seconds"] > 0 for r in pipelines.values())


# ---------------------------------------------------------------------------------------------
# Collecting from an LMS zip, and the student copies of the teaching notebooks (no kernel)

def test_shadowing_guard_names():
    src = 'MemoryKernel k = Kernels.exponential(1); // Visible Check\norg.curseofmemory.check.Check.near("Grid", x, 1, 0);'
    assert kit_course.used_type_names(src) == ["Kernels", "MemoryKernel"]
    guard = kit_course.shadowing_guard(["Kernels", "MemoryKernel"])
    assert guard.startswith(kit_course.GUARD_MARK) and "\n" not in guard and '"Kernels", "MemoryKernel"' in guard
    # no simple name a student could shadow in the guard itself
    assert not re.search(r"(?<![\w.])(String|Set|List|IllegalStateException|Math)\b", guard.split("Set.of(")[0].replace("java.util.Set", "").replace("java.util.List", "").replace("java.lang.String", ""))


def test_import_from_lms_zip_and_folder(tmp_path):
    root = tmp_path / "course"
    (root / "source" / "ps1-memory-kernels").mkdir(parents=True)
    nb = nbformat.v4.new_notebook()
    archive = tmp_path / "lms.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("ada_12345_ps1-memory-kernels.ipynb", nbformat.writes(nb))
        z.writestr("grace/ps1.ipynb", nbformat.writes(nb))
        z.writestr("__MACOSX/._ada_12345_ps1-memory-kernels.ipynb", "junk")
        z.writestr("readme.txt", "not a notebook")
    students = kit_course.import_submissions("ps1-memory-kernels", zip_file=archive, root=root)
    assert students == ["ada", "grace"]
    for s in students:
        assert (root / "submitted" / s / "ps1-memory-kernels" / "ps1-memory-kernels.ipynb").exists()
    folder = tmp_path / "inbox"
    (folder / "dave").mkdir(parents=True)
    nbformat.write(nb, folder / "carol.ipynb")
    nbformat.write(nb, folder / "dave" / "my work.ipynb")
    assert kit_course.import_submissions("ps1-memory-kernels", folder=folder, root=root) == ["carol", "dave"]
    assert (root / "submitted" / "dave" / "ps1-memory-kernels" / "ps1-memory-kernels.ipynb").exists()


def test_student_notebooks_have_no_solutions(tmp_path):
    written = kit_course.student_notebooks(tmp_path / "students")
    originals = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    assert [p.name for p in written] == [p.name for p in originals] and len(written) == 11
    removed_total = 0
    for original, copy in zip(originals, written):
        full = nbformat.read(original, as_version=4)
        student = nbformat.read(copy, as_version=4)
        solutions = [c.source for c in full.cells if kit_course.is_solution_cell(c)]
        removed_total += len(solutions)
        assert not [c for c in student.cells if kit_course.is_solution_cell(c)], copy.name
        text = "\n".join(c.source for c in student.cells)
        for s in solutions:
            assert s not in text, f"{copy.name}: a solution cell survived"
            for line in s.splitlines():
                if line.startswith("// Solution"):
                    assert line not in text
        assert "(solution)" not in text, copy.name
        first = next(c for c in student.cells if c.cell_type == "code")
        assert first.source == "%load kit-locate.jsh"
    assert removed_total >= 20
    assert (tmp_path / "students" / "kit-locate.jsh").read_bytes() == (COURSE / "kit-locate.jsh").read_bytes()
