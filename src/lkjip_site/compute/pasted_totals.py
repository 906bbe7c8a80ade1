"""The "Jumlah" row of a table pasted from a Word report, read against the rows above it (``jumlah-tabel``).

Why: an author who moves last year's report into lkjip pastes its tables of population per desa, staff per golongan,
area per desa or budget per jenis belanja as Markdown pipe tables, each ending with a "Jumlah" typed in Word. Real
reports get these wrong (Belanja Operasi + Modal 693.583.150 short of the Belanja Daerah typed below them; program
realisations that sum to 2.455.208.753 under a "Jumlah" of 2.369.772.519). :mod:`.pasted` reads only rows naming an
indicator or a budget node of the data, so such a total was never read. Here it is read against the rows above it,
in each column, and the author is told to correct it or to enter the figures as a dataset, whose Jumlah lkjip computes.

Each rule is chosen so that a right table is never warned of; the price is a wrong total now and then not seen:

- A total row is one whose first text cell says "Jumlah" or "Total" (``pasted.TOTAL_LABEL``: also "Jumlah Total",
  "Total Keseluruhan", "Jumlah Belanja Daerah"), or "Sub Jumlah …"/"Subtotal …". Its rows are the rows above it up
  to the previous total row; a total right under sub totals adds those. Where a table has sub totals, the sum of all
  the rows above and the sub totals plus the rows after them are accepted too. Another row starting with "Jumlah" or
  "Total" ("Jumlah PNS") is taken for a sub total, not read: it may as well be a figure of its own ("Jumlah KK" in a
  table of facts). A row labelled "Rata-rata" or "Persentase" is no row of the sum; a row without a number in the
  columns read is a heading, not a row of the sum.
- A column is read where the total row has a number, its title names no rate, share, score or average, nor a row's
  number or year (``datasets.is_rate``, ``datasets.names_rows``: "%", "Persentase", "Rata-rata", "Capaian",
  "Serapan", "Indeks", "No", "Tahun"; not when it says "Rp"), and no cell of it has "%". Every row must hold a
  number there: a dash is 0 (Excel's Accounting zero), "(1.250)" is −1.250; an empty cell or any other text leaves
  the column unread, since what the author added up cannot be known.
- Hierarchy: one table often holds program, kegiatan and sub kegiatan rows, or rows numbered 1 / 1.1 / 1.2, or
  Belanja Operasi above Belanja Pegawai and Belanja Barang dan Jasa. The total is accepted when it equals the sum of
  all the rows, or the sum of the rows of one level, or the sum read with parent rows. A row's level is the shape of
  the number or code it starts with (``1``, ``1.1``, ``a.``, ``I``, ``-``, ``7.01.01``, ``7.01.01.2.01``; rows
  without one are a level too). A parent row is one followed by rows that add up to it (themselves read so), the
  shape of a table whose indentation was lost in the paste; its rows are then left out of the sum. Why three
  readings: the total of one level is right whatever another level holds (a wrong program pagu above its right
  kegiatan is that row's mistake, not the total's), and a wrong total equals one of them only by chance. The message
  names the sum of the level of the first row (the top one) and, when the rows have levels, of all of them.
- Rounding: the figures shown are rounded, each by up to half a unit of its last decimal, and the total too. So in a
  column with decimals a difference of up to (n + 1) × ½ unit of the last decimal shown (n rows: 0,055 for ten rows
  of two decimals) can come from rounding alone and is accepted; whole numbers (people, rupiah) must add up exactly.
  The bound is the worst case, not one unit: ten rounded areas differ from their rounded total by more than one unit
  of the last decimal about a quarter of the time, and that is no mistake.
- Numbers are read as :func:`..core.numbers.parse_hand_written` reads a hand-typed number ("1.234.567", "12,5",
  "Rp 5.000"). Where some cell reads two ways ("1.250": thousands, or a decimal point as English Excel writes it),
  the column is summed both ways, and either reading that adds up is accepted.
- A total row :mod:`.pasted` has already warned of (``angka-diketik``: its figure against the budget data) is not read
  again, so its mistake is said once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable, Sequence

from ..core import fmt
from ..core.model import Loc
from ..core.numbers import as_decimal, bracketed_negative, number_problem, parse_hand_written, placeholder
from .datasets import is_rate, names_rows
from .findings import ZERO, Finding
from .pasted import TOTAL_LABEL, PastedRow, PastedTable, cell_text

#: A sub total: read as a total of the rows above it ("Sub Jumlah PNS").
_SUBTOTAL = re.compile(r"^sub[\s-]*(?:jumlah|total)\b")
#: A row that may total some rows above it, or may be a figure of its own ("Jumlah PNS", or "Jumlah KK" in a
#: table of facts): not read, and no row of a sum; a total below it may add it instead of the rows above it.
_PARTIAL = re.compile(r"^(?:jumlah|total)\b")
#: Rows that are no row of a sum: an average or a share under the rows.
_SUMMARY = re.compile(r"^(?:rata-?rata|rerata|persentase|persen)\b")
#: The number or code a row's first cell starts with: "1", "1.2", "1)", "a.", "IV.", "-", "7.01.01.2.01".
_MARKER = re.compile(r"^(?:(?P<angka>\d+(?:\.\d+)*)[.)]?(?=\s|$)"
                     r"|(?P<huruf>[IVXLC]+|[ivxlc]+|[A-Za-z])(?:[.)](?=\s|$)|$)"
                     r"|(?P<strip>[-–•·])(?=\s|$))")
_PERCENT = re.compile(r"%|\bpersen\b", re.I)
_MONEY = re.compile(r"\brp\b", re.I)

Level = tuple[str, int]


@dataclass(frozen=True, slots=True)
class _Row:
    line: int
    cells: tuple[str, ...]  # as the author means them (``cell_text``)
    label: str  # the first cell with a letter, its leading number dropped
    label_at: int  # that cell's index, -1 without one
    level: Level  # the shape of its leading number or code, ("", 0) without one
    kind: str  # "total", "summary" or "" (a row of figures, or a heading)


@dataclass(frozen=True, slots=True)
class _Figure:
    value: Decimal
    other: Decimal | None  # the other reading of "1.250"


def _level(text: str) -> Level:
    m = _MARKER.match(text)
    if m is None:
        return ("", 0)
    if m.group("angka"):
        return ("angka", m.group("angka").count(".") + 1)
    if m.group("huruf"):
        return ("HURUF" if m.group("huruf").isupper() else "huruf", 1)
    return ("strip", 1)


def _row(row: PastedRow) -> _Row:
    cells = tuple(cell_text(c) for c in row.cells)
    first = next((i for i, c in enumerate(cells) if c), -1)
    level = _level(cells[first]) if first >= 0 else ("", 0)
    label, at = "", -1
    for i, cell in enumerate(cells):
        text = _MARKER.sub("", cell, count=1).strip() if i == first else cell
        if any(ch.isalpha() for ch in text):
            label, at = text, i
            break
    folded = label.casefold().strip(" .:;,")
    kind = ("total" if TOTAL_LABEL.match(folded) or _SUBTOTAL.match(folded) else
            "partial" if _PARTIAL.match(folded) else "summary" if _SUMMARY.match(folded) else "")
    return _Row(row.line, cells, label, at, level, kind)


def _figure(cell: str) -> _Figure | None:
    """A cell's number as typed; a dash is 0, "(1.250)" is −1250; None for no number (an empty cell too)."""
    if placeholder(cell) == "strip":
        return _Figure(ZERO, None)
    negative = bracketed_negative(cell)
    if negative is not None:
        value = as_decimal(negative)
        return None if value is None or number_problem(value) else _Figure(value, None)
    found = parse_hand_written(cell)
    if found is None or number_problem(found.value):
        return None  # no number, or one of more digits than any figure has (its sum would be rounded)
    other = Decimal(found.alternative) if found.alternative else None
    return _Figure(found.value, other)


