"""What a workbook was exported from, so that importing it cannot quietly undo a newer edit of the data files.

A workbook holds every value of the report as it was at the export. If the YAML changes afterwards (by hand, by
``impor-anggaran``, by another workbook), importing the older workbook would write its old values back, and the
summary would list the revert as one more change. So the export keeps, in a document property (which Excel and
LibreOffice keep on save), a short digest of what the author can type in each row. At import the same digests are
taken from the current files: a row whose digest differs was changed in the files after this export, and the import
is refused unless the author says the workbook is right (``--timpa``).

Importing the same workbook again after fixing a cell is the usual second step, and its first import changed the
files too: the digests that import wrote are kept in the site's ``.cache/`` and are not taken for a newer edit.

A second property keeps what the grey cells showed (:data:`SHOWN_PROPERTY`). After an import, or with ``--timpa``,
those cells hold the export's sums and capaian, which no longer match the files, so the import could only stop
comparing them: a capaian, predikat or program total the author then typed over a grey cell vanished without a
word ("Tidak ada perubahan"). Against what the export showed, a grey cell kept as exported passes and a typed one is
still named.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..core.files import write_whole
from ..core.fmt import round_half_up
from ..core.model import Report
from ..core.paths import CACHE_DIR
from . import layout as L
from .read import Book
from .rows import Row, budget_rows, indicator_rows, norm, pk_meta, pk_rows, renstra_rows, value_rows
from .yamlfiles import explicit_target_akhir

PROPERTY = "lkjip-asal"
#: The property holding a short digest of every grey (computed) cell the export filled, as it is shown.
SHOWN_PROPERTY = "lkjip-dihitung"
#: Hex characters kept of each grey cell's digest: a few thousand cells, and a typed value that happens to share
#: one of their digests (one in some thousands) is only let through unsaid, as every one was before.
SHOWN_DIGITS = 6
#: Where the digests of each report's last import are kept (one entry per report).
RECORD = Path(CACHE_DIR) / "impor-v1.json"
#: The data file each sheet is written from, for the message.
FILES = {L.INDIKATOR.title: "indikator.yaml", L.NILAI.title: "indikator.yaml", L.RENSTRA_TITLE: "renstra.yaml",
         L.PK_FIXED.title: "pk.yaml", L.ANGGARAN.title: "anggaran.yaml"}
ORDER = "(urutan)"
SHOWN = 5

Digests = dict[str, dict[str, str]]  # sheet title -> row key -> digest


def sheet_rows(report: Report) -> dict[str, list[Row]]:
    """Every table sheet's rows by title, made once: what the export writes and what its digests name."""
    computed = report.computed
    return {
        L.INDIKATOR.title: indicator_rows(report),
        L.NILAI.title: value_rows(report, computed),
        L.RENSTRA_TITLE: renstra_rows(report, explicit_target_akhir(report)),
        L.PK_FIXED.title: pk_rows(report, computed),
        L.ANGGARAN.title: budget_rows(report, computed),
    }


def digests(report: Report) -> Digests:
    """The digests of the report as its files are now (what an import compares a workbook's with)."""
    return sheet_digests(sheet_rows(report), pk_meta(report))


def sheet_digests(sheets: dict[str, list[Row]], meta: dict[str, Any]) -> Digests:
    """Per sheet, a digest of each row's typed values, and one of the rows' order (a list's order is data too); the
    PK's head (year, kind, date) is a row of its sheet."""
    out: Digests = {}
    for title, rows in sheets.items():
        rows = [r for r in rows if not r.blank]
        if title == L.PK_FIXED.title:
            rows = [Row("kepala PK", meta), *rows]
        keys = [key_text(r.key) for r in rows]
        out[title] = {k: _digest([[c, _text(v)] for c, v in sorted(r.values.items()) if c not in r.derived])
                      for k, r in zip(keys, rows)}
        out[title][ORDER] = _digest(keys)
    return out


def stamp(sheets: dict[str, list[Row]], meta: dict[str, Any]) -> str:
    """The property's text: the exported rows' digests, compact and in a stable order (the export is
    deterministic)."""
    return json.dumps(sheet_digests(sheets, meta), sort_keys=True, separators=(",", ":"))


def shown_stamp(sheets: dict[str, list[Row]]) -> str:
    """The :data:`SHOWN_PROPERTY` text: the digests of the export's non-empty grey cells, sorted, in one string."""
    cells = set()
    for title, rows in sheets.items():
        columns = _sheet_columns(title)
        for row in rows:
            for key in sorted(columns.keys() & ({k for k, c in columns.items() if c.derived} | row.derived)):
                digest = shown_digest(title, row.key, columns[key], row.values.get(key))
                if digest is not None:
                    cells.add(digest)
    return "".join(sorted(cells))


def shown_digest(title: str, key: Any, col: L.Column, value: Any) -> str | None:
    """A grey cell of row ``key`` as it is shown (percentages to two decimals, money to the rupiah, texts trimmed),
    digested; None for an empty one. The export's value and the cell read back give the same digest."""
    text = _shown(value, col)
    if text is None:
        return None
    return hashlib.sha256(json.dumps([title, key_text(key), col.key, text], ensure_ascii=False).encode()
                          ).hexdigest()[:SHOWN_DIGITS]


