"""The Next-token decoding tab in Chromium: the kept set, the final distribution and the seeded
counts shown are numpy's (components/model/decoding.py, sampling.py, rng.py), and links restore."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest
from playwright.sync_api import Page, expect

from components.model import decoding, sampling
from components.model.rng import Mulberry32
from components.page.exercises.decoding_view import DecodingView
from components.words.i18n import TEXTS
from components.words.number_format import format_fixed
from tests.browser.a11y import axe_scan, report
from tests.browser.screen import look_at_tab, notice, open_app, press_on_slider

SHOWN_JS = """() => {
  const models = [...Bokeh.documents[0].all_models];
  const byClass = (name) => models.find((m) => (m.css_classes ?? []).includes(name));
  const k = byClass("k-slider").value;
  const d = Bokeh.documents[0].get_model_by_name("decoding-tokens").data;
  return {z: Array.from({length: k}, (_, j) => byClass(`z-slider-${j + 1}`).value),
          tau: 10 ** byClass("tau-slider").value, top_k: byClass("decoding-top-k").value,
          top_k_end: byClass("decoding-top-k").end, top_p: byClass("decoding-top-p").value,
          min_p: byClass("decoding-min-p").value, seed: byClass("decoding-seed").value,
          count: byClass("decoding-count").value, token: Array.from(d.token), final: Array.from(d.final),
          kept: Array.from(d.kept), cut: Array.from(d.cut), counts: Array.from(d.count)};
}"""
TABLE = ".decoding-table .bk-clearfix"
EN = TEXTS["en"]


def open_view(page: Page, url: str) -> dict:
    open_app(page, url)
    look_at_tab(page)
    expect(page.locator(f"{TABLE} tbody tr").first).to_be_attached()
    return page.evaluate(SHOWN_JS)


def reference(shown: dict) -> decoding.Decoded:
    k = None if shown["top_k"] >= len(shown["z"]) else shown["top_k"]
    return decoding.decode(shown["z"], shown["tau"], k, shown["top_p"], shown["min_p"])


def why(d: decoding.Decoded, j: int, shown: dict, lang: str) -> str:
    """Numpy's reason for cutting word j, in the page's words."""
    t, a = TEXTS[lang], d.probabilities
    if d.cut_by[j] == decoding.TOP_K:
        return t["decoding.cut_top_k"].format(rank=int(np.flatnonzero(d.order == j)[0]) + 1, k=shown["top_k"])
    if d.cut_by[j] == decoding.TOP_P:
        kept = d.order[d.kept_top_p[d.order]]  # the top-p prefix, most likely first
        candidates = d.order[d.kept_top_k[d.order]]
        total = np.cumsum(a[candidates] / np.cumsum(a[candidates])[-1])[len(kept) - 1]
        return t["decoding.cut_top_p"].format(total=format_fixed(total, 3), p=format_fixed(shown["top_p"], 2))
    bar = format_fixed(shown["min_p"] * a.max(), 3)
    return t["decoding.cut_min_p"].format(a=format_fixed(a[j], 3), bar=bar)


def assert_shows_numpy(page: Page, lang: str = "en") -> dict:
    """The source and the table: numpy's kept set, cut reasons and final distribution."""
    shown = page.evaluate(SHOWN_JS)
    d = reference(shown)
    assert shown["kept"] == d.kept.tolist()
    assert shown["cut"] == [c or "" for c in d.cut_by]
    np.testing.assert_allclose(shown["final"], d.final, rtol=1e-12, atol=0)
    assert [f == 0 for f in shown["final"]] == (~d.kept).tolist()  # cut words exactly 0
    rows = page.locator(f"{TABLE} tbody tr")
    expect(rows).to_have_count(len(shown["z"]))
    for rank, j in enumerate(d.order):  # most likely first, ties to the lower index
        row = rows.nth(rank)
        assert row.locator("th").inner_text() == shown["token"][j]
        assert row.get_attribute("class") == ("kept" if d.kept[j] else "cut")
        assert row.locator("td.final").inner_text() == format_fixed(d.final[j], 3)
        if d.cut_by[j]:
            assert row.locator("td.why").inner_text() == why(d, j, shown, lang)
        else:
            expect(row.locator("td.why")).to_have_count(0)
    return shown


