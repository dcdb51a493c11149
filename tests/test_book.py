"""The book (`./kit book`): built from the notebook executions this test session already made (see
conftest.run_notebook; nothing is executed twice), then opened in headless Chromium from file:// and
walked link by link through the DevTools protocol. Every link resolves, every page draws its plots
(Plotly's main-svg) and typesets its maths (mjx-container), no request leaves the machine, solutions
are folded and print nothing, and every notebook page stays under 1.5 MB without the shared assets.
The book is written to build/test-book/ (`./kit book` writes build/book/)."""
from __future__ import annotations

import re
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

import headless_chromium
import kit_notebooks
from conftest import report_line, run_notebook

OUT = kit_notebooks.ROOT / "build" / "test-book"
PAGE_BUDGET_BYTES = 1_500_000
PLOTLY_MIME = "application/vnd.plotly.v1+json"


# ---------------------------------------------------------------------------------------- building


def _run_cached(name: str, _committed_nb):
    """The book's executor for tests: the notebook test's cached run of the same notebook."""
    try:
        return run_notebook(kit_notebooks.NOTEBOOKS / name)
    except pytest.fail.Exception as err:  # the notebook failed: the book leaves it out and says so
        raise kit_notebooks.NotebookFailure(str(err)) from None


@pytest.fixture(scope="module")
def book(request):
    lines: list[str] = []
    report = kit_notebooks.build_book(OUT, run=_run_cached, say=lines.append)
    notebook_pages = {k: v for k, v in report["pages"].items() if k[:2].isdigit()}
    largest = max(notebook_pages, key=notebook_pages.get)
    summary = (
        f"book: {report['total'] / 1e6:.1f} MB in total (notebook pages {sum(notebook_pages.values()) / 1e6:.1f} MB, "
        f"shared assets {report['assets'] / 1e6:.1f} MB, API {report['api'] / 1e6:.1f} MB); "
        f"largest page {largest} ({notebook_pages[largest] / 1e6:.2f} MB without the shared assets)"
    )
    report_line("book", summary)
    report["summary"] = summary
    return report


def _pages(report) -> list[str]:
    return sorted(p for p in report["pages"] if p[:2].isdigit())


def _notebook(page: str):
    return run_notebook(kit_notebooks.NOTEBOOKS / (page[: -len(".html")] + ".ipynb"))[0]


def test_every_notebook_is_in_the_book(book):
    assert not book["failures"], "notebooks failed, so the book misses them:\n" + "\n".join(book["failures"])
    expected = [p.stem + ".html" for p in kit_notebooks.notebook_paths()]
    assert _pages(book) == expected


def test_pages_are_light(book):
    heavy = {p: s for p, s in book["pages"].items() if s > PAGE_BUDGET_BYTES}
    assert not heavy, f"pages over {PAGE_BUDGET_BYTES / 1e6} MB without the shared assets: {heavy}; {book['summary']}"
    for asset in ("plotly.min.js", "mathjax/tex-svg-full.js", "jupyterlab.css"):
        assert (OUT / "assets" / asset).is_file(), f"assets/{asset} is missing"
    libraries = [(OUT / "assets" / a).read_text(encoding="utf-8")[:400] for a in ("plotly.min.js", "mathjax/tex-svg-full.js")]
    for page in _pages(book):
        html = (OUT / page).read_text(encoding="utf-8")
        assert not any(lib in html for lib in libraries), f"{page} inlines plotly.js or MathJax instead of sharing assets/"
        assert 'src="assets/plotly.min.js"' in html and 'src="assets/mathjax/tex-svg-full.js"' in html


def test_pages_are_titled_and_linked_in_reading_order(book):
    pages = _pages(book)
    for i, page in enumerate(pages):
        html = (OUT / page).read_text(encoding="utf-8")
        title = kit_notebooks.notebook_title(_notebook(page), page[:-5])
        assert re.search(r"<title>\s*" + re.escape(title.replace("&", "&amp;")) + r"\s*</title>", html), (
            f"{page}: the <title> should be {title!r}"
        )
        assert 'href="index.html"' in html and 'href="theory.html"' in html and 'href="api/index.html"' in html
        rels = _rel_links(html)
        prev = pages[i - 1] if i else "theory.html"
        assert rels.get("prev") == {prev}, f"{page}: 'previous' should link to {prev}, not {rels.get('prev')}"
        if i + 1 < len(pages):
            assert rels.get("next") == {pages[i + 1]}, f"{page}: 'next' should link to {pages[i + 1]}, not {rels.get('next')}"
    index = (OUT / "index.html").read_text(encoding="utf-8")
    positions = [index.find(f'href="{p}"') for p in pages]
    assert -1 not in positions and positions == sorted(positions), "index.html must list every notebook in reading order"


