"""Fixtures the browser tests of every folder share (tests/browser, tests/sites): one Chromium
and one static export per test session. Defined here, at the top, so that every folder gets the
same ones: Playwright's sync API cannot run twice at once in one process."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, ROOT


@pytest.fixture(scope="session")
def exported(tmp_path_factory) -> Path:
    """The static export (`python app.py export`), written once for the tests that open it."""
    path = tmp_path_factory.mktemp("export") / "demo.html"
    result = subprocess.run([sys.executable, "app.py", "export", str(path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "wrote" in result.stdout
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run scripts/install-chromium.sh")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
