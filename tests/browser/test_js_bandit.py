"""static/js/lib/bandit.js, run in Chromium, repeats numpy's bandit runs from the same seed.

Exactly (===): the chosen arms of 1000-step runs, the counts, the optimal flags, the hidden
means, the rewards, the estimates q and the regret, and the greedy and epsilon-greedy
probabilities. The normal draws use rng's exactLog and the polar method (basic operations and
sqrt only) and each update is the same operations in the same order. Softmax probabilities to
1e-14 only: SoftmaxMath.softmax goes through Math.exp and a left-to-right sum, numpy's through
np.exp and math.fsum, which may differ in the last bit (softmax_math, not the generator).
"""

from __future__ import annotations

import numpy as np
import pytest

from components.browser.browser_js import MATH_JS_SOURCE, js_source
from components.model import bandit
from tests.browser.conftest import page_with_script

SOURCES = MATH_JS_SOURCE + js_source("lib/rng.js") + js_source("lib/sampling.js") + js_source("lib/bandit.js")

RUN = """([k, seed, q0, steps, options]) => {
    const state = Bandit.create(k, seed, q0);
    const result = Bandit.run(state, steps, options);
    return {...result, means: Array.from(state.means), q: Array.from(state.q), counts: state.counts,
            t: state.t};
}"""

OPTIONS = [
    {"policy": "softmax", "tau": 1.0, "alpha": None},
    {"policy": "softmax", "tau": 0.2, "alpha": 0.1},
    {"policy": "softmax", "tau": 1e-9, "alpha": None},
    {"policy": "softmax", "tau": 1e6, "alpha": None},
    {"policy": "greedy", "alpha": None},
    {"policy": "epsilon-greedy", "epsilon": 0.1, "alpha": 0.05},
]


@pytest.fixture(scope="module")
def bandit_page(browser):
    with page_with_script(browser, SOURCES) as page:
        yield page


@pytest.mark.parametrize("k", [3, 10])
@pytest.mark.parametrize("seed", [0, 1, 2**31])
@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: "-".join(f"{k}={v}" for k, v in o.items()))
def test_a_1000_step_run_is_the_same_in_both(bandit_page, seed, options, k):
    got = bandit_page.evaluate(RUN, [k, seed, 0.0, 1000, options])
    b = bandit.create(k, seed)
    want = bandit.run(b, 1000, options["policy"], options.get("tau", 1.0), options.get("epsilon", 0.1),
                      options["alpha"])
    assert got["arms"] == want.arms.tolist()
    assert got["optimal"] == want.optimal.tolist()
    assert got["counts"] == b.counts.tolist() and got["t"] == b.t == 1000
    assert got["means"] == b.means.tolist()
    assert got["rewards"] == want.rewards.tolist()
    assert got["q"] == b.q.tolist()
    assert got["cumulativeRegret"] == want.cumulative_regret.tolist()


@pytest.mark.parametrize("options", [OPTIONS[0], OPTIONS[4], OPTIONS[5]], ids=lambda o: o["policy"])
def test_runs_averaged_are_the_same_in_both(bandit_page, options):
    """20 problems (seeds 2**32 - 5 + r: past 2**32, read modulo) of 300 steps: the optimal counts, mean
    rewards and mean regret at each step exactly (sums in run order, then one division, in both). The
    averager in chunks gives the same as in one go."""
    k, seed, runs, steps = 10, 2**32 - 5, 20, 300
    got = bandit_page.evaluate("""([k, seed, runs, steps, options]) => {
        const whole = Bandit.average(k, seed, runs, steps, options);
        const job = Bandit.averager(k, seed, runs, steps, options);
        const partial = [];
        while (job.done < runs) { job.advance(3); partial.push(job.result().runs); }
        return {whole, chunked: job.result(), partial};
    }""", [k, seed, runs, steps, options])
    want = bandit.average(k, seed, runs, steps, options["policy"], options.get("tau", 1.0),
                          options.get("epsilon", 0.1), options["alpha"])
    assert got["whole"]["runs"] == want.runs == runs
    assert got["whole"]["optimal"] == want.optimal.tolist()
    assert got["whole"]["reward"] == want.reward.tolist()
    assert got["whole"]["cumulativeRegret"] == want.cumulative_regret.tolist()
    assert got["chunked"] == got["whole"]
    assert got["partial"] == [3, 6, 9, 12, 15, 18, 20]


@pytest.mark.parametrize("k", [2, 4, 7])
def test_steps_one_at_a_time_with_changing_settings_agree(bandit_page, k):
    """A visitor moves tau and switches policy between steps: each step uses the settings of its moment."""
    schedule = [{"policy": p, "tau": t, "epsilon": 0.3, "alpha": a}
                for p, t, a in [("softmax", 2.0, None), ("greedy", 1.0, None), ("softmax", 0.05, 0.2),
                                ("epsilon-greedy", 1.0, None)] for _ in range(25)]
    got = bandit_page.evaluate("""([k, schedule]) => {
        const state = Bandit.create(k, 99, 1.5);
        const steps = schedule.map((o) => Bandit.step(state, o));
        return {arms: steps.map((s) => s.arm), probabilities: steps.map((s) => s.probabilities),
                q: Array.from(state.q)};
    }""", [k, schedule])
    b = bandit.create(k, 99, 1.5)
    steps = [bandit.step(b, o["policy"], o["tau"], o["epsilon"], o["alpha"]) for o in schedule]
    assert got["arms"] == [s.arm for s in steps]
    for o, js, s in zip(schedule, got["probabilities"], steps, strict=True):
        if o["policy"] == "softmax":
            np.testing.assert_allclose(js, s.probabilities, rtol=1e-14, atol=1e-300)
        else:
            assert js == s.probabilities.tolist()
    assert got["q"] == b.q.tolist()


def test_action_probabilities_agree(bandit_page):
    q = [1.0, 3.0, 3.0, -1.0]
    script = "(q) => Bandit.POLICIES.map((p) => Bandit.actionProbabilities(q, p, 0.5, 0.2))"
    got = bandit_page.evaluate(script, q)
    for policy, probabilities in zip(bandit.POLICIES, got, strict=True):
        np.testing.assert_allclose(probabilities, bandit.action_probabilities(np.array(q), policy, 0.5, 0.2),
                                   rtol=1e-15)


@pytest.mark.parametrize(("call", "message"), [
    ("Bandit.create(0, 1)", "number of arms"),
    ("Bandit.create(3, 1.5)", "seed"),
    ("Bandit.create(3, 1, NaN)", "initial estimate"),
    ("Bandit.step(Bandit.create(3, 1), {policy: 'random'})", "policy"),
    ("Bandit.step(Bandit.create(3, 1), {epsilon: 1.5})", "epsilon"),
    ("Bandit.step(Bandit.create(3, 1), {alpha: 0})", "alpha"),
    ("Bandit.step(Bandit.create(3, 1), {tau: 0})", "tau"),
    ("Bandit.run(Bandit.create(3, 1), -1)", "number of steps"),
    ("Bandit.average(3, 1, 0, 10)", "number of runs"),
    ("Bandit.average(3, 1, 2, -1)", "number of steps"),
    ("Bandit.average(3, 1, 2, 10, {policy: 'random'})", "policy"),
])
def test_bad_settings_are_refused_like_numpy(bandit_page, call, message):
    script = f"() => {{ try {{ {call}; return ''; }} catch (e) {{ return e.message; }} }}"
    assert message in bandit_page.evaluate(script)
