"""A class arriving at once: each of many light visitors (real websocket sessions, opened together)
gets its own state in Python, and what each sends reaches its own state only."""

from __future__ import annotations

import asyncio
import math

import panel as pn
import pytest

from components.serving.server import create_app
from components.serving.visitor import Visitor
from tests.browser.conftest import free_port, wait_for_http
from tests.load.bokeh_session import BokehSession
from tests.load.test_soak import run_async

VISITORS = 40


@pytest.fixture
def recorded_server():
    visitors: list[Visitor] = []

    def app() -> None:
        create_app(on_visitor=visitors.append)

    port = free_port()
    server = pn.serve({"app": app}, port=port, address="127.0.0.1", threaded=True, show=False, start=True,
                      liveness=True, allow_websocket_origin=[f"127.0.0.1:{port}"])
    wait_for_http(f"http://127.0.0.1:{port}/liveness")
    yield f"http://127.0.0.1:{port}", visitors
    server.stop()


async def a_class(base_url: str) -> list[tuple[str, float, float]]:
    """VISITORS sessions opened at once; visitor i sets z_1 = i / 10 - 2 and log10 tau = i / 40 - 0.5."""
    sessions = await asyncio.gather(*(BokehSession.open(base_url, timeout=120) for _ in range(VISITORS)))
    wanted = [(s.visitor_id, round(i / 10 - 2, 1), i / 40 - 0.5) for i, s in enumerate(sessions)]
    pairs = list(zip(sessions, wanted, strict=True))
    await asyncio.gather(*(s.set_value("z-slider-1", z, timeout=60) for s, (_, z, _) in pairs))
    await asyncio.gather(*(s.set_value("tau-slider", t, timeout=60) for s, (_, _, t) in pairs))
    for session in sessions:
        session.close()
    return wanted


@pytest.mark.timeout(300)
def test_each_visitor_of_a_class_has_its_own_state(recorded_server):
    base_url, visitors = recorded_server
    wanted = run_async(a_class(base_url))
    by_id = {visitor.model.id: visitor for visitor in visitors}
    assert len(by_id) == VISITORS  # one session, one state each
    for model_id, z, log_tau in wanted:
        state = by_id[model_id].state
        assert state.z[0] == z
        assert math.isclose(state.tau, 10**log_tau, rel_tol=1e-12)
        assert state.z[1:] == [-1.0, 3.2, 0.5, *state.z[4:]] and state.k == 4  # the rest untouched
    assert len({visitor.state.z[0] for visitor in visitors}) == VISITORS
    assert len({id(visitor.state) for visitor in visitors}) == VISITORS
