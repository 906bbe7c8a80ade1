"""Named figures: every count and aggregate a report shows, computed once, each with an id, a name and a definition.

Why: the key figures, a chart's summary, a table's footer and a sentence of the narrative used to count indicators
each their own way (all indicators of ``indikator.yaml``, those with numbers, those of the Perjanjian Kinerja), so one
report said "17 dari 25", "Dari 23 indikator, 15 …" and 25. Here each figure has:

* an **id**, which is also its ``{nilai}`` path (``indikator.mencapai_target``, ``capaian.rata_rata``);
* a **name** ("Indikator mencapai target") and a **definition** that names the set it counts and what it leaves out
  ("14 dari 24 indikator terukur …; 1 tidak terukur: LKD"), so two places that mean different sets say so;
* its unrounded value (rounded once, by :mod:`lkjip_site.core.fmt`, when shown).

Every place that shows a figure reads it from :attr:`ComputedReport.figures` (through :func:`.refs.lookup` or
directly), renderers mark it with its id, and ``output/audit.py`` compares every mark with this value.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, Sequence

from ..core import fmt
from ..core.compact import Compact
from ..core.model import AverageMethod, CapaianPolicy, Missing, Scale, ScaleClass
from .budget import BudgetReport, pk_pagu_attr
from .capaian import Result, mean, mean_capaian
from .findings import HUNDRED
from .ikm import IkmResult
from .scales import NA_LABEL, classify_or_none

Kind = Literal["count", "percent", "rupiah", "number", "text"]

#: The budget's levels a count is kept of (``anggaran.jumlah_<level>``), each as a sentence names it.
BUDGET_LEVELS: dict[str, str] = {"program": "program", "kegiatan": "kegiatan", "sub_kegiatan": "sub kegiatan"}

#: How each averaging method is named wherever the average is shown (key figure, table footer, footnote).
METHOD_NAMES: dict[str, str] = {
    "per_sasaran": "rerata per sasaran, lalu antar-sasaran",
    "per_indikator": "rerata seluruh indikator terukur",
}


@dataclass(frozen=True, slots=True)
class Figure(Compact):
    """One named figure of a report (see the module docstring); shown through :func:`.refs.lookup`, whose
    ``formatted()`` is the one way every place prints it."""

    id: str
    nama: str
    value: Decimal | str | Missing
    kind: Kind
    definisi: str
    #: what it counts, where its kind's unit is not it (a ``count`` is of indicators): "program" for
    #: ``anggaran.jumlah_program``, so that the open data does not call 3 programs "3 indikator"
    satuan: str = ""



@dataclass(frozen=True, slots=True)
class Counted:
    """What counting needs of one indicator (the indicator results live in :mod:`.report`)."""

    id: str
    nama: str
    capaian: Result
    predikat: ScaleClass | None
    kualitatif: bool


@dataclass(frozen=True, slots=True)
class IndicatorCounts(Compact):
    """The indicators of one set (the report's, a sasaran's), counted once.

    ``terukur``: capaian can be computed (a "tidak tercapai" result counts, as 0 %); ``tidak_terukur``: it cannot
    (target or realisasi not available, target 0 ...); ``mencapai``: measured and capaian ≥ 100 % as printed
    (99,996 % shows "100,00 %" and counts, as the reader would count it).
    """

    lingkup: str  # the set in words: "indikator Perjanjian Kinerja", "indikator sasaran S1"
    ids: tuple[str, ...]
    terukur: tuple[str, ...]
    tidak_terukur: tuple[str, ...]
    kualitatif: tuple[str, ...]
    mencapai: tuple[str, ...]
    predikat: tuple[tuple[str, int], ...]  # per class in scale order, then N/A ("Tidak dapat dinilai") when any
    tidak_terukur_alasan: tuple[tuple[str, str], ...] = ()  # (nama, reason) of each unmeasured indicator

    @property
    def belum_mencapai(self) -> int:
        return len(self.terukur) - len(self.mencapai)

    def alasan(self) -> str:
        """Which indicators are N/A and why: "Persentase LKD aktif: realisasi tidak tersedia: …"."""
        return "; ".join(f"{n}: {r}" for n, r in self.tidak_terukur_alasan)

    def _unmeasured(self) -> str:
        return f"; {len(self.tidak_terukur)} tidak terukur (N/A) — {self.alasan()}" if self.tidak_terukur else ""

    def definisi_terukur(self) -> str:
        return f"{len(self.terukur)} dari {len(self.ids)} {self.lingkup} yang capaiannya dapat dihitung" + \
            self._unmeasured()

    def definisi_tidak_terukur(self) -> str:
        text = f"{len(self.tidak_terukur)} dari {len(self.ids)} {self.lingkup} yang capaiannya tidak dapat dihitung"
        return text + (f" — {self.alasan()}" if self.tidak_terukur else "")

    def definisi_mencapai(self) -> str:
        return (f"{len(self.mencapai)} dari {len(self.terukur)} indikator terukur mencapai target (capaian ≥ 100 %); "
                f"{len(self.ids)} {self.lingkup}" + self._unmeasured())


def count_indicators(items: Sequence[Counted], scale: Scale, lingkup: str) -> IndicatorCounts:
    """Count one set of indicators: the one definition of total, measured, unmeasured, qualitative, reached."""
    terukur = tuple(i.id for i in items if i.capaian.for_average is not None)
    mencapai = tuple(i.id for i in items
                     if i.capaian.for_average is not None and fmt.shown(i.capaian.for_average) >= HUNDRED)
    per_class = {c.label: 0 for c in scale.classes}
    n_na = 0
    for i in items:
        if i.predikat is None:
            n_na += 1
        else:
            per_class[i.predikat.label] = per_class.get(i.predikat.label, 0) + 1
    rows = list(per_class.items()) + ([(NA_LABEL, n_na)] if n_na else [])
    unmeasured = [i for i in items if i.capaian.for_average is None]
    return IndicatorCounts(
        lingkup=lingkup, ids=tuple(i.id for i in items), terukur=terukur,
        tidak_terukur=tuple(i.id for i in unmeasured), kualitatif=tuple(i.id for i in items if i.kualitatif),
        mencapai=mencapai, predikat=tuple(rows),
        tidak_terukur_alasan=tuple((i.nama, i.capaian.reason or "capaian tidak dapat dihitung") for i in unmeasured))


@dataclass(frozen=True, slots=True)
class SasaranMean:
    """One sasaran's mean, as the organisation average needs it."""

    id: str
    indikator: tuple[str, ...]
    capaian: Decimal | None


