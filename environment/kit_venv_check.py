"""Checks the kit's virtualenv against what pip installed, by hash, and repairs what needs no network.

Run by environment/setup.sh with the virtualenv's own Python (standard library only):

    python kit_venv_check.py repair VENV    # verify, repair offline, print what is left
    python kit_venv_check.py verify VENV    # verify only

Every installed distribution's RECORD lists its files with their sha256 (the wheel's, or for the
console scripts pip wrote, the script's); a file that is missing or whose hash differs is damaged.
`repair` then, without any network:

- moves the virtualenv: if it was copied or moved from the folder where pip installed it (recorded
  in VENV/.kit-origin), the `#!` lines of its scripts and the activate scripts are pointed at VENV;
- rewrites a damaged console script (bin/jupyter-lab, ...) from its distribution's entry points,
  exactly as pip writes it;
- restores a damaged kernelspec (share/jupyter/kernels/...) from the copy kept in VENV/.kit/backup,
  itself checked against RECORD; it keeps such a copy of every intact kernelspec.

Output: one "[kit] ..." line per repair, and one "reinstall NAME==VERSION" line per distribution that
is still damaged (its own files need the wheel again: setup.sh reinstalls it with pip, or says what
to do). Exit status 0 when nothing is left to reinstall, 3 otherwise.
"""
from __future__ import annotations

import base64
import hashlib
import os
import shutil
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

SCRIPT_TEMPLATE = """#!{python}
# -*- coding: utf-8 -*-
import re
import sys
from {module} import {import_name}
if __name__ == '__main__':
    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])
    sys.exit({func}())
"""
# uv (which set-up tries before pip) writes its scripts from this template
UV_SCRIPT_TEMPLATE = """#!{python}
# -*- coding: utf-8 -*-
import sys
from {module} import {import_name}
if __name__ == "__main__":
    if sys.argv[0].endswith("-script.pyw"):
        sys.argv[0] = sys.argv[0][:-11]
    elif sys.argv[0].endswith(".exe"):
        sys.argv[0] = sys.argv[0][:-4]
    sys.exit({func}())
"""
KERNELS = ("share", "jupyter", "kernels")


def record_hash(data: bytes, mode: str = "sha256") -> str:
    return base64.urlsafe_b64encode(hashlib.new(mode, data).digest()).rstrip(b"=").decode()


