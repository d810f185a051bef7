"""The Cross-entropy tab: choose the true class, read the loss, the gradient bars and the comparison."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from playwright.sync_api import Page, expect

from components.model import softmax_math as sm
from components.page.charts.bar_chart import output_names
from components.page.exercises.cross_entropy_view import (
    Y_MARGIN,
    CrossEntropyView,
    quadratic_gradient_log,
    quadratic_sigmoid_gradient,
)
from components.words.i18n import TEXTS
from components.words.number_format import format_fixed, format_number, parse_number, power_html
from tests.browser.conftest import page_with_script
from tests.browser.screen import look_at_tab, open_app, press_on_slider
from tests.browser.test_view_inverse import callback_function
from tests.browser.test_view_sweep import INPUTS_JS

BARS_JS = """() => {
  const d = Bokeh.documents[0].get_model_by_name("cross-entropy-gradient-bars").data;
  const chart = Bokeh.documents[0].get_model_by_name("cross-entropy-gradient");
  return {name: Array.from(d.name), value: Array.from(d.value), label: Array.from(d.label),
          color: Array.from(d.color), factors: Array.from(chart.x_range.factors),
          y: [chart.y_range.start, chart.y_range.end]};
}"""

HEADING = ".cross-entropy-chart-heading .bk-clearfix"
COMPARE = ".cross-entropy-compare .bk-clearfix"


def number(page: Page, selector: str) -> float:
    return parse_number(page.locator(selector).inner_text())


def as_shown(html: str) -> str:
    """Markup as the page shows it (inner text): "−1.2×10<sup>−8</sup>" -> "−1.2×10−8"."""
    return re.sub("<[^>]+>", "", html)


def shown_log10(text: str) -> float:
    """log10 of the size of a number as shown, "−0.144" or "−5.1×10−435" (beyond any float)."""
    mantissa, _, exponent = text.replace("−", "-").partition("×10")
    return math.log10(abs(float(mantissa))) + (int(exponent) if exponent else 0)


def open_tab(page: Page, url: str) -> None:
    open_app(page, url)
    page.get_by_role("tab", name=TEXTS["en"][CrossEntropyView.title_key]).click()
    expect(page.locator(".cross-entropy-gradient canvas").first).to_be_visible()


def assert_shows_numpy(page: Page, y: int) -> dict:
    """Loss, gradient bars, axis and comparison agree with numpy for the sliders' exact inputs."""
    inputs, bars = page.evaluate(INPUTS_JS), page.evaluate(BARS_JS)
    z, tau = inputs["z"], inputs["tau"]
    gradient = sm.cross_entropy_gradient(z, y, tau)
    np.testing.assert_allclose(bars["value"], gradient, rtol=1e-12, atol=1e-300)
    assert bars["name"] == bars["factors"] == output_names("a", len(z))
    assert bars["value"][y] < 0 and min(bars["value"]) == bars["value"][y]
    assert [c == bars["color"][y] for c in bars["color"]] == [j == y for j in range(len(z))]
    assert bars["y"] == [-Y_MARGIN / tau, Y_MARGIN / tau] and max(np.abs(bars["value"])) <= 1 / tau
    loss = sm.cross_entropy(z, y, tau)
    assert math.isfinite(loss) and page.locator(f"{HEADING} b.loss").inner_text() == format_fixed(loss, 3)
    assert bars["label"] == [format_fixed(v, 3, signed=True) for v in gradient]
    shown_gradient = page.locator(f"{COMPARE} b.softmax-gradient").inner_text()
    assert shown_gradient == as_shown(power_html(format_fixed(gradient[y], 3, signed=True)))
    slowdown = page.locator(f"{COMPARE} b.quadratic-gradient").inner_text()
    assert slowdown.startswith("−")  # (σ(z) − 1) σ′(z) < 0 always, and never written as 0
    log_g = quadratic_gradient_log(z[y])  # the numpy reference, in log space: finite where it underflows
    if "×10" in slowdown:  # m×10^e, one decimal of m
        assert shown_log10(slowdown) == pytest.approx(log_g / math.log(10), abs=0.022)
    else:  # three decimals
        assert parse_number(slowdown) == pytest.approx(-math.exp(log_g), abs=5e-4)
    quadratic = quadratic_sigmoid_gradient(z[y])
    if gradient[y] != 0 and quadratic != 0:  # as printed, the two compare as the numbers do
        smaller = abs(parse_number(shown_gradient)) < abs(parse_number(slowdown))
        assert smaller == (abs(gradient[y]) < -quadratic)
    return {"z": z, "tau": tau, "loss": loss}


