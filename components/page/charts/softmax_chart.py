"""The book's chart: softmax outputs a_j of the weighted inputs, with their total.

The browser writes the bars and the heading, at load and on every input change
(static/js/callbacks/charts/softmax_chart.js).
"""

from __future__ import annotations

import panel as pn
from bokeh.layouts import column

from ...model.state import MAX_K
from ..context import ViewContext
from .bar_chart import bar_chart, bar_data, chart_heading, output_names

SOFTMAX_COLOR = "#0072B2"  # Okabe-Ito blue: safe for colour-blind readers


class SoftmaxChart(pn.viewable.Viewer):
    """Bars of a = softmax(z / tau), recomputed in the browser on every input change."""

    def __init__(self, context: ViewContext, **params) -> None:
        super().__init__(**params)
        state, texts = context.state, context.texts
        self.heading = chart_heading("", "softmax-chart")
        self.chart, self.source = bar_chart(
            bar_data(state.active_z, state.softmax_outputs, "a"), color=SOFTMAX_COLOR, hatch=None,
            css_class="softmax-chart", texts=texts,
        )
        context.on_input(context.callback(
            "charts/softmax_chart.js", source=self.source, x_range=self.chart.x_range, heading=self.heading,
            t=texts.templates("chart.", "softmax_title", "softmax_summary"), names=output_names("a", MAX_K),
        ))
        self.model = column(self.heading, self.chart, sizing_mode="stretch_width")

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.pane.Bokeh(self.model, sizing_mode="stretch_width")
