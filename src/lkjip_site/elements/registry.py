"""Every ``{tabel}`` and ``{grafik}`` kind, registered in the Markdown stage's :class:`Registry`."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from ..core.diagnostics import Diagnostics
from ..core.memo import Memo, digest
from ..core.model import Site, SiteConfig, loc_of
from ..core.resources import theme_dirs
from ..markdown.directives import Registry
from . import figures, tables
from .charts.cache import CacheMode, CarriedCharts, ChartCache, chart_memo
from .charts.fonts import chart_fonts, converted, fonts_key, missing_fonts, truetype_fonts

#: The cache's folder of the chart fonts converted for vl-convert (TrueType, under the cache root).
FONT_FOLDER = "font-grafik"


def make_registry(site: Site, cache_root: Path, mode: CacheMode, diags: Diagnostics) -> tuple[Registry, ChartCache | None]:
    """The registry, and the chart cache it fills (None when the theme has no chart fonts: an error)."""
    registry = Registry()
    tables.register(registry, Memo(cache_root if mode != "off" else None, "tabel", writable=mode == "write"),
                    _site_key(site.config))
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


def carried_registry(config: SiteConfig, charts: CarriedCharts | None) -> Registry:
    """The registry of a job that renders a report's pages on a Dask worker: tables computed there (no memo: the
    worker has none), charts from what the job carries (None: the theme had no chart fonts, reported here)."""
    registry = Registry()
    tables.register(registry, Memo(None, "tabel"), _site_key(config))
    if charts is None:
        figures.register_unavailable(registry)
    else:
        figures.register(registry, charts)
    return registry


def _site_key(config: SiteConfig) -> str:
    """What tables read from the site config (custom scales, the default scale)."""
    return digest(repr(sorted(config.scales.items())), config.skala_predikat)


def _font_folder(cache_root: Path, fonts: dict[str, Path], mode: CacheMode) -> Path:
    """The folder of the converted chart fonts: in the cache, named by the theme's fonts, so that a theme whose chart
    fonts change gets new copies (copies kept under one name drew the charts in the old fonts, which a clean build
    does not); a build removes the copies of other fonts. ``check`` (read-only) uses the cache's copies when they
    are whole, else converts into the system's temporary folder."""
    key = fonts_key(fonts)
    folder = cache_root / FONT_FOLDER / key
    if mode == "write":
        _remove_other_fonts(folder)
        return folder
    if converted(folder):
        return folder
    return Path(tempfile.gettempdir()) / f"lkjip-font-grafik-{key}"


def _remove_other_fonts(keep: Path) -> None:
    """Every copy in the cache's font folder but ``keep`` (other fonts' folders; loose files of an older layout)."""
    try:
        entries = list(keep.parent.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.name != keep.name:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
