"""The Monotonicity (Jacobian) tab, driven with the keyboard: heatmap data, table and verdict vs numpy."""

from __future__ import annotations

import math

import numpy as np
import pytest
from playwright.sync_api import Page, expect

from components.model import softmax_math as sm
from components.page.charts.bar_chart import output_names
from components.page.exercises.jacobian_view import PALETTE, ZERO_COLOR, JacobianView
from components.words.i18n import TEXTS
from components.words.number_format import format_number
from tests.browser.conftest import checked_page
from tests.browser.screen import look_at_tab, open_app, press_on_slider

TABLE = ".jacobian-table table.jacobian"

# The inputs exactly as the sliders hold them (the readout rounds them), and what the heatmap draws.
SHOWN_JS = """() => {
  const doc = Bokeh.documents[0];
  const models = [...doc.all_models];
  const byClass = (name) => models.find((m) => (m.css_classes ?? []).includes(name));
  const k = byClass("k-slider").value;
  const z = Array.from({length: k}, (_, j) => byClass(`z-slider-${j + 1}`).value);
  const cells = doc.get_model_by_name("jacobian-cells").data;
  const heatmap = doc.get_model_by_name("jacobian-heatmap");
  const mapper = doc.get_model_by_name("jacobian-colors");
  return {
    z, tau: 10 ** byClass("tau-slider").value,
    value: Array.from(cells.value), colorValue: Array.from(cells.color_value), label: Array.from(cells.label),
    inputs: Array.from(heatmap.x_range.factors), outputs: Array.from(heatmap.y_range.factors),
    scale: [mapper.low, mapper.high],
  };
}"""


def open_tab(page: Page, url: str) -> None:
    open_app(page, url)
    page.get_by_role("tab", name=TEXTS["en"][JacobianView.title_key]).click()
    expect(page.locator(".jacobian-heatmap canvas").first).to_be_visible()


def table_cells(page: Page) -> list[list[str]]:
    rows = page.locator(f"{TABLE} tbody tr")
    return [rows.nth(j).locator("td").all_inner_texts() for j in range(rows.count())]


def entries(page: Page) -> tuple[list[str], list[str], list[str]]:
    """The table's headers and matrix entries as printed (no sums)."""
    return tuple(page.locator(f"{TABLE} {part}").all_inner_texts()
                 for part in ("thead th", "tbody th", "tbody td:not(.row-sum)"))


def assert_shows_numpy(page: Page) -> dict:
    """Heatmap data, colour scale, table and verdict all agree with numpy for the sliders' values."""
    shown = page.evaluate(SHOWN_JS)
    z, tau, size = shown["z"], shown["tau"], len(shown["z"])
    jac = sm.jacobian(z, tau)
    np.testing.assert_allclose(np.reshape(shown["value"], (size, size)), jac, rtol=1e-12, atol=1e-300)
    assert shown["inputs"] == output_names("z", size)
    assert shown["outputs"] == output_names("a", size)[::-1]
    peak = np.max(np.abs(jac))
    np.testing.assert_allclose(shown["scale"], [-peak, peak], rtol=1e-12)
    assert np.all(np.isnan(shown["colorValue"]) == (np.ravel(jac) == 0))  # grey exactly where J is 0
    # The table prints every entry as numpy's value formatted by format_number, plus the row sum.
    cells = table_cells(page)
    assert [row[:size] for row in cells] == [[format_number(v) for v in row] for row in jac]
    assert all(abs(float(row[size].replace("−", "-"))) < 1e-12 for row in cells)
    verdict = page.locator(".jacobian-verdict .bk-clearfix").inner_text()
    assert f"all {size} entries are positive" in verdict
    assert f"all {size * (size - 1)} entries are negative" in verdict
    assert format_number(np.diag(jac).min()) in verdict
    return shown


