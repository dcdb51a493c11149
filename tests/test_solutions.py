"""Answers stay hidden (issue 13): Run All executes the collapsed solution cells, yet nothing on the
page a student sees gives an exercise's answer away.

How the answers are found: a solution cell (tag ``solution``) ends with
``Exercise.titled("Exercise N").confirmSolution(<variable>, expected, tolerance)``; ``<variable>``
holds the model answer. The session's one run of each notebook (tests/notebook_runs.py) ends with a
probe cell, the test's and never the notebook's, that prints every such variable at full precision;
the test looks for each value in what the page shows:

- every output of every cell (text, HTML tables and text of the plots' one-line summaries; the plot
  data arrays are not text on the page), the markdown, the source of every cell that is not a
  solution, and the first line of each solution cell (what a collapsed cell shows);
- every ``.hint("…")`` text.

A number on the page gives an answer away when it is the answer rounded to as many significant
digits as the number has: 3 or more digits anywhere on the page, 2 or more in hints and in a
solution cell's first line (short texts, where "≈ 4.3" is a leak and not a coincidence). Round
answers (2, 0.25, 100: at most two significant digits) cannot be told from other numbers on a page;
for them the test relies on the rule that a solution cell prints only its confirmation line, which it
checks for every solution cell, and it still flags "= 2" or "≈ 2" in a hint or a first line.
"""
from __future__ import annotations

import html
import math
import re

import nbformat
import pytest

import kit_notebooks
from conftest import notebook_answers, run_notebook
from notebook_runs import CONFIRM, answer_variable, is_solution

NOTEBOOKS = kit_notebooks.notebook_paths()

HINT = re.compile(r'\.hint\(\s*"((?:[^"\\]|\\.)*)"\s*\)')
NUMBER = re.compile(r"(?<![\w.])[-−]?(\d+(?:\.\d*)?|\.\d+)(?:[eE]([-+]?\d+))?")
CONFIRMATION = re.compile(r"^✔ Exercise \d+: the model solution holds\.$")
MIN_DIGITS_PAGE = 3
MIN_DIGITS_SHORT = 2


def significant_digits(mantissa: str) -> int:
    digits = mantissa.replace(".", "").lstrip("0")
    if "." not in mantissa:
        digits = digits.rstrip("0") or digits  # 1000 counts as one digit, 1000.0 as five
    return len(digits)


def numbers(text: str):
    """(value, significant digits) of every number written in the text."""
    for m in NUMBER.finditer(text.replace("−", "-")):
        mantissa, exponent = m.group(1), m.group(2)
        try:
            value = float(mantissa) * (10.0 ** int(exponent) if exponent else 1.0)
        except (ValueError, OverflowError):
            continue
        yield value, significant_digits(mantissa), m.group(0)


def rounds_to(answer: float, shown: float, digits: int) -> bool:
    """True when `shown` is |answer| rounded to `digits` significant digits."""
    a, s = abs(answer), abs(shown)
    if a == 0 or s == 0 or not math.isfinite(a):
        return False
    half_unit = 0.5 * 10.0 ** (math.floor(math.log10(s)) - digits + 1)
    return abs(a - s) <= half_unit * (1 + 1e-9)


def is_round(answer: float) -> bool:
    """At most two significant digits: 2, 0.25, 100, 1e5 (cannot be told from other numbers)."""
    return significant_digits(f"{abs(answer):.6g}".split("e")[0]) <= 2


def leaks(text: str, answers: dict[str, float], min_digits: int, strict_round: bool = False) -> list[str]:
    found = []
    for name, answer in answers.items():
        if not is_round(answer):
            for shown, digits, token in numbers(text):
                if digits >= min_digits and rounds_to(answer, shown, digits):
                    found.append(f"{token!r} is the answer {name} = {answer:.6g}")
        elif strict_round:
            # "= 2" or "≈ 100" as a whole number (not the numerator of "= 1/λ", not the start of "= 2π")
            for m in re.finditer(r"[=≈]\s*([-−]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)(?![\w/^(π]|\.\d)", text):
                shown = float(m.group(1).replace("−", "-"))
                if abs(abs(shown) - abs(answer)) <= 1e-9 * abs(answer):
                    found.append(f"{m.group(0)!r} states the answer {name} = {answer:.6g}")
    return found


def output_texts(cell):
    """The text a student sees under a cell: streams, errors, plain text, HTML (tags removed), markdown."""
    for out in cell.get("outputs", []):
        kind = out.get("output_type")
        if kind == "stream":
            yield out.get("text", "")
        elif kind == "error":
            yield kit_notebooks.strip_ansi(out.get("evalue", "") + "\n" + "\n".join(out.get("traceback", [])))
        elif kind in ("execute_result", "display_data"):
            data = out.get("data", {})
            for mime in ("text/plain", "text/markdown", "text/latex"):
                if mime in data:
                    yield data[mime] if isinstance(data[mime], str) else "".join(data[mime])
            if "text/html" in data:
                page = data["text/html"] if isinstance(data["text/html"], str) else "".join(data["text/html"])
                page = re.sub(r"<script.*?</script>", " ", page, flags=re.S)  # plot data, not text on the page
                yield html.unescape(re.sub(r"<[^>]+>", " ", page))


