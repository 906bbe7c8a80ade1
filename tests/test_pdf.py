"""PDF export (issue 5): render a small hand-built report once and read the PDF back with pypdf and pikepdf.

No loaders are involved, so the PDF stage is tested on its own. The numbers are taken from seed 000 (Kecamatan
Martapura Barat 2023) and typed here as literals: the PDF stage only prints what earlier stages computed, so these
tests check layout and archival properties, not arithmetic.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

import jinja2
import pikepdf
import pypdf
import pytest

from lkjip_site import pdf
from lkjip_site.model import Chapter, Instansi, Loc, NumberedItem, Person, Report, SiteConfig

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]

LOGO_SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="200" height="240" viewBox="0 0 200 240">
<path d="M100 5 L190 35 L180 150 Q160 210 100 235 Q40 210 20 150 L10 35 Z" fill="#1f6f3f" stroke="#c9a227" stroke-width="8"/>
<path d="M100 40 L150 70 L145 140 Q130 180 100 195 Q70 180 55 140 L50 70 Z" fill="#f2c230"/>
<circle cx="100" cy="115" r="30" fill="#1f6f3f"/>
</svg>
"""

PARA = ("Kecamatan Martapura Barat melaksanakan tugas pemerintahan umum yang dilimpahkan oleh Bupati, meliputi "
        "koordinasi kegiatan pemberdayaan masyarakat, ketenteraman dan ketertiban umum, penerapan peraturan "
        "perundang-undangan, pemeliharaan prasarana dan fasilitas pelayanan umum, serta pembinaan "
        "penyelenggaraan pemerintahan desa. Laporan ini disusun sebagai wujud akuntabilitas atas pelaksanaan "
        "tugas tersebut selama satu tahun anggaran.")


def tanggal(value: dt.date) -> str:
    """Stand-in for the build's ``tanggal`` filter: ``31 Januari 2024``."""
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"


def _svg_chart() -> str:
    bars = [("IKU 1", 98.27), ("IKU 2", 100.0), ("IKU 3", 85.5)]
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="480" height="220" viewBox="0 0 480 220" '
             'role="img" aria-label="Capaian indikator kinerja utama 2023">']
    for i, (name, value) in enumerate(bars):
        x = 60 + i * 140
        h = value * 1.6
        parts.append(f'<rect x="{x}" y="{190 - h:.1f}" width="80" height="{h:.1f}" fill="#2f5597"/>')
        parts.append(f'<text x="{x + 40}" y="208" text-anchor="middle" font-family="Noto Sans" '
                     f'font-size="12">{name}</text>')
        parts.append(f'<text x="{x + 40}" y="{184 - h:.1f}" text-anchor="middle" font-family="Noto Sans" '
                     f'font-size="12">{str(value).replace(".", ",")} %</text>')
    parts.append('<line x1="40" y1="190" x2="460" y2="190" stroke="#000"/></svg>')
    return "".join(parts)


def _rows(n: int) -> str:
    out = []
    for i in range(1, n + 1):
        out.append(f"<tr><td class=\"tengah\">{i}</td><td>Indikator kinerja pelayanan nomor {i} dengan uraian "
                   f"yang cukup panjang</td><td>%</td><td class=\"angka\">{90 + i % 10},00</td>"
                   f"<td class=\"angka\">{88 + i % 12},50</td><td class=\"angka\">{95 + i % 7},25 %</td></tr>")
    return "".join(out)


CAPAIAN_TABLE = (
    '<table id="capaian-2023" class="tabel"><caption><span class="nomor">Tabel 3.1</span> '
    'Capaian Indikator Kinerja Tahun 2023</caption><thead><tr><th>No</th><th>Indikator</th><th>Satuan</th>'
    '<th>Target</th><th>Realisasi</th><th>Capaian</th></tr></thead><tbody>' + _rows(40) + "</tbody></table>")

