"""One-click starting points: the book's values, all equal, one dominant, near-ties and
extreme values (which widen the sliders to ±1000 to show that nothing overflows)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import panel as pn
from bokeh.layouts import row
from bokeh.models import Button, CustomJS

from ..page.controls.controls import Z_LIMITS, Controls
from .state import BOOK_K, BOOK_Z_LIMIT, START_Z, TAU_DEFAULT, WIDE_Z_LIMIT


@dataclass(frozen=True)
class Preset:
    label_key: str  # the button's words: TEXTS[lang][label_key] (components/words/i18n.py)
    css_class: str
    z: tuple[float, ...]  # one value per possible output (MAX_K)
    limit: float = BOOK_Z_LIMIT
    k: int | None = None  # None keeps the current K
    tau: float | None = None  # None keeps the current temperature


PRESETS: tuple[Preset, ...] = (
    Preset("preset.book", "preset-book", START_Z, k=BOOK_K, tau=TAU_DEFAULT),
    Preset("preset.equal", "preset-equal", (1.0,) * 10),
    Preset("preset.dominant", "preset-dominant", (4.0, *(-1.0,) * 9)),
    Preset("preset.ties", "preset-ties", (2.0, 2.1, 1.9, 2.05, 1.95, 2.02, 1.98, 2.08, 1.92, 2.0)),
    Preset("preset.extreme", "preset-extreme",
           (1000.0, -1000.0, 999.0, 0.0, 500.0, -500.0, 998.0, -999.0, 1.0, -1.0),
           limit=WIDE_Z_LIMIT, tau=TAU_DEFAULT),
)

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
