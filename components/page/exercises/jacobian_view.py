"""Monotonicity: the Jacobian ∂a_j/∂z_k = a_j(δ_jk − a_k)/τ as a live K×K heatmap and table.

The chapter asks to prove that raising z_j raises a_j (the diagonal is positive) and
lowers every other output (everything off the diagonal is negative). The heatmap shows
the signs as colours, the table gives the same numbers as text, and a live line checks
the claim on the current numbers, including the case where float64 rounds an output to 0.

Colour scale: symmetric around 0 and following the data, ±max|J|. The entries scale
with 1/τ and off-diagonal entries are often tiny next to the diagonal (K = 10, all equal:
0.09 against −0.01), so a fixed range such as the bound ±1/(4τ) would leave them white.
The palette has an even number of colours, so no bin is neutral: the smallest negative
entry is still light blue, the smallest positive one light red, however small (an entry
of −3.2e−218 beside 0.22 is coloured as the innermost blue bin: see INNER_FRACTION). Only
an entry that is exactly 0 in float64 (an output underflowed) is grey, drawn from the
mapper's nan_color.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import panel as pn
from bokeh.layouts import column, row
from bokeh.models import (
    BasicTicker,
    ColorBar,
    ColumnDataSource,
    CustomJS,
    Div,
    FactorRange,
    HoverTool,
    InlineStyleSheet,
    LabelSet,
    LinearColorMapper,
)
from bokeh.palettes import BuRd
from bokeh.plotting import figure
from bokeh.transform import transform
from latex2mathml.converter import convert

from ...browser.browser_js import math_callback
from ...model import softmax_math
from ...model.state import MAX_K
from ...words.i18n import DEFAULT_LANGUAGE, TEXTS, Texts

# format_number and parse_number are also imported from here (tests, notebooks).
from ...words.number_format import format_number, parse_number  # noqa: F401
from ..charts.bar_chart import output_names
from ..controls.controls import Controls
from .base import SHARED_VIEW_CSS

PALETTE = BuRd[8]  # Paul Tol's colour-blind-safe blue-red; 8 colours: no neutral middle bin
ZERO_COLOR = "#bdbdbd"  # exactly 0 in float64
# The mapper bins (v + scale) / (2 scale): for |v| below ~1e-16 scale, v + scale rounds to scale,
# the middle, which is the first POSITIVE bin: −3.2e−218 was drawn light red. Every entry of
# size below the centre of the innermost bins (scale / 8 for 8 colours) is coloured as that
# centre, with its sign: the innermost bins hold every such entry anyway, so no other colour moves.
INNER_FRACTION = 1 / len(PALETTE)
DARK_FRACTION = 0.75  # cells beyond 75 % of the scale are dark: white text there
# Cell labels shrink with K so that ten columns of "−0.00018" still fit their cells.
LABEL_DIGITS_JS = """
const digits = K <= 5 ? 3 : 2;
const fontSize = K <= 5 ? "13px" : K <= 7 ? "12px" : "11px";
"""


# Cell values only where they fit: at a phone's width and K = 10 a cell is ~23 px and the
# labels ran into each other; the table below the heatmap lists every value.
MIN_LABELLED_CELL_PX = 44
FIT_LABELS_JS = """
const columns = heatmap.x_range.factors.length;
labels.visible = !(heatmap.inner_width > 0) || heatmap.inner_width / columns >= min_cell_px;
"""


def label_style(size: int) -> tuple[int, str]:
    """Significant digits and font size of the heatmap's cell labels for K = size (see LABEL_DIGITS_JS)."""
    return (3 if size <= 5 else 2), ("13px" if size <= 5 else "12px" if size <= 7 else "11px")
OUTPUT_NAMES = output_names("a", MAX_K)
INPUT_NAMES = output_names("z", MAX_K)

VIEW_CSS = SHARED_VIEW_CSS + """
table.jacobian td, table.jacobian th { padding: 0.2em 0.55em; }
table.jacobian td.diag { color: var(--lab-diag, #8f1422); font-weight: 600; }
table.jacobian td.off { color: var(--lab-off, #1b5690); }
table.jacobian td.zero { color: var(--muted); }
table.jacobian td.row-sum, table.jacobian tfoot td { color: var(--muted); font-weight: 400; }
"""

JACOBIAN_MATHML = convert(
    r"\frac{\partial a_j}{\partial z_k} = \frac{a_j(\delta_{jk} - a_k)}{\tau}", display="block"
)


