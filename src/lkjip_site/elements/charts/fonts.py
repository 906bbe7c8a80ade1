"""The theme's fonts in the form vl-convert needs: TrueType copies of the WOFF2 files, made once into the cache.

Charts must measure text with the project's own font on every machine, or label layout (and so the SVG bytes) would
depend on the fonts installed on the build machine.
"""

from __future__ import annotations

from pathlib import Path

from fontTools.ttLib import TTFont

FONT_SOURCES = ("NotoSans-Regular-latin.woff2", "NotoSans-Bold-latin.woff2", "NotoSans-Italic-latin.woff2")


def chart_fonts(theme_dirs: list[Path]) -> dict[str, Path]:
    """Each chart font from the first theme that has it (themes override the default one file by file)."""
    found = {}
    for name in FONT_SOURCES:
        path = next((d / "static" / "fonts" / name for d in theme_dirs if (d / "static" / "fonts" / name).is_file()),
                    None)
        if path is not None:
            found[name] = path
    return found


def missing_fonts(found: dict[str, Path]) -> list[str]:
    """The chart fonts no theme has (an error: charts cannot be measured without them)."""
    return [name for name in FONT_SOURCES if name not in found]


def truetype_fonts(found: dict[str, Path], out: Path) -> Path:
    """TrueType copies of the chart fonts in ``out`` (converted once, kept between builds)."""
    out.mkdir(parents=True, exist_ok=True)
    for name in FONT_SOURCES:
        target = out / (Path(name).stem + ".ttf")
        if not target.is_file():
            font = TTFont(str(found[name]))
            font.flavor = None
            tmp = target.with_suffix(".tmp")
            font.save(str(tmp))
            tmp.replace(target)
    return out
