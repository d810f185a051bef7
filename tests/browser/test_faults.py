"""Faults: the server goes away while a page is open, and comes back."""

from __future__ import annotations

import os
import subprocess
import sys

from playwright.sync_api import expect

from components.model import softmax_math as sm
from tests.browser.conftest import ROOT, free_port, server_faults, wait_for_http
from tests.browser.screen import open_app, press_on_slider, readout


def start_server(port: int) -> subprocess.Popen:
    env = {**os.environ, "SOFTMAX_LAB_PORT": str(port)}
    process = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wait_for_http(f"http://127.0.0.1:{port}/liveness", process=process)
    return process


def stop_server(process: subprocess.Popen) -> str:
    process.terminate()
    _out, err = process.communicate(timeout=10)
    return err


def test_server_restart_is_announced_and_a_reload_restores_the_state(page):
    port = free_port()
    server = start_server(port)
    try:
        open_app(page, f"http://127.0.0.1:{port}/app")
        press_on_slider(page, "z-slider-2", "ArrowRight", 15)
        page.wait_for_url(lambda url: "z=2.5%2C0.5%2C3.2%2C0.5" in url, timeout=5000)
        banner = page.locator(".connection-lost .bk-clearfix")
        expect(banner).to_be_hidden()
        assert not server_faults(stop_server(server))
        expect(banner).to_be_visible()
        expect(banner).to_contain_text("connection to the server was lost")
        # Every tab works without the server: the page is whole in the browser (it said, when the
        # server built tabs on opening, that this one could not be built).
        page.get_by_role("tab", name="Sweep").click()
        expect(page.locator(".sweep-chart canvas").first).to_be_visible()
        # The page still computes without its server.
        press_on_slider(page, "z-slider-1", "ArrowLeft", 5)
        expect(page.locator(".z-slider-1 .bk-slider-value")).to_have_text("2.0")
        assert readout(page)["a"] == [round(v, 3) for v in sm.softmax([2.0, 0.5, 3.2, 0.5])]
        server = start_server(port)
        page.get_by_role("button", name="Reload").click()
        open_app(page, page.url)
        expect(page.locator(".z-slider-1 .bk-slider-value")).to_have_text("2.0")
        assert readout(page)["z"] == [2.0, 0.5, 3.2, 0.5]
        expect(banner).to_be_hidden()
    finally:
        stop_server(server)
