"""softmax-lab: the demo's code, in folders by kind (docs/architecture.md).

    model/    the math, the visitor's state and the presets: numpy and param, no UI
    words/    the texts of both languages and how numbers are written
    page/     what a visitor sees: controls, charts, exercise views, the page shell
    browser/  the glue that loads static/js into the page and works around BokehJS
    serving/  the server settings, resources, the offline export, the notebook entry

``from components import demo`` gives the notebook demo (installed by pip, this package is
``softmax_lab``: ``from softmax_lab import demo``); it is imported on first use so that
``components.model`` stays importable without Panel.
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name == "demo":
        from .serving.notebook import demo

        return demo
    raise AttributeError(name)
