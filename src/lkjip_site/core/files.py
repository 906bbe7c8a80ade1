"""The built site's files, held as bytes or as references to the memo entries that hold the same bytes.

Why: a build of a large archive renders few pages and takes the others from the memo (``core/memo.py``). Reading
every one of them into memory made each build hold the whole site's bytes from rendering to publishing (about
0,6 GB at N = 500, with the report states the largest part of every build's peak). A page the memo keeps on disk is
therefore held as a :class:`Stored` reference and read when a stage needs its bytes (a changed page written, a link
target parsed, a year's pages indexed); what most stages need of an unchanged page is its hash, which
``memo.ContentHashes`` takes once per build from the file.

Also how the cache's files are written whole (:func:`write_whole`): the memo's entries, the build record, the facts
and kept-outputs files; how a published file gets modes that do not depend on the umask (:func:`write_public`); and
how a memo entry is sealed (:func:`seal`): a build never takes an entry damaged outside it (a disk error, a copy cut
short, a hand edit) for what it wrote.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path


class CacheDamaged(Exception):
    """A cache entry does not hold the bytes it was written with, or is gone, found where it cannot be made again in
    the build that finds it (a page taken by reference, read when published): nothing is published. ``path``: the
    entry, when known; the command removes it and builds again (``build.repairing``)."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


#: Ends every memo entry: a marker, the length and the CRC-32 of the bytes before it. Why: a memo entry is published
#: as it is (pages, PDFs) or decoded (tables, charts); one damaged outside the build was published or failed on every
#: build. Why CRC-32 and not SHA-256: it is for damage (a disk error, a copy cut short), as in zip and PNG, not for
#: someone who can write the cache (and so the installed program); a build reads its pages about ten times, and
#: SHA-256 of each read was 0,7 s of a 20 s full build at N = 100 (CRC-32 is three times quicker, and each entry is
#: checked once per process: :data:`_CHECKED`).
SEAL_MARK = b"\x00lkjip-crc32:"
SEAL_SIZE = len(SEAL_MARK) + 12


def seal(data: bytes) -> bytes:
    """What follows ``data`` in its memo entry."""
    return SEAL_MARK + len(data).to_bytes(8, "big") + zlib.crc32(data).to_bytes(4, "big")


def unsealed(raw: bytes) -> bytes | None:
    """The bytes a memo entry was written with (``data + seal(data)``), or None when ``raw`` is not that."""
    if len(raw) < SEAL_SIZE:
        return None
    data = raw[:-SEAL_SIZE]
    return data if raw[-SEAL_SIZE:] == seal(data) else None


#: Entries found whole by this process, by (path, size, time): a page is read by several stages, and checked once.
_CHECKED: set[tuple[str, int, int]] = set()


def checked(path: Path, size: int, mtime_ns: int) -> None:
    """Count the entry at ``path`` as whole (this process wrote it, or read it whole)."""
    if mtime_ns >= 0:
        _CHECKED.add((str(path), size, mtime_ns))


@dataclass(frozen=True, eq=False)
class Stored:
    """A file's bytes as a memo entry holds them: read from ``path`` each time they are needed, never kept.

    A memo entry is never rewritten with other bytes (its name is the hash of everything that made them), so the
    reference stays true while the entry exists; entries are removed only by a later build's prune.
    """

    path: Path
    size: int
    offset: int = 0  # where the file starts in the entry (several files packed in one: ``memo.pack_files``)
    #: the entry's modification time when the reference was made (-1: not known): with the entry's name, offset and
    #: size it names these bytes across builds (:attr:`ident`), so what was learnt of them need not be read again
    mtime_ns: int = -1

    @property
    def ident(self) -> str | None:
        """A name for these bytes that a later build, in another process, gives the same bytes only: the entry's
        name (the hash of what made them), where they start, their length and the entry's time (None: unknown).

        Why the time too: an entry is never rewritten with other bytes, but one removed by a prune and made again,
        or edited by hand, gets a new time, so nothing learnt of the old one is taken for it."""
        if self.mtime_ns < 0:
            return None
        return f"{self.path.name}:{self.offset}:{self.size}:{self.mtime_ns}"

    def read(self) -> bytes:
        """The bytes; a whole entry (offset 0) is checked against its seal, a file packed in one was checked with
        the entry when the entry was read (``memo.files``)."""
        try:
            f = open(self.path, "rb")
        except FileNotFoundError:  # removed since (by hand, or by another process's prune: ``Memo.prune``)
            raise CacheDamaged(f"{self.path} tidak ada lagi", self.path) from None
        with f:
            if not self.offset and (str(self.path), self.size, self.mtime_ns) not in _CHECKED:
                data = unsealed(f.read())
                if data is None or len(data) != self.size:
                    raise CacheDamaged(f"{self.path} tidak berisi lagi apa yang ditulis build sebelumnya", self.path)
                checked(self.path, self.size, self.mtime_ns)
                return data
            if self.offset:
                f.seek(self.offset)
            data = f.read(self.size)
        if len(data) != self.size:  # the memo was emptied or damaged while the build ran
            raise CacheDamaged(f"{self.path}: isi cache berubah selama build", self.path)
        return data


