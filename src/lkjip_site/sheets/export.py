"""``lkjip ekspor``: one workbook of a report's data, a sheet per kind, for authors who work in Excel.

What the author types is unlocked; what lkjip computes (capaian, predikat, serapan, sums of program and kegiatan)
is written as values, grey and locked on a protected sheet (no password: the protection prevents typing by mistake,
it is no security), so the author sees the result of the same computation the site shows but never enters it.
The bytes are deterministic: document dates come from ``SOURCE_DATE_EPOCH`` (or a fixed date) and every member of
the zip carries the same timestamp (``output/workbook.py``, shared with the portal's comparison workbooks).
"""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..core.model import Report
from ..output.workbook import (FMT_DATE, FMT_MONEY, FMT_PERCENT, FMT_VALUE, HEADER_COLOUR, HEADER_TEXT, deterministic,
                               put_value, stamp)
from . import layout as L
from .lineage import PROPERTY, SHOWN_PROPERTY, sheet_rows, shown_stamp, stamp as lineage_stamp
from .rows import Row, pk_meta, renstra_years

#: Empty rows below the data that stay unlocked and validated, for new indicators, values and budget lines.
SPARE_ROWS = 200
HEADER_FILL = PatternFill("solid", fgColor=HEADER_COLOUR)
HEADER_FONT = Font(bold=True, color=HEADER_TEXT)
DERIVED_HEADER_FILL = PatternFill("solid", fgColor="7F7F7F")
DERIVED_FILL = PatternFill("solid", fgColor="EDEDED")
DERIVED_FONT = Font(italic=True, color="595959")
META_FONT = Font(bold=True)
UNLOCKED = Protection(locked=False)
LOCKED = Protection(locked=True)
DERIVED_NOTE = "Dihitung oleh lkjip (abu-abu, terkunci); tidak dibaca saat impor. Jangan diisi."
REPORT_MARK = "lkjip laporan: "


def export_workbook(report: Report) -> bytes:
    """The workbook of ``report`` (loaded and computed) as deterministic .xlsx bytes."""
    wb = Workbook()
    readme = wb.active
    readme.title = L.PETUNJUK
    _write_readme(readme, report)
    sheets, meta = sheet_rows(report), pk_meta(report)
    _write_table(wb.create_sheet(L.INDIKATOR.title), L.INDIKATOR, sheets[L.INDIKATOR.title])
    _write_table(wb.create_sheet(L.NILAI.title), L.NILAI, sheets[L.NILAI.title])
    renstra = renstra_sheet(renstra_years(report))
    _write_table(wb.create_sheet(renstra.title), renstra, sheets[L.RENSTRA_TITLE])
    pk = wb.create_sheet(L.PK_FIXED.title)
    _write_pk_meta(pk, meta)
    _write_table(pk, L.PK_FIXED, sheets[L.PK_FIXED.title])
    _write_table(wb.create_sheet(L.ANGGARAN.title), L.ANGGARAN, sheets[L.ANGGARAN.title])
    wb.security = WorkbookProtection(lockStructure=False)
    when = stamp()
    wb.properties.creator = "lkjip-site"
    wb.properties.title = report.judul
    wb.properties.subject = REPORT_MARK + report.slug  # the import checks it: another report's workbook would rewrite all
    wb.properties.created = when
    wb.custom_doc_props.append(StringProperty(name=PROPERTY, value=lineage_stamp(sheets, meta)))  # see lineage.py
    wb.custom_doc_props.append(StringProperty(name=SHOWN_PROPERTY, value=shown_stamp(sheets)))  # the grey cells
    return deterministic(wb, when)


def renstra_sheet(years: list[int]) -> L.Sheet:
    targets = tuple(L.Column(f"target_{y}", f"{L.TARGET_YEAR_PREFIX}{y}", "value", 10) for y in years)
    return L.Sheet(L.RENSTRA_TITLE, L.RENSTRA_FIXED + targets + L.RENSTRA_TAIL,
                   note="Target Renstra per tahun, kondisi awal dan target akhir tiap indikator.")


