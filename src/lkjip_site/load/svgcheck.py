"""SVG images from content (logos, organisation charts) are checked before they are published.

An SVG file is a document that can carry code: a ``<script>``, an ``onload`` attribute, a ``javascript:`` link or an
embedded HTML page (``foreignObject``) runs when a reader opens the image's own URL, on the portal's origin. It can
also load files from elsewhere (``href="https://…"``, ``url(…)`` in styles), which the site promises never to do.
So every SVG a report publishes is parsed with a real XML parser (the standard library's expat, entities refused) and
each of those constructs is an error at ``file:line``, with what to do instead. So is a file too large to show: a
canvas or ``viewBox`` larger than a raster image may be (``width="100000000"``), a raster embedded in it
(``data:image/png;base64,…``) larger than that, more elements than a page or a PDF renders in reasonable time, or
elements nested deeper than browsers read. Nothing is rewritten: a sanitised
copy would silently publish something other than what the author put in the folder.

The rules are allow-lists, because a browser has more ways to load a file than a list of tricks can name: only SVG
elements (and the inert bookkeeping of drawing programs), links only to a part of the image itself (``#id``) or an
embedded raster image, ``url()`` only to a part of the image. Styles are read as the browser reads them (the whole
text of a ``<style>`` joined across lines, entities and CDATA; CSS escapes such as ``u\\72l(`` decoded; comments
both dropped and kept).
"""

from __future__ import annotations

import base64
import binascii
import math
import re
import string
import xml.parsers.expat
from pathlib import Path

from ..core.diagnostics import Diagnostics
from .images import MAX_PIXELS, MAX_SIDE, count
from .rasters import read_raster
from .source import unreadable

_SEP = "}"
_SVG_NS = "http://www.w3.org/2000/svg"
#: What a browser makes of elements of other namespaces: HTML and MathML elements inside an SVG are live (an
#: ``<h:img srcset>`` loads, an ``<h:meta http-equiv="refresh">`` sends the reader elsewhere).
_FOREIGN = {
    "http://www.w3.org/1999/xhtml": "HTML",
    "http://www.w3.org/1998/Math/MathML": "MathML",
}
#: Editor bookkeeping (Inkscape, Illustrator, licence metadata) is an allow-list: a browser knows none of these
#: namespaces, so their elements are inert, and refusing them would refuse most logos downloaded from the web.
_EDITOR_NS = frozenset({
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://creativecommons.org/ns#",
    "http://web.resource.org/cc/",
    "http://purl.org/dc/elements/1.1/",
    "http://ns.adobe.com/AdobeIllustrator/10.0/",
    "http://ns.adobe.com/AdobeSVGViewerExtensions/3.0/",
    "http://ns.adobe.com/Extensibility/1.0/",
    "http://ns.adobe.com/Graphs/1.0/",
    "http://ns.adobe.com/Variables/1.0/",
    "http://ns.adobe.com/SaveForWeb/1.0/",
    "http://ns.adobe.com/ImageReplacement/1.0/",
})
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
#: HTML attributes that load a file or open another address. No SVG element has them, so they are refused on any
#: element: whatever namespace trick puts an HTML element in front of the browser, it finds none of them.
_FETCH_ATTRS = frozenset({"srcset", "imagesrcset", "poster", "background", "http-equiv", "formaction", "action",
                          "data", "ping", "codebase", "manifest", "lowsrc", "dynsrc", "longdesc"})
