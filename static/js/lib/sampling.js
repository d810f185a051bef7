// The browser twin of components/model/sampling.py: one uniform per draw, the first index
// whose cumulative sum exceeds U * total (binary search), cumulative sums added left to right
// as np.cumsum adds them, so the same seed and vector give the same indices as numpy.
// Gumbel-max adds standard Gumbel noise to (z - max z) / tau (SoftmaxMath's shift).
// Plain script defining exactly one name, Sampling; its generators are made by Rng.create (rng.js).
/* exported Sampling */
/* global Rng */
const Sampling = (() => {
  "use strict";

  function checkProbabilities(a) {
    if (!Array.isArray(a) && !ArrayBuffer.isView(a)) throw new TypeError("expected an array of probabilities");
    if (a.length === 0) throw new RangeError("expected a non-empty vector of probabilities");
    let peak = 0;
    for (const v of a) {
      if (!Number.isFinite(v) || v < 0) throw new RangeError("probabilities must be finite, >= 0 and not all 0");
      peak = Math.max(peak, v);
    }
    if (!(peak > 0)) throw new RangeError("probabilities must be finite, >= 0 and not all 0");
    return Array.from(a, Number);
  }

  function checkCount(n) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError("the number of draws must be a whole number >= 0");
    return n;
  }

  // Sums of a / max a, as cumulative() in sampling.py: the last is >= 1 and <= K.
  function cumulative(a) {
    const p = checkProbabilities(a);
    const peak = Math.max(...p);
    const c = new Float64Array(p.length);
    let acc = 0;
    p.forEach((v, j) => { acc += v / peak; c[j] = acc; });
    return c;
  }

  // The first j with c[j] > x, as np.searchsorted(c, x, side="right").
  function search(c, x) {
    let lo = 0;
    let hi = c.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (c[mid] > x) hi = mid; else lo = mid + 1;
    }
    return lo;
  }

  // Plain loops, no array per draw: 10 000 draws must fit in a frame with their chart.
  function draw(a, rng, n) {
    const c = cumulative(a);
    const total = c[c.length - 1];
    const out = new Int32Array(checkCount(n));
    for (let i = 0; i < out.length; i += 1) out[i] = search(c, rng.uniform() * total);
    return out;
  }

  const drawOne = (a, rng) => draw(a, rng, 1)[0];

  function counts(indices, size) {
    const out = new Array(size).fill(0);
    for (let i = 0; i < indices.length; i += 1) {
      const j = indices[i];
      if (!Number.isInteger(j) || j < 0 || j >= size) throw new RangeError(`indices must be from 0 to ${size - 1}`);
      out[j] += 1;
    }
    return out;
  }

  // a / sum a, divided by max a first, as _normalised() in sampling.py.
  function normalised(a) {
    const p = checkProbabilities(a);
    const peak = Math.max(...p);
    const w = p.map((v) => v / peak);
    const total = w.reduce((acc, v) => acc + v, 0);
    return w.map((v) => v / total);
  }

  function totalVariation(countsOf, a) {
    const p = normalised(a);
    const n = countsOf.reduce((acc, v) => acc + v, 0);
    if (n === 0) return 0;
    return 0.5 * p.reduce((acc, pj, j) => acc + Math.abs(countsOf[j] / n - pj), 0);
  }

  function expectedCounts(a, n) {
    checkCount(n);
    return normalised(a).map((p) => n * p);
  }

  // sqrt(N a_j (1 - a_j)) with 1 - a_j as the sum of the others, as standard_errors().
  function standardErrors(a, n) {
    checkCount(n);
    const p = normalised(a);
    return p.map((pj, j) => {
      const others = p.reduce((acc, v, k) => (k === j ? acc : acc + v), 0);
      return Math.sqrt(n * pj * Math.max(others, 0));
    });
  }

  function argmax(values) {
    let best = 0;
    for (let j = 1; j < values.length; j += 1) if (values[j] > values[best]) best = j;
    return best;
  }

  // One Gumbel-max draw, as gumbel_max(): scores = (z - max z)/tau + g, offset = max z / tau.
  function gumbelMax(z, tau, rng) {
    const {shifted, peakScaled} = shiftedOf(z, tau);
    const gumbel = shifted.map(() => rng.gumbel());
    const scores = shifted.map((s, j) => s + gumbel[j]);
    return {index: argmax(scores), gumbel, scores, offset: peakScaled};
  }

  // argmax() of each draw's scores, the K Gumbel numbers taken in order, without their array.
  // A Gumbel number is rng.gumbel()'s -exactLog(-exactLog(U)) (rng.js), exact but slower than
  // Math.log; an output's score by Math.log is within 1e-13 of its exact score (both logs are
  // within an ulp or two, |log E| < 25 for these U), so an output whose quick score is below the
  // best by more than 1e-9 (relative) cannot win and its exact score is never needed. Same
  // indices as gumbel_max_draws, with most of the exact logs skipped.
  function gumbelMaxDraws(z, tau, rng, n) {
    const {shifted} = shiftedOf(z, tau);
    const {exactLog} = Rng;
    const out = new Int32Array(checkCount(n));
    for (let i = 0; i < out.length; i += 1) {
      let best = 0;
      let top = shifted[0] - exactLog(-exactLog(rng.openUniform()));
      for (let j = 1; j < shifted.length; j += 1) {
        const u = rng.openUniform();
        const quick = shifted[j] - Math.log(-Math.log(u));
        if (quick + 1e-9 * (1 + Math.abs(quick)) < top) continue;
        const score = shifted[j] - exactLog(-exactLog(u));
        if (score > top) { top = score; best = j; }
      }
      out[i] = best;
    }
    return out;
  }

  // (z - max z)/tau clipped at -1e300 and max z / tau, as softmax_math._shifted() (and its messages).
  function shiftedOf(z, tau) {
    if (!(Number.isFinite(tau) && tau > 0)) throw new RangeError("temperature tau must be a positive finite number");
    if (!Array.isArray(z) && !ArrayBuffer.isView(z)) throw new TypeError("expected an array of numbers");
    if (z.length === 0) throw new RangeError("expected a non-empty vector");
    for (const v of z) if (!Number.isFinite(v)) throw new RangeError("weighted inputs must be finite numbers");
    const peak = Math.max(...z);
    return {
      shifted: Array.from(z, (x) => Math.max(-1e300, (x - peak) / tau)),
      peakScaled: Math.min(1e300, Math.max(-1e300, peak / tau)),
    };
  }

  return Object.freeze({
    cumulative, search, draw, drawOne, counts, totalVariation, expectedCounts, standardErrors,
    gumbelMax, gumbelMaxDraws,
  });
})();
