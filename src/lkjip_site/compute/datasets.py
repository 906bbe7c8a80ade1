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
_RATE = re.compile(r"%|\b(persen|persentase|rasio|rata-rata|rerata|kepadatan|indeks|laju)\b", re.I)


def rate_columns(ds: Dataset) -> list[str]:
    """The numeric columns of ``ds`` that hold rates, shares or averages (by their name or ``satuan``)."""
    return [name for name, numeric in zip(ds.columns, ds.numeric)
            if numeric and (_RATE.search(name) or _RATE.search(ds.satuan.get(name, "")))]


def mixed_units(ds: Dataset, idx: Sequence[int]) -> list[str]:
    """The columns of ``idx`` with their declared units (``satuan``), when those differ: a row's km², RT and people
    added up made a "Jumlah" of 3.226,50 that measures nothing, so such a table has no row totals (each column's
    own total still means something); empty when one unit or none is declared."""
    named = [(ds.columns[i], ds.satuan.get(ds.columns[i], "")) for i in idx]
    units = {unit.strip().casefold() for _, unit in named if unit.strip()}
    return [f"{name} ({unit})" for name, unit in named if unit.strip()] if len(units) > 1 else []


def _share(part: Decimal, whole: Decimal) -> Decimal | None:
    return part / whole * HUNDRED if whole else None


def dataset_table(ds: Dataset, columns: Sequence[str] | None = None) -> DatasetResult:
    """Row totals, column totals and shares of a generic dataset.

    ``columns`` selects which numeric columns are added up (default: all numeric ones); pass e.g.
    ``["Laki-laki", "Perempuan"]`` so a 'Luas (%)' column is never summed with people.
    """
    if columns is None:
        idx = [i for i, n in enumerate(ds.numeric) if n]
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

    def num(v: str | Decimal) -> Decimal:
        return v if isinstance(v, Decimal) else ZERO

    col_totals = {i: sum((num(r[i]) for r in ds.rows), ZERO) for i in idx}
    per_row = [sum((num(r[i]) for i in idx), ZERO) for r in ds.rows]
    grand = sum(per_row, ZERO)
    return DatasetResult(
        ds.id, ds.judul, list(ds.columns), [list(r) for r in ds.rows], list(ds.numeric), idx,
        per_row if len(idx) >= 2 and not mixed_units(ds, idx) else None, col_totals, grand,
        [_share(t, grand) for t in per_row],
        [{i: _share(num(r[i]), col_totals[i]) for i in idx} for r in ds.rows],
        dict(ds.satuan), ds.loc)
