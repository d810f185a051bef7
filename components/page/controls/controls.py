"""The inputs: a slider and a typed-number box per z_j, how many outputs (K), the
slider range, and the temperature tau.

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
    CustomJS,
    CustomJSTickFormatter,
    Div,
    LayoutDOM,
    RadioGroup,
    Slider,
    TextInput,
)

from ...browser.browser_js import MODULES_ARG, browser_modules, js_callback, js_formatter
from ...model.state import (
    BOOK_Z_LIMIT,
    MAX_K,
    MIN_K,
    TAU_MAX,
    TAU_MIN,
    WIDE_Z_LIMIT,
    Z_DECIMALS,
    Z_STEP,
    SoftmaxState,
    shown_number,
)
from ...words.i18n import Texts
from ..context import Inputs, ViewContext

Z_LIMITS = (BOOK_Z_LIMIT, WIDE_Z_LIMIT)
LOG_TAU_STEP = 0.01  # the temperature slider moves in log10(tau): 2.3 % per step
SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def z_label(index: int) -> str:
    """The book's name of the j-th weighted input, z^L_j, in plain Unicode."""
    return f"zᴸ{str(index + 1).translate(SUBSCRIPTS)}"


# K -> which slider rows show. Hidden inputs keep their values for when K grows again.
SHOW_K_ROWS_JS = "rows.forEach((r, j) => { r.visible = j < cb_obj.value; });"


