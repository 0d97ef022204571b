"""Which files of a folder are articles: the suffixes, and ``--glob`` / ``--exclude`` patterns.

A pattern without a ``/`` is matched against a file's name (and, for an exclude,
against every folder name on its way too, so ``--exclude drafts`` leaves out a
whole ``drafts/`` folder); a pattern with a ``/`` is matched against the path
relative to the corpus folder, where ``*`` also crosses ``/``. Matching is
case-sensitive, as the file system usually is. Imports only the standard library.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase

SUFFIXES = (".txt", ".md")
"""File endings that make a file an article (compared case-insensitively)."""


def _matches(pattern: str, relative: str, every_part: bool) -> bool:
    pattern = pattern.strip("/") if pattern.startswith("/") else pattern
    if "/" in pattern:
        return fnmatchcase(relative, pattern)
    parts = relative.split("/")
    names = parts if every_part else parts[-1:]
    return any(fnmatchcase(name, pattern) for name in names)


@dataclass(frozen=True, slots=True)
class Selection:
    """Patterns that narrow the files of a folder: any ``include`` and no ``exclude``."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.include or self.exclude)

    def accepts(self, relative: str) -> bool:
        """Whether the file at ``relative`` (``/``-separated) is selected."""
        if self.include and not any(_matches(p, relative, False) for p in self.include):
            return False
        return not any(_matches(p, relative, True) for p in self.exclude)


def is_article_name(name: str) -> bool:
    """Whether a file called ``name`` is an article when met in a folder."""
    return not name.startswith(".") and name.lower().endswith(SUFFIXES)
