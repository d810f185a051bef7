// Opening a link restores its state (components/page/shell/url_state.py, on document_ready):
// bad values are corrected and explained in the notice. After restoring, the address bar gets
// the state as restored (writeLinkSoon, not only when a slider moved: a corrected ?tau=abc or
// ?view=nope changes no control), so a copied link opens without the notice this one brought.
// The write waits 250 ms, after every load callback (the theme's included) has run.
/* global writeLinkSoon, viewParams, readLinkValue, limits, range_buttons, z_sliders, k_slider, log_tau_slider, tabs, slugs, notice,
   labels, k_low, k_high, tau_low, tau_high, themes, input_messages, t */
const params = new URLSearchParams(window.location.search);
const messages = [];
const note = (result) => { if (result.message) messages.push(result.message); return result.value; };
// The range first: it decides which z values are allowed.
if (params.has("range")) {
  const wanted = note(InputCheck.readNumber(params.get("range"), {
    name: t.range_name, low: limits[0], high: limits[limits.length - 1], fallback: limits[range_buttons.active],
    messages: input_messages}));
  const index = wanted > limits[0] ? limits.length - 1 : 0;
  if (!limits.includes(wanted)) {
    messages.push(formatText(t.range_not_allowed, {wanted, allowed: limits.join(t.or), used: limits[index]}));
  }
  range_buttons.active = index;
  z_sliders.forEach((s) => s.setv({start: -limits[index], end: limits[index]}));
}
const limit = limits[range_buttons.active];
const parts = params.has("z") ? params.get("z").split(",") : null;
let k = k_slider.value;
if (params.has("K")) {
  const wanted = note(InputCheck.readNumber(params.get("K"), {
    name: t.k_name, low: k_low, high: k_high, fallback: k, messages: input_messages}));
  k = Math.round(wanted);
  if (k !== wanted) messages.push(formatText(t.k_not_whole, {wanted, k}));
} else if (parts !== null) {
  k = Math.min(k_high, Math.max(k_low, parts.length));
  if (parts.length < k_low) messages.push(formatText(t.too_few, {count: parts.length, low: k_low}));
}
if (parts !== null) {
  if (parts.length > k) {
    messages.push(formatText(t.too_many, {count: parts.length, k}));
  }
  parts.slice(0, k).forEach((raw, j) => {
    z_sliders[j].value = note(InputCheck.readNumber(
      raw, {name: formatText(t.z_name, {label: labels[j]}), low: -limit, high: limit, fallback: z_sliders[j].value,
            messages: input_messages}));
  });
}
k_slider.value = k;
if (params.has("view") && tabs !== null) {
  const wanted = params.get("view");
  if (slugs.includes(wanted)) tabs.active = slugs.indexOf(wanted);
  else messages.push(formatText(t.view_unknown, {wanted: wanted.slice(0, 40), slugs: slugs.join(", ")}));
}
// The open view's own controls (?view=sampling&seed=7): after the view, each read like a typed value.
const shownView = tabs === null ? null : slugs[tabs.active];
for (const p of viewParams()) {
  if (p.slug !== shownView || !params.has(p.name)) continue;
  const read = readLinkValue(p, params.get(p.name), {
    name: formatText(t.param_name, {name: p.name}), messages: input_messages, t});
  if (read.message) messages.push(read.message);
  p.model[p.prop] = read.value;
}
if (params.has("tau")) {
  const current = Number((10 ** log_tau_slider.value).toPrecision(12));
  log_tau_slider.value = Math.log10(note(InputCheck.readNumber(
    params.get("tau"), {name: t.tau_name, low: tau_low, high: tau_high, fallback: current, positive: true,
                        messages: input_messages})));
}
// ?theme= is applied by components/page/shell/theme.py (anything but dark or light: the system's setting);
// a value it cannot use is explained here, with the link's other corrections. Empty: as absent.
const theme = params.get("theme");
if (theme !== null && theme !== "" && !themes.includes(theme)) {
  messages.push(formatText(t.theme_unknown, {wanted: theme.slice(0, 40), allowed: themes.join(t.or)}));
}
writeLinkSoon();
// After the sliders' own callbacks (they run as promise jobs) have updated the boxes.
setTimeout(() => { notice.text = messages.join(" "); }, 0);