class Controls(pn.viewable.Viewer):
    """Sliders and typed inputs for z_1..z_K, K, the range and tau, mirrored into a SoftmaxState."""

    def __init__(
        self, state: SoftmaxState, *, sync_to_python: bool = True, texts: Texts | None = None, **params: Any,
    ) -> None:
        super().__init__(**params)
        self.state = state
        # The page's one copy of the browser modules (SoftmaxMath, InputCheck, formatText,
        # setHtml): every browser callback gets it through js_args (components/browser/browser_js.py).
        # Built here because every callback that needs it already receives the controls.
        self.browser_modules = browser_modules()
        self.input_callbacks: list[CustomJS] = []  # every on_input callback: the page runs them at load
        # The page's language: every view reads its words from here (controls.texts("key")).
        self.texts = texts if texts is not None else Texts()
        # render_as_text: the notice quotes what the user typed, never as HTML.
        self.notice = Div(
            text="", css_classes=["notice"], syncable=False, sizing_mode="stretch_width",
            render_as_text=True, html_attributes={"role": "status", "aria-live": "polite"},
        )
        limit = state.z_limit
        z_format = self._slider_format(log_scale=False)  # one formatter model serves every z slider
        self.z_sliders = [
            Slider(
                start=-limit, end=limit, step=Z_STEP, value=value, title=z_label(j), format=z_format,
                sizing_mode="stretch_width", css_classes=[f"z-slider-{j + 1}"],
            )
            for j, value in enumerate(state.z)
        ]
        self.log_tau_slider = Slider(
            start=math.log10(TAU_MIN), end=math.log10(TAU_MAX), step=LOG_TAU_STEP,
            value=math.log10(state.tau), title=self.texts("controls.tau_title"),
            format=self._slider_format(log_scale=True),
            sizing_mode="stretch_width", css_classes=["tau-slider"],
        )
        self.k_slider = Slider(
            start=MIN_K, end=MAX_K, step=1, value=state.k, title=self.texts("controls.k_title"),
            sizing_mode="stretch_width", css_classes=["k-slider"],
        )
        # Native radio buttons (a radiogroup named for screen readers; arrow keys choose).
        self.range_buttons = RadioGroup(
            labels=[self.texts("controls.range", limit=f"{v:g}") for v in Z_LIMITS],
            active=Z_LIMITS.index(limit), css_classes=["z-range"], inline=True,
            html_attributes={"role": "radiogroup", "aria-label": self.texts("controls.range_label")},
        )
        self.z_boxes = [
            self._typed_box(slider, z_label(j), f"z-input-{j + 1}")
            for j, slider in enumerate(self.z_sliders)
        ]
        self.tau_box = self._typed_box(self.log_tau_slider, "τ", "tau-input", log_scale=True)
        boxes = [*self.z_boxes, self.tau_box]
        # Typed text -> slider, one callback for every box (static/js/callbacks/controls/typed_value.js).
        typed_value = js_callback(
            "controls/typed_value.js", boxes=boxes, sliders=[*self.z_sliders, self.log_tau_slider],
            names=[*(z_label(j) for j in range(len(self.z_boxes))), "τ"],
            log_scales=[False] * len(self.z_boxes) + [True], notice=self.notice,
            tau_low=TAU_MIN, tau_high=TAU_MAX, messages=self.texts.templates("input."), z_decimals=Z_DECIMALS,
            **{MODULES_ARG: self.browser_modules},
        )
        for box in boxes:
            box.js_on_change("value", typed_value)
        self.z_rows = [
            row(slider, box, sizing_mode="stretch_width", visible=j < state.k)
            for j, (slider, box) in enumerate(zip(self.z_sliders, self.z_boxes, strict=True))
        ]
        self.k_slider.js_on_change("value", CustomJS(code=SHOW_K_ROWS_JS, args={"rows": self.z_rows}))
        # Range -> every z slider's bounds, clamping (and naming) the values outside a narrower one.
        self.range_buttons.js_on_change("active", js_callback(
            "controls/z_range.js", z_sliders=self.z_sliders, limits=list(Z_LIMITS), notice=self.notice,
            labels=[z_label(j) for j in range(len(self.z_sliders))],
            t=self.texts.templates("controls.", "range_clamped", "range_clamped_item", "list_separator"),
            **{MODULES_ARG: self.browser_modules},
        ))
        self.inputs = Inputs(z_sliders=self.z_sliders, log_tau_slider=self.log_tau_slider,
                             k_slider=self.k_slider, range_buttons=self.range_buttons, notice=self.notice)
        if sync_to_python:  # not in the static export, which has no server
            self._mirror_into_state()
        self.model = self._layout()

    @property
    def js_args(self) -> dict[str, Any]:
        """What every view's browser callback needs: the inputs (static/js/prelude/read_inputs.js
        reads them) and the page's browser modules (static/js/prelude/load_modules.js)."""
        return {
            "z_sliders": self.z_sliders, "log_tau_slider": self.log_tau_slider, "k_slider": self.k_slider,
            MODULES_ARG: self.browser_modules,
        }

    @property
    def context(self) -> ViewContext:
        """What the page's views are given (page/context.py)."""
        return ViewContext(state=self.state, texts=self.texts, inputs=self.inputs,
                           modules=self.browser_modules,
                           _on_input=self.on_input)

    def on_input(self, callback: CustomJS) -> None:
        """Run a browser callback whenever any input changes (and once at load: ``input_callbacks``)."""
        self.input_callbacks.append(callback)
        for slider in [*self.z_sliders, self.log_tau_slider, self.k_slider]:
            slider.js_on_change("value", callback)

    def _slider_format(self, log_scale: bool) -> CustomJSTickFormatter:
        """How a slider writes its value in its title: InputCheck.show, as its box does
        (static/js/callbacks/controls/slider_format.js)."""
        return js_formatter("controls/slider_format.js", log_scale=log_scale, z_decimals=Z_DECIMALS,
                            **{MODULES_ARG: self.browser_modules})

    def _typed_box(self, slider: Slider, name: str, css_class: str, log_scale: bool = False) -> TextInput:
        """A text box that shows the slider's value (controls/typed_value.js sets the slider from it)."""
        box = TextInput(
            value=shown_number(10**slider.value) if log_scale else shown_number(slider.value, Z_DECIMALS),
            width=80, syncable=False,
            title=self.texts("controls.box_title", name=name), css_classes=[css_class],
        )
        slider.js_on_change("value", js_callback(
            "controls/slider_to_box.js", log_scale=log_scale, box=box, notice=self.notice,
            decimals=0 if log_scale else Z_DECIMALS, **{MODULES_ARG: self.browser_modules},
        ))
        return box

    def _mirror_into_state(self) -> None:
        """Browser -> state on every synced change; state -> browser when Python sets it."""
        self._applying_browser_change = False
        for j, slider in enumerate(self.z_sliders):
            slider.on_change("value", self._from_browser(lambda new, j=j: self.state.set_z(j, new)))
        # The slider's ends are log10(TAU_MIN) and log10(TAU_MAX), and 10 ** log10(20) is
        # 20.000000000000004: clamped here, or tau at its end (End key, or 20 typed) would be
        # "outside 0.05..20" in the state's notices. The slider cannot go further: only noise is cut.
        self.log_tau_slider.on_change("value", self._from_browser(
            lambda new: self.state.set_tau(min(TAU_MAX, max(TAU_MIN, 10**new)))))
        self.k_slider.on_change("value", self._from_browser(self.state.set_k))
        self.range_buttons.on_change(
            "active", self._from_browser(lambda new: self.state.set_z_limit(Z_LIMITS[new]))
        )
        self.state.param.watch(self._push_to_browser, ["z", "tau", "k", "z_limit"])

    def _from_browser(self, apply: Any) -> Any:
        """A Bokeh on_change handler that updates the state without echoing back to the browser.

        The browser already shows (and has clamped) what it sent. Echoing the state back races
        with the browser's next changes: a preset that narrows the range and then sets z would
        see the server's clamped old values arrive after its own and undo them.
        """

        def handler(_attr: str, _old: Any, new: Any) -> None:
            self._applying_browser_change = True
            try:
                apply(new)
            finally:
                self._applying_browser_change = False

        return handler

    def _push_to_browser(self, *_events: Any) -> None:
        if self._applying_browser_change:
            return
        limit = self.state.z_limit
        if self.range_buttons.active != Z_LIMITS.index(limit):
            self.range_buttons.active = Z_LIMITS.index(limit)
        for slider, value in zip(self.z_sliders, self.state.z, strict=True):
            if slider.end != limit:
                slider.update(start=-limit, end=limit)
            if slider.value != value:
                slider.value = value
        for j, z_row in enumerate(self.z_rows):
            z_row.visible = j < self.state.k
        if self.k_slider.value != self.state.k:
            self.k_slider.value = self.state.k
        log_tau = math.log10(self.state.tau)
        if abs(self.log_tau_slider.value - log_tau) > 1e-9:
            self.log_tau_slider.value = log_tau

    def _layout(self) -> LayoutDOM:
        """The sliders and their boxes; the page places the buttons and the notice."""
        tau_row = row(self.log_tau_slider, self.tau_box, sizing_mode="stretch_width")
        return column(
            *self.z_rows, tau_row, self.k_slider, self.range_buttons,
            sizing_mode="stretch_width", css_classes=["controls"],
        )

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.pane.Bokeh(self.model, sizing_mode="stretch_width")
