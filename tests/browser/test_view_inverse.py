"""The Inverting softmax tab: typed targets (good and bad), C, Apply and Shift, read back and vs numpy."""

from __future__ import annotations

import math

import numpy as np
import pytest
from playwright.sync_api import Page, expect

from components.browser.browser_js import js_source
from components.model import softmax_math as sm
from components.page.exercises.inverse_view import TARGET_UNITS, InverseView, targets_from_outputs
from components.words.i18n import TEXTS
from components.words.number_format import parse_number
from tests.browser.conftest import page_with_script
from tests.browser.screen import look_at_tab, open_app, press_on_slider, readout
from tests.browser.test_view_sweep import INPUTS_JS

EN = TEXTS["en"]

VALUES_JS = """() => {
  const d = Bokeh.documents[0].get_model_by_name("inverse-values").data;
  return {typed: Array.from(d.typed), target: Array.from(d.target), z: Array.from(d.z)};
}"""
MAIN_OUTPUTS_JS = "() => Array.from(Bokeh.documents[0].get_model_by_name('softmax-chart-bars').data.value)"

NOTICE = ".inverse-notice .bk-clearfix"
NORMALISED = ".inverse-normalised .bk-clearfix"
SHIFT = ".inverse-shift-result .bk-clearfix"


def callback_function(path: str, name: str) -> str:
    """A script that defines the function ``name`` of static/js/callbacks/``path`` and nothing else:
    the file as the body of a function that returns ``name`` at once (function declarations are
    hoisted; the callback's own code never runs). Its free names must be defined before it."""
    source = js_source(f"callbacks/{path}")
    return f"const {name} = (function () {{ return {name};\n{source}\n}})();"


def open_tab(page: Page, url: str) -> None:
    open_app(page, url)
    page.get_by_role("tab", name=TEXTS["en"][InverseView.title_key]).click()
    expect(page.locator(".target-input-1 input")).to_be_visible()


def type_target(page: Page, j: int, text: str) -> None:
    box = page.locator(f".target-input-{j} input")
    box.fill(text)
    box.press("Enter")


def boxes(page: Page, count: int) -> list[str]:
    return [page.locator(f".target-input-{j} input").input_value() for j in range(1, count + 1)]


def current_outputs_as_targets(page: Page) -> list[str]:
    """What the boxes hold before the student types: the outputs in use, as Python writes them."""
    inputs = page.evaluate(INPUTS_JS)
    return [f"{v:g}" for v in targets_from_outputs(sm.softmax(inputs["z"], inputs["tau"]))]


def notice_gap(page: Page) -> float:
    """The "largest difference between the main outputs and the targets" that Apply reports."""
    return float(page.locator(NOTICE).inner_text().rsplit(" ", 1)[1].rstrip("."))


def assert_values_are_numpy(page: Page, typed: list[float], shift: float = 0.0) -> dict:
    shown = page.evaluate(VALUES_JS)
    assert shown["typed"] == typed
    np.testing.assert_allclose(shown["target"], np.divide(typed, sum(typed)), rtol=1e-15)
    np.testing.assert_allclose(shown["z"], sm.inverse_softmax(typed, shift), rtol=1e-14, atol=1e-14)
    return shown


