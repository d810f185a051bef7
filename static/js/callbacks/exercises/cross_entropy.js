// Cross-entropy (components/page/exercises/cross_entropy_view.py): the loss C = −ln a_y for the
// chosen true class, the bars of its gradient (a − onehot(y)) / τ, and the comparison with a
// sigmoid output and the quadratic cost. Runs when an input or the true class changes, and at
// load (the heading and the comparison are written here only). A gradient is written
// formatFixed ("−1.2e−8", not "−0.000"), and in sentences as m×10^e.
/* global select, source, heading, compare, x_range, y_range, a_names, z_names, default_class,
   true_color, other_color, margin, t */

// The always negative slowdown term (σ(z) − 1) σ′(z) = −σ(z) σ(−z)², in log space so that it is
// printed m×10^e where the product underflows (z_y = −1000: −5.1×10⁻⁴³⁵).
function softplus(x) { return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))); }
function quadraticGradientHtml(zy) {
  const logG = -(softplus(-zy) + 2 * softplus(zy));
  if (logG >= Math.log(1e-3)) return `−${Math.exp(logG).toFixed(3)}`;
  const power = logG / Math.LN10;
  let exponent = Math.floor(power);
  let mantissa = (10 ** (power - exponent)).toFixed(1);
  if (mantissa === "10.0") { mantissa = "1.0"; exponent += 1; }
  return `−${mantissa}×10<sup>−${Math.abs(exponent)}</sup>`;
}

const K = z.length;
if (select.options.length !== K) select.options = a_names.slice(0, K).map((n, j) => [String(j + 1), n]);
const y = Number(select.value) - 1;
if (!(y >= 0 && y < K)) {
  select.value = String(Math.min(K, default_class + 1));  // runs this callback again
  return;
}
const names = a_names.slice(0, K);
if (x_range.factors.length !== K) x_range.factors = names;
const grad = SoftmaxMath.crossEntropyGradient(z, y, tau);
const loss = SoftmaxMath.crossEntropy(z, y, tau);
const signed = (v) => formatFixed(v, 3, true);
source.data = {
  name: names, value: grad, label: grad.map(signed),
  color: names.map((_, j) => (j === y ? true_color : other_color)),
  offset: grad.map((v) => (v >= 0 ? 4 : -18)),
};
const top = margin / tau;
if (y_range.end !== top) y_range.setv({start: -top, end: top});
const a = Math.exp(-loss);
const [mantissa, exponent] = a.toExponential(2).split("e");
const shownA = a >= 1e-3 ? a.toFixed(3) : a > 0 ? `${mantissa}×10<sup>−${Math.abs(Number(exponent))}</sup>`
  : formatText(t.too_small, {power: (loss / Math.LN10).toFixed(1)});
const bold = (css, html) => `<b class='${css}'>${html}</b>`;
setHtml(heading, formatText(t.heading, {
  name: names[y], loss: bold("loss", formatFixed(loss, 3)), y: y + 1, a: bold("a-y", shownA),
  tau: Number(tau.toPrecision(3))}));
setHtml(compare, formatText(t.compare, {
  name: z_names[y], z: bold("z-y", formatFixed(z[y], 2)),
  gradient: bold("softmax-gradient", powerHtml(signed(grad[y]))),
  quadratic: bold("quadratic-gradient", quadraticGradientHtml(z[y]))}));
