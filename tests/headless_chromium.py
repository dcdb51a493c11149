"""Headless Chromium for the tests that look at rendered pages (test_export, test_book,
test_live_render): one shared, public helper instead of one test module importing another's private
function.

- `run` starts Chromium once for one page (its --dump-dom, --screenshot, ...).
- `DevTools` keeps one Chromium open and drives it through the DevTools protocol: a test that opens
  many pages pays for one browser start (about a second of CPU) instead of one per page.
"""
from __future__ import annotations

import base64
import json
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def browser() -> str:
    """Path of the Chromium executable; fails the test with the install hint if there is none."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("Chromium is not installed; ./kit test installs it (Debian: apt-get install chromium)", pytrace=False)


def run(page, *args: str, budget_ms: int = 15000) -> subprocess.CompletedProcess:
    """Headless Chromium on a file (Path) or a localhost URL (str); scripts get budget_ms of virtual time."""
    url = page.as_uri() if isinstance(page, Path) else page
    with tempfile.TemporaryDirectory() as profile:
        cmd = [browser(), *FLAGS, f"--user-data-dir={profile}", f"--virtual-time-budget={budget_ms}", *args, url]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


# Requests that stay on the machine: a page that asks for anything else loads something from the network.
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:", "chrome:", "devtools:")

# Waits (up to 30 s) until MathJax has finished and as many plots are drawn as the page asks for.
PAGE_STATE = r"""
(async () => {
  const deadline = Date.now() + 30000;
  const sleep = ms => new Promise(r => setTimeout(r, ms));
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) { await MathJax.startup.promise; }
  const wanted = (document.documentElement.innerHTML.match(/Plotly\.newPlot\(/g) || []).length;
  while (Date.now() < deadline && document.querySelectorAll('svg.main-svg').length < 2 * wanted) { await sleep(100); }
  return {
    title: document.title,
    plots: wanted,
    mainSvg: document.querySelectorAll('svg.main-svg').length,
    math: document.querySelectorAll('mjx-container').length,
    mathErrors: document.querySelectorAll('mjx-merror, [data-mjx-error]').length,
    links: Array.from(document.querySelectorAll('a[href]')).map(a => a.href),
  };
})()
"""


class DevTools:
    """A minimal Chrome DevTools protocol client over websocket-client (already in the lock): one
    headless Chromium with one tab, kept open for many pages."""

    def __init__(self, profile: str):
        self.proc = subprocess.Popen(
            [browser(), *FLAGS, "--disable-default-apps", "--remote-debugging-port=0", "--window-size=1280,900",
             f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        port_file = Path(profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not port_file.exists() or len(port_file.read_text().split()) < 2:
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.close()
                pytest.fail("headless Chromium did not open its DevTools port", pytrace=False)
            time.sleep(0.1)
        port, path = port_file.read_text().split()[:2]
        import websocket

        # No UTF-8 check of each frame: websocket-client does it in pure Python, and the screenshots'
        # base64 frames made it the tests' largest Python cost (13 CPU-s in the export and book tests).
        self.ws = websocket.create_connection(f"ws://127.0.0.1:{port}{path}", timeout=60, suppress_origin=True,
                                              skip_utf8_validation=True)
        self.next_id = 0
        self.events: list[dict] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Network.enable", session=True)
        self.call("Page.enable", session=True)

    def call(self, method: str, session: bool = False, **params):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params}
        if session:
            msg["sessionId"] = self.session
        self.ws.send(json.dumps(msg))
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, timeout: float = 60):
        deadline = time.monotonic() + timeout
        for i, e in enumerate(self.events):
            if e.get("method") == method:
                return self.events.pop(i)
        self.ws.settimeout(timeout)
        while time.monotonic() < deadline:
            e = json.loads(self.ws.recv())
            if e.get("method") == method:
                return e
            self.events.append(e)
        raise TimeoutError(method)

    def viewport(self, width: int, height: int) -> None:
        """The page's window size from now on (what --window-size gives a one-page run)."""
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=width, height=height,
                  deviceScaleFactor=1, mobile=False)

    def open(self, url: str) -> tuple[dict, list[str]]:
        """Loads a page, waits for MathJax and Plotly, returns (what the page drew, URLs it requested)."""
        self.events.clear()
        self.call("Page.navigate", session=True, url=url)
        self.wait_for("Page.loadEventFired")
        state = self.evaluate(PAGE_STATE)
        requests = [
            e["params"]["request"]["url"] for e in self.events if e.get("method") == "Network.requestWillBeSent"
        ]
        return state, requests

    def evaluate(self, expression: str):
        """The value of a page expression (a promise is awaited)."""
        return self.call("Runtime.evaluate", session=True, awaitPromise=True, returnByValue=True,
                         expression=expression)["result"].get("value")

    def screenshot(self, path: Path) -> Path:
        """A PNG of the window (see viewport), encoded for speed rather than size."""
        shot = self.call("Page.captureScreenshot", session=True, format="png", optimizeForSpeed=True)
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    def close(self):
        try:
            self.ws.close()
        except Exception:
            pass
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