WIDE_TABLE = (
    '<table id="renstra-matriks" class="tabel lebar"><caption><span class="nomor">Tabel 3.2</span> '
    'Matriks Target Renstra 2022–2026</caption><thead><tr><th>Indikator</th><th>Kondisi Awal</th>'
    + "".join(f"<th>Target {y}</th><th>Rp {y}</th>" for y in range(2022, 2027))
    + "</tr></thead><tbody>"
    + "".join("<tr><td>Nilai SAKIP Kecamatan</td><td class=\"angka\">70,00</td>"
              + "".join(f"<td class=\"angka\">{72 + k},00</td><td class=\"angka\">1.250.000.000</td>"
                        for k in range(5)) + "</tr>" for _ in range(6))
    + "</tbody></table>")

# Not declared wide and only 8 columns, but the amounts cannot wrap: the layout finds it overflowing.
BUDGET_TABLE = (
    '<div class="tabel-wadah" role="region" tabindex="0"><table id="anggaran-rinci" class="tabel"><caption>'
    '<span class="nomor">Tabel 4.1</span> Rincian Anggaran per Triwulan</caption><thead><tr><th>Program</th>'
    + "".join(f"<th>Pagu TW {q}</th>" for q in ("I", "II", "III")) + "<th>Realisasi TW I</th><th>Realisasi TW II</th>"
    "<th>Realisasi TW III</th><th>Sisa</th></tr></thead><tbody>"
    + "<tr><td>Penunjang</td>" + '<td class="angka">Rp 1.250.000.000.000</td>' * 7 + "</tr>"
    + '</tbody></table><ul class="tabel-catatan"><li>Catatan: angka dalam rupiah.</li></ul></div>')

SDM_TABLE = (
    '<table id="sdm-golongan" class="tabel"><caption><span class="nomor">Tabel 1.1</span> '
    'Jumlah Pegawai Menurut Golongan</caption><thead><tr><th>Golongan</th><th>Jumlah</th></tr></thead><tbody>'
    '<tr><td>IV</td><td class="angka">4</td></tr><tr><td>III</td><td class="angka">12</td></tr>'
    '<tr><td>II</td><td class="angka">6</td></tr></tbody><tfoot><tr><td>Jumlah</td><td class="angka">22</td></tr>'
    '</tfoot></table>')


def chapter(folder: Path, cid: str, judul: str, jenis: str, urutan: int, html: str,
            toc: list[tuple[int, str, str]], bab: str | None = None) -> Chapter:
    return Chapter(id=cid, judul=judul, jenis=jenis, urutan=urutan, source=folder / f"{cid}.md",
                   rel=f"content/laporan/contoh/{cid}.md", body="", body_line=1, bab=bab, html=html, toc=toc)


