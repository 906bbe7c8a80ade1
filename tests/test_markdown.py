"""markdown: slugs, numbering per BAB, cross references, links, raw HTML policy, footnotes, attributes.

Most tests build the scaffold report in memory (``build(write=False)``) after replacing chapter text, and read the
rendered pages: that is the behaviour authors see.
"""

from __future__ import annotations

import pickle
import re
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

import pytest
from weasyprint import CSS, HTML
from conftest import REPO, REPORT_DIR, SLUG, share_charts

from lkjip_site.build import BuildOptions, build
from lkjip_site.cli.scaffold import new_report
from lkjip_site.core.diagnostics import ContentError
from lkjip_site.core.model import Chapter
from lkjip_site.elements import tables
from lkjip_site.markdown.parser import chapter_prefix, make_parser
from lkjip_site.markdown.plugins import REFUSED_ATTRS, slugify
from lkjip_site.output import pages, pdfs, reportjob
from lkjip_site.output.pdf import document

pytestmark = pytest.mark.usefixtures("epoch")

BASE = "laporan/contoh-2023/1.0/"
PRINT_CSS = REPO / "themes" / "default" / "static" / "print-pdf.css"


def set_chapter(root: Path, name: str, front: str, body: str) -> None:
    (root / REPORT_DIR / name).write_text(f"---\n{front}---\n{body}", encoding="utf-8")


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(autouse=True)
def _cache(chart_cache: Path) -> None:
    _CACHE[:] = [chart_cache]


_CACHE: list[Path] = []


def render(root: Path):
    """Build in memory with a cache of its own (so no page memo: every page renders) that holds only the session's
    charts (``share_charts``)."""
    cache = Path(tempfile.mkdtemp(prefix="cache-", dir=root.parent))
    share_charts(cache, _CACHE[0])
    return build(BuildOptions(root=root, pdf=False, cache_dir=cache), write=False)


def page(result, chapter_id: str) -> str:
    return result.files[f"{BASE}{chapter_id}/index.html"].decode("utf-8")


def main_part(html: str) -> str:
    return html[html.index("<main"):html.index("</main>")]


# ------------------------------------------------------------------------------------------------ slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Capaian Kinerja 2023", "capaian-kinerja-2023"),
        ("Realisasi Anggaran (Rp)", "realisasi-anggaran-rp"),
        ("Tugas Pokok & Fungsi", "tugas-pokok-fungsi"),
        ("Évaluasi  Kinerja — Ringkas", "evaluasi-kinerja-ringkas"),
        ("  --Akhir--  ", "akhir"),
        ("!!!", "bagian"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_duplicate_headings_get_distinct_anchors() -> None:
    html = make_parser(False).render("## Ringkasan\n\n## Ringkasan\n")
    assert 'id="ringkasan"' in html and 'id="ringkasan-1"' in html


def test_h1_is_not_anchored_h2_to_h4_are() -> None:
    html = make_parser(False).render("# Satu\n\n## Dua\n\n#### Empat\n\n##### Lima\n")
    assert "<h1>Satu</h1>" in html and 'id="dua"' in html and 'id="empat"' in html and "<h5>Lima</h5>" in html


# ------------------------------------------------------------------------------------------------ numbering


@pytest.mark.parametrize(("bab", "jenis", "prefix"),
                         [("III", "bab", "3"), ("IV", "bab", "4"), ("2", "bab", "2"), ("03", "bab", "3"),
                          ("B", "lampiran", "B"), ("C", "lampiran", "C"), ("D", "lampiran", "D"),
                          ("I", "lampiran", "I"), (None, "kata-pengantar", "")])
def test_chapter_prefix(bab: str | None, jenis: str, prefix: str) -> None:
    """A lampiran's letter as written: read as a Roman numeral, Lampiran C numbered its tables "Tabel 100.1", and
    Lampiran I "Tabel 1.1", beside BAB I's own."""
    c = Chapter(id="x", judul="X", jenis=jenis, urutan=1, source=Path("x.md"), rel="x.md", body="", body_line=1, bab=bab)
    assert chapter_prefix(c) == prefix


def test_numbering_per_bab_front_matter_and_lampiran(fresh_project: Path) -> None:
    root = fresh_project
    iku = "```{tabel} iku\nid: %s\njudul: %s\n```\n"
    # kata pengantar (no BAB): plain numbers
    set_chapter(root, "00-kata-pengantar.md", "judul: Kata Pengantar\njenis: kata-pengantar\nurutan: 0\n",
                "Lihat {ref}`iku-pengantar` dan {ref}`tabel-anggaran`.\n\n" + iku % ("iku-pengantar", "IKU awal"))
    # ikhtisar (no BAB either): goes on from the kata pengantar's numbers (it began at "Tabel 1" again)
    set_chapter(root, "01-ikhtisar-eksekutif.md", "judul: Ikhtisar Eksekutif\njenis: ikhtisar\nurutan: 1\n",
                iku % ("iku-ikhtisar", "IKU ringkas"))
    # lampiran C: letter prefix (read as a Roman numeral, it was "Tabel 100.1")
    set_chapter(root, "90-lampiran.md", "judul: Lampiran\njenis: lampiran\nbab: C\nurutan: 90\n",
                iku % ("iku-lampiran-1", "IKU satu") + "\n" + iku % ("iku-lampiran-2", "IKU dua")
                + "\nRujukan {ref}`tabel-capaian`.\n")
    result = render(root)
    report = result.site.reports[0]
    labels = {t.id: t.label for t in report.tables}
    assert labels == {"iku-pengantar": "Tabel 1", "iku-ikhtisar": "Tabel 2", "tabel-capaian": "Tabel 3.1",
                      "tabel-anggaran": "Tabel 3.2", "iku-lampiran-1": "Tabel C.1", "iku-lampiran-2": "Tabel C.2"}
    assert {f.id: f.label for f in report.figures} == {"grafik-anggaran": "Gambar 3.1"}
    pengantar = page(result, "kata-pengantar")
    # same chapter: a bare fragment; other chapter: a relative link to that chapter's page
    assert '<a class="ref" href="#iku-pengantar">Tabel 1</a>' in pengantar
    assert '<a class="ref" href="../bab-3-akuntabilitas-kinerja/#tabel-anggaran">Tabel 3.2</a>' in pengantar
    lampiran = page(result, "lampiran")
    assert '<a class="ref" href="../bab-3-akuntabilitas-kinerja/#tabel-capaian">Tabel 3.1</a>' in lampiran
    assert "Tabel C.2" in lampiran


def test_a_lampiran_without_its_letter_is_told_to_write_one(fresh_project: Path) -> None:
    """The scaffold's lampiran is "Lampiran A" (its PK table is "Tabel A.1"); one written without ``bab:``
    numbered its tables after the ikhtisar's ("Tabel 2" after "Tabel 3.2" in the Daftar Tabel), and is now warned of
    at its ``jenis`` line."""
    result = render(fresh_project)
    assert [t.label for t in result.site.reports[0].tables if t.chapter_id == "lampiran"] == ["Tabel A.1"]
    edit(fresh_project, f"{REPORT_DIR}/90-lampiran.md", "bab: A\n", "")
    result = render(fresh_project)
    assert [t.label for t in result.site.reports[0].tables if t.chapter_id == "lampiran"] == ["Tabel 1"]
    said = [(w.file, w.line, w.message) for w in result.diagnostics.warnings if "lampiran tanpa" in w.message]
    assert said == [(f"{REPORT_DIR}/90-lampiran.md", 3, "lampiran tanpa 'bab:' menomori tabel dan grafiknya bersama "
                     "kata pengantar dan ikhtisar (Tabel 1, Tabel 2 …, sesudah Tabel 3.x di Daftar Tabel); tulis "
                     "'bab: A' agar bernomor Tabel A.1, A.2 …")]


def test_label_gambar_grafik(fresh_project: Path) -> None:
    edit(fresh_project, "situs.yaml", "skala_predikat:", "label_gambar: Grafik\nskala_predikat:")
    report = render(fresh_project).site.reports[0]
    assert [f.label for f in report.figures] == ["Grafik 3.1"]


def test_forward_reference_across_chapters(fresh_project: Path) -> None:
    """BAB I may cite a table of BAB III: everything is numbered before anything renders."""
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", "Tuliskan latar belakang penyusunan laporan.",
         "Ringkasan ada di {ref}`grafik-anggaran`.")
    html = page(render(fresh_project), "bab-1-pendahuluan")
    assert '<a class="ref" href="../bab-3-akuntabilitas-kinerja/#grafik-anggaran">Gambar 3.1</a>' in html


# ------------------------------------------------------------------------------------------------ links, HTML, attributes


def test_links_between_chapters_and_reports(fresh_project: Path) -> None:
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", "Tuliskan latar belakang penyusunan laporan.",
         "Lihat [BAB III](30-bab-3-akuntabilitas-kinerja.md#realisasi-anggaran), [laporan](laporan.yaml) "
         "dan [situs](https://contoh.go.id/).")
    html = page(render(fresh_project), "bab-1-pendahuluan")
    assert '<a href="../bab-3-akuntabilitas-kinerja/#realisasi-anggaran">BAB III</a>' in html
    assert '<a href="../">laporan</a>' in html
    assert '<a href="https://contoh.go.id/">situs</a>' in html


def test_raw_html_escaped_by_default(fresh_project: Path) -> None:
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", "Tuliskan latar belakang penyusunan laporan.",
         'Teks <span class="merah">penting</span>.\n\n<script>alert(1)</script>')
    html = main_part(page(render(fresh_project), "bab-1-pendahuluan"))
    assert "&lt;span class=&quot;merah&quot;&gt;penting&lt;/span&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html and '<span class="merah">' not in html


def test_raw_html_allowed_with_html_mentah(fresh_project: Path) -> None:
    edit(fresh_project, "situs.yaml", "skala_predikat:", "html_mentah: true\nskala_predikat:")
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", "Tuliskan latar belakang penyusunan laporan.",
         'Teks <span class="merah">penting</span>.\n\n<div class="kotak">Blok</div>')
    html = main_part(page(render(fresh_project), "bab-1-pendahuluan"))
    assert '<span class="merah">penting</span>' in html and '<div class="kotak">Blok</div>' in html


