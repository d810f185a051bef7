"""One seeded random generator, Mulberry32, that the browser twin (static/js/lib/rng.js) repeats bit for bit.

numpy's generators cannot be run in the browser, so the demos that draw (sampling, decoding, the
bandit, training) use this one: a 32-bit state, integer operations only (add, xor, shift, multiply
modulo 2**32), which numpy's uint32 arithmetic and JS's ``Math.imul`` / ``>>> 0`` compute
identically. The same seed therefore gives the same 32-bit words, the same uniforms (a word / 2**32,
exact in a float64) and the same discrete draws in Python and in the browser.

Gumbel and normal draws are exact too. ``np.log`` and ``Math.log`` are two maths libraries that
may round the last bit differently, so neither is used: ``exact_log`` is fdlibm's logarithm
written with IEEE-754 basic operations (+ - * /, correctly rounded in both languages) and an
exact split of the double's bits, done in the same order here and in JS. Normals use Marsaglia's
polar method (log, sqrt, /, *: no cos). So the same seed gives the same bits everywhere.

Mulberry32's state is a counter (state += 0x6D2B79F5 per word) and each word is a mix of the
counter alone, so n words are computed at once with numpy. A generator is a small object made
per use (per view, per visitor): there is no module-level generator.
"""

from __future__ import annotations

import math
import struct
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]

_INCREMENT = 0x6D2B79F5
_MASK = 0xFFFFFFFF
_TWO_32 = 4294967296.0
_TWO_31 = 2147483648.0

# fdlibm e_log.c (Sun, 1993): ln 2 split so that k * LN2_HI is exact for |k| < 2**11, and the
# minimax coefficients of R(z) ~ 2/3 z + 2/5 z^2 + ..., z = s^2, s = f / (2 + f).
_LN2_HI = 6.93147180369123816490e-01  # 3fe62e42 fee00000
_LN2_LO = 1.90821492927058770002e-10  # 3dea39ef 35793c76
_LG1 = 6.666666666666735130e-01  # 3FE55555 55555593
_LG2 = 3.999999999940941908e-01  # 3FD99999 9997FA04
_LG3 = 2.857142874366239149e-01  # 3FD24924 94229359
_LG4 = 2.222219843214978396e-01  # 3FCC71C5 1D8E78AF
_LG5 = 1.818357216161805012e-01  # 3FC74664 96CB03DE
_LG6 = 1.531383769920937332e-01  # 3FC39A09 D078C69F
_LG7 = 1.479819860511658591e-01  # 3FC2F112 DF3E5244
_SMALLEST_NORMAL = 2.2250738585072014e-308  # 2**-1022
_LARGEST = 1.7976931348623157e308
# exact_log works in pieces of 4096: its ~40 temporaries stay small and in cache (on whole arrays
# of 10^5 it was ~4x slower).
_CHUNK = 4096


def exact_log(x: ArrayLike) -> FloatArray:
    """ln x elementwise, bit for bit as Rng.exactLog in rng.js: fdlibm's __ieee754_log, error < 1 ulp.

    Only + - * / on float64 (each correctly rounded by IEEE 754, in numpy as in JS) and integer
    operations on the double's two 32-bit words (exponent and mantissa, split exactly), in
    fdlibm's order; every branch is computed and np.where picks fdlibm's. Domain: positive,
    finite, normal numbers (2**-1022 <= x <= the largest double); anything else (0, subnormals,
    negatives, inf, NaN) raises ValueError, since the generator never needs it.
    """
    given = np.asarray(x)
    if given.dtype.kind not in "fiu":  # not '2' nor True, as rng.js refuses them
        raise ValueError("exact_log takes positive finite normal numbers (2**-1022 <= x < inf)")
    given = given.astype(np.float64, copy=False)
    values = np.ascontiguousarray(given).reshape(-1)  # a copy only if needed; 0-d becomes 1-d
    if not np.all((values >= _SMALLEST_NORMAL) & (values <= _LARGEST)):  # NaN fails both
        raise ValueError("exact_log takes positive finite normal numbers (2**-1022 <= x < inf)")
    out = np.empty_like(values)
    for start in range(0, values.size, _CHUNK):
        out[start:start + _CHUNK] = _exact_log_chunk(values[start:start + _CHUNK])
    return out.reshape(given.shape)


