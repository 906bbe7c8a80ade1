"""The portal as a citizen of the web and a safe place to read: sitemap, Atom feed, robots.txt, link previews,
canonical URLs of old versions, comparisons from the model, the search index, the Content-Security-Policy, and SVG
images checked for code.

One small site is built once for the module: two instansi of 2023 from the scaffold (``lkjip new``), and an older
version of one of them (the content model has one folder per version; the older copy is added where the build loads
reports, which is how an archived version reaches the build).
"""

from __future__ import annotations

import base64
import copy
import csv
import dataclasses
import datetime as dt
import gzip
import io
import json
import os
import re
import struct
import xml.etree.ElementTree as ET
import zlib
from html.parser import HTMLParser
from decimal import Decimal
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

import lkjip_site.build as build_module
from lkjip_site.build import BuildOptions, build
from lkjip_site.cli.main import main
from lkjip_site.cli.scaffold import new_report
from lkjip_site.core import fmt
from lkjip_site.core.diagnostics import ContentError, Diagnostics
from lkjip_site.load.svgcheck import check_svg
from lkjip_site.output.csp import META_POLICY
from lkjip_site.output.discovery import reports_by_year
from lkjip_site.output.versions import InstansiRef, VersionInfo
from lkjip_site.archive.manifest import FileEntry, Manifest
from lkjip_site.archive.store import ArchivedVersion
from lkjip_site.output.portal import (by_instansi, chart_note, charted, compared, figures_of, indicator_note,
                                      instansi_slug, kinds_of, namesakes, portal_charts)
from lkjip_site.core.files import SiteFiles
from lkjip_site.core.memo import FACTS_FILE, ContentHashes, Memo
from lkjip_site.elements.charts.svg import render_chart
from lkjip_site.output import search as search_mod
from lkjip_site.output.inline import without_charts
from lkjip_site.output.search import bundles, pages_by_year, pagefind_input, searchable

from conftest import EPOCH, copy_examples, fill_in_site

BASE = "https://lkjip.contoh.go.id/"
OLD = "0.9"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, build_module.BuildResult]:
    root = tmp_path_factory.mktemp("portal") / "situs"
    assert new_report(root, "kecamatan-a-2023", tahun=2023, instansi="Kecamatan Alfa") == 0
    assert new_report(root, "kecamatan-b-2023", tahun=2023, instansi="Kecamatan Beta") == 0
    real_load = build_module.load_reports

    def with_old_version(*args, **kwargs):  # type: ignore[no-untyped-def]
        reports = real_load(*args, **kwargs)
        newest = next(r for r in reports if r.slug == "kecamatan-a-2023")
        old = copy.deepcopy(newest)
        old.versi, old.tanggal_terbit = OLD, newest.tanggal_terbit - dt.timedelta(days=30)
        return sorted([*reports, old], key=lambda r: (r.slug, r.versi))

    mp = pytest.MonkeyPatch()
    mp.setattr(build_module, "load_reports", with_old_version)
    mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
    try:
        # without the cache: a cached build takes each report folder by itself (``load_report``), and this site's
        # older version of kecamatan-a-2023 exists only through the patched ``load_reports``
        result = build(BuildOptions(root=root, pdf=False, cache_dir=root / ".cache", use_cache=False))
    finally:
        mp.undo()
    return root / "build", result


def _page(out: Path, rel: str) -> str:
    return (out / rel).read_text(encoding="utf-8")


def _exists(out: Path, url: str) -> bool:
    assert url.startswith(BASE), url
    rel = urlsplit(url).path.removeprefix("/")
    target = out / rel
    return (target / "index.html").is_file() if url.endswith("/") or not rel else target.is_file()


# ------------------------------------------------------------------------------------------------ sitemap, feed


def test_sitemap_parses_and_every_url_exists(site) -> None:  # type: ignore[no-untyped-def]
    out, _ = site
    root = ET.fromstring((out / "sitemap.xml").read_bytes())
    entries = {u.findtext(f"{SITEMAP_NS}loc"): u.findtext(f"{SITEMAP_NS}priority") for u in root}
    assert entries and all(_exists(out, url) for url in entries), [u for u in entries if not _exists(out, u)]
    newest, old = f"{BASE}laporan/kecamatan-a-2023/1.0/", f"{BASE}laporan/kecamatan-a-2023/{OLD}/"
    assert entries[newest] == "0.9" and entries[old] == "0.1"  # old versions listed, not preferred
    assert f"{BASE}perbandingan/2023/" in entries and f"{BASE}" in entries


def test_atom_feed_lists_new_reports_and_new_versions(site) -> None:  # type: ignore[no-untyped-def]
    out, _ = site
    feed = ET.fromstring((out / "feed.xml").read_bytes())
    assert feed.tag == f"{ATOM}feed" and feed.findtext(f"{ATOM}id") == f"{BASE}feed.xml"
    entries = feed.findall(f"{ATOM}entry")
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert len(entries) == 3
    assert sum(t.startswith("Laporan baru:") for t in titles) == 2
    assert sum(t.startswith("Versi baru 1.0:") for t in titles) == 1  # the 0.9 → 1.0 successor
    for e in entries:
        for link in e.findall(f"{ATOM}link"):
            assert _exists(out, link.get("href")), link.get("href")
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", e.findtext(f"{ATOM}updated"))


def test_robots_txt_names_the_sitemap(site) -> None:  # type: ignore[no-untyped-def]
    out, _ = site
    robots = _page(out, "robots.txt")
    assert f"Sitemap: {BASE}sitemap.xml" in robots and "Disallow: /pagefind/" in robots


# ------------------------------------------------------------------------------------------ previews, canonical


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: list[dict[str, str]] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        a = {k: v or "" for k, v in attrs}
        if tag == "meta":
            self.meta[a.get("name") or a.get("property") or a.get("http-equiv", "")] = a.get("content", "")
        if tag == "link":
            self.links.append(a)


def _head(html: str) -> _Head:
    parser = _Head()
    parser.feed(html)
    return parser


def test_link_preview_made_from_the_reports_own_key_figures(site) -> None:  # type: ignore[no-untyped-def]
    out, result = site
    report = next(r for r in result.site.reports if r.slug == "kecamatan-b-2023")
    head = _head(_page(out, report.url + "index.html"))
    assert head.meta["og:title"] == report.judul
    assert head.meta["og:url"] == BASE + report.url
    assert head.meta["og:type"] == "article"
    average = fmt.fmt_percent(report.computed.rata_rata)
    assert f"Rata-rata capaian kinerja: {average}" in head.meta["description"]
    assert head.meta["og:description"] == head.meta["description"]


def test_the_report_page_prints_the_heads_nip_as_the_pdf_signs_it(site) -> None:  # type: ignore[no-untyped-def]
    """The scaffold's NIP is typed as 18 digits: the PDF's signature block spaced it (19700101 199003 1 001) while the
    report page's "Penanggung jawab" printed it as typed, so an inspector comparing the two read two numbers."""
    out, result = site
    report = next(r for r in result.site.reports if r.slug == "kecamatan-b-2023")
    typed = report.instansi.kepala.nip
    assert " " not in typed  # the case at hand: written without spaces
    section = lxml.html.fromstring(_page(out, report.url + "index.html")).xpath(
        "//section[@aria-labelledby='penandatangan']")[0].text_content()
    assert f"NIP {fmt.fmt_nip(typed)}" in section
    assert typed not in section


def test_each_link_of_the_list_of_tables_names_its_table(site) -> None:  # type: ignore[no-untyped-def]
    """The report page's "Daftar tabel dan gambar" linked only "Tabel 3.1", the title beside the link: heard alone (a
    screen reader's list of links) every entry was a number, and on a phone the link was a few letters wide."""
    out, result = site
    report = next(r for r in result.site.reports if r.slug == "kecamatan-b-2023")
    tree = lxml.html.fromstring(_page(out, report.url + "index.html"))
    links = tree.xpath("//section[@aria-labelledby='daftar-tabel-gambar']//li/a")
    items = [*report.tables, *report.figures]
    assert items and [" ".join(a.text_content().split()) for a in links] == [f"{i.label} {i.judul}" for i in items]


def test_the_forewords_page_ends_signed_as_the_pdf_prints_it(site) -> None:  # type: ignore[no-untyped-def]
    """The PDF's Kata Pengantar ends with its place, date and signatory; its page on the site ended unsigned (the
    signatory was named only on the report's page), one foreword read two ways. Not indexed: the place of signing is
    not what a reader searches for."""
    out, result = site
    report = next(r for r in result.site.reports if r.slug == "kecamatan-b-2023")
    foreword = next(c for c in report.chapters if c.jenis == "kata-pengantar")
    kepala = report.instansi.kepala
    tree = lxml.html.fromstring(_page(out, f"{report.url}{foreword.id}/index.html"))
    (block,) = tree.xpath("//article[@data-pagefind-body]/div[@class='ttd']")
    assert "data-pagefind-ignore" in block.attrib
    assert [" ".join(p.text_content().split()) for p in block.xpath("p")] == [
        f"{report.tempat_ttd}, {fmt.fmt_date(report.tanggal_ttd)}", f"{kepala.jabatan},", kepala.nama,
        kepala.pangkat, f"NIP {fmt.fmt_nip(kepala.nip)}"]
    others = [c for c in report.chapters if c.jenis != "kata-pengantar"]
    assert others and not any(lxml.html.fromstring(_page(out, f"{report.url}{c.id}/index.html")).xpath(
        "//div[@class='ttd']") for c in others)


def test_old_version_is_marked_and_names_the_newest_as_canonical(site) -> None:  # type: ignore[no-untyped-def]
    out, _ = site
    old = _page(out, f"laporan/kecamatan-a-2023/{OLD}/bab-3-akuntabilitas-kinerja/index.html")
    canonical = [ln["href"] for ln in _head(old).links if ln.get("rel") == "canonical"]
    assert canonical == [f"{BASE}laporan/kecamatan-a-2023/1.0/bab-3-akuntabilitas-kinerja/"]
    # the notice comes from versi.js, which reads versi.json (a released page's bytes never change)
    assert f'data-versi="{OLD}" data-versi-json="../../versi.json"' in old
    versions = json.loads((out / "laporan/kecamatan-a-2023/versi.json").read_text(encoding="utf-8"))
    assert versions["terbaru"] == "1.0"
    # the search page tells cari.js which version is newest
    assert 'data-terbaru="{&#34;kecamatan-a-2023&#34;:&#34;1.0&#34;' in _page(out, "cari/index.html")
    newest = _page(out, "laporan/kecamatan-a-2023/1.0/index.html")
    assert [ln["href"] for ln in _head(newest).links if ln.get("rel") == "canonical"] == \
        [f"{BASE}laporan/kecamatan-a-2023/1.0/"]
    assert 'data-versi="1.0"' in newest


def test_a_printed_old_version_names_its_own_version_and_address(site) -> None:  # type: ignore[no-untyped-def]
    """A page printed from the browser loses its header, breadcrumbs and footer (cetak.css): a chapter's paper named
    its instansi and year, not which version of the report it was nor where it is online. Its source line (shown on
    paper only) names both, and for an old version its own address: the canonical one is the newest version's page,
    whose figures may differ from those on the paper."""
    out, _ = site
    path = f"laporan/kecamatan-a-2023/{OLD}/bab-3-akuntabilitas-kinerja/"
    tree = lxml.html.fromstring(_page(out, path + "index.html"))
    (source,) = tree.xpath("//div[@class='sumber-cetak']")
    title, where = (" ".join(p.text_content().split()) for p in source.xpath("p"))
    assert title == tree.findtext(".//title") and title.endswith(f", versi {OLD}")
    assert where.endswith(f" · {BASE}{path}")
    assert not source.xpath("ancestor::*[@data-pagefind-body]")  # not what a search finds


# ------------------------------------------------------------------------------------------------ comparisons


def test_year_comparison_shows_every_instansi_from_the_model(site) -> None:  # type: ignore[no-untyped-def]
    out, result = site
    page = _page(out, "perbandingan/2023/index.html")
    for report in result.site.reports:
        if report.versi == OLD:
            continue
        f = figures_of(report)
        link = f'href="../../{report.url}#angka-kunci"'
        mark = f'data-laporan="{report.url}" data-angka='
        assert f'{link}><span {mark}"capaian.rata_rata">{fmt.fmt_percent(f.average)}</span></a>' in page
        assert (f'{link}><span {mark}"indikator.mencapai_target">{f.reached}</span> dari '
                f'<span {mark}"indikator.terukur">{f.measured}</span></a>') in page
        assert f'{link}><span {mark}"anggaran.serapan">{fmt.fmt_percent(f.serapan)}</span></a>' in page
    assert f"kecamatan-a-2023/{OLD}/" not in page  # old versions never feed comparisons
    assert 'class="tabel lebar urut"' in page and 'data-urut="angka"' in page  # sortable
    assert 'class="grafik-svg grafik-dua"' in page  # drawn as a chart too


def test_each_comparison_table_is_published_as_csv_with_the_pages_rows(site) -> None:  # type: ignore[no-untyped-def]
    """An inspectorate comparing a year's instansi before the SAKIP evaluation had to copy the table into a
    spreadsheet cell by cell: every year's page and each year's link their table as CSV beside them (a stable
    address, named in ``<head>``, suggested as a file of its year), the page's rows in its order with unrounded
    numbers; the open-data catalogue lists the tables, the sitemap (pages only) does not."""
    out, result = site
    page = _page(out, "perbandingan/2023/index.html")
    assert ('<a href="perbandingan.csv" type="text/csv" download="perbandingan-2023.csv">CSV, 2 baris</a>' in page)
    assert '<link rel="alternate" type="text/csv" href="perbandingan.csv"' in page
    table = list(csv.DictReader(io.StringIO(_page(out, "perbandingan/2023/perbandingan.csv"))))
    shown = re.findall(r'<th scope="row" class="kolom-1"><a href="[^"]*">([^<]*)</a>', page)
    assert [row["instansi"] for row in table] == shown == ["Kecamatan Alfa", "Kecamatan Beta"]
    newest = {r.slug: r for r in result.site.reports if r.versi != OLD}
    for row in table:
        report = newest[row["laporan"]]
        f = figures_of(report)
        assert (row["versi"], row["url"], row["periode"], row["cara"]) == ("1.0", BASE + report.url, "tahunan", "1")
        assert Decimal(row["rata_rata_capaian"]) == f.average and Decimal(row["serapan_anggaran"]) == f.serapan
        assert (int(row["indikator_mencapai_target"]), int(row["indikator_terukur"])) == (f.reached, f.measured)
        assert (Decimal(row["realisasi"]), Decimal(row["pagu"])) == (f.realisasi, f.pagu)
        assert row["predikat"] == f.predikat and row["metode_rata_rata"] == f.method
    everyone = _page(out, "perbandingan/index.html")
    assert 'download="perbandingan-semua-tahun.csv"' in everyone
    assert [row["laporan"] for row in csv.DictReader(io.StringIO(_page(out, "perbandingan/perbandingan.csv")))] == [
        "kecamatan-a-2023", "kecamatan-b-2023"]
    assert "perbandingan.csv" not in _page(out, "instansi/kecamatan-alfa/index.html")
    catalogue = json.loads(_page(out, "data-terbuka.json"))["perbandingan"]
    assert [(t["tahun"], t["url"], t["halaman"]) for t in catalogue] == [
        (None, f"{BASE}perbandingan/perbandingan.csv", f"{BASE}perbandingan/"),
        (2023, f"{BASE}perbandingan/2023/perbandingan.csv", f"{BASE}perbandingan/2023/")]
    assert ".csv" not in _page(out, "sitemap.xml")


