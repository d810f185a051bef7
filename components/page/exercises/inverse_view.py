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
import panel as pn
from bokeh.layouts import column, row
from bokeh.models import Button, ColumnDataSource, Div, InlineStyleSheet, Slider, TextInput

from ...browser.browser_js import STATIC_DIR, math_callback
from ...model import softmax_math as sm
from ...model.state import MAX_K
from ...words.i18n import DEFAULT_LANGUAGE, TEXTS, Texts
from ..charts.bar_chart import output_names
from ..controls.controls import Z_LIMITS, Controls, z_label

# A hidden box's value until it comes into play (K grows): it then shows the current output,
# like every box the student has not typed in (see UPDATE_JS), so this is never on screen.
FILLER_TARGET = 0.1
TARGET_UNITS = 1000  # boxes the student has not typed in show the outputs in thousandths
C_LIMIT, C_STEP = 10.0, 0.1
OUTSIDE_NOTE = TEXTS[DEFAULT_LANGUAGE]["inverse.outside_note"]  # the default language's, for tests
SUM_TOLERANCE = 1e-9  # typed decimals such as 0.315 + 0.009 + 0.633 + 0.043 are "1"
# The page's styles and this view's; each view builds its own stylesheet model (a Bokeh model
# belongs to one document, and every session has its own).
VIEW_CSS = (STATIC_DIR / "css" / "app.css").read_text(encoding="utf-8") + """
:host(.inverse-heading) h2 { font-size: 1.05rem; margin: 0; }
:host(.inverse-heading) p, :host(.inverse-explanation) p { color: var(--muted); max-width: 60em; }
:host(.inverse-notice) .bk-clearfix:not(:empty) { color: var(--warn); background: var(--warn-bg);
  border-left: 4px solid #e69f00; padding: 0.3em 0.6em; }
:host(.inverse-normalised) .bk-clearfix:not(:empty) p { color: var(--warn); background: var(--warn-bg);
  border-left: 4px solid #e69f00; padding: 0.3em 0.6em; margin: 0.2em 0; }
table.readout td.outside { color: var(--warn); font-weight: 700; }
p.why { color: var(--muted); font-size: 0.85em; text-align: left; }
:host(.inverse-shift-result) .refused { color: var(--warn); background: var(--warn-bg);
  border-left: 4px solid #e69f00; padding: 0.3em 0.6em; }
:host(.inverse-shift-result) .max-change { font-size: 1.05rem; font-variant-numeric: tabular-nums; }
"""


def number_html(value: float) -> str:
    """Fixed decimals for ordinary sizes, m×10^e for tiny ones; NUMBER_JS is the same in the browser."""
    if value == 0 or 1e-3 <= abs(value) < 1e6:
        return f"{value:.4f}".replace("-", "−")
    mantissa, exponent = f"{value:.2e}".split("e")
    return f"{mantissa}×10<sup>{int(exponent)}</sup>".replace("-", "−")


def targets_from_outputs(outputs: Sequence[float]) -> list[float]:
    """The outputs as the targets a student would type: thousandths that add up to exactly 1,
    none 0 (ln 0 = −∞), each as close to its output as that allows (largest remainders);
    TARGETS_JS is the same in the browser. Rounding each output alone could add up to 1.001
    and start the tab with a "targets add up to" warning the student never caused."""
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


def table_html(typed: Sequence[float], limit: float, shift: float, texts: Texts | None = None) -> str:
    """The targets, the normalised outputs, their logs and the inputs; TABLE_JS writes the same."""
    texts = texts or Texts()
    a = np.asarray(typed, dtype=float) / np.sum(typed)
    log_a = sm.inverse_softmax(typed)
    z = log_a + shift
    rows = "".join(
        f"<tr><th scope='row'>{output_names('a', j + 1)[j]}</th><td>{typed[j]:g}</td>"
        f"<td>{number_html(a[j])}</td>"
        f"<td>{number_html(log_a[j])}</td><td class='{'z outside' if abs(z[j]) > limit else 'z'}'>"
        f"{number_html(z[j])}</td></tr>"
        for j in range(len(typed))
    )
    outside = texts("inverse.outside_note") if np.any(np.abs(z) > limit) else ""
    why = texts("inverse.why", shift=f"{shift:.1f}", limit=f"{limit:g}", outside=outside)
    return (
        f"<table class='readout inverse-table'><thead><tr>{texts('inverse.table_head')}</tr></thead>"
        f"<tbody>{rows}</tbody></table><p class='why'>{why}</p>"
    )


