"""A light Bokeh-protocol client: one real websocket session without a browser.

It does what the page does: fetches the app page for its session token, opens the
websocket with the token, pulls the document, and sends PATCH-DOC messages that
change slider values, as a browser sync would. The server answers each patch with
OK once it has applied it, which measures how far the server lags behind.
Used by the soak test and the capacity benchmark; traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
from typing import Any

from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import WebSocketClientConnection, websocket_connect

TOKEN = re.compile(r'"token":\s*"([^"]+)"')


def _find_models(node: Any, found: dict[str, dict]) -> None:
    """Collect every serialized model of the document JSON by id."""
    if isinstance(node, dict):
        if node.get("type") == "object" and "id" in node:
            found[node["id"]] = node
        for value in node.values():
            _find_models(value, found)
    elif isinstance(node, list):
        for value in node:
            _find_models(value, found)


class BokehSession:
    """One session of the app at ``base_url`` (e.g. http://127.0.0.1:5006), driven over its websocket."""

    def __init__(self, websocket: WebSocketClientConnection, slider_ids: dict[str, str]) -> None:
        self.websocket = websocket
        self.slider_ids = slider_ids  # css class (z-slider-1, tau-slider, ...) -> model id
        self._ids = itertools.count(1)
        self._pending: dict[str, asyncio.Future] = {}
        self._reader: asyncio.Task | None = None
        self.server_lag_s: list[float] = []  # send -> OK from the server, per patch

    @classmethod
    async def open(cls, base_url: str, app_path: str = "/app", timeout: float = 30) -> BokehSession:
        page = await AsyncHTTPClient().fetch(f"{base_url}{app_path}", request_timeout=timeout)
        token = TOKEN.search(page.body.decode()).group(1)
        ws_url = f"ws{base_url.removeprefix('http')}{app_path}/ws"
        websocket = await websocket_connect(
            HTTPRequest(ws_url, headers={"Origin": base_url}, request_timeout=timeout),
            subprotocols=["bokeh", token],
        )
        session = cls(websocket, {})
        await session._read_message()  # ACK
        await session._send("PULL-DOC-REQ", {})
        reply = await session._read_message()
        session.slider_ids = cls._sliders(reply["content"]["doc"])
        session._reader = asyncio.get_running_loop().create_task(session._read_forever())
        return session

    @staticmethod
    def _sliders(doc: dict) -> dict[str, str]:
        models: dict[str, dict] = {}
        _find_models(doc, models)
        sliders = {}
        for model in models.values():
            if model.get("name") == "Slider":
                for css_class in model.get("attributes", {}).get("css_classes", []):
                    sliders[css_class] = model["id"]
        return sliders

    async def _send(self, msgtype: str, content: dict) -> str:
        msgid = str(next(self._ids))
        header = {"msgid": msgid, "msgtype": msgtype}
        for part in (header, {}, content):
            await self.websocket.write_message(json.dumps(part))
        return msgid

    async def _read_message(self) -> dict:
        parts = []
        while len(parts) < 3:
            frame = await self.websocket.read_message()
            if frame is None:
                raise ConnectionError("the server closed the websocket")
            parts.append(json.loads(frame))
        header, _metadata, content = parts
        for _ in range(header.get("num_buffers", 0)):  # each buffer: a JSON ref, then the bytes
            await self.websocket.read_message()
            await self.websocket.read_message()
        return {"header": header, "content": content}

    async def _read_forever(self) -> None:
        while True:
            message = await self._read_message()
            reqid = message["header"].get("reqid")
            if reqid in self._pending:
                self._pending.pop(reqid).set_result(message)

    async def set_value(self, css_class: str, value: float, timeout: float = 10) -> dict:
        """Change a slider as a browser sync does; returns when the server has applied it."""
        event = {"kind": "ModelChanged", "model": {"id": self.slider_ids[css_class]}, "attr": "value",
                 "new": value}
        started = time.perf_counter()
        msgid = await self._send("PATCH-DOC", {"events": [event]})
        future = asyncio.get_running_loop().create_future()
        self._pending[msgid] = future
        reply = await asyncio.wait_for(future, timeout)
        self.server_lag_s.append(time.perf_counter() - started)
        if reply["header"]["msgtype"] != "OK":
            raise RuntimeError(f"server answered {reply['header']['msgtype']}: {reply['content']}")
        return reply

    async def server_values(self, timeout: float = 10) -> dict[str, float]:
        """The slider values in the server's copy of this session's document."""
        msgid = await self._send("PULL-DOC-REQ", {})
        future = asyncio.get_running_loop().create_future()
        self._pending[msgid] = future
        reply = await asyncio.wait_for(future, timeout)
        models: dict[str, dict] = {}
        _find_models(reply["content"]["doc"], models)
        return {css: models[model_id]["attributes"]["value"] for css, model_id in self.slider_ids.items()}

    def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
        self.websocket.close()
