"""The chapter's exercises and the physics behind softmax, one tab each.

Each view is a small pn.viewable.Viewer in its own file with a ``slug`` (used in
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
from ..context import ViewContext
from .base import ExerciseView

# Bokeh 3.9 draws tabs as plain divs that only a click opens: give them the ARIA tab roles
# (tablist, tab, tabpanel, each panel named by its tab) so that screen readers (and tests,
# by role) know them as tabs and which one is selected, and the keys of a tab list:
# Enter or Space opens the focused tab, arrows, Home and End move to another and open it.
# TabsView appends its header after the panels and puts it on top by a CSS grid area, so Tab
# (and a screen reader) reached the shown panel's inputs before the tab list above them: the
# header moves before the panels, in reading order (the grid area still places it). Only when
# out of order: moving the element takes the focus from a tab.
ARIA_TABS_JS = """
const view = cb_context?.index?.find_one(tabs);
if (view == null) return;
const header_el = view.header_el;
const first_panel = (view.child_views ?? []).map((child) => child.el)
  .find((el) => el?.parentNode === view.shadow_el);
if (header_el?.parentNode === view.shadow_el && first_panel != null
    && (header_el.compareDocumentPosition(first_panel) & Node.DOCUMENT_POSITION_PRECEDING)) {
  view.shadow_el.insertBefore(header_el, first_panel);
}
const header = view.shadow_el.querySelector(".bk-headers-wrapper");
if (header) {
  header.setAttribute("role", "tablist");
  header.setAttribute("aria-label", label);
}
const tab_els = [...view.shadow_el.querySelectorAll(".bk-tab")];
tab_els.forEach((tab, index) => {
  tab.setAttribute("role", "tab");
  tab.setAttribute("aria-selected", String(index === tabs.active));
  tab.id = `${tabs.id}-tab-${index}`;
  const panel = view.child_views?.[index]?.el;
  if (panel != null) {
    panel.setAttribute("role", "tabpanel");
    panel.id = `${tabs.id}-panel-${index}`;
    panel.setAttribute("aria-labelledby", tab.id);
    tab.setAttribute("aria-controls", panel.id);
  }
  if (tab.__tab_keys) return;
  tab.__tab_keys = true;
  tab.addEventListener("keydown", (event) => {
    const last = tab_els.length - 1;
    const next = {Enter: index, " ": index, ArrowRight: index === last ? 0 : index + 1,
                  ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last}[event.key];
    if (next === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    tabs.active = next;
    tab_els[next].focus();
  });
});
"""


def plots_in(layout: Model) -> list[Plot]:
    """The charts of a view's layout (rows and columns), not those its callbacks reach: a
    view's callbacks reach the controls, and through them every other view of the page."""
    if isinstance(layout, Plot):
        return [layout]
    children = getattr(layout, "children", None) or []
    return [plot for child in children for plot in plots_in(child[0] if isinstance(child, tuple) else child)]


# A view the server built after the page had loaded (a lazy tab) arrives as the new child
# of its tab's placeholder. ``at_once`` runs right away (the theme: no light frame in a dark
# page); ``once_rendered`` once BokehJS has rendered the view: what the page ran for every
# other view at document_ready (tab and slider labels, scroll boxes) and the view's own
# input callbacks, as opening a tab runs them (the sliders may have moved while it was built).
VIEW_ARRIVED_JS = """
for (const callback of at_once) callback.execute(tabs);
let frames = 0;
const whenRendered = () => {
  const view = cb_context?.index?.find_one(arrived);
  if (view?.el?.isConnected) {
    for (const callback of once_rendered) callback.execute(tabs);
  } else if (++frames < 600) {
    requestAnimationFrame(whenRendered);
  }
};
whenRendered();
"""

# The tabs usually sit below the fold (at 1280 x 900 their top is at y ≈ 940), yet every slider
# change updated the shown view: ~20 ms of script and two canvas repaints a change that nobody
# saw. While the tabs are out of view, a gated callback (GATE_JS) leaves its view as it is and
# records itself in ``tabs.__pending`` with the input that moved; an IntersectionObserver on the
# tabs keeps ``tabs.__offscreen`` and, when they come into view, runs each pending callback once,
# so the view shows the current inputs in the frames that follow. No margin: the tab headers
# come into view first, and a margin would count tabs just below the fold (the common case) as
# in view. Opening a tab (cb_obj is tabs, as when VIEW_ARRIVED_JS runs them) updates it at once
# wherever it is. The same in the served app, the static export and a tab built later: all
# go through Exercises._build and document_ready. Should BokehJS replace the tabs' element, the
# new one is observed; until then (and without IntersectionObserver) the tabs count as in view:
# a view is never left stale.
OFFSCREEN_JS = """
if (tabs.__observing) return;
tabs.__observing = true;
tabs.__pending ??= new Map();
const flush = () => {
  const pending = [...tabs.__pending];
  tabs.__pending.clear();
  for (const [callback, input] of pending) callback.execute(input);
};
if (typeof IntersectionObserver === "undefined") return;
let frames = 0;
const observe = () => {
  const view = cb_context?.index?.find_one(tabs);
  if (!view?.el?.isConnected) {
    if (++frames < 600) requestAnimationFrame(observe);
    return;
  }
  const observer = new IntersectionObserver((entries) => {
    const entry = entries[entries.length - 1];
    if (!entry.target.isConnected) {
      observer.disconnect();
      tabs.__offscreen = false;
      flush();
      frames = 0;
      requestAnimationFrame(observe);
      return;
    }
    tabs.__offscreen = !entry.isIntersecting;
    if (!tabs.__offscreen) flush();
  });  // no rootMargin: see above
  observer.observe(view.el);
};
observe();
"""

# Put before each view's input callback: only the shown tab's view is updated, and only while
# the tabs are in view (else it waits in tabs.__pending, with the input that moved: run with it,
# the view tells the same movement as if it had followed it); ``self_callback`` is the callback.
GATE_JS = """
if (tabs.active !== {index}) return;
if (cb_obj !== tabs && tabs.__offscreen) {{
  (tabs.__pending ??= new Map()).set(self_callback, cb_obj);
  return;
}}
tabs.__pending?.delete(self_callback);
"""

PLACEHOLDER_HEIGHT = 560  # about a view's height: the page does not jump when the view arrives

# What the page gives a view built after load: (callbacks to run at once, callbacks to run
# once it is rendered); see VIEW_ARRIVED_JS.
Dress = Callable[[list[Model]], tuple[list[CustomJS], list[CustomJS]]]


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
        self.tabs.tabs = [
            TabPanel(child=self._placeholder() if lazy and index != active else self._build(index)[0].model,
                     title=context.texts(view_class.title_key))
            for index, view_class in enumerate(view_classes)
        ]
        self.model = self.tabs
        self._aria = CustomJS(code=ARIA_TABS_JS, args={
            "tabs": self.tabs, "label": context.texts("exercises.label"),
        })
        self.tabs.js_on_change("active", self._aria)
        self._offscreen = CustomJS(code=OFFSCREEN_JS, args={"tabs": self.tabs})
        if lazy:
            self.tabs.on_change("active", self._on_open)

    def _build(self, index: int, late: bool = False) -> tuple[ExerciseView, list[CustomJS]]:
        """Build tab ``index``'s view; its input callbacks run only while its tab is shown and
        in view (GATE_JS), and at once when the tab is opened. Its bar charts keep their labels
        readable (fit_bar_labels): with the page's callback, or (``late``: the page is in a
        document) their own."""
        callbacks: list[CustomJS] = []  # the view's input callbacks, gated below
        view = self.views[index] = self._view_classes[index](self._context.collecting(callbacks))
        view.model.css_classes = [*view.model.css_classes, "exercise-view"]
        fitted = fit_bar_labels(plots_in(view.model), into=None if late else self._fit_labels)
        self._fit_labels = self._fit_labels if late else fitted
        for callback in callbacks:
            callback.code = GATE_JS.format(index=index) + callback.code
            callback.args = {**callback.args, "tabs": self.tabs, "self_callback": callback}
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
            placeholder.js_on_change("children", CustomJS(code=VIEW_ARRIVED_JS, args={
                "tabs": self.tabs, "arrived": view.model, "at_once": at_once,
                "once_rendered": [self._aria, *once_rendered, *callbacks],
            }))
            placeholder.children = [view.model]

    def attach(self, document: Document) -> None:
        """Label the tabs for assistive technology once they are rendered, and watch whether
        they are in view (OFFSCREEN_JS)."""
        document.js_on_event("document_ready", self._aria, self._offscreen)
        if self._waiting:  # a tab not built yet can no longer be: say so instead of "Loading…"
            document.js_on_event("connection_lost", CustomJS(
                code="for (const div of waiting) div.text = text;",
                args={"waiting": self._waiting, "text": self._context.texts("exercises.needs_server")}))

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.pane.Bokeh(self.model, sizing_mode="stretch_width")
