"""The bandit tab in Chromium: a seeded run in the page is numpy's (components/model/bandit.py),
P_t shown is softmax(q_t / tau), and links restore the view's controls."""

from __future__ import annotations

import numpy as np
import pytest
from playwright.sync_api import Page, expect

from components.model import bandit
from components.model import softmax_math as sm
from components.page.exercises.bandit_view import MAX_STEPS
from components.words.i18n import TEXTS
from components.words.number_format import format_fixed
from tests.browser.a11y import axe_scan, report
from tests.browser.screen import look_at_tab, notice, open_app, press_on_slider

SHOWN_JS = """() => {
  const models = [...Bokeh.documents[0].all_models];
  const byClass = (name) => models.find((m) => (m.css_classes ?? []).includes(name));
  const doc = Bokeh.documents[0];
  const arms = doc.get_model_by_name("bandit-arms").data;
  const run = doc.get_model_by_name("bandit-run").data;
  return {k: byClass("k-slider").value, tau: 10 ** byClass("tau-slider").value,
          seed: byClass("bandit-seed").value, alpha: byClass("bandit-alpha").value,
          epsilon: byClass("bandit-epsilon").value, reveal: byClass("bandit-reveal").active,
          t: doc.get_model_by_name("bandit-state").data.t[0],
          means: Array.from(arms.means), q: Array.from(arms.q), p: Array.from(arms.p),
          counts: Array.from(arms.counts), arm: Array.from(run.arm), reward: Array.from(run.reward)};
}"""
CHARTS = ".bandit-charts .bk-clearfix"
SUMMARY = ".bandit-summary .bk-clearfix"
EN = TEXTS["en"]


def open_view(page: Page, url: str) -> dict:
    open_app(page, url)
    look_at_tab(page)
    expect(page.locator(f"{CHARTS} tbody tr").first).to_be_attached()
    return page.evaluate(SHOWN_JS)


def press(page: Page, name: str, steps: int) -> dict:
    page.locator(f".bandit-{name} button").click()
    expect(page.locator(SUMMARY)).to_contain_text(f"{steps} steps")
    return page.evaluate(SHOWN_JS)


def assert_p_is_softmax_of_q(page: Page, shown: dict) -> None:
    """The source and the table: P_t = softmax(q_t / tau) for the tau shown, to the last bit."""
    want = sm.softmax(np.array(shown["q"]), shown["tau"])
    np.testing.assert_allclose(shown["p"], want, rtol=1e-15, atol=0)
    assert page.locator(f"{CHARTS} td.p").all_inner_texts() == [format_fixed(v, 3) for v in want]
    assert page.locator(f"{CHARTS} td.q").all_inner_texts() == [format_fixed(v, 3, signed=True)
                                                                for v in shown["q"]]


