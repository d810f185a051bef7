"""The page every visitor of a language gets: built once, kept as the JSON and HTML it becomes.

A visitor's page is the same Bokeh document for everyone who opens the link in one language: the
maths runs in the browser and the link's state (z, tau, K, range, view, theme) is applied there
(page/shell/url_state.py). Building and serialising that document is most of what a Panel
session costs (245 models: ~0.5 s of CPU), so it is done once per language and process, and a
visitor's own server session holds only what differs: its state (serving/visitor.py).

The page reaches the browser as a standalone Bokeh document beside the visitor's session
(templates/page.html): served by `python app.py`, its script is one file per language and
build (/softmax-page/<lang>-<hash>.js, PageScriptHandler), compressed once and cached by the
browser, so a visitor's own HTML is a few kilobytes and costs the server no compression of the
page; under `panel serve` (no such route) the script is inside the HTML. When its document is
ready it names its inputs on ``window.softmaxLab`` (static/js/callbacks/serving/page_ready.js),
where the visitor's session finds them (link.js) to send the state to Python.
"""

from __future__ import annotations

import gc
import gzip
import hashlib
import threading
from dataclasses import dataclass, field
from pathlib import Path

from bokeh.document import Document
from bokeh.embed.elements import div_for_render_item, script_for_render_items
from bokeh.embed.util import standalone_docs_json_and_render_items
from bokeh.embed.wrappers import wrap_in_script_tag
from bokeh.models import CustomJS
from markupsafe import Markup
from tornado.web import HTTPError, RequestHandler

from ..browser.browser_js import js_source
from ..page.context import Inputs
from ..page.shell.page import SoftmaxLab
from ..words.i18n import LANGUAGES
from . import page_cache


@dataclass(frozen=True)
class SharedPage:
    """What a visitor's HTML carries of the shared page: its root elements and the script that
    renders the document into them (both Markup: inserted as they are), and its words."""

    divs: Markup
    script: Markup
    title: str
    lang: str
    description: str
    js: bytes = field(repr=False)  # the script's code, for the page's script file
    js_gzip: bytes = field(repr=False)

    def as_text(self) -> dict[str, str]:
        """The page as text (serving/page_cache.py keeps it so)."""
        return {"divs": str(self.divs), "script": str(self.script), "title": self.title, "lang": self.lang,
                "description": self.description, "js": self.js.decode("utf-8")}

    @classmethod
    def from_text(cls, text: dict[str, str]) -> SharedPage:
        js = text["js"].encode("utf-8")
        return cls(divs=Markup(text["divs"]), script=Markup(text["script"]), title=text["title"],
                   lang=text["lang"], description=text["description"], js=js, js_gzip=_gzip(js))

    @property
    def js_name(self) -> str:
        """The script file's name: a new build of the page gets a new name, so browsers may
        cache a name for ever."""
        return f"{self.lang}-{hashlib.sha256(self.js).hexdigest()[:16]}.js"


# One build at a time: the server starts building the default page in the background (server.py)
# and a first visitor arriving meanwhile waits for that build instead of starting another.
_BUILDING = threading.Lock()
_PAGES: dict[str, SharedPage] = {}  # per language, for the process's life (the same for all)


def shared_page(lang: str, kept_in: Path | None = None) -> SharedPage:
    """The page in ``lang``, built once per process (see _build_page); with ``kept_in`` (a folder,
    SOFTMAX_LAB_PAGE_CACHE), read from there when a start before this one built the same page,
    and kept there when built (serving/page_cache.py)."""
    with _BUILDING:
        page = _PAGES.get(lang)
        if page is None:
            kept = page_cache.load(kept_in, lang) if kept_in is not None else None
            if kept is not None:
                page = SharedPage.from_text(kept)
            else:
                page = _build_page(lang)
                if kept_in is not None:
                    page_cache.store(kept_in, page.as_text())
            _PAGES[lang] = page
            keep_out_of_collections()
        return page


def keep_out_of_collections() -> None:
    """What the process holds now (modules, classes, the built pages: ~170 000 objects, all kept
    for the process's life) is left out of every later garbage collection.

    A full collection walks every tracked object: ~65 ms of one core here, more on a busy
    machine, with the event loop stopped; it runs by itself as sessions allocate, and after
    sessions close (Panel's and ClosedSessionSweeper's). While a class arrived, such pauses
    were the slowest turns of the loop (~300 ms). Frozen, a collection walks only what came
    after: the sessions, which are still freed as before. Collected first, so no garbage is kept.
    """
    gc.collect()
    gc.freeze()


def _gzip(js: bytes) -> bytes:
    return gzip.compress(js, 9, mtime=0)


def _build_page(lang: str) -> SharedPage:
    """The page in ``lang`` (a code of words/i18n.py), built on first use and kept for the process.

    Its document is never served as a session: nothing of it runs in Python (no Python callback),
    so one copy serves every visitor, in any order, from any thread.
    """
    lab = SoftmaxLab(sync_to_python=False, follow_page_url=True, lang=lang)
    document = Document(title=lab.title)
    lab.attach(document)
    document.add_root(lab.model)
    inputs = lab.controls.inputs
    document.js_on_event("document_ready", _page_ready(lab, inputs))
    docs_json, render_items = standalone_docs_json_and_render_items(document, suppress_callback_warning=True)
    divs = Markup("".join(div_for_render_item(item) for item in render_items))
    code = script_for_render_items(docs_json, render_items)
    js = code.encode("utf-8")
    return SharedPage(divs=divs, script=Markup(wrap_in_script_tag(code)), title=lab.title, lang=lab.lang,
                      description=lab.texts("page.description"), js=js, js_gzip=_gzip(js))


def built_page(js_name: str, kept_in: Path | None = None) -> SharedPage | None:
    """The page built in this process whose script file is ``js_name`` (None: no such build)."""
    lang = js_name.rsplit("-", 1)[0]
    if lang not in LANGUAGES:
        return None
    page = shared_page(lang, kept_in)
    return page if page.js_name == js_name else None


def _page_ready(lab: SoftmaxLab, inputs: Inputs) -> CustomJS:
    """What the page names on window.softmaxLab once its document is ready (page_ready.js)."""
    return CustomJS(code=js_source("callbacks/serving/page_ready.js"), args={
        "z_sliders": inputs.z_sliders, "log_tau_slider": inputs.log_tau_slider, "k_slider": inputs.k_slider,
        "range_buttons": inputs.range_buttons, "tabs": lab.exercises.tabs, "banner": lab.connection.model,
    })



PAGE_SCRIPTS = "softmax-page"  # the route of the pages' script files


class PageScriptHandler(RequestHandler):
    """/softmax-page/<lang>-<hash>.js: a built page's script, compressed once, cached for ever."""

    def initialize(self, kept_in: Path | None = None) -> None:
        self.kept_in = kept_in  # SOFTMAX_LAB_PAGE_CACHE: another process may have built the page

    def get(self, js_name: str) -> None:
        page = built_page(js_name, self.kept_in)
        if page is None:
            raise HTTPError(404)
        self.set_header("Content-Type", "text/javascript; charset=utf-8")
        self.set_header("Cache-Control", "public, max-age=31536000, immutable")
        self.set_header("Vary", "Accept-Encoding")
        if "gzip" in self.request.headers.get("Accept-Encoding", ""):
            self.set_header("Content-Encoding", "gzip")  # the server's gzip transform then leaves it
            self.finish(page.js_gzip)
        else:
            self.finish(page.js)
