"""``lkjip new SLUG --dari SLUG_LAMA``: this year's report started from last year's report of the same site.

Why: an author copying last year's folder by hand carried last year's realisasi, signing date, amounts and sentences
into this year's report, and nothing said which were left; starting from the empty scaffold threw away the
indicators, the Renstra and the budget structure that stay true across years. This module carries what stays true and
leaves each thing of the old period visibly to be filled:

- ``laporan.yaml``: instansi, kepala and settings as they are; ``tahun``/``periode`` the new ones, ``versi`` 1.0, no
  ``catatan_versi``, the dates the scaffold's estimates after the new period;
- ``data/indikator.yaml``: indicators and every earlier year's targets and realisasi (the trend tables read them), no
  realisasi of the new year or later, no ``tertulis`` (printed in last year's document), the new year's target taken
  from ``target_renstra`` where the Renstra has one (else ``check`` says ``target-tidak-ada``);
- ``data/pk.yaml``: the new year, its lists, no ``tanggal``, ``jenis: awal``, no changes of a PK Perubahan
  (``target_awal``, ``alasan_perubahan``: ``check`` refuses them under a PK awal);
- ``data/anggaran.yaml``: programs, kegiatan, sub kegiatan, codes and names; every amount 0, none of the old year's
  printed totals nor its pagu before the APBD Perubahan (``pagu_awal``: a new year begins with its DPA awal);
  ``data/renstra.yaml``, other data files and images as they are;
- every chapter as it was, marked.

``laporan.yaml``, ``data/anggaran.yaml`` and every chapter get a line ``disalin_dari: <old slug>``; while it is there
``check`` names what is left in that file (``isian-salinan``) and ``terbitkan`` refuses. A report of a later quarter
of the same year keeps its data files as they are: the year's earlier quarters are its own history, its PK and its
pagu the same.

The old report is read through the build's own stages first (``sheets.stage.load_one``): one with errors is refused,
named, before anything is written. Every file is made in memory, then written into the new folder, which did not
exist and is removed again if writing fails: nothing outside it is touched, and the same old report gives the same
bytes. YAML is edited in place (``sheets.yamledit``), so the author's comments and layout stay.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from yaml.nodes import MappingNode, Node, SequenceNode

from ..archive.manifest import SOURCE_DIR
from ..archive.store import load_archive
from ..compute.narrative import CARRIED_KEY
from ..compute.periods import quarters_upto
from ..core.diagnostics import ContentError, Diagnostics
from ..core.fmt import fmt_rupiah
from ..core.model import Report
from ..core.suggest import did_you_mean, listing
from ..load.content import REPORT_FILE, system_file
from ..load.data import DATA_DIR
from ..load.images import IMAGE_SUFFIXES
from ..load.schemas import YEAR
from ..output.versions import version_key
from ..sheets.impor import errors_only
from ..sheets.stage import known_reports, load_one, report_folder
from ..sheets.yamledit import YamlText, emit_number, emit_text
from .common import UsageError

#: Files carried as they are besides the report's own: images anywhere in the folder (``load.images``), data files
#: in ``data/``.
DATA_FILES = frozenset({".yaml", ".yml", ".csv"})
#: The realisasi of a budget line in a quarterly report: the year's is not known before the year ends.
RUNNING = "{tidak_ada: Tahun anggaran masih berjalan}"
#: A period's place in a year: an annual report comes after the fourth quarter's.
_RANK = {"tw1": 1, "tw2": 2, "tw3": 3, "tw4": 4, "tahunan": 5}
_FRONT = re.compile(r"\A(\ufeff?---[ \t]*)(\r?\n)")
#: The comment lines of an earlier ``--dari``'s mark (a file carried twice, its mark never removed): replaced.
_OLD_MARK = re.compile(r"(?m)^[ \t]*# (Teks bab ini masih teks laporan |lalu hapus baris disalin_dari|Disalin dari "
                       r"laporan \S+ oleh 'lkjip new --dari'|\(masih 0\), lalu hapus baris disalin_dari).*\r?\n")


@dataclass
class Carried:
    """The new report's files (path in the folder -> bytes) and what the author is told about them."""

    new_year: bool  # a later year (its data made anew), not a later period of the same year (data kept)
    old_tahun: int = 0  # the year of the report carried from
    files: dict[str, bytes] = field(default_factory=dict)
    as_is: list[str] = field(default_factory=list)  # data files carried unchanged, for the author to look over
    skipped: list[str] = field(default_factory=list)  # files the build does not read: left behind
    chapters: list[str] = field(default_factory=list)
    images: int = 0
    from_renstra: list[str] = field(default_factory=list)  # indicators whose new target is the Renstra's
    without_target: list[str] = field(default_factory=list)
    leaves: int = 0  # budget lines whose amounts are to be filled
    last_year: tuple[Decimal, Decimal] | None = None  # tahun_lalu written from the old report's totals


