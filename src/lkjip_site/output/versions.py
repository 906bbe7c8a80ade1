"""The versions of a report as the site shows them: the landing page, the home page and ``versi.json``.

A version is either built from ``content/`` (not yet released) or copied from the archive (released, frozen). Pages
that list versions must not care which, so both are described by one small :class:`VersionInfo`, made from a
:class:`Report` or from an archive manifest (``archive/``). ``versi.json`` sits at a stable URL beside the versions
(``laporan/<slug>/versi.json``) and is rewritten by every build: the pages of an old version read it with a small
script (``aset/js/versi.js``) to tell the reader that a newer version exists, without their own bytes changing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from ..compute.jenis_instansi import Kind, grouped_by_kind, kind_for
from ..core.fmt import fmt_date
from ..core.model import Report, period_title, short_name
from .changes import VersionData

VERSIONS_FILE = "versi.json"
CHANGES_DIR = "perubahan"  # laporan/<slug>/<versi>/perubahan/: "Perubahan dari versi X"
#: laporan/<slug>/perubahan-sejak/<versi>/: "Perubahan sejak versi X", that version against the newest, beside the
#: versions (not in any version folder, so never released: rewritten by every build as newer versions come)
SINCE_DIR = "perubahan-sejak"
OPEN_DATA_DIR = "data-terbuka"  # laporan/<slug>/<versi>/data-terbuka/: CSV, JSON, datapackage.json


@dataclass(frozen=True)
class InstansiRef:
    """The instansi of a version as lists show it. ``jenis`` as written in laporan.yaml (``instansi.jenis``): the
    home page groups its reports by kind (``compute/jenis_instansi.py``); a manifest released before it was kept
    lacks it, and the name alone places that version."""

    nama: str
    pemda: str
    jenis: str = ""

    @property
    def kind(self) -> Kind:
        return kind_for(self.nama, self.jenis)


@dataclass(frozen=True)
class BagRef:
    """The BagIt package of an archived version: where it is, its size and SHA-256 (shown on the landing page)."""

    url: str
    ukuran: int
    sha256: str


@dataclass(frozen=True)
class VersionInfo:
    """What the landing page, the home page and ``versi.json`` show of one version (attribute names as ``Report``)."""

    slug: str
    versi: str
    judul: str
    tahun: int
    periode: str
    periode_label: str
    tanggal_terbit: dt.date
    catatan_versi: str
    instansi: InstansiRef
    diarsipkan: bool = False  # released with ``lkjip terbitkan``: copied from ``arsip/``, never rebuilt
    diterbitkan: str = ""  # release time (ISO 8601, UTC) of an archived version
    perubahan: bool = False  # the version has a "Perubahan dari versi X" page
    bag: BagRef | None = None

    @property
    def url(self) -> str:
        return f"laporan/{self.slug}/{self.versi}/"

    @property
    def changes_url(self) -> str:
        return f"{self.url}{CHANGES_DIR}/"

    @property
    def since_url(self) -> str:
        """"Perubahan sejak versi X": this version against the newest (:data:`SINCE_DIR`)."""
        return f"laporan/{self.slug}/{SINCE_DIR}/{self.versi}/"

    @property
    def periode_tahun(self) -> str:
        return period_title(self.periode, self.periode_label, self.tahun)

    @property
    def short_name(self) -> str:
        return short_name(self.instansi.nama, self.periode, self.periode_label, self.tahun)


def version_key(versi: str) -> tuple[tuple[int, int | str], ...]:
    """Natural order of version numbers: ``1.9`` < ``1.10`` < ``2.0`` (a string sort would put 1.10 first)."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"(\d+)", versi) if p not in ("", "."))


def suggest_version(versi: str, taken: Iterable[str] = ()) -> str:
    """The number an author most likely means next, above every number in ``taken``: ``1.0`` -> ``1.1``."""
    taken = list(taken)
    candidate = versi
    while True:
        head, sep, last = candidate.rpartition(".")
        candidate = f"{head}{sep}{int(last) + 1}" if last.isdigit() else candidate + ".1"
        if all(version_key(candidate) > version_key(v) for v in taken):
            return candidate


def newest_first(versions: list[VersionInfo]) -> list[VersionInfo]:
    return sorted(versions, key=lambda v: version_key(v.versi), reverse=True)


def info_from_report(report: Report, has_changes: bool = False) -> VersionInfo:
    return VersionInfo(
        slug=report.slug, versi=report.versi, judul=report.judul, tahun=report.tahun, periode=report.periode,
        periode_label=report.periode_label, tanggal_terbit=report.tanggal_terbit, catatan_versi=report.catatan_versi,
        instansi=InstansiRef(report.instansi.nama, report.instansi.pemda, report.instansi.jenis), perubahan=has_changes)


