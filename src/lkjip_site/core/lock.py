"""One command at a time writes a site: an exclusive advisory lock on a file in its cache folder (``.cache/kunci``).

Why: ``lkjip build`` from a nightly cron job, the same command typed by the webmaster, ``lkjip terbitkan`` and the
rebuilds of an author's ``lkjip serve`` all write the same output folder, cache and archive. Each write is atomic on
its own (``output/publish``, ``core/files.write_whole``, ``archive/store.write_version``), but two builds are not: a
build that read ``arsip/`` before a release published over that release's build, so ``build/`` said "belum
diarsipkan" on the report page beside a ``versi.json`` that listed the version as archived, until the next build.
With the lock the second command waits for the first and then builds from what is on disk by then.

Why wait and not stop: a cron job that meets a build typed by hand still has to build (its night would otherwise be
lost, and its mail say "failed" for no fault), and a webmaster who meets the cron job wants their build after it, as
``flock(1)`` and ``apt`` do by default; the wait is said once, naming the command holding the lock and its process
id, and Ctrl+C ends it with nothing written. ``lkjip serve`` takes the lock for each rebuild only, so a preview left
open never keeps the webmaster from building.

A process that ends in any way, even killed outright or by a power cut, loses its lock: the operating system releases
it with the process's files (``flock`` on POSIX, ``msvcrt.locking`` on Windows). The file stays, holding the last
holder's description, which is read only while someone holds the lock, so a stale file never blocks. (A Python
with neither module has no lock: commands are then not kept apart, as before.) The lock is
taken by polling every :data:`POLL_S` rather than by a blocking call: a blocked call in the main thread would not hear
a Ctrl+C or SIGTERM that Linux hands to another thread (``lkjip serve``'s server and watcher threads).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from .fmt import fmt_date

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
try:  # Windows
    import msvcrt
except ImportError:
    msvcrt = None  # type: ignore[assignment]

#: The lock file, in the site's cache folder (git-ignored with it).
LOCK_FILE = "kunci"
#: How often a waiting command tries the lock again (seconds).
POLL_S = 0.1
#: Where Windows' byte-range lock lies: past the holder's description, which a waiting command reads.
_WINDOWS_OFFSET = 1 << 20


@contextmanager
def site_lock(cache_root: Path, command: str, said: Callable[[str], None]) -> Iterator[None]:
    """Hold the site's lock while the block runs; when another command holds it, ``said`` tells the user who, and
    the command waits for it. ``command`` names this one for whoever waits next (``lkjip build``)."""
    cache_root.mkdir(parents=True, exist_ok=True)
    path = cache_root / LOCK_FILE
    with open(path, "a+b") as file:  # (appending: never emptied before it is ours)
        if not _locked(file):
            said(f"folder situs ini sedang dipakai {holder(path)}; perintah ini menunggu sampai selesai, lalu "
                 "berjalan (tekan Ctrl+C untuk berhenti menunggu; tidak ada yang ditulis)")
            while not _locked(file):
                time.sleep(POLL_S)
            said("folder situs bebas lagi; perintah ini berjalan sekarang")
        try:
            _describe(file, command)
            yield
        finally:
            _unlock(file)


def holder(path: Path) -> str:
    """The command holding the lock at ``path``, as its description says: "'lkjip build' (proses 1234, sejak pukul
    09.35.12)"; "perintah lkjip lain" when the description cannot be read (being written just now)."""
    try:
        raw = json.loads(path.read_bytes().decode("utf-8"))
        since = dt.datetime.fromtimestamp(float(raw["mulai"]))
        command, pid = str(raw["perintah"]), int(raw["proses"])
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, OverflowError):
        return "perintah lkjip lain"
    day = "" if since.date() == dt.date.today() else f"{fmt_date(since.date())} "
    return f"'{command}' (proses {pid}, sejak {day}pukul {since:%H.%M.%S})"


def _describe(file: IO[bytes], command: str) -> None:
    """Write who holds the lock into its file, for whoever waits next."""
    file.seek(0)
    file.truncate()
    file.write(json.dumps({"perintah": command, "proses": os.getpid(), "mulai": time.time()}).encode("utf-8"))
    file.flush()


def _locked(file: IO[bytes]) -> bool:
    """Take the lock if free; False when another open file (another command) holds it."""
    try:
        if fcntl is not None:
            fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        elif msvcrt is not None:  # pragma: no cover - Windows
            file.seek(_WINDOWS_OFFSET)
            msvcrt.locking(file.fileno(), msvcrt.LK_NBLCK, 1)
    except (BlockingIOError, PermissionError):  # (POSIX: EWOULDBLOCK; Windows: EACCES)
        return False
    return True


def _unlock(file: IO[bytes]) -> None:
    if fcntl is not None:
        fcntl.flock(file.fileno(), fcntl.LOCK_UN)
    elif msvcrt is not None:  # pragma: no cover - Windows
        file.seek(_WINDOWS_OFFSET)
        msvcrt.locking(file.fileno(), msvcrt.LK_UNLCK, 1)
