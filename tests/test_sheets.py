"""Spreadsheets: ``lkjip ekspor`` / ``lkjip impor`` on the example reports, as an author in Excel would use them.

An unedited round trip must leave every YAML byte as it was; an edit changes only its own line; a new indicator is
appended in the file's style; a wrong cell is named and nothing is written; and the edit shows on the built site.
"""

from __future__ import annotations

import difflib
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, copy_examples, tree_hashes
from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from sheets_support import EXAMPLES, column, find_row, first_empty_row, open_book, put, save
from yaml.nodes import MappingNode

from lkjip_site.build import BuildOptions, build
from lkjip_site.cli.main import main
from lkjip_site.core.diagnostics import ContentError, Diagnostics
from lkjip_site.sheets.export import export_workbook
from lkjip_site.sheets.impor import import_workbook
from lkjip_site.sheets.stage import load_one
from lkjip_site.sheets.yamledit import YamlText

pytestmark = pytest.mark.usefixtures("epoch")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pristine copy of the example site for the module; tests that write take their own copy."""
    return copy_examples(tmp_path_factory.mktemp("situs") / "situs")


@pytest.fixture(scope="module")
def exported(site: Path) -> dict[str, bytes]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1707955200")
        return {slug: export_workbook(load_one(site, slug, Diagnostics())) for slug in EXAMPLES}


@pytest.mark.parametrize("slug", EXAMPLES)
def test_unedited_round_trip_changes_no_file(slug: str, exported: dict[str, bytes], tmp_path: Path) -> None:
    root = copy_examples(tmp_path / "situs")
    before = tree_hashes(root)
    result = import_workbook(root, slug, exported[slug], "data.xlsx")
    assert result.written == [] and result.changes == []
    assert tree_hashes(root) == before
    # a workbook saved again by openpyxl (other writer, shared strings) is read the same way
    assert import_workbook(root, slug, save(open_book(exported[slug])), "data.xlsx").written == []
    assert tree_hashes(root) == before


def test_export_bytes_are_deterministic(site: Path, exported: dict[str, bytes]) -> None:
    again = export_workbook(load_one(site, EXAMPLES[0], Diagnostics()))
    assert again == exported[EXAMPLES[0]]
    wb = open_book(again)
    assert wb.properties.created.isoformat().startswith("2024-02-15")  # SOURCE_DATE_EPOCH, not the clock


def test_workbook_shape_for_authors(exported: dict[str, bytes]) -> None:
    wb = open_book(exported["martapura-barat-2023"])
    assert wb.sheetnames == ["Petunjuk", "Indikator", "Nilai Indikator", "Renstra", "PK", "Anggaran"]
    nilai = wb["Nilai Indikator"]
    assert [c.value for c in nilai[1]][:6] == ["ID", "Nama indikator (dihitung)", "Tahun", "Periode", "Target",
                                                "Realisasi"]
    assert nilai.freeze_panes == "B2" and wb["PK"].freeze_panes == "B6"
    lists = {dv.formula1 for ws in wb for dv in ws.data_validations.dataValidation}
    assert '"positif,negatif"' in lists and '"tahunan,tw1,tw2,tw3,tw4"' in lists
    # K02 2023: realisasi 97,76 of target 100 -> capaian 97,76 %, "Cukup Berhasil" on the Banjar scale (by hand)
    r = find_row(nilai, {"ID": "K02", "Tahun": 2023})
    assert nilai.cell(r, column(nilai, "Realisasi")).value == 97.76
    cap = nilai.cell(r, column(nilai, "Capaian (%)"))
    assert cap.value == pytest.approx(97.76) and cap.number_format == '[$-421]#,##0.00" %"'
    assert nilai.cell(r, column(nilai, "Predikat")).value == "Cukup Berhasil"
    # derived cells locked on a protected sheet, typed cells open
    assert nilai.protection.sheet and cap.protection.locked
    assert not nilai.cell(r, column(nilai, "Realisasi")).protection.locked
    assert not nilai.cell(nilai.max_row, column(nilai, "Realisasi")).protection.locked  # spare rows for new values
    budget = wb["Anggaran"]
    r = find_row(budget, {"Kode": "7.01.01"})
    pagu = budget.cell(r, column(budget, "Pagu (Rp)"))
    assert pagu.value == 2233317579 and pagu.protection.locked and pagu.number_format == "[$-421]#,##0"
    assert budget.cell(r, column(budget, "Tingkat")).value == "Program"
    leaf = find_row(budget, {"Kode": "7.01.01.2.02.0001"})
    assert budget.cell(leaf, column(budget, "Pagu (Rp)")).value == 1633431429
    assert not budget.cell(leaf, column(budget, "Pagu (Rp)")).protection.locked
    # 1.579.659.100 / 1.633.431.429 = 96,708... % (by hand)
    assert budget.cell(leaf, column(budget, "Serapan (%)")).value == pytest.approx(96.7081, abs=1e-4)


def test_the_petunjuk_sheet_says_what_the_workbook_cannot_do_and_how_to_type_numbers(
        exported: dict[str, bytes]) -> None:
    """The author in Excel reads the Petunjuk sheet, not the guide: a new sasaran typed there was refused at import
    with a way the sheet never gave, a renamed sheet asked for a re-export, and a 85,5% typed in LibreOffice reads as
    0,855 without a word; each is said on the sheet before it is typed."""
    text = "\n".join(str(c.value) for c in open_book(exported["martapura-barat-2023"])["Petunjuk"]["A"] if c.value)
    assert "Yang tidak dapat dilakukan di buku kerja ini" in text
    assert "Menambah sasaran atau tujuan: tulis dulu di data/renstra.yaml, di bawah tujuannya" in text
    assert "Mengganti nama, menghapus atau menyalin lembar, atau mengubah judul kolom" in text
    assert "Menambah baris Jumlah, Total atau Rata-rata" in text
    assert "Sel berformat Persen (Excel menyimpan 85,5% sebagai 0,855) ditolak" in text
    assert "LibreOffice menyimpan 85,5% sebagai 0,855 tanpa tanda apa pun" in text
    assert "'Excel 2007-365 (.xlsx)', bukan .ods" in text
    assert "Menghapus baris menghapus datanya dari berkas YAML" in text


def _yaml_diff(root: Path, slug: str, name: str) -> list[str]:
    old = (REPO / "content/laporan" / slug / "data" / name).read_text(encoding="utf-8").splitlines()
    new = (root / "content/laporan" / slug / "data" / name).read_text(encoding="utf-8").splitlines()
    return [line for line in difflib.unified_diff(old, new, n=0, lineterm="")
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_a_quarterly_reports_year_row_is_not_graded_from_its_quarters_so_far(exported: dict[str, bytes]) -> None:
    """The TW I example's 2024 year rows: no annual realisasi yet, TW I alone written. The workbook graded them from
    TW I against the year's target (P01 "0 · Tidak Berhasil", P02 "25 · Tidak Berhasil") where the site says N/A and
    "100,00 % · Berhasil" for TW I; the year row now says why it has no capaian, the TW I row keeps its own."""
    nilai = open_book(exported["pengaron-2024-tw1"])["Nilai Indikator"]
    year = find_row(nilai, {"ID": "P02", "Tahun": 2024, "Periode": "tahunan"})
    assert nilai.cell(year, column(nilai, "Capaian (%)")).value is None
    assert nilai.cell(year, column(nilai, "Predikat")).value is None
    assert nilai.cell(year, column(nilai, "Keterangan capaian")).value == "realisasi setahun belum lengkap (hanya tw1)"
    quarter = find_row(nilai, {"ID": "P02", "Tahun": 2024, "Periode": "tw1"})
    assert nilai.cell(quarter, column(nilai, "Capaian (%)")).value == 100
    assert nilai.cell(quarter, column(nilai, "Predikat")).value == "Berhasil"


def test_an_edit_changes_only_its_own_line(exported: dict[str, bytes], tmp_path: Path) -> None:
    root = copy_examples(tmp_path / "situs")
    slug = "pengaron-2024-tw1"
    wb = open_book(exported[slug])
    nilai = wb["Nilai Indikator"]
    put(nilai, find_row(nilai, {"ID": "P02", "Tahun": 2024, "Periode": "tw1"}), {"Realisasi": 30})
    budget = wb["Anggaran"]
    put(budget, find_row(budget, {"Kode": "7.01.01.2.06.0002"}), {"Realisasi TW I (Rp)": 5200000})
    result = import_workbook(root, slug, save(wb), "data.xlsx")
    assert result.written == ["anggaran.yaml", "indikator.yaml"]
    assert _yaml_diff(root, slug, "indikator.yaml") == ["-    realisasi: {2024: {tw1: 25}}",
                                                       "+    realisasi: {2024: {tw1: 30}}"]
    assert _yaml_diff(root, slug, "anggaran.yaml") == ["-            realisasi_tw: {tw1: 5100000}",
                                                      "+            realisasi_tw: {tw1: 5200000}"]


def test_new_indicator_and_budget_line_follow_the_file_style(exported: dict[str, bytes], tmp_path: Path) -> None:
    root = copy_examples(tmp_path / "situs")
    slug = "martapura-barat-2023"
    wb = open_book(exported[slug])
    ind = wb["Indikator"]
    put(ind, first_empty_row(ind), {"ID": "PATEN", "Nama indikator": "Persentase Layanan PATEN Tepat Waktu",
                                    "Satuan": "%", "Polaritas": "positif", "Sasaran/tujuan": "S1"})
    nilai = wb["Nilai Indikator"]
    put(nilai, first_empty_row(nilai), {"ID": "PATEN", "Tahun": 2023, "Periode": "tahunan", "Target": 90,
                                        "Realisasi": 87.5})
    ren = wb["Renstra"]
    put(ren, first_empty_row(ren), {"ID": "PATEN", "Target 2023": 90, "Target 2026": 100})
    budget = wb["Anggaran"]
    put(budget, first_empty_row(budget), {"Kode": "7.01.02.2.04.0005", "Uraian": "Pelayanan PATEN Keliling",
                                          "Pagu (Rp)": 15000000, "Realisasi (Rp)": 14250000})
    result = import_workbook(root, slug, save(wb), "data.xlsx")
    assert result.written == ["anggaran.yaml", "indikator.yaml", "renstra.yaml"]
    assert _yaml_diff(root, slug, "indikator.yaml") == [
        "+", "+  - id: PATEN", "+    nama: Persentase Layanan PATEN Tepat Waktu", '+    satuan: "%"',
        "+    polaritas: positif", "+    target_renstra: {2023: 90, 2026: 100}", "+    target: {2023: 90}",
        "+    realisasi: {2023: 87.5}"]
    assert _yaml_diff(root, slug, "renstra.yaml") == ["-        indikator: [NEK]", "+        indikator: [NEK, PATEN]"]
    assert _yaml_diff(root, slug, "anggaran.yaml") == [
        "+          - kode: 7.01.02.2.04.0005", "+            nama: Pelayanan PATEN Keliling",
        "+            pagu: 15000000", "+            realisasi: 14250000"]
    # and the result reads back: a second export/import of the new state changes nothing
    again = export_workbook(load_one(root, slug, Diagnostics()))
    assert import_workbook(root, slug, again, "data.xlsx").written == []


def test_pagu_awal_round_trips_through_the_workbook(exported: dict[str, bytes], tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """The finance officer types the pagu before the APBD Perubahan in the Pagu awal column of the sub kegiatan the
    DPPA changed: it lands beside its pagu in anggaran.yaml, the next export sums it up the tree in locked cells, and
    that workbook imports unchanged. A workbook exported before the column existed keeps the files' pagu_awal; a
    program's or kegiatan's typed pagu awal other than its rows' sum is refused at its cell."""
    root = copy_examples(tmp_path / "situs")
    slug = "martapura-barat-2023"
    wb = open_book(exported[slug])
    budget = wb["Anggaran"]
    put(budget, find_row(budget, {"Kode": "7.01.01.2.01.0007"}), {"Pagu awal (Rp)": 2400000})
    result = import_workbook(root, slug, save(wb), "data.xlsx")
    assert result.written == ["anggaran.yaml"]
    assert _yaml_diff(root, slug, "anggaran.yaml") == ["+            pagu_awal: 2400000"]
    text = (root / "content/laporan" / slug / "data" / "anggaran.yaml").read_text(encoding="utf-8")
    assert "            pagu: 1800000\n            pagu_awal: 2400000\n            realisasi: 1800000\n" in text

    again = export_workbook(load_one(root, slug, Diagnostics()))
    budget = open_book(again)["Anggaran"]
    kegiatan = budget.cell(find_row(budget, {"Kode": "7.01.01.2.01"}), column(budget, "Pagu awal (Rp)"))
    assert (kegiatan.value, kegiatan.protection.locked) == (1000800 + 2400000, True)
    unchanged = budget.cell(find_row(budget, {"Kode": "7.01.01.2.01.0001"}), column(budget, "Pagu awal (Rp)"))
    assert (unchanged.value, unchanged.protection.locked) == (None, False)
    assert import_workbook(root, slug, again, "data.xlsx").written == []

    before = tree_hashes(root)
    wb = open_book(exported[slug])  # the workbook of before: no Pagu awal column
    wb["Anggaran"].delete_cols(column(wb["Anggaran"], "Pagu awal (Rp)"))
    assert import_workbook(root, slug, save(wb), "data.xlsx").written == []
    assert tree_hashes(root) == before

    wb = open_book(again)
    budget = wb["Anggaran"]
    row = find_row(budget, {"Kode": "7.01.01.2.01"})
    put(budget, row, {"Pagu awal (Rp)": 3000000})
    with pytest.raises(ContentError) as exc:
        import_workbook(root, slug, save(wb), "data.xlsx")
    cell = f"{get_column_letter(column(budget, 'Pagu awal (Rp)'))}{row}"
    assert [e.format().split("; ")[0] for e in exc.value.diagnostics.errors] == [
        f"data.xlsx!Anggaran!{cell}: galat: pagu awal kegiatan 7.01.01.2.01 tertulis Rp 3.000.000, sedangkan jumlah "
        "rinciannya Rp 3.400.800 (selisih -Rp 400.800)"]
    assert tree_hashes(root) == before