def test_bad_targets_are_refused_and_a_set_not_summing_to_1_is_normalised(page, served_app):
    open_tab(page, served_app)
    typed = [0.315, 0.009, 0.633, 0.043]  # the book's outputs, which the boxes start with
    assert_values_are_numpy(page, typed)
    expect(page.locator(NORMALISED)).to_have_text("")
    # Each message says what is allowed (greater than 0: ln 0 = −∞) and the true reason.
    allowed = "(allowed: greater than 0, up to 1)"
    for j, text, why in [(2, "0", "ln 0 = −∞"), (3, "-1", "cannot be negative"), (1, "abc", ""),
                         (4, "-0", "ln 0 = −∞")]:
        type_target(page, j, text)
        kept = f'"{text}" is not a positive number, so {typed[j - 1]} is kept {allowed}'
        expect(page.locator(NOTICE)).to_contain_text(kept)
        expect(page.locator(NOTICE)).to_contain_text(why)
        expect(page.locator(f".target-input-{j} input")).to_have_value(str(typed[j - 1]))
        assert_values_are_numpy(page, typed)
    type_target(page, 2, "")  # an empty box is not "a probability of exactly 0"
    expect(page.locator(NOTICE)).to_have_text(
        f"a₂: the box is empty, so {typed[1]} is kept. Enter a probability greater than 0, up to 1.")
    expect(page.locator(".target-input-2 input")).to_have_value(str(typed[1]))
    assert_values_are_numpy(page, typed)
    type_target(page, 2, "1.5")
    expect(page.locator(NOTICE)).to_have_text(f"a₂: 1.5 is more than 1, so 1 is used {allowed}.")
    type_target(page, 2, str(typed[1]))
    expect(page.locator(NOTICE)).to_have_text("")
    assert_values_are_numpy(page, typed)
    for j in range(1, 5):
        type_target(page, j, "0,5")  # a decimal comma is fine; the four add up to 2
    expect(page.locator(".target-input-4 input")).to_have_value("0.5")
    expect(page.locator(NOTICE)).to_have_text("")
    expect(page.locator(NORMALISED)).to_contain_text("add up to 2, not 1: each is divided by 2")
    shown = assert_values_are_numpy(page, [0.5] * 4)
    assert shown["target"] == [0.25] * 4
    log_quarter = f"{math.log(0.25):.4f}".replace("-", "−")
    cells = page.locator(".inverse-table tbody tr").nth(0).locator("td").all_inner_texts()
    assert cells == ["0.5", "0.2500", log_quarter, log_quarter]  # C = 0


def test_apply_reproduces_the_targets_and_says_when_it_clamps(page, served_app):
    open_tab(page, served_app)
    targets = [0.6, 0.3, 0.09, 0.01]
    for j, value in enumerate(targets, start=1):
        type_target(page, j, str(value))
    press_on_slider(page, "inverse-c", "ArrowRight", 10)  # C = 1.0
    expect(page.locator(".inverse-table .why")).to_contain_text("C = 1.0")
    wanted = assert_values_are_numpy(page, targets, 1.0)["z"]
    page.get_by_role("button", name="Apply these z to the sliders").click()
    expect(page.locator(NOTICE)).to_contain_text("Applied: the largest difference")
    assert page.evaluate(INPUTS_JS)["z"] == wanted  # the sliders hold the exact inputs, not rounded ones
    np.testing.assert_allclose(page.evaluate(MAIN_OUTPUTS_JS), targets, rtol=1e-12)
    assert readout(page)["a"] == targets
    assert notice_gap(page) < 1e-15
    type_target(page, 4, "1e-9")  # ln a₄ + 1 is about −19.7: below the slider range
    expect(page.locator(".inverse-table td.outside")).to_have_count(1)
    page.get_by_role("button", name="Apply these z to the sliders").click()
    low = f"{sm.inverse_softmax([*targets[:3], 1e-9], 1.0)[3]:.2f}".replace("-", "−")
    expect(page.locator(NOTICE)).to_contain_text(f"zᴸ₄ = {low} is below −5, the slider's lowest value")
    z = page.evaluate(INPUTS_JS)["z"]
    assert z[3] == -5
    target = np.divide([*targets[:3], 1e-9], sum([*targets[:3], 1e-9]))
    assert notice_gap(page) == pytest.approx(np.max(np.abs(sm.softmax(z) - target)), rel=0.06)


def test_shifting_every_slider_keeps_the_outputs(page, served_app):
    open_tab(page, served_app)
    before = page.evaluate(INPUTS_JS)["z"]
    outputs = page.evaluate(MAIN_OUTPUTS_JS)
    page.get_by_role("button", name="Shift all z by +1").click()
    expect(page.locator(SHIFT)).to_contain_text("Every z moved by +1")
    after = page.evaluate(INPUTS_JS)["z"]
    np.testing.assert_allclose(after, np.add(before, 1), atol=1e-15)
    shifted = page.evaluate(MAIN_OUTPUTS_JS)
    assert float(page.locator(f"{SHIFT} b.max-change").inner_text()) < 1e-15
    assert np.max(np.abs(np.subtract(shifted, outputs))) < 1e-15
    np.testing.assert_allclose(shifted, sm.softmax(before), rtol=1e-14)
    page.get_by_role("button", name="Shift all z by +1").click()  # z₃ = 4.2 + 1 is beyond 5: refused
    expect(page.locator(SHIFT)).to_contain_text("would move zᴸ₃ to 5.20, outside −5 to 5: nothing was")
    assert page.evaluate(INPUTS_JS)["z"] == after


