"""The sampler (components/model/sampling.py): exact mechanics, stability, statistical tests that can fail.

The statistical tests use fixed seeds, so each passes or fails the same way every run. Each is
shown able to fail: the same chi-square test rejects three broken samplers (an off-by-one in the
binary search, the last bin dropped, tau ignored).
"""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components.model import sampling
from components.model import softmax_math as sm
from components.model.rng import Mulberry32

BOOK_Z = [2.5, -1.0, 3.2, 0.5]
TAU = 0.7
N = 100_000


def chi_square_p_value(counts: np.ndarray, a: np.ndarray) -> float:
    """P(chi2_{df} >= X^2) for Pearson's X^2 of counts against a (bins with a_j = 0 must have no count)."""
    n = counts.sum()
    expected = n * a
    if np.any(counts[expected == 0] > 0):
        return 0.0
    used = expected > 0
    statistic = float(np.sum((counts[used] - expected[used]) ** 2 / expected[used]))
    df = int(used.sum()) - 1
    return float(mpmath.gammainc(df / 2, statistic / 2, mpmath.inf, regularized=True))


# Broken samplers, each a plausible bug, each drawing with the same generator and one uniform per draw.
def off_by_one_search(a, rng, n):
    """Binary search whose loop stops one step early: of the last two candidates it takes the lower."""
    c = np.cumsum(a)
    out = []
    for u in rng.uniforms(n):
        x, lo, hi = u * c[-1], 0, len(c)
        while lo + 1 < hi:  # bug: lo < hi
            mid = (lo + hi) // 2
            if c[mid] > x:
                hi = mid
            else:
                lo = mid + 1
        out.append(lo)
    return np.array(out)


def last_bin_dropped(a, rng, n):
    """Renormalises over all bins but the last (a slice a[:-1] where a[:] was meant)."""
    return sampling.draw(np.asarray(a)[:-1], rng, n)


def ignores_tau(z, tau, rng, n):
    """Draws from softmax(z), not softmax(z / tau)."""
    return sampling.draw(sm.softmax(z), rng, n)


@pytest.mark.parametrize("seed", [0, 1, 2**31])
def test_chi_square_passes_for_the_sampler_and_fails_for_broken_ones(seed):
    a = sm.softmax(BOOK_Z, TAU)
    good = sampling.counts(sampling.draw(a, Mulberry32(seed), N), 4)
    assert chi_square_p_value(good, a) > 1e-3
    gumbel = sampling.counts(sampling.gumbel_max_draws(BOOK_Z, TAU, Mulberry32(seed), N), 4)
    assert chi_square_p_value(gumbel, a) > 1e-3
    for broken in (off_by_one_search(a, Mulberry32(seed), N), last_bin_dropped(a, Mulberry32(seed), N),
                   ignores_tau(BOOK_Z, TAU, Mulberry32(seed), N)):
        assert chi_square_p_value(sampling.counts(broken, 4), a) < 1e-9


def test_a_subtle_bias_is_also_rejected():
    """A sampler 1 % off on one output (a_1 is 0.0033 here) fails at 10^5 draws... when it is big enough."""
    a = sm.softmax(BOOK_Z, TAU)
    biased = a * np.array([1.03, 1, 1, 1])
    good = sampling.counts(sampling.draw(a, Mulberry32(9), N), 4)
    bad = sampling.counts(sampling.draw(biased, Mulberry32(9), N), 4)
    assert chi_square_p_value(good, a) > 1e-3 > chi_square_p_value(bad, a)


def test_search_returns_the_first_index_whose_sum_exceeds_x():
    c = np.array([0.0, 0.25, 0.25, 0.75, 1.0])  # a = (0, .25, 0, .5, .25)
    got = sampling.search(c, [0.0, 0.1, 0.25, 0.5, 0.75, 0.999999])
    assert got.tolist() == [1, 1, 3, 3, 4, 4]  # zero-probability bins 0 and 2 are never returned


def test_draw_is_the_search_of_one_uniform_per_draw():
    a = np.array([0.1, 0.0, 0.6, 0.3])
    u = Mulberry32(7).uniforms(1000)
    c = np.cumsum(a / a.max())
    expected = [int(np.argmax(c > x * c[-1])) for x in u]
    assert sampling.draw(a, Mulberry32(7), 1000).tolist() == expected
    rng = Mulberry32(7)
    assert [sampling.draw_one(a, rng) for _ in range(1000)] == expected


def test_unnormalised_weights_and_rounding_keep_every_index_in_range():
    """The search is against U * c_K: sums that round below 1, or weights that are not probabilities."""
    for a in ([0.1] * 10, [3.0, 1.0], [1e-300, 1e-300], [0.0, 0.0, 1.0], [5e-324], [1e308, 1e308, 0.0]):
        draws = sampling.draw(a, Mulberry32(3), 10_000)
        assert draws.min() >= 0 and draws.max() < len(a)
        assert np.all(np.asarray(a)[draws] > 0)


