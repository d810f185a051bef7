"""Cross-entropy: the log-likelihood cost C = -ln a_y of the current outputs for a chosen
true class y, and its gradient with respect to the weighted inputs.

The temperature is kept: C = -ln softmax(z / tau)_y, so dC/dz_j = (a_j - y_j) / tau
(components.softmax_math.cross_entropy_gradient and its JS twin); at tau = 1 this is
the book's a - y. The point of the view is the chapter's learning-slowdown argument:
there is no sigma'(z) factor, so the gradient is largest when the output is most wrong.
A sigmoid output with the quadratic cost is shown beside it for comparison.
"""

from __future__ import annotations

import math

from bokeh.layouts import column, row
from bokeh.models import ColumnDataSource, Div, HoverTool, LabelSet, Range1d, Select, Span
from bokeh.plotting import figure

from ...model import softmax_math as sm
from ...model.state import MAX_K
from ...words.number_format import format_fixed
from ..charts.bar_chart import chart_heading, output_names
from ..charts.hover import hover_formatter
from ..context import ViewContext
from ..controls.controls import z_label
from .base import ExerciseView

DEFAULT_CLASS = 1  # y = 2: a_2 = 0.009 for the book's inputs, a badly wrong output
TRUE_COLOR, OTHER_COLOR = "#D55E00", "#0072B2"  # Okabe-Ito vermillion and blue
Y_MARGIN = 1.3  # the axis runs +-1.3 / tau: every gradient component is within +-1 / tau


# The numpy reference of the slowdown term that static/js/callbacks/exercises/cross_entropy.js
# prints (quadraticGradientHtml), in log space as there: the tests compare the two.

def _softplus(x: float) -> float:
    return max(x, 0.0) + math.log1p(math.exp(-abs(x)))


def quadratic_gradient_log(z_y: float) -> float:
    """ln |(sigma(z) - 1) sigma'(z)| = ln sigma(z) + 2 ln sigma(-z): finite where the product underflows."""
    return -(_softplus(-z_y) + 2 * _softplus(z_y))


def quadratic_sigmoid_gradient(z_y: float) -> float:
    """dC/dz for C = (sigma(z) - 1)^2 / 2: (sigma - 1) sigma' = -sigma(z) sigma(-z)^2, the slowdown term."""
    return -math.exp(quadratic_gradient_log(z_y))


class CrossEntropyView(ExerciseView):
    """The loss -ln a_y for a chosen true class and the bars of its gradient (a - onehot(y)) / tau."""

    slug = "cross-entropy"
    title_key = "cross_entropy.title"
    css = "cross-entropy.css"

    def __init__(self, context: ViewContext, **params) -> None:
        super().__init__(context, **params)
        texts, state = self.texts, self.state
        k, z, tau = state.k, state.active_z, state.tau
        y = min(DEFAULT_CLASS, k - 1)
        names = output_names("a", MAX_K)
        self.select = Select(
            title=texts("cross_entropy.select"), value=str(y + 1), width=160, css_classes=["true-class"],
            options=[(str(j + 1), names[j]) for j in range(k)],
        )
        # The first bars as data; the browser writes every text of the view (cross_entropy.js, at
        # load and on every change), so the heading and the comparison start empty.
        gradient = sm.cross_entropy_gradient(z, y, tau)
        self.source = ColumnDataSource(data={
            "name": names[:k], "value": list(gradient),
            "label": [format_fixed(v, 3, signed=True) for v in gradient],
            "color": [TRUE_COLOR if j == y else OTHER_COLOR for j in range(k)],
            "offset": [4 if v >= 0 else -18 for v in gradient],
        }, syncable=False, name="cross-entropy-gradient-bars")
        self.chart = self._chart(names[:k], tau)
        self.heading = chart_heading("", "cross-entropy-chart")
        self.compare = Div(text="", syncable=False,
                           sizing_mode="stretch_width", css_classes=["cross-entropy-compare"])
        explanation = Div(text=texts("cross_entropy.explanation"), sizing_mode="stretch_width",
                          css_classes=["cross-entropy-explanation"])
        for div in (self.heading, self.compare, explanation):
            div.stylesheets = [self.stylesheet]
        update = context.callback(
            "exercises/cross_entropy.js", select=self.select, source=self.source, heading=self.heading,
            compare=self.compare, x_range=self.chart.x_range, y_range=self.chart.y_range,
            a_names=names, z_names=[z_label(j) for j in range(MAX_K)], default_class=DEFAULT_CLASS,
            true_color=TRUE_COLOR, other_color=OTHER_COLOR, margin=Y_MARGIN,
            t=texts.templates("cross_entropy.", "too_small", "heading", "compare"),
        )
        context.on_input(update)
        self.select.js_on_change("value", update)
        self.model = column(
            row(self.heading, self.select, sizing_mode="stretch_width"), self.chart, self.compare,
            explanation, sizing_mode="stretch_width",
        )

    def _chart(self, names: list[str], tau: float) -> figure:
        chart = figure(
            name="cross-entropy-gradient", x_range=names, y_range=Range1d(-Y_MARGIN / tau, Y_MARGIN / tau),
            height=300, toolbar_location=None, tools="", sizing_mode="stretch_width", min_width=280,
            css_classes=["cross-entropy-gradient"], y_axis_label="∂C/∂zⱼ",
        )
        chart.x_range.syncable = False
        chart.y_range.syncable = False
        chart.vbar(x="name", top="value", width=0.7, source=self.source, fill_color="color",
                   line_color="#222222")
        chart.add_layout(Span(location=0, dimension="width", line_color="#222222", line_width=1))
        chart.add_layout(LabelSet(
            x="name", y="value", text="label", source=self.source, text_align="center",
            y_offset="offset", text_font_size="12px", text_color="#222222",
        ))
        # The page's formatter, not NumeralJS's "@value{0.0000}", which shows −1.2e−8 as "-0.0000".
        chart.add_tools(HoverTool(
            tooltips=[(self.texts("hover.output"), "@name"), ("∂C/∂zⱼ", "@value{custom}")],
            formatters={"@value": hover_formatter("formatNumber(value, 4)", self.context.modules)},
        ))
        chart.xgrid.grid_line_color = None
        chart.xaxis.major_label_text_font_size = "14px"
        return chart

