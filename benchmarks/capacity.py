"""Capacity of one server process: N websocket sessions, each changing a slider every
100-300 ms, against softmax-lab and the naive baseline (benchmarks/baseline_app.py).

Reports, per app and N: changes applied per second, the server's lag behind the
client (send -> the server's OK for that change, p50/p95) and the server's CPU use.
Real sessions over real websockets (tests/load/bokeh_session.py), 127.0.0.1 only,
SECONDS per level (default 15).

    .venv/bin/python benchmarks/capacity.py [--levels 50,100,200,300] [--seconds 15]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.input_to_paint import serve  # noqa: E402
from tests.load.bokeh_session import BokehSession  # noqa: E402

APPS = {"softmax-lab": "app.py", "baseline": "benchmarks/baseline_app.py"}
SLIDERS = ["z-slider-1", "z-slider-2", "z-slider-3", "z-slider-4"]


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def start(script: str) -> tuple[subprocess.Popen, str, str]:
    """The app served as in benchmarks/input_to_paint.py; returns the process, base URL and app path."""
    process, url = serve(script)
    base_url, _, path = url.rpartition("/")
    return process, base_url, f"/{path}"


async def user(session: BokehSession, seed: int, until: float) -> int:
    rng = random.Random(seed)
    changes = 0
    while time.monotonic() < until:
        try:
            await session.set_value(rng.choice(SLIDERS), round(rng.uniform(-5, 5), 1), timeout=30)
            changes += 1
        except TimeoutError:
            pass
        await asyncio.sleep(rng.uniform(0.1, 0.3))
    return changes


async def level(base_url: str, path: str, sessions: int, seconds: float, pid: int,
                open_budget_s: float = 150) -> dict:
    opened = []
    open_started = time.monotonic()
    for start_index in range(0, sessions, 10):
        if time.monotonic() - open_started > open_budget_s:  # bounded: a level never runs away
            for session in opened:
                session.close()
            return {"sessions": sessions, "opened": len(opened),
                    "error": f"opening took over {open_budget_s:.0f} s"}
        batch = await asyncio.gather(
            *(BokehSession.open(base_url, path, timeout=120) for _ in range(min(10, sessions - start_index))),
            return_exceptions=True,
        )
        opened += [session for session in batch if isinstance(session, BokehSession)]
        failed = [error for error in batch if not isinstance(error, BokehSession)]
        if failed:
            for session in opened:
                session.close()
            return {"sessions": sessions, "opened": len(opened),
                    "error": f"{len(failed)} session opens failed ({type(failed[0]).__name__})"}
    open_s = time.monotonic() - open_started
    cpu0, t0 = cpu_seconds(pid), time.monotonic()
    counts = await asyncio.gather(*(user(s, i, t0 + seconds) for i, s in enumerate(opened)))
    elapsed = time.monotonic() - t0
    cpu = (cpu_seconds(pid) - cpu0) / elapsed
    lags = sorted(lag for s in opened for lag in s.server_lag_s)
    for session in opened:
        session.close()
    return {
        "sessions": sessions, "changes_per_s": round(sum(counts) / elapsed, 1),
        "lag_p50_ms": round(lags[len(lags) // 2] * 1000, 1),
        "lag_p95_ms": round(lags[int(len(lags) * 0.95)] * 1000, 1),
        "server_cpu_pct": round(cpu * 100), "rss_mb": round(rss_mb(pid), 1),
        "open_all_s": round(open_s, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", default="50,100,200,300")
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--open-budget", type=float, default=150, help="seconds to open a level's sessions")
    args = parser.parse_args()
    levels = [int(n) for n in args.levels.split(",")]
    results: dict[str, list[dict]] = {}
    for name, script in APPS.items():
        process, base_url, path = start(script)
        try:
            results[name] = []
            for n in levels:
                results[name].append(asyncio.run(level(base_url, path, n, args.seconds, process.pid,
                                                       args.open_budget)))
                if "error" in results[name][-1]:
                    break
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=20)
    print(f"{'app':<12} {'N':>4} {'changes/s':>10} {'lag p50':>8} {'lag p95':>8} {'cpu %':>6} {'rss MB':>7}")
    for name, rows in results.items():
        for r in rows:
            if "error" in r:
                print(f"{name:<12} {r['sessions']:>4} not measured: {r['error']} ({r['opened']} opened)")
                continue
            print(f"{name:<12} {r['sessions']:>4} {r['changes_per_s']:>10} {r['lag_p50_ms']:>8} "
                  f"{r['lag_p95_ms']:>8} {r['server_cpu_pct']:>6} {r['rss_mb']:>7}")
    print(json.dumps({"benchmark": "capacity", "seconds_per_level": args.seconds, "results": results}))


if __name__ == "__main__":
    main()
