# ruff: noqa: E501 (long sentences read better unbroken in a translation table)
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
        "language.switch": "語言 · Language",
        "language.unknown": "The language \"{code}\" is not available, so the page is in English (available: {available}).",
        "page.title": "softmax-lab: the softmax function, live",
        "page.description": "The softmax function of Nielsen's Neural Networks and Deep Learning, chapter 3, live.",
        "page.intro": (
            "<h1>softmax-lab <span class='subtitle'>the softmax function, live</span></h1>"
            "<p class='lead'>Move the sliders to set the weighted inputs z<sup>L</sup><sub>j</sub> of an output "
            "layer, as in chapter 3 of Michael Nielsen's <i>Neural Networks and Deep Learning</i>. Raise "
            "z<sup>L</sup><sub>4</sub>: a<sup>L</sup><sub>4</sub> grows and every other output shrinks, by "
            "exactly as much in total, because the softmax outputs always sum to 1. The temperature τ divides "
            "every input: small τ sharpens the outputs towards the largest z, large τ flattens them towards "
            "uniform.</p>"
        ),
        # components/controls.py
        "controls.tau_title": "τ (temperature, log scale)",
        "controls.k_title": "K (number of outputs)",
        "controls.range": "z from −{limit} to {limit}",
        "controls.box_title": "{name} =",
        # static/input_check.js (typed numbers and link values)
        "input.not_number": "{name}: \"{text}\" is not a number, so {fallback} is kept (allowed: {low} to {high}).",
        "input.not_positive": (
            "{name}: \"{text}\" is not a positive number, so {fallback} is kept (allowed: {low} to {high})."
        ),
        "input.outside": "{name}: {number} is outside {low} to {high}, so {value} is used.",
        # components/state.py
        "state.z_not_finite": "{name}: '{value}' is not a finite number, so 0 is used.",
        "state.z_outside": "{name}: {number} is outside {low}..{high}, so {clamped} is used.",
        "state.tau_not_positive": "tau: '{value}' is not a positive number, so {default} is used.",
        "state.tau_outside": "tau: {number} is outside {low}..{high}, so {clamped} is used.",
        "state.k_not_number": "K: '{value}' is not a number, so {default} is used.",
        "state.k_not_whole": "K: {number} is not a whole number from {low} to {high}, so {clamped} is used.",
        # components/url_state.py
        "link.copy_button": "Copy link to this state",
        "link.copied": "Link copied: {link}",
        "link.copy_this": "Copy this link: {link}",
        "link.range_name": "Link range",
        "link.k_name": "Link K",
        "link.z_name": "Link {label}",
        "link.tau_name": "Link τ",
        "link.or": " or ",
        "link.range_not_allowed": "Link range: {wanted} is not one of {allowed}, so {used} is used.",
        "link.k_not_whole": "Link K: {wanted} is not a whole number, so {k} is used.",
        "link.too_few": "Link: {count} value for z, but at least {low} outputs are shown.",
        "link.too_many": "Link: {count} values for z but K = {k}; the extra values are ignored.",
        "link.view_unknown": "Link view: \"{wanted}\" is not one of {slugs}, so the first is shown.",
        # components/connection_status.py
        "connection.lost": (
            "The connection to the server was lost. The page still computes in your browser; "
            "reload it to reconnect: your settings are kept in the link."
        ),
        "connection.reload": "Reload",
        # components/presets.py
        "preset.book": "Reset to the book's values",
        "preset.equal": "All equal",
        "preset.dominant": "One dominant",
        "preset.ties": "Near-ties",
        "preset.extreme": "Extreme values (|z| = 1000)",
        # components/equations.py
        "equations.with_tau": "with τ",
        # components/bar_chart.py, softmax_chart.py, sigmoid_panel.py (hover tooltips and headings)
        "hover.output": "output",
        "hover.value": "value",
        "chart.softmax_heading": (
            "<h2>Softmax outputs a<sup>L</sup><sub>j</sub></h2><p>total <b class='total'>{total}</b>"
            " · τ = <span class='tau'>{tau}</span></p>"
        ),
        "chart.sigmoid_heading": (
            "<h2>Sigmoid outputs σ(z<sup>L</sup><sub>j</sub>)</h2><p>total <b class='total'>{total}</b>"
            " <span class='verdict'>{verdict}</span></p>"
        ),
        "chart.sigmoid_coincidence": "= 1 only by coincidence",
        "chart.sigmoid_not_one": "≠ 1",
        "chart.sigmoid_explanation": (
            "<p>The same inputs through a <b>sigmoid</b> layer, σ(z) = 1/(1+e<sup>−z</sup>): each output "
            "depends on its own z<sub>j</sub> only, so the outputs do not add up to 1 and are not a "
            "probability distribution. Temperature does not enter here.</p>"
        ),
        # components/readout_table.py
        "readout.header": (
            "<table class='readout'><caption>Outputs for the current inputs</caption>"
            "<thead><tr><th scope='col'>j</th><th scope='col'>zᴸⱼ</th>"
            "<th scope='col'>softmax aᴸⱼ</th><th scope='col'>sigmoid σ(zᴸⱼ)</th></tr></thead><tbody>"
        ),
        "readout.total": "total",
        "theme.to_dark": "☾ Dark theme",
        "theme.to_light": "☀ Light theme",
    },
    "zh-Hant": {
        "language.label": "語言",
        "language.switch": "語言 · Language",
        "language.unknown": "沒有「{code}」這個語言，因此頁面以英文顯示（可用：{available}）。",
        "page.title": "softmax-lab：softmax 函數即時互動",
        "page.description": "Nielsen《神經網路與深度學習》第三章的 softmax 函數，即時互動。",
        "page.intro": (
            "<h1>softmax-lab <span class='subtitle'>softmax 函數即時互動</span></h1>"
            "<p class='lead'>拖動滑桿，設定輸出層的加權輸入 z<sup>L</sup><sub>j</sub>，一如 Michael Nielsen"
            "《<i>神經網路與深度學習</i>》第三章。調高 z<sup>L</sup><sub>4</sub>：a<sup>L</sup><sub>4</sub> "
            "變大，其他每個輸出都變小，而且減少的總量恰好等於增加的量，因為 softmax 的輸出總和永遠是 1。"
            "溫度 τ 會除以每一個輸入：τ 小，輸出集中到最大的 z；τ 大，輸出趨於均勻。</p>"
        ),
        # components/controls.py
        "controls.tau_title": "τ（溫度，對數刻度）",
        "controls.k_title": "K（輸出的個數）",
        "controls.range": "z 從 −{limit} 到 {limit}",
        "controls.box_title": "{name} =",
        # static/input_check.js (typed numbers and link values)
        "input.not_number": "{name}：「{text}」不是數字，因此保留 {fallback}（允許範圍：{low} 到 {high}）。",
        "input.not_positive": "{name}：「{text}」不是正數，因此保留 {fallback}（允許範圍：{low} 到 {high}）。",
        "input.outside": "{name}：{number} 超出 {low} 到 {high} 的範圍，因此改用 {value}。",
        # components/state.py
        "state.z_not_finite": "{name}：「{value}」不是有限的數，因此改用 0。",
        "state.z_outside": "{name}：{number} 超出 {low}..{high} 的範圍，因此改用 {clamped}。",
        "state.tau_not_positive": "τ：「{value}」不是正數，因此改用 {default}。",
        "state.tau_outside": "τ：{number} 超出 {low}..{high} 的範圍，因此改用 {clamped}。",
        "state.k_not_number": "K：「{value}」不是數字，因此改用 {default}。",
        "state.k_not_whole": "K：{number} 不是 {low} 到 {high} 之間的整數，因此改用 {clamped}。",
        # components/url_state.py
        "link.copy_button": "複製目前狀態的連結",
        "link.copied": "已複製連結：{link}",
        "link.copy_this": "請複製這個連結：{link}",
        "link.range_name": "連結中的範圍",
        "link.k_name": "連結中的 K",
        "link.z_name": "連結中的 {label}",
        "link.tau_name": "連結中的 τ",
        "link.or": " 或 ",
        "link.range_not_allowed": "連結中的範圍：{wanted} 不是 {allowed} 之一，因此改用 {used}。",
        "link.k_not_whole": "連結中的 K：{wanted} 不是整數，因此改用 {k}。",
        "link.too_few": "連結：z 只有 {count} 個值，但至少會顯示 {low} 個輸出。",
        "link.too_many": "連結：z 有 {count} 個值，但 K = {k}；多出的值不予採用。",
        "link.view_unknown": "連結中的分頁：「{wanted}」不是 {slugs} 之一，因此顯示第一個分頁。",
        # components/connection_status.py
        "connection.lost": "與伺服器的連線中斷了。頁面仍在你的瀏覽器中計算；重新載入即可重新連線：你的設定都保存在連結裡。",
        "connection.reload": "重新載入",
        # components/presets.py
        "preset.book": "回到書中的初始值",
        "preset.equal": "全部相等",
        "preset.dominant": "一個特別大",
        "preset.ties": "幾乎平手",
        "preset.extreme": "極端值（|z| = 1000）",
        # components/equations.py
        "equations.with_tau": "含 τ",
        # components/bar_chart.py, softmax_chart.py, sigmoid_panel.py (hover tooltips and headings)
        "hover.output": "輸出",
        "hover.value": "數值",
        "chart.softmax_heading": (
            "<h2>Softmax 輸出 a<sup>L</sup><sub>j</sub></h2><p>總和 <b class='total'>{total}</b>"
            " · τ = <span class='tau'>{tau}</span></p>"
        ),
        "chart.sigmoid_heading": (
            "<h2>Sigmoid 輸出 σ(z<sup>L</sup><sub>j</sub>)</h2><p>總和 <b class='total'>{total}</b>"
            " <span class='verdict'>{verdict}</span></p>"
        ),
        "chart.sigmoid_coincidence": "= 1 只是巧合",
        "chart.sigmoid_not_one": "≠ 1",
        "chart.sigmoid_explanation": (
            "<p>同樣的輸入改經過 <b>sigmoid</b> 層，σ(z) = 1/(1+e<sup>−z</sup>)：每個輸出只取決於自己的 "
            "z<sub>j</sub>，所以輸出的總和不是 1，也不構成機率分布。這裡與溫度無關。</p>"
        ),
        # components/readout_table.py
        "readout.header": (
            "<table class='readout'><caption>目前輸入所對應的輸出</caption>"
            "<thead><tr><th scope='col'>j</th><th scope='col'>zᴸⱼ</th>"
            "<th scope='col'>softmax aᴸⱼ</th><th scope='col'>sigmoid σ(zᴸⱼ)</th></tr></thead><tbody>"
        ),
        "readout.total": "總和",
        "theme.to_dark": "☾ 深色主題",
        "theme.to_light": "☀ 淺色主題",
    },
}

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def choose_language(requested: object) -> str:
    """The language for a requested code (``?lang=``), or the default when unknown."""
    return _ALIASES.get(str(requested or "").strip().lower(), DEFAULT_LANGUAGE)


def is_known_language(requested: object) -> bool:
    """Whether ``requested`` names a language of TEXTS (any accepted spelling)."""
    return str(requested or "").strip().lower() in _ALIASES


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
