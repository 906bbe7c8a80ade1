"""In-memory model of a site and its reports.

Everything the site and the PDF render comes from these objects, so both outputs cannot disagree.
The ``load`` stage fills them after validation; ``compute`` derives numbers from them; ``markdown``, ``elements``
and ``output`` only read them.

The dataclasses have ``__slots__`` (as the computed results in ``compute/`` have): a build holds every report's model
at once, most of them read back from the stored states (``build.Session``), and an unpickled object without slots
gets a dictionary of its own (an indicator value with its two source locations: 901 bytes instead of 594). So no
object of the model takes attributes that are not its fields.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, Union
from urllib.parse import urlsplit

from .compact import Compact
from .deferred import Deferrable, Deferred
from .numbers import Derived

Polarity = Literal["positif", "negatif"]
Aggregation = Literal["jumlah", "terakhir", "rata_rata"]
PeriodKind = Literal["tahunan", "tw1", "tw2", "tw3", "tw4"]
QUARTERS: tuple[str, ...] = ("tw1", "tw2", "tw3", "tw4")
#: Periods in the order of a year: TW I before TW II … before the annual report (sorting, comparing reports).
PERIOD_ORDER: dict[str, int] = {"tw1": 1, "tw2": 2, "tw3": 3, "tw4": 4, "tahunan": 5}
#: What ``periode`` may say: the year, or one of its quarters.
PERIODS: tuple[str, ...] = ("tahunan", *QUARTERS)
#: Jenis belanja codes (Permendagri 90/2019 groups) in reporting order, with their printed names. ``operasi`` is for
#: documents that give Belanja Operasi as one figure without splitting pegawai / barang dan jasa.
JENIS_BELANJA: dict[str, str] = {
    "pegawai": "Belanja Pegawai",
    "barang_jasa": "Belanja Barang dan Jasa",
    "operasi": "Belanja Operasi",
    "modal": "Belanja Modal",
    "tidak_terduga": "Belanja Tidak Terduga",
    "transfer": "Belanja Transfer",
    "lainnya": "Belanja Lainnya",
}
#: Licences ``lisensi_data`` in situs.yaml names by id (the Open Definition / SPDX id a data catalogue such as Satu Data
#: Indonesia's CKAN recognises), with the name the report page prints and the licence's text.
DATA_LICENCES: dict[str, tuple[str, str]] = {
    "CC-BY-4.0": ("Creative Commons Atribusi 4.0 Internasional (CC BY 4.0)",
                  "https://creativecommons.org/licenses/by/4.0/deed.id"),
    "CC-BY-SA-4.0": ("Creative Commons Atribusi-BerbagiSerupa 4.0 Internasional (CC BY-SA 4.0)",
                     "https://creativecommons.org/licenses/by-sa/4.0/deed.id"),
    "CC0-1.0": ("Creative Commons CC0 1.0 Universal (domain publik)",
                "https://creativecommons.org/publicdomain/zero/1.0/deed.id"),
    "ODC-BY-1.0": ("Open Data Commons Attribution License 1.0 (ODC-By)",
                   "https://opendatacommons.org/licenses/by/1-0/"),
    "ODbL-1.0": ("Open Data Commons Open Database License 1.0 (ODbL)",
                 "https://opendatacommons.org/licenses/odbl/1-0/"),
    "PDDL-1.0": ("Open Data Commons Public Domain Dedication and License 1.0 (PDDL)",
                 "https://opendatacommons.org/licenses/pddl/1-0/"),
}
#: Ids the printed report's own parts use; chapters, tables and figures may not take them.
RESERVED_IDS = frozenset({"sampul", "bagian-depan", "bagian-isi", "daftar-isi", "daftar-tabel", "daftar-gambar", "isi"})
#: The folders a report version publishes beside its chapter pages (the theme's copy, the source data, the open
#: data, the images where ``lkjip init`` and the author guide put them): a chapter with such an id had its page land
#: inside one of them (``gambar/index.html`` among the report's images).
VERSION_FOLDERS = frozenset({"aset", "data", "data-terbuka", "gambar"})


@dataclass(frozen=True, slots=True)
class Loc(Compact):
    """Where a value came from, so every message can name file and line."""

    file: str  # path relative to the project root, with forward slashes
    line: int  # 1-based

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


def loc_of(obj: Any, *keys: str) -> Loc:
    """Where the first of ``keys`` present is written in the mapping ``obj`` came from (``obj.lines``), else the
    mapping itself (``obj.loc``). A message about a value must name the value's line, not its owner's first line."""
    for key in keys:
        line = obj.lines.get(key)
        if line:
            return Loc(obj.loc.file, line)
    return obj.loc


@dataclass(frozen=True, slots=True)
class Missing(Compact):
    """A value that was not measured, with the author's reason (never counted as zero)."""

    reason: str


