"""A corpus of broken workbooks and budget exports: each is refused with exit 1, the cell (or CSV line) is named with a
message that says what to write instead, and no file of the site changes.

The workbooks start from a real export of an example report and are broken the way authors break them: numbers
typed as text the Indonesian way, a duplicate id, a renamed header, a code that does not fit the tree, a total that
does not add up, a formula saved without its value.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Callable

import pytest
from conftest import REPO, copy_examples, tree_hashes
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from sheets_support import column, find_row, first_empty_row, open_book, put, save

from lkjip_site.cli.main import main
from lkjip_site.core.diagnostics import Diagnostics
from lkjip_site.sheets.export import export_workbook
from lkjip_site.sheets.stage import load_one

pytestmark = pytest.mark.usefixtures("epoch")
SLUG = "martapura-barat-2023"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_examples(tmp_path_factory.mktemp("rusak") / "situs")


@pytest.fixture(scope="module")
def workbook(site: Path) -> bytes:
    return export_workbook(load_one(site, SLUG, Diagnostics()))


def ref(ws: Worksheet, header: str, row: int, header_row: int = 1) -> str:
    return f"{get_column_letter(column(ws, header, header_row))}{row}"


def _value_cell(wb: Workbook, text: object, iid: str = "K02", year: int = 2023) -> str:
    ws = wb["Nilai Indikator"]
    r = find_row(ws, {"ID": iid, "Tahun": year})
    put(ws, r, {"Realisasi": text})
    return f"Nilai Indikator!{ref(ws, 'Realisasi', r)}: galat: "


def text_in_number_cell(wb: Workbook) -> str:
    return _value_cell(wb, "sembilan puluh") + "realisasi harus angka, tertulis teks 'sembilan puluh'"


def not_available_typed(wb: Workbook) -> str:
    """"N/A" or "-" typed where a value is missing: the message said only that it is text."""
    return _value_cell(wb, "N/A") + ("realisasi harus angka, tertulis teks 'N/A'; bila nilainya tidak ada, kosongkan "
                                     "sel ini dan tulis alasannya di kolom 'Alasan realisasi tidak ada'")


def missing_value_in_words(wb: Workbook) -> str:
    """"belum ada data" typed where a value is missing was told only to type a number."""
    return _value_cell(wb, "belum ada data") + ("realisasi harus angka, tertulis teks 'belum ada data'; bila nilainya "
                                                "tidak ada, kosongkan sel ini dan tulis alasannya di kolom 'Alasan "
                                                "realisasi tidak ada'")


def english_thousands_in_money(wb: Workbook) -> str:
    ws = wb["Anggaran"]
    r = find_row(ws, {"Kode": "7.01.01.2.01.0001"})
    put(ws, r, {"Pagu (Rp)": "1,500,000"})
    # read as Excel set to English writes it: the number meant is said (a rupiah has no three decimals)
    return (f"Anggaran!{ref(ws, 'Pagu (Rp)', r)}: galat: pagu '1,500,000' diketik sebagai teks, bukan angka; ketik "
            "ulang sebagai angka (nilai yang dimaksud: 1500000), dengan format sel Angka, bukan Teks")


def comma_decimal_as_text(wb: Workbook) -> str:
    return _value_cell(wb, "68,85") + "realisasi '68,85' diketik sebagai teks, bukan angka; ketik ulang sebagai " \
                                      "angka (nilai yang dimaksud: 68,85; di Excel berbahasa Inggris 68.85)"


def percent_as_text(wb: Workbook) -> str:
    return _value_cell(wb, "80%") + "realisasi '80%' diketik sebagai teks, bukan angka; ketik ulang sebagai angka " \
                                    "tanpa tanda % (nilai yang dimaksud: 80)"


def thousands_as_text_in_money(wb: Workbook) -> str:
    ws = wb["Anggaran"]
    r = find_row(ws, {"Kode": "7.01.01.2.01.0001"})
    put(ws, r, {"Pagu (Rp)": "1.000.800"})
    return f"Anggaran!{ref(ws, 'Pagu (Rp)', r)}: galat: pagu '1.000.800' diketik sebagai teks"


def duplicate_id(wb: Workbook) -> str:
    ws = wb["Indikator"]
    r = find_row(ws, {"ID": "K03"})
    put(ws, r, {"ID": "K02"})
    return f"Indikator!A{r}: galat: ID 'K02' sudah dipakai di baris {find_row(ws, {'ID': 'K02'})}"


def missing_required_column(wb: Workbook) -> str:
    ws = wb["Nilai Indikator"]
    ws.cell(1, column(ws, "Realisasi")).value = "Realisasi 2023"
    return "Nilai Indikator!A1: galat: kolom wajib 'Realisasi' tidak ada di baris judul 1"


def missing_sheet(wb: Workbook) -> str:
    wb["Nilai Indikator"].title = "Nilai"
    return "data.xlsx:1: galat: lembar 'Nilai Indikator' tidak ada"


def kode_breaks_tree(wb: Workbook) -> str:
    ws = wb["Anggaran"]
    r = first_empty_row(ws)
    put(ws, r, {"Kode": "7.01.09.2.01.0001", "Uraian": "Sub kegiatan tanpa induk", "Pagu (Rp)": 1000,
                "Realisasi (Rp)": 1000})
    return f"Anggaran!A{r}: galat: sub kegiatan '7.01.09.2.01.0001' tidak dapat ditempatkan: induknya " \
           "'7.01.09.2.01' tidak ada"


def kode_of_no_level(wb: Workbook) -> str:
    ws = wb["Anggaran"]
    r = find_row(ws, {"Kode": "7.01.06.2.01.0007"})
    put(ws, r, {"Kode": "7.1.6.2.1.7"})
    return f"Anggaran!A{r}: galat: kode '7.1.6.2.1.7' tidak sesuai format"


def program_total_does_not_add_up(wb: Workbook) -> str:
    ws = wb["Anggaran"]
    r = find_row(ws, {"Kode": "7.01.02"})
    put(ws, r, {"Pagu (Rp)": 25400000})
    return f"Anggaran!{ref(ws, 'Pagu (Rp)', r)}: galat: pagu program 7.01.02 tertulis Rp 25.400.000, sedangkan " \
           "jumlah rinciannya Rp 25.300.000 (selisih Rp 100.000)"


def program_realisasi_does_not_add_up(wb: Workbook) -> str:
    """The realisasi's message named the pagu's column for the printed figure; both say an import's grey cells go
    stale (imported once, edited again: export again)."""
    ws = wb["Anggaran"]
    r = find_row(ws, {"Kode": "7.01.02"})
    put(ws, r, {"Realisasi (Rp)": 1})
    return (f"Anggaran!{ref(ws, 'Realisasi (Rp)', r)}: galat: realisasi program 7.01.02 tertulis Rp 1, sedangkan "
            "jumlah rinciannya Rp 25.300.000 (selisih -Rp 25.299.999); jumlah dihitung lkjip: kosongkan sel ini dan "
            "perbaiki angka pada rinciannya, atau tulis angka tercetak di kolom 'Realisasi tertulis (Rp)'. Bila buku "
            "kerja ini sudah pernah diimpor, sel abu-abunya masih berisi hitungan lama: ekspor ulang")


def formula_without_value(wb: Workbook) -> str:
    ws = wb["Nilai Indikator"]
    r = find_row(ws, {"ID": "K04", "Tahun": 2023})
    put(ws, r, {"Realisasi": "=90+10"})
    return f"Nilai Indikator!{ref(ws, 'Realisasi', r)}: galat: sel berisi rumus =90+10 tanpa nilai tersimpan"


def typed_into_derived_column(wb: Workbook) -> str:
    ws = wb["Nilai Indikator"]
    r = find_row(ws, {"ID": "K05", "Tahun": 2023})
    ws.cell(r, column(ws, "Capaian (%)")).value = 100
    return f"Nilai Indikator!{ref(ws, 'Capaian (%)', r)}: galat: kolom 'Capaian (%)' dihitung oleh lkjip"


def name_typed_into_derived_column(wb: Workbook) -> str:
    """A grey name typed over was told to "ubah angka asalnya": a name has no source number, it is written on the
    Indikator sheet."""
    ws = wb["Nilai Indikator"]
    r = find_row(ws, {"ID": "K05", "Tahun": 2023})
    put(ws, r, {"Nama indikator": "Persentase Administrasi Kepegawaian"})
    return (f"Nilai Indikator!{ref(ws, 'Nama indikator', r)}: galat: kolom 'Nama indikator' dihitung oleh lkjip dan "
            "tidak dibaca; kosongkan sel ini atau kembalikan nilainya (Persentase Administrasi Kepegawaian yang "
            "Terpenuhi), lalu ubah namanya di lembar Indikator, kolom 'Nama indikator'.")


def pk_uraian_typed_over(wb: Workbook) -> str:
    """The PK's grey Uraian is where each row's own sheet (or renstra.yaml) writes it: said by the row's Bagian."""
    ws = wb["PK"]
    r = find_row(ws, {"Bagian": "sasaran"}, header_row=5)
    put(ws, r, {"Uraian": "Sasaran yang diketik ulang"}, header_row=5)
    return (f"PK!{ref(ws, 'Uraian', r, 5)}: galat: kolom 'Uraian' dihitung oleh lkjip dan tidak dibaca; kosongkan "
            "sel ini atau kembalikan nilainya (Meningkatnya penyelenggaraan pemerintahan di kecamatan), lalu ubah "
            "uraian sasarannya di data/renstra.yaml.")


