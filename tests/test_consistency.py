"""Issue 12: every number agrees with every other number, across the site and the PDF.

The fixture ``tests/fixtures/kecamatan-25`` is a kecamatan LKjIP written from the author guide alone, with the traps
of the issue: 25 PK indicators, one qualitative (SAKIP), one negative (ADUAN), one without realisation (LKD), a
tujuan-level IKM with quarterly targets, five programmes, program/kegiatan indicators outside the PK. It is built
once with its PDF (about 25 s); every figure shown twice is compared across the site and the PDF, the figures are
checked against hand computations, and the quarterly mistakes of the issue are planted and must be errors at the
line of the value at fault.

Hand computation of the fixture (capaian per indicator, positive R / T × 100, ADUAN negative (2T − R) / T × 100):

* S1: PATEN 96,4/95 = 101,4737; ADUAN (20 − 12)/10 = 80; KTP 88,2/90 = 98; SPM 100; DARING 35,5/40 = 88,75;
  INOV 4/3 = 133,3333 → S1 = 100,2595
* S2: SAKIP B of BB on [D, C, CC, B, BB, A, AA] = 4/5 = 80; NEK 84,82/80 = 106,025; DOKREN 100; TLHP 92;
  BMD 97,5/95 = 102,6316; IKKI 71,3/75 = 95,0667 → S2 = 95,9539
* S3: LKD N/A (realisasi not available); MANDIRI 27,5/30 = 91,6667; APBDES 92,86; KUM 24/20 = 120;
  MUSREN 48,5/60 = 80,8333; PKK 100 → S3 = 97,0720 (5 measured)
* S4: TRANTIB 96; PERDA 93/90 = 103,3333; LINMAS 75/70 = 107,1429; KONFLIK 100; FKUB 100; BENCANA 90 → 99,4127
* IKM (tujuan, not in any sasaran): 83,515/85 = 98,2529
* per sasaran then across: (100,2595 + 95,9539 + 97,0720 + 99,4127) / 4 = 98,1745 → 98,17 %
* reaching target (≥ 100): PATEN, SPM, INOV, NEK, DOKREN, BMD, KUM, PKK, PERDA, LINMAS, KONFLIK, FKUB = 12 of the
  24 measured; 12 below (all Cukup Berhasil on the Banjar scale, [70, 100)); 1 N/A (LKD).
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import io
import json
import re
import shutil
import sys
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Mapping

import lxml.html
import pytest
from conftest import copy_examples, fill_in_site
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from lkjip_site import build as build_mod
from lkjip_site.build import BuildOptions, audit_figures, build, check, load_site
from lkjip_site.cli.main import main
from lkjip_site.core.diagnostics import ContentError, Diagnostics
from lkjip_site.core.files import SiteFiles
from lkjip_site.core.memo import ContentHashes, Memo
from lkjip_site.output import audit as audit_mod
from lkjip_site.output.audit import HtmlSource, Shown, audit, audit_site, marks_in_html, normalise
from lkjip_site.output.changes import VersionData, compare
from lkjip_site.output.opendata import OpenDataSource

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "kecamatan-25"
BASE = "laporan/sukamaju-2024/1.0/"
PDF = BASE + "sukamaju-2024-1.0.pdf"
IND = "content/laporan/sukamaju-2024/data/indikator.yaml"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    root = tmp_path_factory.mktemp("kecamatan") / "situs"
    shutil.copytree(FIXTURE, root)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1707955200")
        result = build(BuildOptions(root=root, pdf=True, cache_dir=root / ".cache"), write=False)
    return root, result


def text_of(html: str) -> str:
    """Visible text: inline marks (spans, links, emphasis) join their neighbours, other tags separate words."""
    html = re.sub(r"<(script|svg|sup)\b.*?</\1>", " ", html, flags=re.S)
    html = html.replace('<span class="catatan">', " ")  # a key figure's note is a block of its own
    html = re.sub(r"</?(span|a|strong|em)\b[^>]*>", "", html)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def page(result, name: str) -> str:
    return result.files[BASE + name].decode("utf-8")


_PDF_TEXT: dict[int, list[str]] = {}


def pdf_text(result) -> list[str]:
    """The PDF's pages read back with pypdf (once per build: it takes a few seconds)."""
    if id(result) not in _PDF_TEXT:
        reader = PdfReader(io.BytesIO(result.files[PDF]))
        _PDF_TEXT[id(result)] = [re.sub(r"\s+", " ", p.extract_text() or "") for p in reader.pages]
    return _PDF_TEXT[id(result)]


# ------------------------------------------------------------------------------------------------ one figure, one value


def test_the_build_passed_its_own_audit_and_nothing_disagrees(built) -> None:
    _root, result = built
    assert result.diagnostics.errors == []
    assert audit_site(result.site, result.files) == []


def test_every_figure_shown_in_several_places_shows_one_value(built) -> None:
    """Independently of the audit: group every mark of every page by figure; each figure has one text."""
    _root, result = built
    seen: dict[str, set[str]] = {}
    places: dict[str, set[str]] = {}
    for path, data in result.files.items():
        if path.endswith(".html"):
            for s in marks_in_html(path, data.decode("utf-8")):
                value = re.sub(r"^Rp |\s%$", "", s.text.strip())
                seen.setdefault(s.figure, set()).add(value)
                places.setdefault(s.figure, set()).add(path)
    several = {f for f, p in places.items() if len(p) > 1}
    assert {"indikator.jumlah", "indikator.mencapai_target", "capaian.rata_rata", "anggaran.serapan",
            "laporan.jumlah_indikator", "IKM.capaian", "LKD.capaian"} <= several
    assert {f: v for f, v in seen.items() if len(v) > 1} == {}


def test_the_counts_of_the_issue_now_agree_and_say_which_set(built) -> None:
    _root, result = built
    report = text_of(page(result, "index.html"))
    ikhtisar = text_of(page(result, "ikhtisar-eksekutif/index.html"))
    bab3 = text_of(page(result, "bab-3-akuntabilitas-kinerja/index.html"))
    # key figures: the set (25 PK indicators), 12 of the 24 measured reach the target, 1 N/A
    assert "Jumlah indikator 25 indikator Perjanjian Kinerja" in report
    assert "Indikator mencapai target 12 dari 24 indikator terukur, capaian ≥ 100 %; 1 tidak terukur (N/A)" in report
    # the chart summary reads the same figures (it counted its own 23 rows before)
    assert ("Dari 25 indikator Perjanjian Kinerja, 24 terukur; 12 di antaranya mencapai atau melampaui target "
            "(capaian ≥ 100 %). 1 indikator N/A") in bab3
    # the chart of one sasaran says it counts that sasaran
    assert "Dari 6 indikator sasaran S3, 5 terukur; 2 di antaranya mencapai" in bab3
    # narrative: laporan.jumlah_indikator, predikat counts 12 + 12 (+ 1 N/A) = 25
    assert "Perjanjian Kinerja tahun 2024 memuat 25 indikator" in ikhtisar
    assert "Sebanyak 12 indikator berpredikat Berhasil dan 12 berpredikat Cukup Berhasil" in ikhtisar
    assert "rata-rata capaiannya 98,17 %" in bab3
    # the averages: per sasaran, then across (98,1745) and per sasaran S1 (100,2595), S3 (97,0720)
    assert "Rata-rata capaian kinerja 98,17 % Cukup Berhasil; rerata per sasaran, lalu antar-sasaran" in report
    assert "Capaian sasaran pelayanan publik adalah 100,26 %" in bab3
    assert "Capaian sasaran keberdayaan masyarakat adalah 97,07 %" in bab3