# A measured value: a Decimal, a qualitative grade (str), or Missing.
Value = Union[Decimal, str, Missing]


class Carried:
    """A value s.d. TW n (or of the year) taken from an earlier quarter because the quarter it stands for was
    declared missing (``tw3: {tidak_ada: ...}``, ``agregasi: terakhir``): the documented rule keeps the latest value
    known, and this says where it came from, so every place that prints it can say so too
    (``compute.periods.carried_note``). A TW III report printed TW II's 83 as "Realisasi s.d. TW III" (capaian
    103,75 %) with no mark anywhere, and an auditor read it as TW III's figure.

    A mixin of :class:`CarriedNumber`, :class:`CarriedGrade` and :class:`CarriedMean`: the value stays a
    ``Decimal`` or a ``str`` for every computation (arithmetic on it gives a plain ``Decimal``), and pickles with its
    origin."""

    __slots__ = ()
    missing: str  # the quarter declared missing ("tw3"); of a mean, every one ("tw2 tw3")
    source: str  # the quarter whose value is shown ("tw2"); of a mean, the quarters it is of ("tw1 tw2")
    reason: str  # the author's reason for the missing quarter (of a mean, their reasons, "; " between them)

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        plain = str.__str__(self) if isinstance(self, str) else Decimal.__str__(self)  # type: ignore[arg-type]
        return type(self), (plain, self.missing, self.source, self.reason)


class CarriedNumber(Carried, Decimal):
    """A number taken from an earlier quarter (:class:`Carried`)."""

    __slots__ = ("missing", "source", "reason")

    def __new__(cls, value: Any, missing: str, source: str, reason: str) -> CarriedNumber:
        self = Decimal.__new__(cls, value)
        self.missing, self.source, self.reason = missing, source, reason
        return self


class CarriedGrade(Carried, str):
    """A qualitative grade taken from an earlier quarter (:class:`Carried`); a ``str`` cannot have slots of its
    own, so its origin is in a dictionary (a rare value)."""

    def __new__(cls, value: str, missing: str, source: str, reason: str) -> CarriedGrade:
        self = str.__new__(cls, value)
        self.missing, self.source, self.reason = missing, source, reason
        return self


class CarriedMean(Carried, Derived):
    """A mean of the quarters known, a quarter it should be of declared missing (``agregasi: rata_rata``,
    :class:`Carried`): "87,50" s.d. TW III was TW I–II's mean without a word. Derived, so printed as a mean is
    (two decimals); ``missing`` and ``source`` name the quarters, space between them."""

    __slots__ = ("missing", "source", "reason")

    def __new__(cls, value: Any, missing: str, source: str, reason: str) -> CarriedMean:
        self = Decimal.__new__(cls, value)
        self.missing, self.source, self.reason = missing, source, reason
        return self


def carried(value: Value, missing: str, source: str, reason: str) -> Value:
    """``value`` marked as taken from quarter ``source`` for the missing quarter ``missing`` (:class:`Carried`); a
    derived number (a mean of quarters) as the mean of the quarters ``source``."""
    if isinstance(value, str):
        return CarriedGrade(value, missing, source, reason)
    if isinstance(value, Derived):
        return CarriedMean(value, missing, source, reason)
    if isinstance(value, Decimal):
        return CarriedNumber(value, missing, source, reason)
    return value


