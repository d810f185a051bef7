// Reading numbers that people type or write in links, the same way everywhere:
// a decimal comma is accepted; text, NaN and infinities are refused; values are
// clamped into [low, high]. Each result says, in a sentence, what was changed.
// Plain script, once per page after formatText (components/browser_js.py); defines one name, InputCheck.
const InputCheck = (() => {
  "use strict";

  const MAX_QUOTED = 40; // long input is shortened in messages, never echoed whole
  // A plain decimal number in ASCII digits (after the decimal comma became a point): no hex,
  // binary or octal (Number() reads "0x10" as 16), no words such as Infinity.
  const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

  function quote(text) {
    return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
  }

  // {value, message}: value is safe to use; message is "" when nothing was changed.
  // messages: the page language's templates (components/i18n.py, keys "input.*"): not_number,
  // not_positive, outside; filled with formatText (components/browser_js.py).
  function readNumber(raw, {name, low, high, fallback, positive = false, messages}) {
    const text = String(raw ?? "").trim().replace(",", ".");
    const number = DECIMAL.test(text) ? Number(text) : NaN;
    if (!Number.isFinite(number) || (positive && number <= 0)) {
      const template = positive ? messages.not_positive : messages.not_number;
      return {value: fallback, message: formatText(template, {name, text: quote(text), fallback, low, high})};
    }
    if (number < low || number > high) {
      const value = Math.min(high, Math.max(low, number)) + 0;
      return {value, message: formatText(messages.outside, {name, number, low, high, value})};
    }
    return {value: number + 0, message: ""}; // + 0 turns -0 into 0
  }

  return Object.freeze({readNumber});
})();
