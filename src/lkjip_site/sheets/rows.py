"""The rows of every sheet, made from a loaded report: what the export writes and what the import compares with.

One function per sheet, used both ways, is what makes an unedited round trip change nothing: the import reads the
workbook, builds the same rows from the current files, and only a cell that differs becomes an edit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..compute.budget import RE_KEGIATAN, RE_PROGRAM, RE_SUB, RE_SUB_LAMA, BudgetResult, normalise_code, pk_pagu_attr
from ..compute.capaian import Result, capaian
from ..compute.periods import cumulative, noted_capaian
from ..compute.report import ComputedReport
from ..compute.scales import classify_or_none
from ..core.model import QUARTERS, BudgetNode, Indicator, Missing, PeriodValues, Report, Value
from ..core.numbers import spreadsheet_digits, to_decimal
from .layout import PERIODS


@dataclass
class Row:
    """One row of a sheet: values by column key, which of them lkjip computed, and the key that identifies it."""

    key: Any
    values: dict[str, Any]
    derived: set[str] = field(default_factory=set)
    #: An empty row for the author to fill (the report's own year and period, no value yet): written to the sheet,
    #: left out of the digests, so a workbook exported without it is not taken for a changed one.
    blank: bool = False


def cell_value(v: Value | None) -> tuple[Any, str | None]:
    """A data value as (cell, reason): a number or grade in the cell, a missing value's reason beside it."""
    if isinstance(v, Missing):
        return None, v.reason
    return v, None


def placements(report: Report) -> dict[str, str]:
    """Indicator id -> the Renstra sasaran or tujuan whose ``indikator`` list names it (first one wins)."""
    out: dict[str, str] = {}
    ren = report.data.renstra
    if ren is None:
        return out
    for t in ren.tujuan:
        for i in t.indikator:
            out.setdefault(i, t.id)
        for s in t.sasaran:
            for i in s.indikator:
                out.setdefault(i, s.id)
    return out


def indicator_rows(report: Report) -> list[Row]:
    where = placements(report)
    rows = []
    for ind in report.data.indikator.values():
        rows.append(Row(ind.id, {
            "id": ind.id, "nama": ind.nama, "satuan": ind.satuan, "polaritas": ind.polaritas, "jenis": ind.jenis,
            "agregasi": ind.agregasi, "sasaran": where.get(ind.id), "program": ind.program,
            "kualitatif": ", ".join(ind.kualitatif) if ind.kualitatif else None,
            "definisi": ind.definisi or None, "formula": ind.formula or None,
            "sumber_data": ind.sumber_data or None, "penanggung_jawab": ind.penanggung_jawab or None,
        }))
    return rows


def _period_value(pv: PeriodValues | None, periode: str) -> Value | None:
    if pv is None:
        return None
    return pv.annual if periode == "tahunan" else pv.quarters.get(periode)


def _periods(pv: PeriodValues | None) -> set[str]:
    if pv is None:
        return set()
    return ({"tahunan"} if pv.annual is not None else set()) | set(pv.quarters)


def value_rows(report: Report, computed: ComputedReport) -> list[Row]:
    """Target and realisasi per indicator, year and period, with the capaian lkjip computes for that row.

    Each indicator also gets a row of the report's own year and period when it has no value there yet: after
    ``lkjip new --dari`` the exported workbook had no row of the new year at all, and the author had to type the
    ID, year and period of every indicator before a single target. Left empty, the row changes nothing."""
    rows = []
    own = (report.tahun, report.periode)
    for ind in report.data.indikator.values():
        for year in sorted(set(ind.target) | set(ind.realisasi) | {report.tahun}):
            tpv, rpv = ind.target.get(year), ind.realisasi.get(year)
            present = _periods(tpv) | _periods(rpv)
            for periode in (p for p in PERIODS if p in present or (year, p) == own):
                t, t_na = cell_value(_period_value(tpv, periode))
                r, r_na = cell_value(_period_value(rpv, periode))
                blank = periode not in present
                res = BLANK if blank else row_capaian(ind, tpv, rpv, periode, computed)
                pred = classify_or_none(computed.scale, res.for_average)
                rows.append(Row((ind.id, year, periode), {
                    "id": ind.id, "nama": ind.nama, "tahun": year, "periode": periode, "target": t,
                    "realisasi": r, "target_na": t_na, "realisasi_na": r_na, "capaian": res.value,
                    "predikat": pred.label if pred else None, "keterangan": res.reason or None,
                }, {"nama", "capaian", "predikat", "keterangan"}, blank))
    return rows


