"""The math and the Bokeh models of the exercise views, against mpmath and analytic results."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components import softmax_math as sm
from components.bar_chart import output_names
from components.controls import Controls
from components.jacobian_view import JacobianView, format_number, parse_number, table_html, verdict_html
from components.state import SoftmaxState
from tests import reference

small_vectors = st.lists(st.floats(min_value=-5, max_value=5), min_size=2, max_size=10)
wide_vectors = st.lists(st.floats(min_value=-1000, max_value=1000), min_size=2, max_size=10)
slider_temperatures = st.floats(min_value=0.05, max_value=20)


def view_for(view_class: type, z: list[float], tau: float = 1.0):
    """A view built for a state with K = len(z), as a session builds it (no server sync)."""
    state = SoftmaxState(z=[*z, *([0.0] * (10 - len(z)))], k=len(z), tau=tau)
    return view_for_state(view_class, state)


def view_for_state(view_class: type, state: SoftmaxState):
    return view_class(Controls(state, sync_to_python=False))


# --- Jacobian: the chapter's monotonicity claims -------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(small_vectors, slider_temperatures)
def test_jacobian_signs_and_row_sums_for_finite_outputs(z, tau):
    """Diagonal > 0, off-diagonal < 0 whenever every output is a positive float; rows sum to 0."""
    jac, a = sm.jacobian(z, tau), sm.softmax(z, tau)
    if np.all(a > 0):
        assert np.all(np.diag(jac) > 0)
        assert np.all(jac[~np.eye(len(z), dtype=bool)] < 0)
    np.testing.assert_allclose(jac.sum(axis=1), 0, atol=1e-15 / tau)
    np.testing.assert_allclose(jac.sum(axis=0), 0, atol=1e-15 / tau)


@settings(max_examples=100, deadline=None)
@given(wide_vectors, slider_temperatures)
def test_jacobian_entries_match_mpmath_and_the_bound(z, tau):
    """J[j, k] = a_j (δ_jk − a_k)/τ in 60-digit arithmetic; no entry exceeds 1/(4τ) in size."""
    jac = sm.jacobian(z, tau)
    a = reference.softmax(z, tau)
    expected = np.array([[aj * ((j == k) - ak) / tau for k, ak in enumerate(a)] for j, aj in enumerate(a)])
    np.testing.assert_allclose(np.diag(jac), reference.jacobian_diagonal(z, tau), rtol=1e-12, atol=1e-300)
    off = ~np.eye(len(z), dtype=bool)
    np.testing.assert_allclose(jac[off], expected[off], rtol=1e-12, atol=1e-300)
    assert np.max(np.abs(jac)) <= 1 / (4 * tau) * (1 + 1e-12)


def test_uniform_jacobian_is_analytic():
    """All inputs equal: a_j = 1/K, so the diagonal is (K−1)/(K²τ) and the rest −1/(K²τ)."""
    for size in (2, 3, 10):
        tau = 0.5
        jac = sm.jacobian([1.7] * size, tau)
        expected = (np.eye(size) * size - 1) / (size**2 * tau)
        np.testing.assert_allclose(jac, expected, rtol=1e-14)


def test_jacobian_underflow_is_exactly_zero_and_said_so():
    """z = 1000 against −1000 at τ = 0.05: a₂ = e^−40000 is 0 in float64, so its row and column are 0."""
    z = [1000.0, -1000.0, 999.0]
    jac, a = sm.jacobian(z, 0.05), sm.softmax(z, 0.05)
    assert a[1] == 0 and np.all(jac[1] == 0) and np.all(jac[:, 1] == 0)
    assert np.all(np.isfinite(jac))
    html = verdict_html(jac, a)
    assert "a₂ = 0 in float64" in html and "NaN" not in html and "Infinity" not in html


@pytest.mark.parametrize(("value", "digits", "text"), [
    (0.09, 3, "0.0900"), (-0.01, 3, "−0.0100"), (0.000404, 3, "0.000404"), (-2.7e-5, 3, "−2.70e−5"),
    (5.55e-17, 2, "5.6e−17"), (123456.0, 3, "1.23e+5"), (100.0, 3, "100"), (0.0, 3, "0"),
    (-1e300, 3, "−1.00e+300"),
])
def test_numbers_are_printed_as_the_browser_prints_them(value, digits, text):
    """format_number is the twin of the JS formatNumber (toPrecision / toExponential)."""
    assert format_number(value, digits) == text
    assert parse_number(text) == pytest.approx(value, rel=10 ** (1 - digits))


@pytest.mark.parametrize("z", [[2.5, -1.0, 3.2], [0.1 * j for j in range(10)]], ids=["K=3", "K=10"])
def test_jacobian_view_first_render_is_numpy(z):
    tau = 0.7
    view = view_for(JacobianView, z, tau)
    size = len(z)
    jac = sm.jacobian(z, tau)
    data = view.source.data
    assert len(data["value"]) == size * size
    np.testing.assert_array_equal(np.reshape(data["value"], (size, size)), jac)
    assert list(view.heatmap.x_range.factors) == output_names("z", size)
    assert list(view.heatmap.y_range.factors) == output_names("a", size)[::-1]  # a₁ on top
    peak = np.max(np.abs(jac))
    assert (view.mapper.low, view.mapper.high) == (-peak, peak)
    assert view.table.text == table_html(jac)
    assert view.table.text.count("<td class='diag'>") == size
    assert view.table.text.count("<td class='off'>") == size * (size - 1)
    assert f"all {size} entries are positive" in view.verdict.text
    assert f"all {size * (size - 1)} entries are negative" in view.verdict.text
    assert (view.heatmap.xaxis[0].axis_label, view.heatmap.yaxis[0].axis_label) == ("input z_k", "output a_j")
    assert not view.source.syncable and not view.table.syncable and not view.verdict.syncable


def test_jacobian_view_colours_exact_zeros_grey_not_as_a_sign():
    view = view_for(JacobianView, [1000.0, -1000.0], 0.05)  # a = (1, 0): every entry underflows to 0
    assert np.all(np.isnan(view.source.data["color_value"]))
    assert view.mapper.high == pytest.approx(1 / (4 * 0.05))  # a usable scale even when max|J| = 0
    assert math.isfinite(view.mapper.low)