#: Raster images embedded in the file itself are self-contained; everything else a link may name is outside it.
_SAFE_DATA = re.compile(r"^data:image/(png|jpeg|gif|webp)[;,]", re.I)
_CONTROL = re.compile(r"[\x00-\x20]+")
#: CSS hex escape: up to six hex digits, then one optional white space that belongs to the escape.
_HEX_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})(?:\r\n|[ \t\r\n\f])?")
#: A CSS function token: a name directly followed by "(" (with a space between it is no function).
_FUNCTION = re.compile(r"([\w-]+)\(")
_VENDOR = re.compile(r"^-[a-z]+-")
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
#: ``url()`` must name a part of the image itself: after the "(" only space and a quote may come before the "#".
_FRAGMENT = re.compile(r"\s*['\"]?\s*#")
#: CSS functions whose argument is a file to load, even without ``url()`` (``image-set("http://…" 1x)``).
_LOADING_FUNCTIONS = frozenset({"image-set", "image", "src", "expression", "cross-fade"})
#: The most elements an SVG may hold: a detailed map or organisation chart has a few thousand; WeasyPrint takes
#: about 1.5 s per 20 000 to draw one into the PDF (14 s for 200 000), and a browser slows alike.
MAX_ELEMENTS = 50_000
#: The deepest elements may be nested: no drawing program nests so deep; browsers' XML parsers (libxml2) stop at 256.
MAX_DEPTH = 256
#: CSS pixels per unit of an SVG length (``width="210mm"``); a percentage or an unknown unit is no fixed size.
_UNITS = {"": 1.0, "px": 1.0, "pt": 96 / 72, "pc": 16.0, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96.0,
          "em": 16.0, "ex": 8.0}
_LENGTH = re.compile(r"\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*([a-zA-Z]*)\s*")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
#: An embedded raster's format, by its media type, as :func:`.rasters.read_raster` names it.
_RASTER_SUFFIX = {"png": ".png", "jpeg": ".jpg", "gif": ".gif", "webp": ".webp"}


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


def _split(name: str) -> tuple[str, str, str]:
    """Namespace, local name and the name as written (``h:img``) of an expat name ``uri}local}prefix``."""
    parts = name.split(_SEP)
    if len(parts) == 1:
        return "", name, name
    written = f"{parts[2]}:{parts[1]}" if len(parts) > 2 else parts[1]
    return parts[0], parts[1], written


