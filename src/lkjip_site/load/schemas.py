"""The schema of every content file, in one place (see ``docs/panduan-penulis.md`` for the author's view)."""

from __future__ import annotations

from typing import Any

from ..core.model import DATA_LICENCES, JENIS_BELANJA
from .schema import AnyOf, Bool, Date, Field, Grade, Int, ListOf, MapOf, Num, Obj, SchemaDoc, Str, is_number

ID = r"[A-Za-z0-9][A-Za-z0-9_.\-]*"
SLUG = r"[a-z0-9][a-z0-9\-]*"
QUARTER_KEYS = ("tahunan", "tw1", "tw2", "tw3", "tw4")
#: What ``lkjip new --dari`` writes at the top of each file it carried from last year's report (laporan.yaml,
#: data/anggaran.yaml, every chapter): the author removes the line once the file is rewritten or filled in; until
#: then ``check`` says what is left (isian-salinan) and ``terbitkan`` refuses.
CARRIED = Str(pattern=SLUG, pattern_hint="nama folder laporan lama",
              doc="laporan lama asal salinan 'lkjip new --dari'; hapus baris ini setelah isinya ditulis ulang/diisi")


def _req(node: Any, hint: str = "") -> Field:
    return Field(node, required=True, hint=hint)


def _opt(node: Any) -> Field:
    return Field(node)


TEXT = Str()
#: A name or a title, shown on one line: a TAB or a line break inside it is an error (``Str.one_line``); TEXT is
#: prose (definisi, uraian, catatan_versi, ringkasan, alamat, ...), where ``>``/``|`` blocks may hold several lines.
NAME = Str(one_line=True)
#: A name the open data publishes as a cell of its CSV: a spreadsheet must not read it as a formula (``Str.cell``).
CELL_NAME = Str(one_line=True, cell=True)
YEAR = Int(min=1990, max=2100, doc="tahun, mis. 2023")
MISSING = Obj({"tidak_ada": _req(Str(doc="alasan nilai tidak tersedia", cell=True))},
              doc="nilai tidak tersedia beserta alasannya")
GRADE = Grade(doc="nilai kualitatif, mis. B", cell=True)
GRADE_OR_NUMBER = AnyOf(
    [(is_number, Num()), (lambda v: isinstance(v, str), GRADE),
     (lambda v: isinstance(v, dict), MISSING)],
    expected="angka, nilai kualitatif (teks) atau {tidak_ada: alasan}",
    doc="angka, nilai kualitatif, atau nilai tidak tersedia",
)
QUARTERS = Obj({k: _opt(GRADE_OR_NUMBER) for k in QUARTER_KEYS}, doc="nilai per triwulan dan/atau tahunan")
PERIOD_VALUE = AnyOf(
    [(is_number, Num()), (lambda v: isinstance(v, str), GRADE),
     (lambda v: isinstance(v, dict) and "tidak_ada" in v, MISSING),
     (lambda v: isinstance(v, dict), QUARTERS)],
    expected="angka, nilai kualitatif, {tidak_ada: alasan} atau {tahunan/tw1..tw4: nilai}",
)
MONEY = Num(min=0, doc="rupiah, angka tanpa pemisah ribuan", money=True)
COLOUR = Str(pattern=r"#[0-9A-Fa-f]{6}", pattern_hint="warna heksadesimal #RRGGBB")

SCALE = Obj(
    {
        "nama": _req(CELL_NAME),  # perbandingan.csv's skala_predikat
        "batas": _opt(Str(choices=("kiri", "kanan"), doc="kiri: [min, max); kanan: (min, max]")),
        "kelas": _req(ListOf(Obj({
            "label": _req(CELL_NAME),
            "min": _opt(Num(doc="batas bawah; kosong berarti tak hingga negatif")),
            "max": _opt(Num(doc="batas atas; kosong berarti tak hingga")),
            "warna": _opt(COLOUR),
        }), min_items=1)),
    },
    doc="skala predikat capaian",
)
SCALES = MapOf(Str(pattern=SLUG, pattern_hint="huruf kecil, angka dan '-'"), SCALE)
#: How capaian and the organisation's average are computed; in situs.yaml (default of every report) and laporan.yaml.
CAPAIAN = Obj({
    "rumus_negatif": _opt(Str(choices=("standar", "rasio_terbalik"))),
    "hasil_negatif": _opt(Str(choices=("nol", "tidak_tercapai"))),
    "batas_100": _opt(Bool(doc="batasi setiap capaian pada 100 % sebelum dirata-rata")),
    "rata_rata": _opt(Str(choices=("per_sasaran", "per_indikator"),
                          doc="per_sasaran: rerata indikator per sasaran, lalu antar-sasaran; "
                              "per_indikator: rerata seluruh indikator terukur")),
}, doc="aturan penghitungan capaian dan rata-rata capaian kinerja")

