// Inverting softmax (components/page/exercises/inverse_view.py): typed targets -> z = ln a + C.
// Runs when any input, the range, a typed target or C changes, and at load (the table and the
// normalisation note are written here only). A refused or corrected target rewrites
// its box, which runs this callback again: that call finds the box as the store has it and
// returns at once (so does the call after a box is filled with an output), leaving the notice.
// Boxes the student has not typed in show the current outputs (targetsFromOutputs) while no
// shown box has been typed in, and when they come into play as K grows: the page opened with
// ?K=10 then starts from the outputs in use, not from filler targets adding up to 1.6.
/* global boxes, store, values, table, normalised, notice, c_slider, a_names, tolerance, units,
   built_k, range_buttons, limits, t, target_messages */

// The outputs as the targets a student would type: thousandths that add up to exactly 1, none 0
// (ln 0 = −∞), each as close to its output as that allows (largest remainders); the twin of
// targets_from_outputs() in inverse_view.py.
function targetsFromOutputs(outputs) {
  const scaled = outputs.map((v) => v * units);
  const got = scaled.map((s) => Math.max(1, Math.floor(s) + (s - Math.floor(s) >= 0.5 ? 1 : 0)));
  const total = () => got.reduce((sum, n) => sum + n, 0);
  while (total() < units) {
    let j = 0;
    got.forEach((n, i) => { if (scaled[i] - n > scaled[j] - got[j]) j = i; });
    got[j] += 1;
  }
  while (total() > units) {
    let j = -1;
    got.forEach((n, i) => { if (n > 1 && (j < 0 || scaled[i] - n < scaled[j] - got[j])) j = i; });
    got[j] -= 1;
  }
  return got.map((n) => n / units);
}

// The table of targets, normalised outputs, their logs and the inputs.
function numberHtml(v) {
  if (v === 0 || (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6)) return v.toFixed(4).replace("-", "−");
  const [m, e] = v.toExponential(2).split("e");
  return `${m.replace("-", "−")}×10<sup>${String(Number(e)).replace("-", "−")}</sup>`;
}
function targetsTable(typed, limit, shift) {
  const total = SoftmaxMath.sum(typed);
  const logA = SoftmaxMath.inverseSoftmax(typed, 0);
  const zs = logA.map((v) => v + shift);
  const rows = typed.map((target, j) =>
    `<tr><th scope='row'>${a_names[j]}</th><td>${target}</td><td>${numberHtml(target / total)}</td>` +
    `<td>${numberHtml(logA[j])}</td><td class='${Math.abs(zs[j]) > limit ? "z outside" : "z"}'>` +
    `${numberHtml(zs[j])}</td></tr>`).join("");
  const why = formatText(t.why, {
    shift: shift.toFixed(1), limit, outside: zs.some((v) => Math.abs(v) > limit) ? t.outside_note : ""});
  const head = [t.column_output, t.column_typed, t.column_a, t.column_log_a, t.column_z]
    .map((label) => `<th scope='col'>${label}</th>`).join("");
  const html = `<table class='readout inverse-table'><thead><tr>${head}</tr></thead>` +
    `<tbody>${rows}</tbody></table><p class='why'>${why}</p>`;
  return {html, total, a: typed.map((target) => target / total), logA, z: zs};
}

const K = z.length;
// Shown by style, not by ``visible``: a visibility change re-lays out the tabs, and Bokeh 3.9 fails
// to measure the text of the plots in hidden tabs then ("normal undefined helvetica").
boxes.forEach((b, j) => {
  const display = j < K ? "block" : "none";
  if (b.styles.display !== display) b.styles = {...b.styles, display};
});
const typedAll = Array.from(store.data.value);
const typedIn = (store.__typed_in ??= boxes.map(() => false));  // boxes the student typed a target in
const shownBefore = store.__shown ?? built_k;  // boxes shown at the last call (first: as built)
const j = boxes.indexOf(cb_obj);
if (j >= 0) {
  if (cb_obj.value === String(typedAll[j])) return;  // this callback's own rewrite of the box
  const text = String(cb_obj.value);
  const {value, message} = InputCheck.readNumber(text, {
    name: a_names[j], low: 0, high: 1, fallback: typedAll[j], positive: true, messages: target_messages});
  // The same reading without bounds: why a refused text was refused.
  const reading = InputCheck.readNumber(text, {
    name: a_names[j], low: -Infinity, high: Infinity, fallback: NaN, messages: target_messages}).value;
  if (reading > 0) typedIn[j] = true;  // a refused text leaves the box as it was
  if (value !== typedAll[j] || message !== "") {
    typedAll[j] = value;
    const empty = text.trim() === "";
    const why = empty ? "" : reading === 0 ? t.zero : reading < 0 ? t.negative : "";
    notice.text = message === "" ? "" :
      empty ? formatText(t.empty, {name: a_names[j], fallback: value, high: 1}) : message + why;
  }
  if (text !== String(value)) cb_obj.value = String(value);
}
const filled = [];
const following = typedIn.slice(0, K).every((typed) => !typed);  // none typed: all show the outputs
if (following || K > shownBefore) {
  targetsFromOutputs(SoftmaxMath.softmax(z, tau)).forEach((v, i) => {
    if (!typedIn[i] && (following || i >= shownBefore) && typedAll[i] !== v) {
      typedAll[i] = v;
      filled.push(i);
    }
  });
}
store.__shown = K;
store.data = {value: typedAll};
for (const i of filled) boxes[i].value = String(typedAll[i]);  // after the store: see above
const typed = typedAll.slice(0, K);
const limit = limits[range_buttons.active];  // the range chosen now (the sliders' bounds follow it)
const shift = c_slider.value;
const targets = targetsTable(typed, limit, shift);
values.data = {name: a_names.slice(0, K), typed, target: targets.a, log_a: targets.logA, z: targets.z};
setHtml(table, targets.html);
setHtml(normalised, Math.abs(targets.total - 1) <= tolerance ? "" :
  formatText(t.normalised, {total: Number(targets.total.toPrecision(4))}));
