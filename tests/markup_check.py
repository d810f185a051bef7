"""The markup a translation may carry: the same inline tags in every language, never page structure.

Translations hold text and placeholders (components/words/i18n.py); the markup of a view lives
with the view (its Python or its static/js/callbacks file). Inline semantic tags (<b>, <i>,
<sub>, <sup>, <math>...) may stay in a sentence, but a translator must not be able to add,
drop or change one: ``tags(template)`` is the multiset of start tags (name and attributes) that
tests/test_i18n.py compares across languages.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

Tag = tuple[str, tuple[tuple[str, str | None], ...]]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: Counter[Tag] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found[(tag, tuple(sorted(attrs)))] += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def tags(template: str) -> Counter[Tag]:
    """The start tags of a template, with their attributes, counted."""
    parser = _Tags()
    parser.feed(template)
    parser.close()
    return parser.found


def classes(template: str) -> list[str]:
    """The class attributes a template carries (those belong to the view, not the words)."""
    return [value or "" for (_, attrs) in tags(template) for name, value in attrs if name == "class"]
