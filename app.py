"""softmax-lab: compose the demo and serve it, or export it as one HTML file.

    python app.py                  serve on http://127.0.0.1:5006/app (see components/serving/settings.py)
    python app.py export demo.html write the self-contained, offline page
    python app.py export --lang zh-Hant demo-zh.html    the same page in Traditional Chinese
    panel serve app.py             the same app under Panel's own command line
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def use_system_allocator(argv: list[str]) -> None:
    """Serve with the C library's malloc instead of pymalloc: re-executes this process once.

    pymalloc returns a 1 MiB arena only when every object in it is free, so a few objects
    that outlive a class pin most of what the class used (after 50 sessions closed: 153 MB
    against 97 MB idle); with malloc, ClosedSessionSweeper's malloc_trim gives it back
    (85 MB against 84 MB idle). docs/memory.md has the numbers. PYTHONMALLOC must be set
    before Python starts, hence the re-exec; an explicit PYTHONMALLOC (e.g. pymalloc) is kept.
    """
    serving = not argv or argv[0] == "serve"
    if serving and "PYTHONMALLOC" not in os.environ:
        environ = {**os.environ, "PYTHONMALLOC": "malloc"}
        os.execve(sys.executable, [sys.executable, *sys.orig_argv[1:]], environ)


if __name__ == "__main__":
    use_system_allocator(sys.argv[1:])  # before the heavy imports below: they would be done twice

import panel as pn  # noqa: E402

from components.page.shell.page import TITLE, SoftmaxLab  # noqa: E402
from components.serving.page_resources import serve_only_used_resources  # noqa: E402
from components.serving.settings import (  # noqa: E402
    ClosedSessionSweeper,
    ServerSettings,
    SettingsError,
    skip_document_validation,
)
from components.serving.static_export import export  # noqa: E402
from components.words.i18n import DEFAULT_LANGUAGE, LANGUAGES  # noqa: E402


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


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python app.py", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("serve", help="serve the app (the default)")
    export_parser = commands.add_parser("export", help="write the demo as one offline HTML file")
    export_parser.add_argument("file", type=Path, help="where to write the page, e.g. demo.html")
    export_parser.add_argument("--lang", choices=list(LANGUAGES), default=DEFAULT_LANGUAGE,
                               help="the page's language (default: %(default)s)")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.command == "export":
        try:
            unusable = args.file.is_dir() or not args.file.parent.is_dir()
        except OSError:  # e.g. a name longer than the file system allows
            unusable = True
        if unusable:
            print(f"softmax-lab: cannot write {args.file}: give a file path in an existing folder",
                  file=sys.stderr)
            return 2
        try:
            size = export(args.file, lang=args.lang)
        except OSError as error:
            print(f"softmax-lab: cannot write {args.file}: {error.strerror}", file=sys.stderr)
            return 2
        print(f"softmax-lab: wrote {args.file} ({size / 1e6:.2f} MB, no network needed)")
        return 0
    try:
        settings = ServerSettings.from_env(os.environ)
    except SettingsError as error:
        print(f"softmax-lab: {error}", file=sys.stderr)
        return 2
    print(f"softmax-lab: serving http://{settings.address}:{settings.port}{settings.prefix}/app", flush=True)
    serve(settings)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
elif __name__.startswith("bokeh_app"):
    create_app()
