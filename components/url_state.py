"""Shareable links: the page's URL query mirrors the controls (?z=2.5,-1,3.2,0.5&tau=1),
and opening such a link restores that state, with bad values corrected and explained.

All of it runs in the browser, so it works the same in a served session and in the
static export; the server learns the restored values through the synced sliders,
where SoftmaxState clamps them once more.
"""

from __future__ import annotations

from bokeh.document import Document
from bokeh.models import Button, CustomJS

from components.browser_js import input_callback
from components.controls import Controls, z_label
from components.state import TAU_MAX, TAU_MIN, Z_MAX, Z_MIN

# Builds the query for the current controls; 12 significant digits drop float noise
# (0.30000000000000004) but keep every digit a person typed.
LINK_JS = """
function currentLink() {
  const tidy = (v) => String(Number(v.toPrecision(12)));
  const params = new URLSearchParams(window.location.search);
  params.set("z", z_sliders.filter((s) => s.visible).map((s) => tidy(s.value)).join(","));
  params.set("tau", tidy(10 ** log_tau_slider.value));
  const origin = window.location.origin === "null" ? "" : window.location.origin;  // file:// has none
  return `${origin}${window.location.pathname}?${params}`;
}
"""

# Written at most every 250 ms: browsers throttle history updates made on every frame.
WRITE_JS = LINK_JS + """
clearTimeout(log_tau_slider.__softmaxLabUrlTimer);
log_tau_slider.__softmaxLabUrlTimer = setTimeout(() => {
  try {
    window.history.replaceState(window.history.state, "", currentLink());
  } catch (error) {
    // A sandboxed frame may refuse; the page still works, only the link is not updated.
  }
}, 250);
"""

APPLY_JS = """
const params = new URLSearchParams(window.location.search);
const messages = [];
if (params.has("z")) {
  const parts = params.get("z").split(",");
  if (parts.length > z_sliders.length) {
    messages.push(
      `Link: ${parts.length} values for z but ${z_sliders.length} sliders; the extra values are ignored.`);
  }
  parts.slice(0, z_sliders.length).forEach((raw, j) => {
    const {value, message} = InputCheck.readNumber(
      raw, {name: `Link ${labels[j]}`, low: z_low, high: z_high, fallback: z_sliders[j].value});
    if (message) messages.push(message);
    z_sliders[j].value = value;
  });
}
if (params.has("tau")) {
  const current = Number((10 ** log_tau_slider.value).toPrecision(12));
  const {value, message} = InputCheck.readNumber(
    params.get("tau"), {name: "Link τ", low: tau_low, high: tau_high, fallback: current, positive: true});
  if (message) messages.push(message);
  log_tau_slider.value = Math.log10(value);
}
// After the sliders' own callbacks (they run as promise jobs) have updated the boxes.
setTimeout(() => { notice.text = messages.join(" "); }, 0);
"""

COPY_JS = LINK_JS + """
const link = currentLink();
const say = (copied) => { notice.text = copied ? `Link copied: ${link}` : `Copy this link: ${link}`; };
if (navigator.clipboard && window.isSecureContext) {
  navigator.clipboard.writeText(link).then(() => say(true), () => say(false));
} else {
  say(false);
}
"""


class UrlState:
    """Keeps the URL query in step with the controls and restores it on load."""

    def __init__(self, controls: Controls, *, follow_page_url: bool = True) -> None:
        self.follow_page_url = follow_page_url
        args = {**controls.js_args, "notice": controls.notice}
        if follow_page_url:
            controls.on_input(CustomJS(code=WRITE_JS, args=controls.js_args))
        # A link to this state only exists where the page's URL is the app's own.
        self.copy_button = Button(
            label="Copy link to this state", css_classes=["copy-link"], visible=follow_page_url,
        )
        self.copy_button.js_on_event("button_click", CustomJS(code=COPY_JS, args=args))
        self.apply_on_load = input_callback(
            APPLY_JS, **args, labels=[z_label(j) for j in range(len(controls.z_sliders))],
            z_low=Z_MIN, z_high=Z_MAX, tau_low=TAU_MIN, tau_high=TAU_MAX,
        )

    def attach(self, document: Document) -> None:
        """Restore the state from the URL once the page has rendered."""
        if self.follow_page_url:
            document.js_on_event("document_ready", self.apply_on_load)