def make_report(root: Path) -> tuple[Report, SiteConfig, list[Path]]:
    """Write the report folder (logo, two data files) under ``root`` and return (report, site config, attachments)."""
    folder = root / "content" / "laporan" / "contoh"
    (folder / "gambar").mkdir(parents=True, exist_ok=True)
    (folder / "data").mkdir(parents=True, exist_ok=True)
    (folder / "gambar" / "logo.svg").write_text(LOGO_SVG, encoding="utf-8")
    ind = folder / "data" / "indikator.yaml"
    ind.write_text("indikator:\n  - id: IKU1\n    nama: Nilai SAKIP Kecamatan\n    satuan: nilai\n"
                   "    polaritas: positif\n    target: {2023: 73}\n    realisasi: {2023: 71.74}\n", encoding="utf-8")
    csv = folder / "data" / "penduduk.csv"
    csv.write_bytes("desa,laki_laki,perempuan\r\nSungai Rangas,1.204,1.187\r\nTelok Selong,987,1.002\r\n"
                    .encode("utf-8"))

    kp = chapter(folder, "kata-pengantar", "Kata Pengantar", "kata-pengantar", 0,
                 "<p>Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa karena Laporan Kinerja Instansi "
                 "Pemerintah (LKjIP) Kecamatan Martapura Barat Tahun 2023 dapat diselesaikan.</p>"
                 f"<p>{PARA}</p><p>Semoga laporan ini bermanfaat bagi semua pihak.</p>", [])
    ikh = chapter(folder, "ikhtisar-eksekutif", "Ikhtisar Eksekutif", "ikhtisar", 1,
                  f"<p>{PARA}</p><p>Rata-rata capaian kinerja sasaran tahun 2023 sebesar 97,87 %.</p>", [])
    bab1 = chapter(
        folder, "bab-1-pendahuluan", "Pendahuluan", "bab", 10,
        '<h2 id="latar-belakang">A. Latar Belakang</h2>' + f"<p>{PARA}</p>" * 3
        + '<h2 id="sumber-daya">B. Sumber Daya Manusia</h2>' + f"<p>{PARA}</p>" + SDM_TABLE
        + '<p>Rincian capaian disajikan pada <a href="../bab-3-akuntabilitas-kinerja/#capaian-2023">Tabel 3.1</a>.'
          '</p>',
        [(2, "latar-belakang", "A. Latar Belakang"), (2, "sumber-daya", "B. Sumber Daya Manusia")], bab="I")
    bab2 = chapter(
        folder, "bab-2-perencanaan-kinerja", "Perencanaan Kinerja", "bab", 20,
        '<h2 id="latar-belakang">A. Rencana Strategis</h2>' + f"<p>{PARA}</p>"
        # the shape charts.py documents: caption first, SVG, JSON spec, summary, data table in <details>
        + '<figure class="grafik" id="grafik-capaian"><figcaption><span class="nomor">Gambar 2.1</span> '
          'Capaian Indikator Kinerja Utama 2023</figcaption><div class="grafik-svg">' + _svg_chart() + '</div>'
          '<script type="application/json" class="grafik-spec">{"mark": "bar"}</script>'
          '<p class="grafik-ringkasan">Capaian tertinggi IKU 2 (100,0 %).</p>'
          '<details><summary>Data grafik</summary><table><thead><tr><th>Indikator</th><th>Capaian</th></tr>'
          '</thead><tbody><tr><td>DATA-TERSEMBUNYI</td><td class="angka">98,27 %</td></tr></tbody></table>'
          '</details></figure>' + f"<p>{PARA}</p>",
        [(2, "latar-belakang", "A. Rencana Strategis")], bab="II")
    bab3 = chapter(
        folder, "bab-3-akuntabilitas-kinerja", "Akuntabilitas Kinerja", "bab", 30,
        '<h2 id="capaian-kinerja">A. Capaian Kinerja Organisasi</h2>' + f"<p>{PARA}</p>" + CAPAIAN_TABLE
        + '<h2 id="renstra">B. Perbandingan dengan Target Renstra</h2>' + f"<p>{PARA}</p>" + WIDE_TABLE
        + '<h2 id="anggaran">C. Realisasi Anggaran</h2>' + f"<p>{PARA}</p>",
        [(2, "capaian-kinerja", "A. Capaian Kinerja Organisasi"),
         (2, "renstra", "B. Perbandingan dengan Target Renstra"), (2, "anggaran", "C. Realisasi Anggaran")],
        bab="III")
    bab4 = chapter(folder, "bab-4-penutup", "Penutup", "bab", 40,
                   '<h2 id="kesimpulan">A. Kesimpulan</h2>' + f"<p>{PARA}</p>"
                   '<p><img src="https://example.invalid/peta.png" alt="Peta wilayah"></p>' + BUDGET_TABLE,
                   [(2, "kesimpulan", "A. Kesimpulan")], bab="IV")

    kepala = Person(nama="H. Ahmad Rizani, S.Sos., M.AP", jabatan="Camat Martapura Barat",
                    pangkat="Pembina Tingkat I (IV/b)", nip="197001011990031001")
    instansi = Instansi(nama="Kecamatan Martapura Barat", kepala=kepala, pemda="Pemerintah Kabupaten Banjar",
                        jenis="kecamatan", alamat="Jl. Martapura Lama Km. 7, Sungai Rangas",
                        telepon="(0511) 4789001", logo="gambar/logo.svg")
    report = Report(slug="contoh", folder=folder, rel="content/laporan/contoh",
                    judul="Laporan Kinerja Instansi Pemerintah Kecamatan Martapura Barat Tahun 2023",
                    tahun=2023, periode="tahunan", versi="1.0", tanggal_terbit=dt.date(2024, 2, 15),
                    instansi=instansi, tempat_ttd="Martapura", tanggal_ttd=dt.date(2024, 1, 31),
                    loc=Loc("content/laporan/contoh/laporan.yaml", 1),
                    chapters=[kp, ikh, bab1, bab2, bab3, bab4])
    report.tables = [
        NumberedItem("tabel", "sdm-golongan", "1.1", "Tabel 1.1", "Jumlah Pegawai Menurut Golongan",
                     "bab-1-pendahuluan"),
        NumberedItem("tabel", "capaian-2023", "3.1", "Tabel 3.1", "Capaian Indikator Kinerja Tahun 2023",
                     "bab-3-akuntabilitas-kinerja"),
        NumberedItem("tabel", "renstra-matriks", "3.2", "Tabel 3.2", "Matriks Target Renstra 2022–2026",
                     "bab-3-akuntabilitas-kinerja"),
        NumberedItem("tabel", "anggaran-rinci", "4.1", "Tabel 4.1", "Rincian Anggaran per Triwulan",
                     "bab-4-penutup"),
    ]
    report.figures = [NumberedItem("gambar", "grafik-capaian", "2.1", "Gambar 2.1",
                                   "Capaian Indikator Kinerja Utama 2023", "bab-2-perencanaan-kinerja")]
    site = SiteConfig(judul="Portal Laporan Kinerja Kabupaten Banjar", pemda="Pemerintah Kabupaten Banjar",
                      url_dasar="https://lkjip.example.go.id/", loc=Loc("content/situs.yaml", 1))
    return report, site, [ind, csv]


