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


# ---------------------------------------------------------------------------------------------
# Instructor commands (./kit course <step>). Each one runs nbgrader in the course folder.

ASSIGNMENT_NAME = re.compile(r"^ps\d+-[a-z0-9-]+$")
# Grading kernels are short-lived: the JVM's quick compiler alone starts them about twice as fast.
GRADING_JVM_OPTS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"


def assignments(root: Path = COURSE_ROOT) -> list[str]:
    """The problem sets: folders source/ps<N>-<name>/ holding a notebook of the same name."""
    return sorted(p.name for p in (root / "source").iterdir()
                  if p.is_dir() and ASSIGNMENT_NAME.match(p.name) and (p / f"{p.name}.ipynb").exists())


def _show(path: Path) -> str:
    path = Path(path).resolve()
    return str(path.relative_to(KIT_ROOT)) if path.is_relative_to(KIT_ROOT) else str(path)


def grading_env() -> dict:
    env = dict(os.environ)
    env.setdefault("KIT_HOME", str(KIT_ROOT))
    env.setdefault("JJAVA_JVM_OPTS", GRADING_JVM_OPTS)
    return env


def nbgrader(*args: str, root: Path = COURSE_ROOT, quiet: bool = False):
    """Runs `nbgrader <args>` in the course folder; returns the completed process (check=True)."""
    import subprocess

    cmd = [sys.executable, "-m", "nbgrader", *args]
    out = subprocess.run(cmd, cwd=root, env=grading_env(), text=True,
                         stdout=subprocess.PIPE if quiet else None, stderr=subprocess.STDOUT if quiet else None)
    if out.returncode != 0:
        if quiet and out.stdout:
            print(out.stdout, file=sys.stderr)
        raise SystemExit(f"[kit] nbgrader {' '.join(args)} failed (exit {out.returncode})")
    return out


def sync_locator(root: Path = COURSE_ROOT) -> None:
    """Every problem set carries the same kit-locate.jsh (the canonical one is course/kit-locate.jsh)."""
    canonical = (COURSE_ROOT / "kit-locate.jsh").read_bytes()
    for name in assignments(root):
        target = root / "source" / name / "kit-locate.jsh"
        if not target.exists() or target.read_bytes() != canonical:
            target.write_bytes(canonical)
            print(f"[kit] wrote {_show(target)}")


def release(names: list[str], root: Path = COURSE_ROOT) -> None:
    sync_locator(root)
    for name in names or assignments(root):
        nbgrader("generate_assignment", name, "--force", root=root)
        print(f"[kit] student version of {name}: {_show(root / 'release' / name)}/")


def import_submissions(name: str, folder: Path | None = None, zip_file: Path | None = None,
                       root: Path = COURSE_ROOT) -> list[str]:
    """Puts submitted notebooks where nbgrader expects them, submitted/<student>/<name>/<name>.ipynb.

    A folder holds one notebook per student, as <student>.ipynb or <student>/<anything>.ipynb. An LMS
    zip holds notebooks named <student>_<anything>.ipynb (the student id is the part before the first
    underscore), or <student>/<anything>.ipynb. Files of the assignment (kit-locate.jsh) come from
    source/ at grading time, so only notebooks are needed."""
    import shutil
    import zipfile

    found: dict[str, bytes] = {}

    def add(student: str, data: bytes, origin: str):
        student = re.sub(r"[^A-Za-z0-9._-]", "-", student).strip(".-")
        if not student:
            raise SystemExit(f"[kit] cannot tell the student of {origin}")
        if student in found:
            raise SystemExit(f"[kit] two notebooks for student {student!r} (second: {origin})")
        found[student] = data

    if zip_file is not None:
        with zipfile.ZipFile(zip_file) as z:
            for info in z.infolist():
                p = Path(info.filename)
                if info.is_dir() or p.suffix != ".ipynb" or "__MACOSX" in p.parts or ".ipynb_checkpoints" in p.parts:
                    continue
                student = p.parts[-2] if len(p.parts) > 1 else p.stem.split("_", 1)[0]
                add(student, z.read(info), f"{zip_file}:{info.filename}")
    if folder is not None:
        for p in sorted(Path(folder).rglob("*.ipynb")):
            if ".ipynb_checkpoints" in p.parts:
                continue
            rel = p.relative_to(folder)
            add(rel.parts[0] if len(rel.parts) > 1 else p.stem, p.read_bytes(), str(p))
    if not found:
        raise SystemExit("[kit] no notebooks found to import")
    for student, data in found.items():
        target = root / "submitted" / student / name
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        (target / f"{name}.ipynb").write_bytes(data)
    print(f"[kit] {len(found)} submission(s) of {name} in {_show(root / 'submitted')}/: {', '.join(sorted(found))}")
    return sorted(found)


def autograde(name: str, root: Path = COURSE_ROOT) -> None:
    nbgrader("autograde", name, "--force", root=root)
    print_scores(name, root)


def feedback(name: str, root: Path = COURSE_ROOT) -> None:
    nbgrader("generate_feedback", name, "--force", root=root)
    pages = sorted((root / "feedback").glob(f"*/{name}/*.html"))
    print(f"[kit] {len(pages)} feedback page(s) in {_show(root / 'feedback')}/<student>/{name}/")