def _cell(row: _Row, i: int) -> str:
    return row.cells[i] if i < len(row.cells) else ""


# ---------------------------------------------------------------------------------------------------------------
# The sums a total may be


def _slack(count: int, places: int) -> Decimal:
    """How far a sum of ``count`` figures rounded to ``places`` decimals, and their total, may be apart from rounding
    alone: half a unit of the last decimal for each (0 for whole numbers)."""
    return Decimal(count + 1) * Decimal(5).scaleb(-places - 1) if places else ZERO


def _parent_ends(values: Sequence[Decimal], places: int) -> list[int]:
    """For each row, the index after it and the rows it is the parent of: the rows right below it that, each with
    its own children, add up to it; itself alone when none do. Worked from the bottom up, so each row's groups are
    known (no recursion: a long table stopped no check)."""
    n, rising = len(values), all(v >= 0 for v in values)
    ends = list(range(1, n + 1))
    for i in reversed(range(n - 1)):
        acc, k, count = ZERO, i + 1, 0
        while k < n:
            acc, k, count = acc + values[k], ends[k], count + 1
            slack = _slack(count, places)
            if abs(acc - values[i]) <= slack:
                ends[i] = k
                break
            if rising and acc > values[i] + slack:
                break
    return ends


def _collapsed(values: Sequence[Decimal], places: int) -> list[Decimal]:
    """The rows that are not children of a parent row above them (:func:`_parent_ends`)."""
    ends, out, i = _parent_ends(values, places), [], 0
    while i < len(values):
        out.append(values[i])
        i = ends[i]
    return out


