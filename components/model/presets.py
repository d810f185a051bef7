"""One-click starting points, as data (page/controls/presets.py makes them buttons): the book's
values, all equal, one dominant, near-ties and extreme values (which widen the sliders to ±1000
to show that nothing overflows)."""

from __future__ import annotations

from dataclasses import dataclass

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
