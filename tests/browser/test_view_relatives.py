"""The Relatives tab: every value it shows (bars, table, zeros, entropies, both Jacobians) vs numpy."""

from __future__ import annotations

import numpy as np
import pytest
from playwright.sync_api import Page, expect

from components.model import relatives as rel
from components.model import softmax_math as sm
from components.page.charts.bar_chart import output_names
from components.page.exercises.relatives_view import RelativesView
from components.words.i18n import TEXTS
from components.words.number_format import format_number
from tests.browser.screen import look_at_tab, open_app, press_on_slider
from tests.language_check import english_words

# The inputs exactly as the sliders hold them (the readout rounds them), and tau.
INPUTS_JS = """() => {
  const models = [...Bokeh.documents[0].all_models];
  const byClass = (name) => models.find((m) => (m.css_classes ?? []).includes(name));
  const k = byClass("k-slider").value;
  return {z: Array.from({length: k}, (_, j) => byClass(`z-slider-${j + 1}`).value),
          tau: 10 ** byClass("tau-slider").value};
}"""

SHOWN_JS = """() => {
  const doc = Bokeh.documents[0];
  const data = doc.get_model_by_name("relatives-bars").data;
  const log = doc.get_model_by_name("relatives-log-range");
  const chart = doc.get_model_by_name("relatives-softmax");
  const columns = {};
  for (const key of Object.keys(data)) columns[key] = Array.from(data[key]);
  return {columns, factors: Array.from(chart.x_range.factors), log: [log.start, log.end]};
}"""

TABLE = ".relatives-table .bk-clearfix"
JACOBIANS = ".relatives-jacobians .bk-clearfix"
MAPPINGS = {"softmax": rel.softmax, "hardmax": rel.hardmax, "sparsemax": rel.sparsemax,
            "entmax": rel.entmax15}


def cells(page: Page, selector: str) -> list[list[str]]:
    """The table's body cells (not its row headers), row by row, as shown."""
    return page.locator(selector).evaluate(
        "(t) => [...t.querySelectorAll('tbody tr')]"
        ".map((r) => [...r.querySelectorAll('td')].map((c) => c.innerText))")


def assert_relatives_are_numpy(page: Page) -> dict:
    """The source, the table, the zeros/entropy rows and both Jacobians are numpy's, with no NaN."""
    expect(page.locator(f"{TABLE} table.relatives")).to_be_attached()
    inputs, shown = page.evaluate(INPUTS_JS), page.evaluate(SHOWN_JS)
    z, tau = inputs["z"], inputs["tau"]
    k = len(z)
    expected = {key: f(z, tau) for key, f in MAPPINGS.items()} | {"log": rel.log_softmax(z, tau)}
    assert shown["columns"]["name"] == shown["factors"] == output_names("p", k)
    for key, values in expected.items():
        got = np.asarray(shown["columns"][key])
        assert np.all(np.isfinite(got)), key
        np.testing.assert_allclose(got, values, rtol=1e-12, atol=0, err_msg=key)
        assert np.array_equal(got == 0, values == 0), key  # the same exact zeros
    low = min(-1.0, float(expected["log"].min()))
    assert shown["log"] == pytest.approx([1.08 * low, -0.04 * low], rel=1e-12)
    assert shown["log"][0] <= expected["log"].min()
    body = cells(page, f"{TABLE} table.relatives")
    order = ["softmax", "hardmax", "sparsemax", "entmax", "log"]
    assert body == [[format_number(z[j], 4)] + [format_number(expected[key][j], 4) for key in order]
                    for j in range(k)]
    foot = page.locator(f"{TABLE} tfoot tr").evaluate_all(
        "(rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.innerText))")
    probabilities = order[:4]
    assert foot[0][:4] == [str(rel.exact_zeros(expected[key])) for key in probabilities]
    assert foot[1][:4] == [format_number(rel.entropy(expected[key]), 4) for key in probabilities]
    c, support = rel.sparsemax_threshold(z, tau)
    _, ent_support = rel.entmax15_threshold(z, tau)
    support_text = page.locator(f"{TABLE} p.support").inner_text()
    assert format_number(c, 4) in support_text and f"{support}" in support_text
    sparse_j, soft_j = rel.sparsemax_jacobian(z, tau), sm.jacobian(z, tau)
    assert cells(page, f"{JACOBIANS} table.sparsemax") == [[format_number(v, 3) for v in r] for r in sparse_j]
    assert cells(page, f"{JACOBIANS} table.softmax") == [[format_number(v, 3) for v in r] for r in soft_j]
    # A one-member support makes the sparsemax Jacobian all 0: said under it, and only then.
    flat = page.locator(f"{JACOBIANS} p.jacobian-flat")
    if support == 1:
        assert not sparse_j.any()
        expect(flat).to_have_text(TEXTS[page.evaluate("document.documentElement.lang") or "en"]
                                  ["relatives.jacobian_flat"])
    else:
        expect(flat).to_have_count(0)
    text = page.locator(".relatives-table").inner_text() + page.locator(".relatives-jacobians").inner_text()
    assert "NaN" not in text and "Infinity" not in text and "undefined" not in text
    # Sparsemax's published properties on what is shown: sum 1, and p = s - c on the support.
    p = np.asarray(shown["columns"]["sparsemax"])
    assert abs(p.sum() - 1) < 1e-12 and np.count_nonzero(p) == support
    assert np.count_nonzero(shown["columns"]["entmax"]) == ent_support
    return inputs