@dataclass(slots=True)
class PeriodValues:
    """Values for one year: the annual value and/or one value per quarter."""

    annual: Value | None = None
    quarters: dict[str, Value] = field(default_factory=dict)  # keys tw1..tw4
    loc: Loc | None = None  # the year's line (``2024: ...``)
    locs: dict[str, Loc] = field(default_factory=dict)  # line of each key (``tahunan``, ``tw1`` ...) when written

    def loc_of(self, key: str) -> Loc | None:
        """The line of one value (``tahunan``, ``tw1`` ...), else the year's line: messages point at the value."""
        return self.locs.get(key, self.loc)


@dataclass(slots=True)
class Stated:
    """Derived values an author copied from a printed document; only compared by ``check``."""

    capaian: Decimal | None = None
    predikat: str | None = None
    loc: Loc | None = None


@dataclass(slots=True)
class Indicator:
    id: str
    nama: str
    satuan: str
    polaritas: Polarity
    loc: Loc
    jenis: str = "sasaran"
    agregasi: Aggregation = "terakhir"
    kualitatif: list[str] | None = None
    definisi: str = ""
    formula: str = ""
    sumber_data: str = ""
    penanggung_jawab: str = ""
    program: str | None = None
    kondisi_awal: tuple[int, Value] | None = None
    target_renstra: dict[int, Value] = field(default_factory=dict)
    target_akhir: Value | None = None
    target_nasional: tuple[Value, str] | None = None
    target: dict[int, PeriodValues] = field(default_factory=dict)
    realisasi: dict[int, PeriodValues] = field(default_factory=dict)
    tertulis: dict[int, Stated] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # line of each key ("a.b" nested), see loc_of
    sasaran_id: str | None = None  # filled from the Renstra


@dataclass(slots=True)
class Sasaran:
    id: str
    uraian: str
    indikator: list[str]
    loc: Loc
    tujuan_id: str = ""


@dataclass(slots=True)
class Tujuan:
    id: str
    uraian: str
    sasaran: list[Sasaran]
    loc: Loc
    indikator: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Renstra:
    awal: int
    akhir: int
    visi: str
    misi: list[str]
    tujuan: list[Tujuan]
    loc: Loc
    strategi: list[str] = field(default_factory=list)
    kebijakan: list[str] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)  # its keys' lines (loc_of)

    def all_sasaran(self) -> list[Sasaran]:
        return [s for t in self.tujuan for s in t.sasaran]


@dataclass(frozen=True, slots=True)
class Pihak:
    """A party who signed the Perjanjian Kinerja, as the PK names them."""

    nama: str
    jabatan: str


@dataclass(frozen=True, slots=True)
class TargetAwal:
    """A target the PK Perubahan changed: what the first PK (PK awal) had agreed, and why it changed. The report
    measures against the revised target only; the Inspektorat and the SAKIP evaluator ask which targets changed and
    why, and the published quarterly reports before the revision measured against this one."""

    indikator: str
    target: Value
    alasan: str
    loc: Loc


@dataclass(slots=True)
class PerjanjianKinerja:
    tahun: int
    jenis: Literal["awal", "perubahan"]
    tanggal: dt.date | None
    sasaran: list[str]
    indikator: list[str]
    program: list[str]
    loc: Loc
    lines: dict[str, int] = field(default_factory=dict)  # line of each key ("a.b" nested), see loc_of
    #: the signatories: the head of the instansi (pihak pertama; laporan.yaml's kepala when not written) and their
    #: superior (pihak kedua), so the Lampiran says who agreed to the targets, not only when
    pihak_pertama: Pihak | None = None
    pihak_kedua: Pihak | None = None
    #: a PK Perubahan's changed targets (``target_awal``) and the reason common to them (``alasan_perubahan``)
    target_awal: list[TargetAwal] = field(default_factory=list)
    alasan_perubahan: str = ""


