"""The chapter's first exercise, shown: a sigmoid layer's outputs do not sum to 1."""

from __future__ import annotations

import panel as pn
from bokeh.layouts import column
from bokeh.models import Div

from ...browser.browser_js import math_callback
from ...words.i18n import Texts
from ..controls.controls import Controls
from .bar_chart import BAR_DATA_JS, bar_chart, bar_data, chart_heading, output_names
from .softmax_chart import MAX_OUTPUTS

SIGMOID_COLOR = "#E69F00"  # Okabe-Ito orange, plus a hatch: told apart by more than colour


def sigmoid_heading(total: float, texts: Texts | None = None) -> str:
    """Heading HTML; UPDATE_JS writes the same markup in the browser."""
    texts = texts or Texts()
    shown = f"{total:.3f}"
    verdict = texts("chart.sigmoid_coincidence" if shown == "1.000" else "chart.sigmoid_not_one")
    return texts("chart.sigmoid_heading", total=shown, verdict=verdict)


UPDATE_JS = BAR_DATA_JS + """
const s = SoftmaxMath.sigmoid(z);
showBars(source, x_range, z, s, names);
const total = SoftmaxMath.sum(s).toFixed(3);
const verdict = total === "1.000" ? t.sigmoid_coincidence : t.sigmoid_not_one;
setHtml(heading, formatText(t.sigmoid_heading, {total, verdict}));
"""

class SigmoidPanel(pn.viewable.Viewer):
    """Bars of sigma(z_j) for the same inputs, with their (not 1) total."""

    def __init__(self, controls: Controls, **params) -> None:
        super().__init__(**params)
        state = controls.state
        outputs = state.sigmoid_outputs
        self.heading = chart_heading(sigmoid_heading(outputs.sum(), controls.texts), "sigmoid-chart")
        self.chart, self.source = bar_chart(
            bar_data(state.active_z, outputs, "σ"), color=SIGMOID_COLOR, hatch="/", css_class="sigmoid-chart",
            texts=controls.texts,
        )
        controls.on_input(math_callback(
            UPDATE_JS, **controls.js_args, source=self.source, x_range=self.chart.x_range,
            heading=self.heading,
            t=controls.texts.templates("chart.", "sigmoid_heading", "sigmoid_coincidence", "sigmoid_not_one"),
            names=output_names("σ", MAX_OUTPUTS),
        ))
        self.explanation = Div(text=controls.texts("chart.sigmoid_explanation"), css_classes=["explanation"],
                               sizing_mode="stretch_width")
        self.model = column(self.heading, self.chart, self.explanation, sizing_mode="stretch_width")

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.pane.Bokeh(self.model, sizing_mode="stretch_width")
