"""The house rules on imports, checked on the code itself.

- The core never imports the UI libraries (checked in a fresh interpreter, over every module
  of every subpackage).
- Outside a subpackage of the core, code imports only the subpackage's face (its
  ``__init__``), and never a ``_private`` name of another subpackage.
- No import circle among the modules of ``tui``, type-only imports included.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import tui

PACKAGE = Path(tui.__file__).parent
SUBPACKAGES = ("corpus", "search", "quotes", "cache", "state")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _subpackage(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) >= 3 and parts[:2] == ["tui", "core"] and parts[2] in SUBPACKAGES:
        return parts[2]
    return None


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """``(module, names)`` for every ``from X import names`` and ``import X`` in ``path``."""
    found: list[tuple[str, list[str]]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, [alias.name for alias in node.names]))
        elif isinstance(node, ast.Import):
            found.extend((alias.name, []) for alias in node.names)
    return found


def test_core_imports_neither_textual_nor_rich() -> None:
    code = (
        "import json, sys, pkgutil, importlib, tui.core\n"
        "names = [m.name for m in pkgutil.walk_packages(tui.core.__path__, 'tui.core.')]\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "import tui.cli\n"
        "ui = ('textual', 'rich')\n"
        "print(json.dumps([names, sorted(n for n in sys.modules if n.split('.')[0] in ui)]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    walked, loaded_ui = json.loads(result.stdout)
    assert loaded_ui == []
    # The walk reaches the modules deep inside the subpackages, not only their faces.
    for deep in (
        "tui.core.quotes.attribution.cues",
        "tui.core.search.ranking",
        "tui.core.cache.write",
        "tui.core.corpus.walk",
        "tui.core.state.store",
    ):
        assert deep in walked


def test_outside_a_subpackage_only_its_face_is_imported() -> None:
    offences = []
    for module, path in _modules().items():
        here = _subpackage(module)
        for imported, names in _imports(path):
            there = _subpackage(imported)
            if there is None or there == here:
                continue
            if imported != f"tui.core.{there}":
                offences.append(f"{module} imports {imported} (use tui.core.{there})")
            offences.extend(
                f"{module} imports the private {name} of {imported}"
                for name in names
                if name.startswith("_")
            )
    assert offences == []


def test_no_import_circle() -> None:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        targets = set()
        for imported, names in _imports(path):
            if imported in modules:
                targets.add(imported)
            # ``from package import module`` names a module too.
            targets.update(f"{imported}.{n}" for n in names if f"{imported}.{n}" in modules)
        graph[module] = targets - {module}
    # A package's face importing its own modules is how a face works: not a circle.
    for module in graph:
        graph[module] = {t for t in graph[module] if not module.startswith(t + ".")}
    circles = []
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                circles.append(" -> ".join([*trail[trail.index(target) :], target]))
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert circles == []
