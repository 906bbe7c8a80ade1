"""Synthetic, deterministic LKjIP corpus for the build benchmark (issue 6).

Why synthetic: the three example reports are too few to show how the build scales to a kabupaten (about 40 OPD,
every year) or a province archive. Each generated report has the shape of a real annual LKjIP (PermenPANRB 53/2014):
Kata Pengantar, Ikhtisar Eksekutif, BAB I–IV with several ``##`` sections, 2–6 Lampiran chapters (8–12 chapters in
all), 20–40 indicators of both polarities with targets and realisations for three years, a Renstra, a PK, a budget
tree of 60–100 rows (program → kegiatan → sub kegiatan, codes such as ``7.01.02.2.01.0001``), a CSV dataset, every
table kind an annual report uses and six charts.

Why deterministic: report ``i`` depends only on ``(seed, i)``, never on ``N``, so the first 10 reports of the N = 100
corpus are the N = 10 corpus, and two runs of the benchmark measure the same input.

The narrative never types a derived number: every figure is a ``{nilai}`` reference, as the format requires.

Usage::

    .venv/bin/python benchmarks/corpus.py /tmp/lkjip-bench/korpus --n 10 [--seed 2024] [--tanpa-grafik]

writes ``<OUT>/situs.yaml`` and ``<OUT>/content/laporan/<slug>/...`` (``<OUT>`` is a site folder).
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_SEED = 2024
YEARS_PER_INSTANSI = 4  # each kecamatan publishes one report a year: report i is instansi i // 4, year 2021 + i % 4
FIRST_YEAR = 2021
RENSTRA = (2021, 2026)

# ----------------------------------------------------------------------------------------------------------------
# Vocabulary (Indonesian; names are invented combinations, not real places)

_PREFIX = ("Sungai", "Batu", "Tanjung", "Muara", "Karang", "Teluk", "Bukit", "Pulau", "Tanah", "Rantau", "Padang",
           "Lubuk", "Simpang", "Kuala", "Pematang", "Air", "Labuhan", "Gunung", "Lembah", "Tebing")
_SUFFIX = ("Tabuk", "Ampar", "Harapan", "Jaya", "Pinang", "Kemuning", "Intan", "Sari", "Makmur", "Rejo", "Sejahtera",
           "Indah", "Permai", "Lestari", "Mulia", "Baru", "Raya", "Damai", "Agung", "Kencana", "Mekar", "Bening",
           "Gading", "Selatan", "Utara")
_KABUPATEN = ("Banjar", "Tapin", "Balangan", "Tabalong", "Kotabaru")
_GIVEN = ("Ahmad", "Muhammad", "Siti", "Rahmat", "Nurul", "Hendra", "Yusuf", "Fitri", "Rizky", "Dewi", "Agus",
          "Hasanah", "Rudi", "Aulia", "Fauzan", "Mariana")
_FAMILY = ("Hidayat", "Rahman", "Saputra", "Wahyuni", "Fadillah", "Kurniawan", "Hasibuan", "Santoso", "Lestari",
           "Pratama", "Maulana", "Anwar")
_TITLES = ("S.Sos", "S.STP, M.Si", "SE, MM", "S.IP", "S.H., M.H.", "S.Pd, M.AP")
_PANGKAT = ("Pembina (IV/a)", "Pembina Tingkat I (IV/b)", "Penata Tingkat I (III/d)")

_PROGRAMS = (
    ("7.01.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"),
    ("7.01.02", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik"),
    ("7.01.03", "Program Pemberdayaan Masyarakat Desa dan Kelurahan"),
    ("7.01.04", "Program Koordinasi Ketentraman dan Ketertiban Umum"),
    ("7.01.05", "Program Penyelenggaraan Urusan Pemerintahan Umum"),
    ("7.01.06", "Program Pembinaan dan Pengawasan Pemerintahan Desa"),
)
_KEGIATAN = {
    "7.01.01": ("Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "Administrasi Keuangan Perangkat "
                "Daerah", "Administrasi Barang Milik Daerah pada Perangkat Daerah", "Administrasi Kepegawaian "
                "Perangkat Daerah", "Administrasi Umum Perangkat Daerah", "Pengadaan Barang Milik Daerah Penunjang "
                "Urusan Pemerintah Daerah", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", "Pemeliharaan "
                "Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah"),
    "7.01.02": ("Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan", "Penyelenggaraan Urusan "
                "Pemerintahan yang Tidak Dilaksanakan oleh Unit Kerja Perangkat Daerah", "Pelaksanaan Kewenangan "
                "yang Dilimpahkan dari Bupati/Wali Kota", "Koordinasi Pelaksanaan Pelayanan Publik di Kecamatan"),
    "7.01.03": ("Pemberdayaan Lembaga Kemasyarakatan di Tingkat Desa/Kelurahan", "Kegiatan Pemberdayaan Masyarakat "
                "di Kecamatan", "Fasilitasi Kegiatan Sosial Kemasyarakatan"),
    "7.01.04": ("Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum", "Koordinasi Penerapan dan "
                "Penegakan Peraturan Daerah dan Peraturan Kepala Daerah", "Koordinasi Kegiatan Perlindungan "
                "Masyarakat"),
    "7.01.05": ("Pembinaan Wawasan Kebangsaan dan Ketahanan Nasional", "Koordinasi Forum Komunikasi Pimpinan "
                "Kecamatan", "Pembinaan Kerukunan Antarsuku dan Intrasuku, Umat Beragama, Ras, dan Golongan"),
    "7.01.06": ("Fasilitasi Penyusunan Peraturan Desa dan Peraturan Kepala Desa", "Fasilitasi Administrasi "
                "Tata Pemerintahan Desa", "Fasilitasi Pengelolaan Keuangan Desa", "Fasilitasi Penyusunan "
                "Perencanaan Pembangunan Partisipatif"),
}
_SUB_VERB = ("Penyusunan", "Koordinasi", "Fasilitasi", "Penyediaan", "Pelaksanaan", "Pembinaan", "Monitoring dan "
             "Evaluasi", "Penyelenggaraan", "Pendataan", "Sosialisasi")
_SUB_OBJECT = ("Dokumen Perencanaan Perangkat Daerah", "Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
               "Bahan Logistik Kantor", "Rapat Koordinasi dan Konsultasi SKPD", "Peralatan dan Perlengkapan Kantor",
               "Jasa Komunikasi, Sumber Daya Air dan Listrik", "Musyawarah Perencanaan Pembangunan Kecamatan",
               "Administrasi Kependudukan di Kecamatan", "Penanganan Pengaduan Masyarakat", "Kegiatan Keagamaan",
               "Lembaga Kemasyarakatan Desa", "Ketenteraman dan Ketertiban Umum di Wilayah Kecamatan",
               "Penyelenggaraan Pemerintahan Desa", "Penyusunan APBDes", "Kendaraan Dinas Operasional",
               "Gedung Kantor dan Bangunan Lainnya", "Forum Kerukunan Umat Beragama", "Data Profil Desa",
               "Pelayanan Perizinan Non Berusaha", "Kegiatan Gotong Royong Masyarakat")

# (name, satuan, low, high, integer?); polarity is given by the tuple they are in
_IND_POS = (
    ("Indeks Kepuasan Masyarakat terhadap Pelayanan Kecamatan", "nilai", 76, 88, False),
    ("Nilai Evaluasi Kinerja Kecamatan", "nilai", 70, 90, False),
    ("Persentase Desa dengan Status Desa Mandiri", "%", 20, 60, False),
    ("Persentase Layanan Administrasi yang Selesai Tepat Waktu", "%", 80, 97, False),
    ("Persentase Lembaga Kemasyarakatan Desa yang Aktif", "%", 60, 92, False),
    ("Jumlah Dokumen Perencanaan dan Pelaporan yang Tersusun", "dokumen", 6, 18, True),
    ("Persentase Desa yang Menetapkan APBDes Tepat Waktu", "%", 70, 96, False),
    ("Persentase Kegiatan Koordinasi Forkopimcam yang Terlaksana", "%", 75, 98, False),
    ("Jumlah Kelompok Usaha Masyarakat yang Dibina", "kelompok", 8, 30, True),
    ("Persentase Pegawai yang Memenuhi Standar Kompetensi", "%", 55, 90, False),
    ("Indeks Kepatuhan dan Kinerja Intern", "nilai", 65, 85, False),
    ("Persentase Rekomendasi Hasil Pemeriksaan yang Ditindaklanjuti", "%", 70, 96, False),
    ("Jumlah Desa yang Difasilitasi Penyusunan Peraturan Desa", "desa", 5, 20, True),
    ("Persentase Barang Milik Daerah yang Tercatat dan Terpelihara", "%", 75, 98, False),
)
_IND_NEG = (
    ("Angka Gangguan Ketenteraman dan Ketertiban Umum", "kasus", 8, 30, True),
    ("Persentase Pengaduan Masyarakat yang Tidak Tertindaklanjuti", "%", 3, 18, False),
    ("Rata-rata Waktu Penyelesaian Layanan Non Perizinan", "hari", 3, 12, False),
    ("Jumlah Temuan Pemeriksaan atas Pengelolaan Keuangan", "temuan", 2, 8, True),
    ("Persentase Konflik Sosial yang Tidak Tertangani", "%", 4, 15, False),
    ("Jumlah Desa dengan Keterlambatan Laporan Dana Desa", "desa", 2, 9, True),
)
_GRADES = ["D", "C", "CC", "B", "BB", "A", "AA"]

# ----------------------------------------------------------------------------------------------------------------
# Model of one generated report (plain data; only this module reads it)


@dataclass
class Ind:
    id: str
    nama: str
    satuan: str
    polaritas: str
    jenis: str
    target: dict[int, object]
    realisasi: dict[int, object]
    target_renstra: dict[int, object]
    kondisi_awal: object
    kualitatif: list[str] | None = None
    program: str | None = None


@dataclass
class Sasaran:
    id: str
    uraian: str
    indikator: list[str]


@dataclass
class Tujuan:
    id: str
    uraian: str
    indikator: list[str]
    sasaran: list[Sasaran]


@dataclass
class Leaf:
    kode: str
    nama: str
    pagu: int
    realisasi: int
    jenis_belanja: str


@dataclass
class Kegiatan:
    kode: str
    nama: str
    sub: list[Leaf] = field(default_factory=list)


@dataclass
class Program:
    kode: str
    nama: str
    sasaran: str
    kegiatan: list[Kegiatan] = field(default_factory=list)


@dataclass
class Spec:
    slug: str
    tahun: int
    nama: str  # instansi name without "Kecamatan"
    kabupaten: str
    kepala: str
    pangkat: str
    nip: str
    efisiensi: str
    tujuan: list[Tujuan]
    indikator: list[Ind]
    programs: list[Program]
    lampiran: int  # number of Lampiran chapters (2..6)
    grafik: bool

    @property
    def instansi(self) -> str:
        return f"Kecamatan {self.nama}"

    @property
    def years(self) -> list[int]:
        return [self.tahun - 2, self.tahun - 1, self.tahun]

    def sasaran(self) -> list[Sasaran]:
        return [s for t in self.tujuan for s in t.sasaran]

    def leaves(self) -> list[Leaf]:
        return [leaf for p in self.programs for k in p.kegiatan for leaf in k.sub]

    def by_id(self) -> dict[str, Ind]:
        return {i.id: i for i in self.indikator}


# ----------------------------------------------------------------------------------------------------------------
# Drawing the data


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def instansi_name(index: int) -> str:
    """A unique two-word name per instansi index (500 combinations before a numeric suffix is needed)."""
    base = f"{_PREFIX[index % len(_PREFIX)]} {_SUFFIX[(index // len(_PREFIX)) % len(_SUFFIX)]}"
    rounds = index // (len(_PREFIX) * len(_SUFFIX))
    return base if rounds == 0 else f"{base} {_roman(rounds + 1)}"


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out


def _value(rng: random.Random, low: float, high: float, integer: bool) -> float | int:
    v = rng.uniform(low, high)
    return int(round(v)) if integer else round(v, 2)


def _series(rng: random.Random, spec: tuple, polaritas: str, years: list[int]) -> tuple[dict, dict, dict, object]:
    """Targets that move the right way each year, realisations scattered around them (some miss, some exceed)."""
    _, satuan, low, high, integer = spec
    base = _value(rng, low, high, integer)
    step = max(1, round((high - low) / 12)) if integer else round((high - low) / 15, 2)
    sign = 1 if polaritas == "positif" else -1
    target: dict[int, object] = {}
    realisasi: dict[int, object] = {}
    for k, y in enumerate(years):
        t = base + sign * step * k
        t = max(t, 1 if integer else 0.5)
        if satuan == "%":
            t = min(t, 100)
        t = int(t) if integer else round(t, 2)
        r = t * rng.uniform(0.82, 1.12)
        if satuan == "%":
            r = min(r, 100)
        target[y] = t
        realisasi[y] = max(int(round(r)), 0) if integer else round(r, 2)
    renstra = {}
    for k, y in enumerate(range(RENSTRA[0], RENSTRA[1] + 1)):
        t = base + sign * step * (y - years[0])
        t = max(t, 1 if integer else 0.5)
        if satuan == "%":
            t = min(t, 100)
        renstra[y] = int(t) if integer else round(t, 2)
    awal = int(base - sign * step) if integer else round(base - sign * step, 2)
    return target, realisasi, renstra, max(awal, 0)


def _indicators(rng: random.Random, years: list[int]) -> tuple[list[Tujuan], list[Ind], int]:
    """Renstra tree plus indicators: tujuan, sasaran (IKU), program and kegiatan indicators, 20–40 in all."""
    total = rng.randint(20, 40)
    pos = list(_IND_POS)
    neg = list(_IND_NEG)
    rng.shuffle(pos)
    rng.shuffle(neg)
    pool = [(p, "positif") for p in pos] + [(n, "negatif") for n in neg]
    rng.shuffle(pool)
    inds: list[Ind] = []
    counter = {"IT": 0, "IKU": 0, "P": 0, "K": 0}

    def make(prefix: str, jenis: str, k: int) -> Ind:
        counter[prefix] += 1
        base_spec, pol = pool[k % len(pool)]
        nama = base_spec[0] if k < len(pool) else f"{base_spec[0]} (Lokus {k // len(pool) + 1})"
        t, r, ren, awal = _series(rng, base_spec, pol, years)
        return Ind(f"{prefix}{counter[prefix]:02d}", nama, base_spec[1], pol, jenis, t, r, ren, awal)

    # One qualitative IKU (SAKIP grade) in the first sasaran: real reports have one.
    y0 = years[0]
    sakip = Ind("SAKIP", "Nilai Evaluasi SAKIP Kecamatan", "predikat", "positif", "iku",
                {y: _GRADES[3 + (y - y0 > 0)] for y in years},
                {y: _GRADES[3 + rng.randint(0, 2)] for y in years},
                {y: _GRADES[3 + (y >= 2024)] for y in range(RENSTRA[0], RENSTRA[1] + 1)}, "B", kualitatif=_GRADES)
    tujuan: list[Tujuan] = []
    k = 0
    n_tujuan = rng.randint(2, 3)
    s_no = 0
    for ti in range(n_tujuan):
        it = make("IT", "sasaran", k)
        k += 1
        inds.append(it)
        sasaran = []
        for _ in range(rng.randint(2, 3)):
            s_no += 1
            ids = []
            for j in range(rng.randint(1, 2)):
                ind = make("IKU", "iku" if j == 0 else "sasaran", k)
                k += 1
                inds.append(ind)
                ids.append(ind.id)
            if s_no == 1:
                inds.append(sakip)
                ids.append(sakip.id)
            sasaran.append(Sasaran(f"S{s_no}", _SASARAN[(s_no - 1) % len(_SASARAN)], ids))
        tujuan.append(Tujuan(f"T{ti + 1}", _TUJUAN[ti % len(_TUJUAN)], [it.id], sasaran))
    return tujuan, inds, total


_TUJUAN = ("Mewujudkan tata kelola pemerintahan kecamatan yang akuntabel dan responsif",
           "Meningkatkan kualitas pelayanan publik dan kemandirian masyarakat",
           "Mewujudkan lingkungan kecamatan yang aman, tertib dan kondusif")
_SASARAN = ("Meningkatnya akuntabilitas kinerja perangkat kecamatan", "Meningkatnya kualitas pelayanan publik di "
            "kecamatan", "Meningkatnya peran lembaga kemasyarakatan desa dan kelurahan", "Meningkatnya kualitas "
            "penyelenggaraan pemerintahan desa", "Meningkatnya ketenteraman dan ketertiban umum", "Meningkatnya "
            "kerukunan dan wawasan kebangsaan masyarakat", "Meningkatnya kualitas pengelolaan keuangan dan aset",
            "Meningkatnya partisipasi masyarakat dalam pembangunan", "Meningkatnya kualitas data dan informasi "
            "kinerja kecamatan")


def _budget(rng: random.Random, sasaran: list[Sasaran]) -> list[Program]:
    """60–100 rows: start with one kegiatan and one sub kegiatan per program, grow at random until the row count."""
    target_rows = rng.randint(60, 100)
    n_prog = rng.randint(5, 6)
    programs = [Program(kode, nama, sasaran[i % len(sasaran)].id) for i, (kode, nama) in enumerate(_PROGRAMS[:n_prog])]
    rows = 0
    sub_no: dict[str, int] = {}

    def add_kegiatan(p: Program) -> Kegiatan:
        names = _KEGIATAN[p.kode]
        idx = len(p.kegiatan)
        nama = names[idx] if idx < len(names) else f"Kegiatan Penunjang {p.nama[8:]} {idx + 1}"
        keg = Kegiatan(f"{p.kode}.2.{idx + 1:02d}", nama)
        p.kegiatan.append(keg)
        return keg

    def add_sub(keg: Kegiatan) -> None:
        sub_no[keg.kode] = sub_no.get(keg.kode, 0) + rng.choice((1, 1, 1, 2))
        n = sub_no[keg.kode]
        nama = f"{rng.choice(_SUB_VERB)} {rng.choice(_SUB_OBJECT)}"
        if keg.kode.startswith("7.01.01.2.02") and not keg.sub:
            nama, pagu, jenis = "Penyediaan Gaji dan Tunjangan ASN", rng.randrange(2_500_000, 4_500_000) * 1000, \
                "pegawai"
        else:
            pagu = rng.randrange(5_000, 250_000) * 1000
            jenis = "modal" if rng.random() < 0.12 else "barang_jasa"
        real = int(pagu * rng.uniform(0.78, 1.0)) // 100 * 100
        keg.sub.append(Leaf(f"{keg.kode}.{n:04d}", nama, pagu, real, jenis))

    for p in programs:
        add_sub(add_kegiatan(p))
        rows += 3
    while rows < target_rows:
        p = rng.choice(programs)
        if rng.random() < 0.25 and len(p.kegiatan) < 9 and rows + 2 <= target_rows:
            add_sub(add_kegiatan(p))
            rows += 2
        else:
            keg = rng.choice(p.kegiatan)
            if len(keg.sub) >= 12:
                continue
            add_sub(keg)
            rows += 1
    return programs


def _unique_names(inds: list[Ind]) -> None:
    """Indicator names must be unique in a report (a chart or table row is labelled by name); number repeats."""
    seen: dict[str, int] = {}
    for ind in inds:
        count = seen.get(ind.nama, 0) + 1
        seen[ind.nama] = count
        if count > 1:
            ind.nama = f"{ind.nama} (Lokus {count})"


def draw(index: int, seed: int = DEFAULT_SEED, grafik: bool = True) -> Spec:
    """Everything random about report ``index``: depends on (seed, index) only."""
    rng = random.Random(seed * 1_000_003 + index)
    inst = index // YEARS_PER_INSTANSI
    tahun = FIRST_YEAR + index % YEARS_PER_INSTANSI
    nama = instansi_name(inst)
    years = [tahun - 2, tahun - 1, tahun]
    tujuan, inds, total = _indicators(rng, years)
    sasaran = [s for t in tujuan for s in t.sasaran]
    programs = _budget(rng, sasaran)
    # program indicators (one per program), then kegiatan indicators up to the drawn total
    pool = [(p, "positif") for p in _IND_POS] + [(n, "negatif") for n in _IND_NEG]
    rng.shuffle(pool)
    k = 0
    for no, prog in enumerate(programs, 1):
        spec, pol = pool[k % len(pool)]
        k += 1
        t, r, ren, awal = _series(rng, spec, pol, years)
        inds.append(Ind(f"P{no:02d}", f"{spec[0]} ({prog.nama[8:]})", spec[1], pol, "program", t, r, ren, awal,
                        program=prog.kode))
    kno = 0
    kegiatan = [(p, keg) for p in programs for keg in p.kegiatan]
    while len(inds) < total:
        spec, pol = pool[k % len(pool)]
        k += 1
        kno += 1
        prog, keg = kegiatan[(kno - 1) % len(kegiatan)]
        t, r, ren, awal = _series(rng, spec, pol, years)
        inds.append(Ind(f"K{kno:02d}", f"{spec[0]} pada {keg.nama if keg.nama.startswith('Kegiatan') else 'Kegiatan ' + keg.nama}", spec[1], pol, "kegiatan", t, r, ren,
                        awal, program=prog.kode))
    _unique_names(inds)
    given, family = rng.choice(_GIVEN), rng.choice(_FAMILY)
    return Spec(
        slug=f"{_slugify(nama)}-{tahun}", tahun=tahun, nama=nama, kabupaten=_KABUPATEN[inst % len(_KABUPATEN)],
        kepala=f"{given} {family}, {rng.choice(_TITLES)}", pangkat=rng.choice(_PANGKAT),
        nip=f"19{rng.randint(68, 85)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d} "
            f"{rng.randint(1990, 2010)}{rng.randint(1, 12):02d} 1 {rng.randint(1, 9):03d}",
        efisiensi=rng.choice(("rasio", "rasio", "selisih", "sisa_anggaran")), tujuan=tujuan, indikator=inds,
        programs=programs, lampiran=rng.randint(2, 6), grafik=grafik)


# ----------------------------------------------------------------------------------------------------------------
# Writing YAML (by hand: block style, one value per line, so an edit touches one line as an author's would)


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _scalar(v: object) -> str:
    if isinstance(v, str):
        return _q(v)
    return str(v)


def laporan_yaml(s: Spec) -> str:
    terbit = f"{s.tahun + 1}-02-15"
    return "\n".join([
        f"judul: Laporan Kinerja Instansi Pemerintah {s.instansi} Tahun {s.tahun}",
        f"tahun: {s.tahun}",
        "periode: tahunan",
        'versi: "1.0"',
        f"tanggal_terbit: {terbit}",
        "catatan_versi: Terbitan pertama (korpus sintetis untuk uji kecepatan)",
        "instansi:",
        f"  nama: {s.instansi}",
        "  jenis: kecamatan",
        f"  pemda: Pemerintah Kabupaten {s.kabupaten}",
        f"  alamat: Jl. Pemerintahan No. {len(s.nama)}, {s.nama}",
        "  telepon: (0511) 4770000",
        "  logo: gambar/logo.svg",
        "  kepala:",
        f"    nama: {s.kepala}",
        f"    jabatan: Camat {s.nama}",
        f"    pangkat: {s.pangkat}",
        f"    nip: {_q(s.nip)}",
        "penandatanganan:",
        f"  tempat: {s.nama}",
        f"  tanggal: {s.tahun + 1}-01-31",
        f"efisiensi: {s.efisiensi}",
        "",
    ])


def renstra_yaml(s: Spec) -> str:
    out = [f"periode: {{awal: {RENSTRA[0]}, akhir: {RENSTRA[1]}}}",
           f"visi: Terwujudnya Kabupaten {s.kabupaten} yang Maju, Mandiri dan Sejahtera",
           "misi:",
           "  - Meningkatkan kualitas penyelenggaraan pemerintahan yang bersih dan melayani",
           "  - Meningkatkan pemberdayaan masyarakat dan kemandirian desa",
           "  - Mewujudkan ketenteraman, ketertiban dan kerukunan masyarakat",
           "tujuan:"]
    for t in s.tujuan:
        out += [f"  - id: {t.id}", f"    uraian: {t.uraian}", f"    indikator: [{', '.join(t.indikator)}]",
                "    sasaran:"]
        for sa in t.sasaran:
            out += [f"      - id: {sa.id}", f"        uraian: {sa.uraian}",
                    f"        indikator: [{', '.join(sa.indikator)}]"]
    out += ["strategi:", "  - Mengoptimalkan koordinasi lintas sektor di tingkat kecamatan",
            "  - Memperkuat pembinaan aparatur desa dan kelurahan",
            "kebijakan:", "  - Meningkatkan kualitas data dan pelaporan kinerja",
            "  - Memperluas pelayanan administrasi terpadu kecamatan", ""]
    return "\n".join(out)


def indikator_yaml(s: Spec) -> str:
    out = ["indikator:"]
    for i in s.indikator:
        out += [f"  - id: {i.id}", f"    nama: {_q(i.nama)}", f"    satuan: {_q(i.satuan)}",
                f"    polaritas: {i.polaritas}", f"    jenis: {i.jenis}"]
        if i.kualitatif:
            out.append(f"    kualitatif: [{', '.join(i.kualitatif)}]")
        if i.program:
            out.append(f"    program: {i.program}")
        out += ["    sumber_data: Laporan bulanan seksi terkait",
                f"    kondisi_awal: {{tahun: {RENSTRA[0] - 1}, nilai: {_scalar(i.kondisi_awal)}}}",
                "    target_renstra: {" + ", ".join(f"{y}: {_scalar(v)}" for y, v in i.target_renstra.items()) + "}",
                "    target:"]
        out += [f"      {y}: {_scalar(v)}" for y, v in i.target.items()]
        out.append("    realisasi:")
        for y, v in i.realisasi.items():
            if i.id == "IKU02" and y == min(i.realisasi):
                out.append(f"      {y}: {{tidak_ada: Survei belum dilaksanakan pada tahun {y}}}")
            else:
                out.append(f"      {y}: {_scalar(v)}")
    out.append("")
    return "\n".join(out)


def pk_yaml(s: Spec) -> str:
    return "\n".join([
        f"tahun: {s.tahun}", "jenis: awal", f"tanggal: {s.tahun}-01-31",
        f"sasaran: [{', '.join(sa.id for sa in s.sasaran())}]",
        f"indikator: [{', '.join(i.id for i in s.indikator if not i.id.startswith('IT'))}]",
        f"program: [{', '.join(p.kode for p in s.programs)}]", ""])


def anggaran_yaml(s: Spec) -> str:
    out = [f"tahun: {s.tahun}", "program:"]
    for p in s.programs:
        out += [f"  - kode: {p.kode}", f"    nama: {p.nama}", f"    sasaran: {p.sasaran}", "    kegiatan:"]
        for k in p.kegiatan:
            out += [f"      - kode: {k.kode}", f"        nama: {_q(k.nama)}", "        sub_kegiatan:"]
            for leaf in k.sub:
                out += [f"          - kode: {leaf.kode}", f"            nama: {_q(leaf.nama)}",
                        f"            pagu: {leaf.pagu}", f"            realisasi: {leaf.realisasi}",
                        f"            jenis_belanja: {leaf.jenis_belanja}"]
    sums: dict[str, list[int]] = {}
    for leaf in s.leaves():
        acc = sums.setdefault(leaf.jenis_belanja, [0, 0])
        acc[0] += leaf.pagu
        acc[1] += leaf.realisasi
    out.append("jenis_belanja:")
    for jenis in ("pegawai", "barang_jasa", "modal"):
        if jenis in sums:
            out.append(f"  - {{jenis: {jenis}, pagu: {sums[jenis][0]}, realisasi: {sums[jenis][1]}}}")
    pagu = sum(leaf.pagu for leaf in s.leaves())
    real = sum(leaf.realisasi for leaf in s.leaves())
    out += [f"tahun_lalu: {{pagu: {pagu * 93 // 100}, realisasi: {real * 90 // 100}}}", ""]
    return "\n".join(out)


def dataset_csv(s: Spec) -> str:
    years = list(range(RENSTRA[0], RENSTRA[1] + 1))
    rows = ["program," + ",".join(str(y) for y in years)]
    for p in s.programs:
        base = sum(leaf.pagu for k in p.kegiatan for leaf in k.sub)
        rows.append(p.nama.removeprefix("Program ").replace(",", "") + ","
                    + ",".join(str(base * (100 + 4 * (y - years[0])) // 100) for y in years))
    return "\n".join(rows) + "\n"


def dataset_meta(s: Spec) -> str:
    years = range(RENSTRA[0], RENSTRA[1] + 1)
    return (f"judul: Kerangka Pendanaan Program Renstra {RENSTRA[0]}–{RENSTRA[1]}\n"
            "satuan: {" + ", ".join(f'"{y}": Rp' for y in years) + "}\n")


LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" role="img" aria-label="Logo">'
        '<circle cx="50" cy="50" r="46" fill="#0b4f6c"/></svg>\n')
STRUKTUR = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 120" role="img" aria-label="Struktur organisasi">'
            '<rect x="110" y="5" width="80" height="30" fill="#0b4f6c"/><rect x="10" y="80" width="80" height="30" '
            'fill="#57606a"/><rect x="210" y="80" width="80" height="30" fill="#57606a"/></svg>\n')

# ----------------------------------------------------------------------------------------------------------------
# Chapters


def _front(judul: str, jenis: str, urutan: int, bab: str | None = None) -> str:
    lines = ["---", f"judul: {_q(judul)}", f"jenis: {jenis}"]
    if bab:
        lines.append(f"bab: {bab}")
    lines += [f"urutan: {urutan}", "---", ""]
    return "\n".join(lines)


def _directive(block: str, kind: str, **options: object) -> str:
    lines = [f"```{{{block}}} {kind}"]
    for key, value in options.items():
        if isinstance(value, list):
            value = "[" + ", ".join(_q(str(v)) if block == "grafik" and key == "y" else str(v) for v in value) + "]"
        elif key == "judul":
            value = _q(str(value))
        lines.append(f"{key}: {value}")
    return "\n".join(lines + ["```", ""])


def _grafik(s: Spec, kind: str, **options: object) -> str:
    return _directive("grafik", kind, **options) if s.grafik else ""


_FILLER = (
    "Pelaksanaan kegiatan didukung oleh koordinasi yang baik antara seksi-seksi di lingkungan kecamatan, pemerintah "
    "desa, kelurahan dan perangkat daerah teknis terkait.",
    "Data capaian dihimpun dari laporan bulanan seksi, hasil monitoring lapangan dan aplikasi pelaporan kinerja yang "
    "dikelola subbagian program dan keuangan.",
    "Hambatan yang masih ditemui antara lain keterbatasan sumber daya aparatur, jarak tempuh antardesa yang jauh, "
    "serta ketersediaan data dasar yang belum seragam.",
    "Upaya yang ditempuh meliputi penjadwalan ulang kegiatan, pemanfaatan rapat koordinasi rutin dan pendampingan "
    "langsung kepada aparatur desa.",
    "Keberhasilan ini tidak lepas dari dukungan masyarakat, tokoh agama, tokoh adat dan lembaga kemasyarakatan yang "
    "terlibat aktif sejak tahap perencanaan.",
    "Ke depan, kualitas data kinerja akan ditingkatkan melalui verifikasi berjenjang sebelum laporan ditetapkan.",
    "Evaluasi internal dilakukan setiap triwulan untuk memastikan target tahunan dapat dicapai tepat waktu.",
)


def _para(rng: random.Random, lead: str, n: int = 3) -> str:
    picks = rng.sample(_FILLER, n)
    return " ".join([lead, *picks]) + "\n"


def chapters(s: Spec, rng: random.Random) -> dict[str, str]:
    """File name -> Markdown. 6 main chapters and ``s.lampiran`` Lampiran chapters."""
    y, y1 = s.tahun, s.tahun - 1
    inds = s.by_id()
    sas = s.sasaran()
    iku = [i for i in s.indikator if i.jenis == "iku" and not i.kualitatif]
    first = iku[0].id
    files: dict[str, str] = {}

    files["00-kata-pengantar.md"] = _front("Kata Pengantar", "kata-pengantar", 0) + "\n".join([
        _para(rng, f"Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa. Laporan Kinerja Instansi Pemerintah "
              f"{s.instansi} tahun {{nilai}}`laporan.tahun` disusun sebagai wujud pertanggungjawaban atas "
              "pelaksanaan tugas pokok dan fungsi kepada masyarakat.", 2),
        _para(rng, "Laporan ini memuat capaian kinerja sasaran strategis, perbandingan dengan tahun sebelumnya dan "
              "realisasi anggaran yang mendukungnya.", 2),
        "Kami menyadari laporan ini belum sempurna; saran dan masukan sangat kami harapkan.\n",
    ])

    files["01-ikhtisar-eksekutif.md"] = _front("Ikhtisar Eksekutif", "ikhtisar", 1) + "\n".join([
        "## Capaian kinerja\n",
        _para(rng, f"Rata-rata capaian kinerja sasaran tahun {{nilai}}`laporan.tahun` adalah {{nilai}}`capaian.rata_rata` "
              f"dengan predikat {{nilai}}`capaian.predikat`. Indikator {{nilai}}`{first}.nama` mencapai "
              f"{{nilai}}`{first}.capaian`. Rincian setiap indikator tersaji pada {{ref}}`ikhtisar-capaian`.", 1),
        _directive("tabel", "capaian", id="ikhtisar-capaian", judul=f"Capaian Indikator Kinerja Utama Tahun {y}",
                   sasaran=[sa.id for sa in sas[:2]]),
        "## Realisasi anggaran\n",
        _para(rng, "Pagu anggaran tahun ini {nilai}`anggaran.pagu` dengan realisasi {nilai}`anggaran.realisasi` atau "
              "serapan {nilai}`anggaran.serapan`; sisa anggaran {nilai}`anggaran.sisa`.", 1),
        _directive("tabel", "anggaran", id="ikhtisar-anggaran", judul=f"Realisasi Anggaran per Program Tahun {y}",
                   tingkat="program"),
        "Penjelasan lengkap ada pada [BAB III](30-bab-3-akuntabilitas-kinerja.md).\n",
    ])

    files["10-bab-1-pendahuluan.md"] = _front("Pendahuluan", "bab", 10, "I") + "\n".join([
        "## Latar Belakang\n",
        _para(rng, f"{s.instansi} merupakan perangkat daerah Pemerintah Kabupaten {s.kabupaten} yang dipimpin oleh "
              "camat dan berkedudukan di bawah serta bertanggung jawab kepada bupati melalui sekretaris daerah.", 3),
        _para(rng, "Laporan kinerja disusun setiap tahun untuk menilai keberhasilan pelaksanaan Perjanjian Kinerja "
              "dan menjadi bahan perbaikan perencanaan tahun berikutnya.", 2),
        "## Dasar Hukum\n",
        "- Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah;\n"
        "- Peraturan Menteri PANRB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan "
        "Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah;\n"
        "- Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan.\n",
        "## Tugas Pokok dan Fungsi\n",
        _para(rng, "Camat menyelenggarakan urusan pemerintahan umum, mengoordinasikan kegiatan pemberdayaan "
              "masyarakat, ketenteraman dan ketertiban umum, serta membina penyelenggaraan pemerintahan desa.", 3),
        "## Struktur Organisasi\n",
        "![Struktur organisasi](gambar/struktur.svg)\n",
        _para(rng, "Struktur organisasi terdiri atas camat, sekretaris kecamatan, kepala seksi dan kelompok jabatan "
              "fungsional.", 2),
        "## Isu Strategis\n",
        _para(rng, "Isu strategis yang dihadapi meliputi kualitas pelayanan administrasi, kapasitas aparatur desa, "
              "dan partisipasi masyarakat dalam pembangunan.", 4),
        "## Sistematika Penyajian\n",
        "Laporan ini terdiri atas Ikhtisar Eksekutif, BAB I Pendahuluan, [BAB II Perencanaan "
        "Kinerja](20-bab-2-perencanaan-kinerja.md), [BAB III Akuntabilitas Kinerja](30-bab-3-akuntabilitas-kinerja.md), "
        "BAB IV Penutup dan lampiran.\n",
    ])

    years = [str(v) for v in range(RENSTRA[0], RENSTRA[1] + 1)]
    files["20-bab-2-perencanaan-kinerja.md"] = _front("Perencanaan Kinerja", "bab", 20, "II") + "\n".join([
        "## Rencana Strategis\n",
        _para(rng, f"Rencana Strategis {RENSTRA[0]}–{RENSTRA[1]} memuat {len(s.tujuan)} tujuan dan {len(sas)} "
              "sasaran strategis yang selaras dengan RPJMD kabupaten. Ringkasannya tersaji pada "
              "{ref}`renstra`.", 2),
        _directive("tabel", "renstra", id="renstra", judul=f"Tujuan, Sasaran dan Indikator Renstra {RENSTRA[0]}–"
                   f"{RENSTRA[1]}"),
        "## Indikator Kinerja Utama\n",
        _para(rng, "Indikator Kinerja Utama ditetapkan dengan keputusan camat dan menjadi ukuran keberhasilan "
              "sasaran strategis.", 2),
        _directive("tabel", "iku", id="iku", judul=f"Indikator Kinerja Utama {s.instansi}"),
        "## Perjanjian Kinerja\n",
        _para(rng, f"Perjanjian Kinerja tahun {y} ditandatangani pada awal tahun dan memuat "
              "{nilai}`laporan.jumlah_indikator` indikator beserta program pendukungnya ({ref}`pk`).", 2),
        _directive("tabel", "pk", id="pk", judul=f"Perjanjian Kinerja Tahun {y}"),
        "## Kerangka Pendanaan\n",
        _para(rng, "Kebutuhan pendanaan program selama periode Renstra tersaji pada {ref}`tabel-pendanaan`.", 1),
        _grafik(s, "dataset", id="grafik-pendanaan", judul="Rencana Pendanaan Program per Tahun",
                dataset="pendanaan-renstra", x="program", y=years, jenis="batang_tumpuk"),
        _directive("tabel", "dataset", id="tabel-pendanaan", judul="Rencana Pendanaan Program per Tahun (Rp)",
                   dataset="pendanaan-renstra"),
    ])

    bab3 = [
        "## Pengukuran Kinerja\n",
        _para(rng, "Capaian setiap indikator dihitung dari realisasi terhadap target. Indikator yang belum terukur "
              "ditandai tidak tersedia beserta alasannya dan tidak dihitung sebagai nol.", 2),
        "## Capaian Kinerja Organisasi\n",
        _para(rng, "Rata-rata capaian seluruh sasaran adalah {nilai}`capaian.rata_rata`. {ref}`capaian` memuat "
              "capaian setiap indikator Perjanjian Kinerja.", 1),
        _directive("tabel", "capaian", id="capaian", judul=f"Capaian Indikator Kinerja Tahun {y}"),
        _grafik(s, "target_realisasi", id="grafik-target-realisasi", judul=f"Capaian Indikator Kinerja Tahun {y}"),
    ]
    for sa in sas:
        bab3.append(f"### Sasaran {sa.id[1:]}: {sa.uraian}\n")
        bab3.append(f"Capaian sasaran ini adalah {{nilai}}`capaian.{sa.id}`.\n")
        for iid in sa.indikator:
            i = inds[iid]
            if i.kualitatif:
                bab3.append(f"Indikator {{nilai}}`{iid}.nama` ditargetkan {{nilai}}`{iid}.target` dan terealisasi "
                            f"{{nilai}}`{iid}.realisasi`.\n")
                continue
            bab3.append(_para(
                rng, f"Indikator {{nilai}}`{iid}.nama` ditargetkan {{nilai}}`{iid}.target` dan terealisasi "
                f"{{nilai}}`{iid}.realisasi`, sehingga capaiannya {{nilai}}`{iid}.capaian` dengan predikat "
                f"{{nilai}}`{iid}.predikat`. Pada tahun {y1} realisasinya {{nilai}}`{iid}.realisasi@{y1}`.",
                rng.randint(2, 4)))
    bab3 += [
        "## Perbandingan dengan Tahun Sebelumnya\n",
        _para(rng, "{ref}`perbandingan` membandingkan realisasi tiga tahun terakhir.", 2),
        _directive("tabel", "perbandingan_tahun", id="perbandingan", judul=f"Realisasi Indikator Tahun {y - 2}–{y}"),
        _grafik(s, "tren", id="grafik-tren", judul="Perkembangan Realisasi Indikator Kinerja Utama",
                indikator=[i.id for i in iku[:3]]),
        "## Efisiensi Penggunaan Sumber Daya\n",
        _para(rng, "Efisiensi dihitung dengan membandingkan capaian kinerja program dan serapan anggarannya "
              "({ref}`efisiensi`).", 2),
        _directive("tabel", "efisiensi", id="efisiensi", judul="Efisiensi Penggunaan Anggaran per Program"),
        _grafik(s, "efisiensi", id="grafik-efisiensi", judul="Capaian Kinerja dan Serapan Anggaran per Program"),
        "## Realisasi Anggaran\n",
        _para(rng, f"Pagu tahun {y} sebesar {{nilai}}`anggaran.pagu` terealisasi {{nilai}}`anggaran.realisasi` "
              f"({{nilai}}`anggaran.serapan`). Program {s.programs[0].nama.removeprefix('Program ')} menyerap "
              f"{{nilai}}`anggaran.{s.programs[0].kode}.serapan`.", 2),
        _directive("tabel", "anggaran", id="anggaran", judul=f"Realisasi Anggaran per Program dan Kegiatan Tahun {y}",
                   tingkat="kegiatan"),
        _grafik(s, "anggaran_program", id="grafik-anggaran", judul="Pagu dan Realisasi per Program"),
        _directive("tabel", "jenis_belanja", id="jenis-belanja", judul=f"Realisasi per Jenis Belanja Tahun {y}"),
        _grafik(s, "jenis_belanja", id="grafik-jenis-belanja", judul="Pagu dan Realisasi per Jenis Belanja"),
        _directive("tabel", "kinerja_anggaran", id="kinerja-anggaran", judul="Capaian Kinerja dan Anggaran per "
                   "Sasaran"),
    ]
    files["30-bab-3-akuntabilitas-kinerja.md"] = _front("Akuntabilitas Kinerja", "bab", 30, "III") + "\n".join(bab3)

    files["40-bab-4-penutup.md"] = _front("Penutup", "bab", 40, "IV") + "\n".join([
        "## Kesimpulan\n",
        _para(rng, "Secara umum sasaran strategis tahun ini tercapai dengan rata-rata capaian "
              "{nilai}`capaian.rata_rata` dan serapan anggaran {nilai}`anggaran.serapan`.", 2),
        "## Permasalahan\n",
        _para(rng, "Beberapa indikator belum mencapai target karena keterbatasan sumber daya dan data dasar.", 2),
        "## Langkah ke Depan\n",
        _para(rng, "Langkah perbaikan meliputi penguatan koordinasi, peningkatan kapasitas aparatur dan "
              "perbaikan sistem pelaporan.", 3),
    ])

    lampiran = [
        ("perjanjian-kinerja", "Perjanjian Kinerja", _directive("tabel", "pk", id="lampiran-pk",
                                                                judul=f"Perjanjian Kinerja Tahun {y}")),
        ("rincian-anggaran", "Rincian Realisasi Anggaran",
         _directive("tabel", "anggaran", id="lampiran-anggaran", judul="Realisasi per Sub Kegiatan",
                    tingkat="sub_kegiatan")),
        ("indikator-kinerja-utama", "Indikator Kinerja Utama",
         _directive("tabel", "iku", id="lampiran-iku", judul="Keputusan Camat tentang Indikator Kinerja Utama")),
        ("matriks-renstra", "Matriks Renstra",
         _directive("tabel", "renstra", id="lampiran-renstra", judul="Matriks Tujuan dan Sasaran Renstra")),
        ("capaian-antartahun", "Capaian Antartahun",
         _directive("tabel", "perbandingan_tahun", id="lampiran-perbandingan", judul="Realisasi Tiga Tahun")),
        ("capaian-per-sasaran", "Capaian per Sasaran",
         "\n".join(_directive("tabel", "capaian", id=f"lampiran-capaian-{sa.id.lower()}",
                              judul=f"Capaian Sasaran {sa.id[1:]}", sasaran=[sa.id]) for sa in sas)),
    ]
    for no, (stem, judul, body) in enumerate(lampiran[:s.lampiran]):
        letter = "ABCDEF"[no]
        files[f"9{no}-lampiran-{letter.lower()}-{stem}.md"] = _front(
            f"Lampiran {letter}: {judul}", "lampiran", 90 + no, letter) + "\n".join([
                _para(rng, f"Lampiran ini memuat {judul.lower()} {s.instansi} tahun {y}.", 1), body])
    return files


# ----------------------------------------------------------------------------------------------------------------
# Public API


SITUS = """judul: Portal Laporan Kinerja (Korpus Uji Kecepatan)
pemda: Pemerintah Provinsi Contoh
url_dasar: https://lkjip.contoh.go.id/
skala_predikat: permendagri-86-2017
"""


def write_report(laporan_dir: Path, index: int, seed: int = DEFAULT_SEED, grafik: bool = True) -> str:
    """Write report ``index`` under ``laporan_dir``; returns its slug."""
    s = draw(index, seed, grafik)
    rng = random.Random(seed * 7_000_003 + index)
    d = laporan_dir / s.slug
    (d / "data").mkdir(parents=True, exist_ok=True)
    (d / "gambar").mkdir(exist_ok=True)
    texts = {
        "laporan.yaml": laporan_yaml(s),
        "data/renstra.yaml": renstra_yaml(s),
        "data/indikator.yaml": indikator_yaml(s),
        "data/pk.yaml": pk_yaml(s),
        "data/anggaran.yaml": anggaran_yaml(s),
        "data/pendanaan-renstra.csv": dataset_csv(s),
        "data/pendanaan-renstra.yaml": dataset_meta(s),
        "gambar/logo.svg": LOGO,
        "gambar/struktur.svg": STRUKTUR,
    }
    texts.update(chapters(s, rng))
    for rel, text in texts.items():
        (d / rel).write_text(text, encoding="utf-8")
    return s.slug


def generate(out: Path, n: int, seed: int = DEFAULT_SEED, grafik: bool = True) -> Path:
    """Write a fresh corpus of ``n`` reports to ``out/content`` (removed first); returns the content folder."""
    content = out / "content"
    if content.exists():
        shutil.rmtree(content)
    (content / "laporan").mkdir(parents=True)
    (out / "situs.yaml").write_text(SITUS, encoding="utf-8")
    for i in range(n):
        write_report(content / "laporan", i, seed, grafik)
    return content


def slugs(content: Path) -> list[str]:
    return sorted(p.name for p in (content / "laporan").iterdir() if p.is_dir())


def edit_chapter(content: Path, step: int) -> Path:
    """An author's edit of one chapter: one sentence added to BAB I of the middle report. Returns the file."""
    reports = slugs(content)
    path = content / "laporan" / reports[len(reports) // 2] / "10-bab-1-pendahuluan.md"
    text = path.read_text(encoding="utf-8")
    marker = "## Tugas Pokok dan Fungsi\n"
    sentence = f"Catatan penyuntingan ke-{step}: paragraf ini diperbarui setelah reviu internal.\n\n"
    path.write_text(text.replace(marker, sentence + marker, 1), encoding="utf-8")
    return path


def edit_value(content: Path, step: int) -> Path:
    """One data value changed: the current-year realisasi of the first IKU of the middle report (one line)."""
    reports = slugs(content)
    slug = reports[len(reports) // 2]
    path = content / "laporan" / slug / "data" / "indikator.yaml"
    tahun = int(slug.rsplit("-", 1)[1])
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index("  - id: IKU01")
    real = next(k for k in range(start, len(lines)) if lines[k] == "    realisasi:")
    row = next(k for k in range(real, len(lines)) if lines[k].startswith(f"      {tahun}: "))
    old = lines[row].split(": ", 1)[1]
    new = float(old) + 0.25 * step
    lines[row] = f"      {tahun}: {new:.2f}"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Buat korpus LKjIP sintetis untuk uji kecepatan build.")
    p.add_argument("out", type=Path, help="folder tujuan (content/ ditulis di dalamnya)")
    p.add_argument("--n", type=int, default=10, help="jumlah laporan (bawaan 10)")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED)
    p.add_argument("--tanpa-grafik", action="store_true", help="tanpa blok {grafik}")
    args = p.parse_args(argv)
    content = generate(args.out, args.n, args.seed, grafik=not args.tanpa_grafik)
    print(f"{args.n} laporan ditulis ke {content}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
