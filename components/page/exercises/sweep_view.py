"""Sweep: every softmax output as one chosen input runs over the slider range.

The book's advice "increase z_4" as a picture: a_i rises monotonically from ~0 to ~1
while every other output falls, and at every point the curves add up to 1. The
curves depend on the other inputs and tau, so the browser computes them, at load and on
every input change (static/js/callbacks/exercises/sweep.js); the chosen input's own value
only moves the marker.
"""

from __future__ import annotations

import numpy as np
from bokeh.layouts import column, row
from bokeh.models import ColumnDataSource, Div, HoverTool, Range1d, Select, Span
from bokeh.plotting import figure

from ...model.state import MAX_K
from ..charts.bar_chart import chart_heading, output_names
from ..context import ViewContext
from ..controls.controls import Z_LIMITS, z_label
from .base import ExerciseView

SWEEP_POINTS = 201
DEFAULT_INPUT = 3  # z_4, as in the book's "increase z_4"
# One colour per output, the same in the curves, the dots and the legend: Okabe-Ito
# (without its yellow, too pale on white) and two of Paul Tol's, all colour-blind safe.
OUTPUT_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00",
                 "#56B4E9", "#7f7f7f", "#AA4499", "#882255", "#44AA99")


def sweep_grid(limit: float) -> np.ndarray:
    """The swept values, -limit..limit, as the browser computes them (sweep.js): the tests' reference."""
    return -limit + (2 * limit * np.arange(SWEEP_POINTS)) / (SWEEP_POINTS - 1)


class SweepView(ExerciseView):
    """A line per output a_j against one swept input z_i, recomputed in the browser."""

    slug = "sweep"
    title_key = "sweep.title"
    css = "sweep.css"

    def __init__(self, context: ViewContext, **params) -> None:
        super().__init__(context, **params)
        texts, state = self.texts, self.state
        index = min(DEFAULT_INPUT, state.k - 1)
        names, z_names = output_names("a", MAX_K), [z_label(j) for j in range(MAX_K)]
        self.select = Select(
            title=texts("sweep.select"), value=str(index + 1), width=180, css_classes=["sweep-input"],
            options=[(str(j + 1), z_names[j]) for j in range(state.k)],
        )
        # Empty until the browser's first render fills them (legend entries come from ``name``).
        self.curves = ColumnDataSource(data={"xs": [], "ys": [], "name": [], "color": [], "width": []},
                                       syncable=False, name="sweep-curves")
        self.current = ColumnDataSource(data={"x": [], "y": [], "name": [], "color": []},
                                        syncable=False, name="sweep-current")
        self.chart = self._chart(state.z_limit, state.active_z[index])
        self.heading = chart_heading("", "sweep-chart")
        self.heading.stylesheets = [self.stylesheet]
        update = context.callback(
            "exercises/sweep.js", select=self.select, curves=self.curves, current=self.current,
            x_range=self.chart.x_range, marker=self.marker, heading=self.heading,
            range_buttons=context.inputs.range_buttons, limits=list(Z_LIMITS), points=SWEEP_POINTS,
            default_input=DEFAULT_INPUT, a_names=names, z_names=z_names, colors=list(OUTPUT_COLORS),
            t=texts.templates("sweep.", "heading_title", "heading_now"),
        )
        context.on_input(update)
        self.select.js_on_change("value", update)
        context.inputs.range_buttons.js_on_change("active", update)
        explanation = Div(text=f"<p>{texts('sweep.explanation')}</p>", sizing_mode="stretch_width",
                          css_classes=["sweep-explanation"], stylesheets=[self.stylesheet])
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
