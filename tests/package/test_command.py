"""The installed package from a folder outside the clone: the `softmax-lab` command (version,
help, a refused argument, the offline export opened in Chromium, the server driven in Chromium,
with the same allocator re-exec as `python app.py`) and the notebook import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import checked_page, free_port, server_faults, wait_for_http
from tests.browser.screen import chart, open_app, press_on_slider, readout
from tests.test_notebook import assert_demo_displays_inline

from .conftest import INSTALL_TIMEOUT

pytestmark = pytest.mark.timeout(INSTALL_TIMEOUT + 300)


def test_the_installed_package_is_not_the_clone(installed):
    probe = ("import importlib.util, json, softmax_lab, softmax_lab.browser.browser_js as js;"
             "print(json.dumps([softmax_lab.__file__, str(js.STATIC_DIR),"
             " importlib.util.find_spec('components') is None]))")
    result = subprocess.run([str(installed.python), "-c", probe], cwd=installed.outside,
                            env=installed.env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    package_file, static_dir, no_components = json.loads(result.stdout)
    package = Path(package_file).parent
    assert installed.root in package.parents and package.name == "softmax_lab"
    assert Path(static_dir) == package / "static"
    assert no_components  # the generic name of the clone's folder is not installed


def test_version_and_help(installed):
    version = installed.run("--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == "softmax-lab 0.1.0"
    helped = installed.run("--help")
    assert helped.returncode == 0 and helped.stdout.startswith("usage: softmax-lab")
    assert "export" in helped.stdout
    export_help = installed.run("export", "--help")
    assert export_help.returncode == 0 and "--lang" in export_help.stdout


@pytest.mark.parametrize("args", [["--bogus"], ["export"], ["export", "--lang", "xx", "x.html"],
                                  ["export", "no/such/folder/x.html"], ["serve", "extra"]], ids=" ".join)
def test_bad_arguments_are_one_line_and_exit_code_2(installed, args):
    result = installed.run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stderr.startswith("softmax-lab") and "Traceback" not in result.stderr
    assert list(installed.outside.iterdir()) == []


def test_bad_server_settings_are_one_line_and_exit_code_2(installed):
    result = installed.run(SOFTMAX_LAB_PORT="abc")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "SOFTMAX_LAB_PORT" in result.stderr


@pytest.fixture
def offline_page(browser):
    """A page that may load local HTML files only; every other request is blocked and recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    blocked: list[str] = []

    def only_the_file(route):
        if route.request.url.startswith("file://") and route.request.url.endswith(".html"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_the_file)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, blocked
    context.close()
    assert not errors


def test_export_writes_a_file_that_works_offline(installed, offline_page, tmp_path):
    result = installed.run("export", "x.html")
    assert result.returncode == 0, result.stderr
    exported = installed.outside / "x.html"
    try:
        assert "wrote x.html" in result.stdout and exported.stat().st_size > 100_000
        page, blocked = offline_page
        open_app(page, exported.as_uri())
        before = chart(page, "softmax-chart")["values"]
        press_on_slider(page, "z-slider-4", "ArrowRight", 20)
        expect(page.locator(".z-slider-4 .bk-slider-value")).to_have_text("2.5")
        after = chart(page, "softmax-chart")["values"]
        assert after[3] > before[3] and all(a < b for a, b in zip(after[:3], before[:3], strict=True))
        assert readout(page)["a"][3] == round(after[3], 3)
        assert blocked == []
    finally:
        exported.unlink(missing_ok=True)
    chinese = installed.run("export", "--lang", "zh-Hant", str(tmp_path / "zh.html"))
    assert chinese.returncode == 0, chinese.stderr
    assert '<html lang="zh-Hant">' in (tmp_path / "zh.html").read_text(encoding="utf-8")


def test_the_command_serves_the_app_with_the_c_allocator(installed, browser, tmp_path):
    port = free_port()
    log_path = tmp_path / "softmax-lab.log"
    with open(log_path, "w") as log:
        env = installed.env(SOFTMAX_LAB_PORT=str(port), SOFTMAX_LAB_ADDRESS="127.0.0.1")
        process = subprocess.Popen([str(installed.command)], cwd=installed.outside, env=env, stdout=log,
                                   stderr=subprocess.STDOUT)
        try:
            wait_for_http(f"http://127.0.0.1:{port}/liveness", timeout=120, process=process)
            # use_system_allocator re-executed the command's script with PYTHONMALLOC=malloc, in place.
            environ = Path(f"/proc/{process.pid}/environ").read_bytes().split(b"\0")
            assert b"PYTHONMALLOC=malloc" in environ
            cmdline = Path(f"/proc/{process.pid}/cmdline").read_bytes().decode().split("\0")
            assert cmdline[:2] == [str(installed.python), str(installed.command)]
            with checked_page(browser) as page:
                requests: list[str] = []
                page.on("request", lambda request: requests.append(request.url))
                open_app(page, f"http://127.0.0.1:{port}/app")
                assert readout(page)["a"] == [0.315, 0.009, 0.633, 0.043]
                press_on_slider(page, "z-slider-4", "ArrowRight", 12)
                expect(page.locator(".z-slider-4 .bk-slider-value")).to_have_text("1.7")
                shown = readout(page)
                assert shown["a"][3] > 0.043 and shown["a"][0] < 0.315
                assert chart(page, "softmax-chart")["labels"][3] == f"{shown['a'][3]:.3f}"
                assert all(url.startswith(f"http://127.0.0.1:{port}/") for url in requests), requests
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
    server_log = log_path.read_text()
    assert f"serving http://127.0.0.1:{port}/app" in server_log
    assert not server_faults(server_log), server_log


def test_the_notebook_demo_from_any_folder(installed, tmp_path, monkeypatch):
    """tests/test_notebook.py's cells with ``from softmax_lab import demo``, in a kernel that is the
    venv's Python (a kernelspec of its own), working in a folder outside the clone."""
    spec = tmp_path / "jupyter" / "kernels" / "softmax-lab-venv"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [str(installed.python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "softmax-lab venv", "language": "python",
        "env": {"PYTHONPATH": "", "PATH": installed.env()["PATH"]},
    }))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.delenv("PYTHONPATH", raising=False)
    assert sys.executable != str(installed.python)
    assert_demo_displays_inline("softmax_lab", installed.outside, kernel_name="softmax-lab-venv")
