"""Sweep: every softmax output as one chosen input runs over the slider range.

The book's advice "increase z_4" as a picture: a_i rises monotonically from ~0 to ~1
while every other output falls, and at every point the curves add up to 1. The
curves depend on the other inputs and tau, so they are recomputed in the browser on
every input change; the chosen input's own value only moves the marker.
"""

from __future__ import annotations

import numpy as np
import panel as pn
from bokeh.layouts import column, row
from bokeh.models import ColumnDataSource, Div, HoverTool, InlineStyleSheet, Range1d, Select, Span
from bokeh.plotting import figure

from ...browser.browser_js import STATIC_DIR, math_callback
from ...model import softmax_math as sm
from ...model.state import MAX_K
from ...words.i18n import DEFAULT_LANGUAGE, TEXTS, Texts
from ...words.number_format import format_fixed, format_number
from ..charts.bar_chart import chart_heading, output_names
from ..controls.controls import Z_LIMITS, Controls, z_label

SWEEP_POINTS = 201
DEFAULT_INPUT = 3  # z_4, as in the book's "increase z_4"
# One colour per output, the same in the curves, the dots and the legend: Okabe-Ito
# (without its yellow, too pale on white) and two of Paul Tol's, all colour-blind safe.
OUTPUT_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00",
                 "#56B4E9", "#7f7f7f", "#AA4499", "#882255", "#44AA99")
# The page's styles and this view's; each view builds its own stylesheet model (a Bokeh model
# belongs to one document, and every session has its own).
VIEW_CSS = (STATIC_DIR / "css" / "app.css").read_text(encoding="utf-8") + """
:host(.sweep-explanation) p { max-width: 60em; color: var(--muted); }
:host(.chart-heading) .sum-check { font-variant-numeric: tabular-nums; }
"""


def sweep_grid(limit: float) -> np.ndarray:
    """The swept values, -limit..limit; the browser computes the same points (UPDATE_JS)."""
    return -limit + (2 * limit * np.arange(SWEEP_POINTS)) / (SWEEP_POINTS - 1)


def sweep_heading(name: str, limit: float, tau: float, value: float, output: str, a_i: float,
                  sum_error: float, texts: Texts | None = None) -> str:
    """Heading HTML for the first render; UPDATE_JS writes the same markup.

    The largest deviation from 1 is "0" when there is none, else its size ("1.1e−16"), not "0.0e+0".
    """
    return (texts or Texts())(
        "sweep.heading", name=name, limit=f"{limit:g}", value=format_fixed(value, 2), output=output,
        a=format_fixed(a_i, 3), tau=f"{float(f'{tau:.3g}'):g}", error=format_number(sum_error, 2),
    )


UPDATE_JS = """
const K = z.length;
const limit = limits[range_buttons.active];
if (select.options.length !== K) select.options = z_names.slice(0, K).map((n, j) => [String(j + 1), n]);
let i = Number(select.value) - 1;
if (!(i >= 0 && i < K)) {
  i = Math.min(K, default_input + 1) - 1;
  select.value = String(i + 1);  // runs this callback again with a valid choice
  return;
}
const n = points;
const x = Array.from({length: n}, (_, r) => -limit + (2 * limit * r) / (n - 1));
const rows = SoftmaxMath.softmaxSweep(z, i, x, tau);
const names = a_names.slice(0, K);
curves.data = {
  xs: names.map(() => x), ys: names.map((_, j) => rows.map((r) => r[j])), name: names,
  color: colors.slice(0, K), width: names.map((_, j) => (j === i ? 4 : 2)),
};
const sumError = Math.max(...rows.map((r) => Math.abs(SoftmaxMath.sum(r) - 1)));
if (x_range.start !== -limit || x_range.end !== limit) x_range.setv({start: -limit, end: limit});
const a = SoftmaxMath.softmax(z, tau);
current.data = {x: names.map(() => z[i]), y: a, name: names, color: colors.slice(0, K)};
if (marker.location !== z[i]) marker.location = z[i];
setHtml(heading, formatText(t.heading, {
  name: z_names[i], limit, value: formatFixed(z[i], 2), output: a_names[i], a: formatFixed(a[i], 3),
  tau: Number(tau.toPrecision(3)), error: formatNumber(sumError, 2)}));
"""


