"""What Bokeh 3.9 leaves out for assistive technology and keyboards, added in the browser.

- Slider handles (noUiSlider) are ``role="slider"`` without a name: each gets its slider's
  title as ``aria-label``; a slider that moves in log10 (tau) also says its real value in
  ``aria-valuetext`` (noUiSlider would say the logarithm).
- BokehJS makes every chart's canvas a Tab stop (``tabindex=0`` on its events layer, for
  tools that take keys); our charts have none (hover only), so the stop did nothing but show
  a faint dotted outline: such charts are taken out of the Tab order.
- Bar charts keep their labels readable at any width (fit_bar_labels): at a phone's width
  with ten bars, upright or smaller instead of running into each other.
- Focus indicators, the narrow-screen layout and scrolling tables are CSS:
  static/css/layout.css, attached to the page's models by ``stylesheet_for``.
"""

from __future__ import annotations

from collections.abc import Iterable

from bokeh.document import Document
from bokeh.model import Model
from bokeh.models import (
    CategoricalAxis,
    CustomJS,
    CustomJSTransform,
    Div,
    FactorRange,
    InlineStyleSheet,
    InspectTool,
    LabelSet,
    Plot,
    Range1d,
    Slider,
    UIElement,
)

from .browser_js import STATIC_DIR

LAYOUT_CSS = (STATIC_DIR / "css" / "layout.css").read_text(encoding="utf-8")

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


# A table wider than its box scrolls inside it (static/css/layout.css); a keyboard user must be
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


# Bar charts of K outputs write a value above each bar and a name below it. At a phone's width
# with K = 10 a bar is ~31 px wide and "+0.000" 44 px: the labels ran into each other and the
# first was cut at the frame. Each chart's labels are fitted to the room a bar has: level as
# drawn while they fit; else upright (one line's height across, however long), growing from
# the bar's end away from the axis (down for a negative bar), shrunk to fit if a line is still
# too tall, hidden only below MIN_LABEL_PX; names below the bars go upright when they do not
# fit. Upright labels need room beyond the tallest bar: a Range1d y axis is widened just
# enough (and given back once they are level again), after whatever the view set it to.
# Runs when the chart's size, its outputs (x factors), its labels' data or its y range
# change, writing only what differs, so that its own writes end there.
FIT_BAR_LABELS_JS = """
const value = (p) => (p != null && typeof p === "object" && "value" in p ? p.value : p);
const ctx = (charts[0][0].__fit_ctx ??= document.createElement("canvas").getContext("2d"));  // to measure
const widths = (font, texts) => {
  ctx.font = font;
  return texts.map((t) => ctx.measureText(String(t)).width);
};
for (const [plot, label_sets, axes, headroom] of charts) {
  const n = plot.x_range.factors.length;
  const [width, height] = [plot.inner_width, plot.inner_height];
  if (!(width > 0) || !(height > 0) || n === 0) continue;  // not laid out (a hidden tab)
  const spacing = width / n;
  const needs = [];  // [value, pixels beyond it] of every upright label
  for (const labels of label_sets) {
    const level = (labels.__level ??= {angle: labels.angle, text_align: labels.text_align,
      text_baseline: labels.text_baseline, y_offset: labels.y_offset, text_font_size: labels.text_font_size});
    const size = parseFloat(value(level.text_font_size));
    const font = (px) => `${value(labels.text_font_style)} ${px}px ${value(labels.text_font)}`;
    const texts = Array.from(labels.source.data[labels.text.field] ?? []);
    const ys = Array.from(labels.source.data[labels.y.field] ?? []);
    const upright_px = Math.min(size, Math.floor((spacing - gap) / line_height));
    const mode = Math.max(0, ...widths(font(size), texts)) + gap <= spacing ? "level"
      : upright_px >= min_px ? `upright ${upright_px}` : "hidden";
    if ((labels.__mode ?? "level") !== mode) {
      if (mode.startsWith("upright")) {
        labels.setv({angle: Math.PI / 2, text_baseline: "middle", text_font_size: `${upright_px}px`,
                     text_align: {field: labels.y.field, transform: align_by_sign},
                     y_offset: {field: labels.y.field, transform: offset_by_sign}, visible: true});
      } else {
        labels.setv({...level, visible: mode === "level"});
      }
      labels.__mode = mode;
    }
    if (mode.startsWith("upright")) {
      widths(font(upright_px), texts).forEach((w, i) => {
        if (Number.isFinite(ys[i])) needs.push([ys[i], w + gap + 3]);
      });
    }
  }
  for (const axis of axes) {
    const level = (axis.__level ??= axis.major_label_orientation);
    const font = `${value(axis.major_label_text_font_style)} ${value(axis.major_label_text_font_size)} ` +
      value(axis.major_label_text_font);
    const fits = Math.max(0, ...widths(font, plot.x_range.factors)) + gap <= spacing;
    const orientation = fits ? level : "vertical";
    if (axis.major_label_orientation !== orientation) axis.major_label_orientation = orientation;
  }
  if (headroom) {
    const range = plot.y_range;
    const written = range.__fit_written;
    if (written == null || range.start !== written.start || range.end !== written.end) {
      range.__fit_base = {start: range.start, end: range.end};  // as the view has set it
    }
    let {start, end} = range.__fit_base;
    for (let round = 0; round < 12 && needs.length; round++) {  // converges: each label is < the height
      const per_px = (end - start) / height;
      for (const [v, px] of needs) {
        if (v >= 0) end = Math.max(end, v + px * per_px);
        else start = Math.min(start, v - px * per_px);
      }
    }
    if (range.start !== start || range.end !== end) range.setv({start, end});
    range.__fit_written = needs.length ? {start: range.start, end: range.end} : null;
  }
}
"""
LABEL_GAP_PX = 4  # between neighbouring labels, and between a bar's end and its upright label
LINE_HEIGHT = 1.25  # an upright label's width across, per pixel of font size
MIN_LABEL_PX = 9  # smaller than this, a label is not readable: hidden (hover still tells)
ALIGN_BY_SIGN_JS = 'return Array.from(xs, (v) => (v < 0 ? "right" : "left"));'  # upright: away from 0
OFFSET_BY_SIGN_JS = "return Array.from(xs, (v) => (v < 0 ? -gap : gap));"


