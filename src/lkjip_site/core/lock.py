"""One command at a time writes a site: an exclusive advisory lock on a file in its cache folder (``.cache/kunci``).

Why: ``lkjip build`` from a nightly cron job, the same command typed by the webmaster, ``lkjip terbitkan`` and the
rebuilds of an author's ``lkjip serve`` all write the same output folder, cache and archive. Each write is atomic on
its own (``output/publish``, ``core/files.write_whole``, ``archive/store.write_version``), but two builds are not: a
build that read ``arsip/`` before a release published over that release's build, so ``build/`` said "belum
diarsipkan" on the report page beside a ``versi.json`` that listed the version as archived, until the next build.
With the lock the second command waits for the first and then builds from what is on disk by then.

Why wait and not stop: a cron job that meets a build typed by hand still has to build (its night would otherwise be
lost, and its mail say "failed" for no fault), and a webmaster who meets the cron job wants their build after it.
The wait is said once, naming the command holding the lock and its process id, said again every :data:`REMIND_S`
with how long it has waited, and Ctrl+C ends it with nothing written. ``lkjip serve`` takes the lock for each
rebuild only, so a preview left open never keeps the webmaster from building.

Why the wait has a limit (``wait``, ``lkjip build --tunggu MENIT``): a hung holder (a PDF stuck on a huge table, a
process stopped with SIGSTOP) never lets go, and a nightly cron job that waited for ever piled up one waiting process
a night, with no mail saying why. ``flock(1)`` waits for ever unless given ``-w SECONDS`` (then exit code 1);
``apt`` waits for ever on a terminal and 120 seconds otherwise. lkjip does as ``apt``: the command line (``cli``)
passes no limit to a command typed on a terminal (the webmaster sees the message and can press Ctrl+C) and
:data:`UNATTENDED_WAIT_S` to one that is not (cron, CI, ``nohup``): longer than ``apt``'s, since a first build with
PDFs may honestly take many minutes. Past the limit :class:`SiteBusy` says who holds the lock, since when, its
process id and how to end it; nothing is written.

A process that ends in any way, even killed outright or by a power cut, loses its lock: the operating system releases
it with the process's files (``flock`` on POSIX, ``msvcrt.locking`` on Windows). The file stays, holding the last
holder's description, which is read only while someone holds the lock, so a stale file never blocks. (A Python
with neither module has no lock: commands are then not kept apart, as before.) The lock is
taken by polling every :data:`POLL_S` rather than by a blocking call: a blocked call in the main thread would not hear
a Ctrl+C or SIGTERM that Linux hands to another thread (``lkjip serve``'s server and watcher threads).

The file locked must still be the one the path names (compared by device and inode after the lock is taken, the
usual pattern): ``.cache/`` deleted while a build ran (the guides say it may be deleted) left a command that was
waiting on the old, nameless file, and once the build ended it ran beside a command that had meanwhile made and
locked a new ``.cache/kunci``. It now locks the file there instead, waiting for that command. (A command that holds a
nameless file cannot learn of a newer one: the guides say not to delete ``.cache/`` while a command runs.) Windows
cannot delete a file some process holds open, so the check is made on POSIX only.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, NamedTuple

from .fmt import fmt_date, fmt_duration

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
#: How often a waiting command says again that it still waits, and for how long (seconds): a cron mail of a night's
#: wait holds a dozen lines, not one per poll.
REMIND_S = 5 * 60.0
#: The longest a command that is not run from a terminal waits for the lock (seconds); see the module docstring.
UNATTENDED_WAIT_S = 60 * 60.0
#: Where Windows' byte-range lock lies: past the holder's description, which a waiting command reads.
_WINDOWS_OFFSET = 1 << 20


class SiteBusy(Exception):
    """Another command held the site's lock for longer than this one was to wait (message in Indonesian)."""


class Holder(NamedTuple):
    """Who holds the lock, as its file describes it: ``text`` for a message, ``pid`` to end it (None: unreadable)."""

    text: str
    pid: int | None


@contextmanager
def site_lock(cache_root: Path, command: str, said: Callable[[str], None],
              wait: float | None = None) -> Iterator[None]:
    """Hold the site's lock while the block runs; when another command holds it, ``said`` tells the user who, and
    the command waits for it, for ``wait`` seconds at most (None: for ever; 0: not at all), then raises
    :class:`SiteBusy`. ``command`` names this one for whoever waits next (``lkjip build``)."""
    file = _taken(cache_root / LOCK_FILE, said, wait)
    try:
        _describe(file, command)
        yield
    finally:
        _unlock(file)
        file.close()


