// The browser twin of components/model/relatives.py: hardmax, sparsemax (Martins & Astudillo
// 2016), 1.5-entmax (Peters, Niculae & Martins 2019) on s = (z - max z) / tau, and softmax's
// log-softmax. Thresholds from the entries within 1 of the maximum only (the others are never
// in a support), sorted and summed in numpy's order with + - * / and sqrt only, so the outputs
// are the same bits as numpy's.
// Plain script defining exactly one name, Relatives; it uses SoftmaxMath (softmax_math.js).
/* global SoftmaxMath */
/* exported Relatives */
const Relatives = (() => {
  "use strict";

  // (z - max z) / tau in [-1e300, 0] with SoftmaxMath's checks (and messages).
  function scaled(z, tau) {
    SoftmaxMath.logsumexp(z, tau); // throws on a bad vector or tau, as softmax_math._shifted()
    const peak = Math.max(...z);
    return Array.from(z, (x) => Math.max(-1e300, (x - peak) / tau));
  }

  function argmax(values) {
    let best = 0;
    for (let j = 1; j < values.length; j += 1) if (values[j] > values[best]) best = j;
    return best;
  }

  // One-hot argmax of z itself (ties to the lower index), as hardmax().
  function hardmax(z, tau = 1) {
    const s = scaled(z, tau);
    const best = argmax(Array.from(z, Number));
    return s.map((_, j) => (j === best ? 1 : 0));
  }

  const descendingCandidates = (values) => values.filter((v) => v > -1).sort((a, b) => b - a);

  function sparsemaxThreshold(z, tau = 1) {
    const top = descendingCandidates(scaled(z, tau));
    const cumulative = [];
    let acc = 0;
    for (const v of top) { acc += v; cumulative.push(acc); }
    const support = top.filter((v, i) => 1 + (i + 1) * v > cumulative[i]).length;
    return {threshold: (cumulative[support - 1] - 1) / support, support};
  }

  function sparsemax(z, tau = 1) {
    const {threshold} = sparsemaxThreshold(z, tau);
    return scaled(z, tau).map((v) => Math.max(v - threshold, 0));
  }

  // (diag(u) - u u^T / |S|) / tau with u the indicator of the support, as sparsemax_jacobian().
  function sparsemaxJacobian(z, tau = 1) {
    const u = sparsemax(z, tau).map((v) => (v > 0 ? 1 : 0));
    const size = u.reduce((acc, v) => acc + v, 0);
    return u.map((ui, i) => u.map((uk, k) => ((i === k ? ui : 0) - (ui * uk) / size) / tau));
  }

  // Welford's mean and squared deviations over the k largest x = s / 2, as entmax15_threshold().
  function entmax15Threshold(z, tau = 1) {
    const top = descendingCandidates(scaled(z, tau).map((v) => v / 2));
    let mean = 0;
    let squares = 0;
    const thresholds = top.map((value, i) => {
      const k = i + 1;
      const previous = mean;
      mean = previous + (value - previous) / k;
      squares = squares + (value - previous) * (value - mean);
      return mean - Math.sqrt(Math.max((1 - squares) / k, 0));
    });
    const support = thresholds.filter((c, i) => c <= top[i]).length;
    return {threshold: thresholds[support - 1], support};
  }

  function entmax15(z, tau = 1) {
    const {threshold} = entmax15Threshold(z, tau);
    return scaled(z, tau).map((v) => {
      const d = Math.max(v / 2 - threshold, 0);
      return d * d;
    });
  }

  // -sum p ln p with 0 ln 0 = 0, never below 0.
  function entropy(p) {
    let acc = 0;
    for (const v of p) if (v > 0) acc += v * Math.log(v);
    return Math.max(0, -acc);
  }

  const exactZeros = (p) => Array.from(p).filter((v) => v === 0).length;

  return Object.freeze({
    hardmax, sparsemax, sparsemaxThreshold, sparsemaxJacobian, entmax15, entmax15Threshold, entropy,
    exactZeros, softmax: SoftmaxMath.softmax, logSoftmax: SoftmaxMath.logSoftmax,
  });
})();
