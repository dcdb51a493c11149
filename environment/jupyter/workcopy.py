"""The student's working copy of the notebooks, for `./kit lab`.

JupyterLab saves what a student opens, runs and edits. If the lab served notebooks/ directly, that
would change what the tests and the book read (outputs and answers in committed files). So the lab
serves a git-ignored copy, work/, a sibling of notebooks/ (the notebooks' relative paths such as
../lib/target/kit/ and ../docs/theory.md resolve the same from both).

sync() makes and refreshes that copy and never loses a student's edit:

- a kit file missing from work/ is copied in (the first run copies everything; a kit update brings
  its new notebooks; a file the student deleted comes back);
- a copy the student has not edited is replaced when the kit's version changes;
- a copy the student has edited is never touched. When the kit's version changed, the new version
  is written next to it as NAME.kit-update.ipynb (once per kit version), and the report says so.

"Edited" compares the copy with the kit version it was made from (its fingerprint is recorded in
work/.kit-copies.json). A notebook's fingerprint covers what a student writes: each cell's type,
source and attachments. Outputs, execution counts and metadata (which JupyterLab rewrites on open,
e.g. language_info) do not count as edits. Other files (docs/) are compared byte for byte.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

MANIFEST = ".kit-copies.json"
UPDATE_SUFFIX = ".kit-update"

# (folder in the kit, glob, folder in the working copy)
SOURCES = [("notebooks", "*.ipynb", "."), ("docs", "**/*", "docs")]


def fingerprint(path: Path) -> str:
    """What counts as the student's work in a file, as a sha256."""
    data = path.read_bytes()
    if path.suffix == ".ipynb":
        try:
            nb = json.loads(data)
            cells = [[c.get("cell_type"), _text(c.get("source", "")), c.get("attachments")] for c in nb.get("cells", [])]
            data = json.dumps(cells, sort_keys=True, ensure_ascii=False).encode("utf-8")
        except (ValueError, AttributeError, TypeError):
            pass  # not a readable notebook: compare the bytes
    return hashlib.sha256(data).hexdigest()


def _text(source) -> str:
    return "".join(source) if isinstance(source, list) else str(source)


def update_name(rel: str) -> str:
    p = Path(rel)
    return str(p.with_name(p.stem + UPDATE_SUFFIX + p.suffix))


def kit_files(kit_root: Path) -> dict[str, Path]:
    """Working-copy path (relative, posix) -> kit file, for every file the lab offers."""
    files = {}
    for folder, pattern, target in SOURCES:
        base = kit_root / folder
        if not base.is_dir():
            continue
        for src in sorted(base.glob(pattern)):
            if src.is_file() and not any(part.startswith(".") for part in src.relative_to(base).parts):
                files[(Path(target) / src.relative_to(base)).as_posix()] = src
    return files


def sync(kit_root: Path, work: Path) -> list[str]:
    """Brings work/ up to date with the kit without losing edits; returns one line per change."""
    work.mkdir(parents=True, exist_ok=True)
    manifest_path = work / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    report = []
    for rel, src in kit_files(kit_root).items():
        dest = work / rel
        kit_fp = fingerprint(src)
        entry = manifest.get(rel, {})
        if not dest.exists():
            _copy(src, dest)
            manifest[rel] = {"kit": kit_fp}
            report.append(("restored " if entry else "copied ") + rel)
            continue
        mine = fingerprint(dest)
        if mine == kit_fp:
            manifest[rel] = {"kit": kit_fp}  # same as the kit's (maybe with outputs): nothing to do
            continue
        if entry.get("kit") == mine:
            _copy(src, dest)  # not edited since it was copied: take the kit's new version
            manifest[rel] = {"kit": kit_fp}
            report.append("updated " + rel)
            continue
        # Edited by the student: keep it. If the kit's version changed since the copy was made,
        # offer the new version beside it, once per version.
        if kit_fp != entry.get("kit") and kit_fp != entry.get("offered"):
            side = update_name(rel)
            side_path = work / side
            side_entry = manifest.get(side, {})
            if side_path.exists() and side_entry.get("kit") != fingerprint(side_path):
                report.append(f"kept your {rel}; the kit has a new version but {side} is edited too, so it was left alone")
            else:
                _copy(src, side_path)
                manifest[side] = {"kit": kit_fp}
                report.append(f"kept your {rel} (you edited it); the kit's new version is {side}")
            entry = dict(entry, offered=kit_fp)
            manifest[rel] = entry
    tmp = manifest_path.with_suffix(".tmp")
    tmp.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(manifest_path)
    return report


def _copy(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".kit-tmp")
    shutil.copyfile(src, tmp)
    tmp.replace(dest)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: workcopy.py KIT_ROOT WORK_DIR")
    for line in sync(Path(sys.argv[1]), Path(sys.argv[2])):
        print("[kit] " + line)
