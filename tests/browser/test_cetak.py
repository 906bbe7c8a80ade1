"""A page printed from the browser (cetak.css), as a citizen prints a chapter to take to a meeting: the screen's tools
left off the paper, the paper saying where it came from, each table starting with its title, header and first row
on one sheet, and what folds on screen (a chart's data) printed. The printed sheets are read back from page.pdf().
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from .support import MAIN, lkjip, open_probe, scaffold_report, served

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
#: Height of an A4 page inside cetak.css's margins (297 mm less 2 × 18 mm) in CSS px.
PAGE_PX = 261 / 25.4 * 96
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
    """A printed sheet: its text, spaces made single, as pypdf reads it in layout mode (line by line from the top, a
    table row by row: its plain mode gave a table's columns one after another) and in plain mode (boxes side by side
    kept apart: a key figure and its definition), and the free height below its last line of text (CSS px)."""

    text: str
    plain: str
    free: float
    landscape: bool = False


def print_media(page: Page) -> None:
    """The page laid out as for printing, with its fonts loaded: measured or printed before they had loaded, a page
    broke where no reader's page breaks, and a table was taller than on paper."""
    page.emulate_media(media="print")
    page.evaluate("document.fonts.ready.then(() => true)")


def printed(page: Page) -> list[Sheet]:
    """The page as Chromium prints it (Ctrl+P, A4 from cetak.css, after :func:`print_media`), read back."""
    return read_back(page.pdf(prefer_css_page_size=True))


def read_back(data: bytes) -> list[Sheet]:
    """The printed sheets of ``data`` (a page.pdf()); where a sheet's last line ends is PDFium's."""
    document = pdfium.PdfDocument(data)
    try:
        sheets = []
        for sheet, drawn in zip(PdfReader(io.BytesIO(data)).pages, document, strict=True):
            words = drawn.get_textpage()
            lowest = min((words.get_rect(i)[1] for i in range(words.count_rects())), default=FOOT_PT)
            text, plain = (" ".join(sheet.extract_text(extraction_mode=mode).split()) for mode in ("layout", "plain"))
            width, height = drawn.get_size()
            sheets.append(Sheet(text, plain, (lowest - FOOT_PT) * PX_PER_PT, width > height))
        return sheets
    finally:
        document.close()


def rows_follow(text: str, start: int, rows: list[list[str]]) -> list[str]:
    """The rows of a table that are not printed, in order, from ``start`` on: each row's cells (their first words) in
    a line of their own, a row beginning at most a few lines after the one before (a header repeated on a new sheet
    in between); a text wrapped in its cell (a name, a "Cukup Berhasil" in a narrow column) leaves the row's other
    cells between its words, on the row's first line."""
    missing, at = [], start
    for row in rows:
        found = re.compile(".{0,160}?".join(re.escape(word) for cell in row for word in cell.split())).search(text, at)
        if found is None or found.start() - at > 400:
            missing.append(row[0])
        else:
            at = found.end()
    return missing


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
            print_media(page)
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
                # moved away from the text before it: only when its title, header and first row did not fit below,
                # or when it is printed across a landscape sheet (a wide table) and the text before it is not
                free = sheets[where[0] - 1].free if where[0] else 0
                if where[0] and sheets[where[0]].landscape != sheets[where[0] - 1].landscape:
                    free = 0
                if table["before"] not in before and free > table["needed"] + SLACK_PX:
                    jumped.append(f"{path} {caption}: pindah ke halaman {where[0] + 1}, padahal di bawah "
                                  f"{table['before']!r} masih ada {free:.0f} px (perlu {table['needed']:.0f} px)")
        assert probe.problems() == [], probe.problems()
    finally:
        context.close()
    assert alone == [], alone
    assert jumped == [], jumped