def test_heatmap_and_table_follow_z_and_tau(page, served_app):
    open_tab(page, served_app)
    before = assert_shows_numpy(page)  # the first render, written by the browser at load
    min_diag = page.locator(".jacobian-verdict .min-diag")
    previous = min_diag.inner_text()
    press_on_slider(page, "z-slider-2", "ArrowRight", 5)  # raise the smallest input: a₂ grows
    look_at_tab(page)
    expect(min_diag).not_to_have_text(previous)
    after = assert_shows_numpy(page)
    assert after["z"][1] > before["z"][1]
    # Cooler: the Jacobian scales with 1/τ and the winner's column dominates.
    box = page.locator(".tau-input input")
    box.fill("0.2")
    box.press("Enter")
    look_at_tab(page)
    expect(page.locator(".tau-slider .bk-slider-value")).to_have_text("0.2")
    shown = assert_shows_numpy(page)
    assert shown["tau"] == pytest.approx(0.2, rel=1e-9)


def test_matrix_size_follows_k_and_comes_back_as_it_was(page, served_app):
    open_tab(page, served_app)
    first_table = entries(page)  # written at load
    press_on_slider(page, "k-slider", "End", 1)
    look_at_tab(page)
    expect(page.locator(f"{TABLE} tbody tr")).to_have_count(10)
    shown = assert_shows_numpy(page)
    assert len(shown["value"]) == 100 and len(shown["inputs"]) == 10
    press_on_slider(page, "k-slider", "Home", 1)
    look_at_tab(page)
    expect(page.locator(f"{TABLE} tbody tr")).to_have_count(2)
    assert len(assert_shows_numpy(page)["value"]) == 4
    press_on_slider(page, "k-slider", "ArrowRight", 2)  # back to the first state
    look_at_tab(page)
    expect(page.locator(f"{TABLE} tbody tr")).to_have_count(4)
    assert entries(page) == first_table


def test_underflowed_outputs_are_grey_zeros_and_said_so(page, served_app):
    """A link that sets z, K and τ in one go (regression: the cells once threw on this) at τ = 0.05."""
    page.goto(f"{served_app}?z=1000,-1000,999,0&range=1000&tau=0.05&view={JacobianView.slug}")
    underflow = page.locator(".jacobian-verdict .underflow")
    expect(underflow).to_contain_text("a₂, a₄ are 0 in float64")
    expect(underflow).to_contain_text("so their rows and columns are 0")
    expect(page.locator(".jacobian-heatmap canvas").first).to_be_visible()
    shown = page.evaluate(SHOWN_JS)
    jac = sm.jacobian(shown["z"], shown["tau"])
    assert shown["z"] == [1000, -1000, 999, 0] and shown["tau"] == pytest.approx(0.05, rel=1e-9)
    np.testing.assert_allclose(np.reshape(shown["value"], (4, 4)), jac, rtol=1e-12, atol=1e-300)
    assert np.isnan(shown["colorValue"]).sum() == np.sum(jac == 0) > 0
    text = " ".join(page.locator(".jacobian-view .bk-clearfix").all_inner_texts())
    assert "NaN" not in text and "Infinity" not in text
    look_at_tab(page)
    press_on_slider(page, "k-slider", "ArrowLeft", 1)  # K = 3: only a₂ is left at 0, in the browser's words
    expect(underflow).to_contain_text("a₂ = 0 in float64")
    expect(underflow).to_contain_text("so its row and column are 0")


LABELS_SHOWN_JS = "() => Bokeh.documents[0].get_model_by_name('jacobian-labels').visible"
# The heatmap has been laid out with ``k`` columns (BokehJS sets inner_width after layout).
LAID_OUT_JS = """(k) => {
  const heatmap = Bokeh.documents[0].get_model_by_name("jacobian-heatmap");
  return heatmap.inner_width > 0 && heatmap.x_range.factors.length === k;
}"""


