"""Quarterly values: cumulative values s.d. TW n by each indicator's aggregation, and splits that are not allowed."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, Sequence

from ..core import fmt
from ..core.model import QUARTERS, Missing, PeriodValues, Value
from .capaian import mean
from .findings import ZERO

Agregasi = Literal["jumlah", "terakhir", "rata_rata"]


def quarters_upto(periode: str) -> tuple[str, ...]:
    """('tw1',), ('tw1','tw2') ... for a quarterly period; all four for 'tahunan'."""
    if periode == "tahunan":
        return QUARTERS
    return QUARTERS[: QUARTERS.index(periode) + 1]


def as_number(v: object) -> Decimal | None:
    """Decimal for numbers (ints from hand-built models included), None for grades/missing."""
    if isinstance(v, bool):
        return None
    if isinstance(v, Decimal):
        return v
    if isinstance(v, int):
        return Decimal(v)
    return None


def aggregate(values: Sequence[Value | None], agregasi: str) -> Value | None:
    """Aggregate period values in order: jumlah (sum), terakhir (last available), rata_rata (mean).

    Missing values are skipped (a missing quarter is not a zero); a grade can only be aggregated with 'terakhir'.
    Returns the last Missing when nothing is available but something was declared missing.
    """
    present = [v for v in values if v is not None]
    known = [v for v in present if not isinstance(v, Missing)]
    if not known:
        return present[-1] if present else None
    if agregasi == "terakhir":
        return known[-1]
    nums = [n for n in (as_number(v) for v in known) if n is not None]
    if len(nums) != len(known):
        return known[-1]  # grades: only the latest makes sense
    if agregasi == "jumlah":
        return sum(nums, ZERO)
    return mean(nums)


def cumulative(pv: PeriodValues | None, periode: str, agregasi: str) -> Value | None:
    """The value 's.d. TW n' (cumulative to the quarter) or the annual value for 'tahunan'.

    Annual: the annual value when given, else the aggregate of the quarters. Quarterly: the aggregate of the
    quarters up to n, falling back to the annual value when no quarter value is given (an annual target used to
    measure progress to date, as quarterly reports do for pagu).
    """
    if pv is None:
        return None
    if periode == "tahunan":
        if pv.annual is not None:
            return pv.annual
        return aggregate([pv.quarters.get(q) for q in QUARTERS], agregasi)
    vals = [pv.quarters.get(q) for q in quarters_upto(periode)]
    if all(v is None for v in vals):
        return pv.annual
    return aggregate(vals, agregasi)


def split_error(indicator_id: str, agregasi: str, target: PeriodValues | None) -> str | None:
    """Detect quarterly targets of a non-additive indicator split so they sum to the annual target.

    Example (a real LKjIP 2022): IKM target 85 written per TW as 20/20/20/25. An index is not summed over quarters, so its
    quarterly targets must each be the level to reach (e.g. 85/85/85/85), never a share of it.
    """
    if agregasi == "jumlah" or target is None or not isinstance(target.annual, Decimal):
        return None
    qs = [target.quarters.get(q) for q in QUARTERS]
    nums = [q for q in qs if isinstance(q, Decimal)]
    if len(nums) < 2 or all(q == target.annual for q in nums):
        return None
    total = sum(nums, ZERO)
    if total != target.annual:
        return None
    parts = "/".join(fmt.fmt_number(q, 2).rstrip("0").rstrip(",") for q in nums)
    return (f"indikator {indicator_id} (agregasi '{agregasi}') tidak boleh dibagi per triwulan: target triwulan "
            f"{parts} dijumlahkan menjadi target tahunan {fmt.fmt_number(target.annual)}; untuk indikator "
            f"non-aditif setiap triwulan memuat tingkat yang ingin dicapai")