def test_comparison_chart_names_reports_of_one_instansi_and_period_apart(site) -> None:  # type: ignore[no-untyped-def]
    """Two reports with one instansi and period (under two slugs) are two bars named by their slug, each with its
    own numbers; every other bar keeps its plain name."""
    _, result = site
    newest = {r.slug: r for r in result.site.reports if r.versi != OLD}
    twin = copy.deepcopy(newest["kecamatan-b-2023"])
    twin.slug = "kecamatan-b-2023-salinan"
    twin.computed.figures["anggaran.serapan"] = dataclasses.replace(
        twin.computed.figures["anggaran.serapan"], value=Decimal("12.5"))
    both = copy.copy(result.site)
    both.reports = [*result.site.reports, twin]
    bars = {row["nama"]: row["serapan_anggaran"] for row in portal_charts(both)[0].rows}
    serapan = {slug: fmt.round_half_up(figures_of(r).serapan, 2) for slug, r in newest.items()}
    assert bars == {"Kecamatan Alfa 2023": serapan["kecamatan-a-2023"],
                    "Kecamatan Beta 2023 (kecamatan-b-2023)": serapan["kecamatan-b-2023"],
                    "Kecamatan Beta 2023 (kecamatan-b-2023-salinan)": Decimal("12.50")}


def test_year_chart_of_many_instansi_is_short_on_a_phone_its_table_whole(site) -> None:  # type: ignore[no-untyped-def]
    """A pemda's year of 30 instansi drew its comparison chart 2 300-3 000 px tall on a 360 px phone, one pair of bars
    after another: the phone layout draws the 5 highest and 5 lowest average capaian and says where the rest are;
    the data table below it (and the wide chart) keep every report."""
    _, result = site
    newest = {r.slug: r for r in result.site.reports if r.versi != OLD}
    many = copy.copy(result.site)
    many.reports = list(result.site.reports)
    for i in range(28):
        twin = copy.deepcopy(newest["kecamatan-b-2023"])
        twin.slug, twin.instansi.nama = f"kecamatan-{i:02d}-2023", f"Kecamatan Nomor {i:02d}"
        twin.computed.figures["capaian.rata_rata"] = dataclasses.replace(
            twin.computed.figures["capaian.rata_rata"], value=Decimal(70 + i))
        many.reports.append(twin)
    year = next(s for s in portal_charts(many) if len(s.rows) == 30)
    drawn = render_chart(year)
    assert len(drawn.table.rows) == 30
    assert drawn.spec_narrow["height"] < 800, drawn.spec_narrow["height"]
    assert drawn.narrow_note.startswith("Di layar sempit, grafik ini memuat 10 dari 30 instansi")


def _with_twin(result, slug: str, **changes):  # type: ignore[no-untyped-def]
    """The built site with a copy of one report's newest version under another slug, its instansi or period
    changed as given (``pemda``, ``periode``, ``method``)."""
    newest = {r.slug: r for r in result.site.reports if r.versi != OLD}
    twin = copy.deepcopy(newest[slug])
    twin.slug = f"{slug}-lain"
    if "pemda" in changes:
        twin.instansi.pemda = changes["pemda"]
    if "periode" in changes:
        twin.periode = changes["periode"]
    if "method" in changes:
        twin.computed.figures["capaian.metode"] = dataclasses.replace(twin.computed.figures["capaian.metode"],
                                                                      value=changes["method"])
    both = copy.copy(result.site)
    both.reports = [*result.site.reports, twin]
    return both


def test_an_instansi_of_another_pemda_with_the_same_name_is_its_own(site) -> None:  # type: ignore[no-untyped-def]
    """Two kabupaten's "Dinas Kesehatan" were one instansi: one page, one search filter, two rows named alike. The
    other pemda's is named with its pemda and has its own page; the portal's own keeps its name.

    Changed: the portal's own no longer keeps the plain address when another pemda's shares its name. It took that
    address from whichever instansi had it before (a kabupaten's, on a province's portal), so a published address
    changed meaning; each now has an address of its name and pemda, and the plain one lists them both
    (``test_a_published_instansi_address_never_changes_meaning``)."""
    _, result = site
    both = _with_twin(result, "kecamatan-a-2023", pemda="Kabupaten Paser")
    own = instansi_slug(both.config.pemda)
    rows = compared(both)
    groups = by_instansi(rows)
    assert groups[f"kecamatan-alfa-{own}"][0] == "Kecamatan Alfa"
    assert [f.report.slug for f in groups[f"kecamatan-alfa-{own}"][1]] == ["kecamatan-a-2023"]
    assert groups["kecamatan-alfa-kabupaten-paser"][0] == "Kecamatan Alfa (Kabupaten Paser)"
    assert "kecamatan-alfa" not in groups
    assert namesakes(rows) == {"kecamatan-alfa": [("Kecamatan Alfa", "Kabupaten Paser", "kecamatan-alfa-kabupaten-paser"),
                                                  ("Kecamatan Alfa", both.config.pemda, f"kecamatan-alfa-{own}")]}
    assert "Kecamatan Alfa (Kabupaten Paser) 2023" in {row["nama"] for row in portal_charts(both)[0].rows}
    # a name no other pemda shares keeps its name and address, whatever its pemda (a province portal's kecamatan)
    alone = _with_twin(result, "kecamatan-a-2023", pemda="Kabupaten Paser")
    alone.reports = [r for r in alone.reports if r.slug != "kecamatan-a-2023"]
    assert "kecamatan-alfa" in by_instansi(compared(alone)) and not namesakes(compared(alone))


def _instansi_report(root: Path, slug: str, nama: str, pemda: str) -> None:
    """A report of ``nama`` of ``pemda`` (the scaffold's report names no pemda: it is the portal's)."""
    assert new_report(root, slug, 2023, instansi=nama) == 0
    yaml = root / "content" / "laporan" / slug / "laporan.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace(f"  nama: {nama}\n", f"  nama: {nama}\n  pemda: {pemda}\n",
                                                             1), encoding="utf-8")


def _instansi_pages(root: Path) -> dict[str, str]:
    files = build(BuildOptions(root=root, pdf=False, use_cache=False), write=False).files
    return {path.removesuffix("index.html"): data.decode("utf-8") for path, data in files.items()
            if path.startswith("instansi/") and path.endswith("/index.html")}


def test_a_published_instansi_address_never_changes_meaning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a province's portal a kabupaten's "Dinas Pendidikan" had ``instansi/dinas-pendidikan/``; a report of the
    province's own "Dinas Pendidikan" made that address the province's page (links to the kabupaten's now showed
    another instansi), and a second kabupaten's took it away. Now the plain address lists the instansi of that name,
    each with its pemda and a link to its own address, and an address of a name no other pemda has stays as it was."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1707955200")
    root = tmp_path / "situs"
    _instansi_report(root, "dik-banjar-2023", "Dinas Pendidikan", "Pemerintah Kabupaten Banjar")
    _instansi_report(root, "camat-2023", "Kecamatan Pengaron", "Pemerintah Kabupaten Banjar")
    before = _instansi_pages(root)
    assert set(before) == {"instansi/dinas-pendidikan/", "instansi/kecamatan-pengaron/"}
    assert "laporan/dik-banjar-2023/1.0/" in before["instansi/dinas-pendidikan/"]

    province = (root / "situs.yaml").read_text(encoding="utf-8").split("pemda: ", 1)[1].split("\n", 1)[0]
    assert new_report(root, "dik-prov-2023", 2023, instansi="Dinas Pendidikan") == 0  # the portal's own
    after = _instansi_pages(root)
    banjar, own = "instansi/dinas-pendidikan-pemerintah-kabupaten-banjar/", f"instansi/dinas-pendidikan-{instansi_slug(province)}/"
    assert set(after) == {"instansi/dinas-pendidikan/", banjar, own, "instansi/kecamatan-pengaron/"}
    assert "laporan/camat-2023/1.0/" in after["instansi/kecamatan-pengaron/"]  # unshared: its address as it was
    listing = lxml.html.fromstring(after["instansi/dinas-pendidikan/"])
    assert [(a.text_content(), a.get("href")) for a in listing.xpath("//main//ul/li/a")] == [
        ("Dinas Pendidikan — Pemerintah Kabupaten Banjar", "../dinas-pendidikan-pemerintah-kabupaten-banjar/"),
        (f"Dinas Pendidikan — {province}", f"../dinas-pendidikan-{instansi_slug(province)}/")]
    assert "laporan/dik-banjar-2023/1.0/" in after[banjar] and "dik-prov-2023" not in after[banjar]
    assert "laporan/dik-prov-2023/1.0/" in after[own] and "dik-banjar-2023" not in after[own]

    # two kabupaten's and not the portal's: the plain address stays (it was gone: each was named with its pemda)
    (root / "content" / "laporan" / "dik-prov-2023").rename(tmp_path / "dik-prov-2023")
    _instansi_report(root, "dik-paser-2023", "Dinas Pendidikan", "Pemerintah Kabupaten Paser")
    later = _instansi_pages(root)
    assert {"instansi/dinas-pendidikan/", banjar, "instansi/dinas-pendidikan-pemerintah-kabupaten-paser/"} <= set(later)
    listed = lxml.html.fromstring(later["instansi/dinas-pendidikan/"]).xpath("//main//ul/li/a/@href")
    assert listed == ["../dinas-pendidikan-pemerintah-kabupaten-banjar/", "../dinas-pendidikan-pemerintah-kabupaten-paser/"]


def test_a_quarterly_report_is_not_ranked_beside_whole_years(site) -> None:  # type: ignore[no-untyped-def]
    """The chart's sentence ranked a TW I serapan (to date, of the year's pagu) lowest beside whole years; the
    table keeps the row and a note says why the chart does not."""
    _, result = site
    both = _with_twin(result, "kecamatan-a-2023", periode="tw1")
    rows = compared(both)
    assert any(f.report.periode == "tw1" for f in rows)
    for spec in portal_charts(both):
        assert not any("Triwulan" in row["nama"] for row in spec.rows), spec.rows
    assert chart_note(rows).startswith("Grafik hanya memuat laporan tahunan")
    only_quarters = [f for f in rows if f.report.periode == "tw1"]
    assert charted(only_quarters) == only_quarters and chart_note(only_quarters) == ""


def test_an_instansis_years_measured_over_other_indicators_say_so(site) -> None:  # type: ignore[no-untyped-def]
    """An average that fell from 116,19 % to 96,47 % only because a new indicator joined sat beside the year
    before with no word; a quarterly row is no year of its own here."""
    _, result = site
    both = _with_twin(result, "kecamatan-a-2023")
    twin = next(r for r in both.reports if r.slug == "kecamatan-a-2023-lain")
    twin.tahun = 2024
    first = next(iter(twin.computed.indikator))
    twin.computed.indikator = {**{k: v for k, v in twin.computed.indikator.items() if k != first}, "BARU": None}
    twin.computed.indikator_ids = frozenset(twin.computed.indikator)  # as the compute stage keeps them
    rows = [f for f in compared(both) if f.report.slug.startswith("kecamatan-a-2023")]
    assert indicator_note(rows) == ("Indikator yang diukur berubah antartahun, sehingga rata-rata capaian dan jumlah "
                                    "indikator yang mencapai target tidak sepenuhnya sebanding (2024 dibanding 2023: "
                                    f"baru BARU; tidak ada lagi {first}).")
    same = [f for f in compared(result.site) if f.report.slug == "kecamatan-a-2023"]
    assert indicator_note(same) == ""


def test_rows_averaged_otherwise_are_numbered_apart(site) -> None:  # type: ignore[no-untyped-def]
    """A capped average beside an uncapped one (or "Berhasil" of two scales) was ranked unmarked."""
    _, result = site
    rows = compared(_with_twin(result, "kecamatan-a-2023", method="rerata seluruh indikator; capaian dibatasi 100 %"))
    kinds = kinds_of(rows)
    assert len(kinds) == 2 and all(skala for _, skala in kinds)
    assert len(kinds_of(compared(result.site))) == 1


def test_pengaron_says_which_of_its_two_pk_budget_totals_is_which(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Pengaron's BAB I summed the PK's pagu indikatif (Rp 3.322.492.184) and its PK table the DPA's
    (Rp 3.558.865.249), both under the PK's name and neither saying which: a reviewer saw two totals of one year's
    budget. Each is now named where it is printed, the totals computed (marked for the audit), not typed."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1707955200")
    root = copy_examples(tmp_path / "situs")
    files = build(BuildOptions(root=root, pdf=False, use_cache=False), write=False).files
    base = "laporan/pengaron-2024-tw1/1.0/"
    bab1 = files[base + "bab-1-pendahuluan/index.html"].decode("utf-8")
    assert re.search(r'berjumlah Rp <span data-angka="data.pagu-pk-2024.Pagu.jumlah"[^>]*>3.322.492.184</span>', bab1)
    assert re.search(r'memakai pagu DPA yang berlaku, berjumlah <span data-angka="pk.anggaran"[^>]*>'
                     r'Rp 3.558.865.249</span>', bab1)
    bab2 = files[base + "bab-2-perencanaan-kinerja/index.html"].decode("utf-8")
    assert "<li>Anggaran program menurut pagu DPA di data anggaran laporan (data/anggaran.yaml)" in bab2


