"""Open data of one report version: the computed model as CSV and JSON, described by a Frictionless Data Package.

Published at ``laporan/<slug>/<versi>/data-terbuka/``, attached to the PDF and packed into the version's BagIt bag.
These files carry machine values, not display text: a decimal point, no thousands separators, numbers unrounded
(``core/fmt.py`` rounds only what pages print), percentages as numbers of percent (``98.25`` means 98,25 %), dates as
ISO 8601. Every value comes from the same :class:`ComputedReport` the pages and the PDF read, so they cannot
disagree; the column names are documented in ``docs/panduan-penulis.md`` ("Data terbuka").

``laporan.json`` holds everything in one document (the budget as a tree); it is also what the "Perubahan dari
versi X" page compares, since an archived version's JSON is frozen with it (``output/changes.py``).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable, Container, Iterable, Mapping

from ..compute.budget import BudgetReport, BudgetResult
from ..compute.capaian import Result
from ..compute.scales import classify_or_none
from ..compute.figures import Figure
from ..compute.perubahan import TargetChange, target_changes
from ..core.files import Held
from ..compute.periods import carried_note, quarters_upto
from ..core.model import QUARTERS, DataLicence, Missing, Report, ScaleClass, SiteConfig, Value
from .audit import Shown
from .versions import OPEN_DATA_DIR, SiteHistory, VersionInfo, report_metadata
from .workbook import EXCEL_DIGITS, HEADER_ROW, sheet_values

FORMAT = "lkjip-data-terbuka/1"
DATAPACKAGE = "datapackage.json"
JSON_FILE = "laporan.json"

#: (name, type, description) of every column, per CSV file; the datapackage schema and the author guide say the same.
INDICATOR_FIELDS = [
    ("indikator_id", "string", "id indikator di data/indikator.yaml"),
    ("nama", "string", "nama indikator"),
    ("satuan", "string", "satuan target dan realisasi"),
    ("polaritas", "string", "positif (makin besar makin baik) atau negatif"),
    ("jenis", "string", "jenis indikator (mis. sasaran, program)"),
    ("sasaran_id", "string", "sasaran tempat indikator ini diukur"),
    ("tahun", "integer", "tahun"),
    ("periode", "string", "tahunan, atau tw1..tw4 untuk nilai kumulatif s.d. triwulan laporan ini"),
    ("target", "number", "target (angka)"),
    ("target_kualitatif", "string", "target berupa nilai kualitatif (mis. A, BB)"),
    ("realisasi", "number", "realisasi (angka)"),
    ("realisasi_kualitatif", "string", "realisasi berupa nilai kualitatif"),
    ("capaian", "number", "capaian dalam persen, tidak dibulatkan"),
    ("predikat", "string", "predikat capaian menurut skala laporan, dinilai dari capaian yang dibulatkan 2 desimal"),
    ("alasan_na", "string", "alasan capaian tidak dapat dihitung (N/A)"),
    ("catatan_capaian", "string", "catatan atas capaian yang dihitung (mis. hasil negatif ditetapkan 0 %)"),
    ("rumus_capaian", "string", "rumus yang dipakai"),
    ("target_tahunan", "number",
     "baris triwulan: target setahun (kolom target berisi target s.d. triwulan); kosong pada baris tahunan"),
    ("kode_program", "string", "kode program di anggaran.csv yang diukur indikator ini (kosong bila tidak ada)"),
    # added at the end, so a reader taking columns by position keeps working
    ("target_awal", "number", "baris tahun laporan dengan PK Perubahan: target setahun menurut PK awal, bila PK "
     "Perubahan mengubahnya (target_awal di data/pk.yaml); kosong bila target tidak diubah"),
    ("target_awal_kualitatif", "string", "target awal berupa nilai kualitatif"),
    ("alasan_perubahan", "string", "alasan PK Perubahan mengubah target, atau mengapa target awal tidak ada"),
    ("catatan_nilai", "string", "catatan atas target atau realisasi yang bukan nilai triwulannya sendiri: triwulan "
     "itu tidak tersedia, yang ditampilkan nilai triwulan sebelumnya (agregasi terakhir) atau rata-rata triwulan "
     "yang tersedia (agregasi rata_rata); kosong bila tidak ada"),
]
SASARAN_FIELDS = [
    ("sasaran_id", "string", "id sasaran"),
    ("uraian", "string", "uraian sasaran"),
    ("capaian", "number", "rata-rata capaian indikator sasaran dalam persen, tidak dibulatkan"),
    ("predikat", "string", "predikat rata-rata capaian, dinilai dari rata-rata yang dibulatkan 2 desimal"),
    ("indikator_terukur", "integer", "indikator yang masuk rata-rata"),
    ("jumlah_indikator", "integer", "indikator sasaran ini"),
]
BUDGET_FIELDS = [
    ("kode", "string", "kode program, kegiatan atau sub kegiatan"),
    ("kode_induk", "string", "kode induknya (kosong untuk program)"),
    ("tingkat", "string", "program, kegiatan atau sub_kegiatan"),
    ("nama", "string", "nama"),
    ("pagu", "number", "pagu dalam rupiah (induk: jumlah rinciannya)"),
    ("realisasi", "number", "realisasi dalam rupiah (laporan triwulan: s.d. triwulan laporan)"),
    ("serapan", "number", "realisasi ÷ pagu dalam persen, tidak dibulatkan"),
    ("sisa", "number", "pagu − realisasi dalam rupiah"),
    # added at the end, so a reader taking columns by position keeps working
    *((f"realisasi_{q}", "number", f"realisasi dalam rupiah pada triwulan {n} saja (bukan kumulatif); kosong bila "
       "triwulan itu sesudah periode laporan atau ada sub kegiatan di bawahnya tanpa nilai triwulan itu")
      for q, n in zip(QUARTERS, ("I", "II", "III", "IV"))),
    ("indikator_output", "string", "indikator keluaran (indikator di data/anggaran.yaml)"),
    ("satuan_output", "string", "satuan indikator keluaran"),
    ("target_output", "number", "target keluaran setahun (target di data/anggaran.yaml)"),
    ("target_output_kualitatif", "string", "target keluaran berupa nilai kualitatif"),
    ("realisasi_output", "number", "realisasi keluaran (laporan triwulan: s.d. triwulan laporan)"),
    ("realisasi_output_kualitatif", "string", "realisasi keluaran berupa nilai kualitatif"),
    ("pagu_awal", "number", "pagu sebelum APBD Perubahan (DPA awal) dalam rupiah; pagu di atas adalah pagu perubahan "
     "(induk: jumlah rinciannya; sub kegiatan yang tidak diubah: sama dengan pagu); kosong bila laporan tidak "
     "mencatat perubahan pagu"),
    ("sasaran_id", "string", "sasaran yang didukung (sasaran program di data/anggaran.yaml; kegiatan dan sub kegiatan: "
     "sasaran programnya), sama dengan sasaran_id di indikator.csv dan sasaran.csv; kosong bila tidak ditulis"),
]
QUARTER_FIELDS = [
    ("indikator_id", "string", "id indikator, sama dengan indikator_id di indikator.csv"),
    ("tahun", "integer", "tahun laporan"),
    ("triwulan", "string", "tw1..tw4"),
    ("berjalan", "boolean",
     "true: triwulan sampai dengan periode laporan; false: triwulan sesudahnya (hanya target rencana)"),
    ("target", "number", "target triwulan itu saja, seperti ditulis (bukan kumulatif)"),
    ("target_kualitatif", "string", "target berupa nilai kualitatif"),
    ("realisasi", "number",
     "realisasi triwulan itu saja, seperti ditulis (bukan kumulatif); kosong bila belum berjalan"),
    ("realisasi_kualitatif", "string", "realisasi berupa nilai kualitatif"),
    ("agregasi", "string", "cara nilai triwulan digabung menjadi nilai s.d. triwulan: jumlah, terakhir atau rata_rata"),
    ("alasan_kosong", "string", "alasan target atau realisasi tidak ada, bila ditulis di data/indikator.yaml"),
]
KEY_FIELDS = [
    ("kunci", "string", "id angka, sama dengan jalur {nilai} di narasi (mis. capaian.rata_rata)"),
    ("uraian", "string", "nama angka"),
    ("nilai", "number", "nilai, tidak dibulatkan (kosong bila angka berupa teks atau tidak dapat dihitung)"),
    ("teks", "string", "nilai berupa teks (predikat, metode rata-rata), atau alasan N/A"),
    ("satuan", "string", "persen, rupiah, indikator, program, kegiatan, sub kegiatan, indeks atau teks"),
    ("definisi", "string", "apa yang dihitung, atas himpunan mana"),
]
#: (resource name, file, title, fields, primary key); a table in ``OPTIONAL`` is left out when it has no rows.
TABLES = [
    ("indikator", "indikator.csv", "Indikator kinerja per tahun: target, realisasi, capaian, predikat",
     INDICATOR_FIELDS, ["indikator_id", "tahun", "periode"]),
    ("sasaran", "sasaran.csv", "Capaian rata-rata per sasaran", SASARAN_FIELDS, ["sasaran_id"]),
    ("triwulan", "triwulan.csv", "Target dan realisasi indikator per triwulan", QUARTER_FIELDS,
     ["indikator_id", "tahun", "triwulan"]),
    ("anggaran", "anggaran.csv", "Pohon anggaran: program, kegiatan, sub kegiatan", BUDGET_FIELDS, ["kode"]),
    ("angka-kunci", "angka-kunci.csv", "Angka kunci laporan", KEY_FIELDS, ["kunci"]),
]

#: Tables published only when they have rows: a report without quarterly values (most annual reports) has no
#: ``triwulan.csv`` rather than a header without data; ``datapackage.json`` lists the files there are.
OPTIONAL = frozenset({"triwulan"})

Row = dict[str, Any]


@dataclass(frozen=True)
class OpenData:
    """The files of ``data-terbuka/`` (name -> bytes, or a reference into the memo: ``core/files.py``)."""

    files: dict[str, Held]


def open_data(report: Report, licence: DataLicence | None = None) -> OpenData:
    """Every open-data file of one computed report, deterministic: same model and ``licence`` (``lisensi_data`` in
    situs.yaml, named in ``datapackage.json`` only), same bytes."""
    rows = {
        "indikator": indicator_rows(report),
        "triwulan": quarter_rows(report),
        "sasaran": sasaran_rows(report),
        "anggaran": budget_rows(report),
        "angka-kunci": key_rows(report),
    }
    files: dict[str, bytes] = {}
    for name, path, _title, fields, _key in TABLES:
        if rows[name] or name not in OPTIONAL:
            files[path] = to_csv([f[0] for f in fields], rows[name])
    document = {
        "format": FORMAT,
        "laporan": report_metadata(report),
        "skala_predikat": report.computed.scale.nama if report.computed else "",
        "angka_kunci": rows["angka-kunci"],
        "indikator": rows["indikator"],
        "triwulan": rows["triwulan"],
        "sasaran": rows["sasaran"],
        "anggaran": budget_tree(report),
    }
    files[JSON_FILE] = to_json(document)
    files[DATAPACKAGE] = to_json(datapackage(report, files, licence))
    return OpenData(dict(sorted(files.items())))


# ------------------------------------------------------------------------------------------------ rows


def indicator_rows(report: Report) -> list[Row]:
    """One row per indicator and year (``periode`` tahunan); in a quarterly report the report's own year has only its
    cumulative period (``tw1``..``tw4``), since that year's annual realisasi does not exist yet (its annual target
    is in ``target_tahunan``)."""
    c = report.computed
    if c is None:
        return []
    out: list[Row] = []
    changes = {t.indikator: t for t in target_changes(report)}
    for ir in c.indikator.values():
        base = {"indikator_id": ir.id, "nama": ir.nama, "satuan": ir.satuan, "polaritas": ir.polaritas,
                "jenis": ir.jenis, "sasaran_id": ir.sasaran_id or "", "kode_program": ir.program or ""}
        points = [(p.tahun, "tahunan", p.target, p.realisasi, p.capaian,
                   classify_or_none(c.scale, p.capaian.for_average)) for p in ir.riwayat if p.tahun != ir.tahun]
        points.append((ir.tahun, ir.periode, ir.target, ir.realisasi, ir.capaian, ir.predikat))
        for tahun, periode, target, realisasi, res, pred in sorted(points, key=lambda p: p[0]):
            # a quarter's row: its target is the one s.d. TW n, and the year's own (Tabel 3.3's "Target tahunan",
            # the Renstra's and the PK's) was nowhere in the download
            annual = ir.target_tahunan if periode != "tahunan" and isinstance(ir.target_tahunan, Decimal) else None
            out.append({**base, "tahun": tahun, "periode": periode, **_value("target", target),
                        **_value("realisasi", realisasi), **_result(res, pred), "target_tahunan": annual,
                        **_target_awal(changes.get(ir.id) if tahun == ir.tahun else None),
                        "catatan_nilai": _carried_notes(target, realisasi)})
    return out


def _carried_notes(target: Value | None, realisasi: Value | None) -> str:
    """Where a target or realisasi taken from an earlier quarter comes from, as the pages' notes say it: the
    download had TW II's 83 as the realisasi s.d. TW III with nothing beside it."""
    return "; ".join(n for n in (carried_note(target, "target"), carried_note(realisasi, "realisasi")) if n)


