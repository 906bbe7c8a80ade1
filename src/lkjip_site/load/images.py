"""Which files a report may show as images: by name and by what the file holds.

Why: a chapter's ``![Bagan](gambar/bagan.html)`` published an HTML page (and ``gambar/bagan.js``, its script) into
the site, where the script ran under the site's own address (``script-src 'self'`` allows it) and stayed in the
archive for good; a ``.png`` that holds HTML is the same page under another name. Only the raster formats browsers
and WeasyPrint show, and SVG (checked for code by :mod:`.svgcheck`), are images; a raster file must start as its
format does.
"""

from __future__ import annotations

from pathlib import Path

#: The image files a report may hold and show, by suffix (lower case).
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"})

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
    if fits:
        return ""
    return (f"'{named}' bernama gambar {kind}, tetapi isinya bukan gambar {kind} (berkas jenis lain yang diganti "
            f"namanya?); buka gambarnya di program gambar dan simpan ulang sebagai {kind}")
