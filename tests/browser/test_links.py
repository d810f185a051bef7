"""Shareable links: the URL follows the controls, a link restores them, bad links are explained."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from components.model import softmax_math as sm
from tests.browser.screen import notice, open_app, press_on_slider, readout


def query(page) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlparse(page.url).query).items()}


def test_url_follows_the_controls_and_a_link_restores_them(browser, page, served_app):
    open_app(page, served_app)
    press_on_slider(page, "z-slider-4", "ArrowRight", 7)
    box = page.locator(".z-input-1 input")
    box.fill("-2.37")
    box.press("Enter")
    press_on_slider(page, "tau-slider", "ArrowLeft", 9)
    page.wait_for_url(lambda url: "z=-2.37%2C-1%2C3.2%2C1.2" in url and "tau=0.81" in url, timeout=5000)
    link, before = page.url, readout(page)
    other = browser.new_context().new_page()
    open_app(other, link)
    expect(other.locator(".z-slider-4 .bk-slider-value")).to_have_text("1.2")
    restored = readout(other)
    assert restored == before
    assert restored["z"] == [-2.37, -1.0, 3.2, 1.2]
    tau = float(query(page)["tau"])
    assert restored["a"] == [round(v, 3) for v in sm.softmax(restored["z"], tau)]
    assert notice(other) == ""
    other.context.close()


@pytest.mark.parametrize(("link", "z", "tau", "messages"), [
    ("?z=abc,NaN,1e308,-0&tau=-1", [2.5, -1.0, 5.0, 0.0], 1.0,
     ['"abc" is not a number', '"NaN" is not a number', "1e+308 is outside -5 to 5, so 5 is used",
      "τ: \"-1\" is not a positive number"]),
    ("?z=1,2,3,4,5,6,7,8,9,10,11,12&tau=1e308", [1, 2, 3, 4, 5, 5, 5, 5, 5, 5], 20.0,
     ["12 values for z but K = 10", "zᴸ₆: 6 is outside -5 to 5, so 5 is used",
      "is outside 0.05 to 20, so 20 is used"]),
    ("?K=99&z=1,-2", [1.0, -2.0, 3.2, 0.5, 0, 0, 0, 0, 0, 0], 1.0,
     ["K: 99 is outside 2 to 10, so 10 is used"]),
    ("?K=2.5", [2.5, -1.0, 3.2], 1.0, ["K: 2.5 is not a whole number, so 3 is used"]),
    ("?z=700&range=12", [700.0, -1.0], 1.0,
     ["1 value for z, but at least 2 outputs", "range: 12 is not one of 5 or 1000, so 1000 is used"]),
    ("?z=,Infinity&tau=0", [2.5, -1.0], 1.0, ['"" is not a number', '"Infinity" is not']),
    ("?z=%3Cb%3Ebold%3C%2Fb%3E&tau=inf", [2.5, -1.0], 1.0, ['"<b>bold</b>" is not a number']),
    ("?tau=0.0000001&unknown=1", [2.5, -1.0, 3.2, 0.5], 0.05,
     ["1e-7 is outside 0.05 to 20, so 0.05 is used"]),
])
def test_bad_links_are_corrected_with_a_visible_notice(page, served_app, link, z, tau, messages):
    open_app(page, served_app + link)
    for message in messages:
        expect(page.locator(".notice .bk-clearfix")).to_contain_text(message)
    assert page.locator(".notice b").count() == 0  # quoted, never rendered as HTML
    shown = readout(page)
    assert shown["z"] == z
    assert shown["a"] == [round(v, 3) for v in sm.softmax(z, tau)]
    assert shown["a_total"] == 1.0


def test_copy_link_puts_the_current_state_on_the_clipboard(browser, served_app):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    open_app(page, served_app)
    press_on_slider(page, "z-slider-3", "Home", 1)
    page.get_by_role("button", name="Copy link to this state").click()
    expect(page.locator(".notice .bk-clearfix")).to_contain_text("Link copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert parse_qs(urlparse(copied).query)["z"] == ["2.5,-1,-5,0.5"]
    restored = browser.new_context().new_page()
    open_app(restored, copied)
    expect(restored.locator(".z-slider-3 .bk-slider-value")).to_have_text("-5.0")
    restored.context.close()
    context.close()


def clipboard_context(browser):
    return browser.new_context(permissions=["clipboard-read", "clipboard-write"])


def copy_link(page) -> str:
    page.get_by_role("button", name="Copy link to this state").click()
    expect(page.locator(".notice .bk-clearfix")).to_contain_text("Link copied")
    return page.evaluate("navigator.clipboard.readText()")


def settled_notices(page) -> tuple[str, bool]:
    """The main notice and whether the language notice shows, once the link has been applied:
    the page writes its link notice in a task after the load callbacks, so wait for the next one."""
    page.wait_for_function("() => Bokeh.documents[0].is_idle")
    page.evaluate("() => new Promise((resolve) => setTimeout(resolve, 0))")
    return notice(page), page.locator(".language-notice .bk-clearfix").is_visible()


def test_the_link_follows_k_and_writes_z_for_exactly_k_outputs(browser, served_app):
    """Issue 19, item 1: K 5 -> 3 by keyboard left ?K=5 in the link, which reopened with K = 5."""
    context = clipboard_context(browser)
    page = context.new_page()
    open_app(page, f"{served_app}?K=5&z=2.5,-1,3.2,1.7,-2.2")
    expect(page.locator(".readout-table tbody tr")).to_have_count(5)
    press_on_slider(page, "k-slider", "ArrowLeft", 2)
    expect(page.locator(".readout-table tbody tr")).to_have_count(3)
    page.wait_for_url(lambda url: query_of(url).get("K") == "3", timeout=5000)
    assert query_of(page.url)["z"] == "2.5,-1,3.2"
    copied = copy_link(page)
    assert (query_of(copied)["K"], query_of(copied)["z"]) == ("3", "2.5,-1,3.2")
    before = readout(page)
    for link in (page.url, copied):
        other = browser.new_context().new_page()
        open_app(other, link)
        expect(other.locator(".readout-table tbody tr")).to_have_count(3)
        assert readout(other) == before
        assert settled_notices(other) == ("", False)
        other.context.close()
    context.close()


def query_of(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlparse(url).query, keep_blank_values=True).items()}


def test_a_corrected_link_leaves_the_corrected_state_in_the_address_bar(browser, served_app):
    """Issue 19, item 1: ?K=99 stayed in the address bar, so every copied link showed the notice again.
    Every value the page reads is written as it is now; parameters it does not read are kept."""
    context = clipboard_context(browser)
    page = context.new_page()
    open_app(page, f"{served_app}?K=99&z=1,-2,700&tau=abc&range=12&view=nope&theme=blue&lang=xx&course=ml-3")
    for message in ("K: 99 is outside 2 to 10", '"abc" is not', "range: 12 is not one of",
                    '"nope" is not one', 'theme: "blue" is not one of'):
        expect(page.locator(".notice .bk-clearfix")).to_contain_text(message)
    expect(page.locator(".language-notice .bk-clearfix")).to_contain_text('"xx" is not available')
    corrected = {"K": "10", "z": "1,-2,700,0.5,0,0,0,0,0,0", "tau": "1", "range": "1000",
                 "view": "nonlocality", "lang": "en", "course": "ml-3"}
    page.wait_for_url(lambda url: query_of(url) == corrected, timeout=5000)
    before = readout(page)
    copied = copy_link(page)
    assert query_of(copied) == corrected
    other = browser.new_context().new_page()
    open_app(other, copied)
    expect(other.locator(".readout-table tbody tr")).to_have_count(10)
    assert readout(other) == before
    assert settled_notices(other) == ("", False)
    other.context.close()
    context.close()
