"""The translation tables and how a page's language is chosen, without a browser."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bokeh.models import Markup, Model

from components.model.state import SoftmaxState, clamp_k, clamp_tau, clamp_z
from components.page.shell.page import SoftmaxLab
from components.serving.server import requested_language
from components.serving.static_export import export_html
from components.words.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    TEXTS,
    Texts,
    choose_language,
    is_known_language,
)
from tests.language_check import english_words
from tests.markup_check import classes, tags

ROOT = Path(__file__).resolve().parents[1]
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def test_every_key_is_in_every_language_with_the_same_placeholders():
    assert set(TEXTS) == set(LANGUAGES)
    english = TEXTS[DEFAULT_LANGUAGE]
    for lang, table in TEXTS.items():
        assert set(table) == set(english), (lang, set(table) ^ set(english))
        for key, text in table.items():
            assert text.strip(), (lang, key)
            assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(english[key])), (lang, key)


# Keys whose markup has not moved out of the translations yet (issue 18): the views' engineers
# empty this list as they move it into their view's code. Every other key passes both tests below.
MARKUP_PENDING: frozenset[str] = frozenset()


def test_every_translation_carries_the_same_tags_as_english():
    """A translator cannot add, drop or change markup: inline tags (name and attributes) match."""
    english = TEXTS[DEFAULT_LANGUAGE]
    differ = {(lang, key) for lang, table in TEXTS.items() for key, text in table.items()
              if key not in MARKUP_PENDING and tags(text) != tags(english[key])}
    assert differ == set()


def test_translations_carry_no_classes():
    """Classes are the page's structure (its CSS, its JS, its tests): they live with the view."""
    found = {(lang, key): classes(text) for lang, table in TEXTS.items() for key, text in table.items()
             if key not in MARKUP_PENDING and classes(text)}
    assert found == {}
    still = {key for key in MARKUP_PENDING if any(classes(TEXTS[lang][key]) or tags(TEXTS[lang][key])
                                                  != tags(TEXTS[DEFAULT_LANGUAGE][key]) for lang in TEXTS)}
    assert still == MARKUP_PENDING, f"{sorted(MARKUP_PENDING - still)} pass now: take them off the list"


def test_the_chinese_table_has_no_english_words():
    leftovers = {key: english_words(PLACEHOLDER.sub(" ", text)) for key, text in TEXTS["zh-Hant"].items()}
    assert {key: words for key, words in leftovers.items() if words} == {}


@pytest.mark.parametrize(("requested", "chosen"), [
    ("en", "en"), ("EN", "en"), ("en-GB", "en"), (" en-us ", "en"),
    ("zh-Hant", "zh-Hant"), ("zh-hant", "zh-Hant"), ("ZH-TW", "zh-Hant"), ("zh-HK", "zh-Hant"),
    ("zh-Hant-TW", "zh-Hant"),
])
def test_choose_language_accepts_codes_and_aliases(requested, chosen):
    assert choose_language(requested) == chosen
    assert is_known_language(requested)


@pytest.mark.parametrize("junk", [
    None, "", "xx", "fr", "zh", "zh-Hans", "<script>alert(1)</script>", "en;drop", "\u0000", 42, "e" * 10_000,
])
def test_choose_language_falls_back_to_english_for_anything_else(junk):
    assert choose_language(junk) == DEFAULT_LANGUAGE
    assert not is_known_language(junk)


def test_texts_fill_placeholders_and_give_unfilled_templates_to_the_browser():
    texts = Texts("zh-Hant")
    assert texts("controls.range", limit=5) == "z 從 −5 到 5"
    assert Texts("nonsense").lang == DEFAULT_LANGUAGE
    templates = texts.templates("input.")
    assert set(templates) == {"not_number", "not_positive", "outside", "too_large"}
    assert "{name}" in templates["outside"]


@pytest.mark.parametrize(("args", "lang"), [
    ({}, "en"), ({"lang": [b"zh-Hant"]}, "zh-Hant"), ({"lang": [b"zh-TW"]}, "zh-Hant"),
    ({"lang": [b"\xff\xfe"]}, "en"), ({"lang": [b"xx", b"zh-Hant"]}, "en"),
])
def test_the_served_app_reads_lang_from_the_link(args, lang):
    assert choose_language(requested_language(args)) == lang


