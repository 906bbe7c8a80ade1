"""Read a workbook back: each sheet's rows by header, each cell checked for its kind, every problem at its cell.

Cells are read twice (openpyxl): once for what was typed, to see formulas, and once ``data_only`` for the value the
spreadsheet program last computed. A formula is accepted through its cached value; a formula without one (the file
was written by a program that does not calculate) is an error, never a silent blank.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError
from decimal import Decimal
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..core.diagnostics import Diagnostics
from ..core.fmt import fmt_entered
from ..core.numbers import (MAX_DECIMALS, TOO_LARGE, TOO_PRECISE, spreadsheet_digits, to_decimal, too_large,
                             typed_number)
from ..core.suggest import nearest
from . import layout as L

_YEAR_HEADER = re.compile(re.escape(L.TARGET_YEAR_PREFIX.lower()) + r"(\d{4})")


@dataclass
class Cell:
    """A cell that held something: its address for messages and its value as read (already checked)."""

    ref: str  # "D12"
    value: Any
    percent: bool = False  # a number shown with Excel's percent format: 85,5 % is stored as 0,855


@dataclass
class SheetRows:
    """The rows of one sheet that hold anything, by column key; ``where`` prefixes every message."""

    where: str  # "data.xlsx!Indikator"
    present: set[str] = field(default_factory=set)  # column keys found in the header row
    rows: list[tuple[int, dict[str, Cell]]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # sheet-specific (PK meta cells, Renstra years)
    header_row: int = 1


class Book:
    """An opened workbook: values and formulas side by side, and the name it is reported under."""

    def __init__(self, data: bytes, name: str, diags: Diagnostics):
        self.name = name
        self.diags = diags
        self.values = load_workbook(io.BytesIO(data), data_only=True)
        self.formulas = load_workbook(io.BytesIO(data), data_only=False)

    def sheet(self, title: str) -> tuple[Worksheet, Worksheet] | None:
        if title not in self.values.sheetnames:
            return None
        return self.values[title], self.formulas[title]

    def where(self, title: str) -> str:
        return f"{self.name}!{title}"


#: The most an .xlsx may unpack to. An export of a large report unpacks to a few megabytes; a workbook of 15 MB that
#: unpacked to some hundred (three million rows, or a zip bomb) held ``impor`` for minutes and ended in a MemoryError,
#: since openpyxl builds every cell, twice (values and formulas).
MAX_UNPACKED = 32 * 1024 * 1024


def open_book(data: bytes, name: str, diags: Diagnostics) -> Book | None:
    if (unpacked := _unpacked_size(data)) > MAX_UNPACKED:
        diags.error((name, 1), f"buku kerja ini berisi {unpacked // 2**20} MB data bila dibuka (paling banyak "
                               f"{MAX_UNPACKED // 2**20} MB; buku kerja hasil lkjip ekspor jauh lebih kecil): berisi "
                               "lembar atau baris lain yang sangat banyak? Hapus lembar dan baris yang tidak perlu, "
                               "atau ekspor ulang dengan lkjip ekspor lalu salin isinya")
        return None
    try:
        return Book(data, name, diags)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, ParseError):  # ParseError: a DOCTYPE's entities
        diags.error((name, 1), f"berkas ini bukan buku kerja Excel (.xlsx) yang dapat dibaca ({_kind_of(data)}); "
                               + (SAVE_ODS_AS_XLSX if is_ods(data) else
                                  "simpan ulang dari Excel atau LibreOffice sebagai 'Excel 2007-365 (.xlsx)'"))
        return None


def _unpacked_size(data: bytes) -> int:
    """What the zip's members unpack to, as its directory says (Python's zipfile never unpacks more than that);
    0 for no zip (``open_book`` says what it is)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return 0


#: An .ods is what LibreOffice saves unless told otherwise: the way to the .xlsx, in its own menus (the Indonesian
#: labels, the English ones beside them for a LibreOffice without the Indonesian language pack).
SAVE_ODS_AS_XLSX = ("itu format bawaan LibreOffice: buka berkas ini di LibreOffice, pilih Berkas → Simpan "
                    "Sebagai… (File → Save As…), jenis berkas 'Excel 2007-365 (.xlsx)', lalu pada pertanyaan format "
                    "pilih 'Gunakan Format Excel 2007-365!' (Use Excel 2007-365!), dan impor berkas .xlsx itu")


