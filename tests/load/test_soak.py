"""Soak: 100 concurrent websocket sessions change sliders for a minute, then leave.

Bounded: 127.0.0.1 only, SOAK_SECONDS (default 60) of traffic, every wait has a
deadline. Checked: no error, every session ends in the state its user set, the
server's session count returns to 0, and no memory is leaked: a first class of 100
sets the process's high-water mark (CPython and glibc keep freed memory for reuse,
so the resident size does not fall back to the idle level, see the closing print);
after the soak class has left, memory is within 10 % of that mark.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import subprocess
import sys
import time
import urllib.request
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from tests.browser.conftest import ROOT, free_port, server_faults, wait_for_http
from tests.load.bokeh_session import BokehSession

SESSIONS = 100
SOAK_SECONDS = float(os.environ.get("SOAK_SECONDS", "60"))
SLIDERS = ["z-slider-1", "z-slider-2", "z-slider-3", "z-slider-4", "tau-slider"]


def run_async(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """asyncio.run in a thread of its own: the session's Playwright keeps a loop in the main thread."""
    with ThreadPoolExecutor(max_workers=1) as executor:
        return executor.submit(asyncio.run, coroutine).result()


def stats(base_url: str) -> dict:
    with urllib.request.urlopen(f"{base_url}/stats", timeout=5) as response:
        return json.load(response)


def wait_for_sessions(base_url: str, count: int, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while stats(base_url)["sessions"] != count:
        if time.monotonic() > deadline:
            raise AssertionError(f"sessions did not return to {count}: {stats(base_url)}")
        time.sleep(0.5)


@pytest.fixture
def server():
    port = free_port()
    env = {**os.environ, "SOFTMAX_LAB_PORT": str(port), "SOFTMAX_LAB_STATS": "1",
           "SOFTMAX_LAB_SESSION_LIFETIME_MS": "2000"}
    process = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base_url}/liveness", process=process)
        yield base_url
    finally:
        process.terminate()
        _out, err = process.communicate(timeout=20)
    assert not server_faults(err), err[-3000:]


async def user(session: BokehSession, seed: int, until: float) -> dict[str, float]:
    """A student moving a random slider every 0.5-1.5 s until ``until``; returns the last value per slider.

    (A class of 100 makes about 100 changes a second; benchmarks/capacity.py measures far harder loads.)
    """
    rng = random.Random(seed)
    last: dict[str, float] = {}
    while time.monotonic() < until:
        slider = rng.choice(SLIDERS)
        value = round(rng.uniform(-1.3, 1.3), 2) if slider == "tau-slider" else round(rng.uniform(-5, 5), 1)
        await session.set_value(slider, value, timeout=30)
        last[slider] = value
        await asyncio.sleep(rng.uniform(0.5, 1.5))
    return last


async def soak(base_url: str) -> tuple[list[dict], list[dict], list[float]]:
    sessions = []
    for _ in range(SESSIONS // 10):  # open in batches, as a class arriving over a minute or so
        sessions += await asyncio.gather(*(BokehSession.open(base_url, timeout=120) for _ in range(10)))
    until = time.monotonic() + SOAK_SECONDS
    last = await asyncio.gather(*(user(s, seed, until) for seed, s in enumerate(sessions)))
    on_server = [await s.server_values(timeout=60) for s in sessions]  # one whole document at a time
    lags = [lag for s in sessions for lag in s.server_lag_s]
    for session in sessions:
        session.close()
    return last, on_server, lags


async def warm_up(base_url: str) -> None:
    session = await BokehSession.open(base_url)
    await session.set_value("z-slider-1", 1.0)
    session.close()


async def a_class_comes_and_goes(base_url: str) -> None:
    sessions = []
    for _ in range(SESSIONS // 10):
        sessions += await asyncio.gather(*(BokehSession.open(base_url, timeout=120) for _ in range(10)))
    await asyncio.gather(*(s.set_value("z-slider-1", 1.0, timeout=60) for s in sessions))
    for session in sessions:
        session.close()


@pytest.mark.timeout(900)
def test_hundred_sessions_for_a_minute(server):
    run_async(warm_up(server))
    wait_for_sessions(server, 0)
    idle_mb = stats(server)["rss_mb"]
    run_async(a_class_comes_and_goes(server))
    wait_for_sessions(server, 0)
    settled_mb = stats(server)["rss_mb"]

    last, on_server, lags = run_async(soak(server))
    for wanted, seen in zip(last, on_server, strict=True):
        assert wanted, "every user changed something"
        assert {name: seen[name] for name in wanted} == wanted
    peak = stats(server)
    wait_for_sessions(server, 0)
    after_mb = stats(server)["rss_mb"]
    lags.sort()
    print(f"\nsoak: {len(lags)} changes by {SESSIONS} sessions in {SOAK_SECONDS:.0f} s; server lag "
          f"p50 {lags[len(lags) // 2] * 1000:.0f} ms, p95 {lags[int(len(lags) * 0.95)] * 1000:.0f} ms; "
          f"memory idle {idle_mb} MB, after a first class {settled_mb} MB, with the soak class "
          f"{peak['rss_mb']} MB, after it {after_mb} MB")
    assert after_mb <= settled_mb * 1.10, (idle_mb, settled_mb, peak, after_mb)