@dataclass(frozen=True, eq=False)
class ArchiveFile(Stored):
    """A released file in ``arsip/<slug>/<versi>/``, as it lies there: read from ``path`` each time it is needed,
    never kept, and not sealed (its bytes are the ones released, proven by the manifest's hash, not by a seal).

    Why: every build publishes every released version again, byte for byte, each file checked against its manifest;
    read whole into memory for that, a build held the whole archive's bytes (about 4 MB a version: 2 GB for a portal
    of 500 released reports) and hashed all of them again on every build, a one-chapter edit included. Held by
    reference, a file is read only when its hash is not known for its path, size and time (:attr:`ident`: what the
    build before learnt, ``memo.ContentHashes``) or when the published copy differs."""

    @property
    def ident(self) -> str | None:
        """The file's whole path, size and modification time: an archive file keeps its name when rewritten (unlike
        a memo entry), so a rewrite is told by its time (a copy that keeps size and time too, as ``cp -p`` of other
        bytes would, is what the build record also takes for no change; ``lkjip verifikasi`` reads every byte)."""
        if self.mtime_ns < 0:
            return None
        return f"{self.path}:{self.size}:{self.mtime_ns}"

    def read(self) -> bytes:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:  # removed while the build ran: said as a changed release (nothing is published)
            raise CacheDamaged(f"{self.path} hilang selama build", None) from None
        if len(data) != self.size:
            raise CacheDamaged(f"{self.path} berubah selama build", None)
        return data


def archive_tree(folder: Path) -> dict[str, ArchiveFile]:
    """Every file below ``folder`` (path with forward slashes -> reference), sorted; empty when the folder is absent.
    Only stat is asked of each file: its bytes are read when needed (:class:`ArchiveFile`)."""
    if not folder.is_dir():
        return {}
    out: dict[str, ArchiveFile] = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            st = p.stat()
            out[p.relative_to(folder).as_posix()] = ArchiveFile(p, st.st_size, mtime_ns=st.st_mtime_ns)
    return out


Held = bytes | Stored  # what :class:`SiteFiles` holds for one path (an :class:`ArchiveFile` is a Stored)


def content(value: Held) -> bytes:
    """The bytes of a held file (read from the memo for a :class:`Stored`)."""
    return value.read() if isinstance(value, Stored) else value


def size(value: Held) -> int:
    return value.size if isinstance(value, Stored) else len(value)


