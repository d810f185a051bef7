"""The served app as `python app.py` runs it, on 127.0.0.1 with /stats on, for the load tests."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from tests.browser.conftest import ROOT, free_port, server_faults, wait_for_http


def in_thread(function: Callable[..., Any], *args: Any) -> Any:
    """``function(*args)`` in a thread of its own: in a whole test run the session's Playwright
    keeps an asyncio loop running in the main thread, where asyncio.run and Playwright's sync API
    refuse to start (a load test run alone does not show it)."""
    with ThreadPoolExecutor(max_workers=1) as executor:
        return executor.submit(function, *args).result()


def run_async(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """asyncio.run in a thread of its own (see in_thread)."""
    return in_thread(asyncio.run, coroutine)


def stats(base_url: str) -> dict:
    """The server's /stats: open sessions and resident memory."""
    with urllib.request.urlopen(f"{base_url}/stats", timeout=5) as response:
        return json.load(response)


def wait_for_sessions(base_url: str, count: int, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while stats(base_url)["sessions"] != count:
        if time.monotonic() > deadline:
            raise AssertionError(f"sessions did not return to {count}: {stats(base_url)}")
        time.sleep(0.2)


@pytest.fixture
def app_server() -> Iterator[Callable[..., str]]:
    """Starts `python app.py` with SOFTMAX_LAB_* settings; returns its base URL. Tracebacks fail."""
    processes: list[subprocess.Popen] = []

    def start(**settings: str) -> str:
        port = free_port()
        env = {**os.environ, "SOFTMAX_LAB_PORT": str(port), "SOFTMAX_LAB_STATS": "1",
               **{f"SOFTMAX_LAB_{name.upper()}": value for name, value in settings.items()}}
        process = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        processes.append(process)
        base_url = f"http://127.0.0.1:{port}"
        wait_for_http(f"{base_url}/liveness", process=process)
        return base_url

    yield start
    for process in processes:
        process.terminate()
        _out, err = process.communicate(timeout=20)
        assert not server_faults(err), err[-3000:]
