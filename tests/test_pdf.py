"""PDF export (issue 5), through the real pipeline: ``lkjip build`` on ``tests/fixtures/pdf/``, PDF read back.

The fixture report (Kecamatan Martapura Barat 2023, all data typed by hand) uses every layout feature of the printed
report: a logo, Kata Pengantar with signature, Ikhtisar, BAB I–IV whose ``##`` sections share a heading text across
chapters ("A. Latar Belakang" in BAB I and BAB II, so their ids collide unless the PDF stage prefixes them), computed
tables (``capaian``, a long ``anggaran`` that spans pages, ``renstra`` declared ``lebar: true``), CSV datasets (one
with 12 columns, landscape by column count; one whose 15-digit amounts cannot wrap, landscape because the layout finds
it too wide), a chart, an image, cross-chapter links and ``{ref}`` references, and one remote image (raw HTML) that
the URL fetcher must refuse.

Builds (about 20 s in all):

* ``rendered``: one build without cache under ``SOURCE_DATE_EPOCH=1707955200`` (15 Februari 2024); most tests read
  its PDF with pypdf and pikepdf.
* ``rebuilt``: the same content copied to another directory together with a second report, built with the memo, so
  the two PDFs are laid out in parallel worker processes. Its PDF must equal the first byte for byte; the memo tests
  then rebuild it (nothing rendered) and change one data value (only that report rendered again).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import html
import io
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from decimal import Decimal
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import pikepdf
import pypdf
import pytest
import yaml
from fontTools.ttLib import TTFont
from hypothesis import given, settings
from hypothesis import strategies as st
from weasyprint import CSS, HTML
from weasyprint.html import UA as WEASYPRINT_UA
from weasyprint.formatting_structure.boxes import TableCellBox
from weasyprint.text.fonts import FontConfiguration

from lkjip_site import __version__
from lkjip_site import build as build_mod
from lkjip_site.build import BuildOptions, BuildResult, build, build_pdf, check
from lkjip_site.cli.main import main as cli_main
from lkjip_site.cli.scaffold import new_report
from lkjip_site.core import fmt
from lkjip_site.core.model import Instansi, Loc, NumberedItem, Person, Report
from lkjip_site.output import audit, pdfs
from lkjip_site.core.diagnostics import ContentError, Diagnostics
from lkjip_site.core.memo import Memo
from lkjip_site.elements import figures
from lkjip_site.elements.charts import pieces
from lkjip_site.elements.charts import spec as chart_spec
from lkjip_site.elements.charts import style as chart_style
from lkjip_site.elements.charts.svg import render_chart
from lkjip_site.markdown.directives import Registry
from lkjip_site.markdown.parser import make_parser
from lkjip_site.output import theme
from lkjip_site.output.pdf import document, fonts, layout, ua

from conftest import REPO, SLUG, chapter_pages_rendered

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "pdf"
SOURCE = FIXTURE / "content" / "laporan" / "contoh"
THEME_FONTS = Path(__file__).resolve().parents[1] / "themes" / "default" / "static" / "fonts"
EPOCH = "1707955200"  # 2024-02-15 00:00:00 UTC
PDF_PATH = "laporan/contoh/1.0/contoh-1.0.pdf"
COPY_PDF_PATH = "laporan/contoh-salinan/1.0/contoh-salinan-1.0.pdf"
NUMBER_AT_END = re.compile(r"(\d+|[ivxlcdm]+)\s*$")

#: Every numbered item of the fixture, written out by hand from the Markdown (numbering restarts in each BAB).
TABLES = {
    "pegawai-golongan": "Tabel 1.1 Jumlah Pegawai Menurut Unit Kerja dan Golongan",
    "penduduk-desa": "Tabel 1.2 Jumlah Penduduk Menurut Desa dan Jenis Kelamin",
    "renstra-matriks": "Tabel 2.1 Matriks Target Renstra 2022–2026",
    "capaian-2023": "Tabel 3.1 Capaian Indikator Kinerja Tahun 2023",
    "anggaran-rinci": "Tabel 3.2 Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan",
    "aset-jenis": "Tabel 3.3 Nilai Barang Milik Daerah Menurut Jenis Aset",
}
FIGURES = {"grafik-capaian": "Gambar 2.1 Target dan Realisasi Indikator Kinerja Utama 2023"}
CHAPTERS = {
    "kata-pengantar": ("Kata Pengantar", None), "ikhtisar-eksekutif": ("Ikhtisar Eksekutif", None),
    "bab-1-pendahuluan": ("Pendahuluan", "I"), "bab-2-perencanaan-kinerja": ("Perencanaan Kinerja", "II"),
    "bab-3-akuntabilitas-kinerja": ("Akuntabilitas Kinerja", "III"), "bab-4-penutup": ("Penutup", "IV"),
}
#: Section anchors in the PDF: heading slug prefixed with the chapter id. The first two come from the same heading
#: text in two chapters ("A. Latar Belakang") and would be one id without the prefix.
SECTIONS = [
    "bab-1-pendahuluan--a-latar-belakang", "bab-2-perencanaan-kinerja--a-latar-belakang",
    "bab-1-pendahuluan--b-sumber-daya-manusia", "bab-2-perencanaan-kinerja--b-rencana-strategis",
    "bab-3-akuntabilitas-kinerja--a-capaian-kinerja-organisasi", "bab-3-akuntabilitas-kinerja--b-realisasi-anggaran",
    "bab-3-akuntabilitas-kinerja--c-nilai-aset", "bab-4-penutup--a-kesimpulan", "bab-4-penutup--b-saran",
]
#: Tables on landscape pages: declared (``lebar: true``), 12 columns (> tables.AUTO_LANDSCAPE_COLUMNS), and 8 columns
#: of unbreakable 15-digit amounts that the layout finds wider than a portrait page.
LANDSCAPE = {"renstra-matriks": "dinyatakan", "pegawai-golongan": "otomatis", "aset-jenis": "terlalu lebar"}


# ====================================================================================================================
# Builds


@contextlib.contextmanager
def source_date_epoch() -> Iterator[None]:
    """Module-scoped SOURCE_DATE_EPOCH (the ``monkeypatch`` fixture is function-scoped), restored afterwards."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        mp.delenv("LKJIP_DEBUG", raising=False)
        yield


def copy_fixture(root: Path, second_report: bool = False) -> Path:
    """The fixture content under ``root``; optionally with a copy of the report under another slug."""
    shutil.copytree(FIXTURE / "content", root / "content")
    shutil.copyfile(FIXTURE / "situs.yaml", root / "situs.yaml")
    if second_report:
        shutil.copytree(root / "content" / "laporan" / "contoh", root / "content" / "laporan" / "contoh-salinan")
    return root


@dataclasses.dataclass
class Rendered:
    root: Path
    result: BuildResult
    report: Report
    data: bytes
    reader: pypdf.PdfReader
    pike: pikepdf.Pdf
    served: dict[str, str]  # files the PDF URL fetcher read while laying out
    refused: list[str]  # URLs it refused
    texts: dict[int, str] = dataclasses.field(default_factory=dict)

    def text(self, index: int) -> str:
        """Page text, whitespace collapsed (pypdf's extraction is slow: each page is read once per module)."""
        if index not in self.texts:
            self.texts[index] = _text(self.reader, index)
        return self.texts[index]


#: An image from the internet in the print HTML: an author's (Markdown, raw HTML, an SVG's) is an error of ``check``,
#: so only a site's own theme could put one there; the layout must refuse it, never fetch it, and say so.
REMOTE_IMAGE = '<p><img src="https://example.invalid/peta.png" alt="Peta wilayah"></p>'


@contextlib.contextmanager
def remote_image() -> Iterator[None]:
    """Every PDF laid out meanwhile shows :data:`REMOTE_IMAGE` at the end of its last chapter."""
    real = pdfs.prepare_pdf

    def prepare(report: Report, site: Any, env: jinja2.Environment, attachments: Any, asset_root: Path,
                chapter_html: dict[str, str], *args: Any, **kwargs: Any) -> Any:
        shown = dict(chapter_html)
        shown[sorted(shown)[-1]] += REMOTE_IMAGE
        return real(report, site, env, attachments, asset_root, shown, *args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pdfs, "prepare_pdf", prepare)
        yield


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rendered]:
    """One build without cache; the URL fetchers it creates are recorded (one report: laid out in this process)."""
    root = copy_fixture(tmp_path_factory.mktemp("pdf") / "proyek")
    fetchers: list[Any] = []
    original = layout.make_url_fetcher

    def recording(*args: Any, **kwargs: Any) -> Any:
        fetcher = original(*args, **kwargs)
        fetchers.append(fetcher)
        return fetcher

    with source_date_epoch(), remote_image(), pytest.MonkeyPatch.context() as mp:
        mp.setattr(layout, "make_url_fetcher", recording)
        result = build(BuildOptions(root=root, output=root / "situs", use_cache=False))
    out = root / "situs" / PDF_PATH
    served = {k: v for f in fetchers for k, v in f.served.items()}
    refused = sorted({u for f in fetchers for u in f.refused})
    with pikepdf.open(out) as pike:
        yield Rendered(root, result, result.site.reports[0], out.read_bytes(), pypdf.PdfReader(out), pike, served,
                       refused)


@dataclasses.dataclass
class Rebuilt:
    root: Path
    first: BuildResult
    data: bytes  # the "contoh" PDF of the first build in this directory


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Rebuilt:
    """The fixture in a different, deeper directory with a second report; built with the memo in ``<root>/.cache``."""
    root = copy_fixture(tmp_path_factory.mktemp("salinan") / "arsip" / "checkout-lain", second_report=True)
    with source_date_epoch(), remote_image():
        first = build(BuildOptions(root=root))
    return Rebuilt(root, first, (root / "build" / PDF_PATH).read_bytes())


# ====================================================================================================================
# Reading the PDF back


def _fragments(page: pypdf.PageObject) -> list[tuple[float, float, str]]:
    """(x, y, text) of every text run on the page, in PDF user space (y grows upwards)."""
    out: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            out.append((x, y, text))

    page.extract_text(visitor_text=visit)
    return out


def _lines(frags: list[tuple[float, float, str]]) -> list[str]:
    """Group fragments into visual lines, top to bottom."""
    rows: dict[int, list[tuple[float, str]]] = {}
    for x, y, text in frags:
        rows.setdefault(round(y), []).append((x, text))
    return ["".join(t for _, t in sorted(parts)) for _, parts in sorted(rows.items(), reverse=True)]


def _footer_number(page: pypdf.PageObject) -> str:
    """The printed page number: the text in the bottom margin (below 20 mm; the page margins are 24 mm and 20 mm).

    Read from :func:`_without_forms` pages: pypdf places text drawn inside form XObjects (the SVG chart's axis
    labels) without the form's matrix, so it could land in the margin.
    """
    found = [t.strip() for x, y, t in sorted(_fragments(page))
             if 0 <= y < 20 * 72 / 25.4 and re.fullmatch(r"\s*(\d+|[ivxlcdm]+)\s*", t)]
    return " ".join(found)


def _without_forms(data: bytes) -> pypdf.PdfReader:
    """The PDF with every form XObject (SVG images and charts) emptied; page content itself is untouched."""
    with pikepdf.open(io.BytesIO(data)) as doc:
        for obj in doc.objects:
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Form":
                obj.write(b"")
        out = io.BytesIO()
        doc.save(out)
    return pypdf.PdfReader(out)


def _dest_pages(reader: pypdf.PdfReader) -> dict[str, int]:
    return {name: reader.get_destination_page_number(dest) for name, dest in reader.named_destinations.items()}


def _text(reader: pypdf.PdfReader, index: int) -> str:
    return re.sub(r"\s+", " ", reader.pages[index].extract_text())


def _is_landscape(page: pikepdf.Page) -> bool:
    x0, y0, x1, y1 = (float(v) for v in page.MediaBox)
    rotate = int(page.obj.get("/Rotate", 0))
    return (x1 - x0 > y1 - y0) != (rotate % 180 == 90)


def _pdf_paths(result: BuildResult) -> list[str]:
    """PDFs laid out (not taken from the memo) in a build."""
    return [p for p in result.rendered if p.endswith(".pdf")]


# ====================================================================================================================
# Layout


def test_build_writes_the_pdf_at_its_versioned_url(rendered: Rendered) -> None:
    assert rendered.data.startswith(b"%PDF-1.7")
    assert rendered.result.files[PDF_PATH] == rendered.data
    assert _pdf_paths(rendered.result) == [PDF_PATH]
    # the report page links the PDF with its size (KB of 1024 bytes, one decimal, id-ID comma)
    page = (rendered.root / "situs" / "laporan" / "contoh" / "1.0" / "index.html").read_text(encoding="utf-8")
    size = f"{len(rendered.data) / 1024:.1f}".replace(".", ",")
    assert re.search(rf'<a href="contoh-1\.0\.pdf"[^>]*>[^<]*</a>\s*<span class="meta">\(PDF, {size} KB\)', page)


def test_page_count_and_structure(rendered: Rendered) -> None:
    n = len(rendered.reader.pages)
    dests = _dest_pages(rendered.reader)
    # cover and its empty back, Kata Pengantar, Daftar Isi, Daftar Tabel, Daftar Gambar, Ikhtisar, an empty page (the
    # front matter has five), then BAB I on page index 8: the front of a sheet (test_printed_on_both_sides_and_bound)
    assert [dests[k] for k in ("kata-pengantar", "daftar-isi", "daftar-tabel", "daftar-gambar",
                               "ikhtisar-eksekutif", "bab-1-pendahuluan")] == [2, 3, 4, 5, 6, 8]
    # each BAB starts a new page, in order; the long budget table and a landscape page make BAB III long.
    starts = [dests[c] for c in CHAPTERS if CHAPTERS[c][1]]
    assert starts == sorted(set(starts))
    for start in starts:
        assert _fragments(rendered.reader.pages[start]), "BAB dimulai di halaman baru"
        assert rendered.text(start).lstrip().startswith("BAB ")
    assert starts[3] - starts[2] >= 4
    assert 15 <= n <= 26


def test_page_labels_match_printed_numbers(rendered: Rendered) -> None:
    labels = rendered.reader.page_labels
    n = len(labels)
    assert n == len(rendered.reader.pages)
    # the cover's back is the cover's; the empty page before BAB I is counted (vi) but carries no number
    assert labels[:9] == ["Sampul", "Sampul", "i", "ii", "iii", "iv", "v", "vi", "1"]
    assert labels[8:] == [str(i) for i in range(1, n - 7)]
    pages = _without_forms(rendered.data).pages
    for index in range(2, n):
        assert _footer_number(pages[index]) == ("" if index == 7 else labels[index]), f"halaman indeks {index}"
    # the cover carries no number
    assert not re.fullmatch(r"\d+|[ivx]+", _footer_number(pages[0]))


def test_printed_on_both_sides_and_bound(rendered: Rendered, tmp_path: Path) -> None:
    """The report is printed on both sides of each sheet and bound at the left edge of the front. The Kata Pengantar
    the head signs was printed on the back of the cover, and each sheet's back had its wide margin on the outside,
    20 mm at the binding. Now the front matter and BAB I begin on the front of a sheet (an empty page before them
    when needed, with no header and no number), and on every portrait page the margin at the binding is the wide one
    (28 mm), the outer one 22 mm, read from where the running header begins and ends."""
    pdf = tmp_path / "laporan.pdf"
    pdf.write_bytes(rendered.data)
    dests = _dest_pages(rendered.reader)
    # page index 0, 2, 4 … is the front of a sheet (a right-hand page), 1, 3, 5 … its back
    assert dests["kata-pengantar"] % 2 == 0 and dests["bab-1-pendahuluan"] % 2 == 0
    empty = [i for i in range(len(rendered.reader.pages)) if not _words(pdf, i)]
    assert empty == [1, dests["bab-1-pendahuluan"] - 1]  # the cover's back; BAB I after five front pages
    mm = 72 / 25.4
    checked = 0
    for index, page in enumerate(rendered.pike.pages):
        width = float(page.MediaBox[2])
        header = [w for w in _words(pdf, index) if w[3] < 28 * mm]
        if _is_landscape(page) or not header:
            continue
        left, right = min(w[0] for w in header) / mm, (width - max(w[2] for w in header)) / mm
        binding, outer = (left, right) if index % 2 == 0 else (right, left)
        assert binding == pytest.approx(28, abs=0.5) and outer == pytest.approx(22, abs=0.5), \
            f"halaman indeks {index}: tepi jilid {binding:.1f} mm, tepi luar {outer:.1f} mm"
        checked += 1
    assert checked >= 10


def _list_pages(r: Rendered) -> list[int]:
    """Indexes of the Daftar Isi / Tabel / Gambar pages."""
    dests = _dest_pages(r.reader)
    return sorted({dests[d] for d in ("daftar-isi", "daftar-tabel", "daftar-gambar") if d in dests})


