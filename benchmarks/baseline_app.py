"""The naive baseline the benchmarks compare against: the same four z sliders,
temperature and two charts, written as a typical Panel user would, with one
Python callback per change that recomputes and pushes both charts.

Served with ``?math=browser`` it is the issue's other reference, "the same page with
the math in the browser": the callback is a few lines of JS; the server still receives
every change (slider values and both sources, all syncable) but runs no Python for it.
benchmarks/input_to_paint.py measures both: the second is what two BokehJS charts cost per
change on this machine with no Python in the loop."""

from __future__ import annotations

import numpy as np
import panel as pn
from bokeh.models import ColumnDataSource
from bokeh.plotting import figure

NAMES = ["a1", "a2", "a3", "a4"]


BROWSER_MATH_JS = """
const z = [z1, z2, z3, z4].map((s) => s.value);
const zmax = Math.max(...z);
const e = z.map((v) => Math.exp((v - zmax) / tau_slider.value));
const total = e.reduce((a, b) => a + b, 0);
softmax.data = {x: softmax.data.x, top: e.map((v) => v / total)};
sigmoid.data = {x: sigmoid.data.x, top: z.map((v) => 1 / (1 + Math.exp(-v)))};
"""


def create_baseline(browser_math: bool = False) -> pn.viewable.Viewable:
    z_sliders = [
        pn.widgets.FloatSlider(name=f"z{j + 1}", start=-5, end=5, step=0.1, value=v,
                               css_classes=[f"z-slider-{j + 1}"])
        for j, v in enumerate([2.5, -1.0, 3.2, 0.5])
    ]
    tau_slider = pn.widgets.FloatSlider(name="tau", start=0.05, end=20, step=0.05, value=1.0,
                                        css_classes=["tau-slider"])
    softmax_source = ColumnDataSource(data={"x": NAMES, "top": [0.0] * 4}, name="softmax-chart-bars")
    sigmoid_source = ColumnDataSource(data={"x": NAMES, "top": [0.0] * 4}, name="sigmoid-chart-bars")
    charts = []
    for source, title in ((softmax_source, "softmax"), (sigmoid_source, "sigmoid")):
        chart = figure(x_range=NAMES, y_range=(0, 1.1), height=300, title=title, toolbar_location=None)
        chart.vbar(x="x", top="top", width=0.7, source=source)
        charts.append(chart)

    def update(*_events) -> None:
        z = np.array([s.value for s in z_sliders])
        e = np.exp((z - z.max()) / tau_slider.value)
        softmax_source.data = {"x": NAMES, "top": list(e / e.sum())}
        sigmoid_source.data = {"x": NAMES, "top": list(1 / (1 + np.exp(-z)))}

    args = {f"z{j + 1}": slider for j, slider in enumerate(z_sliders)}
    args.update(tau_slider=tau_slider, softmax=softmax_source, sigmoid=sigmoid_source)
    for slider in [*z_sliders, tau_slider]:
        if browser_math:
            slider.jscallback(args=args, value=BROWSER_MATH_JS)
        else:
            slider.param.watch(update, "value")
    update()
    return pn.Row(pn.Column(*z_sliders, tau_slider), *charts)


if __name__.startswith("bokeh_app"):
    math = pn.state.session_args.get("math", [b""])[0]
    create_baseline(browser_math=math == b"browser").servable(title="baseline")
