// Next-token decoding (components/page/exercises/decoding_view.py): the pipeline's stages for the
// sliders' logits as one table (most likely word first, cut words greyed with why), the prompt,
// and, once Generate was pressed, the counts of N words drawn from the final distribution with the
// seed (redrawn on every change, so the counts always belong to what is shown). One code path:
// at load, on every input, on the view's controls (generate false) and on Generate (true).
/* global top_k, top_p, min_p, seed, count, tokens, prompt_div, table, drawn, words, t, generate */
const K = z.length;
// top-k runs 1..K, K = off: an off top-k stays off when K changes; a larger one is clamped.
if (top_k.end !== K) {
  const wasOff = top_k.value >= top_k.end;
  top_k.end = K;
  if (wasOff || top_k.value > K) { top_k.value = K; return; }  // runs this callback again
}
const k = Math.min(K, Math.max(1, Math.round(top_k.value)));
const p = Math.min(1, Math.max(0, Number(top_p.value)));
const m = Math.min(1, Math.max(0, Number(min_p.value)));
const d = Decoding.decode(z, tau, k >= K ? null : k, p, m);
const names = words.slice(0, K);
const peak = Math.max(...d.probabilities);
// top-p's running total, renormalised over what top-k kept, as decode() adds it.
const candidates = d.order.slice(0, k);
const topKTotal = candidates.reduce((acc, j) => acc + d.probabilities[j], 0);
const running = new Array(K).fill(null);
let acc = 0;
candidates.forEach((j) => { acc += d.probabilities[j] / topKTotal; running[j] = acc; });

// The counts: drawn on Generate, and again on any change once drawn (the same seed, the same draws).
const drewBefore = Array.from(tokens.data.count ?? []).some((c) => c >= 0);
const n = Number(count.value);
// The box refuses letters and clamps; an emptied box (null) or anything else not a whole number in
// range is said, and seed 0 used, so the counts always belong to a seed that is shown.
const seedOk = Number.isInteger(seed.value) && seed.value >= 0 && seed.value <= seed.high;
const seedValue = seedOk ? seed.value : 0;
const seedNote = seedOk ? "" : `${formatText(t.seed_bad, {high: seed.high, used: seedValue})} `;
let counts = new Array(K).fill(-1);
if (generate || drewBefore) counts = Sampling.counts(Sampling.draw(d.final, Rng.create(seedValue), n), K);

const cell = (text, cls = "") => `<td class="${cls}">${text}</td>`;
const fraction = (v) => formatFixed(v, 3);
const keptAtEnd = d.order.filter((j) => d.kept[j]);
let lastKept = null;
const cutWhy = (j) => {
  if (d.cutBy[j] === Decoding.TOP_K) return formatText(t.cut_top_k, {rank: d.order.indexOf(j) + 1, k});
  if (d.cutBy[j] === Decoding.TOP_P) {
    return formatText(t.cut_top_p, {total: fraction(running[lastKept]), p: formatFixed(p, 2)});
  }
  return formatText(t.cut_min_p, {a: fraction(d.probabilities[j]), bar: fraction(m * peak)});
};
const rows = d.order.map((j, r) => {
  const cut = d.cutBy[j];
  if (d.keptTopP[j]) lastKept = j;
  const stage = (keptHere, isCause) => (keptHere ? cell(t.kept, "kept") :
    isCause ? cell(cutWhy(j), "why") : cell(t.after_cut, "gone"));
  return `<tr class="${cut ? "cut" : "kept"}">` + cell(String(r + 1)) + `<th scope="row">${names[j]}</th>` +
    cell(formatFixed(d.logits[j], 2)) + cell(formatFixed(d.scaled[j], 2)) + cell(fraction(d.probabilities[j])) +
    stage(d.keptTopK[j], cut === Decoding.TOP_K) +
    cell(running[j] === null ? t.after_cut : fraction(running[j]), running[j] === null ? "gone" : "") +
    stage(d.keptTopP[j], cut === Decoding.TOP_P) + stage(d.kept[j], cut === Decoding.MIN_P) +
    cell(fraction(d.final[j]), "final") + cell(counts[j] >= 0 ? String(counts[j]) : t.after_cut, "count") + "</tr>";
});
const head = [t.col_rank, t.col_token, t.col_z, t.col_scaled, t.col_a, t.col_top_k, t.col_cum, t.col_top_p,
  t.col_min_p, t.col_final, t.col_count].map((h) => `<th scope="col">${h}</th>`).join("");
const offs = [];
if (k >= K) offs.push(formatText(t.off, {name: "top-k"}));
if (p >= 1) offs.push(formatText(t.off, {name: "top-p"}));
if (m <= 0) offs.push(formatText(t.off, {name: "min-p"}));
const summary = formatText(t.summary, {kept: keptAtEnd.length, K, greedy: names[Decoding.greedy(z)]});
setHtml(table, `<div class="scroll" tabindex="0" role="region" aria-label="${t.caption}"><table>` +
  `<caption>${t.caption}</caption><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table></div>` +
  `<p class="summary">${summary} ${offs.join(" ")}</p>`);

let next = "…";
if (counts[0] >= 0) next = `<b class="next">${names[counts.indexOf(Math.max(...counts))]}</b>`;
setHtml(prompt_div, `<p>${formatText(t.prompt, {next})}</p>`);
const list = d.order.filter((j) => counts[j] > 0).map((j) => `${names[j]} ${counts[j]}`).join(" · ");
setHtml(drawn, `<p>${seedNote}${counts[0] >= 0 ? formatText(t.generated, {n, seed: seedValue, list}) : t.not_generated}</p>`);
tokens.data = {token: names, a: d.probabilities, final: d.final, kept: d.kept,
  cut: d.cutBy.map((c) => c ?? ""), count: counts};