class SweepView(pn.viewable.Viewer):
    """A line per output a_j against one swept input z_i, recomputed in the browser."""

    slug = "sweep"
    title_key = "sweep.title"
    title = TEXTS[DEFAULT_LANGUAGE][title_key]  # default language; each page's own: self.title

    def __init__(self, controls: Controls, **params) -> None:
        super().__init__(**params)
        texts = self.texts = controls.texts
        self.title = texts(self.title_key)
        state = controls.state
        k, limit, z = state.k, state.z_limit, state.active_z
        index = min(DEFAULT_INPUT, k - 1)
        x = sweep_grid(limit)
        rows = sm.softmax_sweep(z, index, x, state.tau)
        a = state.softmax_outputs
        names, z_names = output_names("a", MAX_K), [z_label(j) for j in range(MAX_K)]
        self.select = Select(
            title=texts("sweep.select"), value=str(index + 1), width=180, css_classes=["sweep-input"],
            options=[(str(j + 1), z_names[j]) for j in range(k)],
        )
        self.curves = ColumnDataSource(data={
            "xs": [list(x)] * k, "ys": [list(rows[:, j]) for j in range(k)], "name": names[:k],
            "color": list(OUTPUT_COLORS[:k]), "width": [4 if j == index else 2 for j in range(k)],
        }, syncable=False, name="sweep-curves")
        self.current = ColumnDataSource(data={
            "x": [z[index]] * k, "y": list(a), "name": names[:k], "color": list(OUTPUT_COLORS[:k]),
        }, syncable=False, name="sweep-current")
        self.chart = self._chart(limit, z[index])
        self.heading = chart_heading(sweep_heading(
            z_names[index], limit, state.tau, z[index], names[index], a[index],
            float(np.max(np.abs(rows.sum(axis=1) - 1))), texts,
        ), "sweep-chart")
        stylesheet = InlineStyleSheet(css=VIEW_CSS)
        self.heading.stylesheets = [stylesheet]
        update = math_callback(
            UPDATE_JS, **controls.js_args, select=self.select, curves=self.curves, current=self.current,
            x_range=self.chart.x_range, marker=self.marker, heading=self.heading,
            range_buttons=controls.inputs.range_buttons, limits=list(Z_LIMITS), points=SWEEP_POINTS,
            default_input=DEFAULT_INPUT, a_names=names, z_names=z_names, colors=list(OUTPUT_COLORS),
            t=texts.templates("sweep.", "heading"),
        )
        controls.on_input(update)
        self.select.js_on_change("value", update)
        controls.inputs.range_buttons.js_on_change("active", update)
        explanation = Div(text=texts("sweep.explanation"), sizing_mode="stretch_width",
                          css_classes=["sweep-explanation"], stylesheets=[stylesheet])
        self.model = column(
            row(self.heading, self.select, sizing_mode="stretch_width"), self.chart, explanation,
            sizing_mode="stretch_width",
        )

    def _chart(self, limit: float, value: float) -> figure:
        chart = figure(
            name="sweep-chart", x_range=Range1d(-limit, limit), y_range=Range1d(-0.02, 1.05), height=340,
            toolbar_location=None, tools="", sizing_mode="stretch_width", min_width=320,
            css_classes=["sweep-chart"], x_axis_label=self.texts("sweep.x_axis"),
            y_axis_label=self.texts("sweep.y_axis"),
        )
        chart.x_range.syncable = False
        chart.multi_line(xs="xs", ys="ys", line_color="color", line_width="width", source=self.curves,
                         legend_field="name")
        self.marker = Span(location=value, dimension="height", line_color="#52606d", line_dash="dashed",
                           line_width=1.5, syncable=False)
        chart.add_layout(self.marker)
        dots = chart.scatter(x="x", y="y", size=10, fill_color="color", line_color="#ffffff", line_width=1.5,
                             source=self.current)
        chart.add_tools(HoverTool(renderers=[dots], tooltips=[(self.texts("hover.output"), "@name"),
                                                              (self.texts("hover.value"), "@y{0.0000}")]))
        chart.add_layout(chart.legend[0], "right")
        chart.legend.label_text_font_size = "13px"
        chart.legend.border_line_color = None
        chart.yaxis.ticker = [0, 0.25, 0.5, 0.75, 1]
        return chart

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.pane.Bokeh(self.model, sizing_mode="stretch_width")
