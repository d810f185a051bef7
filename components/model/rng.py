"""One seeded random generator, Mulberry32, that the browser twin (static/js/lib/rng.js) repeats bit for bit.

numpy's generators cannot be run in the browser, so the demos that draw (sampling, decoding, the
bandit) use this one: a 32-bit state, integer operations only (add, xor, shift, multiply modulo
2**32), which numpy's uint32 arithmetic and JS's ``Math.imul`` / ``>>> 0`` compute identically.
The same seed therefore gives the same 32-bit words, the same uniforms (a word / 2**32, exact in
a float64) and the same discrete draws in Python and in the browser. Gumbel and normal draws pass
through ``log`` / ``sqrt`` / ``cos``, which two maths libraries may round differently in the last
bit: they agree to ~1e-15 relative, not exactly.

Mulberry32's state is a counter (state += 0x6D2B79F5 per word) and each word is a mix of the
counter alone, so n words are computed at once with numpy. A generator is a small object made
per use (per view, per visitor): there is no module-level generator.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]

_INCREMENT = 0x6D2B79F5
_MASK = 0xFFFFFFFF
_TWO_32 = 4294967296.0


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
        """The next 32-bit word."""
        return int(self.words(1)[0])

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
        """n standard Gumbel draws, -ln(-ln U) with U in (0, 1): finite, within about [-3.1, 22.9]."""
        return -np.log(-np.log(self.open_uniforms(n)))

    def gumbel(self) -> float:
        """One standard Gumbel draw."""
        return float(self.gumbels(1)[0])

    def normals(self, n: int) -> FloatArray:
        """n standard normal draws by Box-Muller, sqrt(-2 ln U1) cos(2 pi U2): two words per draw.

        One value per pair (the sine one is not kept), so that each draw uses the next two
        words and the JS twin needs no cached spare. U1 is in (0, 1): the radius is finite.
        """
        pairs = self.words(2 * _check_count(n)).astype(np.float64).reshape(-1, 2)
        radius = np.sqrt(-2.0 * np.log((pairs[:, 0] + 0.5) / _TWO_32))
        return radius * np.cos(2.0 * math.pi * (pairs[:, 1] / _TWO_32))

    def normal(self) -> float:
        """One standard normal draw."""
        return float(self.normals(1)[0])