def _write_table(ws: Worksheet, sheet: L.Sheet, rows: list[Row]) -> None:
    h = sheet.header_row
    for c, col in enumerate(sheet.columns, start=1):
        cell = ws.cell(row=h, column=c, value=col.header + (" (dihitung)" if col.derived else ""))
        cell.font = HEADER_FONT
        cell.fill = DERIVED_HEADER_FILL if col.derived else HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.protection = LOCKED
        note = DERIVED_NOTE if col.derived else col.note
        if note:
            cell.comment = Comment(note, "lkjip")
        ws.column_dimensions[get_column_letter(c)].width = col.width
    last = h + len(rows) + SPARE_ROWS
    for r, row in enumerate(rows, start=h + 1):
        for c, col in enumerate(sheet.columns, start=1):
            _put(ws.cell(row=r, column=c), col, row.values.get(col.key), col.derived or col.key in row.derived)
    for r in range(h + 1 + len(rows), last + 1):
        for c, col in enumerate(sheet.columns, start=1):
            _put(ws.cell(row=r, column=c), col, None, col.derived)
    for c, col in enumerate(sheet.columns, start=1):
        if col.choices:
            dv = DataValidation(type="list", formula1='"' + ",".join(col.choices) + '"', allow_blank=True,
                                showErrorMessage=True, errorTitle="Pilihan tidak dikenal",
                                error="Pilih salah satu: " + ", ".join(col.choices))
            letter = get_column_letter(c)
            dv.add(f"{letter}{h + 1}:{letter}{last}")
            ws.add_data_validation(dv)
    ws.row_dimensions[h].height = 32  # two lines: headers wrap ("Realisasi TW I (Rp)", "... (dihitung)")
    ws.freeze_panes = ws.cell(row=h + 1, column=2)
    ws.auto_filter.ref = f"A{h}:{get_column_letter(len(sheet.columns))}{h + len(rows)}"
    _protect(ws)


def _put(cell: Any, col: L.Column, value: Any, derived: bool) -> None:
    put_value(cell, value)
    if col.kind in ("money", "derived_money"):
        cell.number_format = FMT_MONEY
    elif col.kind == "derived_percent":
        cell.number_format = FMT_PERCENT
    elif col.kind in ("value", "number", "derived_value"):
        cell.number_format = FMT_VALUE
    elif col.kind in ("text", "choice", "derived_text") and col.key in ("id", "kode", "program", "sasaran"):
        cell.number_format = "@"  # codes such as 7.01 must stay text
    if derived:
        cell.fill = DERIVED_FILL
        cell.font = DERIVED_FONT
        cell.protection = LOCKED
    else:
        cell.protection = UNLOCKED


def _write_pk_meta(ws: Worksheet, meta: dict[str, Any]) -> None:
    for key, label, row in L.PK_META:
        ws.cell(row=row, column=1, value=label).font = META_FONT
        ws.cell(row=row, column=1).protection = LOCKED
        cell = ws.cell(row=row, column=2, value=meta.get(key))
        cell.protection = UNLOCKED
        if key == "tanggal":
            cell.number_format = FMT_DATE
    dv = DataValidation(type="list", formula1='"' + ",".join(L.JENIS_PK) + '"', allow_blank=True)
    dv.add("B2")
    ws.add_data_validation(dv)


def _protect(ws: Worksheet) -> None:
    """Locked cells cannot be typed into; rows may still be inserted, deleted, sorted and filtered."""
    p = ws.protection
    p.sheet = True
    p.insertRows = False
    p.deleteRows = False
    p.formatColumns = False
    p.formatRows = False
    p.autoFilter = False
    p.sort = False