def _decode_css(css: str, strip_comments: bool) -> tuple[str, list[int]]:
    """``css`` as the browser reads its names: escapes (``u\\72l``, ``\\@``) replaced by their characters, and
    comments dropped when ``strip_comments``; with, for each character, its index in ``css`` (for the line).

    Both readings are checked (see ``_Checker.css``): dropping comments joins what a comment splits, and keeping them
    sees what a "comment" spelled with escapes would otherwise hide.
    """
    out: list[str] = []
    where: list[int] = []
    i, n = 0, len(css)
    while i < n:
        char = css[i]
        if char == "\\":
            hexa = _HEX_ESCAPE.match(css, i)
            if hexa:
                code = int(hexa.group(1), 16)
                out.append(chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd")
                where.append(i)
                i = hexa.end()
            elif i + 1 < n and css[i + 1] in "\r\n\f":
                i += 3 if css.startswith("\r\n", i + 1) else 2  # a line continuation: nothing
            else:
                if i + 1 < n:
                    out.append(css[i + 1])
                    where.append(i)
                i += 2
        elif strip_comments and css.startswith("/*", i):
            close = css.find("*/", i + 2)
            i = n if close < 0 else close + 2
        else:
            out.append(char)
            where.append(i)
            i += 1
    return "".join(out), where


class _Element:
    """An open element: whether it is (inside) a foreign one, and its character data, joined: expat hands that over
    in pieces (split at line ends, entities and CDATA sections), and ``ur&#108;(`` or ``url(`` + line end +
    ``http://…`` only shows in the whole. Text inside child elements is not the element's own: a ``<style>`` applies
    only its own text, so ``@imp<!-- -->ort`` is ``@import``, and an element inside a ``<style>`` is refused."""

    def __init__(self, foreign: bool, style: bool) -> None:
        self.foreign = foreign  # this element or one around it is not SVG (reported once, at the outermost)
        self.style = style
        self.pieces: list[str] = []
        self.starts: list[tuple[int, int]] = []  # (offset in the joined text, line of the piece)
        self.length = 0

    def add(self, data: str, line: int) -> None:
        self.starts.append((self.length, line))
        self.pieces.append(data)
        self.length += len(data)

    def line_at(self, offset: int) -> int:
        """The file line of character ``offset`` of the joined text."""
        text = "".join(self.pieces)
        begin, line = 0, self.starts[0][1] if self.starts else 0
        for start, piece_line in self.starts:
            if start > offset:
                break
            begin, line = start, piece_line
        return line + text.count("\n", begin, offset)


class _Checker:
    """Expat callbacks: each problem becomes one diagnostic at the line where expat is."""

    def __init__(self, rel: str, diags: Diagnostics) -> None:
        self.rel = rel
        self.diags = diags
        self.clean = True
        self.stopped = False
        self.open: list[_Element] = []  # one per open element
        self.elements = 0
        p = xml.parsers.expat.ParserCreate(namespace_separator=_SEP)
        p.namespace_prefixes = True
        p.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
        p.StartElementHandler = self.start
        p.EndElementHandler = self.end
        p.CharacterDataHandler = self.text
        p.ProcessingInstructionHandler = self.instruction
        p.EntityDeclHandler = self.entity
        p.ExternalEntityRefHandler = self.external_entity
        self.parser = p

    def problem(self, message: str, line: int | None = None) -> None:
        self.clean = False
        self.diags.error((self.rel, self.parser.CurrentLineNumber if line is None else line), message)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        namespace, local, written = _split(name)
        local = local.lower()
        parent = self.open[-1] if self.open else None
        inside_foreign = parent is not None and parent.foreign
        foreign = namespace != _SVG_NS and namespace not in _EDITOR_NS
        self.open.append(_Element(foreign or inside_foreign, local == "style"))
        self.elements += 1
        if self.elements > MAX_ELEMENTS or len(self.open) > MAX_DEPTH:
            self.too_large()
        if parent is None and not foreign and local == "svg":
            self.canvas(attrs)
        if parent is not None and parent.style:  # browsers differ on whose text a style applies: none is allowed
            self.problem(f"elemen <{written}> berada di dalam <style>, yang hanya boleh berisi aturan CSS; simpan "
                         "ulang gambar tanpa elemen itu")
        if foreign:
            if not inside_foreign:  # removing the outermost removes what it holds: one message, not one per element
                self.foreign(namespace, written)
        elif local in _FORBIDDEN:
            self.problem(f"{_FORBIDDEN[local]}; hapus elemen itu dari gambar SVG (gambar di situs tidak boleh "
                         "menjalankan kode atau memuat isi lain)")
        if local.startswith("animate") or local == "set":
            self.animated(local, attrs.get("attributeName", "").strip().rsplit(":", 1)[-1].lower())
        for key, value in sorted(attrs.items()):
            self.attribute(_split(key)[1], value)

    def animated(self, local: str, target: str) -> None:
        """An ``<animate>`` or ``<set>`` gives another attribute its value while the image is shown, so what that
        attribute may not hold is read from the animation as well (its ``to``, ``values``, ``from``: see
        :meth:`attribute`); an attribute that runs code or opens an address cannot be given one at all. Why: a
        ``<set attributeName="onload" to="…">`` passed, a handler written by the animation rather than in the file;
        today's browsers refuse to animate handlers, an older browser or another viewer of the published file
        need not."""
        if target in _LINK_ATTRS:
            self.problem(f"elemen <{local}> mengubah tautan gambar saat ditampilkan; hapus elemen itu")
        elif target.startswith("on") or target in _FETCH_ATTRS:
            self.problem(f"elemen <{local}> memberi atribut '{target}' (yang menjalankan kode atau memuat berkas dari "
                         "luar gambar) nilai saat gambar ditampilkan; hapus elemen itu")

    def too_large(self) -> None:
        """More elements, or deeper nesting, than a page and a PDF can take: said once, and nothing more is read."""
        if self.elements > MAX_ELEMENTS:
            what = f"lebih dari {count(MAX_ELEMENTS)} elemen (sampai baris ini)"
        else:
            what = f"elemen yang bersarang lebih dari {MAX_DEPTH} tingkat (di baris ini)"
        self.problem(f"gambar SVG ini memuat {what}, terlalu berat untuk halaman dan PDF (pembuatan PDF dan peramban "
                     "pembaca menjadi sangat lambat atau gagal); sederhanakan gambarnya di program gambar (gabungkan "
                     "bentuk, kurangi detail), atau ekspor sebagai PNG dengan lebar sekitar 2.000 piksel")
        self.stopped = True
        raise _Stop

    def canvas(self, attrs: dict[str, str]) -> None:
        """The size the outermost ``<svg>`` declares (``width``/``height`` in pixels, and its ``viewBox``), within
        what a raster image may be (:data:`.images.MAX_SIDE`, :data:`.images.MAX_PIXELS`): a browser sizes its
        canvas by it (``width="100000000"``), and a ``viewBox`` alone gives an image shown at the page's width the
        height its shape says (``viewBox="0 0 1 1000000000"``)."""
        width, height = _pixels(attrs.get("width", "")), _pixels(attrs.get("height", ""))
        if _too_big(width, height):
            self.problem(f"gambar SVG ini menyatakan ukuran {_shown(width)} × {_shown(height)} piksel (atribut width "
                         "dan height di <svg>), " + _TOO_BIG + "; ubah ukurannya di program gambar, lalu simpan ulang "
                         "(mis. width=\"800\" height=\"600\")")
        box = [float(n) for n in _NUMBER.findall(attrs.get("viewBox", ""))]
        if len(box) == 4 and (_too_big(abs(box[2]), abs(box[3])) or _too_big(abs(box[2]) / (abs(box[3]) or 1), 1)
                              or _too_big(abs(box[3]) / (abs(box[2]) or 1), 1)):
            self.problem(f"viewBox gambar SVG ini menyatakan bidang {_shown(box[2])} × {_shown(box[3])}, "
                         + _TOO_BIG + "; ubah ukuran halaman gambar di program gambar (mis. viewBox=\"0 0 800 "
                         "600\"), lalu simpan ulang")

    def foreign(self, namespace: str, written: str) -> None:
        """Only SVG's own elements (and inert editor data) may be in the image: an allow-list, not a list of tricks."""
        if not namespace:
            self.problem(f"elemen <{written}> tidak berada dalam namespace SVG, sehingga browser tidak "
                         "menampilkannya sebagai gambar; simpan ulang gambar sebagai SVG biasa (elemen <svg> "
                         f"dengan xmlns=\"{_SVG_NS}\")")
        else:
            kind = _FOREIGN.get(namespace, f"namespace '{namespace[:60]}'")
            self.problem(f"elemen <{written}> adalah elemen {kind}, bukan SVG, dan dapat memuat berkas atau membuka "
                         "alamat di luar gambar; simpan ulang gambar tanpa elemen itu (sebagai SVG biasa)")

    def attribute(self, name: str, value: str) -> None:
        lowered = name.lower()
        squeezed = _CONTROL.sub("", value).lower()
        if lowered.startswith("on"):
            self.problem(f"atribut '{name}' menjalankan kode saat gambar dibuka; hapus atribut itu")
        elif "javascript:" in squeezed or "vbscript:" in squeezed:
            self.problem(f"atribut '{name}' berisi URL javascript:, yang menjalankan kode; hapus atau ganti dengan "
                         "tautan biasa di luar gambar")
        elif lowered in _FETCH_ATTRS:
            self.problem(f"atribut '{name}' memuat berkas atau membuka alamat di luar gambar; simpan ulang gambar "
                         "tanpa atribut itu")
        elif lowered in _LINK_ATTRS:
            self.link(name, value.strip())
        else:
            self.css(f"atribut '{name}'", value)

    def link(self, name: str, target: str) -> None:
        if _SAFE_DATA.match(target):
            self.embedded(name, target)
            return
        if not target or target.startswith("#"):
            return
        self.problem(f"atribut '{name}' merujuk berkas di luar gambar ('{target[:60]}'); gambar SVG di situs harus "
                     "berdiri sendiri: sisipkan isinya ke dalam berkas atau hapus rujukan itu")

    def embedded(self, name: str, target: str) -> None:
        """A raster image embedded in the SVG (``data:image/png;base64,…``) is held to a raster file's size limit:
        the browser decodes it all the same (a 100 000 × 100 000 PNG is a few megabytes of text here)."""
        head, _, data = target.partition(",")
        if ";base64" not in head.lower():
            return
        try:
            raw = base64.b64decode(_CONTROL.sub("", data))
        except (binascii.Error, ValueError):
            return  # a browser shows nothing: no image to size
        kind = head.split("/", 1)[1].split(";", 1)[0].lower()
        raster = read_raster(_RASTER_SUFFIX.get(kind, ""), raw)
        if raster is not None and _too_big(raster.width, raster.height):
            self.problem(f"atribut '{name}' menyisipkan gambar {kind.upper()} berukuran {count(raster.width)} × "
                         f"{count(raster.height)} piksel, " + _TOO_BIG + "; perkecil gambar sisipan itu, atau "
                         "simpan ulang gambarnya tanpa gambar sisipan")

    def css(self, where: str, value: str, text: _Element | None = None) -> None:
        """``url(…)`` to anything but a part of the image (``url(#id)``), ``@import`` and the functions that take a
        file name load files from elsewhere; they are looked for as the browser reads them, escapes decoded, once
        without and once with comments (the union of both readings), each reported once at its line."""
        seen: set[tuple[int, str]] = set()
        for strip in (True, False):
            plain, where_in = _decode_css(value, strip)
            lowered = plain.translate(_ASCII_LOWER)  # CSS names are ASCII case-insensitive; same length
            found: list[tuple[int, str]] = []
            for at in _all(lowered, "@import"):
                found.append((where_in[at], f"{where} memuat stylesheet lain (@import); hapus baris @import itu"))
            for match in _FUNCTION.finditer(lowered):
                function = _VENDOR.sub("", match.group(1))
                if function == "url" and not _FRAGMENT.match(lowered, match.end()):
                    shown = _CONTROL.sub(" ", plain[match.end():match.end() + 60].split(")", 1)[0]).strip()
                    found.append((where_in[match.start()], f"{where} memuat berkas dari luar gambar (url({shown})); "
                                  "hanya url(#id) ke bagian gambar itu sendiri yang boleh: hapus rujukan itu"))
                elif function in _LOADING_FUNCTIONS:
                    found.append((where_in[match.start()], f"{where} memakai {match.group(1)}(), yang memuat "
                                  "berkas dari luar gambar; simpan ulang gambar tanpa fungsi itu"))
            for at, message in sorted(found):
                line = text.line_at(at) if text is not None else None
                if (line or 0, message) not in seen:
                    seen.add((line or 0, message))
                    self.problem(message, line)

    def end(self, name: str) -> None:
        element = self.open.pop()
        if element.style and element.pieces:
            self.css("elemen <style>", "".join(element.pieces), element)

    def text(self, data: str) -> None:
        if self.open:
            self.open[-1].add(data, self.parser.CurrentLineNumber)

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


_TOO_BIG = (f"terlalu besar untuk halaman dan PDF (dapat menghabiskan memori peramban pembaca); paling besar "
            f"{count(MAX_SIDE)} piksel per sisi dan {MAX_PIXELS // 1_000_000} megapiksel, seperti gambar PNG dan JPEG")


def _pixels(length: str) -> float | None:
    """An SVG length in CSS pixels (``"210mm"``), ``None`` when it is no fixed size (absent, a percentage)."""
    match = _LENGTH.fullmatch(length)
    if match is None or match.group(2).lower() not in _UNITS:
        return None
    return abs(float(match.group(1))) * _UNITS[match.group(2).lower()]


def _too_big(width: float | None, height: float | None) -> bool:
    """Whether a side or the area exceeds a raster image's limits (a side not given is no side; not finite is)."""
    sides = [side for side in (width, height) if side is not None]
    if any(not math.isfinite(side) or side > MAX_SIDE for side in sides):
        return True
    return len(sides) == 2 and sides[0] * sides[1] > MAX_PIXELS


def _shown(size: float | None) -> str:
    """A declared size as a message shows it: a whole number as Indonesian writes it, "?" when none."""
    if size is None:
        return "?"
    return count(round(size)) if math.isfinite(size) and abs(size) < 1e15 else f"{size:g}"


def _all(text: str, word: str) -> list[int]:
    """Every index at which ``word`` starts in ``text``."""
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found
