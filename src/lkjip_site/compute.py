"""The computation core: every derived number of a report, as pure functions without I/O.

Why one module: a derived number (capaian, predikat, totals, serapan, averages, trends) must exist exactly once so the
tables, charts, inline references and ``check`` all show the same value. Values stay unrounded ``Decimal``; rounding
happens once, at display, in :mod:`lkjip_site.fmt`.

Rules this module states (and the author guide repeats):

* Capaian, positive polarity: ``C = R / T × 100``.
* Negative polarity, standard (default): ``C = (2T − R) / T × 100``; the inverse ratio ``C = T / R × 100`` only when
  the report declares ``capaian.rumus_negatif: rasio_terbalik``.
* ``T = 0``: N/A with a reason (never 0,00), except a negative indicator with ``R <= 0 = T`` which is 100 %.
  A negative target (``T < 0``) is N/A as well: the ratio has no meaning there.
* Missing target or realisasi: N/A with the reason, left out of averages.
* Negative result of the standard negative formula (``R > 2T``): ``hasil_negatif: nol`` floors it at 0 %;
  ``hasil_negatif: tidak_tercapai`` shows "tidak tercapai" instead of a number. Either way it counts as **0** in
  averages and gets the scale's class for 0 %: leaving it out would reward the worst result.
* Qualitative targets on an ordered grade list (worst -> best, ranks 1..n): ``C = 100`` when rank(R) >= rank(T),
  otherwise ``C = rank(R) / rank(T) × 100`` (one grade short of B on D<C<B<A gives 2/3 = 66,67 %). Polarity does not
  apply: the list order already says what is better.
* Averages: capaian sasaran = mean of its measured indicators; capaian organisasi = mean over sasaran that have a
  value; optional cap at 100 % per indicator before averaging (``capaian.batas_100``).
* Budget: leaves hold pagu/realisasi, every parent is the sum of its children; serapan = realisasi / pagu × 100;
  sisa = pagu − realisasi; per-sasaran serapan is Σrealisasi / Σpagu (weighted).
* Quarterly reports: the "current" value of an indicator is its cumulative s.d. TW n value aggregated by its
  ``agregasi`` (jumlah | terakhir | rata_rata); when no quarterly target is given the annual target is used.
* IKM (PermenPANRB 14/2017): see :func:`ikm`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable, Literal, Sequence

from . import fmt
from .model import (
    JENIS_BELANJA, QUARTERS, Budget, BudgetNode, CapaianPolicy, Dataset, Indicator, Ikm, IkmElement, Loc, Missing,
    PeriodValues, Report, Scale, ScaleClass, Value,
)
from .scales import BUILTIN_SCALES, classify_or_none, resolve_scale, validate_scale

HUNDRED = Decimal(100)
ZERO = Decimal(0)

Severity = Literal["error", "peringatan"]


@dataclass(frozen=True)
class Issue:
    """A problem found while computing (budget codes, quarterly splits ...); ``check`` turns it into a Finding."""

    severity: Severity
    message: str
    loc: Loc | None = None
    kode: str = ""


# =================================================================================================================
# Capaian of one indicator

FORMULAS: dict[str, str] = {
    "positif": "C = R / T × 100 %",
    "negatif_standar": "C = (2T − R) / T × 100 %",
    "negatif_rasio_terbalik": "C = T / R × 100 %",
    "negatif_target_nol": "T = 0 dan R ≤ 0: C = 100 %",
    "kualitatif": "C = 100 % bila peringkat R ≥ peringkat T, selain itu peringkat(R) / peringkat(T) × 100 %",
    "": "tidak dihitung",
}


@dataclass(frozen=True)
class Result:
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


def na(reason: str, formula: str = "") -> Result:
    return Result(value=None, formula=formula, reason=reason)


def _missing_reason(label: str, v: Value | None) -> str | None:
    if v is None:
        return f"{label} belum diisi"
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


def _negatif(t: Decimal, r: Decimal, policy: CapaianPolicy) -> Result:
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
        return _negatif(t, r, policy)
    if t == 0:
        return na("target 0: capaian tidak dapat dihitung (pembagian dengan nol)", "positif")
    if t < 0:
        return na("target negatif: capaian tidak dapat dihitung", "positif")
    return Result(r / t * HUNDRED, "positif")


# =================================================================================================================
# Aggregates


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


def predikat_counts(scale: Scale, classes: Iterable[ScaleClass | None]) -> list[tuple[str, int]]:
    """Count per predikat in scale order, plus a final row for N/A when there are any."""
    counts = {c.label: 0 for c in scale.classes}
    n_na = 0
    for c in classes:
        if c is None:
            n_na += 1
        else:
            counts[c.label] = counts.get(c.label, 0) + 1
    rows = list(counts.items())
    if n_na:
        from .scales import NA_LABEL
        rows.append((NA_LABEL, n_na))
    return rows


# =================================================================================================================
# Year on year, Renstra, national target


def delta(current: Value | None, previous: Value | None) -> Decimal | None:
    """Δ = Rn − Rn−1 (points for indices and percentages); None when either is not a number."""
    c, p = _as_num(current), _as_num(previous)
    if c is not None and p is not None:
        return c - p
    return None


def trend(d: Decimal | None) -> str | None:
    """Direction of a change: 'naik', 'turun' or 'tetap' (about the value, not whether it is good)."""
    if d is None:
        return None
    return "naik" if d > 0 else "turun" if d < 0 else "tetap"


def kemajuan_renstra(realisasi: Value | None, target_akhir: Value | None, polaritas: str,
                     policy: CapaianPolicy | None = None, grades: Sequence[str] | None = None) -> Result:
    """Tingkat kemajuan = Rn / T_akhir × 100 (negative: the same negative formula against the end target)."""
    return capaian(target_akhir, realisasi, polaritas, policy, grades)


@dataclass(frozen=True)
class NationalComparison:
    target: Value
    sumber: str
    capaian: Result
    selisih: Decimal | None  # R − T_nasional
    status: str  # "memenuhi" | "belum memenuhi" | "tidak dapat dibandingkan"


def banding_nasional(realisasi: Value | None, target_nasional: tuple[Value, str] | None, polaritas: str,
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
        status = "memenuhi" if (res.value or ZERO) >= HUNDRED else "belum memenuhi"
    return NationalComparison(t, sumber, res, d, status)


# =================================================================================================================
# Quarterly values

Agregasi = Literal["jumlah", "terakhir", "rata_rata"]


def quarters_upto(periode: str) -> tuple[str, ...]:
    """('tw1',), ('tw1','tw2') ... for a quarterly period; all four for 'tahunan'."""
    if periode == "tahunan":
        return QUARTERS
    return QUARTERS[: QUARTERS.index(periode) + 1]


def _as_num(v: object) -> Decimal | None:
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
    nums = [n for n in (_as_num(v) for v in known) if n is not None]
    if len(nums) != len(known):
        return known[-1]  # grades: only the latest makes sense
    if agregasi == "jumlah":
        return sum(nums, ZERO)
    return mean(nums)


def kumulatif(pv: PeriodValues | None, periode: str, agregasi: str) -> Value | None:
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

    Example (seed 002): IKM target 85 written per TW as 20/20/20/25. An index is not summed over quarters, so its
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


# =================================================================================================================
# Budget

RE_PROGRAM = re.compile(r"^\d\.\d{2}\.\d{2}$")
RE_KEGIATAN = re.compile(r"^\d\.\d{2}\.\d{2}\.\d\.\d{2}$")
RE_SUB = re.compile(r"^\d\.\d{2}\.\d{2}\.\d\.\d{2}\.\d{4}$")
RE_SUB_LAMA = re.compile(r"^\d\.\d{2}\.\d{2}\.\d\.\d{2}\.\d{2}$")
_LEVEL_RE = {"program": RE_PROGRAM, "kegiatan": RE_KEGIATAN, "sub_kegiatan": RE_SUB}
LEVEL_LABEL = {"program": "program", "kegiatan": "kegiatan", "sub_kegiatan": "sub kegiatan"}
_LEVEL_EXAMPLE = {"program": "7.01.02", "kegiatan": "7.01.02.2.01", "sub_kegiatan": "7.01.02.2.01.0001"}


def normalise_code(kode: str) -> str:
    """Strip the legacy zero padding of the first segment: ``07.01.01`` -> ``7.01.01``."""
    k = kode.strip()
    if re.match(r"^0\d(\.|$)", k):
        return k[1:]
    return k


def validate_code(kode: str, level: str, parent: str | None = None, loc: Loc | None = None) -> list[Issue]:
    """Check a budget code against Permendagri 90/2019 forms (legacy forms accepted with a warning)."""
    issues: list[Issue] = []
    norm = normalise_code(kode)
    name = LEVEL_LABEL.get(level, level)
    if norm != kode.strip():
        issues.append(Issue("peringatan", f"kode {name} '{kode}' memakai format lama dengan angka nol di depan; "
                            f"tulis '{norm}'", loc, "kode-lama"))
    if level == "sub_kegiatan" and RE_SUB_LAMA.match(norm):
        issues.append(Issue("peringatan", f"kode sub kegiatan '{kode}' memakai format lama 2 digit; "
                            "kode sub kegiatan sekarang 4 digit (contoh 7.01.02.2.01.0001)", loc, "kode-lama"))
    elif not _LEVEL_RE[level].match(norm):
        issues.append(Issue("error", f"kode {name} '{kode}' tidak sesuai format (contoh {_LEVEL_EXAMPLE[level]})",
                            loc, "kode-format"))
    if parent is not None and not norm.startswith(normalise_code(parent) + "."):
        issues.append(Issue("error", f"kode {name} '{kode}' tidak diawali kode induknya '{parent}'",
                            loc, "kode-induk"))
    return issues


class _Absorption:
    """Serapan and sisa of anything with ``pagu`` and ``realisasi`` (tree nodes and flat rows alike)."""

    pagu: Decimal
    realisasi: Decimal

    @property
    def serapan(self) -> Decimal | None:
        return serapan(self.pagu, self.realisasi)

    @property
    def sisa(self) -> Decimal:
        return self.pagu - self.realisasi


@dataclass
class BudgetResult(_Absorption):
    """One node of the computed budget tree; parents hold sums of their children."""

    level: str
    kode: str
    nama: str
    loc: Loc
    pagu: Decimal
    realisasi: Decimal
    children: list[BudgetResult] = field(default_factory=list)
    realisasi_tw: dict[str, Decimal] = field(default_factory=dict)
    tanpa_realisasi: list[str] = field(default_factory=list)  # leaf codes whose realisasi is missing
    realisasi_tercatat: Decimal | None = None  # a leaf's `realisasi` as entered (compared with its quarters)
    pagu_tertulis: Decimal | None = None
    realisasi_tertulis: Decimal | None = None
    sasaran: str | None = None
    indikator: str = ""
    satuan: str = ""
    target: Value | None = None
    realisasi_output: Value | None = None
    capaian_output: Result | None = None
    jenis_belanja: str | None = None

    def walk(self) -> Iterable[BudgetResult]:
        yield self
        for c in self.children:
            yield from c.walk()

    def realisasi_sd(self, periode: str) -> Decimal:
        """Cumulative realisasi s.d. TW n from per-quarter values (all quarters for 'tahunan')."""
        return sum((self.realisasi_tw.get(q, ZERO) for q in quarters_upto(periode)), ZERO)


def serapan(pagu: Decimal, realisasi: Decimal | None) -> Decimal | None:
    """Budget absorption % = realisasi / pagu × 100; None when pagu is 0."""
    if realisasi is None or pagu == 0:
        return None
    return realisasi / pagu * HUNDRED


def _leaf_realisasi(node: BudgetNode, periode: str) -> Decimal | None:
    """Realisasi of a leaf for the report period.

    Quarterly reports: the cumulative s.d. TW n from ``realisasi_tw`` (the annual figure does not exist yet).
    Annual reports: ``realisasi``; when only quarterly values are given, their sum.
    """
    if periode != "tahunan" and node.realisasi_tw:
        return sum((node.realisasi_tw.get(q, ZERO) for q in quarters_upto(periode)), ZERO)
    if isinstance(node.realisasi, Decimal):
        return node.realisasi
    if node.realisasi_tw:
        return sum(node.realisasi_tw.values(), ZERO)
    return None


def _leaf(node: BudgetNode, issues: list[Issue], periode: str = "tahunan") -> BudgetResult:
    pagu = node.pagu if isinstance(node.pagu, Decimal) else ZERO
    if node.pagu is None:
        issues.append(Issue("error", f"{node.kode}: pagu belum diisi (dihitung 0)", node.loc, "pagu-kosong"))
    real = _leaf_realisasi(node, periode)
    missing = [] if real is not None else [node.kode]
    cap = None
    if node.target is not None and node.realisasi_output is not None:
        cap = capaian(node.target, node.realisasi_output, "positif")
    res = BudgetResult(node.level, node.kode, node.nama, node.loc, pagu, real if real is not None else ZERO,
                       realisasi_tw=dict(sorted(node.realisasi_tw.items())), tanpa_realisasi=missing,
                       capaian_output=cap)
    res.realisasi_tercatat = node.realisasi if isinstance(node.realisasi, Decimal) else None
    return res


def _parent(node: BudgetNode, children: list[BudgetResult], issues: list[Issue]) -> BudgetResult:
    if node.pagu is not None or isinstance(node.realisasi, Decimal):
        issues.append(Issue("peringatan", f"{node.kode}: pagu/realisasi pada tingkat induk diabaikan karena "
                            "dihitung dari rinciannya; tulis sebagai pagu_tertulis/realisasi_tertulis bila "
                            "ingin dibandingkan", node.loc, "nilai-induk"))
    tw: dict[str, Decimal] = {}
    for c in children:
        for q, v in c.realisasi_tw.items():
            tw[q] = tw.get(q, ZERO) + v
    cap = None
    if node.target is not None and node.realisasi_output is not None:
        cap = capaian(node.target, node.realisasi_output, "positif")
    return BudgetResult(
        node.level, node.kode, node.nama, node.loc,
        pagu=sum((c.pagu for c in children), ZERO),
        realisasi=sum((c.realisasi for c in children), ZERO),
        children=children, realisasi_tw=dict(sorted(tw.items())),
        tanpa_realisasi=[k for c in children for k in c.tanpa_realisasi], capaian_output=cap)


_CHILD_LEVEL = {"program": "kegiatan", "kegiatan": "sub_kegiatan"}


def budget_node(node: BudgetNode, issues: list[Issue], parent_kode: str | None = None,
                periode: str = "tahunan") -> BudgetResult:
    """Compute one node recursively: validate codes, sum leaves upward, copy stated values for check."""
    issues.extend(validate_code(node.kode, node.level, parent_kode, node.loc))
    for c in node.children:
        expected = _CHILD_LEVEL.get(node.level)
        if c.level != expected:
            issues.append(Issue("error", f"{c.kode}: {LEVEL_LABEL.get(c.level, c.level)} tidak boleh berada di "
                                f"bawah {LEVEL_LABEL.get(node.level, node.level)} {node.kode}", c.loc,
                                "tingkat-anggaran"))
    children = [budget_node(c, issues, node.kode, periode) for c in node.children]
    res = _parent(node, children, issues) if children else _leaf(node, issues, periode)
    res.pagu_tertulis, res.realisasi_tertulis = node.pagu_tertulis, node.realisasi_tertulis
    res.sasaran, res.indikator, res.satuan = node.sasaran, node.indikator, node.satuan
    res.target, res.realisasi_output, res.jenis_belanja = node.target, node.realisasi_output, node.jenis_belanja
    return res


JENIS_LABEL = JENIS_BELANJA
JENIS_KELOMPOK = {"pegawai": "Belanja Operasi", "barang_jasa": "Belanja Operasi", "operasi": "Belanja Operasi",
                  "modal": "Belanja Modal", "tidak_terduga": "Belanja Tidak Terduga", "transfer": "Belanja Transfer",
                  "lainnya": "Belanja Lainnya"}
_JENIS_ORDER = tuple(JENIS_BELANJA)


@dataclass(frozen=True)
class BudgetRow(_Absorption):
    """A row of a flat budget table (jenis belanja, kelompok, sasaran, total)."""

    key: str
    label: str
    pagu: Decimal
    realisasi: Decimal
    loc: Loc | None = None


@dataclass(frozen=True)
class BudgetChange:
    """Change from the previous year's totals."""

    pagu_lalu: Decimal
    realisasi_lalu: Decimal
    selisih_pagu: Decimal
    selisih_realisasi: Decimal
    persen_pagu: Decimal | None  # % change of pagu
    persen_realisasi: Decimal | None
    serapan_lalu: Decimal | None


