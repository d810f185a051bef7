"""The demo displays inline in Jupyter: a real kernel runs the README's notebook cell."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
BOKEH_MIME = "application/vnd.holoviews_exec.v0+json"


def test_one_import_displays_the_demo_inline():
    assert_demo_displays_inline("components", ROOT)


def assert_demo_displays_inline(package: str, folder: Path, kernel_name: str = "python3") -> None:
    """The README's cells, ``from <package> import demo``, run by a real kernel in ``folder``
    (tests/package/ runs them with the installed ``softmax_lab`` from a folder outside the clone)."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell(f"from {package} import demo\ndemo(z=[1, 2, 3, 99], tau=0.5)"),
        nbformat.v4.new_code_cell("lab = demo()\nlab.state.set_z(0, -4)\nlab.controls.z_sliders[0].value"),
    ]
    NotebookClient(notebook, timeout=120, kernel_name=kernel_name,
                   resources={"metadata": {"path": str(folder)}}).execute()
    outputs = notebook.cells[0].outputs
    display = next(o for o in outputs if o.get("output_type") == "execute_result")
    assert BOKEH_MIME in display["data"]
    rendered = json.dumps(display["data"])
    for name in ("softmax-chart-bars", "sigmoid-chart-bars", "z-slider-4", "SoftmaxMath"):
        assert name in rendered
    assert rendered.count("function checkVector(z)") == 1  # the math module once, for every callback
    assert not any(o.get("output_type") == "error" for o in outputs)
    # Python moves the sliders: the state is live in the kernel.
    result = next(o for o in notebook.cells[1].outputs if o.get("output_type") == "execute_result")
    assert result["data"]["text/plain"] == "-4.0"
