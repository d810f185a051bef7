// Names every slider handle (noUiSlider) for screen readers (components/browser/accessibility.py):
// its slider's title as aria-label; a slider that moves in log10 (tau) also says its real value
// in aria-valuetext. Runs once the views exist (document_ready) and again whenever a title
// changes. A MutationObserver puts aria-valuetext back after noUiSlider rewrites it (it does so
// on every move, after the model's own callbacks have run).
/* global sliders */
for (const [slider, log_scale] of sliders) {
  const view = cb_context?.index?.find_one(slider);
  const handle = view?.shadow_el?.querySelector(".noUi-handle");
  if (handle == null) continue;
  const title = (slider.title || "").trim();
  if (title) handle.setAttribute("aria-label", title);
  if (!log_scale || handle.__valuetext_observer) continue;
  const say = () => {
    const text = String(Number((10 ** slider.value).toPrecision(3)));
    if (handle.getAttribute("aria-valuetext") !== text) handle.setAttribute("aria-valuetext", text);
  };
  handle.__valuetext_observer = new MutationObserver(say);
  handle.__valuetext_observer.observe(handle, {attributes: true, attributeFilter: ["aria-valuetext"]});
  say();
}
