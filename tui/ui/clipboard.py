"""Copying text to the user's clipboard through the terminal (OSC 52), or to a file."""

from __future__ import annotations

import os
import time
from pathlib import Path

from textual.app import App

from tui.core.clipboard import clipboard_sequence, osc52
from tui.core.regular import append_regular
from tui.core.safety import for_copy

CLIPPINGS = "clippings.txt"
"""File (under the state folder) that 'save to file' appends to."""

TERMINAL_NOTES = (
    "Copy (y) uses OSC 52, which travels over SSH. It works in kitty, WezTerm, "
    "iTerm2, Alacritty, foot, Windows Terminal and xterm (allowWindowOps). "
    "Inside tmux: set -g set-clipboard on, or allow-passthrough on (tmux 3.3+). "
    "GNU screen and macOS Terminal may drop it: use Y to save to a file instead."
)


def copy_with_osc52(app: App[object], text: str) -> str:
    """Send ``text`` to the terminal's clipboard; returns the sequences meant for it.

    The plain OSC 52 goes through Textual's public :meth:`App.copy_to_clipboard`
    (which also sets ``app.clipboard``). Inside tmux or GNU screen the wrapped forms
    follow; Textual has no public call for raw output, so they go to its driver.
    The text is made safe to paste first (:func:`tui.core.safety.for_copy`): no escape
    sequence of the document's, the bracketed-paste terminator included, is copied.
    """
    text = for_copy(text)
    sequence = clipboard_sequence(text, os.environ)
    app.copy_to_clipboard(text)
    wrapped = sequence.replace(osc52(text), "", 1)
    driver = app._driver  # no public API writes an escape sequence of our own
    if wrapped and driver is not None:
        driver.write(wrapped)
        driver.flush()
    return sequence


def save_clipping(folder: Path, text: str) -> Path:
    """Append ``text``, made safe to paste, to the clippings file in ``folder``; its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / CLIPPINGS
    stamp = time.strftime("%Y-%m-%d %H:%M")
    with append_regular(path) as stream:  # never blocks on a FIFO planted there
        stream.write(f"[{stamp}]\n{for_copy(text)}\n\n".encode("utf-8", "replace"))
    return path
