"""Stage 9, publish: write the in-memory site to disk atomically.

A failed build must never destroy the previous good one and a reader must never see half a site: everything is
written to a fresh sibling folder, then swapped in with two renames. The previous build is removed only after the new
one is in place.

Every version folder carries its own copy of the theme's fonts, stylesheets and chart bundle (see
``docs/dev/arsitektur.md``), the same bytes object many times over; such a file is written once and the other paths
become hard links to it, so a site of many versions costs neither the disk space nor the time of the copies.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

#: Files at least this large that are the very same bytes object are hard-linked instead of written again.
LINK_MIN_BYTES = 16 * 1024


def publish(files: dict[str, bytes], output: Path) -> None:
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = output.parent / f".{output.name}-baru-{os.getpid()}"
    retired = output.parent / f".{output.name}-lama-{os.getpid()}"
    _remove(staging)
    try:
        staging.mkdir()  # even an empty site is a folder
        written: dict[int, Path] = {}  # id of a large bytes object -> the file that holds it
        for rel in sorted(files):
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            data = files[rel]
            first = written.get(id(data)) if len(data) >= LINK_MIN_BYTES else None
            if first is None or not _link(first, target):
                target.write_bytes(data)
                written.setdefault(id(data), target)
    except BaseException:
        _remove(staging)
        raise
    _swap(staging, output, retired)
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
