"""How the server runs, from environment variables: one place for `python app.py`,
the container and the tests.

    SOFTMAX_LAB_ADDRESS          interface to bind (default 127.0.0.1; 0.0.0.0 in the container)
    SOFTMAX_LAB_PORT             port (default 5006)
    SOFTMAX_LAB_ALLOWED_ORIGINS  comma-separated host[:port] pages allowed to open a session
                                 (embedding by <script> or iframe); default: this server only.
                                 file: lets pages opened from disk (file://) show it in an iframe
    SOFTMAX_LAB_NUM_PROCS        worker processes sharing the port (default 1; 0 = one per core)
    SOFTMAX_LAB_PREFIX           URL prefix behind a reverse proxy, e.g. /softmax (default none)
    SOFTMAX_LAB_SESSION_LIFETIME_MS  how long an unused session is kept (default 15000)
    SOFTMAX_LAB_MAX_SESSIONS     open sessions past which a new page gets HTTP 503 and a page
                                 that retries by itself (default 2000: ~250 MB; serving/busy.py)
    SOFTMAX_LAB_STATS            1 to answer /stats with the open sessions and the memory in use
                                 (for monitoring and the load tests; off by default)
    SOFTMAX_LAB_PAGE_CACHE       folder where the built page is kept for the next start of the same
                                 code (serving/page_cache.py; default $XDG_CACHE_HOME/softmax-lab,
                                 else ~/.cache/softmax-lab); "off" builds it at every start
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bokeh.settings import settings as bokeh_settings
from tornado.httputil import HTTPHeaders
from tornado.ioloop import PeriodicCallback
from tornado.web import GZipContentEncoding, OutputTransform, RequestHandler

# In SOFTMAX_LAB_ALLOWED_ORIGINS: pages opened from disk (file://), e.g. a course site built by
# Sphinx or MkDocs and opened before it is uploaded. Such a page has no host: it is a CSP scheme
# source in frame-ancestors, and no websocket origin (an iframe's websocket comes from the app's
# own origin; Bokeh refuses to start with a "host" without one).
FILE_PAGES = "file:"


class SettingsError(ValueError):
    """An environment variable that cannot be used; the message says which and why."""


def _origin(listed: str) -> str:
    """One entry of SOFTMAX_LAB_ALLOWED_ORIGINS; file:, file:// and FILE:// all mean pages on disk."""
    origin = listed.strip()
    return FILE_PAGES if origin.lower() in ("file:", "file://") else origin


