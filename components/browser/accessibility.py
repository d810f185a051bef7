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
  static/css/layout.css, one sheet per page (``layout_stylesheet``) that ``add_stylesheets``
  attaches to every element of the page.

The browser code is in static/js/callbacks/browser/ (label_slider_handles.js,
unfocusable_charts.js, fit_bar_labels.js, focusable_scroll_boxes.js).
"""

from __future__ import annotations

from collections.abc import Iterable

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

from .browser_js import STATIC_DIR, js_code

LAYOUT_CSS = (STATIC_DIR / "css" / "layout.css").read_text(encoding="utf-8")


def takes_keys(plot: Plot) -> bool:
    """Whether a chart does something for the keyboard: a tool other than an inspector (hover,
    crosshair), such as an edit or select tool, reads keys while its canvas has the focus."""
    return any(not isinstance(tool, InspectTool) for tool in plot.toolbar.tools)


def unfocusable_charts_callback(models: Iterable[Model]) -> CustomJS:
    """Takes the charts among ``models`` that do nothing for the keyboard out of the Tab order,
    once rendered."""
    plots = [model for model in models if isinstance(model, Plot) and not takes_keys(model)]
    return js_code("browser/unfocusable_charts.js", plots=plots)


# Bar charts of K outputs write a value above each bar and a name below it. At a phone's width
# with K = 10 a bar is ~31 px wide and "+0.000" 44 px: the labels ran into each other and the
# first was cut at the frame. static/js/callbacks/browser/fit_bar_labels.js fits each chart's
# labels to the room a bar has (level, upright or smaller; hidden only below MIN_LABEL_PX).
LABEL_GAP_PX = 4  # between neighbouring labels, and between a bar's end and its upright label
LINE_HEIGHT = 1.25  # an upright label's width across, per pixel of font size
MIN_LABEL_PX = 9  # smaller than this, a label is not readable: hidden (hover still tells)
ALIGN_BY_SIGN_JS = 'return Array.from(xs, (v) => (v < 0 ? "right" : "left"));'  # upright: away from 0
OFFSET_BY_SIGN_JS = "return Array.from(xs, (v) => (v < 0 ? -gap : gap));"


def fit_bar_labels(models: Iterable[Model], into: CustomJS | None = None) -> CustomJS | None:
    """Keep the value and name labels of every bar chart among ``models`` (categorical x, numeric
    y) readable at any width (static/js/callbacks/browser/fit_bar_labels.js); other charts are
    left alone (the Jacobian heatmap fits its own). Returns the callback (None: no such chart).
    ``into``: an earlier call's callback, which then fits these charts too, so that a page
    carries the code once (~4 KB a copy in every session's document); only before it is in a
    document."""
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
        into = js_code(
            "browser/fit_bar_labels.js", charts=[], align_by_sign=CustomJSTransform(v_func=ALIGN_BY_SIGN_JS),
            offset_by_sign=CustomJSTransform(v_func=OFFSET_BY_SIGN_JS, args={"gap": LABEL_GAP_PX}),
            gap=LABEL_GAP_PX, line_height=LINE_HEIGHT, min_px=MIN_LABEL_PX,
        )
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


def scroll_boxes_callback(models: Iterable[Model]) -> CustomJS:
    """Makes every Div among ``models`` whose table overflows its box reachable by keyboard,
    once rendered."""
    divs = [model for model in models if isinstance(model, Div)]
    return js_code("browser/focusable_scroll_boxes.js", divs=divs)


def slider_labels_callback(models: Iterable[Model], log_sliders: tuple[Slider, ...] = ()) -> CustomJS:
    """Names the handle of every slider among ``models`` for screen readers once rendered (and
    again whenever a title changes)."""
    sliders = [model for model in models if isinstance(model, Slider)]
    callback = js_code("browser/label_slider_handles.js",
                       sliders=[[slider, slider in log_sliders] for slider in sliders])
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
