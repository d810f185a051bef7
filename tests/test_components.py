"""The Bokeh models the views build, checked without a browser."""

from __future__ import annotations

import numpy as np
from bokeh.models import ColumnDataSource, CustomJS

from components import softmax_math as sm
from components.page import SoftmaxLab
from components.state import SoftmaxState


def test_first_render_shows_numpy_values():
    state = SoftmaxState(z=[1.0, -2.0, 0.5, 4.0], tau=0.5)
    lab = SoftmaxLab(state)
    np.testing.assert_allclose(lab.softmax_chart.source.data["value"], sm.softmax(state.z, 0.5))
    np.testing.assert_allclose(lab.sigmoid_panel.source.data["value"], sm.sigmoid(state.z))
    assert lab.softmax_chart.source.data["label"] == [f"{v:.3f}" for v in sm.softmax(state.z, 0.5)]
    assert "<b class='total'>1.000</b>" in lab.softmax_chart.heading.text
    assert "≠ 1" in lab.sigmoid_panel.heading.text
    assert "<td class='a-total'>1.000</td>" in lab.readout.model.text


def test_every_input_drives_every_view_in_the_browser():
    lab = SoftmaxLab()
    for slider in [*lab.controls.z_sliders, lab.controls.log_tau_slider]:
        callbacks = [cb for cb in slider.js_property_callbacks["change:value"] if isinstance(cb, CustomJS)]
        targets = {id(model) for cb in callbacks for model in cb.args.values() if hasattr(model, "id")}
        for view_model in (lab.softmax_chart.source, lab.sigmoid_panel.source, lab.readout.model):
            assert id(view_model) in targets


def test_browser_only_models_are_not_synced_back_to_the_server():
    """Chart data is recomputed in the browser; sending it back would only load the server."""
    lab = SoftmaxLab()
    sources = [m for m in lab.model.references() if isinstance(m, ColumnDataSource)]
    assert sources and all(not source.syncable for source in sources)
    assert all(slider.syncable for slider in lab.controls.z_sliders)


def test_sessions_share_no_model_and_no_state():
    first, second = SoftmaxLab(), SoftmaxLab()
    assert not {m.id for m in first.model.references()} & {m.id for m in second.model.references()}
    first.state.set_z(0, -3)
    assert second.state.z[0] == 2.5


def test_state_changes_in_python_move_the_sliders():
    lab = SoftmaxLab()
    lab.state.set_z(3, 4.2)
    lab.state.set_tau(0.1)
    assert lab.controls.z_sliders[3].value == 4.2
    assert np.isclose(10 ** lab.controls.log_tau_slider.value, 0.1)


def test_slider_changes_from_the_browser_reach_the_state():
    lab = SoftmaxLab()
    lab.controls.z_sliders[1].value = 1.7  # what a synced browser change does on the server
    lab.controls.log_tau_slider.value = np.log10(2.0)
    assert lab.state.z[1] == 1.7
    assert np.isclose(lab.state.tau, 2.0)


def test_equations_are_mathml_without_any_script():
    html = SoftmaxLab().equations.model.text
    assert html.count("<math") == 3 and "<script" not in html
