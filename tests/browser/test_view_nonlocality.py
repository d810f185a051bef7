"""Non-locality: the changes since a movement began, read on screen and compared to numpy."""

from __future__ import annotations

import numpy as np
import pytest
from playwright.sync_api import expect

from components.model import softmax_math as sm
from components.words.number_format import format_fixed, parse_number
from tests.browser.screen import look_at_tab, open_app, press_on_slider
from tests.browser.test_view_sweep import INPUTS_JS

BOOK_Z = [2.5, -1.0, 3.2, 0.5]


def balance(page) -> dict[str, float]:
    """The signed changes printed in the view's balance text."""
    return {name: parse_number(page.locator(f".nonlocality-balance b.{name}").inner_text())
            for name in ("moved-change", "others-change", "total-change", "sigmoid-moved-change",
                         "sigmoid-others-change")}


def changes(page, name: str) -> dict:
    return page.evaluate(
        "(name) => { const d = Bokeh.documents[0].get_model_by_name(name).data;"
        " return {value: Array.from(d.value), base: Array.from(d.base), label: Array.from(d.label)}; }",
        name,
    )


def test_moving_one_input_changes_every_softmax_output_and_one_sigmoid(page, served_app):
    open_app(page, served_app)
    page.get_by_role("tab", name="Non-locality").click()
    press_on_slider(page, "z-slider-4", "ArrowRight", 7)
    look_at_tab(page)
    expect(page.locator(".z-slider-4 .bk-slider-value")).to_have_text("1.2")
    moved = [*BOOK_Z[:3], 1.2]
    da = sm.softmax(moved) - sm.softmax(BOOK_Z)
    ds = sm.sigmoid(moved) - sm.sigmoid(BOOK_Z)
    shown = balance(page)
    assert shown["moved-change"] == round(da[3], 3) and shown["moved-change"] > 0
    assert shown["others-change"] == round(da[:3].sum(), 3) == -shown["moved-change"]
    assert abs(shown["total-change"]) < 1e-15  # 0 up to float64 rounding, printed as it is
    assert shown["sigmoid-moved-change"] == round(ds[3], 3) and shown["sigmoid-others-change"] == 0.0
    softmax = changes(page, "nonlocality-softmax-bars")
    np.testing.assert_allclose(np.subtract(softmax["value"], softmax["base"]), da, atol=1e-12)
    assert all(label.startswith("−") for label in softmax["label"][:3])  # every other output fell
    sigmoid = changes(page, "nonlocality-sigmoid-bars")
    assert sigmoid["label"][:3] == ["0"] * 3  # unchanged: exactly 0, not "+0.000"


def test_small_changes_keep_their_size_and_sign(page, served_app):
    """One ArrowRight on z₂ from the book's values: a₁ falls by 3.1e−4 and a₄ by 4.2e−5; three decimals
    labelled both "−0.000", as if nothing had moved. Every label and number tells the size and the sign."""
    open_app(page, served_app)
    page.get_by_role("tab", name="Non-locality").click()
    press_on_slider(page, "z-slider-2", "ArrowRight", 1)
    look_at_tab(page)
    expect(page.locator(".nonlocality-balance")).to_contain_text("You are moving zᴸ₂")
    moved = page.evaluate(INPUTS_JS)["z"]  # as the sliders hold them
    assert moved == pytest.approx([BOOK_Z[0], -0.9, *BOOK_Z[2:]])
    da = sm.softmax(moved) - sm.softmax(BOOK_Z)
    labels = changes(page, "nonlocality-softmax-bars")["label"]
    assert labels == [format_fixed(v, 3, signed=True) for v in da], labels
    for label, change in zip(labels, da, strict=True):
        assert label[0] == ("+" if change > 0 else "−") and "0.000" not in label
        assert parse_number(label) == pytest.approx(change, rel=0.05)
    ds = sm.sigmoid(moved) - sm.sigmoid(BOOK_Z)
    sigmoid_labels = changes(page, "nonlocality-sigmoid-bars")["label"]
    assert sigmoid_labels == ["0", format_fixed(ds[1], 3, signed=True), "0", "0"]  # only σ₂ moved
    shown = balance(page)
    assert shown["moved-change"] == pytest.approx(da[1], rel=0.05)
    assert shown["others-change"] == pytest.approx(da[[0, 2, 3]].sum(), rel=0.05)
    assert "0.000" not in page.locator(".nonlocality-balance").inner_text()


def test_a_new_movement_and_the_measure_button_start_from_zero(page, served_app):
    open_app(page, served_app)
    page.get_by_role("tab", name="Non-locality").click()
    press_on_slider(page, "z-slider-4", "ArrowRight", 3)
    look_at_tab(page)
    press_on_slider(page, "z-slider-1", "ArrowLeft", 2)
    look_at_tab(page)
    expect(page.locator(".nonlocality-balance")).to_contain_text("You are moving zᴸ₁")
    before = [*BOOK_Z[:3], 0.8]
    after = [2.3, *before[1:]]
    assert balance(page)["moved-change"] == round((sm.softmax(after) - sm.softmax(before))[0], 3)
    page.get_by_role("button", name="Measure from here").click()
    expect(page.locator(".nonlocality-balance")).to_contain_text("Move one of the z sliders")
    assert set(changes(page, "nonlocality-softmax-bars")["label"]) == {"0"}


def test_the_active_view_is_part_of_the_link(browser, page, served_app):
    open_app(page, served_app)
    page.get_by_role("tab", name="Non-locality").click()
    press_on_slider(page, "z-slider-2", "ArrowRight", 1)
    look_at_tab(page)
    page.wait_for_url(lambda url: "view=nonlocality" in url, timeout=5000)
    other = browser.new_context().new_page()
    open_app(other, page.url)
    expect(other.get_by_role("tab", name="Non-locality")).to_have_attribute("aria-selected", "true")
    other.context.close()


def test_the_first_render_shows_changes_of_0_not_plus_0(page, served_app):
    open_app(page, f"{served_app}?z=2.5,-1,3.2,0.5&view=nonlocality")
    expect(page.locator(".nonlocality-balance")).to_contain_text("Move one of the z sliders")
    assert changes(page, "nonlocality-softmax-bars")["label"] == ["0"] * 4
    assert changes(page, "nonlocality-sigmoid-bars")["label"] == ["0"] * 4