@dataclass(slots=True)
class BudgetNode:
    """Program, kegiatan or sub kegiatan. Leaves carry pagu/realisasi; parents are summed by ``compute``."""

    level: Literal["program", "kegiatan", "sub_kegiatan"]
    kode: str
    nama: str
    loc: Loc
    children: list[BudgetNode] = field(default_factory=list)
    pagu: Decimal | None = None  # leaves only
    #: a leaf's pagu before the APBD Perubahan (DPA awal), written only where the DPPA changed it (leaves only)
    pagu_awal: Decimal | None = None
    realisasi: Value | None = None  # leaves only
    realisasi_tw: dict[str, Decimal] = field(default_factory=dict)
    pagu_tertulis: Decimal | None = None
    realisasi_tertulis: Decimal | None = None
    sasaran: str | None = None
    indikator: str = ""
    satuan: str = ""
    target: Value | None = None
    realisasi_output: Value | None = None
    jenis_belanja: str | None = None
    lines: dict[str, int] = field(default_factory=dict)  # line of each key ("a.b" nested), see loc_of


@dataclass(slots=True)
class JenisBelanja:
    jenis: str
    pagu: Decimal
    realisasi: Decimal
    loc: Loc


@dataclass(slots=True)
class Budget:
    tahun: int
    program: list[BudgetNode]
    loc: Loc
    jenis_belanja: list[JenisBelanja] = field(default_factory=list)
    total_tertulis: tuple[Decimal | None, Decimal | None, Loc] | None = None  # (pagu, realisasi, loc)
    tahun_lalu: tuple[Decimal, Decimal] | None = None  # (pagu, realisasi)
    #: the report ``lkjip new --dari`` carried this file from: its amounts are still to be filled (``check``)
    disalin_dari: str = ""
    lines: dict[str, int] = field(default_factory=dict)  # line of each key ("a.b" nested), see loc_of


@dataclass(slots=True)
class IkmElement:
    kode: str
    nama: str
    nilai: Decimal
    loc: Loc


@dataclass(slots=True)
class Ikm:
    tahun: int
    unsur: list[IkmElement]
    loc: Loc
    responden: int | None = None
    lines: dict[str, int] = field(default_factory=dict)  # line of each key ("a.b" nested), see loc_of


@dataclass(slots=True)
class Dataset:
    """A generic CSV table (population by village, staff by rank ...)."""

    id: str
    columns: list[str]
    rows: list[list[str | Decimal]]
    numeric: list[bool]
    loc: Loc
    judul: str = ""
    satuan: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class ScaleClass:
    label: str
    min: Decimal | None  # None = -infinity
    max: Decimal | None  # None = +infinity
    warna: str = ""


@dataclass(slots=True)
class Scale:
    id: str
    nama: str
    classes: list[ScaleClass]
    right_closed: bool = False  # False: [min, max); True: (min, max]
    loc: Loc | None = None


@dataclass(slots=True)
class Person:
    nama: str
    jabatan: str
    pangkat: str
    nip: str


@dataclass(slots=True)
class Instansi:
    nama: str
    kepala: Person
    pemda: str
    jenis: str = ""
    alamat: str = ""
    telepon: str = ""
    email: str = ""
    situs: str = ""
    logo: str | None = None  # path relative to the report folder
    #: The instansi's earlier names (``instansi.nama_sebelumnya``): one unit renamed or merged ("Dinas Pariwisata"
    #: became "Dinas Kebudayaan dan Pariwisata"); each name's instansi page links to the other's, and last year's
    #: figures are compared with the reports under the earlier name.
    nama_sebelumnya: tuple[str, ...] = ()


AverageMethod = Literal["per_sasaran", "per_indikator"]


@dataclass(slots=True)
class CapaianPolicy:
    """How capaian and the organisation's average are computed (``capaian:`` in situs.yaml and laporan.yaml)."""

    rumus_negatif: Literal["standar", "rasio_terbalik"] = "standar"
    hasil_negatif: Literal["nol", "tidak_tercapai"] = "nol"
    batas_100: bool = False
    rata_rata: AverageMethod = "per_sasaran"


