"""Last year's figures against last year's report: two reports of one instansi on a site must not disagree.

A report carries earlier years' realisasi (for its comparison table, its trend, its Δ) and last year's budget totals
(for the budget's change), typed again from the printed report. When that report is on the same site, the same
figure then stands in two places: IKKI 2023 was 85,32 in the 2024 report and 85,79 in the published 2023 report, and
"turun −2,92" was printed where the published figure gives −3,39, without a word. Each such figure is compared here
with the earlier report's own (annual reports of the same instansi and pemda), and a difference is a warning at the
line of the figure typed again, naming the report it differs from.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable, Sequence

from ..core.fmt import fmt_entered, fmt_rupiah, shown
from ..core.model import Loc, Report, loc_of
from .findings import Finding
from .periods import as_number, cumulative

CODE = "beda-laporan-lalu"


def same_instansi(reports: Sequence[Report]) -> dict[str, list[Report]]:
    """Per report slug, the annual reports of its instansi (same pemda, same name) of earlier years, newest first."""
    groups: dict[tuple[str, str], list[Report]] = {}
    for r in reports:
        groups.setdefault(_key(r), []).append(r)
    out: dict[str, list[Report]] = {}
    for r in reports:
        out[r.slug] = sorted((p for p in groups[_key(r)] if p.periode == "tahunan" and p.tahun < r.tahun),
                             key=lambda p: (-p.tahun, p.slug))
    return out


def check_earlier(report: Report, earlier: Iterable[Report]) -> list[Finding]:
    """Every figure of an earlier year that ``report`` types and an earlier report of its instansi computes."""
    out: list[Finding] = []
    seen: set[int] = set()
    for prev in earlier:
        if prev.tahun in seen or prev.computed is None:  # two reports of one year: the first (by slug) is compared
            continue
        seen.add(prev.tahun)
        out += _indicators(report, prev)
        if prev.tahun == report.tahun - 1:
            out += _budget(report, prev)
    return out


def _indicators(report: Report, prev: Report) -> list[Finding]:
    out = []
    for iid, ind in report.data.indikator.items():
        theirs = prev.computed.indikator.get(iid)
        pv = ind.realisasi.get(prev.tahun)
        if theirs is None or pv is None or theirs.satuan.strip() != ind.satuan.strip():
            continue  # an indicator the earlier report did not have, or measured in another unit: not the same figure
        mine, other = as_number(cumulative(pv, "tahunan", ind.agregasi)), as_number(theirs.realisasi)
        if mine is None or other is None or shown(mine) == shown(other):
            continue
        loc = pv.loc_of("tahunan") or pv.loc or ind.loc
        out.append(Finding("warning", loc, f"{iid}: realisasi {prev.tahun} tertulis {fmt_entered(mine)}, sedangkan "
                           f"laporan {prev.tahun} instansi ini ('{prev.slug}') mencatat {fmt_entered(other)}; samakan "
                           "angkanya, atau bila laporan itu yang keliru, perbaiki dan terbitkan ralatnya", CODE))
    return out


def _budget(report: Report, prev: Report) -> list[Finding]:
    source, theirs = report.data.anggaran, prev.computed.anggaran
    if source is None or source.tahun_lalu is None or theirs is None:
        return []
    out = []
    for n, (what, other) in enumerate((("pagu", theirs.total.pagu), ("realisasi", theirs.total.realisasi))):
        mine: Decimal = source.tahun_lalu[n]
        if other is None or mine == other:
            continue
        loc: Loc = loc_of(source, f"tahun_lalu.{what}", "tahun_lalu")
        out.append(Finding("warning", loc, f"tahun_lalu.{what} {fmt_rupiah(mine)}, sedangkan laporan {prev.tahun} "
                           f"instansi ini ('{prev.slug}') menghitung {what} {fmt_rupiah(other)}; samakan angkanya, "
                           "atau bila laporan itu yang keliru, perbaiki dan terbitkan ralatnya", CODE))
    return out


def _key(report: Report) -> tuple[str, str]:
    return report.instansi.pemda.strip().casefold(), report.instansi.nama.strip().casefold()
