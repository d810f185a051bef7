"""The Training tab in Chromium: data, steps and regions vs numpy, buttons, K limits and the link."""

from __future__ import annotations

import numpy as np
from playwright.sync_api import Page, expect

from components.model import training as t
from components.page.exercises.training_view import REGION_SIZE, TrainingView
from components.words.i18n import TEXTS
from tests.browser.screen import look_at_tab, open_app

EN = TEXTS["en"]
STATUS = ".training-status .training-now"

# What the tab shows: the points, the curves, the region pixels and the run kept by the callback.
SHOWN_JS = """() => {
  const doc = Bokeh.documents[0];
  const points = doc.get_model_by_name("training-points");
  const curves = doc.get_model_by_name("training-curves").data;
  const image = doc.get_model_by_name("training-image").data.image[0];
  const run = points.__training;
  const all = (data) => Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Array.from(v)]));
  return {...all(points.data), ...all(curves), shape: Array.from(image.shape),
          alpha: Array.from(image, (p) => p >>> 24), steps: run.steps,
          runs: run.runs.map((r) => ({cost: r.cost, w: Array.from(r.params.weights),
                                      b: Array.from(r.params.biases)}))};
}"""


def open_tab(page: Page, url: str) -> None:
    open_app(page, url)
    if "view=training" not in url:
        page.get_by_role("tab", name=EN[TrainingView.title_key]).click()
    look_at_tab(page)
    expect(page.locator(STATUS)).to_be_visible()


def numpy_run(preset: str, k: int, seed: int, cost: str, steps: int, eta: float = 1.0, lam: float = 0.0,
              eps: float = 0.0) -> t.Run:
    d = t.make_dataset(preset, k, seed)
    return t.train(d.weights, d.biases, d.points, d.labels, cost, steps, eta, lam, eps)


def test_the_first_render_is_numpys_data_and_start(page, served_app):
    open_tab(page, f"{served_app}?K=3&view=training")
    shown = page.evaluate(SHOWN_JS)
    d = t.make_dataset(t.WRONG_START, 3, 1)
    np.testing.assert_allclose(np.column_stack([shown["x"], shown["y"]]), d.points, rtol=1e-14, atol=1e-14)
    assert shown["label"] == [str(c + 1) for c in d.labels]
    assert shown["shape"] == [REGION_SIZE, REGION_SIZE] and min(shown["alpha"]) > 0
    assert shown["step"] == [0] and shown["acc_ll"] == [0.0] and shown["acc_q"] == [0.0]  # all wrong at start
    expect(page.locator(STATUS)).to_contain_text("Step 0:")


def test_200_steps_in_the_page_agree_with_numpy_and_show_the_slowdown(page, served_app):
    open_tab(page, f"{served_app}?K=3&view=training")
    step = page.locator(".training-step button")
    for _ in range(200):
        step.click()
    expect(page.locator(STATUS)).to_contain_text("Step 200:")
    shown = page.evaluate(SHOWN_JS)
    ll = numpy_run(t.WRONG_START, 3, 1, t.LOG_LIKELIHOOD, 200)
    quad = numpy_run(t.WRONG_START, 3, 1, t.QUADRATIC, 200)
    assert shown["step"] == list(range(201))
    np.testing.assert_allclose(shown["loss_ll"], ll.losses, rtol=1e-9)
    np.testing.assert_allclose(shown["loss_q"], quad.losses, rtol=1e-9)
    assert shown["acc_ll"] == ll.accuracies.tolist() and shown["acc_q"] == quad.accuracies.tolist()
    np.testing.assert_allclose(np.reshape(shown["runs"][0]["w"], (3, 2)), ll.weights, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(np.reshape(shown["runs"][1]["w"], (3, 2)), quad.weights, rtol=1e-9, atol=1e-12)
    assert ll.accuracies[-1] == 1.0 > quad.accuracies[-1]  # the slowdown, plain to see
