"""The Training tab in Chromium: data, steps and regions vs numpy, buttons, K limits and the link."""

from __future__ import annotations

import numpy as np
from playwright.sync_api import Page, expect

from components.model import training as t
from components.page.exercises.training_view import REGION_SIZE, TrainingView
from components.words.i18n import TEXTS
from tests.browser.screen import look_at_tab, notice, open_app, press_on_slider

EN = TEXTS["en"]
STATUS = ".training-status .training-now"
STEPS_AT_LEAST_10 = "() => Bokeh.documents[0].get_model_by_name('training-points').__training.steps >= 10"

# What the tab shows: the points, the curves, the region pixels and the run kept by the callback.
SHOWN_JS = """() => {
  const doc = Bokeh.documents[0];
  const points = doc.get_model_by_name("training-points");
  const curves = doc.get_model_by_name("training-curves").data;
  const image = doc.get_model_by_name("training-image").data.image[0];
  const run = points.__training;
  const all = (data) => Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Array.from(v)]));
  return {...all(points.data), ...all(curves), shape: Array.from(image.shape),
          alpha: Array.from(image, (p) => p >>> 24), steps: run.steps ?? 0, key: run.key,
          options: run.options,
          runs: (run.runs ?? []).map((r) => ({cost: r.cost, w: Array.from(r.params.weights),
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


def widget_values(page: Page) -> dict:
    return page.evaluate("""() => {
      const doc = Bokeh.documents[0];
      const byClass = (name) => [...doc.all_models].find((m) => (m.css_classes ?? []).includes(name));
      return Object.fromEntries(["preset", "seed", "cost", "eta", "lambda", "epsilon"].map(
        (n) => [n, byClass(`training-${n}`).value]));
    }""")


def test_a_link_restores_the_controls_and_the_run_follows_them(page, served_app):
    open_tab(page, f"{served_app}?view=training&K=4&data=between&seed=7&cost=quadratic&eta=0.5&lambda=0.2"
                   "&epsilon=0.1")
    assert widget_values(page) == {"preset": "between", "seed": 7, "cost": "quadratic", "eta": 0.5,
                                   "lambda": 0.2, "epsilon": 0.1}
    for _ in range(3):
        page.locator(".training-step button").click()
    expect(page.locator(STATUS)).to_contain_text("Step 3 (quadratic, sigmoid outputs)")
    shown = page.evaluate(SHOWN_JS)
    d = t.make_dataset(t.BETWEEN, 4, 7)
    np.testing.assert_allclose(np.column_stack([shown["x"], shown["y"]]), d.points, rtol=1e-14, atol=1e-14)
    run = numpy_run(t.BETWEEN, 4, 7, t.QUADRATIC, 3, 0.5, 0.2, 0.1)
    np.testing.assert_allclose(shown["loss_q"], run.losses, rtol=1e-9)
    assert all(np.isnan(shown["loss_ll"])) and [r["cost"] for r in shown["runs"]] == ["quadratic"]


def test_bad_values_in_a_link_get_a_message_and_a_safe_value(page, served_app):
    open_tab(page, f"{served_app}?view=training&data=spiral&seed=-3&eta=1e9&epsilon=abc&cost=hinge")
    said = notice(page)
    assert "spiral" in said and "abc" in said and "hinge" in said, said
    assert widget_values(page) == {"preset": "wrong-start", "seed": 0, "cost": "compare", "eta": 100,
                                   "lambda": 0, "epsilon": 0}
    for _ in range(2):  # eta = 100: a huge step, clipped, never NaN
        page.locator(".training-step button").click()
    expect(page.locator(STATUS)).to_contain_text("Step 2:")
    shown = page.evaluate(SHOWN_JS)
    for cost, column in ((t.LOG_LIKELIHOOD, "loss_ll"), (t.QUADRATIC, "loss_q")):
        want = numpy_run(t.WRONG_START, 4, 0, cost, 2, 100.0).losses  # K = 4: the page's first K
        np.testing.assert_allclose(shown[column], want, rtol=1e-9)
    text = page.locator(".training-status").inner_text()
    assert "NaN" not in text and "Infinity" not in text


def test_more_than_six_classes_get_a_message_and_six_train_again(page, served_app):
    open_app(page, f"{served_app}?view=training&K=8")
    look_at_tab(page)
    expect(page.locator(".training-status")).to_contain_text("K = 8")
    assert page.evaluate(SHOWN_JS)["x"] == []
    press_on_slider(page, "k-slider", "ArrowLeft", 2)
    look_at_tab(page)
    expect(page.locator(STATUS)).to_contain_text("Step 0:")
    shown = page.evaluate(SHOWN_JS)
    assert len(shown["x"]) == 6 * t.N_PER_CLASS and set(shown["label"]) == {str(j) for j in range(1, 7)}


def test_the_regions_are_numpys_classes_shaded_by_tau(page, served_app):
    """Each pixel has its numpy argmax class's colour (the same at every tau) and an opacity from max a_j."""
    from components.page.exercises.training_view import CLASS_COLORS
    for tau in (0.3, 3.0):
        open_tab(page, f"{served_app}?view=training&K=3&tau={tau}&data=overlapping&cost=log-likelihood")
        for _ in range(5):
            page.locator(".training-step button").click()
        expect(page.locator(STATUS)).to_contain_text("Step 5")
        shown = page.evaluate(SHOWN_JS)
        pixels = np.array(page.evaluate("""() => Array.from(
            Bokeh.documents[0].get_model_by_name("training-image").data.image[0])"""), dtype=np.uint64)
        w, b = np.reshape(shown["runs"][0]["w"], (3, 2)), np.array(shown["runs"][0]["b"])
        classes, confidence = t.regions(w, b, t.LOG_LIKELIHOOD, tau, REGION_SIZE)
        rgb = np.array([[int(c[i:i + 2], 16) for i in (1, 3, 5)] for c in CLASS_COLORS])
        want = rgb[classes.ravel()]
        got = np.column_stack([pixels & 255, (pixels >> 8) & 255, (pixels >> 16) & 255])
        assert np.array_equal(got, want)
        s = np.clip((confidence.ravel() - 1 / 3) / (1 - 1 / 3), 0, 1)
        assert np.array_equal(pixels >> 24, np.round(255 * (0.1 + 0.65 * s)))
        if tau == 0.3:
            first_classes = classes
        else:
            assert np.array_equal(classes, first_classes)  # tau never changes which class wins


