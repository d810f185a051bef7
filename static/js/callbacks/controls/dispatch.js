// The one place a change of z, tau or K reaches the charts and views (Controls.on_input,
// components/page/controls/controls.py): every input callback runs at most once a frame, however
// many changes arrive during a pointer drag (other changes, keys, typed boxes, presets, links, run
// at once, as before: each is one event). The first change after a painted frame runs them at once (no added
// latency: BokehJS paints in the frame that follows); changes that arrive before that frame is
// painted wait, and run once, right after it (a message task posted from requestAnimationFrame),
// with the input that changed last, or K if it changed (everything may have, as at load): so
// the last value is always shown (and at pointerup at once), and a drag of 20 pointer events in
// a frame costs one update.
// Non-locality (nonlocality.js) compares with the outputs before the run it was given: a
// coalesced run counts as one movement of its last input, from the values before the run.
// ``me``: this callback (its state: ``me.__dispatch``); ``callbacks``: the page's input callbacks.
/* global callbacks, k_slider, me */
const d = me.__dispatch ?? (me.__dispatch = {pending: new Set(), framing: false, dragging: false, runs: 0});
const run = (input) => {
  d.runs += 1;
  for (const callback of callbacks) callback.execute(input);
};
const flush = () => {
  if (d.pending.size === 0) return false;
  const inputs = [...d.pending];
  d.pending.clear();
  run(inputs.includes(k_slider) ? k_slider : inputs[inputs.length - 1]);
  return true;
};
if (!d.listening) {  // only a pointer drag is coalesced: keys, boxes, presets and links run at once
  d.listening = true;
  window.addEventListener("pointerdown", () => { d.dragging = true; }, true);
  const end = () => {
    d.dragging = false;
    flush();  // the end of a drag: its last value at once
  };
  window.addEventListener("pointerup", end, true);
  window.addEventListener("pointercancel", end, true);
}
const afterFrame = () => requestAnimationFrame(() => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    if (flush()) afterFrame();
    else d.framing = false;
  };
  channel.port2.postMessage(null);
});
if (!d.dragging) {
  d.pending.delete(cb_obj);
  run(cb_obj);
} else if (d.framing) {
  d.pending.delete(cb_obj);  // re-added last: the input that changed last
  d.pending.add(cb_obj);
} else {
  d.framing = true;
  run(cb_obj);
  afterFrame();
}
