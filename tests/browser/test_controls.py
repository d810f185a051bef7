"""K outputs, the slider range and the presets, driven as a user would."""

from __future__ import annotations

import numpy as np
import pytest
from playwright.sync_api import expect

from components.model import softmax_math as sm
from components.model.state import Z_DECIMALS, shown_number
from tests.browser.screen import chart, open_app, press_on_slider, readout


def assert_matches_numpy(page, tau: float = 1.0) -> dict:
    shown = readout(page)
    a = sm.softmax(shown["z"], tau)
    assert shown["a"] == [round(v, 3) for v in a]
    assert shown["sigma"] == [round(v, 3) for v in sm.sigmoid(shown["z"])]
    bars = chart(page, "softmax-chart")
    np.testing.assert_allclose(bars["values"], a, rtol=1e-12)
    assert "NaN" not in page.locator("body").inner_text()
    return shown


def test_number_of_outputs_from_2_to_10(page, served_app):
    open_app(page, served_app)
    press_on_slider(page, "k-slider", "Home", 1)
    expect(page.locator(".readout-table tbody tr")).to_have_count(2)
    expect(page.locator(".z-slider-3")).to_be_hidden()
    assert assert_matches_numpy(page)["z"] == [2.5, -1.0]
    assert len(chart(page, "sigmoid-chart")["values"]) == 2
    press_on_slider(page, "k-slider", "End", 1)
    expect(page.locator(".readout-table tbody tr")).to_have_count(10)
    shown = assert_matches_numpy(page)
    assert shown["z"] == [2.5, -1.0, 3.2, 0.5, 0, 0, 0, 0, 0, 0]  # hidden inputs kept their values
    press_on_slider(page, "z-slider-10", "End", 1)
    expect(page.locator(".z-slider-10 .bk-slider-value")).to_have_text("5.0")
    assert assert_matches_numpy(page)["a"][9] == max(readout(page)["a"])


@pytest.mark.parametrize(("button", "z", "tau"), [
    ("All equal", [1.0] * 4, 1.0),
    ("One dominant", [4.0, -1.0, -1.0, -1.0], 1.0),
    ("Near-ties", [2.0, 2.1, 1.9, 2.05], 1.0),
    ("Extreme values (|z| = 1000)", [1000.0, -1000.0, 999.0, 0.0], 1.0),
])
def test_presets_set_every_control_and_stay_finite(page, served_app, button, z, tau):
    open_app(page, served_app)
    page.get_by_role("button", name=button).click()
    expect(page.locator(".z-input-4 input")).to_have_value(shown_number(z[3], Z_DECIMALS))
    shown = assert_matches_numpy(page, tau)
    assert shown["z"] == z
    assert shown["a_total"] == 1.0


def test_extreme_values_widen_the_range_and_back(page, served_app):
    open_app(page, served_app)
    page.get_by_role("button", name="Extreme values (|z| = 1000)").click()
    expect(page.locator(".z-slider-1 .bk-slider-value")).to_have_text("1000.0")
    box = page.locator(".tau-input input")
    box.fill("0.05")
    box.press("Enter")
    expect(page.locator(".tau-slider .bk-slider-value")).to_have_text("0.05")
    shown = assert_matches_numpy(page, 0.05)
    assert shown["a"] == [1.0, 0.0, 0.0, 0.0]  # |z/tau| = 20000: one-hot, finite
    page.locator(".z-range").get_by_text("z from −5 to 5").click()
    expect(page.locator(".z-slider-1 .bk-slider-value")).to_have_text("5.0")
    assert assert_matches_numpy(page, 0.05)["z"] == [5.0, -5.0, 5.0, 0.0]


def test_narrowing_the_range_says_which_values_it_moved(page, served_app):
    """Issue 19, item 11: switching -1000..1000 back to -5..5 clamped z without a word. The notice
    names every value it moved, from what to what (hidden ones too: they come back with K)."""
    open_app(page, served_app)
    page.get_by_role("button", name="Extreme values (|z| = 1000)").click()
    expect(page.locator(".z-slider-1 .bk-slider-value")).to_have_text("1000.0")
    page.locator(".z-range").get_by_text("z from −5 to 5").click()
    expect(page.locator(".notice .bk-clearfix")).to_have_text(
        "The range is now −5 to 5, so the values outside it were moved to its nearest end: "
        "zᴸ₁ 1000 → 5, zᴸ₂ −1000 → −5, zᴸ₃ 999 → 5, zᴸ₅ 500 → 5, zᴸ₆ −500 → −5, zᴸ₇ 998 → 5, "
        "zᴸ₈ −999 → −5.")
    assert assert_matches_numpy(page)["z"] == [5.0, -5.0, 5.0, 0.0]
    # Nothing outside: nothing to say, and a notice already shown stays as it was.
    page.locator(".z-range").get_by_text("z from −1000 to 1000").click()
    expect(page.locator(".z-slider-1").get_by_role("slider")).to_have_attribute("aria-valuemax", "1000.0")
    page.locator(".z-range").get_by_text("z from −5 to 5").click()
    expect(page.locator(".z-slider-1").get_by_role("slider")).to_have_attribute("aria-valuemax", "5.0")
    expect(page.locator(".notice .bk-clearfix")).to_contain_text("zᴸ₁ 1000 → 5")


def test_narrowing_the_range_is_explained_in_chinese(page, served_app):
    open_app(page, f"{served_app}?lang=zh-Hant&range=1000&z=2.5,-1,3.2,-7.25")
    expect(page.locator(".z-slider-4").get_by_role("slider")).to_have_attribute("aria-valuemax", "1000.0")
    page.locator(".z-range").get_by_text("z 從 −5 到 5").click()
    expect(page.locator(".notice .bk-clearfix")).to_have_text(
        "範圍現在是 −5 到 5，因此超出範圍的值已移到最近的端點：zᴸ₄ −7.25 → −5。")
    assert assert_matches_numpy(page)["z"] == [2.5, -1.0, 3.2, -5.0]