def test_a_merged_cell_table_in_raw_html_passes_and_what_reaches_the_pdf_anyway_stops_the_build(
        fresh_project: Path) -> None:
    """With ``html_mentah`` (turned on for a table with merged cells) that table and its inline marks pass without a
    word and reach the page; a ``style`` attribute or element, a ``<noscript>`` or ``<template>``, a ``<link>``, a
    ``<meta>`` and a ``file:`` address are errors at their line. Why: the page's Content-Security-Policy blocks them in
    a browser, but the PDF took them (one ``position:fixed`` box blanked all of its pages, a ``<style>`` printed
    another predikat, a ``<noscript>`` printed what the site hides, a ``file://`` link to a network share could be
    clicked) and a browser followed the ``<meta>`` refresh to another site, with at most a warning."""
    edit(fresh_project, "situs.yaml", "skala_predikat:", "html_mentah: true\nskala_predikat:")
    table = ('<table class="gabung">\n<thead><tr><th rowspan="2" scope="col">Indikator</th><th colspan="2">Capaian'
             '</th></tr>\n<tr><th>2022</th><th>2023<sup>1</sup></th></tr></thead>\n<tbody><tr><td>A<br>B</td>'
             '<td><span class="angka">90</span></td><td>H<sub>2</sub>O</td></tr></tbody>\n</table>')
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", "Tuliskan latar belakang penyusunan laporan.", table)
    bab1 = (fresh_project / REPORT_DIR / "10-bab-1-pendahuluan.md").read_text(encoding="utf-8").split("\n")
    first, last = bab1.index('<table class="gabung">') + 1, bab1.index("</table>") + 1
    result = render(fresh_project)
    assert table.replace("\n", "") in main_part(page(result, "bab-1-pendahuluan")).replace("\n", "")
    assert not [d for d in result.diagnostics.items if "10-bab-1" in d.file and first <= d.line <= last]
    line = last + 2  # the first line written below, after a blank one
    refused = ['<div style="position:fixed;inset:0;background:white">Laporan ditarik</div>',
               "<style>\nbody::after { content: 'Predikat AA' }\n</style>",
               "<noscript>Hanya di PDF</noscript>", "<template><p>Hanya di PDF</p></template>",
               '<link rel="stylesheet" href="https://contoh.test/a.css">',
               '<meta http-equiv="refresh" content="0;url=https://contoh.test/">',
               'Lihat <a href="file://///192.0.2.1/berbagi/data.xlsx">data</a> dan '
               '<SPAN STYLE="color:white">90</SPAN>.']
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", "</table>", "</table>\n\n" + "\n\n".join(refused))
    with pytest.raises(ContentError) as exc:
        render(fresh_project)
    said = [(d.line, d.message.split("': ", 1)[1][:30]) for d in exc.value.diagnostics.errors]
    assert said == [
        (line, "atribut style diblokir di pera"), (line + 2, "elemen <style> di dalam bab di"),
        (line + 6, "isi elemen ini tidak tampil di"), (line + 8, "isi elemen ini tidak tampil di"),
        (line + 10, "elemen <link> di dalam bab mem"), (line + 12, "elemen <meta> di dalam bab dap"),
        (line + 14, "alamat file: di atribut href m"), (line + 14, "atribut style diblokir di pera")]


def test_raw_html_that_loads_a_file_from_another_host_is_an_error_at_its_line(fresh_project: Path) -> None:
    """With ``html_mentah`` an image, a poster, a ``srcset`` candidate, a background or an inline SVG's ``<image>``
    from another host (``https:``, ``//host``, ``/\\host``) is an error at its line; a link to another site is not.
    Why: they passed ``check`` without a word (a Markdown image from the internet is an error), the reader's browser
    refused them (a broken image) and the PDF's fetcher too, said at the PDF's line 1 by the build alone; the site
    promises to load nothing from elsewhere (a tracking pixel would tell another host who reads the report)."""
    edit(fresh_project, "situs.yaml", "skala_predikat:", "html_mentah: true\nskala_predikat:")
    loaded = ['<img src="https://contoh.test/piksel.gif" alt="p">',
              '<p>Foto <img src="/\\contoh.test/a.png" alt="a"> <a href="https://contoh.test/">situs</a></p>',
              '<picture><source srcset="gambar/logo.svg 1x, //contoh.test/b.png 2x"></picture>',
              '<video poster="https://contoh.test/c.png"></video>',
              '<table background="https://contoh.test/d.png"><tr><td>1</td></tr></table>',
              '<svg><image href="https://contoh.test/e.png"/></svg>']
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", "Tuliskan latar belakang penyusunan laporan.",
         "\n\n".join(loaded))
    bab1 = (fresh_project / REPORT_DIR / "10-bab-1-pendahuluan.md").read_text(encoding="utf-8").split("\n")
    first = bab1.index(loaded[0]) + 1
    with pytest.raises(ContentError) as exc:
        render(fresh_project)
    said = [(d.line, d.message.split("': ", 1)[1].split(";")[0]) for d in exc.value.diagnostics.errors]
    assert said == [(first + 2 * i, f"atribut {name} memuat berkas dari luar situs ke halaman")
                    for i, name in enumerate(["src", "src", "srcset", "poster", "background", "href"])]


def test_a_link_may_name_an_id_that_raw_html_gives(fresh_project: Path) -> None:
    """With ``html_mentah`` an author may mark a place with raw HTML (``<p id=...>``, ``<span id=...>``) and link to it
    from another chapter, as a browser follows it, as to a paragraph's ``{#id}``; a link to an id no chapter has is
    still an error."""
    edit(fresh_project, "situs.yaml", "skala_predikat:", "html_mentah: true\nskala_predikat:")
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", "Tuliskan latar belakang penyusunan laporan.",
         'Teks <span id="dasar-hukum" ID="lain">dasar</span>.\n\n<div id="struktur" class="kotak">Blok</div>\n\n'
         '{#visi}\nVisi kecamatan.\n\n<p id="daerah-é">Daerah</p>')
    edit(fresh_project, f"{REPORT_DIR}/01-ikhtisar-eksekutif.md", "(30-bab-3-akuntabilitas-kinerja.md)",
         "(10-bab-1-pendahuluan.md#struktur), [dasar](10-bab-1-pendahuluan.md#dasar-hukum) "
         "dan [visi](10-bab-1-pendahuluan.md#visi) [daerah](10-bab-1-pendahuluan.md#daerah-é)")
    result = render(fresh_project)
    ikhtisar = page(result, "ikhtisar-eksekutif")
    assert 'href="../bab-1-pendahuluan/#struktur"' in ikhtisar
    assert 'href="../bab-1-pendahuluan/#dasar-hukum"' in ikhtisar
    assert 'href="../bab-1-pendahuluan/#visi"' in ikhtisar and '<p id="visi">' in page(result, "bab-1-pendahuluan")
    # a fragment beyond ASCII is written percent-encoded, and found decoded, as a browser finds it (found by a fuzzer)
    assert 'href="../bab-1-pendahuluan/#daerah-%C3%A9"' in ikhtisar
    edit(fresh_project, f"{REPORT_DIR}/01-ikhtisar-eksekutif.md", "[dasar]",
         "[lain](10-bab-1-pendahuluan.md#lain), [dasar]")
    with pytest.raises(ContentError) as exc:  # a tag's second id is not its id, to a browser as to libxml2
        render(fresh_project)
    assert [d.message for d in exc.value.diagnostics.errors] == [
        "tautan '10-bab-1-pendahuluan.md#lain': bagian '#lain' tidak ada di "
        f"{REPORT_DIR}/10-bab-1-pendahuluan.md"]
    edit(fresh_project, f"{REPORT_DIR}/01-ikhtisar-eksekutif.md", "[lain](10-bab-1-pendahuluan.md#lain), ", "")
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", '<div id="struktur"', '<div')
    with pytest.raises(ContentError) as exc:
        render(fresh_project)
    assert [d.message for d in exc.value.diagnostics.errors] == [
        "tautan '10-bab-1-pendahuluan.md#struktur': bagian '#struktur' tidak ada di "
        f"{REPORT_DIR}/10-bab-1-pendahuluan.md"]


def test_footnotes(fresh_project: Path) -> None:
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", "Tuliskan latar belakang penyusunan laporan.",
         "Data BPS[^bps] terbaru.\n\n[^bps]: Badan Pusat Statistik, 2023.")
    html = main_part(page(render(fresh_project), "bab-1-pendahuluan"))
    assert '<sup class="footnote-ref"><a href="#fn1" id="fnref1">' in html
    assert '<li id="fn1" class="footnote-item"><p>Badan Pusat Statistik, 2023.' in html
    # its way back is named for a screen reader, not read out as an arrow
    assert '<a href="#fnref1" class="footnote-backref" aria-label="Kembali ke teks">' in html


def test_heading_attributes_and_links_to_them(fresh_project: Path) -> None:
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", "## Tugas Pokok dan Fungsi",
         "## Tugas Pokok dan Fungsi {#tupoksi .penting}")
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", "Tuliskan latar belakang penyusunan laporan.",
         '![Logo](gambar/logo.svg){.kecil}')
    edit(fresh_project, f"{REPORT_DIR}/01-ikhtisar-eksekutif.md", "(30-bab-3-akuntabilitas-kinerja.md)",
         "(10-bab-1-pendahuluan.md#tupoksi)")
    result = render(fresh_project)
    bab1 = page(result, "bab-1-pendahuluan")
    assert '<h2 id="tupoksi" class="penting">Tugas Pokok dan Fungsi</h2>' in bab1
    assert 'alt="Logo" class="kecil"' in bab1  # (an event handler is an error: test_attributes_outside_…)
    assert 'href="../bab-1-pendahuluan/#tupoksi"' in page(result, "ikhtisar-eksekutif")
    # the in-page table of contents lists the renamed anchor
    assert '#tupoksi"' in bab1.split("<main")[1]


def test_gfm_table_and_strikethrough(fresh_project: Path) -> None:
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", "Tuliskan latar belakang penyusunan laporan.",
         "| Desa | Jumlah |\n|---|--:|\n| A | 1 |\n\n~~lama~~")
    html = main_part(page(render(fresh_project), "bab-1-pendahuluan"))
    assert "<table>" in html and '<td class="angka">1</td>' in html and "<s>lama</s>" in html


def test_nilai_role_renders_computed_value(fresh_project: Path) -> None:
    # scaffold: IKU1 target 80, realisasi 82.5 -> capaian 82.5/80 = 103,125 % -> "103,13 %" (two decimals)
    html = main_part(page(render(fresh_project), "bab-3-akuntabilitas-kinerja"))
    assert "Indeks Kepuasan Masyarakat" in html
    assert "103,13" in html


def test_image_copied_and_linked(fresh_project: Path) -> None:
    folder = fresh_project / REPORT_DIR
    (folder / "gambar" / "peta").mkdir()
    (folder / "gambar" / "peta" / "wilayah.svg").write_bytes((folder / "gambar" / "logo.svg").read_bytes())
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", "Tuliskan latar belakang penyusunan laporan.",
         "![Peta wilayah](gambar/peta/wilayah.svg)")
    result = render(fresh_project)
    html = page(result, "bab-1-pendahuluan")
    assert '<img src="../gambar/peta/wilayah.svg" alt="Peta wilayah" loading="lazy"' in html
    assert f"{BASE}gambar/peta/wilayah.svg" in result.files


