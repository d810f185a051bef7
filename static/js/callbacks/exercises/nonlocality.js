// Non-locality (components/page/exercises/nonlocality_view.py): the change of every softmax and
// sigmoid output since the current movement began.
// Columns: the current value, the reference ("base") and the change as a label. A change is
// written formatFixed: "+0.012", "−3.2e−4" for a small one (not "−0.000"), "0" when none.
// The one code that writes the bars and the balance: at load too (first_render.js, or the tab's
// opening), as K had changed, so the balance starts idle.
/* global softmax_source, sigmoid_source, softmax_range, sigmoid_range, balance, reference,
   reset_button, a_names, s_names, z_labels, t, z_sliders, k_slider */
const a = SoftmaxMath.softmax(z, tau);
const s = SoftmaxMath.sigmoid(z);
const previous = (source) => Array.from(source.data.value);
const newMovement = cb_obj !== null && (reference.__moving !== cb_obj.id || cb_obj === k_slider
  || previous(softmax_source).length !== z.length);
if (cb_obj === reset_button) {
  reference.__base = {a: a.slice(), s: s.slice()};
  reference.__moving = null;
} else if (newMovement) {
  reference.__base = {a: previous(softmax_source), s: previous(sigmoid_source)};
  reference.__moving = cb_obj.id;
  if (reference.__base.a.length !== z.length) reference.__base = {a: a.slice(), s: s.slice()};
}
const base = reference.__base ?? {a: a.slice(), s: s.slice()};
const sign = (v) => formatFixed(v, 3, true);
const fill = (source, x_range, names, values, bases) => {
  const shown = names.slice(0, z.length);
  if (x_range.factors.length !== shown.length) x_range.factors = shown;
  source.data = {name: shown, z: z.slice(), value: values, base: bases,
                 label: values.map((v, j) => sign(v - bases[j]))};
};
fill(softmax_source, softmax_range, a_names, a, base.a);
fill(sigmoid_source, sigmoid_range, s_names, s, base.s);
const da = a.map((v, j) => v - base.a[j]);
const ds = s.map((v, j) => v - base.s[j]);
const moved = z_sliders.findIndex((x) => x.id === reference.__moving);
const change = (name, v) => `<b class='${name}'>${sign(v)}</b>`;
let html;
if (moved >= 0 && moved < z.length) {
  const others = SoftmaxMath.sum(da) - da[moved];
  const sOthers = SoftmaxMath.sum(ds) - ds[moved];
  const softmax = formatText(t.moving_softmax, {
    name: z_labels[moved], j: moved + 1, moved: change("moved-change", da[moved]),
    others: change("others-change", others), total: change("total-change", SoftmaxMath.sum(da))});
  const sigmoid = formatText(t.moving_sigmoid, {
    j: moved + 1, s_moved: change("sigmoid-moved-change", ds[moved]),
    s_others: change("sigmoid-others-change", sOthers)});
  html = `<p>${softmax}</p><p>${sigmoid}</p>`;
} else {
  html = `<p>${t.idle}</p>`;
}
setHtml(balance, html);
