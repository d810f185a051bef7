// The browser code under static/: plain scripts that BokehJS runs (components/browser/browser_js.py).
// Library modules define one frozen const each; callbacks are CustomJS bodies (a top-level
// return is allowed) that name their Bokeh arguments in a /* global ... */ comment at the top.
const js = require("@eslint/js");
const globals = require("globals");

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
      "no-unused-vars": ["error", {args: "after-used", varsIgnorePattern: "^(SoftmaxMath|InputCheck)$"}],
      "prefer-const": "error",
      "no-var": "error",
      eqeqeq: ["error", "always", {null: "ignore"}],
    },
  },
];