def test_train_animates_until_pause_and_matches_numpy(page, served_app):
    open_tab(page, f"{served_app}?view=training&K=2&data=separated&seed=3")
    train = page.locator(".training-train button")
    train.click()
    expect(train).to_have_text("Pause")
    page.wait_for_function(STEPS_AT_LEAST_10)
    train.click()
    expect(train).to_have_text("Train")
    shown = page.evaluate(SHOWN_JS)
    steps = shown["steps"]
    assert steps >= 10 and shown["step"] == list(range(steps + 1))
    page.wait_for_timeout(300)
    assert page.evaluate(SHOWN_JS)["steps"] == steps  # paused: no more frames
    np.testing.assert_allclose(shown["loss_ll"], numpy_run(t.SEPARATED, 2, 3, t.LOG_LIKELIHOOD, steps).losses,
                               rtol=1e-9)
    page.locator(".training-reset button").click()
    expect(page.locator(STATUS)).to_contain_text("Step 0:")


def test_points_are_added_from_the_keyboard_and_listed_in_the_table(page, served_app):
    open_tab(page, f"{served_app}?view=training&K=3")
    rows = page.locator(".training-table tbody tr")
    expect(rows).to_have_count(3 * t.N_PER_CLASS)
    page.locator(".training-add-x input").fill("4.5")
    page.locator(".training-add-x input").press("Enter")
    page.locator(".training-add-y input").fill("-9")  # outside the plot: clamped to -5
    page.locator(".training-add-y input").press("Enter")
    page.locator(".training-add-class select").select_option("2")
    page.locator(".training-add button").focus()
    page.keyboard.press("Enter")
    expect(rows).to_have_count(3 * t.N_PER_CLASS + 1)
    expect(page.locator(STATUS)).to_contain_text("(4.50, −5.00) in class 2")
    cells = rows.last.locator("td").all_text_contents()
    assert cells[:4] == [str(3 * t.N_PER_CLASS + 1), "4.50", "−5.00", "2"]
    page.locator(".training-step button").click()
    shown = page.evaluate(SHOWN_JS)
    d = t.make_dataset(t.WRONG_START, 3, 1)
    points = np.vstack([d.points, [[4.5, -5.0]]])
    labels = np.append(d.labels, 1)
    want = t.train(d.weights, d.biases, points, labels, t.LOG_LIKELIHOOD, 1, 1.0)
    np.testing.assert_allclose(shown["loss_ll"][-1], want.losses[-1], rtol=1e-9)


def test_a_click_on_the_regions_adds_a_point_there(page, served_app):
    open_tab(page, f"{served_app}?view=training&K=3")
    canvas = page.locator(".training-regions canvas").first
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.locator(".training-table tbody tr")).to_have_count(3 * t.N_PER_CLASS + 1)
    shown = page.evaluate(SHOWN_JS)
    assert abs(shown["x"][-1]) < 2 and abs(shown["y"][-1]) < 2 and shown["label"][-1] == "1"


def test_hover_texts_give_a_the_gradient_and_the_sigma_prime_factor(page, served_app):
    """On the badly wrong start the quadratic cost's sigma'(z) is tiny: the hover shows why it crawls."""
    from components.words.number_format import format_fixed
    open_tab(page, f"{served_app}?view=training&K=3&cost=quadratic")
    shown = page.evaluate(SHOWN_JS)
    d = t.make_dataset(t.WRONG_START, 3, 1)
    z = t.weighted_inputs(d.weights, d.biases, d.points)
    a = t.outputs(z, t.QUADRATIC)
    grad = t.gradient_in_z(z, t.targets(d.labels, 3), t.QUADRATIC)
    for i in (0, 45, 89):
        assert shown["a"][i] == ", ".join(format_fixed(v, 3) for v in a[i])
        assert shown["grad"][i] == ", ".join(format_fixed(v, 3) for v in grad[i])
        assert shown["factor"][i] == ", ".join(format_fixed(v, 3) for v in a[i] * (1 - a[i]))
    assert np.median(a * (1 - a)) < 0.01  # saturated: the factor that shrinks the gradient
