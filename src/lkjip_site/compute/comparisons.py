"""Year on year, the Renstra end target and a national/provincial target: a value against another value."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Sequence

from ..core.fmt import entered_decimals, shown, shown_difference
from ..core.model import CapaianPolicy, Value
from ..core.numbers import Derived
from .capaian import Result, capaian
from .findings import HUNDRED, ZERO
from .periods import as_number


def delta(current: Value | None, previous: Value | None) -> Decimal | None:
    """Δ = Rn − Rn−1 (points for indices and percentages); None when either is not a number.

    Of two entered numbers it keeps their decimals (6 − 4 complaints is 2, "85,32 − 82,4" is 2,92), as they are
    printed beside it; of a derived one (a mean of quarters) it is derived too. Printed with two decimals always,
    a count's change read "2,00" beside its "4" and "6"."""
    c, p = as_number(current), as_number(previous)
    if c is None or p is None:
        return None
    if isinstance(c, Derived) or isinstance(p, Derived):
        # two means of quarters printed "83,33" and "81,67" beside a change "1,67" (the unrounded 1,6667): the
        # change of derived figures is that of the figures as printed, "1,66"
        return Derived(shown_difference(c, p))
    return c - p


def change_decimals(current: Value | None, previous: Value | None) -> int:
    """Decimals a change is printed with: the more of its two values' as entered (6 − 4 complaints is "2", as they
    read "6" and "4", not "2,00"; 85,32 − 82,82 is "2,50"); two when either is derived. The change page, which reads
    a version's values back from its open data (which does not say which is derived), takes the more decimals of the
    two as that version printed them (``output/changes._printed_change``): the same rule."""
    if isinstance(current, Derived) or isinstance(previous, Derived):
        return 2
    return max((entered_decimals(v) for v in (current, previous) if isinstance(v, Decimal)), default=2)


def trend(d: Decimal | None) -> str | None:
    """Direction of a change: 'naik', 'turun' or 'tetap' (about the value, not whether it is good), of the change as
    printed: a Δ of 0,004 shows "0,00" and is 'tetap'."""
    if d is None:
        return None
    d = shown(d)
    return "naik" if d > 0 else "turun" if d < 0 else "tetap"


def trend_words(moved: str | None, polaritas: str) -> str | None:
    """The direction as a reader takes it: for a negative indicator (lower is better) what it means is said too,
    "naik (memburuk)"; a bare "naik" of complaints read as an improvement beside the positive indicators' rows."""
    if polaritas == "negatif" and moved in NEGATIVE_MEANING:
        return f"{moved} ({NEGATIVE_MEANING[moved]})"
    return moved


NEGATIVE_MEANING = {"naik": "memburuk", "turun": "membaik"}


def grade_trend(current: Value | None, previous: Value | None, grades: Sequence[str] | None) -> str | None:
    """Direction of a qualitative value's change, by its place in the author's list from worst to best (BB to B:
    'turun'); None unless both are grades of that list."""
    if not grades or not isinstance(current, str) or not isinstance(previous, str):
        return None
    order = [g.casefold() for g in grades]
    if current.casefold() not in order or previous.casefold() not in order:
        return None
    return trend(Decimal(order.index(current.casefold()) - order.index(previous.casefold())))


#: Why an indicator has no tingkat kemajuan: no end target written. One wording for the Renstra table's two N/A cells
#: of such an indicator (target akhir, kemajuan) and for ``{nilai}``, so they share one note; they said
#: "target akhir tidak dilaporkan" and "tidak ada target akhir" for the one cause.
NO_TARGET_AKHIR = "target akhir tidak dilaporkan"


def kemajuan_renstra(realisasi: Value | None, target_akhir: Value | None, polaritas: str,
                     policy: CapaianPolicy | None = None, grades: Sequence[str] | None = None) -> Result:
    """Tingkat kemajuan = Rn / T_akhir × 100 (negative: the same negative formula against the end target)."""
    return capaian(target_akhir, realisasi, polaritas, policy, grades)


@dataclass(frozen=True, slots=True)
class NationalComparison:
    target: Value
    sumber: str
    capaian: Result
    selisih: Decimal | None  # R − T_nasional
    status: str  # "memenuhi" | "belum memenuhi" | "tidak dapat dibandingkan"


def compare_national(realisasi: Value | None, target_nasional: tuple[Value, str] | None, polaritas: str,
                     policy: CapaianPolicy | None = None, grades: Sequence[str] | None = None
                     ) -> NationalComparison | None:
    """Comparison with a national/provincial target: capaian against it, difference, and a status word."""
    if target_nasional is None:
        return None
    t, sumber = target_nasional
    res = capaian(t, realisasi, polaritas, policy, grades)
    d = delta(realisasi, t)
    if res.value is None and not res.tidak_tercapai:
        status = "tidak dapat dibandingkan"
    else:
        status = "memenuhi" if shown(res.value or ZERO) >= HUNDRED else "belum memenuhi"
    return NationalComparison(t, sumber, res, d, status)
