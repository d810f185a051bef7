"""The package as a user gets it: the wheel and sdist built by `python -m build` from a copy of
the clone, installed with its dependencies into one clean venv per test session, and the
`softmax-lab` command run from a folder outside the clone.

Installing takes minutes (Panel, Bokeh, numpy and their dependencies from the package index), so
it happens once per session and every test reuses the venv; each step is bounded in time."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.browser.conftest import ROOT

# Everything in tests/package/ may wait for the one build and install of the session.
INSTALL_TIMEOUT = 1500
# What a build must not see: caches, local tools and outputs, none of them part of a source tree.
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "node_modules", "artifacts", "__pycache__", "*.pyc",
                                    "*.egg-info", "build", "dist", ".pytest_cache", ".hypothesis",
                                    ".ruff_cache", "test-results", "_build", "site")


@dataclass(frozen=True)
class Built:
    wheel: Path
    sdist: Path


@dataclass(frozen=True)
class Installed:
    """A clean venv holding the wheel (and ipykernel for the notebook test)."""

    root: Path
    python: Path
    command: Path
    outside: Path  # a folder outside the clone, the working directory of every run

    def env(self, **extra: str) -> dict[str, str]:
        """The environment a user's shell would give: nothing pointing at the clone or its venv."""
        env = {key: value for key, value in os.environ.items()
               if key not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONMALLOC", "PYTHONHOME"}
               and not key.startswith("SOFTMAX_LAB_")}
        env["PATH"] = os.pathsep.join([str(self.root / "bin"), "/usr/local/bin", "/usr/bin", "/bin"])
        return {**env, **extra}

    def run(self, *args: str, timeout: float = 120, **extra_env: str) -> subprocess.CompletedProcess:
        """``softmax-lab ARGS`` in the outside folder."""
        return subprocess.run([str(self.command), *args], cwd=self.outside, env=self.env(**extra_env),
                              capture_output=True, text=True, timeout=timeout)


def pin(requirements: Path, name: str) -> str:
    """The ``name==version`` line of a requirements file."""
    for line in requirements.read_text().splitlines():
        if line.split("==")[0].strip().lower() == name:
            return line.strip()
    raise LookupError(f"{name} is not pinned in {requirements.name}")


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Built:
    """`python -m build` (sdist, then the wheel from the sdist) on a copy of the clone, so that the
    clone gets no egg-info or build folder and a build in progress cannot see another's."""
    source = tmp_path_factory.mktemp("source") / "softmax-lab"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    dist = tmp_path_factory.mktemp("dist")
    result = subprocess.run([sys.executable, "-m", "build", "--outdir", str(dist), str(source)],
                            capture_output=True, text=True, timeout=INSTALL_TIMEOUT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    wheels, sdists = list(dist.glob("*.whl")), list(dist.glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, list(dist.iterdir())
    return Built(wheel=wheels[0], sdist=sdists[0])


@pytest.fixture(scope="session")
def installed(built, tmp_path_factory) -> Installed:
    """One clean venv (`python -m venv`) with the wheel and its pinned dependencies from the package
    index, as `pip install softmax_lab-*.whl` gives a user, and ipykernel at the test pin."""
    root = tmp_path_factory.mktemp("venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(root)], check=True, timeout=300, capture_output=True)
    python = root / "bin" / "python"
    result = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(built.wheel),
         pin(ROOT / "requirements-test.txt", "ipykernel")],
        capture_output=True, text=True, timeout=INSTALL_TIMEOUT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    outside = tmp_path_factory.mktemp("elsewhere")
    assert ROOT not in outside.parents
    return Installed(root=root, python=python, command=root / "bin" / "softmax-lab", outside=outside)
