"""static/js/lib/training.js, run in Chromium, repeats numpy's training from the same seed.

The points come from the same normal draws (exactly; the centres' cos/sin to ~1e-15); after 200
steps the losses, accuracies and parameters agree to 1e-9 (in practice ~1e-13: only sums over
points may round in another order).
"""

from __future__ import annotations

import numpy as np
import pytest

from components.browser.browser_js import js_source
from components.model import training as t
from tests.browser.conftest import page_with_script

SOURCES = js_source("lib/rng.js") + js_source("lib/training.js")

RUN = """([preset, k, seed, steps, options]) => {
    const d = Training.makeDataset(preset, k, seed);
    const run = Training.train(d, d, steps, options);
    const regions = Training.regions(run, options.cost, options.tau, 30);
    return {xs: d.xs, ys: d.ys, labels: d.labels, start: Array.from(d.weights), losses: run.losses,
            accuracies: run.accuracies, weights: Array.from(run.weights), biases: Array.from(run.biases),
            classes: Array.from(regions.classes), confidence: Array.from(regions.confidence)};
}"""


@pytest.fixture(scope="module")
def training_page(browser):
    with page_with_script(browser, SOURCES) as page:
        yield page


CASES = [(p, k, seed, cost, eta, lam, eps) for p in t.PRESETS for cost in t.COSTS
         for k, seed, eta, lam, eps in [(3, 1, 1.0, 0.0, 0.0), (6, 2**31 + 5, 0.5, 0.2, 0.1),
                                        (2, 7, 3.0, 1.0, 0.05)]]


@pytest.mark.parametrize(("preset", "k", "seed", "cost", "eta", "lam", "eps"), CASES)
def test_200_steps_agree_to_1e_9(training_page, preset, k, seed, cost, eta, lam, eps):
    options = {"cost": cost, "eta": eta, "lam": lam, "epsilon": eps, "tau": 0.7}
    got = training_page.evaluate(RUN, [preset, k, seed, 200, options])
    d = t.make_dataset(preset, k, seed)
    np.testing.assert_allclose(np.column_stack([got["xs"], got["ys"]]), d.points, rtol=1e-14, atol=1e-14)
    assert got["labels"] == d.labels.tolist()
    np.testing.assert_allclose(np.reshape(got["start"], (k, 2)), d.weights, rtol=1e-14, atol=1e-14)
    run = t.train(d.weights, d.biases, d.points, d.labels, cost, 200, eta, lam, eps)
    np.testing.assert_allclose(got["losses"], run.losses, rtol=1e-9, atol=1e-12)
    assert got["accuracies"] == run.accuracies.tolist()
    np.testing.assert_allclose(np.reshape(got["weights"], (k, 2)), run.weights, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(got["biases"], run.biases, rtol=1e-9, atol=1e-12)
    classes, confidence = t.regions(run.weights, run.biases, cost, 0.7, 30)
    assert got["classes"] == classes.ravel().tolist()
    np.testing.assert_allclose(got["confidence"], confidence.ravel(), rtol=1e-9)


@pytest.mark.parametrize("eta", [1e3, 1e100, 1e308])
@pytest.mark.parametrize("cost", t.COSTS)
def test_no_nan_however_large_eta(training_page, eta, cost):
    options = {"cost": cost, "eta": eta, "lam": 5.0, "epsilon": 0.2, "tau": 0.05}
    got = training_page.evaluate(RUN, [t.WRONG_START, 6, 3, 20, options])
    d = t.make_dataset(t.WRONG_START, 6, 3)
    run = t.train(d.weights, d.biases, d.points, d.labels, cost, 20, eta, 5.0, 0.2)
    assert all(np.isfinite(got["losses"])) and all(np.isfinite(got["confidence"]))
    np.testing.assert_allclose(got["weights"], run.weights.ravel(), rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(got["losses"], run.losses, rtol=1e-9)


def test_added_points_train_the_same(training_page):
    got = training_page.evaluate("""() => {
        const d = Training.makeDataset("separated", 3, 4);
        d.xs.push(4.5, -4.9); d.ys.push(0.1, 3.3); d.labels.push(2, 0);
        const run = Training.train(d, d, 50, {cost: "quadratic", eta: 2, lam: 0.1, epsilon: 0});
        return {xs: d.xs, ys: d.ys, labels: d.labels, losses: run.losses, weights: Array.from(run.weights)};
    }""")
    points = np.column_stack([got["xs"], got["ys"]])
    d = t.make_dataset(t.SEPARATED, 3, 4)
    run = t.train(d.weights, d.biases, points, np.array(got["labels"]), t.QUADRATIC, 50, 2.0, 0.1, 0.0)
    np.testing.assert_allclose(got["losses"], run.losses, rtol=1e-9)
    np.testing.assert_allclose(got["weights"], run.weights.ravel(), rtol=1e-9, atol=1e-12)


def test_point_gradient_shows_a_minus_y_and_the_sigma_prime_factor(training_page):
    got = training_page.evaluate("""() => {
        const ll = Training.pointGradient([1, -2, 0.5], 2, "log-likelihood");
        const q = Training.pointGradient([1, -2, 0.5], 2, "quadratic");
        return {ll: Array.from(ll.gradient), a: Array.from(q.a), factor: Array.from(q.factor),
                q: Array.from(q.gradient)};
    }""")
    z = np.array([[1.0, -2.0, 0.5]])
    y = t.targets(np.array([2]), 3)
    np.testing.assert_allclose(got["ll"], t.gradient_in_z(z, y, t.LOG_LIKELIHOOD)[0], rtol=1e-14)
    np.testing.assert_allclose(got["q"], t.gradient_in_z(z, y, t.QUADRATIC)[0], rtol=1e-14)
    np.testing.assert_allclose(np.array(got["a"]) * (1 - np.array(got["a"])), got["factor"], rtol=1e-15)
