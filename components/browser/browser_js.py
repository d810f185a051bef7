"""Bokeh CustomJS callbacks that use the browser modules of static/.

``static/softmax_math.js`` (the twin of the numpy math), ``static/input_check.js``
(reading typed and linked numbers), ``formatText`` and ``setHtml`` travel inside the
page's own Bokeh document instead of being served from a route: the same callbacks then
work in a served session, in a notebook and in the static export, with no request and no
CDN.

They travel once per page. Inlining them into every callback that used them put
``softmax_math.js`` into the page 12 times and ``input_check.js`` 6 times (~69 KB of a
320 KB document, serialised for every session, and 2 % of the static export's budget).
Now one per-page model, ``browser_modules()`` (a CustomJS whose code is the modules,
built by Controls and passed to every callback in ``Controls.js_args``), holds the
sources; each callback starts with LOAD_MODULES_JS, which evaluates them with
``new Function`` on first use and keeps the result on that model, so the modules are
evaluated once per page and every callback shares them. ``new Function`` is what BokehJS
itself uses to compile every CustomJS, so a page that runs Bokeh callbacks allows it.
There is no module-level model: a Bokeh model belongs to one document, and each session
has its own page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bokeh.models import CustomJS

STATIC_DIR = Path(__file__).resolve().parents[2] / "static"
MATH_JS_SOURCE = (STATIC_DIR / "softmax_math.js").read_text(encoding="utf-8")
INPUT_CHECK_JS_SOURCE = (STATIC_DIR / "input_check.js").read_text(encoding="utf-8")

# Writes a Div's HTML in place. Setting ``div.text`` re-renders the Div and
# re-computes the layout of the whole page (about 6 ms a change, measured with
# benchmarks/input_to_paint.py); writing the rendered element and updating the model
# silently keeps one slider change within one frame. ``index`` is the callback's
# ``cb_context.index`` (BokehJS's views), which only a callback sees: LOAD_MODULES_JS
# binds it, so views call ``setHtml(div, html)``.
SET_HTML_JS = """
function setHtmlIn(index, div, html) {
  const view = index?.find_one(div);
  if (view == null || view.markup_el == null) { div.text = html; return; }
  div.setv({text: html}, {silent: true});
  if (view.markup_el.innerHTML !== html) view.markup_el.innerHTML = html;
}
"""

# Fills a template of components/words/i18n.py: "{name}" -> values.name (left as is when absent).
# The browser twin of Texts.__call__, so one template serves Python and JS.
FORMAT_TEXT_JS = """
function formatText(template, values = {}) {
  return String(template).replace(/\\{(\\w+)\\}/g, (m, key) => (key in values ? String(values[key]) : m));
}
"""

# The argument name under which every callback receives the page's browser_modules().
MODULES_ARG = "browser_modules"

# The body of the per-page modules model: a function body that defines every module and
# returns them. formatText comes first: InputCheck fills its messages with it.
MODULES_JS = (
    '"use strict";\n' + FORMAT_TEXT_JS + MATH_JS_SOURCE + INPUT_CHECK_JS_SOURCE + SET_HTML_JS
    + "return Object.freeze({SoftmaxMath, InputCheck, formatText, setHtmlIn});\n"
)

# The first lines of every callback here: the page's modules, evaluated by the first
# callback that runs and kept on the model for all the others.
LOAD_MODULES_JS = f"""
const {{SoftmaxMath, InputCheck, formatText, setHtmlIn}} =
  ({MODULES_ARG}.__softmaxLabModules ??= new Function({MODULES_ARG}.code)());
const setHtml = (div, html) => setHtmlIn(cb_context?.index, div, html);
"""

# Reads the current inputs from the controls; every view's callback starts here.
READ_INPUTS_JS = """
const z = z_sliders.slice(0, k_slider.value).map((s) => s.value);
const tau = 10 ** log_tau_slider.value;
"""


def browser_modules() -> CustomJS:
    """A new page's one copy of the browser modules (Controls builds it; see the module docstring).

    A CustomJS because its ``code`` is a string property that BokehJS hands to the page as
    is; it is never attached to an event (run, it would only return the modules).
    """
    return CustomJS(code=MODULES_JS, module=False, name="softmax-lab-browser-modules")


def browser_callback(code: str, **args: Any) -> CustomJS:
    """A CustomJS whose body sees ``SoftmaxMath``, ``InputCheck``, ``formatText`` and ``setHtml``.

    ``args`` must include the page's modules: ``Controls.js_args`` carries them, or
    ``browser_modules=controls.browser_modules``.
    """
    if MODULES_ARG not in args:  # else the page would fail only in the browser, on first use
        raise TypeError(f"a browser callback needs {MODULES_ARG}= (Controls.js_args carries it)")
    return CustomJS(code=LOAD_MODULES_JS + code, args=args, module=False)


def math_callback(code: str, **args: Any) -> CustomJS:
    """A browser_callback that also sees ``z`` and ``tau`` (READ_INPUTS_JS) before ``code``.

    ``args`` must include ``Controls.js_args``.
    """
    return browser_callback(READ_INPUTS_JS + code, **args)


def input_callback(code: str, **args: Any) -> CustomJS:
    """A browser_callback for code that reads typed numbers with ``InputCheck``.

    ``InputCheck.readNumber`` needs ``messages``: ``Texts.templates("input.")``.
    """
    return browser_callback(code, **args)


def math_input_callback(code: str, **args: Any) -> CustomJS:
    """A math_callback for views that also read typed numbers (every module is in every callback now).

    ``args`` must include ``Controls.js_args``.
    """
    return math_callback(code, **args)