def test_file_names_with_a_space_or_percent_sign_are_linked_as_urls(fresh_project: Path) -> None:
    """Authors name files as Windows lets them ("Peta Kecamatan.svg"); Markdown takes such a name between <...> or
    with %20, and hands it on percent-encoded: the file is found by its own name, published under it, and linked
    percent-encoded (a space or a bare % in a URL is an error in the HTML checker and breaks some servers). So is a
    chapter's file name (its page's address is its id)."""
    folder = fresh_project / REPORT_DIR
    logo = (folder / "gambar" / "logo.svg").read_bytes()
    (folder / "gambar" / "Peta Kecamatan.svg").write_bytes(logo)
    (folder / "gambar" / "naik 50%.svg").write_bytes(logo)
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", "Tuliskan latar belakang penyusunan laporan.",
         "![Peta](<gambar/Peta Kecamatan.svg>)\n\n![Lagi](gambar/Peta%20Kecamatan.svg)\n\n"
         "![Naik](gambar/naik%2050%25.svg)\n\nLihat [penutup](<40 bab penutup.md>).")
    (folder / "40-bab-4-penutup.md").rename(folder / "40 bab penutup.md")
    edit(fresh_project, f"{REPORT_DIR}/40 bab penutup.md", "urutan: 40\n", "urutan: 40\nid: bab-4-penutup\n")
    result = render(fresh_project)
    html = page(result, "bab-1-pendahuluan")
    assert html.count('<img src="../gambar/Peta%20Kecamatan.svg"') == 2
    assert '<img src="../gambar/naik%2050%25.svg"' in html and 'href="../bab-4-penutup/"' in html
    assert result.files[f"{BASE}gambar/Peta Kecamatan.svg"] == logo and f"{BASE}gambar/naik 50%.svg" in result.files


@pytest.mark.parametrize("allow_html", [False, True])
def test_attributes_outside_the_allow_list_reach_no_page(allow_html: bool) -> None:
    """``{style=…}``, ``{srcset=…}``, ``{src=…}``/``{href=…}`` (replacing the address the checks passed), ``data-*``
    and ``on*`` were written into the page and the PDF (which has no Content-Security-Policy); ids, classes, a
    link's target and rel and an image's pixel size are what a chapter may give. The rest is kept with its line for
    the parse's error, whether or not the site allows raw HTML."""
    md = make_parser(allow_html)
    source = ('![Bagan](gambar/a.png){#bagan .lebar width=800 height=600 style="position:fixed;top:0" '
              'srcset="https://contoh.test/a.png 2x" src="https://contoh.test/b.png" data-x="1" onerror="x()"}\n\n'
              '[BAB III](30-bab-3.md){href="https://contoh.test/" target=_blank rel=external width=5}\n\n'
              '{.ringkas style="display:none" target=_blank}\nParagraf.\n\n`kode`{style="color:red"}')
    tokens = md.parse(source)
    html = md.renderer.render(tokens, md.options, {})
    assert '<img src="gambar/a.png" alt="Bagan" id="bagan" width="800" height="600" class="lebar" />' in html
    assert ('<a href="30-bab-3.md" target="_blank" rel="external noopener noreferrer">BAB III</a>' in html)
    assert '<p class="ringkas">Paragraf.</p>' in html and "<code>kode</code>" in html
    for word in ("style", "srcset", "contoh.test", "data-x", "onerror", 'width="5"'):
        assert word not in html, word
    refused = sorted((name, line) for block in tokens for token in (block, *(block.children or ()))
                     for name, _, line in token.meta.get(REFUSED_ATTRS, ()))
    assert refused == [("data-x", -1), ("href", -1), ("onerror", -1), ("src", -1), ("srcset", -1), ("style", -1),
                       ("style", -1), ("style", 4), ("target", 4), ("width", -1)]


def test_a_class_the_theme_hides_or_moves_is_refused(fresh_project: Path) -> None:
    """A chapter's ``{.kelas}`` naming a class the shipped theme's stylesheets hide, move or add text to, on a block,
    a heading, a link or an image, and (``html_mentah``) on a tag, is an error at its line; a class the theme only
    styles (``.kecil``) passes. Why: ``{.sumber-cetak}`` above "predikat C" and ``{.grafik-spec}`` above "predikat
    AA" passed without a word, and the PDF (the report's lasting record) said C where the site said AA."""
    edit(fresh_project, "situs.yaml", "skala_predikat:", "html_mentah: true\nskala_predikat:")
    written = ["{.sumber-cetak}\nPredikat C.", "{.grafik-spec}\nPredikat AA.", "### Catatan {.kepala-situs}",
               "Lihat [situs](https://contoh.go.id){.lewati} dan ![Logo](gambar/logo.svg){.kecil}",
               '<p class="kecil sr">Predikat B</p>']
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", "Tuliskan latar belakang penyusunan laporan.",
         "\n\n".join(written))
    bab1 = (fresh_project / REPORT_DIR / "10-bab-1-pendahuluan.md").read_text(encoding="utf-8").split("\n")
    first = bab1.index("{.sumber-cetak}") + 1
    with pytest.raises(ContentError) as exc:
        render(fresh_project)
    said = sorted((d.line, d.message.split(" (")[0].split(": tema")[0]) for d in exc.value.diagnostics.errors)
    assert said == [(first, 'atribut {class="sumber-cetak"} tidak dipakai'),
                    (first + 3, 'atribut {class="grafik-spec"} tidak dipakai'),
                    (first + 6, 'atribut {class="kepala-situs"} tidak dipakai'),
                    (first + 8, 'atribut {class="lewati"} tidak dipakai'),
                    (first + 10, "'<p class=\"kecil sr\">': kelas 'sr'")]
    assert all("sehingga isi ini dapat tampil di PDF tetapi tidak di situs, atau sebaliknya" in d.message
               for d in exc.value.diagnostics.errors)


def test_a_link_opening_a_new_window_gets_noopener(fresh_project: Path) -> None:
    """``{target=_blank}`` was kept as written, without ``rel``: the page opened could send the report's tab to another
    address through ``window.opener`` and learnt which page the reader came from. A ``rel`` written stays."""
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", "Tuliskan latar belakang penyusunan laporan.",
         "Lihat [situs pemda](https://contoh.go.id){target=_blank}, [BPS](https://bps.go.id){target=_blank "
         "rel=external} dan [Kemenpan](https://menpan.go.id).")
    html = page(render(fresh_project), "bab-1-pendahuluan")
    assert '<a href="https://contoh.go.id" target="_blank" rel="noopener noreferrer">situs pemda</a>' in html
    assert '<a href="https://bps.go.id" target="_blank" rel="external noopener noreferrer">BPS</a>' in html
    assert '<a href="https://menpan.go.id">Kemenpan</a>' in html


def test_external_image_is_an_error(fresh_project: Path) -> None:
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", "Tuliskan latar belakang penyusunan laporan.",
         "Satu.\nDua ![x](https://contoh.go.id/x.png).")
    with pytest.raises(ContentError) as exc:
        render(fresh_project)
    [d] = exc.value.diagnostics.errors
    assert (d.file, d.line) == (f"{REPORT_DIR}/10-bab-1-pendahuluan.md", 10) and "internet" in d.message


def png(width: int, height: int, *, after: bytes = b"", text: bytes = b"", xmp: bytes = b"") -> bytes:
    """A PNG file of ``width`` x ``height`` pixels as its header declares them (one row of pixel data is enough for
    the check, which decodes nothing), with a tEXt chunk holding ``text``, an iTXt chunk holding an XMP packet, and
    ``after`` appended past its end."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    meta = chunk(b"tEXt", b"Comment\x00" + text) if text else b""
    meta += chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + xmp) if xmp else b""
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + meta
            + chunk(b"IDAT", zlib.compress(b"\x00" * (1 + 3 * min(width, 64)))) + chunk(b"IEND", b"") + after)


def jpeg(width: int, height: int, *, comment: bytes = b"", xmp: bytes = b"", after: bytes = b"") -> bytes:
    """A JPEG file's segments (APP0, an XMP packet in APP1, a comment, SOF0 with the size, a scan) without its
    tables: what the check walks; ``after`` past its EOI marker."""
    def segment(marker: int, body: bytes) -> bytes:
        return bytes((0xFF, marker)) + struct.pack(">H", len(body) + 2) + body
    return (b"\xff\xd8" + segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
            + (segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + xmp) if xmp else b"")
            + (segment(0xFE, comment) if comment else b"")
            + segment(0xC0, b"\x08" + struct.pack(">HH", height, width) + b"\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01")
            + segment(0xDA, b"\x03\x01\x00\x02\x11\x03\x11\x00\x3f\x00") + b"\xc7\xa2\xff\x00\x8a\x2b" + b"\xff\xd9"
            + after)


#: Small real images, as Pillow 12 saves a 2 x 2 red square (GIF, lossless WebP).
GIF = bytes.fromhex("47494638376102000200810000cc0000cc33330000000000002c0000000002000200000806000300101810003b")
WEBP = bytes.fromhex("524946461e000000574542505650384c110000002f0140000007508f22d7a3ff8188e87f0000")


@pytest.mark.parametrize("name, data, says", [
    ("bagan.html", b"<script src='bagan.js'></script>", "'gambar/bagan.html' bukan berkas gambar (berkas .html); "
                                                        "gambar yang boleh: PNG, JPEG, GIF, WebP atau SVG"),
    ("bagan.js", b"document.title = 'x'", "'gambar/bagan.js' bukan berkas gambar (berkas .js)"),
    ("bagan", b"\x89PNG\r\n\x1a\n", "'gambar/bagan' bukan berkas gambar (berkas tanpa akhiran nama)"),
    ("bagan.png", b"<html><script>alert(1)</script></html>", "'gambar/bagan.png' bernama gambar PNG, tetapi isinya "
                                                             "bukan gambar PNG"),
    ("foto.jpg", b"GIF89a....", "'gambar/foto.jpg' bernama gambar JPEG, tetapi isinya bukan gambar JPEG"),
    ("peta.webp", b"RIFF\x00\x00\x00\x00WAVE", "'gambar/peta.webp' bernama gambar WebP, tetapi isinya bukan"),
    # only the magic bytes of the format, then an SVG: no segment of a JPEG follows
    ("foto.jpg", b"\xff\xd8\xff<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
     "'gambar/foto.jpg' bernama gambar JPEG, tetapi isinya bukan gambar JPEG"),
    # a decompression bomb: a few kilobytes declaring 10^10 pixels, which the PDF dropped (Pillow refuses it)
    ("bom.png", png(100_000, 100_000), "'gambar/bom.png' berukuran 100.000 × 100.000 piksel, terlalu besar untuk "
                                       "halaman dan PDF"),
    ("foto.jpg", jpeg(12_000, 9_000), "'gambar/foto.jpg' berukuran 12.000 × 9.000 piksel, terlalu besar"),
    ("peta.webp", WEBP[:12] + b"VP8X" + struct.pack("<I", 10) + bytes(4) + (30_000 - 1).to_bytes(3, "little") * 2
     + WEBP[12:], "'gambar/peta.webp' berukuran 30.000 × 30.000 piksel"),
    # polyglots: an image that is an HTML page too, the page after the image's end or in its metadata
    ("bagan.png", png(2, 2, after=b"<html><script>alert(1)</script></html>"),
     "'gambar/bagan.png' memuat kode halaman web ('<html…') di dalam berkas gambar PNG"),
    ("bagan.png", png(2, 2, text=b"<script>alert(1)</script>"), "'gambar/bagan.png' memuat kode halaman web "
                                                                 "('<script…')"),
    ("foto.jpg", jpeg(2, 2, comment=b"<svg onload=alert(1)>"), "'gambar/foto.jpg' memuat kode halaman web ('<svg…')"),
    ("foto.jpg", jpeg(2, 2, after=b"<iframe src=https://contoh.id></iframe>"), "'gambar/foto.jpg' memuat kode "
                                                                               "halaman web ('<iframe…')"),
    ("anim.gif", GIF + b"<body onload=alert(1)>", "'gambar/anim.gif' memuat kode halaman web ('<body…')"),
    # another file appended to an image (a ZIP here): published and archived with it
    ("bagan.png", png(2, 2, after=b"PK\x03\x04" + bytes(range(64))),
     "'gambar/bagan.png' memuat 68 byte data lain sesudah akhir gambar PNG"),
    ("peta.webp", WEBP + b"PK\x03\x04" + bytes(range(64)), "'gambar/peta.webp' memuat 68 byte data lain sesudah akhir"),
], ids=["html", "js", "tanpa-akhiran", "html-bernama-png", "gif-bernama-jpg", "wav-bernama-webp", "svg-bernama-jpg",
        "bom-png", "jpeg-108-megapiksel", "webp-besar", "html-sesudah-png", "skrip-di-teks-png", "svg-di-komentar-jpeg",
        "html-sesudah-jpeg", "html-sesudah-gif", "zip-sesudah-png", "zip-sesudah-webp"])
def test_only_images_are_published_as_images(fresh_project: Path, name: str, data: bytes, says: str) -> None:
    """``![Bagan](gambar/bagan.html)`` published an HTML page and its script, which ran under the site's own address
    (the CSP allows the site's scripts), for good once released; a ``.png`` holding HTML is that page renamed."""
    folder = fresh_project / REPORT_DIR
    (folder / "gambar" / name).write_bytes(data)
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", "Tuliskan latar belakang penyusunan laporan.",
         f"![Bagan organisasi](gambar/{name})")
    with pytest.raises(ContentError) as exc:
        render(fresh_project)
    [d] = exc.value.diagnostics.errors
    assert d.file == f"{REPORT_DIR}/10-bab-1-pendahuluan.md" and d.message.startswith(f"gambar {says}"), d.format()


