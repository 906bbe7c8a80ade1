"""Every ``{tabel}`` and ``{grafik}`` kind, registered in the Markdown stage's :class:`Registry`."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..core.diagnostics import Diagnostics
from ..core.memo import Memo, digest
from ..core.model import Site, loc_of
from ..core.resources import theme_dirs
from ..markdown.directives import Registry
from . import figures, tables
from .charts.cache import CacheMode, ChartCache, chart_memo
from .charts.fonts import FONT_SOURCES, chart_fonts, missing_fonts, truetype_fonts


def make_registry(site: Site, cache_root: Path, mode: CacheMode, diags: Diagnostics) -> tuple[Registry, ChartCache | None]:
    """The registry, and the chart cache it fills (None when the theme has no chart fonts: an error)."""
    registry = Registry()
    site_key = digest(repr(sorted(site.config.scales.items())), site.config.skala_predikat)
    tables.register(registry, Memo(cache_root if mode != "off" else None, "tabel", writable=mode == "write"), site_key)
    fonts = chart_fonts(theme_dirs(site.root, site.config.tema))
    missing = missing_fonts(fonts)
    if missing:
        diags.error(loc_of(site.config, "tema"), f"tema '{site.config.tema}' tidak memiliki font grafik "
                                     f"({', '.join(missing)} di static/fonts/); grafik tidak dapat digambar")
        figures.register_unavailable(registry)
        return registry, None
    cache = ChartCache(chart_memo(cache_root, mode), truetype_fonts(fonts, _font_folder(cache_root, fonts, mode)))
    figures.register(registry, cache)
    return registry, cache


def _font_folder(cache_root: Path, fonts: dict[str, Path], mode: CacheMode) -> Path:
    """Converted fonts live in the cache; ``check`` (read-only) converts into the system's temporary folder."""
    if mode == "write" or all((cache_root / "font-grafik" / (Path(n).stem + ".ttf")).is_file() for n in FONT_SOURCES):
        return cache_root / "font-grafik"
    key = digest([(n, fonts[n].read_bytes()) for n in FONT_SOURCES])[:12]
    return Path(tempfile.gettempdir()) / f"lkjip-font-grafik-{key}"