class Venv:
    def __init__(self, root: Path):
        self.root = root.resolve()
        paths = sysconfig.get_paths(vars={"base": str(self.root), "platbase": str(self.root)})
        self.site = sorted({paths["purelib"], paths["platlib"]})
        self.bin = self.root / "bin"
        origin = self.root / ".kit-origin"
        if origin.is_file():
            self.origin = Path(origin.read_text().strip())
        else:  # set up before the kit recorded it: the folder pip's own script was written for
            self.origin = self.interpreter_home(self.bin / "pip") or self.root
            origin.write_text(f"{self.origin}\n")

    def interpreter_home(self, script: Path) -> Path | None:
        """VENV of a script whose `#!` line is VENV/bin/python..., else None."""
        try:
            head = script.read_bytes().partition(b"\n")[0]
        except OSError:
            return None
        interpreter = Path(head[2:].decode(errors="replace").strip())
        if head.startswith(b"#!") and interpreter.parent.name == "bin" and interpreter.name.startswith("python"):
            return interpreter.parent.parent
        return None

    def distributions(self):
        seen = set()
        for dist in metadata.distributions(path=self.site):
            name = dist.metadata["Name"]
            if name and name.lower() not in seen:
                seen.add(name.lower())
                yield dist

    def matches(self, path: Path, expected) -> bool:
        """True if the file has the hash RECORD lists; for a script, also with the `#!` line it had
        in the folder pip installed the virtualenv in (the virtualenv may have moved since)."""
        try:
            data = path.read_bytes()
        except OSError:
            return False
        if record_hash(data, expected.mode) == expected.value:
            return True
        here, there = f"#!{self.root}/".encode(), f"#!{self.origin}/".encode()
        if here != there and data.startswith(here):
            return record_hash(there + data[len(here):], expected.mode) == expected.value
        return False

    def damaged(self):
        """[(dist, relative file, absolute path)] of every file that does not match its RECORD."""
        bad = []
        for dist in self.distributions():
            for file in dist.files or []:
                if file.hash is None:
                    continue
                path = Path(os.path.normpath(dist.locate_file(file)))
                if not self.matches(path, file.hash):
                    bad.append((dist, file, path))
        return bad

    # --- repairs that need no network -------------------------------------------------------

    def relocate(self) -> int:
        """Points the scripts of a moved virtualenv at its folder; returns how many changed. A script's
        `#!` line names the folder it was written in (pip's, or an earlier place of this copy)."""
        if not self.bin.is_dir():
            return 0
        new, changed = str(self.root).encode(), 0
        for path in sorted(self.bin.iterdir()):
            if path.is_symlink() or not path.is_file():
                continue
            data = path.read_bytes()
            if b"\0" in data[:1024]:
                continue
            if data.startswith(b"#!"):  # a script: only its interpreter line
                old = self.interpreter_home(path)
                if old is None or old == self.root:
                    continue
                head, sep, rest = data.partition(b"\n")
                new_data = b"#!" + str(self.root / "bin" / Path(head.decode(errors="replace")).name).encode() + sep + rest
            elif self.origin != self.root:  # activate, activate.csh, ...
                new_data = data.replace(str(self.origin).encode(), new)
            else:
                continue
            if new_data != data:
                write_atomically(path, new_data)
                changed += 1
        return changed

    def scripts(self, dist) -> dict[str, tuple[str, str]]:
        """{script name: (module, function)} of a distribution's console and GUI scripts."""
        out = {}
        for ep in dist.entry_points:
            if ep.group in ("console_scripts", "gui_scripts"):
                module, _, func = ep.value.partition(":")
                func = func.split("[")[0].strip()
                out[ep.name] = (module.strip(), func)
        return out

    def rewrite_script(self, dist, path: Path) -> bool:
        if path.parent != self.bin:
            return False
        entry = self.scripts(dist).get(path.name)
        if entry is None:
            return False
        module, func = entry
        old = path.read_bytes() if path.is_file() else b""
        # pip writes the interpreter it ran with: bin/python, or bin/python3.X for pip's own scripts
        python = "python"
        if old.startswith(b"#!"):
            name = Path(old[2:].split(b"\n")[0].decode(errors="replace").strip()).name
            if name.startswith("python") and (self.bin / name).exists():
                python = name
        elif dist.metadata["Name"].lower() == "pip":
            python = Path(sys.executable).name
        template = UV_SCRIPT_TEMPLATE if (dist.read_text("INSTALLER") or "").strip() == "uv" else SCRIPT_TEMPLATE
        text = template.format(python=self.bin / python, module=module, import_name=func.split(".")[0], func=func)
        write_atomically(path, text.encode(), mode=0o755)
        return True

    def backup_dir(self) -> Path:
        return self.root / ".kit" / "backup"

    def kernelspec_file(self, path: Path) -> Path | None:
        """The path relative to VENV of a kernelspec file, None if it is not one."""
        try:
            rel = path.relative_to(self.root)
        except ValueError:
            return None
        return rel if rel.parts[:3] == KERNELS else None

    def restore_kernelspec(self, file, path: Path) -> bool:
        rel = self.kernelspec_file(path)
        if rel is None:
            return False
        copy = self.backup_dir() / rel
        if not self.matches(copy, file.hash):
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, copy.read_bytes(), mode=copy.stat().st_mode & 0o777)
        return True

    def back_up_kernelspecs(self):
        """Keeps a copy of every intact kernelspec file that has none (or a stale one)."""
        for dist in self.distributions():
            for file in dist.files or []:
                if file.hash is None:
                    continue
                path = Path(os.path.normpath(dist.locate_file(file)))
                rel = self.kernelspec_file(path)
                if rel is None or not self.matches(path, file.hash):
                    continue
                copy = self.backup_dir() / rel
                if not self.matches(copy, file.hash):
                    copy.parent.mkdir(parents=True, exist_ok=True)
                    write_atomically(copy, path.read_bytes())


def write_atomically(path: Path, data: bytes, mode: int | None = None):
    """Writes a new file and renames it over the old one (never writes into the old file, which may
    be a hard link shared with another copy)."""
    if mode is None:
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    tmp = path.with_name(f".{path.name}.kit-tmp")
    tmp.write_bytes(data)
    os.chmod(tmp, mode)
    os.replace(tmp, path)


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in ("verify", "repair"):
        print(__doc__, file=sys.stderr)
        return 2
    venv = Venv(Path(argv[2]))
    if argv[1] == "repair":
        moved = venv.relocate()
        if moved:
            print(f"[kit] the virtualenv was moved: pointed {moved} of its scripts at its folder {venv.root}")
    damaged = venv.damaged()
    left = []
    for dist, file, path in damaged:
        name = f"{dist.metadata['Name']}=={dist.version}"
        rel = os.path.relpath(path, venv.root)
        missing = "missing" if not path.exists() else "changed (sha256 differs from pip's RECORD)"
        if argv[1] == "repair":
            if venv.rewrite_script(dist, path):
                print(f"[kit] {rel} was {missing}: rewrote it from {name}'s entry points")
                continue
            if venv.restore_kernelspec(file, path):
                print(f"[kit] {rel} was {missing}: restored the kernelspec from the checked copy in {venv.backup_dir()}")
                continue
        left.append((name, rel, missing))
    if argv[1] == "repair":
        venv.back_up_kernelspecs()
    for name in sorted({name for name, _, _ in left}):
        files = [f"{rel} {why}" for n, rel, why in left if n == name]
        more = f" and {len(files) - 1} more" if len(files) > 1 else ""
        print(f"reinstall {name} {files[0]}{more}")
    return 3 if left else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