# ====================================================================================================================
# Tests


THEME = Path(__file__).resolve().parents[1] / "themes" / "default"
NUMBER_AT_END = re.compile(r"(\d+|[ivxlcdm]+)\s*$")


def make_env() -> jinja2.Environment:
    """The build's environment (StrictUndefined, ChoiceLoader) when available, else a plain one."""
    try:
        from lkjip_site.render import make_env as build_env
    except ImportError:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(THEME / "templates")), autoescape=True)
        env.filters["tanggal"] = tanggal
        return env
    return build_env([THEME])


@dataclasses.dataclass
class Rendered:
    root: Path
    report: Report
    job: pdf.PdfJob
    stats: pdf.RenderStats
    attachments: list[Path]
    data: bytes
    reader: pypdf.PdfReader
    pike: pikepdf.Pdf


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """One rendering shared by the module (a render takes about a second)."""
    root = tmp_path_factory.mktemp("pdf")
    report, site, attachments = make_report(root)
    out = root / "_situs" / "laporan" / "contoh" / "1.0" / "contoh-1.0.pdf"
    job = pdf.prepare_pdf(report, site, make_env(), out, attachments, root, epoch=1707955200)
    stats = pdf.run_pdf_job(job)
    data = out.read_bytes()
    return Rendered(root, report, job, stats, attachments, data, pypdf.PdfReader(out), pikepdf.open(out))


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
    """The printed page number: the text in the bottom margin (below 20 mm; the page margins are 24 mm and 20 mm)."""
    # (pypdf misplaces text drawn inside SVG form XObjects, so keep only runs that look like a page number)
    found = [t.strip() for x, y, t in sorted(_fragments(page))
             if 0 <= y < 20 * 72 / 25.4 and re.fullmatch(r"\s*(\d+|[ivxlcdm]+)\s*", t)]
    return " ".join(found)


def _dest_pages(reader: pypdf.PdfReader) -> dict[str, int]:
    return {name: reader.get_destination_page_number(dest) for name, dest in reader.named_destinations.items()}


def _list_pages(r: Rendered) -> list[int]:
    """Indexes of the Daftar Isi / Tabel / Gambar pages."""
    dests = _dest_pages(r.reader)
    return sorted({dests[d] for d in ("daftar-isi", "daftar-tabel", "daftar-gambar")})


def test_page_count_and_structure(rendered: Rendered) -> None:
    n = len(rendered.reader.pages)
    dests = _dest_pages(rendered.reader)
    # cover, Kata Pengantar, Daftar Isi, Daftar Tabel, Daftar Gambar, Ikhtisar, then BAB I on page index 6.
    assert [dests[k] for k in ("kata-pengantar", "daftar-isi", "daftar-tabel", "daftar-gambar",
                               "ikhtisar-eksekutif", "bab-1-pendahuluan")] == [1, 2, 3, 4, 5, 6]
    # each BAB starts a new page, in order; 40 table rows + landscape page make BAB III several pages long.
    starts = [dests[c] for c in ("bab-1-pendahuluan", "bab-2-perencanaan-kinerja", "bab-3-akuntabilitas-kinerja",
                                 "bab-4-penutup")]
    assert starts == sorted(set(starts))
    assert starts[3] - starts[2] >= 3
    assert 12 <= n <= 22
    assert rendered.stats.rendered and rendered.stats.pages == n


