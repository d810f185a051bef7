"""static/js/lib/rng.js, run in Chromium, gives the numpy generator's numbers for the same seeds.

Everything is compared exactly (the same bits): the 32-bit words and the uniforms (integer
operations, then one exact division), exactLog on 10^5 shared inputs, and the Gumbel and normal
draws built on it (basic operations and sqrt, each correctly rounded by IEEE 754 in both).
"""

from __future__ import annotations

import numpy as np
import pytest

from components.browser.browser_js import js_source
from components.model.rng import Mulberry32, exact_log
from tests.browser.conftest import page_with_script
from tests.rng_reference import log_inputs

SEEDS = [0, 1, 2**31]
N = 10_000


@pytest.fixture(scope="module")
def rng_page(browser):
    with page_with_script(browser, js_source("lib/rng.js")) as page:
        yield page


def js_draws(page, seed: int, kind: str, n: int = N) -> list[float]:
    return page.evaluate("([seed, kind, n]) => Array.from(Rng.create(seed)[kind](n))", [seed, kind, n])


def same_bits(got: list[float], want: np.ndarray) -> bool:
    """Equal as float64 bit patterns (so -0 differs from 0, and no tolerance hides a last bit)."""
    want = np.ascontiguousarray(want, dtype=np.float64)
    return len(got) == want.size and np.array_equal(np.array(got, dtype=np.float64).view(np.uint64),
                                                    want.view(np.uint64))


@pytest.mark.parametrize("seed", SEEDS)
def test_words_and_uniforms_are_exactly_numpys(rng_page, seed):
    assert js_draws(rng_page, seed, "words") == Mulberry32(seed).words(N).tolist()
    assert js_draws(rng_page, seed, "uniforms") == Mulberry32(seed).uniforms(N).tolist()
    assert js_draws(rng_page, seed, "openUniforms") == Mulberry32(seed).open_uniforms(N).tolist()


def test_exact_log_is_numpys_bit_for_bit_on_10_to_the_5_inputs(rng_page):
    x = log_inputs()
    got = rng_page.evaluate("(x) => x.map(Rng.exactLog)", x)
    assert same_bits(got, exact_log(np.array(x)))
    assert got == exact_log(np.array(x)).tolist()  # and === as numbers


@pytest.mark.parametrize("seed", [*SEEDS, 7, 123_456_789])
def test_gumbel_and_normal_draws_are_numpys_bit_for_bit(rng_page, seed):
    assert same_bits(js_draws(rng_page, seed, "gumbels"), Mulberry32(seed).gumbels(N))
    assert same_bits(js_draws(rng_page, seed, "normals"), Mulberry32(seed).normals(N))


def test_mixed_calls_share_one_stream_as_in_python(rng_page):
    got = rng_page.evaluate("""() => {
        const r = Rng.create(42);
        return [r.uniform(), r.normal(), r.gumbel(), r.word(), ...r.normals(5), ...r.uniforms(3), r.state];
    }""")
    rng = Mulberry32(42)
    expected = [rng.uniform(), rng.normal(), rng.gumbel(), rng.word(), *rng.normals(5).tolist(),
                *rng.uniforms(3).tolist(), rng.state]
    assert got == expected


@pytest.mark.parametrize("bad", ["0", "-0", "-1", "5e-324", "2 ** -1023", "Infinity", "NaN", "'2'", "true",
                                 "undefined"])
def test_exact_log_refuses_what_is_outside_its_domain_like_python(rng_page, bad):
    script = f"() => {{ try {{ Rng.exactLog({bad}); return ''; }} catch (e) {{ return e.message; }} }}"
    error = rng_page.evaluate(script)
    assert "positive finite normal" in error


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
