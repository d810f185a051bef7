"""A light and a dark theme, switched in the browser: served, embedded and in the static export.

The page's colours are CSS custom properties (``--lab-*``) set on the app's root
element; they inherit into every Bokeh shadow root, where static/css/app.css and
THEME_CSS map them onto the page's and Bokeh's own widget variables. Canvas colours
(plot backgrounds, axes, grids, labels) are model properties: the browser swaps each
light colour for its dark twin (PLOT_DARK) and restores the originals for light.
Data colours (bars, lines, the Jacobian's palette) stay: they were chosen to read on both.

The theme comes from ``?theme=dark|light``, else from the system's
``prefers-color-scheme``; the toggle writes ``?theme=`` so links keep it. The button's tags say
the theme shown and whether it was chosen (by the link or the button: ``["dark", "chosen"]``) or
follows the system (``["light"]``): the link (components/page/shell/url_state.py) writes a chosen theme only.
Any other ``?theme=`` gives the system's theme; the link's notice says so
(static/js/callbacks/shell/apply_link.js).
"""

from __future__ import annotations

from bokeh.document import Document
from bokeh.models import Button, CustomJS, InlineStyleSheet, LayoutDOM

from ...browser.browser_js import js_code
from ...words.i18n import Texts

# What ?theme= may say; anything else gives the system's theme, with a notice.
THEMES: tuple[str, ...] = ("dark", "light")

# Page colours: light, dark. Text pairs keep >= 4.5:1 contrast on their backgrounds.
CSS_VARIABLES: dict[str, tuple[str, str]] = {
    "--lab-page": ("#ffffff", "#12161b"),
    "--lab-surface": ("#ffffff", "#1c2229"),
    "--lab-hover": ("#f5f7fa", "#262d35"),
    "--lab-track": ("#eef1f4", "#2a3139"),
    "--lab-ink": ("#1f2933", "#e6e9ed"),
    "--lab-muted": ("#52606d", "#a9b4bf"),
    "--lab-accent": ("#005a8c", "#7cc4f0"),
    "--lab-warn": ("#8a4b00", "#f3b865"),
    "--lab-warn-bg": ("#fff4e0", "#33260f"),
    "--lab-alert": ("#5c1a00", "#ffd2bf"),
    "--lab-alert-bg": ("#ffe3d6", "#4a1f10"),
    "--lab-good": ("#1b7a3a", "#74d394"),
    "--lab-diag": ("#8f1422", "#ff9aa4"),
    "--lab-off": ("#1b5690", "#9ccaff"),
    "--lab-rule": ("#d9e2ec", "#3a424c"),
    "--lab-border": ("#9aa5b1", "#66707b"),
    "--lab-active-bg": ("#c3dbeb", "#1f4460"),
    "--lab-active-fg": ("#1d5f8c", "#cfe6f7"),
}

# Canvas colours of the light theme (ours and Bokeh's defaults) -> their dark twins.
PLOT_DARK: dict[str, str] = {
    "#ffffff": "#12161b", "white": "#12161b",  # plot background, borders, cell separators
    "#222222": "#e6e9ed", "#1f2933": "#e6e9ed", "black": "#c8ced6", "#000000": "#c8ced6",
    "#444444": "#c8ced6",  # Bokeh's axis and legend labels
    "#e5e5e5": "#343b44",  # Bokeh's grid and outline
    "#52606d": "#a9b4bf",  # markers (dashed spans)
    "#bdbdbd": "#4b535d",  # the Jacobian's exactly-zero cells
    "#e6e6e6": "#2a3139",  # a slider's bar
}

# Bokeh's own widget variables (bokeh.min.js :host rules), fed from the page's colours.
# Model stylesheets come after Bokeh's, so these win; the fallbacks are the light theme.
THEME_CSS = """
:host {
  --color: var(--lab-ink, #1f2933);
  --background-color: var(--lab-surface, #ffffff);
  --hover-color: var(--lab-hover, #f5f7fa);
  --border-color: var(--lab-border, #9aa5b1);
  --divider-color: var(--lab-rule, #d9e2ec);
  --surface-background-color: var(--lab-track, #eef1f4);
  --inactive-bg: var(--lab-track, #eef1f4);
  --inactive-fg: var(--lab-muted, #52606d);
  --active-bg: var(--lab-active-bg, #c3dbeb);
  --active-fg: var(--lab-active-fg, #1d5f8c);
  --default: var(--lab-surface, #ffffff);
  --default-border: var(--lab-border, #9aa5b1);
  --default-hover: var(--lab-hover, #f5f7fa);
  --default-hover-border: var(--lab-border, #9aa5b1);
  --default-active: var(--lab-active-bg, #c3dbeb);
  --default-active-border: var(--lab-border, #9aa5b1);
  --tooltip-arrow-color: var(--lab-surface, #ffffff);
  color: var(--lab-ink, #1f2933);
}
.bk-btn-default { color: var(--lab-ink, #1f2933); }
/* Disabled ("Switch language" until another language is chosen): readable in both themes. */
.bk-btn-default[disabled] { color: var(--lab-muted, #52606d); background-color: var(--lab-track, #eef1f4); }
.bk-input { color: var(--lab-ink, #1f2933); }
.noUi-target { background: var(--lab-track, #eef1f4); border-color: var(--lab-border, #9aa5b1);
  box-shadow: none; }
.noUi-handle { background: var(--lab-surface, #ffffff); border-color: var(--lab-border, #9aa5b1);
  box-shadow: none; }
"""

# The theme callbacks (static/js/callbacks/shell/): each calls applyTheme (functions/apply_theme.js).
THEME_FUNCTIONS = ("shell/functions/apply_theme.js",)


class ThemeToggle:
    """A button that switches light <-> dark, and the theme chosen when the page opens."""

    def __init__(self, texts: Texts, *, whole_page: bool = True) -> None:
        self.whole_page = whole_page
        self.stylesheet = InlineStyleSheet(css=THEME_CSS)
        self.labels = {"dark": texts("theme.to_dark"), "light": texts("theme.to_light")}
        self.button = Button(
            label=self.labels["dark"], css_classes=["theme-toggle"], tags=["light"], width=150, align="end",
            syncable=False,
        )

    def _args(self, root: LayoutDOM) -> dict:
        return {
            "root": root, "toggle": self.button, "labels": self.labels, "whole_page": self.whole_page,
            "css_variables": {name: list(pair) for name, pair in CSS_VARIABLES.items()},
            "plot_dark": PLOT_DARK, "themes": list(THEMES),
        }

    def wire(self, root: LayoutDOM) -> None:
        """Wire the button and the theme on load; the page attaches ``stylesheet`` to every element."""
        self.button.js_on_event("button_click", js_code(
            "shell/theme_toggle.js", functions=THEME_FUNCTIONS, **self._args(root)))
        self._root = root
        # On load: ?theme= wins, else the system's preference.
        self._on_load = js_code("shell/theme_on_load.js", functions=THEME_FUNCTIONS, **self._args(root),
                                follow_system=True)

    def follow(self) -> CustomJS:
        """A callback that gives models added to the page after load its current theme: run it
        when they arrive (their canvas colours are the light ones until then)."""
        return js_code("shell/theme_follow.js", functions=THEME_FUNCTIONS, **self._args(self._root))

    def attach(self, document: Document) -> None:
        document.js_on_event("document_ready", self._on_load)
