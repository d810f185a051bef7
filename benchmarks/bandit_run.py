"""Run 1000 of the bandit tab in Chromium: the replay's cost, and the click-to-shown time served.

    .venv/bin/python benchmarks/bandit_run.py [--repeats 20]

Part 1 runs static/js/lib/bandit.js on a blank page: three agents (softmax, greedy, epsilon-greedy)
on K = 10 arms, 1000 steps each, as static/js/callbacks/exercises/bandit.js replays them after
Run 1000, and the same for the 5000-step cap (what a render costs at the most). Part 2 serves the
app, opens ?view=bandit&K=10, presses Run 1000 and times until the summary shows the 1000 steps
(wall clock from Python: click, render, two animation frames). Median ms; one JSON line. Not a test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.input_to_paint import serve  # noqa: E402
from components.browser.browser_js import MATH_JS_SOURCE, js_source  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

REPLAY_JS = """([steps, repeats]) => {
  const times = [];
  for (let r = 0; r < repeats; r += 1) {
    const start = performance.now();
    for (const options of [{policy: "softmax", tau: 0.5}, {policy: "greedy"},
                           {policy: "epsilon-greedy", epsilon: 0.1}]) {
      Bandit.run(Bandit.create(10, r), steps, options);
    }
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}"""
FRAMES_JS = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args(argv)
    server, app_url = serve("app.py")  # panel serve on 127.0.0.1, answering (input_to_paint.py)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.set_content("<!doctype html><title>bench</title>")
            sources = ("lib/rng.js", "lib/sampling.js", "lib/bandit.js")
            page.add_script_tag(content=MATH_JS_SOURCE + "".join(js_source(name) for name in sources))
            replay_1000 = page.evaluate(REPLAY_JS, [1000, args.repeats])
            replay_cap = page.evaluate(REPLAY_JS, [5000, max(3, args.repeats // 5)])
            app = browser.new_page(viewport={"width": 1280, "height": 900})
            app.goto(f"{app_url}?view=bandit&K=10")
            summary = app.locator(".bandit-summary .bk-clearfix")
            expect(summary).not_to_be_empty()
            app.locator(".bandit-run1000").scroll_into_view_if_needed()
            served = []
            for _ in range(max(3, args.repeats // 4)):
                app.locator(".bandit-reset button").click()
                expect(summary).to_contain_text("No steps")
                start = time.perf_counter()
                app.locator(".bandit-run1000 button").click()
                expect(summary).to_contain_text("1000 steps")
                app.evaluate(FRAMES_JS)
                served.append(1000 * (time.perf_counter() - start))
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(json.dumps({"k": 10, "replay_3x1000_ms_median": round(replay_1000, 2),
                      "replay_3x5000_ms_median": round(replay_cap, 2),
                      "served_run1000_click_to_shown_ms_median": round(statistics.median(served), 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
