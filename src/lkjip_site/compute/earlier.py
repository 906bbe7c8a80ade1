"""Last year's figures against last year's report: two reports of one instansi on a site must not disagree.

A report carries earlier years' realisasi and targets (for its comparison table, its trend, its Δ, the capaian of
those years) and last year's budget totals (for the budget's change), typed again from the printed report. When that
report is on the same site, the same figure then stands in two places: IKKI 2023 was 85,32 in the 2024 report and
85,79 in the published 2023 report, and "turun −2,92" was printed where the published figure gives −3,39, without a
word. Each such figure is compared here with the earlier report's own (annual reports of the same instansi and pemda),
and a difference is a warning at the line of the figure typed again, naming the report it differs from.

The same holds within a year (``beda-laporan-triwulan``): each quarterly report of an instansi carries the quarters
before it again, and the annual report the whole year. TW II's copy of TW I's realisasi (2 maternal deaths where the
published TW I said 3), an annual total beside TW IV's s.d. figure, a budget quarter typed again otherwise, were
published silently, three public reports disagreeing about one quarter. Under one PK the quarters' targets still to
come are the PK's too (its Rencana Aksi), and compared as the year's; a grade (predikat "BB") is compared as a
number is, here and with earlier years. A pagu the APBD Perubahan changed is
recorded in ``pagu_awal`` with the pagu the earlier reports printed. Two reports of one instansi and one period
(a TW III folder copied from TW II whose ``periode`` was not changed: the portal listed two "Triwulan II") are said
at the ``periode`` line.

Which reports are one instansi's is read from ``instansi.nama`` and ``instansi.pemda`` as written. One instansi spelt
two ways (``instansi-ejaan``: "Kecamatan SukaMaju" beside "Kecamatan Sukamaju", "Pemkab Banjar" beside "Pemerintah
Kabupaten Banjar", a pemda left to situs.yaml's in one year only) was two instansi on the portal without a word: two
headings on the home page and two choices in the search, its instansi page moved to a longer address the day the
second spelling came, and last year's figures were not compared. It is said at the line of each spelling.

One instansi renamed or merged ("Dinas Pariwisata" became "Dinas Kebudayaan dan Pariwisata") is one unit under two
names when the newer report says so (``instansi.nama_sebelumnya``): its reports are compared with those under the
earlier name, as with its own. An earlier name no report of the site has is a warning (``nama-sebelumnya-tidak-ada``:
a typo links nothing and compares nothing); a name given as its own earlier name, directly or through other reports'
declarations, an error (``nama-sebelumnya-melingkar``: which of the two pages is the newer one is then unknown).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import Iterable, Iterator, Sequence

from ..core.addresses import folded, instansi_slug
from ..core.fmt import fmt_date, fmt_rupiah, fmt_value_entered, quarter_numeral, shown
from ..core.model import PERIOD_ORDER, QUARTERS, Indicator, Loc, Report, Value, loc_of
from ..core.suggest import did_you_mean
from .findings import Finding
from .budget import BudgetResult
from .periods import as_number, cumulative, quarters_upto
from .report import IndicatorResult

CODE = "beda-laporan-lalu"
SAME_YEAR = "beda-laporan-triwulan"
SPELLING = "instansi-ejaan"
UNKNOWN_EARLIER = "nama-sebelumnya-tidak-ada"
EARLIER_CYCLE = "nama-sebelumnya-melingkar"


def same_instansi(reports: Sequence[Report]) -> dict[str, list[Report]]:
    """Per report slug, the reports of its instansi (same pemda, same name) it is compared with: the annual reports
    of earlier years, newest first, then the same year's reports of an earlier or the same period."""
    groups: dict[tuple[str, str], list[Report]] = {}
    for r in reports:
        groups.setdefault(_key(r), []).append(r)
    earlier_of = earlier_names(reports)
    out: dict[str, list[Report]] = {}
    for r in reports:
        group = [p for k in sorted(_reachable(_key(r), earlier_of)) for p in groups.get(k, ())]
        out[r.slug] = (sorted((p for p in group if p.periode == "tahunan" and p.tahun < r.tahun),
                              key=lambda p: (-p.tahun, p.slug))
                       + sorted((p for p in group if p.tahun == r.tahun and p.slug != r.slug
                                 and PERIOD_ORDER.get(p.periode, 0) <= PERIOD_ORDER.get(r.periode, 0)),
                                key=lambda p: (-PERIOD_ORDER.get(p.periode, 0), p.slug)))
    return out


