"""Bokeh CustomJS callbacks that carry the browser modules of static/.

``static/softmax_math.js`` (the twin of the numpy math) and ``static/input_check.js``
(reading typed and linked numbers) are inlined into the callbacks that use them
instead of being served from a route: the same callback then works in a served
session, in a notebook and in the static export, with no request and no CDN.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bokeh.models import CustomJS

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
MATH_JS_SOURCE = (STATIC_DIR / "softmax_math.js").read_text(encoding="utf-8")
INPUT_CHECK_JS_SOURCE = (STATIC_DIR / "input_check.js").read_text(encoding="utf-8")

# Writes a Div's HTML in place. Setting ``div.text`` re-renders the Div and
# re-computes the layout of the whole page (about 6 ms a change, measured with
# benchmarks/input_to_paint.py); writing the rendered element and updating the model
# silently keeps one slider change within one frame.
SET_HTML_JS = """
function setHtml(div, html) {
  const view = cb_context?.index?.find_one(div);
  if (view == null || view.markup_el == null) { div.text = html; return; }
  div.setv({text: html}, {silent: true});
  if (view.markup_el.innerHTML !== html) view.markup_el.innerHTML = html;
}
"""

# Fills a template of components/i18n.py: "{name}" -> values.name (left as is when absent).
# The browser twin of Texts.__call__, so one template serves Python and JS.
FORMAT_TEXT_JS = """
function formatText(template, values = {}) {
  return String(template).replace(/\\{(\\w+)\\}/g, (m, key) => (key in values ? String(values[key]) : m));
}
"""

# Reads the current inputs from the controls; every view's callback starts here.
READ_INPUTS_JS = """
const z = z_sliders.slice(0, k_slider.value).map((s) => s.value);
const tau = 10 ** log_tau_slider.value;
"""


def math_callback(code: str, **args: Any) -> CustomJS:
    """A CustomJS whose body sees ``SoftmaxMath``, ``setHtml``, ``formatText``, ``z``, ``tau`` then ``code``.

    ``args`` must include ``Controls.js_args``.
    """
    format_text = FORMAT_TEXT_JS if "formatText" in code else ""  # every callback is a copy in the page
    source = MATH_JS_SOURCE + SET_HTML_JS + format_text + READ_INPUTS_JS + code
    return CustomJS(code=source, args=args, module=False)


def input_callback(code: str, **args: Any) -> CustomJS:
    """A CustomJS whose body sees ``InputCheck`` and ``formatText`` before ``code``.

    ``InputCheck.readNumber`` needs ``messages``: ``Texts.templates("input.")``.
    """
    return CustomJS(code=FORMAT_TEXT_JS + INPUT_CHECK_JS_SOURCE + code, args=args, module=False)


def math_input_callback(code: str, **args: Any) -> CustomJS:
    """A math_callback whose body also sees ``InputCheck``: for views that read typed numbers.

    ``args`` must include ``Controls.js_args``.
    """
    source = MATH_JS_SOURCE + FORMAT_TEXT_JS + INPUT_CHECK_JS_SOURCE + SET_HTML_JS + READ_INPUTS_JS + code
    return CustomJS(code=source, args=args, module=False)
