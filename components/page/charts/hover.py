"""Tooltip fields written by the page's own number formatting (words/number_format.py's JS twin)."""

from __future__ import annotations

from bokeh.models import CustomJSHover

from ...words.number_format import FORMAT_NUMBER_JS


def hover_formatter(call: str) -> CustomJSHover:
    """A tooltip field printed by this module's JS, ``call`` on ``value``: "formatFixed(value, 4)".

    Bokeh's own tooltip formats (NumeralJS) print "-0.0000" for −1.2e−8, with a hyphen.
    """
    return CustomJSHover(code=FORMAT_NUMBER_JS + f"return {call};")
