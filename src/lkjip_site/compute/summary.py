"""The handful of figures a citizen looks for first (the report page's key figures), from the computed model."""

from __future__ import annotations

from ..core import fmt
from ..core.model import Report


def key_figures(report: Report) -> list[tuple[str, str, str]]:
    """(label, value, note) for the report page, every value read from the computed model."""
    c = report.computed
    if c is None:
        return []
    out: list[tuple[str, str, str]] = []
    if c.rata_rata is not None:
        label = c.predikat_rata_rata.label if c.predikat_rata_rata else ""
        out.append(("Rata-rata capaian kinerja", fmt.fmt_percent(c.rata_rata), label))
    measured = [i for i in c.indikator.values() if i.capaian.value is not None]
    if measured:
        reached = sum(1 for i in measured if i.capaian.value >= 100)
        out.append(("Indikator mencapai target", f"{reached} dari {len(measured)}", "capaian ≥ 100 %"))
    if c.anggaran is not None:
        out.append(("Pagu anggaran", fmt.fmt_rupiah(c.anggaran.total.pagu), ""))
        if c.anggaran.total.serapan is not None:
            out.append(("Serapan anggaran", fmt.fmt_percent(c.anggaran.total.serapan), "realisasi ÷ pagu"))
    if c.ikm is not None:
        out.append(("Indeks Kepuasan Masyarakat", fmt.fmt_number(c.ikm.nilai), f"mutu {c.ikm.mutu}"))
    return out
