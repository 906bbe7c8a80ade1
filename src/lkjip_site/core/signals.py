"""Stopping a command: Ctrl+C (SIGINT) and SIGTERM end it the same way, never in the middle of a swap.

Why: a build is stopped by Ctrl+C in a terminal, and by SIGTERM when a CI job is cancelled, a service manager stops
``lkjip serve`` or a container shuts down. Python turns SIGINT into ``KeyboardInterrupt``, so every ``with`` and
``finally`` runs (temporary folders, Pagefind's scratch copy in memory, a staging folder), but SIGTERM by default ends
the process at once and leaves them behind: a scratch copy in ``/dev/shm`` then stays in memory until the machine
restarts. :func:`stopping_on_terminate` makes SIGTERM raise :class:`Stopped` (a ``KeyboardInterrupt``), so both end
alike. :func:`uninterrupted` holds either signal back while a few renames put a whole new set of files in place
(publishing, a spreadsheet import): a stop then comes before or after them, never between, so ``build/`` is the old
site or the new one, not a mix of both.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

#: The signals that stop a command.
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Stopped(KeyboardInterrupt):
    """SIGTERM received: handled wherever Ctrl+C is (``except KeyboardInterrupt``)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def exit_code(stop: KeyboardInterrupt) -> int:
    """The shell's code for a process ended by a signal: 128 + its number (130 for Ctrl+C, 143 for SIGTERM)."""
    return 128 + (stop.signum if isinstance(stop, Stopped) else signal.SIGINT)


def _raise_stopped(signum: int, frame: FrameType | None) -> None:
    raise Stopped(signum)


@contextmanager
def stopping_on_terminate() -> Iterator[None]:
    """SIGTERM raises :class:`Stopped` inside the block (outside the main thread, where Python allows no handler,
    nothing changes); the previous handler is put back after it (tests call the CLI many times in one process)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_stopped)
    try:
        yield
    finally:
        if previous is not None:  # (None: a handler set outside Python, which cannot be put back from here)
            signal.signal(signal.SIGTERM, previous)


@contextmanager
def uninterrupted() -> Iterator[None]:
    """Run the block to its end when SIGINT or SIGTERM arrives meanwhile; the first such signal is then raised again,
    right after it, for the handler that was in place. Keep the block short: it is a stop the user is waiting for."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []

    def hold(signum: int, frame: FrameType | None) -> None:
        caught.append(signum)

    previous = {signum: signal.signal(signum, hold) for signum in STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            if handler is not None:
                signal.signal(signum, handler)
        if caught:
            signal.raise_signal(caught[0])