#: Chapters with the widest tables of the examples: the IKU table (seven columns of long texts, marked wide), a
#: budget plan of six columns of amounts, a bab 3 of eight columns, and a quarter's realisation of fourteen (two
#: header rows, marked wide). Each was wider than a portrait A4 page.
WIDE_CHAPTERS = ("/laporan/batu-sopang-2022/1.0/bab-2-perencanaan-kinerja/",
                 "/laporan/batu-sopang-2022/1.0/bab-1-pendahuluan/",
                 "/laporan/batu-sopang-2022/1.0/bab-3-akuntabilitas-kinerja/",
                 "/laporan/pengaron-2024-tw1/1.0/bab-3-akuntabilitas-kinerja/")
#: Each captioned table's caption (first words), whether it is marked wide, the words of each of its column headers,
#: and the first words of each cell of its last column (at least 3 characters: a "–" or a "5" is found anywhere).
COLUMNS_JS = """() => [...document.querySelectorAll('main table')].filter(t => t.caption && t.tHead).map(t => {
  // as printed: a note's letter after N/A is set apart, a screen reader's words (.sr) are not printed
  const words = el => {
    const seen = el.cloneNode(true);
    seen.querySelectorAll('sup, .sr').forEach(hidden => hidden.remove());
    return seen.textContent.split(/\\s+/).filter(Boolean);
  };
  return {caption: words(t.caption).slice(0, 5).join(' '), wide: !!t.closest('.lebar'),
          headers: [...t.tHead.querySelectorAll('th')].map(words).filter(w => w.length),
          last: [...t.tBodies].flatMap(b => [...b.rows]).map(r => words(r.cells[r.cells.length - 1]).slice(0, 2))
            .filter(w => w.join(' ').length >= 3)};
})"""

#: The page's title and its width as laid out (CSS px).
TITLE_JS = """() => { const h1 = document.querySelector('main h1'), range = document.createRange();
  range.selectNodeContents(h1); return [h1.textContent, range.getBoundingClientRect().width]; }"""


def printed_scale(data: bytes, title: str, css_px: float) -> float:
    """How much smaller than laid out the first sheet of ``data`` is printed: the printed width of the page's title
    (``title``, on one line: the widest of its occurrences, the source line above names it too, in small type) over
    its width in CSS px. Chromium shrinks a whole page to fit a table wider than the paper (to 68 % for a chapter
    with a table of fourteen columns), every line of it, not the table alone."""
    document = pdfium.PdfDocument(data)
    try:
        words = document[0].get_textpage()
        text = words.get_text_range()
        starts = [found.start() for found in re.finditer(re.escape(title), text)]
        # a character's advance, as the layout's width has it (its ink, the default box, is narrower)
        widths = [words.get_charbox(at + len(title) - 1, loose=True)[2] - words.get_charbox(at, loose=True)[0]
                  for at in starts]
        return max(widths, default=0) * PX_PER_PT / css_px
    finally:
        document.close()


def printed_after(text: str, start: int, cell: list[str]) -> int:
    """Where a cell's words are printed from ``start`` on (their end), or -1: in layout mode a text wrapped in its
    cell has the other cells of its line between its words."""
    found = re.compile(".{0,200}?".join(re.escape(word) for word in cell)).search(text, start)
    return found.end() if found else -1


