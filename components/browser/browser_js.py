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

Every callback's code is a file of static/js/callbacks/<area>/ that names its Bokeh arguments
in a ``/* global ... */`` comment: ``js_callback`` (with the prelude: the modules, and with
``math=True`` also ``z`` and ``tau``), ``js_code`` (a plain CustomJS, for code that uses no
module) and ``js_formatter`` (a CustomJSTickFormatter) check that each is given. Functions that
several callbacks call are files of callbacks/<area>/functions/ (``functions=``), placed before
the callback. Parameters are arguments, never written into the code.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from bokeh.models import CustomJS, CustomJSTickFormatter


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
                           "formatNumber", "formatFixed", "powerHtml",
                           "Rng", "Sampling", "Decoding", "Bandit", "Relatives", "Training"})
READ_INPUTS_NAMES = frozenset({"z", "tau"})
BOKEH_NAMES = frozenset({"cb_obj", "cb_data", "cb_context"})
# The names BokehJS gives a CustomJSTickFormatter's code.
FORMATTER_NAMES = frozenset({"tick", "index", "ticks"})
_GLOBAL_COMMENT = re.compile(r"/\*\s*global\s+([^*]*)\*/")
_EXPORTED_COMMENT = re.compile(r"/\*\s*exported\s+([^*]*)\*/")
# A file's opening comments: what it does, where it is used, its /* global */ and /* exported */ lines.
_HEADER = re.compile(r"\A(?:\s*(?://[^\n]*|/\*.*?\*/))*\s*", re.DOTALL)


@cache
def js_source(relative: str) -> str:
    """The text of static/js/``relative`` (read once per process)."""
    return (JS_DIR / relative).read_text(encoding="utf-8")


def _comment_names(pattern: re.Pattern[str], source: str) -> set[str]:
    return {name.strip().split(":")[0] for match in pattern.finditer(source)
            for name in match.group(1).split(",") if name.strip()}


def without_header(source: str) -> str:
    """``source`` without its opening comments, which are for readers and eslint: the page does
    not carry them into every callback that uses the file (~16 KB a session's document)."""
    return source[_HEADER.match(source).end():]


def declared_names(source: str) -> set[str]:
    """The names a file's ``/* global a, b */`` comments declare (its Bokeh arguments)."""
    return _comment_names(_GLOBAL_COMMENT, source)


def exported_names(source: str) -> set[str]:
    """The functions a file's ``/* exported a, b */`` comments define for the callbacks after it."""
    return _comment_names(_EXPORTED_COMMENT, source)


def without_comment_lines(source: str) -> str:
    """``source`` without its whole-line // comments and blank lines: they stay in the files, the
    page (served to every visitor, and the offline file's 2 MB budget) does not need them."""
    return "".join(line for line in source.splitlines(keepends=True)
                   if line.strip() and not line.lstrip().startswith("//"))


# The library modules, in the order they are defined (formatText first: InputCheck uses it).
LIB_FILES = ("format_text.js", "softmax_math.js", "number_format.js", "input_check.js", "set_html.js",
             "rng.js", "sampling.js", "decoding.js", "bandit.js", "relatives.js",
             "training.js")  # bandit uses rng, sampling; training uses rng
MATH_JS_SOURCE = js_source("lib/softmax_math.js")
INPUT_CHECK_JS_SOURCE = js_source("lib/input_check.js")
NUMBER_FORMAT_JS_SOURCE = js_source("lib/number_format.js")

# The body of the per-page modules model: a function body that defines every module and returns them.
MODULES_JS = (
    '"use strict";\n' + "".join(without_comment_lines(js_source(f"lib/{name}")) for name in LIB_FILES)
    + "return Object.freeze({SoftmaxMath, InputCheck, NumberFormat, formatText, setHtmlIn, "
    + "Rng, Sampling, Decoding, Bandit, Relatives, Training});\n"
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


def callback_source(path: str, functions: tuple[str, ...], given: Any, available: frozenset[str]) -> str:
    """static/js/callbacks/``path``, after the files of ``functions`` it calls (each a
    callbacks/**/functions/ file whose ``/* exported */`` comment names what it defines).

    Every name the files' ``/* global */`` comments declare must be in ``given`` (the
    arguments), in ``available`` (what the page gives the code) or exported by a functions file,
    so that a missing argument fails when the page is built, not in the browser. The files'
    opening comments stay in the files (without_header).
    """
    sources = [js_source(f"callbacks/{name}") for name in (*functions, path)]
    exported = set().union(*map(exported_names, sources))
    missing = set().union(*map(declared_names, sources)) - set(given) - available - exported
    if missing:
        raise TypeError(f"callbacks/{path} needs {sorted(missing)}")
    return "".join(map(without_header, sources))


def js_callback(path: str, *, math: bool = False, functions: tuple[str, ...] = (), **args: Any) -> CustomJS:
    """The callback in static/js/callbacks/``path``; ``math``: it also sees ``z`` and ``tau``.

    The file names its Bokeh arguments in a ``/* global ... */`` comment (eslint reads it too);
    each must be given here, so a missing one fails when the page is built, not in the browser.
    ``args`` must include ``Controls.js_args`` (or at least ``browser_modules=``).
    ``functions``: files of callbacks/**/functions/ whose functions it calls (callback_source).
    """
    source = callback_source(path, functions, args, PRELUDE_NAMES | BOKEH_NAMES | (
        READ_INPUTS_NAMES if math else frozenset()))
    return (math_callback if math else browser_callback)(source, **args)


def js_code(path: str, *, functions: tuple[str, ...] = (), **args: Any) -> CustomJS:
    """A plain CustomJS whose code is static/js/callbacks/``path``, without the prelude: for code
    that uses none of the browser modules. Its arguments are checked as js_callback checks them."""
    return CustomJS(code=callback_source(path, functions, args, BOKEH_NAMES), args=args)


def js_formatter(path: str, **args: Any) -> CustomJSTickFormatter:
    """A CustomJSTickFormatter whose code is static/js/callbacks/``path`` (it sees ``tick``,
    ``index`` and ``ticks``); its arguments are checked as js_callback checks them."""
    return CustomJSTickFormatter(code=callback_source(path, (), args, FORMATTER_NAMES), args=args)
