"""The portal as a citizen uses it, in chromium at 360 px (a phone) and 1280 px: search for a word and open the result,
read every chart (text at least 12 CSS px, no label over another, with and without JavaScript), tables that use the
screen, the comparisons, a shared link's preview, the keyboard alone, 200 % zoom, and the Content-Security-Policy
(no violation while charts and search run).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .support import PageProbe, SiteMap, open_probe
from .test_axe import AXE_OPTIONS, _describe

UPGRADE_TIMEOUT_MS = 20_000
#: A word that appears in the text of one chapter only (batu-sopang-2022, BAB III).
SEARCH_WORD = "kesiapsiagaan"

# Every CSP violation the page reports (a blocked inline script or style, eval, a foreign URL) is recorded.
CSP_RECORDER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || ''));
});
"""

# Text of the visible chart SVGs: size in CSS px and boxes that overlap (each box trimmed by a fifth of the font size at
# top and bottom: the em box of a glyph row is taller than its ink, and neighbouring rows of a legend touch there).
CHART_TEXT_JS = """() => {
  const out = {small: [], overlaps: [], count: 0};
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  document.querySelectorAll('figure.grafik').forEach((figure, f) => {
    const name = (figure.querySelector('figcaption') || {}).textContent || ('grafik ' + (f + 1));
    Array.from(figure.querySelectorAll('.grafik-svg svg')).filter(visible).forEach((svg) => {
      const boxes = Array.from(svg.querySelectorAll('text'))
        .filter((t) => t.textContent.trim() && visible(t))
        .map((t) => {
          const m = t.getScreenCTM();
          const size = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
          const b = t.getBoundingClientRect();
          const k = 0.2 * size;
          return {text: t.textContent.trim(), size, l: b.left, r: b.right, t: b.top + k, b: b.bottom - k};
        });
      out.count += boxes.length;
      boxes.forEach((x) => { if (x.size < 11.95) out.small.push(`${name.trim()}: "${x.text}" ${x.size.toFixed(1)} px`); });
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], c = boxes[j];
        const w = Math.min(a.r, c.r) - Math.max(a.l, c.l), h = Math.min(a.b, c.b) - Math.max(a.t, c.t);
        if (w > 1 && h > 1) out.overlaps.push(`${name.trim()}: "${a.text}" / "${c.text}" (${w.toFixed(0)}×${h.toFixed(0)} px)`);
      }
    });
  });
  return out;
}"""


def _pages(site_dir: Path, base_url: str, pattern: str) -> list[str]:
    return [f"{base_url}/{p.relative_to(site_dir).as_posix().removesuffix('index.html')}"
            for p in sorted(site_dir.glob(pattern))]


@pytest.fixture(scope="module")
def chart_urls(site_map: SiteMap, site_dir: Path, base_url: str) -> list[str]:
    """Every page with a chart: chapters of the example reports and the comparison pages."""
    urls = []
    for report in site_map.reports:
        for url in report.chapters:
            path = site_dir / url.removeprefix(base_url + "/") / "index.html"
            if 'class="grafik"' in path.read_text(encoding="utf-8"):
                urls.append(url)
    urls += _pages(site_dir, base_url, "perbandingan/**/index.html") + _pages(site_dir, base_url, "instansi/*/index.html")
    assert len(urls) >= 8, urls
    return urls