def is_ods(data: bytes) -> bool:
    """Whether ``data`` is an OpenDocument spreadsheet: its first member, stored uncompressed, names its type."""
    return data.startswith(b"PK") and b"application/vnd.oasis.opendocument.spreadsheet" in data[:200]


def _kind_of(data: bytes) -> str:
    """What a file that is not an .xlsx is, as its author knows it: the message named Python's exception
    ("(KeyError)", "(BadZipFile)") for an .ods, an .xls or a CSV."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "isinya buku kerja Excel 97-2003 (.xls)"
    if is_ods(data):
        return "isinya lembar kerja OpenDocument (.ods)"
    if b"\x00" in data[:4096]:  # text in any encoding has none; a cut multibyte character is still text
        return "isinya rusak atau bukan buku kerja"
    return "isinya teks, mis. CSV, bukan buku kerja"


def named_after(name: str) -> str | None:
    """The sheet the import reads that ``name``, another sheet, is named after ("Nilai Indikator (2)", "Salinan PK",
    "indikator": the longest title it holds, letter case aside), or None."""
    if name in L.READ_TITLES:
        return None
    return max((t for t in L.READ_TITLES if t.casefold() in name.casefold()), key=len, default=None)


def _renamed(book: Book, sheet: L.Sheet) -> str:
    """What to do about the missing sheet ``sheet``: rename back the sheet that looks like it, when the workbook has
    one (named after it, holding its column headers, or close to its name), else export again.

    Why: "Indikator" renamed "Indikator 2024" or "indikator" (a sheet name differing only in letter case) was said
    "tidak ada" without a word about the sheet the author had, who then looked for a deleted sheet; "Nilai Indikator"
    renamed "Nilai" or "Sheet1" was told to export again, which lost every value typed in the workbook."""
    title = sheet.title
    others = [n for n in book.values.sheetnames if n not in L.READ_TITLES and n != L.PETUNJUK]
    unnamed = [n for n in others if not named_after(n)]
    close = ([n for n in others if named_after(n) == title] or [n for n in unnamed if _holds_headers(book, n, sheet)]
             or nearest(title, unnamed))
    if not close:
        return "jangan mengganti nama atau menghapus lembar (ekspor ulang untuk mendapat buku kerja yang utuh)"
    return (f"buku kerja ini punya lembar '{close[0]}': bila itu lembar '{title}' yang diganti namanya, kembalikan "
            f"namanya persis '{title}' (klik kanan tab lembar → Ganti Nama); impor hanya membaca lembar bernama "
            f"'{title}'")


def _holds_headers(book: Book, name: str, sheet: L.Sheet) -> bool:
    """Whether the sheet ``name`` has ``sheet``'s header row: every required column and most of the others (the
    Renstra sheet's "ID" and "Nama indikator" alone are the Nilai Indikator sheet's too)."""
    ws = book.values[name]
    found = {_header_key(v) for c in range(1, (ws.max_column or 0) + 1)
             if isinstance(v := ws.cell(row=sheet.header_row, column=c).value, str)}
    keys = [_header_key(c.header) for c in sheet.columns]
    required = [_header_key(c.header) for c in sheet.columns if c.required]
    return all(k in found for k in required) and 2 * sum(k in found for k in keys) > len(keys)


def raw_cell(book: Book, ws: Worksheet, wf: Worksheet, row: int, col: int, where: str) -> Any:
    """The value a cell means: typed values as they are, formulas through their cached value (else an error)."""
    formula = wf.cell(row=row, column=col)
    typed = formula.value
    cached = ws.cell(row=row, column=col)
    value = cached.value
    if formula.data_type == "f":
        if value is None:
            book.diags.at_cell(where, get_column_letter(col), row,
                               f"sel berisi rumus {_formula_text(typed)} tanpa nilai tersimpan; buka dan simpan berkas di Excel atau "
                               "LibreOffice agar nilainya dihitung, atau ketik nilainya langsung")
            return _BROKEN
    if cached.data_type == "e":  # Excel's error (#DIV/0!, #N/A), by the cell's type: a name
        book.diags.at_cell(where, get_column_letter(col), row,  # typed "#NULL" is text (it was taken for one)
                           f"sel berisi galat Excel {value}; perbaiki rumusnya")
        return _BROKEN
    return value


def _formula_text(typed: Any) -> str:
    return typed if isinstance(typed, str) else str(getattr(typed, "text", typed))


_BROKEN = object()


def read_sheet(book: Book, sheet: L.Sheet, required: bool = True) -> SheetRows | None:
    """Rows of ``sheet`` by header; missing required headers are errors at the header row."""
    pair = book.sheet(sheet.title)
    where = book.where(sheet.title)
    if pair is None:
        if required:
            book.diags.error((book.name, 1), f"lembar '{sheet.title}' tidak ada; {_renamed(book, sheet)}")
        return None
    ws, wf = pair
    h = sheet.header_row
    for merged in sorted(wf.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col)):
        if merged.max_row >= h:  # only the first cell of a merge keeps its value: the others read as emptied
            book.diags.at_cell(where, get_column_letter(merged.min_col), merged.min_row,
                               f"sel {merged.coord} digabung (merge); pisahkan kembali (Excel: Beranda → Gabung & "
                               "Tengahkan → Pisahkan Sel), karena nilai sel-sel selain yang pertama terhapus")
    headers = {}
    shown: dict[int, str] = {}
    for col in range(1, (ws.max_column or 0) + 1):
        text = ws.cell(row=h, column=col).value
        if isinstance(text, str):
            headers[_header_key(text)] = col
            shown[col] = text.strip()
    out = SheetRows(where, header_row=h)
    columns: dict[str, int] = {}
    for spec in sheet.columns:
        col = headers.get(_header_key(spec.header))
        if col is None:
            if spec.required:
                book.diags.at_cell(where, "A", h, f"kolom wajib '{spec.header}' tidak ada di baris judul {h}; "
                                                  "kembalikan judul kolom itu persis seperti hasil ekspor")
            continue
        columns[spec.key] = col
        out.present.add(spec.key)
    if sheet.title == L.RENSTRA_TITLE:
        for text, col in headers.items():
            m = _YEAR_HEADER.fullmatch(text)
            if m:
                columns[f"target_{m.group(1)}"] = col
                out.present.add(f"target_{m.group(1)}")
    out.extra["columns"] = columns
    _unread_columns(book, ws, where, h, {c: t for c, t in shown.items() if c not in columns.values()})
    _unread_comments(book, wf, where, h)
    for row in range(h + 1, (ws.max_row or h) + 1):
        cells: dict[str, Cell] = {}
        for key, col in columns.items():
            value = raw_cell(book, ws, wf, row, col, where)
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            shown_as = ws.cell(row=row, column=col).number_format
            cells[key] = Cell(f"{get_column_letter(col)}{row}", value, _is_percent(value, shown_as))
        if cells:
            out.rows.append((row, cells))
    return out


def _unread_columns(book: Book, ws: Worksheet, where: str, header_row: int, unread: dict[int, str]) -> None:
    """A column the author added ("Catatan", "Sumber data") whose cells hold anything is said once, at its header:
    its text was dropped without a word, and an author who wrote a note beside a figure took it for imported."""
    for col, title in sorted(unread.items()):
        if any(ws.cell(row=r, column=col).value not in (None, "") for r in range(header_row + 1, (ws.max_row or 0) + 1)):
            book.diags.at_cell(where, get_column_letter(col), header_row,
                               f"kolom '{title}' bukan kolom hasil ekspor; isinya tidak diimpor. Catatan tentang "
                               "sebuah angka ditulis di bab laporan (atau, untuk nilai yang tidak ada, di kolom "
                               "alasannya); kolom ini boleh tetap ada di buku kerja Anda", "warning")


def _unread_comments(book: Book, wf: Worksheet, where: str, header_row: int) -> None:
    """A comment (Excel's note) on a cell is said at that cell: only values are imported, and a comment explaining a
    figure ("angka BPS, revisi Maret") was dropped without a word. The header row's comments are the export's own
    notes on each column."""
    for row in wf.iter_rows():
        for cell in row:
            if cell.comment is not None and cell.row != header_row and (cell.comment.text or "").strip():
                book.diags.at_cell(where, get_column_letter(cell.column), cell.row,
                                   "komentar (catatan) pada sel ini tidak diimpor: lkjip hanya membaca nilai sel. "
                                   "Penjelasan tentang sebuah angka ditulis di bab laporan (atau, untuk nilai yang "
                                   "tidak ada, di kolom alasannya); komentarnya boleh tetap ada di buku kerja Anda",
                                   "warning")


#: What authors type for "no value" in a number cell.
_NOT_AVAILABLE = re.compile(r"(?i)n\.?\s*/?\s*a\.?|[-–—]+|(?:data\s+)?(?:tidak|belum)\s+(?:ada|tersedia)(?:\s+data)?|kosong"
                            r"|nihil")


def _advice(what: str, text: str) -> str:
    """What to write instead of a text that is no number: "N/A" and "-" mean no value (an empty cell and its
    reason); "1,500,000", "1,5E+06" and "Rp4.512.000,-" are numbers in another form."""
    if _NOT_AVAILABLE.fullmatch(text.strip()):
        if what in ("target", "realisasi"):
            return f"bila nilainya tidak ada, kosongkan sel ini dan tulis alasannya di kolom 'Alasan {what} tidak ada'"
        return "bila nilainya tidak ada, kosongkan sel ini"
    if re.search(r"\d", text):
        # (the decimal mark is the Excel's own: "85,5" in an Indonesian Excel, "85.5" in an English one; the advice
        # said "85.5", which an Indonesian Excel keeps as text)
        return ("ketik angkanya saja, tanpa pemisah ribuan, Rp, huruf atau tanda lain (mis. 1500000; desimal dengan "
                "tanda desimal Excel Anda: 85,5 di Excel berbahasa Indonesia), dengan format sel Angka")
    return "ketik angkanya, dengan format sel Angka"


def _is_percent(value: Any, number_format: str | None) -> bool:
    """Whether a number cell has Excel's percent format (``0.0%``): a % outside quotes, escapes and ``[…]``
    sections. The export's own ``#,##0.00" %"`` prints a % as text and stores the figure as it is."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not number_format:
        return False
    return "%" in re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format)


