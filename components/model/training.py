"""One softmax layer z_j = w_j . x + b_j learning 2-D points of K classes by gradient descent.

Pure numpy float64, no UI; static/js/lib/training.js is its browser twin and does the same
operations in the same order, so the same seed gives the same points (the normal draws exactly,
the centres' cos and sin to ~1e-15) and 200 steps agree to ~1e-12 (sums over points may round in
another order, nothing more).

Two costs (Nielsen, chapter 3): the log-likelihood C = -sum_j y_j ln a_j with softmax outputs,
whose gradient in z is a - y, and the quadratic C = |y - a|^2 / 2 with sigmoid outputs, whose
gradient (a - y) sigma'(z) vanishes when a sigmoid saturates on the wrong side: the learning
slowdown. Targets may be smoothed, (1 - eps) y + eps / K; L2 is Nielsen's lambda / (2n) sum w^2
(the biases are not decayed). Parameters are clipped to +-PARAM_LIMIT after every step, so any
finite learning rate gives finite numbers (a huge eta jumps to the clip, it never makes NaN).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from .rng import Mulberry32

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

SEPARATED, OVERLAPPING, BETWEEN, WRONG_START = "separated", "overlapping", "between", "wrong-start"
PRESETS = (SEPARATED, OVERLAPPING, BETWEEN, WRONG_START)
LOG_LIKELIHOOD, QUADRATIC = "log-likelihood", "quadratic"
COSTS = (LOG_LIKELIHOOD, QUADRATIC)
K_MIN, K_MAX = 2, 6
N_PER_CLASS = 30
PARAM_LIMIT = 1e6  # |w|, |b| after a step: z stays finite for any point on the plot
LOSS_LIMIT = 1e300  # a loss beyond it (only with an absurd lambda) is written as this
EXTENT = 5.0  # the plot shows [-EXTENT, EXTENT]^2; added points are clamped into it
WRONG_SCALE = 3.0  # "badly wrong start": z about 3 r^2 = 19 for the wrong class (sigmoids saturated)
_RADIUS = {SEPARATED: 2.6, OVERLAPPING: 1.1, BETWEEN: 2.6, WRONG_START: 2.6}
_SPREAD = {SEPARATED: 0.45, OVERLAPPING: 0.9, BETWEEN: 0.45, WRONG_START: 0.45}


@dataclass(frozen=True)
class Dataset:
    """n points (x, y columns) with their classes 0..K-1, and the layer's first parameters."""

    points: FloatArray  # (n, 2)
    labels: IntArray  # (n,)
    k: int
    weights: FloatArray  # (K, 2) the start
    biases: FloatArray  # (K,)


def _check_k(k: int) -> int:
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < K_MIN:
        raise ValueError(f"the number of classes must be a whole number >= {K_MIN}")
    return int(k)


def _check_preset(preset: str) -> str:
    if preset not in PRESETS:
        raise ValueError(f"the preset must be one of {', '.join(PRESETS)}")
    return preset


def _check_cost(cost: str) -> str:
    if cost not in COSTS:
        raise ValueError(f"the cost must be one of {', '.join(COSTS)}")
    return cost


def _circle(k: int, radius: float) -> FloatArray:
    angles = 2.0 * math.pi * np.arange(k, dtype=np.float64) / k
    return np.column_stack([radius * np.cos(angles), radius * np.sin(angles)])


def centres(preset: str, k: int) -> FloatArray:
    """The blob centres, one row per blob (K rows; BETWEEN has K + 1: class 1 has two blobs).

    BETWEEN puts class 0 at the origin and class 1 on both sides of it (-r, 0) and (r, 0), so no
    single linear layer separates them; further classes sit above and below, alternately.
    """
    preset, k = _check_preset(preset), _check_k(k)
    radius = _RADIUS[preset]
    if preset != BETWEEN:
        return _circle(k, radius)
    rows = [(0.0, 0.0), (-radius, 0.0), (radius, 0.0)]
    extra = list(range(2, k))
    tops, bottoms = extra[0::2], extra[1::2]
    for group, sign in ((tops, 1.0), (bottoms, -1.0)):
        for i, _ in enumerate(group):
            angle = math.pi * (i + 1) / (len(group) + 1)
            rows.append((radius * math.cos(angle), sign * radius * math.sin(angle)))
    # rows: class 0, class 1 (left), class 1 (right), tops..., bottoms...; reorder to class order
    order = [0, 1, 2] + [3 + (tops + bottoms).index(j) for j in extra]
    return np.array([rows[i] for i in order], dtype=np.float64)


