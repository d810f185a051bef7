"""The demo's state for one browser session: weighted inputs z, how many of them (K),
the slider range and the temperature tau.

Validation and clamping of outside input (typed numbers, URL values, notebook
calls) live here, once: anything unusable becomes a safe value plus a message.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Context, Decimal

import numpy as np
import param

from ..words.i18n import DEFAULT_LANGUAGE, Texts
from . import softmax_math

# The book's demo: four outputs, sliders from -5 to 5 in steps of 0.1.
BOOK_Z: tuple[float, ...] = (2.5, -1.0, 3.2, 0.5)
BOOK_K, MIN_K, MAX_K = 4, 2, 10
Z_STEP = 0.1
Z_DECIMALS = 1  # every z is written with at least the decimals of the sliders' step
BOOK_Z_LIMIT, WIDE_Z_LIMIT = 5.0, 1000.0  # the book's range, and one for extreme values
Z_MIN, Z_MAX = -BOOK_Z_LIMIT, BOOK_Z_LIMIT
TAU_MIN, TAU_MAX, TAU_DEFAULT = 0.05, 20.0, 1.0
START_Z: tuple[float, ...] = (*BOOK_Z, *([0.0] * (MAX_K - len(BOOK_Z))))


# A plain decimal number in ASCII digits, as static/js/lib/input_check.js reads it: float() alone would
# also take "1_000", "٣" or "３" (other scripts' digits) that the browser refuses.
_DECIMAL = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?", re.ASCII | re.IGNORECASE)
# U+2212 MINUS SIGN is a minus, as in the browser: the page prints it and people paste it back.
_MINUS = "\u2212"
_MAX_QUOTED = 40  # long input is shortened in messages, as the browser does (input_check.js)
_TWELVE_DIGITS = Context(prec=12, rounding=ROUND_HALF_UP)  # JavaScript's toPrecision(12)


def _read_number(value: object) -> float | None:
    """A float from a number or text (a decimal comma is a point, U+2212 a minus), or None when there
    is none. A decimal number too large for a float (text "1e400", 5000 digits, an int of 400 digits)
    reads as +-inf, so that it is clamped and called too large; a float inf or NaN is no number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        value = value.strip().replace(_MINUS, "-").replace(",", ".", 1)
        if not _DECIMAL.fullmatch(value):
            return None
        return float(value)  # the pattern guarantees a decimal: finite or +-inf, never NaN
    try:
        number = float(value)  # type: ignore[arg-type]
    except OverflowError:  # an int (or Fraction, Decimal...) beyond the largest float
        return math.inf if value > 0 else -math.inf  # type: ignore[operator]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _to_float(value: object) -> float | None:
    """A finite float from a number or text, or None when there is none (or it is too large)."""
    number = _read_number(value)
    return number if number is not None and math.isfinite(number) else None


def _quote(value: object) -> str:
    """What was given, as given (stripped), shortened as the browser shortens it."""
    text = value.strip() if isinstance(value, str) else str(value)
    return f"{text[:_MAX_QUOTED]}…" if len(text) > _MAX_QUOTED else text


def shown_number(value: float, decimals: int = 0) -> str:
    """An input as the page writes it: up to 12 significant digits, trailing zeros trimmed, never -0;
    with ``decimals``, at least that many decimals (the z sliders' grid of 0.1: "-1.0", "2.004").

    The twin of InputCheck.show (js/lib/input_check.js): JavaScript's String(Number(v.toPrecision(12))),
    whose form (positional from 1e-6 to 1e21, else "1.5e-7", "1e+21") this copies, so that the
    first render (Python) and every later one (the browser) write the same digits.
    """
    if not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    # toPrecision rounds the exact binary value, ties away from zero (123456789012.5 -> ...013);
    # Python's format would round ties to even. + 0.0 turns -0.0 into 0.0.
    number = float(_TWELVE_DIGITS.plus(Decimal(value))) + 0.0
    if number == 0 or 1e-6 <= abs(number) < 1e21:
        text = np.format_float_positional(number, trim="-")
        if decimals:
            whole, _, fraction = text.partition(".")
            text = f"{whole}.{fraction.ljust(decimals, '0')}"
        return text
    return np.format_float_scientific(number, trim="-", exp_digits=1)


def clamp_z(
    value: object, name: str = "z", limit: float = BOOK_Z_LIMIT, texts: Texts | None = None,
) -> tuple[float, str | None]:
    """A weighted input inside the slider range, and a message (in texts' language) when it was changed."""
    texts = texts or Texts()
    number = _read_number(value)
    if number is None:
        return 0.0, texts("state.z_not_finite", name=name, value=_quote(value))
    bounds = {"low": shown_number(-limit), "high": shown_number(limit)}
    if math.isinf(number):  # too large for a float: the nearest bound, as for any number outside
        clamped = math.copysign(limit, number)
        return clamped, texts("state.z_too_large", name=name, value=_quote(value), **bounds,
                              clamped=shown_number(clamped))
    if not -limit <= number <= limit:
        clamped = min(limit, max(-limit, number))
        return clamped, texts("state.z_outside", name=name, number=shown_number(number), **bounds,
                              clamped=shown_number(clamped))
    return number + 0.0, None  # + 0.0 turns -0.0 into 0.0


