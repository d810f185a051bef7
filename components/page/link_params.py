"""A view's own controls in the page's link: ?view=sampling&seed=7&count=100.

A view names a widget and how its value is written (``ExerciseView.in_link``); the spec travels
in the widget's ``tags`` as JSON, so the page's link code (static/js/callbacks/shell/functions/
view_params.js) reads and writes any view's parameters without knowing the view. A view's
parameters are written only while its tab is the link's view, and only when they differ from
the view's first value, so links stay short and names (seed) may repeat across views.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Literal

from bokeh.model import Model

LINK_TAG = "link-param:"  # the first tag of a widget in the link: this prefix, then its spec as JSON

Kind = Literal["number", "choice", "bool"]


def link_spec(
    slug: str, name: str, *, prop: str = "value", kind: Kind = "number", default: Any,
    low: float | None = None, high: float | None = None, integer: bool = False,
    choices: Sequence[str] | None = None, off_at_end: bool = False,
) -> str:
    """The tag that puts a widget's ``prop`` into the link as ``name`` while ``slug`` is shown.

    ``number``: read like every typed number (InputCheck), clamped to [low, high], rounded when
    ``integer``; ``choice``: one of ``choices`` (``prop`` "active" holds its index, "value" the
    text); ``bool``: on / off (``prop`` "active"). ``off_at_end``: the widget's end means "off"
    whatever the end is now (top-k at K), so it is never written, like the default."""
    if kind == "number" and (low is None or high is None):
        raise ValueError(f"link parameter {name}: a number needs low and high")
    if kind == "choice" and not choices:
        raise ValueError(f"link parameter {name}: a choice needs its choices")
    spec = {"slug": slug, "name": name, "prop": prop, "kind": kind, "default": default, "low": low,
            "high": high, "integer": integer, "choices": list(choices or []), "off_at_end": off_at_end}
    return LINK_TAG + json.dumps(spec, separators=(",", ":"))


def link_widgets(models: Sequence[Model]) -> list[Model]:
    """The widgets among ``models`` that carry a link spec."""
    return [model for model in models
            if model.tags and isinstance(model.tags[0], str) and model.tags[0].startswith(LINK_TAG)]


def spec_of(model: Model) -> dict[str, Any]:
    """A link widget's spec, as the browser reads it."""
    return json.loads(model.tags[0][len(LINK_TAG):])
