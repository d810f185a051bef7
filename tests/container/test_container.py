"""The repository's Dockerfile built with podman and run as an operator would run it: the demo works
in Chromium through the container, as a non-root user, with a working HEALTHCHECK."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from components.model import softmax_math as sm
from tests.browser.conftest import free_port
from tests.container.conftest import PREFIX, Built, Running
from tests.container.podman import ROOT, Podman

# The first test's setup builds the image (1-2 min; plus debootstrap, 30-40 s, on a machine's first
# run): more than the suite's 300 s default could take on a slow mirror.
pytestmark = pytest.mark.timeout(900)

# Generous, but a budget: the image was 454 MB when this was written (python3 + panel + pandas + numpy).
IMAGE_SIZE_BUDGET = 550e6


def test_a_slider_moved_with_the_keyboard_shows_numpys_softmax(container: Running) -> None:
    result = subprocess.run([sys.executable, "-m", "tests.container.drive_page", container.url], cwd=ROOT,
                            capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    shown = json.loads(result.stdout.splitlines()[-1])
    before, after = shown["before"], shown["after"]
    assert after["z"][3] > before["z"][3] and after["z"][:3] == before["z"][:3], shown["slider_text"]
    assert before["a"] == [round(v, 3) for v in sm.softmax(before["z"])]
    assert after["a"] == [round(v, 3) for v in sm.softmax(after["z"])]
    assert after["sigma"] == [round(v, 3) for v in sm.sigmoid(after["z"])]
    assert after["a"][3] > before["a"][3]
    # The numbers above are the browser's (the JS twin); the session in the container must also
    # have received the new z4 over the websocket (origin allowed, prefix right) and acknowledged it.
    assert shown["acknowledged"], shown["last_messages"]
    assert shown["sockets"] and all(url.startswith(f"ws://127.0.0.1:{container.port}{PREFIX}/")
                                    for url in shown["sockets"]), shown["sockets"]
    # Everything came from the container; nothing from a CDN.
    own = (f"http://127.0.0.1:{container.port}/", f"blob:http://127.0.0.1:{container.port}/", "data:")
    outside = [url for url in shown["loaded"] if not url.startswith(own)]
    assert shown["loaded"] and not outside, outside
    assert not shown["errors"], shown["errors"]


def test_the_server_runs_as_a_non_root_user(podman: Podman, image: Built, container: Running) -> None:
    user = podman.inspect_image(image.tag)["Config"]["User"]
    assert user.split(":")[0].isdigit() and int(user.split(":")[0]) != 0, user  # numeric: runAsNonRoot
    assert podman("exec", container.name, "id", "-u").stdout.strip() == user.split(":")[0]
    name = podman("exec", container.name, "id", "-un").stdout.strip()
    # Every process of the container (tini and the server), effective and real user, read from the host.
    processes = podman("top", container.name, "user", "ruser", "args").stdout.splitlines()[1:]
    assert any("app.py" in line for line in processes), processes
    assert all(line.split()[:2] == [name, name] for line in processes), processes


def test_the_healthcheck_is_defined_and_can_fail(podman: Podman, image: Built, container: Running) -> None:
    check = podman.inspect_image(image.tag).get("Healthcheck") or {}
    assert check.get("Test", [""])[0] == "CMD" and "/liveness" in " ".join(check["Test"]), check
    assert check["Interval"] > 0 and check["Timeout"] > 0 and check["Retries"] > 0
    assert podman("healthcheck", "run", container.name, check=False).returncode == 0
    # The same command against a port nothing listens on must report unhealthy, not pass anyway.
    closed = podman("exec", "--env", f"SOFTMAX_LAB_PORT={free_port()}", container.name, *check["Test"][1:],
                    check=False)
    assert closed.returncode != 0


def test_the_image_holds_the_app_read_only_and_nothing_else(podman: Podman, image: Built,
                                                            container: Running) -> None:
    config = podman.inspect_image(image.tag)["Config"]
    assert config["Cmd"] == ["python", "app.py"] and config["Entrypoint"] == ["/usr/bin/tini", "--"]
    assert "5006/tcp" in config["ExposedPorts"]
    assert "SOFTMAX_LAB_ADDRESS=0.0.0.0" in config["Env"]
    listing = podman("exec", container.name, "ls", "-A", "/app").stdout.split()
    assert listing == ["app.py", "components", "static"]
    owners = podman("exec", container.name, "stat", "-c", "%u", "/app/app.py", "/app/components").stdout
    assert owners.split() == ["0", "0"]  # the server's user can read the app but not rewrite it
    assert podman("exec", container.name, "python", "-m", "pip", "--version", check=False).returncode != 0
    size = podman.inspect_image(image.tag)["Size"]
    assert size < IMAGE_SIZE_BUDGET, f"image is {size / 1e6:.0f} MB"


def test_the_image_exports_the_static_page_as_its_non_root_user(podman: Podman, container: Running) -> None:
    """The other way to scale: one HTML file for any web host, written with the read-only root (to /tmp)."""
    podman("exec", container.name, "python", "app.py", "export", "/tmp/demo.html", timeout=120)
    head = podman("exec", container.name, "head", "-c", "200", "/tmp/demo.html").stdout
    size = podman("exec", container.name, "stat", "-c", "%s", "/tmp/demo.html").stdout
    assert "<html" in head.lower() and int(size) > 100_000


@pytest.mark.parametrize("variable, value", [("SOFTMAX_LAB_PORT", "http"), ("SOFTMAX_LAB_NUM_PROCS", "-1")])
def test_the_images_command_refuses_a_bad_setting_with_a_message(podman: Podman, container: Running,
                                                                 variable: str, value: str) -> None:
    """What an operator sees in the container's log for a typo (exec'd: vfs makes new containers slow)."""
    result = podman("exec", "--env", f"{variable}={value}", container.name, "python", "app.py", check=False)
    assert result.returncode == 2
    assert variable in result.stderr
