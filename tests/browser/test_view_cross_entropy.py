"""The Cross-entropy tab: choose the true class, read the loss, the gradient bars and the comparison."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from playwright.sync_api import Page, expect

from components import softmax_math as sm
from components.bar_chart import output_names
from components.cross_entropy_view import Y_MARGIN, CrossEntropyView, quadratic_gradient_html
from tests.browser.screen import open_app, press_on_slider
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
    return float(page.locator(selector).inner_text().replace("−", "-"))


def open_tab(page: Page, url: str) -> None:
    open_app(page, url)
    page.get_by_role("tab", name=CrossEntropyView.title).click()
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
    assert math.isfinite(loss) and number(page, f"{HEADING} b.loss") == round(loss, 3)
    assert number(page, f"{COMPARE} b.softmax-gradient") == round(gradient[y], 3)
    slowdown = re.sub("<[^>]+>", "", quadratic_gradient_html(z[y]))  # as printed, without the markup
    assert page.locator(f"{COMPARE} b.quadratic-gradient").inner_text() == slowdown
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
    expect(page.locator(".z-slider-1 .bk-slider-value")).to_have_text("1000")
    shown = assert_shows_numpy(page, 1)  # z₂ = −1000 against z₁ = 1000: a₂ = e^−2000 is 0 in float64
    assert sm.softmax(shown["z"])[1] == 0 and shown["loss"] == sm.cross_entropy(shown["z"], 1) > 1999
    power = f"10{-shown['loss'] / math.log(10):.1f}".replace("-", "−")
    assert page.locator(f"{HEADING} b.a-y").inner_text().startswith(power)
    assert "too small for a float" in page.locator(HEADING).inner_text()
    assert page.locator(f"{COMPARE} b.quadratic-gradient").inner_text() == "−5.1×10−435"  # σ(−1000)σ(1000)²
    assert "NaN" not in page.locator(HEADING).inner_text() + page.locator(COMPARE).inner_text()