def test_the_outside_marks_follow_the_range_switch(page, served_app):
    open_tab(page, served_app)
    type_target(page, 2, "0.000001")  # z₂ = ln(0.000001 / 0.991) ≈ −13.8: outside −5 to 5
    outside = page.locator(".inverse-table td.outside")
    why = page.locator(".inverse-table .why")
    expect(outside).to_have_count(1)
    expect(why).to_contain_text("run from −5 to 5" + EN["inverse.outside_note"])
    page.get_by_role("radio", name=EN["controls.range"].format(limit=1000)).click()
    look_at_tab(page)  # the controls are above the tabs: the tab follows once it is in view again
    expect(outside).to_have_count(0)  # Apply applies −13.8 exactly now
    expect(why).to_have_text("C = 0.0; the main sliders run from −1000 to 1000.")
    page.get_by_role("radio", name=EN["controls.range"].format(limit=5)).click()
    look_at_tab(page)
    expect(outside).to_have_count(1)
    expect(why).to_contain_text("run from −5 to 5" + EN["inverse.outside_note"])


def test_a_page_opened_with_k_10_starts_from_the_outputs_in_use(page, served_app):
    open_tab(page, f"{served_app}?view=inverse&K=10")
    look_at_tab(page)
    expect(page.locator(".target-input-10 input")).to_be_visible()
    wanted = current_outputs_as_targets(page)
    assert len(wanted) == 10 and math.isclose(sum(map(float, wanted)), 1, abs_tol=1e-12)
    expect(page.locator(".target-input-10 input")).to_have_value(wanted[9])
    assert boxes(page, 10) == wanted
    expect(page.locator(NORMALISED)).to_have_text("")  # no "targets add up to 1.6" nobody typed
    expect(page.locator(NOTICE)).to_have_text("")
    assert_values_are_numpy(page, [float(v) for v in wanted])


def test_boxes_not_typed_in_show_the_outputs_in_use(page, served_app):
    open_tab(page, f"{served_app}?view=inverse&z=1,2,3,4")  # z from the link, not the server's
    look_at_tab(page)
    expect(page.locator(".target-input-4 input")).to_have_value(current_outputs_as_targets(page)[3])
    assert boxes(page, 4) == current_outputs_as_targets(page)
    press_on_slider(page, "z-slider-1", "ArrowRight", 5)  # before any target is typed: they follow
    look_at_tab(page)
    expect(page.locator(".target-input-1 input")).to_have_value(current_outputs_as_targets(page)[0])
    assert boxes(page, 4) == current_outputs_as_targets(page)
    type_target(page, 1, "0.5")  # now the student's: the others stay as they were
    before = boxes(page, 4)
    press_on_slider(page, "k-slider", "ArrowRight", 1)  # K = 5: a₅ comes into play
    look_at_tab(page)
    expect(page.locator(".target-input-5 input")).to_be_visible()
    expect(page.locator(".target-input-5 input")).to_have_value(current_outputs_as_targets(page)[4])
    assert boxes(page, 4) == before
    assert_values_are_numpy(page, [float(v) for v in boxes(page, 5)])


def test_the_browser_makes_the_same_targets_from_outputs_as_python(browser):
    rng = np.random.default_rng(19)
    cases = [sm.softmax(rng.normal(0, scale, size=k)) for scale in (0.1, 1, 5, 50) for k in range(2, 11)
             for _ in range(12)]
    cases += [np.full(k, 1 / k) for k in range(2, 11)] + [[0.0625, 0.9375], [0.9995, 0.0005], [1.0, 0.0]]
    script = f"const units = {TARGET_UNITS};" + callback_function(
        "exercises/inverse.js", "targetsFromOutputs")
    with page_with_script(browser, script) as page:
        got = page.evaluate("(cases) => cases.map(targetsFromOutputs)", [list(map(float, a)) for a in cases])
    assert got == [targets_from_outputs(a) for a in cases]