def test_real_raster_images_pass(fresh_project: Path) -> None:
    """Real images pass, with what real files hold: an XMP packet (XML, in a PNG's iTXt chunk and a JPEG's APP1
    segment), previews a camera appends after a JPEG's end (MPF), padding after a PNG's end, a 50-megapixel photo."""
    folder = fresh_project / REPORT_DIR
    xmp = (b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
           b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description><dc:description>&lt;html&gt; '
           b'di keterangan</dc:description></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>')
    files = {"a.png": png(2, 2, after=b"\x00" * 40 + b"\n"), "b.JPG": jpeg(8160, 6120, after=jpeg(2, 2)),
             "c.gif": GIF, "d.webp": WEBP, "e.png": png(2, 2, xmp=xmp), "f.jpeg": jpeg(2, 2, xmp=xmp)}
    for name, data in files.items():
        (folder / "gambar" / name).write_bytes(data)
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", "Tuliskan latar belakang penyusunan laporan.",
         "\n\n".join(f"![Gambar {n}](gambar/{n})" for n in files))
    result = render(fresh_project)
    assert all(f"{BASE}gambar/{n}" in result.files for n in files)


def test_role_on_later_line_of_paragraph(fresh_project: Path) -> None:
    # kata pengantar: the paragraph starts on line 6, {nilai}`laporan.tahun` is on line 7
    edit(fresh_project, f"{REPORT_DIR}/00-kata-pengantar.md", "{nilai}`laporan.tahun`", "{nilai}`laporan.abad`")
    with pytest.raises(ContentError) as exc:
        render(fresh_project)
    [d] = exc.value.diagnostics.errors
    assert (d.file, d.line) == (f"{REPORT_DIR}/00-kata-pengantar.md", 7)


def test_unknown_role(fresh_project: Path) -> None:
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", "Tuliskan latar belakang penyusunan laporan.",
         "Teks {angka}`x`.")
    with pytest.raises(ContentError) as exc:
        render(fresh_project)
    [d] = exc.value.diagnostics.errors
    assert d.line == 9 and d.message.startswith("peran '{angka}' tidak dikenal")


def test_unknown_block(fresh_project: Path) -> None:
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", "Tuliskan latar belakang penyusunan laporan.",
         "Teks.\n\n```{tabel2} capaian\nid: a\n```")
    with pytest.raises(ContentError) as exc:
        render(fresh_project)
    [d] = exc.value.diagnostics.errors
    assert d.line == 11 and d.message.startswith("blok '{tabel2} capaian' tidak dikenal")


def test_a_heading_that_skips_a_level_is_warned_of_at_its_line(fresh_project: Path) -> None:
    """'##' then '####' (and a chapter opening with '###' under its front matter title) built without a word: a
    screen reader's list of headings and the tagged PDF lost a level. Each skip is said once, at its heading, with the
    level to write; headings that go down one level at a time, or back up any number, are not."""
    bab1 = f"{REPORT_DIR}/10-bab-1-pendahuluan.md"
    edit(fresh_project, bab1, "## Latar Belakang\n", "### Latar Belakang\n")  # line 7: the chapter's first
    edit(fresh_project, bab1, "Tuliskan latar belakang penyusunan laporan.",
         "Teks.\n\n## Dasar\n\n#### Rinci\n\n#### Rinci lagi\n\n### Lanjut\n\n#### Sub\n\nAnak\n----\n\n#### Akhir")
    said = [(w.file, w.line, w.message) for w in render(fresh_project).diagnostics.warnings
            if "melompati tingkat" in w.message]
    assert [(f, n) for f, n, _ in said] == [(bab1, 7), (bab1, 13), (bab1, 24)]
    assert said[0][2].startswith("judul '###' melompati tingkat sesudah judul bab (dari 'judul' di front matter, "
                                 "setingkat '#'); tulis '##'")
    assert said[1][2].startswith("judul '####' melompati tingkat sesudah judul '##' di baris 11; tulis '###'")
    assert said[2][2].startswith("judul '####' melompati tingkat sesudah judul '##' di baris 21; tulis '###'")


def test_footnote_with_role_inside(fresh_project: Path) -> None:
    """Footnote content goes through our renderer: a {nilai} role inside a footnote is resolved."""
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", "Tuliskan latar belakang penyusunan laporan.",
         "Data[^a].\n\n[^a]: Tahun {nilai}`laporan.tahun`.")
    html = main_part(page(render(fresh_project), "bab-1-pendahuluan"))
    assert '<li id="fn1" class="footnote-item"><p>Tahun <span data-angka="laporan.tahun">2023</span>.' in html


def test_same_page_anchor_checked_in_list_item(fresh_project: Path) -> None:
    # BAB I line 9 becomes a list; its second item (line 10) links to a missing anchor, the first to a real one
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", "Tuliskan latar belakang penyusunan laporan.",
         "- Lihat [tugas](#tugas-pokok-dan-fungsi)\n- Lihat [hilang](#tidak-ada)")
    with pytest.raises(ContentError) as exc:
        render(fresh_project)
    [d] = exc.value.diagnostics.errors
    assert (d.line, d.message) == (10, "tautan '#tidak-ada' menunjuk bagian yang tidak ada di bab ini")


def test_link_to_table_anchor_in_other_chapter(fresh_project: Path) -> None:
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", "Tuliskan latar belakang penyusunan laporan.",
         "[tabel](30-bab-3-akuntabilitas-kinerja.md#tabel-anggaran)")
    html = page(render(fresh_project), "bab-1-pendahuluan")
    assert '<a href="../bab-3-akuntabilitas-kinerja/#tabel-anggaran">tabel</a>' in html


