"""static/js/lib/rng.js, run in Chromium, gives the numpy generator's numbers for the same seeds.

Exactly equal: the 32-bit words and the uniforms (integer operations, then one exact division).
To 1e-12 relative: Gumbel and normal draws, which go through Math.log / Math.sqrt / Math.cos,
whose last bit the ECMAScript standard leaves to the engine (V8's and numpy's libm may differ).
"""

from __future__ import annotations

import numpy as np
import pytest

from components.browser.browser_js import js_source
from components.model.rng import Mulberry32
from tests.browser.conftest import page_with_script

SEEDS = [0, 1, 2**31]
N = 10_000


@pytest.fixture(scope="module")
def rng_page(browser):
    with page_with_script(browser, js_source("lib/rng.js")) as page:
        yield page


def js_draws(page, seed: int, kind: str, n: int = N) -> list[float]:
    return page.evaluate("([seed, kind, n]) => Array.from(Rng.create(seed)[kind](n))", [seed, kind, n])


@pytest.mark.parametrize("seed", SEEDS)
def test_words_and_uniforms_are_exactly_numpys(rng_page, seed):
    assert js_draws(rng_page, seed, "words") == Mulberry32(seed).words(N).tolist()
    assert js_draws(rng_page, seed, "uniforms") == Mulberry32(seed).uniforms(N).tolist()
    assert js_draws(rng_page, seed, "openUniforms") == Mulberry32(seed).open_uniforms(N).tolist()


@pytest.mark.parametrize("seed", SEEDS)
def test_gumbel_and_normal_draws_agree_to_1e_12(rng_page, seed):
    np.testing.assert_allclose(js_draws(rng_page, seed, "gumbels"), Mulberry32(seed).gumbels(N),
                               rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(js_draws(rng_page, seed, "normals"), Mulberry32(seed).normals(N),
                               rtol=1e-12, atol=1e-15)


def test_mixed_calls_share_one_stream_as_in_python(rng_page):
    got = rng_page.evaluate("""() => {
        const r = Rng.create(42);
        return [r.uniform(), r.normal(), r.gumbel(), r.word(), ...r.uniforms(3), r.state];
    }""")
    rng = Mulberry32(42)
    expected = [rng.uniform(), rng.normal(), rng.gumbel(), rng.word(), *rng.uniforms(3).tolist(), rng.state]
    np.testing.assert_allclose(got, expected, rtol=1e-12)
    assert got[0] == expected[0] and got[3:] == expected[3:]  # the integer-derived ones exactly


@pytest.mark.parametrize("seed", [-1, 2**32 + 7, 2**53 - 1, -(2**40)])
def test_seeds_are_read_modulo_two_to_the_32_as_in_python(rng_page, seed):
    assert js_draws(rng_page, seed, "words", 5) == Mulberry32(seed).words(5).tolist()


@pytest.mark.parametrize(("call", "message"), [
    ("Rng.create(1.5)", "seed"),
    ("Rng.create(NaN)", "seed"),
    ("Rng.create('3')", "seed"),
    ("Rng.create(1).uniforms(-1)", "number of draws"),
    ("Rng.create(1).normals(2.5)", "number of draws"),
])
def test_bad_seeds_and_counts_are_refused_like_python(rng_page, call, message):
    error = rng_page.evaluate(f"() => {{ try {{ {call}; return ''; }} catch (e) {{ return e.message; }} }}")
    assert message in error


def test_the_module_is_frozen_and_defines_one_name(rng_page):
    assert rng_page.evaluate("() => Object.isFrozen(Rng) && Object.isFrozen(Rng.create(0))")