def clamp_tau(value: object, texts: Texts | None = None) -> tuple[float, str | None]:
    """A temperature inside the slider range, and a message when it was changed."""
    texts = texts or Texts()
    number = _read_number(value)
    if number is None or number <= 0:
        return TAU_DEFAULT, texts("state.tau_not_positive", value=_quote(value),
                                  default=shown_number(TAU_DEFAULT))
    bounds = {"low": shown_number(TAU_MIN), "high": shown_number(TAU_MAX)}
    if math.isinf(number):
        return TAU_MAX, texts("state.tau_too_large", value=_quote(value), **bounds,
                              clamped=shown_number(TAU_MAX))
    if not TAU_MIN <= number <= TAU_MAX:
        clamped = min(TAU_MAX, max(TAU_MIN, number))
        return clamped, texts("state.tau_outside", number=shown_number(number), **bounds,
                              clamped=shown_number(clamped))
    return number, None


def clamp_k(value: object, texts: Texts | None = None) -> tuple[int, str | None]:
    """A number of outputs from MIN_K to MAX_K, and a message when it was changed."""
    texts = texts or Texts()
    number = _read_number(value)
    if number is None:
        return BOOK_K, texts("state.k_not_number", value=_quote(value), default=BOOK_K)
    if math.isinf(number):
        clamped = MAX_K if number > 0 else MIN_K
        return clamped, texts("state.k_too_large", value=_quote(value), low=MIN_K, high=MAX_K,
                              clamped=clamped)
    # Halves round up, as the browser's Math.round does for a link's ?K= (Python's round(2.5) is 2).
    clamped = int(min(MAX_K, max(MIN_K, math.floor(number + 0.5))))
    if clamped != number:
        return clamped, texts("state.k_not_whole", number=shown_number(number), low=MIN_K, high=MAX_K,
                              clamped=clamped)
    return clamped, None


class SoftmaxState(param.Parameterized):
    """Inputs and temperature of one session; outputs derive from them.

    ``z`` always holds MAX_K inputs so that hiding an output and showing it again
    keeps its value; the first ``k`` are the ones in play (``active_z``).
    """

    z = param.List(default=list(START_Z), item_type=float, doc="Weighted inputs z^L_j (all MAX_K).")
    k = param.Integer(default=BOOK_K, bounds=(MIN_K, MAX_K), doc="How many outputs are in play.")
    z_limit = param.Selector(default=BOOK_Z_LIMIT, objects=[BOOK_Z_LIMIT, WIDE_Z_LIMIT],
                             doc="Sliders run from -z_limit to z_limit.")
    tau = param.Number(default=TAU_DEFAULT, bounds=(TAU_MIN, TAU_MAX), doc="Temperature: softmax(z / tau).")
    notices = param.List(default=[], item_type=str, doc="Messages about corrected input.")
    lang = param.String(default=DEFAULT_LANGUAGE, doc="The language of the notices (words/i18n.py).")

    def _notice(self, message: str | None) -> None:
        if message:
            self.notices = [*self.notices, message]

    def set_z(self, index: int, value: object) -> None:
        """Set one weighted input, clamped to the slider range."""
        clamped, message = clamp_z(value, name=f"z{index + 1}", limit=self.z_limit, texts=Texts(self.lang))
        new_z = list(self.z)
        new_z[index] = clamped
        self.z = new_z
        self._notice(message)

    def set_k(self, value: object) -> None:
        clamped, message = clamp_k(value, texts=Texts(self.lang))
        self.k = clamped
        self._notice(message)

    def set_z_limit(self, value: object) -> None:
        """Switch the slider range; inputs outside a narrower range are clamped into it, and a
        notice names each one moved, from what to what, as the browser does (controls/z_range.js)."""
        limit = WIDE_Z_LIMIT if _to_float(value) == WIDE_Z_LIMIT else BOOK_Z_LIMIT
        texts = Texts(self.lang)
        clamped = [min(limit, max(-limit, v)) for v in self.z]
        # 12 significant digits and the page's minus, as z_range.js writes them (inputs here are
        # beyond 5 in size, never in exponent form).
        def shown(v: float) -> str:
            return f"{v:.12g}".replace("-", "\u2212")

        moved = [texts("controls.range_clamped_item", name=f"z{j + 1}", old=shown(old), new=shown(new))
                 for j, (old, new) in enumerate(zip(self.z, clamped, strict=True)) if old != new]
        self.param.update(z_limit=limit, z=clamped)
        if moved:
            self._notice(texts("controls.range_clamped", limit=f"{limit:g}",
                               changes=texts("controls.list_separator").join(moved)))

    def set_tau(self, value: object) -> None:
        """Set the temperature, clamped to the slider range."""
        clamped, message = clamp_tau(value, texts=Texts(self.lang))
        self.tau = clamped
        self._notice(message)

    def reset(self) -> None:
        """Back to the book's starting values."""
        self.param.update(z=list(START_Z), k=BOOK_K, z_limit=BOOK_Z_LIMIT, tau=TAU_DEFAULT, notices=[])

    @property
    def active_z(self) -> list[float]:
        return list(self.z[: self.k])

    @property
    def softmax_outputs(self) -> np.ndarray:
        """The reference values the browser must show: numpy, not JS."""
        return softmax_math.softmax(self.active_z, self.tau)

    @property
    def sigmoid_outputs(self) -> np.ndarray:
        return softmax_math.sigmoid(self.active_z)
