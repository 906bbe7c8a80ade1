""""Perubahan dari versi X": what changed between two versions of a report, computed, never written by hand.

Both sides are read the same way: the version's open data (``laporan.json``, see ``output/opendata.py``) and the text
of its chapters. For an archived version both come from the archive (the JSON it published, the chapters of its
source snapshot), so the comparison does not depend on how today's lkjip-site would compute or render the old
version. Numbers are compared as exact machine values and formatted with ``core/fmt.py`` only for the page; text is
compared paragraph by paragraph, then word by word (``difflib``), so a reader sees the sentence that changed, each
``{nilai}`` in it read as that version printed it (from its own open data, :func:`with_values`), and its Markdown as
the page showed it (:func:`shown_text`: no ``**``, ``##`` or ``|---|``).

A target or realisasi is printed as its version's own pages printed it (``VersionData.printed``), not as the open
data writes it: ``laporan.json`` does not say whether a value is a mean of quarters (``agregasi: rata_rata``), which
every table prints with two decimals, a derived figure, and this page printed "84,5" and "90,775" beside the
tables' "84,50" and "90,78". See :func:`printed_by_model` (the version being built) and :func:`printed_in_pages` (a
released one).
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, Callable, Iterable, Mapping

from ..compute.comparisons import trend, trend_words
from ..compute.prose import TABLE_DELIMITER, table_cells
from ..compute.refs import UnknownReference, lookup, value_ref
from ..compute.report import ComputedReport
from ..core import fmt
from ..core.diagnostics import Diagnostics
from ..load.yamltree import load_yaml
from ..markdown.parser import make_parser
from ..markdown.plugins import HEADING_ATTRS
from .audit import marks_in_html, normalise

Number = Decimal | int
Segment = tuple[str, str]  # ("sama" | "hapus" | "tambah", text)


@dataclass(frozen=True)
class ChapterText:
    id: str
    judul: str
    body: str  # Markdown without front matter


@dataclass(frozen=True)
class ReleasedRef:
    """Where a released version lies in an archive, named on the next version's change page and in its README.

    Why: a version folder handed over alone (to an archives office, years later) holds no other version, and the
    change page's link to the earlier one (``../../1.0/``) finds nothing on disk, nor in a copied ``arsip/`` (pages
    are in ``situs/`` there). Its folder and bag name let the reader find it; its manifest's SHA-256, which pins every
    other file of it, proves the folder found is the version compared."""

    versi: str
    folder: str  # "arsip/<slug>/<versi>"
    paket: str  # the BagIt zip's name
    manifest_sha256: str  # of its manifest.json as on disk


@dataclass(frozen=True)
class VersionData:
    """One side of a comparison: the version's open-data document and its chapters."""

    versi: str
    tanggal_terbit: dt.date
    document: dict[str, Any]
    chapters: list[ChapterText]
    alat: str = ""  # the lkjip version that made it ("": not known, taken as this one)
    #: every file of the report folder the version was made from, path -> SHA-256 ({}: not known)
    sumber: dict[str, str] = field(default_factory=dict)
    #: the text of its :data:`FIELD_FILES` (path -> YAML), compared field by field ({}: not known)
    isian: dict[str, str] = field(default_factory=dict)
    #: each number its indicators' targets and realisasi print (and their change from last year, ``<id>.delta``), as
    #: its pages print it without the unit, by figure id (``IKM.realisasi@2022`` -> "84,50"); one not here is printed
    #: as its open data writes it
    printed: dict[str, str] = field(default_factory=dict)
    #: where it lies in the archive (None: not released)
    terbitan: ReleasedRef | None = None


@dataclass(frozen=True)
class ValueChange:
    subjek: str  # what changed: an indicator, a budget code, a key figure
    besaran: str  # which of its values: "Realisasi 2023", "Pagu"
    lama: str
    baru: str
    selisih: str = ""  # new − old, signed, when both are numbers
    #: the new value's figure id (its ``{nilai}`` path), marked on the page so the audit compares what the page
    #: prints with the model ("": not a figure of the model, or no value); the old value is the archive's, read from
    #: its own pages where they marked it (:func:`printed_in_pages`), and no model of it is built to audit it with
    angka: str = ""
    #: the number of the old and of the new value's note in the table's notes (:attr:`Changes.indikator_catatan`,
    #: printed as a letter), 0 for none: a value taken from an earlier quarter, a capaian set by a rule
    catatan_lama: int = 0
    catatan_baru: int = 0


@dataclass(frozen=True)
class FieldChange:
    berkas: str  # "laporan.yaml", "data/pk.yaml"
    isian: str  # what the field is, in words: "Nama kepala instansi (penanda tangan)"
    lama: str
    baru: str


@dataclass(frozen=True)
class TextChange:
    id: str
    judul: str
    status: str  # "diubah" | "ditambahkan" | "dihapus" | "judul"
    judul_lama: str = ""
    paragraphs: list[list[Segment]] = field(default_factory=list)  # changed paragraphs only


@dataclass
class Changes:
    lama: VersionData
    baru: VersionData
    indikator: list[ValueChange] = field(default_factory=list)
    #: the notes of the indicators' values, lettered under their table (:func:`_lettered`)
    indikator_catatan: list[str] = field(default_factory=list)
    indikator_ditambahkan: list[str] = field(default_factory=list)
    indikator_dihapus: list[str] = field(default_factory=list)
    sasaran: list[ValueChange] = field(default_factory=list)
    anggaran: list[ValueChange] = field(default_factory=list)
    angka_kunci: list[ValueChange] = field(default_factory=list)
    #: key figures one side's lkjip did not compute, not compared (their names)
    angka_kunci_alat: list[str] = field(default_factory=list)
    bab: list[TextChange] = field(default_factory=list)
    #: the fields of laporan.yaml, the PK and the Renstra that differ, in file then reading order
    isian: list[FieldChange] = field(default_factory=list)
    #: (path, "diubah" | "ditambahkan" | "dihapus") of every source file that differs, sorted by path
    berkas: list[tuple[str, str]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.indikator or self.indikator_ditambahkan or self.indikator_dihapus or self.sasaran
                    or self.anggaran or self.angka_kunci or self.bab)

    @property
    def penanda_tangan(self) -> FieldChange | None:
        """The signatory's name, when it changed: said at the top of the page, not only in the table."""
        return next((c for c in self.isian if c.berkas == "laporan.yaml" and c.isian == SIGNATORY), None)


