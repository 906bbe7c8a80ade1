"""A command stopped by Ctrl+C or SIGTERM (a cancelled CI job, a service stopped): it says so, its exit code is not
success, it cleans up after itself, and what it was putting in place is the old set of files or the new one."""

from __future__ import annotations

import gc
import hashlib
import os
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest
from conftest import EPOCH, REPORT_DIR, tree_hashes

from lkjip_site.cli.main import main
from lkjip_site.core.signals import Stopped, raise_unheard, stopping, uninterrupted
from lkjip_site.output import publish as publish_module
from lkjip_site.output import search
from lkjip_site.output.publish import STALE_TREE_S, publish
from lkjip_site.sheets import files as sheet_files


def test_sigterm_while_indexing_stops_the_build_as_ctrl_c_does(project: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """SIGTERM arrives while Pagefind's scratch copy of the pages exists: the build ends with 143 and a message,
    the copy is removed, ``build/`` is the last good build, the signal's handler is put back, and the next build
    publishes the edit."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    scratch = tmp_path / "sementara"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))  # the scratch copy goes to the temporary folder, watched here
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    before = tree_hashes(project / "build")
    chapter = sorted((project / REPORT_DIR).glob("*.md"))[0]
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\nKalimat tambahan untuk uji penghentian.\n",
                       encoding="utf-8")
    real_run = subprocess.run
    seen: list[list[str]] = []

    def run(cmd: list[str], *args: object, **kwargs: object) -> subprocess.CompletedProcess[str]:
        if "--site" in cmd:  # Pagefind, with the pages written out: the service manager stops the build now
            seen.append(sorted(p.name for p in scratch.iterdir()))
            os.kill(os.getpid(), signal.SIGTERM)
        return real_run(cmd, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(search.subprocess, "run", run)
    handler = signal.getsignal(signal.SIGTERM)
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 128 + signal.SIGTERM
    assert "dihentikan sebelum selesai" in capsys.readouterr().err
    assert seen and any(name.startswith(search.SCRATCH_PREFIX) for name in seen[0])  # it existed when stopped
    assert not any(scratch.iterdir())
    assert tree_hashes(project / "build") == before
    assert signal.getsignal(signal.SIGTERM) is handler
    monkeypatch.setattr(search.subprocess, "run", real_run)
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 0
    assert tree_hashes(project / "build") != before


def test_ctrl_c_is_not_success(project: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    """``lkjip build && unggah`` must not upload after a Ctrl+C (the exit code was 0 before)."""
    def stopped(args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr("lkjip_site.cli.main.command", lambda name: stopped)
    assert main(["build", "--situs", str(project)]) == 130
    assert "dihentikan" in capsys.readouterr().err


class _SendsOnCollection:
    """Garbage (a cycle) whose finalizer sends ``signum`` to this process: the handler runs inside the finalizer,
    where the exception it raises is dropped (printed as "Exception ignored in"), as it was inside the preview's
    garbage collection between two builds."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        self.cycle = self

    def __del__(self) -> None:
        os.kill(os.getpid(), self.signum)
        for _ in range(3):  # a few steps, for the handler to run here, inside the finalizer
            pass


def _drop_a_stop(signum: int) -> None:
    _SendsOnCollection(signum)
    gc.collect()


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the dropped exception, printed
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_stop_whose_exception_a_finalizer_dropped_still_ends_the_command_as_stopped(
        project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], signum: int,
        code: int) -> None:
    """The command ran on to its end (its stop's exception went nowhere), but it was stopped: its exit code and
    message say so, and ``lkjip build && unggah`` does not upload (it was 0: success)."""
    dropped = []

    def build_dropping_a_stop(args: object) -> int:
        _drop_a_stop(signum)
        dropped.append(signum)  # (the stop's exception went nowhere: the command runs on)
        return 0

    monkeypatch.setattr("lkjip_site.cli.main.command", lambda name: build_dropping_a_stop)
    handlers = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    assert main(["build", "--situs", str(project)]) == code
    assert "dihentikan" in capsys.readouterr().err and dropped == [signum]
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == handlers
    monkeypatch.undo()
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 0  # noted for that command only


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_loop_asking_after_each_turn_hears_a_stop_whose_exception_went_nowhere() -> None:
    """The preview's loop: each turn asks :func:`raise_unheard` (it waited for the next save, deaf to the stop)."""
    turns, dropped = 0, False
    with pytest.raises(Stopped):
        with stopping():
            while turns < 3:
                raise_unheard()
                turns += 1
                if turns == 1:
                    _drop_a_stop(signal.SIGTERM)
                    dropped = True  # (its exception went nowhere: the loop runs on)
    assert turns == 1 and dropped


