"""The import, start to end: read the workbook, collect edits, validate the would-be files, then write them all.

Nothing is written unless every cell reads and the edited files pass the same load, validation and computation as a
build. A message about an edited line is moved to the cell the edit came from, so the author fixes the workbook,
not the YAML.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..core.diagnostics import ContentError, Diagnostic, Diagnostics
from ..core.model import Report
from ..load.data import DATA_DIR
from . import layout as L
from .apply import Importer, Origin
from .export import REPORT_MARK, renstra_sheet
from .files import write_all
from .lineage import changed_since, digests, imported_before, message, read_shown, read_stamp, remember
from .read import Book, Cell, named_after, open_book, raw_cell, read_sheet
from .stage import load_one, report_folder
from .yamledit import YamlText
from .yamlfiles import read_texts


@dataclass
class ImportResult:
    changes: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # data file names
    #: what the workbook holds that the import did not take (an author's own column), said but not stopping it
    warnings: list[Diagnostic] = field(default_factory=list)


def import_workbook(root: Path, slug: str, data: bytes, name: str, overwrite: bool = False) -> ImportResult:
    """``lkjip impor``: raises ContentError (nothing written) when anything is wrong. ``overwrite`` (``--timpa``)
    writes the workbook's values over rows the data files changed after its export (see ``lineage``)."""
    try:
        return _import(root, slug, data, name, overwrite)
    except ContentError as exc:
        raise ContentError(errors_only(exc.diagnostics)) from None


def errors_only(diags: Diagnostics) -> Diagnostics:
    """What stops an import: its errors. The report's standing warnings (``lkjip check``) are not this command's news."""
    out = Diagnostics()
    for d in diags.errors:
        out.add(d)
    return out


def _import(root: Path, slug: str, data: bytes, name: str, overwrite: bool) -> ImportResult:
    diags = Diagnostics()
    before = Diagnostics()
    report = load_one(root, slug, before, findings_stop=False)
    book = open_book(data, name, diags)
    if book is None:
        raise ContentError(diags)
    subject = book.values.properties.subject or ""
    if subject.startswith(REPORT_MARK) and subject[len(REPORT_MARK):] != slug:
        diags.error((name, 1), f"buku kerja ini hasil ekspor laporan '{subject[len(REPORT_MARK):]}', bukan '{slug}'; "
                               f"impor ke laporan itu, atau ekspor dulu laporan '{slug}'")
        raise ContentError(diags)
    base = read_stamp(book)
    now = digests(report)
    stale = changed_since(root, slug, base, now) if base is not None else {}
    if stale and not overwrite:  # before the cells are compared: the grey cells' old sums would be blamed instead
        for title, keys in stale.items():  # at the sheet's first cell, as every message about a whole sheet
            diags.at_cell(book.where(title), "A", 1, message(title, keys, slug))
        raise ContentError(diags)
    docs = read_texts(report_folder(root, slug))
    # the grey cells hold the export's sums: after this workbook's own import, or with --timpa over newer files,
    # they are old by design, and not compared (a fresh workbook's are: a value typed there would not be read).
    # Files that are again as exported (the import undone, a copy of the site reset) make them current: a record
    # of an earlier import alone let a capaian typed over a fresh export pass as "Tidak ada perubahan"
    again = base is not None and now != base and imported_before(root, slug, base)
    importer = Importer(report, docs, diags, check_derived=not stale and not again, shown=read_shown(book))
    # every sheet the export writes is read: a renamed or deleted Anggaran, PK or Renstra sheet left its edits out
    # and said "Tidak ada perubahan" (exit 0)
    ind = read_sheet(book, L.INDIKATOR)
    val = read_sheet(book, L.NILAI)
    ren = read_sheet(book, renstra_sheet([]))
    pk = read_sheet(book, L.PK_FIXED)
    bud = read_sheet(book, L.ANGGARAN)
    unread_copies(book)
    if diags.errors:
        raise ContentError(diags)
    if ind is not None:
        years = sorted(int(k[7:]) for k in ren.extra["columns"] if k[7:].isdigit()) if ren else []
        importer.indicators(ind, val, ren, renstra_sheet(years))
    if pk is not None:
        ws, wf = book.sheet(L.PK_FIXED.title)  # type: ignore[misc]
        meta = {}
        for key, _label, row in L.PK_META:
            value = raw_cell(book, ws, wf, row, 2, pk.where)
            if value is not None and not (isinstance(value, str) and not value.strip()):
                meta[key] = Cell(f"B{row}", value)
        importer.pk(pk, meta)
    if bud is not None:
        importer.budget(bud)
    importer.refuse_shared()
    if diags.errors:
        raise ContentError(diags)
    texts, origins = edited_texts(importer.docs)
    texts.update(importer.new_files)
    result = ImportResult(changes=importer.changes, warnings=[d for d in diags.sorted()
                                                             if d.severity == "warning" and d.file.startswith(name)])
    if not texts:
        return result
    result.written, after, news = check_and_write(root, slug, report.rel, texts, origins, standing(before),
                                                   report.tahun)
    result.warnings.extend(news.sorted())
    if base is not None:
        remember(root, slug, base, digests(after))
    return result


