"""``lkjip serve`` run as an author runs it: its own process on a free port, stopped when the test ends.

One helper for every test that talks to a running preview (``test_serve``, ``test_arsip``, the browser's reload
test), so that they start, wait for and stop it the same way.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

#: Seconds a preview may take to make its first build (the browser tests' machine is busy with chromium too).
READY_S = 120.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, timeout: float = 5) -> tuple[int, str]:
    """Status and text of a page (an error page too, with its status)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def get_bytes(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read()


def wait(predicate: Callable[[], bool], timeout: float = 60.0) -> None:
    """Until ``predicate()`` holds (a connection refused meanwhile counts as not yet)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("batas waktu habis")


@contextmanager
def serve_process(root: Path, epoch: str, stderr: Path | None = None) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """``lkjip serve --situs root`` with ``SOURCE_DATE_EPOCH=epoch`` (what it prints on stderr into ``stderr``,
    when given): its process and base URL, at once (before it answers). Stopped by SIGTERM afterwards, it must end
    as by Ctrl+C: cleaning up, exit code 0, within 10 s."""
    port = free_port()
    errors = stderr.open("wb") if stderr is not None else None
    proc = subprocess.Popen(
        [sys.executable, "-c", "import sys; from lkjip_site.cli.main import main; sys.exit(main())", "serve",
         "--situs", str(root), "--port", str(port)], cwd=root, stdout=subprocess.DEVNULL,
        stderr=errors if errors is not None else subprocess.DEVNULL, env={**os.environ, "SOURCE_DATE_EPOCH": epoch})
    if errors is not None:
        errors.close()  # (the child holds its own copy)
    try:
        yield proc, f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()  # SIGTERM, as a service manager stops it
        try:
            code = proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            raise AssertionError("lkjip serve masih berjalan 10 detik setelah SIGTERM") from None
    assert code == 0, f"lkjip serve tidak berhenti dengan rapi oleh SIGTERM (kode keluar {code})"


@contextmanager
def running_serve(root: Path, epoch: str, stderr: Path | None = None) -> Iterator[str]:
    """:func:`serve_process`, yielding its base URL once it answers."""
    with serve_process(root, epoch, stderr) as (proc, base):

        def ready() -> bool:
            assert proc.poll() is None, f"lkjip serve berhenti sebelum siap (kode keluar {proc.returncode})"
            return get(base + "/__lkjip_versi")[0] == 200

        wait(ready, READY_S)
        yield base
