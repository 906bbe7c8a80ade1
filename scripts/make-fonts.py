#!/usr/bin/env python3
"""Regenerate the shipped web fonts in themes/default/static/fonts/.

Why this exists: the site must not load any asset from another host, so the theme ships its own
fonts. The originals (Noto Sans and Noto Serif, SIL Open Font License 1.1) come from Debian's
``fonts-noto-core`` package and weigh about 500 KB each; a Latin subset compressed as WOFF2 is a
fraction of that and still covers Bahasa Indonesia, names with accents and the usual punctuation.
Chromium and WeasyPrint (through fontTools + brotli) both read WOFF2, so one file serves the web
and the PDF.

This script is NOT run by the build or the tests; the fonts are committed. Run it by hand only
to change the subset:

    apt-get install -y fonts-noto-core
    .venv/bin/python scripts/make-fonts.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset

SOURCE_DIR = Path("/usr/share/fonts/truetype/noto")
TARGET_DIR = Path(__file__).resolve().parent.parent / "themes" / "default" / "static" / "fonts"

FAMILIES = ("NotoSans", "NotoSerif")
STYLES = ("Regular", "Italic", "Bold", "BoldItalic")

# Google Fonts' "latin" + "latin-ext (A)" ranges, general punctuation, currency and letterlike
# symbols (№, ™). Glyphs the font lacks (arrows, math) fall back to system fonts.
UNICODES = (
    "U+0000-00FF,U+0100-017F,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,"
    "U+0300-0304,U+0308-0309,U+0323,U+0329,U+2000-206F,U+20A0-20CF,U+2100-214F,U+FEFF,U+FFFD"
)


#: The signs the tool itself prints that Noto Sans and Noto Serif lack, even whole: the minus of the capaian formula
#: notes ("2 × target − realisasi"), ≥ and ≤ of the scales, Σ and Δ of the budget and change notes, arrows. Taken
#: from Noto Sans Math and declared for both families with this unicode-range in fonts.css: without it the PDF drew
#: them from whatever system font was there, and on a machine with none (no DejaVu) as empty boxes.
#: The space (and no-break space) too: Pango sets the space after Σ or Δ in the Greek letter's font, and without
#: one the PDF drew "Σ realisasi" as "Σ□realisasi" (kinerja_anggaran's note).
SYMBOLS_SOURCE = "NotoSansMath-Regular"
SYMBOLS_TARGET = "NotoSansMath-simbol.woff2"
SYMBOLS = "U+0020,U+00A0,U+0394,U+03A3,U+2190-2193,U+2211-2212,U+2248,U+2260,U+2264-2265"


def subset_one(source: Path, target: Path, unicodes: str = UNICODES) -> None:
    """Write a WOFF2 Latin subset of ``source``, keeping every OpenType layout feature.

    All layout features are kept on purpose: tables of figures want ``tnum`` (tabular digits)
    and the PDF may use ``smcp``/``frac``; dropping them saves little.
    """
    args = [
        str(source),
        f"--unicodes={unicodes}",
        "--layout-features=*",
        "--name-IDs=*",
        "--name-languages=*",
        "--notdef-outline",
        "--drop-tables+=DSIG",
        "--flavor=woff2",
        f"--output-file={target}",
    ]
    subset.main(args)


def main() -> int:
    """Subset every family/style pair; fail loudly when a source font is missing."""
    TARGET_DIR.mkdir(parents=True, exist_ok=True)
    for family in FAMILIES:
        for style in STYLES:
            source = SOURCE_DIR / f"{family}-{style}.ttf"
            if not source.is_file():
                print(f"tidak ditemukan: {source} (pasang paket fonts-noto-core)", file=sys.stderr)
                return 1
            target = TARGET_DIR / f"{family}-{style}-latin.woff2"
            subset_one(source, target)
            print(f"{target.name}: {target.stat().st_size} bytes")
    source, target = SOURCE_DIR / f"{SYMBOLS_SOURCE}.ttf", TARGET_DIR / SYMBOLS_TARGET
    if not source.is_file():
        print(f"tidak ditemukan: {source} (pasang paket fonts-noto-core)", file=sys.stderr)
        return 1
    subset_one(source, target, SYMBOLS)
    print(f"{target.name}: {target.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
