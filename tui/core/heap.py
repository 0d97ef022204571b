"""Giving the C heap's free memory back to the system after a big build.

Building an index allocates hundreds of megabytes of short-lived arrays (one
posting row per word before they are joined) and frees them. The C allocator
keeps most of that memory mapped: freed blocks between live ones cannot be
unmapped by shrinking the heap, so the resident set stays as high as at the
build's peak. glibc's ``malloc_trim`` hands the free pages inside the heap back
(``madvise``); at a million passages that was 231 MB of the 877 MB the built
index seemed to hold. Elsewhere (another C library, no ``ctypes``) nothing is done.

A long session frees the same way on a small scale: each search's hits, each
article's wrapped lines and styled quotations. :class:`Throttled` gives the pages
back at most once every few seconds (on BBC after 200 searches: 0.5 ms, about
4 MiB returned each time).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

__all__ = ["Throttled", "cap_heaps", "give_back"]

HEAPS = 2
"""The browser's heaps: the main thread's and one its workers share (they rarely run at once)."""

_M_ARENA_MAX = -8
"""glibc's ``mallopt`` parameter for the most heaps (``malloc.h``)."""


def _libc() -> object | None:
    """glibc, through ``ctypes``; None on another system or C library."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes  # only here: after the first frame, never on the start-up path

        return ctypes.CDLL(None)
    except (ImportError, OSError):
        return None


def cap_heaps(most: int = HEAPS) -> bool:
    """Let the C allocator make at most ``most`` heaps from now on; whether it was asked.

    Threads that already have a heap keep it; new ones share. Call it before the
    workers start. Elsewhere than glibc (musl has one heap, macOS its own zones)
    nothing is done.
    """
    libc = _libc()
    mallopt = getattr(libc, "mallopt", None)
    if mallopt is None:
        return False
    import ctypes

    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(_M_ARENA_MAX, most))


def give_back() -> bool:
    """Return free heap pages to the system; whether the C library could be asked to."""
    trim = getattr(_libc(), "malloc_trim", None)
    if trim is None:  # not glibc (musl has no malloc_trim)
        return False
    import ctypes

    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    trim(0)
    return True


class Throttled:
    """:func:`give_back`, done when called at most once every ``seconds`` (a call sooner
    does nothing): cheap enough to call after every search, never a cost per key."""

    def __init__(
        self,
        seconds: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
        trim: Callable[[], bool] = give_back,
    ) -> None:
        self.seconds = seconds
        self._clock = clock
        self._trim = trim
        self._last: float | None = None
        self.count = 0
        """How many times the pages were given back."""

    def __call__(self) -> bool:
        """Give the free pages back unless that was done less than ``seconds`` ago;
        whether it was done now."""
        now = self._clock()
        if self._last is not None and now - self._last < self.seconds:
            return False
        self._last = now
        self.count += 1
        self._trim()
        return True
