"""What every exercise view shares: its header (slug, title, words, first state) and stylesheet."""

from __future__ import annotations

from functools import cached_property
from typing import Any, ClassVar

import panel as pn
from bokeh.model import Model
from bokeh.models import InlineStyleSheet, LayoutDOM

from ...browser.browser_js import STATIC_DIR
from ..context import ViewContext
from ..link_params import Kind, link_spec

# The page's CSS and the parts every view's own stylesheet uses (verdicts, equations).
SHARED_VIEW_CSS = "".join((STATIC_DIR / "css" / name).read_text(encoding="utf-8")
                          for name in ("app.css", "views/shared.css"))


class ExerciseView(pn.viewable.Viewer):
    """One exercise tab: a slug for links (?view=<slug>), a title, a Bokeh ``model``.

    A subclass names its ``slug``, ``title_key`` (words/i18n.py) and, if it has one, its own
    ``css`` file under static/css/views/; its ``__init__`` calls this one, then builds
    ``self.model`` from ``self.context``.
    """

    slug: ClassVar[str]
    title_key: ClassVar[str]
    css: ClassVar[str | None] = None

    def __init__(self, context: ViewContext, **params: Any) -> None:
        super().__init__(**params)
        self.context = context
        self.texts = context.texts
        self.state = context.state
        self.title = self.texts(self.title_key)
        self.model: LayoutDOM | None = None
        self.link_widgets: list[Model] = []  # this view's controls in the page's link (in_link)

    def in_link(self, widget: Model, name: str, *, prop: str = "value", kind: Kind = "number",
                **spec: Any) -> Model:
        """Put ``widget``'s ``prop`` into the page's link as ``?name=`` while this view is shown
        (components/page/link_params.py: ``low``/``high``/``integer`` for numbers, ``choices``);
        its value now is its default, never written. Returns the widget."""
        spec_tag = link_spec(self.slug, name, prop=prop, kind=kind, default=getattr(widget, prop), **spec)
        widget.tags = [spec_tag, *widget.tags]
        self.link_widgets.append(widget)
        return widget

    @cached_property
    def stylesheet(self) -> InlineStyleSheet:
        """The page's CSS and this view's, as one stylesheet model shared by the view's Divs (a Bokeh
        model belongs to one document: built per view, never at import)."""
        own = (STATIC_DIR / "css" / "views" / self.css).read_text(encoding="utf-8") if self.css else ""
        return InlineStyleSheet(css=SHARED_VIEW_CSS + own)

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.pane.Bokeh(self.model, sizing_mode="stretch_width")