def test_every_column_of_a_wide_table_is_printed(  # type: ignore[no-untyped-def]
        browser, base_url: str) -> None:
    """Printed, a table wider than the paper was cut at its right edge: Batu Sopang's IKU table (Tabel 2.2) ended at
    "Penanggung ja…", and its last column, the unit answerable for each indicator, was not on the paper at all; a
    budget plan lost its total, a bab 3 table its last columns. On paper every column header is printed, and every
    cell of the last column, in order; a table marked wide is printed on a landscape sheet, as in the PDF. Chromium
    shrank a whole chapter to fit a table a little too wide (to 82 % for Batu Sopang's budget plan, its text 8,6 pt):
    a chapter is printed at its size."""
    context, probe = open_probe(browser, base_url, java_script_enabled=False, viewport={"width": 673, "height": 960})
    page = probe.page
    missing: list[str] = []
    try:
        for path in WIDE_CHAPTERS:
            probe.goto(path)
            print_media(page)
            tables = page.evaluate(COLUMNS_JS)
            title, width = page.evaluate(TITLE_JS)
            data = page.pdf(prefer_css_page_size=True)
            sheets = read_back(data)
            assert tables, path
            if (scale := printed_scale(data, title, width)) < 0.98:
                missing.append(f"{path}: seluruh halaman dicetak diperkecil ({scale:.0%})")
            text = " ".join(sheet.text for sheet in sheets)
            for table in tables:
                caption = table["caption"]
                at = text.find(caption)
                if at < 0:
                    missing.append(f"{path} {caption}: tidak tercetak")
                    continue
                missing += [f"{path} {caption}: judul kolom {' '.join(cell)!r}" for cell in table["headers"]
                            if printed_after(text, at, cell) < 0]
                for cell in table["last"]:
                    end = printed_after(text, at, cell)
                    if end < 0:
                        missing.append(f"{path} {caption}: sel kolom terakhir {' '.join(cell)!r}")
                    else:
                        at = end
                if table["wide"] and not any(sheet.landscape for sheet in sheets if caption in sheet.text):
                    missing.append(f"{path} {caption}: tabel lebar tidak dicetak melintang")
        assert probe.problems() == [], probe.problems()
    finally:
        context.close()
    assert missing == [], "\n".join(missing)


#: What each unfolded <details> of the page is: its summary as printed, the first words of its content when it holds
#: no table, and for a chart's data table each row's cells (the first words of each) and the table's height in print.
FOLDED_JS = """() => [...document.querySelectorAll('main details')].filter(d => !d.closest('nav')).map(d => {
  // the words of the page, not of the screen (innerText: a closed <details> has none)
  const words = el => el.textContent.split(/\\s+/).filter(Boolean);
  const summary = d.querySelector(':scope > summary');
  const seen = summary.cloneNode(true);  // what the paper shows: a screen reader's words (.sr) are not printed
  seen.querySelectorAll('.sr').forEach(sr => sr.remove());
  const table = d.querySelector('table');
  // every node after the summary, its text too: a key figure's definition is text with marked figures in it
  const content = [...d.childNodes].filter(c => c !== summary).map(c => words(c).join(' ')).filter(Boolean).join(' ');
  return {label: words(seen).join(' '),
          text: table ? '' : content.split(' ').slice(0, 2).join(' '),
          rows: table ? [...table.tBodies[0].rows].map(r => [...r.cells].map(c => words(c).slice(0, 2).join(' '))) : [],
          height: table ? table.getBoundingClientRect().height : 0};
})"""


@pytest.mark.parametrize("java_script", [False, True], ids=["tanpa-js", "dengan-js"])
def test_what_is_folded_on_screen_is_printed(  # type: ignore[no-untyped-def]
        browser, base_url: str, java_script: bool) -> None:
    """A chart's data table ("Data gambar 3.1" under each chart) folds on screen, and Chromium printed nothing of a
    closed <details>: on paper the chart's bars stood without their numbers, and a key figure without its definition
    (cetak.css's rule for the children does not reach Chromium's hidden content slot). Printed, with JavaScript or
    without (the site's CSP allows no inline script, and a reader may have it off), each is under its summary as a
    label; a chart's data is a compact table (the 22 indicators of a chart in less than two thirds of a page, not the
    screen's two pages)."""
    context, probe = open_probe(browser, base_url, java_script_enabled=java_script,
                                viewport={"width": 673, "height": 960})
    page = probe.page
    missing: list[str] = []
    try:
        for path in (CHAPTER, REPORT):
            probe.goto(path)
            print_media(page)
            folded = page.evaluate(FOLDED_JS)
            assert folded, path
            sheets = printed(page)
            lines, plain = " ".join(sheet.text for sheet in sheets), " ".join(sheet.plain for sheet in sheets)
            for item in folded:
                label = item["label"]
                if item["rows"]:  # right under its label, row by row
                    at = lines.find(label)
                    absent = rows_follow(lines, at + len(label), item["rows"]) if at >= 0 else []
                    if at < 0 or absent:
                        what = f"tanpa baris {absent}" if absent else "tidak tercetak"
                        missing.append(f"{path}: {label!r} {what}")
                    if item["height"] >= PAGE_PX * 2 / 3:
                        missing.append(f"{path}: {label!r} setinggi {item['height']:.0f} px, lebih dari 2/3 halaman")
                elif f"{label} {item['text']}" not in plain:
                    missing.append(f"{path}: {label!r} tanpa isinya {item['text']!r}")
        assert probe.problems() == [], probe.problems()
    finally:
        context.close()
    assert missing == [], missing