@pytest.mark.parametrize("z", [[1000.0, -1000.0, 0.0, 999.0], [-1000.0, 1000.0], [0.0, 1000.0, -1000.0, 5.0]])
def test_one_hot_at_low_tau_and_large_z_every_draw_is_the_same(z):
    a = sm.softmax(z, 0.05)
    winner = int(np.argmax(z))
    assert np.all(sampling.draw(a, Mulberry32(1), 10_000) == winner)
    assert np.all(sampling.gumbel_max_draws(z, 0.05, Mulberry32(1), 10_000) == winner)
    one = sampling.gumbel_max(z, 0.05, Mulberry32(1))
    assert one.index == winner and np.all(np.isfinite(one.scores))


def test_gumbel_max_at_extreme_inputs_stays_finite():
    for z, tau in (([1e308, -1e308, 0.0], 1e-300), ([-1e308, -1e308], 1e300), ([5.0], 1.0)):
        one = sampling.gumbel_max(z, tau, Mulberry32(2))
        assert np.all(np.isfinite(one.scores)) and np.isfinite(one.offset)
        assert one.index == int(np.argmax(z))  # the ties of the second case: lower index, then noise decides
    tie = sampling.gumbel_max_draws([1000.0, 1000.0, -1000.0], 0.05, Mulberry32(4), 10_000)
    assert set(np.unique(tie)) == {0, 1} and abs(np.mean(tie) - 0.5) < 0.02


def test_gumbel_max_scores_are_shifted_logits_plus_the_noise():
    z, tau = np.array(BOOK_Z), TAU
    one = sampling.gumbel_max(z, tau, Mulberry32(5))
    np.testing.assert_array_equal(one.gumbel, Mulberry32(5).gumbels(4))
    np.testing.assert_allclose(one.scores + one.offset, z / tau + one.gumbel, rtol=1e-14)
    assert one.index == int(np.argmax(z / tau + one.gumbel))


def test_counts_total_variation_and_standard_errors():
    a = np.array([0.5, 0.25, 0.25])
    c = sampling.counts([0, 0, 1, 2, 0, 1], 3)
    assert c.tolist() == [3, 2, 1]
    assert sampling.total_variation(c, a) == pytest.approx(0.5 * (0 + 1 / 12 + 1 / 12))
    assert sampling.total_variation([0, 0, 0], a) == 0.0
    np.testing.assert_allclose(sampling.expected_counts(a, 100), [50, 25, 25])
    np.testing.assert_allclose(sampling.standard_errors(a, 100), np.sqrt(100 * a * (1 - a)), rtol=1e-15)
    # a_j near 1: 1 - a_j as the sum of the others keeps its digits.
    tiny = np.array([1 - 1e-12, 1e-12])
    np.testing.assert_allclose(sampling.standard_errors(tiny, 10**6), [np.sqrt(10**6 * 1e-12)] * 2, rtol=1e-3)
    with pytest.raises(ValueError):
        sampling.counts([0, 3], 3)


def test_total_variation_shrinks_like_one_over_sqrt_n():
    """E[TV] ~ c / sqrt(N): averaged over 20 seeds, sqrt(N) TV stays within a factor 1.5 from 10^2 to 10^5."""
    a = sm.softmax(BOOK_Z, TAU)
    scaled = []
    for n in (100, 1000, 10_000, 100_000):
        tv = [sampling.total_variation(sampling.counts(sampling.draw(a, Mulberry32(s), n), 4), a)
              for s in range(20)]
        scaled.append(np.sqrt(n) * np.mean(tv))
    assert max(scaled) / min(scaled) < 1.5
    # Within 2 standard errors of N a_j in about 95 % of outputs and seeds.
    inside = [np.abs(sampling.counts(sampling.draw(a, Mulberry32(s), 1000), 4) - 1000 * a)
              <= 2 * sampling.standard_errors(a, 1000) for s in range(50)]
    assert 0.9 < np.mean(inside) <= 1.0


@pytest.mark.parametrize("bad", [[], [0.0, 0.0], [0.5, -0.1], [np.nan, 1.0], [np.inf], [[0.5, 0.5]]])
def test_bad_probabilities_are_refused(bad):
    with pytest.raises(ValueError, match="probabilities"):
        sampling.draw(bad, Mulberry32(0), 1)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(min_value=0, max_value=1e308), min_size=1, max_size=12).filter(any),
       st.integers(min_value=0, max_value=2**32 - 1))
def test_draws_are_in_range_and_never_a_zero_weight(a, seed):
    draws = sampling.draw(a, Mulberry32(seed), 200)
    assert np.all((draws >= 0) & (draws < len(a)))
    assert np.all(np.asarray(a)[draws] > 0)
    assert sampling.counts(draws, len(a)).sum() == 200


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(min_value=-1e6, max_value=1e6), min_size=1, max_size=10),
       st.floats(min_value=1e-3, max_value=1e3), st.integers(min_value=0, max_value=2**32 - 1))
def test_gumbel_max_never_picks_an_output_of_zero_probability(z, tau, seed):
    a = sm.softmax(z, tau)
    draws = sampling.gumbel_max_draws(z, tau, Mulberry32(seed), 50)
    # Gumbel noise spans < 27: an output more than 30 below the best, in z/tau, is never chosen.
    assert np.all((np.asarray(z)[draws] - max(z)) / tau > -30)
    assert np.all(a[draws] > 0)
