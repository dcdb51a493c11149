"""What is committed under notebooks/ is clean: no outputs, the Java kernelspec, and a visible
first cell that loads the kit's library from the Maven build (no %maven, no network)."""
from __future__ import annotations

import json

import pytest

import kit_notebooks

NOTEBOOKS = kit_notebooks.notebook_paths()
SETUP_LINES = ["%classpath ../lib/target/kit/*.jar", "%load ../lib/target/kit/kit.jsh"]
FORBIDDEN_MAGICS = ("%maven", "%jars", "%mavenRepo", "%%loadFromPOM")


def test_there_are_notebooks():
    assert NOTEBOOKS, "no notebooks found under notebooks/"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_committed_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    dirty = [
        i
        for i, c in enumerate(nb["cells"])
        if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count") is not None)
    ]
    assert not dirty, f"{path.name}: code cells {dirty} carry outputs or execution counts; clear them before committing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_java_kernel_and_setup_cell(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "java", f"{path.name}: kernelspec must be 'java'"
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    first = "".join(code[0]["source"]).splitlines()
    assert first[: len(SETUP_LINES)] == SETUP_LINES, f"{path.name}: the first code cell must start with {SETUP_LINES}"
    for c in code:
        src = "".join(c["source"])
        for magic in FORBIDDEN_MAGICS:
            assert magic not in src, f"{path.name}: uses {magic}; notebooks load the kit from lib/target/kit only"