@dataclass(slots=True)
class NumberedItem:
    """A numbered table or figure ("Tabel 3.2"), listed in Daftar Tabel / Daftar Gambar and cross-referenced."""

    kind: Literal["tabel", "gambar"]
    id: str  # author id, unique in the report; also the HTML id of the <table>/<figure>
    number: str  # "3.2"
    label: str  # "Tabel 3.2" / "Gambar 3.1" / "Grafik 3.1"
    judul: str
    chapter_id: str
    loc: Loc | None = None


@dataclass(slots=True)
class Chapter:
    """One Markdown file. ``toc`` and the anchors are filled by the markdown stage (its HTML is rendered per page and
    not kept)."""

    id: str
    judul: str
    jenis: Literal["kata-pengantar", "ikhtisar", "bab", "lampiran"]
    urutan: int
    source: Path
    rel: str  # file path relative to project root, for messages
    body: str  # Markdown without front matter
    body_line: int  # line number of the first body line in the file
    bab: str | None = None
    ringkasan: str = ""
    front: dict[str, Any] = field(default_factory=dict)
    toc: list[tuple[int, str, str]] = field(default_factory=list)  # (level, anchor id, text)
    anchors: set[str] = field(default_factory=set)  # every id a link may target: headings, tables, figures
    heading_ids: set[str] = field(default_factory=set)
    #: a digest of what its other ids are read from, in order (each marked token's kind and id, its raw HTML): other
    #: pages' keys name it, so any change there renders and link-checks again the pages that may link to one of
    #: them, whatever a parser makes of that HTML (the anchors are read with Python's, the link check with libxml2)
    ids_source: str = ""

    @property
    def display_title(self) -> str:
        return f"BAB {self.bab} {self.judul}" if self.jenis == "bab" and self.bab else self.judul


@dataclass(slots=True)
class ReportData(Deferrable):
    """A report's validated data files. Read back from the store, all but ``files`` may come later
    (``core/deferred.py``)."""

    renstra: Renstra | None = None
    indikator: dict[str, Indicator] = field(default_factory=dict)
    pk: PerjanjianKinerja | None = None
    anggaran: Budget | None = None
    ikm: Ikm | None = None
    datasets: dict[str, Dataset] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)  # source data files, embedded in the PDF
    deferred: Deferred | None = field(default=None, repr=False, compare=False)


#: The fields of ``ReportData`` a stored report state leaves for later (``build.ReportState``): all but ``files``,
#: whose paths a rebuild that takes the report's pages as kept copies to the site.
DATA_LATER = ("renstra", "indikator", "pk", "anggaran", "ikm", "datasets")


@dataclass(slots=True)
class Report:
    slug: str
    folder: Path
    rel: str  # folder relative to project root
    judul: str
    tahun: int
    periode: PeriodKind
    versi: str
    tanggal_terbit: dt.date
    instansi: Instansi
    tempat_ttd: str
    tanggal_ttd: dt.date
    loc: Loc
    chapters: list[Chapter] = field(default_factory=list)
    data: ReportData = field(default_factory=ReportData)
    skala_predikat: str = ""
    scales: dict[str, Scale] = field(default_factory=dict)  # custom scales declared by the report
    capaian: CapaianPolicy = field(default_factory=CapaianPolicy)
    efisiensi: str = "rasio"
    catatan_versi: str = ""
    #: the report ``lkjip new --dari`` made this one from: its dates are still estimates (``check``)
    disalin_dari: str = ""
    computed: Any = None  # filled by compute stage
    source_digest: str = ""  # hash of laporan.yaml and every data file: what the computed model is made of
    laporan_digest: str = ""  # hash of laporan.yaml as ``load_report`` read it (``source_digest`` is made of it)
    tables: list[NumberedItem] = field(default_factory=list)  # in reading order, filled by markdown stage
    figures: list[NumberedItem] = field(default_factory=list)
    assets: dict[str, Path] = field(default_factory=dict)  # rel path in report -> file, copied to output
    lines: dict[str, int] = field(default_factory=dict)  # line of each key ("a.b" nested), see loc_of

    @property
    def url(self) -> str:
        """Versioned URL: every version keeps its own immutable address."""
        return f"laporan/{self.slug}/{self.versi}/"

    @property
    def periode_tahun(self) -> str:
        """"Tahun 2023" or "Triwulan I 2024", as printed on covers and page headers."""
        return period_title(self.periode, self.periode_label, self.tahun)

    @property
    def short_name(self) -> str:
        """"Kecamatan Pengaron 2024" or "Kecamatan Pengaron Triwulan I 2024": a report among its instansi's others
        in a breadcrumb, where a year alone would name four quarterly reports and the annual one alike."""
        return short_name(self.instansi.nama, self.periode, self.periode_label, self.tahun)

    @property
    def periode_kalimat(self) -> str:
        """"tahun 2023" or "Triwulan I 2024": the period inside a sentence of a message."""
        return f"tahun {self.tahun}" if self.periode == "tahunan" else f"{self.periode_label} {self.tahun}"

    @property
    def so_far(self) -> str:
        """"s.d. TW II" for a quarterly report, "" for an annual one: its figures are the year so far, and every place
        that prints one beside a whole year's says so (table heads, key figures, charts, comparison rows)."""
        return "" if self.periode == "tahunan" else "s.d. TW " + self.periode_label.removeprefix("Triwulan ")

    @property
    def periode_label(self) -> str:
        labels = {"tahunan": "Tahunan", "tw1": "Triwulan I", "tw2": "Triwulan II",
                  "tw3": "Triwulan III", "tw4": "Triwulan IV"}
        return labels[self.periode]