@dataclass
class BudgetReport:
    tahun: int
    program: list[BudgetResult]
    total: BudgetRow
    jenis_belanja: list[BudgetRow]
    jenis_sumber: str  # "data" (stated per jenis) | "rincian" (from leaves) | ""
    kelompok: list[BudgetRow]
    per_sasaran: list[BudgetRow]
    perubahan: BudgetChange | None
    total_tertulis: tuple[Decimal | None, Decimal | None, Loc] | None
    realisasi_tw: dict[str, Decimal]
    issues: list[Issue]

    def nodes(self) -> Iterable[BudgetResult]:
        for p in self.program:
            yield from p.walk()

    def find(self, kode: str) -> BudgetResult | None:
        norm = normalise_code(kode)
        for n in self.nodes():
            if normalise_code(n.kode) == norm:
                return n
        return None

    def realisasi_sd(self, periode: str) -> Decimal:
        return sum((self.realisasi_tw.get(q, ZERO) for q in quarters_upto(periode)), ZERO)


def _jenis_rows(budget: Budget, leaves: list[BudgetResult]) -> tuple[list[BudgetRow], str]:
    """Jenis belanja rows: as entered in data (then compared with the total by check), else summed from leaves."""
    if budget.jenis_belanja:
        rows = [BudgetRow(j.jenis, JENIS_LABEL.get(j.jenis, j.jenis), j.pagu, j.realisasi, j.loc)
                for j in budget.jenis_belanja]
        return rows, "data"
    sums: dict[str, list[Decimal]] = {}
    for leaf in leaves:
        if leaf.jenis_belanja:
            acc = sums.setdefault(leaf.jenis_belanja, [ZERO, ZERO])
            acc[0] += leaf.pagu
            acc[1] += leaf.realisasi
    if not sums:
        return [], ""
    order = {k: i for i, k in enumerate(_JENIS_ORDER)}
    keys = sorted(sums, key=lambda k: (order.get(k, 99), k))
    return [BudgetRow(k, JENIS_LABEL.get(k, k), sums[k][0], sums[k][1]) for k in keys], "rincian"