def normalised_html(total: float, texts: Texts | None = None) -> str:
    if abs(total - 1) <= SUM_TOLERANCE:
        return ""
    return (texts or Texts())("inverse.normalised", total=f"{total:.4g}")


# Same as targets_from_outputs().
TARGETS_JS = """
function targetsFromOutputs(outputs) {
  const scaled = outputs.map((v) => v * units);
  const got = scaled.map((s) => Math.max(1, Math.floor(s) + (s - Math.floor(s) >= 0.5 ? 1 : 0)));
  const total = () => got.reduce((sum, n) => sum + n, 0);
  while (total() < units) {
    let j = 0;
    got.forEach((n, i) => { if (scaled[i] - n > scaled[j] - got[j]) j = i; });
    got[j] += 1;
  }
  while (total() > units) {
    let j = -1;
    got.forEach((n, i) => { if (n > 1 && (j < 0 || scaled[i] - n < scaled[j] - got[j])) j = i; });
    got[j] -= 1;
  }
  return got.map((n) => n / units);
}
"""

# Same formatting as number_html() and table_html().
TABLE_JS = """
function numberHtml(v) {
  if (v === 0 || (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6)) return v.toFixed(4).replace("-", "−");
  const [m, e] = v.toExponential(2).split("e");
  return `${m.replace("-", "−")}×10<sup>${String(Number(e)).replace("-", "−")}</sup>`;
}
function targetsTable(typed, limit, shift) {
  const total = SoftmaxMath.sum(typed);
  const logA = SoftmaxMath.inverseSoftmax(typed, 0);
  const zs = logA.map((v) => v + shift);
  const rows = typed.map((t, j) =>
    `<tr><th scope='row'>${a_names[j]}</th><td>${t}</td><td>${numberHtml(t / total)}</td>` +
    `<td>${numberHtml(logA[j])}</td><td class='${Math.abs(zs[j]) > limit ? "z outside" : "z"}'>` +
    `${numberHtml(zs[j])}</td></tr>`).join("");
  const why = formatText(t.why, {
    shift: shift.toFixed(1), limit, outside: zs.some((v) => Math.abs(v) > limit) ? t.outside_note : ""});
  const html = `<table class='readout inverse-table'><thead><tr>${t.table_head}</tr></thead>` +
    `<tbody>${rows}</tbody></table><p class='why'>${why}</p>`;
  return {html, total, a: typed.map((t) => t / total), logA, z: zs};
}
"""

