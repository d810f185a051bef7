// A table wider than its box scrolls inside it (static/css/layout.css); a keyboard user must be
// able to scroll it too, so while it overflows its box is a named, focusable region (and only
// then: at full width the tables add no tab stops) (components/browser/accessibility.py).
// Overflow is read in a ResizeObserver callback, which runs after the frame's layout: reading
// sizes right after each rewrite of a table (a MutationObserver) forced a second layout per
// slider change.
/* global divs */
for (const div of divs) {
  const view = cb_context?.index?.find_one(div);
  const box = view?.markup_el;
  if (box == null || box.__scroll_observer) continue;
  const check = () => {  // writes only what changed: a write here would restyle the frame
    const table = box.querySelector("table");
    if (table != null && box.scrollWidth > box.clientWidth + 1) {
      const caption = table.querySelector("caption")?.textContent?.trim();
      const wanted = {tabindex: "0", role: "region", ...(caption ? {"aria-label": caption} : {})};
      for (const [name, value] of Object.entries(wanted)) {
        if (box.getAttribute(name) !== value) box.setAttribute(name, value);
      }
    } else if (box.hasAttribute("tabindex")) {
      for (const name of ["tabindex", "role", "aria-label"]) box.removeAttribute(name);
    }
  };
  const sizes = new ResizeObserver(check);
  box.__scroll_observer = sizes;
  // Each update writes a new table: watch the box and the table it holds now (observing
  // also reports the new table's size once, so a rewrite that changes nothing is checked).
  const watch = () => {
    sizes.disconnect();
    sizes.observe(box);
    const table = box.querySelector("table");
    if (table != null) sizes.observe(table);
  };
  new MutationObserver(watch).observe(box, {childList: true});
  watch();
}
