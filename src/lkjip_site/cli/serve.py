"""``lkjip serve``: build, serve on 127.0.0.1, rebuild when a file changes, reload the open page.

The preview is written to ``.cache/pratinjau`` (not ``build/``) because its pages carry the live-reload script, which
must never reach a published build. A failed rebuild prints its messages and keeps serving the last good preview.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import functools
import html
import http.server
import os
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from watchdog.events import (DirCreatedEvent, DirDeletedEvent, DirMovedEvent, FileClosedEvent, FileCreatedEvent,
                             FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileSystemEvent,
                             FileSystemEventHandler)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch

from ..build import BuildOptions, Session, build, repairing
from ..core.diagnostics import ContentError, Diagnostics
from ..core.fmt import fmt_seconds
from ..core.lock import site_lock
from ..core.memo import Memo
from ..core.paths import CACHE_DIR, SITE_FILE
from ..core.resources import RELOAD_SCRIPT
from ..core.signals import heard, raise_unheard
from ..core.state import Changes
from ..load.config import load_config
from .building import options
from .common import UsageError
from .messages import report_diagnostics


#: What changes a file's bytes or the set of files (not: opened, read, closed unwritten, a folder's own time).
EVENTS = [FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent, FileClosedEvent, DirCreatedEvent,
          DirDeletedEvent, DirMovedEvent]


#: A save is built once no further change came for this long while a file is still being written (an editor writes a
#: file in several quick steps; a system that does not report a file closed after writing waits this long every time).
QUIET_S = 0.05
#: After changes that each leave a file complete (closed after writing, moved into place, deleted), the rebuild waits
#: only this long for the rest of the same save (the other files of a burst: a sheets import, a ``git checkout``).
SETTLE_S = 0.01
#: Changes after which the file is complete: nothing more of this save is due for it.
COMPLETE = (FileClosedEvent, FileMovedEvent, FileDeletedEvent, DirCreatedEvent, DirDeletedEvent, DirMovedEvent)
#: How long an idle preview waits for a save before it looks again: the longest a stop (SIGTERM, Ctrl+C) may wait.
#: Linux hands a signal to any thread of the process that does not block it (the server's, the watcher's while the
#: main one blocks signals to start Pagefind), and Python 3.11 then runs the handler only when the main thread next
#: takes the interpreter's lock: a main thread waiting for a save without a limit never did, the stop unheard.
WAKE_S = 0.25
#: How long the page's request for a new version is held open before it is answered with the same version.
LONG_POLL_S = 25.0


class Preview:
    """A running preview: its version (the open page waits for it to change), whether a rebuild is due, what
    changed, the session."""

    def __init__(self, root: Path, store: Memo | None = None) -> None:
        self.version = 0
        self._published = threading.Condition()
        self.dirty = threading.Event()
        #: the folders a change is looked for in (never build/ or .cache/, where the preview is written)
        self.watched = [(root / "content").resolve(), (root / "themes").resolve(), (root / "arsip").resolve()]
        self.changes = Changes(self.watched)  # filled by the watcher: a rebuild looks again only at these paths
        #: the reports whose files did not change, kept between saves; ``store``: the report states the last build
        #: stored (the first build reads unchanged reports back from it), where the session stores its own
        self.session = Session(watch=self.changes, store=store)
        self._writing: set[Path] = set()  # files written to and not yet closed (see :meth:`saw`)
        self._lock = threading.Lock()
        #: the messages of the last build, when it failed: shown in the browser while there is no preview yet
        self.failed: list[str] = []
        #: the path of ``url_dasar`` ("/lkjip/" for https://pemda.go.id/lkjip/), under which the preview answers too
        self.base_path = "/"

    def saw(self, paths: list[Path], complete: bool) -> None:
        """The watcher saw ``paths`` change; ``complete``: the change leaves them whole (closed after writing,
        moved into place, deleted), else a write may still be going on (created, modified)."""
        with self._lock:
            if complete:
                self._writing.difference_update(paths)
            else:
                self._writing.update(paths)
        for path in paths:
            self.changes.add(path)
        self.dirty.set()

    def wait_for_change(self, timeout: float | None = None) -> bool:
        """Until a watched file changed and the editor is done saving it (then the rebuild is due: True), or
        ``timeout`` passed without a change (False).

        Done means: no further change for :data:`SETTLE_S` when every changed file was closed after writing, else
        for :data:`QUIET_S` (Linux reports the close; where it is not reported, every save waits ``QUIET_S``)."""
        if not self.dirty.wait(timeout):
            return False
        self.dirty.clear()
        while self.dirty.wait(self._quiet()):
            self.dirty.clear()
        with self._lock:  # quiet for that long: a file still marked as written to is done too (one moved in from
            self._writing.clear()  # outside is reported created, never closed), and must not slow the next save
        return True

    def _quiet(self) -> float:
        with self._lock:
            return QUIET_S if self._writing else SETTLE_S

    def restart(self) -> None:
        """A new session, as at the start (its first build stamps every input and reads the stored states): the
        old one held pages by reference to a cache entry found damaged or gone (``build.repairing``)."""
        self.session = Session(watch=self.changes, store=self.session.store)

    def published(self) -> None:
        """A new preview is on disk: the pages waiting in :meth:`version_after` reload now."""
        with self._published:
            self.version += 1
            self._published.notify_all()

    def version_after(self, seen: str, timeout: float = LONG_POLL_S) -> int:
        """The version, once it is no longer ``seen`` (or after ``timeout``): the page's request is answered the
        moment a rebuild is published, instead of the page asking again and again."""
        with self._published:
            self._published.wait_for(lambda: str(self.version) != seen, timeout)
            return self.version


def _rebuild(opts: BuildOptions, state: Preview, first: bool = False) -> None:
    """Pages first, so the open page reloads as soon as possible; then the search index, which Pagefind makes for
    the whole site at once (seconds on a large archive), in a second build that renders nothing again.

    The site's lock (``core/lock``) is held for the two builds of one rebuild only, not while the preview waits for
    a save: a preview left open all day never keeps the webmaster's ``lkjip build`` or ``terbitkan`` waiting, and a
    rebuild saved during theirs waits for it (they share the cache)."""
    with site_lock(opts.cache_root, "lkjip serve", _said):
        _rebuild_locked(opts, state, first)


def _rebuild_locked(opts: BuildOptions, state: Preview, first: bool) -> None:
    started = time.perf_counter()  # (after any wait for the lock: the time said is the rebuild's own)
    try:
        result = repairing(opts, lambda: build(replace(opts, search_index=False), session=state.session), _said,
                           state.restart)
    except ContentError as exc:
        report_diagnostics(exc.diagnostics)
        print("Pratinjau tidak diperbarui; perbaiki galat di atas lalu simpan lagi.", flush=True)
        state.failed = [d.format() for d in exc.diagnostics.sorted() if d.severity == "error"]
        return
    report_diagnostics(result.diagnostics)
    state.failed = []
    if result.site is not None:  # (a build that found nothing changed keeps the path it had)
        state.base_path = result.site.config.base_path
    state.published()
    done = "Dibangun" if first else "Dibangun ulang"  # (the preview's first build is no rebuild)
    print(f"{done} dalam {fmt_seconds(time.perf_counter() - started)}.", flush=True)
    try:
        if not result.summary.get("indeks", 1):  # else the index was made anyway (first build of the preview)
            repairing(opts, lambda: build(opts, session=state.session), _said, state.restart)
    except ContentError as exc:  # only the index can fail here: the pages were validated a moment ago
        report_diagnostics(exc.diagnostics)
    finally:
        state.session.settle()


def _base_path(root: Path) -> str:
    """The path of the site's ``url_dasar`` before the preview's first build, which may find nothing changed and
    load nothing; after each build that loaded the site, its configuration's (the webmaster may change it)."""
    config = load_config(root, Diagnostics())
    return config.base_path if config is not None else "/"


