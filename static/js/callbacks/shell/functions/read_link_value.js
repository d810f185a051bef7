// readLinkValue(p, raw, ...): a view parameter's text in a link (viewParams, view_params.js) as a
// safe value, with what it corrected said in the same sentences as the page's own inputs. Only
// for callbacks with the page's modules (InputCheck, formatText): apply_link.js
// (components/page/shell/url_state.py).
/* exported readLinkValue */
/* global linkValue */
function readLinkValue(p, raw, {name, messages, t}) {
  const current = p.model[p.prop];
  if (p.kind === "number") {
    const read = InputCheck.readNumber(raw, {name, low: p.low, high: p.high, fallback: current, messages});
    let value = read.value;
    const said = [read.message];
    if (p.integer && value !== Math.round(value)) {
      said.push(formatText(t.param_not_whole, {name, wanted: InputCheck.show(value), used: Math.round(value)}));
      value = Math.round(value);
    }
    return {value, message: said.filter(Boolean).join(" ")};
  }
  const allowed = p.kind === "bool" ? ["on", "off"] : p.choices;
  const index = allowed.indexOf(String(raw).trim());
  if (index < 0) {
    const used = linkValue(p);
    return {value: current, message: formatText(t.param_unknown, {
      name, wanted: String(raw).slice(0, 40), allowed: allowed.join(t.or), used})};
  }
  if (p.kind === "bool") return {value: index === 0, message: ""};
  return {value: p.prop === "active" ? index : allowed[index], message: ""};
}