def _target_awal(change: TargetChange | None) -> Row:
    """The PK awal's target of the report's year that the PK Perubahan changed, and why: the pages said "dari 100
    menjadi 90" while the download held the 90 alone, and a reader of the quarterly reports published before the
    revision could not tell from the data why their targets differ."""
    if change is None:
        return {**_value("target_awal", None), "alasan_perubahan": ""}
    why = change.alasan
    if isinstance(change.awal, Missing):  # an indicator the PK Perubahan added: no first target, said why
        why = "; ".join(w for w in (f"target awal tidak ada: {change.awal.reason}" if change.awal.reason else "",
                                    why) if w)
    return {**_value("target_awal", change.awal), "alasan_perubahan": why}


def quarter_rows(report: Report) -> list[Row]:
    """Each quarter's own target and realisasi of the report's year, as Tabel "Target dan Realisasi Indikator
    Kegiatan per Triwulan" prints them: the four quarters of every indicator with quarterly values, a quarter after
    the report's with its planned target only (``berjalan`` false; its realisasi, if typed, is neither shown nor
    added). indikator.csv had only the value s.d. TW n, so the quarters the pages print were in no download."""
    c = report.computed
    if c is None:
        return []
    out: list[Row] = []
    for ir in c.indikator.values():
        if not ir.triwulan:
            continue
        source = report.data.indikator.get(ir.id)
        planned = source.target.get(ir.tahun) if source is not None else None
        by_q = {q.tw: q for q in ir.triwulan}
        for tw in QUARTERS:
            q = by_q.get(tw)
            target = q.target if q else (planned.quarters.get(tw) if planned is not None else None)
            realisasi = q.realisasi if q else None
            reasons = [f"{name} tidak tersedia: {v.reason}"
                       for name, v in (("target", target), ("realisasi", realisasi)) if isinstance(v, Missing) and v.reason]
            out.append({"indikator_id": ir.id, "tahun": ir.tahun, "triwulan": tw, "berjalan": q is not None,
                        **_value("target", target), **_value("realisasi", realisasi),
                        "agregasi": source.agregasi if source is not None else "", "alasan_kosong": "; ".join(reasons)})
    return out


