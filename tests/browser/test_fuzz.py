"""The fuzz corpus (tests/fuzz_corpus.py) through every browser entry point: the number reader
itself, links (?z ?tau ?K ?range ?view ?lang ?theme), the typed z and tau boxes and the inverse-softmax
targets. Each value must end as a safe value (finite, inside the control's bounds) with a visible
message when it was changed; nothing on screen may read NaN, Infinity or undefined; a corrected
link leaves the corrected state in the address bar, which reopens to the same state without a
notice; and after the fuzz the session still works: a slider moves the chart and the server's
SoftmaxState.

The server runs in this process (as in test_session_sync.py) so the test can read each session's
state; every log record with a traceback fails the test, as the served_app fixture does.
Assertions are on values and on whether a message shows, never on its wording (it is translated).
"""

from __future__ import annotations

import logging
import math
import time
from urllib.parse import parse_qs, urlencode, urlparse

import numpy as np
import panel as pn
import pytest
from playwright.sync_api import Page, expect

from components.browser.browser_js import INPUT_CHECK_JS_SOURCE, js_source
from components.model import softmax_math as sm
from components.model.state import MAX_K, MIN_K, START_Z, TAU_MAX, TAU_MIN, Z_DECIMALS, shown_number
from components.page.exercises.registry import EXERCISE_VIEWS
from components.serving import server as app
from components.serving.visitor import Visitor
from components.words.i18n import LANGUAGES, Texts
from tests.browser.conftest import CLIENT_GONE, free_port, page_with_script, wait_for_http
from tests.browser.screen import open_app, press_on_slider
from tests.fuzz_corpus import (
    BAD_WORDS,
    GOOD_THEMES,
    LANGS,
    NUMBERS,
    THEMES,
    VIEWS,
    Z_LISTS,
    expected,
    is_safe,
)

SLUGS = [view.slug for view in EXERCISE_VIEWS]

# Everything a user can read: text of every element (through Bokeh's shadow roots), input boxes,
# the charts' labels; notices apart, since they quote what was typed. Plus the controls' values.
SCREEN_JS = """() => {
  const texts = [], notices = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll("*")) {
      const notice = [...el.classList].some((c) => c.endsWith("notice"));
      if (notice) {
        // The Div's text only: its shadow root also holds the stylesheets' text.
        const root = el.shadowRoot ?? el;
        const text = (root.querySelector(".bk-clearfix") ?? root).textContent.trim();
        notices.push({text, visible: text !== "" && el.checkVisibility()});
        continue;
      }
      if (["STYLE", "SCRIPT"].includes(el.tagName) || el.closest("[class$='notice']")) continue;
      for (const node of el.childNodes) if (node.nodeType === Node.TEXT_NODE) texts.push(node.textContent);
      if (el.tagName === "INPUT") texts.push(el.value);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  const models = [...Bokeh.documents[0].all_models];
  const byClass = (name) => models.find((m) => (m.css_classes ?? []).includes(name));
  const byName = (name) => Bokeh.documents[0].get_model_by_name(name);
  const k = byClass("k-slider").value;
  const bars = byName("softmax-chart-bars").data;
  texts.push(...Array.from(bars.label), ...Array.from(byName("sigmoid-chart-bars").data.label));
  const tabs = models.find((m) => m.type === "Tabs" || m.constructor.name === "Tabs");
  return {
    z: Array.from({length: MAX_K}, (_, j) => byClass(`z-slider-${j + 1}`).value),
    k, tau: 10 ** byClass("tau-slider").value, limit: byClass("z-slider-1").end,
    bars: Array.from(bars.value), tab: tabs ? tabs.active : 0, lang: document.documentElement.lang,
    text: texts.join(" "), notices,
  };
}""".replace("MAX_K", str(MAX_K))


def screen(page: Page) -> dict:
    return page.evaluate(SCREEN_JS)


def assert_safe(shown: dict) -> None:
    """Finite values inside their bounds, outputs that sum to 1, no NaN/Infinity/undefined shown."""
    limit = shown["limit"]
    assert limit in (5, 1000)
    assert all(is_safe(v, -limit, limit) for v in shown["z"]), shown["z"]
    assert is_safe(shown["tau"], TAU_MIN * (1 - 1e-12), TAU_MAX * (1 + 1e-12)), shown["tau"]
    assert isinstance(shown["k"], int) and MIN_K <= shown["k"] <= MAX_K
    bars = shown["bars"]
    assert len(bars) == shown["k"] and all(math.isfinite(a) for a in bars) and abs(sum(bars) - 1) < 1e-12
    for word in BAD_WORDS:
        assert word not in shown["text"], (word, shown["text"][:2000])