def test_true_class_and_temperature_drive_loss_and_gradient(page, served_app):
    open_tab(page, served_app)
    expect(page.locator(HEADING)).to_contain_text("C = −ln a₂")  # the book's badly wrong a₂ = 0.009
    shown = assert_shows_numpy(page, 1)
    assert number(page, f"{HEADING} b.a-y") == 0.009
    page.locator(".true-class select").select_option(label="a₃")
    expect(page.locator(HEADING)).to_contain_text("C = −ln a₃")
    assert assert_shows_numpy(page, 2)["loss"] < shown["loss"]  # a₃ = 0.633 is nearly right
    box = page.locator(".tau-input input")
    box.fill("0.5")
    box.press("Enter")
    expect(page.locator(HEADING)).to_contain_text("τ = 0.5")
    assert assert_shows_numpy(page, 2)["tau"] == pytest.approx(0.5, rel=1e-15)
    press_on_slider(page, "k-slider", "Home", 1)  # K = 2: a₃ is gone, so y falls back to a₂
    expect(page.locator(HEADING)).to_contain_text("C = −ln a₂")
    expect(page.locator(".true-class select option")).to_have_count(2)
    assert_shows_numpy(page, 1)


def test_loss_stays_finite_when_the_true_output_underflows(page, served_app):
    open_tab(page, served_app)
    page.get_by_role("button", name="Extreme values (|z| = 1000)").click()
    expect(page.locator(".z-slider-1 .bk-slider-value")).to_have_text("1000.0")
    shown = assert_shows_numpy(page, 1)  # z₂ = −1000 against z₁ = 1000: a₂ = e^−2000 is 0 in float64
    assert sm.softmax(shown["z"])[1] == 0 and shown["loss"] == sm.cross_entropy(shown["z"], 1) > 1999
    power = f"10{-shown['loss'] / math.log(10):.1f}".replace("-", "−")
    assert page.locator(f"{HEADING} b.a-y").inner_text().startswith(power)
    assert "too small for a float" in page.locator(HEADING).inner_text()
    assert page.locator(f"{COMPARE} b.quadratic-gradient").inner_text() == "−5.1×10−435"  # σ(−1000)σ(1000)²
    assert "NaN" not in page.locator(HEADING).inner_text() + page.locator(COMPARE).inner_text()


def test_a_tiny_gradient_is_written_with_its_size_and_sign(page, served_app):
    """y = a₂ is right (z₂ = 5 against −5, τ = 0.5): its gradient −1.2e−8 was written "−0.000" beside the
    sigmoid's −4.4×10⁻⁵, as if it were the larger of the two. Both are written m×10^e."""
    open_app(page, f"{served_app}?view=cross-entropy&z=-5,5,-5,-5&tau=0.5")
    expect(page.locator(".cross-entropy-gradient canvas").first).to_be_visible()
    look_at_tab(page)
    expect(page.locator(HEADING)).to_contain_text("C = −ln a₂")
    assert_shows_numpy(page, 1)  # the first render, at load
    for y in (0, 1):  # after two choices of class
        page.locator(".true-class select").select_option(label=output_names("a", 4)[y])
        expect(page.locator(HEADING)).to_contain_text(f"C = −ln {output_names('a', 4)[y]}")
        assert_shows_numpy(page, y)
    gradient = page.locator(f"{COMPARE} b.softmax-gradient")
    expect(gradient).to_have_text("−1.2×10−8")
    expect(page.locator(f"{COMPARE} b.quadratic-gradient")).to_have_text("−4.4×10−5")
    assert page.evaluate(BARS_JS)["label"] == ["+4.1e−9", "−1.2e−8", "+4.1e−9", "+4.1e−9"]
    text = page.locator(HEADING).inner_text() + page.locator(COMPARE).inner_text()
    assert "0.000" not in text and "-" not in text.replace("cross-entropy", "")


