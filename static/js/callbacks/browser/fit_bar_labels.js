// Keeps the labels of bar charts readable at any width (components/browser/accessibility.py,
// fit_bar_labels). Each chart's labels are fitted to the room a bar has: level as drawn while
// they fit; else upright (one line's height across, however long), growing from the bar's end
// away from the axis (down for a negative bar), shrunk to fit if a line is still too tall,
// hidden only below min_px; names below the bars go upright when they do not fit. Upright
// labels need room beyond the tallest bar: a Range1d y axis is widened just enough (and given
// back once they are level again), after whatever the view set it to. Runs when the chart's
// size, its outputs (x factors), its labels' data or its y range change, writing only what
// differs, so that its own writes end there.
/* global charts, gap, line_height, min_px, align_by_sign, offset_by_sign */
const value = (p) => (p != null && typeof p === "object" && "value" in p ? p.value : p);
const ctx = (charts[0][0].__fit_ctx ??= document.createElement("canvas").getContext("2d"));  // to measure
const widths = (font, texts) => {
  ctx.font = font;
  return texts.map((t) => ctx.measureText(String(t)).width);
};
for (const [plot, label_sets, axes, headroom] of charts) {
  const n = plot.x_range.factors.length;
  // Not rendered yet (a tab not opened, components/page/exercises/tabs.py): BokehJS throws on
  // reading a size it never set.
  if (plot.properties.inner_width.is_unset || plot.properties.inner_height.is_unset) continue;
  const [width, height] = [plot.inner_width, plot.inner_height];
  if (!(width > 0) || !(height > 0) || n === 0) continue;  // not laid out (a hidden tab)
  const spacing = width / n;
  const needs = [];  // [value, pixels beyond it] of every upright label
  for (const labels of label_sets) {
    const level = (labels.__level ??= {angle: labels.angle, text_align: labels.text_align,
      text_baseline: labels.text_baseline, y_offset: labels.y_offset, text_font_size: labels.text_font_size});
    const size = parseFloat(value(level.text_font_size));
    const font = (px) => `${value(labels.text_font_style)} ${px}px ${value(labels.text_font)}`;
    const texts = Array.from(labels.source.data[labels.text.field] ?? []);
    const ys = Array.from(labels.source.data[labels.y.field] ?? []);
    const upright_px = Math.min(size, Math.floor((spacing - gap) / line_height));
    const mode = Math.max(0, ...widths(font(size), texts)) + gap <= spacing ? "level"
      : upright_px >= min_px ? `upright ${upright_px}` : "hidden";
    if ((labels.__mode ?? "level") !== mode) {
      if (mode.startsWith("upright")) {
        labels.setv({angle: Math.PI / 2, text_baseline: "middle", text_font_size: `${upright_px}px`,
                     text_align: {field: labels.y.field, transform: align_by_sign},
                     y_offset: {field: labels.y.field, transform: offset_by_sign}, visible: true});
      } else {
        labels.setv({...level, visible: mode === "level"});
      }
      labels.__mode = mode;
    }
    if (mode.startsWith("upright")) {
      widths(font(upright_px), texts).forEach((w, i) => {
        if (Number.isFinite(ys[i])) needs.push([ys[i], w + gap + 3]);
      });
    }
  }
  for (const axis of axes) {
    const level = (axis.__level ??= axis.major_label_orientation);
    const font = `${value(axis.major_label_text_font_style)} ${value(axis.major_label_text_font_size)} ` +
      value(axis.major_label_text_font);
    const fits = Math.max(0, ...widths(font, plot.x_range.factors)) + gap <= spacing;
    const orientation = fits ? level : "vertical";
    if (axis.major_label_orientation !== orientation) axis.major_label_orientation = orientation;
  }
  if (headroom) {
    const range = plot.y_range;
    const written = range.__fit_written;
    if (written == null || range.start !== written.start || range.end !== written.end) {
      range.__fit_base = {start: range.start, end: range.end};  // as the view has set it
    }
    let {start, end} = range.__fit_base;
    for (let round = 0; round < 12 && needs.length; round++) {  // converges: each label is < the height
      const per_px = (end - start) / height;
      for (const [v, px] of needs) {
        if (v >= 0) end = Math.max(end, v + px * per_px);
        else start = Math.min(start, v - px * per_px);
      }
    }
    if (range.start !== start || range.end !== end) range.setv({start, end});
    range.__fit_written = needs.length ? {start: range.start, end: range.end} : null;
  }
}
