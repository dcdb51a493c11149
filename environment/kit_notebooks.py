"""Execute the kit's notebooks in the Java kernel and export them to self-contained HTML.

Used by the tests (tests/) and by `./kit book`. Run as a script: `python kit_notebooks.py book`.
"""
from __future__ import annotations

import os
import re
import sys
import tempfile
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
    return execute_node(nbformat.read(path, as_version=4), path.name)


def execute_node(nb, name: str):
    """Executes a notebook given as a node (kernel CWD: notebooks/); returns (nb, seconds).

    The kernel's own log lines (stdout/stderr of the kernel process) are captured, not printed; a
    failure's message ends with them.
    """
    client = NotebookClient(
        nb,
        kernel_name=kernel_name(),
        timeout=CELL_TIMEOUT_S,
        startup_timeout=STARTUP_TIMEOUT_S,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
        # the notebook's outputs are in hand when the last cell ends: stop the kernel at once
        # instead of the graceful shutdown request (about 3 s a notebook)
        shutdown_kernel="immediate",
    )
    start = time.monotonic()
    with tempfile.TemporaryFile() as kernel_log:
        try:
            client.execute(stdout=kernel_log, stderr=kernel_log)
        except CellTimeoutError as err:
            raise NotebookFailure(
                f"{name}: a cell ran longer than {CELL_TIMEOUT_S} s\n{strip_ansi(str(err))}{_log_tail(kernel_log)}"
            ) from None
        except CellExecutionError as err:
            raise NotebookFailure(f"{name}: a cell failed\n{_describe(nb, err)}{_log_tail(kernel_log)}") from None
        except Exception as err:  # the kernel died or did not start
            raise NotebookFailure(f"{name}: the kernel failed: {err!r}{_log_tail(kernel_log)}") from None
    return nb, time.monotonic() - start


def _log_tail(log, lines: int = 60) -> str:
    log.seek(0)
    text = strip_ansi(log.read().decode("utf-8", "replace")).rstrip()
    if not text:
        return ""
    tail = text.splitlines()[-lines:]
    return "\n--- kernel log (last lines) ---\n" + "\n".join(tail)


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


# --------------------------------------------------------------------------------------------------
# The book: `./kit book` writes build/book/ (index, one page per notebook, the theory page, the
# Javadoc), built from the committed notebooks, executed fresh. plotly.js, MathJax and the JupyterLab
# stylesheet are stored once under build/book/assets/ and shared by every page; nothing is loaded from
# the network. Publishing = copying build/book/ as it is to any static web host.
# --------------------------------------------------------------------------------------------------

