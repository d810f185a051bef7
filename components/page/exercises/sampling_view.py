"""Sampling: drawing from a = softmax(z/tau), counted and set beside what is expected.

Draw adds 1 to 10 000 draws; the counts of each output stand beside N a_j with a band of
+-2 standard errors, sqrt(N a_j (1 - a_j)), and the total variation between the frequencies
and a shrinks like 1/sqrt(N). The draws are a function of the seed, z, tau and how many were
drawn (the first N uniforms of Mulberry32(seed)), so a slider change redraws the same N from the
new a and numpy's sampling.draw gives the very same counts; N is in the link too (?drawn=). A
switch draws by Gumbel-max instead, argmax_j ((z_j - max z)/tau + g_j), and shows the first
draw's perturbed scores. Everything runs in the browser (static/js/callbacks/exercises/sampling.js).
"""

from __future__ import annotations

from bokeh.layouts import column, row
from bokeh.models import (
    BasicTicker,
    Button,
    ColumnDataSource,
    CustomJSTickFormatter,
    Div,
    FactorRange,
    NumericInput,
    RadioButtonGroup,
    Range1d,
)
from bokeh.plotting import figure

from ...model.state import MAX_K
from ..charts.bar_chart import output_names
from ..context import ViewContext
from .base import ExerciseView

COUNTS = (1, 10, 100, 1000, 10_000)  # the draws one press of Draw adds
DEFAULT_COUNT = 2  # 100
MAX_DRAWN = 100_000  # draws kept in all: every input change redraws them (~10 ms at this size)
SEED_LOW, SEED_HIGH, DEFAULT_SEED = 0, 2**32 - 1, 1
METHODS = ("cdf", "gumbel")  # the link's words for the two ways to draw
COUNT_COLOR, BAND_COLOR, EXPECTED_COLOR = "#0072B2", "#E69F00", "#D55E00"  # Okabe-Ito: bars, band, mark
BAND_ALPHA = 0.3


