"""``lkjip terbitkan``: freeze one version of a report in the archive (published files, sources, manifest, bag).

Checked before anything is built or written: the report exists; its version number is not archived already with
other sources (published is permanent, so that is an error at the ``versi`` line, while the same sources again are a
no-op); it is not lower than a released number, nor dated before one (version order would lie); no sample value of
the scaffold is left in it or in situs.yaml, and no file ``lkjip new --dari`` carried from an earlier report is left
unrewritten (:func:`refuse_samples`). Then the caller builds the site in
memory, refuses the release when the report folder holds a file that build did not read (:func:`unread_sources`),
and :func:`store_release` writes ``arsip/<slug>/<versi>/`` at once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import bagit

from .. import __version__
from ..compute.narrative import check_carried, check_sample_text, check_site_samples
from ..core.controls import control_in, escape_controls
from ..core.diagnostics import ContentError, Diagnostics
from ..core.epoch import source_date_epoch
from ..core.fmt import fmt_date
from ..core.model import Report, Site, loc_of
from ..core.paths import ARCHIVE_DIR
from ..load.content import unportable_paths, unread_files
from ..output.changes import ReleasedRef
from ..output.versions import report_metadata, suggest_version, version_key
from .bag import bag_name, make_bag_zip
from .manifest import README, SOURCE_DIR, Manifest, entries, tree_digest
from .readme import PAGE_LIST, page_list_html, readme_text
from .store import ArchivedVersion, changed_sources, snapshot, version_files, write_version


def release_time() -> dt.datetime:
    """``SOURCE_DATE_EPOCH`` when set (reproducible releases), else the clock, in UTC to the second."""
    epoch = source_date_epoch()
    if epoch is not None:
        return dt.datetime.fromtimestamp(epoch, dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


@dataclass
class Release:
    """A version about to be archived: its report and the snapshot of its folder, taken before the build."""

    report: Report
    sources: dict[str, bytes]
    url_dasar: str = ""  # the site's address, for the folder's README
    #: the released version its change page compares it with, named in its README (None: the first released)
    previous: ReleasedRef | None = None
    #: When the version is released, asked once: the date its ``tanggal_terbit`` is checked against is the date the
    #: folder, the bag and the manifest are stamped with, even for a release running across midnight.
    when: dt.datetime = field(default_factory=release_time)
    #: every version of the report released before it, oldest first, kept in its manifest (``versi_sebelumnya``)
    before: list[str] = field(default_factory=list)


def release_target(site: Site, archive: list[ArchivedVersion], slug: str, diags: Diagnostics) -> Release | None:
    """The version ``lkjip terbitkan <slug>`` would archive; None when it is archived already, unchanged."""
    report = next((r for r in site.reports if r.slug == slug and not r.rel.startswith(f"{ARCHIVE_DIR}/")), None)
    if report is None:
        known = ", ".join(sorted(r.slug for r in site.reports if not r.rel.startswith(f"{ARCHIVE_DIR}/"))) or "-"
        released = sorted((av for av in archive if av.slug == slug), key=lambda av: version_key(av.versi))
        back = (f"; laporan ini hanya ada di arsip (versi terbitan terakhirnya {released[-1].versi}): salin dahulu "
                f"isi {released[-1].rel}/{SOURCE_DIR}/ ke content/laporan/{slug}/, naikkan versi dan isi "
                f"catatan_versi, lalu jalankan lagi 'lkjip terbitkan {slug}'") if released else f" (tersedia: {known})"
        diags.error((site.config.loc.file, 1), f"laporan '{slug}' tidak ada di content/laporan{back}")
        raise ContentError(diags)
    where = loc_of(report, "versi")
    released = {av.versi: av for av in archive if av.slug == slug}
    sources = snapshot(report.folder)
    same = released.get(report.versi)
    if same is not None:
        changed = changed_sources(sources, same.manifest.sumber)
        if not changed:
            return None
        shown = ", ".join(changed[:5]) + (f" dan {len(changed) - 5} lainnya" if len(changed) > 5 else "")
        diags.error(where, f"versi '{report.versi}' sudah diterbitkan ({same.rel}, {same.released_text}) dengan isi yang "
                    f"berbeda (berubah: {shown}); versi terbitan tidak dapat ditimpa. Naikkan versi, mis. versi: "
                    f"\"{suggest_version(report.versi, released)}\", isi catatan_versi, lalu jalankan lagi "
                    f"'lkjip terbitkan {slug}'")
        raise ContentError(diags)
    higher = sorted((v for v in released if version_key(v) > version_key(report.versi)), key=version_key)
    if higher:
        diags.error(where, f"versi '{report.versi}' lebih rendah dari versi '{higher[-1]}' yang sudah diterbitkan; "
                    f"nomor versi baru harus lebih tinggi, mis. versi: \"{suggest_version(higher[-1], released)}\"")
        raise ContentError(diags)
    before = sorted((v for v in released if version_key(v) < version_key(report.versi)), key=version_key)
    later = [v for v in before if released[v].info().tanggal_terbit > report.tanggal_terbit]
    if later:  # the version list, versi.json and the feed show these dates: 1.3 was listed as published before 1.2
        last = max(later, key=lambda v: (released[v].info().tanggal_terbit, version_key(v)))
        diags.error(loc_of(report, "tanggal_terbit"),
                    f"tanggal_terbit {fmt_date(report.tanggal_terbit)} lebih awal dari versi '{last}' yang terbit "
                    f"{fmt_date(released[last].info().tanggal_terbit)}; versi baru terbit pada atau setelah tanggal "
                    "itu: tulis tanggal terbit versi ini")
        raise ContentError(diags)
    release = Release(report, sources, site.config.url_dasar, released[before[-1]].ref() if before else None,
                      before=recorded_before(before, released[before[-1]] if before else None))
    warn_future_date(report, release.when, diags)
    if before:
        warn_date_not_raised(report, released[before[-1]], release.when, diags)
    refuse_samples(site, report, diags)
    refuse_unportable(report, sources, diags)
    if before and released[before[-1]].manifest.laporan.get("catatan_versi", "") == report.catatan_versi:
        diags.warn(where, f"catatan_versi sama dengan versi '{before[-1]}' yang sudah terbit; tuliskan apa yang "
                   "berubah di versi ini, agar pembaca halaman versi dan halaman perubahan mengetahuinya")
    return release


def recorded_before(before: list[str], previous: ArchivedVersion | None) -> list[str]:
    """The versions a new release records as released before it: those in the archive below it, and those the
    version before it recorded (one whose folder is lost is still named: the record is the archive's own memory of
    what was released, :func:`~.store.lost_recorded`), oldest first."""
    told = (previous.manifest.sebelumnya or []) if previous is not None else []
    return sorted(set(before) | set(told), key=version_key)


#: The easternmost Indonesian time (WIT, UTC+9): a release day is the latest calendar date it is anywhere in Indonesia,
#: so that a report released in the morning of its date in Jayapura is not said to be dated tomorrow.
_WIT = dt.timezone(dt.timedelta(hours=9))


def warn_future_date(report: Report, when: dt.datetime, diags: Diagnostics) -> None:
    """Warn when the version is dated after the day it is released (``when``).

    Why: ``lkjip new`` writes an estimated ``tanggal_terbit`` (15 February of the next year) for the author to
    replace; a version released before that day was listed on its version page, in the feed and the sitemap as
    published on a date still to come, for good. A date in the past is not said: the estimate cannot be told from a
    real date, and a version signed earlier may be released later."""
    today = when.astimezone(_WIT).date()
    if report.tanggal_terbit > today:
        diags.warn(loc_of(report, "tanggal_terbit"),
                   f"tanggal_terbit {fmt_date(report.tanggal_terbit)} sesudah hari penerbitan ({fmt_date(today)}): "
                   "halaman versi, umpan dan sitemap akan menyebut versi ini terbit pada tanggal yang belum tiba, "
                   f"selamanya; tulis tanggal terbit sebenarnya, mis. tanggal_terbit: {today.isoformat()}")


def warn_date_not_raised(report: Report, previous: ArchivedVersion, when: dt.datetime, diags: Diagnostics) -> None:
    """Warn when the version keeps the ``tanggal_terbit`` of the version before it, released on an earlier day.

    Why: the guide's first step for a correction is to change ``versi``, ``tanggal_terbit`` and ``catatan_versi``;
    an author who changed only the first two released 1.1, 1.2 and 2.0 of one report, months apart, each listed on
    the version list, the "Perubahan sejak versi" page, ``versi.json`` and the feed as "terbit 31 Januari 2024",
    for good. A version released the same day as the one before (a quick fix, or old versions archived together
    years later) keeps its date without a word."""
    told = previous.info().tanggal_terbit
    try:
        archived = dt.datetime.fromisoformat(previous.manifest.diterbitkan.replace("Z", "+00:00")).astimezone(_WIT)
    except ValueError:
        return  # an unreadable release time is said by 'lkjip verifikasi'
    today = when.astimezone(_WIT).date()
    if report.tanggal_terbit != told or archived.date() >= today:
        return
    diags.warn(loc_of(report, "tanggal_terbit"),
               f"tanggal_terbit {fmt_date(told)} sama dengan versi '{previous.versi}' yang diarsipkan "
               f"{fmt_date(archived.date())}: daftar versi, halaman perubahan dan umpan akan menyebut kedua versi "
               "terbit pada tanggal yang sama, selamanya; tulis tanggal terbit versi ini, mis. "
               f"tanggal_terbit: {today.isoformat()}")


def refuse_samples(site: Site, report: Report, diags: Diagnostics) -> None:
    """Stop the release while the report, or situs.yaml, still holds what ``lkjip init``/``new`` wrote for the author
    to replace (``isian-contoh``): its warnings become errors, with one line saying why and what to do.

    Why: ``terbitkan`` released the scaffold with 25 "masih teks contoh" warnings and no question asked, while the
    guide says to release once ``lkjip check --strict`` is clean; "Tuliskan latar belakang …", "Nama Kepala, S.Sos"
    and https://lkjip.contoh.go.id/ were then frozen into a version that can never be changed. situs.yaml's sample
    values count for every report: its pemda and url_dasar are on every page of every version. What ``lkjip new
    --dari`` carried from last year's report and the author has not marked as rewritten (``isian-salinan``) is
    refused the same way: last year's sentences and an estimated signing date would be frozen just as well.
    """
    samples = [*check_site_samples(site.config), *check_sample_text(report)]
    carried = check_carried(report)  # last year's chapters, estimated dates, budget amounts 0: same rule, same reason
    found = [*samples, *carried]
    if not found:
        return
    diags.escalate((finding.loc or report.loc, finding.message) for finding in found)
    what = [f"{len(samples)} isian contoh dari lkjip init/new"] if samples else []
    what += [f"{len(carried)} isian salinan laporan lama dari lkjip new --dari"] if carried else []
    done = " (hapus baris 'disalin_dari' setelah berkasnya ditulis ulang atau diisi)" if carried else ""
    diags.error(loc_of(report, "versi"),
                f"laporan '{report.slug}' masih memuat {' dan '.join(what)} (disebut per baris); versi terbitan tidak "
                f"dapat diubah lagi, jadi tidak ada yang diterbitkan. Ganti setiap isian itu{done}, periksa dengan "
                f"'lkjip check --strict --laporan {report.slug}', lalu jalankan lagi 'lkjip terbitkan {report.slug}'")
    raise ContentError(diags)


def refuse_unportable(report: Report, sources: dict[str, bytes], diags: Diagnostics) -> None:
    """Stop the release while a file or folder of the report has a name Windows or macOS cannot make (``aux.png``,
    ``peta: 2024.png``, ``Foto.png`` beside ``foto.png``, :func:`~..load.content.unportable_paths`): the build's
    warnings at those names become errors.

    Why: the version's sources go into its BagIt zip for good, and that zip is unpacked on the readers' and the
    authors' Windows laptops, where such a file is refused or overwrites its neighbour: the archive could never be
    restored whole there, nor verified."""
    found = [(f"{report.rel}/{rel}", problem) for rel, problem in unportable_paths(sources)]
    if not found:
        return
    diags.escalate(((where, 1), problem) for where, problem in found)
    diags.error(loc_of(report, "versi"),
                f"laporan '{report.slug}' memuat {len(found)} nama berkas atau folder yang tidak dapat dibuat di "
                "Windows atau macOS (disebut per nama); versi terbitan tidak dapat diubah lagi, jadi tidak ada yang "
                f"diterbitkan. Ganti nama itu, lalu jalankan lagi 'lkjip terbitkan {report.slug}'")
    raise ContentError(diags)


def unread_sources(release: Release, built: Report) -> list[str]:
    """The files of the release's snapshot that the build of the version (``built``) did not read: not its
    ``laporan.yaml``, a chapter, a data file, nor an image or logo its pages show.

    Why: the snapshot is the whole report folder, and it goes into the public BagIt zip for good. A working note
    in ``data/`` (of which the build had said "berkas ini tidak ikut diterbitkan") and a ``.docx`` draft beside the
    chapters were published with the version and could never be withdrawn. The sources of a version are exactly
    what its pages were made from, so that the bag rebuilds and verifies them; anything else stops the release
    before anything is written, named, for the author to move out of the report folder.
    """
    return unread_files(built, release.sources)  # the rule ``lkjip check`` warns with (``check_unread``)


def store_release(root: Path, release: Release, files: dict[str, bytes]) -> Path:
    """Write ``arsip/<slug>/<versi>/`` from the built site ``files``; returns the folder."""
    report = release.report
    site = {k.removeprefix(report.url): v for k, v in files.items() if k.startswith(report.url)}
    if not site:  # a version folder is permanent: one without its pages could never be mended
        raise RuntimeError(f"hasil build tidak memuat halaman {report.url}; versi ini tidak diarsipkan")
    named = [path for path in [*site, *release.sources] if control_in(path, breaks=True) is not None]
    if named:  # refused at load (``load/content._control_names``): a bag lists one path per line, for good
        raise RuntimeError(f"nama berkas '{escape_controls(named[0])}' memuat karakter kendali; versi ini tidak "
                           "diarsipkan")
    when = release.when
    sumber = entries(release.sources)
    info = {
        "Source-Organization": report.instansi.pemda,
        "External-Identifier": f"laporan/{report.slug}/{report.versi}",
        "External-Description": report.judul,
        "Bag-Group-Identifier": report.slug,
        "Bag-Software-Agent": f"lkjip-site {__version__} dengan bagit.py {bagit.VERSION}",
        "LKjIP-Diterbitkan": _iso(when),
        "LKjIP-Sumber-SHA256": tree_digest(sumber),
    }
    name, top = bag_name(report.slug, report.versi), f"{report.slug}-{report.versi}"
    meta = report_metadata(report)
    meta["bab"] = [{"id": c.id, "judul": c.display_title, "berkas": c.source.relative_to(report.folder).as_posix()}
                   for c in report.chapters]
    if PAGE_LIST in site:  # a page the build wrote there would be replaced
        raise RuntimeError(f"hasil build memuat {report.url}{PAGE_LIST}; versi ini tidak diarsipkan")
    site = {**site, PAGE_LIST: page_list_html(meta, sorted(site), release.url_dasar)}
    readme = readme_text(meta, _iso(when), __version__, name, top, sorted(site), release.url_dasar, release.previous)
    bag = make_bag_zip(site, release.sources, info, top, when, tags={README: readme})
    manifest = Manifest(meta, __version__, _iso(when), entries(site), sumber, entries({name: bag})[0],
                        baca_saya=entries({README: readme})[0], sebelumnya=release.before)
    files = version_files(manifest, site, release.sources, bag, readme)
    return write_version(root, report.slug, report.versi, files)


def _iso(when: dt.datetime) -> str:
    return when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


