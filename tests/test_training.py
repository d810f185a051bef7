"""The softmax layer's training (components/model/training.py): data, gradients, the slowdown, no NaN."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components.model import training as t
from components.model.rng import Mulberry32


@pytest.mark.parametrize("preset", t.PRESETS)
@pytest.mark.parametrize("k", [2, 3, 6])
def test_points_are_the_seeds_normals_around_the_centres(preset, k):
    d = t.make_dataset(preset, k, 5)
    assert d.points.shape == (k * t.N_PER_CLASS, 2)
    assert d.labels.tolist() == [c for c in range(k) for _ in range(t.N_PER_CLASS)]
    draws = Mulberry32(5).normals(2 * k * t.N_PER_CLASS).reshape(-1, 2)
    blobs = t.centres(preset, k)
    first = d.points[0] - t._SPREAD[preset] * draws[0]
    np.testing.assert_array_equal(first, blobs[0])
    np.testing.assert_array_equal(t.make_dataset(preset, k, 5).points, d.points)
    assert not np.array_equal(t.make_dataset(preset, k, 6).points, d.points)


def test_one_class_between_has_class_one_on_both_sides():
    d = t.make_dataset(t.BETWEEN, 3, 1)
    ones = d.points[d.labels == 1, 0]
    zeros = d.points[d.labels == 0, 0]
    assert (ones < -1).sum() == (ones > 1).sum() == t.N_PER_CLASS // 2
    assert np.all(np.abs(zeros) < 2)


@pytest.mark.parametrize("cost", t.COSTS)
def test_the_gradient_is_the_derivative_of_the_loss(cost):
    d = t.make_dataset(t.OVERLAPPING, 4, 2)
    rng = np.random.default_rng(0)
    w, b = rng.normal(size=(4, 2)), rng.normal(size=4)
    lam, eps, eta = 0.3, 0.1, 1e-3
    new_w, new_b = t.step(w, b, d.points, d.labels, cost, eta, lam, eps)
    grad_w, grad_b = (w - new_w) / eta, (b - new_b) / eta
    h = 1e-6
    for j in range(4):
        for c in range(2):
            wp, wm = w.copy(), w.copy()
            wp[j, c] += h
            wm[j, c] -= h
            numeric = (t.loss(wp, b, d.points, d.labels, cost, eps, lam)
                       - t.loss(wm, b, d.points, d.labels, cost, eps, lam)) / (2 * h)
            assert grad_w[j, c] == pytest.approx(numeric, rel=1e-5, abs=1e-8)
        bp, bm = b.copy(), b.copy()
        bp[j] += h
        bm[j] -= h
        numeric = (t.loss(w, bp, d.points, d.labels, cost, eps, lam)
                   - t.loss(w, bm, d.points, d.labels, cost, eps, lam)) / (2 * h)
        assert grad_b[j] == pytest.approx(numeric, rel=1e-5, abs=1e-8)


def test_log_likelihood_gradient_is_a_minus_y():
    z = np.array([[1.0, -2.0, 0.5]])
    y = t.targets(np.array([2]), 3)
    a = np.exp(z) / np.exp(z).sum()
    np.testing.assert_allclose(t.gradient_in_z(z, y, t.LOG_LIKELIHOOD), a - y, rtol=1e-14)
    s = 1 / (1 + np.exp(-z))
    np.testing.assert_allclose(t.gradient_in_z(z, y, t.QUADRATIC), (s - y) * s * (1 - s), rtol=1e-14)


def test_badly_wrong_start_puts_every_point_in_the_wrong_class_and_shows_the_slowdown():
    d = t.make_dataset(t.WRONG_START, 3, 1)
    assert t.accuracy(d.weights, d.biases, d.points, d.labels) == 0.0
    ll = t.train(d.weights, d.biases, d.points, d.labels, t.LOG_LIKELIHOOD, 200, 1.0)
    quad = t.train(d.weights, d.biases, d.points, d.labels, t.QUADRATIC, 200, 1.0)
    assert ll.accuracies[-1] == 1.0
    assert quad.accuracies[-1] < 0.5  # the quadratic cost's gradient carries sigma'(z) ~ 0: it crawls
    assert quad.losses[0] - quad.losses[-1] < 0.5 * quad.losses[0]


def test_separated_blobs_are_learnt_and_between_is_not():
    for preset, want in ((t.SEPARATED, 1.0), (t.BETWEEN, 0.8)):
        d = t.make_dataset(preset, 3, 3)
        run = t.train(d.weights, d.biases, d.points, d.labels, t.LOG_LIKELIHOOD, 300, 1.0)
        assert (run.accuracies[-1] == 1.0) if want == 1.0 else (run.accuracies[-1] < want)
        assert run.losses[-1] < run.losses[0]


def test_smoothed_targets_sum_to_one():
    y = t.targets(np.array([0, 2]), 3, 0.3)
    np.testing.assert_allclose(y.sum(axis=1), 1.0)
    assert y[0, 0] == pytest.approx(0.7 + 0.1)


def test_tau_changes_the_confidence_never_the_class():
    d = t.make_dataset(t.OVERLAPPING, 4, 2)
    run = t.train(d.weights, d.biases, d.points, d.labels, t.LOG_LIKELIHOOD, 50, 1.0)
    c1, a1 = t.regions(run.weights, run.biases, t.LOG_LIKELIHOOD, 1.0, 40)
    c2, a2 = t.regions(run.weights, run.biases, t.LOG_LIKELIHOOD, 0.2, 40)
    c3, a3 = t.regions(run.weights, run.biases, t.LOG_LIKELIHOOD, 5.0, 40)
    assert np.array_equal(c1, c2) and np.array_equal(c1, c3)
    assert np.all(a2 >= a1 - 1e-15) and np.all(a3 <= a1 + 1e-15)


@settings(max_examples=60, deadline=None)
@given(preset=st.sampled_from(t.PRESETS), k=st.integers(2, 6), seed=st.integers(0, 2**32 - 1),
       cost=st.sampled_from(t.COSTS), eta=st.floats(0, 1e308), lam=st.floats(0, 1e308),
       eps=st.floats(0, 0.99), steps=st.integers(0, 6))
def test_no_nan_however_large_eta_and_lambda(preset, k, seed, cost, eta, lam, eps, steps):
    d = t.make_dataset(preset, k, seed)
    run = t.train(d.weights, d.biases, d.points, d.labels, cost, steps, eta, lam, eps)
    assert np.all(np.isfinite(run.losses)) and np.all(np.isfinite(run.accuracies))
    assert np.all(np.abs(run.weights) <= t.PARAM_LIMIT) and np.all(np.abs(run.biases) <= t.PARAM_LIMIT)
    classes, confidence = t.regions(run.weights, run.biases, cost, 0.05, 10)
    assert np.all(np.isfinite(confidence)) and classes.min() >= 0 and classes.max() < k


@pytest.mark.parametrize("bad", [{"eta": float("nan")}, {"eta": -1.0}, {"lam": float("inf")}, {"eps": 1.0}])
def test_bad_numbers_are_refused(bad):
    d = t.make_dataset(t.SEPARATED, 2, 0)
    args = {"eta": 1.0, "lam": 0.0, "eps": 0.0} | bad
    with pytest.raises(ValueError):
        t.step(d.weights, d.biases, d.points, d.labels, t.LOG_LIKELIHOOD, args["eta"], args["lam"],
               args["eps"])


def test_bad_preset_cost_and_k_are_refused():
    with pytest.raises(ValueError):
        t.make_dataset("spiral", 3, 0)
    with pytest.raises(ValueError):
        t.make_dataset(t.SEPARATED, 1, 0)
    with pytest.raises(ValueError):
        t.outputs(np.zeros((1, 2)), "hinge")
