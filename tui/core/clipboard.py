"""Copying over any terminal: OSC 52 sequences, wrapped for tmux and GNU screen, and citations.

OSC 52 asks the terminal to put text on the system clipboard; it travels inside
the terminal stream, so it works over SSH. tmux passes it on only when wrapped in
its passthrough envelope (``allow-passthrough on``) or when ``set-clipboard on``
lets tmux take it itself, so inside tmux both forms are sent. GNU screen needs a
DCS envelope in chunks.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping

from tui.core.safety import for_copy

SCREEN_CHUNK = 768
"""GNU screen drops DCS strings longer than this; longer payloads go in several."""


def osc52(text: str) -> str:
    """The plain OSC 52 sequence that sets the clipboard to ``text``.

    ``text`` is made safe to paste first (:func:`tui.core.safety.for_copy`): an
    escape sequence in a document, the bracketed-paste terminator included,
    never reaches the clipboard.
    """
    payload = base64.b64encode(for_copy(text).encode("utf-8", "replace")).decode("ascii")
    return f"\x1b]52;c;{payload}\x07"


def tmux_passthrough(sequence: str) -> str:
    """``sequence`` wrapped for tmux's passthrough (every ESC inside doubled)."""
    return "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"


def screen_passthrough(sequence: str) -> str:
    """``sequence`` wrapped in GNU screen's DCS envelope, in chunks screen accepts."""
    chunks = [sequence[i : i + SCREEN_CHUNK] for i in range(0, len(sequence), SCREEN_CHUNK)]
    return "".join(f"\x1bP{chunk}\x1b\\" for chunk in chunks)


def clipboard_sequence(text: str, environ: Mapping[str, str]) -> str:
    """What to write to the terminal to copy ``text``, given the environment.

    Inside tmux (``$TMUX``): the plain sequence and the passthrough-wrapped one.
    Inside GNU screen (``$STY``): the DCS-wrapped one. Elsewhere: the plain one.
    """
    plain = osc52(text)
    if environ.get("TMUX"):
        return plain + tmux_passthrough(plain)
    if environ.get("STY"):
        return screen_passthrough(plain)
    return plain


def citation(
    text: str, title: str, date: str | None, article_id: str, speaker: str | None = None
) -> str:
    """``text`` with its citation, as pasted into notes or a message."""
    body = " ".join(text.split())
    who = f" — {speaker}" if speaker else ""
    when = f", {date}" if date else ""
    return f"{body}{who}\n({title}{when}; {article_id})"
