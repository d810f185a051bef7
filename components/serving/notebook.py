"""The demo inline in Jupyter, from one import:

    from softmax_lab import demo             # installed by pip; from a clone: from components import demo
    demo()                                   # the book's values
    demo(z=[1, 2, 3, 4], tau=0.5)            # any start; bad values are clamped with a notice
    demo(lang="zh-Hant")                     # in Traditional Chinese

The sliders, charts and numbers update in the browser as in the served app; with a
live kernel, ``lab.state`` follows the sliders and setting it moves them.
"""

from __future__ import annotations

from collections.abc import Sequence

import panel as pn

from ..model.state import BOOK_Z, TAU_DEFAULT, SoftmaxState
from ..page.shell.page import SoftmaxLab
from ..words.i18n import DEFAULT_LANGUAGE, choose_language


def demo(z: Sequence[float] = BOOK_Z, tau: float = TAU_DEFAULT, lang: str = DEFAULT_LANGUAGE) -> SoftmaxLab:
    """A SoftmaxLab for a notebook cell, in ``lang`` (words/i18n.py); Jupyter displays it inline."""
    pn.extension()  # loads Panel's notebook support once; later calls are no-ops
    state = SoftmaxState(lang=choose_language(lang))
    for index, value in enumerate(list(z)[: len(BOOK_Z)]):
        state.set_z(index, value)
    state.set_tau(tau)
    return SoftmaxLab(state, follow_page_url=False, lang=lang)
