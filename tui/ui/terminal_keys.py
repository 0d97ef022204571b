"""Escape and the key after it, read from the terminal as the two keys they were.

A terminal sends Escape as the byte ESC, and Alt+key as ESC followed by the key. When
Escape and the next key arrive together (fast fingers, a paste, an SSH link delivering
keys in bursts), the two can only be told apart by time, and Textual's parser reads
them as one Alt+key. For letters that gives ``alt+q``, which the key sequencer takes
apart again (:func:`tui.ui.key_order.split_alt`). For the other printable keys
Textual's parser drops the Escape: ESC ``/`` arrives as a bare ``/`` (typed into the
dialog Escape was closing), ESC ``1`` as ``¡`` and ESC ``-`` as ``–`` (a Mac keyboard's
Option characters), ESC ``;`` as a bare Escape.

:class:`KeyParser` reports every ESC + printable character as ``alt+`` that key, with
the character kept, so the sequencer splits it into Escape and the key like a letter.
The keys that open longer sequences (``[``, ``O``) are read on as Textual does, and
still come as Alt+key when nothing follows. ESC ``b`` and ESC ``f``, which Textual reads
as ctrl+left and ctrl+right (terminals send them for Option+Left and Option+Right), come
as Alt+b and Alt+f too: the sequencer makes them word motions in a text box and Escape
and the letter elsewhere (:data:`tui.ui.key_order.WORD_MOTIONS`), where Escape and ``f``
typed together had opened no filter.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual._ansi_sequences import ANSI_SEQUENCES_KEYS
from textual._xterm_parser import XTermParser

ESC = "\x1b"
OPENERS = frozenset(
    {"[", "O"} | {seq[1] for seq in ANSI_SEQUENCES_KEYS if len(seq) > 2 and seq[0] == ESC}
)
"""Keys that after ESC open a longer sequence (an arrow, a function key): the parser
reads on. Typed after Escape, they still come as Alt+key once the parser gives up."""


class KeyParser(XTermParser):
    """Textual's terminal parser, with ESC + a printable key read as ``alt+`` that key."""

    def _sequence_to_key_events(self, sequence: str, alt: bool = False) -> Iterable[events.Key]:
        if len(sequence) == 2 and sequence[0] == ESC:
            typed = sequence[1]
            if typed.isprintable() and typed not in OPENERS:
                return self._with_alt(typed)
        if alt and len(sequence) == 1 and sequence.isprintable():
            return self._with_alt(sequence)
        return super()._sequence_to_key_events(sequence, alt)

    def _with_alt(self, typed: str) -> list[events.Key]:
        keys = list(super()._sequence_to_key_events(typed, alt=True))
        if len(keys) != 1:
            return keys
        name = keys[0].key
        if not name.startswith("alt+"):
            name = f"alt+{name}"
        return [events.Key(name, typed)]


def install() -> None:
    """Make Textual's terminal drivers read keys with :class:`KeyParser`.

    The drivers build their parser from the name in their own module when the input
    thread starts; this points that name at :class:`KeyParser` (for this process only).
    """
    from textual.drivers import linux_driver

    linux_driver.XTermParser = KeyParser  # type: ignore[attr-defined]
