"""Excel workbooks lkjip writes: same input, same bytes; numbers as numbers with id-ID display formats.

Two writers share this module: ``lkjip ekspor`` (``sheets/export.py``, a report's data for its author) and the
portal's comparison tables, published as ``.xlsx`` beside their CSV (``output/portal.py``). Why the second: an
inspectorate's evaluator opening ``perbandingan.csv`` in an Excel or LibreOffice set to Indonesian got its decimals
wrong without a word: ``97.500`` (97,5 %) became 97 500 and ``116.19…`` stayed text that no sum or sort counts, and a
double click put every row in one cell (the Indonesian list separator is ``;``). A workbook carries its numbers as
numbers, whatever the reader's locale, so the CSV can stay the machine format every other reader expects.

Deterministic bytes: openpyxl stamps the document's ``modified`` date and every zip member with the clock; both are
replaced by ``SOURCE_DATE_EPOCH`` (or a fixed date), as the PDF and the archive do.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Iterable, Mapping


from ..core import fmt
from ..core.epoch import source_date_epoch
from ..core.lazy import Lazy

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell

#: openpyxl, imported when a workbook is first written (``core.lazy``): every build imports this module for the
#: portal's comparison workbooks, which a rebuild that keeps them never writes.
openpyxl: Any = Lazy("openpyxl")
styles: Any = Lazy("openpyxl.styles")
utils: Any = Lazy("openpyxl.utils")

#: The document date when ``SOURCE_DATE_EPOCH`` is not set (a clock's date would change the bytes every build).
FIXED_DATE = dt.datetime(2000, 1, 1)

#: Number formats. The ``[$-421]`` locale tag (Indonesian) makes spreadsheet programs show ``1.234.567,89``.
FMT_MONEY = "[$-421]#,##0"
FMT_RUPIAH = '[$-421]"Rp "#,##0'
FMT_PERCENT = '[$-421]#,##0.00" %"'
FMT_VALUE = "[$-421]#,##0.####"
FMT_DATE = "[$-421]d mmmm yyyy"

#: The header row's fill colour and font colour (white on dark blue), for every workbook lkjip writes.
HEADER_COLOUR = "1F4E79"
HEADER_TEXT = "FFFFFF"


def header_style(cell: Any) -> None:
    """A header cell's look: bold white on dark blue."""
    cell.fill = styles.PatternFill("solid", fgColor=HEADER_COLOUR)
    cell.font = styles.Font(bold=True, color=HEADER_TEXT)

#: A column's kind as the open data's schemas name it (``opendata.py``), in the words of a reader's sheet.
KINDS = {"string": "teks", "integer": "bilangan bulat", "number": "angka", "date": "tanggal",
         "boolean": "true/false"}
#: Widest a column is made (a URL or a reason keeps its whole text in the cell, shown cut).
MAX_WIDTH = 60


def stamp() -> dt.datetime:
    """The documents' date: ``SOURCE_DATE_EPOCH`` when set (``lkjip`` refuses one that is not whole seconds)."""
    epoch = source_date_epoch()
    if epoch is not None:
        return dt.datetime.fromtimestamp(epoch, tz=dt.timezone.utc).replace(tzinfo=None)
    return FIXED_DATE