def earlier_names(reports: Iterable[Report]) -> dict[tuple[str, str], set[tuple[str, str]]]:
    """Instansi (its ``_key``) → the instansi its reports name as its earlier names (``instansi.nama_sebelumnya``),
    in the same pemda."""
    out: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for r in reports:
        pemda = _key(r)[0]
        for name in r.instansi.nama_sebelumnya:
            out.setdefault(_key(r), set()).add((pemda, folded(name)))
    return out


def _reachable(start: tuple[str, str], earlier_of: dict[tuple[str, str], set[tuple[str, str]]]) -> set[tuple[str, str]]:
    """``start`` and every instansi that was it before, through any number of renames (a cycle ends the walk)."""
    seen, todo = {start}, [start]
    while todo:
        for k in earlier_of.get(todo.pop(), ()):
            if k not in seen:
                seen.add(k)
                todo.append(k)
    return seen


def check_renames(reports: Sequence[Report], published: Iterable[tuple[str, str]] = ()) -> list[Finding]:
    """Each earlier name (``instansi.nama_sebelumnya``) of every report that names no report of the site (of
    ``reports``, or a version ``published``: (nama, pemda)), or that leads back to the report's own name (itself, or
    through the earlier names other reports declare), at its line."""
    names: dict[str, dict[str, str]] = {}  # pemda key → name key → a name as written
    for nama, pemda in sorted(published):
        names.setdefault(folded(pemda), {}).setdefault(folded(nama), nama.strip())
    declared: dict[tuple[tuple[str, str], tuple[str, str]], str] = {}  # (later, earlier) → the first report saying so
    for r in sorted(reports, key=lambda r: r.slug):
        names.setdefault(_key(r)[0], {}).setdefault(_key(r)[1], r.instansi.nama.strip())
        for name in r.instansi.nama_sebelumnya:
            declared.setdefault((_key(r), (_key(r)[0], folded(name))), r.slug)
    earlier_of = earlier_names(reports)
    out: list[Finding] = []
    for r in reports:
        own, pemda = _key(r), _key(r)[0]
        for i, name in enumerate(r.instansi.nama_sebelumnya):
            loc = loc_of(r, f"instansi.nama_sebelumnya.{i}", "instansi.nama_sebelumnya")
            where = f"instansi.nama_sebelumnya: '{name.strip()}'"
            key = (pemda, folded(name))
            if key == own:
                out.append(Finding("error", loc, f"{where} adalah nama instansi laporan ini sendiri (instansi.nama); "
                                   "tulis di sini nama lama instansi sebelum berganti nama atau bergabung, persis "
                                   "seperti instansi.nama di laporan lamanya, atau hapus butir ini", EARLIER_CYCLE))
                continue
            path = _path(key, own, earlier_of)
            if path is not None:
                steps = [own, *path]
                said = ", ".join(f"'{_shown_name(a, names)}' sebelumnya '{_shown_name(b, names)}'"
                                 for a, b in zip(steps, steps[1:]))
                back = declared.get((steps[-2], steps[-1]), "")
                out.append(Finding("error", loc, f"{where} melingkar: {said}, sehingga tidak jelas nama mana yang "
                                   "lebih baru; tulis nama_sebelumnya hanya di laporan yang memakai nama baru, dan "
                                   f"hapus butir yang keliru: di sini, atau '{_shown_name(steps[0], names)}' di "
                                   f"nama_sebelumnya laporan '{back}'", EARLIER_CYCLE))
                continue
            if key[1] not in names.get(pemda, {}):
                known = [n for k, n in names.get(pemda, {}).items() if k != own[1]]
                out.append(Finding("warning", loc, f"{where}: belum ada laporan instansi bernama itu "
                                   f"({r.instansi.pemda.strip()}) di situs ini, sehingga halaman instansi ini tidak "
                                   "bertaut ke halaman nama lamanya dan angka tahun lalu tidak dibandingkan dengan "
                                   "laporannya; tulis nama lama persis seperti instansi.nama di laporan lamanya"
                                   f"{did_you_mean(name.strip(), known)}, atau hapus butir ini bila laporan itu "
                                   "tidak ada di situs", UNKNOWN_EARLIER))
    return out