def test_list_entries_point_to_their_printed_page(rendered: Rendered) -> None:
    reader = rendered.reader
    dests = _dest_pages(reader)
    labels = reader.page_labels
    checked: set[str] = set()
    for index in _list_pages(rendered):
        page = reader.pages[index]
        frags = _fragments(page)
        rects: dict[str, list[tuple[float, float]]] = {}
        for annot in page.get("/Annots", []):
            annot = annot.get_object()
            if annot.get("/Subtype") == "/Link" and "/Dest" in annot:
                _, y1, _, y2 = (float(v) for v in annot["/Rect"])
                rects.setdefault(str(annot["/Dest"]), []).append((min(y1, y2), max(y1, y2)))
        for dest, spans in rects.items():
            inside = [f for f in frags if any(lo - 1 <= f[1] <= hi + 1 for lo, hi in spans)]
            last_line = _lines(inside)[-1]
            match = NUMBER_AT_END.search(last_line)
            assert match, f"tidak ada nomor halaman untuk {dest}: {last_line!r}"
            assert match.group(1) == labels[dests[dest]], f"{dest}: tercetak {match.group(1)}"
            checked.add(dest)
    expected = set(CHAPTERS) | set(TABLES) | set(FIGURES) | set(SECTIONS) | {"daftar-isi", "daftar-tabel",
                                                                                  "daftar-gambar"}
    assert expected <= checked, sorted(expected - checked)


