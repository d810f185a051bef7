// The shared page is ready (components/serving/shared_page.py, at its document_ready): it names
// the inputs a visitor's session reads (link.js) and how to say the connection is lost. The page
// is a standalone document: it has no server connection of its own.
/* global z_sliders, log_tau_slider, k_slider, range_buttons, tabs, banner */
window.softmaxLab = Object.freeze({
  inputs: {z_sliders, log_tau_slider, k_slider, range_buttons, tabs},
  connectionLost: () => { banner.visible = true; },
});
window.dispatchEvent(new Event("softmax-lab-page-ready"));
