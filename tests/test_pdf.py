"""A small hand-built report for the PDF tests (no loaders involved, so the PDF stage is tested on its own).

The numbers are taken from seed 000 (Kecamatan Martapura Barat 2023) and typed here as literals: the PDF stage only
prints what earlier stages computed, so these tests check layout, not arithmetic.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

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
        + '<figure class="grafik" id="grafik-capaian">' + _svg_chart()
        + '<figcaption><span class="nomor">Gambar 2.1</span> Capaian Indikator Kinerja Utama 2023</figcaption>'
          '</figure>' + f"<p>{PARA}</p>",
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
                   '<h2 id="kesimpulan">A. Kesimpulan</h2>' + f"<p>{PARA}</p>",
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
    ]
    report.figures = [NumberedItem("gambar", "grafik-capaian", "2.1", "Gambar 2.1",
                                   "Capaian Indikator Kinerja Utama 2023", "bab-2-perencanaan-kinerja")]
    site = SiteConfig(judul="Portal Laporan Kinerja Kabupaten Banjar", pemda="Pemerintah Kabupaten Banjar",
                      url_dasar="https://lkjip.example.go.id/", loc=Loc("content/situs.yaml", 1))
    return report, site, [ind, csv]
