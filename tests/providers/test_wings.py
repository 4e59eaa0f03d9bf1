"""The wall between the two wings, read from the source: the directory never imports the ingest.

Every module's syntax tree is walked for every import (module level, and the lazy ones inside
functions), relative imports resolved; `from package import name` counts the submodule when
`name` is one. The actions' whole import graph, followed through the project's own modules,
must not reach the ingest wing either: the assistant only reads the directory.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Set

import pytest

from bot.paths import PROJECT_ROOT

DIRECTORY = "bot.directory"
INGEST = "bot.ingest"
PROJECT_PACKAGES = ("bot", "actions")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PROJECT_ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> Dict[str, Path]:
    """Every module of the project's packages, by dotted name."""
    found: Dict[str, Path] = {}
    for package in PROJECT_PACKAGES:
        for path in (PROJECT_ROOT / package).rglob("*.py"):
            if "__pycache__" not in path.parts:
                found[module_name(path)] = path
    return found


MODULES = project_modules()


def _absolute(node: ast.ImportFrom, importer: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = importer.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def imported_names(path: Path) -> Iterator[str]:
    """Every module `path` imports, as written (its parent packages are added by the caller)."""
    importer = module_name(path)
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(node, importer, path.name == "__init__.py")
            yield source
            yield from (f"{source}.{alias.name}" for alias in node.names)


def project_imports(path: Path) -> Set[str]:
    """The project modules `path` imports, with the packages Python runs on the way."""
    found: Set[str] = set()
    for name in imported_names(path):
        parts = name.split(".")
        for end in range(1, len(parts) + 1):
            candidate = ".".join(parts[:end])
            if candidate in MODULES:
                found.add(candidate)
    return found


def in_wing(module: str, wing: str) -> bool:
    return module == wing or module.startswith(f"{wing}.")


def path_to(start: str, wing: str) -> Optional[List[str]]:
    """An import chain from `start` to a module of `wing`, or None when there is none."""
    chains = {start: [start]}
    queue = [start]
    while queue:
        module = queue.pop(0)
        for imported in sorted(project_imports(MODULES[module])):
            if imported in chains:
                continue
            chains[imported] = [*chains[module], imported]
            if in_wing(imported, wing):
                return chains[imported]
            queue.append(imported)
    return None


def test_both_wings_exist_and_are_found():
    assert any(in_wing(name, DIRECTORY) for name in MODULES)
    assert {"bot.ingest.ptv_v11", "bot.ingest.importer", "bot.ingest.http"} <= set(MODULES)


@pytest.mark.parametrize("module", sorted(m for m in MODULES if in_wing(m, DIRECTORY)))
def test_no_directory_module_imports_the_ingest_wing(module):
    reached = sorted(m for m in project_imports(MODULES[module]) if in_wing(m, INGEST))
    assert reached == [], f"{module} imports {reached}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if in_wing(m, "actions")))
def test_the_actions_import_graph_reaches_no_ingest_module(module):
    assert path_to(module, INGEST) is None, " -> ".join(path_to(module, INGEST) or [])


def test_the_walk_finds_a_chain_where_there_is_one():
    """The check itself can fail: the ingest's own modules reach the ingest, lazily or not."""
    assert path_to("bot.cli.providers", INGEST) is not None  # a lazy import inside a function
    assert path_to("bot.runtime.dependencies", INGEST) is not None
    assert path_to("bot.ingest.sync", "bot.ingest.http") == ["bot.ingest.sync", "bot.ingest.http"]