def entry_kind(entry: tuple[str, list[VersionInfo]]) -> Kind:
    """The kind of one instansi's entry in a year's list (name, its reports): its first report's instansi's."""
    return entry[1][0].instansi.kind


def by_kind(entries: list[tuple[str, list[VersionInfo]]]) -> list[tuple[Kind, list[tuple[str, list[VersionInfo]]]]]:
    """A year's instansi (``discovery.reports_by_year``) grouped by kind, in the order of a pemda's organisation
    (Badan, Dinas … Kecamatan), each group in the order given (the ``per_jenis`` filter of the theme). Why: a citizen
    looking for "Kecamatan Gambut" among a year's 40 entries read them in one alphabetical list, the kecamatan
    between "BPKAD" and "Inspektorat"."""
    return grouped_by_kind(entries, lambda entry: entry_kind(entry).key)


def report_metadata(report: Report) -> dict[str, Any]:
    """The metadata of a version kept in its archive manifest (and in its open data): enough to list it later."""
    return {
        "slug": report.slug, "versi": report.versi, "judul": report.judul, "tahun": report.tahun,
        "periode": report.periode, "periode_label": report.periode_label,
        "tanggal_terbit": report.tanggal_terbit.isoformat(), "catatan_versi": report.catatan_versi,
        "instansi": {"nama": report.instansi.nama, "pemda": report.instansi.pemda, "jenis": report.instansi.jenis},
    }


def versions_json(slug: str, versions: list[VersionInfo]) -> bytes:
    """``laporan/<slug>/versi.json``: every version, newest first; URLs relative to the file itself."""
    ordered = newest_first(versions)
    doc = {
        "laporan": slug,
        "terbaru": ordered[0].versi if ordered else None,
        "versi": [{
            "versi": v.versi,
            "url": f"{v.versi}/",
            "judul": v.judul,
            "tanggal_terbit": v.tanggal_terbit.isoformat(),
            "tanggal_terbit_teks": fmt_date(v.tanggal_terbit),
            "catatan_versi": v.catatan_versi,
            "diarsipkan": v.diarsipkan,
            "perubahan": f"{v.versi}/{CHANGES_DIR}/" if v.perubahan else None,
            "bagit": v.bag.url.removeprefix(f"laporan/{slug}/") if v.bag else None,
        } for v in ordered],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@dataclass
class SiteHistory:
    """What a build knows about versions beyond ``content/``: decided by ``archive/history.py``.

    ``frozen`` report URLs are released: their files come from the archive and are never rendered again.
    ``previous`` gives, for a version built from ``content/``, the version before it (its "Perubahan" page), and
    ``sources`` that version's report files (path -> SHA-256), compared there with the files of the one before, and
    ``fields`` the text of its laporan.yaml, PK and Renstra, compared field by field. ``released`` reads a released
    version's side for the pages that compare it with the newest ("Perubahan sejak versi X"). ``chapters`` gives, for a
    released version, its chapters' ids as its manifest lists them: the sitemap lists them when the report's folder is
    gone from ``content/`` (its pages are still published, from the archive).
    """

    versions: dict[str, list[VersionInfo]] = field(default_factory=dict)  # slug -> every version, newest first
    previous: dict[str, VersionData] = field(default_factory=dict)  # report URL -> the version before it
    sources: dict[str, dict[str, str]] = field(default_factory=dict)  # report URL -> its files' SHA-256
    fields: dict[str, dict[str, str]] = field(default_factory=dict)  # report URL -> its laporan/PK/Renstra YAML
    #: released version URL -> its side of a comparison, read from the archive when asked for (a "Perubahan sejak
    #: versi X" page not in the memo: reading a version's pages for what they printed is not for every build)
    released: dict[str, Callable[[], VersionData]] = field(default_factory=dict)
    frozen: set[str] = field(default_factory=set)
    chapters: dict[str, tuple[str, ...]] = field(default_factory=dict)  # released version URL -> its chapters' ids


def content_history(reports: list[Report]) -> SiteHistory:
    """The history of a site without an archive: each report folder is the only version of its slug."""
    versions: dict[str, list[VersionInfo]] = {}
    for r in reports:
        versions.setdefault(r.slug, []).append(info_from_report(r))
    return SiteHistory({k: newest_first(v) for k, v in sorted(versions.items())})