def read_shown(book: Book) -> frozenset[str] | None:
    """The digests of the grey cells a workbook was exported with; None for a workbook without them (an earlier
    version's, or a damaged property)."""
    for prop in book.values.custom_doc_props.props:
        if prop.name == SHOWN_PROPERTY:
            text = prop.value if isinstance(prop.value, str) else ""
            if len(text) % SHOWN_DIGITS or not all(ch in "0123456789abcdef" for ch in text):
                return None
            return frozenset(text[i:i + SHOWN_DIGITS] for i in range(0, len(text), SHOWN_DIGITS))
    return None


def _sheet_columns(title: str) -> dict[str, L.Column]:
    """The columns of a sheet that may be grey, by key: the computed ones, and the money of program and kegiatan
    rows (sums) on Anggaran. Renstra's year columns are never grey."""
    sheets = {s.title: s for s in (L.INDIKATOR, L.NILAI, L.PK_FIXED, L.ANGGARAN)}
    columns = sheets[title].columns if title in sheets else L.RENSTRA_FIXED + L.RENSTRA_TAIL
    return {c.key: c for c in columns}


def _shown(value: Any, col: L.Column) -> str | None:
    value = norm(value)
    if value is None:
        return None
    if isinstance(value, Decimal) and value.is_finite():
        places = 0 if col.kind in ("money", "derived_money") else 2
        return format(round_half_up(value, places).normalize(), "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def read_stamp(book: Book) -> Digests | None:
    """The digests a workbook was exported with; None for a workbook of an earlier version (nothing to compare)."""
    for prop in book.values.custom_doc_props.props:
        if prop.name == PROPERTY:
            try:
                data = json.loads(prop.value)
            except (TypeError, ValueError):
                return None
            if isinstance(data, dict) and all(isinstance(v, dict) for v in data.values()):
                return data
    return None


def changed_since(root: Path, slug: str, base: Digests, now: Digests) -> dict[str, list[str]]:
    """Per sheet, the rows the files changed after the export, leaving out what this workbook's last import wrote."""
    last = _last_import(root, slug, base)
    out: dict[str, list[str]] = {}
    for title in sorted(set(base) | set(now)):
        was, nowrows, ours = base.get(title, {}), now.get(title, {}), last.get(title, {})
        keys = [k for k in sorted(set(was) | set(nowrows)) if was.get(k) != nowrows.get(k) and ours.get(k) !=
                nowrows.get(k)]
        if keys:
            out[title] = keys
    return out


def imported_before(root: Path, slug: str, base: Digests) -> bool:
    """This workbook was imported into these files before: its grey cells still hold the export's sums and capaian,
    which the first import made old, so they are not compared again (they are never read)."""
    return bool(_last_import(root, slug, base))


def message(title: str, keys: list[str], slug: str) -> str:
    named = [k for k in keys if k != ORDER]
    shown = ", ".join(named[:SHOWN]) + (f" dan {len(named) - SHOWN} lainnya" if len(named) > SHOWN else "")
    what = f"baris {shown}" if named else "urutan barisnya"
    if named and ORDER in keys:
        what += " dan urutan barisnya"
    return (f"data/{FILES.get(title, '?')} diubah sesudah buku kerja ini diekspor ({what}); lembar '{title}' masih "
            "berisi nilai lamanya, dan impor akan menulisnya kembali. Ekspor ulang (lkjip ekspor "
            f"{slug} -o baru.xlsx), salin isian Anda ke buku kerja baru itu, lalu impor; atau ulangi dengan --timpa "
            "bila isi buku kerja ini yang benar (perubahan di berkas data itu hilang)")


def remember(root: Path, slug: str, base: Digests, after: Digests) -> None:
    """Keep what this import wrote, so importing the same workbook again is not refused for it. Best effort, as a
    cache: unwritable (a read-only folder), the next import of this workbook names those rows and offers --timpa."""
    path = root / RECORD
    record = _read_record(path)
    record[slug] = {"asal": _lineage(base), "digests": after}
    try:
        write_whole(path, json.dumps(record, sort_keys=True, separators=(",", ":")).encode())
    except OSError:
        pass


def _last_import(root: Path, slug: str, base: Digests) -> Digests:
    entry = _read_record(root / RECORD).get(slug)
    if isinstance(entry, dict) and entry.get("asal") == _lineage(base) and isinstance(entry.get("digests"), dict):
        return entry["digests"]
    return {}


def _read_record(path: Path) -> dict[str, Any]:
    """The record, or nothing when it is missing or damaged (a refusal then names the rows; --timpa goes on)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _lineage(base: Digests) -> str:
    return hashlib.sha256(json.dumps(base, sort_keys=True).encode()).hexdigest()[:16]


def key_text(key: Any) -> str:
    return " ".join(str(k) for k in key) if isinstance(key, tuple) else str(key)


def _text(v: Any) -> str:
    """A value as the data means it: 84.8 and 84.80 alike (a reformatted YAML number is no change)."""
    v = norm(v)
    if isinstance(v, Decimal):
        return format(v.normalize(), "f") if v.is_finite() else str(v)
    return repr(v)


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, ensure_ascii=False).encode()).hexdigest()[:12]
