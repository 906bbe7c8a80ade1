"""Charts in a real browser: readable as static SVG with JavaScript off, interactive with it on, nothing fetched
from elsewhere, no console errors, and no WCAG 2.1 A/AA violation on chart pages once upgraded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .support import PageProbe, SiteMap, open_probe
from .test_axe import AXE_OPTIONS, _describe

UPGRADE_TIMEOUT_MS = 20_000
#: A chapter with four charts (martapura-barat-2023, BAB III).
TABLES_CHAPTER = "/laporan/martapura-barat-2023/1.0/bab-3-akuntabilitas-kinerja/"


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


# What a page sees of the reader's connection (navigator.connection): the data saver (Chrome's "Hemat data" / Lite
# mode), a 3G connection, a phone's cellular data.
CONNECTIONS = {
    "hemat-data": "{saveData: true, effectiveType: '4g'}",
    "3g": "{saveData: false, effectiveType: '3g'}",
    "seluler": "{saveData: false, effectiveType: '4g', type: 'cellular'}",
}


@pytest.mark.parametrize("connection", CONNECTIONS)
def test_charts_stay_static_on_a_metered_or_slow_connection(browser, base_url: str,  # type: ignore[no-untyped-def]
                                                            chart_pages: list[tuple[str, int]], connection: str) -> None:
    """A chapter with charts fetched the Vega bundle (905 KB, 320 KB compressed, again for every report version) only
    for tooltips, on a 3G or cellular connection as on any other; the static charts show the same. Even on a wide
    screen it waits for the reader: each chart offers it on a button that says what it costs."""
    context, probe = open_probe(browser, base_url, viewport={"width": 1280, "height": 800})
    context.add_init_script(f"Object.defineProperty(navigator, 'connection', {{value: {CONNECTIONS[connection]}}});")
    try:
        url, count = chart_pages[0]
        probe.goto(url)
        probe.page.wait_for_timeout(1000)  # grafik.js has run (deferred) and would have asked for the bundle
        assert [u for u in probe.requests if "/vega/" in u] == []
        assert probe.page.locator("figure.grafik.grafik-interaktif").count() == 0
        assert probe.page.locator("figure.grafik .grafik-svg svg >> visible=true").count() == count
        expect(probe.page.locator("figure.grafik button.grafik-tombol")).to_have_count(count)
        assert probe.problems() == [], probe.problems()
    finally:
        context.close()


def test_a_phone_loads_the_interactive_charts_only_when_the_reader_asks(browser,  # type: ignore[no-untyped-def]
                                                                       base_url: str) -> None:
    """On a 320 px phone a chapter's charts fetched the Vega bundle by themselves: 905 KB (320 KB compressed) after
    the page, twice the chapter and its fonts, on a metered 3G line, for tooltips the static phone layout and the
    data table already answer. The bundle now waits for the button under a chart; pressed (from the keyboard here),
    it upgrades every chart of the page, and the keyboard focus, whose button goes away, moves to its chart."""
    context, probe = open_probe(browser, base_url, viewport={"width": 320, "height": 640}, device_scale_factor=2,
                                is_mobile=True, has_touch=True)
    try:
        probe.goto(TABLES_CHAPTER)
        probe.page.wait_for_timeout(1000)  # grafik.js has run (deferred) and would have asked for the bundle
        assert [u for u in probe.requests if "/vega/" in u] == []
        figures = probe.page.locator("figure.grafik")
        count = figures.count()
        buttons = probe.page.locator("figure.grafik button.grafik-tombol")
        expect(buttons).to_have_count(count)
        assert re.fullmatch(r"Tampilkan grafik interaktif \(unduh ± \d{3,4} KB\)", buttons.first.inner_text()), (
            buttons.first.inner_text())
        box = buttons.first.bounding_box()
        assert box and box["height"] >= 44 and box["x"] + box["width"] <= 320, box  # a finger's target, on screen
        result = Axe().run(probe.page, options=AXE_OPTIONS)
        assert not result.response["violations"], _describe(TABLES_CHAPTER, result.response["violations"])
        buttons.nth(1).focus()
        probe.page.keyboard.press("Enter")
        expect(probe.page.locator("figure.grafik.grafik-interaktif")).to_have_count(count, timeout=UPGRADE_TIMEOUT_MS)
        expect(buttons).to_have_count(0)
        assert len([u for u in probe.requests if "/vega/" in u]) == 1
        focused = probe.page.evaluate("(() => { const f = document.activeElement.closest('figure.grafik'); "
                                      "return [document.activeElement.classList.contains('grafik-vega'), "
                                      "f && f.id]; })()")
        assert focused == [True, figures.nth(1).get_attribute("id")], focused
        assert probe.page.locator(".grafik-vega svg").first.bounding_box()["width"] <= 280  # the phone layout (the wide one: 474 px)
        assert probe.problems() == [], probe.problems()
    finally:
        context.close()


def test_a_printed_chapter_page_shows_each_chart_wide_and_each_predikat_in_black(
        no_js: PageProbe, chart_pages: list[tuple[str, int]]) -> None:
    """Printing a chapter page from the browser (cetak.css): the A4 page is narrower than the phone breakpoint, so each
    chart printed in its phone layout and took two pages; a predikat badge (white text on a colour the browser does not
    print) came out as pale grey text. On paper: the wide layout, one page high at most, and black framed text."""
    no_js.page.emulate_media(media="print")
    no_js.page.set_viewport_size({"width": 680, "height": 960})  # about an A4 page's printable width
    try:
        seen_predikat = False
        for url, count in chart_pages:
            no_js.goto(url)
            for i in range(count):
                figure = no_js.page.locator("figure.grafik").nth(i)
                shown = figure.locator(".grafik-svg svg >> visible=true")
                assert shown.count() == 1, f"{url}: grafik ke-{i + 1}"
                if figure.locator(".grafik-sempit").count():
                    assert figure.locator(".grafik-lebar svg >> visible=true").count() == 1, url
                box = shown.bounding_box()
                assert box and box["height"] <= 200 / 25.4 * 96 + 1, f"{url}: grafik ke-{i + 1} setinggi {box}"
            for style in no_js.page.locator("span.predikat").evaluate_all(
                    "els => els.map(e => { const s = getComputedStyle(e);"
                    " return [s.color, s.backgroundColor, s.borderTopColor, s.borderTopStyle]; })"):
                seen_predikat = True
                assert style == ["rgb(0, 0, 0)", "rgba(0, 0, 0, 0)", "rgb(0, 0, 0)", "solid"], (url, style)
        assert seen_predikat
    finally:
        no_js.page.emulate_media(media="screen")


#: A phone's chart ought to be seen and compared in about one screen (740 px): under this, with the page's chrome.
PHONE_CHART_MAX_PX = 1100
PHONE_CHARTS_JS = """(sel) => [...document.querySelectorAll('figure.grafik')].map((f) => {
  const svg = f.querySelector(sel);
  const box = svg.getBoundingClientRect();
  const scale = box.width / (svg.viewBox.baseVal.width || box.width);
  const sizes = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim())
    .map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
  return {id: f.id, height: Math.round(box.height), font: Math.min(...sizes)};
})"""


def test_each_chart_of_bab_iii_fits_about_one_phone_screen(narrow_probe: PageProbe) -> None:
    """BAB III of the Martapura Barat report on a 360 x 740 phone: its capaian chart (22 indicators) stood 1 692 px
    tall and its efficiency chart 2 005 px, names wrapped over two or three lines above each bar: three screens for one
    chart. Each chart, static and interactive alike, now stands under about 1 000 px, its text at 12 px at least."""
    narrow_probe.goto(TABLES_CHAPTER)
    narrow_probe.page.evaluate("document.fonts.ready")
    static = narrow_probe.page.evaluate(PHONE_CHARTS_JS, ".grafik-sempit svg")
    assert len(static) == 4 and all(c["height"] <= PHONE_CHART_MAX_PX and c["font"] >= 12 for c in static), static
    narrow_probe.page.locator("figure.grafik button.grafik-tombol").first.click()
    expect(narrow_probe.page.locator("figure.grafik.grafik-interaktif")).to_have_count(4, timeout=UPGRADE_TIMEOUT_MS)
    drawn = narrow_probe.page.evaluate(PHONE_CHARTS_JS, ".grafik-vega svg")
    assert all(c["height"] <= PHONE_CHART_MAX_PX and c["font"] >= 12 for c in drawn), drawn
    assert narrow_probe.problems() == [], narrow_probe.problems()