#: The open data's licence: a known id, or a licence named by the site itself (a Perkada's own terms).
DATA_LICENCE = AnyOf(
    [(lambda v: isinstance(v, str), Str(choices=tuple(DATA_LICENCES))),
     (lambda v: isinstance(v, dict), Obj({
         "nama": _req(NAME),
         "url": _req(Str(pattern=r"https?://\S+", pattern_hint="alamat lengkap naskah lisensi, mis. https://…")),
     }))],
    expected=f"id lisensi ({', '.join(DATA_LICENCES)}) atau {{nama: ..., url: ...}}",
    doc="lisensi data terbuka setiap versi laporan baru",
)

SITE = SchemaDoc("situs", "Konfigurasi situs (situs.yaml di folder situs)", Obj({
    "judul": _req(NAME),
    "pemda": _req(CELL_NAME),  # every open data CSV's pemda column
    "url_dasar": _req(Str(pattern=r"https?://\S+/", pattern_hint="URL lengkap yang diakhiri '/', mis. https://lkjip.contoh.go.id/")),
    "bahasa": _opt(Str(choices=("id-ID",))),
    "tema": _opt(Str(pattern=SLUG, pattern_hint="nama folder tema")),
    "skala_predikat": _opt(Str(pattern=SLUG)),
    "html_mentah": _opt(Bool(doc="izinkan HTML mentah dalam Markdown")),
    "label_gambar": _opt(Str(choices=("Gambar", "Grafik"))),
    "skala": _opt(SCALES),
    "capaian": _opt(CAPAIAN),
    "lisensi_data": _opt(DATA_LICENCE),
}))

PERSON = Obj({
    "nama": _req(NAME),
    "jabatan": _req(NAME),
    "pangkat": _req(NAME),
    "nip": _req(Str(pattern=r"\d{8} ?\d{6} ?\d ?\d{3}", pattern_hint="NIP 18 angka (spasi boleh)", allow_numbers=True)),
})

REPORT = SchemaDoc("laporan", "Metadata laporan (content/laporan/<slug>/laporan.yaml)", Obj({
    "judul": _opt(NAME),
    "tahun": _req(YEAR),
    "periode": _req(Str(choices=("tahunan", "tw1", "tw2", "tw3", "tw4"))),
    "versi": _req(Str(pattern=r"[0-9A-Za-z][0-9A-Za-z.\-]*", pattern_hint="angka/huruf, titik dan '-' (mis. 1.0)", allow_numbers=True)),
    "tanggal_terbit": _req(Date()),
    "catatan_versi": _opt(TEXT),
    "instansi": _req(Obj({
        # instansi, instansi_kini and pemda: a column of every row of the open data's CSVs and perbandingan.csv
        "nama": _req(CELL_NAME),
        "nama_sebelumnya": _opt(ListOf(NAME, min_items=1, doc="nama lama instansi ini sebelum berganti nama atau "
                                       "bergabung, persis seperti instansi.nama di laporan lamanya")),
        "jenis": _opt(NAME),
        "pemda": _opt(CELL_NAME),
        "alamat": _opt(TEXT),
        "telepon": _opt(Str(allow_numbers=True)),
        "email": _opt(TEXT),
        "situs": _opt(TEXT),
        "logo": _opt(TEXT),
        "kepala": _req(PERSON),
    })),
    "penandatanganan": _req(Obj({"tempat": _req(NAME), "tanggal": _req(Date())})),
    "skala_predikat": _opt(Str(pattern=SLUG)),
    "skala": _opt(SCALES),
    "capaian": _opt(CAPAIAN),
    "efisiensi": _opt(Str(choices=("sisa_anggaran", "rasio", "selisih", "selisih_pita"))),
    "disalin_dari": _opt(CARRIED),
}))