def executed_with_answers(name: str):
    """(the session's run of notebooks/<name>, {variable: value} printed by its probe cell)."""
    path = kit_notebooks.NOTEBOOKS / name
    committed = nbformat.read(path, as_version=4)
    missing = [i for i, c in enumerate(committed.cells) if is_solution(c) and answer_variable(c) is None]
    assert not missing, f"{name}: solution cells {missing} do not end with confirmSolution(<variable>, …)"
    variables = {answer_variable(c) for c in committed.cells if is_solution(c)}
    nb, _ = run_notebook(path)
    answers = notebook_answers(path)
    assert set(answers) == variables, f"{name}: the probe found {sorted(answers)}, the solution cells hold {sorted(variables)}"
    return nb, answers


def _with_solutions():
    return [p for p in NOTEBOOKS if any(is_solution(c) for c in nbformat.read(p, as_version=4).cells)]


SOLVED = _with_solutions()
FIRST_LINE = "// Model solution — expand the cell to read it."


def test_every_exercise_has_a_solution_cell():
    """Every notebook with an exercise has solution cells (so the checks below have something to check)."""
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        exercises = sum(c.source.count("Exercise.titled(") for c in nb.cells if c.cell_type == "code" and not is_solution(c))
        solutions = sum(1 for c in nb.cells if is_solution(c))
        assert exercises == solutions, f"{path.name}: {exercises} exercises but {solutions} solution cells"


@pytest.mark.parametrize("path", SOLVED, ids=[p.name for p in SOLVED])
def test_solution_cells_are_collapsed_and_start_with_a_neutral_line(path):
    nb = nbformat.read(path, as_version=4)
    for i, cell in enumerate(nb.cells):
        if is_solution(cell):
            assert cell.metadata.get("jupyter", {}).get("source_hidden"), f"{path.name} cell {i}: solution not collapsed"
            first = cell.source.split("\n", 1)[0]
            assert first == FIRST_LINE, f"{path.name} cell {i}: a collapsed solution shows {first!r}"
            assert CONFIRM.search(cell.source), f"{path.name} cell {i}: the model solution is not checked with confirmSolution"


@pytest.mark.parametrize("path", SOLVED, ids=[p.name for p in SOLVED])
def test_no_answer_on_the_page(path):
    nb, answers = executed_with_answers(path.name)
    assert answers, f"{path.name}: no answers found"
    problems = []
    for i, cell in enumerate(nb.cells):
        where = f"cell {i}"
        if is_solution(cell):
            for text in output_texts(cell):
                extra = [l for l in text.splitlines() if l.strip() and not CONFIRMATION.match(l.strip())]
                problems += [f"{where} (solution) prints {l!r}" for l in extra]
            first = cell.source.split("\n", 1)[0]
            problems += [f"{where} (solution, first line): {p}" for p in leaks(first, answers, MIN_DIGITS_SHORT, strict_round=True)]
        else:
            problems += [f"{where} (source): {p}" for p in leaks(cell.source, answers, MIN_DIGITS_PAGE)]
        for text in output_texts(cell):
            problems += [f"{where} (output): {p}" for p in leaks(text, answers, MIN_DIGITS_PAGE)]
        for hint in HINT.findall(cell.source):
            problems += [f"{where} (hint {hint!r}): {p}" for p in leaks(hint, answers, MIN_DIGITS_SHORT, strict_round=True)]
    assert not problems, f"{path.name} shows answers:\n" + "\n".join(problems)


def test_leak_detection_works():
    """The detector itself: it sees rounded forms and ignores unrelated numbers."""
    answers = {"gamma": 4.307776}
    assert leaks("correct (your answer 4.308)", answers, 3)
    assert leaks("γ ≈ 4.31 for α = 1", answers, 3)
    assert leaks("about 4.3", answers, 2)
    assert not leaks("about 4.3", answers, 3)
    assert not leaks("m = 32, tolerance 0.001, 4.4e-05", answers, 2)
    assert leaks("4.308e+00", answers, 3)
    assert leaks("the ratio is = 100", {"ratio": 100.0}, 3, strict_round=True)
    assert not leaks("m = 100", {"ratio": 100.0}, 3)
    assert not leaks("∫₀^∞ e^{-λt} dt = 1/λ, = 2π / |Im λ|", {"norm": 0.5, "period": 2.0}, 2, strict_round=True)
    assert leaks("so the period is = 2.", {"period": 2.0}, 2, strict_round=True)
    assert len(leaks("18.2 and 18.19", {"r": 18.19}, 3)) == 2
