// Monotonicity (components/page/exercises/jacobian_view.py): the Jacobian
// dJ[j][k] = a_j (delta_jk - a_k) / tau as heatmap cells, a table with row and column sums, and
// the chapter's claims checked on the current numbers. The one code that writes them: at load
// too (first_render.js, or the tab's opening).
// Colours: the mapper runs over ±max|J| (or ±1/(4 tau) when every entry is 0); an entry smaller
// than the innermost bins' centre (inner_fraction of the scale) is coloured as that centre with
// its sign, and an exact 0 (an output underflowed) is NaN, the mapper's grey.
/* global cells, mapper, x_range, y_range, table, verdict, output_names, input_names,
   dark_fraction, inner_fraction, t */
const a = SoftmaxMath.softmax(z, tau);
const J = SoftmaxMath.jacobian(z, tau);
const K = z.length;
// Cell labels shrink with K so that ten columns of "−0.00018" still fit their cells.
const digits = K <= 5 ? 3 : 2;
const fontSize = K <= 5 ? "13px" : K <= 7 ? "12px" : "11px";
if (x_range.factors.length !== K) {
  x_range.factors = input_names.slice(0, K);
  y_range.factors = output_names.slice(0, K).reverse();
}
let peak = 0;
for (const r of J) for (const v of r) peak = Math.max(peak, Math.abs(v));
const scale = peak > 0 ? peak : 1 / (4 * tau);
mapper.setv({low: -scale, high: scale});
const cols = {output: [], input: [], value: [], color_value: [], label: [], text_color: [], precise: [],
              font_size: []};
J.forEach((r, j) => r.forEach((v, k) => {
  cols.output.push(output_names[j]);
  cols.input.push(input_names[k]);
  cols.value.push(v);
  cols.color_value.push(v === 0 ? NaN : Math.sign(v) * Math.max(Math.abs(v), inner_fraction * scale));
  cols.label.push(formatNumber(v, digits));
  cols.font_size.push(fontSize);
  cols.text_color.push(Math.abs(v) >= dark_fraction * scale ? "#ffffff" : "#1f2933");
  cols.precise.push(formatNumber(v, 6));
}));
cells.data = cols;

const rowSums = J.map((r) => SoftmaxMath.sum(r));
const colSums = J.map((_, k) => SoftmaxMath.sum(J.map((r) => r[k])));
const head = J.map((_, k) => `<th scope='col'>${input_names[k]}</th>`).join("");
const body = J.map((r, j) => `<tr><th scope='row'>${output_names[j]}</th>` + r.map((v, k) =>
  `<td class='${v === 0 ? "zero" : j === k ? "diag" : "off"}'>${formatNumber(v)}</td>`).join("") +
  `<td class='row-sum'>${formatNumber(rowSums[j], 2)}</td></tr>`).join("");
const sums = colSums.map((v) => `<td>${formatNumber(v, 2)}</td>`).join("");
setHtml(table, `<table class='readout jacobian'><caption>${t.caption}</caption>` +
  `<thead><tr><th scope='col'>∂a/∂z</th>${head}<th scope='col'>${t.row_sum}</th></tr></thead>` +
  `<tbody>${body}</tbody><tfoot><tr><th scope='row'>${t.column_sum}</th>${sums}<td></td></tr></tfoot></table>`);

const diagonal = J.map((r, j) => r[j]);
const off = J.flatMap((r, j) => r.filter((_, k) => k !== j));
const positive = diagonal.filter((v) => v > 0).length;
const negative = off.filter((v) => v < 0).length;
const rowSum = Math.max(...rowSums.map(Math.abs));
const underflowed = output_names.slice(0, K).filter((_, j) => a[j] === 0);
const mark = (ok) => ok ? "<span class='ok'>✓</span>" : "<span class='warn'>⚠</span>";
const value = (name, v, digits) => `<b class='${name}'>${formatNumber(v, digits)}</b>`;
const offCount = K * (K - 1);
const diagText = positive === K ? formatText(t.diag_all, {size: K})
  : formatText(t.diag_some, {positive, size: K});
const offText = negative === offCount ? formatText(t.off_all, {count: offCount})
  : formatText(t.off_some, {negative, count: offCount});
let html =
  `<p class='verdict diag-check'>${formatText(t.diag_check, {
    mark: mark(positive === K), text: diagText, value: value("min-diag", Math.min(...diagonal))})}</p>` +
  `<p class='verdict off-check'>${formatText(t.off_check, {
    mark: mark(negative === offCount), text: offText, value: value("max-off", Math.max(...off))})}</p>` +
  `<p class='verdict sum-check'>${formatText(t.sum_check, {
    mark: mark(true), value: value("max-row-sum", rowSum, 2)})}</p>`;
if (underflowed.length > 0) {
  const template = underflowed.length === 1 ? t.underflow_one : t.underflow_many;
  html += `<p class='verdict underflow'>${
    formatText(template, {mark: mark(false), names: underflowed.join(", ")})}</p>`;
}
setHtml(verdict, html);