@pytest.mark.parametrize(("value", "text"), [
    (0.315, "0.3150"), (-4.71049, "−4.7105"), (0.0, "0.0000"), (6.666e-10, "6.67×10<sup>−10</sup>"),
    (-2.5e6, "−2.50×10<sup>6</sup>"), (1e-300, "1.00×10<sup>−300</sup>"),
])
def test_table_numbers_are_written_with_four_decimals_or_as_powers_of_ten(browser, value, text):
    """numberHtml (inverse.js): toFixed(4) for ordinary sizes, m×10^e for tiny and huge ones."""
    with page_with_script(browser, callback_function("exercises/inverse.js", "numberHtml")) as page:
        assert page.evaluate("(v) => numberHtml(v)", value) == text


def table_rows(page: Page) -> list[list[str]]:
    rows = page.locator(".inverse-table tbody tr")
    return [rows.nth(i).locator("th, td").all_inner_texts() for i in range(rows.count())]


def open_view(page: Page, url: str) -> None:
    open_app(page, url)
    look_at_tab(page)
    expect(page.locator(".inverse-table tbody tr").first).to_be_visible()


def test_the_first_render_is_numpy(page, served_app):
    open_view(page, f"{served_app}?view=inverse&z=2.5,-1,3.2,0.5")
    typed = [0.315, 0.009, 0.633, 0.043]
    assert boxes(page, 4) == [str(v) for v in typed]
    assert_values_are_numpy(page, typed)
    head = page.locator(".inverse-table thead th").all_inner_texts()
    assert head == [EN[f"inverse.column_{name}"] for name in ("output", "typed", "a", "log_a", "z")]
    rows = table_rows(page)
    assert [row[:2] for row in rows] == [[f"a{'₁₂₃₄'[j]}", str(typed[j])] for j in range(4)]
    a, log_a = np.divide(typed, sum(typed)), sm.inverse_softmax(typed)
    for row, a_j, log_j in zip(rows, a, log_a, strict=True):
        assert [parse_number(cell) for cell in row[2:]] == pytest.approx([a_j, log_j, log_j], abs=5e-5)
    expect(page.locator(".inverse-table td.outside")).to_have_count(0)
    expect(page.locator(".inverse-table .why")).to_have_text("C = 0.0; the main sliders run from −5 to 5.")
    expect(page.locator(NORMALISED)).to_have_text("")
    expect(page.locator(NOTICE)).to_have_text("")


def test_the_tab_never_starts_with_a_zero_target(page, served_app):
    """a₂ = 2.3e-5 rounds to 0.000: it takes 0.001 from the first of the two largest, so the targets
    still add up to 1 and the tab does not start with a "targets add up to 1.001" warning."""
    open_view(page, f"{served_app}?view=inverse&z=5,-5,5")
    assert boxes(page, 3) == ["0.499", "0.001", "0.5"]
    expect(page.locator(NORMALISED)).to_have_text("")
    assert_values_are_numpy(page, [0.499, 0.001, 0.5])


LIVE = (".inverse-table .bk-clearfix", NORMALISED)


def live_markup(page: Page) -> list[str]:
    return [page.locator(selector).inner_html() for selector in LIVE]


@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
def test_the_first_render_is_what_an_update_writes(page, served_app, lang):
    """One rendering: the markup the page starts with is the markup a change writes (the boxes
    follow the outputs while none is typed in, so moving a slider away and back rewrites it)."""
    open_view(page, f"{served_app}?view=inverse&lang={lang}")
    first, inputs, first_box = live_markup(page), page.evaluate(INPUTS_JS), boxes(page, 1)[0]
    assert first[0]
    press_on_slider(page, "z-slider-1", "ArrowRight", 1)  # away...
    look_at_tab(page)
    expect(page.locator(".target-input-1 input")).not_to_have_value(first_box)
    assert live_markup(page) != first
    press_on_slider(page, "z-slider-1", "ArrowLeft", 1)  # ...and back
    look_at_tab(page)
    expect(page.locator(".target-input-1 input")).to_have_value(first_box)
    assert page.evaluate(INPUTS_JS) == inputs
    assert live_markup(page) == first