def _path(start: tuple[str, str], goal: tuple[str, str],
          earlier_of: dict[tuple[str, str], set[tuple[str, str]]]) -> list[tuple[str, str]] | None:
    """The instansi from ``start`` to ``goal`` (both included) by earlier names, shortest first; None: none leads."""
    before: dict[tuple[str, str], tuple[str, str] | None] = {start: None}
    todo = [start]
    while todo:
        k = todo.pop(0)
        if k == goal:
            path = [k]
            while (prev := before[path[-1]]) is not None:
                path.append(prev)
            return path[::-1]
        for n in sorted(earlier_of.get(k, ())):
            if n not in before:
                before[n] = k
                todo.append(n)
    return None


def _shown_name(key: tuple[str, str], names: dict[str, dict[str, str]]) -> str:
    return names.get(key[0], {}).get(key[1], key[1])


def check_earlier(report: Report, earlier: Iterable[Report]) -> list[Finding]:
    """Every figure of an earlier year or quarter that ``report`` types and an earlier report of its instansi
    computes; another report of its own period."""
    out: list[Finding] = []
    seen: set[tuple[int, str]] = set()
    reverted: list[Finding] = []  # said once, however many earlier reports were under the PK Perubahan
    said: set[tuple[Loc | None, str]] = set()
    for prev in earlier:
        if (prev.tahun, prev.periode) in seen or prev.computed is None:  # two of one period: the first (by slug)
            continue
        seen.add((prev.tahun, prev.periode))
        if prev.tahun < report.tahun:
            out += _indicators(report, prev)
            if prev.tahun == report.tahun - 1:
                out += _budget(report, prev)
        elif prev.periode == report.periode:
            out.append(Finding("warning", loc_of(report, "periode", "tahun"),
                               f"laporan '{prev.slug}' juga laporan {report.periode_kalimat} instansi ini; ubah 'periode' "
                               "bila folder ini salinan laporan sebelumnya, atau 'instansi.nama' bila ini laporan "
                               "instansi lain (situs mendaftar keduanya sebagai periode yang sama), atau hapus salah "
                               "satunya", SAME_YEAR))
        else:
            out += _once(_quarters(report, prev) + _budget_quarters(report, prev), said)
            if not reverted:
                reverted = _pk_reverted(report, prev)
                out += reverted
    return out


def _once(found: list[Finding], said: set[tuple[Loc | None, str]]) -> list[Finding]:
    """Each value of the year said once, against the latest report holding another figure (``check_earlier`` reads
    them newest first): TW III's target typed otherwise beside TW I's and TW II's copy of it was two warnings at one
    line for one fix."""
    out = []
    for f in found:
        key = (f.loc, f.message.partition(", sedangkan ")[0])
        if key not in said:
            said.add(key)
            out.append(f)
    return out


def _pk_reverted(report: Report, prev: Report) -> list[Finding]:
    """A PK awal after an earlier report of the year under the PK Perubahan: once signed, the PK Perubahan is the
    one the rest of the year is measured against.

    The annual report copied from TW II's folder kept ``jenis: awal`` beside a published TW III under the PK
    Perubahan: its PK table called its targets the PK awal's (with the DPA awal's amounts), printed no target awal
    and checked no target against the TW III report, and nothing said the two reports disagreed."""
    pk, theirs = report.data.pk, prev.data.pk
    if pk is None or pk.jenis != "awal" or theirs is None or theirs.jenis != "perubahan":
        return []
    signed = f" (ditandatangani {fmt_date(theirs.tanggal)})" if theirs.tanggal else ""
    return [Finding("warning", loc_of(pk, "jenis", "tahun"), f"data/pk.yaml: PK awal (jenis: awal), {_recorded(prev)} "
                    f"Perjanjian Kinerja Perubahan{signed}; laporan sesudahnya di tahun yang sama diukur dengan PK "
                    "Perubahan itu: tulis 'jenis: perubahan', tanggal PK Perubahan dan target_awal seperti di laporan "
                    "itu, atau bila laporan itu yang keliru, perbaiki dan terbitkan ralatnya", SAME_YEAR)]