def _readings(values: Sequence[Decimal], levels: Sequence[Level], places: int) -> Iterable[list[Decimal]]:
    """The rows whose sum a right total may be: all, those of each level, the ones read with parent rows."""
    yield list(values)
    if len(set(levels)) > 1:
        for level in dict.fromkeys(levels):
            yield [v for v, lv in zip(values, levels) if lv == level]
    yield _collapsed(values, places)


def _adds_up(total: Decimal, values: Sequence[Decimal], levels: Sequence[Level], places: int) -> bool:
    return any(abs(total - sum(part, ZERO)) <= _slack(len(part), places) for part in _readings(values, levels, places))


# ---------------------------------------------------------------------------------------------------------------
# A table's total rows


@dataclass(frozen=True, slots=True)
class _Column:
    """What one column of a total row is read against: the rows summed, their figures, and the total as typed."""

    index: int
    title: str
    total: _Figure
    rows: list[_Row]
    figures: list[_Figure]


def _candidates(rows: list[_Row], t: int, figure_columns: Sequence[int]) -> list[list[_Row]]:
    """The lists of rows the total row ``rows[t]`` may add up: the rows since the previous total row (or the sub
    totals, right under them); with sub totals above, also all rows above and the sub totals plus the rows after."""
    def counted(row: _Row) -> bool:
        return row.kind == "" and any(_figure(_cell(row, i)) is not None for i in figure_columns)

    above = rows[:t]
    last = max((i for i, r in enumerate(above) if r.kind in ("total", "partial")), default=-1)
    segment = [r for r in above[last + 1:] if counted(r)]
    totals = [r for r in above if r.kind in ("total", "partial")]
    out = [segment] if segment else []
    if totals:
        out += [totals + segment, [r for r in above if counted(r)]]
    return [c for c in out if c]


def _read(rows: list[_Row], figures: list[_Figure | None]) -> list[_Figure] | None:
    return None if any(f is None for f in figures) else [f for f in figures if f is not None]


def _places(values: Iterable[Decimal]) -> int:
    return max(max(0, -int(v.as_tuple().exponent)) for v in values)


def _differs(column: _Column) -> bool:
    """Whether no reading of the column's rows adds up to its total: of the numbers as read, nor of their other
    reading where a cell has one ("1.250")."""
    levels = [r.level for r in column.rows]
    readings = [(column.total.value, [f.value for f in column.figures])]
    if column.total.other is not None or any(f.other is not None for f in column.figures):
        readings.append((column.total.other if column.total.other is not None else column.total.value,
                         [f.other if f.other is not None else f.value for f in column.figures]))
    return not any(_adds_up(total, values, levels, _places([total, *values])) for total, values in readings)


