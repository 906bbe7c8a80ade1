"""Stage 9: write the in-memory site to disk atomically.

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
        for rel in sorted(files):
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[rel])
    except BaseException:
        _remove(staging)
        raise
    if output.exists():
        output.rename(retired)
    staging.rename(output)
    _remove(retired)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()
