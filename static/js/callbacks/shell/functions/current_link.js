// currentLink(): the link of the current state (components/page/shell/url_state.py and
// language.py, before the callbacks that build it), from the controls themselves, never from
// what the address bar said: K, z for exactly K outputs, the range, tau, the open tab, the
// page's language and the theme when one was chosen (without it the page follows the system's
// setting, so none is written); the open view's own controls where they differ from their first
// value (viewParams, view_params.js), every other view's removed. Every parameter the page reads is set or deleted here, so what
// a restore corrected (?K=99, ?theme=blue, ?lang=xx) does not survive into the next link;
// parameters the page does not read (a course page's own) are kept as they were. 12
// significant digits drop float noise (0.30000000000000004) but keep every digit a person typed.
/* exported currentLink */
/* global k_slider, z_sliders, limits, range_buttons, log_tau_slider, tabs, slugs, page_lang, theme_toggle,
   viewParams, linkValue */
function currentLink() {
  const tidy = (v) => String(Number(v.toPrecision(12)));
  const url = new URL(window.location.href);  // file:// too: its origin is "null", its URL is not
  const params = url.searchParams;
  params.set("K", String(k_slider.value));
  params.set("z", z_sliders.slice(0, k_slider.value).map((s) => tidy(s.value)).join(","));
  params.set("range", String(limits[range_buttons.active]));
  params.set("tau", tidy(10 ** log_tau_slider.value));
  if (tabs !== null) params.set("view", slugs[tabs.active]);
  else params.delete("view");
  const shown = tabs === null ? null : slugs[tabs.active];
  for (const p of viewParams()) params.delete(p.name);
  // A control whose end means "off" (top-k at K) is at its default there, whatever K is now.
  const atDefault = (p) => (p.off_at_end && p.model[p.prop] >= p.model.end)
    || linkValue(p) === linkValue({...p, model: {[p.prop]: p.default}});
  for (const p of viewParams()) {
    if (p.slug === shown && !atDefault(p)) params.set(p.name, linkValue(p));
  }
  params.set("lang", page_lang);
  const theme = theme_toggle === null ? [] : theme_toggle.tags;  // ["dark" | "light", "chosen"?]
  if (theme[1] === "chosen") params.set("theme", theme[0]);
  else params.delete("theme");
  return url.toString();
}