def _probe(browser, base_url: str, width: int, js: bool = True) -> tuple:  # type: ignore[no-untyped-def]
    options = {"viewport": {"width": width, "height": 800}, "java_script_enabled": js}
    if width < 500:
        options.update(device_scale_factor=2, is_mobile=True, has_touch=True)
    context, probe = open_probe(browser, base_url, **options)
    context.add_init_script(CSP_RECORDER)
    return context, probe


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("js", [False, True], ids=["tanpa-js", "dengan-js"])
def test_every_chart_reads_at_12px_without_overlaps(browser, base_url: str, chart_urls: list[str], width: int,  # type: ignore[no-untyped-def]
                                                    js: bool) -> None:
    context, probe = _probe(browser, base_url, width, js)
    problems: list[str] = []
    try:
        for url in chart_urls:
            probe.goto(url)
            probe.page.evaluate("document.fonts.ready")
            count = probe.page.locator("figure.grafik").count()
            if js:
                probe.ask_for_interactive_charts()  # on a phone the Vega bundle waits for the reader
                # the selector engine counts: a polled string predicate is evaluated with eval, which the CSP forbids
                expect(probe.page.locator("figure.grafik.grafik-interaktif")).to_have_count(
                    count, timeout=UPGRADE_TIMEOUT_MS)
                if width < 500:  # the phone layout's spec was upgraded, not the desktop one scaled down
                    assert probe.page.locator(".grafik-vega svg").first.bounding_box()["width"] <= 302
            result = probe.page.evaluate(CHART_TEXT_JS)
            assert result["count"] > 5 * count, (url, result["count"])
            problems += [f"{url}: {p}" for p in result["small"] + result["overlaps"]]
            if js:
                problems += [f"{url}: CSP {v}" for v in probe.page.evaluate("window.__csp")]
        assert probe.problems() == [], probe.problems()
    finally:
        context.close()
    assert not problems, "\n".join(problems[:40])