@pytest.mark.parametrize("alpha", ["average", "0.1"])
def test_a_seeded_1000_step_run_in_the_page_is_numpys(page, served_app, alpha):
    shown = open_view(page, f"{served_app}?view=bandit&K=6&seed=7&alpha={alpha}&tau=0.5")
    assert shown["t"] == 0 and shown["counts"] == [0] * 6
    shown = press(page, "run1000", 1000)
    b = bandit.create(6, 7)
    want = bandit.run(b, 1000, bandit.SOFTMAX, shown["tau"], alpha=None if alpha == "average" else 0.1)
    assert shown["arm"] == want.arms.tolist()
    assert shown["counts"] == b.counts.tolist() and sum(shown["counts"]) == 1000
    assert shown["means"] == b.means.tolist()
    # Rewards pass through Math.log / sqrt / cos, whose last bit may differ from libm's.
    np.testing.assert_allclose(shown["reward"], want.rewards, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(shown["q"], b.q, rtol=1e-12, atol=1e-12)
    assert page.locator(f"{CHARTS} td.count").all_inner_texts() == [str(c) for c in b.counts]
    assert_p_is_softmax_of_q(page, shown)
    # Step and Run 100 continue the same run: numpy's 1101 steps; Reset goes back to none.
    press(page, "step", 1001)
    shown = press(page, "run100", 1101)
    b = bandit.create(6, 7)
    bandit.run(b, 1101, bandit.SOFTMAX, shown["tau"], alpha=None if alpha == "average" else 0.1)
    assert shown["counts"] == b.counts.tolist()
    page.locator(".bandit-reset button").click()
    expect(page.locator(SUMMARY)).to_have_text(EN["bandit.no_steps"])
    assert page.evaluate(SHOWN_JS)["counts"] == [0] * 6


def test_p_follows_tau_and_the_curves_have_no_nan(page, served_app):
    open_view(page, f"{served_app}?view=bandit&K=4&seed=3")
    shown = press(page, "run100", 100)
    assert_p_is_softmax_of_q(page, shown)
    press_on_slider(page, "tau-slider", "Home", 1)  # the lowest tau: near one-hot on the best estimate
    look_at_tab(page)
    page.wait_for_function("() => Bokeh.documents[0].is_idle")
    cold = page.evaluate(SHOWN_JS)
    assert cold["tau"] < shown["tau"] and cold["t"] == 100
    assert_p_is_softmax_of_q(page, cold)
    assert cold["p"][int(np.argmax(cold["q"]))] > 0.99
    text = page.locator(".bandit-curves").inner_text() + page.locator(CHARTS).inner_text()
    assert "NaN" not in text and "Infinity" not in text
    assert page.locator(".bandit-curves polyline").count() == 9  # three agents on three charts


def test_a_link_restores_the_controls_and_reveal_shows_the_means(page, served_app):
    shown = open_view(page, f"{served_app}?view=bandit&K=5&seed=42&alpha=0.05&epsilon=0.25&reveal=on")
    assert (shown["seed"], shown["alpha"], shown["epsilon"], shown["reveal"]) == (42, "0.05", 0.25, True)
    means = bandit.create(5, 42).means
    assert page.locator(f"{CHARTS} td.mean").all_inner_texts() == [format_fixed(m, 3, signed=True)
                                                                   for m in means]
    expect(page.locator(f"{CHARTS} tr.best th")).to_have_text(str(int(np.argmax(means)) + 1))
    page.locator(".bandit-reveal button").click()
    expect(page.locator(f"{CHARTS} td.mean").first).to_have_text(EN["bandit.hidden"])


def test_bad_values_in_a_link_get_a_message_and_a_safe_value(page, served_app):
    shown = open_view(page, f"{served_app}?view=bandit&seed=-3&alpha=0.3&epsilon=abc")
    said = notice(page)
    assert "0.3" in said and "abc" in said, said
    assert shown["alpha"] == "average" and shown["epsilon"] == 0.1 and 0 <= shown["seed"] <= 2**32 - 1
    shown = press(page, "step", 1)
    assert sum(shown["counts"]) == 1


@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
def test_at_375_px_in_the_dark_theme_axe_is_clean_and_the_page_does_not_scroll(browser, served_app, lang):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    try:
        open_view(page, f"{served_app}?view=bandit&K=10&lang={lang}&theme=dark&reveal=on")
        page.locator(".bandit-run100 button").click()
        expect(page.locator(SUMMARY)).to_contain_text(TEXTS[lang]["bandit.steps"].format(n=100).split()[0])
        expect(page.locator(".bandit-reveal button")).to_have_text(TEXTS[lang]["bandit.reveal"])
        page.wait_for_function("() => Bokeh.documents[0].is_idle")
        blocking, _ = report(axe_scan(page))
        assert not blocking, "\n".join(blocking)
        sizes = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
        assert sizes[0] <= sizes[1] <= 375, sizes
    finally:
        context.close()


def test_steps_stop_at_the_cap_with_a_message(page, served_app):
    open_view(page, f"{served_app}?view=bandit&K=3&seed=5")
    for steps in range(1000, MAX_STEPS + 1, 1000):
        press(page, "run1000", steps)
    page.locator(".bandit-run1000 button").click()
    expect(page.locator(f"{SUMMARY} .note")).to_have_text(EN["bandit.capped"].format(max=MAX_STEPS))
    shown = page.evaluate(SHOWN_JS)
    assert shown["t"] == MAX_STEPS == sum(shown["counts"])
