// Inverting softmax, Apply (components/page/exercises/inverse_view.py): the inputs of the table
// onto the main sliders, clamped into their range; then how far the main outputs are from the targets.
/* global values, notice, z_names, t, wide_range, z_sliders */
const K = z.length;
const limit = z_sliders[0].end;
const wanted = Array.from(values.data.z);
const target = Array.from(values.data.target);
const low = [], high = [];
wanted.forEach((v, j) => {
  if (v < -limit) low.push(`${z_names[j]} = ${v.toFixed(2).replace("-", "−")}`);
  if (v > limit) high.push(`${z_names[j]} = ${v.toFixed(2)}`);
  z_sliders[j].value = Math.min(limit, Math.max(-limit, v));
});
const a = SoftmaxMath.softmax(z_sliders.slice(0, K).map((s) => s.value), tau);
const gap = Math.max(...a.map((v, j) => Math.abs(v - target[j])));
const notes = [];
if (low.length) notes.push(formatText(low.length > 1 ? t.below_many : t.below_one, {list: low.join(", "), limit}));
if (high.length) notes.push(formatText(high.length > 1 ? t.above_many : t.above_one, {list: high.join(", "), limit}));
if (low.length || high.length) notes.push(formatText(t.apply_exactly, {range: wide_range}));
if (Math.abs(tau - 1) > 1e-9) notes.push(formatText(t.tau_not_one, {tau: Number(tau.toPrecision(3))}));
notes.push(formatText(t.applied, {gap: gap.toExponential(1)}));
notice.text = notes.join(" ");