def find_old(root: Path, old: str) -> Path:
    """The folder of report ``old`` of this site; an unknown name is a usage error naming the nearest ones."""
    known = known_reports(root)
    released = sorted((av for av in load_archive(root, Diagnostics()) if av.slug == old),
                      key=lambda av: version_key(av.versi)) if old not in known else []
    if released:  # its folder deleted: the portal reads it from arsip/ (``read_released``), a new report cannot
        raise UsageError(f"laporan lama '{old}' (--dari) tidak ada di {root / 'content' / 'laporan'}, hanya di "
                         f"arsip (versi terbitan terakhirnya {released[-1].versi}): salin dahulu isi "
                         f"{released[-1].rel}/{SOURCE_DIR}/ ke content/laporan/{old}/, lalu jalankan lagi "
                         f"lkjip new ... --dari {old}")
    if old not in known:
        raise UsageError(f"laporan lama '{old}' (--dari) tidak ada di {root / 'content' / 'laporan'}"
                         f"{did_you_mean(old, known)} (tersedia: {listing(known)})")
    return report_folder(root, old)


def load_old(root: Path, old: str) -> Report:
    """Report ``old`` read and checked as ``lkjip check`` would; its errors stop ``new --dari`` (its warnings are
    its own business), with one line saying what to do."""
    try:
        return load_one(root, old, Diagnostics())
    except ContentError as exc:
        diags = errors_only(exc.diagnostics)
        diags.error((f"content/laporan/{old}/{REPORT_FILE}", 1),
                    f"laporan lama '{old}' masih memuat galat (disebut di atas), jadi tidak disalin; perbaiki dulu "
                    f"(lkjip check --laporan {old}), lalu jalankan lagi lkjip new ... --dari {old}")
        raise ContentError(diags) from None


def new_period(old: Report, tahun: int | None, periode: str | None) -> tuple[int, str]:
    """The new report's year and period: by default the old one's period a year later; a later period of the same
    year (``--periode tw2`` from TW I, ``--periode tahunan`` from TW IV) without ``--tahun`` is that year's. One that
    does not come after the old report's is refused: its realisasi would be the new report's future.

    (A year later for every ``--periode`` made ``new kec-2025-tw2 --dari kec-2025-tw1 --periode tw2`` a report of
    TW II 2026: every 2025 value typed in it was a year early, and the year's targets were taken from the Renstra.)"""
    if tahun is None:
        later_this_year = periode is not None and _RANK[periode] > _RANK[old.periode]
        tahun = old.tahun if later_this_year else old.tahun + 1
    periode = periode or old.periode
    if not YEAR.min <= tahun <= YEAR.max:
        raise UsageError(f"tahun {tahun} di luar rentang {YEAR.min}–{YEAR.max}; tulis tahun yang dilaporkan dengan "
                         "--tahun")
    if (tahun, _RANK[periode]) <= (old.tahun, _RANK[old.periode]):
        raise UsageError(f"laporan baru ({periode} {tahun}) harus sesudah laporan lama '{old.slug}' ({old.periode} "
                         f"{old.tahun}); --dari memulai periode berikutnya dari laporan yang sudah ada, mis. --tahun "
                         f"{old.tahun + 1}")
    return tahun, periode


