// The heatmap's cell values only where they fit (components/page/exercises/jacobian_view.py): at a
// phone's width and K = 10 a cell is ~23 px and the labels ran into each other; the table below
// the heatmap lists every value. Until laid out (no width yet), the labels show.
/* global heatmap, labels, min_cell_px */
const columns = heatmap.x_range.factors.length;
labels.visible = !(heatmap.inner_width > 0) || heatmap.inner_width / columns >= min_cell_px;