def test_kondisi_awal_and_target_nasional_are_set_changed_and_removed(exported: dict[str, bytes],
                                                                     tmp_path: Path) -> None:
    """The two-cell fields of the Renstra sheet: both cells make the mapping, both empty remove it."""
    root = copy_examples(tmp_path / "situs")
    slug = "batu-sopang-2022"
    wb = open_book(exported[slug])
    ren = wb["Renstra"]
    r = find_row(ren, {"ID": "RB"})
    put(ren, r, {"Kondisi awal: nilai": 69.5, "Target nasional": 80, "Sumber target nasional": "RPJMN 2020-2024"})
    result = import_workbook(root, slug, save(wb), "data.xlsx")
    assert result.written == ["indikator.yaml"]
    assert _yaml_diff(root, slug, "indikator.yaml") == [
        "-    kondisi_awal: {tahun: 2021, nilai: 68.85}", "+    kondisi_awal: {tahun: 2021, nilai: 69.5}",
        "+    target_nasional: {nilai: 80, sumber: RPJMN 2020-2024}"]
    wb = open_book(export_workbook(load_one(root, slug, Diagnostics())))
    ren = wb["Renstra"]
    put(ren, find_row(ren, {"ID": "RB"}), {"Kondisi awal: tahun": None, "Kondisi awal: nilai": None,
                                           "Target nasional": None, "Sumber target nasional": None})
    assert import_workbook(root, slug, save(wb), "data.xlsx").written == ["indikator.yaml"]
    assert _yaml_diff(root, slug, "indikator.yaml") == ["-    kondisi_awal: {tahun: 2021, nilai: 68.85}"]


