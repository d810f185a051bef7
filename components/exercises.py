"""The chapter's exercises and the physics behind softmax, one tab each.

Each view is a small pn.viewable.Viewer in its own file with a ``slug`` (used in
links: ?view=jacobian), a ``title`` (the tab's label) and a Bokeh ``model``. The
views are listed in components/views_registry.py; this file only lays them out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import panel as pn
from bokeh.models import LayoutDOM, TabPanel, Tabs


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

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.pane.Bokeh(self.model, sizing_mode="stretch_width")
