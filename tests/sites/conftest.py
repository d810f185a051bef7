"""Real course sites: examples/sites/ built by Sphinx (MyST pages) and by MkDocs, each page
embedding the demo twice (the exported file beside it, and an iframe of the served app).

Built once per test session in a temporary folder, with the exported file copied in and the
served app's address given at build time (SOFTMAX_LAB_URL); the built sites are then served by
a plain HTTP server on 127.0.0.1, whose host:port is in the app's SOFTMAX_LAB_ALLOWED_ORIGINS.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.browser.conftest import ROOT, free_port, server_faults, wait_for_http
from tests.browser.test_embed import static_host

SITES = ROOT / "examples" / "sites"
EMBED_FILE = "softmax-lab.html"  # the name the pages give the exported demo


@dataclass(frozen=True)
class CourseSites:
    built: Path  # one folder per generator: built / "sphinx", built / "mkdocs"
    host: str  # 127.0.0.1:PORT of the HTTP server that serves ``built``
    app_url: str  # the served app the pages embed

    def page_url(self, site: str, opened: str) -> str:
        """The Softmax page of ``site``, from disk (``file``) or from the HTTP server (``http``)."""
        page = self.built / site / "softmax.html"
        return page.as_uri() if opened == "file" else f"http://{self.host}/{site}/softmax.html"


def generator(module: str, command: str) -> list[str]:
    """How to run a site generator: from this Python (requirements-test.txt pins it), else from PATH."""
    if importlib.util.find_spec(module) is not None:
        return [sys.executable, "-m", module]
    found = shutil.which(command)
    if found:
        return [found]
    pytest.fail(f"{command} is not installed: pip install -r requirements-test.txt")


def build(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{' '.join(command)}\n{result.stdout}\n{result.stderr}"


def build_sites(sources: Path, built: Path, exported: Path, app_url: str) -> None:
    """Both sites, with warnings as errors, from copies of examples/sites/ (the sources stay clean)."""
    env = {**os.environ, "SOFTMAX_LAB_URL": app_url}
    sphinx = sources / "sphinx"
    shutil.copytree(SITES / "sphinx", sphinx, ignore=shutil.ignore_patterns("_build", "_extra"))
    (sphinx / "_extra").mkdir()
    shutil.copy(exported, sphinx / "_extra" / EMBED_FILE)
    build([*generator("sphinx", "sphinx-build"), "-b", "html", "-q", "-W", str(sphinx),
           str(built / "sphinx")], env)
    mkdocs = sources / "mkdocs"
    shutil.copytree(SITES / "mkdocs", mkdocs, ignore=shutil.ignore_patterns("site", EMBED_FILE))
    shutil.copy(exported, mkdocs / "docs" / EMBED_FILE)
    build([*generator("mkdocs", "mkdocs"), "build", "-q", "--strict", "-f", str(mkdocs / "mkdocs.yml"),
           "-d", str(built / "mkdocs")], env)


@pytest.fixture(scope="session")
def course_sites(tmp_path_factory: pytest.TempPathFactory, exported: Path) -> Iterator[CourseSites]:
    """Both sites built and served, and `python app.py` allowing them to frame it."""
    root = tmp_path_factory.mktemp("sites")
    built = root / "built"
    built.mkdir()
    site_server, host = static_host(built)
    port = free_port()
    app_url = f"http://127.0.0.1:{port}/app"
    # The course site's host:port for the served pages; file: for the same pages opened from disk.
    env = {**os.environ, "SOFTMAX_LAB_PORT": str(port), "SOFTMAX_LAB_ALLOWED_ORIGINS": f"{host},file:"}
    log_path = root / "app.log"  # a file, not a pipe: a full pipe would stall the server
    log = open(log_path, "w")  # noqa: SIM115 (closed below, after the server has stopped)
    app = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env,
                           stdout=log, stderr=subprocess.STDOUT)
    try:
        build_sites(root / "sources", built, exported, app_url)  # while the app starts
        wait_for_http(f"http://127.0.0.1:{port}/liveness", process=app)
        yield CourseSites(built=built, host=host, app_url=app_url)
    finally:
        app.terminate()
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
        log.close()
        site_server.shutdown()
    server_log = log_path.read_text()
    assert not server_faults(server_log), server_log
