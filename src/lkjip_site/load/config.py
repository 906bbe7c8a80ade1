"""Stage 1, config: the site configuration (``situs.yaml`` at the top of the site folder) into :class:`SiteConfig`."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..core.diagnostics import Diagnostics
from ..core.model import DATA_LICENCES, DataLicence, Loc, SiteConfig
from ..core.paths import SITE_FILE, rel_path
from ..core.resources import theme_exists, theme_names
from ..core.suggest import did_you_mean
from . import schemas
from .scales import parse_scales
from .schema import read_validated
from .source import read_source
from .theme import check_site_theme
from .yamltree import key_lines


def load_config(root: Path, diags: Diagnostics) -> SiteConfig | None:
    path = root / SITE_FILE
    rel = rel_path(path, root)
    if not os.path.lexists(path):
        diags.error((rel, 1), "berkas konfigurasi situs tidak ditemukan; buat situs dengan 'lkjip init'")
        return None
    raw = read_source(path, rel, diags, root)
    data = read_validated(raw, rel, schemas.SITE, diags) if raw is not None else None
    if data is None:
        return None
    if problem := base_url_problem(data["url_dasar"]):
        diags.error((rel, data.line_of("url_dasar")), f"url_dasar: {problem}")
    tema = data.get("tema", "default")
    if not theme_exists(root, tema):
        known = theme_names(root)
        diags.error((rel, data.line_of("tema")), f"tema '{tema}' tidak ditemukan{did_you_mean(tema, known)}: buat "
                                                f"folder themes/{tema}/ di folder situs atau hapus kunci 'tema' "
                                                f"(tema yang ada: {', '.join(known)})")
    else:
        check_site_theme(root, tema, diags)
    return SiteConfig(
        judul=data["judul"],
        pemda=data["pemda"],
        url_dasar=data["url_dasar"],
        loc=Loc(rel, 1),
        bahasa=data.get("bahasa", "id-ID"),
        tema=tema,
        skala_predikat=data.get("skala_predikat", "permendagri-86-2017"),
        html_mentah=bool(data.get("html_mentah", False)),
        label_gambar=data.get("label_gambar", "Gambar"),
        scales=parse_scales(data.get("skala"), rel, diags),
        lines=key_lines(data),
        capaian=dict(data.get("capaian", {})),
        lisensi_data=data_licence(data.get("lisensi_data")),
    )


def data_licence(written: Any) -> DataLicence | None:
    """``lisensi_data`` as validated by the schema: a known id (its name and address from :data:`DATA_LICENCES`) or
    ``{nama, url}``; None when not written."""
    if isinstance(written, str):
        nama, url = DATA_LICENCES[written]
        return DataLicence(written, nama, url)
    if isinstance(written, Mapping):
        return DataLicence("", str(written["nama"]), str(written["url"]))
    return None


def base_url_problem(url: str) -> str:
    """What ``url_dasar`` must not hold (empty when it is a plain address): it is printed on every page (canonical
    link, Open Graph), in the sitemap and the feed, so a ``user:pass@`` copied from a deploy script published the
    credentials, and a query or a fragment made every page's address wrong (the page's path is appended to it)."""
    parts = urlsplit(url)
    if "@" in parts.netloc:
        return ("alamat ini memuat nama pengguna atau kata sandi ('nama:sandi@'), yang akan tercantum di setiap "
                "halaman, sitemap dan umpan; hapus bagian sebelum '@', mis. https://lkjip.contoh.go.id/ (dan ganti "
                "kata sandinya bila sudah pernah terbit)")
    if parts.query or parts.fragment or "?" in url or "#" in url:
        return ("alamat dasar tidak boleh memuat '?' atau '#' (alamat setiap halaman ditambahkan di belakangnya); "
                "tulis alamat folder portal saja, diakhiri '/', mis. https://lkjip.contoh.go.id/")
    return ""


def read_by_reports(config: SiteConfig) -> str:
    """The part of ``config`` a report's loaded state (model, checks, parsed chapters, numbered items, their
    messages) may depend on: all of it but the portal's title and address, which only rendered pages show (their
    keys name them). With the line of every key, so that a message that points into situs.yaml keeps its line.

    Why: a stored state was keyed by situs.yaml's bytes, so a new portal title read, computed, checked and parsed
    every report again (a fifth of a full build with cached charts at N = 100) for states that come out the same. The
    open data's licence is only in the open data and the report page, whose keys name it (``output/pages.py``)."""
    return repr(dataclasses.replace(config, judul="", url_dasar="", lisensi_data=None))
