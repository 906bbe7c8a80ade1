"""A page printed from the browser (cetak.css), as a citizen prints a chapter to take to a meeting: the screen's tools
left off the paper, and the paper saying where it came from.
"""

from __future__ import annotations

from playwright.sync_api import expect

from .support import MAIN, open_probe

#: The example's report page and a chapter of it (martapura-barat-2023 is the newest version of its report).
REPORT = "/laporan/martapura-barat-2023/1.0/"
CHAPTER = REPORT + "bab-3-akuntabilitas-kinerja/"


def test_a_printed_page_names_its_report_version_and_address(  # type: ignore[no-untyped-def]
        browser, base_url: str) -> None:
    """Printed, a chapter's page lost its header, breadcrumbs and footer and named its instansi and year only: which
    version of which report it was, and where to find it online, was nowhere on the paper. The search page printed
    its form (a box and a button), the comparison page its links to other comparisons. On paper: a source line above
    the content (title with the version, the page's address), never on the screen, and no form nor navigation."""
    context, probe = open_probe(browser, base_url, java_script_enabled=False, viewport={"width": 680, "height": 960})
    page = probe.page
    try:
        for path, title_ends in ((CHAPTER, ", versi 1.0"), (REPORT, " — versi 1.0"), ("/cari/", ""),
                                 ("/perbandingan/", "")):
            page.emulate_media(media="screen")
            probe.goto(path)
            source = page.locator(".sumber-cetak")
            expect(source).to_be_hidden()
            page.emulate_media(media="print")
            expect(source).to_be_visible()
            title, where = (" ".join(text.split()) for text in source.locator("p").all_inner_texts())
            assert title == page.title() and title.endswith(title_ends), (path, title)
            address = page.locator("link[rel=canonical]").get_attribute("href")  # the page's own, for a newest version
            assert address and address.endswith(path) and where.endswith(f" · {address}"), (path, where)
            # above the content; no menu, breadcrumbs or other links to move about (they lead nowhere on paper) and
            # no search form
            assert source.bounding_box()["y"] < page.locator(MAIN).bounding_box()["y"]  # type: ignore[index]
            navigation = page.locator("nav, .cari-form")
            assert navigation.count() >= 2, path
            for i in range(navigation.count()):
                expect(navigation.nth(i)).to_be_hidden()
        assert probe.problems() == [], probe.problems()
    finally:
        context.close()
