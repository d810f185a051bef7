"""High-precision references (mpmath, 60 digits) that the numpy math is checked against."""

from __future__ import annotations

from collections.abc import Sequence

import mpmath

mpmath.mp.dps = 60


def softmax(z: Sequence[float], tau: float = 1.0) -> list[float]:
    weights = [mpmath.exp(mpmath.mpf(v) / mpmath.mpf(tau)) for v in z]
    total = mpmath.fsum(weights)
    return [float(w / total) for w in weights]


def sigmoid(z: Sequence[float]) -> list[float]:
    return [float(1 / (1 + mpmath.exp(-mpmath.mpf(v)))) for v in z]


def logsumexp(z: Sequence[float], tau: float = 1.0) -> float:
    return float(mpmath.log(mpmath.fsum(mpmath.exp(mpmath.mpf(v) / mpmath.mpf(tau)) for v in z)))


def mean_energy(z: Sequence[float], tau: float = 1.0) -> float:
    """U = sum_j a_j E_j with E = -z."""
    weights = [mpmath.exp(mpmath.mpf(v) / mpmath.mpf(tau)) for v in z]
    total = mpmath.fsum(weights)
    return float(-mpmath.fsum(w / total * mpmath.mpf(v) for w, v in zip(weights, z, strict=True)))


def entropy(z: Sequence[float], tau: float = 1.0) -> float:
    weights = [mpmath.exp(mpmath.mpf(v) / mpmath.mpf(tau)) for v in z]
    total = mpmath.fsum(weights)
    return float(-mpmath.fsum((w / total) * mpmath.log(w / total) for w in weights))


def jacobian_diagonal(z: Sequence[float], tau: float = 1.0) -> list[float]:
    weights = [mpmath.exp(mpmath.mpf(v) / mpmath.mpf(tau)) for v in z]
    total = mpmath.fsum(weights)
    # The sum of the other weights, not 1 - a_j: that loses every digit when a_j is near 1.
    others = [mpmath.fsum(weights[:j] + weights[j + 1:]) for j in range(len(weights))]
    pairs = zip(weights, others, strict=True)
    return [float((w / total) * (rest / total) / mpmath.mpf(tau)) for w, rest in pairs]


def cross_entropy_gradient(z: Sequence[float], true_class: int, tau: float = 1.0) -> list[float]:
    """(a_j - y_j) / tau, with a_y - 1 as minus the other outputs (60 digits, so no cancellation)."""
    weights = [mpmath.exp(mpmath.mpf(v) / mpmath.mpf(tau)) for v in z]
    total = mpmath.fsum(weights)
    others = mpmath.fsum(weights[:true_class] + weights[true_class + 1:])
    numerators = [-others if j == true_class else w for j, w in enumerate(weights)]
    return [float(n / total / mpmath.mpf(tau)) for n in numerators]