class SamplingView(ExerciseView):
    """Counts of seeded draws from softmax(z/tau) against N a_j +- 2 standard errors."""

    slug = "sampling"
    title_key = "sampling.title"
    css = "sampling.css"

    def __init__(self, context: ViewContext, **params) -> None:
        super().__init__(context, **params)
        texts = self.texts
        names = output_names("a", MAX_K)
        self.count = RadioButtonGroup(labels=[f"{n:,}".replace(",", "\u202f") for n in COUNTS],
                                      active=DEFAULT_COUNT, css_classes=["sampling-count"])
        count_title = Div(text=texts("sampling.count_title"), css_classes=["sampling-count-title"])
        # No low/high on the box: BokehJS would clamp a typed -3 silently; sampling.js says why it
        # corrects a seed out of range (as the link does).
        self.seed = NumericInput(value=DEFAULT_SEED, mode="int", width=150,
                                 title=texts("sampling.seed"), css_classes=["sampling-seed"])
        self.method = RadioButtonGroup(labels=[texts("sampling.method_cdf"), texts("sampling.method_gumbel")],
                                       active=0, css_classes=["sampling-method"])
        self.in_link(self.seed, "seed", low=SEED_LOW, high=SEED_HIGH, integer=True)
        self.in_link(self.count, "count", prop="active", kind="choice", choices=[str(n) for n in COUNTS])
        self.in_link(self.method, "method", prop="active", kind="choice", choices=list(METHODS))
        # N, how many were drawn, in a box never shown: the link carries it (?drawn=), so a copied
        # link replays the same N draws from its seed. Draw and Reset set it (sampling.js).
        self.drawn = NumericInput(value=0, mode="int", visible=False, name="sampling-drawn", syncable=False)
        self.in_link(self.drawn, "drawn", low=0, high=MAX_DRAWN, integer=True)
        self.draw_button = Button(label=texts("sampling.draw"), button_type="primary",
                                  css_classes=["sampling-draw"])
        self.reset_button = Button(label=texts("sampling.reset"), css_classes=["sampling-reset"])
        # One source for the bars, the expected marks and the bands; empty until the browser fills it.
        self.source = ColumnDataSource(data={"name": [], "count": [], "expected": [], "low": [], "high": []},
                                       syncable=False, name="sampling-counts")
        self.chart = self._chart()
        def div(css: str, text: str = "", **extra) -> Div:
            return Div(text=text, syncable=False, css_classes=[css], sizing_mode="stretch_width",
                       stylesheets=[self.stylesheet], **extra)

        self.summary = div("sampling-summary", html_attributes={"role": "status", "aria-live": "polite"})
        self.table, self.gumbel = div("sampling-table"), div("sampling-gumbel")
        explanation = div("sampling-explanation", f"<p>{texts('sampling.explanation')}</p>")
        # The chart's legend as fixed HTML beside it, not a BokehJS Legend: that one rebuilds its
        # items' DOM and canvases at every repaint (~5 ms of each Draw's frame).
        band = f"rgba({', '.join(str(int(BAND_COLOR[i:i + 2], 16)) for i in (1, 3, 5))}, {BAND_ALPHA})"
        keys = ((f"background: {COUNT_COLOR}", "sampling.legend_count"),
                (f"background: {band}; border: 1px solid {BAND_COLOR}", "sampling.legend_band"),
                (f"background: {EXPECTED_COLOR}; height: 3px", "sampling.legend_expected"))
        legend = div("sampling-legend", "<p class='legend'>" + "".join(
            f"<span class='key'><span class='swatch' style='{style}'></span>{texts(key)}</span>"
            for style, key in keys) + "</p>")
        update = context.callback(
            "exercises/sampling.js", source=self.source, chart=self.chart, summary=self.summary,
            table=self.table, gumbel=self.gumbel, seed=self.seed, count=self.count, method=self.method,
            draw_button=self.draw_button, reset_button=self.reset_button, drawn_box=self.drawn,
            counts=list(COUNTS), max_drawn=MAX_DRAWN, a_names=names, seed_low=SEED_LOW, seed_high=SEED_HIGH,
            default_seed=DEFAULT_SEED,
            t=texts.templates("sampling.", "summary_none", "summary", "tv", "limit", "seed_bad", "caption",
                              "col_output", "col_a", "col_count", "col_expected", "col_band", "col_shifted",
                              "col_g", "col_score", "gumbel_heading", "gumbel_winner", "method_cdf",
                              "method_gumbel"),
        )
        context.on_input(update)
        for widget in (self.seed, self.method, self.drawn):
            widget.js_on_change("active" if widget is self.method else "value", update)
        for button in (self.draw_button, self.reset_button):
            button.js_on_event("button_click", update)
        controls = row(count_title, self.count, self.draw_button, self.reset_button, self.seed, self.method,
                       css_classes=["sampling-controls"], sizing_mode="stretch_width",
                       styles={"flex-wrap": "wrap", "gap": "8px", "align-items": "flex-end"})
        self.model = column(controls, self.summary, legend, self.chart, self.table, self.gumbel, explanation,
                            sizing_mode="stretch_width")

    def _chart(self) -> figure:
        texts = self.texts
        chart = figure(
            name="sampling-chart", x_range=FactorRange(factors=output_names("a", self.state.k)),
            y_range=Range1d(0, 1), height=300, toolbar_location=None, tools="", sizing_mode="stretch_width",
            min_width=300, css_classes=["sampling-chart"], x_axis_label=texts("sampling.x_axis"),
            y_axis_label=texts("sampling.y_axis"),
        )
        chart.x_range.syncable = chart.y_range.syncable = False
        chart.vbar(x="name", top="count", width=0.6, source=self.source, fill_color=COUNT_COLOR,
                   line_color=None)
        chart.vbar(x="name", bottom="low", top="high", width=0.85, source=self.source, fill_color=BAND_COLOR,
                   fill_alpha=BAND_ALPHA, line_color=BAND_COLOR)
        chart.scatter(x="name", y="expected", marker="dash", size=28, line_width=3, line_color=EXPECTED_COLOR,
                      source=self.source)
        chart.xgrid.grid_line_color = None
        # A y axis of one width for every N: whole-number ticks, in a monospace font, padded to the
        # digits of the largest count the chart can show. A label one digit wider would change the
        # axis's width, and BokehJS then re-lays out the plot in the frame of the Draw (~20 ms,
        # more than the frame: benchmarks/sampling_frame.py).
        chart.yaxis.ticker = BasicTicker(min_interval=1)
        chart.yaxis.formatter = CustomJSTickFormatter(args={"digits": len(str(2 * MAX_DRAWN))},
                                                      code="return tick.toFixed(0).padStart(digits);")
        chart.yaxis.major_label_text_font = "monospace"
        return chart
