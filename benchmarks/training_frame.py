"""One training frame of the Training tab in Chromium: a gradient step on 500 points with K = 6 plus
the 100 x 100 decision regions, and the frames per second of Train in the served page.

    .venv/bin/python benchmarks/training_frame.py [--repeats 200]

Part 1 runs static/js/lib/training.js on a blank page (the 180 preset points plus seeded
extra points up to 500) and times step + regions + the pixel colouring that training.js does,
per frame: median and p95 in ms (a frame at 60 Hz is 16.7 ms). Part 2 serves the app, opens
?view=training&K=6, presses Train for 3 s and counts the steps (one per animation frame).
Prints one JSON line. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.input_to_paint import serve  # noqa: E402
from components.browser.browser_js import js_source  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

STEPS_JS = "() => Bokeh.documents[0].get_model_by_name('training-points').__training.steps"
FRAME_JS = """(repeats) => {
  const d = Training.makeDataset("overlapping", 6, 1);
  const rng = Rng.create(2);
  while (d.xs.length < 500) { d.xs.push(8 * rng.uniform() - 4); d.ys.push(8 * rng.uniform() - 4);
                              d.labels.push(d.xs.length % 6); }
  let params = {weights: d.weights, biases: d.biases};
  const times = [];
  for (let r = 0; r < repeats; r += 1) {
    const start = performance.now();
    params = Training.step(params, d, {cost: "log-likelihood", eta: 0.5, lam: 0.1, epsilon: 0.05});
    const {classes, confidence} = Training.regions(params, "log-likelihood", 1, 100);
    const pixels = new Uint32Array(10000);
    for (let i = 0; i < pixels.length; i += 1) {
      pixels[i] = (classes[i] * 40 | (Math.round(255 * confidence[i]) << 24)) >>> 0;
    }
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {n: d.xs.length, median: times[Math.floor(times.length / 2)],
          p95: times[Math.floor(0.95 * times.length)]};
}"""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=200)
    args = parser.parse_args(argv)
    server, app_url = serve("app.py")  # panel serve on 127.0.0.1, answering (input_to_paint.py)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.set_content("<!doctype html><title>bench</title>")
            page.add_script_tag(content=js_source("lib/rng.js") + js_source("lib/training.js"))
            frame = page.evaluate(FRAME_JS, args.repeats)
            app = browser.new_page(viewport={"width": 1280, "height": 900})
            app.goto(f"{app_url}?view=training&K=6")
            app.locator(".training-status .training-now").wait_for()
            app.locator(".training-status").scroll_into_view_if_needed()
            app.locator(".training-train button").click()
            app.wait_for_timeout(3000)
            steps = app.evaluate(STEPS_JS)
            app.locator(".training-train button").click()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    result = {"points": frame["n"], "k": 6, "frame_ms_median": round(frame["median"], 2),
              "frame_ms_p95": round(frame["p95"], 2), "served_steps_in_3s": steps,
              "served_fps": round(steps / 3, 1)}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
