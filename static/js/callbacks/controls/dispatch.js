// The one place a change of z, tau or K reaches the charts and views (Controls.on_input,
// components/page/controls/controls.py): every input callback runs at most once a frame, however
// many changes arrive. The first change after a painted frame runs them at once (no added
// latency: BokehJS paints in the frame that follows); changes that arrive before that frame is
// painted wait, and run once, right after it (a message task posted from requestAnimationFrame),
// with the input that changed last, or K if it changed (everything may have, as at load): so
// the last value is always shown, and a drag of 20 pointer events in a frame costs one update.
// Non-locality (nonlocality.js) compares with the outputs before the run it was given: a
// coalesced run counts as one movement of its last input, from the values before the run.
// ``me``: this callback (its state: ``me.__dispatch``); ``callbacks``: the page's input callbacks.
/* global callbacks, k_slider, me */
const d = (me.__dispatch ??= {pending: new Set(), framing: false, runs: 0});
const run = (input) => {
  d.runs += 1;
  for (const callback of callbacks) callback.execute(input);
};
const afterFrame = () => requestAnimationFrame(() => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    if (d.pending.size === 0) {
      d.framing = false;
      return;
    }
    const inputs = [...d.pending];
    d.pending.clear();
    run(inputs.includes(k_slider) ? k_slider : inputs[inputs.length - 1]);
    afterFrame();
  };
  channel.port2.postMessage(null);
});
if (d.framing) {
  d.pending.delete(cb_obj);  // re-added last: the input that changed last
  d.pending.add(cb_obj);
} else {
  d.framing = true;
  run(cb_obj);
  afterFrame();
}