def test_search_a_word_and_open_the_chapter(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    context, probe = _probe(browser, base_url, 360)
    try:
        probe.goto("/")
        probe.page.fill("#beranda-cari", SEARCH_WORD)
        with probe.page.expect_navigation():
            probe.page.press("#beranda-cari", "Enter")
        probe.page.wait_for_selector(".hasil-tautan", timeout=UPGRADE_TIMEOUT_MS)
        status = probe.page.inner_text("#cari-status")
        assert SEARCH_WORD in status and re.match(r"\d+ halaman", status), status
        group = probe.page.locator(".hasil-grup").first
        assert "Batu Sopang" in group.locator("h2").inner_text()
        assert "(terbaru)" in group.locator(".hasil-versi").first.inner_text()
        assert group.locator("mark").first.inner_text().lower() == SEARCH_WORD
        # the link leads to the section where the word is found (it led to the page's top)
        section = urlparse(group.locator(".hasil-tautan").first.get_attribute("href") or "").fragment
        assert section and group.locator(".hasil-bagian").first.inner_text().startswith("Bagian: ")
        url = probe.follow(group.locator(".hasil-tautan").first)
        assert url.endswith("/laporan/batu-sopang-2022/1.0/bab-3-akuntabilitas-kinerja/"), url
        assert probe.page.evaluate(f"document.getElementById('{section}').getBoundingClientRect().top") < 100
        assert SEARCH_WORD in probe.page.inner_text("main").lower()
        assert probe.page.evaluate("window.__csp") == []
        assert probe.problems() == [], probe.problems()
    finally:
        context.close()


@pytest.mark.parametrize("word, first", [("martapura", "Martapura Barat"), ("batu", "Batu Sopang"),
                                         ("pengaron", "Pengaron")])
def test_searching_a_kecamatans_name_lists_its_report_first(browser, base_url: str, word: str,  # type: ignore[no-untyped-def]
                                                           first: str) -> None:
    """"martapura" listed Pengaron first (its cover: "Ditandatangani di Martapura"); "batu" listed Martapura Barat
    and Pengaron above Batu Sopang, neither holding the word (a bundle without it answers with a prefix's pages).
    The first hit opens the report at its top (its key figures): "pengaron" opened it at its list of tables."""
    context, probe = _probe(browser, base_url, 360)
    try:
        probe.goto(f"/cari/?q={word}")
        probe.page.wait_for_selector(".hasil-tautan", timeout=UPGRADE_TIMEOUT_MS)
        groups = probe.page.locator(".hasil-grup h2").all_inner_texts()
        assert first in groups[0], groups
        href = probe.page.locator(".hasil-tautan").first.get_attribute("href") or ""
        assert re.fullmatch(r"/laporan/[a-z0-9-]+/[0-9.]+/", href), href  # the report page, at its top
        if word == "martapura":
            assert not any("Pengaron" in g for g in groups), groups
    finally:
        context.close()


@pytest.mark.parametrize("query, first, section", [
    ("capaian pengaron", "pengaron-2024-tw1/1.0/bab-3-akuntabilitas-kinerja/#capaian-indikator-program-dan-kegiatan",
     "Capaian indikator program dan kegiatan"),
    ("realisasi anggaran batu sopang", "batu-sopang-2022/1.0/bab-3-akuntabilitas-kinerja/#realisasi-anggaran",
     "Realisasi anggaran")])
def test_a_topic_asked_of_a_kecamatan_opens_its_section_first(browser, base_url: str, query: str,  # type: ignore[no-untyped-def]
                                                             first: str, section: str) -> None:
    """"capaian pengaron" listed the report's cover first, at its list of tables (its heading names Pengaron and the
    captions repeat both words), before BAB III's section on capaian: a name is a rare word and outweighed the topic.
    Inside the report named, the page whose section heading holds the other words comes first, opened there."""
    context, probe = _probe(browser, base_url, 360)
    try:
        probe.goto(f"/cari/?q={query.replace(' ', '+')}")
        probe.page.wait_for_selector(".hasil-tautan", timeout=UPGRADE_TIMEOUT_MS)
        group = probe.page.locator(".hasil-grup").first
        assert group.locator(".hasil-tautan").first.get_attribute("href") == f"/laporan/{first}"
        assert group.locator(".hasil-bagian").first.inner_text() == f"Bagian: {section}"
        # a search of the name alone still opens the report at its top (test above); of no name, as Pagefind ranks
        assert probe.problems() == [], probe.problems()
    finally:
        context.close()


@pytest.mark.parametrize("typed, meant, first", [("matrapura", "martapura", "Martapura Barat"),
                                                  ("pengron", "pengaron", "Pengaron"),
                                                  ("batu sopnag", "batu sopang", "Batu Sopang")])
def test_a_name_typed_with_a_slip_is_offered_corrected(browser, base_url: str, typed: str,  # type: ignore[no-untyped-def]
                                                       meant: str, first: str) -> None:
    """A kecamatan's name typed with a slip on a phone's keyboard found nothing ("matrapura": no result) or other
    reports: Pagefind has no typo tolerance. The page offers the name as the site's instansi spell it, and the link
    searches it; a search whose pages hold its words offers nothing."""
    context, probe = _probe(browser, base_url, 360)
    try:
        probe.goto(f"/cari/?q={typed.replace(' ', '+')}")
        offer = probe.page.locator(".cari-saran a")
        expect(offer).to_have_text(meant, timeout=UPGRADE_TIMEOUT_MS)
        offer.click()
        groups = probe.page.locator(".hasil-grup h2")
        expect(groups.first).to_contain_text(first, timeout=UPGRADE_TIMEOUT_MS)
        assert f"q={meant.replace(' ', '+')}" in probe.page.url
        expect(probe.page.locator(".cari-saran")).to_have_count(0)
        assert probe.problems() == [], probe.problems()
    finally:
        context.close()


def test_search_filters_by_year_and_instansi(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    context, probe = _probe(browser, base_url, 1280)
    try:
        probe.goto("/cari/?q=kecamatan")
        probe.page.wait_for_selector(".hasil-tautan", timeout=UPGRADE_TIMEOUT_MS)
        groups = probe.page.locator(".hasil-grup h2").all_inner_texts()
        assert len(groups) == 3, groups  # one report a year: each year's bundle merged into the search
        index = [u.split("/pagefind/", 1)[1].split("?")[0] for u in probe.requests if "/pagefind/" in u]
        assert [u for u in index if "wasm." in u] == ["2024/wasm.id.pagefind"], index  # one WebAssembly module
        assert {u for u in index if u.endswith("pagefind-entry.json")} == {f"{y}/pagefind-entry.json"
                                                                           for y in ("2022", "2023", "2024")}, index
        groups = probe.page.locator(".hasil-grup h2")  # waited for by the selector engine, not an eval'd predicate
        probe.page.select_option("#cari-tahun", "2023")
        expect(groups).to_have_count(1)
        expect(groups.first).to_contain_text("Martapura Barat")
        assert "tahun=2023" in probe.page.url
        probe.page.select_option("#cari-tahun", "")
        probe.page.select_option("#cari-instansi", "Kecamatan Pengaron")
        expect(groups).to_have_count(1)
        expect(groups.first).to_contain_text("Pengaron")
        assert probe.page.evaluate("window.__csp") == []
    finally:
        context.close()


def test_a_search_no_page_answers_wholly_says_so(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    """"pengaron kesiapsiagaan" said "10 halaman ditemukan", every one Pengaron's and none about kesiapsiagaan (only
    Batu Sopang's report speaks of it): a citizen took it that Pengaron's did. The status says no page holds every
    word, and that those listed are the nearest; a search answered wholly keeps its count."""
    context, probe = _probe(browser, base_url, 360)
    try:
        probe.goto("/cari/?q=pengaron+kesiapsiagaan")
        probe.page.wait_for_selector(".hasil-tautan", timeout=UPGRADE_TIMEOUT_MS)
        status = probe.page.inner_text("#cari-status")
        assert re.match("Tidak ada halaman yang memuat semua kata \u201cpengaron kesiapsiagaan\u201d; di bawah ini "
                        r"\d+ halaman yang paling mendekati\.", status), status
        probe.goto("/cari/?q=pengaron")
        probe.page.wait_for_selector(".hasil-tautan", timeout=UPGRADE_TIMEOUT_MS)
        assert re.match(r"\d+ halaman ditemukan untuk \u201cpengaron\u201d\.", probe.page.inner_text("#cari-status"))
        assert probe.problems() == [], probe.problems()
    finally:
        context.close()


def test_an_instansi_chosen_without_a_word_leads_to_its_page(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    """A citizen on a phone chose their kecamatan in the filter, the first thing the form offers to touch, and typed
    nothing: the page stayed empty, nothing said. It asks for a word and links the instansi's page of every year; an
    address with ?instansi= alone does the same, and the filter put back leaves nothing behind."""
    context, probe = _probe(browser, base_url, 360)
    try:
        probe.goto("/cari/")
        probe.page.wait_for_selector("#cari-instansi")
        probe.page.select_option("#cari-instansi", "Kecamatan Pengaron")
        link = probe.page.locator(".cari-halaman-instansi a")
        expect(link).to_have_text("Kecamatan Pengaron dari tahun ke tahun", timeout=UPGRADE_TIMEOUT_MS)
        assert (link.get_attribute("href") or "").endswith("/instansi/kecamatan-pengaron/")
        status = probe.page.inner_text("#cari-status")
        assert status.startswith("Ketik kata yang dicari di laporan Kecamatan Pengaron."), status
        assert "instansi=Kecamatan+Pengaron" in probe.page.url
        probe.page.select_option("#cari-instansi", "")
        expect(link).to_have_count(0)
        assert probe.page.inner_text("#cari-status") == ""
        probe.goto("/cari/?instansi=Kecamatan+Batu+Sopang")
        expect(link).to_have_text("Kecamatan Batu Sopang dari tahun ke tahun", timeout=UPGRADE_TIMEOUT_MS)
        assert probe.problems() == [], probe.problems()
    finally:
        context.close()


def test_a_second_search_while_the_index_opens_lists_each_page_once(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    """A filter changed before the first search's index was open (each year's bundle still being merged) starts a
    second search; the bundles are merged once, so no result is listed twice."""
    context, probe = _probe(browser, base_url, 1280)
    try:
        probe.goto("/cari/?q=kecamatan")
        probe.page.select_option("#cari-instansi", "")  # a second search at once, with the same words
        probe.page.wait_for_selector(".hasil-tautan", timeout=UPGRADE_TIMEOUT_MS)
        probe.page.wait_for_timeout(500)  # both searches done
        links = probe.page.locator(".hasil-tautan").evaluate_all("(links) => links.map((a) => a.href)")
        assert links and len(links) == len(set(links)), links
        assert len(probe.page.locator(".hasil-grup h2").all_inner_texts()) == 3
        entries = [u for u in probe.requests if u.split("?")[0].endswith("/2022/pagefind-entry.json")]
        assert len(entries) == 1, entries  # the oldest bundle merged once
    finally:
        context.close()


def test_without_javascript_search_leads_to_the_lists_of_reports(browser, base_url: str,  # type: ignore[no-untyped-def]
                                                                  site_map: SiteMap) -> None:
    context, probe = _probe(browser, base_url, 360, js=False)
    try:
        probe.goto("/")
        probe.page.fill("#beranda-cari", SEARCH_WORD)
        with probe.page.expect_navigation():
            probe.page.press("#beranda-cari", "Enter")
        assert "/cari/" in probe.page.url
        assert "memerlukan JavaScript" in probe.page.inner_text("main")
        listed = set(probe.hrefs(".telusuri a"))
        assert {r.url for r in site_map.reports} <= listed
    finally:
        context.close()


def test_tables_use_the_screen(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    chapter = "/laporan/martapura-barat-2023/1.0/bab-3-akuntabilitas-kinerja/"
    context, wide = _probe(browser, base_url, 1280)
    try:
        wide.goto(chapter)
        text_width = wide.page.evaluate("document.querySelector('.bab > p').getBoundingClientRect().width")
        widths = wide.page.evaluate("Array.from(document.querySelectorAll('.bab > .tabel-wadah'))"
                                    ".map(e => e.getBoundingClientRect().width)")
        assert text_width <= 48 * 16 + 1  # a readable measure for text
        assert max(widths) > text_width + 200  # wide tables break out of the text column …
        assert max(widths) <= 1120 + 1  # … up to the page width
        align = wide.page.evaluate("(() => { const c = getComputedStyle(document.querySelector('.bab td.angka'));"
                                   " return [c.textAlign, c.fontVariantNumeric]; })()")
        assert align == ["right", "tabular-nums"]
        # a number cell is a cell like its neighbours, not a key figure's grey box: the key figures' rule (.angka)
        # gave every number cell a background, rounded corners and 16 px sides
        looks = wide.page.evaluate(
            "Array.from(document.querySelectorAll('.bab tbody tr')).filter(r => r.querySelector('td.angka')"
            " && r.querySelector('td:not(.angka)')).slice(0, 5).map(r => [r.querySelector('td.angka'),"
            " r.querySelector('td:not(.angka)')].map(e => { const c = getComputedStyle(e);"
            " return [c.backgroundColor, c.borderTopLeftRadius, c.paddingLeft]; }))")
        assert looks and all(number == text for number, text in looks), looks
    finally:
        context.close()
    context, phone = _probe(browser, base_url, 360)
    try:
        phone.goto(chapter)
        box = phone.page.locator(".bab > .tabel-wadah").nth(1)
        box.scroll_into_view_if_needed()
        assert box.evaluate("e => e.scrollWidth > e.clientWidth + 100")  # scrolls in its own box
        assert phone.page.evaluate("document.documentElement.scrollWidth") <= 360  # never the page
        name = box.locator("tbody .kolom-1").nth(1)
        assert name.evaluate("e => e.tagName + ' ' + e.scope") == "TH row"  # the row's name, not its "No" or code
        box.evaluate("e => { e.scrollLeft = e.scrollWidth; }")
        phone.page.wait_for_timeout(100)
        left = box.bounding_box()["x"]
        assert abs(name.bounding_box()["x"] - left) < 2  # the names stay in view beside the last columns
        assert box.locator("td.angka").last.bounding_box()["x"] < 360
        caption = box.locator("caption").bounding_box()  # the title too, wrapped at the screen, not the table
        assert caption["x"] >= left - 1 and caption["x"] + caption["width"] <= 360 + 1
    finally:
        context.close()


def test_a_reason_for_na_in_the_text_is_read_on_a_phone(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    """An N/A in a sentence had its reason in a title (no hover on a phone) and a span only screen readers read."""
    context, phone = _probe(browser, base_url, 360)
    try:
        phone.goto("/laporan/batu-sopang-2022/1.0/bab-3-akuntabilitas-kinerja/")
        reason = phone.page.locator("p .na + .na-catatan").first
        reason.scroll_into_view_if_needed()
        box = reason.bounding_box()
        assert box is not None and box["width"] > 50 and box["height"] >= 10
        assert reason.inner_text() == "tidak ada indikator yang terukur"
        assert reason.evaluate("e => getComputedStyle(e, '::before').content") == '" ("'
    finally:
        context.close()


def test_comparison_table_sorts_and_links_each_figure(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    context, probe = _probe(browser, base_url, 1280)
    try:
        probe.goto("/perbandingan/")
        rows = probe.page.locator("#tabel-perbandingan tbody tr")
        assert rows.count() == 3
        header = probe.page.locator("#tabel-perbandingan th", has_text="Serapan anggaran")
        header.locator("button").click()
        values = rows.evaluate_all("rs => rs.map(r => parseFloat(r.children[4].dataset.nilai))")
        assert values == sorted(values) and header.get_attribute("aria-sort") == "ascending"
        header.locator("button").click()
        values = rows.evaluate_all("rs => rs.map(r => parseFloat(r.children[4].dataset.nilai))")
        assert values == sorted(values, reverse=True) and header.get_attribute("aria-sort") == "descending"
        link = rows.first.locator("td.angka a").first
        url = probe.follow(link)
        assert re.search(r"/laporan/[a-z0-9-]+/1\.0/$", url), url
        assert probe.page.locator("#angka-kunci").count() == 1
    finally:
        context.close()


def test_shared_link_preview(browser, base_url: str, site_map: SiteMap) -> None:  # type: ignore[no-untyped-def]
    context, probe = _probe(browser, base_url, 360, js=False)
    try:
        report = site_map.reports[0].url
        probe.goto(report)
        meta = probe.page.evaluate("Object.fromEntries(Array.from(document.querySelectorAll("
                                   "'meta[property^=\"og:\"], meta[name=description]'))"
                                   ".map(m => [m.getAttribute('property') || m.name, m.content]))")
        title = probe.page.locator("h1").inner_text()
        assert meta["og:title"] == title
        assert meta["og:url"] == "https://lkjip.contoh.go.id/" + report.removeprefix(base_url + "/")
        assert meta["og:description"] == meta["description"] and "Indikator mencapai target" in meta["description"]
        pdf = probe.page.locator('link[rel=alternate][type="application/pdf"]').get_attribute("href")
        assert pdf and pdf.endswith(".pdf") and probe.page.request.get(urljoin(probe.page.url, pdf)).ok
    finally:
        context.close()


def _focus_visible(probe: PageProbe) -> bool:
    return probe.page.evaluate("(() => { const s = getComputedStyle(document.activeElement);"
                               " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; })()")


def _tab_to(probe: PageProbe, selector: str, limit: int = 400) -> None:
    """Press Tab until the focused element matches ``selector``; its focus must be visible."""
    for _ in range(limit):
        probe.page.keyboard.press("Tab")
        if probe.page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            assert _focus_visible(probe), f"fokus tidak terlihat pada {selector}"
            return
    pytest.fail(f"{selector} tidak tercapai dengan Tab ({probe.page.url})")


def test_keyboard_alone_reaches_search_report_chapter_chart_data_and_pdf(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    context, probe = _probe(browser, base_url, 1280)
    page = probe.page
    try:
        probe.goto("/")
        _tab_to(probe, ".menu-situs a[href$='cari/']")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        _tab_to(probe, "#cari-kata")
        page.keyboard.type(SEARCH_WORD)
        page.keyboard.press("Enter")
        page.wait_for_selector(".hasil-tautan", timeout=UPGRADE_TIMEOUT_MS)
        _tab_to(probe, ".hasil-tautan")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "/bab-3-akuntabilitas-kinerja/" in page.url

        probe.goto("/")
        _tab_to(probe, "a.report-link[href*='martapura-barat-2023']")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        _tab_to(probe, "a[href$='.pdf']")
        _tab_to(probe, "a.chapter-link[href*='bab-3']")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        figures = page.locator("figure.grafik").count()
        assert figures >= 3
        for i in range(figures):
            _tab_to(probe, "details.grafik-data > summary")
            page.keyboard.press("Enter")
            _tab_to(probe, "details[open] .tabel-wadah[tabindex='0']")
            assert page.evaluate("document.activeElement.querySelectorAll('tbody tr').length") >= 1
        opened = page.locator("details.grafik-data[open]").count()
        assert opened == figures, (opened, figures)
    finally:
        context.close()


def _scrolling_sideways(browser, base_url: str, urls: list[str], size: tuple[int, int], text_size: str = "",  # type: ignore[no-untyped-def]
                        **options: object) -> list[str]:
    """The pages wider than a window of ``size`` CSS px (the root font at ``text_size`` when given)."""
    width = size[0]
    context, probe = open_probe(browser, base_url, viewport={"width": width, "height": size[1]}, **options)
    failures = []
    try:
        for url in urls:
            probe.goto(url)
            if text_size:
                probe.page.evaluate(f"document.documentElement.style.fontSize = '{text_size}'")
                probe.page.evaluate("document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => "
                                    "r())))")
            scrolled = probe.page.evaluate("document.documentElement.scrollWidth")
            if scrolled > width:
                failures.append(f"{url}: {scrolled} px")
    finally:
        context.close()
    return failures


def test_usable_at_200_percent_zoom(browser, base_url: str, site_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """200 % zoom of a 1280 × 800 window is a 640 × 400 CSS px viewport: no page scrolls sideways."""
    urls = _pages(site_dir, base_url, "**/index.html") + [base_url + "/404.html"]
    failures = _scrolling_sideways(browser, base_url, urls, (640, 400), device_scale_factor=2)
    assert not failures, failures


def test_usable_with_text_at_200_percent_on_a_phone(browser, base_url: str, site_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """A phone's own text size doubled (a 360 px screen, the root font at 200 %): a report's cover ran to 430 px, the
    logo squeezing the title, and "Akuntabilitas" in a chapter's title to 377 px."""
    failures = _scrolling_sideways(browser, base_url, _pages(site_dir, base_url, "**/index.html"), (360, 740), "200%")
    assert not failures, failures


def test_portal_pages_pass_axe(browser, base_url: str, site_dir: Path) -> None:  # type: ignore[no-untyped-def]
    axe = Axe()
    context, probe = _probe(browser, base_url, 1280)
    reports = []
    try:
        urls = (_pages(site_dir, base_url, "perbandingan/**/index.html") + _pages(site_dir, base_url, "instansi/*/index.html")
                + [f"{base_url}/cari/?q=kecamatan"])
        for url in urls:
            probe.goto(url)
            if "/cari/" in url:
                probe.page.wait_for_selector(".hasil-tautan", timeout=UPGRADE_TIMEOUT_MS)
            violations = axe.run(probe.page, options=AXE_OPTIONS).response["violations"]
            if violations:
                reports.append(_describe(url, violations))
    finally:
        context.close()
    assert not reports, "\n".join(reports)