def test_chart_shows_every_indicator_and_marks_na_instead_of_dropping_the_bar(built) -> None:
    _root, result = built
    html = page(result, "bab-3-akuntabilitas-kinerja/index.html")
    figure = html[html.index('id="grafik-capaian"'):]
    svg = figure[:figure.index("</svg>")]
    assert len(re.findall(r'aria-roledescription="batang"', svg)) == 24  # SAKIP (a grade) included
    na = re.findall(r'<text aria-label="([^"]*)"[^>]*aria-roledescription="tanda N/A"', svg)
    assert na == ["Persentase lembaga kemasyarakatan desa yang aktif; target 80 %; realisasi N/A; capaian N/A: "
                  "realisasi tidak tersedia: Pendataan lembaga kemasyarakatan desa oleh DPMD belum selesai"]
    summary = figure[figure.index('<p class="grafik-ringkasan">'):figure.index("</p>")]
    assert '<span data-angka="indikator.jumlah">25</span>' in summary  # the model's figure, marked for the audit


def test_average_rows_only_where_they_average_the_rows_shown(built) -> None:
    _root, result = built
    html = page(result, "bab-3-akuntabilitas-kinerja/index.html")

    def table(tid: str) -> str:
        start = html.index(f'<table id="{tid}"')
        return html[start:html.index("</div>", start)]

    tujuan = table("ikm-tujuan")  # one tujuan indicator: no organisation average under it
    assert "<tfoot>" not in tujuan and "Tanpa baris rata-rata" in tujuan
    s1 = text_of(table("capaian-s1"))
    assert "Rata-rata capaian sasaran S1 (rerata 6 indikator terukur) 100,26 %" in s1
    semua = text_of(table("capaian-semua"))  # the IKM row is shown but not averaged: the label says so
    assert ("Rata-rata capaian kinerja (rerata per sasaran, lalu antar-sasaran; 1 indikator di luar sasaran tidak "
            "ikut) 98,17 %") in semua
    assert "indikator di luar sasaran tidak ikut: IKM" in semua


def test_na_is_one_way_with_its_reason(built) -> None:
    _root, result = built
    bab3 = page(result, "bab-3-akuntabilitas-kinerja/index.html")
    ikhtisar = page(result, "ikhtisar-eksekutif/index.html")
    reason = "realisasi tidak tersedia: Pendataan lembaga kemasyarakatan desa oleh DPMD belum selesai"
    # table: "N/A", the reason as a title and as a lettered note
    assert f'<td title="{reason}" data-angka="LKD.capaian" class="angka na">N/A<sup class="na-ref">' in bab3
    assert f'<sup>a</sup> N/A: {reason}</li>' in bab3
    # narrative: "N/A" with the reason (a title; the PDF's footnote)
    assert f'<span class="na" data-angka="LKD.capaian" title="{reason}">N/A</span>' in ikhtisar
    # no dash printed for a value anywhere: a dash would read as nil
    for name in ("ikhtisar-eksekutif/index.html", "bab-3-akuntabilitas-kinerja/index.html"):
        assert not re.search(r'class="[^"]*\bna\b[^"]*">\u2013', page(result, name))
    # PDF: the table's notes (lettered) and the narrative's footnote (numbered)
    text = " ".join(pdf_text(result))
    assert f"a N/A: {reason}" in text
    assert f"1. N/A: {reason}" in text  # the footnote of "belum dapat dinilai: N/A¹" in the Ikhtisar


def test_pdf_prints_headers_on_every_page_of_a_table_and_its_footer_once(built) -> None:
    _root, result = built
    pages = pdf_text(result)
    header = "No Sasaran strategis Indikator kinerja Satuan Target Realisasi Capaian Predikat"
    caption = "Tabel 3.1 Capaian Seluruh Indikator Kinerja Tahun 2024"
    first = next(i for i, p in enumerate(pages) if f"{caption} {header}" in p)  # not the Daftar Tabel
    footer = "Rata-rata capaian kinerja (rerata per sasaran, lalu antar-sasaran; 1 indikator di luar sasaran"
    last = next(i for i in range(first, len(pages)) if footer in pages[i])
    assert last > first  # the 25-row table runs over a page break ...
    assert all(header in pages[i] for i in range(first, last + 1))  # ... its header repeated on every page ...
    assert [i for i, p in enumerate(pages) if footer in p and first <= i <= last] == [last]  # ... footer once
    # in the whole PDF: two tables with the organisation average (Ikhtisar, BAB III), each printed once
    assert sum(p.count(footer) for p in pages) == 2
    assert sum(p.count("Jumlah anggaran Perjanjian Kinerja") for p in pages) == 1


# ------------------------------------------------------------------------------------------------ quarterly mistakes


def planted(tmp_path: Path, replacements: list[tuple[str, str]], extra: str = "") -> Path:
    root = tmp_path / "situs"
    shutil.copytree(FIXTURE, root)
    path = root / IND
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text + extra, encoding="utf-8")
    return root


def line_of(root: Path, needle: str) -> int:
    lines = (root / IND).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def errors_of(root: Path) -> list[tuple[int, str]]:
    with pytest.raises(ContentError) as exc:
        check(BuildOptions(root=root, use_cache=False))
    return [(d.line, d.message) for d in exc.value.diagnostics.errors if d.file == IND]


SUB_KEGIATAN = """  - id: SK0001
    nama: Jumlah dokumen perencanaan perangkat daerah yang tersusun tepat waktu
    satuan: "%"
    polaritas: positif
    jenis: sub_kegiatan
    agregasi: terakhir
    target:
      2024:
        tahunan: 100
        tw1: 25
        tw2: 25
        tw3: 25
        tw4: 25
    realisasi: {2024: 100}
"""


def test_each_planted_quarterly_mistake_is_an_error_at_its_line(tmp_path: Path) -> None:
    """The issue's traps, at four levels: tujuan (IKM), kegiatan (K01), program (P01), sub kegiatan (SK0001)."""
    root = planted(tmp_path, [
        # tujuan-level IKM, annual report, quarters only: the site used to take 25 and publish 334,06 %
        ("2024: {tahunan: 85, tw1: 85, tw2: 85, tw3: 85, tw4: 85}", "2024: {tw1: 20, tw2: 20, tw3: 20, tw4: 25}"),
        # a kegiatan percentage (agregasi terakhir) split 25/25/25/25 = 100
        ("2024: {tahunan: 100, tw1: 100, tw2: 100, tw3: 100, tw4: 100}",
         "2024: {tahunan: 100, tw1: 25, tw2: 25, tw3: 25, tw4: 25}"),
        # a program count (agregasi jumlah) whose quarters do not add up to the annual target
        ("2024: {tahunan: 12, tw1: 3, tw2: 3, tw3: 3, tw4: 3}", "2024: {tahunan: 12, tw1: 3, tw2: 3, tw3: 3, tw4: 2}"),
    ], extra=SUB_KEGIATAN)
    found = errors_of(root)
    ikm = line_of(root, "2024: {tw1: 20, tw2: 20, tw3: 20, tw4: 25}")
    k01 = line_of(root, "2024: {tahunan: 100, tw1: 25")
    p01 = line_of(root, "2024: {tahunan: 12, tw1: 3")
    sk_tw1 = line_of(root, "        tw1: 25")
    assert sorted(line for line, _ in found) == [ikm, p01, k01, sk_tw1]
    messages = dict(found)
    assert "IKM: target 2024 hanya ditulis per triwulan (20/20/20/25) tanpa target tahunan" in messages[ikm]
    assert "K01 (agregasi 'terakhir')" in messages[k01] and "25 + 25 + 25 + 25 = 100" in messages[k01]
    assert "P01 (agregasi 'jumlah')" in messages[p01] and "3 + 3 + 3 + 2 = 11" in messages[p01]
    assert "SK0001 (agregasi 'terakhir')" in messages[sk_tw1] and "25 + 25 + 25 + 25 = 100" in messages[sk_tw1]
    # never a silent pick: the model has no annual target for IKM, so its capaian is N/A, not 334,06 %
    diags = Diagnostics()
    site = load_site(BuildOptions(root=root), diags)
    ikm_result = site.reports[0].computed.indikator["IKM"]
    assert ikm_result.target is None and ikm_result.capaian.value is None
    assert not any("334,06" in d.message for d in diags.items)