def _kelompok_rows(rows: list[BudgetRow]) -> list[BudgetRow]:
    """Belanja Operasi (pegawai + barang dan jasa), Belanja Modal, Belanja Lainnya."""
    acc: dict[str, list[Decimal]] = {}
    for r in rows:
        k = JENIS_KELOMPOK.get(r.key, r.label)
        a = acc.setdefault(k, [ZERO, ZERO])
        a[0] += r.pagu
        a[1] += r.realisasi
    return [BudgetRow(k, k, v[0], v[1]) for k, v in acc.items()]


def _sasaran_rows(program: list[BudgetResult]) -> list[BudgetRow]:
    """Weighted absorption per sasaran: the highest node carrying a sasaran counts, its children are not re-added."""
    acc: dict[str, list[Decimal]] = {}

    def visit(n: BudgetResult) -> None:
        if n.sasaran:
            a = acc.setdefault(n.sasaran, [ZERO, ZERO])
            a[0] += n.pagu
            a[1] += n.realisasi
            return
        for c in n.children:
            visit(c)

    for p in program:
        visit(p)
    return [BudgetRow(k, k, v[0], v[1]) for k, v in acc.items()]


def budget_change(pagu: Decimal, realisasi: Decimal, lalu: tuple[Decimal, Decimal] | None) -> BudgetChange | None:
    if lalu is None:
        return None
    pl, rl = lalu
    return BudgetChange(pl, rl, pagu - pl, realisasi - rl,
                        (pagu - pl) / pl * HUNDRED if pl else None,
                        (realisasi - rl) / rl * HUNDRED if rl else None,
                        serapan(pl, rl))


