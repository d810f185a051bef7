"""MkDocs hook: point the served-app embed at SOFTMAX_LAB_URL when it is set at build time."""

from __future__ import annotations

import os
from typing import Any

DEFAULT_APP_URL = "http://127.0.0.1:5006/app"


def on_page_markdown(markdown: str, **_: Any) -> str:
    # Raw HTML in Markdown is passed through untouched, so the address is swapped in the source.
    app_url = os.environ.get("SOFTMAX_LAB_URL", "").strip() or DEFAULT_APP_URL
    return markdown.replace(DEFAULT_APP_URL, app_url.rstrip("/"))
