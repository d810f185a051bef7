// The range buttons -> every z slider's bounds (components/page/controls/controls.py). Values
// outside a narrower range are clamped into it, and the notice names each one moved, from what
// to what (hidden ones too: they return when K grows). Numbers as the link writes them (12
// significant digits) with the page's minus sign, as SoftmaxState.set_z_limit writes them.
// Nothing moved (a preset or a link that sets z itself after choosing the range): the notice
// is left alone.
/* global limits, z_sliders, labels, notice, t */
const limit = limits[cb_obj.active];
const shown = (v) => String(Number(v.toPrecision(12))).replace("-", "\u2212");
const moved = [];
z_sliders.forEach((s, j) => {
  s.setv({start: -limit, end: limit});
  if (Math.abs(s.value) > limit) {
    const old = s.value;
    s.value = Math.sign(old) * limit;
    moved.push(formatText(t.range_clamped_item, {name: labels[j], old: shown(old), new: shown(s.value)}));
  }
});
if (moved.length > 0) {
  const message = formatText(t.range_clamped, {limit, changes: moved.join(t.list_separator)});
  // After the sliders' own callbacks (promise jobs), which clear the notice as their boxes change.
  setTimeout(() => { notice.text = message; }, 0);
}
