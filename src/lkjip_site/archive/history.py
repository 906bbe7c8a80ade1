"""Which versions a build renders and which it copies: the released ones come from the archive, never rebuilt.

Each folder in ``content/laporan/`` is the version an author is working on; once ``lkjip terbitkan`` has archived its
number, that number is frozen. A folder edited without raising ``versi`` is an error at the ``versi`` line, and
nothing is built: the version's own pages are the release's, but the pages above the reports (the instansi page,
the year's comparison, the feed, the report's summary in search and social previews) are computed from the
folder, and showed its unreleased numbers under the released version's name ("27,40 % Tidak Berhasil, Versi 1.2"
beside 1.2's own "68,49 % Kurang Berhasil"). The landing page, the home page and ``versi.json`` list the archived
versions together with the one being written, newest first.
"""

from __future__ import annotations

from ..core.diagnostics import Diagnostics
from ..core.model import Report, Site, loc_of
from ..core.paths import ARCHIVE_DIR
from ..load.content import REPORTS_DIR
from ..output.changes import field_sources
from ..output.versions import (SiteHistory, VersionInfo, info_from_report, newest_first, suggest_version,
                               version_key)
from .manifest import SOURCE_DIR, entries
from .store import ArchivedVersion, changed_sources, snapshot


def plan_history(site: Site, archive: list[ArchivedVersion], diags: Diagnostics) -> SiteHistory:
    by_slug: dict[str, dict[str, ArchivedVersion]] = {}
    for av in archive:
        by_slug.setdefault(av.slug, {})[av.versi] = av
    history = SiteHistory(chapters={av.url: av.chapter_ids() for av in archive})
    versions: dict[str, list[VersionInfo]] = {slug: [av.info() for av in vs.values()] for slug, vs in by_slug.items()}
    for report in site.reports:
        released = by_slug.get(report.slug, {})
        if report.versi in released:
            history.frozen.add(report.url)
            _refuse_if_edited(report, released[report.versi], list(released), diags)
            continue
        older = [av for v, av in released.items() if version_key(v) < version_key(report.versi)]
        if older:
            previous = max(older, key=lambda av: version_key(av.versi))
            history.previous[report.url] = previous.version_data()
            files = snapshot(report.folder)
            history.sources[report.url] = {e.path: e.sha256 for e in entries(files)}
            history.fields[report.url] = field_sources(files)
        versions.setdefault(report.slug, []).append(info_from_report(report, has_changes=bool(older)))
    history.versions = {slug: newest_first(v) for slug, v in sorted(versions.items())}
    warn_sources_gone(site, by_slug, diags)
    return history


def warn_sources_gone(site: Site, by_slug: dict[str, dict[str, ArchivedVersion]], diags: Diagnostics) -> None:
    """Warn of every released report whose folder is gone from ``content/laporan/``, at its newest version's folder
    in ``arsip/`` (a file of the whole site: ``--laporan`` never hides it, ``--strict`` stops on it).

    Why: the archive keeps the released pages, not the portal's view of them. Comparisons, instansi pages, trend
    charts and the portal's open data are computed from the models of ``content/``, so deleting a released report's
    folder (a webmaster tidying up, thinking ``arsip/`` holds it) took its figures off every one of them and the
    year's comparison page off the site, and ``check`` and ``build`` said nothing. ``sumber/`` of the version is the
    folder as released, byte for byte: copied back, the report is the released version again (not rebuilt)."""
    present = {r.slug for r in site.reports}
    years = {r.tahun for r in site.reports}
    for slug, released in sorted(by_slug.items()):
        if slug in present or (site.content_dir / REPORTS_DIR / slug).exists():
            continue  # a folder that did not load says why itself
        newest = max(released.values(), key=lambda av: version_key(av.versi))
        info = newest.info()
        period = f"tahun {info.tahun}" if info.periode == "tahunan" else info.periode_label
        lost = (f"; halaman perbandingan/{info.tahun}/ tidak terbit lagi (tidak ada laporan lain tahun itu), sehingga "
                "tautan ke sana rusak") if info.tahun not in years else ""
        diags.warn((newest.rel, 1),
                   f"laporan '{slug}' ({info.instansi.nama}, {period}) sudah diterbitkan (versi {newest.versi}, "
                   f"{newest.released_text}), tetapi foldernya content/{REPORTS_DIR}/{slug}/ tidak ada. Halaman "
                   f"versinya tetap terbit dari {ARCHIVE_DIR}/, tetapi angkanya hilang dari halaman perbandingan, "
                   f"halaman instansi dan grafik trennya, serta tabel perbandingan di data terbuka portal{lost}. "
                   f"Arsip tidak menggantikan folder sumber: salin isi {newest.rel}/{SOURCE_DIR}/ ke "
                   f"content/{REPORTS_DIR}/{slug}/ (isinya sama persis dengan saat terbit; juga ada di "
                   f"data/{SOURCE_DIR}/ dalam {newest.manifest.bagit.path}), lalu jalankan 'lkjip build'")


def _refuse_if_edited(report: Report, released: ArchivedVersion, taken: list[str], diags: Diagnostics) -> None:
    changed = changed_sources(snapshot(report.folder), released.manifest.sumber)
    if not changed:
        return
    shown = ", ".join(changed[:5]) + (f" dan {len(changed) - 5} lainnya" if len(changed) > 5 else "")
    diags.error(loc_of(report, "versi"),
                f"versi '{report.versi}' sudah diterbitkan ({released.rel}, {released.released_text}), tetapi isi "
                f"folder ini sudah berbeda ({shown}); situs tidak dibangun, agar halaman instansi, perbandingan dan "
                "umpan tidak menampilkan angka yang belum terbit atas nama versi itu. Naikkan versi (mis. versi: "
                f"\"{suggest_version(report.versi, taken)}\") dan isi catatan_versi: situs menampilkannya sebagai "
                f"versi yang sedang disusun, 'lkjip terbitkan {report.slug}' menerbitkannya; atau kembalikan isi "
                "folder seperti saat terbit")

