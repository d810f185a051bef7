"""The page in Traditional Chinese (?lang=zh-Hant), the switch between languages, and junk in ?lang=.

The Chinese page is read as a user's browser has it: every visible text node, through every
shadow root, every aria-label/title, what the canvases draw (axis labels, tooltips), on every
exercise tab and after the notices a bad typed value and a bad link value bring up.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, quote, urlparse

import pytest
from playwright.sync_api import Page, expect

from components.page.exercises.registry import EXERCISE_VIEWS
from components.words.i18n import Texts
from tests.browser.conftest import ROOT
from tests.browser.screen import READY, look_at_tab, open_app, press_on_slider, readout
from tests.language_check import english_words

ZH = Texts("zh-Hant")
# A bad ?view= is answered with the codes a link may use (?view=jacobian): link syntax, like ?lang=.
LINK_CODES = {word for view in EXERCISE_VIEWS for word in view.slug.split("-")}

# Everything a person can read or hear: visible text in the light DOM and in every shadow root,
# accessible names and tooltips in attributes, and the words BokehJS draws on canvases.
PAGE_TEXT_JS = """
() => {
  const found = [];
  const visit = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent === null || ["STYLE", "SCRIPT", "TEMPLATE"].includes(parent.tagName)) continue;
      if (parent.tagName === "OPTION" || parent.checkVisibility({visibilityProperty: true})) {
        found.push(node.textContent);
      }
    }
    for (const el of root.querySelectorAll("*")) {
      for (const name of ["aria-label", "title", "alt", "placeholder", "aria-description"]) {
        const value = el.getAttribute(name);
        if (value) found.push(value);
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  found.push(document.title);
  for (const model of Bokeh.documents[0].all_models) {
    if (typeof model.axis_label === "string") found.push(model.axis_label);
    if (Array.isArray(model.tooltips)) found.push(...model.tooltips.map((t) => t[0]));
  }
  return found.join("\\n");
}
"""


def page_words(page: Page) -> list[str]:
    """The English words the page shows, hides in attributes or draws, outside the allowlist."""
    return [word for word in english_words(page.evaluate(PAGE_TEXT_JS)) if word not in LINK_CODES]


def type_into(page: Page, css_class: str, text: str) -> None:
    box = page.locator(f".{css_class} input")
    box.fill(text)
    box.press("Enter")


def test_the_chinese_page_has_no_english_on_any_tab_or_notice(page, served_app):
    # Bad values without letters: the notices quote them, and a quoted "abc" would be the user's English.
    open_app(page, f"{served_app}?lang=zh-Hant&z=2.5,1..2,3.2,0.5&tau=-3&view=9")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hant")
    notice = page.locator(".notice .bk-clearfix")
    expect(notice).to_contain_text("連結中的分頁")  # the bad link's notice, in Chinese
    expect(notice).to_contain_text("連結中的 zᴸ₂")
    expect(page.locator(".intro")).to_contain_text("拖動滑桿")
    leftovers = set(page_words(page))

    type_into(page, "z-input-1", "1/0")
    expect(notice).to_contain_text("不是數字")
    leftovers |= set(page_words(page))
    type_into(page, "tau-input", "0")
    expect(notice).to_contain_text("不是正數")
    leftovers |= set(page_words(page))
    type_into(page, "z-input-2", "99")
    expect(notice).to_contain_text("超出")
    leftovers |= set(page_words(page))

    tabs = page.get_by_role("tab")
    expect(tabs).to_have_count(len(EXERCISE_VIEWS))
    for index in range(len(EXERCISE_VIEWS)):
        tabs.nth(index).click()
        expect(tabs.nth(index)).to_have_attribute("aria-selected", "true")
        leftovers |= set(page_words(page))
    # The views' own messages: a movement, a refused target, Apply, a shift.
    tabs.nth(0).click()
    press_on_slider(page, "z-slider-1", "ArrowRight", 2)
    look_at_tab(page)  # read where a user reads it: out of view, the tab waits to follow the sliders
    expect(page.locator(".nonlocality-balance")).to_contain_text("你正在移動 zᴸ₁")
    leftovers |= set(page_words(page))
    tabs.nth(5).click()
    type_into(page, "target-input-1", "-1")
    expect(page.locator(".inverse-notice")).to_contain_text("機率不可能是負的")
    leftovers |= set(page_words(page))
    page.get_by_role("button", name=ZH("inverse.apply")).click()
    expect(page.locator(".inverse-notice")).to_contain_text("已套用")
    leftovers |= set(page_words(page))
    page.get_by_role("button", name=ZH("inverse.shift", amount="+1")).click()
    expect(page.locator(".inverse-shift-result")).not_to_contain_text("尚未平移")
    leftovers |= set(page_words(page))
    assert not leftovers, sorted(leftovers)


def test_the_english_page_is_english_by_default(page, served_app):
    open_app(page, served_app)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".intro")).to_contain_text("Move the sliders")
    expect(chosen_language(page)).to_have_text("English")
    expect(page.locator(".language-notice")).to_be_hidden()


@pytest.mark.parametrize("requested", ["xx", "<img src=x onerror=alert(1)>", "zh-Hans"])
def test_an_unknown_language_gives_english_and_says_so(page, served_app, requested):
    open_app(page, f"{served_app}?lang={requested}&z=1,2,3")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".intro")).to_contain_text("Move the sliders")
    message = page.locator(".language-notice .bk-clearfix")
    expect(message).to_contain_text(f'The language "{requested}" is not available')
    expect(message).to_contain_text("available: en, zh-Hant")
    expect(message).to_contain_text("因此頁面以英文顯示")  # and in Chinese, for whoever asked for Chinese
    assert page.locator(".language-notice img").count() == 0  # quoted as text, never markup
    assert readout(page)["z"] == [1.0, 2.0, 3.0]  # the rest of the link still applies


def chosen_language(page: Page):
    """The language the switch shows as chosen, by its visible name."""
    return page.locator(".language-switch select option:checked")


def test_switching_language_keeps_the_sliders_tau_and_tab(page, served_app):
    open_app(page, served_app)
    press_on_slider(page, "z-slider-1", "ArrowRight", 3)  # z1 = 2.5 + 0.3
    type_into(page, "tau-input", "0.5")
    page.get_by_role("tab", name=Texts("en")("jacobian.title")).click()
    expect(page.locator(".z-slider-1 .bk-slider-value")).to_have_text("2.8")

    page.get_by_role("combobox", name="Language").select_option(label="繁體中文")
    page.get_by_role("button", name=Texts("en")("language.apply")).click()
    page.wait_for_url("**lang=zh-Hant**")
    page.locator(READY).wait_for()
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hant")
    expect(page.locator("[role=tab][aria-selected=true]")).to_have_text(ZH("jacobian.title"))
    expect(page.locator(".tau-input input")).to_have_value("0.5")
    expect(page.locator(".z-slider-1 .bk-slider-value")).to_have_text("2.8")
    assert readout(page)["z"] == [2.8, -1.0, 3.2, 0.5]
    expect(chosen_language(page)).to_have_text("繁體中文")

    page.get_by_role("combobox", name="語言").select_option(label="English")
    page.get_by_role("button", name=ZH("language.apply")).click()
    page.wait_for_url("**lang=en**")
    page.locator(READY).wait_for()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("[role=tab][aria-selected=true]")).to_have_text("Monotonicity (Jacobian)")
    expect(page.locator(".tau-input input")).to_have_value("0.5")
    assert readout(page)["z"] == [2.8, -1.0, 3.2, 0.5]


def test_the_copied_link_keeps_the_language(page, served_app):
    open_app(page, f"{served_app}?lang=zh-Hant")
    page.get_by_role("button", name=ZH("link.copy_button")).click()
    expect(page.locator(".notice .bk-clearfix")).to_contain_text("lang=zh-Hant")


@pytest.fixture(scope="module")
def exported_chinese(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("export") / "demo-zh.html"
    result = subprocess.run([sys.executable, "app.py", "export", "--lang", "zh-Hant", str(path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return path


def test_the_static_export_in_chinese(page, exported_chinese):
    open_app(page, exported_chinese.as_uri())
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hant")
    expect(page.locator(".intro")).to_contain_text("拖動滑桿")
    # One file, one language: no server to build the other, so no switch.
    expect(page.locator(".language-switch")).to_be_hidden()
    leftovers = set(page_words(page))
    tabs = page.get_by_role("tab")
    for index in range(tabs.count()):
        tabs.nth(index).click()
        expect(tabs.nth(index)).to_have_attribute("aria-selected", "true")
        leftovers |= set(page_words(page))
    type_into(page, "z-input-1", "1/0")
    expect(page.locator(".notice .bk-clearfix")).to_contain_text("不是數字")
    leftovers |= set(page_words(page))
    assert not leftovers, sorted(leftovers)


def test_the_language_menu_changes_nothing_until_asked_then_keeps_the_whole_state(page, served_app):
    """Issue 19, item 6 (WCAG 3.2.2): ArrowDown on the menu reloaded the page in the other language.
    Arrow keys only choose; the button beside it switches, and the link it opens holds the state
    as it is now (K changed by keyboard included: item 1)."""
    documents: list[str] = []
    page.on("request", lambda request: documents.append(request.url)
            if request.is_navigation_request() and request.frame == page.main_frame else None)
    open_app(page, f"{served_app}?K=5&z=2.5,-1,3.2,1.7,-2.2&view=sweep&theme=dark")
    press_on_slider(page, "k-slider", "ArrowLeft", 2)
    type_into(page, "tau-input", "0.5")
    expect(page.locator(".readout-table tbody tr")).to_have_count(3)
    documents.clear()

    menu = page.get_by_role("combobox", name="Language")
    menu.focus()
    page.keyboard.press("ArrowDown")
    expect(chosen_language(page)).to_have_text("繁體中文")  # chosen, not applied
    switch = page.get_by_role("button", name=Texts("en")("language.apply"))
    expect(switch).to_be_enabled()
    expect(menu).to_be_focused()  # the keyboard user is where they were
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.keyboard.press("ArrowUp")  # and back: still nothing happens
    expect(chosen_language(page)).to_have_text("English")
    expect(switch).to_be_disabled()  # nothing to switch to
    page.keyboard.press("ArrowDown")
    expect(switch).to_be_enabled()
    page.keyboard.press("Tab")
    expect(switch).to_be_focused()
    page.keyboard.press("Enter")

    page.wait_for_url("**lang=zh-Hant**")
    page.locator(READY).wait_for()
    assert len(documents) == 1, documents  # one navigation: the button's, none from the arrow keys
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hant")
    expect(page.locator(".readout-table tbody tr")).to_have_count(3)
    assert readout(page)["z"] == [2.5, -1.0, 3.2]
    expect(page.locator(".tau-input input")).to_have_value("0.5")
    expect(page.locator("[role=tab][aria-selected=true]")).to_have_text(ZH("sweep.title"))
    expect(page.locator(".theme-toggle button")).to_have_text(ZH("theme.to_light"))  # still dark
    expect(page.get_by_role("button", name=ZH("language.apply"))).to_be_disabled()


def link_language(page: Page) -> str | None:
    return parse_qs(urlparse(page.url).query).get("lang", [None])[0]


@pytest.mark.parametrize("requested", ["zh-Hant", "zh-TW", "xx", "<b>x</b>"])
def test_the_english_file_says_it_has_english_only(page, exported, requested):
    """Issue 19, item 11: the offline file ignored ?lang= without a word. It is one language; it
    says so in each language, keeps the rest of the link, and its address bar drops the lang."""
    open_app(page, f"{exported.as_uri()}?lang={quote(requested)}&z=1,2,3")
    message = page.locator(".language-notice .bk-clearfix")
    expect(message).to_contain_text(
        f'This file is in English only, so the link\'s language "{requested}" is not used')
    expect(message).to_contain_text(f"這個檔案只有「English」一種語言，因此不採用連結指定的語言「{requested}」")
    assert page.locator(".language-notice b").count() == 0  # quoted as text, never markup
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".intro")).to_contain_text("Move the sliders")
    assert readout(page)["z"] == [1.0, 2.0, 3.0]
    page.wait_for_url(lambda url: link_language(page) == "en", timeout=5000)


def test_the_chinese_file_says_it_has_chinese_only(page, exported_chinese):
    open_app(page, f"{exported_chinese.as_uri()}?lang=en")
    message = page.locator(".language-notice .bk-clearfix")
    expect(message).to_contain_text("這個檔案只有「繁體中文」一種語言，因此不採用連結指定的語言「en」")
    expect(message).to_contain_text('This file is in 繁體中文 only, so the link\'s language "en" is not used')
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hant")


@pytest.mark.parametrize("requested", ["en", "EN", "en-GB", ""])
def test_the_file_says_nothing_when_the_link_asks_for_its_own_language(page, exported, requested):
    open_app(page, f"{exported.as_uri()}?lang={requested}&z=1,2,3")
    assert readout(page)["z"] == [1.0, 2.0, 3.0]  # the link has been applied, the check with it
    page.wait_for_function("() => Bokeh.documents[0].is_idle")
    expect(page.locator(".language-notice")).to_be_hidden()