def test_rendering_a_chapter_for_the_site_and_the_pdf_leaves_its_parsed_tokens_as_they_were(
        fresh_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A parsed chapter is rendered for the site and the PDF, and a preview renders it again at every save: each
    rendering changes its links, images and (PDF) heading ids on its own copies, and shares the rest of the tokens
    with the parsed chapter, which must come out of every rendering byte for byte as it went in."""
    folder = fresh_project / REPORT_DIR
    (folder / "gambar" / "peta.svg").write_bytes((folder / "gambar" / "logo.svg").read_bytes())
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", "Tuliskan latar belakang penyusunan laporan.",
         "Lihat [BAB III](30-bab-3-akuntabilitas-kinerja.md#realisasi-anggaran), [laporan](laporan.yaml), "
         "[di atas](#latar-belakang) dan ![Peta *wilayah*](gambar/peta.svg).[^1]\n\n[^1]: Catatan kaki.")
    seen: list[tuple[str, bool]] = []

    def watched(real):  # type: ignore[no-untyped-def]
        def render_chapter(md, parsed, ctx):  # type: ignore[no-untyped-def]
            before = pickle.dumps(parsed.tokens)
            html = real(md, parsed, ctx)
            assert pickle.dumps(parsed.tokens) == before, (parsed.chapter.rel, ctx.pdf)
            seen.append((parsed.chapter.id, ctx.pdf))
            return html
        return render_chapter

    for module in (pages, reportjob, pdfs):  # (the site's pages here, on a Dask worker, the PDF)
        monkeypatch.setattr(module, "render_chapter", watched(module.render_chapter))
    cache = Path(tempfile.mkdtemp(prefix="cache-", dir=fresh_project.parent))
    share_charts(cache, _CACHE[0])
    result = build(BuildOptions(root=fresh_project, cache_dir=cache), write=False)
    assert ("bab-1-pendahuluan", False) in seen and ("bab-1-pendahuluan", True) in seen
    html = page(result, "bab-1-pendahuluan")
    assert 'href="../bab-3-akuntabilitas-kinerja/#realisasi-anggaran"' in html and 'alt="Peta wilayah"' in html


# ------------------------------------------------------------------------------------------------ year on year


_YEARS = """indikator:
  - id: IKU1
    nama: Indeks Kepuasan Masyarakat
    satuan: indeks
    polaritas: positif
    target: {2023: 80}
    realisasi: {2021: 70, 2022: 75.25, 2023: 82.5}
  - id: SAKIP
    nama: Nilai evaluasi SAKIP
    satuan: predikat
    polaritas: positif
    kualitatif: [C, CC, B, BB, A]
    target: {2023: BB}
    realisasi: {2022: BB, 2023: B}
"""


def _cells(html: str, table_id: str) -> list[str]:
    table = html[html.index(f'<table id="{table_id}"'):]
    table = table[:table.index("</table>")]
    return [" ".join(re.sub(r"<[^>]+>", " ", cell).split())
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", table, re.S)]


def test_the_change_column_says_which_years_it_compares_whichever_years_are_shown(fresh_project: Path) -> None:
    """``tahun: [2021, 2023]`` showed "Perubahan 2021–2023" over 7,25, which is 2023 − 2022 (the change is always
    this year's against last year's); a qualitative value's change was "N/A: tidak ada realisasi tahun lalu" beside
    last year's grade, shown in the same row."""
    root = fresh_project
    (root / REPORT_DIR / "data" / "indikator.yaml").write_text(_YEARS, encoding="utf-8")
    set_chapter(root, "40-bab-4-penutup.md", "judul: Penutup\njenis: bab\nbab: IV\nurutan: 40\n",
                "```{tabel} perbandingan_tahun\nid: pt\njudul: Dua tahun\nindikator: [IKU1, SAKIP]\n"
                "tahun: [2023, 2021]\n```\n\n"
                "SAKIP {nilai}`SAKIP.tren`, berubah {nilai}`SAKIP.delta`.\n")
    html = page(render(root), "bab-4-penutup")
    cells = _cells(html, "pt")
    assert cells[:7] == ["No", "Indikator kinerja", "Satuan", "Realisasi 2021", "Realisasi 2023",
                         "Perubahan 2022–2023", "Tren"]
    assert cells[7:14] == ["1", "Indeks Kepuasan Masyarakat", "indeks", "70", "82,5", "7,25", "naik"]
    assert cells[14:16] == ["2", "Nilai evaluasi SAKIP"] and cells[18] == "B"
    assert cells[19].startswith("N/A") and cells[20:] == ["turun"]
    assert 'title="nilai kualitatif tidak memiliki selisih angka"' in html
    assert "tidak ada realisasi tahun lalu" not in html
    assert "SAKIP turun, berubah" in re.sub(r"<[^>]+>", "", html)


def test_a_year_after_the_report_year_is_refused_at_its_option(fresh_project: Path) -> None:
    root = fresh_project
    (root / REPORT_DIR / "data" / "indikator.yaml").write_text(_YEARS, encoding="utf-8")
    set_chapter(root, "40-bab-4-penutup.md", "judul: Penutup\njenis: bab\nbab: IV\nurutan: 40\n",
                "```{tabel} perbandingan_tahun\nid: pt\njudul: Tahun depan\ntahun: [2023, 2024]\n```\n")
    with pytest.raises(ContentError) as caught:
        render(root)
    said = [d.format() for d in caught.value.diagnostics.errors]
    assert said == [f"{REPORT_DIR}/40-bab-4-penutup.md:10: galat: tabel perbandingan_tahun: tahun 2024 setelah tahun "
                    "laporan (2023); tabel ini membandingkan realisasi sampai tahun laporan, mis. tahun: [2021, 2022, "
                    "2023]"]


def _dataset_table(root: Path, ident: str, dataset: str, extra: str = "") -> None:
    """BAB IV holding only a ``{tabel} dataset`` of ``dataset`` (id, judul, dataset on lines 8–10, ``extra`` from 11)."""
    set_chapter(root, "40-bab-4-penutup.md", "judul: Penutup\njenis: bab\nbab: IV\nurutan: 40\n",
                f"```{{tabel}} dataset\nid: {ident}\njudul: {dataset.title()}\ndataset: {dataset}\n{extra}```\n")


def test_a_dataset_whose_columns_have_different_units_has_no_row_totals(fresh_project: Path) -> None:
    """km², RT and people added up per row made a "Jumlah" of 3.226,50 that measures nothing; each column's own
    total stays. ``persen`` (each row's share of the rows' total) is refused there, at its option."""
    root = fresh_project
    data = root / REPORT_DIR / "data"
    (data / "wilayah.csv").write_text("Kelurahan,Luas,Jumlah RT,Penduduk\nSatu,12.5,14,3200\nDua,8.25,9,2100\n",
                                      encoding="utf-8")
    (data / "wilayah.yaml").write_text("judul: Wilayah\nsatuan: {Luas: km2, Jumlah RT: RT, Penduduk: jiwa}\n",
                                       encoding="utf-8")
    _dataset_table(root, "w", "wilayah")
    cells = _cells(page(render(root), "bab-4-penutup"), "w")
    assert cells == ["Kelurahan", "Luas (km2)", "Jumlah RT (RT)", "Penduduk (jiwa)", "Satu", "12,5", "14", "3.200",
                     "Dua", "8,25", "9", "2.100", "Jumlah", "20,75", "23", "5.300"]
    _dataset_table(root, "w", "wilayah", "persen: true\n")
    with pytest.raises(ContentError) as caught:
        render(root)
    assert [d.format() for d in caught.value.diagnostics.errors] == [
        f"{REPORT_DIR}/40-bab-4-penutup.md:11: galat: tabel dataset: persen: true menghitung bagian jumlah tiap baris, "
        "tetapi kolom Luas (km2), Jumlah RT (RT), Penduduk (jiwa) tidak dapat dijumlahkan per baris (satuannya "
        "berbeda, atau realisasi diukur terhadap pagu atau target, bukan ditambahkan); pilih kolom yang dapat "
        "dijumlahkan dengan opsi kolom, atau hapus persen"]


def test_a_dataset_table_prints_each_number_as_its_chart_does_and_its_jumlah_adds_up(fresh_project: Path) -> None:
    """Found by an audit: a luas of 1,125 km² was "1,13" in the table and "1,1250" in the chart's labels and data
    table beside it, and the table's Jumlah (6,38, of the values written) was not the sum of its rounded rows (6,39).
    Each number is printed as written, in both; shares that, rounded, do not add up to 100,00 % are said to."""
    root = fresh_project
    data = root / REPORT_DIR / "data"
    (data / "luas.csv").write_text("Desa,Luas\nSatu,1.1250\nDua,2.1250\nTiga,3.1250\n", encoding="utf-8")
    (data / "luas.yaml").write_text("judul: Luas\nsatuan: {Luas: km2}\n", encoding="utf-8")
    (data / "rumah.csv").write_text("Desa,Rumah\nSatu,10\nDua,10\nTiga,10\n", encoding="utf-8")
    (data / "rumah.yaml").write_text("judul: Rumah\n", encoding="utf-8")
    set_chapter(root, "40-bab-4-penutup.md", "judul: Penutup\njenis: bab\nbab: IV\nurutan: 40\n",
                "```{grafik} dataset\nid: g\njudul: Luas\ndataset: luas\nx: Desa\ny: [Luas]\n```\n\n"
                "```{tabel} dataset\nid: t\njudul: Luas\ndataset: luas\n```\n\n"
                "```{tabel} dataset\nid: r\njudul: Rumah\ndataset: rumah\npersen: true\n```\n")
    html = page(render(root), "bab-4-penutup")
    table = _cells(html, "t")
    assert table == ["Desa", "Luas (km2)", "Satu", "1,1250", "Dua", "2,1250", "Tiga", "3,1250", "Jumlah", "6,3750"]
    chart_data = html[html.index("Data gambar 4.1</summary>"):]
    chart_data = chart_data[:chart_data.index("</table>")]
    assert re.findall(r"<td[^>]*>(.*?)</td>", chart_data) == ["1,1250", "2,1250", "3,1250"]
    assert _cells(html, "r")[-6:] == ["Tiga", "10", "33,33 %", "Jumlah", "30", "100,00 %"]
    notes = html[html.index('<table id="r"'):]
    assert ("Persentase setiap baris dibulatkan 2 desimal, sehingga jumlahnya 99,99 %; baris Jumlah (100,00 %) "
            "dihitung dari nilai yang tidak dibulatkan.") in re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", notes))
    assert "dibulatkan 2 desimal, sehingga" not in html[:html.index('<table id="r"')]  # 1,1250 … add up: no note


def test_a_dataset_number_printed_otherwise_than_written_is_an_audit_error(
        fresh_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The audit did not read dataset tables, so their rounding beside the chart passed every build. Their numbers
    are ``data.<dataset>.<kolom>.<baris|jumlah>`` figures now: marked in the table, citable in a sentence, and a
    table that prints one otherwise (the old two-decimal rounding, put back here) is an error naming the places."""
    root = fresh_project
    data = root / REPORT_DIR / "data"
    (data / "luas.csv").write_text("Desa,Luas\nSatu,1.1250\nDua,2.1250\nTiga,3.1250\n", encoding="utf-8")
    (data / "luas.yaml").write_text("judul: Luas\nsatuan: {Luas: km2}\n", encoding="utf-8")
    set_chapter(root, "40-bab-4-penutup.md", "judul: Penutup\njenis: bab\nbab: IV\nurutan: 40\n",
                "Luas {nilai}`data.luas.Luas.jumlah` km², Dua {nilai}`data.luas.Luas.Dua` km².\n\n"
                "```{tabel} dataset\nid: t\njudul: Luas\ndataset: luas\n```\n")
    html = page(render(root), "bab-4-penutup")
    assert "Luas 6,3750 km², Dua 2,1250 km²." in re.sub(r"<[^>]+>", "", html)
    assert '<td data-angka="data.luas.Luas.1" class="angka">1,1250</td>' in html
    assert '<td data-angka="data.luas.Luas.jumlah" class="angka">6,3750</td>' in html

    def rounded(value, figure=""):  # type: ignore[no-untyped-def]
        return tables.num(value, 0 if value == value.to_integral() else 2, figure=figure)
    monkeypatch.setattr(tables, "_as_written", rounded)
    with pytest.raises(ContentError) as caught:
        render(root)
    said = [d.format() for d in caught.value.diagnostics.errors]
    assert len(said) == 4 and all("Ini kesalahan program atau tema" in s for s in said)
    assert any("angka 'data.luas.Luas.1' tidak sama di semua tempat: model 1,1250; tampil '1,13' di "
               f"{BASE}bab-4-penutup/index.html" in s for s in said)
    assert any("angka 'data.luas.Luas.jumlah' tidak sama di semua tempat: model 6,3750; tampil '6,38' di" in s
               for s in said)


def test_an_average_row_that_differs_from_the_average_of_its_printed_rows_says_why(fresh_project: Path) -> None:
    """Found by an audit: an average row is the mean of the unrounded capaian, as it must be, and can differ by 0,01
    from the mean of the rounded figures printed above it (90,00 + 90,00 + 90,01 under "90,01 %"), without a word.
    The table says so when, and only when, the two differ."""
    root = fresh_project
    data = root / REPORT_DIR / "data"
    year = (data / "pk.yaml").read_text(encoding="utf-8").split("tahun: ")[1].split()[0]
    items = "".join(f"  - id: IKU{n}\n    nama: Indikator {n}\n    satuan: indeks\n    polaritas: positif\n"
                    f"    target: {{{year}: 100}}\n    realisasi: {{{year}: {r}}}\n"
                    for n, r in ((1, "90.004"), (2, "90.004"), (3, "90.0071")))
    (data / "indikator.yaml").write_text("indikator:\n" + items, encoding="utf-8")
    edit(root, f"{REPORT_DIR}/data/renstra.yaml", "indikator: [IKU1]", "indikator: [IKU1, IKU2, IKU3]")
    html = page(render(root), "bab-3-akuntabilitas-kinerja")
    table = html[html.index('<table id="tabel-capaian"'):]
    table = table[:table.index("</ul>")]
    assert [c for c in _cells(table, "tabel-capaian") if c.endswith(" %")] == ["90,00 %", "90,00 %", "90,01 %",
                                                                                "90,01 %"]
    said = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", table))
    assert ("Rata-rata dihitung dari capaian yang belum dibulatkan (90,01 %); dari capaian yang tercetak "
            "(2 desimal) hasilnya 90,00 %.") in said
    edit(root, f"{REPORT_DIR}/data/indikator.yaml", "90.0071", "90.0171")  # 90,00 90,00 90,02: 90,01 either way
    html = page(render(root), "bab-3-akuntabilitas-kinerja")
    assert "belum dibulatkan" not in html


def test_a_dataset_table_heads_its_columns_with_their_units_as_its_chart_does(fresh_project: Path) -> None:
    """Pengaron's PK pagu (``satuan: {Pagu: Rp}``): the chart's data table headed "Pagu (Rp)", the table of the same
    dataset beside it a bare "Pagu", so the printed table had no unit at all. Both head a column alike now."""
    root = fresh_project
    data = root / REPORT_DIR / "data"
    (data / "pagu-pk.csv").write_text("Program,Kode,Pagu\nPenunjang,7.01.01,2989057284\nPemerintahan,7.01.02,36196400\n",
                                      encoding="utf-8")
    (data / "pagu-pk.yaml").write_text("judul: Pagu PK\nsatuan: {Pagu: Rp}\n", encoding="utf-8")
    set_chapter(root, "40-bab-4-penutup.md", "judul: Penutup\njenis: bab\nbab: IV\nurutan: 40\n",
                "```{grafik} dataset\nid: g\njudul: Pagu PK\ndataset: pagu-pk\nx: Program\ny: [Pagu]\n```\n\n"
                "```{tabel} dataset\nid: t\njudul: Pagu PK\ndataset: pagu-pk\n```\n")
    html = page(render(root), "bab-4-penutup")
    table = _cells(html, "t")
    assert table[:3] == ["Program", "Kode", "Pagu (Rp)"]
    chart_data = html[html.index("Data gambar 4.1</summary>"):]
    chart_head = re.findall(r"<th scope=\"col\"[^>]*>(.*?)</th>", chart_data[:chart_data.index("</thead>")])
    assert chart_head == ["Program", "Pagu (Rp)"] and chart_head[1] == table[2]


def test_a_dataset_adds_no_realisation_to_its_pagu_and_no_score_over_years(fresh_project: Path) -> None:
    """A CSV of Pagu and Realisasi got a row "Jumlah" of both (Rp 3.237.830.479 of nothing); a "Capaian" or
    "Nilai IKM" column over years was added up (126,91) unless named with one of a few words; money named "Nilai
    Kontrak (Rp)" is still added."""
    root = fresh_project
    data = root / REPORT_DIR / "data"
    (data / "belanja.csv").write_text("Jenis Belanja,Pagu,Realisasi\nOperasi,2400000000,2300000000\n"
                                      "Modal,111824579,69772519\n", encoding="utf-8")
    (data / "ikki.csv").write_text("Tahun,Capaian\n2022,41.59\n2023,85.32\n", encoding="utf-8")
    (data / "kontrak.csv").write_text("Paket,Nilai Kontrak (Rp),Nilai IKM\nA,1000,80\nB,2000,90\n",
                                      encoding="utf-8")
    _dataset_table(root, "b", "belanja")
    cells = _cells(page(render(root), "bab-4-penutup"), "b")
    assert cells == ["Jenis Belanja", "Pagu", "Realisasi", "Operasi", "2.400.000.000", "2.300.000.000", "Modal",
                     "111.824.579", "69.772.519", "Jumlah", "2.511.824.579", "2.369.772.519"]
    for dataset, told in (("ikki", "kolom 'Capaian' pada data 'ikki' berupa persentase, rasio, nilai atau rata-rata, "
                                   "yang tidak bermakna bila dijumlahkan; tulis kolom: [] agar"),
                          ("kontrak", "kolom 'Nilai IKM' pada data 'kontrak' berupa persentase")):
        _dataset_table(root, "d", dataset)
        with pytest.raises(ContentError) as caught:
            render(root)
        said = [d.format() for d in caught.value.diagnostics.errors]
        assert len(said) == 1 and told in said[0], said
    assert "kolom: [Nilai Kontrak (Rp)]" in said[0]


def test_a_capaian_set_by_a_rule_has_its_note_under_the_table(fresh_project: Path) -> None:
    """A negative indicator 3,5 times over its target: the formula gives −150 %, the rule 0 %; the table said 0,00 %
    without a word (the rule's note was in the open data only). Now a numbered note, without "N/A" (it is a value)."""
    root = fresh_project
    (root / REPORT_DIR / "data" / "indikator.yaml").write_text(
        _YEARS + "  - id: NEG\n    nama: Kasus gangguan\n    satuan: kasus\n    polaritas: negatif\n"
        "    target: {2023: 10}\n    realisasi: {2023: 35}\n", encoding="utf-8")
    set_chapter(root, "40-bab-4-penutup.md", "judul: Penutup\njenis: bab\nbab: IV\nurutan: 40\n",
                "```{tabel} capaian\nid: c\njudul: Capaian\nindikator: [NEG]\n```\n")
    html = page(render(root), "bab-4-penutup")
    assert "0,00 % a" in _cells(html, "c")
    assert '<sup>a</sup> hasil rumus negatif, ditetapkan 0 %</li>' in html


def test_a_tables_notes_are_lettered_apart_from_the_narratives_numbered_footnotes(fresh_project: Path,
                                                                                  tmp_path: Path) -> None:
    """Batu Sopang's PDF page 18 printed "(N/A¹)" in a sentence, with its page footnote "1. N/A: tidak ada indikator
    yang terukur", under a table whose note read "¹ N/A: realisasi tidak tersedia: …": two reasons under one mark,
    and a reader looking for the first found the second. A table's notes are lettered (a, b, …), the narrative's
    page footnotes keep their numbers; laid out with the theme's print stylesheet and read back."""
    root = fresh_project
    (root / REPORT_DIR / "data" / "indikator.yaml").write_text(
        _YEARS + "  - id: SRV\n    nama: Indeks survei desa\n    satuan: indeks\n    polaritas: positif\n"
        "    target: {2023: 80}\n    realisasi: {2023: {tidak_ada: Survei belum dilaksanakan}}\n"
        "  - id: NOL\n    nama: Jumlah kelompok baru\n    satuan: kelompok\n    polaritas: positif\n"
        "    target: {2023: 0}\n    realisasi: {2023: 3}\n", encoding="utf-8")
    set_chapter(root, "40-bab-4-penutup.md", "judul: Penutup\njenis: bab\nbab: IV\nurutan: 40\n",
                "Survei desa belum memberi capaian ({nilai}`SRV.capaian`).\n\n"
                "```{tabel} capaian\nid: c\njudul: Capaian\nindikator: [SRV, NOL]\n```\n")
    html = page(render(root), "bab-4-penutup")
    assert '<sup>a</sup> N/A: realisasi tidak tersedia: Survei belum dilaksanakan</li>' in html
    assert '<sup>b</sup> N/A: target 0' in html
    pdf = tmp_path / "bab.pdf"
    HTML(string=main_part(html)).write_pdf(pdf, stylesheets=[CSS(filename=str(PRINT_CSS))])
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    lines = [" ".join(line.split()).removeprefix("• ") for line in text.splitlines()]  # (the page's list marks)
    assert "a N/A: realisasi tidak tersedia: Survei belum dilaksanakan" in lines  # under the table
    assert any(line.startswith("1. N/A: ") for line in lines)  # the sentence's page footnote
    assert not any(line.startswith("1 N/A") for line in lines)


def test_an_na_reason_is_said_once_in_its_paragraph(fresh_project: Path) -> None:
    """One missing survey left a sentence's realisasi and capaian N/A, and its reason was said after each (two
    footnotes of one text in the PDF, the reason read twice by a screen reader): said after the first, kept as the
    other's title; the next paragraph says it again."""
    root = fresh_project
    (root / REPORT_DIR / "data" / "indikator.yaml").write_text(
        _YEARS + "  - id: SRV\n    nama: Indeks survei desa\n    satuan: indeks\n    polaritas: positif\n"
        "    target: {2023: 80}\n    realisasi: {2023: {tidak_ada: Survei belum dilaksanakan}}\n", encoding="utf-8")
    set_chapter(root, "40-bab-4-penutup.md", "judul: Penutup\njenis: bab\nbab: IV\nurutan: 40\n",
                "Realisasi {nilai}`SRV.realisasi` dan sekali lagi {nilai}`SRV.realisasi`, capaian {nilai}`SRV.capaian`."
                "\n\nDi paragraf lain: {nilai}`SRV.realisasi`.\n")
    html = page(render(root), "bab-4-penutup")
    first = re.search(r"<p>Realisasi .*?</p>", html).group()
    reasons = re.findall(r'<span class="na-catatan">(.*?)</span>', first)
    assert len(reasons) == len(set(reasons)) >= 1, reasons  # each reason once
    assert first.count('class="na"') == 3  # every value still N/A, with its title
    second = re.search(r"<p>Di paragraf lain: .*?</p>", html).group()
    assert second.count('class="na-catatan"') == 1


def test_a_chart_of_year_columns_written_unquoted_is_drawn(fresh_project: Path) -> None:
    """``y: [2022, 2023]``: YAML reads numbers, the columns are named "2022" and "2023"; the chart said column '2022'
    did not exist and listed it among the columns (a table's ``kolom: [2022]`` took it)."""
    root = fresh_project
    (root / REPORT_DIR / "data" / "pegawai.csv").write_text("Status,2021,2022,2023\nPNS,10,12,11\nPPPK,2,3,5\n",
                                                           encoding="utf-8")
    set_chapter(root, "40-bab-4-penutup.md", "judul: Penutup\njenis: bab\nbab: IV\nurutan: 40\n",
                "```{grafik} dataset\nid: g\njudul: Pegawai\ndataset: pegawai\ny: [2022, 2023]\n```\n")
    report = render(root).site.reports[0]
    assert [f.id for f in report.figures] == ["grafik-anggaran", "g"]


def test_the_pk_table_says_which_agreement_it_is(fresh_project: Path) -> None:
    """A PK Perubahan looked like the first one: its kind and date were written nowhere on the page or in the PDF."""
    root = fresh_project
    pk = root / REPORT_DIR / "data" / "pk.yaml"
    pk.write_text(pk.read_text(encoding="utf-8").replace("jenis: awal\n", "jenis: perubahan\ntanggal: 2023-08-14\n"),
                  encoding="utf-8")
    set_chapter(root, "40-bab-4-penutup.md", "judul: Penutup\njenis: bab\nbab: IV\nurutan: 40\n",
                "```{tabel} pk\nid: pk\njudul: Perjanjian Kinerja\n```\n")
    assert "<li>Perjanjian Kinerja Perubahan tahun 2023, ditandatangani 14 Agustus 2023.</li>" in page(
        render(root), "bab-4-penutup")


def test_a_pk_perubahan_sets_out_the_targets_it_changed_and_why(fresh_project: Path) -> None:
    """Under a PK Perubahan the report printed the revised targets only: which had changed, from what and why (the
    Inspektorat's and the SAKIP evaluator's first question, and a citizen's beside the quarterly reports published
    before it) was written nowhere. ``target_awal`` in pk.yaml gives the table ``perubahan_target`` and a note under
    the capaian table; under a PK awal the table is refused at its line."""
    root = fresh_project
    pk = root / REPORT_DIR / "data" / "pk.yaml"
    plain = pk.read_text(encoding="utf-8")
    pk.write_text(plain.replace("jenis: awal\n", "jenis: perubahan\ntanggal: 2023-09-20\n") +
                  "target_awal:\n  - {indikator: IKU1, target: 85.5, alasan: Survei dikurangi pada APBD Perubahan}\n",
                  encoding="utf-8")
    set_chapter(root, "40-bab-4-penutup.md", "judul: Penutup\njenis: bab\nbab: IV\nurutan: 40\n",
                "```{tabel} perubahan_target\nid: pt\njudul: Perubahan Target\n```\n\n"
                "```{tabel} capaian\nid: cp\njudul: Capaian\n```\n")
    html = page(render(root), "bab-4-penutup")
    table = html.split('id="pt"')[1].split("</table>")[0]
    cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", table)
    assert cells[-6:] == ["1", "Indeks Kepuasan Masyarakat", "indeks", "85,5", "80",
                          "Survei dikurangi pada APBD Perubahan"]
    assert ("<li>Target awal menurut Perjanjian Kinerja awal tahun 2023; target perubahan menurut Perjanjian Kinerja "
            "Perubahan (ditandatangani 20 September 2023). Capaian tahun 2023 dihitung terhadap target perubahan.</li>"
            ) in html
    assert ("<li>Target menurut Perjanjian Kinerja Perubahan tahun 2023. Target tahunan yang diubah dari Perjanjian "
            "Kinerja awal: Indeks Kepuasan Masyarakat dari 85,5 menjadi 80.</li>") in html
    # a PK Perubahan that changed no target says so; a PK awal has no such table
    pk.write_text(plain.replace("jenis: awal\n", "jenis: perubahan\n"), encoding="utf-8")
    html = page(render(root), "bab-4-penutup")
    assert "Tidak ada target yang diubah Perjanjian Kinerja Perubahan." in html
    assert "Target tahunan yang diubah" not in html
    pk.write_text(plain, encoding="utf-8")
    with pytest.raises(ContentError) as exc:
        render(root)
    [error] = exc.value.diagnostics.errors
    assert (f"{error.file}:{error.line}", error.message.split(" (")[0]) == (
        f"{REPORT_DIR}/40-bab-4-penutup.md:7",
        "tabel perubahan_target: hanya untuk laporan dengan PK Perubahan")


def test_a_budget_changed_by_the_apbd_perubahan_shows_pagu_awal_beside_pagu_perubahan(fresh_project: Path) -> None:
    """The DPRD and the evaluator ask "pagu awal, pagu perubahan, realisasi" of a budget the APBD Perubahan changed in
    September; ``pagu_awal`` was an unknown key (ignored, with a hint to write ``pagu``), so the report could not say
    it. Written on the sub kegiatan the DPPA changed, it is summed up the tree like the pagu (an unchanged sub kegiatan
    counts its pagu, a new one 0), printed in a column of its own, and referred to by ``{nilai}``."""
    root = fresh_project
    data = root / REPORT_DIR / "data" / "anggaran.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace(
        "            pagu: 100000000\n", "            pagu: 100000000\n            pagu_awal: 120000000\n") +
        "          - kode: 7.01.02.2.01.0002\n            nama: Peningkatan Efektivitas Kegiatan Pemerintahan\n"
        "            pagu: 2100000\n            pagu_awal: 0\n            realisasi: 2100000\n"
        "          - kode: 7.01.02.2.01.0003\n            nama: Perencanaan Kegiatan Pelayanan kepada Masyarakat\n"
        "            pagu: 2100000\n            realisasi: 2100000\n", encoding="utf-8")
    set_chapter(root, "40-bab-4-penutup.md", "judul: Penutup\njenis: bab\nbab: IV\nurutan: 40\n",
                "```{tabel} anggaran\nid: ag\njudul: Anggaran\ntingkat: kegiatan\n```\n\n"
                "Pagu awal {nilai}`anggaran.pagu_awal` menjadi {nilai}`anggaran.pagu` setelah perubahan.\n\n"
                "Pagu sub kegiatan koordinasi berkurang Rp 20.000.000 dari pagu awal Rp 120.000.000.\n\n"
                "```{tabel} pk\nid: pk\njudul: PK\n```\n")
    result = render(root)
    html = page(result, "bab-4-penutup")
    # the amounts typed in the narrative are the computed ones: no "angka-diketik"
    assert not [w.message for w in result.diagnostics.warnings if "Rp 120.000.000" in w.message or
                "Rp 20.000.000" in w.message]
    table = html.split('id="ag"')[1].split("</table>")[0]
    heads = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<th[^>]*scope=\"col\"[^>]*>(.*?)</th>", table)]
    assert heads == ["Kode", "Program / kegiatan", "Pagu awal (Rp)", "Pagu perubahan (Rp)", "Realisasi (Rp)",
                     "Serapan", "Sisa (Rp)"]
    rows = [[re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table.split("<tbody")[1], re.S)]
    # program, kegiatan and Jumlah: pagu awal 120.000.000 + 0 (new in the DPPA) + 2.100.000 (unchanged, its pagu)
    assert [r[-5:] for r in rows] == [["122.100.000", "104.200.000", "99.200.000", "95,20 %", "5.000.000"]] * 3
    assert "Serapan dan sisa dihitung terhadap pagu perubahan." in html
    assert "Pagu awal Rp 122.100.000 menjadi Rp 104.200.000 setelah perubahan." in re.sub(r"<[^>]+>", "", html)
    # the PK awal was signed on the DPA awal: its programs' amounts are the pagu awal; a PK Perubahan's the DPPA's
    pk_table = html.split('id="pk"')[1].split("</table>")[0]
    foot = re.findall(r"<td[^>]*>([\d.]+)</td>", pk_table.split("<tfoot")[1])
    assert foot == ["7.01.02", "122.100.000", "122.100.000"]  # the program's amount and the PK's total
    assert "Anggaran program menurut DPA awal (sebelum APBD Perubahan), yang disepakati Perjanjian Kinerja awal" in html
    edit(root, f"{REPORT_DIR}/data/pk.yaml", "jenis: awal", "jenis: perubahan")
    html = page(render(root), "bab-4-penutup")
    pk_table = html.split('id="pk"')[1].split("</table>")[0]
    foot = re.findall(r"<td[^>]*>([\d.]+)</td>", pk_table.split("<tfoot")[1])
    assert foot == ["7.01.02", "104.200.000", "104.200.000"]  # the program's amount and the PK's total
    assert "menurut DPA awal" not in html
    # whose amounts they are, said where they are printed: a pagu indikatif typed elsewhere read as a second total
    assert ("Anggaran program menurut pagu DPPA di data anggaran laporan (data/anggaran.yaml), sama dengan tabel "
            "realisasi anggaran; pagu lain yang tercetak di dokumen Perjanjian Kinerja, mis. pagu indikatif, dapat "
            "berbeda.") in html
    # without pagu_awal the table is as it was, and a reference to it says what to write
    data.write_text(data.read_text(encoding="utf-8").replace("            pagu_awal: 120000000\n", "")
                    .replace("            pagu_awal: 0\n", ""), encoding="utf-8")
    with pytest.raises(ContentError) as exc:
        render(root)
    [error] = exc.value.diagnostics.errors
    assert (error.line, "tidak ada sub kegiatan dengan pagu_awal di data/anggaran.yaml") == (
        13, error.message.split("; ")[0].split(": ", 1)[-1]), error.format()