def load_document(data: bytes) -> dict[str, Any]:
    """``laporan.json`` with exact numbers (Decimal), the way both sides of a comparison are read."""
    return json.loads(data.decode("utf-8"), parse_float=Decimal)


def compare(old: VersionData, new: VersionData) -> Changes:
    """Every figure and chapter that differs between ``old`` and ``new``, in reading order of ``new``."""
    out = Changes(old, new)
    _indicators(old, new, out)
    out.sasaran = _rows(old.document.get("sasaran") or [], new.document.get("sasaran") or [], "sasaran_id",
                        lambda r: f"{r['sasaran_id']} {r['uraian']}", [
                            ("capaian", "Capaian rata-rata", _percent, _points),
                            ("predikat", "Predikat", _text, None)],
                        lambda r, name: f"capaian.{r['sasaran_id']}" + (".predikat" if name == "predikat" else ""),
                        _RESULTS)
    out.anggaran = _rows(_budget_rows(old.document), _budget_rows(new.document), "kode",
                         lambda r: f"{r['kode']} {r['nama']}", _BUDGET_FIELDS,
                         lambda r, name: f"anggaran.{name}" if r["kode"] == "Total" else f"anggaran.{r['kode']}.{name}",
                         ("serapan",))
    out.anggaran += _spending_type_changes(old.document, new.document)
    other_tool = bool(old.alat and new.alat and old.alat != new.alat)
    out.angka_kunci, out.angka_kunci_alat = _key_figures(old.document.get("angka_kunci") or [],
                                                         new.document.get("angka_kunci") or [], other_tool)
    out.bab = compare_chapters(with_values(old.chapters, old.document, old.printed),
                               with_values(new.chapters, new.document, new.printed))
    out.isian = changed_fields(old.isian, new.isian)
    out.berkas = changed_files(old.sumber, new.sumber)
    return out


def unmarked(changes: Changes) -> Changes:
    """``changes`` without the figure ids of its new values (:attr:`ValueChange.angka`). Why: a page that compares
    with a released version prints that version's values as its pages printed them; no model of it is built to
    audit them with, as for the old values."""
    def plain(rows: list[ValueChange]) -> list[ValueChange]:
        return [replace(c, angka="") for c in rows]

    return replace(changes, indikator=plain(changes.indikator), sasaran=plain(changes.sasaran),
                   anggaran=plain(changes.anggaran), angka_kunci=plain(changes.angka_kunci))


def changed_files(old: dict[str, str], new: dict[str, str]) -> list[tuple[str, str]]:
    """Each source file that differs between two versions, and how. Why: the figures and text above are what
    lkjip computes and reads; a correction of a table or chart drawn from the report's own data file
    (``data/pendanaan-renstra.csv``), of an image or of the signatory in ``laporan.yaml`` changed none of them, and
    the page said "Tidak ada angka maupun teks bab yang berubah" of a version whose table printed other numbers.
    Nothing is listed when either side's files are not known."""
    if not old or not new:
        return []
    out = []
    for path in sorted(set(old) | set(new)):
        if path not in old:
            out.append((path, "ditambahkan"))
        elif path not in new:
            out.append((path, "dihapus"))
        elif old[path] != new[path]:
            out.append((path, "diubah"))
    return out


# ------------------------------------------------------------------------------------------------ fields


#: The report files whose fields the change page lists one by one, each with its old and new value.
FIELD_FILES = ("laporan.yaml", "data/pk.yaml", "data/renstra.yaml")
SIGNATORY = "Nama kepala instansi (penanda tangan)"
#: What a field is, in words; a field not named here reads as its path ("tujuan T1 › sasaran S1 › uraian").
_FIELD_NAMES: dict[str, dict[str, str]] = {
    "laporan.yaml": {
        "judul": "Judul laporan", "tahun": "Tahun", "periode": "Periode",
        "instansi.nama": "Nama instansi", "instansi.jenis": "Jenis instansi", "instansi.pemda": "Pemerintah daerah",
        "instansi.alamat": "Alamat instansi", "instansi.telepon": "Telepon instansi",
        "instansi.email": "Surel instansi", "instansi.situs": "Situs web instansi", "instansi.logo": "Logo instansi",
        "instansi.nama_sebelumnya": "Nama lama instansi",
        "instansi.kepala.nama": SIGNATORY, "instansi.kepala.jabatan": "Jabatan kepala instansi",
        "instansi.kepala.pangkat": "Pangkat/golongan kepala instansi", "instansi.kepala.nip": "NIP kepala instansi",
        "penandatanganan.tempat": "Tempat penandatanganan", "penandatanganan.tanggal": "Tanggal penandatanganan",
        "skala_predikat": "Skala predikat", "efisiensi": "Cara menghitung efisiensi",
        "capaian.rumus_negatif": "Rumus capaian indikator negatif",
        "capaian.hasil_negatif": "Capaian yang dihitung negatif", "capaian.batas_100": "Capaian dibatasi 100 %",
        "capaian.rata_rata": "Cara merata-rata capaian",
    },
    "data/pk.yaml": {
        "tahun": "Tahun Perjanjian Kinerja", "jenis": "Jenis Perjanjian Kinerja",
        "tanggal": "Tanggal Perjanjian Kinerja", "pihak_pertama.nama": "Pihak pertama PK: nama",
        "pihak_pertama.jabatan": "Pihak pertama PK: jabatan", "pihak_kedua.nama": "Pihak kedua PK: nama",
        "pihak_kedua.jabatan": "Pihak kedua PK: jabatan", "sasaran": "Sasaran yang diperjanjikan",
        "indikator": "Indikator yang diperjanjikan", "program": "Program yang diperjanjikan",
    },
    "data/renstra.yaml": {"periode.awal": "Tahun awal Renstra", "periode.akhir": "Tahun akhir Renstra",
                          "visi": "Visi", "misi": "Misi", "strategi": "Strategi", "kebijakan": "Kebijakan"},
}
#: Fields the top of the change page shows already (the version, its date and its note).
_SHOWN_ABOVE = {"laporan.yaml": {"versi", "tanggal_terbit", "catatan_versi"}}


def field_sources(files: dict[str, bytes]) -> dict[str, str]:
    """The text of the :data:`FIELD_FILES` among a version's source files (path -> bytes)."""
    return {path: files[path].decode("utf-8-sig", errors="replace") for path in FIELD_FILES if path in files}


