// Writes a Div's HTML in place. Setting ``div.text`` re-renders the Div and re-computes the
// layout of the whole page (about 6 ms a change, measured with benchmarks/input_to_paint.py);
// writing the rendered element and updating the model silently keeps one slider change within
// one frame. ``index`` is the callback's cb_context.index (BokehJS's views), which only a
// callback sees: the prelude (prelude/load_modules.js) binds it, so callbacks call setHtml(div, html).
// The Div's view is found once and kept on the model: index.find_one walks every view of the
// page (about 1 ms each call with eleven views). The model's text is what its element shows, so
// the same HTML again writes nothing.
// eslint-disable-next-line no-unused-vars
function setHtmlIn(index, div, html) {
  let view = div.__htmlView;
  if (view?.markup_el?.isConnected !== true) view = div.__htmlView = index?.find_one(div);
  if (view == null || view.markup_el == null) { div.text = html; return; }
  if (div.text === html) return;
  div.setv({text: html}, {silent: true});
  view.markup_el.innerHTML = html;
}
