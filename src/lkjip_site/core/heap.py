"""Give the memory a build has freed back to the system before a large child process starts.

Why: the build process frees a great deal once its pages are rendered (each page's HTML text, the tables and charts
taken out of the memo for it), but the C allocator keeps freed blocks inside the process for reuse, so its resident
size does not fall. On an archive of 500 reports that is some 20 MB still counted as the build's while Pagefind
indexes a year's pages beside it (a third of a GB of its own): the build's peak (measured: 653 → 632 MB). The
garbage collector is not run first: on a heap that is not frozen (a full build, ``serve``) a collection costs 0,2 s
at 100 reports, for a few MB.

``malloc_trim`` is glibc's (Debian, Ubuntu); elsewhere there is nothing to call and this does nothing.
"""

from __future__ import annotations

import ctypes
from functools import cache
from typing import Callable


def release_freed_memory() -> None:
    """Hand the allocator's free blocks back to the system (where the C library can; a few milliseconds)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:  # the symbols the interpreter is linked with, its C library among them: no search, no subprocess
        return getattr(ctypes.CDLL(None), "malloc_trim", None)
    except OSError:
        return None