FRONT_MATTER = SchemaDoc("bab", "Front matter bab (--- di awal berkas .md)", Obj({
    "judul": _req(NAME),
    "jenis": _req(Str(choices=("kata-pengantar", "ikhtisar", "bab", "lampiran"))),
    "bab": _opt(Str(pattern=r"[IVXLC]+|[A-Z]|\d+", pattern_hint="angka Romawi (I, II, III, IV) atau huruf", allow_numbers=True)),
    "urutan": _req(Int(min=0)),
    "id": _opt(Str(pattern=SLUG, pattern_hint="huruf kecil, angka dan '-'")),
    "ringkasan": _opt(TEXT),
    "disalin_dari": _opt(CARRIED),
}))

RENSTRA = SchemaDoc("renstra", "Renstra (data/renstra.yaml)", Obj({
    "periode": _req(Obj({"awal": _req(YEAR), "akhir": _req(YEAR)})),
    "visi": _req(TEXT),
    "misi": _req(ListOf(TEXT, min_items=1)),
    "tujuan": _req(ListOf(Obj({
        "id": _req(Str(pattern=ID, allow_numbers=True)),
        "uraian": _req(TEXT),
        "indikator": _opt(ListOf(Str(pattern=ID, allow_numbers=True))),
        "sasaran": _req(ListOf(Obj({
            "id": _req(Str(pattern=ID, allow_numbers=True)),
            "uraian": _req(Str(cell=True)),
            "indikator": _req(ListOf(Str(pattern=ID, allow_numbers=True), min_items=1)),
        }), min_items=1)),
    }), min_items=1)),
    "strategi": _opt(ListOf(TEXT)),
    "kebijakan": _opt(ListOf(TEXT)),
}))

INDICATOR = Obj({
    "id": _req(Str(pattern=ID, pattern_hint="huruf, angka, '.', '_' atau '-'", allow_numbers=True)),
    "nama": _req(CELL_NAME),
    "satuan": _req(CELL_NAME),
    "polaritas": _req(Str(choices=("positif", "negatif"))),
    "jenis": _opt(Str(choices=("iku", "tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"))),
    "agregasi": _opt(Str(choices=("jumlah", "terakhir", "rata_rata"))),
    "kualitatif": _opt(ListOf(Str(allow_numbers=True, cell=True), min_items=2)),
    "definisi": _opt(TEXT),
    "formula": _opt(TEXT),
    "sumber_data": _opt(TEXT),
    "penanggung_jawab": _opt(TEXT),
    "program": _opt(Str(allow_numbers=True, cell=True)),
    "kondisi_awal": _opt(Obj({"tahun": _req(YEAR), "nilai": _req(GRADE_OR_NUMBER)})),
    "target_renstra": _opt(MapOf(YEAR, GRADE_OR_NUMBER)),
    "target_akhir": _opt(GRADE_OR_NUMBER),
    "target_nasional": _opt(Obj({"nilai": _req(GRADE_OR_NUMBER), "sumber": _req(TEXT)})),
    "target": _opt(MapOf(YEAR, PERIOD_VALUE)),
    "realisasi": _opt(MapOf(YEAR, PERIOD_VALUE)),
    "tertulis": _opt(MapOf(YEAR, Obj({"capaian": _opt(Num()), "predikat": _opt(TEXT)}))),
})
INDICATORS = SchemaDoc("indikator", "Indikator kinerja (data/indikator.yaml)", Obj({
    "indikator": _req(ListOf(INDICATOR, min_items=1)),
}))

PK_PARTY = Obj({"nama": _req(NAME), "jabatan": _req(NAME)})
PK = SchemaDoc("pk", "Perjanjian Kinerja (data/pk.yaml)", Obj({
    "tahun": _req(YEAR),
    "jenis": _opt(Str(choices=("awal", "perubahan"))),
    "tanggal": _opt(Date()),
    "pihak_pertama": _opt(PK_PARTY),
    "pihak_kedua": _opt(PK_PARTY),
    "sasaran": _req(ListOf(Str(pattern=ID, allow_numbers=True), min_items=1)),
    "indikator": _opt(ListOf(Str(pattern=ID, allow_numbers=True))),
    "program": _opt(ListOf(Str(allow_numbers=True))),
    # indikator.csv's alasan_perubahan
    "alasan_perubahan": _opt(Str(doc="PK Perubahan: alasan perubahan target yang tidak menulis alasannya sendiri",
                                 cell=True)),
    "target_awal": _opt(ListOf(Obj({
        "indikator": _req(Str(pattern=ID, allow_numbers=True)),
        "target": _req(GRADE_OR_NUMBER, "target tahunan menurut PK awal, mis. target: 100"),
        "alasan": _opt(Str(doc="alasan target ini diubah", cell=True)),
    }, doc="target tahunan sebelum PK Perubahan"), min_items=1,
        doc="PK Perubahan: target yang berubah, dengan target menurut PK awal dan alasannya")),
}))