def test_the_tujuan_index_split_20_20_20_25_is_an_error_with_the_sum(tmp_path: Path) -> None:
    root = planted(tmp_path, [("2024: {tahunan: 85, tw1: 85, tw2: 85, tw3: 85, tw4: 85}",
                               "2024: {tahunan: 85, tw1: 20, tw2: 20, tw3: 20, tw4: 25}")])
    [(line, message)] = errors_of(root)
    assert line == line_of(root, "tw1: 20, tw2: 20")
    assert message.startswith("IKM (agregasi 'terakhir'): target triwulan 2024 dijumlahkan menjadi target tahunan: "
                              "20 + 20 + 20 + 25 = 85.")


# ------------------------------------------------------------------------------------------------ the audit itself


def test_a_value_typed_with_trailing_zeros_prints_as_the_tables_do_in_its_charts(epoch: None,
                                                                                 fresh_project_charted: Path) -> None:
    """A target typed ``80.0`` (as a spreadsheet exports it) and a realisasi ``82.50``: the capaian table prints
    "80" and "82,5", and the charts' data tables, labels and sentences printed "80,0" and "82,50" beside them (the
    audit, which reads the chart's marks, stopped the build on the benchmark's corpus). The build passes and every
    place prints the table's form."""
    root = fresh_project_charted
    folder = root / "content" / "laporan" / "contoh-2023"
    data = folder / "data" / "indikator.yaml"
    text = data.read_text(encoding="utf-8")
    assert "      2023: 80\n" in text and "      2023: 82.5\n" in text
    data.write_text(text.replace("      2023: 80\n", "      2022: 78.00\n      2023: 80.0\n")
                    .replace("      2023: 82.5\n", "      2022: 79.50\n      2023: 82.50\n"), encoding="utf-8")
    chapter = folder / "30-bab-3-akuntabilitas-kinerja.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n```{grafik} target_realisasi\nid: grafik-capaian\n"
                       "judul: Capaian\n```\n\n```{grafik} tren\nid: grafik-tren\njudul: Tren\n```\n",
                       encoding="utf-8")
    result = build(BuildOptions(root=root, pdf=False), write=False)
    assert not result.diagnostics.errors, [d.format() for d in result.diagnostics.errors]
    page = result.files["laporan/contoh-2023/1.0/bab-3-akuntabilitas-kinerja/index.html"].decode("utf-8")
    cells = re.findall(r'<td data-angka="IKU1\.[a-z]+(?:@\d{4})?" class="angka">([^<]*)</td>', page)
    assert "80" in cells and "82,5" in cells and "79,5" in cells, cells
    assert not {"80,0", "82,50", "79,50", "78,00"} & set(cells)


def test_audit_names_every_place_of_a_disagreeing_figure(built) -> None:
    _root, result = built
    files = dict(result.files)
    files[BASE + "index.html"] = files[BASE + "index.html"].replace(
        b'<span data-angka="indikator.jumlah">25</span>', b'<span data-angka="indikator.jumlah">23</span>')
    [(place, message)] = audit_site(result.site, files)
    assert place == BASE + "index.html"
    assert message.startswith("angka 'indikator.jumlah' (Jumlah indikator) tidak sama di semua tempat: model 25; "
                              f"tampil '23' di {BASE}index.html; '25' di ")  # the place that differs comes first
    assert "bab-3-akuntabilitas-kinerja/index.html" in message


@pytest.mark.parametrize("printed, tampered, figure", [
    # the summary's highest capaian, mis-rounded (133,3333 down instead of half up)
    ('(<span data-angka="INOV.capaian">133,33 %</span>); terendah',
     '(<span data-angka="INOV.capaian">133,32 %</span>); terendah', "INOV.capaian"),
    # a cell of the chart's data table (in its <details>), as a theme or planner might print another year's value
    ('<td data-angka="INOV.realisasi" class="angka">4</td><td data-angka="INOV.capaian"',
     '<td data-angka="INOV.realisasi" class="angka">3</td><td data-angka="INOV.capaian"', "INOV.realisasi"),
    # a budget chart's summary and data table
    ('<span data-angka="anggaran.7.01.03.serapan">94,40 %</span>',
     '<span data-angka="anggaran.7.01.03.serapan">94,41 %</span>', "anggaran.7.01.03.serapan"),
])
def test_a_chart_summary_or_data_table_printing_another_figure_is_caught(built, printed: str, tampered: str,
                                                                         figure: str) -> None:
    """The chart's sentence ("Capaian tertinggi: … (133,33 %)") and its data table printed indicator and budget
    figures the audit never read: a chart that printed another value than the tables passed every build."""
    _root, result = built
    files = dict(result.files)
    path = BASE + "bab-3-akuntabilitas-kinerja/index.html"
    html = files[path].decode("utf-8")
    # within a chart's figure only: the tables around it print the same figures, marked
    chart = next(m for m in re.finditer(r'<figure class="grafik.*?</figure>', html, re.S) if printed in m.group())
    files[path] = (html[:chart.start()] + chart.group().replace(printed, tampered, 1)
                   + html[chart.end():]).encode("utf-8")
    [(place, message)] = audit_site(result.site, files)
    assert place == path and message.startswith(f"angka '{figure}'")


EXAMPLES = {"bs": "laporan/batu-sopang-2022/1.0/", "mb": "laporan/martapura-barat-2023/1.0/",
            "pg": "laporan/pengaron-2024-tw1/1.0/"}
#: A survey of the nine service elements, added to the Batu Sopang example with its table and chart (no bundled
#: example draws an IKM chart).
IKM_YAML = "tahun: 2022\nresponden: 120\nunsur:\n" + "".join(
    f"  - {{kode: U{i}, nama: Unsur {i}, nilai: {v}}}\n"
    for i, v in enumerate(["3.35", "3.2", "3.125", "3.40", "3.05", "3.5", "2.98", "3.3", "3.15"], start=1))


#: A donut of one year of the Renstra funding and its table with each row's share, added to Batu Sopang's first
#: chapter (no bundled example draws a donut or prints a dataset's shares).
DATASET_SHARES = ("\n```{grafik} dataset\nid: grafik-pendanaan-2022\njudul: Pendanaan 2022\n"
                  "dataset: pendanaan-renstra\nx: Program\ny: [\"2022\"]\njenis: donat\n```\n\n"
                  "```{tabel} dataset\nid: tabel-pendanaan-persen\njudul: Pendanaan dan bagiannya\n"
                  "dataset: pendanaan-renstra\npersen: true\n```\n")


#: An author's sentence citing the survey's SKM, added after the IKM table.
SKM_SENTENCE = "Nilai SKM (rata-rata tertimbang) adalah {nilai}`ikm.skm`."


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> object:
    """The bundled examples (built without PDF), Batu Sopang with an IKM survey, its table and its chart, and a donut
    and a table of shares of its Renstra funding: their efficiency, budget and dataset charts, and the IKM's."""
    root = tmp_path_factory.mktemp("contoh") / "situs"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "situs.yaml", root / "situs.yaml")
    report = root / "content" / "laporan" / "batu-sopang-2022"
    (report / "data" / "ikm.yaml").write_text(IKM_YAML, encoding="utf-8")
    chapter = report / "10-bab-1-pendahuluan.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + DATASET_SHARES, encoding="utf-8")
    chapter = report / "30-bab-3-akuntabilitas-kinerja.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n```{tabel} ikm\nid: tabel-ikm\njudul: IKM\n```\n\n"
                       "```{grafik} ikm\nid: grafik-ikm\njudul: Nilai Unsur Pelayanan\n```\n\n"
                       f"{SKM_SENTENCE}\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1707955200")
        return build(BuildOptions(root=root, pdf=False, cache_dir=root / ".cache"), write=False)


