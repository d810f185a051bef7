"""Accessibility in Chromium: axe-core finds no serious or critical violation (served page,
every exercise tab, a notice, the static export), and every control is reached and
operated by keyboard with a visible focus indicator."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from components.page.exercises.registry import EXERCISE_VIEWS
from components.words.i18n import TEXTS
from tests.browser.a11y import assert_focus_follows_reading_order, axe_scan, focusables, report, tab_through
from tests.browser.screen import notice, open_app

EN = TEXTS["en"]
VIEWS = [(view.slug, EN[view.title_key]) for view in EXERCISE_VIEWS]
# buttons, selects, boxes
WITH_INPUTS = {"nonlocality", "sweep", "cross-entropy", "inverse", "decoding", "sampling"}


def settle(page) -> None:
    page.wait_for_function("() => Bokeh.documents[0].is_idle")


def assert_no_blocking_violations(page) -> dict:
    settle(page)
    results = axe_scan(page)
    blocking, counts = report(results)
    print("axe violations by impact:", dict(counts))
    assert not blocking, "\n".join(blocking)
    return results


def test_axe_sees_into_bokehs_shadow_roots_and_finds_nothing_serious(page, served_app):
    open_app(page, served_app)
    results = assert_no_blocking_violations(page)
    # Every model renders in a shadow root: axe's targets for them are paths through the hosts.
    # The slider handles (named for assistive technology) are among the checked nodes.
    named = [node["target"] for rule in results["passes"] if rule["id"] == "aria-input-field-name"
             for node in rule["nodes"]]
    in_shadow = [target for target in named if isinstance(target[0], list) and len(target[0]) > 2]
    assert len(in_shadow) >= 6, named  # z1..z4, tau, K
    assert any(".z-slider-1" in target[0] for target in in_shadow), in_shadow


@pytest.mark.parametrize(("slug", "title"), VIEWS)
def test_every_exercise_tab_has_no_serious_violation(page, served_app, slug, title):
    open_app(page, f"{served_app}?view={slug}&K=10")
    expect(page.get_by_role("tab", name=title, exact=True)).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("tabpanel", name=title, exact=True)).to_be_visible()
    assert_no_blocking_violations(page)


def test_a_page_with_a_notice_has_no_serious_violation(page, served_app):
    open_app(page, f"{served_app}?tau=0&K=99")
    expect(page.locator(".notice .bk-clearfix")).not_to_be_empty()
    assert notice(page)
    assert_no_blocking_violations(page)


def test_the_static_export_has_no_serious_violation(page, exported: Path):
    open_app(page, exported.as_uri())
    assert_no_blocking_violations(page)


def test_accessible_names_of_the_controls(page, served_app):
    open_app(page, served_app)
    for j in range(1, 5):
        expect(page.locator(f".z-slider-{j}").get_by_role("slider")).to_have_accessible_name(f"zᴸ{'₀₁₂₃₄'[j]}")
    tau = page.locator(".tau-slider").get_by_role("slider")
    expect(tau).to_have_accessible_name(EN["controls.tau_title"])
    expect(tau).to_have_attribute("aria-valuetext", "1")  # tau itself, not its log10
    range_group = page.get_by_role("radiogroup", name=EN["controls.range_label"])
    expect(range_group.get_by_role("radio")).to_have_count(2)
    tabs = page.get_by_role("tablist", name=EN["exercises.label"]).get_by_role("tab")
    expect(tabs).to_have_count(len(EXERCISE_VIEWS))


def assert_tab_reaches_everything_visibly(page) -> dict:
    """Tab from the top reaches every focusable element shown, each with a visible focus, in
    reading order and never a chart; returns those elements."""
    shown = focusables(page)
    reached = tab_through(page)
    missed = [item for key, item in shown.items() if key not in reached]
    assert not missed, missed
    invisible = [shown[key] for key, focus in reached.items() if not focus["visible"]]
    assert not invisible, invisible
    assert_focus_follows_reading_order(shown, reached)
    return shown


def test_tab_reaches_every_control_with_a_visible_focus(page, served_app):
    open_app(page, served_app)
    settle(page)
    shown = assert_tab_reaches_everything_visibly(page)
    # The named controls are among them: z handles and boxes, tau, K, range, presets,
    # copy link, and every exercise tab.
    hosts = [item["hosts"] + " " + item["classes"] for item in shown.values()]

    def count(*needles: str) -> int:
        return sum(all(needle in text for needle in needles) for text in hosts)

    for j in range(1, 5):
        assert count(f"z-slider-{j}", "noUi-handle") == 1
        assert count(f"z-input-{j}", "bk-input") == 1
    assert count("tau-slider", "noUi-handle") == 1
    assert count("tau-input", "bk-input") == 1
    assert count("k-slider", "noUi-handle") == 1
    assert count("z-range") == 1  # the checked radio; arrows move within the group
    assert count("preset", "bk-btn") == 5
    assert count("copy-link", "bk-btn") == 1
    assert sum(item["role"] == "tab" for item in shown.values()) == len(VIEWS)


@pytest.mark.parametrize(("slug", "title"), VIEWS)
def test_keyboard_opens_each_exercise_tab_and_reaches_its_inputs(page, served_app, slug, title):
    open_app(page, served_app)
    tab = page.get_by_role("tab", name=title, exact=True)
    tab.focus()
    page.keyboard.press("Enter")
    expect(tab).to_have_attribute("aria-selected", "true")
    panel = page.get_by_role("tabpanel", name=title, exact=True)
    expect(panel).to_be_visible()
    # The server builds a tab's view when it is first opened: walk once it has arrived.
    expect(panel.get_by_text(EN["exercises.loading"])).to_have_count(0)
    settle(page)
    shown = assert_tab_reaches_everything_visibly(page)
    if slug in WITH_INPUTS:  # the panel's own controls are among those reached, after the tabs
        assert any(item["in_panel"] for item in shown.values()), shown


def test_arrow_keys_move_between_tabs_and_range_radios(page, served_app):
    open_app(page, served_app)
    first, second = (page.get_by_role("tab", name=title, exact=True) for _, title in VIEWS[:2])
    first.focus()
    page.keyboard.press("ArrowRight")
    expect(second).to_have_attribute("aria-selected", "true")
    expect(second).to_be_focused()
    page.keyboard.press("Home")
    expect(first).to_have_attribute("aria-selected", "true")

    handle = page.locator(".z-slider-1").get_by_role("slider")
    expect(handle).to_have_attribute("aria-valuemax", "5.0")
    page.get_by_role("radio", checked=True).focus()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("radio", name=EN["controls.range"].format(limit=1000))).to_be_checked()
    expect(handle).to_have_attribute("aria-valuemax", "1000.0")


def test_at_phone_width_nothing_serious_and_the_wide_table_scrolls_by_keyboard(browser, served_app):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    try:
        open_app(page, f"{served_app}?view=jacobian&K=10")
        box = page.locator(".jacobian-table .bk-clearfix")
        expect(box).to_have_attribute("tabindex", "0")  # it overflows its box, so it is a tab stop
        expect(box).to_have_attribute("role", "region")
        assert_no_blocking_violations(page)
        box.focus()
        page.keyboard.press("End")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("(el) => el.scrollLeft > 0", arg=box.element_handle())
    finally:
        context.close()