def test_the_bundled_portal_says_why_a_figure_is_na_and_keeps_its_addresses(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Pengaron's TW I average is N/A: the comparison cell said a bare "N/A" beside other reports' figures. The
    three examples, each of another pemda than the portal's, keep their instansi pages' addresses."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1707955200")
    root = copy_examples(tmp_path / "situs")
    files = build(BuildOptions(root=root, pdf=False, use_cache=False), write=False).files
    page = files["perbandingan/2024/index.html"].decode("utf-8")
    # why, truly: averaged per sasaran, its one sasaran indicator is unmeasured while four others are measured (it
    # said "tidak ada capaian yang terukur" beside their "4 dari 4" mencapai target, on the same row and CSV line)
    why = ("tidak ada indikator sasaran yang terukur (0 dari 1); 4 indikator terukur lain di luar sasaran tidak ikut "
           "rata-rata per sasaran")
    assert f'N/A<span class="catatan-sel">{why}</span>' in page
    assert why in files["perbandingan/2024/perbandingan.csv"].decode("utf-8")
    # a budget note's amounts are not broken at their space on a phone ("dari Rp" / "10.236.549.000")
    amounts = re.findall(r'<span( class="angka-utuh")? data-laporan="[^"]+" data-angka="anggaran\.(?:pagu|realisasi)">Rp ',
                         files["perbandingan/2023/index.html"].decode("utf-8"))
    assert amounts and all(amounts), amounts
    assert f'title="{why}"' in files["laporan/pengaron-2024-tw1/1.0/ikhtisar-eksekutif/index.html"].decode("utf-8")
    # Martapura Barat is graded on Banjar's scale, Batu Sopang on LAN's: each average is numbered to its own note
    everyone = files["perbandingan/index.html"].decode("utf-8")
    for slug, n, scale in (("martapura-barat-2023", 1, "Skala Kabupaten Banjar"), ("batu-sopang-2022", 2,
                                                                                  "Skala ordinal LAN")):
        row = next(r for r in everyone.split("<tr>") if f"laporan/{slug}/" in r)
        assert f'<sup class="tanda-cara"><a href="#cara-{n}">{n}</a></sup>' in row
        assert re.search(rf'<li id="cara-{n}"><sup>{n}</sup> Rata-rata capaian kinerja: [^<]*; predikat menurut '
                         rf'{scale}\.</li>', everyone)
    assert {"instansi/kecamatan-batu-sopang/index.html", "instansi/kecamatan-martapura-barat/index.html",
            "instansi/kecamatan-pengaron/index.html"} <= set(files)
    # Martapura Barat's average (per sasaran) is the capaian of the one indicator its Renstra names, of its 22
    # measured: shown as "116,19 %" beside the others' averages, a citizen took it for all 22's
    mb = next(r for r in everyone.split("<tr>") if "laporan/martapura-barat-2023/" in r)
    assert re.search(r'atas <span [^>]*data-angka="capaian.jumlah_indikator">1</span> dari <span [^>]*'
                     r'data-angka="indikator.terukur">22</span> indikator terukur', mb), mb
    assert "atas <span" not in next(r for r in everyone.split("<tr>") if "laporan/batu-sopang-2022/" in r)
    # a quarterly report's serapan is of the year's pagu so far ("Serapan anggaran 4,5 %" read as the year's)
    assert "realisasi s.d. TW I ÷ pagu setahun" in files["laporan/pengaron-2024-tw1/1.0/index.html"].decode("utf-8")
    # Tabel 4.1 shows 4 of Martapura Barat's 21 indicators outside its sasaran: its average row said "4 … tidak ikut"
    # over a note listing all 21 (the average's definition), read as a miscount; Tabel 3.1 shows all 21
    closing = files["laporan/martapura-barat-2023/1.0/bab-4-penutup/index.html"].decode("utf-8")
    assert "antar-sasaran; 4 indikator di luar sasaran di tabel ini tidak ikut)" in closing
    assert "indikator di luar sasaran tidak ikut: IKKI, K01, K02" in closing
    whole = files["laporan/martapura-barat-2023/1.0/bab-3-akuntabilitas-kinerja/index.html"].decode("utf-8")
    assert "antar-sasaran; 21 indikator di luar sasaran tidak ikut)" in whole
    # Tabel 3.5 puts a kegiatan's indicator beside its program's serapan (97,47 %), read as the kegiatan's own (100 %)
    assert '<th scope="col">Serapan anggaran program</th>' in whole
    assert "Serapan anggaran setiap indikator = serapan program yang disebut indikator itu" in whole
    # ... and so on the comparison pages, beside the years' serapan ("11,12 %" of "Rp 3.558.865.249" read as the year)
    pengaron = next(r for r in everyone.split("<tr>") if "laporan/pengaron-2024-tw1/" in r)
    assert re.search(r'Rp 395\.743\.749</span> s\.d\. TW I dari pagu setahun <span [^>]*>Rp 3\.558\.865\.249<', pengaron)
    assert "s.d. TW" not in mb and "pagu setahun" not in mb
    # a quarterly report's breadcrumb named only its year ("Kecamatan Pengaron 2024"), the annual report's name too;
    # changed: the instansi is a crumb of its own, linked to its page (the report's crumb named it, linked nowhere
    # of it), so the report's crumb is its period
    chapter = files["laporan/pengaron-2024-tw1/1.0/bab-1-pendahuluan/index.html"].decode("utf-8")
    assert ('<li><a href="../../../../instansi/kecamatan-pengaron/">Kecamatan Pengaron</a></li>'
            '<li><a href="../">Triwulan I 2024</a></li>') in chapter
    assert '<li><a href="../">Tahun 2023</a></li>' in closing
    assert '<a href="../../../../instansi/kecamatan-martapura-barat/">Kecamatan Martapura Barat</a>' in closing
    cover = files["laporan/martapura-barat-2023/1.0/index.html"].decode("utf-8")
    assert ('; atas <span data-angka="capaian.jumlah_indikator">1</span> indikator terukur, dari <span '
            'data-angka="indikator.terukur">22</span> indikator terukur laporan') in cover


def _other_names(page: str) -> list[tuple[str, str, str]]:
    """(label, name, link) of an instansi page's earlier and later names ("Sebelumnya:", "Kini:")."""
    nav = lxml.html.fromstring(page).xpath('//nav[@aria-label="Nama lain instansi ini"]/p')
    return [(p.xpath("string(span)"), a.text_content(), a.get("href")) for p in nav for a in p.xpath("a")]


