"""The chapter's exercises and the physics behind softmax, one tab each.

Each view is a small pn.viewable.Viewer in its own file with a ``slug`` (used in
links: ?view=jacobian), a ``title`` (the tab's label) and a Bokeh ``model``. The
views are listed in components/views_registry.py; this file only lays them out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import panel as pn
from bokeh.document import Document
from bokeh.models import CustomJS, LayoutDOM, TabPanel, Tabs

from components.controls import Controls

# Bokeh 3.9 draws tabs as plain divs that only a click opens: give them the ARIA tab roles
# (tablist, tab, tabpanel, each panel named by its tab) so that screen readers (and tests,
# by role) know them as tabs and which one is selected, and the keys of a tab list:
# Enter or Space opens the focused tab, arrows, Home and End move to another and open it.
ARIA_TABS_JS = """
const view = cb_context?.index?.find_one(tabs);
if (view == null) return;
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


class TabControls:
    """The Controls as an exercise view sees them: its input callbacks are collected, so that
    Exercises can run them only while the view's tab is shown (and once when it is opened).

    Updating every hidden view on every slider change cost ~70 ms a frame with six views
    (benchmarks/input_to_paint.py); the shown tab alone keeps the page within the budget.
    """

    def __init__(self, controls: Controls) -> None:
        self._controls = controls
        self.callbacks: list[CustomJS] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._controls, name)

    def on_input(self, callback: CustomJS) -> None:
        self.callbacks.append(callback)


class ExerciseView(Protocol):
    slug: str
    title: str
    model: LayoutDOM


class Exercises(pn.viewable.Viewer):
    """Tabs of exercise views; the active one is part of the page's link."""

    def __init__(self, controls: Controls, view_classes: Sequence[type], **params) -> None:
        super().__init__(**params)
        tab_controls = [TabControls(controls) for _ in view_classes]
        self.views: list[ExerciseView] = [
            view_class(proxy) for view_class, proxy in zip(view_classes, tab_controls, strict=True)
        ]
        self.slugs = [view.slug for view in self.views]
        self.tabs = Tabs(
            tabs=[TabPanel(child=view.model, title=view.title) for view in self.views],
            sizing_mode="stretch_width", css_classes=["exercises"],
        )
        for index, proxy in enumerate(tab_controls):
            for callback in proxy.callbacks:
                callback.code = f"if (tabs.active !== {index}) return;\n{callback.code}"
                callback.args = {**callback.args, "tabs": self.tabs}
                controls.on_input(callback)
                self.tabs.js_on_change("active", callback)
        self.model = self.tabs
        self._aria = CustomJS(code=ARIA_TABS_JS, args={
            "tabs": self.tabs, "label": controls.texts("exercises.label"),
        })
        self.tabs.js_on_change("active", self._aria)

    def attach(self, document: Document) -> None:
        """Label the tabs for assistive technology once they are rendered."""
        document.js_on_event("document_ready", self._aria)

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.pane.Bokeh(self.model, sizing_mode="stretch_width")