class SiteFiles(MutableMapping[str, bytes]):
    """Output path -> bytes, as every stage after rendering reads it; a :class:`Stored` value is read on access.

    Assigning a :class:`Stored` is allowed (that is how rendering fills it). Stages that need only hashes or sizes
    use :meth:`held` and :meth:`held_items`, so that they do not read what they do not need.
    """

    def __init__(self, files: Mapping[str, Held] | Iterable[tuple[str, Held]] = (),
                 bodies: Mapping[str, tuple[int, int]] | None = None) -> None:
        self._held: dict[str, Held] = dict(files)
        #: Where a page rendered in this build holds its chapter's body (:func:`body_span`), by path: the stages
        #: that read pages learn of a body once, not again with every page around it (``ContentHashes.part``).
        self.bodies: dict[str, tuple[int, int]] = {p: s for p, s in (bodies or {}).items() if p in self._held}

    def __getitem__(self, path: str) -> bytes:
        return content(self._held[path])

    def __setitem__(self, path: str, value: Held) -> None:  # type: ignore[override]  # a Stored is welcome
        self._held[path] = value
        self.bodies.pop(path, None)  # other bytes: the body is not known to be where it was

    def __delitem__(self, path: str) -> None:
        del self._held[path]
        self.bodies.pop(path, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._held)

    def __len__(self) -> int:
        return len(self._held)

    def __contains__(self, path: object) -> bool:
        return path in self._held

    def __repr__(self) -> str:
        return f"SiteFiles({len(self._held)} berkas)"

    def update(self, other: Mapping[str, Held] | Iterable[tuple[str, Held]] = (), /,  # type: ignore[override]
               **more: Held) -> None:
        """As ``dict.update``, without reading the values of another :class:`SiteFiles` (whose bodies come along)."""
        added = dict(other.held_items() if isinstance(other, SiteFiles) else other, **more)
        if self.bodies:
            for path in added.keys() & self.bodies.keys():
                del self.bodies[path]
        self._held.update(added)
        if isinstance(other, SiteFiles):
            self.bodies.update(other.bodies)

    def held(self, path: str) -> Held:
        return self._held[path]

    def held_items(self) -> Iterable[tuple[str, Held]]:
        return self._held.items()


def body_span(page: bytes, body: bytes) -> tuple[int, int] | None:
    """Where ``body`` (a chapter's rendered Markdown, UTF-8) lies in ``page`` (its rendered page), or None when it is
    not there whole (a theme that changes or leaves out the body) or the body is empty."""
    start = page.find(body) if body else -1
    return (start, start + len(body)) if start >= 0 else None


def bodies_of(files: Mapping[str, bytes]) -> Mapping[str, tuple[int, int]]:
    """``files``' bodies (:attr:`SiteFiles.bodies`); none for a plain mapping."""
    return files.bodies if isinstance(files, SiteFiles) else {}


def held(files: Mapping[str, bytes], path: str) -> Held:
    """The held value of ``path`` (a reference stays one)."""
    return files.held(path) if isinstance(files, SiteFiles) else files[path]


def held_items(files: Mapping[str, bytes]) -> Iterable[tuple[str, Held]]:
    """``files``' paths and held values: references stay references (a plain mapping holds bytes only)."""
    return files.held_items() if isinstance(files, SiteFiles) else files.items()


#: Modes of what is published (``build/``) and released (``arsip/<slug>/<versi>/``), whatever the umask of the
#: machine that built it. Why: these trees are public by definition, and their modes travel with them: ``rsync -rt``
#: (``docs/penerbitan.md``) gives a new file on the server the built file's mode masked by the server's umask, and
#: ``rsync -a``, ``scp -p``, ``cp -a`` and ``tar`` keep it whole. Built under umask 077 or 027 (a hardened server, a
#: CI runner), every page was 0600 or 0640: unreadable by the web server's user (403 on every page), and the same
#: input gave another tree (``ls -l``, a tar of the archive) on another machine. The cache keeps the umask: it is
#: the builder's own.
PUBLIC_FILE_MODE = 0o644
PUBLIC_DIR_MODE = 0o755


def write_public(path: Path, data: bytes) -> None:
    """``data`` as a published file, readable by all (:data:`PUBLIC_FILE_MODE`) whatever the umask."""
    path.write_bytes(data)
    os.chmod(path, PUBLIC_FILE_MODE)


def public_folder(folder: Path) -> None:
    """``folder`` and those of its parents that are missing, each made :data:`PUBLIC_DIR_MODE` whatever the umask;
    a folder that exists is left as it is (the site folder and above are the user's)."""
    if folder.is_dir():
        return
    public_folder(folder.parent)
    folder.mkdir(exist_ok=True)  # made meanwhile by another process: it is published all the same
    os.chmod(folder, PUBLIC_DIR_MODE)


def write_whole(path: Path, data: bytes) -> None:
    """``data`` as the whole of ``path`` (its folder made if needed): written under a temporary name beside it (this
    process's id in it) and renamed over it, so that a reader, another build or a build stopped meanwhile finds the
    old file or the new one, never part of one. On failure the temporary file is removed and the error raised."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
