"""Non-locality: the changes since a movement began, read on screen and compared to numpy."""

from __future__ import annotations

import numpy as np
from playwright.sync_api import expect

from components import softmax_math as sm
from tests.browser.screen import look_at_tab, open_app, press_on_slider

BOOK_Z = [2.5, -1.0, 3.2, 0.5]


def balance(page) -> dict[str, float]:
    """The signed changes printed in the view's balance text."""
    text = {name: page.locator(f".nonlocality-balance b.{name}").inner_text().replace("−", "-")
            for name in ("moved-change", "others-change", "total-change", "sigmoid-moved-change",
                         "sigmoid-others-change")}
    return {name: float(value) for name, value in text.items()}


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
    assert shown["total-change"] == 0.0
    assert shown["sigmoid-moved-change"] == round(ds[3], 3) and shown["sigmoid-others-change"] == 0.0
    softmax = changes(page, "nonlocality-softmax-bars")
    np.testing.assert_allclose(np.subtract(softmax["value"], softmax["base"]), da, atol=1e-12)
    assert all(label.startswith("−") for label in softmax["label"][:3])  # every other output fell
    sigmoid = changes(page, "nonlocality-sigmoid-bars")
    assert sigmoid["label"][:3] == ["+0.000"] * 3


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
    assert set(changes(page, "nonlocality-softmax-bars")["label"]) == {"+0.000"}


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
