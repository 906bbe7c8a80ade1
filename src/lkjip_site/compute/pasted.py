"""Tables pasted from last year's Word report as Markdown pipe tables: their numbers read against the computed ones.

Why: an author moving a report into lkjip pastes its tables ("| IKU 1 | 80 | 85 | 106,25 % | Sangat Tinggi |") beside
the computed ones. Only a cell with "%" or "Rp" was read, and only against every computed value at once: a capaian
copied from the row above (110,00 % for an indicator computing 106,25 %) passed, a predikat cell, a realisasi typed
again ("85" where the data says 88), a "Capaian (%)" column of bare numbers and a "(Rp)" column of bare amounts were
never read, and nothing said that ``{tabel} capaian`` prints that table from the data, numbered and in the Daftar
Tabel. A row is read only where it names one indicator (its id or its name as the data writes it) or one budget node
(its kode or name, or "Jumlah"/"Total" in a budget table), and a cell only under a column whose title says what it
holds; so a table of other figures (a population, a list of dates) is never read. All findings are warnings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator

from ..core import fmt
from ..core.fmt import round_half_up
from ..core.model import Chapter, Loc, Report
from ..core.numbers import parse_hand_written
from .budget import BudgetResult, BudgetRow, normalise_code
from .findings import Finding
from .prose import TABLE_DELIMITER, all_lines, cell_spans, table_cells
from .report import ComputedReport, IndicatorResult
from .scales import NA_LABEL, normalise_label

#: A caption typed above a pasted table: "Tabel 3.1 Capaian Indikator Kinerja" (its number and title).
_TYPED_CAPTION = re.compile(r"^[\s*_]*Tabel\s+[\dIVX]+(?:[.\-]\d+)*\.?[\s*_:.-]*(.*?)[\s*_]*$", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
#: The label of a row that totals the rows above it, folded: of a budget table, and of any pasted table
#: (``pasted_totals``).
TOTAL_LABEL = re.compile(r"^(?:jumlah|total)(?:\s+(?:total|keseluruhan|seluruhnya|anggaran|belanja(?:\s+daerah)?))?$")
#: The words of a column title, most specific first: what the cells under it hold.
_KINDS = (("predikat", re.compile(r"\b(?:predikat|kategori|kriteria)\b")),
          ("capaian", re.compile(r"\bcapaian\b")),
          ("serapan", re.compile(r"\b(?:serapan|penyerapan)\b")),
          ("sisa", re.compile(r"\bsisa\b")),
          ("realisasi", re.compile(r"\brealisasi\b")),
          ("target", re.compile(r"\btarget\b")),
          ("pagu", re.compile(r"\b(?:pagu|anggaran|alokasi)\b")),
          ("persen", re.compile(r"^\(?\s*%\s*\)?$|^persen(?:tase)?\b")))
#: Words that make a column another figure than the one its kind names for its year: a quarter's alone, the Renstra's,
#: the national target, the PK awal's. Not read.
_OTHER_FIGURE = re.compile(r"\b(?:tw|triwulan|semester|bulan|renstra|rpjmd|akhir|awal|kondisi|nasional|provinsi|"
                           r"lalu|sebelum(?:nya)?|perubahan|rata-?rata|kumulatif)\b")
#: What strips a cell to the text an author means: emphasis, and a note's mark.
_DECOR = re.compile(r"[*_`]|\[\^[^\]]*\]")


@dataclass(frozen=True, slots=True)
class PastedRow:
    line: int  # the file line
    cells: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]  # each cell's offsets in its line


@dataclass(frozen=True, slots=True)
class PastedTable:
    """A Markdown pipe table of a chapter, outside fences, as typed."""

    rel: str
    line: int  # the header row's file line
    header: tuple[str, ...]
    rows: tuple[PastedRow, ...]
    caption: str  # the title of a "Tabel 3.1 …" line typed above it, "" without one
    caption_line: int  # that line's file line, 0 without one


def pasted_tables(chapter: Chapter) -> Iterator[PastedTable]:
    """Every pipe table of a chapter's text: a row of cells, the delimiter row under it, the rows that follow up to
    a blank line or a line without a cell border."""
    found = list(all_lines(chapter))
    i = 0
    while i + 1 < len(found):
        n, line, fenced = found[i]
        below = found[i + 1]
        if fenced or below[2] or "|" not in line or not TABLE_DELIMITER.match(below[1]) or "|" not in below[1]:
            i += 1
            continue
        rows, j = [], i + 2
        while j < len(found) and not found[j][2] and found[j][1].strip() and "|" in found[j][1]:
            spans = tuple(cell_spans(found[j][1]))
            rows.append(PastedRow(found[j][0], tuple(found[j][1][a:b] for a, b in spans), spans))
            j += 1
        caption, caption_line = _caption_above(found, i)
        yield PastedTable(chapter.rel, n, tuple(cell_text(c) for c in table_cells(line)), tuple(rows), caption,
                          caption_line)
        i = j


def _caption_above(found: list[tuple[int, str, bool]], i: int) -> tuple[str, int]:
    """The title of a "Tabel 3.1 …" line above a table (blank lines between allowed), and its file line."""
    k = i - 1
    while k >= 0 and not found[k][1].strip() and not found[k][2]:
        k -= 1
    m = _TYPED_CAPTION.match(found[k][1]) if k >= 0 and not found[k][2] else None
    return (m.group(1).strip(), found[k][0]) if m else ("", 0)


def cell_text(cell: str) -> str:
    """A cell as its author means it: emphasis and a note's mark dropped, spaces made one."""
    return " ".join(_DECOR.sub("", cell).split())


