"""static/js/lib/softmax_math.js, run in Chromium, agrees with the numpy reference."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from components.browser.browser_js import MATH_JS_SOURCE
from components.model import softmax_math as sm
from tests.browser.conftest import page_with_script

CASES = json.loads((Path(__file__).parents[1] / "vectors.json").read_text())["cases"]

SWEEP_VALUES = [-1000.0, -5.0, -0.1, 0.0, 2.5, 5.0, 1e6]  # as in EVALUATE_ALL

EVALUATE_ALL = """(cases) => cases.map(({z, tau}) => ({
    softmax: SoftmaxMath.softmax(z, tau),
    logSoftmax: SoftmaxMath.logSoftmax(z, tau),
    sigmoid: SoftmaxMath.sigmoid(z),
    logsumexp: SoftmaxMath.logsumexp(z, tau),
    jacobian: SoftmaxMath.jacobian(z, tau),
    entropy: SoftmaxMath.entropy(z, tau),
    freeEnergy: SoftmaxMath.freeEnergy(z, tau),
    meanEnergy: SoftmaxMath.meanEnergy(z, tau),
    crossEntropy: z.map((_, y) => SoftmaxMath.crossEntropy(z, y, tau)),
    crossEntropyGradient: z.map((_, y) => SoftmaxMath.crossEntropyGradient(z, y, tau)),
    sweep: SoftmaxMath.softmaxSweep(z, z.length - 1, [-1000, -5, -0.1, 0, 2.5, 5, 1e6], tau),
}))"""


@pytest.fixture(scope="module")
def math_page(browser):
    with page_with_script(browser, MATH_JS_SOURCE) as page:
        yield page


def random_cases(count: int = 400) -> list[dict]:
    """Vectors of 1..10 inputs at scales from 1e-3 to 1e6, temperatures 0.05..20."""
    rng = np.random.default_rng(20261125)
    cases = []
    for _ in range(count):
        size = int(rng.integers(1, 11))
        scale = 10 ** rng.uniform(-3, 6)
        cases.append({"z": (rng.standard_normal(size) * scale).tolist(),
                      "tau": float(10 ** rng.uniform(np.log10(0.05), np.log10(20)))})
    return cases


def assert_agree(case: dict, got: dict) -> None:
    z, tau = case["z"], case["tau"]
    tol = {"rtol": 1e-12, "atol": 1e-300}
    np.testing.assert_allclose(got["softmax"], sm.softmax(z, tau), **tol)
    np.testing.assert_allclose(got["logSoftmax"], sm.log_softmax(z, tau), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(got["sigmoid"], sm.sigmoid(z), **tol)
    np.testing.assert_allclose(got["logsumexp"], sm.logsumexp(z, tau), rtol=1e-13)
    np.testing.assert_allclose(got["jacobian"], sm.jacobian(z, tau), **tol)
    np.testing.assert_allclose(got["entropy"], sm.entropy(z, tau), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(got["freeEnergy"], sm.free_energy(z, tau), rtol=1e-13)
    # Summed in another order than numpy's dot: agree up to rounding of the largest term.
    np.testing.assert_allclose(got["meanEnergy"], sm.mean_energy(z, tau), rtol=1e-12,
                               atol=1e-13 * float(np.sum(np.abs(sm.softmax(z, tau) * np.asarray(z)))))
    np.testing.assert_allclose(got["crossEntropy"], [sm.cross_entropy(z, y, tau) for y in range(len(z))],
                               rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(got["crossEntropyGradient"],
                               [sm.cross_entropy_gradient(z, y, tau) for y in range(len(z))],
                               rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(got["sweep"], sm.softmax_sweep(z, len(z) - 1, SWEEP_VALUES, tau), **tol)


def test_shared_vectors_agree_with_numpy(math_page):
    results = math_page.evaluate(EVALUATE_ALL, CASES)
    for case, got in zip(CASES, results, strict=True):
        assert_agree(case, got)


def test_random_vectors_agree_with_numpy(math_page):
    cases = random_cases()
    results = math_page.evaluate(EVALUATE_ALL, cases)
    for case, got in zip(cases, results, strict=True):
        assert_agree(case, got)
        assert all(np.isfinite(got["softmax"])) and abs(sum(got["softmax"]) - 1) < 1e-12


def test_inverse_softmax_agrees_and_round_trips(math_page):
    targets = [[0.315, 0.009, 0.633, 0.043], [0.25] * 4, [1e-9, 1 - 1e-9], [2, 1, 1]]
    got = math_page.evaluate(
        "(targets) => targets.map((a) => SoftmaxMath.inverseSoftmax(a, 1.5))", targets
    )
    for a, z in zip(targets, got, strict=True):
        np.testing.assert_allclose(z, sm.inverse_softmax(a, 1.5), rtol=1e-13)
        np.testing.assert_allclose(sm.softmax(z), np.asarray(a) / sum(a), rtol=1e-12)


@pytest.mark.parametrize(("call", "message"), [
    ("SoftmaxMath.softmax([1, NaN])", "finite"),
    ("SoftmaxMath.softmax([1, Infinity])", "finite"),
    ("SoftmaxMath.softmax([])", "non-empty"),
    ("SoftmaxMath.softmax([1, 2], 0)", "tau"),
    ("SoftmaxMath.softmax([1, 2], -1)", "tau"),
    ("SoftmaxMath.inverseSoftmax([0.5, 0])", "greater than 0"),
    ("SoftmaxMath.crossEntropyGradient([1, 2], 2)", "true class"),
    ("SoftmaxMath.softmaxSweep([1, 2], 0, [0, NaN])", "finite"),
])
def test_bad_input_is_refused_like_numpy(math_page, call, message):
    error = math_page.evaluate(f"() => {{ try {{ {call}; return ''; }} catch (e) {{ return e.message; }} }}")
    assert message in error
