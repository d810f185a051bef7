"""The served demo driven in Chromium as a student would: keys, mouse, typed numbers."""

from __future__ import annotations

import numpy as np
import pytest
from playwright.sync_api import Page, expect

from components.model import softmax_math as sm
from tests.browser.screen import chart, notice, open_app, press_on_slider, readout

BOOK_A = [0.315, 0.009, 0.633, 0.043]
TOO_LARGE = "(too large even to compute with)"


def assert_screen_matches_numpy(page: Page, tau: float = 1.0) -> dict:
    """Every number on screen equals numpy's for the z values on screen."""
    shown = readout(page)
    a = sm.softmax(shown["z"], tau)
    s = sm.sigmoid(shown["z"])
    assert shown["a"] == [round(v, 3) for v in a]
    assert shown["sigma"] == [round(v, 3) for v in s]
    assert shown["a_total"] == 1.0
    assert shown["sigma_total"] == round(s.sum(), 3)
    bars = chart(page, "softmax-chart")
    np.testing.assert_allclose(bars["values"], a, rtol=1e-12)
    assert bars["labels"] == [f"{v:.3f}" for v in a]
    assert "total 1.000" in bars["title"]
    sigmoid_bars = chart(page, "sigmoid-chart")
    np.testing.assert_allclose(sigmoid_bars["values"], s, rtol=1e-12)
    return shown


def test_opens_at_the_books_values_with_no_outside_request(browser, served_app):
    context = browser.new_context()
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(("http://127.0.0.1", "data:", "blob:"))
            else outside.append(r.url))
    open_app(page, served_app)
    shown = assert_screen_matches_numpy(page)
    assert shown["z"] == [2.5, -1.0, 3.2, 0.5]
    assert shown["a"] == BOOK_A
    assert page.locator(".equations-view math").count() == 3
    assert outside == []
    context.close()


def test_raising_z4_with_the_keyboard_raises_a4_and_lowers_every_other_output(page, served_app):
    open_app(page, served_app)
    before = chart(page, "softmax-chart")["values"]
    press_on_slider(page, "z-slider-4", "ArrowRight", 12)
    expect(page.locator(".z-slider-4 .bk-slider-value")).to_have_text("1.7")
    expect(page.locator(".z-input-4 input")).to_have_value("1.7")
    after = assert_screen_matches_numpy(page)
    assert after["z"][3] == pytest.approx(1.7)
    bars = chart(page, "softmax-chart")["values"]
    assert bars[3] > before[3]
    assert all(bars[j] < before[j] for j in range(3))
    assert bars[3] - before[3] == pytest.approx(-sum(bars[j] - before[j] for j in range(3)), abs=1e-15)


def test_dragging_a_slider_with_the_mouse(page, served_app):
    open_app(page, served_app)
    handle = page.locator(".z-slider-1 .noUi-handle")
    track = page.locator(".z-slider-1 .noUi-base").bounding_box()
    box = handle.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(track["x"] - 50, box["y"] + box["height"] / 2, steps=8)
    page.mouse.up()
    expect(page.locator(".z-slider-1 .bk-slider-value")).to_have_text("-5.0")
    shown = assert_screen_matches_numpy(page)
    assert shown["z"][0] == -5.0


def test_temperature_typed_and_keyed(page, served_app):
    open_app(page, served_app)
    box = page.locator(".tau-input input")
    box.fill("0.2")
    box.press("Enter")
    expect(page.locator(".tau-slider .bk-slider-value")).to_have_text("0.2")
    shown = assert_screen_matches_numpy(page, tau=0.2)
    assert shown["a"][2] > 0.95  # cold: close to the one-hot argmax
    press_on_slider(page, "tau-slider", "End", 1)
    expect(box).to_have_value("20")
    shown = assert_screen_matches_numpy(page, tau=20.0)
    assert max(shown["a"]) - min(shown["a"]) < 0.1  # hot: close to uniform
    assert "τ = 20" in chart(page, "softmax-chart")["title"]


