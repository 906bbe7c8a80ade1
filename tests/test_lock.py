"""One command at a time writes a site (``core/lock``): a build, a release or a preview's rebuild that finds the
site's lock held waits, says which command holds it, and goes on once it is free.

Why: a nightly ``lkjip build`` from cron, the webmaster's own ``lkjip build`` or ``terbitkan`` and an author's
``lkjip serve`` share ``build/``, ``.cache/`` and ``arsip/``; a build that read ``arsip/`` before a release published
over the release's build, and ``build/`` mixed the two (the report page "belum diarsipkan" beside a ``versi.json``
listing the version as archived). Each test holds the lock from a process of its own, as another ``lkjip`` command
does (``flock`` on ``.cache/kunci``, with the holder's description ``core/lock`` writes), and lets it go by killing
that process outright: the system releases a dead process's lock, so a killed build never blocks the next.
Nothing here sleeps to wait for an order of events: each step waits for a line the command prints.
"""

from __future__ import annotations

import argparse
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO

import pytest

import lkjip_site
from lkjip_site.cli.building import waiting
from lkjip_site.cli.main import main
from lkjip_site.core import lock
from lkjip_site.core.lock import UNATTENDED_WAIT_S, SiteBusy, site_lock
from conftest import EPOCH, REPORT_DIR, SLUG, fill_in, tree_hashes
from serve_support import free_port

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the test's holder takes the lock with fcntl.flock")

#: Another command holding the site's lock until it is killed: prints "dipegang" once it holds it, "terkunci" (and
#: ends) when someone else does.
HOLDER = """
import fcntl, json, os, sys, time
f = open(sys.argv[1], "a+b")
try:
    fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
except BlockingIOError:
    print("terkunci", flush=True)
    sys.exit(1)
f.truncate(0)
f.write(json.dumps({"perintah": "lkjip build", "proses": os.getpid(), "mulai": time.time()}).encode())
f.flush()
print("dipegang", flush=True)
sys.stdin.read()
"""

#: The longest a step may take (a build on a machine busy with other tests); never a wait for an order of events.
STEP_S = 180.0
WAITING = "sedang dipakai 'lkjip build' (proses"


class Lines:
    """The lines a process prints on one stream, read by a thread, so that a test waits for one with a limit."""

    def __init__(self, stream: IO[str]) -> None:
        self.seen: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def until(self, text: str, instead: str | None = None) -> str:
        """The first line holding ``text``; fails at the end of the stream, after :data:`STEP_S`, or at a line
        holding ``instead`` (what the command prints when it went on without waiting)."""
        while True:
            try:
                line = self._queue.get(timeout=STEP_S)
            except queue.Empty:
                raise AssertionError(f"'{text}' tidak tercetak dalam {STEP_S} detik: {self.seen}") from None
            if line is None:
                raise AssertionError(f"'{text}' tidak tercetak sebelum proses selesai: {self.seen}")
            self.seen.append(line)
            if text in line:
                return line
            if instead is not None and instead in line:
                raise AssertionError(f"'{instead}' tercetak sebelum '{text}': {self.seen}")


def _env() -> dict[str, str]:
    """The package under test in the child processes too (a relative PYTHONPATH would not reach them from a site
    folder)."""
    src = str(Path(lkjip_site.__file__).resolve().parents[1])
    return {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")]),
            "SOURCE_DATE_EPOCH": EPOCH}


@contextmanager
def held(root: Path) -> Iterator[subprocess.Popen[str]]:
    """The site's lock held by another process until the block ends or the test kills it."""
    (root / ".cache").mkdir(exist_ok=True)
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(root / ".cache" / "kunci")], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "dipegang", "kunci situs sudah dipegang perintah lain"
        yield proc
    finally:
        proc.kill()
        proc.wait()


def lkjip(root: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "lkjip_site", *args, "--situs", str(root)], cwd=root, env=_env(),
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _edit(root: Path) -> None:
    chapter = root / REPORT_DIR / "40-bab-4-penutup.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\nKalimat yang ditambahkan penulis.\n", encoding="utf-8")