SETTINGS = [  # (link, the words numpy keeps)
    ("z=2,1,0.5,-1,0.1&tau=1&top_k=3", None),
    ("z=2,1,0.5,-1,0.1&tau=0.7&top_p=0.8", None),
    ("z=2,1,0.5,-1,0.1&tau=1.5&min_p=0.3", None),
    ("z=3,1,2,2,-2,0&K=6&tau=1&top_k=4&top_p=0.9&min_p=0.05", None),
    ("z=1,2,2,1,0&K=5&top_k=2", [1, 2]),  # a tie: the lower index first
    ("z=1,2,2,1,0&K=5&top_k=1", [1]),
    ("z=1000,-1000,999,0&range=1000&tau=0.05&top_p=0.5", [0]),
]


@pytest.mark.parametrize(("link", "kept"), SETTINGS)
def test_the_kept_set_and_final_distribution_are_numpys(page, served_app, link, kept):
    open_view(page, f"{served_app}?view={DecodingView.slug}&{link}")
    shown = assert_shows_numpy(page)
    if kept is not None:
        assert [j for j, k in enumerate(shown["kept"]) if k] == kept
    text = page.locator(TABLE).inner_text()
    assert "NaN" not in text and "Infinity" not in text


def test_greedy_is_the_argmax_and_the_lowest_temperature_agrees(page, served_app):
    z = [0.5, 2.5, -1.0, 2.4, 1.0]
    open_view(page, f"{served_app}?view=decoding&K=5&z={','.join(map(str, z))}&top_k=1&tau=1.3")
    shown = assert_shows_numpy(page)
    assert shown["kept"] == [j == int(np.argmax(z)) for j in range(5)] and shown["final"][1] == 1
    expect(page.locator(f"{TABLE} .summary")).to_contain_text(f"“{EN['decoding.words'].split(',')[1]}”")
    open_view(page, f"{served_app}?view=decoding&K=5&z={','.join(map(str, z))}&tau=0.05")
    cold = assert_shows_numpy(page)
    assert int(np.argmax(cold["final"])) == decoding.greedy(z) == 1


def test_generate_draws_exactly_numpys_counts_for_the_seed(page, served_app):
    open_view(page, f"{served_app}?view=decoding&z=2,1,0.5,-1&tau=1.2&top_p=0.95&seed=7&count=1000")
    drawn = page.locator(".decoding-drawn .bk-clearfix")
    expect(drawn).to_have_text(EN["decoding.not_generated"])
    page.locator(".decoding-generate button").click()
    expect(drawn).to_contain_text("1000 words drawn with seed 7")
    shown = page.evaluate(SHOWN_JS)
    d = reference(shown)
    expected = sampling.counts(sampling.draw(d.final, Mulberry32(7), 1000), 4)
    assert shown["counts"] == expected.tolist() and sum(shown["counts"]) == 1000
    assert shown["counts"][int(np.flatnonzero(~d.kept)[0])] == 0  # a cut word is never drawn
    cells = page.locator(f"{TABLE} tbody td.count").all_inner_texts()
    assert [int(cells[rank]) for rank in np.argsort(d.order)] == expected.tolist()
    # Another seed, typed into the box: numpy's counts for it, drawn again at once.
    page.locator(".decoding-seed input").fill("12345")
    page.locator(".decoding-seed input").press("Enter")
    expect(drawn).to_contain_text("seed 12345")
    shown = page.evaluate(SHOWN_JS)
    assert shown["counts"] == sampling.counts(sampling.draw(d.final, Mulberry32(12345), 1000), 4).tolist()
    # A keyboard change of top-k redraws from the new final distribution, same seed.
    press_on_slider(page, "decoding-top-k", "ArrowLeft", 2)
    look_at_tab(page)
    expect(page.locator(f"{TABLE} tbody tr.kept")).to_have_count(2)
    shown = assert_shows_numpy(page)
    assert shown["top_k"] == 2
    assert shown["counts"] == sampling.counts(
        sampling.draw(reference(shown).final, Mulberry32(12345), 1000), 4).tolist()


def test_a_link_restores_the_controls(page, served_app):
    shown = open_view(page, f"{served_app}?view=decoding&K=6&top_k=3&top_p=0.7&min_p=0.15&seed=42&count=10")
    names = ("top_k", "top_k_end", "top_p", "min_p", "seed", "count")
    assert tuple(shown[name] for name in names) == (3, 6, 0.7, 0.15, 42, "10")
    assert_shows_numpy(page)
    for top_k in (4, 5, 6):  # K and top_k from one link, whichever the page applies first
        shown = open_view(page, f"{served_app}?view=decoding&K=6&top_k={top_k}")
        assert (shown["top_k"], shown["top_k_end"]) == (top_k, 6)
        expect(page.locator(f"{TABLE} tbody tr.kept")).to_have_count(top_k)


