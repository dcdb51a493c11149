"""Figures render inline in the live front ends: JupyterLab 4 and Notebook 7 open an executed,
untrusted copy of 00-start-here (served on localhost), and headless Chromium finds the drawn plot.
This exercises the offline plotly renderer extension with the Plotly JSON the kernel emits."""
from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request

import nbformat
import pytest

import headless_chromium
import kit_notebooks
from conftest import run_notebook

SERVER_START_TIMEOUT_S = 90


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    nb, _ = run_notebook(kit_notebooks.NOTEBOOKS / "00-start-here.ipynb")
    root = tmp_path_factory.mktemp("live")
    nbformat.write(nb, root / "start.ipynb")  # never trusted: the renderer must not need trust
    port = _free_port()
    token = secrets.token_hex(16)  # a fresh random token: no unauthenticated server, even on localhost
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--ServerApp.port={port}", "--ServerApp.ip=127.0.0.1",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}", "--LabApp.news_url=", "--ServerApp.port_retries=0"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    log = open(root / "server.log", "w")
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=root)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"JupyterLab did not start; see {root / 'server.log'}", pytrace=False)
            time.sleep(0.5)
    yield base, token
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.mark.parametrize("front_end,path", [("JupyterLab", "/lab/tree/start.ipynb"), ("Notebook 7", "/notebooks/start.ipynb")])
def test_plot_draws_in_live_front_end(server, front_end, path):
    base, token = server
    dom = headless_chromium.run(f"{base}{path}?token={token}", "--dump-dom", "--window-size=1400,2400", budget_ms=40000)
    assert dom.returncode == 0, f"chromium failed: {dom.stderr[-2000:]}"
    drawn = dom.stdout.count('class="main-svg"')
    assert drawn >= 2, f"{front_end}: no Plotly figure was drawn from the notebook's Plotly JSON output"