def _int(environ: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a whole number") from None
    if not low <= value <= high:
        raise SettingsError(f"{name}={value} is outside {low}..{high}")
    return value


@dataclass(frozen=True)
class ServerSettings:
    address: str = "127.0.0.1"
    port: int = 5006
    allowed_origins: tuple[str, ...] = ()
    num_procs: int = 1
    prefix: str = ""
    session_lifetime_ms: int = 15000
    max_sessions: int = 2000
    stats: bool = False
    page_cache: Path | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> ServerSettings:
        address = environ.get("SOFTMAX_LAB_ADDRESS", "").strip() or cls.address
        port = _int(environ, "SOFTMAX_LAB_PORT", cls.port, 1, 65535)
        listed = environ.get("SOFTMAX_LAB_ALLOWED_ORIGINS", "").split(",")
        origins = tuple(_origin(origin) for origin in listed if origin.strip())
        for origin in origins:
            if origin != FILE_PAGES and ("/" in origin or " " in origin):
                raise SettingsError(f"SOFTMAX_LAB_ALLOWED_ORIGINS: {origin!r} must be host or host:port")
        prefix = environ.get("SOFTMAX_LAB_PREFIX", "").strip().strip("/")
        return cls(
            address=address, port=port, allowed_origins=origins,
            num_procs=_int(environ, "SOFTMAX_LAB_NUM_PROCS", cls.num_procs, 0, 64),
            prefix=f"/{prefix}" if prefix else "",
            session_lifetime_ms=_int(environ, "SOFTMAX_LAB_SESSION_LIFETIME_MS", cls.session_lifetime_ms,
                                     1000, 86_400_000),
            max_sessions=_int(environ, "SOFTMAX_LAB_MAX_SESSIONS", cls.max_sessions, 1, 100_000),
            stats=environ.get("SOFTMAX_LAB_STATS", "").strip() == "1",
            page_cache=_page_cache(environ),
        )

    @property
    def check_sessions_ms(self) -> int:
        """How often unused sessions are looked for (and memory released after they close)."""
        return min(self.session_lifetime_ms, 5000)

    @property
    def frame_ancestors(self) -> str:
        """CSP frame-ancestors: the pages that may show the app in an iframe."""
        return " ".join(["'self'", *self.allowed_origins])

    def server_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``pn.serve`` (Bokeh server and tornado settings)."""
        return {
            "address": self.address, "port": self.port, "prefix": self.prefix,
            "allow_websocket_origin": self.websocket_origins, "num_procs": self.num_procs,
            # Bokeh's own names: any other key is silently taken as a tornado setting and ignored.
            "unused_session_lifetime_milliseconds": self.session_lifetime_ms,
            "check_unused_sessions_milliseconds": self.check_sessions_ms,
            # Tornado output transforms: gzip (Bokeh's JS is 1.3 MB, 0.35 MB compressed) and headers.
            "transforms": [GZipContentEncoding, security_headers(self.frame_ancestors)],
            "extra_patterns": [(r"/stats", StatsHandler)] if self.stats else [],
        }

    @property
    def websocket_origins(self) -> list[str]:
        """The serving host itself (as typed in a browser) plus the configured origins."""
        own = {f"localhost:{self.port}", f"127.0.0.1:{self.port}"}
        if self.address not in ("0.0.0.0", "::", ""):
            own.add(f"{self.address}:{self.port}")
        return sorted((own | set(self.allowed_origins)) - {FILE_PAGES})


def _page_cache(environ: Mapping[str, str]) -> Path | None:
    """SOFTMAX_LAB_PAGE_CACHE as a folder (None: "off"; no home folder: none either)."""
    raw = environ.get("SOFTMAX_LAB_PAGE_CACHE", "").strip()
    if raw.lower() == "off":
        return None
    if raw:
        return Path(raw)
    if environ.get("XDG_CACHE_HOME", "").strip():
        return Path(environ["XDG_CACHE_HOME"].strip()) / "softmax-lab"
    home = environ.get("HOME", "").strip()
    return Path(home) / ".cache" / "softmax-lab" if home else None


def security_headers(frame_ancestors: str) -> type[OutputTransform]:
    """A tornado transform adding security headers to every response of the server."""

    class SecurityHeaders(OutputTransform):
        def transform_first_chunk(
            self, status_code: int, headers: HTTPHeaders, chunk: bytes, finishing: bool
        ) -> tuple[int, HTTPHeaders, bytes]:
            headers["Content-Security-Policy"] = f"frame-ancestors {frame_ancestors}"
            headers["X-Content-Type-Options"] = "nosniff"
            headers["Referrer-Policy"] = "same-origin"
            return status_code, headers, chunk

    return SecurityHeaders


def skip_document_validation(environ: Mapping[str, str]) -> None:
    """Open sessions without Bokeh's validation of each new document, unless BOKEH_VALIDATE_DOC
    is set (e.g. =true while debugging a view).

    Bokeh checks every session's document for mistakes such as a plot without renderers:
    ~90 ms of server CPU per session here, an eighth of opening one, to find what is the same
    in every session. tests/test_components.py runs those checks on every page and view instead.
    The setting is the process's: another Bokeh app served or saved by the same process is not
    validated either, and a validate_doc in a Bokeh config file is overridden.
    """
    if "BOKEH_VALIDATE_DOC" not in environ:
        bokeh_settings.perform_document_validation.set_value(False)


def release_memory() -> None:
    """Free what closed sessions leave behind.

    A session's document, models and views form reference cycles, which only CPython's full
    (generation 2) collection frees; that runs rarely once a server holds a million objects, so
    without this call the memory of every closed session stays allocated until the next class
    arrives. malloc_trim then gives glibc's freed heap pages back to the system.
    """
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: the collection alone still helps
        ctypes.CDLL("libc.so.6").malloc_trim(0)


class ClosedSessionSweeper:
    """Calls release_memory once sessions have closed (checked with the unused-session check)."""

    def __init__(self, server: Any, release: Callable[[], None] = release_memory) -> None:
        self.server = server
        self.release = release
        self.open_sessions = 0

    def check(self) -> None:
        count = len(self.server.get_sessions())
        if count < self.open_sessions:
            self.release()
        self.open_sessions = count

    def start(self, every_ms: int) -> PeriodicCallback:
        callback = PeriodicCallback(self.check, every_ms)
        callback.start()
        return callback


def resident_memory_mb() -> float:
    """This process's resident memory (Linux), in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class StatsHandler(RequestHandler):
    """GET /stats: {"sessions": open sessions, "rss_mb": resident memory} of this process."""

    def get(self) -> None:
        bokeh = self.application
        sessions = sum(len(bokeh.get_sessions(path)) for path in bokeh.app_paths)
        self.set_header("Cache-Control", "no-store")
        self.write({"sessions": sessions, "rss_mb": round(resident_memory_mb(), 1)})