def test_cell_values_are_written_only_where_they_fit(browser, served_app):
    """At a phone's width ten columns leave ~23 px a cell: the values would run into each other,
    so the heatmap shows colours only (the table below lists every value)."""
    with checked_page(browser, viewport={"width": 375, "height": 800}) as phone:
        open_tab(phone, served_app)
        phone.wait_for_function(LAID_OUT_JS, arg=4)
        assert phone.evaluate(LABELS_SHOWN_JS)  # four columns fit
        press_on_slider(phone, "k-slider", "End", 1)
        look_at_tab(phone)
        phone.wait_for_function(LAID_OUT_JS, arg=10)
        phone.wait_for_function(f"() => !({LABELS_SHOWN_JS})()")
        expect(phone.locator(f"{TABLE} tbody tr")).to_have_count(10)
        press_on_slider(phone, "k-slider", "Home", 1)
        phone.wait_for_function(LAID_OUT_JS, arg=2)
        phone.wait_for_function(LABELS_SHOWN_JS)
    with checked_page(browser) as laptop:
        open_tab(laptop, f"{served_app}?K=10")
        look_at_tab(laptop)
        laptop.wait_for_function(LAID_OUT_JS, arg=10)
        assert laptop.evaluate(LABELS_SHOWN_JS)


# The colour each cell is drawn with, read from the heatmap's canvas: a pixel of each cell below
# its centre (under its label, inside its white border), with the cell's row and column names.
CELL_PIXELS_JS = """() => {
  const doc = Bokeh.documents[0];
  const heatmap = doc.get_model_by_name("jacobian-heatmap");
  const view = Bokeh.index.find_one(heatmap);
  const {x_range, y_range} = heatmap;
  const {x_scale, y_scale, bbox} = view.frame;
  const ratio = view.canvas.pixel_ratio;
  const ctx = view.canvas.primary.ctx;
  const below = 0.3 * bbox.height / y_range.factors.length;
  const cells = [];
  for (const output of y_range.factors) for (const input of x_range.factors) {
    const x = x_scale.compute(x_range.synthetic(input));
    const y = y_scale.compute(y_range.synthetic(output)) + below;
    const [r, g, b] = ctx.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data;
    cells.push({output, input, rgb: [r, g, b]});
  }
  return cells;
}"""


def rgb(color: str) -> tuple[int, int, int]:
    return tuple(int(color[i:i + 2], 16) for i in (1, 3, 5))


def drawn_sign(pixel: list[int]) -> int:
    """−1 for a palette blue, +1 for a palette red, 0 for the grey of exact zeros (nearest colour)."""
    colors = [*(rgb(c) for c in PALETTE), rgb(ZERO_COLOR)]
    distances = [sum((p - c) ** 2 for p, c in zip(pixel, color, strict=True)) for color in colors]
    nearest = distances.index(min(distances))
    assert distances[nearest] <= 3 * 8**2, f"{pixel} is no colour of the heatmap"
    return 0 if nearest == len(PALETTE) else -1 if nearest < len(PALETTE) // 2 else 1


def test_tiny_entries_are_drawn_in_the_colour_of_their_sign(page, served_app):
    """Extreme preset, K = 10: a₅ = 7e−218 gives entries of −3.2e−218 beside a scale of 0.22. Each
    is drawn blue, as the legend promises; only exact zeros (underflowed outputs) are grey."""
    open_tab(page, f"{served_app}?K=10")
    page.get_by_role("button", name="Extreme values (|z| = 1000)").click()
    look_at_tab(page)
    expect(page.locator(".z-slider-1 .bk-slider-value")).to_have_text("1000.0")
    # Painted: a₂ = e^−2000 is 0, so its cells turn grey (no cell was grey before the preset).
    page.wait_for_function(f"""() => {{
      const cell = ({CELL_PIXELS_JS})().find((c) => c.output === "a₂" && c.input === "z₂");
      return cell.rgb.join() === "{','.join(map(str, rgb(ZERO_COLOR)))}";
    }}""")
    shown = page.evaluate(SHOWN_JS)
    jac = sm.jacobian(shown["z"], shown["tau"])
    names_a, names_z = output_names("a", 10), output_names("z", 10)
    tiny = [(j, k) for j in range(10) for k in range(10) if 0 < abs(jac[j, k]) < 1e-200]
    assert any(jac[j, k] < 0 for j, k in tiny) and any(jac[j, k] > 0 for j, k in tiny)
    drawn = {(names_a.index(c["output"]), names_z.index(c["input"])): drawn_sign(c["rgb"])
             for c in page.evaluate(CELL_PIXELS_JS)}
    wrong = {(names_a[j], names_z[k]): (format_number(jac[j, k]), sign)
             for (j, k), sign in drawn.items() if sign != np.sign(jac[j, k])}
    assert len(drawn) == 100 and wrong == {}, wrong


