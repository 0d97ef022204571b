"""Unexpected errors: written to a log file under the state folder, never to the terminal."""

from __future__ import annotations

import time
import traceback
from pathlib import Path

from tui.core.regular import append_regular

ERROR_LOG = "errors.log"


def log_error(folder: Path, error: BaseException) -> Path | None:
    """Append ``error`` with its traceback to the error log; its path, or None if unwritable."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / ERROR_LOG
        with append_regular(path) as stream:  # a FIFO planted there would block a plain open
            stream.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')}\n".encode())
            stream.write("".join(traceback.format_exception(error)).encode("utf-8", "replace"))
        return path
    except OSError:
        return None
