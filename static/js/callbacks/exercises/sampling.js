// Sampling (components/page/exercises/sampling_view.py): N seeded draws from a = softmax(z/tau),
// their counts beside N a_j +- 2 standard errors, the total variation and, by Gumbel-max, the
// first draw's perturbed scores. One code path for every cause: an input (z, tau, K; at load
// too), Draw (N grows by the chosen count), Reset (N = 0), the seed, the method and N (a link).
// The draws are always the first N of Rng.create(seed), redrawn from the current a, so they are exactly
// numpy's sampling.draw (or gumbel_max_draws) for the same seed, z, tau and N.
/* global source, chart, summary, table, gumbel, seed, count, method, draw_button, reset_button, drawn_box, counts,
   max_drawn, a_names, seed_low, seed_high, default_seed, t */
const K = z.length;
const origin = cb_obj?.origin ?? cb_obj;
const notes = [];
if (source.__note) notes.push(source.__note);  // said by the call that corrected the seed box
source.__note = "";
const s = seed.value;
if (!(Number.isSafeInteger(s) && s >= seed_low && s <= seed_high)) {
  const used = source.__seed ?? default_seed;
  source.__note = formatText(t.seed_bad, {low: seed_low, high: String(seed_high), used});
  seed.value = used;  // runs this callback again with a safe seed, which shows the note
  if (seed.value === s) source.__note = "";
  return;
}
source.__seed = s;
// N lives in drawn_box (never shown; in the link as ?drawn=, read there within 0..max_drawn).
// Draw and Reset set it, and its change runs this callback again, which draws the first N.
const held = drawn_box.value;
let drawn = Number.isSafeInteger(held) && held >= 0 && held <= max_drawn ? held : 0;
if (origin === draw_button) {
  const add = counts[count.active] ?? counts[0];
  if (drawn + add > max_drawn) notes.push(formatText(t.limit, {max: formatFixed(max_drawn, 0)}));
  else drawn += add;
} else if (origin === reset_button) {
  drawn = 0;
}
if (drawn !== held) {
  source.__note = notes.join(" ");  // for the call that the new N runs
  drawn_box.value = drawn;
  return;
}
const gumbelMax = method.active === 1;
const a = SoftmaxMath.softmax(z, tau);
const indices = gumbelMax ? Sampling.gumbelMaxDraws(z, tau, Rng.create(s), drawn)
  : Sampling.draw(a, Rng.create(s), drawn);
const n = Sampling.counts(indices, K);
const expected = Sampling.expectedCounts(a, drawn);
const spread = Sampling.standardErrors(a, drawn);
const low = expected.map((e, j) => Math.max(0, e - 2 * spread[j]));
const high = expected.map((e, j) => e + 2 * spread[j]);
const names = a_names.slice(0, K);
if (chart.x_range.factors.join() !== names.join()) chart.x_range.factors = names;
source.data = {name: names, count: n, expected, low, high};
const top = Math.max(1, ...n, ...high) * 1.1;
if (chart.y_range.start !== 0 || chart.y_range.end !== top) chart.y_range.setv({start: 0, end: top});
const methodName = gumbelMax ? t.method_gumbel : t.method_cdf;
if (drawn === 0) {
  notes.unshift(t.summary_none);
} else {
  const tv = Sampling.totalVariation(n, a);
  notes.unshift(formatText(t.summary, {n: `<b class='drawn'>${formatFixed(drawn, 0)}</b>`, seed: s,
                                       method: methodName}),
                formatText(t.tv, {tv: `<b class='tv'>${formatFixed(tv, 4)}</b>`,
                                  root: formatFixed(1 / Math.sqrt(drawn), 4)}));
}
setHtml(summary, `<p>${notes.join(" ")}</p>`);
const head = (labels) => `<thead><tr>${labels.map((l) => `<th scope='col'>${l}</th>`).join("")}</tr></thead>`;
const rows = names.map((name, j) => `<tr><th scope='row'>${name}</th><td class='a'>${formatFixed(a[j], 4)}</td>` +
  `<td class='count'>${formatFixed(n[j], 0)}</td><td class='expected'>${formatFixed(expected[j], 1)}</td>` +
  `<td class='band'>${formatFixed(low[j], 1)} – ${formatFixed(high[j], 1)}</td></tr>`).join("");
setHtml(table, `<table class='readout sampling-counts'><caption>${formatText(t.caption, {n: formatFixed(drawn, 0)})}` +
  `</caption>${head([t.col_output, t.col_a, t.col_count, t.col_expected, t.col_band])}<tbody>${rows}</tbody></table>`);
if (!gumbelMax) {
  setHtml(gumbel, "");
} else {
  // The first draw: the first K Gumbel numbers of the seed, as the first of gumbelMaxDraws.
  const one = Sampling.gumbelMax(z, tau, Rng.create(s));
  const scoreRows = names.map((name, j) => `<tr${j === one.index ? " class='winner'" : ""}><th scope='row'>${name}` +
    `</th><td class='shifted'>${formatFixed(one.scores[j] - one.gumbel[j], 3)}</td>` +
    `<td class='g'>${formatFixed(one.gumbel[j], 3)}</td><td class='score'>${formatFixed(one.scores[j], 3)}</td></tr>`)
    .join("");
  setHtml(gumbel, `<p>${formatText(t.gumbel_heading, {offset: formatFixed(one.offset, 2)})}</p>` +
    `<table class='readout sampling-scores'>${head([t.col_output, t.col_shifted, t.col_g, t.col_score])}` +
    `<tbody>${scoreRows}</tbody></table><p class='gumbel-winner'>` +
    `${formatText(t.gumbel_winner, {name: `<b>${names[one.index]}</b>`})}</p>`);
}
