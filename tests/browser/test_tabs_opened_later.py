"""An exercise tab opened after the page loaded shows the sliders' current state, the page's theme
and its accessibility. (These were the lazy tabs' tests: the served page no longer builds a tab
when it is opened, it is the same prebuilt page for every visitor (serving/shared_page.py), so
the checks that a tab was not yet built are gone; what a visitor sees is checked as before.)"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from components.model.state import TAU_DEFAULT
from components.words.i18n import TEXTS
from tests.browser.a11y import axe_scan, report
from tests.browser.screen import look_at_tab, open_app, press_on_slider
from tests.browser.test_theme import is_dark
from tests.browser.test_view_jacobian import assert_shows_numpy

EN = TEXTS["en"]


def open_tab(page: Page, title_key: str) -> None:
    page.get_by_role("tab", name=EN[title_key], exact=True).click()
    expect(page.get_by_role("tabpanel", name=EN[title_key], exact=True)).to_be_visible()


def settle(page: Page) -> None:
    page.wait_for_function("() => Bokeh.documents[0].is_idle")


def test_a_tab_opened_after_the_sliders_moved_shows_their_state(served_app: str, page: Page) -> None:
    open_app(page, served_app)
    press_on_slider(page, "z-slider-2", "ArrowRight", 7)
    look_at_tab(page)
    press_on_slider(page, "tau-slider", "ArrowLeft", 20)
    look_at_tab(page)
    press_on_slider(page, "k-slider", "ArrowRight", 2)  # K = 6: two rows more
    look_at_tab(page)
    expect(page.locator(".z-input-2 input")).to_have_value("-0.3")
    open_tab(page, "jacobian.title")
    expect(page.locator(".jacobian-heatmap canvas").first).to_be_visible()
    shown = assert_shows_numpy(page)  # heatmap, table and verdict: numpy's for the moved sliders
    assert len(shown["z"]) == 6 and abs(shown["z"][1] + 0.3) < 1e-9, shown
    assert 0.6 * TAU_DEFAULT < shown["tau"] < 0.65 * TAU_DEFAULT, shown  # 20 steps of 10 ** 0.01 down
    # The same numbers after the browser's next update.
    press_on_slider(page, "z-slider-1", "ArrowLeft", 1)
    look_at_tab(page)
    expect(page.locator(".z-input-1 input")).to_have_value("2.4")
    assert_shows_numpy(page)


def test_a_tab_opened_in_the_dark_theme_is_dark(served_app: str, page: Page) -> None:
    open_app(page, f"{served_app}?theme=dark")
    open_tab(page, "temperature.title")
    plot = page.locator(".temperature-plot canvas").first
    expect(plot).to_be_visible()
    settle(page)
    corner = page.evaluate("""() => {
      const model = Bokeh.documents[0].get_model_by_name("temperature-plot");
      return model.background_fill_color;
    }""")
    assert corner == "#12161b", corner
    pixel = plot.evaluate("(canvas) => Array.from(canvas.getContext('2d').getImageData(2, 2, 1, 1).data)")
    assert is_dark(pixel[:3]), pixel


def test_axe_finds_nothing_serious_in_a_tab_opened_later(served_app: str, page: Page) -> None:
    """The inverse tab has a slider, typed boxes and tables: each named as at load."""
    open_app(page, served_app)
    open_tab(page, "inverse.title")
    handle = page.locator(".inverse-c .noUi-handle")
    expect(handle).to_have_attribute("aria-label", EN["inverse.c_title"])
    settle(page)
    blocking, counts = report(axe_scan(page))
    print("axe violations by impact (tab opened later):", dict(counts))
    assert not blocking, "\n".join(blocking)
