"""What a researcher downloads from ``data-terbuka/`` (``output/opendata.py``): can the tables the pages print be
redone from it, and joined across its files?"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal as D
from pathlib import Path

import frictionless
from test_compute import indicator, leaf, node, report

from lkjip_site.compute.report import compute_report
from lkjip_site.core.model import Budget, Loc, PeriodValues
from lkjip_site.output.opendata import DATAPACKAGE, open_data

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
    assert [f["name"] for f in fields][-2:] == ["target_tahunan", "kode_program"]


def test_the_package_names_who_published_the_data() -> None:
    """A catalogue (Satu Data Indonesia's produsen data) reads the publisher from ``contributors``; the instansi was
    only in the description's sentence."""
    descriptor = json.loads(open_data(quarterly_report()).files[DATAPACKAGE])
    assert descriptor["contributors"] == [{"title": "Kecamatan Batu Sopang", "role": "publisher",
                                           "organization": "Pemerintah Kabupaten Paser"}]