def test_the_pk_table_names_who_signed_it(fresh_project: Path) -> None:
    """The Lampiran's PK said when it was signed, never by whom (an evaluator's first question; the printed PK carries
    both signatures). With ``pihak_kedua`` it names both parties, the head of the instansi as pihak pertama unless
    ``pihak_pertama`` names another (a camat who has since left)."""
    root = fresh_project
    pk = root / REPORT_DIR / "data" / "pk.yaml"
    plain = pk.read_text(encoding="utf-8")
    kepala = re.search(r"kepala:\n\s+nama: ([^\n]+)\n\s+jabatan: ([^\n]+)",
                       (root / REPORT_DIR / "laporan.yaml").read_text(encoding="utf-8"))
    assert kepala is not None
    set_chapter(root, "40-bab-4-penutup.md", "judul: Penutup\njenis: bab\nbab: IV\nurutan: 40\n",
                "```{tabel} pk\nid: pk\njudul: Perjanjian Kinerja\n```\n")
    pk.write_text(plain.replace("jenis: awal\n", "jenis: awal\ntanggal: 2023-01-16\n"
                                "pihak_kedua: {nama: H. Saidi Mansyur, jabatan: Bupati Banjar}\n"), encoding="utf-8")
    first = f"{kepala.group(1).strip(chr(34))} ({kepala.group(2)})"
    assert (f"<li>Perjanjian Kinerja awal tahun 2023, ditandatangani 16 Januari 2023 oleh {first} sebagai pihak "
            "pertama dan H. Saidi Mansyur (Bupati Banjar) sebagai pihak kedua.</li>") in page(render(root), "bab-4-penutup")
    pk.write_text(plain.replace("jenis: awal\n", "jenis: awal\ntanggal: 2023-01-16\n"
                                "pihak_pertama: {nama: Drs. Yusuf, jabatan: Camat Contoh}\n"
                                "pihak_kedua: {nama: H. Saidi Mansyur, jabatan: Bupati Banjar}\n"), encoding="utf-8")
    assert ("oleh Drs. Yusuf (Camat Contoh) sebagai pihak pertama dan H. Saidi Mansyur (Bupati Banjar) sebagai pihak "
            "kedua.</li>") in page(render(root), "bab-4-penutup")


