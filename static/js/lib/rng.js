// The browser twin of components/model/rng.py: Mulberry32, integer operations only
// (Math.imul, xor, shifts, >>> 0), so the same seed gives the same 32-bit words, the same
// uniforms and the same discrete draws as numpy. Gumbel and normal draws go through
// Math.log / Math.sqrt / Math.cos and agree with numpy to ~1e-15 relative, not bit for bit.
// Plain script defining exactly one name, Rng; Rng.create(seed) makes a generator (one per
// use: there is no shared generator).
/* exported Rng */
const Rng = (() => {
  "use strict";

  const INCREMENT = 0x6d2b79f5;
  const TWO_32 = 4294967296;

  function checkCount(n) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError("the number of draws must be a whole number >= 0");
    return n;
  }

  // Mulberry32's output function of its counter, as _mix() in rng.py.
  function mix(counter) {
    let t = counter;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  function create(seed) {
    if (!Number.isSafeInteger(seed)) throw new RangeError("the seed must be a whole number");
    // seed mod 2**32 for any safe integer, negative too (as Python's seed % 2**32).
    let state = Number(BigInt.asUintN(32, BigInt(seed)));

    function word() {
      state = (state + INCREMENT) >>> 0;
      return mix(state);
    }
    const uniform = () => word() / TWO_32; // [0, 1)
    const openUniform = () => (word() + 0.5) / TWO_32; // (0, 1): both logs finite
    const gumbel = () => -Math.log(-Math.log(openUniform()));
    // Box-Muller with one value per pair of words, as normals() in rng.py.
    function normal() {
      const radius = Math.sqrt(-2 * Math.log((word() + 0.5) / TWO_32));
      return radius * Math.cos(2 * Math.PI * (word() / TWO_32));
    }
    const many = (draw) => (n) => Float64Array.from({length: checkCount(n)}, draw);

    return Object.freeze({
      word, uniform, openUniform, gumbel, normal,
      words: (n) => Uint32Array.from({length: checkCount(n)}, word),
      uniforms: many(uniform), openUniforms: many(openUniform), gumbels: many(gumbel), normals: many(normal),
      get state() { return state; },
    });
  }

  return Object.freeze({create});
})();