def _cell_columns(jac: np.ndarray, scale: float) -> dict[str, list]:
    """The heatmap's columns, one row per cell; UPDATE_JS builds the same ones in the browser."""
    size = jac.shape[0]
    digits, font_size = label_style(size)
    cells: dict[str, list] = {"output": [], "input": [], "value": [], "color_value": [], "label": [],
                              "text_color": [], "precise": [], "font_size": []}
    for j in range(size):
        for k in range(size):
            value = float(jac[j, k])
            cells["output"].append(OUTPUT_NAMES[j])
            cells["input"].append(INPUT_NAMES[k])
            cells["value"].append(value)
            cells["color_value"].append(color_value(value, scale))
            cells["label"].append(format_number(value, digits))
            cells["font_size"].append(font_size)
            cells["text_color"].append("#ffffff" if abs(value) >= DARK_FRACTION * scale else "#1f2933")
            cells["precise"].append(format_number(value, 6))
    cells["color_value"] = np.asarray(cells["color_value"], dtype=np.float64)  # NaN travels in binary
    return cells


def color_value(value: float, scale: float) -> float:
    """The value the colour mapper sees for an entry: its sign kept however small (see INNER_FRACTION).

    NaN for an exact 0, which the mapper draws grey (nan_color). UPDATE_JS computes the same.
    """
    if value == 0:
        return np.nan
    return float(np.copysign(max(abs(value), INNER_FRACTION * scale), value))


def color_scale(jac: np.ndarray, tau: float) -> float:
    """Half-width of the colour range: max|J|, or the bound 1/(4τ) when every entry is 0."""
    peak = float(np.max(np.abs(jac)))
    return peak if peak > 0 else 1 / (4 * tau)


def table_html(jac: np.ndarray, texts: Texts | None = None) -> str:
    """The matrix as an HTML table with row and column sums; UPDATE_JS writes the same markup."""
    texts = texts or Texts()
    size = jac.shape[0]
    head = "".join(f"<th scope='col'>{INPUT_NAMES[k]}</th>" for k in range(size))
    body = ""
    for j in range(size):
        cells = ""
        for k in range(size):
            kind = "zero" if jac[j, k] == 0 else ("diag" if j == k else "off")
            cells += f"<td class='{kind}'>{format_number(jac[j, k])}</td>"
        body += (f"<tr><th scope='row'>{OUTPUT_NAMES[j]}</th>{cells}"
                 f"<td class='row-sum'>{format_number(jac[j].sum(), 2)}</td></tr>")
    sums = "".join(f"<td>{format_number(jac[:, k].sum(), 2)}</td>" for k in range(size))
    return (
        f"<table class='readout jacobian'><caption>{texts('jacobian.caption')}</caption>"
        f"<thead><tr><th scope='col'>∂a/∂z</th>{head}"
        f"<th scope='col'>{texts('jacobian.row_sum')}</th></tr></thead><tbody>{body}</tbody>"
        f"<tfoot><tr><th scope='row'>{texts('jacobian.column_sum')}</th>{sums}<td></td></tr></tfoot></table>"
    )


def verdict_html(jac: np.ndarray, a: Sequence[float], texts: Texts | None = None) -> str:
    """The chapter's claims checked on the current numbers; UPDATE_JS writes the same markup."""
    size = jac.shape[0]
    diagonal = np.diag(jac)
    off = jac[~np.eye(size, dtype=bool)]
    positive, negative = int(np.sum(diagonal > 0)), int(np.sum(off < 0))
    row_sum = float(np.max(np.abs(jac.sum(axis=1))))
    underflowed = [OUTPUT_NAMES[j] for j in range(size) if a[j] == 0]
    return _verdict(size, positive, negative, float(diagonal.min()), float(off.max()), row_sum, underflowed,
                    texts or Texts())


def _verdict(size: int, positive: int, negative: int, min_diag: float, max_off: float, row_sum: float,
             underflowed: list[str], texts: Texts) -> str:
    def mark(ok: bool) -> str:
        return "<span class='ok'>✓</span>" if ok else "<span class='warn'>⚠</span>"

    off_count = size * (size - 1)
    diag_text = (texts("jacobian.diag_all", size=size) if positive == size
                 else texts("jacobian.diag_some", positive=positive, size=size))
    off_text = (texts("jacobian.off_all", count=off_count) if negative == off_count
                else texts("jacobian.off_some", negative=negative, count=off_count))
    diag = texts("jacobian.diag_check", mark=mark(positive == size), text=diag_text,
                 value=format_number(min_diag))
    off = texts("jacobian.off_check", mark=mark(negative == off_count), text=off_text,
                value=format_number(max_off))
    sums = texts("jacobian.sum_check", mark=mark(True), value=format_number(row_sum, 2))
    html = (
        f"<p class='verdict diag-check'>{diag}</p><p class='verdict off-check'>{off}</p>"
        f"<p class='verdict sum-check'>{sums}</p>"
    )
    if underflowed:
        # One output: "its row"; several: "their rows" (a template each, for both languages).
        key = "jacobian.underflow_one" if len(underflowed) == 1 else "jacobian.underflow_many"
        sentence = texts(key, mark=mark(False), names=", ".join(underflowed))
        html += f"<p class='verdict underflow'>{sentence}</p>"
    return html


