"""Screenshots of the served app for the README.

    .venv/bin/python scripts/screenshots.py                 # English and Traditional Chinese
    .venv/bin/python scripts/screenshots.py en              # only the languages given
    .venv/bin/python scripts/screenshots.py --only training # only the shots of that name

Serves the app on a free 127.0.0.1 port, opens it in Debian's Chromium and writes
docs/screenshots/<view>-<lang>-<width>.png: the whole page ("main") at 1280 and 375 px,
and the Jacobian and temperature tabs at 1280 px; plus docs/screenshot.png (the English
main view at 1280 px, shown at the top of the README).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from components.words.i18n import LANGUAGES  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, free_port, wait_for_http  # noqa: E402
from tests.browser.screen import READY  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
# (name, link query, width, what to capture: the whole page or the exercise tabs)
SHOTS = [
    ("main", "", 1280, None),
    ("main", "", 375, None),
    ("jacobian", "view=jacobian", 1280, ".exercises"),
    ("temperature", "view=temperature", 1280, ".exercises"),
    ("decoding", "view=decoding&K=6&z=2.5,-1,3.2,0.5,1.8,-0.3&top_k=5&top_p=0.95&min_p=0.1", 1280,
     ".exercises"),
    ("bandit", "view=bandit&K=6&seed=7&tau=0.5&reveal=on&runs=100", 1280, ".exercises"),
    ("training", "view=training&K=3&data=wrong-start&cost=compare", 1280, ".exercises"),
    ("relatives", "view=relatives&K=6&z=2.5,-1,3.2,0.5,2.9,-0.3&tau=0.7", 1280, ".exercises"),
    ("sampling", "view=sampling&K=5&z=2.5,-1,3.2,0.5,1&seed=7&count=1000&method=gumbel", 1280, ".exercises"),
]
# What a shot does before it is taken: the button pressed and how often (the slowdown comparison
# needs some steps trained; the decoding tab shows its counts once Generate was pressed; the bandit
# tab a 1000-step run).
STEPS_BEFORE = {"training": (".training-step button", 60), "decoding": (".decoding-generate button", 1),
                "sampling": (".sampling-draw button", 1), "bandit": (".bandit-run1000 button", 1)}
# What a shot waits to be gone after its steps: the bandit's curves are averaged over frames.
GONE_BEFORE = {"bandit": ".bandit-curves .progress"}


def settle(page: Page) -> None:
    page.locator(READY).wait_for()
    page.locator(".z-slider-1 .noUi-handle").wait_for()
    page.wait_for_function("() => Bokeh.documents[0].is_idle")
    # Two frames: the charts repaint at their final size after the layout settles.
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")


def shoot(page: Page, url: str, path: Path, element: str | None,
          steps: tuple[str, int] = ("", 0), gone: str | None = None) -> None:
    page.goto(url)
    settle(page)
    button, times = steps
    for _ in range(times):
        page.locator(button).click()
    if gone:
        page.locator(gone).wait_for(state="detached", timeout=120_000)
    if times:
        settle(page)
    if element is None:
        page.screenshot(path=str(path), full_page=True)
    else:
        page.locator(element).first.screenshot(path=str(path))
    print(f"wrote {path.relative_to(ROOT)}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="README screenshots of the served app")
    parser.add_argument("langs", nargs="*", default=list(LANGUAGES),
                        help=f"languages ({', '.join(LANGUAGES)}); default: all")
    parser.add_argument("--only", help="only the shots of this name (main, jacobian, training, ...)")
    args = parser.parse_args(argv)
    unknown = [lang for lang in args.langs if lang not in LANGUAGES]
    if unknown:
        parser.error(f"unknown language(s) {', '.join(unknown)}: choose from {', '.join(LANGUAGES)}")
    OUT.mkdir(parents=True, exist_ok=True)
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
            for lang in args.langs:
                for name, query, width, element in SHOTS:
                    if args.only and name != args.only:
                        continue
                    context = browser.new_context(viewport={"width": width, "height": 900},
                                                  color_scheme="light")
                    page = context.new_page()
                    link = "&".join(part for part in (query, f"lang={lang}") if part)
                    path = OUT / f"{name}-{lang}-{width}.png"
                    shoot(page, f"http://127.0.0.1:{port}/app?{link}", path, element,
                          STEPS_BEFORE.get(name, ("", 0)), GONE_BEFORE.get(name))
                    context.close()
                    if (name, lang, width) == ("main", "en", 1280):
                        shutil.copyfile(path, ROOT / "docs" / "screenshot.png")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
