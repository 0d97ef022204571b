"""Leaving on SIGTERM and SIGHUP, even when the terminal is already gone.

A closed SSH connection or a killed tmux takes the terminal away: Textual's output
thread dies on its first failed write, and a later write (the next frame, or the
terminal restore on the way out) then waits for it forever. The app has saved its
state by then (the main screen saves when it closes), so waiting helps nobody; it only
leaves a process behind that nobody can see. So a signal first arms a grace timer
that ends the process with the signal's status, then asks the app to exit cleanly.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable
from types import FrameType

GRACE_SECONDS = 5.0
"""How long a clean exit may take after SIGTERM or SIGHUP before the process just ends."""


def leave_on_signals(exit_app: Callable[[int], None], grace: float = GRACE_SECONDS) -> None:
    """On SIGTERM and SIGHUP, call ``exit_app(128 + signal)`` in the event loop, and end the
    process with that status ``grace`` seconds later if it is still there.

    A Python-level handler is used, not the loop's: it runs even while the main thread
    waits on a lock (a write to a terminal that is gone), where a loop callback never
    would. Does nothing off the main thread or where signals do not exist.
    """
    loop = asyncio.get_running_loop()

    def handler(number: int, _frame: FrameType | None) -> None:
        status = 128 + number
        timer = threading.Timer(grace, os._exit, args=(status,))
        timer.daemon = True
        timer.start()
        loop.call_soon_threadsafe(exit_app, status)

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is None:
            continue
        try:
            signal.signal(number, handler)
        except (ValueError, OSError):
            pass  # not the main thread, or no such signal here
