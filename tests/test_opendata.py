"""What a researcher downloads from ``data-terbuka/`` (``output/opendata.py``): can the tables the pages print be
redone from it, and joined across its files?"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import re
from decimal import Decimal as D
from pathlib import Path

import frictionless
from conftest import SLUG, build_project
from test_compute import CARRIED_TW2, indicator, leaf, level_without_tw3, node, report

from lkjip_site.compute.report import compute_report
from lkjip_site.core.diagnostics import Diagnostics
from lkjip_site.core.model import (DATA_LICENCES, Budget, DataLicence, Loc, Missing, PerjanjianKinerja, PeriodValues,
                                   SiteConfig, TargetAwal)
from lkjip_site.load.config import load_config
from lkjip_site.output.audit import audit
from lkjip_site.output.opendata import (CATALOGUE, DATAPACKAGE, OpenDataSource, data_catalogue, open_data,
                                        portal_open_data, to_csv)
from lkjip_site.output.portal import figures_of, table_csv
from lkjip_site.output.versions import OPEN_DATA_DIR, InstansiRef, SiteHistory, VersionInfo, info_from_report

L = Loc("content/laporan/uji/data/anggaran.yaml", 1)


def quarterly_report():
    """A TW I report: P1 (program 7.01.01) targets 100 for the year and 25 by TW I; P2 has no program."""
    p1 = indicator("P1", PeriodValues(annual=D(100), quarters={"tw1": D(25)}),
                   PeriodValues(quarters={"tw1": D(25)}), tahun=2024, satuan="%", agregasi="jumlah",
                   program="7.01.01", jenis="program")
    p2 = indicator("P2", PeriodValues(annual=D(80)), PeriodValues(quarters={"tw1": D(70)}), tahun=2024)
    budget = Budget(2024, [node("program", "7.01.01", [node("kegiatan", "7.01.01.2.01", [
        leaf("7.01.01.2.01.0001", 1000, 250)])])], L)
    r = report([p1, p2], tahun=2024, periode="tw1", anggaran=budget)
    r.computed = compute_report(r, {}, "permendagri-86-2017")
    return r


def rows(files: dict, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(files[name].decode("utf-8"))))


def test_a_quarter_row_carries_the_years_target_and_the_program_it_measures() -> None:
    """Tabel 3.3 printed "Target tahunan" 100 beside TW I's 25, and the realisasi table put each indicator under its
    program; indikator.csv had only the 25 (a reader could not tell it from a year's target) and no program, so it
    could not be joined with anggaran.csv."""
    files = open_data(quarterly_report()).files
    ind = {r["indikator_id"]: r for r in rows(files, "indikator.csv")}
    assert (ind["P1"]["periode"], ind["P1"]["target"], ind["P1"]["target_tahunan"]) == ("tw1", "25", "100")
    assert ind["P1"]["kode_program"] == "7.01.01" and ind["P2"]["kode_program"] == ""
    assert ind["P2"]["target_tahunan"] == "80"
    budget = {r["kode"] for r in rows(files, "anggaran.csv")}
    assert ind["P1"]["kode_program"] in budget  # the join a researcher makes


def test_a_year_row_leaves_target_tahunan_empty() -> None:
    r = report([indicator("A", D(80), D(84), realisasi_lain={2021: PeriodValues(annual=D(70))})])
    r.computed = compute_report(r, {}, "permendagri-86-2017")
    got = [(x["tahun"], x["periode"], x["target"], x["target_tahunan"]) for x in rows(open_data(r).files,
                                                                                       "indikator.csv")]
    assert got == [("2021", "tahunan", "", ""), ("2022", "tahunan", "80", "")]


def test_the_package_with_its_new_columns_validates(tmp_path: Path) -> None:
    for name, data in open_data(quarterly_report()).files.items():
        (tmp_path / name).write_bytes(data)
    result = frictionless.validate(str(tmp_path / DATAPACKAGE))
    assert result.valid, result.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
    descriptor = json.loads((tmp_path / DATAPACKAGE).read_text(encoding="utf-8"))
    [fields] = [x["schema"]["fields"] for x in descriptor["resources"] if x["path"] == "indikator.csv"]
    names = [f["name"] for f in fields]
    assert names[-6:-4] == ["target_tahunan", "kode_program"]  # earlier columns keep their places
    assert names[-4:] == ["target_awal", "target_awal_kualitatif", "alasan_perubahan", "catatan_nilai"]


def test_a_value_taken_from_an_earlier_quarter_says_so_in_the_download(tmp_path: Path) -> None:
    """indikator.csv and laporan.json had TW II's 83 as the realisasi s.d. TW III, with nothing beside it, where the
    pages now mark it: ``catatan_nilai`` (at the end) says where it comes from, the capaian's note says it too, and
    the package with the column validates."""
    files = open_data(level_without_tw3()).files
    [row] = rows(files, "indikator.csv")
    assert (row["periode"], row["realisasi"], row["capaian"]) == ("tw3", "83", "103.7500")
    assert row["catatan_nilai"] == row["catatan_capaian"] == CARRIED_TW2
    assert list(row)[-1] == "catatan_nilai"
    [ind] = json.loads(files["laporan.json"])["indikator"]
    assert ind["catatan_nilai"] == CARRIED_TW2
    assert [r["catatan_nilai"] for r in rows(open_data(quarterly_report()).files, "indikator.csv")] == ["", ""]
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    result = frictionless.validate(str(tmp_path / DATAPACKAGE))
    assert result.valid, result.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])


def test_a_pk_perubahan_publishes_the_first_targets_it_changed_and_why() -> None:
    """The pages said "dari 100 menjadi 90" under a PK Perubahan; indikator.csv and laporan.json held the 90 alone,
    so the quarterly reports published before the revision (measured against 100) disagreed with the download
    without a word. The report year's row carries the PK awal's target and the reason; other rows stay empty."""
    p1 = indicator("P1", PeriodValues(annual=D(90), quarters={"tw1": D(25), "tw2": D(25), "tw3": D(20)}),
                   PeriodValues(quarters={"tw1": D(25), "tw2": D(25), "tw3": D(20)}), tahun=2024, agregasi="jumlah",
                   realisasi_lain={2023: PeriodValues(annual=D(95))})
    p2 = indicator("P2", "B", "B", tahun=2024)
    p3 = indicator("P3", D(80), PeriodValues(quarters={"tw1": D(70)}), tahun=2024)
    pk = PerjanjianKinerja(2024, "perubahan", dt.date(2024, 9, 20), ["S1"], [], [], L,
                           target_awal=[TargetAwal("P1", D(100), "Anggaran dikurangi pada APBD Perubahan", L),
                                        TargetAwal("P2", "BB", "", L),
                                        TargetAwal("P3", Missing("indikator baru"), "", L)],
                           alasan_perubahan="Penyesuaian dengan APBD Perubahan")
    r = report([p1, p2, p3], tahun=2024, periode="tw3", pk=pk)
    r.computed = compute_report(r, {}, "permendagri-86-2017")
    files = open_data(r).files
    got = [(x["indikator_id"], x["tahun"], x["target_awal"], x["target_awal_kualitatif"], x["alasan_perubahan"])
           for x in rows(files, "indikator.csv")]
    assert got == [("P1", "2023", "", "", ""),
                   ("P1", "2024", "100", "", "Anggaran dikurangi pada APBD Perubahan"),
                   ("P2", "2024", "", "BB", "Penyesuaian dengan APBD Perubahan"),
                   ("P3", "2024", "", "", "target awal tidak ada: indikator baru; Penyesuaian dengan APBD Perubahan")]
    doc = json.loads(files["laporan.json"])
    assert [x["target_awal"] for x in doc["indikator"]] == [None, 100, None, None]


def quarter_two_report():
    """A TW II report: K1 counts 10+15 against 20/20/30/30, K2 a grade; two sub kegiatan spend per quarter (one
    also a TW III the report does not add), one gives s.d. TW II whole; each has an output indicator."""
    k1 = indicator("K1", PeriodValues(annual=D(100), quarters={q: D(v) for q, v in
                                                               zip(("tw1", "tw2", "tw3", "tw4"), (20, 20, 30, 30))}),
                   PeriodValues(quarters={"tw1": D(10), "tw2": D("15.5")}), tahun=2024, agregasi="jumlah")
    k2 = indicator("K2", PeriodValues(annual="BB", quarters={"tw1": "B", "tw2": "BB"}),
                   PeriodValues(quarters={"tw1": "B", "tw2": Missing("survei belum selesai")}), tahun=2024,
                   kualitatif=["C", "B", "BB", "A"])
    year = indicator("Y", D(80), D(84), tahun=2024)
    out = dict(indikator="Dokumen", satuan="dokumen", target=D(4), realisasi_output=D(2))
    budget = Budget(2024, [node("program", "7.01.01", [node("kegiatan", "7.01.01.2.01", [
        leaf("7.01.01.2.01.0001", 1000, Missing("belum setahun"), realisasi_tw={"tw1": D(100), "tw2": D("250.5")},
             **out),
        leaf("7.01.01.2.01.0002", 500, Missing("belum setahun"),
             realisasi_tw={"tw1": D(50), "tw2": D(60), "tw3": D(70)}, indikator="Laporan", target="BB"),
    ]), node("kegiatan", "7.01.01.2.02", [leaf("7.01.01.2.02.0001", 300, 120)])])], L)
    r = report([k1, k2, year], tahun=2024, periode="tw2", anggaran=budget)
    r.computed = compute_report(r, {}, "permendagri-86-2017")
    return r


def test_the_pagu_before_the_apbd_perubahan_is_published_beside_the_pagu() -> None:
    """The budget table prints Pagu awal beside Pagu perubahan when a sub kegiatan writes ``pagu_awal``; anggaran.csv
    and laporan.json had the final pagu only. The column comes last (a reader by position keeps working); a parent's
    is the sum of its rows below (an unchanged sub kegiatan counts its pagu); empty when the report records no change,
    not a copy of the pagu that would say "unchanged" where nobody did."""
    r = quarter_two_report()
    assert {x["kode"]: x["pagu_awal"] for x in rows(open_data(r).files, "anggaran.csv")} == dict.fromkeys(
        ("7.01.01", "7.01.01.2.01", "7.01.01.2.01.0001", "7.01.01.2.01.0002", "7.01.01.2.02", "7.01.01.2.02.0001"),
        "")
    r.data.anggaran.program[0].children[0].children[1].pagu_awal = D(800)  # 500 after the APBD Perubahan
    r.data.anggaran.program[0].children[1].children[0].pagu_awal = D(0)  # new in the DPPA: 300
    r.computed = compute_report(r, {}, "permendagri-86-2017")
    files = open_data(r).files
    table = rows(files, "anggaran.csv")
    assert list(table[0])[-2:] == ["pagu_awal", "sasaran_id"]  # pagu_awal kept its place; later columns after it
    assert {x["kode"]: (x["pagu_awal"], x["pagu"]) for x in table} == {
        "7.01.01": ("1800", "1800"), "7.01.01.2.01": ("1800", "1500"), "7.01.01.2.01.0001": ("1000", "1000"),
        "7.01.01.2.01.0002": ("800", "500"), "7.01.01.2.02": ("0", "300"), "7.01.01.2.02.0001": ("0", "300")}
    tree = json.loads(files["laporan.json"])["anggaran"]
    assert (tree["pagu_awal"], tree["pagu"], tree["program"][0]["rincian"][1]["pagu_awal"]) == (1800, 1800, 0)
    assert {x["kunci"]: x["nilai"] for x in rows(files, "angka-kunci.csv")}["anggaran.pagu_awal"] == "1800"


def test_each_quarters_target_and_realisasi_is_published_as_the_quarterly_table_prints_them() -> None:
    """A quarterly report's "Target dan Realisasi Indikator Kegiatan per Triwulan" printed every quarter's target
    and realisasi; indikator.csv had only the value s.d. TW n, so TW I's realisasi could not be had from any
    download. triwulan.csv joins indikator.csv on indikator_id and tahun."""
    files = open_data(quarter_two_report()).files
    got = [(r["indikator_id"], r["triwulan"], r["berjalan"], r["target"], r["target_kualitatif"], r["realisasi"],
            r["realisasi_kualitatif"], r["agregasi"], r["alasan_kosong"]) for r in rows(files, "triwulan.csv")]
    assert got == [
        ("K1", "tw1", "true", "20", "", "10", "", "jumlah", ""),
        ("K1", "tw2", "true", "20", "", "15.5", "", "jumlah", ""),
        ("K1", "tw3", "false", "30", "", "", "", "jumlah", ""),  # planned, not yet due
        ("K1", "tw4", "false", "30", "", "", "", "jumlah", ""),
        ("K2", "tw1", "true", "", "B", "", "B", "terakhir", ""),
        ("K2", "tw2", "true", "", "BB", "", "", "terakhir", "realisasi tidak tersedia: survei belum selesai"),
        ("K2", "tw3", "false", "", "", "", "", "terakhir", ""),
        ("K2", "tw4", "false", "", "", "", "", "terakhir", ""),
    ]  # Y has no quarterly values: no rows
    ind = {(r["indikator_id"], r["tahun"]): r for r in rows(files, "indikator.csv")}
    assert ind[("K1", "2024")]["realisasi"] == "25.5"  # the cumulative the quarters add up to
    doc = json.loads(files["laporan.json"])
    assert doc["triwulan"][1]["realisasi"] == 15.5 and doc["triwulan"][0]["berjalan"] is True


def test_an_annual_report_without_quarters_publishes_no_quarterly_file(tmp_path: Path) -> None:
    """No quarterly value, no triwulan.csv (not a header without rows); the package lists the files there are."""
    r = report([indicator("A", D(80), D(84))])
    r.computed = compute_report(r, {}, "permendagri-86-2017")
    files = open_data(r).files
    assert "triwulan.csv" not in files and json.loads(files["laporan.json"])["triwulan"] == []
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    result = frictionless.validate(str(tmp_path / DATAPACKAGE))
    assert result.valid, result.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
    assert "triwulan" not in [x["name"] for x in json.loads(files[DATAPACKAGE])["resources"]]


def test_the_budget_carries_each_quarters_spending_and_the_output_indicators() -> None:
    """Tabel 3.1 of a quarterly report printed each sub kegiatan's output indicator, its target and realisasi, and
    the data held each quarter's spending; anggaran.csv had only the money s.d. TW n. The new columns come last,
    so a reader by position keeps working; a parent's quarter is the sum of its sub kegiatan's only when each has
    it (one given s.d. TW II whole has none), and a quarter after the report's is left out."""
    files = open_data(quarter_two_report()).files
    table = rows(files, "anggaran.csv")
    assert list(table[0])[:8] == ["kode", "kode_induk", "tingkat", "nama", "pagu", "realisasi", "serapan", "sisa"]
    got = {r["kode"]: (r["realisasi"], r["realisasi_tw1"], r["realisasi_tw2"], r["realisasi_tw3"],
                       r["realisasi_tw4"]) for r in table}
    assert got == {
        "7.01.01": ("580.5", "", "", "", ""),  # 7.01.01.2.02.0001 has no quarters
        "7.01.01.2.01": ("460.5", "150", "310.5", "", ""),
        "7.01.01.2.01.0001": ("350.5", "100", "250.5", "", ""),
        "7.01.01.2.01.0002": ("110", "50", "60", "", ""),  # its TW III is not added, nor published
        "7.01.01.2.02": ("120", "", "", "", ""),
        "7.01.01.2.02.0001": ("120", "", "", "", ""),
    }
    out = {r["kode"]: (r["indikator_output"], r["satuan_output"], r["target_output"], r["target_output_kualitatif"],
                       r["realisasi_output"], r["realisasi_output_kualitatif"]) for r in table}
    assert out["7.01.01.2.01.0001"] == ("Dokumen", "dokumen", "4", "", "2", "")
    assert out["7.01.01.2.01.0002"] == ("Laporan", "", "", "BB", "", "")
    tree = json.loads(files["laporan.json"])["anggaran"]["program"][0]["rincian"][0]
    assert (tree["realisasi_tw2"], tree["rincian"][0]["target_output"]) == (310.5, 4)


def test_the_package_with_the_quarterly_columns_validates(tmp_path: Path) -> None:
    for name, data in open_data(quarter_two_report()).files.items():
        (tmp_path / name).write_bytes(data)
    result = frictionless.validate(str(tmp_path / DATAPACKAGE))
    assert result.valid, result.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
    package = frictionless.Package(str(tmp_path / DATAPACKAGE))
    quarters = package.get_resource("triwulan").read_rows()
    assert quarters[0]["berjalan"] is True and quarters[1]["realisasi"] == D("15.5")
    assert package.get_resource("anggaran").read_rows()[1]["realisasi_tw2"] == D("310.5")


def test_the_package_names_who_published_the_data() -> None:
    """A catalogue (Satu Data Indonesia's produsen data) reads the publisher from ``contributors``; the instansi was
    only in the description's sentence."""
    descriptor = json.loads(open_data(quarterly_report()).files[DATAPACKAGE])
    assert descriptor["contributors"] == [{"title": "Kecamatan Batu Sopang", "role": "publisher",
                                           "organization": "Pemerintah Kabupaten Paser"}]


# ------------------------------------------------------------------------------------------------ licence, catalogue

CC_BY = DataLicence("CC-BY-4.0", DATA_LICENCES["CC-BY-4.0"][0], DATA_LICENCES["CC-BY-4.0"][1])
PACKAGE = f"laporan/{SLUG}/1.0/{OPEN_DATA_DIR}/{DATAPACKAGE}"


def test_the_package_names_the_sites_licence_and_validates(tmp_path: Path) -> None:
    """A catalogue (Satu Data Indonesia's CKAN) reads ``licenses`` to call data open; no licence was named anywhere.
    A known id is the Open Definition id a catalogue matches; a licence of the site's own has its title and text."""
    for name, data in open_data(quarterly_report(), CC_BY).files.items():
        (tmp_path / name).write_bytes(data)
    result = frictionless.validate(str(tmp_path / DATAPACKAGE))
    assert result.valid, result.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
    descriptor = json.loads((tmp_path / DATAPACKAGE).read_text(encoding="utf-8"))
    assert descriptor["licenses"] == [{"name": "CC-BY-4.0",
                                       "path": "https://creativecommons.org/licenses/by/4.0/deed.id",
                                       "title": "Creative Commons Atribusi 4.0 Internasional (CC BY 4.0)"}]
    own = DataLicence("", "Lisensi Data Terbuka Kabupaten Paser", "https://data.paserkab.go.id/lisensi")
    assert json.loads(open_data(quarterly_report(), own).files[DATAPACKAGE])["licenses"] == [
        {"path": "https://data.paserkab.go.id/lisensi", "title": "Lisensi Data Terbuka Kabupaten Paser"}]
    assert "licenses" not in json.loads(open_data(quarterly_report()).files[DATAPACKAGE])


def test_a_licence_in_situs_yaml_is_read_in_both_forms(tmp_path: Path) -> None:
    site = tmp_path / "situs.yaml"
    head = "judul: Portal\npemda: Pemerintah Kabupaten Paser\nurl_dasar: https://lkjip.paserkab.go.id/\n"
    site.write_text(head + "lisensi_data: CC0-1.0\n", encoding="utf-8")
    config = load_config(tmp_path, Diagnostics())
    assert config is not None and config.lisensi_data == DataLicence("CC0-1.0", *DATA_LICENCES["CC0-1.0"])
    site.write_text(head + "lisensi_data:\n  nama: Lisensi Paser\n  url: https://paserkab.go.id/lisensi\n",
                    encoding="utf-8")
    config = load_config(tmp_path, Diagnostics())
    own = DataLicence("", "Lisensi Paser", "https://paserkab.go.id/lisensi")
    assert config is not None and config.lisensi_data == own
    site.write_text(head + "lisensi_data:\n  nama: Lisensi Paser\n", encoding="utf-8")
    diags = Diagnostics()
    assert load_config(tmp_path, diags) is None
    assert [d.format() for d in diags.errors] == ["situs.yaml:4: galat: kunci wajib 'lisensi_data.url' belum diisi"]


def _set_licence(root: Path, line: str) -> None:
    site = root / "situs.yaml"
    text = site.read_text(encoding="utf-8")
    site.write_text(re.sub(r"^#? ?lisensi_data: .*$", line, text, count=1, flags=re.M), encoding="utf-8")


def test_a_licence_written_later_is_published_by_the_next_build(project: Path, epoch: None) -> None:
    """The open data is memoised by its report's sources; the licence is not one of them, so a licence written
    (or changed) after a build kept the descriptor without it, with the report page saying otherwise."""
    build_project(project)
    assert "licenses" not in json.loads((project / "build" / PACKAGE).read_text(encoding="utf-8"))
    _set_licence(project, "lisensi_data: CC-BY-4.0")
    build_project(project)
    assert json.loads((project / "build" / PACKAGE).read_text(encoding="utf-8"))["licenses"][0]["name"] == "CC-BY-4.0"
    page = (project / "build" / f"laporan/{SLUG}/1.0/index.html").read_text(encoding="utf-8")
    assert 'rel="license">Creative Commons Atribusi 4.0 Internasional (CC BY 4.0)</a>' in page
    _set_licence(project, "lisensi_data: ODbL-1.0")
    build_project(project)
    assert json.loads((project / "build" / PACKAGE).read_text(encoding="utf-8"))["licenses"][0]["name"] == "ODbL-1.0"
    assert "ODbL" in (project / "build" / f"laporan/{SLUG}/1.0/index.html").read_text(encoding="utf-8")


def test_the_report_page_names_its_open_data_in_its_head(project: Path) -> None:
    """A harvester or a browser extension finds the files as ``<link rel="alternate">`` (the PDF's is there too);
    the link check follows them, so each names a published file."""
    page = (project / "build" / f"laporan/{SLUG}/1.0/index.html").read_text(encoding="utf-8")
    head = page[:page.index("</head>")]
    links = re.findall(r'<link rel="alternate" type="([^"]+)" href="([^"]+)"', head)
    assert ("text/csv", f"{OPEN_DATA_DIR}/indikator.csv") in links
    assert ("application/json", f"{OPEN_DATA_DIR}/{DATAPACKAGE}") in links
    for _, href in links:
        if not href.startswith("../"):
            assert (project / "build" / f"laporan/{SLUG}/1.0" / href).is_file(), href


def test_the_catalogue_lists_every_versions_package(project: Path) -> None:
    """``data-terbuka.json`` at the site root lists each version's ``datapackage.json`` with what a catalogue shows;
    the home page links it, and each address is a published file."""
    built = project / "build"
    doc = json.loads((built / CATALOGUE).read_text(encoding="utf-8"))
    base = "https://lkjip.contoh.go.id/"
    assert doc["format"] == "lkjip-katalog-data-terbuka/1" and doc["url"] == base
    [entry] = doc["paket"]
    assert entry["url"] == base + PACKAGE and entry["halaman"] == base + f"laporan/{SLUG}/1.0/"
    assert (entry["laporan"], entry["versi"], entry["tahun"], entry["periode"], entry["terbaru"]) == (
        SLUG, "1.0", 2023, "tahunan", True)
    assert entry["instansi"] and entry["pemda"] and entry["judul"]
    assert (built / entry["url"].removeprefix(base)).is_file()
    assert f'<link rel="alternate" type="application/json" href="{CATALOGUE}"' in (built / "index.html").read_text(
        encoding="utf-8")


def test_the_catalogue_skips_a_version_without_open_data_and_marks_the_newest() -> None:
    """A version released before versions published open data has no package to list; the newest is marked so a
    harvester can leave superseded figures out. Same history, same bytes."""
    def version(versi: str, archived: bool) -> VersionInfo:
        return VersionInfo("paser-2023", versi, "LKjIP Paser 2023", 2023, "tahunan", "Tahunan", dt.date(2024, 2, 1),
                           "", InstansiRef("Dinas X", "Pemerintah Kabupaten Paser"), diarsipkan=archived)
    history = SiteHistory({"paser-2023": [version("1.1", False), version("1.0", True), version("0.9", True)]})
    config = SiteConfig("Portal", "Pemerintah Kabupaten Paser", "https://lkjip.paserkab.go.id/", Loc("situs.yaml", 1))
    files = {f"laporan/paser-2023/{v}/{OPEN_DATA_DIR}/{DATAPACKAGE}" for v in ("1.1", "1.0")}
    data = data_catalogue(config, history, files)
    assert data == data_catalogue(config, history, set(files))
    got = [(p["versi"], p["terbaru"], p["diarsipkan"]) for p in json.loads(data)["paket"]]
    assert got == [("1.1", True, False), ("1.0", False, True)]


# ------------------------------------------------------------------------------------------------ comparison tables


def test_the_audit_reads_the_portals_comparison_tables() -> None:
    """``perbandingan.csv`` (the comparison table of a year, or of every year) shows each row's figures as machine
    values: the consistency audit compares them with the row's report, as it compares the report's own open data,
    so a table an inspectorate takes into its memo cannot disagree with the report it names."""
    r = quarterly_report()
    path = "perbandingan/2024/perbandingan.csv"
    table = table_csv([figures_of(r)], "https://lkjip.contoh.go.id/")
    [row] = list(csv.DictReader(io.StringIO(table.decode("utf-8"))))
    assert (row["laporan"], row["versi"], row["tahun"], row["periode"]) == (r.slug, r.versi, "2024", "tw1")
    marks = list(OpenDataSource().collect({path: table}))
    assert {m.report for m in marks} == {r.url} and all(m.machine for m in marks)
    assert {"anggaran.serapan", "anggaran.pagu", "anggaran.realisasi", "indikator.terukur"} <= {m.figure for m in marks}
    assert audit({r.url: r}, marks) == []
    serapan = row["serapan_anggaran"]
    wrong = table.replace(f",{serapan},".encode(), f",{D(serapan) + 1},".encode())
    assert wrong != table
    [(place, message)] = audit({r.url: r}, OpenDataSource().collect({path: wrong}))
    assert place == f"{path} baris 2" and "anggaran.serapan" in message


# ------------------------------------------------------------------------------------------------ joins and the portal


def test_each_budget_line_names_the_sasaran_its_program_supports() -> None:
    """The pages set each sasaran's capaian beside the serapan of its programs (``sasaran:`` in anggaran.yaml), but
    anggaran.csv had no sasaran: a journalist could not join the budget to the indicators of a sasaran. Every line
    now names the sasaran its program supports, in a column at the end; summing the programs by it gives the
    per-sasaran figures the pages print."""
    budget = Budget(2022, [
        node("program", "7.01.01", [node("kegiatan", "7.01.01.2.01", [leaf("7.01.01.2.01.0001", 1000, 900)])],
             sasaran="S1"),
        node("program", "7.01.02", [leaf_parent := node("kegiatan", "7.01.02.2.01", [
            leaf("7.01.02.2.01.0001", 500, 250)])], sasaran="S2"),
        node("program", "7.01.03", [node("kegiatan", "7.01.03.2.01", [leaf("7.01.03.2.01.0001", 300, 300)])]),
    ], L)
    assert leaf_parent.sasaran is None  # the kegiatan says nothing: it takes its program's
    r = report([indicator("A", D(80), D(84), sasaran="S1"), indicator("B", D(10), D(8), sasaran="S2")],
               sasaran=[("S1", ["A"]), ("S2", ["B"])], anggaran=budget)
    r.computed = compute_report(r, {}, "permendagri-86-2017")
    files = open_data(r).files
    table = rows(files, "anggaran.csv")
    assert list(table[0])[-2:] == ["pagu_awal", "sasaran_id"]  # earlier columns keep their places
    assert {x["kode"]: x["sasaran_id"] for x in table} == {
        "7.01.01": "S1", "7.01.01.2.01": "S1", "7.01.01.2.01.0001": "S1",
        "7.01.02": "S2", "7.01.02.2.01": "S2", "7.01.02.2.01.0001": "S2",
        "7.01.03": "", "7.01.03.2.01": "", "7.01.03.2.01.0001": ""}
    printed = {row.key: row.pagu for row in r.computed.anggaran.per_sasaran}  # the per-sasaran budget table's
    assert {sid: sum(D(x["pagu"]) for x in table if x["tingkat"] == "program" and x["sasaran_id"] == sid)
            for sid in ("S1", "S2")} == printed
    assert {x["sasaran_id"] for x in rows(files, "indikator.csv")} <= {x["sasaran_id"] for x in table}
    tree = json.loads(files["laporan.json"])["anggaran"]["program"]
    assert (tree[0]["sasaran_id"], tree[0]["rincian"][0]["sasaran_id"], tree[2]["sasaran_id"]) == ("S1", "S1", "")


def _published(r, files: dict) -> None:
    """Publish one report's open data into a site's ``files`` at its version's folder."""
    for name, data in open_data(r).files.items():
        files[f"laporan/{r.slug}/{r.versi}/{OPEN_DATA_DIR}/{name}"] = data


def test_the_portal_publishes_every_reports_indicators_in_one_table_with_where_each_row_comes_from(
        tmp_path: Path) -> None:
    """A journalist concatenating the reports' indikator.csv got rows that named neither report nor instansi: the
    IKU1 of 2023 of two kecamatan were the same key twice, and the earlier name of an instansi renamed was another
    instansi. ``data-terbuka/`` holds each table of every report's newest version in one file, the report version
    and instansi first, with a data package that validates and a key that is unique; the catalogue lists it. A
    version released before a column existed has that column empty, its other cells as it released them."""
    config = SiteConfig("Portal", "Pemerintah Kabupaten Banjar", "https://lkjip.banjarkab.go.id/", Loc("situs.yaml", 1),
                        lisensi_data=CC_BY)
    a = report([indicator("IKU1", D(80), D(84), tahun=2023)], tahun=2023)
    a.slug, a.instansi = "sukamaju-2023", dataclasses.replace(a.instansi, nama="Kecamatan Sukamaju")
    b = report([indicator("IKU1", D(80), D(76), tahun=2023)], tahun=2023)
    b.slug, b.instansi = "mekarsari-2023", dataclasses.replace(b.instansi, nama="Kecamatan Mekarsari")
    old = report([indicator("IKU1", D(70), D(71), tahun=2022)], tahun=2022)
    old.slug, old.instansi = "dispar-2022", dataclasses.replace(old.instansi, nama="Dinas Pariwisata")
    for r in (a, b, old):
        r.computed = compute_report(r, {}, "permendagri-86-2017")
    files: dict[str, bytes] = {}
    for r in (a, b, old):
        _published(r, files)
    # dispar-2022 1.0 was released before indikator.csv had kode_program: its file lacks the column
    path = f"laporan/dispar-2022/1.0/{OPEN_DATA_DIR}/indikator.csv"
    released = rows(files, path)
    files[path] = to_csv([c for c in released[0] if c != "kode_program"], released)
    history = SiteHistory({r.slug: [info_from_report(r)] for r in (a, b, old)})
    current = {("Dinas Pariwisata", old.instansi.pemda): "Dinas Kebudayaan dan Pariwisata"}
    portal = portal_open_data(config, history, files, current)
    assert portal == portal_open_data(config, history, files, current)  # same site, same bytes
    for name, data in portal.items():
        (tmp_path / name.removeprefix(f"{OPEN_DATA_DIR}/")).write_bytes(data)
    result = frictionless.validate(str(tmp_path / DATAPACKAGE))
    assert result.valid, result.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
    table = rows(portal, f"{OPEN_DATA_DIR}/indikator.csv")
    assert list(table[0])[:9] == ["laporan", "versi", "tanggal_terbit", "url", "instansi", "pemda", "instansi_kini",
                                  "tahun_laporan", "periode_laporan"]
    got = {(x["laporan"], x["instansi_kini"], x["indikator_id"], x["tahun"], x["realisasi"], x["kode_program"])
           for x in table}
    assert got == {("sukamaju-2023", "Kecamatan Sukamaju", "IKU1", "2023", "84", ""),
                   ("mekarsari-2023", "Kecamatan Mekarsari", "IKU1", "2023", "76", ""),
                   ("dispar-2022", "Dinas Kebudayaan dan Pariwisata", "IKU1", "2022", "71", "")}
    assert table[0]["url"] == "https://lkjip.banjarkab.go.id/laporan/dispar-2022/1.0/"
    descriptor = json.loads(portal[f"{OPEN_DATA_DIR}/{DATAPACKAGE}"])
    [ind] = [x for x in descriptor["resources"] if x["name"] == "indikator"]
    assert ind["schema"]["primaryKey"] == ["laporan", "indikator_id", "tahun", "periode"]
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert {s["path"] for s in descriptor["sources"]} == {
        f"https://lkjip.banjarkab.go.id/laporan/{r.slug}/1.0/{OPEN_DATA_DIR}/{DATAPACKAGE}" for r in (a, b, old)}
    assert "triwulan.csv" not in [x["path"] for x in descriptor["resources"]]  # no report has quarters
    catalogue = json.loads(data_catalogue(config, history, {**files, **portal}, current))
    assert catalogue["gabungan"]["url"] == f"https://lkjip.banjarkab.go.id/{OPEN_DATA_DIR}/{DATAPACKAGE}"
    assert catalogue["gabungan"]["berkas"]["indikator.csv"] == (
        f"https://lkjip.banjarkab.go.id/{OPEN_DATA_DIR}/indikator.csv")


def test_a_built_portal_publishes_its_combined_tables(project: Path) -> None:
    """``lkjip build`` writes ``data-terbuka/`` beside the catalogue, its rows those of the report's own files."""
    built = project / "build"
    combined = rows({"x": (built / OPEN_DATA_DIR / "indikator.csv").read_bytes()}, "x")
    own = rows({"x": (built / f"laporan/{SLUG}/1.0/{OPEN_DATA_DIR}/indikator.csv").read_bytes()}, "x")
    assert [{k: v for k, v in x.items() if k in own[0]} for x in combined] == own
    assert {x["laporan"] for x in combined} == {SLUG}
    assert "gabungan" in json.loads((built / CATALOGUE).read_text(encoding="utf-8"))


def test_the_budgets_counts_of_programs_kegiatan_and_sub_kegiatan_are_published_in_their_own_unit() -> None:
    """``anggaran.jumlah_program`` and its kin (the counts a sentence may print) are key figures like the indicators'
    counts; a count's unit was always "indikator", so 1 program would have been published as "1 indikator"."""
    keys = {x["kunci"]: (x["nilai"], x["satuan"]) for x in rows(open_data(quarter_two_report()).files,
                                                                   "angka-kunci.csv")}
    assert [keys[f"anggaran.jumlah_{k}"] for k in ("program", "kegiatan", "sub_kegiatan")] == [
        ("1", "program"), ("2", "kegiatan"), ("3", "sub kegiatan")]
    assert keys["indikator.jumlah"][1] == "indikator"
