// The book's chart (components/page/charts/softmax_chart.py): the bars of a = softmax(z / tau)
// and the heading with their total, the one code that writes them (at load too: first_render.js).
// The categories change only with K, so the axis is touched only then; ``names`` holds a name
// for every possible output. tau is written as its box and slider title write it (InputCheck.show).
/* global source, x_range, heading, t, names */
const a = SoftmaxMath.softmax(z, tau);
const shown = names.slice(0, z.length);
if (x_range.factors.length !== shown.length) x_range.factors = shown;
source.data = {name: shown, z: z.slice(), value: a.slice(), label: a.map((v) => v.toFixed(3))};
const summary = formatText(t.softmax_summary, {
  total: `<b class='total'>${SoftmaxMath.sum(a).toFixed(3)}</b>`,
  tau: `<span class='tau'>${InputCheck.show(tau)}</span>`});
setHtml(heading, `<h2>${t.softmax_title}</h2><p>${summary}</p>`);
