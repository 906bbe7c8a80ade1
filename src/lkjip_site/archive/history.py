"""Which versions a build renders and which it copies: the released ones come from the archive, never rebuilt.

Each folder in ``content/laporan/`` is the version an author is working on; once ``lkjip terbitkan`` has archived its
number, that number is frozen. If the author keeps editing the folder without raising ``versi``, the site keeps
serving the release and a warning at the ``versi`` line says so (an edit that never appears would be a silent
surprise). The landing page, the home page and ``versi.json`` list the archived versions together with the one
being written, newest first.
"""

from __future__ import annotations

from ..core.diagnostics import Diagnostics
from ..core.model import Report, Site, loc_of
from ..output.versions import (SiteHistory, VersionInfo, info_from_report, newest_first, suggest_version,
                               version_key)
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
            _warn_if_edited(report, released[report.versi], list(released), diags)
            continue
        older = [av for v, av in released.items() if version_key(v) < version_key(report.versi)]
        if older:
            previous = max(older, key=lambda av: version_key(av.versi))
            history.previous[report.url] = previous.version_data()
        versions.setdefault(report.slug, []).append(info_from_report(report, has_changes=bool(older)))
    history.versions = {slug: newest_first(v) for slug, v in sorted(versions.items())}
    return history


def _warn_if_edited(report: Report, released: ArchivedVersion, taken: list[str], diags: Diagnostics) -> None:
    changed = changed_sources(snapshot(report.folder), released.manifest.sumber)
    if not changed:
        return
    shown = ", ".join(changed[:5]) + (f" dan {len(changed) - 5} lainnya" if len(changed) > 5 else "")
    diags.warn(loc_of(report, "versi"),
               f"versi '{report.versi}' sudah diterbitkan ({released.rel}, {released.released_text}) dan situs "
               f"tetap menampilkan terbitan itu; isi folder ini sudah berbeda ({shown}). Naikkan versi (mis. "
               f"versi: \"{suggest_version(report.versi, taken)}\"), isi catatan_versi, lalu jalankan "
               f"'lkjip terbitkan {report.slug}'")

