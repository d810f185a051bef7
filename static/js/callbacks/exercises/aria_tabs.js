// The exercise tabs as ARIA tabs (components/page/exercises/tabs.py, at document_ready and when a
// tab opens). Bokeh 3.9 draws tabs as plain divs that only a click opens: give them the ARIA tab
// roles (tablist, tab, tabpanel, each panel named by its tab) so that screen readers (and tests,
// by role) know them as tabs and which one is selected, and the keys of a tab list: Enter or
// Space opens the focused tab, arrows, Home and End move to another and open it.
// TabsView appends its header after the panels and puts it on top by a CSS grid area, so Tab
// (and a screen reader) reached the shown panel's inputs before the tab list above them: the
// header moves before the panels, in reading order (the grid area still places it). Only when
// out of order: moving the element takes the focus from a tab.
/* global tabs, label */
const view = cb_context?.index?.find_one(tabs);
if (view == null) return;
const header_el = view.header_el;
const first_panel = (view.child_views ?? []).map((child) => child.el)
  .find((el) => el?.parentNode === view.shadow_el);
if (header_el?.parentNode === view.shadow_el && first_panel != null
    && (header_el.compareDocumentPosition(first_panel) & Node.DOCUMENT_POSITION_PRECEDING)) {
  view.shadow_el.insertBefore(header_el, first_panel);
}
const header = view.shadow_el.querySelector(".bk-headers-wrapper");
if (header) {
  header.setAttribute("role", "tablist");
  header.setAttribute("aria-label", label);
}
const tab_els = [...view.shadow_el.querySelectorAll(".bk-tab")];
tab_els.forEach((tab, index) => {
  tab.setAttribute("role", "tab");
  tab.setAttribute("aria-selected", String(index === tabs.active));
  tab.id = `${tabs.id}-tab-${index}`;
  const panel = view.child_views?.[index]?.el;
  if (panel != null) {
    panel.setAttribute("role", "tabpanel");
    panel.id = `${tabs.id}-panel-${index}`;
    panel.setAttribute("aria-labelledby", tab.id);
    tab.setAttribute("aria-controls", panel.id);
  }
  if (tab.__tab_keys) return;
  tab.__tab_keys = true;
  tab.addEventListener("keydown", (event) => {
    const last = tab_els.length - 1;
    const next = {Enter: index, " ": index, ArrowRight: index === last ? 0 : index + 1,
                  ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last}[event.key];
    if (next === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    tabs.active = next;
    tab_els[next].focus();
  });
});
