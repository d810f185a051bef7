"""Tooltip fields written by the page's own number formatting (static/js/lib/number_format.js)."""

from __future__ import annotations

from bokeh.models import CustomJS, CustomJSHover

from ...browser.browser_js import MODULES_ARG

# A tooltip formatter is no callback (no cb_context): it loads the page's modules as the
# prelude does (static/js/prelude/load_modules.js).
LOAD_NUMBER_FORMAT_JS = f"""
const {{formatNumber, formatFixed}} =
  ({MODULES_ARG}.__softmaxLabModules ??= new Function({MODULES_ARG}.code)()).NumberFormat;
"""


def hover_formatter(call: str, modules: CustomJS) -> CustomJSHover:
    """A tooltip field printed by the page's NumberFormat, ``call`` on ``value``: "formatFixed(value, 4)".

    Bokeh's own tooltip formats (NumeralJS) print "-0.0000" for −1.2e−8, with a hyphen.
    ``modules``: the page's browser modules (``Controls.browser_modules``).
    """
    return CustomJSHover(code=LOAD_NUMBER_FORMAT_JS + f"return {call};", args={MODULES_ARG: modules})
