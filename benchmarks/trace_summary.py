"""Where a slider change's time goes in Chromium: the top items of a CDP trace of key presses.

Opens the page (served by `panel serve` on 127.0.0.1, as benchmarks/input_to_paint.py does),
slows the CPU (CDP Emulation.setCPUThrottlingRate, after the load), then records ~30 ArrowRight /
ArrowLeft presses on z_4 with CDP Tracing (devtools.timeline: Layout, Recalc style, Paint, ...)
and the CDP Profiler (JavaScript, by function and file) together. Prints the top items by self
time on the page's main thread, per key press, and one JSON line. Not a test: nothing is asserted.

    .venv/bin/python benchmarks/trace_summary.py --cpu-slowdown 4 [--query 'K=10&view=jacobian'] \\
        [--height 2200] [--presses 30] [--top 5] [--floor]

--floor traces the floor instead (benchmarks/baseline_app.py ?math=browser).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.input_to_paint import serve  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

CATEGORIES = ("devtools.timeline,disabled-by-default-devtools.timeline,"
              "disabled-by-default-devtools.timeline.stack,v8.execute")
# The browser's own work, by trace event name (what DevTools' Performance panel calls it). JavaScript
# comes from the Profiler instead, by function and file; script-running events are left out here.
RENDERING = {
    "Layout": "Layout", "UpdateLayoutTree": "Recalculate style", "Paint": "Paint",
    "PrePaint": "Pre-paint", "Layerize": "Layerize", "Commit": "Commit", "HitTest": "Hit test",
    "IntersectionObserverController::computeIntersections": "Intersection observers",
    "MajorGC": "GC", "MinorGC": "GC", "V8.GC_SCAVENGER": "GC", "ParseHTML": "Parse HTML",
    "UpdateLayer": "Update layer", "PaintImage": "Paint image", "Decode Image": "Decode image",
}


def main_thread_self_times(events: list[dict]) -> dict[str, float]:
    """Self time (ms) of the rendering events on the renderer's main thread."""
    threads = {(e["pid"], e["tid"]) for e in events
               if e.get("ph") == "M" and e.get("name") == "thread_name"
               and e.get("args", {}).get("name") == "CrRendererMain"}
    spans = defaultdict(list)
    for e in events:
        if e.get("ph") == "X" and (e["pid"], e["tid"]) in threads and "dur" in e:
            spans[(e["pid"], e["tid"])].append(e)
    totals: dict[str, float] = defaultdict(float)
    for thread_spans in spans.values():
        thread_spans.sort(key=lambda e: (e["ts"], -e["dur"]))
        stack: list[list] = []  # [end, name, child time]
        def close(item: list) -> None:
            if item[1] in RENDERING:
                totals[RENDERING[item[1]]] += (item[3] - item[2]) / 1000
        for e in thread_spans:
            while stack and stack[-1][0] <= e["ts"]:
                close(stack.pop())
            if stack:
                stack[-1][2] += e["dur"]
            stack.append([e["ts"] + e["dur"], e["name"], 0, e["dur"]])
        while stack:
            close(stack.pop())
    return totals


def forced_by(events: list[dict]) -> dict[str, float]:
    """Time (ms) of the style recalculations and layouts that JavaScript forced, by the function
    that asked (the trace's stack of each: a getComputedStyle, an offsetWidth, ...)."""
    totals: dict[str, float] = defaultdict(float)
    for e in events:
        if e.get("ph") != "X" or e.get("name") not in ("UpdateLayoutTree", "Layout"):
            continue
        stack = e.get("args", {}).get("beginData", {}).get("stackTrace") or []
        if stack:
            frames = [f"{f.get('functionName') or '(anonymous)'}" for f in stack[:3]]
            totals[f"{RENDERING[e['name']]} from {' < '.join(frames)}"] += e.get("dur", 0) / 1000
    return totals