def changed_fields(old: dict[str, str], new: dict[str, str]) -> list[FieldChange]:
    """Each field of laporan.yaml, the PK and the Renstra whose value differs, as the old and the new value. Why:
    a new head of the instansi (name, NIP), another signing date or a corrected PK date changed no figure and no
    chapter, and the page named only "laporan.yaml diubah": a reader could not tell that the report was signed by
    someone else. Fields in the order of the new file, then those only the old one has (a file only one side has:
    each of its fields against "–"); nothing when either side's files are not known."""
    out: list[FieldChange] = []
    if not old or not new:
        return out
    for path in FIELD_FILES:
        if path not in old and path not in new:
            continue
        before, now = _fields(old.get(path, ""), path), _fields(new.get(path, ""), path)
        for key in [*now, *(k for k in before if k not in now)]:
            a, b = before.get(key, fmt.DASH), now.get(key, fmt.DASH)
            if a != b:
                out.append(FieldChange(path, _FIELD_NAMES.get(path, {}).get(".".join(key), " › ".join(key)), a, b))
    return out


def _fields(text: str, path: str) -> dict[tuple[str, ...], str]:
    """Every leaf of one YAML file as ``(key, key, ...) -> value as shown``; an item of a list of records with an
    ``id`` is named by it (``("tujuan T1", "sasaran S1", "uraian")``), a list of texts is one value, its items
    joined."""
    doc = load_yaml(text, path, Diagnostics())  # the version's own check said what is wrong with it
    out: dict[tuple[str, ...], str] = {}

    def visit(value: Any, key: tuple[str, ...]) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                visit(v, (*key, str(k)))
        elif key and isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for n, item in enumerate(value, 1):
                name = f"{key[-1]} {item['id']}" if "id" in item else f"{key[-1]} ke-{n}"
                visit({k: v for k, v in item.items() if k != "id"}, (*key[:-1], name))
        else:
            out[key] = _shown_field(value)

    if isinstance(doc, dict):
        visit({k: v for k, v in doc.items() if k not in _SHOWN_ABOVE.get(path, set())}, ())
    return out


def _shown_field(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_shown_field(v) for v in value) or fmt.DASH
    if value is None or value == "":
        return fmt.DASH
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, dt.date):
        return fmt.fmt_date(value)
    if isinstance(value, float):
        return fmt.fmt_value_entered(Decimal(repr(value)))
    return " ".join(str(value).split())


# ------------------------------------------------------------------------------------------------ numbers


def printed_by_model(computed: ComputedReport | None, document: dict[str, Any]) -> dict[str, str]:
    """:attr:`VersionData.printed` of the version being built: each target and realisasi of its open data
    (``document``), and each indicator's change from last year, as the model formats it (``refs.lookup``), which is
    what its pages print and the audit holds every place to. ``computed``: the report's ``ComputedReport`` (None:
    nothing known)."""
    out: dict[str, str] = {}
    if computed is None:
        return out
    changes = {f"{r['indikator_id']}.delta" for r in document.get("indikator") or []}
    for path in sorted(_measured(document) | changes):
        try:
            ref = lookup(computed, path)
        except UnknownReference:  # not a figure of the model: printed as the open data writes it
            continue
        if isinstance(ref.value, Decimal):
            out[path] = normalise(ref.formatted())
    return out


def printed_in_pages(url: str, pages: Mapping[str, bytes], document: dict[str, Any]) -> dict[str, str]:
    """:attr:`VersionData.printed` of a released version (``url``: ``laporan/<slug>/<versi>/``): each target and
    realisasi of its open data (``document``) as its own published pages (``pages``: path below ``url`` -> HTML)
    printed it, read from their audit marks (the first place that marks it, in path order).

    Why its pages, not its open data nor today's formatter: a released version is never rebuilt, and what its
    readers saw is what its pages printed, whichever lkjip made them: a mean of quarters "84,50" (or, by an lkjip
    that printed it as if typed, "84,5"). Honest to the record either way, and equal to its tables by
    construction. A value its pages did not mark (a version made before the tables marked their figures) is
    printed as its open data writes it, as before."""
    wanted = _measured(document)
    year = (document.get("laporan") or {}).get("tahun")
    out: dict[str, str] = {}
    for path, data in sorted(pages.items()):
        if not path.endswith(".html") or b"data-angka=" not in data:
            continue
        for shown in marks_in_html(url + path, data.decode("utf-8", errors="replace")):
            figure = shown.figure if "@" in shown.figure else f"{shown.figure}@{year}"  # IKM.realisasi: its year's
            if shown.report == url and figure in wanted and figure not in out:
                out[figure] = normalise(shown.text)
    return out


_MEASURES = ("target", "realisasi")


def _measured(document: dict[str, Any]) -> set[str]:
    """The figure ids of the numeric targets and realisasi of an open-data document, ``<id>.<target|realisasi>@<tahun>``
    (of the report's own year, the value of its period, as ``<id>.realisasi`` is)."""
    return {f"{r['indikator_id']}.{name}@{r['tahun']}" for r in document.get("indikator") or []
            for name in _MEASURES if _is_number(r.get(name))}


def _indicators(old_version: VersionData, new_version: VersionData, out: Changes) -> None:
    old, new = old_version.document, new_version.document
    olds, news = old.get("indikator") or [], new.get("indikator") or []
    old_ids = {r["indikator_id"]: r["nama"] for r in olds}
    new_ids = {r["indikator_id"]: r["nama"] for r in news}
    out.indikator_ditambahkan = [f"{i} {n}" for i, n in new_ids.items() if i not in old_ids]
    out.indikator_dihapus = [f"{i} {n}" for i, n in old_ids.items() if i not in new_ids]

    def key(r: dict[str, Any]) -> tuple[str, int, str]:
        return r["indikator_id"], r["tahun"], r["periode"]

    def period(r: dict[str, Any]) -> str:
        if r["periode"] == "tahunan":
            return str(r["tahun"])
        return f"s.d. TW {fmt.quarter_numeral(r['periode'])} {r['tahun']}"

    notes: dict[int, tuple[str, str]] = {}  # a change's place in out.indikator -> its old and new value's notes
    kept = [r for r in news if r["indikator_id"] in old_ids]
    before = {key(r): r for r in olds if r["indikator_id"] in new_ids}
    year = (new.get("laporan") or {}).get("tahun")
    for r in kept:
        o = before.get(key(r))
        if o is None:
            o = {}
        subject = f"{r['indikator_id']} {r['nama']}"
        # the PK awal's target (target_awal, a PK Perubahan's): a correction of "dari 100" changed no other figure
        for name, label, show, diff in (("target", "Target", _measure, _delta), ("realisasi", "Realisasi", _measure, _delta),
                                        ("capaian", "Capaian", _percent, _points), ("predikat", "Predikat", _text, None),
                                        ("target_awal", "Target awal (PK awal)", _measure, _delta)):
            a, b = _value(o, name), _value(r, name)
            if a == b:
                continue
            notes[len(out.indikator)] = (_value_note(o, name), _value_note(r, name))
            if name in _MEASURES:
                figure = f"{r['indikator_id']}.{name}@{r['tahun']}"
                out.indikator.append(_printed_change(subject, f"{label} {period(r)}", a, b,
                                                     old_version.printed.get(figure), new_version.printed.get(figure),
                                                     figure, had_row=bool(o)))
            elif name in _RESULTS:
                out.indikator.append(_result_change(subject, f"{label} {period(r)}", o, r, name, diff,
                                                    _indicator_figure(r, name, year)))
            else:
                out.indikator.append(_change(subject, f"{label} {period(r)}", a, b, show, diff,
                                             _indicator_figure(r, name, year)))
    kept_keys = {key(r) for r in kept}
    for k, o in before.items():
        if k not in kept_keys:
            out.indikator.append(ValueChange(f"{o['indikator_id']} {o['nama']}", f"Data {period(o)}", "ada", "dihapus"))
    out.indikator, out.indikator_catatan = _lettered(out.indikator, notes)