def sasaran_rows(report: Report) -> list[Row]:
    c = report.computed
    if c is None:
        return []
    return [{"sasaran_id": s.id, "uraian": s.uraian, "capaian": s.capaian, "predikat": _label(s.predikat),
             "indikator_terukur": s.terukur, "jumlah_indikator": len(s.indikator)} for s in c.sasaran.values()]


def budget_rows(report: Report) -> list[Row]:
    """The budget tree flattened in reading order; ``kode_induk`` keeps the tree."""
    c = report.computed
    if c is None or c.anggaran is None:
        return []
    out: list[Row] = []
    quarters = quarters_upto(report.periode)

    changed = c.anggaran.pagu_awal is not None

    def visit(node: BudgetResult, parent: str, sasaran: str) -> None:
        sasaran = sasaran or node.sasaran or ""
        out.append(_budget_row(node, parent, quarters, changed, sasaran))
        for child in node.children:
            visit(child, node.kode, sasaran)

    for program in c.anggaran.program:
        visit(program, "", "")
    return out


def budget_tree(report: Report) -> dict[str, Any] | None:
    c = report.computed
    if c is None or c.anggaran is None:
        return None
    quarters = quarters_upto(report.periode)
    changed = c.anggaran.pagu_awal is not None

    def node(n: BudgetResult, sasaran: str) -> Row:
        sasaran = sasaran or n.sasaran or ""
        row = _budget_row(n, "", quarters, changed, sasaran)
        del row["kode_induk"]
        return {**row, "rincian": [node(ch, sasaran) for ch in n.children]}

    total = c.anggaran.total
    return {"tahun": c.anggaran.tahun, "pagu": total.pagu, "realisasi": total.realisasi, "serapan": total.serapan,
            "sisa": total.sisa, "pagu_awal": c.anggaran.pagu_awal, "program": [node(p, "") for p in c.anggaran.program],
            **spending_types(c.anggaran)}


