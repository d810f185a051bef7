"""The built page kept between server starts (components/serving/page_cache.py): a start with the
same code reads the page instead of building it, gets the same page, and gives its own models ids
the page does not use; other code, another language or a folder that cannot be used builds it."""

from __future__ import annotations

import re
from pathlib import Path

import bokeh.util.serialization as bokeh_ids
import pytest
from bokeh.util.serialization import make_id

from components.serving import page_cache, shared_page
from components.serving.settings import ServerSettings


@pytest.fixture
def fresh_process(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """shared_page as in a process that has built no page yet; returns the languages it builds."""
    monkeypatch.setattr(shared_page, "_PAGES", {})
    builds: list[str] = []
    build = shared_page._build_page

    def counted(lang: str) -> shared_page.SharedPage:
        builds.append(lang)
        return build(lang)

    monkeypatch.setattr(shared_page, "_build_page", counted)
    return builds


def restart(monkeypatch: pytest.MonkeyPatch) -> None:
    """As a new process: no page, and Bokeh's model ids counted from their start again."""
    monkeypatch.setattr(shared_page, "_PAGES", {})
    monkeypatch.setattr(bokeh_ids, "_simple_id", 999)


def test_a_restart_reads_the_page_the_last_start_built(tmp_path: Path, fresh_process: list[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    built = shared_page.shared_page("en", tmp_path)
    assert fresh_process == ["en"] and len(list(tmp_path.glob("*.json"))) == 1
    restart(monkeypatch)
    read = shared_page.shared_page("en", tmp_path)
    assert fresh_process == ["en"]  # not built again
    assert read == built and read.js_name == built.js_name and read.js_gzip
    page_ids = [int(number) for number in re.findall(r'"id":"p(\d+)"', read.js.decode())]
    assert int(make_id().removeprefix("p")) > max(page_ids)  # a visitor's models: ids of their own


def test_other_code_another_language_or_no_folder_builds_the_page(tmp_path: Path, fresh_process: list[str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    shared_page.shared_page("en", tmp_path)
    restart(monkeypatch)
    shared_page.shared_page("zh-Hant", tmp_path)  # another language: its own page
    assert fresh_process == ["en", "zh-Hant"]
    restart(monkeypatch)
    key = page_cache.page_key
    monkeypatch.setattr(page_cache, "page_key", lambda lang: "changed" + key(lang))  # the code changed
    shared_page.shared_page("en", tmp_path)
    assert fresh_process == ["en", "zh-Hant", "en"]
    restart(monkeypatch)
    (tmp_path / "file").write_text("")
    shared_page.shared_page("en", tmp_path / "file" / "below")  # cannot be made: built, no error
    assert fresh_process[-1] == "en" and len(fresh_process) == 4


def test_a_damaged_kept_page_is_built_again(tmp_path: Path, fresh_process: list[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    shared_page.shared_page("en", tmp_path)
    for kept in tmp_path.glob("*.json"):
        kept.write_text(kept.read_text()[:1000])  # e.g. a disk that filled up
    restart(monkeypatch)
    assert shared_page.shared_page("en", tmp_path).js  # built again, whole
    assert fresh_process == ["en", "en"]


def test_the_page_cache_setting(tmp_path: Path) -> None:
    assert ServerSettings.from_env({"SOFTMAX_LAB_PAGE_CACHE": str(tmp_path)}).page_cache == tmp_path
    assert ServerSettings.from_env({"SOFTMAX_LAB_PAGE_CACHE": "off"}).page_cache is None
    assert ServerSettings.from_env({"HOME": "/h"}).page_cache == Path("/h/.cache/softmax-lab")
    xdg = ServerSettings.from_env({"HOME": "/h", "XDG_CACHE_HOME": "/c"})
    assert xdg.page_cache == Path("/c/softmax-lab")
    assert ServerSettings.from_env({}).page_cache is None
