"""``lkjip impor``: compare a workbook with the rows the current files give, and turn every difference into an edit.

The comparison is by meaning (``84.8`` equals ``84.80``), row by row, matched by key (indicator id; id, year and
period; budget code), so sorting or filtering rows in Excel changes nothing. A new key is a new row in its file's
style; a key that is gone is removed. Columns lkjip computes are checked, never read: a derived cell may keep the
value it was exported with (it is stale after an edit, that is fine) but a value typed into it is an error.
After an import the grey cells no longer match the files, and are compared with what the export showed (``shown``,
``lineage.SHOWN_PROPERTY``), so a capaian or total typed over one is still named, not dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable

from openpyxl.utils import get_column_letter
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..compute.budget import budget_node, normalise_code
from ..compute.findings import Finding
from ..core.diagnostics import Diagnostics
from ..core.fmt import fmt_number, fmt_rupiah, fmt_value, quarter_numeral, round_half_up
from ..core.model import QUARTERS, BudgetNode, Loc, Missing, Report, Value
from ..core.suggest import did_you_mean, listing
from ..load.schemas import ID
from . import layout as L
from .lineage import shown_digest
from .read import Cell, Reader, SheetRows
from .rows import (
    TINGKAT,
    Row,
    budget_rows,
    indicator_rows,
    level_of,
    parent_code,
    pk_meta,
    pk_rows,
    renstra_rows,
    same,
    value_rows,
)
from .yamledit import MERGE_TAG, Shared, YamlText, emit_text, emit_value
from .yamlfiles import explicit_target_akhir

Periods = dict[str, Value]  # periode -> value, for one year


#: A workbook imported once and edited again still shows the totals and capaian of its export: its grey cells then
#: differ from what lkjip computes now, and cannot be emptied (the sheet is protected).
REEXPORT = ("Bila buku kerja ini sudah pernah diimpor, sel abu-abunya masih berisi hitungan lama: ekspor ulang "
            "(lkjip ekspor) dan lanjutkan di buku kerja yang baru")


@dataclass(frozen=True)
class Origin:
    """The cell an edit came from: validation messages about the edited line are reported there."""

    where: str
    ref: str
    #: the year the cell holds a value of: one line of the file (``{2023: 70, 2024: 75}``) may hold the edits of
    #: several cells, and a message about one year is said at that year's cell
    year: int | None = None

    def __str__(self) -> str:
        if not self.ref:  # a deleted row: no cell is left to name, only its sheet
            return self.where
        return f"{self.where}:{self.ref}" if self.ref.isdigit() else f"{self.where}!{self.ref}"  # CSV: a line


class Importer:
    """Collects the edits of one workbook into the report's YAML texts (nothing is written here)."""

    def __init__(self, report: Report, docs: dict[str, YamlText], diags: Diagnostics, check_derived: bool = True,
                 shown: frozenset[str] | None = None):
        self.report = report
        #: whether the grey cells still match the files (a fresh export's do); when not, they are checked against
        #: ``shown``, the digests of what the export showed in them, or not at all for a workbook without those
        self.check_derived = check_derived
        self.shown = shown
        self.computed = report.computed
        self.docs = docs
        self.diags = diags
        self.changes: list[str] = []
        self.new_files: dict[str, str] = {}  # files that did not exist: name -> text
        self.ends = explicit_target_akhir(report)
        #: the indicator IDs of the workbook's Indikator sheet, once read (empty: the workbook has none)
        self.sheet_indicators: set[str] = set()

    # -- helpers -----------------------------------------------------------------------------------------------------

    def _ref(self, sheet: SheetRows, key: str, row: int) -> str:
        col = sheet.extra["columns"].get(key, 1)
        return f"{get_column_letter(col)}{row}"

    def _origin(self, sheet: SheetRows, key: str, row: int, year: int | None = None) -> Origin:
        return Origin(sheet.where, self._ref(sheet, key, row), year)

    def _error_at(self, sheet: SheetRows, key: str, row: int, message: str) -> None:
        col = sheet.extra["columns"].get(key, 1)
        self.diags.at_cell(sheet.where, get_column_letter(col), row, message)

    def _change(self, origin: Origin, text: str) -> None:
        self.changes.append(f"{origin}: {text}")

    def _was_shown(self, spec: L.Sheet, key: Any, col: L.Column, value: Any) -> bool:
        """Whether a grey cell of row ``key`` holds what the export showed there (it may be stale, it was not
        typed)."""
        return self.shown is not None and shown_digest(spec.title, key, col, value) in self.shown

    def _checks_derived(self) -> bool:
        """Grey cells are compared when they match the files (a fresh export) or the export's record of them."""
        return self.check_derived or self.shown is not None

    def _check_derived(self, sheet: SheetRows, spec: L.Sheet, row: int, key: Any, cells: dict[str, Cell],
                       expected: Row | None, also: Callable[[str], Any] | None = None) -> None:
        """A value typed into a computed column is an error; the exported (or the newly computed) value is not.

        On a row the export did not have (``expected`` None) the computed cells must be empty; when they are not, the
        row was mostly copied, or an exported row's ID, year or period changed (``TW1`` typed over ``tahunan``):
        said once, at the first such cell, naming that cause (it blamed each grey cell, not the changed one)."""
        if not self._checks_derived():
            return
        r = Reader(self.diags, sheet.where)
        if expected is None and also is None:
            filled = [(col, cells[col.key]) for col in spec.columns if col.derived and col.key in cells
                      and not _same_shown(cells[col.key].value, None, col)
                      and not self._was_shown(spec, key, col, cells[col.key].value)]
            if filled:
                names = ", ".join(repr(c.header) for c, _ in filled)
                r.error(filled[0][1], "baris ini tidak ada di hasil ekspor (baris baru, atau ID, kode, tahun atau "
                                      f"periode baris yang ada diubah), tetapi kolom yang dihitung lkjip ({names}) "
                                      "berisi; kembalikan pengenal baris yang diubah, atau kosongkan sel-sel itu "
                                      "untuk baris baru")
            return
        for col in spec.columns:
            if not (col.derived or (expected is not None and col.key in expected.derived)):
                continue
            cell = cells.get(col.key)
            if cell is None:
                continue
            old = expected.values.get(col.key) if expected else None
            if _same_shown(cell.value, old, col) or (also is not None and _same_shown(cell.value, also(col.key), col)) \
                    or self._was_shown(spec, key, col, cell.value):
                continue
            r.error(cell, f"kolom '{col.header}' dihitung oleh lkjip dan tidak dibaca; kosongkan sel ini atau "
                          f"kembalikan nilainya ({_show(old, col)}), lalu {_source(spec, col, key)}. {REEXPORT}")

    def refuse_shared(self) -> None:
        refuse_shared(self.docs, self.diags)

    # -- indicators ----------------------------------------------------------------------------------------------------

    def indicators(self, ind: SheetRows, val: SheetRows | None, ren: SheetRows | None, ren_spec: L.Sheet) -> None:
        expected = {row.key: row for row in indicator_rows(self.report)}
        r = Reader(self.diags, ind.where)
        wanted: dict[str, dict[str, Any]] = {}
        rows_of: dict[str, int] = {}
        for n, cells in ind.rows:
            iid = r.text(cells.get("id"))
            if not iid:
                self._error_at(ind, "id", n, "ID indikator belum diisi; isi kode unik (mis. IKU5) atau hapus baris ini")
                continue
            if not re.fullmatch(ID, iid):
                r.error(cells["id"], f"ID '{iid}' hanya boleh berisi huruf, angka, '.', '_' atau '-'")
                continue
            if iid in wanted:
                r.error(cells["id"], f"ID '{iid}' sudah dipakai di baris {rows_of[iid]}; setiap indikator satu baris")
                continue
            rows_of[iid] = n
            twin = next((k for k in wanted if k.casefold() == iid.casefold()), None)
            if twin is not None and (iid not in expected or twin not in expected):
                # "iku1" beside IKU1: a second indicator that the site's references and tables tell apart by case
                # only (the Nilai Indikator sheet's advice for an unknown ID, "tambahkan dulu di sana", led there);
                # said at the new one, whichever row comes first
                new, old = (twin, iid) if iid in expected else (iid, twin)
                self._error_at(ind, "id", rows_of[new], f"ID '{new}' hanya berbeda huruf besar/kecil dengan '{old}' "
                                                        f"di baris {rows_of[old]}; tulis '{old}' bila maksudnya "
                                                        "indikator itu, atau pakai ID lain untuk indikator baru")
            v = {
                "nama": r.text(cells.get("nama")), "satuan": r.text(cells.get("satuan")),
                "polaritas": r.choice(cells.get("polaritas"), L.POLARITAS, "polaritas"),
                "jenis": r.choice(cells.get("jenis"), L.JENIS, "jenis") or "sasaran",
                "agregasi": r.choice(cells.get("agregasi"), L.AGREGASI, "agregasi") or "terakhir",
                "sasaran": r.text(cells.get("sasaran")), "program": r.text(cells.get("program")),
                "kualitatif": _grades_text(r.text(cells.get("kualitatif"))),
            }
            for key in ("definisi", "formula", "sumber_data", "penanggung_jawab"):
                v[key] = r.text(cells.get(key))
            for key, label in (("nama", "nama indikator"), ("satuan", "satuan"), ("polaritas", "polaritas")):
                if not v[key] and key not in cells:
                    self._error_at(ind, key, n, f"{label} wajib diisi")
            wanted[iid] = v
        self.sheet_indicators = set(wanted)
        values = self._indicator_values(val, wanted) if val is not None else None
        renstra = self._renstra_values(ren, ren_spec, wanted) if ren is not None else None
        doc = self.docs.get("indikator.yaml")
        if doc is None and wanted:
            self.diags.error((ind.where, ind.header_row), "laporan ini belum punya data/indikator.yaml; buat berkas "
                                                          "itu dengan satu indikator, lalu ekspor ulang")
            return
        if doc is None:
            return
        self._edit_indicators(doc, ind, wanted, rows_of, expected, values, renstra)
        self._edit_placements(ind, wanted, rows_of, expected)

    def _unknown_indicator(self, iid: str, wanted: dict[str, dict[str, Any]], advice: str) -> str:
        """A row of Nilai Indikator or Renstra naming no row of the Indikator sheet: the row deleted there (delete
        this one too), the same ID in other letters, or a new one to add there first."""
        if iid in self.report.data.indikator:
            return (f"indikator '{iid}' tidak ada lagi di lembar Indikator (barisnya dihapus); untuk menghapus "
                    "indikator ini, hapus juga baris ini, atau kembalikan barisnya di lembar Indikator")
        same = next((k for k in wanted if k.casefold() == iid.casefold()), None)
        if same is not None:
            return (f"indikator '{iid}' tidak ada di lembar Indikator; huruf besar/kecil ID dibedakan: tulis '{same}' "
                    "bila maksudnya indikator itu")
        return f"indikator '{iid}' tidak ada di lembar Indikator; {advice}"

    def _indicator_values(self, val: SheetRows, wanted: dict[str, dict[str, Any]]
                          ) -> dict[tuple[str, str], dict[int, Periods]]:
        """Target and realisasi per (indicator, kind) -> year -> period, from the value sheet; rows checked."""
        expected = {row.key: row for row in value_rows(self.report, self.computed)}
        r = Reader(self.diags, val.where)
        out: dict[tuple[str, str], dict[int, Periods]] = {}
        seen: dict[tuple[str, int, str], int] = {}
        self._value_origin: dict[tuple[str, str, int, str], Origin] = {}
        self._value_where = val.where
        for n, cells in val.rows:
            total = _total_cell(cells, ("id", "nama"))
            if total is not None:
                r.error(total, f"baris '{total.value.strip()}' tidak diimpor: capaian, predikat dan rata-rata capaian "
                               "dihitung lkjip; hapus baris ini")
                continue
            iid = r.text(cells.get("id"))
            year = r.year(cells.get("tahun"))
            periode = r.choice(cells.get("periode"), L.PERIODS, "periode")
            if not iid:
                self._error_at(val, "id", n, "ID indikator belum diisi")
                continue
            if iid not in wanted:
                r.error(cells["id"], self._unknown_indicator(iid, wanted, "perbaiki ID-nya, atau tambahkan dulu "
                                                                          "indikator baru di sana"))
                continue
            if year is None or periode is None:
                if "tahun" not in cells:
                    self._error_at(val, "tahun", n, "tahun belum diisi")
                if "periode" not in cells:
                    self._error_at(val, "periode", n, "periode belum diisi (tahunan, tw1, tw2, tw3 atau tw4)")
                continue
            key = (iid, year, periode)
            if key in seen:
                r.error(cells["periode"], f"{iid} tahun {year} periode {periode} sudah ada di baris {seen[key]}; "
                                          "satukan kedua baris")
                continue
            seen[key] = n
            grades = wanted[iid].get("kualitatif")
            grade_list = [g.strip() for g in grades.split(",")] if grades else None
            for kind in ("target", "realisasi"):
                cell, reason = cells.get(kind), r.text(cells.get(f"{kind}_na"))
                number = r.number(cell, kind, grades=grade_list if cell and isinstance(cell.value, str) else None)
                if cell is not None and reason:
                    r.error(cell, f"{kind} diisi dan alasan {kind} tidak ada juga diisi; isi salah satu saja")
                    continue
                v: Value | None = Missing(reason) if reason else number
                col = f"{kind}_na" if cell is None and reason else kind
                # an emptied cell too: its deletion is reported at it, not at A1
                self._value_origin[(iid, kind, year, periode)] = self._origin(val, col, n, year)
                if v is None:
                    if cell is None and f"{kind}_na" not in cells:
                        self._emptied(val, kind, n, expected.get(key))
                    continue
                out.setdefault((iid, kind), {}).setdefault(year, {})[periode] = v
            self._check_derived(val, L.NILAI, n, key, cells, expected.get(key))
        return out

    def _emptied(self, sheet: SheetRows, kind: str, row: int, expected: Row | None) -> None:
        """A target or realisasi the files have, emptied in the workbook without a reason, is an error at its cell.

        It deleted the value (exit 0, "realisasi K02 tahun 2023 dihapus"): the indicator became N/A and the count of
        measured indicators changed, with only a warning from ``check`` later. The guide asks for a reason beside an
        empty cell, and the Anggaran sheet already refuses an empty realisasi. A row the files have no value for
        (a year with a target only) stays empty as it was exported."""
        if expected is None:
            return
        value, reason = expected.values.get(kind), expected.values.get(f"{kind}_na")
        if value is None and reason is None:
            return
        was = _show1(Missing(reason) if reason is not None else value)
        self._error_at(sheet, kind, row, f"{kind} wajib diisi (sebelumnya {was}); tulis nilainya, atau bila nilainya "
                                         f"tidak ada, biarkan sel ini kosong dan tulis alasannya di kolom "
                                         f"'{L.NILAI.column(f'{kind}_na').header}'. Untuk menghapus target dan "
                                         "realisasi tahun dan periode ini sekaligus, hapus barisnya")

    def _renstra_values(self, ren: SheetRows, spec: L.Sheet, wanted: dict[str, dict[str, Any]]
                        ) -> dict[str, dict[str, Any]]:
        expected = {row.key: row for row in renstra_rows(self.report, self.ends)}
        r = Reader(self.diags, ren.where)
        out: dict[str, dict[str, Any]] = {}
        self._renstra_origin: dict[tuple[str, str], Origin] = {}
        self._renstra_where = ren.where
        years = sorted(int(k[7:]) for k in ren.extra["columns"] if k.startswith("target_") and k[7:].isdigit())
        for n, cells in ren.rows:
            iid = r.text(cells.get("id"))
            if not iid:
                self._error_at(ren, "id", n, "ID indikator belum diisi")
                continue
            if iid not in wanted:
                r.error(cells["id"], self._unknown_indicator(iid, wanted, "perbaiki ID-nya"))
                continue
            if iid in out:
                r.error(cells["id"], f"indikator '{iid}' sudah ada di baris {out[iid]['_row']}")
                continue
            grades = wanted[iid].get("kualitatif")
            grade_list = [g.strip() for g in grades.split(",")] if grades else None

            def num(key: str, what: str) -> Any:
                cell = cells.get(key)
                return r.number(cell, what, grades=grade_list if cell and isinstance(cell.value, str) else None)

            v: dict[str, Any] = {"_row": n, "kondisi_tahun": r.year(cells.get("kondisi_tahun")),
                                 "kondisi_nilai": num("kondisi_nilai", "kondisi awal"),
                                 "target_akhir": num("target_akhir", "target akhir"),
                                 "nasional": num("nasional", "target nasional"),
                                 "nasional_sumber": r.text(cells.get("nasional_sumber")),
                                 "targets": {y: num(f"target_{y}", f"target {y}") for y in years}}
            v["targets"] = {y: x for y, x in v["targets"].items() if x is not None}
            if (v["kondisi_tahun"] is None) != (v["kondisi_nilai"] is None) and ("kondisi_tahun" in cells) != (
                    "kondisi_nilai" in cells):
                missing = "kondisi_nilai" if v["kondisi_tahun"] is not None else "kondisi_tahun"
                self._error_at(ren, missing, n, "kondisi awal perlu tahun dan nilai; isi keduanya atau kosongkan keduanya")
            if (v["nasional"] is None) != (v["nasional_sumber"] is None) and ("nasional" in cells) != (
                    "nasional_sumber" in cells):
                missing = "nasional_sumber" if v["nasional"] is not None else "nasional"
                self._error_at(ren, missing, n, "target nasional perlu nilai dan sumbernya; isi keduanya")
            for key in ("kondisi_tahun", "target_akhir", "nasional"):
                self._renstra_origin[(iid, key)] = self._origin(ren, key if key in cells else "id", n)
            for y in years:
                self._renstra_origin[(iid, f"target_{y}")] = self._origin(ren, f"target_{y}", n, y)
            out[iid] = v
            self._check_derived(ren, spec, n, iid, cells, expected.get(iid))
        return out

    def _edit_indicators(self, doc: YamlText, sheet: SheetRows, wanted: dict[str, dict[str, Any]],
                         rows_of: dict[str, int], expected: dict[Any, Row],
                         values: dict[tuple[str, str], dict[int, Periods]] | None,
                         renstra: dict[str, dict[str, Any]] | None) -> None:
        seq = doc.find(["indikator"])
        assert isinstance(seq, SequenceNode)
        # an id a merge key supplies (``<<: [*dasar, {id: IKU3}]``) is the indicator's too: passed over, the indicator
        # looked new and was appended again, and every import of the workbook stopped with "id 'IKU3' sudah dipakai"
        ids = [(i, doc.lookup(item, "id")[0]) for i, item in enumerate(seq.value)]
        index = {str(doc.value(pair[1])): i for i, pair in ids if pair is not None}
        model = self.report.data.indikator
        order = list(wanted)  # the sheet's rows, top to bottom
        for k, (iid, v) in enumerate(wanted.items()):
            n = rows_of[iid]
            if iid not in index:
                above = [index[i] for i in order[:k] if i in index]
                below = [index[i] for i in order[k + 1:] if i in index]
                self._new_indicator(doc, seq, sheet, iid, v, n, values, renstra, (above, below))
                continue
            item = seq.value[index[iid]]
            assert isinstance(item, MappingNode)
            old = expected[iid].values
            for key in ("nama", "satuan", "polaritas", "jenis", "agregasi", "program", "kualitatif", "definisi",
                        "formula", "sumber_data", "penanggung_jawab"):
                if same(v[key], old.get(key)):
                    continue
                origin = self._origin(sheet, key, n)
                default = {"jenis": "sasaran", "agregasi": "terakhir"}.get(key)
                if v[key] is None or (default and v[key] == default and not doc.get(item, key)):
                    doc.remove(item, key, origin)
                else:
                    text = _grades_yaml(v[key]) if key == "kualitatif" else emit_text(v[key])
                    doc.set_key(item, key, text, origin)
                self._change(origin, f"{key} {iid}: {old.get(key) or '–'} → {v[key] or '–'}")
            ind = model[iid]
            if values is not None:
                for kind in ("target", "realisasi"):
                    now = {y: _periods(pv) for y, pv in getattr(ind, kind).items()}
                    self._edit_years(doc, item, kind, now, values.get((iid, kind), {}), iid)
            if renstra is not None:
                # a deleted row removes the indicator's Renstra values, as a deleted row does on the other sheets:
                # it was passed over, and the import said "Tidak ada perubahan" with the targets still there
                self._edit_renstra(doc, item, iid, renstra.get(iid, _NO_RENSTRA),
                                   expected_ren=_renstra_now(ind, self.ends))
        for iid, i in index.items():
            if iid not in wanted:
                doc.delete_item(seq, i, Origin(sheet.where, ""))
                self.changes.append(f"{sheet.where}: indikator {iid} dihapus (barisnya tidak ada lagi)")

    def _edit_years(self, doc: YamlText, item: MappingNode, kind: str, now: dict[int, Periods],
                    want: dict[int, Periods], iid: str) -> None:
        if _same_years(now, want):
            return

        def origin(year: int, periode: str | None = None) -> Origin:
            for p in ([periode] if periode else list(L.PERIODS)):
                o = self._value_origin.get((iid, kind, year, p))
                if o is not None:
                    return o
            return Origin(self._value_where, "")  # the row was deleted: said at the sheet, not at its header A1

        pair = doc.get(item, kind)
        if not want:
            if now:
                doc.remove(item, kind, origin(min(now)))
                self.changes.append(f"{self._value_where}: {kind} {iid} dihapus seluruhnya")
            return
        if pair is None or not isinstance(pair[1], MappingNode) or doc.is_alias(pair[1]):
            # (an alias ``*t`` is written out as the literal value here: the anchor's other users keep theirs)
            text = emit_value({y: _form(want[y], None) for y in sorted(want)})
            doc.set_key(item, kind, text, origin(min(want)))
            self._change(origin(min(want)), f"{kind} {iid}: {text}")
            return
        mapping = pair[1]
        for year in sorted(set(now) | set(want)):
            d, e = want.get(year), now.get(year)
            if d is not None and e is not None and _same_periods(d, e):
                continue
            ypair = doc.get(mapping, year)
            if d is None:
                if e is not None:
                    doc.remove(mapping, year, origin(year))
                    gone = "" if origin(year).ref else " (barisnya tidak ada lagi)"
                    self._change(origin(year), f"{kind} {iid} tahun {year} dihapus{gone}")
                continue
            if ypair is None:
                doc.set_key(mapping, year, emit_value(_form(d, None)), origin(year))
                self._change(origin(year), f"{kind} {iid} {year}: {_show_periods(d)} (baru)")
                continue
            node = ypair[1]
            if _is_quarter_map(node) and not doc.is_alias(node):
                assert isinstance(node, MappingNode)
                for p in L.PERIODS:
                    dv, ev = d.get(p), (e or {}).get(p)
                    if _same_value(dv, ev):
                        continue
                    if dv is None:
                        doc.delete(node, p, origin(year, p))
                    else:
                        doc.set_key(node, p, emit_value(dv), origin(year, p))
                    self._change(origin(year, p), f"{kind} {iid} {year} {p}: {_show1(ev)} → {_show1(dv)}")
            else:
                doc.replace(ypair[0], node, emit_value(_form(d, node)), origin(year))
                self._change(origin(year), f"{kind} {iid} {year}: {_show_periods(e or {})} → {_show_periods(d)}")

    _value_where = ""
    _renstra_where = ""

    def _edit_renstra(self, doc: YamlText, item: MappingNode, iid: str, v: dict[str, Any],
                      expected_ren: dict[str, Any]) -> None:
        def origin(key: str) -> Origin:
            return self._renstra_origin.get((iid, key)) or Origin(self._renstra_where, "")

        gone = " (barisnya tidak ada lagi)" if v is _NO_RENSTRA else ""
        kondisi = (v["kondisi_tahun"], v["kondisi_nilai"]) if v["kondisi_tahun"] is not None else None
        if not _same_value(kondisi, expected_ren["kondisi"]):
            self._set_pair(doc, item, "kondisi_awal", ("tahun", "nilai"), kondisi, origin("kondisi_tahun"),
                           f"kondisi awal {iid}", gone)
        targets = v["targets"]
        now = expected_ren["targets"]
        if not _same_map(targets, now):
            pair = doc.get(item, "target_renstra")
            if not targets:
                doc.remove(item, "target_renstra", origin(f"target_{min(now)}"))
            elif pair is None or not isinstance(pair[1], MappingNode) or doc.is_alias(pair[1]):
                doc.set_key(item, "target_renstra", emit_value(dict(sorted(targets.items()))),
                            origin(f"target_{min(targets)}"))
            else:
                for y in sorted(set(targets) | set(now)):
                    if _same_value(targets.get(y), now.get(y)):
                        continue
                    if y not in targets:
                        doc.delete(pair[1], y, origin(f"target_{y}"))
                    else:
                        doc.set_key(pair[1], y, emit_value(targets[y]), origin(f"target_{y}"))
            # said at the first year's cell that changed (at the sheet, for a year whose column was deleted)
            first = min(y for y in set(targets) | set(now) if not _same_value(targets.get(y), now.get(y)))
            self._change(origin(f"target_{first}"),
                         f"target Renstra {iid}: {_show_map(now)} → {_show_map(targets)}{gone}")
        if not _same_value(v["target_akhir"], expected_ren["target_akhir"]):
            if v["target_akhir"] is None:
                doc.remove(item, "target_akhir", origin("target_akhir"))
            else:
                doc.set_key(item, "target_akhir", emit_value(v["target_akhir"]), origin("target_akhir"))
            self._change(origin("target_akhir"), f"target akhir {iid}: {_show1(v['target_akhir'])}{gone}")
        nasional = (v["nasional"], v["nasional_sumber"]) if v["nasional"] is not None else None
        if not _same_value(nasional, expected_ren["nasional"]):
            self._set_pair(doc, item, "target_nasional", ("nilai", "sumber"), nasional, origin("nasional"),
                           f"target nasional {iid}", gone)

    def _set_pair(self, doc: YamlText, item: MappingNode, key: str, names: tuple[str, str],
                  value: tuple[Any, Any] | None, where: Origin, label: str, tail: str = "") -> None:
        """A two-field mapping of the indicator (``kondisi_awal``, ``target_nasional``) set from its two cells, or
        removed when both are empty."""
        if value is None:
            doc.remove(item, key, where)
        else:
            doc.set_key(item, key, emit_value(dict(zip(names, value))), where)
        self._change(where, f"{label}: {_show1(value)}{tail}")

    def _new_indicator(self, doc: YamlText, seq: SequenceNode, sheet: SheetRows, iid: str, v: dict[str, Any],
                       n: int, values: dict[tuple[str, str], dict[int, Periods]] | None,
                       renstra: dict[str, dict[str, Any]] | None, places: tuple[list[int], list[int]]) -> None:
        """A row new on the Indikator sheet, written to indikator.yaml where the sheet has it (``places``: the places
        in the file of the indicators above and below it on the sheet), its keys in the order of the indicator it is
        written beside.

        Appended at the end, an indicator typed under its sasaran's rows came after the last kegiatan indicator of
        the file, and so on the next export's sheet, in the open data, and in the tables of a report whose PK takes
        the file's order; its keys in a fixed order read unlike every indicator around it."""
        entries: list[tuple[str, list[str]]] = [("id", [f"id: {emit_text(iid)}"])]
        for key in ("nama", "satuan", "polaritas"):
            if v[key]:
                entries.append((key, [f"{key}: {emit_text(v[key])}"]))
        if v["jenis"] != "sasaran":
            entries.append(("jenis", [f"jenis: {v['jenis']}"]))
        if v["agregasi"] != "terakhir":
            entries.append(("agregasi", [f"agregasi: {v['agregasi']}"]))
        if v["kualitatif"]:
            entries.append(("kualitatif", [f"kualitatif: {_grades_yaml(v['kualitatif'])}"]))
        for key in ("definisi", "formula", "sumber_data", "penanggung_jawab", "program"):
            if v[key]:
                entries.append((key, [f"{key}: {emit_text(v[key])}"]))
        ren = (renstra or {}).get(iid)
        if ren:
            if ren["kondisi_tahun"] is not None:
                kondisi = {"tahun": ren["kondisi_tahun"], "nilai": ren["kondisi_nilai"]}
                entries.append(("kondisi_awal", ["kondisi_awal: " + emit_value(kondisi)]))
            if ren["targets"]:
                targets = dict(sorted(ren["targets"].items()))
                entries.append(("target_renstra", ["target_renstra: " + emit_value(targets)]))
            if ren["target_akhir"] is not None:
                entries.append(("target_akhir", ["target_akhir: " + emit_value(ren["target_akhir"])]))
            if ren["nasional"] is not None:
                nasional = {"nilai": ren["nasional"], "sumber": ren["nasional_sumber"]}
                entries.append(("target_nasional", ["target_nasional: " + emit_value(nasional)]))
        above, below = places
        beside = seq.value[above[-1] if above else below[0] if below else -1] if seq.value else None
        flow = _uses_flow(doc, seq, beside)
        for kind in ("target", "realisasi"):
            years = (values or {}).get((iid, kind))
            if not years:
                continue
            if flow:
                entries.append((kind, [f"{kind}: " + emit_value({y: _form(years[y], None) for y in sorted(years)})]))
            else:
                entries.append((kind, [f"{kind}:", *(f"  {y}: {emit_value(_form(years[y], None))}"
                                                     for y in sorted(years))]))
        lines = [line for _key, block in _in_order_of(_keys_of(beside), entries) for line in block]
        origin = self._origin(sheet, "id", n)
        _add_between(doc, seq, lines, origin, above, below)
        self._change(origin, f"indikator baru {iid}")

    def _edit_placements(self, sheet: SheetRows, wanted: dict[str, dict[str, Any]], rows_of: dict[str, int],
                         expected: dict[Any, Row]) -> None:
        """The Sasaran/tujuan column: an indicator moves between the ``indikator`` lists of renstra.yaml."""
        moves = {iid: v["sasaran"] for iid, v in wanted.items()
                 if not same(v["sasaran"], expected[iid].values.get("sasaran") if iid in expected else None)}
        gone = [iid for iid in expected if iid not in wanted and expected[iid].values.get("sasaran")]
        if not moves and not gone:
            return
        doc = self.docs.get("renstra.yaml")
        owners = _renstra_owners(doc) if doc else {}
        for iid, target in moves.items():
            if target and target not in owners:
                known = ", ".join(owners) or "-"
                self._error_at(sheet, "sasaran", rows_of[iid], f"sasaran/tujuan '{target}' tidak ada di renstra.yaml "
                                                               f"(yang ada: {known}); sasaran dan tujuan Renstra tidak "
                                                               "ditulis di buku kerja: tulis salah satu yang ada, atau "
                                                               "tambahkan dulu di data/renstra.yaml lalu impor lagi")
        if doc is None or self.diags.errors:
            return
        lists = {owner: list(ids) for owner, (_m, _k, ids) in owners.items()}
        for iid in gone:
            for ids in lists.values():
                if iid in ids:
                    ids.remove(iid)
        for iid, target in moves.items():
            for ids in lists.values():
                if iid in ids:
                    ids.remove(iid)
            if target:
                _put_in_sheet_order(lists[target], iid, rows_of)
        for owner, (mapping, key, ids) in owners.items():
            if lists[owner] == ids:
                continue
            row = next((rows_of[i] for i in moves if moves[i] == owner or i in ids), sheet.header_row)
            origin = self._origin(sheet, "sasaran", row)
            pair = doc.get(mapping, key)
            if pair is None:  # (a list a merge key supplies is refused there)
                doc.set_key(mapping, key, f"[{', '.join(emit_text(i) for i in lists[owner])}]", origin)
            else:
                doc.replace_list(pair[0], pair[1], [emit_text(i) for i in lists[owner]], origin)
            self._change(origin, f"indikator {owner} di renstra.yaml: {', '.join(lists[owner]) or '–'}")

    # -- PK ------------------------------------------------------------------------------------------------------------

    def pk(self, sheet: SheetRows, meta_cells: dict[str, Cell]) -> None:
        r = Reader(self.diags, sheet.where)
        now = pk_meta(self.report)
        meta = {"tahun": r.year(meta_cells.get("tahun"), "tahun PK"),
                "jenis": r.choice(meta_cells.get("jenis"), L.JENIS_PK, "jenis PK"),
                "tanggal": r.date(meta_cells.get("tanggal"), "tanggal PK")}
        expected = {row.key: row for row in pk_rows(self.report, self.computed)}
        lists: dict[str, list[str]] = {b: [] for b in L.BAGIAN_PK}
        first_row: dict[str, int] = {}
        seen: dict[tuple[str, str], int] = {}
        for n, cells in sheet.rows:
            bagian = r.choice(cells.get("bagian"), L.BAGIAN_PK, "bagian")
            ident = r.text(cells.get("id"))
            if bagian is None or not ident:
                if "bagian" not in cells:
                    self._error_at(sheet, "bagian", n, "bagian belum diisi (sasaran, indikator atau program)")
                if "id" not in cells:
                    self._error_at(sheet, "id", n, "ID / kode belum diisi")
                continue
            if (bagian, ident) in seen:
                r.error(cells["id"], f"{bagian} '{ident}' sudah ada di baris {seen[(bagian, ident)]}")
                continue
            seen[(bagian, ident)] = n
            lists[bagian].append(ident)
            first_row.setdefault(bagian, n)
            if self._added_on_pk(sheet, n, bagian, ident, cells):
                continue
            self._check_derived(sheet, L.PK_FIXED, n, (bagian, ident), cells, expected.get((bagian, ident)))
        doc = self.docs.get("pk.yaml")
        now_lists = {"sasaran": [k[1] for k in expected if k[0] == "sasaran"],
                     "indikator": [k[1] for k in expected if k[0] == "indikator"],
                     "program": [k[1] for k in expected if k[0] == "program"]}
        empty = not any(lists.values()) and all(v is None for v in meta.values())
        if doc is None:
            if not empty:
                self._new_pk(sheet, meta, lists)
            return
        root = doc.root
        assert isinstance(root, MappingNode)
        for key, label, row in L.PK_META:
            if same(meta[key], now[key]):
                continue
            origin = Origin(sheet.where, f"B{row}")
            if meta[key] is None and key == "tahun":
                if key not in meta_cells:  # (a year it could not read is said as that, once)
                    self.diags.at_cell(sheet.where, "B", row, "tahun PK wajib diisi")
                continue
            if meta[key] is None:
                doc.remove(root, key, origin)
            else:
                doc.set_key(root, key, emit_value(meta[key]), origin)
            self._change(origin, f"{label}: {now[key] or '–'} → {meta[key] or '–'}")
        for bagian in L.BAGIAN_PK:
            if lists[bagian] == now_lists[bagian]:
                continue
            derived = doc.get(root, bagian) is None
            if derived and bagian == "indikator" and sorted(lists[bagian]) == sorted(now_lists[bagian]):
                # pk.yaml names no indicators: the PK's are its sasaran's, in renstra.yaml's order. Rows sorted on
                # the sheet wrote that order out as a list, which then kept an indicator added to a sasaran later
                # out of the PK
                continue
            # at the first row that differs from the file's list: a new row at B13 was said (and its error shown)
            # at the list's first row, B8
            differs = next((ident for k, ident in enumerate(lists[bagian])
                            if k >= len(now_lists[bagian]) or now_lists[bagian][k] != ident), None)
            row = seen[(bagian, differs)] if differs is not None else first_row.get(bagian, sheet.header_row)
            origin = Origin(sheet.where, self._ref(sheet, "id", row))
            pair = doc.get(root, bagian)
            items = [emit_text(i) for i in lists[bagian]]
            if pair is None:  # (a list a merge key supplies is refused there)
                doc.set_key(root, bagian, f"[{', '.join(items)}]", origin)
            else:
                doc.replace_list(pair[0], pair[1], items, origin)
            pinned = (" (kini didaftar di pk.yaml; indikator yang kemudian ditambahkan ke sasaran di renstra.yaml tidak "
                      "lagi masuk PK dengan sendirinya)" if derived and bagian == "indikator" else "")
            self._change(origin, f"{bagian} PK: {', '.join(lists[bagian]) or '–'}{pinned}")

    def _added_on_pk(self, sheet: SheetRows, n: int, bagian: str, ident: str, cells: dict[str, Cell]) -> bool:
        """A sasaran or indicator row of the PK sheet whose ID the files lack, with a grey cell (its Uraian) typed: one
        the author tried to add here. Refused at its ID, once, with the way to add it (:meth:`_way_to_add`).

        The grey cell alone was refused as "kolom yang dihitung ... berisi; kosongkan sel-sel itu untuk baris baru";
        emptied, the next import refused the ID itself: two rounds to learn that a sasaran is added in renstra.yaml
        and an indicator on the Indikator sheet, a PK row only naming it."""
        way = self._way_to_add(bagian, ident)
        if way is None:
            return False
        typed = [c.header for c in L.PK_FIXED.columns if c.derived and c.key in cells
                 and not _same_shown(cells[c.key].value, None, c)]
        if not typed:
            return False  # (the ID alone: said by the check of the files, at this cell)
        self._error_at(sheet, "id", n, way(", ".join(repr(h) for h in typed)))
        return True

    def _way_to_add(self, bagian: str, ident: str) -> Callable[[str], str] | None:
        """The message for a PK row whose ID the files lack, given the grey columns typed; None for a known ID."""
        if bagian == "sasaran":
            renstra = self.report.data.renstra
            known = [s.id for s in renstra.all_sasaran()] if renstra is not None else []
            if renstra is None or ident in known:
                return None
            return lambda cols: (f"sasaran '{ident}' tidak ada di data/renstra.yaml{did_you_mean(ident, known)} (yang "
                                 f"ada: {listing(known)}); sasaran baru tidak dapat ditambahkan di buku kerja: tulis "
                                 "sasarannya di data/renstra.yaml, di bawah tujuannya (id, uraian, indikator), "
                                 f"kosongkan kolom {cols} baris ini (diisi lkjip dari renstra.yaml), lalu impor lagi; "
                                 "atau perbaiki ID-nya")
        indicators = sorted(self.sheet_indicators | set(self.report.data.indikator))
        if bagian != "indikator" or ident in indicators:
            return None
        return lambda cols: (f"indikator '{ident}' tidak ada di lembar Indikator{did_you_mean(ident, indicators)}; "
                             "indikator baru ditambahkan di lembar Indikator (ID, nama, satuan, polaritas, sasaran), "
                             f"lalu baris PK ini cukup menyebut ID-nya: kosongkan kolom {cols} baris ini (diisi lkjip "
                             "dari data indikator), lalu impor lagi; atau perbaiki ID-nya")

    def _new_pk(self, sheet: SheetRows, meta: dict[str, Any], lists: dict[str, list[str]]) -> None:
        if meta["tahun"] is None:
            self.diags.at_cell(sheet.where, "B", 1, "tahun PK wajib diisi untuk membuat pk.yaml")
            return
        lines = [f"tahun: {meta['tahun']}"]
        if meta["jenis"]:
            lines.append(f"jenis: {meta['jenis']}")
        if meta["tanggal"]:
            lines.append(f"tanggal: {meta['tanggal'].isoformat()}")
        for bagian in L.BAGIAN_PK:
            if lists[bagian]:
                lines.append(f"{bagian}: [{', '.join(emit_text(i) for i in lists[bagian])}]")
        self.new_files["pk.yaml"] = "\n".join(lines) + "\n"
        self.changes.append(f"{sheet.where}: pk.yaml baru")

    # -- budget --------------------------------------------------------------------------------------------------------

    def budget(self, sheet: SheetRows) -> None:
        r = Reader(self.diags, sheet.where)
        # (the sheet's own structure decides whether its cells are read: an error on another sheet stopped it, so an
        # author fixed Nilai Indikator, imported, and only then heard of the Anggaran sheet's mistakes)
        errors_before = len(self.diags.errors)
        expected = {row.key: row for row in budget_rows(self.report, self.computed)}
        rows: dict[str, tuple[int, dict[str, Cell], str]] = {}
        order: list[str] = []
        for n, cells in sheet.rows:
            kode = r.text(cells.get("kode"))
            total = _total_cell(cells, ("kode", "nama"))
            if total is not None:
                r.error(total, f"baris '{total.value.strip()}' tidak diimpor: jumlah pagu dan realisasi dihitung lkjip "
                               "dari sub kegiatan (tampil di baris program dan kegiatan, dan di laporan); hapus baris "
                               "ini")
                continue
            if not kode:
                self._error_at(sheet, "kode", n, "kode belum diisi; setiap baris anggaran perlu kode program, kegiatan "
                                                 "atau sub kegiatan")
                continue
            norm = normalise_code(kode)
            level = level_of(norm)
            if level is None:
                r.error(cells["kode"], f"kode '{kode}' tidak sesuai format program (7.01.02), kegiatan (7.01.02.2.01) "
                                       "atau sub kegiatan (7.01.02.2.01.0001)")
                continue
            if norm in rows:
                r.error(cells["kode"], f"kode '{kode}' sudah ada di baris {rows[norm][0]}; satu baris per kode")
                continue
            rows[norm] = (n, cells, level)
            order.append(norm)
        children: dict[str | None, list[str]] = {}
        for kode in order:
            parent = parent_code(kode)
            n, cells, level = rows[kode]
            if parent is not None and parent not in rows:
                r.error(cells["kode"], f"{TINGKAT[level].lower()} '{kode}' tidak dapat ditempatkan: induknya "
                                       f"'{parent}' tidak ada di lembar ini; tambahkan baris {parent} atau perbaiki kode")
                continue
            children.setdefault(parent, []).append(kode)
        for kode in order:
            n, cells, level = rows[kode]
            if level != "sub_kegiatan" and not children.get(kode):
                below = "kegiatan" if level == "program" else "sub kegiatan"
                r.error(cells["kode"], f"{TINGKAT[level].lower()} '{kode}' belum punya {below}; tambahkan baris "
                                       f"{below} di bawahnya (pagu diisi pada sub kegiatan)")
        if len(self.diags.errors) > errors_before:
            return
        nodes = {k: self._budget_node(sheet, r, k, rows[k], children, expected.get(k)) for k in order}
        tree = [nodes[k] for k in children.get(None, [])]
        for k, node in nodes.items():
            node.children = [nodes[c] for c in children.get(k, [])]
        periode = self.report.periode
        issues: list[Finding] = []
        computed = {normalise_code(x.kode): x for p in tree for x in budget_node(p, issues, None, periode).walk()}
        for kode in order:
            n, cells, _level = rows[kode]
            res = computed.get(kode)
            new_values = {"pagu": res.pagu, "realisasi": res.realisasi, "serapan": res.serapan,
                          "pagu_awal": res.pagu_awal,
                          **{q: res.realisasi_tw.get(q) for q in QUARTERS}} if res else {}
            if nodes[kode].children:
                self._check_sums(sheet, r, cells, expected.get(kode), new_values, nodes[kode])
            self._check_derived(sheet, L.ANGGARAN, n, kode, cells, expected.get(kode), new_values.get)
        if self.diags.errors:
            return
        self._edit_budget(sheet, tree, rows, expected)

    def _budget_node(self, sheet: SheetRows, r: Reader, kode: str, row: tuple[int, dict[str, Cell], str],
                     children: dict[str | None, list[str]], expected: Row | None) -> BudgetNode:
        """A row as a node of the tree. A workbook exported before the Pagu awal column existed has no such column:
        its sub kegiatan keep the ``pagu_awal`` of the files (the column's absence is no emptied cell)."""
        n, cells, level = row
        leaf = level == "sub_kegiatan"
        node = BudgetNode(level, r.text(cells["kode"]) or kode, r.text(cells.get("nama")) or "",  # type: ignore[arg-type]
                          Loc(sheet.where, n))
        if not node.nama:
            self._error_at(sheet, "nama", n, "uraian belum diisi")
        money = {k: r.number(cells.get(k), _money_label(k), minimum=Decimal(0))
                 for k in ("pagu", "pagu_awal", "realisasi", *QUARTERS, "pagu_tertulis", "realisasi_tertulis")}
        reason = r.text(cells.get("realisasi_na"))
        if leaf:
            node.pagu = money["pagu"]  # type: ignore[assignment]
            node.pagu_awal = (money["pagu_awal"] if "pagu_awal" in sheet.present else  # type: ignore[assignment]
                              expected.values.get("pagu_awal") if expected is not None else None)
            if node.pagu is None and "pagu" not in cells:
                self._error_at(sheet, "pagu", n, "pagu sub kegiatan wajib diisi (0 bila memang tidak ada)")
            if reason and "realisasi" in cells:
                r.error(cells["realisasi"], "realisasi diisi dan alasan realisasi tidak ada juga diisi; isi salah satu")
            node.realisasi = Missing(reason) if reason else money["realisasi"]
            if node.realisasi is None and "realisasi" not in cells:
                self._error_at(sheet, "realisasi", n, "realisasi wajib diisi, atau tulis alasannya di kolom 'Alasan "
                                                      "realisasi tidak ada'")
            node.realisasi_tw = {q: money[q] for q in QUARTERS if isinstance(money[q], Decimal)}  # type: ignore[misc]
            node.indikator = r.text(cells.get("indikator")) or ""
            node.satuan = r.text(cells.get("satuan")) or ""
            node.target = r.number(cells.get("target"), "target keluaran", grades=[str(cells["target"].value).strip()]
                                   if "target" in cells and isinstance(cells["target"].value, str) else None)
            node.realisasi_output = r.number(
                cells.get("realisasi_output"), "realisasi keluaran",
                grades=[str(cells["realisasi_output"].value).strip()]
                if "realisasi_output" in cells and isinstance(cells["realisasi_output"].value, str) else None)
            node.jenis_belanja = r.choice(cells.get("jenis_belanja"), L.ANGGARAN.column("jenis_belanja").choices,
                                          "jenis belanja")
            for key in ("pagu_tertulis", "realisasi_tertulis", "sasaran"):
                if key in cells:
                    r.error(cells[key], f"kolom '{L.ANGGARAN.column(key).header}' hanya untuk baris program atau "
                                        "kegiatan; kosongkan sel ini")
        else:
            node.pagu_tertulis, node.realisasi_tertulis = money["pagu_tertulis"], money["realisasi_tertulis"]  # type: ignore[assignment]
            node.sasaran = r.text(cells.get("sasaran"))
            if node.sasaran and level != "program":
                r.error(cells["sasaran"], "sasaran hanya dicatat pada baris program")
            for key in ("realisasi_na", "indikator", "satuan", "target", "realisasi_output", "jenis_belanja"):
                if key in cells:
                    r.error(cells[key], f"kolom '{L.ANGGARAN.column(key).header}' hanya untuk baris sub kegiatan; "
                                        "kosongkan sel ini")
        return node

    def _check_sums(self, sheet: SheetRows, r: Reader, cells: dict[str, Cell], expected: Row | None,
                    new_values: dict[str, Any], node: BudgetNode) -> None:
        """A program or kegiatan row whose typed total differs from the sum of its rows below: say by how much.

        On a workbook imported before (``check_derived`` off) its total cells still show the export's sums, which
        pass as what the export showed (``shown``): a second import of it after one more fix refused every program and
        kegiatan row (after ``lkjip new --dari``, whose totals are exported as 0, always), where the guide says the
        same workbook may be imported again. Without that record (an earlier version's workbook) they are not read."""
        if not self._checks_derived():
            return
        for key in ("pagu", "pagu_awal", "realisasi", *QUARTERS):
            cell = cells.get(key)
            if cell is None or not isinstance(cell.value, (int, float)) or isinstance(cell.value, bool):
                continue
            typed = Decimal(str(cell.value))
            old = expected.values.get(key) if expected is not None and key in expected.derived else None
            new = new_values.get(key)
            if (old is not None and typed == old) or (new is not None and typed == new) \
                    or self._was_shown(L.ANGGARAN, normalise_code(node.kode), L.ANGGARAN.column(key), cell.value):
                continue
            total = new if new is not None else Decimal(0)
            label = _money_label(key)
            printed = (f", atau tulis angka tercetak di kolom '{L.ANGGARAN.column(key + '_tertulis').header}'"
                       if key in ("pagu", "realisasi") else "")
            r.error(cell, f"{label} {TINGKAT[node.level].lower()} {node.kode} tertulis {fmt_rupiah(typed)}, sedangkan "
                          f"jumlah rinciannya {fmt_rupiah(total)} (selisih {fmt_rupiah(typed - total)}); jumlah "
                          f"dihitung lkjip: kosongkan sel ini dan perbaiki angka pada rinciannya{printed}. {REEXPORT}")
            cells.pop(key)

    def _edit_budget(self, sheet: SheetRows, tree: list[BudgetNode], rows: dict[str, tuple[int, dict[str, Cell], str]],
                     expected: dict[Any, Row]) -> None:
        doc = self.docs.get("anggaran.yaml")
        if doc is None:
            if tree:
                lines = [f"tahun: {self.report.tahun}", "program:"]
                for p in tree:
                    lines.extend(item_lines(p, 2))
                self.new_files["anggaran.yaml"] = "\n".join(lines) + "\n"
                self.changes.append(f"{sheet.where}: anggaran.yaml baru")
            return
        index = budget_index(doc)
        wanted = {normalise_code(n.kode) for p in tree for n in _walk(p)}

        def visit(node: BudgetNode, parent_seq: SequenceNode | None, siblings: list[BudgetNode]) -> None:
            kode = normalise_code(node.kode)
            n = rows[kode][0]
            origin = self._origin(sheet, "kode", n)
            if kode not in index and kode in expected:
                # in the files, not in the text the import edits (through a merge key): fine while unchanged
                for row in _walk(node):
                    was = expected.get(normalise_code(row.kode))
                    if _edited(row, was):
                        self._error_at(sheet, "kode", rows[normalise_code(row.kode)][0],
                                       _not_editable(row, "baru" if was is None else "ubah"))
                return
            if kode not in index:
                if parent_seq is None:
                    self._error_at(sheet, "kode", n, _not_editable(node))
                    return
                _add_in_sheet_order(doc, parent_seq, node, siblings, index, origin)
                self._change(origin, f"{TINGKAT[node.level].lower()} baru {node.kode}")
                return
            mapping, _seq, _i, child_seq = index[kode]
            self._edit_budget_fields(doc, sheet, mapping, node, expected[kode], n)
            for child in node.children:
                visit(child, child_seq, node.children)

        root_seq = doc.find(["program"])
        for p in tree:
            visit(p, root_seq if isinstance(root_seq, SequenceNode) else None, tree)
        if self.diags.errors:
            return
        for kode in expected:
            if kode not in wanted and kode not in index and not any(a in expected and a not in wanted
                                                                     for a in ancestors(kode)):
                self.diags.at_cell(sheet.where, "A", 1, _not_editable(kode, "hapus"))
        if self.diags.errors:
            return
        for kode, (_mapping, seq, i, _child) in index.items():
            if kode in wanted or any(parent in index and parent not in wanted for parent in ancestors(kode)):
                continue
            doc.delete_item(seq, i, Origin(sheet.where, ""))
            self.changes.append(f"{sheet.where}: {kode} dihapus dari anggaran.yaml (barisnya tidak ada lagi)")

    def _edit_budget_fields(self, doc: YamlText, sheet: SheetRows, mapping: MappingNode, node: BudgetNode,
                            expected: Row, n: int) -> None:
        old = expected.values
        leaf = not node.children
        for key, now, want in _budget_changes(node, old):
            col = "realisasi_na" if key == "realisasi" and isinstance(want, Missing) else key
            origin = self._origin(sheet, col, n)
            if want is None:
                doc.remove(mapping, key, origin)
            elif key == "pagu_awal" and not mapping.flow_style and doc.get(mapping, key) is None \
                    and doc.get(mapping, "realisasi") is not None:
                doc.insert_before(mapping, "realisasi", [f"{key}: {emit_value(want)}"], origin)  # beside the pagu
            else:
                doc.set_key(mapping, key, emit_value(want), origin)
            self._change(origin, f"{key} {node.kode}: {_show1(now)} → {_show1(want)}")
        if leaf:
            want_tw, now_tw = _quarters(node, old)
            if not _same_map(want_tw, now_tw):
                origin = self._origin(sheet, next((q for q in QUARTERS if want_tw.get(q) != now_tw.get(q)), "tw1"), n)
                pair = doc.get(mapping, "realisasi_tw")
                if not want_tw:
                    doc.remove(mapping, "realisasi_tw", origin)
                elif pair is None or not isinstance(pair[1], MappingNode) or doc.is_alias(pair[1]):
                    doc.set_key(mapping, "realisasi_tw", emit_value(want_tw), origin)
                else:
                    for q in QUARTERS:
                        if _same_value(want_tw.get(q), now_tw.get(q)):
                            continue
                        if q not in want_tw:
                            doc.delete(pair[1], q, origin)
                        else:
                            doc.set_key(pair[1], q, emit_value(want_tw[q]), origin)
                self._change(origin, f"realisasi triwulan {node.kode}: {_show_map(now_tw)} → {_show_map(want_tw)}")