def unread_copies(book: Book) -> None:
    """A sheet named after one the import reads ("Anggaran (2)", "Salinan PK") is an error: its edits would be left
    out without a word. Other sheets (an author's own notes) are left alone, and so is one whose sheet is missing:
    it is the renamed sheet, said with the missing one (``read_sheet``: "kembalikan namanya")."""
    for name in book.values.sheetnames:
        meant = named_after(name)
        if meant is not None and meant in book.values.sheetnames:
            book.diags.error((book.name, 1), f"lembar '{name}' tidak dibaca: impor hanya membaca lembar '{meant}'. "
                                             f"Pindahkan isinya ke lembar '{meant}', lalu hapus atau ganti nama "
                                             "lembar ini")


def standing(diags: Diagnostics) -> set[tuple[str, str, str]]:
    """The errors and warnings ``check`` found in the files before an import, by severity, file and message (their
    lines may move)."""
    return {(d.severity, d.file, d.message) for d in diags.items}


def check_and_write(root: Path, slug: str, rel: str, texts: dict[str, str],
                    origins: dict[str, list[tuple[int, int, Origin]]],
                    before: Collection[tuple[str, str, str]] = (),
                    year: int | None = None) -> tuple[list[str], Report, Diagnostics]:
    """Run the would-be data files through stages 1–4 (in a private copy of the site); an error there is reported at
    the workbook cell it came from and nothing is written; otherwise every file is written, or none.

    An error ``check`` already found ``before`` the import (a quarter not yet written, in another file than this
    import fills) is not the import's doing: it does not stop it, and ``lkjip check`` goes on saying it. The
    warnings the import brings (a capaian of 10.266 % where a decimal comma was lost, a realisasi above its pagu, a
    sentence of a chapter that typed the old figure) are returned, at their cells: the import said only "Impor
    selesai", and an author working in Excel need not run ``lkjip check`` to meet them."""
    diags = Diagnostics()
    try:
        after = load_one(root, slug, diags, overrides=texts, findings_stop=False)
    except ContentError as exc:
        raise ContentError(at_cells(exc.diagnostics, f"{rel}/{DATA_DIR}/", origins, year)) from None
    new = Diagnostics()
    for d in diags.items:
        if (d.severity, d.file, d.message) not in before:
            new.add(d)
    records = {name: records_of(text) for name, text in texts.items()}
    if new.errors:
        raise ContentError(at_cells(errors_only(new), f"{rel}/{DATA_DIR}/", origins, year, records))
    folder = report_folder(root, slug) / DATA_DIR
    folder.mkdir(exist_ok=True)
    write_all({folder / n: t for n, t in texts.items()})
    return sorted(texts), after, at_cells(new, f"{rel}/{DATA_DIR}/", origins, year, records)


def records_of(text: str) -> list[tuple[int, int, str | None]]:
    """The lines of each record of a would-be data file (``YamlText.records``); none for a text that is no YAML (the
    load has said so)."""
    try:
        return YamlText(text).records()
    except yaml.YAMLError:
        return []


def edited_texts(docs: dict[str, YamlText]) -> tuple[dict[str, str], dict[str, list[tuple[int, int, Origin]]]]:
    texts, origins = {}, {}
    for name, doc in docs.items():
        if not doc.edits:
            continue
        text, lines = doc.result()
        if text != doc.original:
            texts[name] = text
            origins[name] = [(a, b, o) for a, b, o in lines if isinstance(o, Origin)]
    return texts, origins


def at_cells(diags: Diagnostics, prefix: str, origins: dict[str, list[tuple[int, int, Origin]]],
             year: int | None = None, records: dict[str, list[tuple[int, int, str | None]]] | None = None
             ) -> Diagnostics:
    """Messages about lines the import wrote are given at the cell they came from (the line is named too).

    A line may hold the edits of several cells (``realisasi: {2022: 99, 2023: 9776}``): the message goes to the cell
    of the year it names, or of the report's ``year`` when it names none ("K02: capaian 9.776,00 % ..." is about the
    report's year); it went to the line's first edited cell, the other year's.

    A message about another line of a record the import changed (an indicator's ``capaian_tertulis`` beside the
    realisasi typed, a program whose sub kegiatan's realisasi was typed: ``records``) stays at its line, which the
    author may need to change, and names the cells that changed the record: it named only a YAML line the author,
    who works in the workbook, never opened. So does a message about a chapter's sentence that names a record's
    figure (``{nilai}`K02.capaian```, a word typed beside it that the new figure contradicts)."""
    out = Diagnostics()
    records = records or {}
    for d in diags.items:
        origin = None
        about: list[tuple[str, int, int]] = []  # the records (file, first line, last line) the message is about
        if d.file.startswith(prefix) and not d.column:
            name = d.file[len(prefix):]
            origin = _cell_of(d.message, [o for a, b, o in origins.get(name, [])
                                          if a <= d.line <= b and o.where and o.ref], year)
            around = [(a, b) for a, b, _key in records.get(name, []) if a <= d.line <= b]
            about = [(name, *max(around))] if around else []  # the innermost: the last to start holds it closest
        elif not d.file.startswith(prefix) and (keys := set(_NAMED.findall(d.message))):
            about = [(name, a, b) for name, spans in records.items() for a, b, key in spans if key in keys]
        if origin is None and (cells := _record_cells(d.message, origins, about, year)):
            out.add(Diagnostic(d.file, d.line, f"{d.message} (diimpor dari {cells})", d.severity, d.column))
            continue
        if origin is None:
            out.add(d)
            continue
        col = "".join(ch for ch in origin.ref if ch.isalpha())
        row = int("".join(ch for ch in origin.ref if ch.isdigit()))
        name = d.file[len(prefix):]
        out.add(Diagnostic(origin.where, row, f"{in_workbook_words(d.message)} (setelah impor: {name} baris {d.line})",
                           d.severity, col))
    return out


