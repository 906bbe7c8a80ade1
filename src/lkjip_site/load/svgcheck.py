"""SVG images from content (logos, organisation charts) are checked before they are published.

An SVG file is a document that can carry code: a ``<script>``, an ``onload`` attribute, a ``javascript:`` link or an
embedded HTML page (``foreignObject``) runs when a reader opens the image's own URL, on the portal's origin. It can
also load files from elsewhere (``href="https://…"``, ``url(…)`` in styles), which the site promises never to do.
So every SVG a report publishes is parsed with a real XML parser (the standard library's expat, entities refused) and
each of those constructs is an error at ``file:line``, with what to do instead. Nothing is rewritten: a sanitised
copy would silently publish something other than what the author put in the folder.
"""

from __future__ import annotations

import re
import xml.parsers.expat
from pathlib import Path

from ..core.diagnostics import Diagnostics
from .source import unreadable

_SEP = "}"
#: Elements that run code or embed another document; none belongs in a logo or a chart.
_FORBIDDEN = {
    "script": "elemen <script> menjalankan kode",
    "foreignobject": "elemen <foreignObject> menyisipkan halaman HTML ke dalam gambar",
    "handler": "elemen <handler> menjalankan kode",
    "iframe": "elemen <iframe> memuat halaman lain",
    "embed": "elemen <embed> memuat berkas lain",
    "object": "elemen <object> memuat berkas lain",
}
_LINK_ATTRS = {"href", "src", "base"}  # href / xlink:href, src, xml:base
#: Raster images embedded in the file itself are self-contained; everything else a link may name is outside it.
_SAFE_DATA = re.compile(r"^data:image/(png|jpeg|gif|webp)[;,]", re.I)
_URL_FN = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.I | re.S)
_CONTROL = re.compile(r"[\x00-\x20]+")


def check_svg(path: Path, rel: str, diags: Diagnostics) -> bool:
    """Report every unsafe construct of the SVG at ``path`` (``rel`` names it in messages); True when it is clean."""
    checker = _Checker(rel, diags)
    try:
        with path.open("rb") as handle:
            checker.parser.ParseFile(handle)
    except _Stop:
        return False
    except xml.parsers.expat.ExpatError as exc:
        if not checker.stopped:
            diags.error((rel, exc.lineno), f"berkas SVG tidak dapat dibaca sebagai XML ({_reason(exc)}); "
                                           "simpan ulang gambar sebagai SVG biasa")
        return False
    except OSError as exc:
        diags.error((rel, 1), unreadable(exc))
        return False
    return checker.clean


class _Stop(Exception):
    """Raised from a handler to end parsing (expat has no stop call in Python)."""


def _reason(exc: xml.parsers.expat.ExpatError) -> str:
    return xml.parsers.expat.ErrorString(exc.code) if exc.code is not None else str(exc)


class _Checker:
    """Expat callbacks: each problem becomes one diagnostic at the line where expat is."""

    def __init__(self, rel: str, diags: Diagnostics) -> None:
        self.rel = rel
        self.diags = diags
        self.clean = True
        self.stopped = False
        self.in_style = 0
        p = xml.parsers.expat.ParserCreate(namespace_separator=_SEP)
        p.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
        p.StartElementHandler = self.start
        p.EndElementHandler = self.end
        p.CharacterDataHandler = self.text
        p.ProcessingInstructionHandler = self.instruction
        p.EntityDeclHandler = self.entity
        p.ExternalEntityRefHandler = self.external_entity
        self.parser = p

    def problem(self, message: str) -> None:
        self.clean = False
        self.diags.error((self.rel, self.parser.CurrentLineNumber), message)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = name.rsplit(_SEP, 1)[-1].lower()
        if local in _FORBIDDEN:
            self.problem(f"{_FORBIDDEN[local]}; hapus elemen itu dari gambar SVG (gambar di situs tidak boleh "
                         "menjalankan kode atau memuat isi lain)")
        if local == "style":
            self.in_style += 1
        if local in ("set", "animate") and attrs.get("attributeName", "").rsplit(":", 1)[-1].lower() in _LINK_ATTRS:
            self.problem(f"elemen <{local}> mengubah tautan gambar saat ditampilkan; hapus elemen itu")
        for key, value in sorted(attrs.items()):
            self.attribute(key.rsplit(_SEP, 1)[-1], value)

    def attribute(self, name: str, value: str) -> None:
        lowered = name.lower()
        squeezed = _CONTROL.sub("", value).lower()
        if lowered.startswith("on"):
            self.problem(f"atribut '{name}' menjalankan kode saat gambar dibuka; hapus atribut itu")
        elif "javascript:" in squeezed or "vbscript:" in squeezed:
            self.problem(f"atribut '{name}' berisi URL javascript:, yang menjalankan kode; hapus atau ganti dengan "
                         "tautan biasa di luar gambar")
        elif lowered in _LINK_ATTRS:
            self.link(name, value.strip())
        else:
            self.css(f"atribut '{name}'", value)

    def link(self, name: str, target: str) -> None:
        if not target or target.startswith("#") or _SAFE_DATA.match(target):
            return
        self.problem(f"atribut '{name}' merujuk berkas di luar gambar ('{target[:60]}'); gambar SVG di situs harus "
                     "berdiri sendiri: sisipkan isinya ke dalam berkas atau hapus rujukan itu")

    def css(self, where: str, value: str) -> None:
        """``url(…)`` to anything but a fragment, and ``@import``, load files from elsewhere."""
        if "@import" in value.lower():
            self.problem(f"{where} memuat stylesheet lain (@import); hapus baris @import itu")
        for match in _URL_FN.finditer(value):
            target = match.group(2).strip()
            if target and not target.startswith("#") and not _SAFE_DATA.match(target):
                self.problem(f"{where} memuat berkas dari luar gambar (url({target[:60]})); hapus rujukan itu")

    def end(self, name: str) -> None:
        if name.rsplit(_SEP, 1)[-1].lower() == "style":
            self.in_style -= 1

    def text(self, data: str) -> None:
        if self.in_style:
            self.css("elemen <style>", data)

    def instruction(self, target: str, data: str) -> None:
        if target.lower() == "xml-stylesheet":
            self.problem("instruksi <?xml-stylesheet?> memuat stylesheet dari luar gambar; hapus baris itu")

    def entity(self, name: str, *args: object) -> None:
        self.problem(f"deklarasi entitas '{name}' dalam DOCTYPE tidak diizinkan; hapus bagian <!DOCTYPE …> dari "
                     "gambar SVG")
        self.stopped = True
        raise _Stop  # entities could hide anything; nothing after the DOCTYPE is read

    def external_entity(self, *args: object) -> int:
        self.problem("gambar SVG merujuk entitas dari berkas lain; hapus bagian <!DOCTYPE …>")
        return 1