_STATED = {"pagu_tertulis": _opt(MONEY), "realisasi_tertulis": _opt(MONEY)}
SUB_KEGIATAN = Obj({
    "kode": _req(Str(allow_numbers=True)),
    "nama": _req(CELL_NAME),
    # published as cells of anggaran.csv (indikator_output, satuan_output): no spreadsheet formula
    "indikator": _opt(CELL_NAME),
    "satuan": _opt(CELL_NAME),
    "target": _opt(GRADE_OR_NUMBER),
    "realisasi_output": _opt(GRADE_OR_NUMBER),
    "pagu": _req(MONEY, "pagu dalam rupiah tanpa pemisah ribuan, mis. pagu: 100000000"),
    "pagu_awal": _opt(Num(min=0, money=True, doc="pagu sebelum APBD Perubahan (DPA awal), hanya bila pagu sub "
                                                   "kegiatan ini diubah DPPA; 0 untuk sub kegiatan baru")),
    "realisasi": _req(AnyOf([(is_number, MONEY), (lambda v: isinstance(v, dict), MISSING)],
                            expected="angka rupiah atau {tidak_ada: alasan}"),
                      "realisasi dalam rupiah tanpa pemisah ribuan, mis. realisasi: 95000000 (0 bila tidak ada "
                      "belanja), atau realisasi: {tidak_ada: <alasan>} bila realisasi setahun belum ada (laporan "
                      "triwulan, dengan realisasi_tw)"),
    "realisasi_tw": _opt(Obj({k: _opt(MONEY) for k in QUARTER_KEYS[1:]})),
    "jenis_belanja": _opt(Str(choices=tuple(JENIS_BELANJA))),
})
KEGIATAN = Obj({
    "kode": _req(Str(allow_numbers=True)),
    "nama": _req(CELL_NAME),
    **_STATED,
    "sub_kegiatan": _req(ListOf(SUB_KEGIATAN, min_items=1)),
})
PROGRAM = Obj({
    "kode": _req(Str(allow_numbers=True)),
    "nama": _req(CELL_NAME),
    "sasaran": _opt(Str(pattern=ID, allow_numbers=True)),
    **_STATED,
    "kegiatan": _req(ListOf(KEGIATAN, min_items=1)),
})
BUDGET = SchemaDoc("anggaran", "Anggaran (data/anggaran.yaml)", Obj({
    "tahun": _req(YEAR),
    "program": _req(ListOf(PROGRAM, min_items=1)),
    "jenis_belanja": _opt(ListOf(Obj({
        "jenis": _req(Str(choices=tuple(JENIS_BELANJA))),
        "pagu": _req(MONEY),
        "realisasi": _req(MONEY),
    }))),
    "total_tertulis": _opt(Obj({"pagu": _opt(MONEY), "realisasi": _opt(MONEY)})),
    "tahun_lalu": _opt(Obj({"pagu": _req(MONEY), "realisasi": _req(MONEY)})),
    "disalin_dari": _opt(CARRIED),
}))

IKM = SchemaDoc("ikm", "Survei Kepuasan Masyarakat (data/ikm.yaml)", Obj({
    "tahun": _req(YEAR),
    "responden": _opt(Int(min=1)),
    "unsur": _req(ListOf(Obj({
        "kode": _req(Str(pattern=r"U[1-9]", pattern_hint="U1 sampai U9")),
        "nama": _req(NAME),
        "nilai": _req(Num(min=1, max=4, doc="nilai rata-rata unsur (NRR) 1 sampai 4")),
    }), min_items=9)),
}))

DATASET_META = SchemaDoc("dataset", "Keterangan dataset CSV (data/<nama>.yaml)", Obj({
    "judul": _opt(TEXT),
    "satuan": _opt(MapOf(Str(), TEXT)),
}))

ALL: list[SchemaDoc] = [SITE, REPORT, FRONT_MATTER, RENSTRA, INDICATORS, PK, BUDGET, IKM, DATASET_META]
DATA_FILES: dict[str, SchemaDoc] = {
    "renstra.yaml": RENSTRA,
    "indikator.yaml": INDICATORS,
    "pk.yaml": PK,
    "anggaran.yaml": BUDGET,
    "ikm.yaml": IKM,
}
