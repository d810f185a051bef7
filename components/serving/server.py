"""The served app: one page per session, under Tornado through Panel, closed sessions swept."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import panel as pn
from bokeh.document import Document
from jinja2 import Template

from ..browser.browser_js import STATIC_DIR
from ..model.state import SoftmaxState
from ..page.shell.page import TITLE, SoftmaxLab
from ..words.i18n import DEFAULT_LANGUAGE, choose_language
from .busy import cap_sessions
from .page_resources import serve_only_used_resources
from .root_redirect import RootRedirect
from .settings import ClosedSessionSweeper, ServerSettings, skip_document_validation
from .shared_page import PAGE_SCRIPTS, PageScriptHandler, shared_page
from .visitor import Visitor, attach_visitor

PAGE_TEMPLATE = Template((Path(__file__).parent / "templates" / "page.html").read_text(encoding="utf-8"))
PAGE_CSS = (STATIC_DIR / "css" / "page.css").read_text(encoding="utf-8")


def create_app(on_visitor: Callable[[Visitor], None] | None = None, *, page_scripts: bool = False,
               page_cache: Path | None = None) -> None:
    """A visitor's session: its own state, and the shared page of its language around it.

    The page (serving/shared_page.py) is the same for every visitor of a language and is built
    once; the session holds only the visitor's state (serving/visitor.py), so a class opening
    the link at once costs the server a few models each instead of a whole page each.
    ``on_visitor``: told of each new visitor (tests read their states). ``page_scripts``: the
    server answers /softmax-page/ (PageScriptHandler), so the page's script is a file of its own.
    ``page_cache``: the folder where built pages are kept between starts (SOFTMAX_LAB_PAGE_CACHE).

    Embedded by a <script> tag (autoload.js), the page is the session's own document, as before:
    Bokeh's script embed renders only the session's document, so it is built per visitor
    (with lazy tabs: the views the visitor opens are built when opened).
    """
    serve_only_used_resources()  # no GL, table or Panel JS on the page: it uses none (idempotent)
    skip_document_validation(os.environ)  # checked by the tests, not per session (idempotent)
    document = pn.state.curdoc
    args = pn.state.session_args
    if "bokeh-autoload-element" in args:
        _create_embedded_page(document, args)
        return
    shared = shared_page(choose_language(requested_language(args)), page_cache)
    visitor = attach_visitor(document, SoftmaxState(lang=shared.lang))
    document.template = PAGE_TEMPLATE
    script_url = f"{pn.state.base_url}{PAGE_SCRIPTS}/{shared.js_name}" if page_scripts else None
    document.template_variables.update(shared=shared, page_css=PAGE_CSS, page_script_url=script_url)
    document.title = shared.title
    if on_visitor is not None:
        on_visitor(visitor)


def _create_embedded_page(document: Document, args: dict[str, list[bytes]]) -> None:
    """The whole page as the session's document (the script embed): the course page's URL is
    not ours, so the page leaves it alone."""
    lab = SoftmaxLab(follow_page_url=False, lang=requested_language(args), view=requested_text(args, "view"),
                     lazy_tabs=True)
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
    # The default page is built (or read from the page cache) while the server starts listening
    # and a first browser starts: a first visitor meanwhile waits for it (shared_page's lock).
    threading.Thread(target=shared_page, args=(DEFAULT_LANGUAGE, settings.page_cache),
                     name="build-shared-page", daemon=True).start()
    cap_sessions(settings.max_sessions)

    def app() -> None:  # a plain function: Panel serves a function, not a partial
        create_app(page_scripts=True, page_cache=settings.page_cache)

    kwargs = settings.server_kwargs()
    # Ours come before Bokeh's patterns: its root redirect drops the link's query.
    scripts = (rf"/{PAGE_SCRIPTS}/([^/]+)", PageScriptHandler, {"kept_in": settings.page_cache})
    kwargs["extra_patterns"] = [*kwargs["extra_patterns"], scripts, (r"/?", RootRedirect, {"app": "app"})]
    server = pn.serve({"app": app}, show=False, start=False, title=TITLE, liveness=True, **kwargs)
    ClosedSessionSweeper(server).start(settings.check_sessions_ms)
    server.start()
    server.io_loop.start()
