"""Next-token decoding: logits -> / tau -> softmax -> top-k -> top-p -> min-p -> renormalise.

Pure numpy, no UI; static/js/lib/decoding.js is its browser twin. Every stage is returned, and
for each token the stage that cut it, so a view can grey cut tokens and say why.

The exact rules (issue 15):
- "Most likely" order: by logit, highest first, ties to the lower index. Logits, not a: two
  tokens whose probabilities both underflow to 0 are still ordered, and equal logits give equal a.
- top-k keeps the first k of that order; k = None or k >= K is off.
- top-p keeps the smallest prefix of that order, among the tokens top-k kept, whose total
  probability (renormalised over those tokens, as Hugging Face, vLLM and llama.cpp apply top-p
  after top-k) is >= p; never fewer than one token; p = 1 is off (sums that round to just below 1
  would otherwise cut a token).
- min-p keeps the tokens with a_j >= min_p * max a (a ratio, so renormalising would not change
  it); the most likely token always survives top-k and top-p, so max a is over the kept ones too;
  min_p = 0 is off.
- the final distribution is the kept a_j divided by their total; cut tokens are exactly 0.
The kept set is therefore never empty: the most likely token survives every stage.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from . import softmax_math as sm

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]

TOP_K, TOP_P, MIN_P = "top-k", "top-p", "min-p"


@dataclass(frozen=True)
class Decoded:
    """Every stage of the pipeline for one vector of logits."""

    logits: FloatArray
    scaled: FloatArray  # logits / tau, clipped at +-1e300
    probabilities: FloatArray  # softmax(logits / tau)
    order: NDArray[np.int64]  # most likely first, ties to the lower index
    kept_top_k: BoolArray
    kept_top_p: BoolArray  # kept by top-k and top-p
    kept: BoolArray  # kept by all three
    final: FloatArray  # probabilities on the kept tokens, renormalised; exactly 0 elsewhere
    cut_by: tuple[str | None, ...]  # per token: the first stage that cut it, or None


def _check_fraction(value: float, name: str) -> float:
    value = float(value)
    if not (math.isfinite(value) and 0.0 <= value <= 1.0):
        raise ValueError(f"{name} must be a number from 0 to 1")
    return value


def _check_top_k(top_k: int | None, size: int) -> int:
    if top_k is None:
        return size
    if isinstance(top_k, bool) or not isinstance(top_k, (int, np.integer)) or top_k < 1:
        raise ValueError("top-k must be a whole number >= 1 (or None for off)")
    return min(int(top_k), size)


def likelihood_order(logits: ArrayLike) -> NDArray[np.int64]:
    """Token indices by logit, highest first, ties to the lower index (a stable sort)."""
    z = np.asarray(logits, dtype=np.float64)
    return np.argsort(-z, kind="stable").astype(np.int64)


def decode(logits: ArrayLike, tau: float = 1.0, top_k: int | None = None, top_p: float = 1.0,
           min_p: float = 0.0) -> Decoded:
    """The pipeline's stages for logits at temperature tau (rules in the module docstring)."""
    z = np.asarray(logits, dtype=np.float64)
    a = sm.softmax(z, tau)  # checks z and tau
    size = a.size
    k = _check_top_k(top_k, size)
    p = _check_fraction(top_p, "top-p")
    m = _check_fraction(min_p, "min-p")
    order = likelihood_order(z)

    kept_top_k = np.zeros(size, dtype=bool)
    kept_top_k[order[:k]] = True

    kept_top_p = kept_top_k.copy()
    if p < 1.0:
        candidates = order[:k]
        weights = a[candidates]
        # Sums left to right (np.cumsum), as the JS twin adds them.
        cumulative = np.cumsum(weights / np.cumsum(weights)[-1])
        reached = np.flatnonzero(cumulative >= p)
        count = int(reached[0]) + 1 if reached.size else k
        kept_top_p[:] = False
        kept_top_p[candidates[:count]] = True

    kept = kept_top_p.copy()
    if m > 0.0:
        kept &= a >= m * a.max()

    final = np.where(kept, a, 0.0)
    final /= np.cumsum(final)[-1]
    cut_by = tuple(None if kept[j] else TOP_K if not kept_top_k[j] else TOP_P if not kept_top_p[j] else MIN_P
                   for j in range(size))
    with np.errstate(over="ignore"):
        scaled = np.clip(z / float(tau), -1e300, 1e300)  # finite: beyond 1e300 softmax is one-hot anyway
    return Decoded(z.copy(), scaled, a, order, kept_top_k, kept_top_p, kept, final, cut_by)


def greedy(logits: ArrayLike) -> int:
    """The greedy token: the most likely, ties to the lower index (numpy's argmax)."""
    return int(np.argmax(np.asarray(logits, dtype=np.float64)))
