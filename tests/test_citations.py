"""Every citation can be followed by a reader of the repository: no notebook, Javadoc comment, README
or docs page mentions a document that is not in the repository (the private reference and design
notes the kit was written from, or a sibling folder outside it), every relative link points at a file
that exists, and every link or "theory page §N" reference into docs/theory.md names a section or
anchor that the page has."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

import kit_notebooks

ROOT = kit_notebooks.ROOT
THEORY = ROOT / "docs" / "theory.md"

# Documents that exist only outside the repository. A mention of any of them is a citation a reader
# cannot follow; cite the papers (authors, year, theorem) or docs/theory.md §N instead.
OUTSIDE = re.compile(
    r"\bREFERENCE\b(?:\s*§|\.md)?|\bDESIGN\.md\b|\bCOURSE\.md\b|(?:\.\./)+shared\b|/work/shared\b"
)
MD_LINK = re.compile(r"\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HTML_LINK = re.compile(r"""(?:href|src)\s*=\s*["']([^"']+)["']""", re.I)
THEORY_SECTION = re.compile(r"theory(?:\.md|\s+page)\W{0,3}(?:,\s*)?§\s*(\d+(?:\.\d+)?)", re.I)
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)  # http:, https:, mailto:, data:, ...


def _tracked(*patterns: str) -> list[Path]:
    """Files git tracks (so build output and virtualenvs are never scanned); falls back to a glob."""
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "ls-files", "--", *patterns], capture_output=True, text=True, check=True
        ).stdout.split()
        return sorted(ROOT / p for p in out if (ROOT / p).is_file())
    except (OSError, subprocess.CalledProcessError):  # not a git checkout: walk the tree
        skip = {".git", ".venv", "build", "target", "node_modules", ".ipynb_checkpoints"}
        return sorted(
            p for p in ROOT.rglob("*")
            if p.is_file() and not skip & set(p.relative_to(ROOT).parts)
            and any(p.relative_to(ROOT).match(pat) or p.match(pat.rsplit("/", 1)[-1]) and str(p.relative_to(ROOT)).startswith(pat.rsplit("/", 1)[0]) for pat in patterns)
        )


def _notebook_text(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "\n".join("".join(c.get("source", "")) for c in nb["cells"])


def _slug(heading: str) -> str:
    text = re.sub(r"<[^>]+>|[`*_]", "", heading).strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def _anchors(md_path: Path) -> set[str]:
    """GitHub-style anchors of a markdown file: one per heading, plus explicit id= / name= anchors."""
    text = md_path.read_text(encoding="utf-8")
    anchors = {_slug(m.group(1)) for m in re.finditer(r"^#{1,6}\s+(.+?)\s*#*\s*$", text, flags=re.M)}
    anchors |= set(re.findall(r"""(?:id|name)\s*=\s*["']([^"']+)["']""", text))
    return anchors


def _theory_sections() -> set[str]:
    if not THEORY.exists():
        return set()
    text = THEORY.read_text(encoding="utf-8")
    return set(re.findall(r"^#{2,3}\s+(\d+(?:\.\d+)?)\.?\s", text, flags=re.M))


def _problems(path: Path, text: str) -> list[str]:
    rel = path.relative_to(ROOT)
    found = []
    lines = text.splitlines()
    for no, line in enumerate(lines, 1):
        for m in OUTSIDE.finditer(line):
            found.append(f"{rel}:{no}: mentions {m.group(0)!r}, a document outside the repository: {line.strip()[:140]}")
    sections = _theory_sections()
    for no, line in enumerate(lines, 1):
        for m in THEORY_SECTION.finditer(line):
            if m.group(1) not in sections:
                found.append(f"{rel}:{no}: cites theory page §{m.group(1)}, which docs/theory.md does not have")
        for m in list(MD_LINK.finditer(line)) + list(HTML_LINK.finditer(line)):
            target = m.group(1)
            if EXTERNAL.match(target) or target.startswith("#") or "{" in target:
                continue
            file_part, _, fragment = target.partition("#")
            resolved = (path.parent / file_part).resolve()
            if not resolved.exists():
                found.append(f"{rel}:{no}: links to {target}, which does not exist in the repository")
            elif fragment and resolved.suffix == ".md" and fragment not in _anchors(resolved):
                found.append(f"{rel}:{no}: links to {target}, but {resolved.name} has no anchor #{fragment}")
    return found


def _report(problems: list[str], what: str) -> None:
    assert not problems, f"{len(problems)} citation problem(s) in {what}:\n" + "\n".join(problems[:80]) + (
        f"\n... and {len(problems) - 80} more" if len(problems) > 80 else ""
    )


def test_notebooks_cite_only_the_repository():
    problems = []
    for path in _tracked("notebooks/*.ipynb"):
        problems += _problems(path, _notebook_text(path))
    _report(problems, "notebooks")


def test_javadoc_cites_only_the_repository():
    problems = []
    for path in _tracked("lib/src/*.java"):
        problems += _problems(path, path.read_text(encoding="utf-8"))
    _report(problems, "Java sources (lib/src)")


def test_readme_and_docs_cite_only_the_repository():
    problems = []
    for path in _tracked("*.md"):
        problems += _problems(path, path.read_text(encoding="utf-8"))
    _report(problems, "README and docs files")


def test_theory_page_has_the_agreed_sections():
    """Notebooks and Javadoc link to these anchors; renaming a heading breaks their links."""
    anchors = _anchors(THEORY)
    agreed = [
        "1-setting", "2-hypothesis-space", "3-approximation", "31-universal-approximation",
        "32-jackson-type-rate", "33-curse-of-memory", "34-inverse-theorem", "35-two-sided-truth",
        "4-optimization", "41-loss-as-a-kernel-distance", "42-plateaus", "43-mechanism",
        "44-reference-numbers", "5-follow-ups", "51-nonlinear-inverse-theorem-and-perturbation-error",
        "52-stable-reparameterization", "6-notation", "7-bibliography",
    ]
    missing = [a for a in agreed if a not in anchors]
    assert not missing, f"docs/theory.md lacks the sections {missing}"


@pytest.mark.parametrize(
    "text, bad",
    [
        ("as stated (REFERENCE §3, [stated])", True),
        ("see REFERENCE.md", True),
        ("Hipparchus-style solver result, DESIGN.md", True),
        ("[notes](../shared/COURSE.md)", True),
        ("(Li, Han, E & Li 2021; theory page §3.2)", False),
        ("int REFERENCE_STEPS = 3;", False),
    ],
)
def test_the_check_itself(text, bad):
    """The detector flags outside documents and accepts the papers and the theory page."""
    fake = ROOT / "docs" / "_probe.md"  # only its location matters: links resolve from docs/
    assert bool(OUTSIDE.search(text)) == bad
    if not bad:
        assert not [p for p in _problems(fake, text) if "outside" in p]


def test_links_and_sections_are_checked():
    fake = ROOT / "notebooks" / "_probe.ipynb"
    assert _problems(fake, "[ok](../docs/theory.md#32-jackson-type-rate)") == []
    assert _problems(fake, "[bad](../docs/theory.md#99-nothing)")
    assert _problems(fake, "[gone](../docs/missing.md)")
    assert _problems(fake, "theory page §9")
    assert _problems(fake, "theory page §3.2") == []
