// The page's first render (components/page/shell/page.py, at document_ready): every input
// callback of the page runs once, so what a view shows is written by the browser alone, the
// same code that writes every later change (the page's Python builds the models, not their
// contents). Run as if K had changed: everything may have. A gated exercise view runs only if
// its tab is shown (the others render when opened).
/* global renders, k_slider */
for (const callback of renders) callback.execute(k_slider);
