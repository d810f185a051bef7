"""What Bokeh 3.9 leaves out for assistive technology and keyboards, added in the browser.

- Slider handles (noUiSlider) are ``role="slider"`` without a name: each gets its slider's
  title as ``aria-label``; a slider that moves in log10 (tau) also says its real value in
  ``aria-valuetext`` (noUiSlider would say the logarithm).
- BokehJS makes every chart's canvas a Tab stop (``tabindex=0`` on its events layer, for
  tools that take keys); our charts have none (hover only), so the stop did nothing but show
  a faint dotted outline: such charts are taken out of the Tab order.
- Focus indicators, the narrow-screen layout and scrolling tables are CSS:
  static/layout.css, attached to the page's models by ``stylesheet_for``.
"""

from __future__ import annotations

from collections.abc import Iterable

from bokeh.document import Document
from bokeh.model import Model
from bokeh.models import CustomJS, Div, InlineStyleSheet, InspectTool, Plot, Slider, UIElement

from components.browser_js import STATIC_DIR

LAYOUT_CSS = (STATIC_DIR / "layout.css").read_text(encoding="utf-8")

# Runs once the views exist (document_ready) and again whenever a title changes. A
# MutationObserver puts aria-valuetext back after noUiSlider rewrites it (it does so on
# every move, after the model's own callbacks have run).
LABEL_SLIDERS_JS = """
for (const [slider, log_scale] of sliders) {
  const view = cb_context?.index?.find_one(slider);
  const handle = view?.shadow_el?.querySelector(".noUi-handle");
  if (handle == null) continue;
  const title = (slider.title || "").trim();
  if (title) handle.setAttribute("aria-label", title);
  if (!log_scale || handle.__valuetext_observer) continue;
  const say = () => {
    const text = String(Number((10 ** slider.value).toPrecision(3)));
    if (handle.getAttribute("aria-valuetext") !== text) handle.setAttribute("aria-valuetext", text);
  };
  handle.__valuetext_observer = new MutationObserver(say);
  handle.__valuetext_observer.observe(handle, {attributes: true, attributeFilter: ["aria-valuetext"]});
  say();
}
"""


# A table wider than its box scrolls inside it (static/layout.css); a keyboard user must be
# able to scroll it too, so while it overflows its box is a named, focusable region (and
# only then: at full width the tables add no tab stops). Overflow is read in a ResizeObserver
# callback, which runs after the frame's layout: reading sizes right after each rewrite of a
# table (a MutationObserver) forced a second layout per slider change.
SCROLL_BOXES_JS = """
for (const div of divs) {
  const view = cb_context?.index?.find_one(div);
  const box = view?.markup_el;
  if (box == null || box.__scroll_observer) continue;
  const check = () => {  // writes only what changed: a write here would restyle the frame
    const table = box.querySelector("table");
    if (table != null && box.scrollWidth > box.clientWidth + 1) {
      const caption = table.querySelector("caption")?.textContent?.trim();
      const wanted = {tabindex: "0", role: "region", ...(caption ? {"aria-label": caption} : {})};
      for (const [name, value] of Object.entries(wanted)) {
        if (box.getAttribute(name) !== value) box.setAttribute(name, value);
      }
    } else if (box.hasAttribute("tabindex")) {
      for (const name of ["tabindex", "role", "aria-label"]) box.removeAttribute(name);
    }
  };
  const sizes = new ResizeObserver(check);
  box.__scroll_observer = sizes;
  // Each update writes a new table: watch the box and the table it holds now (observing
  // also reports the new table's size once, so a rewrite that changes nothing is checked).
  const watch = () => {
    sizes.disconnect();
    sizes.observe(box);
    const table = box.querySelector("table");
    if (table != null) sizes.observe(table);
  };
  new MutationObserver(watch).observe(box, {childList: true});
  watch();
}
"""


# BokehJS 3.9's CanvasView gives its events layer tabIndex 0 so that edit and select tools can
# read keys; a chart with no such tool is left reachable by mouse and touch, not by Tab.
# Runs once the charts are rendered (document_ready, or when a lazy tab's view arrives): the
# layer is made in the canvas view's initialize and kept for the view's life.
UNFOCUSABLE_CHARTS_JS = """
for (const plot of plots) {
  const events = cb_context?.index?.find_one(plot)?.canvas_view?.events_el;
  if (events != null && events.tabIndex !== -1) events.tabIndex = -1;
}
"""


def takes_keys(plot: Plot) -> bool:
    """Whether a chart does something for the keyboard: a tool other than an inspector (hover,
    crosshair), such as an edit or select tool, reads keys while its canvas has the focus."""
    return any(not isinstance(tool, InspectTool) for tool in plot.toolbar.tools)


def unfocusable_charts(document: Document, models: Iterable[Model]) -> None:
    """Take every chart among ``models`` that does nothing for the keyboard out of the Tab
    order, once rendered."""
    document.js_on_event("document_ready", unfocusable_charts_callback(models))


def unfocusable_charts_callback(models: Iterable[Model]) -> CustomJS:
    """What unfocusable_charts runs once the charts among ``models`` are rendered."""
    plots = [model for model in models if isinstance(model, Plot) and not takes_keys(model)]
    return CustomJS(code=UNFOCUSABLE_CHARTS_JS, args={"plots": plots})


def focusable_scroll_boxes(document: Document, models: Iterable[Model]) -> None:
    """Make every Div whose table overflows its box reachable by keyboard, once rendered."""
    document.js_on_event("document_ready", scroll_boxes_callback(models))


def scroll_boxes_callback(models: Iterable[Model]) -> CustomJS:
    """What focusable_scroll_boxes runs once the Divs among ``models`` are rendered."""
    divs = [model for model in models if isinstance(model, Div)]
    return CustomJS(code=SCROLL_BOXES_JS, args={"divs": divs})


def label_slider_handles(
    document: Document, models: Iterable[Model], log_sliders: tuple[Slider, ...] = ()
) -> None:
    """Name every slider handle among ``models`` for screen readers, once it is rendered."""
    document.js_on_event("document_ready", slider_labels_callback(models, log_sliders))


def slider_labels_callback(models: Iterable[Model], log_sliders: tuple[Slider, ...] = ()) -> CustomJS:
    """What label_slider_handles runs once the sliders among ``models`` are rendered (and
    again whenever a title changes)."""
    sliders = [model for model in models if isinstance(model, Slider)]
    callback = CustomJS(code=LABEL_SLIDERS_JS, args={
        "sliders": [[slider, slider in log_sliders] for slider in sliders],
    })
    for slider in sliders:
        slider.js_on_change("title", callback)
    return callback


def layout_stylesheet() -> InlineStyleSheet:
    """static/layout.css (focus rings, narrow screens, scrolling tables), one per page."""
    return InlineStyleSheet(css=LAYOUT_CSS)


def add_stylesheets(models: Iterable[Model], *sheets: InlineStyleSheet) -> None:
    """Attach page-wide sheets to every element: Bokeh renders each in its own shadow root,
    where page CSS cannot reach. The rules select by ``:host(.class)``, so one shared sheet
    serves all. Takes the page's models, collected once (each walk of them costs ~50 ms)."""
    for model in models:
        if isinstance(model, UIElement):
            new = [sheet for sheet in sheets if sheet not in model.stylesheets]
            model.stylesheets = [*model.stylesheets, *new]
