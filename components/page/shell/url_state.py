"""Shareable links: the page's URL query mirrors the controls
(?K=4&z=2.5,-1,3.2,0.5&range=5&tau=1&view=nonlocality&lang=en, and theme=dark|light once one was
chosen), and opening such a link restores that state, with bad values corrected and explained;
the address bar then holds the corrected state. In a link without K, K is the number of z values.

All of it runs in the browser, so it works the same in a served session and in the
static export; the server learns the restored values through the synced sliders,
where SoftmaxState clamps them once more.
"""

from __future__ import annotations

from bokeh.document import Document
from bokeh.models import Button, CustomJS

from ...browser.browser_js import browser_callback
from ...model.state import MAX_K, MIN_K, TAU_MAX, TAU_MIN
from ..controls.controls import Z_LIMITS, Controls, z_label
from ..exercises.tabs import Exercises
from .theme import THEMES

# Builds the link of the current state from the controls themselves (never from what the address
# bar said): K, z for exactly K outputs, the range, tau, the open tab, the page's language and the
# theme when one was chosen (without it the page follows the system's setting, so none is written).
# Every parameter the page reads is set or deleted here, so what a restore corrected (?K=99,
# ?theme=blue, ?lang=xx) does not survive into the next link; parameters the page does not read
# (a course page's own) are kept as they were. 12 significant digits drop float noise
# (0.30000000000000004) but keep every digit a person typed.
LINK_JS = """
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
  params.set("lang", page_lang);
  const theme = theme_toggle === null ? [] : theme_toggle.tags;  // ["dark" | "light", "chosen"?]
  if (theme[1] === "chosen") params.set("theme", theme[0]);
  else params.delete("theme");
  return url.toString();
}
"""

# Written at most every 250 ms: browsers throttle history updates made on every frame.
WRITE_SOON_JS = """
function writeLinkSoon() {
  clearTimeout(log_tau_slider.__softmaxLabUrlTimer);
  log_tau_slider.__softmaxLabUrlTimer = setTimeout(() => {
    try {
      window.history.replaceState(window.history.state, "", currentLink());
    } catch (error) {
      // A sandboxed frame may refuse; the page still works, only the link is not updated.
    }
  }, 250);
}
"""

WRITE_JS = LINK_JS + WRITE_SOON_JS + "writeLinkSoon();\n"

# After restoring, the address bar gets the state as restored (writeLinkSoon, not only when a
# slider moved: a corrected ?tau=abc or ?view=nope changes no control), so a copied link opens
# without the notice this one brought. The write waits 250 ms, after every load callback
# (the theme's included) has run.
APPLY_JS = LINK_JS + WRITE_SOON_JS + """
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
"""  # noqa: E501

# Run by browser_callback: formatText is the page's one copy (components/browser/browser_js.py).
COPY_JS = LINK_JS + """
const link = currentLink();
const say = (copied) => { notice.text = formatText(copied ? t.copied : t.copy_this, {link}); };
if (navigator.clipboard && window.isSecureContext) {
  navigator.clipboard.writeText(link).then(() => say(true), () => say(false));
} else {
  say(false);
}
"""


class UrlState:
    """Keeps the URL query in step with the controls and restores it on load."""

    def __init__(
        self, controls: Controls, exercises: Exercises | None = None, *, follow_page_url: bool = True,
        theme_toggle: Button | None = None,
    ) -> None:
        """``theme_toggle``: ThemeToggle.button, whose tags say the theme and whether it was chosen
        (components/page/shell/theme.py); without it links carry no theme."""
        self.follow_page_url = follow_page_url
        args = {
            **controls.js_args, "notice": controls.notice, "range_buttons": controls.range_buttons,
            "limits": list(Z_LIMITS), "tabs": exercises.tabs if exercises else None,
            "slugs": exercises.slugs if exercises else [], "page_lang": controls.texts.lang,
            "theme_toggle": theme_toggle,
        }
        # What LINK_JS's currentLink() reads: for other callbacks that build the link (LanguageSwitch).
        self.link_args = {key: args[key] for key in (
            "z_sliders", "k_slider", "log_tau_slider", "range_buttons", "limits", "tabs", "slugs",
            "page_lang", "theme_toggle")}
        if follow_page_url:
            write = CustomJS(code=WRITE_JS, args=args)
            controls.on_input(write)
            controls.range_buttons.js_on_change("active", write)
            if exercises is not None:
                exercises.tabs.js_on_change("active", write)
        # A link to this state only exists where the page's URL is the app's own.
        self.copy_button = Button(
            label=controls.texts("link.copy_button"), css_classes=["copy-link"], visible=follow_page_url,
        )
        self.copy_button.js_on_event("button_click", browser_callback(
            COPY_JS, **args, t=controls.texts.templates("link.", "copied", "copy_this")))
        self.apply_on_load = browser_callback(
            APPLY_JS, **args, labels=[z_label(j) for j in range(len(controls.z_sliders))],
            k_low=MIN_K, k_high=MAX_K, tau_low=TAU_MIN, tau_high=TAU_MAX, themes=list(THEMES),
            input_messages=controls.texts.templates("input."),
            t=controls.texts.templates("link.", "range_name", "k_name", "z_name", "tau_name", "or",
                                       "range_not_allowed", "k_not_whole", "too_few", "too_many",
                                       "view_unknown", "theme_unknown"),
        )

    def attach(self, document: Document) -> None:
        """Restore the state from the URL once the page has rendered."""
        if self.follow_page_url:
            document.js_on_event("document_ready", self.apply_on_load)