def _figure(value: object) -> Decimal | str | None:
    """A target or realisasi as two reports are compared by: a number as printed, a grade (predikat "BB") as capaian
    reads it, letter case and spaces aside; None for one not written or declared missing (nothing to compare).

    Grades were not compared at all: SAKIP "BB" typed as "B" in the next year's report, or a quarter's "A" as "BB"
    in TW III's, changed a published capaian without a word."""
    number = as_number(value)
    if number is not None:
        return shown(number)
    return value.strip().casefold() if isinstance(value, str) else None


def _differs(mine: object, other: object) -> bool:
    a, b = _figure(mine), _figure(other)
    return a is not None and b is not None and a != b


def _same(mine: object, other: object) -> bool:
    """``other`` a value that prints (or, a grade, reads) as ``mine``."""
    a = _figure(mine)
    return a is not None and a == _figure(other)


def _named(prev: Report) -> str:
    """How a message names the report the other figure is in: an earlier year's (always an annual report) by its
    year, "laporan 2023 instansi ini ('…')"; one of the same year by its period, "laporan Triwulan I 2024 …"."""
    period = prev.tahun if prev.periode == "tahunan" else prev.periode_kalimat
    return f"laporan {period} instansi ini ('{prev.slug}')"


def _recorded(prev: Report) -> str:
    return f"sedangkan {_named(prev)} mencatat"


def _fix(value: object = None) -> str:
    """What to write: the same figure (of a grade, the same predikat), or a correction of the other report."""
    same = "nilainya" if isinstance(value, str) else "angkanya"
    return f"; samakan {same}, atau bila laporan itu yang keliru, perbaiki dan terbitkan ralatnya"


def _shared(report: Report, prev: Report) -> Iterator[tuple[str, Indicator, IndicatorResult]]:
    """The indicators of ``report`` that ``prev`` computes in the same unit (one the earlier report did not have, or
    measured in another unit, is not the same figure)."""
    for iid, ind in report.data.indikator.items():
        theirs = prev.computed.indikator.get(iid)
        if theirs is not None and theirs.satuan.strip() == ind.satuan.strip():
            yield iid, ind, theirs


def _quarters(report: Report, prev: Report) -> list[Finding]:
    """Each quarter ``prev`` reported that ``report`` types again; and an annual total against TW IV's s.d. one. The
    targets are compared when the year has no realisasi yet: an indicator measured once a year (IKM) has none in the
    quarterly reports, and its target 75 in TW I and 80 in TW II under one PK passed without a word."""
    out = []
    for iid, ind, theirs in _shared(report, prev):
        pv = ind.realisasi.get(report.tahun)
        by_q = {q.tw: q.realisasi for q in theirs.triwulan}
        for q in quarters_upto(prev.periode) if pv is not None else ():
            mine, other = pv.quarters.get(q), by_q.get(q)
            if _differs(mine, other):
                out.append(Finding("warning", pv.loc_of(q) or ind.loc, f"{iid}: realisasi TW {quarter_numeral(q)} "
                                   f"{report.tahun} tertulis {_as_typed(mine)}, {_recorded(prev)} "
                                   f"{_as_typed(other)}{_fix(mine)}",
                                   SAME_YEAR))
        target = ind.target.get(report.tahun)
        out += _quarter_targets(report, prev, iid, ind)
        mine_t, other_t = target.annual if target else None, theirs.target_tahunan
        if report.computed.pk_jenis == "perubahan" and prev.computed.pk_jenis != "perubahan":
            out += _revised_target(report, prev, iid, ind, mine_t, other_t)
        elif _differs(mine_t, other_t) and report.computed.pk_jenis == prev.computed.pk_jenis:
            # the year's target changes with a PK Perubahan only: TW III's 110.000 beside TW I–II's 120.000 under
            # one PK "awal" rewrote the target the earlier quarters were reported against
            out.append(Finding("warning", (target.loc_of("tahunan") if target else None) or ind.loc,
                               f"{iid}: target {report.tahun} tertulis {_as_typed(mine_t)}, {_recorded(prev)} "
                               f"{_as_typed(other_t)}, dengan Perjanjian Kinerja yang sama; target tahun berjalan "
                               f"hanya berubah dengan PK Perubahan (pk.yaml: jenis: perubahan){_fix(mine_t)}",
                               SAME_YEAR))
        if report.periode == "tahunan" and prev.periode == "tw4" and pv is not None and pv.annual is not None:
            mine, other = pv.annual, theirs.realisasi
            if _differs(mine, other):
                out.append(Finding("warning", pv.loc_of("tahunan") or ind.loc, f"{iid}: realisasi tahun "
                                   f"{report.tahun} tertulis {_as_typed(mine)}, {_recorded(prev)} "
                                   f"{_as_typed(other)} s.d. TW IV{_fix(mine)}", SAME_YEAR))
    return out


