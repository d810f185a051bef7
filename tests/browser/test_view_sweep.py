"""The Sweep tab, driven with keys and the selector: the curves, the marker and the heading vs numpy."""

from __future__ import annotations

import re

import numpy as np
from playwright.sync_api import Page, expect

from components.model import softmax_math as sm
from components.page.charts.bar_chart import output_names
from components.page.exercises.sweep_view import SWEEP_POINTS, SweepView
from components.words.i18n import TEXTS
from components.words.number_format import format_fixed
from tests.browser.screen import look_at_tab, open_app, press_on_slider

# The inputs exactly as the sliders hold them (the readout rounds them), and K and tau.
INPUTS_JS = """() => {
  const models = [...Bokeh.documents[0].all_models];
  const byClass = (name) => models.find((m) => (m.css_classes ?? []).includes(name));
  const k = byClass("k-slider").value;
  return {z: Array.from({length: k}, (_, j) => byClass(`z-slider-${j + 1}`).value),
          tau: 10 ** byClass("tau-slider").value, limit: byClass("z-slider-1").end};
}"""

SWEEP_JS = """() => {
  const doc = Bokeh.documents[0];
  const curves = doc.get_model_by_name("sweep-curves").data;
  const current = doc.get_model_by_name("sweep-current").data;
  const chart = doc.get_model_by_name("sweep-chart");
  return {xs: curves.xs.map((x) => Array.from(x)), ys: curves.ys.map((y) => Array.from(y)),
          names: Array.from(curves.name), dotX: Array.from(current.x), dotY: Array.from(current.y),
          range: [chart.x_range.start, chart.x_range.end]};
}"""

HEADING = ".sweep-chart-heading .bk-clearfix"


def open_tab(page: Page, url: str) -> None:
    open_app(page, url)
    page.get_by_role("tab", name=TEXTS["en"][SweepView.title_key]).click()
    expect(page.locator(".sweep-chart canvas").first).to_be_visible()


def assert_sweep_is_numpy(page: Page, index: int) -> dict:
    """Every curve is numpy's sweep of the sliders' inputs, sums to 1, and a_i rises with z_i."""
    inputs, shown = page.evaluate(INPUTS_JS), page.evaluate(SWEEP_JS)
    z, tau, limit = inputs["z"], inputs["tau"], inputs["limit"]
    x = np.asarray(shown["xs"][0])
    assert len(shown["xs"]) == len(z) and len(x) == SWEEP_POINTS
    assert (x[0], x[-1]) == (-limit, limit) and shown["range"] == [-limit, limit]
    curves = np.asarray(shown["ys"]).T  # one row per swept value
    np.testing.assert_allclose(curves, sm.softmax_sweep(z, index, x, tau), rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(curves.sum(axis=1), 1, atol=1e-14)
    assert np.all(np.diff(curves[:, index]) >= 0)
    assert shown["names"] == output_names("a", len(z))
    assert shown["dotX"] == [z[index]] * len(z)
    np.testing.assert_allclose(shown["dotY"], sm.softmax(z, tau), rtol=1e-12)
    name, a_i = output_names("a", index + 1)[index], sm.softmax(z, tau)[index]
    expected = f"= {format_fixed(z[index], 2)}, {name} = {format_fixed(a_i, 3)}"  # "−1.00", not "-1.00"
    assert expected in page.locator(HEADING).inner_text()
    return inputs


def test_curves_follow_the_other_inputs_and_the_marker_follows_z4(page, served_app):
    open_tab(page, served_app)
    assert "sweeps from −5 to 5" in page.locator(HEADING).inner_text()
    assert_sweep_is_numpy(page, 3)
    press_on_slider(page, "z-slider-1", "ArrowLeft", 5)  # reshapes every curve
    look_at_tab(page)
    expect(page.locator(HEADING)).to_contain_text("zᴸ₄ = 0.50")
    assert assert_sweep_is_numpy(page, 3)["z"][0] == 2.0
    press_on_slider(page, "z-slider-4", "ArrowRight", 3)  # moves the marker along the curves
    look_at_tab(page)
    expect(page.locator(HEADING)).to_contain_text("zᴸ₄ = 0.80")
    assert_sweep_is_numpy(page, 3)


def test_selector_k_and_range_change_the_sweep(page, served_app):
    open_tab(page, served_app)
    page.locator(".sweep-input select").select_option(label="zᴸ₁")
    expect(page.locator(HEADING)).to_contain_text("as zᴸ₁ sweeps")
    assert_sweep_is_numpy(page, 0)
    page.locator(".sweep-input select").select_option(label="zᴸ₃")
    press_on_slider(page, "k-slider", "Home", 1)  # K = 2: z₃ is gone, so the sweep falls back to z₂
    look_at_tab(page)
    expect(page.locator(HEADING)).to_contain_text("as zᴸ₂ sweeps")
    expect(page.locator(".sweep-input select option")).to_have_count(2)
    assert_sweep_is_numpy(page, 1)
    page.locator(".z-range").get_by_text("z from −1000 to 1000").click()
    expect(page.locator(HEADING)).to_contain_text("sweeps from −1000 to 1000")
    assert_sweep_is_numpy(page, 1)


def test_the_heading_says_0_for_no_deviation_and_writes_a_real_minus(page, served_app):
    """Two outputs at τ = 0.5, z = (5, −5): every swept point sums to exactly 1 in the browser, which
    the heading wrote "0.0e+0"; z₂ = −5 was "-5.00", with a hyphen where the page writes "−"."""
    open_tab(page, f"{served_app}?z=5,-5&range=1000&tau=0.5")
    look_at_tab(page)
    check = page.locator(f"{HEADING} .sum-check")
    for name, shown in (("zᴸ₁", "5.00"), ("zᴸ₂", "−5.00")):  # the browser writes the heading
        page.locator(".sweep-input select").select_option(label=name)
        expect(page.locator(HEADING)).to_contain_text(f"as {name} sweeps")
        expect(page.locator(f"{HEADING} b.current-z")).to_have_text(shown)
        expect(check).to_have_text("0")
    open_tab(page, served_app)  # the book's values: a deviation of a few 1e−16, written as such
    look_at_tab(page)
    press_on_slider(page, "z-slider-2", "ArrowRight", 1)
    look_at_tab(page)
    expect(page.locator(HEADING)).to_contain_text("zᴸ₄ = 0.50")
    assert re.fullmatch(r"0|\d\.\de−1[5-7]", check.inner_text()), check.inner_text()
    assert "-" not in page.locator(HEADING).inner_text()


def test_the_first_render_is_numpy(page, served_app):
    """A link straight to the tab: the browser draws the sweep of z₄ at load."""
    z = [2.5, -1.0, 3.2, 0.5, 1.0]
    open_app(page, f"{served_app}?K=5&z={','.join(map(str, z))}&tau=0.7&view={SweepView.slug}")
    expect(page.locator(f"{HEADING} b.current-a")).to_be_attached()
    assert assert_sweep_is_numpy(page, 3)["z"] == z
    curves = page.evaluate("""() => {
      const d = Bokeh.documents[0].get_model_by_name("sweep-curves").data;
      return {width: Array.from(d.width), color: Array.from(d.color)};
    }""")
    assert curves["width"] == [2, 2, 2, 4, 2] and len(set(curves["color"])) == 5  # z₄'s own output thicker
    expect(page.locator(f"{HEADING} b.current-a")).to_have_text(f"{sm.softmax(z, 0.7)[3]:.3f}")
    expect(page.locator(f"{HEADING} .swept")).to_have_text("zᴸ₄")
