"""The keys that close a modal screen: escape (shown in the footer) and q (not shown).

Their ids (``PREFIX.close``, ``PREFIX.close-q``) are what the config's ``[keys]`` table
rebinds, so they stay as they are.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType


def close_bindings(prefix: str, action: str = "dismiss") -> list[BindingType]:
    """Escape and q run ``action`` ("Close"); the ids start with ``prefix``."""
    return [
        Binding("escape", action, "Close", id=f"{prefix}.close"),
        Binding("q", action, "Close", show=False, id=f"{prefix}.close-q"),
    ]
