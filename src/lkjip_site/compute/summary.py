"""The handful of figures a citizen looks for first (the report page's key figures), from the computed model.

:func:`key_values` defines each figure once, as a machine value; :func:`key_figures` only formats them for the report
page, and the open data (``output/opendata.py``) publishes the same values unformatted, so the two cannot disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..core import fmt
from ..core.model import Report

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class KeyValue:
    """One key figure: a stable machine key, its Indonesian label, the unrounded value and how to read it."""

    kunci: str  # machine key, stable across versions (open data column ``kunci``)
    uraian: str
    nilai: Decimal | int
    satuan: str  # "persen" | "rupiah" | "indikator" | "indeks"
    keterangan: str = ""  # a predikat or mutu label that goes with the value
    utama: bool = True  # shown on the report page (the predikat counts are open data only)


def key_values(report: Report) -> list[KeyValue]:
    """Every key figure of a report as a machine value, read from the computed model (nothing is rounded here)."""
    c = report.computed
    if c is None:
        return []
    out: list[KeyValue] = []
    if c.rata_rata is not None:
        label = c.predikat_rata_rata.label if c.predikat_rata_rata else ""
        out.append(KeyValue("rata_rata_capaian", "Rata-rata capaian kinerja", c.rata_rata, "persen", label))
    measured = [i for i in c.indikator.values() if i.capaian.value is not None]
    out.append(KeyValue("jumlah_indikator", "Jumlah indikator", len(c.indikator), "indikator", utama=False))
    out.append(KeyValue("indikator_terukur", "Indikator yang capaiannya dapat dihitung", len(measured), "indikator",
                        utama=False))
    if measured:
        reached = sum(1 for i in measured if i.capaian.value >= HUNDRED)
        out.append(KeyValue("indikator_mencapai_target", "Indikator mencapai target", reached, "indikator",
                            "capaian ≥ 100 %"))
    for label, count in c.predikat_jumlah:
        out.append(KeyValue("predikat_" + _slug(label), f"Indikator PK berpredikat {label}", count, "indikator", label,
                            utama=False))
    if c.anggaran is not None:
        total = c.anggaran.total
        out.append(KeyValue("pagu_anggaran", "Pagu anggaran", total.pagu, "rupiah"))
        out.append(KeyValue("realisasi_anggaran", "Realisasi anggaran", total.realisasi, "rupiah", utama=False))
        if total.serapan is not None:
            out.append(KeyValue("serapan_anggaran", "Serapan anggaran", total.serapan, "persen", "realisasi ÷ pagu"))
    if c.ikm is not None:
        out.append(KeyValue("ikm", "Indeks Kepuasan Masyarakat", c.ikm.nilai, "indeks", f"mutu {c.ikm.mutu}"))
    return out


def key_figures(report: Report) -> list[tuple[str, str, str]]:
    """(label, value, note) for the report page: the main :func:`key_values`, formatted once with ``core/fmt``."""
    values = {v.kunci: v for v in key_values(report)}
    out: list[tuple[str, str, str]] = []
    for v in values.values():
        if not v.utama:
            continue
        if v.kunci == "indikator_mencapai_target":
            out.append((v.uraian, f"{v.nilai} dari {values['indikator_terukur'].nilai}", v.keterangan))
        else:
            out.append((v.uraian, format_key_value(v), v.keterangan))
    return out


def format_key_value(v: KeyValue) -> str:
    """A key figure the way the site prints it (id-ID, rounded at display only)."""
    if v.satuan == "persen":
        return fmt.fmt_percent(v.nilai)
    if v.satuan == "rupiah":
        return fmt.fmt_rupiah(v.nilai)
    if v.satuan == "indeks":
        return fmt.fmt_number(v.nilai)
    return fmt.fmt_int(v.nilai)


def _slug(label: str) -> str:
    """``"Sangat Baik"`` -> ``"sangat_baik"``, ``"N/A"`` -> ``"n_a"``: a predikat label as part of a machine key."""
    return re.sub(r"[^a-z0-9]+", "_", label.casefold()).strip("_") or "lain"
