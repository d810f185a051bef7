// The first lines of every exercise view's input callback (components/page/exercises/tabs.py):
// only the shown tab's view is updated, and only while the tabs are in view (else it waits in
// tabs.__pending, with the input that moved: run with it, the view tells the same movement as if
// it had followed it; see offscreen.js). ``tab_index``: the view's tab; ``self_callback``: the
// callback these lines start.
/* global tabs, tab_index, self_callback */
if (tabs.active !== tab_index) return;
if (cb_obj !== tabs && tabs.__offscreen) {
  (tabs.__pending ??= new Map()).set(self_callback, cb_obj);
  return;
}
tabs.__pending?.delete(self_callback);
