"""The built page kept on disk between server starts, so a restarted server has it at once.

Building the page (serving/shared_page.py) is ~1.7 s of CPU, and a server's first visitor
waited for it: the served app's start to its first interactive page was slower than a naive
Panel app's (benchmarks/class_arrival.py). What a build makes is plain text (the page's HTML
elements and script), the same for every build of the same code, so it is written to
SOFTMAX_LAB_PAGE_CACHE (serving/settings.py) and read back by the next start whose code is the
same: the key hashes every file of components/ and static/, the versions of Python and of the
libraries the page is made with, the language and any BOKEH_* setting. A folder that cannot be
read or written only means the page is built, as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sys
from pathlib import Path

import bokeh
import bokeh.util.serialization as bokeh_ids
import numpy
import panel

from ..browser.browser_js import STATIC_DIR

COMPONENTS_DIR = Path(__file__).resolve().parents[1]
KEEP = 8  # pages kept in the folder (a few builds x languages); older ones are removed
_FIELDS = ("divs", "script", "title", "lang", "description", "js")
_ID = re.compile(r'"id":"p(\d+)"')


def page_key(lang: str) -> str:
    """Equal for two builds that make the same page: same code, same libraries, same language."""
    digest = hashlib.sha256(repr((sys.version, bokeh.__version__, panel.__version__, numpy.__version__, lang,
                                  sorted((k, v) for k, v in os.environ.items() if k.startswith("BOKEH_")))
                                 ).encode())
    for root in (COMPONENTS_DIR, STATIC_DIR):
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def load(folder: Path, lang: str) -> dict[str, str] | None:
    """The kept page of this code in ``lang`` (its SharedPage fields as text), or None."""
    try:
        fields = json.loads((folder / f"{lang}-{page_key(lang)}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(fields, dict) or set(fields) != set(_FIELDS) or fields["lang"] != lang:
        return None
    reserve_ids(fields["js"])
    return fields


def store(folder: Path, fields: dict[str, str]) -> None:
    """Keep a built page for the next start (quietly not, if the folder cannot be written)."""
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{fields['lang']}-{page_key(fields['lang'])}.json"
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps({name: fields[name] for name in _FIELDS}), encoding="utf-8")
        os.replace(partial, target)  # whole or not at all, for a server starting meanwhile
        for old in sorted(folder.glob("*.json"), key=lambda path: path.stat().st_mtime)[:-KEEP]:
            old.unlink()


def reserve_ids(js: str) -> None:
    """The models this process makes from now on get ids the kept page does not use.

    Bokeh numbers models per process (p1000, p1001, ...): a page built by another process used
    numbers this one would give its visitors' session models, and a browser holds both documents.
    """
    highest = max((int(number) for number in _ID.findall(js)), default=0)
    with bokeh_ids._simple_id_lock:
        bokeh_ids._simple_id = max(bokeh_ids._simple_id, highest)