@dataclass(frozen=True, slots=True)
class DataLicence:
    """The licence of every new version's open data (``lisensi_data`` in situs.yaml): a known id of
    :data:`DATA_LICENCES`, or a licence the site names itself (``id`` empty)."""

    id: str
    nama: str
    url: str


@dataclass(slots=True)
class SiteConfig:
    judul: str
    pemda: str
    url_dasar: str
    loc: Loc
    bahasa: str = "id-ID"
    tema: str = "default"
    skala_predikat: str = "permendagri-86-2017"
    html_mentah: bool = False
    label_gambar: str = "Gambar"
    scales: dict[str, Scale] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # line of each key ("a.b" nested), see loc_of
    capaian: dict[str, Any] = field(default_factory=dict)  # site defaults of CapaianPolicy, as written (key -> value)
    lisensi_data: DataLicence | None = None  # the open data's licence (none written: ``check`` warns)

    @property
    def base_path(self) -> str:
        """The path the portal is served under ("/lkjip/" for https://pemda.go.id/lkjip/): the 404 page links from
        it, and the preview answers under it too."""
        return urlsplit(self.url_dasar).path or "/"


@dataclass(frozen=True, slots=True)
class Glyphs:
    """The code points the theme's own fonts draw (``load/glyphs.py``): ``drawn`` by any of them (the PDF's and the
    page's stacks), ``charted`` by the fonts charts are measured with. Why: a character none draws is taken from
    whatever font the building machine has (or drawn as an empty box), so the same sources gave another PDF and
    other chart layouts on another machine, unwarned (``check``: karakter-tanpa-fon)."""

    drawn: frozenset[int]
    charted: frozenset[int]
    key: str  # names the fonts' bytes: a report's findings are made again when they change


@dataclass(slots=True)
class Site:
    root: Path  # project root (parent of content/)
    content_dir: Path
    config: SiteConfig
    reports: list[Report] = field(default_factory=list)
    glyphs: Glyphs | None = None  # what the theme's fonts draw (none: a theme without fonts, nothing is checked)


def period_title(periode: str, periode_label: str, tahun: int) -> str:
    """:attr:`Report.periode_tahun`, also for a released version known by its manifest only (``VersionInfo``)."""
    return f"Tahun {tahun}" if periode == "tahunan" else f"{periode_label} {tahun}"


def short_name(instansi: str, periode: str, periode_label: str, tahun: int) -> str:
    """:attr:`Report.short_name`, also for a released version known by its manifest only (``VersionInfo``)."""
    return f"{instansi} {tahun if periode == 'tahunan' else period_title(periode, periode_label, tahun)}"