def choice_not_in_list(wb: Workbook) -> str:
    ws = wb["Indikator"]
    r = find_row(ws, {"ID": "K06"})
    put(ws, r, {"Polaritas": "naik"})
    return f"Indikator!{ref(ws, 'Polaritas', r)}: galat: polaritas 'naik' tidak dikenal; pilihan: positif, negatif"


def unknown_indicator_in_values(wb: Workbook) -> str:
    ws = wb["Nilai Indikator"]
    r = first_empty_row(ws)
    put(ws, r, {"ID": "K99", "Tahun": 2023, "Periode": "tahunan", "Target": 1, "Realisasi": 1})
    return f"Nilai Indikator!A{r}: galat: indikator 'K99' tidak ada di lembar Indikator"


def indicator_id_in_other_letters(wb: Workbook) -> str:
    """"k02" in Nilai Indikator was told to be added to the Indikator sheet: a second indicator beside K02."""
    ws = wb["Nilai Indikator"]
    r = find_row(ws, {"ID": "K02", "Tahun": 2023})
    put(ws, r, {"ID": "k02"})
    return (f"Nilai Indikator!A{r}: galat: indikator 'k02' tidak ada di lembar Indikator; huruf besar/kecil ID "
            "dibedakan: tulis 'K02' bila maksudnya indikator itu")


