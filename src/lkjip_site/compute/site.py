"""Stage 4 for the whole site: compute every report once, then record what ``check`` finds as diagnostics."""

from __future__ import annotations

from typing import Iterable, Sequence

from ..core.diagnostics import Diagnostics
from ..core.model import DATA_LICENCES, Glyphs, Loc, Report, Site, SiteConfig, loc_of
from ..core.timing import Stopwatch
from .check import check_report
from .findings import Finding
from .glyphs import check_config_glyphs
from .earlier import check_renames, same_instansi, spelled_otherwise
from .narrative import check_site_samples
from .report import compute_report


def compute_site(site: Site, diags: Diagnostics, watch: Stopwatch | None = None) -> None:
    """Derive every number once per report, then record every finding: some cross reports (other instansi names,
    an earlier year's figures against that year's report), so all numbers come first."""
    names = instansi_names(site)
    earlier = same_instansi(site.reports)
    spelled = spelled_otherwise(site.reports)
    for report in site.reports:
        compute_numbers(site, report, watch)
    for report in site.reports:
        compute_one(site, report, names, diags, watch, earlier[report.slug], spelled[report.slug])


def check_site_renames(reports: Sequence[Report], published: Iterable[tuple[str, str]], diags: Diagnostics) -> None:
    """What ``check`` finds in the earlier names of every report (``instansi.nama_sebelumnya``), at their lines;
    ``published``: the (nama, pemda) of every version published, whose names are known too (a report renamed in a
    new version of its own folder: the earlier name is then only its released version's). Read across all reports
    and cheap, so said on every build rather than kept with each report's findings."""
    for finding in check_renames(reports, published):
        loc = finding.loc or Loc("content", 1)  # always a report's line (``loc_of``)
        if finding.severity == "error":
            diags.error(loc, finding.message)
        else:
            diags.warn(loc, finding.message)


def check_config(config: SiteConfig, diags: Diagnostics, glyphs: Glyphs | None = None) -> None:
    """What ``check`` finds in situs.yaml itself (the sample values of ``lkjip init``, characters the theme's fonts
    lack), at its lines: said once per build, here, rather than with each report's findings, which would repeat it
    once per report."""
    for finding in [*check_site_samples(config), *check_data_licence(config), *check_config_glyphs(config, glyphs)]:
        diags.warn(finding.loc or config.loc, finding.message)


def check_data_licence(config: SiteConfig) -> list[Finding]:
    """No ``lisensi_data`` in situs.yaml: every version's open data is published without a licence, which a data
    catalogue (Satu Data Indonesia's CKAN) reads as "not open", and a reader cannot tell whether reuse is allowed.
    Said once, at situs.yaml (not per report); a version released so keeps its open data as it is."""
    if config.lisensi_data is not None:
        return []
    return [Finding("warning", config.loc, "lisensi_data belum ditulis: data terbuka setiap versi laporan (CSV, JSON, "
                    "datapackage.json) terbit tanpa lisensi, sehingga portal Satu Data dan pembaca tidak tahu apakah "
                    "data itu boleh dipakai ulang; tulis mis. 'lisensi_data: CC-BY-4.0' (pilihan: "
                    f"{', '.join(DATA_LICENCES)}) atau 'lisensi_data: {{nama: ..., url: ...}}' untuk lisensi lain, "
                    "sesuai ketentuan Satu Data daerah Anda", "lisensi-data")]


def instansi_names(site: Site) -> list[str]:
    """Every instansi of the site: a report that names another instansi in its narrative is checked against them."""
    return sorted({r.instansi.nama for r in site.reports})


def compute_numbers(site: Site, report: Report, watch: Stopwatch | None = None) -> None:
    """A report's numbers where it has none yet.

    Why "where it has none": a preview (``serve``) keeps a report's numbers while its ``laporan.yaml`` and ``data/``
    are as they were; what changed then (its chapters, the instansi names it is checked against) is read by the
    findings, not by the numbers."""
    if report.computed is None:
        with (watch or Stopwatch()).stage("hitung"):
            report.computed = compute_report(report, site.config.scales, site.config.skala_predikat,
                                             loc_of(site.config, "skala_predikat"))


def compute_one(site: Site, report: Report, names: list[str], diags: Diagnostics,
                watch: Stopwatch | None = None, earlier: Sequence[Report] = (), spelled: Sequence[Report] = ()) -> None:
    """One report: its numbers where it has none yet (and its ``earlier`` reports'), then its findings (``spelled``:
    the reports of its instansi that write its name or pemda otherwise)."""
    watch = watch or Stopwatch()
    for prev in (*earlier, report):
        compute_numbers(site, prev, watch)
    with watch.stage("periksa"):
        findings = list(check_report(report, report.computed, names, earlier, spelled, site.glyphs))
    for finding in findings:
        loc = finding.loc or report.loc
        if finding.severity == "error":
            diags.error(loc, finding.message)
        else:
            diags.warn(loc, finding.message)
