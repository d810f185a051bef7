"""softmax-lab: compose the demo and serve it (or export it).

    python app.py                 serve on http://127.0.0.1:5006 (PORT, ADDRESS override)
    panel serve app.py            the same app under Panel's own command line
"""

from __future__ import annotations

import os
import sys

import panel as pn

from components.page import TITLE, SoftmaxLab


def create_app() -> pn.viewable.Viewable:
    """A fresh state and page for every session: no two users share sliders."""
    return SoftmaxLab()


def serve(port: int, address: str) -> None:
    pn.serve(
        {"app": create_app}, port=port, address=address, show=False, title=TITLE,
        liveness=True, allow_websocket_origin=[f"{address}:{port}", f"localhost:{port}"],
        index="app",
    )


def main(argv: list[str]) -> int:
    serve(int(os.environ.get("PORT", "5006")), os.environ.get("ADDRESS", "127.0.0.1"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
elif __name__.startswith("bokeh_app"):
    create_app().servable(title=TITLE)