def _revised_target(report: Report, prev: Report, iid: str, ind: Indicator, mine: Value | None,
                    other: Value | None) -> list[Finding]:
    """The year's target under the PK Perubahan against a report published under the PK awal: a change must be in
    ``target_awal``, with that report's target.

    A PK Perubahan lowered a target from 100 to 90 in September; the annual report printed 90 only, and the TW I to
    TW III reports, published and permanent, 100: nothing in the annual report said the target had changed, nor
    from what."""
    pk = report.data.pk
    declared = next((t for t in pk.target_awal if t.indikator == iid), None) if pk is not None else None
    if declared is not None:
        if not _differs(declared.target, other):
            return []
        return [Finding("warning", declared.loc, f"target_awal {iid} tertulis {_as_typed(declared.target)}, "
                        f"{_recorded(prev)} target {report.tahun} {_as_typed(other)} menurut PK "
                        f"awal{_fix(declared.target)}",
                        SAME_YEAR)]
    if not _differs(mine, other):
        return []
    target = ind.target.get(report.tahun)
    return [Finding("warning", (target.loc_of("tahunan") if target else None) or ind.loc,
                    f"{iid}: target {report.tahun} tertulis {_as_typed(mine)}, {_recorded(prev)} "
                    f"{_as_typed(other)} menurut PK awal, dan perubahan ini tidak tercatat; tulis di data/pk.yaml "
                    f"'target_awal: [{{indikator: {iid}, target: {_yaml_value(other)}, alasan: …}}]' agar laporan "
                    "menyebut target awal dan alasan perubahannya (tabel perubahan_target)", SAME_YEAR)]


def _yaml_value(x: Value | None) -> str:
    """A number as YAML takes it (a decimal point, no thousands separator), a grade as written, for a line the message
    asks to write."""
    number = as_number(x)
    if number is not None:
        return format(number.normalize(), "f")
    return x.strip() if isinstance(x, str) else "…"


def _as_typed(value: Value | None) -> str:
    """A target or realisasi in a message as the author typed it: a number with its own decimals, a grade quoted
    ('BB'), so that a grade reads as a value in the sentence."""
    return f"'{value.strip()}'" if isinstance(value, str) else fmt_value_entered(value)


def _quarter_targets(report: Report, prev: Report, iid: str, ind: Indicator) -> list[Finding]:
    """Each quarter's target ``prev`` wrote, typed otherwise: one it already reported under any PK, one still to come
    under the same PK.

    A PK Perubahan signed in July changes the year's target and the quarters still to come; TW I's target was what
    the published TW I report measured against. A TW II report whose PK Perubahan lowered TW I's 600 layanan to 500
    raised its own capaian s.d. TW II from 102 % to 111 % without a word. Under one PK the quarters' targets (its
    Rencana Aksi) stand for the whole year: TW III's report typing its own quarter's 750 where TW I's and TW II's
    had 600 was measured against a target no PK set, and only the quarters already reported were compared."""
    target, own = ind.target.get(report.tahun), prev.data.indikator.get(iid)
    theirs = own.target.get(prev.tahun) if own is not None else None
    if target is None or theirs is None:
        return []
    reported = quarters_upto(prev.periode)
    out = []
    for q in QUARTERS:
        mine, other = target.quarters.get(q), theirs.quarters.get(q)
        if not _differs(mine, other):
            continue
        if q in reported:
            why = ("; triwulan itu sudah dilaporkan, dan PK Perubahan hanya mengubah target tahunan dan triwulan "
                   "sesudahnya")
        elif report.computed.pk_jenis == prev.computed.pk_jenis:
            why = (", dengan Perjanjian Kinerja yang sama; target triwulan (rencana aksi) hanya berubah dengan PK "
                   "Perubahan (pk.yaml: jenis: perubahan)")
        else:
            continue  # a PK Perubahan may set the quarters still to come anew
        out.append(Finding("warning", target.loc_of(q) or ind.loc, f"{iid}: target TW {quarter_numeral(q)} "
                           f"{report.tahun} tertulis {_as_typed(mine)}, {_recorded(prev)} {_as_typed(other)}"
                           f"{why}{_fix(mine)}", SAME_YEAR))
    return out


