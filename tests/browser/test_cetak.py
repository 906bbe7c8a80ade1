"""A page printed from the browser (cetak.css), as a citizen prints a chapter to take to a meeting: the screen's tools
left off the paper, the paper saying where it came from, and each table starting with its title, header and
first row on one sheet. The printed sheets are read back from page.pdf().
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
from playwright.sync_api import expect
from pypdf import PdfReader

from .support import MAIN, open_probe

if TYPE_CHECKING:
    from playwright.sync_api import Page

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


#: Chapters whose tables fell at a page's foot when printed (each table's caption, or caption and header, alone on a
#: page, or the header and a repeated foot without a row): a bab 2 with a Perjanjian Kinerja and its programs, and
#: the three bab 3 with their long tables and charts.
CHAPTERS = ("/laporan/martapura-barat-2023/1.0/bab-2-perencanaan-kinerja/", CHAPTER,
            "/laporan/batu-sopang-2022/1.0/bab-3-akuntabilitas-kinerja/",
            "/laporan/pengaron-2024-tw1/1.0/bab-3-akuntabilitas-kinerja/")
#: The foot margin of a printed sheet (cetak.css's @page) in PDF points, and PDF points in CSS px.
FOOT_PT = 18 / 25.4 * 72
PX_PER_PT = 96 / 72
#: What a caption's top margin and rounding may add to the height a table needs.
SLACK_PX = 16
#: The facts of each captioned table, read in print media: the caption's first words, the first words of its first
#: row's cells (not a header's, at least 6 characters: a cell that is only "1" or "%" is found anywhere), the last
#: words of what stands before it, and the height from the caption's top to the first row's foot (CSS px: the probe's
#: viewport is an A4 sheet's width inside cetak.css's margins, 178 mm ≈ 673 px, so a height there is one on paper).
TABLES_JS = """() => [...document.querySelectorAll('main table')].filter(t => t.caption).map(t => {
  const words = el => el.innerText.split(/\\s+/).filter(Boolean);
  const head = t.tHead ? words(t.tHead).join(' ') : '';
  const row = t.tBodies.length ? t.tBodies[0].rows[0] : null;
  const cells = row ? [...row.cells].map(c => words(c).slice(0, 2).join(' '))
    .filter(text => text.length >= 6 && !head.includes(text)) : [];
  const before = (t.closest('.tabel-wadah') || t).previousElementSibling;
  return {caption: words(t.caption).slice(0, 5).join(' '), cells,
          before: before ? words(before).slice(-3).join(' ') : '',
          needed: row ? row.getBoundingClientRect().bottom - t.caption.getBoundingClientRect().top : 0};
})"""


@dataclass(frozen=True)
class Sheet:
    """A printed sheet: its text, spaces made single, and the free height below its last line of text (CSS px)."""

    text: str
    free: float


def printed(page: Page) -> list[Sheet]:
    """The page as Chromium prints it (Ctrl+P, A4 from cetak.css). The text is pypdf's in layout mode: line by line
    from the top, a table row by row (its plain mode gave a table's columns one after another); where the last line
    ends is PDFium's. The fonts are awaited first: printed before they had loaded, a page broke where no reader's
    page breaks."""
    page.evaluate("document.fonts.ready.then(() => true)")
    data = page.pdf(prefer_css_page_size=True)
    document = pdfium.PdfDocument(data)
    try:
        sheets = []
        for sheet, drawn in zip(PdfReader(io.BytesIO(data)).pages, document, strict=True):
            words = drawn.get_textpage()
            lowest = min((words.get_rect(i)[1] for i in range(words.count_rects())), default=FOOT_PT)
            sheets.append(Sheet(" ".join(sheet.extract_text(extraction_mode="layout").split()),
                                (lowest - FOOT_PT) * PX_PER_PT))
        return sheets
    finally:
        document.close()


def test_a_printed_table_starts_with_its_title_header_and_first_row(  # type: ignore[no-untyped-def]
        browser, base_url: str) -> None:
    """Printed, a table's caption ("Tabel 3.4 …"), or its caption and header, was left alone at the foot of a page
    and its rows began on the next; a Perjanjian Kinerja's foot (its programs and their budget) was printed again at
    the foot of every page, and its first page held caption, header and foot without one row. On paper a table's
    title, header and first row share a page, and a table moves to the next page only when they do not fit below
    the text before it: a long table is not pushed whole to the next page."""
    context, probe = open_probe(browser, base_url, java_script_enabled=False, viewport={"width": 673, "height": 960})
    page = probe.page
    alone, jumped = [], []
    try:
        for path in CHAPTERS:
            probe.goto(path)
            page.emulate_media(media="print")
            tables = page.evaluate(TABLES_JS)
            sheets = printed(page)
            assert tables, path
            for table in tables:
                caption = table["caption"]
                where = [n for n, sheet in enumerate(sheets) if caption in sheet.text]
                assert where, (path, caption, "tidak tercetak")
                text = sheets[where[0]].text
                after, before = text[text.index(caption):], text[:text.index(caption)]
                if not any(cell in after for cell in table["cells"]):
                    alone.append(f"{path} {caption}: halaman {where[0] + 1} tanpa baris pertamanya {table['cells']}")
                # moved away from the text before it: only when its title, header and first row did not fit below
                free = sheets[where[0] - 1].free if where[0] else 0
                if table["before"] not in before and free > table["needed"] + SLACK_PX:
                    jumped.append(f"{path} {caption}: pindah ke halaman {where[0] + 1}, padahal di bawah "
                                  f"{table['before']!r} masih ada {free:.0f} px (perlu {table['needed']:.0f} px)")
        assert probe.problems() == [], probe.problems()
    finally:
        context.close()
    assert alone == [], alone
    assert jumped == [], jumped