def _rel_links(html: str) -> dict[str, set[str]]:
    """rel -> hrefs of the page's <a rel=...> links (attribute order does not matter)."""
    found: dict[str, set[str]] = {}
    for tag in re.findall(r"<a\b[^>]*>", html):
        rel, href = re.search(r'rel="([^"]*)"', tag), re.search(r'href="([^"]*)"', tag)
        if rel and href:
            found.setdefault(rel.group(1), set()).add(href.group(1))
    return found


def _solution_cells(nb):
    return [
        c for c in nb.cells
        if "solution" in c.metadata.get("tags", []) or c.metadata.get("jupyter", {}).get("source_hidden")
    ]


def test_solutions_are_folded_and_print_no_answer(book):
    for page in _pages(book):
        nb = _notebook(page)
        html = (OUT / page).read_text(encoding="utf-8")
        folds = re.findall(r'<details class="kit-solution">(.*?)</details>', html, flags=re.S)
        assert len(folds) == len(_solution_cells(nb)), f"{page}: {len(_solution_cells(nb))} solutions, {len(folds)} folded"
        for fold in folds:
            assert "jp-OutputArea-output" not in fold, f"{page}: a folded solution carries its output"
        for cell in _solution_cells(nb):
            for out in cell.get("outputs", []):
                text = out.get("text") or out.get("data", {}).get("text/plain", "")
                for line in (text if isinstance(text, str) else "".join(text)).splitlines():
                    if len(line.strip()) > 12:
                        assert line.strip() not in html, f"{page}: prints a solution's output: {line.strip()!r}"


def test_class_names_link_to_the_javadoc(book):
    assert not book["unlinked"], f"the theory page names classes the Javadoc lacks: {book['unlinked']}"
    theory = (OUT / "theory.html").read_text(encoding="utf-8")
    assert 'class="kit-api" href="api/' in theory
    for page in _pages(book):
        nb = _notebook(page)
        code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
        used = [n for n in ("JacksonApproximation", "LinearRnn", "PerturbationError", "Reparameterization") if n in code]
        html = (OUT / page).read_text(encoding="utf-8")
        for name in used:
            assert re.search(r'class="kit-api" href="api/[^"]*/' + name + r'\.html"', html), f"{page}: {name} is not linked"


# ------------------------------------------------------------------------------------- link walk


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if key in ("id", "name") and value:
                self.ids.add(value)
            if value and ((key == "href" and tag in ("a", "link", "area")) or (key == "src" and tag in ("script", "img", "iframe"))):
                self.refs.append((tag, value))


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser


def test_every_link_in_the_book_resolves(book):
    """All pages, the Javadoc included: local targets exist (with their #anchors on the book's own
    pages); scripts, stylesheets and images are local; the only remote links are plain hyperlinks."""
    parsed: dict[Path, _Links] = {}
    broken, remote_loads = [], []
    for page in sorted(OUT.rglob("*.html")):
        links = parsed.setdefault(page, _parse(page))
        for tag, ref in links.refs:
            if ref.startswith(("http:", "https:", "//")):
                if tag != "a":
                    remote_loads.append(f"{page.relative_to(OUT)}: <{tag}> loads {ref}")
                continue
            if ref.startswith(("mailto:", "javascript:", "data:")) or ref.startswith("#") and "api" in page.parts:
                continue
            target, _, fragment = ref.partition("#")
            resolved = (page.parent / unquote(target)).resolve() if target else page
            if not resolved.exists():
                broken.append(f"{page.relative_to(OUT)}: {ref}")
            elif fragment and resolved.suffix == ".html" and "api" not in resolved.relative_to(OUT.resolve()).parts:
                ids = parsed.setdefault(resolved, _parse(resolved)).ids
                if fragment not in ids and unquote(fragment) not in ids:  # nbconvert's ids are percent-encoded
                    broken.append(f"{page.relative_to(OUT)}: {ref} (no such anchor)")
    assert not remote_loads, "the book loads something over the network:\n" + "\n".join(remote_loads[:20])
    assert not broken, f"{len(broken)} broken link(s):\n" + "\n".join(broken[:40])


# ------------------------------------------------------------------------------ headless Chromium


def _has_math(page: str) -> bool:
    if page == "theory.html":
        return True
    if not page[:2].isdigit():
        return False
    return any(c.cell_type == "markdown" and "$" in c.source for c in _notebook(page).cells)