def spending_types(budget: BudgetReport) -> Row:
    """The realisation by jenis belanja, as the jenis belanja table prints it: its rows and their "Jumlah belanja".

    The PDF and the pages showed this table (Belanja Pegawai, Barang dan Jasa, Modal, and their sum, which must equal
    the budget's total) while the open data had no trace of it, so an inspector could not check Σ jenis belanja =
    total belanja from the downloads. Empty (``[]``, ``null``) when the report's budget has no jenis belanja."""
    rows = [{"jenis": r.key, "nama": r.label, "pagu": r.pagu, "realisasi": r.realisasi, "serapan": r.serapan,
             "sisa": r.sisa, "pagu_awal": r.pagu_awal} for r in budget.jenis_belanja]
    t = budget.jenis_total
    jumlah = {"pagu": t.pagu, "realisasi": t.realisasi, "serapan": t.serapan, "sisa": t.sisa,
              "pagu_awal": t.pagu_awal} if t else None
    return {"jenis_belanja": rows, "jenis_belanja_jumlah": jumlah}


UNITS = {"percent": "persen", "rupiah": "rupiah", "count": "indikator", "number": "indeks", "text": "teks"}


def key_rows(report: Report) -> list[Row]:
    """The report's named figures (``compute/figures.py``), one row each: the very values the pages print rounded."""
    c = report.computed
    return [_figure_row(f) for f in c.figures.values()] if c is not None else []


def _figure_row(f: Figure) -> Row:
    number = f.value if isinstance(f.value, Decimal) else None
    text = f.value if isinstance(f.value, str) else (f"N/A: {f.value.reason}" if isinstance(f.value, Missing) else "")
    return {"kunci": f.id, "uraian": f.nama, "nilai": number, "teks": text, "satuan": f.satuan or UNITS[f.kind],
            "definisi": f.definisi}


def _budget_row(node: BudgetResult, parent: str, quarters: tuple[str, ...], changed: bool, sasaran: str) -> Row:
    """A node's row; its pagu before the APBD Perubahan only when the report records one (``changed``): else the
    column is empty rather than a copy of the pagu, which would read as "not changed" where nobody said so.

    ``sasaran``: the sasaran the node's money counts toward, that of the highest node above or at it that names one
    (as the per-sasaran budget table counts it, ``compute/budget.py``). The pages set each sasaran's capaian beside
    its programs' serapan, while anggaran.csv had no sasaran: a reader could join budget to indicators only through
    the few indicators that name a program."""
    return {"kode": node.kode, "kode_induk": parent, "tingkat": node.level, "nama": node.nama, "pagu": node.pagu,
            "realisasi": node.realisasi, "serapan": node.serapan, "sisa": node.sisa,
            **{f"realisasi_{q}": _quarter_spent(node, q) if q in quarters else None for q in QUARTERS},
            "indikator_output": node.indikator, "satuan_output": node.satuan,
            **_value("target_output", node.target), **_value("realisasi_output", node.realisasi_output),
            "pagu_awal": node.pagu_awal if changed else None, "sasaran_id": sasaran}


def _quarter_spent(node: BudgetResult, quarter: str) -> Decimal | None:
    """A node's realisasi of one quarter alone: the sum of its sub kegiatan's, when every one of them has it (a
    parent's sum of some leaves' quarters would read as the whole's)."""
    leaves = [n for n in node.walk() if not n.children]
    if not leaves or any(quarter not in leaf.realisasi_tw for leaf in leaves):
        return None
    return sum((leaf.realisasi_tw[quarter] for leaf in leaves), Decimal(0))


def _value(name: str, value: Value | None) -> Row:
    """A target or realisasi: the number, or the qualitative grade in its own column; missing stays empty."""
    if isinstance(value, Decimal):
        return {name: value, f"{name}_kualitatif": ""}
    if isinstance(value, str):
        return {name: None, f"{name}_kualitatif": value}
    return {name: None, f"{name}_kualitatif": ""}  # None or Missing: the reason is in alasan_na


def _result(res: Result, pred: ScaleClass | None) -> Row:
    """Capaian and predikat; a 'tidak tercapai' result has no capaian (its predikat is that of 0 %, as in tables)."""
    na = res.value is None
    return {"capaian": res.value, "predikat": _label(pred), "alasan_na": res.reason if na else "",
            "catatan_capaian": "" if na else res.reason, "rumus_capaian": res.formula_text if res.formula else ""}


def _label(pred: ScaleClass | None) -> str:
    return pred.label if pred else ""


# ------------------------------------------------------------------------------------------------ files


def machine_number(value: Decimal | int) -> str:
    """A number as open data writes it: decimal point, no exponent, no rounding (``98.245614…``, ``2455208753``)."""
    if isinstance(value, bool):
        raise TypeError("boolean is not a number")
    if isinstance(value, int):
        return str(value)
    text = format(value, "f")
    return "0" if text in ("-0", "-0.0") else text