def _log_series(f: Any) -> tuple[Any, Any]:
    """fdlibm's s = f / (2 + f) and its minimax series R(s^2), for an array or one float: the same
    operations in the same order, so both paths of exact_log (and Rng.exactLog) round alike."""
    s = f / (2.0 + f)
    z = s * s
    w = z * z
    t1 = w * (_LG2 + w * (_LG4 + w * _LG6))
    t2 = z * (_LG1 + w * (_LG3 + w * (_LG5 + w * _LG7)))
    return s, t2 + t1


def _exact_log_chunk(chunk: FloatArray) -> FloatArray:
    bits = chunk.view(np.int64)
    high = bits >> 32  # the high word: sign 0, 11 exponent bits, 20 mantissa bits
    hx = high & 0xFFFFF
    i = (hx + 0x95F64) & 0x100000  # 0x100000 when the mantissa is >= sqrt(2) (high word only)
    k = (high >> 20) - 1023 + (i >> 20)
    # x scaled by 2**-k into [sqrt(2)/2, sqrt(2)): the high word's exponent replaced, low word kept.
    f = (((hx | (i ^ 0x3FF00000)) << 32) | (bits & 0xFFFFFFFF)).view(np.float64) - 1.0
    dk = k.astype(np.float64)
    at_zero = k == 0
    # |f| < 2**-20: a short series.
    r = f * f * (0.5 - 0.3333333333333333 * f)
    near_one = np.where(f == 0.0, np.where(at_zero, 0.0, dk * _LN2_HI + dk * _LN2_LO),
                        np.where(at_zero, f - r, dk * _LN2_HI - ((r - dk * _LN2_LO) - f)))
    s, r = _log_series(f)
    hfsq = 0.5 * f * f
    # fdlibm's (hx - 0x6147a) | (0x6b851 - hx) > 0: a mantissa of 1.38 to 1.42 (f^2/2 is split off).
    wide = np.where(at_zero, f - (hfsq - s * (hfsq + r)),
                    dk * _LN2_HI - ((hfsq - (s * (hfsq + r) + dk * _LN2_LO)) - f))
    narrow = np.where(at_zero, f - s * (f - r), dk * _LN2_HI - ((s * (f - r) - dk * _LN2_LO) - f))
    general = np.where((hx >= 0x6147A) & (hx <= 0x6B851), wide, narrow)
    return np.where(((2 + hx) & 0xFFFFF) < 3, near_one, general)


_DOUBLE, _TWO_WORDS = struct.Struct("<d"), struct.Struct("<II")  # a double as (low, high) words


def _exact_log_one(x: float) -> float:
    """exact_log of one Python float (an IEEE double too), branch by branch as Rng.exactLog reads.

    The same operations as _exact_log_chunk, without ~40 numpy calls: the one-draw methods
    (a bandit step's normal) use it. Tests check that it equals exact_log bit for bit.
    """
    if not _SMALLEST_NORMAL <= x <= _LARGEST:
        raise ValueError("exact_log takes positive finite normal numbers (2**-1022 <= x < inf)")
    low, high = _TWO_WORDS.unpack(_DOUBLE.pack(x))
    hx = high & 0xFFFFF
    i = (hx + 0x95F64) & 0x100000
    k = (high >> 20) - 1023 + (i >> 20)
    f = _DOUBLE.unpack(_TWO_WORDS.pack(low, hx | (i ^ 0x3FF00000)))[0] - 1.0
    dk = float(k)
    if ((2 + hx) & 0xFFFFF) < 3:
        if f == 0.0:
            return 0.0 if k == 0 else dk * _LN2_HI + dk * _LN2_LO
        r = f * f * (0.5 - 0.3333333333333333 * f)
        return f - r if k == 0 else dk * _LN2_HI - ((r - dk * _LN2_LO) - f)
    s, r = _log_series(f)
    if 0x6147A <= hx <= 0x6B851:
        hfsq = 0.5 * f * f
        if k == 0:
            return f - (hfsq - s * (hfsq + r))
        return dk * _LN2_HI - ((hfsq - (s * (hfsq + r) + dk * _LN2_LO)) - f)
    return f - s * (f - r) if k == 0 else dk * _LN2_HI - ((s * (f - r) - dk * _LN2_LO) - f)


def _check_count(n: int) -> int:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0:
        raise ValueError("the number of draws must be a whole number >= 0")
    return int(n)


