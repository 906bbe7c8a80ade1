"""Stage 9, publish: write the in-memory site to disk atomically.

A failed build must never destroy the previous good one and a reader must never see half a site: everything is
written to a fresh sibling folder, then swapped in with two renames. The previous build is removed only after the new
one is in place.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def publish(files: dict[str, bytes], output: Path) -> None:
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = output.parent / f".{output.name}-baru-{os.getpid()}"
    retired = output.parent / f".{output.name}-lama-{os.getpid()}"
    _remove(staging)
    try:
        staging.mkdir()  # even an empty site is a folder
        for rel in sorted(files):
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[rel])
    except BaseException:
        _remove(staging)
        raise
    _swap(staging, output, retired)
    _remove(retired)


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
