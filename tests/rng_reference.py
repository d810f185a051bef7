"""Shared cases and independent references for the seeded generator's exact maths (rng.py, rng.js).

``log_inputs`` is the vector that exact_log and Rng.exactLog are both fed (tests/test_rng.py,
tests/browser/test_js_rng.py); ``polar_normals`` is Marsaglia's polar method written as a plain
scalar loop, a second implementation that numpy's vectorised normals() must equal bit for bit.
"""

from __future__ import annotations

import math

import mpmath
import numpy as np

from components.model.rng import Mulberry32, exact_log

LOG_CASES = 100_000


def _neighbours(x: float, n: int) -> list[float]:
    """x and the n doubles on each side of it."""
    below, above, out = x, x, [x]
    for _ in range(n):
        below, above = math.nextafter(below, 0.0), math.nextafter(above, math.inf)
        out += [below, above]
    return out


def log_inputs() -> list[float]:
    """10^5 positive normal doubles: the edges of exact_log's branches and the generator's own inputs."""
    edges = [0.5 / 2**32, (2**32 - 0.5) / 2**32, 2.0**-1022, 1.7976931348623157e308, 1.0]
    for e in range(-1022, 1024):  # every power of two and its neighbours (the exponent split)
        edges += [v for v in _neighbours(2.0**e, 1) if v >= 2.0**-1022 and math.isfinite(v)]
    edges += _neighbours(1.0, 2000)  # log near 0: the cancellation fdlibm avoids
    for fraction in (0x6147A, 0x6B852, 0x6A09C, 0xFFFFE, 0x00001):  # fdlibm's branch thresholds
        edges += _neighbours(1.0 + fraction * 2.0**-20, 50) + _neighbours(0.5 + fraction * 2.0**-21, 50)
    edges += _neighbours(math.sqrt(0.5), 500) + _neighbours(math.sqrt(2.0), 500)
    rng = np.random.default_rng(2026)
    uniforms = Mulberry32(7).open_uniforms(30_000)  # Gumbel's first log
    exponents, mantissas = rng.integers(1, 2046, 20_000), rng.integers(0, 2**52, 20_000)  # any normal double
    bits = (exponents << 52 | mantissas).astype(np.int64)
    cases = np.concatenate([edges, uniforms, -np.log(uniforms[:15_000]), bits.view(np.float64)])
    rest = rng.uniform(1e-10, 23.0, LOG_CASES - cases.size)  # Gumbel's second log, -ln U
    return np.concatenate([cases, rest]).tolist()


def ulp_error(x: float, got: float) -> float:
    """|got - ln x| in units in the last place of ln x, with ln x from mpmath at 60 digits."""
    with mpmath.workdps(60):
        exact = mpmath.log(mpmath.mpf(x))
        nearest = float(exact)
        return float(abs(mpmath.mpf(got) - exact) / mpmath.mpf(math.ulp(nearest))) if nearest else abs(got)


def polar_normals(seed: int, n: int) -> tuple[list[float], int]:
    """n normals of Mulberry32(seed) by the polar method one try at a time, and the words it used."""
    rng, out, used = Mulberry32(seed), [], 0
    while len(out) < n:
        u, v = ((w - 2.0**31) / 2.0**31 for w in rng.words(2).tolist())
        used += 2
        s = u * u + v * v
        if 0.0 < s < 1.0:
            out.append(u * math.sqrt(-2.0 * float(exact_log(s)) / s))
    return out, used
