"""The book's chart: softmax outputs a_j of the weighted inputs, with their total."""

from __future__ import annotations

import panel as pn
from bokeh.layouts import column

from ...browser.browser_js import math_callback
from ...model.state import shown_number
from ...words.i18n import Texts
from ..controls.controls import Controls
from .bar_chart import BAR_DATA_JS, bar_chart, bar_data, chart_heading, output_names

SOFTMAX_COLOR = "#0072B2"  # Okabe-Ito blue: safe for colour-blind readers
MAX_OUTPUTS = 10


def softmax_heading(total: float, tau: float, texts: Texts | None = None) -> str:
    """Heading HTML; UPDATE_JS writes the same markup in the browser."""
    # tau in the digits of its box and slider title (shown_number): 19.99 is not "20" here either.
    return (texts or Texts())("chart.softmax_heading", total=f"{total:.3f}", tau=shown_number(tau))


UPDATE_JS = BAR_DATA_JS + """
const a = SoftmaxMath.softmax(z, tau);
showBars(source, x_range, z, a, names);
setHtml(heading, formatText(t.softmax_heading, {
  total: SoftmaxMath.sum(a).toFixed(3), tau: InputCheck.show(tau)}));
"""


class SoftmaxChart(pn.viewable.Viewer):
    """Bars of a = softmax(z / tau), recomputed in the browser on every input change."""

    def __init__(self, controls: Controls, **params) -> None:
        super().__init__(**params)
        state = controls.state
        outputs = state.softmax_outputs
        heading = softmax_heading(outputs.sum(), state.tau, controls.texts)
        self.heading = chart_heading(heading, "softmax-chart")
        self.chart, self.source = bar_chart(
            bar_data(state.active_z, outputs, "a"), color=SOFTMAX_COLOR, hatch=None,
            css_class="softmax-chart", texts=controls.texts,
        )
        controls.on_input(math_callback(
            UPDATE_JS, **controls.js_args, source=self.source, x_range=self.chart.x_range,
            heading=self.heading, t=controls.texts.templates("chart.", "softmax_heading"),
            names=output_names("a", MAX_OUTPUTS),
        ))
        self.model = column(self.heading, self.chart, sizing_mode="stretch_width")

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.pane.Bokeh(self.model, sizing_mode="stretch_width")