def test_page_labels_match_printed_numbers(rendered: Rendered) -> None:
    labels = rendered.reader.page_labels
    n = len(labels)
    assert labels[:7] == ["Sampul", "i", "ii", "iii", "iv", "v", "1"]
    assert labels[6:] == [str(i) for i in range(1, n - 5)]
    for index in range(1, n):
        assert _footer_number(rendered.reader.pages[index]) == labels[index], f"halaman indeks {index}"
    # the cover carries no number
    assert not re.fullmatch(r"\d+|[ivx]+", _footer_number(rendered.reader.pages[0]))


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
    chapters = {c.id for c in rendered.report.chapters}
    items = {t.id for t in rendered.report.tables} | {f.id for f in rendered.report.figures}
    sections = {"bab-1-pendahuluan--latar-belakang", "bab-2-perencanaan-kinerja--latar-belakang", "sumber-daya",
                "capaian-kinerja", "renstra", "anggaran", "kesimpulan"}
    assert chapters | items | sections | {"daftar-isi", "daftar-tabel", "daftar-gambar"} <= checked


def test_bookmarks_for_babs_and_sections(rendered: Rendered) -> None:
    outline = rendered.reader.outline
    titles = [o.title for o in outline if not isinstance(o, list)]
    for title in ("Kata Pengantar", "Daftar Isi", "BAB I Pendahuluan", "BAB II Perencanaan Kinerja",
                  "BAB III Akuntabilitas Kinerja", "BAB IV Penutup"):
        assert title in titles
    bab3 = titles.index("BAB III Akuntabilitas Kinerja")
    children = outline[outline.index(next(o for o in outline if not isinstance(o, list)
                                          and o.title == titles[bab3])) + 1]
    assert [c.title for c in children] == ["A. Capaian Kinerja Organisasi", "B. Perbandingan dengan Target Renstra",
                                           "C. Realisasi Anggaran"]
    assert rendered.reader.get_destination_page_number(outline[titles.index("BAB I Pendahuluan")]) == 6


def test_attachments_embedded_byte_equal(rendered: Rendered) -> None:
    files = rendered.pike.attachments
    assert sorted(files.keys()) == ["indikator.yaml", "penduduk.csv"]
    for path in rendered.attachments:
        spec = files[path.name]
        assert spec.get_file().read_bytes() == path.read_bytes()
    af = rendered.pike.Root.AF
    assert len(af) == 2
    assert {str(s.AFRelationship) for s in af} == {"/Source"}
    assert {str(s.EF.F.Subtype) for s in af} == {"/application/yaml", "/text/csv"}


def test_pdfa_and_document_metadata(rendered: Rendered) -> None:
    meta = rendered.pike.open_metadata()
    assert meta["pdfaid:part"] == "3"
    assert meta["pdfaid:conformance"] == "B"
    info = rendered.pike.docinfo
    assert str(info.Title) == rendered.report.judul == meta["dc:title"]
    assert str(info.Author) == "Kecamatan Martapura Barat"
    assert "Kecamatan Martapura Barat" in str(info.Subject)
    assert "LKjIP" in str(info.Keywords)
    assert str(rendered.pike.Root.Lang) == "id"
    # dates come from the given epoch (15 Feb 2024 00:00 UTC), never from the clock
    assert str(info.CreationDate) == str(info.ModDate) == "D:20240215000000Z"
    assert meta["xmp:CreateDate"].startswith("2024-02-15T00:00:00")
    # PDF/A: the Info dictionary and the XMP packet must say the same (post-processing must not desynchronise them)
    assert meta["pdf:Producer"] == str(info.Producer)
    assert meta["pdf:Keywords"] == str(info.Keywords)
    assert meta["dc:description"] == str(info.Subject)
    assert list(meta["dc:creator"]) == [str(info.Author)]
    assert meta["xmp:CreatorTool"] == str(info.Creator)
    assert "xmp:MetadataDate" not in meta  # nothing stamped the clock time into the XMP
    assert "/OutputIntents" in rendered.pike.Root
    assert rendered.pike.pdf_version == "1.7"
    assert "/ID" in rendered.pike.trailer
    assert rendered.pike.check_pdf_syntax() == []


