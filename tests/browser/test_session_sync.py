"""The session's Python state follows what the user does in the browser.

The server runs in this process (Panel's threaded server) so that the test can
read each session's SoftmaxState: the browser computes, Python stays the reference.
"""

from __future__ import annotations

import time

import numpy as np
import panel as pn
import pytest
from playwright.sync_api import expect

from components.serving.server import create_app
from components.serving.visitor import Visitor
from tests.browser.conftest import free_port, wait_for_http
from tests.browser.screen import open_app, press_on_slider, readout


def wait_until(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.05)


@pytest.fixture
def in_process_app():
    """The served app (serving/server.py create_app), each visitor's session recorded."""
    labs: list[Visitor] = []

    def app() -> None:  # a plain function: Panel takes any other callable for a component
        create_app(on_visitor=labs.append)

    port = free_port()
    server = pn.serve({"app": app}, port=port, address="127.0.0.1", threaded=True, show=False, start=True,
                      liveness=True, allow_websocket_origin=[f"127.0.0.1:{port}"])
    wait_for_http(f"http://127.0.0.1:{port}/liveness")
    yield f"http://127.0.0.1:{port}/app", labs
    server.stop()


def test_python_state_follows_keys_typing_and_reset(page, in_process_app):
    url, labs = in_process_app
    open_app(page, url)
    wait_until(lambda: len(labs) == 1)
    state = labs[0].state
    press_on_slider(page, "z-slider-2", "ArrowRight", 7)
    box = page.locator(".tau-input input")
    box.fill("3")
    box.press("Enter")
    expect(page.locator(".tau-slider .bk-slider-value")).to_have_text("3")
    shown = readout(page)
    wait_until(lambda: np.isclose(state.tau, 3.0) and np.isclose(state.z[1], -0.3))
    assert np.allclose(state.active_z, shown["z"])
    assert [round(v, 3) for v in state.softmax_outputs] == shown["a"]
    page.get_by_role("button", name="Reset to the book's values").click()
    wait_until(lambda: state.active_z == [2.5, -1.0, 3.2, 0.5] and np.isclose(state.tau, 1.0))


def test_typed_values_reach_python_exactly(page, in_process_app):
    """Issue 19 item 2: the state gets what was typed, not the slider's step or the rounded display."""
    url, labs = in_process_app
    open_app(page, url)
    wait_until(lambda: len(labs) == 1)
    state = labs[0].state
    for typed, z in (("2", 2.0), ("2.004", 2.004), ("2", 2.0), ("−1,25", -1.25)):
        box = page.locator(".z-input-1 input")
        box.fill(typed)
        box.press("Enter")
        wait_until(lambda z=z: state.z[0] == z)
    for typed, tau in (("19.99", 19.99), ("20", 20.0)):
        box = page.locator(".tau-input input")
        box.fill(typed)
        box.press("Enter")
        wait_until(lambda tau=tau: np.isclose(state.tau, tau, rtol=1e-12, atol=0))
    assert state.notices == []


def test_python_changes_reach_the_browser(page, in_process_app):
    url, labs = in_process_app
    open_app(page, url)
    wait_until(lambda: len(labs) == 1)
    lab = labs[0]
    lab.document.add_next_tick_callback(lambda: lab.state.set_z(0, -4.0))
    expect(page.locator(".z-slider-1 .bk-slider-value")).to_have_text("-4.0")
    assert readout(page)["z"][0] == -4.0


def test_a_preset_that_narrows_the_range_is_not_undone_by_the_server(page, in_process_app):
    """The server clamps its state when the range narrows; it must not echo old values back."""
    url, labs = in_process_app
    open_app(page, url)
    wait_until(lambda: len(labs) == 1)
    state = labs[0].state
    page.get_by_role("button", name="Extreme values (|z| = 1000)").click()
    wait_until(lambda: state.z_limit == 1000 and state.active_z == [1000.0, -1000.0, 999.0, 0.0])
    page.get_by_role("button", name="All equal").click()
    wait_until(lambda: state.z_limit == 5 and state.active_z == [1.0, 1.0, 1.0, 1.0])
    expect(page.locator(".z-input-1 input")).to_have_value("1.0")
    assert readout(page)["z"] == [1.0, 1.0, 1.0, 1.0]
    assert readout(page)["a"] == [0.25] * 4
