"""The math of the demo: pure numpy, numerically stable, no UI imports.

This module is the reference. ``static/js/lib/softmax_math.js`` is its browser twin and
the tests feed both the same vectors. Every function accepts any finite input
and returns finite numbers: exponentials are always taken of shifted values
(``z - max z``), so ``exp`` never overflows and the normaliser is >= 1.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]


def _as_vector(z: ArrayLike) -> FloatArray:
    vector = np.asarray(z, dtype=np.float64)
    if vector.ndim != 1 or vector.size == 0:
        raise ValueError("expected a non-empty 1-D vector of weighted inputs")
    if not np.all(np.isfinite(vector)):
        raise ValueError("weighted inputs must be finite numbers")
    return vector


def _check_tau(tau: float) -> float:
    tau = float(tau)
    if not (math.isfinite(tau) and tau > 0):
        raise ValueError("temperature tau must be a positive finite number")
    return tau


# Up to this many entries, reductions run on Python floats (benchmarks/math_speed.py, K = 4:
# numpy's max/min/sum cost ~2.5 us each, a few times the work itself).
_SMALL = 32


def _shifted(z: ArrayLike, tau: float) -> tuple[FloatArray, float]:
    """(z - max z) / tau, in [-1e300, 0], as a new array, and max z / tau (clipped to +-1e300).

    Shifting before dividing keeps the error relative to the differences that
    matter (z/tau - max(z/tau) loses digits when |z/tau| is large); the max input
    gives exactly 0, every exponent is <= 0, so exp never overflows and the
    normaliser is >= 1. Differences beyond 1e300 are clipped: their exp is 0 anyway.
    """
    vector = np.asarray(z, dtype=np.float64)
    if vector.ndim != 1 or vector.size == 0:
        raise ValueError("expected a non-empty 1-D vector of weighted inputs")
    tau = _check_tau(tau)
    if vector.size <= _SMALL:
        # A few numbers (the demo's K <= 10): Python floats beat numpy's per-call overhead.
        values = vector.tolist()
        finite = all(map(math.isfinite, values))
        peak, low = (max(values), min(values)) if finite else (0.0, 0.0)
    else:
        # max and min are finite only if every entry is (NaN propagates through both): two
        # passes that are needed anyway, instead of isfinite + all.
        peak, low = float(vector.max()), float(vector.min())
        finite = math.isfinite(peak) and math.isfinite(low)
    if not finite:
        raise ValueError("weighted inputs must be finite numbers")
    if (peak - low) / tau <= 1e300:  # Python floats: inf on overflow, no warning, no exception
        # The common case: no difference can overflow or needs clipping; one new array.
        shifted = vector - peak
        if tau != 1.0:
            shifted /= tau
    else:
        with np.errstate(over="ignore"):
            shifted = np.maximum((vector - peak) / tau, -1e300)
    return shifted, min(max(peak / tau, -1e300), 1e300)


def log_softmax(z: ArrayLike, tau: float = 1.0) -> FloatArray:
    """ln a_j = (z_j - max z)/tau - ln sum_k e^{(z_k - max z)/tau}: finite for any finite input."""
    shifted, _ = _shifted(z, tau)
    return shifted - np.log(np.sum(np.exp(shifted)))


def softmax(z: ArrayLike, tau: float = 1.0) -> FloatArray:
    """a_j = e^{z_j/tau} / sum_k e^{z_k/tau} (Nielsen eq. 78 with a temperature)."""
    weights, _ = _shifted(z, tau)
    np.exp(weights, out=weights)  # in [0, 1], the max is exactly 1; in place: no more arrays
    # The normaliser is >= 1; for a few entries math.fsum (correctly rounded) is also the faster.
    weights /= math.fsum(weights.tolist()) if weights.size <= _SMALL else weights.sum()
    return weights


def sigmoid(z: ArrayLike) -> FloatArray:
    """sigma(z) = 1 / (1 + e^{-z}), evaluated on the side where exp cannot overflow."""
    vector = _as_vector(z)
    e = np.exp(-np.abs(vector))  # in (0, 1]
    return np.where(vector >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def logsumexp(z: ArrayLike, tau: float = 1.0) -> float:
    """ln sum_k e^{z_k/tau} = max z/tau + ln sum_k e^{(z_k - max z)/tau}; clipped at +-1e300."""
    shifted, peak_scaled = _shifted(z, tau)
    return float(peak_scaled + np.log(np.sum(np.exp(shifted))))


def jacobian(z: ArrayLike, tau: float = 1.0) -> FloatArray:
    """J[j, k] = da_j/dz_k = a_j (delta_jk - a_k) / tau."""
    a = softmax(z, tau)
    jac = -np.outer(a, a)
    # Diagonal a_j (1 - a_j) as a_j * sum_{k != j} a_k: 1 - a_j cancels when a_j is near 1.
    others = (1.0 - np.eye(a.size)) @ a
    np.fill_diagonal(jac, a * others)
    return jac / _check_tau(tau)


def inverse_softmax(a: ArrayLike, shift: float = 0.0) -> FloatArray:
    """z_j = ln a_j + C: the inputs that produce the outputs a (for tau = 1)."""
    probabilities = _as_vector(a)
    if np.any(probabilities <= 0):
        raise ValueError("every target probability must be greater than 0")
    return np.log(probabilities / probabilities.sum()) + float(shift)


def entropy(z: ArrayLike, tau: float = 1.0) -> float:
    """H = -sum_j a_j ln a_j in nats, from log-softmax so a_j = 0 adds exactly 0."""
    log_a = log_softmax(z, tau)
    a = np.exp(log_a)
    return float(max(0.0, -np.sum(a * log_a)))


def cross_entropy(z: ArrayLike, true_class: int, tau: float = 1.0) -> float:
    """C = -ln a_y, finite even when a_y underflows to 0."""
    return float(-log_softmax(z, tau)[true_class])


def partition_function_log(z: ArrayLike, tau: float = 1.0) -> float:
    """ln Z with Z = sum_i e^{-beta E_i}, beta = 1/tau and energies E = -z."""
    return logsumexp(z, tau)


def free_energy(z: ArrayLike, tau: float = 1.0) -> float:
    """F = -tau ln Z."""
    return -_check_tau(tau) * partition_function_log(z, tau)


def mean_energy(z: ArrayLike, tau: float = 1.0) -> float:
    """U = <E> = sum_j a_j E_j with energies E = -z; F = U - tau H links it to the entropy."""
    return float(-np.dot(softmax(z, tau), _as_vector(z)))


def _check_index(index: int, size: int, what: str) -> int:
    if isinstance(index, bool) or not isinstance(index, (int, np.integer)) or not 0 <= index < size:
        raise ValueError(f"{what} must be a whole number from 0 to {size - 1}")
    return int(index)


def cross_entropy_gradient(z: ArrayLike, true_class: int, tau: float = 1.0) -> FloatArray:
    """dC/dz_j = (a_j - y_j) / tau for C = -ln a_y: at tau = 1 the book's a - y, with no sigma' factor.

    a_y - 1 is computed as minus the sum of the other outputs: 1 - a_y cancels when a_y is near 1.
    """
    a = softmax(z, tau)
    y = _check_index(true_class, a.size, "the true class")
    gradient = a.copy()
    gradient[y] = -(np.sum(a[:y]) + np.sum(a[y + 1:]))
    return gradient / _check_tau(tau)


def softmax_sweep(z: ArrayLike, index: int, values: ArrayLike, tau: float = 1.0) -> FloatArray:
    """Row r is softmax(z / tau) with z_index replaced by values[r]: how every output follows one input."""
    vector = _as_vector(z)
    i = _check_index(index, vector.size, "the swept input")
    grid = np.tile(vector, (_as_vector(values).size, 1))
    grid[:, i] = _as_vector(values)
    return np.vstack([softmax(row, tau) for row in grid])