@dataclass(frozen=True, slots=True)
class Average:
    """The organisation's average capaian by the method the site or report chose (``capaian.rata_rata``)."""

    value: Decimal | None
    method: AverageMethod
    cap_100: bool
    basis: tuple[str, ...]  # the indicators it is defined over (measured or not)
    definisi: str
    inputs: tuple[str, ...] = ()  # the measured ones, whose capaian enter it: a table footer shows it only with all

    @property
    def nama_metode(self) -> str:
        return METHOD_NAMES[self.method] + ("; capaian dibatasi 100 %" if self.cap_100 else "")


def _cap_text(cap_100: bool) -> str:
    return ("setiap capaian indikator dibatasi 100 % sebelum dirata-rata" if cap_100
            else "capaian di atas 100 % ikut apa adanya (tanpa batas 100 %)")


def organisation_average(policy: CapaianPolicy, sasaran: Sequence[SasaranMean], counts: IndicatorCounts,
                         results: dict[str, Result]) -> Average:
    """The one organisation average. ``per_sasaran``: mean over sasaran that have a value of each sasaran's mean
    over its measured indicators; ``per_indikator``: mean over every measured indicator of the report's set.

    A report without sasaran (no Renstra) can only average per indicator, and its definition says so.
    """
    method: AverageMethod = policy.rata_rata
    if method == "per_sasaran" and sasaran:
        means = [s.capaian for s in sasaran if s.capaian is not None]
        basis = tuple(i for s in sasaran for i in s.indikator if i in results)
        measured = [i for i in basis if results[i].for_average is not None]
        outside = [i for i in counts.ids if i not in basis]
        empty = [s.id for s in sasaran if s.capaian is None]
        text = (f"rerata capaian {len(means)} sasaran; capaian setiap sasaran = rerata capaian indikator terukurnya "
                f"({len(measured)} dari {len(basis)} indikator sasaran terukur)")
        if empty:
            text += f"; sasaran tanpa indikator terukur tidak ikut: {', '.join(empty)}"
        if outside:
            text += f"; indikator di luar sasaran tidak ikut: {', '.join(outside)}"
        return Average(mean(means), method, policy.batas_100, basis, f"{text}; {_cap_text(policy.batas_100)}",
                       tuple(measured))
    chosen = [results[i] for i in counts.ids if i in results]
    value = mean_capaian(chosen, policy.batas_100)
    text = f"rerata capaian {len(counts.terukur)} indikator terukur dari {len(counts.ids)} {counts.lingkup}"
    if method == "per_sasaran":
        text += " (laporan tanpa sasaran Renstra, jadi dirata-rata per indikator)"
        method = "per_indikator"
    return Average(value, method, policy.batas_100, counts.ids, f"{text}; {_cap_text(policy.batas_100)}",
                   counts.terukur)


