/* eslint-disable no-unused-vars -- the names every callback may use */
// Reads the current inputs from the controls; every view's math callback starts here.
/* global z_sliders, k_slider, log_tau_slider */
const z = z_sliders.slice(0, k_slider.value).map((s) => s.value);
const tau = 10 ** log_tau_slider.value;
