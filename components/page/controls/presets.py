"""The preset buttons: each sets the range, z, K and tau at once in the browser."""

from __future__ import annotations

from dataclasses import asdict

import panel as pn
from bokeh.layouts import row
from bokeh.models import Button, CustomJS

from ...model.presets import PRESETS
from .controls import Z_LIMITS, Controls

# The range first, so that the sliders accept the preset's values; then z, K and tau.
APPLY_PRESET_JS = """
const index = limits.indexOf(preset.limit);
if (range_buttons.active !== index) range_buttons.active = index;
z_sliders.forEach((s, j) => {
  s.setv({start: -preset.limit, end: preset.limit});
  s.value = preset.z[j];
});
if (preset.k !== null) k_slider.value = preset.k;
if (preset.tau !== null) log_tau_slider.value = Math.log10(preset.tau);
setTimeout(() => { notice.text = ""; }, 0);
"""


class Presets(pn.viewable.Viewer):
    """A row of buttons, each setting every control at once in the browser."""

    def __init__(self, controls: Controls, **params) -> None:
        super().__init__(**params)
        self.buttons = []
        for preset in PRESETS:
            button = Button(label=controls.texts(preset.label_key), css_classes=["preset", preset.css_class])
            button.js_on_event("button_click", CustomJS(code=APPLY_PRESET_JS, args={
                **controls.js_args, "range_buttons": controls.range_buttons, "notice": controls.notice,
                "limits": list(Z_LIMITS), "preset": asdict(preset) | {"z": list(preset.z)},
            }))
            self.buttons.append(button)
        self.model = row(*self.buttons, css_classes=["presets"], sizing_mode="stretch_width",
                         styles={"flex-wrap": "wrap"})

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.pane.Bokeh(self.model, sizing_mode="stretch_width")
