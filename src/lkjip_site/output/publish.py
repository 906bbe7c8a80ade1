"""Stage 9, publish: write the in-memory site to disk atomically.

A failed build must never destroy the previous good one and a reader must never see half a site: everything is
written to a fresh sibling folder, then swapped in with two renames. The previous build is removed only after the new
one is in place. A rebuild that changed a few files of a large site updates the folder in place instead (see
:func:`publish`): each changed file is written in full under a hidden name before any of them replaces its old
version, so the window in which a reader could see old and new pages side by side is that of the renames alone.
Ctrl+C or SIGTERM is held back during the renames (``core/signals.uninterrupted``): a build stopped then leaves the
old site or the new one, never a mix (nor, between the swap's two renames, no folder at all). What a build killed
outright leaves beside the folder is removed by a later one (:func:`sweep_stale_trees`).

Every version folder carries its own copy of the theme's fonts, stylesheets and chart bundle (see
``docs/dev/arsitektur.md``), the same bytes object many times over; such a file is written once and the other paths
become hard links to it, so a site of many versions costs neither the disk space nor the time of the copies.

Files are written 0644 and folders 0755 whatever the umask (``core/files.PUBLIC_FILE_MODE``): the folder is
uploaded as it is, and its modes with it.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..core.files import PUBLIC_DIR_MODE, Held, SiteFiles, held_items, public_folder, write_public
from ..core.memo import ContentHashes
from ..core.signals import uninterrupted

#: Files at least this large that are the very same bytes object are hard-linked instead of written again.
LINK_MIN_BYTES = 16 * 1024


#: An update in place is used while at most this share of the files changed; above it a fresh tree is cheaper.
UPDATE_MAX_SHARE = 0.5

#: A staging or retired tree beside the output folder whose build is gone is removed once it is this old (seconds).
STALE_TREE_S = 3600


@dataclass
class Published:
    digests: dict[str, str]  # path -> SHA-256 of every file of the site
    written: list[str] | None  # the files written by an update in place; None: the whole tree was written


def publish(files: Mapping[str, bytes], output: Path, on_disk: Mapping[str, str] | None = None,
            hashes: Callable[[Held], str] | None = None) -> Published:
    """Write ``files`` as the whole content of ``output``.

    ``on_disk`` (path -> SHA-256 of what ``output`` holds now, known from the last build's record and checked
    against the folder) allows an update in place when few files changed: only those are written, each to a hidden
    temporary name first, and renamed over the old ones after every write succeeded, so a full disk still leaves
    the old site whole. Otherwise the new site is written to a fresh folder and swapped in. ``hashes`` is the
    build's :class:`~lkjip_site.core.memo.ContentHashes` (each bytes object hashed once).
    """
    sha = hashes or ContentHashes()
    digests = {rel: sha(data) for rel, data in held_items(files)}  # a page held by reference is read, not kept
    sweep_stale_trees(output)
    if on_disk is not None and output.is_dir():
        changed = sorted(rel for rel in files if on_disk.get(rel) != digests[rel])
        gone = sorted(set(on_disk) - set(files))
        if len(changed) + len(gone) <= UPDATE_MAX_SHARE * max(len(files), 1):
            _update(files, output.resolve(), changed, gone)
            return Published(digests, changed)
    _replace(files, output)
    return Published(digests, None)


def sweep_stale_trees(output: Path, now: float | None = None) -> list[str]:
    """Remove the staging (``.<name>-baru-<pid>``) and retired (``.<name>-lama-<pid>``) trees that builds killed
    outright left beside ``output``; returns their names.

    Why: a build stopped by Ctrl+C or SIGTERM removes its own (``core/signals``), but one killed by SIGKILL, the
    kernel's out-of-memory killer or a power cut cannot, and each leaves a whole hidden copy of the site, which no
    later build (another process id) would touch: on a server that builds every night, disk lost for good. A tree is
    taken only when no process of its id runs on this machine and it has not changed for :data:`STALE_TREE_S`, so
    a build still writing one (here, or on another machine sharing the folder) keeps it.
    """
    pattern = re.compile(rf"\.{re.escape(output.name)}-(?:baru|lama)-(\d+)")
    limit = (time.time() if now is None else now) - STALE_TREE_S
    removed = []
    try:
        entries = sorted(os.scandir(output.parent), key=lambda e: e.name)
    except OSError:  # no parent folder yet: nothing left there
        return removed
    for entry in entries:
        found = pattern.fullmatch(entry.name)
        if found is None or int(found.group(1)) == os.getpid() or _running(int(found.group(1))):
            continue
        try:
            if not entry.is_dir(follow_symlinks=False) or entry.stat(follow_symlinks=False).st_mtime > limit:
                continue
        except OSError:
            continue
        shutil.rmtree(entry.path, ignore_errors=True)
        removed.append(entry.name)
    return removed


def _running(pid: int) -> bool:
    """Whether a process of this id runs here (one of another user counts: it may be a build). Outside POSIX,
    where signal 0 is not a mere check (Windows: CTRL_C_EVENT), every id counts as running: nothing is swept."""
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def _update(files: Mapping[str, bytes], output: Path, changed: list[str], gone: list[str]) -> None:
    """Write the changed files beside their old versions under temporary names, then rename them into place and
    remove the files the site no longer has (and folders left empty)."""
    staged: list[tuple[Path, Path]] = []
    try:
        for rel in changed:
            target = output / rel
            public_folder(target.parent)
            tmp = target.with_name(f".{target.name}.baru-{os.getpid()}")
            staged.append((tmp, target))
            write_public(tmp, files[rel])
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    with uninterrupted():  # Ctrl+C or SIGTERM now would leave old and new pages side by side until the next build
        for tmp, target in staged:
            os.replace(tmp, target)
        for rel in gone:
            (output / rel).unlink(missing_ok=True)
            parent = (output / rel).parent
            while parent != output and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent


def _replace(files: Mapping[str, bytes], output: Path) -> None:
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = output.parent / f".{output.name}-baru-{os.getpid()}"
    retired = output.parent / f".{output.name}-lama-{os.getpid()}"
    _remove(staging)
    try:
        staging.mkdir()  # even an empty site is a folder
        os.chmod(staging, PUBLIC_DIR_MODE)
        written: dict[int, Path] = {}  # id of a large bytes object -> the file that holds it
        for rel in sorted(files):
            target = staging / rel
            public_folder(target.parent)
            held = files.held(rel) if isinstance(files, SiteFiles) else files[rel]
            # only an object ``files`` holds has an id that stands for its bytes: a page read from the memo here is
            # a new object each time, freed after its write, whose id a later one may take
            shared = isinstance(held, bytes) and len(held) >= LINK_MIN_BYTES
            first = written.get(id(held)) if shared else None
            if first is None or not _link(first, target):  # a link shares the mode of the file it names
                write_public(target, files[rel])
                if shared:
                    written.setdefault(id(held), target)
    except BaseException:
        _remove(staging)
        raise
    try:
        with uninterrupted():  # stopped between the two renames, there would be no output folder at all
            _swap(staging, output, retired)
    except KeyboardInterrupt:  # the stop held back during the swap, raised after it: the old tree goes first
        _remove(retired)
        raise
    _remove(retired)


def _link(existing: Path, target: Path) -> bool:
    """A hard link to a file with the same bytes; False where the file system has none (then the file is written)."""
    try:
        os.link(existing, target)
    except OSError:
        return False
    return True


def _swap(staging: Path, output: Path, retired: Path) -> None:
    """Move the new tree into place; if that fails, put the old one back where readers expect it."""
    had_output = output.exists()
    if had_output:
        output.rename(retired)
    try:
        staging.rename(output)
    except BaseException:
        if had_output and not output.exists():
            retired.rename(output)
        _remove(staging)
        raise


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()
