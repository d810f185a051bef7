"""The served app: one page per session, under Tornado through Panel, closed sessions swept."""

from __future__ import annotations

import os

import panel as pn

from ..page.shell.page import TITLE, SoftmaxLab
from ..words.i18n import DEFAULT_LANGUAGE
from .page_resources import serve_only_used_resources
from .settings import ClosedSessionSweeper, ServerSettings, skip_document_validation


def create_app() -> None:
    """A fresh state and page for every session: no two users share sliders.

    The page's Bokeh layout becomes the session document's root directly, not
    wrapped in a Panel pane: the document then holds no Panel model, so it needs
    none of Panel's CSS, which Panel links from its CDN when the app is embedded
    by a <script> tag (and the page must not fetch anything from a CDN).

    Only the exercise tab shown first is built (the link's ?view=, read here so that the
    browser needs no round trip for it); the server builds the others when they are opened
    (lazy_tabs): most visitors open few tabs, and the views are 60 % of a page's models.
    """
    serve_only_used_resources()  # no GL, table or Panel JS on the page: it uses none (idempotent)
    skip_document_validation(os.environ)  # checked by the tests, not per session (idempotent)
    document = pn.state.curdoc
    # Embedded by a <script> tag, the page's URL is the course page's: leave it alone.
    embedded_by_script = "bokeh-autoload-element" in pn.state.session_args
    lab = SoftmaxLab(follow_page_url=not embedded_by_script, lang=requested_language(pn.state.session_args),
                     view=requested_text(pn.state.session_args, "view"), lazy_tabs=True)
    lab.attach(document)  # before the root joins the document: Bokeh then walks its models once
    document.add_root(lab.model)
    document.title = lab.title


def requested_language(session_args: dict[str, list[bytes]]) -> str:
    """The ``?lang=`` of the page's link as text (SoftmaxLab chooses, and says so when unknown)."""
    return requested_text(session_args, "lang") or DEFAULT_LANGUAGE  # none or empty: no notice


def requested_text(session_args: dict[str, list[bytes]], name: str) -> str:
    """The first ``?name=`` of the page's link as text ("" when absent)."""
    values = session_args.get(name) or [b""]
    raw = values[0]
    return raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else str(raw)


def serve(settings: ServerSettings) -> None:
    """Serve the app the way the container and the README do; memory of closed sessions is released."""
    server = pn.serve({"app": create_app}, show=False, start=False, title=TITLE, liveness=True,
                      **settings.server_kwargs())
    ClosedSessionSweeper(server).start(settings.check_sessions_ms)
    server.start()
    server.io_loop.start()
