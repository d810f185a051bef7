"""What the wheel and the sdist hold: the whole package under its own name, static/ inside it,
the pins of requirements.txt as its dependencies, and the `softmax-lab` command."""

from __future__ import annotations

import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.browser.conftest import ROOT

from .conftest import INSTALL_TIMEOUT

pytestmark = pytest.mark.timeout(INSTALL_TIMEOUT + 300)

PACKAGE = "softmax_lab"


def source_files(folder: str, pattern: str) -> set[Path]:
    return {path.relative_to(ROOT / folder) for path in (ROOT / folder).rglob(pattern)
            if path.is_file() and "__pycache__" not in path.parts}


def wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_every_folder_of_components_is_a_listed_package():
    """pyproject.toml lists the sub-packages (setuptools cannot find them under a new name)."""
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    folders = {".".join((PACKAGE, *path.parent.relative_to(ROOT / "components").parts))
               for path in (ROOT / "components").rglob("__init__.py")}
    assert folders <= listed, f"add to pyproject.toml [tool.setuptools] packages: {sorted(folders - listed)}"


def test_the_wheel_holds_the_package_under_its_own_name_with_static_inside(built):
    names = wheel_names(built.wheel)
    expected = {f"{PACKAGE}/{path.as_posix()}" for path in source_files("components", "*.py")}
    expected |= {f"{PACKAGE}/static/{path.as_posix()}" for path in source_files("static", "*")}
    assert expected - names == set()
    dist_info = built.wheel.name.split("-py3")[0] + ".dist-info"
    assert {name.split("/")[0] for name in names} == {PACKAGE, dist_info}
    assert not any(name.startswith("components/") or name == "app.py" for name in names)


def test_the_wheel_depends_on_the_pins_of_requirements_txt_and_has_the_command(built):
    pins = [line.strip() for line in (ROOT / "requirements.txt").read_text().splitlines()
            if line.strip() and not line.startswith("#")]
    with zipfile.ZipFile(built.wheel) as archive:
        info = next(name.split("/")[0] for name in archive.namelist() if name.endswith(".dist-info/METADATA"))
        metadata = archive.read(f"{info}/METADATA").decode()
        entry_points = archive.read(f"{info}/entry_points.txt").decode()
    assert [line.removeprefix("Requires-Dist: ") for line in metadata.splitlines()
            if line.startswith("Requires-Dist:")] == pins
    assert "softmax-lab = softmax_lab.serving.cli:run" in entry_points


def test_the_sdist_builds_the_wheel_alone(built):
    """`python -m build` made the wheel from the sdist, so the sdist holds what a build needs."""
    with tarfile.open(built.sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"pyproject.toml", "requirements.txt", "README.md", "MANIFEST.in", "app.py"} <= names
    assert {f"static/{path.as_posix()}" for path in source_files("static", "*")} <= names
    assert not any(name.startswith("tests/") for name in names)
