"""A light Bokeh-protocol client: one real websocket session without a browser.

It does what the page does: fetches the app page for its session token, opens the
websocket with the token, pulls the document (the visitor's own: a VisitorState,
components/serving/visitor.py; the page itself is shared and not in it), and sends
PATCH-DOC messages that change the inputs, as the page's link.js does when a slider moves.
A document with no VisitorState (the naive app of benchmarks/baseline_app.py) has its sliders
changed instead, as a browser sync would. The server answers each patch with OK once it has
applied it, which measures how far the server lags behind.
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


# The visitor's model (components/serving/visitor.py VisitorState) and its defaults: a document's
# JSON leaves out a property at its default.
VISITOR_MODEL = "VisitorState"
VISITOR_DEFAULTS = {"log_tau": 0.0, "k": 4, "z_range": 0, "view": 0}


class BokehSession:
    """One session of the app at ``base_url`` (e.g. http://127.0.0.1:5006), driven over its websocket.

    Inputs are named as the page's controls are (z-slider-1, tau-slider, k-slider): a change of
    one is sent as the page sends it, the visitor's whole z or its log10 tau or its K.
    """

    def __init__(self, websocket: WebSocketClientConnection, doc: dict) -> None:
        self.websocket = websocket
        visitor = self._visitor(doc)
        self.visitor_id = visitor["id"] if visitor else None
        self.values = {**VISITOR_DEFAULTS, **visitor.get("attributes", {})} if visitor else {}
        self.slider_ids = {} if visitor else self._sliders(doc)  # css class -> model id
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
        await _read(websocket)  # ACK
        await _send(websocket, "0", "PULL-DOC-REQ", {})
        reply = await _read(websocket)
        session = cls(websocket, reply["content"]["doc"])
        session._reader = asyncio.get_running_loop().create_task(session._read_forever())
        return session

    @staticmethod
    def _visitor(doc: dict) -> dict | None:
        models: dict[str, dict] = {}
        _find_models(doc, models)
        found = [model for model in models.values() if str(model.get("name")).split(".")[-1] == VISITOR_MODEL]
        if len(found) > 1:
            raise RuntimeError(f"expected one {VISITOR_MODEL} in the session's document, found {len(found)}")
        return found[0] if found else None

    @staticmethod
    def _sliders(doc: dict) -> dict[str, str]:
        models: dict[str, dict] = {}
        _find_models(doc, models)
        return {css_class: model["id"] for model in models.values() if model.get("name") == "Slider"
                for css_class in model.get("attributes", {}).get("css_classes", [])}

    async def _send(self, msgtype: str, content: dict) -> str:
        msgid = str(next(self._ids))
        await _send(self.websocket, msgid, msgtype, content)
        return msgid

    async def _read_forever(self) -> None:
        while True:
            message = await _read(self.websocket)
            reqid = message["header"].get("reqid")
            if reqid in self._pending:
                self._pending.pop(reqid).set_result(message)

    def _change(self, css_class: str, value: float) -> tuple[str, str, object]:
        """(model id, property, new value) of a change of the input ``css_class``."""
        if self.visitor_id is None:
            return self.slider_ids[css_class], "value", value
        attr, new = self._visitor_change(css_class, value)
        self.values[attr] = new
        return self.visitor_id, attr, new

    def _visitor_change(self, css_class: str, value: float) -> tuple[str, object]:
        if css_class.startswith("z-slider-"):
            z = list(self.values["z"])
            z[int(css_class.removeprefix("z-slider-")) - 1] = value
            return "z", z
        return {"tau-slider": "log_tau", "k-slider": "k"}[css_class], value

    async def set_value(self, css_class: str, value: float, timeout: float = 10) -> dict:
        """Change an input as the page does; returns when the server has applied it."""
        model_id, attr, new = self._change(css_class, value)
        event = {"kind": "ModelChanged", "model": {"id": model_id}, "attr": attr, "new": new}
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
        """The inputs in the server's copy of this session's document, named as set_value names them."""
        msgid = await self._send("PULL-DOC-REQ", {})
        future = asyncio.get_running_loop().create_future()
        self._pending[msgid] = future
        reply = await asyncio.wait_for(future, timeout)
        doc = reply["content"]["doc"]
        if self.visitor_id is None:
            models: dict[str, dict] = {}
            _find_models(doc, models)
            return {css: models[model_id]["attributes"]["value"] for css, model_id in self.slider_ids.items()}
        values = {**VISITOR_DEFAULTS, **(self._visitor(doc) or {}).get("attributes", {})}
        named = {f"z-slider-{j + 1}": v for j, v in enumerate(values["z"])}
        return {**named, "tau-slider": values["log_tau"], "k-slider": values["k"]}

    def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
        self.websocket.close()


async def _send(websocket: WebSocketClientConnection, msgid: str, msgtype: str, content: dict) -> None:
    header = {"msgid": msgid, "msgtype": msgtype}
    for part in (header, {}, content):
        await websocket.write_message(json.dumps(part))


async def _read(websocket: WebSocketClientConnection) -> dict:
    parts = []
    while len(parts) < 3:
        frame = await websocket.read_message()
        if frame is None:
            raise ConnectionError("the server closed the websocket")
        parts.append(json.loads(frame))
    header, _metadata, content = parts
    for _ in range(header.get("num_buffers", 0)):  # each buffer: a JSON ref, then the bytes
        await websocket.read_message()
        await websocket.read_message()
    return {"header": header, "content": content}