def _header_key(text: str) -> str:
    """Headers match without case, spacing or the '(dihitung)' mark of derived columns."""
    t = re.sub(r"\s*\(dihitung\)\s*$", "", text.strip(), flags=re.I)
    return re.sub(r"\s+", " ", t).lower()


# -- cell kinds ------------------------------------------------------------------------------------------------------

class Reader:
    """Turns cells into values of the data model, recording a message at the cell for every one it cannot read."""

    def __init__(self, diags: Diagnostics, where: str):
        self.diags = diags
        self.where = where

    def error(self, cell: Cell, message: str) -> None:
        col, row = re.fullmatch(r"([A-Z]+)(\d+)", cell.ref).groups()  # type: ignore[union-attr]
        self.diags.at_cell(self.where, col, int(row), message)

    def text(self, cell: Cell | None) -> str | None:
        if cell is None or cell.value is _BROKEN:
            return None
        v = cell.value
        if isinstance(v, bool):
            self.error(cell, "sel ini berisi benar/salah; tulis teks")
            return None
        if isinstance(v, float) and v == int(v):
            v = int(v)
        if isinstance(v, (dt.datetime, dt.date)):
            self.error(cell, "sel ini berisi tanggal; tulis teks (format sel: Teks)")
            return None
        return str(v).strip()

    def number(self, cell: Cell | None, what: str, minimum: Decimal | None = None,
               grades: list[str] | None = None) -> Decimal | str | None:
        """A number cell: numbers as numbers; text that is a number typed the Indonesian way is named as such."""
        if cell is None or cell.value is _BROKEN:
            return None
        v = cell.value
        if isinstance(v, bool) or isinstance(v, (dt.datetime, dt.date, dt.time)):
            self.error(cell, f"{what} harus angka, tertulis {'tanggal' if not isinstance(v, bool) else 'benar/salah'}; "
                             "ubah format sel menjadi Angka lalu ketik nilainya")
            return None
        if isinstance(v, (int, float)):
            if isinstance(v, float) and not math.isfinite(v):
                self.error(cell, f"{what} harus angka, tertulis {v}")
                return None
            if too_large(v):  # 1e308 stopped the import's change list as "galat internal"
                self.error(cell, f"{what}: {TOO_LARGE}")
                return None
            d = spreadsheet_decimal(v)
            if d == 0 and v != 0:  # 1e-28 rounded to the cell's 10 decimals: 0 would be written without a word
                self.error(cell, f"{what}: {TOO_PRECISE}")
                return None
            if cell.percent:  # 85,5 % read as 0,855: a hundred times too small
                meant = fmt_entered(d * 100)
                self.error(cell, f"{what}: sel berformat persen (tampil {meant} %, tersimpan {fmt_entered(d)}); ubah "
                                 f"format sel menjadi Angka lalu ketik {meant} tanpa tanda %")
                return None
            if minimum is not None and d < minimum:
                self.error(cell, f"{what} tidak boleh kurang dari {minimum}, tertulis {v}")
                return None
            return d
        text = str(v).strip()
        if grades is not None:
            if text in grades:
                return text
            self.error(cell, f"{what} '{text}' bukan nilai kualitatif indikator ini; pilihan: {', '.join(grades)}")
            return None
        typed = typed_number(text)
        if typed is not None:
            # said with the decimal comma an Indonesian Excel reads ("68.85" typed there stays text, or becomes a
            # date); the English form beside it for an Excel set to English
            machine = typed[1]
            meaning = machine.replace(".", ",")
            if "." in machine:
                meaning += f"; di Excel berbahasa Inggris {machine}"
            extra = " tanpa tanda %" if "%" in text else ""
            self.error(cell, f"{what} '{text}' diketik sebagai teks, bukan angka; ketik ulang sebagai angka{extra} "
                             f"(nilai yang dimaksud: {meaning}), dengan format sel Angka, bukan Teks")
            return None
        self.error(cell, f"{what} harus angka, tertulis teks '{text}'; {_advice(what, text)}")
        return None

    def choice(self, cell: Cell | None, choices: tuple[str, ...], what: str) -> str | None:
        text = self.text(cell)
        if text is None or cell is None:
            return None
        if text.lower() in choices:
            return text.lower()
        self.error(cell, f"{what} '{text}' tidak dikenal; pilihan: {', '.join(choices)}")
        return None

    def year(self, cell: Cell | None, what: str = "tahun") -> int | None:
        value = self.number(cell, what)
        if value is None or cell is None:
            return None
        if not isinstance(value, Decimal) or value != value.to_integral_value() or not 1990 <= value <= 2100:
            self.error(cell, f"{what} harus tahun empat angka, mis. 2023, tertulis {cell.value}")
            return None
        return int(value)

    def date(self, cell: Cell | None, what: str) -> dt.date | None:
        if cell is None or cell.value is _BROKEN:
            return None
        v = cell.value
        if isinstance(v, dt.datetime):
            return v.date()
        if isinstance(v, dt.date):
            return v
        text = str(v).strip()
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            self.error(cell, f"{what} harus tanggal (ketik sebagai tanggal, atau TTTT-BB-HH mis. 2023-10-05), "
                             f"tertulis '{text}'")
            return None


def spreadsheet_decimal(v: int | float) -> Decimal:
    """A cell's number as the Decimal the author typed: binary noise (84.81999999999999) is rounded away.

    Spreadsheets keep 15 significant digits (a formula's result is saved with 17: ``3703701.3000000003`` for
    ``=1234567,1*3``, ``2398738951.6809998`` for ``=2455208753*0,977``); rounding to 15 of them, then to 10 decimals,
    and dropping trailing zeros gives back what the cell shows.
    """
    if isinstance(v, int):
        return Decimal(v)
    d = spreadsheet_digits(to_decimal(v))
    if d == d.to_integral_value():
        return Decimal(int(d))
    return d.quantize(Decimal(1).scaleb(-MAX_DECIMALS)).normalize()