def to_csv(columns: list[str], rows: Iterable[Row]) -> bytes:
    """RFC 4180 CSV, UTF-8 without BOM, comma separated, CRLF line ends (Frictionless' default dialect)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return buf.getvalue().encode("utf-8")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"  # Frictionless' boolean, not Python's "True"
    if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        return machine_number(value)
    if isinstance(value, Missing):
        return ""
    return str(value)


#: ``json.dumps(text, ensure_ascii=False)`` without making an encoder per call (a report has ~300 000 strings).
_quote: Callable[[str], str] = json.encoder.encode_basestring  # type: ignore[attr-defined]


def to_json(value: Any) -> bytes:
    """JSON with Decimals written as exact JSON numbers (``json`` would turn them into floats or refuse them)."""
    return (_json(value, 0) + "\n").encode("utf-8")


def _json(value: Any, depth: int) -> str:
    pad, inner = "  " * depth, "  " * (depth + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{inner}{_quote(str(k))}: {_json(v, depth + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(inner + _json(v, depth + 1) for v in value) + "\n" + pad + "]"
    if isinstance(value, Decimal) or (isinstance(value, int) and not isinstance(value, bool)):
        return machine_number(value)
    if isinstance(value, str):
        return _quote(value)
    return json.dumps(value, ensure_ascii=False)


def datapackage(report: Report, files: dict[str, bytes], licence: DataLicence | None = None) -> dict[str, Any]:
    """The Frictionless Data Package descriptor (``datapackage.json``): every file with its schema, size and hash,
    and the site's licence (``licenses``, when situs.yaml names one)."""
    name = f"lkjip-{report.slug}-{report.versi}".lower()
    resources = [csv_resource(res_name, path, title, fields, key, files[path])
                 for res_name, path, title, fields, key in TABLES if path in files]  # optional tables without rows
    resources.append({
        "name": "laporan", "path": JSON_FILE, "title": "Seluruh data hasil hitungan dalam satu dokumen JSON",
        "profile": "data-resource", "format": "json", "mediatype": "application/json", "encoding": "utf-8",
        "bytes": len(files[JSON_FILE]), "hash": "sha256:" + hashlib.sha256(files[JSON_FILE]).hexdigest(),
    })
    return {
        "profile": "data-package",
        "name": name,
        "title": report.judul,
        "description": (f"Data hasil hitungan {report.judul}, versi {report.versi} ({report.instansi.nama}, "
                        f"{report.instansi.pemda}). Persentase dalam persen, uang dalam rupiah, angka tidak "
                        "dibulatkan."),
        "version": report.versi,
        "keywords": ["LKjIP", "laporan kinerja", "SAKIP", report.instansi.nama, str(report.tahun)],
        # who produced the data (Satu Data Indonesia's produsen data): named only in the description's prose before
        "contributors": [{"title": report.instansi.nama, "role": "publisher", "organization": report.instansi.pemda}],
        # what a catalogue (Satu Data Indonesia's CKAN, data.gov harvesters) reads to call the data open: no licence
        # was named anywhere, so a reader could not tell whether reuse was allowed
        **({"licenses": [licence_descriptor(licence)]} if licence is not None else {}),
        "resources": resources,
    }


def csv_resource(name: str, path: str, title: str, fields: list[tuple[str, str, str]], key: list[str],
                 data: bytes) -> dict[str, Any]:
    """A Data Package's description of one CSV file: its columns with their types, its key, size and hash."""
    return {
        "name": name, "path": path, "title": title, "profile": "tabular-data-resource",
        "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
        "bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "schema": {
            "fields": [{"name": n, "type": t, "description": d} for n, t, d in fields],
            "primaryKey": key,
            "missingValues": [""],
        },
    }


def licence_descriptor(licence: DataLicence) -> dict[str, str]:
    """A Data Package licence: ``name`` is the Open Definition id (only for a known licence), ``path`` its text."""
    return {**({"name": licence.id} if licence.id else {}), "path": licence.url, "title": licence.nama}


# ------------------------------------------------------------------------------------------------ catalogue

#: The site's catalogue of open data, at a stable address beside the sitemap: every version's data package.
CATALOGUE = "data-terbuka.json"
CATALOGUE_FORMAT = "lkjip-katalog-data-terbuka/1"
#: The name of a comparison page's table beside it (``perbandingan/`` and ``perbandingan/<tahun>/``).
COMPARISON_FILE = "perbandingan.csv"
#: The same table as an Excel workbook beside it (``output/workbook.py`` says why).
COMPARISON_WORKBOOK = "perbandingan.xlsx"