def excel_value(value: Any) -> Any:
    """Spreadsheet cells hold floats: whole numbers go as int so they stay exact; others as the nearest float."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


#: Significant digits a spreadsheet keeps of a number: Excel shows and computes with 15, and openpyxl writes 16
#: (``%.16g``), which is not always the float it was given (``11.119941928433493`` came back ``11.11994192843349``).
EXCEL_DIGITS = 15


def excel_number(value: Decimal) -> int | float:
    """An open-data number as a cell holds it: whole numbers exact, others rounded to :data:`EXCEL_DIGITS`
    significant digits, so the cell is exactly the decimal Excel shows at full precision (the CSV keeps every
    digit)."""
    if value == value.to_integral_value():
        return int(value)
    return float(round(value, EXCEL_DIGITS - 1 - value.adjusted()))


def put_value(cell: Cell, value: Any) -> None:
    """``value`` into ``cell``; a text that starts with '=' stays text (not a formula), '#N/A' text (not an error)."""
    cell.value = excel_value(value)
    if isinstance(value, str) and value.startswith(("=", "#")):
        cell.data_type = "s"


def deterministic(wb: Workbook, when: dt.datetime) -> bytes:
    """Save, then re-pack with fixed member timestamps: openpyxl stamps 'modified' and the zip with the clock."""
    raw = io.BytesIO()
    wb.save(raw)
    out = io.BytesIO()
    date_time = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _fix_modified(data, when)
            member = zipfile.ZipInfo(info.filename, date_time=date_time)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o600 << 16
            dst.writestr(member, data)
    return out.getvalue()


def _fix_modified(xml: bytes, when: dt.datetime) -> bytes:
    text = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    return re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + text + rb"\g<2>", xml)


# ------------------------------------------------------------------------------------------------ open data tables


@dataclass(frozen=True)
class Table:
    """One open-data table as a workbook: the CSV's columns and rows, and what its title rows say."""

    title: str  # the first row and the document's title
    source: str  # where the table is published (its page), named in the second row
    sheet: str  # the sheet's name (at most 31 characters, none of ``[]:*?/\\``)
    fields: list[tuple[str, str, str]]  # (name, type, description), as the CSV's schema
    rows: list[Mapping[str, Any]]
    formats: Mapping[str, str]  # column name -> number format (a percent, rupiah); others as the program shows them
    links: frozenset[str] = frozenset()  # columns holding an address: written as a link to it


#: Rows above the header: title, source and date, how to read the numbers, a blank line.
HEADER_ROW = 4
#: The third row: how to read the numbers. Why it names the 15 digits: it said "nilainya utuh" over cells that hold
#: :data:`EXCEL_DIGITS` significant digits (116,191780821918 where the CSV beside it has 116,19178082191780821917…),
#: and an evaluator who compared the two found the workbook's claim and the CSV at odds.
READING = ("Angka tidak dibulatkan ke 2 desimal: sel menampilkan 2 desimal, nilainya tersimpan sampai 15 angka "
           "bermakna (batas Excel; semua digit ada di berkas CSV). Persentase dalam persen, uang dalam rupiah. "
           "Keterangan setiap kolom ada di lembar Kolom.")