def new_indicator_differing_by_case_only(wb: Workbook) -> str:
    """A new "k02" on the Indikator sheet was written beside K02 (and added to its sasaran in renstra.yaml)."""
    ws = wb["Indikator"]
    r = first_empty_row(ws)
    put(ws, r, {"ID": "k02", "Nama indikator": "Indikator baru", "Satuan": "%", "Polaritas": "positif"})
    return (f"Indikator!A{r}: galat: ID 'k02' hanya berbeda huruf besar/kecil dengan 'K02' di baris "
            f"{find_row(ws, {'ID': 'K02'})}; tulis 'K02' bila maksudnya indikator itu")


def indicator_row_deleted_but_not_its_values(wb: Workbook) -> str:
    """K02's row deleted on the Indikator sheet: its values' rows were told to add it there or fix the ID."""
    ws = wb["Indikator"]
    ws.delete_rows(find_row(ws, {"ID": "K02"}))
    nilai = wb["Nilai Indikator"]
    return (f"Nilai Indikator!A{find_row(nilai, {'ID': 'K02'})}: galat: indikator 'K02' tidak ada lagi di lembar "
            "Indikator (barisnya dihapus); untuk menghapus indikator ini, hapus juga baris ini")


def total_row_typed_in_budget(wb: Workbook) -> str:
    """A JUMLAH row typed under the budget (as printed in the DPA) was refused as "kode belum diisi"."""
    ws = wb["Anggaran"]
    r = first_empty_row(ws)
    put(ws, r, {"Uraian": "JUMLAH", "Pagu (Rp)": 2233317579, "Realisasi (Rp)": 2100000000})
    return (f"Anggaran!{ref(ws, 'Uraian', r)}: galat: baris 'JUMLAH' tidak diimpor: jumlah pagu dan realisasi dihitung "
            "lkjip dari sub kegiatan (tampil di baris program dan kegiatan, dan di laporan); hapus baris ini")


def average_row_typed_in_values(wb: Workbook) -> str:
    """A "Rata-rata" row under the values was told "ID indikator belum diisi"."""
    ws = wb["Nilai Indikator"]
    r = first_empty_row(ws)
    put(ws, r, {"ID": "Rata-rata", "Target": 100, "Realisasi": 97})
    return (f"Nilai Indikator!A{r}: galat: baris 'Rata-rata' tidak diimpor: capaian, predikat dan rata-rata capaian "
            "dihitung lkjip; hapus baris ini")


def level_summed_over_quarters(wb: Workbook) -> str:
    """The check's advice "pakai 'agregasi: terakhir'" was said at the cell as written for the YAML."""
    ws = wb["Indikator"]
    put(ws, find_row(ws, {"ID": "K02"}), {"Agregasi triwulan": "jumlah"})
    nilai = wb["Nilai Indikator"]
    r = first_empty_row(nilai)
    put(nilai, r, {"ID": "K02", "Tahun": 2023, "Periode": "tw1", "Target": 50})
    put(nilai, r + 1, {"ID": "K02", "Tahun": 2023, "Periode": "tw2", "Target": 50})
    return (f"Nilai Indikator!{ref(nilai, 'Target', find_row(nilai, {'ID': 'K02', 'Tahun': 2023}))}: galat: K02: "
            "indikator 'Persentase Administrasi Keuangan Perangkat Daerah' adalah tingkat, bukan hitungan, tetapi "
            "agregasinya 'jumlah' (target triwulan 2023: 50 + 50 = 100); pakai 'terakhir' di kolom 'Agregasi "
            "triwulan' dan tulis tingkat")


def pk_sasaran_unknown(wb: Workbook) -> str:
    """A sasaran the workbook cannot add: "tidak ada di data/renstra.yaml" said nothing of where to add it."""
    ws = wb["PK"]
    r = first_empty_row(ws, 5)
    put(ws, r, {"Bagian": "sasaran", "ID / kode": "S9"}, header_row=5)
    return (f"PK!{ref(ws, 'ID / kode', r, 5)}: galat: PK menyebut sasaran 'S9' yang tidak ada di data/renstra.yaml "
            "(yang ada: S1); sasaran Renstra tidak ditulis di buku kerja: tambahkan dulu di data/renstra.yaml lalu "
            "impor lagi, atau perbaiki ID-nya (setelah impor: pk.yaml baris 7)")


def indicator_sasaran_unknown(wb: Workbook) -> str:
    ws = wb["Indikator"]
    r = find_row(ws, {"ID": "K02"})
    put(ws, r, {"Sasaran/tujuan": "S9"})
    return (f"Indikator!{ref(ws, 'Sasaran/tujuan', r)}: galat: sasaran/tujuan 'S9' tidak ada di renstra.yaml (yang "
            "ada: T1, S1); sasaran dan tujuan Renstra tidak ditulis di buku kerja: tulis salah satu yang ada, atau "
            "tambahkan dulu di data/renstra.yaml lalu impor lagi")


