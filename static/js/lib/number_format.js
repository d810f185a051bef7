// How numbers are written on the page: the twin of components/words/number_format.py
// (format_number, format_fixed, power_html), checked against it on shared vectors.
// A minus is U+2212; a size that fixed digits would write as zero goes to exponent form.
const NumberFormat = (() => {
  "use strict";

  function formatNumber(v, digits = 3) {
    if (v === 0) return "0";
    const size = Math.abs(v);
    const text = size >= 1e-4 && size < 1e6 ? v.toPrecision(digits) : v.toExponential(digits - 1);
    return text.replaceAll("-", "−");
  }

  function formatFixed(v, decimals = 3, signed = false) {
    if (v === 0) return "0";
    const size = Math.abs(v);
    const fixed = size >= Number(`1e-${decimals}`) && size < 1e6;
    const text = fixed ? size.toFixed(decimals) : size.toExponential(1);
    return (v < 0 ? "−" : signed ? "+" : "") + text.replaceAll("-", "−");
  }

  function powerHtml(text) {
    const power = (m, sign, digits) => `×10<sup>${sign === "−" ? "−" : ""}${digits}</sup>`;
    return text.replace(/e([+−]?)(\d+)$/, power);
  }

  return Object.freeze({formatNumber, formatFixed, powerHtml});
})();
