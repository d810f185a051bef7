"""The stable softmax (components/model/softmax_math.py) against scipy.special.softmax.

For K = 4 (the book's values) and K = 10^6 (seeded normal inputs, sigma 10): time per
call (timeit: the best and the median of REPEATS repeats, ours and scipy's repeats
interleaved so machine noise hits both alike), the time ratio ours / scipy (target
<= 1.0), and the max relative error of both against mpmath at 30 digits on every
entry (the exact log-sum-exp as well). The reference is kept as a double-double
(hi + lo) so that the error is not hidden by rounding the reference to float64.

    .venv/bin/python benchmarks/math_speed.py [--repeats 7]

scipy is a benchmark-only dependency (requirements-bench.txt). Prints a table and one
JSON line. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
import timeit
from pathlib import Path

import mpmath
import numpy as np
import scipy
from scipy.special import softmax as scipy_softmax

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from components.model.softmax_math import softmax  # noqa: E402

DIGITS = 30
CASES = {
    4: np.array([2.5, -1.0, 3.2, 0.5]),
    10**6: np.random.default_rng(8).normal(0.0, 10.0, 10**6),
}
CALLS = {4: 20_000, 10**6: 5}  # calls per timeit repeat


def reference(z: np.ndarray) -> tuple[np.ndarray, np.ndarray, mpmath.mpf]:
    """softmax(z) at DIGITS digits, as float64 hi + lo, and ln sum e^z (every entry, no sampling)."""
    mpmath.mp.dps = DIGITS
    weights = [mpmath.exp(mpmath.mpf(float(v))) for v in z]
    total = mpmath.fsum(weights)
    hi = np.empty(z.size)
    lo = np.empty(z.size)
    for j, w in enumerate(weights):
        a = w / total
        hi[j] = float(a)
        lo[j] = float(a - mpmath.mpf(hi[j]))
    return hi, lo, mpmath.log(total)


def max_relative_error(values: np.ndarray, hi: np.ndarray, lo: np.ndarray) -> float:
    # values - hi is exact (Sterbenz: both within a factor 2), then the low part.
    return float(np.max(np.abs((values - hi) - lo) / hi))


def timing(z: np.ndarray, calls: int, repeats: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"ours": [], "scipy": []}
    for _ in range(repeats):
        times["ours"].append(timeit.timeit(lambda: softmax(z), number=calls) / calls)
        times["scipy"].append(timeit.timeit(lambda: scipy_softmax(z), number=calls) / calls)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    results = []
    for k, z in CASES.items():
        started = time.perf_counter()
        hi, lo, lse = reference(z)
        reference_s = time.perf_counter() - started
        times = timing(z, CALLS[k], args.repeats)
        ours_lse = float(np.log(np.sum(np.exp(z - z.max()))) + z.max())
        row = {"K": k, "reference_digits": DIGITS, "reference_entries": int(z.size),
               "reference_s": round(reference_s, 1), "logsumexp_exact": mpmath.nstr(lse, 20)}
        for name in ("ours", "scipy"):
            row[f"{name}_best_us"] = round(min(times[name]) * 1e6, 2)
            row[f"{name}_median_us"] = round(statistics.median(times[name]) * 1e6, 2)
        row["ratio_best"] = round(row["ours_best_us"] / row["scipy_best_us"], 3)
        row["ratio_median"] = round(row["ours_median_us"] / row["scipy_median_us"], 3)
        row["ours_max_rel_err"] = max_relative_error(softmax(z), hi, lo)
        row["scipy_max_rel_err"] = max_relative_error(scipy_softmax(z), hi, lo)
        row["logsumexp_rel_err"] = float(abs((mpmath.mpf(ours_lse) - lse) / lse))
        results.append(row)
    print(f"{'K':>8} {'ours us':>16} {'scipy us':>16} {'ratio':>6} {'target':>6} {'met':>4} "
          f"{'ours rel err':>13} {'scipy rel err':>13}")
    print(f"{'':>8} {'best / median':>16} {'best / median':>16} {'(med)':>6}")
    for r in results:
        ours = f"{r['ours_best_us']:g} / {r['ours_median_us']:g}"
        theirs = f"{r['scipy_best_us']:g} / {r['scipy_median_us']:g}"
        met = "yes" if r["ratio_median"] <= 1.0 else "no"
        print(f"{r['K']:>8} {ours:>16} {theirs:>16} {r['ratio_median']:>6} {'<=1.0':>6} {met:>4} "
              f"{r['ours_max_rel_err']:>13.2e} {r['scipy_max_rel_err']:>13.2e}")
    machine = {"machine": platform.machine(), "cpus": os.cpu_count(), "python": platform.python_version(),
               "numpy": np.__version__, "scipy": scipy.__version__, "mpmath": mpmath.__version__}
    print(json.dumps({"benchmark": "math_speed", "repeats": args.repeats, "machine": machine,
                      "results": results}))


if __name__ == "__main__":
    main()