def _fonts(resources: pikepdf.Dictionary, seen: set[tuple[int, int]]) -> list[pikepdf.Dictionary]:
    found = []
    for font in resources.get("/Font", {}).values():
        found.append(font)
    for xobj in resources.get("/XObject", {}).values():
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
    # the theme's WOFF2 files were read through the fetcher, so the fonts are the shipped ones
    served = {Path(p).name for p in rendered.stats.resources}
    assert {"NotoSerif-Regular-latin.woff2", "NotoSans-Bold-latin.woff2"} <= served


def _text(reader: pypdf.PdfReader, index: int) -> str:
    return re.sub(r"\s+", " ", reader.pages[index].extract_text())


def test_headings_and_captions_extractable(rendered: Rendered) -> None:
    reader = rendered.reader
    dests = _dest_pages(reader)
    for ch in rendered.report.chapters:
        text = _text(reader, dests[ch.id]).upper()
        assert ch.judul.upper() in text
        if ch.bab:
            assert f"BAB {ch.bab}" in text
    for item in rendered.report.tables + rendered.report.figures:
        assert f"{item.label} {item.judul}" in _text(reader, dests[item.id])
    # the chart's data table (in <details>) is for the website only
    assert not any("DATA-TERSEMBUNYI" in _text(reader, i) for i in range(len(reader.pages)))


def test_signature_block_and_cover(rendered: Rendered) -> None:
    kp = _text(rendered.reader, 1)
    for expected in ("Martapura, 31 Januari 2024", "Camat Martapura Barat,", "H. Ahmad Rizani, S.Sos., M.AP",
                     "Pembina Tingkat I (IV/b)", "NIP. 19700101 199003 1 001"):
        assert expected in kp
    cover = _text(rendered.reader, 0).upper()
    for expected in ("LAPORAN KINERJA", "INSTANSI PEMERINTAH", "TAHUN 2023", "KECAMATAN MARTAPURA BARAT",
                     "PEMERINTAH KABUPATEN BANJAR"):
        assert expected in cover
    assert "/XObject" in rendered.pike.pages[0].Resources  # the logo


def test_landscape_pages_declared_and_detected(rendered: Rendered) -> None:
    dests = _dest_pages(rendered.reader)
    wide = {dests["renstra-matriks"], dests["anggaran-rinci"]}  # declared "lebar" / found too wide by the layout
    for index, page in enumerate(rendered.pike.pages):
        x0, y0, x1, y1 = (float(v) for v in page.MediaBox)
        rotate = int(page.obj.get("/Rotate", 0))
        landscape = (x1 - x0 > y1 - y0) != (rotate % 180 == 90)
        assert landscape == (index in wide), f"halaman indeks {index}"
    # the notes under the detected table stay on its landscape page
    assert "Catatan: angka dalam rupiah." in _text(rendered.reader, dests["anggaran-rinci"])
    # the table header is repeated on every page the long table spans
    capaian = dests["capaian-2023"]
    assert all("Realisasi" in _text(rendered.reader, i) for i in range(capaian, capaian + 2))


def test_cache_skips_unchanged_and_detects_changes(rendered: Rendered, tmp_path: Path) -> None:
    again = pdf.run_pdf_job(rendered.job)
    assert not again.rendered
    assert rendered.job.out_path.read_bytes() == rendered.data
    key = pdf.pdf_cache_key(rendered.job)
    changed = dataclasses.replace(rendered.job, html=rendered.job.html.replace("Penutup", "Penutup Laporan"))
    assert pdf.pdf_cache_key(changed) != key
    # a fetched resource (not part of the key) that changes on disk invalidates the cache too
    record = json.loads(rendered.job.cache_path.read_text(encoding="utf-8"))
    assert any(p.endswith("logo.svg") for p in record["resources"])
    copy = dataclasses.replace(rendered.job, out_path=tmp_path / "salinan.pdf")
    copy.out_path.write_bytes(rendered.data)
    record["resources"] = {str(rendered.report.folder / "gambar" / "logo.svg"): "0" * 64}
    copy.cache_path.write_text(json.dumps(record), encoding="utf-8")
    assert not pdf.is_cached(copy)


