"""Where the bundled styles and seeds are, in a wheel or in a checkout.

In an installed wheel they live inside the package (``tui/styles``, ``tui/seeds``);
in an editable install or a plain checkout they are the repository's top-level
``styles/`` and ``seeds/`` folders.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    """The folder ``name`` shipped in the package, else the checkout's."""
    inside = _PACKAGE / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / name


def styles_dir() -> Path:
    """The folder of the Textual CSS files."""
    return _bundled("styles")


def seeds_dir() -> Path:
    """The folder of the bundled seed documents."""
    return _bundled("seeds")


def default_corpus(cwd: Path | None = None) -> Path:
    """``./seeds`` when the current folder has one, else the bundled seeds."""
    local = (cwd or Path.cwd()) / "seeds"
    if local.is_dir():
        return local
    return seeds_dir()
