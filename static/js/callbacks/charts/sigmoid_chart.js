// The sigmoid layer's chart (components/page/charts/sigmoid_panel.py): the bars of sigma(z_j)
// and the heading with their total, which is not 1 (at load too: first_render.js). The
// categories change only with K.
/* global source, x_range, heading, t, names */
const s = SoftmaxMath.sigmoid(z);
const shown = names.slice(0, z.length);
if (x_range.factors.length !== shown.length) x_range.factors = shown;
source.data = {name: shown, z: z.slice(), value: s.slice(), label: s.map((v) => v.toFixed(3))};
const total = SoftmaxMath.sum(s).toFixed(3);
const verdict = total === "1.000" ? t.sigmoid_coincidence : t.sigmoid_not_one;
const summary = formatText(t.sigmoid_summary, {
  total: `<b class='total'>${total}</b>`, verdict: `<span class='verdict'>${verdict}</span>`});
setHtml(heading, `<h2>${t.sigmoid_title}</h2><p>${summary}</p>`);
