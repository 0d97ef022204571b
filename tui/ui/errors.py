"""Unexpected errors: written to a log file under the state folder, never to the terminal.

The log goes through :mod:`logging` with rotation: ``errors.log`` grows to
:data:`MAX_BYTES`, then becomes ``errors.log.1`` (the older ones shift up to
``errors.log.3``), so it never takes more than about 4 MB.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

ERROR_LOG = "errors.log"
MAX_BYTES = 1_000_000
"""Size at which the log is rotated."""
BACKUPS = 3
"""How many rotated logs are kept."""


class _QuietHandler(RotatingFileHandler):
    """A rotating handler that records a failed write instead of printing to the terminal."""

    failed = False

    def handleError(self, record: logging.LogRecord) -> None:
        self.failed = True


_handlers: dict[Path, _QuietHandler] = {}


def _logger(path: Path, max_bytes: int, backups: int) -> tuple[logging.Logger, _QuietHandler]:
    handler = _handlers.get(path)
    if handler is None or handler.maxBytes != max_bytes or handler.backupCount != backups:
        if handler is not None:
            handler.close()
        handler = _QuietHandler(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
        handler.setFormatter(logging.Formatter("--- %(asctime)s\n%(message)s"))
        _handlers[path] = handler
    logger = logging.getLogger(f"seedtui.errors:{path}")
    logger.propagate = False
    logger.setLevel(logging.ERROR)
    if handler not in logger.handlers:
        for old in list(logger.handlers):
            logger.removeHandler(old)
        logger.addHandler(handler)
    return logger, handler


def log_error(
    folder: Path, error: BaseException, max_bytes: int = MAX_BYTES, backups: int = BACKUPS
) -> Path | None:
    """Append ``error`` with its traceback to the error log; its path, or None if unwritable."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / ERROR_LOG
        if path.exists() and not path.is_file():
            return None  # a FIFO or a device planted there would block the log's open
        logger, handler = _logger(path, max_bytes, backups)
    except OSError:
        return None
    handler.failed = False
    logger.error(
        "%s: %s", type(error).__name__, error, exc_info=(type(error), error, error.__traceback__)
    )
    handler.flush()
    return None if handler.failed else path
