// Once the page is rendered, its plots paint without BokehJS 3.9's CSS lookup per visual
// property (components/browser/css_visuals.py, which says why; bokeh/bokeh#15286): the lookup
// answers "" for this page's document, other Bokeh documents of a course page keep theirs.
// window.softmaxLabCssVisuals = true before load keeps them here too.
/* global plot */
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