def value_and_reason(wb: Workbook) -> str:
    ws = wb["Nilai Indikator"]
    r = find_row(ws, {"ID": "K11", "Tahun": 2023})
    put(ws, r, {"Alasan realisasi tidak ada": "Belum diukur"})
    return f"Nilai Indikator!{ref(ws, 'Realisasi', r)}: galat: realisasi diisi dan alasan realisasi tidak ada juga diisi"


def program_unknown_to_the_budget(wb: Workbook) -> str:
    """Found only by the load stage, after the edit: the message is still given at the cell it came from."""
    ws = wb["Indikator"]
    r = find_row(ws, {"ID": "K01"})
    put(ws, r, {"Kode program": "7.01.09"})
    return f"Indikator!{ref(ws, 'Kode program', r)}: galat: indikator K01 menyebut program '7.01.09' yang tidak ada " \
           "di data/anggaran.yaml; mungkin maksudnya"


def pk_jenis_unknown(wb: Workbook) -> str:
    wb["PK"]["B2"] = "akhir"
    return "PK!B2: galat: jenis PK 'akhir' tidak dikenal; pilihan: awal, perubahan"


def grade_on_a_numeric_indicator(wb: Workbook) -> str:
    ws = wb["Nilai Indikator"]
    r = find_row(ws, {"ID": "NEK", "Tahun": 2023})
    put(ws, r, {"Target": "Baik"})
    return f"Nilai Indikator!{ref(ws, 'Target', r)}: galat: target harus angka, tertulis teks 'Baik'"


def number_too_large(wb: Workbook) -> str:
    """1e308 in a number cell (a pasted value, a runaway formula): was 'galat internal' while the change list was
    written."""
    return _value_cell(wb, 1e308) + "realisasi: angka terlalu besar (lebih dari 18 digit sebelum titik desimal)"


def merged_cells(wb: Workbook) -> str:
    """Target and realisasi merged for looks: only the first cell keeps its value, so the realisasi read as deleted
    (exit 0, the value gone from indikator.yaml)."""
    ws = wb["Nilai Indikator"]
    r = find_row(ws, {"ID": "K02", "Tahun": 2023})
    first, second = ref(ws, "Target", r), ref(ws, "Realisasi", r)
    ws.merge_cells(f"{first}:{second}")
    return f"Nilai Indikator!{first}: galat: sel {first}:{second} digabung (merge); pisahkan kembali"


def excel_error_in_a_number_cell(wb: Workbook) -> str:
    """A formula's error kept as the cell's value (Excel's #DIV/0!): refused at its cell, by the cell's type."""
    ws = wb["Nilai Indikator"]
    r = find_row(ws, {"ID": "K02", "Tahun": 2023})
    put(ws, r, {"Realisasi": "#DIV/0!"})  # openpyxl stores Excel's error codes as error cells
    assert ws[ref(ws, "Realisasi", r)].data_type == "e"
    return f"Nilai Indikator!{ref(ws, 'Realisasi', r)}: galat: sel berisi galat Excel #DIV/0!; perbaiki rumusnya"


def period_of_an_exported_row_changed(wb: Workbook) -> str:
    """``TW1`` typed over ``tahunan``: the row is one the export did not have, its grey cells still filled; each was
    blamed ("kolom 'Capaian (%)' dihitung oleh lkjip ... kembalikan nilainya (kosong)"), not the change."""
    ws = wb["Nilai Indikator"]
    r = find_row(ws, {"ID": "K02", "Tahun": 2023})
    put(ws, r, {"Periode": "TW1"})
    return (f"Nilai Indikator!{ref(ws, 'Nama indikator', r)}: galat: baris ini tidak ada di hasil ekspor (baris baru, "
            "atau ID, kode, tahun atau periode baris yang ada diubah), tetapi kolom yang dihitung lkjip ('Nama "
            "indikator', 'Capaian (%)', 'Predikat') berisi; kembalikan pengenal baris yang diubah")


def percent_formatted_number(wb: Workbook) -> str:
    """85,5 typed as "85,5%" into a number cell: Excel stores 0,855 with the format ``0.0%``, which was imported as
    0,855 (capaian 0,86 %, "Tidak Berhasil"), without a word."""
    ws = wb["Nilai Indikator"]
    r = find_row(ws, {"ID": "K02", "Tahun": 2023})
    put(ws, r, {"Realisasi": 0.855})
    ws[ref(ws, "Realisasi", r)].number_format = "0.0%"
    return (f"Nilai Indikator!{ref(ws, 'Realisasi', r)}: galat: realisasi: sel berformat persen (tampil 85,5 %, "
            "tersimpan 0,855); ubah format sel menjadi Angka lalu ketik 85,5 tanpa tanda %")