def data_catalogue(config: SiteConfig, history: SiteHistory, files: Container[str],
                   current: Mapping[tuple[str, str], str] | None = None) -> bytes:
    """``data-terbuka.json``: the data package of every version the site publishes (built or released, those whose
    ``datapackage.json`` is among ``files``), by report, newest version first, with what a catalogue lists it by.

    Why: a Satu Data officer harvesting the portal (CKAN, a script) had to read every report page to find its
    ``data-terbuka/`` folder, and could not tell a report's newest figures from a superseded version's. The
    addresses are absolute (``url_dasar``), as in the sitemap, which lists the same versions; same site, same
    bytes (no build time).

    ``instansi_kini`` is the current name of a package's instansi: the new name of one renamed (``current``:
    (nama, pemda) of each earlier name → the name it has now, ``portal.Lineage``), else its own. A harvester
    grouping by ``instansi`` had "Dinas Pekerjaan Umum" 2022–2023 and "Dinas PUPR" 2024–2025 as two instansi,
    and the earlier names were nowhere in the open data."""
    current = current or {}
    packages = []
    years = sorted({v.tahun for versions in history.versions.values() for v in versions}, reverse=True)
    # the portal's comparison tables (``output/portal.py``), all years' first, each CSV's workbook beside it
    tables = [{"judul": f"Perbandingan kinerja instansi tahun {year}" if year else
               "Perbandingan kinerja instansi, semua tahun", "tahun": year,
               "url": config.url_dasar + folder + COMPARISON_FILE, "halaman": config.url_dasar + folder,
               **({"xlsx": config.url_dasar + folder + COMPARISON_WORKBOOK}
                  if folder + COMPARISON_WORKBOOK in files else {})}
              for year, folder in [(None, "perbandingan/"), *((y, f"perbandingan/{y}/") for y in years)]
              if folder + COMPARISON_FILE in files]
    for slug, versions in sorted(history.versions.items()):
        for index, v in enumerate(versions):
            path = f"{v.url}{OPEN_DATA_DIR}/{DATAPACKAGE}"
            if path not in files:
                continue  # released before versions published open data
            packages.append({
                "judul": v.judul, "instansi": v.instansi.nama, "pemda": v.instansi.pemda, "tahun": v.tahun,
                "periode": v.periode, "periode_label": v.periode_label, "laporan": slug, "versi": v.versi,
                "terbaru": index == 0, "diarsipkan": v.diarsipkan, "tanggal_terbit": v.tanggal_terbit.isoformat(),
                "url": config.url_dasar + path, "halaman": config.url_dasar + v.url,
                "instansi_kini": current.get((v.instansi.nama, v.instansi.pemda), v.instansi.nama),
            })
    combined = PORTAL_DIR + DATAPACKAGE
    return to_json({"format": CATALOGUE_FORMAT, "judul": f"Data terbuka — {config.judul}", "pemda": config.pemda,
                    "url": config.url_dasar, "paket": packages, "perbandingan": tables,
                    **({"gabungan": {"judul": PORTAL_TITLE, "url": config.url_dasar + combined,
                                     "berkas": {path: config.url_dasar + PORTAL_DIR + path
                                                for _n, path, _t, _f, _k in TABLES if PORTAL_DIR + path in files}}}
                       if combined in files else {})})


# ------------------------------------------------------------------------------------------------ portal tables

#: The portal's own data package: every report's tables in one file each (``portal_open_data``).
PORTAL_DIR = OPEN_DATA_DIR + "/"
PORTAL_TITLE = "Data terbuka semua laporan: versi terbaru setiap laporan dalam satu tabel per jenis"
#: The columns a portal table starts with: the report version a row comes from. The report's own columns follow,
#: so one added to a report's table (at its end) lands at the end here too.
SOURCE_FIELDS = [
    ("laporan", "string", "slug laporan (alamat halamannya dan kolom laporan katalog data-terbuka.json)"),
    ("versi", "string", "versi laporan (versi terbarunya) yang memuat baris ini"),
    ("tanggal_terbit", "date", "tanggal terbit versi itu"),
    ("url", "string", "alamat lengkap halaman versi laporan itu"),
    ("instansi", "string", "instansi seperti ditulis di laporan itu"),
    ("pemda", "string", "pemerintah daerah instansi"),
    ("instansi_kini", "string", "nama instansi kini: nama barunya bila instansi berganti nama (nama_sebelumnya "
     "laporan yang lebih baru), selain itu sama dengan instansi"),
    ("tahun_laporan", "integer", "tahun yang dilaporkan laporan itu (indikator.csv: baris tahun lain adalah angka "
     "tahun itu seperti dikutip laporan ini)"),
    ("periode_laporan", "string", "periode laporan itu: tahunan, atau tw1..tw4 untuk laporan triwulan (angkanya "
     "s.d. triwulan itu)"),
]


def portal_open_data(config: SiteConfig, history: SiteHistory, files: Mapping[str, bytes],
                     current: Mapping[tuple[str, str], str] | None = None) -> dict[str, bytes]:
    """``data-terbuka/``: each open-data table of every report (``indikator.csv``, ``anggaran.csv``, …) as one
    table, with the report version each row comes from in its first columns, and a ``datapackage.json``.

    Why: a journalist or a Satu Data officer concatenating the reports' ``indikator.csv`` got rows that said
    neither report nor instansi (``IKU1``, 2023 of three kecamatan, the same key three times) and had to add them by
    hand from the catalogue. Rows are the newest version of each report (a superseded version's are in its own
    folder, listed in the catalogue), read from its published CSV, so a released version's figures are exactly
    those it released; a column its release did not have is empty. Same site, same bytes."""
    tables = portal_tables(config, history, files, current or {})
    return portal_package(config, history, files, tables) if tables else {}


#: How :func:`portal_tables` gets one report version's rows of a table: ``(version, published CSV path, make)``, where
#: ``make()`` writes them; a caller may keep what ``make`` wrote (``build._portal_open_data``).
Fragment = Callable[[VersionInfo, str, Callable[[], bytes]], bytes]