def _value_note(row: dict[str, Any], name: str) -> str:
    """What an open-data indicator row says beside its ``name`` (target, realisasi, capaian), as its pages said it:
    a value taken from an earlier quarter (``catatan_nilai``), a capaian made of one or set by a rule
    (``catatan_capaian``); "" for none, and for a version whose open data did not say it. A TW III realisasi
    corrected to TW II's 83 (TW III declared missing) read "85 → 83, -2" here as if TW III's fell.

    ``catatan_nilai`` holds a target's note and a realisasi's, "; " between them (``opendata._carried_notes``), each
    beginning with its measure's name and its quarter (``periods.carried_note``: "realisasi TW III tidak tersedia
    …"): the measure's own is the part that begins so.

    A value its row has none of has its row's reason (``alasan_na``) as a table's lettered note says it ("N/A:
    …"; a "tidak tercapai" without the prefix): it read a bare N/A, the reason said nowhere on the page."""
    if row and name != "target_awal" and _value(row, name) is None and row.get("alasan_na"):
        reached = name == "capaian" and _result_printed(row, name) == fmt.NOT_REACHED
        return str(row["alasan_na"]) if reached else f"{fmt.NA}: {row['alasan_na']}"
    if name == "capaian":
        return str(row.get("catatan_capaian") or "")
    if name not in _MEASURES:
        return ""
    kept, current = [], ""
    for part in str(row.get("catatan_nilai") or "").split("; "):
        current = next((m for m in _MEASURES if part.startswith(f"{m} TW ")), current)
        if current == name:
            kept.append(part)
    return "; ".join(kept)


def _lettered(changes: list[ValueChange], notes: dict[int, tuple[str, str]]) -> tuple[list[ValueChange], list[str]]:
    """``changes`` with each value's note numbered (:attr:`ValueChange.catatan_lama`, ``catatan_baru``), equal
    notes sharing one, as a report table's lettered notes do; and the notes in their order."""
    numbers: dict[str, int] = {}
    out = []
    for i, change in enumerate(changes):
        old, new = notes.get(i, ("", ""))
        if old or new:
            change = replace(change, catatan_lama=numbers.setdefault(old, len(numbers) + 1) if old else 0,
                             catatan_baru=numbers.setdefault(new, len(numbers) + 1) if new else 0)
        out.append(change)
    return out, list(numbers)


def _indicator_figure(row: dict[str, Any], name: str, year: Any) -> str:
    """The figure id of an indicator row's new capaian or predikat, marked for the audit: its capaian of that year
    (``IKU1.capaian@2023``: the report's own year is its current result, s.d. TW n in a quarterly report, as the open
    data's audit reads the same rows) and, of the report's own year, its predikat (``IKU1.predikat``); a target or
    realisasi is marked by :func:`_printed_change`. Not an earlier year's predikat, which has no ``{nilai}`` path;
    not the PK awal's target, no figure of the model."""
    if name == "capaian":
        return f"{row['indikator_id']}.capaian@{row['tahun']}"
    if name == "predikat" and row["tahun"] == year:
        return f"{row['indikator_id']}.predikat"
    return ""


def _printed_change(subject: str, label: str, a: Any, b: Any, printed_a: str | None, printed_b: str | None,
                    figure: str, had_row: bool = True) -> ValueChange:
    """A changed target or realisasi, each value as its version printed it (``printed_*``, None: as written) and the
    change that of the two as printed, with the more decimals of the two: "84,50 → 90,78" reads "+6,28", as the pages'
    change of two means of quarters is that of the printed figures (``comparisons.delta``), where it read
    "84,5 → 90,775, +6,275". Two that print the same but differ keep their exact difference, so the row still
    says what changed. The new value is marked with its figure id (``IKM.realisasi@2022``) for the audit.
    ``had_row``: the old version had a row for that year and period (a missing value there is N/A, see
    :func:`_measure_printed`)."""
    texts = [_measure_printed(a, printed_a, had_row), _measure_printed(b, printed_b)]
    selisih = ""
    if _is_number(a) and _is_number(b):
        d, decimals = _printed_difference(a, b, texts[0], texts[1])
        if d == 0:
            d = Decimal(b) - Decimal(a)
            decimals = _visible(d, decimals)
        selisih = fmt.fmt_delta(d, decimals)
    return ValueChange(subject, label, texts[0], texts[1], selisih, figure)


_RESULTS = ("capaian", "predikat")


def _result_change(subject: str, label: str, old: dict[str, Any], new: dict[str, Any], name: str,
                   diff: Callable[[Number], str] | None, figure: str) -> ValueChange:
    """A changed capaian or predikat of an indicator row (``old`` is {} where the old version had no such row), each
    side as its version's tables printed it (:func:`_result_printed`), the new one marked with ``figure``: a
    realisasi declared missing read "88,71 % → –" and "Cukup Berhasil → –" beside the tables' N/A, the dash that
    means nil, and unmarked, so the audit never compared it."""
    a, b = old.get(name), new.get(name)
    numeric = _is_number(a) and _is_number(b)
    return ValueChange(subject, label, _result_printed(old, name), _result_printed(new, name),
                       diff(_difference(a, b, diff)) if numeric and diff else "", figure)