def fit_bar_labels(models: Iterable[Model], into: CustomJS | None = None) -> CustomJS | None:
    """Keep the value and name labels of every bar chart among ``models`` (categorical x, numeric
    y) readable at any width (FIT_BAR_LABELS_JS); other charts are left alone (the Jacobian
    heatmap fits its own). Returns the callback (None: no such chart). ``into``: an earlier
    call's callback, which then fits these charts too, so that a page carries the code once
    (~4 KB a copy in every session's document); only before it is in a document."""
    charts = []
    for plot in models:
        if not isinstance(plot, Plot) or not isinstance(plot.x_range, FactorRange) \
                or isinstance(plot.y_range, FactorRange):
            continue
        label_sets = [item for item in plot.center if isinstance(item, LabelSet)]
        axes = [axis for axis in [*plot.below, *plot.above] if isinstance(axis, CategoricalAxis)]
        if label_sets or axes:
            charts.append([plot, label_sets, axes, isinstance(plot.y_range, Range1d)])
    if not charts:
        return into
    if into is None:
        into = CustomJS(code=FIT_BAR_LABELS_JS, args={
            "charts": [], "align_by_sign": CustomJSTransform(v_func=ALIGN_BY_SIGN_JS),
            "offset_by_sign": CustomJSTransform(v_func=OFFSET_BY_SIGN_JS, args={"gap": LABEL_GAP_PX}),
            "gap": LABEL_GAP_PX, "line_height": LINE_HEIGHT, "min_px": MIN_LABEL_PX,
        })
    into.args = {**into.args, "charts": [*into.args["charts"], *charts]}
    for plot, label_sets, _axes, headroom in charts:
        plot.js_on_change("inner_width", into)
        plot.js_on_change("inner_height", into)
        plot.x_range.js_on_change("factors", into)
        for source in {id(labels.source): labels.source for labels in label_sets}.values():
            source.js_on_change("data", into)
        if headroom:  # the view may set the range: fitted again after it
            plot.y_range.js_on_change("start", into)
            plot.y_range.js_on_change("end", into)
    return into


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
    """static/css/layout.css (focus rings, narrow screens, scrolling tables), one per page."""
    return InlineStyleSheet(css=LAYOUT_CSS)


def add_stylesheets(models: Iterable[Model], *sheets: InlineStyleSheet) -> None:
    """Attach page-wide sheets to every element: Bokeh renders each in its own shadow root,
    where page CSS cannot reach. The rules select by ``:host(.class)``, so one shared sheet
    serves all. Takes the page's models, collected once (each walk of them costs ~50 ms)."""
    for model in models:
        if isinstance(model, UIElement):
            new = [sheet for sheet in sheets if sheet not in model.stylesheets]
            model.stylesheets = [*model.stylesheets, *new]
