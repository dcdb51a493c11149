"""The course's nbgrader preprocessors (enabled in nbgrader_config.py): the shadowing guard around
autograding, and feedback pages that are offline and show no hidden test."""
from __future__ import annotations

import sys
import warnings
from pathlib import Path

from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # nbgrader's SQLAlchemy models warn when imported (harmless)
    from nbgrader.preprocessors import ClearHiddenTests, GetGrades, NbGraderPreprocessor

from kit_course import (GUARD_MARK, KIT_ROOT, TEMPLATES, _fmt, has_hidden_tests, is_test_cell,  # noqa: E402
                        shadowing_guard, used_type_names)


class GuardShadowedNames(NbGraderPreprocessor):
    """Before the autograder runs a submission: the shadowing guard in front of every test cell."""

    def preprocess_cell(self, cell, resources, cell_index):
        if is_test_cell(cell) and not cell.source.startswith(GUARD_MARK):
            names = used_type_names(cell.source)
            if names:
                cell.source = shadowing_guard(names) + "\n" + cell.source
        return cell, resources


class RemoveGuards(NbGraderPreprocessor):
    """After the run: the test cells' sources as written (the guard's verdict stays in the outputs)."""

    def preprocess_cell(self, cell, resources, cell_index):
        if cell.cell_type == "code" and cell.source.startswith(GUARD_MARK):
            cell.source = cell.source.split("\n", 1)[1] if "\n" in cell.source else ""
        return cell, resources


def autograde_preprocessors() -> list:
    """nbgrader's autograde steps with the shadowing guard around the execution."""
    from nbgrader.converters.autograde import Autograde
    from nbgrader.preprocessors import Execute

    steps = list(Autograde.class_traits()["autograde_preprocessors"].default())
    at = steps.index(Execute)
    return steps[:at] + [GuardShadowedNames, Execute, RemoveGuards] + steps[at + 1:]



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
