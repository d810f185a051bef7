// The browser twin of components/model/decoding.py: logits -> / tau -> softmax -> top-k ->
// top-p -> min-p -> renormalise, every stage returned and, per token, the stage that cut it.
// The rules (order by logit with ties to the lower index, top-p renormalised over what top-k
// kept, min-p as a ratio to max a, p = 1 / min-p = 0 / k = null or >= K off) are in the
// Python module's docstring; sums are added left to right as np.cumsum adds them.
// Plain script defining exactly one name, Decoding; it uses SoftmaxMath (softmax_math.js).
/* global SoftmaxMath */
/* exported Decoding */
const Decoding = (() => {
  "use strict";

  const TOP_K = "top-k";
  const TOP_P = "top-p";
  const MIN_P = "min-p";

  function checkFraction(value, name) {
    if (!(Number.isFinite(value) && value >= 0 && value <= 1)) throw new RangeError(`${name} must be a number from 0 to 1`);
    return value;
  }

  function checkTopK(topK, size) {
    if (topK === null || topK === undefined) return size;
    if (!Number.isInteger(topK) || topK < 1) throw new RangeError("top-k must be a whole number >= 1 (or null for off)");
    return Math.min(topK, size);
  }

  // Indices by logit, highest first, ties to the lower index (as a stable argsort of -z).
  function likelihoodOrder(z) {
    return Array.from(z, (_, j) => j).sort((i, j) => (z[i] > z[j] ? -1 : z[i] < z[j] ? 1 : i - j));
  }

  function sequentialSum(values) {
    let acc = 0;
    for (const v of values) acc += v;
    return acc;
  }

  function decode(logits, tau = 1, topK = null, topP = 1, minP = 0) {
    const a = SoftmaxMath.softmax(logits, tau); // checks the logits and tau
    const z = Array.from(logits, Number);
    const size = a.length;
    const k = checkTopK(topK, size);
    const p = checkFraction(topP, "top-p");
    const m = checkFraction(minP, "min-p");
    const order = likelihoodOrder(z);

    const keptTopK = new Array(size).fill(false);
    order.slice(0, k).forEach((j) => { keptTopK[j] = true; });

    let keptTopP = keptTopK.slice();
    if (p < 1) {
      const candidates = order.slice(0, k);
      const total = sequentialSum(candidates.map((j) => a[j]));
      let acc = 0;
      let count = k;
      for (let i = 0; i < k; i += 1) {
        acc += a[candidates[i]] / total;
        if (acc >= p) { count = i + 1; break; }
      }
      keptTopP = new Array(size).fill(false);
      candidates.slice(0, count).forEach((j) => { keptTopP[j] = true; });
    }

    const peak = Math.max(...a);
    const kept = keptTopP.map((keep, j) => keep && (m <= 0 || a[j] >= m * peak));
    const unnormalised = a.map((v, j) => (kept[j] ? v : 0));
    const total = sequentialSum(unnormalised);
    const final = unnormalised.map((v) => v / total);
    const cutBy = kept.map((keep, j) => (keep ? null : !keptTopK[j] ? TOP_K : !keptTopP[j] ? TOP_P : MIN_P));
    const scaled = z.map((v) => Math.min(1e300, Math.max(-1e300, v / tau)));
    return {logits: z, scaled, probabilities: a, order, keptTopK, keptTopP, kept, final, cutBy};
  }

  // The most likely token, ties to the lower index (numpy's argmax).
  const greedy = (logits) => likelihoodOrder(Array.from(logits, Number))[0];

  return Object.freeze({decode, greedy, likelihoodOrder, TOP_K, TOP_P, MIN_P});
})();
