"""The chapter's exercises and the physics behind softmax, one tab each.

Each view is a small pn.viewable.Viewer in its own file with a ``slug`` (used in
links: ?view=jacobian), a ``title`` (the tab's label) and a Bokeh ``model``. The
views are listed in components/views_registry.py; this file only lays them out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import panel as pn
from bokeh.document import Document
from bokeh.models import CustomJS, LayoutDOM, TabPanel, Tabs

# Bokeh 3.9 draws tabs as plain divs: give them the ARIA tab roles so that screen
# readers (and tests, by role) know them as tabs and which one is selected.
ARIA_TABS_JS = """
const view = cb_context?.index?.find_one(tabs);
if (view == null) return;
const header = view.shadow_el.querySelector(".bk-headers-wrapper");
if (header) header.setAttribute("role", "tablist");
view.shadow_el.querySelectorAll(".bk-tab").forEach((tab, index) => {
  tab.setAttribute("role", "tab");
  tab.setAttribute("aria-selected", String(index === tabs.active));
});
"""


class ExerciseView(Protocol):
    slug: str
    title: str
    model: LayoutDOM


class Exercises(pn.viewable.Viewer):
    """Tabs of exercise views; the active one is part of the page's link."""

    def __init__(self, views: Sequence[ExerciseView], **params) -> None:
        super().__init__(**params)
        self.views = list(views)
        self.slugs = [view.slug for view in self.views]
        self.tabs = Tabs(
            tabs=[TabPanel(child=view.model, title=view.title) for view in self.views],
            sizing_mode="stretch_width", css_classes=["exercises"],
        )
        self.model = self.tabs
        self._aria = CustomJS(code=ARIA_TABS_JS, args={"tabs": self.tabs})
        self.tabs.js_on_change("active", self._aria)

    def attach(self, document: Document) -> None:
        """Label the tabs for assistive technology once they are rendered."""
        document.js_on_event("document_ready", self._aria)

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.pane.Bokeh(self.model, sizing_mode="stretch_width")
