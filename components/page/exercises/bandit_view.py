"""A K-armed bandit explored with softmax, P_t(a) = softmax(q_t / tau), beside greedy and epsilon-greedy.

The maths is components/model/bandit.py and its twin static/js/lib/bandit.js. The view keeps only
the number of steps taken (a source); the browser replays that many steps from the seed on every
render (static/js/callbacks/exercises/bandit.js), so what is shown is a function of the seed, K,
tau, alpha, epsilon and the steps, the same in Python and in the browser, and nothing is stored.
"Agent shown" picks whose q_t and P_t (by that agent's rule) the table shows; "Runs averaged"
above 1 averages the curves over problems seed, seed + 1, ... (bandit.average), computed a few runs
per animation frame in the browser (500 runs of 1000 steps take seconds: benchmarks/bandit_run.py).
"""

from __future__ import annotations

from bokeh.layouts import column, row
from bokeh.models import Button, ColumnDataSource, Div, NumericInput, Select, Slider, Toggle

from ...model import bandit
from ..context import ViewContext
from .base import ExerciseView

ALPHAS = ("average", "0.01", "0.05", "0.1", "0.2", "0.5")  # "average": q += (r - q) / n
AGENTS = (bandit.SOFTMAX, bandit.EPSILON_GREEDY, bandit.GREEDY)  # whose q_t and P_t the table shows
RUNS = ("1", "10", "100", "500")  # the curves averaged over this many problems (seed, seed + 1, ...)
DEFAULT_SEED = 1
SEED_HIGH = 2**32 - 1  # Mulberry32 reads the seed modulo 2**32
MAX_STEPS = 5000  # replayed on every render: 3 agents x 5000 steps, about 50 ms (benchmarks/bandit_run.py)


class BanditView(ExerciseView):
    """Step / Run 100 / Run 1000 / Reset on seeded arms: q_t, P_t and three agents' curves."""

    slug = "bandit"
    title_key = "bandit.title"
    css = "bandit.css"

    def __init__(self, context: ViewContext, **params) -> None:
        super().__init__(context, **params)
        texts = self.texts
        sheet = [self.stylesheet]
        self.seed = self.in_link(NumericInput(title=texts("bandit.seed"), low=0, high=SEED_HIGH,
                                              value=DEFAULT_SEED, mode="int", width=140,
                                              css_classes=["bandit-seed"]),
                                 "seed", low=0, high=SEED_HIGH, integer=True)
        self.alpha = self.in_link(Select(title=texts("bandit.alpha"), value=ALPHAS[0], width=200,
                                         options=[(a, texts("bandit.average") if a == "average" else a)
                                                  for a in ALPHAS], css_classes=["bandit-alpha"]),
                                  "alpha", kind="choice", choices=ALPHAS)
        self.epsilon = self.in_link(Slider(title=texts("bandit.epsilon"), start=0, end=1, value=0.1,
                                           step=0.01, width=200, css_classes=["bandit-epsilon"]),
                                    "epsilon", low=0, high=1)
        agent_names = {bandit.SOFTMAX: "softmax", bandit.EPSILON_GREEDY: "egreedy_agent",
                       bandit.GREEDY: "greedy"}
        self.agent = self.in_link(Select(title=texts("bandit.agent"), value=bandit.SOFTMAX, width=160,
                                         options=[(a, texts(f"bandit.{agent_names[a]}")) for a in AGENTS],
                                         css_classes=["bandit-agent"]),
                                  "agent", kind="choice", choices=AGENTS)
        self.run_count = self.in_link(Select(title=texts("bandit.runs"), value=RUNS[0], width=120,
                                             options=list(RUNS), css_classes=["bandit-runs"]),
                                      "runs", kind="choice", choices=RUNS)
        self.reveal = self.in_link(Toggle(label=texts("bandit.reveal"), active=False, width=180,
                                          align="end", css_classes=["bandit-reveal"]),
                                   "reveal", kind="bool", prop="active")
        buttons = {name: Button(label=texts(f"bandit.{name}"), css_classes=[f"bandit-{name}"], width=110,
                                align="end", button_type="primary" if name != "reset" else "default")
                   for name in ("step", "run100", "run1000", "reset")}
        # The steps taken, and what the charts show (for tests and screen readers alike).
        self.state = ColumnDataSource(data={"t": [0]}, syncable=False, name="bandit-state")
        self.arms = ColumnDataSource(data={"means": [], "q": [], "p": [], "counts": []}, syncable=False,
                                     name="bandit-arms")
        self.runs = ColumnDataSource(data={"arm": [], "reward": []}, syncable=False, name="bandit-run")
        # The curves' numbers per agent, step by step over the runs averaged (bandit.average's fields).
        columns = ("agent", "runs", "reward", "optimal", "regret")
        self.averages = ColumnDataSource(data={name: [] for name in columns}, syncable=False,
                                         name="bandit-averages")
        self.charts, self.curves, self.summary = (
            Div(text="", css_classes=[name], stylesheets=sheet, sizing_mode="stretch_width")
            for name in ("bandit-charts", "bandit-curves", "bandit-summary"))
        args = dict(
            seed=self.seed, alpha=self.alpha, epsilon=self.epsilon, reveal=self.reveal, state=self.state,
            agent=self.agent, run_count=self.run_count, averages=self.averages,
            arms=self.arms, runs=self.runs, charts=self.charts, curves=self.curves,
            summary=self.summary, max_steps=MAX_STEPS,
            t=texts.templates(
                "bandit.", "arm", "q_title", "p_title", "mean", "hidden", "reward_title", "optimal_title",
                "regret_title", "softmax", "greedy", "egreedy", "steps", "no_steps", "summary", "capped",
                "best_arm", "caption", "count", "average", "bad_seed", "egreedy_agent", "rule_softmax",
                "rule_greedy", "rule_egreedy", "shown", "averaging", "reward_avg_title", "optimal_avg_title",
                "regret_avg_title", "selected"),
        )
        update = context.callback("exercises/bandit.js", action="none", **args)
        context.on_input(update)
        for widget in (self.seed, self.alpha, self.epsilon, self.agent, self.run_count):
            widget.js_on_change("value", update)
        self.reveal.js_on_change("active", update)
        for name, button in buttons.items():
            button.js_on_event("button_click", context.callback("exercises/bandit.js", action=name, **args))
        explanation = Div(text=f"<p>{texts('bandit.explanation')}</p>", stylesheets=sheet,
                          css_classes=["bandit-explanation"], sizing_mode="stretch_width")
        wrap = {"flex-wrap": "wrap"}
        controls = row(self.seed, self.agent, self.alpha, self.epsilon, self.run_count, self.reveal,
                       styles=wrap, sizing_mode="stretch_width")
        actions = row(*buttons.values(), styles=wrap, sizing_mode="stretch_width")
        self.model = column(controls, actions, self.summary, self.charts, self.curves, explanation,
                            sizing_mode="stretch_width")
