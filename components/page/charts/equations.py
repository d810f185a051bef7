"""Equations (78) and (79) of the chapter, and the temperature form, as MathML.

The LaTeX is converted once, in Python, by latex2mathml; Chromium renders MathML
natively, so the page needs no MathJax/KaTeX download and works offline.
"""

from __future__ import annotations

from functools import cache

import panel as pn
from bokeh.models import Div
from latex2mathml.converter import convert

from ...words.i18n import Texts

EQUATIONS: tuple[tuple[str, str], ...] = (
    ("(78)", r"a^L_j = \frac{e^{z^L_j}}{\sum_k e^{z^L_k}}"),
    ("(79)", r"\sum_j a^L_j = \frac{\sum_j e^{z^L_j}}{\sum_k e^{z^L_k}} = 1"),
    ("equations.with_tau", r"a^L_j = \frac{e^{z^L_j / \tau}}{\sum_k e^{z^L_k / \tau}}"),
)


@cache
def _mathml(latex: str) -> str:
    return convert(latex, display="block")


def equations_html(texts: Texts | None = None) -> str:
    """One row per equation: the MathML and its number (or a TEXTS key for words), as in the book."""
    texts = texts or Texts()
    rows = "".join(
        f"<div class='equation'>{_mathml(latex)}"
        f"<span class='equation-number'>{number if number.startswith('(') else texts(number)}</span></div>"
        for number, latex in EQUATIONS
    )
    return f"<div class='equations'>{rows}</div>"


class Equations(pn.viewable.Viewer):
    """The softmax definition and its sum-to-one property, rendered as math."""

    def __init__(self, texts: Texts | None = None, **params) -> None:
        super().__init__(**params)
        # disable_math: Bokeh would otherwise look for $...$ and load its MathJax bundle.
        self.model = Div(
            text=equations_html(texts), disable_math=True, css_classes=["equations-view"],
            sizing_mode="stretch_width",
        )

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.pane.Bokeh(self.model, sizing_mode="stretch_width")
