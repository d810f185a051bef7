"""Every number of the charts as text: z_j, a_j and sigma(z_j) with both totals.

Readable without the canvas (screen readers, copy and paste, tests), and the
place where a student checks that the softmax column always sums to 1.000. The
browser writes the table, at load and on every input change
(static/js/callbacks/charts/readout_table.js); the Div starts empty.
"""

from __future__ import annotations

import panel as pn
from bokeh.models import Div

from ...model.state import MAX_K, Z_DECIMALS
from ..context import ViewContext
from ..controls.controls import z_label


class ReadoutTable(pn.viewable.Viewer):
    """A live HTML table of the inputs and both sets of outputs."""

    def __init__(self, context: ViewContext, **params) -> None:
        super().__init__(**params)
        self.model = Div(text="", syncable=False, css_classes=["readout-table"], sizing_mode="stretch_width")
        context.on_input(context.callback(
            "charts/readout_table.js", table=self.model,
            t=context.texts.templates("readout.", "caption", "j", "z", "softmax", "sigmoid", "total"),
            labels=[z_label(j) for j in range(MAX_K)], z_decimals=Z_DECIMALS,
        ))

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.pane.Bokeh(self.model, sizing_mode="stretch_width")
