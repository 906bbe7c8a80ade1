"""Efficiency (*efisiensi*): no national formula exists, so the method is a named setting printed with the result."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..core.compact import Compact
from ..core.fmt import NA, fmt_number, fmt_percent, fmt_points, quarter_numeral, shown, shown_difference
from .findings import HUNDRED, ZERO

EFISIENSI: dict[str, str] = {
    "sisa_anggaran": ("Metode sisa anggaran: tingkat efisiensi = 100 % − serapan anggaran, hanya untuk indikator "
                      "dengan capaian kinerja ≥ 100 %. Efisien bila ada sisa anggaran (> 0), cukup efisien bila "
                      "anggaran terserap tepat 100 %, tidak efisien bila serapan melebihi pagu."),
    "rasio": ("Metode rasio: efisiensi = capaian kinerja (%) ÷ serapan anggaran (%). Efisien bila > 1, cukup "
              "efisien bila = 1, tidak efisien bila < 1."),
    "selisih": ("Metode selisih: efisiensi = capaian kinerja (%) − serapan anggaran (%). Efisien bila capaian "
                "kinerja ≥ 100 % dan serapan anggaran lebih kecil dari capaian kinerja; selain itu tidak efisien."),
    "selisih_pita": ("Metode selisih dengan pita ±5: efisiensi = capaian kinerja (%) − serapan anggaran (%). "
                     "Efisien bila selisih > 5 poin, cukup efisien bila selisih antara −5 dan 5 poin, tidak efisien "
                     "bila selisih < −5 poin."),
}

#: Each method's name as a sentence names it ("dihitung dengan metode selisih dengan pita ±5").
METODE_NAMA: dict[str, str] = {"sisa_anggaran": "sisa anggaran", "rasio": "rasio", "selisih": "selisih",
                               "selisih_pita": "selisih dengan pita ±5"}


@dataclass(frozen=True, slots=True)
class Efficiency(Compact):
    value: Decimal | None
    label: str  # "efisien" | "cukup efisien" | "tidak efisien" | "" (not computed)
    reason: str = ""
    kind: str = "percent"  # percent (of the pagu: sisa anggaran), points (a difference of two %) or number (ratio)

    def formatted(self) -> str:
        """As every place prints it: the table's cell and the chart's data table ("2,53 %" of the pagu left,
        "19,15 poin" between capaian and serapan, "1,04" for a ratio)."""
        if self.value is None:
            return NA
        if self.kind == "number":
            return fmt_number(self.value, 2)
        return fmt_percent(self.value) if self.kind == "percent" else fmt_points(self.value)


def _label3(x: Decimal, good: Decimal, bad: Decimal) -> str:
    """'efisien' above ``good``, 'tidak efisien' below ``bad``, 'cukup efisien' in between (inclusive), of the value
    as printed (a ratio of 0,99996 shows "1,00" and is 'cukup efisien')."""
    x = shown(x)
    if x > good:
        return "efisien"
    if x < bad:
        return "tidak efisien"
    return "cukup efisien"


#: Report periods whose serapan is of part of the year (s.d. TW n of the year's pagu): no efficiency.
PART_OF_YEAR = frozenset({"tw1", "tw2", "tw3"})


def _partial_year_reason(periode: str) -> str:
    """Why a quarterly report before TW IV has no efficiency (see :func:`efisiensi`), as its cells and table say."""
    n = quarter_numeral(periode)
    return (f"efisiensi tidak dihitung pada laporan s.d. TW {n}: serapan anggaran s.d. TW {n} dihitung terhadap pagu "
            f"setahun, sedangkan capaian kinerja terhadap target s.d. TW {n}; keduanya sebanding pada laporan "
            "TW IV dan laporan tahunan")


def efisiensi(method: str, capaian_kinerja: Decimal | None, serapan_anggaran: Decimal | None,
              periode: str = "tahunan") -> Efficiency:
    """Efficiency of one row by a named method (see :data:`EFISIENSI` for the printed descriptions).

    Not before the year is whole (``periode`` tw1..tw3): the serapan s.d. TW n is of the year's pagu, the capaian of
    the target s.d. TW n, so a TW I report met its quarter's target (100 %) with 11 % of the year's pagu spent and
    printed every row "efisien" (ratio 9,09; 88,76 % of the pagu "saved"), whatever was spent per quarter planned.
    """
    if method not in EFISIENSI:
        raise ValueError(f"Metode efisiensi '{method}' tidak dikenal; pilih salah satu: {', '.join(EFISIENSI)}")
    # a difference of capaian and serapan is in points, as the band's rule says ("> 5 poin"): "19,15 %" read as a
    # share of something; what is left of the pagu is a share of it
    kind = {"rasio": "number", "sisa_anggaran": "percent"}.get(method, "points")
    if periode in PART_OF_YEAR:
        return Efficiency(None, "", _partial_year_reason(periode), kind)
    if capaian_kinerja is None or serapan_anggaran is None:
        return Efficiency(None, "", "capaian kinerja atau serapan anggaran tidak tersedia", kind)
    c, s = capaian_kinerja, serapan_anggaran
    shown_c, shown_s = shown(c), shown(s)  # the rules' comparisons read the printed figures, as the reader does
    if method == "sisa_anggaran":
        if shown_c < HUNDRED:
            return Efficiency(None, "", "tidak dihitung: capaian kinerja di bawah 100 %", kind)
        v = shown_difference(HUNDRED, s)  # beside the printed serapan: 100 − 97,47 is 2,53, never 2,54
        return Efficiency(v, _label3(v, ZERO, ZERO), kind=kind)
    if method == "rasio":
        if s == 0:
            return Efficiency(None, "", "serapan anggaran 0 %: rasio tidak terdefinisi", kind)
        v = c / s
        return Efficiency(v, _label3(v, Decimal(1), Decimal(1)), kind=kind)
    # the difference of the printed figures, as the row prints both beside it: 100,00 % − 95,00 % is 5,00 and
    # 'cukup efisien' by the band, even when the unrounded 100,004 − 94,995 is 5,009 (printed 5,01, 'efisien')
    v = shown_difference(c, s)
    if method == "selisih":
        return Efficiency(v, "efisien" if shown_c >= HUNDRED and shown_s < shown_c else "tidak efisien", kind=kind)
    return Efficiency(v, _label3(v, Decimal(5), Decimal(-5)), kind=kind)


@dataclass(frozen=True, slots=True)
class EfficiencyRow(Compact):
    key: str  # indicator id or sasaran id
    label: str
    capaian: Decimal | None
    serapan: Decimal | None
    result: Efficiency
    kode_anggaran: str = ""


def capaian_higher(capaian: Decimal | None, serapan: Decimal | None) -> bool | None:
    """Whether a row's capaian kinerja is higher than its serapan anggaran, as printed beside each other (97,474 %
    and 97,47 % both print "97,47 %": not higher); None when either is missing."""
    if capaian is None or serapan is None:
        return None
    return shown(capaian) > shown(serapan)


def higher_counts(rows: Sequence[EfficiencyRow]) -> tuple[int, int]:
    """(rows whose capaian is higher than their serapan, rows with both): the efficiency chart's "Pada 9 dari 21
    indikator, capaian kinerja lebih tinggi daripada serapan anggaran", as ``efisiensi[.sasaran].capaian_lebih_tinggi``
    and ``….terbandingkan``."""
    judged = [capaian_higher(r.capaian, r.serapan) for r in rows]
    return sum(1 for j in judged if j), sum(1 for j in judged if j is not None)