def compute_budget(budget: Budget, periode: str = "tahunan") -> BudgetReport:
    """The whole budget: tree with sums, totals, jenis belanja, kelompok, per sasaran and change from last year.

    For a quarterly report (``periode`` tw1..tw4) realisasi means realisasi s.d. TW n (see :func:`_leaf_realisasi`).
    """
    issues: list[Issue] = []
    for p in budget.program:
        if p.level != "program":
            issues.append(Issue("error", f"{p.kode}: tingkat teratas anggaran harus program", p.loc,
                                "tingkat-anggaran"))
    program = [budget_node(p, issues, None, periode) for p in budget.program]
    total = BudgetRow("total", "Total", sum((p.pagu for p in program), ZERO),
                      sum((p.realisasi for p in program), ZERO), budget.loc)
    leaves = [n for p in program for n in p.walk() if not n.children]
    jenis, sumber = _jenis_rows(budget, leaves)
    tw: dict[str, Decimal] = {}
    for p in program:
        for q, v in p.realisasi_tw.items():
            tw[q] = tw.get(q, ZERO) + v
    return BudgetReport(budget.tahun, program, total, jenis, sumber, _kelompok_rows(jenis), _sasaran_rows(program),
                        budget_change(total.pagu, total.realisasi, budget.tahun_lalu), budget.total_tertulis,
                        dict(sorted(tw.items())), issues)


# =================================================================================================================
# Efficiency

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


@dataclass(frozen=True)
class Efficiency:
    value: Decimal | None
    label: str  # "efisien" | "cukup efisien" | "tidak efisien" | "" (not computed)
    reason: str = ""
    kind: str = "percent"  # percent (points) or number (ratio)


def _label3(x: Decimal, good: Decimal, bad: Decimal) -> str:
    """'efisien' above ``good``, 'tidak efisien' below ``bad``, 'cukup efisien' in between (inclusive)."""
    if x > good:
        return "efisien"
    if x < bad:
        return "tidak efisien"
    return "cukup efisien"


def efisiensi(method: str, capaian_kinerja: Decimal | None, serapan_anggaran: Decimal | None) -> Efficiency:
    """Efficiency of one row by a named method (see :data:`EFISIENSI` for the printed descriptions)."""
    if method not in EFISIENSI:
        raise ValueError(f"Metode efisiensi '{method}' tidak dikenal; pilih salah satu: {', '.join(EFISIENSI)}")
    kind = "number" if method == "rasio" else "percent"
    if capaian_kinerja is None or serapan_anggaran is None:
        return Efficiency(None, "", "capaian kinerja atau serapan anggaran tidak tersedia", kind)
    c, s = capaian_kinerja, serapan_anggaran
    if method == "sisa_anggaran":
        if c < HUNDRED:
            return Efficiency(None, "", "tidak dihitung: capaian kinerja di bawah 100 %", kind)
        v = HUNDRED - s
        return Efficiency(v, _label3(v, ZERO, ZERO), kind=kind)
    if method == "rasio":
        if s == 0:
            return Efficiency(None, "", "serapan anggaran 0 %: rasio tidak terdefinisi", kind)
        v = c / s
        return Efficiency(v, _label3(v, Decimal(1), Decimal(1)), kind=kind)
    v = c - s
    if method == "selisih":
        return Efficiency(v, "efisien" if c >= HUNDRED and s < c else "tidak efisien", kind=kind)
    return Efficiency(v, _label3(v, Decimal(5), Decimal(-5)), kind=kind)


@dataclass(frozen=True)
class EfficiencyRow:
    key: str  # indicator id or sasaran id
    label: str
    capaian: Decimal | None
    serapan: Decimal | None
    hasil: Efficiency
    kode_anggaran: str = ""


# =================================================================================================================
# IKM (Indeks Kepuasan Masyarakat)

IKM_KODE = tuple(f"U{i}" for i in range(1, 10))
#: PermenPANRB 14/2017, konversi IKM: 25,00–64,99 D (Tidak Baik); 65,00–76,60 C (Kurang Baik);
#: 76,61–88,30 B (Baik); 88,31–100,00 A (Sangat Baik). Closed form without gaps: see :func:`mutu_ikm`.
IKM_MUTU = (("A", "Sangat Baik"), ("B", "Baik"), ("C", "Kurang Baik"), ("D", "Tidak Baik"))


def mutu_ikm(nilai: Decimal) -> tuple[str, str]:
    """Mutu pelayanan for an IKM value (25..100) per PermenPANRB 14/2017.

    The regulation prints intervals to two decimals (25,00–64,99 D; 65,00–76,60 C; 76,61–88,30 B;
    88,31–100,00 A). Closed, gap-free form used here on the unrounded value:
    ``IKM < 65`` D; ``65 <= IKM <= 76,60`` C; ``76,60 < IKM <= 88,30`` B; ``IKM > 88,30`` A.
    The same boundaries apply to one element's NRR × 25 (NRR 2,60 / 3,064 / 3,532).
    """
    if nilai > Decimal("88.30"):
        return IKM_MUTU[0]
    if nilai > Decimal("76.60"):
        return IKM_MUTU[1]
    if nilai >= Decimal(65):
        return IKM_MUTU[2]
    return IKM_MUTU[3]


