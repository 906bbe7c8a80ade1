"""Accessibility: axe-core finds no WCAG 2.1 A/AA violation on the site's page types.

axe-core comes bundled in the ``axe_playwright_python`` package (``axe.min.js``) and is injected
into the page from disk, so the check needs no network. Violations are printed per page, rule
and element so a failure says exactly what to fix in the theme.
"""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from .support import PageProbe, SiteMap

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS: dict[str, Any] = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS},
    "resultTypes": ["violations"],
}


@pytest.fixture(scope="module")
def axe() -> Axe:
    """The bundled axe-core, read once from the installed package."""
    return Axe()


def _describe(url: str, violations: list[dict[str, Any]]) -> str:
    """A readable account of violations: rule, impact, help text, then each failing element."""
    lines = [f"{url}: {len(violations)} pelanggaran"]
    for violation in violations:
        lines.append(f"  [{violation['id']}] ({violation.get('impact')}) {violation['help']}")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"      elemen: {target}")
            lines.append(f"      html:   {node.get('html', '').strip()[:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", " | ")
            if summary:
                lines.append(f"      sebab:  {summary[:400]}")
    return "\n".join(lines)


def _audit(axe: Axe, probe: PageProbe, urls: list[str]) -> None:
    """Run axe on each URL; fail once, listing the violations of every page that has any."""
    assert urls, "tidak ada halaman untuk diperiksa"
    reports = []
    for url in urls:
        probe.goto(url)
        probe.page.evaluate("document.fonts.ready")
        result = axe.run(probe.page, options=AXE_OPTIONS)
        violations = result.response["violations"]
        if violations:
            reports.append(_describe(url, violations))
    if reports:
        pytest.fail("Pelanggaran WCAG 2.1 A/AA (axe-core):\n" + "\n".join(reports), pytrace=False)
    assert probe.foreign_requests() == [], probe.foreign_requests()


def test_axe_home(axe: Axe, probe: PageProbe, site_map: SiteMap) -> None:
    """The home page (list of reports) has no WCAG 2.1 A/AA violation."""
    _audit(axe, probe, [site_map.home])


def test_axe_report_pages(axe: Axe, probe: PageProbe, site_map: SiteMap) -> None:
    """Every report page (cover data, key figures, chapter list) has no WCAG 2.1 A/AA violation."""
    _audit(axe, probe, [report.url for report in site_map.reports])


def test_axe_report_landing_pages(axe: Axe, probe: PageProbe, site_map: SiteMap) -> None:
    """Every report's landing page (list of published versions) has no WCAG 2.1 A/AA violation."""
    _audit(axe, probe, sorted({report.landing for report in site_map.reports}))


def test_axe_chapter_pages(axe: Axe, probe: PageProbe, site_map: SiteMap) -> None:
    """Every chapter of every report (tables, charts, footnotes, navigation) passes WCAG 2.1 A/AA."""
    _audit(axe, probe, [chapter for report in site_map.reports for chapter in report.chapters])


def test_axe_not_found_page(axe: Axe, probe: PageProbe, base_url: str) -> None:
    """The 404 page has no WCAG 2.1 A/AA violation."""
    _audit(axe, probe, [base_url + "/404.html"])
