"""``lkjip check``: the mistakes real LKjIP reports make that structured input can still contain.

The generator computes every derived number, so its own tables cannot contradict themselves. What remains are
values an author typed (``tertulis``, ``pagu_tertulis`` ... copied from a DPA or an old report), metadata, and
the narrative. Each finding names file and line and, where a number is involved, shows BOTH the stated and the
computed value in id-ID format.

Which findings are errors and which are warnings (``--strict`` turns warnings into errors). The rule: a finding is
an error when the published report itself would be wrong or contradict itself (two entered data sets that disagree,
a scale that cannot classify, data of another year); it is a warning when the published numbers are right because
they are computed, and only a value copied from a source document (``tertulis``) or the metadata disagrees. Such a
warning still names both values, so the author can correct the source document.

=========================  ==========  ==============================================================================
kode                       severity    meaning
=========================  ==========  ==============================================================================
capaian-tertulis           warning     stated capaian differs from the computation (> 0,005 after rounding to 2 dp)
predikat-tertulis          warning     stated predikat differs from the class of the computed capaian
predikat-bukan-skala       warning     stated predikat is not a class of the report's scale
pagu-induk                 warning     stated parent pagu (``pagu_tertulis``) differs from the sum of its children
realisasi-induk            warning     stated parent realisasi differs from the sum of its children
total-tertulis             warning     stated budget total differs from the sum of the programs
jenis-belanja-total        error       Σ jenis belanja (pagu or realisasi) differs from the budget total
jenis-belanja-sebagian     warning     only some sub kegiatan declare a jenis belanja
realisasi-triwulan         error       a sub kegiatan's realisasi differs from the sum of its quarterly realisasi
serapan-lebih              warning     realisasi exceeds pagu
skala                      error       the scale used has a gap, an overlap or no rule above 100 %
skala-tidak-dikenal        error       the report names a scale id that does not exist (default scale used)
triwulan-dibagi            error       a non-additive indicator's quarterly values add up to the annual (any level)
triwulan-tanpa-tahunan     error       quarterly targets without the annual target (annual report; warning quarterly)
triwulan-kurang            error       realisasi (indicator, budget) of some quarters only: no year, no s.d. TW n;
                                       a quarterly report's target by quarter without a quarter its s.d. TW n is
                                       made of (capaian N/A, not the quarters before)
realisasi-anggaran-kosong  error       a budget leaf's realisasi for the period not written ({tidak_ada}): it would add as 0
triwulan-agregasi          error       annual and quarterly values disagree by the aggregation (sum, TW IV, mean)
triwulan-lewat             warning     a quarterly report holds realisasi of a later quarter (not shown, not added)
triwulan-kumulatif         warning     a count's quarters typed as running totals (s.d. TW n): rising, their sum far
                                       above the target's share so far; or only the last quarter so typed
hitungan-negatif           warning     a count ('agregasi: jumlah') below zero
hitungan-pecahan           warning     a count ('agregasi: jumlah', or a unit such as dokumen or orang) or an amount
                                       in Rupiah typed 1.234: a thousands dot YAML reads as a decimal point; its
                                       target, realisasi or Renstra values (kondisi_awal ... target_nasional)
persen-pecahan             warning     a percentage typed as a fraction of one (0.92 beside a target of 90, as a
                                       Percent cell stores it): its capaian a hundred times off; also a Renstra value
satuan-berbeda             error       target and realisasi of different kinds (grade vs number), also for outputs
judul-tahun                warning     the report title names another year than the report's
judul-periode              warning     the report title names another quarter than the report's period
judul-bab-tahun            warning     a chapter's heading or ``judul`` about the report's own period names only an
                                       earlier year ("Capaian Kinerja Tahun 2022" in a 2023 report), not comparing
susunan-laporan            warning     an annual report lacks a part PermenPANRB 53/2014 requires (or the PK in its
                                       Lampiran)
periode-narasi             warning     the text puts figures "s.d. Triwulan n" in a report of another period
target-nol                 warning     target 0: capaian shown as N/A
capaian-janggal            warning     a capaian over 1.000 % (a decimal point lost: 10000 for 100.00)
target-tidak-ada           warning     an indicator of the PK or a Renstra sasaran has no target for the report year
realisasi-kosong           warning     no realisasi for the report period and no stated reason
ttd-sebelum-periode        warning     report signed before its period ends
terbit-sebelum-ttd         warning     publication date earlier than the signing date
pk-tanggal                 warning     the PK dated outside its year (or the year before) or after the report is signed
nip-tanggal                warning     the head's NIP holds a birth date or TMT month that does not exist
pangkat-golongan           warning     the head's pangkat printed beside another golongan's ("Pembina (IV/b)")
tahun-pk                   error       PK of another year than the report's
target-awal                error       a PK Perubahan's changed target (``target_awal``) under a PK awal, of no
                                       indicator, or written twice; warning: equal to the revised target, or
                                       without a reason (its own ``alasan`` or the PK's ``alasan_perubahan``)
tahun-anggaran             error       budget data of another year than the report's
tahun-ikm                  error       IKM of another year (quarterly reports may use the previous year's IKM)
tahun-renstra              warning     the report year outside the Renstra's period (a Renstra not yet replaced)
beda-laporan-lalu          warning     an earlier year's realisasi, target (a number or a grade) or budget total
                                       differs from that year's report on the site (a target of its PK awal or of
                                       the Renstra said as such)
beda-laporan-triwulan      warning     a quarter (or the year) typed again differs from that period's report of the
                                       same year; the year's target or a quarter's still to come changed under the
                                       same PK (its realisasi written or not), a reported quarter's target under any
                                       PK; a target changed by the PK Perubahan from an earlier report's under the PK
                                       awal and not in ``target_awal``, or a ``target_awal`` other than that report's;
                                       a sub kegiatan's pagu changed from an earlier report's and not in ``pagu_awal``,
                                       or a ``pagu_awal`` other than that report's pagu; a PK awal after a report
                                       of the year under the PK Perubahan; two reports of one instansi and one period
instansi-ejaan             warning     one instansi's name or pemda written otherwise in another report of the site (case,
                                       spaces, "Pemkab" for "Pemerintah Kabupaten"): the portal shows two instansi
nama-sebelumnya-tidak-ada  warning     an earlier name (``instansi.nama_sebelumnya``) no report of the site has: no link
                                       between the instansi pages, no comparison with its reports
instansi-jenis             warning     ``instansi.jenis`` names no kind the portal groups by (typed 'kecamtan',
                                       'bappeda'), or a kind other than the instansi's name says (a kecamatan's
                                       laporan.yaml copied for a dinas): the portal compares it with other kinds
nama-sebelumnya-melingkar  error       an earlier name that is the report's own name, or leads back to it through the
                                       earlier names other reports declare
ttd-diketik                warning     a signature (NIP, place and date line) typed in the foreword beside lkjip's
nama-instansi              warning     another instansi named: chapter text and titles, table titles, jabatan, indicators
angka-diketik              warning     a % or Rp amount typed in the narrative equals no computed value (a % also
                                       in words, with "koma"; "100 % indikator mencapai target" against the share
                                       reached, also as a fraction, "sebagian besar", a bound or a range; an amount
                                       also without Rp after a budget word); a capaian, realisasi or target typed in
                                       a sentence about one indicator (its reference or its name) that is not that
                                       indicator's; a capaian typed without "%" after words that state it
                                       ("capaian sasaran 1 sebesar 97,87") read as a percent; the report's average
                                       capaian typed ("rata-rata capaian 97,8 %", also without "%") other than the
                                       computed mean at the decimals typed; the values of "naik dari
                                       A menjadi B" typed about one indicator other than its realisasi (or capaian)
                                       of last year and this year; an amount said of a pagu or realisasi (of the
                                       whole budget, of a program, kegiatan or sub kegiatan by code or name, or "naik
                                       dari Rp A menjadi Rp B") that is none of that figure's; a % said of one
                                       sasaran (id, number, uraian), one indicator (reference, name, id) or one
                                       program's serapan ("capaian sasaran S1 sebesar …") other than its own; so a
                                       capaian typed without "%", a % after a label ("Sasaran 1: …", "- Sasaran 2 —
                                       …"), and the serapan of the whole budget, of a sasaran's row or of any part
predikat-diketik           warning     a predikat typed in a sentence is not the one of the capaian it is about
tabel-diketik              warning     a Markdown table typed (pasted from a Word report) whose rows name indicators or
                                       budget nodes beside a capaian, predikat, pagu or realisasi column: the
                                       ``{tabel}`` block that prints it from the data (``capaian``,
                                       ``perbandingan_tahun``, ``anggaran``); in its rows a capaian, predikat, target,
                                       realisasi, pagu, serapan or sisa other than the data's or the computed one is
                                       ``angka-diketik`` or ``predikat-diketik`` (bare numbers under "(Rp)" or "%" too)
jumlah-diketik             warning     a count of indicators typed in a sentence ("20 dari 22 indikator", also in
                                       words, or said as their number: "4 sasaran dengan 5 indikator", "didukung
                                       oleh 20 indikator") no set has; a count of sasaran reached ("tiga dari empat sasaran
                                       tercapai") the sasaran do not have; a count of programs, kegiatan or sub
                                       kegiatan ("4 program, 12 kegiatan dan 20 sub kegiatan", also in words) in a
                                       sentence about the budget that it does not hold;
                                       "seluruh indikator tercapai", "tidak ada indikator yang belum mencapai target"
                                       where some indicator is not reached (or N/A)
jumlah-tabel               warning     the "Jumlah"/"Total" row of a pasted Markdown table typed with a number in a column
                                       other than the sum of that column's rows above it (accepted: the sum of all
                                       rows, of one level's rows, or read with parent rows; rounding of the decimals
                                       shown; rate, share and average columns not read); also a last row "Jumlah
                                       Penduduk" under parts, a total printed above its rows, and a row whose
                                       "Jumlah"/"L+P" column is not the sum of the counts before it (or "Sisa" not
                                       pagu less realisasi): ``compute/pasted_totals.py``
arah-diketik               warning     "naik dari A menjadi B" typed where B is below A (or "turun" where above); also
                                       in other word orders, beside a `<id>.delta` of the other sign, and "naik 3 poin"
                                       about one indicator whose change from last year is a fall (or none); and "turun
                                       dari 82,85 menjadi 84,82" whose own typed values rise (not ranks or qualities;
                                       in rupiah too, "Rp 2,18 miliar", its scale word read)
selisih-diketik            warning     "naik 3 poin" typed about one indicator whose realisasi (or, said so, capaian)
                                       changed from last year by another amount
tercapai-diketik           warning     "tercapai" typed beside a capaian under 100 %, "belum mencapai target" beside one
                                       of 100 % or more (a reference, or a capaian typed after its word)
terbilang-beda             warning     a number typed in digits and in words in brackets, the two different: "4 (lima)"
format-angka               warning     a number typed in the narrative in a form an Indonesian reader misreads: a
                                       decimal point ("85.32 %", "Rp 1.3 miliar"), commas between thousands
                                       ("Rp 2,455,218,753"), two commas ("71,38,82 %")
isian-contoh               warning     the scaffold's sample values (head, NIP, logo, the IKM's and the sub kegiatan's
                                       numbers), its whole foreword or ikhtisar, or "Tuliskan …" left in the report
isian-salinan              warning     a file ``lkjip new --dari`` carried from an earlier report still holds its
                                       ``disalin_dari`` line: a chapter's old text, estimated dates, budget amounts 0
satuan-campur              warning     a ``{grafik} tren`` of indicators in different units, whatever their sizes
                                       (AKI per 100.000 beside AKB per 1.000, a % beside a count of people): heights
                                       of two measures compared on one axis; 10× apart or more, the smaller line
                                       reads flat too; one chart per unit (``elements/figures.py``); also a
                                       ``{grafik} dataset`` of bars or lines whose ``y`` columns have two declared
                                       units or more (a % beside bayi; stacked, a sum of nothing), said at its ``y``
donat-rasio                warning     a ``{grafik} dataset`` donut of a column of rates, shares, scores or averages
                                       (by its title or ``satuan``, ``datasets.is_rate``): its Jumlah and shares mean
                                       nothing; said at ``jenis: donat``, draw bars (``elements/figures.py``); its
                                       summary says no Jumlah
lisensi-data               warning     situs.yaml names no licence for the open data (``lisensi_data``); said once
kode-format, kode-induk    error       budget code malformed / not starting with its parent's code
kode-ganda                 error       budget code written twice
kode-lama                  warning     legacy budget code form (2-digit sub kegiatan, ``07.01.01``)
tingkat-anggaran           error       program/kegiatan/sub kegiatan nested at the wrong level
pagu-kosong                error       a budget leaf without pagu
pagu-awal                  warning     a sub kegiatan's ``pagu_awal`` (pagu before the APBD Perubahan) equal to its pagu
nilai-induk                warning     pagu/realisasi typed on a parent (ignored; it is computed)
ikm-unsur, ikm-nilai       error       IKM without exactly U1..U9, or an NRR outside 1–4
indikator-tidak-ada        error       PK or sasaran lists an unknown indicator id
efisiensi-metode           error       unknown efficiency method
karakter-tanpa-fon         warning     a character of published text no font of the theme draws (✓ ★ an emoji, 中, a
                                       Word bullet U+F0B7), or a chart's label the chart fonts do not (≥ → there):
                                       the PDF and the charts take it from the building machine's fonts and differ
                                       from machine to machine (``compute/glyphs.py``)
=========================  ==========  ==============================================================================
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from decimal import Decimal
from typing import Iterable, Sequence

from ..core.fmt import (fmt_date, fmt_percent, fmt_rupiah, fmt_value_entered, from_roman, quarter_numeral, roman,
                        round_half_up)
from ..core.model import (JENIS_BELANJA, Budget, CapaianPolicy, Glyphs, Indicator, Loc, Missing, PeriodValues, Report,
                          Value, loc_of)
from .budget import BudgetReport, BudgetResult
from .capaian import Result, capaian
from .findings import Finding, Severity
from .glyphs import check_glyphs
from .jenis_instansi import jenis_problem
from .earlier import check_earlier, check_spelling
from .narrative import (check_carried, check_heading_year, check_narrative_names, check_narrative_period,
                        check_sample_text, check_typed_signature)
from .periods import LATER_QUARTER_FIX, quarters_upto
from .perubahan import check_target_awal
from .report import ComputedReport, IndicatorResult
from .scales import classify_or_none, find_class
from .pasted import check_pasted_tables, claimed_cells, read_pasted
from .pasted_totals import check_typed_totals
from .typed import (check_typed_all_reached, check_typed_average, check_typed_budget_counts, check_typed_counts,
                    check_typed_direction, check_typed_figures_of, check_typed_format, check_typed_numbers,
                    check_typed_predikat, check_typed_sasaran, check_typed_spelled, check_typed_verdict)

TOLERANCE = Decimal("0.005")


def _differs(stated: Decimal, computed: Decimal) -> bool:
    """Compare after rounding both half-up to 2 decimals, with the 0,005 tolerance."""
    return abs(round_half_up(stated, 2) - round_half_up(computed, 2)) > TOLERANCE


def _same_at_stated_precision(stated: Decimal, computed: Decimal) -> bool:
    """Loose match used only for hints: authors often print one decimal (111,1) or truncate."""
    exp = stated.as_tuple().exponent
    places = max(0, -exp) if isinstance(exp, int) else 2
    return round_half_up(computed, places) == stated or not _differs(stated, computed)


def _sort(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.loc.file, f.loc.line, f.kode, f.message))


# ---------------------------------------------------------------------------------------------------------------
# Indicators


def _year_result(ir: IndicatorResult, tahun: int) -> tuple[Result, Value | None, Value | None] | None:
    if tahun == ir.tahun:  # the report's own year: the current (annual or s.d. TW n) result
        return ir.capaian, ir.target, ir.realisasi
    for p in ir.riwayat:
        if p.tahun == tahun:
            return p.capaian, p.target, p.realisasi
    return None


def _formula_hint(ind: Indicator, policy: CapaianPolicy, t: Value | None, r: Value | None,
                  stated: Decimal) -> str:
    """Explain a mismatch caused by an undeclared negative formula (a real LKjIP 2022 used T/R without saying so)."""
    if ind.polaritas != "negatif":
        return ""
    other = "rasio_terbalik" if policy.rumus_negatif == "standar" else "standar"
    alt = capaian(t, r, "negatif", CapaianPolicy(other, policy.hasil_negatif, policy.batas_100), ind.kualitatif)
    if alt.value is not None and _same_at_stated_precision(stated, alt.value):
        if other == "rasio_terbalik":
            return ("; nilai tertulis sesuai rumus rasio terbalik T / R, yang tidak dideklarasikan laporan "
                    "(capaian.rumus_negatif: rasio_terbalik)")
        return "; nilai tertulis sesuai rumus standar (2T − R) / T, sedangkan laporan mendeklarasikan rasio terbalik"
    return ""


def _check_stated_capaian(report: Report, ind: Indicator, ir: IndicatorResult, tahun: int,
                          stated: Decimal, loc: Loc) -> list[Finding]:
    got = _year_result(ir, tahun)
    res, t, r = got if got else (Result(None, reason=f"tidak ada data tahun {tahun}"), None, None)
    value = res.for_average
    if value is None:
        return [Finding("warning", loc, f"{ind.id} tahun {tahun}: capaian tertulis {fmt_percent(stated)}, padahal "
                        f"capaian tidak dapat dihitung ({res.reason})", "capaian-tertulis")]
    if not _differs(stated, value):
        return []
    hint = _formula_hint(ind, report.capaian, t, r, stated)
    shown = "tidak tercapai (0 %)" if res.tidak_tercapai else fmt_percent(value)
    return [Finding("warning", loc, f"{ind.id} tahun {tahun}: capaian tertulis {fmt_percent(stated)} berbeda dengan "
                    f"hasil perhitungan {shown}{hint}", "capaian-tertulis")]


def _check_stated_predikat(computed: ComputedReport, ind: Indicator, ir: IndicatorResult, tahun: int,
                           stated: str, loc: Loc) -> list[Finding]:
    got = _year_result(ir, tahun)
    value = got[0].for_average if got else None
    expected = classify_or_none(computed.scale, value)
    exp_text = expected.label if expected else "tidak dapat dinilai"
    if find_class(computed.scale, stated) is None:
        return [Finding("warning", loc, f"{ind.id} tahun {tahun}: predikat tertulis '{stated}' tidak ada pada skala "
                        f"'{computed.scale.nama}'; hasil perhitungan '{exp_text}'", "predikat-bukan-skala")]
    if expected is None or find_class(computed.scale, stated) is not expected:
        cap = fmt_percent(value) if value is not None else "tidak dapat dihitung"
        return [Finding("warning", loc, f"{ind.id} tahun {tahun}: predikat tertulis '{stated}' berbeda dengan hasil "
                        f"perhitungan '{exp_text}' (capaian {cap}, skala '{computed.scale.nama}')",
                        "predikat-tertulis")]
    return []


def _stated_loc(ind: Indicator, tahun: int, key: str) -> Loc:
    """The line of ``tertulis.<tahun>.<key>`` (block style puts each on its own line), else the year's line."""
    st = ind.tertulis[tahun]
    if f"tertulis.{tahun}.{key}" in ind.lines:
        return loc_of(ind, f"tertulis.{tahun}.{key}")
    return st.loc or ind.loc