def budget_sheet_renamed(wb: Workbook) -> str:
    """Its edits were left out: "Tidak ada perubahan", exit 0. Then it was said "tidak ada" beside "'Anggaran 2023'
    tidak dibaca ... pindahkan isinya", not as the sheet the workbook has, to be renamed back."""
    ws = wb["Anggaran"]
    put(ws, find_row(ws, {"Kode": "7.01.01.2.01.0001"}), {"Pagu (Rp)": 1400000})
    ws.title = "Anggaran 2023"
    return ("data.xlsx:1: galat: lembar 'Anggaran' tidak ada; buku kerja ini punya lembar 'Anggaran 2023': bila itu "
            "lembar 'Anggaran' yang diganti namanya, kembalikan namanya persis 'Anggaran' (klik kanan tab lembar → "
            "Ganti Nama)")


def sheet_renamed_in_other_letters(wb: Workbook) -> str:
    """"Indikator" renamed "indikator" (Excel allows it): said "tidak ada", with no word of the sheet that is there."""
    ws = wb["Indikator"]
    ws.title = "sementara"  # openpyxl, unlike Excel, takes "indikator" for a second "Indikator" and adds a 1
    ws.title = "indikator"
    return ("data.xlsx:1: galat: lembar 'Indikator' tidak ada; buku kerja ini punya lembar 'indikator': bila itu "
            "lembar 'Indikator' yang diganti namanya, kembalikan namanya persis 'Indikator'")


def sheet_renamed_close(wb: Workbook) -> str:
    """A sheet's name misspelt while renaming it: the nearest of the workbook's other sheets is named."""
    wb["Nilai Indikator"].title = "Nilai Indiaktor"
    return ("data.xlsx:1: galat: lembar 'Nilai Indikator' tidak ada; buku kerja ini punya lembar 'Nilai Indiaktor': "
            "bila itu lembar 'Nilai Indikator' yang diganti namanya")


def sheet_renamed_to_another_name(wb: Workbook) -> str:
    """"Nilai Indikator" renamed "Nilai" (neither named after it nor close to its name) was told "jangan mengganti
    nama ... ekspor ulang", and an export anew lost every value typed in the workbook: the sheet holding its column
    headers is named, to be renamed back."""
    wb["Nilai Indikator"].title = "Nilai"
    return ("data.xlsx:1: galat: lembar 'Nilai Indikator' tidak ada; buku kerja ini punya lembar 'Nilai': bila itu "
            "lembar 'Nilai Indikator' yang diganti namanya, kembalikan namanya persis 'Nilai Indikator'")


def sheet_renamed_beside_a_note_sheet(wb: Workbook) -> str:
    """The author's own sheet ("Catatan") is not taken for the renamed Renstra sheet ("Sheet1"): its headers are
    not the Renstra's."""
    wb.create_sheet("Catatan")["A1"] = "angka dari Bappeda"
    wb["Renstra"].title = "Sheet1"
    return ("data.xlsx:1: galat: lembar 'Renstra' tidak ada; buku kerja ini punya lembar 'Sheet1': bila itu lembar "
            "'Renstra' yang diganti namanya")


def pk_sheet_deleted(wb: Workbook) -> str:
    del wb["PK"]
    return "data.xlsx:1: galat: lembar 'PK' tidak ada; jangan mengganti nama atau menghapus lembar"


def values_sheet_copied(wb: Workbook) -> str:
    """Edits made in Excel's copy of a sheet ("Nilai Indikator (2)") were left out without a word."""
    wb.copy_worksheet(wb["Nilai Indikator"]).title = "Nilai Indikator (2)"
    return ("data.xlsx:1: galat: lembar 'Nilai Indikator (2)' tidak dibaca: impor hanya membaca lembar 'Nilai "
            "Indikator'")


BROKEN_BOOKS: dict[str, Callable[[Workbook], str]] = {f.__name__: f for f in (
    text_in_number_cell, comma_decimal_as_text, percent_as_text, thousands_as_text_in_money, duplicate_id,
    missing_required_column, missing_sheet, kode_breaks_tree, kode_of_no_level, program_total_does_not_add_up,
    formula_without_value, typed_into_derived_column, name_typed_into_derived_column, pk_uraian_typed_over,
    choice_not_in_list, unknown_indicator_in_values,
    value_and_reason, program_unknown_to_the_budget, pk_jenis_unknown, grade_on_a_numeric_indicator,
    number_too_large, merged_cells, period_of_an_exported_row_changed, excel_error_in_a_number_cell,
    percent_formatted_number, budget_sheet_renamed, sheet_renamed_in_other_letters, sheet_renamed_close,
    sheet_renamed_to_another_name, sheet_renamed_beside_a_note_sheet, pk_sheet_deleted, values_sheet_copied,
    program_realisasi_does_not_add_up, not_available_typed, english_thousands_in_money, missing_value_in_words,
    indicator_id_in_other_letters, new_indicator_differing_by_case_only, indicator_row_deleted_but_not_its_values,
    total_row_typed_in_budget, average_row_typed_in_values, level_summed_over_quarters, pk_sasaran_unknown,
    indicator_sasaran_unknown,
)}