BOOK_DIR = ROOT / "build" / "book"
BOOK_TEMPLATE = "kit_book"
THEORY_MD = ROOT / "docs" / "theory.md"
README = ROOT / "README.md"
MATHJAX_BUNDLE = "tex-svg-full.js"  # every TeX extension built in: MathJax never fetches a file
MATHJAX_CONFIG = """window.MathJax = {
  tex: {inlineMath: [['$', '$'], ['\\\\(', '\\\\)']], displayMath: [['$$', '$$'], ['\\\\[', '\\\\]']], processEscapes: true},
  svg: {fontCache: 'global'},
  options: {ignoreHtmlClass: 'jp-OutputArea|CodeMirror|highlight'}
};
"""
BOOK_CSS = """/* The kit's book: navigation, solutions, the theory and index pages. */
body { margin: 0; }
a.anchor-link { display: none; }
.jp-Collapser { display: none; }
.jp-InputArea, .jp-InputArea-editor { overflow: hidden; }
.jp-OutputArea-output pre { line-height: inherit; font-family: inherit; }
nav.kit-nav { display: flex; flex-wrap: wrap; gap: 0.4em 1.2em; align-items: baseline;
  padding: 0.6em 1em; margin: 0 0 1em 0; border-bottom: 1px solid #ddd; background: #f7f7f7;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; }
nav.kit-nav.kit-nav-bottom { border-top: 1px solid #ddd; border-bottom: none; margin: 2em 0 0 0; }
nav.kit-nav a { text-decoration: none; }
nav.kit-nav .kit-prev, nav.kit-nav .kit-next { flex: 1 1 14em; }
nav.kit-nav .kit-next { text-align: right; }
details.kit-solution { margin: 0.4em 0 0.8em 0; border-left: 3px solid #9ab; padding-left: 0.5em; }
details.kit-solution > summary { cursor: pointer; color: #357; font: 14px system-ui, sans-serif; padding: 0.3em 0; }
a.kit-api { color: inherit; text-decoration: underline dotted; }
article.kit-page { max-width: 52em; margin: 0 auto; padding: 0 1.2em 2em 1.2em;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; }
article.kit-page h1, article.kit-page h2, article.kit-page h3 { line-height: 1.25; }
article.kit-page h2 { border-bottom: 1px solid #e3e3e3; padding-bottom: 0.2em; margin-top: 1.8em; }
article.kit-page code { font-size: 0.92em; background: #f3f3f3; padding: 0.05em 0.25em; border-radius: 3px; }
article.kit-page a code { background: #eef3f8; }
article.kit-page table { border-collapse: collapse; margin: 1em 0; }
article.kit-page th, article.kit-page td { border: 1px solid #ddd; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
article.kit-page div.math { overflow-x: auto; }
ol.kit-toc li { margin: 0.5em 0; }
ol.kit-toc .kit-line { display: block; color: #444; }
footer.kit-footer { color: #666; font-size: 0.85em; margin-top: 3em; }
"""


class BookError(Exception):
    """The book could not be built (the message says why)."""


class Chapter:
    """One notebook in the book: its file stem, title, one-line summary and executed node."""

    def __init__(self, stem: str, title: str, line_html: str, nb, seconds: float):
        self.stem, self.title, self.line_html, self.nb, self.seconds = stem, title, line_html, nb, seconds

    @property
    def page(self) -> str:
        return self.stem + ".html"


def committed_notebooks() -> list[tuple[str, object]]:
    """(file name, notebook node) for every notebook in git's HEAD commit, in reading order.

    The book is built from what is committed, never from a learner's working copy. Outside a git
    checkout (an unpacked archive) the files under notebooks/ are used and a note says so.
    """
    import subprocess

    try:
        names = subprocess.run(
            ["git", "-C", str(ROOT), "ls-tree", "--name-only", "HEAD", "notebooks/"],
            capture_output=True, text=True, check=True,
        ).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        print("[book] not a git checkout: building from notebooks/ as it is on disk")
        return [(p.name, nbformat.read(p, as_version=4)) for p in notebook_paths()]
    result = []
    for name in sorted(n for n in names if n.endswith(".ipynb")):
        text = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"HEAD:{name}"], capture_output=True, text=True, check=True
        ).stdout
        result.append((Path(name).name, nbformat.reads(text, as_version=4)))
    return result


def notebook_title(nb, stem: str) -> str:
    """The notebook's first '# ' heading, e.g. '04 · The Jackson-type rate'."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return stem


def _markdown(text: str) -> str:
    """Markdown -> HTML with mistune (tables, $-math left for MathJax, GitHub-style heading anchors)."""
    import mistune

    class Renderer(mistune.HTMLRenderer):
        def heading(self, text, level, **attrs):
            return f'<h{level} id="{_slug(text)}">{text}</h{level}>\n'

    return mistune.create_markdown(renderer=Renderer(escape=False), plugins=["table", "math", "strikethrough"])(text)


def _inline_markdown(text: str) -> str:
    html = _markdown(text).strip()
    return html[3:-4] if html.startswith("<p>") and html.endswith("</p>") else html


def _slug(text: str) -> str:
    """GitHub's heading anchors: '### 3.2 Jackson-type rate' -> '32-jackson-type-rate'."""
    text = re.sub(r"<[^>]+>", "", text).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def readme_lines() -> dict[str, str]:
    """Notebook number -> the README table's one-line description, as HTML."""
    lines = {}
    if not README.exists():
        return lines
    for row in README.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\|\s*(\d\d)\s[^|]*\|\s*(.*?)\s*\|\s*$", row)
        if m:
            lines[m.group(1)] = _inline_markdown(m.group(2).replace("\\|", "|"))
    return lines