@dataclass(frozen=True)
class IkmUnsur:
    kode: str
    nama: str
    nrr: Decimal
    konversi: Decimal  # NRR × 25
    mutu: str
    loc: Loc | None = None


@dataclass(frozen=True)
class IkmResult:
    tahun: int
    unsur: list[IkmUnsur]
    skm: Decimal  # mean NRR, weights exactly 1/9
    nilai: Decimal  # IKM = SKM × 25
    mutu: str
    kinerja: str
    responden: int | None
    problems: list[Issue]


def ikm_problems(elements: Sequence[IkmElement], loc: Loc | None = None) -> list[Issue]:
    """Nine elements U1..U9, each NRR within [1, 4]."""
    out = []
    kodes = [e.kode.strip().upper() for e in elements]
    if sorted(kodes, key=lambda k: (len(k), k)) != list(IKM_KODE):
        out.append(Issue("error", f"IKM harus memuat tepat sembilan unsur U1–U9 (ditemukan: "
                         f"{', '.join(kodes) or 'tidak ada'})", loc, "ikm-unsur"))
    for e in elements:
        if not Decimal(1) <= e.nilai <= Decimal(4):
            out.append(Issue("error", f"nilai unsur {e.kode} {fmt.fmt_number(e.nilai)} di luar rentang 1–4",
                             e.loc, "ikm-nilai"))
    return out


def ikm(data: Ikm) -> IkmResult:
    """SKM = exact mean of the nine NRR (weights 1/9, not 0,11); IKM = SKM × 25; mutu per :func:`mutu_ikm`."""
    problems = ikm_problems(data.unsur, data.loc)
    unsur = []
    for e in data.unsur:
        k = e.nilai * 25
        unsur.append(IkmUnsur(e.kode, e.nama, e.nilai, k, mutu_ikm(k)[0], e.loc))
    skm = mean(e.nilai for e in data.unsur) or ZERO
    nilai = skm * 25
    mutu, kinerja = mutu_ikm(nilai)
    return IkmResult(data.tahun, unsur, skm, nilai, mutu, kinerja, data.responden, problems)


# =================================================================================================================
# Generic datasets


@dataclass(frozen=True)
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
            raise KeyError(f"Kolom {', '.join(unknown)} tidak ada pada data '{ds.id}'")
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
        per_row if len(idx) >= 2 else None, col_totals, grand,
        [_share(t, grand) for t in per_row],
        [{i: _share(num(r[i]), col_totals[i]) for i in idx} for r in ds.rows],
        dict(ds.satuan), ds.loc)


# =================================================================================================================
# The whole report


@dataclass(frozen=True)
class YearPoint:
    tahun: int
    target: Value | None
    realisasi: Value | None
    capaian: Result


@dataclass(frozen=True)
class QuarterPoint:
    tw: str
    target: Value | None
    realisasi: Value | None
    target_kumulatif: Value | None
    realisasi_kumulatif: Value | None
    capaian: Result  # cumulative realisasi vs cumulative target


@dataclass
class IndicatorResult:
    id: str
    nama: str
    satuan: str
    polaritas: str
    loc: Loc
    sasaran_id: str | None
    tahun: int
    periode: str
    target: Value | None  # current: annual or s.d. TW n
    realisasi: Value | None
    capaian: Result
    predikat: ScaleClass | None
    target_tahunan: Value | None
    riwayat: list[YearPoint]
    realisasi_lalu: Value | None
    delta: Decimal | None
    tren: str | None
    target_akhir: Value | None
    kemajuan: Result | None
    nasional: NationalComparison | None
    triwulan: list[QuarterPoint]
    split: str | None
    program: str | None
    jenis: str
    kualitatif: list[str] | None


@dataclass
class SasaranResult:
    id: str
    uraian: str
    indikator: list[str]
    capaian: Decimal | None
    predikat: ScaleClass | None
    terukur: int  # indicators that enter the average
    loc: Loc | None = None


@dataclass
class ComputedReport:
    tahun: int
    periode: str
    instansi: str
    scale: Scale
    scale_problems: list[str]
    policy: CapaianPolicy
    indikator: dict[str, IndicatorResult]
    pk_indikator: list[str]  # indicators of the PK/report, in order
    sasaran: dict[str, SasaranResult]
    rata_rata: Decimal | None
    predikat_rata_rata: ScaleClass | None
    predikat_jumlah: list[tuple[str, int]]
    anggaran: BudgetReport | None
    efisiensi_metode: str
    efisiensi_deskripsi: str
    efisiensi: list[EfficiencyRow]
    efisiensi_sasaran: list[EfficiencyRow]
    ikm: IkmResult | None
    datasets: dict[str, DatasetResult]
    issues: list[Issue]


def _history(ind: Indicator, policy: CapaianPolicy) -> list[YearPoint]:
    years = sorted(set(ind.target) | set(ind.realisasi))
    out = []
    for y in years:
        t = kumulatif(ind.target.get(y), "tahunan", ind.agregasi)
        r = kumulatif(ind.realisasi.get(y), "tahunan", ind.agregasi)
        out.append(YearPoint(y, t, r, capaian(t, r, ind.polaritas, policy, ind.kualitatif)))
    return out


def _quarters(ind: Indicator, tahun: int, periode: str, policy: CapaianPolicy) -> list[QuarterPoint]:
    tpv, rpv = ind.target.get(tahun), ind.realisasi.get(tahun)
    if not ((tpv and tpv.quarters) or (rpv and rpv.quarters)):
        return []
    out = []
    for q in quarters_upto(periode):
        tk, rk = kumulatif(tpv, q, ind.agregasi), kumulatif(rpv, q, ind.agregasi)
        out.append(QuarterPoint(q, tpv.quarters.get(q) if tpv else None, rpv.quarters.get(q) if rpv else None,
                                tk, rk, capaian(tk, rk, ind.polaritas, policy, ind.kualitatif)))
    return out


def _target_akhir(ind: Indicator) -> Value | None:
    if ind.target_akhir is not None:
        return ind.target_akhir
    if ind.target_renstra:
        return ind.target_renstra[max(ind.target_renstra)]
    return None


