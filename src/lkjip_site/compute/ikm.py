"""IKM (Indeks Kepuasan Masyarakat, PermenPANRB 14/2017): nine elements, SKM, IKM = SKM × 25, and its grade."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Sequence

from ..core import fmt
from ..core.model import Ikm, IkmElement, Loc, loc_of
from .capaian import mean
from .findings import ZERO, Finding

IKM_KODE = tuple(f"U{i}" for i in range(1, 10))
#: PermenPANRB 14/2017, konversi IKM: 25,00–64,99 D (Tidak Baik); 65,00–76,60 C (Kurang Baik);
#: 76,61–88,30 B (Baik); 88,31–100,00 A (Sangat Baik). Closed form without gaps: see :func:`mutu_ikm`.
IKM_MUTU = (("A", "Sangat Baik"), ("B", "Baik"), ("C", "Kurang Baik"), ("D", "Tidak Baik"))
#: Decimals the SKM (mean NRR, the "nilai rata-rata tertimbang") is printed with, in the IKM table and in
#: ``{nilai}`ikm.skm``` alike. Why four: the mutu is judged on the IKM (SKM × 25) at two decimals (:func:`mutu_ikm`),
#: and 0,01 of the IKM is 0,0004 of the SKM; the regulation's own SKM-scale intervals are the IKM ones ÷ 25, written
#: to four decimals (2,5996 / 3,0644 / 3,5324). With two ("3,06") or three ("3,064", the upper end of C) the printed
#: SKM of an IKM of 76,61 (B) read as C against that table, and SKM × 25 did not give the IKM printed below it.
SKM_DECIMALS = 4


def mutu_ikm(nilai: Decimal) -> tuple[str, str]:
    """Mutu pelayanan for an IKM value (25..100) per PermenPANRB 14/2017.

    The regulation prints intervals to two decimals (25,00–64,99 D; 65,00–76,60 C; 76,61–88,30 B;
    88,31–100,00 A), so the value is judged as printed, at two decimals (:func:`fmt.shown`: 64,9975 shows
    "65,00" and is C). Closed, gap-free form used on it:
    ``IKM < 65`` D; ``65 <= IKM <= 76,60`` C; ``76,60 < IKM <= 88,30`` B; ``IKM > 88,30`` A.
    The same boundaries apply to one element's NRR × 25 (NRR 2,60 / 3,064 / 3,532).
    """
    nilai = fmt.shown(nilai)
    if nilai > Decimal("88.30"):
        return IKM_MUTU[0]
    if nilai > Decimal("76.60"):
        return IKM_MUTU[1]
    if nilai >= Decimal(65):
        return IKM_MUTU[2]
    return IKM_MUTU[3]


@dataclass(frozen=True, slots=True)
class IkmElementResult:
    kode: str
    nama: str
    nrr: Decimal
    konversi: Decimal  # NRR × 25
    mutu: str
    loc: Loc | None = None


@dataclass(frozen=True, slots=True)
class IkmResult:
    tahun: int
    unsur: list[IkmElementResult]
    skm: Decimal  # mean NRR, weights exactly 1/9
    nilai: Decimal  # IKM = SKM × 25
    mutu: str
    kinerja: str
    responden: int | None
    problems: list[Finding]


def ikm_problems(elements: Sequence[IkmElement], loc: Loc | None = None) -> list[Finding]:
    """Nine elements U1..U9, each NRR within [1, 4]."""
    out = []
    kodes = [e.kode.strip().upper() for e in elements]
    if sorted(kodes, key=lambda k: (len(k), k)) != list(IKM_KODE):
        out.append(Finding("error", loc, f"IKM harus memuat tepat sembilan unsur U1–U9 (ditemukan: "
                         f"{', '.join(kodes) or 'tidak ada'})", "ikm-unsur"))
    for e in elements:
        if not Decimal(1) <= e.nilai <= Decimal(4):
            # as written: rounded to two places, 4,0001 read "4,00 di luar rentang 1–4"
            out.append(Finding("error", e.loc, f"nilai unsur {e.kode} {fmt.fmt_entered(e.nilai)} di luar rentang 1–4",
                               "ikm-nilai"))
    return out


def ikm(data: Ikm) -> IkmResult:
    """SKM = exact mean of the nine NRR (weights 1/9, not 0,11); IKM = SKM × 25; mutu per :func:`mutu_ikm`."""
    problems = ikm_problems(data.unsur, loc_of(data, "unsur"))
    unsur = []
    for e in data.unsur:
        k = e.nilai * 25
        unsur.append(IkmElementResult(e.kode, e.nama, e.nilai, k, mutu_ikm(k)[0], e.loc))
    skm = mean(e.nilai for e in data.unsur) or ZERO
    nilai = skm * 25
    mutu, kinerja = mutu_ikm(nilai)
    return IkmResult(data.tahun, unsur, skm, nilai, mutu, kinerja, data.responden, problems)