def a_notice_shows(shown: dict) -> bool:
    return any(n["visible"] for n in shown["notices"])


def wait_until(condition, timeout: float = 15.0, what=lambda: "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met in time: {what()}")
        time.sleep(0.05)


class Tracebacks(logging.Handler):
    """Every log record of the server that carries a traceback."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = self.format(record)
        if (record.exc_info or "Traceback" in text) and not any(gone in text for gone in CLIENT_GONE):
            self.records.append(text)


@pytest.fixture(scope="module")
def fuzz_app():
    """The app served in this process; yields its URL and every visitor's session (state and model)."""
    labs: list[Visitor] = []
    tracebacks = Tracebacks()
    loggers = [logging.getLogger(name) for name in ("", "bokeh", "tornado", "panel", "asyncio")]
    for logger in loggers:
        logger.addHandler(tracebacks)

    def recorded_app() -> None:  # what app.py serves, each visitor remembered
        app.create_app(on_visitor=labs.append)

    port = free_port()
    server = pn.serve({"app": recorded_app}, port=port, address="127.0.0.1", threaded=True, show=False,
                      start=True, liveness=True, allow_websocket_origin=[f"127.0.0.1:{port}"])
    wait_for_http(f"http://127.0.0.1:{port}/liveness")
    yield f"http://127.0.0.1:{port}/app", labs
    server.stop()
    for logger in loggers:
        logger.removeHandler(tracebacks)
    assert tracebacks.records == [], "\n\n".join(tracebacks.records)


def assert_session_alive(page: Page, lab: Visitor) -> None:
    """After the fuzz: a slider still moves the chart and the server's state; no lost connection."""
    before = screen(page)
    end = -before["limit"] if before["z"][0] == before["limit"] else before["limit"]
    press_on_slider(page, "z-slider-1", "Home" if end < 0 else "End", 1)
    page.wait_for_function("(old) => Bokeh.documents[0].get_model_by_name('softmax-chart-bars')"
                           ".data.value[0] !== old", arg=before["bars"][0])
    after = screen(page)
    assert_safe(after)
    assert after["z"][0] == end
    np.testing.assert_allclose(after["bars"], sm.softmax(after["z"][: after["k"]], after["tau"]), rtol=1e-12)
    wait_until(lambda: lab.state.z[0] == end)
    assert lab.state.z_limit == after["limit"] and lab.state.k == after["k"]
    assert math.isclose(lab.state.tau, after["tau"], rel_tol=1e-9)
    assert np.allclose(lab.state.active_z, after["z"][: after["k"]])
    assert not page.locator(".connection-lost .bk-clearfix").is_visible()


# --- the reader of every typed and linked number, on the whole corpus at once ---------------

READ_ALL_JS = js_source("lib/format_text.js") + INPUT_CHECK_JS_SOURCE + """
window.readAll = (texts, options) => texts.map((text) => InputCheck.readNumber(text, options));
"""


@pytest.fixture(scope="module")
def reader_page(browser):
    with page_with_script(browser, READ_ALL_JS) as page:
        yield page


@pytest.mark.parametrize(("low", "high", "fallback", "positive"), [
    (-5, 5, 0.25, False), (-1000, 1000, -3, False), (TAU_MIN, TAU_MAX, 1, True), (0, 1, 0.1, True),
    (5, 1000, 5, False), (MIN_K, MAX_K, 4, False),
])
def test_the_number_reader_on_the_whole_corpus(reader_page, low, high, fallback, positive):
    options = {"name": "x", "low": low, "high": high, "fallback": fallback, "positive": positive,
               "messages": Texts().templates("input.")}
    results = reader_page.evaluate("([texts, options]) => readAll(texts, options)",
                                   [[text for text, _ in NUMBERS], options])
    for (text, reading), got in zip(NUMBERS, results, strict=True):
        want, changed = expected(reading, low, high, fallback, positive)
        assert got["value"] == want, (text[:50], got)
        assert is_safe(got["value"], low, high)
        assert bool(got["message"].strip()) == changed, (text[:50], got)
        assert "{" not in got["message"].replace(text.strip()[:40], "")  # every placeholder filled


