// The browser twin of components/model/softmax_math.py: same functions, same stable
// formulas (shift by the max before exp), so both sides agree to ~1e-15.
// Plain script on purpose: it travels once per page inside the page's Bokeh document
// (components/browser/browser_js.py), so it works served, in a notebook and in the static
// export, and defines exactly one name, SoftmaxMath.
const SoftmaxMath = (() => {
  "use strict";

  const LIMIT = 1e300; // beyond this every softmax is already one-hot

  function checkVector(z) {
    if (!Array.isArray(z) && !ArrayBuffer.isView(z)) throw new TypeError("expected an array of numbers");
    if (z.length === 0) throw new RangeError("expected a non-empty vector");
    for (const v of z) if (!Number.isFinite(v)) throw new RangeError("weighted inputs must be finite numbers");
    return Array.from(z, Number);
  }

  function checkTau(tau) {
    if (!(Number.isFinite(tau) && tau > 0)) throw new RangeError("temperature tau must be a positive finite number");
    return tau;
  }

  // (z - max z) / tau in [-1e300, 0] and max z / tau, as _shifted() in softmax_math.py:
  // shifting before dividing keeps the error relative to the differences that matter.
  function shifted(z, tau) {
    const t = checkTau(tau);
    const v = checkVector(z);
    const peak = Math.max(...v);
    return {
      shifted: v.map((x) => Math.max(-LIMIT, (x - peak) / t)),
      peakScaled: Math.min(LIMIT, Math.max(-LIMIT, peak / t)),
    };
  }

  function logSoftmax(z, tau = 1) {
    const s = shifted(z, tau).shifted;
    const logNorm = Math.log(s.reduce((acc, v) => acc + Math.exp(v), 0));
    return s.map((v) => v - logNorm);
  }

  function softmax(z, tau = 1) {
    const weights = shifted(z, tau).shifted.map(Math.exp);
    const total = weights.reduce((acc, v) => acc + v, 0);
    return weights.map((w) => w / total);
  }

  function sigmoid(z) {
    return checkVector(z).map((v) => {
      const e = Math.exp(-Math.abs(v));
      return v >= 0 ? 1 / (1 + e) : e / (1 + e);
    });
  }

  function logsumexp(z, tau = 1) {
    const {shifted: s, peakScaled} = shifted(z, tau);
    return peakScaled + Math.log(s.reduce((acc, v) => acc + Math.exp(v), 0));
  }

  function jacobian(z, tau = 1) {
    const a = softmax(z, tau);
    // Diagonal a_j (1 - a_j) as a_j * sum of the others: 1 - a_j cancels when a_j is near 1.
    const others = (j) => a.reduce((acc, ak, k) => (k === j ? acc : acc + ak), 0);
    return a.map((aj, j) => a.map((ak, k) => (j === k ? aj * others(j) : -aj * ak) / tau));
  }

  function inverseSoftmax(a, shift = 0) {
    const p = checkVector(a);
    if (p.some((v) => v <= 0)) throw new RangeError("every target probability must be greater than 0");
    const total = p.reduce((acc, v) => acc + v, 0);
    return p.map((v) => Math.log(v / total) + shift);
  }

  function entropy(z, tau = 1) {
    const logA = logSoftmax(z, tau);
    return Math.max(0, -logA.reduce((acc, la) => acc + Math.exp(la) * la, 0));
  }

  function crossEntropy(z, trueClass, tau = 1) {
    return -logSoftmax(z, tau)[trueClass];
  }

  function freeEnergy(z, tau = 1) {
    return -checkTau(tau) * logsumexp(z, tau);
  }

  // U = <E> = sum_j a_j E_j with E = -z, as mean_energy() in softmax_math.py.
  function meanEnergy(z, tau = 1) {
    const a = softmax(z, tau);
    return -a.reduce((acc, aj, j) => acc + aj * z[j], 0);
  }

  function checkIndex(index, size, what) {
    if (!Number.isInteger(index) || index < 0 || index >= size) {
      throw new RangeError(`${what} must be a whole number from 0 to ${size - 1}`);
    }
    return index;
  }

  // (a_j - y_j) / tau, as cross_entropy_gradient() in softmax_math.py: a_y - 1 is minus
  // the sum of the other outputs, since 1 - a_y cancels when a_y is near 1.
  function crossEntropyGradient(z, trueClass, tau = 1) {
    const a = softmax(z, tau);
    const y = checkIndex(trueClass, a.length, "the true class");
    const others = a.reduce((acc, v, k) => (k === y ? acc : acc + v), 0);
    return a.map((v, k) => (k === y ? -others : v) / tau);
  }

  // Row r is softmax(z / tau) with z[index] replaced by values[r], as softmax_sweep().
  function softmaxSweep(z, index, values, tau = 1) {
    const v = checkVector(z);
    const i = checkIndex(index, v.length, "the swept input");
    return checkVector(values).map((x) => { v[i] = x; return softmax(v, tau); });
  }

  function sum(values) {
    return values.reduce((acc, v) => acc + v, 0);
  }

  return Object.freeze({
    softmax, logSoftmax, sigmoid, logsumexp, jacobian, inverseSoftmax,
    entropy, crossEntropy, partitionFunctionLog: logsumexp, freeEnergy, sum,
    crossEntropyGradient, softmaxSweep, meanEnergy,
  });
})();
