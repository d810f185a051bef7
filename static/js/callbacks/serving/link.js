// A visitor's session (components/serving/visitor.py, at its document_ready): its state follows
// the shared page's inputs. The visitor's model syncs to Python; a burst of changes (a drag)
// is sent at most every 50 ms, and the last value always. What Python sets on the visitor's model
// (a state changed in Python) moves the controls: the range first, then z, tau and K.
/* global visitor */
const link = ({inputs}) => {
  const {z_sliders, log_tau_slider, k_slider, range_buttons, tabs} = inputs;
  let waiting = false;
  const send = () => {
    waiting = false;
    visitor.setv({
      z: z_sliders.map((s) => s.value), log_tau: log_tau_slider.value, k: k_slider.value,
      z_range: range_buttons.active, view: tabs.active,
    });
  };
  const soon = () => {
    if (waiting) return;
    waiting = true;
    setTimeout(send, 50);
  };
  for (const slider of [...z_sliders, log_tau_slider, k_slider]) slider.connect(slider.properties.value.change, soon);
  range_buttons.connect(range_buttons.properties.active.change, soon);
  tabs.connect(tabs.properties.active.change, soon);
  visitor.connect(visitor.change, () => {
    if (range_buttons.active !== visitor.z_range) range_buttons.active = visitor.z_range;
    visitor.z.forEach((value, j) => { if (z_sliders[j] && z_sliders[j].value !== value) z_sliders[j].value = value; });
    if (Math.abs(log_tau_slider.value - visitor.log_tau) > 1e-9) log_tau_slider.value = visitor.log_tau;
    if (k_slider.value !== visitor.k) k_slider.value = visitor.k;
  });
  send();
};
if (window.softmaxLab != null) link(window.softmaxLab);
else window.addEventListener("softmax-lab-page-ready", () => link(window.softmaxLab), {once: true});
