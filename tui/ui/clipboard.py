"""Copying text to the user's clipboard through the terminal (OSC 52), or to a file."""

from __future__ import annotations

import os
import time
from pathlib import Path

from textual.app import App

from tui.core.clipboard import clipboard_sequence

CLIPPINGS = "clippings.txt"
"""File (under the state folder) that 'save to file' appends to."""

TERMINAL_NOTES = (
    "Copy (y) uses OSC 52, which travels over SSH. It works in kitty, WezTerm, "
    "iTerm2, Alacritty, foot, Windows Terminal and xterm (allowWindowOps). "
    "Inside tmux: set -g set-clipboard on, or allow-passthrough on (tmux 3.3+). "
    "GNU screen and macOS Terminal may drop it: use Y to save to a file instead."
)


def copy_with_osc52(app: App[object], text: str) -> str:
    """Send ``text`` to the terminal's clipboard; returns the bytes written."""
    sequence = clipboard_sequence(text, os.environ)
    driver = app._driver  # Textual writes its own OSC 52 the same way (App.copy_to_clipboard)
    if driver is not None:
        driver.write(sequence)
        driver.flush()
    return sequence


def save_clipping(folder: Path, text: str) -> Path:
    """Append ``text`` to the clippings file in ``folder``; returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / CLIPPINGS
    stamp = time.strftime("%Y-%m-%d %H:%M")
    with path.open("a", encoding="utf-8") as stream:
        stream.write(f"[{stamp}]\n{text}\n\n")
    return path
