"""What a view is given: the page's inputs, its words, its first state and its browser modules.

Every view takes a ViewContext instead of the Controls themselves, so that a view sees exactly
what it may use, and the exercise tabs can hand each view its own context (whose input
callbacks they gate) without forwarding anything else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from bokeh.models import CustomJS, Div, RadioGroup, Slider

from ..browser.browser_js import MODULES_ARG, js_callback
from ..model.state import SoftmaxState
from ..words.i18n import Texts


@dataclass(frozen=True)
class Inputs:
    """The controls' widgets that a view's browser code reads (or, for the notice, writes)."""

    z_sliders: list[Slider]
    log_tau_slider: Slider
    k_slider: Slider
    range_buttons: RadioGroup
    notice: Div  # the page's one status line: corrected input, applied results

    @property
    def js_args(self) -> dict[str, Any]:
        """The arguments the prelude's static/js/prelude/read_inputs.js reads z and tau from."""
        return {"z_sliders": self.z_sliders, "log_tau_slider": self.log_tau_slider, "k_slider": self.k_slider}


@dataclass(frozen=True)
class ViewContext:
    """One view's share of the page.

    ``state``: the values the page starts from (Python reads the visitor's later values there too);
    ``on_input(callback)``: run a browser callback whenever z, tau or K changes.
    """

    state: SoftmaxState
    texts: Texts
    inputs: Inputs
    modules: CustomJS  # the page's one copy of the browser modules (browser/browser_js.py)
    _on_input: Callable[[CustomJS], None] = field(repr=False)

    @property
    def js_args(self) -> dict[str, Any]:
        """What every browser callback of a view needs: the inputs and the page's modules."""
        return {**self.inputs.js_args, MODULES_ARG: self.modules}

    def on_input(self, callback: CustomJS) -> None:
        self._on_input(callback)

    def callback(self, path: str, *, math: bool = True, **args: Any) -> CustomJS:
        """The callback in static/js/callbacks/``path`` with this view's inputs and modules
        (``math``: it also sees z and tau)."""
        return js_callback(path, math=math, **self.js_args, **args)

    def collecting(self, into: list[CustomJS]) -> ViewContext:
        """The same context whose ``on_input`` only collects into ``into`` (the exercise tabs then
        decide when those callbacks run)."""
        return replace(self, _on_input=into.append)