def check_stated(report: Report, computed: ComputedReport) -> list[Finding]:
    """Stated capaian/predikat (``tertulis``) against the computation."""
    out: list[Finding] = []
    for iid, ind in report.data.indikator.items():
        ir = computed.indikator.get(iid)
        if ir is None:
            continue
        for tahun in sorted(ind.tertulis):
            st = ind.tertulis[tahun]
            if st.capaian is not None:
                out += _check_stated_capaian(report, ind, ir, tahun, st.capaian, _stated_loc(ind, tahun, "capaian"))
            if st.predikat:
                out += _check_stated_predikat(computed, ind, ir, tahun, st.predikat,
                                              _stated_loc(ind, tahun, "predikat"))
    return out


def _kind(v: Value | None) -> str | None:
    if v is None or isinstance(v, Missing):
        return None
    return "kualitatif" if isinstance(v, str) else "angka"


def _values(pv: PeriodValues | None) -> list[Value]:
    if pv is None:
        return []
    return [v for v in [pv.annual, *pv.quarters.values()] if v is not None]


def check_units(report: Report) -> list[Finding]:
    """Target and realisasi must be of the same kind: grades on the indicator's list, or numbers."""
    out = []
    for iid, ind in report.data.indikator.items():
        expected = "kualitatif" if ind.kualitatif else "angka"
        for tahun in sorted(set(ind.target) | set(ind.realisasi)):
            for label, pv in (("target", ind.target.get(tahun)), ("realisasi", ind.realisasi.get(tahun))):
                kinds = {_kind(v) for v in _values(pv)} - {None}
                wrong = kinds - {expected}
                if wrong:
                    loc = (pv.loc if pv and pv.loc else ind.loc)
                    what = "nilai kualitatif (huruf/kata)" if "kualitatif" in wrong else "angka"
                    should = (f"nilai kualitatif dari daftar {', '.join(ind.kualitatif or [])}"
                              if ind.kualitatif else "angka")
                    out.append(Finding("error", loc, f"{iid} tahun {tahun}: {label} berupa {what}, sedangkan "
                                       f"indikator ini memakai {should}; target dan realisasi harus satuan sama",
                                       "satuan-berbeda"))
    return out


