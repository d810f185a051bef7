"""Temperature and the partition function: softmax is the Boltzmann distribution.

With β = 1/τ and energies E_i = −z_i, a_j = e^{−βE_j}/Z where Z = Σ_i e^{−βE_i}. The view
shows Z (as ln Z too: Z itself leaves float64 for large z/τ), the free energy F = −τ ln Z,
the mean energy U, the entropy H with its bounds 0 ≤ H ≤ ln K, and every a_j against τ
on a log axis: one-hot on the largest input as τ → 0, uniform as τ → ∞.

The curves depend on z and K only, so the browser recomputes them (200 temperatures × K
softmaxes) only when those change; moving τ moves the marker, the dots and the numbers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from bokeh.core.properties import field
from bokeh.layouts import column, row
from bokeh.models import (
    ColumnDataSource,
    CustomJSTickFormatter,
    Div,
    FixedTicker,
    HoverTool,
    Legend,
    LegendItem,
    Range1d,
    Span,
)
from bokeh.plotting import figure
from latex2mathml.converter import convert

from ...model import softmax_math
from ...model.state import MAX_K, TAU_MAX, TAU_MIN
from ..charts.bar_chart import output_names
from ..charts.hover import hover_formatter
from ..context import ViewContext
from .base import ExerciseView

CURVE_POINTS = 200
TEMPERATURES = [float(t) for t in np.logspace(math.log10(TAU_MIN), math.log10(TAU_MAX), CURVE_POINTS)]
# Okabe-Ito without its yellow (too pale for a line on white): colour-blind safe. a₁ is the
# softmax chart's blue; a₈..a₁₀ reuse the first colours, dashed, so no two lines look alike.
LINE_COLORS = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#7f7f7f")
COLORS = [LINE_COLORS[j % len(LINE_COLORS)] for j in range(MAX_K)]
DASHES = ["solid" if j < len(LINE_COLORS) else "dashed" for j in range(MAX_K)]
NAMES = output_names("a", MAX_K)
DIGITS = 5
TINIEST_NORMAL = float(np.finfo(np.float64).tiny)  # below this, float64 keeps too few digits of Z

BOLTZMANN_MATHML = convert(
    r"a_j = \frac{e^{-\beta E_j}}{Z}, \quad Z = \sum_i e^{-\beta E_i}", display="block"
)


def curve_columns(z: Sequence[float]) -> dict[str, list]:
    """One line per output over TEMPERATURES; temperature.js computes the same in the browser."""
    size = len(z)
    outputs = np.vstack([softmax_math.softmax(z, t) for t in TEMPERATURES])  # (points, K)
    return {
        "xs": [TEMPERATURES] * size, "ys": [outputs[:, j].tolist() for j in range(size)],
        "name": NAMES[:size], "color": COLORS[:size], "dash": DASHES[:size], "z": [float(v) for v in z],
    }


def dot_columns(a: Sequence[float], tau: float) -> dict[str, list]:
    """The outputs at the current τ, drawn on the marker."""
    return {"tau": [tau] * len(a), "a": [float(v) for v in a], "name": NAMES[: len(a)],
            "color": COLORS[: len(a)]}


class TemperatureView(ExerciseView):
    """Z, ln Z, F, U and H for the current inputs, and every a_j against τ on a log axis."""

    slug = "temperature"
    title_key = "temperature.title"
    css = "temperature.css"

    def __init__(self, context: ViewContext, **params) -> None:
        super().__init__(context, **params)
        texts, state = self.texts, self.state
        z, tau = state.active_z, state.tau
        self.curves = ColumnDataSource(curve_columns(z), syncable=False, name="temperature-curves")
        self.now = ColumnDataSource(dot_columns(state.softmax_outputs, tau), syncable=False,
                                    name="temperature-now")
        self.marker = Span(location=tau, dimension="height", line_dash="dashed", line_color="#52606d",
                           line_width=1.5, syncable=False, name="temperature-marker")
        self.plot = self._plot()
        stylesheet = self.stylesheet
        # The curves and dots start as data; the heading and the table are written by the browser
        # alone (temperature.js, at load and on every change).
        self.heading = Div(text="", syncable=False, sizing_mode="stretch_width",
                           css_classes=["chart-heading", "temperature-heading"], stylesheets=[stylesheet],
                           html_attributes={"aria-live": "off"})
        self.quantities = Div(text="", syncable=False, width=430,
                              css_classes=["temperature-quantities"], stylesheets=[stylesheet])
        # The inner div: the equation's size is set for math inside .explanation (css/views/shared.css).
        words = texts("temperature.explanation", mathml=BOLTZMANN_MATHML)
        explanation = Div(text=f"<div class='explanation'>{words}</div>",
                          sizing_mode="stretch_width", css_classes=["explanation", "temperature-explanation"],
                          stylesheets=[stylesheet])
        context.on_input(context.callback(
            "exercises/temperature.js", curves=self.curves, now=self.now, marker=self.marker,
            quantities=self.quantities, heading=self.heading, taus=TEMPERATURES, names=NAMES,
            colors=COLORS, dashes=DASHES, digits=DIGITS, tiniest_normal=TINIEST_NORMAL,
            t=texts.templates("temperature.", "above_float", "below_float", "only_log", "caption", "h_nats",
                              "h_bits", "units", "cold_one", "cold_tied", "heading"),
        ))
        self.model = column(
            explanation,
            row(column(self.heading, self.plot, sizing_mode="stretch_width"), self.quantities,
                sizing_mode="stretch_width"),
            sizing_mode="stretch_width", css_classes=["temperature-view"],
        )

    def _plot(self) -> figure:
        plot = figure(
            name="temperature-plot", x_axis_type="log", x_range=Range1d(TAU_MIN, TAU_MAX),
            y_range=Range1d(-0.02, 1.02), height=420, min_width=420, sizing_mode="stretch_width",
            toolbar_location=None, tools="", css_classes=["temperature-plot"],
        )
        lines = plot.multi_line(xs="xs", ys="ys", line_color="color", line_dash="dash", line_width=2.5,
                                source=self.curves)
        dots = plot.scatter(x="tau", y="a", size=9, fill_color="color", line_color="#ffffff", source=self.now)
        plot.add_layout(self.marker)
        plot.add_tools(
            # $y is the pointer's height, below 0 under the axis: printed with a minus sign, never "-0.000".
            HoverTool(renderers=[lines], tooltips=[(self.texts("hover.output"), "@name"), ("τ", "$x{0.000}"),
                                                   ("a", "$y{custom}")],
                      formatters={"$y": hover_formatter("formatFixed(value, 3)", self.context.modules)}),
            HoverTool(renderers=[dots], tooltips=[(self.texts("hover.output"), "@name"), ("τ", "@tau{0.000}"),
                                                  ("a", "@a{0.0000}")]),
        )
        plot.add_layout(Legend(items=[LegendItem(label=field("name"), renderers=[lines])],
                               location="top_left", label_text_font_size="13px"), "right")
        # Plain numbers on the τ axis, as on the τ slider, instead of powers of ten.
        plot.xaxis.ticker = FixedTicker(ticks=[0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20], minor_ticks=[])
        plot.xaxis.formatter = CustomJSTickFormatter(code="return String(tick);")
        plot.xaxis.axis_label = self.texts("controls.tau_title")
        plot.yaxis.axis_label = self.texts("temperature.y_axis")
        plot.yaxis.ticker = [0, 0.25, 0.5, 0.75, 1]
        return plot
