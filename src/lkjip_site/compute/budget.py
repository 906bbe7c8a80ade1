"""The budget tree (program → kegiatan → sub kegiatan): codes checked, parents summed from leaves, serapan, totals."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from decimal import Decimal
from typing import Iterable

from ..core.compact import Compact
from ..core.model import JENIS_BELANJA, Budget, BudgetNode, Loc, Missing, Value, loc_of
from .capaian import Result, capaian
from .findings import HUNDRED, ZERO, Finding
from .periods import quarters_upto

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


def validate_code(kode: str, level: str, parent: str | None = None, loc: Loc | None = None) -> list[Finding]:
    """Check a budget code against Permendagri 90/2019 forms (legacy forms accepted with a warning)."""
    issues: list[Finding] = []
    norm = normalise_code(kode)
    name = LEVEL_LABEL.get(level, level)
    if norm != kode.strip():
        issues.append(Finding("warning", loc, f"kode {name} '{kode}' memakai format lama dengan angka nol di depan; "
                            f"tulis '{norm}'", "kode-lama"))
    if level == "sub_kegiatan" and RE_SUB_LAMA.match(norm):
        issues.append(Finding("warning", loc, f"kode sub kegiatan '{kode}' memakai format lama 2 digit; "
                            "kode sub kegiatan sekarang 4 digit (contoh 7.01.02.2.01.0001)", "kode-lama"))
    elif not _LEVEL_RE[level].match(norm):
        issues.append(Finding("error", loc, f"kode {name} '{kode}' tidak sesuai format (contoh {_LEVEL_EXAMPLE[level]})", "kode-format"))
    if parent is not None and not norm.startswith(normalise_code(parent) + "."):
        issues.append(Finding("error", loc, f"kode {name} '{kode}' tidak diawali kode induknya '{parent}'", "kode-induk"))
    return issues


class _Absorption:
    """Serapan and sisa of anything with ``pagu`` and ``realisasi`` (tree nodes and flat rows alike)."""

    __slots__ = ()  # so the rows below keep to their slots (why slots: core/model.py's docstring)
    pagu: Decimal
    realisasi: Decimal

    @property
    def serapan(self) -> Decimal | None:
        return serapan(self.pagu, self.realisasi)

    @property
    def sisa(self) -> Decimal:
        return self.pagu - self.realisasi


@dataclass(slots=True)
class BudgetResult(_Absorption):
    """One node of the computed budget tree; parents hold sums of their children."""

    level: str
    kode: str
    nama: str
    loc: Loc
    pagu: Decimal
    realisasi: Decimal
    children: list[BudgetResult] = field(default_factory=list)
    #: the pagu before the APBD Perubahan: a leaf's ``pagu_awal`` where written, else its pagu (unchanged); a
    #: parent's the sum of its children's, as its pagu is
    pagu_awal: Decimal = ZERO
    pagu_awal_tertulis: bool = False  # a leaf whose ``pagu_awal`` is written (the DPPA changed its pagu)
    realisasi_tw: dict[str, Decimal] = field(default_factory=dict)
    tanpa_realisasi: list[str] = field(default_factory=list)  # leaf codes whose realisasi is missing
    alasan_realisasi: str = ""  # a leaf's `{tidak_ada: ...}` reason, said when its realisasi is missing
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
    lines: dict[str, int] = field(default_factory=dict)  # the node's key lines (loc_of)

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


def _leaf(node: BudgetNode, issues: list[Finding], periode: str = "tahunan") -> BudgetResult:
    pagu = node.pagu if isinstance(node.pagu, Decimal) else ZERO
    if node.pagu is None:
        issues.append(Finding("error", node.loc, f"{node.kode}: pagu belum diisi (dihitung 0)", "pagu-kosong"))
    real = _leaf_realisasi(node, periode)
    missing = [] if real is not None else [node.kode]
    cap = None
    if node.target is not None and node.realisasi_output is not None:
        cap = capaian(node.target, node.realisasi_output, "positif")
    res = BudgetResult(node.level, node.kode, node.nama, node.loc, pagu, real if real is not None else ZERO,
                       realisasi_tw=dict(sorted(node.realisasi_tw.items())), tanpa_realisasi=missing,
                       capaian_output=cap, lines=node.lines,
                       pagu_awal=pagu if node.pagu_awal is None else node.pagu_awal,
                       pagu_awal_tertulis=node.pagu_awal is not None)
    res.realisasi_tercatat = node.realisasi if isinstance(node.realisasi, Decimal) else None
    if real is None and isinstance(node.realisasi, Missing):
        res.alasan_realisasi = node.realisasi.reason
    return res


def _parent(node: BudgetNode, children: list[BudgetResult], issues: list[Finding]) -> BudgetResult:
    if node.pagu is not None or isinstance(node.realisasi, Decimal):
        issues.append(Finding("warning", loc_of(node, "pagu", "realisasi"), f"{node.kode}: pagu/realisasi pada tingkat induk diabaikan karena "
                            "dihitung dari rinciannya; tulis sebagai pagu_tertulis/realisasi_tertulis bila "
                            "ingin dibandingkan", "nilai-induk"))
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
        pagu_awal=sum((c.pagu_awal for c in children), ZERO),
        children=children, realisasi_tw=dict(sorted(tw.items())),
        tanpa_realisasi=[k for c in children for k in c.tanpa_realisasi], capaian_output=cap, lines=node.lines)


_CHILD_LEVEL = {"program": "kegiatan", "kegiatan": "sub_kegiatan"}


def _codes_twice(program: list[BudgetResult]) -> list[Finding]:
    """A code written twice (a row copied and its code not changed): every table, chart and figure keyed by code
    took one of the two, so the check of figures across the site blamed the program at a page's line 1."""
    first: dict[str, BudgetResult] = {}
    issues = []
    for node in (n for p in program for n in p.walk()):
        code = normalise_code(node.kode)
        if code in first:
            issues.append(Finding("error", loc_of(node, "kode"), f"kode {LEVEL_LABEL.get(node.level, node.level)} "
                                  f"'{node.kode}' sudah dipakai di baris {loc_of(first[code], 'kode').line}; setiap "
                                  "kode anggaran hanya satu kali: ubah kodenya, atau satukan kedua baris",
                                  "kode-ganda"))
        else:
            first[code] = node
    return issues


