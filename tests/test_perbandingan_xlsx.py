"""The portal's comparison tables as Excel workbooks (``perbandingan.xlsx`` beside ``perbandingan.csv``).

An inspectorate's evaluator opening ``perbandingan.csv`` in an Indonesian Excel or LibreOffice read ``97.500``
(97,5 %) as 97 500 and ``116.19…`` as text: the workbook must hold the CSV's very numbers as numbers, shown the
Indonesian way, be the same bytes in every build of the same site, be listed where the CSV is, and open in a real
spreadsheet program.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import EPOCH, copy_examples
from openpyxl import load_workbook

from lkjip_site.build import BuildOptions, build
from lkjip_site.core import fmt
from lkjip_site.output.portal import TABLE_FIELDS

BASE = "https://lkjip.contoh.go.id/"
TABLES = ["perbandingan/", "perbandingan/2022/", "perbandingan/2023/", "perbandingan/2024/"]
HEADER_ROW = 4
WHEN = dt.datetime.fromtimestamp(int(EPOCH), tz=dt.timezone.utc).replace(tzinfo=None)


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The example site built twice from scratch (no cache), seconds apart: a clock in the bytes would show."""
    root = copy_examples(tmp_path_factory.mktemp("xlsx") / "situs")
    outs = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        for name in ("satu", "dua"):
            out = root.parent / name
            build(BuildOptions(root=root, output=out, pdf=False, cache_dir=root.parent / f"cache-{name}",
                               use_cache=False, search_index=False))
            outs.append(out)
    return outs[0], outs[1]


def test_each_comparison_workbook_is_the_same_bytes_in_two_builds(builds: tuple[Path, Path]) -> None:
    first, second = builds
    found = sorted(p.relative_to(first).as_posix() for p in first.glob("perbandingan/**/perbandingan.xlsx"))
    assert found == sorted(t + "perbandingan.xlsx" for t in TABLES)
    for rel in found:
        data = (first / rel).read_bytes()
        assert data == (second / rel).read_bytes(), rel
        with zipfile.ZipFile(io.BytesIO(data)) as z:  # every member dated SOURCE_DATE_EPOCH, not the clock
            assert {i.date_time for i in z.infolist()} == {WHEN.timetuple()[:6]}
        book = load_workbook(io.BytesIO(data))
        assert book.properties.created == WHEN and book.properties.modified == WHEN


def _csv_rows(out: Path, folder: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((out / folder / "perbandingan.csv").read_text(encoding="utf-8"))))


@pytest.mark.parametrize("folder", TABLES)
def test_the_workbook_holds_the_csvs_values_as_numbers_with_id_id_formats(builds: tuple[Path, Path],
                                                                            folder: str) -> None:
    out = builds[0]
    rows = _csv_rows(out, folder)
    book = load_workbook(out / folder / "perbandingan.xlsx")
    ws = book.worksheets[0]
    page = (out / folder / "index.html").read_text(encoding="utf-8")
    assert f"<h1>{ws['A1'].value}</h1>" in page  # the title row names the table as its page does
    assert ws["A2"].value == (f"Sumber: Portal Contoh Laporan Kinerja, {BASE}{folder}, dibangun "
                              f"{fmt.fmt_date(WHEN.date())}.")
    # it said "nilainya utuh" over cells of 15 significant digits, beside a CSV with all of them
    assert ws["A3"].value == ("Angka tidak dibulatkan ke 2 desimal: sel menampilkan 2 desimal, nilainya tersimpan "
                              "sampai 15 angka bermakna (batas Excel; semua digit ada di berkas CSV). Persentase dalam "
                              "persen, uang dalam rupiah. Keterangan setiap kolom ada di lembar Kolom.")
    assert ws.freeze_panes == f"B{HEADER_ROW + 1}"  # the header row and the instansi column stay in view
    names = [name for name, _, _ in TABLE_FIELDS]
    assert [c.value for c in ws[HEADER_ROW]] == names == list(rows[0])
    assert ws.max_row == HEADER_ROW + len(rows)
    kinds = {name: kind for name, kind, _ in TABLE_FIELDS}
    for r, row in enumerate(rows, start=HEADER_ROW + 1):
        for c, name in enumerate(names, start=1):
            cell, text = ws.cell(row=r, column=c), row[name]
            if not text:
                assert cell.value is None, (r, name)
            elif kinds[name] in ("integer", "number") and Decimal(text) == int(Decimal(text)):
                assert type(cell.value) is int and cell.value == int(Decimal(text)), (r, name)
            elif kinds[name] == "number":  # to the 15 significant digits Excel keeps, exactly
                assert type(cell.value) is float, (r, name)
                assert Decimal(repr(cell.value)) == Decimal(format(Decimal(text), ".15g")), (r, name)
            elif kinds[name] == "date":
                assert cell.value == dt.datetime.fromisoformat(text), (r, name)
            else:
                assert cell.value == text, (r, name)
    for name, shown in (("rata_rata_capaian", '[$-421]#,##0.00" %"'), ("serapan_anggaran", '[$-421]#,##0.00" %"'),
                        ("realisasi", '[$-421]"Rp "#,##0'), ("pagu", '[$-421]"Rp "#,##0')):
        column = names.index(name) + 1
        assert {ws.cell(row=r, column=column).number_format for r in range(HEADER_ROW + 1, ws.max_row + 1)} == {shown}
    assert [row[0].value for row in book["Kolom"].iter_rows(min_row=2)] == names


