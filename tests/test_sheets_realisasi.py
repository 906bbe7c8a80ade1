"""``lkjip impor-anggaran``: budget realisation exports (CSV with id-ID numbers, XLSX with other headers, quarterly
reports, account rows below a sub kegiatan) into anggaran.yaml, changing only the values that differ."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from conftest import REPO, copy_examples
from openpyxl import Workbook
from sheets_support import save

from lkjip_site.cli.main import main

pytestmark = pytest.mark.usefixtures("epoch")


def _diff(root: Path, slug: str) -> list[str]:
    old = (REPO / "content/laporan" / slug / "data/anggaran.yaml").read_text(encoding="utf-8").splitlines()
    new = (root / "content/laporan" / slug / "data/anggaran.yaml").read_text(encoding="utf-8").splitlines()
    return [line for line in difflib.unified_diff(old, new, n=0, lineterm="")
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


CSV = """Laporan Realisasi Anggaran Kecamatan Martapura Barat Tahun 2023
;;;
Kode Rekening;Uraian;Anggaran;Realisasi
7;URUSAN PEMERINTAHAN UMUM;25.300.000,00;25.200.000,00
7.01;KECAMATAN;25.300.000,00;25.200.000,00
7.01.02;Program Penyelenggaraan Pemerintahan dan Pelayanan Publik;25.300.000,00;25.200.000,00
7.01.02.2.01;Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan;4.200.000,00;4.100.000,00
7.01.02.2.01.0001;Koordinasi/Sinergi Perencanaan;2.100.000,00;2.000.000,00
5.1.02.01.01.0024;Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor;600.000,00;500.000,00
5.1.02.02.01.0063;Belanja Kursus/Pelatihan;1.500.000,00;1.500.000,00
7.01.02.2.01.0002;Peningkatan Efektivitas Kegiatan Pemerintahan;2.100.000,00;2.100.000,00
7.01.02.2.02;Penyelenggaraan Urusan Pemerintahan;4.200.000,00;4.200.000,00
7.01.02.2.02.0001;Perencanaan Kegiatan Pelayanan;2.100.000,00;2.100.000,00
7.01.02.2.02.0003;Peningkatan Efektivitas Pelaksanaan Pelayanan;2.100.000,00;2.100.000,00
7.01.02.2.04;Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat;16.900.000,00;16.900.000,00
7.01.02.2.04.0003;Pelaksanaan Urusan Pemerintahan Kewenangan Lain;16.900.000,00;16.900.000,00
;JUMLAH;25.300.000,00;25.200.000,00
"""


def test_csv_with_printed_numbers_changes_only_the_differing_value(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """Urusan, bidang and total rows and the account rows below a sub kegiatan are checked, not written; only the one
    realisasi that differs from anggaran.yaml changes, on its own line."""
    root = copy_examples(tmp_path / "situs")
    (tmp_path / "lra.csv").write_text(CSV, encoding="utf-8")
    assert main(["impor-anggaran", "martapura-barat-2023", str(tmp_path / "lra.csv"), "--situs", str(root)]) == 0
    captured = capsys.readouterr()
    assert "lra.csv:8: realisasi 7.01.02.2.01.0001: Rp 2.100.000 → Rp 2.000.000" in captured.out
    assert _diff(root, "martapura-barat-2023") == ["-            realisasi: 2100000", "+            realisasi: 2000000"]
    # the other programs are not in this export: said, and left alone
    assert "sub kegiatan 7.01.01.2.01.0001 ada di anggaran.yaml tetapi tidak ada di berkas realisasi" in captured.err


def test_a_warning_the_import_brings_is_said_at_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A realisasi above its pagu was written with only "Impor selesai"; the check's warning waited for ``lkjip
    check``. It is said at the export's line; the report's standing warnings are not said again."""
    root = copy_examples(tmp_path / "situs")
    over = (CSV.replace("25.300.000,00;25.200.000,00", "25.300.000,00;25.400.000,00")
            .replace("4.200.000,00;4.100.000,00", "4.200.000,00;4.300.000,00")
            .replace("Perencanaan;2.100.000,00;2.000.000,00", "Perencanaan;2.100.000,00;2.200.000,00")
            .replace("600.000,00;500.000,00", "600.000,00;700.000,00"))
    (tmp_path / "lra.csv").write_text(over, encoding="utf-8")
    assert main(["impor-anggaran", "martapura-barat-2023", str(tmp_path / "lra.csv"), "--situs", str(root)]) == 0
    err = capsys.readouterr().err
    assert ("lra.csv:8: peringatan: 7.01.02.2.01.0001: realisasi Rp 2.200.000 melebihi pagu Rp 2.100.000 (lebih "
            "Rp 100.000); periksa kedua angka: realisasi yang salah ketik, atau pagu sebelum perubahan anggaran (tulis "
            "pagu DPA perubahan) (setelah impor: anggaran.yaml baris") in err
    said = [line for line in err.splitlines() if "peringatan" in line and "tidak ada di berkas realisasi" not in line]
    assert all("melebihi pagu" in line or "tertulis" in line for line in said), err