def _budget_changes(node: BudgetNode, old: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """(key, value in the files, value in the workbook) of each field of a budget row the workbook changed, its
    quarters aside (``_quarters``)."""
    fields: dict[str, Any] = {"nama": node.nama}
    if not node.children:
        fields.update(pagu=node.pagu, pagu_awal=node.pagu_awal, realisasi=node.realisasi,
                      indikator=node.indikator or None, satuan=node.satuan or None, target=node.target,
                      realisasi_output=node.realisasi_output, jenis_belanja=node.jenis_belanja)
    else:
        fields.update(pagu_tertulis=node.pagu_tertulis, realisasi_tertulis=node.realisasi_tertulis)
        if node.level == "program":
            fields["sasaran"] = node.sasaran
    out = []
    for key, want in fields.items():
        now: Any = old.get(key)
        if key == "realisasi" and old.get("realisasi_na"):
            now = Missing(old["realisasi_na"])
        if not _same_value(want, now):
            out.append((key, now, want))
    return out


def _quarters(node: BudgetNode, old: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """A sub kegiatan's realisasi per quarter: (in the workbook, in the files)."""
    return dict(sorted(node.realisasi_tw.items())), {q: old[q] for q in QUARTERS if old.get(q) is not None}


def _edited(node: BudgetNode, expected: Row | None) -> bool:
    """Whether the workbook's row is new, or changes its row of the files."""
    if expected is None:
        return True
    return bool(_budget_changes(node, expected.values)) or (
        not node.children and not _same_map(*_quarters(node, expected.values)))


#: The Renstra values of an indicator whose row was deleted from the Renstra sheet: none.
_NO_RENSTRA: dict[str, Any] = {"kondisi_tahun": None, "kondisi_nilai": None, "target_akhir": None, "nasional": None,
                               "nasional_sumber": None, "targets": {}}


# -- module helpers ------------------------------------------------------------------------------------------------------

#: A row of totals an author types under a table ("JUMLAH", "Total Belanja", "Rata-rata"): lkjip computes those
_TOTAL = re.compile(r"(?i)(jumlah|total|sub ?total|grand total|rata-rata|rerata)(\s+\S+)?\s*:?")


def _total_cell(cells: dict[str, Cell], keys: tuple[str, ...]) -> Cell | None:
    """The cell naming a row a total, in the ID/kode column, or in the name column of a row without one. It was
    refused as "kode belum diisi", as if it were a budget line missing its code."""
    ident, name = cells.get(keys[0]), cells.get(keys[1])
    for cell in (ident, name if ident is None else None):
        if cell is not None and isinstance(cell.value, str) and _TOTAL.fullmatch(cell.value.strip()):
            return cell
    return None


def _money_label(key: str) -> str:
    named = {"pagu": "pagu", "pagu_awal": "pagu awal", "realisasi": "realisasi", "pagu_tertulis": "pagu tertulis",
             "realisasi_tertulis": "realisasi tertulis"}
    return named[key] if key in named else f"realisasi TW {quarter_numeral(key)}"


def _grades_text(text: str | None) -> str | None:
    if not text:
        return None
    return ", ".join(g.strip() for g in text.split(",") if g.strip())


def _grades_yaml(text: str) -> str:
    return "[" + ", ".join(emit_text(g.strip()) for g in text.split(",") if g.strip()) + "]"


def _periods(pv: Any) -> Periods:
    out: Periods = {}
    if pv.annual is not None:
        out["tahunan"] = pv.annual
    out.update(pv.quarters)
    return out


def _same_value(a: Any, b: Any) -> bool:
    if isinstance(a, Missing) or isinstance(b, Missing):
        return isinstance(a, Missing) and isinstance(b, Missing) and a.reason.strip() == b.reason.strip()
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(_same_value(x, y) for x, y in zip(a, b))
    return same(a, b)


def _same_periods(a: Periods, b: Periods) -> bool:
    return set(a) == set(b) and all(_same_value(a[k], b[k]) for k in a)


def _same_years(a: dict[int, Periods], b: dict[int, Periods]) -> bool:
    return set(a) == set(b) and all(_same_periods(a[y], b[y]) for y in a)


def _same_map(a: dict[Any, Any], b: dict[Any, Any]) -> bool:
    return set(a) == set(b) and all(_same_value(a[k], b[k]) for k in a)


def _is_quarter_map(node: Node) -> bool:
    if not isinstance(node, MappingNode):
        return False
    return all(getattr(k, "value", None) != "tidak_ada" for k, _v in node.value)


def _form(periods: Periods, node: Node | None) -> Any:
    """A year's value as the file writes it: a plain value when there is only the annual one (unless the file already
    uses a period map for that year), else ``{tahunan: .., tw1: ..}``."""
    if set(periods) == {"tahunan"} and not (node is not None and _is_quarter_map(node)):
        return periods["tahunan"]
    return {p: periods[p] for p in L.PERIODS if p in periods}


def _renstra_now(ind: Any, ends: dict[str, Any]) -> dict[str, Any]:
    return {"kondisi": ind.kondisi_awal, "targets": dict(ind.target_renstra), "target_akhir": ends.get(ind.id),
            "nasional": ind.target_nasional}


def _uses_flow(doc: YamlText, seq: SequenceNode, beside: Node | None = None) -> bool:
    """Whether the file writes target/realisasi as ``{2023: 80}``: as the indicator a new one is written beside
    does, else as the file's last indicator that has one."""
    for item in [beside, *reversed(seq.value)] if beside is not None else reversed(seq.value):
        for key in ("realisasi", "target"):
            pair = doc.get(item, key)
            if pair is not None:
                return bool(getattr(pair[1], "flow_style", True))
    return True


def _put_in_sheet_order(ids: list[str], iid: str, rows_of: dict[str, int]) -> None:
    """Add ``iid`` to a sasaran's (or tujuan's) ``indikator`` list where the Indikator sheet has its row: after the
    last listed indicator above it on the sheet, else before the first below it, else at the end. Without a PK list
    of its own, that list is the order of the PK's indicators in the report's tables: appended, an indicator typed
    between two of its sasaran's rows was printed after both."""
    row = rows_of[iid]
    above = [k for k, i in enumerate(ids) if rows_of.get(i, row) < row]
    below = [k for k, i in enumerate(ids) if rows_of.get(i, row) > row]
    ids.insert(max(above) + 1 if above else min(below) if below else len(ids), iid)


def _renstra_owners(doc: YamlText) -> dict[str, tuple[MappingNode, str, list[str]]]:
    """Sasaran and tujuan ids -> (their mapping node, 'indikator', the ids listed now)."""
    out: dict[str, tuple[MappingNode, str, list[str]]] = {}

    def add(node: Node) -> None:
        ident = doc.get(node, "id")
        if ident is None or not isinstance(node, MappingNode):
            return
        listed = doc.get(node, "indikator")
        ids = [str(x) for x in (doc.value(listed[1]) or [])] if listed else []
        out[str(doc.value(ident[1]))] = (node, "indikator", ids)

    for t in getattr(doc.find(["tujuan"]), "value", []):
        add(t)
        sasaran = doc.get(t, "sasaran")
        for s in getattr(sasaran[1], "value", []) if sasaran else []:
            add(s)
    return out


def budget_index(doc: YamlText) -> dict[str, tuple[MappingNode, SequenceNode, int, SequenceNode | None]]:
    """Normalised code -> (mapping, the sequence holding it, its index there, the sequence of its children)."""
    out: dict[str, tuple[MappingNode, SequenceNode, int, SequenceNode | None]] = {}

    def walk(seq: Node | None, child_key: str | None, grandchild_key: str | None) -> None:
        if not isinstance(seq, SequenceNode):
            return
        for i, item in enumerate(seq.value):
            kode = doc.get(item, "kode")
            if kode is None:
                continue
            children = doc.get(item, child_key)[1] if child_key and doc.get(item, child_key) else None
            out[normalise_code(str(doc.value(kode[1])))] = (item, seq, i, children if isinstance(children, SequenceNode)
                                                             else None)  # type: ignore[assignment]
            if child_key:
                walk(children, grandchild_key, None)

    walk(doc.find(["program"]), "kegiatan", "sub_kegiatan")
    return out


def _add_in_sheet_order(doc: YamlText, seq: SequenceNode, node: BudgetNode, siblings: list[BudgetNode],
                        index: dict[str, tuple[MappingNode, SequenceNode, int, SequenceNode | None]],
                        origin: Origin) -> None:
    """A budget row new in the workbook, put in its parent's list of ``anggaran.yaml`` where the sheet has it: after
    the nearest row above it of the same parent that the file already has, else before the nearest one below it,
    else (the parent's rows all new) at the end.

    Appended at the end, a program, kegiatan or sub kegiatan typed between two rows of the sheet (in the order of
    its kode, as the DPA lists them) came last in the file, and so in the report's budget table and its PDF."""
    def in_file(rows: list[BudgetNode]) -> list[int]:
        """The places in ``seq`` of those of ``rows`` the file has."""
        kodes = (normalise_code(r.kode) for r in rows)
        return [index[k][2] for k in kodes if k in index and index[k][1] is seq]

    at = siblings.index(node)
    _add_between(doc, seq, item_body(node), origin, in_file(siblings[:at]), in_file(siblings[at + 1:]))


def _add_between(doc: YamlText, seq: SequenceNode, lines: list[str], origin: Origin, above: list[int],
                below: list[int]) -> None:
    """An item new in the workbook, put in ``seq`` where its sheet has it: after the item of the nearest row above
    it that the file already has (``above``: their places in ``seq``, in sheet order), else before the nearest one
    below it, else (all rows new) at the end. Several new rows between the same two stay in the sheet's order."""
    if above:
        doc.append_item(seq, lines, origin, after=above[-1])
    elif below:
        doc.insert_item(seq, below[0], lines, origin)
    else:
        doc.append_item(seq, lines, origin)


#: The order of a new indicator's keys where the indicator beside it has no say (the order imports always wrote).
INDICATOR_KEYS = ("id", "nama", "satuan", "polaritas", "jenis", "agregasi", "kualitatif", "definisi", "formula",
                  "sumber_data", "penanggung_jawab", "program", "kondisi_awal", "target_renstra", "target_akhir",
                  "target_nasional", "target", "realisasi")


def _keys_of(item: Node | None) -> list[str]:
    """The keys an item of the file writes, in its order (a merge key ``<<`` is none)."""
    if not isinstance(item, MappingNode):
        return []
    return [str(k.value) for k, _v in item.value if isinstance(k, ScalarNode) and k.tag != MERGE_TAG]


def _in_order_of(neighbour: list[str], entries: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """``entries`` (key, lines) in the order the neighbouring item writes its keys: a key it has at its place there,
    a key it lacks right after the nearest key before it in :data:`INDICATOR_KEYS` that it has (first, if none).
    ``program`` after ``jenis``, as a file writes it, stays there for the new indicator too."""
    def place(key: str) -> tuple[int, int, int]:
        canon = INDICATOR_KEYS.index(key) if key in INDICATOR_KEYS else len(INDICATOR_KEYS)
        if key in neighbour:
            return (neighbour.index(key), 0, canon)
        before = [neighbour.index(k) for k in INDICATOR_KEYS[:canon] if k in neighbour]
        return (max(before, default=-1), 1, canon)

    return sorted(entries, key=lambda entry: place(entry[0]))


def _not_editable(row: BudgetNode | str, edit: str = "baru") -> str:
    """Why an edit of a budget row (``edit``: a new row, "ubah" a changed one, "hapus" a deleted one) cannot be
    written, and what to write instead.

    The row, or the list a new row goes into, is in ``anggaran.yaml`` only through a YAML merge key
    (``<<: *rincian``), which the import does not edit: a list written beside it would replace the merged one, and
    a value changed in the anchor would change every place that names it. Any import into such a file stopped with
    "Ini kesalahan program"; read past the merge key, a new row there was passed over without a word ("Impor
    selesai", its pagu and realisasi in no file), and so was a changed or deleted one."""
    kode = row if isinstance(row, str) else row.kode
    norm = normalise_code(kode)
    level = level_of(norm) or "program"
    what = f"{TINGKAT[level].lower()} '{kode}'"
    merged = "ditulis lewat gabungan YAML ('<<:') yang tidak disunting impor"
    if edit == "hapus":
        return (f"{what} dihapus dari lembar ini, tetapi barisnya di data/anggaran.yaml {merged}; hapus {what} "
                "langsung di data/anggaran.yaml, atau kembalikan barisnya")
    if edit == "ubah":
        return (f"{what} diubah, tetapi barisnya di data/anggaran.yaml {merged}; tulis baris itu langsung di "
                "data/anggaran.yaml tanpa '<<:', lalu impor buku kerja ini lagi")
    parent = parent_code(norm)
    where = (f"daftar '{level}' di bawah {TINGKAT[level_of(parent) or 'program'].lower()} {parent}" if parent
             else "daftar 'program'")
    return (f"{what} tidak dapat ditambahkan: {where} di data/anggaran.yaml {merged}; tulis daftar itu langsung di "
            "data/anggaran.yaml tanpa '<<:', lalu impor buku kerja ini lagi")


def refuse_shared(docs: dict[str, YamlText], diags: Diagnostics) -> None:
    """Every edit a file's anchors, aliases or merge keys kept from being made (``YamlText.shared``) is an error at
    the cell (or CSV line) it came from, saying what to write in the YAML instead.

    Made, it changed figures the author never touched: a target written ``target: *t`` was edited in the anchor's
    text, so every indicator reading ``*t`` changed with it; passed over, a cell emptied where a merge key
    (``<<: *dasar``) supplied the value changed nothing, and the import said it had succeeded."""
    said: set[tuple[str, str]] = set()
    for name, doc in docs.items():
        for shared in doc.shared:
            origin, message = shared.origin, _shared_message(f"data/{name}", shared)
            if not isinstance(origin, Origin) or (str(origin), message) in said:
                continue
            said.add((str(origin), message))
            if origin.ref.isdigit():  # a CSV line
                diags.error((origin.where, int(origin.ref)), message)
                continue
            col = "".join(ch for ch in origin.ref if ch.isalpha()) or "A"  # a deleted row: its sheet's first cell
            diags.at_cell(origin.where, col, int("".join(ch for ch in origin.ref if ch.isdigit()) or 1), message)


def _shared_message(file: str, shared: Shared) -> str:
    """Why an edit was not written (see ``YamlText.shared``) and what to write in ``file`` instead."""
    name, line, uses, key = shared.name, shared.line, ", ".join(str(n) for n in shared.uses), shared.key
    refused = "perubahan ini tidak dapat ditulis"
    if shared.kind == "gabungan":
        source = f"jangkar '&{name}' di baris {uses}" if name else f"baris {uses}"
        return (f"{refused}: '{key}' di {file} datang dari gabungan YAML ('<<:' di baris {line}, isi {source}), yang "
                f"tidak dapat diubah atau dikosongkan lewat impor; hapus '<<:' itu dan tulis kunci-kuncinya (juga "
                f"'{key}') langsung di tempatnya, lalu impor lagi (atau ubah '{key}' di isi gabungannya bila memang "
                "untuk semua yang memakainya)")
    if shared.kind == "alias":
        return (f"{refused}: nilainya di {file} baris {line} ditulis sebagai alias YAML '*{name}' (isi jangkar "
                f"'&{name}' di baris {uses}), dan mengubah sebagiannya ikut mengubah setiap tempat yang memakai "
                f"'&{name}'; ganti '*{name}' di baris {line} dengan nilainya sendiri, lalu impor lagi")
    return (f"{refused}: nilainya di {file} baris {line} ditulis dengan jangkar YAML '&{name}', yang dibaca juga lewat "
            f"'*{name}' di baris {uses}, sehingga mengubahnya di sana ikut mengubah nilai di tempat lain; ganti setiap "
            f"'*{name}' dengan nilainya sendiri dan hapus '&{name}', lalu impor lagi")


def _walk(node: BudgetNode) -> list[BudgetNode]:
    return [node] + [n for c in node.children for n in _walk(c)]


def ancestors(kode: str) -> list[str]:
    out = []
    parent = parent_code(kode)
    while parent is not None:
        out.append(parent)
        parent = parent_code(parent)
    return out


def item_body(node: BudgetNode) -> list[str]:
    """A budget node as block lines (without the dash), children nested in the examples' style."""
    lines = [f"kode: {emit_text(node.kode)}", f"nama: {emit_text(node.nama)}"]
    if node.level == "program" and node.sasaran:
        lines.append(f"sasaran: {emit_text(node.sasaran)}")
    for key in ("pagu_tertulis", "realisasi_tertulis"):
        if getattr(node, key) is not None:
            lines.append(f"{key}: {emit_value(getattr(node, key))}")
    if node.children:
        lines.append(("kegiatan" if node.level == "program" else "sub_kegiatan") + ":")
        for c in node.children:
            lines.extend(item_lines(c, 2))
        return lines
    for key in ("indikator", "satuan"):
        if getattr(node, key):
            lines.append(f"{key}: {emit_text(getattr(node, key))}")
    for key in ("target", "realisasi_output", "pagu", "pagu_awal", "realisasi"):
        if getattr(node, key) is not None:
            lines.append(f"{key}: {emit_value(getattr(node, key))}")
    if node.realisasi_tw:
        lines.append(f"realisasi_tw: {emit_value(dict(sorted(node.realisasi_tw.items())))}")
    if node.jenis_belanja:
        lines.append(f"jenis_belanja: {node.jenis_belanja}")
    return lines


def item_lines(node: BudgetNode, indent: int) -> list[str]:
    body = item_body(node)
    pad = " " * indent
    return [pad + "- " + body[0]] + [pad + "  " + line for line in body[1:]]


def _same_shown(cell: Any, old: Any, col: L.Column) -> bool:
    """A derived cell equals a value as far as it is shown: percentages to two decimals, money to the rupiah."""
    if old is None:
        return cell is None or (isinstance(cell, str) and not cell.strip())
    if isinstance(old, Decimal) and isinstance(cell, (int, float)) and not isinstance(cell, bool):
        places = 0 if col.kind in ("money", "derived_money") else 2
        return round_half_up(Decimal(str(cell)), places) == round_half_up(old, places)
    return same(cell, old)


def _source(spec: L.Sheet, col: L.Column, key: Any) -> str:
    """Where the value of derived column ``col`` of row ``key`` is changed: a PK row's by its Bagian (the key's
    first part), a name's or a level's where it is written, a sum's or a capaian's in the numbers it is made of."""
    if spec.title == L.PK_FIXED.title and isinstance(key, tuple) and (col.key, key[0]) in L.PK_SOURCES:
        return L.PK_SOURCES[(col.key, key[0])]
    return col.source or "ubah angka asalnya"


def _show(v: Any, col: L.Column) -> str:
    if v is None:
        return "kosong"
    if isinstance(v, Decimal):
        return fmt_rupiah(v) if col.kind in ("money", "derived_money") else fmt_number(v)
    return str(v)


def _show1(v: Any) -> str:
    if v is None:
        return "–"
    if isinstance(v, Missing):
        return f"tidak ada ({v.reason})"
    if isinstance(v, tuple):
        return " / ".join(_show1(x) for x in v)
    if isinstance(v, Decimal):
        return fmt_value(v, max(0, -v.normalize().as_tuple().exponent) if v != v.to_integral_value() else 0)  # type: ignore[operator]
    return str(v)


def _show_periods(p: Periods) -> str:
    if set(p) == {"tahunan"}:
        return _show1(p["tahunan"])
    return ", ".join(f"{k} {_show1(v)}" for k, v in p.items())


def _show_map(m: dict[Any, Any]) -> str:
    return ", ".join(f"{k}: {_show1(v)}" for k, v in sorted(m.items())) or "–"

