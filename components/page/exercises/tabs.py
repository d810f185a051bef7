"""The chapter's exercises and the physics behind softmax, one tab each.

Each view is an ExerciseView (base.py) in its own file with a ``slug`` (used in
links: ?view=jacobian), a ``title`` (the tab's label) and a Bokeh ``model``. The
views are listed in components/page/exercises/registry.py; this file only lays them out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import nullcontext

import panel as pn
from bokeh.document import Document
from bokeh.layouts import column
from bokeh.model import Model
from bokeh.model.util import collect_filtered_models
from bokeh.models import CustomJS, Div, LayoutDOM, Plot, TabPanel, Tabs

from ...browser.accessibility import fit_bar_labels
from ...browser.browser_js import js_source
from ..context import ViewContext
from .base import ExerciseView

# The tabs' browser code is in static/js/callbacks/exercises/: aria_tabs.js (ARIA roles and keys),
# offscreen.js (whether the tabs are in view), gate.js (a view follows the inputs only while
# shown) and view_arrived.js (a lazy tab's view once the server sent it).


def plots_in(layout: Model) -> list[Plot]:
    """The charts of a view's layout (rows and columns), not those its callbacks reach: a
    view's callbacks reach the controls, and through them every other view of the page."""
    if isinstance(layout, Plot):
        return [layout]
    children = getattr(layout, "children", None) or []
    return [plot for child in children for plot in plots_in(child[0] if isinstance(child, tuple) else child)]


# The first lines of each view's input callback (static/js/callbacks/exercises/gate.js): only
# the shown tab's view is updated, and only while the tabs are in view (offscreen.js). Its
# arguments (the tab's index among them) are given as arguments, not written into the code.
GATE_JS = js_source("callbacks/exercises/gate.js")

PLACEHOLDER_HEIGHT = 560  # about a view's height: the page does not jump when the view arrives

# What the page gives a view built after load: (callbacks to run at once, callbacks to run
# once it is rendered); see static/js/callbacks/exercises/view_arrived.js.
Dress = Callable[..., tuple[list[CustomJS], list[CustomJS]]]  # (models, styled=False)