def test_chromium_follows_every_link(book):
    """From index.html, every book page reachable by links is opened in Chromium: it draws all its
    plots and typesets its maths, and every request it makes stays on the machine (file://). Javadoc
    pages linked from the book are opened too (their own links are checked by the link walk)."""
    root = OUT.resolve()
    start = (root / "index.html").as_uri()
    seen, queue, problems, visited_api = {start}, [start], [], 0
    with tempfile.TemporaryDirectory() as profile:
        browser = headless_chromium.DevTools(profile)
        try:
            while queue:
                url = queue.pop(0)
                path = Path(unquote(urlparse(url).path))
                rel = path.relative_to(root).as_posix()
                if not path.exists():
                    problems.append(f"{rel}: the link target does not exist")
                    continue
                state, requests = browser.open(url)
                leaving = [r for r in requests if not r.startswith(headless_chromium.LOCAL_SCHEMES)]
                if leaving:
                    problems.append(f"{rel}: requests leave the machine: {leaving[:5]}")
                missing = [r for r in requests if r.startswith("file:") and not Path(unquote(urlparse(r).path)).exists()]
                if missing:
                    problems.append(f"{rel}: requests missing files: {missing[:5]}")
                if state["mainSvg"] < 2 * state["plots"]:
                    problems.append(f"{rel}: {state['plots']} plots, Chromium drew {state['mainSvg'] // 2}")
                if _has_math(rel) and (state["math"] == 0 or state["mathErrors"]):
                    problems.append(f"{rel}: maths not typeset ({state['math']} formulas, {state['mathErrors']} errors)")
                if rel.startswith("api/"):
                    visited_api += 1
                    continue  # the Javadoc's own links are checked by the link walk above
                for link in state["links"]:
                    target = link.split("#", 1)[0]
                    if target.startswith("file:") and target not in seen:
                        seen.add(target)
                        queue.append(target)
        finally:
            browser.close()
    book_pages = {p for p in book["pages"]}
    opened = {Path(unquote(urlparse(u).path)).name for u in seen if "/api/" not in u}
    assert book_pages <= opened, f"pages no link reaches: {sorted(book_pages - opened)}"
    assert visited_api >= 2, "the book should link into the Javadoc (index and class pages)"
    assert not problems, "\n".join(problems)


def test_book_is_built_from_committed_notebooks(tmp_path, monkeypatch):
    """committed_notebooks() reads git's HEAD, not the working copy a learner may have edited."""
    import nbformat

    repo = tmp_path / "kit"
    (repo / "notebooks").mkdir(parents=True)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 00 · Committed")])
    nbformat.write(nb, repo / "notebooks" / "00-x.ipynb")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(git + ["init", "-q"], check=True)
    subprocess.run(git + ["add", "."], check=True)
    subprocess.run(git + ["commit", "-qm", "c"], check=True)
    nb.cells[0].source = "# 00 · Edited by a learner"
    nbformat.write(nb, repo / "notebooks" / "00-x.ipynb")
    monkeypatch.setattr(kit_notebooks, "ROOT", repo)
    monkeypatch.setattr(kit_notebooks, "NOTEBOOKS", repo / "notebooks")
    [(name, committed)] = kit_notebooks.committed_notebooks()
    assert name == "00-x.ipynb" and kit_notebooks.notebook_title(committed, "00-x") == "00 · Committed"


def test_link_helpers():
    """Repository links become book links; class and package names link to the Javadoc by simple name;
    headings get GitHub's anchors, so docs/theory.md#32-... works on GitHub and in the book."""
    api = {"JacksonApproximation": "api/org/x/JacksonApproximation.html", "org.curseofmemory.approx": "api/org/p.html"}
    html = kit_notebooks.link_api(
        '<p><code>JacksonApproximation.of(3)</code> <code>org.curseofmemory.approx</code> <code>Table</code>'
        ' <a href="x"><code>JacksonApproximation</code></a></p><span class="n">JacksonApproximation</span>',
        api,
    )
    assert html.count('class="kit-api" href="api/org/x/JacksonApproximation.html"') == 2
    assert '<a class="kit-api" href="api/org/p.html"><code>org.curseofmemory.approx</code></a>' in html
    assert "<code>Table</code>" in html and '<a href="x"><code>JacksonApproximation</code></a>' in html
    assert kit_notebooks.rewrite_links(
        '<a href="../docs/theory.md#42-plateaus"></a><a href="../notebooks/07-plateaus.ipynb"></a><a href="../README.md"></a>'
    ) == '<a href="theory.html#42-plateaus"></a><a href="07-plateaus.html"></a><a href="index.html"></a>'
    assert kit_notebooks._slug("3.2 Jackson-type rate") == "32-jackson-type-rate"
    assert kit_notebooks._slug("5.1 Nonlinear inverse theorem and perturbation error") == (
        "51-nonlinear-inverse-theorem-and-perturbation-error"
    )