def test_an_import_that_breaks_a_rule_of_the_files_is_refused(exported: dict[str, bytes], tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """The would-be files go through the same validation as hand-written YAML: Batu Sopang states its spending per
    jenis belanja, so a new budget line without a matching change there makes the totals disagree."""
    root = copy_examples(tmp_path / "situs")
    slug = "batu-sopang-2022"
    wb = open_book(exported[slug])
    budget = wb["Anggaran"]
    put(budget, first_empty_row(budget), {"Kode": "7.01.02.2.04.0005", "Uraian": "Pelayanan PATEN Keliling",
                                          "Pagu (Rp)": 15000000, "Realisasi (Rp)": 14250000})
    (tmp_path / "data.xlsx").write_bytes(save(wb))
    before = tree_hashes(root)
    assert main(["impor", slug, str(tmp_path / "data.xlsx"), "--situs", str(root)]) == 1
    err = capsys.readouterr().err
    assert ("anggaran.yaml:242: galat: jumlah pagu per jenis belanja Rp 6.151.520.858 berbeda dengan total pagu "
            "program Rp 6.166.520.858 (selisih -Rp 15.000.000); perbaiki pagu jenis belanja yang salah di daftar "
            "jenis_belanja (jumlahnya harus Rp 6.166.520.858)") in err
    assert "peringatan:" not in err  # the report's standing check warnings are not this command's news
    assert tree_hashes(root) == before


def test_judging_scenario_edit_wrong_cell_fix_rebuild(exported: dict[str, bytes], tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """Export an example, edit a realisasi, add an indicator, type a wrong cell: the cell is named and nothing is
    written; fixed, the import writes, and the rebuilt site shows the new figures."""
    root = copy_examples(tmp_path / "situs")
    slug = "martapura-barat-2023"
    book = tmp_path / "data.xlsx"
    assert main(["ekspor", slug, "-o", str(book), "--situs", str(root)]) == 0
    wb = load_workbook(book)
    nilai, ind, pk = wb["Nilai Indikator"], wb["Indikator"], wb["PK"]
    put(nilai, find_row(nilai, {"ID": "K05", "Tahun": 2023}), {"Realisasi": 93.25})
    put(ind, first_empty_row(ind), {"ID": "K21", "Nama indikator": "Jumlah Warga Terlayani PATEN Keliling",
                                    "Satuan": "orang", "Polaritas": "positif", "Jenis": "kegiatan",
                                    "Kode program": "7.01.02"})
    new = first_empty_row(nilai)
    put(nilai, new, {"ID": "K21", "Tahun": 2023, "Periode": "tahunan", "Target": 120, "Realisasi": "68,85"})
    pk_row = first_empty_row(pk, 5)
    put(pk, pk_row, {"Bagian": "indikator", "ID / kode": "K21"}, header_row=5)
    wb.save(book)
    before = tree_hashes(root)
    capsys.readouterr()
    assert main(["impor", slug, str(book), "--situs", str(root)]) == 1
    err = capsys.readouterr().err
    ref = f"{column(nilai, 'Realisasi') and chr(64 + column(nilai, 'Realisasi'))}{new}"
    assert f"data.xlsx!Nilai Indikator!{ref}: galat: realisasi '68,85' diketik sebagai teks" in err
    assert "68.85" in err and "Tidak ada berkas yang ditulis" in err
    assert tree_hashes(root) == before
    put(nilai, new, {"Realisasi": 68.85})
    wb.save(book)
    assert main(["impor", slug, str(book), "--situs", str(root)]) == 0
    out = capsys.readouterr().out
    assert "realisasi K05 2023: 88,71 → 93,25" in out and "indikator baru K21" in out
    # the PK's list changed at the new row, and is said there (it was the list's first row)
    pk_cell = f"{chr(64 + column(pk, 'ID / kode', 5))}{pk_row}"
    assert f"data.xlsx!PK!{pk_cell}: indikator PK: " in out, out
    build(BuildOptions(root=root, pdf=False))
    page = (root / "build/laporan" / slug / "1.0/bab-3-akuntabilitas-kinerja/index.html").read_text(encoding="utf-8")
    assert "93,25" in page
    pk_page = (root / "build/laporan" / slug / "1.0/bab-2-perencanaan-kinerja/index.html").read_text(encoding="utf-8")
    assert "Jumlah Warga Terlayani PATEN Keliling" in pk_page
    lampiran = (root / "build/laporan" / slug / "1.0/lampiran/index.html").read_text(encoding="utf-8")
    assert "Jumlah Warga Terlayani PATEN Keliling" in lampiran


def _k02_realisasi(exported: dict[str, bytes], tmp_path: Path) -> tuple[Path, str, Any, Any]:
    """A copy of the examples and Martapura Barat's workbook, with the cell of K02's realisasi 2023."""
    root = copy_examples(tmp_path / "situs")
    slug = "martapura-barat-2023"
    wb = open_book(exported[slug])
    nilai = wb["Nilai Indikator"]
    return root, slug, wb, nilai.cell(find_row(nilai, {"ID": "K02", "Tahun": 2023}), column(nilai, "Realisasi"))


def _k02_formula(exported: dict[str, bytes], tmp_path: Path, formula: str, stored: str) -> tuple[Path, str, Any, Any]:
    """Martapura Barat's workbook with K02's realisasi 2023 typed as ``formula`` and the result a spreadsheet program
    stores beside it (``<v>stored</v>``; openpyxl writes none), imported: (root, slug, import result, cell)."""
    root, slug, wb, cell = _k02_realisasi(exported, tmp_path)
    cell.value = f"={formula}"
    data = save(wb)
    sheet = next(n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if n.endswith("sheet3.xml"))
    data = _patch_member(data, sheet, f"<f>{formula}</f><v></v>".encode(), f"<f>{formula}</f><v>{stored}</v>".encode())
    return root, slug, import_workbook(root, slug, data, "data.xlsx"), cell


def test_a_formula_counts_by_its_cached_value(exported: dict[str, bytes], tmp_path: Path) -> None:
    """A cell typed as a formula is read through the value the spreadsheet stored with it."""
    root, slug, result, _ = _k02_formula(exported, tmp_path, "97+1", "98")
    assert result.written == ["indikator.yaml"]
    assert _yaml_diff(root, slug, "indikator.yaml") == ["-    realisasi: {2021: 100, 2022: 100, 2023: 97.76}",
                                                       "+    realisasi: {2021: 100, 2022: 100, 2023: 98}"]


def test_a_formulas_binary_noise_is_not_written(exported: dict[str, bytes], tmp_path: Path) -> None:
    """Excel saves a formula's result with 17 digits (=1234567,1*3 as 3703701.3000000003) and shows 15: the YAML
    got the noise, and the change list said "3.703.701,3000000003"."""
    root, slug, result, cell = _k02_formula(exported, tmp_path, "1234567.1*3", "3703701.3000000003")
    assert _yaml_diff(root, slug, "indikator.yaml") == ["-    realisasi: {2021: 100, 2022: 100, 2023: 97.76}",
                                                       "+    realisasi: {2021: 100, 2022: 100, 2023: 3703701.3}"]
    assert result.changes == [f"data.xlsx!Nilai Indikator!{cell.coordinate}: realisasi K02 2023: 97,76 → 3.703.701,3"]


def test_a_value_with_more_digits_than_a_cell_holds_is_no_change(exported: dict[str, bytes], tmp_path: Path) -> None:
    """A YAML value of 18 significant digits comes back from its cell as the 15 a spreadsheet keeps: that is no
    edit of the author's, and the unedited workbook must leave the line as it is."""
    root = copy_examples(tmp_path / "situs")
    slug = "martapura-barat-2023"
    path = root / "content/laporan" / slug / "data/indikator.yaml"
    text = path.read_text(encoding="utf-8").replace("2023: 97.76}", "2023: 12345678.1234567891}", 1)
    path.write_text(text, encoding="utf-8")
    before = tree_hashes(root)
    result = import_workbook(root, slug, export_workbook(load_one(root, slug, Diagnostics())), "data.xlsx")
    assert result.written == [] and result.changes == []
    assert tree_hashes(root) == before


def test_a_warning_the_import_brings_is_said_at_its_cell(exported: dict[str, bytes], tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """97,76 typed as 9776 (a decimal comma lost, or "97,76" typed in an Excel set to English) was written with only
    "Impor selesai": the check's warning of a capaian over ten times its target waited for ``lkjip check``. The
    report's standing warnings are not said again."""
    root, slug, wb, cell = _k02_realisasi(exported, tmp_path)
    cell.value = 9776
    book = tmp_path / "data.xlsx"
    book.write_bytes(save(wb))
    assert main(["impor", slug, str(book), "--situs", str(root)]) == 0
    err = capsys.readouterr().err
    assert (f"data.xlsx!Nilai Indikator!{cell.coordinate}: peringatan: K02: capaian 9.776,00 % (realisasi 9.776 atas "
            "target 100), lebih dari sepuluh kali target") in err
    # and what the new figure makes wrong elsewhere: the chapter's typed "belum mencapai target", the capaian and
    # predikat written beside it; none of the report's standing warnings
    said = [line for line in err.splitlines() if "peringatan" in line]
    assert len(said) == 4 and all("9.776" in line for line in said), err
    assert any("30-bab-3-akuntabilitas-kinerja.md:46: peringatan: 'belum mencapai target'" in line for line in said)
    # those said at a line the author never opened name the cell their figure was imported from too
    source = f"(diimpor dari data.xlsx!Nilai Indikator!{cell.coordinate})"
    assert all(line.endswith(source) for line in said if not line.startswith("data.xlsx!")), err
    assert ("martapura-barat-2023/data/indikator.yaml:67: peringatan: K02 tahun 2023: capaian tertulis 97,76 % berbeda "
            f"dengan hasil perhitungan 9.776,00 % {source}") in err


def test_a_warning_about_a_program_names_the_sub_kegiatan_cells_imported(exported: dict[str, bytes], tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """A sub kegiatan's realisasi typed too large made its program's realisasi exceed its pagu: said at the
    program's line of anggaran.yaml only, a file the author working in Excel never opened. The cell is named."""
    root, slug, wb, _cell = _k02_realisasi(exported, tmp_path)
    ws = wb["Anggaran"]
    r = find_row(ws, {"Kode": "7.01.01.2.01.0001"})
    ref = f"{get_column_letter(column(ws, 'Realisasi (Rp)'))}{r}"
    ws[ref].value = 99999999999
    book = tmp_path / "data.xlsx"
    book.write_bytes(save(wb))
    assert main(["impor", slug, str(book), "--situs", str(root)]) == 0
    err = capsys.readouterr().err
    assert ("martapura-barat-2023/data/anggaran.yaml:7: peringatan: 7.01.01: realisasi Rp 102.175.720.952 melebihi "
            "pagu Rp 2.233.317.579 (lebih Rp 99.942.403.373); periksa sub kegiatan di bawahnya (diimpor dari "
            f"data.xlsx!Anggaran!{ref})") in err


def _patch_member(data: bytes, member: str, old: bytes, new: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == member:
                assert old in body
                body = body.replace(old, new)
            dst.writestr(info, body)
    return out.getvalue()


def test_an_indicator_row_deleted_in_the_workbook_is_removed(exported: dict[str, bytes], tmp_path: Path) -> None:
    root = copy_examples(tmp_path / "situs")
    slug = "martapura-barat-2023"
    wb = open_book(exported[slug])
    for title, match in (("Indikator", {"ID": "K20"}), ("Renstra", {"ID": "K20"})):
        ws = wb[title]
        ws.delete_rows(find_row(ws, match))
    nilai = wb["Nilai Indikator"]
    for year in (2021, 2022, 2023):
        nilai.delete_rows(find_row(nilai, {"ID": "K20", "Tahun": year}))
    pk = wb["PK"]
    pk.delete_rows(find_row(pk, {"ID / kode": "K20"}, 5))
    result = import_workbook(root, slug, save(wb), "data.xlsx")
    assert result.written == ["indikator.yaml", "pk.yaml"]
    diff = _yaml_diff(root, slug, "indikator.yaml")
    assert diff[0] == "-" and diff[1] == "-  - id: K20" and len(diff) == 11  # the blank line and the item's 10 lines
    assert "K20" not in (root / "content/laporan" / slug / "data/pk.yaml").read_text(encoding="utf-8")


def test_an_emptied_value_without_a_reason_is_refused_at_its_cell(exported: dict[str, bytes], tmp_path: Path) -> None:
    """An emptied realisasi cell deleted the year's value (exit 0, "realisasi K02 tahun 2023 dihapus"): K02 became
    N/A. As on the Anggaran sheet, an empty cell needs its reason: refused at the cell, nothing written; with the
    reason in its column, the value becomes "tidak ada" with that reason."""
    root, slug, wb, cell = _k02_realisasi(exported, tmp_path)
    before = tree_hashes(root)
    cell.value = None
    with pytest.raises(ContentError) as caught:
        import_workbook(root, slug, save(wb), "data.xlsx")
    said = [d.format() for d in caught.value.diagnostics.items]
    assert said == [f"data.xlsx!Nilai Indikator!{cell.coordinate}: galat: realisasi wajib diisi (sebelumnya 97,76); "
                    "tulis nilainya, atau bila nilainya tidak ada, biarkan sel ini kosong dan tulis alasannya di kolom "
                    "'Alasan realisasi tidak ada'. Untuk menghapus target dan realisasi tahun dan periode ini "
                    "sekaligus, hapus barisnya"], said
    assert tree_hashes(root) == before
    reason = cell.parent.cell(cell.row, column(cell.parent, "Alasan realisasi tidak ada"))
    reason.value = "belum diukur"
    result = import_workbook(root, slug, save(wb), "data.xlsx")
    assert result.changes == [f"data.xlsx!Nilai Indikator!{reason.coordinate}: realisasi K02 2023: 97,76 → tidak ada "
                              "(belum diukur)"]


def test_decimal(exported: dict[str, bytes]) -> None:
    """Binary noise of a spreadsheet float never becomes a different number in the YAML."""
    from lkjip_site.sheets.read import spreadsheet_decimal
    assert spreadsheet_decimal(84.82) == Decimal("84.82")
    assert spreadsheet_decimal(0.1 + 0.2) == Decimal("0.3")
    assert spreadsheet_decimal(1633431429.0) == Decimal(1633431429)
    # a formula's result as Excel saves it: 17 digits, of which it shows 15
    assert spreadsheet_decimal(1234567.1 * 3) == Decimal("3703701.3")
    assert spreadsheet_decimal(2455208753 * 0.977) == Decimal("2398738951.681")


@pytest.mark.parametrize("name", ["#NULL", "#N/A"])
def test_text_that_looks_like_an_error_stays_text(tmp_path: Path, name: str) -> None:
    """Found by the hypothesis test: a name beginning with '#' must be written and read as text, not as Excel's error
    (``#NULL`` was read as one, ``#N/A`` written as one). (A name beginning with '=' was a case here too; since the
    open data refuses text a spreadsheet reads as a formula, it is an error at its line: tests/test_schema.py.)"""
    root = copy_examples(tmp_path / "situs")
    path = root / "content/laporan/martapura-barat-2023/data/indikator.yaml"
    text = path.read_text(encoding="utf-8").replace("nama: Nilai Evaluasi Kinerja Kecamatan", f'nama: "{name}"', 1)
    path.write_text(text, encoding="utf-8")
    book = export_workbook(load_one(root, "martapura-barat-2023", Diagnostics()))
    assert open_book(book)["Indikator"]["B2"].data_type == "s"
    assert import_workbook(root, "martapura-barat-2023", book, "data.xlsx").written == []
    assert path.read_text(encoding="utf-8") == text


def test_files_are_written_all_or_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the second of two renames fails, the first file gets its original back and no temporary file is left."""
    import os

    from lkjip_site.sheets import files

    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text("lama a\n", encoding="utf-8")
    b.write_text("lama b\n", encoding="utf-8")
    real = os.replace
    calls = []

    def failing(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 2:
            raise OSError("disk penuh")
        real(src, dst)

    monkeypatch.setattr(files.os, "replace", failing)
    with pytest.raises(OSError):
        files.write_all({a: "baru a\n", b: "baru b\n"})
    monkeypatch.setattr(files.os, "replace", real)
    assert a.read_text(encoding="utf-8") == "lama a\n" and b.read_text(encoding="utf-8") == "lama b\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "b.yaml"]


def test_a_file_with_windows_line_ends_keeps_them(exported: dict[str, bytes], tmp_path: Path) -> None:
    root = copy_examples(tmp_path / "situs")
    slug = "pengaron-2024-tw1"
    path = root / "content/laporan" / slug / "data/indikator.yaml"
    original = path.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(original)
    wb = open_book(exported[slug])
    nilai = wb["Nilai Indikator"]
    put(nilai, find_row(nilai, {"ID": "P03", "Tahun": 2024, "Periode": "tw1"}), {"Realisasi": 55})
    assert import_workbook(root, slug, save(wb), "data.xlsx").written == ["indikator.yaml"]
    new = path.read_bytes()
    assert new.count(b"\r\n") == new.count(b"\n") == original.count(b"\n")
    changed = [(a, b) for a, b in zip(original.split(b"\r\n"), new.split(b"\r\n")) if a != b]
    assert changed == [(b"    realisasi: {2024: {tw1: 50}}", b"    realisasi: {2024: {tw1: 55}}")]


def test_an_older_workbook_does_not_undo_a_newer_edit_of_the_files(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """A workbook exported before a hand edit of the YAML still holds the old value: importing it wrote that value
    back and listed the revert as one more change. It is refused, naming the row, unless ``--timpa`` says the
    workbook is right; importing the same workbook again after its own import is not refused for that import."""
    root = copy_examples(tmp_path / "situs")
    slug = "martapura-barat-2023"
    data = root / "content/laporan" / slug / "data/indikator.yaml"
    book = tmp_path / "data.xlsx"
    assert main(["ekspor", slug, "-o", str(book), "--situs", str(root)]) == 0
    def set_k01(value: int) -> None:
        """K01's realisasi 2023 (the first of nine alike lines after its id), by hand in the YAML."""
        text = data.read_text(encoding="utf-8")
        start = text.index("id: K01\n")
        line = re.compile(r"realisasi: \{2021: 100, 2022: 100, 2023: \d+\}").search(text, start)
        assert line is not None and line.start() < text.index("id: K02\n")
        new = f"realisasi: {{2021: 100, 2022: 100, 2023: {value}}}"
        data.write_text(text[:line.start()] + new + text[line.end():], encoding="utf-8")

    # a number written otherwise (84.82 as 84.8200) is no change; K01's new realisasi is
    set_k01(97)
    data.write_text(data.read_text(encoding="utf-8").replace("2023: 84.82\n", "2023: 84.8200\n", 1), encoding="utf-8")
    wb = load_workbook(book)
    nilai = wb["Nilai Indikator"]
    k05 = find_row(nilai, {"ID": "K05", "Tahun": 2023})
    put(nilai, k05, {"Realisasi": 93.25})
    wb.save(book)
    before = tree_hashes(root)
    capsys.readouterr()
    assert main(["impor", slug, str(book), "--situs", str(root)]) == 1
    err = capsys.readouterr().err
    assert ("data.xlsx!Nilai Indikator!A1: galat: data/indikator.yaml diubah sesudah buku kerja ini diekspor "
            "(baris K01 2023 tahunan); lembar 'Nilai Indikator' masih berisi nilai lamanya") in err, err
    assert "--timpa" in err and "NEK" not in err and "dihitung oleh lkjip" not in err  # not the grey cells' sums
    assert tree_hashes(root) == before
    assert main(["impor", slug, str(book), "--situs", str(root), "--timpa"]) == 0
    out = capsys.readouterr().out
    assert "realisasi K01 2023: 97 → 100" in out and "realisasi K05 2023: 88,71 → 93,25" in out
    # the author fixes a cell and imports the same workbook again: its first import is no newer edit, and its grey
    # cells (the export's capaian of K05) are not blamed
    put(nilai, k05, {"Realisasi": 94})
    wb.save(book)
    assert main(["impor", slug, str(book), "--situs", str(root)]) == 0, capsys.readouterr().err
    assert "realisasi K05 2023: 93,25 → 94" in capsys.readouterr().out
    # a hand edit after that import is newer again
    set_k01(96)
    put(nilai, k05, {"Realisasi": 95})
    wb.save(book)
    assert main(["impor", slug, str(book), "--situs", str(root)]) == 1
    assert "(baris K01 2023 tahunan)" in capsys.readouterr().err


def test_a_realisation_import_after_the_export_is_not_undone_by_the_workbook(exported: dict[str, bytes],
                                                                           tmp_path: Path) -> None:
    """``impor-anggaran`` writes anggaran.yaml; a workbook exported before it would write the old realisasi back."""
    root = copy_examples(tmp_path / "situs")
    slug = "pengaron-2024-tw1"
    data = root / "content/laporan" / slug / "data/anggaran.yaml"
    text = data.read_text(encoding="utf-8")
    assert text.count("realisasi_tw: {tw1: 5100000}") == 1
    data.write_text(text.replace("realisasi_tw: {tw1: 5100000}", "realisasi_tw: {tw1: 5150000}"), encoding="utf-8")
    wb = open_book(exported[slug])
    nilai = wb["Nilai Indikator"]
    put(nilai, find_row(nilai, {"ID": "P02", "Tahun": 2024, "Periode": "tw1"}), {"Realisasi": 30})
    with pytest.raises(ContentError) as caught:
        import_workbook(root, slug, save(wb), "data.xlsx")
    said = [d.format() for d in caught.value.diagnostics.items]
    assert len(said) == 1 and "data/anggaran.yaml diubah sesudah buku kerja ini diekspor (baris 7.01.01.2.06.0002)" \
        in said[0], said
    assert "realisasi_tw: {tw1: 5150000}" in data.read_text(encoding="utf-8")


def test_a_value_typed_over_a_grey_cell_is_said_when_the_files_are_as_exported(exported: dict[str, bytes],
                                                                              tmp_path: Path) -> None:
    """Once a workbook has been imported, its grey cells are not compared (the import made them old). A record of
    that import alone was enough: with the files back as exported (the import undone), a capaian typed over a fresh
    copy of that export said "Tidak ada perubahan" instead of the guide's "dihitung oleh lkjip dan tidak dibaca"."""
    root = copy_examples(tmp_path / "situs")
    slug = "martapura-barat-2023"
    data = root / "content/laporan" / slug / "data"
    original = tree_hashes(data)
    texts = {p: p.read_bytes() for p in data.iterdir()}
    wb = open_book(exported[slug])
    nilai = wb["Nilai Indikator"]
    put(nilai, find_row(nilai, {"ID": "K05", "Tahun": 2023}), {"Realisasi": 93.25})
    assert import_workbook(root, slug, save(wb), "data.xlsx").written == ["indikator.yaml"]
    for path, text in texts.items():  # the author undoes that import (git checkout)
        path.write_bytes(text)
    wb = open_book(exported[slug])
    nilai = wb["Nilai Indikator"]
    k02 = find_row(nilai, {"ID": "K02", "Tahun": 2023})
    capaian = nilai.cell(k02, column(nilai, "Capaian (%)"))
    capaian.value = 50
    with pytest.raises(ContentError) as caught:
        import_workbook(root, slug, save(wb), "data.xlsx")
    said = [d.format() for d in caught.value.diagnostics.items]
    assert len(said) == 1 and said[0].startswith(
        f"data.xlsx!Nilai Indikator!{capaian.coordinate}: galat: kolom 'Capaian (%)' dihitung oleh lkjip dan tidak "
        "dibaca; kosongkan sel ini atau kembalikan nilainya (97,76)"), said
    assert tree_hashes(data) == original


def test_a_changed_year_moves_the_value_in_either_style_of_the_file(exported: dict[str, bytes],
                                                                   tmp_path: Path) -> None:
    """A row whose Tahun changes is that year's row removed and the new year's added, as a deleted and a new row are.
    NEK writes its years as block lines and moved; K02 writes ``target: {2023: 100}`` on one line, and the import
    wrote ``{, 2024: 100}`` and stopped with "YAML tidak dapat dibaca". Both styles now move the value, each in its
    own style."""
    root = copy_examples(tmp_path / "situs")
    slug = "martapura-barat-2023"
    wb = open_book(exported[slug])
    nilai = wb["Nilai Indikator"]
    grey = {h: None for h in ("Nama indikator", "Capaian (%)", "Predikat", "Keterangan capaian")}
    for iid in ("NEK", "K02"):  # the grey cells emptied, as the message about a changed row asks
        put(nilai, find_row(nilai, {"ID": iid, "Tahun": 2023}), {"Tahun": 2024, **grey})
    result = import_workbook(root, slug, save(wb), "data.xlsx")
    assert result.written == ["indikator.yaml"]
    assert _yaml_diff(root, slug, "indikator.yaml") == [
        "-      2023: 73", "+      2024: 73", "-      2023: 84.82", "+      2024: 84.82",
        "-    target: {2023: 100}", "-    realisasi: {2021: 100, 2022: 100, 2023: 97.76}",
        "+    target: {2024: 100}", "+    realisasi: {2021: 100, 2022: 100, 2024: 97.76}"]
    again = open_book(export_workbook(load_one(root, slug, Diagnostics())))["Nilai Indikator"]
    assert again.cell(find_row(again, {"ID": "K02", "Tahun": 2024}), column(again, "Realisasi")).value == 97.76


def test_a_year_typed_before_the_files_years_is_written_in_its_place(exported: dict[str, bytes],
                                                                     tmp_path: Path) -> None:
    """A new year was added after the last one: a realisasi 2021 typed for an indicator with 2022 and 2023 read
    ``{2022: 80, 2023: 73, 2021: 65}``, a 'Target 2021' column of the Renstra sheet ``{2022: 70, ..., 2026: 85, 2021:
    68}``. Years written in order stay in order, in either style of the file; a comment over the first year stays
    over it; a changed year (2023 typed as 2020) moves in front of the others."""
    root = copy_examples(tmp_path / "situs")
    slug = "martapura-barat-2023"
    doc = root / "content/laporan" / slug / "data/indikator.yaml"
    doc.write_text(doc.read_text(encoding="utf-8").replace(
        "    target:\n      2022: 70\n", "    target:\n      # dari Renstra\n      2022: 70\n"), encoding="utf-8")
    wb = open_book(export_workbook(load_one(root, slug, Diagnostics())))
    nilai = wb["Nilai Indikator"]
    put(nilai, first_empty_row(nilai), {"ID": "NEK", "Tahun": 2021, "Periode": "tahunan", "Target": 65,
                                        "Realisasi": 66.5})
    put(nilai, find_row(nilai, {"ID": "K02", "Tahun": 2022}), {"Target": 100})
    grey = {h: None for h in ("Nama indikator", "Capaian (%)", "Predikat", "Keterangan capaian")}
    put(nilai, find_row(nilai, {"ID": "K01", "Tahun": 2023}), {"Tahun": 2020, **grey})
    ren = wb["Renstra"]
    at = column(ren, "Target 2022")
    ren.insert_cols(at)
    ren.cell(1, at).value = "Target 2021"
    ren.cell(find_row(ren, {"ID": "NEK"}), at).value = 68
    assert import_workbook(root, slug, save(wb), "data.xlsx").written == ["indikator.yaml"]
    text = doc.read_text(encoding="utf-8")
    assert "    target_renstra: {2021: 68, 2022: 70, 2023: 73}\n" in text
    assert "    target:\n      2021: 65\n      # dari Renstra\n      2022: 70\n      2023: 73\n" in text
    assert "    realisasi:\n      2021: 66.5\n      2022: 82.85\n" in text
    assert "    target: {2022: 100, 2023: 100}\n    realisasi: {2021: 100, 2022: 100, 2023: 97.76}\n" in text
    assert "    target: {2020: 100}\n    realisasi: {2020: 100, 2021: 100, 2022: 100}\n" in text


def test_years_added_among_and_removed_from_one_line_keep_it_readable() -> None:
    """A year added before a removed one goes before the next kept one, or is the line's only entry."""
    for before, edits, after in (
            ("{2022: 80, 2023: 73}", [("set", 2021), ("del", 2022)], "{2021: 1, 2023: 73}"),
            ("{2022: 80}", [("set", 2021), ("del", 2022)], "{2021: 1}"),
            ("{2022: 80, 2024: 73}", [("set", 2023), ("set", 2025), ("set", 2020)],
             "{2020: 1, 2022: 80, 2023: 1, 2024: 73, 2025: 1}"),
            ("{2022: 80, 2024: 73}", [("del", 2024), ("set", 2023)], "{2022: 80, 2023: 1}"),
            ("{2023: 80, 2022: 73}", [("set", 2021)], "{2023: 80, 2022: 73, 2021: 1}")):  # not in order: at the end
        doc = YamlText(f"r: {before}\n")
        for op, year in edits:
            node = doc.find(["r"])
            assert isinstance(node, MappingNode)
            doc.set_key(node, year, "1") if op == "set" else doc.delete(node, year)
        assert doc.result()[0] == f"r: {after}\n", (before, edits)


def test_neighbouring_years_of_one_line_are_removed_together(exported: dict[str, bytes], tmp_path: Path) -> None:
    """K02's rows 2021 and 2022 deleted: both entries of ``{2021: 100, 2022: 100, 2023: 97.76}`` go (their two cuts
    overlapped: "galat internal lkjip"). The summary says them at the sheet, as a deleted indicator: they were said
    at its header cell A1, which holds no value of theirs."""
    root = copy_examples(tmp_path / "situs")
    slug = "martapura-barat-2023"
    wb = open_book(exported[slug])
    nilai = wb["Nilai Indikator"]
    for year in (2021, 2022):
        nilai.delete_rows(find_row(nilai, {"ID": "K02", "Tahun": year}))
    result = import_workbook(root, slug, save(wb), "data.xlsx")
    assert result.written == ["indikator.yaml"]
    assert result.changes == [f"data.xlsx!Nilai Indikator: realisasi K02 tahun {y} dihapus (barisnya tidak ada lagi)"
                              for y in (2021, 2022)]
    assert _yaml_diff(root, slug, "indikator.yaml") == ["-    realisasi: {2021: 100, 2022: 100, 2023: 97.76}",
                                                        "+    realisasi: {2023: 97.76}"]


def test_a_quarter_budget_cell_is_named_as_the_workbook_heads_it(exported: dict[str, bytes], tmp_path: Path) -> None:
    """A word typed in the "Realisasi TW I (Rp)" column was said as "realisasi TW1" (the YAML key upper-cased),
    a name found neither on the sheet nor on the site."""
    root = copy_examples(tmp_path / "situs")
    slug = "pengaron-2024-tw1"
    wb = open_book(exported[slug])
    budget = wb["Anggaran"]
    put(budget, find_row(budget, {"Kode": "7.01.01.2.06.0002"}), {"Realisasi TW I (Rp)": "lima juta"})
    with pytest.raises(ContentError) as caught:
        import_workbook(root, slug, save(wb), "data.xlsx")
    said = " ".join(d.format() for d in caught.value.diagnostics.items)
    assert "realisasi TW I " in said and "TW1" not in said, said


def test_a_column_the_author_added_is_said_not_dropped_silently(exported: dict[str, bytes], tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """An author added a "Catatan" column beside the figures and wrote in it; the import took the figures and
    dropped the notes without a word, and the author took them for published. Said once, at the column's header;
    an empty added column, and the export's own columns, are not."""
    root = copy_examples(tmp_path / "situs")
    slug = "pengaron-2024-tw1"
    wb = open_book(exported[slug])
    nilai = wb["Nilai Indikator"]
    note, empty = first_empty_column(nilai), first_empty_column(nilai) + 1
    nilai.cell(row=1, column=note, value="Catatan")
    nilai.cell(row=1, column=empty, value="Kosong")
    nilai.cell(row=find_row(nilai, {"ID": "P02", "Tahun": 2024, "Periode": "tw1"}), column=note,
               value="angka dari laporan desa")
    book = tmp_path / "data.xlsx"
    book.write_bytes(save(wb))
    assert main(["impor", slug, str(book), "--situs", str(root)]) == 0
    err = capsys.readouterr().err
    letter = get_column_letter(note)
    assert err.splitlines() == [f"data.xlsx!Nilai Indikator!{letter}1: peringatan: kolom 'Catatan' bukan kolom hasil "
                                "ekspor; isinya tidak diimpor. Catatan tentang sebuah angka ditulis di bab laporan "
                                "(atau, untuk nilai yang tidak ada, di kolom alasannya); kolom ini boleh tetap ada di "
                                "buku kerja Anda"], err
    capsys.readouterr()
    book.write_bytes(exported[slug])
    assert main(["impor", slug, str(book), "--situs", str(root)]) == 0
    assert capsys.readouterr().err == ""


def test_a_comment_on_a_cell_is_said_not_dropped_silently(exported: dict[str, bytes], tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """An author explained a figure in a cell comment (Excel's note); the import took the figure and dropped the
    comment without a word. Said at its cell as a warning, the import going on; the export's own notes on the
    headers are not."""
    root = copy_examples(tmp_path / "situs")
    slug = "pengaron-2024-tw1"
    wb = open_book(exported[slug])
    nilai = wb["Nilai Indikator"]
    cell = nilai.cell(row=find_row(nilai, {"ID": "P02", "Tahun": 2024, "Periode": "tw1"}),
                      column=column(nilai, "Realisasi"))
    cell.comment = Comment("angka dari laporan desa, revisi Maret", "Budi")
    book = tmp_path / "data.xlsx"
    book.write_bytes(save(wb))
    assert main(["impor", slug, str(book), "--situs", str(root)]) == 0
    err = capsys.readouterr().err
    assert err.splitlines() == [f"data.xlsx!Nilai Indikator!{cell.coordinate}: peringatan: komentar (catatan) pada sel "
                                "ini tidak diimpor: lkjip hanya membaca nilai sel. Penjelasan tentang sebuah angka "
                                "ditulis di bab laporan (atau, untuk nilai yang tidak ada, di kolom alasannya); "
                                "komentarnya boleh tetap ada di buku kerja Anda"], err


def first_empty_column(ws: Any) -> int:
    return max(c for c in range(1, ws.max_column + 1) if ws.cell(row=1, column=c).value not in (None, "")) + 1


def test_budget_rows_new_in_the_workbook_are_written_where_the_sheet_has_them(exported: dict[str, bytes],
                                                                              tmp_path: Path) -> None:
    """A sub kegiatan typed between two rows of the sheet (in its kode's order, as the DPA lists them), one above
    the first of its kegiatan, and a new kegiatan between two others were all appended at the end of their lists in
    anggaran.yaml, and so printed last in the budget table. They are written where the sheet has them; every other
    line (the comments, the blank lines between programs) stays as it was."""
    root = copy_examples(tmp_path / "situs")
    slug = "martapura-barat-2023"
    wb = open_book(exported[slug])
    budget = wb["Anggaran"]

    def insert_before(kode: str, rows: list[dict[str, Any]]) -> None:
        at = find_row(budget, {"Kode": kode})
        budget.insert_rows(at, len(rows))
        for i, values in enumerate(rows):
            put(budget, at + i, values)

    def sub(kode: str) -> dict[str, Any]:
        return {"Kode": kode, "Uraian": f"Sub kegiatan {kode}", "Pagu (Rp)": 1000000, "Realisasi (Rp)": 900000}

    insert_before("7.01.01.2.01.0007", [sub("7.01.01.2.01.0003")])
    insert_before("7.01.01.2.03.0005", [sub("7.01.01.2.03.0001")])
    insert_before("7.01.02.2.04", [{"Kode": "7.01.02.2.03", "Uraian": "Kegiatan baru"}, sub("7.01.02.2.03.0001")])
    assert import_workbook(root, slug, save(wb), "data.xlsx").written == ["anggaran.yaml"]
    text = (root / "content/laporan" / slug / "data/anggaran.yaml").read_text(encoding="utf-8")
    kodes = re.findall(r"- kode: (\S+)", text)
    assert kodes[kodes.index("7.01.01.2.01.0001"):kodes.index("7.01.01.2.01.0007") + 1] == [
        "7.01.01.2.01.0001", "7.01.01.2.01.0003", "7.01.01.2.01.0007"]
    assert kodes[kodes.index("7.01.01.2.03"):kodes.index("7.01.01.2.03.0005") + 1] == [
        "7.01.01.2.03", "7.01.01.2.03.0001", "7.01.01.2.03.0005"]
    assert kodes[kodes.index("7.01.02.2.02.0003"):kodes.index("7.01.02.2.04") + 1] == [
        "7.01.02.2.02.0003", "7.01.02.2.03", "7.01.02.2.03.0001", "7.01.02.2.04"]
    assert [line for line in _yaml_diff(root, slug, "anggaran.yaml") if not line.startswith("+")] == []
    assert "\n\n  - kode: 7.01.02\n" in text and "\n\n  - kode: 7.01.03\n" in text


def _insert_row(ws: Any, at: int, values: dict[str, Any], header_row: int = 1) -> None:
    """A row inserted above row ``at`` and typed in, as Excel's Insert > Row does."""
    ws.insert_rows(at)
    put(ws, at, values, header_row)


def test_indicators_new_in_the_workbook_are_written_where_the_sheet_has_them(exported: dict[str, bytes],
                                                                            tmp_path: Path) -> None:
    """An indicator typed under its sasaran's rows of the Indikator sheet was appended after the file's last
    indicator (and so came last on the next export's sheet and in the open data), its keys in a fixed order and its
    values in block style among indicators that write ``{2022: 80}``; in its sasaran's list in renstra.yaml (the
    order of the PK's indicators when pk.yaml lists none) it came after the sasaran's other indicators. It is written
    after the row above it, as the indicator it sits beside writes its keys, and listed where the sheet has it."""
    root = copy_examples(tmp_path / "situs")
    slug = "batu-sopang-2022"
    wb = open_book(exported[slug])
    ind, nilai = wb["Indikator"], wb["Nilai Indikator"]
    new = {"Nama indikator": "Indeks Kepuasan Layanan Desa", "Satuan": "nilai", "Polaritas": "positif",
           "Jenis": "iku", "Agregasi triwulan": "terakhir", "Definisi": "Survei kepuasan atas layanan desa."}
    _insert_row(ind, find_row(ind, {"ID": "KRIMINALITAS"}), {**new, "ID": "IKM-DESA", "Sasaran/tujuan": "S2"})
    _insert_row(ind, find_row(ind, {"ID": "TEMUAN"}), {**new, "ID": "SAKIP-2", "Sasaran/tujuan": "S1"})
    _insert_row(ind, find_row(ind, {"ID": "RB"}), {**new, "ID": "RB-0", "Sasaran/tujuan": "T1"})
    for iid in ("IKM-DESA", "SAKIP-2", "RB-0"):
        put(nilai, first_empty_row(nilai), {"ID": iid, "Tahun": 2022, "Periode": "tahunan", "Target": 80,
                                            "Realisasi": 82.5})
    assert import_workbook(root, slug, save(wb), "data.xlsx").written == ["indikator.yaml", "renstra.yaml"]
    data = root / "content/laporan" / slug / "data"
    text = (data / "indikator.yaml").read_text(encoding="utf-8")
    assert re.findall(r"  - id: (\S+)", text) == ["RB-0", "RB", "SAKIP", "SAKIP-2", "TEMUAN", "IKM", "IKM-DESA",
                                                  "KRIMINALITAS", "USAHA-BARU", "DESA-MANDIRI"]
    # beside IKM (flow style, definisi after jenis), and set apart by a blank line as the file's items are
    assert ("      2022: {capaian: 102.5, predikat: Sangat Baik}\n\n  - id: IKM-DESA\n"
            "    nama: Indeks Kepuasan Layanan Desa\n    satuan: nilai\n    polaritas: positif\n    jenis: iku\n"
            "    definisi: Survei kepuasan atas layanan desa.\n    target: {2022: 80}\n    realisasi: {2022: 82.5}\n"
            "\n  - id: KRIMINALITAS\n") in text
    # the file's opening comment stays above the list, the new first item under it
    assert text.startswith("# Indikator Kecamatan Batu Sopang.") and "\nindikator:\n  - id: RB-0\n" in text
    assert [line for line in _yaml_diff(root, slug, "indikator.yaml") if not line.startswith("+")] == []
    renstra = (data / "renstra.yaml").read_text(encoding="utf-8")
    assert "indikator: [RB-0, RB]" in renstra  # (above RB on the sheet)
    assert "indikator: [SAKIP, SAKIP-2, TEMUAN]" in renstra and "indikator: [IKM, IKM-DESA]" in renstra
    # the next export shows them where the author typed them, and changes nothing when imported
    again = export_workbook(load_one(root, slug, Diagnostics()))
    sheet = open_book(again)["Indikator"]
    assert [sheet.cell(r, 1).value for r in range(2, 5)] == ["RB-0", "RB", "SAKIP"]
    assert import_workbook(root, slug, again, "data.xlsx").written == []


def test_a_new_indicator_writes_its_keys_in_the_order_of_the_indicator_beside_it(exported: dict[str, bytes],
                                                                                 tmp_path: Path) -> None:
    """The example's program and kegiatan indicators write ``program`` right after ``jenis``; a new one typed among
    them wrote it after ``penanggung_jawab``, unlike every indicator around it."""
    root = copy_examples(tmp_path / "situs")
    slug = "martapura-barat-2023"
    wb = open_book(exported[slug])
    ind = wb["Indikator"]
    _insert_row(ind, find_row(ind, {"ID": "K02"}), {
        "ID": "K01A", "Nama indikator": "Persentase Dokumen Keuangan Tepat Waktu", "Satuan": "%",
        "Polaritas": "positif", "Jenis": "kegiatan", "Kode program": "7.01.01",
        "Penanggung jawab": "Kasubbag Perencanaan, Keuangan dan Aset"})
    assert import_workbook(root, slug, save(wb), "data.xlsx").written == ["indikator.yaml"]
    assert _yaml_diff(root, slug, "indikator.yaml") == [
        "+  - id: K01A", "+    nama: Persentase Dokumen Keuangan Tepat Waktu", '+    satuan: "%"',
        "+    polaritas: positif", "+    jenis: kegiatan", "+    program: 7.01.01",
        '+    penanggung_jawab: "Kasubbag Perencanaan, Keuangan dan Aset"', "+"]
    text = (root / "content/laporan" / slug / "data/indikator.yaml").read_text(encoding="utf-8")
    assert text.index("- id: K01\n") < text.index("- id: K01A\n") < text.index("- id: K02\n")


def test_a_sasaran_typed_on_the_pk_sheet_is_refused_once_with_the_way_to_add_it(exported: dict[str, bytes],
                                                                               tmp_path: Path) -> None:
    """Sasaran live in renstra.yaml, which the workbook does not write. A sasaran row added to the PK sheet with its
    uraian typed was refused for the grey Uraian cell ("kosongkan sel-sel itu untuk baris baru"); emptied, the
    next import refused the sasaran: two rounds. Now one message at its ID says all there is to do."""
    root = copy_examples(tmp_path / "situs")
    slug = "batu-sopang-2022"
    before = tree_hashes(root)
    wb = open_book(exported[slug])
    pk = wb["PK"]
    at = find_row(pk, {"Bagian": "sasaran", "ID / kode": "S4"}, 5) + 1
    _insert_row(pk, at, {"Bagian": "sasaran", "ID / kode": "S5", "Uraian": "Meningkatnya ketahanan pangan"}, 5)
    with pytest.raises(ContentError) as err:
        import_workbook(root, slug, save(wb), "data.xlsx")
    messages = [d.format() for d in err.value.diagnostics.items]
    assert messages == [f"data.xlsx!PK!B{at}: galat: sasaran 'S5' tidak ada di data/renstra.yaml (yang ada: S1, S2, "
                        "S3, S4); sasaran baru tidak dapat ditambahkan di buku kerja: tulis sasarannya di "
                        "data/renstra.yaml, di bawah tujuannya (id, uraian, indikator), kosongkan kolom 'Uraian' baris "
                        "ini (diisi lkjip dari renstra.yaml), lalu impor lagi; atau perbaiki ID-nya"]
    assert tree_hashes(root) == before
    # written in renstra.yaml as the message says, the same workbook imports
    renstra = root / "content/laporan" / slug / "data/renstra.yaml"
    renstra.write_text(renstra.read_text(encoding="utf-8").replace(
        "        indikator: [USAHA-BARU]\n",
        "        indikator: [USAHA-BARU]\n      - id: S5\n        uraian: Meningkatnya ketahanan pangan\n"
        "        indikator: [DESA-MANDIRI]\n"), encoding="utf-8")
    pk.cell(at, column(pk, "Uraian", 5)).value = None
    assert import_workbook(root, slug, save(wb), "data.xlsx").written == ["pk.yaml"]
    assert "sasaran: [S1, S2, S3, S4, S5]" in (root / "content/laporan" / slug / "data/pk.yaml").read_text("utf-8")


def test_an_indicator_typed_on_the_pk_sheet_is_refused_once_with_the_way_to_add_it(exported: dict[str, bytes],
                                                                                   tmp_path: Path) -> None:
    """An indicator is added on the Indikator sheet; a PK row only names it. Typed on the PK sheet with its uraian,
    a new one was refused for the grey Uraian cell, then (emptied) for its ID: two rounds. One message at its ID now
    says where it is added; added there, the same PK row imports."""
    root = copy_examples(tmp_path / "situs")
    slug = "batu-sopang-2022"
    before = tree_hashes(root)
    wb = open_book(exported[slug])
    pk = wb["PK"]
    at = find_row(pk, {"Bagian": "indikator", "ID / kode": "USAHA-BARU"}, 5) + 1
    _insert_row(pk, at, {"Bagian": "indikator", "ID / kode": "PANGAN", "Uraian": "Persentase desa tahan pangan"}, 5)
    with pytest.raises(ContentError) as err:
        import_workbook(root, slug, save(wb), "data.xlsx")
    messages = [d.format() for d in err.value.diagnostics.items]
    assert len(messages) == 1, messages
    assert messages[0].startswith(f"data.xlsx!PK!B{at}: galat: indikator 'PANGAN' tidak ada di lembar Indikator; "
                                  "indikator baru ditambahkan di lembar Indikator"), messages
    assert "kosongkan kolom 'Uraian' baris ini" in messages[0]
    assert tree_hashes(root) == before
    # added on the Indikator sheet as the message says, with the PK row's grey cell emptied, the workbook imports
    ind = wb["Indikator"]
    _insert_row(ind, find_row(ind, {"ID": "USAHA-BARU"}) + 1, {
        "ID": "PANGAN", "Nama indikator": "Persentase desa tahan pangan", "Satuan": "%", "Polaritas": "positif",
        "Sasaran/tujuan": "S4"})
    pk.cell(at, column(pk, "Uraian", 5)).value = None
    written = import_workbook(root, slug, save(wb), "data.xlsx").written
    assert "pk.yaml" in written and "indikator.yaml" in written, written


def test_an_item_added_among_others_keeps_the_comments_and_blank_lines_of_its_neighbours() -> None:
    """An item added before the first of a list goes above the comment over that item (the comment is the item's);
    one added between two goes after the first's own lines, the blank line and comment over the next staying with
    the next; the file's blank lines between items are kept for the new one."""
    doc = YamlText("tahun: 2023\nprogram:\n  # Program pertama\n  - kode: 7.01.02\n    nama: B\n\n"
                   "  # Program ketiga\n  - kode: 7.01.04\n    nama: D\n")
    seq = doc.find(["program"])
    doc.insert_item(seq, 0, ["kode: 7.01.01", "nama: A"], "A")
    doc.insert_item(seq, 1, ["kode: 7.01.03", "nama: C"], "C")
    doc.append_item(seq, ["kode: 7.01.05", "nama: E"], "E", after=1)
    text, lines = doc.result()
    assert text == ("tahun: 2023\nprogram:\n  - kode: 7.01.01\n    nama: A\n\n  # Program pertama\n  - kode: 7.01.02\n"
                    "    nama: B\n\n  - kode: 7.01.03\n    nama: C\n\n  # Program ketiga\n  - kode: 7.01.04\n"
                    "    nama: D\n\n  - kode: 7.01.05\n    nama: E\n")
    assert [(first, origin) for first, _last, origin in lines] == [(3, "A"), (10, "C"), (17, "E")]


def test_a_workbook_imported_once_is_imported_again_after_one_more_fix(exported: dict[str, bytes],
                                                                       tmp_path: Path) -> None:
    """The guide: the same workbook may be imported again after fixing one more cell. Its program and kegiatan totals
    still show the export's sums, and the second import refused each of them as a typed total (after
    ``lkjip new --dari``, whose totals export as 0, every program and kegiatan row: 48 errors)."""
    root = copy_examples(tmp_path / "situs")
    slug = "martapura-barat-2023"
    wb = open_book(exported[slug])
    budget = wb["Anggaran"]
    put(budget, find_row(budget, {"Kode": "7.01.01.2.02.0001"}), {"Pagu (Rp)": 1633431430})
    assert import_workbook(root, slug, save(wb), "data.xlsx").written == ["anggaran.yaml"]
    nilai = wb["Nilai Indikator"]
    put(nilai, find_row(nilai, {"ID": "K04", "Tahun": 2023}), {"Realisasi": 91})
    assert import_workbook(root, slug, save(wb), "data.xlsx").written == ["indikator.yaml"]
    assert "pagu: 1633431430" in (root / "content/laporan" / slug / "data/anggaran.yaml").read_text(encoding="utf-8")


def test_a_value_typed_over_a_grey_cell_after_an_import_is_named(exported: dict[str, bytes],
                                                                    tmp_path: Path) -> None:
    """After a first import the grey cells still show the export's sums and capaian, so they were no longer compared:
    a capaian, predikat or program pagu the author then typed over one vanished, and the second import said "Tidak ada
    perubahan" (exit 0). They are compared with what the export showed: the stale sums pass, the typed cells are named
    at their cells, and nothing is written."""
    root = copy_examples(tmp_path / "situs")
    slug = "martapura-barat-2023"
    wb = open_book(exported[slug])
    budget, nilai = wb["Anggaran"], wb["Nilai Indikator"]
    put(budget, find_row(budget, {"Kode": "7.01.01.2.02.0001"}), {"Pagu (Rp)": 1633431430})
    put(nilai, find_row(nilai, {"ID": "K04", "Tahun": 2023}), {"Realisasi": 91})
    assert import_workbook(root, slug, save(wb), "data.xlsx").written == ["anggaran.yaml", "indikator.yaml"]
    before = tree_hashes(root)
    k05 = find_row(nilai, {"ID": "K05", "Tahun": 2023})
    program = find_row(budget, {"Kode": "7.01.01"})
    put(nilai, k05, {"Capaian (%)": 120, "Predikat": "Sangat Berhasil"})
    put(budget, program, {"Pagu (Rp)": 2300000000})
    with pytest.raises(ContentError) as caught:
        import_workbook(root, slug, save(wb), "data.xlsx")
    said = {(d.file, f"{d.column}{d.line}") for d in caught.value.diagnostics.errors}
    assert said == {("data.xlsx!Nilai Indikator", f"{get_column_letter(column(nilai, 'Capaian (%)'))}{k05}"),
                    ("data.xlsx!Nilai Indikator", f"{get_column_letter(column(nilai, 'Predikat'))}{k05}"),
                    ("data.xlsx!Anggaran", f"{get_column_letter(column(budget, 'Pagu (Rp)'))}{program}")}, said
    assert tree_hashes(root) == before


def test_a_renstra_target_change_is_said_at_its_cell(exported: dict[str, bytes], tmp_path: Path) -> None:
    """A Renstra target typed in the workbook was said as "!A1: target Renstra NEK: …": no file, no sheet, the
    wrong cell (the change named a key no cell was kept for)."""
    root = copy_examples(tmp_path / "situs")
    slug = "martapura-barat-2023"
    wb = open_book(exported[slug])
    ren = wb["Renstra"]
    r = find_row(ren, {"ID": "NEK"})
    cell = ren.cell(r, column(ren, "Target 2024"))
    cell.value = 76
    changes = import_workbook(root, slug, save(wb), "data.xlsx").changes
    said = [c for c in changes if "target Renstra NEK" in c]
    assert said and said[0].startswith(f"data.xlsx!Renstra!{cell.coordinate}: target Renstra NEK:"), changes


def test_a_deleted_renstra_row_removes_its_targets(exported: dict[str, bytes], tmp_path: Path) -> None:
    """A row deleted from the Renstra sheet was passed over: the import said "Tidak ada perubahan" (exit 0) and the
    indicator kept its Renstra targets. As on the other sheets, the row's values go, said at the sheet, and only
    their lines leave the file."""
    root = copy_examples(tmp_path / "situs")
    slug = "martapura-barat-2023"
    data = root / "content/laporan" / slug / "data/indikator.yaml"
    old = data.read_text(encoding="utf-8")
    wb = open_book(exported[slug])
    ren = wb["Renstra"]
    ren.delete_rows(find_row(ren, {"ID": "NEK"}))
    changes = import_workbook(root, slug, save(wb), "data.xlsx").changes
    assert "data.xlsx!Renstra: target Renstra NEK: 2022: 70, 2023: 73 → – (barisnya tidak ada lagi)" in changes, changes
    assert "data.xlsx!Renstra: target akhir NEK: – (barisnya tidak ada lagi)" in changes, changes
    lines = difflib.unified_diff(old.splitlines(), data.read_text(encoding="utf-8").splitlines(), lineterm="", n=0)
    diff = [line for line in lines if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert diff == ["-    target_renstra: {2022: 70, 2023: 73}", "-    target_akhir: 85"], diff


def test_every_sheets_mistakes_are_said_in_one_import(exported: dict[str, bytes], tmp_path: Path) -> None:
    """A mistake on Nilai Indikator kept the Anggaran sheet's cells unread: the author fixed one sheet, imported,
    and only then heard of the other's (three runs for three mistakes)."""
    root = copy_examples(tmp_path / "situs")
    slug = "martapura-barat-2023"
    wb = open_book(exported[slug])
    nilai = wb["Nilai Indikator"]
    put(nilai, find_row(nilai, {"ID": "K04", "Tahun": 2023}), {"Realisasi": "sembilan puluh"})
    budget = wb["Anggaran"]
    put(budget, find_row(budget, {"Kode": "7.01.01.2.02.0001"}), {"Pagu (Rp)": "1.633.431.430"})
    with pytest.raises(ContentError) as caught:
        import_workbook(root, slug, save(wb), "data.xlsx")
    sheets = {d.file for d in caught.value.diagnostics.errors}
    assert sheets == {"data.xlsx!Nilai Indikator", "data.xlsx!Anggaran"}, [d.format() for d in caught.value.diagnostics.items]


def test_a_new_program_above_a_replaced_kegiatan_keeps_each_under_its_own_parent(tmp_path: Path) -> None:
    """A quarterly report from ``lkjip new`` filled in Excel: program 7.01.01 typed above the scaffold's 7.01.02, whose
    kegiatan is replaced by another. Both additions end where the file ends; the new kegiatan was written after the
    new program (inside it) and the import was refused with "kunci wajib 'program[1].kegiatan' belum diisi"."""
    assert main(["init", str(tmp_path)]) == 0
    assert main(["new", "--situs", str(tmp_path), "kec-2025-tw1", "--tahun", "2025", "--periode", "tw1"]) == 0
    wb = open_book(export_workbook(load_one(tmp_path, "kec-2025-tw1", Diagnostics())))
    ws = wb["Anggaran"]
    ws.protection.sheet = False
    ws.delete_rows(2, ws.max_row)
    sub = {"Pagu (Rp)": 7800000, "Alasan realisasi tidak ada": "Tahun anggaran masih berjalan",
           "Realisasi TW I (Rp)": 1837000}
    for i, row in enumerate([
            {"Kode": "7.01.01", "Uraian": "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"},
            {"Kode": "7.01.01.2.01", "Uraian": "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"},
            {"Kode": "7.01.01.2.01.0001", "Uraian": "Penyusunan Dokumen Perencanaan Perangkat Daerah", **sub},
            {"Kode": "7.01.02", "Uraian": "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik"},
            {"Kode": "7.01.02.2.02", "Uraian": "Penyelenggaraan Urusan Pemerintahan yang Tidak Dilaksanakan"},
            {"Kode": "7.01.02.2.02.0001", "Uraian": "Pelaksanaan Urusan Pemerintahan di Kecamatan", **sub}], start=2):
        put(ws, i, row)
    result = import_workbook(tmp_path, "kec-2025-tw1", save(wb), "data.xlsx")
    assert result.written == ["anggaran.yaml"]
    budget = load_one(tmp_path, "kec-2025-tw1", Diagnostics()).data.anggaran
    assert budget is not None
    assert {p.kode: [k.kode for k in p.children] for p in budget.program} == {
        "7.01.01": ["7.01.01.2.01"], "7.01.02": ["7.01.02.2.02"]}


def test_a_message_about_one_year_of_a_line_is_said_at_that_years_cell(exported: dict[str, bytes],
                                                                       tmp_path: Path) -> None:
    """K02 writes ``realisasi: {2021: 100, 2022: 100, 2023: 97.76}`` on one line. With two of its years edited, a
    message about one year was said at the line's first edited cell, the other year's: the 2023 capaian's warning at
    2021's realisasi, and "realisasi 2023 hanya diisi tw1" at 2021's. Now at the year it names (the report's year
    when it names none)."""
    slug = "martapura-barat-2023"
    root = copy_examples(tmp_path / "situs")
    wb = open_book(exported[slug])
    nilai = wb["Nilai Indikator"]
    col = get_column_letter(column(nilai, "Realisasi"))
    r2021, r2023 = (find_row(nilai, {"ID": "K02", "Tahun": y}) for y in (2021, 2023))
    put(nilai, r2021, {"Realisasi": 90})
    put(nilai, r2023, {"Realisasi": 9776})
    result = import_workbook(root, slug, save(wb), "data.xlsx")
    said = [w.format() for w in result.warnings if "sepuluh kali" in w.message]
    assert len(said) == 1 and said[0].startswith(f"data.xlsx!Nilai Indikator!{col}{r2023}: peringatan: K02: capaian "
                                                 "9.776,00 %"), said
    root = copy_examples(tmp_path / "situs2")
    wb = open_book(exported[slug])
    nilai = wb["Nilai Indikator"]
    put(nilai, r2021, {"Realisasi": 90})
    put(nilai, r2023, {"Periode": "tw1", "Target": None, "Nama indikator": None, "Capaian (%)": None, "Predikat": None,
                       "Keterangan capaian": None})
    with pytest.raises(ContentError) as caught:
        import_workbook(root, slug, save(wb), "data.xlsx")
    said = [d.format() for d in caught.value.diagnostics.items if "hanya diisi tw1" in d.message]
    assert len(said) == 1 and said[0].startswith(f"data.xlsx!Nilai Indikator!{col}{r2023}: galat: K02: realisasi "
                                                 "2023 hanya diisi tw1"), said


def test_sorting_the_pk_sheet_leaves_a_pk_without_its_own_indicator_list_as_it_is(tmp_path: Path) -> None:
    """A pk.yaml without ``indikator:`` takes its sasaran's indicators from renstra.yaml. Sorting the PK sheet's rows
    wrote that order out as ``indikator: [...]``, which then kept an indicator added to a sasaran later out of the
    PK. The order of those rows means nothing there: nothing is written. A row deleted does write the list, and the
    summary says it is now fixed in pk.yaml."""
    root = copy_examples(tmp_path / "situs")
    slug = "batu-sopang-2022"
    pk_file = root / "content/laporan" / slug / "data/pk.yaml"
    text = pk_file.read_text(encoding="utf-8")
    pk_file.write_text(re.sub(r"(?m)^indikator: .*\n", "", text), encoding="utf-8")
    before = tree_hashes(root)
    wb = open_book(export_workbook(load_one(root, slug, Diagnostics())))
    pk = wb["PK"]
    col_b, col_id = column(pk, "Bagian", 5), column(pk, "ID / kode", 5)
    rows = [r for r in range(6, pk.max_row + 1) if pk.cell(r, col_b).value == "indikator"]
    cells = [[c.value for c in pk[r]] for r in rows]
    assert len(cells) > 2
    for r, values in zip(rows, sorted(cells, key=lambda v: v[col_id - 1], reverse=True)):  # the whole rows move
        for c, v in enumerate(values, start=1):
            pk.cell(r, c).value = v
    assert [pk.cell(r, col_id).value for r in rows] != [v[col_id - 1] for v in cells]
    result = import_workbook(root, slug, save(wb), "data.xlsx")
    assert result.written == [] and result.changes == []
    assert tree_hashes(root) == before
    pk.delete_rows(rows[-1])
    result = import_workbook(root, slug, save(wb), "data.xlsx")
    assert result.written == ["pk.yaml"]
    assert len(result.changes) == 1 and "(kini didaftar di pk.yaml;" in result.changes[0], result.changes


#: A budget whose program takes its kegiatan through a YAML merge key (``<<:``): the loader reads it as written
#: out, the import's text editor cannot add to or change what the anchor holds.
_MERGED_BUDGET = """tahun: 2025
# rincian kegiatan, dipakai di bawah program lewat '<<:'
rincian: &rincian
  kegiatan:
    - kode: 0.00.01.2.01
      nama: Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah
      sub_kegiatan:
        - kode: 0.00.01.2.01.0001
          nama: Penyusunan Dokumen Perencanaan Perangkat Daerah
          pagu: 100000000
          realisasi: 95000000
        - kode: 0.00.01.2.01.0002
          nama: Evaluasi Kinerja Perangkat Daerah
          pagu: 20000000
          realisasi: 18000000
program:
  - kode: 0.00.01
    nama: Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota
    sasaran: S1
    <<: *rincian
"""


def _merged_site(tmp_path: Path) -> tuple[Path, Path, bytes]:
    """A pemda's new site whose anggaran.yaml writes the program's kegiatan through '<<:', and its fresh export."""
    root = tmp_path / "situs"
    assert main(["init", str(root)]) == 0
    assert main(["new", "--situs", str(root), "dinas-2025", "--tahun", "2025", "--instansi", "Dinas Contoh"]) == 0
    budget = root / "content/laporan/dinas-2025/data/anggaran.yaml"
    budget.write_text(_MERGED_BUDGET, encoding="utf-8")
    return root, budget, export_workbook(load_one(root, "dinas-2025", Diagnostics()))


def test_budget_rows_added_under_a_merged_list_are_refused_at_their_cell_then_written_once_it_is_plain(
        tmp_path: Path) -> None:
    """A kegiatan and its sub kegiatan typed in Excel under a program whose kegiatan list anggaran.yaml writes through
    a merge key ('<<:'): the import stopped with "Ini kesalahan program" (a merge key could not be read as a key),
    and had it read on, the rows would have been passed over (their parent has no list the import can add to) with
    "Impor selesai" and their Rp 50.000.000 in no file. The new kegiatan's Kode cell is named, with what to write
    instead, and nothing is written; with the list written out plainly, the same workbook writes them."""
    root, budget, data = _merged_site(tmp_path)
    wb = open_book(data)
    sheet = wb["Anggaran"]
    row = find_row(sheet, {"Kode": "0.00.01.2.01.0002"}) + 1
    put(sheet, row, {"Kode": "0.00.01.2.02", "Uraian": "Kegiatan baru"})
    put(sheet, row + 1, {"Kode": "0.00.01.2.02.0001", "Uraian": "Sub kegiatan baru", "Pagu (Rp)": 50000000,
                         "Realisasi (Rp)": 40000000})
    edited = save(wb)
    with pytest.raises(ContentError) as err:
        import_workbook(root, "dinas-2025", edited, "data.xlsx")
    [d] = err.value.diagnostics.errors
    assert (d.file, d.line, d.column) == ("data.xlsx!Anggaran", row, "A")
    assert d.message.startswith("kegiatan '0.00.01.2.02' tidak dapat ditambahkan: daftar 'kegiatan' di bawah "
                                "program 0.00.01 di data/anggaran.yaml ditulis lewat gabungan YAML ('<<:')")
    assert "tanpa '<<:', lalu impor buku kerja ini lagi" in d.message
    assert budget.read_text(encoding="utf-8") == _MERGED_BUDGET
    # as the message says: the list written out under the program, the same workbook imported again
    plain = """tahun: 2025
program:
  - kode: 0.00.01
    nama: Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota
    sasaran: S1
    kegiatan:
      - kode: 0.00.01.2.01
        nama: Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah
        sub_kegiatan:
          - kode: 0.00.01.2.01.0001
            nama: Penyusunan Dokumen Perencanaan Perangkat Daerah
            pagu: 100000000
            realisasi: 95000000
          - kode: 0.00.01.2.01.0002
            nama: Evaluasi Kinerja Perangkat Daerah
            pagu: 20000000
            realisasi: 18000000
"""
    budget.write_text(plain, encoding="utf-8")
    assert import_workbook(root, "dinas-2025", edited, "data.xlsx").written == ["anggaran.yaml"]
    after = load_one(root, "dinas-2025", Diagnostics()).data.anggaran
    assert after is not None
    leaves = {n.kode: n for p in after.program for k in p.children for n in k.children}
    assert leaves["0.00.01.2.02.0001"].pagu == Decimal(50000000)


def test_a_budget_written_through_a_merge_key_round_trips_and_an_edit_of_it_is_named(tmp_path: Path) -> None:
    """The unedited workbook of such a budget imported as "Tidak ada perubahan" (it stopped the import with "Ini
    kesalahan program"); a pagu changed in it, or a row deleted, which the import cannot write where the anchor holds
    them, is named, not dropped, and nothing is written."""
    root, budget, data = _merged_site(tmp_path)
    result = import_workbook(root, "dinas-2025", data, "data.xlsx")
    assert result.written == [] and result.changes == []
    wb = open_book(data)
    sheet = wb["Anggaran"]
    row = find_row(sheet, {"Kode": "0.00.01.2.01.0001"})
    put(sheet, row, {"Pagu (Rp)": 120000000})
    with pytest.raises(ContentError) as err:
        import_workbook(root, "dinas-2025", save(wb), "data.xlsx")
    [d] = err.value.diagnostics.errors
    assert (d.file, d.line, d.column) == ("data.xlsx!Anggaran", row, "A")
    assert d.message.startswith("sub kegiatan '0.00.01.2.01.0001' diubah, tetapi barisnya di data/anggaran.yaml "
                                "ditulis lewat gabungan YAML ('<<:')")
    assert budget.read_text(encoding="utf-8") == _MERGED_BUDGET
    # a row deleted there is named too (it stayed in the file, the import saying "Tidak ada perubahan")
    wb = open_book(data)
    wb["Anggaran"].delete_rows(find_row(wb["Anggaran"], {"Kode": "0.00.01.2.01.0002"}))
    with pytest.raises(ContentError) as err:
        import_workbook(root, "dinas-2025", save(wb), "data.xlsx")
    [d] = err.value.diagnostics.errors
    assert (d.file, d.line, d.column) == ("data.xlsx!Anggaran", 1, "A")
    assert d.message.startswith("sub kegiatan '0.00.01.2.01.0002' dihapus dari lembar ini")
    assert budget.read_text(encoding="utf-8") == _MERGED_BUDGET


def test_yaml_text_reads_and_edits_a_mapping_with_a_merge_key() -> None:
    """A merge key is no entry lkjip looks up or edits; reading past it failed (no constructor for its tag). A key it
    supplies is not set beside it (the loader refuses ``x`` written twice): that edit is kept in ``shared``."""
    doc = YamlText("a: &a {x: 1}\nb:\n  <<: *a\n  y: 2\n")
    b = doc.find(["b"])
    assert doc.get(b, "x") is None and doc.value(doc.get(b, "y")[1]) == 2  # type: ignore[index]
    doc.delete(b, "y")
    doc.set_key(b, "x", "3", origin="B2")
    assert doc.result()[0] == "a: &a {x: 1}\nb:\n  <<: *a\n"
    assert [(s.kind, s.name, s.line, s.uses, s.key, s.origin) for s in doc.shared] == [
        ("gabungan", "a", 3, (1,), "x", "B2")]


#: Indicators a webmaster wrote with YAML anchors and aliases: IKU2's target is IKU1's, through ``*t``.
_ALIASED_INDICATORS = """indikator:
  - id: IKU1
    nama: Indeks Kepuasan Masyarakat
    satuan: indeks
    polaritas: positif
    # target PK yang sama untuk kedua indikator
    target: &t {2025: 80}
    realisasi:
      2025: 82.5
  - id: IKU2
    nama: Persentase dokumen perencanaan tepat waktu
    satuan: persen
    polaritas: positif
    target: *t
    realisasi: {2025: 85}
"""

#: Indicators that take shared fields through a merge key (``<<:``); IKU3 takes its id through one too.
_MERGED_INDICATORS = """indikator:
  - id: IKU1
    nama: Persentase dokumen perencanaan tepat waktu
    <<: &bersama
      satuan: persen
      polaritas: positif
      definisi: Dokumen yang selesai tepat waktu dibagi seluruh dokumen
    target: {2025: 80}
    realisasi: {2025: 82.5}
  - id: IKU2
    <<: *bersama
    nama: Persentase dokumen evaluasi tepat waktu
    target: {2025: 90}
    realisasi: {2025: 85}
"""


def _site_with(tmp_path: Path, indicators: str) -> tuple[Path, Path, bytes]:
    """A pemda's new site whose indikator.yaml is ``indicators`` (every id in the sasaran), and its fresh export."""
    root = tmp_path / "situs"
    assert main(["init", str(root)]) == 0
    assert main(["new", "--situs", str(root), "dinas-2025", "--tahun", "2025", "--instansi", "Dinas Contoh"]) == 0
    data = root / "content/laporan/dinas-2025/data"
    (data / "indikator.yaml").write_text(indicators, encoding="utf-8")
    ids = ", ".join(re.findall(r"\bid: (IKU\d)", indicators))
    renstra = (data / "renstra.yaml").read_text(encoding="utf-8")
    (data / "renstra.yaml").write_text(renstra.replace("indikator: [IKU1]", f"indikator: [{ids}]"), encoding="utf-8")
    diags = Diagnostics()
    report = load_one(root, "dinas-2025", diags)
    assert not diags.errors, [d.format() for d in diags.errors]
    return root, data / "indikator.yaml", export_workbook(report)


def _targets(root: Path) -> dict[str, Any]:
    diags = Diagnostics()
    report = load_one(root, "dinas-2025", diags)
    assert not diags.errors, [d.format() for d in diags.errors]
    return {iid: ind.target[2025].annual for iid, ind in report.data.indikator.items()}


def test_a_target_written_as_an_alias_is_written_out_there_and_the_anchor_keeps_its_value(tmp_path: Path) -> None:
    """IKU2's target ``*t`` changed to 75 in Excel: the edit went into the anchor's text (``&t {2025: 75}``), so IKU1's
    target, never touched, became 75 too, and the import said one change. Now the alias is written out as the literal
    value at IKU2 only; IKU1 keeps 80, every other byte stays."""
    root, path, data = _site_with(tmp_path, _ALIASED_INDICATORS)
    assert import_workbook(root, "dinas-2025", data, "data.xlsx").written == []
    wb = open_book(data)
    sheet = wb["Nilai Indikator"]
    put(sheet, find_row(sheet, {"ID": "IKU2", "Tahun": 2025}), {"Target": 75})
    result = import_workbook(root, "dinas-2025", save(wb), "data.xlsx")
    assert result.written == ["indikator.yaml"]
    assert path.read_text(encoding="utf-8") == _ALIASED_INDICATORS.replace("target: *t", "target: {2025: 75}")
    assert _targets(root) == {"IKU1": Decimal(80), "IKU2": Decimal(75)}


def test_an_anchored_value_other_indicators_read_is_not_changed_under_them(tmp_path: Path) -> None:
    """IKU1's target ``&t`` changed to 70 in Excel: IKU2, whose target reads ``*t``, became 70 too without a word.
    The edit cannot be written at IKU1 alone: it is an error at the Target cell naming the anchor and its alias and
    what to write instead; nothing is written. A row deleted whose text holds the anchor is refused the same way (the
    alias would read nothing)."""
    root, path, data = _site_with(tmp_path, _ALIASED_INDICATORS)
    wb = open_book(data)
    sheet = wb["Nilai Indikator"]
    row = find_row(sheet, {"ID": "IKU1", "Tahun": 2025})
    put(sheet, row, {"Target": 70})
    with pytest.raises(ContentError) as err:
        import_workbook(root, "dinas-2025", save(wb), "data.xlsx")
    [d] = err.value.diagnostics.errors
    assert (d.file, d.line, d.column) == ("data.xlsx!Nilai Indikator", row, get_column_letter(column(sheet, "Target")))
    assert d.message == ("perubahan ini tidak dapat ditulis: nilainya di data/indikator.yaml baris 7 ditulis "
                         "dengan jangkar YAML '&t', yang dibaca juga lewat '*t' di baris 14, sehingga mengubahnya di "
                         "sana ikut mengubah nilai di tempat lain; ganti setiap '*t' dengan nilainya sendiri dan hapus "
                         "'&t', lalu impor lagi")
    assert path.read_text(encoding="utf-8") == _ALIASED_INDICATORS
    # as the message says: IKU2's value written out, the anchor gone; the same workbook then writes IKU1's alone
    path.write_text(_ALIASED_INDICATORS.replace("*t", "{2025: 80}").replace("&t ", ""), encoding="utf-8")
    assert import_workbook(root, "dinas-2025", save(wb), "data.xlsx").written == ["indikator.yaml"]
    assert _targets(root) == {"IKU1": Decimal(70), "IKU2": Decimal(80)}
    # IKU1 deleted from both sheets while IKU2 reads its anchor
    path.write_text(_ALIASED_INDICATORS, encoding="utf-8")
    wb = open_book(data)
    for title in ("Indikator", "Nilai Indikator", "Renstra"):
        wb[title].delete_rows(find_row(wb[title], {"ID": "IKU1"}))
    with pytest.raises(ContentError) as err:
        import_workbook(root, "dinas-2025", save(wb), "data.xlsx")
    assert {(d.file, d.line, d.column) for d in err.value.diagnostics.errors} == {("data.xlsx!Indikator", 1, "A")}
    assert "jangkar YAML '&t'" in err.value.diagnostics.errors[0].message
    assert path.read_text(encoding="utf-8") == _ALIASED_INDICATORS


def test_a_field_a_merge_key_supplies_is_never_emptied_or_changed_in_silence(tmp_path: Path) -> None:
    """IKU2's definisi comes from ``<<: *bersama``: its cell emptied in Excel changed nothing (the key is not IKU2's
    to remove) and the import said it succeeded. Changed, the satuan was written beside the merge key, which the
    loader refuses as "ditulis dua kali; hapus salah satunya", advice about YAML the import itself wrote. Both are
    errors at their cells saying to write the keys out without '<<:'; nothing is written."""
    root, path, data = _site_with(tmp_path, _MERGED_INDICATORS)
    assert import_workbook(root, "dinas-2025", data, "data.xlsx").written == []
    wb = open_book(data)
    sheet = wb["Indikator"]
    row = find_row(sheet, {"ID": "IKU2"})
    put(sheet, row, {"Definisi": None, "Satuan": "dokumen"})
    with pytest.raises(ContentError) as err:
        import_workbook(root, "dinas-2025", save(wb), "data.xlsx")
    said = {d.column: d for d in err.value.diagnostics.errors}
    assert set(said) == {get_column_letter(column(sheet, h)) for h in ("Definisi", "Satuan")}
    assert all((d.file, d.line) == ("data.xlsx!Indikator", row) for d in said.values())
    definisi = said[get_column_letter(column(sheet, "Definisi"))].message
    assert definisi == ("perubahan ini tidak dapat ditulis: 'definisi' di data/indikator.yaml datang dari gabungan "
                        "YAML ('<<:' di baris 11, isi jangkar '&bersama' di baris 4), yang tidak dapat diubah atau "
                        "dikosongkan lewat impor; hapus '<<:' itu dan tulis kunci-kuncinya (juga 'definisi') langsung "
                        "di tempatnya, lalu impor lagi (atau ubah 'definisi' di isi gabungannya bila memang untuk "
                        "semua yang memakainya)")
    assert path.read_text(encoding="utf-8") == _MERGED_INDICATORS
    # a field the indicator writes itself is edited as ever, beside its merge key
    wb = open_book(data)
    put(wb["Indikator"], row, {"Nama indikator": "Persentase evaluasi"})
    assert import_workbook(root, "dinas-2025", save(wb), "data.xlsx").written == ["indikator.yaml"]
    assert path.read_text(encoding="utf-8") == _MERGED_INDICATORS.replace("nama: Persentase dokumen evaluasi tepat "
                                                                          "waktu", "nama: Persentase evaluasi")


def test_an_indicator_whose_id_a_merge_key_supplies_is_not_taken_for_a_new_one(tmp_path: Path) -> None:
    """IKU3 written ``<<: [*bersama, {id: IKU3}]``: the import did not see its id, took the row for a new indicator and
    appended it again, so every import of the workbook, even unedited, stopped with "id indikator 'IKU3' sudah
    dipakai". It is IKU3: unedited, nothing changes; its own fields are edited in place; its row deleted, it goes."""
    text = _MERGED_INDICATORS + """  - <<: [*bersama, {id: IKU3}]
    nama: Persentase laporan tepat waktu
    target: {2025: 95}
    realisasi: {2025: 90}
"""
    root, path, data = _site_with(tmp_path, text)
    result = import_workbook(root, "dinas-2025", data, "data.xlsx")
    assert result.written == [] and result.changes == []
    wb = open_book(data)
    sheet = wb["Nilai Indikator"]
    put(sheet, find_row(sheet, {"ID": "IKU3", "Tahun": 2025}), {"Realisasi": 92})
    assert import_workbook(root, "dinas-2025", save(wb), "data.xlsx").written == ["indikator.yaml"]
    assert path.read_text(encoding="utf-8") == text.replace("realisasi: {2025: 90}", "realisasi: {2025: 92}")
    wb = open_book(export_workbook(load_one(root, "dinas-2025", Diagnostics())))
    for title in ("Indikator", "Nilai Indikator", "Renstra"):
        wb[title].delete_rows(find_row(wb[title], {"ID": "IKU3"}))
    assert import_workbook(root, "dinas-2025", save(wb), "data.xlsx").written == ["indikator.yaml", "renstra.yaml"]
    assert path.read_text(encoding="utf-8") == _MERGED_INDICATORS


#: A budget whose sub kegiatan take their satuan and jenis belanja through a merge key.
_MERGED_FIELDS_BUDGET = """tahun: 2025
program:
  - kode: 0.00.01
    nama: Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota
    sasaran: S1
    kegiatan:
      - kode: 0.00.01.2.01
        nama: Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah
        sub_kegiatan:
          - kode: 0.00.01.2.01.0001
            <<: &dokumen {satuan: dokumen, jenis_belanja: barang_jasa}
            nama: Penyusunan Dokumen Perencanaan Perangkat Daerah
            pagu: 100000000
            realisasi: 95000000
          - kode: 0.00.01.2.01.0002
            <<: *dokumen
            nama: Evaluasi Kinerja Perangkat Daerah
            pagu: 20000000
            realisasi: 18000000
"""


def test_a_budget_field_a_merge_key_supplies_emptied_is_an_error_at_its_cell(tmp_path: Path) -> None:
    """A sub kegiatan's jenis belanja comes from ``<<: *dokumen``: its cell emptied changed nothing, "Impor selesai".
    It is an error at that cell; nothing is written."""
    root, budget, _data = _merged_site(tmp_path)
    budget.write_text(_MERGED_FIELDS_BUDGET, encoding="utf-8")
    wb = open_book(export_workbook(load_one(root, "dinas-2025", Diagnostics())))
    sheet = wb["Anggaran"]
    row = find_row(sheet, {"Kode": "0.00.01.2.01.0002"})
    assert sheet.cell(row, column(sheet, "Jenis belanja")).value == "barang_jasa"
    put(sheet, row, {"Jenis belanja": None})
    with pytest.raises(ContentError) as err:
        import_workbook(root, "dinas-2025", save(wb), "data.xlsx")
    [d] = err.value.diagnostics.errors
    assert (d.file, d.line, d.column) == ("data.xlsx!Anggaran", row, get_column_letter(column(sheet, "Jenis belanja")))
    assert d.message.startswith("perubahan ini tidak dapat ditulis: 'jenis_belanja' di data/anggaran.yaml datang "
                                "dari gabungan YAML ('<<:' di baris 16, isi jangkar '&dokumen' di baris 11)")
    assert budget.read_text(encoding="utf-8") == _MERGED_FIELDS_BUDGET