def written_numbers() -> list[float]:
    """Numbers to write as the page writes inputs: the corpus's, slider steps with their float
    noise, the tau slider's log steps, and random ones of every size and sign."""
    rng = np.random.default_rng(19)
    values = [v for _, v in NUMBERS if v is not None and math.isfinite(v)]
    values += [-0.0, 0.1 + 0.2, 2.004, 19.99, -0.004, 1e-6, 9.99999e-7, 1e21, 1e-7, 123456789012.5, 5e-324]
    values += [2.5 + 0.1 * n for n in range(-80, 30)]
    values += [10 ** (math.log10(TAU_MIN) + 0.01 * n) for n in range(0, 262)]
    values += list(rng.uniform(-1000, 1000, 200)) + list(10.0 ** rng.uniform(-330, 308, 200))
    values += list(-(10.0 ** rng.uniform(-330, 308, 100)))
    return [float(v) for v in values]


def test_inputs_are_written_alike_in_python_and_the_browser(reader_page):
    """shown_number (Python: the first render) and InputCheck.show (the browser: every later one)
    write every input with the same digits, never as a signed zero."""
    values = written_numbers()
    written = reader_page.evaluate("(values) => values.map((v) => InputCheck.show(v))", values)
    for value, text in zip(values, written, strict=True):
        assert text == shown_number(value), (value, text)
        assert text != "-0" and "NaN" not in text
        assert math.isclose(float(text), value, rel_tol=5e-12)  # 12 significant digits
    # z is written with at least the decimals of its sliders' step: "-1.0", "2.004", "1e-7" alike.
    written = reader_page.evaluate("(values) => values.map((v) => InputCheck.show(v, 1))", values)
    for value, text in zip(values, written, strict=True):
        assert text == shown_number(value, Z_DECIMALS), (value, text)


# --- links ----------------------------------------------------------------------------------

def link_loads() -> list[dict[str, str]]:
    """Queries that together put every corpus value into ?z (10 a link, so K is left out there:
    it is the number of values), and many of them into ?tau, ?range, ?view and ?lang; then the
    list-shaped ?z values with ?K taking corpus values."""
    single = [text for text, _ in NUMBERS if "," not in text]  # a comma separates ?z's values
    loads = []
    for i in range(0, len(single), MAX_K):
        window = (single[i:] + single)[:MAX_K]
        n = i // MAX_K
        loads.append({"z": ",".join(window), "tau": single[(n * 7 + 3) % len(single)],
                      "range": single[(n * 5 + 1) % len(single)], "view": VIEWS[n % len(VIEWS)],
                      "lang": LANGS[n % len(LANGS)], "theme": THEMES[n % len(THEMES)]})
    texts = [text for text, _ in NUMBERS]
    for n, z in enumerate(Z_LISTS):
        loads.append({"z": z, "K": texts[(n * 11) % len(texts)], "tau": texts[(n * 13 + 5) % len(texts)]})
    return loads


READING = dict(NUMBERS)


def link_expectation(query: dict[str, str]) -> tuple[float, int, list[float | None], float, bool]:
    """What the controls must hold after opening a link: limit, K, z (None: not checked), tau,
    and whether anything was corrected."""
    changed = False
    limit = 5.0
    if "range" in query:
        wanted, was_changed = expected(READING[query["range"]], 5, 1000, 5)
        limit = 1000.0 if wanted > 5 else 5.0
        changed |= was_changed or wanted not in (5, 1000)
    parts = query["z"].split(",")
    if "K" in query:
        wanted, was_changed = expected(READING[query["K"]], MIN_K, MAX_K, 4)
        k = math.floor(wanted + 0.5)
        changed |= was_changed or k != wanted
    else:
        k = min(MAX_K, max(MIN_K, len(parts)))
        changed |= len(parts) < MIN_K
    changed |= len(parts) > k
    z: list[float | None] = list(START_Z)
    for j, raw in enumerate(parts[:k]):
        if raw not in READING:
            z[j] = None  # a piece of a list such as "1;2;3": only checked to be safe
            continue
        z[j], was_changed = expected(READING[raw], -limit, limit, START_Z[j])
        changed |= was_changed
    tau, was_changed = expected(READING[query["tau"]], TAU_MIN, TAU_MAX, 1.0, positive=True)
    changed |= was_changed
    if "view" in query and query["view"] not in SLUGS:
        changed = True
    changed |= query.get("theme", "") not in GOOD_THEMES
    return limit, k, z, tau, changed


def query_of(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlparse(url).query, keep_blank_values=True).items()}


