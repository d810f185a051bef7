"""`python app.py export FILE`: one file, no network, the whole demo working from file://."""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser

import pytest
from playwright.sync_api import expect

from components.model import softmax_math as sm
from tests.browser.conftest import ROOT
from tests.browser.screen import chart, open_app, press_on_slider, readout


@pytest.fixture
def offline_page(browser):
    """A page in which every request for anything but a local HTML file is blocked and recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    blocked: list[str] = []

    def only_the_file(route):
        if route.request.url.startswith("file://") and route.request.url.endswith(".html"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_the_file)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, blocked
    context.close()
    assert not errors


class LinkedResources(HTMLParser):
    """Collects every src/href of the page's markup (script bodies are not markup)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.links += [value for name, value in attrs if name in ("src", "href") and value]


def test_export_links_no_file_at_all(exported):
    parser = LinkedResources()
    parser.feed(exported.read_text())
    assert parser.links == []
    assert exported.stat().st_size < 2_300_000  # issues 15 and 16: under 2.3 MB with every view


def test_export_works_offline_and_matches_numpy(exported, offline_page):
    page, blocked = offline_page
    open_app(page, exported.as_uri())
    assert readout(page)["a"] == [0.315, 0.009, 0.633, 0.043]
    press_on_slider(page, "z-slider-4", "ArrowRight", 20)
    box = page.locator(".tau-input input")
    box.fill("0.5")
    box.press("Enter")
    expect(page.locator(".z-slider-4 .bk-slider-value")).to_have_text("2.5")
    expect(page.locator(".tau-slider .bk-slider-value")).to_have_text("0.5")
    shown = readout(page)
    a = sm.softmax(shown["z"], 0.5)
    assert shown["a"] == [round(v, 3) for v in a]
    assert shown["sigma"] == [round(v, 3) for v in sm.sigmoid(shown["z"])]
    assert chart(page, "softmax-chart")["labels"] == [f"{v:.3f}" for v in a]
    page.get_by_role("button", name="Reset to the book's values").click()
    expect(page.locator(".z-slider-4 .bk-slider-value")).to_have_text("0.5")
    assert blocked == []


def test_export_works_inside_an_iframe(exported, offline_page, tmp_path):
    page, blocked = offline_page
    host = exported.parent / "course-page.html"
    host.write_text(f'<!doctype html><h1>Course</h1><iframe src="{exported.name}" width="1200" '
                    'height="900" title="softmax demo"></iframe>')
    page.goto(host.as_uri())
    frame = page.frame_locator("iframe")
    frame.locator(".readout-table table.readout").wait_for()
    handle = frame.locator(".z-slider-2 .noUi-handle")
    handle.focus()
    handle.press("End")
    expect(frame.locator(".z-slider-2 .bk-slider-value")).to_have_text("5.0")
    expect(frame.locator(".readout-table td.a").nth(1)).to_have_text(
        f"{sm.softmax([2.5, 5, 3.2, 0.5])[1]:.3f}")
    assert blocked == []


@pytest.mark.parametrize("args", [["export"], ["export", "/nonexistent-folder/demo.html"], ["bogus"]])
def test_export_command_refuses_bad_arguments_without_a_traceback(args):
    result = subprocess.run([sys.executable, "app.py", *args], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.strip()
