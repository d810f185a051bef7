"""A flood from one client: 1000 session opens in a minute against one server process.

The server as the README and the container serve it (`python app.py`, default settings). While
the flood runs, a few visitors already working keep changing sliders (benchmarks/capacity.py's
measure: send -> the server's OK). Each flood open is what a Bokeh page does (the page GET, the
websocket, the document; tests/load/bokeh_session.py) and then keeps its connection, the worst
case; the ones the server refuses are counted by their HTTP status. Reported: the server's peak
memory (the Kubernetes limit in deploy/ is 512 MiB), the working visitors' lag p50/p95 and
whether each kept working, the opens answered, refused (by status) and failed, and the memory
30 s after the flood left.

    .venv/bin/python benchmarks/flood.py [--opens 1000] [--seconds 60] [--json out.json]

127.0.0.1 only, every wait bounded (about 2 minutes). Not a test: nothing is asserted. Run it
alone on the machine (2 cores): the table says the load average.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from tornado.httpclient import HTTPClientError

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.capacity import rss_mb, user  # noqa: E402
from tests.browser.conftest import free_port, wait_for_http  # noqa: E402
from tests.load.bokeh_session import BokehSession  # noqa: E402

WORKING = 5  # visitors already working when the flood starts


def start(extra_env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "SOFTMAX_LAB_PORT": str(port), **extra_env}
    process = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    wait_for_http(f"http://127.0.0.1:{port}/liveness", process=process, timeout=120)
    return process, f"http://127.0.0.1:{port}"


async def flood(base_url: str, opens: int, seconds: float, pid: int) -> dict:
    idle_mb = rss_mb(pid)
    working = [await BokehSession.open(base_url, timeout=30) for _ in range(WORKING)]
    outcomes: Counter[str] = Counter()
    kept: list[BokehSession] = []
    peak = [idle_mb]

    async def sample_memory(until: float) -> None:
        while time.monotonic() < until:
            peak[0] = max(peak[0], rss_mb(pid))
            await asyncio.sleep(0.25)

    async def one() -> None:
        try:
            kept.append(await BokehSession.open(base_url, timeout=30))
            outcomes["answered"] += 1
        except HTTPClientError as error:
            outcomes[f"refused {error.code}"] += 1
        except Exception as error:
            outcomes[f"failed {type(error).__name__}"] += 1

    started = time.monotonic()
    end = started + seconds
    users = [asyncio.ensure_future(user(session, i, end + 5)) for i, session in enumerate(working)]
    sampler = asyncio.ensure_future(sample_memory(end + 35))
    tasks = []
    for i in range(opens):  # evenly spread over the minute
        await asyncio.sleep(max(0.0, started + i * seconds / opens - time.monotonic()))
        tasks.append(asyncio.ensure_future(one()))
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=120)
    changes = await asyncio.gather(*users)
    lags = sorted(lag for session in working for lag in session.server_lag_s)
    for session in kept:
        session.close()
    await asyncio.sleep(30)
    await sampler
    for session in working:
        session.close()
    return {
        "opens": opens, "seconds": seconds, **dict(sorted(outcomes.items())),
        "peak_rss_mb": round(peak[0], 1), "idle_rss_mb": round(idle_mb, 1),
        "rss_30s_after_mb": round(rss_mb(pid), 1),
        "working_lag_p50_ms": round(lags[len(lags) // 2] * 1000, 1) if lags else None,
        "working_lag_p95_ms": round(lags[int(len(lags) * 0.95)] * 1000, 1) if lags else None,
        "working_changes": list(changes),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--opens", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    process, base_url = start({})
    try:
        result = asyncio.run(flood(base_url, args.opens, args.seconds, process.pid))
    finally:
        process.terminate()
        process.wait(timeout=30)
    result["load_average"] = os.getloadavg()[0]
    print("| flood from one client | softmax-lab |\n| --- | --- |")
    for key, value in result.items():
        print(f"| {key} | {value} |")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