def _columns(table: PastedTable, rows: list[_Row], t: int) -> Iterable[_Column]:
    """The columns of the total row ``rows[t]`` to read, each with the first list of rows it can be read against
    that does not add up to it (none when one does, or none can be read)."""
    total_row = rows[t]
    totals = {i: f for i in range(total_row.label_at + 1, len(total_row.cells))
              if (f := _figure(total_row.cells[i])) is not None}
    candidates = _candidates(rows, t, list(totals))
    for i, total in totals.items():
        title = table.header[i] if i < len(table.header) else ""
        if is_rate(title) or names_rows(title) or _PERCENT.search(total_row.cells[i]):
            continue
        readable = []
        for candidate in candidates:
            figures = _read(candidate, [_figure(_cell(r, i)) for r in candidate])
            if figures is not None and not any(_PERCENT.search(_cell(r, i)) for r in candidate):
                readable.append(_Column(i, title, total, candidate, figures))
        if readable and all(_differs(c) for c in readable):
            yield readable[0]


# ---------------------------------------------------------------------------------------------------------------
# The message


def _shown(value: Decimal, places: int, money: bool) -> str:
    return fmt.fmt_rupiah(value) if money else fmt.fmt_number(value, places)


def _finding(table: PastedTable, total_row: _Row, column: _Column) -> Finding:
    """The message: the total as typed, the sum of the top rows (of the first row's level, or the parent rows when
    the rows have no numbers), and of all rows when that is another figure."""
    places = _places([column.total.value, *(f.value for f in column.figures)])
    money = bool(_MONEY.search(column.title)) or any(_MONEY.search(_cell(r, column.index))
                                                     for r in [*column.rows, total_row])
    values = [f.value for f in column.figures]
    levels = [r.level for r in column.rows]
    if len(set(levels)) > 1:
        top = [v for v, lv in zip(values, levels) if lv == levels[0]]
        rows = f"{len(top)} baris teratas di atasnya (setingkat baris {column.rows[0].line})"
    elif any(end > i + 2 for i, end in enumerate(_parent_ends(values, places))):
        top = _collapsed(values, places)  # a row above two or more that add up to it: a parent, as it reads
        rows = f"{len(top)} baris di atasnya (tanpa baris rinciannya)"
    else:  # two equal rows are no parent and child in the message: 2 and 2 staff of two golongan
        top, rows = values, f"{len(values)} baris di atasnya"
    summed = sum(top, ZERO)
    where = f"kolom '{column.title}'" if column.title else f"kolom ke-{column.index + 1}"
    rest = (f", dan jumlah semua {len(values)} barisnya {_shown(sum(values, ZERO), places, money)}"
            if len(top) < len(values) else "")
    gap = _shown(abs(column.total.value - summed), places, money)
    return Finding("warning", Loc(table.rel, total_row.line),
                   f"tabel ketikan ini menulis {total_row.label} {total_row.cells[column.index]} di {where}, padahal "
                   f"jumlah {rows} {_shown(summed, places, money)} (selisih {gap}){rest}; jumlah ketikan tidak "
                   f"dihitung ulang bila angka barisnya diubah. Perbaiki angkanya, atau isikan angka tabel ini "
                   "sebagai dataset CSV di folder data/ dan ganti tabel ketikan ini dengan blok ```{tabel} dataset```, "
                   "yang menghitung baris Jumlah-nya",
                   "jumlah-tabel")


def check_typed_totals(tables: Iterable[PastedTable], said: set[tuple[str, int]]) -> list[Finding]:
    """The "Jumlah"/"Total" rows of pasted pipe tables (a report's, :func:`.pasted.read_pasted`) whose figure in a
    column is not the sum of the rows above it (warning ``jumlah-tabel``); ``said``: the (file, line) of rows already
    warned of as ``angka-diketik``."""
    out: list[Finding] = []
    for table in tables:
        rows = [_row(r) for r in table.rows]
        for t, row in enumerate(rows):
            if row.kind == "total" and (table.rel, row.line) not in said:
                out += [_finding(table, row, column) for column in _columns(table, rows, t)]
    return out
