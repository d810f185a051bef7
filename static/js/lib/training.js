// The browser twin of components/model/training.py: 2-D points of K classes from the seeded
// generator, one layer z_j = w_j . x + b_j, a full-batch gradient-descent step with the
// log-likelihood (softmax outputs, gradient a - y) or the quadratic cost (sigmoid outputs,
// gradient (a - y) sigma'(z)), label smoothing and L2, parameters clipped so that no eta makes NaN.
// numpy's operations in numpy's order; weights are a flat [w_00, w_01, w_10, ...] of length 2K.
// Plain script defining exactly one name, Training; it uses Rng (rng.js), defined before it.
/* global Rng */
/* exported Training */
const Training = (() => {
  "use strict";

  const SEPARATED = "separated";
  const OVERLAPPING = "overlapping";
  const BETWEEN = "between";
  const WRONG_START = "wrong-start";
  const PRESETS = Object.freeze([SEPARATED, OVERLAPPING, BETWEEN, WRONG_START]);
  const LOG_LIKELIHOOD = "log-likelihood";
  const QUADRATIC = "quadratic";
  const COSTS = Object.freeze([LOG_LIKELIHOOD, QUADRATIC]);
  const K_MIN = 2;
  const K_MAX = 6;
  const N_PER_CLASS = 30;
  const PARAM_LIMIT = 1e6;
  const LOSS_LIMIT = 1e300;
  const EXTENT = 5;
  const WRONG_SCALE = 3;
  const RADIUS = {[SEPARATED]: 2.6, [OVERLAPPING]: 1.1, [BETWEEN]: 2.6, [WRONG_START]: 2.6};
  const SPREAD = {[SEPARATED]: 0.45, [OVERLAPPING]: 0.9, [BETWEEN]: 0.45, [WRONG_START]: 0.45};

  function checkK(k) {
    if (!Number.isInteger(k) || k < K_MIN) throw new RangeError(`the number of classes must be a whole number >= ${K_MIN}`);
    return k;
  }
  function checkPreset(preset) {
    if (!PRESETS.includes(preset)) throw new RangeError(`the preset must be one of ${PRESETS.join(", ")}`);
    return preset;
  }
  function checkCost(cost) {
    if (!COSTS.includes(cost)) throw new RangeError(`the cost must be one of ${COSTS.join(", ")}`);
    return cost;
  }
  function checkNumbers(eta, lam) {
    if (!(Number.isFinite(eta) && eta >= 0)) throw new RangeError("the learning rate eta must be a finite number >= 0");
    if (!(Number.isFinite(lam) && lam >= 0)) throw new RangeError("the L2 weight lambda must be a finite number >= 0");
  }
  function checkEpsilon(epsilon) {
    if (!(Number.isFinite(epsilon) && epsilon >= 0 && epsilon < 1)) {
      throw new RangeError("label smoothing epsilon must be a number in [0, 1)");
    }
    return epsilon;
  }

  // The blob centres as [x, y] rows, as centres() in training.py (BETWEEN: K + 1 rows).
  function centres(preset, k) {
    checkPreset(preset); checkK(k);
    const r = RADIUS[preset];
    if (preset !== BETWEEN) {
      return Array.from({length: k}, (_, j) => {
        const angle = 2 * Math.PI * j / k;
        return [r * Math.cos(angle), r * Math.sin(angle)];
      });
    }
    const rows = [[0, 0], [-r, 0], [r, 0]];
    const extra = Array.from({length: k - 2}, (_, i) => i + 2);
    const tops = extra.filter((_, i) => i % 2 === 0);
    const bottoms = extra.filter((_, i) => i % 2 === 1);
    const placed = {};
    for (const [group, sign] of [[tops, 1], [bottoms, -1]]) {
      group.forEach((j, i) => {
        const angle = Math.PI * (i + 1) / (group.length + 1);
        placed[j] = [r * Math.cos(angle), sign * r * Math.sin(angle)];
      });
    }
    return rows.concat(extra.map((j) => placed[j]));
  }

  // N_PER_CLASS points a class, x = c + spread * N(0, 1), normals in point order (x, then y).
  function makeDataset(preset, k, seed) {
    const blobs = centres(preset, k);
    const rng = Rng.create(seed);
    const xs = [];
    const ys = [];
    const labels = [];
    for (let c = 0; c < k; c += 1) {
      for (let i = 0; i < N_PER_CLASS; i += 1) {
        let row = preset === BETWEEN && c >= 2 ? c + 1 : c;
        if (preset === BETWEEN && c === 1 && i % 2 === 1) row = 2;
        const gx = rng.normal();
        const gy = rng.normal();
        xs.push(blobs[row][0] + SPREAD[preset] * gx);
        ys.push(blobs[row][1] + SPREAD[preset] * gy);
        labels.push(c);
      }
    }
    const weights = new Float64Array(2 * k);
    if (preset === WRONG_START) {
      for (let j = 0; j < k; j += 1) {
        const from = blobs[(j - 1 + k) % k];
        weights[2 * j] = WRONG_SCALE * from[0];
        weights[2 * j + 1] = WRONG_SCALE * from[1];
      }
    }
    return {xs, ys, labels, k, weights, biases: new Float64Array(k)};
  }

  // z for one point into out (length K), as weighted_inputs().
  function weightedInput(weights, biases, x, y, out) {
    for (let j = 0; j < biases.length; j += 1) out[j] = x * weights[2 * j] + y * weights[2 * j + 1] + biases[j];
    return out;
  }

  // softmax(z / tau) in place, as _softmax_rows().
  function softmaxInPlace(z, tau = 1) {
    let peak = -Infinity;
    for (const v of z) if (v > peak) peak = v;
    let total = 0;
    for (let j = 0; j < z.length; j += 1) { z[j] = Math.exp((z[j] - peak) / tau); total += z[j]; }
    for (let j = 0; j < z.length; j += 1) z[j] /= total;
    return z;
  }

  function sigmoid(v) {
    const e = Math.exp(-Math.abs(v));
    return v >= 0 ? 1 / (1 + e) : e / (1 + e);
  }

  // The outputs a of one z (a copy): softmax(z / tau) or sigmoid(z / tau).
  function outputs(z, cost, tau = 1) {
    const a = Float64Array.from(z);
    if (checkCost(cost) === LOG_LIKELIHOOD) return softmaxInPlace(a, tau);
    return a.map((v) => sigmoid(v / tau));
  }

  function target(label, j, k, epsilon) {
    return (1 - epsilon) * (j === label ? 1 : 0) + epsilon / k;
  }

  // dC_x/dz for one point, as gradient_in_z(): a - y, or (a - y) sigma'(z); also a and sigma'.
  function pointGradient(z, label, cost, epsilon = 0) {
    const k = z.length;
    checkEpsilon(epsilon);
    const quadratic = checkCost(cost) === QUADRATIC;
    const a = quadratic ? Float64Array.from(z, sigmoid) : softmaxInPlace(Float64Array.from(z));
    const factor = quadratic ? a.map((v) => v * (1 - v)) : null;
    const gradient = a.map((v, j) => (quadratic ? (v - target(label, j, k, epsilon)) * factor[j] : v - target(label, j, k, epsilon)));
    return {a, gradient, factor};
  }

  function clip(v) {
    if (Number.isNaN(v)) return 0;
    return Math.min(PARAM_LIMIT, Math.max(-PARAM_LIMIT, v));
  }

  // One full-batch step, as step(): a new {weights, biases}, clipped to +-PARAM_LIMIT.
  function step(params, data, {cost = LOG_LIKELIHOOD, eta = 1, lam = 0, epsilon = 0} = {}) {
    checkNumbers(eta, lam); checkCost(cost); checkEpsilon(epsilon);
    const {weights, biases} = params;
    const k = biases.length;
    const n = data.labels.length;
    if (n === 0) return {weights: Float64Array.from(weights), biases: Float64Array.from(biases)};
    const quadratic = cost === QUADRATIC;
    const gw = new Float64Array(2 * k);
    const gb = new Float64Array(k);
    const z = new Float64Array(k);
    for (let i = 0; i < n; i += 1) {
      const x = data.xs[i];
      const y = data.ys[i];
      const label = data.labels[i];
      weightedInput(weights, biases, x, y, z);
      if (quadratic) {
        for (let j = 0; j < k; j += 1) z[j] = sigmoid(z[j]);
      } else {
        softmaxInPlace(z);
      }
      for (let j = 0; j < k; j += 1) {
        const a = z[j];
        const d = quadratic ? (a - target(label, j, k, epsilon)) * (a * (1 - a)) : a - target(label, j, k, epsilon);
        gw[2 * j] += d * x;
        gw[2 * j + 1] += d * y;
        gb[j] += d;
      }
    }
    const decay = 1 - eta * lam / n;
    const newWeights = weights.map((w, i) => clip(decay * w - eta * (gw[i] / n)));
    const newBiases = biases.map((b, j) => clip(b - eta * (gb[j] / n)));
    return {weights: newWeights, biases: newBiases};
  }

  // The mean cost plus lambda / (2n) sum w^2, as loss(); capped at LOSS_LIMIT.
  function loss(params, data, {cost = LOG_LIKELIHOOD, lam = 0, epsilon = 0} = {}) {
    checkNumbers(0, lam); checkCost(cost); checkEpsilon(epsilon);
    const {weights, biases} = params;
    const k = biases.length;
    const n = data.labels.length;
    if (n === 0) return 0;
    const z = new Float64Array(k);
    let total = 0;
    for (let i = 0; i < n; i += 1) {
      weightedInput(weights, biases, data.xs[i], data.ys[i], z);
      let perPoint = 0;
      if (cost === LOG_LIKELIHOOD) {
        let peak = -Infinity;
        for (const v of z) if (v > peak) peak = v;
        let sum = 0;
        for (let j = 0; j < k; j += 1) sum += Math.exp(z[j] - peak);
        const logSum = Math.log(sum);
        for (let j = 0; j < k; j += 1) perPoint += target(data.labels[i], j, k, epsilon) * ((z[j] - peak) - logSum);
        perPoint = -perPoint;
      } else {
        for (let j = 0; j < k; j += 1) perPoint += (target(data.labels[i], j, k, epsilon) - sigmoid(z[j])) ** 2;
        perPoint *= 0.5;
      }
      total += perPoint;
    }
    let squares = 0;
    for (const w of weights) squares += w ** 2;
    return Math.min(total / n + lam / (2 * n) * squares, LOSS_LIMIT);
  }

  // argmax_j of z, the first on a tie (as numpy's argmax).
  function argmax(z) {
    let best = 0;
    for (let j = 1; j < z.length; j += 1) if (z[j] > z[best]) best = j;
    return best;
  }

  function accuracy(params, data) {
    const n = data.labels.length;
    if (n === 0) return 0;
    const z = new Float64Array(params.biases.length);
    let right = 0;
    for (let i = 0; i < n; i += 1) {
      if (argmax(weightedInput(params.weights, params.biases, data.xs[i], data.ys[i], z)) === data.labels[i]) right += 1;
    }
    return right / n;
  }

  // steps steps, as train(): the loss and accuracy at the start and after each step.
  function train(params, data, steps, options = {}) {
    if (!Number.isInteger(steps) || steps < 0) throw new RangeError("the number of steps must be a whole number >= 0");
    let current = {weights: Float64Array.from(params.weights), biases: Float64Array.from(params.biases)};
    const losses = [loss(current, data, options)];
    const accuracies = [accuracy(current, data)];
    for (let s = 0; s < steps; s += 1) {
      current = step(current, data, options);
      losses.push(loss(current, data, options));
      accuracies.push(accuracy(current, data));
    }
    return {losses, accuracies, weights: current.weights, biases: current.biases};
  }

  // The regions on a size x size grid of pixel centres over [-extent, extent]^2, row 0 at the
  // bottom, as regions(): each pixel's argmax class (Int8Array) and its max a_j at tau.
  function regions(params, cost, tau = 1, size = 100, extent = EXTENT) {
    checkCost(cost);
    if (!(Number.isFinite(tau) && tau > 0)) throw new RangeError("temperature tau must be a positive finite number");
    const k = params.biases.length;
    const classes = new Int8Array(size * size);
    const confidence = new Float64Array(size * size);
    const z = new Float64Array(k);
    const quadratic = cost === QUADRATIC;
    for (let row = 0; row < size; row += 1) {
      const y = -extent + (row + 0.5) * (2 * extent / size);
      for (let col = 0; col < size; col += 1) {
        const x = -extent + (col + 0.5) * (2 * extent / size);
        weightedInput(params.weights, params.biases, x, y, z);
        const best = argmax(z);
        classes[row * size + col] = best;
        // The max output is the winner's: softmax and sigmoid are both increasing in z_j.
        if (quadratic) {
          confidence[row * size + col] = sigmoid(z[best] / tau);
        } else {
          let total = 0;
          for (let j = 0; j < k; j += 1) total += Math.exp((z[j] - z[best]) / tau);
          confidence[row * size + col] = 1 / total;
        }
      }
    }
    return {classes, confidence};
  }

  return Object.freeze({
    PRESETS, COSTS, LOG_LIKELIHOOD, QUADRATIC, K_MIN, K_MAX, N_PER_CLASS, PARAM_LIMIT, EXTENT,
    centres, makeDataset, weightedInput, outputs, pointGradient, step, loss, accuracy, train, regions, argmax,
  });
})();