# Where a bar's middle is on the page, to point at it.
BAR_POINT_JS = """(name) => {
  const doc = Bokeh.documents[0];
  const chart = doc.get_model_by_name("cross-entropy-gradient");
  const bars = doc.get_model_by_name("cross-entropy-gradient-bars").data;
  const view = Bokeh.index.find_one(chart);
  const box = view.canvas.primary.canvas.getBoundingClientRect();
  const value = bars.value[Array.from(bars.name).indexOf(name)];
  return {x: box.left + view.frame.x_scale.compute(chart.x_range.synthetic(name)),
          y: box.top + view.frame.y_scale.compute(value / 2)};
}"""


def test_the_tooltip_writes_the_gradient_with_a_minus_sign(page, served_app):
    open_tab(page, served_app)
    page.locator(".cross-entropy-gradient canvas").first.scroll_into_view_if_needed()
    look_at_tab(page)
    point = page.evaluate(BAR_POINT_JS, "a₂")
    page.mouse.move(point["x"], point["y"])
    tooltip = page.locator(".bk-Tooltip").filter(has_text="∂C/∂z").first
    expect(tooltip).to_be_visible()
    inputs = page.evaluate(INPUTS_JS)
    shown = format_number(sm.cross_entropy_gradient(inputs["z"], 1, inputs["tau"])[1], 4)
    expect(tooltip).to_contain_text(shown)  # "−0.9910", not NumeralJS's "-0.9910"
    assert "-" not in tooltip.inner_text()


@pytest.mark.parametrize(("z_y", "text"), [
    (-1.0, "−0.144"), (0.0, "−0.125"), (-10.0, "−4.5×10<sup>−5</sup>"), (-1000.0, "−5.1×10<sup>−435</sup>"),
])
def test_the_slowdown_term_is_printed_even_when_it_underflows(browser, z_y, text):
    """The page's quadraticGradientHtml works in log space: −σ(z)σ(−z)² never prints as 0."""
    script = callback_function("exercises/cross_entropy.js", "quadraticGradientHtml")
    with page_with_script(browser, script) as page:
        assert page.evaluate("(zy) => quadraticGradientHtml(zy)", z_y) == text
    assert shown_log10(as_shown(text)) == pytest.approx(quadratic_gradient_log(z_y) / math.log(10), abs=0.022)


LIVE = (HEADING, COMPARE)


def live_markup(page: Page) -> list[str]:
    return [page.locator(selector).inner_html() for selector in LIVE]


@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
def test_the_first_render_is_what_an_update_writes(page, served_app, lang):
    """One rendering: the markup the page starts with is the markup a change writes."""
    open_app(page, f"{served_app}?view=cross-entropy&lang={lang}&z=-5,5,-5,-5&tau=0.5")
    look_at_tab(page)
    loss = page.locator(f"{HEADING} b.loss")
    expect(loss).to_be_visible()
    first, inputs, first_loss = live_markup(page), page.evaluate(INPUTS_JS), loss.inner_text()
    assert all(first) and "0.000" not in " ".join(first)
    press_on_slider(page, "z-slider-1", "ArrowRight", 1)  # away...
    look_at_tab(page)
    expect(loss).not_to_have_text(first_loss)
    assert live_markup(page) != first
    press_on_slider(page, "z-slider-1", "ArrowLeft", 1)  # ...and back
    look_at_tab(page)
    expect(loss).to_have_text(first_loss)
    assert page.evaluate(INPUTS_JS) == inputs
    assert live_markup(page) == first
    assert_shows_numpy(page, 1)