def compute_indicator(ind: Indicator, tahun: int, periode: str, policy: CapaianPolicy,
                      scale: Scale) -> IndicatorResult:
    """Everything derived for one indicator in the report's year/period."""
    t = kumulatif(ind.target.get(tahun), periode, ind.agregasi)
    r = kumulatif(ind.realisasi.get(tahun), periode, ind.agregasi)
    if t is None:
        t_reason = f"target tahun {tahun} belum ditetapkan"
        res = na(t_reason)
    else:
        res = capaian(t, r, ind.polaritas, policy, ind.kualitatif)
    value = res.for_average
    pred = classify_or_none(scale, value)
    r_annual = kumulatif(ind.realisasi.get(tahun), "tahunan", ind.agregasi)
    r_prev = kumulatif(ind.realisasi.get(tahun - 1), "tahunan", ind.agregasi)
    # Quarterly: a cumulative count is not comparable with last year's annual total; levels (terakhir/rata_rata) are.
    current = r_annual if periode == "tahunan" else (r if ind.agregasi != "jumlah" else None)
    d = delta(current, r_prev)
    t_end = _target_akhir(ind)
    kemajuan = kemajuan_renstra(r, t_end, ind.polaritas, policy, ind.kualitatif) if t_end is not None else None
    return IndicatorResult(
        id=ind.id, nama=ind.nama, satuan=ind.satuan, polaritas=ind.polaritas, loc=ind.loc,
        sasaran_id=ind.sasaran_id, tahun=tahun, periode=periode, target=t, realisasi=r, capaian=res,
        predikat=pred, target_tahunan=kumulatif(ind.target.get(tahun), "tahunan", ind.agregasi),
        riwayat=_history(ind, policy), realisasi_lalu=r_prev, delta=d, tren=trend(d), target_akhir=t_end,
        kemajuan=kemajuan,
        nasional=banding_nasional(r, ind.target_nasional, ind.polaritas, policy, ind.kualitatif),
        triwulan=_quarters(ind, tahun, periode, policy),
        split=split_error(ind.id, ind.agregasi, ind.target.get(tahun)),
        program=ind.program, jenis=ind.jenis, kualitatif=ind.kualitatif)


def _sasaran_list(report: Report) -> list[tuple[str, str, list[str], Loc | None]]:
    """(id, uraian, indicator ids, loc) for the sasaran of the PK (or of the Renstra / the indicators)."""
    data = report.data
    if data.renstra is not None:
        allowed = set(data.pk.sasaran) if data.pk and data.pk.sasaran else None
        return [(s.id, s.uraian, list(s.indikator), s.loc) for s in data.renstra.all_sasaran()
                if allowed is None or s.id in allowed]
    groups: dict[str, list[str]] = {}
    for ind in data.indikator.values():
        if ind.sasaran_id:
            groups.setdefault(ind.sasaran_id, []).append(ind.id)
    return [(k, k, v, None) for k, v in groups.items()]


def _pk_indicators(report: Report, sasaran: list[tuple[str, str, list[str], Loc | None]]) -> list[str]:
    data = report.data
    if data.pk and data.pk.indikator:
        return list(data.pk.indikator)
    if sasaran:
        return [i for s in sasaran for i in s[2]]
    return list(data.indikator)


def _unknown_ids(report: Report, ids: Iterable[str], where: str, loc: Loc | None) -> list[Issue]:
    return [Issue("error", f"indikator '{i}' pada {where} tidak ada di data indikator", loc, "indikator-tidak-ada")
            for i in ids if i not in report.data.indikator]


def _efficiency_rows(method: str, inds: dict[str, IndicatorResult], order: list[str],
                     budget: BudgetReport | None) -> list[EfficiencyRow]:
    if budget is None:
        return []
    rows = []
    for iid in order:
        ir = inds.get(iid)
        if ir is None or not ir.program:
            continue
        node = budget.find(ir.program)
        s = node.serapan if node else None
        rows.append(EfficiencyRow(iid, ir.nama, ir.capaian.for_average, s,
                                  efisiensi(method, ir.capaian.for_average, s), ir.program))
    return rows


def _efficiency_sasaran(method: str, sasaran: dict[str, SasaranResult],
                        budget: BudgetReport | None) -> list[EfficiencyRow]:
    if budget is None:
        return []
    rows = []
    for row in budget.per_sasaran:
        sr = sasaran.get(row.key)
        c = sr.capaian if sr else None
        rows.append(EfficiencyRow(row.key, sr.uraian if sr else row.key, c, row.serapan,
                                  efisiensi(method, c, row.serapan)))
    return rows


def compute_report(report: Report, site_scales: dict[str, Scale] | None = None,
                   default_scale_id: str = "permendagri-86-2017") -> ComputedReport:
    """Build the one tree of derived values a report's tables, charts, references and checks read."""
    site_scales = site_scales or {}
    issues: list[Issue] = []
    try:
        scale = resolve_scale(report.skala_predikat or default_scale_id, report.scales, site_scales)
    except KeyError as exc:  # reported by check; computing on with a known scale keeps every other finding visible
        fallback = default_scale_id if default_scale_id in site_scales or default_scale_id in BUILTIN_SCALES \
            else "permendagri-86-2017"
        issues.append(Issue("error", f"{exc.args[0]}; dipakai skala '{fallback}'", report.loc, "skala-tidak-dikenal"))
        scale = resolve_scale(fallback, site_scales)
    policy, tahun, periode = report.capaian, report.tahun, report.periode
    inds = {iid: compute_indicator(ind, tahun, periode, policy, scale)
            for iid, ind in report.data.indikator.items()}
    sas_list = _sasaran_list(report)
    order = _pk_indicators(report, sas_list)
    if report.data.pk:
        issues += _unknown_ids(report, report.data.pk.indikator, "Perjanjian Kinerja", report.data.pk.loc)
    sasaran: dict[str, SasaranResult] = {}
    for sid, uraian, ids, sloc in sas_list:
        issues += _unknown_ids(report, ids, f"sasaran {sid}", sloc)
        for i in ids:
            if i in inds and not inds[i].sasaran_id:
                inds[i].sasaran_id = sid  # filled from the Renstra so tables can group by sasaran
        results = [inds[i].capaian for i in ids if i in inds]
        c = mean_capaian(results, policy.batas_100)
        sasaran[sid] = SasaranResult(sid, uraian, ids, c, classify_or_none(scale, c),
                                     sum(1 for r in results if r.for_average is not None), sloc)
    if sasaran:
        overall = mean(s.capaian for s in sasaran.values() if s.capaian is not None)
    else:
        overall = mean_capaian((inds[i].capaian for i in order if i in inds), policy.batas_100)
    budget = compute_budget(report.data.anggaran, periode) if report.data.anggaran else None
    if budget:
        issues += budget.issues
    ikm_res = ikm(report.data.ikm) if report.data.ikm else None
    if ikm_res:
        issues += ikm_res.problems
    for i in order:
        if i in inds and inds[i].split:
            ind = report.data.indikator[i]
            pv = ind.target.get(tahun)
            issues.append(Issue("error", inds[i].split or "", (pv.loc if pv and pv.loc else ind.loc),
                                "triwulan-dibagi"))
    method = report.efisiensi or "rasio"
    if method not in EFISIENSI:
        issues.append(Issue("error", f"metode efisiensi '{method}' tidak dikenal; pilih: {', '.join(EFISIENSI)}",
                            report.loc, "efisiensi-metode"))
        method = "rasio"
    return ComputedReport(
        tahun=tahun, periode=periode, instansi=report.instansi.nama, scale=scale,
        scale_problems=validate_scale(scale), policy=policy, indikator=inds, pk_indikator=order,
        sasaran=sasaran, rata_rata=overall, predikat_rata_rata=classify_or_none(scale, overall),
        predikat_jumlah=predikat_counts(scale, (inds[i].predikat for i in order if i in inds)),
        anggaran=budget, efisiensi_metode=method, efisiensi_deskripsi=EFISIENSI[method],
        efisiensi=_efficiency_rows(method, inds, order, budget),
        efisiensi_sasaran=_efficiency_sasaran(method, sasaran, budget),
        ikm=ikm_res,
        datasets={k: dataset_table(v) for k, v in sorted(report.data.datasets.items())},
        issues=issues)


