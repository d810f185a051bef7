"""Helpers for the accessibility and layout tests: axe-core scans and a look into Bokeh's
shadow roots (every model renders in its own, so document-level queries see nothing)."""

from __future__ import annotations

from collections import Counter

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Frame, Page

AXE = Axe()  # axe-core from the wheel: nothing is fetched
BLOCKING = ("serious", "critical")


def axe_scan(page: Page) -> dict:
    """axe-core's results for the page as it is now (violations and passes)."""
    return AXE.run(page, options={"resultTypes": ["violations", "passes"]}).response


def report(results: dict) -> tuple[list[str], Counter]:
    """(serious and critical violations, one line each with its elements; counts by impact),
    printing every violation so that moderate and minor ones show in the test log."""
    blocking, counts = [], Counter()
    for violation in results["violations"]:
        counts[violation["impact"]] += 1
        targets = [node["target"] for node in violation["nodes"]]
        line = f"{violation['impact']}: {violation['id']} ({violation['help']}) at {targets[:5]}"
        print(line)
        if violation["impact"] in BLOCKING:
            blocking.append(line)
    return blocking, counts


# Every element the keyboard can reach by Tab that is shown now: form controls, buttons and
# anything with a non-negative tabindex (noUiSlider handles, Bokeh's tabs); an unchecked radio
# of a group with a checked one is reached by arrow keys, not Tab. Each is tagged with
# data-focus-id (its order in the composed tree) and described by its hosts' classes, whether
# it is part of a chart (a Bokeh canvas) and whether it is in the shown exercise tab's panel.
FOCUSABLES_JS = """
() => {
  const selector = 'a[href], button, input, select, textarea, [tabindex]';
  const found = [];
  const hosts = (el) => {
    const names = [];
    for (let root = el.getRootNode(); root.host; root = root.host.getRootNode()) {
      names.push(root.host.className);
    }
    return names.join(" < ");
  };
  const walk = (root) => {
    for (const el of root.querySelectorAll("*")) {
      if (el.matches(selector) && !el.disabled && el.tabIndex >= 0
          && el.checkVisibility({visibilityProperty: true})
          && !(el.type === "radio" && !el.checked)) {
        el.dataset.focusId = String(found.length);
        const chain = hosts(el);
        found.push({id: String(found.length), tag: el.tagName.toLowerCase(),
                    role: el.getAttribute("role"), classes: el.className, hosts: chain,
                    text: (el.textContent || "").trim().slice(0, 40),
                    chart: /(^| )bk-Canvas( |$)/.test(chain.split(" < ")[0] ?? ""),
                    in_panel: chain.includes("exercise-view")});
      }
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return found;
}
"""

# The element that has the keyboard's focus, through shadow roots, and whether it shows it.
FOCUSED_JS = """
() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== "none" && style.boxShadow !== "";
  return {id: el.dataset.focusId ?? null, visible: outline || shadow};
}
"""


def focusables(page: Page | Frame) -> dict[str, dict]:
    return {item["id"]: item for item in page.evaluate(FOCUSABLES_JS)}


def tab_through(page: Page, limit: int = 400) -> dict[str, dict]:
    """Press Tab until focus has gone once round the page (past its end, where focus leaves
    the page, and back to the top); what each press focused, by data-focus-id, in the order
    the presses reached them."""
    reached: dict[str, dict] = {}
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_JS)
        if focused is None or focused["id"] is None:
            continue
        if focused["id"] in reached:
            break
        reached[focused["id"]] = focused
    return reached


def assert_focus_follows_reading_order(shown: dict[str, dict], reached: dict[str, dict]) -> None:
    """In the order Tab reached them (``tab_through``): no part of a chart takes the focus (our
    charts do nothing for the keyboard), and the tab list comes before the shown tab's panel,
    which it sits above, right after the controls."""
    order = [shown[key] for key in reached]
    # Tab goes round the page: read the round from the page's first element (the walk may
    # have started at a tab).
    start = min(range(len(order)), key=lambda i: int(order[i]["id"]))
    order = order[start:] + order[:start]
    charts = [item for item in order if item["chart"]]
    assert not charts, charts
    tabs = [i for i, item in enumerate(order) if item["role"] == "tab"]
    panel = [i for i, item in enumerate(order) if item["in_panel"]]
    assert tabs, order
    assert tabs == list(range(tabs[0], tabs[-1] + 1)), [order[i] for i in range(tabs[0], tabs[-1] + 1)]
    assert not panel or panel[0] > tabs[-1], [order[i]["hosts"][-80:] for i in (panel[0], tabs[0])]
    assert panel == list(range(tabs[-1] + 1, tabs[-1] + 1 + len(panel))), "the panel comes right after"
