// Sweep (components/page/exercises/sweep_view.py): every softmax output as the chosen input runs
// over the slider range, the current values as dots and the heading. The one code that writes
// them: at load too (first_render.js, or the tab's opening). The largest deviation of a point's
// sum from 1 is "0" when there is none, else its size ("1.1e−16"), not "0.0e+0".
/* global select, curves, current, x_range, marker, heading, range_buttons, limits, points,
   default_input, a_names, z_names, colors, t */
const K = z.length;
const limit = limits[range_buttons.active];
if (select.options.length !== K) select.options = z_names.slice(0, K).map((n, j) => [String(j + 1), n]);
let i = Number(select.value) - 1;
if (!(i >= 0 && i < K)) {
  i = Math.min(K, default_input + 1) - 1;
  select.value = String(i + 1);  // runs this callback again with a valid choice
  return;
}
const n = points;
const x = Array.from({length: n}, (_, r) => -limit + (2 * limit * r) / (n - 1));
const rows = SoftmaxMath.softmaxSweep(z, i, x, tau);
const names = a_names.slice(0, K);
curves.data = {
  xs: names.map(() => x), ys: names.map((_, j) => rows.map((r) => r[j])), name: names,
  color: colors.slice(0, K), width: names.map((_, j) => (j === i ? 4 : 2)),
};
const sumError = Math.max(...rows.map((r) => Math.abs(SoftmaxMath.sum(r) - 1)));
if (x_range.start !== -limit || x_range.end !== limit) x_range.setv({start: -limit, end: limit});
const a = SoftmaxMath.softmax(z, tau);
current.data = {x: names.map(() => z[i]), y: a, name: names, color: colors.slice(0, K)};
if (marker.location !== z[i]) marker.location = z[i];
const title = formatText(t.heading_title, {swept: `<span class='swept'>${z_names[i]}</span>`, limit});
const now = formatText(t.heading_now, {
  name: z_names[i], value: `<b class='current-z'>${formatFixed(z[i], 2)}</b>`, output: a_names[i],
  a: `<b class='current-a'>${formatFixed(a[i], 3)}</b>`, tau: Number(tau.toPrecision(3)),
  error: `<span class='sum-check'>${formatNumber(sumError, 2)}</span>`});
setHtml(heading, `<h2>${title}</h2><p>${now}</p>`);
