"""Embedding in course pages: the served app by iframe and by <script>, and the static file,
from a course page on another origin; origins not in SOFTMAX_LAB_ALLOWED_ORIGINS are refused."""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import expect

from components.model import softmax_math as sm
from tests.browser.conftest import ROOT, free_port, server_faults, wait_for_http

EXAMPLE = ROOT / "examples" / "course-page.html"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        self.server.asked.append(self.path)  # what this host was asked for, by any client
        super().do_GET()


def static_host(directory: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
    server.asked = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"127.0.0.1:{server.server_port}"


@pytest.fixture(scope="module")
def course(tmp_path_factory, exported):
    """The example course page on two other origins (one allowed), and the app served by app.py."""
    folder = tmp_path_factory.mktemp("course")
    allowed, allowed_host = static_host(folder)
    refused, refused_host = static_host(folder)
    port = free_port()
    env = {**os.environ, "SOFTMAX_LAB_PORT": str(port), "SOFTMAX_LAB_ALLOWED_ORIGINS": allowed_host}
    app = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_for_http(f"http://127.0.0.1:{port}/liveness", process=app)
        page = EXAMPLE.read_text().replace("http://127.0.0.1:5006", f"http://127.0.0.1:{port}")
        (folder / "course-page.html").write_text(page)
        # The example with its script embed alone: whatever else its host is asked for comes from it.
        (folder / "script-embed.html").write_text(
            re.sub(r'<section id="(iframe|static)-embed">.*?</section>', "", page, flags=re.DOTALL))
        shutil.copy(exported, folder / "demo.html")
        yield {"allowed": f"http://{allowed_host}/course-page.html",
               "refused": f"http://{refused_host}/course-page.html",
               "script": f"http://{allowed_host}/script-embed.html", "allowed_server": allowed}
    finally:
        app.terminate()
        _out, err = app.communicate(timeout=10)
        allowed.shutdown()
        refused.shutdown()
    assert not server_faults(err), err


@pytest.fixture
def course_page(browser):
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(("http://127.0.0.1", "data:", "blob:"))
            else outside.append(r.url))
    yield page
    context.close()
    assert outside == []


def raise_z2_and_check(scope) -> None:
    """Press End on z2's slider inside ``scope``; its readout must show numpy's values."""
    handle = scope.locator(".z-slider-2 .noUi-handle")
    handle.focus()
    handle.press("End")
    expect(scope.locator(".z-slider-2 .bk-slider-value")).to_have_text("5.0")
    expected = [f"{v:.3f}" for v in sm.softmax([2.5, 5.0, 3.2, 0.5])]
    expect(scope.locator(".readout-table td.a")).to_have_text(expected)


def test_iframe_embed_on_an_allowed_origin(course, course_page):
    course_page.goto(course["allowed"])
    frame = course_page.frame_locator("#iframe-embed iframe")
    frame.locator(".readout-table table.readout").wait_for()
    raise_z2_and_check(frame)


def test_script_embed_on_an_allowed_origin(course, course_page):
    course_page.goto(course["allowed"])
    embed = course_page.locator("#script-embed")
    embed.locator(".readout-table table.readout").wait_for()
    raise_z2_and_check(embed)
    # The course page's own address is left alone, and there is no link to copy.
    assert "z=" not in course_page.url
    expect(embed.get_by_role("button", name="Copy link to this state")).to_be_hidden()


def test_the_script_embed_asks_the_course_page_host_for_nothing(course, browser):
    """Every file of the embed comes from the app's server: the course page's host is asked for the
    page alone. (Panel's es-module-shims, when autoload.js listed it, ran as a blob: script of the
    course page's origin; listed with a relative path, it was a 404 from that host on every load.)"""
    course_host = course["allowed_server"]
    origin = course["script"].rsplit("/", 1)[0]
    asked_before = len(course_host.asked)
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    seen: list[str] = []  # as the browser reports them, from every frame; blob: URLs name their origin
    context.on("request", lambda request: seen.append(request.url.removeprefix("blob:")))
    page = context.new_page()
    page.goto(course["script"])
    embed = page.locator("#script-embed")
    embed.locator(".readout-table table.readout").wait_for()
    raise_z2_and_check(embed)
    page.wait_for_load_state("networkidle")
    context.close()
    # The browser asks any host for /favicon.ico for a page that names no icon: not a file of ours.
    asked = [path for path in course_host.asked[asked_before:] if path != "/favicon.ico"]
    assert asked == ["/script-embed.html"]
    assert [url for url in seen if url.startswith(origin)] == [course["script"]]


def test_static_file_next_to_the_course_page(course, course_page):
    course_page.goto(course["allowed"])
    frame = course_page.frame_locator("#static-embed iframe")
    frame.locator(".readout-table table.readout").wait_for()
    raise_z2_and_check(frame)


def test_an_origin_not_allowed_is_refused(course, browser):
    page = browser.new_page()
    with page.expect_console_message(lambda m: "Could not open websocket" in m.text, timeout=30_000):
        page.goto(course["refused"])
    page.wait_for_load_state("load")
    served_frame = next(f for f in page.frames if f.parent_frame and "demo.html" not in f.url)
    assert served_frame.url.startswith("chrome-error://")  # CSP frame-ancestors refused the iframe
    assert page.locator("#script-embed .z-slider-1").count() == 0
    page.close()
