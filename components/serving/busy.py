"""A full server says so: past SOFTMAX_LAB_MAX_SESSIONS open sessions, a new page gets HTTP 503.

Measured (benchmarks/flood.py): 1000 session opens in a minute from one client are all answered,
and the process stays near 170 MB; every open session holds ~0.08 MB. The cap keeps a larger
flood from growing the process past its memory limit (512 MiB in deploy/): a request the server
cannot take gets a short page in the visitor's language that says so and retries by itself
(Retry-After and a meta refresh), never a hang. The visitors already working are not touched.
"""

from __future__ import annotations

from html import escape
from typing import Any

from bokeh.server.urls import per_app_patterns
from panel.io.server import DocHandler

from ..words.i18n import Texts, choose_language
from .admission import ArrivalGate

RETRY_AFTER_S = 10


def busy_page(lang: str, seconds: int = RETRY_AFTER_S) -> str:
    """The 503 page: plain HTML with no script, so it costs the server nothing to send."""
    texts = Texts(choose_language(lang))
    title, text = escape(texts("busy.title")), escape(texts("busy.text", seconds=seconds))
    return (f'<!DOCTYPE html><html lang="{texts.lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta http-equiv="refresh" content="{seconds}"><title>{title}</title>'
            '<style>body { font-family: system-ui, sans-serif; max-width: 40em; margin: 3em auto; '
            'padding: 0 1em }</style></head><body>'
            f'<h1>{title}</h1><p>{text}</p><p><a href="">{escape(texts("busy.retry"))}</a></p></body></html>')


def capped_doc_handler(max_sessions: int, gate: ArrivalGate | None = None) -> type[DocHandler]:
    """Panel's page handler, answering 503 once the app holds ``max_sessions`` sessions, and
    building one arriving visitor's page at a time (serving/admission.py)."""
    gate = gate if gate is not None else ArrivalGate()

    class CappedDocHandler(DocHandler):
        async def get(self, *args: Any, **kwargs: Any) -> None:
            if self._full():  # a refused request does not queue
                return
            async with gate.admitted():
                if not self._full():  # sessions opened while this one waited count too
                    await super().get(*args, **kwargs)

        def _full(self) -> bool:
            """Answers the busy page when the app is full; says whether it did."""
            if len(self.application_context.sessions) < max_sessions:
                return False
            lang = self.get_argument("lang", "") or ""
            self.set_status(503)
            self.set_header("Retry-After", str(RETRY_AFTER_S))
            self.set_header("Cache-Control", "no-store")
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(busy_page(lang))
            return True

    return CappedDocHandler


def cap_sessions(max_sessions: int) -> None:
    """Serve pages through the capped handler (before the server is made: Bokeh reads its routes
    when it starts). The same replacement Panel makes of Bokeh's handler; ``python app.py`` and
    the command only (under ``panel serve`` Panel's own server is made before the app is read)."""
    for index, (route, handler, *rest) in enumerate(per_app_patterns):
        if route == r"/?" and issubclass(handler, DocHandler):
            per_app_patterns[index] = (route, capped_doc_handler(max_sessions), *rest)
            return
    raise RuntimeError("Panel's page handler was not found among Bokeh's routes")
