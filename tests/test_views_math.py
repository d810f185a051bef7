"""The math and the Bokeh models of the exercise views, against mpmath and analytic results."""

from __future__ import annotations

import math
import re

import mpmath
import numpy as np
import pytest
from bokeh.models import HoverTool, Plot
from hypothesis import given, settings
from hypothesis import strategies as st

from components.model import softmax_math as sm
from components.model.state import TAU_MAX, TAU_MIN, SoftmaxState
from components.page.charts.bar_chart import output_names
from components.page.controls.controls import Controls
from components.page.exercises.cross_entropy_view import (
    OTHER_COLOR,
    TRUE_COLOR,
    Y_MARGIN,
    CrossEntropyView,
    quadratic_sigmoid_gradient,
)
from components.page.exercises.inverse_view import InverseView, targets_from_outputs
from components.page.exercises.jacobian_view import JacobianView
from components.page.exercises.nonlocality_view import NonLocalityView
from components.page.exercises.sweep_view import SWEEP_POINTS, SweepView, sweep_grid
from components.page.exercises.temperature_view import CURVE_POINTS, TEMPERATURES, TemperatureView
from components.words.number_format import format_fixed, format_number, parse_number, power_html
from tests import reference

small_vectors = st.lists(st.floats(min_value=-5, max_value=5), min_size=2, max_size=10)
wide_vectors = st.lists(st.floats(min_value=-1000, max_value=1000), min_size=2, max_size=10)
slider_temperatures = st.floats(min_value=0.05, max_value=20)


def view_for(view_class: type, z: list[float], tau: float = 1.0):
    """A view built for a state with K = len(z), as a session builds it (no server sync)."""
    state = SoftmaxState(z=[*z, *([0.0] * (10 - len(z)))], k=len(z), tau=tau)
    return view_for_state(view_class, state)


def view_for_state(view_class: type, state: SoftmaxState):
    return view_class(Controls(state, sync_to_python=False).context)


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
    assert np.all(np.isfinite(jac))  # what the view says of it: tests/browser/test_view_jacobian.py


@pytest.mark.parametrize(("value", "digits", "text"), [
    (0.09, 3, "0.0900"), (-0.01, 3, "−0.0100"), (0.000404, 3, "0.000404"), (-2.7e-5, 3, "−2.70e−5"),
    (5.55e-17, 2, "5.6e−17"), (123456.0, 3, "1.23e+5"), (100.0, 3, "100"), (0.0, 3, "0"),
    (-1e300, 3, "−1.00e+300"),
    # Exact ties round away from zero, as JS does (Python's format() gave "0.062" and "−0.12").
    (0.0625, 2, "0.063"), (-0.125, 2, "−0.13"), (9.996, 3, "10.0"),
])
def test_numbers_are_printed_as_the_browser_prints_them(value, digits, text):
    """format_number is the twin of the JS formatNumber (toPrecision / toExponential)."""
    assert format_number(value, digits) == text
    assert parse_number(text) == pytest.approx(value, rel=10 ** (1 - digits))


@pytest.mark.parametrize(("value", "text"), [
    (0.0123, "+0.012"), (-0.991, "−0.991"), (0.001, "+0.001"), (-0.0625, "−0.063"),
    # Where three decimals would print 0 ("−0.000", the sign and size lost): two significant digits.
    (-1.2e-8, "−1.2e−8"), (4.12e-9, "+4.1e−9"), (-0.00032, "−3.2e−4"), (5.55e-17, "+5.6e−17"),
    # Exact 0, also −0.0, is "0": no sign for a change that did not happen.
    (0.0, "0"), (-0.0, "0"),
])
def test_signed_changes_keep_their_size_and_sign(value, text):
    """format_fixed is the twin of the JS formatFixed: changes and gradients never print as ±0.000."""
    assert format_fixed(value, 3, signed=True) == text
    assert format_fixed(value, 3) == text.removeprefix("+")
    assert parse_number(text) == pytest.approx(value, rel=0.05)


