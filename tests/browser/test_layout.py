"""The page at a phone's width (375 px, as a window and in an iframe) and at a laptop's
(1280 px): screenshots in artifacts/, and the layout checked by bounding boxes."""

from __future__ import annotations

import pytest
from playwright.sync_api import Frame, Page, expect

from tests.browser.conftest import ROOT
from tests.browser.screen import READY, open_app

ARTIFACTS = ROOT / "artifacts"
# The Jacobian tab at K = 10 has the widest content: a 10×10 heatmap and table.
STATE = "?K=10&view=jacobian"

# Elements that stick out past the right edge of the viewport, unless a box of theirs
# scrolls or clips them (a wide table in its own scroll box is fine).
OVERFLOWING_JS = """
() => {
  const width = document.documentElement.clientWidth;
  const parent = (el) => el.parentElement ?? el.getRootNode().host ?? null;
  const clipped = (el) => {
    for (let box = parent(el); box; box = parent(box)) {
      if (["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(box).overflowX)) return true;
    }
    return false;
  };
  const out = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll("*")) {
      const rect = el.getBoundingClientRect();
      if (rect.width > 0 && rect.height > 0 && (rect.right > width + 1 || rect.left < -1) && !clipped(el)) {
        out.push(`${el.tagName} ${el.className} ${Math.round(rect.left)}..${Math.round(rect.right)}`);
      }
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return out.slice(0, 20);
}
"""

REGIONS = {
    "controls": ".left-column",
    "softmax": ".softmax-chart",
    "sigmoid": ".sigmoid-chart",
    "readout": ".readout-table",
    "exercises": ".exercises",
}


def boxes(page: Page | Frame) -> dict[str, dict]:
    found = {}
    for name, selector in REGIONS.items():
        region = page.locator(selector).first
        expect(region).to_be_visible()
        # In the page's (or the iframe's own) coordinates.
        found[name] = region.evaluate(
            "(el) => { const r = el.getBoundingClientRect();"
            " return {x: r.x, y: r.y, width: r.width, height: r.height}; }"
        )
    return found


def overlap(a: dict, b: dict) -> float:
    dx = min(a["x"] + a["width"], b["x"] + b["width"]) - max(a["x"], b["x"])
    dy = min(a["y"] + a["height"], b["y"] + b["height"]) - max(a["y"], b["y"])
    return max(dx, 0) * max(dy, 0)


def check_layout(page: Page | Frame, width: int) -> dict[str, dict]:
    """What holds at every width: nothing scrolls the page sideways or sticks out, the main
    regions are inside the viewport and do not overlap, the charts have a real width."""
    sizes = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
    assert sizes[0] <= sizes[1] <= width, sizes
    overflowing = page.evaluate(OVERFLOWING_JS)
    assert overflowing == [], overflowing
    regions = boxes(page)
    for name, box in regions.items():
        assert box["x"] >= -1 and box["x"] + box["width"] <= width + 1, (name, box)
    names = list(regions)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert overlap(regions[a], regions[b]) <= 1, (a, b, regions[a], regions[b])
    for chart in ("softmax", "sigmoid"):
        assert regions[chart]["width"] >= min(280, 0.8 * width), (chart, regions[chart])
        assert regions[chart]["height"] >= 200, (chart, regions[chart])
    return regions


def settle(page: Page | Frame) -> None:
    page.wait_for_function("() => Bokeh.documents[0].is_idle")
    # The charts have their final size once the canvas matches its box (ResizeObserver).
    page.wait_for_function("""() => {
        const view = Bokeh.index.find_one?.(Bokeh.documents[0].get_model_by_name("softmax-chart"));
        return view == null || Math.abs(view.el.getBoundingClientRect().width - view.canvas.bbox.width) < 2;
    }""")


def test_phone_width_stacks_everything_in_one_column(browser, served_app):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    try:
        open_app(page, served_app + STATE)
        settle(page)
        page.screenshot(path=str(ARTIFACTS / "layout-375.png"), full_page=True)
        regions = check_layout(page, 375)
        # Controls above the charts, the charts one above the other, then the readout.
        assert regions["controls"]["y"] + regions["controls"]["height"] <= regions["softmax"]["y"] + 1
        assert regions["softmax"]["y"] + regions["softmax"]["height"] <= regions["sigmoid"]["y"] + 1
        assert regions["sigmoid"]["y"] + regions["sigmoid"]["height"] <= regions["readout"]["y"] + 1
        assert regions["controls"]["width"] >= 300
        # The 10×10 table scrolls inside its own box.
        table = page.locator(".jacobian-table table")
        expect(table).to_be_visible()
        scroller = page.locator(".jacobian-table .bk-clearfix")
        assert scroller.evaluate("(el) => el.scrollWidth > el.clientWidth"), "the table fits: no test"
        assert scroller.evaluate("(el) => getComputedStyle(el).overflowX") == "auto"
        # The exercise tabs wrap onto more lines instead of running off the edge.
        tabs = page.get_by_role("tab")
        last = tabs.nth(tabs.count() - 1).bounding_box()
        assert last["x"] + last["width"] <= 376, last
    finally:
        context.close()


def test_laptop_width_keeps_controls_left_and_charts_side_by_side(browser, served_app):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        open_app(page, served_app + STATE)
        settle(page)
        page.screenshot(path=str(ARTIFACTS / "layout-1280.png"), full_page=True)
        regions = check_layout(page, 1280)
        controls, softmax, sigmoid = regions["controls"], regions["softmax"], regions["sigmoid"]
        assert controls["x"] + controls["width"] <= softmax["x"] + 1
        assert abs(softmax["y"] - sigmoid["y"]) <= 2
        assert softmax["x"] + softmax["width"] <= sigmoid["x"] + 1
        assert 380 <= controls["width"] <= 460
    finally:
        context.close()


@pytest.mark.parametrize("view", ["nonlocality", "temperature", "sweep", "cross-entropy", "inverse"])
def test_every_exercise_tab_fits_a_phone(browser, served_app, view):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    try:
        open_app(page, f"{served_app}?K=10&view={view}")
        settle(page)
        page.screenshot(path=str(ARTIFACTS / f"layout-375-{view}.png"), full_page=True)
        check_layout(page, 375)
    finally:
        context.close()


def test_a_375px_iframe_in_a_course_page(browser, served_app):
    """The app in a 375 px wide iframe of a page from its own origin (allowed by default)."""
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    page = context.new_page()
    try:
        page.goto(served_app.replace("/app", "/liveness"))
        page.set_content(
            "<!doctype html><title>course</title><p>Lesson text.</p>"
            f"<iframe src='{served_app}{STATE}' width='375' height='800' title='softmax-lab'></iframe>"
        )
        frame = page.frame_locator("iframe").first
        frame.locator(READY).wait_for()
        inner = next(f for f in page.frames if f.url.startswith(served_app))
        settle(inner)
        page.screenshot(path=str(ARTIFACTS / "layout-375-iframe.png"))
        regions = check_layout(inner, 375)
        assert regions["controls"]["y"] + regions["controls"]["height"] <= regions["softmax"]["y"] + 1
    finally:
        context.close()
