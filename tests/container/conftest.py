"""The image of the repository's Dockerfile, built and run once per test session (see podman.py).

Skipped only on a developer's machine without root; in CI (CI=true), or as root, missing tools
or a failed build fail the tests: a container test that silently skips proves nothing."""

from __future__ import annotations

import os
import time
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.browser.conftest import free_port
from tests.container.podman import INSTALL_HINT, ROOT, Podman, base_tarball, missing_tools, podman_store

ARTIFACTS = ROOT / "artifacts"
PREFIX = "/softmax"


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def podman() -> Iterator[Podman]:
    """A podman store of this session's own, holding the debootstrapped base image."""
    if os.geteuid() != 0:
        if not _in_ci():
            pytest.skip("container tests need root (podman with runc and vfs storage)")
        pytest.fail("CI=true but not root: the container tests cannot run, and must not be skipped")
    missing = missing_tools()
    if missing:
        pytest.fail(f"container tools missing: {', '.join(missing)}: {INSTALL_HINT}")
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / "container.log"
    log.write_text("")
    with podman_store(log) as store:
        store.import_base(base_tarball(log))
        yield store


@dataclass(frozen=True)
class Built:
    tag: str
    seconds: float


@pytest.fixture(scope="session")
def image(podman: Podman) -> Built:
    """The Dockerfile built unchanged; removed with the store when the session ends."""
    tag = f"localhost/softmax-lab-test:{uuid.uuid4().hex[:12]}"
    started = time.monotonic()
    podman.build(tag)
    built = Built(tag, time.monotonic() - started)
    size = podman.inspect_image(tag)["Size"]
    with podman.log.open("a") as out:
        out.write(f"# built {tag} in {built.seconds:.1f} s, {size / 1e6:.0f} MB\n")
    return built


@dataclass(frozen=True)
class Running:
    name: str
    port: int
    url: str


def wait_for_liveness(podman: Podman, name: str, url: str, timeout: float = 90.0) -> None:
    """Poll /liveness until it answers 200; give up early if the container has exited."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            if not podman.running(name):
                raise RuntimeError(f"container {name} exited:\n{podman.logs(name)}") from None
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout} s:\n{podman.logs(name)}")


@pytest.fixture(scope="session")
def container(podman: Podman, image: Built) -> Iterator[Running]:
    """The image running on 127.0.0.1 (host network, free port) under a URL prefix, as behind a proxy."""
    port = free_port()
    name = f"softmax-lab-test-{uuid.uuid4().hex[:8]}"
    env = {
        "SOFTMAX_LAB_ADDRESS": "127.0.0.1",  # host network: listen on loopback only, not every interface
        "SOFTMAX_LAB_PORT": str(port),
        "SOFTMAX_LAB_PREFIX": PREFIX,
        "SOFTMAX_LAB_ALLOWED_ORIGINS": "softmax.example.org",
    }
    podman.start(name, image.tag, env)
    stop_seconds = 0.0
    try:
        wait_for_liveness(podman, name, f"http://127.0.0.1:{port}{PREFIX}/liveness")
        yield Running(name, port, f"http://127.0.0.1:{port}{PREFIX}/app")
        assert podman.running(name), f"the server exited during the tests:\n{podman.logs(name)}"
        # `docker stop` and a pod's replacement send SIGTERM, then SIGKILL after a grace period.
        started = time.monotonic()
        podman("stop", "--time", "20", name, timeout=60)
        stop_seconds = time.monotonic() - started
    finally:
        server_log = podman.logs(name)
        (ARTIFACTS / "container-server.log").write_text(server_log)
        podman("rm", "--force", "--time", "5", name, timeout=60, check=False)
    assert "Traceback" not in server_log, server_log
    assert stop_seconds < 10, f"SIGTERM did not stop the server: podman stop took {stop_seconds:.1f} s"