def budget_node(node: BudgetNode, issues: list[Finding], parent_kode: str | None = None,
                periode: str = "tahunan") -> BudgetResult:
    """Compute one node recursively: validate codes, sum leaves upward, copy stated values for check."""
    issues.extend(validate_code(node.kode, node.level, parent_kode, loc_of(node, "kode")))
    for c in node.children:
        expected = _CHILD_LEVEL.get(node.level)
        if c.level != expected:
            issues.append(Finding("error", c.loc, f"{c.kode}: {LEVEL_LABEL.get(c.level, c.level)} tidak boleh berada di "
                                f"bawah {LEVEL_LABEL.get(node.level, node.level)} {node.kode}", "tingkat-anggaran"))
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


@dataclass(frozen=True, slots=True)
class BudgetRow(_Absorption, Compact):
    """A row of a flat budget table (jenis belanja, kelompok, sasaran, total)."""

    key: str
    label: str
    pagu: Decimal
    realisasi: Decimal
    loc: Loc | None = None
    #: Σ pagu before the APBD Perubahan of the sub kegiatan the row adds up, when a sub kegiatan writes its
    #: ``pagu_awal``; None without one, and for jenis belanja rows typed at file level (no pagu awal there)
    pagu_awal: Decimal | None = None


@dataclass(frozen=True, slots=True)
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
    issues: list[Finding]
    jenis_total: BudgetRow | None = None  # Σ of the jenis belanja rows (equals ``total`` unless only some are given)
    #: Σ pagu before the APBD Perubahan, when a sub kegiatan writes its ``pagu_awal`` (else None: no change recorded,
    #: and every table prints as before)
    pagu_awal: Decimal | None = None

    def nodes(self) -> Iterable[BudgetResult]:
        for p in self.program:
            yield from p.walk()

    def find(self, kode: str) -> BudgetResult | None:
        """The node of a code (legacy padding ignored); the first in tree order if a code repeats (check reports it).

        Looked up once per ``{nilai}`` reference and per audited figure, so the index is built once per report.
        """
        return self._by_code.get(normalise_code(kode))

    @cached_property
    def _by_code(self) -> dict[str, BudgetResult]:
        index: dict[str, BudgetResult] = {}
        for n in self.nodes():
            index.setdefault(normalise_code(n.kode), n)
        return index


def _jenis_rows(budget: Budget, leaves: list[BudgetResult], changed: bool) -> tuple[list[BudgetRow], str]:
    """Jenis belanja rows: as entered in data (then compared with the total by check), else summed from leaves,
    with their pagu awal when the APBD Perubahan is recorded (``changed``): the LRA a finance officer reads sets
    "sebelum perubahan" beside "setelah perubahan" per jenis belanja."""
    if budget.jenis_belanja:
        rows = [BudgetRow(j.jenis, JENIS_LABEL.get(j.jenis, j.jenis), j.pagu, j.realisasi, j.loc)
                for j in budget.jenis_belanja]
        return rows, "data"
    sums: dict[str, list[Decimal]] = {}
    for leaf in leaves:
        if leaf.jenis_belanja:
            acc = sums.setdefault(leaf.jenis_belanja, [ZERO, ZERO, ZERO])
            acc[0] += leaf.pagu
            acc[1] += leaf.realisasi
            acc[2] += leaf.pagu_awal
    if not sums:
        return [], ""
    order = {k: i for i, k in enumerate(_JENIS_ORDER)}
    keys = sorted(sums, key=lambda k: (order.get(k, 99), k))
    return [BudgetRow(k, JENIS_LABEL.get(k, k), sums[k][0], sums[k][1], pagu_awal=sums[k][2] if changed else None)
            for k in keys], "rincian"


