"""The whole report: every indicator's results, sasaran averages, budget, efficiency, IKM and datasets in one tree.

:class:`ComputedReport` is what every table, chart, ``{nilai}`` reference and ``check`` reads, so each derived number
exists exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable

from ..core.compact import Compact
from ..core.deferred import Deferrable, Deferred
from ..core.model import CapaianPolicy, Indicator, Loc, Missing, Report, Scale, ScaleClass, Value, loc_of
from .budget import BudgetReport, compute_budget
from .capaian import Result, capaian, mean_capaian, na
from .comparisons import (NationalComparison, change_decimals, compare_national, delta, grade_trend,
                          kemajuan_renstra, trend, trend_words)
from .datasets import DatasetResult, dataset_table
from .efficiency import EFISIENSI, EfficiencyRow, efisiensi
from .figures import (
    Average,
    Counted,
    Figure,
    IndicatorCounts,
    SasaranMean,
    count_indicators,
    organisation_average,
    report_figures,
)
from .findings import Finding
from .ikm import IkmResult, ikm
from .periods import carried_note, cumulative, noted_capaian, quarter_findings, quarters_upto
from .scales import BUILTIN_SCALES, classify_or_none, resolve_scale, validate_scale


@dataclass(frozen=True, slots=True)
class YearPoint(Compact):
    tahun: int
    target: Value | None
    realisasi: Value | None
    capaian: Result


@dataclass(frozen=True, slots=True)
class QuarterPoint:
    tw: str
    target: Value | None
    realisasi: Value | None
    target_cumulative: Value | None
    realisasi_cumulative: Value | None
    capaian: Result  # cumulative realisasi vs cumulative target


@dataclass(slots=True)
class IndicatorResult:
    id: str
    nama: str
    satuan: str
    polaritas: str
    loc: Loc
    sasaran_id: str | None
    tahun: int
    periode: str
    target: Value | None  # current: annual or s.d. TW n
    realisasi: Value | None
    capaian: Result
    predikat: ScaleClass | None
    target_tahunan: Value | None
    riwayat: list[YearPoint]
    realisasi_lalu: Value | None
    delta: Decimal | None
    tren: str | None
    target_akhir: Value | None
    kemajuan: Result | None
    nasional: NationalComparison | None
    triwulan: list[QuarterPoint]
    program: str | None
    jenis: str
    kualitatif: list[str] | None

    @property
    def tren_teks(self) -> str | None:
        """``tren`` as tables and sentences print it: a negative indicator's says what it means ("naik
        (memburuk)"); a grade's direction is already its list's order from worst to best."""
        return self.tren if self.kualitatif else trend_words(self.tren, self.polaritas)

    @property
    def delta_decimals(self) -> int:
        """Decimals the change from last year is printed with (:func:`.comparisons.change_decimals`)."""
        return change_decimals(self.realisasi, self.realisasi_lalu) if self.delta is not None else 2

    @property
    def delta_note(self) -> str:
        """What the change from last year (``delta``, ``selisih``, ``tren``) says beside it when either year's
        realisasi is not its own quarter's (:func:`.periods.carried_note`), as that realisasi says it; "" otherwise.

        Marked, not N/A: a level taken from TW II (or a mean of TW I–II) is a measured level, as comparable with last
        year's as the realisasi s.d. TW III would be (the capaian beside it is computed and marked too), but the
        change "naik 1" was read as TW III's against last year's."""
        if self.delta is None and self.tren is None:
            return ""
        notes = (carried_note(self.realisasi, "realisasi"), carried_note(self.realisasi_lalu,
                                                                         f"realisasi {self.tahun - 1}"))
        return "; ".join(n for n in notes if n)

    @property
    def delta_reason(self) -> str:
        """Why there is no change from last year (``delta``, ``tren``): the N/A's reason, in a cell's title and a
        ``{nilai}``. It said "tidak ada realisasi tahun lalu" also beside last year's realisasi, shown in the row."""
        if self.realisasi_lalu is None or isinstance(self.realisasi_lalu, Missing):
            return "tidak ada realisasi tahun lalu"
        if self.realisasi is None or isinstance(self.realisasi, Missing):
            return "tidak ada realisasi tahun ini"
        if self.kualitatif:
            return "nilai kualitatif tidak memiliki selisih angka"
        return "realisasi triwulan yang dijumlahkan sejak awal tahun tidak sebanding dengan realisasi setahun"