def check_budget_units(report: Report) -> list[Finding]:
    """A sub kegiatan's output target and realisasi must both be numbers or both be grades."""
    b = report.data.anggaran
    if b is None:
        return []
    out = []
    stack = list(b.program)
    while stack:
        n = stack.pop()
        stack.extend(n.children)
        kt, kr = _kind(n.target), _kind(n.realisasi_output)
        if kt and kr and kt != kr:
            out.append(Finding("error", loc_of(n, "realisasi_output"), f"{n.kode}: target keluaran berupa {kt} sedangkan realisasi keluaran "
                               f"berupa {kr}; keduanya harus dalam satuan yang sama", "satuan-berbeda"))
    return out


def check_targets(report: Report, computed: ComputedReport) -> list[Finding]:
    """Zero targets, missing targets of the report year, realisasi not entered: of the PK's indicators and of the
    Renstra sasaran's (one of those without a target was left out of its sasaran's average without a word)."""
    out = []
    tahun = report.tahun
    renstra = report.data.renstra
    sasaran_ids = [i for s in (renstra.all_sasaran() if renstra else []) for i in s.indikator]
    for iid in dict.fromkeys([*computed.pk_indikator, *sasaran_ids]):
        ind, ir = report.data.indikator.get(iid), computed.indikator.get(iid)
        if ind is None or ir is None:
            continue
        pv = ind.target.get(tahun)
        loc = pv.loc if pv and pv.loc else ind.loc
        if pv is None:
            years = ", ".join(str(y) for y in sorted(ind.target)) or "tidak ada"
            renstra = (f"; target Renstra {tahun} ({fmt_value_entered(ind.target_renstra[tahun])}) bukan target "
                       "tahunan PK" if tahun in ind.target_renstra else "")
            out.append(Finding("warning", loc_of(ind, "target", "id"), f"{iid}: tidak ada target tahun {tahun} (target tersedia "
                               f"untuk tahun: {years}{renstra}); tulis di data/indikator.yaml, target: {{{tahun}: …}}, "
                               f"atau di buku kerja (lkjip ekspor) pada baris {iid} tahun {tahun} lembar Nilai Indikator",
                               "target-tidak-ada"))
            continue
        # a negative indicator's target 0 (no findings, no cases) has a capaian: 100 % with realisasi 0; its N/A
        # while the realisasi is missing is the realisasi's, and blaming the target told the author of a sound
        # "0 temuan" target that it could never be measured
        if (isinstance(ir.target, Decimal) and ir.target == 0 and ir.capaian.value is None
                and (ind.polaritas != "negatif" or isinstance(ir.realisasi, Decimal))):
            out.append(Finding("warning", loc, f"{iid}: target {tahun} bernilai 0, sehingga capaian tidak dapat "
                               "dihitung dan ditampilkan sebagai N/A (bukan 0,00 %)", "target-nol"))
        if ir.realisasi is None:
            rloc = ind.realisasi[tahun].loc if tahun in ind.realisasi and ind.realisasi[tahun].loc else None
            out.append(Finding("warning", rloc or loc_of(ind, "realisasi", "id"), f"{iid}: realisasi {tahun} belum diisi; tulis "
                               "{tidak_ada: alasan} bila memang tidak tersedia", "realisasi-kosong"))
    return out


