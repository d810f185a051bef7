"""The exercise tabs below the fold: what a user reads there always matches the sliders.

While the tabs are out of view a slider change does not redraw the shown tab (the work is
left for when they come into view: components/page/exercises/tabs.py, OFFSCREEN_JS); these tests read
the tab as a user does, scrolled into view, and compare it with numpy for the current sliders,
in the served app (a tab built at load and one built later) and in the static export.
"""

from __future__ import annotations

import numpy as np
import pytest
from playwright.sync_api import Page, expect

from components.model import softmax_math as sm
from components.page.exercises.jacobian_view import JacobianView
from components.words.i18n import TEXTS
from tests.browser.screen import open_app, press_on_slider
from tests.browser.test_view_jacobian import assert_shows_numpy

BOOK_Z = [2.5, -1.0, 3.2, 0.5]
VIEWPORT = {"width": 1280, "height": 900}


def nonlocality_shown(page: Page) -> dict:
    """The Non-locality view's softmax bars as its canvas draws them (values and their bases)."""
    return page.evaluate(
        "() => { const d = Bokeh.documents[0].get_model_by_name('nonlocality-softmax-bars').data;"
        " return {z: Array.from(d.z), value: Array.from(d.value), base: Array.from(d.base)}; }"
    )


def moved_change(page: Page) -> float:
    return float(page.locator(".nonlocality-balance b.moved-change").inner_text().replace("−", "-"))


def tabs_out_of_view(page: Page) -> None:
    """Scroll to the top of the page, where the sliders are: the tabs are then below the fold."""
    page.evaluate("() => window.scrollTo(0, 0)")
    top = page.get_by_role("tablist").bounding_box()["y"]
    assert top > VIEWPORT["height"], f"the tabs are in view (top at {top}): the test shows nothing"


def assert_nonlocality_matches(page: Page, z: list[float], before: list[float]) -> None:
    shown = nonlocality_shown(page)
    np.testing.assert_allclose(shown["z"], z)
    np.testing.assert_allclose(shown["value"], sm.softmax(z), atol=1e-12)
    np.testing.assert_allclose(np.subtract(shown["value"], shown["base"]),
                               sm.softmax(z) - sm.softmax(before), atol=1e-12)


def move_below_the_fold_then_read(page: Page) -> None:
    """Non-locality (the default tab): z4 moved with the tabs out of view, then read in view."""
    tabs_out_of_view(page)
    press_on_slider(page, "z-slider-4", "ArrowRight", 7)
    expect(page.locator(".z-slider-4 .bk-slider-value")).to_have_text("1.2")
    moved = [*BOOK_Z[:3], 1.2]
    page.locator(".nonlocality-balance").scroll_into_view_if_needed()
    expect(page.locator(".nonlocality-balance")).to_contain_text("zᴸ₄")
    assert moved_change(page) == round((sm.softmax(moved) - sm.softmax(BOOK_Z))[3], 3)
    assert_nonlocality_matches(page, moved, BOOK_Z)
    # In view, a slider change shows at once (the tabs stay in view: the handle is too).
    page.evaluate("() => window.scrollTo(0, 0)")
    page.evaluate("(by) => window.scrollBy(0, by)",
                  page.get_by_role("tablist").bounding_box()["y"] - VIEWPORT["height"] + 100)
    expect(page.locator(".z-slider-4 .noUi-handle")).to_be_in_viewport()
    expect(page.get_by_role("tablist")).to_be_in_viewport()
    press_on_slider(page, "z-slider-4", "ArrowLeft", 2)
    again = [*BOOK_Z[:3], 1.0]
    expect(page.locator(".nonlocality-balance b.moved-change")).to_have_text(
        f"{(sm.softmax(again) - sm.softmax(BOOK_Z))[3]:+.3f}".replace("-", "−"))
    assert_nonlocality_matches(page, again, BOOK_Z)


def test_the_shown_tab_moved_below_the_fold_shows_the_sliders_when_scrolled_to(page, served_app):
    open_app(page, served_app)
    move_below_the_fold_then_read(page)


def test_a_tab_built_later_and_moved_below_the_fold_shows_the_sliders(page, served_app):
    """The Monotonicity tab, built by the server when opened: its heatmap after z moves out of view."""
    open_app(page, served_app)
    page.get_by_role("tab", name=TEXTS["en"][JacobianView.title_key]).click()
    expect(page.locator(".jacobian-heatmap canvas").first).to_be_visible()
    min_diag = page.locator(".jacobian-verdict .min-diag")
    previous = min_diag.inner_text()
    tabs_out_of_view(page)
    press_on_slider(page, "z-slider-2", "ArrowRight", 5)  # the smallest input: the smallest a grows
    press_on_slider(page, "tau-slider", "ArrowLeft", 3)
    page.locator(".jacobian-verdict").scroll_into_view_if_needed()
    expect(min_diag).not_to_have_text(previous)
    shown = assert_shows_numpy(page)  # heatmap, colour scale, table and verdict vs numpy
    assert shown["z"][1] == pytest.approx(-0.5) and shown["tau"] < 1


def test_the_static_export_below_the_fold_shows_the_sliders_when_scrolled_to(page, exported):
    open_app(page, exported.as_uri())
    move_below_the_fold_then_read(page)
