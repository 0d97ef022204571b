"""The key footer, without the watchers its old keys leave behind.

Textual's :class:`~textual.widgets.Footer` composes its keys again whenever the
focus or the bindings change, and binds each new key's ``compact`` to its own
(``data_bind``): a watcher registered on the footer. Textual drops the watchers
of removed widgets only when the watched value changes, which ``compact`` never
does here, so every focus change kept about ten removed keys (with their styles
and line caches) alive for the rest of the session. :class:`KeyFooter` forgets
the watchers of widgets that are closed or closing after each recomposition.

The bindings change far more often than the keys shown: each key typed into the
search box while a folder loads asked for a new footer with the same keys, and
composing and styling its keys took about a quarter of the main thread's CPU
between the first frame and the first answer. :class:`KeyFooter` composes again
only when what it would show differs from what it shows.

Each key Textual makes starts compact (``FooterKey.compact`` is ``True``) and is then
told the footer's value (``False``): two class changes, each a restyle of the new key,
for each of the ten or so keys of every focus change (two a search). The keys
:class:`KeyFooter` composes bound to that value start with it (the command palette's
key is not bound and stays compact).
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


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
    """A :class:`Footer` that composes its keys again only when they change, and whose
    recompositions do not accumulate removed keys."""

    _shown: Hashable = None
    """What the keys composed last show (:meth:`_keys`); ``None`` before any."""

    def _keys(self) -> Hashable:
        """Everything :meth:`Footer.compose` reads to make the keys, in its order."""
        app = self.app
        return (
            self._bindings_ready,
            self.show_command_palette and app.ENABLE_COMMAND_PALETTE,
            tuple(
                (
                    key,
                    binding.key,
                    app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    binding.show,
                    binding.tooltip,
                    id(binding.group),
                    enabled,
                    tooltip,
                )
                for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
            ),
        )

    def compose(self) -> ComposeResult:
        """Textual's keys, each made with the ``compact`` it would be given after its mount."""
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                bound = "compact" in (getattr(widget, "_reactive_connect", None) or {})
                compact = self.compact if bound else True  # the palette's key keeps the default
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget

    async def recompose(self) -> None:
        """Compose the keys again if they changed, then forget the watchers of the removed ones."""
        shown = self._keys()
        if shown == self._shown:
            return
        self._shown = shown
        await super().recompose()
        forget_closed_watchers(self)