def _sum_awal(rows: list[BudgetRow]) -> Decimal | None:
    """Σ pagu awal of rows that all have one (else None: a sum of some would read as the whole's)."""
    if not rows or any(r.pagu_awal is None for r in rows):
        return None
    return sum((r.pagu_awal for r in rows if r.pagu_awal is not None), ZERO)


def _kelompok_rows(rows: list[BudgetRow]) -> list[BudgetRow]:
    """Belanja Operasi (pegawai + barang dan jasa), Belanja Modal, Belanja Lainnya."""
    acc: dict[str, list[Decimal]] = {}
    for r in rows:
        k = JENIS_KELOMPOK.get(r.key, r.label)
        a = acc.setdefault(k, [ZERO, ZERO])
        a[0] += r.pagu
        a[1] += r.realisasi
    return [BudgetRow(k, k, v[0], v[1]) for k, v in acc.items()]


def _sasaran_rows(program: list[BudgetResult], changed: bool) -> list[BudgetRow]:
    """Weighted absorption per sasaran: the highest node carrying a sasaran counts, its children are not re-added;
    with the pagu awal when the APBD Perubahan is recorded (``changed``)."""
    acc: dict[str, list[Decimal]] = {}

    def visit(n: BudgetResult) -> None:
        if n.sasaran:
            a = acc.setdefault(n.sasaran, [ZERO, ZERO, ZERO])
            a[0] += n.pagu
            a[1] += n.realisasi
            a[2] += n.pagu_awal
            return
        for c in n.children:
            visit(c)

    for p in program:
        visit(p)
    return [BudgetRow(k, k, v[0], v[1], pagu_awal=v[2] if changed else None) for k, v in acc.items()]


def pk_pagu_attr(budget: BudgetReport, pk_jenis: str) -> str:
    """Which pagu a Perjanjian Kinerja agreed to: a PK awal was signed on the DPA awal, so where the APBD Perubahan
    changed the budget (``pagu_awal``) its programs' amounts are the pagu awal ("pagu_awal"); a PK Perubahan's, and
    any PK's of a budget recorded unchanged, are the pagu ("pagu"). The PK table printed the DPPA's amounts under
    the PK awal, which agreed to others."""
    return "pagu_awal" if pk_jenis == "awal" and budget.pagu_awal is not None else "pagu"


def budget_change(pagu: Decimal, realisasi: Decimal, lalu: tuple[Decimal, Decimal] | None) -> BudgetChange | None:
    if lalu is None:
        return None
    pl, rl = lalu
    return BudgetChange(pl, rl, pagu - pl, realisasi - rl,
                        (pagu - pl) / pl * HUNDRED if pl else None,
                        (realisasi - rl) / rl * HUNDRED if rl else None,
                        serapan(pl, rl))


def compute_budget(budget: Budget, periode: str = "tahunan") -> BudgetReport:
    """The whole budget: tree with sums, totals, jenis belanja, kelompok, per sasaran and change from last year;
    with the pagu before the APBD Perubahan when any sub kegiatan writes one (``pagu_awal``).

    For a quarterly report (``periode`` tw1..tw4) realisasi means realisasi s.d. TW n (see :func:`_leaf_realisasi`).
    """
    issues: list[Finding] = []
    for p in budget.program:
        if p.level != "program":
            issues.append(Finding("error", p.loc, f"{p.kode}: tingkat teratas anggaran harus program", "tingkat-anggaran"))
    program = [budget_node(p, issues, None, periode) for p in budget.program]
    issues.extend(_codes_twice(program))
    total = BudgetRow("total", "Total", sum((p.pagu for p in program), ZERO),
                      sum((p.realisasi for p in program), ZERO), budget.loc)
    leaves = [n for p in program for n in p.walk() if not n.children]
    changed = any(n.pagu_awal_tertulis for n in leaves)
    jenis, sumber = _jenis_rows(budget, leaves, changed)
    tw: dict[str, Decimal] = {}
    for p in program:
        for q, v in p.realisasi_tw.items():
            tw[q] = tw.get(q, ZERO) + v
    jenis_total = BudgetRow("jenis", "Jumlah belanja", sum((r.pagu for r in jenis), ZERO),
                            sum((r.realisasi for r in jenis), ZERO), pagu_awal=_sum_awal(jenis)) if jenis else None
    return BudgetReport(budget.tahun, program, total, jenis, sumber, _kelompok_rows(jenis),
                        _sasaran_rows(program, changed),
                        budget_change(total.pagu, total.realisasi, budget.tahun_lalu), budget.total_tertulis,
                        dict(sorted(tw.items())), issues, jenis_total,
                        sum((p.pagu_awal for p in program), ZERO) if changed else None)
