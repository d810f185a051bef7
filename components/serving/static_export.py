"""`python app.py export FILE`: the whole demo as one self-contained HTML file.

Bokeh's JS and CSS are inlined (Resources "inline"), the math runs in the
browser from the inlined static/ modules, and nothing is fetched: the file works
from file://, inside an iframe, offline and behind a school firewall.
"""

from __future__ import annotations

from pathlib import Path

from bokeh.embed import file_html
from bokeh.resources import Resources
from jinja2 import Template

from ..browser.browser_js import STATIC_DIR
from ..page.shell.page import SoftmaxLab
from ..words.i18n import DEFAULT_LANGUAGE

PAGE_CSS = (STATIC_DIR / "css" / "page.css").read_text(encoding="utf-8")

TEMPLATE = Template("""{% extends base %}
{% block preamble %}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{{ description }}">
{% endblock %}
{% block postamble %}<style>{{ page_css }}</style>{% endblock %}""")


class OfflineResources(Resources):
    """Bokeh's inline resources without any linked file.

    Bokeh lists the ``__javascript__`` files of every imported model class, used or
    not; once Panel is imported that adds a relative link to Panel's ES module shim,
    which this page never needs. Everything the page uses is in ``js_raw``.
    """

    @property
    def js_files(self) -> list[str]:
        return []

    @property
    def css_files(self) -> list[str]:
        return []

    def clone(self, *, components: list[str] | None = None) -> OfflineResources:
        """Bokeh clones the resources to drop unused bundles; keep the clone offline too."""
        return OfflineResources(mode="inline", components=components or list(self.components))


def export_html(lang: str = DEFAULT_LANGUAGE) -> str:
    """The page's HTML in one language: a fresh demo at the book's values, no Python callbacks.

    The file has no language switch: it holds one language's page, and there is no server
    to build the other; export each language to its own file.
    """
    lab = SoftmaxLab(sync_to_python=False, lang=lang, language_switch=False)
    html = file_html(
        lab.standalone_document(), resources=OfflineResources(mode="inline"), title=lab.title,
        template=TEMPLATE,
        template_variables={"page_css": PAGE_CSS, "description": lab.texts("page.description")},
    )
    # <html lang> in the file itself, before any script runs (the page also sets it on load).
    return html.replace('<html lang="en">', f'<html lang="{lab.lang}">', 1)


def export(path: Path, lang: str = DEFAULT_LANGUAGE) -> int:
    """Write the page to ``path``; returns its size in bytes."""
    html = export_html(lang)
    path.write_text(html, encoding="utf-8")
    return len(html.encode("utf-8"))
