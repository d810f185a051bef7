// Reading numbers that people type or write in links, the same way everywhere:
// a decimal comma is accepted; text, NaN and infinities are refused; values are
// clamped into [low, high]. Each result says, in a sentence, what was changed.
// Plain script, inlined into Bokeh CustomJS callbacks; defines one name, InputCheck.
const InputCheck = (() => {
  "use strict";

  const MAX_QUOTED = 40; // long input is shortened in messages, never echoed whole

  function quote(text) {
    return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
  }

  // {value, message}: value is safe to use; message is "" when nothing was changed.
  function readNumber(raw, {name, low, high, fallback, positive = false}) {
    const text = String(raw ?? "").trim().replace(",", ".");
    const number = text === "" ? NaN : Number(text);
    if (!Number.isFinite(number) || (positive && number <= 0)) {
      const what = positive ? "a positive number" : "a number";
      return {value: fallback, message: `${name}: "${quote(text)}" is not ${what}, so ${fallback} is kept (allowed: ${low} to ${high}).`};
    }
    if (number < low || number > high) {
      const value = Math.min(high, Math.max(low, number)) + 0;
      return {value, message: `${name}: ${number} is outside ${low} to ${high}, so ${value} is used.`};
    }
    return {value: number + 0, message: ""}; // + 0 turns -0 into 0
  }

  return Object.freeze({readNumber});
})();