#: A portal past the home page's folding thresholds (partials/laporan_tahun.html): nine instansi (more than eight are
#: listed under a closed "Setiap instansi dari tahun ke tahun") over two years (eighteen reports: the earlier year is
#: folded under "Tampilkan 9 laporan tahun 2022").
FOLDED_YEARS = (2023, 2022)
FOLDED_INSTANSI = tuple(f"Kecamatan Lipat {n}" for n in range(1, 10))


@pytest.fixture(scope="module")
def folded_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The portal of :data:`FOLDED_INSTANSI` over :data:`FOLDED_YEARS`, built without PDFs and served."""
    root = tmp_path_factory.mktemp("cetak-beranda") / "situs"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1707955200")
        for year in FOLDED_YEARS:
            for n, instansi in enumerate(FOLDED_INSTANSI, 1):
                scaffold_report(root, f"kecamatan-lipat-{n}-{year}", year, instansi, "Program desa.")
        lkjip(root, "build", "--no-pdf")
    with served(root / "build") as url:
        yield url


def test_a_printed_home_page_lists_every_report_and_instansi(  # type: ignore[no-untyped-def]
        browser, folded_home: str) -> None:
    """Printed, the home page of a portal of many reports listed the newest year only: the earlier years, folded on
    screen under "Tampilkan 9 laporan tahun 2022", and the list of instansi from year to year were not on the paper.
    On paper each year lists its reports under its heading (without the screen's "Tampilkan …", which asks for a
    click), and the list of instansi is under its summary."""
    context, probe = open_probe(browser, folded_home, java_script_enabled=False,
                                viewport={"width": 673, "height": 960})
    try:
        probe.goto("/")
        print_media(probe.page)
        text = " ".join(sheet.text for sheet in printed(probe.page))
        assert "Tampilkan" not in text
        missing = []
        for title, line in ((f"Setiap instansi dari tahun ke tahun ({len(FOLDED_INSTANSI)} instansi)",
                             "{} dari tahun ke tahun"),
                            *((f"Tahun {year}", "{}") for year in FOLDED_YEARS)):
            at = text.find(title)
            missing += [f"{title}: {line.format(name)}" for name in FOLDED_INSTANSI
                        if at < 0 or text.find(line.format(name), at) < 0]
        assert missing == [], missing
        assert probe.problems() == [], probe.problems()
    finally:
        context.close()


#: The comparison page: one table of six columns (marked wide for the screen) under its heading, and a chart with
#: its data.
COMPARISON = "/perbandingan/"
COMPARISON_HEADING, CHART_HEADING = "Tabel perbandingan", "Grafik perbandingan"
#: The comparison table's caption and column headers, and the words of its last two cells in each row (the budget
#: uptake with its amounts, the report's version and date), each piece of text apart ("Versi 1.0" and "terbit …" are
#: two lines of a cell), without a screen reader's words (.sr, not printed).
LAST_CELLS_JS = """() => { const t = document.querySelector('main table.urut');
  const words = el => { const found = [], walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    while (walk.nextNode()) if (!walk.currentNode.parentElement.closest('.sr')) found.push(...walk.currentNode.data
      .split(/\\s+/).filter(Boolean));
    return found; };
  return {caption: words(t.caption).join(' '), headers: [...t.tHead.querySelectorAll('th')].map(words),
          cells: [...t.tBodies[0].rows].flatMap(r => [...r.cells].slice(-2).map(words))}; }"""


def test_the_comparison_page_prints_its_table_and_chart_data_on_two_portrait_sheets(  # type: ignore[no-untyped-def]
        browser, base_url: str) -> None:
    """Printed, the comparison page put its table on a landscape sheet of its own: its introduction stood alone on a
    portrait sheet (184 mm of it blank), the table on a landscape sheet, the chart on a third. Its six columns fit a
    portrait page: on paper the introduction, the table with every column header and every cell of its last two
    columns at the page's size (not shrunk to fit), and the chart with its data table (each row's figures) take two
    portrait sheets, the first not half empty."""
    context, probe = open_probe(browser, base_url, java_script_enabled=False, viewport={"width": 673, "height": 960})
    page = probe.page
    try:
        probe.goto(COMPARISON)
        print_media(page)
        table, folded = page.evaluate(LAST_CELLS_JS), page.evaluate(FOLDED_JS)
        title, width = page.evaluate(TITLE_JS)
        data = page.pdf(prefer_css_page_size=True)
        sheets = read_back(data)
        assert probe.problems() == [], probe.problems()
    finally:
        context.close()
    text = " ".join(sheet.text for sheet in sheets)
    layout = [f"{'melintang' if sheet.landscape else 'tegak'}, {sheet.free:.0f} px kosong" for sheet in sheets]
    assert len(sheets) == 2 and not any(sheet.landscape for sheet in sheets), layout
    assert sheets[0].free < PAGE_PX / 2, layout
    assert printed_scale(data, title, width) >= 0.98  # not shrunk to fit the table
    at = text.find(table["caption"], text.find(COMPARISON_HEADING))  # the page's title is the same words
    assert at >= 0, table["caption"]
    assert [" ".join(cell) for cell in table["headers"] if printed_after(text, at, cell) < 0] == []
    # each in the table (its lines hold a row's cells side by side: a cell's second line comes after the first
    # line of the next cell), none only in the chart's data below it
    end = text.find(CHART_HEADING, at)
    assert [" ".join(cell) for cell in table["cells"] if not 0 <= printed_after(text, at, cell) <= end] == []
    (chart,) = [item for item in folded if item["rows"]]
    start = text.find(chart["label"], end)
    assert start >= 0 and rows_follow(text, start + len(chart["label"]), chart["rows"]) == [], chart


#: Pages whose printed sheets had a blank half or more before what followed on a sheet of the same orientation: a
#: report page (Pengaron: its key figures moved whole to the second sheet, the first holding only the title), a
#: chapter with a chart and its data too tall for the space below the text before it (Batu Sopang BAB I: 195 mm),
#: and a chapter with a group of indicator rows under one number (Martapura Barat BAB III, Tabel 3.2: 227 mm).
UNBROKEN = ("/laporan/pengaron-2024-tw1/1.0/", "/laporan/batu-sopang-2022/1.0/bab-1-pendahuluan/", CHAPTER)


def test_no_printed_sheet_is_left_half_empty(  # type: ignore[no-untyped-def]
        browser, base_url: str) -> None:
    """Printed, a box that must not be cut (a row of key figures, a chart with its data table, a table row with the
    rows its first cells span) moved whole to the next sheet when it did not fit below the text before it, and left
    that sheet half empty or more. On paper only the last sheet, or one before a sheet turned the other way (a table
    marked wide on a landscape sheet), has half a page or more free at its foot."""
    context, probe = open_probe(browser, base_url, java_script_enabled=False, viewport={"width": 673, "height": 960})
    page = probe.page
    empty: list[str] = []
    try:
        for path in UNBROKEN:
            probe.goto(path)
            print_media(page)
            sheets = printed(page)
            empty += [f"{path}: halaman {n} dari {len(sheets)}, {sheet.free:.0f} px kosong di bawah"
                      for n, (sheet, after) in enumerate(zip(sheets, sheets[1:]), 1)
                      if sheet.landscape == after.landscape and sheet.free >= PAGE_PX / 2]
        assert probe.problems() == [], probe.problems()
    finally:
        context.close()
    assert empty == [], "\n".join(empty)