def test_a_value_in_a_heading_is_in_the_lists_of_headings_too(fresh_project: Path) -> None:
    """"Di halaman ini" and the PDF's contents read a heading as the heading reads: the list was made at the parse,
    before values, and said "Capaian IKM " beside a heading "Capaian IKM 103,13 %"; a data edit that keeps the parse
    changes it with the heading."""
    edit(fresh_project, f"{REPORT_DIR}/10-bab-1-pendahuluan.md", "## Tugas Pokok dan Fungsi",
         "## Capaian IKM {nilai}`IKU1.capaian` {#capaian-iku}")
    result = render(fresh_project)
    toc = page(result, "bab-1-pendahuluan").split('<nav class="toc"')[1].split("</nav>")[0]
    assert '<a href="#capaian-iku">Capaian IKM 103,13 %</a>' in toc
    report = result.site.reports[0]
    context = document.build_context(report, result.site.config, {c.id: "" for c in report.chapters})
    assert {"level": 2, "href": "#bab-1-pendahuluan--capaian-iku", "text": "Capaian IKM 103,13 %", "area": "isi"} \
        in context["toc_entries"]
    edit(fresh_project, f"{REPORT_DIR}/data/indikator.yaml", "80", "75")  # 82,5 / 75 = 110 %
    toc = page(render(fresh_project), "bab-1-pendahuluan").split('<nav class="toc"')[1].split("</nav>")[0]
    assert '<a href="#capaian-iku">Capaian IKM 110,00 %</a>' in toc