# Any input, the range, a typed target or C changed. A refused or corrected target rewrites
# its box, which runs this callback again: that call finds the box as the store has it and
# returns at once (so does the call after a box is filled with an output), leaving the notice.
# Boxes the student has not typed in show the current outputs (targetsFromOutputs) while no
# shown box has been typed in, and when they come into play as K grows: the page opened with
# ?K=10 then starts from the outputs in use, not from filler targets adding up to 1.6.
UPDATE_JS = TARGETS_JS + TABLE_JS + """
const K = z.length;
// Shown by style, not by ``visible``: a visibility change re-lays out the tabs, and Bokeh 3.9 fails
// to measure the text of the plots in hidden tabs then ("normal undefined helvetica").
boxes.forEach((b, j) => {
  const display = j < K ? "block" : "none";
  if (b.styles.display !== display) b.styles = {...b.styles, display};
});
const typedAll = Array.from(store.data.value);
const typedIn = (store.__typed_in ??= boxes.map(() => false));  // boxes the student typed a target in
const shownBefore = store.__shown ?? built_k;  // boxes shown at the last call (first: as built)
const j = boxes.indexOf(cb_obj);
if (j >= 0) {
  if (cb_obj.value === String(typedAll[j])) return;  // this callback's own rewrite of the box
  const text = String(cb_obj.value);
  const {value, message} = InputCheck.readNumber(text, {
    name: a_names[j], low: 0, high: 1, fallback: typedAll[j], positive: true, messages: target_messages});
  // The same reading without bounds: why a refused text was refused.
  const reading = InputCheck.readNumber(text, {
    name: a_names[j], low: -Infinity, high: Infinity, fallback: NaN, messages: target_messages}).value;
  if (reading > 0) typedIn[j] = true;  // a refused text leaves the box as it was
  if (value !== typedAll[j] || message !== "") {
    typedAll[j] = value;
    const empty = text.trim() === "";
    const why = empty ? "" : reading === 0 ? t.zero : reading < 0 ? t.negative : "";
    notice.text = message === "" ? "" :
      empty ? formatText(t.empty, {name: a_names[j], fallback: value, high: 1}) : message + why;
  }
  if (text !== String(value)) cb_obj.value = String(value);
}
const filled = [];
const following = typedIn.slice(0, K).every((typed) => !typed);  // none typed: all show the outputs
if (following || K > shownBefore) {
  targetsFromOutputs(SoftmaxMath.softmax(z, tau)).forEach((v, i) => {
    if (!typedIn[i] && (following || i >= shownBefore) && typedAll[i] !== v) {
      typedAll[i] = v;
      filled.push(i);
    }
  });
}
store.__shown = K;
store.data = {value: typedAll};
for (const i of filled) boxes[i].value = String(typedAll[i]);  // after the store: see above
const typed = typedAll.slice(0, K);
const limit = limits[range_buttons.active];  // the range chosen now (the sliders' bounds follow it)
const shift = c_slider.value;
const targets = targetsTable(typed, limit, shift);
values.data = {name: a_names.slice(0, K), typed, target: targets.a, log_a: targets.logA, z: targets.z};
setHtml(table, targets.html);
setHtml(normalised, Math.abs(targets.total - 1) <= tolerance ? "" :
  formatText(t.normalised, {total: Number(targets.total.toPrecision(4))}));
"""

# The inputs of the table onto the main sliders, clamped into their range; then what the
# main outputs are, compared with the targets.
APPLY_JS = """
const K = z.length;
const limit = z_sliders[0].end;
const wanted = Array.from(values.data.z);
const target = Array.from(values.data.target);
const low = [], high = [];
wanted.forEach((v, j) => {
  if (v < -limit) low.push(`${z_names[j]} = ${v.toFixed(2).replace("-", "−")}`);
  if (v > limit) high.push(`${z_names[j]} = ${v.toFixed(2)}`);
  z_sliders[j].value = Math.min(limit, Math.max(-limit, v));
});
const a = SoftmaxMath.softmax(z_sliders.slice(0, K).map((s) => s.value), tau);
const gap = Math.max(...a.map((v, j) => Math.abs(v - target[j])));
const notes = [];
if (low.length) notes.push(formatText(low.length > 1 ? t.below_many : t.below_one, {list: low.join(", "), limit}));
if (high.length) notes.push(formatText(high.length > 1 ? t.above_many : t.above_one, {list: high.join(", "), limit}));
if (low.length || high.length) notes.push(formatText(t.apply_exactly, {range: wide_range}));
if (Math.abs(tau - 1) > 1e-9) notes.push(formatText(t.tau_not_one, {tau: Number(tau.toPrecision(3))}));
notes.push(formatText(t.applied, {gap: gap.toExponential(1)}));
notice.text = notes.join(" ");
"""  # noqa: E501

# Every main slider moves by the same amount, or none does when one would leave the range.
SHIFT_JS = """
const K = z.length;
const limit = z_sliders[0].end;
const before = SoftmaxMath.softmax(z, tau);
const moved = z.map((v) => v + delta);
const outside = moved.findIndex((v) => Math.abs(v) > limit);
const list = (vs) => vs.map((v) => v.toFixed(2).replace("-", "−")).join(", ");
if (outside >= 0) {
  setHtml(result, formatText(t.refused, {
    delta: `${delta > 0 ? "+" : "−"}${Math.abs(delta)}`, name: z_names[outside],
    value: moved[outside].toFixed(2).replace("-", "−"), limit, range: wide_range}));
  return;
}
moved.forEach((v, j) => { z_sliders[j].value = v; });
const now = z_sliders.slice(0, K).map((s) => s.value);
const after = SoftmaxMath.softmax(now, tau);
const change = Math.max(...after.map((v, j) => Math.abs(v - before[j])));
setHtml(result, formatText(t.shifted, {
  delta: `${delta > 0 ? "+" : "−"}${Math.abs(delta)}`, before: list(z), after: list(now),
  change: change === 0 ? "0" : change.toExponential(1), outputs: after.map((v) => v.toFixed(3)).join(", ")}));
"""


