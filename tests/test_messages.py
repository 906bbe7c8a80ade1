"""Audit: every kind of message names the file and the line of the key or value at fault, and says what to write.

One case per message kind: a single edit of the scaffold report (``lkjip new``, year 2023), then ``lkjip check``; the
expected ``file:line: galat|peringatan: ...`` was worked out by hand from the scaffold files (listed in
``tests/test_malformed.py``'s docstring; the lines an edit adds are given in each case's comment). Every finding code
of the catalogue in ``compute/check.py`` has a case here, or is listed in ``UNREACHABLE`` with the reason no content
file can produce it. Load-stage kinds (YAML, schema, references, links) are covered by ``tests/test_malformed.py``;
here are the ones issue 10 added or moved: numbers typed by hand, did-you-mean for unknown names, unclosed brackets.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from conftest import fill_in
from test_malformed import (ANGGARAN, BAB1, BAB3, IKHTISAR, INDIKATOR, LAPORAN, PK, RENSTRA, R, SITUS, append, chain,
                            replace, write)

from lkjip_site.cli.main import main
from lkjip_site.core import resources
from lkjip_site.core.diagnostics import Diagnostics
from lkjip_site.load.theme import check_site_theme, css_selectors
from lkjip_site.cli.scaffold import new_report
from lkjip_site.compute import check as check_module

pytestmark = pytest.mark.usefixtures("epoch")

IKM = f"{R}/data/ikm.yaml"
REPORTS = "content/laporan"
NINE = "".join(f"  - {{kode: U{i}, nama: Unsur {i}, nilai: 3.2}}\n" for i in range(1, 10))
BAB1 = f"{R}/10-bab-1-pendahuluan.md"
LATAR = "Tuliskan latar belakang penyusunan laporan."
LEAF_END = "            realisasi: 95000000\n"  # line 13 of anggaran.yaml, the last line
KATA_PENGANTAR = f"{R}/00-kata-pengantar.md"


def _theme_file(rel: str, text: str) -> Callable[[Path], None]:
    """A file of the site's own copy of the default theme (``themes/default/<rel>``), its folders made."""
    def apply(root: Path) -> None:
        path = root / "themes" / "default" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return apply