def test_a_build_waits_for_the_command_holding_the_site_then_builds(project: Path) -> None:
    """The cron job's build meets the webmaster's: it says which command holds the site (its process id, so that a
    hung one can be found), publishes nothing while it waits, and builds once that command is gone (here killed
    outright: the lock dies with it)."""
    _edit(project)
    before = tree_hashes(project / "build")
    with held(project) as holder:
        build = lkjip(project, "build", "--tanpa-pdf")
        assert build.stderr is not None
        said = Lines(build.stderr)
        line = said.until("sedang dipakai", instead="Selesai")
        assert f"{WAITING} {holder.pid}, sejak pukul " in line
        assert "menunggu" in line and "Ctrl+C" in line
        assert build.poll() is None
        assert tree_hashes(project / "build") == before  # nothing published while it waits
        holder.kill()
        said.until("bebas lagi")
    out, _ = build.communicate(timeout=STEP_S)
    assert build.returncode == 0, said.seen
    assert "Selesai: 1 laporan" in out
    assert tree_hashes(project / "build") != before


@pytest.mark.parametrize("stop, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_build_stopped_while_it_waits_writes_nothing(project: Path, stop: signal.Signals, code: int) -> None:
    """Ctrl+C (or a cancelled job's SIGTERM) ends the wait as the message promises: the usual exit code, and the
    previous build untouched."""
    _edit(project)
    before = tree_hashes(project / "build")
    with held(project):
        build = lkjip(project, "build", "--tanpa-pdf")
        assert build.stderr is not None
        said = Lines(build.stderr)
        said.until("sedang dipakai", instead="Selesai")
        build.send_signal(stop)
        said.until("dihentikan sebelum selesai")
        assert build.wait(timeout=STEP_S) == code
    assert tree_hashes(project / "build") == before


def test_a_release_waits_for_a_build_then_archives_and_publishes(project: Path) -> None:
    """``lkjip terbitkan`` started while the cron job builds: it waits, then archives the version and publishes a
    site that lists it (with no lock, the build that had read ``arsip/`` before the release published over it)."""
    fill_in(project / REPORT_DIR)
    with held(project) as holder:
        release = lkjip(project, "terbitkan", SLUG, "--tanpa-pdf")
        assert release.stderr is not None
        said = Lines(release.stderr)
        assert f"{WAITING} {holder.pid}," in said.until("sedang dipakai", instead="Situs dibangun")
        assert not (project / "arsip").exists()
        holder.kill()
    out, _ = release.communicate(timeout=STEP_S)
    assert release.returncode == 0, said.seen
    assert (project / "arsip" / SLUG / "1.0" / "manifest.json").is_file()
    assert '"diarsipkan": true' in (project / "build/laporan" / SLUG / "versi.json").read_text(encoding="utf-8")


def test_a_preview_takes_the_site_for_each_rebuild_only(project: Path) -> None:
    """``lkjip serve`` left open all day holds the site only while it rebuilds: the webmaster's command can take it
    between saves, and a save made meanwhile is rebuilt once that command is done, saying why it waits."""
    serve = subprocess.Popen([sys.executable, "-m", "lkjip_site", "serve", "--situs", str(project), "--port",
                              str(free_port())], cwd=project, env=_env(), stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert serve.stdout is not None
        said = Lines(serve.stdout)
        said.until("Pratinjau di http://")
        with held(project) as holder:  # (fails at once when the preview kept the lock after its first build)
            _edit(project)
            line = said.until("sedang dipakai", instead="Dibangun ulang")
            assert f"{WAITING} {holder.pid}," in line
            holder.kill()
            said.until("bebas lagi")
            said.until("Dibangun ulang")
    finally:
        serve.terminate()
        assert serve.wait(timeout=STEP_S) == 0


def test_a_cron_build_gives_up_on_a_hung_command_and_says_how_to_end_it(project: Path) -> None:
    """A build that hangs (a PDF stuck on a huge table, a process stopped with SIGSTOP) kept every later command
    waiting for ever: one more cron process a night, and no mail saying why. With ``--tunggu`` the command stops after
    that long, naming the command it waited for, since when and its process id, and how to end it; its own exit code,
    and nothing written."""
    _edit(project)
    before = tree_hashes(project / "build")
    with held(project) as holder:
        build = lkjip(project, "build", "--tanpa-pdf", "--tunggu", "0,005")  # (0,3 detik)
        _, err = build.communicate(timeout=STEP_S)
        assert build.returncode == 4, err
    assert f"lkjip: folder situs ini masih dipakai 'lkjip build' (proses {holder.pid}, sejak pukul " in err
    assert "berhenti tanpa menulis apa pun" in err
    assert f"'kill {holder.pid}'" in err and f"'kill -9 {holder.pid}'" in err and "--tunggu MENIT" in err
    assert "Traceback" not in err
    assert tree_hashes(project / "build") == before


@pytest.mark.parametrize("typed, terminal, limit", [(None, False, UNATTENDED_WAIT_S), (None, True, None),
                                                    (0.0, True, 0.0), (90.0, False, 5400.0)])
def test_a_command_from_cron_waits_an_hour_at_most_and_one_typed_on_a_terminal_for_ever(
        monkeypatch: pytest.MonkeyPatch, typed: float | None, terminal: bool, limit: float | None) -> None:
    """Without ``--tunggu``, as ``apt`` does: the webmaster at a terminal sees the wait and can press Ctrl+C, a cron
    job (its input not a terminal) stops after an hour; ``--tunggu`` (minutes) decides in both."""
    monkeypatch.setattr("sys.stdin", type("Input", (), {"isatty": lambda self: terminal})())
    assert waiting(argparse.Namespace(tunggu=typed)) == limit
    assert UNATTENDED_WAIT_S == 3600


def test_a_long_wait_is_said_again_now_and_then_not_at_every_try(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A cron mail of a night's wait says how long it has waited every few minutes (here every 0,05 s), not once per
    try (every 0,01 s here); ``--tunggu 0`` stops at once without saying it waits."""
    monkeypatch.setattr(lock, "POLL_S", 0.01)
    monkeypatch.setattr(lock, "REMIND_S", 0.05)
    said: list[str] = []
    cache = tmp_path / ".cache"
    with site_lock(cache, "lkjip build", said.append):
        with pytest.raises(SiteBusy) as busy:
            with site_lock(cache, "lkjip terbitkan contoh", said.append, wait=0.3):
                pytest.fail("berjalan selagi kunci dipegang")
        assert said[0].startswith(f"folder situs ini sedang dipakai 'lkjip build' (proses {os.getpid()}, ")
        assert "menunggu sampai selesai (paling lama 0 detik)" in said[0]
        again = said[1:]
        assert 2 <= len(again) <= 8, said  # (30 tries)
        assert all(line.startswith(f"masih menunggu 'lkjip build' (proses {os.getpid()}, sejak pukul ")
                   and ": sudah 0 detik (paling lama 0 detik)" in line for line in again), said
        assert str(busy.value).startswith("folder situs ini masih dipakai 'lkjip build' (proses ")
        assert "sudah menunggu 0 detik dan berhenti" in str(busy.value)
        said.clear()
        with pytest.raises(SiteBusy, match=r"perintah ini tidak menunggu \(--tunggu 0\) dan berhenti"):
            with site_lock(cache, "lkjip pdf contoh", said.append, wait=0):
                pytest.fail("berjalan selagi kunci dipegang")
        assert said == []
    with site_lock(cache, "lkjip pdf contoh", said.append, wait=0):  # (free again: nothing left held)
        assert said == []


def _waiting_thread(cache: Path, events: queue.Queue[str], done: threading.Event) -> threading.Thread:
    """A command waiting for the site in a thread of its own: what it says, then "masuk" once it holds the lock."""
    def run() -> None:
        with site_lock(cache, "lkjip serve", events.put):
            events.put("masuk")
            done.wait(STEP_S)
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_a_waiting_command_does_not_run_beside_one_started_after_the_cache_was_deleted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``.cache/`` deleted while a build runs (the guides say it may be deleted): a command already waiting held the
    old, nameless lock file; once the build ended it took that file's lock and ran beside a command started after the
    deletion, which had made and locked a new ``.cache/kunci``. It now waits for that command too."""
    monkeypatch.setattr(lock, "POLL_S", 0.01)
    cache = tmp_path / ".cache"
    events: queue.Queue[str] = queue.Queue()
    done = threading.Event()
    with ExitStack() as first, ExitStack() as second:
        first.enter_context(site_lock(cache, "lkjip build", events.put))
        thread = _waiting_thread(cache, events, done)
        assert "sedang dipakai 'lkjip build'" in events.get(timeout=STEP_S)
        shutil.rmtree(cache)
        second.enter_context(site_lock(cache, "lkjip terbitkan contoh", events.put))  # (at once: a new file)
        first.close()  # the build ends
        assert "sedang dipakai 'lkjip terbitkan contoh'" in events.get(timeout=STEP_S)
        assert events.empty()
    assert "bebas lagi" in events.get(timeout=STEP_S)
    assert events.get(timeout=STEP_S) == "masuk"
    done.set()
    thread.join(STEP_S)


class FakeMsvcrt:
    """Windows' ``msvcrt.locking`` on POSIX: one byte-range lock per (file, offset), refused with EACCES
    (PermissionError) to another open file, as Windows does; unlocking a range not locked by that file fails."""

    LK_UNLCK, LK_NBLCK = 0, 2

    def __init__(self) -> None:
        self.held: dict[tuple[int, int], int] = {}
        self.offsets: set[int] = set()

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        assert nbytes == 1
        offset = os.lseek(fd, 0, os.SEEK_CUR)
        key = (os.fstat(fd).st_ino, offset)
        self.offsets.add(offset)
        if mode == self.LK_NBLCK:
            if self.held.setdefault(key, fd) != fd:
                raise PermissionError(13, "Permission denied")
        elif mode == self.LK_UNLCK:
            if self.held.get(key) != fd:
                raise PermissionError(13, "Permission denied")
            del self.held[key]
        else:
            raise AssertionError(f"mode {mode}")


def test_on_windows_the_lock_lies_past_the_holders_description(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Windows path (``msvcrt.locking``), with a fake module in its place: a second command is refused, reads who
    holds the site (the locked byte lies past the description: a locked range cannot be read on Windows), waits,
    and runs once the first unlocks."""
    fake = FakeMsvcrt()
    monkeypatch.setattr(lock, "fcntl", None)
    monkeypatch.setattr(lock, "msvcrt", fake)
    monkeypatch.setattr(lock, "POLL_S", 0.01)
    cache = tmp_path / ".cache"
    events: queue.Queue[str] = queue.Queue()
    done = threading.Event()
    with ExitStack() as first:
        first.enter_context(site_lock(cache, "lkjip build", events.put))
        with pytest.raises(SiteBusy, match=f"masih dipakai 'lkjip build' \\(proses {os.getpid()}, sejak pukul "):
            with site_lock(cache, "lkjip pdf contoh", events.put, wait=0):
                pytest.fail("berjalan selagi kunci dipegang")
        thread = _waiting_thread(cache, events, done)
        assert f"sedang dipakai 'lkjip build' (proses {os.getpid()}," in events.get(timeout=STEP_S)
    assert "bebas lagi" in events.get(timeout=STEP_S)
    assert events.get(timeout=STEP_S) == "masuk"
    assert len(fake.held) == 1
    done.set()
    thread.join(STEP_S)
    assert fake.held == {}
    assert fake.offsets == {lock._WINDOWS_OFFSET} and (cache / "kunci").stat().st_size < min(fake.offsets)


@pytest.mark.parametrize("typed", ["abc", "-5", "nan"])
def test_a_wait_that_is_no_number_of_minutes_says_what_to_write(typed: str,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["build", "--tunggu", typed])
    assert stop.value.code == 2
    assert f"argumen --tunggu: '{typed}' bukan jumlah menit; tulis bilangan 0 atau lebih, mis. --tunggu 90" in (
        capsys.readouterr().err)