@dataclass(slots=True)
class SasaranResult:
    id: str
    uraian: str
    indikator: list[str]
    capaian: Decimal | None
    predikat: ScaleClass | None
    terukur: int  # indicators that enter the average
    loc: Loc | None = None
    jumlah: IndicatorCounts | None = None  # the sasaran's indicators counted (the same rule as the report's)


@dataclass(slots=True)
class ComputedReport(Deferrable):
    """A report's numbers. Read back from the store, all but the named ``figures`` (what the pages above the
    reports show of it), the scale, the indicator ids and the scalars may come later (``core/deferred.py``)."""

    tahun: int
    periode: str
    instansi: str
    scale: Scale
    scale_problems: list[str]
    policy: CapaianPolicy
    indikator: dict[str, IndicatorResult]
    pk_indikator: list[str]  # indicators of the PK/report, in order: the report's set, which every count counts
    sasaran: dict[str, SasaranResult]
    rata_rata: Decimal | None  # = average.value
    predikat_rata_rata: ScaleClass | None
    predikat_jumlah: list[tuple[str, int]]  # = jumlah.predikat
    anggaran: BudgetReport | None
    efisiensi_metode: str
    efisiensi_deskripsi: str
    efisiensi: list[EfficiencyRow]
    efisiensi_sasaran: list[EfficiencyRow]
    ikm: IkmResult | None
    datasets: dict[str, DatasetResult]
    issues: list[Finding]
    jumlah: IndicatorCounts | None = None  # the report's indicators counted once (total, measured, reached ...)
    average: Average | None = None  # the organisation average by the chosen method, with its definition
    figures: dict[str, Figure] = field(default_factory=dict)  # every named figure by id ({nilai} path)
    #: the ids of ``indikator`` alone: read at once from the store with ``figures``, since a named figure is looked
    #: up only when no indicator takes its path (``refs.lookup``; indicator ids may hold dots)
    indikator_ids: frozenset[str] = frozenset()
    pk_jenis: str = ""  # the Perjanjian Kinerja's kind ("awal", "perubahan"; "" without one): a target may change
    deferred: Deferred | None = field(default=None, repr=False, compare=False)


#: The fields of ``ComputedReport`` a stored report state leaves for later (``build.ReportState``): all but the
#: named figures (the comparison pages' rows and charts read them for every report), the scale (the badges' colours)
#: and the scalars.
COMPUTED_LATER = ("scale_problems", "policy", "indikator", "pk_indikator", "sasaran", "predikat_rata_rata",
                  "predikat_jumlah", "anggaran", "efisiensi", "efisiensi_sasaran", "ikm", "datasets", "issues",
                  "jumlah", "average")


def _history(ind: Indicator, policy: CapaianPolicy, now: YearPoint | None = None) -> list[YearPoint]:
    """Each year's target, realisasi and capaian; ``now``, a quarterly report's own year, as the report has it (s.d.
    TW n). Taken as a whole year, a TW II report's "2024" was the quarters written (TW I–II's 6 beside 2023's 12,
    "turun" in its chart), or later quarters the data file already held (11 where the report said 2)."""
    years = sorted(set(ind.target) | set(ind.realisasi))
    out = []
    for y in years:
        if now is not None and y == now.tahun:
            out.append(now)
            continue
        t = cumulative(ind.target.get(y), "tahunan", ind.agregasi, annual_from_quarters=False)
        r = cumulative(ind.realisasi.get(y), "tahunan", ind.agregasi)
        out.append(YearPoint(y, t, r, noted_capaian(capaian(t, r, ind.polaritas, policy, ind.kualitatif), t, r)))
    return out


