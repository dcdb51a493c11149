"""Starts the kit's JupyterLab (`./kit lab`, after set-up). Run with the kit's virtualenv Python.

- serves work/, the student's copy of notebooks/ (see workcopy.py), never notebooks/ itself;
- opens on 00-start-here, with a token, on 127.0.0.1 and a free port, and prints the URL to open;
- reads its server settings from this folder (jupyter_server_config.py: Java kernel only, kernel
  status, no news) and the lab's default settings from lab-settings/overrides.json;
- keeps the lab's own state (user settings, workspace layout) in work/.jupyter/, away from any other
  JupyterLab the student uses;
- starts 00's kernel as soon as the server is up, so the first open of 00 finds it warm;
- gives the Java kernel the kit at start-up (JJAVA_CLASSPATH, JJAVA_STARTUP_SCRIPTS_PATH): a cell run
  after a kernel restart finds Exercise, LinePlot, ... without re-running the set-up cell.
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import workcopy  # noqa: E402

START_NOTEBOOK = "00-start-here.ipynb"

# The first layout of the kit's lab: 00 open, and a file browser wide enough for the notebook names
# ("02-linear-rnns-as-functionals.ipynb" is cut off at JupyterLab's default width). Written once;
# after that JupyterLab keeps the student's own layout there.
FIRST_LAYOUT = {
    "data": {
        "layout-restorer:data": {
            "main": {"dock": {"type": "tab-area", "currentIndex": 0, "widgets": [f"notebook:{START_NOTEBOOK}"]}},
            "down": {"size": 0, "collapsed": True, "widgets": []},
            "left": {"collapsed": False, "visible": True, "current": "filebrowser",
                     "widgets": ["filebrowser", "running-sessions", "@jupyterlab/toc:plugin", "extensionmanager.main-view"]},
            "right": {"collapsed": True, "visible": True, "widgets": ["jp-property-inspector", "debugger-sidebar"]},
            "relativeSizes": [0.25, 0.75, 0],
            "top": {"simpleVisibility": True},
        },
    },
    "metadata": {"id": "default"},
}


def say(message: str) -> None:
    print("[kit] " + message, flush=True)


def free_port(first: int, tries: int = 50) -> int:
    for port in range(first, first + tries):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
                return port
            except OSError:
                continue
    sys.exit(f"[kit] error: no free port in {first}..{first + tries - 1}; pass --port N")


def seed_layout(workspaces: Path) -> None:
    from jupyterlab_server.workspaces_handler import WorkspacesManager

    if not any(workspaces.glob("*.jupyterlab-workspace")):
        WorkspacesManager(str(workspaces)).save("default", json.dumps(FIRST_LAYOUT))


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="./kit lab", description="Start JupyterLab on your copy of the notebooks.")
    parser.add_argument("--port", type=int, help="port on 127.0.0.1 (default: 8888 or the next free one)")
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser; just print the URL")
    args = parser.parse_args(argv)

    kit_root = HERE.parent.parent
    work = kit_root / "work"
    report = workcopy.sync(kit_root, work)
    copied = [line for line in report if line.startswith("copied ")]
    if copied:
        n = len(copied)
        say(f"copied {n} file{'s' if n != 1 else ''} from the kit into work/ (your copy: edit, run and save there)")
    for line in report:
        if not line.startswith("copied "):
            say(line)

    seed_layout(work / ".jupyter" / "workspaces")

    port = args.port if args.port else free_port(8888)
    token = secrets.token_hex(24)
    kit_jars = kit_root / "lib" / "target" / "kit"
    env = dict(os.environ)
    env["JUPYTER_TOKEN"] = token  # not on the command line, where other users' `ps` would show it
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(filter(None, [str(HERE), env.get("JUPYTER_CONFIG_PATH")]))
    env["JJAVA_CLASSPATH"] = str(kit_jars / "*.jar")
    env["JJAVA_STARTUP_SCRIPTS_PATH"] = str(kit_jars / "kit.jsh")

    cmd = [
        sys.executable, "-m", "jupyterlab",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={work}", f"--ServerApp.default_url=/lab/tree/{START_NOTEBOOK}",
        f"--LabApp.app_settings_dir={HERE / 'lab-settings'}",
        f"--LabApp.user_settings_dir={work / '.jupyter' / 'settings'}",
        f"--LabApp.workspaces_dir={work / '.jupyter' / 'workspaces'}",
    ]
    if args.no_browser:
        cmd.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # containers and CI often run as root

    url = f"http://127.0.0.1:{port}/lab/tree/{START_NOTEBOOK}?token={token}"
    say("starting JupyterLab on work/ (stop it with Ctrl-C). Open:")
    say(f"    {url}")
    server = subprocess.Popen(cmd, env=env, cwd=work)
    # Ctrl-C reaches JupyterLab directly (it asks to confirm); this process just waits for it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda *_: server.terminate())
    threading.Thread(target=start_first_kernel, args=(server, f"http://127.0.0.1:{port}", token), daemon=True).start()
    sys.exit(server.wait())


def start_first_kernel(server: subprocess.Popen, base: str, token: str, timeout: float = 300) -> None:
    """Creates 00's session (and so starts its Java kernel) once the server answers. JupyterLab
    reuses it when the student opens 00, whose first plot then comes seconds sooner. Best effort: on
    any failure the kernel starts when 00 is opened, as usual."""
    headers = {"Authorization": f"token {token}", "Content-Type": "application/json"}
    deadline = time.monotonic() + timeout
    while server.poll() is None and time.monotonic() < deadline:
        try:
            urllib.request.urlopen(urllib.request.Request(base + "/api/status", headers=headers), timeout=5)
            break
        except OSError:
            time.sleep(0.3)
    else:
        return
    body = {"path": START_NOTEBOOK, "name": START_NOTEBOOK, "type": "notebook", "kernel": {"name": "java"}}
    try:
        urllib.request.urlopen(urllib.request.Request(base + "/api/sessions", data=json.dumps(body).encode(), headers=headers,
                                                      method="POST"), timeout=120)
    except OSError:
        pass


if __name__ == "__main__":
    main(sys.argv[1:])
