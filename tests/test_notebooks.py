"""Every notebook runs top to bottom on a fresh Java kernel, within its budget, with no errors and
nothing written to stderr (library code is silent; nbgrader scores stderr as a failure)."""
from __future__ import annotations

import pytest

import kit_notebooks
from conftest import run_notebook

NOTEBOOKS = kit_notebooks.notebook_paths()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path):
    nb, seconds = run_notebook(path)
    stderr = [
        (i, out.get("text", ""))
        for i, cell in enumerate(nb.cells)
        for out in cell.get("outputs", [])
        if out.get("output_type") == "stream" and out.get("name") == "stderr"
    ]
    assert not stderr, f"{path.name}: cells wrote to stderr: {stderr[:3]}"
    budget = kit_notebooks.budget_seconds(nb)
    assert seconds <= budget, f"{path.name}: took {seconds:.1f} s, over its budget of {budget:.0f} s"