def test_bad_values_in_a_link_get_a_message_and_a_safe_value(page, served_app):
    shown = open_view(page, f"{served_app}?view=decoding&top_k=2.5&top_p=7&min_p=abc&count=5&seed=-3")
    said = notice(page)
    assert "5" in said and "abc" in said and "7" in said, said
    assert shown["top_k"] in (2, 3) and shown["top_p"] == 1 and shown["min_p"] == 0
    assert shown["count"] == "100" and shown["seed"] == 0
    assert_shows_numpy(page)


def test_top_k_follows_k_and_stays_off(page, served_app):
    shown = open_view(page, f"{served_app}?view=decoding&K=4")
    assert shown["top_k"] == shown["top_k_end"] == 4  # off
    press_on_slider(page, "k-slider", "ArrowRight", 2)
    look_at_tab(page)
    expect(page.locator(f"{TABLE} tbody tr")).to_have_count(6)
    shown = assert_shows_numpy(page)
    assert shown["top_k"] == shown["top_k_end"] == 6 and all(shown["kept"])


def test_an_off_top_k_is_left_out_of_the_link_at_any_k(page, served_app):
    open_view(page, f"{served_app}?view=decoding&K=4")
    press_on_slider(page, "decoding-top-p", "ArrowLeft", 5)  # a change, so the link is written
    page.wait_for_url(lambda url: "top_p=0.95" in url, timeout=5000)
    assert "top_k" not in parse_qs(urlparse(page.url).query)  # off (= K = 4), not "4"
    press_on_slider(page, "decoding-top-k", "ArrowLeft", 2)
    page.wait_for_url(lambda url: "top_k=2" in url, timeout=5000)
    press_on_slider(page, "decoding-top-k", "ArrowRight", 2)  # back to K: off again
    page.wait_for_url(lambda url: "top_k" not in url, timeout=5000)


@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
def test_the_prompt_and_words_are_in_the_pages_language(page, served_app, lang):
    open_view(page, f"{served_app}?view=decoding&lang={lang}&K=4")
    words = TEXTS[lang]["decoding.words"].split(",")
    prompt = TEXTS[lang]["decoding.prompt"].format(next="…")
    expect(page.locator(".decoding-prompt .bk-clearfix")).to_have_text(prompt)
    # The book's z = (2.5, −1, 3.2, 0.5): most likely first.
    assert page.locator(f"{TABLE} tbody th").all_inner_texts() == [words[j] for j in (2, 0, 3, 1)]
    page.locator(".decoding-count select").select_option("1")
    page.locator(".decoding-generate button").click()
    shown = page.evaluate(SHOWN_JS)
    drawn = int(np.argmax(shown["counts"]))
    assert drawn == int(sampling.draw(reference(shown).final, Mulberry32(1), 1)[0])
    expect(page.locator(".decoding-prompt .next")).to_have_text(words[drawn])


@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
def test_at_375_px_in_the_dark_theme_axe_is_clean_and_only_the_table_scrolls(browser, served_app, lang):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    try:
        open_view(page, f"{served_app}?view=decoding&K=10&lang={lang}&theme=dark&top_k=6&top_p=0.9&min_p=0.2")
        assert_shows_numpy(page, lang)
        page.wait_for_function("() => Bokeh.documents[0].is_idle")
        blocking, _ = report(axe_scan(page))
        assert not blocking, "\n".join(blocking)
        sizes = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
        assert sizes[0] <= sizes[1] <= 375, sizes
        region = page.locator(f"{TABLE} .scroll")
        assert region.evaluate("(el) => el.scrollWidth > el.clientWidth"), "the table fits: no test"
        region.focus()
        page.keyboard.press("End")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("(el) => el.scrollLeft > 0", arg=region.element_handle())
    finally:
        context.close()


def test_an_emptied_seed_box_is_said_and_seed_0_used(page, served_app):
    open_view(page, f"{served_app}?view=decoding&seed=9&count=10")
    page.locator(".decoding-generate button").click()
    box, drawn = page.locator(".decoding-seed input"), page.locator(".decoding-drawn .bk-clearfix")
    expect(drawn).to_contain_text("seed 9")
    box.fill("")
    box.press("Enter")
    used = EN["decoding.seed_bad"].format(high=2**32 - 1, used=0)
    expect(drawn).to_contain_text(used)
    expect(drawn).to_contain_text("10 words drawn with seed 0")
    shown = page.evaluate(SHOWN_JS)
    expected = sampling.counts(sampling.draw(reference(shown).final, Mulberry32(0), 10), 4)
    assert shown["counts"] == expected.tolist()
    box.fill("abc")  # the box refuses letters: it keeps what it had
    box.press("Enter")
    expect(drawn).to_contain_text(used)