#: What an empty row of the report's own period says in its grey Keterangan cell.
BLANK = Result(None, reason="belum diisi: tulis target dan realisasinya di baris ini")


def row_capaian(ind: Indicator, tpv: PeriodValues | None, rpv: PeriodValues | None, periode: str,
                computed: ComputedReport) -> Result:
    """Capaian of one row: the year, or s.d. the quarter (cumulative), by the report's policy and the same formula.

    A year's row takes the year as an annual report does: its annual target, and its realisasi written for the year
    or for all four quarters. A quarterly report's workbook showed its year's row "0 · Tidak Berhasil" from TW I's
    realisasi against the year's target (the site: N/A), or graded the year from a TW IV survey alone."""
    annual = periode == "tahunan"
    t = cumulative(tpv, periode, ind.agregasi, annual_from_quarters=not annual)
    if annual and rpv is not None and rpv.annual is None and rpv.quarters and len(rpv.quarters) < len(QUARTERS):
        return Result(None, reason=f"realisasi setahun belum lengkap (hanya {', '.join(sorted(rpv.quarters))})")
    r = cumulative(rpv, periode, ind.agregasi)
    if t is None:
        return Result(None, reason="target belum diisi")
    return noted_capaian(capaian(t, r, ind.polaritas, computed.policy, ind.kualitatif), t, r)


def renstra_years(report: Report) -> list[int]:
    years: set[int] = set()
    if report.data.renstra is not None:
        years |= set(range(report.data.renstra.awal + 1, report.data.renstra.akhir + 1))
    for ind in report.data.indikator.values():
        years |= set(ind.target_renstra)
    return sorted(years)


def renstra_rows(report: Report, explicit_end: dict[str, Any]) -> list[Row]:
    """Kondisi awal, Renstra target per year, target akhir (only when written), national target."""
    years = renstra_years(report)
    rows = []
    for ind in report.data.indikator.values():
        values: dict[str, Any] = {"id": ind.id, "nama": ind.nama}
        if ind.kondisi_awal:
            values["kondisi_tahun"], values["kondisi_nilai"] = ind.kondisi_awal[0], cell_value(ind.kondisi_awal[1])[0]
        for y in years:
            values[f"target_{y}"] = cell_value(ind.target_renstra.get(y))[0]
        values["target_akhir"] = explicit_end.get(ind.id)
        if ind.target_nasional:
            values["nasional"], values["nasional_sumber"] = cell_value(ind.target_nasional[0])[0], ind.target_nasional[1]
        rows.append(Row(ind.id, values, {"nama"}))
    return rows


def pk_meta(report: Report) -> dict[str, Any]:
    pk = report.data.pk
    if pk is None:
        return {"tahun": None, "jenis": None, "tanggal": None}
    return {"tahun": pk.tahun, "jenis": pk.jenis, "tanggal": pk.tanggal}


def pk_rows(report: Report, computed: ComputedReport) -> list[Row]:
    pk = report.data.pk
    if pk is None:
        return []
    rows = []
    sasaran = {s.id: s.uraian for s in report.data.renstra.all_sasaran()} if report.data.renstra else {}
    for sid in pk.sasaran:
        rows.append(Row(("sasaran", sid), {"bagian": "sasaran", "id": sid, "uraian": sasaran.get(sid)}, _PK_DERIVED))
    for iid in computed.pk_indikator:
        ir = computed.indikator.get(iid)
        target = cell_value(ir.target_tahunan)[0] if ir else None
        rows.append(Row(("indikator", iid), {"bagian": "indikator", "id": iid, "uraian": ir.nama if ir else None,
                                             "satuan": ir.satuan if ir else None, "target": target}, _PK_DERIVED))
    budget = computed.anggaran
    attr = pk_pagu_attr(budget, pk.jenis) if budget else "pagu"
    for kode in pk.program:
        node = budget.find(kode) if budget else None
        rows.append(Row(("program", kode), {"bagian": "program", "id": kode, "uraian": node.nama if node else None,
                                            "pagu": getattr(node, attr) if node else None}, _PK_DERIVED))
    return rows


