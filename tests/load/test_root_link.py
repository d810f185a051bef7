"""A link to the server's root keeps its state: / forwards to /app with the same query."""

from __future__ import annotations

import urllib.error
import urllib.request

from playwright.sync_api import sync_playwright

from components.page.exercises.relatives_view import RelativesView
from components.words.i18n import TEXTS
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.load.conftest import in_thread

SHOWN_JS = """() => {
  const models = [...Bokeh.documents[0].all_models];
  const byClass = (name) => models.find((m) => (m.css_classes ?? []).includes(name));
  return {K: byClass("k-slider").value, view: byClass("exercises").active, z3: byClass("z-slider-3").value};
}"""


def open_the_root_link(base_url: str) -> None:
    """Chromium opens /?K=3&...: it lands on /app with that state."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(f"{base_url}/?K=3&z=1,2,-0.5&view=relatives")
        page.wait_for_function("() => window.Bokeh?.documents?.[0] != null")
        page.wait_for_function(f"() => ({SHOWN_JS})().K === 3", timeout=20_000)
        shown = page.evaluate(SHOWN_JS)
        titles = page.evaluate("""() => [...Bokeh.documents[0].all_models]
          .find((m) => (m.css_classes ?? []).includes("exercises")).tabs.map((t) => t.title)""")
        assert page.url.startswith(f"{base_url}/app?")
        assert shown["z3"] == -0.5
        assert titles[shown["view"]] == TEXTS["en"][RelativesView.title_key]
        browser.close()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # answer the 302 itself, do not follow it
        return None


def test_the_root_forwards_to_the_app_with_the_query(app_server):
    base_url = app_server()
    opener = urllib.request.build_opener(NoRedirect)
    for query in ("?K=3&z=1,2,-0.5&view=relatives", ""):
        try:
            opener.open(f"{base_url}/{query}", timeout=10)
            raise AssertionError("the root did not redirect")
        except urllib.error.HTTPError as answer:
            assert answer.code == 302
            assert answer.headers["Location"] == f"./app{query}"
    in_thread(open_the_root_link, base_url)
