"""The softmax bandit (components/model/bandit.py): its step, its estimates, and tau's two limits."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components.model import bandit, sampling
from components.model import softmax_math as sm
from components.model.rng import Mulberry32
from tests.test_sampling import chi_square_p_value


def test_means_are_the_first_normals_of_the_seed():
    b = bandit.create(10, 7)
    np.testing.assert_array_equal(b.means, Mulberry32(7).normals(10))
    assert b.q.tolist() == [0.0] * 10 and b.counts.tolist() == [0] * 10 and b.t == 0
    assert bandit.create(4, 7, q0=5.0).q.tolist() == [5.0] * 4


def test_one_step_is_choose_reward_update_from_one_stream():
    b = bandit.create(4, 3)
    s = bandit.step(b, tau=0.5)
    rng = Mulberry32(3)
    means = rng.normals(4)
    arm = sampling.draw_one(sm.softmax([0.0] * 4, 0.5), rng)
    reward = means[arm] + rng.normal()
    assert (s.arm, s.reward) == (arm, reward)
    assert b.q[arm] == reward and b.counts[arm] == 1 and b.t == 1  # sample average of one reward
    assert s.optimal == (arm == int(np.argmax(means)))
    assert s.regret == means.max() - means[arm] >= 0


@pytest.mark.parametrize("policy", bandit.POLICIES)
def test_probabilities_are_exactly_the_policys_of_the_estimates_before_each_step(policy):
    b = bandit.create(5, 11)
    for _ in range(200):
        q = b.q.copy()
        s = bandit.step(b, policy, tau=0.3, epsilon=0.2)
        np.testing.assert_array_equal(s.probabilities, bandit.action_probabilities(q, policy, 0.3, 0.2))
    if policy == bandit.SOFTMAX:
        np.testing.assert_array_equal(s.probabilities, sm.softmax(q, 0.3))


def test_action_probabilities_of_each_policy():
    q = np.array([1.0, 3.0, 3.0, -1.0])
    np.testing.assert_array_equal(bandit.action_probabilities(q, "greedy"), [0, 0.5, 0.5, 0])
    np.testing.assert_allclose(bandit.action_probabilities(q, "epsilon-greedy", epsilon=0.2),
                               [0.05, 0.45, 0.45, 0.05], rtol=1e-15)
    np.testing.assert_allclose(bandit.action_probabilities(q, "softmax", tau=2.0), sm.softmax(q / 2.0),
                               rtol=1e-15)


def test_sample_averages_and_constant_steps():
    b = bandit.create(3, 5)
    result = bandit.run(b, 500, tau=1.0)
    for arm in range(3):
        rewards = result.rewards[result.arms == arm]
        assert b.counts[arm] == rewards.size
        if rewards.size:
            assert b.q[arm] == pytest.approx(rewards.mean(), rel=1e-12, abs=1e-12)
    alpha = 0.1
    b = bandit.create(3, 5, q0=2.0)
    result = bandit.run(b, 500, tau=1.0, alpha=alpha)
    for arm in range(3):
        rewards = result.rewards[result.arms == arm]
        n = rewards.size
        # q_n = (1 - alpha)^n q_0 + sum_i alpha (1 - alpha)^(n - i) r_i (Sutton & Barto eq. 2.6)
        weights = alpha * (1 - alpha) ** np.arange(n - 1, -1, -1)
        expected = (1 - alpha) ** n * 2.0 + np.dot(weights, rewards)
        assert b.q[arm] == pytest.approx(expected, rel=1e-12, abs=1e-12)
    np.testing.assert_allclose(result.cumulative_regret, np.cumsum(b.means.max() - b.means[result.arms]),
                               rtol=1e-12)


def test_the_same_seed_gives_the_same_run_and_another_seed_does_not():
    first, second = bandit.run(bandit.create(10, 1), 300), bandit.run(bandit.create(10, 1), 300)
    np.testing.assert_array_equal(first.arms, second.arms)
    np.testing.assert_array_equal(first.rewards, second.rewards)
    assert not np.array_equal(first.arms, bandit.run(bandit.create(10, 2), 300).arms)


def test_large_tau_explores_uniformly_and_the_test_can_tell():
    """tau = 1e6: every arm equally likely (chi-square passes); tau = 1 after learning: it does not."""
    b = bandit.create(5, 21)
    uniform_arms = bandit.run(b, 20_000, tau=1e6).arms
    assert chi_square_p_value(sampling.counts(uniform_arms, 5), np.full(5, 0.2)) > 1e-3
    learnt = bandit.run(bandit.create(5, 21), 20_000, tau=0.3).arms
    assert chi_square_p_value(sampling.counts(learnt, 5), np.full(5, 0.2)) < 1e-9


@pytest.mark.parametrize("seed", [0, 1, 2**31])
def test_tau_to_zero_is_greedy_and_large_tau_uniform_choice_for_choice(seed):
    """As the text says: with tau -> 0 the softmax agent makes the greedy agent's choices, step for
    step from the same seed (equal estimates share P evenly in both); with tau -> infinity, the
    choices of an agent that picks uniformly (epsilon-greedy with epsilon = 1)."""
    greedy = bandit.run(bandit.create(10, seed), 300, "greedy")
    cold = bandit.run(bandit.create(10, seed), 300, tau=1e-9)
    np.testing.assert_array_equal(cold.arms, greedy.arms)
    uniform = bandit.run(bandit.create(10, seed), 300, "epsilon-greedy", epsilon=1.0)
    hot = bandit.run(bandit.create(10, seed), 300, tau=1e12)
    np.testing.assert_array_equal(hot.arms, uniform.arms)
    assert not np.array_equal(cold.arms, hot.arms)


def test_softmax_exploration_finds_the_best_arm_more_often_than_chance():
    """Over 20 seeds (some runs lock onto a good-but-not-best arm, as softmax agents do), the best of
    10 arms is chosen in about half of steps 500-1000 at tau = 0.2 or 0.5; chance is 0.1."""
    for tau in (0.2, 0.5):
        late = [bandit.run(bandit.create(10, s), 1000, tau=tau).optimal[-500:].mean() for s in range(20)]
        assert np.mean(late) > 0.4
    uniform = [bandit.run(bandit.create(10, seed), 1000, tau=1e6).optimal[-500:].mean() for seed in range(20)]
    assert np.mean(uniform) < 0.15


def test_an_average_is_the_runs_on_seed_plus_r_added_step_by_step():
    """Run r of an average plays create(k, seed + r); run 0 is the view's single run."""
    k, seed, runs, steps = 4, 2**32 - 2, 5, 60  # seed + r passes 2**32: Mulberry32 reads it modulo
    got = bandit.average(k, seed, runs, steps, "epsilon-greedy", epsilon=0.2, alpha=0.1)
    singles = [bandit.run(bandit.create(k, (seed + r) % 2**32), steps, "epsilon-greedy", epsilon=0.2,
                          alpha=0.1) for r in range(runs)]
    assert got.runs == runs
    np.testing.assert_array_equal(got.optimal, np.sum([s.optimal for s in singles], axis=0))
    for got_curve, want in ((got.reward, [s.rewards for s in singles]),
                            (got.cumulative_regret, [s.cumulative_regret for s in singles])):
        np.testing.assert_allclose(got_curve, np.mean(want, axis=0), rtol=1e-12, atol=1e-12)
    one = bandit.average(k, seed, 1, steps, "epsilon-greedy", epsilon=0.2, alpha=0.1)
    np.testing.assert_array_equal(one.reward, singles[0].rewards)
    assert bandit.average(k, seed, 3, 0).reward.size == 0


