// Training a softmax layer (components/page/exercises/training_view.py): one callback for the page's
// inputs (K, tau), the view's controls, its buttons and a click on the regions, told apart by what
// called it. The run (data, parameters, curves) lives on the points source's JS object, one per
// page; Train animates with requestAnimationFrame, one gradient step a frame, until Pause.
/* global preset, cost, seed, eta, lam, eps, add_class, add_x, add_y, train_button, step_button,
   reset_button, add_button, image, points, curves, status_div, table, colors, size, max_steps, t */
const K = z.length;
const S = (points.__training ??= {running: false});
const origin = cb_obj?.origin ?? cb_obj;
const tapped = cb_obj?.event_name === "tap";
const action = origin === train_button ? "train" : origin === step_button ? "step"
  : origin === reset_button ? "reset" : origin === add_button ? "add" : tapped ? "tap" : "input";

// A control's number, or its safe value when it is empty or out of range.
const read = (widget, fallback, low, high) => {
  const v = Number(widget.value);
  return widget.value != null && Number.isFinite(v) ? Math.min(high, Math.max(low, v)) : fallback;
};
S.options = {eta: read(eta, 1, 0, 100), lam: read(lam, 0, 0, 10), epsilon: read(eps, 0, 0, 0.5)};
S.tau = tau;
const presetName = Training.PRESETS.includes(preset.value) ? preset.value : "wrong-start";
const mode = ["log-likelihood", "quadratic", "compare"].includes(cost.value) ? cost.value : "compare";
const seedValue = Math.round(read(seed, 1, 0, 4294967295));

if (K < Training.K_MIN || K > Training.K_MAX) {
  S.running = false;
  S.key = null;
  train_button.label = t.train;
  image.data = {...image.data, image: [new (image.data.image[0].constructor)(new Uint32Array(1), [1, 1])]};
  points.data = {x: [], y: [], label: [], color: [], a: [], grad: [], factor: []};
  curves.data = {step: [], loss_ll: [], loss_q: [], acc_ll: [], acc_q: []};
  setHtml(status_div, `<p role="status">${formatText(t.too_many, {k: K, low: Training.K_MIN, high: Training.K_MAX})}</p>`);
  setHtml(table, "");
  return;
}

const record = () => {
  const h = S.history;
  h.step.push(S.steps);
  for (const run of S.runs) {
    const suffix = run.cost === "quadratic" ? "q" : "ll";
    h[`loss_${suffix}`].push(Training.loss(run.params, S.data, {cost: run.cost, ...S.options}));
    h[`acc_${suffix}`].push(Training.accuracy(run.params, S.data));
  }
  for (const name of ["loss_ll", "loss_q", "acc_ll", "acc_q"]) if (h[name].length < h.step.length) h[name].push(NaN);
};

const key = [presetName, K, seedValue, mode].join("|");
if (action === "reset" || S.key !== key) {
  const data = Training.makeDataset(presetName, K, seedValue);
  S.key = key;
  S.data = data;
  S.steps = 0;
  S.runs = (mode === "compare" ? ["log-likelihood", "quadratic"] : [mode]).map((c) => ({
    cost: c, params: {weights: Float64Array.from(data.weights), biases: Float64Array.from(data.biases)}}));
  S.history = {step: [], loss_ll: [], loss_q: [], acc_ll: [], acc_q: []};
  S.message = "";
  record();
}

const advance = () => {
  for (const run of S.runs) run.params = Training.step(run.params, S.data, {cost: run.cost, ...S.options});
  S.steps += 1;
  record();
};

// The pixel colour of class c at confidence s in [0, 1]: the class colour, more opaque when surer.
const rgb = colors.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)));
function drawRegions() {
  const run = S.runs[0];
  const {classes, confidence} = Training.regions(run.params, run.cost, S.tau, size);
  const floor = run.cost === "quadratic" ? 0 : 1 / K;
  const pixels = new Uint32Array(size * size);
  for (let i = 0; i < pixels.length; i += 1) {
    const s = Math.min(1, Math.max(0, (confidence[i] - floor) / (1 - floor)));
    const [r, g, b] = rgb[classes[i]];
    const alpha = Math.round(255 * (0.1 + 0.65 * s));
    pixels[i] = (r | (g << 8) | (b << 16) | (alpha << 24)) >>> 0;
  }
  const NdArray = image.data.image[0].constructor;
  image.data = {...image.data, image: [new NdArray(pixels, [size, size])]};
}