def _said(message: str) -> None:
    print(f"{message}.", flush=True)


class PreviewServer(http.server.ThreadingHTTPServer):
    """The preview's HTTP server: a request the browser gave up on is none of the author's business.

    Why: Python's server printed "Exception occurred during processing of request" and a traceback, in English, in
    the author's terminal whenever a browser dropped a connection while it was answered (a reload while the page's
    Vega bundle loads, a tab closed): nothing was wrong. Any other failure of one request is said in one line (the
    traceback with ``LKJIP_DEBUG=1``); the preview goes on serving."""

    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        failure = sys.exc_info()[1]
        if isinstance(failure, ConnectionError):
            return
        if os.environ.get("LKJIP_DEBUG"):
            super().handle_error(request, client_address)  # type: ignore[arg-type]
            return
        print(f"lkjip: satu permintaan pratinjau gagal dilayani ({type(failure).__name__}: {failure}); "
              "pratinjau tetap berjalan.", file=sys.stderr, flush=True)


def _handler(directory: Path, state: Preview) -> type[http.server.SimpleHTTPRequestHandler]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server API
            if self.path.startswith("/__lkjip_versi"):  # "?sejak=N": answered when the version is not N
                seen = parse_qs(urlsplit(self.path).query).get("sejak")
                version = state.version_after(seen[0]) if seen else state.version
                self._send(str(version).encode(), "text/plain")
            elif self.path == "/__lkjip_muat_ulang.js":
                self._send(RELOAD_SCRIPT.read_bytes(), "text/javascript")
            else:
                self.path = self._under_base(self.path)
                super().do_GET()

        def _under_base(self, path: str) -> str:
            """``/lkjip/tema/situs.css`` as ``/tema/situs.css`` for a site published under ``/lkjip/``: the 404
            page links its stylesheet, home and search from the site's root path (it is served at any address), so
            in the preview, served at ``/``, it showed without its CSS and its links went nowhere. A path that
            names a file of the preview as it is stays as it is (a report folder may share the sub-path's name)."""
            base = state.base_path
            if base == "/" or not path.startswith(base) or Path(self.translate_path(path)).exists():
                return path
            return "/" + path[len(base):]

        def list_directory(self, path: str | os.PathLike[str]) -> None:  # type: ignore[override]
            """A folder without ``index.html`` is the site's 404 page, as on a web server without listings (the
            published site has none): Python's listing was an English page the real site would never show."""
            self.send_error(404)
            return None

        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            page = directory / "404.html"
            if code == 404:
                body = page.read_bytes() if page.is_file() else _not_built_yet(state.failed)
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().send_error(code, message, explain)

        def _send(self, body: bytes, ctype: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # quiet: authors watch build messages
            return

    return functools.partial(Handler, directory=str(directory))  # type: ignore[return-value]


def _not_built_yet(failed: list[str]) -> bytes:
    """What the browser shows before the preview's first build is published: the build's errors, when it failed (an
    author who opened the page sees what to mend, not Python's English "Error response"), and the reload script, so
    that the page turns into the preview as soon as a save mends them."""
    if failed:
        title = "Pratinjau belum dapat dibangun"
        said = ("<p>Perbaiki galat berikut, lalu simpan berkasnya; halaman ini dimuat ulang sendiri.</p><pre>"
                + html.escape("\n".join(failed)) + "</pre>")
    else:
        title = "Pratinjau sedang dibangun"
        said = "<p>Halaman ini dimuat ulang sendiri setelah build pertama selesai.</p>"
    return (f'<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{title}</title>\n'
            f'</head>\n<body>\n<main>\n<h1>{title}</h1>\n{said}\n</main>\n'
            f'<script src="/__lkjip_muat_ulang.js"></script>\n</body>\n</html>\n').encode("utf-8")


def watch(root: Path, state: Preview) -> BaseObserver:
    """Report changes in content/, themes/, arsip/ (a release made meanwhile) and situs.yaml to ``state``: the
    session learns which paths changed, the loop that a rebuild is due.

    A watched folder made (or moved into place) while serving, say the site's first ``themes/`` override or the
    ``arsip/`` of a first release, is watched from then on: before, its making was seen (one rebuild) and nothing
    saved in it after, so the preview went on showing the shipped theme. Such a folder is never trusted (its files
    are stamped in full at every build: what was written in it before its watch began is seen too)."""
    config = (root / SITE_FILE).resolve()
    watches: dict[Path, ObservedWatch] = {}

    def follow(folder: Path) -> None:
        """Watch ``folder`` and below, afresh (a folder deleted and made again lost its watch)."""
        old = watches.pop(folder, None)
        if old is not None:
            with contextlib.suppress(KeyError):
                observer.unschedule(old)
        watches[folder] = observer.schedule(OnChange(), str(folder), recursive=True, event_filter=EVENTS)

    class OnChange(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            paths = [Path(os.fsdecode(p)).resolve() for p in (event.src_path, getattr(event, "dest_path", "")) if p]
            paths = [p for p in paths if p == config or any(w == p or w in p.parents for w in state.watched)]
            if not paths:
                return
            if isinstance(event, (DirCreatedEvent, DirMovedEvent)):
                for made in paths:
                    if made in state.watched and made.is_dir():
                        follow(made)
            state.saw(paths, isinstance(event, COMPLETE))

    observer = Observer()
    observer.schedule(OnChange(), str(root), recursive=False, event_filter=EVENTS)  # situs.yaml, folders made
    scheduled = {folder for folder in state.watched if folder.is_dir()}
    for folder in sorted(scheduled):
        follow(folder)
    state.changes.folders &= scheduled  # one that vanished meanwhile is not watched: stamped in full
    observer.start()
    return observer


def cmd_serve(args: argparse.Namespace) -> int:
    return serve(options(args), args.port)


def _bound(port: int, handler: type[http.server.SimpleHTTPRequestHandler]) -> PreviewServer:
    """The preview's server, listening on ``port`` of this machine only; a port it cannot have is the webmaster's to
    choose again (a second ``lkjip serve`` is the usual owner), not ``galat internal``."""
    try:
        return PreviewServer(("127.0.0.1", port), handler)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise UsageError(f"port {port} sudah dipakai program lain (mungkin 'lkjip serve' yang lain masih "
                             f"berjalan); hentikan program itu atau pilih port lain, mis. --port {port + 1}") from exc
        if exc.errno in (errno.EACCES, errno.EPERM):
            raise UsageError(f"port {port} tidak boleh dipakai pengguna ini (port di bawah 1024 khusus root); "
                             "pilih port lain, mis. --port 8000") from exc
        raise


def serve(opts: BuildOptions, port: int) -> int:
    out = opts.output or opts.root / CACHE_DIR / "pratinjau"
    opts = replace(opts, output=out, dev_reload=True, pdf=False)
    state = Preview(opts.root, opts.memo("sesi") if opts.use_cache else None)
    out.mkdir(parents=True, exist_ok=True)
    server = _bound(port, _handler(out, state))  # before the first build: a port taken is said at once
    observer = watch(opts.root, state)  # before the first build: the session trusts it for every change since
    state.base_path = _base_path(opts.root)
    _rebuild(opts, state, first=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Pratinjau di http://127.0.0.1:{server.server_address[1]}/ (tekan Ctrl+C untuk berhenti)", flush=True)
    try:
        while True:
            raise_unheard()  # a stop whose exception went nowhere (see ``core/signals``)
            if state.wait_for_change(WAKE_S):
                _rebuild(opts, state)
    except KeyboardInterrupt:
        heard()  # a preview's usual end: exit code 0
        print("Pratinjau dihentikan.")
    finally:
        observer.stop()
        server.shutdown()
    return 0
