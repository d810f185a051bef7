"""A whole class opens the link at once: softmax-lab against the naive Panel app, same run.

For each app and each level N (default 30 and 100): a fresh server (ours as the README serves it,
`python app.py`; the naive app of benchmarks/baseline_app.py under `panel serve`), one warm-up
visitor, then N light visitors at once (tests/load/bokeh_session.py: the page GET for the session
token, the websocket, the document pulled: what a Bokeh page does) and, started with them, one
real Chromium page, timed until it is interactive: a key press on its first slider changes its
charts' data (the naive app's change comes back from its server). Reported: when the last light
visitor had its document and the p95, when Chromium was interactive, the server's CPU per
arriving visitor, its memory per open visitor, its memory 20 s after they left against idle;
and once per app, server start (process spawned) to the first interactive Chromium page (ours both as a
first start of its code, which builds the page, and as a restart, which reads it: serving/page_cache.py).

    .venv/bin/python benchmarks/class_arrival.py [--levels 30,100] [--json out.json] [--panel-serve]

--panel-serve adds softmax-lab under `panel serve app.py` (the other way the README serves it).

127.0.0.1 only; every wait bounded (a run takes 3-6 minutes). Not a test: nothing is asserted.
Run it alone on the machine (2 cores): the table says the load average.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.capacity import SLIDERS, cpu_seconds, rss_mb  # noqa: E402
from tests.browser.conftest import free_port, wait_for_http  # noqa: E402
from tests.load.bokeh_session import BokehSession  # noqa: E402

CHROMIUM = "/usr/lib/chromium/chromium"
APPS = ("softmax-lab", "naive Panel app")
PANEL_SERVE = "softmax-lab (panel serve)"
RUN_PAGE_CACHE = Path(tempfile.mkdtemp(prefix="class-arrival-pages-"))  # ours, this run's builds only
WORKING = 5  # visitors already working when the class arrives (benchmarks/capacity.py's measure)
# Every chart source of every document on the page, as text: a change shows the page answered.
SOURCES_JS = """() => JSON.stringify([...(window.Bokeh?.documents ?? [])].flatMap((doc) =>
  [...doc.all_models].filter((m) => m.type === "ColumnDataSource" || m.data !== undefined)
    .map((m) => m.data)))"""


def start(app: str, page_cache: Path | None = None) -> tuple[subprocess.Popen, str, str, float]:
    """The app's server; returns the process, base URL, app path and when it was spawned.
    ``page_cache``: ours keeps its built page there between starts (None: the run's own folder)."""
    port = free_port()
    if app == "softmax-lab":
        command = [sys.executable, "app.py"]
        env = {**os.environ, "SOFTMAX_LAB_PORT": str(port), "SOFTMAX_LAB_SESSION_LIFETIME_MS": "2000",
               "SOFTMAX_LAB_PAGE_CACHE": str(page_cache or RUN_PAGE_CACHE)}
        path = "/app"
    else:
        script = "app.py" if app == PANEL_SERVE else "benchmarks/baseline_app.py"
        command = [sys.executable, "-m", "panel", "serve", script, "--address",
                   "127.0.0.1", "--port", str(port), "--allow-websocket-origin", f"127.0.0.1:{port}",
                   "--liveness", "--unused-session-lifetime", "2000", "--check-unused-sessions", "1000"]
        env = dict(os.environ)
        path = f"/{Path(script).stem}"
    spawned = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    wait_for_http(f"http://127.0.0.1:{port}/liveness", process=process, timeout=120)
    return process, f"http://127.0.0.1:{port}", path, spawned


def chromium_interactive(url: str, started: float, result: dict, timeout_s: float = 120) -> None:
    """Open ``url`` in Chromium; result["interactive_s"]: from ``started`` until a key press on the
    first slider changed the page's chart data."""
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(timeout_s * 1000)
            page.goto(url, wait_until="commit")
            handle = page.locator(".z-slider-1 .noUi-handle").first
            handle.wait_for()
            deadline = time.perf_counter() + timeout_s
            while time.perf_counter() < deadline:  # until a press changes the charts (ours: at once)
                before = page.evaluate(SOURCES_JS)
                handle.focus()
                page.keyboard.press("ArrowRight")
                try:
                    page.wait_for_function(f"(before) => ({SOURCES_JS})() !== before", arg=before,
                                           timeout=2000)
                    break
                except Exception:  # not connected yet: the naive app's update needs its server
                    continue
            result["interactive_s"] = time.perf_counter() - started
            browser.close()
    except Exception as error:  # reported, not raised: the table says what failed
        result["error"] = repr(error)


async def arrive(base_url: str, path: str, count: int, started: float) -> tuple[list[float], list]:
    """``count`` light visitors at once; returns when each had its document, and the sessions."""
    async def one() -> tuple[float, BokehSession]:
        session = await BokehSession.open(base_url, path, timeout=180)
        return time.perf_counter() - started, session

    done = await asyncio.gather(*(one() for _ in range(count)), return_exceptions=True)
    times = sorted(t for t, _ in (d for d in done if not isinstance(d, BaseException)))
    sessions = [s for _, s in (d for d in done if not isinstance(d, BaseException))]
    failed = [d for d in done if isinstance(d, BaseException)]
    if failed:
        print(f"  {len(failed)} visitors failed: {failed[0]!r}", file=sys.stderr)
    return times, sessions


async def keep_working(session: BokehSession, seed: int, done: asyncio.Event) -> None:
    """A visitor already working: a slider change every 100-300 ms until ``done`` (as capacity.py)."""
    rng = random.Random(seed)
    while not done.is_set():
        with contextlib.suppress(TimeoutError):
            await session.set_value(rng.choice(SLIDERS), round(rng.uniform(-5, 5), 1), timeout=60)
        await asyncio.sleep(rng.uniform(0.1, 0.3))


def level(app: str, count: int) -> dict:
    process, base_url, path, _ = start(app)
    pid = process.pid
    try:
        async def warm_up() -> None:
            (await BokehSession.open(base_url, path, timeout=120)).close()

        asyncio.run(warm_up())
        time.sleep(5)  # the warm-up session closes and is dropped
        idle_mb = rss_mb(pid)
        browser_result: dict = {}
        lags: list[float] = []

        async def run() -> tuple[list[float], float, float]:
            # Visitors already working change sliders while the class arrives; their lag is
            # measured from the arrival's start until the last visitor has its document.
            working = [await BokehSession.open(base_url, path, timeout=120) for _ in range(WORKING)]
            await asyncio.sleep(1)
            cpu_before, started = cpu_seconds(pid), time.perf_counter()
            threading.Thread(target=chromium_interactive, args=(base_url + path, started, browser_result),
                             daemon=True).start()
            arrived = asyncio.Event()
            users = [asyncio.ensure_future(keep_working(s, i, arrived)) for i, s in enumerate(working)]
            times, sessions = await arrive(base_url, path, count, started)
            arrived.set()
            await asyncio.gather(*users)
            lags.extend(lag for s in working for lag in s.server_lag_s)
            open_mb = rss_mb(pid)
            for session in [*sessions, *working]:
                session.close()
            return times, open_mb, cpu_before

        times, open_mb, cpu_before = asyncio.run(run())
        for _ in range(200):  # bounded: the Chromium thread says when it is done
            if "interactive_s" in browser_result or "error" in browser_result:
                break
            time.sleep(1)
        cpu_used = cpu_seconds(pid) - cpu_before
        time.sleep(20)  # the sessions' lifetime passes; the server drops and releases them
        after_mb = rss_mb(pid)
        return {
            "app": app, "visitors": count, "arrived": len(times),
            "last_s": times[-1] if times else None,
            "p95_s": times[min(len(times) - 1, int(len(times) * 0.95))] if times else None,
            "median_s": statistics.median(times) if times else None,
            "chromium_interactive_s": browser_result.get("interactive_s"),
            "chromium_error": browser_result.get("error"),
            "cpu_ms_per_visitor": 1000 * cpu_used / (count + 1),  # the working visitors' changes too
            "working_lag_p95_ms": 1000 * sorted(lags)[int(len(lags) * 0.95)] if lags else None,
            "mb_per_open_visitor": (open_mb - idle_mb) / count, "idle_mb": idle_mb, "open_mb": open_mb,
            "after_mb": after_mb, "after_vs_idle": after_mb / idle_mb - 1,
        }
    finally:
        process.terminate()
        process.wait(timeout=30)


def start_to_interactive(app: str, page_cache: Path | None = None) -> float | None:
    process, base_url, path, spawned = start(app, page_cache)
    try:
        result: dict = {}
        chromium_interactive(base_url + path, spawned, result)
        return result.get("interactive_s")
    finally:
        process.terminate()
        process.wait(timeout=30)


def seconds(value: float | None) -> str:
    return "failed" if value is None else f"{value:.1f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", default="30,100", help="visitors arriving at once, comma-separated")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--panel-serve", action="store_true", help=f"also measure {PANEL_SERVE}")
    parser.add_argument("--no-start", action="store_true", help="skip server start to first interactive page")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    apps = (APPS[0], PANEL_SERVE, APPS[1]) if args.panel_serve else APPS
    rows = [level(app, int(n)) for n in args.levels.split(",") for app in apps]
    starts = {}
    if not args.no_start:
        # Ours twice: a first start of this code (an empty page cache: the page is built), then a
        # restart (serving/page_cache.py: the page read from the folder the first start wrote).
        first_start = Path(tempfile.mkdtemp(prefix="class-arrival-first-start-"))
        starts = {f"{APPS[0]} (first start)": start_to_interactive(APPS[0], first_start),
                  f"{APPS[0]} (restart)": start_to_interactive(APPS[0], first_start),
                  **{app: start_to_interactive(app) for app in apps if app != APPS[0]}}
    print(f"\nA class arriving at once (load average {load:.2f} at the start, "
          f"{os.getloadavg()[0]:.2f} at the end; {os.cpu_count()} cores)\n")
    print("| visitors | app | last has its document | p95 | Chromium interactive | server CPU per visitor "
          f"| memory per open visitor | memory after they left | lag of {WORKING} working visitors, p95 |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for row in rows:
        print(f"| {row['visitors']} | {row['app']} | {seconds(row['last_s'])} | {seconds(row['p95_s'])} "
              f"| {seconds(row['chromium_interactive_s'])} | {row['cpu_ms_per_visitor']:.0f} ms "
              f"| {row['mb_per_open_visitor']:.2f} MB | {row['after_vs_idle']:+.0%} of idle "
              f"({row['idle_mb']:.0f} MB) | {row['working_lag_p95_ms'] or float('nan'):.0f} ms |")
    print("\n| server start to the first interactive page | " + " | ".join(
        f"{app}: {seconds(value)}" for app, value in starts.items()) + " |")
    result = {"load_average": load, "levels": rows, "start_to_interactive_s": starts}
    print(json.dumps(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
