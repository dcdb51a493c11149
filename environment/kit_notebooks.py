"""Execute the kit's notebooks in the Java kernel and export them to self-contained HTML.

Used by the tests (tests/) and by `./kit book`. Run as a script: `python kit_notebooks.py book`.
"""
from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
TEMPLATE_DIR = Path(__file__).resolve().parent / "nbconvert"
# The kernelspec the notebooks are executed in. The committed notebooks name `java` (JJava's
# kernelspec, and IJava's too); KIT_KERNEL chooses another installed one, e.g. KIT_KERNEL=ijava.
DEFAULT_KERNEL_NAME = "java"
CELL_TIMEOUT_S = 120
STARTUP_TIMEOUT_S = 120
DEFAULT_BUDGET_S = 60

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def strip_ansi(text: str) -> str:
    return _ANSI.sub("", text)


def notebook_paths() -> list[Path]:
    """Every notebook under notebooks/, in reading order (by file name)."""
    return sorted(p for p in NOTEBOOKS.glob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def budget_seconds(nb) -> float:
    """The notebook's runtime budget: metadata kit.budget_seconds, else 60 s."""
    return float(nb.metadata.get("kit", {}).get("budget_seconds", DEFAULT_BUDGET_S))


def kernel_name() -> str:
    """The kernelspec to execute notebooks in: $KIT_KERNEL if set and not empty, else `java`."""
    return os.environ.get("KIT_KERNEL", "").strip() or DEFAULT_KERNEL_NAME


class NotebookFailure(Exception):
    """A cell failed; the message shows the cell's source and the kernel's error, without ANSI codes."""


def execute(path: Path):
    """Executes a notebook top to bottom on a fresh kernel (see kernel_name()); returns (executed
    notebook, seconds).

    The notebook on disk is never written: a learner's edits are safe.
    """
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name=kernel_name(),
        timeout=CELL_TIMEOUT_S,
        startup_timeout=STARTUP_TIMEOUT_S,
        resources={"metadata": {"path": str(path.parent)}},
    )
    start = time.monotonic()
    try:
        client.execute()
    except CellTimeoutError as err:
        raise NotebookFailure(f"{path.name}: a cell ran longer than {CELL_TIMEOUT_S} s\n{strip_ansi(str(err))}") from None
    except CellExecutionError as err:
        raise NotebookFailure(f"{path.name}: a cell failed\n{_describe(nb, err)}") from None
    return nb, time.monotonic() - start


def _describe(nb, err: CellExecutionError) -> str:
    failing = None
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                failing = cell
    lines = []
    if failing is not None:
        lines += ["--- failing cell ---", failing.source, "--- kernel error ---"]
        for out in failing.outputs:
            if out.get("output_type") == "error":
                lines.append(f"{out.get('ename', '')}: {out.get('evalue', '')}")
                lines += [strip_ansi(t) for t in out.get("traceback", [])]
        return "\n".join(lines)
    return strip_ansi(str(err))


def plotly_js() -> str:
    """plotly.min.js as shipped inside the plotly wheel (no network)."""
    import plotly

    js = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    return js.read_text(encoding="utf-8").replace("</script", "<\\/script")


def mathjax_js() -> str:
    """MathJax 3's self-contained TeX-to-SVG bundle, from the django-static-mathjax wheel (no network)."""
    import importlib.util

    spec = importlib.util.find_spec("mathjax")
    bundle = Path(list(spec.submodule_search_locations)[0]) / "static" / "mathjax" / "es5" / "tex-svg.js"
    return bundle.read_text(encoding="utf-8").replace("</script", "<\\/script")


def export_html(nb, out: Path) -> Path:
    """Writes an executed notebook as one self-contained HTML page (plotly.js and MathJax inlined)."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="kit", extra_template_basedirs=[str(TEMPLATE_DIR)])
    resources = {"kit_plotly_js": plotly_js(), "kit_mathjax_js": mathjax_js()}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(body, encoding="utf-8")
    return out


def book(out_dir: Path = ROOT / "build" / "book") -> int:
    failures = 0
    for path in notebook_paths():
        try:
            nb, seconds = execute(path)
        except NotebookFailure as err:
            print(err, file=sys.stderr)
            failures += 1
            continue
        page = export_html(nb, out_dir / (path.stem + ".html"))
        print(f"{path.name}: {seconds:5.1f} s -> {page.relative_to(ROOT)}")
    print(f"HTML pages in {out_dir.relative_to(ROOT)}/" + (f" ({failures} notebook(s) failed)" if failures else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["book"]:
        sys.exit(book())
    print("usage: python environment/kit_notebooks.py book", file=sys.stderr)
    sys.exit(2)
