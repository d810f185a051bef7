// Temperature and the partition function (components/page/exercises/temperature_view.py): every
// a_j against τ, the outputs at the current τ, and Z, ln Z, F, U and H in a table.
// The curves depend on z and K only: moving τ moves the marker, the dots and the numbers.
// Runs at load too: the heading and the table are written here only.
/* global curves, now, marker, quantities, heading, taus, names, colors, dashes, digits,
   tiniest_normal, t */
const K = z.length;
const a = SoftmaxMath.softmax(z, tau);
if (curves.data.z.length !== K || z.some((v, j) => v !== curves.data.z[j])) {
  const ys = z.map(() => new Array(taus.length));
  taus.forEach((temperature, i) => SoftmaxMath.softmax(z, temperature).forEach((v, j) => { ys[j][i] = v; }));
  curves.data = {xs: z.map(() => taus), ys, name: names.slice(0, K), color: colors.slice(0, K),
                 dash: dashes.slice(0, K), z: z.slice()};
}
now.data = {tau: a.map(() => tau), a, name: names.slice(0, K), color: colors.slice(0, K)};
marker.location = tau;

const lnZ = SoftmaxMath.partitionFunctionLog(z, tau);
const H = SoftmaxMath.entropy(z, tau);
const U = SoftmaxMath.meanEnergy(z, tau);
const F = SoftmaxMath.freeEnergy(z, tau);
const lnK = Math.log(K);
// Z = m × 10^e while float64 holds it with full precision, else ≈ e^{ln Z}: never inf or 0.
const Zvalue = Math.exp(lnZ);
let partition;
if (Number.isFinite(Zvalue) && Zvalue >= tiniest_normal) {
  const [mantissa, exponent] = Zvalue.toExponential(digits - 1).split("e");
  partition = `<span class='z-mantissa'>${mantissa}</span> × 10<sup class='z-exponent'>` +
    `${String(Number(exponent)).replace("-", "−")}</sup>`;
} else {
  const where = lnZ > 0 ? t.above_float : t.below_float;
  partition = `≈ e<sup class='z-log'>${formatNumber(lnZ, digits + 1)}</sup>` +
    `<span class='note'>${formatText(t.only_log, {where})}</span>`;
}
const line = (label, css, value) => `<tr><th scope='row'>${label}</th><td class='${css}'>${value}</td></tr>`;
setHtml(quantities,
  `<table class='readout thermo'><caption>${t.caption}</caption><tbody>` +
  line("β = 1/τ", "beta", formatNumber(1 / tau, digits)) +
  line("Z = Σ e<sup>−βE<sub>i</sub></sup>", "partition", partition) +
  line("ln Z", "log-partition", formatNumber(lnZ, digits + 1)) +
  line("F = −τ ln Z", "free-energy", formatNumber(F, digits)) +
  line("U = Σ a<sub>j</sub>E<sub>j</sub>", "mean-energy", formatNumber(U, digits)) +
  line("U − τH (= F)", "free-energy-check", formatNumber(U - tau * H, digits)) +
  line(t.h_nats, "entropy-nats", formatNumber(H, digits)) +
  line(t.h_bits, "entropy-bits", formatNumber(H / Math.log(2), digits)) +
  line("0 ≤ H ≤ ln K", "entropy-bounds",
       `<meter min='0' max='${lnK.toFixed(6)}' value='${H.toFixed(6)}'></meter>0 ≤ ` +
       `${formatNumber(H, digits)} ≤ <span class='ln-k'>${formatNumber(lnK, digits)}</span>` +
       `<span class='note'>${formatText(t.units, {k: K, bits: formatNumber(Math.log2(K), digits)})}</span>`) +
  "</tbody></table>");

const peak = Math.max(...z);
const winners = names.slice(0, K).filter((_, j) => z[j] === peak);
const bold = (css, html) => `<b class='${css}'>${html}</b>`;
const cold = winners.length === 1 ? formatText(t.cold_one, {name: bold("cold-limit", winners[0])})
  : formatText(t.cold_tied, {names: bold("cold-limit", winners.join(", "))});
setHtml(heading, formatText(t.heading, {
  tau: bold("tau", formatNumber(tau)), cold, hot: bold("hot-limit", formatNumber(1 / K))}));
