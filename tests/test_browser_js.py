"""The browser modules of static/ travel once per page, not once per callback (issue #8).

Inlined into every callback, softmax_math.js was in each page 12 times and input_check.js
6 times (~69 KB of a 320 KB document, serialised for every session). A line that only
each module has is counted in what the server sends and in the static export. That the
modules still work is for the browser tests (tests/browser/); that the JS math equals
numpy, for tests/browser/test_js_math*.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bokeh.core.json_encoder import serialize_json
from bokeh.document import Document
from bokeh.models import CustomJS, CustomJSTickFormatter

from components.browser.browser_js import (
    INPUT_CHECK_JS_SOURCE,
    JS_DIR,
    LOAD_MODULES_JS,
    MATH_JS_SOURCE,
    MODULES_ARG,
    NUMBER_FORMAT_JS_SOURCE,
    browser_callback,
    js_code,
    js_formatter,
    js_source,
    without_header,
)
from components.page.shell.page import SoftmaxLab
from components.serving.static_export import export_html

# One line of each module that nothing else on the page has (and that no escaping changes).
MODULE_LINES = {
    "softmax_math.js": (MATH_JS_SOURCE, "function checkVector(z) {"),
    "input_check.js": (INPUT_CHECK_JS_SOURCE, "function readNumber(raw, {"),
    "format_text.js": (js_source("lib/format_text.js"), "function formatText(template, values = {}) {"),
    "set_html.js": (js_source("lib/set_html.js"), "function setHtmlIn(index, div, html) {"),
    "number_format.js": (NUMBER_FORMAT_JS_SOURCE, "function formatFixed(v, decimals = 3, signed = false) {"),
}


def served_document(lab: SoftmaxLab) -> Document:
    """The document as app.py builds it for a session."""
    document = Document()
    lab.attach(document)
    document.add_root(lab.model)
    return document


def assert_each_module_once(text: str) -> None:
    for name, (source, line) in MODULE_LINES.items():
        assert line in source, f"{name} changed: pick another line of it for this test"
        assert text.count(line) == 1, f"{name} is {text.count(line)} times in the page"


def test_the_served_page_carries_each_module_once():
    document = served_document(SoftmaxLab())
    assert_each_module_once(serialize_json(document.to_json()))  # what the server sends on PULL-DOC


def test_the_lazy_served_page_carries_each_module_once_with_every_tab_opened():
    """app.py builds the exercise tabs when opened: their callbacks reuse the page's modules."""
    lab = SoftmaxLab(lazy_tabs=True)
    document = served_document(lab)
    assert_each_module_once(serialize_json(document.to_json()))
    for index in range(1, len(lab.exercises.views)):
        lab.exercises.tabs.active = index  # as when the browser syncs the opened tab
    assert all(view is not None for view in lab.exercises.views)
    assert_each_module_once(serialize_json(document.to_json()))


def test_the_static_export_carries_each_module_once():
    assert_each_module_once(export_html())


def test_every_browser_callback_shares_the_page_modules():
    lab = SoftmaxLab()
    document = served_document(lab)
    # (components/page/exercises/tabs.py puts a guard before an exercise view's code.)
    users = [m for m in document.models if isinstance(m, CustomJS) and LOAD_MODULES_JS in m.code]
    # Views, typed boxes, links (apply, copy): each gets the page's one model.
    assert len(users) >= 12
    assert all(m.args[MODULES_ARG] is lab.controls.browser_modules for m in users)
    # And no callback reaches a module another way (inlined, or without the model).
    for m in document.models:
        if isinstance(m, CustomJS) and m is not lab.controls.browser_modules:
            names = ("SoftmaxMath", "InputCheck", "formatText(", "setHtml(")
            uses = [name for name in names if name in m.code]
            assert not uses or m in users, f"a CustomJS uses {uses} without LOAD_MODULES_JS"


def test_each_page_has_its_own_modules_model():
    """A Bokeh model belongs to one document: two sessions never share it."""
    assert SoftmaxLab().controls.browser_modules is not SoftmaxLab().controls.browser_modules


