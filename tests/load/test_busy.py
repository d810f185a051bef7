"""A full server says so (components/serving/busy.py): past SOFTMAX_LAB_MAX_SESSIONS open sessions a
new page gets HTTP 503, a retry time and a page in its language; the visitors already working keep
working, and once a session has gone a new visitor is let in."""

from __future__ import annotations

import pytest
from tornado.httpclient import AsyncHTTPClient, HTTPClientError

from components.words.i18n import Texts
from tests.load.bokeh_session import BokehSession
from tests.load.conftest import wait_for_sessions
from tests.load.test_soak import run_async


async def refused(url: str) -> HTTPClientError:
    with pytest.raises(HTTPClientError) as caught:
        await AsyncHTTPClient().fetch(url, request_timeout=30)
    return caught.value


async def fill_then_refuse(base_url: str) -> None:
    working = [await BokehSession.open(base_url, timeout=60) for _ in range(3)]
    for lang in ("en", "zh-Hant"):
        error = await refused(f"{base_url}/app?lang={lang}&z=1,2")
        assert error.code == 503
        assert error.response.headers["Retry-After"] == "10"
        page = error.response.body.decode()
        assert Texts(lang)("busy.title") in page and 'http-equiv="refresh"' in page
        assert "Traceback" not in page
    reply = await working[0].set_value("z-slider-1", 2.5, timeout=30)  # the working keep working
    assert reply["header"]["msgtype"] == "OK"
    assert (await working[0].server_values())["z-slider-1"] == 2.5
    working.pop().close()
    wait_for_sessions(base_url, 2)
    arrived = await BokehSession.open(base_url, timeout=60)  # room again: the next visitor gets in
    assert arrived.visitor_id is not None
    for session in [*working, arrived]:
        session.close()


@pytest.mark.timeout(180)
def test_a_full_server_answers_503_with_a_page_that_retries(app_server):
    base_url = app_server(max_sessions="3", session_lifetime_ms="1000")
    run_async(fill_then_refuse(base_url))
