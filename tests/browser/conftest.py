"""Real parts for the browser tests: Debian's Chromium through Playwright, and the app
served by `panel serve` on 127.0.0.1 (a free port, polled on /liveness, never slept on)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/lib/chromium/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

pytestmark = pytest.mark.browser


# A client that leaves while the server is writing to it: tornado logs the interrupted write
# with its traceback. That is the client's doing, not a fault of the app.
# Clients that left mid-write, or (Bokeh 3.9 ws.py on_close) closed their websocket before the
# server had finished creating their session: seen once on a loaded machine; the client is gone.
CLIENT_GONE = ("WebSocketClosedError", "StreamClosedError", "assert self._session is not None")


def server_faults(log: str) -> list[str]:
    """The tracebacks in a server log, less those of clients that disconnected mid-write."""
    blocks = log.split("Traceback (most recent call last):")[1:]
    return [block for block in blocks if not any(gone in block for gone in CLIENT_GONE)]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, timeout: float = 60.0, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


@pytest.fixture(scope="session")
def served_app() -> Iterator[str]:
    """`panel serve app.py` as a user runs it; yields the page's URL."""
    port = free_port()
    log = (ROOT / "artifacts").resolve()
    log.mkdir(exist_ok=True)
    # One log per test run: helpers and CI may run browser tests side by side.
    log_path = log / f"panel-serve-{os.getpid()}.log"
    with open(log_path, "w") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "panel", "serve", "app.py", "--address", "127.0.0.1",
             "--port", str(port), "--allow-websocket-origin", f"127.0.0.1:{port}", "--liveness"],
            cwd=ROOT, stdout=log_file, stderr=subprocess.STDOUT,
        )
        try:
            wait_for_http(f"http://127.0.0.1:{port}/liveness", process=process)
            yield f"http://127.0.0.1:{port}/app"
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
    server_log = log_path.read_text()
    assert not server_faults(server_log), server_log


@contextmanager
def checked_page(browser: Browser, **context_options: Any) -> Iterator[Page]:
    """A page in a fresh browser context (1280 x 900 unless told); page errors fail the test."""
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **context_options})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, errors


@contextmanager
def page_with_script(browser: Browser, source: str) -> Iterator[Page]:
    """A blank page that has run ``source``: for testing the browser modules on their own."""
    context = browser.new_context()
    page = context.new_page()
    page.set_content("<!doctype html><title>script</title>")
    page.add_script_tag(content=source)
    yield page
    context.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser context per test; page errors fail the test."""
    with checked_page(browser) as fresh:
        yield fresh