def _fold(text: str) -> str:
    return " ".join(_DECOR.sub("", text).casefold().split()).strip(" .:;,")


@dataclass(frozen=True, slots=True)
class _Column:
    kind: str  # a key of _KINDS
    year: int | None  # the year its title names


def _columns(table: PastedTable, tahun: int) -> list[_Column | None]:
    """What each column holds, by its title; a "%" alone is the serapan of a budget table, the capaian of one of
    targets. A column of a year's figure names that year ("Realisasi 2024"), else it is the report year's."""
    out: list[_Column | None] = []
    for title in table.header:
        folded = title.casefold()
        kind = None if _OTHER_FIGURE.search(folded) else next((k for k, p in _KINDS if p.search(folded)), None)
        years = _YEAR.findall(folded)
        out.append(None if kind is None or len(years) > 1 else _Column(kind, int(years[0]) if years else tahun))
    kinds = {c.kind for c in out if c is not None}
    persen = "serapan" if "pagu" in kinds else "capaian" if "target" in kinds else None
    return [(_Column(persen, c.year) if persen else None) if c is not None and c.kind == "persen" else c for c in out]


def _number(cell: str) -> tuple[Decimal, int, Decimal | None] | None:
    """A cell's number as typed (``106,25 %``, ``82,5``, ``Rp 1.250.000``): its value, decimals written and the other
    reading of ``1.234`` (a decimal point, as an English spreadsheet writes it); None for no number."""
    found = parse_hand_written(cell_text(cell))
    if found is None:
        return None
    places = max(0, -found.value.as_tuple().exponent)
    return found.value, places, Decimal(found.alternative) if found.alternative else None


def _same(typed: tuple[Decimal, int, Decimal | None], value: Decimal) -> bool:
    v, places, other = typed
    if round_half_up(value, places) == v:
        return True
    return other is not None and round_half_up(value, max(0, -other.as_tuple().exponent)) == other


@dataclass(frozen=True, slots=True)
class _Subject:
    """What a row is about: one indicator, one budget node, or the budget's total."""

    indicator: IndicatorResult | None = None
    node: BudgetResult | BudgetRow | None = None
    level: str = ""  # the budget node's level ("program" …), "" for the total


class _Names:
    """The indicators and budget nodes of a report by the ids, codes and names a row may write."""

    def __init__(self, computed: ComputedReport) -> None:
        self.budget = computed.anggaran
        self.by_name = {_fold(ir.nama): ir for ir in computed.indikator.values()}
        self.by_id = {ir.id.casefold().replace(" ", ""): ir for ir in computed.indikator.values()}
        nodes = list(self.budget.nodes()) if self.budget is not None else []
        self.by_kode = {normalise_code(n.kode): n for n in nodes}
        self.by_nama = {_fold(n.nama): n for n in nodes}

    def subject(self, row: PastedRow, columns: list[_Column | None]) -> _Subject | None:
        """The indicator or budget node a row names in a cell that is not a figure's: its id, kode or name as the
        data writes it; "Jumlah" or "Total" in a budget table. None when it names none, or two."""
        money = any(c is not None and c.kind in ("pagu", "serapan", "sisa") for c in columns)
        found: list[_Subject] = []
        for i, cell in enumerate(row.cells):
            text = _fold(cell)
            if (i < len(columns) and columns[i] is not None) or not text:
                continue
            kode = normalise_code(cell_text(cell))
            ir = self.by_id.get(text.replace(" ", "")) or self.by_name.get(text)
            node = self.by_kode.get(kode) or self.by_nama.get(text)
            if ir is not None and _number(cell) is None:
                found.append(_Subject(indicator=ir))
            elif node is not None:
                found.append(_Subject(node=node, level=node.level))
            elif money and self.budget is not None and TOTAL_LABEL.match(text):
                found.append(_Subject(node=self.budget.total))
        distinct = {(s.indicator.id if s.indicator else "", id(s.node)) for s in found}
        return found[0] if len(distinct) == 1 else None