def test_account_rows_must_add_up_to_their_sub_kegiatan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_examples(tmp_path / "situs")
    (tmp_path / "lra.csv").write_text(CSV.replace("Kantor;600.000,00;500.000,00", "Kantor;600.000,00;400.000,00"),
                                      encoding="utf-8")
    assert main(["impor-anggaran", "martapura-barat-2023", str(tmp_path / "lra.csv"), "--situs", str(root)]) == 1
    assert ("lra.csv:8: galat: kolom 'Realisasi': realisasi sub kegiatan 7.01.02.2.01.0001 tertulis Rp 2.000.000, "
            "jumlah baris di bawahnya Rp 1.900.000 (selisih Rp 100.000)") in capsys.readouterr().err
    assert _diff(root, "martapura-barat-2023") == []


def test_xlsx_with_other_headers_and_new_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Headers named with --kolom; a new sub kegiatan under an existing kegiatan and a whole new kegiatan are appended
    in the file's style."""
    root = copy_examples(tmp_path / "situs")
    wb = Workbook()
    ws = wb.active
    ws.title = "Realisasi"
    ws.append(["No Rek", "Nama Program/Kegiatan", "Pagu Perubahan", "Realisasi s.d. Desember"])
    ws.append(["7.01.06", "Program Pembinaan dan Pengawasan Pemerintahan Desa", 16500000 + 3000000, 16500000 + 2500000])
    ws.append(["7.01.06.2.01", "Fasilitasi, Rekomendasi dan Koordinasi", 16500000 + 1000000, 16500000 + 1000000])
    for kode, pagu in (("0003", 5400000), ("0007", 4800000), ("0008", 2100000), ("0015", 2100000), ("0017", 2100000)):
        ws.append([f"7.01.06.2.01.{kode}", "(nama dari sistem keuangan)", pagu, pagu])
    ws.append(["7.01.06.2.01.0020", "Fasilitasi Kerja Sama Antar Desa", 1000000, 1000000])
    ws.append(["7.01.06.2.02", "Fasilitasi Penataan Desa", 2000000, 1500000])
    ws.append(["7.01.06.2.02.0001", "Fasilitasi Penataan Batas Desa", 2000000, 1500000])
    (tmp_path / "lra.xlsx").write_bytes(save(wb))
    args = ["impor-anggaran", "martapura-barat-2023", str(tmp_path / "lra.xlsx"), "--situs", str(root),
            "--kolom", "kode=No Rek", "--kolom", "uraian=Nama Program/Kegiatan", "--kolom", "pagu=Pagu Perubahan",
            "--kolom", "realisasi=Realisasi s.d. Desember"]
    assert main(args) == 0
    assert "lra.xlsx!Realisasi!A9: sub kegiatan baru 7.01.06.2.01.0020" in capsys.readouterr().out
    assert _diff(root, "martapura-barat-2023") == [
        "+          - kode: 7.01.06.2.01.0020", "+            nama: Fasilitasi Kerja Sama Antar Desa",
        "+            pagu: 1000000", "+            realisasi: 1000000",
        "+      - kode: 7.01.06.2.02", "+        nama: Fasilitasi Penataan Desa", "+        sub_kegiatan:",
        "+          - kode: 7.01.06.2.02.0001", "+            nama: Fasilitasi Penataan Batas Desa",
        "+            pagu: 2000000", "+            realisasi: 1500000"]
    # the names of existing lines are the author's: the export's spelling does not overwrite them
    text = (root / "content/laporan/martapura-barat-2023/data/anggaran.yaml").read_text(encoding="utf-8")
    assert "(nama dari sistem keuangan)" not in text


