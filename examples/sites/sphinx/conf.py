"""A tiny course site built by Sphinx (the engine behind Jupyter Book) with MyST Markdown pages.

    python app.py export examples/sites/sphinx/_extra/softmax-lab.html   # the offline demo
    SOFTMAX_LAB_URL=https://softmax.example.edu/app sphinx-build -b html examples/sites/sphinx build/site

The pages name the served app at http://127.0.0.1:5006/app (what `python app.py` serves);
SOFTMAX_LAB_URL at build time points them at another server instead.
"""

from __future__ import annotations

import os

from sphinx.application import Sphinx

project = "Neural networks, week 3"
author = "The course team"
extensions = ["myst_parser"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_extra"]
# alabaster, Sphinx's default theme, ships every file it uses: the built site fetches nothing.
html_theme = "alabaster"
# Files copied as they are to the root of the built site, beside the pages: the exported demo.
html_extra_path = ["_extra"]

DEFAULT_APP_URL = "http://127.0.0.1:5006/app"
APP_URL = os.environ.get("SOFTMAX_LAB_URL", "").strip() or DEFAULT_APP_URL


def point_at_the_app(app: Sphinx, docname: str, source: list[str]) -> None:
    # The raw HTML of the embed is passed through untouched, so the address is swapped in the source.
    source[0] = source[0].replace(DEFAULT_APP_URL, APP_URL.rstrip("/"))


def setup(app: Sphinx) -> dict[str, bool]:
    app.connect("source-read", point_at_the_app)
    return {"parallel_read_safe": True}
