"""How others find and share the portal: ``sitemap.xml``, an Atom feed, ``robots.txt``, link previews, canonical URLs.

Formats that require absolute URLs (sitemap, feed, ``og:url``, ``<link rel="canonical">``) take them from
``url_dasar`` in ``situs.yaml``; every other link stays relative, so a build still works under any path or as a folder.

Old versions: every published version keeps its address forever and stays in the sitemap, but only the newest version
of a report is canonical. An old version's pages name the newest version's matching page as canonical, and the sitemap
lists old versions with the lowest priority (0.1), so search engines show the newest figures while links to an old
version keep working. The decision is documented for webmasters in ``docs/penerbitan.md``.

XML is written with the standard library's ElementTree (escaping done by the library), in a fixed order, so the same
input gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable

from ..compute.jenis_instansi import ORDER
from ..compute.summary import key_figures
from ..core.model import Chapter, Report, Site
from ..markdown.urls import chapter_url
from .versions import SiteHistory, VersionInfo, entry_kind, version_key

SITEMAP = "sitemap.xml"
FEED = "feed.xml"
ROBOTS = "robots.txt"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
ATOM_NS = "http://www.w3.org/2005/Atom"
DESCRIPTION_LIMIT = 300  # characters; previews cut longer text anyway
PREVIEW_SKIPS = {"Pagu anggaran"}  # a key figure too long for a preview (its serapan is shown)


@dataclass(frozen=True)
class SitemapEntry:
    path: str  # site-relative URL ("" is the home page)
    lastmod: dt.date | None
    priority: str  # "1.0" … "0.1", as text so the bytes never depend on float formatting


def absolute(site: Site, path: str) -> str:
    """``url_dasar`` (validated: absolute, ends with '/') joined with a site-relative URL."""
    return site.config.url_dasar + path


def newest_by_slug(reports: Iterable[Report]) -> dict[str, Report]:
    """The newest version of every report built from ``content/`` (highest version number, as ``versi.json``)."""
    out: dict[str, Report] = {}
    for r in reports:
        best = out.get(r.slug)
        if best is None or version_key(r.versi) > version_key(best.versi):
            out[r.slug] = r
    return dict(sorted(out.items()))


def instansi_names(instansi: Iterable[tuple[str, str]], pemda: str) -> dict[tuple[str, str], str]:
    """How every page names each (nama, pemda): two pemda's instansi of one name apart, each with its pemda but the
    portal's own (``pemda``). They were one heading over two identical titles, one comparison page, two rows named
    alike ("Dinas Kesehatan" of two kabupaten); a name no other pemda shares keeps its name and its page's address."""
    pairs = set(instansi)
    shared = Counter(nama for nama, _ in pairs)
    return {(nama, own): nama if shared[nama] == 1 or own == pemda else f"{nama} ({own})" for nama, own in pairs}


def reports_by_year(reports: Iterable[VersionInfo],
                    pemda: str) -> list[tuple[int, list[tuple[str, list[VersionInfo]]]]]:
    """Home and search page grouping (the newest version of each report): newest year first, then instansi by kind
    (Badan, Dinas … Kecamatan: ``versions.by_kind`` heads them) and name regardless of letter case ("Bappeda" before
    "BPKAD"), named as :func:`instansi_names` says for the portal's ``pemda``, then period (annual first, then TW IV
    … TW I)."""
    reports = list(reports)
    names = instansi_names(((r.instansi.nama, r.instansi.pemda) for r in reports), pemda)
    years: dict[int, dict[str, list[VersionInfo]]] = {}
    for r in reports:
        years.setdefault(r.tahun, {}).setdefault(names[(r.instansi.nama, r.instansi.pemda)], []).append(r)
    order = {"tahunan": 0, "tw4": 1, "tw3": 2, "tw2": 3, "tw1": 4}
    return [
        (year, sorted(((name, sorted(items, key=lambda r: (order[r.periode], version_key(r.versi))))
                       for name, items in insts.items()), key=_entry_order))
        for year, insts in sorted(years.items(), reverse=True)
    ]


