"""How tall an iframe of the demo must be, for docs/embedding.md ("How tall").

    .venv/bin/python scripts/embed_heights.py                  # widths 320 375 660 700 1280
    .venv/bin/python scripts/embed_heights.py 375 1280 --query "K=10"

Serves the app on a free 127.0.0.1 port and exports the offline file, opens each in Debian's
Chromium at each width (a fresh page per width and view: an iframe's content is a page of the
iframe's width) and prints the page's scrollHeight in px, for every view of the served app
and for the offline file, as a Markdown table.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, free_port, wait_for_http  # noqa: E402
from tests.browser.screen import READY  # noqa: E402

VIEWS = ["", "nonlocality", "jacobian", "temperature", "sweep", "cross-entropy", "inverse"]  # "": default
# The page's height once it has not changed for 20 frames (charts and tabs size themselves late).
STABLE_HEIGHT = """() => new Promise((resolve) => {
  let last = -1, same = 0;
  const tick = () => {
    const height = document.documentElement.scrollHeight;
    same = height === last ? same + 1 : 0;
    last = height;
    if (same >= 20) resolve(height); else requestAnimationFrame(tick);
  };
  tick();
})"""


def height(browser: Browser, url: str, width: int) -> int:
    # A short viewport: scrollHeight is then the content's height, never the window's.
    context = browser.new_context(viewport={"width": width, "height": 600}, color_scheme="light")
    page = context.new_page()
    page.goto(url)
    page.locator(READY).wait_for()
    page.wait_for_function("() => Bokeh.documents[0].is_idle")
    measured = page.evaluate(STABLE_HEIGHT)
    context.close()
    return measured


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="iframe heights of the demo at given widths")
    parser.add_argument("widths", nargs="*", type=int, default=[320, 375, 660, 700, 1280])
    parser.add_argument("--query", default="", help='added to every served link, e.g. "K=10&lang=zh-Hant"')
    args = parser.parse_args(argv)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "panel", "serve", "app.py", "--address", "127.0.0.1",
                               "--port", str(port), "--allow-websocket-origin", f"127.0.0.1:{port}",
                               "--liveness"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as folder:
        exported = Path(folder) / "softmax-lab.html"
        subprocess.run([sys.executable, "app.py", "export", str(exported)], cwd=ROOT, check=True,
                       capture_output=True)
        try:
            wait_for_http(f"http://127.0.0.1:{port}/liveness", process=server)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                print("| width | " + " | ".join(view or "default" for view in VIEWS) + " | offline file |")
                print("| --- " * (len(VIEWS) + 2) + "|")
                for width in args.widths:
                    row = []
                    for view in VIEWS:
                        parts = (f"view={view}" if view else "", args.query)
                        query = "&".join(part for part in parts if part)
                        row.append(height(browser, f"http://127.0.0.1:{port}/app?{query}", width))
                    row.append(height(browser, exported.as_uri(), width))
                    print(f"| {width} | " + " | ".join(map(str, row)) + " |", flush=True)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
