"""Every number of the charts as text: z_j, a_j and sigma(z_j) with both totals.

Readable without the canvas (screen readers, copy and paste, tests), and the
place where a student checks that the softmax column always sums to 1.000.
"""

from __future__ import annotations

from collections.abc import Sequence

import panel as pn
from bokeh.models import Div

from ...browser.browser_js import math_callback
from ...model.state import Z_DECIMALS, shown_number
from ...words.i18n import Texts
from ..controls.controls import Controls, z_label


def readout_html(
    z: Sequence[float], a: Sequence[float], s: Sequence[float], texts: Texts | None = None,
) -> str:
    """The table for the first render; UPDATE_JS writes the same markup in the browser.

    z is written as its box and slider title write it (shown_number / InputCheck.show), not to a
    fixed 2 decimals, which showed 2.004 as 2.00 beside a 2 and -0.004 as "-0.00" (issue 19).
    """
    texts = texts or Texts()
    rows = "".join(
        f"<tr><th scope='row'>{z_label(j)}</th><td>{shown_number(zj, Z_DECIMALS)}</td>"
        f"<td class='a'>{aj:.3f}</td><td class='s'>{sj:.3f}</td></tr>"
        for j, (zj, aj, sj) in enumerate(zip(z, a, s, strict=True))
    )
    totals = (
        f"<tr class='total'><th scope='row'>{texts('readout.total')}</th><td></td>"
        f"<td class='a-total'>{sum(a):.3f}</td><td class='s-total'>{sum(s):.3f}</td></tr>"
    )
    return f"{texts('readout.header')}{rows}</tbody><tfoot>{totals}</tfoot></table>"


UPDATE_JS = """
const a = SoftmaxMath.softmax(z, tau);
const s = SoftmaxMath.sigmoid(z);
const rows = z.map((zj, j) =>
  `<tr><th scope='row'>${labels[j]}</th><td>${InputCheck.show(zj, z_decimals)}</td>` +
  `<td class='a'>${a[j].toFixed(3)}</td><td class='s'>${s[j].toFixed(3)}</td></tr>`).join("");
const totals = `<tr class='total'><th scope='row'>${total_label}</th><td></td>` +
  `<td class='a-total'>${SoftmaxMath.sum(a).toFixed(3)}</td>` +
  `<td class='s-total'>${SoftmaxMath.sum(s).toFixed(3)}</td></tr>`;
setHtml(table, `${header}${rows}</tbody><tfoot>${totals}</tfoot></table>`);
"""


class ReadoutTable(pn.viewable.Viewer):
    """A live HTML table of the inputs and both sets of outputs."""

    def __init__(self, controls: Controls, **params) -> None:
        super().__init__(**params)
        state = controls.state
        self.model = Div(
            text=readout_html(state.active_z, state.softmax_outputs, state.sigmoid_outputs, controls.texts),
            syncable=False, css_classes=["readout-table"], sizing_mode="stretch_width",
        )
        controls.on_input(math_callback(
            UPDATE_JS, **controls.js_args, table=self.model, header=controls.texts("readout.header"),
            total_label=controls.texts("readout.total"),
            labels=[z_label(j) for j in range(10)], z_decimals=Z_DECIMALS,
        ))

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.pane.Bokeh(self.model, sizing_mode="stretch_width")