_PK_DERIVED = {"uraian", "satuan", "target", "pagu"}


def level_of(kode: str) -> str | None:
    """program, kegiatan or sub_kegiatan, read from the form of the code (Permendagri 90/2019)."""
    k = normalise_code(kode)
    if RE_PROGRAM.match(k):
        return "program"
    if RE_KEGIATAN.match(k):
        return "kegiatan"
    if RE_SUB.match(k) or RE_SUB_LAMA.match(k):
        return "sub_kegiatan"
    return None


def parent_code(kode: str) -> str | None:
    """The code of the node above: 7.01.02.2.01.0001 -> 7.01.02.2.01 -> 7.01.02 -> None."""
    level = level_of(kode)
    parts = normalise_code(kode).split(".")
    if level == "kegiatan":
        return ".".join(parts[:3])
    if level == "sub_kegiatan":
        return ".".join(parts[:5])
    return None


TINGKAT = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub kegiatan"}


def budget_rows(report: Report, computed: ComputedReport) -> list[Row]:
    """The budget tree in reading order; program and kegiatan rows show sums lkjip computed (locked)."""
    budget = report.data.anggaran
    if budget is None or computed.anggaran is None:
        return []
    results = {normalise_code(n.kode): n for n in computed.anggaran.nodes()}
    changed = computed.anggaran.pagu_awal is not None
    rows: list[Row] = []

    def visit(node: BudgetNode) -> None:
        res = results.get(normalise_code(node.kode))
        rows.append(budget_row(node, res, changed))
        for child in node.children:
            visit(child)

    for program in budget.program:
        visit(program)
    return rows


def budget_row(node: BudgetNode, res: BudgetResult | None, changed: bool) -> Row:
    """A node's row. A program's or kegiatan's pagu awal is the sum lkjip computes, shown (as its pagu is) only when
    some sub kegiatan writes one (``changed``); a sub kegiatan's is its ``pagu_awal`` as written, or empty."""
    values: dict[str, Any] = {"kode": node.kode, "nama": node.nama, "tingkat": TINGKAT.get(node.level, node.level),
                              "serapan": res.serapan if res else None,
                              "pagu_tertulis": node.pagu_tertulis, "realisasi_tertulis": node.realisasi_tertulis,
                              "sasaran": node.sasaran, "indikator": node.indikator or None,
                              "satuan": node.satuan or None, "jenis_belanja": node.jenis_belanja}
    values["target"] = cell_value(node.target)[0]
    values["realisasi_output"] = cell_value(node.realisasi_output)[0]
    derived = {"tingkat", "serapan"}
    if node.children:
        derived |= {"pagu", "pagu_awal", "realisasi", *QUARTERS}
        if res is not None:
            values.update(pagu=res.pagu, realisasi=res.realisasi, pagu_awal=res.pagu_awal if changed else None,
                          **{q: res.realisasi_tw.get(q) for q in QUARTERS})
    else:
        values["pagu"] = node.pagu
        values["pagu_awal"] = node.pagu_awal
        values["realisasi"], values["realisasi_na"] = cell_value(node.realisasi)
        values.update({q: node.realisasi_tw.get(q) for q in QUARTERS})
    return Row(normalise_code(node.kode), values, derived)


def same(a: Any, b: Any) -> bool:
    """Equal as the data means it: numbers by value (84.8 == 84.80), texts trimmed, empty text as nothing.

    Numbers are equal as far as a spreadsheet cell holds them (15 significant digits): a value of the YAML written
    with more digits comes back from its cell rounded, and was no change of the author's."""
    a, b = norm(a), norm(b)
    if isinstance(a, Decimal) and isinstance(b, Decimal):
        return a == b or spreadsheet_digits(a) == spreadsheet_digits(b)
    return a == b


def norm(v: Any) -> Any:
    if isinstance(v, str):
        v = v.strip()
        return v or None
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return to_decimal(v)
    if isinstance(v, dt.datetime):
        return v.date()
    return v
