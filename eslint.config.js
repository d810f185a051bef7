// The browser code under static/js/ (components/browser/browser_js.py loads it into the page):
//   lib/        library modules, each one frozen const (or one function) that the page's modules model defines
//   prelude/    the first lines of every callback: the modules' names, z and tau
//   callbacks/  CustomJS bodies (a top-level return is allowed) that name their Bokeh arguments
//               in a /* global ... */ comment at the top; js_callback checks that each is given.
//   callbacks/**/functions/  functions that callbacks call, placed before them (js_callback's
//               functions=); each file names what it defines in a /* exported ... */ comment.
const js = require("@eslint/js");
const globals = require("globals");

// What the prelude (static/js/prelude/*.js) and BokehJS give every callback.
const CALLBACK_GLOBALS = Object.fromEntries(
  ["SoftmaxMath", "InputCheck", "NumberFormat", "formatText", "setHtml", "formatNumber", "formatFixed",
   "powerHtml", "Rng", "Sampling", "Decoding", "Bandit", "Relatives", "Training", "z", "tau", "cb_obj", "cb_data", "cb_context"].map((name) => [name, "readonly"]));

module.exports = [
  js.configs.recommended,
  {
    files: ["static/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: {...globals.browser},
    },
    rules: {
      "no-unused-vars": ["error", {args: "after-used", varsIgnorePattern: "^(SoftmaxMath|InputCheck|NumberFormat)$"}],
      "prefer-const": "error",
      "no-var": "error",
      eqeqeq: ["error", "always", {null: "ignore"}],
    },
  },
  {
    files: ["static/js/lib/input_check.js"],  // fills its messages with formatText
    languageOptions: {globals: {formatText: "readonly"}},
  },
  {
    files: ["static/js/callbacks/**/*.js", "static/js/prelude/**/*.js"],
    languageOptions: {
      parserOptions: {ecmaFeatures: {globalReturn: true}},
      globals: {...CALLBACK_GLOBALS},
    },
  },
  {
    // Functions files define functions for the callbacks placed after them: /* exported */ marks
    // them used, which eslint honours only outside a function scope (no globalReturn; they have
    // no top-level return).
    files: ["static/js/callbacks/**/functions/*.js"],
    languageOptions: {parserOptions: {ecmaFeatures: {globalReturn: false}}},
  },
];