UPDATE_JS = """
const a = SoftmaxMath.softmax(z, tau);
const J = SoftmaxMath.jacobian(z, tau);
const K = z.length;
""" + LABEL_DIGITS_JS + """
if (x_range.factors.length !== K) {
  x_range.factors = input_names.slice(0, K);
  y_range.factors = output_names.slice(0, K).reverse();
}
let peak = 0;
for (const r of J) for (const v of r) peak = Math.max(peak, Math.abs(v));
const scale = peak > 0 ? peak : 1 / (4 * tau);
mapper.setv({low: -scale, high: scale});
const cols = {output: [], input: [], value: [], color_value: [], label: [], text_color: [], precise: [], font_size: []};
J.forEach((r, j) => r.forEach((v, k) => {
  cols.output.push(output_names[j]);
  cols.input.push(input_names[k]);
  cols.value.push(v);
  cols.color_value.push(v === 0 ? NaN : Math.sign(v) * Math.max(Math.abs(v), inner_fraction * scale));
  cols.label.push(formatNumber(v, digits));
  cols.font_size.push(fontSize);
  cols.text_color.push(Math.abs(v) >= dark_fraction * scale ? "#ffffff" : "#1f2933");
  cols.precise.push(formatNumber(v, 6));
}));
cells.data = cols;

const rowSums = J.map((r) => SoftmaxMath.sum(r));
const colSums = J.map((_, k) => SoftmaxMath.sum(J.map((r) => r[k])));
const head = J.map((_, k) => `<th scope='col'>${input_names[k]}</th>`).join("");
const body = J.map((r, j) => `<tr><th scope='row'>${output_names[j]}</th>` + r.map((v, k) =>
  `<td class='${v === 0 ? "zero" : j === k ? "diag" : "off"}'>${formatNumber(v)}</td>`).join("") +
  `<td class='row-sum'>${formatNumber(rowSums[j], 2)}</td></tr>`).join("");
const sums = colSums.map((v) => `<td>${formatNumber(v, 2)}</td>`).join("");
setHtml(table, `<table class='readout jacobian'><caption>${t.caption}</caption>` +
  `<thead><tr><th scope='col'>∂a/∂z</th>${head}<th scope='col'>${t.row_sum}</th></tr></thead>` +
  `<tbody>${body}</tbody><tfoot><tr><th scope='row'>${t.column_sum}</th>${sums}<td></td></tr></tfoot></table>`);

const diagonal = J.map((r, j) => r[j]);
const off = J.flatMap((r, j) => r.filter((_, k) => k !== j));
const positive = diagonal.filter((v) => v > 0).length;
const negative = off.filter((v) => v < 0).length;
const rowSum = Math.max(...rowSums.map(Math.abs));
const underflowed = output_names.slice(0, K).filter((_, j) => a[j] === 0);
const mark = (ok) => ok ? "<span class='ok'>✓</span>" : "<span class='warn'>⚠</span>";
const offCount = K * (K - 1);
const diagText = positive === K ? formatText(t.diag_all, {size: K})
  : formatText(t.diag_some, {positive, size: K});
const offText = negative === offCount ? formatText(t.off_all, {count: offCount})
  : formatText(t.off_some, {negative, count: offCount});
let html =
  `<p class='verdict diag-check'>${formatText(t.diag_check, {
    mark: mark(positive === K), text: diagText, value: formatNumber(Math.min(...diagonal))})}</p>` +
  `<p class='verdict off-check'>${formatText(t.off_check, {
    mark: mark(negative === offCount), text: offText, value: formatNumber(Math.max(...off))})}</p>` +
  `<p class='verdict sum-check'>${formatText(t.sum_check, {mark: mark(true), value: formatNumber(rowSum, 2)})}</p>`;
if (underflowed.length > 0) {
  const template = underflowed.length === 1 ? t.underflow_one : t.underflow_many;
  html += `<p class='verdict underflow'>${formatText(template, {mark: mark(false), names: underflowed.join(", ")})}</p>`;
}
setHtml(verdict, html);
"""  # noqa: E501


