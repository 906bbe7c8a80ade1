"""A released version as a BagIt bag, zipped, made with the Library of Congress' ``bagit`` library (which writes
``BagIt-Version: 0.97``, not RFC 8493's 1.0: the docs say so, any BagIt tool validates it).

The bag holds ``data/situs/`` (the published files) and ``data/sumber/`` (the source snapshot), with SHA-256 and
SHA-512 manifests and the release facts in ``bag-info.txt``; a version released now also has its ``BACA-SAYA.txt``
as a tag file beside them (listed in the tag manifests, so any BagIt tool checks it). Why: the README was only in
the version folder, outside the bag, where a BagIt tool does not look, and a bag downloaded from the version page or
handed over alone said what it held only in ``bag-info.txt``. Bags released before stay as they are (valid BagIt
all the same). ``manifest.json`` cannot be in the bag: it records the zip's own hash.

The zip is deterministic, so the same release gives the same bytes: entries in sorted order under one top folder,
every timestamp the release time (clamped to 1980, the first date ZIP can store), fixed permissions, fixed
compression level. ``bagit`` lists the tag files in directory order, so the tag manifests are re-sorted (they are
not themselves listed in any manifest, so the bag stays valid).
"""

from __future__ import annotations

import datetime as dt
import io
import tempfile
import zipfile
from pathlib import Path

import bagit

from .manifest import SITE_DIR, SOURCE_DIR

ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)


def bag_name(slug: str, versi: str) -> str:
    return f"{slug}-{versi}-bagit.zip"


def make_bag_zip(site: dict[str, bytes], sources: dict[str, bytes], info: dict[str, str], top: str,
                 when: dt.datetime, tags: dict[str, bytes] | None = None) -> bytes:
    """The zipped bag of one version; ``top`` is the folder the zip unpacks into, ``tags`` tag files beside
    ``bag-info.txt`` (name -> bytes), listed in the tag manifests by ``bagit``'s own ``Bag.save``."""
    with tempfile.TemporaryDirectory(prefix="lkjip-bag-") as tmp:
        folder = Path(tmp) / top
        for prefix, files in ((SITE_DIR, site), (SOURCE_DIR, sources)):
            for rel, data in files.items():
                path = folder / prefix / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
        folder.mkdir(parents=True, exist_ok=True)
        bag_info = {"Bagging-Date": when.date().isoformat(), **info}
        bag = bagit.make_bag(str(folder), bag_info=bag_info, processes=1, checksums=["sha256", "sha512"])
        if tags:
            for name, data in tags.items():
                (folder / name).write_bytes(data)
            bag.save(processes=1)  # the tag manifests again, now listing them (the payload manifests stay)
        for tagmanifest in sorted(folder.glob("tagmanifest-*.txt")):
            lines = tagmanifest.read_text(encoding="utf-8").splitlines(keepends=True)
            tagmanifest.write_text("".join(sorted(lines)), encoding="utf-8")
        return zip_folder(folder, top, when)


def zip_folder(folder: Path, top: str, when: dt.datetime) -> bytes:
    stamp = max(when, ZIP_EPOCH).astimezone(dt.timezone.utc)
    date_time = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            entry = zipfile.ZipInfo(f"{top}/{path.relative_to(folder).as_posix()}", date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o100644 << 16
            entry.create_system = 3  # Unix, whatever the machine: the attributes above mean the same everywhere
            zf.writestr(entry, path.read_bytes(), compresslevel=9)
    return buf.getvalue()
