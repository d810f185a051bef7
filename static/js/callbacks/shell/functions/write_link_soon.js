// writeLinkSoon(): the address bar gets currentLink() (components/page/shell/url_state.py),
// at most every 250 ms: browsers throttle history updates made on every frame.
/* exported writeLinkSoon */
/* global currentLink, log_tau_slider */
function writeLinkSoon() {
  clearTimeout(log_tau_slider.__softmaxLabUrlTimer);
  log_tau_slider.__softmaxLabUrlTimer = setTimeout(() => {
    try {
      window.history.replaceState(window.history.state, "", currentLink());
    } catch {
      // A sandboxed frame may refuse; the page still works, only the link is not updated.
    }
  }, 250);
}
