"""The package's layout: data flows one way through the stages, and no module imports itself
back."""

from __future__ import annotations

import ast

import pytest

from analysis import config

STAGES = {
    "config": 0,
    "errors": 0,
    "resources": 1,
    "text": 2,
    "stats": 3,
    "tone": 4,
    "hedging": 4,
    "loaded": 4,
    "sources": 4,
    "across": 5,
    "engine": 6,
    "plots": 7,
    "report": 8,
    "evaluation": 9,
    "cli": 10,
    "__main__": 10,
    "__init__": 10,
}
"""Each subpackage (or front module) and its stage: a module imports from its own stage or earlier
ones only. Data first; then text (loading, cleaning, segmenting, quotations), the statistics the
measures share, the measures (which may use one another), the across-outlet measures, the engines,
charts, the report and the evaluation, in that order."""


def list_modules() -> dict[str, ast.Module]:
    """Every module of the package by dotted name, parsed."""
    modules = {}
    for path in sorted(config.PACKAGE_DIR.rglob("*.py")):
        parts = path.relative_to(config.PACKAGE_DIR.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 2 else parts)
        modules[name] = ast.parse(path.read_text(encoding="utf-8"))
    return modules


def list_imports(tree: ast.Module, modules: set[str]) -> set[str]:
    """The package's modules that ``tree`` imports, anywhere in it (inside functions too), but for
    imports made for type annotations only (under ``if TYPE_CHECKING:``), which never run."""
    found = set()
    checking_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If)
        and isinstance(node.test, ast.Name)
        and node.test.id == "TYPE_CHECKING"
        for inner in ast.walk(node)
    }
    for node in (node for node in ast.walk(tree) if id(node) not in checking_only):
        if (
            isinstance(node, ast.ImportFrom)
            and node.level == 0
            and node.module
            and node.module.split(".")[0] == "analysis"
        ):
            for alias in node.names:
                found.add(
                    f"{node.module}.{alias.name}"
                    if f"{node.module}.{alias.name}" in modules
                    else node.module
                )
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name in modules}
    return found & modules


def stage_of(module: str) -> int:
    parts = module.split(".")
    return STAGES[parts[1]] if len(parts) > 1 else STAGES["__init__"]


MODULES = list_modules()
GRAPH = {name: list_imports(tree, set(MODULES)) - {name} for name, tree in MODULES.items()}


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_a_module_imports_only_from_its_stage_or_earlier(module):
    later = sorted(target for target in GRAPH[module] if stage_of(target) > stage_of(module))
    assert later == [], f"{module} (stage {stage_of(module)}) imports from later stages: {later}"


def test_every_subpackage_has_a_stage():
    assert {name.split(".")[1] for name in MODULES if "." in name} <= set(STAGES)


def test_no_import_cycle():
    state: dict[str, int] = {}
    cycles = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(GRAPH[module]):
            if target == "analysis" or target not in GRAPH:
                continue
            if state.get(target) == 1:
                cycles.append(
                    path[path.index(target) :] + [target] if target in path else [module, target]
                )
            elif target not in state:
                visit(target, path + [target])
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])
    assert cycles == []


MAX_LINES = 500
"""The longest a module may grow before it is split by what it does."""


@pytest.mark.parametrize(
    "path",
    sorted(config.PACKAGE_DIR.rglob("*.py")),
    ids=lambda p: p.relative_to(config.PACKAGE_DIR).as_posix(),
)
def test_no_module_is_longer_than_the_limit(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES


TESTS_DIR = config.PROJECT_DIR / "tests"


@pytest.mark.parametrize(
    "path",
    sorted(p for p in config.PACKAGE_DIR.rglob("*.py") if p.stem not in ("__init__", "__main__")),
    ids=lambda p: p.relative_to(config.PACKAGE_DIR).as_posix(),
)
def test_every_module_has_a_test_file_in_the_mirrored_place(path):
    relative = path.relative_to(config.PACKAGE_DIR)
    mirrored = TESTS_DIR / relative.parent / f"test_{relative.name}"
    assert mirrored.is_file(), f"{relative} has no {mirrored.relative_to(config.PROJECT_DIR)}"
    assert "def test_" in mirrored.read_text(encoding="utf-8")