def _blob_of(preset: str, k: int) -> IntArray:
    """The centre row of each point: class c's points i = 0..N-1 (BETWEEN's class 1 alternates sides)."""
    index = np.repeat(np.arange(k, dtype=np.int64), N_PER_CLASS)
    if preset == BETWEEN:
        index = np.where(index >= 2, index + 1, index)
        ones = np.flatnonzero(index == 1)
        index[ones[1::2]] = 2
    return index


def make_dataset(preset: str, k: int, seed: int) -> Dataset:
    """N_PER_CLASS points a class around the preset's centres, x = c + spread * N(0, 1), Mulberry32(seed).

    The normals are drawn in point order, x before y. The start is all zeros (every a_j = 1/K)
    except on WRONG_START, where w_j = WRONG_SCALE * c_{j-1}: class j scores highest at class
    j - 1's centre, so every point starts confidently in the wrong class.
    """
    preset, k = _check_preset(preset), _check_k(k)
    blobs = centres(preset, k)
    index = _blob_of(preset, k)
    draws = Mulberry32(seed).normals(2 * index.size).reshape(-1, 2)
    points = blobs[index] + _SPREAD[preset] * draws
    labels = np.repeat(np.arange(k, dtype=np.int64), N_PER_CLASS)
    weights = np.zeros((k, 2))
    if preset == WRONG_START:
        weights = WRONG_SCALE * np.roll(blobs, 1, axis=0)
    return Dataset(points, labels, k, weights, np.zeros(k))


def weighted_inputs(weights: FloatArray, biases: FloatArray, points: FloatArray) -> FloatArray:
    """z_ij = w_j0 x_i0 + w_j1 x_i1 + b_j, elementwise (no BLAS: the JS twin rounds the same)."""
    return points[:, 0:1] * weights[:, 0] + points[:, 1:2] * weights[:, 1] + biases


def _softmax_rows(z: FloatArray, tau: float = 1.0) -> FloatArray:
    s = (z - z.max(axis=1, keepdims=True)) / tau
    e = np.exp(s)
    return e / e.sum(axis=1, keepdims=True)


def _sigmoid(z: FloatArray) -> FloatArray:
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def outputs(z: FloatArray, cost: str, tau: float = 1.0) -> FloatArray:
    """The layer's outputs a: softmax(z / tau) rows, or sigmoid(z / tau) for the quadratic cost."""
    return _softmax_rows(z, tau) if _check_cost(cost) == LOG_LIKELIHOOD else _sigmoid(z / tau)


def targets(labels: IntArray, k: int, epsilon: float = 0.0) -> FloatArray:
    """(1 - eps) one-hot + eps / K (label smoothing)."""
    if not (math.isfinite(epsilon) and 0.0 <= epsilon < 1.0):
        raise ValueError("label smoothing epsilon must be a number in [0, 1)")
    onehot = np.zeros((labels.size, k))
    onehot[np.arange(labels.size), labels] = 1.0
    return (1.0 - epsilon) * onehot + epsilon / k


def _check_numbers(eta: float, lam: float) -> None:
    if not (math.isfinite(eta) and eta >= 0.0):
        raise ValueError("the learning rate eta must be a finite number >= 0")
    if not (math.isfinite(lam) and lam >= 0.0):
        raise ValueError("the L2 weight lambda must be a finite number >= 0")


def loss(weights: FloatArray, biases: FloatArray, points: FloatArray, labels: IntArray, cost: str,
         epsilon: float = 0.0, lam: float = 0.0) -> float:
    """The mean cost over the points plus lambda / (2n) sum w^2; ln a from log-softmax, so always finite."""
    _check_numbers(0.0, lam)
    n, k = labels.size, biases.size
    if n == 0:
        return 0.0
    z = weighted_inputs(weights, biases, points)
    y = targets(labels, k, epsilon)
    if _check_cost(cost) == LOG_LIKELIHOOD:
        shifted = z - z.max(axis=1, keepdims=True)
        log_a = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        per_point = -(y * log_a).sum(axis=1)
    else:
        per_point = 0.5 * ((y - _sigmoid(z)) ** 2).sum(axis=1)
    with np.errstate(over="ignore"):
        total = per_point.sum() / n + lam / (2.0 * n) * (weights**2).sum()
    return float(min(total, LOSS_LIMIT))


