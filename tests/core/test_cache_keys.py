"""The cache's validity key covers every module whose output the cache holds."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import tui
from tui.core.cache import keys

CORE = Path(tui.__file__).parent / "core"


def _module_file(module: str) -> Path | None:
    """The file of ``tui.core.…`` module ``module``, or ``None`` when it is not one."""
    if not module.startswith("tui.core"):
        return None
    base = CORE.parent.parent.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports(path: Path) -> set[Path]:
    """The ``tui.core`` files ``path`` imports (a ``from package import module`` too)."""
    found: set[Path] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        found.update(f for f in map(_module_file, names) if f is not None)
    return found


def _closure(starts: set[Path], stop: Path | None = None) -> set[Path]:
    """Every file reachable from ``starts`` by imports, not entering folder ``stop``."""
    seen: set[Path] = set()
    todo = list(starts)
    while todo:
        path = todo.pop()
        if path in seen or (stop is not None and stop in path.parents):
            continue
        seen.add(path)
        todo.extend(_imports(path))
    return seen


def test_the_code_hash_covers_what_builds_the_corpus_the_index_and_the_file() -> None:
    starts = {p for name in ("corpus", "search", "cache") for p in (CORE / name).rglob("*.py")}
    needed = _closure(starts, stop=CORE / "quotes")  # the quotations have their own hash
    covered = set(keys.source_files(keys.CODE_SOURCES))
    assert sorted(str(p.relative_to(CORE)) for p in needed - covered) == []


def test_the_quotes_hash_covers_what_finds_quotations() -> None:
    # How the quotations are stored (cache/) is under the code hash, which keys the whole file.
    starts = set((CORE / "quotes").rglob("*.py"))
    covered = set(keys.source_files(keys.QUOTE_SOURCES))
    missing = _closure(starts) - covered
    assert sorted(str(p.relative_to(CORE)) for p in missing) == []


def test_the_closure_check_would_see_a_module_left_out() -> None:
    """Dropping a folder from the sources is seen: the check is not vacuous."""
    starts = {p for name in ("corpus", "search", "cache") for p in (CORE / name).rglob("*.py")}
    needed = _closure(starts, stop=CORE / "quotes")
    without_search = set(keys.source_files(tuple(s for s in keys.CODE_SOURCES if s != "search")))
    assert any("search" in p.parts for p in needed - without_search)


def test_a_changed_source_changes_the_hash(tmp_path: Path) -> None:
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "index.py").write_text("A = 1\n")
    before = keys._source_hash(("search",), tmp_path)
    (tmp_path / "search" / "index.py").write_text("A = 2\n")
    assert keys._source_hash(("search",), tmp_path) != before


def test_without_sources_the_version_keys_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pyc-only install (no ``.py`` files) gets a hash of the version, not a crash."""
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "index.pyc").write_bytes(b"\x00compiled")
    first = keys._source_hash(keys.CODE_SOURCES, tmp_path)
    monkeypatch.setattr(tui, "__version__", "99.0")
    assert keys._source_hash(keys.CODE_SOURCES, tmp_path) != first
