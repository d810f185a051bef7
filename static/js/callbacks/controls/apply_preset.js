// A preset button (components/page/controls/presets.py): sets the range first, so that the
// sliders accept the preset's values; then z, K and tau; and clears the notice.
/* global preset, limits, range_buttons, z_sliders, k_slider, log_tau_slider, notice */
const index = limits.indexOf(preset.limit);
if (range_buttons.active !== index) range_buttons.active = index;
z_sliders.forEach((s, j) => {
  s.setv({start: -preset.limit, end: preset.limit});
  s.value = preset.z[j];
});
if (preset.k !== null) k_slider.value = preset.k;
if (preset.tau !== null) log_tau_slider.value = Math.log10(preset.tau);
setTimeout(() => { notice.text = ""; }, 0);
