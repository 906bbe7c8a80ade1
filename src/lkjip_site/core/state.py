"""The record of the last good build, so a rebuild whose inputs did not change does no work (make's fast path).

A build is a pure function of its inputs: the site file, ``content/``, the site's own themes, ``arsip/``, the engine
(the installed package and its shipped theme, the versions of the libraries that shape output bytes) and the build
options. Each input file is stamped with its size and modification time and, only when those differ from the
record, its SHA-256 (as ninja's ``restat``: a file saved again unchanged is still unchanged). When every stamp, the
options and the published output folder are as the record says, the build is already on disk: nothing is read,
parsed, computed, checked or written, and the diagnostics of the build that made it are replayed, so a warning never
disappears because nothing changed. Only a successful, published build is recorded: a failed one is run again in
full next time, so an error is never hidden by the record.

The record lives in the cache folder (``.cache/keadaan-v1/``), one per output folder; deleting it costs one full build.
"""

from __future__ import annotations

import functools
import json
import os
import stat
import threading
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from .. import __version__
from .diagnostics import Diagnostic, Diagnostics
from .files import write_whole
from .memo import FORMAT as MEMO_FORMAT
from .memo import digest, file_digest
from .paths import CACHE_DIR

FORMAT = 1
#: Libraries whose version changes the bytes of pages, charts, PDFs or the search index.
SHAPING = ("altair", "jinja2", "markdown-it-py", "mdit-py-plugins", "pagefind", "pydyf", "pypdfium2",
           "vl-convert-python", "weasyprint")
#: Folders of an input tree that are never inputs (bytecode, a site's own caches and outputs kept inside it).
SKIPPED = {"__pycache__", ".git", CACHE_DIR}

Stat = tuple[int, int]  # size, modification time in ns
#: The size of a path that is gone (not stamped).
GONE = -1
#: The size of an entry that is there but not a regular file (a symbolic link to nothing, a named pipe): stamped, so
#: that one appearing where the build reads (a chapter, a data file) is a change, and the build that follows says it
#: cannot be read instead of the record replaying the build before it.
SPECIAL = -2
#: The hash of a file that could not be read (no permission): never kept from one build to the next, so that the
#: build after its permission was mended (which changes no size or time) reads it.
UNREADABLE = "tidak-terbaca"


@dataclass(frozen=True)
class Stamp:
    size: int
    mtime_ns: int
    sha256: str


@dataclass
class BuildRecord:
    """What the last good build read and wrote, and what it said."""

    options: str
    inputs: dict[str, Stamp]
    outputs: dict[str, Stamp]  # every published file, as it was on disk right after publishing
    diagnostics: list[Diagnostic]
    summary: dict[str, int] = field(default_factory=dict)  # reports, files, pdfs (what the CLI prints)


def scan(folder: Path) -> dict[str, Stat]:
    """Relative path -> (size, mtime) of every file below ``folder``, in sorted order (missing folder: empty)."""
    out: dict[str, Stat] = {}
    _scan(folder, "", out)
    return dict(sorted(out.items()))


def _scan(folder: Path, prefix: str, out: dict[str, Stat]) -> None:
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in entries:
        rel = prefix + entry.name
        if entry.is_dir(follow_symlinks=True):
            if entry.name not in SKIPPED:
                _scan(Path(entry.path), rel + "/", out)
        elif entry.is_file(follow_symlinks=True):
            try:
                st = entry.stat(follow_symlinks=True)
            except OSError:  # removed since the listing
                continue
            out[rel] = (st.st_size, st.st_mtime_ns)
        else:
            out[rel] = (SPECIAL, 0)


def stamp_inputs(sources: dict[str, Path], previous: dict[str, Stamp],
                 changed: Mapping[Path, Iterable[Path]] | None = None) -> dict[str, Stamp]:
    """Stamps of every file of ``sources`` (label -> file or folder); a file whose size and mtime match
    ``previous`` keeps its recorded hash, any other is read and hashed.

    ``changed`` (from a file watcher: see :class:`Changes`) maps a source folder to what changed below it since
    ``previous`` was stamped: only those paths are looked at again in that folder, every other file keeps its stamp
    (a kabupaten archive's 10 000 content files are then not listed on every save).
    """
    stamps: dict[str, Stamp] = {}
    for label, path in sorted(sources.items()):
        folder = path.resolve()
        paths = changed.get(folder) if changed is not None else None
        if path.is_file():
            stats = {label: _stat(path)}
        elif paths is not None:
            stats = _restat(label, folder, previous, paths)
        else:
            stats = {f"{label}/{k}": v for k, v in scan(path).items()}
        for name, (size, mtime) in stats.items():
            if size == GONE:
                continue
            old = previous.get(name)
            if size == SPECIAL:
                stamps[name] = Stamp(SPECIAL, 0, UNREADABLE)
                continue
            if old is not None and (old.size, old.mtime_ns) == (size, mtime) and old.sha256 != UNREADABLE:
                stamps[name] = old
                continue
            file = path if name == label else path / name[len(label) + 1:]
            try:
                sha = file_digest(file)
            except FileNotFoundError:  # removed since its stat
                continue
            except OSError:
                sha = UNREADABLE
            stamps[name] = Stamp(size, mtime, sha)
    return stamps


