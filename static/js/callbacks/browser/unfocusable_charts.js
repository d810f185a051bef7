// Takes charts that do nothing for the keyboard out of the Tab order
// (components/browser/accessibility.py). BokehJS 3.9's CanvasView gives its events layer
// tabIndex 0 so that edit and select tools can read keys; a chart with no such tool is left
// reachable by mouse and touch, not by Tab. Runs once the charts are rendered (document_ready,
// or when a lazy tab's view arrives): the layer is made in the canvas view's initialize and
// kept for the view's life.
/* global plots */
for (const plot of plots) {
  const events = cb_context?.index?.find_one(plot)?.canvas_view?.events_el;
  if (events != null && events.tabIndex !== -1) events.tabIndex = -1;
}
