// Whether the exercise tabs are in view (components/page/exercises/tabs.py, at document_ready).
// The tabs usually sit below the fold (at 1280 x 900 their top is at y ≈ 940), yet every slider
// change updated the shown view: ~20 ms of script and two canvas repaints a change that nobody
// saw. While the tabs are out of view, a gated callback (gate.js) leaves its view as it is and
// records itself in ``tabs.__pending`` with the input that moved; an IntersectionObserver on the
// tabs keeps ``tabs.__offscreen`` and, when they come into view, runs each pending callback once,
// so the view shows the current inputs in the frames that follow. No margin: the tab headers
// come into view first, and a margin would count tabs just below the fold (the common case) as
// in view. Opening a tab (cb_obj is tabs, as when view_arrived.js runs them) updates it at once
// wherever it is. The same in the served app, the static export and a tab built later: all
// go through Exercises._build and document_ready. Should BokehJS replace the tabs' element, the
// new one is observed; until then (and without IntersectionObserver) the tabs count as in view:
// a view is never left stale.
/* global tabs */
if (tabs.__observing) return;
tabs.__observing = true;
tabs.__pending ??= new Map();
const flush = () => {
  const pending = [...tabs.__pending];
  tabs.__pending.clear();
  for (const [callback, input] of pending) callback.execute(input);
};
if (typeof IntersectionObserver === "undefined") return;
let frames = 0;
const observe = () => {
  const view = cb_context?.index?.find_one(tabs);
  if (!view?.el?.isConnected) {
    if (++frames < 600) requestAnimationFrame(observe);
    return;
  }
  const observer = new IntersectionObserver((entries) => {
    const entry = entries[entries.length - 1];
    if (!entry.target.isConnected) {
      observer.disconnect();
      tabs.__offscreen = false;
      flush();
      frames = 0;
      requestAnimationFrame(observe);
      return;
    }
    tabs.__offscreen = !entry.isIntersecting;
    if (!tabs.__offscreen) flush();
  });  // no rootMargin: see above
  observer.observe(view.el);
};
observe();
