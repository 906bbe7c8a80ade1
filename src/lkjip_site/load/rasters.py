"""What a raster image file holds, read from its structure without decoding a pixel: its size in pixels, the bytes
after the format's own end, and HTML found outside its image data.

Why: the first bytes of a file were all that was looked at. A PNG declaring 100000 × 100000 pixels (a few
megabytes of compressed zeros, tens of gigabytes once decoded) passed, was published, and dropped out of the PDF
(Pillow, which WeasyPrint reads images with, refuses it; the alt text was printed instead); a browser or a viewer
that opens it may run out of memory. A real PNG with an HTML page after its end, or ``\\xff\\xd8\\xff`` followed by
an SVG, passed as well and was published and archived as an image.

Each reader walks the format's chunks, segments or blocks; ``None`` when the bytes are not built as the format is.
Metadata is left alone: XMP packets (JPEG APP1, PNG iTXt, WebP ``XMP``) are XML whose elements all carry a prefix
(``<x:xmpmeta``, ``<rdf:RDF``), which :data:`_MARKUP` never matches.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Raster:
    """A raster file's structure: its largest canvas or frame, what follows its end, HTML outside its image data."""

    width: int
    height: int
    trailing: int  # bytes after the PNG IEND chunk, JPEG EOI marker, GIF trailer or WebP RIFF chunk, padding aside
    markup: str  # the first HTML tag found in metadata, comments or the trailing bytes ("<script"); "" when none


#: An HTML tag a browser would act on, written out to its ``>`` (no control byte or ``<`` inside, as in a page):
#: compressed data does not hold one by chance, and no XMP element is so named.
_MARKUP = re.compile(rb"<(script|svg|html|body|iframe|object|embed|img|meta|!doctype)(?:>|[\t\n\f\r /][^\x00-\x08"
                     rb"\x0e-\x1f<>]*>)", re.IGNORECASE)


#: What some programs pad a file with after its end.
_PADDING = b"\x00\t\n\r "


def _end(width: int, height: int, data: bytes, end: int, markup: str) -> Raster:
    """The structure of a file whose format ends at ``end``, what follows looked through for HTML."""
    after = data[end:]
    return Raster(width, height, len(after.strip(_PADDING)), markup or markup_in(after))


def markup_in(data: bytes | memoryview) -> str:
    """The first HTML tag in ``data`` as ``<name`` (lower case); empty when none."""
    found = _MARKUP.search(data)
    return f"<{found.group(1).decode('ascii').lower()}" if found else ""


def read_raster(suffix: str, data: bytes) -> Raster | None:
    """The structure of ``data``, a file named ``*{suffix}``; ``None`` when it is not built as that format."""
    reader = _READERS.get(suffix)
    try:
        return reader(data) if reader is not None else None
    except (struct.error, IndexError):  # cut short inside a header
        return None


def _png(data: bytes) -> Raster | None:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    pos, markup, view = 8, "", memoryview(data)
    while pos + 12 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        end = pos + 12 + length
        if end > len(data):
            return None
        if kind not in (b"IDAT", b"fdAT"):  # metadata (tEXt, iTXt, private chunks), not compressed pixels
            markup = markup or markup_in(view[pos + 8:pos + 8 + length])
        pos = end
        if kind == b"IEND":
            return _end(width, height, data, pos, markup)
    return None


#: The JPEG markers that start a frame (SOF0-SOF15 but DHT, JPG and DAC) and hold its size.
_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
#: A marker inside entropy-coded data: 0xFF not followed by a stuffed zero, a restart marker or fill (the last 0xFF
#: of fill bytes is the marker's own).
_NEXT_MARKER = re.compile(rb"\xff([^\x00\xd0-\xd7\xff])")


