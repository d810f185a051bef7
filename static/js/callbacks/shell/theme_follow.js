// Models that arrive after load (a lazily built tab) take the page's current theme
// (components/page/shell/theme.py, ThemeToggle.follow).
/* global applyTheme, toggle */
if (toggle.tags[0] === "dark") applyTheme(true, toggle.tags[1] === "chosen");