def test_state_notices_follow_the_language():
    state = SoftmaxState(lang="zh-Hant")
    state.set_z(0, "?!")
    state.set_tau(-1)
    state.set_k(2.5)
    assert all(not english_words(notice) for notice in state.notices), state.notices
    assert len(state.notices) == 3
    # The default stays English, word for word.
    assert clamp_z("abc")[1] == "z: 'abc' is not a finite number, so 0 is used."
    assert clamp_tau(0)[1] == "tau: '0' is not a positive number, so 1 is used."
    assert clamp_k(99)[1] == "K: 99 is not a whole number from 2 to 10, so 10 is used."


def model_strings(model: Model) -> list[str]:
    """Every string a person can read that the page's Bokeh models carry (rendered or on canvas)."""
    found: list[str] = []
    for ref in model.references():
        for name in ("title", "label", "axis_label"):
            value = getattr(ref, name, None) if name in ref.properties() else None
            if isinstance(value, str):
                found.append(value)
        if isinstance(ref, Markup):  # a LabelSet's ``text`` names a column, not words
            found.append(ref.text)
        if "labels" in ref.properties() and isinstance(ref.labels, list):
            found += [v for v in ref.labels if isinstance(v, str)]
        if "options" in ref.properties():
            found += [o[1] if isinstance(o, tuple) else str(o) for o in ref.options]
        if "tooltips" in ref.properties() and isinstance(ref.tooltips, list):
            found += [label for label, _field in ref.tooltips]
        if "html_attributes" in ref.properties():
            found += [v for k, v in ref.html_attributes.items() if k in ("aria-label", "title")]
    return found


def test_the_chinese_page_models_carry_no_english_words():
    lab = SoftmaxLab(lang="zh-Hant")
    strings = model_strings(lab.model)
    assert len(strings) > 50
    leftovers = {s[:80]: english_words(s) for s in strings if english_words(s)}
    assert leftovers == {}
    assert lab.title.startswith("softmax-lab")
    assert [view.title for view in lab.exercises.views] == [
        "非局部性", "單調性（雅可比矩陣）", "溫度與配分函數", "掃描", "交叉熵", "反轉 softmax",
        "抽樣",
        "下一個詞的解碼", "Softmax 多臂吃角子老虎", "訓練", "Softmax 與它的近親",
    ]


def test_the_english_page_is_unchanged_by_default():
    lab = SoftmaxLab()
    assert lab.lang == "en" and not lab.language.notice.visible
    assert lab.exercises.views[0].title == "Non-locality"
    assert any("Move the sliders" in text for text in model_strings(lab.model))


def test_an_unknown_language_gives_english_and_a_notice_that_quotes_it_shortened():
    lab = SoftmaxLab(lang="<b>x</b>" * 20)
    assert lab.lang == "en"
    notice = lab.language.notice
    assert notice.visible and notice.render_as_text  # quoted, never rendered as HTML
    assert notice.text.startswith('The language "<b>x</b>') and "…" in notice.text
    assert "available: en, zh-Hant" in notice.text


def test_the_static_export_in_chinese():
    html = export_html("zh-Hant")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="zh-Hant">' in html
    assert "<title>softmax-lab：softmax 函數即時互動</title>" in html
    # The document travels as JSON, which escapes non-ASCII text.
    assert json.dumps("非局部性")[1:-1] in html and "Move the sliders" not in html


def test_export_command_takes_lang(tmp_path):
    path = tmp_path / "demo-zh.html"
    result = subprocess.run([sys.executable, "app.py", "export", "--lang", "zh-Hant", str(path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert '<html lang="zh-Hant">' in path.read_text(encoding="utf-8")
    refused = subprocess.run([sys.executable, "app.py", "export", "--lang", "xx", str(path)], cwd=ROOT,
                             capture_output=True, text=True, timeout=120)
    assert refused.returncode == 2 and "invalid choice" in refused.stderr