# =================================================================================================================
# Inline references ({nilai}`IKU1.capaian`)

Kind = Literal["percent", "rupiah", "number", "text"]


class UnknownReference(KeyError):
    """An inline reference to a value that does not exist (message in Indonesian)."""

    def __str__(self) -> str:  # KeyError would print the message with quotes
        return str(self.args[0]) if self.args else "referensi tidak dikenal"


@dataclass(frozen=True)
class Ref:
    """A looked-up value and how to format it; ``value`` is Missing for N/A (printed '–')."""

    value: Decimal | str | Missing
    kind: Kind
    path: str = ""
    decimals: int = 2  # 0 for counts (predikat.<label>.jumlah, ikm.responden)

    def formatted(self, decimals: int | None = None) -> str:
        decimals = self.decimals if decimals is None else decimals
        if isinstance(self.value, Missing):
            return fmt.DASH
        if isinstance(self.value, str) or self.kind == "text":
            return str(self.value)
        if self.kind == "percent":
            return fmt.fmt_percent(self.value, decimals)
        if self.kind == "rupiah":
            return fmt.fmt_rupiah(self.value)
        return fmt.fmt_number(self.value, decimals)

    @property
    def reason(self) -> str | None:
        return self.value.reason if isinstance(self.value, Missing) else None


def _unknown(path: str, hint: str = "") -> UnknownReference:
    msg = f"Referensi nilai '{path}' tidak dikenal"
    return UnknownReference(msg + (f": {hint}" if hint else ""))


def _value_ref(v: Value | None, satuan: str, path: str, na_reason: str = "tidak tersedia") -> Ref:
    if v is None:
        return Ref(Missing(na_reason), "number", path)
    if isinstance(v, Missing):
        return Ref(v, "number", path)
    if isinstance(v, str):
        return Ref(v, "text", path)
    return Ref(v, "percent" if satuan.strip() == "%" else "number", path, fmt.entered_decimals(v))


def _result_ref(res: Result, path: str) -> Ref:
    if res.tidak_tercapai:
        return Ref("tidak tercapai", "text", path)
    if res.value is None:
        return Ref(Missing(res.reason), "percent", path)
    return Ref(res.value, "percent", path)


def _class_ref(c: ScaleClass | None, path: str, reason: str = "") -> Ref:
    if c is None:
        return Ref(Missing(reason or "capaian tidak dapat dihitung"), "text", path)
    return Ref(c.label, "text", path)


def _indicator_ref(ir: IndicatorResult, attr: str, year: int | None, path: str) -> Ref:
    if year is not None and year != ir.tahun:
        point = next((p for p in ir.riwayat if p.tahun == year), None)
        if point is None:
            raise _unknown(path, f"indikator {ir.id} tidak memiliki data tahun {year}")
        simple = {"target": point.target, "realisasi": point.realisasi}
        if attr in simple:
            return _value_ref(simple[attr], ir.satuan, path)
        if attr == "capaian":
            return _result_ref(point.capaian, path)
        raise _unknown(path, "dengan @tahun hanya target, realisasi atau capaian")
    values = {"target": ir.target, "realisasi": ir.realisasi, "target_tahunan": ir.target_tahunan,
              "target_akhir": ir.target_akhir, "realisasi_lalu": ir.realisasi_lalu}
    if attr in values:
        return _value_ref(values[attr], ir.satuan, path)
    if attr == "capaian":
        return _result_ref(ir.capaian, path)
    if attr == "predikat":
        return _class_ref(ir.predikat, path, ir.capaian.reason)
    if attr in ("nama", "satuan", "polaritas"):
        return Ref(str(getattr(ir, attr)), "text", path)
    if attr == "kemajuan":
        return _result_ref(ir.kemajuan, path) if ir.kemajuan else Ref(Missing("tidak ada target akhir"),
                                                                          "percent", path)
    if attr == "delta":
        return Ref(ir.delta if ir.delta is not None else Missing("tidak ada realisasi tahun lalu"),
                   "percent" if ir.satuan.strip() == "%" else "number", path)
    if attr == "tren":
        return Ref(ir.tren or Missing("tidak ada realisasi tahun lalu"), "text", path)
    raise _unknown(path, f"atribut '{attr}' tidak ada untuk indikator")


_BUDGET_ATTRS = ("pagu", "realisasi", "serapan", "sisa")


def _budget_attr(pagu: Decimal, realisasi: Decimal, attr: str, path: str) -> Ref:
    if attr == "pagu":
        return Ref(pagu, "rupiah", path)
    if attr == "realisasi":
        return Ref(realisasi, "rupiah", path)
    if attr == "sisa":
        return Ref(pagu - realisasi, "rupiah", path)
    s = serapan(pagu, realisasi)
    return Ref(s if s is not None else Missing("pagu 0"), "percent", path)


