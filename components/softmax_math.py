"""The math of the demo: pure numpy, numerically stable, no UI imports.

This module is the reference. ``static/softmax_math.js`` is its browser twin and
the tests feed both the same vectors. Every function accepts any finite input
and returns finite numbers: exponentials are always taken of shifted values
(``z - max z``), so ``exp`` never overflows and the normaliser is >= 1.
"""

from __future__ import annotations

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
    if not (np.isfinite(tau) and tau > 0):
        raise ValueError("temperature tau must be a positive finite number")
    return tau


def _scaled(z: ArrayLike, tau: float) -> FloatArray:
    """z / tau without overflow to inf (|z| up to 1.8e308 with tau < 1 would)."""
    vector = _as_vector(z)
    tau = _check_tau(tau)
    with np.errstate(over="ignore"):
        scaled = vector / tau
    # Clip instead of overflowing: beyond 1e300 every softmax is already one-hot.
    return np.clip(scaled, -1e300, 1e300)


def log_softmax(z: ArrayLike, tau: float = 1.0) -> FloatArray:
    """ln a_j = z_j/tau - logsumexp(z/tau), computed with the max shift."""
    scaled = _scaled(z, tau)
    shifted = scaled - scaled.max()  # <= 0 everywhere, exactly 0 at the max
    return shifted - np.log(np.sum(np.exp(shifted)))


def softmax(z: ArrayLike, tau: float = 1.0) -> FloatArray:
    """a_j = e^{z_j/tau} / sum_k e^{z_k/tau} (Nielsen eq. 78 with a temperature)."""
    scaled = _scaled(z, tau)
    weights = np.exp(scaled - scaled.max())  # in (0, 1], the max is exactly 1
    return weights / weights.sum()


def sigmoid(z: ArrayLike) -> FloatArray:
    """sigma(z) = 1 / (1 + e^{-z}), evaluated on the side where exp cannot overflow."""
    vector = _as_vector(z)
    e = np.exp(-np.abs(vector))  # in (0, 1]
    return np.where(vector >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def logsumexp(z: ArrayLike, tau: float = 1.0) -> float:
    """ln sum_k e^{z_k/tau}, stable for any finite input."""
    scaled = _scaled(z, tau)
    peak = scaled.max()
    return float(peak + np.log(np.sum(np.exp(scaled - peak))))


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
