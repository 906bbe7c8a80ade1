"""The theme's fonts in the form vl-convert needs: TrueType copies of the WOFF2 files, made once into the cache.

Charts must measure text with the project's own font on every machine, or label layout (and so the SVG bytes) would
depend on the fonts installed on the build machine.
"""

from __future__ import annotations

from pathlib import Path

from fontTools.ttLib import TTFont

FONT_SOURCES = ("NotoSans-Regular-latin.woff2", "NotoSans-Bold-latin.woff2", "NotoSans-Italic-latin.woff2")


def missing_fonts(theme_fonts: Path | None) -> list[str]:
    """The font files a chart needs that the theme does not have (an error: charts cannot be measured)."""
    return [name for name in FONT_SOURCES if theme_fonts is None or not (theme_fonts / name).is_file()]


def truetype_fonts(theme_fonts: Path, out: Path) -> Path:
    """TrueType copies of the theme's WOFF2 chart fonts in ``out`` (converted once, kept between builds)."""
    out.mkdir(parents=True, exist_ok=True)
    for name in FONT_SOURCES:
        target = out / (Path(name).stem + ".ttf")
        if not target.is_file():
            font = TTFont(str(theme_fonts / name))
            font.flavor = None
            tmp = target.with_suffix(".tmp")
            font.save(str(tmp))
            tmp.replace(target)
    return out
