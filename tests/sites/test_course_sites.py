"""The demo inside real course sites (Sphinx and MkDocs, examples/sites/), opened from disk and
from a web server: in both embeds a slider moves and the outputs follow, and no request leaves
127.0.0.1 (the sites, the exported file and the served app are all on this machine)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.browser.test_embed import raise_z2_and_check

pytestmark = pytest.mark.browser

EMBEDS = ("softmax-lab, offline", "softmax-lab, served")  # the iframes' titles on both sites


def leaves_the_machine(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("file", "data", "blob", "about"):
        return False
    return parts.hostname != "127.0.0.1"


@contextmanager
def local_only_page(browser: Browser) -> Iterator[Page]:
    """A page whose every request and websocket, from any frame, is recorded; one that would leave
    127.0.0.1 is blocked, and fails the test. Page errors in any frame fail it too."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []
    errors: list[str] = []

    def block_outside(route: Route) -> None:
        if leaves_the_machine(route.request.url):
            route.abort()
        else:
            route.continue_()

    context.route("**/*", block_outside)
    context.on("request", lambda request: leaves_the_machine(request.url) and outside.append(request.url))
    page = context.new_page()
    page.on("websocket", lambda socket: leaves_the_machine(socket.url) and outside.append(socket.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert outside == []
    assert errors == []


@pytest.mark.parametrize("opened", ["file", "http"])
@pytest.mark.parametrize("site", ["sphinx", "mkdocs"])
def test_both_embeds_work_in_the_built_site(course_sites, browser, site, opened):
    with local_only_page(browser) as page:
        page.goto(course_sites.page_url(site, opened))
        expect(page.get_by_role("heading", name="Softmax", level=1)).to_be_visible()
        for title in EMBEDS:
            frame = page.frame_locator(f'iframe[title="{title}"]')
            frame.locator(".readout-table table.readout").wait_for()
            raise_z2_and_check(frame)