def check_tau_limits(average) -> None:
    """Averaged over 100 problems of 10 arms, 300 steps: at tau -> 0 the softmax agent's curves are the
    greedy agent's, at a large tau its % optimal stays within 4 standard errors of 1/K, and at tau = 0.2
    it beats chance by far (so the test tells the three apart)."""
    k, seed, runs, steps = 10, 5, 100, 300
    greedy = average(k, seed, runs, steps, "greedy")
    cold = average(k, seed, runs, steps, "softmax", tau=1e-9)
    np.testing.assert_array_equal(cold.optimal, greedy.optimal)
    np.testing.assert_array_equal(cold.reward, greedy.reward)  # the same arms, the same stream
    hot = average(k, seed, runs, steps, "softmax", tau=1e6).optimal.sum() / (runs * steps)
    standard_error = np.sqrt((1 / k) * (1 - 1 / k) / (runs * steps))
    assert abs(hot - 1 / k) < 4 * standard_error, hot
    warm = average(k, seed, runs, steps, "softmax", tau=0.2).optimal[-100:].sum() / (runs * 100)
    assert warm > 3 / k, warm


def test_averaged_over_runs_tau_to_zero_is_greedy_and_a_large_tau_chance():
    check_tau_limits(bandit.average)


def test_the_tau_limits_test_fails_on_an_agent_that_ignores_tau():
    """The same check on a broken agent (softmax always at tau = 1) must fail."""
    def ignores_tau(k, seed, runs, steps, policy="softmax", tau=1.0, **options):
        return bandit.average(k, seed, runs, steps, policy, 1.0 if policy == "softmax" else tau, **options)

    with pytest.raises(AssertionError):
        check_tau_limits(ignores_tau)


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=1, max_value=10), st.integers(min_value=0, max_value=2**32 - 1),
       st.sampled_from(bandit.POLICIES), st.floats(min_value=1e-3, max_value=1e3),
       st.one_of(st.none(), st.floats(min_value=1e-3, max_value=1.0)))
def test_runs_stay_finite_and_consistent(k, seed, policy, tau, alpha):
    b = bandit.create(k, seed)
    result = bandit.run(b, 100, policy, tau, 0.1, alpha)
    assert np.all(np.isfinite(b.q)) and np.all(np.isfinite(result.rewards))
    assert b.counts.sum() == 100 == b.t and np.all(np.diff(result.cumulative_regret) >= 0)
    assert np.array_equal(sampling.counts(result.arms, k), b.counts)


@pytest.mark.parametrize(("call", "message"), [
    (lambda: bandit.create(0, 1), "number of arms"),
    (lambda: bandit.create(3, 1.5), "seed"),
    (lambda: bandit.create(3, 1, q0=float("nan")), "initial estimate"),
    (lambda: bandit.step(bandit.create(3, 1), "random"), "policy"),
    (lambda: bandit.step(bandit.create(3, 1), epsilon=1.5), "epsilon"),
    (lambda: bandit.step(bandit.create(3, 1), alpha=0.0), "alpha"),
    (lambda: bandit.step(bandit.create(3, 1), tau=0.0), "tau"),
    (lambda: bandit.run(bandit.create(3, 1), -1), "number of steps"),
    (lambda: bandit.average(3, 1, 0, 10), "number of runs"),
    (lambda: bandit.average(3, 1, 2, -1), "number of steps"),
    (lambda: bandit.average(3, 1, 2, 10, "random"), "policy"),
])
def test_bad_settings_are_refused_with_a_message(call, message):
    with pytest.raises(ValueError, match=message):
        call()
