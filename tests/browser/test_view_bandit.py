"""The bandit tab in Chromium: a seeded run in the page is numpy's (components/model/bandit.py),
P_t shown is softmax(q_t / tau), and links restore the view's controls."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest
from playwright.sync_api import Page, expect

from components.model import bandit
from components.model import softmax_math as sm
from components.page.exercises.bandit_view import MAX_STEPS
from components.words.i18n import TEXTS
from components.words.number_format import format_fixed
from tests.browser.a11y import axe_scan, focusables, report, tab_through
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
          agent: byClass("bandit-agent").value, runs: byClass("bandit-runs").value,
          t: doc.get_model_by_name("bandit-state").data.t[0],
          means: Array.from(arms.means), q: Array.from(arms.q), p: Array.from(arms.p),
          counts: Array.from(arms.counts), arm: Array.from(run.arm), reward: Array.from(run.reward)};
}"""
CHARTS = ".bandit-charts .bk-clearfix"
SUMMARY = ".bandit-summary .bk-clearfix"
EN = TEXTS["en"]
AVERAGES_JS = """() => {
  const data = Bokeh.documents[0].get_model_by_name("bandit-averages").data;
  const lists = (column) => column.map((v) => Array.from(v));
  return {agent: Array.from(data.agent), runs: Array.from(data.runs), reward: lists(data.reward),
          optimal: lists(data.optimal), regret: lists(data.regret)};
}"""
DONE_JS = """([runs, steps]) => {
  const data = Bokeh.documents[0].get_model_by_name("bandit-averages").data;
  return data.runs.length === 3 && data.runs[0] === runs && data.reward[0].length === steps;
}"""


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
        open_view(page, f"{served_app}?view=bandit&K=10&lang={lang}&theme=dark&reveal=on&agent=epsilon-greedy"
                        "&runs=10")
        page.locator(".bandit-run100 button").click()
        expect(page.locator(SUMMARY)).to_contain_text(TEXTS[lang]["bandit.steps"].format(n=100).split()[0])
        page.wait_for_function(DONE_JS, arg=[10, 100])
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


OPTION_LABELS = {"softmax": EN["bandit.softmax"], "greedy": EN["bandit.greedy"],
                 "epsilon-greedy": EN["bandit.egreedy_agent"]}


def choose_agent(page: Page, policy: str, name: str) -> dict:
    """Choose an agent by its label; the caption names it (``name``) once the table is redrawn."""
    page.locator(".bandit-agent select").select_option(label=OPTION_LABELS[policy])
    expect(page.locator(f"{CHARTS} caption")).to_have_text(EN["bandit.caption"].format(agent=name))
    return page.evaluate(SHOWN_JS)


def test_the_agent_selector_shows_that_agents_q_and_p_by_its_rule(page, served_app):
    """softmax: P_t = softmax(q_t / tau); greedy: one-hot on the best estimate; epsilon-greedy: eps / K
    more each, 1 - eps more on the best; q and counts those of numpy's agent on the same seed."""
    shown = open_view(page, f"{served_app}?view=bandit&K=5&seed=9&tau=0.5&epsilon=0.2")
    assert shown["agent"] == "softmax"
    shown = press(page, "run100", 100)
    assert_p_is_softmax_of_q(page, shown)
    expect(page.locator(f"{CHARTS} p.rule")).to_contain_text("softmax(q_t / τ)")
    for policy, name in [("greedy", EN["bandit.greedy"]),
                         ("epsilon-greedy", EN["bandit.egreedy"].format(epsilon="0.20"))]:
        shown = choose_agent(page, policy, name)
        b = bandit.create(5, 9)
        want = bandit.run(b, 100, policy, shown["tau"], 0.2)
        assert shown["counts"] == b.counts.tolist() and shown["arm"] == want.arms.tolist()
        assert shown["q"] == b.q.tolist()
        best = int(np.argmax(shown["q"]))
        expected = np.full(5, 0.0 if policy == "greedy" else 0.2 / 5)
        expected[best] += 1.0 if policy == "greedy" else 0.8
        np.testing.assert_allclose(shown["p"], expected, rtol=1e-15)
        assert page.locator(f"{CHARTS} td.p").all_inner_texts() == [format_fixed(v, 3) for v in expected]
        cls = "greedy" if policy == "greedy" else "egreedy"
        assert page.locator(".bandit-curves polyline.selected").count() == 3
        assert page.locator(f".bandit-curves polyline.selected.{cls}").count() == 3
        key = page.locator(".bandit-curves .key.selected")
        expect(key).to_have_text(EN["bandit.selected"].format(agent=name))
    expect(page.locator(f"{CHARTS} p.rule")).to_contain_text("ε/K + (1 − ε)")
    assert page.locator(".bandit-curves polyline").count() == 9  # the three agents stay on the curves