@pytest.mark.parametrize("case", sorted(BROKEN_BOOKS))
def test_broken_workbook_is_refused_at_its_cell(case: str, site: Path, workbook: bytes, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    wb = open_book(workbook)
    expected = BROKEN_BOOKS[case](wb)
    book = tmp_path / "data.xlsx"
    book.write_bytes(save(wb))
    before = tree_hashes(site)
    assert main(["impor", SLUG, str(book), "--situs", str(site)]) == 1
    err = capsys.readouterr().err
    assert ("data.xlsx!" + expected if not expected.startswith("data.xlsx") else expected) in err
    assert "Tidak ada berkas yang ditulis" in err
    assert tree_hashes(site) == before


def test_another_reports_workbook_is_refused(site: Path, workbook: bytes, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """Importing Martapura Barat's workbook into Pengaron would replace every row: refused before anything is read."""
    book = tmp_path / "data.xlsx"
    book.write_bytes(workbook)
    before = tree_hashes(site)
    assert main(["impor", "pengaron-2024-tw1", str(book), "--situs", str(site)]) == 1
    assert ("data.xlsx:1: galat: buku kerja ini hasil ekspor laporan 'martapura-barat-2023', bukan 'pengaron-2024-tw1'"
            in capsys.readouterr().err)
    assert tree_hashes(site) == before


def test_not_a_workbook_is_refused(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = tmp_path / "data.xlsx"
    book.write_bytes(b"Nama,Nilai\nIKU1,80\n")
    before = tree_hashes(site)
    assert main(["impor", SLUG, str(book), "--situs", str(site)]) == 1
    err = capsys.readouterr().err
    assert "data.xlsx:1: galat: berkas ini bukan buku kerja Excel (.xlsx) yang dapat dibaca (isinya teks" in err
    assert tree_hashes(site) == before
    # an .xls and an .ods saved under the name: said as what they are, not as Python's "(KeyError)"/"(BadZipFile)"
    for head, said in ((b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "Excel 97-2003 (.xls)"),
                       (b"PK\x03\x04" + bytes(26) + b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet",
                        "OpenDocument (.ods)")):
        book.write_bytes(head)
        assert main(["impor", SLUG, str(book), "--situs", str(site)]) == 1
        err = capsys.readouterr().err
        assert said in err and "Error)" not in err and "BadZipFile" not in err, err


def _repacked(data: bytes, change: Callable[[str, bytes], bytes], extra: tuple[str, bytes] | None = None) -> bytes:
    """The workbook ``data`` with each member changed by ``change`` (and one more member)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, change(info.filename, src.read(info.filename)))
        if extra:
            dst.writestr(*extra)
    return out.getvalue()


def test_a_workbook_that_unpacks_to_too_much_is_refused_unread(site: Path, workbook: bytes, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """A 15 MB workbook of three million rows (or a zip bomb) held impor for minutes and ended in a MemoryError; what
    it unpacks to is read from the zip's directory before openpyxl builds a cell."""
    book = tmp_path / "data.xlsx"
    book.write_bytes(_repacked(workbook, lambda _, d: d, ("xl/media/isi.bin", bytes(40 * 2**20))))
    assert book.stat().st_size < 2**20
    before = tree_hashes(site)
    assert main(["impor", SLUG, str(book), "--situs", str(site)]) == 1
    err = capsys.readouterr().err
    assert "data.xlsx:1: galat: buku kerja ini berisi 40 MB data bila dibuka (paling banyak 32 MB" in err, err
    assert tree_hashes(site) == before


def test_a_workbook_with_xml_entities_is_refused_not_a_crash(site: Path, workbook: bytes, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """A DOCTYPE with an external entity (XXE) in a sheet: never read (the XML parser does not load it), but the run
    ended in "galat internal lkjip: ParseError"."""
    def entity(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return data
        doctype = b'<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
        data = data.replace(b"<worksheet", doctype + b"<worksheet", 1)
        return data.replace(b"<t>", b"<t>&x;", 1)
    book = tmp_path / "data.xlsx"
    book.write_bytes(_repacked(workbook, entity))
    assert main(["impor", SLUG, str(book), "--situs", str(site)]) == 1
    err = capsys.readouterr().err
    assert "data.xlsx:1: galat: berkas ini bukan buku kerja Excel (.xlsx) yang dapat dibaca" in err, err
    assert "internal" not in err


# -- budget realisation exports (CSV/XLSX) -------------------------------------------------------------------------------

GOOD_CSV = """LAPORAN REALISASI ANGGARAN 2023
Kode Rekening;Uraian;Anggaran;Realisasi
7.01.02;Program Penyelenggaraan Pemerintahan dan Pelayanan Publik;25.300.000;25.300.000
7.01.02.2.01;Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan;4.200.000;4.200.000
7.01.02.2.01.0001;Koordinasi/Sinergi Perencanaan;2.100.000;2.100.000
7.01.02.2.01.0002;Peningkatan Efektivitas Kegiatan Pemerintahan;2.100.000;2.100.000
7.01.02.2.02;Penyelenggaraan Urusan Pemerintahan;4.200.000;4.200.000
7.01.02.2.02.0001;Perencanaan Kegiatan Pelayanan;2.100.000;2.100.000
7.01.02.2.02.0003;Peningkatan Efektivitas Pelaksanaan Pelayanan;2.100.000;2.100.000
7.01.02.2.04;Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat;16.900.000;16.900.000
7.01.02.2.04.0003;Pelaksanaan Urusan Pemerintahan Kewenangan Lain;16.900.000;16.900.000
"""

BROKEN_CSV: dict[str, tuple[str, str]] = {
    "text_in_amount": (GOOD_CSV.replace("2.100.000;2.100.000\n7.01.02.2.01.0002", "2.100.000;dua juta\n7.01.02.2.01.0002"),
                       "realisasi.csv:5: galat: kolom 'Realisasi': harus angka rupiah, tertulis 'dua juta'"),
    "subtotal_mismatch": (GOOD_CSV.replace("Kecamatan;4.200.000;4.200.000", "Kecamatan;4.250.000;4.200.000"),
                          "realisasi.csv:4: galat: kolom 'Anggaran': pagu kegiatan 7.01.02.2.01 tertulis Rp 4.250.000, "
                          "jumlah baris di bawahnya Rp 4.200.000 (selisih Rp 50.000)"),
    "row_cannot_be_placed": (GOOD_CSV + "7.01.02.9;Baris aneh;1.000;1.000\n",
                             "realisasi.csv:12: galat: kolom 'Kode Rekening': kode '7.01.02.9' tidak dapat ditempatkan"),
    "row_without_code": (GOOD_CSV + ";Belanja lain-lain;5.000;5.000\n",
                         "realisasi.csv:12: galat: kolom 'Kode Rekening': baris 'Belanja lain-lain' berisi angka "
                         "tetapi tidak berkode"),
    "missing_column": (GOOD_CSV.replace(";Realisasi\n", ";Serapan\n"),
                       "realisasi.csv:2: galat: baris judul kolom tidak lengkap: baris 2 memuat kolom kode, uraian, "
                       "pagu, tanpa kolom realisasi."),
    # a quarterly export with two realisasi columns: "tidak ditemukan" named neither
    "two_realisasi_columns": (GOOD_CSV.replace(";Realisasi\n", ";Realisasi TW I;Realisasi s.d. TW I\n"),
                              "realisasi.csv:2: galat: baris judul kolom tidak lengkap: baris 2 memuat kolom kode, "
                              "uraian, pagu, tanpa kolom realisasi (untuk realisasi ada 'Realisasi TW I', 'Realisasi "
                              "s.d. TW I'). Sebutkan kolomnya dengan --kolom, mis. --kolom realisasi=\"Realisasi s.d. "
                              "TW I\""),
    "one_column_twice": (GOOD_CSV.replace(";Realisasi\n", ";Realisasi;Realisasi\n"),
                         "realisasi.csv:2: galat: kolom realisasi tertulis 2 kali di baris judul ('Realisasi', "
                         "'Realisasi'); pilih satu dengan --kolom"),
    "duplicate_code": (GOOD_CSV + "7.01.02.2.04.0003;Lagi;0;0\n",
                       "realisasi.csv:12: galat: kolom 'Kode Rekening': kode '7.01.02.2.04.0003' sudah ada di baris 11"),
    "negative_amount": (GOOD_CSV.replace("Kewenangan Lain;16.900.000;16.900.000", "Kewenangan Lain;16.900.000;-5"),
                        "realisasi.csv:11: galat: kolom 'Realisasi': tidak boleh negatif"),
    "parent_nowhere": (GOOD_CSV + "7.01.07.2.01.0001;Sub kegiatan program yang tidak ada;1.000;1.000\n",
                       "realisasi.csv:12: galat: kolom 'Kode Rekening': sub kegiatan 7.01.07.2.01.0001 tidak dapat "
                       "ditempatkan: induknya 7.01.07.2.01 tidak ada di berkas ini maupun di anggaran.yaml"),
    "total_row_mismatch": (GOOD_CSV + ";JUMLAH;25.300.001;25.300.000\n",
                           "realisasi.csv:12: galat: kolom 'Anggaran': pagu baris JUMLAH tertulis Rp 25.300.001"),
    # a file of kegiatan without their program's row (placed under anggaran.yaml's): its JUMLAH was not read
    "total_row_of_a_partial_file": (
        GOOD_CSV.replace("7.01.02;Program Penyelenggaraan Pemerintahan dan Pelayanan Publik;25.300.000;25.300.000\n",
                         "") + ";JUMLAH;25.300.001;25.300.000\n",
        "realisasi.csv:11: galat: kolom 'Anggaran': pagu baris JUMLAH tertulis Rp 25.300.001, jumlah baris teratas di "
        "bawahnya Rp 25.300.000"),
}


@pytest.mark.parametrize("case", sorted(BROKEN_CSV))
def test_broken_budget_export_is_refused_at_its_line(case: str, site: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    text, expected = BROKEN_CSV[case]
    source = tmp_path / "realisasi.csv"
    source.write_text(text, encoding="utf-8")
    before = tree_hashes(site)
    assert main(["impor-anggaran", SLUG, str(source), "--situs", str(site)]) == 1
    err = capsys.readouterr().err
    assert expected in err
    assert tree_hashes(site) == before


def test_budget_export_not_utf8_is_refused(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "realisasi.csv"
    source.write_bytes(GOOD_CSV.replace("Koordinasi/Sinergi", "Koordinasi \u2013 Sinergi").encode("cp1252"))
    before = tree_hashes(site)
    assert main(["impor-anggaran", SLUG, str(source), "--situs", str(site)]) == 1
    err = capsys.readouterr().err
    # at the line of the first character that is no UTF-8 (it was line 1 of a file of any length), with the way to
    # save as UTF-8 in LibreOffice too, whose CSV is Windows-1252 unless its filter settings are opened
    assert ("realisasi.csv:5: galat: berkas CSV bukan teks UTF-8 (baris ini: '7.01.02.2.01.0001;Koordinasi – Sinergi"
            in err), err
    assert ("di LibreOffice: Berkas → Simpan Sebagai… → Teks CSV (.csv), centang 'Sunting pengaturan penyaring' (Edit "
            "filter settings), lalu pilih set karakter 'Unicode (UTF-8)'" in err)
    assert tree_hashes(site) == before


def test_a_libreoffice_ods_is_refused_with_the_way_to_save_it_as_xlsx(site: Path, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """.ods is what LibreOffice saves unless told otherwise (the fixture was saved by LibreOffice 7.4). ``impor``
    said only "simpan ulang ... sebagai 'Excel 2007-365 (.xlsx)'"; ``impor-anggaran`` went by the name, read it as a
    CSV and said "berkas CSV bukan teks UTF-8; simpan ulang sebagai 'CSV UTF-8'"."""
    ods = (REPO / "tests/fixtures/libreoffice/disimpan-libreoffice.ods").read_bytes()
    book = tmp_path / "data.ods"
    book.write_bytes(ods)
    before = tree_hashes(site)
    for command in ("impor", "impor-anggaran"):
        assert main([command, SLUG, str(book), "--situs", str(site)]) == 1
        err = capsys.readouterr().err
        assert ("data.ods:1: galat: berkas ini bukan buku kerja Excel (.xlsx) yang dapat dibaca (isinya lembar kerja "
                "OpenDocument (.ods)); itu format bawaan LibreOffice: buka berkas ini di LibreOffice, pilih Berkas → "
                "Simpan Sebagai… (File → Save As…), jenis berkas 'Excel 2007-365 (.xlsx)'" in err), (command, err)
        assert "UTF-8" not in err and "CSV" not in err, err
    assert tree_hashes(site) == before


def test_budget_workbook_with_formula_without_value_is_refused(site: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "LRA"
    for line in GOOD_CSV.splitlines()[1:]:
        kode, uraian, pagu, real = line.split(";")
        number = (lambda t: int(t.replace(".", "")) if t[0].isdigit() else t)
        ws.append([kode, uraian, number(pagu), number(real)])
    ws["C3"] = "=C4"
    (tmp_path / "realisasi.xlsx").write_bytes(save(wb))
    before = tree_hashes(site)
    assert main(["impor-anggaran", SLUG, str(tmp_path / "realisasi.xlsx"), "--situs", str(site)]) == 1
    assert "realisasi.xlsx!LRA!C3: galat: sel berisi rumus =C4 tanpa nilai tersimpan" in capsys.readouterr().err
    assert tree_hashes(site) == before



def test_a_report_with_errors_is_not_exported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The workbook shows what lkjip computes; from files that do not validate there is nothing right to show."""
    root = copy_examples(tmp_path / "situs")
    path = root / "content/laporan" / SLUG / "data/indikator.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("polaritas: positif", "polaritas: naik", 1),
                    encoding="utf-8")
    assert main(["ekspor", SLUG, "-o", str(tmp_path / "data.xlsx"), "--situs", str(root)]) == 1
    err = capsys.readouterr().err
    assert f"content/laporan/{SLUG}/data/indikator.yaml:7: galat: indikator[1].polaritas: nilai 'naik' tidak dikenal" in err
    assert "peringatan:" not in err
    assert not (tmp_path / "data.xlsx").exists()


def test_a_pk_year_typed_as_text_is_said_once(site: Path, workbook: bytes, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """"2023 " in PK!B1 was refused as text, then again as "tahun PK wajib diisi", which it was."""
    wb = open_book(workbook)
    wb["PK"]["B1"] = "2023 "
    book = tmp_path / "data.xlsx"
    book.write_bytes(save(wb))
    assert main(["impor", SLUG, str(book), "--situs", str(site)]) == 1
    said = [line for line in capsys.readouterr().err.splitlines() if "PK!B1" in line]
    assert len(said) == 1 and "tahun PK '2023' diketik sebagai teks" in said[0], said


def test_a_renamed_sheet_is_told_once_to_be_renamed_back(site: Path, workbook: bytes, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """"Indikator" renamed "Indikator 2024" was told both "tidak ada" and "Pindahkan isinya ke lembar 'Indikator',
    lalu hapus ... lembar ini", which leaves the author no sheet to move it to: it is said once, to rename it back."""
    wb = open_book(workbook)
    wb["Indikator"].title = "Indikator 2024"
    book = tmp_path / "data.xlsx"
    book.write_bytes(save(wb))
    assert main(["impor", SLUG, str(book), "--situs", str(site)]) == 1
    err = capsys.readouterr().err
    assert "buku kerja ini punya lembar 'Indikator 2024': bila itu lembar 'Indikator' yang diganti namanya" in err
    assert "Pindahkan isinya" not in err and "1 galat," in err, err