def _result_printed(row: dict[str, Any], name: str) -> str:
    """The capaian or predikat of an open-data indicator ``row`` as its version's tables print it
    (``tables.capaian_cell``, ``tables.predikat``), and its ``{nilai}``: a capaian in %; "tidak tercapai" where the
    rule set it (no capaian, but the predikat of 0 %); N/A where it cannot be computed. "–" only where the version
    had no such row (``row`` is {})."""
    if not row:
        return fmt.DASH
    value = row.get(name)
    if name == "predikat":
        return str(value or fmt.NA)
    if _is_number(value):
        return _percent(value)
    return fmt.NOT_REACHED if row.get("predikat") else fmt.NA


def _measure_printed(value: Any, printed: str | None, present: bool = True) -> str:
    """A target or realisasi as its version printed it: ``printed`` for a number when known, else as written.

    Missing in a row its version has (``present``): N/A, as its tables print it (``tables.val``), whether declared
    ``tidak_ada`` or not written, which its open data does not tell apart (both null) and the tables print alike; a
    realisasi declared missing read "80 → –", the dash that means nil. "–" only where the version had no such row."""
    if value is None:
        return fmt.NA if present else fmt.DASH
    return printed if printed is not None and _is_number(value) else _measure(value)


def _printed_difference(a: Number, b: Number, printed_a: str, printed_b: str) -> tuple[Decimal, int]:
    """``b − a`` of two numbers as printed (``printed_*``, each the number rounded to its decimals) and the decimals
    to print it with, the more of the two's: ``comparisons.change_decimals``' rule, read off the printed figures
    (the open data does not say which is derived, printed with two)."""
    da, db = _decimals(printed_a), _decimals(printed_b)
    return fmt.round_half_up(b, db) - fmt.round_half_up(a, da), max(da, db)


def _decimals(printed: str) -> int:
    """The decimals of a number as printed: "84,50" has 2, "1.250" none."""
    return len(printed.partition(",")[2])


def _value(row: dict[str, Any], name: str) -> Any:
    """A target or realisasi is either a number or a qualitative grade (``<name>_kualitatif``)."""
    value = row.get(name)
    if value is None or value == "":
        return row.get(f"{name}_kualitatif") or None
    return value


def _rows(olds: list[dict[str, Any]], news: list[dict[str, Any]], key: str, subject: Callable[[dict[str, Any]], str],
          fields: list[tuple[str, str, Callable[[Any], str], Callable[[Number], str] | None]],
          figure: Callable[[dict[str, Any], str], str], computed: tuple[str, ...] = ()) -> list[ValueChange]:
    """The changed fields of rows matched by ``key``, each new value with its figure id (``figure(row, field)``).

    ``computed``: the fields computed for every row (a sasaran's capaian, a serapan), which a row without one prints
    N/A, as its table does, and marks for the audit; an empty other field (a pagu awal not recorded) is "–"."""
    before = {r[key]: r for r in olds}
    now = {r[key]: r for r in news}
    out: list[ValueChange] = []
    for k, r in now.items():
        o = before.get(k, {})
        for name, label, show, diff in fields:
            a, b = o.get(name), r.get(name)
            if a == "":
                a = None
            if b == "":
                b = None
            if a != b:
                na = name in computed
                out.append(_change(subject(r), label, a, b, show, diff, figure(r, name), (na and bool(o), na)))
    for k, o in before.items():
        if k not in now:
            out.append(ValueChange(subject(o), "Baris", "ada", "dihapus"))
    return out


def _key_figures(olds: list[dict[str, Any]], news: list[dict[str, Any]],
                 other_tool: bool = False) -> tuple[list[ValueChange], list[str]]:
    """The key figures that changed; and, between versions made by two lkjip versions (``other_tool``), the names
    of those only one side lists, which are not compared. Why: a figure a newer lkjip computes ("Indikator dalam
    rata-rata capaian") was listed as changed "– → 1" on the first version made after an upgrade, a change
    nobody made."""
    before = {r["kunci"]: r for r in olds}
    now = {r["kunci"]: r for r in news}
    out: list[ValueChange] = []
    one_sided: list[str] = []
    for k in [*now, *(k for k in before if k not in now)]:
        o, r = before.get(k, {}), now.get(k, {})
        row = r or o
        if other_tool and not (o and r):
            if row["uraian"] not in one_sided:
                one_sided.append(row["uraian"])
            continue
        fmt_value, fmt_diff = _BY_UNIT.get(row.get("satuan", ""), (_measure, _delta))
        number = row.get("satuan") != "teks"  # a number without a value is N/A (its reason in "teks"), as printed
        change = _change(row["uraian"], "Nilai", o.get("nilai"), r.get("nilai"), fmt_value, fmt_diff, k,
                         (number and bool(o), number and bool(r)))
        # two names of one figure (indikator.jumlah, laporan.jumlah_indikator) were listed twice: once, by the first
        if o.get("nilai") != r.get("nilai") and replace(change, angka="") not in [replace(c, angka="") for c in out]:
            out.append(change)
        if _key_text(o) != _key_text(r) and o and r:
            out.append(_change(row["uraian"], "Keterangan", _key_text(o) or None, _key_text(r) or None, _text, None))
    return out, one_sided


def _key_text(row: dict[str, Any]) -> str:
    """The text of a key figure: a predikat, the averaging method, or why it is N/A."""
    return str(row.get("teks") or "")


