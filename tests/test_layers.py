"""The package's layers, read from its import statements.

``core`` imports no other part of the package (and neither Pelican nor WeasyPrint);
``importer``, ``site`` and ``book`` import only ``core``; ``commands`` may import
anything. No module imports another that imports it back, directly or not.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "inventaire"
LAYERS = {"core": 0, "importer": 1, "site": 1, "book": 1, "commands": 2}
FORBIDDEN_IN_CORE = ("pelican", "weasyprint")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """Absolute names of every module ``path`` imports, at any depth of its code."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module_name(path) if path.name == "__init__.py" else \
        module_name(path).rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            found.add(origin)
            found.update(f"{origin}.{alias.name}" for alias in node.names)
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges[name] = {m for m in imports_of(path) if m in modules and m != name}
    return edges


def layer(module: str) -> tuple[str, int]:
    part = module.split(".")[1] if module.count(".") else ""
    return part, LAYERS.get(part, -1)


def test_every_module_is_in_a_layer() -> None:
    strays = sorted(m for m in graph() if m != "inventaire" and layer(m)[1] < 0)
    assert not strays, f"modules outside core/importer/site/book/commands: {strays}"


def test_no_upward_or_sideways_import() -> None:
    wrong = []
    for module, targets in graph().items():
        part, level = layer(module)
        for target in targets:
            other, other_level = layer(target)
            if other == part or target == "inventaire":
                continue
            if other_level >= level:
                wrong.append(f"{module} imports {target}")
    assert not wrong, "\n".join(sorted(wrong))


def test_core_needs_neither_pelican_nor_weasyprint() -> None:
    wrong = [f"{module_name(path)} imports {name}"
             for path in (PACKAGE / "core").rglob("*.py") for name in imports_of(path)
             if name.split(".")[0] in FORBIDDEN_IN_CORE]
    assert not wrong, "\n".join(sorted(wrong))


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle() -> None:
    # A package's __init__ that imports its own modules is not a cycle of design.
    edges = {m: {t for t in ts if not m.startswith(t + ".")} for m, ts in graph().items()}
    assert not cycles(edges)


@pytest.mark.parametrize("edges,expected", [
    ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
    ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
])
def test_cycle_finder_finds_cycles(edges: dict[str, set[str]],
                                   expected: list[list[str]]) -> None:
    assert cycles(edges) == expected