def _taken(path: Path, said: Callable[[str], None], wait: float | None) -> IO[bytes]:
    """The lock file at ``path``, open and locked by this process, once its holder (if any) lets go."""
    started = time.monotonic()
    reminder = started + REMIND_S
    waited = False
    while True:
        file = _opened(path)
        told = False
        try:
            while not _locked(file):
                waited_s = time.monotonic() - started
                if wait is not None and waited_s >= wait:
                    raise SiteBusy(_busy(holder(path), wait))
                if not told:  # (again after a reopen: the file there now has a holder of its own)
                    said(f"folder situs ini sedang dipakai {holder(path).text}; perintah ini menunggu sampai "
                         f"selesai{_limit(wait)}, lalu berjalan (tekan Ctrl+C untuk berhenti menunggu; tidak ada yang "
                         "ditulis)")
                    told = waited = True
                elif time.monotonic() >= reminder:
                    said(f"masih menunggu {holder(path).text}: sudah {fmt_duration(waited_s)}{_limit(wait)}")
                    reminder += REMIND_S
                time.sleep(POLL_S)
        except BaseException:
            file.close()
            raise
        if _still_named(file, path):
            if waited:
                said("folder situs bebas lagi; perintah ini berjalan sekarang")
            return file
        _unlock(file)  # the file was deleted (and perhaps made again) while this command waited: lock the one there
        file.close()


def _opened(path: Path) -> IO[bytes]:
    """The lock file, made with its folder when missing (``.cache/`` may be deleted at any time)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return open(path, "a+b")  # (appending: never emptied before it is ours)


def _still_named(file: IO[bytes], path: Path) -> bool:
    """Whether ``path`` still names the file locked (see the module docstring)."""
    if fcntl is None:
        return True  # (Windows: a file held open cannot be deleted)
    try:
        return os.path.samestat(os.fstat(file.fileno()), os.stat(path))
    except FileNotFoundError:
        return False


def _limit(wait: float | None) -> str:
    return "" if wait is None else f" (paling lama {fmt_duration(wait)})"


def _busy(who: Holder, wait: float) -> str:
    """Why a command stopped without waiting longer, and how the webmaster ends a hung holder."""
    waited = "tidak menunggu (--tunggu 0)" if wait <= 0 else f"sudah menunggu {fmt_duration(wait)}"
    if who.pid is None:
        end = "cari prosesnya dengan 'ps -ef | grep lkjip'" if os.name == "posix" else "cari prosesnya di Task Manager"
    elif os.name == "posix":
        end = f"hentikan dengan 'kill {who.pid}' (bila semenit kemudian masih berjalan: 'kill -9 {who.pid}')"
    else:
        end = f"hentikan dengan 'taskkill /PID {who.pid} /F'"
    return (f"folder situs ini masih dipakai {who.text}; perintah ini {waited} dan berhenti tanpa menulis apa pun. "
            f"Bila perintah itu macet, {end}, lalu jalankan lagi perintah ini; bila ia memang masih bekerja, beri "
            "waktu tunggu lebih lama dengan --tunggu MENIT")


def holder(path: Path) -> Holder:
    """The command holding the lock at ``path``, as its description says: "'lkjip build' (proses 1234, sejak pukul
    09.35.12)"; "perintah lkjip lain" when the description cannot be read (being written just now)."""
    try:
        raw = json.loads(path.read_bytes().decode("utf-8"))
        since = dt.datetime.fromtimestamp(float(raw["mulai"]))
        command, pid = str(raw["perintah"]), int(raw["proses"])
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, OverflowError):
        return Holder("perintah lkjip lain", None)
    day = "" if since.date() == dt.date.today() else f"{fmt_date(since.date())} "
    return Holder(f"'{command}' (proses {pid}, sejak {day}pukul {since:%H.%M.%S})", pid)


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
        elif msvcrt is not None:
            file.seek(_WINDOWS_OFFSET)
            msvcrt.locking(file.fileno(), msvcrt.LK_NBLCK, 1)
    except (BlockingIOError, PermissionError):  # (POSIX: EWOULDBLOCK; Windows: EACCES)
        return False
    return True


def _unlock(file: IO[bytes]) -> None:
    if fcntl is not None:
        fcntl.flock(file.fileno(), fcntl.LOCK_UN)
    elif msvcrt is not None:
        file.seek(_WINDOWS_OFFSET)
        msvcrt.locking(file.fileno(), msvcrt.LK_UNLCK, 1)
