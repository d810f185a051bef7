"""The layout of components/ is its architecture: which kind of module may import which.

    words/   the texts and number writing: the standard library only
    model/   numpy, param and words/ (its notices speak the visitor's language): no Bokeh, no Panel
    page/    model/, words/, browser/; an exercise view imports no other view
    browser/ no page/ or serving/ (the page uses it, not the other way round)
    serving/ anything: it composes the page and serves it
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

COMPONENTS = Path(__file__).resolve().parents[1] / "components"
UI_PACKAGES = {"bokeh", "panel", "tornado", "jinja2"}


def modules() -> list[Path]:
    return sorted(path for path in COMPONENTS.rglob("*.py") if path.name != "__init__.py")


def imports_of(path: Path) -> tuple[set[str], set[str]]:
    """(top-level third-party packages, components-relative module paths such as 'page.charts.bar_chart')."""
    package = path.relative_to(COMPONENTS).parent.parts
    external, internal = set(), set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("components."):
                    internal.add(alias.name.removeprefix("components."))
                else:
                    external.add(alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                name = node.module or ""
                if name.startswith("components"):
                    internal.add(name.removeprefix("components").lstrip("."))
                else:
                    external.add(name.split(".")[0])
                continue
            base = list(package[: len(package) - (node.level - 1)]) if node.level > 1 else list(package)
            target = [*base, *((node.module or "").split(".") if node.module else [])]
            if node.module is None:  # from . import x
                internal.update(".".join([*target, alias.name]) for alias in node.names)
            else:
                internal.add(".".join(target))
    return external, internal


def kind(path: Path) -> str:
    return path.relative_to(COMPONENTS).parts[0]


ALLOWED = {
    "words": {"words"},
    "model": {"model", "words"},
    "browser": {"browser", "words", "model"},
    "page": {"page", "browser", "words", "model"},
    "serving": {"serving", "page", "browser", "words", "model"},
}


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(COMPONENTS)))
def test_a_module_imports_only_the_kinds_below_it(path):
    _, internal = imports_of(path)
    wrong = {name for name in internal if name.split(".")[0] not in ALLOWED[kind(path)]}
    assert not wrong, f"{path.relative_to(COMPONENTS)} ({kind(path)}) imports {sorted(wrong)}"


@pytest.mark.parametrize("path", [p for p in modules() if kind(p) in {"model", "words"}],
                         ids=lambda p: str(p.relative_to(COMPONENTS)))
def test_the_model_and_the_words_import_no_ui(path):
    external, _ = imports_of(path)
    assert not external & UI_PACKAGES, f"{path.name} imports {sorted(external & UI_PACKAGES)}"


VIEWS = sorted((COMPONENTS / "page" / "exercises").glob("*_view.py"))


@pytest.mark.parametrize("path", VIEWS, ids=lambda p: p.name)
def test_an_exercise_view_imports_no_other_view(path):
    _, internal = imports_of(path)
    siblings = {name for name in internal if name.startswith("page.exercises.") and name.endswith("_view")}
    assert not siblings, f"{path.name} imports {sorted(siblings)}: shared parts belong in page/ or words/"


def test_the_checks_see_imports():
    """The parser reads the relative imports this tree uses (else every check above passes vacuously)."""
    _, internal = imports_of(COMPONENTS / "page" / "shell" / "page.py")
    assert {"model.state", "page.controls.controls", "page.exercises.registry"} <= internal
