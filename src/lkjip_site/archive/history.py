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
from ..output.changes import field_sources
from ..output.versions import (SiteHistory, VersionInfo, info_from_report, newest_first, suggest_version,
                               version_key)
from .manifest import entries
from .store import ArchivedVersion, changed_sources, snapshot


def plan_history(site: Site, archive: list[ArchivedVersion], diags: Diagnostics) -> SiteHistory:
    by_slug: dict[str, dict[str, ArchivedVersion]] = {}
    for av in archive:
        by_slug.setdefault(av.slug, {})[av.versi] = av
    history = SiteHistory()
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
    return history


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

