"""static/js/lib/sampling.js, run in Chromium, draws what numpy draws for the same seed and vector.

Exactly equal: the indices (same uniforms, cumulative sums added in the same order, same search)
and the counts; Gumbel-max's noise, scores and indices (rng's exactLog: the same bits as numpy).
Total variation and standard errors: to 1e-12 (numpy sums pairwise, the JS left to right).
"""

from __future__ import annotations

import numpy as np
import pytest

from components.browser.browser_js import js_source
from components.model import sampling
from components.model import softmax_math as sm
from components.model.rng import Mulberry32
from tests.browser.conftest import page_with_script

VECTORS = [
    ([2.5, -1.0, 3.2, 0.5], 1.0),
    ([2.5, -1.0, 3.2, 0.5], 0.05),
    ([1000.0, -1000.0, 0.0, 999.0], 0.05),
    ([0.0] * 10, 1.0),
    ([1.0, 1.0, -3.0, 2.0, 0.5, 0.25, -1.0, 4.0, 4.0, 0.0], 2.0),
    ([7.0], 1.0),
]


@pytest.fixture(scope="module")
def sampling_page(browser):
    with page_with_script(browser, js_source("lib/rng.js") + js_source("lib/sampling.js")) as page:
        yield page


@pytest.mark.parametrize("seed", [0, 1, 2**31])
@pytest.mark.parametrize(("z", "tau"), VECTORS)
def test_draws_counts_and_distances_equal_numpys(sampling_page, z, tau, seed):
    a = sm.softmax(z, tau)
    got = sampling_page.evaluate("""([a, seed, n]) => {
        const indices = Array.from(Sampling.draw(a, Rng.create(seed), n));
        const counts = Sampling.counts(indices, a.length);
        return {indices, counts, tv: Sampling.totalVariation(counts, a),
                expected: Sampling.expectedCounts(a, n), se: Sampling.standardErrors(a, n),
                cumulative: Array.from(Sampling.cumulative(a))};
    }""", [a.tolist(), seed, 10_000])
    indices = sampling.draw(a, Mulberry32(seed), 10_000)
    assert got["indices"] == indices.tolist()
    assert got["cumulative"] == sampling.cumulative(a).tolist()
    counts = sampling.counts(indices, len(a))
    assert got["counts"] == counts.tolist()
    assert got["tv"] == pytest.approx(sampling.total_variation(counts, a), rel=1e-12, abs=1e-15)
    np.testing.assert_allclose(got["expected"], sampling.expected_counts(a, 10_000), rtol=1e-12)
    np.testing.assert_allclose(got["se"], sampling.standard_errors(a, 10_000), rtol=1e-12, atol=1e-300)


@pytest.mark.parametrize("seed", [0, 1, 2**31])
@pytest.mark.parametrize(("z", "tau"), VECTORS)
def test_gumbel_max_agrees_with_numpy(sampling_page, z, tau, seed):
    got = sampling_page.evaluate("""([z, tau, seed, n]) => {
        const one = Sampling.gumbelMax(z, tau, Rng.create(seed));
        return {one, draws: Array.from(Sampling.gumbelMaxDraws(z, tau, Rng.create(seed), n))};
    }""", [z, tau, seed, 2000])
    one = sampling.gumbel_max(z, tau, Mulberry32(seed))
    assert got["one"]["index"] == one.index
    assert got["one"]["gumbel"] == one.gumbel.tolist()
    assert got["one"]["scores"] == one.scores.tolist()
    assert got["one"]["offset"] == one.offset
    assert got["draws"] == sampling.gumbel_max_draws(z, tau, Mulberry32(seed), 2000).tolist()


@pytest.mark.parametrize(("z", "tau"), [([1.0, 1.0, 1.0, 1.0], 1.0), ([0.0, -1e-12, 1e-12], 1.0),
                                         ([5.0, -5.0, 4.999999], 0.05), ([900.0, -900.0, 899.9], 1e-3)])
def test_gumbel_max_draws_skip_no_winner(sampling_page, z, tau):
    """Ties and near-ties: the draws that skip hopeless exact scores are the argmax of every score
    (rng.gumbel() added to each output in order) and numpy's."""
    got = sampling_page.evaluate("""([z, tau, n]) => {
        const rng = Rng.create(5);
        const shift = Math.max(...z);
        const plain = Array.from({length: n}, () => {
          const scores = z.map((v) => Math.max(-1e300, (v - shift) / tau) + rng.gumbel());
          return scores.indexOf(Math.max(...scores));
        });
        return {plain, fast: Array.from(Sampling.gumbelMaxDraws(z, tau, Rng.create(5), n))};
    }""", [z, tau, 20_000])
    assert got["fast"] == got["plain"]
    assert got["fast"] == sampling.gumbel_max_draws(z, tau, Mulberry32(5), 20_000).tolist()


def test_weights_that_are_not_probabilities_draw_alike(sampling_page):
    for a in ([3.0, 1.0], [5e-324, 0.0, 5e-324], [1e308, 1e308, 0.0], [0.0, 0.0, 1.0]):
        got = sampling_page.evaluate("([a]) => Array.from(Sampling.draw(a, Rng.create(3), 500))", [a])
        assert got == sampling.draw(a, Mulberry32(3), 500).tolist()


def test_one_hot_at_low_tau_every_draw_is_the_winner(sampling_page):
    z = [1000.0, -1000.0, 0.0, 999.0]
    got = sampling_page.evaluate("""([a, z]) => [
        Array.from(Sampling.draw(a, Rng.create(1), 10000)),
        Array.from(Sampling.gumbelMaxDraws(z, 0.05, Rng.create(1), 10000))]""",
        [sm.softmax(z, 0.05).tolist(), z])
    assert set(got[0]) == {0} and set(got[1]) == {0}


@pytest.mark.parametrize(("call", "message"), [
    ("Sampling.draw([], Rng.create(0), 1)", "non-empty"),
    ("Sampling.draw([0, 0], Rng.create(0), 1)", "not all 0"),
    ("Sampling.draw([0.5, -0.1], Rng.create(0), 1)", ">= 0"),
    ("Sampling.draw([NaN, 1], Rng.create(0), 1)", "finite"),
    ("Sampling.draw([0.5, 0.5], Rng.create(0), -1)", "number of draws"),
    ("Sampling.counts([0, 3], 3)", "from 0 to 2"),
    ("Sampling.gumbelMax([1, NaN], 1, Rng.create(0))", "finite"),
    ("Sampling.gumbelMax([1, 2], 0, Rng.create(0))", "tau"),
])
def test_bad_input_is_refused_like_numpy(sampling_page, call, message):
    script = f"() => {{ try {{ {call}; return ''; }} catch (e) {{ return e.message; }} }}"
    error = sampling_page.evaluate(script)
    assert message in error
