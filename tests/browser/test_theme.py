"""Light and dark themes: chosen by link or by the system, switched by a button, readable in both."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.a11y import axe_scan, report
from tests.browser.conftest import checked_page
from tests.browser.screen import open_app, press_on_slider, readout

# What the page shows, read from the screen: colours are computed styles and canvas pixels.
COLOURS_JS = """
() => {
  const deep = (root, selector) => {  // the first match, looking into every shadow root
    const found = root.querySelector(selector);
    if (found) return found;
    for (const el of root.querySelectorAll("*")) {
      if (el.shadowRoot) { const inner = deep(el.shadowRoot, selector); if (inner) return inner; }
    }
    return null;
  };
  const rgb = (css) => css.match(/[\\d.]+/g).slice(0, 3).map(Number);
  // The page's colour is the first opaque background from <body> up; a browser's canvas is white.
  const opaque = [document.body, document.documentElement]
    .map((el) => getComputedStyle(el).backgroundColor).find((c) => !/rgba\\(.*, 0\\)$/.test(c));
  const box = deep(deep(document, ".z-input-1").shadowRoot, "input");
  const canvasHost = deep(document, ".softmax-chart");
  const canvases = [];
  const collect = (root) => root.querySelectorAll("*").forEach((el) => {
    if (el.tagName === "CANVAS") canvases.push(el);
    if (el.shadowRoot) collect(el.shadowRoot);
  });
  collect(canvasHost.shadowRoot ?? canvasHost);
  // The chart's corner is its border fill: the most opaque layer there is what is seen.
  const pixels = canvases.map((c) => Array.from(c.getContext("2d").getImageData(2, 2, 1, 1).data));
  const corner = pixels.sort((p, q) => q[3] - p[3])[0];
  return {
    page: opaque ? rgb(opaque) : [255, 255, 255],
    lead: rgb(getComputedStyle(deep(document, ".lead")).color),
    heading: rgb(getComputedStyle(deep(document, "h1")).color),
    box: rgb(getComputedStyle(box).backgroundColor),
    boxText: rgb(getComputedStyle(box).color),
    chartCorner: corner.slice(0, 3),
  };
}
"""


def luminance(rgb: list[float]) -> float:
    """WCAG relative luminance of an sRGB colour."""
    channels = [c / 255 for c in rgb]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(fg: list[float], bg: list[float]) -> float:
    high, low = sorted([luminance(fg), luminance(bg)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def is_dark(rgb: list[float]) -> bool:
    return luminance(rgb) < 0.05


def colours(page: Page) -> dict[str, list[float]]:
    page.wait_for_function("() => Bokeh.documents[0].is_idle")
    return page.evaluate(COLOURS_JS)


def assert_readable(shown: dict[str, list[float]]) -> None:
    """Text meets WCAG AA (4.5:1) on its background."""
    assert contrast(shown["lead"], shown["page"]) >= 4.5, shown
    assert contrast(shown["heading"], shown["page"]) >= 4.5, shown
    assert contrast(shown["boxText"], shown["box"]) >= 4.5, shown


def theme_button(page: Page):
    return page.locator(".theme-toggle button")


@pytest.fixture
def dark_system_page(browser: Browser) -> Iterator[Page]:
    """A browser whose system setting prefers dark colours."""
    with checked_page(browser, color_scheme="dark") as page:
        yield page


def test_dark_theme_from_the_link_is_dark_everywhere_and_readable(served_app: str, page: Page) -> None:
    open_app(page, f"{served_app}?theme=dark")
    expect(theme_button(page)).to_have_text("☀ Light theme")
    shown = colours(page)
    assert is_dark(shown["page"]) and is_dark(shown["box"]) and is_dark(shown["chartCorner"]), shown
    assert_readable(shown)
    # The demo itself is unchanged by the theme.
    press_on_slider(page, "z-slider-4", "ArrowRight", 3)
    expect(page.locator(".z-input-4 input")).to_have_value("0.8")
    assert abs(readout(page)["a_total"] - 1) < 1e-9


def test_the_button_switches_both_ways_and_the_link_keeps_it(served_app: str, page: Page) -> None:
    open_app(page, served_app)
    light = colours(page)
    assert not is_dark(light["page"]) and not is_dark(light["chartCorner"]), light
    assert_readable(light)

    theme_button(page).click()
    expect(theme_button(page)).to_have_text("☀ Light theme")
    dark = colours(page)
    assert is_dark(dark["page"]) and is_dark(dark["chartCorner"]), dark
    page.wait_for_function("() => window.location.search.includes('theme=dark')")

    page.reload()
    open_app(page, page.url)
    expect(theme_button(page)).to_have_text("☀ Light theme")
    assert is_dark(colours(page)["chartCorner"])

    theme_button(page).click()
    expect(theme_button(page)).to_have_text("☾ Dark theme")
    assert colours(page) == light  # every colour back as it was, canvas included
    page.wait_for_function("() => window.location.search.includes('theme=light')")


def test_the_system_preference_is_followed_unless_the_link_says_otherwise(
    served_app: str, dark_system_page: Page
) -> None:
    open_app(dark_system_page, served_app)
    assert is_dark(colours(dark_system_page)["chartCorner"])
    open_app(dark_system_page, f"{served_app}?theme=light")
    assert not is_dark(colours(dark_system_page)["page"])


def test_the_static_export_has_the_dark_theme_too(exported: Path, page: Page) -> None:
    open_app(page, f"{exported.as_uri()}?theme=dark")
    shown = colours(page)
    assert is_dark(shown["page"]) and is_dark(shown["chartCorner"]), shown
    assert_readable(shown)


@pytest.mark.parametrize("view", ["nonlocality", "jacobian", "temperature", "inverse", "relatives"])
def test_axe_finds_nothing_serious_in_the_dark_theme(served_app: str, page: Page, view: str) -> None:
    """Colour contrast included: axe checks every text against its computed background."""
    open_app(page, f"{served_app}?theme=dark&view={view}&lang=zh-Hant")
    expect(theme_button(page)).to_have_text("☀ 淺色主題")
    page.wait_for_function("() => Bokeh.documents[0].is_idle")
    blocking, counts = report(axe_scan(page))
    print("axe violations by impact (dark):", dict(counts))
    assert not blocking, "\n".join(blocking)


def link_theme(page: Page) -> str | None:
    return parse_qs(urlparse(page.url).query).get("theme", [None])[0]


@pytest.mark.parametrize("system", ["light", "dark"])
def test_an_unknown_theme_in_the_link_is_explained_and_the_system_theme_is_used(
    browser: Browser, served_app: str, system: str
) -> None:
    """Issue 19, item 11: ?theme=blue was silently ignored. It is explained like every bad link
    value, the page follows the system's setting, and the address bar drops it."""
    with checked_page(browser, color_scheme=system) as page:
        open_app(page, f"{served_app}?theme=blue&z=1,2")
        expect(page.locator(".notice .bk-clearfix")).to_have_text(
            'Link theme: "blue" is not one of dark or light, so the page follows the system\'s setting.')
        expect(theme_button(page)).to_have_text("☀ Light theme" if system == "dark" else "☾ Dark theme")
        assert is_dark(colours(page)["chartCorner"]) == (system == "dark")
        assert readout(page)["z"] == [1.0, 2.0]  # the rest of the link applies
        page.wait_for_url(lambda url: "z=1%2C2" in url and link_theme(page) is None, timeout=5000)


def test_an_unknown_theme_is_explained_in_chinese_too(served_app: str, page: Page) -> None:
    open_app(page, f"{served_app}?theme=%3Cb%3Eblue%3C%2Fb%3E&lang=zh-Hant")
    expect(page.locator(".notice .bk-clearfix")).to_contain_text(
        "連結中的主題：「<b>blue</b>」不是 dark 或 light 之一")
    assert page.locator(".notice b").count() == 0  # quoted, never rendered


def test_a_chosen_theme_stays_in_the_link_and_the_system_one_is_not_written(
    served_app: str, page: Page
) -> None:
    open_app(page, f"{served_app}?theme=light")
    press_on_slider(page, "z-slider-1", "ArrowRight", 1)
    page.wait_for_url(lambda url: "z=2.6" in url, timeout=5000)
    assert link_theme(page) == "light"  # chosen by the link: kept
    open_app(page, served_app)
    press_on_slider(page, "z-slider-1", "ArrowRight", 1)
    page.wait_for_url(lambda url: "z=2.6" in url, timeout=5000)
    assert link_theme(page) is None  # the system's: a link opened elsewhere follows that system
    theme_button(page).click()
    page.wait_for_url(lambda url: link_theme(page) == "dark", timeout=5000)