def build_javadoc(out: Path) -> int:
    """Runs `mvnw javadoc:javadoc` (the Maven Wrapper, so no Maven install is needed) on lib/ and copies the result to out (book/api); returns files copied.

    Maven's output is captured and shown only if the build fails.
    """
    import shutil
    import subprocess

    cmd = [
        str(ROOT / "mvnw"), "-B", "-q", "-ntp", "-Dstyle.color=never", "-pl", "lib", "javadoc:javadoc",
        "-Ddoclint=none", "-DdetectJavaApiLink=false", "-Dnotimestamp=true", "-Dquiet=true",
    ]
    try:
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    except OSError as err:
        raise BookError(f"could not run Maven for the Javadoc: {err}") from None
    if done.returncode != 0:
        raise BookError("mvn javadoc:javadoc failed:\n" + (done.stdout + done.stderr)[-4000:])
    for candidate in (ROOT / "lib" / "target" / "reports" / "apidocs", ROOT / "lib" / "target" / "site" / "apidocs"):
        if (candidate / "index.html").exists():
            if out.exists():
                shutil.rmtree(out)
            shutil.copytree(candidate, out, ignore=shutil.ignore_patterns("options", "packages", "argfile", "javadoc.sh", "*.bat"))
            _drop_missing_css_imports(out)
            return sum(1 for f in out.rglob("*") if f.is_file())
    raise BookError("mvn javadoc:javadoc ran but wrote no lib/target/reports/apidocs/index.html")


def _drop_missing_css_imports(api: Path) -> None:
    """JDK 17's javadoc stylesheet imports resources/fonts/dejavu.css without shipping it; a browser
    would request a missing file on every API page. Drop @import lines whose target does not exist."""
    for css in api.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        kept = [
            line for line in text.splitlines(keepends=True)
            if not (m := re.match(r"""\s*@import\s+url\(['"]?([^'")]+)['"]?\)""", line)) or (css.parent / m.group(1)).exists()
        ]
        if len(kept) != len(text.splitlines(keepends=True)):
            css.write_text("".join(kept), encoding="utf-8")


def api_index(api: Path) -> dict[str, str]:
    """Simple type name (and package name) -> page under api/, read from the Javadoc's search indexes.

    Class names are looked up by simple name at build time, so a class that moves to another package
    keeps its links.
    """
    import json

    found: dict[str, str] = {}
    for index, key in (("type-search-index.js", "types"), ("package-search-index.js", "packages")):
        f = api / index
        if not f.exists():
            continue
        text = f.read_text(encoding="utf-8")
        data = json.loads(text[text.index("["): text.rindex("]") + 1])
        for e in data:
            if key == "types" and "p" in e:
                found.setdefault(e["l"], f"api/{e['p'].replace('.', '/')}/{e['l']}.html")
            elif key == "packages" and e.get("l", "").startswith("org."):
                found.setdefault(e["l"], f"api/{e['l'].replace('.', '/')}/package-summary.html")
    return found


_CODE = re.compile(r"(<a\b[^>]*>\s*)?<code>([^<]*)</code>")
_CODE_NAME = re.compile(r'<span class="n">([A-Z][A-Za-z0-9_]*)</span>')
_QUALIFIED = re.compile(r"((?:[a-z][a-z0-9_]*\.)*)([A-Z][A-Za-z0-9_]*)?")


