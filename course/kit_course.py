"""The kit's course tools: the instructor commands behind `./kit course` (run as a script;
`python kit_course.py help`) and the helpers they share with the nbgrader preprocessors in
kit_preprocessors.py. Importing this module does not need nbgrader."""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path


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


# ---------------------------------------------------------------------------------------------
# Shadowing guard. A student may declare a class with the simple name of a class a test uses (a fake
# `LineFit` whose fit returns what the student's answer returns). Test cells name the kit's checks and
# java.lang.Math in full, which nothing can shadow; for every other simple name a test cell uses,
# autograding puts one statement in front of the cell that fails it when the notebook declares a type
# of that name. The statement is removed again once the cell has run. JJava's kernel exposes the JShell
# that holds the notebook's declarations.

GUARD_MARK = "/* kit: shadowing guard */"
_JAVA_COMMENT_OR_STRING = re.compile(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'', re.S)
_SIMPLE_TYPE_NAME = re.compile(r"(?<![\w.$])([A-Z][A-Za-z0-9_]*)\b")


def used_type_names(source: str) -> list[str]:
    """Capitalised simple names a Java cell uses (not in comments or strings, not after a dot)."""
    code = _JAVA_COMMENT_OR_STRING.sub(" ", source)
    return sorted(set(_SIMPLE_TYPE_NAME.findall(code)))


def shadowing_guard(names: list[str]) -> str:
    """One Java statement that throws when the notebook declares a type with one of these names."""
    quoted = ", ".join(f'"{n}"' for n in names)
    return (GUARD_MARK + " { jdk.jshell.JShell kitShell = ((org.dflib.jjava.kernel.JavaKernel) "
            "org.dflib.jjava.jupyter.kernel.BaseKernel.notebookKernel()).getJShell(); "
            f"java.util.Set<java.lang.String> kitUsed = java.util.Set.of({quoted}); "
            "java.util.List<java.lang.String> kitHiding = kitShell.types().filter(kitType -> "
            "kitShell.status(kitType).isActive() && kitUsed.contains(kitType.name())).map(kitType -> kitType.name())"
            ".distinct().sorted().toList(); if (!kitHiding.isEmpty()) throw new java.lang.IllegalStateException("
            '"this notebook declares " + java.lang.String.join(", ", kitHiding) + ", a name this test uses for the '
            'kit\'s own class: rename yours"); }')


def is_test_cell(cell) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


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
    # grading runs are short: add the fast-start options to whatever heap bound ./kit set
    opts = env.get("JJAVA_JVM_OPTS", "")
    if "TieredStopAtLevel" not in opts:
        env["JJAVA_JVM_OPTS"] = (opts + " " + GRADING_JVM_OPTS).strip()
    env.setdefault("PYTHONWARNINGS", "ignore")   # nbgrader's SQLAlchemy models warn at every start (harmless)
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
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
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
        if "kit.jsh" in first.source:
            first.source = "%load kit-locate.jsh"
        if removed:
            note = nbformat.v4.new_markdown_cell(
                "*Course copy: the model solutions of the exercises are not included; where the text "
                "mentions a solution cell, there is none.*")
            note.id = "kit-course-copy-note"
            nb.cells.insert(1, note)
        target = out / path.name
        nbformat.write(nb, target)
        written.append(target)
        print(f"[kit] {_show(target)}: {removed} solution cell(s) removed")
    return written


USAGE = """Usage: ./kit course <step> [arguments]

  setup                          nbgrader installed, its JupyterLab extensions on, the Formgrader pointed at course/
  lab [--port N] [--no-browser]  JupyterLab on the kit's folder with the Formgrader (menu Nbgrader)
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
