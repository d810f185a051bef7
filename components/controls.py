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
from bokeh.models import (
    Button,
    CustomJS,
    CustomJSTickFormatter,
    Div,
    LayoutDOM,
    Slider,
    TextInput,
)

from components.browser_js import input_callback
from components.state import (
    BOOK_Z,
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


# Typed text -> slider. Refuses what is not a number, clamps what is out of range
# and says so in the notice. Rewriting the box runs this callback again (BokehJS
# may run it after this one returns), so a call that changes nothing returns early
# and cannot clear the notice just written.
TYPED_VALUE_JS = """
const shown = log_scale ? Number((10 ** slider.value).toPrecision(3)) : Number(slider.value.toFixed(2));
const {value, message} = InputCheck.readNumber(
  cb_obj.value, {name, low, high, fallback: shown, positive: log_scale});
if (value === shown && message === "") return;
if (cb_obj.value !== String(value)) cb_obj.value = String(value);
notice.text = message;
if (value !== shown) slider.value = log_scale ? Math.log10(value) : value;
"""

# Slider -> its typed box, rounded as the slider shows it. A slider moved by hand
# makes any earlier notice stale, so it is cleared.
SLIDER_TO_BOX_JS = """
const shown = String(Number(log_scale ? (10 ** cb_obj.value).toPrecision(3) : cb_obj.value.toFixed(2)));
if (box.value !== shown) {
  box.value = shown;
  notice.text = "";
}
"""

RESET_JS = """
z_sliders.forEach((s, j) => { s.value = book_z[j]; });
log_tau_slider.value = 0;
notice.text = "";
"""


class Controls(pn.viewable.Viewer):
    """Sliders and typed inputs for z_1..z_K and tau, mirrored into a SoftmaxState."""

    def __init__(self, state: SoftmaxState, *, sync_to_python: bool = True, **params: Any) -> None:
        super().__init__(**params)
        self.state = state
        # render_as_text: the notice quotes what the user typed, never as HTML.
        self.notice = Div(
            text="", css_classes=["notice"], syncable=False, sizing_mode="stretch_width",
            render_as_text=True, html_attributes={"role": "status", "aria-live": "polite"},
        )
        self.z_sliders = [
            Slider(
                start=Z_MIN, end=Z_MAX, step=Z_STEP, value=value, title=z_label(j),
                sizing_mode="stretch_width", css_classes=[f"z-slider-{j + 1}"],
            )
            for j, value in enumerate(state.z)
        ]
        self.log_tau_slider = Slider(
            start=math.log10(TAU_MIN), end=math.log10(TAU_MAX), step=LOG_TAU_STEP,
            value=math.log10(state.tau), title="τ (temperature, log scale)",
            format=CustomJSTickFormatter(code="return (10 ** tick).toPrecision(3);"),
            sizing_mode="stretch_width", css_classes=["tau-slider"],
        )
        self.z_boxes = [
            self._typed_box(slider, z_label(j), Z_MIN, Z_MAX, f"z-input-{j + 1}")
            for j, slider in enumerate(self.z_sliders)
        ]
        self.tau_box = self._typed_box(
            self.log_tau_slider, "τ", TAU_MIN, TAU_MAX, "tau-input", log_scale=True
        )
        self.reset_button = Button(label="Reset to the book's values", css_classes=["reset"])
        self.reset_button.js_on_event("button_click", CustomJS(code=RESET_JS, args={
            **self.js_args, "book_z": list(BOOK_Z), "notice": self.notice,
        }))
        if sync_to_python:  # not in the static export, which has no server
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

    def _typed_box(
        self, slider: Slider, name: str, low: float, high: float, css_class: str,
        log_scale: bool = False,
    ) -> TextInput:
        """A text box that shows the slider's value and sets it from typed numbers."""
        shown = 10**slider.value if log_scale else slider.value
        box = TextInput(
            value=f"{shown:.3g}" if log_scale else f"{shown:g}", width=80, syncable=False,
            title=f"{name} =", css_classes=[css_class],
        )
        common = {"log_scale": log_scale}
        slider.js_on_change("value", CustomJS(
            code=SLIDER_TO_BOX_JS, args={**common, "box": box, "notice": self.notice}
        ))
        box.js_on_change("value", input_callback(TYPED_VALUE_JS, **{
            **common, "slider": slider, "notice": self.notice, "name": name,
            "low": low, "high": high,
        }))
        return box

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
        """The sliders and their boxes; the page places the reset button and the notice."""
        slider_rows = [
            row(slider, box, sizing_mode="stretch_width")
            for slider, box in zip([*self.z_sliders, self.log_tau_slider],
                                   [*self.z_boxes, self.tau_box], strict=True)
        ]
        return column(*slider_rows, sizing_mode="stretch_width", css_classes=["controls"])

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.pane.Bokeh(self.model, sizing_mode="stretch_width")