@pytest.mark.parametrize(("typed", "shown", "message"), [
    ("abc", "2.5", 'zᴸ₁: "abc" is not a number, so 2.5 is kept'),
    ("", "2.5", "is not a number"),
    ("12", "5.0", "12 is outside -5 to 5, so 5 is used"),
    ("-1e308", "-5.0", "is outside -5 to 5, so -5 is used"),
    ("Infinity", "2.5", "is not a number"),
    ("-0", "0.0", ""),
    ("3,3", "3.3", ""),
    # issue 19 item 9: the Unicode minus (U+2212) the page prints is a minus sign
    ("−2", "-2.0", ""),
    ("−2,25", "-2.25", ""),
    ("1e−3", "0.001", ""),
    # item 10: too large for a float is too large, not "not a number"; text is quoted as typed
    ("1e400", "5.0", f'"1e400" is outside -5 to 5 {TOO_LARGE}, so 5 is used'),
    ("-1e309", "-5.0", f'"-1e309" is outside -5 to 5 {TOO_LARGE}, so -5 is used'),
    ("9" * 5000, "5.0", f'"{"9" * 40}…" is outside -5 to 5 {TOO_LARGE}, so 5 is used'),
    ("3,2,1", "2.5", 'zᴸ₁: "3,2,1" is not a number, so 2.5 is kept'),
    # item 4: a small value keeps its digits and its sign
    ("-0.004", "-0.004", ""),
])
def test_typed_values_are_checked_with_a_clear_message(page, served_app, typed, shown, message):
    open_app(page, served_app)
    box = page.locator(".z-input-1 input")
    box.fill(typed)
    box.press("Enter")
    expect(page.locator(".z-slider-1 .bk-slider-value")).to_have_text(shown)
    if message:
        expect(page.locator(".notice .bk-clearfix")).to_contain_text(message)
    else:
        assert notice(page) == ""
    assert_screen_matches_numpy(page)


def type_into(page: Page, css_class: str, text: str) -> None:
    box = page.locator(f".{css_class} input")
    box.fill(text)
    box.press("Enter")


def inputs_shown(page: Page) -> dict[str, list[str] | str]:
    """Every place that shows an input, as text: each z slider's title value, box and readout-table
    cell (for the z in play), and tau's title value, box and the softmax chart's heading."""
    rows = page.locator(".readout-table table.readout tbody tr")
    k = rows.count()
    return {
        "titles": [page.locator(f".z-slider-{j} .bk-slider-value").inner_text() for j in range(1, k + 1)],
        "boxes": [page.locator(f".z-input-{j} input").input_value() for j in range(1, k + 1)],
        "table": [rows.nth(i).locator("td").first.inner_text() for i in range(k)],
        "tau": [page.locator(".tau-slider .bk-slider-value").inner_text(),
                page.locator(".tau-input input").input_value(),
                page.locator(".softmax-chart-heading .tau").inner_text()],
    }


def assert_inputs_shown(page: Page, z: list[str], tau: str) -> None:
    """The same digits in every place (issue 19 items 2, 4 and 12): no place rounds an input."""
    shown = inputs_shown(page)
    assert shown == {"titles": z, "boxes": z, "table": z, "tau": [tau] * 3}, shown


def test_a_typed_value_is_applied_exactly_and_shown_alike_everywhere(page, served_app):
    """Issue 19 item 2: 2.004 typed beside a 2 is 2.004 everywhere, and 2 typed then is 2 again."""
    open_app(page, f"{served_app}?z=2,2&tau=0.05")
    assert_inputs_shown(page, ["2.0", "2.0"], "0.05")
    type_into(page, "z-input-1", "2.004")
    expect(page.locator(".z-slider-1 .bk-slider-value")).to_have_text("2.004")
    assert_inputs_shown(page, ["2.004", "2.0"], "0.05")
    shown = assert_screen_matches_numpy(page, tau=0.05)
    assert shown["a"] == [0.52, 0.48]
    page.wait_for_url(lambda url: "z=2.004%2C2&" in url, timeout=5000)
    type_into(page, "z-input-1", "2")
    expect(page.locator(".z-slider-1 .bk-slider-value")).to_have_text("2.0")
    assert_inputs_shown(page, ["2.0", "2.0"], "0.05")
    assert assert_screen_matches_numpy(page, tau=0.05)["a"] == [0.5, 0.5]
    page.wait_for_url(lambda url: "z=2%2C2&" in url, timeout=5000)
    assert notice(page) == ""


