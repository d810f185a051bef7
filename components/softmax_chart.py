"""The book's chart: softmax outputs a_j of the weighted inputs, with their total."""

from __future__ import annotations

import panel as pn

from components.bar_chart import BAR_DATA_JS, bar_chart, bar_data, output_names
from components.browser_js import math_callback
from components.controls import Controls

SOFTMAX_COLOR = "#0072B2"  # Okabe-Ito blue: safe for colour-blind readers
MAX_OUTPUTS = 10


def softmax_title(total: float, tau: float) -> str:
    return f"Softmax outputs aᴸⱼ (τ = {tau:.3g}) · total {total:.3f}"


UPDATE_JS = BAR_DATA_JS + """
const a = SoftmaxMath.softmax(z, tau);
source.data = barData(z, a, names);
const total = SoftmaxMath.sum(a);
chart.title.text = `Softmax outputs aᴸⱼ (τ = ${Number(tau.toPrecision(3))}) · total ${total.toFixed(3)}`;
"""


class SoftmaxChart(pn.viewable.Viewer):
    """Bars of a = softmax(z / tau), recomputed in the browser on every input change."""

    def __init__(self, controls: Controls, **params) -> None:
        super().__init__(**params)
        state = controls.state
        outputs = state.softmax_outputs
        self.chart, self.source = bar_chart(
            bar_data(state.z, outputs, "a"), title=softmax_title(outputs.sum(), state.tau),
            color=SOFTMAX_COLOR, hatch=None, css_class="softmax-chart",
        )
        controls.on_input(math_callback(
            UPDATE_JS, **controls.js_args, source=self.source, chart=self.chart,
            names=output_names("a", MAX_OUTPUTS),
        ))
        self.model = self.chart

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.pane.Bokeh(self.model, sizing_mode="stretch_width")
