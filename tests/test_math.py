"""The numpy math against mpmath (60 digits), with hand-picked and generated vectors."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components.model import softmax_math as sm
from tests import reference

CASES = json.loads((Path(__file__).parent / "vectors.json").read_text())["cases"]

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
any_finite = st.floats(allow_nan=False, allow_infinity=False)
vectors = st.lists(finite, min_size=1, max_size=12)
temperatures = st.floats(min_value=1e-3, max_value=1e3)


@pytest.mark.parametrize("case", CASES, ids=[c["why"] for c in CASES])
def test_softmax_matches_mpmath_on_shared_vectors(case):
    z, tau = case["z"], case["tau"]
    got = sm.softmax(z, tau)
    np.testing.assert_allclose(got, reference.softmax(z, tau), rtol=1e-13, atol=1e-300)
    assert np.all(np.isfinite(got))


def test_book_example_values():
    """Nielsen's demo starts at z = (2.5, -1, 3.2, 0.5) with a = (0.315, 0.009, 0.633, 0.043)."""
    np.testing.assert_array_equal(
        np.round(sm.softmax([2.5, -1, 3.2, 0.5]), 3), [0.315, 0.009, 0.633, 0.043]
    )


@settings(max_examples=300, deadline=None)
@given(vectors, temperatures)
def test_softmax_matches_mpmath_on_generated_vectors(z, tau):
    np.testing.assert_allclose(sm.softmax(z, tau), reference.softmax(z, tau), rtol=1e-12, atol=1e-300)


@settings(max_examples=300, deadline=None)
@given(st.lists(any_finite, min_size=1, max_size=12), st.floats(min_value=1e-300, max_value=1e300))
def test_softmax_is_a_distribution_for_any_finite_input(z, tau):
    a = sm.softmax(z, tau)
    assert np.all(np.isfinite(a))
    assert np.all(a >= 0)
    assert abs(a.sum() - 1) <= 1e-12
    assert a[int(np.argmax(z))] == a.max()  # the largest input gets the largest output


@settings(max_examples=200, deadline=None)
@given(vectors, st.floats(min_value=-1e3, max_value=1e3), temperatures)
def test_softmax_is_invariant_to_adding_a_constant(z, shift, tau):
    shifted = [v + shift for v in z]
    np.testing.assert_allclose(sm.softmax(shifted, tau), sm.softmax(z, tau), rtol=1e-9, atol=1e-12)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(min_value=-5, max_value=5), min_size=2, max_size=10),
       st.integers(min_value=0, max_value=9), st.floats(min_value=0.01, max_value=2))
def test_raising_one_input_raises_its_output_and_lowers_all_others(z, index, step):
    """Nielsen: increase z_j and a_j rises while every other a_k falls."""
    index %= len(z)
    before = sm.softmax(z)
    raised = list(z)
    raised[index] += step
    after = sm.softmax(raised)
    assert after[index] > before[index]
    others = np.arange(len(z)) != index
    assert np.all(after[others] < before[others])
    np.testing.assert_allclose(after[index] - before[index], -(after[others] - before[others]).sum(),
                               atol=1e-15)


@settings(max_examples=200, deadline=None)
@given(st.lists(any_finite, min_size=1, max_size=12))
def test_sigmoid_matches_mpmath_and_stays_finite(z):
    got = sm.sigmoid(z)
    assert np.all((got >= 0) & (got <= 1))
    np.testing.assert_allclose(got, reference.sigmoid(z), rtol=1e-14, atol=1e-300)


def test_sigmoid_outputs_do_not_sum_to_one_for_the_book_inputs():
    assert abs(sm.sigmoid([2.5, -1, 3.2, 0.5]).sum() - 1) > 0.5


@settings(max_examples=200, deadline=None)
@given(vectors, temperatures)
def test_logsumexp_and_entropy_match_mpmath(z, tau):
    assert sm.logsumexp(z, tau) == pytest.approx(reference.logsumexp(z, tau), rel=1e-13, abs=1e-13)
    assert sm.entropy(z, tau) == pytest.approx(reference.entropy(z, tau), rel=1e-9, abs=1e-12)
    assert 0 <= sm.entropy(z, tau) <= np.log(len(z)) + 1e-12


@settings(max_examples=200, deadline=None)
@given(vectors, temperatures)
def test_jacobian_rows_sum_to_zero_and_diagonal_is_positive(z, tau):
    jac = sm.jacobian(z, tau)
    np.testing.assert_allclose(jac.sum(axis=1), 0, atol=1e-12 / tau)
    assert np.all(np.diag(jac) >= 0)
    np.testing.assert_allclose(jac, jac.T, atol=1e-15 / tau)
    off_diagonal = ~np.eye(len(z), dtype=bool)
    assert np.all(jac[off_diagonal] <= 0)
    np.testing.assert_allclose(np.diag(jac), reference.jacobian_diagonal(z, tau), rtol=1e-12, atol=1e-300)


