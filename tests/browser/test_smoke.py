"""Real-browser smoke test: a reader clicks through every report, chapter by chapter, and back.

What it guards: the links the theme generates actually lead somewhere (relative URLs resolve
on a real HTTP server, not just on disk), chapter previous/next form one unbroken chain from the
first chapter to the last, pages raise no console or JavaScript error, every asset loads, and no
page asks any host other than the site's own server for anything.
"""

from __future__ import annotations

from urllib.parse import urldefrag

import pytest

from .support import CHAPTER_LINK, MAIN, NEXT_LINK, PREV_LINK, REPORT_LINK, PageProbe, SiteMap

MAX_CHAPTERS = 100  # a guard against a rel=next cycle, far above any real report


def _assert_clean(probe: PageProbe, where: str) -> None:
    """Fail with every problem the page recorded (foreign requests, errors, HTTP failures)."""
    problems = probe.problems()
    if problems:
        pytest.fail(f"{where}:\n  " + "\n  ".join(problems), pytrace=False)


def _walk(probe: PageProbe, selector: str) -> list[str]:
    """Follow ``selector`` links from the current page until there is none; returns the URLs visited."""
    visited = [urldefrag(probe.page.url).url]
    for _ in range(MAX_CHAPTERS):
        link = probe.page.locator(selector).first
        if link.count() == 0:
            return visited
        url = probe.follow(link)
        assert url not in visited, f"tautan {selector} berputar kembali ke {url} (sudah dikunjungi: {visited})"
        assert probe.page.locator(MAIN).count() == 1, f"{url}: tidak ada {MAIN}"
        visited.append(url)
    raise AssertionError(f"lebih dari {MAX_CHAPTERS} langkah {selector}: {visited}")


def test_home_to_every_report_and_through_its_chapters(probe: PageProbe) -> None:
    """Home → each report → first chapter → next … last → previous … first, all by clicking."""
    probe.goto("/")
    assert probe.page.locator(MAIN).count() == 1, f"beranda tidak memuat {MAIN}"
    assert probe.page.evaluate("document.documentElement.lang") == "id"
    report_count = probe.page.locator(REPORT_LINK).count()
    assert report_count >= 1, f"beranda tidak memuat tautan laporan ({REPORT_LINK})"
    report_urls = probe.hrefs(REPORT_LINK)

    for index, expected_report in enumerate(report_urls):
        probe.goto("/")
        report_url = probe.follow(probe.page.locator(REPORT_LINK).nth(_first_index_of(probe, expected_report)))
        assert probe.page.locator(MAIN).count() == 1, f"{report_url}: tidak ada {MAIN}"
        chapters = probe.hrefs(CHAPTER_LINK)
        assert chapters, f"{report_url}: halaman laporan tanpa tautan bab ({CHAPTER_LINK})"

        probe.follow(probe.page.locator(CHAPTER_LINK).first)
        assert urldefrag(probe.page.url).url == chapters[0], "tautan bab pertama tidak menuju bab pertama"
        assert probe.page.locator(PREV_LINK).count() == 0, f"{chapters[0]}: bab pertama punya tautan sebelumnya"

        forward = _walk(probe, NEXT_LINK)
        assert forward == chapters, (
            f"laporan #{index + 1} ({report_url}): urutan 'berikutnya' tidak sama dengan daftar bab\n"
            f"  berikutnya: {forward}\n  daftar bab: {chapters}"
        )
        backward = _walk(probe, PREV_LINK)
        assert backward == list(reversed(chapters)), (
            f"laporan #{index + 1} ({report_url}): urutan 'sebelumnya' bukan kebalikan daftar bab\n"
            f"  sebelumnya: {backward}"
        )
        _assert_clean(probe, f"laporan {report_url}")

    _assert_clean(probe, "navigasi")
    assert probe.blocked == [], f"permintaan ke host lain diblokir: {probe.blocked}"
    assert probe.foreign_requests() == []


def _first_index_of(probe: PageProbe, url: str) -> int:
    """Index, among the home page's report links, of the first one pointing at ``url``."""
    hrefs = probe.page.eval_on_selector_all(REPORT_LINK, "els => els.map(e => e.href)")
    for i, href in enumerate(hrefs):
        if urldefrag(href).url == url:
            return i
    raise AssertionError(f"tautan laporan {url} hilang dari beranda")


def test_report_landing_pages_link_to_a_version(probe: PageProbe, site_map: SiteMap) -> None:
    """Each /laporan/<slug>/ page loads cleanly and links to one of that report's version pages."""
    versions_by_landing: dict[str, set[str]] = {}
    for report in site_map.reports:
        versions_by_landing.setdefault(report.landing, set()).add(report.url)
    for landing, versions in sorted(versions_by_landing.items()):
        probe.goto(landing)
        assert probe.page.locator(MAIN).count() == 1, f"{landing}: tidak ada {MAIN}"
        links = set(probe.hrefs("a[href]"))
        assert links & versions, f"{landing}: tidak menautkan versi laporan mana pun ({sorted(versions)})"
    _assert_clean(probe, "halaman laporan (semua versi)")


def test_shipped_fonts_are_used(probe: PageProbe) -> None:
    """The theme's own web fonts load from the site (no system or remote font is relied on)."""
    probe.goto("/")
    families = probe.page.evaluate(
        """async () => {
            await document.fonts.ready;
            return [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family);
        }"""
    )
    assert any("Noto" in family for family in families), f"font bawaan tema tidak termuat: {families}"
    font_requests = [url for url in probe.requests if url.endswith((".woff2", ".woff", ".ttf"))]
    assert font_requests and all(probe.is_local(url) for url in font_requests), font_requests
    _assert_clean(probe, "beranda")


def test_missing_page_serves_the_404_page(probe: PageProbe) -> None:
    """The build ships /404.html, a real page in Bahasa Indonesia with a way back home."""
    probe.goto("/404.html")
    assert probe.page.locator(MAIN).count() == 1, f"/404.html tidak memuat {MAIN}"
    home_links = probe.page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    homes = {probe.base_url + "/", probe.base_url + "/index.html"}
    assert homes & {urldefrag(h).url for h in home_links}, f"404 tanpa tautan ke beranda: {home_links}"
    _assert_clean(probe, "/404.html")