# ---------------------------------------------------------------------------------------------------------------
# The cells read


def _indicator_value(ir: IndicatorResult, column: _Column) -> Decimal | None:
    """The computed or entered figure of an indicator a column holds, of its year."""
    if column.year == ir.tahun:
        if column.kind == "target" and isinstance(ir.target_tahunan, Decimal) and ir.target_tahunan != ir.target:
            return None  # a quarterly report: "Target" may be the year's or the one s.d. the quarter
        value = {"capaian": ir.capaian.value, "target": ir.target, "realisasi": ir.realisasi}.get(column.kind)
    else:
        point = next((p for p in ir.riwayat if p.tahun == column.year), None)
        value = None if point is None else {"capaian": point.capaian.value, "target": point.target,
                                            "realisasi": point.realisasi}.get(column.kind)
    return value if isinstance(value, Decimal) else None


def _budget_value(node: BudgetResult | BudgetRow, column: _Column, tahun: int) -> Decimal | None:
    if column.year != tahun:
        return None
    return {"pagu": node.pagu, "realisasi": node.realisasi, "sisa": node.sisa,
            "serapan": node.serapan}.get(column.kind)


#: How a figure is named and printed in a message, and the reference that prints it.
_WORDS = {"capaian": "capaian", "target": "target", "realisasi": "realisasi", "pagu": "pagu", "sisa": "sisa anggaran",
          "serapan": "serapan"}


def _shown(kind: str, value: Decimal, ir: IndicatorResult | None) -> str:
    if kind in ("capaian", "serapan"):
        return fmt.fmt_percent(value)
    if ir is None:
        return fmt.fmt_rupiah(value)
    return fmt.fmt_entered(value)


def _cell_finding(table: PastedTable, row: PastedRow, i: int, subject: _Subject, column: _Column,
                  tahun: int, advice: str) -> Finding | None:
    typed = _number(row.cells[i])
    if typed is None:
        return None
    ir = subject.indicator
    value = (_indicator_value(ir, column) if ir is not None
             else _budget_value(subject.node, column, tahun) if subject.node is not None else None)
    if value is None or _same(typed, value):
        return None
    year = "" if column.year == tahun else f" tahun {column.year}"
    words = _WORDS[column.kind]
    if ir is not None:
        what, path = f"indikator {ir.id}", f"{ir.id}.{column.kind}" + ("" if column.year == tahun else f"@{column.year}")
        source = "hasil hitungan" if column.kind == "capaian" else "menurut data indikator"
    else:
        kode = getattr(subject.node, "kode", "")
        what = f"{subject.level.replace('_', ' ')} {kode}" if kode else "jumlah anggaran"
        path = f"anggaran.{kode}.{column.kind}" if kode else f"anggaran.{column.kind}"
        source = "hasil hitungan" if column.kind in ("serapan", "sisa") or not kode else "menurut data anggaran"
    return Finding("warning", Loc(table.rel, row.line),
                   f"tabel ketikan ini menulis {words}{year} {cell_text(row.cells[i])} untuk {what}, padahal {words}"
                   f"{year} {source} {_shown(column.kind, value, ir)}; angka ketikan tidak ikut berubah bila datanya "
                   f"diubah. {advice} {{nilai}}`{path}` di sel itu", "angka-diketik")


def _predikat_finding(table: PastedTable, row: PastedRow, i: int, ir: IndicatorResult,
                      computed: ComputedReport, advice: str) -> Finding | None:
    """A predikat typed in a row of one indicator, not the one of its computed capaian (a predikat of last year's
    scale, or copied from the row above)."""
    typed = cell_text(row.cells[i])
    if not typed or not any(ch.isalpha() for ch in typed):
        return None
    label = ir.predikat.label if ir.predikat is not None else NA_LABEL
    if normalise_label(typed) == normalise_label(label):
        return None
    capaian = fmt.fmt_percent(ir.capaian.value) if ir.capaian.value is not None else NA_LABEL
    return Finding("warning", Loc(table.rel, row.line),
                   f"tabel ketikan ini menulis predikat '{typed}' untuk indikator {ir.id}, padahal menurut "
                   f"{computed.scale.nama} capaiannya ({capaian}) berpredikat '{label}'. {advice} "
                   f"{{nilai}}`{ir.id}.predikat` di sel itu", "predikat-diketik")


# ---------------------------------------------------------------------------------------------------------------
# The computed table to write instead