# --- The first render is the browser's (it was Python's, tests/test_views_math.py): numpy's numbers

def open_link(page: Page, url: str) -> None:
    """A link straight to the tab: the browser writes the view at load."""
    open_app(page, f"{url}&view={JacobianView.slug}")
    expect(page.locator(f"{TABLE} tbody tr").first).to_be_attached()


@pytest.mark.parametrize("z", [[2.5, -1.0, 3.2], [0.1 * j for j in range(10)]], ids=["K=3", "K=10"])
def test_the_first_render_is_numpy(page, served_app, z):
    size = len(z)
    open_link(page, f"{served_app}?K={size}&z={','.join(f'{v:.1f}' for v in z)}&tau=0.7")
    shown = assert_shows_numpy(page)
    assert shown["z"] == pytest.approx(z) and shown["tau"] == pytest.approx(0.7, rel=1e-9)
    assert page.locator(f"{TABLE} tbody td.diag").count() == size
    assert page.locator(f"{TABLE} tbody td.off").count() == size * (size - 1)


def test_exact_zeros_are_grey_with_a_usable_scale(page, served_app):
    open_link(page, f"{served_app}?z=1000,-1000&range=1000&tau=0.05")  # a = (1, 0): every entry is 0
    shown = page.evaluate(SHOWN_JS)
    assert np.all(np.isnan(shown["colorValue"]))
    assert shown["scale"] == pytest.approx([-1 / (4 * 0.05), 1 / (4 * 0.05)])


EXTREME_Z = [1000.0, -1000.0, 999.0, 0.0, 500.0, -500.0, 998.0, -999.0, 1.0, -1.0]  # the preset, K = 10


def mapper_bin(value: float, low: float, high: float, colors: int) -> int:
    """The palette index BokehJS 3.9's LinearColorMapper picks (value_to_index), NaN aside."""
    if value == high:
        return colors - 1
    return min(max(math.floor((value - low) * (1 / (high - low)) / (1 / colors)), -1), colors)


def test_the_colours_keep_the_sign_of_tiny_entries(page, served_app):
    """Extreme preset, K = 10: −3.2e−218 next to a scale of 0.22 must map to a blue bin, not the first red."""
    open_link(page, f"{served_app}?K=10&z={','.join(f'{v:g}' for v in EXTREME_Z)}&range=1000")
    shown = page.evaluate(SHOWN_JS)
    assert shown["z"] == EXTREME_Z
    jac = np.ravel(sm.jacobian(EXTREME_Z))
    assert np.any((jac < 0) & (jac > -1e-200)) and np.any((jac > 0) & (jac < 1e-200))  # the tiny ones
    (low, high), colors = shown["scale"], len(PALETTE)
    for value, color in zip(jac, shown["colorValue"], strict=True):
        if value == 0:
            assert np.isnan(color)
            continue
        index = mapper_bin(color, low, high, colors)
        assert (index < colors // 2) == (value < 0), (value, color, index)
        if abs(value) >= high / 4:  # outside the innermost bins nothing moves
            assert index == mapper_bin(value, low, high, colors)


@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
def test_the_underflow_sentence_reads_right_for_one_name_and_for_several(page, served_app, lang):
    its, their = {"en": ("its row and column", "their rows and columns"),
                  "zh-Hant": ("它的列與行", "它們的列與行")}[lang]
    underflow = page.locator(".jacobian-verdict .underflow")
    open_link(page, f"{served_app}?z=1000,-1000,999&range=1000&tau=0.05&lang={lang}")
    one = underflow.inner_text()
    assert "a₂ " in one and its in one and their not in one
    open_link(page, f"{served_app}?z=1000,-1000,999,0&range=1000&tau=0.05&lang={lang}")
    several = underflow.inner_text()
    assert "a₂, a₄ " in several and their in several and its not in several
    assert "NaN" not in several and "Infinity" not in several
