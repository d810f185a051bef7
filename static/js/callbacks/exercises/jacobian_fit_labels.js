// The heatmap's cell values only where they fit (components/page/exercises/jacobian_view.py): at a
// phone's width and K = 10 a cell is ~23 px and the labels ran into each other; the table below
// the heatmap lists every value. Until laid out (no width yet), the labels show.
/* global heatmap, labels, min_cell_px */
const columns = heatmap.x_range.factors.length;
const width = heatmap.properties.inner_width.is_unset ? 0 : heatmap.inner_width;  // unset: never rendered
labels.visible = !(width > 0) || width / columns >= min_cell_px;