class Exercises(pn.viewable.Viewer):
    """Tabs of exercise views; the active one is part of the page's link.

    ``lazy``: only the ``active`` tab's view is built; every other tab holds a light
    placeholder until it is first opened, when the server builds its view (the served app:
    most visitors open few tabs, and the views are 60 % of a page's models and JSON).
    ``dress`` gives such a late view what the page gives its models at build. Eager (the
    default) builds every view now: the static export and notebooks have no server to build later.
    """

    def __init__(
        self, context: ViewContext, view_classes: Sequence[type[ExerciseView]], *, active: int = 0,
        lazy: bool = False, dress: Dress | None = None, fit_labels: CustomJS | None = None, **params,
    ) -> None:
        super().__init__(**params)
        self._context = context
        self._fit_labels = fit_labels  # the page's label fitting (fit_bar_labels), for views built now
        self._view_classes = list(view_classes)
        self._dress = dress
        self._waiting: list[Div] = []  # the placeholders' texts, for when the server is gone
        self.slugs = [view_class.slug for view_class in view_classes]
        self.views: list[ExerciseView | None] = [None] * len(view_classes)  # None: not built yet
        self.tabs = Tabs(active=active, sizing_mode="stretch_width", css_classes=["exercises"])
        # Eager: every view is built here, but only the first shown is a tab's child; the others
        # wait in the holders' callback (open_tab.js) until their tab is first opened, so the
        # browser renders one view at load instead of all of them (BokehJS builds every child
        # of Tabs, shown or not), however many views the page has.
        self._holders: list[LayoutDOM | None] = [None] * len(view_classes)
        self._held: list[tuple[LayoutDOM, ExerciseView, list[CustomJS]]] = []
        self.tabs.tabs = [
            TabPanel(child=self._placeholder() if lazy and index != active else self._child(index, active),
                     title=context.texts(view_class.title_key))
            for index, view_class in enumerate(view_classes)
        ]
        self.model = self.tabs
        self._aria = context.callback("exercises/aria_tabs.js", math=False, tabs=self.tabs,
                                      label=context.texts("exercises.label"))
        self.tabs.js_on_change("active", self._aria)
        self._offscreen = context.callback("exercises/offscreen.js", math=False, tabs=self.tabs)
        if lazy:
            self.tabs.on_change("active", self._on_open)
        elif any(holder is not None for holder in self._holders):
            self.tabs.js_on_change("active", context.callback(
                "exercises/open_tab.js", math=False, tabs=self.tabs, holders=self._holders,
                views=[view.model if view is not None else None for view in self.views]))

    def _child(self, index: int, active: int) -> LayoutDOM:
        """Tab ``index``'s child in an eager page: the view itself if shown first, else its holder,
        an empty column that receives the view when the tab is first opened (open_tab.js) and then
        gives it what the page gave the first view once rendered (view_arrived.js)."""
        view, callbacks = self._build(index)
        if index == active:
            return view.model
        # An empty Div until then: Bokeh warns of an empty column, and this keeps the view's height.
        holder = self._holders[index] = column(
            Div(height=PLACEHOLDER_HEIGHT, sizing_mode="stretch_width", syncable=False),
            sizing_mode="stretch_width", css_classes=["exercise-view", "exercise-holder"])
        self._held.append((holder, view, callbacks))  # dressed in attach: the page is complete then
        return holder

    def _dress_held(self) -> None:
        """Give each waiting view, for when it arrives, what the page gives its shown one."""
        for holder, view, callbacks in self._held:
            # Styled with the page, so no model list: a walk of view.model reaches the whole page
            # through its callbacks' arguments, and ten such walks were 40 % of a page build.
            at_once, once_rendered = self._dress([], styled=True) if self._dress is not None else ([], [])
            holder.js_on_change("children", self._context.callback(
                "exercises/view_arrived.js", math=False, tabs=self.tabs, arrived=view.model,
                at_once=at_once, once_rendered=[self._aria, *once_rendered, *callbacks]))
        self._held.clear()

    def _build(self, index: int, late: bool = False) -> tuple[ExerciseView, list[CustomJS]]:
        """Build tab ``index``'s view; its input callbacks run only while its tab is shown and
        in view (gate.js), and at once when the tab is opened. Its bar charts keep their labels
        readable (fit_bar_labels): with the page's callback, or (``late``: the page is in a
        document) their own."""
        callbacks: list[CustomJS] = []  # the view's input callbacks, gated below
        view = self.views[index] = self._view_classes[index](self._context.collecting(callbacks))
        view.model.css_classes = [*view.model.css_classes, "exercise-view"]
        fitted = fit_bar_labels(plots_in(view.model), into=None if late else self._fit_labels)
        self._fit_labels = self._fit_labels if late else fitted
        for callback in callbacks:  # one callback per change: the gate's lines start the view's
            callback.code = GATE_JS + callback.code
            callback.args = {**callback.args, "tabs": self.tabs, "tab_index": index,
                             "self_callback": callback}
            self._context.on_input(callback)
            self.tabs.js_on_change("active", callback)
        return view, callbacks

    def _placeholder(self) -> LayoutDOM:
        """A tab's stand-in until its view is built: the view becomes this column's child."""
        waiting = Div(text=self._context.texts("exercises.loading"), height=PLACEHOLDER_HEIGHT,
                      sizing_mode="stretch_width", syncable=False)
        self._waiting.append(waiting)
        return column(waiting, sizing_mode="stretch_width",
                      css_classes=["exercise-view", "exercise-placeholder"])

    def _on_open(self, _attr: str, _old: int, index: int) -> None:
        """Build a lazy tab's view when it is first opened (the server runs this when the
        browser syncs ``tabs.active``) and send it to the browser in its placeholder."""
        if not 0 <= index < len(self.views) or self.views[index] is not None:
            return
        placeholder = self.tabs.tabs[index].child
        document = self.tabs.document
        # Frozen: each callback added to a model already in the document would re-walk its graph.
        with document.models.freeze() if document is not None else nullcontext():
            view, callbacks = self._build(index, late=True)
            # The view's own models: those no document holds yet (the walk stops at the page's).
            models = collect_filtered_models(lambda model: model.document is not None, view.model)
            at_once, once_rendered = self._dress(models) if self._dress is not None else ([], [])
            placeholder.js_on_change("children", self._context.callback(
                "exercises/view_arrived.js", math=False, tabs=self.tabs, arrived=view.model,
                at_once=at_once, once_rendered=[self._aria, *once_rendered, *callbacks]))
            placeholder.children = [view.model]

    def attach(self, document: Document) -> None:
        """Label the tabs for assistive technology once they are rendered, and watch whether
        they are in view (static/js/callbacks/exercises/offscreen.js)."""
        self._dress_held()
        document.js_on_event("document_ready", self._aria, self._offscreen)
        if self._waiting:  # a tab not built yet can no longer be: say so instead of "Loading…"
            document.js_on_event("connection_lost", CustomJS(
                code="for (const div of waiting) div.text = text;",
                args={"waiting": self._waiting, "text": self._context.texts("exercises.needs_server")}))

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.pane.Bokeh(self.model, sizing_mode="stretch_width")