def js_self_times(profile: dict) -> dict[str, float]:
    """Self time (ms) of JavaScript by function and file, from a CDP Profiler profile."""
    nodes = {node["id"]: node for node in profile["nodes"]}
    totals: dict[str, float] = defaultdict(float)
    for node_id, delta in zip(profile["samples"], [*profile["timeDeltas"][1:], 0], strict=True):
        frame = nodes[node_id]["callFrame"]
        name = frame["functionName"]
        if name in ("(idle)", "(program)", "(root)"):
            continue
        where = Path(frame["url"].split("?")[0]).name or "inline"  # inline: a CustomJS, or native
        totals[name if name.startswith("(") else f"JS {name or '(anonymous)'} ({where})"] += delta / 1000
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cpu-slowdown", type=float, default=4.0)
    parser.add_argument("--query", default="", help="the page's link, e.g. 'K=10&view=jacobian'")
    parser.add_argument("--height", type=int, default=900, help="2200: the tabs on screen")
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--top", type=int, default=5)
    parser.add_argument("--floor", action="store_true", help="the floor: baseline_app.py ?math=browser")
    args = parser.parse_args()
    process, url = serve("benchmarks/baseline_app.py" if args.floor else "app.py")
    url += "?math=browser" if args.floor else (f"?{args.query}" if args.query else "")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": args.height})
            page.goto(url)
            handle = page.locator(".z-slider-4 .noUi-handle")
            handle.wait_for()
            page.wait_for_function("() => window.Bokeh && Bokeh.documents.length > 0")
            page.wait_for_timeout(1500)
            handle.focus()
            for key in ["ArrowRight", "ArrowLeft"] * 5:  # warm-up: compiled, caches filled
                handle.press(key)
            cdp = page.context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": args.cpu_slowdown})
            events: list[dict] = []
            cdp.on("Tracing.dataCollected", lambda message: events.extend(message["value"]))
            cdp.send("Profiler.enable")
            cdp.send("Profiler.setSamplingInterval", {"interval": 200})
            cdp.send("Tracing.start", {"categories": CATEGORIES, "transferMode": "ReportEvents"})
            cdp.send("Profiler.start")
            for i in range(args.presses):
                page.keyboard.press("ArrowRight" if (i // 10) % 2 == 0 else "ArrowLeft")  # no locator work
                page.evaluate("() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 30)))")
            profile = cdp.send("Profiler.stop")["profile"]
            done = []
            cdp.on("Tracing.tracingComplete", lambda _message: done.append(True))
            cdp.send("Tracing.end")
            while not done:
                page.wait_for_timeout(100)
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=10)
    totals = {**main_thread_self_times(events)}
    for name, ms in js_self_times(profile).items():
        totals[name] = totals.get(name, 0.0) + ms
    ranked = sorted(totals.items(), key=lambda item: -item[1])
    per_press = {name: round(ms / args.presses, 2) for name, ms in ranked}
    page_name = "floor" if args.floor else f"softmax-lab ?{args.query}"
    print(f"{page_name}, {args.height} px, {args.cpu_slowdown:g}x CPU slowdown, {args.presses} key presses, "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'item (self time)':<60} {'ms / press':>10}")
    for name, ms in list(per_press.items())[:args.top]:
        print(f"{name[:60]:<60} {ms:>10}")
    print(f"{'total traced (every item)':<60} {sum(per_press.values()):>10.2f}")
    forced = sorted(forced_by(events).items(), key=lambda item: -item[1])[:args.top]
    print("forced by JavaScript (its time is in the JS function's self time too):")
    for name, ms in forced:
        print(f"  {name[:90]:<90} {ms / args.presses:>8.2f}")
    print(json.dumps({"benchmark": "trace_summary", "page": page_name, "height": args.height,
                      "cpu_slowdown": args.cpu_slowdown, "presses": args.presses,
                      "top": dict(list(per_press.items())[:args.top])}))


if __name__ == "__main__":
    main()
