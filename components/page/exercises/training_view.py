"""Training a softmax layer: K classes of 2-D points learnt by z_j = w_j . x + b_j and gradient descent.

The chapter's cure for the learning slowdown, watched: the log-likelihood cost with softmax
outputs (gradient a - y) against the quadratic cost with sigmoid outputs (gradient (a - y)
sigma'(z)), alone or side by side from the same start. Everything is computed in the browser
(static/js/callbacks/exercises/training.js with the Training module, twin of
components/model/training.py); Python builds empty sources and the controls. One callback
serves every control, button and click: it tells them apart by what called it.
"""

from __future__ import annotations

import numpy as np
from bokeh.layouts import column, row
from bokeh.models import Button, ColumnDataSource, DataRange1d, Div, HoverTool, NumericInput, Range1d, Select
from bokeh.plotting import figure

from ...model import training
from ..context import ViewContext
from .base import ExerciseView

# One colour per class (Okabe-Ito without its yellow, and one of Paul Tol's): colour-blind safe.
CLASS_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#882255")
REGION_SIZE = 100  # the decision regions are REGION_SIZE x REGION_SIZE pixels
COMPARE = "compare"
COST_CHOICES = (training.LOG_LIKELIHOOD, training.QUADRATIC, COMPARE)
PRESET_KEYS = {
    training.SEPARATED: "preset_separated",
    training.OVERLAPPING: "preset_overlapping",
    training.BETWEEN: "preset_between",
    training.WRONG_START: "preset_wrong",
}
MAX_STEPS = 5000  # Train pauses by itself here: the curves stay a few hundred KB at most