def _entry_order(entry: tuple[str, list[VersionInfo]]) -> tuple[int, str, str]:
    """Kind first, then the name regardless of letter case (the name as written last, so the order is total)."""
    return ORDER[entry_kind(entry).key], entry[0].casefold(), entry[0]


def canonical_path(report: Report, newest: Report, chapter: Chapter | None = None) -> str:
    """The newest version's page that an (old or newest) version's page stands for."""
    if chapter is not None:
        match = next((c for c in newest.chapters if c.id == chapter.id), None)
        if match is not None:
            return chapter_url(newest, match)
    return newest.url


def describe_report(report: Report) -> str:
    """A one-paragraph description from the report's own key figures (for search results and link previews)."""
    parts = [f"{report.judul} — {report.instansi.pemda}."]
    figures = []
    for kf in key_figures(report):
        if kf.label in PREVIEW_SKIPS:
            continue
        value, note = "".join(text for text, _ in kf.value), "".join(text for text, _ in kf.note)
        figures.append(f"{kf.label}: {value}{f' ({note})' if note else ''}")
    if figures:
        parts.append("; ".join(figures) + ".")
    return _clip(" ".join(parts))


def describe_version(version: VersionInfo) -> str:
    """A released version whose model is not loaded (it lives in the archive): its title and pemda."""
    return _clip(f"{version.judul} — {version.instansi.pemda}.")


def describe_chapter(report: Report, chapter: Chapter) -> str:
    """The chapter's own summary (``ringkasan``) when it has one, else its title in its report."""
    lead = chapter.ringkasan or f"{chapter.display_title}."
    return _clip(f"{lead} {report.judul}, {report.instansi.nama}.")


