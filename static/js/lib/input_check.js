// Reading numbers that people type or write in links, the same way everywhere:
// a decimal comma is accepted, and so is the minus sign U+2212 (the page prints it, people
// paste it back); text, NaN and infinities are refused; values are clamped into [low, high];
// a decimal number too large for a float (1e400, 5000 digits) is too large, not "not a number",
// and is clamped to the nearest bound like any other number outside. Each result says, in a
// sentence, what was changed. The Python twin is components/model/state.py (_read_number).
// And writing an input back (show): the same digits in every place that shows one.
// Plain script, once per page after formatText (components/browser/browser_js.py); defines one name, InputCheck.
const InputCheck = (() => {
  "use strict";

  const MAX_QUOTED = 40; // long input is shortened in messages, never echoed whole
  const MINUS = /\u2212/g; // U+2212 MINUS SIGN: a minus, wherever a hyphen-minus may stand
  // A plain decimal number in ASCII digits (after the decimal comma became a point): no hex,
  // binary or octal (Number() reads "0x10" as 16), no words such as Infinity.
  const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

  function quote(text) {
    return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
  }

  // An input as the page writes it (boxes, slider titles, the readout table, messages): up to
  // 12 significant digits with trailing zeros trimmed, so every number a person types (2.004,
  // 19.99) is shown as typed and two inputs that differ never look equal, while the float noise
  // of slider steps (0.30000000000000004) is not shown; never a signed zero. 12 digits, as the
  // link writes them (components/page/shell/url_state.py): what a box shows is what a copied link restores.
  // The Python twin is components/model/state.py shown_number.
  // ``decimals``: at least that many decimals, as a slider on a grid of 0.1 writes every value of
  // its grid (-1.0 beside 2.5, never "-1" beside "2.5"); more when the number has more (2.004).
  function show(number, decimals = 0) {
    if (typeof number !== "number") return String(number);
    const text = String(Number(number.toPrecision(12)) + 0); // + 0 turns -0 into 0
    if (decimals === 0 || !Number.isFinite(number) || /e/.test(text)) return text;
    const [whole, fraction = ""] = text.split(".");
    return `${whole}.${fraction.padEnd(decimals, "0")}`;
  }

  // {value, message}: value is safe to use; message is "" when nothing was changed.
  // messages: the page language's templates (components/words/i18n.py, keys "input.*"): not_number,
  // not_positive, outside, too_large; filled with formatText (components/browser/browser_js.py).
  function readNumber(raw, {name, low, high, fallback, positive = false, messages}) {
    const typed = String(raw ?? "").trim();
    const text = typed.replace(MINUS, "-").replace(",", ".");
    const number = DECIMAL.test(text) ? Number(text) : NaN;
    // Messages quote what was typed as typed ("3,2,1", not the "3.2,1" read from it).
    const said = {name, text: quote(typed), fallback: show(fallback), low: show(low), high: show(high)};
    if (Number.isNaN(number) || (positive && number <= 0)) {
      const template = positive ? messages.not_positive : messages.not_number;
      return {value: fallback, message: formatText(template, said)};
    }
    if (!Number.isFinite(number)) { // a decimal number beyond the largest float: the nearest bound
      const value = number > 0 ? high : low;
      return {value, message: formatText(messages.too_large, {...said, value: show(value)})};
    }
    if (number < low || number > high) {
      const value = Math.min(high, Math.max(low, number)) + 0;
      return {value, message: formatText(messages.outside, {...said, number: show(number), value: show(value)})};
    }
    return {value: number + 0, message: ""}; // + 0 turns -0 into 0
  }

  return Object.freeze({readNumber, show});
})();
