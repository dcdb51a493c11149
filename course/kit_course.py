"""The kit's course tools: nbgrader preprocessors for offline feedback without hidden tests, and the
instructor commands behind `./kit course` (run as a script; `python kit_course.py help`)."""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import ClearHiddenTests, GetGrades, NbGraderPreprocessor

COURSE_ROOT = Path(__file__).resolve().parent
KIT_ROOT = COURSE_ROOT.parent
TEMPLATES = COURSE_ROOT / "templates"

# What a student sees in place of a model solution. A statement that throws compiles inside any method.
CODE_STUB = 'throw new UnsupportedOperationException("not answered yet: replace this line with your code");'
TEXT_STUB = "YOUR ANSWER HERE"
HIDDEN_BEGIN = "BEGIN HIDDEN TESTS"
HIDDEN_END = "END HIDDEN TESTS"
SOLUTION_BEGIN = "BEGIN SOLUTION"
SOLUTION_END = "END SOLUTION"
DEFAULT_CELL_TIMEOUT_S = 60


def cell_timeout() -> int:
    """Seconds one cell may run while nbgrader executes a notebook (KIT_COURSE_CELL_TIMEOUT, else 60)."""
    return int(os.environ.get("KIT_COURSE_CELL_TIMEOUT", DEFAULT_CELL_TIMEOUT_S))


def has_hidden_tests(cell) -> bool:
    return cell.cell_type == "code" and HIDDEN_BEGIN in cell.source


class ReplaceHiddenTestOutputs(NbGraderPreprocessor):
    """Before feedback is written: the outputs of every cell with hidden tests (the lines its checks
    printed, the failure message that may quote an expected value) are replaced by one line that says
    only whether the cell passed. Runs before nbgrader's ClearHiddenTests, which removes the source."""

    def preprocess_cell(self, cell, resources, cell_index):
        if has_hidden_tests(cell):
            meta = cell.metadata.get("nbgrader", {})
            points = float(meta.get("points", 0))
            score = meta.get("score")
            passed = score is not None and float(score) >= points
            verdict = "passed" if passed else "failed"
            cell.outputs = [{
                "output_type": "stream",
                "name": "stdout",
                "text": f"Hidden tests {verdict} ({_fmt(score)} of {_fmt(points)} points). "
                        "Their source and output are not shown.\n",
            }]
            cell.execution_count = None
        return cell, resources


class OfflineAssets(NbGraderPreprocessor):
    """Puts plotly.js and MathJax, from the kit's own Python packages, into the resources of the
    feedback page; the template kit-feedback.html.j2 inlines them, so the page loads nothing over the network."""

    def preprocess(self, nb, resources):
        sys.path.insert(0, str(KIT_ROOT / "environment"))
        try:
            import kit_notebooks
        finally:
            sys.path.pop(0)
        resources["kit_plotly_js"] = kit_notebooks.plotly_js()
        resources["kit_mathjax_js"] = kit_notebooks.mathjax_js()
        return nb, resources


FEEDBACK_PREPROCESSORS = [GetGrades, ReplaceHiddenTestOutputs, ClearHiddenTests, OfflineAssets, CSSHTMLHeaderPreprocessor]


def feedback_template_dirs() -> list[str]:
    """Search roots for the template 'feedback': the kit's folder first (kit-feedback.html.j2 and an
    offline mathjax.html.j2), then nbgrader's own (its index.html.j2, which the kit's page extends)."""
    import nbgrader

    formgrader = Path(nbgrader.__file__).parent / "server_extensions" / "formgrader" / "templates"
    return [str(TEMPLATES), str(formgrader)]


def _fmt(x) -> str:
    if x is None:
        return "?"
    x = float(x)
    return str(int(x)) if x == int(x) else f"{x:g}"
