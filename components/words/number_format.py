"""How the exercise views print numbers, in Python and (static/js/lib/number_format.js) in the browser.

One formatter for every view, so that a number reads the same wherever it is shown:

- ``format_number(v, digits)``: ``digits`` significant digits, exponent form outside
  1e-4..1e6 (JS ``toPrecision`` / ``toExponential``): the Jacobian, the thermodynamic table.
- ``format_fixed(v, decimals, signed=...)``: fixed decimals (JS ``toFixed``) where they show
  the value, else two significant digits in exponent form: a gradient of −1.2e−8 next to one
  of −4.4e−5 must not print as "−0.000", which reads as if it were the larger one. With
  ``signed`` a positive value gets "+" (changes, gradients). Exact 0 is "0", never "+0.000".
- ``power_html(text)``: "−1.2e−8" as "−1.2×10<sup>−8</sup>" for sentences.

Negative numbers get a real minus sign (U+2212), as Bokeh's axis ticks do
(BasicTickFormatter); the page prints no hyphen-minus in front of a number.

The Python functions round the exact binary value half away from zero, as JS does; Python's
own format() rounds ties to even (0.0625 to 3 decimals: JS "0.063", format() "0.062"), which
made a number written by the server differ from the same number written by the browser.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

MINUS = "−"
FIXED_LIMIT = 1e6  # from here on, fixed decimals would be long: exponent form

def _significant(size: Decimal, digits: int) -> tuple[Decimal, int]:
    """``size`` > 0 rounded to ``digits`` significant digits (half up) and its decimal exponent."""
    exponent = size.adjusted()
    rounded = size.quantize(Decimal(1).scaleb(exponent - digits + 1), rounding=ROUND_HALF_UP)
    if rounded.adjusted() > exponent:  # 9.96 -> 10.0: one more digit before the point
        exponent += 1
        rounded = size.quantize(Decimal(1).scaleb(exponent - digits + 1), rounding=ROUND_HALF_UP)
    return rounded, exponent


def _exponential(size: Decimal, decimals: int) -> str:
    """JS ``toExponential(decimals)`` of ``size`` > 0: "1.2e-8", "3.00e+5"."""
    rounded, exponent = _significant(size, decimals + 1)
    mantissa = rounded.scaleb(-exponent).quantize(Decimal(1).scaleb(-decimals))
    return f"{mantissa:f}e{'+' if exponent >= 0 else '-'}{abs(exponent)}"


def _precision(size: Decimal, digits: int) -> str:
    """JS ``toPrecision(digits)`` of ``size`` > 0 (exponent form when the exponent is >= digits)."""
    rounded, exponent = _significant(size, digits)
    if exponent >= digits or exponent < -6:
        return _exponential(size, digits - 1)
    return f"{rounded.quantize(Decimal(1).scaleb(min(exponent - digits + 1, 0))):f}"


def _with_sign(value: float, text: str, signed: bool = False) -> str:
    return (MINUS if value < 0 else "+" if signed else "") + text.replace("-", MINUS)


def format_number(value: float, digits: int = 3) -> str:
    """``digits`` significant digits as NumberFormat.formatNumber writes them: "0.0900", "−2.70e−5"."""
    value = float(value)
    if value == 0:
        return "0"
    size = Decimal(abs(value))
    text = _precision(size, digits) if 1e-4 <= abs(value) < FIXED_LIMIT else _exponential(size, digits - 1)
    return _with_sign(value, text)


def format_fixed(value: float, decimals: int = 3, *, signed: bool = False) -> str:
    """``decimals`` fixed decimals where they show the value, else 2 significant digits ("−1.2e−8").

    As NumberFormat.formatFixed writes it. ``signed``: "+" before a positive value.
    Exact 0 is "0": no rounded number is printed as zero unless it is zero.
    """
    value = float(value)
    if value == 0:
        return "0"
    size = abs(value)
    if float(f"1e-{decimals}") <= size < FIXED_LIMIT:
        text = f"{Decimal(size).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP):f}"
    else:
        text = _exponential(Decimal(size), 1)
    return _with_sign(value, text, signed)


def power_html(text: str) -> str:
    """A number of format_number / format_fixed in a sentence: "−1.2e−8" -> "−1.2×10<sup>−8</sup>"."""
    return re.sub(r"e([+−]?)(\d+)$",
                  lambda m: f"×10<sup>{MINUS if m.group(1) == MINUS else ''}{m.group(2)}</sup>", text)


def parse_number(text: str) -> float:
    """A number as printed here, also "−1.2×10−8" as a page shows power_html (for tests and notebooks)."""
    text = re.sub(r"<[^>]+>", "", text).strip().replace(MINUS, "-")
    return float(re.sub(r"×10(?=[+-]?\d+$)", "e", text))


