"""The theme's fonts in the form vl-convert needs: TrueType copies of the WOFF2 files, made once into the cache.

Charts must measure text with the project's own font on every machine, or label layout (and so the SVG bytes) would
depend on the fonts installed on the build machine. Noto Sans lacks the signs a label may hold (≥ → − Σ Δ), and
vl-convert measures a character its font lacks in the first font of the machine that has it (DejaVu Sans here, none
elsewhere: a chart one or three pixels wider, another SVG and PDF); each copy therefore carries the theme's symbol
font's glyphs for the characters it lacks (:func:`with_symbols`), the glyphs the page and the PDF draw them with.
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
from pathlib import Path

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables import ttProgram

from ...core.files import write_whole
from ...load.glyphs import CHART_FONTS, CHART_SYMBOLS

#: The fonts charts are measured with; named in ``load/glyphs.py``, whose check says which characters they lack.
FONT_SOURCES = CHART_FONTS
#: The symbol font whose glyphs each chart font's copy carries for the characters the font lacks.
SYMBOL_SOURCE = CHART_SYMBOLS


def chart_fonts(theme_dirs: list[Path]) -> dict[str, Path]:
    """Each chart font from the first theme that has it (themes override the default one file by file)."""
    found = {}
    for name in (*FONT_SOURCES, SYMBOL_SOURCE):
        path = next((d / "static" / "fonts" / name for d in theme_dirs if (d / "static" / "fonts" / name).is_file()),
                    None)
        if path is not None:
            found[name] = path
    return found


def missing_fonts(found: dict[str, Path]) -> list[str]:
    """The chart fonts no theme has (an error: charts cannot be measured without them)."""
    return [name for name in FONT_SOURCES if name not in found]


#: Written beside the copies once they are all made: each copy's SHA-256. A copy that is missing, damaged or left
#: half-made by a stopped build no longer matches it, and the fonts are converted again instead of measured with.
CONVERTED = "isi.json"


def truetype_fonts(found: dict[str, Path], out: Path) -> Path:
    """TrueType copies of the chart fonts in ``out`` (converted once, kept between builds; ``out`` is named by the
    fonts' bytes, :func:`fonts_key`, so other fonts get a folder of their own)."""
    if converted(out):
        return out
    made = {}
    symbols = truetype_copy(found[SYMBOL_SOURCE].read_bytes()) if SYMBOL_SOURCE in found else None
    for name in FONT_SOURCES:
        font = truetype_copy(found[name].read_bytes())
        if symbols is not None:
            font = with_symbols(font, symbols)
        target = _copy_name(name)
        write_whole(out / target, font)
        made[target] = hashlib.sha256(font).hexdigest()
    write_whole(out / CONVERTED, json.dumps(made, sort_keys=True).encode("utf-8"))
    return out


def truetype_copy(font: bytes) -> bytes:
    """The TrueType bytes of a WOFF2 (or WOFF, or TrueType) font: a pure function of its bytes (the test suite keeps
    its results for the session, as it keeps vl-convert's bundle, since nearly every test starts a cache afresh)."""
    # recalcTimestamp=False: fontTools otherwise stamps the copy's ``head`` table with the hour of conversion, so
    # every conversion gave other bytes, and a worker's copy of them (``CarriedFolder``, named by its bytes) a new
    # folder in the system's temporary folder each time a cache was made afresh.
    ttfont = TTFont(io.BytesIO(font), recalcTimestamp=False)
    ttfont.flavor = None
    buffer = io.BytesIO()
    ttfont.save(buffer)
    return buffer.getvalue()


def with_symbols(font: bytes, symbols: bytes) -> bytes:
    """``font`` (TrueType) with the glyphs of ``symbols`` for the characters ``font`` lacks: their outlines and
    advance widths, mapped in every Unicode cmap, without hinting (its instructions call the symbol font's own
    functions). A pure function of the two fonts' bytes; a font that lacks nothing comes back as it was."""
    face = TTFont(io.BytesIO(font), recalcTimestamp=False)
    source = TTFont(io.BytesIO(symbols), recalcTimestamp=False)
    have = face.getBestCmap() or {}
    wanted = {code: glyph for code, glyph in sorted((source.getBestCmap() or {}).items()) if code not in have}
    if not wanted or "glyf" not in face or "glyf" not in source:
        return font
    order = list(face.getGlyphOrder())
    added: dict[str, str] = {}  # the symbol font's glyph name -> its name in ``face``
    for glyph in wanted.values():
        _take_glyph(glyph, face, source, order, added)
    face.setGlyphOrder(order)
    for table in face["cmap"].tables:
        if table.isUnicode():
            table.cmap.update({code: added[glyph] for code, glyph in wanted.items()
                               if code <= 0xFFFF or table.format in (12, 13)})
    buffer = io.BytesIO()
    face.save(buffer)
    return buffer.getvalue()


def _take_glyph(name: str, face: TTFont, source: TTFont, order: list[str], added: dict[str, str]) -> str:
    """Copy one glyph of ``source`` (and the glyphs it is composed of) into ``face``; returns its name there."""
    if name in added:
        return added[name]
    glyph = copy.deepcopy(source["glyf"][name])
    if glyph.isComposite():
        for component in glyph.components:
            component.glyphName = _take_glyph(component.glyphName, face, source, order, added)
    if hasattr(glyph, "program"):
        glyph.program = ttProgram.Program()
        glyph.program.fromBytecode(b"")
    target = f"lkjip.{name}"
    while target in face["glyf"].glyphs or target in order:
        target += "_"
    order.append(target)
    face["glyf"][target] = glyph
    face["hmtx"][target] = source["hmtx"][name]
    added[name] = target
    return target


def converted(out: Path) -> bool:
    """Whether ``out`` holds the copies as they were converted (every one there, with the bytes written then)."""
    try:
        made = json.loads((out / CONVERTED).read_text(encoding="utf-8"))
        return (isinstance(made, dict) and set(made) == {_copy_name(n) for n in FONT_SOURCES}
                and all(hashlib.sha256((out / name).read_bytes()).hexdigest() == made[name] for name in made))
    except (OSError, ValueError):
        return False


def _copy_name(source: str) -> str:
    """The TrueType copy's file name of a theme's WOFF2 font."""
    return Path(source).stem + ".ttf"


def fonts_key(found: dict[str, Path]) -> str:
    """A name for the chart fonts' bytes: the folder their copies are kept in."""
    h = hashlib.sha256()
    for name in (*FONT_SOURCES, SYMBOL_SOURCE):
        if name in found:  # the symbol font's bytes too: the copies carry its glyphs
            h.update(name.encode("utf-8") + b"\0" + hashlib.sha256(found[name].read_bytes()).digest())
    return h.hexdigest()[:16]
