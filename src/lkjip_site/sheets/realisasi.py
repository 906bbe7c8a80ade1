"""``lkjip impor-anggaran``: the budget realisation a finance system exports (CSV or XLSX) into ``anggaran.yaml``.

Such exports list every row with its kode rekening, uraian, anggaran and realisasi, and print subtotals on the program
and kegiatan rows (sometimes also urusan/bidang rows above, and account rows ``5.1.02...`` below a sub kegiatan). The
tree is rebuilt from the codes alone; every stated subtotal is checked against the rows below it and a difference is
an error in rupiah, because it means a row is missing or misplaced; a row that cannot be placed is named. Only sub
kegiatan values are written (the totals are computed, as everywhere); for a quarterly report the realisasi is read as
"s.d. triwulan" and the quarter's own value is what is left after the earlier quarters already in the file.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from ..compute.budget import normalise_code
from ..compute.periods import quarters_upto
from ..core.diagnostics import ContentError, Diagnostics
from ..core.fmt import fmt_rupiah, quarter_numeral
from ..core.model import BudgetNode, Loc, Missing
from ..core.numbers import number_problem, typed_money
from ..load.data import DATA_DIR
from ..load.source import SAVE_CSV_UTF8, not_utf8
from .apply import Origin, budget_index, item_body, item_lines, refuse_shared
from .impor import ImportResult, check_and_write, edited_texts, errors_only, standing
from .layout import COLUMN_KEYS, HEADERS, OPTIONAL_KEYS
from .read import _BROKEN, open_book, raw_cell
from .rows import TINGKAT, level_of, parent_code
from .stage import load_one, report_folder
from .yamledit import YamlText, emit_value

ACCOUNT = re.compile(r"5(\.\d+)+")  # belanja accounts (Permendagri 90/2019) below a sub kegiatan
GROUP = re.compile(r"\d{1,2}(\.\d{1,2})?")  # urusan (7) or bidang urusan (7.01) rows above the programs
NOT_YET = "Tahun anggaran masih berjalan"


@dataclass
class Line:
    """One data row of the export, with where to point at each of its cells."""

    number: int  # file line (CSV) or sheet row (XLSX)
    kode: str
    uraian: str
    pagu: Decimal | None
    realisasi: Decimal | None
    level: str | None = None
    pagu_awal: Decimal | None = None  # when the export has the column (``OPTIONAL_KEYS``)
    children: list[Line] = field(default_factory=list)
    details: list[Line] = field(default_factory=list)  # account rows below a sub kegiatan


class Table:
    """Rows of a CSV or a worksheet, and how to name a cell of it in a message."""

    def __init__(self, name: str, rows: list[tuple[int, list[Any]]], sheet: str | None, diags: Diagnostics,
                 delimiter: str | None = None):
        self.name = name
        self.rows = rows
        self.sheet = sheet  # None for CSV
        self.diags = diags
        self.columns: dict[str, int] = {}
        self.headers: dict[str, str] = {}
        self.delimiter = delimiter  # CSV only

    def error(self, number: int, key: str | None, message: str, severity: str = "error") -> None:
        if self.sheet is None:
            where = f"kolom '{self.headers[key]}': " if key in self.headers else ""
            (self.diags.error if severity == "error" else self.diags.warn)((self.name, number), where + message)
        else:
            col = get_column_letter(self.columns[key] + 1) if key in self.columns else "A"
            self.diags.at_cell(f"{self.name}!{self.sheet}", col, number, message, severity)  # type: ignore[arg-type]

    def origin(self, number: int, key: str) -> Origin:
        if self.sheet is None:
            return Origin(self.name, str(number))
        return Origin(f"{self.name}!{self.sheet}", f"{get_column_letter(self.columns.get(key, 0) + 1)}{number}")


#: How a workbook begins (a zip: .xlsx, .ods; an OLE file: .xls), whatever its name says.
_WORKBOOK_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


def read_table(data: bytes, name: str, sheet: str | None, diags: Diagnostics) -> Table | None:
    """The rows of an .xlsx, or of a CSV. A workbook is known by its bytes, not only its name: an .ods (LibreOffice's
    own format) or an .xls was read as a CSV and refused as "bukan teks UTF-8", with the advice to save a CSV."""
    if name.lower().endswith((".xlsx", ".xlsm")) or data.startswith(_WORKBOOK_MAGIC):
        book = open_book(data, name, diags)
        if book is None:
            return None
        title = sheet or book.values.sheetnames[0]
        pair = book.sheet(title)
        if pair is None:
            diags.error((name, 1), f"lembar '{title}' tidak ada (yang ada: {', '.join(book.values.sheetnames)})")
            return None
        ws, wf = pair
        rows = []
        for r in range(1, (ws.max_row or 0) + 1):
            cells = [raw_cell(book, ws, wf, r, c, f"{name}!{title}") for c in range(1, (ws.max_column or 0) + 1)]
            if any(v is not None and str(v).strip() for v in cells if v is not _BROKEN):
                rows.append((r, cells))
        return Table(name, rows, title, diags)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, shown = not_utf8(data, exc)
        diags.error((name, line), f"berkas CSV bukan teks UTF-8{shown}; simpan ulang sebagai CSV UTF-8 "
                                  f"({SAVE_CSV_UTF8})")
        return None
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows, start = [], 1
    for row in reader:
        if any(cell.strip() for cell in row):
            rows.append((start, list(row)))
        start = reader.line_num + 1
    return Table(name, rows, None, diags, delimiter)


def _key(text: Any) -> str:
    return re.sub(r"\s+", " ", str(text or "").strip()).lower()


def find_header(table: Table, mapping: dict[str, str]) -> int | None:
    """Index (in ``table.rows``) of the header row: the first of the first 20 rows that has every column.

    Without one, the message names the row closest to it, the columns it lacks and the headers there that name
    them in part ("Realisasi TW I", "Realisasi s.d. TW I"): it said "tidak ditemukan" of a file that had two. A
    column named twice in the header row is refused, as taking the first would be a guess.
    """
    wanted = {k: ((_key(mapping[k]),) if k in mapping else HEADERS[k]) for k in COLUMN_KEYS}
    best: tuple[int, int, dict[str, int], list[Any]] | None = None  # (found, row number, columns, cells)
    for i, (n, cells) in enumerate(table.rows[:20]):
        keys = [_key(c) for c in cells]
        found: dict[str, int] = {}
        for k, names in wanted.items():
            cols = [j for j, text in enumerate(keys) if text in names]
            if len(cols) > 1:
                _named_twice(table, n, k, cells, cols)
                return None
            if cols:
                found[k] = cols[0]
        if len(found) == len(COLUMN_KEYS):
            if not _optional_columns(table, n, cells, keys, mapping, found):
                return None
            table.columns = found
            table.headers = {k: str(cells[c]).strip() for k, c in found.items()}
            return i
        if found and (best is None or len(found) > best[0]):
            best = (len(found), n, found, cells)
    number = table.rows[0][0] if table.rows else 1
    shown = ", ".join(f"{k} ({' / '.join(wanted[k][:2])})" for k in COLUMN_KEYS)
    message = f"baris judul kolom tidak ditemukan: perlu kolom {shown}."
    if best is not None:
        _, number, found, cells = best
        lacking = [k for k in COLUMN_KEYS if k not in found]
        near = {k: [str(c).strip() for c in cells if k in _key(c) or any(w in _key(c) for w in wanted[k][:1])]
                for k in lacking}
        hints = "; ".join(f"untuk {k} ada {', '.join(repr(h) for h in near[k])}" for k in lacking if near[k])
        message = (f"baris judul kolom tidak lengkap: baris {number} memuat kolom "
                   f"{', '.join(k for k in COLUMN_KEYS if k in found)}, tanpa kolom {', '.join(lacking)}"
                   + (f" ({hints})" if hints else "") + ".")
        example = next((f"{k}=\"{near[k][-1]}\"" for k in lacking if near[k]), 'pagu="Anggaran Perubahan"')
        table.error(number, None, f"{message} Sebutkan kolomnya dengan --kolom, mis. --kolom {example}")
        return None
    table.error(number, None, f"{message} Bila judulnya lain, sebutkan dengan --kolom, mis. --kolom pagu=\"Anggaran "
                              "Perubahan\" --kolom kode=\"Kode Rek\"")
    return None


def _named_twice(table: Table, n: int, k: str, cells: list[Any], cols: list[int]) -> None:
    """A column of the header row named more than once (two "Realisasi …" columns): which one is meant is asked."""
    table.error(n, None, f"kolom {k} tertulis {len(cols)} kali di baris judul ("
                f"{', '.join(repr(str(cells[j]).strip()) for j in cols)}); pilih satu dengan --kolom, mis. "
                f"--kolom {k}=\"{str(cells[cols[-1]]).strip()}\"")


def _optional_columns(table: Table, n: int, cells: list[Any], keys: list[str], mapping: dict[str, str],
                      found: dict[str, int]) -> bool:
    """The optional columns of the header row (``OPTIONAL_KEYS``) into ``found``; one named twice is refused, as a
    required one is. A column named with ``--kolom`` must be there (else its values would be silently not read)."""
    for k in OPTIONAL_KEYS:
        names = (_key(mapping[k]),) if k in mapping else HEADERS[k]
        cols = [j for j, text in enumerate(keys) if text in names and j not in found.values()]
        if len(cols) > 1:
            _named_twice(table, n, k, cells, cols)
            return False
        if cols:
            found[k] = cols[0]
        elif k in mapping:
            table.error(n, None, f"kolom '{mapping[k]}' (--kolom {k}) tidak ada di baris judul")
            return False
    return True


def check_widths(table: Table, header: int) -> None:
    """A CSV data row must have as many fields as the header row, else its numbers sit under the wrong headers.

    A finance system's ``...,4.200.000,00,3.900.000,00`` in a comma-separated file is six fields under four headers:
    the realisasi was read from the field "00" and written as Rp 0, and ``3,9`` as Rp 3 (exit 0). Empty fields after
    the last one do not count (a spreadsheet program pads rows with them). A worksheet's cells are not split, so only
    a CSV is checked.
    """
    if table.sheet is not None:
        return
    h, head = table.rows[header]
    width = _filled_width(head)
    for number, cells in table.rows[header + 1:]:
        if _filled_width(cells) > width:
            extra = ", ".join(repr(str(c).strip()) for c in cells[width:] if str(c).strip())
            table.error(number, None, f"baris ini berisi {_filled_width(cells)} kolom, baris judul (baris {h}) hanya "
                                      f"{width}; isi di luar kolom berjudul ({extra}) membuat angka terbaca di kolom "
                                      f"yang salah. {_width_advice(table)}")
        elif len(cells) < width:
            table.error(number, None, f"baris ini berisi {len(cells)} kolom, baris judul (baris {h}) berisi {width}; "
                                      "ada kolom yang hilang, sehingga angka terbaca di kolom yang salah. Lengkapi "
                                      "baris ini agar setiap nilai berada di bawah judulnya (kolom kosong tetap "
                                      "ditulis dengan pemisahnya)")


def _filled_width(cells: list[Any]) -> int:
    """The number of fields up to the last one that holds anything."""
    return max((i + 1 for i, c in enumerate(cells) if str(c).strip()), default=0)


def _width_advice(table: Table) -> str:
    """A comma in an amount splits it only when commas also separate the fields: then say how to keep it whole."""
    if table.delimiter == ",":
        return ("Bila angka atau uraian memuat koma (4.200.000,00 atau 3,9), beri tanda kutip pada isinya "
                "(\"4.200.000,00\"), ekspor ulang berkas dengan pemisah kolom ';', atau tulis angka tanpa pemisah "
                "ribuan dengan titik desimal (4200000.00); bila ada kolom tambahan, beri judul di baris judul atau "
                "hapus isinya")
    return "Beri judul kolom tambahan itu di baris judul, atau hapus isinya"


def _text(v: Any) -> str:
    if v is None or v is _BROKEN:
        return ""
    if isinstance(v, float) and v == int(v):
        v = int(v)
    return str(v).strip()


def _amount(table: Table, number: int, key: str, v: Any) -> Decimal | None:
    """Money as exports write it: a number, ``1.234.567``, ``1.234.567,00`` or ``-`` (nil); never negative."""
    if v is _BROKEN:
        return None
    if isinstance(v, bool):
        table.error(number, key, "harus angka rupiah, tertulis benar/salah")
        return None
    if isinstance(v, (int, float)):
        d = Decimal(str(v))
    else:
        text = _text(v)
        if text in ("-", "–"):
            return Decimal(0)
        if not text:
            return None
        typed = typed_money(text)
        if typed is None or "%" in text:
            table.error(number, key, f"harus angka rupiah, tertulis '{text}'")
            return None
        d = typed
    if problem := number_problem(d):  # the one rule of YAML and CSV: an infinity or 10^-28 stopped the import
        table.error(number, key, problem)
        return None
    if d < 0:
        table.error(number, key, f"tidak boleh negatif, tertulis {fmt_rupiah(d)}")
        return None
    return d


def read_lines(table: Table, header: int) -> tuple[list[Line], list[Line]]:
    """Data rows as program lines (with their tree) and urusan/bidang/total lines (for the total checks)."""
    c = table.columns
    placed: dict[str, Line] = {}
    programs: list[Line] = []
    groups: list[Line] = []
    current_sub: Line | None = None
    for number, cells in table.rows[header + 1:]:
        def cell(key: str) -> Any:
            return cells[c[key]] if c[key] < len(cells) else None

        kode, uraian = _text(cell("kode")), _text(cell("uraian"))
        pagu = _amount(table, number, "pagu", cell("pagu"))
        real = _amount(table, number, "realisasi", cell("realisasi"))
        line = Line(number, kode, uraian, pagu, real)
        if "pagu_awal" in c:
            line.pagu_awal = _amount(table, number, "pagu_awal", cell("pagu_awal"))
        if not kode:
            if re.match(r"(?i)^(jumlah|total)\b", uraian):
                groups.append(line)
            elif pagu is not None or real is not None:
                table.error(number, "kode", f"baris '{uraian}' berisi angka tetapi tidak berkode; tidak dapat "
                                            "ditempatkan di pohon anggaran: isi kode rekeningnya atau hapus barisnya")
            continue
        norm = normalise_code(kode)
        line.level = level_of(norm)
        if line.level is None:
            if ACCOUNT.fullmatch(norm) and current_sub is not None:
                current_sub.details.append(line)
            elif GROUP.fullmatch(norm):
                groups.append(line)
            else:
                table.error(number, "kode", f"kode '{kode}' tidak dapat ditempatkan: bukan kode program (7.01.02), "
                                            "kegiatan (7.01.02.2.01), sub kegiatan (7.01.02.2.01.0001) atau rekening "
                                            "belanja di bawah sub kegiatan (5.1.02...)")
            continue
        if norm in placed:
            table.error(number, "kode", f"kode '{kode}' sudah ada di baris {placed[norm].number}")
            continue
        if line.level == "sub_kegiatan":
            for key, value in (("pagu", pagu), ("realisasi", real)):
                if value is None and _text(cell(key)) == "":
                    table.error(number, key, f"{key} sub kegiatan kosong; tulis 0 bila memang tidak ada")
        placed[norm] = line
        current_sub = line if line.level == "sub_kegiatan" else None
        parent = parent_code(norm)
        if parent is None:
            programs.append(line)
        elif parent in placed:
            placed[parent].children.append(line)
        else:
            line.kode = norm
            programs.append(line)  # placed later under the node of anggaran.yaml with that code, if there is one
    return programs, groups


def _sum(lines: list[Line], key: str) -> Decimal:
    return sum((getattr(x, key) or Decimal(0) for x in lines), Decimal(0))


def check_totals(table: Table, programs: list[Line], groups: list[Line]) -> None:
    """Every stated subtotal against the rows below it: program, kegiatan, sub kegiatan (accounts), urusan, total."""

    def visit(line: Line) -> None:
        below = line.children or line.details
        for child in line.children:
            visit(child)
        if not below:
            if line.level != "sub_kegiatan":
                what = "kegiatan" if line.level == "program" else "sub kegiatan"
                table.error(line.number, "kode", f"{TINGKAT[line.level or 'program'].lower()} {line.kode} tidak punya "
                                                 f"baris {what} di bawahnya; angkanya tidak dapat dipakai", "warning")
            return
        for key in ("pagu", "realisasi", "pagu_awal"):
            stated = getattr(line, key)
            total = _sum(below, key)
            if stated is not None and stated != total:
                table.error(line.number, key, f"{key} {TINGKAT[line.level or 'program'].lower()} {line.kode} tertulis "
                                              f"{fmt_rupiah(stated)}, jumlah baris di bawahnya {fmt_rupiah(total)} "
                                              f"(selisih {fmt_rupiah(stated - total)}); periksa baris yang hilang atau "
                                              "salah tempat")

    for p in programs:
        visit(p)
    tops = programs  # every line no other line of the file holds: programs, and kegiatan or sub kegiatan whose
    # parent is only in anggaran.yaml (a partial file's JUMLAH was read against its program lines: none, so never)
    for g in groups:
        prefix = normalise_code(g.kode)
        members = [p for p in tops if not prefix or normalise_code(p.kode).startswith(prefix + ".")]
        if prefix and not members:
            table.error(g.number, "kode", f"baris {g.kode} ({g.uraian}) tidak dapat ditempatkan: tidak ada program "
                                          f"berkode {prefix}.xx di berkas ini")
            continue
        for key in ("pagu", "realisasi", "pagu_awal"):
            stated = getattr(g, key)
            total = _sum(members, key)
            if stated is not None and members and stated != total:
                label = f"baris {g.kode or g.uraian}"
                what = "program" if all(m.level == "program" for m in members) else "baris teratas"
                table.error(g.number, key, f"{key} {label} tertulis {fmt_rupiah(stated)}, jumlah {what} di bawahnya "
                                           f"{fmt_rupiah(total)} (selisih {fmt_rupiah(stated - total)})")


def import_realisation(root: Path, slug: str, data: bytes, name: str, mapping: dict[str, str],
                       sheet: str | None) -> tuple[ImportResult, Diagnostics]:
    """Raises ContentError (nothing written) on any error; returns the result and the warnings of this import."""
    try:
        return _import(root, slug, data, name, mapping, sheet)
    except ContentError as exc:
        raise ContentError(errors_only(exc.diagnostics)) from None


def _import(root: Path, slug: str, data: bytes, name: str, mapping: dict[str, str],
            sheet: str | None) -> tuple[ImportResult, Diagnostics]:
    diags = Diagnostics()
    report = load_one(root, slug, diags, findings_stop=False)
    before = standing(diags)
    diags = Diagnostics()  # the report's standing warnings are not this import's
    warnings = Diagnostics()
    table = read_table(data, name, sheet, diags)
    header = find_header(table, mapping) if table is not None else None
    if table is None or header is None:
        raise ContentError(diags)
    check_widths(table, header)
    if diags.errors:
        raise ContentError(diags)
    programs, groups = read_lines(table, header)
    check_totals(table, programs, groups)
    if diags.errors:
        raise ContentError(diags)
    docs = {}
    path = report_folder(root, slug) / DATA_DIR / "anggaran.yaml"
    doc = YamlText(path.read_bytes().decode("utf-8")) if path.is_file() else None
    result = ImportResult()
    writer = _Writer(table, report.periode, report.tahun, doc, diags, warnings, result)
    writer.write(programs)
    if doc is not None:
        refuse_shared({"anggaran.yaml": doc}, diags)
    if diags.errors:
        raise ContentError(diags)
    texts: dict[str, str] = {}
    origins: dict[str, list[tuple[int, int, Origin]]] = {}
    if doc is not None:
        docs["anggaran.yaml"] = doc
        texts, origins = edited_texts(docs)
    elif writer.new_file:
        texts["anggaran.yaml"] = writer.new_file
    if texts:
        result.written, _, news = check_and_write(root, slug, report.rel, texts, origins, before)
        warnings.extend(news)
    for d in diags.warnings:
        warnings.add(d)
    return result, warnings


class _Writer:
    """Sub kegiatan values into the YAML text (existing nodes edited, new ones appended under their parent)."""

    def __init__(self, table: Table, periode: str, tahun: int, doc: YamlText | None, diags: Diagnostics,
                 warnings: Diagnostics, result: ImportResult):
        self.table, self.periode, self.tahun, self.doc = table, periode, tahun, doc
        self.diags, self.warnings, self.result = diags, warnings, result
        self.index = budget_index(doc) if doc is not None else {}
        self.new_file = ""

    def write(self, programs: list[Line]) -> None:
        seen: set[str] = set()
        new_top: list[BudgetNode] = []
        for line in programs:
            self._visit(line, seen, new_top)
        if self.doc is None:
            if new_top:
                lines = [f"tahun: {self.tahun}", "program:"]
                for node in new_top:
                    lines.extend(item_lines(node, 2))
                self.new_file = "\n".join(lines) + "\n"
                self.result.changes.append(f"{self.table.name}: anggaran.yaml baru dengan {len(new_top)} program")
            return
        for kode in sorted(self.index):
            if kode not in seen and level_of(kode) == "sub_kegiatan":
                self.warnings.warn((self.table.name, 1), f"sub kegiatan {kode} ada di anggaran.yaml tetapi tidak ada "
                                                         "di berkas realisasi; nilainya tidak diubah")

    def _visit(self, line: Line, seen: set[str], new_top: list[BudgetNode]) -> None:
        kode = normalise_code(line.kode)
        seen.add(kode)
        if kode in self.index:
            if line.level == "sub_kegiatan":
                self._update(line, self.index[kode][0])
            for child in line.children:
                self._visit(child, seen, new_top)
            return
        parent = parent_code(kode)
        node = self._node(line)
        for n in _nodes(node):
            seen.add(normalise_code(n.kode))
        origin = self.table.origin(line.number, "kode")
        if parent is None:
            if self.doc is None:
                new_top.append(node)
                return
            seq = self.doc.find(["program"])
        elif parent in self.index:
            seq = self.index[parent][3]
        else:
            self.table.error(line.number, "kode", f"{TINGKAT[line.level or 'program'].lower()} {kode} tidak dapat "
                                                  f"ditempatkan: induknya {parent} tidak ada di berkas ini maupun di "
                                                  "anggaran.yaml")
            return
        if seq is None or self.doc is None:
            return
        self.doc.append_item(seq, item_body(node), origin)  # type: ignore[arg-type]
        self.result.changes.append(f"{origin}: {TINGKAT[line.level or 'program'].lower()} baru {kode}")

    def _node(self, line: Line) -> BudgetNode:
        node = BudgetNode(line.level, line.kode, line.uraian or line.kode, Loc(self.table.name, line.number))  # type: ignore[arg-type]
        if line.level == "sub_kegiatan":
            node.pagu = line.pagu
            node.pagu_awal = _changed(line)
            if self.periode == "tahunan":
                node.realisasi = line.realisasi
            else:
                node.realisasi = Missing(NOT_YET)
                node.realisasi_tw = {self.periode: line.realisasi or Decimal(0)}
        node.children = [self._node(c) for c in line.children]
        return node

    def _update(self, line: Line, mapping: Any) -> None:
        doc = self.doc
        assert doc is not None
        raw = doc.value(mapping)
        kode = line.kode
        if line.pagu is not None and Decimal(str(raw.get("pagu"))) != line.pagu:
            origin = self.table.origin(line.number, "pagu")
            doc.set_key(mapping, "pagu", emit_value(line.pagu), origin)
            self.result.changes.append(f"{origin}: pagu {kode}: {fmt_rupiah(Decimal(str(raw.get('pagu'))))} → "
                                       f"{fmt_rupiah(line.pagu)}")
        if "pagu_awal" in self.table.columns:
            self._update_pagu_awal(line, mapping, raw)
        if line.realisasi is None:
            return
        origin = self.table.origin(line.number, "realisasi")
        if self.periode == "tahunan":
            now = raw.get("realisasi")
            if isinstance(now, (int, float)) and Decimal(str(now)) == line.realisasi:
                return
            doc.set_key(mapping, "realisasi", emit_value(line.realisasi), origin)
            self.result.changes.append(f"{origin}: realisasi {kode}: {_show(now)} → {fmt_rupiah(line.realisasi)}")
            return
        quarters = raw.get("realisasi_tw") or {}
        earlier = sum((Decimal(str(quarters[q])) for q in quarters_upto(self.periode)[:-1] if q in quarters), Decimal(0))
        own = line.realisasi - earlier
        if own < 0:
            self.table.error(line.number, "realisasi", f"realisasi s.d. TW {quarter_numeral(self.periode)} "
                                                       f"{fmt_rupiah(line.realisasi)} "
                                                       f"lebih kecil dari jumlah triwulan sebelumnya di anggaran.yaml "
                                                       f"({fmt_rupiah(earlier)})")
            return
        if self.periode in quarters and Decimal(str(quarters[self.periode])) == own:
            return
        pair = doc.get(mapping, "realisasi_tw")
        if pair is None:
            doc.set_key(mapping, "realisasi_tw", emit_value({self.periode: own}), origin)
        else:
            doc.set_key(pair[1], self.periode, emit_value(own), origin)  # type: ignore[arg-type]
        self.result.changes.append(f"{origin}: realisasi {self.periode} {kode}: {_show(quarters.get(self.periode))} → "
                                   f"{fmt_rupiah(own)}")


    def _update_pagu_awal(self, line: Line, mapping: Any, raw: Any) -> None:
        """``pagu_awal`` as the export's "Anggaran Sebelum Perubahan" says: written where it differs from the pagu,
        removed where it is the same (an empty cell leaves the file's as it is)."""
        doc = self.doc
        assert doc is not None
        if line.pagu_awal is None:
            return
        now = raw.get("pagu_awal")
        now_d = Decimal(str(now)) if isinstance(now, (int, float)) and not isinstance(now, bool) else None
        want = _changed(line, Decimal(str(raw.get("pagu"))) if line.pagu is None else line.pagu)
        if want == now_d:
            return
        origin = self.table.origin(line.number, "pagu_awal")
        if want is None:
            doc.delete(mapping, "pagu_awal", origin)
        elif now is None and doc.get(mapping, "realisasi") is not None and not mapping.flow_style:
            doc.insert_before(mapping, "realisasi", [f"pagu_awal: {emit_value(want)}"], origin)  # beside the pagu
        else:
            doc.set_key(mapping, "pagu_awal", emit_value(want), origin)
        self.result.changes.append(f"{origin}: pagu_awal {line.kode}: {_show(now)} → "
                                   f"{fmt_rupiah(want) if want is not None else '– (sama dengan pagu)'}")


def _changed(line: Line, pagu: Decimal | None = None) -> Decimal | None:
    """A sub kegiatan's pagu before the APBD Perubahan when it differs from its pagu, else None (not written)."""
    pagu = line.pagu if pagu is None else pagu
    return line.pagu_awal if line.pagu_awal is not None and line.pagu_awal != pagu else None


def _nodes(node: BudgetNode) -> list[BudgetNode]:
    return [node] + [n for c in node.children for n in _nodes(c)]


def _show(v: Any) -> str:
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return fmt_rupiah(Decimal(str(v)))
    if isinstance(v, dict) and "tidak_ada" in v:
        return f"tidak ada ({v['tidak_ada']})"
    return "–"