def _made(rel: str, text: str) -> Callable[[Path], None]:
    """A file of the site (``rel``), its folders made."""
    def apply(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return apply


@dataclass
class Case:
    id: str
    apply: Callable[[Path], None]
    file: str
    line: int
    severity: str  # "galat" or "peringatan"
    says: str
    kode: str = ""  # the finding code of compute/check.py, when the message is a finding


#: IKU1 of the scaffold made a count of documents (its name and unit, lines 3-4), and one summed over quarters (line 5).
_AS_DOCUMENTS = replace(INDIKATOR, "    nama: Indeks Kepuasan Masyarakat\n    satuan: indeks\n",
                        "    nama: Dokumen perencanaan yang disusun\n    satuan: dokumen\n")
_AS_COUNT = replace(INDIKATOR, "    nama: Indeks Kepuasan Masyarakat\n    satuan: indeks\n",
                    "    nama: Dokumen perencanaan yang disusun\n    satuan: dokumen\n    agregasi: jumlah\n")


CASES = [
    # ------------------------------------------------------------------ findings (compute/check.py catalogue)
    # indikator.yaml lines 10-12 appended: tertulis / 2023 / capaian; 82,5 / 80 = 103,125 %
    Case("capaian-tertulis", append(INDIKATOR, "    tertulis:\n      2023:\n        capaian: 100\n"), INDIKATOR, 12,
         "peringatan", "capaian tertulis 100,00 % berbeda dengan hasil perhitungan 103,13 %", "capaian-tertulis"),
    Case("predikat-tertulis", append(INDIKATOR, "    tertulis:\n      2023:\n        predikat: Sedang\n"), INDIKATOR, 12,
         "peringatan", "predikat tertulis 'Sedang' berbeda dengan hasil perhitungan 'Sangat Tinggi'",
         "predikat-tertulis"),
    Case("predikat-bukan-skala", append(INDIKATOR, "    tertulis:\n      2023:\n        predikat: Hebat\n"), INDIKATOR,
         12, "peringatan", "predikat tertulis 'Hebat' tidak ada pada skala", "predikat-bukan-skala"),
    # anggaran.yaml line 6: inserted after "sasaran: S1" (line 5) of program 7.01.02 (line 3)
    Case("pagu-induk", replace(ANGGARAN, "    sasaran: S1\n", "    sasaran: S1\n    pagu_tertulis: 1\n"), ANGGARAN, 6,
         "peringatan", "7.01.02: pagu tertulis Rp 1 berbeda dengan jumlah rinciannya Rp 100.000.000 (selisih "
         "-Rp 99.999.999); periksa kegiatan atau sub kegiatan yang terlewat atau salah ketik, atau bila rinciannya "
         "benar, tulis pagu_tertulis: 100000000", "pagu-induk"),
    # anggaran.yaml line 14: a pagu_awal (pagu before the APBD Perubahan) equal to the sub kegiatan's pagu
    Case("pagu-awal", append(ANGGARAN, "            pagu_awal: 100000000\n"), ANGGARAN, 14, "peringatan",
         "7.01.02.2.01.0001: pagu_awal Rp 100.000.000 sama dengan pagu; pagu_awal hanya ditulis bila APBD Perubahan "
         "(DPPA) mengubah pagu sub kegiatan ini: hapus baris pagu_awal", "pagu-awal"),
    Case("realisasi-induk", replace(ANGGARAN, "    sasaran: S1\n", "    sasaran: S1\n    realisasi_tertulis: 1\n"),
         ANGGARAN, 6, "peringatan", "7.01.02: realisasi tertulis Rp 1 berbeda", "realisasi-induk"),
    # anggaran.yaml lines 14-16 appended: total_tertulis / pagu / realisasi
    Case("total-tertulis", append(ANGGARAN, "total_tertulis:\n  pagu: 5\n  realisasi: 95000000\n"), ANGGARAN, 15,
         "peringatan", "Total anggaran: pagu tertulis Rp 5 berbeda dengan jumlah program Rp 100.000.000 (selisih "
         "-Rp 99.999.995); periksa program atau sub kegiatan yang terlewat atau salah ketik, atau bila rinciannya "
         "benar, tulis pagu: 100000000 di total_tertulis", "total-tertulis"),
    # anggaran.yaml line 15: the first jenis_belanja row (line 14 is the key)
    Case("jenis-belanja-total", append(ANGGARAN, "jenis_belanja:\n  - {jenis: pegawai, pagu: 1, realisasi: 1}\n"),
         ANGGARAN, 15, "galat", "jumlah pagu per jenis belanja Rp 1 berbeda dengan total pagu program "
         "Rp 100.000.000 (selisih -Rp 99.999.999); perbaiki pagu jenis belanja yang salah di daftar jenis_belanja "
         "(jumlahnya harus Rp 100.000.000), atau pagu sub kegiatan bila yang itu salah", "jenis-belanja-total"),
    # anggaran.yaml: line 14 gives the first sub kegiatan a jenis; the second (line 15) has none
    Case("jenis-belanja-sebagian",
         replace(ANGGARAN, LEAF_END, LEAF_END + "            jenis_belanja: pegawai\n          - kode: 7.01.02.2.01.0002\n"
                                    "            nama: Sub dua\n            pagu: 5\n            realisasi: 5\n"),
         ANGGARAN, 15, "peringatan", "(selisih -Rp 5); 1 sub kegiatan belum memiliki jenis_belanja, yang pertama "
         "7.01.02.2.01.0002: tulis jenis_belanja: <jenis> pada setiap sub kegiatan (pilihan: pegawai, barang_jasa, "
         "operasi, modal, tidak_terduga, transfer, lainnya)", "jenis-belanja-sebagian"),
    # realisasi (line 13) against its quarters (line 14)
    Case("realisasi-triwulan",
         replace(ANGGARAN, LEAF_END, LEAF_END + "            realisasi_tw: {tw1: 1, tw2: 1, tw3: 1, tw4: 1}\n"),
         ANGGARAN, 13, "galat", "realisasi Rp 95.000.000 berbeda dengan jumlah realisasi triwulan TW I–IV Rp 4",
         "realisasi-triwulan"),
    # anggaran.yaml line 14: the year's realisasi not yet added up (line 13), three quarters only in the annual report
    Case("triwulan-kurang-anggaran",
         replace(ANGGARAN, LEAF_END, "            realisasi: {tidak_ada: belum direkap}\n"
                                     "            realisasi_tw: {tw1: 20000000, tw2: 30000000, tw3: 25000000}\n"),
         ANGGARAN, 14, "galat", "realisasi_tw hanya diisi tw1, tw2, tw3, tanpa tw4 dan tanpa realisasi setahun",
         "triwulan-kurang"),
    # anggaran.yaml line 13: the leaf's realisasi declared missing in the annual report, nothing per quarter
    Case("realisasi-anggaran-kosong",
         replace(ANGGARAN, "realisasi: 95000000", "realisasi: {tidak_ada: SP2D belum direkap}"), ANGGARAN, 13,
         "galat", "realisasi setahun tidak tersedia (SP2D belum direkap); pagunya ikut dijumlahkan, sehingga "
         "realisasinya terhitung Rp 0", "realisasi-anggaran-kosong"),
    # a TW II report (laporan.yaml line 3): the leaf's quarters (line 14) stop at TW I
    Case("triwulan-kurang-anggaran-tw",
         chain(replace(LAPORAN, "periode: tahunan", "periode: tw2"),
               replace(ANGGARAN, LEAF_END, LEAF_END + "            realisasi_tw: {tw1: 20000000}\n")),
         ANGGARAN, 14, "galat", "realisasi_tw hanya diisi tw1, tanpa tw2; realisasi s.d. TW II menjumlahkan semua "
         "triwulan sampai TW II", "triwulan-kurang"),
    Case("serapan-lebih", replace(ANGGARAN, "realisasi: 95000000", "realisasi: 150000000"), ANGGARAN, 13,
         "peringatan", "7.01.02.2.01.0001: realisasi Rp 150.000.000 melebihi pagu Rp 100.000.000 (lebih "
         "Rp 50.000.000); periksa kedua angka: realisasi yang salah ketik, atau pagu sebelum perubahan anggaran "
         "(tulis pagu DPA perubahan)", "serapan-lebih"),
    # laporan.yaml lines 19-25: a scale with a gap; its id "celah:" is line 21
    Case("skala", append(LAPORAN, "skala_predikat: celah\nskala:\n  celah:\n    nama: Skala Bercelah\n    kelas:\n"
                                  "      - {label: Baik, min: 80}\n      - {label: Kurang, min: 0, max: 70}\n"),
         LAPORAN, 21, "galat", "celah", "skala"),
    # laporan.yaml line 19: the report names a scale that does not exist
    Case("skala-tidak-dikenal", append(LAPORAN, "skala_predikat: permendagri-86\n"), LAPORAN, 19, "galat",
         "Skala predikat 'permendagri-86' tidak dikenal; mungkin maksudnya 'permendagri-86-2017'",
         "skala-tidak-dikenal"),
    # the site's scale id (situs.yaml line 6), inherited by the report: reported where it is written
    Case("skala-situs-tidak-dikenal", replace(SITUS, "skala_predikat: permendagri-86-2017", "skala_predikat: banjarr"),
         SITUS, 6, "galat", "Skala predikat 'banjarr' tidak dikenal; mungkin maksudnya 'banjar'", "skala-tidak-dikenal"),
    # indikator.yaml line 7: quarterly targets that add up to the annual one of a non-additive indicator
    Case("triwulan-dibagi",
         replace(INDIKATOR, "      2023: 80\n", "      2023: {tahunan: 80, tw1: 20, tw2: 20, tw3: 20, tw4: 20}\n"),
         INDIKATOR, 7, "galat", "IKU1", "triwulan-dibagi"),
    # indikator.yaml line 7: quarterly targets only, in an annual report (the program never picks one of them)
    Case("triwulan-tanpa-tahunan",
         replace(INDIKATOR, "      2023: 80\n", "      2023: {tw1: 80, tw2: 80, tw3: 80, tw4: 80}\n"),
         INDIKATOR, 7, "galat", "IKU1: target 2023 hanya ditulis per triwulan (80/80/80/80) tanpa target tahunan",
         "triwulan-tanpa-tahunan"),
    # indikator.yaml line 7: an index ('terakhir') whose TW IV target is not the annual one
    Case("triwulan-agregasi",
         replace(INDIKATOR, "      2023: 80\n", "      2023: {tahunan: 80, tw1: 70, tw2: 75, tw3: 78, tw4: 79}\n"),
         INDIKATOR, 7, "galat", "target TW IV 79 tidak sama dengan target tahunan 80", "triwulan-agregasi"),
    # indikator.yaml: a kualitatif list inserted as line 6 moves "2023: 80" (a number) to line 8
    Case("satuan-berbeda", replace(INDIKATOR, "    polaritas: positif\n", "    polaritas: positif\n    kualitatif: [A, B]\n"),
         INDIKATOR, 8, "galat", "IKU1 tahun 2023: target berupa angka", "satuan-berbeda"),
    # anggaran.yaml lines 14-15: output target a number, realisasi_output (line 15) a grade
    Case("satuan-berbeda-keluaran",
         replace(ANGGARAN, LEAF_END, LEAF_END + "            target: 10\n            realisasi_output: B\n"),
         ANGGARAN, 15, "galat", "target keluaran berupa angka sedangkan realisasi keluaran berupa kualitatif",
         "satuan-berbeda"),
    # laporan.yaml line 2: a title naming last year
    Case("judul-tahun", replace(LAPORAN, "tahun: 2023\n", "judul: LKjIP Kecamatan Contoh Tahun 2022\ntahun: 2023\n"),
         LAPORAN, 2, "peringatan", "judul laporan menyebut tahun 2022", "judul-tahun"),
    # an annual report titled as a quarter's (left from the TW III report it was copied from), line 2
    Case("judul-periode", replace(LAPORAN, "tahun: 2023\n", "judul: LKjIP Triwulan III Kecamatan Contoh Tahun 2023\n"
                                  "tahun: 2023\n"), LAPORAN, 2, "peringatan",
         "judul laporan menyebut Triwulan III, sedangkan laporan ini tahunan (periode: tahunan)", "judul-periode"),
    Case("target-nol", replace(INDIKATOR, "      2023: 80\n", "      2023: 0\n"), INDIKATOR, 7, "peringatan",
         "IKU1: target 2023 bernilai 0", "target-nol"),
    # no target for 2023: at "target:" (line 6), where the year is missing
    Case("target-tidak-ada", replace(INDIKATOR, "      2023: 80\n", "      2022: 80\n"), INDIKATOR, 6, "peringatan",
         "IKU1: tidak ada target tahun 2023 (target tersedia untuk tahun: 2022); tulis di data/indikator.yaml, "
         "target: {2023: …}, atau di buku kerja (lkjip ekspor) pada baris IKU1 tahun 2023 lembar Nilai Indikator",
         "target-tidak-ada"),
    # no realisasi key at all: at the indicator (its id, line 2)
    Case("realisasi-kosong", replace(INDIKATOR, "    realisasi:\n      2023: 82.5\n", ""), INDIKATOR, 2, "peringatan",
         "IKU1: realisasi 2023 belum diisi", "realisasi-kosong"),
    # laporan.yaml line 18: penandatanganan.tanggal (not line 1 of the file)
    Case("ttd-sebelum-periode", replace(LAPORAN, "tanggal: 2024-01-31", "tanggal: 2023-12-01"), LAPORAN, 18,
         "peringatan", "laporan ditandatangani 1 Desember 2023, sebelum tahun 2023 berakhir (31 Desember 2023)",
         "ttd-sebelum-periode"),
    # laporan.yaml line 5: tanggal_terbit
    Case("terbit-sebelum-ttd", replace(LAPORAN, "tanggal_terbit: 2024-02-15", "tanggal_terbit: 2024-01-15"), LAPORAN, 5,
         "peringatan", "tanggal terbit 15 Januari 2024 lebih awal dari tanggal penandatanganan", "terbit-sebelum-ttd"),
    Case("tahun-pk", replace(PK, "tahun: 2023", "tahun: 2022"), PK, 1, "galat", "Perjanjian Kinerja tahun 2022",
         "tahun-pk"),
    # pk.yaml line 3: a PK for 2023 dated two years later (after the report was signed)
    Case("pk-tanggal", replace(PK, "jenis: awal\n", "jenis: awal\ntanggal: 2025-03-01\n"), PK, 3, "peringatan",
         "Perjanjian Kinerja 2023 bertanggal 1 Maret 2025", "pk-tanggal"),
    # pk.yaml lines 5-6 appended: target_awal / its item; under the PK awal (line 2), said at line 5
    Case("target-awal", append(PK, "target_awal:\n  - {indikator: IKU1, target: 75, alasan: APBD Perubahan}\n"), PK,
         5, "galat", "target_awal hanya untuk PK Perubahan, sedangkan pk.yaml ini PK awal (jenis: awal); tulis "
         "'jenis: perubahan'", "target-awal"),
    # the same under a PK Perubahan, the target awal IKU1's revised target (80): said at the item (line 6)
    Case("target-awal-sama", chain(replace(PK, "jenis: awal", "jenis: perubahan"),
                                   append(PK, "target_awal:\n  - {indikator: IKU1, target: 80, alasan: APBD-P}\n")),
         PK, 6, "peringatan", "target_awal IKU1: 80 sama dengan target 2023 di data/indikator.yaml; hapus butir ini",
         "target-awal"),
    Case("tahun-anggaran", replace(ANGGARAN, "tahun: 2023", "tahun: 2022"), ANGGARAN, 1, "galat",
         "data anggaran tahun 2022", "tahun-anggaran"),
    # ikm.yaml: "tahun:" is line 2 (after responden), not the file's first line
    Case("tahun-ikm", write(IKM, "responden: 10\ntahun: 2022\nunsur:\n" + NINE), IKM, 2, "galat", "data IKM tahun 2022",
         "tahun-ikm"),
    # laporan.yaml line 15: the head's NIP with a birth month 13 (1970-13-01), said at the nip's line
    Case("nip-tanggal", replace(LAPORAN, '"197001011990031001"', '"197013011990031001"'), LAPORAN, 15, "peringatan",
         "NIP 197013011990031001: tanggal lahir 01-13-1970 tidak ada", "nip-tanggal"),
    # laporan.yaml line 14: Pembina is IV/a; IV/b is Pembina Tingkat I
    Case("pangkat-golongan", replace(LAPORAN, "Pembina (IV/a)", "Pembina (IV/b)"), LAPORAN, 14, "peringatan",
         "pangkat 'Pembina (IV/b)': Pembina adalah golongan IV/a, bukan IV/b; tulis 'Pembina Tingkat I (IV/b)' atau "
         "'Pembina (IV/a)'", "pangkat-golongan"),
    # laporan.yaml line 12: the scaffold's sample head, as lkjip new wrote it (its "Tuliskan …" lines are said too)
    Case("isian-contoh", lambda root: None, LAPORAN, 12, "peringatan",
         "instansi.kepala.nama: 'Nama Kepala, S.Sos' masih isian contoh dari lkjip new", "isian-contoh"),
    # laporan.yaml line 15: the scaffold's NIP, printed under the signature; line 14 its pangkat (sample text while
    # the NIP beside it is)
    Case("isian-contoh-nip", lambda root: None, LAPORAN, 15, "peringatan",
         "instansi.kepala.nip: '197001011990031001' masih NIP contoh dari lkjip new, dicetak di bawah tanda tangan; "
         "tulis NIP kepala instansi", "isian-contoh"),
    Case("isian-contoh-pangkat", lambda root: None, LAPORAN, 14, "peringatan",
         "instansi.kepala.pangkat: 'Pembina (IV/a)' masih isian contoh dari lkjip new (ditulis bersama NIP contoh)",
         "isian-contoh"),
    # the scaffold's two-sentence foreword and ikhtisar as lkjip new wrote them, said at their first line (6)
    Case("isian-contoh-kata-pengantar", lambda root: None, KATA_PENGANTAR, 6, "peringatan",
         "Kata Pengantar: seluruh teks bab ini masih teks contoh dari lkjip new; tulis kata pengantar dari kepala "
         "instansi", "isian-contoh"),
    Case("isian-contoh-ikhtisar", lambda root: None, IKHTISAR, 6, "peringatan",
         "Ikhtisar Eksekutif: seluruh teks bab ini masih teks contoh dari lkjip new; tulis ikhtisar eksekutif",
         "isian-contoh"),
    # the scaffold's sample numbers: IKU1's realisasi (indikator.yaml line 9) and the sub kegiatan's pagu (anggaran.yaml
    # line 12), published as the instansi's own when only the text was filled in
    Case("isian-contoh-indikator", lambda root: None, INDIKATOR, 9, "peringatan",
         "IKU1: target 80 dan realisasi 82,5 tahun 2023 masih angka contoh dari lkjip new; tulis target dari "
         "Perjanjian Kinerja", "isian-contoh"),
    Case("isian-contoh-anggaran", lambda root: None, ANGGARAN, 12, "peringatan",
         "7.01.02.2.01.0001: pagu Rp 100.000.000 dan realisasinya masih angka contoh dari lkjip new", "isian-contoh"),
    # laporan.yaml line 10: the scaffold's placeholder logo, byte for byte, on the cover
    Case("isian-contoh-logo", lambda root: None, LAPORAN, 10, "peringatan",
         "instansi.logo: 'gambar/logo.svg' masih logo contoh dari lkjip new (lingkaran bertulisan LOGO)",
         "isian-contoh"),
    # situs.yaml lines 4 and 5: what lkjip init wrote, on every page of every released version
    Case("isian-contoh-pemda", lambda root: None, SITUS, 4, "peringatan",
         "pemda: 'Pemerintah Kabupaten Contoh' masih isian contoh dari lkjip init; tulis nama pemerintah daerah Anda",
         "isian-contoh"),
    Case("isian-contoh-url-dasar", lambda root: None, SITUS, 5, "peringatan",
         "url_dasar: 'https://lkjip.contoh.go.id/' masih isian contoh dari lkjip init; tulis alamat tempat portal "
         "diterbitkan", "isian-contoh"),
    # situs.yaml line 1: lkjip init suggests the open data's licence in a comment (line 9); said once, at the file
    Case("lisensi-data", lambda root: None, SITUS, 1, "peringatan",
         "lisensi_data belum ditulis: data terbuka setiap versi laporan (CSV, JSON, datapackage.json) terbit tanpa "
         "lisensi", "lisensi-data"),
    # situs.yaml line 10: a licence id written short; the known ids are listed
    Case("lisensi-data-tidak-dikenal", append(SITUS, "lisensi_data: CC-BY\n"), SITUS, 10, "galat",
         "lisensi_data: nilai 'CC-BY' tidak dikenal; mungkin maksudnya 'CC-BY-4.0'; pilihan: CC-BY-4.0"),
    # text pasted from Word with characters the theme's fonts lack (BAB I line 9, the Latar Belakang paragraph): the
    # PDF would take them from the building machine's fonts; the Word bullet of the Symbol font named by code point
    Case("karakter-tanpa-fon", replace(BAB1, LATAR, "Capaian sangat baik \u2713 \u2605\u2605\u2605\u2605 \uf0b7 "
                                       "(\u2265 90 % tetap tertulis tanpa peringatan)."),
         BAB1, 9, "peringatan", "karakter '\u2713' (U+2713), '\u2605' (U+2605) dan U+F0B7 (simbol fon Symbol/Wingdings "
         "dari Word) tidak ada di fon bawaan tema: PDF mengambilnya dari fon lain yang kebetulan terpasang di komputer "
         "yang membangun (atau mencetak kotak kosong), sehingga sumber yang sama menghasilkan PDF yang berbeda di "
         "komputer lain; untuk '\u2713': tulis 'ya', 'sudah' atau 'tercapai'; untuk '\u2605': tulis nilainya dengan "
         "angka, mis. 'bintang 4' atau '4 dari 5'; untuk U+F0B7: tulis '- ' di awal baris bila itu butir daftar, atau "
         "tulis maknanya dengan kata", "karakter-tanpa-fon"),
    # an indicator's name (indikator.yaml line 3) labels the charts: its ✓ is said as the chart fonts' (its ≥ is drawn)
    Case("karakter-tanpa-fon-grafik", replace(INDIKATOR, "    nama: Indeks Kepuasan Masyarakat\n",
                                              "    nama: Indeks Kepuasan Masyarakat \u2265 80 \u2713\n"),
         INDIKATOR, 3, "peringatan", "karakter '\u2713' (U+2713) tidak ada di fon grafik tema (Noto Sans dan Noto Sans "
         "Math): label grafik diukur dengan fon lain yang kebetulan terpasang di komputer yang membangun, sehingga "
         "sumber yang sama menghasilkan grafik (di halaman dan di PDF) yang berbeda di komputer lain; tulis 'ya', "
         "'sudah' atau 'tercapai'", "karakter-tanpa-fon"),
    # the portal's title (situs.yaml line 3), printed on every page and in every PDF: said once, at situs.yaml
    Case("karakter-tanpa-fon-situs", replace(SITUS, "judul: Portal Laporan Kinerja\n",
                                             "judul: Portal Laporan Kinerja \u2605\n"),
         SITUS, 3, "peringatan", "karakter '\u2605' (U+2605) tidak ada di fon bawaan tema", "karakter-tanpa-fon"),
    # what lkjip new --dari carried and the author has not rewritten: a chapter's mark (BAB I line 3, after judul),
    # laporan.yaml's estimated dates (tanggal_terbit, line 5), a budget line still 0 (its kode, line 10)
    Case("isian-salinan", replace(BAB1, "judul: Pendahuluan\n", "judul: Pendahuluan\ndisalin_dari: contoh-2022\n"),
         BAB1, 3, "peringatan", "bab ini masih teks laporan 'contoh-2022' yang disalin lkjip new --dari; tulis ulang "
         "untuk laporan tahun 2023, lalu hapus baris 'disalin_dari'", "isian-salinan"),
    Case("isian-salinan-tanggal", append(LAPORAN, "disalin_dari: contoh-2022\n"), LAPORAN, 5, "peringatan",
         "tanggal_terbit: 15 Februari 2024 hanya perkiraan lkjip new --dari (laporan ini disalin dari 'contoh-2022'); "
         "tulis tanggal versi ini diterbitkan", "isian-salinan"),
    Case("isian-salinan-anggaran",
         chain(replace(ANGGARAN, "pagu: 100000000", "pagu: 0"),
               replace(ANGGARAN, "realisasi: 95000000", "realisasi: 0"), append(ANGGARAN, "disalin_dari: contoh-2022\n")),
         ANGGARAN, 10, "peringatan", "7.01.02.2.01.0001: pagu dan realisasi 2023 belum diisi (masih Rp 0 dari lkjip "
         "new --dari)", "isian-salinan"),
    # a second annual 2023 report of the same instansi (a folder copied without changing its period): said at the
    # periode line (3) of the first
    Case("beda-laporan-triwulan", lambda root: new_report(root, "contoh-2023-salinan", tahun=2023) and None,
         LAPORAN, 3, "peringatan", "laporan 'contoh-2023-salinan' juga laporan tahun 2023 instansi ini; ubah 'periode'",
         "beda-laporan-triwulan"),
    # the 2022 report of the same instansi (the scaffold's "Kecamatan Contoh") writing its name in other letters: said
    # at the instansi.nama line (7) of the 2023 report
    Case("instansi-ejaan",
         lambda root: new_report(root, "contoh-2022", tahun=2022, instansi="Kecamatan CONTOH") and None,
         LAPORAN, 7, "peringatan", "instansi.nama 'Kecamatan Contoh' ditulis 'Kecamatan CONTOH' di laporan "
         "'contoh-2022' (Tahun 2022), instansi yang sama", "instansi-ejaan"),
    # laporan.yaml line 8: a jenis the portal groups by, mistyped; the name says kecamatan
    Case("instansi-jenis", replace(LAPORAN, "  jenis: kecamatan\n", "  jenis: kecamtan\n"), LAPORAN, 8, "peringatan",
         "instansi.jenis 'kecamtan' bukan jenis perangkat daerah yang dikenal portal; portal memakai 'kecamatan' dari "
         "nama instansi: tulis 'jenis: kecamatan' atau hapus baris ini", "instansi-jenis"),
    # laporan.yaml line 8: a kecamatan's jenis left in a laporan.yaml copied for a dinas (instansi.nama, line 7)
    Case("instansi-jenis-lain", replace(LAPORAN, "  nama: Kecamatan Contoh\n", "  nama: Dinas Kesehatan\n"), LAPORAN, 8,
         "peringatan", "instansi.jenis 'kecamatan' tidak sesuai nama instansi 'Dinas Kesehatan' (dinas); portal "
         "memakai 'dinas' dari namanya: tulis 'jenis: dinas' atau hapus baris ini", "instansi-jenis"),
    # laporan.yaml line 9: an earlier name (its list on line 8, after instansi.nama on line 7) no report has
    Case("nama-sebelumnya-tidak-ada",
         replace(LAPORAN, "  nama: Kecamatan Contoh\n",
                 "  nama: Kecamatan Contoh\n  nama_sebelumnya:\n    - Kecamatan Contoh Lama\n"),
         LAPORAN, 9, "peringatan", "instansi.nama_sebelumnya: 'Kecamatan Contoh Lama': belum ada laporan instansi "
         "bernama itu (Pemerintah Kabupaten Contoh) di situs ini", "nama-sebelumnya-tidak-ada"),
    # laporan.yaml line 8: the report's own name as its earlier name
    Case("nama-sebelumnya-sendiri",
         replace(LAPORAN, "  nama: Kecamatan Contoh\n", "  nama: Kecamatan Contoh\n  nama_sebelumnya: [Kecamatan Contoh]\n"),
         LAPORAN, 8, "galat", "instansi.nama_sebelumnya: 'Kecamatan Contoh' adalah nama instansi laporan ini sendiri "
         "(instansi.nama); tulis di sini nama lama instansi", "nama-sebelumnya-melingkar"),
    # laporan.yaml line 8: the 2022 report "Kecamatan Lama" names the 2023 report's name as its earlier name too
    Case("nama-sebelumnya-melingkar",
         chain(lambda root: new_report(root, "contoh-2022", tahun=2022, instansi="Kecamatan Lama") and None,
               replace(f"{REPORTS}/contoh-2022/laporan.yaml", "  nama: Kecamatan Lama\n",
                       "  nama: Kecamatan Lama\n  nama_sebelumnya: [Kecamatan Contoh]\n"),
               replace(LAPORAN, "  nama: Kecamatan Contoh\n", "  nama: Kecamatan Contoh\n  nama_sebelumnya: [Kecamatan Lama]\n")),
         LAPORAN, 8, "galat", "instansi.nama_sebelumnya: 'Kecamatan Lama' melingkar: 'Kecamatan Contoh' sebelumnya "
         "'Kecamatan Lama', 'Kecamatan Lama' sebelumnya 'Kecamatan Contoh'", "nama-sebelumnya-melingkar"),
    # bab 3 line 7: the heading of BAB III left with last year's year (copied from the 2022 report)
    Case("judul-bab-tahun",
         replace(BAB3, "## Capaian Kinerja Organisasi\n", "## Capaian Kinerja Organisasi Tahun 2022\n"),
         BAB3, 7, "peringatan", "judul 'Capaian Kinerja Organisasi Tahun 2022' menyebut tahun 2022, padahal laporan ini "
         "laporan tahun 2023 (judul salinan laporan lama?); perbarui tahunnya menjadi 2023", "judul-bab-tahun"),
    # indikator.yaml: AKI and AKB appended (renstra.yaml line 11 names them); bab 3 line 32: their trend on one axis,
    # AKB's line of 9,1 per 1.000 flat under AKI's 120,4 per 100.000
    Case("satuan-campur",
         chain(append(INDIKATOR, "".join(
             f"  - id: {iid}\n    nama: {nama}\n    satuan: {satuan}\n    polaritas: negatif\n"
             f"    target:\n      2023: {target}\n    realisasi:\n      2022: {lalu}\n      2023: {kini}\n"
             for iid, nama, satuan, target, lalu, kini in (
                 ("AKI", "Angka Kematian Ibu", "per 100.000 kelahiran hidup", 110, 120.4, 98.2),
                 ("AKB", "Angka Kematian Bayi", "per 1.000 kelahiran hidup", 9, 9.1, 8.3)))),
               replace(RENSTRA, "indikator: [IKU1]", "indikator: [IKU1, AKI, AKB]"),
               append(BAB3, "\n```{grafik} tren\nid: grafik-kematian\njudul: Angka kematian ibu dan bayi\n"
                            "indikator: [AKI, AKB]\n```\n")),
         BAB3, 32, "peringatan", "grafik tren: Angka Kematian Ibu (per 100.000 kelahiran hidup) dan Angka Kematian "
         "Bayi (per 1.000 kelahiran hidup) digambar pada satu sumbu, padahal satuannya berbeda: tinggi garisnya tidak "
         "dapat dibandingkan, dan nilai terbesar Angka Kematian Ibu (120,4) 13 kali lipat nilai terbesar Angka "
         "Kematian Bayi (9,1), sehingga garis yang kecil tampak datar; buat satu blok {grafik} tren per satuan "
         "(indikator: [AKI]; indikator: [AKB])", "satuan-campur"),
    # indikator.yaml: a count of people appended (renstra.yaml line 11 names it); bab 3 line 32: its trend beside the
    # scaffold's IKU1 in indeks (82,5 beside 30: under 10 times apart, two measures no axis holds at once)
    Case("satuan-campur-dekat",
         chain(append(INDIKATOR, "  - id: GIZI\n    nama: Balita gizi buruk\n    satuan: orang\n"
                                 "    polaritas: negatif\n    target:\n      2023: 25\n"
                                 "    realisasi:\n      2022: 34\n      2023: 30\n"),
               replace(RENSTRA, "indikator: [IKU1]", "indikator: [IKU1, GIZI]"),
               append(BAB3, "\n```{grafik} tren\nid: grafik-gizi\njudul: IKM dan gizi buruk\n"
                            "indikator: [IKU1, GIZI]\n```\n")),
         BAB3, 32, "peringatan", "grafik tren: Indeks Kepuasan Masyarakat (indeks) dan Balita gizi buruk (orang) "
         "digambar pada satu sumbu, padahal satuannya berbeda: tinggi garisnya tidak dapat dibandingkan; buat satu "
         "blok {grafik} tren per satuan (indikator: [IKU1]; indikator: [GIZI])", "satuan-campur"),
    # data/cakupan.csv, its units in data/cakupan.yaml; bab 3 line 36: the y of stacked bars of a % and a count
    Case("satuan-campur-dataset",
         chain(write(f"{R}/data/cakupan.csv", "Desa,Cakupan,Sasaran\nA,92.5,120\nB,88.1,80\n"),
               write(f"{R}/data/cakupan.yaml", "satuan: {Cakupan: \"%\", Sasaran: bayi}\n"),
               append(BAB3, "\n```{grafik} dataset\nid: grafik-cakupan\njudul: Cakupan imunisasi\n"
                            "dataset: cakupan\ny: [Cakupan, Sasaran]\njenis: batang_tumpuk\n```\n")),
         BAB3, 36, "peringatan", "grafik dataset: kolom Cakupan (%) dan Sasaran (bayi) digambar pada satu sumbu, "
         "padahal satuannya berbeda: tinggi batang atau garisnya tidak dapat dibandingkan, dan jumlah tumpukannya "
         "tidak bermakna; buat satu blok {grafik} dataset per satuan (y: [Cakupan]; y: [Sasaran])", "satuan-campur"),
    # data/cakupan.csv with its unit in data/cakupan.yaml; bab 3 line 36: the jenis of a donut of its % column, whose
    # summary said "Jumlah 275,6 %" of three villages' coverage
    Case("donat-rasio",
         chain(write(f"{R}/data/cakupan.csv", "Desa,Cakupan\nA,92.5\nB,88.1\nC,95\n"),
               write(f"{R}/data/cakupan.yaml", "judul: Cakupan imunisasi\nsatuan: {Cakupan: \"%\"}\n"),
               append(BAB3, "\n```{grafik} dataset\nid: grafik-cakupan\njudul: Cakupan imunisasi\n"
                            "dataset: cakupan\njenis: donat\n```\n")),
         BAB3, 36, "peringatan", "grafik dataset: donat menggambar bagian tiap baris dari jumlah kolom 'Cakupan' (%) "
         "pada data 'cakupan', padahal kolom itu berupa persentase, rasio, nilai atau rata-rata, yang tidak bermakna "
         "bila dijumlahkan, begitu pula bagian tiap juringnya; tulis jenis: batang", "donat-rasio"),
    # bab 3 line 18: an annual report's text "s.d. Triwulan III" (a quarterly report's sentence copied)
    Case("periode-narasi", replace(BAB3, "terealisasi", "terealisasi s.d. Triwulan III"), BAB3, 18, "peringatan",
         "teks menyebut 's.d. Triwulan III', padahal laporan ini laporan tahunan (setahun penuh)", "periode-narasi"),
    # bab 3 line 22: a table of jenis belanja over a budget without them rendered empty, even under --strict
    Case("tabel-jenis-belanja-kosong", replace(BAB3, "```{tabel} anggaran\n", "```{tabel} jenis_belanja\n"), BAB3, 22,
         "galat", "data anggaran ini tidak memuat rincian jenis belanja; isi 'jenis_belanja' di data/anggaran.yaml"),
    # a TW I report holding TW II's realisasi (indikator.yaml line 9 of the TW I scaffold): not shown, not counted
    Case("triwulan-lewat", chain(lambda root: new_report(root, "contoh-2023-tw1", tahun=2023, periode="tw1") and None,
                                 replace(f"{REPORTS}/contoh-2023-tw1/data/indikator.yaml", "{tw1: 82.5}",
                                         "{tw1: 82.5, tw2: 83}")),
         f"{REPORTS}/contoh-2023-tw1/data/indikator.yaml", 9, "peringatan", "IKU1: realisasi tw2 2023 diisi, padahal "
         "laporan ini s.d. TW I; nilainya tidak ditampilkan dan tidak dihitung", "triwulan-lewat"),
    # IKU1 made a count (its name, unit and agregasi: lines 3-5; target 80 on line 8): realisasi (line 10) typed as
    # running totals 30/55/80/80 (sum 245, above 80 × 1,5), the quarters' own values are 30, 25, 25, 0
    Case("triwulan-kumulatif",
         chain(_AS_COUNT, replace(INDIKATOR, "2023: 82.5", "2023: {tw1: 30, tw2: 55, tw3: 80, tw4: 80}")),
         INDIKATOR, 10, "peringatan", "IKU1: realisasi triwulan 2023 (30/55/80/80) naik terus dan jumlahnya 245, jauh "
         "di atas target setahun 80: tampaknya diketik sebagai angka s.d. triwulan (kumulatif). Dengan 'agregasi: "
         "jumlah' setiap triwulan diisi hasil triwulan itu saja (mis. tw1: 30, tw2: 25, tw3: 25, tw4: 0)",
         "triwulan-kumulatif"),
    # the same count (line 10) below zero
    Case("hitungan-negatif",
         chain(_AS_COUNT, replace(INDIKATOR, "2023: 82.5", "2023: -1")),
         INDIKATOR, 10, "peringatan", "IKU1: realisasi tahunan 2023 bernilai -1, padahal indikator ini hitungan "
         "('agregasi: jumlah') yang dijumlahkan", "hitungan-negatif"),
    # the unit "dokumen" (line 4), its realisasi (line 9) typed 1.234 as the printed report has it: one
    # thousand two hundred and thirty-four documents read as 1,234
    Case("hitungan-pecahan",
         chain(_AS_DOCUMENTS, replace(INDIKATOR, "2023: 82.5", "2023: 1.234")),
         INDIKATOR, 9, "peringatan", "IKU1: realisasi tahunan 2023 terbaca 1,234 dokumen, padahal dokumen dihitung "
         "dengan bilangan bulat; di berkas data titik adalah titik desimal. Bila maksudnya 1.234 (seperti tercetak di "
         "laporan), tulis 1234; bila memang pecahan, biarkan", "hitungan-pecahan"),
    # a percentage (line 4) whose realisasi (line 9) is typed 0.85 as a Percent cell stores 85 %, its target 80
    Case("persen-pecahan",
         chain(replace(INDIKATOR, "    satuan: indeks\n", "    satuan: persen\n"),
               replace(INDIKATOR, "2023: 82.5", "2023: 0.85")),
         INDIKATOR, 9, "peringatan", "IKU1: realisasi tahunan 2023 tertulis 0,85 %, padahal nilai lain indikator ini "
         "sekitar 80 % (seratus kali lebih besar): tampaknya ditulis sebagai pecahan (sel berformat Persen menyimpan "
         "85 % sebagai 0,85), sehingga capaiannya seratus kali lebih kecil. Tulis 85; bila memang 0,85 %, biarkan",
         "persen-pecahan"),
    # bab 3 line 9: "naik" typed where IKU1's 2023 realisasi (82,5) is below its 2022 one (90, indikator.yaml line 9)
    Case("arah-diketik",
         chain(replace(INDIKATOR, "    realisasi:\n", "    realisasi:\n      2022: 90\n"),
               replace(BAB3, "Indikator {nilai}`IKU1.nama` mencapai",
                       "Realisasi naik dari {nilai}`IKU1.realisasi@2022` menjadi {nilai}`IKU1.realisasi`. Indikator "
                       "{nilai}`IKU1.nama` mencapai")),
         BAB3, 9, "peringatan", "'naik' diketik, padahal {nilai}`IKU1.realisasi` (82,5) lebih kecil daripada "
         "{nilai}`IKU1.realisasi@2022` (90)", "arah-diketik"),
    # bab 3 line 9: "naik 4 poin" typed where IKU1's realisasi rose 2,5 (80 in 2022, indikator.yaml line 9, to 82,5)
    Case("selisih-diketik",
         chain(replace(INDIKATOR, "    realisasi:\n", "    realisasi:\n      2022: 80\n"),
               replace(BAB3, "Indikator {nilai}`IKU1.nama` mencapai",
                       "Indikator {nilai}`IKU1.nama` naik 4 poin dari tahun lalu. Indikator {nilai}`IKU1.nama` "
                       "mencapai")),
         BAB3, 9, "peringatan", "'naik 4 poin' diketik untuk realisasi IKU1, padahal menurut hitungan laporan ini "
         "realisasinya naik 2,5 poin dari tahun 2022 (80 menjadi 82,5); angka ketikan tidak ikut berubah bila datanya "
         "diubah. Tulis rujukan {nilai}`IKU1.tren` sebesar {nilai}`IKU1.selisih` poin", "selisih-diketik"),
    # bab 3 line 9: "naik dari 80 menjadi 85" typed where IKU1's realisasi rose from 80 (2022, indikator.yaml line 9)
    # to 82,5 (line 10)
    Case("angka-diketik-naik-dari",
         chain(replace(INDIKATOR, "    realisasi:\n", "    realisasi:\n      2022: 80\n"),
               replace(BAB3, "Indikator {nilai}`IKU1.nama` mencapai",
                       "Indikator {nilai}`IKU1.nama` naik dari 80 menjadi 85. Indikator {nilai}`IKU1.nama` mencapai")),
         BAB3, 9, "peringatan", "realisasi 85 diketik untuk indikator IKU1 ('naik dari 80 menjadi 85'), padahal "
         f"realisasinya tahun 2023 menurut data 82,5 ({INDIKATOR}:10); angka yang diketik dua kali bisa berbeda. Tulis "
         "rujukan {nilai}`IKU1.realisasi`, atau bila angka ketikan yang benar, perbaiki datanya", "angka-diketik"),
    # bab 3 line 9: "belum mencapai target" typed for IKU1's 103,13 %
    Case("tercapai-diketik", replace(BAB3, "mencapai {nilai}`IKU1.capaian`",
                                     "belum mencapai target ({nilai}`IKU1.capaian`)"),
         BAB3, 9, "peringatan", "'belum mencapai target' diketik untuk {nilai}`IKU1.capaian` (103,13 %), padahal "
         "capaiannya sudah 100 %", "tercapai-diketik"),
    # indikator.yaml line 9: 8250 for 82.50 (the point read as a thousands separator), target 80
    Case("capaian-janggal", replace(INDIKATOR, "2023: 82.5", "2023: 8250"), INDIKATOR, 9, "peringatan",
         "IKU1: capaian 10.312,50 % (realisasi 8.250 atas target 80), lebih dari sepuluh kali target; periksa "
         "angkanya", "capaian-janggal"),
    # a site's copy of the shipped 404 template with an inline script and an image from another server (line 3)
    Case("tema-csp", _theme_file("templates/404.html", "{% extends \"base.html\" %}\n{% block content %}\n"
                                 "<img src=\"https://pemda.go.id/b.png\" alt=\"\"><script>x()</script>\n"
                                 "{% endblock %}\n"),
         "themes/default/templates/404.html", 3, "peringatan", "'<img src=\"https://': berkas dari server lain tidak "
         "dimuat: Content-Security-Policy situs hanya mengizinkan berkas situs sendiri"),
    # an SVG with a script in the site's own theme (line 1): published as it was, where a report's image is refused
    Case("tema-svg-skrip", _theme_file("static/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)'
                                       "</script></svg>\n"),
         "themes/default/static/logo.svg", 1, "galat", "elemen <script> menjalankan kode"),
    # a template saved beside templates/ in the site's theme: the shipped one is used without a word
    Case("tema-berkas-luar", _theme_file("base.html", "{% extends \"base.html\" %}\n"), "themes/default/base.html", 1,
         "peringatan", "berkas ini berada di luar templates/ dan static/ tema, jadi tidak dibaca build dan tidak "
         "terbit; templat halaman (.html) disimpan di templates/, berkas yang terbit (CSS, JS, gambar, fonta) di "
         "static/ (terbit di aset/): pindahkan ke themes/default/templates/base.html"),
    # a stylesheet folder beside static/: named once, at the folder
    Case("tema-folder-luar", _theme_file("css/situs.css", "body { color: black; }\n"), "themes/default/css", 1,
         "peringatan", "folder ini (1 berkas) berada di luar templates/ dan static/ tema, jadi tidak dibaca build; "
         "templat halaman (.html) disimpan di templates/, berkas yang terbit (CSS, JS, gambar, fonta) di static/ "
         "(terbit di aset/): pindahkan isinya ke themes/default/static/css/"),
    # a site theme's partials/table.html copied from lkjip 0.2.1 (its N/A notes' line, line 2): the cells read "N/Aᵃ"
    # since 0.2.2, and the note under the table still read "¹"
    Case("tema-catatan-bernomor",
         _theme_file("templates/partials/table.html", "<table id=\"{{ item.id }}\"></table>\n"
                     "{% if table.notes or table.na_notes %}<ul class=\"tabel-catatan\">{% for n in table.notes %}<li>"
                     "{{ n }}</li>{% endfor %}{% for reason in table.na_notes %}<li id=\"{{ item.id }}-na-"
                     "{{ loop.index }}\" class=\"na-catatan-tabel\"><sup>{{ loop.index }}</sup> {{ reason }}</li>"
                     "{% endfor %}</ul>{% endif %}\n"),
         "themes/default/templates/partials/table.html", 2, "peringatan",
         "catatan N/A di bawah tabel ditulis bernomor ({{ loop.index }}), padahal sejak lkjip 0.2.2 tanda di sel tabel "
         "berhuruf (N/Aᵃ)"),
    # a site theme's perbandingan.html copied before each kind of instansi had its own chart (it reads ``figure``
    # only): a year's page of Dinas and Kecamatan showed no chart at all, and the build said nothing
    Case("tema-grafik-jenis", _theme_file("templates/perbandingan.html", "{% extends \"base.html\" %}\n{% block "
                                          "content %}{% if figure %}<p>{{ figure.item.id }}</p>{% endif %}{% endblock "
                                          "%}\n"),
         "themes/default/templates/perbandingan.html", 1, "peringatan", "templat ini salinan perbandingan.html dari "
         "lkjip versi lama dan tidak memakai grafik_jenis: halaman perbandingan yang memuat lebih dari satu jenis "
         "instansi (mis. Dinas dan Kecamatan) tampil tanpa grafik"),
    # the same of the home page's year lists (partials/laporan_tahun.html): no heading a kind of instansi
    Case("tema-daftar-jenis", _theme_file("templates/partials/laporan_tahun.html", "{%- set instansi_terbuka = 8 %}"
                                          "{%- set laporan_terbuka = 12 %}{%- macro semua_tahun(groups, tingkat, "
                                          "awalan) %}{% endmacro %}\n"),
         "themes/default/templates/partials/laporan_tahun.html", 1, "peringatan", "templat ini salinan "
         "partials/laporan_tahun.html dari lkjip versi lama dan tidak memakai per_jenis: beranda dan halaman Cari "
         "tidak menampilkan judul setiap jenis instansi"),
    # the same of the search page (its instansi filter one list, no <optgroup> a kind) and of the home page (its folded
    # "Setiap instansi dari tahun ke tahun" without a heading a kind): each copy said at its first line
    Case("tema-cari-jenis", _theme_file("templates/cari.html", "{% extends \"base.html\" %}\n{% block content %}"
                                        "{% for nilai, nama in pilihan_instansi %}<p>{{ nama }}</p>{% endfor %}"
                                        "{% endblock %}\n"),
         "themes/default/templates/cari.html", 1, "peringatan", "templat ini salinan cari.html dari lkjip versi lama "
         "dan tidak memakai pilihan_per_jenis: saringan Instansi di halaman Cari tetap satu daftar abjad semua "
         "instansi"),
    Case("tema-beranda-jenis", _theme_file("templates/home.html", "{% extends \"base.html\" %}\n{% block content %}"
                                           "{% for slug, (nama, items) in instansi.items() %}<p>{{ nama }}</p>"
                                           "{% endfor %}{% endblock %}\n"),
         "themes/default/templates/home.html", 1, "peringatan", "templat ini salinan home.html dari lkjip versi lama "
         "dan tidak memakai instansi_per_jenis: daftar 'Setiap instansi dari tahun ke tahun' di beranda tidak diberi "
         "judul setiap jenis instansi"),
    # a site theme's site.css copied from lkjip 0.2.1 to change one colour: it replaces the shipped one whole, without
    # 0.2.2's rules (the foreword's signature, tables and header menu on phones)
    Case("tema-css-lama", _theme_file("static/css/site.css", ":root { --utama: #1b5e20; }\n.tabel-wadah { overflow-x: "
                                      "auto; }\n"),
         "themes/default/static/css/site.css", 1, "peringatan", "site.css tema situs menggantikan seluruh site.css "
         "bawaan, tetapi "),
    # a site theme's print-pdf.css copied before 0.2.13 for the pemda's letterhead (its chart pieces' rule without the
    # page break, no rule for a chapter opening with a wide table): the PDF lost both, and the build said nothing
    Case("tema-cetak-lama", _theme_file("static/print-pdf.css", "@page { margin: 40mm 22mm 24mm 28mm; }\n"
                                        ".grafik-lanjutan { font-size: 10pt; }\n"
                                        "figure.grafik .grafik-svg svg { max-height: 185mm; }\n"),
         "themes/default/static/print-pdf.css", 1, "peringatan", "print-pdf.css tema situs menggantikan seluruh "
         "print-pdf.css bawaan, tetapi salinan ini dari lkjip versi lama dan tidak memuat 3 aturan cetak PDF versi "
         "ini: bab yang dibuka tabel lebar (mis. Lampiran A) tidak mulai di halaman lanskap tabelnya"),
    # the letterhead's print-pdf.css saved beside css/site.css: published as aset/css/print-pdf.css, never read by
    # the PDF, with no word
    Case("tema-cetak-tempat", _theme_file("static/css/print-pdf.css", "@page { margin: 40mm 22mm 24mm 28mm; }\n"),
         "themes/default/static/css/print-pdf.css", 1, "peringatan", "print-pdf.css di sini tidak dibaca saat membuat "
         "PDF (hanya terbit di aset/); PDF memakai print-pdf.css yang langsung di static/: pindahkan ke "
         "themes/default/static/print-pdf.css"),
    # the instansi renamed in laporan.yaml (line 7): the scaffold's foreword (line 6) still names Kecamatan Contoh
    Case("nama-instansi-contoh", replace(LAPORAN, "  nama: Kecamatan Contoh\n", "  nama: Dinas Kesehatan\n"),
         f"{R}/00-kata-pengantar.md", 6, "peringatan", "teks menyebut 'Kecamatan Contoh', padahal instansi laporan "
         "ini 'Dinas Kesehatan'", "nama-instansi"),
    # a Word draft beside the chapters: ignored without a word, then refused by terbitkan
    Case("berkas-draf", write(f"{R}/draf-bab-3.docx", "PK\x03\x04 bukan teks\n"), f"{R}/draf-bab-3.docx", 1,
         "peringatan", "berkas ini tidak dibaca build dan tidak terbit di situs, tetapi 'lkjip terbitkan' menolak "
         "laporan selama berkas ini ada di folder laporan"),
    # an image no chapter shows: not published, and refused by terbitkan (the rule of archive.release.unread_sources)
    Case("gambar-tak-dipakai", write(f"{R}/gambar/peta-lama.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>\n'),
         f"{R}/gambar/peta-lama.svg", 1, "peringatan", "gambar ini tidak ditampilkan di bab mana pun, jadi tidak terbit "
         "di situs, tetapi 'lkjip terbitkan' menolak laporan selama berkas ini ada di folder laporan (paket arsip versi "
         "memuat seluruh sumbernya untuk selamanya); tampilkan dari bab, mis. ![Keterangan gambar]"
         "(gambar/peta-lama.svg), hapus, atau pindahkan ke luar folder laporan"),
    # a folder of the author's own in data/ (last year's files): skipped by the data stage, named once, at the folder
    Case("folder-sendiri", chain(_made(f"{R}/data/2022/indikator.yaml", "indikator: []\n"),
                                 _made(f"{R}/data/2022/pk.yaml", "tahun: 2022\n")),
         f"{R}/data/2022", 1, "peringatan", "folder ini (2 berkas: indikator.yaml, pk.yaml) tidak dibaca build dan "
         "tidak terbit di situs, tetapi 'lkjip terbitkan' menolak laporan selama folder ini ada di folder laporan"),
    # BAB I line 9: raw HTML where the site does not allow it, printed as text ("<script>alert(1)</script>" too)
    Case("tag-html", replace(f"{R}/10-bab-1-pendahuluan.md", "Tuliskan latar belakang penyusunan laporan.",
                             'Latar belakang <b onclick="x()">penting</b>.'), f"{R}/10-bab-1-pendahuluan.md", 9,
         "peringatan", "tag HTML '<b onclick=\"x()\">' akan tampil sebagai teks di halaman, karena HTML mentah "
         "tidak diizinkan (html_mentah di situs.yaml)"),
    # bab 3 line 13: a table's caption of last year, copied (the report is 2023; the table shows 2023)
    Case("judul-tahun-lama", replace(BAB3, "judul: Capaian indikator kinerja sasaran strategis\n",
                                     "judul: Capaian indikator kinerja sasaran strategis Tahun 2022\n"), BAB3, 13,
         "peringatan", "judul menyebut tahun 2022, padahal laporan ini tahun 2023 dan tabel ini menampilkan angka "
         "sampai tahun 2023 (judul salinan laporan lama?); perbarui tahun di judulnya"),
    # BAB I line 9: a link to a javascript:/file: address, which the parser never links, printed as "[..](..)"
    Case("tautan-terlarang", replace(BAB1, LATAR, "Lihat [peta](javascript:alert(1)) dan [data](FILE:///C:/data.xlsx)."),
         BAB1, 9, "peringatan", "tautan ke alamat 'javascript:' tidak dibuat (alamat itu menjalankan kode atau "
         "membuka berkas di komputer pembaca), jadi tulisan [..](..) tampil apa adanya di halaman; tulis tautan "
         "https://…"),
    # BAB I line 9: attributes of {...} outside the allow-list were published (style and srcset on an image)
    Case("atribut-gaya", replace(BAB1, LATAR, '![Logo kecamatan](gambar/logo.svg){style="position:fixed;top:0" '
                                              'srcset="https://contoh.test/a.png 2x"}'),
         BAB1, 9, "galat", 'atribut {style="position:fixed;top:0"} tidak dipakai (gaya tampilan dari bab dapat menutupi '
         "atau menyembunyikan isi laporan, juga di PDF); di dalam {...} hanya boleh "
         "{#penanda}, {.kelas}, {target=_blank} dan {rel=…} sesudah tautan, dan {width=…} / {height=…} (angka "
         "piksel) sesudah gambar; tampilan diatur oleh tema situs; hapus atribut ini"),
    Case("atribut-srcset", replace(BAB1, LATAR, '![Logo kecamatan](gambar/logo.svg){srcset="https://contoh.test/a.png 2x"}'),
         BAB1, 9, "galat", 'atribut {srcset="https://contoh.test/a.png 2x"} tidak dipakai (gambar dari alamat lain '
         "tidak diperiksa dan tidak ikut terbit)"),
    # the attribute line above a paragraph (line 11), not the paragraph's (12)
    Case("atribut-blok", replace(BAB1, LATAR, 'Paragraf pertama.\n\n{#ringkasan onmouseover="x()"}\nRingkasan.'),
         BAB1, 11, "galat", 'atribut {onmouseover="x()"} tidak dipakai (atribut on… menjalankan skrip, yang tidak '
         "dijalankan halaman laporan)"),
    # an attribute allowed on an image only, given to a link
    Case("atribut-tempat", replace(BAB1, LATAR, "Lihat [situs pemda](https://contoh.go.id){width=800}."),
         BAB1, 9, "galat", 'atribut {width="800"} tidak dipakai (lebar hanya untuk gambar, dalam piksel: angka 1 '
         "sampai 99999)"),
    # a heading's braces with more than #id and .kelas were printed in its text
    Case("atribut-judul", replace(BAB1, LATAR, "## Ringkasan {#ringkasan target=_blank}"),
         BAB1, 9, "galat", "'{#ringkasan target=_blank}' di akhir judul tampil sebagai teks judul; di akhir judul "
         "hanya boleh {#penanda} dan {.kelas}"),
    # BAB I line 9: Pandoc's attributes after emphasis or a bracketed text were printed on the page as they are
    Case("atribut-sesudah-miring", replace(BAB1, LATAR, "Ini *penting*{.merah} untuk dibaca."),
         BAB1, 9, "peringatan", "'{.merah}' sesudah teks miring *…* tampil apa adanya di halaman: atribut {...} hanya "
         "berlaku sesudah tautan, gambar, `kode`, di akhir judul, atau pada baris sendiri di atas paragraf; hapus "
         "tanda kurung kurawal itu"),
    Case("atribut-sesudah-kurung", replace(BAB1, LATAR, "Baris pertama.\nLihat [catatan]{#catatan-1} di bawah."),
         BAB1, 10, "peringatan", "'{#catatan-1}' sesudah [teks] yang bukan tautan tampil apa adanya di halaman"),
    # BAB I line 11: a reference definition to a javascript: address is no definition: both lines printed as text
    Case("tautan-definisi-terlarang", replace(BAB1, LATAR, "Lihat [peta][p].\n\n[p]: javascript:alert(1)"),
         BAB1, 11, "peringatan", "tautan ke alamat 'javascript:' tidak dibuat"),
    Case("tautan-definisi-terlarang-entitas", replace(BAB1, LATAR, "Lihat [peta][p].\n\n[p]: javascript&#58;alert(1)"),
         BAB1, 11, "peringatan", "tautan ke alamat 'javascript:' tidak dibuat"),
    # an image written as a data: address: said as "outside the report folder", with the whole base64 text
    Case("gambar-alamat-data", replace(BAB1, LATAR, "![Bagan](data:image/png;base64," + "A" * 200 + ")"),
         BAB1, 9, "galat", "gambar 'data:image/png;base64,AAAAAAAAAAAAAAAAAA…' ditulis sebagai alamat data:, bukan "
         "berkas di folder laporan (isinya tidak diperiksa dan tidak ikut terbit sebagai berkas); simpan gambarnya "
         "sebagai berkas di folder laporan"),
    # a link to another scheme, or without one: said as a link to no chapter ("write the chapter's file name")
    Case("tautan-skema-lain", replace(BAB1, LATAR, "Unduh <ftp://contoh.test/data.xlsx> atau [atur](ms-settings:privacy)."),
         BAB1, 9, "galat", "tautan 'ms-settings:privacy' memakai alamat ms-settings:; yang dapat ditautkan hanya alamat "
         "https://, http://, mailto: dan tel:, atau bab lain"),
    Case("tautan-tanpa-skema", replace(BAB1, LATAR, "Lihat [situs](//contoh.test/)."),
         BAB1, 9, "galat", "tautan '//contoh.test/' diawali // tanpa https:"),
    # BAB I line 9, where the site allows raw HTML: each tag the page's Content-Security-Policy blocks, at its line
    Case("html-skrip", chain(append(SITUS, "html_mentah: true\n"), replace(BAB1, LATAR, "<script>alert(1)</script>")),
         BAB1, 9, "peringatan", "'<script>': skrip di dalam bab diblokir kebijakan keamanan halaman "
         "(Content-Security-Policy) sehingga tidak berjalan di peramban, tetapi tetap ikut tersimpan di PDF dan paket "
         "arsip versi; hapus elemen ini: grafik ditulis dengan ```{grafik} <jenis>```, angka dengan {nilai}"),
    Case("html-bingkai", chain(append(SITUS, "html_mentah: true\n"),
                               replace(BAB1, LATAR, '<iframe src="https://www.youtube.com/embed/x"></iframe>')),
         BAB1, 9, "peringatan", "isi yang disematkan diblokir kebijakan keamanan halaman (Content-Security-Policy) "
         "sehingga tampil kosong di peramban, tetapi tetap ikut tersimpan di PDF dan paket arsip versi; tulis tautan "
         "biasa, mis. [Peta kecamatan](https://…)"),
    # a refresh to another site: the policy does not govern where a page goes, so an error (a browser followed it)
    Case("html-alihkan", chain(append(SITUS, "html_mentah: true\n"),
                               replace(BAB1, LATAR, '<meta http-equiv="refresh" content="0;url=https://contoh.test/">')),
         BAB1, 9, "galat", "'<meta http-equiv=\"refresh\" content=\"0;u…': elemen <meta> di dalam bab dapat "
         "mengalihkan pembaca ke situs lain (http-equiv=\"refresh\") dan tidak dicegah kebijakan keamanan halaman; "
         "hapus elemen ini"),
    # what the policy blocks in a browser but the PDF takes: errors (one position:fixed box blanked every PDF page)
    Case("html-atribut-style", chain(append(SITUS, "html_mentah: true\n"), replace(
             BAB1, LATAR, 'Latar belakang\n<div style="position:fixed;inset:0;background:white">Ditarik</div>')),
         BAB1, 10, "galat", "'<div style=\"position:fixed;inset:0;back…': atribut style diblokir di peramban, "
         "tetapi berlaku di PDF laporan (mis. position:fixed menutupi setiap halaman, color:white menyembunyikan "
         "angka); hapus atribut ini: tampilan diatur oleh tema situs, untuk tabel dengan sel gabungan cukup colspan "
         "dan rowspan"),
    Case("html-gaya", chain(append(SITUS, "html_mentah: true\n"),
                            replace(BAB1, LATAR, "<style>\n.predikat::after { content: 'Sangat Baik' }\n</style>")),
         BAB1, 9, "galat", "'<style>': elemen <style> di dalam bab diblokir di peramban, tetapi mengubah tampilan "
         "seluruh PDF laporan (dapat menyembunyikan angka, menulis predikat lain, atau menutupi halaman); hapus "
         "elemen ini"),
    Case("html-link", chain(append(SITUS, "html_mentah: true\n"),
                            replace(BAB1, LATAR, '<link rel="stylesheet" href="https://contoh.test/a.css">')),
         BAB1, 9, "galat", "elemen <link> di dalam bab memuat lembar gaya ke PDF atau menghubungi alamat lain dari "
         "peramban pembaca; hapus elemen ini"),
    Case("html-noscript", chain(append(SITUS, "html_mentah: true\n"),
                                replace(BAB1, LATAR, "<noscript>Capaian 120 %</noscript>")),
         BAB1, 9, "galat", "'<noscript>': isi elemen ini tidak tampil di halaman situs, tetapi tercetak di PDF, "
         "sehingga PDF dan situs berbeda isi; tulis isinya sebagai teks bab biasa, atau hapus elemen ini"),
    # a share on the network: a click in the PDF on Windows sends the reader's login to it
    Case("html-alamat-file", chain(append(SITUS, "html_mentah: true\n"), replace(
             BAB1, LATAR, 'Lihat <a href="file://///192.0.2.1/berbagi/data.xlsx">data</a>.')),
         BAB1, 9, "galat", "alamat file: di atribut href menunjuk berkas di komputer pembaca atau di folder bersama "
         "jaringan (di PDF tautan seperti itu dapat diklik); tulis tautan https://… atau ke bab lain"),
    # a blank line inside a tag ends the HTML block: the page closed the tag with the next block's <blockquote>, its
    # style applied and never read by the check (found by this pass)
    Case("html-tag-terbuka", chain(append(SITUS, "html_mentah: true\n"), replace(
             BAB1, LATAR,
             'Latar belakang.\n\n<div\nstyle="position:fixed;inset:0;background:white"\n\n>Ditarik</div>')),
         BAB1, 11, "galat", "'<div style=\"position:fixed;inset:0;back…': tag HTML ini tidak ditutup dengan '>' "
         "sebelum baris kosong, sehingga peramban dan PDF menggabungkannya dengan isi sesudahnya (atributnya tidak "
         "diperiksa); tulis tag itu sampai '>' tanpa baris kosong di dalamnya"),
    # an image as a data: address: the policy's img-src 'self' broke it on the site, the PDF printed it unchecked
    Case("html-gambar-data", chain(append(SITUS, "html_mentah: true\n"), replace(
             BAB1, LATAR, '<p><img alt="Bagan" src="data:image/png;base64,' + "A" * 200 + '"></p>')),
         BAB1, 9, "galat", "alamat data: di atribut src diblokir di peramban (situs menampilkan gambar rusak), tetapi "
         "tercetak di PDF, dan isinya tidak diperiksa; simpan gambarnya sebagai berkas di folder laporan, lalu tulis "
         "![teks pengganti](gambar/nama.png)"),
    Case("html-komentar", chain(append(SITUS, "html_mentah: true\n"),
                                replace(BAB1, LATAR, "<!-- TODO: angka ini belum dicek -->")),
         BAB1, 9, "peringatan", "komentar HTML '<!--TODO: angka ini belum dicek-->' tidak tampil di halaman maupun "
         "PDF, tetapi ikut terbit di sumber halaman (terbaca siapa pun) dan paket arsip versi; hapus komentar ini"),
    Case("html-formulir", chain(append(SITUS, "html_mentah: true\n"),
                                replace(BAB1, LATAR, '<form action="https://contoh.test/"><input name="nik"></form>')),
         BAB1, 9, "peringatan", "formulir di dalam bab diblokir kebijakan keamanan halaman (Content-Security-Policy) "
         "sehingga tidak dapat mengirim isian ke alamat lain di peramban"),
    # a base on the site's own path: the policy's base-uri 'self' let it move every link of the page
    Case("html-base", chain(append(SITUS, "html_mentah: true\n"), replace(BAB1, LATAR, '<base href="/laporan/">')),
         BAB1, 9, "galat", "'<base href=\"/laporan/\">': elemen <base> mengubah alamat setiap tautan di halaman ini "
         "(daftar isi, 'Lewati ke isi', tautan antarbab) dan alamat yang ditulis relatif di PDF; kebijakan keamanan "
         "halaman hanya mencegah alamat situs lain; hapus elemen ini"),
    Case("html-jendela-baru", chain(append(SITUS, "html_mentah: true\n"),
                                    replace(BAB1, LATAR, 'Lihat <a href="https://contoh.test/" target="_blank">ini</a>.')),
         BAB1, 9, "peringatan", "tautan yang membuka jendela baru tanpa rel=\"noopener\" memberi halaman tujuannya "
         "kuasa mengalihkan halaman laporan ini ke alamat lain"),
    # the attribute in a paragraph, on the paragraph's second line (10)
    Case("html-atribut-on", chain(append(SITUS, "html_mentah: true\n"),
                                  replace(BAB1, LATAR, 'Latar belakang\n<b onclick="x()">penting</b>.')),
         BAB1, 10, "peringatan", "'<b onclick=\"x()\">': atribut onclick (skrip) diblokir kebijakan keamanan "
         "halaman (Content-Security-Policy) sehingga tidak berjalan di peramban, tetapi tetap ikut tersimpan di PDF "
         "dan paket arsip versi; hapus atribut ini"),
    # a javascript: URL, its scheme broken by a tab reference as a browser reads past it
    Case("html-javascript", chain(append(SITUS, "html_mentah: true\n"),
                                  replace(BAB1, LATAR, 'Lihat <a href="java&#x09;script:alert(1)">di sini</a>.')),
         BAB1, 9, "peringatan", "alamat javascript: di atribut href diblokir kebijakan keamanan halaman "
         "(Content-Security-Policy) sehingga tidak berjalan di peramban, tetapi tetap ikut tersimpan di PDF dan "
         "paket arsip versi; tulis tautan ke halaman, mis. [BAB III](30-bab-3.md)"),
    # BAB I's second heading (line 11) two levels below the first ('##', line 7): a level skipped
    Case("judul-melompat", replace(BAB1, "## Tugas Pokok dan Fungsi\n", "#### Tugas Pokok dan Fungsi\n"), BAB1, 11,
         "peringatan", "judul '####' melompati tingkat sesudah judul '##' di baris 7; tulis '###'"),
    # BAB II's file deleted from the annual scaffold: said at laporan.yaml line 1 (no line is at fault)
    Case("susunan-laporan", lambda root: (root / R / "20-bab-2-perencanaan-kinerja.md").unlink(), LAPORAN, 1,
         "peringatan", "laporan tahunan ini tidak memuat BAB II Perencanaan Kinerja; sistematika LKjIP "
         "(PermenPANRB 53/2014) mewajibkan", "susunan-laporan"),
    # the 2024 report of the same instansi types IKU1's 2023 realisasi as 81 (line 9), the 2023 report has 82,5
    Case("beda-laporan-lalu", chain(lambda root: new_report(root, "contoh-2024", tahun=2024) and None,
                                    replace(f"{REPORTS}/contoh-2024/data/indikator.yaml", "    realisasi:\n",
                                            "    realisasi:\n      2023: 81\n")),
         f"{REPORTS}/contoh-2024/data/indikator.yaml", 9, "peringatan", "IKU1: realisasi 2023 tertulis 81, "
         "sedangkan laporan 2023 instansi ini ('contoh-2023') mencatat 82,5", "beda-laporan-lalu"),
    # … and IKU1's 2023 target as 90 (line 7), the 2023 report has 80: its 2023 capaian, said nowhere else
    Case("beda-laporan-lalu-target", chain(lambda root: new_report(root, "contoh-2024", tahun=2024) and None,
                                           replace(f"{REPORTS}/contoh-2024/data/indikator.yaml", "    target:\n",
                                                   "    target:\n      2023: 90\n")),
         f"{REPORTS}/contoh-2024/data/indikator.yaml", 7, "peringatan", "IKU1: target 2023 tertulis 90, "
         "sedangkan laporan 2023 instansi ini ('contoh-2023') mencatat 80; samakan angkanya", "beda-laporan-lalu"),
    # … and, IKU1 a predikat in both reports (kualitatif: [C, B, A]), its 2023 target 'A' (line 8), the 2023 report
    # has 'B': a grade retyped otherwise was not compared
    Case("beda-laporan-lalu-predikat",
         chain(lambda root: new_report(root, "contoh-2024", tahun=2024) and None,
               *(step for rel, year in ((INDIKATOR, 2023), (f"{REPORTS}/contoh-2024/data/indikator.yaml", 2024))
                 for step in (replace(rel, "    satuan: indeks\n", "    satuan: predikat\n    kualitatif: [C, B, A]\n"),
                              replace(rel, f"      {year}: 80\n", f"      {year}: B\n"),
                              replace(rel, f"      {year}: 82.5\n", f"      {year}: B\n"))),
               replace(f"{REPORTS}/contoh-2024/data/indikator.yaml", "    target:\n", "    target:\n      2023: A\n")),
         f"{REPORTS}/contoh-2024/data/indikator.yaml", 8, "peringatan", "IKU1: target 2023 tertulis 'A', sedangkan "
         "laporan 2023 instansi ini ('contoh-2023') mencatat 'B'; samakan nilainya", "beda-laporan-lalu"),
    # the annual 2023 report's TW III target 85 (line 7), its TW I report's 80 under the same PK: a quarter's target
    # still to come when TW I was published was not compared
    Case("beda-laporan-triwulan-rencana-aksi",
         chain(lambda root: new_report(root, "contoh-2023-tw1", tahun=2023, periode="tw1") and None,
               replace(f"{REPORTS}/contoh-2023-tw1/data/indikator.yaml", "      2023: 80\n",
                       "      2023: {tahunan: 80, tw1: 80, tw2: 80, tw3: 80, tw4: 80}\n"),
               replace(INDIKATOR, "      2023: 80\n",
                       "      2023: {tahunan: 80, tw1: 80, tw2: 80, tw3: 85, tw4: 80}\n")),
         INDIKATOR, 7, "peringatan", "IKU1: target TW III 2023 tertulis 85, sedangkan laporan Triwulan I 2023 instansi "
         "ini ('contoh-2023-tw1') mencatat 80, dengan Perjanjian Kinerja yang sama; target triwulan (rencana aksi) "
         "hanya berubah dengan PK Perubahan", "beda-laporan-triwulan"),
    # a signature typed under the foreword (line 9 after a blank line 8) beside the one lkjip writes
    Case("ttd-diketik", append(f"{R}/00-kata-pengantar.md", "\nNIP. 19700101 199003 1 001\n"),
         f"{R}/00-kata-pengantar.md", 9, "peringatan", "'NIP. 19700101 199003 1 001' tampak seperti tanda tangan "
         "yang diketik; lkjip sudah menulis", "ttd-diketik"),
    # renstra.yaml line 1: the scaffold's period (2021–2026, the 2023 report's) ended before the report year
    Case("tahun-renstra", replace(RENSTRA, "periode: {awal: 2021, akhir: 2026}", "periode: {awal: 2016, akhir: 2021}"),
         RENSTRA, 1, "peringatan", "periode Renstra 2016–2021 tidak mencakup tahun laporan 2023", "tahun-renstra"),
    # ikm.yaml: U9 written as U1 (lines 3..11 are the nine); reported at "unsur:" (line 2)
    Case("ikm-unsur", write(IKM, "tahun: 2023\nunsur:\n" + NINE.replace("U9,", "U1,")), IKM, 2, "galat",
         "IKM harus memuat tepat sembilan unsur U1–U9", "ikm-unsur"),
    # ikm.yaml: U4 (line 6) with an NRR of 4,0001, said as written (rounded, "4,00" looked within the range), by the
    # schema with the file's other problems (found after them, an unsur at 0 hid it)
    Case("ikm-nilai-batas",
         write(IKM, "tahun: 2023\nunsur:\n" + NINE.replace("Unsur 4, nilai: 3.2", "Unsur 4, nilai: 4.0001")),
         IKM, 6, "galat", "unsur[4].nilai: tidak boleh lebih dari 4, tertulis 4.0001"),
    # bab 3 line 9: another instansi's name left in the narrative
    Case("nama-instansi", replace(BAB3, "Indikator {nilai}`IKU1.nama` mencapai",
                                  "Kecamatan Sukamaju melaporkan indikator {nilai}`IKU1.nama` mencapai"),
         BAB3, 9, "peringatan", "Kecamatan Sukamaju", "nama-instansi"),
    # bab 3 line 18: a percentage typed instead of referenced
    Case("angka-diketik", replace(BAB3, "({nilai}`anggaran.serapan`).", "({nilai}`anggaran.serapan`), naik 12,34 %."),
         BAB3, 18, "peringatan", "12,34 %", "angka-diketik"),
    # bab 3 line 18: the average capaian typed truncated (103,125 % is 103,13 % at two decimals)
    Case("angka-diketik-rata-rata",
         replace(BAB3, "({nilai}`anggaran.serapan`).",
                 "({nilai}`anggaran.serapan`). Rata-rata capaian kinerja 103,12 %."),
         BAB3, 18, "peringatan", "rata-rata capaian 103,12 % diketik, padahal rata-rata capaian kinerja laporan ini "
         "103,13 %; angka ketikan tidak ikut berubah bila datanya diubah. Tulis rujukan {nilai}`capaian.rata_rata`",
         "angka-diketik"),
    # bab 3 line 18: a sasaran's capaian typed without "%" (S1's is 103,13 %)
    Case("angka-diketik-tanpa-persen",
         replace(BAB3, "({nilai}`anggaran.serapan`).",
                 "({nilai}`anggaran.serapan`). Capaian kinerja sasaran 1 sebesar 12,34."),
         BAB3, 18, "peringatan", "capaian 12,34 diketik untuk sasaran S1, padahal capaiannya 103,13 %; angka "
         "ketikan tidak ikut berubah bila datanya diubah. Tulis rujukan {nilai}`capaian.S1`", "angka-diketik"),
    # bab 3 line 18: a sasaran's capaian typed as the serapan's 95 % (S1's is 103,13 %), which any value passed
    Case("angka-diketik-sasaran",
         replace(BAB3, "({nilai}`anggaran.serapan`).",
                 "({nilai}`anggaran.serapan`). Capaian sasaran S1 sebesar 95 %."),
         BAB3, 18, "peringatan", "capaian 95 % diketik untuk sasaran S1, padahal capaiannya 103,13 %; angka ketikan "
         "tidak ikut berubah bila datanya diubah. Tulis rujukan {nilai}`capaian.S1`", "angka-diketik"),
    # bab 3 line 20: a sasaran's figure after a label, without its kind (S1's capaian is 103,13 %), which a range
    # from 1 to 102,5 % passed
    Case("angka-diketik-label",
         replace(BAB3, "({nilai}`anggaran.serapan`).",
                 "({nilai}`anggaran.serapan`).\n\n- Sasaran 1 — 102,5 %"),
         BAB3, 20, "peringatan", "persentase 102,5 % diketik untuk sasaran S1, padahal tidak sama dengan angka "
         "sasaran S1 mana pun menurut hitungan laporan ini; yang terdekat capaian 103,13 %; angka ketikan tidak "
         "ikut berubah bila datanya diubah. Tulis rujukan {nilai}`capaian.S1`, atau rujukan lain yang dimaksud",
         "angka-diketik"),
    # bab 3 line 18: the whole budget's serapan typed as 100 % (95 %), a round figure that passed
    Case("angka-diketik-serapan",
         replace(BAB3, "({nilai}`anggaran.serapan`).",
                 "({nilai}`anggaran.serapan`). Serapan anggaran keseluruhan 100 %."),
         BAB3, 18, "peringatan", "serapan 100 % diketik untuk seluruh anggaran, padahal serapannya 95,00 %; angka "
         "ketikan tidak ikut berubah bila datanya diubah. Tulis rujukan {nilai}`anggaran.serapan`", "angka-diketik"),
    # bab 3 line 18: the total pagu typed as the realisasi's amount (pagu 100.000.000, realisasi 95.000.000)
    Case("angka-diketik-pagu",
         replace(BAB3, "({nilai}`anggaran.serapan`).",
                 "({nilai}`anggaran.serapan`). Total pagu anggaran sebesar Rp 95 juta."),
         BAB3, 18, "peringatan", "jumlah Rp 95 juta diketik sebagai pagu seluruh anggaran, padahal menurut hitungan "
         "laporan ini pagunya Rp 100.000.000 (Rp 100 juta); angka ketikan tidak ikut berubah bila datanya diubah. "
         "Tulis rujukan {nilai}`anggaran.pagu`", "angka-diketik"),
    # bab 3 line 18: "turun" typed for a change in rupiah whose typed amounts rise
    Case("arah-diketik-rupiah",
         replace(BAB3, "({nilai}`anggaran.serapan`).",
                 "({nilai}`anggaran.serapan`). Realisasi anggaran turun dari Rp 90 juta menjadi Rp 95 juta."),
         BAB3, 18, "peringatan", "'turun' diketik untuk perubahan 'turun dari Rp 90 juta menjadi Rp 95 juta', padahal "
         "angka yang diketik itu naik; tulis kata yang sesuai, atau bila angkanya yang keliru, perbaikilah. Lebih "
         "aman: rujukan {nilai}`anggaran.pagu`, {nilai}`anggaran.realisasi`", "arah-diketik"),
    # bab 3 line 18: an amount typed with commas between its thousands (the pagu, right in value)
    Case("format-angka",
         replace(BAB3, "({nilai}`anggaran.serapan`).", "({nilai}`anggaran.serapan`), pagu Rp 100,000,000."),
         BAB3, 18, "peringatan", "angka 'Rp 100,000,000' memakai koma pemisah ribuan (format angka Excel berbahasa "
         "Inggris); tulis Rp 100.000.000, atau lebih baik rujukan {nilai} bila angka ini dihitung lkjip",
         "format-angka"),
    # bab 3 line 9: a predikat typed for the capaian referenced before it (103,13 % is Sangat Tinggi)
    Case("predikat-diketik", replace(BAB3, "dengan predikat {nilai}`IKU1.predikat`.", "dengan predikat Tinggi."),
         BAB3, 9, "peringatan", "predikat 'Tinggi' diketik untuk {nilai}`IKU1.capaian` (103,13 %), padahal menurut "
         "Permendagri 86/2017 (lima tingkat) predikatnya 'Sangat Tinggi'", "predikat-diketik"),
    # bab 3 lines 32-34 appended: a capaian table pasted from a Word report (its header at line 32)
    Case("tabel-diketik", append(BAB3, "\n| Indikator | Capaian |\n|---|---|\n| Indeks Kepuasan Masyarakat | 103,13 % |\n"),
         BAB3, 32, "peringatan", "tabel ini diketik, padahal isinya angka yang dihitung lkjip dari data; tabel ketikan "
         "tidak bernomor, tidak masuk Daftar Tabel, dan angkanya tidak ikut berubah bila data diubah. Ganti dengan blok "
         "```{tabel} capaian``` (isinya: 'id: <penanda tabel>', 'judul: <judul tabel>', 'indikator: [IKU1]')",
         "tabel-diketik"),
    # bab 3 lines 32-36 appended: a population table pasted from a Word report, its typed Jumlah (line 36) 100 over
    # the sum of the desa above it
    Case("jumlah-tabel", append(BAB3, "\n| Desa | Penduduk |\n|---|---:|\n| Sungai Sipai | 1.250 |\n| Tambela | 980 |\n"
                                      "| **Jumlah** | 2.330 |\n"),
         BAB3, 36, "peringatan", "tabel ketikan ini menulis Jumlah 2.330 di kolom 'Penduduk', padahal jumlah 2 baris di "
         "atasnya 2.230 (selisih 100); jumlah ketikan tidak dihitung ulang bila angka barisnya diubah. Perbaiki "
         "angkanya, atau isikan angka tabel ini sebagai dataset CSV di folder data/ dan ganti tabel ketikan ini dengan "
         "blok ```{tabel} dataset```, yang menghitung baris Jumlah-nya", "jumlah-tabel"),
    # bab 3 lines 32-36 appended: a population table whose Jumlah column (line 34) is not Laki-laki + Perempuan
    Case("jumlah-tabel-kolom", append(BAB3, "\n| Desa | Laki-laki | Perempuan | Jumlah |\n|---|---:|---:|---:|\n"
                                            "| Sungai Sipai | 1.250 | 1.210 | 2.470 |\n| Tambela | 980 | 1.020 | 2.000 |\n"
                                            "| Jawa | 870 | 900 | 1.770 |\n"),
         BAB3, 34, "peringatan", "tabel ketikan ini menulis Jumlah 2.470 di baris 'Sungai Sipai', padahal jumlah kolom "
         "'Laki-laki' dan 'Perempuan' di baris itu 2.460 (selisih 10); angka ketikan tidak dihitung ulang bila angka "
         "kolom lainnya diubah. Perbaiki angkanya, atau isikan angka tabel ini sebagai dataset CSV di folder data/ dan "
         "ganti tabel ketikan ini dengan blok ```{tabel} dataset```, yang menghitung kolom Jumlah-nya", "jumlah-tabel"),
    # bab 3 line 9: a count of indicators typed (the one indicator reached its target)
    Case("jumlah-diketik", replace(BAB3, "dengan predikat {nilai}`IKU1.predikat`.",
                                   "dengan predikat {nilai}`IKU1.predikat`. Sebanyak 0 dari 1 indikator mencapai target."),
         BAB3, 9, "peringatan", "'0 dari 1 indikator … mencapai target' diketik langsung, padahal menurut hitungan "
         "laporan ini 1 dari 1", "jumlah-diketik"),
    # bab 3 line 18: a count of the budget's programs typed (the scaffold's budget holds one program)
    Case("jumlah-diketik-program", replace(BAB3, "({nilai}`anggaran.serapan`).",
                                           "({nilai}`anggaran.serapan`) untuk melaksanakan 2 program."),
         BAB3, 18, "peringatan", "'2 program' diketik langsung, padahal menurut data/anggaran.yaml anggaran laporan "
         "ini memuat 1 program (juga bukan jumlah program satu sasaran); jumlah ketikan tidak ikut berubah bila "
         "datanya diubah. Tulis rujukan {nilai}`anggaran.jumlah_program`", "jumlah-diketik"),
    # bab 3 line 9: a count typed in digits and again in words, the two different
    Case("terbilang-beda", replace(BAB3, "dengan predikat {nilai}`IKU1.predikat`.",
                                   "dengan predikat {nilai}`IKU1.predikat`. Sasarannya 1 (dua)."),
         BAB3, 9, "peringatan", "'1 (dua)' diketik: angkanya 1, tetapi kata dalam kurung 'dua' berarti 2; samakan "
         "keduanya", "terbilang-beda"),
    # bab 3 line 9: a count of indicators typed in words (the one indicator reached its target)
    Case("jumlah-diketik-kata", replace(BAB3, "dengan predikat {nilai}`IKU1.predikat`.",
                                        "dengan predikat {nilai}`IKU1.predikat`. Sebanyak nol dari satu indikator "
                                        "mencapai target."),
         BAB3, 9, "peringatan", "'nol dari satu indikator … mencapai target' diketik langsung, padahal menurut "
         "hitungan laporan ini 1 dari 1", "jumlah-diketik"),
    # bab 3 line 20: a table named by a number the report does not have (its tables are Tabel 3.1 and 3.2)
    Case("nomor-tabel-diketik", replace(BAB3, "tersaji pada {ref}`tabel-anggaran`.", "tersaji pada Tabel 3.5."),
         BAB3, 20, "peringatan", "'Tabel 3.5' diketik, padahal laporan ini tidak memiliki Tabel 3.5 (yang ada: Tabel 3.1 "
         "sampai Tabel 3.2)"),
    # bab 3 line 32 appended: a pasted table's caption typed with the number of a computed table (a second "Tabel 3.1")
    Case("nomor-tabel-judul", append(BAB3, "\nTabel 3.1 Jumlah Penduduk\n\n| Desa | Penduduk |\n|---|---|\n| A | 10 |\n"),
         BAB3, 32, "peringatan", "'Tabel 3.1' diketik sebagai judul tabel ketikan di bawahnya, padahal Tabel 3.1 "
         "laporan ini adalah tabel lain ("),
    # bab 3 line 20: the chart named by another word than the site's ("Gambar", situs.yaml's label_gambar)
    Case("nomor-gambar-diketik", replace(BAB3, "tersaji pada {ref}`tabel-anggaran`.", "tersaji pada Grafik 3.1."),
         BAB3, 20, "peringatan", "'Grafik 3.1' diketik, padahal laporan ini menamainya 'Gambar 3.1' (Pagu dan "
         "realisasi anggaran per program); rujuk dengan {ref}`grafik-anggaran`"),
    # anggaran.yaml line 10: the sub kegiatan code
    Case("kode-format", replace(ANGGARAN, "- kode: 7.01.02.2.01.0001", "- kode: 7.01.02.2.01.00001"), ANGGARAN, 10,
         "galat", "kode sub kegiatan '7.01.02.2.01.00001' tidak sesuai format", "kode-format"),
    Case("kode-induk", replace(ANGGARAN, "- kode: 7.01.02.2.01.0001", "- kode: 7.01.03.2.01.0001"), ANGGARAN, 10,
         "galat", "tidak diawali kode induknya '7.01.02.2.01'", "kode-induk"),
    # anggaran.yaml: a sub kegiatan row copied with its code (the copy's code on line 14, the first on line 10)
    Case("kode-ganda", replace(ANGGARAN, "            realisasi: 95000000\n",
                               "            realisasi: 95000000\n          - kode: 7.01.02.2.01.0001\n"
                               "            nama: Salinan\n            pagu: 5000\n            realisasi: 0\n"),
         ANGGARAN, 14, "galat", "kode sub kegiatan '7.01.02.2.01.0001' sudah dipakai di baris 10", "kode-ganda"),
    # indikator.yaml line 9: an annual report's realisasi for three quarters only
    Case("triwulan-kurang", replace(INDIKATOR, "2023: 82.5", "2023: {tw1: 80, tw2: 81, tw3: 82}"), INDIKATOR, 9,
         "galat", "realisasi 2023 hanya diisi tw1, tw2, tw3", "triwulan-kurang"),
    # a TW II report (laporan.yaml line 3) whose realisasi (indikator.yaml line 9) has TW II without TW I
    Case("triwulan-kurang-tw",
         chain(replace(LAPORAN, "periode: tahunan", "periode: tw2"), replace(INDIKATOR, "2023: 82.5", "2023: {tw2: 82}")),
         INDIKATOR, 9, "galat", "realisasi 2023 hanya diisi tw2, tanpa tw1; laporan s.d. TW II memerlukan setiap "
         "triwulan sampai TW II. Tambahkan tw1, atau tulis tw1: {tidak_ada: alasan}", "triwulan-kurang"),
    # a TW III report (laporan.yaml line 3) whose target (indikator.yaml line 7) stops at TW II: the level's target
    # s.d. TW III is TW III's, not TW II's (its capaian N/A); the realisasi (line 9) written for every quarter
    Case("triwulan-kurang-target",
         chain(replace(LAPORAN, "periode: tahunan", "periode: tw3"),
               replace(INDIKATOR, "2023: 80", "2023: {tahunan: 80, tw1: 70, tw2: 75}"),
               replace(INDIKATOR, "2023: 82.5", "2023: {tw1: 70, tw2: 75, tw3: 78}")),
         INDIKATOR, 7, "galat", "IKU1: target triwulan 2023 hanya diisi tw1: 70, tw2: 75, tanpa tw3; capaian s.d. "
         "TW III membandingkan realisasi dengan target TW III, jadi capaiannya tampil N/A. Tambahkan tw3: ... "
         "(tingkat yang ingin dicapai di akhir triwulan itu)", "triwulan-kurang"),
    Case("kode-lama", replace(ANGGARAN, "- kode: 7.01.02.2.01.0001", "- kode: 7.01.02.2.01.01"), ANGGARAN, 10,
         "peringatan", "memakai format lama 2 digit", "kode-lama"),

    # ------------------------------------------------------------------ numbers typed the Indonesian way
    # indikator.yaml line 10: in braces the comma splits 68,85 into 68 and a key 85
    Case("angka-koma-kurung", append(INDIKATOR, "    kondisi_awal: {tahun: 2021, nilai: 68,85}\n"), INDIKATOR, 10,
         "galat", "'68,85' memakai koma desimal; tulis 68.85 (di dalam { } koma memisahkan butir"),
    Case("angka-koma", replace(INDIKATOR, "2023: 82.5", "2023: 82,5"), INDIKATOR, 9, "galat",
         "'82,5' memakai koma desimal; tulis 82.5"),
    Case("angka-persen-desimal", replace(INDIKATOR, "2023: 82.5", "2023: 82.5%"), INDIKATOR, 9, "galat",
         "'82.5%' memakai tanda %; tulis 82.5"),
    Case("angka-persen", replace(INDIKATOR, "      2023: 80\n", "      2023: 80%\n"), INDIKATOR, 7, "galat",
         "'80%' memakai tanda %; tulis 80"),
    Case("angka-ribuan", replace(INDIKATOR, "2023: 82.5", "2023: 1.234.567"), INDIKATOR, 9, "galat",
         "'1.234.567' memakai pemisah ribuan; tulis 1234567"),
    Case("angka-kutip", replace(INDIKATOR, "2023: 82.5", '2023: "82.5"'), INDIKATOR, 9, "galat",
         "tulis 82.5 tanpa tanda kutip"),
    Case("angka-rupiah", replace(ANGGARAN, "pagu: 100000000", "pagu: Rp 100.000.000"), ANGGARAN, 12, "galat",
         "'Rp 100.000.000' memakai awalan Rp dan pemisah ribuan; tulis 100000000"),

    # ------------------------------------------------------------------ unknown names: the nearest known ones
    Case("kunci-mirip", append(SITUS, "judull: Portal\n"), SITUS, 10, "peringatan",
         "kunci 'judull' tidak dikenal; mungkin maksudnya 'judul'"),
    Case("pilihan-mirip", replace(LAPORAN, "periode: tahunan", "periode: tahunann"), LAPORAN, 3, "galat",
         "nilai 'tahunann' tidak dikenal; mungkin maksudnya 'tahunan'"),
    Case("indikator-mirip", replace(RENSTRA, "indikator: [IKU1]", "indikator: [IKU_1]"), RENSTRA, 11, "galat",
         "sasaran S1 menyebut indikator 'IKU_1' yang tidak ada di data/indikator.yaml; mungkin maksudnya 'IKU1' "
         "(yang ada: IKU1)"),
    Case("sasaran-mirip", replace(PK, "sasaran: [S1]", "sasaran: [S1, S_1]"), PK, 3, "galat",
         "PK menyebut sasaran 'S_1' yang tidak ada di data/renstra.yaml; mungkin maksudnya 'S1'"),
    Case("program-mirip", replace(PK, "program: [7.01.02]", "program: [7.01.2]"), PK, 4, "galat",
         "PK menyebut program '7.01.2' yang tidak ada di data/anggaran.yaml; mungkin maksudnya '7.01.02'"),
    Case("nilai-atribut-mirip", replace(BAB3, "{nilai}`IKU1.capaian`", "{nilai}`IKU1.capain`"), BAB3, 9, "galat",
         "atribut 'capain' tidak ada untuk indikator; mungkin maksudnya 'capaian'"),
    Case("nilai-id-mirip", replace(BAB3, "{nilai}`IKU1.capaian`", "{nilai}`IKU_1.capaian`"), BAB3, 9, "galat",
         "'IKU_1' bukan id indikator; mungkin maksudnya 'IKU1'; id indikator ditulis di data/indikator.yaml"),
    # 'indikator', 'sasaran' and 'pk' paths were missing from the hint and from what a misspelt head is matched to
    Case("nilai-awalan-mirip", replace(BAB3, "{nilai}`IKU1.capaian`", "{nilai}`indikatr.jumlah`"), BAB3, 9, "galat",
         "'indikatr' bukan id indikator; mungkin maksudnya 'indikator'; id indikator ditulis di data/indikator.yaml "
         "(yang ada: IKU1); awalan lain: anggaran, capaian, ikm, predikat, laporan, indikator, sasaran, pk, data, "
         "efisiensi"),
    # a dataset's number (data.<dataset>.<kolom>.<baris|jumlah>) under a column the data file does not have
    Case("nilai-data-kolom", chain(write(f"{R}/data/penduduk.csv", "desa,jumlah\nA,1\n"),
                                   replace(BAB3, "{nilai}`IKU1.capaian`", "{nilai}`data.penduduk.jumlh.1`")),
         BAB3, 9, "galat", "Referensi nilai 'data.penduduk.jumlh.1' tidak dikenal: kolom 'jumlh' tidak ada pada data "
         "'penduduk' (kolom: jumlah; beberapa kolom dijumlahkan ditulis dengan +)"),
    Case("ref-mirip", replace(BAB3, "{ref}`tabel-anggaran`", "{ref}`tabel-anggarn`"), BAB3, 20, "galat",
         "rujukan 'tabel-anggarn' tidak ditemukan: tidak ada tabel atau gambar dengan id itu di laporan ini; "
         "mungkin maksudnya 'tabel-anggaran' (id ditulis pada opsi 'id:'"),
    # bab 3 line 14: an option of the capaian table naming a sasaran
    Case("opsi-sasaran-mirip", replace(BAB3, "judul: Capaian indikator kinerja sasaran strategis\n",
                                       "judul: Capaian indikator kinerja sasaran strategis\nsasaran: [S_1]\n"),
         BAB3, 14, "galat", "sasaran 'S_1' tidak ada di data/renstra.yaml; mungkin maksudnya 'S1'"),
    # bab 3 line 14: a misspelt option after "judul:" (line 13)
    Case("opsi-mirip", replace(BAB3, "judul: Capaian indikator kinerja sasaran strategis\n",
                               "judul: Capaian indikator kinerja sasaran strategis\njudull: x\n"), BAB3, 14,
         "peringatan", "opsi tabel 'judull' tidak dikenal dan diabaikan; mungkin maksudnya 'judul'"),
    # bab 3 line 23: the anggaran block becomes a dataset table naming a CSV that is spelt differently
    Case("dataset-mirip", chain(write(f"{R}/data/penduduk.csv", "desa,jumlah\nA,1\n"),
                                replace(BAB3, "```{tabel} anggaran\n", "```{tabel} dataset\ndataset: pendudukk\n")),
         BAB3, 23, "galat", "dataset 'pendudukk' tidak ada di folder data; mungkin maksudnya 'penduduk'"),
    # bab 3 line 24: the anggaran table's depth, misspelt
    Case("tingkat-mirip", replace(BAB3, "id: tabel-anggaran\n", "id: tabel-anggaran\ntingkat: kegiatann\n"), BAB3, 24,
         "galat", "tingkat 'kegiatann' tidak dikenal; mungkin maksudnya 'kegiatan'"),
    Case("jenis-tabel-mirip", replace(BAB3, "```{tabel} capaian\n", "```{tabel} capain\n"), BAB3, 11, "galat",
         "jenis tabel 'capain' tidak dikenal; mungkin maksudnya 'capaian'"),
    Case("berkas-data-mirip", write(f"{R}/data/indikator.yml", "indikator: []\n"), f"{R}/data/indikator.yml", 1,
         "peringatan", "berkas data 'indikator.yml' tidak dikenal dan diabaikan; mungkin maksudnya 'indikator.yaml'"),
    Case("tema-mirip", append(SITUS, "tema: defaul\n"), SITUS, 10, "galat",
         "tema 'defaul' tidak ditemukan; mungkin maksudnya 'default'"),

    # ------------------------------------------------------------------ YAML opened and never closed
    # indikator.yaml line 7 opens a { that is never closed: reported there, not past the end of the file
    Case("kurung-tak-ditutup", replace(INDIKATOR, "      2023: 80\n", "      2023: {tahunan: 80\n"), INDIKATOR, 7,
         "galat", "pemetaan { ... } tidak ditutup"),
    # laporan.yaml line 17 opens a quote that the rest of the file never closes
    Case("kutip-tak-ditutup", replace(LAPORAN, "tempat: Kota Contoh", "tempat: 'Kota Contoh"), LAPORAN, 17,
         "galat", "teks dalam tanda kutip tidak ditutup"),
]

#: Catalogue codes no content file can produce: the schema or an earlier check rejects the input first. Each still
#: guards the model when it is built in code (tests/test_check.py covers them there).
UNREACHABLE = {
    "tingkat-anggaran": "the loader assigns levels by nesting (program > kegiatan > sub_kegiatan)",
    "pagu-kosong": "the schema requires pagu on every sub kegiatan",
    "nilai-induk": "the schema has no pagu/realisasi keys on programs and kegiatan (an unknown key instead)",
    "indikator-tidak-ada": "load/references.py reports the dangling id first, at its own line",
    "efisiensi-metode": "the schema restricts efisiensi to the known methods",
    "ikm-nilai": "the schema bounds an unsur's NRR to 1–4",
}


def _catalogue() -> set[str]:
    """The codes of the table in compute/check.py's docstring."""
    doc = check_module.__doc__ or ""
    rows = re.findall(r"^([a-z0-9\-]+(?:, [a-z0-9\-]+)*)\s{2,}(?:warning|error)\s", doc, re.M)
    return {code for row in rows for code in row.split(", ")}


def test_every_finding_code_is_audited() -> None:
    catalogue = _catalogue()
    assert len(catalogue) >= 35
    covered = {c.kode for c in CASES if c.kode}
    assert covered <= catalogue, covered - catalogue
    assert catalogue - covered == set(UNREACHABLE), catalogue - covered - set(UNREACHABLE)


def test_case_ids_are_distinct() -> None:
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_message_names_the_line_at_fault(fresh_project_charted: Path, case: Case,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    case.apply(fresh_project_charted)
    code = main(["check", "--situs", str(fresh_project_charted)])
    out, err = capsys.readouterr()
    lines = (out + err).splitlines()
    assert "Traceback" not in out + err
    prefix = f"{case.file}:{case.line}: {case.severity}: "
    hits = [line for line in lines if line.startswith(prefix) and case.says in line]
    assert hits, f"tidak ada '{prefix}…{case.says}…' di:\n" + "\n".join(lines)
    assert code == (1 if case.severity == "galat" else 0)


#: Warnings that ``check --strict`` must fail on (what terbitkan refuses, what a site theme or raw HTML loses).
STRICT = ("gambar-tak-dipakai", "folder-sendiri", "berkas-draf", "tema-berkas-luar", "tema-folder-luar", "html-skrip",
          "html-bingkai", "html-atribut-on", "html-javascript", "html-komentar", "tema-catatan-bernomor",
          "tema-css-lama")


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES if c.id in STRICT])
def test_strict_check_fails_on_the_warning(fresh_project_charted: Path, case: Case,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """With the scaffold's sample values written over after the case's edit, ``check --strict`` fails on the case's
    warning alone, named as an error at the file at fault."""
    capsys.readouterr()
    case.apply(fresh_project_charted)
    fill_in(fresh_project_charted / R)
    code = main(["check", "--strict", "--situs", str(fresh_project_charted)])
    out, err = capsys.readouterr()
    errors = [line for line in (out + err).splitlines() if ": galat: " in line]
    assert code == 1 and len(errors) == 1, out + err
    assert errors[0].startswith(f"{case.file}:{case.line}: galat: ") and case.says in errors[0], out + err


def test_a_copy_of_site_css_missing_a_shipped_rule_is_named_with_the_rule(tmp_path: Path) -> None:
    """A site.css copied from an older lkjip lacks the rules a later one added for the pages it writes: compared with
    the shipped file's selectors (not one version's mark), so every later version's stale copies are named too."""
    shipped = (resources.PACKAGE_THEMES / "default" / "static" / "css" / "site.css").read_text("utf-8")
    rules = css_selectors(shipped)
    assert ".ttd" in rules and ".menu-situs" in rules and not any(r.startswith("@") for r in rules)
    copy = tmp_path / "themes" / "default" / "static" / "css" / "site.css"
    copy.parent.mkdir(parents=True)
    copy.write_text(shipped.replace(".ttd { margin:", "/* dibuang */ .x-lain { margin:"), encoding="utf-8")
    diags = Diagnostics()
    check_site_theme(tmp_path, "default", diags)
    (said,) = [d.format() for d in diags.items]
    assert said.startswith("themes/default/static/css/site.css:1: peringatan: ") and "1 aturan" in said
    assert "(mis. '.ttd')" in said and "static/css/tema.css" in said



@pytest.mark.parametrize("cut, lost", [
    ("{ page: lanskap; }\n\n/* Site wrappers", "bab yang dibuka tabel lebar"),
    (".grafik-lanjutan { break-before: page; }", "potongan grafik panjang tidak mulai di halaman sendiri"),
    ("figure.grafik-terpotong .grafik-svg svg { max-height: 235mm; }", "potongan grafik diperkecil ke 185 mm"),
])
def test_a_copy_of_print_pdf_css_without_a_print_rule_is_named_with_what_the_pdf_loses(
        tmp_path: Path, cut: str, lost: str) -> None:
    """A print-pdf.css copied for a letterhead before 0.2.13 kept the print rules of its version: the shipped file
    less one of the rules since is named at its first line with what that rule does, and only that one."""
    shipped = (resources.PACKAGE_THEMES / "default" / "static" / "print-pdf.css").read_text("utf-8")
    assert cut in shipped
    copy = tmp_path / "themes" / "kabku" / "static" / "print-pdf.css"
    copy.parent.mkdir(parents=True)
    copy.write_text(shipped.replace(cut, "{ color: black; }\n\n/* Site wrappers" if "lanskap" in cut else ""),
                    encoding="utf-8")
    diags = Diagnostics()
    check_site_theme(tmp_path, "kabku", diags)
    (said,) = [d.format() for d in diags.items]
    assert said.startswith("themes/kabku/static/print-pdf.css:1: peringatan: ") and "tidak memuat 1 aturan" in said
    assert lost in said and "Salin ulang static/print-pdf.css" in said


def test_the_shipped_themes_page_templates_pass_the_site_theme_check(tmp_path: Path) -> None:
    """A site that copies the shipped templates to change one line gets no warning for what it did not write: the
    charts' JSON data blocks (``<script type="application/json">``, never run) were read as inline scripts."""
    from_package = resources.PACKAGE_THEMES / "default"
    site_theme = tmp_path / "themes" / "default"
    shutil.copytree(from_package, site_theme)
    diags = Diagnostics()
    check_site_theme(tmp_path, "default", diags)
    assert [d.format() for d in diags.items] == []


def test_sample_head_and_chapters_are_told_from_an_authors_own(fresh_project_charted: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """The scaffold's pangkat is a real one (many a camat is Pembina (IV/a)): once the NIP beside it is the author's,
    it is not sample text; nor are the sample indicator and sub kegiatan once one of their numbers is. A foreword
    the author wrote on, or wrote in other words, is the author's; the scaffold's two sentences wrapped again,
    spaced otherwise, are still the sample."""
    meta = fresh_project_charted / LAPORAN
    meta.write_text(meta.read_text(encoding="utf-8").replace('"197001011990031001"', '"19690515 199003 1 002"'),
                    encoding="utf-8")
    foreword = fresh_project_charted / KATA_PENGANTAR
    head, _, body = foreword.read_text(encoding="utf-8").rpartition("---\n")
    foreword.write_text(head + "---\n\n" + "  ".join(body.split()).replace(". ", ".\n") + "\n", encoding="utf-8")
    ikhtisar = fresh_project_charted / IKHTISAR
    ikhtisar.write_text(ikhtisar.read_text(encoding="utf-8") + "Terima kasih kepada perangkat desa.\n", encoding="utf-8")
    for rel, sample, own in ((INDIKATOR, "2023: 82.5", "2023: 82.25"), (ANGGARAN, "realisasi: 95000000",
                                                                         "realisasi: 95000001")):
        path = fresh_project_charted / rel
        path.write_text(path.read_text(encoding="utf-8").replace(sample, own), encoding="utf-8")
    capsys.readouterr()
    main(["check", "--situs", str(fresh_project_charted)])
    said = capsys.readouterr()
    lines = (said.out + said.err).splitlines()
    assert not [line for line in lines if "kepala.pangkat" in line or "kepala.nip" in line], lines
    assert not [line for line in lines if line.startswith(IKHTISAR)], lines
    assert not [line for line in lines if "angka contoh" in line], lines
    assert [line for line in lines if line.startswith(f"{KATA_PENGANTAR}:7: peringatan: Kata Pengantar: seluruh teks")]