def assert_the_address_bar_reopens_the_same_state(page: Page, shown: dict, labs: list) -> None:
    """The page rewrites its link once restored (every value as used, K and lang included): opened
    again, that link gives the same state and no notice at all (issue 19, item 1)."""
    k = shown["k"]

    def address() -> str:
        """The address bar as the page has it (Playwright's page.url follows it only during its calls)."""
        return page.evaluate("() => window.location.href")

    wait_until(lambda: (q := query_of(address())).get("K") == str(k) and q.get("lang") == shown["lang"],
               what=address)
    link = query_of(address())
    assert len(link["z"].split(",")) == k and link.get("theme", "dark") in GOOD_THEMES, link
    opened = len(labs)
    open_app(page, address())
    wait_until(lambda: (s := screen(page))["k"] == k and s["limit"] == shown["limit"]
               and s["tab"] == shown["tab"] and math.isclose(s["tau"], shown["tau"], rel_tol=1e-12))
    page.evaluate("() => new Promise((resolve) => setTimeout(resolve, 0))")  # the notice is written then
    again = screen(page)
    assert again["z"][:k] == shown["z"][:k], (link, again["z"], shown["z"])
    assert not a_notice_shows(again), (link, again["notices"])
    wait_until(lambda: len(labs) > opened)


def test_bad_links_end_in_safe_values_with_a_message(page, fuzz_app):
    url, labs = fuzz_app
    for query in link_loads():
        opened = len(labs)
        open_app(page, f"{url}?{urlencode(query)}")
        limit, k, z, tau, changed = link_expectation(query)
        # The link is applied once the page is ready, and its notice written just after.
        wait_until(lambda k=k, limit=limit, tau=tau, changed=changed: (
            (s := screen(page))["k"] == k and s["limit"] == limit
            and math.isclose(s["tau"], tau, rel_tol=1e-12) and (a_notice_shows(s) or not changed)))
        shown = screen(page)
        assert_safe(shown)
        assert (shown["limit"], shown["k"]) == (limit, k), query
        for j, want in enumerate(z[:k]):
            if want is not None:
                assert shown["z"][j] == want, (query, j)
        assert math.isclose(shown["tau"], tau, rel_tol=1e-12), query
        assert 0 <= shown["tab"] < len(SLUGS)
        if query.get("view") in SLUGS:
            assert shown["tab"] == SLUGS.index(query["view"])
        assert shown["lang"] in LANGUAGES
        assert page.locator(".notice b, .notice img, .notice svg, .notice script").count() == 0
        wait_until(lambda opened=opened: len(labs) > opened)  # each link opened a session of its own
        assert_the_address_bar_reopens_the_same_state(page, shown, labs)
    assert_session_alive(page, labs[-1])


# --- typed boxes ----------------------------------------------------------------------------

# Types each step's text into a box as a browser does on Enter (the input's value, then its change
# event), waits until the page has rewritten the box to the value it used, and reports.
TYPE_ALL_JS = """async (steps) => {
  const deep = (root, selector) => {
    const found = root.querySelector(selector);
    if (found) return found;
    for (const el of root.querySelectorAll("*")) {
      const inner = el.shadowRoot && deep(el.shadowRoot, selector);
      if (inner) return inner;
    }
    return null;
  };
  const models = [...Bokeh.documents[0].all_models];
  const byClass = (name) => models.find((m) => (m.css_classes ?? []).includes(name));
  const byName = (name) => Bokeh.documents[0].get_model_by_name(name);
  const results = [];
  for (const step of steps) {
    const box = byClass(step.css);
    const noticeModel = byClass(step.notice);
    const input = deep(document, "." + step.css).shadowRoot.querySelector("input");
    const before = box.value;
    input.value = step.text;
    input.dispatchEvent(new Event("change"));
    // The box ends at what the page shows for the value used: in the digits every place shows it
    // (step.shown, components/model/state.py shown_number) for the main controls, as used for the
    // targets; unchanged when the text was already the box's (no change event then).
    const shown = step.shown ?? String(step.want);
    const wanted = input.value === before ? input.value : shown;
    const value = () => step.store ? byName(step.store).data.typed[step.index] : byClass(step.slider).value;
    const used = () => Math.abs((step.log ? 10 ** value() : value()) - step.want)
      <= 1e-12 * Math.abs(step.want);
    const deadline = performance.now() + 10000;
    while ((box.value !== wanted || !used()) && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const notice = deep(document, "." + step.notice);
    results.push({box: box.value, wanted, value: value(), notice: noticeModel.text.trim(),
                  visible: notice.checkVisibility()});
  }
  return results;
}"""

MAIN_NOTICE = ".notice:not(.language-notice) .bk-clearfix"


