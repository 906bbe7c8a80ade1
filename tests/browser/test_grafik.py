"""Charts in a real browser: readable as static SVG with JavaScript off, interactive with it on, nothing fetched
from elsewhere, no console errors, and no WCAG 2.1 A/AA violation on chart pages once upgraded.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .support import PageProbe, SiteMap, open_probe
from .test_axe import AXE_OPTIONS, _describe

UPGRADE_TIMEOUT_MS = 20_000


@pytest.fixture(scope="module")
def chart_pages(site_map: SiteMap, browser, base_url: str) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    """Every chapter page with at least one chart, and how many charts it holds."""
    context, crawler = open_probe(browser, base_url, java_script_enabled=False)
    try:
        found = []
        for report in site_map.reports:
            for url in report.chapters:
                crawler.goto(url)
                count = crawler.page.locator("figure.grafik").count()
                if count:
                    found.append((url, count))
        return found
    finally:
        context.close()


@pytest.fixture()
def no_js(browser, base_url: str) -> Iterator[PageProbe]:  # type: ignore[no-untyped-def]
    context, probe = open_probe(browser, base_url, java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        yield probe
    finally:
        context.close()


def test_example_reports_have_charts(chart_pages: list[tuple[str, int]]) -> None:
    assert sum(count for _, count in chart_pages) >= 6, chart_pages


def test_every_chart_is_visible_svg_without_javascript(no_js: PageProbe, chart_pages: list[tuple[str, int]]) -> None:
    for url, count in chart_pages:
        no_js.goto(url)
        figures = no_js.page.locator("figure.grafik")
        for i in range(count):
            figure = figures.nth(i)
            # two layouts of the same chart (wide and phone); CSS shows exactly one
            svg = figure.locator(".grafik-svg svg >> visible=true")
            assert svg.count() == 1, f"{url}: grafik ke-{i + 1} tanpa SVG statis"
            box = svg.bounding_box()
            assert box and box["width"] > 100 and box["height"] > 40, f"{url}: grafik ke-{i + 1} tidak terlihat"
            assert figure.locator("figcaption .nomor").inner_text().split()[0] in ("Gambar", "Grafik")
            assert figure.locator(".grafik-ringkasan").inner_text().strip(), f"{url}: ringkasan kosong"
            assert figure.locator("details table tbody tr").count() >= 1, f"{url}: tabel data kosong"
        assert no_js.problems() == [], no_js.problems()


def test_charts_upgrade_to_interactive_offline(probe: PageProbe, chart_pages: list[tuple[str, int]]) -> None:
    axe = Axe()
    for url, count in chart_pages:
        probe.goto(url)
        # counted by the selector engine: a string predicate polled by wait_for_function is evaluated with eval,
        # which the site's Content-Security-Policy forbids, so a chart upgraded a poll late failed the test
        expect(probe.page.locator("figure.grafik.grafik-interaktif")).to_have_count(count, timeout=UPGRADE_TIMEOUT_MS)
        # the interactive chart replaced the static one and answers the pointer with a tooltip
        figure = probe.page.locator("figure.grafik").first
        assert figure.locator(".grafik-vega svg").count() == 1
        mark = figure.locator(".grafik-vega svg .mark-rect path, .grafik-vega svg .mark-rect rect").first
        if mark.count():
            mark.hover(force=True)
            probe.page.wait_for_timeout(200)
            tooltip = probe.page.locator("#vg-tooltip-element")
            assert tooltip.count() == 1 and tooltip.inner_text().strip(), f"{url}: tooltip tidak muncul"
        result = axe.run(probe.page, options=AXE_OPTIONS)
        assert not result.response["violations"], _describe(url, result.response["violations"])
        assert probe.problems() == [], probe.problems()


# The browser's data saver (Chrome's "Hemat data" / Lite mode) as a page sees it: navigator.connection.saveData.
SAVE_DATA = "Object.defineProperty(navigator, 'connection', {value: {saveData: true, effectiveType: '4g'}});"


def test_charts_stay_static_when_the_reader_saves_data(browser, base_url: str,  # type: ignore[no-untyped-def]
                                                       chart_pages: list[tuple[str, int]]) -> None:
    """On a phone whose browser saves data, a chapter with charts fetched the Vega bundle (930 KB, again for every
    report version) only for tooltips; the static charts show the same, so it is not fetched, and nothing fails."""
    context, probe = open_probe(browser, base_url, viewport={"width": 360, "height": 740}, device_scale_factor=2,
                                is_mobile=True, has_touch=True)
    context.add_init_script(SAVE_DATA)
    try:
        url, count = chart_pages[0]
        probe.goto(url)
        probe.page.wait_for_timeout(1000)  # grafik.js has run (deferred) and would have asked for the bundle
        assert [u for u in probe.requests if "/vega/" in u] == []
        assert probe.page.locator("figure.grafik.grafik-interaktif").count() == 0
        assert probe.page.locator("figure.grafik .grafik-svg svg >> visible=true").count() == count
        assert probe.problems() == [], probe.problems()
    finally:
        context.close()