def _words(pdf: Path, index: int) -> list[tuple[float, float, float, float, str]]:
    """(x0, y0, x1, y1, word) of one page as poppler lays its words out (``pdftotext -bbox``)."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(index + 1), "-l", str(index + 1), str(pdf), "-"],
                         check=True, capture_output=True, text=True).stdout
    return [(float(a), float(b), float(c), float(d), html.unescape(w)) for a, b, c, d, w in
            re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out)]


def test_list_entries_page_numbers_are_not_drawn_over_their_captions(rendered: Rendered, tmp_path: Path) -> None:
    """In the Daftar Isi / Tabel / Gambar no word is drawn over another: a caption that nearly filled its line had
    its page number printed on its last word ("Tahun" under "6"; seven of Pengaron's thirteen entries), the leader
    and number laid out in the caption's own line."""
    pdf = tmp_path / "laporan.pdf"
    pdf.write_bytes(rendered.data)
    for index in _list_pages(rendered):
        words = [w for w in _words(pdf, index) if w[4].strip(".")]
        for i, (x0, y0, x1, y1, word) in enumerate(words):
            for X0, Y0, X1, Y1, other in words[i + 1:]:
                assert not (min(x1, X1) - max(x0, X0) > 1 and min(y1, Y1) - max(y0, Y0) > 3), \
                    f"halaman indeks {index}: '{word}' tertimpa '{other}'"


def _link_rects(page: pikepdf.Page) -> dict[str, list[tuple[float, float, float, float]]]:
    """{destination: [(x0, top, x1, bottom)]} of a page's internal links, measured from the top of the page as
    ``pdftotext -bbox`` measures its words."""
    height = float(page.MediaBox[3])
    out: dict[str, list[tuple[float, float, float, float]]] = {}
    for annot in page.obj.get("/Annots", []):
        if annot.get("/Subtype") == "/Link" and "/Dest" in annot:
            x0, y0, x1, y1 = (float(v) for v in annot.Rect)
            out.setdefault(str(annot.Dest), []).append((min(x0, x1), height - max(y0, y1), max(x0, x1),
                                                        height - min(y0, y1)))
    return out


def _inside(word: tuple[float, float, float, float, str], rect: tuple[float, float, float, float]) -> bool:
    """The middle of a word lies in the rectangle: a finger on the word lands on the link."""
    x, y = (word[0] + word[2]) / 2, (word[1] + word[3]) / 2
    return rect[0] - 0.5 <= x <= rect[2] + 0.5 and rect[1] - 0.5 <= y <= rect[3] + 0.5


def test_every_word_of_a_list_entry_is_part_of_its_link(rendered: Rendered, tmp_path: Path) -> None:
    """A reader on a phone taps the page number of an entry of the Daftar Isi, or "Tabel 3.2" in the Daftar Tabel:
    the number (in its column right of the entry) and the label (left of the caption) were drawn outside the entry's
    link, and a tap on them did nothing. Every word of the lists (the title and the page's own number aside) lies in
    the link of its entry, and each page number in the link to the page it names."""
    pdf = tmp_path / "laporan.pdf"
    pdf.write_bytes(rendered.data)
    dests, labels = _dest_pages(rendered.reader), rendered.reader.page_labels
    numbers = 0
    for index in _list_pages(rendered):
        page = rendered.pike.pages[index]
        rects = _link_rects(page)
        words = _words(pdf, index)
        top = max((w[3] for w in words if w[4] == "Halaman"), default=0.0)  # the list's title and column head
        foot = float(page.MediaBox[3]) - 24 * 72 / 25.4  # the page's own number, in the bottom margin
        entries = [w for w in words if top < w[1] and w[3] < foot]
        assert entries
        column = max(w[2] for w in entries) - 10 * 72 / 25.4  # the page numbers' column, 10 mm wide
        for word in entries:
            hit = [d for d, boxes in rects.items() if any(_inside(word, r) for r in boxes)]
            assert hit, f"halaman indeks {index}: '{word[4]}' di luar tautan"
            if word[0] > column and word[4].strip("."):
                assert [labels[dests[d]] for d in hit] == [word[4]], f"halaman indeks {index}: {word[4]} → {hit}"
                numbers += 1
    assert numbers >= len(CHAPTERS) + len(TABLES) + len(FIGURES)


def _caption_baseline(reader: pypdf.PdfReader, index: int, caption: str) -> float:
    """The height above the foot of the page of the baseline of the caption's first line."""
    rows: dict[int, list[tuple[float, str]]] = {}
    for x, y, text in _fragments(reader.pages[index]):
        rows.setdefault(round(y), []).append((x, text))
    found = [y for y, parts in rows.items() if "".join(t for _, t in sorted(parts)).strip().startswith(caption)]
    assert len(found) == 1, (caption, index, found)
    return found[0]


def test_a_link_to_a_table_or_figure_shows_its_caption(rendered: Rendered) -> None:
    """A tap on "Tabel 3.2" (in the text or the Daftar Tabel) brings the table to the top of the screen, its caption
    first: WeasyPrint put a table's target on its grid, below the caption, and the reader landed on the column
    headers with "Tabel 3.2 …" just above the screen's edge. The target is above the caption's first line (a 10 pt
    line: its capitals reach 7 pt above the baseline) and not a line further up."""
    reader = rendered.reader
    for item, caption in {**TABLES, **FIGURES}.items():
        dest = reader.named_destinations[item]
        index = reader.get_destination_page_number(dest)
        baseline = _caption_baseline(reader, index, caption[:30])
        assert baseline + 7 <= float(dest.top) <= baseline + 20, (item, float(dest.top), baseline)


def test_a_notes_letter_in_a_table_can_be_tapped(tmp_path: Path) -> None:
    """The letter after an N/A in a table links to its note under the table: with the superscript's line height 0
    its link had no height, and a finger found nothing to follow. Each letter now lies in a link of some height,
    and the lines are laid out as they were without it, to the point."""
    css = CSS(filename=str(REPO / "themes" / "default" / "static" / "print-pdf.css"))
    plain = CSS(string="sup.na-ref a { display: inline; line-height: inherit; text-indent: inherit; padding: 0; "
                       "margin: 0; }")

    def na(note: int) -> str:
        mark = fmt.note_letter(note)
        return (f'<span class="na">N/A</span><sup class="na-ref"><a href="#t-na-{note}" '
                f'aria-label="catatan {mark}">{mark}</a></sup>')

    rows = "".join(f"<tr><td>Indikator {i}</td><td class=\"angka\">{na(i % 3 + 1)}</td><td>{na(3 - i % 3)}</td>"
                   f"<th>{na(1)}</th></tr>" for i in range(12))
    page = (f'<p>Capaian {na(1)} belum dapat dihitung.</p><div class="tabel-wadah"><table id="t" class="tabel">'
            f'<caption>Tabel 1</caption><thead><tr><th>Indikator</th><th>Capaian</th><th>Predikat</th><th>Lain</th>'
            f'</tr></thead><tbody>{rows}</tbody></table><ul class="tabel-catatan">'
            + "".join(f'<li id="t-na-{n}" class="na-catatan-tabel"><sup>{fmt.note_letter(n)}</sup> alasan {n}</li>'
                      for n in (1, 2, 3)) + "</ul></div>")
    made = tmp_path / "na.pdf"
    HTML(string=page).write_pdf(made, stylesheets=[css])
    before = tmp_path / "tanpa.pdf"
    HTML(string=page).write_pdf(before, stylesheets=[css, plain])
    assert _words(made, 0) == _words(before, 0)
    with pikepdf.open(made) as pdf:
        rects = _link_rects(pdf.pages[0])
    words = _words(made, 0)
    notes = min(w[1] for w in words if w[4] == "alasan")  # the notes' own letters are no links
    letters = [w for w in words if w[4] in ("a", "b", "c") and w[3] < notes]
    assert len(letters) == 1 + 12 * 3
    for word in letters:
        hit = [r for r in rects.get(f"t-na-{' abc'.index(word[4])}", []) if _inside(word, r)]
        assert hit and all(r[3] - r[1] >= 6 and r[2] - r[0] >= 6 for r in hit), (word, hit)


def test_the_pdf_opens_with_its_bookmarks_and_title(rendered: Rendered) -> None:
    """On a laptop the outline of chapters and sections is how a reader moves through forty pages; it stayed behind
    a button until asked for, and the window was named by the file ("contoh-1.0.pdf"), not the report."""
    root = rendered.pike.Root
    assert root.PageMode == pikepdf.Name.UseOutlines and "/First" in root.Outlines
    assert root.ViewerPreferences.DisplayDocTitle is True
    assert str(rendered.pike.docinfo.Title) == rendered.report.judul


def test_every_sign_is_printed_in_the_themes_fonts(rendered: Rendered, tmp_path: Path) -> None:
    """The capaian formula's minus and the scales' ≥ come from the theme (Noto Sans Math), not from a system font:
    they were DejaVu's here, and empty boxes on a machine without it ("2 × target □ realisasi")."""
    pdf = tmp_path / "laporan.pdf"
    pdf.write_bytes(rendered.data)
    listing = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    names = {line.split()[0].split("+")[-1] for line in listing.splitlines()[2:] if line.strip()}
    assert names and all(n.startswith("Noto-") for n in names), sorted(names)
    assert "Noto-Sans-Math" in names  # the capaian table's notes print "(2 × target − realisasi)"


def test_budget_rows_show_their_level(rendered: Rendered, tmp_path: Path) -> None:
    """In the anggaran table a program's, a kegiatan's and a sub kegiatan's names were all centred (and bold, like the
    column headers): the levels could be told only by the codes' length. Names start at the left, a sub kegiatan's
    indented."""
    pdf = tmp_path / "laporan.pdf"
    pdf.write_bytes(rendered.data)
    for index in range(len(rendered.reader.pages)):
        words = _words(pdf, index)
        texts = [w[4] for w in words]
        if "Penunjang" in texts and "Penganggaran," in texts:
            break
    else:
        raise AssertionError("tabel anggaran tidak ditemukan")
    program = next(w for i, w in enumerate(words) if w[4] == "Program" and texts[i + 1] == "Penunjang")
    kegiatan = next(w for w in words if w[4] == "Perencanaan," and w[1] > program[1])
    sub = next(w for w in words if w[4] == "Penyusunan" and w[1] > kegiatan[1])
    assert abs(program[0] - kegiatan[0]) < 1, (program, kegiatan)
    assert sub[0] - kegiatan[0] > 8, (kegiatan, sub)


def _drawn_characters(pdf: bytes, family: str) -> set[int]:
    """The code points a PDF draws in the fonts whose name contains ``family``, read from their ToUnicode maps."""
    out: set[int] = set()
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            for font in page.Resources.Font.values():
                if family in str(font.BaseFont) and "/ToUnicode" in font:
                    cmap = font.ToUnicode.read_bytes().decode("latin-1")
                    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
                        out.update(int(u, 16) for u in re.findall(r"<[0-9a-fA-F]+>\s*<([0-9a-fA-F]{4})>", block))
    return out


def test_a_space_after_a_symbol_is_drawn_as_a_space(tmp_path: Path) -> None:
    """The space after Σ or Δ is set in the symbol font (Pango keeps it in the Greek letter's run), so that font must
    have one: without it the kinerja_anggaran table's note printed "Σ□realisasi ÷ Σ□pagu" (boxes, WeasyPrint's
    .notdef). Every character drawn in Noto Sans Math is one the theme's subset of it holds."""
    folder = REPO / "themes" / "default" / "static" / "fonts"
    faces = "".join(f'@font-face {{ font-family: "{family}"; src: url("{(folder / name).as_uri()}"); }}'
                    for family, name in (("Noto Sans", "NotoSans-Regular-latin.woff2"),
                                         ("Noto Sans Math", "NotoSansMath-simbol.woff2")))
    css = CSS(string=faces + 'p { font-family: "Noto Sans", "Noto Sans Math", sans-serif; }',
              font_config=(config := FontConfiguration()))
    text = "Serapan = Σ realisasi ÷ Σ pagu; Δ poin; 2 × target − realisasi; ≥\u00a0100"
    pdf = HTML(string=f"<p>{text}</p>").write_pdf(stylesheets=[css], font_config=config)
    drawn = _drawn_characters(pdf, "Noto-Sans-Math")
    assert {ord("Σ"), ord("Δ"), ord(" ")} <= drawn  # the case is there: the space went with the Greek letter
    held = set(TTFont(folder / "NotoSansMath-simbol.woff2").getBestCmap())
    assert drawn <= held, sorted(hex(c) for c in drawn - held)


def test_code_and_keys_are_printed_in_the_themes_fonts() -> None:
    """A chapter's code block (```), inline `code`, <kbd> and <samp> were set in the user agent's ``monospace``, the
    building machine's font (DejaVu Sans Mono here, Liberation Mono or none elsewhere): the archive's "same sources,
    same bytes" broke on another machine, unwarned. The print stylesheet gives them the theme's own fonts."""
    sheet = THEME_FONTS.parent / "print-pdf.css"
    css = CSS(filename=str(sheet), font_config=(config := FontConfiguration()))
    body = ("<pre><code>sha256sum laporan.pdf  # ≥ 1</code></pre><p><code>x → y</code> <kbd>Ctrl</kbd> "
            "<samp>selesai</samp> <tt>tt</tt> <var>n</var></p>")
    pdf = HTML(string=body, base_url=sheet.as_uri()).write_pdf(stylesheets=[css], font_config=config)
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        names = {str(f.BaseFont).split("+")[-1] for page in doc.pages for f in _fonts(page.Resources, set())}
    assert names and all(n.startswith("Noto-") for n in names), sorted(names)


def test_a_charts_signs_are_printed_in_the_themes_fonts() -> None:
    """A chart label's ≥ and → were printed in the machine's DejaVu Sans: the chart SVG named Noto Sans alone, and
    WeasyPrint read a family list written with spaces after its commas as no font at all."""
    sheet = THEME_FONTS.parent / "print-pdf.css"
    css = CSS(filename=str(sheet), font_config=(config := FontConfiguration()))
    text = (f'<text x="5" y="20" font-family="{chart_style.FONT_FAMILY}" font-size="12px">Capaian ≥ 100% → naik</text>'
            f'<text x="5" y="40" font-family="{chart_style.FONT_FAMILY}" font-weight="bold">−2</text>')
    body = f'<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60">{text}</svg>'
    pdf = HTML(string=body, base_url=sheet.as_uri()).write_pdf(stylesheets=[css], font_config=config)
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        names = {str(f.BaseFont).split("+")[-1] for page in doc.pages for f in _fonts(page.Resources, set())}
    assert "Noto-Sans-Math" in names and all(n.startswith("Noto-") for n in names), sorted(names)


def test_section_ids_are_unique_across_chapters(rendered: Rendered) -> None:
    dests = _dest_pages(rendered.reader)
    assert set(SECTIONS) <= set(dests)
    assert dests["bab-1-pendahuluan--a-latar-belakang"] == dests["bab-1-pendahuluan"]
    assert dests["bab-2-perencanaan-kinerja--a-latar-belakang"] == dests["bab-2-perencanaan-kinerja"]
    assert "a-latar-belakang" not in dests


def _link_targets(reader: pypdf.PdfReader, index: int) -> set[str]:
    out = set()
    for annot in reader.pages[index].get("/Annots", []):
        annot = annot.get_object()
        if annot.get("/Subtype") == "/Link" and "/Dest" in annot:
            out.add(str(annot["/Dest"]))
    return out


def test_links_between_chapters_and_references_are_in_document(rendered: Rendered) -> None:
    reader = rendered.reader
    dests = _dest_pages(reader)
    # [bagian capaian kinerja](30-bab-3-akuntabilitas-kinerja.md#a-capaian-kinerja-organisasi) and {ref} in BAB I
    bab1 = set().union(*(_link_targets(reader, i) for i in range(dests["bab-1-pendahuluan"],
                                                                  dests["bab-2-perencanaan-kinerja"])))
    assert {"bab-3-akuntabilitas-kinerja--a-capaian-kinerja-organisasi", "capaian-2023", "penduduk-desa"} <= bab1
    # [BAB II](20-bab-2-perencanaan-kinerja.md#a-latar-belakang) from BAB III: BAB II's section, not BAB I's
    bab3 = set().union(*(_link_targets(reader, i) for i in range(dests["bab-3-akuntabilitas-kinerja"],
                                                                  dests["bab-4-penutup"])))
    assert "bab-2-perencanaan-kinerja--a-latar-belakang" in bab3
    # [BAB III](30-bab-3-akuntabilitas-kinerja.md) from the Ikhtisar: the chapter's first page
    assert {"bab-3-akuntabilitas-kinerja", "capaian-2023"} <= _link_targets(reader, dests["ikhtisar-eksekutif"])
    # no link to the website for anything inside this report
    for page in reader.pages:
        for annot in page.get("/Annots", []):
            action = annot.get_object().get("/A")
            if action is not None and "/URI" in action:
                assert "laporan/contoh/" not in str(action["/URI"]), str(action["/URI"])


def test_bookmarks_for_babs_and_sections(rendered: Rendered) -> None:
    outline = rendered.reader.outline
    titles = [o.title for o in outline if not isinstance(o, list)]
    for title in ("Kata Pengantar", "Daftar Isi", "Daftar Tabel", "Daftar Gambar", "Ikhtisar Eksekutif",
                  "BAB I Pendahuluan", "BAB II Perencanaan Kinerja", "BAB III Akuntabilitas Kinerja",
                  "BAB IV Penutup"):
        assert title in titles
    bab3 = next(o for o in outline if not isinstance(o, list) and o.title == "BAB III Akuntabilitas Kinerja")
    children = outline[outline.index(bab3) + 1]
    assert [c.title for c in children] == ["A. Capaian Kinerja Organisasi", "B. Realisasi Anggaran", "C. Nilai Aset"]
    dests = _dest_pages(rendered.reader)
    assert rendered.reader.get_destination_page_number(bab3) == dests["bab-3-akuntabilitas-kinerja"]
    bab1 = next(o for o in outline if not isinstance(o, list) and o.title == "BAB I Pendahuluan")
    assert rendered.reader.get_destination_page_number(bab1) == 8


def test_headings_and_captions_extractable(rendered: Rendered) -> None:
    reader = rendered.reader
    dests = _dest_pages(reader)
    for cid, (judul, bab) in CHAPTERS.items():
        text = rendered.text(dests[cid]).upper()
        assert judul.upper() in text
        if bab:
            assert f"BAB {bab}" in text
    for item_id, caption in {**TABLES, **FIGURES}.items():
        assert caption in rendered.text(dests[item_id]), item_id
    # the report's numbering agrees with the hand-written list
    assert {t.id: f"{t.label} {t.judul}" for t in rendered.report.tables} == TABLES
    assert {f.id: f"{f.label} {f.judul}" for f in rendered.report.figures} == FIGURES
    # the chart's data table (in <details>) is for the website only
    assert not any("Data gambar 2.1" in rendered.text(i) for i in range(len(reader.pages)))


def test_computed_numbers_are_the_sites(rendered: Rendered) -> None:
    """One source: the PDF prints the computed values the website shows (checked by hand here)."""
    dests = _dest_pages(rendered.reader)
    capaian = rendered.text(dests["capaian-2023"])
    # IKU1: 71,74 ÷ 73 × 100 = 98,27 %; IKU2: 82,5 ÷ 80 × 100 = 103,13 %; IKU3: 93 ÷ 90 × 100 = 103,33 %
    for value in ("98,27 %", "103,13 %", "103,33 %"):
        assert value in capaian
    site = (rendered.root / "situs" / "laporan" / "contoh" / "1.0" / "bab-3-akuntabilitas-kinerja"
            / "index.html").read_text(encoding="utf-8")
    for value in ("98,27 %", "103,13 %", "103,33 %"):
        assert value in site
    # 12 columns: the row total of "Camat dan Sekretariat" is 1+2+3+2+1+2+0+1+1+0 = 13
    assert "Camat dan Sekretariat 1 2 3 2 1 2 0 1 1 0 13" in rendered.text(dests["pegawai-golongan"])
    # the Kata Pengantar's {nilai}`laporan.tahun`
    assert "Martapura Barat Tahun 2023 dapat diselesaikan" in rendered.text(dests["kata-pengantar"])


def test_signature_block_and_cover(rendered: Rendered) -> None:
    kp = rendered.text(2)
    for expected in ("Martapura, 31 Januari 2024", "Camat Martapura Barat,", "H. Ahmad Rizani, S.Sos., M.AP",
                     "Pembina Tingkat I (IV/b)", "NIP 19700101 199003 1 001"):
        assert expected in kp
    cover = rendered.text(0).upper()
    for expected in ("LAPORAN KINERJA", "INSTANSI PEMERINTAH", "TAHUN 2023", "KECAMATAN MARTAPURA BARAT",
                     "PEMERINTAH KABUPATEN BANJAR"):
        assert expected in cover
    assert "/XObject" in rendered.pike.pages[0].Resources  # the logo
    assert any(p.endswith("logo.svg") for p in rendered.served)


def test_the_heads_signature_is_never_printed_alone_on_a_page(tmp_path: Path) -> None:
    """A Kata Pengantar that filled its page to the foot printed the signature block (place and date, jabatan,
    name, pangkat, NIP) alone on the next page: a signature under no text, a page that could be put under any other
    foreword. Its last paragraph goes along. Laid out with forewords of several lengths, one after another (each
    ``section.bab`` begins a page), so that one of them ends where the old layout left the signature alone."""
    static = REPO / "themes" / "default" / "static"
    sheet = static / "print-pdf.css"
    paragraph = ("Laporan ini adalah pertanggungjawaban kami atas Perjanjian Kinerja yang disepakati dengan Bupati. Di "
                 "dalamnya kami uraikan sasaran yang hendak dicapai dan hasil pengukuran setiap indikator kinerja. ")
    forewords = "".join(
        f'<section class="bab jenis-kata-pengantar"><h1 class="judul-bab">Kata Pengantar</h1><div class="isi-bab">'
        + "".join(f"<p>Paragraf {count}-{index}. {paragraph}</p>" for index in range(count))
        + f'</div><div class="ttd"><p class="ttd-tempat">Martapura, 31 Januari 2024</p>'
        f'<p class="ttd-jabatan">Camat Martapura Barat,</p><p class="ttd-nama">H. Ahmad Rabani</p>'
        f'<p class="ttd-pangkat">Pembina Tingkat I (IV/b)</p><p class="ttd-nip">NIP {count}</p></div></section>'
        for count in range(8, 14))
    html = ('<!DOCTYPE html><html><head><title>t</title></head><body><div class="bagian-depan">'
            + forewords + "</div></body></html>")
    job = document.PdfJob(html=html, base_url=tmp_path.as_uri() + "/", stylesheet=sheet.read_text(encoding="utf-8"),
                          stylesheet_url=sheet.as_uri(), allowed_roots=(tmp_path, static), attachments=(),
                          epoch=1707955200, front_anchor=None, body_anchor=None)
    reader = pypdf.PdfReader(io.BytesIO(layout.render_job_bytes(job)[0]))
    signed = [text for text in (" ".join((page.extract_text() or "").split()) for page in reader.pages)
              if "NIP" in text]
    assert len(signed) == 6
    for text in signed:
        number = re.search(r"NIP (\d+)", text)
        assert number is not None
        count = number[1]
        block = "Martapura, 31 Januari 2024 Camat Martapura Barat, H. Ahmad Rabani Pembina Tingkat I (IV/b) NIP"
        assert block in text  # whole, on one page
        assert f"Paragraf {count}-{int(count) - 1}." in text, count  # under its last paragraph


def test_the_lampirans_pk_ends_with_its_signatories(tmp_path: Path) -> None:
    """The Perjanjian Kinerja in the Lampiran is the agreement the head and the superior signed; it ended with its
    table and a note, no signature block, so the printed copy read as an unsigned draft. It now ends as the signed
    document does: pihak kedua on the left, pihak pertama on the right under the date, "ttd." where each signed, on
    the page of the table's last row and notes. The same table in a BAB gets no block, nor does a PK whose pihak
    kedua is not written (nobody to name)."""
    root = copy_fixture(tmp_path / "proyek")
    report = root / "content" / "laporan" / "contoh"
    pk = report / "data" / "pk.yaml"
    kedua = 'pihak_kedua: {nama: "H. Saidi Mansyur, S.I.Kom", jabatan: Bupati Banjar}\n'
    pk.write_text(pk.read_text(encoding="utf-8") + kedua, encoding="utf-8")
    (report / "90-lampiran.md").write_text(
        "---\njudul: Lampiran\njenis: lampiran\nbab: A\nurutan: 90\n---\n\n## Perjanjian Kinerja\n\n"
        "```{tabel} pk\nid: lampiran-pk\njudul: Perjanjian Kinerja Tahun 2023\n```\n", encoding="utf-8")
    bab2 = report / "20-bab-2-perencanaan-kinerja.md"
    bab2.write_text(bab2.read_text(encoding="utf-8") + "\n```{tabel} pk\nid: pk-bab\njudul: Perjanjian Kinerja\n```\n",
                    encoding="utf-8")
    with source_date_epoch():
        build(BuildOptions(root=root, output=root / "situs", use_cache=False))
    pdf = root / "situs" / PDF_PATH
    reader = pypdf.PdfReader(pdf)
    texts = [_text(reader, i) for i in range(len(reader.pages))]
    signed = [i for i, t in enumerate(texts) if "PIHAK KEDUA" in t]
    assert len(signed) == 1, "satu blok tanda tangan: PK di Lampiran, tidak di BAB II"
    page = signed[0]
    assert page >= _dest_pages(reader)["lampiran-pk"]
    text = texts[page]
    # the table's last row and its note are on the page of the signatures
    assert "Jumlah anggaran Perjanjian Kinerja (Rp)" in text and "sebagai pihak kedua" in text
    for expected in ("16 Januari 2023", "PIHAK KEDUA,", "Bupati Banjar,", "H. Saidi Mansyur, S.I.Kom",
                     "PIHAK PERTAMA,", "Camat Martapura Barat,", "H. Ahmad Rizani, S.Sos., M.AP"):
        assert expected in text, expected
    assert text.count("ttd.") == 2
    words = _words(pdf, page)

    def x_of(word: str) -> float:
        return next(w[0] for w in words if w[4] == word)
    # pihak kedua left, pihak pertama right, the date above the right column
    middle = float(reader.pages[page].mediabox.width) / 2
    assert max(x_of("KEDUA,"), x_of("Bupati"), x_of("Saidi")) < middle
    assert min(x_of("PERTAMA,"), x_of("Camat"), x_of("Rizani,")) > middle
    top = next(w[1] for w in words if w[4] == "PERTAMA,")
    date = max((w for w in words if w[4] == "Januari" and w[3] <= top), key=lambda w: w[3])  # the line above
    assert date[0] > middle and top - date[3] < 5


def test_landscape_pages_declared_and_detected(rendered: Rendered) -> None:
    dests = _dest_pages(rendered.reader)
    wide = {dests[t] for t in LANDSCAPE}
    assert len(wide) == len(LANDSCAPE)
    for index, page in enumerate(rendered.pike.pages):
        assert _is_landscape(page) == (index in wide), f"halaman indeks {index}"
    # the table found too wide by the layout keeps its total row on its landscape page
    assert "Jumlah" in rendered.text(dests["aset-jenis"])
    assert "125.431.876.543.210" in rendered.text(dests["aset-jenis"])


def test_notes_stay_with_declared_wide_table(rendered: Rendered) -> None:
    dests = _dest_pages(rendered.reader)
    assert "Tingkat kemajuan = realisasi tahun ini" in rendered.text(dests["renstra-matriks"])


def test_a_heading_right_before_a_wide_table_goes_with_it_to_its_landscape_page(tmp_path: Path) -> None:
    """A section that opens with its wide table: the heading stayed at the foot of the portrait page before (or
    alone on it), its table on the next page. Each of the three ways a table goes landscape (declared, by its column
    count, found too wide by the layout) takes its heading along; a heading with text before the table stays."""
    root = copy_fixture(tmp_path / "proyek")
    report = root / "content" / "laporan" / "contoh"
    for name, heading in (("10-bab-1-pendahuluan.md", "## B. Sumber Daya Manusia"),
                          ("20-bab-2-perencanaan-kinerja.md", "## B. Rencana Strategis"),
                          ("30-bab-3-akuntabilitas-kinerja.md", "## C. Nilai Aset")):
        path = report / name
        text, count = re.subn(re.escape(heading) + r"\n\n(?:.+\n)+\n(?=```\{tabel\})", heading + "\n\n",
                              path.read_text(encoding="utf-8"))
        assert count == 1, name  # the paragraph between heading and table is gone
        path.write_text(text, encoding="utf-8")
    with source_date_epoch():
        build(BuildOptions(root=root, output=root / "situs", use_cache=False))
    out = root / "situs" / PDF_PATH
    reader = pypdf.PdfReader(out)
    dests = _dest_pages(reader)
    with pikepdf.open(out) as pike:
        for section, table in (("bab-1-pendahuluan--b-sumber-daya-manusia", "pegawai-golongan"),
                               ("bab-2-perencanaan-kinerja--b-rencana-strategis", "renstra-matriks"),
                               ("bab-3-akuntabilitas-kinerja--c-nilai-aset", "aset-jenis")):
            assert dests[section] == dests[table], section
            assert _is_landscape(pike.pages[dests[table]]), table
        # the section before, with text between its heading and its table (BAB II's A), stays portrait
        assert not _is_landscape(pike.pages[dests["bab-2-perencanaan-kinerja--a-latar-belakang"]])


def test_a_heading_and_the_paragraph_introducing_a_wide_table_go_with_it_to_its_landscape_page(
        tmp_path: Path) -> None:
    """A section that opens with one paragraph introducing its wide table ("IKU ... tersaji pada Tabel 2.1"): the
    heading and its two lines stayed on the portrait page, at its foot or alone on it (Batu Sopang's "Indikator
    kinerja utama" printed a page four-fifths empty), the table a page further on. Both go with the table, declared
    wide or found too wide by the layout; a section with more text before its table begins on the portrait page."""
    static = REPO / "themes" / "default" / "static"
    sheet = static / "print-pdf.css"

    def section(heading: str, paragraphs: list[str], table: str) -> str:
        return f"<h2>{heading}</h2>" + "".join(f"<p>{text}</p>" for text in paragraphs) + table

    declared = ('<div class="tabel-wadah lebar"><table class="lebar"><caption>Tabel 2.1 IKU</caption>'
                "<tr><td>Nilai Evaluasi Kinerja Kecamatan</td></tr></table></div>")
    found = ('<div class="tabel-wadah" aria-labelledby="rincian-judul"><table id="rincian">'
             '<caption id="rincian-judul">Tabel 3.1 Rincian</caption>'
             "<tr><td>Program Penunjang Urusan Pemerintahan</td>"
             + '<td class="angka">1.234.567.890.123</td>' * 6 + "</tr></table></div>")
    longer = ('<div class="tabel-wadah lebar"><table class="lebar"><caption>Tabel 3.2 Matriks</caption>'
              "<tr><td>Matriks Renstra</td></tr></table></div>")
    html = ('<!DOCTYPE html><html><head><title>t</title></head><body><div class="bagian-isi"><section>'
            "<p>Teks bab sebelumnya.</p>"
            + section("Indikator kinerja utama", ["IKU tersaji pada Tabel 2.1."], declared)
            + section("Rincian anggaran", ["Rincian tersaji pada Tabel 3.1."], found)
            + section("Rencana strategis", ["Paragraf pertama bagian ini.", "Matriks tersaji pada Tabel 3.2."], longer)
            + "</section></div></body></html>")
    job = document.PdfJob(html=html, base_url=tmp_path.as_uri() + "/", stylesheet=sheet.read_text(encoding="utf-8"),
                          stylesheet_url=sheet.as_uri(), allowed_roots=(tmp_path, static), attachments=(),
                          epoch=1707955200, front_anchor=None, body_anchor=None)
    data = layout.render_job_bytes(job)[0]
    reader = pypdf.PdfReader(io.BytesIO(data))
    pages = [(" ".join((page.extract_text() or "").split()), page.mediabox.width > page.mediabox.height)
             for page in reader.pages]

    def page_of(text: str) -> tuple[str, bool]:
        [found_page] = [page for page in pages if text in page[0]]
        return found_page

    for heading, paragraph, caption in (("Indikator kinerja utama", "IKU tersaji pada", "Tabel 2.1 IKU"),
                                        ("Rincian anggaran", "Rincian tersaji pada", "Tabel 3.1 Rincian")):
        assert page_of(heading) == page_of(paragraph) == page_of(caption), heading
        assert page_of(caption)[1], caption  # on a landscape page
    assert not page_of("Teks bab sebelumnya.")[1]
    # two paragraphs before the table: the section begins on the portrait page, as any other
    assert not any(page_of(text)[1] for text in ("Rencana strategis", "Paragraf pertama", "Matriks tersaji"))
    assert page_of("Tabel 3.2 Matriks")[1]


@pytest.mark.parametrize("opening, portrait", [
    (["<p>Lampiran ini memuat dokumen pendukung.</p>", "<h2>Indikator kinerja utama</h2>", "<p>IKU tersaji.</p>"],
     False),
    (["<p>Lampiran ini memuat dokumen pendukung.</p>", "<h2>Indikator kinerja utama</h2>"], False),
    (["<h2>Indikator kinerja utama</h2>", "<p>IKU tersaji.</p>"], False),
    (["<p>Lampiran ini memuat dokumen pendukung.</p>"], False),
    ([], False),
    # more text before the table: the chapter begins on a portrait page, as any other
    (["<p>Lampiran ini memuat dokumen pendukung.</p>", "<p>Paragraf kedua.</p>", "<h2>Indikator kinerja utama</h2>"],
     True),
])
@pytest.mark.parametrize("table", ["declared", "found"])
def test_a_chapter_that_opens_with_a_wide_table_begins_on_its_landscape_page(
        tmp_path: Path, opening: list[str], portrait: bool, table: str) -> None:
    """Martapura Barat's and Batu Sopang's Lampiran A printed its title and a sentence on a portrait page nine-tenths
    empty, its first table, a heading and the sentence introducing it on the landscape page after: a blank page in
    the signed report. A chapter that opens with a wide table (declared, or found too wide by the layout), after at
    most a paragraph, a heading and a paragraph, begins on the table's landscape page."""
    static = REPO / "themes" / "default" / "static"
    sheet = static / "print-pdf.css"
    wide = ('<div class="tabel-wadah lebar"><table id="lampiran-iku" class="lebar"><caption>Tabel A.1 IKU</caption>'
            "<tr><td>Nilai Evaluasi Kinerja Kecamatan</td></tr></table></div>" if table == "declared" else
            '<div class="tabel-wadah" aria-labelledby="rincian-judul"><table id="rincian">'
            '<caption id="rincian-judul">Tabel A.1 IKU</caption><tr><td>Program Penunjang Urusan Pemerintahan</td>'
            + '<td class="angka">1.234.567.890.123</td>' * 6 + "</tr></table></div>")
    html = ('<!DOCTYPE html><html><head><title>t</title></head><body><div class="bagian-isi">'
            '<section class="bab"><h1 class="judul-bab">BAB IV PENUTUP</h1><div class="isi-bab"><p>Penutup.</p>'
            '</div></section><section class="bab jenis-lampiran"><h1 class="judul-bab">LAMPIRAN A</h1>'
            f'<div class="isi-bab">{"".join(opening)}{wide}<p>Sesudah tabel.</p></div></section></div></body></html>')
    job = document.PdfJob(html=html, base_url=tmp_path.as_uri() + "/", stylesheet=sheet.read_text(encoding="utf-8"),
                          stylesheet_url=sheet.as_uri(), allowed_roots=(tmp_path, static), attachments=(),
                          epoch=1707955200, front_anchor=None, body_anchor=None)
    reader = pypdf.PdfReader(io.BytesIO(layout.render_job_bytes(job)[0]))
    pages = [(" ".join((page.extract_text() or "").split()), page.mediabox.width > page.mediabox.height)
             for page in reader.pages]
    [(text, landscape)] = [page for page in pages if "LAMPIRAN A" in page[0]]
    assert landscape != portrait
    if not portrait:
        assert "Tabel A.1 IKU" in text and all(re.sub("<[^>]+>", "", part) in text for part in opening)
        assert [landscape for _text, landscape in pages] == [False, True, False]  # no page in between



def test_the_stylesheets_chapter_opening_rule_is_the_one_the_layout_writes() -> None:
    """``print-pdf.css`` moves a chapter that opens with a declared wide table to its landscape page, and
    ``layout.overflow_stylesheet`` writes the same selectors (``layout.chapter_opening``) for a table found too wide:
    two copies of one rule, which the test above tries for one shape each. Kept the same selector for selector, so a
    shape added to one (a figure, a second heading) is not missing from the other."""
    sheet = (REPO / "themes" / "default" / "static" / "print-pdf.css").read_text(encoding="utf-8")
    text = re.sub(r"/\*.*?\*/", " ", sheet, flags=re.S)
    [rule] = [found.group(1) for found in re.finditer(r"([^{}]+)\{\s*page:\s*lanskap;\s*\}", text)
              if "h1.judul-bab:has(" in found.group(1)]
    in_sheet = [" ".join(sel.split()) for sel in rule.strip().split(",\n")]
    written = [" ".join(sel.split()) for sel in layout.chapter_opening("table.lebar", ".tabel-wadah.lebar",
                                                                        "figure.lebar").split(",\n")]
    assert in_sheet == written

def test_long_table_repeats_its_header_on_every_page(rendered: Rendered) -> None:
    reader = rendered.reader
    dests = _dest_pages(reader)
    start = dests["anggaran-rinci"]
    # the last sub kegiatan of data/anggaran.yaml
    end = next(i for i in range(start, len(reader.pages)) if "7.01.02.2.03.0003" in rendered.text(i))
    assert end >= start + 2, "tabel anggaran harus melewati beberapa halaman"
    for index in range(start, end + 1):
        text = rendered.text(index)
        assert "Program / kegiatan / sub kegiatan Pagu (Rp) Realisasi (Rp) Serapan Sisa (Rp)" in text, index
    # rows are not split across pages: each sub kegiatan's code is printed on the same page as its pagu
    budget = yaml.safe_load((SOURCE / "data" / "anggaran.yaml").read_text(encoding="utf-8"))
    leaves = [s for p in budget["program"] for k in p["kegiatan"] for s in k["sub_kegiatan"]]
    assert len(leaves) == 34
    for leaf in leaves:
        pagu = f"{leaf['pagu']:,}".replace(",", ".")
        pages = [i for i in range(start, end + 1) if leaf["kode"] in rendered.text(i)]
        assert len(pages) == 1 and pagu in rendered.text(pages[0]), leaf["kode"]


def test_images_are_embedded_from_local_files(rendered: Rendered) -> None:
    dests = _dest_pages(rendered.reader)
    page = rendered.pike.pages[dests["bab-4-penutup"]]
    assert "/XObject" in page.Resources  # ![Peta wilayah …](gambar/peta.svg)
    assert any(p.endswith("peta.svg") for p in rendered.served)


# ====================================================================================================================
# Archival


def test_attachments_embedded_byte_equal(rendered: Rendered) -> None:
    """Source data files (``/Source``) and the open data published beside the PDF (``/Data``), byte for byte."""
    files = rendered.pike.attachments
    sources = sorted((SOURCE / "data").iterdir())
    open_data = {path.rpartition("/")[2]: data for path, data in rendered.result.files.items()
                 if path.startswith("laporan/contoh/1.0/data-terbuka/")}
    # an annual report without quarterly values: no triwulan.csv to attach (test_opendata.py)
    assert sorted(open_data) == ["anggaran.csv", "angka-kunci.csv", "datapackage.json", "indikator.csv",
                                 "laporan.json", "sasaran.csv"]
    assert not set(open_data) & {p.name for p in sources}  # no clash: every attachment keeps its plain name
    assert sorted(files.keys()) == sorted([p.name for p in sources] + list(open_data))
    for path in sources:
        assert files[path.name].get_file().read_bytes() == path.read_bytes(), path.name
    for name, data in open_data.items():
        assert files[name].get_file().read_bytes() == data, name
    af = rendered.pike.Root.AF
    assert len(af) == len(sources) + len(open_data)
    relationships = {str(s.F): str(s.AFRelationship) for s in af}
    assert {relationships[p.name] for p in sources} == {"/Source"}
    assert {relationships[name] for name in open_data} == {"/Data"}
    assert {str(s.EF.F.Subtype) for s in af} == {"/application/yaml", "/text/csv", "/application/json"}


def test_pdfa_and_document_metadata(rendered: Rendered) -> None:
    meta = rendered.pike.open_metadata()
    assert meta["pdfaid:part"] == "3"
    assert meta["pdfaid:conformance"] == "B"
    info = rendered.pike.docinfo
    assert str(info.Title) == rendered.report.judul == meta["dc:title"]
    assert str(info.Title) == "Laporan Kinerja Instansi Pemerintah Kecamatan Martapura Barat Tahun 2023"
    assert str(info.Author) == "Kecamatan Martapura Barat"
    assert "Kecamatan Martapura Barat" in str(info.Subject)
    assert "LKjIP" in str(info.Keywords)
    assert str(rendered.pike.Root.Lang) == "id"
    # dates come from SOURCE_DATE_EPOCH (15 Feb 2024 00:00 UTC), never from the clock
    assert str(info.CreationDate) == str(info.ModDate) == "D:20240215000000Z"
    assert meta["xmp:CreateDate"].startswith("2024-02-15T00:00:00")
    # PDF/A: the Info dictionary and the XMP packet must say the same (post-processing must not desynchronise them)
    assert meta["pdf:Producer"] == str(info.Producer)
    assert meta["pdf:Keywords"] == str(info.Keywords)
    assert meta["dc:description"] == str(info.Subject)
    assert list(meta["dc:creator"]) == [str(info.Author)]
    assert meta["xmp:CreatorTool"] == str(info.Creator)
    # the lkjip that made it, as the manifest of a release names it ("lkjip-site" alone did not say which)
    assert str(info.Creator) == f"lkjip-site {__version__}"
    assert "xmp:MetadataDate" not in meta  # nothing stamped the clock time into the XMP
    assert "/OutputIntents" in rendered.pike.Root
    assert rendered.pike.pdf_version == "1.7"
    assert "/ID" in rendered.pike.trailer
    # qpdf's structural check; pikepdf 9 calls it check(), newer releases check_pdf_syntax()
    syntax_check = getattr(rendered.pike, "check_pdf_syntax", None) or rendered.pike.check
    assert syntax_check() == []


def _entries(resources: pikepdf.Dictionary, key: str) -> list[pikepdf.Object]:
    """The values of a sub-dictionary (``.values()`` exists only in newer pikepdf; the lower bound is 9)."""
    d = resources.get(key)
    return [d[k] for k in d.keys()] if d is not None else []


def _fonts(resources: pikepdf.Dictionary, seen: set[tuple[int, int]]) -> list[pikepdf.Dictionary]:
    found = list(_entries(resources, "/Font"))
    for xobj in _entries(resources, "/XObject"):
        if xobj.objgen in seen:
            continue
        seen.add(xobj.objgen)
        if xobj.get("/Subtype") == "/Form" and "/Resources" in xobj:
            found += _fonts(xobj.Resources, seen)
    return found


def test_all_fonts_embedded_and_from_theme(rendered: Rendered) -> None:
    seen: set[tuple[int, int]] = set()
    fonts = [f for page in rendered.pike.pages for f in _fonts(page.Resources, seen)]
    assert fonts
    names = set()
    for font in fonts:
        if font.Subtype == "/Type3":
            continue
        descriptor = font.DescendantFonts[0].FontDescriptor if font.Subtype == "/Type0" else font.FontDescriptor
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), str(font.BaseFont)
        names.add(str(font.BaseFont).split("+")[-1])
    assert any("Serif" in n for n in names) and any("Sans" in n for n in names)
    # the theme's WOFF2 files were read through the fetcher, so the fonts are the shipped ones, not the machine's
    served = {Path(p).name: p for p in rendered.served}
    for name in ("NotoSerif-Regular-latin.woff2", "NotoSans-Bold-latin.woff2"):
        assert name in served
        assert Path(served[name]).read_bytes() == (THEME_FONTS / name).read_bytes()



