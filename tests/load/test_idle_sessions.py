"""Sessions nobody uses any more are cleaned up after SOFTMAX_LAB_SESSION_LIFETIME_MS; one in use is not.

Real websocket sessions (tests/load/bokeh_session.py) against `python app.py` on 127.0.0.1, with
the shortest lifetime the settings allow (1 s), so the server checks for unused sessions every second.
"""

from __future__ import annotations

import asyncio
import urllib.request

import pytest

from tests.load.bokeh_session import BokehSession
from tests.load.conftest import wait_for_sessions
from tests.load.test_soak import run_async


def open_page_only(base_url: str) -> None:
    """What a browser does when its tab is closed before the page connects: the session exists,
    created by the page request, but nobody ever uses it."""
    with urllib.request.urlopen(f"{base_url}/app", timeout=60) as response:
        assert response.status == 200


@pytest.mark.timeout(180)
def test_unused_sessions_are_cleaned_up_and_a_session_in_use_is_kept(app_server):
    base_url = app_server(session_lifetime_ms="1000")
    wait_for_sessions(base_url, 0)

    async def scenario() -> None:
        in_use = await BokehSession.open(base_url)
        await in_use.set_value("z-slider-2", 1.5)
        for _ in range(3):
            open_page_only(base_url)
        # The three pages that never connected go once they are past the lifetime (the count is
        # not checked in between: on a busy machine they may be gone before it is read) ...
        await asyncio.to_thread(wait_for_sessions, base_url, 1, 60)
        # ... while the connected one is kept, with its state, however long that took.
        await in_use.set_value("z-slider-3", -2.0)
        assert {k: v for k, v in (await in_use.server_values()).items()
                if k in ("z-slider-2", "z-slider-3")} == {"z-slider-2": 1.5, "z-slider-3": -2.0}
        # A student closing the tab: the session goes too.
        in_use.close()
        await asyncio.to_thread(wait_for_sessions, base_url, 0, 60)

    run_async(scenario())
