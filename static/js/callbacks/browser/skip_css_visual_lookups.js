// Once the page is rendered, its plots paint without BokehJS 3.9's CSS lookup per visual
// property (components/browser/css_visuals.py, which says why; bokeh/bokeh#15286): the lookup
// answers "" for this page's document, other Bokeh documents of a course page keep theirs.
// window.softmaxLabCssVisuals = true before load keeps them here too.
// The same for PlotView.base_font_size, which every axis asks on every paint (getComputedStyle of
// the plot's element, ~6 per paint: after a change has touched the DOM, each forces a style
// recalculation): our plots' font size is their :host's 13px, asked once per plot and window size.
/* global plot */
const bokehVersion = String(globalThis.Bokeh?.version ?? "");
if (window.softmaxLabCssVisuals === true || !bokehVersion.startsWith("3.9.")) return;
const page = plot.document;  // other Bokeh documents of a course page keep their CSS lookups
const view = cb_context?.index?.find_one(plot);
let plotView = view == null ? null : Object.getPrototypeOf(view);
while (plotView != null && !Object.prototype.hasOwnProperty.call(plotView, "base_font_size")) {
  plotView = Object.getPrototypeOf(plotView);
}
const fontSize = plotView == null ? null : Object.getOwnPropertyDescriptor(plotView, "base_font_size");
if (fontSize?.get != null && plotView.__softmaxLabPages == null) {
  const pages = (plotView.__softmaxLabPages = new Set());
  Object.defineProperty(plotView, "base_font_size", {
    configurable: true,
    get() {
      if (!pages.has(this.model?.document)) return fontSize.get.call(this);
      const now = window.innerWidth * 100000 + window.innerHeight;
      if (this.__softmaxLabFontSize == null || this.__softmaxLabFontSizeAt !== now) {
        this.__softmaxLabFontSizeAt = now;  // the window's size the value belongs to
        this.__softmaxLabFontSize = fontSize.get.call(this);
      }
      return this.__softmaxLabFontSize;
    },
  });
}
plotView?.__softmaxLabPages?.add(page);
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
