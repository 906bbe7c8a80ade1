"""Stage 4 for the whole site: compute every report once, then record what ``check`` finds as diagnostics."""

from __future__ import annotations

from ..core.diagnostics import Diagnostics
from ..core.model import Site, loc_of
from ..core.timing import Stopwatch
from .check import check_report
from .report import compute_report


def compute_site(site: Site, diags: Diagnostics, watch: Stopwatch | None = None) -> None:
    """Derive every number once per report and record every finding (other instansi names cross reports)."""
    watch = watch or Stopwatch()
    names = sorted({r.instansi.nama for r in site.reports})
    for report in site.reports:
        with watch.stage("hitung"):
            report.computed = compute_report(report, site.config.scales, site.config.skala_predikat,
                                             loc_of(site.config, "skala_predikat"))
        with watch.stage("periksa"):
            findings = list(check_report(report, report.computed, names))
        for finding in findings:
            loc = finding.loc or report.loc
            if finding.severity == "error":
                diags.error(loc, finding.message)
            else:
                diags.warn(loc, finding.message)
