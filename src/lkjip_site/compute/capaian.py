"""Capaian of one indicator and the averages over indicators (see the rules in :mod:`lkjip_site.compute`)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable, Sequence

from ..core.compact import Compact
from ..core.model import CapaianPolicy, Missing, Value
from .findings import HUNDRED, ZERO

FORMULAS: dict[str, str] = {
    "positif": "C = R / T × 100 %",
    "negatif_standar": "C = (2T − R) / T × 100 %",
    "negatif_rasio_terbalik": "C = T / R × 100 %",
    "negatif_target_nol": "T = 0 dan R ≤ 0: C = 100 %",
    "kualitatif": "C = 100 % bila peringkat R ≥ peringkat T, selain itu peringkat(R) / peringkat(T) × 100 %",
    "": "tidak dihitung",
}


@dataclass(frozen=True, slots=True)
class Result(Compact):
    """Capaian of one indicator: an unrounded value in %, or N/A with an Indonesian reason."""

    value: Decimal | None
    formula: str = ""
    reason: str = ""  # why N/A, or a note (e.g. the floor at 0)
    tidak_tercapai: bool = False  # negative result shown as "tidak tercapai" (policy hasil_negatif)

    @property
    def ok(self) -> bool:
        return self.value is not None

    @property
    def for_average(self) -> Decimal | None:
        """The value that enters averages: a 'tidak tercapai' result counts as 0, N/A is left out."""
        if self.tidak_tercapai:
            return ZERO
        return self.value

    @property
    def formula_text(self) -> str:
        return FORMULAS.get(self.formula, self.formula)

    @property
    def note(self) -> str:
        """What is said beside a value the formula alone did not give (floored at 0 %, made of a value taken from an
        earlier quarter): its ``reason``; "" for a plain value, an N/A (its reason is said as an N/A's) and a 'tidak
        tercapai'. One rule for the tables' lettered notes, a ``{nilai}``'s footnote and a chart's notes."""
        return self.reason if self.value is not None and not self.tidak_tercapai else ""


def na(reason: str, formula: str = "") -> Result:
    return Result(value=None, formula=formula, reason=reason)


def _missing_reason(label: str, v: Value | None) -> str | None:
    """Why a capaian is N/A, as the published pages say it to citizens ("realisasi 2021 belum diisi" read as the
    office's unfinished homework)."""
    if v is None:
        return f"{label} tidak dilaporkan"
    if isinstance(v, Missing):
        return f"{label} tidak tersedia: {v.reason}" if v.reason else f"{label} tidak tersedia"
    return None


def capaian_kualitatif(target: str, realisasi: str, grades: Sequence[str]) -> Result:
    """Qualitative capaian on an ordered grade list (worst first); see the module docstring for the rule."""
    ranks = {g.strip().casefold(): i for i, g in enumerate(grades, start=1)}
    rt, rr = ranks.get(target.strip().casefold()), ranks.get(realisasi.strip().casefold())
    allowed = ", ".join(grades)
    if rt is None:
        return na(f"target '{target}' tidak ada dalam daftar kualitatif ({allowed})", "kualitatif")
    if rr is None:
        return na(f"realisasi '{realisasi}' tidak ada dalam daftar kualitatif ({allowed})", "kualitatif")
    if rr >= rt:
        return Result(HUNDRED, "kualitatif")
    return Result(Decimal(rr) / Decimal(rt) * HUNDRED, "kualitatif")


def _negative(t: Decimal, r: Decimal, policy: CapaianPolicy) -> Result:
    if t == 0:
        if r <= 0:
            return Result(HUNDRED, "negatif_target_nol")
        return na("target 0: capaian tidak dapat dihitung (realisasi melebihi target 0)", "negatif_standar")
    if policy.rumus_negatif == "rasio_terbalik":
        if r <= 0:
            return na("realisasi 0 atau negatif: rumus rasio terbalik T / R tidak terdefinisi",
                      "negatif_rasio_terbalik")
        return Result(t / r * HUNDRED, "negatif_rasio_terbalik")
    c = (2 * t - r) / t * HUNDRED
    if c >= 0:
        return Result(c, "negatif_standar")
    if policy.hasil_negatif == "tidak_tercapai":
        return Result(None, "negatif_standar",
                      "tidak tercapai: realisasi lebih dari dua kali target (hasil rumus negatif)",
                      tidak_tercapai=True)
    return Result(ZERO, "negatif_standar", "hasil rumus negatif, ditetapkan 0 %")


def capaian(target: Value | None, realisasi: Value | None, polaritas: str,
            policy: CapaianPolicy | None = None, grades: Sequence[str] | None = None) -> Result:
    """Capaian (%) of one indicator for one period, unrounded, or N/A with the reason."""
    policy = policy or CapaianPolicy()
    for label, v in (("target", target), ("realisasi", realisasi)):
        reason = _missing_reason(label, v)
        if reason:
            return na(reason)
    if grades:
        if not isinstance(target, str) or not isinstance(realisasi, str):
            return na("target dan realisasi harus sama-sama berupa nilai kualitatif "
                      f"({', '.join(grades)})", "kualitatif")
        return capaian_kualitatif(target, realisasi, grades)
    if isinstance(target, str) or isinstance(realisasi, str):
        return na("nilai kualitatif hanya dapat dihitung bila indikator memiliki daftar 'kualitatif'")
    t, r = Decimal(target), Decimal(realisasi)  # type: ignore[arg-type]
    if polaritas == "negatif":
        if t < 0:
            return na("target negatif: capaian tidak dapat dihitung", "negatif_standar")
        return _negative(t, r, policy)
    if t == 0:
        return na("target 0: capaian tidak dapat dihitung (pembagian dengan nol)", "positif")
    if t < 0:
        return na("target negatif: capaian tidak dapat dihitung", "positif")
    return Result(r / t * HUNDRED, "positif")


def mean(values: Iterable[Decimal]) -> Decimal | None:
    vals = list(values)
    if not vals:
        return None
    return sum(vals, ZERO) / Decimal(len(vals))


def mean_capaian(results: Iterable[Result], cap_100: bool = False) -> Decimal | None:
    """Mean of measured capaian (N/A left out; 'tidak tercapai' counts as 0); optionally capped at 100 first."""
    vals = [r.for_average for r in results if r.for_average is not None]
    if cap_100:
        vals = [min(v, HUNDRED) for v in vals]  # type: ignore[type-var]
    return mean(vals)  # type: ignore[arg-type]