def _restat(label: str, folder: Path, previous: dict[str, Stamp], paths: Iterable[Path]) -> dict[str, Stat]:
    """``label``'s files as ``previous`` has them, except below ``paths`` (changed files or folders, absolute),
    which are listed again; in the sorted order a full scan gives."""
    prefix = f"{label}/"
    fresh: dict[str, Stat] = {}
    gone: set[str] = set()
    for changed in paths:
        rel = changed.relative_to(folder).as_posix()
        if SKIPPED.intersection(rel.split("/")):
            continue
        gone.add(prefix + rel)
        if changed.is_dir():
            fresh.update({f"{prefix}{rel}/{k}": v for k, v in scan(changed).items()})
        else:
            fresh[prefix + rel] = _stat(changed)
    below = tuple(g + "/" for g in gone)  # "bab.md.lama" is not below "bab.md": only the path or its folder's files
    kept = {name: (s.size, s.mtime_ns) for name, s in previous.items()
            if name.startswith(prefix) and not (name in gone or name.startswith(below))}
    kept.update(fresh)
    return dict(sorted(kept.items()))


class Changes:
    """What a file watcher (``lkjip serve``'s) saw change below the folders it watches, so that a rebuild stamps
    only those paths instead of every input file.

    Filled from the watcher's thread (:meth:`add`), drained by the build (:meth:`take`). Only folders that exist
    when watching starts and hold no symbolic link (the watcher does not follow them) are trusted; a change to
    a trusted folder itself (deleted, moved) makes it untrusted for good, since its watch is gone.
    """

    def __init__(self, folders: Iterable[Path]):
        self.folders = {f.resolve() for f in folders if f.is_dir() and not _has_links(f)}
        self._lock = threading.Lock()
        self._seen: set[Path] = set()

    def add(self, path: Path) -> None:
        with self._lock:
            self._seen.add(path)

    def take(self) -> set[Path]:
        """What was seen since the last call."""
        with self._lock:
            seen, self._seen = self._seen, set()
        return seen

    def by_folder(self, paths: Iterable[Path]) -> dict[Path, list[Path]]:
        """``paths`` (absolute) grouped by the trusted folder they are in; a folder is left out (stamped in full)
        when the change is the folder itself or above it."""
        out: dict[Path, list[Path]] = {f: [] for f in self.folders}
        for path in paths:
            for folder in list(out):
                if path == folder or folder.is_relative_to(path):
                    self.folders.discard(folder)
                    del out[folder]
                elif path.is_relative_to(folder):
                    out[folder].append(path)
        return out


def _has_links(folder: Path) -> bool:
    for top, dirs, files in os.walk(folder):
        if any(os.path.islink(os.path.join(top, name)) for name in dirs + files):
            return True
    return False


def _stat(path: Path) -> Stat:
    try:
        st = path.stat()
    except OSError:
        return (SPECIAL, 0) if os.path.lexists(path) else (GONE, 0)
    return (st.st_size, st.st_mtime_ns) if stat.S_ISREG(st.st_mode) else (SPECIAL, 0)


