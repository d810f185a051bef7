"""Softmax's relatives on the same z / tau: hardmax, sparsemax, 1.5-entmax and log-softmax (issue 16).

Pure numpy, no UI; static/js/lib/relatives.js is its browser twin. Softmax and log-softmax are
those of components/model/softmax_math.py (one source of truth); this module adds

- hardmax: the one-hot argmax (ties to the lower index), softmax's tau -> 0 limit;
- sparsemax (Martins & Astudillo 2016): the Euclidean projection of z / tau onto the simplex,
  p = max(s - c, 0) with the closed-form threshold c = (sum of the k largest s - 1) / k, k the
  largest with 1 + k s_(k) > s_(1) + ... + s_(k); its outputs have exact zeros;
- 1.5-entmax (Peters, Niculae & Martins 2019): p = max(s / 2 - c, 0)^2 with c found exactly by
  sorting (their Algorithm 2), also with exact zeros.

Both thresholds are computed on s = (z - max z) / tau, like softmax's shift. They satisfy
c >= max - 1 (the largest output is at most 1), so only entries within 1 of the maximum can be
in the support: the sort and the sums run over those alone, which bounds every value in (-1, 0]
(no overflow for any finite input, and no cancellation in entmax's variance, kept by Welford's
recurrence). Only + - * / and sqrt are used, all correctly rounded in IEEE 754: the JS twin gives
the same bits.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

from . import softmax_math as sm

FloatArray = NDArray[np.float64]

log_softmax = sm.log_softmax
softmax = sm.softmax


def _scaled(z: ArrayLike, tau: float) -> FloatArray:
    """(z - max z) / tau in [-1e300, 0]: the max entry exactly 0 (softmax_math's shift, with its checks)."""
    return sm._shifted(z, tau)[0]


def hardmax(z: ArrayLike, tau: float = 1.0) -> FloatArray:
    """The one-hot vector of argmax z (ties to the lower index); tau does not change it (tau > 0).

    The argmax of z itself, not of z / tau: two different z can round to the same z / tau.
    """
    s = _scaled(z, tau)  # the checks
    out = np.zeros(s.size)
    out[int(np.argmax(np.asarray(z, dtype=np.float64)))] = 1.0
    return out


def _descending_candidates(values: FloatArray, floor: float) -> FloatArray:
    """The entries above ``floor``, largest first (the only ones that can be in a support)."""
    return -np.sort(-values[values > floor])


def sparsemax_threshold(z: ArrayLike, tau: float = 1.0) -> tuple[float, int]:
    """(c, k): sparsemax(z / tau) = max((z - max z) / tau - c, 0), and k the size of its support."""
    s = _scaled(z, tau)
    top = _descending_candidates(s, -1.0)  # never empty: the max is 0
    cumulative = np.cumsum(top)
    ranks = np.arange(1, top.size + 1)
    support = int(np.count_nonzero(1.0 + ranks * top > cumulative))
    return float((cumulative[support - 1] - 1.0) / support), support


def sparsemax(z: ArrayLike, tau: float = 1.0) -> FloatArray:
    """argmin_p ||p - z/tau||^2 over the simplex: max(s - c, 0), exactly 0 off the support."""
    threshold, _ = sparsemax_threshold(z, tau)
    return np.maximum(_scaled(z, tau) - threshold, 0.0)


def sparsemax_jacobian(z: ArrayLike, tau: float = 1.0) -> FloatArray:
    """d sparsemax(z/tau) / dz = (diag(u) - u u^T / |S|) / tau, u the indicator of the support S."""
    support = (sparsemax(z, tau) > 0).astype(np.float64)
    return (np.diag(support) - np.outer(support, support) / support.sum()) / sm._check_tau(tau)


def entmax15_threshold(z: ArrayLike, tau: float = 1.0) -> tuple[float, int]:
    """(c, k): entmax15(z / tau) = max(s / 2 - c, 0)^2 with s = (z - max z) / tau, k its support size.

    For the k largest x = s / 2 the threshold solving sum (x_i - c)^2 = 1 is
    c_k = mean_k - sqrt((1 - ss_k) / k), ss_k = sum (x_i - mean_k)^2 (clamped at 0 as the
    reference code does); the support is the set of k with c_k <= x_(k).
    """
    x = _scaled(z, tau) / 2.0
    top = _descending_candidates(x, -1.0)
    mean, squares, thresholds = 0.0, 0.0, []
    for k, value in enumerate(top.tolist(), start=1):  # Welford: mean and sum of squared deviations
        previous = mean
        mean = previous + (value - previous) / k
        squares = squares + (value - previous) * (value - mean)
        thresholds.append(mean - math.sqrt(max((1.0 - squares) / k, 0.0)))
    support = int(np.count_nonzero(np.asarray(thresholds) <= top))
    return thresholds[support - 1], support


def entmax15(z: ArrayLike, tau: float = 1.0) -> FloatArray:
    """1.5-entmax of z / tau: max(s / 2 - c, 0)^2, between softmax (alpha 1) and sparsemax (alpha 2)."""
    threshold, _ = entmax15_threshold(z, tau)
    return np.maximum(_scaled(z, tau) / 2.0 - threshold, 0.0) ** 2


def entropy(p: ArrayLike) -> float:
    """-sum p_j ln p_j in nats with 0 ln 0 = 0 (exact zeros add nothing), never below 0."""
    values = np.asarray(p, dtype=np.float64)
    positive = values[values > 0]
    return float(max(0.0, -np.sum(positive * np.log(positive))))


def exact_zeros(p: ArrayLike) -> int:
    """How many outputs are exactly 0 (softmax has none unless an e^s underflows)."""
    return int(np.count_nonzero(np.asarray(p, dtype=np.float64) == 0.0))