#: A capaian above this (ten times the target) is far more often a typing slip than a result.
_IMPLAUSIBLE = Decimal(1000)


def check_implausible(report: Report, computed: ComputedReport) -> list[Finding]:
    """A capaian over 1.000 %: a realisasi of 10000 where 100.00 was meant (a spreadsheet in Indonesian reads the
    point as a thousands separator) published "10.000,00 % Berhasil" with no word from ``impor`` or ``check``.
    A warning at the realisasi's line: it may be real."""
    out = []
    for iid, ir in computed.indikator.items():
        value = ir.capaian.value
        ind = report.data.indikator.get(iid)
        if value is None or value <= _IMPLAUSIBLE or ind is None:
            continue
        pv = ind.realisasi.get(report.tahun)
        where = pv.loc_of("tahunan") if pv is not None else None
        out.append(Finding("warning", where or loc_of(ind, "realisasi", "id"),
                           f"{iid}: capaian {fmt_percent(value)} (realisasi {fmt_value_entered(ir.realisasi)} atas "
                           f"target {fmt_value_entered(ir.target)}), lebih dari sepuluh kali target; periksa angkanya: titik desimal "
                           "yang hilang (100.00 terbaca 10000) atau satuan yang berbeda dengan targetnya",
                           "capaian-janggal"))
    return out


