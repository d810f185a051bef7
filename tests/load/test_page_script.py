"""The page's script as a file of its own (serving/shared_page.py PageScriptHandler): a visitor's
HTML names it, the server sends it compressed and cacheable, and an unknown name is a 404."""

from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request

import pytest


def fetch(url: str, **headers: str) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.mark.timeout(120)
def test_the_page_script_is_one_cached_file_per_language(app_server):
    base_url = app_server()
    names = {}
    for lang in ("en", "zh-Hant"):
        status, _headers, html = fetch(f"{base_url}/app?lang={lang}")
        assert status == 200
        found = re.findall(rb'<script src="(/softmax-page/[^"]+\.js)"></script>', html)
        assert len(found) == 1, html[-2000:]
        names[lang] = found[0].decode()
        assert b"z-slider" not in html  # the page's document (its sliders) is not in the visitor's HTML
        status, headers, body = fetch(base_url + names[lang], **{"Accept-Encoding": "gzip"})
        assert status == 200 and headers["Content-Encoding"] == "gzip"
        assert "immutable" in headers["Cache-Control"]
        code = gzip.decompress(body)
        assert b"z-slider" in code and f'"{lang}"'.encode() in code
        status, headers, plain = fetch(base_url + names[lang])
        assert status == 200 and plain == code and "Content-Encoding" not in headers
    assert names["en"] != names["zh-Hant"]
    assert fetch(f"{base_url}{names['en'][:-6]}0000.js")[0] == 404
    assert fetch(f"{base_url}/softmax-page/xx-123.js")[0] == 404