def _budget_ref(c: ComputedReport, parts: list[str], path: str) -> Ref:
    b = c.anggaran
    if b is None:
        raise _unknown(path, "laporan tidak memiliki data anggaran")
    attr = parts[-1]
    middle = ".".join(parts[1:-1])
    if attr == "realisasi_sd" and not middle:
        return Ref(b.realisasi_sd(c.periode), "rupiah", path)
    if attr not in _BUDGET_ATTRS and attr != "nama":
        raise _unknown(path, f"atribut anggaran harus salah satu dari {', '.join(_BUDGET_ATTRS)} atau nama")
    if not middle:
        if attr == "nama":
            raise _unknown(path)
        return _budget_attr(b.total.pagu, b.total.realisasi, attr, path)
    if middle.startswith("jenis."):
        key = middle[len("jenis."):]
        row = next((r for r in b.jenis_belanja if r.key == key), None)
        if row is None:
            raise _unknown(path, f"jenis belanja '{key}' tidak ada")
        return Ref(row.label, "text", path) if attr == "nama" else _budget_attr(row.pagu, row.realisasi, attr, path)
    node = b.find(middle)
    if node is None:
        raise _unknown(path, f"kode anggaran '{middle}' tidak ada")
    if attr == "nama":
        return Ref(node.nama, "text", path)
    return _budget_attr(node.pagu, node.realisasi, attr, path)


def _capaian_ref(c: ComputedReport, parts: list[str], path: str) -> Ref:
    if parts[1:] == ["rata_rata"]:
        return Ref(c.rata_rata if c.rata_rata is not None else Missing("tidak ada capaian yang terukur"),
                   "percent", path)
    if parts[1:] == ["predikat"]:
        return _class_ref(c.predikat_rata_rata, path)
    sid = parts[1] if len(parts) > 1 else ""
    if sid in c.sasaran and len(parts) in (2, 3):
        s = c.sasaran[sid]
        if len(parts) == 2 or parts[2] == "capaian":
            return Ref(s.capaian if s.capaian is not None else Missing("tidak ada indikator yang terukur"),
                       "percent", path)
        if parts[2] == "predikat":
            return _class_ref(s.predikat, path)
    raise _unknown(path, "gunakan capaian.rata_rata, capaian.predikat atau capaian.<id sasaran>")


def _ikm_ref(c: ComputedReport, parts: list[str], path: str) -> Ref:
    if c.ikm is None:
        raise _unknown(path, "laporan tidak memiliki data IKM")
    attr = parts[1] if len(parts) == 2 else ""
    table: dict[str, Ref] = {
        "nilai": Ref(c.ikm.nilai, "number", path), "skm": Ref(c.ikm.skm, "number", path),
        "mutu": Ref(c.ikm.mutu, "text", path), "kinerja": Ref(c.ikm.kinerja, "text", path),
    }
    if c.ikm.responden is not None:
        table["responden"] = Ref(Decimal(c.ikm.responden), "number", path, 0)
    if attr not in table:
        raise _unknown(path, "gunakan ikm.nilai, ikm.skm, ikm.mutu, ikm.kinerja atau ikm.responden")
    return table[attr]


def _predikat_ref(c: ComputedReport, parts: list[str], path: str) -> Ref:
    if len(parts) != 3 or parts[2] != "jumlah":
        raise _unknown(path, "gunakan predikat.<label>.jumlah")
    want = _slug(parts[1])
    for label, n in c.predikat_jumlah:
        if _slug(label) == want:
            return Ref(Decimal(n), "number", path, 0)
    if any(_slug(k.label) == want for k in c.scale.classes):
        return Ref(Decimal(0), "number", path, 0)
    raise _unknown(path, f"predikat '{parts[1]}' tidak ada pada skala '{c.scale.nama}'")


def _slug(text: str) -> str:
    return re.sub(r"[\s_-]+", "-", text.strip().casefold())


def _laporan_ref(c: ComputedReport, parts: list[str], path: str) -> Ref:
    attrs = {"tahun": str(c.tahun), "periode": c.periode, "instansi": c.instansi, "skala": c.scale.nama,
             "jumlah_indikator": None, "efisiensi": c.efisiensi_deskripsi}
    attr = parts[1] if len(parts) == 2 else ""
    if attr == "jumlah_indikator":
        return Ref(Decimal(len(c.pk_indikator)), "number", path, 0)
    if attr in attrs:
        return Ref(str(attrs[attr]), "text", path)
    raise _unknown(path)


def lookup(computed: ComputedReport, path: str) -> Ref:
    """Resolve an inline reference such as ``IKU1.capaian`` or ``anggaran.7.01.02.pagu``.

    Paths: ``<indikator>.target|realisasi|capaian|predikat|satuan|nama|kemajuan|delta|tren|target_akhir``,
    ``<indikator>.<attr>@<tahun>``; ``anggaran.pagu|realisasi|serapan|sisa``, ``anggaran.<kode>.<attr>``,
    ``anggaran.jenis.<jenis>.<attr>``, ``anggaran.realisasi_sd``; ``capaian.rata_rata|predikat``,
    ``capaian.<sasaran>[.predikat]``; ``ikm.nilai|skm|mutu|kinerja|responden``; ``predikat.<label>.jumlah``;
    ``laporan.tahun|periode|instansi|skala|jumlah_indikator``. Unknown paths raise :class:`UnknownReference`.
    """
    p = path.strip()
    year: int | None = None
    if "@" in p:
        p, _, ys = p.partition("@")
        if not ys.strip().isdigit():
            raise _unknown(path, "tahun setelah '@' harus berupa angka")
        year = int(ys)
    base, _, attr = p.rpartition(".")
    if base in computed.indikator:  # indicator ids may themselves contain dots ("IKU.1")
        return _indicator_ref(computed.indikator[base], attr, year, path)
    parts = p.split(".")
    head = parts[0]
    if year is not None:
        raise _unknown(path, "'@tahun' hanya untuk indikator")
    handlers = {"anggaran": _budget_ref, "capaian": _capaian_ref, "ikm": _ikm_ref, "predikat": _predikat_ref,
                "laporan": _laporan_ref}
    if head in handlers and len(parts) >= 2:
        return handlers[head](computed, parts, path)
    if head in computed.indikator:
        raise _unknown(path, "gunakan <indikator>.<atribut>")
    raise _unknown(path)