def accuracy(weights: FloatArray, biases: FloatArray, points: FloatArray, labels: IntArray) -> float:
    """The share of points whose argmax_j z_j (the first on a tie) is their class; tau never changes it."""
    if labels.size == 0:
        return 0.0
    predicted = np.argmax(weighted_inputs(weights, biases, points), axis=1)
    return float(np.mean(predicted == labels))


def gradient_in_z(z: FloatArray, y: FloatArray, cost: str) -> FloatArray:
    """dC_x/dz per point: a - y for the log-likelihood, (a - y) sigma'(z) for the quadratic cost."""
    if _check_cost(cost) == LOG_LIKELIHOOD:
        return _softmax_rows(z) - y
    a = _sigmoid(z)
    return (a - y) * (a * (1.0 - a))


def step(weights: FloatArray, biases: FloatArray, points: FloatArray, labels: IntArray, cost: str,
         eta: float, lam: float = 0.0, epsilon: float = 0.0) -> tuple[FloatArray, FloatArray]:
    """One full-batch step: w <- (1 - eta lam / n) w - eta / n sum dC_x/dw, b <- b - eta / n sum dC_x/db.

    The result is clipped to +-PARAM_LIMIT (an inf from a huge eta becomes the limit).
    """
    _check_numbers(eta, lam)
    n, k = labels.size, biases.size
    if n == 0:
        return weights.copy(), biases.copy()
    dz = gradient_in_z(weighted_inputs(weights, biases, points), targets(labels, k, epsilon), cost)
    grad_w = np.column_stack([(dz * points[:, 0:1]).sum(axis=0), (dz * points[:, 1:2]).sum(axis=0)]) / n
    grad_b = dz.sum(axis=0) / n
    with np.errstate(over="ignore", invalid="ignore"):
        new_w = (1.0 - eta * lam / n) * weights - eta * grad_w
        new_b = biases - eta * grad_b
    return _clip(new_w), _clip(new_b)


def _clip(values: FloatArray) -> FloatArray:
    return np.clip(np.nan_to_num(values, nan=0.0, posinf=PARAM_LIMIT, neginf=-PARAM_LIMIT),
                   -PARAM_LIMIT, PARAM_LIMIT)


@dataclass(frozen=True)
class Run:
    """steps + 1 losses and accuracies (the start, then after each step) and the last parameters."""

    losses: FloatArray
    accuracies: FloatArray
    weights: FloatArray
    biases: FloatArray


def train(weights: FloatArray, biases: FloatArray, points: FloatArray, labels: IntArray, cost: str,
          steps: int, eta: float, lam: float = 0.0, epsilon: float = 0.0) -> Run:
    """``steps`` steps from (weights, biases); the loss and accuracy before the first and after each."""
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 0:
        raise ValueError("the number of steps must be a whole number >= 0")
    w, b = np.array(weights, dtype=np.float64), np.array(biases, dtype=np.float64)
    losses, accuracies = [loss(w, b, points, labels, cost, epsilon, lam)], [accuracy(w, b, points, labels)]
    for _ in range(int(steps)):
        w, b = step(w, b, points, labels, cost, eta, lam, epsilon)
        losses.append(loss(w, b, points, labels, cost, epsilon, lam))
        accuracies.append(accuracy(w, b, points, labels))
    return Run(np.array(losses), np.array(accuracies), w, b)


def regions(weights: FloatArray, biases: FloatArray, cost: str, tau: float = 1.0, size: int = 100,
            extent: float = EXTENT) -> tuple[IntArray, FloatArray]:
    """The decision regions on a size x size grid of pixel centres over [-extent, extent]^2 (row 0 at
    the bottom): each pixel's argmax class (tau-free) and its max a_j at temperature tau."""
    if not (math.isfinite(tau) and tau > 0):
        raise ValueError("temperature tau must be a positive finite number")
    centres_1d = -extent + (np.arange(size, dtype=np.float64) + 0.5) * (2.0 * extent / size)
    gx, gy = np.meshgrid(centres_1d, centres_1d)
    z = weighted_inputs(weights, biases, np.column_stack([gx.ravel(), gy.ravel()]))
    a = outputs(z, cost, tau)
    return np.argmax(z, axis=1).reshape(size, size), a.max(axis=1).reshape(size, size)
