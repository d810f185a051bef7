"""The chapter's first exercise, shown: a sigmoid layer's outputs do not sum to 1.

The browser writes the bars and the heading, at load and on every input change
(static/js/callbacks/charts/sigmoid_chart.js).
"""

from __future__ import annotations

import panel as pn
from bokeh.layouts import column
from bokeh.models import Div

from ...model.state import MAX_K
from ..context import ViewContext
from .bar_chart import bar_chart, bar_data, chart_heading, output_names

SIGMOID_COLOR = "#E69F00"  # Okabe-Ito orange, plus a hatch: told apart by more than colour


class SigmoidPanel(pn.viewable.Viewer):
    """Bars of sigma(z_j) for the same inputs, with their (not 1) total."""

    def __init__(self, context: ViewContext, **params) -> None:
        super().__init__(**params)
        state, texts = context.state, context.texts
        self.heading = chart_heading("", "sigmoid-chart")
        self.chart, self.source = bar_chart(
            bar_data(state.active_z, state.sigmoid_outputs, "σ"), color=SIGMOID_COLOR, hatch="/",
            css_class="sigmoid-chart", texts=texts,
        )
        context.on_input(context.callback(
            "charts/sigmoid_chart.js", source=self.source, x_range=self.chart.x_range, heading=self.heading,
            t=texts.templates("chart.", "sigmoid_title", "sigmoid_summary", "sigmoid_coincidence",
                              "sigmoid_not_one"),
            names=output_names("σ", MAX_K),
        ))
        self.explanation = Div(text=f"<p>{texts('chart.sigmoid_explanation')}</p>",
                               css_classes=["explanation"], sizing_mode="stretch_width")
        self.model = column(self.heading, self.chart, self.explanation, sizing_mode="stretch_width")

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.pane.Bokeh(self.model, sizing_mode="stretch_width")
