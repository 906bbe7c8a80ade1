"""A PK Perubahan's changed targets: the target before and after, and why, as the report must say them.

After the APBD-Perubahan a dinas signs a PK Perubahan (``pk.yaml``: ``jenis: perubahan``): some targets and the
budget change in September, and the annual LKjIP reports against the revised targets. The Inspektorat and the SAKIP
evaluator then ask which targets changed and why; the published quarterly reports before the revision measured
against the first ones. The report only knew the revised targets, so "target awal → target perubahan" was written
nowhere. The author lists the changed targets in ``pk.yaml`` (``target_awal``: indicator, target of the PK awal,
reason); the ``{tabel} perubahan_target`` sets them out beside the revised target, the capaian table names them in a
note, and ``check`` reads the list (``target-awal``) and the reports published before the revision (``earlier``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..core.fmt import fmt_value_entered, shown
from ..core.model import Report, TargetAwal, Value, loc_of
from ..core.suggest import did_you_mean
from .findings import Finding
from .report import ComputedReport

CODE = "target-awal"


@dataclass(frozen=True)
class TargetChange:
    """One changed target as the report prints it: the PK awal's and the PK Perubahan's annual target."""

    indikator: str
    nama: str
    satuan: str
    awal: Value
    perubahan: Value | None
    alasan: str


def is_revised(report: Report) -> bool:
    """The report's PK is a PK Perubahan."""
    return report.data.pk is not None and report.data.pk.jenis == "perubahan"


def target_changes(report: Report) -> list[TargetChange]:
    """The PK Perubahan's changed targets, in the order of data/indikator.yaml (a cascaded PK changes targets of
    kegiatan indicators too); the reason of one that has none of its own is the PK's common one
    (``alasan_perubahan``). Empty for a PK awal."""
    pk, computed = report.data.pk, report.computed
    if pk is None or computed is None or not is_revised(report):
        return []
    written = {t.indikator: t for t in pk.target_awal}
    out = []
    for iid, ir in computed.indikator.items():
        t = written.get(iid)
        if t is not None:
            out.append(TargetChange(iid, ir.nama, ir.satuan, t.target, ir.target_tahunan,
                                    t.alasan or pk.alasan_perubahan))
    return out


def check_target_awal(report: Report, computed: ComputedReport) -> list[Finding]:
    """``target_awal`` under a PK awal; an entry of no indicator, written twice, equal to the revised target, or
    without a reason, each at its line."""
    pk = report.data.pk
    if pk is None or not pk.target_awal:
        return []
    if not is_revised(report):
        return [Finding("error", loc_of(pk, "target_awal"), "target_awal hanya untuk PK Perubahan, sedangkan "
                        "pk.yaml ini PK awal (jenis: awal); tulis 'jenis: perubahan' dan tanggal PK Perubahan bila "
                        "PK ini sudah diubah, atau hapus target_awal", CODE)]
    out: list[Finding] = []
    first: dict[str, int] = {}
    for t in pk.target_awal:
        if t.indikator in first:
            out.append(Finding("error", t.loc, f"target_awal {t.indikator} sudah ditulis di baris "
                               f"{first[t.indikator]}; satu butir per indikator, hapus salah satunya", CODE))
            continue
        first[t.indikator] = t.loc.line
        out += _entry(report, computed, t)
    return out


def _same(a: Value, b: Value) -> bool:
    """Two targets that print the same (a number at two decimals, a grade as written)."""
    if isinstance(a, Decimal) and isinstance(b, Decimal):
        return shown(a) == shown(b)
    return a == b


def _entry(report: Report, computed: ComputedReport, t: TargetAwal) -> list[Finding]:
    pk, ir = report.data.pk, computed.indikator.get(t.indikator)
    if ir is None:
        return [Finding("error", t.loc, f"target_awal: indikator '{t.indikator}' tidak ada di data/indikator.yaml"
                        f"{did_you_mean(t.indikator, computed.indikator)}; tulis id indikator yang targetnya diubah "
                        "PK Perubahan", CODE)]
    out = []
    now = ir.target_tahunan
    if now is not None and _same(now, t.target):
        out.append(Finding("warning", t.loc, f"target_awal {t.indikator}: {fmt_value_entered(t.target)} sama dengan "
                           f"target {report.tahun} di data/indikator.yaml; hapus butir ini bila target indikator ini "
                           "tidak berubah, atau tulis target menurut PK awal", CODE))
    if not t.alasan and pk is not None and not pk.alasan_perubahan:
        out.append(Finding("warning", t.loc, f"target_awal {t.indikator}: alasan perubahan target belum ditulis; "
                           "tulis 'alasan: …' (mis. penyesuaian dengan APBD Perubahan), atau 'alasan_perubahan: …' "
                           "di pk.yaml untuk semua target yang berubah", CODE))
    return out
