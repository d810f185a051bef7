// Inverting softmax, Shift (components/page/exercises/inverse_view.py): every main slider moves
// by ``delta``, or none does when one would leave the range.
/* global delta, result, z_names, t, wide_range, z_sliders */
const K = z.length;
const limit = z_sliders[0].end;
const before = SoftmaxMath.softmax(z, tau);
const moved = z.map((v) => v + delta);
const outside = moved.findIndex((v) => Math.abs(v) > limit);
const list = (vs) => vs.map((v) => v.toFixed(2).replace("-", "−")).join(", ");
if (outside >= 0) {
  setHtml(result, `<p class='refused'>${formatText(t.refused, {
    delta: `${delta > 0 ? "+" : "−"}${Math.abs(delta)}`, name: z_names[outside],
    value: moved[outside].toFixed(2).replace("-", "−"), limit, range: wide_range})}</p>`);
  return;
}
moved.forEach((v, j) => { z_sliders[j].value = v; });
const now = z_sliders.slice(0, K).map((s) => s.value);
const after = SoftmaxMath.softmax(now, tau);
const change = Math.max(...after.map((v, j) => Math.abs(v - before[j])));
setHtml(result, formatText(t.shifted, {
  delta: `${delta > 0 ? "+" : "−"}${Math.abs(delta)}`, before: list(z), after: list(now),
  change: `<b class='max-change'>${change === 0 ? "0" : change.toExponential(1)}</b>`,
  outputs: after.map((v) => v.toFixed(3)).join(", ")}));