def _clip(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= DESCRIPTION_LIMIT:
        return text
    return text[: DESCRIPTION_LIMIT - 1].rsplit(" ", 1)[0] + "…"


def sitemap_entries(site: Site, history: SiteHistory, extra: Iterable[str] = ()) -> list[SitemapEntry]:
    """Home, portal pages, every report's versions page, each version and the chapters of the versions built from
    ``content/`` (old versions at 0.1; a released old version is listed by its report page), and of a newest version
    whose folder is gone from ``content/`` (from its manifest: its pages did not leave the site with the folder)."""
    by_url = {r.url: r for r in site.reports}
    dates = [v.tanggal_terbit for versions in history.versions.values() for v in versions]
    latest = max(dates, default=None)
    entries = [SitemapEntry("", latest, "1.0")]
    entries += [SitemapEntry(path, latest, "0.6") for path in sorted(extra)]
    for slug, versions in history.versions.items():
        entries.append(SitemapEntry(f"laporan/{slug}/", versions[0].tanggal_terbit, "0.7"))
    everything = [(v, v is versions[0]) for versions in history.versions.values() for v in versions]
    for version, is_newest in sorted(everything, key=lambda e: e[0].url):
        entries.append(SitemapEntry(version.url, version.tanggal_terbit, "0.9" if is_newest else "0.1"))
        report = by_url.get(version.url)
        if report is not None:
            chapters = [chapter_url(report, chapter) for chapter in report.chapters]
        else:  # a newest version whose folder is gone from content/: its pages are still published, from arsip/
            chapters = [f"{version.url}{cid}/" for cid in history.chapters.get(version.url, ())] if is_newest else []
        entries += [SitemapEntry(url, version.tanggal_terbit, "0.8" if is_newest else "0.1") for url in chapters]
    return entries


def sitemap_xml(site: Site, entries: list[SitemapEntry]) -> bytes:
    root = ET.Element("urlset", xmlns=SITEMAP_NS)
    for e in entries:
        url = ET.SubElement(root, "url")
        ET.SubElement(url, "loc").text = absolute(site, e.path)
        if e.lastmod is not None:
            ET.SubElement(url, "lastmod").text = e.lastmod.isoformat()
        ET.SubElement(url, "priority").text = e.priority
    return _xml(root)


def atom_feed(site: Site, history: SiteHistory, pdf_paths: dict[str, str],
              describe: Callable[[Report], str] = describe_report) -> bytes:
    """Every version (released or being written), newest first: a first version is a new report, a later one a new
    version.

    ``pdf_paths`` maps a version's URL to its PDF's site path (linked as an enclosure when it was built);
    ``describe`` says a report being written in a sentence (``describe_report``, or its text kept from a build before).
    """
    ET.register_namespace("", ATOM_NS)
    by_url = {r.url: r for r in site.reports}
    listed = [v for versions in history.versions.values() for v in versions]
    versions = sorted(listed, key=lambda r: (r.tanggal_terbit, r.slug, version_key(r.versi)), reverse=True)
    first = {vs[-1].slug: vs[-1] for vs in history.versions.values() if vs}
    feed = ET.Element(f"{{{ATOM_NS}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "id"})
    _text(feed, "title", f"{site.config.judul} — laporan dan versi baru")
    _text(feed, "subtitle", f"Laporan kinerja {site.config.pemda} yang baru terbit dan versi barunya.")
    _text(feed, "id", absolute(site, FEED))
    ET.SubElement(feed, f"{{{ATOM_NS}}}link", rel="self", type="application/atom+xml", href=absolute(site, FEED))
    ET.SubElement(feed, f"{{{ATOM_NS}}}link", rel="alternate", type="text/html", href=absolute(site, ""))
    _text(feed, "updated", _timestamp(versions[0].tanggal_terbit if versions else None))
    author = ET.SubElement(feed, f"{{{ATOM_NS}}}author")
    _text(author, "name", site.config.pemda)
    _text(feed, "generator", "lkjip-site")
    for r in versions:
        entry = ET.SubElement(feed, f"{{{ATOM_NS}}}entry")
        kind = "Laporan baru" if first[r.slug] is r else f"Versi baru {r.versi}"
        _text(entry, "title", f"{kind}: {r.judul}")
        _text(entry, "id", absolute(site, r.url))
        _text(entry, "updated", _timestamp(r.tanggal_terbit))
        _text(entry, "published", _timestamp(r.tanggal_terbit))
        ET.SubElement(entry, f"{{{ATOM_NS}}}link", rel="alternate", type="text/html", href=absolute(site, r.url))
        if r.url in pdf_paths:
            ET.SubElement(entry, f"{{{ATOM_NS}}}link", rel="enclosure", type="application/pdf",
                          href=absolute(site, pdf_paths[r.url]))
        ET.SubElement(entry, f"{{{ATOM_NS}}}category", term=str(r.tahun), label=f"Tahun {r.tahun}")
        ET.SubElement(entry, f"{{{ATOM_NS}}}category", term=r.instansi.nama)
        report = by_url.get(r.url)
        summary = (describe(report) if report is not None else describe_version(r)) + \
            (f" Catatan versi: {r.catatan_versi}" if r.catatan_versi else "")
        _text(entry, "summary", summary)
    return _xml(feed)


def robots_txt(site: Site) -> bytes:
    """Everything may be crawled but the search index's binary fragments; the sitemap is named absolutely."""
    base = site.config.url_dasar.split("://", 1)[-1].partition("/")[2]
    lines = ["User-agent: *", f"Disallow: /{base}pagefind/", f"Allow: /{base}", "",
             f"Sitemap: {absolute(site, SITEMAP)}", ""]
    return "\n".join(lines).encode("utf-8")


def page_meta(site: Site, title: str, description: str, path: str, canonical: str | None = None,
              kind: str = "website", pdf: str | None = None) -> dict[str, str | None]:
    """What ``base.html`` puts in ``<head>`` for link previews (Open Graph) and search engines, and ``alamat``, the
    page's own address, which a printed page names (an old version's canonical address is the newest version's page,
    not the one on paper)."""
    return {"title": title, "description": _clip(description), "url": absolute(site, canonical or path),
            "canonical": absolute(site, canonical if canonical is not None else path), "type": kind, "pdf": pdf,
            "alamat": absolute(site, path)}


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}" if parent.tag.startswith(f"{{{ATOM_NS}}}") else tag).text = text


def _timestamp(day: dt.date | None) -> str:
    """Publication dates are days; Atom wants a time: midnight UTC, never the clock of the build machine."""
    return f"{(day or dt.date(1970, 1, 1)).isoformat()}T00:00:00Z"


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
