"""Draw 10 000 in the Sampling tab, in Chromium: from the click to the end of the frame that shows
the new counts (issue 15: within one frame, 16.7 ms at 60 Hz).

The offline file (`python app.py export`, so no server in the loop) opens at
?view=sampling&K=10&count=10000. A capture-phase pointerdown/click listener on window notes
event.timeStamp; when the counts' source changes, the page schedules requestAnimationFrame,
then a MessageChannel message, and records when it arrives (the frame has been painted by then):
the method of benchmarks/input_to_paint.py. Each repeat is Reset, then Draw. For both ways of
drawing (cumulative sums, Gumbel-max), and with --cpu-slowdown 4 as a school laptop.

    .venv/bin/python benchmarks/sampling_frame.py [--repeats 30] [--cpu-slowdown 1]

Prints a table and one JSON line. Not a test: nothing is asserted. Run it alone on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

HOOK = """() => {
  window.__times = [];
  let started = null;
  // Only Draw's clicks: Reset's change of the counts is not what is measured.
  window.addEventListener("click", (e) => {
    started = e.composedPath().some((el) => el.classList?.contains("sampling-draw")) ? e.timeStamp : null;
  }, {capture: true});
  const source = Bokeh.documents[0].get_model_by_name("sampling-counts");
  source.connect(source.change, () => {
    if (started === null) return;
    const t0 = started;
    started = null;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.__times.push(performance.now() - t0);
      channel.port2.postMessage(null);
    });
  });
}"""


def measure(page, repeats: int) -> list[float]:
    draw, reset = page.locator(".sampling-draw button"), page.locator(".sampling-reset button")
    for _ in range(repeats):
        reset.click()
        page.wait_for_timeout(50)
        before = page.evaluate("() => window.__times.length")
        draw.click()
        page.wait_for_function("(n) => window.__times.length > n", arg=before, timeout=30_000)
    return page.evaluate("() => window.__times")


def summary(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {"n": len(samples), "p50_ms": round(statistics.median(samples), 1),
            "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1), "max_ms": round(ordered[-1], 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--cpu-slowdown", type=float, default=1.0)
    args = parser.parse_args()
    export = Path(tempfile.mkdtemp()) / "demo.html"
    subprocess.run([sys.executable, "app.py", "export", str(export)], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for method in ("cdf", "gumbel"):  # the link's words (sampling_view.py METHODS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{export.as_uri()}?view=sampling&K=10&count=10000&method={method}")
            page.locator(".sampling-draw button").wait_for()
            page.evaluate(HOOK)
            if args.cpu_slowdown != 1:
                page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate",
                                                         {"rate": args.cpu_slowdown})
            results[method] = summary(measure(page, args.repeats))
            page.close()
        browser.close()
    print(f"Draw 10 000 at K = 10, click to painted frame (CPU slowdown {args.cpu_slowdown}x, "
          f"load {os.getloadavg()[0]:.2f})")
    print("| method | n | p50 ms | p95 ms | max ms |\n| --- | --- | --- | --- | --- |")
    for method, stats in results.items():
        print(f"| {method} | {stats['n']} | {stats['p50_ms']} | {stats['p95_ms']} | {stats['max_ms']} |")
    print(json.dumps({"cpu_slowdown": args.cpu_slowdown, "load_average": os.getloadavg()[0], **results}))


if __name__ == "__main__":
    main()
