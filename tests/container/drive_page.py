"""Chromium on the containerised app, as a student uses it: open the page, move the z4 slider with the
keyboard, and report what the page shows and what went over the wire, as JSON on stdout.

    python -m tests.container.drive_page URL

A process of its own because Playwright's sync API allows one instance per thread, and the browser
tests' session-wide Chromium is still open when the container tests run in the same pytest."""

from __future__ import annotations

import json
import sys
import time

from playwright.sync_api import WebSocket, expect, sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.browser.screen import open_app, press_on_slider, readout


def bokeh_messages(frames: list[str | bytes]) -> list[dict]:
    """Bokeh's websocket protocol sends each message as header, metadata and content frames (JSON);
    this returns every frame that parses to a JSON object, in order."""
    parsed = []
    for frame in frames:
        try:
            value = json.loads(frame)
        except (TypeError, ValueError):
            continue
        if isinstance(value, dict):
            parsed.append(value)
    return parsed


def acknowledged(sent: list[str | bytes], received: list[str | bytes], value: float) -> bool:
    """A PATCH-DOC setting some model's property to `value` (or a list holding it: the visitor's z,
    components/serving/visitor.py) went to the server, which answered OK."""
    def holds(new: object) -> bool:
        values = new if isinstance(new, list) else [new]
        return any(isinstance(v, float | int) and abs(v - value) < 1e-9 for v in values)

    messages = bokeh_messages(sent)
    patches = {header["msgid"] for header, content in zip(messages, messages[2:], strict=False)
               if header.get("msgtype") == "PATCH-DOC"
               and any(holds(event.get("new")) for event in content.get("events", []))}
    return any(message.get("msgtype") == "OK" and message.get("reqid") in patches
               for message in bokeh_messages(received))


def drive(url: str) -> dict:
    """Everything the test asserts on, gathered in one browser session."""
    loaded: list[str] = []
    sockets: list[str] = []
    sent: list[str | bytes] = []
    received: list[str | bytes] = []
    errors: list[str] = []

    def watch(socket: WebSocket) -> None:
        sockets.append(socket.url)
        socket.on("framesent", lambda payload: sent.append(payload))
        socket.on("framereceived", lambda payload: received.append(payload))

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        page.on("request", lambda request: loaded.append(request.url))
        page.on("websocket", watch)
        page.on("pageerror", lambda error: errors.append(str(error)))
        open_app(page, url)
        before = readout(page)
        shown = page.locator(".z-slider-4 .bk-slider-value")
        before_text = shown.inner_text()
        press_on_slider(page, "z-slider-4", "ArrowRight", 12)
        expect(shown).not_to_have_text(before_text)
        after = readout(page)
        # The readout is computed in the browser; the server's session must get the value too.
        deadline = time.monotonic() + 15
        while not acknowledged(sent, received, after["z"][3]) and time.monotonic() < deadline:
            page.wait_for_timeout(100)
        result = {
            "before": before, "after": after, "slider_text": [before_text, shown.inner_text()],
            "acknowledged": acknowledged(sent, received, after["z"][3]),
            "last_messages": bokeh_messages(received)[-6:], "loaded": loaded, "sockets": sockets,
            "errors": errors,
        }
        browser.close()
    return result


if __name__ == "__main__":
    print(json.dumps(drive(sys.argv[1])))
