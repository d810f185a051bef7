"""One visitor's server session: its state, and nothing of the page.

The page itself is shared (serving/shared_page.py). A visitor's session document holds one
hidden Div and a VisitorState, a Bokeh DataModel that the browser writes whenever the shared
page's inputs change (static/js/callbacks/serving/link.js); Python copies it into the visitor's
SoftmaxState, which clamps and validates as always. Opening such a session builds 4 models
instead of ~245.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from bokeh.core.properties import Float, Int, List
from bokeh.document import Document
from bokeh.model import DataModel
from bokeh.models import CustomJS, Div

from ..browser.browser_js import js_source
from ..model.state import MAX_K, TAU_MAX, TAU_MIN, SoftmaxState
from ..page.controls.controls import Z_LIMITS


class VisitorState(DataModel):
    """What a visitor's browser says of its inputs: the page's controls, as plain numbers.

    Defined once at import: every DataModel class travels in every document that uses it.
    """

    z = List(Float, help="Every z slider's value, hidden ones too (they return when K grows)")
    log_tau = Float(default=0.0, help="The tau slider's value: log10(tau)")
    k = Int(default=4)
    z_range = Int(default=0, help="The range buttons' active index (Z_LIMITS)")
    view = Int(default=0, help="The open exercise tab")


@dataclass
class Visitor:
    """A visitor's session: its SoftmaxState and the model that mirrors its browser."""

    state: SoftmaxState
    model: VisitorState
    document: Document


def attach_visitor(document: Document, state: SoftmaxState | None = None) -> Visitor:
    """Make ``document`` a visitor's session: a VisitorState whose changes reach ``state``."""
    state = state if state is not None else SoftmaxState()
    model = VisitorState(z=list(state.z), log_tau=math.log10(state.tau), k=state.k,
                         z_range=Z_LIMITS.index(state.z_limit))

    applying: list[bool] = []  # set while the browser's values are being applied: no echo back

    def apply() -> None:
        """The browser's values, through the state's own checks (a forged message is clamped too);
        the range first: z beyond the old range is accepted once the range is wide."""
        pending.clear()
        applying.append(True)
        try:
            _apply()
        finally:
            applying.clear()

    def _apply() -> None:
        if isinstance(model.z_range, int) and 0 <= model.z_range < len(Z_LIMITS):
            state.set_z_limit(Z_LIMITS[model.z_range])
        for index, value in enumerate(list(model.z)[:MAX_K]):
            if value != state.z[index]:
                state.set_z(index, value)
        # 10 ** log10(20) is 20.000000000000004: noise beyond the slider's ends is cut.
        state.set_tau(min(TAU_MAX, max(TAU_MIN, 10**model.log_tau)))
        state.set_k(model.k)

    pending: list[bool] = []

    def follow(_attr: str, _old: Any, _new: Any) -> None:
        # One message from the browser changes several properties, one event each: apply them
        # together once the message is in (the next tick), in the order above.
        if pending:
            return
        pending.append(True)
        if document.session_context is None:  # no server loop (a test's document): at once
            apply()
        else:
            document.add_next_tick_callback(apply)

    for name in ("z_range", "z", "log_tau", "k"):
        model.on_change(name, follow)

    def push(*_events: Any) -> None:
        """State set in Python (not from the browser): the browser's controls follow (link.js)."""
        if applying:
            return
        model.update(z=list(state.z), log_tau=math.log10(state.tau), k=state.k,
                     z_range=Z_LIMITS.index(state.z_limit))

    state.param.watch(push, ["z", "tau", "k", "z_limit"])
    mount = Div(visible=False, tags=[model], syncable=True, css_classes=["softmax-lab-visitor"])
    document.add_root(mount)
    document.js_on_event("document_ready", CustomJS(code=js_source("callbacks/serving/link.js"),
                                                    args={"visitor": model}))
    document.js_on_event("connection_lost", CustomJS(code=js_source("callbacks/serving/connection_lost.js")))
    document.config.reconnect_session = False  # as the page's own (page/shell/connection_status.py)
    document.config.notify_connection_status = False
    return Visitor(state=state, model=model, document=document)