def no_average_reason(average: Average, counts: IndicatorCounts) -> str:
    """Why the average is N/A, in words true of the report: "tidak ada capaian yang terukur" was said of a report
    averaged per sasaran whose one sasaran indicator was unmeasured, beside "4 dari 4" of its other indicators
    reaching their target on the same comparison row."""
    if average.method == "per_sasaran":
        outside = [i for i in counts.terukur if i not in set(average.basis)]
        text = f"tidak ada indikator sasaran yang terukur (0 dari {len(average.basis)})"
        if outside:
            text += (f"; {len(outside)} indikator terukur lain di luar sasaran tidak ikut rata-rata per sasaran")
        return text
    return f"tidak ada indikator yang terukur (0 dari {len(counts.ids)} {counts.lingkup})"


def _count(fid: str, nama: str, n: int, definisi: str) -> Figure:
    return Figure(fid, nama, Decimal(n), "count", definisi)


def indicator_figures(prefix: str, counts: IndicatorCounts) -> list[Figure]:
    """``<prefix>.jumlah|terukur|tidak_terukur|kualitatif|mencapai_target|belum_mencapai|persen_mencapai_target``
    of one set."""
    n = len(counts.ids)
    return [
        _count(f"{prefix}.jumlah", "Jumlah indikator", n, f"{n} {counts.lingkup}"),
        _count(f"{prefix}.terukur", "Indikator terukur", len(counts.terukur), counts.definisi_terukur()),
        _count(f"{prefix}.tidak_terukur", "Indikator tidak terukur (N/A)", len(counts.tidak_terukur),
               counts.definisi_tidak_terukur()),
        _count(f"{prefix}.kualitatif", "Indikator kualitatif", len(counts.kualitatif),
               f"{len(counts.kualitatif)} dari {n} {counts.lingkup} bernilai kualitatif (predikat huruf)"),
        _count(f"{prefix}.mencapai_target", "Indikator mencapai target", len(counts.mencapai),
               counts.definisi_mencapai()),
        _count(f"{prefix}.belum_mencapai", "Indikator belum mencapai target", counts.belum_mencapai,
               f"{counts.belum_mencapai} dari {len(counts.terukur)} indikator terukur dengan capaian < 100 %; "
               f"{n} {counts.lingkup}"),
        _share_reached(prefix, counts),
    ]


def _share_reached(prefix: str, counts: IndicatorCounts) -> Figure:
    """The share of measured indicators that reached their target, as reports write it ("86,36 % indikator
    mencapai target"): that sentence, right, was warned of as a typed number with no reference to write instead."""
    measured = len(counts.terukur)
    value: Decimal | Missing = (Decimal(len(counts.mencapai)) * 100 / Decimal(measured) if measured else
                                Missing("tidak ada indikator yang capaiannya dapat dihitung"))
    return Figure(f"{prefix}.persen_mencapai_target", "Persentase indikator mencapai target", value, "percent",
                  f"{len(counts.mencapai)} dari {measured} indikator terukur mencapai target (capaian ≥ 100 %), "
                  "dalam persen")


def slug(text: str) -> str:
    """Predikat labels in paths: lower case, spaces and '_' as '-' ("Cukup Berhasil" -> "cukup-berhasil")."""
    return "-".join(text.strip().casefold().replace("_", " ").replace("-", " ").split())