def moved(stamps: dict[str, Stamp], sources: dict[str, Path], names: Iterable[str]) -> set[str]:
    """The inputs below each of ``names`` (a source's label, or a folder below one: ``content/laporan/<slug>``)
    whose size or modification time on disk now differ from their ``stamps``, that are gone, or that are new.

    Why: a build stamps its inputs first and reads them later; a file saved in between (an author saving a chapter
    while ``lkjip build`` runs) was read as its new text under the stamp of its old one. The state stored under that
    stamp, and the build record, then said that the old text gave the new text's pages: once the author took the
    edit back, every later build published the pages of the text taken back. What a build read after its stamps
    must be checked against them once it has read everything (``build.Session.forget_moved``)."""
    found: set[str] = set()
    for name in names:
        label, _, below = name.partition("/")
        source = sources.get(label)
        if source is None:
            continue
        path = source / below if below else source
        now = {name: _stat(path)} if path.is_file() else {f"{name}/{k}": v for k, v in scan(path).items()}
        now = {k: v for k, v in now.items() if v[0] != GONE}  # (as :func:`stamp_inputs`: a file gone is not stamped)
        before = {k: (v.size, v.mtime_ns) for k, v in stamps.items() if k == name or k.startswith(name + "/")}
        found.update(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    return found


def same_content(a: dict[str, Stamp], b: dict[str, Stamp]) -> bool:
    """The same files with the same bytes (times may differ)."""
    return a.keys() == b.keys() and all(a[k].sha256 == b[k].sha256 for k in a)


def engine_key(*options: Any) -> str:
    """The options and everything outside the input files that decides the output's bytes."""
    # the memo's format too: a change that bumps it (new checks of what is kept) must not replay the last record
    return digest(__version__, FORMAT, MEMO_FORMAT, _versions(), [repr(o) for o in options])


@functools.lru_cache(maxsize=1)
def _versions() -> tuple[tuple[str, str], ...]:
    """The installed versions of the libraries that shape the output, read once per process: a process keeps the
    modules it imported, so a library upgraded meanwhile does not change what this process writes."""
    versions = []
    for dist in SHAPING:
        try:
            versions.append((dist, metadata.version(dist)))
        except metadata.PackageNotFoundError:
            versions.append((dist, ""))
    return tuple(versions)


class BuildState:
    """The record of the last good build into one output folder (read and written as JSON in the cache)."""

    def __init__(self, cache_root: Path, output: Path):
        self.output = output.resolve()
        self.path = cache_root / f"keadaan-v{FORMAT}" / f"{digest(str(self.output))[:24]}.json"

    def load(self) -> BuildRecord | None:
        """The record, or None when there is none or it cannot be read (then the build simply runs in full)."""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            return BuildRecord(
                options=raw["options"],
                inputs={k: Stamp(*v) for k, v in raw["inputs"].items()},
                outputs={k: Stamp(*v) for k, v in raw["outputs"].items()},
                diagnostics=[Diagnostic(**d) for d in raw["diagnostics"]],
                summary={k: int(v) for k, v in raw["summary"].items()})
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def on_disk(self, record: BuildRecord | None) -> dict[str, str] | None:
        """Path -> SHA-256 of the output folder as the record says, if it still is so (same files, sizes and times:
        nobody edited, added or removed a file by hand); else None."""
        if record is None:
            return None
        stats = scan(self.output)
        if stats.keys() != record.outputs.keys():
            return None
        for rel, (size, mtime) in stats.items():
            old = record.outputs[rel]
            if (old.size, old.mtime_ns) != (size, mtime):
                return None
        return {rel: stamp.sha256 for rel, stamp in record.outputs.items()}

    def replay(self, record: BuildRecord | None, options: str, inputs: dict[str, Stamp],
               disk: dict[str, str] | None) -> Diagnostics | None:
        """The diagnostics to replay when the output on disk is exactly what these inputs build, else None."""
        if record is None or disk is None or record.options != options or not same_content(record.inputs, inputs):
            return None
        diags = Diagnostics()
        for d in record.diagnostics:
            diags.add(d)
        return diags

    def save(self, options: str, inputs: dict[str, Stamp], diags: Diagnostics, summary: dict[str, int],
             published: dict[str, str], written: list[str] | None = None,
             previous: BuildRecord | None = None) -> BuildRecord:
        """Record a build just published and write the record (see :meth:`record` and :meth:`write`)."""
        record = self.record(options, inputs, diags, summary, published, written, previous)
        self.write(record)
        return record

    def record(self, options: str, inputs: dict[str, Stamp], diags: Diagnostics, summary: dict[str, int],
               published: dict[str, str], written: list[str] | None = None,
               previous: BuildRecord | None = None) -> BuildRecord:
        """The record of a build just published (``published``: path -> SHA-256 of every file of the site). After an
        update in place (``written``: the files it wrote over ``previous``'s output) only those are looked at again."""
        if written is not None and previous is not None:  # a file not written keeps its stamp (the object too)
            fresh = set(written)
            outputs = {rel: s if s.sha256 == published[rel] else Stamp(s.size, s.mtime_ns, published[rel])
                       for rel, s in previous.outputs.items() if rel in published and rel not in fresh}
            outputs.update({rel: Stamp(*_stat(self.output / rel), published.get(rel, "")) for rel in written})
        else:
            outputs = {rel: Stamp(size, mtime, published.get(rel, ""))
                       for rel, (size, mtime) in scan(self.output).items()}
        return BuildRecord(options, dict(inputs), dict(sorted(outputs.items())), list(diags.items), dict(summary))

    def write(self, record: BuildRecord) -> None:
        """Written to a temporary name first: a crash leaves the old record, which then no longer matches the
        output (so the next build runs in full)."""
        raw = {"options": record.options,
               "inputs": {k: [v.size, v.mtime_ns, v.sha256] for k, v in record.inputs.items()},
               "outputs": {k: [v.size, v.mtime_ns, v.sha256] for k, v in record.outputs.items()},
               "diagnostics": [asdict(d) for d in record.diagnostics], "summary": record.summary}
        write_whole(self.path, json.dumps(raw, ensure_ascii=False, sort_keys=True).encode("utf-8"))

    def stamp(self) -> Stat:
        """Size and time of the record file: a long-running process sees whether anyone else wrote it since."""
        return _stat(self.path)

    def forget(self) -> None:
        """Drop the record: from now until the next save the output folder is not what any record says."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
