// viewParams(): the exercise views' own controls in the link (components/page/link_params.py).
// Each widget of view_params carries its spec as its first tag: "link-param:" and JSON
// {slug, name, prop, kind, default, low, high, integer, choices}. linkValue(p) is what the link
// writes for it (read_link_value.js reads it back).
/* exported viewParams, linkValue */
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
