"""Generic CSV datasets (population, staff ...): row and column totals and shares."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Sequence

from ..core.model import Dataset, Loc
from ..core.suggest import did_you_mean
from .findings import HUNDRED, ZERO


@dataclass(frozen=True, slots=True)
class DatasetResult:
    id: str
    judul: str
    columns: list[str]
    rows: list[list[str | Decimal]]
    numeric: list[bool]
    total_columns: list[int]  # indices of the columns that are totalled
    row_totals: list[Decimal] | None  # per row, Σ of total_columns (only when there are >= 2)
    column_totals: dict[int, Decimal]
    grand_total: Decimal
    row_shares: list[Decimal | None]  # row total (or the single column) / grand total × 100
    cell_shares: list[dict[int, Decimal | None]]  # cell / column total × 100
    satuan: dict[str, str]
    loc: Loc | None = None


#: What a column whose numbers are no amounts is called, or measured in: their sum means nothing (three villages'
#: 95 % make no 285 %), and a row total that adds one to people counts even less.
#: Scores and achievements too: a column "Capaian" or "Nilai IKM" over three years was added up (126,91), unless the
#: column is money ("Nilai Kontrak (Rp)").
_RATE = re.compile(r"%|\b(persen|persentase|rasio|rata-rata|rerata|kepadatan|indeks|laju|capaian|serapan|nilai|skor|"
                   r"ikm|ikk|ikki|ipm|ipk)\b", re.I)
_MONEY = re.compile(r"\b(rp|rupiah)\b", re.I)
#: A realisation is measured against its pagu or target, not added to it: "Pagu + Realisasi" made a row "Jumlah".
_PLANNED = re.compile(r"\b(pagu|anggaran|target|rencana)\b", re.I)
_REALISED = re.compile(r"\brealisasi\b", re.I)


#: Numbers that name a row, not amounts: a "Tahun" column was added up (4.045) and suggested as the one to total.
_LABEL = re.compile(r"^\s*(tahun|no\.?|nomor|kode)\s*$", re.I)


def names_rows(title: str) -> bool:
    """Whether a column so titled holds numbers that name a row (a year, a number, a code), not amounts."""
    return _LABEL.match(title) is not None


def is_rate(title: str) -> bool:
    """Whether a column so titled (or measured in such a unit) holds rates, shares, scores or averages, not money:
    numbers whose sum means nothing. One rule for a dataset's columns and a pasted table's (``pasted_totals``)."""
    return _RATE.search(title) is not None and _MONEY.search(title) is None


def label_columns(ds: Dataset) -> list[str]:
    """The numeric columns of ``ds`` that name their row (a year, a number, a code): never added up by default."""
    return [name for name, numeric in zip(ds.columns, ds.numeric) if numeric and names_rows(name)]


def rate_columns(ds: Dataset) -> list[str]:
    """The numeric columns of ``ds`` that hold rates, shares, scores or averages (by their name or ``satuan``)."""
    out = []
    for name, numeric in zip(ds.columns, ds.numeric):
        if numeric and is_rate(f"{name} {ds.satuan.get(name, '')}"):
            out.append(name)
    return out


def mixed_units(ds: Dataset, idx: Sequence[int]) -> list[str]:
    """The columns of ``idx`` with their declared units (``satuan``), when those differ: a row's km², RT and people
    added up made a "Jumlah" of 3.226,50 that measures nothing, so such a table has no row totals (each column's
    own total still means something); empty when one unit or none is declared."""
    named = [(ds.columns[i], ds.satuan.get(ds.columns[i], "")) for i in idx]
    units = {unit.strip().casefold() for _, unit in named if unit.strip()}
    return [f"{name} ({unit})" for name, unit in named if unit.strip()] if len(units) > 1 else []


def unaddable_rows(ds: Dataset, idx: Sequence[int]) -> list[str]:
    """The columns of ``idx`` whose row sum means nothing: units that differ (``mixed_units``), or a realisation
    beside the pagu or target it is measured against (Pagu 2.511.824.579 + Realisasi 2.369.772.519 was a "Jumlah")."""
    mixed = mixed_units(ds, idx)
    if mixed:
        return mixed
    return measured_against([ds.columns[i] for i in idx])


def planned_and_realised(names: Sequence[str]) -> tuple[list[str], list[str]]:
    """The titles of ``names`` that are a pagu or target, and those that are a realisation measured against it."""
    return ([n for n in names if _PLANNED.search(n) and not _REALISED.search(n)],
            [n for n in names if _REALISED.search(n)])


def measured_against(names: Sequence[str]) -> list[str]:
    """The titles of ``names`` that are a realisation and the pagu or target it is measured against, when both are
    there: their sum means nothing. One rule for a dataset's row totals and a pasted table's (``pasted_totals``)."""
    planned, realised = planned_and_realised(names)
    return planned + realised if planned and realised else []


def share(part: Decimal, whole: Decimal) -> Decimal | None:
    """``part`` as a percentage of ``whole`` (None of 0): a row's share of a dataset's Jumlah, in its table, its
    donut chart and ``{nilai}`data.<id>.<kolom>.<baris>.persen```, computed one way so they print one figure."""
    return part / whole * HUNDRED if whole else None


def addend(value: str | Decimal) -> Decimal:
    """A dataset's cell as a sum counts it: its number, or 0 for a text or empty cell."""
    return value if isinstance(value, Decimal) else ZERO


def dataset_table(ds: Dataset, columns: Sequence[str] | None = None) -> DatasetResult:
    """Row totals, column totals and shares of a generic dataset.

    ``columns`` selects which numeric columns are added up (default: all numeric ones); pass e.g.
    ``["Laki-laki", "Perempuan"]`` so a 'Luas (%)' column is never summed with people.
    """
    if columns is None:
        labels = label_columns(ds)
        idx = [i for i, n in enumerate(ds.numeric) if n and ds.columns[i] not in labels]
    else:
        unknown = [c for c in columns if c not in ds.columns]
        if unknown:
            hints = "".join(did_you_mean(c, ds.columns) for c in unknown)
            raise KeyError(f"Kolom {', '.join(unknown)} tidak ada pada data '{ds.id}'{hints} (kolom: "
                           f"{', '.join(ds.columns)})")
        idx = [ds.columns.index(c) for c in columns]
        bad = [ds.columns[i] for i in idx if not ds.numeric[i]]
        if bad:
            raise ValueError(f"Kolom {', '.join(bad)} pada data '{ds.id}' bukan kolom angka")

    col_totals = {i: sum((addend(r[i]) for r in ds.rows), ZERO) for i in idx}
    per_row = [sum((addend(r[i]) for i in idx), ZERO) for r in ds.rows]
    grand = sum(per_row, ZERO)
    return DatasetResult(
        ds.id, ds.judul, list(ds.columns), [list(r) for r in ds.rows], list(ds.numeric), idx,
        per_row if len(idx) >= 2 and not unaddable_rows(ds, idx) else None, col_totals, grand,
        [share(t, grand) for t in per_row],
        [{i: share(addend(r[i]), col_totals[i]) for i in idx} for r in ds.rows],
        dict(ds.satuan), ds.loc)
