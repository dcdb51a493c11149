"""Headless Chromium for the tests that look at rendered pages (test_export, test_live_render):
one shared, public helper instead of one test module importing another's private function."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest


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
        cmd = [
            browser(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", f"--user-data-dir={profile}", f"--virtual-time-budget={budget_ms}", *args, url,
        ]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120)
