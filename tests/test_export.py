"""Plots survive export: the executed notebook carries Plotly JSON and HTML, the exported page loads
nothing over the network, and headless Chromium really draws the plots and typesets the math
(checked in the DOM, in the requests the page makes and in the pixels of a PNG, kept in
build/pictures/ for a person to look at). Each test worker keeps one Chromium for all its pages."""
from __future__ import annotations

import re

import pytest

import headless_chromium
import kit_notebooks
from conftest import run_notebook

PLOTLY_MIME = "application/vnd.plotly.v1+json"
PICTURES = kit_notebooks.ROOT / "build" / "pictures"
PAGES = kit_notebooks.ROOT / "build" / "pages"
# plotly's first trace colour (#1f77b4); a drawn line leaves many such pixels.
TRACE_RGB = (31, 119, 180)
MIN_TRACE_PIXELS = 200


def _page_height_px(nb) -> int:
    """A window tall enough for the whole exported page, so every plot is in the picture."""
    lines = sum(c.source.count("\n") + 1 for c in nb.cells)
    outputs = sum(len(c.get("outputs", [])) for c in nb.cells)
    return min(60000, 2000 + 560 * _plot_count(nb) + 26 * lines + 40 * outputs)


def _plot_count(nb) -> int:
    return sum(
        1 for c in nb.cells for o in c.get("outputs", []) if PLOTLY_MIME in o.get("data", {})
    )


def _notebooks_with_plots():
    """Notebooks whose source draws a figure (Chart or a tablesaw Figure)."""
    return [p for p in kit_notebooks.notebook_paths() if re.search(r"Chart|Figure", p.read_text(encoding="utf-8"))]


def test_start_here_outputs_plotly_and_html():
    nb, _ = run_notebook(kit_notebooks.NOTEBOOKS / "00-start-here.ipynb")
    both = [
        o for c in nb.cells for o in c.get("outputs", [])
        if PLOTLY_MIME in o.get("data", {}) and "text/html" in o.get("data", {}) and "text/plain" in o.get("data", {})
    ]
    assert both, "00-start-here: no output carries Plotly JSON, HTML and text together"
    fig = both[0]["data"][PLOTLY_MIME]
    assert isinstance(fig, dict) and fig["data"], "the Plotly output must be a JSON object with traces"
    assert isinstance(fig["layout"]["title"], dict), "titles must be {text: ...} for plotly.js 3"


@pytest.fixture(scope="session")
def chromium(tmp_path_factory):
    """One headless Chromium for every exported page this worker checks."""
    browser = headless_chromium.DevTools(str(tmp_path_factory.mktemp("chromium-profile")))
    yield browser
    browser.close()


@pytest.mark.parametrize("path", _notebooks_with_plots(), ids=lambda p: p.name)
def test_exported_page_draws_its_plots(path, chromium):
    nb, _ = run_notebook(path)
    expected = _plot_count(nb)
    if expected == 0:
        pytest.skip(f"{path.name} shows no plot")
    page = kit_notebooks.export_html(nb, PAGES / (path.stem + ".html"))
    html = page.read_text(encoding="utf-8")

    remote = re.findall(r"<(?:script|link|img)[^>]+(?:src|href)=[\"']?(https?:)?//", html, flags=re.I)
    assert not remote, f"{page.name} loads something over the network: {remote[:3]}"
    assert html.count("Plotly.newPlot") >= expected

    # the worker's Chromium draws the page in a window tall enough for all of it, then takes the picture
    PICTURES.mkdir(parents=True, exist_ok=True)
    png = PICTURES / (path.stem + ".png")
    png.unlink(missing_ok=True)
    chromium.viewport(1280, _page_height_px(nb))
    state, requests = chromium.open(page.resolve().as_uri())
    leaving = [r for r in requests if not r.startswith(headless_chromium.LOCAL_SCHEMES)]
    assert not leaving, f"{page.name} requests something over the network: {leaving[:3]}"
    # plotly draws two main-svg layers per plot
    assert state["mainSvg"] >= 2 * expected, f"{page.name}: {expected} plots expected, chromium drew {state['mainSvg'] // 2}"
    if any(c.cell_type == "markdown" and "$" in c.source for c in nb.cells):
        assert state["math"] and not state["mathErrors"], f"{page.name}: the offline MathJax did not typeset the math"
    chromium.screenshot(png)
    from PIL import Image

    colours = Image.open(png).convert("RGB").getcolors(maxcolors=1 << 24)
    pixels = sum(n for n, px in colours if all(abs(a - b) <= 12 for a, b in zip(px, TRACE_RGB)))
    assert pixels >= MIN_TRACE_PIXELS, f"{png.name}: only {pixels} pixels of trace colour; the plot did not draw"


def test_two_exports_of_a_notebook_are_byte_identical(tmp_path):
    """Exports are reproducible: the same notebook executed twice on fresh kernels exports to the
    same bytes (figure element ids depend on the figure, not on the clock)."""
    path = kit_notebooks.NOTEBOOKS / "00-start-here.ipynb"
    first, _ = run_notebook(path)
    second, _ = kit_notebooks.execute(path)
    a = kit_notebooks.export_html(first, tmp_path / "first.html").read_bytes()
    b = kit_notebooks.export_html(second, tmp_path / "second.html").read_bytes()
    if a != b:
        at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        pytest.fail(f"the two exports differ from byte {at}: {a[max(0, at - 80):at + 80]!r} vs {b[max(0, at - 80):at + 80]!r}")
