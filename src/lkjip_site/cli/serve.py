"""``lkjip serve``: build, serve on 127.0.0.1, rebuild when a file changes, reload the open page.

The preview is written to ``.cache/pratinjau`` (not ``build/``) because its pages carry the live-reload script, which
must never reach a published build. A failed rebuild prints its messages and keeps serving the last good preview.
"""

from __future__ import annotations

import functools
import http.server
import threading
import time
from dataclasses import replace
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from ..build import BuildOptions, Session, build
from ..core.diagnostics import ContentError
from ..core.fmt import fmt_seconds
from ..core.resources import RELOAD_SCRIPT
from ..load.config import SITE_FILE
from .messages import report_diagnostics


class _State:
    def __init__(self) -> None:
        self.version = 0
        self.dirty = threading.Event()
        self.session = Session()  # the reports whose files did not change, kept in memory between saves


def _rebuild(opts: BuildOptions, state: _State) -> None:
    """Pages first, so the open page reloads as soon as possible; then the search index, which Pagefind makes for
    the whole site at once (seconds on a large archive), in a second build that renders nothing again."""
    started = time.perf_counter()
    try:
        result = build(replace(opts, search_index=False), session=state.session)
    except ContentError as exc:
        report_diagnostics(exc.diagnostics)
        print("Pratinjau tidak diperbarui; perbaiki galat di atas lalu simpan lagi.", flush=True)
        return
    report_diagnostics(result.diagnostics)
    state.version += 1
    print(f"Dibangun ulang dalam {fmt_seconds(time.perf_counter() - started)}.", flush=True)
    try:
        if not result.summary.get("indeks", 1):  # else the index was made anyway (first build of the preview)
            build(opts, session=state.session)
    except ContentError as exc:  # only the index can fail here: the pages were validated a moment ago
        report_diagnostics(exc.diagnostics)
    finally:
        state.session.settle()


def _handler(directory: Path, state: _State) -> type[http.server.SimpleHTTPRequestHandler]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server API
            if self.path.startswith("/__lkjip_versi"):
                self._send(str(state.version).encode(), "text/plain")
            elif self.path == "/__lkjip_muat_ulang.js":
                self._send(RELOAD_SCRIPT.read_bytes(), "text/javascript")
            else:
                super().do_GET()

        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            page = directory / "404.html"
            if code == 404 and page.is_file():
                body = page.read_bytes()
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


def _watch(root: Path, state: _State) -> BaseObserver:
    """Changes in content/, themes/, arsip/ (a release made meanwhile) and situs.yaml (never in build/ or .cache/,
    where the preview is written)."""
    watched = [(root / "content").resolve(), (root / "themes").resolve(), (root / "arsip").resolve()]
    config = (root / SITE_FILE).resolve()

    class OnChange(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            if event.is_directory:
                return
            paths = [Path(str(p)).resolve() for p in (event.src_path, getattr(event, "dest_path", "")) if p]
            if any(p == config or any(w == p or w in p.parents for w in watched) for p in paths):
                state.dirty.set()

    observer = Observer()
    observer.schedule(OnChange(), str(root), recursive=False)  # situs.yaml; build/ and .cache/ are not watched
    for folder in watched:
        if folder.is_dir():
            observer.schedule(OnChange(), str(folder), recursive=True)
    observer.start()
    return observer


def serve(opts: BuildOptions, port: int) -> int:
    out = opts.output or opts.root / ".cache" / "pratinjau"
    opts = replace(opts, output=out, dev_reload=True, pdf=False)
    state = _State()
    _rebuild(opts, state)
    out.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), _handler(out, state))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    observer = _watch(opts.root, state)
    print(f"Pratinjau di http://127.0.0.1:{server.server_address[1]}/ (tekan Ctrl+C untuk berhenti)", flush=True)
    try:
        while True:
            state.dirty.wait()
            time.sleep(0.3)  # editors save in several steps; build once
            state.dirty.clear()
            _rebuild(opts, state)
    except KeyboardInterrupt:
        print("Pratinjau dihentikan.")
    finally:
        observer.stop()
        server.shutdown()
    return 0
