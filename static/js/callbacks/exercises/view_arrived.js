// A view the server built after the page had loaded (a lazy tab, components/page/exercises/tabs.py)
// arrives as the new child of its tab's placeholder. ``at_once`` runs right away (the theme: no
// light frame in a dark page); ``once_rendered`` once BokehJS has rendered the view: what the page
// ran for every other view at document_ready (tab and slider labels, scroll boxes) and the view's
// own input callbacks, as opening a tab runs them (the sliders may have moved while it was built).
/* global tabs, arrived, at_once, once_rendered */
for (const callback of at_once) callback.execute(tabs);
let frames = 0;
const whenRendered = () => {
  const view = cb_context?.index?.find_one(arrived);
  if (view?.el?.isConnected) {
    for (const callback of once_rendered) callback.execute(tabs);
  } else if (++frames < 600) {
    requestAnimationFrame(whenRendered);
  }
};
whenRendered();
