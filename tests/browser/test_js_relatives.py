"""static/js/lib/relatives.js, run in Chromium, gives numpy's hardmax, sparsemax and 1.5-entmax.

Exactly equal (the same bits): hardmax, sparsemax, 1.5-entmax, their thresholds and supports and
sparsemax's Jacobian. Both sides sort the same numbers, add them in the same order and use only
+ - * / and sqrt, which IEEE 754 rounds correctly in every engine. To 1e-12: log-softmax (it is
SoftmaxMath's, tested in test_js_math.py) and the entropy (Math.log, and numpy sums pairwise).
"""

from __future__ import annotations

import numpy as np
import pytest

from components.browser.browser_js import MATH_JS_SOURCE, js_source
from components.model import relatives as rel
from tests.browser.conftest import page_with_script

SHARED = [
    ([2.5, -1.0, 3.2, 0.5], 1.0), ([2.5, -1.0, 3.2, 0.5], 0.05), ([0.0, 0.0], 1.0), ([1.0, 0.0], 1.0),
    ([0.5, 0.0], 1.0), ([3.0, 2.5, 0.0, 2.9], 1.0), ([1.0, 3.0, 3.0], 0.3), ([7.0], 1.0),
    ([1000.0, -1000.0, 999.5, 1000.0, 0.0, -3.0, 5.0, 999.0, -999.0, 1000.0], 0.05),
    ([1e308, -1e308, 1e308], 1e-300), ([-8.8e-275, 0.0], 3.6e49), ([0.1 * j for j in range(10)], 0.2),
]

EVALUATE = """(cases) => cases.map(([z, tau]) => {
    const h = Relatives.hardmax(z, tau), s = Relatives.sparsemax(z, tau), e = Relatives.entmax15(z, tau);
    return {hardmax: h, sparsemax: s, entmax15: e,
            sparsemaxThreshold: Relatives.sparsemaxThreshold(z, tau),
            entmax15Threshold: Relatives.entmax15Threshold(z, tau),
            jacobian: Relatives.sparsemaxJacobian(z, tau),
            logSoftmax: Relatives.logSoftmax(z, tau), entropy: [h, s, e].map(Relatives.entropy),
            zeros: [h, s, e].map(Relatives.exactZeros)};
})"""


@pytest.fixture(scope="module")
def relatives_page(browser):
    with page_with_script(browser, MATH_JS_SOURCE + js_source("lib/relatives.js")) as page:
        yield page


def random_cases(count: int = 400) -> list[tuple[list[float], float]]:
    rng = np.random.default_rng(20261216)
    cases = []
    for _ in range(count):
        size = int(rng.integers(1, 11))
        z = rng.standard_normal(size) * 10 ** rng.uniform(-2, 3)
        if rng.random() < 0.3:
            z = np.round(z)  # ties
        cases.append((z.tolist(), float(10 ** rng.uniform(np.log10(0.05), np.log10(20)))))
    return cases


def assert_agree(z: list[float], tau: float, got: dict) -> None:
    outputs = [rel.hardmax(z, tau), rel.sparsemax(z, tau), rel.entmax15(z, tau)]
    assert got["hardmax"] == outputs[0].tolist()
    assert got["sparsemax"] == outputs[1].tolist()
    assert got["entmax15"] == outputs[2].tolist()
    c, k = rel.sparsemax_threshold(z, tau)
    assert got["sparsemaxThreshold"] == {"threshold": c, "support": k}
    c, k = rel.entmax15_threshold(z, tau)
    assert got["entmax15Threshold"] == {"threshold": c, "support": k}
    assert got["jacobian"] == rel.sparsemax_jacobian(z, tau).tolist()
    np.testing.assert_allclose(got["logSoftmax"], rel.log_softmax(z, tau), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(got["entropy"], [rel.entropy(p) for p in outputs], rtol=1e-12, atol=1e-15)
    assert got["zeros"] == [rel.exact_zeros(p) for p in outputs]


def test_shared_vectors_give_the_same_bits(relatives_page):
    for (z, tau), got in zip(SHARED, relatives_page.evaluate(EVALUATE, SHARED), strict=True):
        assert_agree(z, tau, got)


def test_random_vectors_give_the_same_bits(relatives_page):
    cases = random_cases()
    for (z, tau), got in zip(cases, relatives_page.evaluate(EVALUATE, cases), strict=True):
        assert_agree(z, tau, got)


@pytest.mark.parametrize(("call", "message"), [
    ("Relatives.sparsemax([1, NaN])", "finite"),
    ("Relatives.entmax15([])", "non-empty"),
    ("Relatives.hardmax([1, 2], 0)", "tau"),
    ("Relatives.sparsemaxJacobian([1, 2], -1)", "tau"),
])
def test_bad_input_is_refused_like_numpy(relatives_page, call, message):
    script = f"() => {{ try {{ {call}; return ''; }} catch (e) {{ return e.message; }} }}"
    assert message in relatives_page.evaluate(script)