def test_a_sites_own_print_stylesheet_prints_in_the_shipped_themes_fonts(fresh_project_charted: Path, tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """A webmaster copies print-pdf.css to the site's theme for a letterhead, as penerbitan.md says: its
    ``@import url("fonts/fonts.css")`` reads beside the copy, in the site's theme, which has no fonts. The PDF was set
    in the machine's DejaVu, said as 'sumber … ditolak (bukan berkas lokal di folder laporan atau tema)'; a file the
    site's theme lacks is the shipped theme's, as on the site (aset/)."""
    root = fresh_project_charted
    copy = root / "themes" / "default" / "static" / "print-pdf.css"
    copy.parent.mkdir(parents=True)
    copy.write_text((REPO / "themes" / "default" / "static" / "print-pdf.css").read_text(encoding="utf-8")
                    + "\n.kop-surat { font-weight: 700; }\n", encoding="utf-8")
    capsys.readouterr()
    target = tmp_path / "laporan.pdf"
    assert cli_main(["pdf", SLUG, "--situs", str(root), "--output", str(target)]) == 0
    out, err = capsys.readouterr()
    assert "ditolak" not in out + err
    seen: set[tuple[int, int]] = set()
    with pikepdf.open(target) as pdf:
        names = {str(f.BaseFont).split("+")[-1] for page in pdf.pages for f in _fonts(page.Resources, seen)
                 if f.Subtype != "/Type3"}
    assert names and all(name.startswith("Noto") for name in names), names

def test_remote_image_refused_not_fetched(rendered: Rendered) -> None:
    assert rendered.refused == ["https://example.invalid/peta.png"]
    warnings = [d.message for d in rendered.result.diagnostics.warnings]
    assert any("https://example.invalid/peta.png" in w and "ditolak" in w for w in warnings), warnings
    # nothing outside the project and the theme was read
    allowed = (rendered.root.resolve(), THEME_FONTS.parents[1].resolve())
    for path in rendered.served:
        assert any(Path(path).is_relative_to(a) for a in allowed), path


# ====================================================================================================================
# Reproducibility and the memo


def test_identical_bytes_from_another_directory_and_in_parallel(rendered: Rendered, rebuilt: Rebuilt) -> None:
    """Archivists rebuild from a different checkout path: same input, same bytes (here also laid out in a worker
    process next to a second report, and with the memo on)."""
    assert rebuilt.root.resolve() != rendered.root.resolve()
    assert sorted(_pdf_paths(rebuilt.first)) == [COPY_PDF_PATH, PDF_PATH]
    assert rebuilt.data == rendered.data
    assert str(rebuilt.root).encode() not in rebuilt.data and str(rendered.root).encode() not in rendered.data
    # the second report differs only by its slug, so its PDF differs (other /ID) but has the same page count
    copy = pypdf.PdfReader(rebuilt.root / "build" / COPY_PDF_PATH)
    assert len(copy.pages) == len(rendered.reader.pages)


def test_lkjip_pdf_command_writes_the_same_pdf(rebuilt: Rebuilt, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "keluar.pdf"
    with source_date_epoch(), remote_image():
        assert cli_main(["pdf", "contoh", "--situs", str(rebuilt.root), "-o", str(target)]) == 0
    assert target.read_bytes() == rebuilt.data
    assert f"PDF ditulis ke {target} ({fmt.fmt_int(len(rebuilt.data))} bita)" in capsys.readouterr().out  # 84.012


def test_check_after_a_build_with_pdfs_takes_its_chapter_pages_from_the_cache(
        rebuilt: Rebuilt, monkeypatch: pytest.MonkeyPatch) -> None:
    """``lkjip check`` lays out no PDF, but renders the pages as the build with PDFs did (their links to the PDFs,
    whose paths are link targets), so it takes the chapter pages that build checked from the cache instead of
    rendering the archive again. Before the memo test, which edits ``rebuilt``."""
    rendered = chapter_pages_rendered(monkeypatch)
    with source_date_epoch():
        assert not check(BuildOptions(root=rebuilt.root)).errors
    assert rendered == []


def test_a_pdf_its_audit_stopped_is_not_taken_from_the_memo_later(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``lkjip pdf`` stores the PDF it laid out before the audit compares the figures of its print HTML with the
    model; a PDF that audit stopped was kept, and the next ``lkjip pdf`` or build took it from the memo, whose PDFs
    are not audited again (their marks come from laying them out), and passed. Nothing it stored may stay."""
    root = copy_fixture(tmp_path / "proyek")

    def disagrees(site: Any, files: Any, diags: Diagnostics, *args: Any, **kw: Any) -> None:
        diags.error(("laporan/contoh/1.0/contoh-1.0.pdf", 1), "angka di PDF tidak sama dengan hasil hitung")

    def stored() -> list[Path]:
        return [p for p in (root / ".cache").glob("pdf-v*/??/*") if p.is_file()]

    real = build_mod.audit_figures
    monkeypatch.setattr(build_mod, "audit_figures", disagrees)
    with source_date_epoch(), pytest.raises(ContentError):
        build_pdf(BuildOptions(root=root), "contoh")
    assert not stored()
    monkeypatch.setattr(build_mod, "audit_figures", real)  # (and a PDF that passes is stored: the check above can fail)
    with source_date_epoch():
        build_pdf(BuildOptions(root=root), "contoh")
    assert stored()


def test_memo_skips_unchanged_pdf_and_rerenders_changed_data(rebuilt: Rebuilt) -> None:
    """Runs last on ``rebuilt`` (it edits its content)."""
    with source_date_epoch():
        assert build(BuildOptions(root=rebuilt.root)).unchanged  # nothing changed: nothing is even loaded
        again = build(BuildOptions(root=rebuilt.root), write=False)  # everything, with the memo
    assert _pdf_paths(again) == []
    assert again.files[PDF_PATH] == rebuilt.data
    # a PDF taken from the memo says what it said when it was laid out (the remote image it refused, each report);
    # said once only, a later build, --strict too, passed in silence
    refused = sorted(d.format() for d in rebuilt.first.diagnostics.warnings if "ditolak" in d.message)
    assert len(refused) == 2 and refused == sorted(d.format() for d in again.diagnostics.warnings
                                                   if "ditolak" in d.message)
    assert (rebuilt.root / "build" / PDF_PATH).read_bytes() == rebuilt.data

    # IKU1 realisasi 71,74 -> 73,73: capaian 73,73 ÷ 73 × 100 = 101,00 % (was 98,27 %)
    data_file = rebuilt.root / "content" / "laporan" / "contoh" / "data" / "indikator.yaml"
    text = data_file.read_text(encoding="utf-8")
    assert text.count("2023: 71.74") == 1
    data_file.write_text(text.replace("2023: 71.74", "2023: 73.73"), encoding="utf-8")
    with source_date_epoch(), remote_image():
        changed = build(BuildOptions(root=rebuilt.root))
    assert _pdf_paths(changed) == [PDF_PATH]  # the other report's PDF comes from the memo
    assert refused == sorted(d.format() for d in changed.diagnostics.warnings if "ditolak" in d.message)
    new = (rebuilt.root / "build" / PDF_PATH).read_bytes()
    assert new != rebuilt.data
    reader = pypdf.PdfReader(rebuilt.root / "build" / PDF_PATH)
    page = _dest_pages(reader)["capaian-2023"]
    assert "101,00 %" in _text(reader, page) and "98,27 %" not in _text(reader, page)
    # the attachment is the edited file
    with pikepdf.open(rebuilt.root / "build" / PDF_PATH) as pike:
        assert pike.attachments["indikator.yaml"].get_file().read_bytes() == data_file.read_bytes()


def test_memo_rerenders_when_site_config_changes(rebuilt: Rebuilt) -> None:
    """Runs after the memo test on ``rebuilt``: the site's figure label (Gambar → Grafik) changes BAB IV's page and
    both PDFs."""
    situs = rebuilt.root / "situs.yaml"
    text = situs.read_text(encoding="utf-8")
    assert "label_gambar: Gambar\n" in text
    situs.write_text(text.replace("label_gambar: Gambar\n", "label_gambar: Grafik\n"), encoding="utf-8")
    with source_date_epoch(), remote_image():
        result = build(BuildOptions(root=rebuilt.root))
    assert any(p.endswith("bab-4-penutup/index.html") for p in result.rendered)
    assert sorted(_pdf_paths(result)) == [COPY_PDF_PATH, PDF_PATH]


# ====================================================================================================================
# Units


def _report(folder: Path) -> Report:
    kepala = Person(nama="H. Ahmad Rizani, S.Sos., M.AP", jabatan="Camat Martapura Barat",
                    pangkat="Pembina Tingkat I (IV/b)", nip="197001011990031001")
    instansi = Instansi(nama="Kecamatan Martapura Barat", kepala=kepala, pemda="Pemerintah Kabupaten Banjar")
    return Report(slug="contoh", folder=folder, rel="content/laporan/contoh",
                  judul="Laporan Kinerja Instansi Pemerintah Kecamatan Martapura Barat Tahun 2023",
                  tahun=2023, periode="tahunan", versi="1.0", tanggal_terbit=dt.date(2024, 2, 15),
                  instansi=instansi, tempat_ttd="Martapura", tanggal_ttd=dt.date(2024, 1, 31),
                  loc=Loc("content/laporan/contoh/laporan.yaml", 1))


@pytest.mark.parametrize("periode, lines", [
    ("tahunan", ["Laporan Kinerja Instansi Pemerintah", "(LKjIP)", "TAHUN 2023"]),
    ("tw2", ["Laporan Kinerja", "TRIWULAN II TAHUN 2023"]),
])
def test_the_cover_names_the_report_it_is(tmp_path: Path, periode: str, lines: list[str]) -> None:
    """The LKjIP is the annual report: a quarterly report's cover read "LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)
    TRIWULAN II", where the quarterly reports say "LAPORAN KINERJA / TRIWULAN I – TAHUN 2024"."""
    report = _report(tmp_path)
    report.periode = periode
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(REPO / "themes" / "default" / "templates"),
                             autoescape=True)
    html = env.get_template("pdf/sampul.html").render(report=report, periode_teks=document.period_text(report),
                                                       logo_url=None)
    top = html.split('<div class="sampul-logo">')[0]
    assert [" ".join(re.sub(r"<[^>]+>", " ", p).split()) for p in re.findall(r"<p[^>]*>(.*?)</p>", top, re.S)] == lines


@pytest.mark.parametrize("periode, nama, bab, cut", [
    ("tw1", "Kecamatan Pengaron", "BAB I Pendahuluan", False),  # a bundled example's: two lines on every page
    ("tahunan", "Dinas Pekerjaan Umum dan Penataan Ruang", "BAB II Perencanaan dan Perjanjian Kinerja", False),
    # in capitals the estimate (average widths, on the safe side) cuts it: a wrapped header is worse than a cut one
    ("tahunan", "Dinas Pekerjaan Umum dan Penataan Ruang", "BAB II PERENCANAAN DAN PERJANJIAN KINERJA", True),
    ("tw3", "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN HULU SUNGAI SELATAN",
     "BAB II Perencanaan Kinerja dan Perjanjian Kinerja Tahun 2024", True),
])
def test_the_running_header_is_one_line(tmp_path: Path, periode: str, nama: str, bab: str, cut: bool) -> None:
    """The report's title and the chapter's stay on one line each side of the running header, however long the
    instansi's name or the chapter's title, in small letters or capitals: "Laporan Kinerja Triwulan I Kecamatan
    Pengaron Tahun 2024" wrapped to two lines above every page of the bundled quarterly report. What is too long
    for a line is cut at a word with "…" (the heading, the contents and the bookmarks keep it whole)."""
    report = _report(tmp_path)
    report.periode, report.instansi.nama = periode, nama
    title, chapter = document.short_title(report), document.header_line(bab, document.HEADER_RIGHT_EMS)
    css = CSS(filename=str(REPO / "themes" / "default" / "static" / "print-pdf.css"))
    pdf = tmp_path / "kepala.pdf"
    HTML(string=f'<body data-judul="{html.escape(title)}"><h1 class="judul-bab" data-judul="{html.escape(chapter)}">'
                f'{html.escape(bab)}</h1><p>Isi.</p></body>').write_pdf(pdf, stylesheets=[css])
    header = [w for w in _words(pdf, 0) if w[3] < 28 / 25.4 * 72]  # above the 28 mm top margin's edge
    assert " ".join(w[4] for w in header) == f"{title} {chapter}"
    assert len({round(w[1]) for w in header}) == 1, header  # one line: every word on one baseline
    assert nama.split()[0] in title and (title.endswith("…") or str(report.tahun) in title)
    assert (title.endswith("…") or chapter.endswith("…")) == cut  # not cut when it fits
    if chapter.endswith("…"):
        assert bab.startswith(chapter[:-1]) and len(chapter) > 20


def test_a_value_in_the_text_is_not_broken_at_its_space(tmp_path: Path) -> None:
    """The print stylesheet keeps a {nilai} together: "Rp" ended a line and "2.511.814.579" began the next (in
    paragraphs of some twenty widths, one of which ends a line at each space of the value)."""
    lines = _printed_in_twenty_widths(tmp_path, '<p>Pagu anggaran kecamatan tercatat sebesar <span data-angka="a" '
                                      'class="angka-utuh">Rp 2.511.814.579</span> dan <span data-angka="b" '
                                      'class="angka-utuh">100,00 %</span> terserap.</p>')
    assert sum(bool(re.search(r"Rp +2\.511\.814\.579", line)) for line in lines) == 20
    assert sum(bool(re.search(r"100,00 +%", line)) for line in lines) == 20


def _printed_in_twenty_widths(tmp_path: Path, html: str) -> list[str]:
    """The lines of ``html`` printed with the print stylesheet in boxes 40 to 78 mm wide: one of the widths ends a
    line at each space of a short paragraph."""
    css = CSS(filename=str(REPO / "themes" / "default" / "static" / "print-pdf.css"))
    pdf = tmp_path / "lebar.pdf"
    HTML(string="".join(f'<div style="width: {w}mm">{html}</div>' for w in range(40, 80, 2))).write_pdf(
        pdf, stylesheets=[css])
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return out.splitlines()


def test_a_number_typed_with_its_unit_is_not_broken_at_its_space(tmp_path: Path) -> None:
    """"40 %" typed in a chapter with a plain space ended a line with "40" and began the next with "%" (and "Rp" with
    the amount on the next line): only a {nilai} was kept whole. The chapter's markdown, as the renderer gives it to
    the PDF, in paragraphs of some twenty widths, one of which ends a line at each space."""
    lines = _printed_in_twenty_widths(tmp_path, make_parser(False).render(
        "Capaian kinerja kecamatan tahun ini tercatat 40 % dan pagu Rp 2.511.814.579 dengan sisa 2,46 miliar.\n"))
    assert sum(bool(re.search(r"\b40 +%", line)) for line in lines) == 20
    assert sum(bool(re.search(r"Rp +2\.511\.814\.579", line)) for line in lines) == 20
    assert sum(bool(re.search(r"2,46 +miliar", line)) for line in lines) == 20


def test_an_na_in_the_text_is_not_broken_at_its_slash(tmp_path: Path) -> None:
    """"(N/" ended a line of Batu Sopang's BAB III and "A¹)" began the next: the slash is a break opportunity."""
    css = CSS(filename=str(REPO / "themes" / "default" / "static" / "print-pdf.css"))
    paragraphs = "".join(f'<p style="width: {w}mm">Karena itu sasaran ini belum memiliki capaian (<span class="na" '
                         f'data-angka="c" title="alasan">N/A</span><span class="na-catatan">realisasi tidak '
                         f'tersedia</span>) dan tidak ikut dalam rata-rata.</p>' for w in range(30, 90))
    pdf = tmp_path / "na.pdf"
    HTML(string=paragraphs).write_pdf(pdf, stylesheets=[css])
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert text.count("(N/A") == 60  # 14 were "(N/" … "A¹)"
    assert not any(line.rstrip().endswith("N/") for line in text.splitlines())


def test_a_footnote_prints_without_its_way_back(tmp_path: Path) -> None:
    """The PDF printed "↩" after every footnote: the site's link back to the call, which paper cannot follow."""
    css = CSS(filename=str(REPO / "themes" / "default" / "static" / "print-pdf.css"))
    md = make_parser(allow_html=False)
    html = md.render("Data BPS[^bps] terbaru.\n\n[^bps]: Badan Pusat Statistik, 2023.\n")
    assert "footnote-backref" in html  # the site keeps it
    pdf = tmp_path / "catatan.pdf"
    HTML(string=html).write_pdf(pdf, stylesheets=[css])
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "Badan Pusat Statistik, 2023." in text
    assert "\u21a9" not in text


def test_a_note_called_after_a_number_is_copied_apart_from_it(tmp_path: Path) -> None:
    """A note's number right after a figure ("Rp 100.000.000" and its note 7) was copied from the PDF as
    "100.000.0007", a different number pasted into a spreadsheet without a sign of it: the call is set a hair
    space apart, which the eye barely sees and a copy keeps."""
    css = CSS(filename=str(REPO / "themes" / "default" / "static" / "print-pdf.css"))
    html = ("<p>Realisasi sebesar Rp 100.000.000<span class=\"catatan-kaki\">Angka sementara.</span> dan capaian "
            "98,25 %<span class=\"nilai-catatan\">Nilai s.d. TW II.</span> pada tahun ini.</p>")
    pdf = tmp_path / "panggilan.pdf"
    HTML(string=html).write_pdf(pdf, stylesheets=[css])
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    words = text.split()
    assert "100.000.000" in words and "100.000.0001" not in text, text
    assert "Angka sementara." in text and "Nilai s.d. TW II." in text


def test_a_long_tables_average_row_never_starts_a_page_alone() -> None:
    """A table whose rows filled its pages to the last line put its Rata-rata or Jumlah row alone under the repeated
    header on the next page, a total of nothing in sight. Forty lengths of table, each from a page of its own: the
    footer shares its page with a row of its table."""
    css = CSS(filename=str(REPO / "themes" / "default" / "static" / "print-pdf.css"))
    lengths = range(20, 60)
    parts = []
    for n in lengths:
        rows = "".join(f"<tr><td>b{n}x{i}</td><td>{i}</td></tr>" for i in range(1, n + 1))
        parts.append(f'<section style="break-before: page"><p>Pengantar.</p><div class="tabel-wadah">'
                     f'<table id="t{n}" class="tabel"><caption>Tabel {n}</caption><thead><tr><th>No</th>'
                     f'<th>Nilai</th></tr></thead><tbody>{rows}</tbody><tfoot><tr class="jumlah"><th>rata{n}</th>'
                     f'<td>9</td></tr></tfoot></table></div></section>')
    document = HTML(string="<html><body>" + "".join(parts) + "</body></html>").render(stylesheets=[css])
    alone = []
    for page in document.pages:
        text = " ".join(box.text for box in page._page_box.descendants() if hasattr(box, "text"))
        alone += [n for n in lengths if f"rata{n}" in text and f"b{n}x" not in text]
    assert len(document.pages) > len(lengths)  # some tables go over a page
    assert alone == []


def test_a_tables_footer_is_never_split_over_two_pages() -> None:
    """The PK's footer (its programs and the "Jumlah anggaran" row that sums them) was split when its signatories
    needed room: the total stood alone under the repeated header on the next page, the programs it sums on the page
    before. Forty lengths of table with a footer of four rows, each from a page of its own: a footer is on one page."""
    css = CSS(filename=str(REPO / "themes" / "default" / "static" / "print-pdf.css"))
    lengths = range(20, 60)
    parts = []
    for n in lengths:
        rows = "".join(f"<tr><td>b{n}x{i}</td><td>{i}</td></tr>" for i in range(1, n + 1))
        foot = "".join(f"<tr><td>kaki{n}k{k}</td><td>{k}</td></tr>" for k in range(3))
        parts.append(f'<section style="break-before: page"><p>Pengantar.</p><div class="tabel-wadah">'
                     f'<table id="t{n}" class="tabel"><caption>Tabel {n}</caption><thead><tr><th>No</th>'
                     f'<th>Nilai</th></tr></thead><tbody>{rows}</tbody><tfoot>{foot}<tr class="jumlah">'
                     f'<th>jumlah{n}</th><td>9</td></tr></tfoot></table></div></section>')
    document = HTML(string="<html><body>" + "".join(parts) + "</body></html>").render(stylesheets=[css])
    where: dict[int, set[int]] = {}
    for number, page in enumerate(document.pages):
        text = " ".join(box.text for box in page._page_box.descendants() if hasattr(box, "text"))
        for n in lengths:
            if f"kaki{n}k" in text or f"jumlah{n}" in text:
                where.setdefault(n, set()).add(number)
    assert len(document.pages) > len(lengths)  # some tables go over a page
    assert {n: pages for n, pages in where.items() if len(pages) > 1} == {}


def test_a_tables_notes_stay_whole_and_with_its_rows() -> None:
    """The formulas and N/A notes under a table were split over two pages (Batu Sopang's Tabel 3.1: two on page 9,
    the scale's on page 10 above the narrative), or stood alone at the top of a page. Forty lengths of table, each
    from a page of its own: a table's notes are on one page, with a row of the table."""
    css = CSS(filename=str(REPO / "themes" / "default" / "static" / "print-pdf.css"))
    lengths = range(20, 60)
    notes = "".join(f"<li>catatan{{n}}n{k} Capaian indikator positif = realisasi ÷ target × 100 %.</li>" for k in range(4))
    parts = []
    for n in lengths:
        rows = "".join(f"<tr><td>b{n}x{i}</td><td>{i}</td></tr>" for i in range(1, n + 1))
        parts.append(f'<section style="break-before: page"><p>Pengantar.</p><div class="tabel-wadah">'
                     f'<table id="t{n}" class="tabel"><caption>Tabel {n}</caption><thead><tr><th>No</th>'
                     f'<th>Nilai</th></tr></thead><tbody>{rows}</tbody></table>'
                     f'<ul class="tabel-catatan">{notes.replace("{n}", str(n))}</ul></div><p>Uraian sesudahnya.</p>'
                     '</section>')
    document = HTML(string="<html><body>" + "".join(parts) + "</body></html>").render(stylesheets=[css])
    where: dict[int, list[int]] = {}
    for number, page in enumerate(document.pages):
        text = " ".join(box.text for box in page._page_box.descendants() if hasattr(box, "text"))
        for n in lengths:
            if f"catatan{n}n" in text:
                where.setdefault(n, []).append(number)
                assert f"b{n}x" in text, f"catatan tabel {n} tanpa baris tabelnya di halaman {number + 1}"
    assert len(document.pages) > len(lengths)  # some tables go over a page
    assert {n: pages for n, pages in where.items() if len(pages) > 1} == {}
    assert sorted(where) == list(lengths)


@pytest.mark.parametrize("judul, bab, title", [
    ("Lampiran", "A", ["LAMPIRAN A"]), ("Dokumen Pendukung", "B", ["LAMPIRAN B", "Dokumen Pendukung"]),
    ("Lampiran", None, ["Lampiran"]),
])
def test_a_lampiran_is_titled_once(judul: str, bab: str | None, title: list[str]) -> None:
    """"LAMPIRAN A" was followed by a second line "LAMPIRAN" (its judul): the title says the lampiran once."""
    chapter = SimpleNamespace(jenis="lampiran", bab=bab, judul=judul)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(REPO / "themes" / "default" / "templates"),
                             autoescape=True)
    html = env.get_template("pdf/bagian.html").render(part={"kind": "bab", "chapter": chapter, "id": "lampiran",
                                                            "html": "", "judul": judul, "bookmark": judul})
    heading = html.split("<h1")[1].split("</h1>")[0]
    assert [t.strip() for t in re.findall(r"<span[^>]*>([^<]*)</span>", heading)] == title


def test_url_fetcher_refuses_network_and_outside_files(tmp_path: Path) -> None:
    inside = tmp_path / "boleh"
    inside.mkdir()
    (inside / "a.css").write_text("p{}", encoding="utf-8")
    secret = tmp_path / "rahasia.txt"
    secret.write_text("x", encoding="utf-8")
    fetcher = layout.make_url_fetcher([inside])
    assert fetcher((inside / "a.css").as_uri()).read() == b"p{}"
    for url in ("http://example.com/logo.png", "https://example.com/a.css", "ftp://example.com/x",
                secret.as_uri(), (inside / ".." / "rahasia.txt").as_uri()):
        with pytest.raises(ValueError):
            fetcher(url)


def test_fmt_nip_and_period(tmp_path: Path) -> None:
    report = _report(tmp_path)
    assert document.period_text(report) == "TAHUN 2023"
    report.periode, report.tahun = "tw1", 2024
    assert document.period_text(report) == "TRIWULAN I TAHUN 2024"
    assert document.short_title(report) == "Laporan Kinerja TW I 2024 Kecamatan Martapura Barat"  # one header line
    assert fmt.fmt_nip("197001011990031001") == "19700101 199003 1 001"
    assert fmt.fmt_nip("19700101 199003 1 001") == "19700101 199003 1 001"
    assert fmt.fmt_nip("12345") == "12345"


def test_lists_only_for_items_that_exist(tmp_path: Path) -> None:
    """Daftar Tabel / Daftar Gambar are printed only when the report has tables / figures (an empty list page
    would look like a mistake in a signed document); the figure label follows ``situs.yaml label_gambar``."""
    report = _report(tmp_path)

    def lists(label: str = "Gambar") -> list[tuple[str, str]]:
        context = document.build_context(report, SimpleNamespace(label_gambar=label), {})
        return [(p["id"], p["judul"]) for p in context["front_parts"] if p["kind"] != "bab"]

    assert lists() == [("daftar-isi", "Daftar Isi")]
    report.tables = [NumberedItem("tabel", "capaian-2023", "3.1", "Tabel 3.1", "Capaian", "bab-3")]
    assert lists() == [("daftar-isi", "Daftar Isi"), ("daftar-tabel", "Daftar Tabel")]
    report.figures = [NumberedItem("gambar", "grafik-capaian", "3.1", "Grafik 3.1", "Capaian", "bab-3")]
    assert lists("Grafik") == [("daftar-isi", "Daftar Isi"), ("daftar-tabel", "Daftar Tabel"),
                               ("daftar-gambar", "Daftar Grafik")]


def test_source_date_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    report = _report(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert document.source_date(report) == 1700000000
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert document.source_date(report) == 1707955200  # 15 Februari 2024 00:00 UTC (tanggal_terbit)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "kemarin")
    with pytest.raises(document.PdfError):
        document.source_date(report)


# ====================================================================================================================
# Table probe (issue 14): table widths measured on the tables alone, the report laid out once


#: Portrait pages, and the landscape pages a too-wide table is moved to, as in the print stylesheet.
PAGES_CSS = "@page { size: A4; margin: 20mm } @page lanskap { size: A4 landscape; margin: 20mm }"


def _landscape_pages(tmp_path: Path, html: str, css: str) -> list[bool]:
    """Whether each page of the PDF laid out from ``html`` is landscape (one text band per page, checked)."""
    data, bands, _served, _refused, _cut = layout.render_job_bytes(_small_job(tmp_path, html, css))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = [_is_landscape(p) for p in pdf.pages]
    assert len(bands) == len(pages)
    return pages


def _small_job(tmp_path: Path, html: str, css: str) -> document.PdfJob:
    """A PDF job of a hand-written page and stylesheet, without attachments or page labels."""
    return document.PdfJob(html=html, base_url=tmp_path.as_uri() + "/", stylesheet=css,
                           stylesheet_url=tmp_path.as_uri() + "/x.css", allowed_roots=(tmp_path,), attachments=(),
                           epoch=1707955200, front_anchor=None, body_anchor=None)


def _probe(html: str) -> str | None:
    return layout.table_probe_html(HTML(string=html).etree_element)


def test_table_probe_keeps_tables_with_their_ancestors_only() -> None:
    html = ('<!DOCTYPE html><html><head><title>t</title></head><body><section class="bab" id="bab-1">'
            '<p>Narasi panjang</p><figure><img src="a.png"></figure>'
            '<div class="tabel-wadah"><table id="t1" class="tabel"><tr><td data-angka="x">1,5</td></tr></table>'
            '<ol class="tabel-catatan"><li>catatan</li></ol></div>'
            '<table id="t2" class="tabel lebar"><tr><td>lebar</td></tr></table></section>'
            '<section class="bab"><p>tanpa tabel</p></section></body></html>')
    probe = _probe(html)
    assert probe is not None and probe.startswith("<!DOCTYPE html>")
    assert '<section class="bab" id="bab-1"><div class="tabel-wadah"><table id="t1" class="tabel">' in probe
    assert '<td data-angka="x">1,5</td>' in probe
    for dropped in ("Narasi", "<figure", "catatan", 't2', "tanpa tabel"):
        assert dropped not in probe
    assert _probe("<html><body><p>tanpa tabel</p><table><tr><td>tanpa id</td></tr></table></body></html>") is None
    # an inline SVG in a table would be renamed by the serialiser: that document is measured whole
    assert _probe('<html><body><table id="t"><tr><td><svg width="5" height="5"></svg></td></tr></table>'
                  '</body></html>') is None


def test_table_the_probe_misses_still_goes_to_a_landscape_page(tmp_path: Path) -> None:
    """A theme rule that depends on a table's neighbour (``p + div``) is not seen by the probe, which drops the ``p``;
    the final layout is checked and the table moved anyway."""
    css = PAGES_CSS + "p + div.tabel-wadah table { width: 240mm }"
    html = ('<!DOCTYPE html><html><head><title>t</title></head><body><section><p>Pengantar</p>'
            '<div class="tabel-wadah" aria-labelledby="lebar-judul"><table id="lebar"><tr><td>a</td><td>b</td></tr>'
            '</table></div></section></body></html>')
    probe = _probe(html)
    assert probe is not None and "<p>" not in probe
    assert _landscape_pages(tmp_path, html, css) == [False, True]  # the paragraph, then the moved table


def _rows_of(table: ET.Element) -> list[str]:
    """The first cell's text of each row, in order (header, body, footer)."""
    return ["".join(next(iter(row)).itertext()) for row in table.iter("tr")]


def test_the_probe_lays_out_only_the_rows_that_can_set_a_columns_narrowest_width() -> None:
    """A long table's probe keeps its header and footer, its first row, and per column the rows whose unbreakable
    text is widest by each estimate (one long word; the whole text on one line); a cell spanning a kept row stays
    and spans the kept rows only. The other rows cannot make the table wider and are left out (most of the probe's
    time on a corpus report)."""
    body = [f"<tr><td>{i}</td><td>kata biasa</td><td>1,{i}</td></tr>" for i in range(1, 25)]
    body[6] = "<tr><td>7</td><td>Kata Terpanjangsekalisetabelini</td><td>1,7</td></tr>"
    body[11] = "<tr><td>12</td><td>ini satu dua tiga empat lima enam tujuh delapan</td><td>1,12</td></tr>"
    body[14] = "<tr><td>15</td><td>pendek</td><td>123.456.789.012,15</td></tr>"
    body[16] = '<tr><td rowspan="4">Sasaran</td><td>a</td><td>1</td></tr>'
    body[17] = "<tr><td>b</td><td>1</td></tr>"
    body[18] = "<tr><td>Nomorpanjangsekalidalambarisrowspan</td><td>1</td></tr>"
    body[19] = "<tr><td>c</td><td>1</td></tr>"
    html = ('<!DOCTYPE html><html><body><table id="t"><thead><tr><th>No</th><th>Uraian</th><th>Nilai</th></tr>'
            '</thead><tbody>' + "".join(body) + '</tbody><tfoot><tr><td>Jumlah</td><td></td><td>9</td></tr>'
            '</tfoot></table></body></html>')
    probe = _probe(html)
    assert probe is not None
    table = HTML(string=probe).etree_element.find(".//table")
    kept = _rows_of(table)
    assert kept[0] == "No" and kept[-1] == "Jumlah"
    assert kept[1] == "1"  # the first row stays (a fixed table layout takes its columns from it)
    for row in ("7", "12", "15", "Nomorpanjangsekalidalambarisrowspan"):
        assert row in kept  # widest word, widest line, widest number, and a row inside a rowspan
    assert kept.index("Sasaran") + 1 == kept.index("Nomorpanjangsekalidalambarisrowspan")  # "b" left out
    assert [c.get("rowspan") for c in table.iter("td") if c.text == "Sasaran"] == ["2"]  # it spans the kept rows
    assert "b" not in kept and "c" not in kept and "5" not in kept and len(kept) < 15
    # spans as large as HTML allows (or larger) cost the probe no more than HTML's limits
    huge = html.replace(body[20], '<tr><td colspan="100000000" rowspan="65534">x</td></tr>')
    assert "x</td>" in (_probe(huge) or "")
    # a table with few rows is laid out whole
    short = html.replace("".join(body), "".join(body[:3]))
    assert _rows_of(HTML(string=_probe(short) or "").etree_element.find(".//table")) == ["No", "1", "2", "3", "Jumlah"]


def _cell_columns(html: str) -> dict[str, tuple[int, int]]:
    """``{cell id: (column, colspan)}`` as WeasyPrint's own table model places each cell (an oracle independent of
    the probe's reading of rowspans)."""
    found = {}
    for page in HTML(string=html).render().pages:
        for box in page._page_box.descendants():
            if isinstance(box, TableCellBox) and box.element is not None and box.element.get("id"):
                found[box.element.get("id")] = (box.grid_x, box.colspan)
    return found


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.lists(st.text("aiMW1.,-", min_size=0, max_size=12), min_size=1, max_size=4),
                          st.integers(0, 3), st.booleans()), min_size=1, max_size=16))
