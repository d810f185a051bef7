"""A K-armed bandit explored with softmax, P_t(a) = softmax(q_t / tau), beside greedy and epsilon-greedy.

Pure numpy, no UI; static/js/lib/bandit.js is its browser twin. Arms have hidden mean rewards
drawn from the seeded generator (standard normal, as in Sutton and Barto's 10-armed testbed) and
Gaussian rewards of unit variance around them. One step chooses an arm with one uniform (the
sampler of components/model/sampling.py), draws its reward with the same generator, and updates
the estimate of that arm: the sample average q += (r - q) / n, or a constant step q += alpha (r - q).
The generator is the bandit's own: the means, then every step, come from one stream, so the
same seed gives the same run in Python and in the browser, bit for bit: arms, rewards and q
(the normals use rng's exact_log and the polar method, and each update is the same operations).
``average`` repeats a run over independent problems (seeds seed, seed + 1, ...) for the curves of
Sutton and Barto's testbed figures, summed in run order in both, so those agree bit for bit too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from . import sampling
from . import softmax_math as sm
from .rng import Mulberry32

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

SOFTMAX, GREEDY, EPSILON_GREEDY = "softmax", "greedy", "epsilon-greedy"
POLICIES = (SOFTMAX, GREEDY, EPSILON_GREEDY)


@dataclass
class Bandit:
    """One agent on one set of arms (made per view and visitor, never shared)."""

    means: FloatArray  # the hidden mean reward of each arm
    q: FloatArray  # the agent's estimates q_t(a)
    counts: IntArray  # how often each arm was chosen
    rng: Mulberry32 = field(repr=False)
    t: int = 0


@dataclass(frozen=True)
class Step:
    """What one step did: P_t (before the update), the arm, its reward, and whether it was the best arm."""

    probabilities: FloatArray
    arm: int
    reward: float
    optimal: bool
    regret: float  # max mean - mean of the chosen arm (>= 0)


@dataclass(frozen=True)
class Run:
    """T steps: arms, rewards, optimal flags and the cumulative regret after each step."""

    arms: IntArray
    rewards: FloatArray
    optimal: NDArray[np.bool_]
    cumulative_regret: FloatArray


def create(k: int, seed: int, q0: float = 0.0) -> Bandit:
    """K arms with means ~ N(0, 1) from Mulberry32(seed), estimates q0, nothing chosen yet."""
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
        raise ValueError("the number of arms must be a whole number >= 1")
    q0 = float(q0)
    if not math.isfinite(q0):
        raise ValueError("the initial estimate must be a finite number")
    rng = Mulberry32(seed)
    return Bandit(rng.normals(int(k)), np.full(int(k), q0), np.zeros(int(k), dtype=np.int64), rng)


def _check_options(policy: str, epsilon: float, alpha: float | None) -> None:
    if policy not in POLICIES:
        raise ValueError(f"the policy must be one of {', '.join(POLICIES)}")
    if not (math.isfinite(epsilon) and 0.0 <= epsilon <= 1.0):
        raise ValueError("epsilon must be a number from 0 to 1")
    if alpha is not None and not (math.isfinite(alpha) and 0.0 < alpha <= 1.0):
        raise ValueError("the step size alpha must be in (0, 1] (or None for sample averages)")


def action_probabilities(q: FloatArray, policy: str = SOFTMAX, tau: float = 1.0,
                         epsilon: float = 0.1) -> FloatArray:
    """P_t(a): softmax(q / tau); greedy: the best estimates, ties shared; epsilon-greedy: eps/K more each.

    Greedy shares ties evenly instead of taking the lowest index, so an agent whose estimates
    are all equal (at the start) does not always begin with arm 0.
    """
    _check_options(policy, float(epsilon), None)
    values = np.asarray(q, dtype=np.float64)
    if policy == SOFTMAX:
        return sm.softmax(values, tau)
    best = values == values.max()
    greedy = best / np.count_nonzero(best)
    if policy == GREEDY:
        return greedy
    return (1.0 - epsilon) * greedy + epsilon / values.size


def step(bandit: Bandit, policy: str = SOFTMAX, tau: float = 1.0, epsilon: float = 0.1,
         alpha: float | None = None) -> Step:
    """Choose with the generator, reward, update: one step, repeated operation for operation in JS."""
    _check_options(policy, float(epsilon), alpha)
    probabilities = action_probabilities(bandit.q, policy, tau, epsilon)
    arm = sampling.draw_one(probabilities, bandit.rng)
    reward = float(bandit.means[arm] + bandit.rng.normal())
    bandit.counts[arm] += 1
    error = reward - bandit.q[arm]
    bandit.q[arm] += error / bandit.counts[arm] if alpha is None else alpha * error
    bandit.t += 1
    best = float(bandit.means.max())
    return Step(probabilities, arm, reward, bool(bandit.means[arm] == best), best - float(bandit.means[arm]))


def run(bandit: Bandit, steps: int, policy: str = SOFTMAX, tau: float = 1.0, epsilon: float = 0.1,
        alpha: float | None = None) -> Run:
    """``steps`` steps of ``step``; the charts' series (average reward, % optimal, regret) follow from it."""
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 0:
        raise ValueError("the number of steps must be a whole number >= 0")
    taken = [step(bandit, policy, tau, epsilon, alpha) for _ in range(int(steps))]
    return Run(np.array([s.arm for s in taken], dtype=np.int64), np.array([s.reward for s in taken]),
               np.array([s.optimal for s in taken], dtype=bool), np.cumsum([s.regret for s in taken]))


@dataclass(frozen=True)
class Average:
    """One agent's curves over ``runs`` independent problems of T steps, step by step (Sutton and
    Barto's 10-armed testbed figures): the mean reward at each step, how many runs chose their
    best arm at that step, and the mean cumulative regret after it."""

    runs: int
    reward: FloatArray
    optimal: IntArray
    cumulative_regret: FloatArray


def run_seed(seed: int, r: int) -> int:
    """The seed of run r of an average: seed + r (Mulberry32 reads it modulo 2**32), so run 0 is
    the single run the view shows and the twin derives the same seeds."""
    return int(seed) + int(r)


def average(k: int, seed: int, runs: int, steps: int, policy: str = SOFTMAX, tau: float = 1.0,
            epsilon: float = 0.1, alpha: float | None = None) -> Average:
    """``runs`` runs of ``steps`` steps, run r on create(k, run_seed(seed, r)); sums kept in run order
    (element by element, as the twin adds them), divided by ``runs`` at the end."""
    if isinstance(runs, bool) or not isinstance(runs, (int, np.integer)) or runs < 1:
        raise ValueError("the number of runs must be a whole number >= 1")
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 0:
        raise ValueError("the number of steps must be a whole number >= 0")
    _check_options(policy, float(epsilon), alpha)
    rewards, regrets = np.zeros(int(steps)), np.zeros(int(steps))
    optimal = np.zeros(int(steps), dtype=np.int64)
    for r in range(int(runs)):
        result = run(create(k, run_seed(seed, r)), int(steps), policy, tau, epsilon, alpha)
        rewards += result.rewards
        optimal += result.optimal
        regrets += result.cumulative_regret
    return Average(int(runs), rewards / runs, optimal, regrets / runs)
