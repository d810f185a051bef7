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

  // average() a few runs at a time (the view spreads them over animation frames): run r plays
  // create(k, seed + r), as run_seed() in bandit.py; sums are kept in run order, step by step.
  function averager(k, seed, runs, steps, options = {}) {
    if (!Number.isInteger(runs) || runs < 1) throw new RangeError("the number of runs must be a whole number >= 1");
    if (!Number.isInteger(steps) || steps < 0) throw new RangeError("the number of steps must be a whole number >= 0");
    const {policy = SOFTMAX, epsilon = 0.1, alpha = null} = options;
    checkOptions(policy, epsilon, alpha);
    const rewards = new Float64Array(steps);
    const regrets = new Float64Array(steps);
    const optimal = new Array(steps).fill(0);
    let done = 0;
    function advance(count = 1) {
      for (let c = 0; c < count && done < runs; c += 1) {
        const result = run(create(k, seed + done), steps, options);
        for (let i = 0; i < steps; i += 1) {
          rewards[i] += result.rewards[i];
          optimal[i] += result.optimal[i] ? 1 : 0;
          regrets[i] += result.cumulativeRegret[i];
        }
        done += 1;
      }
      return done;
    }
    // The curves so far (over the runs done), as the fields of Average in bandit.py.
    const result = () => ({runs: done, reward: Array.from(rewards, (v) => v / done), optimal: optimal.slice(),
      cumulativeRegret: Array.from(regrets, (v) => v / done)});
    return {advance, result, runs, steps, get done() { return done; }};
  }

  function average(k, seed, runs, steps, options = {}) {
    const job = averager(k, seed, runs, steps, options);
    job.advance(runs);
    return job.result();
  }

  return Object.freeze({create, actionProbabilities, step, run, averager, average, POLICIES, SOFTMAX, GREEDY, EPSILON_GREEDY});
})();
