// applyTheme(dark, chosen): the page in the light or the dark theme (components/page/shell/theme.py,
// before each theme callback). Sets the page's --lab-* colours on the app's root element (and on
// the whole page where it is ours), swaps every model's light canvas colours for their dark
// twins (plot_dark), keeping the originals to restore for light, and says on the toggle's tags
// the theme shown and whether it was chosen (themeTags).
/* exported applyTheme, themeTags */
/* global root, toggle, labels, whole_page, css_variables, plot_dark */
function applyTheme(dark, chosen) {
  const light = root.__labOriginals ??= new WeakMap();  // model -> its light colours
  const view = cb_context?.index?.find_one(root);
  const targets = [view?.el, whole_page ? document.documentElement : null].filter((el) => el != null);
  for (const el of targets) {
    for (const [name, pair] of Object.entries(css_variables)) el.style.setProperty(name, pair[dark ? 1 : 0]);
    el.style.colorScheme = dark ? "dark" : "light";
  }
  // Embedded in a course page, the app paints its own background so its text stays readable.
  if (view?.el != null) view.el.style.backgroundColor = css_variables["--lab-page"][dark ? 1 : 0];
  if (whole_page) document.body.style.background = css_variables["--lab-page"][dark ? 1 : 0];
  for (const model of root.document.all_models) {
    const changes = {};
    if (dark) {
      const saved = {};
      for (const [attr, value] of Object.entries(model.attributes)) {
        if (!attr.endsWith("color") || value == null) continue;
        const plain = typeof value === "string" ? value : value.value;
        const twin = typeof plain === "string" ? plot_dark[plain.toLowerCase()] : undefined;
        if (twin === undefined) continue;
        saved[attr] = value;
        changes[attr] = typeof value === "string" ? twin : {...value, value: twin};
      }
      if (Object.keys(saved).length > 0 && !light.has(model)) light.set(model, saved);
    } else if (light.has(model)) {
      Object.assign(changes, light.get(model));
    }
    if (Object.keys(changes).length > 0) model.setv(changes);
  }
  toggle.setv({label: dark ? labels.light : labels.dark, tags: themeTags(dark, chosen)});
}
function themeTags(dark, chosen) {
  return chosen ? [dark ? "dark" : "light", "chosen"] : [dark ? "dark" : "light"];
}