def _quarters(ind: Indicator, tahun: int, periode: str, policy: CapaianPolicy) -> list[QuarterPoint]:
    tpv, rpv = ind.target.get(tahun), ind.realisasi.get(tahun)
    if not ((tpv and tpv.quarters) or (rpv and rpv.quarters)):
        return []
    out = []
    for q in quarters_upto(periode):
        tk, rk = cumulative(tpv, q, ind.agregasi), cumulative(rpv, q, ind.agregasi)
        out.append(QuarterPoint(q, tpv.quarters.get(q) if tpv else None, rpv.quarters.get(q) if rpv else None,
                                tk, rk, noted_capaian(capaian(tk, rk, ind.polaritas, policy, ind.kualitatif), tk, rk)))
    return out


def _target_akhir(ind: Indicator) -> Value | None:
    if ind.target_akhir is not None:
        return ind.target_akhir
    if ind.target_renstra:
        return ind.target_renstra[max(ind.target_renstra)]
    return None


def compute_indicator(ind: Indicator, tahun: int, periode: str, policy: CapaianPolicy,
                      scale: Scale) -> IndicatorResult:
    """Everything derived for one indicator in the report's year/period."""
    tpv = ind.target.get(tahun)
    t = cumulative(tpv, periode, ind.agregasi, annual_from_quarters=False)
    r = cumulative(ind.realisasi.get(tahun), periode, ind.agregasi)
    if t is None:
        only_quarters = tpv is not None and bool(tpv.quarters)
        res = na(f"target tahunan {tahun} belum ditetapkan (hanya target triwulan)" if only_quarters
                 else f"target tahun {tahun} belum ditetapkan")
    else:
        res = noted_capaian(capaian(t, r, ind.polaritas, policy, ind.kualitatif), t, r)
    value = res.for_average
    pred = classify_or_none(scale, value)
    r_annual = cumulative(ind.realisasi.get(tahun), "tahunan", ind.agregasi)
    r_prev = cumulative(ind.realisasi.get(tahun - 1), "tahunan", ind.agregasi)
    # Quarterly: a cumulative count is not comparable with last year's annual total; levels (terakhir/rata_rata) are.
    current = r_annual if periode == "tahunan" else (r if ind.agregasi != "jumlah" else None)
    d = delta(current, r_prev)
    moved = trend(d) if d is not None else grade_trend(current, r_prev, ind.kualitatif)
    t_end = _target_akhir(ind)
    kemajuan = (noted_capaian(kemajuan_renstra(r, t_end, ind.polaritas, policy, ind.kualitatif), None, r)
                if t_end is not None else None)
    if kemajuan is not None and periode != "tahunan" and ind.agregasi == "jumlah":  # TW I's count was "133 %" of
        kemajuan = na(PARTIAL_COUNT_PROGRESS)  # the five-year end target (N/A, as its change from last year is)
    return IndicatorResult(
        id=ind.id, nama=ind.nama, satuan=ind.satuan, polaritas=ind.polaritas, loc=ind.loc,
        sasaran_id=ind.sasaran_id, tahun=tahun, periode=periode, target=t, realisasi=r, capaian=res,
        predikat=pred, target_tahunan=cumulative(tpv, "tahunan", ind.agregasi, annual_from_quarters=False),
        riwayat=_history(ind, policy, YearPoint(tahun, t, r, res) if periode != "tahunan" else None),
        realisasi_lalu=r_prev, delta=d, tren=moved, target_akhir=t_end,
        kemajuan=kemajuan,
        nasional=compare_national(r, ind.target_nasional, ind.polaritas, policy, ind.kualitatif),
        triwulan=_quarters(ind, tahun, periode, policy),
        program=ind.program, jenis=ind.jenis, kualitatif=ind.kualitatif)


#: Why a quarterly report has no Renstra progress for a count (agregasi jumlah).
PARTIAL_COUNT_PROGRESS = ("realisasi triwulan yang dijumlahkan sejak awal tahun tidak sebanding dengan target akhir "
                          "Renstra")


