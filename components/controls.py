"""The inputs: one slider and one typed-number box per z_j, the temperature, reset.

The controls are plain Bokeh widgets, linked to each other in the browser so a
drag or a typed number takes effect without a server round trip (and in the
static export, where there is no server). Their values are mirrored into the
session's SoftmaxState in Python, which stays the reference.
"""

from __future__ import annotations

import math
from typing import Any

import panel as pn
from bokeh.layouts import column, row
from bokeh.models import Button, LayoutDOM, CustomJS, CustomJSTickFormatter, Div, Slider, Spinner

from components.state import (
    BOOK_Z,
    TAU_DEFAULT,
    TAU_MAX,
    TAU_MIN,
    Z_MAX,
    Z_MIN,
    Z_STEP,
    SoftmaxState,
)

LOG_TAU_STEP = 0.01  # the temperature slider moves in log10(tau): 2.3 % per step
SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def z_label(index: int) -> str:
    """The book's name of the j-th weighted input, z^L_j, in plain Unicode."""
    return f"zᴸ{str(index + 1).translate(SUBSCRIPTS)}"


# Typed value -> slider: refuse what is not a number, clamp what is out of range,
# and say so in the notice instead of failing silently.
TYPED_Z_JS = """
const value = cb_obj.value;
if (value === null || !Number.isFinite(value)) {
  notice.text = `${name}: please type a number from ${low} to ${high}; kept ${slider.value}.`;
  cb_obj.value = slider.value;
  return;
}
const clamped = Math.min(high, Math.max(low, value));
if (clamped !== value) {
  notice.text = `${name}: ${value} is outside ${low} to ${high}, so ${clamped} is used.`;
  cb_obj.value = clamped;
} else {
  notice.text = "";
}
if (slider.value !== clamped) slider.value = clamped;
"""

TYPED_TAU_JS = """
const value = cb_obj.value;
const shown = () => Number((10 ** slider.value).toPrecision(3));
if (value === null || !Number.isFinite(value) || value <= 0) {
  notice.text = `τ: please type a positive number from ${low} to ${high}; kept ${shown()}.`;
  cb_obj.value = shown();
  return;
}
const clamped = Math.min(high, Math.max(low, value));
if (clamped !== value) {
  notice.text = `τ: ${value} is outside ${low} to ${high}, so ${clamped} is used.`;
  cb_obj.value = clamped;
} else {
  notice.text = "";
}
if (shown() !== clamped) slider.value = Math.log10(clamped);
"""

TAU_SLIDER_TO_INPUT_JS = "tau_input.value = Number((10 ** cb_obj.value).toPrecision(3));"

RESET_JS = """
z_sliders.forEach((s, j) => { s.value = book_z[j]; });
log_tau_slider.value = 0;
notice.text = "";
"""


class Controls(pn.viewable.Viewer):
    """Sliders and typed inputs for z_1..z_K and tau, mirrored into a SoftmaxState."""

    def __init__(self, state: SoftmaxState, **params: Any) -> None:
        super().__init__(**params)
        self.state = state
        self.notice = Div(
            text="", css_classes=["notice"], syncable=False, sizing_mode="stretch_width",
            html_attributes={"role": "status", "aria-live": "polite"},
        )
        self.z_sliders = [
            Slider(
                start=Z_MIN, end=Z_MAX, step=Z_STEP, value=value, title=z_label(j),
                sizing_mode="stretch_width", css_classes=[f"z-slider-{j + 1}"],
            )
            for j, value in enumerate(state.z)
        ]
        self.z_inputs = [
            Spinner(
                low=Z_MIN, high=Z_MAX, step=Z_STEP, value=value, width=90, syncable=False,
                title=f"type {z_label(j)}", css_classes=[f"z-input-{j + 1}"],
            )
            for j, value in enumerate(state.z)
        ]
        self.log_tau_slider = Slider(
            start=math.log10(TAU_MIN), end=math.log10(TAU_MAX), step=LOG_TAU_STEP,
            value=math.log10(state.tau), title="τ (temperature, log scale)",
            format=CustomJSTickFormatter(code="return (10 ** tick).toPrecision(3);"),
            sizing_mode="stretch_width", css_classes=["tau-slider"],
        )
        self.tau_input = Spinner(
            low=TAU_MIN, high=TAU_MAX, step=0.05, value=state.tau, width=90, syncable=False,
            title="type τ", css_classes=["tau-input"],
        )
        self.reset_button = Button(
            label="Reset to the book's values", button_type="default", css_classes=["reset"],
        )
        self._link_in_browser()
        self._mirror_into_state()
        self.model = self._layout()

    @property
    def js_args(self) -> dict[str, Any]:
        """What every view's browser callback needs to read the inputs."""
        return {"z_sliders": self.z_sliders, "log_tau_slider": self.log_tau_slider}

    def on_input(self, callback: CustomJS) -> None:
        """Run a browser callback whenever any input changes."""
        for slider in [*self.z_sliders, self.log_tau_slider]:
            slider.js_on_change("value", callback)

    def _link_in_browser(self) -> None:
        for j, (slider, typed) in enumerate(zip(self.z_sliders, self.z_inputs, strict=True)):
            slider.js_link("value", typed, "value")
            typed.js_on_change("value", CustomJS(code=TYPED_Z_JS, args={
                "slider": slider, "notice": self.notice, "name": z_label(j),
                "low": Z_MIN, "high": Z_MAX,
            }))
        self.log_tau_slider.js_on_change(
            "value", CustomJS(code=TAU_SLIDER_TO_INPUT_JS, args={"tau_input": self.tau_input})
        )
        self.tau_input.js_on_change("value", CustomJS(code=TYPED_TAU_JS, args={
            "slider": self.log_tau_slider, "notice": self.notice, "low": TAU_MIN, "high": TAU_MAX,
        }))
        self.reset_button.js_on_event("button_click", CustomJS(code=RESET_JS, args={
            **self.js_args, "book_z": list(BOOK_Z), "notice": self.notice,
        }))

    def _mirror_into_state(self) -> None:
        """Browser -> state on every synced change; state -> browser when Python sets it."""
        for j, slider in enumerate(self.z_sliders):
            slider.on_change("value", lambda _attr, _old, new, j=j: self.state.set_z(j, new))
        self.log_tau_slider.on_change(
            "value", lambda _attr, _old, new: self.state.set_tau(10**new)
        )
        self.state.param.watch(self._push_to_browser, ["z", "tau"])

    def _push_to_browser(self, *_events: Any) -> None:
        for slider, value in zip(self.z_sliders, self.state.z, strict=True):
            if slider.value != value:
                slider.value = value
        log_tau = math.log10(self.state.tau)
        if abs(self.log_tau_slider.value - log_tau) > 1e-9:
            self.log_tau_slider.value = log_tau

    def _layout(self) -> LayoutDOM:
        """The Bokeh layout of the controls (shared by the served page and the export)."""
        z_rows = [
            row(slider, typed, sizing_mode="stretch_width")
            for slider, typed in zip(self.z_sliders, self.z_inputs, strict=True)
        ]
        tau_row = row(self.log_tau_slider, self.tau_input, sizing_mode="stretch_width")
        return column(
            *z_rows, tau_row, self.reset_button, self.notice,
            sizing_mode="stretch_width", css_classes=["controls"],
        )

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.pane.Bokeh(self.model, sizing_mode="stretch_width")
