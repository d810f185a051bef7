"""One rendering per live element: the browser writes every chart heading, table and check, at
load (static/js/callbacks/shell/first_render.js, or a tab's opening) with the same code as every
later change. What it writes at load is numpy's, and is what the update writes for the same inputs."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from playwright.sync_api import Page, expect

from components.model import softmax_math as sm
from components.page.exercises.jacobian_view import JacobianView
from components.page.exercises.nonlocality_view import NonLocalityView
from components.page.exercises.sweep_view import SweepView
from components.words.i18n import TEXTS
from tests.browser.screen import chart, look_at_tab, open_app, readout

CASES = json.loads((Path(__file__).parents[1] / "vectors.json").read_text())["cases"]
# The book's start, underflowed outputs (the Jacobian's extra sentence), ten outputs.
SHARED = [case for case in CASES if case["why"] in {
    "the book's starting values", "extreme values: exp would overflow unshifted", "ten outputs"}]


def link(served_app: str, z: list[float], tau: float, **more: str) -> str:
    wide = "&range=1000" if max(abs(v) for v in z) > 5 else ""
    extra = "".join(f"&{key}={value}" for key, value in more.items())
    return f"{served_app}?K={len(z)}&z={','.join(repr(v) for v in z)}&tau={tau!r}{wide}{extra}"


def test_the_page_first_render_is_numpy(page: Page, served_app: str) -> None:
    z, tau = [1.0, -2.0, 0.5, 4.0], 0.5
    open_app(page, link(served_app, z, tau))
    shown = readout(page)
    a, s = sm.softmax(z, tau), sm.sigmoid(z)
    assert shown["z"] == z
    assert shown["a"] == [float(f"{v:.3f}") for v in a] and shown["sigma"] == [float(f"{v:.3f}") for v in s]
    assert shown["a_total"] == 1.0 and shown["sigma_total"] == float(f"{s.sum():.3f}")
    softmax, sigmoid = chart(page, "softmax-chart"), chart(page, "sigmoid-chart")
    assert "total 1.000 · τ = 0.5" in softmax["title"] and softmax["labels"] == [f"{v:.3f}" for v in a]
    assert f"total {s.sum():.3f} ≠ 1" in sigmoid["title"]
    np.testing.assert_allclose(softmax["values"], a, rtol=1e-12)


# The markup of every live Div the main view and the shown tab have: main readout and chart
# headings, and the tab's own (written into the page by setHtml).
MARKUP_JS = """(classes) => {
  const models = [...Bokeh.documents[0].all_models];
  const out = {};
  for (const name of classes) {
    const div = models.find((m) => (m.css_classes ?? []).includes(name));
    out[name] = Bokeh.index.find_one(div)?.markup_el?.innerHTML ?? null;
  }
  return out;
}"""
MAIN = ["readout-table", "softmax-chart-heading", "sigmoid-chart-heading"]
VIEWS = {
    NonLocalityView: ["nonlocality-balance"],
    JacobianView: ["jacobian-table", "jacobian-verdict"],
    SweepView: ["sweep-chart-heading"],
}
K_VALUE_JS = """() => [...Bokeh.documents[0].all_models]
  .find((m) => (m.css_classes ?? []).includes("k-slider")).value"""


def markup(page: Page, classes: list[str]) -> dict[str, str]:
    shown = page.evaluate(MARKUP_JS, classes)
    assert all(shown.values()), shown  # every one written, none left empty
    return shown


def away_and_back(page: Page) -> None:
    """z₁ typed away and back, then K one step away and back: every view rewritten by its update."""
    box = page.locator(".z-input-1 input")
    first = box.input_value()
    for value in ("0.3" if first != "0.3" else "0.4", first):
        box.fill(value)
        box.press("Enter")
        expect(box).to_have_value(value)
    k = page.evaluate(K_VALUE_JS)
    handle = page.locator(".k-slider .noUi-handle")
    handle.focus()
    for key in (("ArrowLeft", "ArrowRight") if k == 10 else ("ArrowRight", "ArrowLeft")):
        handle.press(key)
    page.wait_for_function(f"() => ({K_VALUE_JS})() === {k}")
    look_at_tab(page)


@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
@pytest.mark.parametrize("case", SHARED, ids=lambda case: case["why"])
@pytest.mark.parametrize("view", list(VIEWS), ids=lambda view: view.slug)
def test_the_first_render_is_what_the_update_writes(page: Page, served_app: str, view, case, lang) -> None:
    open_app(page, link(served_app, case["z"], case["tau"], view=view.slug, lang=lang))
    tab = page.get_by_role("tab", name=TEXTS[lang][view.title_key])
    expect(tab).to_have_attribute("aria-selected", "true")
    classes = [*MAIN, *VIEWS[view]]
    page.wait_for_function(f"() => Object.values(({MARKUP_JS})({json.dumps(classes)})).every(Boolean)")
    first = markup(page, classes)
    away_and_back(page)
    assert markup(page, classes) == first
