"""The print stylesheet's web fonts handed to WeasyPrint as TrueType, decoded once and kept in the memo.

Why: WeasyPrint decodes every WOFF/WOFF2 font of a stylesheet's ``@font-face`` rules again for each document, with
fontTools (the default theme's eight WOFF2 fonts: 0,7–1,4 s of every PDF, measured). Given the TrueType bytes it would
have decoded them to, it takes them as they are: the same function gives the same bytes, so the PDF is byte for byte
the one it made before. The chart fonts (``elements/charts/fonts.py``) are another conversion on purpose: their
bytes are part of every chart's cache key, and vl-convert needs files, not bytes.
"""

from __future__ import annotations

import hashlib
from io import BytesIO

import fontTools
from fontTools.ttLib import TTFont, woff2

from ...core.memo import Memo


def decoded(font: bytes) -> bytes:
    """What WeasyPrint's ``@font-face`` loading decodes a font to (``weasyprint/text/fonts.py``): WOFF2 through
    ``woff2.decompress``, WOFF through ``TTFont`` saved without its flavour (its own date kept), anything else as
    it is."""
    if font[:4] == b"wOF2":
        out = BytesIO()
        woff2.decompress(BytesIO(font), out)
        return out.getvalue()
    if font[:4] == b"wOFF":
        # recalcTimestamp=False: the font's own date kept, not the hour of decoding (which WeasyPrint's own decoding
        # writes, and a PDF's font subset carries: two clean builds of a theme with WOFF fonts could give two PDFs).
        ttfont = TTFont(BytesIO(font), recalcTimestamp=False)
        ttfont.flavor = ttfont.flavorData = None
        out = BytesIO()
        ttfont.save(out)
        return out.getvalue()
    return font


class WebFonts:
    """One build's decoded fonts: each font decoded once per build at most, and once ever while the memo keeps it."""

    def __init__(self, memo: Memo):
        self.memo = memo
        self.done: dict[str, bytes] = {}  # sha-256 of the web font -> its TrueType bytes

    def job_files(self, files: dict[str, bytes]) -> dict[str, bytes]:
        """A PDF job's files with every WOFF/WOFF2 font replaced by its TrueType bytes (same paths: the stylesheet's
        ``url()`` still names them, and WeasyPrint reads a font's format from its bytes, not its name)."""
        return {path: self._truetype(data) if data[:4] in (b"wOF2", b"wOFF") else data
                for path, data in files.items()}

    def _truetype(self, font: bytes) -> bytes:
        sha = hashlib.sha256(font).hexdigest()
        if sha not in self.done:
            key = self.memo.key("truetype", fontTools.version, sha)
            stored = self.memo.get(key)
            if stored is None:
                try:
                    stored = decoded(font)
                except Exception:  # noqa: BLE001 - a damaged font of a site's theme: as before, WeasyPrint fails to
                    return font  # decode it itself and passes over it (its next source, or the fallback font)
                self.memo.put(key, stored)
            self.done[sha] = stored
        return self.done[sha]
