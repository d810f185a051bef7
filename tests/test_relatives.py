"""Softmax's relatives (components/model/relatives.py): known values, 50-digit bisection, properties."""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components.model import relatives as rel
from components.model import softmax_math as sm

finite = st.floats(min_value=-1e3, max_value=1e3)
vectors = st.lists(finite, min_size=1, max_size=10)
tied = st.lists(st.sampled_from([-1.0, 0.0, 0.25, 0.5, 2.0]), min_size=1, max_size=10)
temperatures = st.floats(min_value=0.05, max_value=20)
any_finite = st.floats(allow_nan=False, allow_infinity=False)


def bisect_threshold(x: list, mass) -> mpmath.mpf:
    """The c in [max x - 1, max x] with sum mass(x_i - c) = 1, by 200 halvings at 50 digits."""
    lo, hi = max(x) - 1, max(x)
    for _ in range(200):
        mid = (lo + hi) / 2
        if mpmath.fsum(mass(v - mid) for v in x) >= 1:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def reference(z, tau, kind: str) -> list[float]:
    """sparsemax or 1.5-entmax of z / tau at 50 digits, by bisection on the threshold (no sorting)."""
    with mpmath.workdps(50):
        s = [mpmath.mpf(v) / mpmath.mpf(tau) for v in z]
        if kind == "sparsemax":
            c = bisect_threshold(s, lambda d: max(d, 0))
            return [float(max(v - c, 0)) for v in s]
        x = [v / 2 for v in s]
        c = bisect_threshold(x, lambda d: max(d, 0) ** 2)
        return [float(max(v - c, 0) ** 2) for v in x]


def tolerance(z, tau) -> float:
    """The absolute error of s = (z - max z) / tau in float64 itself: rounding of z - max, scaled."""
    return 4e-16 * (1 + max(abs(v) for v in z) / tau)


@pytest.mark.parametrize(("z", "expected"), [
    ([0.0, 0.0], [0.5, 0.5]),
    ([1.0, 0.0], [1.0, 0.0]),
    ([0.5, 0.0], [0.75, 0.25]),
    ([0.0, 0.0, 0.0, -5.0], [1 / 3, 1 / 3, 1 / 3, 0.0]),
    ([3.0, 2.5, 0.0, 2.9], [3.0 - 7.4 / 3, 2.5 - 7.4 / 3, 0.0, 2.9 - 7.4 / 3]),  # c = (3 + 2.9 + 2.5 - 1) / 3
])
def test_sparsemax_known_values(z, expected):
    np.testing.assert_allclose(rel.sparsemax(z), expected, rtol=1e-15, atol=1e-15)


def test_entmax15_known_values():
    # z = (1, 0): x = (1/2, 0), (1/2 - c)^2 + c^2 = 1 gives p_1 = (4 + sqrt 7) / 8.
    np.testing.assert_allclose(rel.entmax15([1.0, 0.0]), [(4 + math.sqrt(7)) / 8, (4 - math.sqrt(7)) / 8],
                               rtol=1e-15)
    np.testing.assert_allclose(rel.entmax15([0.0, 0.0, 0.0]), [1 / 3] * 3, rtol=1e-15)
    assert rel.entmax15([2.0, 0.0]).tolist() == [1.0, 0.0]  # a gap of 2: x differs by 1, one-hot exactly
    assert rel.entmax15([0.0, -20.0, 0.0]).tolist()[1] == 0.0


def test_hardmax_is_the_one_hot_argmax_with_ties_to_the_lower_index():
    assert rel.hardmax([2.5, -1.0, 3.2, 0.5]).tolist() == [0, 0, 1, 0]
    assert rel.hardmax([1.0, 3.0, 3.0]).tolist() == [0, 1, 0]
    assert rel.hardmax([1e308, -1e308], 1e-300).tolist() == [1, 0]


def test_log_softmax_is_the_softmax_modules():
    assert rel.log_softmax is sm.log_softmax and rel.softmax is sm.softmax
    z = [2.5, -1.0, 3.2, 0.5]
    np.testing.assert_allclose(np.exp(rel.log_softmax(z)), sm.softmax(z), rtol=1e-15)


@settings(max_examples=200, deadline=None)
@given(st.one_of(vectors, tied), temperatures)
def test_sparsemax_matches_50_digit_bisection(z, tau):
    np.testing.assert_allclose(rel.sparsemax(z, tau), reference(z, tau, "sparsemax"), rtol=1e-12,
                               atol=tolerance(z, tau) * 4)


@settings(max_examples=200, deadline=None)
@given(st.one_of(vectors, tied), temperatures)
def test_entmax15_matches_50_digit_bisection(z, tau):
    np.testing.assert_allclose(rel.entmax15(z, tau), reference(z, tau, "entmax"), rtol=1e-11,
                               atol=tolerance(z, tau) * 8)