def _sasaran_list(report: Report) -> list[tuple[str, str, list[str], Loc | None]]:
    """(id, uraian, indicator ids, loc) for the sasaran of the PK (or of the Renstra / the indicators)."""
    data = report.data
    if data.renstra is not None:
        allowed = set(data.pk.sasaran) if data.pk and data.pk.sasaran else None
        return [(s.id, s.uraian, list(s.indikator), s.loc) for s in data.renstra.all_sasaran()
                if allowed is None or s.id in allowed]
    groups: dict[str, list[str]] = {}
    for ind in data.indikator.values():
        if ind.sasaran_id:
            groups.setdefault(ind.sasaran_id, []).append(ind.id)
    return [(k, k, v, None) for k, v in groups.items()]


def _counted(ir: IndicatorResult) -> Counted:
    return Counted(ir.id, ir.nama, ir.capaian, ir.predikat, bool(ir.kualitatif))


def counts_for(computed: ComputedReport, ids: list[str]) -> tuple[str, IndicatorCounts]:
    """The counts of a selection of indicators, and the id prefix of its named figures ("" when it has none).

    The report's own set (``indikator.*``) or one sasaran's (``sasaran.<id>.*``) are the figures computed once;
    any other selection (a chart of hand-picked indicators) is counted by the same rule and named as what it is.
    """
    if computed.jumlah is not None and set(ids) == set(computed.jumlah.ids):
        return "indikator", computed.jumlah
    for s in computed.sasaran.values():
        if s.jumlah is not None and s.jumlah.ids and set(ids) == set(s.jumlah.ids):
            return f"sasaran.{s.id}", s.jumlah
    items = [_counted(computed.indikator[i]) for i in ids if i in computed.indikator]
    return "", count_indicators(items, computed.scale, "indikator yang ditampilkan")


def _set_name(report: Report) -> str:
    """The report's set of indicators in words, as every count's definition names it."""
    data = report.data
    if data.pk and data.pk.indikator:
        return "indikator Perjanjian Kinerja"
    if data.renstra is not None:
        return "indikator sasaran Perjanjian Kinerja" if data.pk else "indikator sasaran Renstra"
    return "indikator laporan"


def _pk_indicators(report: Report, sasaran: list[tuple[str, str, list[str], Loc | None]]) -> list[str]:
    data = report.data
    if data.pk and data.pk.indikator:
        return list(data.pk.indikator)
    if sasaran:
        return [i for s in sasaran for i in s[2]]
    return list(data.indikator)


def _unknown_ids(report: Report, ids: Iterable[str], where: str, loc: Loc | None) -> list[Finding]:
    return [Finding("error", loc, f"indikator '{i}' pada {where} tidak ada di data indikator", "indikator-tidak-ada")
            for i in ids if i not in report.data.indikator]


def _efficiency_rows(method: str, inds: dict[str, IndicatorResult], order: list[str],
                     budget: BudgetReport | None, periode: str) -> list[EfficiencyRow]:
    if budget is None:
        return []
    rows = []
    for iid in order:
        ir = inds.get(iid)
        if ir is None or not ir.program:
            continue
        node = budget.find(ir.program)
        s = node.serapan if node else None
        rows.append(EfficiencyRow(iid, ir.nama, ir.capaian.for_average, s,
                                  efisiensi(method, ir.capaian.for_average, s, periode), ir.program))
    return rows


def _efficiency_sasaran(method: str, sasaran: dict[str, SasaranResult],
                        budget: BudgetReport | None, periode: str) -> list[EfficiencyRow]:
    if budget is None:
        return []
    rows = []
    for row in budget.per_sasaran:
        sr = sasaran.get(row.key)
        c = sr.capaian if sr else None
        rows.append(EfficiencyRow(row.key, sr.uraian if sr else row.key, c, row.serapan,
                                  efisiensi(method, c, row.serapan, periode)))
    return rows


