// A slider -> its typed box (components/page/controls/controls.py), in the digits every place
// shows (InputCheck.show). A slider moved by hand makes any earlier notice stale: it is cleared.
/* global log_scale, box, notice, decimals */
const shown = InputCheck.show(log_scale ? 10 ** cb_obj.value : cb_obj.value, decimals);
if (box.value !== shown) {
  box.value = shown;
  notice.text = "";
}