def carry(folder: Path, old: Report, tahun: int, periode: str, signed: dt.date, published: dt.date) -> Carried:
    """Every file of the new report, from the old report's ``folder``, in memory (sorted, so the same bytes)."""
    new_year = tahun != old.tahun
    out = Carried(new_year, old.tahun)
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if system_file(path.relative_to(folder).parts) or not path.is_file():
            continue
        if not path.resolve().is_relative_to(folder.resolve()):
            out.skipped.append(rel)  # a link out of the folder: the build refuses it as well
            continue
        data = path.read_bytes()
        suffix = path.suffix.lower()
        if rel == REPORT_FILE:
            out.files[rel] = _text(_laporan(_read(data), old, tahun, periode, signed, published))
        elif "/" not in rel and suffix == ".md":
            text = _shift_years(_read(data), tahun - old.tahun) if new_year else _read(data)
            out.files[rel] = _text(_mark_chapter(text, old.slug, tahun, periode))
            out.chapters.append(rel)
        elif rel.startswith(f"{DATA_DIR}/") and rel.count("/") == 1 and suffix in DATA_FILES:
            name = path.name
            if new_year and name == "indikator.yaml":
                out.files[rel] = _text(_indicators(_read(data), tahun, periode, out))
            elif new_year and name == "pk.yaml":
                out.files[rel] = _text(_pk(_read(data), tahun))
            elif new_year and name == "anggaran.yaml":
                out.last_year = _last_year(old, tahun, periode)
                out.files[rel] = _text(_budget(_read(data), old.slug, tahun, periode, out))
            else:
                out.files[rel] = data
                if name not in ("renstra.yaml", "indikator.yaml", "pk.yaml", "anggaran.yaml"):
                    out.as_is.append(rel)
        elif suffix in IMAGE_SUFFIXES:
            out.files[rel] = data
            out.images += 1
        else:
            out.skipped.append(rel)
    return out


def write(target: Path, carried: Carried) -> None:
    """The files into ``target``, which must not exist; on any failure the folder made here is removed again."""
    target.mkdir(parents=True)  # FileExistsError if another process made it meanwhile: never overwrite
    try:
        for rel, data in carried.files.items():
            dest = target / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(data)
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise


# -- the files ---------------------------------------------------------------------------------------------------

def _read(data: bytes) -> str:
    return data.decode("utf-8-sig")  # a validated file is UTF-8; a byte-order mark is not kept


def _text(text: str) -> bytes:
    return text.encode("utf-8")


def _root(doc: YamlText) -> MappingNode:
    assert isinstance(doc.root, MappingNode), "a validated file is a mapping"
    return doc.root


def _edited(doc: YamlText) -> str:
    return doc.result()[0]


def _laporan(text: str, old: Report, tahun: int, periode: str, signed: dt.date, published: dt.date) -> str:
    doc = YamlText(_unmarked(text))
    root = _root(doc)
    doc.set_key(root, "tahun", str(tahun))
    doc.set_key(root, "periode", periode)
    doc.set_key(root, "versi", '"1.0"')
    doc.set_key(root, "tanggal_terbit", published.isoformat())
    sign = doc.find(["penandatanganan"])
    if isinstance(sign, MappingNode):
        doc.set_key(sign, "tanggal", signed.isoformat())
    if doc.get(root, "catatan_versi"):
        doc.delete(root, "catatan_versi")
    title = doc.get(root, "judul")
    if title is not None:
        if periode != old.periode:  # "Triwulan I" or "Tahun" of the old title: the title made from the period instead
            doc.delete(root, "judul")
        else:
            written = str(doc.value(title[1]))
            doc.replace(title[0], title[1], emit_text(re.sub(rf"\b{old.tahun}\b", str(tahun), written)))
    _mark(doc, root, old.slug, [f"# Disalin dari laporan {old.slug} oleh 'lkjip new --dari'. Tanggal di bawah hanya "
                                "perkiraan: tulis tanggal sebenarnya,", f"# lalu hapus baris {CARRIED_KEY} ini."])
    return _edited(doc)


def _unmarked(text: str) -> str:
    """A YAML file without the comment lines of an earlier ``--dari``'s mark (its key is replaced by :func:`_mark`)."""
    return _OLD_MARK.sub("", text)


def _mark(doc: YamlText, root: MappingNode, old: str, comment: list[str]) -> None:
    """``disalin_dari: <old>`` above ``tahun``, with what to do; a mark the old file still had gives way to it."""
    if doc.get(root, CARRIED_KEY) is not None:
        doc.delete(root, CARRIED_KEY)
    doc.insert_before(root, "tahun", [*comment, f"{CARRIED_KEY}: {old}"])