def compute_report(report: Report, site_scales: dict[str, Scale] | None = None,
                   default_scale_id: str = "permendagri-86-2017", site_scale_loc: Loc | None = None) -> ComputedReport:
    """Build the one tree of derived values a report's tables, charts, references and checks read."""
    site_scales = site_scales or {}
    issues: list[Finding] = []
    try:
        scale = resolve_scale(report.skala_predikat or default_scale_id, report.scales, site_scales)
    except KeyError as exc:  # reported by check; computing on with a known scale keeps every other finding visible
        fallback = default_scale_id if default_scale_id in site_scales or default_scale_id in BUILTIN_SCALES \
            else "permendagri-86-2017"
        # at the skala_predikat that names it: the report's own, or the site's it inherits
        where = loc_of(report, "skala_predikat") if "skala_predikat" in report.lines else site_scale_loc or report.loc
        issues.append(Finding("error", where, f"{exc.args[0]}; dipakai skala '{fallback}'", "skala-tidak-dikenal"))
        scale = resolve_scale(fallback, site_scales)
    policy, tahun, periode = report.capaian, report.tahun, report.periode
    inds = {iid: compute_indicator(ind, tahun, periode, policy, scale)
            for iid, ind in report.data.indikator.items()}
    sas_list = _sasaran_list(report)
    order = _pk_indicators(report, sas_list)
    if report.data.pk:
        issues += _unknown_ids(report, report.data.pk.indikator, "Perjanjian Kinerja", report.data.pk.loc)
    counts = count_indicators([_counted(inds[i]) for i in order if i in inds], scale, _set_name(report))
    sasaran: dict[str, SasaranResult] = {}
    for sid, uraian, ids, sloc in sas_list:
        issues += _unknown_ids(report, ids, f"sasaran {sid}", sloc)
        for i in ids:
            if i in inds and not inds[i].sasaran_id:
                inds[i].sasaran_id = sid  # filled from the Renstra so tables can group by sasaran
        results = [inds[i].capaian for i in ids if i in inds]
        c = mean_capaian(results, policy.batas_100)
        sasaran[sid] = SasaranResult(sid, uraian, ids, c, classify_or_none(scale, c),
                                     sum(1 for r in results if r.for_average is not None), sloc,
                                     count_indicators([_counted(inds[i]) for i in ids if i in inds], scale,
                                                      f"indikator sasaran {sid}"))
    average = organisation_average(
        policy, [SasaranMean(s.id, tuple(s.indikator), s.capaian) for s in sasaran.values()], counts,
        {i: r.capaian for i, r in inds.items()})
    overall = average.value
    budget = compute_budget(report.data.anggaran, periode) if report.data.anggaran else None
    if budget:
        issues += budget.issues
    ikm_res = ikm(report.data.ikm) if report.data.ikm else None
    if ikm_res:
        issues += ikm_res.problems
    for ind in report.data.indikator.values():  # every level: tujuan, sasaran, program, kegiatan, sub kegiatan
        issues += quarter_findings(ind, periode, report.tahun)
    method = report.efisiensi or "rasio"
    if method not in EFISIENSI:
        issues.append(Finding("error", loc_of(report, "efisiensi"), f"metode efisiensi '{method}' tidak dikenal; pilih: {', '.join(EFISIENSI)}", "efisiensi-metode"))
        method = "rasio"
    return ComputedReport(
        tahun=tahun, periode=periode, instansi=report.instansi.nama, scale=scale,
        scale_problems=validate_scale(scale), policy=policy, indikator=inds, pk_indikator=order,
        sasaran=sasaran, rata_rata=overall, predikat_rata_rata=classify_or_none(scale, overall),
        predikat_jumlah=list(counts.predikat),
        anggaran=budget, efisiensi_metode=method, efisiensi_deskripsi=EFISIENSI[method],
        efisiensi=_efficiency_rows(method, inds, order, budget, periode),
        efisiensi_sasaran=_efficiency_sasaran(method, sasaran, budget, periode),
        ikm=ikm_res,
        datasets={k: dataset_table(v) for k, v in sorted(report.data.datasets.items())},
        issues=issues, jumlah=counts, average=average, indikator_ids=frozenset(inds),
        pk_jenis=report.data.pk.jenis if report.data.pk else "",
        figures=report_figures(counts, average, scale,
                               [(s.id, s.uraian, s.jumlah) for s in sasaran.values() if s.jumlah is not None],
                               budget, report.data.pk.program if report.data.pk else [], ikm_res,
                               report.data.pk.jenis if report.data.pk else ""))
