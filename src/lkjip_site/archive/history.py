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

from pathlib import Path

from ..core.diagnostics import Diagnostics
from ..core.memo import Memo
from ..core.model import Report, Site, SiteConfig, loc_of
from ..core.paths import ARCHIVE_DIR
from ..load.content import REPORTS_DIR, load_report
from ..load.data import load_data
from ..output.changes import field_sources
from ..output.versions import (SiteHistory, VersionInfo, info_from_report, newest_first, suggest_version,
                               version_key)
from .manifest import SOURCE_DIR, entries
from .store import ArchivedVersion, changed_sources, snapshot


def plan_history(site: Site, archive: list[ArchivedVersion], diags: Diagnostics) -> SiteHistory:
    by_slug: dict[str, dict[str, ArchivedVersion]] = {}
    for av in archive:
        by_slug.setdefault(av.slug, {})[av.versi] = av
    history = SiteHistory(chapters={av.url: av.chapter_ids() for av in archive},
                          released={av.url: av.version_data for av in archive})
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
    warn_sources_gone(site, archive, diags)
    return history


def gone_from_content(content_dir: Path, archive: list[ArchivedVersion]) -> dict[str, ArchivedVersion]:
    """The newest released version of each report whose folder is gone from ``content/laporan/``, by slug."""
    newest: dict[str, ArchivedVersion] = {}
    for av in archive:
        if (content_dir / REPORTS_DIR / av.slug).exists():
            continue  # the folder is the report (a folder that does not load says why itself)
        if av.slug not in newest or version_key(av.versi) > version_key(newest[av.slug].versi):
            newest[av.slug] = av
    return newest


def read_released(content_dir: Path, root: Path, config: SiteConfig, archive: list[ArchivedVersion],
                  memo: Memo | None = None) -> list[Report]:
    """Each report whose folder is gone from ``content/laporan/``, read from its newest released version's
    ``sumber/`` (the folder as released, byte for byte), as the report.

    Why: comparisons, instansi pages, trend charts, other reports' "Laporan lain" links and the portal's open data
    are computed from the reports' models. Deleting a released report's folder (a webmaster tidying up, thinking
    ``arsip/`` holds it) took its figures off all of them and a year's comparison page off the site, yet published
    output is for good. Read from ``sumber/``, the portal is what it was with the folder there; the version is
    released, so its own pages are still copied from ``arsip/`` and never made from these sources.

    Only a ``sumber/`` that matches its manifest and loads without an error is read (a newer lkjip may refuse what
    an older one released: :func:`warn_sources_gone` then says the figures are missing); nothing said while reading it
    is kept, as nobody can mend a released version in place (``build._quiet_restored`` for the later stages)."""
    reports = []
    for slug, av in sorted(gone_from_content(content_dir, archive).items()):
        folder = av.folder / SOURCE_DIR
        if not folder.is_dir() or changed_sources(snapshot(folder), av.manifest.sumber):
            continue
        own = Diagnostics()
        report = load_report(folder, root, config, own, slug=slug)
        if report is None or report.versi != av.versi:
            continue
        load_data(report, root, own, memo)
        if not own.errors:
            reports.append(report)
    return reports


def restored(site: Site) -> list[Report]:
    """The reports :func:`read_released` read from ``arsip/`` (their folder is gone from ``content/``)."""
    return [r for r in site.reports if r.rel.startswith(f"{ARCHIVE_DIR}/")]


def warn_sources_gone(site: Site, archive: list[ArchivedVersion], diags: Diagnostics) -> None:
    """Say, for the whole site, of every released report whose folder is gone from ``content/laporan/``, at its
    newest version's folder in ``arsip/`` (a file of the whole site: ``--laporan`` never hides it, ``--strict``
    stops on it): the portal reads it from that version's ``sumber/`` (:func:`read_released`), and a new version
    needs the folder back. When ``sumber/`` could not be read, what the portal lost.

    Why said at all: ``lkjip new --dari`` and ``lkjip terbitkan`` work on ``content/laporan/<slug>/`` only, and a
    webmaster who deleted the folder believing the archive holds it learns here, not on the day the next version is
    due, that the sources are to be copied back first."""
    years = {r.tahun for r in site.reports}
    read = {r.slug for r in restored(site)}
    for slug, newest in sorted(gone_from_content(site.content_dir, archive).items()):
        info = newest.info()
        period = f"tahun {info.tahun}" if info.periode == "tahunan" else info.periode_label
        head = (f"laporan '{slug}' ({info.instansi.nama}, {period}) sudah diterbitkan (versi {newest.versi}, "
                f"{newest.released_text}), tetapi foldernya content/{REPORTS_DIR}/{slug}/ tidak ada")
        back = (f"isi {newest.rel}/{SOURCE_DIR}/ ke content/{REPORTS_DIR}/{slug}/ (isinya sama persis dengan "
                f"saat terbit; juga ada di data/{SOURCE_DIR}/ dalam {newest.manifest.bagit.path})")
        if slug in read:
            diags.warn((newest.rel, 1),
                       f"{head}; portal membacanya dari {newest.rel}/{SOURCE_DIR}/, jadi halaman perbandingan, "
                       "halaman instansi, grafik tren dan data terbuka portal tetap memuat angkanya. Untuk menyusun "
                       f"versi berikutnya ('lkjip new ... --dari {slug}', 'lkjip terbitkan {slug}'), salin dahulu "
                       f"{back}")
            continue
        lost = (f"; halaman perbandingan/{info.tahun}/ tidak terbit lagi (tidak ada laporan lain tahun itu), sehingga "
                "tautan ke sana rusak") if info.tahun not in years else ""
        diags.warn((newest.rel, 1),
                   f"{head}, dan {newest.rel}/{SOURCE_DIR}/ tidak dapat dibaca sebagai laporan (isinya berbeda dari "
                   "manifest, atau lkjip versi ini menolaknya). Halaman versinya tetap terbit dari "
                   f"{ARCHIVE_DIR}/, tetapi angkanya hilang dari halaman perbandingan, halaman instansi dan grafik "
                   f"trennya, serta tabel perbandingan di data terbuka portal{lost}. Salin {back}, "
                   f"lalu jalankan 'lkjip check --laporan {slug}': pesannya menyebut apa yang harus diperbaiki")


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

