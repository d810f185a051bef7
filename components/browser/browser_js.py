"""Bokeh CustomJS callbacks whose code is a file of static/js/, and the browser modules they use.

The library modules of static/js/lib/ (``SoftmaxMath``, the twin of the numpy math;
``InputCheck``, reading typed and linked numbers; ``NumberFormat``; ``formatText``;
``setHtml``) travel inside the
page's own Bokeh document instead of being served from a route: the same callbacks then
work in a served session, in a notebook and in the static export, with no request and no
CDN.

They travel once per page. Inlining them into every callback that used them put
``softmax_math.js`` into the page 12 times and ``input_check.js`` 6 times (~69 KB of a
320 KB document, serialised for every session, and 2 % of the static export's budget).
Now one per-page model, ``browser_modules()`` (a CustomJS whose code is the modules,
built by Controls and passed to every callback in ``Controls.js_args``), holds the
sources; each callback starts with static/js/prelude/load_modules.js, which evaluates them with
``new Function`` on first use and keeps the result on that model, so the modules are
evaluated once per page and every callback shares them. ``new Function`` is what BokehJS
itself uses to compile every CustomJS, so a page that runs Bokeh callbacks allows it.
There is no module-level model: a Bokeh model belongs to one document, and each session
has its own page.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from bokeh.models import CustomJS


def _static_dir() -> Path:
    """static/: inside the package when installed (softmax_lab/static, where the wheel puts it),
    beside components/ in a clone (repo/static, the layout `python app.py` and the container use)."""
    package = Path(__file__).resolve().parents[1]
    installed, clone = package / "static", package.parent / "static"
    return installed if installed.is_dir() else clone


STATIC_DIR = _static_dir()
JS_DIR = STATIC_DIR / "js"

# The argument name under which every callback receives the page's browser_modules().
MODULES_ARG = "browser_modules"
# The names the prelude gives every callback, and those BokehJS gives every CustomJS.
PRELUDE_NAMES = frozenset({"SoftmaxMath", "InputCheck", "NumberFormat", "formatText", "setHtml", "setHtmlIn",
                           "formatNumber", "formatFixed", "powerHtml"})
READ_INPUTS_NAMES = frozenset({"z", "tau"})
BOKEH_NAMES = frozenset({"cb_obj", "cb_data", "cb_context"})
_GLOBAL_COMMENT = re.compile(r"/\*\s*global\s+([^*]*)\*/")


@cache
def js_source(relative: str) -> str:
    """The text of static/js/``relative`` (read once per process)."""
    return (JS_DIR / relative).read_text(encoding="utf-8")


def declared_names(source: str) -> set[str]:
    """The names a file's ``/* global a, b */`` comments declare (its Bokeh arguments)."""
    return {name.strip().split(":")[0] for match in _GLOBAL_COMMENT.finditer(source)
            for name in match.group(1).split(",") if name.strip()}


# The library modules, in the order they are defined (formatText first: InputCheck uses it).
LIB_FILES = ("format_text.js", "softmax_math.js", "number_format.js", "input_check.js", "set_html.js")
MATH_JS_SOURCE = js_source("lib/softmax_math.js")
INPUT_CHECK_JS_SOURCE = js_source("lib/input_check.js")
NUMBER_FORMAT_JS_SOURCE = js_source("lib/number_format.js")

# The body of the per-page modules model: a function body that defines every module and returns them.
MODULES_JS = (
    '"use strict";\n' + "".join(js_source(f"lib/{name}") for name in LIB_FILES)
    + "return Object.freeze({SoftmaxMath, InputCheck, NumberFormat, formatText, setHtmlIn});\n"
)
LOAD_MODULES_JS = js_source("prelude/load_modules.js")
READ_INPUTS_JS = js_source("prelude/read_inputs.js")


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


def js_callback(path: str, *, math: bool = False, **args: Any) -> CustomJS:
    """The callback in static/js/callbacks/``path``; ``math``: it also sees ``z`` and ``tau``.

    The file names its Bokeh arguments in a ``/* global ... */`` comment (eslint reads it too);
    each must be given here, so a missing one fails when the page is built, not in the browser.
    ``args`` must include ``Controls.js_args`` (or at least ``browser_modules=``).
    """
    source = js_source(f"callbacks/{path}")
    missing = declared_names(source) - args.keys() - PRELUDE_NAMES - BOKEH_NAMES - (
        READ_INPUTS_NAMES if math else frozenset())
    if missing:
        raise TypeError(f"callbacks/{path} needs {sorted(missing)}")
    return (math_callback if math else browser_callback)(source, **args)