def _tampered(html: str, container: str, row: str | None, old: str, new: str) -> str:
    """``html`` with ``old`` printed as ``new`` in one place: in the chart (``<figure>``) or table with the id
    ``container``, in the data row whose text holds ``row`` (a cell ``>old</td>``), or without ``row`` in the chart's
    summary. Found by the printed text, not by a mark, so that a figure printed unmarked is tampered too."""
    box = re.search(rf'<(figure|table)\b[^>]*\bid="{re.escape(container)}".*?</\1>', html, re.S)
    assert box is not None, container
    part = box.group()
    if row is None:
        place = re.search(r'<p class="grafik-ringkasan">.*?</p>', part, re.S)
        cell = old
    else:
        place = next(m for m in re.finditer(r"<tr\b[^>]*>.*?</tr>", part, re.S) if row in m.group())
        cell = f">{old}</td>"
    assert place is not None and cell in place.group(), (container, row, old)
    changed = place.group().replace(cell, cell.replace(old, new), 1)
    start = box.start() + place.start()
    return html[:start] + changed + html[start + len(place.group()):]


@pytest.mark.parametrize("report, page, container, row, old, new, figure", [
    # the IKM chart's value of one service element, in its data table and in its summary, and the IKM table's
    ("bs", "bab-3", "grafik-ikm", "Unsur 3", "3,13", "3,12", "ikm.U3.nilai"),
    ("bs", "bab-3", "grafik-ikm", None, "3,50", "3,51", "ikm.U6.nilai"),
    ("bs", "bab-3", "tabel-ikm", "Unsur 7", "2,98", "2,99", "ikm.U7.nilai"),
    ("bs", "bab-3", "tabel-ikm", "Unsur 7", "74,50", "74,51", "ikm.U7.konversi"),
    # the IKM table's SKM (mean of 3,35 … 3,15 = 3,228333…), printed unmarked with three decimals
    ("bs", "bab-3", "tabel-ikm", "Nilai SKM", "3,2283", "3,2284", "ikm.skm"),
    # the efficiency chart per sasaran: a sasaran's capaian and its programs' serapan
    ("bs", "bab-3", "grafik-efisiensi", "kualitas pelayanan publik", "102,50 %", "102,49 %", "capaian.S2"),
    ("bs", "bab-3", "grafik-efisiensi", "kualitas pelayanan publik", "98,87 %", "98,86 %",
     "anggaran.sasaran.S2.serapan"),
    # per indicator: its capaian and the serapan of the program it names, in the chart and the table beside it
    ("mb", "bab-3", "grafik-efisiensi", "(IKKI)", "115,93 %", "115,94 %", "IKKI.capaian"),
    ("mb", "bab-3", "grafik-efisiensi", "(IKKI)", "97,47 %", "97,48 %", "anggaran.7.01.01.serapan"),
    ("mb", "bab-3", "tabel-efisiensi", "(IKKI)", "97,47 %", "97,48 %", "anggaran.7.01.01.serapan"),
    # the efficiency value, in the chart's data table and the table (printed unmarked, never compared)
    ("mb", "bab-3", "grafik-efisiensi", "(IKKI)", "2,53 %", "2,54 %", "efisiensi.IKKI.nilai"),
    ("mb", "bab-3", "tabel-efisiensi", "(IKKI)", "2,53 %", "2,54 %", "efisiensi.IKKI.nilai"),
    ("bs", "bab-3", "grafik-efisiensi", "kualitas pelayanan publik", "1,04", "1,05", "efisiensi.sasaran.S2.nilai"),
    ("bs", "bab-3", "tabel-efisiensi", "kualitas pelayanan publik", "1,04", "1,05", "efisiensi.sasaran.S2.nilai"),
    # the efficiency chart's counts ("Pada 9 dari 21 indikator, capaian kinerja lebih tinggi …")
    ("mb", "bab-3", "grafik-efisiensi", None, ">9</span> dari", ">8</span> dari", "efisiensi.capaian_lebih_tinggi"),
    ("mb", "bab-3", "grafik-efisiensi", None, ">21</span> indikator", ">20</span> indikator",
     "efisiensi.terbandingkan"),
    ("bs", "bab-3", "grafik-efisiensi", None, ">2</span> dari", ">3</span> dari",
     "efisiensi.sasaran.capaian_lebih_tinggi"),
    # the year table's change from last year (its "Perubahan" cell was printed unmarked, never compared)
    ("mb", "bab-3", "perbandingan-tahun", "IKKI.realisasi@2023", "44,20", "44,21", "IKKI.delta"),
    # a trend's change between the two years its text names (printed unmarked, never compared)
    ("mb", "bab-3", "grafik-tren", None, "+1,97", "+1,98", "NEK.delta@2022-2023"),
    ("pg", "bab-3", "grafik-tren", None, "-1,24", "-1,25", "IKM.delta@2022-2023"),
    # a dataset row's sum across its columns and their total (a stack's, a table's "Jumlah"), a row's share (a
    # donut's, a table's "Persentase") and a donut's Jumlah: printed unmarked, never compared
    ("bs", "bab-1", "grafik-pendanaan-renstra", "Penunjang Urusan", "22.567.429.348", "22.567.429.349",
     "data.pendanaan-renstra.2022+2023+2024+2025+2026.1"),
    ("bs", "bab-1", "grafik-pendanaan-renstra", None, "22.567.429.348", "22.567.429.349",
     "data.pendanaan-renstra.2022+2023+2024+2025+2026.1"),
    ("bs", "bab-1", "tabel-pendanaan-renstra", "Penunjang Urusan", "22.567.429.348", "22.567.429.349",
     "data.pendanaan-renstra.2022+2023+2024+2025+2026.1"),
    ("bs", "bab-1", "tabel-pendanaan-renstra", "29.116.324.084", "29.116.324.084", "29.116.324.085",
     "data.pendanaan-renstra.2022+2023+2024+2025+2026.jumlah"),
    ("bs", "bab-1", "tabel-pendanaan-persen", "Penunjang Urusan", "77,51 %", "77,52 %",
     "data.pendanaan-renstra.2022+2023+2024+2025+2026.1.persen"),
    ("bs", "bab-1", "grafik-pendanaan-2022", None, "5.391.781.258", "5.391.781.259",
     "data.pendanaan-renstra.2022.jumlah"),
    ("bs", "bab-1", "grafik-pendanaan-2022", None, "79,36 %", "79,35 %", "data.pendanaan-renstra.2022.1.persen"),
    ("bs", "bab-1", "grafik-pendanaan-2022", "Penunjang Urusan", "79,36 %", "79,35 %",
     "data.pendanaan-renstra.2022.1.persen"),
    # a dataset chart's cell: one number of the CSV
    ("bs", "bab-1", "grafik-pendanaan-renstra", "Penunjang Urusan", "4.279.086.668", "4.279.086.669",
     "data.pendanaan-renstra.2022.1"),
    # the budget charts' "Jumlah pagu …, realisasi … (serapan …)"
    ("bs", "bab-3", "grafik-anggaran-program", None, "6.151.520.858", "6.151.520.859", "anggaran.pagu"),
    ("bs", "bab-3", "grafik-anggaran-program", None, "80,06 %", "80,07 %", "anggaran.serapan"),
    ("bs", "bab-3", "grafik-jenis-belanja", None, "4.924.825.264", "4.924.825.265", "anggaran.jenis.realisasi"),
])
def test_a_chart_printing_another_value_than_the_data_is_caught(examples, report: str, page: str, container: str,
                                                                row: str | None, old: str, new: str,
                                                                figure: str) -> None:
    """The IKM chart's values per element, the efficiency chart's capaian and serapan, a dataset chart's numbers and
    a budget chart's "Jumlah pagu" sentence were printed unmarked: a chart (or a theme) that printed another value
    than the data passed every build. Each is marked with its figure now, and a wrong one is an error naming it."""
    result = examples
    assert audit_site(result.site, result.files) == []
    chapters = {"bab-1": "bab-1-pendahuluan/index.html", "bab-3": "bab-3-akuntabilitas-kinerja/index.html"}
    path = EXAMPLES[report] + chapters[page]
    files = dict(result.files)
    files[path] = _tampered(files[path].decode("utf-8"), container, row, old, new).encode("utf-8")
    [(place, message)] = audit_site(result.site, files)
    assert place == path and message.startswith(f"angka '{figure}'"), message


