// A slider's title value and its tooltip while dragged (components/page/controls/controls.py, a
// CustomJSTickFormatter), in the same digits as its box and the readout table: Bokeh's default
// "0[.]00" wrote "2.50" beside "-1" and rounded 2.004 to "2" (issue 19 items 2 and 12). A tick
// formatter is no callback (it has no cb_context, and no prelude), so it loads the page's
// browser modules itself, as static/js/prelude/load_modules.js does.
/* global tick, log_scale, z_decimals, browser_modules */
const {InputCheck} = (browser_modules.__softmaxLabModules ??= new Function(browser_modules.code)());
return InputCheck.show(log_scale ? 10 ** tick : tick, log_scale ? 0 : z_decimals);