def test_a_link_restores_agent_and_runs_and_the_averaged_curves_are_numpys(browser, page, served_app):
    """runs=10: each agent's curves are bandit.average over seeds 11 .. 20, exactly (optimal counts,
    mean rewards, mean regret); the table stays the first run's."""
    k, seed, runs = 4, 11, 10
    link = f"?view=bandit&K={k}&seed={seed}&agent=greedy&runs={runs}&epsilon=0.2"
    shown = open_view(page, served_app + link)
    assert (shown["agent"], shown["runs"]) == ("greedy", str(runs)) and notice(page) == ""
    press(page, "run100", 100)
    page.wait_for_function(DONE_JS, arg=[runs, 100])
    got = page.evaluate(AVERAGES_JS)
    assert got["agent"] == ["softmax", "greedy", "epsilon-greedy"] and got["runs"] == [runs] * 3
    tau = page.evaluate(SHOWN_JS)["tau"]
    for i, policy in enumerate(got["agent"]):
        want = bandit.average(k, seed, runs, 100, policy, tau, 0.2)
        assert got["optimal"][i] == want.optimal.tolist()
        assert got["reward"][i] == want.reward.tolist()
        assert got["regret"][i] == want.cumulative_regret.tolist()
    b = bandit.create(k, seed)
    bandit.run(b, 100, "greedy")
    assert page.evaluate(SHOWN_JS)["counts"] == b.counts.tolist()
    expect(page.locator(".bandit-curves figcaption").first).to_have_text(
        EN["bandit.reward_avg_title"].format(runs=runs))
    # Written back to the link and restored from it in a new page.
    page.locator(".bandit-agent select").select_option(label=OPTION_LABELS["epsilon-greedy"])
    page.wait_for_url(lambda url: "agent=epsilon-greedy" in url, timeout=5000)
    query = {key: v[0] for key, v in parse_qs(urlparse(page.url).query).items()}
    assert (query["agent"], query["runs"], query["seed"]) == ("epsilon-greedy", str(runs), str(seed))
    other = browser.new_context().new_page()
    try:
        again = open_view(other, page.url)
        assert (again["agent"], again["runs"], again["seed"]) == ("epsilon-greedy", str(runs), seed)
    finally:
        other.context.close()


def test_bad_agent_and_runs_in_a_link_get_a_message_and_a_safe_value(page, served_app):
    shown = open_view(page, f"{served_app}?view=bandit&K=3&agent=random&runs=7")
    said = notice(page)
    assert "random" in said and "7" in said, said
    assert (shown["agent"], shown["runs"]) == ("softmax", "1")
    shown = press(page, "run100", 100)
    assert_p_is_softmax_of_q(page, shown)
    assert page.locator(".bandit-curves polyline").count() == 9


def test_a_new_render_cancels_a_pending_average(page, served_app):
    """500 runs of 1000 steps take many frames, with a progress line; Reset stops them: no progress
    line comes back and the curves stay those of no steps."""
    open_view(page, f"{served_app}?view=bandit&K=10&runs=500")
    page.locator(".bandit-run1000 button").click()
    expect(page.locator(".bandit-curves .progress")).to_contain_text("of 500 done")
    page.locator(".bandit-reset button").click()
    expect(page.locator(SUMMARY)).to_have_text(EN["bandit.no_steps"])
    for _ in range(3):  # frames in which a job that was not cancelled would write its progress
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert page.locator(".bandit-curves .progress").count() == 0
    assert page.evaluate(DONE_JS, [500, 0])


@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
def test_the_new_controls_are_reached_by_keyboard_and_speak_the_language(page, served_app, lang):
    words = TEXTS[lang]
    open_view(page, f"{served_app}?view=bandit&K=4&seed=2&lang={lang}")
    expect(page.locator(".bandit-agent label")).to_have_text(words["bandit.agent"])
    expect(page.locator(".bandit-runs label")).to_have_text(words["bandit.runs"])
    shown = focusables(page)
    reached = [shown[key]["hosts"] for key in tab_through(page)]
    for name in ("bandit-agent", "bandit-runs"):
        assert any(name in hosts for hosts in reached), name
    # With the keyboard alone: the agent's select, one down: epsilon-greedy is shown.
    page.locator(".bandit-agent select").focus()
    page.keyboard.press("ArrowDown")
    name = words["bandit.egreedy"].format(epsilon="0.10")
    expect(page.locator(f"{CHARTS} caption")).to_have_text(words["bandit.caption"].format(agent=name))
    rule = words["bandit.rule_egreedy"].format(epsilon="0.10", k=4)
    expect(page.locator(f"{CHARTS} p.rule")).to_have_text(words["bandit.shown"].format(agent=name, rule=rule))
    page.locator(".bandit-runs select").focus()
    page.keyboard.press("ArrowDown")
    page.locator(".bandit-step button").click()
    page.wait_for_function(DONE_JS, arg=[10, 1])
    expect(page.locator(".bandit-curves figcaption").nth(1)).to_have_text(
        words["bandit.optimal_avg_title"].format(runs=10))
