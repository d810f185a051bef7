"""static/js/lib/decoding.js, run in Chromium, decodes as numpy does on shared and random vectors.

Kept sets, cut reasons and the order: exactly equal. Probabilities and the final distribution:
to 1e-12 (SoftmaxMath and numpy normalise in a different order, a last-bit difference; a kept
set could only differ if a cumulative sum fell within that of p, which none of these cases does).
"""

from __future__ import annotations

import numpy as np
import pytest

from components.browser.browser_js import MATH_JS_SOURCE, js_source
from components.model import decoding
from tests.browser.conftest import page_with_script

SETTINGS = [
    {"tau": 1.0, "top_k": None, "top_p": 1.0, "min_p": 0.0},
    {"tau": 0.7, "top_k": 3, "top_p": 0.9, "min_p": 0.05},
    {"tau": 0.05, "top_k": 2, "top_p": 0.5, "min_p": 0.2},
    {"tau": 2.0, "top_k": 1, "top_p": 0.3, "min_p": 0.0},
    {"tau": 5.0, "top_k": None, "top_p": 0.0, "min_p": 1.0},
    {"tau": 1.5, "top_k": 12, "top_p": 0.95, "min_p": 0.01},
]
SHARED = [[2.5, -1.0, 3.2, 0.5], [0.0] * 4, [1.0, 3.0, 3.0, 1.0, 3.0], [1000.0, -1000.0, 0.0, 999.0],
          [1e308, -1e308, 0.0], [7.0], [1.0, 1.0, -3.0, 2.0, 0.5, 0.25, -1.0, 4.0, 4.0, 0.0]]

EVALUATE = """(cases) => cases.map(({z, tau, top_k, top_p, min_p}) =>
    Decoding.decode(z, tau, top_k, top_p, min_p))"""


@pytest.fixture(scope="module")
def decoding_page(browser):
    with page_with_script(browser, MATH_JS_SOURCE + js_source("lib/decoding.js")) as page:
        yield page


def random_cases(count: int = 400) -> list[dict]:
    rng = np.random.default_rng(20261201)
    cases = []
    for _ in range(count):
        size = int(rng.integers(1, 11))
        z = np.round(rng.standard_normal(size) * 10 ** rng.uniform(-1, 3), int(rng.integers(0, 3)))
        cases.append({"z": z.tolist(), "tau": float(10 ** rng.uniform(np.log10(0.05), np.log10(20))),
                      "top_k": None if rng.random() < 0.3 else int(rng.integers(1, 12)),
                      "top_p": 1.0 if rng.random() < 0.3 else float(rng.random()),
                      "min_p": 0.0 if rng.random() < 0.3 else float(rng.random() * 0.5)})
    return cases


def assert_agree(case: dict, got: dict) -> None:
    want = decoding.decode(case["z"], case["tau"], case["top_k"], case["top_p"], case["min_p"])
    assert got["order"] == want.order.tolist()
    assert got["keptTopK"] == want.kept_top_k.tolist()
    assert got["keptTopP"] == want.kept_top_p.tolist()
    assert got["kept"] == want.kept.tolist()
    assert tuple(got["cutBy"]) == want.cut_by
    np.testing.assert_allclose(got["probabilities"], want.probabilities, rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(got["final"], want.final, rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(got["scaled"], want.scaled, rtol=1e-15)
    assert all(v == 0 for v, keep in zip(got["final"], got["kept"], strict=True) if not keep)
    assert abs(sum(got["final"]) - 1) < 1e-12


def test_shared_vectors_decode_alike(decoding_page):
    cases = [{"z": z, **s} for z in SHARED for s in SETTINGS]
    for case, got in zip(cases, decoding_page.evaluate(EVALUATE, cases), strict=True):
        assert_agree(case, got)


def test_random_vectors_decode_alike(decoding_page):
    cases = random_cases()
    for case, got in zip(cases, decoding_page.evaluate(EVALUATE, cases), strict=True):
        assert_agree(case, got)


def test_greedy_is_argmax_with_ties_to_the_lower_index(decoding_page):
    vectors = [[1.0, 3.0, 3.0], [0.0, -0.0], [-5.0], [2.5, -1.0, 3.2, 0.5]]
    got = decoding_page.evaluate("(vs) => vs.map((z) => Decoding.greedy(z))", vectors)
    assert got == [int(np.argmax(z)) for z in vectors]


@pytest.mark.parametrize(("call", "message"), [
    ("Decoding.decode([1, 2], 1, 0)", "top-k"),
    ("Decoding.decode([1, 2], 1, 1.5)", "top-k"),
    ("Decoding.decode([1, 2], 1, null, 1.5)", "top-p"),
    ("Decoding.decode([1, 2], 1, null, NaN)", "top-p"),
    ("Decoding.decode([1, 2], 1, null, 1, -0.1)", "min-p"),
    ("Decoding.decode([1, 2], 0)", "tau"),
    ("Decoding.decode([1, NaN])", "finite"),
])
def test_bad_controls_are_refused_like_numpy(decoding_page, call, message):
    script = f"() => {{ try {{ {call}; return ''; }} catch (e) {{ return e.message; }} }}"
    assert message in decoding_page.evaluate(script)
