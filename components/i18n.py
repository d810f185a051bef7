"""The interface's words in every language it speaks: English and Traditional Chinese.

Every string a person can read or hear (headings, labels, aria-labels, tooltips,
notices, including the templates the browser fills in) lives in TEXTS, nowhere
else. Maths and numbers are not translated. Templates use ``{name}`` placeholders,
filled by ``Texts.__call__`` in Python and by ``formatText`` (components/browser_js.py)
in the browser, so one template serves both sides.
"""

from __future__ import annotations

import re

LANGUAGES: dict[str, str] = {"en": "English", "zh-Hant": "繁體中文"}
DEFAULT_LANGUAGE = "en"

# Accepted spellings of each language in links (?lang=...), case-insensitive.
_ALIASES = {"en": "en", "en-us": "en", "en-gb": "en", "zh-hant": "zh-Hant", "zh-tw": "zh-Hant",
            "zh-hk": "zh-Hant", "zh-mo": "zh-Hant", "zh-hant-tw": "zh-Hant"}

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "language.label": "Language",
    },
    "zh-Hant": {
        "language.label": "語言",
    },
}

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def choose_language(requested: object) -> str:
    """The language for a requested code (``?lang=``), or the default when unknown."""
    return _ALIASES.get(str(requested or "").strip().lower(), DEFAULT_LANGUAGE)


class Texts:
    """One language's strings: ``texts("key", name=value)`` fills a template."""

    def __init__(self, lang: str = DEFAULT_LANGUAGE) -> None:
        self.lang = choose_language(lang)
        self._table = TEXTS[self.lang]

    def __call__(self, key: str, **values: object) -> str:
        template = self._table[key]
        return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0),
                                template)

    def templates(self, prefix: str) -> dict[str, str]:
        """Unfilled templates whose key starts with ``prefix``, for browser code (keys without it)."""
        return {key[len(prefix):]: text for key, text in self._table.items() if key.startswith(prefix)}