def _budget_quarters(report: Report, prev: Report) -> list[Finding]:
    """Each budget leaf's quarters ``prev`` reported, typed again; an annual realisasi against TW IV's s.d. one."""
    mine_b, theirs_b = report.computed.anggaran, prev.computed.anggaran
    if mine_b is None or theirs_b is None:
        return []
    theirs = {n.kode: n for n in theirs_b.nodes() if not n.children}
    out = []
    for leaf in (n for n in mine_b.nodes() if not n.children):
        other = theirs.get(leaf.kode)
        if other is None:
            continue
        for q in quarters_upto(prev.periode):
            a, b = leaf.realisasi_tw.get(q), other.realisasi_tw.get(q)
            if a is not None and b is not None and a != b:
                out.append(Finding("warning", loc_of(leaf, f"realisasi_tw.{q}", "realisasi_tw", "realisasi"),
                                   f"{leaf.kode}: realisasi TW {quarter_numeral(q)} {fmt_rupiah(a)}, {_recorded(prev)} "
                                   f"{fmt_rupiah(b)}{_fix()}", SAME_YEAR))
        if (report.periode == "tahunan" and prev.periode == "tw4" and not leaf.realisasi_tw
                and leaf.realisasi_tercatat is not None and leaf.realisasi_tercatat != other.realisasi):
            out.append(Finding("warning", loc_of(leaf, "realisasi"), f"{leaf.kode}: realisasi "
                               f"{fmt_rupiah(leaf.realisasi_tercatat)}, {_recorded(prev)} "
                               f"{fmt_rupiah(other.realisasi)} s.d. TW IV{_fix()}", SAME_YEAR))
        out += _pagu_changed(leaf, other, prev)
    return out


def _pagu_changed(leaf: BudgetResult, other: BudgetResult, prev: Report) -> list[Finding]:
    """A sub kegiatan's pagu against an earlier report of the year: the same, or changed by the APBD Perubahan and
    then recorded in ``pagu_awal`` with the pagu that report printed (its own pagu awal, if it wrote one).

    The DPPA cut a pagu in September; the TW I and TW II reports, published and permanent, printed the first one,
    the annual report the new one only: nothing said the budget had changed, nor from what."""
    before = other.pagu_awal if other.pagu_awal_tertulis else other.pagu
    when = " sebelum APBD Perubahan" if other.pagu_awal_tertulis else ""
    if not leaf.pagu_awal_tertulis:
        if other.pagu == leaf.pagu and not other.pagu_awal_tertulis:
            return []
        return [Finding("warning", loc_of(leaf, "pagu"), f"{leaf.kode}: pagu {fmt_rupiah(leaf.pagu)}, "
                        f"{_recorded(prev)} pagu {fmt_rupiah(before)}{when}; "
                        f"bila APBD Perubahan (DPPA) mengubahnya, tulis 'pagu_awal: {_yaml_value(before)}' di bawah "
                        "pagu agar tabel anggaran menyebut pagu awalnya; bila tidak, samakan angkanya, atau bila "
                        "laporan itu yang keliru, perbaiki dan terbitkan ralatnya", SAME_YEAR)]
    if leaf.pagu_awal == before or (other.pagu == leaf.pagu and not other.pagu_awal_tertulis):
        return []  # the pagu awal that report printed, or a report of after the change that recorded none
    return [Finding("warning", loc_of(leaf, "pagu_awal"), f"{leaf.kode}: pagu_awal {fmt_rupiah(leaf.pagu_awal)}, "
                    f"{_recorded(prev)} pagu {fmt_rupiah(before)}{when}{_fix()}", SAME_YEAR)]