def type_into(page: Page, css: str, text: str) -> None:
    box = page.locator(f".{css} input")
    box.fill(text)
    box.press("Enter")


def test_typed_values_end_in_safe_values_with_a_message(page, fuzz_app):
    url, labs = fuzz_app
    open_app(page, url)
    lab = labs[-1]
    # A few with real key presses, as a student types them.
    for text in ["abc", "1e308", "3,3", "<img src=x onerror=alert(1)>", "", "NaN"]:
        type_into(page, "z-input-1", text)
    expect(page.locator(MAIN_NOTICE)).not_to_have_text("")
    assert page.locator(".notice img").count() == 0
    # Then the whole corpus, in every z box and the tau box. A refused text keeps the value as
    # shown (shown_number: what the box shows is what is kept); nothing shown changes ("keep"):
    # the page leaves the notice as it was.
    z_shown = [float(shown_number(v)) for v in screen(page)["z"]]
    tau_shown = float(shown_number(screen(page)["tau"]))
    steps, wants = [], []
    for i, (text, reading) in enumerate(NUMBERS):
        j = i % 4
        want, changed = expected(reading, -5, 5, z_shown[j])
        keep = shown_number(want) == shown_number(z_shown[j]) and not changed
        steps.append({"css": f"z-input-{j + 1}", "slider": f"z-slider-{j + 1}", "notice": "notice",
                      "text": text, "want": want, "shown": shown_number(want, Z_DECIMALS), "log": False})
        wants.append((want, changed, keep))
        z_shown[j] = want
        want, changed = expected(reading, TAU_MIN, TAU_MAX, tau_shown, positive=True)
        keep = shown_number(want) == shown_number(tau_shown) and not changed
        steps.append({"css": "tau-input", "slider": "tau-slider", "notice": "notice", "text": text,
                      "want": want, "shown": shown_number(want), "log": True})
        wants.append((want, changed, keep))
        tau_shown = want
    results = page.evaluate(TYPE_ALL_JS, steps)
    for step, (want, changed, keep), got in zip(steps, wants, results, strict=True):
        what = (step["css"], step["text"][:40], got)
        assert got["box"] == got["wanted"], what
        value = 10 ** got["value"] if step["log"] else got["value"]
        assert math.isclose(value, want, rel_tol=1e-12), what
        if changed:
            assert got["notice"] and got["visible"], what
        elif not keep:
            assert got["notice"] == "", what
    assert_safe(screen(page))
    assert_session_alive(page, lab)


# --- inverse-softmax targets ----------------------------------------------------------------

TARGETS_JS = """() => {
  const d = Bokeh.documents[0].get_model_by_name("inverse-values").data;
  return {typed: Array.from(d.typed), target: Array.from(d.target), z: Array.from(d.z),
          log_a: Array.from(d.log_a)};
}"""


def test_inverse_targets_end_in_safe_values_with_a_message(page, fuzz_app):
    url, labs = fuzz_app
    open_app(page, f"{url}?view=inverse")
    expect(page.locator(".target-input-1 input")).to_be_visible()
    # Where a user types a target: in view (a tab out of view is updated only when it comes back).
    page.locator(".target-input-1 input").scroll_into_view_if_needed()
    lab = labs[-1]
    typed = page.evaluate(TARGETS_JS)["typed"]
    steps, wants = [], []
    for i, (text, reading) in enumerate(NUMBERS):
        j = i % 4
        want, changed = expected(reading, 0, 1, typed[j], positive=True)
        steps.append({"css": f"target-input-{j + 1}", "store": "inverse-values", "index": j,
                      "notice": "inverse-notice", "text": text, "want": want})
        wants.append((want, changed, want == typed[j] and not changed))
        typed[j] = want
    results = page.evaluate(TYPE_ALL_JS, steps)
    for step, (want, changed, same), got in zip(steps, wants, results, strict=True):
        what = (step["css"], step["text"][:40], got)
        assert got["box"] == got["wanted"] and got["value"] == want, what
        if changed:
            assert got["notice"] and got["visible"], what
        elif not same:
            assert got["notice"] == "", what
    values = page.evaluate(TARGETS_JS)
    for key in ("typed", "target", "z", "log_a"):
        assert all(math.isfinite(v) for v in values[key]), (key, values)
    assert all(0 < v <= 1 for v in values["typed"]) and abs(sum(values["target"]) - 1) < 1e-12
    np.testing.assert_allclose(values["z"], sm.inverse_softmax(values["typed"]), rtol=1e-12, atol=1e-12)
    assert_safe(screen(page))
    assert_session_alive(page, lab)