def _directive(table: PastedTable, subjects: list[_Subject], columns: list[_Column | None],
               tahun: int) -> tuple[str, str]:
    """The kind of ``{tabel}`` block that prints what a pasted table shows, from the data, and the block as its lines;
    ("", "") for none."""
    kinds = {c.kind for c in columns if c is not None}
    ids = list(dict.fromkeys(s.indicator.id for s in subjects if s.indicator is not None))
    years = {c.year for c in columns if c is not None and c.kind in ("realisasi", "capaian")}
    if ids and len(years) > 1:
        kind, option = "perbandingan_tahun", f"indikator: [{', '.join(ids)}]"
    elif ids and kinds & {"capaian", "predikat"}:
        kind, option = "capaian", f"indikator: [{', '.join(ids)}]"
    elif (any(s.node is not None for s in subjects) and kinds & {"pagu", "realisasi", "serapan", "sisa"}
          and all(c is None or c.year == tahun for c in columns)):
        order = ("program", "kegiatan", "sub_kegiatan")
        levels = [s.level for s in subjects if s.node is not None and s.level]
        kind, option = "anggaran", f"tingkat: {max(levels, key=order.index) if levels else 'program'}"
    else:
        return "", ""
    judul = table.caption or "<judul tabel>"
    return kind, f"```{{tabel}} {kind}``` (isinya: 'id: <penanda tabel>', 'judul: {judul}', '{option}')"


def _read(computed: ComputedReport, table: PastedTable,
          tahun: int) -> tuple[list[_Column | None], list[tuple[PastedRow, _Subject]]]:
    """A table's columns and the rows it writes of one indicator or budget node, with that subject."""
    columns = _columns(table, tahun)
    if not any(columns):
        return columns, []
    names = _Names(computed)
    rows = [(row, names.subject(row, columns)) for row in table.rows]
    return columns, [(row, subject) for row, subject in rows if subject is not None]


@dataclass(frozen=True, slots=True)
class ReadTable:
    """A pasted table with what is read of it: its columns, and its rows that name one indicator or budget node."""

    table: PastedTable
    columns: list[_Column | None]
    rows: list[tuple[PastedRow, _Subject]]


def read_pasted(report: Report, computed: ComputedReport) -> list[ReadTable]:
    """Every pasted table of the report, found and read once for all the checks of them (:func:`check_pasted_tables`,
    :func:`claimed_cells`, ``pasted_totals``): each walked every chapter's lines and read each table again."""
    return [ReadTable(table, *_read(computed, table, report.tahun))
            for ch in report.chapters for table in pasted_tables(ch)]


def check_pasted_tables(read: list[ReadTable], report: Report, computed: ComputedReport) -> list[Finding]:
    """The figures a pasted pipe table types for an indicator or a budget node that differ from the data or the
    computation (warnings ``angka-diketik``, ``predikat-diketik``), and, once at its header, the ``{tabel}`` block
    that prints it from the data (warning ``tabel-diketik``)."""
    out: list[Finding] = []
    for r in read:
        table, columns, rows = r.table, r.columns, r.rows
        if not rows:
            continue
        kind, block = _directive(table, [s for _, s in rows], columns, report.tahun)
        advice = (f"Ganti tabel ketikan ini dengan blok ```{{tabel}} {kind}``` (lihat baris {table.line}), atau "
                  "tulis" if block else "Tulis")
        if block:
            out.append(Finding("warning", Loc(table.rel, table.line),
                               f"tabel ini diketik, padahal isinya angka yang dihitung lkjip dari data; tabel "
                               f"ketikan tidak bernomor, tidak masuk Daftar Tabel, dan angkanya tidak ikut "
                               f"berubah bila data diubah. Ganti dengan blok {block}", "tabel-diketik"))
        for row, subject in rows:
            for i, column in enumerate(columns[:len(row.cells)]):
                if column is None:
                    continue
                if column.kind != "predikat":
                    found = _cell_finding(table, row, i, subject, column, report.tahun, advice)
                elif subject.indicator is not None and column.year == report.tahun:
                    found = _predikat_finding(table, row, i, subject.indicator, computed, advice)
                else:
                    found = None
                if found is not None:
                    out.append(found)
    return out


def claimed_cells(read: list[ReadTable]) -> dict[tuple[str, int], list[tuple[int, int]]]:
    """The cells :func:`check_pasted_tables` reads, by file and line: the narrative's reading of typed percentages
    and amounts leaves them, so a wrong capaian is said once, naming its indicator."""
    return {(r.table.rel, row.line): [row.spans[i] for i, c in enumerate(r.columns[:len(row.spans)]) if c is not None]
            for r in read for row, _ in r.rows}
