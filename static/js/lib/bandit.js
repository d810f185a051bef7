// The browser twin of components/model/bandit.py: K arms with means ~ N(0, 1) from the seeded
// generator, unit-variance Gaussian rewards, an agent choosing by softmax(q / tau) (or greedy,
// epsilon-greedy) with one uniform per step, and sample-average or constant-step estimates.
// Each step does numpy's operations in numpy's order, so the same seed gives the same arms.
// Plain script defining exactly one name, Bandit; it uses Rng (rng.js), Sampling (sampling.js)
// and SoftmaxMath (softmax_math.js), defined before it on the page.
/* global Rng, Sampling, SoftmaxMath */
/* exported Bandit */
const Bandit = (() => {
  "use strict";

  const SOFTMAX = "softmax";
  const GREEDY = "greedy";
  const EPSILON_GREEDY = "epsilon-greedy";
  const POLICIES = Object.freeze([SOFTMAX, GREEDY, EPSILON_GREEDY]);

  // K arms and an agent that has chosen nothing yet; the state is a plain object the views own.
  function create(k, seed, q0 = 0) {
    if (!Number.isInteger(k) || k < 1) throw new RangeError("the number of arms must be a whole number >= 1");
    if (!Number.isFinite(q0)) throw new RangeError("the initial estimate must be a finite number");
    const rng = Rng.create(seed);
    const means = rng.normals(k);
    return {means, q: new Float64Array(k).fill(q0), counts: new Array(k).fill(0), rng, t: 0};
  }

  function checkOptions(policy, epsilon, alpha) {
    if (!POLICIES.includes(policy)) throw new RangeError(`the policy must be one of ${POLICIES.join(", ")}`);
    if (!(Number.isFinite(epsilon) && epsilon >= 0 && epsilon <= 1)) throw new RangeError("epsilon must be a number from 0 to 1");
    if (alpha !== null && alpha !== undefined && !(Number.isFinite(alpha) && alpha > 0 && alpha <= 1)) {
      throw new RangeError("the step size alpha must be in (0, 1] (or null for sample averages)");
    }
  }

  // P_t(a), as action_probabilities(): greedy shares ties evenly.
  function actionProbabilities(q, policy = SOFTMAX, tau = 1, epsilon = 0.1) {
    checkOptions(policy, epsilon, null);
    const values = Array.from(q);
    if (policy === SOFTMAX) return SoftmaxMath.softmax(values, tau);
    const best = Math.max(...values);
    const ties = values.filter((v) => v === best).length;
    const greedy = values.map((v) => (v === best ? 1 / ties : 0));
    if (policy === GREEDY) return greedy;
    return greedy.map((g) => (1 - epsilon) * g + epsilon / values.length);
  }

  function step(state, {policy = SOFTMAX, tau = 1, epsilon = 0.1, alpha = null} = {}) {
    checkOptions(policy, epsilon, alpha);
    const probabilities = actionProbabilities(state.q, policy, tau, epsilon);
    const arm = Sampling.drawOne(probabilities, state.rng);
    const reward = state.means[arm] + state.rng.normal();
    state.counts[arm] += 1;
    const error = reward - state.q[arm];
    state.q[arm] += alpha === null || alpha === undefined ? error / state.counts[arm] : alpha * error;
    state.t += 1;
    const best = Math.max(...state.means);
    return {probabilities, arm, reward, optimal: state.means[arm] === best, regret: best - state.means[arm]};
  }

  function run(state, steps, options = {}) {
    if (!Number.isInteger(steps) || steps < 0) throw new RangeError("the number of steps must be a whole number >= 0");
    const arms = [];
    const rewards = [];
    const optimal = [];
    const cumulativeRegret = [];
    let regret = 0;
    for (let i = 0; i < steps; i += 1) {
      const s = step(state, options);
      arms.push(s.arm);
      rewards.push(s.reward);
      optimal.push(s.optimal);
      regret += s.regret;
      cumulativeRegret.push(regret);
    }
    return {arms, rewards, optimal, cumulativeRegret};
  }

  return Object.freeze({create, actionProbabilities, step, run, POLICIES, SOFTMAX, GREEDY, EPSILON_GREEDY});
})();