def test_a_renamed_instansis_pages_link_each_other_at_their_own_addresses(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """"Dinas Pariwisata" became "Dinas Kebudayaan dan Pariwisata" in 2025: the new name had a new page, the old one
    kept its reports, and neither led to the other. ``instansi.nama_sebelumnya`` in the newer report links them both
    ways; no page moves (published addresses are permanent), and a page of another name is not linked."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1707955200")
    root = tmp_path / "situs"
    assert new_report(root, "dinpar-2024", 2024, instansi="Dinas Pariwisata") == 0
    assert new_report(root, "disbudpar-2025", 2025, instansi="Dinas Kebudayaan dan Pariwisata") == 0
    assert new_report(root, "dikbud-2025", 2025, instansi="Dinas Pendidikan") == 0
    before = _instansi_pages(root)
    assert not any(_other_names(page) for page in before.values())
    yaml = root / "content/laporan/disbudpar-2025/laporan.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace(
        "  nama: Dinas Kebudayaan dan Pariwisata\n",
        "  nama: Dinas Kebudayaan dan Pariwisata\n  nama_sebelumnya:\n    - Dinas Pariwisata\n"), encoding="utf-8")
    after = _instansi_pages(root)
    assert set(after) == set(before) == {"instansi/dinas-pariwisata/", "instansi/dinas-kebudayaan-dan-pariwisata/",
                                         "instansi/dinas-pendidikan/"}
    assert _other_names(after["instansi/dinas-kebudayaan-dan-pariwisata/"]) == [
        ("Sebelumnya:", "Dinas Pariwisata", "../dinas-pariwisata/")]
    assert _other_names(after["instansi/dinas-pariwisata/"]) == [
        ("Kini:", "Dinas Kebudayaan dan Pariwisata", "../dinas-kebudayaan-dan-pariwisata/")]
    assert _other_names(after["instansi/dinas-pendidikan/"]) == []
    assert "laporan/dinpar-2024/1.0/" in after["instansi/dinas-pariwisata/"]  # the old page keeps its reports
    assert "dinpar-2024" not in after["instansi/dinas-pendidikan/"]


def _renamed_site(root: Path) -> Path:
    """A kabupaten's "Dinas Pekerjaan Umum" (2022, 2023) renamed "Dinas PUPR" (2024, 2025), said in its first report
    under the new name (``instansi.nama_sebelumnya``), beside a kecamatan never renamed."""
    for slug, year, name in (("dpu-2022", 2022, "Dinas Pekerjaan Umum"), ("dpu-2023", 2023, "Dinas Pekerjaan Umum"),
                             ("dpupr-2024", 2024, "Dinas PUPR"), ("dpupr-2025", 2025, "Dinas PUPR"),
                             ("pengaron-2024", 2024, "Kecamatan Pengaron")):
        assert new_report(root, slug, year, instansi=name) == 0
    yaml = root / "content/laporan/dpupr-2024/laporan.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace(
        "  nama: Dinas PUPR\n", "  nama: Dinas PUPR\n  nama_sebelumnya:\n    - Dinas Pekerjaan Umum\n"),
        encoding="utf-8")
    return root


def test_a_renamed_instansi_is_one_entry_of_the_lists_under_its_current_name(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A citizen looked for "Dinas Pekerjaan Umum", renamed "Dinas PUPR" in 2024: the home page's list and the
    comparison pages' "Per instansi" named both, as two instansi, and the old name's entry led to 2022–2023 only.
    Each lists the instansi once, under its current name, its old name beside it ("dahulu: …", found by the
    browser's find-in-page); the old name's page stays at its address (published addresses are permanent)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1707955200")
    files = build(BuildOptions(root=_renamed_site(tmp_path / "situs"), pdf=False, use_cache=False),
                  write=False).files
    home = lxml.html.fromstring(files["index.html"])
    listed = [(" ".join(li.text_content().split()), li.xpath("a/@href"))
              for li in home.xpath('//section[@class="bandingkan"]//li') if "dari tahun ke tahun" in li.text_content()]
    assert listed == [("Dinas PUPR dari tahun ke tahun (dahulu: Dinas Pekerjaan Umum)", ["instansi/dinas-pupr/"]),
                      ("Kecamatan Pengaron dari tahun ke tahun", ["instansi/kecamatan-pengaron/"])]
    for page in ("perbandingan/index.html", "instansi/dinas-pupr/index.html",
                 "instansi/dinas-pekerjaan-umum/index.html"):
        nav = lxml.html.fromstring(files[page]).xpath('//nav[@aria-label="Perbandingan lain"]/p[2]/a')
        base = "https://portal/" + page
        assert [(" ".join(a.text_content().split()), urljoin(base, a.get("href"))) for a in nav] == [
            ("Dinas PUPR (dahulu: Dinas Pekerjaan Umum)", "https://portal/instansi/dinas-pupr/"),
            ("Kecamatan Pengaron", "https://portal/instansi/kecamatan-pengaron/")], page
    old = files["instansi/dinas-pekerjaan-umum/index.html"].decode("utf-8")  # kept, with its reports
    assert "laporan/dpu-2022/1.0/" in old and "laporan/dpu-2023/1.0/" in old
    assert _other_names(old) == [("Kini:", "Dinas PUPR", "../dinas-pupr/")]


def test_a_renamed_instansis_page_shows_every_year_under_both_names(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """"Dinas PUPR" (2024–2025) was "Dinas Pekerjaan Umum" (2022–2023): its page showed 2024–2025 only, the other
    years one link away on the old name's page. The current name's page shows every year, each older row naming
    the name its report was published under; the old name's page keeps its address and its years."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1707955200")
    files = build(BuildOptions(root=_renamed_site(tmp_path / "situs"), pdf=False, use_cache=False),
                  write=False).files
    page = lxml.html.fromstring(files["instansi/dinas-pupr/index.html"])
    rows = page.xpath('//table[@id="tabel-perbandingan"]/tbody/tr')
    shown = [(" ".join(r.xpath("string(th)").split()), r.xpath('td/a[starts-with(., "Versi")]/@href')) for r in rows]
    assert shown == [
        ("Tahun 2022 dengan nama Dinas Pekerjaan Umum", ["../../laporan/dpu-2022/1.0/"]),
        ("Tahun 2023 dengan nama Dinas Pekerjaan Umum", ["../../laporan/dpu-2023/1.0/"]),
        ("Tahun 2024", ["../../laporan/dpupr-2024/1.0/"]), ("Tahun 2025", ["../../laporan/dpupr-2025/1.0/"])]
    lead = page.xpath('string(//p[@class="pengantar"])')
    assert "juga laporannya dengan nama sebelumnya (Dinas Pekerjaan Umum)" in lead
    old = lxml.html.fromstring(files["instansi/dinas-pekerjaan-umum/index.html"])  # kept as it was
    assert [" ".join(r.xpath("string(th)").split())
            for r in old.xpath('//table[@id="tabel-perbandingan"]/tbody/tr')] == ["Tahun 2022", "Tahun 2023"]
    # the table of every year (and of 2023) links an old name's row to the page of every year too
    for table in ("perbandingan/index.html", "perbandingan/2023/index.html"):
        rows = lxml.html.fromstring(files[table]).xpath(  # a table a kind of instansi: dinas, kecamatan
            '//table[starts-with(@id, "tabel-perbandingan")]/tbody/tr/th/a')
        links = {(a.text_content(), urljoin("https://portal/" + table, a.get("href"))) for a in rows}
        assert ("Dinas Pekerjaan Umum", "https://portal/instansi/dinas-pupr/") in links, links
        assert not [name for name, link in links if link.endswith("/dinas-pekerjaan-umum/")]
    never = lxml.html.fromstring(files["instansi/kecamatan-pengaron/index.html"])
    assert [" ".join(r.xpath("string(th)").split())
            for r in never.xpath('//table[@id="tabel-perbandingan"]/tbody/tr')] == ["Tahun 2024"]


def test_an_old_names_report_says_what_its_instansi_is_called_now(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A citizen who found "Dinas Pekerjaan Umum"'s 2022 report read its old name with nothing saying the instansi
    is "Dinas PUPR" now, and its "Laporan lain" were 2023 only. Its landing page (``laporan/<slug>/``, made by every
    build: a version's own pages never change) says the current name, linked to its page, and lists the reports of
    both names."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1707955200")
    files = build(BuildOptions(root=_renamed_site(tmp_path / "situs"), pdf=False, use_cache=False),
                  write=False).files
    old = lxml.html.fromstring(files["laporan/dpu-2022/index.html"])
    note = old.xpath('//p[@class="nama-kini"]')
    assert [(" ".join(p.text_content().split()), p.xpath("a/@href")) for p in note] == [
        ("Dinas Pekerjaan Umum kini bernama Dinas PUPR; laporan ini terbit dengan nama lamanya.",
         ["../../instansi/dinas-pupr/"])]
    kin = [p for p in old.xpath("//main//p") if p.text_content().startswith("Laporan lain")]
    assert [(a.text_content(), a.get("href")) for a in kin[0].xpath("a")] == [
        ("Tahun 2025", "../dpupr-2025/1.0/"), ("Tahun 2024", "../dpupr-2024/1.0/"),
        ("Tahun 2023 (Dinas Pekerjaan Umum)", "../dpu-2023/1.0/"),
        ("Angka kunci Dinas PUPR dari tahun ke tahun", "../../instansi/dinas-pupr/")]
    for slug in ("dpupr-2024", "pengaron-2024"):
        assert not lxml.html.fromstring(files[f"laporan/{slug}/index.html"]).xpath('//p[@class="nama-kini"]')


def test_the_search_page_knows_each_instansi_page_by_its_names(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A search naming "Dinas PUPR" (or "Pengaron") led to its reports only, never its page of every year: the search
    page names each instansi page the portal lists with the instansi's names, current first, then earlier ones, for
    ``cari.js`` to link the page a search names (the old name's own page is the current one's)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1707955200")
    files = build(BuildOptions(root=_renamed_site(tmp_path / "situs"), pdf=False, use_cache=False),
                  write=False).files
    form = lxml.html.fromstring(files["cari/index.html"]).xpath('//form[@id="cari-form"]')[0]
    assert json.loads(form.get("data-halaman-instansi")) == {
        "instansi/dinas-pupr/": ["Dinas PUPR", "Dinas PUPR", "Dinas Pekerjaan Umum"],
        "instansi/kecamatan-pengaron/": ["Kecamatan Pengaron", "Kecamatan Pengaron"]}


def test_the_open_data_names_a_renamed_instansis_current_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The open data named each report's instansi as written that year: a harvester grouping the catalogue or the
    comparison table by ``instansi`` had "Dinas Pekerjaan Umum" 2022–2023 and "Dinas PUPR" 2024–2025 as two
    instansi, and the earlier name (``instansi.nama_sebelumnya``) was nowhere in it. ``instansi_kini`` names the
    current name of every row (its own name when never renamed); ``instansi`` stays as published."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1707955200")
    files = build(BuildOptions(root=_renamed_site(tmp_path / "situs"), pdf=False, use_cache=False),
                  write=False).files
    catalogue = json.loads(files["data-terbuka.json"])
    assert [(p["laporan"], p["instansi"], p["instansi_kini"]) for p in catalogue["paket"]] == [
        ("dpu-2022", "Dinas Pekerjaan Umum", "Dinas PUPR"), ("dpu-2023", "Dinas Pekerjaan Umum", "Dinas PUPR"),
        ("dpupr-2024", "Dinas PUPR", "Dinas PUPR"), ("dpupr-2025", "Dinas PUPR", "Dinas PUPR"),
        ("pengaron-2024", "Kecamatan Pengaron", "Kecamatan Pengaron")]
    table = csv.DictReader(io.StringIO(files["perbandingan/perbandingan.csv"].decode("utf-8")))
    assert sorted((row["laporan"], row["instansi"], row["instansi_kini"]) for row in table) == [
        ("dpu-2022", "Dinas Pekerjaan Umum", "Dinas PUPR"), ("dpu-2023", "Dinas Pekerjaan Umum", "Dinas PUPR"),
        ("dpupr-2024", "Dinas PUPR", "Dinas PUPR"), ("dpupr-2025", "Dinas PUPR", "Dinas PUPR"),
        ("pengaron-2024", "Kecamatan Pengaron", "Kecamatan Pengaron")]
    assert table.fieldnames is not None and table.fieldnames[-2:] == ["instansi_kini", "jenis_instansi"]  # added last


def test_a_released_versions_breadcrumb_leads_to_its_instansi_for_ever(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A version's pages (its cover, chapters, changes) named their instansi in a breadcrumb that led nowhere of it:
    Beranda › "Kecamatan Batu Sopang 2022" › chapter. Its instansi is a crumb of its own, linked to its page. A
    released version's bytes never change, so that page stays when the instansi is renamed in a newer version (its
    comparison row is the new name's): it then lists the instansi's reports, and with ``instansi.nama_sebelumnya`` the
    two pages lead to each other."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1707955200")
    monkeypatch.delenv("LKJIP_DEBUG", raising=False)
    root = copy_examples(tmp_path / "situs")
    fill_in_site(root)
    assert main(["terbitkan", "batu-sopang-2022", "--tanpa-pdf", "--situs", str(root)]) == 0
    old = (root / "build/laporan/batu-sopang-2022/1.0/bab-1-pendahuluan/index.html").read_text(encoding="utf-8")
    crumbs = lxml.html.fromstring(old).xpath('//nav[@aria-label="Jejak navigasi"]//li')
    assert [(li.text_content(), li.xpath("a/@href")) for li in crumbs] == [
        ("Beranda", ["../../../../"]), ("Kecamatan Batu Sopang", ["../../../../instansi/kecamatan-batu-sopang/"]),
        ("Tahun 2022", ["../"]), ("BAB I Pendahuluan", [])]

    yaml = root / "content/laporan/batu-sopang-2022/laporan.yaml"
    text = yaml.read_text(encoding="utf-8")
    yaml.write_text(text.replace('versi: "1.0"', 'versi: "1.1"').replace(
        "  nama: Kecamatan Batu Sopang\n",
        "  nama: Kecamatan Batu Sopang Baru\n  nama_sebelumnya: [Kecamatan Batu Sopang]\n").replace(
        "catatan_versi: Terbitan pertama", "catatan_versi: Nama instansi baru; terbitan pertama"), encoding="utf-8")
    result = build(BuildOptions(root=root, pdf=False, use_cache=False), write=False)
    files = result.files
    # the earlier name is only the released version's now: known, and both pages lead to each other
    assert not [d for d in result.diagnostics.items if "nama_sebelumnya" in d.message]
    assert files["laporan/batu-sopang-2022/1.0/bab-1-pendahuluan/index.html"].decode("utf-8") == old  # frozen
    page = lxml.html.fromstring(files["instansi/kecamatan-batu-sopang/index.html"])
    assert page.xpath("//main//ul/li/a/@href") == ["../../laporan/batu-sopang-2022/"]
    assert _other_names(files["instansi/kecamatan-batu-sopang/index.html"].decode("utf-8")) == [
        ("Kini:", "Kecamatan Batu Sopang Baru", "../kecamatan-batu-sopang-baru/")]
    assert _other_names(files["instansi/kecamatan-batu-sopang-baru/index.html"].decode("utf-8")) == [
        ("Sebelumnya:", "Kecamatan Batu Sopang (Pemerintah Kabupaten Paser)", "../kecamatan-batu-sopang/")]
    assert "instansi/kecamatan-batu-sopang-baru/index.html" in files
    new = files["laporan/batu-sopang-2022/1.1/bab-1-pendahuluan/index.html"].decode("utf-8")
    assert '<a href="../../../../instansi/kecamatan-batu-sopang-baru/">Kecamatan Batu Sopang Baru</a>' in new


def test_the_home_page_lists_two_pemdas_instansi_of_one_name_apart() -> None:
    """One heading "Dinas Kesehatan" stood over two identical titles of two kabupaten: each is named with its
    pemda, but the portal's own (as the comparison pages name them); a name only one pemda has is listed as it is."""
    def version(slug: str, nama: str, pemda: str) -> VersionInfo:
        return VersionInfo(slug, "1.0", f"LKjIP {nama} Tahun 2023", 2023, "tahunan", "Tahunan", dt.date(2024, 1, 31),
                           "", InstansiRef(nama, pemda))
    versions = [version("a", "Dinas Kesehatan", "Kabupaten Banjar"), version("b", "Dinas Kesehatan", "Kabupaten Paser"),
                version("c", "Kecamatan Pengaron", "Kabupaten Banjar")]
    for portal, banjar in (("Provinsi Kalimantan Selatan", "Dinas Kesehatan (Kabupaten Banjar)"),
                           ("Kabupaten Banjar", "Dinas Kesehatan")):
        groups = reports_by_year(versions, portal)
        assert [(name, [v.slug for v in items]) for name, items in groups[0][1]] == [
            (banjar, ["a"]), ("Dinas Kesehatan (Kabupaten Paser)", ["b"]), ("Kecamatan Pengaron", ["c"])]


def test_the_home_page_lists_a_years_instansi_by_kind_under_headings(tmp_path: Path) -> None:
    """A portal of a Bappeda, a BPKAD, two dinas and kecamatan listed a year's reports alphabetically ("BPKAD" before
    "Bappeda", the kecamatan among the badan); a citizen looking for their kecamatan among 40 entries reads them
    under a heading a kind (Dinas, Badan … Kecamatan), on the home page and on the search page, URLs unchanged. A
    year of one kind keeps its list without headings."""
    root = tmp_path / "situs"
    reports = (("kecamatan-gambut", "Kecamatan Gambut"), ("bpkad", "BPKAD"), ("dinkes", "Dinas Kesehatan"),
               ("bappeda", "Bappeda"), ("kecamatan-astambul", "Kecamatan Astambul"), ("pusdatin", "Pusat Data"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        for slug, name in reports:
            assert new_report(root, f"{slug}-2024", tahun=2024, instansi=name) == 0
        assert new_report(root, "kecamatan-gambut-2023", tahun=2023, instansi="Kecamatan Gambut") == 0
        yaml = root / "content/laporan/pusdatin-2024/laporan.yaml"  # no kind in its name: its jenis says it
        yaml.write_text(re.sub(r"jenis: .*", "jenis: badan", yaml.read_text(encoding="utf-8")), encoding="utf-8")
        build(BuildOptions(root=root, pdf=False, cache_dir=root / ".cache", use_cache=False))
    home = lxml.html.fromstring((root / "build" / "index.html").read_bytes())
    year = home.xpath('//section[@aria-labelledby="tahun-2024"]')[0]
    assert [(h.get("id"), h.text) for h in year.xpath("h3")] == [
        ("tahun-2024-dinas", "Dinas"), ("tahun-2024-badan", "Badan"), ("tahun-2024-kecamatan", "Kecamatan")]
    assert year.xpath(".//a/@href") == [f"laporan/{slug}-2024/1.0/" for slug in (
        "dinkes", "bappeda", "bpkad", "pusdatin", "kecamatan-astambul", "kecamatan-gambut")]
    assert year.xpath("h4/text()") == ["Dinas Kesehatan", "Bappeda", "BPKAD", "Pusat Data", "Kecamatan Astambul",
                                       "Kecamatan Gambut"]  # a year of few instansi: a heading each, below its kind
    assert home.xpath('//section[@aria-labelledby="tahun-2023"]//h3/text()') == ["Kecamatan Gambut"]  # one kind
    search = lxml.html.fromstring((root / "build" / "cari" / "index.html").read_bytes())
    assert search.xpath('//section[@aria-labelledby="telusuri-2024"]/h4/@id') == [
        "telusuri-2024-dinas", "telusuri-2024-badan", "telusuri-2024-kecamatan"]


#: A kabupaten's portal of more instansi than the home page lists unfolded (eight): dinas, badan, kecamatan.
MANY_KINDS = (("kecamatan-gambut", "Kecamatan Gambut"), ("bpkad", "BPKAD"), ("dinkes", "Dinas Kesehatan"),
              ("bappeda", "Bappeda"), ("kecamatan-astambul", "Kecamatan Astambul"), ("inspektorat", "Inspektorat"),
              ("disdik", "Dinas Pendidikan"), ("kecamatan-aranio", "Kecamatan Aranio"),
              ("dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang"))


@pytest.fixture(scope="module")
def many_kinds_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("jenis") / "situs"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        for slug, name in MANY_KINDS:
            assert new_report(root, f"{slug}-2024", tahun=2024, instansi=name) == 0
        build(BuildOptions(root=root, pdf=False, cache_dir=root / ".cache", use_cache=False))
    return root / "build"


def test_the_search_pages_instansi_filter_is_grouped_by_kind(many_kinds_site: Path) -> None:
    """On a phone the filter was one alphabetical wheel of every instansi ("BPKAD" before "Bappeda", then the dinas,
    "Inspektorat", the kecamatan last): a citizen scrolled past every office to find their kecamatan. Each kind is an
    <optgroup> (Inspektorat, Dinas, Badan, Kecamatan), names regardless of letter case; values unchanged."""
    page = lxml.html.fromstring((many_kinds_site / "cari" / "index.html").read_bytes())
    select = page.get_element_by_id("cari-instansi")
    assert select.xpath("option/text()") == ["Semua instansi"]
    groups = [(g.get("label"), g.xpath("option/@value")) for g in select.xpath("optgroup")]
    assert groups == [("Inspektorat", ["Inspektorat"]),
                      ("Dinas", ["Dinas Kesehatan", "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas Pendidikan"]),
                      ("Badan", ["Bappeda", "BPKAD"]),
                      ("Kecamatan", ["Kecamatan Aranio", "Kecamatan Astambul", "Kecamatan Gambut"])]


def test_the_home_pages_folded_instansi_are_listed_under_their_kind(many_kinds_site: Path) -> None:
    """The folded "Setiap instansi dari tahun ke tahun" (more than eight instansi) listed 40 names ordered by kind with
    no heading: where the kecamatan begin was said nowhere. Each kind now has its heading, the links unchanged."""
    home = lxml.html.fromstring((many_kinds_site / "index.html").read_bytes())
    folded = home.xpath('//details[@class="per-instansi"]')[0]
    assert [(h.get("id"), h.text) for h in folded.xpath("h3")] == [
        ("instansi-inspektorat", "Inspektorat"), ("instansi-dinas", "Dinas"), ("instansi-badan", "Badan"),
        ("instansi-kecamatan", "Kecamatan")]
    kecamatan = folded.xpath('h3[@id="instansi-kecamatan"]/following-sibling::ul[1]//a/@href')
    assert kecamatan == ["instansi/kecamatan-aranio/", "instansi/kecamatan-astambul/", "instansi/kecamatan-gambut/"]
    assert len(folded.xpath(".//a")) == len(MANY_KINDS)


def test_a_version_released_before_manifests_kept_jenis_is_placed_by_its_name(tmp_path: Path) -> None:
    """Published is permanent: a manifest written before ``instansi.jenis`` was kept still loads, its instansi placed
    by its name; one released now keeps ``jenis`` for the name that says no kind."""
    meta = {"slug": "x-2023", "versi": "1.0", "judul": "LKjIP", "tahun": 2023, "periode": "tahunan",
            "tanggal_terbit": "2024-01-31", "instansi": {"nama": "Kecamatan Gambut", "pemda": "Kabupaten Banjar"}}
    bag = FileEntry("x-2023-1.0-bagit.zip", "0" * 64, 1)
    old = ArchivedVersion(tmp_path, "arsip/x-2023/1.0", Manifest(meta, "0.2.12", "2024-02-01T00:00:00Z", [], [], bag))
    assert old.info().instansi == InstansiRef("Kecamatan Gambut", "Kabupaten Banjar")
    assert old.info().instansi.kind.key == "kecamatan"
    meta["instansi"] = {"nama": "Pusat Data", "pemda": "Kabupaten Banjar", "jenis": "badan"}
    assert old.info().instansi.kind.key == "badan"
    assert InstansiRef("Pusat Data", "Kabupaten Banjar").kind.key == "lainnya"


def test_a_home_page_of_many_instansi_and_years_can_be_jumped_through(tmp_path: Path) -> None:
    """A portal of 160 reports: the home page ran to 45 phone screens with no way to jump to a year, and 40 links
    "… dari tahun ke tahun" stood between the search and the first report (52 presses of Tab). Each year's section
    is linked from a jump list; more than eight instansi fold their links into a closed <details>, URLs unchanged."""
    root = tmp_path / "situs"
    names = ("Alfa", "Beta", "Gama", "Delta", "Epsilon", "Zeta", "Eta", "Teta", "Iota")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        for name in names:
            assert new_report(root, f"kecamatan-{name.lower()}-2024", tahun=2024, instansi=f"Kecamatan {name}") == 0
        assert new_report(root, "kecamatan-alfa-2023", tahun=2023, instansi="Kecamatan Alfa") == 0
        build(BuildOptions(root=root, pdf=False, cache_dir=root / ".cache", use_cache=False))
    home = lxml.html.fromstring((root / "build" / "index.html").read_bytes())
    jumps = home.xpath('//nav[@aria-label="Lompat ke tahun"]//a/@href')
    assert jumps == ["#tahun-2024", "#tahun-2023"], jumps
    assert all(home.xpath(f'//section[@aria-labelledby="{j[1:]}"]/h2[@id="{j[1:]}"]') for j in jumps)
    folded = home.xpath('//section[@class="bandingkan"]//details[not(@open)]//a/@href')
    assert folded == [f"instansi/kecamatan-{name.lower()}/" for name in sorted(n.lower() for n in names)], folded
    shown = home.xpath('//section[@class="bandingkan"]/ul//a/@href')
    assert shown == ["perbandingan/", "perbandingan/2024/", "perbandingan/2023/"], shown
    assert not home.xpath('//details[@class="laporan-tahun"]')  # ten reports: every year stays open


def test_a_home_page_of_many_reports_lists_the_newest_year_in_lines_and_folds_the_earlier(tmp_path: Path) -> None:
    """160 reports of 40 instansi over four years: the home page was 31 467 px tall on a 360 px phone (49 screens),
    every report a card under its instansi's heading. A year of more than eight instansi lists one line an instansi,
    its name the link (an instansi with several reports that year names each report); beyond twelve reports the
    years before the newest are folded under their heading (the jump list's target). Every report stays linked."""
    root = tmp_path / "situs"
    names = ("Alfa", "Beta", "Gama", "Delta", "Epsilon", "Zeta", "Eta", "Teta", "Iota")
    slugs = [f"kecamatan-{name.lower()}-2024" for name in names]
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        for name, slug in zip(names, slugs):
            assert new_report(root, slug, tahun=2024, instansi=f"Kecamatan {name}") == 0
        assert new_report(root, "kecamatan-alfa-2024-tw1", tahun=2024, periode="tw1", instansi="Kecamatan Alfa") == 0
        for name in names[:4]:
            assert new_report(root, f"kecamatan-{name.lower()}-2023", tahun=2023, instansi=f"Kecamatan {name}") == 0
        build(BuildOptions(root=root, pdf=False, cache_dir=root / ".cache", use_cache=False))
    home = lxml.html.fromstring((root / "build" / "index.html").read_bytes())
    newest = home.xpath('//section[@aria-labelledby="tahun-2024"]')[0]
    assert not newest.xpath(".//details") and not newest.xpath(".//h3")
    lines = newest.xpath('./ul[@class="daftar-instansi-tahun"]/li')
    assert len(lines) == len(names)
    alfa, beta = lines[0], lines[1]
    assert alfa.xpath('./span[@class="nama-instansi"]/text()') == ["Kecamatan Alfa"]
    assert [a.get("href").split("/")[1] for a in alfa.xpath('.//a[@class="report-link"]')] == [
        "kecamatan-alfa-2024", "kecamatan-alfa-2024-tw1"]  # annual first, each named by its title
    assert [a.text_content() for a in beta.xpath('./a[@class="report-link"]')] == ["Kecamatan Beta"]
    earlier = home.xpath('//section[@aria-labelledby="tahun-2023"]')[0]
    assert earlier.xpath('./h2[@id="tahun-2023"]/text()') == ["Tahun 2023"]  # outside the fold: the jump list's target
    folded = earlier.xpath('./details[@class="laporan-tahun"][not(@open)]')
    assert len(folded) == 1 and folded[0].xpath("./summary/text()") == ["Tampilkan 4 laporan tahun 2023"]
    linked = {a.split("/")[1] for a in home.xpath('//main//a[@class="report-link"]/@href')}
    assert linked == {*slugs, "kecamatan-alfa-2024-tw1", *(f"kecamatan-{n.lower()}-2023" for n in names[:4])}
    assert home.xpath('//nav[@aria-label="Lompat ke tahun"]//a/@href') == ["#tahun-2024", "#tahun-2023"]


#: A portal of eleven kecamatan over two years: more reports than the comparison of every year charts
#: (``portal.ALL_YEARS_CHART_MAX``, 20) and than the home page lists unfolded, few enough to build in seconds.
WIDE_NAMES = ("Alfa", "Beta", "Gama", "Delta", "Epsilon", "Zeta", "Eta", "Teta", "Iota", "Kapa", "Lamda")


@pytest.fixture(scope="module")
def wide_portal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site of :data:`WIDE_NAMES`, each with a report of 2023 and one of 2024."""
    root = tmp_path_factory.mktemp("portal-lebar") / "situs"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        for name in WIDE_NAMES:
            for year in (2023, 2024):
                assert new_report(root, f"kecamatan-{name.lower()}-{year}", tahun=year,
                                  instansi=f"Kecamatan {name}") == 0
        build(BuildOptions(root=root, pdf=False, cache_dir=root / ".cache", use_cache=False))
    return root / "build"


def test_the_comparison_of_every_year_leaves_a_chart_of_many_reports_to_each_year(wide_portal: Path) -> None:
    """160 reports of four years: ``perbandingan/`` drew 160 pairs of bars, 10 900 px tall on a 360 px phone and
    546 kB of its 833 kB, each kecamatan's years scattered down it. Beyond 20 reports of several years it links
    each year's chart instead; the table, its downloads and every year's page with its chart stay."""
    page = lxml.html.fromstring((wide_portal / "perbandingan" / "index.html").read_bytes())
    assert not page.xpath("//figure") and not page.xpath("//svg")
    note = page.xpath('//p[@class="grafik-per-tahun"]')
    assert len(note) == 1, "tidak ada tautan ke grafik setiap tahun"
    assert note[0].xpath(".//a/@href") == ["2024/#grafik-perbandingan", "2023/#grafik-perbandingan"]  # below the table
    assert "Grafik 22 laporan sekaligus" in note[0].text_content()
    assert len(page.xpath('//table[contains(@class, "urut")]/tbody/tr')) == 22  # the tables keep every report
    assert (wide_portal / "perbandingan" / "perbandingan.csv").is_file()
    for year in (2024, 2023):
        shown = lxml.html.fromstring((wide_portal / "perbandingan" / str(year) / "index.html").read_bytes())
        assert shown.xpath('//figure[@id="grafik-perbandingan"]//svg'), f"perbandingan/{year}/ tanpa grafik"
        assert not shown.xpath('//p[@class="grafik-per-tahun"]')


def _headings(page: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    return [(h.tag, " ".join(h.text_content().split())) for h in page.xpath("//main//*[self::h1 or self::h2 or "
                                                                           "self::h3 or self::h4]")]


def _sections_listed(page: lxml.html.HtmlElement) -> list[str]:
    """The headings the page's contents list ("Di halaman ini") leads to, each that of the section it opens."""
    contents = page.xpath('//nav[@aria-label="Isi halaman ini"]')
    assert len(contents) == 1, "tidak ada daftar isi halaman"
    shown = []
    for href in contents[0].xpath(".//a/@href"):
        assert href.startswith("#"), href
        heading = page.get_element_by_id(href[1:])
        assert heading.tag == "h2", href
        section = heading.getparent()
        assert section.tag == "section" and section.get("aria-labelledby") == href[1:], href
        shown.append(" ".join(heading.text_content().split()))
    return shown


def test_the_comparison_of_many_reports_has_a_section_a_reader_can_jump_to_for_each_year(wide_portal: Path) -> None:
    """160 reports of four years: ``perbandingan/`` was one table 27 600 px tall on a 360 px phone under its only
    heading, so a screen reader could not jump to a year and a sighted reader scrolled through every year to find
    their kecamatan. Each year is a section under its heading, the earlier years folded with their number of reports
    in view, and a list at the top leads to every section; a year's page has its table's and its chart's."""
    page = lxml.html.fromstring((wide_portal / "perbandingan" / "index.html").read_bytes())
    sections = ["Tahun 2024", "Tahun 2023", "Keterangan tabel", "Grafik perbandingan"]
    assert _headings(page) == [("h1", "Perbandingan kinerja instansi"), *(("h2", s) for s in sections)]
    assert _sections_listed(page) == sections
    contents = " ".join(page.xpath('string(//nav[@aria-label="Isi halaman ini"])').split())
    assert "Tahun 2024 (11 laporan) · Tahun 2023 (11 laporan)" in contents, contents
    for year in (2024, 2023):
        rows = page.xpath(f'//section[@aria-labelledby="tahun-{year}"]//table/tbody/tr')
        assert sorted(r.xpath("string(th)").strip() for r in rows) == sorted(f"Kecamatan {n}" for n in WIDE_NAMES)
        assert {r.xpath("string(td[1])").strip() for r in rows} == {f"Tahun {year}"}
    assert not page.xpath('//section[@aria-labelledby="tahun-2024"]//details')  # the newest year open
    folded = page.xpath('//section[@aria-labelledby="tahun-2023"]/details[@class="laporan-tahun"][not(@open)]')
    assert len(folded) == 1 and folded[0].xpath("./summary/text()") == ["Tampilkan tabel 11 laporan tahun 2023"]
    assert page.xpath('//section[@aria-labelledby="bagian-grafik"]/p[@class="grafik-per-tahun"]')
    year = lxml.html.fromstring((wide_portal / "perbandingan" / "2024" / "index.html").read_bytes())
    assert _headings(year) == [("h1", "Perbandingan kinerja instansi tahun 2024"), ("h2", "Tabel perbandingan"),
                               ("h2", "Grafik perbandingan")]
    assert _sections_listed(year) == ["Tabel perbandingan", "Grafik perbandingan"]
    assert len(year.xpath('//section[@aria-labelledby="bagian-tabel"]//table[@id="tabel-perbandingan"]/tbody/tr')) == 11
    # the chart keeps the address ``perbandingan/`` links it at
    assert year.xpath('//section[@aria-labelledby="bagian-grafik"]/figure[@id="grafik-perbandingan"]')


def test_the_search_page_without_javascript_lists_the_newest_year_in_lines_and_folds_the_earlier(
        wide_portal: Path) -> None:
    """Without JavaScript the search page is the way in, and it listed every report's full title by year: 14 000 px on
    a 360 px phone at 160 reports, the home page's list having been folded. It lists the years as the home page does:
    the newest a line an instansi (its name the link), the earlier folded under their heading; every report linked."""
    page = lxml.html.fromstring((wide_portal / "cari" / "index.html").read_bytes())
    browse = page.xpath('//section[@class="telusuri"]')[0]
    newest = browse.xpath('./section[@aria-labelledby="telusuri-2024"]')[0]
    assert newest.xpath('./h3[@id="telusuri-2024"]/text()') == ["Tahun 2024"]
    assert [a.text_content() for a in newest.xpath('./ul[@class="daftar-instansi-tahun"]/li/a')] == sorted(
        f"Kecamatan {name}" for name in WIDE_NAMES)
    earlier = browse.xpath('./section[@aria-labelledby="telusuri-2023"]')[0]
    assert earlier.xpath('./h3[@id="telusuri-2023"]/text()') == ["Tahun 2023"]  # outside the fold
    folded = earlier.xpath('./details[@class="laporan-tahun"][not(@open)]')
    assert len(folded) == 1 and folded[0].xpath("./summary/text()") == ["Tampilkan 11 laporan tahun 2023"]
    linked = {a.split("/")[2] for a in browse.xpath(".//a/@href")}
    assert linked == {f"kecamatan-{name.lower()}-{year}" for name in WIDE_NAMES for year in (2023, 2024)}


def test_the_comparisons_fold_a_long_list_of_instansi_above_their_table(wide_portal: Path) -> None:
    """At 40 instansi the list "Per instansi" was a phone screen of links (746 px at 360 px) and 40 stops of Tab
    above every comparison's table, a kecamatan's own page too. More than eight are folded in a closed <details>, as
    on the home page; each links where it did, and a kecamatan's own page is marked in it."""
    expected = [f"instansi/kecamatan-{name.lower()}/" for name in sorted(n.lower() for n in WIDE_NAMES)]
    for url in ("perbandingan/", "perbandingan/2024/", "instansi/kecamatan-beta/"):
        page = lxml.html.fromstring((wide_portal / url / "index.html").read_bytes())
        nav = page.xpath('//nav[@class="portal-nav"]')[0]
        folded = nav.xpath('./details[@class="per-instansi"][not(@open)]')
        assert len(folded) == 1, url
        assert folded[0].xpath("./summary/text()") == ["Per instansi (11 instansi)"]
        links = [urljoin(url, href) for href in folded[0].xpath(".//a/@href")]
        assert links == expected, (url, links)
        assert nav.xpath('./p/a/text()')[:2] == ["2024", "2023"]  # the years stay open above it
    beta = lxml.html.fromstring((wide_portal / "instansi/kecamatan-beta/index.html").read_bytes())
    assert beta.xpath('//details[@class="per-instansi"]//a[@aria-current="page"]/text()') == ["Kecamatan Beta"]


def test_instansi_page_shows_its_figures_across_periods(site) -> None:  # type: ignore[no-untyped-def]
    out, _ = site
    page = _page(out, "instansi/kecamatan-alfa/index.html")
    assert "Tahun 2023" in page and 'href="../../laporan/kecamatan-a-2023/1.0/"' in page
    assert f"kecamatan-a-2023/{OLD}/" not in page
    # its chart's rows are periods: its data table, tooltips and screen-reader text said "Instansi" over "Tahun 2023"
    assert ('aria-label="Grafik batang rata-rata capaian kinerja dan serapan anggaran menurut periode '
            '(1 periode).') in page
    assert '<th scope="col" class="kolom-1">Periode</th>' in page and "menurut instansi" not in page


# ------------------------------------------------------------------------------------------------ search index


def test_search_index_is_built_from_report_and_chapter_pages(site) -> None:  # type: ignore[no-untyped-def]
    out, _ = site
    assert json.loads((out / "pagefind" / "bundel.json").read_bytes()) == {"bundel": ["2023"]}  # a bundle a year
    assert (out / "pagefind" / "2023" / "pagefind.js").is_file()
    assert (out / "pagefind" / "2023" / "pagefind-entry.json").is_file()
    assert not list((out / "pagefind").rglob("pagefind-ui.js"))  # the theme has its own interface
    chapter = _page(out, "laporan/kecamatan-b-2023/1.0/bab-1-pendahuluan/index.html")
    assert 'data-pagefind-body' in chapter and '<span data-pagefind-meta="tahun">2023</span>' in chapter
    assert "data-pagefind-body" not in _page(out, "index.html")  # portal pages are not search results
    search = _page(out, "cari/index.html")
    assert 'data-pagefind="../pagefind/"' in search
    assert 'href="../laporan/kecamatan-b-2023/1.0/"' in search  # without JavaScript: the list of reports


def test_search_finds_the_words_of_a_table_but_not_its_measured_numbers(site) -> None:  # type: ignore[no-untyped-def]
    """A reader searches by an indicator's name or "tidak tercapai", not by 96,61 %: the number cells of tables are
    left out of the index (a smaller index for phones); the row labels and the narrative's own numbers stay."""
    out, _ = site
    rel = "laporan/kecamatan-b-2023/1.0/bab-3-akuntabilitas-kinerja/index.html"
    tree = lxml.html.fromstring((out / rel).read_bytes())
    body = tree.xpath("//*[@data-pagefind-body]")[0]
    labels = [th.text_content().strip() for th in body.xpath(".//tbody//th") if th.text_content().strip()]
    numbers = {td.text_content().strip() for td in body.xpath(".//td[contains(concat(' ', @class, ' '), ' angka ')]")
               if re.fullmatch(r"[\d.,]+ ?%?", td.text_content().strip())}
    outside = " ".join(p.text_content() for p in body.xpath(".//p | .//li | .//h2 | .//h3"))
    only_in_tables = {n for n in numbers if n.split(" ")[0] not in outside}
    narrative = re.findall(r"\d+,\d+", outside)
    assert labels and len(only_in_tables) >= 2 and narrative  # the page has all three, or this test proves nothing
    fragments = [json.loads(gzip.decompress(p.read_bytes()).removeprefix(b"pagefind_dcd"))  # Pagefind's page records
                 for p in (out / "pagefind" / "2023" / "fragment").iterdir()]
    [entry] = [f for f in fragments if f["url"].endswith("/kecamatan-b-2023/1.0/bab-3-akuntabilitas-kinerja/")]
    words = entry["content"]

    def has(number: str) -> bool:
        return re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d]|,\d)", words) is not None

    assert all(label in words for label in labels)
    assert not [n for n in only_in_tables if has(n.split(" ")[0])]
    assert all(has(n) for n in narrative)


def test_only_number_cells_are_left_out_of_what_search_indexes() -> None:
    page = ('<td class="angka" data-angka="x">96,61 %</td><td class="angka">1.250.000</td>'
            '<td class="angka">−3,50</td><td class="angka na" title="belum diisi">N/A</td>'
            '<td class="angka">tidak tercapai</td><td>1.01.02</td><th class="angka" scope="col">2023</th>'
            '<td class="angka-besar">7</td><svg><text>12,5</text></svg><p>capaian 96,61 %</p>').encode("utf-8")
    assert searchable(page).decode("utf-8") == (
        '<td class="angka" data-angka="x"></td> <td class="angka"></td> <td class="angka"></td> '
        '<td class="angka na" title="belum diisi">N/A</td> <td class="angka">tidak tercapai</td> <td>1.01.02</td> '
        '<th class="angka" scope="col">2023</th> <td class="angka-besar">7</td> <p>capaian 96,61 %</p>')


def test_search_excerpts_keep_table_cells_apart_without_note_marks() -> None:
    """A result's excerpt read "NoSasaran strategisIndikator kinerja" and "N/A1. N/A1." (cells joined, the N/A's
    note number read as part of it)."""
    page = ('<tr><th scope="col">No</th><th scope="col">Sasaran strategis</th></tr><tr><td class="na">N/A'
            '<sup class="na-ref"><a href="#t-na-1" aria-label="catatan a">a</a></sup></td><td>Camat</td></tr>')
    assert searchable(page.encode("utf-8")).decode("utf-8") == (
        '<tr><th scope="col">No</th> <th scope="col">Sasaran strategis</th> </tr> <tr><td class="na">N/A</td> '
        '<td>Camat</td> </tr>')


@given(st.lists(st.sampled_from(["<svg>", "<svg ", "<svg\n", "<svgx>", "</svg>", "</svgx>", "<sv", "g>", "x",
                                  "12,5", "<p>", ">", "\u2212", "href", "hr", "ef", "src"]), max_size=12))
def test_charts_left_out_of_search_as_by_the_regular_expression(fragments: list[str]) -> None:
    """``without_charts`` finds charts with ``bytes.find`` for speed; it must cut exactly what ``<svg\\b.*?</svg>``
    (the rule it replaced) cuts, in any arrangement of openings and closings; with ``unless``, the link check's
    form, a chart holding one of its words stays."""
    page = "".join(fragments).encode("utf-8")
    assert without_charts(page) == re.sub(rb"<svg\b.*?</svg>", b"", page, flags=re.S)
    linking = (b"href", b"src")
    assert without_charts(page, unless=linking) == re.sub(
        rb"<svg\b.*?</svg>", lambda m: m.group(0) if any(w in m.group(0) for w in linking) else b"", page, flags=re.S)


def _search_page(title: str = "A", header: str = "", footer: str = "A", lang: str = "id", h1: bool = True) -> bytes:
    """A page as the default theme lays one out: the portal's name in the header, the indexed article, a footer."""
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Bab — {title}</title>'
            f'<meta name="description" content="Laporan {title}"></head><body><header><p>Portal {title}</p>{header}'
            f'</header><nav><a href="#x">Daftar isi {title}</a></nav><article class="bab" data-pagefind-body>'
            f'<div hidden data-pagefind-ignore><span data-pagefind-meta="tahun">2023</span></div>'
            f'{"<h1>Pendahuluan</h1>" if h1 else ""}<p>Camat menyusun laporan kinerja <b>tahunan</b>.</p>'
            f'<article><p>Catatan bersarang</p></article><table><tr><td class="angka">96,61 %</td></tr></table>'
            f'</article><footer>Kaki {footer}</footer></body></html>').encode("utf-8")


def _pagefind(page: bytes, given: bytes) -> dict[str, bytes]:
    """The index Pagefind makes when given ``given`` for ``page``."""
    return search_mod._run_pagefind({"laporan/a-2023/1.0/bab-1/index.html": page}, None,
                                    {"laporan/a-2023/1.0/bab-1/index.html": given})


@pytest.mark.parametrize("first, second, read", [
    (dict(title="A"), dict(title="B"), False),  # the portal's title: in <title>, <meta>, header and navigation
    (dict(footer="A"), dict(footer="B"), False),
    (dict(lang="id"), dict(lang="en"), True),
    (dict(header="<h1>Portal A</h1>"), dict(header="<h1>Portal B</h1>"), True),  # a result's title: the first h1
    (dict(h1=False), dict(h1=False, title="B"), True),  # ... or, with none, the <title>
    (dict(header='<h1>P</h1><img src="/a.png" alt="a">'), dict(header='<h1>P</h1><img src="/b.png" alt="a">'), True),
    (dict(header='<span data-pagefind-meta="x">1</span>'), dict(header='<span data-pagefind-meta="x">2</span>'), True),
])
def test_pagefind_is_given_what_it_reads_of_a_page(first: dict[str, object], second: dict[str, object],
                                                   read: bool) -> None:
    """A bundle is kept under what Pagefind is given (``pagefind_input``): the indexed element and the page's
    language, when nothing else on the page is read by Pagefind. Run on Pagefind itself: a change it reads changes
    the index and what it is given; one it does not read changes neither; and the index of what it is given is the
    whole page's."""
    a, b = _search_page(**first), _search_page(**second)  # type: ignore[arg-type]
    assert (pagefind_input(a) != pagefind_input(b)) is read
    index_a, index_b = _pagefind(a, searchable(a)), _pagefind(b, searchable(b))  # the whole page, as before
    assert (index_a != index_b) is read
    assert _pagefind(a, pagefind_input(a)) == index_a and _pagefind(b, pagefind_input(b)) == index_b
    if not read:  # the page was cut to its indexed article, the nested one and the emptied number cell kept
        given = pagefind_input(a)
        assert b"Portal" not in given and b"Kaki" not in given
        assert given.startswith(b'<!DOCTYPE html>\n<html lang="id">')
        assert given.endswith(b'Catatan bersarang</p></article><table><tr><td class="angka"></td> </tr> </table>'
                              b'</article></body></html>\n')


def test_a_released_pages_search_input_is_not_made_on_every_build(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A released version's pages are read from ``arsip/`` on every build, so nothing learnt of them is kept: their
    bundle is keyed by their hash (they never change), and what Pagefind is given of them is made only when it runs,
    not on every build (as much work again as hashing them). The bundle is the stored one the next time."""
    made: list[str] = []
    real = search_mod.pagefind_input

    def counted(page: bytes) -> bytes:
        made.append(page.decode("utf-8")[-40:])
        return real(page)

    monkeypatch.setattr(search_mod, "pagefind_input", counted)
    memo = Memo(tmp_path / "cache", "pagefind")
    released = {f"laporan/a-2023/1.0/bab-{i}/index.html": _search_page(footer=f"rilis {i}") for i in range(3)}
    current = {"laporan/a-2023/1.1/bab-1/index.html": _search_page(footer="kini")}
    first = search_mod.index_pages({**released, **current}, Diagnostics(), memo, fixed=released.keys())
    assert len(made) == 4  # made for Pagefind, once each
    made.clear()
    again = {path: bytes(page) for path, page in released.items()}  # read again: other bytes objects, same bytes
    assert search_mod.index_pages({**again, **current}, Diagnostics(), memo, fixed=again.keys()) == first
    assert len(made) == 1 and "Kaki kini" in made[0]  # the current page's only (a new ContentHashes: learnt again)


def test_a_chapter_pages_search_input_is_made_around_its_body(site) -> None:
    """On a build's pages: what Pagefind is given of a chapter page is what it is given around the chapter's body,
    with the body's own input in its place (so a change around the body keys the bundle without making the body's
    input again)."""
    _root, result = site
    chapters = sorted(p for p in result.files.bodies if p.startswith("laporan/"))
    assert len(chapters) >= 6
    for path in chapters:
        page, (start, end) = result.files[path], result.files.bodies[path]
        found = search_mod.around_body(page, (start, end))
        assert found is not None, path
        head, tail, tag = found
        assert search_mod._body_input(page[start:end], tag), path  # neutral
        assert head + searchable(page[start:end]) + tail == pagefind_input(page), path


@pytest.mark.parametrize("body, neutral", [
    (b"<p>Camat menyusun laporan.</p><table><tr><td class='angka'>96,61 %</td></tr></table>", True),
    (b"<article><p>bersarang</p></article>", True),
    (b"<h1>Judul kedua</h1>", False),  # Pagefind would take the result's title from it
    (b"</article><p>di luar</p><article>", False),  # would close the indexed element
    (b"<div data-pagefind-body>lagi</div>", False),  # a second marker: the whole page
])
def test_a_pages_search_key_in_parts_follows_its_whole_input(body: bytes, neutral: bool) -> None:
    """The key of a page read in parts changes with what Pagefind is given and only with it: the portal's title
    changes nothing, another body does; a body that is not neutral is keyed by the whole page's input, as before."""
    def page(title: str, inner: bytes) -> tuple[bytes, tuple[int, int]]:
        whole = _search_page(title=title)
        at = whole.index(b"<p>Camat")
        return whole[:at] + inner + whole[at:], (at, at + len(inner))

    hashes = ContentHashes()
    keys, given = [], []
    for title, inner in (("A", body), ("B", body), ("A", body + b"<p>lain</p>")):
        data, span = page(title, inner)
        keys.append(search_mod.input_in_parts(hashes, data, span)(data))
        given.append(pagefind_input(data))
        assert (keys[-1] == search_mod._input_digest(given[-1])) is not neutral
    assert [k == keys[0] for k in keys] == [g == given[0] for g in given]
    assert not neutral or [k == keys[0] for k in keys] == [True, True, False]


def test_a_chart_left_open_in_a_body_keys_the_page_by_its_whole_input() -> None:
    """An inline chart left open in a chapter's raw HTML takes in the page up to the next chart's end (a footer's
    icon): the indexed text then holds the footer, so another footer is another key (found by a fuzzer: the cached
    build published the old bundle)."""
    def page(footer: str) -> tuple[bytes, tuple[int, int]]:
        whole = _search_page(footer=f'<svg class="ikon"></svg> {footer}')
        at, inner = whole.index(b"<p>Camat"), b'<p>Isi</p><svg class="x">'
        return whole[:at] + inner + whole[at:], (at, at + len(inner))

    hashes = ContentHashes()
    (first, span), (second, same) = page("awal"), page("ganti")
    assert pagefind_input(first) != pagefind_input(second)
    assert search_mod.input_in_parts(hashes, first, span)(first) != search_mod.input_in_parts(
        hashes, second, same)(second)


def test_a_page_taken_from_the_memo_is_keyed_for_search_as_when_it_was_rendered(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A chapter edit takes the other pages from the memo, without knowing from rendering where their bodies lie:
    they are keyed as when they were rendered (their bodies' place learnt then), so no other bundle is made again.
    Keyed whole instead, every year was indexed again on every chapter edit after a change around every page."""
    runs: list[int] = []
    real = search_mod._run_pagefind

    def counted(pages, *args, **kwargs):  # type: ignore[no-untyped-def]
        runs.append(len(pages))
        return real(pages, *args, **kwargs)

    monkeypatch.setattr(search_mod, "_run_pagefind", counted)
    pages, facts, bundles_memo = Memo(tmp_path / "cache", "halaman"), tmp_path / "cache" / FACTS_FILE, \
        Memo(tmp_path / "cache", "pagefind")
    files, bodies = {}, {}
    for year in (2023, 2024):
        whole = _search_page(title="A").replace(b"2023", str(year).encode())
        at = whole.index(b"<p>Camat")
        path = f"laporan/a-{year}/1.0/bab-1/index.html"
        files[path], bodies[path] = pages.store(pages.key(path), whole), (at, at + len(b"<p>Camat menyusun"))
    rendered = ContentHashes()
    rendered.load(facts)
    first = search_mod.index_pages(SiteFiles(files, bodies), Diagnostics(), bundles_memo, rendered)
    rendered.keep(files)
    rendered.save()
    assert runs == [1, 1]
    later = ContentHashes()  # the next build: the same pages from the memo, their bodies' places not rendered
    later.load(facts)
    assert search_mod.index_pages(SiteFiles(files), Diagnostics(), bundles_memo, later) == first
    assert runs == [1, 1]


@pytest.mark.parametrize("page", [
    b'<html lang="id"><body><header>Portal</header><article data-pagefind-body><p>Isi</p></body></html>',  # unclosed
    b'<html><body><article data-pagefind-body>Satu</article><div data-pagefind-body>Dua</div></body></html>',
    b'<html><body><p title="data-pagefind-body"><h1>x</h1></p><article>Isi</article></body></html>',  # a value
    b'<html><body><article data-pagefind-body><p>Isi tanpa judul</p></article></body></html>',  # no h1
    b'<html><body><article>Isi</article></body></html>',  # nothing marked
])
def test_pagefind_is_given_the_whole_page_when_its_indexed_element_is_unclear(page: bytes) -> None:
    assert pagefind_input(page) == searchable(page)


def test_search_bundles_are_the_indexed_pages_by_report_year_newest_first() -> None:
    def page(year: str | None) -> bytes:
        meta = f'<span data-pagefind-meta="tahun">{year}</span>' if year else ""
        return f'<article data-pagefind-body><div hidden data-pagefind-ignore>{meta}</div>Isi</article>'.encode()

    files = {"laporan/a-2022/1.0/index.html": page("2022"), "laporan/b-2024/1.0/bab-1/index.html": page("2024"),
             "laporan/b-2024/1.0/index.html": page("2024"), "laporan/lama/1.0/index.html": page(None),
             "index.html": b"<main>Beranda</main>", "laporan/a-2022/1.0/data.csv": b"tahun,nilai"}
    groups = pages_by_year(files)
    assert list(groups) == ["2024", "2022", "lain"]  # a release without the year in its metadata: its own, last
    assert sorted(groups["2024"]) == ["laporan/b-2024/1.0/bab-1/index.html", "laporan/b-2024/1.0/index.html"]
    assert "index.html" not in {p for g in groups.values() for p in g}  # the home page is no search result


@given(st.dictionaries(st.sampled_from(["2024", "2023", "lain"]),
                       st.lists(st.integers(min_value=1, max_value=9), min_size=1, max_size=8), min_size=1),
       st.integers(min_value=1, max_value=12))
def test_a_years_pages_are_cut_into_bundles_of_whole_reports_in_path_order(reports: dict[str, list[int]],
                                                                          limit: int) -> None:
    """``bundles``: every page in exactly one bundle of its own year; a report never cut; no bundle over the limit
    unless it is one report alone; the reports in path order, each bundle as full as the next report allows; the
    first bundle of a year named by the year (a year within the limit is the one bundle it always was)."""
    years = {year: {f"laporan/r{k:02d}-{year}/1.0/{page}/index.html": b"" for k, count in enumerate(counts)
                    for page in range(count)} for year, counts in reports.items()}
    out = bundles(years, limit)
    assert sorted(p for pages in out.values() for p in pages) == sorted(p for pages in years.values() for p in pages)
    for year, counts in reports.items():
        names = [name for name in out if name == year or name.startswith(f"{year}-")]
        assert names == [year] + [f"{year}-{k}" for k in range(2, len(names) + 1)]
        slugs = [sorted({p.split("/")[1] for p in out[name]}) for name in names]
        assert [s for part in slugs for s in part] == [f"r{k:02d}-{year}" for k in range(len(counts))]  # in order
        sizes = [len(out[name]) for name in names]
        for size, part in zip(sizes, slugs):
            assert size <= limit or len(part) == 1
        for k in range(len(names) - 1):  # each bundle as full as it could be: the next report did not fit
            next_report = counts[sum(len(part) for part in slugs[:k + 1])]
            assert sizes[k] + next_report > limit
    assert list(out) == [n for year in years for n in out if n == year or n.startswith(f"{year}-")]  # years' order


def test_a_failing_search_index_stops_the_build_before_writing(project: Path, monkeypatch, epoch) -> None:  # type: ignore[no-untyped-def]
    before = sorted(p.relative_to(project / "build") for p in (project / "build").rglob("*"))
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(project / "tidak-ada" / "pagefind"))
    with pytest.raises(ContentError) as err:
        build(BuildOptions(root=project, pdf=False, cache_dir=project / ".cache", use_cache=False))
    assert "indeks pencarian (Pagefind) tidak dapat dibuat" in "\n".join(d.message for d in err.value.diagnostics.items)
    assert sorted(p.relative_to(project / "build") for p in (project / "build").rglob("*")) == before


def test_pagefinds_scratch_copy_goes_to_memory_when_it_has_room(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A bundle's pages are written for Pagefind on the memory file system (fast to make and remove thousands of
    files) when it exists, is writable and has room for three times the pages and a margin; else, or when the user
    set TMPDIR, in Python's temporary folder, as before."""
    memory = tmp_path / "shm"
    memory.mkdir()
    monkeypatch.setattr(search_mod, "MEMORY_SCRATCH", memory)
    monkeypatch.delenv("TMPDIR", raising=False)
    free = {"bytes": 100 * 1024 * 1024}

    class Room:
        f_frsize = 4096

        @property
        def f_bavail(self) -> int:
            return free["bytes"] // 4096

    monkeypatch.setattr(search_mod.os, "statvfs", lambda path: Room())
    margin = search_mod.SCRATCH_MARGIN
    assert search_mod.scratch_folder(10 * 1024 * 1024) == memory
    free["bytes"] = 3 * 10 * 1024 * 1024 + margin
    assert search_mod.scratch_folder(10 * 1024 * 1024) == memory
    free["bytes"] -= 4096
    assert search_mod.scratch_folder(10 * 1024 * 1024) is None  # a container's small /dev/shm
    free["bytes"] = 100 * 1024 * 1024
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    assert search_mod.scratch_folder(1) is None  # the user's choice
    monkeypatch.delenv("TMPDIR")
    monkeypatch.setattr(search_mod, "MEMORY_SCRATCH", tmp_path / "tidak-ada")
    assert search_mod.scratch_folder(1) is None


def test_scratch_copies_that_killed_builds_left_in_memory_are_removed(tmp_path: Path) -> None:
    """A build killed while Pagefind ran leaves its scratch copy in memory until the machine restarts: the next
    build that indexes removes this user's copies older than any run can last, and nothing else."""
    old, fresh, other = (tmp_path / f"{search_mod.SCRATCH_PREFIX}lama", tmp_path / f"{search_mod.SCRATCH_PREFIX}baru",
                         tmp_path / "milik-program-lain")
    for folder in (old, fresh, other):
        (folder / "situs").mkdir(parents=True)
        (folder / "situs" / "index.html").write_bytes(b"<html></html>")
    now = 1_800_000_000.0
    for folder, age in ((old, search_mod.STALE_AFTER_S + 1), (fresh, 60), (other, 10 * search_mod.STALE_AFTER_S)):
        os.utime(folder, (now - age, now - age))
    search_mod.sweep_scratch(tmp_path, now=now)
    assert not old.exists() and fresh.is_dir() and other.is_dir()


def test_a_bundle_that_cannot_be_made_in_memory_is_made_on_disk_and_kept_as_such(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Were the memory file system to fill while Pagefind runs, the bundle is made again in the temporary folder and
    memoised under that kind (bundles made on either are not mixed under one key): no build fails for it."""
    page = (b'<!doctype html><html lang="id"><head><title>Contoh</title></head><body><article data-pagefind-body>'
            b'<span data-pagefind-meta="tahun">2024</span><p>Kecamatan Contoh</p></article></body></html>')
    files = {"laporan/a-2024/1.0/index.html": page}
    memory = tmp_path / "shm"
    memory.mkdir()
    monkeypatch.setattr(search_mod, "scratch_folder", lambda need: memory)
    calls: list[Path | None] = []
    real = search_mod._run_pagefind

    def pagefind(pages: dict[str, bytes], scratch: Path | None = None,
                 made: dict[str, bytes] | None = None) -> dict[str, bytes]:
        calls.append(scratch)
        if scratch is not None:
            raise OSError(28, "No space left on device")
        return real(pages, scratch, made)

    monkeypatch.setattr(search_mod, "_run_pagefind", pagefind)
    memo = Memo(tmp_path / "cache", "pagefind")
    diags = Diagnostics()
    index = search_mod.index_pages(files, diags, memo)
    assert not diags.errors and calls == [memory, None]
    assert any(path.endswith("pagefind-entry.json") for path in index)
    monkeypatch.setattr(search_mod, "scratch_folder", lambda need: None)
    assert search_mod.index_pages(files, Diagnostics(), memo) == index and calls == [memory, None]  # from the memo
    monkeypatch.setattr(search_mod, "scratch_folder", lambda need: memory)
    monkeypatch.setattr(search_mod, "_run_pagefind", real)
    made = search_mod.index_pages(files, Diagnostics(), memo)  # in memory this time: another key, made there
    assert set(made) == set(index) and (memory.is_dir() and not any(memory.iterdir()))


# ------------------------------------------------------------------------------------------------ CSP


class _Inline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.csp: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        a = dict(attrs)
        if "style" in a:
            self.problems.append(f"style= pada <{tag}>")
        if any(k.startswith("on") for k in a):
            self.problems.append(f"atribut on… pada <{tag}>")
        if tag == "script" and "src" not in a and a.get("type") != "application/json":
            self.problems.append("<script> sebaris")
        if tag == "style":
            self.problems.append("<style> sebaris")
        if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy":
            self.csp.append(a.get("content") or "")


def test_every_page_carries_the_policy_and_nothing_inline(site) -> None:  # type: ignore[no-untyped-def]
    out, _ = site
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        parser = _Inline()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.csp == [META_POLICY], page
        assert parser.problems == [], (page, parser.problems[:5])
    assert "'unsafe-inline'" not in META_POLICY and "'unsafe-eval'" not in META_POLICY
    headers = _page(out, "_headers")
    assert f"Content-Security-Policy: {META_POLICY}; frame-ancestors 'self'" in headers


# ------------------------------------------------------------------------------------------------ SVG images


@pytest.mark.parametrize(("svg", "line", "words"), [
    ('<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script></svg>', 2, "<script>"),
    ('<svg xmlns="http://www.w3.org/2000/svg"\n onload="alert(1)"></svg>', 1, "'onload'"),
    ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">\n\n'
     '<a x:href=" jav&#x09;ascript:alert(1)"><text>x</text></a></svg>', 3, "javascript:"),
    ('<svg xmlns="http://www.w3.org/2000/svg">\n<image href="https://contoh.net/a.png"/></svg>', 2, "di luar gambar"),
    ('<svg xmlns="http://www.w3.org/2000/svg">\n<rect style="fill:url(http://x/y#a)"/></svg>', 2, "url(http://x/y#a)"),
    ('<svg xmlns="http://www.w3.org/2000/svg">\n<foreignObject/></svg>', 2, "<foreignObject>"),
    ('<?xml-stylesheet href="http://x/a.css"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', 1, "xml-stylesheet"),
    ('<!DOCTYPE svg [<!ENTITY x "y">]>\n<svg xmlns="http://www.w3.org/2000/svg">&x;</svg>', 1, "entitas"),
    ('<svg xmlns="http://www.w3.org/2000/svg">\n<rect></svg>', 2, "tidak dapat dibaca"),
])
def test_unsafe_svg_is_an_error_at_its_line(tmp_path: Path, svg: str, line: int, words: str) -> None:
    _refused_at(tmp_path, svg, line, words)


def _refused_at(tmp_path: Path, svg: str, line: int, words: str) -> None:
    """``svg`` fails the check, with an error at ``line`` whose message holds ``words``."""
    path = tmp_path / "logo.svg"
    path.write_text(svg, encoding="utf-8")
    diags = Diagnostics()
    assert check_svg(path, "gambar/logo.svg", diags) is False
    assert any(d.line == line and words in d.message for d in diags.errors), [d.format() for d in diags.items]


def test_safe_svg_passes(tmp_path: Path) -> None:
    path = tmp_path / "logo.svg"
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
                    '<defs><linearGradient id="g"/></defs><rect fill="url(#g)"/><use xlink:href="#g"/>'
                    '<image href="data:image/png;base64,iVBORw0KGgo="/></svg>', encoding="utf-8")
    diags = Diagnostics()
    assert check_svg(path, "gambar/logo.svg", diags) is True and not diags.items


_SVG_H = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml">\n'
_OUTSIDE = "memuat berkas dari luar gambar (url(http://x/a)); hanya url(#id)"


@pytest.mark.parametrize(("svg", "line", "words"), [
    # expat hands character data over in pieces: split at a line end, an entity, a CDATA section
    pytest.param(_SVG_H + "<style>\nrect { fill:url(\nhttp://x/a) }</style></svg>", 3, _OUTSIDE, id="url-line-end"),
    pytest.param(_SVG_H + "<style>\nrect { fill:ur&#108;(http://x/a) }</style></svg>", 3, _OUTSIDE, id="url-charref"),
    pytest.param(_SVG_H + "<style>\nrect { fill:ur<![CDATA[l(http://x/a)]]> }</style></svg>", 3, _OUTSIDE,
                 id="url-cdata"),
    # CSS escapes, in a style element and in a style attribute
    pytest.param(_SVG_H + "<style>\nrect { fill:u\\72l(http://x/a) }</style></svg>", 3, _OUTSIDE, id="url-escape"),
    pytest.param(_SVG_H + '\n<rect style="fill:u\\72 l(http://x/a)"/></svg>', 3,
                 "atribut 'style' " + _OUTSIDE, id="url-escape-attribute"),
    pytest.param(_SVG_H + '<style>\n@\\69mport "http://x/a.css";</style></svg>', 3, "(@import)", id="import-escape"),
    pytest.param(_SVG_H + '<style>\n@imp&#111;rt "http://x/a.css";</style></svg>', 3, "(@import)",
                 id="import-charref"),
    pytest.param(_SVG_H + '<style>\nrect { fill:image-set("http://x/a.png" 1x) }</style></svg>', 3,
                 "memakai image-set(), yang memuat berkas dari luar gambar", id="image-set"),
    # HTML elements inside the SVG load files or send the reader elsewhere
    pytest.param(_SVG_H + '\n<h:img srcset="http://x/a.png"/></svg>', 3, "<h:img> adalah elemen HTML, bukan SVG",
                 id="html-img"),
    pytest.param(_SVG_H + '\n<h:video poster="http://x/a.png"/></svg>', 3, "<h:video> adalah elemen HTML",
                 id="html-video"),
    pytest.param(_SVG_H + '\n<h:table background="http://x/a.png"/></svg>', 3, "<h:table> adalah elemen HTML",
                 id="html-table"),
    pytest.param(_SVG_H + '\n<h:source srcset="http://x/a.png"/></svg>', 3, "<h:source> adalah elemen HTML",
                 id="html-source"),
    pytest.param(_SVG_H + '\n<h:link rel="preload" as="image" imagesrcset="http://x/a.png"/></svg>', 3,
                 "<h:link> adalah elemen HTML", id="html-link"),
    pytest.param(_SVG_H + '\n<h:meta http-equiv="refresh" content="0;url=http://x/"/></svg>', 3,
                 "<h:meta> adalah elemen HTML", id="html-meta-refresh"),
    # the same attributes are refused on any element, whatever its namespace
    pytest.param(_SVG_H + '\n<image srcset="http://x/a.png"/></svg>', 3,
                 "atribut 'srcset' memuat berkas atau membuka alamat di luar gambar; simpan ulang gambar tanpa",
                 id="srcset-on-svg"),
    pytest.param(_SVG_H + '\n<g http-equiv="refresh"/></svg>', 3, "atribut 'http-equiv'", id="http-equiv-on-svg"),
    pytest.param('<svg xmlns="http://www.w3.org/2000/svg" xmlns:m="http://www.w3.org/1998/Math/MathML">\n'
                 '<m:math><m:mglyph src="http://x/a.png"/></m:math></svg>', 2, "<m:math> adalah elemen MathML",
                 id="mathml"),
    pytest.param("<svg>\n<rect/></svg>", 1, "<svg> tidak berada dalam namespace SVG", id="no-namespace"),
    # url() names a part of the image only; a comment must not make a path look like a fragment
    pytest.param(_SVG_H + "<style>\nrect { fill:url(/**/#a) }</style></svg>", 3, "url(/**/#a)", id="url-comment"),
    pytest.param(_SVG_H + '\n<rect fill="url(data:image/png;base64,iVBORw0KGgo=)"/></svg>', 3,
                 "hanya url(#id)", id="url-data"),
    pytest.param(_SVG_H + '<style>\n@imp<g/>ort "http://x/a.css";</style></svg>', 3,
                 "<g> berada di dalam <style>", id="element-in-style"),
    pytest.param(_SVG_H + '<a>\n<animate attributeName=" href" values="http://x/"/></a></svg>', 3,
                 "mengubah tautan gambar", id="animate-href-spaced"),
    # an animation that writes a handler (or a fetching attribute) rather than the file writing it
    pytest.param(_SVG_H + '\n<set attributeName="onload" to="alert(1)"/></svg>', 3,
                 "elemen <set> memberi atribut 'onload' (yang menjalankan kode", id="set-onload"),
    pytest.param(_SVG_H + '<rect>\n<animate attributeName="ONclick" values="alert(1)"/></rect></svg>', 3,
                 "atribut 'onclick'", id="animate-onclick"),
])
def test_svg_checker_bypasses_are_errors_at_their_line(tmp_path: Path, svg: str, line: int, words: str) -> None:
    """What a security probe got past the checker, each opening an outside URL in a browser: the checker reads the
    file as the browser does (joined text, CSS escapes) and allows SVG elements only."""
    _refused_at(tmp_path, svg, line, words)


def _embedded_png(width: int, height: int) -> str:
    """A ``data:`` URL of a PNG whose header declares ``width`` x ``height`` pixels (its data one zero byte)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00")) + chunk(b"IEND", b""))
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


_SVG = '<svg xmlns="http://www.w3.org/2000/svg"'


@pytest.mark.parametrize(("svg", "line", "words"), [
    pytest.param(_SVG + '\n width="100000000" height="100000000"/>', 1, "ukuran 100.000.000 × 100.000.000 piksel",
                 id="canvas"),
    pytest.param(_SVG + ' width="8in" height="300in"/>', 1, "ukuran 768 × 28.800 piksel", id="canvas-inches"),
    pytest.param(_SVG + ' width="1e999"/>', 1, "ukuran inf × ? piksel", id="canvas-infinite"),
    pytest.param(_SVG + ' viewBox="0 0 1e9 1e9"/>', 1, "viewBox gambar SVG ini menyatakan bidang 1.000.000.000 × "
                 "1.000.000.000", id="viewbox"),
    pytest.param(_SVG + ' viewBox="0,0,1,100000"/>', 1, "bidang 1 × 100.000", id="viewbox-tall"),
    pytest.param(_SVG + '>\n' + "<g/>" * 50_001 + "</svg>", 2, "lebih dari 50.000 elemen", id="elements"),
    pytest.param(_SVG + '>' + "<g>\n" * 300 + "</g>" * 300 + "</svg>", 256, "bersarang lebih dari 256 tingkat",
                 id="depth"),
    pytest.param(_SVG + '>\n<image href="' + _embedded_png(100_000, 100_000) + '"/></svg>', 2,
                 "menyisipkan gambar PNG berukuran 100.000 × 100.000 piksel", id="embedded-png"),
])
def test_an_svg_too_large_to_show_is_an_error(tmp_path: Path, svg: str, line: int, words: str) -> None:
    """A raster's size in pixels is limited; an SVG's declared canvas, its viewBox, its element count and nesting,
    and a raster embedded in it were not, and a few bytes could make a canvas a browser cannot hold, or a PDF that
    takes minutes to make."""
    _refused_at(tmp_path, svg, line, words)


def test_an_svg_of_ordinary_size_passes(tmp_path: Path) -> None:
    """A drawing program's page in millimetres, a percentage size, a few thousand elements, a small embedded PNG."""
    path = tmp_path / "logo.svg"
    path.write_text(_SVG + ' width="210mm" height="297mm" viewBox="0 0 210 297">' + "<g><rect/></g>" * 5000
                    + '<svg width="100%" viewBox="0 0 20000 2500"/><image href="' + _embedded_png(800, 600)
                    + '"/></svg>', encoding="utf-8")
    diags = Diagnostics()
    assert check_svg(path, "gambar/logo.svg", diags) is True and not diags.items


def test_an_svg_saved_by_a_drawing_program_passes(tmp_path: Path) -> None:
    """Inkscape's metadata is inert to browsers; styles with comments, quoted fragments and upper case pass."""
    path = tmp_path / "logo.svg"
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
                    'xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" '
                    'xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" '
                    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:cc="http://creativecommons.org/ns#" '
                    'xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
                    '<sodipodi:namedview id="base" inkscape:zoom="1"/>\n<metadata><rdf:RDF><cc:Work rdf:about="">'
                    '<dc:format>image/svg+xml</dc:format></cc:Work></rdf:RDF></metadata>\n'
                    '<defs><style>/* warna */\n.a { fill: url( "#g" ) } .b { fill: URL(#g) }</style>'
                    '<linearGradient id="g" gradientTransform="rotate(45)"/></defs>\n'
                    '<rect class="a" style="fill:url(#g);stroke:rgb(1,2,3)"/><text>Lihat (src) dan image (1)</text>'
                    '</svg>', encoding="utf-8")
    diags = Diagnostics()
    assert check_svg(path, "gambar/logo.svg", diags) is True and not diags.items


def test_a_logo_with_a_script_is_not_published(project: Path, epoch) -> None:  # type: ignore[no-untyped-def]
    logo = project / "content/laporan/contoh-2023/gambar/logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n'
                    '  <script>alert(document.cookie)</script>\n</svg>\n', encoding="utf-8")
    before = (project / "build/laporan/contoh-2023/1.0/gambar/logo.svg").read_bytes()
    with pytest.raises(ContentError) as err:
        build(BuildOptions(root=project, pdf=False, cache_dir=project / ".cache"))
    messages = [d.format() for d in err.value.diagnostics.errors]
    assert any(m.startswith("content/laporan/contoh-2023/gambar/logo.svg:2: galat: elemen <script>") for m in messages)
    assert (project / "build/laporan/contoh-2023/1.0/gambar/logo.svg").read_bytes() == before  # previous build kept


def test_a_reports_versions_page_leads_to_its_instansi_and_its_other_reports(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A citizen who found a kecamatan's TW I report had no way to its annual report or to the instansi's figures
    over the years but the home page: the versions page (each report's "Semua versi") now names both."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1707955200")
    root = tmp_path / "situs"
    assert new_report(root, "contoh-2023", 2023) == 0
    assert new_report(root, "contoh-2024-tw1", 2024, "tw1") == 0
    files = build(BuildOptions(root=root, pdf=False, use_cache=False), write=False).files
    annual = files["laporan/contoh-2023/index.html"].decode("utf-8")
    quarter = files["laporan/contoh-2024-tw1/index.html"].decode("utf-8")
    start = annual.index('<nav class="remah')
    crumbs = annual[start:annual.index("</nav>", start)]
    assert '<a href="../../instansi/kecamatan-contoh/">Kecamatan Contoh</a>' in crumbs
    assert "instansi/kecamatan-contoh/index.html" in files
    assert re.search(r'Laporan lain Kecamatan Contoh: <a href="../contoh-2024-tw1/1.0/">Triwulan I 2024</a>', annual)
    assert re.search(r'Laporan lain Kecamatan Contoh: <a href="../contoh-2023/1.0/">Tahun 2023</a>', quarter)


def test_the_404_page_links_from_the_sites_root_path_without_a_base(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Served at any missing address under /lkjip/, the 404 page had ``<base href="/lkjip/">``: its "Langsung ke
    isi" (``#isi``) then went to the home page. Its links start at the site's path instead, and ``#isi`` is its own."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1707955200")
    root = tmp_path / "situs"
    assert new_report(root, "contoh-2023", 2023) == 0
    config = root / "situs.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "url_dasar: https://lkjip.contoh.go.id/", "url_dasar: https://jdih.contohkab.go.id/lkjip/"), encoding="utf-8")
    page = build(BuildOptions(root=root, pdf=False, use_cache=False), write=False).files["404.html"].decode("utf-8")
    assert "<base" not in page
    assert '<a class="lewati" href="#isi">' in page
    links = re.findall(r'(?:href|src)="([^"]+)"', page)
    local = [u for u in links if not u.startswith(("#", "https://"))]
    assert local and all(u.startswith("/lkjip/") for u in local), local
    assert '<a href="/lkjip/">Kembali ke beranda</a>' in page


# ------------------------------------------------------------------------------------------------ kinds of instansi


@pytest.fixture(scope="module")
def kinds_portal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A kabupaten's portal of 2025: two kecamatan, Dinas Kesehatan (an annual and a TW II report), and Bappeda, whose
    name says no kind (``jenis: badan`` written); each instansi's average capaian made different."""
    root = tmp_path_factory.mktemp("portal-jenis") / "situs"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        for slug, name, realisasi in [("kec-alfa-2025", "Kecamatan Alfa", "90"),
                                      ("kec-beta-2025", "Kecamatan Beta", "70"),
                                      ("dinkes-2025", "Dinas Kesehatan", "99"), ("bappeda-2025", "Bappeda", "60")]:
            assert new_report(root, slug, tahun=2025, instansi=name) == 0
            data = root / "content" / "laporan" / slug / "data" / "indikator.yaml"
            data.write_text(data.read_text(encoding="utf-8").replace("2025: 82.5", f"2025: {realisasi}"),
                            encoding="utf-8")
        assert new_report(root, "dinkes-2025-tw2", tahun=2025, periode="tw2", instansi="Dinas Kesehatan") == 0
        meta = root / "content" / "laporan" / "bappeda-2025" / "laporan.yaml"
        meta.write_text(re.sub(r"jenis: lainnya.*", "jenis: badan", meta.read_text(encoding="utf-8")), encoding="utf-8")
        build(BuildOptions(root=root, pdf=False, cache_dir=root / ".cache", use_cache=False))
    return root / "build"


def test_a_years_comparison_ranks_each_kind_of_instansi_within_itself(kinds_portal: Path) -> None:
    """A kabupaten's year page ranked Dinas Kesehatan and Bappeda among the kecamatan in one table and one chart
    ("tertinggi: Kecamatan Alfa …; terendah: Bappeda"), their averages of unlike indicators read as one scale, and a
    DPRD member comparing kecamatan picked them out of every instansi. Each kind has its heading and table, in the
    order of a pemda's organisation (dinas, badan, kecamatan), its chart ranking that kind only; a kind of one
    instansi is not charted. The CSV keeps the page's rows in its order, each with its kind."""
    page = lxml.html.fromstring((kinds_portal / "perbandingan" / "2025" / "index.html").read_bytes())
    assert [h for h in _headings(page) if h[0] == "h3"][:3] == [
        ("h3", "Dinas (2 laporan)"), ("h3", "Badan (1 laporan)"), ("h3", "Kecamatan (2 laporan)")]
    tables = {t.get("id"): [" ".join(a.text_content().split()) for a in t.xpath("tbody/tr/th/a")]
              for t in page.xpath('//table[contains(@class, "urut")]')}
    assert tables == {"tabel-perbandingan-dinas": ["Dinas Kesehatan", "Dinas Kesehatan"],
                      "tabel-perbandingan-badan": ["Bappeda"],
                      "tabel-perbandingan-kecamatan": ["Kecamatan Alfa", "Kecamatan Beta"]}
    figures = page.xpath("//figure")
    assert [f.get("id") for f in figures] == ["grafik-perbandingan-kecamatan"]
    summary = " ".join(figures[0].xpath('string(.//p[@class="grafik-ringkasan"])').split())
    assert "tertinggi: Kecamatan Alfa" in summary and "terendah: Kecamatan Beta" in summary
    assert "Dinas" not in summary and "Bappeda" not in summary
    assert "Tanpa grafik: Dinas, Badan" in page.text_content()
    table = list(csv.DictReader(io.StringIO(_page(kinds_portal, "perbandingan/2025/perbandingan.csv"))))
    assert [(row["instansi"], row["periode"], row["jenis_instansi"]) for row in table] == [
        ("Dinas Kesehatan", "tw2", "dinas"), ("Dinas Kesehatan", "tahunan", "dinas"), ("Bappeda", "tahunan", "badan"),
        ("Kecamatan Alfa", "tahunan", "kecamatan"), ("Kecamatan Beta", "tahunan", "kecamatan")]


def test_the_portals_lists_of_instansi_follow_their_kind_at_their_addresses(kinds_portal: Path) -> None:
    """The home page's "dari tahun ke tahun" list and the comparisons' "Per instansi" ran alphabetically, Bappeda
    between nothing of its kind; they follow the kinds' order, each instansi page at the address it had."""
    home = lxml.html.fromstring((kinds_portal / "index.html").read_bytes())
    listed = [a.get("href") for a in home.xpath('//section[@class="bandingkan"]//a') if "instansi/" in a.get("href")]
    assert listed == ["instansi/dinas-kesehatan/", "instansi/bappeda/", "instansi/kecamatan-alfa/",
                      "instansi/kecamatan-beta/"]
    for href in listed:
        assert (kinds_portal / href / "index.html").is_file()