CASES = [
    ("", None),  # the book's z
    ("K=4&z=2,2,1,-1&tau=1", 2),  # a tie at the top: hardmax takes the lower index, sparsemax splits it
    ("K=10&z=3,-2.5,0.5,1,2.9,-4,0,4.2,-1,2&tau=0.7", None),
    ("K=4&z=1000,-1000,999.5,0&range=1000&tau=0.05", 3),  # exact zeros everywhere but no NaN
    ("K=3&z=-1000,-1000,-1000&range=1000&tau=0.05", 0),  # all tied at the low end
]


@pytest.mark.parametrize(("query", "zeros"), CASES)
def test_every_shown_value_is_numpy(page, served_app, query, zeros):
    open_app(page, f"{served_app}?view={RelativesView.slug}&{query}")
    inputs = assert_relatives_are_numpy(page)
    if zeros is not None:
        assert rel.exact_zeros(rel.sparsemax(inputs["z"], inputs["tau"])) == zeros
    expect(page.locator(".relatives-softmax canvas").first).to_be_visible()


def test_the_tab_follows_the_sliders(page, served_app):
    open_app(page, served_app)
    page.get_by_role("tab", name=TEXTS["en"][RelativesView.title_key]).click()
    expect(page.locator(f"{TABLE} table.relatives")).to_be_attached()
    assert_relatives_are_numpy(page)
    press_on_slider(page, "k-slider", "End", 1)  # K = 10
    look_at_tab(page)
    expect(page.locator(f"{TABLE} tbody tr")).to_have_count(10)
    assert_relatives_are_numpy(page)
    press_on_slider(page, "tau-slider", "Home", 1)  # the coldest tau
    look_at_tab(page)
    assert assert_relatives_are_numpy(page)["tau"] < 0.06


def test_the_chinese_tab_is_numpy_and_chinese(page, served_app):
    open_app(page, f"{served_app}?lang=zh-Hant&view={RelativesView.slug}&K=3&z=1,1,-2&tau=0.5")
    assert_relatives_are_numpy(page)
    words = TEXTS["zh-Hant"]
    expect(page.locator(f"{TABLE} tfoot")).to_contain_text(words["relatives.zeros"])
    text = page.locator(".relatives-table").inner_text() + page.locator(".relatives-jacobians").inner_text()
    assert english_words(text) == [], english_words(text)


def test_a_bad_link_gets_a_message_and_safe_values(page, served_app):
    """The tab has no controls of its own: a bad z or tau in its link is the page's, refused with a
    message, and the tab shows the safe values' mappings (no NaN)."""
    open_app(page, f"{served_app}?view={RelativesView.slug}&K=3&z=1,abc,2&tau=-1")
    expect(page.locator(".notice")).to_contain_text('Link τ: "-1" is not a positive number, so 1 is kept')
    expect(page.locator(".notice")).to_contain_text('Link zᴸ₂: "abc" is not a number, so -1 is kept')
    inputs = assert_relatives_are_numpy(page)
    assert inputs["z"] == [1.0, -1.0, 2.0] and inputs["tau"] == 1