def test_a_sentence_citing_the_skm_prints_it_as_the_ikm_table_does(examples) -> None:
    """The IKM table printed the SKM "3,228" and ``{nilai}`ikm.skm``` "3,23" in the author's sentence below it, and
    the table's was not marked, so the audit never compared them. One rule (four decimals: the mutu is judged on
    SKM × 25 at two, the regulation's SKM-scale intervals are written to four) and both marked."""
    result = examples
    page = result.files[EXAMPLES["bs"] + "bab-3-akuntabilitas-kinerja/index.html"].decode("utf-8")
    table = re.search(r'<table\b[^>]*\bid="tabel-ikm".*?</table>', page, re.S)
    assert table is not None
    row = next(m.group() for m in re.finditer(r"<tr\b[^>]*>.*?</tr>", table.group(), re.S) if "Nilai SKM" in m.group())
    in_table = [s.text for s in marks_in_html("t", row) if s.figure == "ikm.skm"]
    sentence = re.search(r"Nilai SKM \(rata-rata tertimbang\) adalah (.*?)\.</p>", page, re.S)
    assert sentence is not None
    in_sentence = [s.text for s in marks_in_html("s", sentence.group(1)) if s.figure == "ikm.skm"]
    assert in_table == in_sentence == ["3,2283"]
    assert audit_site(result.site, result.files) == []


CORRECTED = "martapura-barat-2023"


