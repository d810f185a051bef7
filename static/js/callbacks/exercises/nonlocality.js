// Non-locality (components/page/exercises/nonlocality_view.py): the change of every softmax and
// sigmoid output since the current movement began.
// Columns: the current value, the reference ("base") and the change as a label. A change is
// written formatFixed: "+0.012", "−3.2e−4" for a small one (not "−0.000"), "0" when none.
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
let html;
if (moved >= 0 && moved < z.length) {
  const others = SoftmaxMath.sum(da) - da[moved];
  const sOthers = SoftmaxMath.sum(ds) - ds[moved];
  html = formatText(t.moving, {
    name: z_labels[moved], j: moved + 1, moved: sign(da[moved]), others: sign(others),
    total: sign(SoftmaxMath.sum(da)), s_moved: sign(ds[moved]), s_others: sign(sOthers)});
} else {
  html = t.idle;
}
setHtml(balance, html);