def test_quarterly_report_reads_realisasi_as_cumulative(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Pengaron reports on TW I: the export's realisasi (s.d. TW I) becomes realisasi_tw.tw1 of the sub kegiatan."""
    root = copy_examples(tmp_path / "situs")
    csv = ("kode rekening,uraian,pagu,realisasi\n"
           "7.01.06,Program Pembinaan dan Pengawasan Pemerintahan Desa,9195000,500000\n"
           "7.01.06.2.01,Fasilitasi,9195000,500000\n"
           "7.01.06.2.01.0003,Fasilitasi Pengelolaan Keuangan Desa,3977000,500000\n"
           "7.01.06.2.01.0015,Fasilitasi Penataan Ruang Desa,5218000,0\n")
    (tmp_path / "tw1.csv").write_text(csv, encoding="utf-8")
    assert main(["impor-anggaran", "pengaron-2024-tw1", str(tmp_path / "tw1.csv"), "--situs", str(root)]) == 0
    assert _diff(root, "pengaron-2024-tw1") == ["-            realisasi_tw: {tw1: 0}",
                                                "+            realisasi_tw: {tw1: 500000}"]
    assert "tw1.csv:4: realisasi tw1 7.01.06.2.01.0003: Rp 0 → Rp 500.000" in capsys.readouterr().out


def test_unchanged_export_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_examples(tmp_path / "situs")
    (tmp_path / "lra.csv").write_text(CSV.replace("2.100.000,00;2.000.000,00", "2.100.000,00;2.100.000,00")
                                      .replace("Kantor;600.000,00;500.000,00", "Kantor;600.000,00;600.000,00")
                                      .replace(";25.200.000,00", ";25.300.000,00")
                                      .replace("Kecamatan;4.200.000,00;4.100.000,00", "Kecamatan;4.200.000,00;4.200.000,00"),
                                      encoding="utf-8")
    assert main(["impor-anggaran", "martapura-barat-2023", str(tmp_path / "lra.csv"), "--situs", str(root)]) == 0
    assert "Tidak ada perubahan" in capsys.readouterr().out
    assert _diff(root, "martapura-barat-2023") == []


def _before_change(csv: str, awal: dict[str, str]) -> str:
    """``csv`` with an "Anggaran Sebelum Perubahan" column after Uraian: each row's pagu, or ``awal``'s by code."""
    out = []
    for line in csv.splitlines():
        cells = line.split(";")
        if len(cells) == 4 and cells[0] != "Kode Rekening":
            cells.insert(2, awal.get(cells[0], cells[2]) if cells[2] else "")
        elif cells[0] == "Kode Rekening":
            cells.insert(2, "Anggaran Sebelum Perubahan")
        out.append(";".join(cells))
    return "\n".join(out) + "\n"


def test_the_pagu_before_the_apbd_perubahan_is_read_from_its_column(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """An export made after the APBD Perubahan prints "Anggaran Sebelum Perubahan" beside the pagu: read, the sub
    kegiatan whose pagu changed get ``pagu_awal`` beside their pagu (the others none), its subtotals are checked
    like the pagu's, and a wrong one is refused at its cell."""
    root = copy_examples(tmp_path / "situs")
    awal = {"7.01.02.2.01.0001": "2.600.000,00", "5.1.02.01.01.0024": "1.100.000,00",  # its account row too
            "7.01.02.2.01": "4.700.000,00", "7.01.02": "25.800.000,00",
            "7": "25.800.000,00", "7.01": "25.800.000,00", "": "25.800.000,00"}
    (tmp_path / "lra.csv").write_text(_before_change(CSV, awal), encoding="utf-8")
    assert main(["impor-anggaran", "martapura-barat-2023", str(tmp_path / "lra.csv"), "--situs", str(root)]) == 0
    assert "lra.csv:8: pagu_awal 7.01.02.2.01.0001: – → Rp 2.600.000" in capsys.readouterr().out
    assert _diff(root, "martapura-barat-2023") == ["-            realisasi: 2100000", "+            pagu_awal: 2600000",
                                                   "+            realisasi: 2000000"]
    text = (root / "content/laporan/martapura-barat-2023/data/anggaran.yaml").read_text(encoding="utf-8")
    assert "            pagu: 2100000\n            pagu_awal: 2600000\n            realisasi: 2000000\n" in text
    # a corrected export whose pagu awal is the pagu (named with --kolom): the line goes
    (tmp_path / "lra.csv").write_text(_before_change(CSV, {}).replace("Sebelum Perubahan", "Murni APBD"),
                                      encoding="utf-8")
    assert main(["impor-anggaran", "martapura-barat-2023", str(tmp_path / "lra.csv"), "--situs", str(root),
                 "--kolom", "pagu_awal=Anggaran Murni APBD"]) == 0
    assert "lra.csv:8: pagu_awal 7.01.02.2.01.0001: Rp 2.600.000 → – (sama dengan pagu)" in capsys.readouterr().out
    assert _diff(root, "martapura-barat-2023") == ["-            realisasi: 2100000", "+            realisasi: 2000000"]
    # a kegiatan's stated pagu awal other than its rows' sum: refused at its line, nothing written
    root = copy_examples(tmp_path / "situs2")
    (tmp_path / "lra.csv").write_text(_before_change(CSV, {**awal, "7.01.02.2.01": "4.800.000,00"}), encoding="utf-8")
    assert main(["impor-anggaran", "martapura-barat-2023", str(tmp_path / "lra.csv"), "--situs", str(root)]) == 1
    assert ("lra.csv:7: galat: kolom 'Anggaran Sebelum Perubahan': pagu_awal kegiatan 7.01.02.2.01 tertulis "
            "Rp 4.800.000, jumlah baris di bawahnya Rp 4.700.000") in capsys.readouterr().err
    assert _diff(root, "martapura-barat-2023") == []


QUOTE = "beri tanda kutip pada isinya (\"4.200.000,00\"), ekspor ulang berkas dengan pemisah kolom ';'"


@pytest.mark.parametrize(("row", "said", "advice"), [
    ("7.01.01.2.05.0005,Monitoring Kinerja Pegawai,4.200.000,00,3.900.000,00", "berisi 6 kolom", QUOTE),
    ("7.01.01.2.05.0005,Monitoring Kinerja Pegawai,4200000,3,9", "berisi 5 kolom", QUOTE),
    ("7.01.01.2.05.0005,Monitoring Kinerja Pegawai,4200000,3900000,catatan", "berisi 5 kolom", QUOTE),
    ("7.01.01.2.05.0005,Monitoring Kinerja Pegawai,4200000", "berisi 3 kolom", "ada kolom yang hilang"),
], ids=["id-amounts", "decimal-comma", "extra-field", "missing-field"])
def test_a_csv_row_whose_fields_do_not_match_the_header_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                   row: str, said: str, advice: str) -> None:
    """``4.200.000,00`` unquoted in a comma-separated file is two fields: the realisasi was read from "00" and written
    as Rp 0 (``3,9`` as Rp 3), exit 0. A row with more or fewer fields than the header is refused at its line, with
    how to write it, and nothing is written."""
    root = copy_examples(tmp_path / "situs")
    (tmp_path / "lra.csv").write_text("Kode,Uraian,Pagu,Realisasi\n" + row + "\n", encoding="utf-8")
    assert main(["impor-anggaran", "martapura-barat-2023", str(tmp_path / "lra.csv"), "--situs", str(root)]) == 1
    err = capsys.readouterr().err
    assert f"lra.csv:2: galat: baris ini {said}, baris judul (baris 1)" in err, err
    assert advice in err and "Traceback" not in err
    assert _diff(root, "martapura-barat-2023") == []


def test_amounts_as_english_excel_writes_them_are_read_as_the_same_rupiah(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """An export saved by Excel set to English: ``2,100,000.00`` was refused, and ``2,000`` (two thousand) was read as
    Rp 2 (a decimal comma with three places) and written to anggaran.yaml without an error. A rupiah has no three
    decimals, so ``2,000`` is 2000; ``1,234,567.00`` is 1234567."""
    root = copy_examples(tmp_path / "situs")
    (tmp_path / "lra.csv").write_text(
        'Kode,Uraian,Pagu,Realisasi\n7.01.02.2.01.0001,Koordinasi/Sinergi Perencanaan,"2,100,000.00","2,000"\n',
        encoding="utf-8")
    assert main(["impor-anggaran", "martapura-barat-2023", str(tmp_path / "lra.csv"), "--situs", str(root)]) == 0
    assert "lra.csv:2: realisasi 7.01.02.2.01.0001: Rp 2.100.000 → Rp 2.000" in capsys.readouterr().out
    assert _diff(root, "martapura-barat-2023") == ["-            realisasi: 2100000", "+            realisasi: 2000"]


#: Two sub kegiatan with one pagu, written once: the second reads the first's through ``*pagu``.
_ALIASED_PAGU = """tahun: 2025
program:
  - kode: 0.00.01
    nama: Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota
    sasaran: S1
    kegiatan:
      - kode: 0.00.01.2.01
        nama: Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah
        sub_kegiatan:
          - kode: 0.00.01.2.01.0001
            nama: Penyusunan Dokumen Perencanaan Perangkat Daerah
            pagu: &pagu 100000000
            realisasi: 95000000
          - kode: 0.00.01.2.01.0002
            nama: Evaluasi Kinerja Perangkat Daerah
            pagu: *pagu
            realisasi: 90000000
"""


def _lra(first: str, second: str) -> str:
    """A realisation export of that budget, with the two sub kegiatan's pagu as printed."""
    return ("Kode Rekening;Uraian;Anggaran;Realisasi\n"
            "0.00.01.2.01.0001;Penyusunan Dokumen Perencanaan Perangkat Daerah;" + first + ";95.000.000,00\n"
            "0.00.01.2.01.0002;Evaluasi Kinerja Perangkat Daerah;" + second + ";90.000.000,00\n")


def test_a_pagu_written_as_an_alias_changes_at_its_own_line_only(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """The second sub kegiatan's pagu ``*pagu`` changed in the realisation export: it was written into the anchor's
    text, so the first sub kegiatan's pagu, the same in the export, changed too. Now the alias becomes the number at
    its own line. The anchored pagu changed is an error at its line (the alias would follow it); nothing is written."""
    root = tmp_path / "situs"
    assert main(["init", str(root)]) == 0
    assert main(["new", "--situs", str(root), "dinas-2025", "--tahun", "2025", "--instansi", "Dinas Contoh"]) == 0
    budget = root / "content/laporan/dinas-2025/data/anggaran.yaml"
    budget.write_text(_ALIASED_PAGU, encoding="utf-8")
    lra = tmp_path / "lra.csv"
    lra.write_text(_lra("100.000.000,00", "120.000.000,00"), encoding="utf-8")
    assert main(["impor-anggaran", "dinas-2025", str(lra), "--situs", str(root)]) == 0
    assert budget.read_text(encoding="utf-8") == _ALIASED_PAGU.replace("pagu: *pagu", "pagu: 120000000")
    budget.write_text(_ALIASED_PAGU, encoding="utf-8")
    capsys.readouterr()
    lra.write_text(_lra("110.000.000,00", "100.000.000,00"), encoding="utf-8")
    assert main(["impor-anggaran", "dinas-2025", str(lra), "--situs", str(root)]) != 0
    err = capsys.readouterr().err
    assert (f"{lra.name}:2: galat: perubahan ini tidak dapat ditulis: nilainya di data/anggaran.yaml baris 12 "
            "ditulis dengan jangkar YAML '&pagu', yang dibaca juga lewat '*pagu' di baris 16") in err, err
    assert budget.read_text(encoding="utf-8") == _ALIASED_PAGU
