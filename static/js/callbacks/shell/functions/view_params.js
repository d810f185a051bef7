// viewParams(): the exercise views' own controls in the link (components/page/link_params.py).
// Each widget of view_params carries its spec as its first tag: "link-param:" and JSON
// {slug, name, prop, kind, default, low, high, integer, choices}. linkValue(p) is what the link
// writes for it; readLinkValue(p, raw, note) turns a link's text into a safe value, noting
// what it corrected (the same sentences as the page's own inputs).
/* exported viewParams, linkValue, readLinkValue */
/* global view_params */
function viewParams() {
  return view_params.map((model) => ({model, ...JSON.parse(model.tags[0].slice("link-param:".length))}));
}
function linkValue(p) {
  const value = p.model[p.prop];
  if (p.kind === "bool") return value ? "on" : "off";
  if (p.kind === "choice") return p.prop === "active" ? p.choices[value] : String(value);
  return String(Number(Number(value).toPrecision(12)));
}
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
