// The browser twin of components/model/rng.py: Mulberry32, integer operations only
// (Math.imul, xor, shifts, >>> 0), so the same seed gives the same 32-bit words, the same
// uniforms and the same discrete draws as numpy. Gumbel and normal draws are numpy's bit for
// bit too: they use exactLog (fdlibm's log in + - * / and an exact split of the double's words,
// in exact_log()'s order; not Math.log, whose last bit the engine chooses), Math.sqrt (correctly
// rounded) and Marsaglia's polar method (no cos).
// Plain script defining exactly one name, Rng; Rng.create(seed) makes a generator (one per
// use: there is no shared generator).
/* exported Rng */
const Rng = (() => {
  "use strict";

  const INCREMENT = 0x6d2b79f5;
  const TWO_32 = 4294967296;
  const TWO_31 = 2147483648;

  // fdlibm e_log.c's constants, as in rng.py.
  const LN2_HI = 6.93147180369123816490e-01;
  const LN2_LO = 1.90821492927058770002e-10;
  const LG1 = 6.666666666666735130e-01;
  const LG2 = 3.999999999940941908e-01;
  const LG3 = 2.857142874366239149e-01;
  const LG4 = 2.222219843214978396e-01;
  const LG5 = 1.818357216161805012e-01;
  const LG6 = 1.531383769920937332e-01;
  const LG7 = 1.479819860511658591e-01;
  const SMALLEST_NORMAL = 2.2250738585072014e-308;
  // Scratch space to read and write a double's two 32-bit words (big-endian, so word 0 is the
  // high one on any machine). Overwritten by every call, so it carries nothing between calls.
  const words64 = new DataView(new ArrayBuffer(8));

  // ln x as exact_log() in rng.py, operation for operation (fdlibm's __ieee754_log, < 1 ulp).
  // Domain: positive finite normal numbers; anything else throws (the generator never needs it).
  function exactLog(x) {
    if (typeof x !== "number" || !(x >= SMALLEST_NORMAL && x <= Number.MAX_VALUE)) {
      throw new RangeError("exactLog takes positive finite normal numbers (2**-1022 <= x < inf)");
    }
    words64.setFloat64(0, x);
    const high = words64.getUint32(0);
    const hx = high & 0xfffff;
    const i = (hx + 0x95f64) & 0x100000; // 0x100000 when the mantissa is >= sqrt(2)
    const k = (high >>> 20) - 1023 + (i >>> 20);
    words64.setUint32(0, hx | (i ^ 0x3ff00000)); // x / 2**k, in [sqrt(2)/2, sqrt(2))
    const f = words64.getFloat64(0) - 1;
    const dk = k;
    if (((2 + hx) & 0xfffff) < 3) { // |f| < 2**-20
      if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
      const r = f * f * (0.5 - 0.3333333333333333 * f);
      return k === 0 ? f - r : dk * LN2_HI - ((r - dk * LN2_LO) - f);
    }
    const s = f / (2 + f);
    const z = s * s;
    const w = z * z;
    const t1 = w * (LG2 + w * (LG4 + w * LG6));
    const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
    const r = t2 + t1;
    if (hx >= 0x6147a && hx <= 0x6b851) {
      const hfsq = 0.5 * f * f;
      return k === 0 ? f - (hfsq - s * (hfsq + r)) : dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
    }
    return k === 0 ? f - s * (f - r) : dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
  }

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
    const gumbel = () => -exactLog(-exactLog(openUniform()));
    // Marsaglia's polar method, one value per kept pair of words, as normals() in rng.py.
    function normal() {
      for (;;) {
        const u = (word() - TWO_31) / TWO_31;
        const v = (word() - TWO_31) / TWO_31;
        const s = u * u + v * v;
        if (s < 1 && s > 0) return u * Math.sqrt(-2 * exactLog(s) / s);
      }
    }
    const many = (draw) => (n) => Float64Array.from({length: checkCount(n)}, draw);

    return Object.freeze({
      word, uniform, openUniform, gumbel, normal,
      words: (n) => Uint32Array.from({length: checkCount(n)}, word),
      uniforms: many(uniform), openUniforms: many(openUniform), gumbels: many(gumbel), normals: many(normal),
      get state() { return state; },
    });
  }

  return Object.freeze({create, exactLog});
})();
