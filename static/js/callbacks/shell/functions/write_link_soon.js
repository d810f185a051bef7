// writeLinkSoon(): the address bar gets currentLink() (components/page/shell/url_state.py),
// at most every 250 ms: browsers throttle history updates made on every frame. Written when the
// page is idle (within a second): replaceState costs ~3 ms here, ~14 ms at 4x CPU slowdown
// (benchmarks/trace_summary.py), and should not delay the frame of the next change.
/* exported writeLinkSoon */
/* global currentLink, log_tau_slider */
function writeLinkSoon() {
  clearTimeout(log_tau_slider.__softmaxLabUrlTimer);
  const write = () => {
    try {
      window.history.replaceState(window.history.state, "", currentLink());
    } catch {
      // A sandboxed frame may refuse; the page still works, only the link is not updated.
    }
  };
  log_tau_slider.__softmaxLabUrlTimer = setTimeout(() => {
    if (typeof requestIdleCallback === "function") requestIdleCallback(write, {timeout: 1000});
    else write();
  }, 250);
}