def scores(name: str, root: Path = COURSE_ROOT) -> dict[str, tuple[float, float, bool]]:
    """student -> (score, max score, needs manual grading), from the gradebook."""
    from nbgrader.api import Gradebook

    with Gradebook("sqlite:///" + str(root / "gradebook.db")) as gb:
        return {s.student_id: (s.score, s.max_score, bool(s.needs_manual_grade)) for s in gb.assignment_submissions(name)}


def print_scores(name: str, root: Path = COURSE_ROOT) -> None:
    for student, (score, top, manual) in sorted(scores(name, root).items()):
        print(f"  {student:<24} {score:5.1f} / {top:4.1f}" + ("   (written answers still to grade by hand)" if manual else ""))


def strip_solutions(nb) -> int:
    """Removes the model-solution cells (tag 'solution' or a collapsed source) from a teaching notebook;
    returns how many were removed."""
    keep = [c for c in nb.cells if not is_solution_cell(c)]
    removed = len(nb.cells) - len(keep)
    nb.cells = keep
    return removed


def is_solution_cell(cell) -> bool:
    meta = cell.get("metadata", {})
    return "solution" in meta.get("tags", []) or bool(meta.get("jupyter", {}).get("source_hidden"))


def student_notebooks(out: Path, notebooks: Path = KIT_ROOT / "notebooks") -> list[Path]:
    """Copies of the teaching notebooks without their solution cells. Their first cell loads the kit
    with kit-locate.jsh (copied next to them), so the copies work wherever they are put."""
    import nbformat

    out.mkdir(parents=True, exist_ok=True)
    (out / "kit-locate.jsh").write_bytes((COURSE_ROOT / "kit-locate.jsh").read_bytes())
    written = []
    for path in sorted(notebooks.glob("[0-9][0-9]-*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        removed = strip_solutions(nb)
        first = next(c for c in nb.cells if c.cell_type == "code")
        if "%classpath" in first.source and "kit.jsh" in first.source:
            first.source = "%load kit-locate.jsh"
        target = out / path.name
        nbformat.write(nb, target)
        written.append(target)
        print(f"[kit] {_show(target)}: {removed} solution cell(s) removed")
    return written


USAGE = """Usage: ./kit course <step> [arguments]

  setup                          nbgrader installed and its JupyterLab extensions on (./kit lab shows the formgrader)
  release [ps...]                student versions of the problem sets in course/release/ (all by default)
  collect <ps> --from DIR        import submissions: DIR/<student>.ipynb or DIR/<student>/<file>.ipynb
  collect <ps> --zip FILE        import submissions from an LMS zip (<student>_<file>.ipynb or <student>/<file>.ipynb)
  autograde <ps> [--from DIR | --zip FILE]
                                 (import, then) run every submission of <ps> and record scores in course/gradebook.db
  feedback <ps>                  HTML feedback pages in course/feedback/<student>/<ps>/ (offline, no hidden tests)
  scores <ps>                    the gradebook's scores for <ps>
  student-notebooks [--out DIR]  copies of notebooks/00-10 without solution cells (default course/student-notebooks/)
  list                           the problem sets

Environment: KIT_COURSE_CELL_TIMEOUT (seconds one cell may run while grading, default 60).
The instructor guide is docs/instructor-guide.md."""


def main(argv: list[str]) -> int:
    import argparse

    if not argv or argv[0] in ("help", "-h", "--help"):
        print(USAGE)
        return 0
    step, rest = argv[0], argv[1:]
    if step == "list":
        print("\n".join(assignments()))
    elif step == "release":
        unknown = [n for n in rest if n not in assignments()]
        if unknown:
            raise SystemExit(f"[kit] no such problem set: {', '.join(unknown)} (./kit course list)")
        release(rest)
    elif step in ("collect", "autograde"):
        p = argparse.ArgumentParser(prog=f"./kit course {step}")
        p.add_argument("assignment", choices=assignments())
        p.add_argument("--from", dest="folder", type=Path)
        p.add_argument("--zip", dest="zip_file", type=Path)
        a = p.parse_args(rest)
        if a.folder or a.zip_file:
            import_submissions(a.assignment, a.folder, a.zip_file)
        elif step == "collect":
            p.error("collect needs --from DIR or --zip FILE")
        if step == "autograde":
            autograde(a.assignment)
    elif step in ("feedback", "scores"):
        p = argparse.ArgumentParser(prog=f"./kit course {step}")
        p.add_argument("assignment", choices=assignments())
        a = p.parse_args(rest)
        feedback(a.assignment) if step == "feedback" else print_scores(a.assignment)
    elif step == "student-notebooks":
        p = argparse.ArgumentParser(prog="./kit course student-notebooks")
        p.add_argument("--out", type=Path, default=COURSE_ROOT / "student-notebooks")
        student_notebooks(p.parse_args(rest).out.resolve())
    else:
        print(USAGE, file=sys.stderr)
        raise SystemExit(f"[kit] unknown course step: {step}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
