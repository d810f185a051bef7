"""The Sampling tab in Chromium: seeded draws, counts, band and total variation vs numpy's sampling."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest
from playwright.sync_api import Page, expect

from components.model import sampling
from components.model import softmax_math as sm
from components.model.rng import Mulberry32
from components.page.charts.bar_chart import output_names
from components.page.exercises.sampling_view import MAX_DRAWN
from components.words.number_format import format_fixed
from tests.browser.screen import look_at_tab, notice, open_app, press_on_slider

INPUTS_JS = """() => {
  const models = [...Bokeh.documents[0].all_models];
  const byClass = (name) => models.find((m) => (m.css_classes ?? []).includes(name));
  const k = byClass("k-slider").value;
  return {z: Array.from({length: k}, (_, j) => byClass(`z-slider-${j + 1}`).value),
          tau: 10 ** byClass("tau-slider").value, seed: byClass("sampling-seed").value,
          count: byClass("sampling-count").active, method: byClass("sampling-method").active};
}"""
SHOWN_JS = """() => {
  const d = Bokeh.documents[0].get_model_by_name("sampling-counts").data;
  return {name: Array.from(d.name), count: Array.from(d.count), expected: Array.from(d.expected),
          low: Array.from(d.low), high: Array.from(d.high)};
}"""
SUMMARY = ".sampling-summary .bk-clearfix"
TABLE = ".sampling-table table"
DRAW = ".sampling-draw button"


def open_tab(page: Page, url: str) -> None:
    open_app(page, url)
    look_at_tab(page)
    expect(page.locator(TABLE)).to_be_attached()


def draw(page: Page, times: int = 1) -> None:
    for _ in range(times):
        before = page.locator(f"{SUMMARY} b.drawn").all_inner_texts()
        page.locator(DRAW).click()
        if before:
            expect(page.locator(f"{SUMMARY} b.drawn")).not_to_have_text(before[0])
        else:
            expect(page.locator(f"{SUMMARY} b.drawn")).to_be_attached()


def assert_counts_are_numpys(page: Page, n: int, *, gumbel: bool = False) -> np.ndarray:
    """The chart's counts are exactly numpy's n draws with the box's seed; band, table and TV too."""
    inputs, shown = page.evaluate(INPUTS_JS), page.evaluate(SHOWN_JS)
    z, tau, seed = inputs["z"], inputs["tau"], inputs["seed"]
    a = sm.softmax(z, tau)
    drawn = (sampling.gumbel_max_draws(z, tau, Mulberry32(seed), n) if gumbel
             else sampling.draw(a, Mulberry32(seed), n))
    counts = sampling.counts(drawn, len(z))
    assert shown["count"] == counts.tolist() and sum(shown["count"]) == n
    assert shown["name"] == output_names("a", len(z))
    expected, spread = sampling.expected_counts(a, n), sampling.standard_errors(a, n)
    np.testing.assert_allclose(shown["expected"], expected, rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(shown["high"], expected + 2 * spread, rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(shown["low"], np.maximum(0, expected - 2 * spread), rtol=1e-12, atol=1e-9)
    rows = page.locator(f"{TABLE} tbody tr")
    expect(rows).to_have_count(len(z))
    assert page.locator(f"{TABLE} td.count").all_inner_texts() == [format_fixed(c, 0) for c in counts]
    assert page.locator(f"{TABLE} td.expected").all_inner_texts() == [format_fixed(e, 1) for e in expected]
    tv = sampling.total_variation(counts, a)
    expect(page.locator(f"{SUMMARY} b.tv")).to_have_text(format_fixed(tv, 4))
    expect(page.locator(f"{SUMMARY} b.drawn")).to_have_text(format_fixed(n, 0))
    text = page.locator(".sampling-table, .sampling-summary, .sampling-gumbel").all_inner_texts()
    for bad in ("NaN", "Infinity", "undefined"):
        assert bad not in " ".join(text)
    return counts


def test_a_seeded_draw_is_numpys_and_follows_the_sliders_and_reset(page, served_app):
    z = [2.5, -1.0, 3.2, 0.5, 1.0]
    open_tab(page, f"{served_app}?K=5&z={','.join(map(str, z))}&tau=0.7&view=sampling&seed=7&count=1000")
    expect(page.locator(SUMMARY)).to_contain_text("No draws yet")
    draw(page)
    counts = assert_counts_are_numpys(page, 1000)
    draw(page, 2)  # the stream goes on: 3000 draws are numpy's first 3000
    assert_counts_are_numpys(page, 3000)
    press_on_slider(page, "tau-slider", "ArrowRight", 30)  # the same 3000 uniforms, redrawn from the new a
    look_at_tab(page)
    assert page.evaluate(INPUTS_JS)["tau"] != pytest.approx(0.7)
    assert_counts_are_numpys(page, 3000)
    page.locator(".sampling-reset button").click()
    expect(page.locator(SUMMARY)).to_contain_text("No draws yet")
    assert page.evaluate(SHOWN_JS)["count"] == [0] * 5
    page.locator(".sampling-count").get_by_role("button", name="10", exact=True).click()
    draw(page)
    assert_counts_are_numpys(page, 10)
    box = page.locator(".sampling-seed input")
    box.fill("8")
    box.press("Enter")
    expect(page.locator(SUMMARY)).to_contain_text("seed 8")
    assert assert_counts_are_numpys(page, 10).tolist() != counts.tolist()


def test_gumbel_max_is_numpys_and_shows_the_first_draws_scores(page, served_app):
    z, tau, seed = [1.0, 0.5, -0.3, 2.0], 1.3, 3
    link = f"?z={','.join(map(str, z))}&tau={tau}&view=sampling&seed={seed}&method=gumbel"
    open_tab(page, served_app + link)
    draw(page)
    assert_counts_are_numpys(page, 100, gumbel=True)
    first = sampling.gumbel_max(z, page.evaluate(INPUTS_JS)["tau"], Mulberry32(seed))
    scores = page.locator(".sampling-gumbel td.score").all_inner_texts()
    assert scores == [format_fixed(v, 3) for v in first.scores]
    gumbels = page.locator(".sampling-gumbel td.g").all_inner_texts()
    assert gumbels == [format_fixed(v, 3) for v in first.gumbel]
    name = output_names("a", len(z))[first.index]
    expect(page.locator(".sampling-gumbel tr.winner th")).to_have_text(name)
    expect(page.locator(".sampling-gumbel .gumbel-winner")).to_contain_text(name)
    page.locator(".sampling-method").get_by_role("button", name="Cumulative sums").click()
    expect(page.locator(".sampling-gumbel table")).to_have_count(0)
    assert_counts_are_numpys(page, 100)


@pytest.mark.parametrize("method", ["cdf", "gumbel"])
def test_tiny_tau_and_huge_inputs_draw_one_hot(page, served_app, method):
    """tau = 0.05, z = (1000, -1000, 3): a is one-hot, so all 10 000 draws are a1, TV exactly 0."""
    link = f"?z=1000,-1000,3&range=1000&tau=0.05&view=sampling&count=10000&method={method}"
    open_tab(page, served_app + link)
    draw(page)
    counts = assert_counts_are_numpys(page, 10_000, gumbel=method == "gumbel")
    assert counts.tolist() == [10_000, 0, 0]
    expect(page.locator(f"{SUMMARY} b.tv")).to_have_text("0")
    assert page.locator(f"{TABLE} td.band").all_inner_texts() == ["10000.0 – 10000.0", "0 – 0", "0 – 0"]


def test_a_link_restores_seed_count_and_method_and_is_written_back(browser, page, served_app):
    open_tab(page, f"{served_app}?view=sampling&seed=42&count=10000&method=gumbel")
    assert {k: page.evaluate(INPUTS_JS)[k] for k in ("seed", "count", "method")} == {
        "seed": 42, "count": 4, "method": 1}
    assert notice(page) == ""
    draw(page)
    assert_counts_are_numpys(page, 10_000, gumbel=True)
    page.locator(".sampling-count").get_by_role("button", name="1\u202f000", exact=True).click()
    box = page.locator(".sampling-seed input")
    box.fill("5")
    box.press("Enter")
    page.wait_for_url(lambda url: "seed=5" in url and "count=1000&" in url + "&", timeout=5000)
    query = {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}
    shown = (query["view"], query["seed"], query["count"], query["method"])
    assert shown == ("sampling", "5", "1000", "gumbel")
    other = browser.new_context().new_page()
    open_tab(other, page.url)
    assert {k: other.evaluate(INPUTS_JS)[k] for k in ("seed", "count", "method")} == {
        "seed": 5, "count": 3, "method": 1}
    other.context.close()


@pytest.mark.parametrize(("link", "seed", "count", "said"), [
    ("seed=abc&count=7", 1, 2, ["Link seed", "Link count: \"7\" is not one of"]),
    ("seed=1.5", 2, 2, ["Link seed: 1.5 is not a whole number, so 2 is used."]),
    ("seed=-4&count=10000", 0, 4, ["Link seed: -4 is outside 0 to 4294967295, so 0 is used."]),
])
def test_bad_link_values_get_a_message_and_a_safe_value(page, served_app, link, seed, count, said):
    open_tab(page, f"{served_app}?view=sampling&{link}")
    inputs = page.evaluate(INPUTS_JS)
    assert (inputs["seed"], inputs["count"]) == (seed, count)
    for words in said:
        expect(page.locator(".notice .bk-clearfix")).to_contain_text(words)
    draw(page)
    assert_counts_are_numpys(page, (1, 10, 100, 1000, 10_000)[count])


def test_a_bad_seed_in_the_box_gets_a_message_and_the_last_good_seed(page, served_app):
    open_tab(page, f"{served_app}?view=sampling&seed=9")
    box = page.locator(".sampling-seed input")
    box.fill("-3")
    box.press("Enter")
    said = "The seed must be a whole number from 0 to 4294967295, so 9 is used."
    expect(page.locator(SUMMARY)).to_contain_text(said)
    assert page.evaluate(INPUTS_JS)["seed"] == 9
    draw(page)
    assert_counts_are_numpys(page, 100)


def link_query(page: Page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


@pytest.mark.parametrize("method", ["cdf", "gumbel"])
def test_a_copied_link_replays_the_same_draws(browser, page, served_app, method):
    """N is in the link: the page opened from it shows the same counts, chart, table and TV."""
    open_tab(page, f"{served_app}?K=4&z=0.3,-1,2,0.8&tau=1.5&view=sampling&seed=11&method={method}")
    draw(page, 3)
    page.locator(".sampling-count").get_by_role("button", name="10", exact=True).click()
    draw(page)
    page.wait_for_url(lambda url: "drawn=310&" in url + "&", timeout=5000)
    assert link_query(page)["drawn"] == "310"
    shown = page.evaluate(SHOWN_JS)
    texts = page.locator(".sampling-table, .sampling-summary, .sampling-gumbel").all_inner_texts()
    other = browser.new_context().new_page()
    open_tab(other, page.url)
    expect(other.locator(f"{SUMMARY} b.drawn")).to_have_text(format_fixed(310, 0))
    assert other.evaluate(SHOWN_JS) == shown
    assert other.locator(".sampling-table, .sampling-summary, .sampling-gumbel").all_inner_texts() == texts
    assert_counts_are_numpys(other, 310, gumbel=method == "gumbel")
    assert notice(other) == ""
    draw(other)  # the stream goes on from the link's N
    assert_counts_are_numpys(other, 320, gumbel=method == "gumbel")
    other.locator(".sampling-reset button").click()
    other.wait_for_url(lambda url: "drawn=" not in url, timeout=5000)
    expect(other.locator(SUMMARY)).to_contain_text("No draws yet")
    other.context.close()


@pytest.mark.parametrize(("drawn", "used", "said"), [
    ("-5", 0, f"Link drawn: -5 is outside 0 to {MAX_DRAWN}, so 0 is used."),
    ("1e9", MAX_DRAWN, f"so {MAX_DRAWN} is used."),
    ("1e400", MAX_DRAWN, "too large even to compute with"),
    ("abc", 0, "Link drawn: \"abc\" is not a number"),
    ("2.5", 3, "Link drawn: 2.5 is not a whole number, so 3 is used."),
])
def test_a_bad_drawn_in_a_link_gets_a_message_and_a_safe_value(page, served_app, drawn, used, said):
    open_tab(page, f"{served_app}?view=sampling&K=3&seed=4&drawn={drawn}")
    expect(page.locator(".notice .bk-clearfix")).to_contain_text(said)
    if used == 0:
        expect(page.locator(SUMMARY)).to_contain_text("No draws yet")
        assert page.evaluate(SHOWN_JS)["count"] == [0] * 3
    else:
        expect(page.locator(f"{SUMMARY} b.drawn")).to_have_text(format_fixed(used, 0))
        assert_counts_are_numpys(page, used)
