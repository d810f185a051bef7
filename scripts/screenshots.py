"""Screenshots of the served app for the README: .venv/bin/python scripts/screenshots.py

Serves the app on a free 127.0.0.1 port, opens it in Debian's Chromium and writes
docs/screenshot.png (1280 px wide).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, free_port, wait_for_http  # noqa: E402


def main() -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "panel", "serve", "app.py", "--address", "127.0.0.1", "--port", str(port),
         "--allow-websocket-origin", f"127.0.0.1:{port}", "--liveness"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_http(f"http://127.0.0.1:{port}/liveness", process=server)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(f"http://127.0.0.1:{port}/app")
            page.locator(".readout-table table.readout").wait_for()
            page.wait_for_function("() => Bokeh.documents[0].is_idle")
            out = ROOT / "docs" / "screenshot.png"
            page.screenshot(path=str(out), full_page=True)
            print(f"wrote {out.relative_to(ROOT)}")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
