# ruff: noqa: E501 (long sentences read better unbroken in a translation table)
"""The interface's words in every language it speaks: English and Traditional Chinese.

Every string a person can read or hear (headings, labels, aria-labels, tooltips,
notices, including the templates the browser fills in) lives in TEXTS, nowhere
else. Maths and numbers are not translated. Templates use ``{name}`` placeholders,
filled by ``Texts.__call__`` in Python and by ``formatText`` (components/browser/browser_js.py)
in the browser, so one template serves both sides.
"""

from __future__ import annotations

import re

LANGUAGES: dict[str, str] = {"en": "English", "zh-Hant": "繁體中文"}
DEFAULT_LANGUAGE = "en"

# Accepted spellings of each language in links (?lang=...), case-insensitive.
_ALIASES = {"en": "en", "en-us": "en", "en-gb": "en", "zh-hant": "zh-Hant", "zh-tw": "zh-Hant",
            "zh-hk": "zh-Hant", "zh-mo": "zh-Hant", "zh-hant-tw": "zh-Hant"}

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "language.label": "Language",
        "language.switch": "語言 · Language",
        "language.unknown": "The language \"{code}\" is not available, so the page is in English (available: {available}).",
        "language.apply": "Switch language",
        "language.one_file": (
            "This file is in {language} only, so the link's language \"{code}\" is not used; the served "
            "softmax-lab has every language ({available})."
        ),
        "page.title": "softmax-lab: the softmax function, live",
        "page.description": "The softmax function of Nielsen's Neural Networks and Deep Learning, chapter 3, live.",
        "page.subtitle": "the softmax function, live",
        "page.lead": (
            "Move the sliders to set the weighted inputs z<sup>L</sup><sub>j</sub> of an output "
            "layer, as in chapter 3 of Michael Nielsen's <cite>Neural Networks and Deep Learning</cite>. Raise "
            "z<sup>L</sup><sub>4</sub>: a<sup>L</sup><sub>4</sub> grows and every other output shrinks, by "
            "exactly as much in total, because the softmax outputs always sum to 1. The temperature τ divides "
            "every input: small τ sharpens the outputs towards the largest z, large τ flattens them towards "
            "uniform."
        ),
        # components/page/controls/controls.py
        "controls.tau_title": "τ (temperature, log scale)",
        "controls.k_title": "K (number of outputs)",
        "controls.range": "z from −{limit} to {limit}",
        "controls.box_title": "{name} =",
        "controls.range_label": "Slider range",
        "controls.range_clamped": (
            "The range is now −{limit} to {limit}, so the values outside it were moved to its nearest end: "
            "{changes}."
        ),
        "controls.range_clamped_item": "{name} {old} → {new}",
        "controls.list_separator": ", ",
        "exercises.label": "Exercises",
        "exercises.loading": "Loading this exercise…",
        "exercises.needs_server": (
            "This exercise is built by the server, which is not answering. Reload the page once it is "
            "back: your settings are kept in the link."
        ),
        # static/js/lib/input_check.js (typed numbers and link values)
        "input.not_number": "{name}: \"{text}\" is not a number, so {fallback} is kept (allowed: {low} to {high}).",
        "input.not_positive": (
            "{name}: \"{text}\" is not a positive number, so {fallback} is kept (allowed: {low} to {high})."
        ),
        "input.outside": "{name}: {number} is outside {low} to {high}, so {value} is used.",
        "input.too_large": (
            "{name}: \"{text}\" is outside {low} to {high} (too large even to compute with), so {value} is used."
        ),
        # components/model/state.py
        "state.z_not_finite": "{name}: '{value}' is not a finite number, so 0 is used.",
        "state.z_outside": "{name}: {number} is outside {low}..{high}, so {clamped} is used.",
        "state.z_too_large": (
            "{name}: '{value}' is outside {low}..{high} (too large even to compute with), so {clamped} is used."
        ),
        "state.tau_not_positive": "tau: '{value}' is not a positive number, so {default} is used.",
        "state.tau_outside": "tau: {number} is outside {low}..{high}, so {clamped} is used.",
        "state.tau_too_large": (
            "tau: '{value}' is outside {low}..{high} (too large even to compute with), so {clamped} is used."
        ),
        "state.k_not_number": "K: '{value}' is not a number, so {default} is used.",
        "state.k_not_whole": "K: {number} is not a whole number from {low} to {high}, so {clamped} is used.",
        "state.k_too_large": (
            "K: '{value}' is outside {low} to {high} (too large even to compute with), so {clamped} is used."
        ),
        # components/page/shell/url_state.py
        "link.copy_button": "Copy link to this state",
        "link.copied": "Link copied: {link}",
        "link.copy_this": "Copy this link: {link}",
        "link.range_name": "Link range",
        "link.k_name": "Link K",
        "link.z_name": "Link {label}",
        "link.tau_name": "Link τ",
        "link.or": " or ",
        "link.range_not_allowed": "Link range: {wanted} is not one of {allowed}, so {used} is used.",
        "link.k_not_whole": "Link K: {wanted} is not a whole number, so {k} is used.",
        "link.too_few": "Link: {count} value for z, but at least {low} outputs are shown.",
        "link.too_many": "Link: {count} values for z but K = {k}; the extra values are ignored.",
        "link.view_unknown": "Link view: \"{wanted}\" is not one of {slugs}, so the first is shown.",
        "link.theme_unknown": "Link theme: \"{wanted}\" is not one of {allowed}, so the page follows the system's setting.",
        "link.param_name": "Link {name}",
        "link.param_not_whole": "{name}: {wanted} is not a whole number, so {used} is used.",
        "link.param_unknown": "{name}: \"{wanted}\" is not one of {allowed}, so {used} is used.",
        # components/page/shell/connection_status.py
        "connection.lost": (
            "The connection to the server was lost. The page still computes in your browser; "
            "reload it to reconnect: your settings are kept in the link."
        ),
        "connection.reload": "Reload",
        # components/serving/busy.py (the page a full server answers with, HTTP 503)
        "busy.title": "softmax-lab is busy",
        "busy.text": (
            "Too many pages are open on this server right now. This page tries again by itself in "
            "{seconds} seconds; nothing you set is lost: your settings are in the link."
        ),
        "busy.retry": "Try again now",
        # components/model/presets.py
        "preset.book": "Reset to the book's values",
        "preset.equal": "All equal",
        "preset.dominant": "One dominant",
        "preset.ties": "Near-ties",
        "preset.extreme": "Extreme values (|z| = 1000)",
        # components/page/charts/equations.py
        "equations.with_tau": "with τ",
        # components/page/charts/bar_chart.py, softmax_chart.py, sigmoid_panel.py (hover tooltips and headings)
        "hover.output": "output",
        "hover.value": "value",
        "chart.softmax_title": "Softmax outputs a<sup>L</sup><sub>j</sub>",
        "chart.softmax_summary": "total {total} · τ = {tau}",
        "chart.sigmoid_title": "Sigmoid outputs σ(z<sup>L</sup><sub>j</sub>)",
        "chart.sigmoid_summary": "total {total} {verdict}",
        "chart.sigmoid_coincidence": "= 1 only by coincidence",
        "chart.sigmoid_not_one": "≠ 1",
        "chart.sigmoid_explanation": (
            "The same inputs through a <b>sigmoid</b> layer, σ(z) = 1/(1+e<sup>−z</sup>): each output "
            "depends on its own z<sub>j</sub> only, so the outputs do not add up to 1 and are not a "
            "probability distribution. Temperature does not enter here."
        ),
        # components/page/charts/readout_table.py
        "readout.caption": "Outputs for the current inputs",
        "readout.j": "j",
        "readout.z": "zᴸⱼ",
        "readout.softmax": "softmax aᴸⱼ",
        "readout.sigmoid": "sigmoid σ(zᴸⱼ)",
        "readout.total": "total",
        # components/page/exercises/nonlocality_view.py
        "nonlocality.title": "Non-locality",
        "nonlocality.explanation": (
            "Move one input and watch the dashed outlines: they mark every output as it was when the "
            "movement began, and the labels give the change Δ. Softmax is <b>non-local</b>: all outputs move, "
            "and the change of the moved output is balanced exactly by the other outputs, because the total "
            "stays 1. A sigmoid output depends on its own input only: one bar moves, the others do not."
        ),
        "nonlocality.idle": "Move one of the z sliders: the changes since the movement began appear here.",
        "nonlocality.moving_softmax": (
            "You are moving <b>{name}</b>. Softmax: Δa<sub>{j}</sub> = {moved}, all other outputs together: "
            "{others}; sum of all changes {total}."
        ),
        "nonlocality.moving_sigmoid": "Sigmoid: Δσ<sub>{j}</sub> = {s_moved}, all other outputs together: {s_others}.",
        "nonlocality.axis": "dashed: when the movement began",
        "nonlocality.reset": "Measure from here",
        # components/page/exercises/jacobian_view.py
        "jacobian.title": "Monotonicity (Jacobian)",
        "jacobian.explanation": (
            "Each cell shows how fast output a<sub>j</sub> (row) changes when input z<sub>k</sub> (column) moves. "
            "On the diagonal it is a<sub>j</sub>(1 − a<sub>j</sub>)/τ &gt; 0 because 0 &lt; a<sub>j</sub> &lt; 1: "
            "raising z<sub>j</sub> raises a<sub>j</sub>, so softmax is <b>monotonic</b>. Off the diagonal it is "
            "−a<sub>j</sub>a<sub>k</sub>/τ &lt; 0: raising z<sub>k</sub> lowers every other output. Every row sums "
            "to 0 (adding the same number to all inputs changes nothing) and so does every column (the outputs "
            "always total 1)."
        ),
        "jacobian.color_note": (
            "Red: positive, blue: negative, darker: larger. The colour scale runs from "
            "−max|entry| to +max|entry| of the current matrix, so small entries keep their colour; grey means "
            "exactly 0 in float64. Hover a cell for more digits; the table below has every number."
        ),
        "jacobian.caption": "∂a<sub>j</sub>/∂z<sub>k</sub>: row = output a<sub>j</sub>, column = input z<sub>k</sub>",
        "jacobian.row_sum": "row sum",
        "jacobian.column_sum": "column sum",
        "jacobian.diag_all": "all {size} entries are positive",
        "jacobian.diag_some": "{positive} of {size} entries are positive, the others are 0 in float64",
        "jacobian.off_all": "all {count} entries are negative",
        "jacobian.off_some": "{negative} of {count} entries are negative, the others are 0 in float64",
        "jacobian.diag_check": (
            "{mark} Diagonal: {text} (smallest {value}): raising z<sub>j</sub> raises "
            "a<sub>j</sub>."
        ),
        "jacobian.off_check": (
            "{mark} Off the diagonal: {text} (closest to 0: {value}): raising z<sub>k</sub> "
            "lowers every other output."
        ),
        "jacobian.sum_check": (
            "{mark} Every row sums to 0: largest |row sum| {value}, float64 rounding."
        ),
        "jacobian.underflow_one": (
            "{mark} {names} = 0 in float64 (smaller than 1e−308), so its row and column are 0 here; in exact "
            "arithmetic the signs above still hold."
        ),
        "jacobian.underflow_many": (
            "{mark} {names} are 0 in float64 (each smaller than 1e−308), so their rows and columns are 0 here; "
            "in exact arithmetic the signs above still hold."
        ),
        "jacobian.x_axis": "input zₖ",
        "jacobian.y_axis": "output aⱼ",
        # components/page/exercises/temperature_view.py
        "temperature.title": "Temperature & partition function",
        "temperature.explanation": (
            "<p>Softmax is the <b>Boltzmann distribution</b> of statistical physics. "
            "Read each input as an energy E<sub>i</sub> = −z<sub>i</sub> and the temperature as β = 1/τ:</p>"
            "{mathml}"
            "<p>The <b>partition function</b> Z normalises the outputs. Its logarithm gives the <b>free "
            "energy</b> F = −τ ln Z, which equals U − τH: the mean energy U = Σ a<sub>j</sub>E<sub>j</sub> "
            "minus the temperature times the <b>entropy</b> H = −Σ a<sub>j</sub> ln a<sub>j</sub>. H is 0 for a "
            "one-hot output and ln K for the uniform one. Cool the system (τ → 0) and all the probability goes "
            "to the lowest energy, the largest z; heat it (τ → ∞) and every output tends to 1/K.</p>"
        ),
        "temperature.above_float": "above float64's largest number",
        "temperature.below_float": "below float64's smallest number",
        "temperature.only_log": "{where}: only ln Z is kept",
        "temperature.caption": "At the current inputs and τ",
        "temperature.h_nats": "H in nats",
        "temperature.h_bits": "H in bits",
        "temperature.units": "ln {k} nats = log₂ {k} = {bits} bits",
        "temperature.cold_one": "one-hot on {name} (the largest z)",
        "temperature.cold_tied": "shared equally by {names} (tied largest z)",
        "temperature.heading": (
            "<h2>Every output a<sub>j</sub> against the temperature τ</h2><p>Dashed line: current τ = "
            "{tau}. As τ → 0 the outputs become {cold}; as τ → ∞ they "
            "become uniform, 1/K = {hot} each.</p>"
        ),
        "temperature.y_axis": "output aⱼ",
        # components/page/exercises/sweep_view.py
        "sweep.title": "Sweep",
        "sweep.explanation": (
            "Each line is one output a<sub>j</sub> while the chosen input runs over the whole slider range "
            "and every other input stays where its slider is. The book suggests increasing "
            "z<sup>L</sup><sub>4</sub>: "
            "its output rises steadily towards 1 and <b>every</b> other output falls, so at every point the "
            "curves still add up to 1. The dots mark the current value; move the other sliders or τ to "
            "reshape the curves."
        ),
        "sweep.heading_title": "Every output as {swept} sweeps from −{limit} to {limit}",
        "sweep.heading_now": (
            "now {name} = {value}, {output} = {a} · τ = {tau} · the curves sum to 1 at every point "
            "(largest deviation {error})"
        ),
        "sweep.select": "Sweep which input?",
        "sweep.x_axis": "value of the swept input",
        "sweep.y_axis": "softmax output aⱼ",
        # components/page/exercises/cross_entropy_view.py
        "cross_entropy.title": "Cross-entropy",
        "cross_entropy.explanation": (
            "<p>With softmax outputs and the log-likelihood cost C = −ln a<sup>L</sup><sub>y</sub> (the book's "
            "equation 80), the gradient with respect to the weighted inputs is ∂C/∂z<sup>L</sup><sub>j</sub> = "
            "a<sup>L</sup><sub>j</sub> − y<sub>j</sub>, where y is 1 for the true class and 0 for the others "
            "(equations 81 and 82 follow from it for the biases and weights). Unlike a sigmoid output with the "
            "quadratic cost, there is <b>no σ′(z) factor</b>: when the output is badly wrong the gradient is close "
            "to −1 for the true class, so learning does not slow down. With the temperature, C = −ln softmax(z/τ)"
            "<sub>y</sub> and every component is divided by τ; at τ = 1 the bars are exactly a − y.</p>"
        ),
        "cross_entropy.too_small": "10<sup>−{power}</sup> (too small for a float: C comes from ln a directly)",
        "cross_entropy.heading": (
            "<h2>C = −ln {name} = {loss}</h2><p>true class y = {y}: "
            "{name} = {a} · τ = {tau} · bars: ∂C/∂zⱼ = (aⱼ − yⱼ)/τ</p>"
        ),
        "cross_entropy.compare": (
            "<p>For {name} = {z} the softmax gradient of the true class is "
            "{gradient}. A sigmoid output with the quadratic "
            "cost would get (σ(z) − 1) σ′(z) = {quadratic}: lower "
            "z<sub>y</sub> (a worse output) makes σ′ and with it that gradient tiny, the learning slowdown.</p>"
        ),
        "cross_entropy.select": "True class y",
        # components/page/exercises/inverse_view.py
        "inverse.title": "Inverting softmax",
        "inverse.heading": (
            "<h2>Inverting softmax: z<sub>j</sub> = ln a<sub>j</sub> + C</h2>"
            "<p>Type the outputs you want. Any constant C gives the same outputs, because softmax depends only "
            "on differences of its inputs (this is for τ = 1). Boxes you have not typed in show the current "
            "outputs, to three decimals that add up to 1.</p>"
        ),
        "inverse.shift_heading": (
            "<h2>Shift every input by the same amount</h2>"
            "<p>The buttons move all the main z sliders together. Watch the outputs: they do not change.</p>"
        ),
        "inverse.explanation": (
            "<p>Why the constant does not matter: e<sup>z<sub>j</sub>+C</sup> = e<sup>C</sup> e<sup>z<sub>j</sub>"
            "</sup>, and the factor e<sup>C</sup> appears in every term of the sum below the fraction as well, so "
            "it cancels. Shift every main slider by the same amount and compare: the outputs are the same up to "
            "floating-point rounding.</p>"
        ),
        "inverse.outside_note": " (orange: outside, Apply clamps it)",
        "inverse.column_output": "output",
        "inverse.column_typed": "typed",
        "inverse.column_a": "aⱼ (sum 1)",
        "inverse.column_log_a": "ln aⱼ",
        "inverse.column_z": "zⱼ = ln aⱼ + C",
        "inverse.why": "C = {shift}; the main sliders run from −{limit} to {limit}{outside}.",
        "inverse.normalised": (
            "<p>The targets add up to {total}, not 1: each is divided by {total} before taking the logarithm.</p>"
        ),
        "inverse.not_positive": (
            "{name}: \"{text}\" is not a positive number, so {fallback} is kept (allowed: greater than 0, up to "
            "{high})."
        ),
        "inverse.outside": "{name}: {number} is more than {high}, so {value} is used (allowed: greater than 0, up to {high}).",
        "inverse.empty": "{name}: the box is empty, so {fallback} is kept. Enter a probability greater than 0, up to {high}.",
        "inverse.zero": " A probability of exactly 0 has no input: ln 0 = −∞.",
        "inverse.negative": " A probability cannot be negative.",
        "inverse.below_one": "{list} is below −{limit}, the slider's lowest value, so −{limit} is used.",
        "inverse.below_many": "{list} are below −{limit}, the slider's lowest value, so −{limit} is used.",
        "inverse.above_one": "{list} is above {limit}, the slider's highest value, so {limit} is used.",
        "inverse.above_many": "{list} are above {limit}, the slider's highest value, so {limit} is used.",
        "inverse.apply_exactly": "Change C, or choose \"{range}\", to apply exactly.",
        "inverse.tau_not_one": "τ is {tau}, not 1: the main chart shows softmax(z/τ), not the targets.",
        "inverse.applied": "Applied: the largest difference between the main outputs and the targets is {gap}.",
        "inverse.refused": (
            "Shifting by {delta} would move {name} to {value}, outside −{limit} to {limit}: "
            "nothing was shifted, since a clamped slider would change the outputs. Shift the other way, or choose "
            "\"{range}\"."
        ),
        "inverse.shifted": (
            "<p>Every z moved by {delta}: ({before}) → ({after}).</p>"
            "<p>Largest change of any softmax output: {change} "
            "(outputs now {outputs}): the same, up to rounding.</p>"
        ),
        "inverse.no_shift": "<p>No shift yet.</p>",
        "inverse.c_title": "C (any constant)",
        "inverse.apply": "Apply these z to the sliders",
        "inverse.shift": "Shift all z by {amount}",
        "theme.to_dark": "☾ Dark theme",
        "theme.to_light": "☀ Light theme",
        # components/page/exercises/sampling_view.py
        "sampling.title": "Sampling",
        "sampling.count_title": "Draws per press:",
        "sampling.draw": "Draw",
        "sampling.reset": "Reset",
        "sampling.seed": "Seed",
        "sampling.method_cdf": "Cumulative sums",
        "sampling.method_gumbel": "Gumbel-max",
        "sampling.x_axis": "output",
        "sampling.y_axis": "count",
        "sampling.legend_count": "count nⱼ",
        "sampling.legend_expected": "expected N aⱼ",
        "sampling.legend_band": "± 2 standard errors",
        "sampling.summary_none": "No draws yet: choose how many and press Draw.",
        "sampling.summary": "{n} draws from a = softmax(z/τ) with seed {seed}, by {method}.",
        "sampling.tv": "Total variation ½ Σ |nⱼ/N − aⱼ| = {tv}; it shrinks like 1/√N = {root}.",
        "sampling.limit": "At most {max} draws are kept: press Reset to start again.",
        "sampling.seed_bad": "The seed must be a whole number from {low} to {high}, so {used} is used.",
        "sampling.caption": "Counts of {n} draws beside N aⱼ ± 2 standard errors √(N aⱼ (1 − aⱼ))",
        "sampling.col_output": "output",
        "sampling.col_a": "aⱼ",
        "sampling.col_count": "count nⱼ",
        "sampling.col_expected": "expected N aⱼ",
        "sampling.col_band": "N aⱼ ± 2 SE",
        "sampling.col_shifted": "(zⱼ − max z)/τ",
        "sampling.col_g": "Gumbel gⱼ",
        "sampling.col_score": "score",
        "sampling.gumbel_heading": "The first draw by Gumbel-max: each score is (zⱼ − max z)/τ plus standard Gumbel noise gⱼ = −ln(−ln U), and the largest score is drawn. Adding max z/τ = {offset} to every score gives zⱼ/τ + gⱼ and the same winner.",
        "sampling.gumbel_winner": "Drawn: {name}.",
        "sampling.explanation": "Each draw takes one uniform number U from the seeded generator and picks the first output whose running total of a passes U. The same seed gives the same draws, here and in numpy. Counts wander around N aⱼ, mostly inside the band; their distance from a, the total variation, falls like 1/√N. Gumbel-max is a second way with exactly the same distribution: add independent Gumbel noise to zⱼ/τ and take the largest. At a tiny τ a is one-hot and every draw is the same output.",
        # components/page/exercises/decoding_view.py
        "decoding.title": "Next-token decoding",
        "decoding.prompt": "The cat sat on the {next}",
        "decoding.words": "mat,floor,sofa,bed,chair,rug,roof,table,box,windowsill",
        "decoding.top_k": "top-k (1 to K; K = off)",
        "decoding.top_p": "top-p (0 to 1; 1 = off)",
        "decoding.min_p": "min-p (0 to 1; 0 = off)",
        "decoding.seed": "Seed",
        "decoding.count": "Words to draw",
        "decoding.generate": "Generate",
        "decoding.caption": "Each z is the logit of a candidate next word; every stage, most likely word first",
        "decoding.col_rank": "Rank",
        "decoding.col_token": "Word",
        "decoding.col_z": "Logit z",
        "decoding.col_scaled": "z / τ",
        "decoding.col_a": "softmax a",
        "decoding.col_top_k": "top-k",
        "decoding.col_cum": "Running total",
        "decoding.col_top_p": "top-p",
        "decoding.col_min_p": "min-p",
        "decoding.col_final": "Final p",
        "decoding.col_count": "Drawn",
        "decoding.kept": "kept",
        "decoding.cut_top_k": "cut: rank {rank} > k = {k}",
        "decoding.cut_top_p": "cut: the words above already total {total} ≥ p = {p}",
        "decoding.cut_min_p": "cut: a = {a} < min-p × max a = {bar}",
        "decoding.after_cut": "–",
        "decoding.off": "{name} is off.",
        "decoding.summary": "{kept} of {K} words kept; the greedy choice (top-k = 1) is “{greedy}”.",
        "decoding.generated": "{n} words drawn with seed {seed}: {list}.",
        "decoding.not_generated": "Press Generate to draw words from the final distribution.",
        "decoding.seed_bad": "The seed must be a whole number from 0 to {high}, so {used} is used.",
        "decoding.explanation": (
            "A language model ends with a softmax over its vocabulary. The temperature τ divides the "
            "logits first; top-k keeps the k most likely words (ties: the lower index first), top-p the "
            "fewest most likely words whose total reaches p, min-p the words with a ≥ min-p × max a. "
            "The kept a are divided by their total: the final distribution that Generate draws from. "
            "The same seed always gives the same words."
        ),
        # components/page/exercises/bandit_view.py
        "bandit.title": "Softmax bandit",
        "bandit.seed": "Seed",
        "bandit.alpha": "Step size α",
        "bandit.average": "sample average (1/n)",
        "bandit.epsilon": "ε of the ε-greedy agent",
        "bandit.reveal": "Reveal true means",
        "bandit.step": "Step",
        "bandit.run100": "Run 100",
        "bandit.run1000": "Run 1000",
        "bandit.reset": "Reset",
        "bandit.caption": "The {agent} agent's estimates q_t(a) and its probabilities P_t(a) for the next step",
        "bandit.agent": "Agent shown",
        "bandit.runs": "Runs averaged",
        "bandit.egreedy_agent": "ε-greedy",
        "bandit.rule_softmax": "P_t(a) = softmax(q_t / τ)(a) = exp(q_t(a)/τ) / Σ_i exp(q_t(i)/τ), τ = {tau}",
        "bandit.rule_greedy": "P_t(a) = 1 for the arm with the best estimate, 0 for the others (a tie is shared evenly, as the agent breaks it)",
        "bandit.rule_egreedy": "P_t(a) = ε/K + (1 − ε) for the arm with the best estimate, ε/K for the others (ε = {epsilon}, K = {k}; a tie shares 1 − ε evenly)",
        "bandit.shown": "Shown: the {agent} agent. {rule}.",
        "bandit.averaging": "Averaging the curves over {runs} runs: {done} of {runs} done…",
        "bandit.reward_avg_title": "Average reward at each step, over {runs} runs",
        "bandit.optimal_avg_title": "% of {runs} runs taking the optimal action at each step",
        "bandit.regret_avg_title": "Cumulative regret, mean of {runs} runs",
        "bandit.selected": "{agent} (shown above)",
        "bandit.arm": "Arm",
        "bandit.q_title": "q_t(a)",
        "bandit.p_title": "P_t(a)",
        "bandit.count": "Chosen",
        "bandit.mean": "True mean",
        "bandit.hidden": "hidden",
        "bandit.reward_title": "Average reward so far",
        "bandit.optimal_title": "% optimal actions so far",
        "bandit.regret_title": "Cumulative regret",
        "bandit.softmax": "softmax (τ)",
        "bandit.greedy": "greedy",
        "bandit.egreedy": "ε-greedy (ε = {epsilon})",
        "bandit.steps": "{n} steps",
        "bandit.no_steps": "No steps yet: press Step, Run 100 or Run 1000.",
        "bandit.summary": "{n} steps with τ = {tau} and α = {alpha}. {best}",
        "bandit.best_arm": "The best arm is arm {arm}.",
        "bandit.capped": "At most {max} steps are kept; Reset to start again.",
        "bandit.bad_seed": "The seed “{value}” is not a whole number from 0 to 4294967295; seed 1 is used.",
        "bandit.explanation": (
            "Each arm pays a reward drawn around its hidden mean (unit variance; the means come from the "
            "seed). The softmax agent picks arm a with P_t(a) = exp(q_t(a)/τ) / Σ_i exp(q_t(i)/τ): with a "
            "large τ every arm is almost equally likely, as τ goes to 0 it nearly always takes the arm with "
            "the best estimate, like the greedy agent. The greedy and ε-greedy agents play the same arms "
            "for comparison. The run is replayed from the seed whenever τ, α, ε, K or the seed change. "
            "“Agent shown” chooses whose estimates and probabilities the table shows. With more than one "
            "run the curves are averaged step by step over that many problems (seeds: the seed, the seed "
            "+ 1, ...), as in Sutton and Barto's 10-armed testbed; the table stays the first run's."
        ),
        # components/page/exercises/training_view.py
        "training.title": "Training",
        "training.preset": "Data",
        "training.preset_separated": "Separated blobs",
        "training.preset_overlapping": "Overlapping blobs",
        "training.preset_between": "One class between two others",
        "training.preset_wrong": "Badly wrong start",
        "training.seed": "Seed",
        "training.cost": "Cost and outputs",
        "training.cost_ll": "log-likelihood, softmax outputs",
        "training.cost_quad": "quadratic, sigmoid outputs",
        "training.cost_compare": "compare both from the same start",
        "training.eta": "Learning rate η",
        "training.lambda": "L2 weight λ",
        "training.epsilon": "Label smoothing ε",
        "training.add_class": "Class of a new point",
        "training.add_x": "New point x₁",
        "training.add_y": "New point x₂",
        "training.add_point": "Add point",
        "training.train": "Train",
        "training.pause": "Pause",
        "training.step": "Step",
        "training.reset": "Reset",
        "training.steps_axis": "step",
        "training.loss_axis": "loss",
        "training.accuracy_axis": "accuracy",
        "training.status": "Step {step} ({cost}): loss {loss}, accuracy {accuracy}.",
        "training.status_compare": (
            "Step {step}: log-likelihood with softmax: loss {loss_ll}, accuracy {acc_ll}; "
            "quadratic with sigmoid: loss {loss_q}, accuracy {acc_q}."
        ),
        "training.too_many": (
            "This tab trains {low} to {high} classes and the page has K = {k}: lower K to train a layer."
        ),
        "training.tau_note": (
            "The regions are shaded by the largest output at τ = {tau}: τ changes how confident they look, "
            "never which class wins a pixel (the argmax of z does not depend on τ)."
        ),
        "training.table_caption": "The {count} points, for reading without the chart",
        "training.table_x": "x₁",
        "training.table_y": "x₂",
        "training.table_class": "class",
        "training.table_predicted": "predicted class",
        "training.added": "Added a point at ({x}, {y}) in class {class}.",
        "training.limit_reached": "Paused after {steps} steps.",
        "training.explanation": (
            "One layer z<sub>j</sub> = w<sub>j</sub> · x + b<sub>j</sub> learns the points by gradient descent. "
            "With the log-likelihood cost and softmax outputs the gradient is a − y, so a badly wrong start "
            "learns fast; with the quadratic cost and sigmoid outputs it carries σ′(z), which is almost 0 when "
            "a sigmoid is saturated on the wrong side, and learning crawls. Choose “Badly wrong start” and "
            "compare the two loss curves. “One class between two others” cannot be separated by one layer. "
            "Click the chart (or use the boxes) to add a point of the chosen class; hover a point for its a, "
            "a − y and σ′(z)."
        ),
        # components/page/exercises/relatives_view.py
        "relatives.title": "Softmax and its relatives",
        "relatives.explanation": "The same z and τ through five mappings. Hardmax is the one-hot argmax, the limit of softmax as τ → 0. Sparsemax (Martins and Astudillo, 2016) is the Euclidean projection of z / τ onto the simplex and sets outputs exactly to 0; 1.5-entmax (Peters, Niculae and Martins, 2019) lies between softmax and sparsemax. Log-softmax has its own axis, where the small outputs are visible.",
        "relatives.softmax": "softmax",
        "relatives.hardmax": "hardmax (τ → 0)",
        "relatives.sparsemax": "sparsemax",
        "relatives.entmax": "1.5-entmax",
        "relatives.log_softmax": "log-softmax",
        "relatives.output": "output",
        "relatives.zeros": "exact zeros",
        "relatives.entropy": "entropy (nats)",
        "relatives.caption": "The page's z at τ = {tau} through every mapping",
        "relatives.support": "Sparsemax: threshold c = {c}, support {support} of {size}; 1.5-entmax: support {entmax} of {size}.",
        "relatives.jacobian_sparsemax": "Sparsemax Jacobian ∂p/∂z = (diag(s) − s sᵀ / |S|) / τ, s the indicator of the support S",
        "relatives.jacobian_softmax": "Softmax Jacobian ∂a/∂z = aⱼ (δⱼₖ − aₖ) / τ",
        "relatives.jacobian_flat": "Only one output is in the support, so sparsemax is one-hot and stays one-hot under small changes of z: every entry of its Jacobian is 0.",
    },
    "zh-Hant": {
        "language.label": "語言",
        "language.switch": "語言 · Language",
        "language.unknown": "沒有「{code}」這個語言，因此頁面以英文顯示（可用：{available}）。",
        "language.apply": "切換語言",
        "language.one_file": "這個檔案只有「{language}」一種語言，因此不採用連結指定的語言「{code}」；伺服器上的 softmax-lab 提供所有語言（{available}）。",
        "page.title": "softmax-lab：softmax 函數即時互動",
        "page.description": "Nielsen《神經網路與深度學習》第三章的 softmax 函數，即時互動。",
        "page.subtitle": "softmax 函數即時互動",
        "page.lead": (
            "拖動滑桿，設定輸出層的加權輸入 z<sup>L</sup><sub>j</sub>，一如 Michael Nielsen"
            "《<cite>神經網路與深度學習</cite>》第三章。調高 z<sup>L</sup><sub>4</sub>：a<sup>L</sup><sub>4</sub> "
            "變大，其他每個輸出都變小，而且減少的總量恰好等於增加的量，因為 softmax 的輸出總和永遠是 1。"
            "溫度 τ 會除以每一個輸入：τ 小，輸出集中到最大的 z；τ 大，輸出趨於均勻。"
        ),
        # components/page/controls/controls.py
        "controls.tau_title": "τ（溫度，對數刻度）",
        "controls.k_title": "K（輸出的個數）",
        "controls.range": "z 從 −{limit} 到 {limit}",
        "controls.box_title": "{name} =",
        "controls.range_label": "滑桿範圍",
        "controls.range_clamped": "範圍現在是 −{limit} 到 {limit}，因此超出範圍的值已移到最近的端點：{changes}。",
        "controls.range_clamped_item": "{name} {old} → {new}",
        "controls.list_separator": "、",
        "exercises.label": "習題",
        "exercises.loading": "正在載入這個習題…",
        "exercises.needs_server": "這個習題由伺服器建立，但伺服器沒有回應。等它恢復後重新載入頁面：你的設定都保存在連結裡。",
        # static/js/lib/input_check.js (typed numbers and link values)
        "input.not_number": "{name}：「{text}」不是數字，因此保留 {fallback}（允許範圍：{low} 到 {high}）。",
        "input.not_positive": "{name}：「{text}」不是正數，因此保留 {fallback}（允許範圍：{low} 到 {high}）。",
        "input.outside": "{name}：{number} 超出 {low} 到 {high} 的範圍，因此改用 {value}。",
        "input.too_large": "{name}：「{text}」超出 {low} 到 {high} 的範圍（數值太大，無法計算），因此改用 {value}。",
        # components/model/state.py
        "state.z_not_finite": "{name}：「{value}」不是有限的數，因此改用 0。",
        "state.z_outside": "{name}：{number} 超出 {low}..{high} 的範圍，因此改用 {clamped}。",
        "state.z_too_large": "{name}：「{value}」超出 {low}..{high} 的範圍（數值太大，無法計算），因此改用 {clamped}。",
        "state.tau_not_positive": "τ：「{value}」不是正數，因此改用 {default}。",
        "state.tau_outside": "τ：{number} 超出 {low}..{high} 的範圍，因此改用 {clamped}。",
        "state.tau_too_large": "τ：「{value}」超出 {low}..{high} 的範圍（數值太大，無法計算），因此改用 {clamped}。",
        "state.k_not_number": "K：「{value}」不是數字，因此改用 {default}。",
        "state.k_not_whole": "K：{number} 不是 {low} 到 {high} 之間的整數，因此改用 {clamped}。",
        "state.k_too_large": "K：「{value}」超出 {low} 到 {high} 的範圍（數值太大，無法計算），因此改用 {clamped}。",
        # components/page/shell/url_state.py
        "link.copy_button": "複製目前狀態的連結",
        "link.copied": "已複製連結：{link}",
        "link.copy_this": "請複製這個連結：{link}",
        "link.range_name": "連結中的範圍",
        "link.k_name": "連結中的 K",
        "link.z_name": "連結中的 {label}",
        "link.tau_name": "連結中的 τ",
        "link.or": " 或 ",
        "link.range_not_allowed": "連結中的範圍：{wanted} 不是 {allowed} 之一，因此改用 {used}。",
        "link.k_not_whole": "連結中的 K：{wanted} 不是整數，因此改用 {k}。",
        "link.too_few": "連結：z 只有 {count} 個值，但至少會顯示 {low} 個輸出。",
        "link.too_many": "連結：z 有 {count} 個值，但 K = {k}；多出的值不予採用。",
        "link.view_unknown": "連結中的分頁：「{wanted}」不是 {slugs} 之一，因此顯示第一個分頁。",
        "link.theme_unknown": "連結中的主題：「{wanted}」不是 {allowed} 之一，因此頁面依照系統的設定。",
        "link.param_name": "連結中的 {name}",
        "link.param_not_whole": "{name}：{wanted} 不是整數，因此改用 {used}。",
        "link.param_unknown": "{name}：「{wanted}」不是 {allowed} 之一，因此改用 {used}。",
        # components/page/shell/connection_status.py
        "connection.lost": "與伺服器的連線中斷了。頁面仍在你的瀏覽器中計算；重新載入即可重新連線：你的設定都保存在連結裡。",
        "connection.reload": "重新載入",
        # components/serving/busy.py (the page a full server answers with, HTTP 503)
        "busy.title": "softmax-lab 目前忙碌中",
        "busy.text": "這台伺服器目前開啟的頁面太多。本頁會在 {seconds} 秒後自動重試；你設定的內容都保存在連結中，不會遺失。",
        "busy.retry": "立即重試",
        # components/model/presets.py
        "preset.book": "回到書中的初始值",
        "preset.equal": "全部相等",
        "preset.dominant": "一個特別大",
        "preset.ties": "幾乎平手",
        "preset.extreme": "極端值（|z| = 1000）",
        # components/page/charts/equations.py
        "equations.with_tau": "含 τ",
        # components/page/charts/bar_chart.py, softmax_chart.py, sigmoid_panel.py (hover tooltips and headings)
        "hover.output": "輸出",
        "hover.value": "數值",
        "chart.softmax_title": "Softmax 輸出 a<sup>L</sup><sub>j</sub>",
        "chart.softmax_summary": "總和 {total} · τ = {tau}",
        "chart.sigmoid_title": "Sigmoid 輸出 σ(z<sup>L</sup><sub>j</sub>)",
        "chart.sigmoid_summary": "總和 {total} {verdict}",
        "chart.sigmoid_coincidence": "= 1 只是巧合",
        "chart.sigmoid_not_one": "≠ 1",
        "chart.sigmoid_explanation": (
            "同樣的輸入改經過 <b>sigmoid</b> 層，σ(z) = 1/(1+e<sup>−z</sup>)：每個輸出只取決於自己的 "
            "z<sub>j</sub>，所以輸出的總和不是 1，也不構成機率分布。這裡與溫度無關。"
        ),
        # components/page/charts/readout_table.py
        "readout.caption": "目前輸入所對應的輸出",
        "readout.j": "j",
        "readout.z": "zᴸⱼ",
        "readout.softmax": "softmax aᴸⱼ",
        "readout.sigmoid": "sigmoid σ(zᴸⱼ)",
        "readout.total": "總和",
        # components/page/exercises/nonlocality_view.py
        "nonlocality.title": "非局部性",
        "nonlocality.explanation": (
            "移動一個輸入，觀察虛線框：它們標出每個輸出在這次移動開始時的位置，標籤則是變化量 Δ。"
            "Softmax 是<b>非局部的</b>：所有輸出都會動，而被移動的那個輸出的變化，恰好由其他輸出抵銷，"
            "因為總和始終是 1。Sigmoid 的輸出只取決於自己的輸入：只有一根長條會動，其他的不動。"
        ),
        "nonlocality.idle": "請移動任一個 z 滑桿：從這次移動開始以來的變化會顯示在這裡。",
        "nonlocality.moving_softmax": (
            "你正在移動 <b>{name}</b>。Softmax：Δa<sub>{j}</sub> = {moved}，其他所有輸出合計：{others}；"
            "全部變化的總和 {total}。"
        ),
        "nonlocality.moving_sigmoid": "Sigmoid：Δσ<sub>{j}</sub> = {s_moved}，其他所有輸出合計：{s_others}。",
        "nonlocality.axis": "虛線：移動開始時",
        "nonlocality.reset": "從目前位置重新量起",
        # components/page/exercises/jacobian_view.py
        "jacobian.title": "單調性（雅可比矩陣）",
        "jacobian.explanation": (
            "每一格表示輸入 z<sub>k</sub>（行）變動時，輸出 a<sub>j</sub>（列）變化得多快。"
            "對角線上是 a<sub>j</sub>(1 − a<sub>j</sub>)/τ &gt; 0，因為 0 &lt; a<sub>j</sub> &lt; 1："
            "調高 z<sub>j</sub> 會使 a<sub>j</sub> 變大，所以 softmax 是<b>單調的</b>。對角線以外是 "
            "−a<sub>j</sub>a<sub>k</sub>/τ &lt; 0：調高 z<sub>k</sub> 會使其他每個輸出變小。每一列的總和都是 0"
            "（所有輸入加上同一個數，什麼都不會改變），每一行也是（輸出的總和永遠是 1）。"
        ),
        "jacobian.color_note": (
            "紅色：正，藍色：負，顏色越深：絕對值越大。色階從目前矩陣的 −max|元素| "
            "到 +max|元素|，所以很小的元素也保有顏色；灰色表示在 float64 中恰好為 0。"
            "將滑鼠移到格子上可看到更多位數；下方的表格列出所有數值。"
        ),
        "jacobian.caption": "∂a<sub>j</sub>/∂z<sub>k</sub>：列 = 輸出 a<sub>j</sub>，行 = 輸入 z<sub>k</sub>",
        "jacobian.row_sum": "列總和",
        "jacobian.column_sum": "行總和",
        "jacobian.diag_all": "全部 {size} 個元素都是正的",
        "jacobian.diag_some": "{size} 個元素中有 {positive} 個是正的，其餘在 float64 中為 0",
        "jacobian.off_all": "全部 {count} 個元素都是負的",
        "jacobian.off_some": "{count} 個元素中有 {negative} 個是負的，其餘在 float64 中為 0",
        "jacobian.diag_check": (
            "{mark} 對角線：{text}（最小值 {value}）：調高 z<sub>j</sub> 會使 "
            "a<sub>j</sub> 變大。"
        ),
        "jacobian.off_check": (
            "{mark} 對角線以外：{text}（最接近 0 的：{value}）：調高 z<sub>k</sub> "
            "會使其他每個輸出變小。"
        ),
        "jacobian.sum_check": (
            "{mark} 每一列的總和都是 0：最大的 |列總和| 為 {value}，來自 float64 的捨入誤差。"
        ),
        "jacobian.underflow_one": (
            "{mark} {names} 在 float64 中為 0（小於 1e−308），所以這裡它的列與行都是 0；"
            "以精確算術而言，上面的正負號仍然成立。"
        ),
        "jacobian.underflow_many": (
            "{mark} {names} 在 float64 中都是 0（每個都小於 1e−308），所以這裡它們的列與行都是 0；"
            "以精確算術而言，上面的正負號仍然成立。"
        ),
        "jacobian.x_axis": "輸入 zₖ",
        "jacobian.y_axis": "輸出 aⱼ",
        # components/page/exercises/temperature_view.py
        "temperature.title": "溫度與配分函數",
        "temperature.explanation": (
            "<p>Softmax 就是統計物理中的<b>波茲曼分布</b>。"
            "把每個輸入看成能量 E<sub>i</sub> = −z<sub>i</sub>，並令 β = 1/τ：</p>"
            "{mathml}"
            "<p><b>配分函數</b> Z 使輸出歸一化。它的對數給出<b>自由能</b> F = −τ ln Z，它等於 U − τH："
            "平均能量 U = Σ a<sub>j</sub>E<sub>j</sub> 減去溫度乘以<b>熵</b> H = −Σ a<sub>j</sub> ln a<sub>j</sub>。"
            "輸出完全集中在一個類別時 H 為 0，均勻分布時為 ln K。讓系統降溫（τ → 0），所有機率都集中到最低的能量，"
            "也就是最大的 z；讓它升溫（τ → ∞），每個輸出都趨近 1/K。</p>"
        ),
        "temperature.above_float": "超過 float64 能表示的最大數",
        "temperature.below_float": "低於 float64 能表示的最小數",
        "temperature.only_log": "{where}：只保留 ln Z",
        "temperature.caption": "在目前的輸入與 τ 下",
        "temperature.h_nats": "H（單位：奈特）",
        "temperature.h_bits": "H（單位：位元）",
        "temperature.units": "ln {k} 奈特 = log₂ {k} = {bits} 位元",
        "temperature.cold_one": "完全集中在 {name}（最大的 z）",
        "temperature.cold_tied": "由 {names} 平分（並列最大的 z）",
        "temperature.heading": (
            "<h2>每個輸出 a<sub>j</sub> 隨溫度 τ 的變化</h2><p>虛線：目前的 τ = "
            "{tau}。當 τ → 0，輸出變成{cold}；當 τ → ∞，輸出變得均勻，"
            "每個都是 1/K = {hot}。</p>"
        ),
        "temperature.y_axis": "輸出 aⱼ",
        # components/page/exercises/sweep_view.py
        "sweep.title": "掃描",
        "sweep.explanation": (
            "每條線是一個輸出 a<sub>j</sub>：選定的輸入掃過滑桿的整個範圍，其他輸入則停在各自滑桿的位置。"
            "書中建議調高 z<sup>L</sup><sub>4</sub>：它的輸出穩定地上升到接近 1，而<b>其他每個</b>輸出都下降，"
            "所以在每一點上，各條曲線的總和仍然是 1。圓點標出目前的值；移動其他滑桿或 τ，曲線的形狀就會改變。"
        ),
        "sweep.heading_title": "當 {swept} 從 −{limit} 掃到 {limit} 時的每個輸出",
        "sweep.heading_now": "目前 {name} = {value}，{output} = {a} · τ = {tau} · 在每一點上曲線的總和都是 1（最大偏差 {error}）",
        "sweep.select": "要掃描哪一個輸入？",
        "sweep.x_axis": "被掃描的輸入的值",
        "sweep.y_axis": "softmax 輸出 aⱼ",
        # components/page/exercises/cross_entropy_view.py
        "cross_entropy.title": "交叉熵",
        "cross_entropy.explanation": (
            "<p>使用 softmax 輸出與對數概似成本 C = −ln a<sup>L</sup><sub>y</sub>（書中的式 80）時，"
            "對加權輸入的梯度是 ∂C/∂z<sup>L</sup><sub>j</sub> = a<sup>L</sup><sub>j</sub> − y<sub>j</sub>，"
            "其中 y 在正確類別為 1，其他為 0（偏差值與權重的式 81 和 82 由此而來）。"
            "與使用二次成本的 sigmoid 輸出不同，這裡<b>沒有 σ′(z) 因子</b>：輸出錯得越離譜，"
            "正確類別的梯度就越接近 −1，所以學習不會變慢。加上溫度後，C = −ln softmax(z/τ)<sub>y</sub>，"
            "每個分量都除以 τ；在 τ = 1 時，長條恰好就是 a − y。</p>"
        ),
        "cross_entropy.too_small": "10<sup>−{power}</sup>（浮點數無法表示這麼小的數：C 直接由 ln a 計算）",
        "cross_entropy.heading": (
            "<h2>C = −ln {name} = {loss}</h2><p>正確類別 y = {y}："
            "{name} = {a} · τ = {tau} · 長條：∂C/∂zⱼ = (aⱼ − yⱼ)/τ</p>"
        ),
        "cross_entropy.compare": (
            "<p>當 {name} = {z} 時，正確類別的 softmax 梯度是 "
            "{gradient}。若是使用二次成本的 sigmoid 輸出，"
            "梯度會是 (σ(z) − 1) σ′(z) = {quadratic}："
            "z<sub>y</sub> 越低（輸出越錯），σ′ 連同這個梯度就越小，這就是學習變慢。</p>"
        ),
        "cross_entropy.select": "正確類別 y",
        # components/page/exercises/inverse_view.py
        "inverse.title": "反轉 softmax",
        "inverse.heading": (
            "<h2>反轉 softmax：z<sub>j</sub> = ln a<sub>j</sub> + C</h2>"
            "<p>輸入你想要的輸出。任何常數 C 都得到相同的輸出，因為 softmax 只取決於輸入之間的差"
            "（這裡假設 τ = 1）。你還沒輸入的格子會顯示目前的輸出，取到小數點後三位，總和為 1。</p>"
        ),
        "inverse.shift_heading": (
            "<h2>把每個輸入都平移同樣的量</h2>"
            "<p>這些按鈕會同時移動所有主要的 z 滑桿。注意看輸出：它們不會改變。</p>"
        ),
        "inverse.explanation": (
            "<p>為什麼常數不重要：e<sup>z<sub>j</sub>+C</sup> = e<sup>C</sup> e<sup>z<sub>j</sub></sup>，"
            "而因子 e<sup>C</sup> 也出現在分母總和的每一項中，所以會互相消去。把每個主要滑桿都平移同樣的量再比較："
            "除了浮點數的捨入誤差之外，輸出完全相同。</p>"
        ),
        "inverse.outside_note": "（橘色：超出範圍，套用時會被截到範圍內）",
        "inverse.column_output": "輸出",
        "inverse.column_typed": "目標值",
        "inverse.column_a": "aⱼ（總和 1）",
        "inverse.column_log_a": "ln aⱼ",
        "inverse.column_z": "zⱼ = ln aⱼ + C",
        "inverse.why": "C = {shift}；主要滑桿的範圍是 −{limit} 到 {limit}{outside}。",
        "inverse.normalised": "<p>目標值的總和是 {total}，不是 1：取對數之前，每個值都先除以 {total}。</p>",
        "inverse.not_positive": "{name}：「{text}」不是正數，因此保留 {fallback}（允許範圍：大於 0、最多 {high}）。",
        "inverse.outside": "{name}：{number} 大於 {high}，因此改用 {value}（允許範圍：大於 0、最多 {high}）。",
        "inverse.empty": "{name}：輸入框是空的，因此保留 {fallback}。請輸入大於 0、最多 {high} 的機率。",
        "inverse.zero": "機率恰好為 0 的輸出沒有對應的輸入：ln 0 = −∞。",
        "inverse.negative": "機率不可能是負的。",
        "inverse.below_one": "{list} 低於 −{limit}，也就是滑桿的最小值，因此改用 −{limit}。",
        "inverse.below_many": "{list} 低於 −{limit}，也就是滑桿的最小值，因此改用 −{limit}。",
        "inverse.above_one": "{list} 高於 {limit}，也就是滑桿的最大值，因此改用 {limit}。",
        "inverse.above_many": "{list} 高於 {limit}，也就是滑桿的最大值，因此改用 {limit}。",
        "inverse.apply_exactly": "請改變 C，或選擇「{range}」，才能精確套用。",
        "inverse.tau_not_one": "τ 是 {tau}，不是 1：主要圖表顯示的是 softmax(z/τ)，而不是目標值。",
        "inverse.applied": "已套用：主要輸出與目標值之間的最大差距是 {gap}。",
        "inverse.refused": (
            "平移 {delta} 會把 {name} 移到 {value}，超出 −{limit} 到 {limit}："
            "因此沒有平移，因為被截斷的滑桿會改變輸出。請往另一個方向平移，或選擇「{range}」。"
        ),
        "inverse.shifted": (
            "<p>每個 z 都移動了 {delta}：({before}) → ({after})。</p>"
            "<p>所有 softmax 輸出中最大的變化：{change}"
            "（目前的輸出 {outputs}）：除了捨入誤差之外完全相同。</p>"
        ),
        "inverse.no_shift": "<p>尚未平移。</p>",
        "inverse.c_title": "C（任意常數）",
        "inverse.apply": "把這些 z 套用到滑桿",
        "inverse.shift": "所有 z 平移 {amount}",
        "theme.to_dark": "☾ 深色主題",
        "theme.to_light": "☀ 淺色主題",
        # components/page/exercises/sampling_view.py
        "sampling.title": "抽樣",
        "sampling.count_title": "每按一次抽：",
        "sampling.draw": "抽樣",
        "sampling.reset": "重設",
        "sampling.seed": "種子",
        "sampling.method_cdf": "累積和",
        "sampling.method_gumbel": "Gumbel-max",
        "sampling.x_axis": "輸出",
        "sampling.y_axis": "次數",
        "sampling.legend_count": "次數 nⱼ",
        "sampling.legend_expected": "期望值 N aⱼ",
        "sampling.legend_band": "± 2 個標準誤",
        "sampling.summary_none": "還沒有抽樣：選好次數後按「抽樣」。",
        "sampling.summary": "用種子 {seed} 以 {method} 從 a = softmax(z/τ) 抽了 {n} 次。",
        "sampling.tv": "總變差 ½ Σ |nⱼ/N − aⱼ| = {tv}；它隨 1/√N = {root} 縮小。",
        "sampling.limit": "最多保留 {max} 次抽樣：請按「重設」重新開始。",
        "sampling.seed_bad": "種子必須是 {low} 到 {high} 的整數，因此改用 {used}。",
        "sampling.caption": "{n} 次抽樣的次數，對照 N aⱼ ± 2 個標準誤 √(N aⱼ (1 − aⱼ))",
        "sampling.col_output": "輸出",
        "sampling.col_a": "aⱼ",
        "sampling.col_count": "次數 nⱼ",
        "sampling.col_expected": "期望值 N aⱼ",
        "sampling.col_band": "N aⱼ ± 2 標準誤",
        "sampling.col_shifted": "(zⱼ − max z)/τ",
        "sampling.col_g": "Gumbel gⱼ",
        "sampling.col_score": "分數",
        "sampling.gumbel_heading": "以 Gumbel-max 做的第一次抽樣：每個分數是 (zⱼ − max z)/τ 加上標準 Gumbel 雜訊 gⱼ = −ln(−ln U)，分數最大的就被抽中。每個分數都加上 max z/τ = {offset} 就得到 zⱼ/τ + gⱼ，勝出的仍是同一個。",
        "sampling.gumbel_winner": "抽中：{name}。",
        "sampling.explanation": "每次抽樣從有種子的亂數產生器取一個均勻亂數 U，選出 a 的累計和第一個超過 U 的輸出。同一個種子在瀏覽器和參考程式中得到完全相同的抽樣結果。次數在 N aⱼ 附近擺動，大多落在帶狀區間內；它們與 a 的距離（總變差）隨 1/√N 縮小。Gumbel-max 是分佈完全相同的另一種抽法：在 zⱼ/τ 上加獨立的 Gumbel 雜訊，取最大者。τ 極小時 a 只有一個分量為 1，每次都抽到同一個輸出。",
        # components/page/exercises/decoding_view.py
        "decoding.title": "下一個詞的解碼",
        "decoding.prompt": "貓坐在{next}上",
        "decoding.words": "墊子,地板,沙發,床,椅子,地毯,屋頂,桌子,箱子,窗台",
        "decoding.top_k": "top-k（1 到 K；K = 關閉）",
        "decoding.top_p": "top-p（0 到 1；1 = 關閉）",
        "decoding.min_p": "min-p（0 到 1；0 = 關閉）",
        "decoding.seed": "種子",
        "decoding.count": "要抽的詞數",
        "decoding.generate": "產生",
        "decoding.caption": "每個 z 是一個候選下一個詞的分數；各個階段，最可能的詞在前",
        "decoding.col_rank": "名次",
        "decoding.col_token": "詞",
        "decoding.col_z": "分數 z",
        "decoding.col_scaled": "z / τ",
        "decoding.col_a": "softmax a",
        "decoding.col_top_k": "top-k",
        "decoding.col_cum": "累計",
        "decoding.col_top_p": "top-p",
        "decoding.col_min_p": "min-p",
        "decoding.col_final": "最終 p",
        "decoding.col_count": "抽中次數",
        "decoding.kept": "保留",
        "decoding.cut_top_k": "刪去：名次 {rank} > k = {k}",
        "decoding.cut_top_p": "刪去：前面的詞合計已達 {total} ≥ p = {p}",
        "decoding.cut_min_p": "刪去：a = {a} < min-p × max a = {bar}",
        "decoding.after_cut": "–",
        "decoding.off": "{name} 已關閉。",
        "decoding.summary": "{K} 個詞中保留 {kept} 個；貪婪選擇（top-k = 1）是「{greedy}」。",
        "decoding.generated": "以種子 {seed} 抽了 {n} 個詞：{list}。",
        "decoding.not_generated": "按「產生」，從最終分布中抽詞。",
        "decoding.seed_bad": "種子必須是 0 到 {high} 的整數，因此改用 {used}。",
        "decoding.explanation": (
            "語言模型的最後一步是對整個詞彙做 softmax。溫度 τ 先除各詞的分數 z；top-k 保留最可能的 k 個詞"
            "（同分時索引小的在前），top-p 保留合計達到 p 的最少幾個最可能的詞，min-p 保留 a ≥ min-p × max a 的詞。"
            "保留下來的 a 再除以它們的總和，就是「產生」所抽樣的最終分布。同一個種子永遠抽出同樣的詞。"
        ),
        # components/page/exercises/bandit_view.py
        "bandit.title": "Softmax 多臂吃角子老虎",
        "bandit.seed": "種子",
        "bandit.alpha": "步長 α",
        "bandit.average": "樣本平均（1/n）",
        "bandit.epsilon": "ε-貪婪代理的 ε",
        "bandit.reveal": "顯示真正的平均值",
        "bandit.step": "走一步",
        "bandit.run100": "跑 100 步",
        "bandit.run1000": "跑 1000 步",
        "bandit.reset": "重設",
        "bandit.caption": "{agent}代理對各臂的估計 q_t(a)，以及下一步的選擇機率 P_t(a)",
        "bandit.agent": "顯示的代理",
        "bandit.runs": "取平均的實驗次數",
        "bandit.egreedy_agent": "ε-貪婪",
        "bandit.rule_softmax": "P_t(a) = softmax(q_t / τ)(a) = e^(q_t(a)/τ) / Σ_i e^(q_t(i)/τ)，τ = {tau}",
        "bandit.rule_greedy": "估計最好的那一臂 P_t(a) = 1，其他臂為 0（平手時平均分配，與代理打破平手的方式相同）",
        "bandit.rule_egreedy": "估計最好的那一臂 P_t(a) = ε/K + (1 − ε)，其他臂為 ε/K（ε = {epsilon}，K = {k}；平手時平均分配 1 − ε）",
        "bandit.shown": "顯示：{agent}代理。{rule}。",
        "bandit.averaging": "正在對 {runs} 次實驗取平均：已完成 {done} / {runs}……",
        "bandit.reward_avg_title": "每一步的平均獎勵（{runs} 次實驗）",
        "bandit.optimal_avg_title": "每一步選到最佳臂的實驗百分比（{runs} 次實驗）",
        "bandit.regret_avg_title": "累積遺憾（{runs} 次實驗的平均）",
        "bandit.selected": "{agent}（上表所示）",
        "bandit.arm": "臂",
        "bandit.q_title": "q_t(a)",
        "bandit.p_title": "P_t(a)",
        "bandit.count": "被選次數",
        "bandit.mean": "真正平均",
        "bandit.hidden": "隱藏",
        "bandit.reward_title": "到目前為止的平均獎勵",
        "bandit.optimal_title": "到目前為止選到最佳臂的百分比",
        "bandit.regret_title": "累積遺憾",
        "bandit.softmax": "softmax（τ）",
        "bandit.greedy": "貪婪",
        "bandit.egreedy": "ε-貪婪（ε = {epsilon}）",
        "bandit.steps": "{n} 步",
        "bandit.no_steps": "還沒有走任何一步：請按「走一步」、「跑 100 步」或「跑 1000 步」。",
        "bandit.summary": "已走 {n} 步，τ = {tau}，α = {alpha}。{best}",
        "bandit.best_arm": "最佳的是第 {arm} 臂。",
        "bandit.capped": "最多保留 {max} 步；請按「重設」重新開始。",
        "bandit.bad_seed": "種子「{value}」不是 0 到 4294967295 之間的整數；改用種子 1。",
        "bandit.explanation": (
            "每一臂的獎勵圍繞著它隱藏的平均值抽出（變異數為 1；平均值由種子決定）。softmax 代理以 "
            "P_t(a) = e^(q_t(a)/τ) / Σ_i e^(q_t(i)/τ) 的機率選第 a 臂：τ 很大時各臂幾乎一樣可能，"
            "τ 趨近 0 時幾乎總是選估計最好的那一臂，就像貪婪代理。貪婪與 ε-貪婪代理在同一組臂上對照。"
            "每當 τ、α、ε、K 或種子改變，整段過程都會從種子重新播放。"
            "「顯示的代理」決定表格顯示哪一個代理的估計與機率。實驗次數大於 1 時，曲線是那麼多個獨立問題"
            "（種子依次為所設的種子、種子 + 1、……）逐步取平均的結果，如薩頓與巴托書中的 10 臂測試平台；"
            "表格仍是第一次實驗的。"
        ),
        # components/page/exercises/training_view.py
        "training.title": "訓練",
        "training.preset": "資料",
        "training.preset_separated": "分開的群",
        "training.preset_overlapping": "重疊的群",
        "training.preset_between": "一類夾在另外兩群之間",
        "training.preset_wrong": "錯得離譜的起點",
        "training.seed": "種子",
        "training.cost": "代價與輸出",
        "training.cost_ll": "對數概似，softmax 輸出",
        "training.cost_quad": "二次代價，sigmoid 輸出",
        "training.cost_compare": "從同一起點比較兩者",
        "training.eta": "學習率 η",
        "training.lambda": "L2 權重 λ",
        "training.epsilon": "標籤平滑 ε",
        "training.add_class": "新點的類別",
        "training.add_x": "新點 x₁",
        "training.add_y": "新點 x₂",
        "training.add_point": "加入點",
        "training.train": "訓練",
        "training.pause": "暫停",
        "training.step": "走一步",
        "training.reset": "重設",
        "training.steps_axis": "步數",
        "training.loss_axis": "損失",
        "training.accuracy_axis": "正確率",
        "training.status": "第 {step} 步（{cost}）：損失 {loss}，正確率 {accuracy}。",
        "training.status_compare": (
            "第 {step} 步：對數概似配 softmax：損失 {loss_ll}，正確率 {acc_ll}；"
            "二次代價配 sigmoid：損失 {loss_q}，正確率 {acc_q}。"
        ),
        "training.too_many": "這個分頁訓練 {low} 到 {high} 個類別，而頁面的 K = {k}：請調低 K 再訓練。",
        "training.tau_note": (
            "區域的深淺是 τ = {tau} 時最大的輸出：τ 只改變它們看起來多有把握，"
            "從不改變哪一類贏得某個像素（哪個 z 最大與 τ 無關）。"
        ),
        "training.table_caption": "這 {count} 個點，不看圖也能讀",
        "training.table_x": "x₁",
        "training.table_y": "x₂",
        "training.table_class": "類別",
        "training.table_predicted": "預測的類別",
        "training.added": "在 ({x}, {y}) 加入了一個類別 {class} 的點。",
        "training.limit_reached": "走了 {steps} 步後暫停。",
        "training.explanation": (
            "一層 z<sub>j</sub> = w<sub>j</sub> · x + b<sub>j</sub> 以梯度下降學習這些點。"
            "用對數概似代價與 softmax 輸出時，梯度是 a − y，所以錯得離譜的起點也學得很快；"
            "用二次代價與 sigmoid 輸出時，梯度帶著 σ′(z)，sigmoid 在錯的一側飽和時它幾乎是 0，學習就慢如爬行。"
            "選「錯得離譜的起點」，比較兩條損失曲線。「一類夾在另外兩群之間」無法用一層分開。"
            "點一下圖（或用輸入框）加入所選類別的點；把游標移到點上可看它的 a、a − y 與 σ′(z)。"
        ),
        # components/page/exercises/relatives_view.py
        "relatives.title": "Softmax 與它的近親",
        "relatives.explanation": "同一組 z 與 τ 經過五種映射。Hardmax 是標出最大輸入位置的獨熱向量，也就是 softmax 在 τ → 0 時的極限。Sparsemax（Martins 與 Astudillo，2016）把 z / τ 以歐氏距離投影到單純形上，會讓部分輸出恰好為 0；1.5-entmax（Peters、Niculae 與 Martins，2019）介於 softmax 與 sparsemax 之間。Log-softmax 使用自己的座標軸，很小的輸出在這裡也看得見。",
        "relatives.softmax": "softmax",
        "relatives.hardmax": "hardmax（τ → 0）",
        "relatives.sparsemax": "sparsemax",
        "relatives.entmax": "1.5-entmax",
        "relatives.log_softmax": "log-softmax",
        "relatives.output": "輸出",
        "relatives.zeros": "恰為 0 的個數",
        "relatives.entropy": "熵（奈特）",
        "relatives.caption": "頁面上的 z 在 τ = {tau} 時經過每種映射的結果",
        "relatives.support": "Sparsemax：門檻 c = {c}，支撐集 {size} 個中有 {support} 個；1.5-entmax：支撐集 {size} 個中有 {entmax} 個。",
        "relatives.jacobian_sparsemax": "Sparsemax 的雅可比矩陣 ∂p/∂z = (diag(s) − s sᵀ / |S|) / τ，s 為支撐集 S 的指示向量",
        "relatives.jacobian_softmax": "Softmax 的雅可比矩陣 ∂a/∂z = aⱼ (δⱼₖ − aₖ) / τ",
        "relatives.jacobian_flat": "支撐集只有一個輸出，所以 sparsemax 是獨熱向量，z 稍微改變時仍是同一個獨熱向量：它的雅可比矩陣每一項都是 0。",
    },
}

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def choose_language(requested: object) -> str:
    """The language for a requested code (``?lang=``), or the default when unknown."""
    return _ALIASES.get(str(requested or "").strip().lower(), DEFAULT_LANGUAGE)


def language_aliases() -> dict[str, str]:
    """Every accepted spelling of a language (lower case) -> its code: for browser code that reads
    ``?lang=`` as choose_language does (the static export's one-language notice)."""
    return dict(_ALIASES)


def is_known_language(requested: object) -> bool:
    """Whether ``requested`` names a language of TEXTS (any accepted spelling)."""
    return str(requested or "").strip().lower() in _ALIASES


class Texts:
    """One language's strings: ``texts("key", name=value)`` fills a template."""

    def __init__(self, lang: str = DEFAULT_LANGUAGE) -> None:
        self.lang = choose_language(lang)
        self._table = TEXTS[self.lang]

    def __call__(self, key: str, **values: object) -> str:
        template = self._table[key]
        return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0),
                                template)

    def templates(self, prefix: str, *names: str) -> dict[str, str]:
        """Unfilled templates whose key starts with ``prefix``, for browser code (keys without it).

        ``names`` keeps only those (``templates("inverse.", "why", "zero")``): every callback
        carries its own copy into the page, so each takes only what its code uses.
        """
        if names:
            return {name: self._table[prefix + name] for name in names}
        return {key[len(prefix):]: text for key, text in self._table.items() if key.startswith(prefix)}