def test_the_97_500_an_indonesian_excel_read_as_97500_is_97_5(builds: tuple[Path, Path]) -> None:
    """Batu Sopang's average capaian is ``97.500`` in the CSV; the workbook's cell is the number 97.5."""
    ws = load_workbook(builds[0] / "perbandingan/2022/perbandingan.xlsx").worksheets[0]
    column = [c.value for c in ws[HEADER_ROW]].index("rata_rata_capaian") + 1
    assert _csv_rows(builds[0], "perbandingan/2022/")[0]["rata_rata_capaian"] == "97.500"
    assert ws.cell(row=HEADER_ROW + 1, column=column).value == 97.5


def test_the_page_and_the_catalogue_list_the_workbook_beside_the_csv(builds: tuple[Path, Path]) -> None:
    out = builds[0]
    page = (out / "perbandingan/2023/index.html").read_text(encoding="utf-8")
    assert ('<a href="perbandingan.xlsx" type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" '
            'download="perbandingan-2023.xlsx">Excel (XLSX), 1 baris</a>') in page
    assert ('<link rel="alternate" type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" '
            'href="perbandingan.xlsx"') in page
    assert 'download="perbandingan-2023.csv"' in page  # the CSV stays, for every other reader
    assert 'download="perbandingan-semua-tahun.xlsx"' in (out / "perbandingan/index.html").read_text(encoding="utf-8")
    catalogue = json.loads((out / "data-terbuka.json").read_text(encoding="utf-8"))["perbandingan"]
    assert [(t["halaman"], t["url"], t["xlsx"]) for t in catalogue] == [
        (BASE + t, f"{BASE}{t}perbandingan.csv", f"{BASE}{t}perbandingan.xlsx")
        for t in ["perbandingan/", "perbandingan/2024/", "perbandingan/2023/", "perbandingan/2022/"]]
    assert ".xlsx" not in (out / "sitemap.xml").read_text(encoding="utf-8")  # pages only


def test_libreoffice_opens_the_workbook_and_shows_indonesian_figures(builds: tuple[Path, Path],
                                                                     tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice (soffice) tidak terpasang: jalankan bash scripts/setup.sh"
    source = tmp_path / "perbandingan.xlsx"
    shutil.copyfile(builds[0] / "perbandingan/perbandingan.xlsx", source)
    env = dict(os.environ, HOME=str(tmp_path))
    subprocess.run([soffice, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"),
                    str(source)], check=True, capture_output=True, env=env, timeout=180)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "pdf" / "perbandingan.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    # Batu Sopang 2022: its average, budget and publication date as the [$-421] formats print them
    assert "97,50 %" in text and "80,06 %" in text
    assert "Rp 6.151.520.858" in text and "28 Februari 2023" in text
    assert "116,19 %" in text  # Martapura Barat: a number, not the CSV's text
