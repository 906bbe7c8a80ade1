"""The "Jumlah" row and column of a table pasted from a Word report, read against its rows and columns
(``jumlah-tabel``).

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
  columns read is a heading, not a row of the sum, nor is a row numbering the columns ("(1) | (2) | (3)").
- Such a row ("Jumlah Penduduk", "Jumlah Pegawai") is read as the total of the rows above it where it is the
  table's last row, in the columns where the row right above it holds a number, and the title of the first column
  names parts of a whole (``_PARTS``: "Desa", "Golongan", "Jenis Belanja", "Status", …), not facts ("Uraian": "Luas
  Wilayah", "Jumlah KK"); not when it names that column's parts ("Jumlah Desa" under desa rows counts them). It is
  accepted too as the sum of the first rows or of the last ones ("Jumlah ASN" of PNS and PPPK, not Honorer).
- A total printed above its rows (the table's first row of figures is "Jumlah"/"Total") is read against the rows
  below it, as a total under them is, where no other total row is in the table; the sum of the first rows or of
  the last ones is accepted too (Jumlah 31 above L 19, P 12, then PNS 22, PPPK 9: two ways of counting it).
- A total across columns: the last column titled "Jumlah", "Total", "L+P" or "Jumlah (L+P)" (``_ROW_TOTAL``; its own
  title, the lowest line of a header pasted in two), with only rates or text after it, is read in each row against
  two or more columns of counts right before it: none a rate, share, average, year or row number (as above), nor a
  realisation beside its pagu (``datasets.measured_against``: no sum). Of all those columns, or the last of them
  ("Luas" before "L" and "P" is no part), the reading is the one most rows add up to; none when fewer than half of
  the rows (and two) add up to any, or a row that does not has a total between its smallest and largest column (an
  average, a cumulative target: the year's is its last quarter's) or equal to a sum of them with some taken away
  (stock tables: awal + masuk − keluar). A row labelled "Rata-rata" is not read. Likewise a column titled "Sisa"
  after one pagu and one realisation column (``datasets.planned_and_realised``) is read as the pagu less the
  realisation. A row's wrong total is said at its row, and not again as its column's total (which it puts off);
  a total row's figure said in its column is not said again across.
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
from .datasets import is_rate, measured_against, names_rows, planned_and_realised
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
#: The header of a first column that names the parts of a whole (desa, golongan, jenis belanja), not facts: a last row
#: "Jumlah Penduduk" under such rows is their total; under "Luas Wilayah" and "Jumlah Desa" it is a fact of its own.
_PARTS = re.compile(r"\b(?:desa|kelurahan|kecamatan|dusun|rt|rw|lingkungan|golongan|gol|pangkat|eselon|jabatan|"
                    r"pendidikan|umur|usia|kelompok|agama|unit|bidang|seksi|bagian|subbagian|program|kegiatan|"
                    r"jenis\s+(?:belanja|kelamin|pegawai|tenaga|kepegawaian|pendapatan|sarana|prasarana)|status)\b")
#: The title of a column holding each row's total of the columns before it: "Jumlah", "Total", "L+P", "Jumlah (L+P)",
#: "Jumlah (jiwa)".
_ROW_TOTAL = re.compile(r"^(?:(?:jumlah|total)(?:\s+(?:total|keseluruhan|seluruhnya))?(?:\s*\([^)]*\))?"
                        r"|\(?l\s*\+\s*p\)?)$")
#: The title of a column holding each row's pagu less its realisation: "Sisa", "Sisa Anggaran (Rp)".
_SISA = re.compile(r"^sisa(?:\s+(?:anggaran|pagu|dana))?(?:\s*\([^)]*\))?$")
#: A cell numbering its column, as a Word table's row "(1) | (2) | (3)" under the header does.
_COLUMN_NUMBER = re.compile(r"^\(?(\d{1,2})\)?$")
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


def _counted(row: _Row, figure_columns: Sequence[int]) -> bool:
    """Whether a row is one of a sum: no total, average or share, nor a row numbering the columns, and a number in
    some column read."""
    return row.kind == "" and not _numbering(row) and any(_figure(_cell(row, i)) is not None for i in figure_columns)


def _candidates(rows: list[_Row], t: int, figure_columns: Sequence[int]) -> list[list[_Row]]:
    """The lists of rows the total row ``rows[t]`` may add up: the rows since the previous total row (or the sub
    totals, right under them); with sub totals above, also all rows above and the sub totals plus the rows after."""
    above = rows[:t]
    last = max((i for i, r in enumerate(above) if r.kind in ("total", "partial")), default=-1)
    segment = [r for r in above[last + 1:] if _counted(r, figure_columns)]
    totals = [r for r in above if r.kind in ("total", "partial")]
    out = [segment] if segment else []
    if totals:
        out += [totals + segment, [r for r in above if _counted(r, figure_columns)]]
    return [c for c in out if c]


def _printed_above(rows: list[_Row], t: int, figure_columns: Sequence[int]) -> list[list[_Row]]:
    """The rows below a total printed above them ("Jumlah" as the table's first row of figures, its parts under it,
    no other total row in the table); none for any other row."""
    if rows[t].kind != "total" or any(any(_figure(c) is not None for c in r.cells) for r in rows[:t]):
        return []
    below = rows[t + 1:]
    if any(r.kind in ("total", "partial") for r in below):
        return []
    counted = [r for r in below if _counted(r, figure_columns)]
    return [counted] if len(counted) >= 2 else []


def _runs(rows: list[_Row]) -> list[list[_Row]]:
    """The first rows and the last rows of a list, two or more: what a total labelled "Jumlah ASN" may add of the
    rows above it (PNS and PPPK, not Honorer), or a total above its rows of those under it (L and P, then PNS and
    PPPK)."""
    return [rows[:k] for k in range(2, len(rows))] + [rows[k:] for k in range(1, len(rows) - 1)]


def _names_parts(table: PastedTable, rows: list[_Row], t: int) -> bool:
    """Whether a row labelled "Jumlah Penduduk" (not "Jumlah" alone) totals the rows above it: it is the table's
    last row, right under a row of figures, and the first column's title names parts of a whole ("Desa", "Golongan",
    "Jenis Belanja") rather than facts; "Jumlah Desa" under desa rows is their count, not their sum."""
    if rows[t].kind != "partial" or t != len(rows) - 1 or t == 0 or rows[t - 1].kind != "":
        return False
    above = rows[t - 1]
    at = above.label_at if above.label_at >= 0 else next((i for i, c in enumerate(above.cells) if c), -1)  # "IV"
    header = table.header[at].casefold() if 0 <= at < len(table.header) else ""
    named = re.findall(r"\w+", rows[t].label.casefold())[1:2]
    return bool(_PARTS.search(header)) and not (named and named[0] in re.findall(r"\w+", header))


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


def _totals(total_row: _Row) -> dict[int, _Figure]:
    """The figures of a total row, by column: those after its label."""
    return {i: f for i in range(total_row.label_at + 1, len(total_row.cells))
            if (f := _figure(total_row.cells[i])) is not None}


def _columns(table: PastedTable, total_row: _Row, candidates: list[list[_Row]],
             next_to: _Row | None = None) -> Iterable[_Column]:
    """The columns of ``total_row`` to read, each with the first list of ``candidates`` (rows it may add up) it can
    be read against that does not add up to it (none when one does, or none can be read); with ``next_to``, only the
    columns where that row, right above it, holds a number."""
    for i, total in _totals(total_row).items():
        title = table.header[i] if i < len(table.header) else ""
        if is_rate(title) or names_rows(title) or _PERCENT.search(total_row.cells[i]):
            continue
        if next_to is not None and _figure(_cell(next_to, i)) is None:
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
    side = "di bawahnya" if column.rows[0].line > total_row.line else "di atasnya"  # a total printed above its rows
    if len(set(levels)) > 1:
        top = [v for v, lv in zip(values, levels) if lv == levels[0]]
        rows = f"{len(top)} baris teratas {side} (setingkat baris {column.rows[0].line})"
    elif any(end > i + 2 for i, end in enumerate(_parent_ends(values, places))):
        top = _collapsed(values, places)  # a row above two or more that add up to it: a parent, as it reads
        rows = f"{len(top)} baris {side} (tanpa baris rinciannya)"
    else:  # two equal rows are no parent and child in the message: 2 and 2 staff of two golongan
        top, rows = values, f"{len(values)} baris {side}"
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


# ---------------------------------------------------------------------------------------------------------------
# A total across columns: "| Desa | Laki-laki | Perempuan | Jumlah |"


@dataclass(frozen=True, slots=True)
class _RowTotal:
    """A column holding each row's total of some columns before it (or a pagu less its realisation: "Sisa"), and
    the rows read so."""

    index: int
    parts: list[int]
    signs: tuple[int, ...]  # 1 for a column added, -1 for one taken away (the realisation under "Sisa")
    titles: list[str]  # each column's own title (the lowest line of a header pasted in two)
    rows: list[_Row]


def _titles(table: PastedTable, rows: list[_Row]) -> tuple[list[str], list[str]]:
    """Each column's own title and its whole one: a header pasted in two lines keeps its second line as the first
    rows, with no number ("Penduduk" above "L", "P", "L+P"); the own title is the lowest line, the whole one all
    of them, an empty header cell taking the spanning one at its left."""
    width = max([len(table.header), *(len(r.cells) for r in rows)])
    header = [table.header[i] if i < len(table.header) else "" for i in range(width)]
    own, lines = list(header), []
    for row in rows:
        if any(_figure(c) is not None for c in row.cells):
            break
        lines.append(row)
        for i, cell in enumerate(row.cells):
            own[i] = cell or own[i]
    if lines:
        for i in range(1, width):
            header[i] = header[i] or header[i - 1]
    whole = [" ".join(dict.fromkeys(t for t in (header[i], *(_cell(r, i) for r in lines)) if t)) for i in range(width)]
    return own, whole


def _numbering(row: _Row) -> bool:
    """Whether a row numbers the columns ("(1) | (2) | (3) | (4)"), as Word tables do under their header."""
    found = [int(m.group(1)) for c in row.cells if c and (m := _COLUMN_NUMBER.match(c))]
    return len(found) >= 3 and len(found) == sum(1 for c in row.cells if c) and \
        all(b == a + 1 for a, b in zip(found, found[1:]))


def _sums(row: _Row, parts: Sequence[int], signs: Sequence[int], j: int) -> list[tuple[Decimal, Decimal, int]]:
    """The row's total at ``j`` and the sum of its ``parts`` (each with its sign), with the decimals shown: as read,
    and as the other reading of "1.250" where a cell has one; none where a cell holds no number."""
    figures = [_figure(_cell(row, i)) for i in (*parts, j)]
    if any(f is None for f in figures):
        return []
    read = [f for f in figures if f is not None]
    readings = [[f.value for f in read]]
    if any(f.other is not None for f in read):
        readings.append([f.other if f.other is not None else f.value for f in read])
    places = _places([f.value for f in read])
    return [(values[-1], sum((v * sign for v, sign in zip(values, signs)), ZERO), places) for values in readings]


def _adds_across(row: _Row, parts: Sequence[int], signs: Sequence[int], j: int) -> bool:
    return any(abs(total - summed) <= _slack(len(parts), places)
               for total, summed, places in _sums(row, parts, signs, j))


def _other_figure(row: _Row, parts: Sequence[int], j: int) -> bool:
    """Whether a row's total is between its smallest and largest part (an average; a cumulative target whose year is
    its last quarter's), or another sum of them with some taken away (stock tables: awal + masuk − keluar): the
    column is then no sum of them."""
    figures = [_figure(_cell(row, i)) for i in (*parts, j)]
    if any(f is None for f in figures) or len(parts) > 8:
        return False
    values = [f.value for f in figures if f is not None]
    total, values = values[-1], values[:-1]
    signed = (sum((-v if mask >> k & 1 else v for k, v in enumerate(values)), ZERO) for mask in range(2 ** len(values)))
    return min(values) <= total <= max(values) or total in signed


def _number_column(read: list[_Row], title: str, c: int) -> bool:
    """Whether column ``c`` holds a count or an amount in each row read: no rate, share, average, year or row
    number, no "%" and no cell without a number."""
    return not (names_rows(title) or is_rate(title) or any(_figure(_cell(r, c)) is None or _PERCENT.search(_cell(r, c))
                                                           for r in read))


def _confirmed(read: list[_Row], readings: list[tuple[list[int], tuple[int, ...]]], j: int,
               own: list[str]) -> _RowTotal | None:
    """Of the ways a column may total the columns before it, the one most rows add up to; None when fewer than half
    of them (and two) do, or a row that does not is one of its columns or another sum of them."""
    if not readings:
        return None
    added = [sum(_adds_across(r, parts, signs, j) for r in read) for parts, signs in readings]
    best = max(range(len(readings)), key=lambda k: (added[k], len(readings[k][0])))
    parts, signs = readings[best]
    if added[best] < 2 or 2 * added[best] <= len(read):
        return None
    if any(_other_figure(r, parts, j) for r in read if not _adds_across(r, parts, signs, j)):
        return None
    return _RowTotal(j, parts, signs, own, read)


def _row_total(table: PastedTable, rows: list[_Row]) -> _RowTotal | None:
    """The column of a table that totals each row: the last one titled "Jumlah", "Total" or "L+P" (after it only
    rates or text), over the two or more columns of counts right before it (none a rate, share, average, year or
    row number, nor a realisation beside its pagu); of those, the ones most of its rows add up to (all of them, or
    the last ones: "Luas" before "L", "P" is no part). Or a column "Sisa" after one pagu and one realisation: the
    pagu less the realisation. See :func:`_confirmed` for when none is."""
    own, whole = _titles(table, rows)
    folded = [t.casefold().strip(" .:;,") for t in own]
    j = next((i for i in reversed(range(len(own))) if _ROW_TOTAL.match(folded[i]) or _SISA.match(folded[i])), None)
    if j is None or is_rate(whole[j]):
        return None
    read = [r for r in rows if _figure(_cell(r, j)) is not None and r.kind != "summary" and not _numbering(r)]
    if len(read) < 2 or any(not is_rate(whole[c]) and any(_figure(_cell(r, c)) is not None for r in read)
                            for c in range(j + 1, len(own))):
        return None
    if _SISA.match(folded[j]):
        numbers = [c for c in range(j) if _number_column(read, whole[c], c)]
        planned, realised = planned_and_realised([whole[c] for c in numbers])
        if len(planned) != 1 or len(realised) != 1:
            return None
        pair = [numbers[[whole[c] for c in numbers].index(t)] for t in (planned[0], realised[0])]
        return _confirmed(read, [(pair, (1, -1))], j, own)
    run: list[int] = []
    for c in reversed(range(j)):
        if not _number_column(read, whole[c], c):
            break
        run.insert(0, c)
    readings = [(run[k:], (1,) * (len(run) - k)) for k in range(len(run) - 1)
                if not measured_against([whole[c] for c in run[k:]])]
    return _confirmed(read, readings, j, own)


def _column_name(titles: Sequence[str], i: int) -> str:
    return f"'{titles[i]}'" if i < len(titles) and titles[i] else f"ke-{i + 1}"


def _across_finding(table: PastedTable, row: _Row, rt: _RowTotal) -> Finding:
    """The message of a row whose total across columns is not the sum of its parts (or whose Sisa is not its pagu
    less its realisation)."""
    (total, summed, places), *_ = _sums(row, rt.parts, rt.signs, rt.index)
    money = any(_MONEY.search(t) for t in (rt.titles[rt.index], *(rt.titles[i] for i in rt.parts))) or \
        any(_MONEY.search(_cell(row, i)) for i in (*rt.parts, rt.index))
    names = [_column_name(rt.titles, i) for i in rt.parts]
    if -1 in rt.signs:
        what = f"kolom {names[0]} dikurangi kolom {names[1]}"
        advice = ("isikan pagu dan realisasinya di data/anggaran.yaml dan ganti tabel ketikan ini dengan blok "
                  "```{tabel} anggaran``` atau ```{tabel} jenis_belanja```, yang menghitung sisanya")
    else:
        what = "jumlah kolom " + ", ".join(names[:-1]) + f" dan {names[-1]}"
        advice = ("isikan angka tabel ini sebagai dataset CSV di folder data/ dan ganti tabel ketikan ini dengan blok "
                  "```{tabel} dataset```, yang menghitung kolom Jumlah-nya")
    named = row.label or next((c for c in row.cells[:min(rt.parts)] if c and _figure(c) is None), "")  # "III"
    name = f"baris '{named}'" if named else "baris ini"
    return Finding("warning", Loc(table.rel, row.line),
                   f"tabel ketikan ini menulis {rt.titles[rt.index]} {row.cells[rt.index]} di {name}, padahal {what} "
                   f"di baris itu {_shown(summed, places, money)} (selisih {_shown(abs(total - summed), places, money)}"
                   f"); angka ketikan tidak dihitung ulang bila angka kolom lainnya diubah. Perbaiki angkanya, atau "
                   f"{advice}",
                   "jumlah-tabel")


# ---------------------------------------------------------------------------------------------------------------


def check_typed_totals(tables: Iterable[PastedTable], said: set[tuple[str, int]]) -> list[Finding]:
    """The "Jumlah"/"Total" rows of pasted pipe tables (a report's, :func:`.pasted.read_pasted`) whose figure in a
    column is not the sum of the rows above it, and the rows whose "Jumlah" column is not the sum of the columns
    before it (warning ``jumlah-tabel``); ``said``: the (file, line) of rows already warned of as ``angka-diketik``.
    A mistake is said once: a row's wrong Jumlah is not said again as its column's, nor a wrong total of a column as
    the total row's across."""
    out: list[Finding] = []
    for table in tables:
        rows = [_row(r) for r in table.rows]
        rt = _row_total(table, rows)
        across = {} if rt is None else {r.line: r for r in rt.rows if (table.rel, r.line) not in said
                                       and not _adds_across(r, rt.parts, rt.signs, rt.index)}
        for t, row in enumerate(rows):
            if (table.rel, row.line) in said:
                continue
            figure_columns = list(_totals(row))
            next_to = rows[t - 1] if _names_parts(table, rows, t) else None
            above = _printed_above(rows, t, figure_columns)
            candidates = (above or _candidates(rows, t, figure_columns)
                          if row.kind == "total" or next_to is not None else [])
            if (next_to is not None or above) and candidates:  # "Jumlah ASN" of PNS, PPPK, Honorer: the first two
                candidates += _runs(candidates[0])
            for column in _columns(table, row, candidates, next_to) if candidates else ():
                if rt is not None and column.index == rt.index and any(r.line in across for r in column.rows):
                    continue  # the column's total is off by the wrong row total said at its row
                if rt is not None and column.index in (*rt.parts, rt.index):
                    across.pop(row.line, None)  # the total row's wrong figure, said in its column
                out.append(_finding(table, row, column))
        out += [_across_finding(table, row, rt) for row in across.values() if rt is not None]
    return out
