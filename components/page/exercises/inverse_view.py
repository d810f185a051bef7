"""Inverting softmax: from target outputs a_j back to inputs z_j = ln a_j + C.

The chapter's exercise: softmax only sees differences of its inputs, so the inverse is
defined up to a constant C. The student types target probabilities (refused when they
are not positive numbers, normalised when they do not sum to 1), reads the inputs for
any C, applies them to the main sliders, and shifts every main slider by the same
amount to see that the outputs stay put. Everything runs in the browser.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from bokeh.layouts import column, row
from bokeh.models import Button, ColumnDataSource, Div, Slider, TextInput

from ...model import softmax_math as sm
from ...model.state import MAX_K
from ..charts.bar_chart import output_names
from ..context import ViewContext
from ..controls.controls import Z_LIMITS, z_label
from .base import ExerciseView

# A hidden box's value until it comes into play (K grows): it then shows the current output,
# like every box the student has not typed in (see
# static/js/callbacks/exercises/inverse.js), so this is never on screen.
FILLER_TARGET = 0.1
TARGET_UNITS = 1000  # boxes the student has not typed in show the outputs in thousandths
C_LIMIT, C_STEP = 10.0, 0.1
SUM_TOLERANCE = 1e-9  # typed decimals such as 0.315 + 0.009 + 0.633 + 0.043 are "1"


def targets_from_outputs(outputs: Sequence[float]) -> list[float]:
    """The outputs as the targets a student would type: thousandths that add up to exactly 1,
    none 0 (ln 0 = −∞), each as close to its output as that allows (largest remainders);
    targetsFromOutputs in inverse.js is the same in the browser. Rounding each output alone
    could add up to 1.001 and start the tab with a "targets add up to" warning the student
    never caused."""
    scaled = [float(v) * TARGET_UNITS for v in outputs]
    # Half up on the float itself (x - floor(x) is exact): JS does the same operations.
    units = [max(1, math.floor(s) + (1 if s - math.floor(s) >= 0.5 else 0)) for s in scaled]
    while sum(units) < TARGET_UNITS:  # the first of the most rounded-down gets one more
        j = max(range(len(units)), key=lambda i: scaled[i] - units[i])
        units[j] += 1
    while sum(units) > TARGET_UNITS:  # the first of the most rounded-up (and above 1) gets one less
        j = min((i for i in range(len(units)) if units[i] > 1), key=lambda i: scaled[i] - units[i])
        units[j] -= 1
    return [n / TARGET_UNITS for n in units]


class InverseView(ExerciseView):
    """Typed target outputs -> inputs z = ln a + C, applied to or shifted on the main sliders."""

    slug = "inverse"
    title_key = "inverse.title"
    css = "inverse.css"

    def __init__(self, context: ViewContext, **params) -> None:
        super().__init__(context, **params)
        texts, state = self.texts, self.state
        k = state.k
        # The current outputs in thousandths adding up to 1 (none 0, which has no logarithm).
        typed = targets_from_outputs(state.softmax_outputs) + [FILLER_TARGET] * (MAX_K - k)
        names = output_names("a", MAX_K)
        self.boxes = [
            TextInput(value=f"{typed[j]:g}", title=f"{names[j]} =", width=78,
                      css_classes=[f"target-input-{j + 1}"], styles={"display": "block" if j < k else "none"})
            for j in range(MAX_K)
        ]
        self.c_slider = Slider(start=-C_LIMIT, end=C_LIMIT, step=C_STEP, value=0.0, width=320,
                               title=texts("inverse.c_title"), css_classes=["inverse-c"])
        self.store = ColumnDataSource(data={"value": typed}, syncable=False, name="inverse-typed")
        a = np.asarray(typed[:k]) / sum(typed[:k])
        log_a = sm.inverse_softmax(typed[:k])
        self.values = ColumnDataSource(data={
            "name": names[:k], "typed": typed[:k], "target": list(a), "log_a": list(log_a), "z": list(log_a),
        }, syncable=False, name="inverse-values")
        # The table and the normalisation note are written by the browser alone (inverse.js, at
        # load and on every change).
        self.table = Div(text="", syncable=False, css_classes=["inverse-table"], sizing_mode="stretch_width")
        self.normalised = Div(text="", syncable=False,
                              css_classes=["inverse-normalised"], sizing_mode="stretch_width")
        # render_as_text: the notice quotes what the student typed, never as HTML.
        self.notice = Div(
            text="", syncable=False, render_as_text=True, css_classes=["inverse-notice"],
            sizing_mode="stretch_width", html_attributes={"role": "status", "aria-live": "polite"},
        )
        self.apply_button = Button(label=texts("inverse.apply"), button_type="primary",
                                   css_classes=["inverse-apply"])
        self.shift_buttons = [Button(label=texts("inverse.shift", amount=label),
                                     css_classes=[f"inverse-shift-{css}"])
                              for label, css in (("−1", "down"), ("+1", "up"))]
        self.shift_result = Div(
            text=texts("inverse.no_shift"),
            syncable=False, css_classes=["inverse-shift-result"], sizing_mode="stretch_width",
        )
        heading = Div(text=texts("inverse.heading"), css_classes=["inverse-heading"],
                      sizing_mode="stretch_width")
        shift_heading = Div(text=texts("inverse.shift_heading"), css_classes=["inverse-heading"],
                            sizing_mode="stretch_width")
        explanation = Div(text=texts("inverse.explanation"), css_classes=["inverse-explanation"],
                          sizing_mode="stretch_width")
        for div in (heading, shift_heading, explanation, self.table, self.normalised, self.notice,
                    self.shift_result):
            div.stylesheets = [self.stylesheet]
        self._link()
        targets = column(
            heading, row(*self.boxes, styles={"flex-wrap": "wrap"}), self.c_slider, self.normalised,
            self.table, self.apply_button, self.notice, width=560,
        )
        shift = column(shift_heading, row(*self.shift_buttons), self.shift_result, explanation,
                       sizing_mode="stretch_width")
        self.model = row(targets, shift, sizing_mode="stretch_width")

    def _link(self) -> None:
        context = self.context
        z_names = [z_label(j) for j in range(MAX_K)]
        a_names = output_names("a", MAX_K)
        wide_range = self.texts("controls.range", limit=f"{Z_LIMITS[-1]:g}")  # the range button's words
        # A target is a probability: the allowed values are "greater than 0 up to 1", not the
        # "0 to 1" of the general messages (every other input.* template is kept as it is).
        target_messages = {**self.texts.templates("input."),
                           **self.texts.templates("inverse.", "not_positive", "outside")}
        update = context.callback(
            "exercises/inverse.js", boxes=self.boxes, store=self.store, values=self.values,
            table=self.table, normalised=self.normalised, notice=self.notice, c_slider=self.c_slider,
            a_names=a_names, tolerance=SUM_TOLERANCE, units=TARGET_UNITS, built_k=self.state.k,
            range_buttons=context.inputs.range_buttons, limits=list(Z_LIMITS),
            t=self.texts.templates("inverse.", "why", "outside_note", "column_output", "column_typed",
                                   "column_a", "column_log_a", "column_z", "zero", "negative", "empty",
                                   "normalised"),
            target_messages=target_messages,
        )
        context.on_input(update)
        # The range decides which inputs the sliders can take (the orange marks and the note).
        context.inputs.range_buttons.js_on_change("active", update)
        self.c_slider.js_on_change("value", update)
        for box in self.boxes:
            box.js_on_change("value", update)
        self.apply_button.js_on_event("button_click", context.callback(
            "exercises/inverse_apply.js", values=self.values, notice=self.notice, z_names=z_names,
            t=self.texts.templates("inverse.", "below_one", "below_many", "above_one", "above_many",
                                   "apply_exactly", "tau_not_one", "applied"),
            wide_range=wide_range,
        ))
        for button, delta in zip(self.shift_buttons, (-1.0, 1.0), strict=True):
            button.js_on_event("button_click", context.callback(
                "exercises/inverse_shift.js", delta=delta, result=self.shift_result,
                z_names=z_names, t=self.texts.templates("inverse.", "refused", "shifted"),
                wide_range=wide_range,
            ))