def test_parallel_render_is_byte_identical_and_cache_dir_survives_clean_build(
        rendered: Rendered, tmp_path: Path) -> None:
    jobs = [dataclasses.replace(rendered.job, out_path=tmp_path / "situs" / f"{i}.pdf", cache_dir=tmp_path / "cache")
            for i in range(2)]
    stats = pdf.render_many(jobs, workers=2)
    assert [s.rendered for s in stats] == [True, True]
    for job in jobs:
        assert job.out_path.read_bytes() == rendered.data
    # a clean build (output folder emptied) reuses the cached copy instead of rendering again
    for job in jobs:
        job.out_path.unlink()
    assert [s.rendered for s in pdf.render_many(jobs, workers=2)] == [False, False]
    assert jobs[0].out_path.read_bytes() == rendered.data
    assert not list((tmp_path / "situs").glob("*.json")) and not list((tmp_path / "situs").glob(".*"))


def test_remote_image_refused_not_fetched(rendered: Rendered) -> None:
    assert rendered.stats.refused == ["https://example.invalid/peta.png"]


def test_url_fetcher_refuses_network_and_outside_files(tmp_path: Path) -> None:
    inside = tmp_path / "boleh"
    inside.mkdir()
    (inside / "a.css").write_text("p{}", encoding="utf-8")
    secret = tmp_path / "rahasia.txt"
    secret.write_text("x", encoding="utf-8")
    fetcher = pdf.make_url_fetcher([inside])
    assert fetcher((inside / "a.css").as_uri()).read() == b"p{}"
    for url in ("http://example.com/logo.png", "https://example.com/a.css", "ftp://example.com/x",
                secret.as_uri(), (inside / ".." / "rahasia.txt").as_uri()):
        with pytest.raises(ValueError):
            fetcher(url)


def test_chapter_html_preparation(tmp_path: Path) -> None:
    report, _, _ = make_report(tmp_path)
    ch = report.chapters[2]
    ch.html += ('<table id="lebar-otomatis"><thead><tr>' + "<th>k</th>" * 10 + "</tr></thead></table>"
                '<table id="sempit"><tr><th colspan="2">a</th><th>b</th></tr></table>'
                '<a href="../bab-4-penutup/">Bab IV</a><a href="https://example.com/">luar</a>')
    html, toc = pdf.prepare_chapter_html(ch, report, {"latar-belakang"}, {c.id for c in report.chapters})
    assert 'id="bab-1-pendahuluan--latar-belakang"' in html
    assert toc[0] == (2, "bab-1-pendahuluan--latar-belakang", "A. Latar Belakang")
    assert 'href="#capaian-2023"' in html and 'href="#bab-4-penutup"' in html
    assert 'href="https://example.com/"' in html
    assert '<table id="lebar-otomatis" class="lebar">' in html
    assert '<table id="sempit">' in html


def test_format_nip_and_period(tmp_path: Path) -> None:
    report, _, _ = make_report(tmp_path)
    assert pdf.periode_teks(report) == "TAHUN 2023"
    report.periode, report.tahun = "tw1", 2024
    assert pdf.periode_teks(report) == "TRIWULAN I TAHUN 2024"
    assert pdf.judul_pendek(report) == "Laporan Kinerja Triwulan I Kecamatan Martapura Barat Tahun 2024"
    assert pdf.format_nip("197001011990031001") == "19700101 199003 1 001"
    assert pdf.format_nip("19700101 199003 1 001") == "19700101 199003 1 001"
    assert pdf.format_nip("12345") == "12345"


def test_source_date_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    report, _, _ = make_report(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert pdf.source_date(report) == 1700000000
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert pdf.source_date(report) == 1707955200  # 15 Februari 2024 00:00 UTC (tanggal_terbit)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "kemarin")
    with pytest.raises(pdf.PdfError):
        pdf.source_date(report)