def _indicators(report: Report, prev: Report) -> list[Finding]:
    """Each realisasi and target of ``prev``'s year that ``report`` types again, against ``prev``'s own."""
    out = []
    for iid, ind, theirs in _shared(report, prev):
        pv = ind.realisasi.get(prev.tahun)
        mine, other = cumulative(pv, "tahunan", ind.agregasi), theirs.realisasi
        if _differs(mine, other):
            loc = (pv.loc_of("tahunan") or pv.loc if pv else None) or ind.loc
            out.append(Finding("warning", loc, f"{iid}: realisasi {prev.tahun} tertulis {_as_typed(mine)}, "
                               f"{_recorded(prev)} {_as_typed(other)}{_fix(mine)}", CODE))
        out += _earlier_target(report, prev, iid, ind, theirs)
    return out


def _measured(prev: Report, which: str, target: Value | None) -> str:
    """What to write for an earlier year's target taken from another document than the one the year was measured
    with."""
    return (f"; {_named(prev)} mengukur capaian {prev.tahun} dengan target {which} "
            f"{_as_typed(target)}: tulis {_yaml_value(target)}, atau bila laporan itu yang keliru, perbaiki dan "
            "terbitkan ralatnya")


def _earlier_target(report: Report, prev: Report, iid: str, ind: Indicator, theirs: IndicatorResult) -> list[Finding]:
    """An earlier year's target typed again against the target that year's report measured its capaian with.

    A 2024 report typed 2023's target 90 where the 2023 report had 80: its year-comparison table, ``IKU1.capaian@2023``
    and the open data's 2023 row gave a capaian the published report did not, without a word. The year's report
    is the last word on its target: under a PK Perubahan, the revised one (a target of the PK awal, in its
    ``target_awal``, or of the Renstra's yearly targets, typed from another table, is said as such)."""
    tpv = ind.target.get(prev.tahun)
    mine = cumulative(tpv, "tahunan", ind.agregasi, annual_from_quarters=False)
    other = theirs.target_tahunan
    if not _differs(mine, other):
        return []
    loc = (tpv.loc_of("tahunan") or tpv.loc if tpv else None) or ind.loc
    said = f"{iid}: target {prev.tahun} tertulis {_as_typed(mine)}"
    pk = prev.data.pk
    if pk is not None and pk.jenis == "perubahan" and any(
            t.indikator == iid and _same(mine, t.target) for t in pk.target_awal):
        return [Finding("warning", loc, f"{said}, target PK awal{_measured(prev, 'PK Perubahan', other)}", CODE)]
    plan = [own.target_renstra.get(prev.tahun) for own in (ind, prev.data.indikator.get(iid)) if own is not None]
    if any(_same(mine, t) for t in plan):
        return [Finding("warning", loc, f"{said}, target Renstra tahun itu"
                        f"{_measured(prev, 'Perjanjian Kinerja', other)}", CODE)]
    return [Finding("warning", loc, f"{said}, {_recorded(prev)} {_as_typed(other)}{_fix(mine)}", CODE)]


def _budget(report: Report, prev: Report) -> list[Finding]:
    source, theirs = report.data.anggaran, prev.computed.anggaran
    if source is None or source.tahun_lalu is None or theirs is None:
        return []
    out = []
    for n, (what, other) in enumerate((("pagu", theirs.total.pagu), ("realisasi", theirs.total.realisasi))):
        mine: Decimal = source.tahun_lalu[n]
        if other is None or mine == other:
            continue
        loc: Loc = loc_of(source, f"tahun_lalu.{what}", "tahun_lalu")
        out.append(Finding("warning", loc, f"tahun_lalu.{what} {fmt_rupiah(mine)}, sedangkan {_named(prev)} "
                           f"menghitung {what} {fmt_rupiah(other)}{_fix()}", CODE))
    return out