def link_api(html: str, api: dict[str, str]) -> str:
    """Links class (and package) names to their Javadoc: inline code in prose (`JacksonApproximation`,
    `Norms.l1(...)`, `org.curseofmemory.approx`) and class names in highlighted code cells."""

    def prose(m):
        anchor, text = m.group(1), m.group(2)
        if anchor:  # already inside a link
            return m.group(0)
        q = _QUALIFIED.match(text)
        target = api.get(q.group(2)) if q.group(2) else api.get(text.strip())
        if not target:
            return m.group(0)
        return f'<a class="kit-api" href="{target}"><code>{text}</code></a>'

    html = _CODE.sub(prose, html)
    return _CODE_NAME.sub(
        lambda m: f'<span class="n"><a class="kit-api" href="{api[m.group(1)]}">{m.group(1)}</a></span>'
        if m.group(1) in api else m.group(0),
        html,
    )


_HREF = re.compile(r'href="([^"#:]*?)((?:#[^"]*)?)"')


def rewrite_links(html: str) -> str:
    """Repository links -> book links: notebooks/*.ipynb -> *.html, docs/theory.md -> theory.html,
    README.md -> index.html."""

    def fix(m):
        path, frag = m.group(1), m.group(2)
        name = path.rsplit("/", 1)[-1]
        if name.endswith(".ipynb"):
            return f'href="{name[:-6]}.html{frag}"'
        if name == "theory.md":
            return f'href="theory.html{frag}"'
        if name == "README.md":
            return f'href="index.html{frag}"'
        return m.group(0)

    return _HREF.sub(fix, html)


def write_assets(out: Path) -> None:
    """plotly.js, MathJax, the JupyterLab stylesheet and the book's CSS, once, under out/assets/."""
    import importlib.util
    import shutil

    import jupyter_core.paths
    import plotly

    assets = out / "assets"
    (assets / "mathjax").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(Path(plotly.__file__).parent / "package_data" / "plotly.min.js", assets / "plotly.min.js")
    spec = importlib.util.find_spec("mathjax")
    es5 = Path(list(spec.submodule_search_locations)[0]) / "static" / "mathjax" / "es5"
    shutil.copyfile(es5 / MATHJAX_BUNDLE, assets / "mathjax" / MATHJAX_BUNDLE)
    (assets / "mathjax-config.js").write_text(MATHJAX_CONFIG, encoding="utf-8")
    for base in jupyter_core.paths.jupyter_path("nbconvert", "templates"):
        static = Path(base) / "lab" / "static"
        if (static / "index.css").exists():
            css = (static / "index.css").read_text(encoding="utf-8") + "\n" + (static / "theme-light.css").read_text(encoding="utf-8")
            (assets / "jupyterlab.css").write_text(css, encoding="utf-8")
            break
    else:
        raise BookError("nbconvert's lab template (lab/static/index.css) was not found")
    (assets / "book.css").write_text(BOOK_CSS, encoding="utf-8")


