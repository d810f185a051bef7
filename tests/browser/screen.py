"""Reading the app as a user sees it: text on the page, and what the charts draw."""

from __future__ import annotations

from playwright.sync_api import Page

READY = ".readout-table table.readout"


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    page.locator(READY).wait_for()
    page.locator(".z-slider-1 .noUi-handle").wait_for()


def readout(page: Page) -> dict[str, list[float] | float]:
    """The numbers of the readout table, as printed."""
    table = page.locator(READY)
    rows = table.locator("tbody tr")
    cells = [rows.nth(i).locator("td").all_inner_texts() for i in range(rows.count())]
    return {
        "z": [float(c[0]) for c in cells],
        "a": [float(c[1]) for c in cells],
        "sigma": [float(c[2]) for c in cells],
        "a_total": float(table.locator("td.a-total").inner_text()),
        "sigma_total": float(table.locator("td.s-total").inner_text()),
    }


def notice(page: Page) -> str:
    return page.locator(".notice .bk-clearfix").inner_text()


def chart(page: Page, name: str) -> dict:
    """A chart's heading as shown, and what its canvas draws: bar values and labels (from BokehJS)."""
    bars = page.evaluate(
        """(name) => {
            const data = Bokeh.documents[0].get_model_by_name(name + "-bars").data;
            return {values: Array.from(data.value), labels: Array.from(data.label)};
        }""",
        name,
    )
    return {"title": page.locator(f".{name}-heading .bk-clearfix").inner_text(), **bars}


def press_on_slider(page: Page, css_class: str, key: str, times: int) -> None:
    """Focus a slider's handle and press a key, as a keyboard user does."""
    handle = page.locator(f".{css_class} .noUi-handle")
    handle.focus()
    for _ in range(times):
        handle.press(key)


SETTLED_JS = """() => {
  const tabs = [...Bokeh.documents[0].all_models].find((m) => (m.css_classes ?? []).includes("exercises"));
  return tabs != null && !tabs.__offscreen && !tabs.__pending?.size;
}"""


def look_at_tab(page: Page) -> None:
    """Scroll the exercise tabs into view, as a user does to read a tab: out of view, the shown
    tab waits for the tabs to come back before it follows the sliders (components/page/exercises/tabs.py)."""
    page.get_by_role("tablist").scroll_into_view_if_needed()
    page.wait_for_function(SETTLED_JS)
