"""The served demo driven in Chromium as a student would: keys, mouse, typed numbers."""

from __future__ import annotations

import numpy as np
import pytest
from playwright.sync_api import Page, expect

from components import softmax_math as sm
from tests.browser.screen import chart, notice, open_app, press_on_slider, readout

BOOK_A = [0.315, 0.009, 0.633, 0.043]


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
    expect(page.locator(".z-slider-4 .bk-slider-value")).to_have_text("1.70")
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
    expect(page.locator(".z-slider-1 .bk-slider-value")).to_have_text("-5")
    shown = assert_screen_matches_numpy(page)
    assert shown["z"][0] == -5.0


def test_temperature_typed_and_keyed(page, served_app):
    open_app(page, served_app)
    box = page.locator(".tau-input input")
    box.fill("0.2")
    box.press("Enter")
    expect(page.locator(".tau-slider .bk-slider-value")).to_have_text("0.200")
    shown = assert_screen_matches_numpy(page, tau=0.2)
    assert shown["a"][2] > 0.95  # cold: close to the one-hot argmax
    press_on_slider(page, "tau-slider", "End", 1)
    expect(box).to_have_value("20")
    shown = assert_screen_matches_numpy(page, tau=20.0)
    assert max(shown["a"]) - min(shown["a"]) < 0.1  # hot: close to uniform
    assert "τ = 20" in chart(page, "softmax-chart")["title"]


@pytest.mark.parametrize(("typed", "shown", "message"), [
    ("abc", "2.50", 'zᴸ₁: "abc" is not a number, so 2.5 is kept'),
    ("", "2.50", "is not a number"),
    ("12", "5", "12 is outside -5 to 5, so 5 is used"),
    ("-1e308", "-5", "is outside -5 to 5, so -5 is used"),
    ("Infinity", "2.50", "is not a number"),
    ("-0", "0", ""),
    ("3,3", "3.30", ""),
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
    expect(page.locator(".z-slider-2 .bk-slider-value")).to_have_text("-1")
    shown = assert_screen_matches_numpy(page)
    assert shown["a"] == BOOK_A


def test_two_browser_contexts_keep_separate_state(browser, served_app):
    first = browser.new_context().new_page()
    second = browser.new_context().new_page()
    open_app(first, served_app)
    open_app(second, served_app)
    press_on_slider(first, "z-slider-3", "ArrowLeft", 30)
    expect(first.locator(".z-slider-3 .bk-slider-value")).to_have_text("0.20")
    second.reload()
    open_app(second, served_app)
    assert readout(second)["z"] == [2.5, -1.0, 3.2, 0.5]
    assert readout(first)["z"][2] == pytest.approx(0.2)
    first.context.close()
    second.context.close()