def _budget_rows(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The budget tree of ``laporan.json`` in reading order, with the total first."""
    tree = document.get("anggaran")
    if not tree:
        return []
    rows = [{"kode": "Total", "nama": "anggaran",
             **{k: tree.get(k) for k in ("pagu", "realisasi", "serapan", "pagu_awal")}}]

    def visit(node: dict[str, Any]) -> None:
        rows.append(node)
        for child in node.get("rincian") or []:
            visit(child)

    for program in tree.get("program") or []:
        visit(program)
    return rows


def _spending_type_changes(old: dict[str, Any], new: dict[str, Any]) -> list[ValueChange]:
    """The changed figures of the jenis belanja rows and their "Jumlah belanja" (``laporan.json``'s
    ``anggaran.jenis_belanja``), each new value with its figure id (``anggaran.jenis.<jenis>.pagu``).

    Why: a corrected jenis belanja amount (Belanja Modal's realisasi, printed in the jenis belanja table and chart)
    was listed only as "anggaran.yaml diubah", with no figure. Only when both versions' documents hold the rows: a
    version made before laporan.json carried them would list every row as new, a change nobody made."""
    olds, news = old.get("anggaran") or {}, new.get("anggaran") or {}
    if "jenis_belanja" not in olds or "jenis_belanja" not in news:
        return []

    def rows(tree: dict[str, Any]) -> list[dict[str, Any]]:
        total = tree.get("jenis_belanja_jumlah")
        jumlah = [{**total, "jenis": "", "nama": "Jumlah belanja"}] if total else []
        return [*(tree.get("jenis_belanja") or []), *jumlah]

    return _rows(rows(olds), rows(news), "jenis", lambda r: f"Jenis belanja: {r['nama']}", _BUDGET_FIELDS,
                 lambda r, name: f"anggaran.jenis.{r['jenis']}.{name}" if r["jenis"] else f"anggaran.jenis.{name}",
                 ("serapan",))


def _change(subject: str, label: str, a: Any, b: Any, show: Callable[[Any], str],
            diff: Callable[[Number], str] | None, figure: str = "",
            na: tuple[bool, bool] = (False, False)) -> ValueChange:
    """One changed value; ``figure``: the new value's figure id, kept only when there is a new value or its N/A
    (a "–" is the row's absence, not the model's N/A). ``na``: whether the old and the new side print an absent
    value N/A (a value computed for a row its version has) rather than "–"."""
    numeric = _is_number(a) and _is_number(b)
    return ValueChange(subject, label, _show(a, show, na[0]), _show(b, show, na[1]),
                       diff(_difference(a, b, diff)) if numeric and diff else "",
                       figure if (b is not None and b != "") or na[1] else "")


def _difference(a: Number, b: Number, diff: Callable[[Number], str]) -> Decimal:
    """``b − a``; of two percentages (printed with two decimals beside it) the difference of the printed figures,
    so "102,50 % → 98,13 %" reads "-4,37 poin persen", not the -4,38 of the unrounded 102,5 and 98,125. Two that
    print the same but differ (97,754 → 97,752) keep their exact difference, under 0,01, so the row still says what
    changed ("-0,002 poin persen", see :func:`_points`)."""
    exact = Decimal(b) - Decimal(a)
    if diff is _points or diff is _index_delta:
        printed = fmt.shown_difference(b, a)
        return printed if printed != 0 else exact
    return exact


def _is_number(value: Any) -> bool:
    return isinstance(value, (Decimal, int)) and not isinstance(value, bool)


def _show(value: Any, show: Callable[[Any], str], na: bool = False) -> str:
    if value is None:
        return fmt.NA if na else fmt.DASH
    return show(value) if _is_number(value) or show is _text else str(value)


def _measure(value: Any) -> str:
    return fmt.fmt_value_entered(value) if _is_number(value) else str(value)


def _percent(value: Any) -> str:
    return fmt.fmt_percent(value)


def _rupiah(value: Any) -> str:
    return fmt.fmt_rupiah(value)


def _int(value: Any) -> str:
    return fmt.fmt_int(value)


def _text(value: Any) -> str:
    return str(value)


def _delta(d: Number) -> str:
    decimals = min(4, max(0, -int(Decimal(d).normalize().as_tuple().exponent)))  # type: ignore[arg-type]
    return fmt.fmt_delta(d, decimals)


def _visible(d: Number, decimals: int = 2) -> int:
    """Decimals that keep a small non-zero difference visible: −0,002 must not read as 0,00 (at most 6)."""
    while decimals < 6 and d != 0 and fmt.round_half_up(d, decimals) == 0:
        decimals += 1
    return decimals


def _points(d: Number) -> str:
    """A change of a percentage; one under 0,01 (of two figures that print the same) with at least three decimals:
    "0,01" of a 0,008 change would contradict "100,00 % → 100,00 %" beside it."""
    small = d != 0 and abs(Decimal(d)) < Decimal("0.01")
    return f"{fmt.fmt_delta(d, _visible(d, 3 if small else 2))} poin persen"


def _index(value: Any) -> str:
    """An index (the IKM, ``ikm.nilai``) with two decimals, as every page prints it: as entered it read "80,5556"
    on the change page beside "80,56" everywhere else."""
    return fmt.fmt_number(value, 2)


def _index_delta(d: Number) -> str:
    """A change of an index, of the figures as printed (as :func:`_points`, without the unit)."""
    small = d != 0 and abs(Decimal(d)) < Decimal("0.01")
    return fmt.fmt_delta(d, _visible(d, 3 if small else 2))


def _int_delta(d: Number) -> str:
    return fmt.fmt_delta(d, 0)


def _rupiah_delta(d: Number) -> str:
    """``+Rp 50.000`` / ``-Rp 50.000``: the sign always shown, as ``fmt_delta`` does for plain numbers."""
    return ("+" if d > 0 else "") + fmt.fmt_rupiah(d)


#: The budget columns compared, for the budget tree and the jenis belanja alike.
_BUDGET_FIELDS: list[tuple[str, str, Callable[[Any], str], Callable[[Number], str] | None]] = [
    ("pagu", "Pagu", _rupiah, _rupiah_delta),
    ("realisasi", "Realisasi", _rupiah, _rupiah_delta),
    ("serapan", "Serapan", _percent, _points),
    # the pagu before the APBD Perubahan (pagu_awal): recorded, corrected or removed in a correction, it changed
    # none of the columns above and the page said nothing
    ("pagu_awal", "Pagu awal", _rupiah, _rupiah_delta)]


#: A key figure's value and change, printed by its ``satuan`` (anything else as it was entered).
_BY_UNIT: dict[str, tuple[Callable[[Any], str], Callable[[Number], str]]] = {
    "persen": (_percent, _points), "rupiah": (_rupiah, _rupiah_delta), "indeks": (_index, _index_delta),
    "indikator": (_int, _int_delta)}


# ------------------------------------------------------------------------------------------------ text


_ROLE = re.compile(r"\{nilai\}`([^`]+)`")
_REF = re.compile(r"\{ref\}`[^`]+`")
#: A Markdown link or image: its text is what a reader saw ("[BAB III](30-bab-3-akuntabilitas-kinerja.md)" was shown
#: to citizens as written).
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")


def with_values(chapters: list[ChapterText], document: dict[str, Any],
                printed: Mapping[str, str] | None = None) -> list[ChapterText]:
    """The chapters with each ``{nilai}`path``` as its version printed it, read from the version's own open data:
    the page showed citizens "{nilai}`capaian.rata_rata`", and a sentence whose number changed (AKI 130 → 105,
    capaian 81,82 → 104,55 %) was not listed, its source unchanged. A value the document does not hold (a change
    from last year, a Renstra target) reads "[angka]", never its path; a ``{ref}`` reads "[rujukan]". A target or
    realisasi (and a change of one) as the version printed it (``printed``, :attr:`VersionData.printed`)."""
    values = _document_values(document, printed or {})

    def shown(m: re.Match[str]) -> str:
        return values.get(m.group(1).strip(), "[angka]")

    return [ChapterText(c.id, c.judul, _LINK.sub(r"\1", _REF.sub("[rujukan]", _ROLE.sub(shown, c.body))))
            for c in chapters]


def _document_values(document: dict[str, Any], printed: Mapping[str, str]) -> dict[str, str]:
    """What ``{nilai}`` paths the open-data document answers, printed as the pages print them (a target or
    realisasi as ``printed`` says, when it does)."""
    meta = document.get("laporan") or {}
    out = {f"laporan.{k}": str(v) for k, v in meta.items() if isinstance(v, (str, int)) and not isinstance(v, bool)}
    for row in document.get("angka_kunci") or []:
        value = row.get("nilai")
        show = _BY_UNIT.get(row.get("satuan", ""), (_measure, _delta))[0]
        out[row["kunci"]] = show(value) if _is_number(value) else str(row.get("teks") or fmt.NA)
    year, period = meta.get("tahun"), meta.get("periode")
    for row in document.get("indikator") or []:
        iid, own = row["indikator_id"], row.get("tahun") == year and row.get("periode") == period
        if not own and row.get("periode") != "tahunan":
            continue
        shown = {"nama": str(row.get("nama", "")), "satuan": str(row.get("satuan", "")),
                 "capaian": _result_printed(row, "capaian"), "predikat": _result_printed(row, "predikat")}
        for key in _MEASURES:
            value = row.get(key) if row.get(key) is not None else row.get(f"{key}_kualitatif") or None
            shown[key] = _cited(value, row, printed.get(f"{iid}.{key}@{row.get('tahun')}"))
        for key, text in shown.items():
            out[f"{iid}.{key}@{row.get('tahun')}"] = text  # "IKM.realisasi@2022"
            if own:
                out[f"{iid}.{key}"] = text
    out.update(_year_on_year(document, printed))
    for row in document.get("sasaran") or []:
        if _is_number(row.get("capaian")):
            out[f"capaian.{row['sasaran_id']}"] = _percent(row["capaian"])
    for row in _budget_rows(document):
        for key, show in (("pagu", _rupiah), ("realisasi", _rupiah), ("serapan", _percent), ("pagu_awal", _rupiah)):
            if _is_number(row.get(key)) and row.get("kode"):
                out[f"anggaran.{row['kode']}.{key}"] = show(row[key])
    return out


def _cited(value: Any, row: dict[str, Any], printed: str | None) -> str:
    """A target or realisasi of an indicator ``row`` as a sentence's ``{nilai}`` prints it on the chapter page: by
    the renderer's rule (``refs.value_ref``: with its unit, "84,50 %" for an indicator in %; N/A when missing), the
    number with the decimals its version printed it with (``printed``, :attr:`VersionData.printed`; the audit held
    that text to the same value), else as entered. The sentence printed "84,50" beside the chapter's "84,50 %"."""
    number = _is_number(value)
    ref = value_ref(Decimal(value) if number else value, str(row.get("satuan", "")), "")
    return ref.formatted(_decimals(printed)) if number and printed is not None else ref.formatted()


def _year_on_year(document: dict[str, Any], printed: Mapping[str, str]) -> dict[str, str]:
    """``<id>.delta``, ``.tren`` and ``.realisasi_lalu`` of an annual report, from its own and last year's realisasi
    as its open data holds them, printed as the pages print them (a change of "85,32 − 82,4" read "(selisih
    [angka])" on the change page, beside every number of the sentence that changed with it): each realisasi as
    ``printed`` says, and the change as ``printed`` says it (the version being built: the model's), else that of
    the two as printed, with the more decimals of the two (two means of quarters "83,33" and "81,67" change by
    "1,66", as ``comparisons.delta`` prints it)."""
    meta = document.get("laporan") or {}
    year = meta.get("tahun")
    if meta.get("periode") != "tahunan" or not isinstance(year, int):
        return {}
    by_year: dict[tuple[str, Any], dict[str, Any]] = {}
    for row in document.get("indikator") or []:
        if row.get("periode") == "tahunan":
            by_year[(row["indikator_id"], row.get("tahun"))] = row
    out: dict[str, str] = {}
    for (iid, tahun), row in by_year.items():
        last = by_year.get((iid, year - 1))
        if tahun != year or last is None:
            continue
        now, before = row.get("realisasi"), last.get("realisasi")
        shown_now = _measure_printed(now, printed.get(f"{iid}.realisasi@{year}"))
        shown_before = _measure_printed(before, printed.get(f"{iid}.realisasi@{year - 1}"))
        if _is_number(before):
            out[f"{iid}.realisasi_lalu"] = _cited(before, row, printed.get(f"{iid}.realisasi@{year - 1}"))
        if _is_number(now) and _is_number(before):
            d, decimals = _printed_difference(before, now, shown_before, shown_now)
            out[f"{iid}.delta"] = printed.get(f"{iid}.delta") or fmt.fmt_number(d, decimals)
            out[f"{iid}.tren"] = trend_words(trend(d), str(row.get("polaritas", ""))) or fmt.NA
    return out


def compare_chapters(olds: list[ChapterText], news: list[ChapterText]) -> list[TextChange]:
    before = {c.id: c for c in olds}
    now = {c.id: c for c in news}
    out: list[TextChange] = []
    for c in news:
        o = before.get(c.id)
        if o is None:
            out.append(TextChange(c.id, c.judul, "ditambahkan"))
            continue
        paragraphs = word_diff(o.body, c.body)
        if paragraphs:
            out.append(TextChange(c.id, c.judul, "diubah", o.judul if o.judul != c.judul else "", paragraphs))
        elif o.judul != c.judul:
            out.append(TextChange(c.id, c.judul, "judul", o.judul))
    out += [TextChange(o.id, o.judul, "dihapus") for o in olds if o.id not in now]
    return out


_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|\||#)")


#: A ```{tabel}/```{grafik} block: its fence, directive, kind and option lines.
_DIRECTIVE = re.compile(r"^(?P<fence>`{3,}|~{3,})\{(?P<directive>tabel|grafik)\}[ \t]*(?P<kind>[^\n]*)\n"
                        r"(?P<body>.*?)^(?P=fence)[ \t]*$", re.M | re.S)
_OPTION = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")


def _described(m: re.Match[str]) -> str:
    """A table or chart block in words, as one paragraph: "Tabel capaian: Capaian Sasaran Strategis Tahun 2023
    (sasaran: [S1])". Why: the change page showed the block as written ("```{tabel} capaian id: capaian-sasaran
    judul: … ```"), its fences and option names read as text; its figures are compared in the tables above."""
    found = [_OPTION.match(line) for line in m.group("body").splitlines()]
    options = [(o.group(1), o.group(2)) for o in found if o and o.group(1) != "id"]  # id: an anchor, never shown
    title = next((v.strip("\"'") for k, v in options if k == "judul"), "")
    others = "; ".join(f"{k}: {v}" for k, v in options if k != "judul")
    words = f"{m.group('directive').capitalize()} {m.group('kind').strip().replace('_', ' ')}".strip()
    return f"{words}{': ' + title if title else ''}{f' ({others})' if others else ''}"


def paragraphs(text: str) -> list[str]:
    """Blocks a reader sees as one unit: paragraphs between blank lines, and each list item, table row or heading
    on its own; whitespace collapsed, so re-wrapping a line is no change. A table or chart block is one paragraph
    that says what it is (:func:`_described`)."""
    blocks: list[list[str]] = []
    text = _DIRECTIVE.sub(lambda m: "\n\n" + _described(m).replace("\n", " ") + "\n\n", text)
    for chunk in re.split(r"\n[ \t]*\n", text):
        current: list[str] = []
        for line in chunk.splitlines():
            if _BLOCK_START.match(line) and current:
                blocks.append(current)
                current = []
            current.append(line)
        if current:
            blocks.append(current)
    return [shown for block in blocks if (shown := shown_text(" ".join(" ".join(block).split())))]


_FENCE = re.compile(r"^(?:`{3,}|~{3,})")
_QUOTE = re.compile(r"^(?:>\s?)+")
_HEADING = re.compile(r"^#{1,6}(?:\s+|$)")
_CLOSING_HASHES = re.compile(r"(?:^|\s+)#+\s*$")
_BULLET = re.compile(r"^[-*+]\s+")
#: Reads a block's inline Markdown as the pages do (emphasis, code, escapes, entities, attributes).
_INLINE = make_parser(allow_html=False)


def shown_text(block: str) -> str:
    """One block (a paragraph, list item, heading or table row, on one line) as its page showed it. Why: the change
    page compared the Markdown source, and showed readers markup as words: "[dihapus: **97,50]" for a bold figure
    that changed, and "##" and "- " before headings and list items. A list item reads "• ", a table row its cells
    between " | " (its delimiter row nothing); another fenced block (code) is kept as written."""
    if _FENCE.match(block):
        return block
    block = _QUOTE.sub("", block)
    if _HEADING.match(block):
        return _inline(HEADING_ATTRS.sub("", _CLOSING_HASHES.sub("", _HEADING.sub("", block, count=1))))
    if block.startswith("|"):
        if TABLE_DELIMITER.match(block):
            return ""
        return " | ".join(_inline(cell) for cell in table_cells(block))
    bullet = _BULLET.match(block)
    if bullet:
        return "• " + _inline(block[bullet.end():])
    return _inline(block)


def _inline(text: str) -> str:
    """The text of inline Markdown: words, code and image descriptions, without the marks around them."""
    parts: list[str] = []
    for token in _INLINE.parseInline(text)[0].children or []:
        if token.type in ("text", "code_inline", "image"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())


def word_diff(old: str, new: str) -> list[list[Segment]]:
    """The changed paragraphs of a text, each as segments kept, deleted and inserted word by word."""
    a, b = paragraphs(old), paragraphs(new)
    out: list[list[Segment]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        out += [_words(o, n) for o, n in _paired(a[i1:i2], b[j1:j2])]
    return out


#: Two paragraphs at least this alike (share of their words, ``difflib`` ratio) are one paragraph edited.
_ALIKE = 0.5
#: Blocks of more paragraph pairs than this are not paired: each old one is shown deleted, each new one added.
_MAX_PAIRS = 10_000


def _paired(olds: list[str], news: list[str]) -> list[tuple[str, str]]:
    """The paragraphs of one changed block in reading order, each old one beside the new one it became ("" for a
    paragraph deleted or added). Why: paired by position, a deleted list item was shown as rewritten into the
    heading after it ("<del>memberi umpan balik</del><ins>Kedudukan, tugas</ins> dan <del>…</del>"), a change
    nobody made. Pairs keep their order and the most alike are taken (the largest sum of likeness)."""
    n, m = len(olds), len(news)
    if not n or not m or n * m > _MAX_PAIRS:
        return [(o, "") for o in olds] + [("", b) for b in news]
    like = [[_likeness(o, b) for b in news] for o in olds]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]  # best[i][j]: largest sum pairing olds[i:] with news[j:]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            paired = like[i][j] + best[i + 1][j + 1] if like[i][j] >= _ALIKE else -1.0
            best[i][j] = max(paired, best[i + 1][j], best[i][j + 1])
    out: list[tuple[str, str]] = []
    i = j = 0
    while i < n and j < m:
        if like[i][j] >= _ALIKE and best[i][j] == like[i][j] + best[i + 1][j + 1]:
            out.append((olds[i], news[j]))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            out.append((olds[i], ""))
            i += 1
        else:
            out.append(("", news[j]))
            j += 1
    return out + [(o, "") for o in olds[i:]] + [("", b) for b in news[j:]]


def _likeness(old: str, new: str) -> float:
    matcher = difflib.SequenceMatcher(None, old.split(), new.split(), autojunk=False)
    if matcher.real_quick_ratio() < _ALIKE or matcher.quick_ratio() < _ALIKE:
        return 0.0
    return matcher.ratio()


def _words(old: str, new: str) -> list[Segment]:
    a, b = re.findall(r"\S+|\s+", old), re.findall(r"\S+|\s+", new)
    segments: list[Segment] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            _add(segments, "sama", a[i1:i2])
        else:
            _add(segments, "hapus", a[i1:i2])
            _add(segments, "tambah", b[j1:j2])
    return segments


def _add(segments: list[Segment], op: str, tokens: Iterable[str]) -> None:
    text = "".join(tokens)
    if not text:
        return
    if segments and segments[-1][0] == op:
        segments[-1] = (op, segments[-1][1] + text)
    else:
        segments.append((op, text))