def test_a_stop_during_the_renames_of_an_update_comes_after_them(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "build"
    old = {f"bab-{i}/index.html": f"lama {i}".encode() for i in range(5)} | {"hapus.html": b"x"}
    old.update({f"sama-{i}.html": b"sama" for i in range(20)})
    publish(old, out)
    # five pages changed and one gone, of 25: few enough to be updated in place, five renames and a removal
    new = {rel: (data.replace(b"lama", b"baru") if rel.startswith("bab-") else data) for rel, data in old.items()
           if rel != "hapus.html"}
    real_replace = os.replace
    calls: list[str] = []

    def replace(src: object, dst: object) -> None:
        if not calls:
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl+C after the first rename
        calls.append(str(dst))
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(publish_module.os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        publish(new, out, tree_hashes(out))
    assert len(calls) == 5
    assert tree_hashes(out) == {rel: hashlib.sha256(data).hexdigest() for rel, data in sorted(new.items())}


def test_a_stop_during_the_swap_leaves_the_new_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "build"
    publish({"index.html": b"lama"}, out)
    real_rename = Path.rename
    calls: list[str] = []

    def rename(self: Path, target: Path) -> Path:
        if not calls:
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl+C after the old site moved aside, before the new one moved in
        calls.append(self.name)
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(KeyboardInterrupt):
        publish({"index.html": b"baru"}, out)  # no record of the disk: a whole new tree, swapped in
    assert len(calls) == 2
    assert (out / "index.html").read_bytes() == b"baru"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]  # the old tree removed, no staging left


def test_a_stop_during_a_spreadsheet_import_leaves_every_file_as_it_was(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Stopped after its first rename, an import still renames the rest, then puts every original back (all or
    none, as for any failure): the author's data files are never half imported."""
    paths = {tmp_path / f"data-{i}.yaml": f"baru: {i}\n" for i in range(4)}
    for path in paths:
        path.write_text("lama: 0\n", encoding="utf-8")
    real_replace = os.replace
    calls: list[str] = []

    def replace(src: object, dst: object) -> None:
        if not calls:
            os.kill(os.getpid(), signal.SIGINT)
        calls.append(str(dst))
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(sheet_files.os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        sheet_files.write_all(paths)
    assert len(calls) == 4 + 4  # the four renames, then the four originals put back
    assert {p.name: p.read_text(encoding="utf-8") for p in paths} == {p.name: "lama: 0\n" for p in paths}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)  # no temporary or backup


def test_uninterrupted_holds_the_signal_to_the_end_of_the_block() -> None:
    done = []
    with pytest.raises(KeyboardInterrupt):
        with uninterrupted():
            os.kill(os.getpid(), signal.SIGINT)
            done.append("sesudah sinyal")
        done.append("tidak pernah")
    assert done == ["sesudah sinyal"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_uninterrupted_outside_the_main_thread_changes_nothing() -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            with uninterrupted():
                pass
        except BaseException as exc:  # noqa: BLE001 - the thread reports what it met
            errors.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert errors == []


def test_trees_left_by_killed_builds_are_swept_by_the_next_publish(tmp_path: Path) -> None:
    """SIGKILL or the out-of-memory killer leaves a hidden copy of the site beside ``build/``; the next publish
    removes it once its process is gone and it is an hour old, and keeps every other."""
    out = tmp_path / "build"
    publish({"index.html": b"lama"}, out)
    dead = int(Path("/proc/sys/kernel/pid_max").read_text()) + 1  # above the largest id: no such process, ever
    old = time.time() - 2 * STALE_TREE_S
    names = {"killed": f".build-baru-{dead}", "retired": f".build-lama-{dead}", "alive": f".build-baru-{os.getppid()}",
             "recent": f".build-lama-{dead + 1}", "other": f".build-baru-{dead}x", "elsewhere": f".lain-baru-{dead}"}
    for what, name in names.items():
        (tmp_path / name / "laporan").mkdir(parents=True)
        (tmp_path / name / "laporan" / "index.html").write_bytes(b"sisa")
        if what != "recent":  # (written just now: perhaps by a build on another machine sharing the folder)
            os.utime(tmp_path / name, (old, old))
    publish({"index.html": b"baru"}, out, tree_hashes(out))  # an update in place sweeps too
    left = {p.name for p in tmp_path.iterdir()}
    assert left == {"build"} | {name for what, name in names.items() if what not in ("killed", "retired")}
    assert (out / "index.html").read_bytes() == b"baru"