def portal_tables(config: SiteConfig, history: SiteHistory, files: Mapping[str, bytes],
                  current: Mapping[tuple[str, str], str], fragment: Fragment | None = None) -> dict[str, bytes]:
    """The CSV tables of ``data-terbuka/`` (none when no report has published open data): the header, then each
    report version's rows as CSV lines (``fragment``: the same lines :func:`to_csv` writes of them, so a caller can
    keep each version's lines and join them again when another report changed)."""
    newest = _newest(history)
    if not any(f"{v.url}{OPEN_DATA_DIR}/{DATAPACKAGE}" in files for v in newest):
        return {}
    fragment = fragment or (lambda _v, _source, make: make())
    out: dict[str, bytes] = {}
    for _name, path, _title, fields, _key in TABLES:
        columns = [f[0] for f in [*SOURCE_FIELDS, *fields]]
        header = to_csv(columns, [])

        def lines(v: VersionInfo, source: str, columns: list[str] = columns, header: bytes = header) -> bytes:
            rows = [{**_source_row(config, v, current), **row} for row in _published_rows(files, source)]
            return to_csv(columns, rows)[len(header):]
        body = b"".join(fragment(v, source, lambda v=v, source=source: lines(v, source))
                        for v in newest if (source := f"{v.url}{OPEN_DATA_DIR}/{path}") in files)
        if body or _name not in OPTIONAL:
            out[PORTAL_DIR + path] = header + body
    return out


def portal_source(config: SiteConfig, v: VersionInfo, current: Mapping[tuple[str, str], str]) -> str:
    """The source columns :func:`portal_tables` gives the rows of version ``v``, as text (a key's part)."""
    return repr(_source_row(config, v, current))


def portal_package(config: SiteConfig, history: SiteHistory, files: Mapping[str, bytes],
                   tables: Mapping[str, bytes]) -> dict[str, bytes]:
    """``tables`` (:func:`portal_tables`) with the ``datapackage.json`` that describes them."""
    sources = [{"title": f"{v.judul}, versi {v.versi}", "path": f"{config.url_dasar}{v.url}{OPEN_DATA_DIR}/{DATAPACKAGE}"}
               for v in _newest(history) if f"{v.url}{OPEN_DATA_DIR}/{DATAPACKAGE}" in files]
    resources = [csv_resource(name, path, title, [*SOURCE_FIELDS, *fields], ["laporan", *key], tables[PORTAL_DIR + path])
                 for name, path, title, fields, key in TABLES if PORTAL_DIR + path in tables]
    return {**tables, PORTAL_DIR + DATAPACKAGE: to_json({
        "profile": "data-package",
        "name": "lkjip-data-terbuka-semua-laporan",
        "title": f"{PORTAL_TITLE} — {config.judul}",
        "description": (f"Tabel data terbuka setiap laporan di {config.judul} ({config.pemda}), digabung: versi "
                        "terbaru setiap laporan, kolom pertama menyebut laporan, versi dan instansi asal baris. "
                        "Persentase dalam persen, uang dalam rupiah, angka tidak dibulatkan. Kunci gabungan: "
                        "laporan dengan sasaran_id (indikator, sasaran, anggaran), kode_program = kode (anggaran)."),
        "homepage": config.url_dasar,
        "contributors": [{"title": config.pemda, "role": "publisher"}],
        **({"licenses": [licence_descriptor(config.lisensi_data)]} if config.lisensi_data is not None else {}),
        "sources": sources,
        "resources": resources,
    })}


def _newest(history: SiteHistory) -> list[VersionInfo]:
    """The newest version of each report, by slug."""
    return [versions[0] for _slug, versions in sorted(history.versions.items()) if versions]


def _source_row(config: SiteConfig, v: VersionInfo, current: Mapping[tuple[str, str], str]) -> Row:
    return {"laporan": v.slug, "versi": v.versi, "tanggal_terbit": v.tanggal_terbit.isoformat(),
            "url": config.url_dasar + v.url, "instansi": v.instansi.nama, "pemda": v.instansi.pemda,
            "instansi_kini": current.get((v.instansi.nama, v.instansi.pemda), v.instansi.nama),
            "tahun_laporan": v.tahun, "periode_laporan": v.periode}


def _published_rows(files: Mapping[str, bytes], path: str) -> list[dict[str, str]]:
    """A published CSV's rows as text, exactly as written (none when the version has no such file)."""
    if path not in files:
        return []
    return list(csv.DictReader(io.StringIO(files[path].decode("utf-8"), newline="")))


# ------------------------------------------------------------------------------------------------ audit

#: A comparison table of the portal (``portal.py`` writes it): every year's, or one year's.
_COMPARISON = re.compile(rf"^perbandingan/(?:\d{{4}}/)?{re.escape(COMPARISON_FILE)}$")
_COMPARISON_BOOK = re.compile(rf"^perbandingan/(?:\d{{4}}/)?{re.escape(COMPARISON_WORKBOOK)}$")
_OPEN_JSON = re.compile(rf"^(laporan/[^/]+/[^/]+/){OPEN_DATA_DIR}/{re.escape(JSON_FILE)}$")
_OPEN_DATA = re.compile(rf"^(laporan/[^/]+/[^/]+/){OPEN_DATA_DIR}/(angka-kunci|sasaran|anggaran|indikator)\.csv$")


class OpenDataSource:
    """The open data as a source of the consistency audit (``output/audit.py``): every key figure, sasaran capaian,
    indicator capaian (each year's, as ``<id>.capaian@<tahun>``) and budget line it publishes, unrounded, must equal
    the model's value. Same model, so a difference means a bug in
    a writer: found here rather than by a citizen who compares the CSV with the PDF. The portal's comparison tables
    (``perbandingan.csv``) are read too, each row's figures as those of the report version it names, and their
    workbooks (``perbandingan.xlsx``) to the 15 significant digits a cell keeps; and ``laporan.json``, whose
    figures the change page between versions reads."""

    def collect(self, files: Mapping[str, bytes]) -> Iterable[Shown]:
        for path, data in sorted(files.items()):
            m = _OPEN_DATA.match(path)
            if m:
                yield from _marks(m.group(1), m.group(2), path, data)
            elif _COMPARISON.match(path):
                yield from _comparison_marks(path, data)
            elif _COMPARISON_BOOK.match(path):
                yield from _workbook_marks(path, data)
            elif m := _OPEN_JSON.match(path):
                yield from _json_marks(m.group(1), path, data)


