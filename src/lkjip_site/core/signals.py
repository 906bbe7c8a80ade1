"""Stopping a command: Ctrl+C (SIGINT) and SIGTERM end it the same way, never in the middle of a swap.

Why: a build is stopped by Ctrl+C in a terminal, and by SIGTERM when a CI job is cancelled, a service manager stops
``lkjip serve`` or a container shuts down. Python turns SIGINT into ``KeyboardInterrupt``, so every ``with`` and
``finally`` runs (temporary folders, Pagefind's scratch copy in memory, a staging folder), but SIGTERM by default ends
the process at once and leaves them behind: a scratch copy in ``/dev/shm`` then stays in memory until the machine
restarts. :func:`stopping` makes SIGTERM raise :class:`Stopped` (a ``KeyboardInterrupt``), so both end alike.

A stop is also noted where it is received, because the exception a handler raises can go nowhere: Python runs the
handler wherever the main thread stands, and one raised while the garbage collector runs a finalizer is printed (or
not) and dropped; ``lkjip serve`` then waited for the next save, deaf to the stop (two CI runs of three). The
preview's loop asks :func:`raise_unheard` on each turn, and :func:`stopping` asks at its end: a stop that went unheard
is raised there (unless the command caught it and said so, :func:`heard`).

:func:`uninterrupted` holds either signal back while a few renames put a whole new set of files in place (publishing,
a spreadsheet import): a stop then comes before or after them, never between, so ``build/`` is the old site or the new
one, not a mix of both.
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


#: The stop signals received inside :func:`stopping`, whether their exception went anywhere or not.
_received: list[int] = []


def _stop_exception(signum: int) -> KeyboardInterrupt:
    return Stopped(signum) if signum == signal.SIGTERM else KeyboardInterrupt()


def _stop(signum: int, frame: FrameType | None) -> None:
    _received.append(signum)
    raise _stop_exception(signum)


def raise_unheard() -> None:
    """Raise the first stop received, if any: called where the command would go on running (the preview's loop),
    only a stop whose exception was dropped can be pending there (see the module's docstring)."""
    if _received:
        raise _stop_exception(_received[0])


def heard() -> None:
    """The command caught its stop and ends by it (the preview, whose usual end a stop is): not to be raised again."""
    _received.clear()


@contextmanager
def stopping() -> Iterator[None]:
    """Ctrl+C raises ``KeyboardInterrupt`` and SIGTERM :class:`Stopped` inside the block, each noted as well: one
    that went unheard is raised at its end (a command that ran to its end anyway still says it was stopped, and a
    script's next step does not run). Outside the main thread, where Python allows no handler, nothing changes; the
    previous handlers are put back after it (tests call the CLI many times in one process)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _received.clear()
    previous = {signum: signal.signal(signum, _stop) for signum in STOP_SIGNALS}
    try:
        yield
        raise_unheard()
    finally:
        for signum, handler in previous.items():
            if handler is not None:  # (None: a handler set outside Python, which cannot be put back from here)
                signal.signal(signum, handler)
        _received.clear()


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
