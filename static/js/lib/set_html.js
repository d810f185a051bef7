// Writes a Div's HTML in place. Setting ``div.text`` re-renders the Div and re-computes the
// layout of the whole page (about 6 ms a change, measured with benchmarks/input_to_paint.py);
// writing the rendered element and updating the model silently keeps one slider change within
// one frame. ``index`` is the callback's cb_context.index (BokehJS's views), which only a
// callback sees: the prelude (prelude/load_modules.js) binds it, so callbacks call setHtml(div, html).
// eslint-disable-next-line no-unused-vars
function setHtmlIn(index, div, html) {
  const view = index?.find_one(div);
  if (view == null || view.markup_el == null) { div.text = html; return; }
  div.setv({text: html}, {silent: true});
  if (view.markup_el.innerHTML !== html) view.markup_el.innerHTML = html;
}