def _mix(counter: NDArray[np.uint32]) -> NDArray[np.uint32]:
    """Mulberry32's output function of its counter (uint32 arrays wrap modulo 2**32 like Math.imul)."""
    t = counter
    t = (t ^ (t >> np.uint32(15))) * (t | np.uint32(1))
    t ^= t + (t ^ (t >> np.uint32(7))) * (t | np.uint32(61))
    return t ^ (t >> np.uint32(14))


class Mulberry32:
    """A seeded stream of 32-bit words, and the uniform, Gumbel and normal draws built on them."""

    def __init__(self, seed: int) -> None:
        if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
            raise ValueError("the seed must be a whole number")
        self.state = int(seed) % 2**32  # any integer, as JS's seed >>> 0 reads it

    def words(self, n: int) -> NDArray[np.uint32]:
        """The next n 32-bit words (each advances the state by one)."""
        n = _check_count(n)
        steps = np.arange(1, n + 1, dtype=np.uint64)
        counters = ((self.state + steps * np.uint64(_INCREMENT)) & np.uint64(_MASK)).astype(np.uint32)
        self.state = (self.state + n * _INCREMENT) & _MASK
        return _mix(counters)

    def word(self) -> int:
        """The next 32-bit word (_mix on Python ints masked to 32 bits: no numpy call for one word)."""
        self.state = t = (self.state + _INCREMENT) & _MASK
        t = ((t ^ (t >> 15)) * (t | 1)) & _MASK
        t ^= (t + ((t ^ (t >> 7)) * (t | 61) & _MASK)) & _MASK
        return t ^ (t >> 14)

    def uniforms(self, n: int) -> FloatArray:
        """n uniforms in [0, 1): word / 2**32, exact in float64 (0 is possible, 1 is not)."""
        return self.words(n).astype(np.float64) / _TWO_32

    def uniform(self) -> float:
        """One uniform in [0, 1)."""
        return self.word() / _TWO_32

    def open_uniforms(self, n: int) -> FloatArray:
        """n uniforms in (0, 1): (word + 1/2) / 2**32, never 0 nor 1, so both logs are finite."""
        return (self.words(n).astype(np.float64) + 0.5) / _TWO_32

    def gumbels(self, n: int) -> FloatArray:
        """n standard Gumbel draws, -ln(-ln U) with U in (0, 1) and exact_log: within about [-3.1, 22.9]."""
        return -exact_log(-exact_log(self.open_uniforms(n)))

    def gumbel(self) -> float:
        """One standard Gumbel draw, as gumbels(1)."""
        return -_exact_log_one(-_exact_log_one((self.word() + 0.5) / _TWO_32))

    def normals(self, n: int) -> FloatArray:
        """n standard normal draws by Marsaglia's polar method: u * sqrt(-2 ln s / s), s = u^2 + v^2.

        A try takes two words, u and v uniform in [-1, 1) (word / 2**31 - 1, exact); it is kept if
        0 < s < 1 (probability pi/4), else the next two words are tried. One value per kept pair
        (v's is not kept), so the JS twin needs no cached spare. Only exact_log, sqrt, / and *
        (no cos): the draws are the JS twin's bit for bit, and the words used depend on the data.
        """
        n = _check_count(n)
        out = np.empty(n)
        have = 0
        while have < n:
            start, need = self.state, n - have
            tries = need + need // 3 + 8  # pi/4 of the tries are kept: usually one round suffices
            uv = (self.words(2 * tries).astype(np.float64) - _TWO_31).reshape(-1, 2) / _TWO_31
            s = uv[:, 0] * uv[:, 0] + uv[:, 1] * uv[:, 1]
            kept = np.flatnonzero((s < 1.0) & (s > 0.0))[:need]
            if kept.size == need:  # give back the words after the last try used
                self.state = (start + 2 * (int(kept[-1]) + 1) * _INCREMENT) & _MASK
            u, s = uv[kept, 0], s[kept]
            out[have:have + kept.size] = u * np.sqrt(-2.0 * exact_log(s) / s)
            have += kept.size
        return out

    def normal(self) -> float:
        """One standard normal draw, as normals(1): the polar method try by try, on Python floats."""
        while True:
            u = (self.word() - _TWO_31) / _TWO_31
            v = (self.word() - _TWO_31) / _TWO_31
            s = u * u + v * v
            if 0.0 < s < 1.0:
                return u * math.sqrt(-2.0 * _exact_log_one(s) / s)