def _write_readme(ws: Worksheet, report: Report) -> None:
    lines = [
        (f"Data {report.judul}", True),
        (f"Laporan: {report.slug}, versi {report.versi}, periode {report.periode_tahun}.", False),
        ("", False),
        ("Cara memakai buku kerja ini", True),
        ("1. Ubah angka dan teks di sel putih. Sel abu-abu dihitung lkjip (capaian, predikat, serapan, jumlah "
         "program dan kegiatan): jangan diisi; nilainya diperbarui setelah impor.", False),
        ("2. Ketik angka sebagai angka (di Excel berbahasa Indonesia: 68,85), bukan teks; persen tanpa tanda %; "
         "rupiah tanpa 'Rp' dan tanpa pemisah ribuan yang diketik sendiri. Angka yang tersimpan sebagai teks (68,85 "
         "yang diawali tanda petik, 1.000.800 pada sel berformat Teks) ditolak di selnya.", False),
        ("   Sel berformat Persen (Excel menyimpan 85,5% sebagai 0,855) ditolak; LibreOffice menyimpan 85,5% sebagai "
         "0,855 tanpa tanda apa pun, sehingga capaiannya seratus kali lebih kecil: ketik 85,5.", False),
        ("   Rumus boleh dipakai: yang dibaca nilai yang dihitung dan disimpan Excel atau LibreOffice bersama "
         "rumusnya.", False),
        ("3. Nilai yang tidak tersedia: kosongkan selnya dan tulis alasannya di kolom 'Alasan ... tidak ada' "
         "(bukan '-', 'N/A' atau 0).", False),
        ("4. Indikator baru: tambah baris di lembar Indikator (ID unik), lalu nilainya di lembar Nilai Indikator; "
         "agar tampil di tabel PK, tambah juga baris 'indikator' di lembar PK yang hanya menyebut ID-nya.", False),
        ("5. Anggaran: isi pagu dan realisasi pada sub kegiatan; tingkat (program, kegiatan, sub kegiatan) dibaca dari "
         "kodenya, dan baris baru ditempatkan di bawah induk yang kodenya sesuai. Sesudah APBD Perubahan: kolom Pagu "
         "berisi pagu perubahan (DPPA); pagu sebelumnya (DPA awal) di kolom Pagu awal, hanya pada sub kegiatan yang "
         "pagunya berubah.", False),
        ("6. Simpan sebagai .xlsx (LibreOffice: Berkas → Simpan Sebagai…, jenis 'Excel 2007-365 (.xlsx)', bukan "
         ".ods), lalu jalankan: lkjip impor " + report.slug + " <berkas>.xlsx", False),
        ("   Bila ada kesalahan, lkjip menyebut selnya (mis. data.xlsx!Nilai Indikator!F12) dan tidak menulis apa pun.",
         False),
        ("", False),
        ("Yang tidak dapat dilakukan di buku kerja ini", True),
        ("- Menambah sasaran atau tujuan: tulis dulu di data/renstra.yaml, di bawah tujuannya (id, uraian, "
         "indikator), lalu impor lagi. Kolom Sasaran/tujuan dan baris 'sasaran' lembar PK hanya menyebut ID-nya; "
         "ID yang tidak ada di renstra.yaml ditolak.", False),
        ("- Mengganti nama, menghapus atau menyalin lembar, atau mengubah judul kolom: lembar dan kolom dicari dari "
         "namanya. Urutan kolom boleh diubah; kolom tambahan Anda sendiri (mis. Catatan) dan komentar sel tidak "
         "diimpor.", False),
        ("- Menambah baris Jumlah, Total atau Rata-rata: jumlah dan rata-rata dihitung lkjip; baris itu ditolak.",
         False),
        ("Menghapus baris menghapus datanya dari berkas YAML (ringkasan impor menyebutnya). Menyortir dan menyaring "
         "baris tidak mengubah apa pun, kecuali di lembar PK: urutan barisnya urutan Perjanjian Kinerja.", False),
        ("Panduan lengkap: panduan penulis (docs/panduan-penulis.md), bagian 'Dari Excel'.", False),
        ("", False),
        ("Lembar", True),
        ("Indikator: satu baris per indikator (nama, satuan, polaritas, jenis, sasaran, program, nilai kualitatif).",
         False),
        ("Nilai Indikator: target dan realisasi per tahun dan periode (tahunan, tw1..tw4), dengan capaian dihitung.",
         False),
        ("Renstra: kondisi awal, target Renstra per tahun, target akhir dan target nasional.", False),
        ("PK: tahun, jenis dan tanggal Perjanjian Kinerja, serta daftar sasaran, indikator dan programnya.", False),
        ("Anggaran: pohon program, kegiatan, sub kegiatan dengan pagu, realisasi dan keluaran.", False),
        ("", False),
        ("Yang tidak ada di buku kerja (mis. nilai 'tertulis', jenis belanja, uraian Renstra) tetap di berkas YAML "
         "dan tidak diubah oleh impor.", False),
    ]
    for r, (text, bold) in enumerate(lines, start=1):
        cell = ws.cell(row=r, column=1, value=text or None)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if bold:
            cell.font = Font(bold=True, size=12 if r == 1 else 11)
    ws.column_dimensions["A"].width = 120
