"""Back and forward between opened articles, like a web browser's history."""

from __future__ import annotations

from dataclasses import dataclass, field

LIMIT = 200
"""Entries kept behind the current one."""


@dataclass
class History:
    """A list of visited article ids with a cursor; visiting drops the forward entries."""

    entries: list[str] = field(default_factory=list)
    cursor: int = -1

    @property
    def current(self) -> str | None:
        """The article the cursor is on."""
        return self.entries[self.cursor] if 0 <= self.cursor < len(self.entries) else None

    def visit(self, article_id: str) -> None:
        """Record opening ``article_id`` (nothing when it is already the current one)."""
        if article_id == self.current:
            return
        del self.entries[self.cursor + 1 :]
        self.entries.append(article_id)
        if len(self.entries) > LIMIT:
            del self.entries[: len(self.entries) - LIMIT]
        self.cursor = len(self.entries) - 1

    def back(self) -> str | None:
        """Move back one entry; the article there, or ``None`` at the start."""
        if self.cursor <= 0:
            return None
        self.cursor -= 1
        return self.entries[self.cursor]

    def forward(self) -> str | None:
        """Move forward one entry; the article there, or ``None`` at the end."""
        if self.cursor >= len(self.entries) - 1:
            return None
        self.cursor += 1
        return self.entries[self.cursor]