@settings(max_examples=300, deadline=None)
@given(st.lists(any_finite, min_size=1, max_size=10), st.floats(min_value=1e-300, max_value=1e300))
def test_every_mapping_is_a_distribution_for_any_finite_input(z, tau):
    for mapping in (rel.hardmax, rel.sparsemax, rel.entmax15):
        p = mapping(z, tau)
        assert np.all(np.isfinite(p)) and np.all(p >= 0) and abs(p.sum() - 1) <= 1e-12
        assert p[int(np.argmax(z))] == p.max()  # the largest input keeps the largest output
    assert np.all(np.isfinite(rel.log_softmax(z, tau)))


@settings(max_examples=300, deadline=None)
@given(st.one_of(vectors, tied), temperatures)
def test_sparsemax_is_z_minus_c_on_its_support_and_exactly_zero_off_it(z, tau):
    s = (np.asarray(z) - max(z)) / tau
    c, k = rel.sparsemax_threshold(z, tau)
    p = rel.sparsemax(z, tau)
    support = p > 0
    assert support.sum() == k or (support.sum() < k and np.any(s - c == 0))  # an entry right at c
    np.testing.assert_allclose(p[support], s[support] - c, rtol=1e-15, atol=1e-15)
    assert np.all(s[~support] <= c)  # off the support, below the threshold: exactly 0
    assert rel.exact_zeros(p) == p.size - support.sum()
    # Order-preserving and sparser than softmax, and entmax in between (its support contains sparsemax's).
    entmax = rel.entmax15(z, tau)
    assert np.all(support <= (entmax > 0))
    assert rel.exact_zeros(sm.softmax(z, tau)) <= rel.exact_zeros(entmax) <= rel.exact_zeros(p)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(min_value=-10, max_value=10), min_size=1, max_size=10, unique=True))
def test_tau_to_zero_gives_hardmax_for_sparsemax_entmax_and_softmax(z):
    """With a unique max, at tau below half the gap to the runner-up every mapping is one-hot."""
    ordered = sorted(z, reverse=True)
    gap = ordered[0] - ordered[1] if len(z) > 1 else 1.0
    tau = gap / 4
    hard = rel.hardmax(z, tau)
    np.testing.assert_array_equal(rel.sparsemax(z, tau), hard)  # s gap = 4 > 1
    np.testing.assert_array_equal(rel.entmax15(z, tau), hard)  # x gap = 2 > 1
    np.testing.assert_allclose(sm.softmax(z, gap / 1000), hard, atol=1e-100)


@settings(max_examples=200, deadline=None)
@given(st.one_of(vectors, tied), temperatures)
def test_sparsemax_jacobian_matches_finite_differences_and_its_formula(z, tau):
    jac = rel.sparsemax_jacobian(z, tau)
    support = rel.sparsemax(z, tau) > 0
    np.testing.assert_allclose(jac.sum(axis=1), 0, atol=1e-12 / tau)  # outputs keep summing to 1
    np.testing.assert_allclose(jac, jac.T, atol=0)
    assert np.all(jac[~support] == 0) and np.all(jac[:, ~support] == 0)
    np.testing.assert_allclose(np.diag(jac)[support], (1 - 1 / support.sum()) / tau, rtol=1e-15)


def test_sparsemax_jacobian_equals_central_differences_away_from_kinks():
    z, tau, h = np.array([2.5, -1.0, 3.2, 0.5, 2.9]), 0.7, 1e-6
    numeric = np.column_stack([(rel.sparsemax(z + h * e, tau) - rel.sparsemax(z - h * e, tau)) / (2 * h)
                               for e in np.eye(5)])
    np.testing.assert_allclose(rel.sparsemax_jacobian(z, tau), numeric, atol=1e-8)


def test_extremes_stay_exact():
    """|z| = 1000 and tau = 0.05, K = 10 and ties: every mapping exact, nothing overflows."""
    z = [1000.0, -1000.0, 999.5, 1000.0, 0.0, -3.0, 5.0, 999.0, -999.0, 1000.0]
    for mapping in (rel.sparsemax, rel.entmax15):
        p = mapping(z, 0.05)
        assert p.tolist() == [1 / 3, 0, 0, 1 / 3, 0, 0, 0, 0, 0, 1 / 3]
    assert rel.hardmax(z, 0.05).tolist() == [1] + [0] * 9
    assert rel.sparsemax([1e308, -1e308, 1e308], 1e-300).tolist() == [0.5, 0.0, 0.5]


def test_entropy_and_exact_zeros():
    assert rel.entropy([0.5, 0.5, 0.0]) == pytest.approx(math.log(2), rel=1e-15)
    assert rel.entropy([1.0, 0.0]) == 0.0
    assert rel.exact_zeros([0.5, 0.0, 0.5, 0.0]) == 2
    p = rel.entmax15([2.5, -1.0, 3.2, 0.5])
    assert rel.entropy(p) == pytest.approx(float(-sum(v * mpmath.log(v) for v in p if v > 0)), rel=1e-13)
