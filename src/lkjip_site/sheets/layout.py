"""The workbook's sheets and columns, in one place: the export writes them and the import reads them by header.

Headers are Indonesian and are how the import finds a column (its position may change when an author inserts a
column). A column is either typed by the author or *derived*: computed by lkjip at export, shown locked and grey,
and never read as data on import (typing into it is an error, so no number is silently ignored).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.model import JENIS_BELANJA

PERIODS = ("tahunan", "tw1", "tw2", "tw3", "tw4")
POLARITAS = ("positif", "negatif")
JENIS = ("iku", "sasaran", "program", "kegiatan")
AGREGASI = ("terakhir", "jumlah", "rata_rata")
JENIS_PK = ("awal", "perubahan")
BAGIAN_PK = ("sasaran", "indikator", "program")


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str = "text"  # text | number | value (number or grade) | money | choice | year | date | derived
    width: int = 14
    required: bool = False  # the header must be present for the import to read the sheet
    choices: tuple[str, ...] = ()
    note: str = ""
    #: of a derived column that is not a sum or a capaian: where its value is written, said to who typed over it
    #: (a name typed over was told to "ubah angka asalnya", which a name has none of)
    source: str = ""

    @property
    def derived(self) -> bool:
        return self.kind.startswith("derived")


@dataclass(frozen=True)
class Sheet:
    title: str
    columns: tuple[Column, ...]
    header_row: int = 1
    note: str = ""

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


#: Where an indicator's name is written: the grey name beside its values and Renstra targets is taken from there.
NAME_SOURCE = "ubah namanya di lembar Indikator, kolom 'Nama indikator'"


INDIKATOR = Sheet("Indikator", (
    Column("id", "ID", width=14, required=True, note="Kode unik indikator: huruf, angka, '.', '_' atau '-'."),
    Column("nama", "Nama indikator", width=48, required=True),
    Column("satuan", "Satuan", width=12, required=True),
    Column("polaritas", "Polaritas", "choice", 11, True, POLARITAS,
           "positif: makin tinggi makin baik; negatif: makin rendah makin baik."),
    Column("jenis", "Jenis", "choice", 11, False, JENIS, "iku, sasaran, program atau kegiatan."),
    Column("agregasi", "Agregasi triwulan", "choice", 12, False, AGREGASI,
           "Cara menggabungkan nilai triwulan: terakhir, jumlah atau rata_rata."),
    Column("sasaran", "Sasaran/tujuan", width=12, note="ID sasaran atau tujuan Renstra tempat indikator ini."),
    Column("program", "Kode program", width=12, note="Kode program anggaran, mis. 7.01.02."),
    Column("kualitatif", "Nilai kualitatif", width=18,
           note="Untuk indikator berupa predikat: urutan dari terburuk ke terbaik, dipisah koma, mis. D, C, B, A."),
    Column("definisi", "Definisi", width=30),
    Column("formula", "Formula", width=30),
    Column("sumber_data", "Sumber data", width=24),
    Column("penanggung_jawab", "Penanggung jawab", width=24),
), note="Satu baris per indikator. Baris baru di bawah menjadi indikator baru di indikator.yaml.")

NILAI = Sheet("Nilai Indikator", (
    Column("id", "ID", width=14, required=True),
    Column("nama", "Nama indikator", "derived_text", 40, source=NAME_SOURCE),
    Column("tahun", "Tahun", "year", 8, True),
    Column("periode", "Periode", "choice", 10, True, PERIODS, "tahunan, atau tw1 sampai tw4 untuk triwulan."),
    Column("target", "Target", "value", 12, True),
    Column("realisasi", "Realisasi", "value", 12, True),
    Column("target_na", "Alasan target tidak ada", width=26),
    Column("realisasi_na", "Alasan realisasi tidak ada", width=30),
    Column("capaian", "Capaian (%)", "derived_percent", 12),
    Column("predikat", "Predikat", "derived_text", 16),
    Column("keterangan", "Keterangan capaian", "derived_text", 30),
), note="Satu baris per indikator, tahun dan periode. Triwulan diisi per triwulan (bukan kumulatif).")

ANGGARAN = Sheet("Anggaran", (
    Column("kode", "Kode", width=20, required=True, note="Kode program (7.01.02), kegiatan (7.01.02.2.01) atau "
                                                        "sub kegiatan (7.01.02.2.01.0001); tingkatnya dibaca dari kode."),
    Column("nama", "Uraian", width=50, required=True),
    Column("tingkat", "Tingkat", "derived_text", 13,
           source="perbaiki kodenya di kolom 'Kode' bila tingkatnya salah (tingkat dibaca dari bentuk kode)"),
    Column("pagu", "Pagu (Rp)", "money", 17, True, note="Diisi pada sub kegiatan; program dan kegiatan dijumlah lkjip."),
    Column("pagu_awal", "Pagu awal (Rp)", "money", 17,
           note="Pagu sebelum APBD Perubahan (DPA awal), hanya pada sub kegiatan yang pagunya diubah DPPA (0 untuk sub "
                "kegiatan baru); kosong bila tidak berubah. Kolom Pagu berisi pagu perubahan."),
    Column("realisasi", "Realisasi (Rp)", "money", 17, True),
    Column("realisasi_na", "Alasan realisasi tidak ada", width=26),
    Column("tw1", "Realisasi TW I (Rp)", "money", 16),
    Column("tw2", "Realisasi TW II (Rp)", "money", 16),
    Column("tw3", "Realisasi TW III (Rp)", "money", 16),
    Column("tw4", "Realisasi TW IV (Rp)", "money", 16),
    Column("serapan", "Serapan (%)", "derived_percent", 11),
    Column("pagu_tertulis", "Pagu tertulis (Rp)", "money", 17,
           note="Angka yang tercetak di dokumen untuk program/kegiatan; hanya dibandingkan oleh lkjip check."),
    Column("realisasi_tertulis", "Realisasi tertulis (Rp)", "money", 17),
    Column("sasaran", "Sasaran", width=10),
    Column("indikator", "Indikator keluaran", width=30),
    Column("satuan", "Satuan keluaran", width=12),
    Column("target", "Target keluaran", "value", 11),
    Column("realisasi_output", "Realisasi keluaran", "value", 11),
    Column("jenis_belanja", "Jenis belanja", "choice", 14, False, tuple(JENIS_BELANJA)),
), note="Pohon anggaran: program, kegiatan, sub kegiatan. Pagu dan realisasi program/kegiatan dihitung lkjip.")

RENSTRA_FIXED = (
    Column("id", "ID", width=14, required=True),
    Column("nama", "Nama indikator", "derived_text", 40, source=NAME_SOURCE),
    Column("kondisi_tahun", "Kondisi awal: tahun", "year", 10),
    Column("kondisi_nilai", "Kondisi awal: nilai", "value", 10),
)
RENSTRA_TAIL = (
    Column("target_akhir", "Target akhir", "value", 11),
    Column("nasional", "Target nasional", "value", 11),
    Column("nasional_sumber", "Sumber target nasional", width=26),
)
RENSTRA_TITLE = "Renstra"
TARGET_YEAR_PREFIX = "Target "

PK_FIXED = Sheet("PK", (
    Column("bagian", "Bagian", "choice", 12, True, BAGIAN_PK, "sasaran, indikator atau program."),
    Column("id", "ID / kode", width=16, required=True),
    Column("uraian", "Uraian", "derived_text", 60),
    Column("satuan", "Satuan", "derived_text", 12),
    Column("target", "Target", "derived_value", 12),
    Column("pagu", "Pagu (Rp)", "derived_money", 17),
), header_row=5, note="Isi Perjanjian Kinerja: daftar sasaran, indikator dan program, urut seperti di dokumen PK.")
#: Where each grey PK cell is written, by column and the row's Bagian: the PK only lists what the other sheets hold.
PK_SOURCES = {
    ("uraian", "sasaran"): "ubah uraian sasarannya di data/renstra.yaml",
    ("uraian", "indikator"): NAME_SOURCE,
    ("uraian", "program"): "ubah uraian programnya di lembar Anggaran, kolom 'Uraian'",
    ("satuan", "indikator"): "ubah satuannya di lembar Indikator, kolom 'Satuan'",
    ("target", "indikator"): "ubah targetnya di lembar Nilai Indikator, kolom 'Target' baris tahunan indikator itu",
    ("pagu", "program"): "ubah pagu sub kegiatannya di lembar Anggaran",
}
PK_META = (("tahun", "Tahun PK", 1), ("jenis", "Jenis PK", 2), ("tanggal", "Tanggal PK", 3))

PETUNJUK = "Petunjuk"
#: The sheets ``lkjip impor`` reads, by title (a sheet named after one of them is the author's copy or renaming).
READ_TITLES = (INDIKATOR.title, NILAI.title, RENSTRA_TITLE, PK_FIXED.title, ANGGARAN.title)


#: The columns ``lkjip impor-anggaran`` reads from a finance system's export (CSV or XLSX), found by header.
COLUMN_KEYS = ("kode", "uraian", "pagu", "realisasi")
#: Columns read when the header row has them: the pagu before the APBD Perubahan, which exports made after it print
#: beside the pagu perubahan ("Anggaran Sebelum Perubahan" / "Anggaran Setelah Perubahan").
OPTIONAL_KEYS = ("pagu_awal",)
#: Headers that real exports use for each column (compared without case and spacing).
HEADERS: dict[str, tuple[str, ...]] = {
    "kode": ("kode rekening", "kode", "kode rek", "kode rek.", "kd rek", "kode program/kegiatan/sub kegiatan"),
    "uraian": ("uraian", "nama", "uraian program/kegiatan/sub kegiatan", "program/kegiatan/sub kegiatan",
               "nama program/kegiatan/sub kegiatan"),
    "pagu": ("anggaran", "pagu", "pagu anggaran", "jumlah anggaran", "anggaran setelah perubahan", "anggaran (rp)",
             "pagu (rp)"),
    "realisasi": ("realisasi", "jumlah realisasi", "realisasi anggaran", "realisasi (rp)"),
    "pagu_awal": ("anggaran sebelum perubahan", "pagu sebelum perubahan", "anggaran murni", "pagu murni",
                  "pagu awal", "anggaran awal", "anggaran sebelum perubahan (rp)", "pagu awal (rp)"),
}
