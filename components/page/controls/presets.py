"""The preset buttons: each sets the range, z, K and tau at once in the browser."""

from __future__ import annotations

from dataclasses import asdict

import panel as pn
from bokeh.layouts import row
from bokeh.models import Button

from ...browser.browser_js import js_code
from ...model.presets import PRESETS
from .controls import Z_LIMITS, Controls


class Presets(pn.viewable.Viewer):
    """A row of buttons, each setting every control at once in the browser."""

    def __init__(self, controls: Controls, **params) -> None:
        super().__init__(**params)
        self.buttons = []
        for preset in PRESETS:
            button = Button(label=controls.texts(preset.label_key), css_classes=["preset", preset.css_class])
            # The range first, so that the sliders accept the preset's values; then z, K and tau.
            button.js_on_event("button_click", js_code(
                "controls/apply_preset.js", **controls.js_args, range_buttons=controls.range_buttons,
                notice=controls.notice, limits=list(Z_LIMITS), preset=asdict(preset) | {"z": list(preset.z)},
            ))
            self.buttons.append(button)
        self.model = row(*self.buttons, css_classes=["presets"], sizing_mode="stretch_width",
                         styles={"flex-wrap": "wrap"})

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.pane.Bokeh(self.model, sizing_mode="stretch_width")
