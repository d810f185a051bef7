"""Next-token decoding: the z are the logits of K candidate next words for a prompt.

Every stage of logits -> / tau -> softmax -> top-k -> top-p -> min-p -> renormalise is one column
of a table, the cut words greyed with the reason; Generate draws N words from the final
distribution with the seeded generator. The maths is components/model/decoding.py and its twin
static/js/lib/decoding.js; the browser writes everything (static/js/callbacks/exercises/decoding.js),
at load, on every z / tau / K change, on the view's own controls and on Generate.
"""

from __future__ import annotations

from bokeh.layouts import column, row
from bokeh.models import Button, ColumnDataSource, Div, NumericInput, Select, Slider

from ...model.state import MAX_K
from ..context import ViewContext
from .base import ExerciseView

COUNTS = ("1", "10", "100", "1000")  # how many words Generate draws
DEFAULT_COUNT = "100"
DEFAULT_SEED = 1
SEED_HIGH = 2**32 - 1  # Mulberry32 reads the seed modulo 2**32


class DecodingView(ExerciseView):
    """The pipeline's stages as a table, with top-k, top-p, min-p, a seed and Generate."""

    slug = "decoding"
    title_key = "decoding.title"
    css = "decoding.css"

    def __init__(self, context: ViewContext, **params) -> None:
        super().__init__(context, **params)
        texts = self.texts
        sheet = [self.stylesheet]
        # top-k = K is off. Its end follows K in the browser, and an off top-k follows it; it starts
        # at MAX_K (off for every K), so a link's top_k is kept whichever of it and K is applied first.
        self.top_k = self.in_link(Slider(title=texts("decoding.top_k"), start=1, end=MAX_K, value=MAX_K,
                                         step=1, css_classes=["decoding-top-k"], width=220),
                                  "top_k", low=1, high=MAX_K, integer=True, off_at_end=True)
        self.top_p = self.in_link(Slider(title=texts("decoding.top_p"), start=0, end=1, value=1, step=0.01,
                                         css_classes=["decoding-top-p"], width=220), "top_p", low=0, high=1)
        self.min_p = self.in_link(Slider(title=texts("decoding.min_p"), start=0, end=1, value=0, step=0.01,
                                         css_classes=["decoding-min-p"], width=220), "min_p", low=0, high=1)
        self.seed = self.in_link(NumericInput(title=texts("decoding.seed"), low=0, high=SEED_HIGH,
                                         value=DEFAULT_SEED, mode="int", width=140,
                                         css_classes=["decoding-seed"]),
                                 "seed", low=0, high=SEED_HIGH, integer=True)
        self.count = self.in_link(Select(title=texts("decoding.count"), value=DEFAULT_COUNT,
                                         options=list(COUNTS), width=140, css_classes=["decoding-count"]),
                                  "count", kind="choice", choices=COUNTS)
        self.generate = Button(label=texts("decoding.generate"), button_type="primary",
                               css_classes=["decoding-generate"], width=140, align="end")
        # What the table shows, for tests and screen readers alike: one row per word, index order.
        self.tokens = ColumnDataSource(data={"token": [], "a": [], "final": [], "kept": [], "cut": [],
                                             "count": []}, syncable=False, name="decoding-tokens")
        self.prompt, self.table, self.drawn = (
            Div(text="", css_classes=[name], stylesheets=sheet, sizing_mode="stretch_width")
            for name in ("decoding-prompt", "decoding-table", "decoding-drawn"))
        args = dict(
            top_k=self.top_k, top_p=self.top_p, min_p=self.min_p, seed=self.seed, count=self.count,
            tokens=self.tokens, prompt_div=self.prompt, table=self.table, drawn=self.drawn,
            words=texts("decoding.words").split(","),
            t=texts.templates(
                "decoding.", "prompt", "caption", "col_rank", "col_token", "col_z", "col_scaled", "col_a",
                "col_cum", "col_top_k", "col_top_p", "col_min_p", "col_final", "col_count", "kept",
                "cut_top_k", "cut_top_p", "cut_min_p", "after_cut", "off", "summary", "generated",
                "not_generated", "seed_bad"),
        )
        update = context.callback("exercises/decoding.js", generate=False, **args)
        context.on_input(update)
        for widget in (self.top_k, self.top_p, self.min_p, self.seed, self.count):
            widget.js_on_change("value", update)
        self.generate.js_on_event("button_click",
                                  context.callback("exercises/decoding.js", generate=True, **args))
        explanation = Div(text=f"<p>{texts('decoding.explanation')}</p>", stylesheets=sheet,
                          css_classes=["decoding-explanation"], sizing_mode="stretch_width")
        controls = row(self.top_k, self.top_p, self.min_p, styles={"flex-wrap": "wrap"},
                       sizing_mode="stretch_width")
        draw = row(self.seed, self.count, self.generate, styles={"flex-wrap": "wrap"},
                   sizing_mode="stretch_width")
        self.model = column(self.prompt, controls, self.table, draw, self.drawn, explanation,
                            sizing_mode="stretch_width")
