"""Giving the C heap's free memory back to the system after a big build.

Building an index allocates hundreds of megabytes of short-lived arrays (one
posting row per word before they are joined) and frees them. The C allocator
keeps most of that memory mapped: freed blocks between live ones cannot be
unmapped by shrinking the heap, so the resident set stays as high as at the
build's peak. glibc's ``malloc_trim`` hands the free pages inside the heap back
(``madvise``); at a million passages that was 231 MB of the 877 MB the built
index seemed to hold. Elsewhere (another C library, no ``ctypes``) nothing is done.
"""

from __future__ import annotations

import sys

__all__ = ["cap_heaps", "give_back"]

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
