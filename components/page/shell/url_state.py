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
from bokeh.models import Button

from ...browser.browser_js import js_callback, js_code
from ...model.state import MAX_K, MIN_K, TAU_MAX, TAU_MIN
from ..controls.controls import Z_LIMITS, Controls, z_label
from ..exercises.tabs import Exercises
from ..link_params import link_widgets, spec_of
from .theme import THEMES

# The callbacks that build the page's link call currentLink() (static/js/callbacks/shell/functions/
# current_link.js: the state from the controls themselves, never from the address bar); those that
# write it into the address bar, writeLinkSoon() (at most every 250 ms).
# viewParams(): the exercise views' own controls (components/page/link_params.py).
LINK_FUNCTIONS = ("shell/functions/view_params.js", "shell/functions/current_link.js")
WRITE_FUNCTIONS = (*LINK_FUNCTIONS, "shell/functions/write_link_soon.js")


class UrlState:
    """Keeps the URL query in step with the controls and restores it on load."""

    def __init__(
        self, controls: Controls, exercises: Exercises | None = None, *, follow_page_url: bool = True,
        theme_toggle: Button | None = None,
    ) -> None:
        """``theme_toggle``: ThemeToggle.button, whose tags say the theme and whether it was chosen
        (components/page/shell/theme.py); without it links carry no theme."""
        self.follow_page_url = follow_page_url
        # The views' own controls in the link: those of the views built now (a lazy tab's view,
        # built when opened, keeps its controls out of the link).
        built = [view for view in (exercises.views if exercises else []) if view is not None]
        view_params = link_widgets([widget for view in built for widget in view.link_widgets])
        args = {
            **controls.js_args, "notice": controls.notice, "range_buttons": controls.range_buttons,
            "limits": list(Z_LIMITS), "tabs": exercises.tabs if exercises else None,
            "slugs": exercises.slugs if exercises else [], "page_lang": controls.texts.lang,
            "theme_toggle": theme_toggle, "view_params": view_params,
        }
        # What currentLink() reads: for other callbacks that build the link (LanguageSwitch).
        self.link_args = {key: args[key] for key in (
            "z_sliders", "k_slider", "log_tau_slider", "range_buttons", "limits", "tabs", "slugs",
            "page_lang", "theme_toggle", "view_params")}
        if follow_page_url:
            write = js_code("shell/write_link.js", functions=WRITE_FUNCTIONS, **args)
            controls.on_input(write)
            controls.range_buttons.js_on_change("active", write)
            if exercises is not None:
                exercises.tabs.js_on_change("active", write)
            for widget in view_params:
                widget.js_on_change(spec_of(widget)["prop"], write)
        # A link to this state only exists where the page's URL is the app's own.
        self.copy_button = Button(
            label=controls.texts("link.copy_button"), css_classes=["copy-link"], visible=follow_page_url,
        )
        self.copy_button.js_on_event("button_click", js_callback(
            "shell/copy_link.js", functions=LINK_FUNCTIONS, **args,
            t=controls.texts.templates("link.", "copied", "copy_this")))
        # Opening a link restores its state; bad values are corrected and explained.
        self.apply_on_load = js_callback(
            "shell/apply_link.js", functions=(*WRITE_FUNCTIONS, "shell/functions/read_link_value.js"), **args,
            labels=[z_label(j) for j in range(len(controls.z_sliders))],
            k_low=MIN_K, k_high=MAX_K, tau_low=TAU_MIN, tau_high=TAU_MAX, themes=list(THEMES),
            input_messages=controls.texts.templates("input."),
            t=controls.texts.templates("link.", "range_name", "k_name", "z_name", "tau_name", "or",
                                       "range_not_allowed", "k_not_whole", "too_few", "too_many",
                                       "view_unknown", "theme_unknown", "param_name",
                                       "param_not_whole", "param_unknown"),
        )

    def attach(self, document: Document) -> None:
        """Restore the state from the URL once the page has rendered."""
        if self.follow_page_url:
            document.js_on_event("document_ready", self.apply_on_load)