class TrainingView(ExerciseView):
    """Decision regions, points, loss and accuracy curves of one softmax layer learning in the browser."""

    slug = "training"
    title_key = "training.title"
    css = "training.css"

    def __init__(self, context: ViewContext, **params) -> None:
        super().__init__(context, **params)
        texts = self.texts
        self.preset = self.in_link(
            Select(
                title=texts("training.preset"),
                value=training.WRONG_START,
                width=230,
                css_classes=["training-preset"],
                options=[(p, texts(f"training.{key}")) for p, key in PRESET_KEYS.items()],
            ),
            "data",
            kind="choice",
            choices=list(training.PRESETS),
        )
        self.cost = self.in_link(
            Select(
                title=texts("training.cost"),
                value=COMPARE,
                width=300,
                css_classes=["training-cost"],
                options=[
                    (training.LOG_LIKELIHOOD, texts("training.cost_ll")),
                    (training.QUADRATIC, texts("training.cost_quad")),
                    (COMPARE, texts("training.cost_compare")),
                ],
            ),
            "cost",
            kind="choice",
            choices=list(COST_CHOICES),
        )
        self.seed = self.in_link(
            self._spinner("seed", 1, 0, 2**32 - 1, 1, "training-seed"),
            "seed",
            low=0,
            high=2**32 - 1,
            integer=True,
        )
        self.eta = self.in_link(
            self._spinner("eta", 1.0, 0, 100, 0.1, "training-eta"), "eta", low=0, high=100
        )
        self.lam = self.in_link(
            self._spinner("lambda", 0.0, 0, 10, 0.1, "training-lambda"), "lambda", low=0, high=10
        )
        self.eps = self.in_link(
            self._spinner("epsilon", 0.0, 0, 0.5, 0.05, "training-epsilon"), "epsilon", low=0, high=0.5
        )
        self.add_class = Select(
            title=texts("training.add_class"),
            value="1",
            width=150,
            options=[str(j + 1) for j in range(training.K_MAX)],
            css_classes=["training-add-class"],
        )
        self.add_x = self._spinner("add_x", 0.0, -training.EXTENT, training.EXTENT, 0.5, "training-add-x")
        self.add_y = self._spinner("add_y", 0.0, -training.EXTENT, training.EXTENT, 0.5, "training-add-y")
        self.train_button = Button(
            label=texts("training.train"), button_type="primary", width=110, css_classes=["training-train"]
        )
        self.step_button = Button(label=texts("training.step"), width=90, css_classes=["training-step"])
        self.reset_button = Button(label=texts("training.reset"), width=90, css_classes=["training-reset"])
        self.add_button = Button(label=texts("training.add_point"), width=130, css_classes=["training-add"])

        self.image = ColumnDataSource(
            data={
                "image": [np.zeros((1, 1), dtype=np.uint32)],
                "x": [-training.EXTENT],
                "y": [-training.EXTENT],
                "dw": [2 * training.EXTENT],
                "dh": [2 * training.EXTENT],
            },
            syncable=False,
            name="training-image",
        )
        self.points = ColumnDataSource(
            data={"x": [], "y": [], "label": [], "color": [], "a": [], "grad": [], "factor": []},
            syncable=False,
            name="training-points",
        )
        self.curves = ColumnDataSource(
            data={"step": [], "loss_ll": [], "loss_q": [], "acc_ll": [], "acc_q": []},
            syncable=False,
            name="training-curves",
        )
        self.regions = self._regions_chart()
        # A log axis: the log-likelihood starts near 30 on a bad start, the quadratic cost below K / 2.
        self.loss_chart = self._curve_chart(
            "training-loss", texts("training.loss_axis"), ("loss_ll", "loss_q"), DataRange1d(), legend=True
        )
        self.accuracy_chart = self._curve_chart(
            "training-accuracy", texts("training.accuracy_axis"), ("acc_ll", "acc_q"), Range1d(-0.02, 1.02)
        )
        self.status = Div(
            text="",
            sizing_mode="stretch_width",
            css_classes=["training-status"],
            stylesheets=[self.stylesheet],
        )
        self.table = Div(
            text="",
            sizing_mode="stretch_width",
            css_classes=["training-table"],
            stylesheets=[self.stylesheet],
        )

        update = context.callback(
            "exercises/training.js",
            preset=self.preset,
            cost=self.cost,
            seed=self.seed,
            eta=self.eta,
            lam=self.lam,
            eps=self.eps,
            add_class=self.add_class,
            add_x=self.add_x,
            add_y=self.add_y,
            train_button=self.train_button,
            step_button=self.step_button,
            reset_button=self.reset_button,
            add_button=self.add_button,
            image=self.image,
            points=self.points,
            curves=self.curves,
            status_div=self.status,
            table=self.table,
            colors=list(CLASS_COLORS),
            size=REGION_SIZE,
            max_steps=MAX_STEPS,
            t=texts.templates(
                "training.",
                "train",
                "pause",
                "status",
                "status_compare",
                "too_many",
                "tau_note",
                "table_caption",
                "table_x",
                "table_y",
                "table_class",
                "table_predicted",
                "added",
                "cost_ll",
                "cost_quad",
                "limit_reached",
            ),
        )
        context.on_input(update)
        for widget in (self.preset, self.cost, self.seed, self.eta, self.lam, self.eps):
            widget.js_on_change("value", update)
        for button in (self.train_button, self.step_button, self.reset_button, self.add_button):
            button.js_on_event("button_click", update)
        self.regions.js_on_event("tap", update)

        explanation = Div(
            text=f"<p>{texts('training.explanation')}</p>",
            sizing_mode="stretch_width",
            css_classes=["training-explanation"],
            stylesheets=[self.stylesheet],
        )
        controls = row(
            self.preset,
            self.seed,
            self.cost,
            self.eta,
            self.lam,
            self.eps,
            sizing_mode="stretch_width",
            css_classes=["training-controls"],
        )
        buttons = row(
            self.train_button,
            self.step_button,
            self.reset_button,
            self.add_class,
            self.add_x,
            self.add_y,
            self.add_button,
            sizing_mode="stretch_width",
            css_classes=["training-buttons"],
        )
        curves = column(self.loss_chart, self.accuracy_chart, sizing_mode="stretch_width", min_width=300)
        self.model = column(
            controls,
            buttons,
            self.status,
            row(self.regions, curves, sizing_mode="stretch_width", css_classes=["training-charts"]),
            explanation,
            self.table,
            sizing_mode="stretch_width",
        )

    def _spinner(
        self, key: str, value: float, low: float, high: float, step: float, css: str
    ) -> NumericInput:
        return NumericInput(
            title=self.texts(f"training.{key}"),
            value=value,
            low=low,
            high=high,
            mode="int" if step == 1 else "float",
            width=120,
            css_classes=[css],
        )

    def _regions_chart(self) -> figure:
        e = training.EXTENT
        chart = figure(
            name="training-regions",
            x_range=Range1d(-e, e),
            y_range=Range1d(-e, e),
            height=360,
            width=360,
            toolbar_location=None,
            tools="",
            match_aspect=True,
            css_classes=["training-regions"],
            x_axis_label="x₁",
            y_axis_label="x₂",
        )
        chart.x_range.syncable = chart.y_range.syncable = False
        chart.image_rgba(image="image", x="x", y="y", dw="dw", dh="dh", source=self.image)
        # A light ring in both themes (the dark theme turns #ffffff into its background): a point stays
        # visible on the region of its own colour.
        dots = chart.scatter(
            x="x", y="y", size=8, fill_color="color", line_color="#f5f5f5", line_width=1, source=self.points
        )
        texts = self.texts
        chart.add_tools(
            HoverTool(
                renderers=[dots],
                tooltips=[
                    (texts("training.table_class"), "@label"),
                    ("a", "@a"),
                    ("a − y", "@grad"),
                    ("σ′(z)", "@factor"),
                ],
            )
        )
        return chart

    def _curve_chart(
        self,
        name: str,
        axis: str,
        columns: tuple[str, str],
        y_range: DataRange1d | Range1d,
        legend: bool = False,
    ) -> figure:
        chart = figure(
            name=name,
            x_range=DataRange1d(start=0),
            y_range=y_range,
            y_axis_type="log" if legend else "linear",
            height=175,
            toolbar_location=None,
            tools="",
            sizing_mode="stretch_width",
            min_width=280,
            css_classes=[name],
            x_axis_label=self.texts("training.steps_axis"),
            y_axis_label=axis,
        )
        for column_name, color, label in (
            (columns[0], "#0072B2", "training.cost_ll"),
            (columns[1], "#D55E00", "training.cost_quad"),
        ):
            chart.line(
                x="step",
                y=column_name,
                source=self.curves,
                line_color=color,
                line_width=2,
                **({"legend_label": self.texts(label)} if legend else {}),
            )
        if not legend:
            return chart
        chart.legend.label_text_font_size = "11px"
        chart.legend.location = "top_right"
        chart.legend.background_fill_alpha = 0.6
        return chart
