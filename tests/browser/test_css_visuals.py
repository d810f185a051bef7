"""The charts paint without BokehJS's CSS lookups (components/browser/css_visuals.py) and look the same."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import checked_page
from tests.browser.screen import chart, open_app, press_on_slider

# A course page theming Bokeh's axis labels through a CSS variable, which inherits into
# every shadow root; and its way of asking the app to keep honouring such variables.
RED_AXIS_LABELS = """document.addEventListener("DOMContentLoaded", () => {
  document.documentElement.style.setProperty("--bk-major-label-text-color", "rgb(255, 0, 0)");
});"""
KEEP_CSS_VISUALS = "window.softmaxLabCssVisuals = true"


def charts_after_a_change(browser: Browser, url: str, *scripts: str) -> tuple[bytes, list[float]]:
    """What the two main charts show after z4 moved (a change repaints them), and the a values."""
    with checked_page(browser) as page:
        for script in scripts:
            page.add_init_script(script)
        open_app(page, url)
        before = chart(page, "softmax-chart")["values"]
        press_on_slider(page, "z-slider-4", "ArrowRight", 3)
        page.wait_for_function("(v) => Bokeh.documents[0].get_model_by_name('softmax-chart-bars')"
                               ".data.value[3] > v", arg=before[3])
        return settled_charts(page), chart(page, "softmax-chart")["values"]


def settled_charts(page: Page) -> bytes:
    """Both charts once two screenshots a few frames apart agree (BokehJS repaints asynchronously)."""
    def shot() -> bytes:
        return page.locator(".softmax-chart").screenshot() + page.locator(".sigmoid-chart").screenshot()

    previous = shot()
    for _ in range(20):
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        current = shot()
        if current == previous:
            return current
        previous = current
    raise AssertionError("the charts kept changing")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_skipping_the_css_lookups_changes_no_pixel(browser: Browser, served_app: str, theme: str) -> None:
    url = f"{served_app}?theme={theme}"
    fast, fast_values = charts_after_a_change(browser, url)
    honoured, honoured_values = charts_after_a_change(browser, url, KEEP_CSS_VISUALS)
    assert fast_values == honoured_values
    assert fast == honoured


def test_a_page_can_keep_theming_bokeh_with_css_variables(browser: Browser, served_app: str) -> None:
    plain, _ = charts_after_a_change(browser, served_app)
    red_kept, _ = charts_after_a_change(browser, served_app, RED_AXIS_LABELS, KEEP_CSS_VISUALS)
    red_skipped, _ = charts_after_a_change(browser, served_app, RED_AXIS_LABELS)
    assert red_kept != plain  # Bokeh honours the variable when the page asks for it
    assert red_skipped == plain  # by default the lookups are skipped, so it is not read


# Counts the font-size lookups of BokehJS's plots (PlotView.base_font_size asks getComputedStyle).
COUNT_FONT_LOOKUPS = """window.__fontLookups = 0;
const getComputedStyleOf = window.getComputedStyle;
window.getComputedStyle = function (...args) {
  if (String(new Error().stack).includes("base_font_size")) window.__fontLookups += 1;
  return getComputedStyleOf.apply(this, args);
};"""


def font_lookups_in_a_change(browser: Browser, url: str, *scripts: str) -> int:
    with checked_page(browser) as page:
        for script in (COUNT_FONT_LOOKUPS, *scripts):
            page.add_init_script(script)
        open_app(page, url)
        press_on_slider(page, "z-slider-4", "ArrowLeft", 1)  # each plot has asked once since load
        settled_charts(page)
        page.evaluate("window.__fontLookups = 0")
        charts_now = chart(page, "softmax-chart")["values"]
        press_on_slider(page, "z-slider-4", "ArrowRight", 3)
        page.wait_for_function("(v) => Bokeh.documents[0].get_model_by_name('softmax-chart-bars')"
                               ".data.value[3] > v", arg=charts_now[3])
        settled_charts(page)
        return page.evaluate("window.__fontLookups")


def test_plots_ask_their_font_size_once_not_on_every_paint(browser: Browser, served_app: str) -> None:
    assert font_lookups_in_a_change(browser, served_app, KEEP_CSS_VISUALS) > 0  # BokehJS's own way
    assert font_lookups_in_a_change(browser, served_app) == 0  # asked before, at the same window size