def table_workbook(table: Table, built: dt.date | None) -> bytes:
    """The table as deterministic .xlsx bytes: a title row naming it, its source and ``built`` (the build's date,
    from ``SOURCE_DATE_EPOCH``; none is written without it, as on the pages), the header frozen with the first
    column, a filter, the CSV's values as numbers, dates and texts (unrounded, shown with id-ID formats), and a
    second sheet describing each column."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = table.sheet
    ws.cell(row=1, column=1, value=table.title).font = styles.Font(bold=True, size=13)
    said = f"Sumber: {table.source}" + (f", dibangun {fmt.fmt_date(built)}" if built else "") + "."
    ws.cell(row=2, column=1, value=said)
    ws.cell(row=3, column=1, value=READING)
    names = [name for name, _, _ in table.fields]
    widths = [len(name) for name in names]
    for c, name in enumerate(names, start=1):
        cell = ws.cell(row=HEADER_ROW, column=c, value=name)
        header_style(cell)
        cell.alignment = styles.Alignment(vertical="top")
    kinds = {name: kind for name, kind, _ in table.fields}
    for r, row in enumerate(table.rows, start=HEADER_ROW + 1):
        for c, name in enumerate(names, start=1):
            value = _typed(kinds[name], row.get(name))
            cell = ws.cell(row=r, column=c)
            put_value(cell, excel_number(value) if isinstance(value, Decimal) else value)
            if name in table.formats:
                cell.number_format = table.formats[name]
            elif isinstance(value, dt.date):
                cell.number_format = FMT_DATE
            if name in table.links and value:
                cell.hyperlink = value
                cell.style = "Hyperlink"
            widths[c - 1] = max(widths[c - 1], len(_shown(value, table.formats.get(name, ""))))
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[utils.get_column_letter(c)].width = min(width + 2, MAX_WIDTH)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=2)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{utils.get_column_letter(len(names))}{HEADER_ROW + len(table.rows)}"
    _describe(wb.create_sheet("Kolom"), table.fields)
    when = stamp()
    wb.properties.creator = "lkjip-site"
    wb.properties.title = table.title
    wb.properties.created = when
    return deterministic(wb, when)


_SHARED = re.compile(r"<si>(.*?)</si>", re.S)
_TEXT = re.compile(r"<t\b[^>]*>(.*?)</t>", re.S)
_CELL = re.compile(r'<c r="([A-Z]+)(\d+)"([^>]*?)(?:/>|>(.*?)</c>)', re.S)
_VALUE = re.compile(r"<v>(.*?)</v>", re.S)


def sheet_values(data: bytes) -> dict[int, dict[int, str]]:
    """The first sheet's cells as stored, ``{row: {column: text}}`` (both from 1): a shared or inline string's text,
    a number as its digits in the file (what a spreadsheet program reads), a date as its serial number.

    Why not openpyxl: the consistency audit (``opendata.OpenDataSource``) reads every comparison workbook a build
    writes, and a build that writes none must not import it (``core.lazy``); the cells are a few lines of XML."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        names = book.namelist()
        shared = book.read("xl/sharedStrings.xml").decode("utf-8") if "xl/sharedStrings.xml" in names else ""
        sheet = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
    strings = ["".join(_TEXT.findall(item)) for item in _SHARED.findall(shared)]
    rows: dict[int, dict[int, str]] = {}
    for letters, row, attrs, inner in _CELL.findall(sheet):
        value = _VALUE.search(inner or "")
        if 't="s"' in attrs and value:
            text = strings[int(value.group(1))]
        elif 't="inlineStr"' in attrs:
            text = "".join(_TEXT.findall(inner))
        elif value:
            text = value.group(1)
        else:
            continue
        rows.setdefault(int(row), {})[_column_number(letters)] = html.unescape(text)
    return rows


def _column_number(letters: str) -> int:
    """``A`` -> 1, ``Z`` -> 26, ``AA`` -> 27."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n


def _typed(kind: str, value: Any) -> Any:
    """A row's value as its column's kind: a date column's ISO text as a date (sorted and filtered as one)."""
    if kind == "date" and isinstance(value, str) and value:
        return dt.date.fromisoformat(value)
    return None if value == "" else value


def _shown(value: Any, number_format: str) -> str:
    """About what the cell shows, to size its column (id-ID, as the formats print it)."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return fmt.fmt_date(value)
    if isinstance(value, (Decimal, int, float)) and not isinstance(value, bool):
        if number_format == FMT_PERCENT:
            return fmt.fmt_percent(value)
        if number_format == FMT_RUPIAH:
            return fmt.fmt_rupiah(value, whole=True)
        return str(value) if isinstance(value, int) else fmt.fmt_number(value, 2)
    return str(value)


def _describe(ws: Any, fields: Iterable[tuple[str, str, str]]) -> None:
    """The columns' names, kinds and descriptions (the CSV's schema, as ``data-terbuka.json``'s guide lists it)."""
    for c, (header, width) in enumerate((("kolom", 26), ("jenis", 16), ("keterangan", 100)), start=1):
        cell = ws.cell(row=1, column=c, value=header)
        header_style(cell)
        ws.column_dimensions[utils.get_column_letter(c)].width = width
    for r, (name, kind, description) in enumerate(fields, start=2):
        for c, text in enumerate((name, KINDS.get(kind, kind), description), start=1):
            put_value(ws.cell(row=r, column=c), text)
    ws.freeze_panes = "A2"
