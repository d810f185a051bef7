"""The language switch at the top of the page, and the page's <html lang>.

The served page is built in one language (``?lang=zh-Hant``, read by app.py); switching
loads the same page with ``lang`` set in its link. The link holds the whole state
(z, K, range, τ, the open tab, the theme), so nothing the student set is lost on the way.
The switch builds that link from the controls themselves, not from the address bar,
which UrlState updates only every 250 ms.

Choosing in the menu changes nothing by itself (WCAG 3.2.2: arrow keys move through a closed
<select>'s options, and each move is a change): the button beside it switches, and is enabled
only while another language is chosen.

The static export is one language, with no menu: a ``?lang=`` naming another language (or none
it has) is answered with a notice instead of being ignored.
"""

from __future__ import annotations

from bokeh.document import Document
from bokeh.models import Button, CustomJS, Div, Select

from ...browser.browser_js import js_code
from ...words.i18n import LANGUAGES, Texts, language_aliases
from .url_state import LINK_FUNCTIONS, UrlState

# The menu only chooses; the button says whether there is anything to switch to.
CHOOSE_JS = "button.disabled = cb_obj.value === lang;"

# <html lang> follows the page's language (screen readers pick their voice from it).
HTML_LANG_JS = "document.documentElement.lang = lang;"


def unknown_language_notice(requested: str, texts: Texts) -> str:
    """What the page says when ``?lang=`` names no language it has (quoted, shortened).

    Said in the page's language first, then in every other one: whoever asked for a language
    the page lacks may not read the default one.
    """
    shown = requested if len(requested) <= 40 else f"{requested[:40]}…"
    others = [lang for lang in LANGUAGES if lang != texts.lang]
    return " ".join(Texts(lang)("language.unknown", code=shown, available=", ".join(LANGUAGES))
                    for lang in [texts.lang, *others])


def one_language_notice(texts: Texts) -> str:
    """What the static export says when its link asks for another language: the file has only
    its own; the served app has every one. In every language (the page's first), as
    unknown_language_notice; ``{code}`` is left for the browser to fill with what was asked."""
    others = [lang for lang in LANGUAGES if lang != texts.lang]
    return " ".join(Texts(lang)("language.one_file", language=LANGUAGES[texts.lang],
                                available=", ".join(LANGUAGES.values()))
                    for lang in [texts.lang, *others])


class LanguageSwitch:
    """A Select of the languages by their own names and a button that reloads the page in the
    chosen one.

    ``switchable`` is False where reloading cannot work: in the static export (one file,
    one language, no server to build the other) and where the page's URL is not the app's
    (a notebook, a <script> embed). The static export (not switchable, but its URL is the page's)
    says so when its link asks for another language.
    """

    def __init__(self, texts: Texts, url_state: UrlState, *, switchable: bool = True,
                 notice: str = "") -> None:
        self.lang = texts.lang
        self.select = Select(
            title=texts("language.switch"), value=texts.lang, options=list(LANGUAGES.items()), width=150,
            css_classes=["language-switch"], visible=switchable,
        )
        # Enabled only while the menu names another language: Tab from the menu then reaches it.
        self.button = Button(
            label=texts("language.apply"), css_classes=["language-apply"], visible=switchable, disabled=True,
            align="end", syncable=False,
        )
        self.select.js_on_change("value", CustomJS(code=CHOOSE_JS, args={"button": self.button,
                                                                         "lang": texts.lang}))
        # The page in the chosen language, at the state the controls hold now.
        self.button.js_on_event("button_click", js_code(
            "shell/switch_language.js", functions=LINK_FUNCTIONS, **url_state.link_args, lang=texts.lang,
            select=self.select))
        one_file = not switchable and url_state.follow_page_url
        # The served page is one page per language for every visitor (serving/shared_page.py):
        # an unknown ?lang= is read and told in the browser, with the same words.
        served = switchable and url_state.follow_page_url
        # render_as_text: the notice quotes what the link said, never as HTML. It looks like the
        # notice under the controls (static/css/app.css) but has its own class: tests and scripts
        # that read "the notice" (.notice) mean that one.
        self.notice = Div(
            text=notice, render_as_text=True, visible=bool(notice), css_classes=["language-notice"],
            html_attributes={"role": "status"}, sizing_mode="stretch_width", syncable=False,
        )
        self._html_lang = CustomJS(code=HTML_LANG_JS, args={"lang": texts.lang})
        # The static export: a ?lang= that is not the file's language is said, not ignored.
        self._one_file = js_code(
            "shell/one_file_language.js", notice=self.notice, lang=texts.lang, aliases=language_aliases(),
            template=one_language_notice(texts) if one_file else unknown_language_notice("{code}", texts),
        ) if one_file or served else None
        # What the page shows: the switch where it can work, the notice when there is (or, in the
        # static export and the served page, may be) one.
        self.models = [*([self.notice] if notice or one_file or served else []),
                       *([self.select, self.button] if switchable else [])]

    def attach(self, document: Document, *, whole_page: bool = True) -> None:
        """Set <html lang> once the page is ready, where the page is ours (not in a notebook)."""
        if whole_page:
            document.js_on_event("document_ready", self._html_lang)
        if self._one_file is not None:
            document.js_on_event("document_ready", self._one_file)
