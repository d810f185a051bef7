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
from ...words.i18n import Texts
from ...words.number_format import format_number
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


def partition_html(log_z: float, texts: Texts | None = None) -> str:
    """Z = m × 10^e when float64 holds it with full precision, else ≈ e^{ln Z}; never inf or 0."""
    with np.errstate(over="ignore", under="ignore"):
        value = float(np.exp(log_z))
    if math.isfinite(value) and value >= TINIEST_NORMAL:
        mantissa, exponent = f"{value:.{DIGITS - 1}e}".split("e")
        return (f"<span class='z-mantissa'>{mantissa}</span> × 10<sup class='z-exponent'>"
                f"{str(int(exponent)).replace('-', '−')}</sup>")
    texts = texts or Texts()
    where = texts("temperature.above_float" if log_z > 0 else "temperature.below_float")
    return (f"≈ e<sup class='z-log'>{format_number(log_z, DIGITS + 1)}</sup>"
            f"<span class='note'>{texts('temperature.only_log', where=where)}</span>")


def quantities_html(z: Sequence[float], tau: float, texts: Texts | None = None) -> str:
    """The thermodynamic quantities as a table; temperature.js writes the same markup."""
    size = len(z)
    log_z = softmax_math.partition_function_log(z, tau)
    entropy = softmax_math.entropy(z, tau)
    mean = softmax_math.mean_energy(z, tau)
    texts = texts or Texts()
    return _quantities(size, tau, log_z, softmax_math.free_energy(z, tau), mean, entropy,
                       partition_html(log_z, texts), texts)


def _quantities(size: int, tau: float, log_z: float, free: float, mean: float, entropy: float,
                partition: str, texts: Texts) -> str:
    ln_k = math.log(size)

    def line(label: str, css: str, value: str) -> str:
        return f"<tr><th scope='row'>{label}</th><td class='{css}'>{value}</td></tr>"

    return (
        f"<table class='readout thermo'><caption>{texts('temperature.caption')}</caption><tbody>"
        + line("β = 1/τ", "beta", format_number(1 / tau, DIGITS))
        + line("Z = Σ e<sup>−βE<sub>i</sub></sup>", "partition", partition)
        + line("ln Z", "log-partition", format_number(log_z, DIGITS + 1))
        + line("F = −τ ln Z", "free-energy", format_number(free, DIGITS))
        + line("U = Σ a<sub>j</sub>E<sub>j</sub>", "mean-energy", format_number(mean, DIGITS))
        + line("U − τH (= F)", "free-energy-check", format_number(mean - tau * entropy, DIGITS))
        + line(texts("temperature.h_nats"), "entropy-nats", format_number(entropy, DIGITS))
        + line(texts("temperature.h_bits"), "entropy-bits", format_number(entropy / math.log(2), DIGITS))
        + line("0 ≤ H ≤ ln K", "entropy-bounds",
               f"<meter min='0' max='{ln_k:.6f}' value='{entropy:.6f}'></meter>0 ≤ "
               f"{format_number(entropy, DIGITS)} ≤ <span class='ln-k'>{format_number(ln_k, DIGITS)}</span>"
               f"<span class='note'>"
               f"{texts('temperature.units', k=size, bits=format_number(math.log2(size), DIGITS))}</span>")
        + "</tbody></table>"
    )


def heading_html(z: Sequence[float], tau: float, texts: Texts | None = None) -> str:
    """The plot's heading with the two limits in words; temperature.js writes the same markup."""
    texts = texts or Texts()
    peak = max(z)
    winners = [NAMES[j] for j, v in enumerate(z) if v == peak]
    cold = (texts("temperature.cold_one", name=winners[0]) if len(winners) == 1
            else texts("temperature.cold_tied", names=", ".join(winners)))
    return texts("temperature.heading", tau=format_number(tau), cold=cold, hot=format_number(1 / len(z)))


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
        self.heading = Div(text=heading_html(z, tau, texts), syncable=False, sizing_mode="stretch_width",
                           css_classes=["chart-heading", "temperature-heading"], stylesheets=[stylesheet],
                           html_attributes={"aria-live": "off"})
        self.quantities = Div(text=quantities_html(z, tau, texts), syncable=False, width=430,
                              css_classes=["temperature-quantities"], stylesheets=[stylesheet])
        explanation = Div(text=texts("temperature.explanation", mathml=BOLTZMANN_MATHML),
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