const list = (values) => Array.from(values, (v) => formatFixed(v, 3)).join(", ");
function drawPoints() {
  const run = S.runs[0];
  const d = S.data;
  const zs = d.xs.map((x, i) => Training.weightedInput(run.params.weights, run.params.biases, x, d.ys[i],
    new Float64Array(K)));
  const details = zs.map((zi, i) => Training.pointGradient(zi, d.labels[i], run.cost, S.options.epsilon));
  points.data = {
    x: d.xs.slice(), y: d.ys.slice(), label: d.labels.map((c) => String(c + 1)),
    color: d.labels.map((c) => colors[c]), a: details.map((g) => list(g.a)), grad: details.map((g) => list(g.gradient)),
    factor: details.map((g) => (g.factor ? list(g.factor) : "—")),
  };
  return zs;
}

function drawStatus() {
  const h = S.history;
  const last = h.step.length - 1;
  const numbers = (suffix) => ({loss: formatNumber(h[`loss_${suffix}`][last], 4),
    accuracy: `${formatFixed(100 * h[`acc_${suffix}`][last], 1)} %`});
  let text;
  if (S.runs.length === 2) {
    const ll = numbers("ll");
    const q = numbers("q");
    text = formatText(t.status_compare, {step: S.steps, loss_ll: ll.loss, acc_ll: ll.accuracy, loss_q: q.loss,
      acc_q: q.accuracy});
  } else {
    const n = numbers(S.runs[0].cost === "quadratic" ? "q" : "ll");
    text = formatText(t.status, {step: S.steps, cost: S.runs[0].cost === "quadratic" ? t.cost_quad : t.cost_ll,
      loss: n.loss, accuracy: n.accuracy});
  }
  const note = formatText(t.tau_note, {tau: formatNumber(S.tau, 3)});
  setHtml(status_div, `<p role="status" class="training-now">${text}${S.message ? ` ${S.message}` : ""}</p><p>${note}</p>`);
}

function drawTable(zs) {
  const d = S.data;
  const rows = d.xs.map((x, i) => `<tr><td>${i + 1}</td><td>${formatFixed(x, 2)}</td><td>${formatFixed(d.ys[i], 2)}</td>`
    + `<td>${d.labels[i] + 1}</td><td>${Training.argmax(zs[i]) + 1}</td></tr>`).join("");
  setHtml(table, `<details><summary>${formatText(t.table_caption, {count: d.xs.length})}</summary>`
    + `<table><thead><tr><th scope="col">#</th><th scope="col">${t.table_x}</th><th scope="col">${t.table_y}</th>`
    + `<th scope="col">${t.table_class}</th><th scope="col">${t.table_predicted}</th></tr></thead>`
    + `<tbody>${rows}</tbody></table></details>`);
}

// While Train runs, the points' hover texts are rewritten every tenth frame only (the regions, curves
// and status every frame): they are the costliest part of a frame, and nobody reads them mid-flight.
function draw(withTable, withPoints = true) {
  drawRegions();
  const zs = withPoints || withTable ? drawPoints() : null;
  curves.data = {step: S.history.step.slice(), loss_ll: S.history.loss_ll.slice(), loss_q: S.history.loss_q.slice(),
    acc_ll: S.history.acc_ll.slice(), acc_q: S.history.acc_q.slice()};
  drawStatus();
  if (withTable) drawTable(zs);
}

function addPoint(x, y) {
  if (!(Number.isFinite(x) && Number.isFinite(y))) return;
  const e = Training.EXTENT;
  const cx = Math.min(e, Math.max(-e, x));
  const cy = Math.min(e, Math.max(-e, y));
  const c = Math.min(K, Math.max(1, Math.round(Number(add_class.value) || 1))) - 1;
  S.data.xs.push(cx);
  S.data.ys.push(cy);
  S.data.labels.push(c);
  S.message = formatText(t.added, {x: formatFixed(cx, 2), y: formatFixed(cy, 2), class: c + 1});
}

if (add_class.options.length !== K) {
  add_class.options = Array.from({length: K}, (_, j) => String(j + 1));
  if (Number(add_class.value) > K) add_class.value = "1";
}

S.message = action === "reset" ? "" : S.message;
if (action === "step") advance();
if (action === "tap") addPoint(cb_obj.x, cb_obj.y);
if (action === "add") addPoint(Number(add_x.value), Number(add_y.value));
if (action === "train") {
  S.running = !S.running;
  if (S.running) {
    const frame = () => {
      if (!S.running) return;
      advance();
      if (S.steps >= max_steps) {
        S.running = false;
        S.message = formatText(t.limit_reached, {steps: max_steps});
        train_button.label = t.train;
      }
      draw(!S.running, !S.running || S.steps % 10 === 0);
      if (S.running) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }
  train_button.label = S.running ? t.pause : t.train;
}
if (action === "reset" && S.running) {
  S.running = false;
  train_button.label = t.train;
}
draw(!S.running);
