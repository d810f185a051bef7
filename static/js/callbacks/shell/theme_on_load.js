// The theme when the page opens (components/page/shell/theme.py): ?theme= wins, else the
// system's preference.
/* global applyTheme, themeTags, toggle, themes, follow_system */
const wanted = new URLSearchParams(window.location.search).get("theme");
const chosen = themes.includes(wanted);
const dark = chosen ? wanted === "dark"
  : follow_system && window.matchMedia?.("(prefers-color-scheme: dark)").matches === true;
if (dark) applyTheme(true, chosen);
else if (chosen) toggle.tags = themeTags(false, true);  // light is what the page already shows