#: A value of a given year in a chapter (``{nilai}`NEK.realisasi@2022```): the year after the "@".
_ROLE_YEAR = re.compile(r"(\{nilai\}`[^`@]*@)(\d{4})")
#: A table's or chart's block (```` ```{tabel} ````, ```` ```{grafik} ````) up to its closing fence, with its kind.
_BLOCK = re.compile(r"(?ms)^(`{3,}|~{3,})\{(?:tabel|grafik)\}[ \t]*(\S*).*?^\1[ \t]*$")
#: The option lines of a block that name years: its caption and its years.
_YEAR_OPTION = re.compile(r"(?m)^(judul|tahun)(:.*)$")
_YEAR = re.compile(r"\b(19[9]\d|20\d\d|2100)\b")


def _shift_years(text: str, delta: int) -> str:
    """A chapter carried ``delta`` years on: the years its values are read at and its tables' and charts' captions
    and years move with it. Why: "naik dari {nilai}`NEK.realisasi@2022` menjadi {nilai}`NEK.realisasi` (selisih
    {nilai}`NEK.delta`)" carried into 2024 read 2022 against 2024 beside the change from 2023 (4,60 printed as
    2,63), and "Tabel 3.3 Perbandingan Realisasi Kinerja Tahun 2021–2023" headed columns 2022–2024. The prose's typed
    years are the author's to rewrite (the chapter is marked); a dataset's block is its CSV's, carried as it is."""
    def later(m: re.Match[str]) -> str:
        return str(int(m.group(0)) + delta)

    text = _ROLE_YEAR.sub(lambda m: m.group(1) + str(int(m.group(2)) + delta), text)
    def block(b: re.Match[str]) -> str:
        if b.group(2) == "dataset":
            return b.group(0)
        return _YEAR_OPTION.sub(lambda o: o.group(1) + _YEAR.sub(later, o.group(2)), b.group(0))

    return _BLOCK.sub(block, text)


def _mark_chapter(text: str, old: str, tahun: int, periode: str) -> str:
    """The chapter with ``disalin_dari`` as the first key of its front matter, and a comment saying what to do."""
    match = _FRONT.match(text)
    if match is None:  # a validated chapter opens with its front matter
        raise ValueError("bab tanpa front matter")
    nl = match.group(2)
    # a mark the old chapter still had (carried the year before and never rewritten) gives way to this one
    end = text.find(f"{nl}---", match.end() - len(nl))
    if end > 0:
        front = _OLD_MARK.sub("", re.sub(rf"(?m)^{CARRIED_KEY}:.*\r?\n", "", text[match.end():end + len(nl)]))
        text = text[:match.end()] + front + text[end + len(nl):]
    what = f"tahun {tahun}" if periode == "tahunan" else f"{periode} {tahun}"
    mark = (f"# Teks bab ini masih teks laporan {old}. Tulis ulang untuk laporan {what},{nl}"
            f"# lalu hapus baris {CARRIED_KEY} di bawah ini.{nl}{CARRIED_KEY}: {old}{nl}")
    return text[:match.end()].lstrip("\ufeff") + mark + text[match.end():]


def _indicators(text: str, tahun: int, periode: str, out: Carried) -> str:
    doc = YamlText(text)
    items = doc.find(["indikator"])
    assert isinstance(items, SequenceNode)
    for item in items.value:
        assert isinstance(item, MappingNode)
        named = doc.get(item, "id")
        iid = str(doc.value(named[1])) if named else "?"  # a validated indicator has its id
        realisasi = doc.get(item, "realisasi")
        if realisasi is not None and isinstance(realisasi[1], MappingNode):
            later = [doc.value(k) for k, _v in realisasi[1].value if _year(doc.value(k)) >= tahun]
            if later and len(later) == len(realisasi[1].value):
                doc.delete(item, "realisasi")
            for year in later if len(later) < len(realisasi[1].value) else []:
                doc.delete(realisasi[1], year)
        if doc.get(item, "tertulis") is not None:
            doc.delete(item, "tertulis")
        _target(doc, item, iid, tahun, periode, out)
    return _edited(doc)


