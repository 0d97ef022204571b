"""The key footer, without the watchers its old keys leave behind.

Textual's :class:`~textual.widgets.Footer` composes its keys again whenever the
focus or the bindings change, and binds each new key's ``compact`` to its own
(``data_bind``): a watcher registered on the footer. Textual drops the watchers
of removed widgets only when the watched value changes, which ``compact`` never
does here, so every focus change kept about ten removed keys (with their styles
and line caches) alive for the rest of the session. :class:`KeyFooter` forgets
the watchers of widgets that are closed or closing after each recomposition.
"""

from __future__ import annotations

from textual.widgets import Footer


def forget_closed_watchers(node: object) -> int:
    """Drop the watchers on ``node`` registered by widgets that have closed; how many."""
    watchers = getattr(node, "__watchers", None)  # Textual's store (see textual.reactive)
    if not isinstance(watchers, dict):
        return 0
    dropped = 0
    for entries in watchers.values():
        kept = [
            (reactable, callback)
            for reactable, callback in entries
            if not (getattr(reactable, "_closing", False) or getattr(reactable, "_closed", False))
        ]
        dropped += len(entries) - len(kept)
        entries[:] = kept
    return dropped


class KeyFooter(Footer):
    """A :class:`Footer` whose recompositions do not accumulate removed keys."""

    async def recompose(self) -> None:
        """Compose the keys again, then forget the watchers of the removed ones."""
        await super().recompose()
        forget_closed_watchers(self)
