"""The demo's state for one browser session: weighted inputs z and temperature tau.

Validation and clamping of outside input (typed numbers, URL values, notebook
calls) live here, once: anything unusable becomes a safe value plus a message.
"""

from __future__ import annotations

import math

import numpy as np
import param

from components import softmax_math

# The book's demo: four outputs, sliders from -5 to 5 in steps of 0.1.
BOOK_Z: tuple[float, ...] = (2.5, -1.0, 3.2, 0.5)
Z_MIN, Z_MAX, Z_STEP = -5.0, 5.0, 0.1
TAU_MIN, TAU_MAX, TAU_DEFAULT = 0.05, 20.0, 1.0


def _to_float(value: object) -> float | None:
    """A finite float from a number or text, or None when there is none."""
    if isinstance(value, bool):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def clamp_z(value: object, name: str = "z") -> tuple[float, str | None]:
    """A weighted input inside the slider range, and a message when it was changed."""
    number = _to_float(value)
    if number is None:
        return 0.0, f"{name}: '{value}' is not a finite number, so 0 is used."
    if not Z_MIN <= number <= Z_MAX:
        clamped = min(Z_MAX, max(Z_MIN, number))
        return clamped, f"{name}: {number:g} is outside {Z_MIN:g}..{Z_MAX:g}, so {clamped:g} is used."
    return number + 0.0, None  # + 0.0 turns -0.0 into 0.0


def clamp_tau(value: object) -> tuple[float, str | None]:
    """A temperature inside the slider range, and a message when it was changed."""
    number = _to_float(value)
    if number is None or number <= 0:
        return TAU_DEFAULT, (
            f"tau: '{value}' is not a positive number, so {TAU_DEFAULT:g} is used."
        )
    if not TAU_MIN <= number <= TAU_MAX:
        clamped = min(TAU_MAX, max(TAU_MIN, number))
        return clamped, f"tau: {number:g} is outside {TAU_MIN:g}..{TAU_MAX:g}, so {clamped:g} is used."
    return number, None


class SoftmaxState(param.Parameterized):
    """Weighted inputs and temperature of one session; outputs derive from them."""

    z = param.List(default=list(BOOK_Z), item_type=float, doc="Weighted inputs z^L_j.")
    tau = param.Number(
        default=TAU_DEFAULT, bounds=(TAU_MIN, TAU_MAX), doc="Temperature: a = softmax(z / tau)."
    )
    notices = param.List(default=[], item_type=str, doc="Messages about corrected input.")

    def set_z(self, index: int, value: object) -> None:
        """Set one weighted input, clamped to the slider range."""
        clamped, message = clamp_z(value, name=f"z{index + 1}")
        new_z = list(self.z)
        new_z[index] = clamped
        self.z = new_z
        if message:
            self.notices = [*self.notices, message]

    def set_tau(self, value: object) -> None:
        """Set the temperature, clamped to the slider range."""
        clamped, message = clamp_tau(value)
        self.tau = clamped
        if message:
            self.notices = [*self.notices, message]

    def reset(self) -> None:
        """Back to the book's starting values."""
        self.param.update(z=list(BOOK_Z), tau=TAU_DEFAULT, notices=[])

    @property
    def softmax_outputs(self) -> np.ndarray:
        """The reference values the browser must show: numpy, not JS."""
        return softmax_math.softmax(self.z, self.tau)

    @property
    def sigmoid_outputs(self) -> np.ndarray:
        return softmax_math.sigmoid(self.z)
