"""One bar chart of K outputs on a fixed 0..1 axis, shared by the softmax and sigmoid views.

Each bar is labelled with its value and hovering shows z_j and the output. The
chart has no canvas title: the heading with the total is HTML (see chart_heading),
because a changing canvas title re-lays out the plot on every frame. The browser
writes ``source.data`` at load and on every input change; nothing here is synced back to the
server (``syncable=False``).
"""

from __future__ import annotations

from collections.abc import Sequence

from bokeh.models import ColumnDataSource, Div, HoverTool, LabelSet, Range1d
from bokeh.plotting import figure

from ...words.i18n import Texts
from ..controls.controls import SUBSCRIPTS


def output_names(symbol: str, count: int) -> list[str]:
    """Bar names as in the book: a₁, a₂, ... (or σ₁, σ₂, ...)."""
    return [f"{symbol}{str(j + 1).translate(SUBSCRIPTS)}" for j in range(count)]


def bar_data(z: Sequence[float], values: Sequence[float], symbol: str) -> dict[str, list]:
    """A chart's first columns (data, not markup): its callback rewrites them at load
    (static/js/callbacks/shell/first_render.js) and on every change, without reading them."""
    return {
        "name": output_names(symbol, len(z)),
        "z": [float(v) for v in z],
        "value": [float(v) for v in values],
        "label": [f"{v:.3f}" for v in values],
    }


def chart_heading(html: str, css_class: str) -> Div:
    """The HTML heading above a chart: ``html`` is "" for a chart whose callback writes it (at
    load too), as every chart here does."""
    return Div(text=html, syncable=False, css_classes=["chart-heading", f"{css_class}-heading"],
               sizing_mode="stretch_width", html_attributes={"aria-live": "off"})


def bar_chart(
    data: dict[str, list], *, color: str, hatch: str | None, css_class: str, texts: Texts | None = None,
) -> tuple[figure, ColumnDataSource]:
    """A bar chart of one set of outputs; returns the figure and its data source."""
    # Names let tests (and notebooks) find what the canvas draws: "<css_class>-bars".
    source = ColumnDataSource(data=data, syncable=False, name=f"{css_class}-bars")
    chart = figure(
        name=css_class, x_range=list(data["name"]), y_range=Range1d(0, 1.1), height=300,
        toolbar_location=None, tools="", sizing_mode="stretch_width",
        css_classes=[css_class], min_width=280,
    )
    chart.x_range.syncable = False
    chart.vbar(
        x="name", top="value", width=0.7, source=source, fill_color=color,
        line_color="#222222", hatch_pattern=hatch, hatch_color="#ffffff", hatch_alpha=0.6,
    )
    chart.add_layout(LabelSet(
        x="name", y="value", text="label", source=source, text_align="center",
        y_offset=4, text_font_size="12px", text_color="#222222",
    ))
    texts = texts or Texts()
    chart.add_tools(HoverTool(tooltips=[(texts("hover.output"), "@name"), ("z", "@z{0.00}"),
                                        (texts("hover.value"), "@value{0.0000}")]))
    chart.yaxis.ticker = [0, 0.25, 0.5, 0.75, 1]
    chart.xgrid.grid_line_color = None
    chart.xaxis.major_label_text_font_size = "14px"
    return chart, source