def test_power_html_writes_exponents_as_powers_of_ten():
    assert power_html("−1.2e−8") == "−1.2×10<sup>−8</sup>"
    assert power_html("+4.5e+6") == "+4.5×10<sup>6</sup>"
    assert power_html("−0.991") == "−0.991"
    assert parse_number("−1.2×10−8") == -1.2e-8  # as the page shows power_html's markup


def test_jacobian_view_models_are_browser_only_and_start_empty():
    """The browser writes the cells, the table and the check (tests/browser/test_view_jacobian.py
    compares them with numpy); Python builds the models, empty, with the axes in words."""
    view = view_for(JacobianView, [2.5, -1.0, 3.2], 0.7)
    assert list(view.heatmap.x_range.factors) == output_names("z", 3)
    assert list(view.heatmap.y_range.factors) == output_names("a", 3)[::-1]  # a₁ on top
    assert view.table.text == view.verdict.text == "" and view.source.data["value"] == []
    assert (view.heatmap.xaxis[0].axis_label, view.heatmap.yaxis[0].axis_label) == ("input zₖ", "output aⱼ")
    assert not view.source.syncable and not view.table.syncable and not view.verdict.syncable


# --- Temperature and the partition function ------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(wide_vectors, slider_temperatures)
def test_free_energy_is_minus_tau_ln_z_and_equals_u_minus_tau_h(z, tau):
    """F = −τ ln Z against 60-digit mpmath, and the thermodynamic identity F = U − τH."""
    log_z = reference.logsumexp(z, tau)
    assert sm.partition_function_log(z, tau) == pytest.approx(log_z, rel=1e-13, abs=1e-13)
    assert sm.free_energy(z, tau) == pytest.approx(-tau * log_z, rel=1e-13, abs=1e-13)
    identity = reference.mean_energy(z, tau) - tau * reference.entropy(z, tau)
    assert identity == pytest.approx(-tau * log_z, rel=1e-12, abs=1e-12)
    scale = max(abs(v) for v in z) + tau  # U and F are sums of terms up to max|z|: their rounding
    got = sm.mean_energy(z, tau) - tau * sm.entropy(z, tau)
    assert got == pytest.approx(sm.free_energy(z, tau), abs=1e-12 * scale)