@pytest.fixture(scope="module")
def corrected(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled examples with Martapura Barat released as 1.0, then built as 1.1 with K02's realisasi corrected
    (97,76 → 98,5), K05's declared missing (its capaian and predikat N/A) and a sentence citing both: a version
    whose change page prints, beside its other pages, a value, its N/A and the figures computed from them."""
    root = copy_examples(tmp_path_factory.mktemp("koreksi") / "situs")
    fill_in_site(root)  # a release refuses the examples' sample url_dasar
    report = root / "content" / "laporan" / CORRECTED

    def edit(name: str, old: str, new: str) -> None:
        path = report / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        path.write_text(text.replace(old, new), encoding="utf-8")

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1707955200")
        mp.delenv("LKJIP_DEBUG", raising=False)
        assert main(["terbitkan", CORRECTED, "--tanpa-pdf", "--situs", str(root)]) == 0
        edit("data/indikator.yaml", "2022: 100, 2023: 97.76}", "2022: 100, 2023: 98.5}")
        edit("data/indikator.yaml", "2022: 100, 2023: 88.71}",
             "2022: 100, 2023: {tidak_ada: Data kepegawaian belum diverifikasi}}")
        edit("laporan.yaml", 'versi: "1.0"', 'versi: "1.1"')
        edit("30-bab-3-akuntabilitas-kinerja.md", "Indikator kegiatan yang belum mencapai target adalah",
             "Indikator kegiatan yang belum mencapai target (realisasi {nilai}`K02.realisasi`, kepegawaian "
             "{nilai}`K05.realisasi`) adalah")
        assert main(["build", "--tanpa-pdf", "--situs", str(root)]) == 0
    return root


def test_a_version_prints_each_figure_in_one_form_on_every_page_and_its_change_page(corrected: Path) -> None:
    """Every figure a version prints, wherever it prints it (chapters, tables, key figures, chart data tables, the
    portal's pages, the change page), reads the same. The change page printed a capaian and predikat left N/A by a
    realisasi declared missing as "88,71 % → –" and "Cukup Berhasil → –" (the dash that means nil) beside the
    tables' N/A, and unmarked, so no audit compared it: every new value there is marked now, N/A too.

    Allowed: the unit ("Rp", " %"), which a table whose header names it leaves out (``audit.normalise``); and the
    report's own year written out (``K05.capaian@2023`` is ``K05.capaian`` of a 2023 report)."""
    build_dir = corrected / "build"
    version = f"laporan/{CORRECTED}/1.1/"
    forms: dict[str, dict[str, list[str]]] = {}
    for page in sorted(build_dir.rglob("*.html")):
        path = page.relative_to(build_dir).as_posix()
        for s in marks_in_html(path, page.read_text(encoding="utf-8")):
            if s.report == version:
                figure = s.figure.removesuffix("@2023")
                forms.setdefault(figure, {}).setdefault(normalise(s.text), []).append(path)
    assert len(forms) > 100
    assert {f: texts for f, texts in forms.items() if len(texts) > 1} == {}
    change = (build_dir / version / "perubahan" / "index.html").read_text(encoding="utf-8")
    table = re.search(r'<caption id="tabel-ubah-indikator">.*?</table>', change, re.S)
    assert table is not None
    rows = re.findall(r'<tr><th scope="row">.*?</tr>', table.group())
    new_values = [re.findall(r"<td\b[^>]*>(.*?)</td>", row)[2] for row in rows]  # Besaran, Versi 1.0, Versi 1.1
    assert len(new_values) == 5 and all('data-angka="' in cell for cell in new_values), new_values
    for figure in ("K05.realisasi", "K05.capaian", "K05.predikat"):
        assert set(forms[figure]) == {"N/A"}, figure
        assert f"{version}perubahan/index.html" in forms[figure]["N/A"], figure
    assert "N/A: realisasi tidak tersedia: Data kepegawaian belum diverifikasi</li>" in change  # its reason, once


# ------------------------------------------------------------------------------------------------ nothing printed unmarked

#: What looks like a figure: a rupiah amount, a percentage, an id-ID decimal or a grouped number (a count, a year or a
#: row number has neither decimals nor grouping and is left alone).
_FIGURE_LIKE = re.compile(r"(?<![\w.,])(?:-?Rp\s?-?\d{1,3}(?:\.\d{3})*(?:,\d+)?|-?\d{1,3}(?:\.\d{3})*(?:,\d+)?\s?%"
                          r"|-?\d{1,3}(?:\.\d{3})*,\d+|\d{1,3}(?:\.\d{3})+)(?!\w)")
#: The constants of a rule said beside the figures ("× 100 %", "capaian ≥ 100 %", "ditetapkan 0 %"): no figure.
_RULE_CONSTANTS = {"100 %", "0 %"}
#: Columns whose computed values have no id in the model's ``lookup`` yet: a change page's difference between two
#: versions (of an archived version's value, which no model holds).
_NO_ID_COLUMNS = {"Selisih"}


def _column_header(cell) -> str:  # type: ignore[no-untyped-def]
    """The header text of a table cell's column (its row's cells counted with their colspan)."""
    row, table = cell.getparent(), cell.getparent().getparent()
    while table is not None and table.tag != "table":
        table = table.getparent()
    column = sum(int(c.get("colspan", "1")) for c in row.iterchildren("td", "th") if c is not cell
                 and row.index(c) < row.index(cell))
    head = table.find(".//thead/tr") if table is not None else None
    if head is None:
        return ""
    at = 0
    for h in head.iterchildren("th", "td"):
        if at == column:
            return h.text_content().strip()
        at += int(h.get("colspan", "1"))
    return ""


def _generated(el) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``el`` is inside what lkjip prints from the model rather than what an author typed. Outside a
    chapter's body (``article.bab``) every page is generated; inside it, the directives' tables (``table.tabel`` and
    the notes under it), charts (``figure.grafik``); not the author's prose and pasted Markdown tables, which
    ``compute/typed.py`` and ``compute/pasted.py`` read against the model."""
    in_chapter = False
    for a in el.iterancestors():
        cls = (a.get("class") or "").split()
        if a.tag == "figure" and "grafik" in cls:
            return True
        if a.tag == "div" and "tabel-wadah" in cls and a.find("table[@class]") is not None \
                and "tabel" in a.find("table[@class]").get("class", "").split():
            return True
        if a.tag == "article" and "bab" in cls:
            in_chapter = True
    return not in_chapter


def _exempt(page: str, owner, text: str, figure: str) -> bool:  # type: ignore[no-untyped-def]
    """The documented exceptions (see the constants above): a rule's constant; a text cell (satuan, formula,
    names: the data file's words, "kasus per 100.000 penduduk"); a column with no id yet; a file's size in a
    download list; the comparison pages' example of a workbook's decimal ("0,9279 berarti 92,79 %"); the
    comparison chart of several reports (the chart engine marks one report's figures; a mark naming its report,
    ``data-laporan``, is not carried through charts yet); on a change page, the earlier version's values (of an
    archived version, whose model is not built: its own build audited them) and the chapters' changed paragraphs,
    compared as text (a ``{nilai}`` there prints unmarked: the diff does not carry the chapter's marks)."""
    if figure in _RULE_CONSTANTS:
        return True
    classes = {c for a in (owner, *owner.iterancestors()) for c in (a.get("class") or "").split()}
    if {"unduhan", "unduh-tabel"} & classes:
        return True
    if any(a.tag == "figure" and a.get("id") == "grafik-perbandingan" for a in (owner, *owner.iterancestors())):
        return True
    change = re.match(r"laporan/[^/]+/([^/]+)/perubahan/", page)
    if change and "paragraf" in classes:
        return True
    cell = next((a for a in (owner, *owner.iterancestors()) if a.tag in ("td", "th")), None)
    if cell is not None:
        header = _column_header(cell)
        earlier = bool(change) and header.startswith("Versi ") and header != f"Versi {change.group(1) if change else ''}"
        return "angka" not in (cell.get("class") or "").split() or header in _NO_ID_COLUMNS or earlier
    return False


def unmarked_figures(files: Mapping[str, bytes]) -> list[tuple[str, str, str]]:
    """(page, figure, text around it) of every figure-like text a generated part of a page prints without a
    ``data-angka`` on it or an ancestor: a figure the consistency audit never compares."""
    found = []
    for path, data in sorted(files.items()):
        if not path.endswith(".html"):
            continue
        main_el = lxml.html.fromstring(data).find(".//main")
        if main_el is None:
            continue
        for el in main_el.iter():
            if not isinstance(el.tag, str) or el.tag in ("script", "style", "svg"):
                continue
            for text, owner in ((el.text, el), (el.tail, el.getparent())):
                if not text or owner is None or not _FIGURE_LIKE.search(text):
                    continue
                chain = (owner, *owner.iterancestors())
                if any(a.get("data-angka") is not None or a.get("hidden") is not None or a.tag in ("svg", "script")
                       for a in chain) or not _generated(owner):
                    continue
                found += [(path, m.group(), " ".join(text.split())[:80]) for m in _FIGURE_LIKE.finditer(text)
                          if not _exempt(path, owner, text, m.group())]
    return found


def test_every_figure_a_page_prints_from_the_model_carries_its_mark(examples, corrected: Path) -> None:
    """Every figure lkjip prints (tables, key figures, chart summaries and data tables, the portal's and the change
    pages) is marked with its id, so the audit compares it with the model: a printed figure without a mark escapes
    it, and two places could disagree unseen. Printed unmarked were the quarterly realisation table's realisasi and
    "% terhadap pagu" of every program, kegiatan and sub kegiatan, the serapan key figure's definition ("Rp
    4.924.825.264 ÷ Rp 6.151.520.858") and a dataset chart's highest and lowest values. The exceptions, each said
    in ``_exempt``, are figures no id names yet and texts that are no figure."""
    files = dict(examples.files)
    build_dir = corrected / "build"
    files.update({p.relative_to(build_dir).as_posix(): p.read_bytes() for p in build_dir.rglob("*.html")
                  if "/perubahan/" in p.as_posix()})
    assert any("/perubahan/" in p for p in files)
    assert unmarked_figures(files) == []


def test_audit_verdicts_skip_only_what_passed(built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file of a unit (one report's files, the rest of the site) that passed is not audited again while its bytes,
    or its marks, and the unit's model are the same (a chapter edit audits that page; a change outside the figures,
    as a new portal title on every page, none), nor a version of it that passed a few builds ago (a value tried and
    taken back); the marks of bytes that passed are not even read. A disagreement is reported on every build, naming
    every place, until it is fixed."""
    _root, result = built
    audited: list[int] = []
    read: list[str] = []
    real, real_marks = build_mod.audit_site, audit_mod.marks_in_html

    def counting(site, files, *args, **kw):  # type: ignore[no-untyped-def]
        audited.append(len(files))
        return real(site, files, *args, **kw)

    def reading(path, *args, **kw):  # type: ignore[no-untyped-def]
        read.append(path)
        return real_marks(path, *args, **kw)

    monkeypatch.setattr(build_mod, "audit_site", counting)
    monkeypatch.setattr(audit_mod, "marks_in_html", reading)  # a page, or a part of one, read for its marks
    verdicts, hashes = Memo(tmp_path, "audit"), ContentHashes()  # (one build's facts after another's)
    bad = dict(result.files)
    bad[BASE + "index.html"] = bad[BASE + "index.html"].replace(
        b'<span data-angka="indikator.jumlah">25</span>', b'<span data-angka="indikator.jumlah">23</span>')
    for _ in range(2):
        diags = Diagnostics()
        audit_figures(result.site, bad, diags, verdicts=verdicts)
        [error] = diags.errors
        assert error.file == BASE + "index.html" and "bab-3-akuntabilitas-kinerja/index.html" in error.message
    diags = Diagnostics()
    audit_figures(result.site, result.files, diags, verdicts=verdicts, hashes=hashes)
    assert not diags.errors and audited[-1] > 0
    read.clear()
    audit_figures(result.site, result.files, diags, verdicts=verdicts, hashes=hashes)
    assert not diags.errors and audited[-1] == 0 and read == []  # every unit passed before: nothing read or audited
    page = BASE + "bab-3-akuntabilitas-kinerja/index.html"
    header = b"<p>Portal baru</p>"
    changed = _around(result.files, page, result.files[page].replace(b"</header>", header + b"</header>", 1),
                      len(header))  # no figure changed
    assert changed[page] != result.files[page]
    audited.clear()
    audit_figures(result.site, changed, diags, verdicts=verdicts, hashes=hashes)
    # the marks around its chapter's body read (before it and after it), the body's known: nothing audited
    assert not diags.errors and audited == [0] and read == [page, page]
    changed = _around(changed, page, changed[page] + b'<p><span data-angka="indikator.jumlah">25</span></p>', 0)
    audit_figures(result.site, changed, diags, verdicts=verdicts, hashes=hashes)
    assert not diags.errors and audited == [0, 0, 1]  # the one page whose marks changed
    audited.clear()  # back to the page as it was
    audit_figures(result.site, result.files, diags, verdicts=verdicts, hashes=hashes)
    assert not diags.errors and audited == [0]  # both versions passed before: nothing to audit


def _around(files: SiteFiles, page: str, data: bytes, moved: int) -> SiteFiles:
    """``files`` with ``page``'s bytes replaced by ``data``, whose chapter body lies ``moved`` bytes further on (as
    a build that renders the page around the same body notes it)."""
    start, end = files.bodies[page]
    out = SiteFiles(files.held_items(), files.bodies)
    out[page] = data
    out.bodies[page] = (start + moved, end + moved)
    return out


def _passed(built, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The built site audited once, clean, with the facts and the verdicts a next build would start from."""
    _root, result = built
    hashes, verdicts, diags = ContentHashes(), Memo(tmp_path, "audit"), Diagnostics()  # the memo remembers verdicts
    audit_figures(result.site, result.files, diags, verdicts=verdicts, hashes=hashes)
    assert not diags.errors
    return result, hashes, verdicts, diags


def test_a_page_whose_frame_marks_its_whole_body_is_audited_whole(built, tmp_path: Path) -> None:
    """A theme that wraps a chapter's body in a marked element shows the body's text as that figure: the page is
    audited whole (its parts each hold half of the mark), and the disagreement is reported, as without the cache
    (found by a fuzzer: the cached build published it)."""
    result, hashes, verdicts, diags = _passed(built, tmp_path)
    page = BASE + "bab-3-akuntabilitas-kinerja/index.html"
    start, end = result.files.bodies[page]
    data = result.files[page]
    opening = b'<span data-angka="indikator.jumlah">'
    wrapped = data[:start] + opening + data[start:end] + b"</span>" + data[end:]
    audit_figures(result.site, _around(result.files, page, wrapped, len(opening)), diags, verdicts=verdicts,
                  hashes=hashes)
    [error] = diags.errors
    assert error.file == page and "'indikator.jumlah'" in error.message


def test_a_figure_changed_in_a_chapters_body_is_audited_though_the_page_around_it_is_not(built,
                                                                                         tmp_path: Path) -> None:
    """A body's marks are kept under the body's bytes: another body (a figure rendered otherwise) is read again and
    audited, though its page's header and footer are those of a page that passed."""
    result, hashes, verdicts, diags = _passed(built, tmp_path)
    page = BASE + "bab-3-akuntabilitas-kinerja/index.html"
    start, end = result.files.bodies[page]
    data = result.files[page]
    old, new = b'data-angka="indikator.jumlah">25<', b'data-angka="indikator.jumlah">23<'
    assert data.find(old, start, end) > 0 and data.find(old, end) < 0  # the figure is in the body only
    bad = _around(result.files, page, data.replace(old, new), 0)
    audit_figures(result.site, bad, diags, verdicts=verdicts, hashes=hashes)
    [error] = diags.errors
    assert error.file == page and "'indikator.jumlah'" in error.message


def test_a_page_audited_for_the_first_time_is_read_once(built, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A chapter page's marks are read in parts to be remembered (before its body, the body, after it); where all
    three were read, those are the marks audited: every page of a cold build was read again whole for its audit, the
    stage twice as long (4,4 against 2,2 s at N = 100). The parts' marks are the whole page's, mark for mark."""
    _root, result = built
    read: list[tuple[str, int]] = []
    real = audit_mod.marks_in_html

    def reading(path, text, *args, **kw):  # type: ignore[no-untyped-def]
        read.append((path, len(text)))
        return real(path, text, *args, **kw)

    monkeypatch.setattr(audit_mod, "marks_in_html", reading)
    diags = Diagnostics()
    audit_figures(result.site, result.files, diags, verdicts=Memo(tmp_path, "audit"), hashes=ContentHashes())
    assert not diags.errors
    in_parts = 0
    for page in result.files.bodies:
        lengths = [n for path, n in read if path == page]
        assert sum(lengths) == len(result.files[page].decode("utf-8")), page  # each character read once
        in_parts += len(lengths) == 3
    assert in_parts == len(result.files.bodies) > 5  # every chapter of the fixture's report read in parts
    monkeypatch.setattr(audit_mod, "marks_in_html", real)
    sources, marks = [HtmlSource(), OpenDataSource()], 0
    for page, span in result.files.bodies.items():
        kept: dict[str, list[Shown]] = {}
        data = result.files[page]
        audit_mod.fingerprint_in_parts(ContentHashes(), data, page, span, sources, kept)(data)
        assert kept[page] == audit_mod.file_marks(page, data, sources), page
        marks += len(kept[page])
    assert marks > 100


def test_open_data_is_audited_unrounded(built) -> None:
    """The open data (issue 11) is a Source of the audit: its machine values are compared with the model unrounded."""
    _root, result = built
    assert audit_site(result.site, result.files, sources=[OpenDataSource()]) == []
    keys = BASE + "data-terbuka/angka-kunci.csv"
    rows = result.files[keys].decode("utf-8").split("\r\n")
    [avg] = [i for i, r in enumerate(rows) if r.startswith("capaian.rata_rata,")]
    value = rows[avg].split(",")[2]
    assert "." in value and len(value.split(".")[1]) > 2  # unrounded, the way a machine reads it
    rounded = str(round(Decimal(value), 2))
    files = {keys: result.files[keys].replace(value.encode(), rounded.encode())}
    [(place, message)] = audit_site(result.site, files, sources=[OpenDataSource()])
    assert place == f"{keys} baris {avg + 1}"
    assert message.startswith("angka 'capaian.rata_rata' (Rata-rata capaian kinerja) tidak sama di semua tempat")
    budget = BASE + "data-terbuka/anggaran.csv"
    text = result.files[budget].decode("utf-8")
    pagu = text.split("\r\n")[1].split(",")[4]
    files = {budget: text.replace("," + pagu + ",", "," + str(int(pagu) + 1) + ",", 1).encode()}
    [(place, message)] = audit_site(result.site, files, sources=[OpenDataSource()])
    assert place == f"{budget} baris 2" and ".pagu'" in message


def test_the_comparison_workbook_is_audited_to_the_15_digits_a_cell_keeps(built) -> None:
    """``perbandingan.xlsx`` was written apart from its CSV and compared with nothing: its third row said "nilainya
    utuh" over cells of 15 significant digits, and a cell rounded otherwise would have passed. Its figures are
    audited now, each cell to the 15 significant digits Excel keeps (the CSV beside it to every digit)."""
    _root, result = built
    path = "perbandingan/perbandingan.xlsx"
    marks = list(OpenDataSource().collect({path: result.files[path]}))
    assert {s.figure for s in marks} >= {"capaian.rata_rata", "anggaran.serapan", "anggaran.pagu", "capaian.predikat"}
    assert all(s.report == BASE and s.digits == 15 for s in marks)
    assert audit_site(result.site, {path: result.files[path]}, sources=[OpenDataSource()]) == []
    [average] = [s.text for s in marks if s.figure == "capaian.rata_rata"]
    assert len(average.replace(".", "")) > 10  # more digits than shown, fewer than the CSV's 28
    with zipfile.ZipFile(io.BytesIO(result.files[path])) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(f"<v>{average}</v>", "<v>98.17</v>", 1).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)
    [(place, message)] = audit_site(result.site, {path: out.getvalue()}, sources=[OpenDataSource()])
    assert place == f"{path} baris 5"
    assert message.startswith("angka 'capaian.rata_rata' (Rata-rata capaian kinerja) tidak sama di semua tempat")


def test_laporan_json_the_change_page_reads_is_audited(built) -> None:
    """``laporan.json`` was audited with nothing, though the "Perubahan dari versi …" page reads both versions'
    figures from it: its key figures, sasaran and indicator capaian and budget tree are compared unrounded now."""
    _root, result = built
    path = BASE + "data-terbuka/laporan.json"
    marks = list(OpenDataSource().collect({path: result.files[path]}))
    figures = {s.figure for s in marks}
    assert {"capaian.rata_rata", "capaian.S1", "anggaran.pagu", "PATEN.capaian@2024"} <= figures
    assert any(f.startswith("anggaran.") and f.count(".") > 2 for f in figures)  # the tree's codes
    assert audit_site(result.site, {path: result.files[path]}, sources=[OpenDataSource()]) == []
    doc = json.loads(result.files[path], parse_float=Decimal)
    [n] = [i for i, row in enumerate(doc["angka_kunci"]) if row["kunci"] == "capaian.rata_rata"]
    value = [s.text for s in marks if s.figure == "capaian.rata_rata"][0]
    files = {path: result.files[path].replace(value.encode(), str(round(Decimal(value), 2)).encode())}
    problems = audit_site(result.site, files, sources=[OpenDataSource()])
    assert (f"{path} angka_kunci[{n}]", ) == tuple(p for p, m in problems if "'capaian.rata_rata'" in m)


def test_indicator_capaian_in_the_open_data_is_audited_each_year(built) -> None:
    """indikator.csv carries every indicator's capaian of each year, which Tabel 3.x and the chapters print; the
    audit read the key figures, sasaran and budget files but not it, so a writer's slip there reached the download
    unnoticed. Each row's capaian is compared, unrounded, as ``<id>.capaian@<tahun>``."""
    _root, result = built
    path = BASE + "data-terbuka/indikator.csv"
    rows = list(csv.DictReader(io.StringIO(result.files[path].decode("utf-8"))))
    marks = [s for s in OpenDataSource().collect({path: result.files[path]})]
    assert len(marks) == sum(1 for r in rows if r["capaian"]) and len({r["tahun"] for r in rows}) > 1
    assert audit_site(result.site, {path: result.files[path]}, sources=[OpenDataSource()]) == []
    line, row = next((i, r) for i, r in enumerate(rows, start=2) if "." in r["capaian"])
    text = result.files[path].decode("utf-8")
    wrong = str(round(Decimal(row["capaian"]), 1))  # a writer that rounded
    files = {path: text.replace(f",{row['capaian']},", f",{wrong},", 1).encode()}
    [(place, message)] = audit_site(result.site, files, sources=[OpenDataSource()])
    assert place == f"{path} baris {line}"
    assert message.startswith(f"angka '{row['indikator_id']}.capaian@{row['tahun']}'")


def test_jenis_belanja_printed_is_in_the_open_data(built) -> None:
    """The jenis belanja table (pages and PDF) printed pagu and realisasi per spending type and their sum, while
    ``laporan.json`` had only the program tree: an inspector could not check Σ jenis belanja = total belanja from
    the downloads. Every jenis the page marks is in the open data, unrounded, with the table's "Jumlah belanja"."""
    _root, result = built
    doc = json.loads(result.files[BASE + "data-terbuka/laporan.json"], parse_float=Decimal, parse_int=Decimal)
    rows = {r["jenis"]: r for r in doc["anggaran"]["jenis_belanja"]}
    page_ = page(result, "bab-3-akuntabilitas-kinerja/index.html")
    shown = set(re.findall(r'data-angka="anggaran\.jenis\.([a-z_]+)\.pagu"', page_))
    assert shown and shown == set(rows)
    [report] = [r for r in result.site.reports if r.url == BASE]
    budget = report.computed.anggaran
    for r in budget.jenis_belanja:
        assert (rows[r.key]["nama"], rows[r.key]["pagu"], rows[r.key]["realisasi"]) == (r.label, r.pagu, r.realisasi)
        assert rows[r.key]["serapan"] == r.serapan and rows[r.key]["sisa"] == r.sisa
    total = doc["anggaran"]["jenis_belanja_jumlah"]
    assert total["pagu"] == sum(r["pagu"] for r in rows.values()) == budget.jenis_total.pagu
    assert total["realisasi"] == sum(r["realisasi"] for r in rows.values()) == budget.jenis_total.realisasi


def test_unknown_mark_is_reported(built) -> None:
    _root, result = built
    reports = {r.url: r for r in result.site.reports}
    [(_, message)] = audit(reports, [Shown(BASE, "indikator.jumlahh", "25", "x.html")])
    assert "angka 'indikator.jumlahh' ditandai, tetapi tidak ada di model laporan" in message


def test_audit_on_every_example_and_the_benchmark_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The repository's examples and a small generated corpus: every page's figures agree with the model."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1707955200")
    spec = importlib.util.spec_from_file_location("corpus", REPO / "benchmarks" / "corpus.py")
    assert spec and spec.loader
    corpus = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "corpus", corpus)  # its dataclasses look their module up
    spec.loader.exec_module(corpus)
    assert corpus.main([str(tmp_path / "korpus"), "--n", "2"]) == 0
    for root in (REPO, tmp_path / "korpus", REPO / "tests" / "fixtures" / "golden-report",
                 REPO / "tests" / "fixtures" / "pdf"):
        result = build(BuildOptions(root=root, pdf=False, cache_dir=tmp_path / "cache"), write=False)
        marks = sum(len(marks_in_html(p, d.decode("utf-8"))) for p, d in result.files.items() if p.endswith(".html"))
        assert marks > 50, root  # the pages do mark their figures
        assert audit_site(result.site, result.files, sources=[HtmlSource(), OpenDataSource()]) == [], root


def test_lkjip_check_runs_the_audit_and_names_the_places(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A site theme whose key figures recount the indicators (as the chart summary once did) fails ``lkjip check``."""
    root = tmp_path / "situs"
    shutil.copytree(FIXTURE, root)
    override = root / "themes" / "default" / "templates" / "partials" / "key_figures.html"
    override.parent.mkdir(parents=True)
    override.write_text('<p>Dari <span data-angka="indikator.jumlah">{{ report.computed.indikator|length }}</span> '
                        "indikator</p>\n", encoding="utf-8")
    assert main(["check", "--situs", str(root)]) == 1
    err = capsys.readouterr().err
    assert (f"{BASE}index.html:1: galat: angka 'indikator.jumlah' (Jumlah indikator) tidak sama di semua tempat: "
            f"model 25; tampil '27' di {BASE}index.html; '25' di ") in err  # 25 PK + 2 program/kegiatan indicators


def test_units_aside_a_negative_amount_is_the_same_figure() -> None:
    """An overspent line's sisa: "-Rp 50.000.000" in a sentence and "-50.000.000" under a "(Rp)" column agree."""
    assert normalise("-Rp 50.000.000") == normalise("-50.000.000") == "-50.000.000"
    assert normalise("Rp\u00a02.421.570.000") == "2.421.570.000" and normalise("92,86 %") == "92,86"
    assert normalise("-Rp 5") != normalise("Rp 5")
    # a trend's "(+1,97)" and the year table's "1,97" are one change; its sign is no unit
    assert normalise("+1,97") == normalise("1,97") and normalise("-1,97") != normalise("1,97")


_PIECES = ["<span", "<td", "<p", "<sup>", "</sup>", "</span>", "</td>", "</p>", ">", " ", "<", "x", "9,5 %",
           'data-angka="a.b"', 'data-angka="c"', 'xdata-angka="d"', 'class="angka"', 'data-laporan="laporan/s/2024/"',
           "&amp;", "&#34;", '"', "<br>", "<span data-angka=\"e\">1</span>"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_marks_are_found_where_the_expression_finds_them(pieces: list[str]) -> None:
    """The audit looks for marks by ``str.find`` and tries its expression only there; it must find exactly the
    matches ``finditer`` finds, in any markup: marked or not, nested, broken, an attribute holding a ``<``."""
    text = "".join(pieces)
    found = [(m.span(), m.groupdict()) for m in audit_mod._marks(text)]
    assert found == [(m.span(), m.groupdict()) for m in audit_mod._MARK.finditer(text)]


def test_a_change_of_a_percentage_is_the_difference_of_the_printed_figures():
    """The change page printed "102,50 % → 98,13 %: -4,38 poin persen" (the difference of the unrounded 102,5 and
    98,125); an auditor subtracting the printed figures gets 4,37. A change too small to print stays visible."""
    def doc(capaian: str, serapan: str) -> dict:
        row = {"indikator_id": "IKM", "nama": "Indeks Kepuasan Masyarakat", "tahun": 2022, "periode": "tahunan",
               "target": Decimal(80), "realisasi": Decimal("82"), "capaian": Decimal(capaian), "predikat": "B"}
        return {"laporan": {"tahun": 2022, "periode": "tahunan"}, "indikator": [row],
                "anggaran": {"pagu": 100, "realisasi": 90, "serapan": Decimal(serapan), "program": []}}

    old = VersionData("1.0", dt.date(2023, 2, 28), doc("102.5", "97.754"), [])
    new = VersionData("1.1", dt.date(2023, 3, 31), doc("98.125", "97.752"), [])
    changes = compare(old, new)
    cap = [c for c in changes.indikator if c.besaran == "Capaian 2022"][0]
    assert (cap.lama, cap.baru, cap.selisih) == ("102,50 %", "98,13 %", "-4,37 poin persen")
    ser = [c for c in changes.anggaran if c.besaran == "Serapan"][0]
    assert (ser.lama, ser.baru, ser.selisih) == ("97,75 %", "97,75 %", "-0,002 poin persen")
    near = compare(VersionData("1.0", dt.date(2023, 2, 28), doc("100.004", "97"), []),
                   VersionData("1.1", dt.date(2023, 3, 31), doc("99.996", "97"), []))
    cap = [c for c in near.indikator if c.besaran == "Capaian 2022"][0]
    assert (cap.lama, cap.baru, cap.selisih) == ("100,00 %", "100,00 %", "-0,008 poin persen")  # never "-0,01"