def _target(doc: YamlText, item: MappingNode, iid: str, tahun: int, periode: str, out: Carried) -> None:
    """The new year's target from ``target_renstra`` when the indicator has none yet."""
    target = doc.get(item, "target")
    if target is not None and isinstance(target[1], MappingNode) and doc.get(target[1], tahun) is not None:
        return
    renstra = doc.get(item, "target_renstra")
    value = doc.get(renstra[1], tahun) if renstra is not None else None
    if value is None:
        out.without_target.append(iid)
        return
    written = doc.text[value[1].start_mark.index:doc.content_end(value[1])]
    if periode != "tahunan":  # the year's target; the quarters' are the author's to write
        written = "{tahunan: " + written + "}"
    if target is not None and isinstance(target[1], MappingNode) and target[1].value:
        doc.set_key(target[1], tahun, written)
    elif target is not None:
        doc.replace(target[0], target[1], "{" + f"{tahun}: {written}" + "}")
    else:
        doc.insert(item, "target: {" + f"{tahun}: {written}" + "}")
    out.from_renstra.append(iid)


def _year(key: object) -> int:
    return int(key) if isinstance(key, int) or str(key).isdigit() else 0


def _pk(text: str, tahun: int) -> str:
    doc = YamlText(text)
    root = _root(doc)
    doc.set_key(root, "tahun", str(tahun))
    for key in ("tanggal", "alasan_perubahan", "target_awal"):  # the old year's PK Perubahan: its date, its changes
        if doc.get(root, key) is not None:
            doc.delete(root, key)
    kind = doc.get(root, "jenis")
    if kind is not None and doc.value(kind[1]) != "awal":  # a new year begins with the PK awal
        doc.replace(kind[0], kind[1], "awal")
    return _edited(doc)


#: Amounts and outputs of the old year, on a program or kegiatan / on a sub kegiatan / on the file.
_PARENT_AMOUNTS = ("pagu_tertulis", "realisasi_tertulis")
_LEAF_OLD = ("target", "realisasi_output", "realisasi_tw", "pagu_awal")
_FILE_AMOUNTS = ("jenis_belanja", "total_tertulis", "tahun_lalu")


def _budget(text: str, old: str, tahun: int, periode: str, out: Carried) -> str:
    doc = YamlText(_unmarked(text))
    root = _root(doc)
    doc.set_key(root, "tahun", str(tahun))
    for key in _FILE_AMOUNTS:
        if doc.get(root, key) is not None:
            doc.delete(root, key)
    if out.last_year is not None and doc.get(root, "program") is not None:
        pagu, realisasi = (emit_number(v) for v in out.last_year)
        # the comment on the line itself: carried again a year on, the line goes with it
        doc.insert_before(root, "program", [f"tahun_lalu: {{pagu: {pagu}, realisasi: {realisasi}}}  # jumlah "
                                            f"laporan {old}, dihitung lkjip (lkjip new --dari)"])
    quarters = () if periode == "tahunan" else quarters_upto(periode)
    for program in _items(doc, root, "program"):
        _drop(doc, program, _PARENT_AMOUNTS)
        for kegiatan in _items(doc, program, "kegiatan"):
            _drop(doc, kegiatan, _PARENT_AMOUNTS)
            for leaf in _items(doc, kegiatan, "sub_kegiatan"):
                _drop(doc, leaf, _LEAF_OLD)
                doc.set_key(leaf, "pagu", "0")
                doc.set_key(leaf, "realisasi", RUNNING if quarters else "0")
                if quarters:
                    doc.insert(leaf, "realisasi_tw: {" + ", ".join(f"{q}: 0" for q in quarters) + "}")
                out.leaves += 1
    _mark(doc, root, old, [f"# Disalin dari laporan {old} oleh 'lkjip new --dari': struktur dan kode saja. Isi pagu "
                           f"dan realisasi {tahun} setiap sub kegiatan", f"# (masih 0), lalu hapus baris {CARRIED_KEY} "
                           "ini."])
    return _edited(doc)


def _last_year(old: Report, tahun: int, periode: str) -> tuple[Decimal, Decimal] | None:
    """Last year's budget totals for ``tahun_lalu``, as the old report computed and published them, when the old
    report is last year's annual one: the author retyped them from its PDF (``check`` then compared the two), where
    every number is to be entered once."""
    budget = old.computed.anggaran if old.computed is not None else None
    if budget is None or old.periode != "tahunan" or periode != "tahunan" or tahun != old.tahun + 1:
        return None
    return budget.total.pagu, budget.total.realisasi


