"""Which files a report may show as images: by name and by what the file holds.

Why: a chapter's ``![Bagan](gambar/bagan.html)`` published an HTML page (and ``gambar/bagan.js``, its script) into
the site, where the script ran under the site's own address (``script-src 'self'`` allows it) and stayed in the
archive for good; a ``.png`` that holds HTML is the same page under another name. Only the raster formats browsers
and WeasyPrint show, and SVG (checked for code by :mod:`.svgcheck`), are images; a raster file must be built as its
format is (:mod:`.rasters`), of a size a page, a PDF and a phone can hold, with nothing after its end and no HTML in
its metadata.
"""

from __future__ import annotations

import functools
from pathlib import Path

from .rasters import Raster, read_raster

#: The image files a report may hold and show, by suffix (lower case).
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"})

#: The largest raster image shown, a side and in all: below Pillow's ``MAX_IMAGE_PIXELS`` (89 478 485 pixels, past
#: which it warns of a decompression bomb, and refuses at twice as many; WeasyPrint reads images with it), and
#: above any photo a report needs (a 50-megapixel phone photo, 8160 x 6120, still passes).
MAX_SIDE = 20_000
MAX_PIXELS = 50_000_000
#: How many bytes after a PNG, GIF or WebP's end (padding aside) are let pass. A JPEG's are not counted: cameras
#: append previews (MPF) and motion-photo videos.
_TRAILING_TOLERANCE = 16

#: Each raster format's name and the bytes its files start with (WebP: "RIFF", four bytes of size, "WEBP").
_SIGNATURES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".png": ("PNG", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("JPEG", (b"\xff\xd8\xff",)),
    ".jpeg": ("JPEG", (b"\xff\xd8\xff",)),
    ".gif": ("GIF", (b"GIF87a", b"GIF89a")),
}


def image_problem(path: Path, named: str) -> str:
    """Why the file at ``path`` (written ``named`` by the author) cannot be shown as an image; empty when it can.
    An SVG's content is :mod:`.svgcheck`'s to judge."""
    suffix = path.suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        kind = f"berkas {suffix}" if suffix else "berkas tanpa akhiran nama"
        return (f"'{named}' bukan berkas gambar ({kind}); gambar yang boleh: PNG, JPEG, GIF, WebP atau SVG. Simpan "
                "gambarnya dalam salah satu format itu")
    try:
        with path.open("rb") as f:
            head = f.read(12)
    except OSError:
        return ""  # said by the caller's readability check
    if suffix == ".webp":
        fits, kind = head[:4] == b"RIFF" and head[8:12] == b"WEBP", "WebP"
    elif suffix in _SIGNATURES:
        kind, starts = _SIGNATURES[suffix]
        fits = head.startswith(starts)
    else:
        return ""
    resave = f"buka gambarnya di program gambar dan simpan ulang sebagai {kind}"
    raster = _raster(path, suffix) if fits else None
    if raster is None or not raster.width or not raster.height:
        return (f"'{named}' bernama gambar {kind}, tetapi isinya bukan gambar {kind} (berkas jenis lain yang diganti "
                f"namanya, atau terpotong?); {resave}")
    if raster.width > MAX_SIDE or raster.height > MAX_SIDE or raster.width * raster.height > MAX_PIXELS:
        return (f"'{named}' berukuran {count(raster.width)} × {count(raster.height)} piksel, terlalu besar untuk "
                f"halaman dan PDF (gambar sebesar ini dapat hilang dari PDF dan menghabiskan memori peramban pembaca); "
                f"perkecil gambarnya di program gambar menjadi paling besar {count(MAX_SIDE)} piksel per sisi dan "
                f"{MAX_PIXELS // 1_000_000} megapiksel (lebar 2.000 piksel cukup untuk halaman dan PDF), lalu simpan "
                "ulang")
    if raster.markup:
        return (f"'{named}' memuat kode halaman web ('{raster.markup}…') di dalam berkas gambar {kind}, yang ikut "
                f"terbit di situs dan paket arsip versi; {resave} (tanpa komentar dan metadata tambahan)")
    if suffix not in (".jpg", ".jpeg") and raster.trailing > _TRAILING_TOLERANCE:
        return (f"'{named}' memuat {count(raster.trailing)} byte data lain sesudah akhir gambar {kind} (berkas "
                f"lain yang digabungkan ke gambar?), yang ikut terbit di situs dan paket arsip versi; {resave}")
    return ""


@functools.lru_cache(maxsize=256)
def _read(path: Path, suffix: str, stamp: tuple[int, int]) -> Raster | None:
    """The file's structure, read once per version of the file (``stamp``: its modification time and size)."""
    try:
        return read_raster(suffix, path.read_bytes())
    except OSError:
        return None


def _raster(path: Path, suffix: str) -> Raster | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return _read(path, suffix, (stat.st_mtime_ns, stat.st_size))


def count(number: int) -> str:
    """A whole number as Indonesian writes it (10.000)."""
    return f"{number:,}".replace(",", ".")
