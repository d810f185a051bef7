// The theme button (components/page/shell/theme.py): light <-> dark, written into ?theme= so
// that links keep it.
/* global applyTheme, toggle, whole_page */
const dark = toggle.tags[0] !== "dark";
applyTheme(dark, true);
if (whole_page) {
  try {
    const params = new URLSearchParams(window.location.search);
    params.set("theme", dark ? "dark" : "light");
    window.history.replaceState(window.history.state, "", `${window.location.pathname}?${params}`);
  } catch {
    // A sandboxed frame may refuse: the theme still changes, only the link keeps the old one.
  }
}
