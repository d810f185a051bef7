// A typed box -> its slider (components/page/controls/controls.py, one callback for every box).
// Refuses what is not a number, clamps what is out of range and says so in the notice. A typed
// value is applied exactly (2.004 stays 2.004, not the slider's step; a tau is the one in use
// when it agrees with it at the 12 digits shown), compared with the value in use, not with a
// rounded display: 2 typed beside 2.004 applies 2 (issue 19 item 2). The box then shows the
// value in use. Rewriting the box runs this callback again (BokehJS may run it after this one
// returns): that call reads the value just applied, returns early and cannot clear the notice
// just written. One callback serves every box (each would otherwise carry its own copy of
// InputCheck and the messages into the page).
/* global boxes, sliders, names, log_scales, notice, tau_low, tau_high, messages, z_decimals */
const j = boxes.indexOf(cb_obj);
if (j < 0) return;
const [slider, name, log_scale] = [sliders[j], names[j], log_scales[j]];
const current = log_scale ? 10 ** slider.value : slider.value;
const decimals = log_scale ? 0 : z_decimals;
const [low, high] = log_scale ? [tau_low, tau_high] : [slider.start, slider.end];
const {value, message} = InputCheck.readNumber(
  cb_obj.value, {name, low, high, fallback: current, positive: log_scale, messages});
const text = InputCheck.show(value, decimals);
if (cb_obj.value !== text) cb_obj.value = text;
// The value in use already, at the 12 digits every place shows? Then it is that value: the page
// rewriting a box (a slider moved, Apply on the Inverse tab) must not round the input, and tau's
// slider holds log10 tau, where 10 ** log10(v) is not always v.
const unchanged = InputCheck.show(value) === InputCheck.show(current);
if (unchanged && message === "") return;
notice.text = message;
if (!unchanged) slider.value = log_scale ? Math.log10(value) : value;