def report_figures(counts: IndicatorCounts, average: Average, scale: Scale,
                   sasaran: Sequence[tuple[str, str, IndicatorCounts]], budget: BudgetReport | None,
                   pk_program: Sequence[str], ikm: IkmResult | None, pk_jenis: str = "") -> dict[str, Figure]:
    """Every named figure of one report, by id (the ``{nilai}`` path)."""
    out: list[Figure] = indicator_figures("indikator", counts)
    out.append(Figure("laporan.jumlah_indikator", "Jumlah indikator", Decimal(len(counts.ids)), "count",
                      f"{len(counts.ids)} {counts.lingkup} (sama dengan indikator.jumlah)"))
    for label, n in counts.predikat:
        out.append(_count(f"predikat.{slug(label)}.jumlah", f"Indikator berpredikat {label}", n,
                          f"{n} dari {len(counts.ids)} {counts.lingkup} berpredikat {label} menurut {scale.nama}"))
    if not any(label == NA_LABEL for label, _ in counts.predikat):
        out.append(_count(f"predikat.{slug(NA_LABEL)}.jumlah", f"Indikator berpredikat {NA_LABEL}", 0,
                          f"0 dari {len(counts.ids)} {counts.lingkup}: semua capaian dapat dihitung"))
    pred = classify_or_none(scale, average.value)
    out += [
        Figure("capaian.rata_rata", "Rata-rata capaian kinerja",
               average.value if average.value is not None else Missing(no_average_reason(average, counts)), "percent",
               f"{METHOD_NAMES[average.method]}: {average.definisi}"),
        Figure("capaian.predikat", "Predikat rata-rata capaian kinerja",
               pred.label if pred else Missing("rata-rata capaian tidak dapat dihitung"), "text",
               f"predikat rata-rata capaian kinerja menurut {scale.nama}"),
        Figure("capaian.metode", "Metode rata-rata capaian kinerja", average.nama_metode, "text", average.definisi),
        # how many capaian the average is of: per sasaran, a report of 22 measured indicators showed "116,19 %"
        # as its average, the capaian of the one indicator its Renstra names, and a citizen read it as all 22's
        _count("capaian.jumlah_indikator", "Indikator dalam rata-rata capaian", len(average.inputs),
               f"{len(average.inputs)} indikator terukur yang capaiannya masuk rata-rata capaian kinerja "
               f"({METHOD_NAMES[average.method]})"),
    ]
    for sid, uraian, sc in sasaran:
        for f in indicator_figures(f"sasaran.{sid}", sc):
            out.append(Figure(f.id, f"{f.nama} sasaran {sid}", f.value, f.kind, f"{f.definisi} ({uraian})"))
    if budget is not None:
        out += budget_figures(budget, pk_program, pk_jenis)
    if ikm is not None:
        out.append(Figure("ikm.nilai", "Indeks Kepuasan Masyarakat", ikm.nilai, "number",
                          f"rata-rata nilai {len(ikm.unsur)} unsur pelayanan × 25 (PermenPANRB 14/2017); "
                          f"mutu {ikm.mutu}"))
    return {f.id: f for f in out}


def budget_figures(budget: BudgetReport, pk_program: Sequence[str], pk_jenis: str = "") -> list[Figure]:
    """Totals of the budget tree and of the Perjanjian Kinerja's programs (the pagu the PK agreed to:
    :func:`~lkjip_site.compute.budget.pk_pagu_attr`)."""
    t = budget.total
    leaves = [n for n in budget.nodes() if not n.children]
    scope = f"{len(leaves)} sub kegiatan dari {len(budget.program)} program"
    out = [
        Figure("anggaran.pagu", "Pagu anggaran", t.pagu, "rupiah", f"jumlah pagu {scope}"),
        Figure("anggaran.realisasi", "Realisasi anggaran", t.realisasi, "rupiah", f"jumlah realisasi {scope}"),
        Figure("anggaran.serapan", "Serapan anggaran",
               t.serapan if t.serapan is not None else Missing("pagu 0"), "percent",
               f"realisasi ÷ pagu × 100 ({fmt.fmt_rupiah(t.realisasi)} ÷ {fmt.fmt_rupiah(t.pagu)}), {scope}"),
        Figure("anggaran.sisa", "Sisa anggaran", t.sisa, "rupiah", f"pagu − realisasi, {scope}"),
    ]
    # how many programs, kegiatan and sub kegiatan the budget holds: "dilaksanakan melalui 4 program, 12 kegiatan dan
    # 20 sub kegiatan" was typed beside a DPA of 3, 11 and 21, with no reference to write instead
    for level, nama in BUDGET_LEVELS.items():
        n = sum(1 for x in budget.nodes() if x.level == level)
        out.append(Figure(f"anggaran.jumlah_{level}", f"Jumlah {nama}", Decimal(n), "count",
                          f"{n} {nama} di data/anggaran.yaml (DPA)", nama))
    if budget.pagu_awal is not None:
        changed = sum(1 for n in leaves if n.pagu_awal_tertulis)
        out.append(Figure("anggaran.pagu_awal", "Pagu anggaran awal", budget.pagu_awal, "rupiah",
                          f"jumlah pagu sebelum APBD Perubahan, {scope} ({changed} sub kegiatan diubah)"))
    if pk_program:
        programs = [p for p in budget.program if p.kode in pk_program]
        attr = pk_pagu_attr(budget, pk_jenis)
        total = sum((getattr(p, attr) for p in programs), Decimal(0))
        before = " sebelum APBD Perubahan (Perjanjian Kinerja awal)" if attr == "pagu_awal" else ""
        out.append(Figure("pk.anggaran", "Anggaran Perjanjian Kinerja", total, "rupiah",
                          f"jumlah pagu{before} {len(programs)} program yang disebut pk.yaml, dari "
                          "data/anggaran.yaml (DPA)"))
    return out
