"""The served page leaves out only the JavaScript its document cannot use."""

from __future__ import annotations

import panel as pn
from bokeh.document import Document
from bokeh.models import ColumnDataSource, DataTable
from bokeh.plotting import figure

from components.page.shell.page import SoftmaxLab
from components.serving.page_resources import unused_files


def test_our_page_needs_no_gl_table_or_panel_files() -> None:
    assert set(unused_files([SoftmaxLab().model])) == {"/bokeh-gl", "/bokeh-tables", "/extensions/"}


def test_a_document_using_tables_or_webgl_keeps_their_files() -> None:
    table = DataTable(source=ColumnDataSource({"x": [1]}))
    assert "/bokeh-tables" not in unused_files([table])
    assert "/bokeh-gl" not in unused_files([figure(output_backend="webgl")])


def test_a_document_with_panel_models_keeps_every_file() -> None:
    # panel.min.js imports BokehJS's table modules: leaving them out broke such pages.
    root = pn.Column(pn.pane.Markdown("a Panel page"), SoftmaxLab()).get_root()
    assert unused_files([root]) == []


def test_a_served_document_that_gains_a_table_later_keeps_its_files() -> None:
    # Served roots are read from their document's model index, which must follow changes.
    page = SoftmaxLab()
    document = Document()
    document.add_root(page.model)
    assert "/bokeh-tables" in unused_files(document.roots)
    page.model.children.append(DataTable(source=ColumnDataSource({"x": [1]})))
    assert "/bokeh-tables" not in unused_files(document.roots)