def _esc(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def nav(prev: tuple[str, str] | None, nxt: tuple[str, str] | None, bottom: bool = False) -> str:
    """The book's navigation bar: previous, contents, theory, API, next."""
    left = f'<a class="kit-prev" rel="prev" href="{prev[0]}">← {_esc(prev[1])}</a>' if prev else '<span class="kit-prev"></span>'
    right = f'<a class="kit-next" rel="next" href="{nxt[0]}">{_esc(nxt[1])} →</a>' if nxt else '<span class="kit-next"></span>'
    cls = "kit-nav kit-nav-bottom" if bottom else "kit-nav"
    return (
        f'<nav class="{cls}">{left}<a href="index.html">Contents</a><a href="theory.html">Theory</a>'
        f'<a href="api/index.html">API (Javadoc)</a>{right}</nav>'
    )


def for_book(nb):
    """A copy of an executed notebook prepared for the book: solution cells (tag 'solution' or a hidden
    source) are marked for folding and their outputs dropped, so the book never prints an answer."""
    import copy

    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        meta = cell.get("metadata", {})
        if "solution" in meta.get("tags", []) or meta.get("jupyter", {}).get("source_hidden"):
            meta["kit_solution"] = True
            if cell.cell_type == "code":
                cell.outputs = []
    return nb


def export_book_page(chapter: Chapter, out: Path, prev, nxt, api: dict[str, str]) -> Path:
    """One notebook page of the book (the shared assets are referenced, not inlined)."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name=BOOK_TEMPLATE, extra_template_basedirs=[str(TEMPLATE_DIR)])
    resources = {
        "metadata": {"name": chapter.title},
        "kit_book": {"nav_top": nav(prev, nxt), "nav_bottom": nav(prev, nxt, bottom=True)},
    }
    body, _ = exporter.from_notebook_node(for_book(chapter.nb), resources=resources)
    page = out / chapter.page
    page.write_text(link_api(rewrite_links(body), api), encoding="utf-8")
    return page


def _shell(title: str, body: str, prev=None, nxt=None, math: bool = False) -> str:
    scripts = (
        '<script src="assets/mathjax-config.js"></script>\n<script src="assets/mathjax/' + MATHJAX_BUNDLE + '"></script>\n'
        if math else ""
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f"<title>{_esc(title)}</title>\n"
        '<link rel="stylesheet" href="assets/book.css">\n' + scripts + "</head>\n<body>\n"
        + nav(prev, nxt) + f'\n<article class="kit-page">\n{body}\n</article>\n' + nav(prev, nxt, bottom=True)
        + "\n</body>\n</html>\n"
    )


def render_theory(out: Path, api: dict[str, str], first: Chapter | None) -> tuple[Path, list[str]]:
    """docs/theory.md -> theory.html; returns the page and the class names it could not link."""
    md = THEORY_MD.read_text(encoding="utf-8")
    html = link_api(rewrite_links(_markdown(md)), api)
    unlinked = sorted({m.group(1) for m in re.finditer(r"(?<!>)<code>([A-Z][A-Za-z0-9_]*)</code>", html)})
    title = "Theory"
    m = re.search(r"<h1[^>]*>(.*?)</h1>", html)
    if m:
        title = re.sub(r"<[^>]+>", "", m.group(1))
    page = out / "theory.html"
    nxt = (first.page, first.title) if first else None
    page.write_text(_shell(title, html, prev=("index.html", "Contents"), nxt=nxt, math=True), encoding="utf-8")
    return page, unlinked


def render_index(out: Path, chapters: list[Chapter], failed: list[str], commit: str) -> Path:
    items = "\n".join(
        f'<li><a href="{c.page}">{_esc(c.title)}</a><span class="kit-line">{c.line_html}</span></li>' for c in chapters
    )
    missing = (
        "<p><strong>Not in this build</strong> (the notebook failed): " + ", ".join(_esc(f) for f in failed) + "</p>"
        if failed else ""
    )
    body = f"""<h1>The Curse of Memory</h1>
<p>How well can a recurrent neural network remember? These Java notebooks teach the approximation and
optimization theory of linear recurrent networks with memory: each one states a result, asks you to
predict, computes, draws and checks the numbers against the theory. This book shows every notebook
executed; to change and rerun them, open the kit in JupyterLab (<code>./kit lab</code>).</p>
<h2 id="reading-order">Reading order</h2>
<ol class="kit-toc">
{items}
</ol>
{missing}
<h2 id="reference">Reference</h2>
<ul>
<li><a href="theory.html">The theory page</a>: setting, theorems with their sources and trust labels, notation, bibliography.</li>
<li><a href="api/index.html">The library's API (Javadoc)</a>: the Java classes the notebooks use.</li>
</ul>
<footer class="kit-footer">Built by <code>./kit book</code> from the committed notebooks{commit}, each executed
on a fresh Java kernel. Solutions are folded and their outputs left out.</footer>"""
    page = out / "index.html"
    nxt = (chapters[0].page, chapters[0].title) if chapters else None
    page.write_text(_shell("The Curse of Memory", body, prev=None, nxt=nxt), encoding="utf-8")
    return page


def _commit_label() -> str:
    import subprocess

    try:
        rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        return f" (commit {rev.stdout.strip()})"
    except (OSError, subprocess.CalledProcessError):
        return ""


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e5 else f"{n / 1e3:.0f} kB"


def build_book(out: Path = BOOK_DIR, run=None, say=print) -> dict:
    """Builds the whole book into out and returns a report (pages, sizes, failures, unlinked names).

    run(name, notebook node) -> (executed node, seconds) executes one notebook; by default on a fresh
    kernel (the tests pass their cached executions instead, so nothing runs twice).
    """
    import shutil

    run = run or (lambda name, nb: execute_node(nb, name))
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    write_assets(out)
    (out / ".nojekyll").write_text("", encoding="utf-8")  # GitHub Pages: serve the files as they are
    files = build_javadoc(out / "api")
    api = api_index(out / "api")
    say(f"[book] API: mvn javadoc:javadoc, {files} files, {len(api)} types and packages indexed")

    lines = readme_lines()
    chapters, failed, failures = [], [], []
    for name, nb in committed_notebooks():
        stem = Path(name).stem
        try:
            executed, seconds = run(name, nb)
        except NotebookFailure as err:
            failed.append(name)
            failures.append(str(err))
            say(f"[book] {name}: FAILED (details below)")
            continue
        say(f"[book] {name}: executed in {seconds:.1f} s")
        chapters.append(Chapter(stem, notebook_title(nb, stem), lines.get(stem[:2], ""), executed, seconds))
    pages = {}
    for i, c in enumerate(chapters):
        prev = (chapters[i - 1].page, chapters[i - 1].title) if i > 0 else ("theory.html", "Theory")
        nxt = (chapters[i + 1].page, chapters[i + 1].title) if i + 1 < len(chapters) else None
        page = export_book_page(c, out, prev, nxt, api)
        pages[c.page] = page.stat().st_size
    if chapters:
        say("[book] notebook pages: " + ", ".join(f"{c.stem[:2]} {_mb(pages[c.page])}" for c in chapters))
    theory, unlinked = render_theory(out, api, chapters[0] if chapters else None)
    pages["theory.html"] = theory.stat().st_size
    pages["index.html"] = render_index(out, chapters, failed, _commit_label()).stat().st_size
    if unlinked:
        say(f"[book] warning: theory page names classes the Javadoc does not have: {', '.join(unlinked)}")

    def size(path: Path) -> int:
        return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())

    largest = max((p for p in pages if p.endswith(".html") and p[:2].isdigit()), key=pages.get, default=None)
    return {
        "out": out, "pages": pages, "failures": failures, "unlinked": unlinked,
        "total": size(out), "assets": size(out / "assets"), "api": size(out / "api"),
        "largest": (largest, pages[largest]) if largest else None,
    }


def book(out_dir: Path = BOOK_DIR) -> int:
    """`./kit book`: build, then print the sizes; kernel and Maven logs appear only on failure."""
    try:
        report = build_book(out_dir)
    except BookError as err:
        print(f"[book] error: {err}", file=sys.stderr)
        return 1
    for failure in report["failures"]:
        print(failure, file=sys.stderr)
    p = report
    notebook_pages = sum(v for k, v in p["pages"].items() if k[:2].isdigit())
    print(
        f"[book] {out_dir.relative_to(ROOT)}/index.html: {_mb(p['total'])} in total "
        f"(notebook pages {_mb(notebook_pages)}, shared assets {_mb(p['assets'])}, API {_mb(p['api'])})"
    )
    if p["largest"]:
        print(f"[book] largest page: {p['largest'][0]} ({_mb(p['largest'][1])}, without the shared assets)")
    if p["failures"]:
        print(f"[book] {len(p['failures'])} notebook(s) failed and are missing from the book", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["book"]:
        sys.exit(book())
    print("usage: python environment/kit_notebooks.py book", file=sys.stderr)
    sys.exit(2)
