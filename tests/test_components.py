"""The Bokeh models the views build, checked without a browser."""

from __future__ import annotations

import numpy as np
from bokeh.document import Document
from bokeh.models import ColumnDataSource, CustomJS

from components.model import softmax_math as sm
from components.model.state import WIDE_Z_LIMIT, SoftmaxState
from components.page.exercises.registry import EXERCISE_VIEWS
from components.page.exercises.tabs import GATE_JS
from components.page.shell.page import SoftmaxLab
from components.serving.notebook import demo
from components.serving.server import requested_text


def test_first_render_shows_numpy_values():
    state = SoftmaxState(z=[1.0, -2.0, 0.5, 4.0], tau=0.5)
    lab = SoftmaxLab(state)
    np.testing.assert_allclose(lab.softmax_chart.source.data["value"], sm.softmax(state.z, 0.5))
    np.testing.assert_allclose(lab.sigmoid_panel.source.data["value"], sm.sigmoid(state.z))
    assert lab.softmax_chart.source.data["label"] == [f"{v:.3f}" for v in sm.softmax(state.z, 0.5)]
    # The headings and the table are the browser's alone (tests/browser/test_first_render.py).
    assert lab.softmax_chart.heading.text == lab.sigmoid_panel.heading.text == lab.readout.model.text == ""


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


def served_document(lab: SoftmaxLab) -> Document:
    """The page in a document as create_app puts it there (attach, then the root)."""
    document = Document()
    lab.attach(document)
    document.add_root(lab.model)
    return document


def test_a_lazy_page_builds_only_the_shown_tab_and_the_others_when_opened():
    """The served page (lazy_tabs): the exercise views are most of a page's models, and most
    visitors open few tabs; the server builds a tab's view when the browser opens it."""
    eager = served_document(SoftmaxLab())
    lab = SoftmaxLab(lazy_tabs=True)
    document = served_document(lab)
    exercises = lab.exercises
    assert len(document.models) < 0.6 * len(eager.models)
    assert [view is not None for view in exercises.views] == [True] + [False] * (len(EXERCISE_VIEWS) - 1)
    assert document.select_one({"name": "jacobian-cells"}) is None
    assert document.select_one({"name": "sweep-curves"}) is None

    # The sliders moved in the browser (synced into the state), then the Jacobian tab opened:
    # the server sets tabs.active as the browser synced it, and the view shows the state now.
    lab.state.set_z_limit(WIDE_Z_LIMIT)
    lab.state.set_k(6)
    lab.state.set_z(1, -40.0)
    lab.state.set_tau(0.3)
    exercises.tabs.active = 1
    jacobian = exercises.views[1]
    assert jacobian is not None and exercises.views[2] is None
    assert document.select_one({"name": "jacobian-cells"}) is jacobian.source
    # Its contents are the browser's: its update runs once it has arrived (asserted below).
    assert len(jacobian.heatmap.x_range.factors) == 6
    panel = exercises.tabs.tabs[1].child
    assert panel.children == [jacobian.model]
    # Dressed as the page dresses its models at build: classes, stylesheets, and what the
    # browser runs when the view arrives (the theme, the tab labels, its own update).
    assert "exercise-view" in jacobian.model.css_classes
    assert set(lab._stylesheets) <= set(jacobian.table.stylesheets)
    [arrived] = panel.js_property_callbacks["change:children"]
    assert arrived.args["arrived"] is jacobian.model
    assert exercises._aria in arrived.args["once_rendered"]
    update = next(cb for cb in lab.controls.z_sliders[0].js_property_callbacks["change:value"]
                  if isinstance(cb, CustomJS) and cb.args.get("cells") is jacobian.source)
    # Runs only while shown and in view (else waits for the tabs to come into view).
    assert update.code.startswith(GATE_JS) and update.args["self_callback"] is update
    assert update.args["tab_index"] == 1
    assert update in arrived.args["once_rendered"]

    exercises.tabs.active = 3  # the sweep follows the widened range
    assert exercises.views[3].chart.x_range.end == WIDE_Z_LIMIT
    exercises.tabs.active = 1  # opened again: nothing is built twice
    assert exercises.views[1] is jacobian and panel.children == [jacobian.model]


def test_the_tab_named_by_the_link_is_built_from_the_start():
    lab = SoftmaxLab(lazy_tabs=True, view=requested_text({"view": [b"sweep"]}, "view"))
    served_document(lab)
    assert lab.exercises.tabs.active == 3
    built = [view is not None for view in lab.exercises.views]
    assert built == [index == 3 for index in range(len(EXERCISE_VIEWS))]
    assert lab.exercises.tabs.tabs[3].child is lab.exercises.views[3].model
    unknown = SoftmaxLab(lazy_tabs=True, view="no-such-view")  # the browser explains; the first tab
    assert unknown.exercises.tabs.active == 0 and unknown.exercises.views[0] is not None


def test_bokeh_finds_no_mistake_in_any_page_or_lazily_built_view():
    """What Bokeh's per-session validation would report, which the served app skips
    (components/serving/settings.py skip_document_validation): checked here for every page instead."""
    from bokeh.core.validation.check import check_integrity

    lab = SoftmaxLab(lazy_tabs=True)
    document = served_document(lab)
    for index in range(len(lab.exercises.views)):
        lab.exercises.tabs.active = index  # builds each lazy tab's view into the document
    assert all(view is not None for view in lab.exercises.views)
    pages = {"served, every tab opened": document,
             "static export": SoftmaxLab(sync_to_python=False).standalone_document()}
    for name, page in pages.items():
        found = check_integrity(list(page.models))
        assert (found.error, found.warning) == ([], []), name


def test_pages_without_a_server_build_every_tab():
    """The static export and notebooks have no server to build a tab later."""
    assert all(view is not None for view in SoftmaxLab(sync_to_python=False).exercises.views)
    assert all(view is not None for view in demo().exercises.views)
