"""softmax-lab: compose the demo and serve it (or export it).

    python app.py                 serve on http://127.0.0.1:5006 (see components/settings.py)
    panel serve app.py            the same app under Panel's own command line
"""

from __future__ import annotations

import os
import sys

import panel as pn

from components.page import TITLE, SoftmaxLab
from components.settings import ServerSettings, SettingsError


def create_app() -> pn.viewable.Viewable:
    """A fresh state and page for every session: no two users share sliders."""
    return SoftmaxLab()


def serve(settings: ServerSettings) -> None:
    """Serve the app the way the container and the README do."""
    pn.serve(
        {"app": create_app}, address=settings.address, port=settings.port, show=False, title=TITLE,
        allow_websocket_origin=settings.websocket_origins, num_procs=settings.num_procs,
        prefix=settings.prefix, unused_session_lifetime=settings.session_lifetime_ms,
        check_unused_sessions=min(settings.session_lifetime_ms, 5000), liveness=True,
    )


def main(argv: list[str]) -> int:
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
    create_app().servable(title=TITLE)