# ---------------------------------------------------------------------------------------------------------------
# Budget


def _yaml_money(x: Decimal) -> str:
    """An amount as it is written in anggaran.yaml: 100000000, 2500.5 (no thousands separator)."""
    return str(int(x)) if x == x.to_integral_value() else format(x.normalize(), "f")


def _selisih(first: Decimal, second: Decimal) -> str:
    """The difference of two amounts a message names, always the first named minus the second: the written totals'
    message said "tertulis − dihitung" and the jenis belanja one "total − jenis belanja", opposite signs for the
    same kind of sentence."""
    return f"selisih {fmt_rupiah(first - second)}"


def _money_finding(kode: str, what: str, stated: Decimal, computed: Decimal, loc: Loc, code: str,
                   basis: str, parts: str, write: str) -> Finding:
    """A written total that is not the sum of its parts, with what to do: find the part left out or mistyped
    (``parts``), or write the sum (``write``, the key and its place)."""
    return Finding("warning", loc, f"{kode}: {what} tertulis {fmt_rupiah(stated)} berbeda dengan {basis} "
                   f"{fmt_rupiah(computed)} ({_selisih(stated, computed)}); periksa {parts} yang terlewat atau salah "
                   f"ketik, atau bila rinciannya benar, tulis {write.format(_yaml_money(computed))}", code)


#: What to do about a realisasi above its pagu: the APBD does not spend above the DPA, so one of the two is wrong.
_OVER_PAGU = ("; periksa kedua angka: realisasi yang salah ketik, atau pagu sebelum perubahan anggaran (tulis pagu "
              "DPA perubahan)")


def _check_node(n: BudgetResult, periode: str) -> list[Finding]:
    out = []
    basis = "jumlah rinciannya" if n.children else "nilai yang dihitung"
    parts = "kegiatan atau sub kegiatan" if n.level == "program" else "sub kegiatan"
    if n.pagu_tertulis is not None and _differs(n.pagu_tertulis, n.pagu):
        out.append(_money_finding(n.kode, "pagu", n.pagu_tertulis, n.pagu, loc_of(n, "pagu_tertulis"), "pagu-induk",
                                  basis, parts, "pagu_tertulis: {}"))
    if n.realisasi_tertulis is not None and _differs(n.realisasi_tertulis, n.realisasi):
        out.append(_money_finding(n.kode, "realisasi", n.realisasi_tertulis, n.realisasi,
                                  loc_of(n, "realisasi_tertulis"), "realisasi-induk", basis, parts,
                                  "realisasi_tertulis: {}"))
    stated = n.realisasi_tercatat
    upto = quarters_upto(periode)
    if not n.children:
        out += _leaf_period(n, periode)
    if n.pagu_awal_tertulis and n.pagu_awal == n.pagu:
        out.append(Finding("warning", loc_of(n, "pagu_awal"), f"{n.kode}: pagu_awal {fmt_rupiah(n.pagu_awal)} sama "
                           "dengan pagu; pagu_awal hanya ditulis bila APBD Perubahan (DPPA) mengubah pagu sub kegiatan "
                           "ini: hapus baris pagu_awal, atau tulis pagu menurut DPA awal", "pagu-awal"))
    if not n.children and stated is not None and all(q in n.realisasi_tw for q in upto):
        sd = n.realisasi_sd(periode)
        if _differs(stated, sd):
            label = f"s.d. TW {quarter_numeral(periode)}" if periode != "tahunan" else "TW I–IV"
            out.append(Finding("error", loc_of(n, "realisasi"), f"{n.kode}: realisasi {fmt_rupiah(stated)} berbeda dengan "
                               f"jumlah realisasi triwulan {label} {fmt_rupiah(sd)}", "realisasi-triwulan"))
    if n.realisasi > n.pagu:
        out.append(Finding("warning", loc_of(n, "realisasi"), f"{n.kode}: realisasi {fmt_rupiah(n.realisasi)} melebihi pagu "
                           f"{fmt_rupiah(n.pagu)} (lebih {fmt_rupiah(n.realisasi - n.pagu)})"
                           f"{'; periksa sub kegiatan di bawahnya' if n.children else _OVER_PAGU}", "serapan-lebih"))
    return out


def _leaf_period(n: BudgetResult, periode: str) -> list[Finding]:
    """A budget leaf's realisasi for the report's period, written whole: every quarter up to the report's (or, in an
    annual report, the year's figure), and not declared missing (it would be added in as Rp 0)."""
    annual = periode == "tahunan"
    upto = quarters_upto(periode)
    absent = [q for q in upto if q not in n.realisasi_tw]
    given = ", ".join(n.realisasi_tw)
    out = []
    if n.realisasi_tw and absent and annual and n.realisasi_tercatat is None:
        out.append(Finding("error", loc_of(n, "realisasi_tw"), f"{n.kode}: realisasi_tw hanya diisi {given}, tanpa "
                           f"{', '.join(absent)} dan tanpa realisasi setahun; laporan tahunan tidak mengambil sebagian "
                           f"tahun sebagai setahun. Tambahkan {', '.join(absent)} (tulis 0 bila tidak ada belanja), "
                           "atau tulis 'realisasi: ...'", "triwulan-kurang"))
    elif n.realisasi_tw and absent and not annual:  # s.d. TW II was TW I's alone
        tw = quarter_numeral(periode)
        out.append(Finding("error", loc_of(n, "realisasi_tw"), f"{n.kode}: realisasi_tw hanya diisi {given}, tanpa "
                           f"{', '.join(absent)}; realisasi s.d. TW {tw} menjumlahkan semua triwulan sampai TW {tw}. "
                           f"Tambahkan {', '.join(absent)} (tulis 0 bila tidak ada belanja)", "triwulan-kurang"))
    later = [q for q in n.realisasi_tw if q not in upto]
    if later and not annual:  # a TW I report holding TW II: not shown, not added, published in its source files
        out.append(Finding("warning", loc_of(n, f"realisasi_tw.{later[0]}", "realisasi_tw"),
                           f"{n.kode}: realisasi_tw {', '.join(later)} diisi, padahal laporan ini s.d. TW "
                           f"{quarter_numeral(periode)}; nilainya tidak ditampilkan dan tidak dijumlahkan. "
                           f"{LATER_QUARTER_FIX}", "triwulan-lewat"))
    if n.tanpa_realisasi:
        when = "setahun" if annual else f"s.d. TW {quarter_numeral(periode)}"
        why = f" ({n.alasan_realisasi})" if n.alasan_realisasi else ""
        write = "realisasi setahun" if annual else f"realisasi_tw sampai {periode}"
        out.append(Finding("error", loc_of(n, "realisasi"), f"{n.kode}: realisasi {when} tidak tersedia{why}; pagunya "
                           "ikut dijumlahkan, sehingga realisasinya terhitung Rp 0 di tabel, serapan dan total. Tulis "
                           f"{write} (0 bila belum ada belanja)", "realisasi-anggaran-kosong"))
    return out


