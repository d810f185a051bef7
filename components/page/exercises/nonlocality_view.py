"""Non-locality: move one z and every softmax output changes, by amounts that balance;
a sigmoid layer moves only the one output whose input moved.

The reference is the outputs just before the current movement began: moving another
input (or K) starts a new movement; "Measure from here" starts one by hand. The browser
writes the bars and the balance, at load and on every change
(static/js/callbacks/exercises/nonlocality.js).
"""

from __future__ import annotations

from bokeh.layouts import column, row
from bokeh.models import Button, Div

from ...model.state import MAX_K
from ...words.number_format import format_fixed
from ..charts.bar_chart import bar_chart, bar_data, output_names
from ..charts.sigmoid_panel import SIGMOID_COLOR
from ..charts.softmax_chart import SOFTMAX_COLOR
from ..context import ViewContext
from ..controls.controls import z_label
from .base import ExerciseView


def changes_data(z: list[float], values: list[float], symbol: str) -> dict[str, list]:
    """The bars' first columns (data, not markup; the callback rewrites them at load): no
    movement yet, so every change is 0."""
    return {**bar_data(z, values, symbol), "base": list(values), "label": [format_fixed(0.0)] * len(values)}


class NonLocalityView(ExerciseView):
    """Changes of every softmax and sigmoid output since the current movement began."""

    slug = "nonlocality"
    title_key = "nonlocality.title"

    def __init__(self, context: ViewContext, **params) -> None:
        super().__init__(context, **params)
        texts, state = self.texts, self.state
        a, s = list(state.softmax_outputs), list(state.sigmoid_outputs)
        # The bars' labels show the change since the movement began, not the value.
        self.softmax_chart, self.softmax_source = bar_chart(
            changes_data(state.active_z, a, "a"), color=SOFTMAX_COLOR, hatch=None,
            css_class="nonlocality-softmax", texts=texts,
        )
        self.sigmoid_chart, self.sigmoid_source = bar_chart(
            changes_data(state.active_z, s, "σ"), color=SIGMOID_COLOR, hatch="/",
            css_class="nonlocality-sigmoid", texts=texts,
        )
        for chart, source in ((self.softmax_chart, self.softmax_source),
                              (self.sigmoid_chart, self.sigmoid_source)):
            chart.vbar(x="name", top="base", width=0.8, source=source, fill_alpha=0,
                       line_color="#222222", line_dash="dashed", line_width=1.5)
            chart.yaxis.axis_label = texts("nonlocality.axis")
        self.balance = Div(
            text="", syncable=False, css_classes=["nonlocality-balance"], sizing_mode="stretch_width",
        )
        self.reset_button = Button(label=texts("nonlocality.reset"), css_classes=["nonlocality-reset"])
        update = context.callback(
            "exercises/nonlocality.js", softmax_source=self.softmax_source,
            sigmoid_source=self.sigmoid_source, softmax_range=self.softmax_chart.x_range,
            sigmoid_range=self.sigmoid_chart.x_range, balance=self.balance, reference=self.balance,
            reset_button=self.reset_button, a_names=output_names("a", MAX_K),
            s_names=output_names("σ", MAX_K), z_labels=[z_label(j) for j in range(MAX_K)],
            t=texts.templates("nonlocality.", "moving_softmax", "moving_sigmoid", "idle"),
        )
        context.on_input(update)
        self.reset_button.js_on_event("button_click", update)
        self.model = column(
            Div(text=f"<p>{texts('nonlocality.explanation')}</p>", sizing_mode="stretch_width",
                css_classes=["explanation"]),
            # Side by side while each gets 280 px, stacked below that (static/css/layout.css), as
            # the page's own pair: two 150 px charts of ten bars cannot label them.
            row(self.softmax_chart, self.sigmoid_chart, sizing_mode="stretch_width",
                css_classes=["chart-pair"]),
            row(self.balance, self.reset_button, sizing_mode="stretch_width"),
            sizing_mode="stretch_width",
        )