def _items(doc: YamlText, mapping: Node, key: str) -> list[MappingNode]:
    pair = doc.get(mapping, key)
    seq = pair[1] if pair else None
    return [n for n in seq.value if isinstance(n, MappingNode)] if isinstance(seq, SequenceNode) else []


def _drop(doc: YamlText, mapping: MappingNode, keys: tuple[str, ...]) -> None:
    for key in keys:
        if doc.get(mapping, key) is not None:
            doc.delete(mapping, key)


def _old_year_comments(carried: Carried) -> list[str]:
    """The comment lines of the carried data files that name the old report's year ("# Perjanjian Kinerja
    Perubahan 2023", "# Realisasi anggaran … 2023"), as ``file:line``: they describe last year's report, are
    published with the new version's sources and its bag, and an author who works in Excel never sees them. A year
    in a regulation's number ("050-5889/2023") or a slug ("martapura-barat-2023"), and the carry's own comments, are not
    named."""
    found = []
    year = re.compile(rf"(?<![/\d-]){carried.old_tahun}(?!\d)")  # not "050-5889/2023" nor "barat-2023"
    for rel, data in sorted(carried.files.items()):
        if not rel.startswith(f"{DATA_DIR}/") or not rel.endswith((".yaml", ".yml")):
            continue
        for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), 1):
            comment = line.partition("#")[2] if line.lstrip().startswith("#") or " #" in line else ""
            if year.search(comment) and "lkjip new --dari" not in comment:
                found.append(f"{rel}:{number}")
    return found


def describe(carried: Carried, old: str, tahun: int) -> list[str]:
    """What the author is told after the folder is made: what came over as it was, and what is left to fill."""
    renstra = ", data/renstra.yaml" if f"{DATA_DIR}/renstra.yaml" in carried.files else ""
    lines = [f"Disalin apa adanya: instansi, kepala dan pengaturan di laporan.yaml{renstra}, {carried.images} gambar."]
    if carried.leaves:
        lines.append(f"data/anggaran.yaml: struktur dan kode program/kegiatan/sub kegiatan; pagu dan realisasi "
                     f"{carried.leaves} sub kegiatan bernilai 0 sampai Anda mengisinya.")
    if carried.last_year is not None:
        lines.append(f"data/anggaran.yaml: tahun_lalu diisi jumlah pagu dan realisasi laporan {old} "
                     f"({fmt_rupiah(carried.last_year[0])} dan {fmt_rupiah(carried.last_year[1])}).")
    if carried.from_renstra:
        lines.append(f"Target {tahun} diambil dari target_renstra: {listing(carried.from_renstra)}; samakan dengan "
                     f"Perjanjian Kinerja {tahun}.")
    if carried.without_target:
        lines.append(f"Belum ada target {tahun}: {listing(carried.without_target)}.")
    if carried.new_year:
        lines.append(f"Realisasi {tahun} belum diisi di data/indikator.yaml.")
    else:
        lines.append(f"Data tahun {tahun} disalin apa adanya: tambahkan realisasi periode baru di data/indikator.yaml "
                     "dan data/anggaran.yaml.")
    lines.append("Tanggal terbit dan tanggal tanda tangan di laporan.yaml hanya perkiraan.")
    if carried.chapters:
        lines.append(f"{len(carried.chapters)} bab masih teks laporan {old}, ditandai '{CARRIED_KEY}': tulis ulang, "
                     "lalu hapus baris itu di setiap bab.")
    if carried.as_is:
        lines.append(f"Data lain disalin apa adanya, periksa isinya: {', '.join(carried.as_is)}.")
    if carried.new_year and (old_notes := _old_year_comments(carried)):
        shown = ", ".join(old_notes[:6]) + (f" dan {len(old_notes) - 6} lainnya" if len(old_notes) > 6 else "")
        lines.append(f"Komentar berkas data yang masih menyebut tahun sebelumnya (ikut terbit di data sumber dan paket "
                     f"arsip): {shown}; perbarui atau hapus.")
    if carried.skipped:
        lines.append(f"Tidak disalin (tidak dibaca build): {', '.join(carried.skipped)}.")
    return lines