#: What a check message says in the words of the YAML files, said in the workbook's: an author told at a cell to
#: "pakai 'agregasi: terakhir'" finds no such text there. The messages stay as they are for who writes the YAML.
_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"'agregasi: (\w+)'"), r"'\1' di kolom 'Agregasi triwulan'"),
    (re.compile(r"\('tahunan: \.\.\.'\)"), "(pada baris periode 'tahunan')"),
    (re.compile(r"'tahunan: \.\.\.'"), "baris periode 'tahunan'"),
    (re.compile(r"tulis (tw[1-4]): \{tidak_ada: alasan\}"), r"isi baris periode \1 dengan alasannya di kolom {reason}"),
    (re.compile(r"\{tidak_ada: alasan\}"), "alasannya di kolom {reason}"),
)
#: A reference to what the workbook cannot add (a Renstra sasaran), or can on another sheet: said with the way there.
_MISSING = (
    ("sasaran", "tidak ada di data/renstra.yaml", "sasaran Renstra tidak ditulis di buku kerja: tambahkan dulu di "
                                                  "data/renstra.yaml lalu impor lagi, atau perbaiki ID-nya"),
    ("program", "tidak ada di data/anggaran.yaml", "tambahkan baris programnya di lembar Anggaran, atau perbaiki "
                                                   "kodenya"),
    ("indikator", "tidak ada di data/indikator.yaml", "tambahkan indikatornya di lembar Indikator, atau perbaiki "
                                                      "ID-nya"),
)


def in_workbook_words(message: str) -> str:
    """A check message about a line the import wrote, in the words of the workbook where it is said."""
    reason = "'Alasan realisasi tidak ada'" if "realisasi" in message else "'Alasan target tidak ada'"
    for pattern, words in _WORDS:
        message = pattern.sub(words.replace("{reason}", reason), message)
    for what, missing, way in _MISSING:
        if re.search(rf"{what} '[^']*' yang {re.escape(missing)}", message):
            message = f"{message}; {way}"
    return message


#: A year in a message: "K02 tahun 2023", "target 2024 bernilai 0", "indikator[1].realisasi.2023" (not a figure:
#: "9.776,00", "Rp 2.023.000", nor an ID: "IKU2023")
_YEAR = re.compile(r"(?<![\w,])(?<!\d\.)(?:19|20)\d\d(?!\w)")


#: The most cells named beside a message about a record (a program of many sub kegiatan typed anew).
RECORD_CELLS = 3


#: A record's figure named in a chapter's message: ``{nilai}`K02.capaian``` names K02, ``{nilai}`7.01.01.pagu```
#: the program 7.01.01.
_NAMED = re.compile(r"\{nilai\}`([^`]+)\.[^.`]+`")


def _record_cells(message: str, origins: dict[str, list[tuple[int, int, Origin]]], about: list[tuple[str, int, int]],
                  year: int | None) -> str:
    """The workbook cells whose edits changed the records ``about`` (file, first and last line), as ``sheet!A1``:
    those of the year the message names (else the report's ``year``) when there are such; "" when none did."""
    cells = list(dict.fromkeys(o for name, first, last in about for a, b, o in origins.get(name, [])
                               if first <= a and b <= last and o.where and o.ref))
    named = _YEAR.search(message)
    wanted = int(named.group()) if named else year
    cells = [c for c in cells if c.year == wanted] or cells
    shown = [str(c) for c in cells[:RECORD_CELLS]]
    more = f" dan {len(cells) - RECORD_CELLS} sel lain" if len(cells) > RECORD_CELLS else ""
    return ", ".join(shown) + more


def _cell_of(message: str, cells: list[Origin], year: int | None) -> Origin | None:
    """Of the cells whose edits made a line, the one the message is about: the first year it names, else ``year``."""
    if len(cells) > 1:
        named = _YEAR.search(message)
        about = int(named.group()) if named else year
        for cell in cells:
            if cell.year is not None and cell.year == about:
                return cell
    return cells[0] if cells else None