class InverseView(pn.viewable.Viewer):
    """Typed target outputs -> inputs z = ln a + C, applied to or shifted on the main sliders."""

    slug = "inverse"
    title_key = "inverse.title"
    title = TEXTS[DEFAULT_LANGUAGE][title_key]  # default language; each page's own: self.title

    def __init__(self, controls: Controls, **params) -> None:
        super().__init__(**params)
        texts = self.texts = controls.texts
        self.title = texts(self.title_key)
        state = controls.state
        k, limit = state.k, state.z_limit
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
        self.table = Div(text=table_html(typed[:k], limit, 0.0, texts), syncable=False,
                         css_classes=["inverse-table"], sizing_mode="stretch_width")
        self.normalised = Div(text=normalised_html(sum(typed[:k]), texts), syncable=False,
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
        stylesheet = InlineStyleSheet(css=VIEW_CSS)
        for div in (heading, shift_heading, explanation, self.table, self.normalised, self.notice,
                    self.shift_result):
            div.stylesheets = [stylesheet]
        self._link(controls)
        targets = column(
            heading, row(*self.boxes, styles={"flex-wrap": "wrap"}), self.c_slider, self.normalised,
            self.table, self.apply_button, self.notice, width=560,
        )
        shift = column(shift_heading, row(*self.shift_buttons), self.shift_result, explanation,
                       sizing_mode="stretch_width")
        self.model = row(targets, shift, sizing_mode="stretch_width")

    def _link(self, controls: Controls) -> None:
        z_names = [z_label(j) for j in range(MAX_K)]
        a_names = output_names("a", MAX_K)
        wide_range = self.texts("controls.range", limit=f"{Z_LIMITS[-1]:g}")  # the range button's words
        # A target is a probability: the allowed values are "greater than 0 up to 1", not the
        # "0 to 1" of the general messages (every other input.* template is kept as it is).
        target_messages = {**self.texts.templates("input."),
                           **self.texts.templates("inverse.", "not_positive", "outside")}
        update = math_callback(
            UPDATE_JS, **controls.js_args, boxes=self.boxes, store=self.store, values=self.values,
            table=self.table, normalised=self.normalised, notice=self.notice, c_slider=self.c_slider,
            a_names=a_names, tolerance=SUM_TOLERANCE, units=TARGET_UNITS, built_k=controls.state.k,
            range_buttons=controls.inputs.range_buttons, limits=list(Z_LIMITS),
            t=self.texts.templates("inverse.", "why", "outside_note", "table_head", "zero", "negative",
                                   "empty", "normalised"),
            target_messages=target_messages,
        )
        controls.on_input(update)
        # The range decides which inputs the sliders can take (the orange marks and the note).
        controls.inputs.range_buttons.js_on_change("active", update)
        self.c_slider.js_on_change("value", update)
        for box in self.boxes:
            box.js_on_change("value", update)
        self.apply_button.js_on_event("button_click", math_callback(
            APPLY_JS, **controls.js_args, values=self.values, notice=self.notice, z_names=z_names,
            t=self.texts.templates("inverse.", "below_one", "below_many", "above_one", "above_many",
                                   "apply_exactly", "tau_not_one", "applied"),
            wide_range=wide_range,
        ))
        for button, delta in zip(self.shift_buttons, (-1.0, 1.0), strict=True):
            button.js_on_event("button_click", math_callback(
                SHIFT_JS, **controls.js_args, delta=delta, result=self.shift_result,
                z_names=z_names, t=self.texts.templates("inverse.", "refused", "shifted"),
                wide_range=wide_range,
            ))

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.pane.Bokeh(self.model, sizing_mode="stretch_width")

