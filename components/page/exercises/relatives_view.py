"""Softmax and its relatives: the same z / tau through softmax, hardmax, sparsemax, 1.5-entmax and
log-softmax (issue 16), with each mapping's exact zeros and entropy, and sparsemax's Jacobian
beside softmax's.

Lean on purpose (the offline file has a size budget): one ColumnDataSource holds every mapping's
column, the four probability charts share one x range and one y range, and the numbers are HTML
tables the browser writes (static/js/callbacks/exercises/relatives.js), at load and on every change.
"""

from __future__ import annotations

from bokeh.layouts import column, row
from bokeh.models import ColumnDataSource, Div, FactorRange, Range1d
from bokeh.plotting import figure

from ...model.state import MAX_K
from ..charts.bar_chart import output_names
from ..context import ViewContext
from ..controls.controls import z_label
from .base import ExerciseView

# The mappings in the order of the charts and the table's columns: (source column, words key, colour).
MAPPINGS = (("softmax", "relatives.softmax", "#0072B2"), ("hardmax", "relatives.hardmax", "#7f7f7f"),
            ("sparsemax", "relatives.sparsemax", "#D55E00"), ("entmax", "relatives.entmax", "#009E73"),
            ("log", "relatives.log_softmax", "#CC79A7"))


class RelativesView(ExerciseView):
    """A bar chart per mapping of the page's z / tau, a table of their values, zeros and entropies,
    and the sparsemax and softmax Jacobians."""

    slug = "relatives"
    title_key = "relatives.title"
    css = "relatives.css"

    def __init__(self, context: ViewContext, **params) -> None:
        super().__init__(context, **params)
        texts = self.texts
        names = output_names("p", MAX_K)
        self.source = ColumnDataSource(data={"name": [], **{key: [] for key, _, _ in MAPPINGS}},
                                       syncable=False, name="relatives-bars")
        x_range = FactorRange(factors=names[:self.state.k], syncable=False)
        unit = Range1d(0, 1.05, syncable=False)
        self.log_range = Range1d(-3, 0.1, syncable=False, name="relatives-log-range")
        self.charts = [self._chart(key, texts(words), color, x_range, self.log_range if key == "log"
                                   else unit) for key, words, color in MAPPINGS]
        self.table = Div(text="", syncable=False, css_classes=["relatives-table"],
                         sizing_mode="stretch_width", stylesheets=[self.stylesheet])
        self.jacobians = Div(text="", syncable=False, css_classes=["relatives-jacobians"],
                             sizing_mode="stretch_width", stylesheets=[self.stylesheet])
        update = context.callback(
            "exercises/relatives.js", source=self.source, x_range=x_range, log_range=self.log_range,
            table=self.table, jacobians=self.jacobians, names=names,
            z_names=[z_label(j) for j in range(MAX_K)], columns=[key for key, _, _ in MAPPINGS],
            headers=[texts(words) for _, words, _ in MAPPINGS],
            t=texts.templates("relatives.", "caption", "output", "zeros", "entropy", "support",
                              "jacobian_softmax", "jacobian_sparsemax", "jacobian_flat"),
        )
        context.on_input(update)
        explanation = Div(text=f"<p>{texts('relatives.explanation')}</p>", sizing_mode="stretch_width",
                          css_classes=["explanation", "relatives-explanation"], stylesheets=[self.stylesheet])
        self.model = column(
            explanation, row(*self.charts, sizing_mode="stretch_width", css_classes=["relatives-charts"],
                             stylesheets=[self.stylesheet]),
            self.table, self.jacobians, sizing_mode="stretch_width",
        )

    def _chart(self, key: str, title: str, color: str, x_range: FactorRange, y_range: Range1d) -> figure:
        """One mapping's bars from the shared source (log-softmax's hang below 0 on their own axis)."""
        chart = figure(
            name=f"relatives-{key}", title=title, x_range=x_range, y_range=y_range, height=220,
            toolbar_location=None, tools="", sizing_mode="stretch_width", min_width=200,
            css_classes=["relatives-chart", f"relatives-{key}"],
        )
        chart.vbar(x="name", top=key, width=0.7, source=self.source, fill_color=color, line_color="#222222")
        chart.xgrid.grid_line_color = None
        if key != "log":
            chart.yaxis.ticker = [0, 0.5, 1]
        return chart