def spelled_otherwise(reports: Sequence[Report]) -> dict[str, list[Report]]:
    """Per report slug, the reports of its instansi (the same name and pemda once case, spaces, dots and the usual
    abbreviations are set aside) that write the name or the pemda otherwise, one per other spelling (by slug)."""
    groups: dict[tuple[str, str], list[Report]] = {}
    for r in sorted(reports, key=lambda r: r.slug):
        groups.setdefault(_loose_key(r), []).append(r)
    out: dict[str, list[Report]] = {}
    for r in reports:
        others: dict[tuple[str, str], Report] = {}
        for p in groups[_loose_key(r)]:
            if _spelling(p) != _spelling(r):
                others.setdefault(_spelling(p), p)
        out[r.slug] = list(others.values())
    return out


def check_spelling(report: Report, others: Iterable[Report]) -> list[Finding]:
    """Each other spelling of ``report``'s instansi (``spelled_otherwise``), said at the line of its own."""
    out: list[Finding] = []
    mine = report.instansi
    for other in others:
        theirs = other.instansi
        if theirs.nama.strip() != mine.nama.strip():
            what = f"instansi.nama '{mine.nama.strip()}' ditulis '{theirs.nama.strip()}'"
            loc = loc_of(report, "instansi.nama")
        elif "instansi.pemda" in report.lines:
            what = f"instansi.pemda '{mine.pemda.strip()}' ditulis '{theirs.pemda.strip()}'"
            loc = loc_of(report, "instansi.pemda")
        else:  # the pemda of situs.yaml: the fix is a line of its own here
            what = (f"pemda instansi ini '{mine.pemda.strip()}' (dari situs.yaml, karena instansi.pemda tidak diisi) "
                    f"ditulis '{theirs.pemda.strip()}'")
            loc = loc_of(report, "instansi.nama", "instansi")
        apart = ["dua judul di beranda"]
        if theirs.nama.strip() != mine.nama.strip():
            apart.append("dua pilihan di pencarian")  # the search lists names, without their pemda
        if _page(other) != _page(report):  # a name in other letter case, or "Martapura-Barat", is still one page
            apart.append("dua halaman instansi")
        if _key(other) != _key(report):  # … which letter case alone leaves compared
            apart.append("angka kedua laporan tidak dibandingkan")
        out.append(Finding("warning", loc, f"{what} di laporan '{other.slug}' ({other.periode_tahun}), instansi yang "
                           f"sama: situs menampilkan keduanya sebagai dua instansi ({_listed(apart)}); tulis nama "
                           "dan pemda persis sama di semua laporan instansi ini", SPELLING))
    return out


def _page(report: Report) -> tuple[str, str]:
    """What the address of a report's instansi page is made of (``core.addresses``): two reports whose names and
    pemdas give the same slugs share a page, whatever else the site holds; any other two never do. The message
    said "dua halaman instansi" of "Kecamatan Martapura-Barat" beside "Kecamatan Martapura Barat", one page."""
    return instansi_slug(report.instansi.nama), instansi_slug(report.instansi.pemda)


def _listed(parts: Sequence[str]) -> str:
    """ "a, b dan c" """
    return ", ".join(parts[:-1]) + " dan " + parts[-1] if len(parts) > 1 else parts[0]


#: Abbreviations of a pemda or an instansi, each written out (after case and dots are set aside).
_WORDS = {"kab": "kabupaten", "kec": "kecamatan", "prov": "provinsi", "pemkab": "kabupaten", "pemkot": "kota",
          "pemprov": "provinsi", "&": "dan"}


def _loose(text: str) -> str:
    words = re.sub(r"[.,]", " ", unicodedata.normalize("NFKC", text).casefold()).replace("&", " & ").split()
    words = [_WORDS.get(w, w) for w in words]
    return " ".join(words[1:] if words[:1] == ["pemerintah"] else words)


def _loose_key(report: Report) -> tuple[str, str]:
    return _loose(report.instansi.nama), _loose(report.instansi.pemda)


def _spelling(report: Report) -> tuple[str, str]:
    return report.instansi.nama.strip(), report.instansi.pemda.strip()


def _key(report: Report) -> tuple[str, str]:
    return folded(report.instansi.pemda), folded(report.instansi.nama)
