"""The demo as a notebook shows it (Panel's pane of SoftmaxLab): its first render is the browser's
too, so the readout is written without a slider having moved (the served page does this at
document_ready; a notebook cell's document must get the same callbacks)."""

from __future__ import annotations

import numpy as np
import panel as pn

from components import demo
from components.model import softmax_math as sm
from tests.browser.screen import readout


def test_a_notebook_cell_shows_its_numbers_at_once(page, tmp_path):
    z, tau = [1.0, 2.0, 3.0, 4.0], 0.5
    path = tmp_path / "cell.html"
    pn.panel(demo(z=z, tau=tau)).save(path, resources="inline")  # the cell's document, as a file
    page.goto(path.as_uri())
    page.locator(".readout-table table.readout").wait_for()
    shown = readout(page)
    assert shown["z"] == z
    np.testing.assert_allclose(shown["a"], sm.softmax(z, tau), atol=5e-4)
