"""Write several files as one change: all of them or, on any failure, none (the originals are put back)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..core.signals import uninterrupted


def write_all(files: dict[Path, str]) -> None:
    """Every new text goes to a temporary sibling first; only when all exist are they renamed into place.

    A rename within a folder is atomic, so each file is either old or new; if a later rename fails, the files
    already replaced get their originals back from the backups kept until the end.
    """
    temps: dict[Path, Path] = {}
    backups: dict[Path, Path] = {}
    done: list[Path] = []
    try:
        for path, text in sorted(files.items()):
            tmp = path.with_name(f".{path.name}.lkjip-baru")
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            temps[path] = tmp
        for path in sorted(files):
            if path.exists():
                backup = path.with_name(f".{path.name}.lkjip-lama")
                backup.unlink(missing_ok=True)  # left over from an interrupted run
                shutil.copyfile(path, backup)
                backups[path] = backup
        with uninterrupted():  # a stop (Ctrl+C, SIGTERM) comes before the renames or after them
            for path, tmp in sorted(temps.items()):
                os.replace(tmp, path)
                done.append(path)
    except BaseException:
        with uninterrupted():  # and not while the originals are put back
            for path in done:
                if path in backups:
                    os.replace(backups.pop(path), path)
                else:
                    path.unlink(missing_ok=True)
        raise
    finally:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
        for backup in backups.values():
            backup.unlink(missing_ok=True)