def test_a_typed_temperature_is_applied_exactly_and_shown_alike_everywhere(page, served_app):
    """Issue 19 item 2, tau: 19.99 is not shown as 20, and 20 typed then is 20."""
    open_app(page, served_app)
    type_into(page, "tau-input", "19.99")
    expect(page.locator(".tau-slider .bk-slider-value")).to_have_text("19.99")
    assert_inputs_shown(page, ["2.5", "-1.0", "3.2", "0.5"], "19.99")
    assert_screen_matches_numpy(page, tau=19.99)
    type_into(page, "tau-input", "20")
    expect(page.locator(".tau-slider .bk-slider-value")).to_have_text("20")
    assert_inputs_shown(page, ["2.5", "-1.0", "3.2", "0.5"], "20")
    page.wait_for_url(lambda url: "tau=20" in url and "tau=19" not in url, timeout=5000)
    # Keys move tau off any short decimal: every place still shows the same digits.
    press_on_slider(page, "tau-slider", "ArrowLeft", 3)
    expect(page.locator(".tau-slider .bk-slider-value")).not_to_have_text("20")
    tau = inputs_shown(page)["tau"][0]
    assert_inputs_shown(page, ["2.5", "-1.0", "3.2", "0.5"], tau)
    assert_screen_matches_numpy(page, tau=float(tau))


def test_slider_titles_show_the_digits_of_their_boxes(page, served_app):
    """Issue 19 item 12: "-1" beside "2.50" no more; after keys and a small value, the same digits."""
    open_app(page, served_app)
    assert_inputs_shown(page, ["2.5", "-1.0", "3.2", "0.5"], "1")
    press_on_slider(page, "z-slider-4", "ArrowRight", 3)
    expect(page.locator(".z-input-4 input")).to_have_value("0.8")
    type_into(page, "z-input-2", "-0.004")
    expect(page.locator(".z-slider-2 .bk-slider-value")).to_have_text("-0.004")
    assert_inputs_shown(page, ["2.5", "-0.004", "3.2", "0.8"], "1")
    assert_screen_matches_numpy(page)


def test_the_unicode_minus_is_read_in_a_link(page, served_app):
    """Issue 19 item 9: a link written with U+2212 (as the page prints numbers) is read."""
    open_app(page, f"{served_app}?z=−2,1e−3,−0,3")
    expect(page.locator(".z-slider-1 .bk-slider-value")).to_have_text("-2.0")
    assert readout(page)["z"] == [-2.0, 0.001, 0.0, 3.0]
    assert notice(page) == ""


def test_typed_html_is_shown_as_text_not_markup(page, served_app):
    open_app(page, served_app)
    box = page.locator(".z-input-2 input")
    box.fill("<img src=x onerror=alert(1)>")
    box.press("Enter")
    expect(page.locator(".notice .bk-clearfix")).to_contain_text("<img src=x")
    assert page.locator(".notice img").count() == 0


def test_sigmoid_total_is_visibly_not_one(page, served_app):
    open_app(page, served_app)
    title = chart(page, "sigmoid-chart")["title"]
    assert "≠ 1" in title
    total = readout(page)["sigma_total"]
    assert total != 1.0 and f"{total:.3f}" in title


def test_reset_returns_to_the_book(page, served_app):
    open_app(page, served_app)
    press_on_slider(page, "z-slider-2", "ArrowLeft", 5)
    press_on_slider(page, "tau-slider", "Home", 1)
    assert readout(page)["a"] != BOOK_A
    page.get_by_role("button", name="Reset to the book's values").click()
    expect(page.locator(".z-slider-2 .bk-slider-value")).to_have_text("-1.0")
    shown = assert_screen_matches_numpy(page)
    assert shown["a"] == BOOK_A


def test_two_browser_contexts_keep_separate_state(browser, served_app):
    first = browser.new_context().new_page()
    second = browser.new_context().new_page()
    open_app(first, served_app)
    open_app(second, served_app)
    press_on_slider(first, "z-slider-3", "ArrowLeft", 30)
    expect(first.locator(".z-slider-3 .bk-slider-value")).to_have_text("0.2")
    second.reload()
    open_app(second, served_app)
    assert readout(second)["z"] == [2.5, -1.0, 3.2, 0.5]
    assert readout(first)["z"][2] == pytest.approx(0.2)
    first.context.close()
    second.context.close()