@settings(max_examples=200, deadline=None)
@given(wide_vectors, slider_temperatures)
def test_entropy_is_between_0_and_ln_k(z, tau):
    entropy = sm.entropy(z, tau)
    assert 0 <= entropy <= math.log(len(z)) + 1e-12
    assert entropy == pytest.approx(reference.entropy(z, tau), rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("size", [2, 3, 10])
def test_entropy_bounds_are_reached_uniform_and_one_hot(size):
    assert sm.entropy([0.7] * size, 3.0) == pytest.approx(math.log(size), rel=1e-15)
    assert sm.entropy([5.0, *([-5.0] * (size - 1))], 1e-3) == 0.0  # e^−10000 underflows: exactly one-hot


@settings(max_examples=100, deadline=None)
@given(small_vectors)
def test_entropy_rises_with_temperature_across_the_slider_range(z):
    """Heating never sharpens a Boltzmann distribution: H(τ) is non-decreasing in τ."""
    entropies = np.array([sm.entropy(z, t) for t in TEMPERATURES])
    assert np.all(np.diff(entropies) >= -1e-12)


@pytest.mark.parametrize("z", [[2.5, -1.0, 3.2, 0.5], [1000.0, -1000.0, 999.0, 0.0],
                               [0.1 * j for j in range(10)]])
def test_limits_cold_is_one_hot_on_the_argmax_and_hot_is_uniform(z):
    size = len(z)
    cold = sm.softmax(z, 1e-6)
    np.testing.assert_array_equal(cold, np.eye(size)[int(np.argmax(z))])
    hot = sm.softmax(z, 1e12)
    np.testing.assert_allclose(hot, 1 / size, rtol=1e-8)
    assert sm.entropy(z, 1e12) == pytest.approx(math.log(size), rel=1e-10)
    # On the slider's own ends the outputs are finite, sum to 1 and lean the same ways.
    for tau in (TAU_MIN, TAU_MAX):
        a = sm.softmax(z, tau)
        assert np.all(np.isfinite(a)) and a.sum() == pytest.approx(1, abs=1e-15)
    assert sm.softmax(z, TAU_MIN).max() > sm.softmax(z, TAU_MAX).max()


def test_ties_share_the_cold_limit_equally():
    np.testing.assert_allclose(sm.softmax([3.0, 1.0, 3.0], 1e-6), [0.5, 0.0, 0.5])
    # What the heading says of it: tests/browser/test_view_temperature.py.


@pytest.mark.parametrize(("z", "tau"), [
    ([1000.0, -1000.0, 999.0, 0.0], 0.05),  # ln Z = 20000: Z overflows float64
    ([-1000.0, -1000.0], 0.05),  # ln Z = −19999.3: Z underflows to 0
])
def test_huge_partition_functions_keep_a_finite_ln_z(z, tau):
    """How the page writes them (ln Z, never inf or 0): tests/browser/test_view_temperature.py."""
    log_z = sm.partition_function_log(z, tau)
    assert math.isfinite(log_z) and log_z == pytest.approx(reference.logsumexp(z, tau), rel=1e-14)


@pytest.mark.parametrize("z", [[2.5, -1.0, 3.2], [0.5 * j - 2 for j in range(10)]], ids=["K=3", "K=10"])
def test_temperature_view_starts_with_numpy_data(z):
    tau = 0.4
    view = view_for(TemperatureView, z, tau)
    size = len(z)
    curves = view.curves.data
    assert len(curves["ys"]) == len(curves["xs"]) == size and curves["name"] == output_names("a", size)
    xs = np.asarray(curves["xs"][0])
    assert len(xs) == CURVE_POINTS and xs[0] == pytest.approx(TAU_MIN) and xs[-1] == pytest.approx(TAU_MAX)
    assert np.all(np.diff(np.log(xs)) > 0)
    expected = np.vstack([sm.softmax(z, t) for t in xs])
    np.testing.assert_allclose(np.transpose(curves["ys"]), expected, rtol=1e-15, atol=1e-300)
    np.testing.assert_allclose(view.now.data["a"], sm.softmax(z, tau), rtol=1e-15)
    assert view.now.data["tau"] == [tau] * size and view.marker.location == tau
    # The heading and the table are the browser's alone (tests/browser/test_view_temperature.py).
    assert view.heading.text == view.quantities.text == ""
    assert not any(m.syncable for m in (view.curves, view.now, view.marker, view.quantities, view.heading))


# --- Sweep, cross-entropy and inverting softmax --------------------------------------------------

def mp_cross_entropy(z: list, y: int, tau: float) -> mpmath.mpf:
    """C = −ln a_y in 60-digit arithmetic."""
    weights = [mpmath.exp(mpmath.mpf(v) / mpmath.mpf(tau)) for v in z]
    return -mpmath.log(weights[y] / mpmath.fsum(weights))


@settings(max_examples=100, deadline=None)
@given(small_vectors, st.integers(min_value=0, max_value=9), slider_temperatures,
       st.sampled_from([5.0, 1000.0]))
def test_sweep_curves_sum_to_1_and_the_swept_output_rises(z, index, tau, limit):
    """Every point of the sweep is a distribution; a_i rises with z_i and every other output falls."""
    i = index % len(z)
    x = sweep_grid(limit)
    assert (len(x), x[0], x[-1], x[SWEEP_POINTS // 2]) == (SWEEP_POINTS, -limit, limit, 0.0)
    curves = sm.softmax_sweep(z, i, x, tau)
    np.testing.assert_allclose(curves.sum(axis=1), 1, atol=1e-14)
    rises = np.diff(curves[:, i])
    assert np.all(rises >= 0)
    inside = (curves[:-1, i] > 1e-6) & (curves[1:, i] < 1 - 1e-6)  # where the slope a_i(1 − a_i)/τ shows
    assert np.all(rises[inside] > 0)
    assert np.all(np.diff(np.delete(curves, i, axis=1), axis=0) <= 0)
    for r in (0, 57, SWEEP_POINTS // 2, SWEEP_POINTS - 1):
        np.testing.assert_allclose(curves[r], reference.softmax([*z[:i], x[r], *z[i + 1:]], tau),
                                   rtol=1e-12, atol=1e-300)


@settings(max_examples=60, deadline=None)
@given(small_vectors, st.integers(min_value=0, max_value=9), slider_temperatures)
def test_cross_entropy_gradient_is_the_numeric_derivative(z, true_class, tau):
    """(a − onehot(y))/τ equals the derivative of C = −ln a_y taken numerically with 60 digits."""
    y = true_class % len(z)
    numeric = [
        float(mpmath.diff(lambda t, j=j: mp_cross_entropy([*z[:j], t, *z[j + 1:]], y, tau), mpmath.mpf(z[j])))
        for j in range(len(z))
    ]
    np.testing.assert_allclose(sm.cross_entropy_gradient(z, y, tau), numeric, rtol=1e-10, atol=1e-14 / tau)
    expected = float(mp_cross_entropy(z, y, tau))
    assert sm.cross_entropy(z, y, tau) == pytest.approx(expected, rel=1e-12, abs=1e-14)


def test_cross_entropy_gradient_matches_central_differences_in_float64():
    z, tau, h = np.array([2.5, -1.0, 3.2, 0.5]), 0.7, 1e-6
    for y in range(4):
        numeric = [(sm.cross_entropy(z + h * e, y, tau) - sm.cross_entropy(z - h * e, y, tau)) / (2 * h)
                   for e in np.eye(4)]
        np.testing.assert_allclose(sm.cross_entropy_gradient(z, y, tau), numeric, atol=1e-8)


def test_cross_entropy_with_an_underflowing_true_output_is_finite_and_the_gradient_is_minus_one():
    """z₂ = −1000 against z₁ = 1000: a₂ = e^−2000 is 0 in float64, C = 2000 exactly as −ln a₂."""
    z = [1000.0, -1000.0, 999.0, 0.0]
    assert sm.softmax(z)[1] == 0
    assert sm.cross_entropy(z, 1) == pytest.approx(float(mp_cross_entropy(z, 1, 1.0)), rel=1e-15)
    np.testing.assert_allclose(sm.cross_entropy_gradient(z, 1), [*sm.softmax(z)[:1], -1, *sm.softmax(z)[2:]])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(min_value=1e-9, max_value=1.0), min_size=2, max_size=10),
       st.floats(min_value=-10, max_value=10))
def test_inversion_round_trips_to_the_normalised_targets(a, shift):
    """z = ln a + C: mpmath's logarithm, and softmax(z) gives back a / Σa to 1e-12."""
    z = sm.inverse_softmax(a, shift)
    total = mpmath.fsum(a)
    expected = [float(mpmath.log(mpmath.mpf(v) / total) + mpmath.mpf(shift)) for v in a]
    np.testing.assert_allclose(z, expected, rtol=1e-13, atol=1e-13)
    np.testing.assert_allclose(sm.softmax(z), np.divide(a, np.sum(a)), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(sm.softmax(z + 1.0), sm.softmax(z), rtol=1e-12, atol=1e-15)  # a shift button


def test_sweep_view_starts_on_z4_or_the_last_input():
    """The selector is the visitor's choice (Python); the curves and heading are the browser's
    (tests/browser/test_view_sweep.py)."""
    view = view_for(SweepView, [2.5, -1.0, 3.2, 0.5, 1.0], 0.7)
    assert view.select.value == "4" and [label for _, label in view.select.options] == [
        "zᴸ₁", "zᴸ₂", "zᴸ₃", "zᴸ₄", "zᴸ₅"]
    assert view.marker.location == 0.5 and view.heading.text == ""
    assert not any(m.syncable for m in (view.curves, view.current, view.heading, view.chart.x_range))
    assert view_for(SweepView, [1.0, -2.0]).select.value == "2"


def test_cross_entropy_view_starts_with_numpy_data():
    z, tau = [2.5, -1.0, 3.2, 0.5], 0.5
    view = view_for(CrossEntropyView, z, tau)
    gradient = sm.cross_entropy_gradient(z, 1, tau)
    data = view.source.data
    np.testing.assert_array_equal(data["value"], gradient)
    assert data["label"][1].startswith("−") and all(label.startswith("+") for label in data["label"][::2])
    assert data["color"] == [OTHER_COLOR, TRUE_COLOR, OTHER_COLOR, OTHER_COLOR]
    assert view.select.value == "2" and len(view.select.options) == 4
    assert (view.chart.y_range.start, view.chart.y_range.end) == (-Y_MARGIN / tau, Y_MARGIN / tau)
    # The heading and the comparison are the browser's alone (tests/browser/test_view_cross_entropy.py).
    assert view.heading.text == view.compare.text == ""
    assert not any(m.syncable for m in (view.source, view.heading, view.compare, view.chart.y_range))


@pytest.mark.parametrize("z_y", [-1.0, 0.0, -10.0, -600.0])
def test_the_slowdown_term_is_the_product_of_sigmoids(z_y):
    """The numpy reference of the slowdown term −σ(z)σ(−z)² (how the page prints it, also where
    it underflows: tests/browser/test_view_cross_entropy.py)."""
    if z_y > -700:
        assert float(mpmath.log(-mpmath.mpf(quadratic_sigmoid_gradient(z_y)))) == pytest.approx(
            float(mpmath.log(mpmath_sigmoid(z_y)) + 2 * mpmath.log(mpmath_sigmoid(-z_y))), rel=1e-12)


def mpmath_sigmoid(v: float) -> mpmath.mpf:
    return 1 / (1 + mpmath.exp(-mpmath.mpf(v)))


def test_quadratic_sigmoid_gradient_vanishes_for_a_badly_wrong_output():
    """The learning slowdown: (σ(z) − 1)σ'(z) → 0 as z → −∞, while a_y − 1 → −1 for softmax."""
    assert quadratic_sigmoid_gradient(-10.0) == pytest.approx(-math.exp(-10), rel=1e-3)
    assert sm.cross_entropy_gradient([10.0, -10.0], 1)[1] == pytest.approx(-1, abs=1e-8)


def test_inverse_view_starts_with_numpy_data():
    view = view_for(InverseView, [2.5, -1.0, 3.2, 0.5])
    typed = [0.315, 0.009, 0.633, 0.043]
    assert [box.value for box in view.boxes[:4]] == ["0.315", "0.009", "0.633", "0.043"]
    assert [box.styles["display"] for box in view.boxes] == ["block"] * 4 + ["none"] * 6
    assert view.store.data["value"] == [*typed, *([0.1] * 6)]
    np.testing.assert_allclose(view.values.data["z"], sm.inverse_softmax(typed), rtol=1e-15)
    np.testing.assert_allclose(view.values.data["target"], np.divide(typed, sum(typed)), rtol=1e-15)
    # The table and the note are the browser's alone (tests/browser/test_view_inverse.py).
    assert view.table.text == view.normalised.text == ""
    assert view.notice.render_as_text  # it quotes what the student typed
    assert not any(m.syncable for m in (view.store, view.values, view.table, view.notice, view.shift_result))


def test_inverse_view_never_starts_with_a_zero_target():
    view = view_for(InverseView, [5.0, -5.0, 5.0])  # a₂ = 2.3e-5 rounds to 0.000
    # a₂ takes 0.001 from the first of the two largest: the targets still add up to 1, so the
    # tab does not start with a "targets add up to 1.001" warning nobody caused.
    assert view.store.data["value"][:3] == [0.499, 0.001, 0.5]
    assert sum(round(v * 1000) for v in view.store.data["value"][:3]) == 1000


@pytest.mark.parametrize(("z", "targets"), [
    ([2.5, -1.0, 3.2, 0.5], [0.315, 0.009, 0.633, 0.043]),  # the book's: each rounds, sum 1
    ([0.0, 0.0, 0.0], [0.334, 0.333, 0.333]),  # all round down: the first gets the missing 0.001
    ([2.5, -1.0, 3.2, 0.5, 0, 0, 0, 0, 0, 0], [0.272, 0.008, 0.549, 0.037, 0.023, 0.023, *[0.022] * 4]),
    ([1000.0, *[-1000.0] * 9], [0.991, *[0.001] * 9]),  # none 0: ln 0 = −∞
])
def test_outputs_become_targets_in_thousandths_that_add_up_to_1(z, targets):
    got = targets_from_outputs(sm.softmax(z))
    assert got == targets
    assert sum(round(v * 1000) for v in got) == 1000 and min(got) >= 0.001


@settings(max_examples=300, deadline=None)
@given(st.lists(st.floats(0, 1), min_size=2, max_size=10).filter(lambda a: sum(a) > 0))
def test_targets_from_any_outputs_add_up_to_1_and_stay_within_a_thousandth(weights):
    a = np.divide(weights, sum(weights))
    got = np.asarray(targets_from_outputs(a))
    assert sum(round(v * 1000) for v in got) == 1000 and got.min() >= 0.001
    if a.min() >= 0.0005:  # no output needed raising to 0.001: each is its nearest thousandth or next
        assert np.all(np.abs(got - a) < 0.001)


def test_every_input_drives_the_three_views():
    state = SoftmaxState()
    controls = Controls(state, sync_to_python=False)
    views = [SweepView(controls.context), CrossEntropyView(controls.context), InverseView(controls.context)]
    for slider in [*controls.z_sliders, controls.log_tau_slider, controls.k_slider]:
        targets = {id(m) for cb in slider.js_property_callbacks["change:value"] for m in cb.args.values()}
        assert {id(views[0].curves), id(views[1].source), id(views[2].values)} <= targets


# --- What the views print: signs, small numbers, names (issue 19, items 3, 4 and 12) -------------

def test_cross_entropy_shows_a_tiny_gradient_smaller_than_the_sigmoid_one():
    """?z=-5,5,-5,-5&tau=0.5, y = a₂ (right): the softmax gradient −1.2e−8 is smaller than −4.4e−5."""
    z, tau = [-5.0, 5.0, -5.0, -5.0], 0.5
    view = view_for(CrossEntropyView, z, tau)
    gradient = sm.cross_entropy_gradient(z, 1, tau)
    assert view.source.data["label"] == [format_fixed(v, 3, signed=True) for v in gradient]
    assert view.source.data["label"][:2] == ["+4.1e−9", "−1.2e−8"]
    # The sentence that compares it with the sigmoid's: tests/browser/test_view_cross_entropy.py.


RAW_SUBSCRIPT = re.compile(r"[A-Za-zσ∂]_[A-Za-z0-9{]")  # "z_k", "a_j", "∂a_j/∂z_k" as typed in code


@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
@pytest.mark.parametrize("view_class", [JacobianView, CrossEntropyView, NonLocalityView, SweepView,
                                        TemperatureView])
def test_axis_titles_and_tooltips_write_subscripts_not_underscores(view_class, lang):
    view = view_for_state(view_class, SoftmaxState(lang=lang))
    figures = list(view.model.select({"type": Plot}))
    assert figures
    shown = [axis.axis_label or "" for fig in figures for axis in (*fig.xaxis, *fig.yaxis)]
    shown += [label for fig in figures for tool in fig.select({"type": HoverTool})
              for label, _ in tool.tooltips]
    assert [text for text in shown if RAW_SUBSCRIPT.search(text)] == []
