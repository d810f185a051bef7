"""components/serving/settings.py: every server setting reaches the server that pn.serve starts.

pn.serve passes unknown keyword arguments on to Bokeh, which passes them on to tornado as
application settings: a misspelt name is silently ignored (SOFTMAX_LAB_SESSION_LIFETIME_MS
once had no effect that way), so the names are checked against the servers' signatures.
"""

from __future__ import annotations

import inspect
import os

import panel as pn
import pytest
from bokeh.server.server import _ServerOpts
from bokeh.server.tornado import BokehTornado
from bokeh.server.util import create_hosts_allowlist
from bokeh.settings import settings as bokeh_settings
from tornado.web import Application

from components.serving.settings import ServerSettings, skip_document_validation


def accepted_names() -> set[str]:
    names: set[str] = set()
    for function in (pn.serve, pn.io.server.get_server, BokehTornado.__init__, Application.__init__):
        names |= {name for name, parameter in inspect.signature(function).parameters.items()
                  if parameter.kind is not inspect.Parameter.VAR_KEYWORD}
    names |= {name for name in dir(_ServerOpts) if not name.startswith("_")}
    return names


def test_every_server_setting_is_a_name_the_servers_know():
    settings = ServerSettings.from_env({"SOFTMAX_LAB_SESSION_LIFETIME_MS": "2000", "SOFTMAX_LAB_STATS": "1"})
    unknown = set(settings.server_kwargs()) - accepted_names()
    assert not unknown, f"ignored by pn.serve / Bokeh / tornado: {sorted(unknown)}"


def test_session_lifetime_reaches_bokeh():
    kwargs = ServerSettings.from_env({"SOFTMAX_LAB_SESSION_LIFETIME_MS": "2000"}).server_kwargs()
    lifetime = {key: value for key, value in kwargs.items() if "unused_session" in key}
    assert lifetime == {"unused_session_lifetime_milliseconds": 2000,
                        "check_unused_sessions_milliseconds": 2000}


@pytest.mark.parametrize(("asked", "validated"), [(None, False), ("true", True), ("false", False)])
def test_sessions_skip_document_validation_unless_bokeh_validate_doc_says(monkeypatch, asked, validated):
    validation = bokeh_settings.perform_document_validation
    if asked is None:
        monkeypatch.delenv("BOKEH_VALIDATE_DOC", raising=False)
    else:
        monkeypatch.setenv("BOKEH_VALIDATE_DOC", asked)
    validation.unset_value()  # an app served earlier in this process may have set it
    try:
        skip_document_validation(os.environ)
        assert validation() is validated
    finally:
        validation.unset_value()


@pytest.mark.parametrize("spelt", ["file:", "file://", " FILE:// "])
def test_pages_opened_from_disk_may_frame_the_app(spelt):
    # A course site built by Sphinx or MkDocs and opened from disk: its pages have no host, so
    # file: is a CSP scheme source for iframes, and no websocket origin (Bokeh would refuse to start).
    settings = ServerSettings.from_env({"SOFTMAX_LAB_ALLOWED_ORIGINS": f"course.example.edu,{spelt}"})
    assert settings.frame_ancestors == "'self' course.example.edu file:"
    assert "file:" not in settings.websocket_origins
    assert "course.example.edu:80" in create_hosts_allowlist(settings.websocket_origins, settings.port)