def test_a_callback_without_the_modules_fails_in_python_not_in_the_browser():
    with pytest.raises(TypeError, match=MODULES_ARG):
        browser_callback("SoftmaxMath.softmax([1, 2]);", notice=None)


CALLBACKS_DIR = JS_DIR / "callbacks"
COMPONENTS_DIR = Path(__file__).resolve().parents[1] / "components"
# The modules whose browser code is files already; the others follow (issue 18).
NO_JS_STRINGS = [
    "page/controls/controls.py", "page/controls/presets.py", "page/shell/page.py", "page/shell/theme.py",
    "page/shell/language.py", "page/shell/url_state.py", "page/shell/connection_status.py",
    "browser/accessibility.py", "browser/css_visuals.py", "browser/browser_js.py",
    *(str(path.relative_to(COMPONENTS_DIR)) for path in sorted((COMPONENTS_DIR / "serving").glob("*.py"))),
]


def test_every_callback_file_is_used_by_a_python_module():
    """No orphan file under static/js/callbacks: each is named by some module of components/."""
    python = "\n".join(path.read_text(encoding="utf-8") for path in COMPONENTS_DIR.rglob("*.py"))
    files = sorted(str(path.relative_to(CALLBACKS_DIR)) for path in CALLBACKS_DIR.rglob("*.js"))
    assert files, "no callback files found"
    # Named as js_callback takes it ("area/name.js") or as js_source does ("callbacks/area/name.js").
    assert not [name for name in files if f'"{name}"' not in python and f'"callbacks/{name}"' not in python]


@pytest.mark.parametrize("module", NO_JS_STRINGS)
def test_no_multi_line_js_string_is_left_in_python(module):
    """Browser code longer than a line is a file of static/js/callbacks, not a Python string."""
    source = (COMPONENTS_DIR / module).read_text(encoding="utf-8")
    assert not re.search(r"_JS\s*=\s*[rf]?(\"\"\"|''')", source), f"{module} holds a multi-line JS string"


def test_each_callback_file_opens_with_what_it_does_and_its_arguments():
    for path in sorted(CALLBACKS_DIR.rglob("*.js")):
        source = path.read_text(encoding="utf-8")
        assert source.startswith("//"), f"{path.name}: no opening comment"
        assert "components/" in without_header_comments(source), f"{path.name}: says no Python user"


def without_header_comments(source: str) -> str:
    """The opening comments of a file (what without_header leaves out of the page)."""
    return source[: len(source) - len(without_header(source))]


def test_a_callback_is_checked_for_every_argument_it_declares():
    with pytest.raises(TypeError, match="themes"):
        js_code("shell/theme_on_load.js", functions=("shell/functions/apply_theme.js",), root=None,
                toggle=None, labels={}, whole_page=True, css_variables={}, plot_dark={}, follow_system=True)
    with pytest.raises(TypeError, match="applyTheme"):  # a function it calls, not given
        js_code("shell/theme_follow.js", toggle=None)
    with pytest.raises(TypeError, match="z_decimals"):
        js_formatter("controls/slider_format.js", log_scale=False, browser_modules=None)


def test_the_page_carries_no_file_headers():
    """The opening comments are for readers and eslint; the page's callbacks start with code."""
    lab = SoftmaxLab()
    document = served_document(lab)
    codes = [m.code for m in document.models if isinstance(m, CustomJS | CustomJSTickFormatter)]
    # The areas whose files are loaded through callback_source (js_callback, js_code, js_formatter);
    # exercises/gate.js is still read whole by js_source (components/page/exercises/tabs.py).
    for path in sorted(path for area in ("controls", "shell", "browser")
                       for path in (CALLBACKS_DIR / area).rglob("*.js")):
        header = without_header_comments(path.read_text(encoding="utf-8")).strip()
        assert not any(header in code for code in codes), f"{path.name}'s header is in the page"
