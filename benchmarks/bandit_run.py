"""Run 1000 of the bandit tab in Chromium: the replay's cost, and the click-to-shown time served.

    .venv/bin/python benchmarks/bandit_run.py [--repeats 20] [--runs 100 500]

Part 1 runs static/js/lib/bandit.js on a blank page: three agents (softmax, greedy, epsilon-greedy)
on K = 10 arms, 1000 steps each, as static/js/callbacks/exercises/bandit.js replays them after
Run 1000, and the same for the 5000-step cap (what a render costs at the most). Part 2 serves the
app, opens ?view=bandit&K=10, presses Run 1000 and times until the summary shows the 1000 steps
(wall clock from Python: click, render, two animation frames). Part 3, for each --runs R: Bandit.average
of the three agents over R problems of 1000 steps on the blank page (all in one go), then served with
?runs=R: click Run 1000 to the averaged curves shown, and the frames the page painted meanwhile (the
average is spread over animation frames: the median and longest frame interval). Median ms; one JSON
line. Not a test.
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
AVERAGE_JS = """([runs, steps]) => {
  const start = performance.now();
  for (const options of [{policy: "softmax", tau: 0.5}, {policy: "greedy"},
                         {policy: "epsilon-greedy", epsilon: 0.1}]) {
    Bandit.average(10, 1, runs, steps, options);
  }
  return performance.now() - start;
}"""
RECORD_FRAMES_JS = """() => {
  window.__benchFrames = [];
  window.__benchRecording = true;
  const tick = (now) => {
    window.__benchFrames.push(now);
    if (window.__benchRecording) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""
STOP_FRAMES_JS = """() => {
  window.__benchRecording = false;
  const f = window.__benchFrames;
  const gaps = f.slice(1).map((v, i) => v - f[i]).sort((a, b) => a - b);
  return {median: gaps[Math.floor(gaps.length / 2)] ?? null, longest: gaps[gaps.length - 1] ?? null};
}"""
DONE_JS = """([runs, steps]) => {
  const data = Bokeh.documents[0].get_model_by_name("bandit-averages").data;
  return data.runs.length === 3 && data.runs[0] === runs && data.reward[0].length === steps;
}"""
FRAMES_JS = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--runs", type=int, nargs="*", default=[100, 500],
                        help="runs averaged (the view's choices: 10, 100, 500)")
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
            averaged = {}
            for runs in args.runs:
                one_go = page.evaluate(AVERAGE_JS, [runs, 1000])
                app.goto(f"{app_url}?view=bandit&K=10&runs={runs}")
                expect(summary).not_to_be_empty()
                app.locator(".bandit-run1000").scroll_into_view_if_needed()
                app.wait_for_function("() => Bokeh.documents[0].is_idle")
                app.evaluate(FRAMES_JS)  # the page has settled: the frames recorded are the average's
                app.evaluate(RECORD_FRAMES_JS)
                start = time.perf_counter()
                app.locator(".bandit-run1000 button").click()
                app.wait_for_function(DONE_JS, arg=[runs, 1000], timeout=600_000)
                app.evaluate(FRAMES_JS)
                shown_ms = 1000 * (time.perf_counter() - start)
                frames = app.evaluate(STOP_FRAMES_JS)
                averaged[f"runs_{runs}"] = {
                    "average_3x1000_in_one_go_ms": round(one_go, 1),
                    "served_click_to_averaged_curves_ms": round(shown_ms, 1),
                    "frame_interval_ms_median": round(frames["median"], 1),
                    "frame_interval_ms_longest": round(frames["longest"], 1)}
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(json.dumps({"k": 10, "replay_3x1000_ms_median": round(replay_1000, 2),
                      "replay_3x5000_ms_median": round(replay_cap, 2),
                      "served_run1000_click_to_shown_ms_median": round(statistics.median(served), 1),
                      **averaged}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