def test_jacobian_matches_finite_differences():
    z, tau, h = np.array([2.5, -1.0, 3.2, 0.5]), 0.7, 1e-6
    numeric = np.column_stack([
        (sm.softmax(z + h * e, tau) - sm.softmax(z - h * e, tau)) / (2 * h) for e in np.eye(4)
    ])
    np.testing.assert_allclose(sm.jacobian(z, tau), numeric, atol=1e-9)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(min_value=1e-6, max_value=1.0), min_size=1, max_size=10),
       st.floats(min_value=-50, max_value=50))
def test_inverse_softmax_round_trips(a, shift):
    target = np.asarray(a) / np.sum(a)
    np.testing.assert_allclose(sm.softmax(sm.inverse_softmax(a, shift)), target, rtol=1e-12, atol=1e-12)


def test_inverse_softmax_refuses_a_zero_probability():
    with pytest.raises(ValueError, match="greater than 0"):
        sm.inverse_softmax([0.5, 0.0, 0.5])


@settings(max_examples=100, deadline=None)
@given(vectors, temperatures)
def test_free_energy_and_cross_entropy(z, tau):
    assert sm.free_energy(z, tau) == pytest.approx(-tau * reference.logsumexp(z, tau), rel=1e-12, abs=1e-12)
    log_a = np.log(np.asarray(reference.softmax(z, tau), dtype=float).clip(1e-300))
    for y in range(len(z)):
        expected = -log_a[y] if log_a[y] > np.log(1e-300) else sm.cross_entropy(z, y, tau)
        assert sm.cross_entropy(z, y, tau) == pytest.approx(expected, rel=1e-9, abs=1e-12)
        assert np.isfinite(sm.cross_entropy(z, y, tau))


@settings(max_examples=100, deadline=None)
@given(vectors, temperatures)
def test_mean_energy_matches_mpmath(z, tau):
    """U = -sum a_j z_j; the error allowed is rounding of the largest term a_j |z_j|."""
    expected = reference.mean_energy(z, tau)
    # + 1e-300: a subnormal z (5e-324) has no digits to spare, its energy may round to 0
    allowed = 1e-13 * float(np.max(np.abs(z))) + 1e-300
    assert sm.mean_energy(z, tau) == pytest.approx(expected, rel=1e-12, abs=allowed)


@pytest.mark.parametrize("bad", [[], [np.nan, 1.0], [np.inf], [[1.0, 2.0]]])
def test_bad_vectors_are_refused_with_a_message(bad):
    with pytest.raises(ValueError):
        sm.softmax(bad)


@pytest.mark.parametrize("tau", [0.0, -1.0, np.nan, np.inf])
def test_bad_temperatures_are_refused_with_a_message(tau):
    with pytest.raises(ValueError, match="tau"):
        sm.softmax([1.0, 2.0], tau)


@settings(max_examples=200, deadline=None)
@given(vectors, st.integers(min_value=0, max_value=11), temperatures)
def test_cross_entropy_gradient_matches_mpmath(z, true_class, tau):
    """(a - onehot(y)) / tau, accurate even for the true class when a_y is near 1."""
    y = true_class % len(z)
    got = sm.cross_entropy_gradient(z, y, tau)
    np.testing.assert_allclose(got, reference.cross_entropy_gradient(z, y, tau), rtol=1e-12, atol=1e-300)
    assert got[y] <= 0 and np.all(np.delete(got, y) >= 0)


@settings(max_examples=100, deadline=None)
@given(vectors, st.integers(min_value=0, max_value=11), temperatures)
def test_softmax_sweep_rows_match_mpmath(z, index, tau):
    i = index % len(z)
    values = [-1e3, -5.0, 0.0, 0.1, 5.0, 1e3]
    got = sm.softmax_sweep(z, i, values, tau)
    assert got.shape == (len(values), len(z))
    for row, value in zip(got, values, strict=True):
        np.testing.assert_allclose(row, reference.softmax([*z[:i], value, *z[i + 1:]], tau),
                                   rtol=1e-12, atol=1e-300)


@pytest.mark.parametrize("call", [
    lambda: sm.cross_entropy_gradient([1.0, 2.0], 2),
    lambda: sm.cross_entropy_gradient([1.0, 2.0], -1),
    lambda: sm.softmax_sweep([1.0, 2.0], 5, [0.0]),
    lambda: sm.softmax_sweep([1.0, 2.0], 0, [np.nan]),
])
def test_bad_class_or_sweep_is_refused(call):
    with pytest.raises(ValueError):
        call()
