"""Inline references in the narrative (``{nilai}`IKU1.capaian```): a small path language over the computed model.

The renderer formats what :func:`lookup` returns with the same functions as the tables, so a number in a sentence
can never differ from the same number in a table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ..core import fmt
from ..core.model import Missing, ScaleClass, Value
from ..core.suggest import did_you_mean, listing
from .budget import BudgetReport, BudgetRow, serapan
from .capaian import Result
from .comparisons import NO_TARGET_AKHIR, change_decimals, delta
from .datasets import addend
from .datasets import share as share_of
from .efficiency import higher_counts
from .figures import BUDGET_LEVELS, Figure, slug
from .findings import ZERO
from .ikm import SKM_DECIMALS, IkmResult
from .periods import carried_note
from .report import ComputedReport, IndicatorResult

Kind = Literal["percent", "rupiah", "number", "points", "text"]


class UnknownReference(KeyError):
    """An inline reference to a value that does not exist (message in Indonesian)."""

    def __str__(self) -> str:  # KeyError would print the message with quotes
        return str(self.args[0]) if self.args else "referensi tidak dikenal"


@dataclass(frozen=True, slots=True)
class Ref:
    """A looked-up value and how to format it; ``value`` is Missing for N/A (printed 'N/A', reason beside it).

    ``nama`` and ``definisi`` are set for named figures (:mod:`.figures`): what is counted or averaged, and over
    which set, so a place that shows the value can also show what it means. ``note`` is said beside a value that is
    not the plain figure, as a table's lettered note says it: a value taken from an earlier quarter, a capaian set by
    a rule (printed with its note, as the reason of an N/A is).
    """

    value: Decimal | str | Missing
    kind: Kind
    path: str = ""
    decimals: int = 2  # 0 for counts (predikat.<label>.jumlah, ikm.responden)
    nama: str = ""
    definisi: str = ""
    note: str = ""

    def formatted(self, decimals: int | None = None) -> str:
        decimals = self.decimals if decimals is None else decimals
        if isinstance(self.value, Missing):
            return fmt.NA
        if isinstance(self.value, str) or self.kind == "text":
            return str(self.value)
        if self.kind == "percent":
            return fmt.fmt_percent(self.value, decimals)
        if self.kind == "rupiah":
            return fmt.fmt_rupiah(self.value)
        if self.kind == "points":
            return fmt.fmt_points(self.value, decimals)
        return fmt.fmt_number(self.value, decimals)

    @property
    def reason(self) -> str | None:
        return self.value.reason if isinstance(self.value, Missing) else None


def _unknown(path: str, hint: str = "") -> UnknownReference:
    msg = f"Referensi nilai '{path}' tidak dikenal"
    return UnknownReference(msg + (f": {hint}" if hint else ""))


def value_ref(v: Value | None, satuan: str, path: str, na_reason: str = "tidak tersedia", label: str = "nilai") -> Ref:
    """A target or realisasi of an indicator measured in ``satuan``: a number with its unit ("84,5 %" for "%"), as
    entered; a grade as text; N/A when missing; a value taken from an earlier quarter with its note, worded with
    ``label`` as the table's is. Public for the change page, which prints a ``{nilai}`` of an archived version from
    its open data and printed "84,50" where the chapter printed "84,50 %"."""
    if v is None:
        return Ref(Missing(na_reason), "number", path)
    if isinstance(v, Missing):
        return Ref(v, "number", path)
    note = carried_note(v, label)
    if isinstance(v, str):
        return Ref(v, "text", path, note=note)
    return Ref(v, "percent" if satuan.strip() == "%" else "number", path, fmt.entered_decimals(v), note=note)


def _result_ref(res: Result, path: str) -> Ref:
    if res.tidak_tercapai:
        return Ref(fmt.NOT_REACHED, "text", path)
    if res.value is None:
        return Ref(Missing(res.reason), "percent", path)
    return Ref(res.value, "percent", path, note=res.note)


def _class_ref(c: ScaleClass | None, path: str, reason: str = "") -> Ref:
    if c is None:
        return Ref(Missing(reason or "capaian tidak dapat dihitung"), "text", path)
    return Ref(c.label, "text", path)


def _indicator_ref(ir: IndicatorResult, attr: str, year: int | None, path: str) -> Ref:
    if year is not None and year != ir.tahun:
        if attr not in ("target", "realisasi", "capaian"):  # said first: "no data for 2022" sent authors to the data
            raise _unknown(path, f"dengan @tahun hanya target, realisasi atau capaian; '{attr}' tidak berubah per "
                                 f"tahun di sini, tulis {ir.id}.{attr} tanpa @{year}" if attr in INDICATOR_ATTRS else
                           f"dengan @tahun hanya target, realisasi atau capaian{did_you_mean(attr, INDICATOR_ATTRS)}")
        point = next((p for p in ir.riwayat if p.tahun == year), None)
        if point is None:
            raise _unknown(path, f"indikator {ir.id} tidak memiliki data tahun {year}")
        simple = {"target": point.target, "realisasi": point.realisasi}
        if attr in simple:
            return value_ref(simple[attr], ir.satuan, path, label=attr)
        return _result_ref(point.capaian, path)
    values = {"target": ir.target, "realisasi": ir.realisasi, "target_tahunan": ir.target_tahunan,
              "target_akhir": ir.target_akhir, "realisasi_lalu": ir.realisasi_lalu}
    if attr in values:
        missing = NO_TARGET_AKHIR if attr == "target_akhir" else "tidak tersedia"
        return value_ref(values[attr], ir.satuan, path, missing, "realisasi" if "realisasi" in attr else "target")
    if attr == "capaian":
        return _result_ref(ir.capaian, path)
    if attr == "predikat":
        return _class_ref(ir.predikat, path, ir.capaian.reason)
    if attr in ("nama", "satuan", "polaritas"):
        return Ref(str(getattr(ir, attr)), "text", path)
    if attr == "kemajuan":
        return _result_ref(ir.kemajuan, path) if ir.kemajuan else Ref(Missing(NO_TARGET_AKHIR),
                                                                          "percent", path)
    if attr == "delta":
        # in points, as the tables print it: a % indicator's "6 %" read as a relative change
        return Ref(ir.delta if ir.delta is not None else Missing(ir.delta_reason), "number", path, ir.delta_decimals,
                   note=ir.delta_note)
    if attr == "selisih":
        # the change without its sign, for a sentence whose direction is a word: "{nilai}`X.tren` sebesar
        # {nilai}`X.selisih`" reads "turun sebesar 3,20"; with ``delta`` it read "turun sebesar -3,20"
        return Ref(abs(ir.delta) if ir.delta is not None else Missing(ir.delta_reason), "number", path,
                   ir.delta_decimals, note=ir.delta_note)
    if attr == "tren":
        return Ref(ir.tren_teks or Missing(ir.delta_reason), "text", path, note=ir.delta_note)
    raise _unknown(path, f"atribut '{attr}' tidak ada untuk indikator{did_you_mean(attr, INDICATOR_ATTRS)} "
                         f"(atribut: {', '.join(INDICATOR_ATTRS)})")


#: The years of a change between two years (``<indikator>.delta@2021-2023``).
_YEAR_SPAN = re.compile(r"\s*(\d{4})\s*-\s*(\d{4})\s*")


def _change_ref(ir: IndicatorResult, attr: str, first: int, last: int, path: str) -> Ref:
    """``<indikator>.delta@<tahun awal>-<tahun akhir>``: the realisasi of ``last`` − that of ``first``, by the rule
    of the year table's change (:func:`.comparisons.delta`, printed with :func:`.comparisons.change_decimals`).

    Why: a trend chart's text says the change over the years it draws ("naik dari 80 (2021) menjadi 85 (2023)
    (+5)") and from the year before the last, which ``delta`` names only when those are the report's year and the one
    before; printed unmarked, the audit never compared them with the values beside them."""
    if attr != "delta":
        raise _unknown(path, f"dua tahun setelah '@' hanya untuk perubahan realisasi: tulis {ir.id}.delta@{first}-"
                             f"{last}")
    points = {p.tahun: p.realisasi for p in ir.riwayat}
    absent = [str(y) for y in (first, last) if y not in points]
    if absent or first >= last:
        raise _unknown(path, f"indikator {ir.id} tidak memiliki data tahun {', '.join(absent)}" if absent else
                       f"tahun awal ({first}) harus sebelum tahun akhir ({last}), mis. {ir.id}.delta@"
                       f"{min(first, last) - (first == last)}-{max(first, last)}")
    d = delta(points[last], points[first])
    if d is None:
        return Ref(Missing(f"realisasi {first} atau {last} bukan angka"), "number", path)
    return Ref(d, "number", path, change_decimals(points[last], points[first]))


INDICATOR_ATTRS = ("target", "realisasi", "capaian", "predikat", "target_tahunan", "target_akhir", "realisasi_lalu",
                   "kemajuan", "delta", "selisih", "tren", "nama", "satuan", "polaritas")
_BUDGET_ATTRS = ("pagu", "realisasi", "serapan", "sisa", "pagu_awal")
#: The whole budget's counts (``anggaran.jumlah_program`` …: :func:`.figures.budget_figures`).
_BUDGET_COUNTS = tuple(f"jumlah_{level}" for level in BUDGET_LEVELS)
#: The words a path may start with besides an indicator id: every head the resolver takes (the hint of an unknown path
#: lists them, and a misspelt one is matched against them).
PREFIXES = ("anggaran", "capaian", "ikm", "predikat", "laporan", "indikator", "sasaran", "pk", "data", "efisiensi")


def _budget_attr(pagu: Decimal, realisasi: Decimal, attr: str, path: str) -> Ref:
    if attr == "pagu":
        return Ref(pagu, "rupiah", path)
    if attr == "realisasi":
        return Ref(realisasi, "rupiah", path)
    if attr == "sisa":
        return Ref(pagu - realisasi, "rupiah", path)
    s = serapan(pagu, realisasi)
    return Ref(s if s is not None else Missing("pagu 0"), "percent", path)


def _budget_ref(c: ComputedReport, parts: list[str], path: str) -> Ref:
    b = c.anggaran
    if b is None:
        raise _unknown(path, "laporan tidak memiliki data anggaran")
    attr = parts[-1]
    middle = ".".join(parts[1:-1])
    if attr == "realisasi_sd" and not middle:
        return Ref(b.total.realisasi, "rupiah", path)  # the period's: the quarters' sum missed a year given whole
    if attr not in _BUDGET_ATTRS and attr != "nama":
        # the counts are named figures of the whole budget (found before this): "anggaran.jumlah_progam" meant one
        known = (*_BUDGET_ATTRS, *(() if middle else _BUDGET_COUNTS))
        raise _unknown(path, f"atribut anggaran harus salah satu dari {', '.join(known)} atau nama"
                             f"{did_you_mean(attr, (*known, 'nama'))}")
    if attr == "pagu_awal":
        return _pagu_awal_ref(b, middle, path)
    if not middle:
        if attr == "nama":
            raise _unknown(path)
        return _budget_attr(b.total.pagu, b.total.realisasi, attr, path)
    if middle == "jenis" and b.jenis_total is not None and attr != "nama":
        return _budget_attr(b.jenis_total.pagu, b.jenis_total.realisasi, attr, path)
    # without jenis belanja data, a path to it was looked up as a budget code: "kode anggaran 'jenis' tidak ada"
    if (middle == "jenis" and b.jenis_total is None) or (middle.startswith("jenis.") and not b.jenis_belanja):
        raise _unknown(path, "data anggaran ini tidak memuat rincian jenis belanja; isi 'jenis_belanja' di "
                             "data/anggaran.yaml (daftar tingkat berkas, atau pada setiap sub kegiatan)")
    if middle.startswith("sasaran.") and attr != "nama":
        key = middle[len("sasaran."):]
        srow = next((r for r in b.per_sasaran if r.key == key), None)
        if srow is None:
            raise _unknown(path, f"tidak ada program dengan sasaran '{key}' di data anggaran")
        return _budget_attr(srow.pagu, srow.realisasi, attr, path)
    if middle.startswith("jenis."):
        key = middle[len("jenis."):]
        row = next((r for r in b.jenis_belanja if r.key == key), None)
        if row is None:
            keys = [j.key for j in b.jenis_belanja]
            raise _unknown(path, f"jenis belanja '{key}' tidak ada{did_you_mean(key, keys)} (yang ada: {listing(keys)})")
        return Ref(row.label, "text", path) if attr == "nama" else _budget_attr(row.pagu, row.realisasi, attr, path)
    node = b.find(middle)
    if node is None:
        codes = [n.kode for n in b.nodes()]
        raise _unknown(path, f"kode anggaran '{middle}' tidak ada{did_you_mean(middle, codes)} (kode ditulis di "
                             "data/anggaran.yaml)")
    if attr == "nama":
        return Ref(node.nama, "text", path)
    return _budget_attr(node.pagu, node.realisasi, attr, path)


def _row_of(b: BudgetReport, middle: str) -> BudgetRow | None:
    """The flat row a path names: ``jenis`` (Σ jenis belanja), ``jenis.<key>``, ``sasaran.<id>``; else None."""
    if middle == "jenis":
        return b.jenis_total
    for prefix, rows in (("jenis.", b.jenis_belanja), ("sasaran.", b.per_sasaran)):
        if middle.startswith(prefix):
            return next((r for r in rows if r.key == middle[len(prefix):]), None)
    return None


def _pagu_awal_ref(b: BudgetReport, middle: str, path: str) -> Ref:
    """The pagu before the APBD Perubahan of the total or of a program, kegiatan or sub kegiatan. Only where a sub
    kegiatan writes its ``pagu_awal``: without one the report records no change, and a sentence naming a "pagu awal"
    equal to the pagu would say the budget was not changed where nobody wrote whether it was."""
    if b.pagu_awal is None:
        raise _unknown(path, "tidak ada sub kegiatan dengan pagu_awal di data/anggaran.yaml; tulis pagu_awal (pagu "
                             "menurut DPA sebelum APBD Perubahan) pada sub kegiatan yang pagunya diubah")
    if not middle:
        return Ref(b.pagu_awal, "rupiah", path)
    row = _row_of(b, middle)
    if row is not None:
        if row.pagu_awal is None:  # jenis belanja typed at file level carry no pagu awal
            raise _unknown(path, "rincian jenis belanja ditulis di tingkat berkas (jenis_belanja di data/anggaran.yaml) "
                                 "tanpa pagu awal; pagu awal per jenis belanja dihitung bila jenis_belanja ditulis "
                                 "pada setiap sub kegiatan")
        return Ref(row.pagu_awal, "rupiah", path)
    node = b.find(middle)
    if node is None:
        raise _unknown(path, f"pagu_awal ada untuk jumlah anggaran (anggaran.pagu_awal), jenis belanja, sasaran dan "
                             f"untuk kode program, "
                             f"kegiatan atau sub kegiatan; kode anggaran '{middle}' tidak ada"
                             f"{did_you_mean(middle, [n.kode for n in b.nodes()])}")
    return Ref(node.pagu_awal, "rupiah", path)


def _capaian_ref(c: ComputedReport, parts: list[str], path: str) -> Ref:
    sid = parts[1] if len(parts) > 1 else ""
    if sid in c.sasaran and len(parts) in (2, 3):
        s = c.sasaran[sid]
        if len(parts) == 2 or parts[2] == "capaian":
            return Ref(s.capaian if s.capaian is not None else Missing("tidak ada indikator yang terukur"),
                       "percent", path)
        if parts[2] == "predikat":
            return _class_ref(s.predikat, path)
    hint = did_you_mean(sid, [*c.sasaran, "rata_rata", "predikat", "metode"]) if sid else ""
    raise _unknown(path, f"gunakan capaian.rata_rata, capaian.predikat, capaian.metode, capaian.jumlah_indikator atau "
                         f"capaian.<id sasaran>{hint} "
                         f"(id sasaran ditulis di data/renstra.yaml; yang ada: {listing(c.sasaran)})")


def _ikm_ref(c: ComputedReport, parts: list[str], path: str) -> Ref:
    if c.ikm is None:
        raise _unknown(path, "laporan tidak memiliki data IKM")
    if len(parts) == 3:
        return _ikm_element_ref(c.ikm, parts[1], parts[2], path)
    attr = parts[1] if len(parts) == 2 else ""
    table: dict[str, Ref] = {
        "nilai": Ref(c.ikm.nilai, "number", path), "skm": Ref(c.ikm.skm, "number", path, SKM_DECIMALS),
        "mutu": Ref(c.ikm.mutu, "text", path), "kinerja": Ref(c.ikm.kinerja, "text", path),
    }
    if c.ikm.responden is not None:
        table["responden"] = Ref(Decimal(c.ikm.responden), "number", path, 0)
    if attr not in table:
        raise _unknown(path, "gunakan ikm.nilai, ikm.skm, ikm.mutu, ikm.kinerja, ikm.responden atau "
                             "ikm.<kode unsur>.<nilai|konversi|mutu|nama>"
                             + did_you_mean(attr, ("nilai", "skm", "mutu", "kinerja", "responden")))
    return table[attr]


_IKM_ELEMENT_ATTRS = ("nilai", "konversi", "mutu", "nama")


def _ikm_element_ref(ikm: IkmResult, kode: str, attr: str, path: str) -> Ref:
    """``ikm.U3.nilai``: one service element's NRR (1–4, as ``ikm.yaml`` names it), ``.konversi`` (× 25), ``.mutu``,
    ``.nama``. Why: the IKM table and chart print each element's value, and the audit compares only what is marked
    with an id; a chart that printed another NRR than the table beside it passed every build."""
    element = next((u for u in ikm.unsur if u.kode.strip().upper() == kode.strip().upper()), None)
    if element is None:
        kodes = [u.kode for u in ikm.unsur]
        raise _unknown(path, f"unsur IKM '{kode}' tidak ada{did_you_mean(kode, kodes)} (yang ada: {listing(kodes)})")
    if attr not in _IKM_ELEMENT_ATTRS:
        raise _unknown(path, f"atribut unsur IKM harus salah satu dari {', '.join(_IKM_ELEMENT_ATTRS)}"
                             f"{did_you_mean(attr, _IKM_ELEMENT_ATTRS)}")
    if attr in ("mutu", "nama"):
        return Ref(str(getattr(element, attr)), "text", path)
    return Ref(element.nrr if attr == "nilai" else element.konversi, "number", path)


def _predikat_ref(c: ComputedReport, parts: list[str], path: str) -> Ref:
    if len(parts) != 3 or parts[2] != "jumlah":
        raise _unknown(path, "gunakan predikat.<label>.jumlah")
    labels = [slug(k.label) for k in c.scale.classes]
    raise _unknown(path, f"predikat '{parts[1]}' tidak ada pada skala '{c.scale.nama}'"
                         f"{did_you_mean(slug(parts[1]), labels)} (predikat: {', '.join(labels)})")


def _set_ref(c: ComputedReport, parts: list[str], path: str) -> Ref:
    if parts[0] == "sasaran" and len(parts) > 1 and parts[1] not in c.sasaran:
        raise _unknown(path, f"sasaran '{parts[1]}' tidak ada{did_you_mean(parts[1], c.sasaran)} "
                             f"(yang ada: {listing(c.sasaran)})")
    raise _unknown(path, "gunakan indikator.<jumlah|terukur|tidak_terukur|kualitatif|mencapai_target|belum_mencapai>, "
                         "sasaran.<id sasaran>.<yang sama> atau pk.anggaran")


def _laporan_ref(c: ComputedReport, parts: list[str], path: str) -> Ref:
    attrs = {"tahun": str(c.tahun), "periode": c.periode, "instansi": c.instansi, "skala": c.scale.nama,
             "efisiensi": c.efisiensi_deskripsi}
    attr = parts[1] if len(parts) == 2 else ""
    if attr in attrs:
        return Ref(str(attrs[attr]), "text", path)
    known = [*attrs, "jumlah_indikator"]
    raise _unknown(path, f"gunakan laporan.<atribut>{did_you_mean(attr, known)} (atribut: {', '.join(known)})")


def _dataset_ref(c: ComputedReport, parts: list[str], path: str) -> Ref:
    """``data.<dataset>.<kolom>.<baris>``: one number of a data file (``baris``: the row's number from 1, or its
    name in the first column), or ``jumlah``, the column's total as the dataset table's Jumlah row prints it.
    ``<kolom>`` may be several columns joined by "+" (``data.penduduk.Laki-laki+Perempuan.3``): the row's sum across
    them, as a dataset table's "Jumlah" column and a stacked chart print it (``…+….jumlah``: their total). After
    a row or ``jumlah``, ``.persen``: its share of the ``jumlah`` of the same column(s), as a dataset table's
    "Persentase" and a donut chart print it.

    Why: the dataset table's cells are marked with these ids for the consistency audit, so a table that prints a
    number otherwise than as written (rounded "1,13" beside the chart's "1,1250") is found as any other figure is;
    and a sentence can cite a dataset's total without typing it. The sums and shares were printed unmarked, never
    compared. Ids and column names may hold dots: the longest dataset id, then the longest column name (at each
    "+"), that the path starts with."""
    rest = ".".join(parts[1:])
    ids = sorted((d for d in c.datasets if rest.startswith(d + ".")), key=len, reverse=True)
    if not ids:
        raise _unknown(path, f"gunakan data.<id data>.<kolom>.<nomor baris|jumlah>{did_you_mean(parts[1], c.datasets)}"
                             f" (data laporan ini: {listing(c.datasets)})")
    ds = c.datasets[ids[0]]
    rest = rest[len(ds.id) + 1:]
    found = _dataset_columns(ds.columns, rest)
    if found is None:
        raise _unknown(path, f"kolom '{rest.rpartition('.')[0] or rest}' tidak ada pada data '{ds.id}' (kolom: "
                             f"{', '.join(ds.columns[1:])}; beberapa kolom dijumlahkan ditulis dengan +)")
    columns, row = found
    labels = [str(r[0]) for r in ds.rows]

    def index(name: str) -> int:
        at = int(name) - 1 if name.isdigit() else labels.index(name) if name in labels else -1
        return at if 0 <= at < len(ds.rows) else -1
    share = row.endswith(".persen") and index(row) < 0 and (row == "jumlah.persen" or index(row[:-7]) >= 0)
    row = row[:-len(".persen")] if share else row
    at = index(row)
    value: str | Decimal | None
    if len(columns) == 1 and not share:
        value = ds.column_totals.get(columns[0]) if row == "jumlah" else ds.rows[at][columns[0]] if at >= 0 else None
    else:
        total = sum((addend(r[i]) for r in ds.rows for i in columns), ZERO)
        value = total if row == "jumlah" else sum((addend(ds.rows[at][i]) for i in columns), ZERO) if at >= 0 else None
        if share and value is not None:
            part = share_of(value, total)
            return Ref(part if part is not None else Missing("jumlahnya 0"), "percent", path)
    if value is None:
        raise _unknown(path, f"baris '{row}' tidak ada pada data '{ds.id}' (tulis nomor baris 1–{len(ds.rows)}, "
                             f"nama baris di kolom {ds.columns[0]}, atau jumlah untuk kolom yang dijumlahkan; "
                             "bagiannya dari jumlah: tambahkan .persen)")
    if isinstance(value, str):
        return Ref(value, "text", path)
    exponent = value.as_tuple().exponent
    return Ref(value, "number", path, max(0, -exponent) if isinstance(exponent, int) else 0)


def _dataset_columns(columns: list[str], rest: str) -> tuple[list[int], str] | None:
    """The indexes of the column, or the columns joined by "+", that ``rest`` starts with, and what follows them
    after a dot; None when it names none. A column whose own name holds the "+" is taken whole first."""
    taken: list[int] = []
    pos = 0
    while True:
        names = [n for n in columns[1:]
                 if rest.startswith(n, pos) and rest[pos + len(n):pos + len(n) + 1] in (".", "+")]
        if not names:
            return None
        name = max(names, key=len)
        taken.append(columns.index(name))
        pos += len(name) + 1
        if rest[pos - 1] == ".":
            return taken, rest[pos:]


#: The efficiency chart's counts (:func:`.efficiency.higher_counts`), in its order.
_EFFICIENCY_COUNTS = ("capaian_lebih_tinggi", "terbandingkan")


def _efficiency_ref(c: ComputedReport, parts: list[str], path: str) -> Ref:
    """``efisiensi.<indikator>.nilai``: the efficiency of an indicator's row (its capaian against the serapan of the
    program it names), ``efisiensi.sasaran.<sasaran>.nilai``: of a sasaran's row; as the efficiency table's "Nilai
    efisiensi" and the chart's data table print it ("2,53 %", "19,15 poin", "1,04"; N/A with its reason).

    Why: the table and the chart printed the value unmarked, so the consistency audit never compared it, and a chart
    that printed another efficiency than the table beside it passed every build. The ids follow the capaian and
    serapan ids of the same row (``<indikator>.capaian``, ``anggaran.sasaran.<sasaran>.serapan``); indicator ids may
    hold dots (the path's middle is the id). ``efisiensi[.sasaran].capaian_lebih_tinggi`` and ``….terbandingkan``:
    the chart's "Pada 9 dari 21 indikator, capaian kinerja lebih tinggi daripada serapan anggaran"."""
    key, attr = ".".join(parts[1:-1]), parts[-1]
    if key in ("", "sasaran") and attr in _EFFICIENCY_COUNTS:
        counts = higher_counts(c.efisiensi_sasaran if key else c.efisiensi)
        return Ref(Decimal(counts[_EFFICIENCY_COUNTS.index(attr)]), "number", path, 0)
    rows = c.efisiensi
    if key.startswith("sasaran.") and not any(r.key == key for r in rows):
        rows, key = c.efisiensi_sasaran, key[len("sasaran."):]
    row = next((r for r in rows if r.key == key), None)
    if row is None or attr != "nilai":
        per = "sasaran" if rows is c.efisiensi_sasaran else "indikator"
        keys = [r.key for r in rows]
        raise _unknown(path, f"gunakan efisiensi.<id indikator>.nilai, efisiensi.sasaran.<id sasaran>.nilai atau "
                             f"efisiensi[.sasaran].<{'|'.join(_EFFICIENCY_COUNTS)}>; "
                             f"{per} dengan efisiensi: {listing(keys)}" + (did_you_mean(key, keys) if row is None
                                                                           else did_you_mean(attr, ("nilai",))))
    result = row.result
    value = result.value if result.value is not None else Missing(result.reason)
    kind: Kind = "points" if result.kind == "points" else "number" if result.kind == "number" else "percent"
    return Ref(value, kind, path)


def _figure_ref(f: Figure, path: str) -> Ref:
    kind: Kind = "number" if f.kind == "count" else f.kind
    return Ref(f.value, kind, path, 0 if f.kind == "count" else 2, f.nama, f.definisi)


def _named(computed: ComputedReport, path: str) -> Ref | None:
    """A named figure (counts, averages, totals), by its id; predikat labels are matched loosely."""
    f = computed.figures.get(path)
    if f is None and path.startswith("predikat.") and path.endswith(".jumlah"):
        f = computed.figures.get(f"predikat.{slug(path[len('predikat.'):-len('.jumlah')])}.jumlah")
    return _figure_ref(f, path) if f is not None else None


def _indicator_meant(computed: ComputedReport, base: str, attr: str, year: int | None = None) -> str:
    """"; mungkin maksudnya indikator 'IKM.capaian'" when a path under one of our prefixes is an indicator's in
    other letters: ``ikm.capaian`` for the indicator IKM was "laporan tidak memiliki data IKM", the survey's."""
    meant = next((i for i in computed.indikator if i.casefold() == base.casefold()), None)
    if meant is None or attr not in INDICATOR_ATTRS:
        return ""
    at = f"@{year}" if year is not None else ""
    return (f"; mungkin maksudnya indikator '{meant}.{attr}{at}' (id indikator ditulis persis seperti di "
            "data/indikator.yaml, huruf besar dan kecilnya juga)")


def lookup(computed: ComputedReport, path: str) -> Ref:
    """Resolve an inline reference such as ``IKU1.capaian`` or ``anggaran.7.01.02.pagu``.

    Named figures first (:mod:`.figures`, with a name and a definition): ``indikator.jumlah|terukur|tidak_terukur|
    kualitatif|mencapai_target|belum_mencapai``, ``sasaran.<sasaran>.<the same>``, ``predikat.<label>.jumlah``,
    ``capaian.rata_rata|predikat|metode|jumlah_indikator``, ``anggaran.pagu|realisasi|serapan|sisa``, ``pk.anggaran``,
    ``ikm.nilai``, ``laporan.jumlah_indikator``. Then: ``<indikator>.target|realisasi|capaian|predikat|satuan|nama|
    kemajuan|delta|tren|target_akhir``, ``<indikator>.<attr>@<tahun>``, ``<indikator>.delta@<tahun>-<tahun>``;
    ``anggaran.<kode>.<attr>``,
    ``anggaran.jenis.<jenis>.<attr>``, ``anggaran.jenis.<attr>`` (all jenis rows), ``anggaran.sasaran.<sasaran>.<attr>``,
    ``anggaran.realisasi_sd``; ``capaian.<sasaran>[.predikat]``; ``ikm.skm|mutu|kinerja|responden``,
    ``ikm.<unsur>.nilai|konversi|mutu|nama``; ``laporan.tahun|periode|instansi|skala|efisiensi``;
    ``data.<dataset>.<kolom>.<baris|jumlah>``; ``efisiensi.<indikator>.nilai``,
    ``efisiensi.sasaran.<sasaran>.nilai``, ``efisiensi[.sasaran].capaian_lebih_tinggi|terbandingkan``. Unknown
    paths raise :class:`UnknownReference`.
    """
    p = path.strip()
    year: int | None = None
    if "@" in p:
        p, _, ys = p.partition("@")
        span = _YEAR_SPAN.fullmatch(ys)
        if span is not None and p.rpartition(".")[0] in computed.indikator:
            return _change_ref(computed.indikator[p.rpartition(".")[0]], p.rpartition(".")[2], int(span[1]),
                               int(span[2]), path)
        if not ys.strip().isdigit():
            raise _unknown(path, "tahun setelah '@' harus berupa angka (dua tahun hanya untuk perubahan realisasi, "
                                 "mis. IKU1.delta@2021-2023)")
        year = int(ys)
    base, _, attr = p.rpartition(".")
    named = _named(computed, p) if year is None and base not in computed.indikator_ids else None
    if named is not None:
        return named
    if base in computed.indikator:  # indicator ids may themselves contain dots ("IKU.1")
        return _indicator_ref(computed.indikator[base], attr, year, path)
    parts = p.split(".")
    head = parts[0]
    if year is not None:
        raise _unknown(path, "'@tahun' hanya untuk indikator" + _indicator_meant(computed, base, attr, year))
    handlers = {"anggaran": _budget_ref, "capaian": _capaian_ref, "ikm": _ikm_ref, "predikat": _predikat_ref,
                "laporan": _laporan_ref, "indikator": _set_ref, "sasaran": _set_ref, "pk": _set_ref,
                "data": _dataset_ref, "efisiensi": _efficiency_ref}
    if head in handlers and len(parts) >= 2:
        try:
            return handlers[head](computed, parts, path)
        except UnknownReference as exc:
            raise UnknownReference(f"{exc}{_indicator_meant(computed, base, attr)}") from None
    if head in computed.indikator:
        raise _unknown(path, f"gunakan <indikator>.<atribut>, mis. {head}.capaian")
    name = base or head
    raise _unknown(path, f"'{name}' bukan id indikator{did_you_mean(name, [*computed.indikator, *PREFIXES])}; id "
                         f"indikator ditulis di data/indikator.yaml (yang ada: {listing(computed.indikator)}); "
                         f"awalan lain: {', '.join(PREFIXES)}")