#: A comparison table's columns (``portal.TABLE_FIELDS``) that show a figure of their row's report, by figure id.
_COMPARISON_FIGURES = {
    "indikator_mencapai_target": "indikator.mencapai_target", "indikator_terukur": "indikator.terukur",
    "rata_rata_capaian": "capaian.rata_rata", "predikat": "capaian.predikat",
    "indikator_rata_rata": "capaian.jumlah_indikator", "metode_rata_rata": "capaian.metode",
    "serapan_anggaran": "anggaran.serapan", "realisasi": "anggaran.realisasi", "pagu": "anggaran.pagu",
}


def _comparison_marks(path: str, data: bytes) -> Iterable[Shown]:
    """Every figure a comparison table shows (an empty cell is an N/A the page shows without its figure)."""
    for line, row in enumerate(csv.DictReader(io.StringIO(data.decode("utf-8"))), start=2):
        yield from _comparison_row(row, f"{path} baris {line}")


def _comparison_row(row: Mapping[str, str], place: str, digits: int = 0) -> Iterable[Shown]:
    """The figures of one comparison row (CSV or workbook), each as those of the report version it names; ``digits``:
    the significant digits its cells keep (0: all)."""
    report = f"laporan/{row['laporan']}/{row['versi']}/"
    for column, figure in _COMPARISON_FIGURES.items():
        if row.get(column):
            yield Shown(report, figure, row[column], place, machine=True, digits=digits)


def _json_marks(report: str, path: str, data: bytes) -> Iterable[Shown]:
    """The figures of ``laporan.json`` the CSVs beside it hold (key figures, sasaran and indicator capaian, the
    budget tree), each as written in the file (numbers read as text, so compared unrounded).

    Why: the JSON is written apart from the CSVs and was audited with nothing, and it is what the "Perubahan dari
    versi …" page reads both versions' figures from: a slip in it would have been shown there as a change."""
    doc = json.loads(data, parse_float=str, parse_int=str)

    def text(value: Any) -> str:
        return "" if value is None else str(value)
    for n, row in enumerate(doc.get("angka_kunci") or []):
        shown = row.get("teks") if row.get("satuan") == "teks" else row.get("nilai")
        yield Shown(report, row["kunci"], text(shown), f"{path} angka_kunci[{n}]", machine=True)
    for n, row in enumerate(doc.get("sasaran") or []):
        if row.get("capaian") is not None:
            yield Shown(report, f"capaian.{row['sasaran_id']}", text(row["capaian"]), f"{path} sasaran[{n}]",
                        machine=True)
    for n, row in enumerate(doc.get("indikator") or []):
        if row.get("capaian") is not None:
            yield Shown(report, f"{row['indikator_id']}.capaian@{row['tahun']}", text(row["capaian"]),
                        f"{path} indikator[{n}]", machine=True)
    budget = doc.get("anggaran") or {}
    for attr in ("pagu", "realisasi", "serapan"):
        if budget.get(attr) is not None:
            yield Shown(report, f"anggaran.{attr}", text(budget[attr]), f"{path} anggaran.{attr}", machine=True)
    nodes = list(budget.get("program") or [])
    while nodes:
        node = nodes.pop(0)
        for attr in ("pagu", "realisasi"):
            yield Shown(report, f"anggaran.{node['kode']}.{attr}", text(node.get(attr)),
                        f"{path} anggaran {node['kode']}", machine=True)
        nodes[:0] = node.get("rincian") or []


def _workbook_marks(path: str, data: bytes) -> Iterable[Shown]:
    """Every figure a comparison workbook shows, as its cells hold them: compared to the :data:`EXCEL_DIGITS`
    significant digits a cell keeps (the CSV beside it keeps all).

    Why: the workbook is written apart from its CSV (numbers as numbers, ``workbook.excel_number``) and nothing
    compared it with the model: a cell rounded otherwise than Excel's 15 digits, or a column put under another's
    name, would have been published beside a CSV and a page that agree."""
    rows = sheet_values(data)
    names = rows.get(HEADER_ROW, {})
    for line in sorted(r for r in rows if r > HEADER_ROW):
        row = {names[c]: text for c, text in rows[line].items() if c in names}
        if row.get("laporan") and row.get("versi"):
            yield from _comparison_row(row, f"{path} baris {line}", EXCEL_DIGITS)


def _marks(report: str, table: str, path: str, data: bytes) -> Iterable[Shown]:
    rows = csv.DictReader(io.StringIO(data.decode("utf-8")))
    for line, row in enumerate(rows, start=2):
        place = f"{path} baris {line}"
        if table == "angka-kunci":
            text = row["teks"] if row["satuan"] == "teks" else row["nilai"]
            yield Shown(report, row["kunci"], text, place, machine=True)
        elif table == "sasaran" and row["capaian"]:
            yield Shown(report, f"capaian.{row['sasaran_id']}", row["capaian"], place, machine=True)
        elif table == "indikator" and row["capaian"]:
            # the year named: the report's own year is its current result (s.d. TW n in a quarterly report), an
            # earlier one that year's, as Tabel 3.x and {nilai}`<id>.capaian@<tahun>` print them
            yield Shown(report, f"{row['indikator_id']}.capaian@{row['tahun']}", row["capaian"], place, machine=True)
        elif table == "anggaran":
            for attr in ("pagu", "realisasi"):
                yield Shown(report, f"anggaran.{row['kode']}.{attr}", row[attr], place, machine=True)
