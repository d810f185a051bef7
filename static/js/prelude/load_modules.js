/* eslint-disable no-unused-vars -- the names every callback may use */
// The first lines of every callback (components/browser/browser_js.py): the page's modules,
// evaluated by the first callback that runs and kept on the per-page modules model for all
// the others. browser_modules is that model; cb_context is BokehJS's.
/* global browser_modules */
const {SoftmaxMath, InputCheck, NumberFormat, formatText, setHtmlIn, Rng, Sampling, Decoding, Bandit, Relatives, Training} =
  (browser_modules.__softmaxLabModules ??= new Function(browser_modules.code)());
const {formatNumber, formatFixed, powerHtml} = NumberFormat;
const setHtml = (div, html) => setHtmlIn(cb_context?.index, div, html);
