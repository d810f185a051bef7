// Relatives (components/page/exercises/relatives_view.py): the page's z / tau through softmax,
// hardmax, sparsemax, 1.5-entmax and log-softmax (Relatives, the twin of components/model/relatives.py),
// one shared source for the five charts, a table of the values with each mapping's exact zeros and
// entropy, and the sparsemax Jacobian beside softmax's. The one code that writes them: at load too.
// Every number goes through formatNumber: an exact 0 is "0", an underflowed output "1.234e−300".
/* global source, x_range, log_range, table, jacobians, names, z_names, columns, headers, t */
const K = z.length;
const values = {
  softmax: Relatives.softmax(z, tau), hardmax: Relatives.hardmax(z, tau), sparsemax: Relatives.sparsemax(z, tau),
  entmax: Relatives.entmax15(z, tau), log: Relatives.logSoftmax(z, tau),
};
const shown = names.slice(0, K);
if (x_range.factors.length !== K) x_range.factors = shown;
source.data = {name: shown, ...values};
// Log-softmax's own axis: from its smallest value (at least ln-scale 1 below 0) to a little above 0.
const low = Math.min(-1, ...values.log);
log_range.setv({start: 1.08 * low, end: -0.04 * low});

const cell = (v, digits = 4) => `<td class='${v === 0 ? "zero" : "value"}'>${formatNumber(v, digits)}</td>`;
const probabilities = columns.filter((c) => c !== "log");
const head = `<tr><th scope='col'>${t.output}</th><th scope='col'>z</th>` +
  headers.map((h) => `<th scope='col'>${h}</th>`).join("") + "</tr>";
const body = shown.map((name, j) => `<tr><th scope='row'>${name}</th><td>${formatNumber(z[j], 4)}</td>` +
  columns.map((c) => cell(values[c][j])).join("") + "</tr>").join("");
const footRow = (label, f) => `<tr><th scope='row' colspan='2'>${label}</th>` +
  probabilities.map((c) => `<td class='${c}'>${f(values[c])}</td>`).join("") + "<td></td></tr>";
const foot = footRow(t.zeros, (p) => String(Relatives.exactZeros(p))) +
  footRow(t.entropy, (p) => formatNumber(Relatives.entropy(p), 4));
const sparse = Relatives.sparsemaxThreshold(z, tau);
const ent = Relatives.entmax15Threshold(z, tau);
const support = formatText(t.support, {
  c: formatNumber(sparse.threshold, 4), support: sparse.support, entmax: ent.support, size: K});
setHtml(table, `<table class='readout relatives'><caption>${formatText(t.caption, {
  tau: Number(tau.toPrecision(3))})}</caption><thead>${head}</thead><tbody>${body}</tbody>` +
  `<tfoot>${foot}</tfoot></table><p class='support'>${support}</p>`);

const matrix = (caption, J, cls) => `<div><table class='readout jacobian ${cls}'><caption>${caption}</caption>` +
  `<thead><tr><th scope='col'></th>${z_names.slice(0, K).map((n) => `<th scope='col'>${n}</th>`).join("")}` +
  `</tr></thead><tbody>${J.map((r, j) => `<tr><th scope='row'>${shown[j]}</th>` +
  r.map((v) => cell(v, 3)).join("") + "</tr>").join("")}</tbody></table></div>`;
// One output in the support: sparsemax is one-hot and stays so under small changes of z, so every
// entry of its Jacobian is 0. Said, so a matrix of zeros does not look like a fault.
const flat = sparse.support === 1 ? `<p class='jacobian-flat'>${t.jacobian_flat}</p>` : "";
setHtml(jacobians, "<div class='pair'>" +
  matrix(t.jacobian_sparsemax, Relatives.sparsemaxJacobian(z, tau), "sparsemax") +
  matrix(t.jacobian_softmax, SoftmaxMath.jacobian(z, tau), "softmax") + "</div>" + flat);