def _check_totals(b: BudgetReport, source: Budget | None, loc: Loc) -> list[Finding]:
    out = []
    if b.total_tertulis is not None:
        p, r, tloc = b.total_tertulis
        lines = source.lines if source else {}
        ploc, rloc = (Loc(tloc.file, lines.get(f"total_tertulis.{k}", tloc.line)) for k in ("pagu", "realisasi"))
        if p is not None and _differs(p, b.total.pagu):
            out.append(_money_finding("Total anggaran", "pagu", p, b.total.pagu, ploc, "total-tertulis",
                                      "jumlah program", "program atau sub kegiatan", "pagu: {} di total_tertulis"))
        if r is not None and _differs(r, b.total.realisasi):
            out.append(_money_finding("Total anggaran", "realisasi", r, b.total.realisasi, rloc, "total-tertulis",
                                      "jumlah program", "program atau sub kegiatan",
                                      "realisasi: {} di total_tertulis"))
    if b.jenis_belanja:
        sp = sum((j.pagu for j in b.jenis_belanja), Decimal(0))
        sr = sum((j.realisasi for j in b.jenis_belanja), Decimal(0))
        jloc = b.jenis_belanja[0].loc or loc
        sev: Severity = "error" if b.jenis_sumber == "data" else "warning"
        code = "jenis-belanja-total" if b.jenis_sumber == "data" else "jenis-belanja-sebagian"
        fix = ("; perbaiki {what} jenis belanja yang salah di daftar jenis_belanja (jumlahnya harus {total}), atau "
               "{what} sub kegiatan bila yang itu salah")
        if b.jenis_sumber == "rincian":  # summed from the leaves: the fault is a leaf without jenis_belanja
            bare = [n for n in b.nodes() if not n.children and not n.jenis_belanja]
            fix = ""
            if bare:
                jloc = bare[0].loc
                fix = (f"; {len(bare)} sub kegiatan belum memiliki jenis_belanja, yang pertama {bare[0].kode}: "
                       f"tulis jenis_belanja: <jenis> pada setiap sub kegiatan (pilihan: {', '.join(JENIS_BELANJA)})")
        for what, s, t in (("pagu", sp, b.total.pagu), ("realisasi", sr, b.total.realisasi)):
            if _differs(s, t):
                out.append(Finding(sev, jloc, f"jumlah {what} per jenis belanja {fmt_rupiah(s)} berbeda dengan "
                                   f"total {what} program {fmt_rupiah(t)} ({_selisih(s, t)})"
                                   f"{fix.format(what=what, total=fmt_rupiah(t))}", code))
    return out


def check_budget(report: Report, computed: ComputedReport) -> list[Finding]:
    b = computed.anggaran
    if b is None:
        return []
    out: list[Finding] = []
    for n in b.nodes():
        out += _check_node(n, report.periode)
    source = report.data.anggaran
    if source is not None and source.tahun_lalu is not None and source.tahun_lalu[1] > source.tahun_lalu[0]:
        pagu, realisasi = source.tahun_lalu  # last year's, as this year's lines are checked (its change is published)
        out.append(Finding("warning", loc_of(source, "tahun_lalu.realisasi", "tahun_lalu"),
                           f"realisasi tahun lalu {fmt_rupiah(realisasi)} melebihi pagu tahun lalu {fmt_rupiah(pagu)} "
                           f"(lebih {fmt_rupiah(realisasi - pagu)}){_OVER_PAGU}", "serapan-lebih"))
    return out + _check_totals(b, source, source.loc if source else report.loc)


# ---------------------------------------------------------------------------------------------------------------
# Metadata


