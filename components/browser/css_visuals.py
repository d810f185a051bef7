"""Paint without BokehJS's CSS lookups per visual property (works around bokeh/bokeh#15286).

BokehJS 3.9 lets CSS custom properties (``--bk-major-label-text-color`` and the like)
override the canvas colours of axes, grids and labels, so every paint calls
getComputedStyle once per visual property. After each slider change the page's DOM has
changed (headings, readout), and those calls force ~10 style recalculations per change
(Chromium trace: ~4 ms of the ~30 ms from key press to painted frame). This page sets its
canvas colours as model properties (components/page/shell/theme.py) and defines no ``--bk-*`` visual
variable, nor do Bokeh's own stylesheets, so every lookup finds "". Once the page is
rendered the lookup answers "" without asking: input-to-paint p50 / p95 26 / 35 -> 23 /
31 ms and 27 / 37 -> 25 / 34 ms in two runs (the key and drag measurements of
benchmarks/input_to_paint.py, 600 events per page kind, pages with and without it interleaved).

Only on the BokehJS it was measured with (3.9.x; a later one may cache the lookups,
bokeh/bokeh#15205), and only for this app's document: other Bokeh content of a course page
keeps its lookups. A course page that themes this app through ``--bk-*`` variables sets
``window.softmaxLabCssVisuals = true`` before the app loads, and keeps them.

The browser code: static/js/callbacks/browser/skip_css_visual_lookups.js.
"""

from __future__ import annotations

from bokeh.document import Document
from bokeh.models import Plot

from .browser_js import js_code


def skip_css_visual_lookups(document: Document, plot: Plot) -> None:
    """Once ``document`` is rendered, its plots paint without the CSS lookups (any plot
    of the page will do: the lookup belongs to a class all of them share)."""
    document.js_on_event("document_ready", js_code("browser/skip_css_visual_lookups.js", plot=plot))
