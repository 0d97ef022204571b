"""The search box's query history: kept across restarts, walked with Up and Down.

Like a shell's history search: what is typed before the first Up is the filter,
and Up and Down step through the earlier queries that contain it (ignoring case),
newest first. A plain object with no UI, so the rules are unit-tested.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LIMIT = 200
"""Queries kept; the oldest go first."""


@dataclass
class QueryHistory:
    """Earlier queries, oldest first, and a cursor while they are being walked."""

    entries: list[str] = field(default_factory=list)
    _typed: str | None = field(default=None, init=False, repr=False)
    """What the box held when the walk started (``None``: not walking)."""
    _cursor: int = field(default=-1, init=False, repr=False)
    """Index into the matching entries, counted from the newest (0); -1 is the typed text."""

    def add(self, query: str) -> None:
        """Record ``query`` as the newest (an earlier copy of it moves up); ends a walk."""
        self.reset()
        query = query.strip()
        if not query:
            return
        if query in self.entries:
            self.entries.remove(query)
        self.entries.append(query)
        if len(self.entries) > LIMIT:
            del self.entries[: len(self.entries) - LIMIT]

    def reset(self) -> None:
        """Forget the walk (the user typed, or left the box)."""
        self._typed = None
        self._cursor = -1

    @property
    def walking(self) -> bool:
        """Whether Up has been pressed since the box was last edited."""
        return self._typed is not None

    def _matching(self) -> list[str]:
        """The entries containing the typed filter, newest first (the filter itself left out)."""
        typed = (self._typed or "").strip().lower()
        return [
            entry
            for entry in reversed(self.entries)
            if typed in entry.lower() and entry.strip().lower() != typed
        ]

    def older(self, typed: str) -> str | None:
        """The next older query matching ``typed`` (the box's text before the walk);
        ``None`` when there is none, and the walk stays where it was."""
        if self._typed is None:
            self._typed = typed
            self._cursor = -1
        matching = self._matching()
        if self._cursor + 1 >= len(matching):
            if not matching:
                self.reset()
            return None
        self._cursor += 1
        return matching[self._cursor]

    def newer(self) -> str | None:
        """The next newer matching query; past the newest, the text typed before the walk
        (and the walk ends). ``None`` when not walking."""
        if self._typed is None:
            return None
        if self._cursor <= 0:
            typed = self._typed
            self.reset()
            return typed
        self._cursor -= 1
        return self._matching()[self._cursor]
