// The K-armed bandit (components/page/exercises/bandit_view.py). The view keeps only the number of
// steps taken (state); every render replays them from the seed for the three agents on the same
// arms (Bandit.create(K, seed) each), so a link, a seed or tau change shows one reproducible run.
// The table shows the chosen agent's q_t and P_t; with runs > 1 the curves are averaged over
// problems seed, seed + 1, ... (Bandit.averager), a few runs per animation frame with a progress
// line; every render starts a new job number (state.__bandit), so a pending average stops there.
// One code path: at load, on every input and control (action "none"), and on the buttons.
/* global seed, alpha, epsilon, reveal, agent, run_count, averages, state, arms, runs, charts, curves,
   summary, max_steps, t, action */
const K = z.length;
const notes = [];
let seedValue = Number(seed.value);
if (seed.value === null || !Number.isInteger(seedValue) || seedValue < 0 || seedValue > 2 ** 32 - 1) {
  notes.push(formatText(t.bad_seed, {value: String(seed.value ?? "")}));
  seedValue = 1;
}
const alphaValue = alpha.value === "average" ? null : Number(alpha.value);
const eps = Math.min(1, Math.max(0, Number(epsilon.value) || 0));
const shownPolicy = Bandit.POLICIES.includes(agent.value) ? agent.value : Bandit.SOFTMAX;
const runCount = run_count.options.includes(run_count.value) ? Number(run_count.value) : 1;
let n = Number(state.data.t?.[0]) || 0;
if (action === "step") n += 1;
else if (action === "run100") n += 100;
else if (action === "run1000") n += 1000;
else if (action === "reset") n = 0;
if (n > max_steps) { n = max_steps; notes.push(formatText(t.capped, {max: max_steps})); }
if (action !== "none") state.data = {t: [n]};
const S = (state.__bandit ??= {job: 0});
S.job += 1;  // this render's number: a pending average of an older one stops at its next frame
const job = S.job;

const egreedyName = formatText(t.egreedy, {epsilon: formatFixed(eps, 2)});
const agents = [
  {name: t.softmax, cls: "softmax", options: {policy: Bandit.SOFTMAX, tau, alpha: alphaValue}},
  {name: t.greedy, cls: "greedy", options: {policy: Bandit.GREEDY, alpha: alphaValue}},
  {name: egreedyName, cls: "egreedy",
    options: {policy: Bandit.EPSILON_GREEDY, epsilon: eps, alpha: alphaValue}},
].map((agent) => {
  const bandit = Bandit.create(K, seedValue);
  return {...agent, bandit, run: Bandit.run(bandit, n, agent.options),
    selected: agent.options.policy === shownPolicy};
});
const shown = agents.find((a) => a.selected);
const main = shown.bandit;
const means = Array.from(main.means);
const q = Array.from(main.q);
// P_t(a) for the next step, by the agent's own rule: softmax exactly softmax(q_t / tau).
const p = Bandit.actionProbabilities(q, shownPolicy, tau, eps);
const best = means.indexOf(Math.max(...means));
arms.data = {means, q, p, counts: main.counts.slice()};
runs.data = {arm: shown.run.arms, reward: shown.run.rewards};
const rule = shownPolicy === Bandit.SOFTMAX ? formatText(t.rule_softmax, {tau: formatFixed(tau, 2)})
  : shownPolicy === Bandit.GREEDY ? t.rule_greedy : formatText(t.rule_egreedy, {epsilon: formatFixed(eps, 2), k: K});
const caption = formatText(t.caption, {agent: shown.name});

// The bars: q_t diverging from 0 (the true mean marked once revealed), P_t from 0 to 1.
const span = Math.max(1, ...q.map(Math.abs), ...(reveal.active ? means.map(Math.abs) : [0]));
const pos = (v) => 50 + 50 * v / span;
const qBar = (j) => {
  const a = pos(Math.min(0, q[j]));
  const w = Math.abs(pos(q[j]) - 50);
  const mark = reveal.active ? `<span class="truth" style="left:${formatFixed(pos(means[j]), 2)}%"></span>` : "";
  return `<span class="track"><span class="bar q" style="left:${formatFixed(a, 2)}%;width:${formatFixed(w, 2)}%">` +
    `</span>${mark}</span>`;
};
const pBar = (j) => `<span class="track"><span class="bar p" style="width:${formatFixed(100 * p[j], 2)}%"></span></span>`;
const head = [[t.arm, 1], [t.q_title, 2], [t.p_title, 2], [t.count, 1], [t.mean, 1]]
  .map(([h, span]) => `<th scope="col"${span > 1 ? ` colspan="${span}"` : ""}>${h}</th>`).join("");
const rows = q.map((_, j) => `<tr${reveal.active && j === best ? ' class="best"' : ""}><th scope="row">${j + 1}</th>` +
  `<td class="q">${formatFixed(q[j], 3, true)}</td><td class="chart">${qBar(j)}</td>` +
  `<td class="p">${formatFixed(p[j], 3)}</td><td class="chart">${pBar(j)}</td>` +
  `<td class="count">${main.counts[j]}</td>` +
  `<td class="mean">${reveal.active ? formatFixed(means[j], 3, true) : t.hidden}</td></tr>`).join("");
setHtml(charts, `<p class="rule">${formatText(t.shown, {agent: shown.name, rule})}</p>` +
  `<div class="scroll" tabindex="0" role="region" aria-label="${caption}"><table>` +
  `<caption>${caption}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`);

