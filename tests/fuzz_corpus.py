"""One corpus of bad (and borderline) input, driven through every entry point of the app.

Each entry is the text a person could type in a box, write in a link or pass on the
command line, with the number every reader of numbers in the app must make of it
(``None``: not a number, refused; ``math.inf`` / ``-math.inf``: a decimal number too
large for a float, such as 1e400 or 5000 digits, which is a number, too large: it is
clamped to the nearest bound of the control with a message that says so, as a number
outside its range is). The readers are static/js/lib/input_check.js (typed boxes, links,
inverse targets) and components/model/state.py (SoftmaxState's setters); they agree on every
entry: a decimal comma is a decimal point, the minus sign U+2212 is a minus, and
anything that is not a plain decimal number in ASCII digits (hex, underscores, other
scripts' digits, words, NaN, infinities) is refused.

The tests that use it: tests/test_fuzz.py (Python setters, the link language, the
export command), tests/browser/test_fuzz.py (links, typed boxes, inverse targets,
the websocket, and the JS reader itself).
"""

from __future__ import annotations

import math

# (text, reading)
NUMBERS: list[tuple[str, float | None]] = [
    # words, nothing, whitespace
    ("abc", None),
    ("", None),
    ("   ", None),
    ("\t\n", None),
    ("-", None),
    ("+", None),
    (".", None),
    ("e5", None),
    ("1e", None),
    ("1..2", None),
    ("1.2.3", None),
    ("--1", None),
    ("1-", None),
    ("one", None),
    ("true", None),
    ("null", None),
    ("undefined", None),
    ("[]", None),
    ("{}", None),
    # not-a-number and infinities, in every spelling
    ("NaN", None),
    ("nan", None),
    ("-nan", None),
    ("inf", None),
    ("-inf", None),
    ("Infinity", None),
    ("-Infinity", None),
    ("+Infinity", None),
    ("∞", None),
    # decimal numbers too large for a float: numbers, too large (issue 19 item 10)
    ("1e309", math.inf),
    ("-1e309", -math.inf),
    ("1e400", math.inf),
    ("+1E400", math.inf),
    ("9" * 400, math.inf),
    ("1" * 5000, math.inf),
    ("-" + "9" * 5000, -math.inf),
    ("−1e400", -math.inf),
    # other notations JavaScript or Python would read, which a person does not mean
    ("0x10", None),
    ("0b101", None),
    ("0o17", None),
    ("1_000", None),
    ("1 000", None),
    ("1'000", None),
    ("1.000,5", None),
    ("٣", None),  # Arabic-Indic three
    ("３", None),  # full-width three
    ("१२", None),  # Devanagari twelve
    ("2.5\u00a0", 2.5),  # trailing no-break space is whitespace to both readers
    # the minus sign U+2212, which the page prints: a minus wherever "-" may stand (issue 19 item 9)
    ("−2", -2.0),
    ("−2,5", -2.5),
    ("1e−3", 0.001),
    ("−1E−2", -0.01),
    ("−0", 0.0),
    ("  −4.5 ", -4.5),
    ("−", None),
    ("−−2", None),
    ("-−2", None),
    ("2−", None),
    ("1−2", None),
    ("1e−", None),
    ("\u20132", None),  # an en dash is not a minus
    ("\ufe632", None),  # nor a small hyphen-minus
    ("3,2,1", None),  # quoted back as typed, not as "3.2,1"
    # markup and script, and long text
    ("<img src=x onerror=alert(1)>", None),
    ("<b>bold</b>", None),
    ("<script>alert(1)</script>", None),
    ("javascript:alert(1)", None),
    ("\"'><svg onload=alert(1)>", None),
    ("%3Cb%3E", None),
    ("x" * 5000, None),
    ("1" + "0" * 20 + "x", None),
    ("\u202e1.5", None),  # right-to-left override
    ("1.5\u0000", None),
    # numbers: signed zero, extremes, tiny, the decimal comma
    ("-0", 0.0),
    ("+0", 0.0),
    ("0", 0.0),
    ("-0.0", 0.0),
    ("1e308", 1e308),
    ("-1e308", -1e308),
    ("1e-320", 1e-320),
    ("-1e-320", -1e-320),
    ("5e-324", 5e-324),
    ("1.7976931348623157e308", 1.7976931348623157e308),
    ("3,3", 3.3),
    ("-2,75", -2.75),
    ("  4.5  ", 4.5),
    ("+3", 3.0),
    (".5", 0.5),
    ("5.", 5.0),
    ("1E2", 100.0),
    ("-1", -1.0),
    ("12", 12.0),
    ("-12", -12.0),
    ("0.0000001", 1e-7),
    ("2.5", 2.5),
    ("1000", 1000.0),
    ("-1000.5", -1000.5),
    ("1" + "0" * 300, 1e300),
]

TEXTS = [text for text, _ in NUMBERS]

# Values a link can carry that are not single numbers: lists for ?z, and the word-valued keys.
Z_LISTS: list[str] = [
    ",".join(["1"] * 1000),  # far too many values
    "7",  # one value: fewer than the smallest K
    ",,,",
    "1;2;3",
]
VIEWS: list[str] = ["", "nope", "Jacobian", "<b>x</b>", "../../etc/passwd", "inverse ", "x" * 300]
LANGS: list[str] = ["", "xx", "EN", "zh-hant", "zh-Hans", "<b>x</b>", "en;q=1", "../en", "x" * 300]
# ?theme=: only "dark" and "light" are themes; "" is as if absent; anything else gives the system's
# theme with a notice (components/page/shell/theme.py, static/js/callbacks/shell/apply_link.js).
THEMES: list[str] = ["blue", "", "Dark", "dark ", "light", "<b>x</b>", "dark", "null", "x" * 300]
GOOD_THEMES = ("", "dark", "light")

# Argument lists of `python app.py` that must be refused with a message and exit status 2.
BAD_COMMAND_LINES: list[list[str]] = [
    ["export"],
    ["export", ""],
    ["export", "/nonexistent-folder/demo.html"],
    ["export", "."],
    ["export", "/"],
    ["export", "x" * 300 + ".html"],  # longer than a file name may be
    ["export", "a" * 300 + "/demo.html"],
    ["export", "/proc/demo.html"],  # a folder nobody may write in
    ["export", "demo.html", "extra"],
    ["export", "demo.html", "--lang", "xx"],
    ["export", "--lang", "<b>x</b>", "demo.html"],
    ["export", "demo.html", "--lang", ""],
    ["export", "demo.html", "--lang", "x" * 5000],
    ["bogus"],
    ["--bogus"],
    ["serve", "--port", "abc"],
]

BAD_WORDS = ("NaN", "Infinity", "undefined", "[object Object]")


def is_safe(value: float, low: float, high: float) -> bool:
    """A finite number inside [low, high]."""
    return isinstance(value, int | float) and math.isfinite(value) and low <= value <= high


def expected(reading: float | None, low: float, high: float, fallback: float,
             positive: bool = False) -> tuple[float, bool]:
    """What a control must hold after being given ``reading``, and whether it said so (changed)."""
    if reading is None or (positive and reading <= 0):
        return fallback, True
    clamped = min(high, max(low, reading))
    return clamped + 0.0, clamped != reading