def test_the_quarterly_budget_table_of_an_annual_report_counts_a_year_given_whole(fresh_project: Path) -> None:
    """One leaf written by quarter, another by its year alone: the "s.d. TW IV" table and {nilai}`anggaran.
    realisasi_sd` left the second out (Rp 90.000.000, 60,00 %) beside the budget table's Rp 130.000.000 in one
    chapter; both now say the year's realisasi."""
    edit(fresh_project, f"{REPORT_DIR}/data/anggaran.yaml", "            realisasi: 95000000\n",
         "            realisasi: 90000000\n"
         "            realisasi_tw: {tw1: 20000000, tw2: 20000000, tw3: 20000000, tw4: 30000000}\n"
         "          - kode: 7.01.02.2.01.0002\n            nama: Sub B\n            pagu: 50000000\n"
         "            realisasi: 40000000\n")
    edit(fresh_project, f"{REPORT_DIR}/30-bab-3-akuntabilitas-kinerja.md", "Rincian penggunaan anggaran",
         "Sampai TW IV {nilai}`anggaran.realisasi_sd`.\n\n```{tabel} triwulan\nid: tabel-tw\njudul: Triwulan\n```\n\n"
         "Rincian penggunaan anggaran")
    html = main_part(page(render(fresh_project), "bab-3-akuntabilitas-kinerja"))
    assert 'Sampai TW IV <span data-angka="anggaran.realisasi_sd" class="angka-utuh">Rp 130.000.000</span>' in html
    foot = html[html.index('id="tabel-tw"'):].split("<tfoot>")[1].split("</tfoot>")[0]
    assert "130.000.000" in foot and "86,67 %" in foot and "90.000.000" not in foot


def test_a_number_typed_with_its_unit_is_kept_on_one_line_of_the_page(fresh_project: Path) -> None:
    """"40 %" typed with a plain space broke between "40" and "%" at a line's end on a narrow phone: only a {nilai}
    was kept whole (``angka-utuh``). A number typed beside its unit is now kept so too; the words around it, and
    a number without a unit (a year, a count), are not wrapped, and the source keeps its plain space."""
    bab3 = f"{REPORT_DIR}/30-bab-3-akuntabilitas-kinerja.md"
    edit(fresh_project, bab3, "Rincian penggunaan anggaran",
         "Pada 2023 serapan 5 kegiatan mencapai 95 % dari pagu Rp 100.000.000 (0,1 miliar).\n\n"
         "Rincian penggunaan anggaran")
    html = main_part(page(render(fresh_project), "bab-3-akuntabilitas-kinerja"))
    assert ('Pada 2023 serapan 5 kegiatan mencapai <span class="angka-utuh">95 %</span> dari pagu '
            '<span class="angka-utuh">Rp 100.000.000</span> (<span class="angka-utuh">0,1 miliar</span>).') in html
    assert "mencapai 95 % dari pagu Rp 100.000.000" in (fresh_project / bab3).read_text(encoding="utf-8")
    css = (REPO / "themes" / "default" / "static" / "css" / "site.css").read_text(encoding="utf-8")
    assert "span.angka-utuh { white-space: nowrap; }" in css


def test_a_quarterly_reports_own_year_is_headed_and_drawn_as_the_year_so_far(tmp_path: Path) -> None:
    """A TW II report: the year-on-year table heads its own year "Realisasi 2024 s.d. TW II" (it was "Realisasi
    2024" over TW I–II beside 2023's whole year), and the trend chart does not draw a count's year so far (its
    sentence said "turun dari 12 (2023) menjadi 6 (2024)")."""
    root = tmp_path / "situs"
    assert new_report(root, SLUG, 2024, "tw2") == 0
    folder = root / REPORT_DIR
    indicators = folder / "data" / "indikator.yaml"
    text = indicators.read_text(encoding="utf-8")
    indicators.write_text(text.replace("    satuan: indeks\n", "    satuan: dokumen\n    agregasi: jumlah\n")
                          .replace("    target:\n      2024: 80\n", "    target:\n      2024: 12\n")
                          .replace("    realisasi:\n      2024: {tw1: 82.5, tw2: 82.5}\n",
                                   "    realisasi:\n      2023: 12\n      2024: {tw1: 2, tw2: 4}\n"), encoding="utf-8")
    chapter = folder / "30-bab-3-akuntabilitas-kinerja.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n```{tabel} perbandingan_tahun\nid: tabel-tahun\n"
                       "judul: Perbandingan\n```\n\n```{grafik} tren\nid: grafik-tren\njudul: Tren\n```\n",
                       encoding="utf-8")
    html = main_part(render(root).files[f"laporan/{SLUG}/1.0/bab-3-akuntabilitas-kinerja/index.html"].decode())
    assert ">Realisasi 2024 s.d. TW II</th>" in html and ">Realisasi 2023</th>" in html
    text = re.sub(r"<[^>]+>", "", html)  # the summary's figures carry their audit marks
    assert "hanya tersedia nilai 12 (2023)" in text and "menjadi 6 (2024)" not in text


def test_the_ikm_table_says_which_years_survey_it_shows(tmp_path: Path) -> None:
    """A TW II 2024 report may show 2023's survey (the rules allow it): its IKM table said no year at all, beside the
    report's own 2024 IKM indicator at N/A."""
    root = tmp_path / "situs"
    assert new_report(root, SLUG, 2024, "tw2") == 0
    folder = root / REPORT_DIR
    (folder / "data" / "ikm.yaml").write_text("tahun: 2023\nunsur:\n" + "".join(
        f"  - {{kode: U{i}, nama: Unsur {i}, nilai: 3.2}}\n" for i in range(1, 10)), encoding="utf-8")
    chapter = folder / "30-bab-3-akuntabilitas-kinerja.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n```{tabel} ikm\nid: tabel-ikm\njudul: IKM\n```\n",
                       encoding="utf-8")
    html = main_part(render(root).files[f"laporan/{SLUG}/1.0/bab-3-akuntabilitas-kinerja/index.html"].decode())
    notes = html[html.index('id="tabel-ikm"'):].split('<ul class="tabel-catatan">')[1].split("</ul>")[0]
    assert "<li>Survei kepuasan masyarakat tahun 2023 (tahun sebelum tahun laporan).</li>" in notes


def test_a_capaian_tables_notes_say_how_a_grade_is_scored(fresh_project: Path) -> None:
    """BB against B printed "80,00 % Tinggi" under notes that only knew "realisasi ÷ target × 100 %": an evaluator
    could not see where 80 % came from (B is 3rd of C, CC, B, BB, A; BB 4th: 3 ÷ 4 = 75 %)."""
    root = fresh_project
    (root / REPORT_DIR / "data" / "indikator.yaml").write_text(_YEARS, encoding="utf-8")
    set_chapter(root, "40-bab-4-penutup.md", "judul: Penutup\njenis: bab\nbab: IV\nurutan: 40\n",
                "```{tabel} capaian\nid: cq\njudul: Capaian\nindikator: [IKU1, SAKIP]\n```\n\n"
                "```{tabel} capaian\nid: cn\njudul: Capaian angka\nindikator: [IKU1]\n```\n")
    html = page(render(root), "bab-4-penutup")
    rule = ("Capaian indikator kualitatif = 100 % bila peringkat realisasi sama dengan atau di atas peringkat target, "
            "selain itu peringkat realisasi ÷ peringkat target × 100 %; peringkat = urutan nilai dari yang terendah "
            "(1, 2, 3 …): C &lt; CC &lt; B &lt; BB &lt; A.")
    assert rule in html[html.index('id="cq"'):html.index('id="cn"')]
    assert "75,00 %" in _cells(html, "cq")
    assert "kualitatif" not in html[html.index('id="cn"'):]  # a table of numbers only does not say it


def test_a_table_typed_with_pipes_scrolls_in_its_box_with_its_numbers_at_the_right(fresh_project: Path) -> None:
    """A table pasted from a Word report rendered as a bare ``<table>``: on a phone it scrolled the whole page
    sideways; its column titles had no ``scope``; and ``|---:|`` became ``style="text-align:right"``, which the page's
    Content-Security-Policy drops, so its numbers stood at the left on the site (and at the right in the PDF)."""
    root = fresh_project
    set_chapter(root, "40-bab-4-penutup.md", "judul: Penutup\njenis: bab\nbab: IV\nurutan: 40\n",
                "Teks.\n\n| Uraian | Nilai | Keterangan |\n|---|---:|:---:|\n| Satu | 1.250 | ada |\n"
                "| Dua | Rp 2.500 | 12,5 % |\n")
    html = main_part(page(render(root), "bab-4-penutup"))
    table = html[html.index('<div class="tabel-wadah"'):html.index("</table>") + len("</table>\n</div>")]
    assert table.startswith('<div class="tabel-wadah" role="region" aria-label="Tabel: Uraian, Nilai, Keterangan" '
                            'tabindex="0">\n<table>')
    assert re.findall(r"<t[hd](?:\s[^>]*)?>", table) == [
        '<th scope="col">', '<th scope="col" class="angka">', '<th scope="col">',
        "<td>", '<td class="angka">', "<td>",
        "<td>", '<td class="angka">', '<td class="angka">']
    assert "style=" not in table
