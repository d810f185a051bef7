"""The language switch at the top of the page, and the page's <html lang>.

The served page is built in one language (``?lang=zh-Hant``, read by app.py); switching
loads the same page with ``lang`` set in its link. The link holds the whole state
(z, K, range, τ, the open tab), so nothing the student set is lost on the way.
The switch builds that link from the controls themselves, not from the address bar,
which UrlState updates only every 250 ms.
"""

from __future__ import annotations

from bokeh.document import Document
from bokeh.models import CustomJS, Div, Select

from components.i18n import LANGUAGES, Texts
from components.url_state import LINK_JS, UrlState

SWITCH_JS = LINK_JS + """
if (cb_obj.value === lang) return;
const url = new URL(currentLink(), window.location.href);
url.searchParams.set("lang", cb_obj.value);
window.location.assign(url.toString());
"""

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


class LanguageSwitch:
    """A Select of the languages by their own names; choosing one reloads the page in it.

    ``switchable`` is False where reloading cannot work: in the static export (one file,
    one language, no server to build the other) and where the page's URL is not the app's
    (a notebook, a <script> embed).
    """

    def __init__(self, texts: Texts, url_state: UrlState, *, switchable: bool = True,
                 notice: str = "") -> None:
        self.lang = texts.lang
        self.select = Select(
            title=texts("language.switch"), value=texts.lang, options=list(LANGUAGES.items()), width=150,
            css_classes=["language-switch"], visible=switchable,
        )
        self.select.js_on_change("value", CustomJS(code=SWITCH_JS, args={
            **url_state.link_args, "lang": texts.lang,
        }))
        # render_as_text: the notice quotes what the link said, never as HTML. It looks like the
        # notice under the controls (static/app.css) but has its own class: tests and scripts
        # that read "the notice" (.notice) mean that one.
        self.notice = Div(
            text=notice, render_as_text=True, visible=bool(notice), css_classes=["language-notice"],
            html_attributes={"role": "status"}, sizing_mode="stretch_width", syncable=False,
        )
        self._html_lang = CustomJS(code=HTML_LANG_JS, args={"lang": texts.lang})
        # What the page shows: the switch where it can work, the notice when there is one.
        self.models = [*([self.notice] if notice else []), *([self.select] if switchable else [])]

    def attach(self, document: Document, *, whole_page: bool = True) -> None:
        """Set <html lang> once the page is ready, where the page is ours (not in a notebook)."""
        if whole_page:
            document.js_on_event("document_ready", self._html_lang)
