"""Tells the user when the served page loses its server, and offers a reload.

The page keeps computing in the browser without a server, and every control is in
the link, so a reload restores the same state. Bokeh's own automatic reconnection
is turned off: it would reconnect to a fresh server session whose state is the
default one, silently out of step with what the page shows.
"""

from __future__ import annotations

import panel as pn
from bokeh.document import Document
from bokeh.layouts import row
from bokeh.models import Button, CustomJS, Div

from ...words.i18n import Texts


class ConnectionStatus(pn.viewable.Viewer):
    """A banner, hidden until the websocket closes."""

    def __init__(self, texts: Texts | None = None, **params) -> None:
        super().__init__(**params)
        texts = texts or Texts()
        self.message = Div(
            text=texts("connection.lost"), render_as_text=True, css_classes=["connection-lost"],
            html_attributes={"role": "alert"}, sizing_mode="stretch_width", syncable=False,
        )
        self.reload_button = Button(label=texts("connection.reload"), button_type="warning",
                                    css_classes=["reload"], syncable=False)
        self.reload_button.js_on_event("button_click", CustomJS(code="window.location.reload();"))
        self.model = row(self.message, self.reload_button, visible=False, sizing_mode="stretch_width",
                         css_classes=["connection-banner"], syncable=False)

    def attach(self, document: Document) -> None:
        document.config.reconnect_session = False
        document.config.notify_connection_status = False
        document.js_on_event("connection_lost", CustomJS(code="banner.visible = true;",
                                                         args={"banner": self.model}))

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.pane.Bokeh(self.model, sizing_mode="stretch_width")