// The curves over the steps. One run: average reward so far, % optimal so far, cumulative regret.
// Averaged over runs: the mean reward and % of runs optimal at each step, the mean regret. At
// most about 300 points per line, so Run 1000 redraws in well under a frame.
const W = 320;
const L = 42;  // room for the y labels
const H = 160;
const svg = (series, title, key, fixed) => {
  const all = series.flatMap((s) => s[key]);
  let lo = fixed ? fixed[0] : Math.min(0, ...all);
  let hi = fixed ? fixed[1] : Math.max(1, ...all);
  if (!(hi > lo)) { lo = 0; hi = 1; }
  const every = Math.max(1, Math.ceil(n / 300));
  const x = (i) => formatFixed(L + (W - L - 6) * (n > 1 ? i / (n - 1) : 0), 1);
  const y = (v) => formatFixed(H - 20 - (H - 30) * (v - lo) / (hi - lo), 1);
  const lines = series.map((s, a) => {
    const pts = [];
    for (let i = 0; i < n; i += every) pts.push(`${x(i)},${y(s[key][i])}`);
    if (n > 0 && (n - 1) % every !== 0) pts.push(`${x(n - 1)},${y(s[key][n - 1])}`);
    return `<polyline class="${agents[a].cls}${agents[a].selected ? " selected" : ""}" points="${pts.join(" ")}"></polyline>`;
  });
  const order = agents.map((a, i) => i).sort((i, j) => agents[i].selected - agents[j].selected);  // the shown one on top
  const last = series.map((s, a) => `${agents[a].name} ${n ? formatFixed(s[key][n - 1], 2) : "–"}`).join(", ");
  return `<figure><figcaption>${title}</figcaption><svg viewBox="0 0 ${W} ${H}" role="img" ` +
    `aria-label="${title}: ${last}"><line class="axis" x1="${L}" y1="${H - 20}" x2="${W - 6}" y2="${H - 20}"></line>` +
    `<line class="axis" x1="${L}" y1="10" x2="${L}" y2="${H - 20}"></line>` +
    `<text x="${L - 4}" y="${formatFixed(H - 20, 0)}" text-anchor="end">${formatFixed(lo, 1)}</text>` +
    `<text x="${L - 4}" y="14" text-anchor="end">${formatFixed(hi, Math.abs(hi) >= 10 ? 0 : 1)}</text>` +
    `<text x="${W - 6}" y="${H - 4}" text-anchor="end">${formatText(t.steps, {n})}</text>` +
    `${order.map((i) => lines[i]).join("")}</svg></figure>`;
};
const legend = agents.map((a) => `<span class="key ${a.cls}${a.selected ? " selected" : ""}">` +
  `${a.selected ? formatText(t.selected, {agent: a.name}) : a.name}</span>`).join(" ");
// curves: each agent's step-by-step numbers as bandit.average's fields (optimal: how many runs).
const draw = (results) => {
  averages.data = {agent: agents.map((a) => a.options.policy), runs: results.map(() => runCount),
    reward: results.map((r) => r.reward), optimal: results.map((r) => r.optimal),
    regret: results.map((r) => r.cumulativeRegret)};
  let series;
  let titles;
  if (runCount === 1) {
    series = results.map((res) => {
      const avg = [];
      const opt = [];
      let r = 0;
      let o = 0;
      res.reward.forEach((v, i) => {
        r += v; o += res.optimal[i];
        avg.push(r / (i + 1)); opt.push(100 * o / (i + 1));
      });
      return {avg, opt, regret: res.cumulativeRegret};
    });
    titles = [t.reward_title, t.optimal_title, t.regret_title];
  } else {
    series = results.map((res) => ({avg: res.reward, opt: res.optimal.map((o) => 100 * o / runCount),
      regret: res.cumulativeRegret}));
    titles = [t.reward_avg_title, t.optimal_avg_title, t.regret_avg_title].map((s) => formatText(s, {runs: runCount}));
  }
  setHtml(curves, `<p class="legend">${legend}</p><div class="figures">` + svg(series, titles[0], "avg") +
    svg(series, titles[1], "opt", [0, 100]) + svg(series, titles[2], "regret") + "</div>");
};
if (runCount === 1 || n === 0) {
  draw(agents.map((a) => ({reward: a.run.rewards, optimal: a.run.optimal.map((o) => (o ? 1 : 0)),
    cumulativeRegret: a.run.cumulativeRegret})));
} else {
  // Run 0 of each average is the run above; the others are spread over frames, agent by agent.
  const pending = agents.map((a) => Bandit.averager(K, seedValue, runCount, n, a.options));
  const frame = () => {
    if (S.job !== job) return;  // Reset, a step or another change has started again
    const start = performance.now();
    while (pending.some((j) => j.done < runCount) && performance.now() - start < 10) {
      pending.reduce((a, b) => (b.done < a.done ? b : a)).advance(1);
    }
    const done = Math.min(...pending.map((j) => j.done));
    if (done < runCount) {
      setHtml(curves, `<p class="progress" role="status">${formatText(t.averaging, {runs: runCount, done})}</p>`);
      requestAnimationFrame(frame);
    } else {
      draw(pending.map((j) => j.result()));
    }
  };
  averages.data = {agent: [], runs: [], reward: [], optimal: [], regret: []};
  frame();
}

const said = n === 0 ? t.no_steps : formatText(t.summary, {
  n, tau: formatFixed(tau, 2),
  alpha: alphaValue === null ? t.average : formatFixed(alphaValue, 2),
  best: reveal.active ? formatText(t.best_arm, {arm: best + 1}) : "",
});
setHtml(summary, `<p>${said}</p>${notes.map((m) => `<p class="note" role="status">${m}</p>`).join("")}`);