def test_the_probe_keeps_every_columns_widest_cell_in_its_column(rows: list[tuple[list[str], int, bool]]) -> None:
    """Whatever the table (rowspans including "0", rows with a spanning cell or without): every kept cell sits in the
    same column as in the real table, as WeasyPrint places it; for every column and estimate a cell of the widest
    estimate stays; header and footer stay."""
    cells = []
    for r, (words, span, spanning) in enumerate(rows):
        first = f'<td id="r{r}a" rowspan="{span}">{" ".join(words)}</td>' if spanning else ""
        cells.append(f'<tr>{first}<td id="r{r}b">{"".join(words)}</td><td id="r{r}c">{words[0]}</td></tr>')
    html = ('<html><body><table id="t"><thead><tr><th id="h">H</th><th>H2</th></tr></thead><tbody>' + "".join(cells)
            + '</tbody><tfoot><tr><td id="f">F</td><td>F2</td></tr></tfoot></table></body></html>')
    before = _cell_columns(html)
    document_root = HTML(string=html).etree_element
    table = document_root.find(".//table")
    estimates = {cell.get("id"): layout._cell_estimates(cell) for cell in table.iter("td") if cell.get("id") in before}
    layout._probe_rows(table)
    after = _cell_columns(ET.tostring(document_root, encoding="unicode", method="html"))
    assert "h" in after and "f" in after
    assert all(after[i] == before[i] for i in after)  # no kept cell changes column
    for measure in (0, 1):
        for place in set(before.values()):
            widths = [estimates[i][measure] for i, at in before.items() if at == place and i in estimates]
            kept = [estimates[i][measure] for i, at in after.items() if at == place and i in estimates]
            if widths:
                assert max(kept, default=-1.0) == max(widths)


