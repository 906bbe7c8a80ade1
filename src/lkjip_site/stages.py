"""Glue between the build and the domain modules (compute/check, tables, charts, PDF).

Kept apart so ``build.py`` reads as a list of stages and each domain module stays free of build concerns.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .errors import Diagnostics
from .markdown import Parsed, Registry
from .model import Report, Site

if TYPE_CHECKING:
    from .cache import Memo


def compute_site(site: Site, diags: Diagnostics) -> None:
    """Stage 4: derive every number once per report and record what ``check`` finds."""
    from . import check, compute

    names = sorted({r.instansi.nama for r in site.reports})
    for report in site.reports:
        report.computed = compute.compute_report(report, site.config.scales, site.config.skala_predikat)
        for finding in check.check_report(report, report.computed, names):
            if finding.severity == "error":
                diags.error(finding.loc, finding.message)
            else:
                diags.warn(finding.loc, finding.message)


def make_registry(site: Site) -> Registry:
    """Every ``{tabel}`` and ``{grafik}`` kind the Markdown stage knows."""
    registry = Registry()
    try:
        from . import tables
    except ImportError:  # pragma: no cover - during development only
        return registry
    tables.register(registry)
    return registry


def values_resolver(site: Site) -> Callable[[Report, str], str]:
    """``{nilai}`path``` in narrative: the same computed value and formatting as in the tables."""
    from . import compute

    def resolve(report: Report, path: str) -> str:
        ref = compute.lookup(report.computed, path)
        if ref.reason:
            return f'<span class="na" title="{escape(ref.reason)}">{escape(ref.formatted())}</span>'
        return escape(ref.formatted())

    return resolve


def key_figures(report: Report) -> list[tuple[str, str, str]]:
    """The handful of numbers a citizen looks for first, all from the computed model."""
    from . import fmt

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


def render_pdfs(site: Site, parsed: Parsed, diags: Diagnostics, memo: "Memo") -> dict[str, bytes]:
    return {}
