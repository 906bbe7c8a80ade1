"""Stage 1, the theme's fonts: which characters they draw, read once per set of fonts and kept in the memo.

Why: a character the theme's fonts lack (✓, ★, an emoji, 中, a Word bullet from the Symbol font) is drawn by
WeasyPrint in whatever font the building machine has (DejaVu, OpenSymbol), or as an empty box, and the chart engine
measures it with that font too, so a label wraps elsewhere. The same sources then gave another PDF and other chart
SVGs on another machine, unwarned: the archive's "same input, same bytes" broke silently. ``check`` warns of such a
character at its line (``compute/glyphs.py``); this module says what the fonts draw.

Cost: reading the fonts' character maps takes about 0,1 s (WOFF2 decompressed) and fontTools 0,1 s to import; the
result is stored in the memo under the fonts' bytes, so a build of an unchanged theme reads a few hundred bytes of
JSON, and a process keeps it for as long as the fonts are the same (``serve``).
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

from ..core.lazy import Lazy
from ..core.memo import Memo, digest
from ..core.model import Glyphs

#: fontTools' font reader, imported only when the memo does not have the answer (0,1 s: every CLI run would pay it)
_ttlib = Lazy("fontTools.ttLib")

#: The fonts the chart engine registers with vl-convert and measures labels with (``elements/charts/fonts.py``).
CHART_FONTS = ("NotoSans-Regular-latin.woff2", "NotoSans-Bold-latin.woff2", "NotoSans-Italic-latin.woff2")
#: The symbol font whose glyphs the chart fonts' copies carry for the signs Noto Sans lacks (≥ → − Σ Δ): a label's
#: ≥ is measured with it (vl-convert took the machine's DejaVu Sans for it) and drawn with it, as the page's text.
CHART_SYMBOLS = "NotoSansMath-simbol.woff2"
#: The files of a theme's ``static/fonts/`` read as fonts.
FONT_SUFFIXES = (".woff2", ".woff", ".ttf", ".otf")
#: Bump when what is stored changes.
_FORMAT = "cmap-2"  # 2: the chart fonts draw the symbol font's signs too
_known: dict[str, Glyphs] = {}  # memo key -> what it names, for the life of the process


def theme_fonts(theme_dirs: list[Path]) -> dict[str, bytes]:
    """Each font file of the themes' ``static/fonts/`` by name, from the first theme that has it (a site's theme
    overrides the default one file by file, as for every static file)."""
    found: dict[str, bytes] = {}
    for folder in theme_dirs:
        fonts = folder / "static" / "fonts"
        if not fonts.is_dir():
            continue
        for path in sorted(fonts.iterdir()):
            if path.suffix.lower() in FONT_SUFFIXES and path.name not in found and path.is_file():
                try:
                    found[path.name] = path.read_bytes()
                except OSError:
                    continue  # unreadable: the theme's own check and the PDF say so; its characters count as lacking
    return found


def font_glyphs(theme_dirs: list[Path], memo: Memo | None) -> Glyphs | None:
    """What the themes' fonts draw; None for a theme without fonts (nothing to compare with: no warning)."""
    fonts = theme_fonts(theme_dirs)
    if not fonts:
        return None
    name = digest(_FORMAT, sorted((n, hashlib.sha256(data).hexdigest()) for n, data in fonts.items()))
    key = memo.key(name) if memo is not None else None
    if name in _known:
        if memo is not None and key is not None:
            memo.keep(key)  # counted as used, so the memo's prune keeps it for the next process
        return _known[name]
    stored = memo.get(key) if memo is not None and key is not None else None
    glyphs = _parsed(stored, name) if stored is not None else None
    if glyphs is None:
        glyphs = _read(fonts, name)
        if memo is not None and key is not None:
            memo.put(key, _stored(glyphs))
    _known[name] = glyphs
    return glyphs


def _read(fonts: dict[str, bytes], key: str) -> Glyphs:
    """The character maps of ``fonts``: each font's best cmap, read lazily (the glyphs themselves are not decoded)."""
    drawn: set[int] = set()
    charted: set[int] = set()
    for name, data in fonts.items():
        points = _code_points(data)
        drawn |= points
        if name in CHART_FONTS or name == CHART_SYMBOLS:
            charted |= points
    return Glyphs(frozenset(drawn), frozenset(charted), key)


def _code_points(font: bytes) -> set[int]:
    """The code points one font maps to a glyph; none for a font fontTools cannot read (WeasyPrint then passes
    over it too, and its characters come from the machine's fonts: warned of as lacking, rightly)."""
    try:
        return set(_ttlib.TTFont(io.BytesIO(font), lazy=True).getBestCmap() or {})
    except Exception:  # noqa: BLE001 - a damaged font of a site's theme: its characters count as lacking
        return set()


def _ranges(points: frozenset[int]) -> list[list[int]]:
    """``points`` as [first, last] runs: a few dozen numbers for the default theme's 572 code points."""
    out: list[list[int]] = []
    for p in sorted(points):
        if out and out[-1][1] == p - 1:
            out[-1][1] = p
        else:
            out.append([p, p])
    return out


def _stored(glyphs: Glyphs) -> bytes:
    return json.dumps({"drawn": _ranges(glyphs.drawn), "charted": _ranges(glyphs.charted)}).encode("utf-8")


def _parsed(data: bytes, key: str) -> Glyphs | None:
    """What :func:`_stored` wrote; None when it is not that (read the fonts again)."""
    try:
        raw = json.loads(data)
        sets = [frozenset(p for a, b in raw[k] for p in range(int(a), int(b) + 1)) for k in ("drawn", "charted")]
    except (ValueError, TypeError, KeyError):
        return None
    return Glyphs(sets[0], sets[1], key)