def test_a_table_whose_widest_row_the_probe_left_out_still_goes_to_a_landscape_page(tmp_path: Path) -> None:
    """The estimate reads characters, not the stylesheet: a theme that sets one row in a far larger type makes the
    probe leave out the row that makes the table too wide. The final layout is checked, and the table moved."""
    css = PAGES_CSS + "td { white-space: nowrap } tr.besar td { font-size: 90pt }"
    body = "".join(f"<tr><td>{i}</td><td>1.000.000,{i:02d}</td></tr>" for i in range(1, 30))
    body += '<tr class="besar"><td>30</td><td>1.000.000,0</td></tr>'
    html = ('<!DOCTYPE html><html><head><title>t</title></head><body><section>'
            '<div class="tabel-wadah" aria-labelledby="lebar-judul"><table id="lebar"><tbody>' + body +
            '</tbody></table></div></section></body></html>')
    probe = _probe(html)
    assert probe is not None and 'class="besar"' not in probe
    assert set(_landscape_pages(tmp_path, html, css)) == {True}


def test_pdf_jobs_go_to_the_workers_largest_first_and_come_back_in_report_order(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Reports differ by half in size: handed over in report order, the largest could start last and the PDF stage
    would wait for it alone. The results (and so the messages and the memo) keep the reports' order."""
    handed: list[str] = []

    def fake_map(fn: Any, jobs: list[document.PdfJob]) -> list[Any]:
        handed.extend(job.html for job in jobs)
        return [f"hasil {job.html}" for job in jobs]

    monkeypatch.setattr(pdfs, "map_in_processes", fake_map)
    todo = [(f"/laporan/{name}.pdf", "", document.PdfJob(
        html=name, base_url="", stylesheet="", stylesheet_url="", allowed_roots=(), attachments=(), epoch=0,
        front_anchor=None, body_anchor=None)) for name in ("b", "dddd", "a", "cc", "eeee")]
    assert pdfs._largest_first(todo) == ["hasil b", "hasil dddd", "hasil a", "hasil cc", "hasil eeee"]
    assert handed == ["dddd", "eeee", "cc", "b", "a"]  # by size, ties in report order


def test_a_value_broken_over_a_page_is_read_without_the_running_footer(tmp_path: Path) -> None:
    """Found on a long report: "Sangat" ended page 17 and "Tinggi" began page 18, and the read-back put the running
    footer ("LKjIP … 17") between them: "not printed", and the search for the next figures went on from a later
    page, so hundreds of false errors followed.
    The layout's text band per page (between the margins) is what the audit reads."""
    css = ("@page { size: 100mm 60mm; margin: 15mm 10mm; @bottom-center { content: 'Kaki halaman ' counter(page) }"
           " @top-right { content: 'Kepala halaman' } } p { margin: 0; font-size: 10pt; line-height: 12pt;"
           " orphans: 1; widows: 1 }")
    filler = "<br>".join(f"baris {i}" for i in range(1, 6))  # the 30 mm band holds six lines of 12 pt
    html = ('<!DOCTYPE html><html><head><title>t</title></head><body><p>' + filler + '<br>Predikatnya '
            '<span data-angka="IKU01.predikat">Sangat<br>Tinggi</span> dan capaiannya '
            '<span data-angka="IKU01.capaian">93,94 %</span>.</p></body></html>')
    job = _small_job(tmp_path, html, css)
    data, bands, _served, _refused, _cut = layout.render_job_bytes(job)
    whole = audit.pdf_pages_text(data)
    assert len(whole) == 2 and "Sangat" in whole[0] and "Kaki halaman 1" in whole[0] and "Tinggi" in whole[1]
    assert audit.audit_pdf(html, data, "t.pdf", bands) == []
    texts = audit.pdf_pages_text(data, bands)
    assert "Kaki" not in "".join(texts) and "Kepala" not in "".join(texts)
    # read as before (whole pages), the footer splits the value, which is reported as not printed
    assert [m.split("'")[1] for m in audit.audit_pdf(html, data, "t.pdf")] == ["IKU01.predikat"]


def test_print_fonts_decoded_once_give_weasyprint_the_font_it_would_decode(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """WeasyPrint decodes every WOFF2 font of the print stylesheet again for each PDF (0,7–1,4 s of it); the build
    hands it the TrueType bytes instead, decoded once and kept in the memo (``output/pdf/fonts.py``). WeasyPrint must
    store the very same font either way, or the PDF would change; a second build must not decode again."""
    font = THEME_FONTS / "NotoSans-Regular-latin.woff2"
    image = THEME_FONTS / "gambar.png"
    files = {str(font): font.read_bytes(), str(image): b"\x89PNG\r\n\x1a\n"}
    memo = Memo(tmp_path / "cache", "pdf")
    given = fonts.WebFonts(memo).job_files(files)
    assert given[str(image)] == files[str(image)]
    assert given[str(font)][:4] == b"\x00\x01\x00\x00"  # TrueType, under the name the stylesheet gives

    def stored_by_weasyprint(carried: dict[str, bytes]) -> bytes:
        config = FontConfiguration()
        fetcher = layout.make_url_fetcher([THEME_FONTS], (), carried)
        config.add_font_face({"src": [("external", font.as_uri())], "font_family": "Noto Sans"}, fetcher)
        written = [p for p in Path(config._folder).iterdir() if not p.suffix]  # the font, beside its fontconfig XML
        assert len(written) == 1
        return written[0].read_bytes()

    assert stored_by_weasyprint(given) == stored_by_weasyprint(files)

    def no_decoding(data: bytes) -> bytes:
        raise AssertionError("decoded again although the memo holds it")

    monkeypatch.setattr(fonts, "decoded", no_decoding)
    assert fonts.WebFonts(memo).job_files(files) == given  # the next build: from the memo

    # A damaged font in a site's theme is handed on as it is: WeasyPrint passes over it, as it did before, instead
    # of the build stopping with a traceback.
    monkeypatch.undo()
    damaged = {str(font): b"wOF2" + bytes(60)}
    assert fonts.WebFonts(Memo(tmp_path / "lain", "pdf")).job_files(damaged) == damaged


def test_a_woff_print_font_is_decoded_to_the_same_bytes_on_every_build() -> None:
    """A theme may ship WOFF (not WOFF2) fonts. fontTools stamped the decoded font with the hour of decoding, and the
    PDF's font subset carries that date: two clean builds of one site could give two PDFs. The font's own date is
    kept."""
    source = TTFont(str(THEME_FONTS / "NotoSans-Regular-latin.woff2"), recalcTimestamp=False)
    source.flavor = "woff"
    woff = io.BytesIO()
    source.save(woff)
    truetype = fonts.decoded(woff.getvalue())
    assert truetype[:4] == b"\x00\x01\x00\x00"
    assert TTFont(io.BytesIO(truetype))["head"].modified == source["head"].modified


# --------------------------------------------------------------------------------------------------
# WeasyPrint's user-agent stylesheet, its universal pseudo-element rules scoped (output/pdf/ua.py)
# --------------------------------------------------------------------------------------------------

UA_SAMPLE = ("li { display: list-item }\n::marker { white-space: pre }\n::footnote-call { content: counter(footnote) }\n"
             "::footnote-marker { content: counter(footnote) \". \" }\n::note-call { content: counter(note) }\n")


def _never_read(url: str) -> str | None:
    raise AssertionError(f"nothing to import, yet {url} was read")


def test_the_user_agents_pseudo_element_rules_name_only_the_elements_that_can_show_them() -> None:
    author = ('@media print { .butir, ol.daftar > p[title="a,b"] { display: list-item } }\n'
              '.na-catatan { float: footnote } .x { display: block; float: left } @page { margin: 1cm }\n'
              ".kepala { position: running(kepala) }")
    scoped = ua.scoped_user_agent(UA_SAMPLE, [(author, "file:///t/x.css")], "<p>teks</p>", _never_read)
    assert scoped == ("li { display: list-item }\n"
                      "li::marker { white-space: pre }\n.butir::marker { white-space: pre }\n"
                      'ol.daftar > p[title="a,b"]::marker { white-space: pre }\n'
                      ".na-catatan::footnote-call { content: counter(footnote) }\n"
                      '.na-catatan::footnote-marker { content: counter(footnote) ". " }\n'
                      "/* ::note-call: no element can show it */\n")


def test_an_imported_stylesheet_is_read_for_the_rules_it_holds() -> None:
    read = {"file:///t/cetak/dasar.css": ".butir { display: list-item }"}.get
    scoped = ua.scoped_user_agent(UA_SAMPLE, [('@import url("cetak/dasar.css") print;', "file:///t/x.css")], "",
                                  read)
    assert scoped is not None and "li::marker {" in scoped and ".butir::marker {" in scoped
    assert ua.scoped_user_agent(UA_SAMPLE, [('@import "hilang.css";', "file:///t/x.css")], "", read) is None


@pytest.mark.parametrize("author, html", [
    (".a { display: inherit }", ""),  # a parent's list-item could be inherited
    (".a { float: var(--posisi) }", ""),
    (".a { position: env(posisi) }", ""),
    (".a::before { display: list-item }", ""),  # a pseudo-element's own marker
    (".a { & .b { float: footnote } }", ""),  # nested rules
    ("@scope (.a) { .b { display: list-item } }", ""),  # an at-rule this walk does not know
    ('@namespace svg url(http://www.w3.org/2000/svg); svg|a { display: list-item }', ""),
    ("", '<p style="display:list-item">butir</p>'),
    ("", "<style>.a { float: footnote }</style>"),
    ("", '<link rel="stylesheet" href="lain.css">'),
])
def test_the_user_agent_stays_whole_where_a_carrying_value_could_come_from_elsewhere(author: str, html: str) -> None:
    assert ua.scoped_user_agent(UA_SAMPLE, [(author, "file:///t/x.css")], html, _never_read) is None


def test_the_user_agent_override_reaches_weasyprint() -> None:
    """``_ua_stylesheets`` is WeasyPrint's own method, not public API: this fails if a new version stops calling it."""
    html = layout._print_html()(string="<p>x</p>")
    html.user_agent = CSS(string="@page { size: 50mm 40mm }")
    page = html.render().pages[0]
    assert (round(page.width), round(page.height)) == (189, 151)  # CSS px: 50 mm and 40 mm, not A4


def test_a_pdf_laid_out_with_the_scoped_user_agent_is_the_same_pdf(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Lists, an element the theme makes a list item (in an imported stylesheet), footnotes, a table and an inline
    SVG: the same bytes as with WeasyPrint's own user-agent stylesheet, which a miss would change (a marker drawn
    without its rule, a footnote without its call)."""
    (tmp_path / "dasar.css").write_text(".butir { display: list-item; list-style: lower-alpha inside; text-transform:"
                                        " uppercase } .butir::marker { color: #036 }", encoding="utf-8")
    css = ('@import url("dasar.css"); ' + PAGES_CSS + " .na-catatan { float: footnote } "
           "@media print { .kaki { float: footnote } } li::marker { font-weight: bold }")
    html = ('<!DOCTYPE html><html><head><title>t</title></head><body><h1>Bab</h1><ol><li>satu</li><li>dua</li></ol>'
            '<ul><li>butir <span class="na-catatan">alasan N/A</span></li></ul><div class="butir">pertama</div>'
            '<div class="butir">kedua<span class="kaki">catatan kaki</span></div>'
            '<table id="t"><tr><th>Indikator</th><td class="angka">93,94</td></tr></table>'
            '<svg width="40" height="20"><rect width="40" height="20" fill="#036"/><text y="15">9</text></svg>'
            "</body></html>")
    job = _small_job(tmp_path, html, css)
    scoped = layout.render_job_bytes(job)
    assert layout._user_agent(job) is not None  # the scoped stylesheet was used, so the comparison means something
    monkeypatch.setattr(layout, "_user_agent", lambda job: None)
    whole = layout.render_job_bytes(job)
    assert scoped[0] == whole[0]
    assert scoped[2] == whole[2] and scoped[3] == whole[3] == []  # served and refused: what the layout fetched
    text = "".join(audit.pdf_pages_text(scoped[0]))
    assert "1. alasan N/A" in text and "2. catatan kaki" in text and "butir 1" in text  # notes and their calls
    assert "b. PERTAMA" in text  # the user agent's marker rule (text-transform: none) kept for the imported class


def test_a_theme_selector_the_parser_rejects_drops_only_its_own_user_agent_rule() -> None:
    """``.b:tidak-dikenal`` makes the theme's rule invalid (WeasyPrint ignores it); in one selector list with ``li``
    it would have made the user agent's marker rule invalid for every list item too (its ``text-transform: none``
    keeps an uppercase item's marker lower-case)."""
    author = ".a, .b:tidak-dikenal { display: list-item } li { list-style-type: lower-alpha; text-transform: uppercase }"
    scoped = ua.scoped_user_agent(WEASYPRINT_UA, [(author, "file:///t/x.css")], "", _never_read)
    assert scoped is not None and ".b:tidak-dikenal::marker" in scoped
    html = layout._print_html()(string="<ol><li>butir</li></ol>")
    html.user_agent = CSS(string=scoped)
    text = "".join(audit.pdf_pages_text(html.render(stylesheets=[CSS(string=author)]).write_pdf()))
    assert "a. BUTIR" in text



def test_a_name_without_spaces_longer_than_a_column_wraps_in_the_pdf(tmp_path: Path) -> None:
    """A 140-letter indicator name with no space widened its table past the page: the columns beyond were cut off
    and the build refused the report over 175 numbers "not printed", named a fault of the program. It now breaks
    inside the name, the build publishes, and the capaian beside it is printed."""
    root = tmp_path / "proyek"
    assert new_report(root, "contoh-2023", 2023) == 0
    run = "SuperPanjangTanpaSpasi_" + "x" * 117
    indicators = root / "content" / "laporan" / "contoh-2023" / "data" / "indikator.yaml"
    indicators.write_text(indicators.read_text(encoding="utf-8").replace(
        "nama: Indeks Kepuasan Masyarakat", f"nama: Indeks Kepuasan Masyarakat {run}"), encoding="utf-8")
    with source_date_epoch():
        result = build(BuildOptions(root=root, output=root / "situs", use_cache=False))
    assert not result.diagnostics.errors, [d.format() for d in result.diagnostics.errors]
    reader = pypdf.PdfReader(root / "situs" / "laporan" / "contoh-2023" / "1.0" / "contoh-2023-1.0.pdf")
    text = "\n".join(_text(reader, i) for i in range(len(reader.pages)))
    assert re.search(r"SuperPanjangTanp ?aSpasi_x{9} ?x{16}", text) and "103,13 %" in text



def test_a_quarterly_reports_na_footnote_is_linked_and_its_subject_is_no_lkjip(tmp_path: Path) -> None:
    """A reader of the PDF on a screen tapped the "¹" after an N/A in the text and nothing happened: the call is now
    a link to its note at the page's foot. And the file's Subject called a quarterly report an LKjIP ("Laporan
    Kinerja Instansi Pemerintah … Triwulan II 2025"), an annual one "… Tahunan 2022": it names it as its cover."""
    root = tmp_path / "proyek"
    assert new_report(root, "uji-2025-tw2", 2025, "tw2", "Kecamatan Uji") == 0
    folder = root / "content" / "laporan" / "uji-2025-tw2"
    indicators = folder / "data" / "indikator.yaml"
    text = indicators.read_text(encoding="utf-8")  # no realisasi: the capaian in the text is N/A, a footnote says why
    indicators.write_text(re.sub(r"\n    realisasi:\n      2025: \{[^}]*\}", "", text), encoding="utf-8")
    with source_date_epoch():
        result = build(BuildOptions(root=root, output=root / "situs", use_cache=False))
    assert not result.diagnostics.errors, [d.format() for d in result.diagnostics.errors]
    reader = pypdf.PdfReader(root / "situs" / "laporan" / "uji-2025-tw2" / "1.0" / "uji-2025-tw2-1.0.pdf")
    assert reader.metadata["/Subject"] == "Laporan Kinerja Kecamatan Uji Triwulan II Tahun 2025, versi 1.0"
    notes = {name: reader.get_destination_page_number(dest) for name, dest in reader.named_destinations.items()
             if "--catatan-na-" in name}
    assert notes, "no N/A footnote has an anchor"
    for name, page in notes.items():
        calls = [a.get_object() for a in reader.pages[page].get("/Annots") or []]
        rects = [sorted(float(a["/Rect"][i]) for i in (1, 3)) for a in calls if a.get("/Dest") == name]
        rects = [(low, high) for low, high in rects if high > low]
        assert rects, f"the call of {name} is no link"
        note_top = float(reader.named_destinations[name]["/Top"])
        assert all(low > note_top for low, _high in rects)  # from the text down to the note at the page's foot
        assert re.search(r"\d\. N/A: \w", _text(reader, page))  # the note itself, as ::footnote-marker begins it


#: A chapter whose notes hold what a reader follows: a source cited twice, a source with a link, a figure, a note in a
#: table's cell, beside an N/A (IKU1 has no realisasi in these tests).
NOTES_CHAPTER = """---
judul: Pendahuluan
jenis: bab
bab: I
urutan: 10
---
## Latar Belakang[^dasar]

Menurut BPS[^bps] penduduk naik, dan capaian IKM {nilai}`IKU1.capaian` belum terukur. Sumber lain[^sumber] juga
dipakai, dan BPS[^bps] dirujuk lagi. Pagu {nilai}`anggaran.pagu`[^pagu] terserap {nilai}`anggaran.serapan`.

| Desa | Penduduk |
|---|---:|
| Desa A[^desa] | 1.200 |

[^bps]: Badan Pusat Statistik, Kecamatan Uji Dalam Angka 2025.
[^sumber]: Lihat [situs BPS](https://uji.bps.go.id/publikasi).
[^pagu]: DPA {nilai}`anggaran.pagu`.
[^desa]: Termasuk dusun baru.
[^dasar]: Menurut PermenPAN RB 53/2014.
"""


def _report_with_notes(tmp_path: Path, periode: str, chapter: str) -> tuple[Path, BuildResult]:
    """A report of ``lkjip new`` whose BAB I is ``chapter``, with a note in its Ikhtisar too, and IKU1 without a
    realisation (an N/A with its note in the text), built."""
    root, slug = tmp_path / "proyek", f"uji-2025-{periode}"
    assert new_report(root, slug, 2025, periode, "Kecamatan Uji") == 0
    folder = root / "content" / "laporan" / slug
    indicators = folder / "data" / "indikator.yaml"
    indicators.write_text(re.sub(r"\n    realisasi:\n      2025: [^\n]*", "", indicators.read_text(encoding="utf-8")),
                          encoding="utf-8")
    foreword = folder / "01-ikhtisar-eksekutif.md"
    foreword.write_text(foreword.read_text(encoding="utf-8") + "\nData penduduk dari BPS[^bps].\n\n"
                        "[^bps]: Kecamatan Uji Dalam Angka 2025.\n", encoding="utf-8")
    (folder / "10-bab-1-pendahuluan.md").write_text(chapter, encoding="utf-8")
    with source_date_epoch():
        result = build(BuildOptions(root=root, output=root / "situs", use_cache=False))
    return root / "situs" / "laporan" / slug / "1.0" / f"{slug}-1.0.pdf", result


def test_the_notes_are_one_series_at_the_foot_of_the_page_that_calls_them(tmp_path: Path) -> None:
    """The PDF printed two series of notes: the author's "[1]" with the notes after the chapter, the N/A's "¹" at the
    page's foot, so "BPS[1]" and "N/A¹" on one page meant notes in two places, and a reader of the paper turned to
    the chapter's end and back. Now every note is a footnote of the page that calls it, numbered in one series
    through the report as Word numbers them, its call a link to it; a note called twice is printed at each call; a
    note's link to its source is kept, its figures are audited where they are printed, and a heading's bookmark
    has no note number ("Latar Belakang3"). A quarterly report's Keywords no longer call it an LKjIP (the annual
    report), as its Subject and cover do not."""
    pdf, result = _report_with_notes(tmp_path, "tw2", NOTES_CHAPTER)
    assert not result.diagnostics.errors, [d.format() for d in result.diagnostics.errors]
    reader = pypdf.PdfReader(pdf)
    keywords = reader.metadata["/Keywords"]
    assert "LKjIP" not in keywords and keywords.startswith("laporan kinerja, SAKIP, Kecamatan Uji, ")
    assert keywords.endswith(", Triwulan II Tahun 2025")
    text = " ".join(_text(reader, i) for i in range(len(reader.pages)))
    assert not re.search(r"\[\d", text)  # no "[1]" left
    notes = re.findall(r"(\d+)\. (N/A: |Badan Pusat|Lihat situs|DPA Rp|Termasuk dusun|Kecamatan Uji Dalam|Menurut PermenPAN)",
                       text)
    assert [int(n) for n, _kind in notes] == list(range(1, len(notes) + 1))  # one series, in the order read
    kinds = [kind for _n, kind in notes]
    assert kinds[:3] == ["N/A: ", "Kecamatan Uji Dalam", "Menurut PermenPAN"]  # the Ikhtisar's, BAB I's heading's
    assert kinds.count("Badan Pusat") == 2 and {"Lihat situs", "DPA Rp", "Termasuk dusun"} <= set(kinds)
    named = {name: reader.get_destination_page_number(dest) for name, dest in reader.named_destinations.items()
             if name.startswith("fn-") or "--catatan-na-" in name}
    assert len(named) == len(notes)
    for name, page in named.items():  # the call is a link to its note, on the note's page, above it
        rects = [sorted(float(a.get_object()["/Rect"][i]) for i in (1, 3)) for a in reader.pages[page].get("/Annots")
                 if a.get_object().get("/Dest") == name]
        assert any(high > low > float(reader.named_destinations[name]["/Top"]) for low, high in rects), name
    uris = [a.get_object()["/A"]["/URI"] for page in reader.pages for a in page.get("/Annots") or []
            if "/A" in a.get_object()]
    assert "https://uji.bps.go.id/publikasi" in uris
    bab = next(i for i, item in enumerate(reader.outline) if getattr(item, "title", "") == "BAB I Pendahuluan")
    assert reader.outline[bab + 1][0].title == "Latar Belakang"  # its bookmark without the note's number


def test_a_note_too_long_for_a_page_is_an_error_at_its_line(tmp_path: Path) -> None:
    """A note taller than a page fits at the foot of none: WeasyPrint printed what fitted, the rest was lost without
    a word. The author is told at the note's line."""
    sentence = "Uraian metode yang terlalu panjang untuk sebuah catatan kaki di kaki halaman laporan kinerja ini."
    chapter = NOTES_CHAPTER + "\n[^metode]: " + " ".join([sentence] * 110) + "\n"
    chapter = chapter.replace("Sumber lain[^sumber]", "Metode[^metode] dan sumber lain[^sumber]")
    with pytest.raises(ContentError) as stopped:
        _report_with_notes(tmp_path, "tahunan", chapter)
    line = next(i for i, text in enumerate(chapter.splitlines(), 1) if text.startswith("[^metode]:"))
    said = [d.format() for d in stopped.value.diagnostics.errors]
    assert len(said) == 1 and said[0].startswith(f"content/laporan/uji-2025-tahunan/10-bab-1-pendahuluan.md:{line}: ")
    assert "[^metode] terlalu panjang untuk satu halaman PDF" in said[0]


def test_an_annual_reports_subject_names_it_as_its_cover_does(tmp_path: Path) -> None:
    report = _report(tmp_path)
    context = document.build_context(report, SimpleNamespace(label_gambar="Gambar"), {})
    assert context["subjek"] == ("Laporan Kinerja Instansi Pemerintah (LKjIP) Kecamatan Martapura Barat Tahun 2023, "
                                 "versi 1.0")


def _many_indicators_chart(count: int = 22) -> tuple[Any, Any, Any]:
    """A capaian chart of ``count`` indicators with long names, as Martapura Barat's Gambar 3.1: (spec, chart,
    renderer of its figure for the site or the PDF)."""
    name = "Persentase layanan administrasi kependudukan yang diselesaikan tepat waktu sesuai standar pelayanan"
    rows = [{"indikator": f"{name} ({i})", "target": Decimal(100), "realisasi": Decimal(88 + i % 15),
             "capaian": Decimal(88 + i % 15), "predikat": "Baik", "warna": "#1a7f37"} for i in range(1, count + 1)]
    spec = chart_spec.target_realisasi(rows)
    result = render_chart(spec)
    registry = Registry()
    figures.register(registry, SimpleNamespace(get=lambda _spec: result, fill=lambda _diags: None))
    item = NumberedItem("gambar", "grafik-capaian", "3.1", "Gambar 3.1", "Target dan Realisasi", "bab-3")
    env = theme.make_env([REPO / "themes" / "default"])

    def figure(pdf: bool) -> str:
        return registry.renderers[("grafik", "target_realisasi")](SimpleNamespace(env=env, pdf=pdf),
                                                                   SimpleNamespace(built=spec, item=item))

    return spec, result, figure


def test_a_chart_is_never_cut_through_an_indicators_name() -> None:
    """Martapura Barat's Gambar 3.1 was cut half way between two rows, under a name of five lines ("… Perangkat
    Daerah yang ada di Kecamatan") that hangs below that line: its fourth line was cut in half at the foot of the page
    and its fifth printed nowhere (a piece shows only the text that begins in it). Every line of every name a piece
    shows lies inside the piece, and every name is shown."""
    short, long_ = "Persentase Administrasi Keuangan", ("Persentase Penyelenggaraan Urusan Pemerintahan yang tidak "
                                                     "Dilaksanakan oleh Unit Kerja Perangkat Daerah yang ada di "
                                                     "Kecamatan")
    rows = [{"indikator": f"{long_ if i % 7 == 0 else short} ({i})", "target": Decimal(100),
             "realisasi": Decimal(90 + i % 11), "capaian": Decimal(90 + i % 11), "predikat": "Baik",
             "warna": "#1a7f37"} for i in range(22)]
    svg = render_chart(chart_spec.target_realisasi(rows)).svg
    cut = pieces.print_pieces(svg, "Gambar 3.1 Target dan Realisasi Indikator Kinerja Tahun 2023", "Dari 22 " * 30)
    assert len(cut) > 1
    shown = []
    for piece in cut:
        root = ET.fromstring(piece)
        _x, top, _w, height = (float(v) for v in root.get("viewBox").split())
        for element, y, _ticks in pieces._placed(root, 0.0, None):
            if element.tag.endswith("}text") and re.search(r"\(\d+\)", "".join(element.itertext())):
                lines = [float(t.get("dy") or 0) for t in element.iter("{http://www.w3.org/2000/svg}tspan")]
                assert top <= y - 12 and y + sum(lines) + 3 <= top + height, "".join(element.itertext())
                shown.append(int(re.search(r"\((\d+)\)", "".join(element.itertext())).group(1)))
    assert sorted(shown) == list(range(22))


@pytest.mark.parametrize("count", [22, 40])
def test_a_chart_cut_in_pieces_fills_its_pages(count: int) -> None:
    """Cut into pieces of at most 185 mm shared out evenly, Martapura Barat's Gambar 3.1 (22 indicators) took three
    pages, a third and a half of two of them blank, where two were enough. Each piece but the last now fills its
    page (at least three quarters of it: the one before the last leaves the last a row), each on a page of its own,
    and the last is on the same page as the whole summary and the text after the chart."""
    _spec, _result, figure = _many_indicators_chart(count)
    css = CSS(filename=str(REPO / "themes" / "default" / "static" / "print-pdf.css"))
    pages = HTML(string=f"<html><body><p>Pengantar.</p>{figure(pdf=True)}<p>Uraian sesudah gambar.</p></body></html>"
                 ).render(stylesheets=[css]).pages
    drawn = [(number, box.position_y + box.margin_height()) for number, page in enumerate(pages)
              for box in page._page_box.descendants()
              if box.element is not None and box.element.tag.endswith("svg") and hasattr(box, "replacement")]
    numbers = [number for number, _foot in drawn]
    assert len(drawn) > 1 and numbers == list(range(numbers[0], numbers[0] + len(drawn)))  # a piece a page
    for number, foot in drawn[:-1]:
        area = pages[number]._page_box
        filled = (foot - area.content_box_y()) / area.height
        assert filled >= 3 / 4, f"halaman {number + 1} hanya {filled:.0%} terisi gambar"
    last, foot = drawn[-1]
    under = list(dict.fromkeys(box.element for box in pages[last]._page_box.descendants()
                               if box.element is not None and box.element.tag == "p" and box.position_y > foot))
    under = [element.get("class") or element.text for element in under]
    assert under == ["grafik-ringkasan", "Uraian sesudah gambar."]  # the summary, then the text, under the piece
    assert all("grafik-ringkasan" not in (e.get("class") or "") for page in pages[last + 1:]
               for e in {b.element for b in page._page_box.descendants() if b.element is not None})


def test_a_chart_of_many_indicators_is_printed_readable_a_piece_a_page() -> None:
    """Martapura Barat's Gambar 3.1 (22 indicators, 730 × 1856 px) was scaled into 185 mm of one page: 38 % of its
    size, its names at 3,4 pt. It is printed at the text width, cut between its rows, a piece on each page; the
    site's chart is the one drawing, as before."""
    spec, result, figure = _many_indicators_chart()
    site = figure(pdf=False)
    assert site.count("<svg ") == 2 and result.svg in site and "lanjutan" not in site  # wide and phone, whole
    css = CSS(filename=str(REPO / "themes" / "default" / "static" / "print-pdf.css"))
    pages = HTML(string=f"<html><body><p>Pengantar.</p>{figure(pdf=True)}</body></html>").render(
        stylesheets=[css]).pages
    drawn = [(page, box) for page in pages for box in page._page_box.descendants()
             if box.element is not None and box.element.tag.endswith("svg") and hasattr(box, "replacement")]
    height = float(re.search(r'height="([\d.]+)"', result.svg).group(1))
    assert len(drawn) > 1 and len({id(page) for page, _box in drawn}) == len(drawn)  # a piece a page
    views = [[float(v) for v in box.element.get("viewBox").split()] for _page, box in drawn]
    assert views[0][1] == 0 and all(a[1] + a[3] == b[1] for a, b in zip(views, views[1:]))  # every row, once
    assert round(views[-1][1] + views[-1][3], 2) == height
    # each piece holds the text of its own rows only: a search of the PDF for a value finds the page it is seen on
    texts = [" ".join(box.element.itertext()) for _page, box in drawn]
    assert [sum(t.count(f"({i})") for t in texts) for i in range(1, 23)] == [1] * 22
    for page, box in drawn:
        label_pt = 12 * box.width / float(box.element.get("width")) * 0.75  # the chart's 12 px text, printed
        assert label_pt >= 7, f"labels printed at {label_pt:.1f} pt"
        bottom = page._page_box.content_box_y() + page._page_box.height
        assert box.position_y + box.margin_height() <= bottom + 0.5  # on its page, not cut at its foot


def test_a_landscape_page_has_the_binding_margin_at_top_and_bottom() -> None:
    """Printed, a landscape page is turned onto its sheet: its top and bottom edges are the sheet's inside and
    outside (which one is at the binding, the printer's turn decides). A wide table stood 20 or 24 mm from the
    binding of every sheet it was printed on, where the portrait pages keep 28 mm."""
    css = CSS(filename=str(REPO / "themes" / "default" / "static" / "print-pdf.css"))
    table = '<table class="lebar"><tr><td>1</td></tr></table>'
    html = f'<div class="bagian-isi"><p>a</p>{table}<p style="break-before: page">b</p>{table}</div>'
    pages = HTML(string=html).render(stylesheets=[css]).pages
    mm = 25.4 / 96
    portrait = [p._page_box for p in pages if p.width < p.height]
    landscape = [p._page_box for p in pages if p.width > p.height]
    assert len(landscape) == 2  # a left and a right page
    binding = max(b.margin_left for b in portrait) * mm
    assert all(round(b.margin_top * mm) == round(b.margin_bottom * mm) == round(binding) for b in landscape)


def test_a_level_taken_from_an_earlier_quarter_is_noted_in_the_text_the_tables_and_the_pdf(tmp_path: Path) -> None:
    """A TW III report printed TW II's IKM of 83 as "Realisasi s.d. TW III" (capaian 103,75 %) in its table, its
    sentences and its PDF with no mark, TW III's survey being declared not done (``tw3: {tidak_ada: ...}``): an
    auditor read it as TW III's. The value stays (``agregasi: terakhir`` keeps the latest known); the table marks it
    and its capaian with a lettered note, a ``{nilai}`` carries the note after it (a page footnote in the PDF, not an
    "N/A:" one), and the build's audit of every printed figure still passes.

    Once a paragraph: a sentence citing its realisasi, change, trend and capaian said the one note four times (four
    footnotes in the PDF); the first value says it, the others keep it as their title, and the next paragraph says
    it again."""
    root = tmp_path / "proyek"
    assert new_report(root, "uji-2026-tw3", 2026, "tw3", "Kecamatan Uji") == 0
    folder = root / "content" / "laporan" / "uji-2026-tw3"
    indicators = folder / "data" / "indikator.yaml"
    text = indicators.read_text(encoding="utf-8")
    text = text.replace("    polaritas: positif\n", "    polaritas: positif\n    agregasi: terakhir\n")
    text = re.sub(r"      2026: \{tw1: [^}]*\}", "      2025: 82\n      2026: {tw1: 81, tw2: 83, tw3: {tidak_ada: "
                  "survei TW III belum selesai}}", text)
    assert "tidak_ada" in text
    indicators.write_text(text, encoding="utf-8")
    chapter = folder / "30-bab-3-akuntabilitas-kinerja.md"
    body = chapter.read_text(encoding="utf-8")
    chapter.write_text(body.replace("Indikator {nilai}`IKU1.nama` mencapai",
                                    "Realisasi s.d. TW III {nilai}`IKU1.realisasi`, naik {nilai}`IKU1.selisih` "
                                    "({nilai}`IKU1.tren`); indikator {nilai}`IKU1.nama` mencapai", 1)
                       + "\nCapaian {nilai}`IKU1.capaian` tercatat.\n", encoding="utf-8")
    with source_date_epoch():
        result = build(BuildOptions(root=root, output=root / "situs", use_cache=False))
    assert not result.diagnostics.errors, [d.format() for d in result.diagnostics.errors]
    note = ("realisasi TW III tidak tersedia (survei TW III belum selesai); yang ditampilkan realisasi TW II, nilai "
            "terakhir yang tersedia")
    version = root / "situs" / "laporan" / "uji-2026-tw3" / "1.0"
    page = (version / "bab-3-akuntabilitas-kinerja" / "index.html").read_text(encoding="utf-8")
    sentence = re.search(r"<p>Realisasi s\.d\. TW III .*?</p>", page).group()
    assert f'>83</span><span class="nilai-catatan">{note}</span>' in sentence
    assert sentence.count('class="nilai-catatan"') == 1 and sentence.count(f'title="{note}"') == 4
    assert '>103,75 %</span> dengan predikat' in sentence
    assert f'>Capaian <span data-angka="IKU1.capaian" class="angka-utuh" title="{note}">103,75 %</span><span ' \
           f'class="nilai-catatan">{note}</span> tercatat.' in page
    assert re.search(r'data-angka="IKU1\.realisasi" class="angka dicatat">83<sup class="na-ref">.*?>a</a></sup>', page)
    assert re.search(r'data-angka="IKU1\.capaian" class="angka dicatat">103,75 %<sup class="na-ref">.*?>a</a></sup>',
                     page)
    assert f'<sup>a</sup> {note}</li>' in page
    reader = pypdf.PdfReader(version / "uji-2026-tw3-1.0.pdf")
    pdf = " ".join(_text(reader, i) for i in range(len(reader.pages)))
    # the value, then its footnote's call (a hair space apart: "83 1", not a value of 831); the change, trend and
    # capaian after it without one
    assert re.search(r"Realisasi s\.d\. TW III 83 (\d), naik 1 \(naik\); indikator .* mencapai 103,75 % dengan", pdf)
    assert re.search(r"Capaian 103,75 % \d tercatat", pdf) and len(re.findall(rf"\d\. {re.escape(note)}", pdf)) == 2
    assert re.search(r"\b83a 103,75 %a\b", pdf)  # the table's cells with their letter
    assert f"1. {note}" in pdf and f"a {note}" in pdf and f"N/A: {note}" not in pdf
    ind = (version / "data-terbuka" / "indikator.csv").read_text(encoding="utf-8")
    lines = ind.splitlines()  # 2025's row, then 2026's
    assert lines[0].endswith(",catatan_nilai") and lines[2].endswith(f',"{note}"')
