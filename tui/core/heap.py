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

__all__ = ["give_back"]


def give_back() -> bool:
    """Return free heap pages to the system; whether the C library could be asked to."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes  # only here: a build's end, never on the start-up path

        libc = ctypes.CDLL(None)
        trim = libc.malloc_trim
    except (ImportError, OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return False
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    trim(0)
    return True
