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
"""

from __future__ import annotations

from bokeh.document import Document
from bokeh.models import CustomJS, Plot

SKIP_CSS_VISUALS_JS = """
const bokehVersion = String(globalThis.Bokeh?.version ?? "");
if (window.softmaxLabCssVisuals === true || !bokehVersion.startsWith("3.9.")) return;
const page = plot.document;  // other Bokeh documents of a course page keep their CSS lookups
const view = cb_context?.index?.find_one(plot);
for (const renderer of view?.renderer_views?.values() ?? []) {
  for (const visual of renderer.visuals ?? []) {
    // The class that defines the lookup is shared by every visual of every plot.
    let base = Object.getPrototypeOf(visual);
    while (base != null && !Object.prototype.hasOwnProperty.call(base, "_get_css_value")) {
      base = Object.getPrototypeOf(base);
    }
    if (base == null) continue;
    if (base.__softmaxLabPages == null) {  // once per window, however many of our apps it shows
      const lookup = base._get_css_value;
      const pages = (base.__softmaxLabPages = new Set());
      base._get_css_value = function (name) {
        return pages.has(this.obj?.model?.document) ? "" : lookup.call(this, name);
      };
    }
    base.__softmaxLabPages.add(page);
    return;
  }
}
"""


def skip_css_visual_lookups(document: Document, plot: Plot) -> None:
    """Once ``document`` is rendered, its plots paint without the CSS lookups (any plot
    of the page will do: the lookup belongs to a class all of them share)."""
    document.js_on_event("document_ready", CustomJS(code=SKIP_CSS_VISUALS_JS, args={"plot": plot}))
