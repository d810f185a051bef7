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
mapper's nan_color. The browser writes the cells, the table and the check, at load and on every
change (static/js/callbacks/exercises/jacobian.js); Python builds the models, empty.
"""

from __future__ import annotations

from bokeh.layouts import column, row
from bokeh.models import (
    BasicTicker,
    ColorBar,
    ColumnDataSource,
    Div,
    FactorRange,
    HoverTool,
    LabelSet,
    LinearColorMapper,
)
from bokeh.palettes import BuRd
from bokeh.plotting import figure
from bokeh.transform import transform
from latex2mathml.converter import convert

from ...model.state import MAX_K
from ..charts.bar_chart import output_names
from ..context import ViewContext
from .base import ExerciseView

PALETTE = BuRd[8]  # Paul Tol's colour-blind-safe blue-red; 8 colours: no neutral middle bin
ZERO_COLOR = "#bdbdbd"  # exactly 0 in float64
# The mapper bins (v + scale) / (2 scale): for |v| below ~1e-16 scale, v + scale rounds to scale,
# the middle, which is the first POSITIVE bin: −3.2e−218 was drawn light red. Every entry of
# size below the centre of the innermost bins (scale / 8 for 8 colours) is coloured as that
# centre, with its sign: the innermost bins hold every such entry anyway, so no other colour moves.
INNER_FRACTION = 1 / len(PALETTE)
DARK_FRACTION = 0.75  # cells beyond 75 % of the scale are dark: white text there
# Cell values only where they fit (static/js/callbacks/exercises/jacobian_fit_labels.js).
MIN_LABELLED_CELL_PX = 44
OUTPUT_NAMES = output_names("a", MAX_K)
INPUT_NAMES = output_names("z", MAX_K)
CELL_COLUMNS = ("output", "input", "value", "color_value", "label", "text_color", "precise", "font_size")

JACOBIAN_MATHML = convert(
    r"\frac{\partial a_j}{\partial z_k} = \frac{a_j(\delta_{jk} - a_k)}{\tau}", display="block"
)


class JacobianView(ExerciseView):
    """The K×K Jacobian of softmax as a heatmap, a table and a live check of its signs."""

    slug = "jacobian"
    title_key = "jacobian.title"
    css = "jacobian.css"

    def __init__(self, context: ViewContext, **params) -> None:
        super().__init__(context, **params)
        texts, stylesheet = self.texts, self.stylesheet
        self.source = ColumnDataSource({name: [] for name in CELL_COLUMNS}, syncable=False,
                                       name="jacobian-cells")
        self.mapper = LinearColorMapper(palette=PALETTE, low=-1, high=1, nan_color=ZERO_COLOR,
                                        syncable=False, name="jacobian-colors")
        self.heatmap = self._heatmap(self.state.k)
        self.explanation = Div(
            text=f"<div class='explanation'>{JACOBIAN_MATHML}<p>{texts('jacobian.explanation')}</p></div>",
            sizing_mode="stretch_width", css_classes=["explanation", "jacobian-explanation"],
            stylesheets=[stylesheet])
        self.verdict = Div(text="", syncable=False, sizing_mode="stretch_width",
                           css_classes=["jacobian-verdict"], stylesheets=[stylesheet],
                           html_attributes={"aria-live": "off"})
        self.table = Div(text="", syncable=False, css_classes=["jacobian-table"], stylesheets=[stylesheet])
        context.on_input(context.callback(
            "exercises/jacobian.js", cells=self.source, mapper=self.mapper,
            x_range=self.heatmap.x_range, y_range=self.heatmap.y_range, table=self.table,
            verdict=self.verdict, output_names=OUTPUT_NAMES, input_names=INPUT_NAMES,
            dark_fraction=DARK_FRACTION, inner_fraction=INNER_FRACTION, t=texts.templates(
                "jacobian.", "caption", "row_sum", "column_sum", "diag_all", "diag_some", "off_all",
                "off_some", "diag_check", "off_check", "sum_check", "underflow_one", "underflow_many"),
        ))
        note = Div(text=f"<p class='legend-note'>{texts('jacobian.color_note')}</p>",
                   sizing_mode="stretch_width", css_classes=["jacobian-note"], stylesheets=[stylesheet])
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
        fit_labels = self.context.callback("exercises/jacobian_fit_labels.js", math=False, heatmap=heatmap,
                                           labels=labels, min_cell_px=MIN_LABELLED_CELL_PX)
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