def _jpeg(data: bytes) -> Raster | None:
    if data[:2] != b"\xff\xd8":
        return None
    pos, width, height, markup, scanning, view = 2, 0, 0, "", False, memoryview(data)
    while pos < len(data):
        if scanning:  # after a scan's header: its compressed data runs to the next marker
            found = _NEXT_MARKER.search(data, pos)
            if found is None:
                break  # cut short: browsers show what there is
            pos, marker = found.start(), found.group(1)[0]
        else:
            if data[pos] != 0xFF:
                return None
            while data[pos + 1] == 0xFF:
                pos += 1  # fill bytes before a marker
            marker = data[pos + 1]
        if marker == 0xD9:  # EOI
            if not width:
                return None
            return _end(width, height, data, pos + 2, markup)
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # no length
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2:pos + 4])
        if length < 2 or pos + 2 + length > len(data):
            return None
        if marker in _SOF:
            found_height, found_width = struct.unpack(">HH", data[pos + 5:pos + 9])
            width, height = max(width, found_width), max(height, found_height)
        elif marker != 0xDA:  # APPn, COM and the tables: metadata, not compressed pixels
            markup = markup or markup_in(view[pos + 4:pos + 2 + length])
        scanning = marker == 0xDA
        if scanning and not width:
            return None
        pos += 2 + length
    return Raster(width, height, 0, markup) if width else None


def _gif(data: bytes) -> Raster | None:
    if data[:6] not in (b"GIF87a", b"GIF89a"):
        return None
    width, height, flags = struct.unpack("<HHB", data[6:11])
    pos = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    markup = ""
    while pos < len(data):
        block = data[pos]
        if block == 0x3B:  # trailer
            return _end(width, height, data, pos + 1, markup)
        if block == 0x2C:  # an image: its own size, perhaps a colour table, then compressed pixels
            frame_width, frame_height, frame_flags = struct.unpack("<4xHHB", data[pos + 1:pos + 10])
            width, height = max(width, frame_width), max(height, frame_height)
            pos += 10 + (3 << ((frame_flags & 7) + 1) if frame_flags & 0x80 else 0) + 1
            pos, _ = _sub_blocks(data, pos)
        elif block == 0x21:  # an extension (comment, application, graphic control): metadata
            pos, text = _sub_blocks(data, pos + 2)
            markup = markup or markup_in(text)
        else:
            return None
        if pos < 0:
            return None
    return Raster(width, height, 0, markup)  # no trailer: browsers show it all the same


def _sub_blocks(data: bytes, pos: int) -> tuple[int, bytes]:
    """The position after a chain of GIF data sub-blocks starting at ``pos``, and their bytes (-1: cut short)."""
    parts = []
    while pos < len(data):
        size = data[pos]
        if size == 0:
            return pos + 1, b"".join(parts)
        parts.append(data[pos + 1:pos + 1 + size])
        pos += 1 + size
    return -1, b""


def _webp(data: bytes) -> Raster | None:
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        return None
    (size,) = struct.unpack("<I", data[4:8])
    end = 8 + size
    if end > len(data) or size < 4:
        return None
    pos, width, height, markup, view = 12, 0, 0, "", memoryview(data)
    while pos + 8 <= end:
        kind, length = struct.unpack("<4sI", data[pos:pos + 8])
        body = pos + 8
        if kind == b"VP8X":
            width, height = (int.from_bytes(data[body + at:body + at + 3], "little") + 1 for at in (4, 7))
        elif kind == b"VP8 " and not width:
            if data[body + 3:body + 6] != b"\x9d\x01\x2a":
                return None
            w, h = struct.unpack("<HH", data[body + 6:body + 10])
            width, height = w & 0x3FFF, h & 0x3FFF
        elif kind == b"VP8L" and not width:
            if data[body] != 0x2F:
                return None
            (bits,) = struct.unpack("<I", data[body + 1:body + 5])
            width, height = (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
        elif kind not in (b"ALPH", b"ANMF", b"VP8 ", b"VP8L"):  # EXIF, XMP, ICCP, ANIM: metadata
            markup = markup or markup_in(view[body:body + length])
        pos = body + length + (length & 1)
    if not width:
        return None
    return _end(width, height, data, end, markup)


_READERS = {".png": _png, ".jpg": _jpeg, ".jpeg": _jpeg, ".gif": _gif, ".webp": _webp}