def period_end(tahun: int, periode: str) -> dt.date:
    """Last day of the reported period: 31 Dec, or the last day of the quarter."""
    if periode == "tahunan":
        return dt.date(tahun, 12, 31)
    month = 3 * (int(periode[-1]))
    nxt = dt.date(tahun + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _period_named(report: Report) -> str:
    """"tahun 2023", "periode Triwulan I 2024" (it said "periode Tahunan 2023")."""
    return report.periode_kalimat if report.periode == "tahunan" else f"periode {report.periode_kalimat}"


def check_dates(report: Report) -> list[Finding]:
    out = []
    end = period_end(report.tahun, report.periode)
    if report.tanggal_ttd < end:
        out.append(Finding("warning", loc_of(report, "penandatanganan.tanggal"), f"laporan ditandatangani {fmt_date(report.tanggal_ttd)}, sebelum "
                           f"{_period_named(report)} berakhir ({fmt_date(end)})",
                           "ttd-sebelum-periode"))
    if report.tanggal_terbit < report.tanggal_ttd:
        out.append(Finding("warning", loc_of(report, "tanggal_terbit"), f"tanggal terbit {fmt_date(report.tanggal_terbit)} lebih awal "
                           f"dari tanggal penandatanganan {fmt_date(report.tanggal_ttd)}", "terbit-sebelum-ttd"))
    pk = report.data.pk
    if pk is not None and isinstance(pk.tanggal, dt.date) and not (
            dt.date(pk.tahun - 1, 1, 1) <= pk.tanggal <= report.tanggal_ttd):  # a PK is signed for its year, before
        out.append(Finding("warning", loc_of(pk, "tanggal"), f"Perjanjian Kinerja {pk.tahun} bertanggal "  # the report
                           f"{fmt_date(pk.tanggal)}, di luar {pk.tahun - 1}–{pk.tahun} atau sesudah laporan "
                           f"ditandatangani ({fmt_date(report.tanggal_ttd)}); periksa tanggalnya", "pk-tanggal"))
    return out


#: PP 99/2000: the pangkat of each golongan ruang, as the signature block prints them ("Pembina Tingkat I (IV/b)").
PANGKAT: dict[str, str] = {
    "I/a": "Juru Muda", "I/b": "Juru Muda Tingkat I", "I/c": "Juru", "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda", "II/b": "Pengatur Muda Tingkat I", "II/c": "Pengatur", "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda", "III/b": "Penata Muda Tingkat I", "III/c": "Penata", "III/d": "Penata Tingkat I",
    "IV/a": "Pembina", "IV/b": "Pembina Tingkat I", "IV/c": "Pembina Utama Muda", "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}
_GOLONGAN = re.compile(r"\b(IV|III|II|I)\s*/\s*([a-eA-E])\b")
_TINGKAT = re.compile(r"\btk\b\.?\s*", re.IGNORECASE)


def _pangkat_name(text: str) -> str:
    """'Pembina Tk. I (IV/b)' -> 'pembina tingkat i': the name without its golongan, spelt out and case folded."""
    name = _GOLONGAN.sub("", text).replace("(", " ").replace(")", " ").replace(",", " ").replace("/", " ")
    return " ".join(_TINGKAT.sub("Tingkat ", name).split()).casefold()


def check_signatory(report: Report) -> list[Finding]:
    """The head's NIP and pangkat as the signature block prints them: a NIP whose birth date or TMT month does not
    exist (a digit typed twice), and a pangkat beside another golongan's ("Pembina (IV/b)": IV/b is Pembina Tingkat
    I). Warnings: a NIP or pangkat outside these rules (PPPK, a TNI/Polri rank) may still be right."""
    out: list[Finding] = []
    head = report.instansi.kepala
    nip = re.sub(r"\D", "", head.nip)
    problem = _nip_problem(nip) if len(nip) == 18 else None
    if problem:
        out.append(Finding("warning", loc_of(report, "instansi.kepala.nip"), f"NIP {head.nip}: {problem}; periksa "
                           "NIP pada SK (8 angka tanggal lahir, 6 angka tahun dan bulan TMT CPNS, 1 angka jenis "
                           "kelamin, 3 angka nomor urut)", "nip-tanggal"))
    found = _GOLONGAN.search(head.pangkat)
    if found:
        golongan = f"{found.group(1)}/{found.group(2).lower()}"
        name = _pangkat_name(head.pangkat)
        named = next((g for g, p in PANGKAT.items() if p.casefold() == name), None)
        if named is not None and named != golongan:
            out.append(Finding("warning", loc_of(report, "instansi.kepala.pangkat"),
                               f"pangkat '{head.pangkat}': {PANGKAT[named]} adalah golongan {named}, bukan {golongan}; "
                               f"tulis '{PANGKAT[golongan]} ({golongan})' atau '{PANGKAT[named]} ({named})'",
                               "pangkat-golongan"))
    return out


def check_jenis(report: Report) -> list[Finding]:
    """``instansi.jenis`` as the portal reads it (``jenis_instansi``): the portal groups and compares instansi by
    their kind, so a jenis it does not know, or one its name contradicts, put the instansi among other kinds."""
    problem = jenis_problem(report.instansi)
    return [Finding("warning", loc_of(report, "instansi.jenis"), problem, "instansi-jenis")] if problem else []


def _nip_problem(nip: str) -> str | None:
    """What cannot be in an 18-digit NIP (PP 43/2007 structure; PPPK writes 21 where the TMT month stands)."""
    try:
        born = dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return f"tanggal lahir {nip[6:8]}-{nip[4:6]}-{nip[0:4]} tidak ada"
    year, month = int(nip[8:12]), int(nip[12:14])
    if not (1 <= month <= 12 or month == 21):
        return f"bulan TMT {month:02d} tidak ada"
    if year < born.year + 18:
        return f"TMT {year} sebelum pemiliknya berumur 18 tahun (lahir {born.year})"
    if nip[14] not in "12":
        return f"angka jenis kelamin {nip[14]} (hanya 1 atau 2)"
    return None


def check_title(report: Report) -> list[Finding]:
    """A year or quarter in the report title other than the report's own (left from the report it was copied from):
    "Triwulan III" over a TW I report was the page's title beside a cover reading TRIWULAN I."""
    out = []
    years = sorted({int(y) for y in re.findall(r"\b(?:19|20)\d{2}\b", report.judul)} - {report.tahun})
    if years:
        shown = ", ".join(str(y) for y in years)
        out.append(Finding("warning", loc_of(report, "judul"), f"judul laporan menyebut tahun {shown}, sedangkan "
                           f"laporan tahun {report.tahun}", "judul-tahun"))
    named = {roman(int(n)) if n.isdigit() else n.upper() for n in _QUARTER_IN_TITLE.findall(report.judul)}
    own = quarter_numeral(report.periode) if report.periode != "tahunan" else None
    wrong = sorted(named - {own}, key=from_roman)
    if wrong:
        period = f"Triwulan {own}" if own else "tahunan"
        out.append(Finding("warning", loc_of(report, "judul"), f"judul laporan menyebut Triwulan {', '.join(wrong)}, "
                           f"sedangkan laporan ini {period} (periode: {report.periode})", "judul-periode"))
    return out


#: The outline PermenPANRB 53/2014 requires of an annual LKjIP, in order: (jenis, bab, its name as printed).
_OUTLINE = (("kata-pengantar", None, "Kata Pengantar"), ("ikhtisar", None, "Ikhtisar Eksekutif"),
            ("bab", "I", "BAB I Pendahuluan"), ("bab", "II", "BAB II Perencanaan Kinerja"),
            ("bab", "III", "BAB III Akuntabilitas Kinerja"), ("bab", "IV", "BAB IV Penutup"),
            ("lampiran", None, "Lampiran"))


def check_outline(report: Report) -> list[Finding]:
    """An annual report without a part PermenPANRB 53/2014 requires, or a Lampiran without the PK.

    With BAB II and the Ikhtisar deleted, a report passed ``check --strict`` and printed a Daftar Isi from BAB I to
    BAB III; an APIP evaluator marks such a report down on its outline alone. A quarterly report has no national
    outline, so it is not held to this one."""
    if report.periode != "tahunan":
        return []
    have = {(c.jenis, _bab_numeral(c.bab) if c.jenis == "bab" else None) for c in report.chapters}
    missing = [name for jenis, bab, name in _OUTLINE if (jenis, bab) not in have]
    todo = ["tambahkan berkas .md-nya (lkjip new membuat kerangkanya; bagian dikenali dari 'jenis' dan 'bab' di "
            "front matter)"] if missing else []
    lampiran = [c for c in report.chapters if c.jenis == "lampiran"]
    if lampiran and not any(_PK_TABLE.search(c.body) for c in lampiran):
        missing.append("tabel Perjanjian Kinerja di Lampiran")
        todo.append(f"tulis tabel ```{{tabel}} pk``` di {lampiran[0].rel}")
    if not missing:
        return []
    what = "; ".join(todo)
    return [Finding("warning", report.loc, f"laporan tahunan ini tidak memuat {', '.join(missing)}; sistematika "
                    "LKjIP (PermenPANRB 53/2014) mewajibkan Kata Pengantar, Ikhtisar Eksekutif, BAB I–IV dan "
                    f"Lampiran berisi Perjanjian Kinerja. {what[0].upper()}{what[1:]}", "susunan-laporan")]


def _bab_numeral(bab: str | None) -> str | None:
    """A BAB's number as the outline writes it: ``bab: 2`` is BAB II (the front matter takes either)."""
    text = (bab or "").strip()
    return roman(int(text)) if text.isdigit() else text.upper() or None


_PK_TABLE = re.compile(r"^\s*(?:`{3,}|~{3,})\s*\{tabel\}\s+pk\s*$", re.M)


#: "Triwulan III", "TW 3", "Triwulan-II" in a report title.
_QUARTER_IN_TITLE = re.compile(r"\b(?:triwulan|tw)[\s-]*(IV|I{1,3}|[1-4])\b", re.I)


def check_years(report: Report) -> list[Finding]:
    out = []
    d, tahun = report.data, report.tahun
    if d.pk and d.pk.tahun != tahun:
        out.append(Finding("error", loc_of(d.pk, "tahun"), f"Perjanjian Kinerja tahun {d.pk.tahun}, sedangkan laporan tahun "
                           f"{tahun}", "tahun-pk"))
    if d.anggaran and d.anggaran.tahun != tahun:
        out.append(Finding("error", loc_of(d.anggaran, "tahun"), f"data anggaran tahun {d.anggaran.tahun}, sedangkan laporan "
                           f"tahun {tahun}", "tahun-anggaran"))
    if d.ikm and d.ikm.tahun != tahun:
        quarterly_ok = report.periode != "tahunan" and d.ikm.tahun == tahun - 1
        if not quarterly_ok:
            out.append(Finding("error", loc_of(d.ikm, "tahun"), f"data IKM tahun {d.ikm.tahun}, sedangkan laporan tahun {tahun}",
                               "tahun-ikm"))
    if d.renstra and d.renstra.awal <= d.renstra.akhir and not d.renstra.awal <= tahun <= d.renstra.akhir:
        out.append(Finding("warning", d.renstra.loc, f"periode Renstra {d.renstra.awal}–{d.renstra.akhir} tidak "
                           f"mencakup tahun laporan {tahun}: target akhir dan kemajuan Renstra diukur terhadap Renstra "
                           "yang sudah berakhir atau belum berlaku; salin data/renstra.yaml dari Renstra yang berlaku "
                           f"untuk {tahun}", "tahun-renstra"))
    return out


def check_scale(report: Report, computed: ComputedReport) -> list[Finding]:
    loc = computed.scale.loc or report.loc
    return [Finding("error", loc, f"skala predikat '{computed.scale.nama}': {p}", "skala")
            for p in computed.scale_problems]


def check_report(report: Report, computed: ComputedReport, known_names: list[str] | None = None,
                 earlier: Sequence[Report] = (), spelled: Sequence[Report] = (),
                 glyphs: Glyphs | None = None) -> list[Finding]:
    """All findings for one report, sorted by file, line and code (deterministic). ``earlier``: the annual reports
    of its instansi of earlier years, computed (``earlier.same_instansi``); ``spelled``: the reports of its instansi
    that write its name or pemda otherwise (``earlier.spelled_otherwise``); ``glyphs``: what the theme's fonts
    draw (``load/glyphs.py``)."""
    findings = [f if f.loc is not None else replace(f, loc=report.loc) for f in computed.issues]
    findings += check_stated(report, computed)
    findings += check_units(report)
    findings += check_budget_units(report)
    findings += check_title(report)
    findings += check_outline(report)
    findings += check_targets(report, computed)
    findings += check_implausible(report, computed)
    findings += check_budget(report, computed)
    findings += check_dates(report)
    findings += check_signatory(report)
    findings += check_jenis(report)
    findings += check_years(report)
    findings += check_target_awal(report, computed)
    findings += check_scale(report, computed)
    findings += check_narrative_names(report, known_names or [])
    findings += check_narrative_period(report)
    findings += check_heading_year(report)
    read = read_pasted(report, computed)
    pasted = check_pasted_tables(read, report, computed)
    findings += pasted
    findings += check_typed_totals((r.table for r in read), {(f.loc.file, f.loc.line) for f in pasted
                                                             if f.kode == "angka-diketik" and f.loc is not None})
    figures, said = check_typed_figures_of(report, computed)
    average, said_average = check_typed_average(report, computed)
    findings += figures + average
    said |= said_average
    findings += check_typed_numbers(report, computed, claimed_cells(read), said)
    findings += check_typed_predikat(report, computed)
    findings += check_typed_counts(report, computed)
    findings += check_typed_spelled(report)
    findings += check_typed_format(report)
    findings += check_typed_sasaran(report, computed)
    findings += check_typed_budget_counts(report, computed)
    findings += check_typed_all_reached(report, computed)
    findings += check_typed_direction(report, computed)
    findings += check_typed_verdict(report, computed)
    findings += check_sample_text(report)
    findings += check_carried(report)
    findings += check_typed_signature(report)
    findings += check_earlier(report, earlier)
    findings += check_spelling(report, spelled)
    findings += check_glyphs(report, glyphs)
    return _sort(findings)
