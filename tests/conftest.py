"""Shared fixtures: the fixture corpus, and a copy of it with files that must be skipped."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "corpus"


@pytest.fixture
def corpus_dir() -> Path:
    """The fixture corpus (read-only: tests must not write into it)."""
    return CORPUS


@pytest.fixture
def messy_corpus(tmp_path: Path) -> Path:
    """A copy of the fixture corpus plus an empty, a binary and a Latin-1 file."""
    root = tmp_path / "messy"
    shutil.copytree(CORPUS, root)
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.md").write_bytes(b"  \n\n \n")
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (root / "latin.txt").write_bytes(
        "Café society\n\nThe café on the corner served crème brûlée.\n".encode("cp1252")
    )
    (root / "notes.rst").write_text("not an article\n", encoding="utf-8")
    return root


@pytest.fixture(autouse=True)
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test has its own (empty) user config folder, never the user's config file."""
    folder = tmp_path / "config-home"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    monkeypatch.delenv("SEEDTUI_CONFIG", raising=False)
    return folder


@pytest.fixture(autouse=True)
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test has its own corpus cache folder, never the user's."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("SEEDTUI_CACHE_DIR", str(folder))
    return folder
