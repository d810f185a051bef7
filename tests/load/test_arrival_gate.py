"""Arrivals queue at the gate (components/serving/admission.py): one page build at a time, in the
order they came, with the work of the visitors already working run in between; and through the
gated page handler of `python app.py` (serving/busy.py) every one of a class opened at once still
gets its own state, while a visitor already working has its changes applied."""

from __future__ import annotations

import asyncio
import math

import panel as pn
import pytest
from bokeh.server.urls import per_app_patterns

from components.serving.admission import ArrivalGate
from components.serving.busy import cap_sessions
from components.serving.server import create_app
from components.serving.visitor import Visitor
from tests.browser.conftest import free_port, wait_for_http
from tests.load.bokeh_session import BokehSession
from tests.load.conftest import run_async


def test_arrivals_are_built_one_at_a_time_in_the_order_they_came() -> None:
    gate = ArrivalGate()
    inside: list[int] = []
    built: list[int] = []
    most_inside = 0

    async def arrival(index: int) -> None:
        nonlocal most_inside
        async with gate.admitted():
            inside.append(index)
            most_inside = max(most_inside, len(inside))
            await asyncio.sleep(0)  # a build that waits inside (Bokeh's session creation does)
            built.append(index)
            inside.remove(index)

    async def a_class() -> None:
        await asyncio.gather(*(arrival(i) for i in range(30)))

    run_async(a_class())
    assert built == list(range(30))
    assert most_inside == 1
    assert gate.waiting == 0


@pytest.mark.parametrize("turns", [1, 3])
def test_work_that_became_ready_runs_before_the_next_arrival_is_built(turns: int) -> None:
    """A working visitor's change whose handling takes ``turns`` turns of the loop (its frames read,
    the patch applied, the reply written), ready while the first arrival is built, is done before
    the second is built, and so on for each arrival; without the gate the builds all come first."""

    def run(gated: bool) -> list[str]:
        gate = ArrivalGate(turns_between=3)
        events: list[str] = []

        def working_change(index: int, left: int) -> None:
            if left > 1:
                asyncio.get_running_loop().call_soon(working_change, index, left - 1)
            else:
                events.append(f"change {index}")

        async def arrival(index: int) -> None:
            async def build() -> None:  # synchronous, as a page build is; meanwhile a change comes in
                events.append(f"build {index}")
                asyncio.get_running_loop().call_soon(working_change, index, turns)

            if gated:
                async with gate.admitted():
                    await build()
            else:
                await build()

        async def a_class() -> None:
            await asyncio.gather(*(arrival(i) for i in range(5)))
            await asyncio.sleep(0.01)  # the last change's turns

        run_async(a_class())
        return events

    assert run(gated=True) == [event for i in range(5) for event in (f"build {i}", f"change {i}")]
    assert run(gated=False)[:5] == [f"build {i}" for i in range(5)]


VISITORS = 40


@pytest.fixture
def gated_server():
    """The app in this process behind `python app.py`'s page handler (busy.py: cap and gate)."""
    visitors: list[Visitor] = []
    kept = list(per_app_patterns)
    cap_sessions(10_000)

    def app() -> None:
        create_app(on_visitor=visitors.append)

    port = free_port()
    server = pn.serve({"app": app}, port=port, address="127.0.0.1", threaded=True, show=False, start=True,
                      liveness=True, allow_websocket_origin=[f"127.0.0.1:{port}"])
    try:
        wait_for_http(f"http://127.0.0.1:{port}/liveness")
        yield f"http://127.0.0.1:{port}", visitors
    finally:
        server.stop()
        per_app_patterns[:] = kept


async def a_class_while_one_works(base_url: str) -> tuple[list[tuple[str, float]], str, list[float]]:
    """A working visitor changes z_1 again and again while VISITORS open at once; visitor i then
    sets z_1 = i / 10 - 2. Returns what each set, the working visitor's id and its values."""
    working = await BokehSession.open(base_url, timeout=120)
    sent: list[float] = []
    arrived = asyncio.Event()

    async def keep_working() -> None:
        value = 0.0
        while not arrived.is_set() or not sent:
            value = round(value + 0.1, 1)
            await working.set_value("z-slider-1", value, timeout=120)
            sent.append(value)

    worker = asyncio.ensure_future(keep_working())
    sessions = await asyncio.gather(*(BokehSession.open(base_url, timeout=120) for _ in range(VISITORS)))
    arrived.set()
    await worker
    wanted = [(s.visitor_id, round(i / 10 - 2, 1)) for i, s in enumerate(sessions)]
    await asyncio.gather(*(s.set_value("z-slider-1", z, timeout=60) for s, (_, z) in zip(sessions, wanted,
                                                                                          strict=True)))
    for session in [*sessions, working]:
        session.close()
    return wanted, working.visitor_id, sent


@pytest.mark.timeout(300)
def test_a_class_through_the_gate_each_has_its_own_state_and_the_working_keep_working(gated_server):
    base_url, visitors = gated_server
    wanted, working_id, sent = run_async(a_class_while_one_works(base_url))
    by_id = {visitor.model.id: visitor for visitor in visitors}
    assert len(by_id) == VISITORS + 1  # one session, one state each
    for model_id, z in wanted:
        assert by_id[model_id].state.z[0] == z
        assert math.isclose(by_id[model_id].state.tau, 1.0)
    assert by_id[working_id].state.z[0] == sent[-1]  # every change applied, the last one last
    assert len({id(visitor.state) for visitor in visitors}) == VISITORS + 1
