"""Input-to-paint of a slider change in Chromium: softmax-lab against a naive Panel app.

For each real key press (and each pointer move of a mouse drag) on a z slider, the
page records event.timeStamp and the time just after the next frame that follows the
change of the softmax chart's data source (requestAnimationFrame, then a message
task: the frame has been painted by then). Both apps run in this one process's run,
served by `panel serve` on 127.0.0.1.

    .venv/bin/python benchmarks/input_to_paint.py [--events 300] [--static]

--static adds the static export (`python app.py export`, opened from file://).
--cpu-slowdown 4 slows Chromium's CPU 4x (CDP Emulation.setCPUThrottlingRate), as a school laptop:
this machine is frame-bound, a slow laptop is not.
--view SLUG (repeatable) adds softmax-lab ``?K=10&view=SLUG`` in a 1280 x 2200 window (the tab on
screen), e.g. ``--cpu-slowdown 4 --view jacobian --view nonlocality --no-baseline --keys-only
--rounds 3`` (--rounds: the pages stay open and take turns, so a loaded machine loads each alike);
--tall adds the main page at 1280 x 2200 (the first tab, Non-locality, on screen).

"baseline, browser math" is the issue's second reference: the baseline page with its Python
callback replaced by a few lines of JS (benchmarks/baseline_app.py ?math=browser). No Python
runs in its loop, so it shows what two BokehJS charts cost per change on this machine:
the floor any page built of them can reach here.

Prints a table and one JSON line. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, free_port, wait_for_http  # noqa: E402

HOOK = """() => {
  window.__latencies = [];
  let started = null;
  const mark = (e) => { started = e.timeStamp; };
  document.addEventListener("keydown", mark, true);
  document.addEventListener("pointermove", mark, true);
  const source = Bokeh.documents[0].get_model_by_name("softmax-chart-bars");
  source.change.connect(() => {
    const t0 = started;
    if (t0 === null) return;
    started = null;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.__latencies.push(performance.now() - t0);
      channel.port2.postMessage(null);
    });
  });
}"""


BROWSER_MATH = "baseline, browser math"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def wait_for_sample(page: Page, count: int) -> bool:
    try:
        page.wait_for_function("(n) => window.__latencies.length > n", arg=count, timeout=5000)
        return True
    except Exception:
        return False


def measure_keys(page: Page, events: int) -> list[float]:
    handle = page.locator(".z-slider-4 .noUi-handle")
    handle.focus()
    for i in range(events):
        count = page.evaluate("window.__latencies.length")
        handle.press("ArrowRight" if (i // 10) % 2 == 0 else "ArrowLeft")
        wait_for_sample(page, count)
    return page.evaluate("window.__latencies.splice(0)")


def measure_drag(page: Page, events: int) -> list[float]:
    handle = page.locator(".z-slider-4 .noUi-handle")
    box = handle.bounding_box()
    track = page.locator(".z-slider-4 .noUi-base").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    step = track["width"] / 100 * 1.5  # 1.5 slider steps per move: every move changes the value
    page.mouse.move(x, y)
    page.mouse.down()
    direction = 1
    for _ in range(events):
        if not track["x"] + 10 < x + direction * step < track["x"] + track["width"] - 10:
            direction = -direction
        x += direction * step
        count = page.evaluate("window.__latencies.length")
        page.mouse.move(x, y)
        wait_for_sample(page, count)
    page.mouse.up()
    return page.evaluate("window.__latencies.splice(0)")


def serve(script: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "panel", "serve", script, "--address", "127.0.0.1", "--port", str(port),
         "--allow-websocket-origin", f"127.0.0.1:{port}", "--liveness"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    wait_for_http(f"http://127.0.0.1:{port}/liveness", process=process)
    return process, f"http://127.0.0.1:{port}/{Path(script).stem}"


def summary(samples: list[float]) -> dict:
    return {"n": len(samples), "p50_ms": round(statistics.median(samples), 2),
            "p95_ms": round(percentile(samples, 95), 2), "max_ms": round(max(samples), 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=300, help="key presses and pointer moves, each")
    parser.add_argument("--static", action="store_true", help="also the static export (python app.py export)")
    parser.add_argument("--cpu-slowdown", type=float, default=1.0,
                        help="Chromium's CPU slowed this many times (Emulation.setCPUThrottlingRate)")
    parser.add_argument("--view", action="append", default=[], help="an exercise tab on screen at K=10")
    parser.add_argument("--k", type=int, default=10, help="K of the --view pages")
    parser.add_argument("--tall", action="store_true", help="also the main page at 1280 x 2200")
    parser.add_argument("--no-baseline", action="store_true", help="skip the Python baseline")
    parser.add_argument("--keys-only", action="store_true", help="key presses only, no drag")
    parser.add_argument("--rounds", type=int, default=1, help="pages interleaved, this many rounds each")
    args = parser.parse_args()
    results: dict[str, dict] = {}
    servers = {"softmax-lab": serve("app.py"), "baseline": serve("benchmarks/baseline_app.py")}
    pages = {name: url for name, (_process, url) in servers.items()}
    heights: dict[str, int] = {}
    if args.static:
        export_file = Path(tempfile.mkdtemp()) / "demo.html"
        subprocess.run([sys.executable, "app.py", "export", str(export_file)], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        pages = {"softmax-lab": pages["softmax-lab"], "static export": export_file.as_uri(),
                 "baseline": pages["baseline"]}
    if args.tall:
        pages["softmax-lab 2200"], heights["softmax-lab 2200"] = pages["softmax-lab"], 2200
    for slug in args.view:
        name = f"K={args.k} {slug}"
        pages[name], heights[name] = f"{pages['softmax-lab']}?K={args.k}&view={slug}", 2200
    pages[BROWSER_MATH], heights[BROWSER_MATH] = pages["baseline"] + "?math=browser", 900
    if args.no_baseline:
        pages.pop("baseline")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            opened = {}
            for name, url in pages.items():
                viewport = {"width": 1280, "height": heights.get(name, 900)}
                page = opened[name] = browser.new_page(viewport=viewport)
                page.goto(url)
                page.locator(".z-slider-4 .noUi-handle").wait_for()
                page.wait_for_function("() => window.Bokeh && Bokeh.documents.length > 0")
                page.evaluate(HOOK)
                page.wait_for_timeout(1000)  # the page settled (first render, tabs observed)
                if args.cpu_slowdown != 1:  # after the load: the page's own start is not what is measured
                    cdp = page.context.new_cdp_session(page)
                    cdp.send("Emulation.setCPUThrottlingRate", {"rate": args.cpu_slowdown})
            # Interleaved rounds: on a loaded machine every page sees the same load.
            samples: dict[str, dict[str, list[float]]] = {name: {"keys": [], "drag": []} for name in pages}
            per_round = max(1, args.events // args.rounds)
            for _round in range(args.rounds):
                for name, page in opened.items():
                    samples[name]["keys"] += measure_keys(page, per_round)
                    if not args.keys_only:
                        samples[name]["drag"] += measure_drag(page, per_round)
            for name, page in opened.items():
                results[name] = {kind: summary(values) for kind, values in samples[name].items() if values}
                page.close()
            browser.close()
    finally:
        for process, _url in servers.values():
            process.terminate()
            process.wait(timeout=10)
    print(f"{'app':<22} {'input':<5} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, kinds in results.items():
        for kind, stats in kinds.items():
            print(f"{name:<22} {kind:<5} {stats['n']:>4} {stats['p50_ms']:>8} {stats['p95_ms']:>8} "
                  f"{stats['max_ms']:>8}")
    kinds = ("keys",) if args.keys_only else ("keys", "drag")
    for name in [n for n in results if n not in ("baseline", BROWSER_MATH) and "baseline" in results]:
        for kind in kinds:
            p95 = results[name][kind]["p95_ms"]
            ratio = results["baseline"][kind]["p95_ms"] / p95
            met = "met" if ratio >= 4 and p95 <= 16.7 else "not met"
            print(f"{name}: p95 speed-up over the baseline ({kind}): {ratio:.1f}x "
                  f"(target >= 4x and p95 <= 16.7 ms: {met})")
    for kind in kinds:
        floor = results[BROWSER_MATH][kind]["p95_ms"]
        if "baseline" in results:
            speed_up = results["baseline"][kind]["p95_ms"] / floor
            print(f"{BROWSER_MATH} ({kind}): p95 {floor} ms, {speed_up:.1f}x "
                  "faster than the baseline: two BokehJS charts with no Python in the loop")
        for name in [n for n in results if n not in ("baseline", BROWSER_MATH)]:
            print(f"{name} ({kind}): p95 {results[name][kind]['p95_ms'] / floor:.2f}x the floor's")
    machine = {"machine": platform.machine(), "cpus": __import__("os").cpu_count(),
               "python": platform.python_version(), "cpu_slowdown": args.cpu_slowdown,
               "load_average": __import__("os").getloadavg()[0]}
    print(json.dumps({"benchmark": "input_to_paint", "machine": machine, "results": results}))


if __name__ == "__main__":
    main()
