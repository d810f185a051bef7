"""Drawing from a probability vector: the sampler, its counts and how far they are from a.

Pure numpy, no UI; static/js/lib/sampling.js is its browser twin. A draw takes one uniform U
from the seeded generator (components/model/rng.py) and returns the first index j whose
cumulative sum c_j exceeds U * c_K (a binary search), the weights divided by the largest first.
The same seed and the same vector give the same indices in Python and in the browser: the
cumulative sums are added in the same order and compared, nothing transcendental is involved.
Comparing with U * c_K, not U, keeps every index in range when the sums round to slightly less
than K, and a zero-probability entry can never be drawn (its c_j equals the one before it).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from . import softmax_math as sm
from .rng import Mulberry32

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]


def _as_probabilities(a: ArrayLike) -> FloatArray:
    p = np.asarray(a, dtype=np.float64)
    if p.ndim != 1 or p.size == 0:
        raise ValueError("expected a non-empty 1-D vector of probabilities")
    if not np.all(np.isfinite(p)) or np.any(p < 0) or not p.max() > 0:
        raise ValueError("probabilities must be finite, >= 0 and not all 0")
    return p


def _normalised(a: ArrayLike) -> FloatArray:
    """a / sum a, divided by max a first so that the sum can neither overflow nor be subnormal."""
    p = _as_probabilities(a)
    p = p / p.max()
    return p / p.sum()


def _check_count(n: int) -> int:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0:
        raise ValueError("the number of draws must be a whole number >= 0")
    return int(n)


def cumulative(a: ArrayLike) -> FloatArray:
    """c_j = w_0 + ... + w_j with w = a / max a, added left to right (np.cumsum, as the JS loop).

    Divided by the largest weight, the last sum is >= 1 (never subnormal, where U * c_K could
    round up to c_K) and <= K (never overflowing).
    """
    p = _as_probabilities(a)
    return np.cumsum(p / p.max())


def search(c: FloatArray, targets: ArrayLike) -> IntArray:
    """For each target x in [0, c_K), the first j with c_j > x (binary search)."""
    return np.searchsorted(c, np.asarray(targets, dtype=np.float64), side="right").astype(np.int64)


def draw(a: ArrayLike, rng: Mulberry32, n: int) -> IntArray:
    """n indices drawn from a (any weights >= 0, not all 0), one uniform each from rng."""
    c = cumulative(a)
    return search(c, rng.uniforms(_check_count(n)) * c[-1])


def draw_one(a: ArrayLike, rng: Mulberry32) -> int:
    """One index drawn from a."""
    return int(draw(a, rng, 1)[0])


def counts(indices: ArrayLike, size: int) -> IntArray:
    """How many times each of 0..size-1 was drawn."""
    values = np.asarray(indices, dtype=np.int64)
    if values.size and (values.min() < 0 or values.max() >= size):
        raise ValueError(f"indices must be from 0 to {size - 1}")
    return np.bincount(values, minlength=size).astype(np.int64)


def total_variation(counts_: ArrayLike, a: ArrayLike) -> float:
    """1/2 sum_j |n_j / N - a_j|: the distance between the frequencies and a (0 when N = 0)."""
    n = np.asarray(counts_, dtype=np.float64)
    p = _normalised(a)
    total = n.sum()
    if total == 0:
        return 0.0
    return float(0.5 * np.sum(np.abs(n / total - p)))


def expected_counts(a: ArrayLike, n: int) -> FloatArray:
    """N a_j, the mean of each count."""
    return _check_count(n) * _normalised(a)


def standard_errors(a: ArrayLike, n: int) -> FloatArray:
    """sqrt(N a_j (1 - a_j)), the spread of each count; 1 - a_j as the sum of the others (no cancellation)."""
    p = _normalised(a)
    others = p.sum() - p if p.size > 32 else np.array([math.fsum(np.delete(p, j)) for j in range(p.size)])
    return np.sqrt(_check_count(n) * p * np.maximum(others, 0.0))


@dataclass(frozen=True)
class GumbelDraw:
    """One Gumbel-max draw: index = argmax_j scores_j with scores = (z - max z)/tau + g.

    The scores are z/tau + g shifted by the constant max z / tau (the same argmax), so they
    stay finite for any finite z and tau; add ``offset`` (max z / tau, clipped at +-1e300) to
    show z/tau + g itself.
    """

    index: int
    gumbel: FloatArray
    scores: FloatArray
    offset: float


def gumbel_max(z: ArrayLike, tau: float, rng: Mulberry32) -> GumbelDraw:
    """argmax_j (z_j / tau + g_j), g_j standard Gumbel (K draws from rng): distributed as softmax(z/tau).

    Ties in the scores go to the lower index, as numpy's argmax.
    """
    shifted, offset = sm._shifted(z, tau)
    g = rng.gumbels(shifted.size)
    scores = shifted + g
    return GumbelDraw(int(np.argmax(scores)), g, scores, offset)


def gumbel_max_draws(z: ArrayLike, tau: float, rng: Mulberry32, n: int) -> IntArray:
    """n Gumbel-max draws; draw i uses the i-th block of K Gumbel numbers (g_0..g_{K-1})."""
    shifted, _ = sm._shifted(z, tau)
    g = rng.gumbels(_check_count(n) * shifted.size).reshape(n, shifted.size)
    return np.argmax(shifted[None, :] + g, axis=1).astype(np.int64)