class JacobianView(pn.viewable.Viewer):
    """The K×K Jacobian of softmax as a heatmap, a table and a live check of its signs."""

    slug = "jacobian"
    title_key = "jacobian.title"
    title = TEXTS[DEFAULT_LANGUAGE][title_key]  # default language; each page's own: self.title

    def __init__(self, controls: Controls, **params) -> None:
        super().__init__(**params)
        texts = self.texts = controls.texts
        self.title = texts(self.title_key)
        state = controls.state
        jac = softmax_math.jacobian(state.active_z, state.tau)
        scale = color_scale(jac, state.tau)
        size = state.k
        self.source = ColumnDataSource(_cell_columns(jac, scale), syncable=False, name="jacobian-cells")
        self.mapper = LinearColorMapper(palette=PALETTE, low=-scale, high=scale, nan_color=ZERO_COLOR,
                                        syncable=False, name="jacobian-colors")
        self.heatmap = self._heatmap(size)
        stylesheet = InlineStyleSheet(css=VIEW_CSS)
        self.explanation = Div(text=texts("jacobian.explanation", mathml=JACOBIAN_MATHML),
                               sizing_mode="stretch_width",
                               css_classes=["explanation", "jacobian-explanation"], stylesheets=[stylesheet])
        self.verdict = Div(
            text=verdict_html(jac, state.softmax_outputs, texts), syncable=False, sizing_mode="stretch_width",
            css_classes=["jacobian-verdict"], stylesheets=[stylesheet],
            html_attributes={"aria-live": "off"},
        )
        self.table = Div(text=table_html(jac, texts), syncable=False, css_classes=["jacobian-table"],
                         stylesheets=[stylesheet])
        controls.on_input(math_callback(
            UPDATE_JS, **controls.js_args, cells=self.source, mapper=self.mapper,
            x_range=self.heatmap.x_range, y_range=self.heatmap.y_range, table=self.table,
            verdict=self.verdict, output_names=OUTPUT_NAMES, input_names=INPUT_NAMES,
            dark_fraction=DARK_FRACTION, inner_fraction=INNER_FRACTION, t=texts.templates(
                "jacobian.", "caption", "row_sum", "column_sum", "diag_all", "diag_some", "off_all",
                "off_some", "diag_check", "off_check", "sum_check", "underflow_one", "underflow_many"),
        ))
        note = Div(text=texts("jacobian.color_note"), sizing_mode="stretch_width",
                   css_classes=["jacobian-note"],
                   stylesheets=[stylesheet])
        # The table goes below, full width: ten columns do not fit beside the heatmap.
        self.model = column(
            self.explanation,
            row(self.heatmap, column(self.verdict, note, sizing_mode="stretch_width"),
                sizing_mode="stretch_width"),
            self.table, sizing_mode="stretch_width", css_classes=["jacobian-view"],
        )

    def _heatmap(self, size: int) -> figure:
        """K×K coloured cells with their values; a₁ on top, as a matrix is written."""
        x_range = FactorRange(factors=INPUT_NAMES[:size], syncable=False)
        y_range = FactorRange(factors=list(reversed(OUTPUT_NAMES[:size])), syncable=False)
        heatmap = figure(
            name="jacobian-heatmap", x_range=x_range, y_range=y_range, width=660, height=600,
            toolbar_location=None, tools="", x_axis_location="above", css_classes=["jacobian-heatmap"],
        )
        heatmap.rect(x="input", y="output", width=1, height=1, source=self.source, line_color="#ffffff",
                     line_width=2, fill_color=transform("color_value", self.mapper))
        # A LabelSet, not a text glyph: BokehJS 3.9's Text glyph sets its data asynchronously and throws
        # when several changes of K arrive in one tick (a link that sets z and K on load).
        labels = LabelSet(
            x="input", y="output", text="label", source=self.source, text_align="center",
            text_baseline="middle", text_color="text_color", text_font_size="font_size",
            name="jacobian-labels",
        )
        heatmap.add_layout(labels)
        fit_labels = CustomJS(code=FIT_LABELS_JS, args={
            "heatmap": heatmap, "labels": labels, "min_cell_px": MIN_LABELLED_CELL_PX})
        heatmap.js_on_change("inner_width", fit_labels)
        x_range.js_on_change("factors", fit_labels)
        heatmap.add_tools(HoverTool(tooltips=[("∂aⱼ/∂zₖ", "∂@output / ∂@input"),
                                              (self.texts("hover.value"), "@precise")]))
        heatmap.add_layout(ColorBar(
            color_mapper=self.mapper, ticker=BasicTicker(desired_num_ticks=9), width=14,
            major_label_text_font_size="11px",
        ), "right")
        heatmap.xaxis.axis_label = self.texts("jacobian.x_axis")
        heatmap.yaxis.axis_label = self.texts("jacobian.y_axis")
        for axis in (heatmap.xaxis, heatmap.yaxis):
            axis.major_label_text_font_size = "14px"
            axis.axis_label_text_font_style = "normal"
            axis.major_tick_line_color = None
            axis.axis_line_color = None
        heatmap.grid.grid_line_color = None
        heatmap.outline_line_color = None
        return heatmap

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.pane.Bokeh(self.model, sizing_mode="stretch_width")
