"""components/words/number_format.py's JS twin, run in Chromium, writes every number as Python does.

The server writes a view's first render and the browser every later one: the same number must
come out as the same text, also on exact ties (0.0625 to 3 decimals) and at the edges of the
fixed and exponent forms.
"""

from __future__ import annotations

import random

import pytest

from components.browser.browser_js import NUMBER_FORMAT_JS_SOURCE
from components.words.number_format import format_fixed, format_number, power_html
from tests.browser.conftest import page_with_script

EDGES = [0.0, -0.0, 0.125, -0.125, 0.0625, -0.0625, 0.1875, 2.5e-5, 1.25e-7, 5e-4, 1e-3, 9.9996e-4, 1e-4,
         9.99995e-5, 9.996, 99999.5, 999999.4, 1e6, 123456.0, 5e-324, 2.2250738585072014e-308, -1e300,
         1.7e308, -1.2366921743e-8, 4.1223072e-9, -3.13886285e-04, 1.3010426069826053e-16]

EVALUATE = """(values) => values.map((v) => ({
  number: [2, 3, 5, 6].map((d) => formatNumber(v, d)),
  fixed: [2, 3, 4].map((d) => formatFixed(v, d)),
  signed: [2, 3, 4].map((d) => formatFixed(v, d, true)),
  power: powerHtml(formatFixed(v, 3, true)),
}))"""


def values(count: int = 3000) -> list[float]:
    rng = random.Random(19)
    drawn = []
    for _ in range(count // 2):
        drawn.append(rng.choice([-1, 1]) * 10 ** rng.uniform(-323, 308))  # every size a float has
        drawn.append(rng.randint(-99999, 99999) / rng.choice([8, 16, 64, 1024, 1000, 10000]))  # ties
    return EDGES + drawn


@pytest.fixture(scope="module")
def format_page(browser):
    names = "const {formatNumber, formatFixed, powerHtml} = NumberFormat;"
    with page_with_script(browser, NUMBER_FORMAT_JS_SOURCE + names) as page:
        yield page


def test_the_browser_writes_every_number_as_python_does(format_page):
    numbers = values()
    shown = format_page.evaluate(EVALUATE, numbers)
    wrong = []
    for value, js in zip(numbers, shown, strict=True):
        python = {
            "number": [format_number(value, d) for d in (2, 3, 5, 6)],
            "fixed": [format_fixed(value, d) for d in (2, 3, 4)],
            "signed": [format_fixed(value, d, signed=True) for d in (2, 3, 4)],
            "power": power_html(format_fixed(value, 3, signed=True)),
        }
        if python != js:
            wrong.append((value, python, js))
    assert wrong == [], wrong[:5]


def test_no_nonzero_number_is_written_as_a_signed_or_rounded_zero(format_page):
    shown = format_page.evaluate(EVALUATE, [v for v in values(600) if v != 0])
    for texts in shown:
        for text in [*texts["number"], *texts["fixed"], *texts["signed"]]:
            assert text.strip("+−0.") != "", text  # "−0.000", "+0.00", "0.000"
            assert "-" not in text, text
