"""Computation core: formulas (property-based), the seeds' numbers, budget trees, quarterly, IKM, references.

Seed figures are copied as literals from the three real reports (see the domain guide, section 8); the expected values
were worked out by hand from those literals, not copied from the code's output.
"""

import datetime as dt
import pickle
import re
from decimal import Decimal as D

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from lkjip_site.compute.budget import compute_budget, serapan, validate_code
from lkjip_site.compute.capaian import Result, capaian, mean, mean_capaian, na
from lkjip_site.compute.comparisons import compare_national, delta, kemajuan_renstra, trend
from lkjip_site.compute.datasets import dataset_table
from lkjip_site.compute.efficiency import EFISIENSI, Efficiency, EfficiencyRow, efisiensi, higher_counts
from lkjip_site.compute.ikm import ikm, mutu_ikm
from lkjip_site.compute.jenis_instansi import jenis_problem, kind_of
from lkjip_site.compute.periods import aggregate, cumulative, split_error
from lkjip_site.compute.refs import UnknownReference, lookup
from lkjip_site.compute.report import compute_report, counts_for
from lkjip_site.compute.figures import Counted, count_indicators
from lkjip_site.compute.scales import BUILTIN_SCALES, classify
from lkjip_site.core.fmt import fmt_delta, fmt_entered, fmt_number, fmt_percent, fmt_rupiah
from lkjip_site.elements.figures import chart_efisiensi
from lkjip_site.elements.tables import (number_na_reasons, table_anggaran, table_capaian, table_dataset,
                                       table_efisiensi, table_iku, table_jenis_belanja, table_kinerja_anggaran,
                                       table_nasional, table_perbandingan_tahun, table_renstra,
                                       table_triwulan_indikator)
from lkjip_site.core.model import (
    Budget,
    BudgetNode,
    CapaianPolicy,
    Dataset,
    Ikm,
    IkmElement,
    Indicator,
    Instansi,
    JenisBelanja,
    Loc,
    Missing,
    PeriodValues,
    PerjanjianKinerja,
    Person,
    Renstra,
    Report,
    ReportData,
    Sasaran,
    TargetAwal,
    Tujuan,
)
from lkjip_site.core.numbers import Derived

L = Loc("content/laporan/uji/data/indikator.yaml", 1)
STD = CapaianPolicy()
INV = CapaianPolicy(rumus_negatif="rasio_terbalik")

pos = st.decimals(min_value=D("0.01"), max_value=D(10**6), allow_nan=False, allow_infinity=False, places=2)
nonneg = st.decimals(min_value=D(0), max_value=D(10**6), allow_nan=False, allow_infinity=False, places=2)


# ------------------------------------------------------------------------------------------------ builders

def indicator(iid, target, realisasi, polaritas="positif", tahun=2022, sasaran=None, **kw):
    tgt = {tahun: target if isinstance(target, PeriodValues) else PeriodValues(annual=target)}
    real = {}
    if realisasi is not None:
        real = {tahun: realisasi if isinstance(realisasi, PeriodValues) else PeriodValues(annual=realisasi)}
    real.update(kw.pop("realisasi_lain", {}))
    return Indicator(id=iid, nama=f"Indikator {iid}", satuan=kw.pop("satuan", "nilai"), polaritas=polaritas,
                     loc=L, target=tgt, realisasi=real, sasaran_id=sasaran, **kw)


def report(indicators, sasaran=None, tahun=2022, periode="tahunan", skala="lan", policy=STD, anggaran=None,
           ikm=None, datasets=None, efisiensi="rasio", pk=None):
    data = ReportData(indikator={i.id: i for i in indicators}, anggaran=anggaran, ikm=ikm,
                      datasets=datasets or {}, pk=pk)
    if sasaran:
        sas = [Sasaran(sid, f"Sasaran {sid}", ids, L) for sid, ids in sasaran]
        data.renstra = Renstra(2021, 2026, "Visi", ["Misi"], [Tujuan("T1", "Tujuan", sas, L)], L)
    kepala = Person("Fulan", "Camat", "Pembina (IV/a)", "197001011990031001")
    return Report(slug="uji", folder=None, rel="content/laporan/uji", judul="Uji", tahun=tahun, periode=periode,
                  versi="1.0", tanggal_terbit=dt.date(tahun + 1, 2, 1),
                  instansi=Instansi("Kecamatan Batu Sopang", kepala, "Pemerintah Kabupaten Paser"),
                  tempat_ttd="Batu Sopang", tanggal_ttd=dt.date(tahun + 1, 1, 31),
                  loc=Loc("content/laporan/uji/laporan.yaml", 1), data=data, skala_predikat=skala,
                  capaian=policy, efisiensi=efisiensi)


def leaf(kode, pagu, realisasi, **kw):
    return BudgetNode("sub_kegiatan", kode, f"Sub kegiatan {kode}", L, pagu=D(pagu),
                      realisasi=realisasi if isinstance(realisasi, Missing) else D(realisasi), **kw)


def node(level, kode, children, **kw):
    return BudgetNode(level, kode, f"{level} {kode}", L, children=children, **kw)


def seed002_indicators():
    """Seed 002 Tabel 3.1 (l.530-535): S1 missing, S2 IKM 80->82, S3 crime 20->18 (negative), S4 25->20."""
    return [
        indicator("IKU1", D(65), Missing("Belum ada evaluasi SAKIP dari Inspektorat")),
        indicator("IKU2", D(80), D(82)),
        indicator("IKU3", D(20), D(18), polaritas="negatif"),
        indicator("IKU4", D(25), D(20)),
    ]


SEED002_SASARAN = [("S1", ["IKU1"]), ("S2", ["IKU2"]), ("S3", ["IKU3"]), ("S4", ["IKU4"])]


# ------------------------------------------------------------------------------------------------ capaian

def test_positive_formula():
    r = capaian(D(73), D("84.82"), "positif", STD)
    assert r.formula == "positif"
    assert fmt_percent(r.value) == "116,19 %"  # seed 000 l.380 (table l.338 printed "116")


def test_negative_standard_and_inverse_seed_002():
    std = capaian(D(20), D(18), "negatif", STD)
    inv = capaian(D(20), D(18), "negatif", INV)
    assert std.value == D(110) and std.formula == "negatif_standar"
    assert fmt_number(inv.value, 1) == "111,1" and inv.formula == "negatif_rasio_terbalik"
    assert fmt_percent(inv.value) == "111,11 %"


def test_zero_target_is_na_not_zero():
    r = capaian(D(0), D(5), "positif", STD)
    assert r.value is None and "target 0" in r.reason
    assert capaian(D(0), D(0), "negatif", STD).value == D(100)
    assert capaian(D(0), D(-1), "negatif", STD).value == D(100)
    assert capaian(D(0), D(3), "negatif", STD).value is None


def test_missing_values_keep_the_reason():
    r = capaian(D(65), Missing("Belum ada evaluasi SAKIP"), "positif", STD)
    assert r.value is None and "Belum ada evaluasi SAKIP" in r.reason
    assert "target" in capaian(None, D(1), "positif", STD).reason
    assert "realisasi tidak dilaporkan" in capaian(D(1), None, "positif", STD).reason


def test_negative_result_rules():
    floor = capaian(D(10), D(25), "negatif", CapaianPolicy(hasil_negatif="nol"))
    assert floor.value == 0 and "0 %" in floor.reason
    tt = capaian(D(10), D(25), "negatif", CapaianPolicy(hasil_negatif="tidak_tercapai"))
    assert tt.value is None and tt.tidak_tercapai and tt.for_average == 0
    assert "tidak tercapai" in tt.reason


def test_inverse_ratio_with_zero_realisasi_is_na():
    assert capaian(D(20), D(0), "negatif", INV).value is None


def test_qualitative():
    grades = ["D", "C", "B", "A"]
    assert capaian("B", "A", "positif", STD, grades).value == 100
    assert capaian("B", "B", "positif", STD, grades).value == 100
    c = capaian("B", "C", "positif", STD, grades)
    assert fmt_percent(c.value) == "66,67 %"  # rank 2 / rank 3
    assert capaian("B", "X", "positif", STD, grades).value is None
    assert capaian("B", D(3), "positif", STD, grades).value is None
    assert capaian("B", "A", "positif", STD, None).value is None  # grade without a declared list


@given(t=pos, r1=nonneg, r2=nonneg)
def test_positive_capaian_monotone_in_r(t, r1, r2):
    lo, hi = sorted((r1, r2))
    assert capaian(t, lo, "positif").value <= capaian(t, hi, "positif").value


@given(t=pos, r=nonneg)
def test_negative_standard_equals_200_minus_positive_form(t, r):
    """(2T − R)/T × 100 = 200 − R/T × 100 whenever the result is not negative."""
    neg = capaian(t, r, "negatif", STD)
    posv = capaian(t, r, "positif", STD).value
    if r <= 2 * t:
        assert abs(neg.value - (D(200) - posv)) < D("1e-20")  # equal up to Decimal's 28-digit precision
    else:
        assert neg.value == 0


@given(t=pos, r1=nonneg, r2=nonneg)
def test_negative_capaian_monotone_decreasing(t, r1, r2):
    lo, hi = sorted((r1, r2))
    assert capaian(t, lo, "negatif").value >= capaian(t, hi, "negatif").value


@given(t=pos, r=pos)
def test_inverse_ratio_never_below_standard(t, r):
    """T/R ≥ (2T − R)/T because (R/T − 1)² ≥ 0: the undeclared variant flatters the result."""
    inv = capaian(t, r, "negatif", INV).value
    std = capaian(t, r, "negatif", STD).value
    assert abs(inv * r - t * 100) <= t * 100 * D("1e-25")  # relative: Decimal keeps 28 digits
    assert inv >= std - abs(std) * D("1e-25") - D("1e-25")


@given(st.lists(st.sampled_from(["D", "C", "B", "A"]), min_size=2, max_size=2))
def test_qualitative_range(pair):
    t, r = pair
    grades = ["D", "C", "B", "A"]
    v = capaian(t, r, "positif", STD, grades).value
    assert 0 < v <= 100
    assert (v == 100) == (grades.index(r) >= grades.index(t))


# ------------------------------------------------------------------------------------------------ aggregates

def test_seed_002_average_is_97_87_with_the_declared_inverse_ratio():
    """Printed 97,8 / 97,86 / 97,57 (l.76, l.535, l.1336); the mean of 102,5; 111,11; 80 is 97,87."""
    comp = compute_report(report(seed002_indicators(), SEED002_SASARAN, policy=INV), {}, "lan")
    assert fmt_number(comp.rata_rata) == "97,87"
    assert fmt_number(comp.rata_rata) not in ("97,80", "97,86", "97,57")
    assert comp.sasaran["S1"].capaian is None and comp.sasaran["S1"].terukur == 0  # missing, not 0
    assert comp.predikat_rata_rata.label == "Sangat Berhasil"


def test_seed_002_average_with_the_standard_formula():
    comp = compute_report(report(seed002_indicators(), SEED002_SASARAN), {}, "lan")
    assert fmt_number(comp.rata_rata) == "97,50"  # (102,5 + 110 + 80) / 3
    assert comp.indikator["IKU3"].capaian.value == 110


def test_cap_100_before_averaging():
    comp = compute_report(report(seed002_indicators(), SEED002_SASARAN, policy=CapaianPolicy(batas_100=True)),
                            {}, "lan")
    assert fmt_number(comp.rata_rata) == "93,33"  # (100 + 100 + 80) / 3


def test_mean_per_sasaran_and_counts():
    inds = [indicator("A", D(100), D(100)), indicator("B", D(100), D(50)), indicator("C", D(0), D(4)),
            indicator("D", D(100), D("98.27"))]
    comp = compute_report(report(inds, [("S1", ["A", "B", "C"]), ("S2", ["D"])], skala="banjar"), {}, "lan")
    assert comp.sasaran["S1"].capaian == 75 and comp.sasaran["S1"].terukur == 2  # C (target 0) left out
    assert comp.indikator["D"].predikat.label == "Cukup Berhasil"  # seed 000 l.349 printed "Berhasil"
    assert dict(comp.predikat_jumlah) == {"Berhasil": 1, "Cukup Berhasil": 1, "Kurang Berhasil": 1,
                                          "Tidak Berhasil": 0, "Tidak dapat dinilai": 1}


def test_tidak_tercapai_counts_as_zero_in_average():
    inds = [indicator("A", D(10), D(25), polaritas="negatif"), indicator("B", D(100), D(100))]
    comp = compute_report(report(inds, [("S1", ["A", "B"])], skala="banjar",
                                   policy=CapaianPolicy(hasil_negatif="tidak_tercapai")), {}, "lan")
    assert comp.sasaran["S1"].capaian == 50
    assert comp.indikator["A"].predikat.label == "Tidak Berhasil"
    assert lookup(comp, "A.capaian").formatted() == "tidak tercapai"


def test_a_capaian_table_says_a_tidak_tercapai_entered_its_average_as_zero():
    """A negative result counted 0 % in the average with no note under the table (only its cell said "tidak
    tercapai"); a table without one says nothing of it."""
    inds = [indicator("A", D(10), D(25), polaritas="negatif"), indicator("B", D(100), D(100))]
    r = report(inds, [("S1", ["A", "B"])], skala="banjar", policy=CapaianPolicy(hasil_negatif="tidak_tercapai"))
    r.computed = compute_report(r, {}, "lan")
    notes = table_capaian(r, {}).notes
    assert [n for n in notes if n.startswith("Tidak tercapai:")] == [
        "Tidak tercapai: hasil rumus negatif (realisasi lebih dari dua kali target); dihitung 0 % dalam rata-rata, "
        "menurut aturan laporan ini (hasil_negatif: tidak_tercapai)."]
    assert not [n for n in table_capaian(r, {"indikator": ["B"]}).notes if n.startswith("Tidak tercapai:")]


def test_the_iku_table_lists_the_indicators_marked_iku_also_at_tujuan_level():
    """A dinas marks its IKU (``jenis: iku``), one of them a tujuan's (usia harapan hidup): the IKU table listed every
    PK indicator under "Indikator kinerja utama" and left the tujuan's IKU out. A site marking none keeps the PK's."""
    inds = [indicator("A", D(14), D(16), polaritas="negatif", sasaran="S1", jenis="iku"),
            indicator("B", D(90), D(80), sasaran="S1"), indicator("C", D(60), D(55), sasaran="S2", jenis="iku"),
            indicator("U", D(70), D(71), jenis="iku"), indicator("P", D(100), D(90), jenis="program")]
    r = report(inds, [("S1", ["A", "B"]), ("S2", ["C"])])
    r.data.renstra.tujuan[0].indikator = ["U"]
    r.computed = compute_report(r, {}, "lan")

    def listed(options):
        table = table_iku(r, options)
        return [(c.text for c in row.cells if c.header).__next__() for row in table.body], table.body[0].cells[1].text

    assert listed({}) == (["Indikator A", "Indikator C", "Indikator U"], "Sasaran S1")
    assert listed({"indikator": ["U"]}) == (["Indikator U"], "Indikator tujuan: Tujuan")
    assert listed({"sasaran": ["S2"]})[0] == ["Indikator C"]
    assert listed({"indikator": ["B"]})[0] == ["Indikator B"]
    for i in inds:
        i.jenis = "sasaran"
    assert listed({})[0] == ["Indikator A", "Indikator B", "Indikator C"]  # the PK's: here its sasaran's


@given(st.lists(st.one_of(st.none(), nonneg), min_size=1, max_size=8))
def test_mean_leaves_out_na(values):
    results = [Result(v, "positif") if v is not None else na("x") for v in values]
    got = mean_capaian(results)
    known = [v for v in values if v is not None]
    if not known:
        assert got is None
    else:
        assert min(known) <= got <= max(known)
        capped = mean_capaian(results, cap_100=True)
        assert capped <= got and capped <= 100
        assert capped == mean(min(v, D(100)) for v in known)


# ------------------------------------------------------------------------------------------------ budget

SEED000_PROGRAMS = [  # seed 000 Tabel 3.7: program pagu and realisasi as printed
    ("7.01.01", 2233317579, 2176701753), ("7.01.02", 25300000, 25300000), ("7.01.03", 63128000, 63128000),
    ("7.01.04", 6300000, 6300000), ("7.01.05", 167279000, 167279000), ("7.01.06", 16500000, 16500000),
]


def seed000_budget():
    programs = [node("program", k, [node("kegiatan", f"{k}.2.01", [leaf(f"{k}.2.01.0001", p, r)])])
                for k, p, r in SEED000_PROGRAMS]
    return Budget(2023, programs, L, total_tertulis=(D(2511824579), D(2369772519), L),
                  jenis_belanja=[JenisBelanja("operasi", D(1673801429), D(1564029050), L),
                                 JenisBelanja("modal", D(144440000), D(141570500), L)])


def test_seed_000_program_realisations_sum():
    b = compute_budget(seed000_budget())
    assert b.total.pagu == D(2511824579)            # the seed's stated pagu is right
    assert b.total.realisasi == D(2455208753)       # stated 2.369.772.519 is not the sum
    assert fmt_rupiah(b.total.realisasi) == "Rp 2.455.208.753"
    assert b.issues == []


def test_seed_000_program_1_sub_kegiatan():
    """Program 1's twenty sub kegiatan (Tabel 3.7) add up to the printed pagu; the realisasi is 20.000 more."""
    subs = {"2.01": [(1000800, 1000800), (1800000, 1800000)],
            "2.02": [(1633431429, 1579659100), (39240000, 39240000), (1500000, 1500000)],
            "2.03": [(1000500, 1000500)], "2.05": [(4200000, 3820000)],
            "2.06": [(3820000, 3820000), (9560000, 9560000), (1525000, 1525000), (17376600, 17376600),
                     (3040000, 3040000), (4500000, 4450000), (60321350, 60321350)],
            "2.07": [(71490000, 71490000)], "2.08": [(20660000, 20660000), (4900000, 4900000),
                                                    (175000000, 175000000)],
            "2.09": [(45827900, 44658918), (133124000, 131899485)]}
    keg = [node("kegiatan", f"7.01.01.{k}", [leaf(f"7.01.01.{k}.{i:04d}", p, r) for i, (p, r) in enumerate(v, 1)])
           for k, v in subs.items()]
    prog = node("program", "7.01.01", keg)
    b = compute_budget(Budget(2023, [prog], L))
    p = b.program[0]
    assert p.pagu == D(2233317579)
    assert p.realisasi == D(2176721753)
    assert fmt_percent(p.serapan) == "97,47 %"
    assert b.find("7.01.01.2.06").pagu == D(100142950)


def test_seed_001_program_pagu_and_quarterly_total():
    """Program 07.01.02 printed pagu 18.048.000; its kegiatan add to 36.196.400 (seed 001 l.492)."""
    prog = node("program", "07.01.02", [
        node("kegiatan", "7.01.02.2.02", [leaf("7.01.02.2.02.03", 8811160, 1094500)]),
        node("kegiatan", "7.01.02.2.04", [leaf("7.01.02.2.04.03", 27385240, 0)]),
    ], pagu_tertulis=D(18048000))
    b = compute_budget(Budget(2024, [prog], L))
    assert b.program[0].pagu == D(36196400) and b.program[0].pagu_tertulis == D(18048000)
    kinds = sorted(i.kode for i in b.issues)
    assert kinds == ["kode-lama", "kode-lama", "kode-lama"]  # 07.01.02 and two 2-digit sub kegiatan codes
    # seed 001 l.544: realisasi s.d. TW I of the six programs
    tw1 = [355324449, 1094500, 13588800, 7218000, 18518000, 0]
    assert sum(D(x) for x in tw1) == D(395743749)  # printed 399.943.749


def test_codes():
    assert validate_code("7.01.01.2.01.0006", "sub_kegiatan", "7.01.01.2.01") == []
    assert validate_code("7.01.01", "program") == []
    assert validate_code("7.01.01.2.01", "kegiatan", "7.01.01") == []
    old = validate_code("7.01.01.2.01.06", "sub_kegiatan", "7.01.01.2.01")
    assert [i.severity for i in old] == ["warning"] and "4 digit" in old[0].message
    pad = validate_code("07.01.01", "program")
    assert [i.severity for i in pad] == ["warning"]
    bad = validate_code("7.1.1", "program")
    assert [i.kode for i in bad] == ["kode-format"] and bad[0].severity == "error"
    wrong_parent = validate_code("7.01.02.2.01", "kegiatan", "7.01.01")
    assert [i.kode for i in wrong_parent] == ["kode-induk"]
    assert validate_code("7.01.01.2.01", "kegiatan", "07.01.01") == []  # parent padding normalised


def test_jenis_belanja_kelompok_and_change():
    leaves = [leaf("7.01.01.2.01.0001", 100, 90, jenis_belanja="pegawai"),
              leaf("7.01.01.2.01.0002", 50, 50, jenis_belanja="barang_jasa"),
              leaf("7.01.01.2.01.0003", 30, 15, jenis_belanja="modal")]
    b = compute_budget(Budget(2023, [node("program", "7.01.01", [node("kegiatan", "7.01.01.2.01", leaves)])], L,
                                tahun_lalu=(D(160), D(120))))
    assert b.jenis_sumber == "rincian"
    assert [(r.key, r.pagu, r.realisasi) for r in b.jenis_belanja] == [
        ("pegawai", 100, 90), ("barang_jasa", 50, 50), ("modal", 30, 15)]
    assert [(r.label, r.pagu) for r in b.kelompok] == [("Belanja Operasi", 150), ("Belanja Modal", 30)]
    ch = b.perubahan
    assert ch.selisih_pagu == 20 and ch.selisih_realisasi == 35 and ch.persen_pagu == D("12.5")
    assert ch.serapan_lalu == 75


def test_per_sasaran_absorption_is_weighted():
    """Σreal/Σpagu, not the mean of program percentages (seed 002 Tabel 3.4.2 averaged percentages)."""
    p1 = node("program", "7.01.01", [node("kegiatan", "7.01.01.2.01", [leaf("7.01.01.2.01.0001", 1000, 500)])],
              sasaran="S1")
    p2 = node("program", "7.01.02", [node("kegiatan", "7.01.02.2.01", [leaf("7.01.02.2.01.0001", 10, 10)])],
              sasaran="S1")
    b = compute_budget(Budget(2023, [p1, p2], L))
    row = b.per_sasaran[0]
    assert row.key == "S1" and fmt_percent(row.serapan) == "50,50 %"  # unweighted mean would say 75 %


budget_leaf = st.tuples(st.integers(0, 10**10), st.integers(0, 10**10))


@given(st.lists(st.lists(st.lists(budget_leaf, min_size=1, max_size=4), min_size=1, max_size=3),
                min_size=1, max_size=3))
def test_parent_sum_equals_sum_of_leaves(shape):
    programs = []
    for pi, kegs in enumerate(shape, 1):
        kk = []
        for ki, subs in enumerate(kegs, 1):
            kode = f"7.01.{pi:02d}.2.{ki:02d}"
            kk.append(node("kegiatan", kode, [leaf(f"{kode}.{si:04d}", p, r) for si, (p, r) in enumerate(subs, 1)]))
        programs.append(node("program", f"7.01.{pi:02d}", kk))
    b = compute_budget(Budget(2023, programs, L))
    leaves = [n for n in b.nodes() if not n.children]
    assert b.total.pagu == sum(n.pagu for n in leaves)
    assert b.total.realisasi == sum(n.realisasi for n in leaves)
    for n in b.nodes():
        if n.children:
            assert n.pagu == sum(c.pagu for c in n.children)
            assert n.sisa == n.pagu - n.realisasi
    assert b.issues == []


def test_serapan_seed_002():
    s = serapan(D(6151520858), D(4924825264))
    assert fmt_percent(s) == "80,06 %"  # seed 002 l.92 printed 80,06 % (right)
    assert fmt_number(efisiensi("sisa_anggaran", D(100), s).value) == "19,94"


# ------------------------------------------------------------------------------------------------ trends, renstra

def test_delta_trend_renstra_national():
    ind = indicator("IKM", D(85), D("83.51"), tahun=2023, realisasi_lain={2022: PeriodValues(annual=D("84.75"))},
                    target_akhir=D(90), target_nasional=(D(80), "Target Provinsi"))
    comp = compute_report(report([ind], tahun=2023, skala="banjar"), {}, "lan")
    ir = comp.indikator["IKM"]
    assert ir.delta == D("-1.24") and ir.tren == "turun"   # seed 001 l.522: 84,75 (2022) -> 83,51 (2023)
    assert fmt_percent(ir.capaian.value) == "98,25 %"    # printed 98,24 (truncated)
    assert ir.predikat.label == "Cukup Berhasil"          # printed "Sangat Berhasil"
    assert fmt_percent(ir.kemajuan.value) == "92,79 %"
    assert ir.nasional.status == "memenuhi" and ir.nasional.selisih == D("3.51")
    assert [p.tahun for p in ir.riwayat] == [2022, 2023]
    assert trend(D(0)) == "tetap" and trend(D(1)) == "naik" and trend(None) is None


def test_the_national_target_table_says_each_indicators_unit():
    """AKB's realisasi "16,8" printed against the national target "14" with no unit anywhere in the table: a reader
    could not tell deaths per 1.000 births from a count, nor compare it with AKI's per 100.000 in the next row."""
    inds = [indicator("AKI", D(100), D("98.2"), polaritas="negatif", satuan="per 100.000 kelahiran hidup",
                      target_nasional=(D(183), "RPJMN 2020-2024")),
            indicator("AKB", D(15), D("16.8"), polaritas="negatif", satuan="per 1.000 kelahiran hidup",
                      target_nasional=(D(14), "RPJMN 2020-2024"))]
    r = report(inds)
    r.computed = compute_report(r, {}, "lan")
    table = table_nasional(r, {})
    heads = [c.text for c in table.head[0]]
    assert heads[2] == "Satuan"
    rows = [[c.text for c in row.cells] for row in table.body]
    assert rows[1][1:5] == ["Indikator AKB", "per 1.000 kelahiran hidup", "16,8", "14"]
    assert rows[0][2] == "per 100.000 kelahiran hidup"


def test_a_change_is_written_without_its_sign_where_its_direction_is_a_word():
    """"{nilai}`IKM.tren` sebesar {nilai}`IKM.delta`" printed "turun sebesar -1,24": the direction said twice, once
    as a minus that reads as a double negative. ``selisih`` is the change without its sign, as printed by ``delta``
    (its decimals), and N/A with the same reason where there is no change."""
    ind = indicator("IKM", D(85), D("83.51"), tahun=2023, realisasi_lain={2022: PeriodValues(annual=D("84.75"))})
    comp = compute_report(report([ind], tahun=2023, skala="banjar"), {}, "lan")
    said = [lookup(comp, p).formatted() for p in ("IKM.tren", "IKM.delta", "IKM.selisih")]
    assert said == ["turun", "-1,24", "1,24"]
    alone = compute_report(report([indicator("IKM", D(85), D("83.51"), tahun=2023)], tahun=2023, skala="banjar"),
                           {}, "lan")
    missing, signed = lookup(alone, "IKM.selisih"), lookup(alone, "IKM.delta")
    assert missing.formatted() == "N/A" and missing.value.reason == signed.value.reason


def test_a_change_between_any_two_years_is_a_figure_of_the_model():
    """A trend chart's text says the change over the years it draws and from the year before the last ("naik dari
    41,59 (2022) menjadi 82,4 (2024) (+40,81). Dibanding 2023 (85,32): turun (-2,92)"), which ``delta`` named only
    for the report's year against the one before: ``<id>.delta@<awal>-<akhir>`` names every such change, by the
    year table's rule (its values' decimals), so the text can be marked and audited."""
    ind = indicator("IKKI", D(80), D("82.4"), tahun=2024, realisasi_lain={
        2022: PeriodValues(annual=D("41.59")), 2023: PeriodValues(annual=D("85.32"))})
    comp = compute_report(report([ind], tahun=2024, skala="banjar"), {}, "lan")
    said = [lookup(comp, p).formatted() for p in ("IKKI.delta@2022-2024", "IKKI.delta@2023-2024", "IKKI.delta")]
    assert said == ["40,81", "-2,92", "-2,92"]
    for path, words in (("IKKI.delta@2021-2024", "tidak memiliki data tahun 2021"),
                        ("IKKI.delta@2024-2022", "harus sebelum tahun akhir (2022), mis. IKKI.delta@2022-2024"),
                        ("IKKI.capaian@2022-2024", "hanya untuk perubahan realisasi: tulis IKKI.delta@2022-2024"),
                        ("IKKI.delta@2022-24", "dua tahun hanya untuk perubahan realisasi")):
        with pytest.raises(UnknownReference, match=re.escape(words)):
            lookup(comp, path)


def test_a_negative_indicators_direction_says_what_it_means_in_tables_and_sentences():
    """Complaints rising 4 → 6 were "naik" in Tabel 3.3 and in {nilai}`ADUAN.tren`, as an improving positive
    indicator's rise; a grade's direction is its list's order already."""
    ind = indicator("ADUAN", D(5), D(6), polaritas="negatif", tahun=2024,
                    realisasi_lain={2023: PeriodValues(annual=D(4))})
    up = indicator("NEK", D(5), D(6), tahun=2024, realisasi_lain={2023: PeriodValues(annual=D(4))})
    comp = compute_report(report([ind, up], tahun=2024), {}, "lan")
    assert comp.indikator["ADUAN"].tren == "naik" and comp.indikator["ADUAN"].tren_teks == "naik (memburuk)"
    assert comp.indikator["NEK"].tren_teks == "naik"
    assert lookup(comp, "ADUAN.tren").value == "naik (memburuk)"


def test_a_quarterly_count_has_no_renstra_progress():
    """A TW I report's count of 2 complaints against the five-year end target 3 was "kemajuan 133,33 %"."""
    ind = indicator("ADUAN", PeriodValues(annual=D(5)), PeriodValues(quarters={"tw1": D(2)}), polaritas="negatif",
                    tahun=2024, agregasi="jumlah", target_akhir=D(3))
    level = indicator("NEK", PeriodValues(annual=D(5)), PeriodValues(quarters={"tw1": D(2)}), tahun=2024,
                      agregasi="terakhir", target_akhir=D(3))
    comp = compute_report(report([ind, level], tahun=2024, periode="tw1"), {}, "lan")
    assert comp.indikator["ADUAN"].kemajuan.value is None
    assert "tidak sebanding dengan target akhir Renstra" in comp.indikator["ADUAN"].kemajuan.reason
    assert comp.indikator["NEK"].kemajuan.value is not None  # a level is comparable


def test_a_change_of_derived_figures_is_that_of_the_printed_figures():
    """Two means of quarters print "83,33" and "81,67"; their change printed "+1,67" (the unrounded 1,6667)."""
    now, before = Derived(D(250) / 3), Derived(D(245) / 3)
    assert (fmt_number(now), fmt_number(before), fmt_delta(delta(now, before))) == ("83,33", "81,67", "+1,66")
    assert isinstance(delta(now, before), Derived)
    assert delta(D("85.32"), D("82.4")) == D("2.92")  # entered values keep their exact difference


def test_renstra_negative_analogue():
    r = kemajuan_renstra(D(12), D(10), "negatif")
    assert r.value == D(80)


# ------------------------------------------------------------------------------------------------ efficiency

def test_efficiency_methods():
    # seed 000 Tabel 3.9: capaian 116,19 %, serapan 94,34 % -> 5,66 by method (a)
    a = efisiensi("sisa_anggaran", D("116.19"), D("94.34"))
    assert fmt_number(a.value) == "5,66" and a.label == "efisien"
    assert efisiensi("sisa_anggaran", D(98), D(90)).value is None  # only where C >= 100
    assert efisiensi("sisa_anggaran", D(100), D(100)).label == "cukup efisien"
    b = efisiensi("rasio", D(110), D(100))
    assert b.value == D("1.1") and b.label == "efisien" and b.kind == "number"
    assert efisiensi("rasio", D(90), D(100)).label == "tidak efisien"
    c = efisiensi("selisih", D(100), D(95))
    assert c.value == 5 and c.label == "efisien"
    assert efisiensi("selisih", D(99), D(50)).label == "tidak efisien"
    assert efisiensi("selisih_pita", D(100), D(95)).label == "cukup efisien"   # band edge inclusive
    assert efisiensi("selisih_pita", D(100), D("94.9")).label == "efisien"
    assert efisiensi("selisih_pita", D(90), D("95.1")).label == "tidak efisien"
    with pytest.raises(ValueError):
        efisiensi("lain", D(1), D(1))
    assert all(EFISIENSI[m] for m in ("sisa_anggaran", "rasio", "selisih", "selisih_pita"))


def test_an_efficiency_is_printed_in_its_own_unit():
    """A difference of capaian and serapan printed "19,15 %" beside the band's rule "> 5 poin": it is points, not a
    share; what is left of the pagu is a share of it, and a ratio has no unit."""
    assert efisiensi("selisih_pita", D("116.19"), D("97.04")).formatted() == "19,15 poin"
    assert efisiensi("selisih", D(100), D("104.5")).formatted() == "-4,50 poin"
    assert efisiensi("sisa_anggaran", D("116.19"), D("94.34")).formatted() == "5,66 %"
    assert efisiensi("rasio", D(110), D(100)).formatted() == "1,10"


def printed(x: D) -> D:
    """The figure a reader sees, read back from the printed text ("-1.234,57" -> -1234.57)."""
    return D(fmt_number(x).replace(".", "").replace(",", "."))


@given(c=nonneg, s=pos)
def test_efficiency_pita_labels_partition(c, s):
    """The label agrees with the printed difference and ratio (a difference of 5,004 prints "5,00": cukup efisien)."""
    e = efisiensi("selisih_pita", c, s)
    d = printed(c) - printed(s)  # the difference of the printed figures
    shown = printed(d)
    expected = "efisien" if shown > 5 else "tidak efisien" if shown < -5 else "cukup efisien"
    assert e.label == expected and e.value == d
    r = efisiensi("rasio", c, s)
    assert (r.label == "efisien") == (printed(c / s) > 1)


@pytest.mark.parametrize("method, c, s, label", [
    ("rasio", "99.996", "100", "cukup efisien"),        # ratio 0,99996 prints "1,00"
    ("rasio", "99.4", "100", "tidak efisien"),          # 0,994 prints "0,99"
    ("selisih_pita", "105.004", "100", "cukup efisien"),  # difference prints "5,00"
    ("selisih_pita", "105.005", "100", "efisien"),        # "5,01"
    ("sisa_anggaran", "99.996", "90", "efisien"),       # capaian prints "100,00 %": the method applies
    ("selisih", "99.996", "90", "efisien"),
])
def test_efficiency_judged_as_printed(method, c, s, label):
    assert efisiensi(method, D(c), D(s)).label == label


@pytest.mark.parametrize("method, c, s, value, label", [
    # 100,00 % − 95,00 % printed beside "5,01" and 'efisien' (the unrounded 100,004 − 94,995 = 5,009)
    ("selisih_pita", "100.004", "94.995", "5,00", "cukup efisien"),
    ("selisih", "105.004", "94.995", "10,00", "efisien"),
    # serapan 97,465 % prints "97,47 %"; 100 − 97,465 = 2,535 printed "2,54" beside it
    ("sisa_anggaran", "100", "97.465", "2,53", "efisien"),
    # both print "100,00 %": their difference is 0,00, not the "0,01" of 100,004 − 99,996
    ("selisih", "100.004", "99.996", "0,00", "tidak efisien"),
])
def test_an_efficiency_difference_is_that_of_the_printed_figures(method, c, s, value, label):
    """The efficiency table prints capaian, serapan and their difference in one row: the difference must be the
    printed figures' (an auditor subtracts them), and the band's label is judged on it."""
    e = efisiensi(method, D(c), D(s))
    assert (fmt_number(e.value), e.label) == (value, label)


def test_trend_and_national_status_judged_as_printed():
    """A change printed "0,00" is 'tetap'; a capaian against the national target printed "100,00 %" meets it."""
    assert trend(D("0.004")) == "tetap" and trend(D("-0.004")) == "tetap"
    assert trend(D("0.005")) == "naik" and trend(D("-0.005")) == "turun"
    assert compare_national(D("99.996"), (D(100), "RPJMN"), "positif").status == "memenuhi"
    assert compare_national(D("99.994"), (D(100), "RPJMN"), "positif").status == "belum memenuhi"


def test_efficiency_rows_in_report():
    ind = indicator("IKU1", D(73), D("84.82"), tahun=2023, program="7.01.01")
    b = Budget(2023, [node("program", "7.01.01", [node("kegiatan", "7.01.01.2.01", [
        leaf("7.01.01.2.01.0001", 2511824579, 2369772519)])])], L)
    comp = compute_report(report([ind], tahun=2023, anggaran=b, efisiensi="sisa_anggaran", skala="banjar"), {},
                            "lan")
    row = comp.efisiensi[0]
    assert fmt_percent(row.serapan) == "94,34 %" and fmt_number(row.result.value) == "5,66"
    assert comp.efisiensi_deskripsi.startswith("Metode sisa anggaran")


@given(st.sampled_from(sorted(EFISIENSI)), nonneg, pos, st.sampled_from(["tw1", "tw2", "tw3", "tw4", "tahunan"]))
def test_no_efficiency_verdict_before_the_year_is_whole(method, c, s, periode):
    """Before TW IV the serapan s.d. TW n is of the year's pagu, the capaian of the target s.d. TW n: no value and no
    verdict, with the reason; TW IV and the year are judged as before."""
    e = efisiensi(method, c, s, periode)
    if periode in ("tw1", "tw2", "tw3"):
        n = {"tw1": "I", "tw2": "II", "tw3": "III"}[periode]
        assert e.value is None and e.label == "" and e.formatted() == "N/A"
        assert f"serapan anggaran s.d. TW {n} dihitung terhadap pagu setahun" in e.reason
    else:
        assert e == efisiensi(method, c, s)


def test_a_quarterly_reports_efficiency_is_not_judged_against_the_years_pagu():
    """Seed 001, TW I 2024: P02 met its TW I target (25 of 25: 100 %) with Rp 399.943.749 of Rp 3.558.865.249 spent
    (11,24 %); the efficiency table printed 8,90 "efisien" (rasio), 88,76 % "efisien" (sisa anggaran). N/A with the
    reason in a TW I report, in its table's lettered note and without the chart's sentence naming a method; a TW IV
    report of the same figures is judged."""
    budget = Budget(2024, [node("program", "7.01.02", [node("kegiatan", "7.01.02.2.01", [
        leaf("7.01.02.2.01.0001", 3558865249, Missing("tahun berjalan"),
             realisasi_tw={"tw1": D(399943749), "tw2": D(0), "tw3": D(0), "tw4": D(0)})])], sasaran="S1")], L)
    p02 = indicator("P02", PeriodValues(annual=D(100), quarters={"tw1": D(25), "tw2": D(0), "tw3": D(0),
                                                                 "tw4": D(75)}),
                    PeriodValues(quarters={"tw1": D(25), "tw2": D(0), "tw3": D(0), "tw4": D(75)}), tahun=2024,
                    program="7.01.02", agregasi="jumlah")
    for method in ("rasio", "sisa_anggaran"):
        r = report([p02], sasaran=[("S1", ["P02"])], tahun=2024, periode="tw1", anggaran=budget, efisiensi=method)
        r.computed = compute_report(r, {}, "banjar")
        for row in (*r.computed.efisiensi, *r.computed.efisiensi_sasaran):
            assert row.capaian == 100 and fmt_percent(row.serapan) == "11,24 %"
            assert row.result.value is None and row.result.label == ""
            assert "efisiensi tidak dihitung pada laporan s.d. TW I" in row.result.reason
        cells = [c.text for c in table_efisiensi(r, {}).body[0].cells]
        assert cells[3:] == ["11,24 %", "N/A", "N/A"]
        assert chart_efisiensi(r, {}).options["metode"] is None
    r = report([p02], tahun=2024, periode="tw4", anggaran=budget, efisiensi="rasio")
    r.computed = compute_report(r, {}, "banjar")
    assert fmt_number(r.computed.efisiensi[0].result.value) == "8,90" and chart_efisiensi(r, {}).options["metode"]


@pytest.mark.parametrize("method, shown", [("rasio", "1,23"), ("sisa_anggaran", "5,66 %"),
                                           ("selisih", "21,85 poin"), ("selisih_pita", "21,85 poin")])
def test_an_efficiency_value_is_a_figure_of_the_model_the_table_marks(method, shown):
    """The efficiency table printed its "Nilai efisiensi" unmarked and no ``{nilai}`` path named it, so the audit never
    compared it: each row's value has an id now (``efisiensi.<indikator>.nilai``, ``efisiensi.sasaran.<id>.nilai``),
    looked up as the table prints it ("1,23", "5,66 %", "21,85 poin"), and the cell carries it."""
    ind = indicator("IKU1", D(73), D("84.82"), tahun=2023, program="7.01.01")
    b = Budget(2023, [node("program", "7.01.01", [node("kegiatan", "7.01.01.2.01", [
        leaf("7.01.01.2.01.0001", 2511824579, 2369772519)])], sasaran="S1")], L)
    r = report([ind], sasaran=[("S1", ["IKU1"])], tahun=2023, anggaran=b, efisiensi=method, skala="banjar")
    r.computed = compute_report(r, {}, "banjar")
    for per, path in (({}, "efisiensi.IKU1.nilai"), ({"per": "sasaran"}, "efisiensi.sasaran.S1.nilai")):
        cell = table_efisiensi(r, per).body[0].cells[4]
        assert (cell.text, cell.figure) == (shown, path)
        assert lookup(r.computed, path).formatted() == shown
    with pytest.raises(UnknownReference, match="efisiensi.<id indikator>.nilai.*mungkin maksudnya 'IKU1'"):
        lookup(r.computed, "efisiensi.IKU2.nilai")
    r.periode = "tw1"  # before TW IV: N/A with the reason the cell's title gives
    r.computed = compute_report(r, {}, "banjar")
    ref, cell = lookup(r.computed, "efisiensi.IKU1.nilai"), table_efisiensi(r, {}).body[0].cells[4]
    assert (ref.formatted(), cell.text, cell.figure) == ("N/A", "N/A", "efisiensi.IKU1.nilai")
    assert ref.reason == cell.title and "s.d. TW I" in ref.reason


def test_the_efficiency_charts_counts_are_figures_of_the_model_judged_as_printed():
    """"Pada 9 dari 21 indikator, capaian kinerja lebih tinggi daripada serapan anggaran" counted its own rows, the
    unrounded values compared (97,474 % "higher" than 97,47 %, both printed "97,47 %"), and no id named the counts:
    ``efisiensi[.sasaran].capaian_lebih_tinggi`` and ``….terbandingkan`` do, judged as printed."""
    rows = [EfficiencyRow("A", "A", D("97.474"), D("97.47"), Efficiency(None, "")),
            EfficiencyRow("B", "B", D("97.476"), D("97.47"), Efficiency(None, "")),
            EfficiencyRow("C", "C", None, D("50"), Efficiency(None, ""))]
    assert higher_counts(rows) == (1, 2)
    ind = indicator("IKU1", D(73), D("84.82"), tahun=2023, program="7.01.01")
    b = Budget(2023, [node("program", "7.01.01", [node("kegiatan", "7.01.01.2.01", [
        leaf("7.01.01.2.01.0001", 2511824579, 2369772519)])], sasaran="S1")], L)
    r = report([ind], sasaran=[("S1", ["IKU1"])], tahun=2023, anggaran=b, skala="banjar")
    r.computed = compute_report(r, {}, "banjar")
    said = [lookup(r.computed, p).formatted() for p in ("efisiensi.capaian_lebih_tinggi", "efisiensi.terbandingkan",
                                                         "efisiensi.sasaran.capaian_lebih_tinggi")]
    assert said == ["1", "1", "1"]


# ------------------------------------------------------------------------------------------------ quarterly

def test_aggregate():
    vals = [D(20), None, D(30), Missing("belum")]
    assert aggregate(vals, "jumlah") == 50
    assert aggregate(vals, "terakhir") == 30
    assert aggregate(vals, "rata_rata") == 25
    assert isinstance(aggregate([Missing("x")], "jumlah"), Missing)
    assert aggregate([None], "jumlah") is None


def test_a_sum_over_a_quarter_declared_missing_is_not_known():
    """"tw4: {tidak_ada: ...}" in a count: the year's realisasi is N/A with the author's reason, not TW I–III's sum
    (a missing quarter is no zero); a level or a mean stands on the quarters known."""
    pv = PeriodValues(quarters={"tw1": D(25), "tw2": D(25), "tw3": D(25), "tw4": Missing("data belum diterima")})
    annual = cumulative(pv, "tahunan", "jumlah")
    assert isinstance(annual, Missing)
    assert annual.reason == "triwulan IV tidak tersedia (data belum diterima), sehingga jumlahnya tidak dapat dihitung"
    assert cumulative(pv, "tw3", "jumlah") == 75            # s.d. TW III does not need TW IV
    assert cumulative(pv, "tahunan", "terakhir") == 25 and cumulative(pv, "tahunan", "rata_rata") == 25
    early = PeriodValues(quarters={"tw1": D(10), "tw2": Missing("belum dihitung"), "tw3": D(30)})
    assert isinstance(cumulative(early, "tw3", "jumlah"), Missing)
    assert cumulative(PeriodValues(annual=D(90), quarters=pv.quarters), "tahunan", "jumlah") == 90  # the year given


#: What a value taken from an earlier quarter says wherever it is printed (IKM's TW III survey not done yet).
CARRIED_TW2 = ("realisasi TW III tidak tersedia (survei TW III belum selesai); yang ditampilkan realisasi TW II, nilai "
               "terakhir yang tersedia")


def level_without_tw3(anggaran=None, **kw):
    """A TW III report of a level (``agregasi: terakhir``) whose TW III realisasi is declared missing, its numbers
    read back as the memo stores them."""
    tw3 = Missing("survei TW III belum selesai")
    ind = indicator("IKM", kw.pop("target", D(80)), PeriodValues(quarters={"tw1": kw.pop("tw1", D(81)),
                                                                           "tw2": kw.pop("tw2", D(83)), "tw3": tw3}),
                    tahun=2026, satuan="indeks", agregasi="terakhir", **kw)
    r = report([ind], sasaran=[("S1", ["IKM"])], tahun=2026, periode="tw3", anggaran=anggaran)
    r.computed = pickle.loads(pickle.dumps(compute_report(r, {}, "permendagri-86-2017")))
    return r


def test_a_level_whose_quarter_is_missing_shows_the_last_one_known_and_says_which_everywhere():
    """A TW III report printed TW II's 83 as "Realisasi s.d. TW III" (capaian 103,75 %) with no mark: an auditor read
    it as TW III's. The value stays (the documented rule); the table marks it and its capaian with one lettered note,
    and a ``{nilai}`` of either carries the same note."""
    r = level_without_tw3()
    assert r.computed.indikator["IKM"].realisasi == 83
    table = table_capaian(r, {})
    number_na_reasons(table)
    cells = {c.figure: c for c in table.body[0].cells if c.figure}
    assert (cells["IKM.realisasi"].text, cells["IKM.capaian"].text) == ("83", "103,75 %")
    assert cells["IKM.realisasi"].note == cells["IKM.capaian"].note == 1
    assert table.na_notes == [CARRIED_TW2]
    for path, shown in (("IKM.realisasi", "83"), ("IKM.capaian", "103,75 %"), ("IKM.realisasi@2026", "83"),
                        ("IKM.capaian@2026", "103,75 %")):
        ref = lookup(r.computed, path)
        assert (ref.formatted(), ref.note) == (shown, CARRIED_TW2), path
    # the year-on-year table prints the year so far too
    by_year = table_perbandingan_tahun(r, {})
    number_na_reasons(by_year)
    assert by_year.na_notes[0] == CARRIED_TW2


def test_the_years_level_taken_from_tw_iii_says_so_and_other_values_say_nothing():
    """An annual value made of the quarters with TW IV declared missing is TW III's, said so; a value the quarters
    give in full, a mean, a sum and an N/A carry no such note."""
    pv = PeriodValues(quarters={"tw1": D(81), "tw2": D(83), "tw3": D(84), "tw4": Missing("belum dihitung")})
    ind = indicator("IKM", D(80), pv, tahun=2026, satuan="indeks", agregasi="terakhir")
    r = report([ind], tahun=2026)
    r.computed = compute_report(r, {}, "permendagri-86-2017")
    ref = lookup(r.computed, "IKM.realisasi")
    assert ref.formatted() == "84" and ref.note == ("realisasi TW IV tidak tersedia (belum dihitung); yang ditampilkan "
                                                    "realisasi TW III, nilai terakhir yang tersedia")
    assert lookup(r.computed, "IKM.capaian").note == ref.note
    for agregasi, quarters in (("terakhir", {"tw1": D(81), "tw2": D(83), "tw3": D(84)}),
                               ("rata_rata", pv.quarters), ("jumlah", pv.quarters)):
        other = indicator("X", D(80), PeriodValues(quarters=quarters), tahun=2026, agregasi=agregasi)
        r = report([other], tahun=2026, periode="tw3")
        r.computed = compute_report(r, {}, "permendagri-86-2017")
        assert lookup(r.computed, "X.realisasi").note == "" and lookup(r.computed, "X.capaian").note == ""


def test_a_grade_taken_from_an_earlier_quarter_is_marked_too():
    grades = ["C", "B", "BB", "A"]
    r = level_without_tw3(target="BB", tw1="B", tw2="BB", kualitatif=grades)
    table = table_capaian(r, {})
    number_na_reasons(table)
    cells = {c.figure: c for c in table.body[0].cells if c.figure}
    assert cells["IKM.realisasi"].text == "BB" and cells["IKM.realisasi"].note == 1
    assert table.na_notes == [CARRIED_TW2] and lookup(r.computed, "IKM.realisasi").note == CARRIED_TW2


def test_a_capaian_set_by_a_rule_carries_its_note_into_a_sentence_as_into_the_table():
    """A negative result floored at 0 % had its lettered note in the table, but a ``{nilai}`` printed the bare
    "0,00 %": the sentence now carries the same note (one mechanism for a value that is not the plain figure)."""
    r = report([indicator("ADUAN", D(10), D(25), polaritas="negatif")])
    r.computed = compute_report(r, {}, "permendagri-86-2017")
    ref = lookup(r.computed, "ADUAN.capaian")
    assert (ref.formatted(), ref.note) == ("0,00 %", "hasil rumus negatif, ditetapkan 0 %")


CARRIED_MEAN = ("realisasi TW III tidak tersedia (data TW III belum direkap); yang ditampilkan rata-rata realisasi "
                "TW I–II, triwulan yang tersedia")


def mean_without_tw3(**quarters):
    """A TW III report of a mean (``agregasi: rata_rata``) whose TW III realisasi is declared missing, last year's
    realisasi 88, read back as the memo stores it."""
    pv = PeriodValues(quarters={"tw1": D(85), "tw2": D(90), "tw3": Missing("data TW III belum direkap"), **quarters})
    ind = indicator("TPT", D(90), pv, tahun=2026, satuan="%", agregasi="rata_rata",
                    realisasi_lain={2025: PeriodValues(annual=D(88))})
    r = report([ind], sasaran=[("S1", ["TPT"])], tahun=2026, periode="tw3")
    r.computed = pickle.loads(pickle.dumps(compute_report(r, {}, "permendagri-86-2017")))
    return r


def test_a_mean_missing_a_quarter_says_which_quarters_it_is_of():
    """A TW III report printed TW I–II's mean 87,50 as "Realisasi s.d. TW III" without a word, TW III declared not
    available: the mean stands (the documented rule), and says which quarters it is of wherever it is printed, as a
    level taken from an earlier quarter does (one note: the table's letter, a ``{nilai}``, the capaian's)."""
    r = mean_without_tw3()
    table = table_capaian(r, {})
    number_na_reasons(table)
    cells = {c.figure: c for c in table.body[0].cells if c.figure}
    assert (cells["TPT.realisasi"].text, cells["TPT.capaian"].text) == ("87,50", "97,22 %")  # still a mean's decimals
    assert cells["TPT.realisasi"].note == cells["TPT.capaian"].note == 1 and table.na_notes == [CARRIED_MEAN]
    for path in ("TPT.realisasi", "TPT.capaian"):
        assert lookup(r.computed, path).note == CARRIED_MEAN, path
    gap = mean_without_tw3(tw2=Missing("petugas cuti"), tw3=D(86))  # a quarter missing in between: the two known
    assert lookup(gap.computed, "TPT.realisasi").formatted() == "85,50 %"
    assert lookup(gap.computed, "TPT.realisasi").note == (
        "realisasi TW II tidak tersedia (petugas cuti); yang ditampilkan rata-rata realisasi TW I dan TW III, triwulan "
        "yang tersedia")


def test_the_change_from_last_year_of_a_value_not_of_its_quarter_says_so():
    """"Perubahan 1 · naik" of a level taken from TW II (and "-0,50 · turun" of TW I–II's mean) read as TW III's
    against last year's. Marked with the realisasi's note, not N/A: a level (a mean) is comparable with last year's,
    as its capaian is computed and marked; the change page, the sentences and the table say the same note."""
    r = level_without_tw3(realisasi_lain={2025: PeriodValues(annual=D(82))})
    for path, shown in (("IKM.delta", "1"), ("IKM.selisih", "1"), ("IKM.tren", "naik")):
        ref = lookup(r.computed, path)
        assert (ref.formatted(), ref.note) == (shown, CARRIED_TW2), path
    table = table_perbandingan_tahun(r, {})
    number_na_reasons(table)
    *_, real, change, moved = table.body[0].cells
    assert (real.text, change.text, moved.text) == ("83", "1", "naik")
    assert real.note == change.note == moved.note == 1 and table.na_notes == [CARRIED_TW2]
    mean = mean_without_tw3()
    assert (lookup(mean.computed, "TPT.delta").formatted(), lookup(mean.computed, "TPT.delta").note) == (
        "-0,50", CARRIED_MEAN)
    plain = report([indicator("X", D(80), D(84), tahun=2026, realisasi_lain={2025: PeriodValues(annual=D(82))})],
                   tahun=2026)
    plain.computed = compute_report(plain, {}, "permendagri-86-2017")
    assert [lookup(plain.computed, f"X.{a}").note for a in ("delta", "selisih", "tren")] == ["", "", ""]
    plain_table = table_perbandingan_tahun(plain, {})
    number_na_reasons(plain_table)
    assert plain_table.na_notes == []


def test_cumulative_sd_tw():
    pv = PeriodValues(annual=D(100), quarters={"tw1": D(10), "tw2": D(20), "tw3": D(30), "tw4": D(40)})
    assert cumulative(pv, "tw2", "jumlah") == 30
    assert cumulative(pv, "tw3", "terakhir") == 30
    assert cumulative(pv, "tw3", "rata_rata") == 20
    assert cumulative(pv, "tahunan", "jumlah") == 100
    assert cumulative(PeriodValues(annual=D(85)), "tw1", "terakhir") == 85  # no quarterly target: annual


def test_split_of_non_additive_indicator_is_detected():
    """Seed 002 l.2297: IKM target split 20/20/20/25 (= 85)."""
    split = PeriodValues(annual=D(85), quarters={"tw1": D(20), "tw2": D(20), "tw3": D(20), "tw4": D(25)})
    msg = split_error("IKM", "terakhir", split)
    assert msg and "20 + 20 + 20 + 25 = 85" in msg  # the arithmetic, in the author's own numbers
    level = PeriodValues(annual=D(85), quarters={q: D(85) for q in ("tw1", "tw2", "tw3", "tw4")})
    assert split_error("IKM", "terakhir", level) is None
    assert split_error("DOK", "jumlah", split) is None  # additive indicator: splitting is right


@given(st.lists(st.integers(1, 100), min_size=2, max_size=4))
def test_split_detection_property(parts):
    qs = {q: D(p) for q, p in zip(("tw1", "tw2", "tw3", "tw4"), parts)}
    pv = PeriodValues(annual=D(sum(parts)), quarters=qs)
    assume(len(set(parts)) > 1 or parts[0] != sum(parts))
    assert split_error("X", "rata_rata", pv) is not None
    assert split_error("X", "jumlah", pv) is None


def test_quarterly_report_uses_cumulative_values():
    dok = indicator("DOK", PeriodValues(annual=D(12), quarters={"tw1": D(3), "tw2": D(3), "tw3": D(3), "tw4": D(3)}),
                    PeriodValues(quarters={"tw1": D(2), "tw2": D(4)}), tahun=2024, agregasi="jumlah")
    ikm_ind = indicator("IKM", D(85), PeriodValues(quarters={"tw1": D(80), "tw2": D(84)}), tahun=2024)
    comp = compute_report(report([dok, ikm_ind], tahun=2024, periode="tw2"), {}, "banjar")
    d = comp.indikator["DOK"]
    assert d.target == 6 and d.realisasi == 6 and d.capaian.value == 100
    assert [q.tw for q in d.triwulan] == ["tw1", "tw2"]
    assert d.triwulan[0].capaian.value == D(2) / D(3) * 100
    i = comp.indikator["IKM"]
    assert i.target == 85 and i.realisasi == 84
    assert lookup(comp, "DOK.realisasi").formatted() == "6"  # entered precision: a count of documents


def test_a_target_s_d_tw_n_without_its_quarter_is_not_the_quarters_before():
    """A TW III report whose targets were written for TW I–II only (copied from the report before): TW I–III's
    9 documents were held against TW I–II's target 6 (150 %, the year's pace gives 100 %), a level's 85 against TW
    II's target 80 (106,25 %), without a word. Now N/A, saying the quarter, and an error at the year's target line."""
    dok = indicator("DOK", PeriodValues(annual=D(12), quarters={"tw1": D(3), "tw2": D(3)}, loc=Loc("f.yaml", 7)),
                    PeriodValues(quarters={"tw1": D(3), "tw2": D(3), "tw3": D(3)}), tahun=2024, agregasi="jumlah")
    nil = indicator("NIL", PeriodValues(annual=D(90), quarters={"tw1": D(70), "tw2": D(80)}, loc=Loc("f.yaml", 17)),
                    PeriodValues(quarters={"tw1": D(70), "tw2": D(80), "tw3": D(85)}), tahun=2024)
    comp = compute_report(report([dok, nil], tahun=2024, periode="tw3"), {}, "banjar")
    for iid in ("DOK", "NIL"):
        ir = comp.indikator[iid]
        assert ir.capaian.value is None and isinstance(ir.target, Missing), ir.target
        assert ir.capaian.reason == ("target tidak tersedia: TW III tidak ditulis, sehingga nilai s.d. TW III tidak "
                                     "diketahui")
        assert ir.triwulan[1].capaian.value == 100  # s.d. TW II stands on TW I–II
    found = [(i.loc, i.severity) for i in comp.issues if i.kode == "triwulan-kurang"]
    assert found == [(Loc("f.yaml", 7), "error"), (Loc("f.yaml", 17), "error")]
    # a level needs its own quarter only; the annual target stands where no quarter is written
    late = indicator("LVL", PeriodValues(annual=D(90), quarters={"tw3": D(85)}), PeriodValues(quarters={
        "tw1": D(80), "tw2": D(82), "tw3": D(85)}), tahun=2024)
    whole = indicator("ANN", D(90), PeriodValues(quarters={"tw1": D(80), "tw2": D(82), "tw3": D(85)}), tahun=2024)
    comp = compute_report(report([late, whole], tahun=2024, periode="tw3"), {}, "banjar")
    assert comp.indikator["LVL"].capaian.value == 100 and comp.indikator["ANN"].target == 90
    assert not [i for i in comp.issues if i.kode == "triwulan-kurang"]


@given(st.sampled_from(["tw1", "tw2", "tw3", "tw4"]), st.lists(st.one_of(st.none(), st.integers(0, 50)),
                                                             min_size=4, max_size=4),
       st.lists(st.integers(0, 50), min_size=4, max_size=4))
def test_a_count_s_d_tw_n_is_held_against_its_whole_target_so_far_or_none(periode, targets, realised):
    """Whatever target quarters are written, a count's capaian s.d. TW n is its realisasi against the sum of the
    target of every quarter up to n, or N/A with an error naming the quarter left out; never against some of them."""
    qs = ("tw1", "tw2", "tw3", "tw4")
    upto = qs[:qs.index(periode) + 1]
    written = {q: D(t) for q, t in zip(qs, targets) if t is not None}
    assume(written)
    dok = indicator("DOK", PeriodValues(annual=D(sum(t or 0 for t in targets) or 1), quarters=written),
                    PeriodValues(quarters={q: D(r) for q, r in zip(upto, realised)}), tahun=2024, agregasi="jumlah")
    comp = compute_report(report([dok], tahun=2024, periode=periode), {}, "banjar")
    ir = comp.indikator["DOK"]
    complete = all(q in written for q in upto)
    left_out = [i for i in comp.issues if i.kode == "triwulan-kurang"]
    if complete:
        assert ir.target == sum((written[q] for q in upto), D(0)) and not left_out
    else:
        assert ir.capaian.value is None and isinstance(ir.target, Missing)
        assert len(left_out) == 1 and left_out[0].severity == "error"
        assert all(q in left_out[0].message for q in upto if q not in written)


def test_split_issue_in_report():
    ind = indicator("IKM", PeriodValues(annual=D(85), quarters={"tw1": D(20), "tw2": D(20), "tw3": D(20),
                                                                "tw4": D(25)}, loc=Loc("f.yaml", 7)),
                    D(80), tahun=2022)
    comp = compute_report(report([ind]), {}, "lan")
    issues = [i for i in comp.issues if i.kode == "triwulan-dibagi"]
    assert len(issues) == 1 and issues[0].loc == Loc("f.yaml", 7) and issues[0].severity == "error"


def test_a_score_in_points_is_not_split_by_quarters_as_a_count():
    """NEK in "poin" declared agregasi jumlah and split 18/18/18/19 = 73 passed: a level, not a count."""
    ind = indicator("NEK", PeriodValues(annual=D(73), quarters={"tw1": D(18), "tw2": D(18), "tw3": D(18),
                                                                "tw4": D(19)}, loc=Loc("f.yaml", 7)),
                    D(80), tahun=2022, satuan="poin", agregasi="jumlah")
    comp = compute_report(report([ind]), {}, "lan")
    assert [i.kode for i in comp.issues if i.kode == "triwulan-dibagi"] == ["triwulan-dibagi"]


# ------------------------------------------------------------------------------------------------ IKM

def ikm_data(values, tahun=2023):
    return Ikm(tahun, [IkmElement(f"U{i}", f"Unsur {i}", D(v), L) for i, v in enumerate(values, 1)], L, 376)


def test_ikm_exact_mean_not_0_11():
    res = ikm(ikm_data(["3.5", "3.5", "3.5", "3.0", "3.0", "3.0", "4.0", "4.0", "3.5"]))
    assert res.skm == D(31) / D(9)
    assert fmt_number(res.nilai) == "86,11"              # 31/9 × 25; the 0,11 weight would give 85,25
    assert fmt_number(D(31) * D("0.11") * 25) == "85,25"
    assert res.mutu == "B" and res.kinerja == "Baik" and res.problems == []


@pytest.mark.parametrize("nilai, mutu", [
    ("25", "D"), ("64.99", "D"), ("65", "C"), ("76.60", "C"), ("76.61", "B"), ("88.30", "B"), ("88.31", "A"),
    ("100", "A"),
    # judged as printed at two decimals, the regulation's own precision (25,00–64,99 D; 65,00–76,60 C ...)
    ("64.9949", "D"), ("64.9975", "C"), ("76.6049", "C"), ("76.605", "B"), ("88.3049", "B"), ("88.305", "A"),
])
def test_ikm_mutu_boundaries(nilai, mutu):
    assert mutu_ikm(D(nilai))[0] == mutu


def test_ikm_extremes_and_problems():
    assert ikm(ikm_data(["4"] * 9)).nilai == 100
    assert ikm(ikm_data(["1"] * 9)).nilai == 25
    bad = ikm(ikm_data(["4"] * 8 + ["4.5"]))
    assert [p.kode for p in bad.problems] == ["ikm-nilai"]
    short = ikm(ikm_data(["3"] * 8))
    assert [p.kode for p in short.problems] == ["ikm-unsur"]


@given(st.lists(st.decimals(min_value=1, max_value=4, places=2, allow_nan=False), min_size=9, max_size=9))
def test_ikm_in_range(values):
    res = ikm(ikm_data(values))
    assert D(25) <= res.nilai <= D(100)
    assert res.nilai == sum(values) / 9 * 25 or abs(res.nilai - sum(values) / 9 * 25) < D("1e-20")
    assert res.mutu in "ABCD"


# ------------------------------------------------------------------------------------------------ datasets

def population():
    return Dataset("penduduk", ["Desa", "Laki-laki", "Perempuan"],
                   [["Sungai", D(120), D(130)], ["Bakung", D(80), D(70)]], [False, True, True], L)


def test_dataset_totals_and_shares():
    t = dataset_table(population())
    assert t.row_totals == [250, 150]
    assert t.column_totals == {1: 200, 2: 200}
    assert t.grand_total == 400
    assert t.row_shares == [D("62.5"), D("37.5")]
    assert t.cell_shares[0][1] == 60
    one = dataset_table(population(), ["Perempuan"])
    assert one.row_totals is None and one.grand_total == 200
    with pytest.raises(ValueError):
        dataset_table(population(), ["Desa"])
    with pytest.raises(KeyError):
        dataset_table(population(), ["Luas"])


def test_a_datasets_sums_and_shares_are_figures_of_the_model():
    """A dataset table's "Jumlah" and "Persentase" columns, a stacked chart's sums and a donut's shares were printed
    unmarked, no id naming them: ``data.<id>.<kolom>+<kolom>.<baris|jumlah>`` is a row's sum across the columns
    (their total), ``….persen`` its share of the total, as the table computes and prints them; a column whose own
    name holds the "+" is that column."""
    ds = Dataset("penduduk", ["Desa", "Laki-laki", "Perempuan", "L+P"],
                 [["Sungai", D(120), D(130), D(1)], ["Bakung", D(80), D(70), "-"]], [False, True, True, True], L)
    r = report([indicator("IKU1", D(1), D(1))], datasets={"penduduk": ds})
    r.computed = compute_report(r, {}, "lan")
    said = {p: lookup(r.computed, f"data.penduduk.{p}").formatted() for p in (
        "Laki-laki+Perempuan.1", "Perempuan+Laki-laki.Bakung", "Laki-laki+Perempuan.jumlah",
        "Laki-laki+Perempuan.1.persen", "Laki-laki+Perempuan.jumlah.persen", "Perempuan.2.persen", "L+P.1",
        "L+P+Perempuan.2")}
    assert said == {"Laki-laki+Perempuan.1": "250", "Perempuan+Laki-laki.Bakung": "150",
                    "Laki-laki+Perempuan.jumlah": "400", "Laki-laki+Perempuan.1.persen": "62,50 %",
                    "Laki-laki+Perempuan.jumlah.persen": "100,00 %", "Perempuan.2.persen": "35,00 %", "L+P.1": "1",
                    "L+P+Perempuan.2": "70"}  # a text cell ("-") counts as 0, as the table sums it
    with pytest.raises(UnknownReference, match="kolom 'Laki-laki\\+Wanita' tidak ada.*dijumlahkan ditulis dengan +"):
        lookup(r.computed, "data.penduduk.Laki-laki+Wanita.1")
    with pytest.raises(UnknownReference, match="baris '3.persen' tidak ada.*tambahkan .persen"):
        lookup(r.computed, "data.penduduk.Laki-laki+Perempuan.3.persen")
    table = table_dataset(r, {"dataset": "penduduk", "kolom": ["Laki-laki", "Perempuan"], "persen": True})
    assert [(c.text, c.figure) for c in table.body[0].cells[-2:]] == [
        ("250", "data.penduduk.Laki-laki+Perempuan.1"), ("62,50 %", "data.penduduk.Laki-laki+Perempuan.1.persen")]
    assert [(c.text, c.figure) for c in table.foot[0].cells[-2:]] == [
        ("400", "data.penduduk.Laki-laki+Perempuan.jumlah"),
        ("100,00 %", "data.penduduk.Laki-laki+Perempuan.jumlah.persen")]


@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 10**6)), min_size=1, max_size=10))
def test_dataset_shares_sum_to_100(rows):
    ds = Dataset("d", ["N", "A", "B"], [[str(i), D(a), D(b)] for i, (a, b) in enumerate(rows)],
                 [False, True, True], L)
    t = dataset_table(ds)
    assert t.grand_total == sum(t.column_totals.values()) == sum(t.row_totals)
    if t.grand_total:
        assert abs(sum(t.row_shares) - 100) < D("1e-20")


# ------------------------------------------------------------------------------------------------ lookup

def full_report():
    inds = seed002_indicators()
    inds[1].realisasi[2021] = PeriodValues(annual=D("79.5"))
    inds[1].satuan = "nilai"
    b = Budget(2022, [node("program", "7.01.02", [node("kegiatan", "7.01.02.2.01", [
        leaf("7.01.02.2.01.0001", 1000, 800, jenis_belanja="barang_jasa")])], sasaran="S2")], L)
    r = report(inds, SEED002_SASARAN, policy=INV, anggaran=b, ikm=ikm_data(["3.5"] * 9, 2022))
    return compute_report(r, {}, "lan")


@pytest.mark.parametrize("path, kind, text", [
    ("IKU2.capaian", "percent", "102,50 %"),
    ("IKU2.predikat", "text", "Sangat Berhasil"),
    ("IKU2.target", "number", "80"),
    ("IKU2.realisasi", "number", "82"),
    ("IKU2.realisasi@2021", "number", "79,5"),
    ("IKU2.delta", "number", "2,5"),  # 82 − 79,5, with the decimals its values were entered with (was "2,50")
    ("IKU2.tren", "text", "naik"),
    ("IKU2.nama", "text", "Indikator IKU2"),
    ("IKU1.capaian", "percent", "N/A"),
    ("IKU1.realisasi", "number", "N/A"),
    ("anggaran.pagu", "rupiah", "Rp 1.000"),
    ("anggaran.realisasi", "rupiah", "Rp 800"),
    ("anggaran.serapan", "percent", "80,00 %"),
    ("anggaran.sisa", "rupiah", "Rp 200"),
    ("anggaran.7.01.02.pagu", "rupiah", "Rp 1.000"),
    ("anggaran.7.01.02.2.01.0001.realisasi", "rupiah", "Rp 800"),
    ("anggaran.jenis.barang_jasa.pagu", "rupiah", "Rp 1.000"),
    # how many programs, kegiatan and sub kegiatan the budget holds, for a sentence that says so
    ("anggaran.jumlah_program", "number", "1"),
    ("anggaran.jumlah_kegiatan", "number", "1"),
    ("anggaran.jumlah_sub_kegiatan", "number", "1"),
    ("capaian.rata_rata", "percent", "97,87 %"),
    ("capaian.S2", "percent", "102,50 %"),
    ("capaian.S2.predikat", "text", "Sangat Berhasil"),
    ("ikm.nilai", "number", "87,50"),
    ("ikm.mutu", "text", "B"),
    ("predikat.Sangat Berhasil.jumlah", "number", "2"),
    ("predikat.berhasil.jumlah", "number", "1"),
    ("predikat.cukup-berhasil.jumlah", "number", "0"),
    ("ikm.responden", "number", "376"),
    # one service element (the IKM table and chart mark its figures for the audit): its NRR, × 25, mutu
    ("ikm.U3.nilai", "number", "3,50"),
    ("ikm.u3.konversi", "number", "87,50"),
    ("ikm.U3.mutu", "text", "B"),
    ("ikm.U3.nama", "text", "Unsur 3"),
    ("laporan.jumlah_indikator", "number", "4"),
    ("laporan.tahun", "text", "2022"),
])
def test_lookup(path, kind, text):
    ref = lookup(full_report(), path)
    assert ref.kind == kind
    assert ref.formatted() == text


def test_lookup_na_reason():
    ref = lookup(full_report(), "IKU1.capaian")
    assert "Belum ada evaluasi SAKIP" in ref.reason


@pytest.mark.parametrize("path", ["IKU9.capaian", "IKU2.warna", "anggaran.9.99.99.pagu", "anggaran.tebal",
                                  "capaian.S9", "predikat.Luar Biasa.jumlah", "ikm.warna", "ikm.U10.nilai", "ikm.U1.warna",
                                  "IKU2.capaian@1990",
                                  "IKU2.capaian@tahun", "sembarang"])
def test_lookup_unknown(path):
    with pytest.raises(UnknownReference) as exc:
        lookup(full_report(), path)
    assert "tidak dikenal" in str(exc.value) and path.split("@")[0].split(".")[0] in str(exc.value)
    assert isinstance(exc.value, KeyError)


def test_an_indicator_id_in_other_letters_under_a_prefix_is_named():
    """``ikm.capaian`` for the indicator IKM said "laporan tidak memiliki data IKM" (the survey's prefix), with
    nothing to write; an indicator in other letters elsewhere was already offered by did-you-mean."""
    comp = compute_report(report([indicator("IKM", D(80), D(82)), indicator("Anggaran", D(80), D(82))]), {}, "lan")
    for path, meant in (("ikm.capaian", "'IKM.capaian'"), ("ikm.realisasi@2022", "'IKM.realisasi@2022'"),
                        ("anggaran.target", "'Anggaran.target'")):
        with pytest.raises(UnknownReference) as exc:
            lookup(comp, path)
        assert f"mungkin maksudnya indikator {meant}" in str(exc.value), path
    with pytest.raises(UnknownReference) as exc:
        lookup(comp, "ikm.nilai")  # the survey's own path: no indicator is meant
    assert "indikator" not in str(exc.value)


def test_percent_satuan_gives_percent_kind():
    ind = indicator("P", D(100), D("97.76"), satuan="%")
    comp = compute_report(report([ind]), {}, "banjar")
    assert lookup(comp, "P.realisasi").formatted() == "97,76 %"


def test_unknown_indicator_in_pk():
    pk = PerjanjianKinerja(2022, "awal", None, ["S1"], ["IKU2", "IKU7"], [], Loc("pk.yaml", 3))
    comp = compute_report(report(seed002_indicators(), SEED002_SASARAN, pk=pk), {}, "lan")
    assert [i.kode for i in comp.issues] == ["indikator-tidak-ada"]
    assert comp.pk_indikator == ["IKU2", "IKU7"]
    assert list(comp.sasaran) == ["S1"]


def test_custom_scale_from_report():
    from lkjip_site.load.scales import parse_scale
    r = report([indicator("A", D(100), D(95))], skala="kustom")
    r.scales = {"kustom": parse_scale("kustom", {"kelas": [{"label": "Baik", "min": 90},
                                                            {"label": "Buruk", "min": 0, "max": 90}]})}
    comp = compute_report(r, {}, "banjar")
    assert comp.indikator["A"].predikat.label == "Baik" and comp.scale_problems == []


def test_default_scale_used_when_report_declares_none():
    comp = compute_report(report([indicator("A", D(100), D(95))], skala=""), {}, "banjar")
    assert comp.scale is BUILTIN_SCALES["banjar"]
    comp = compute_report(report([indicator("A", D(100), D(95))], skala="tidak-ada"), {}, "banjar")
    assert comp.scale is BUILTIN_SCALES["banjar"]
    assert [i.kode for i in comp.issues] == ["skala-tidak-dikenal"] and "tidak-ada" in comp.issues[0].message


def test_lookup_indicator_id_with_dots():
    comp = compute_report(report([indicator("IKU.1", D(80), D(82))]), {}, "lan")
    assert lookup(comp, "IKU.1.capaian").formatted() == "102,50 %"
    assert lookup(comp, "IKU.1.realisasi@2022").formatted() == "82"


def test_sasaran_id_filled_from_renstra():
    comp = compute_report(report(seed002_indicators(), SEED002_SASARAN), {}, "lan")
    assert comp.indikator["IKU3"].sasaran_id == "S3"


def test_unseen_style_report_end_to_end():
    """Both polarities, a qualitative target, a missing value, a zero target and a budget tree (hand-checked)."""
    inds = [indicator("P1", D(80), D(84), tahun=2023),                       # 105 %      Sangat Tinggi
            indicator("N1", D(10), D(12), polaritas="negatif", tahun=2023),  # (20-12)/10 = 80 %  Tinggi
            indicator("Q1", "A", "B", tahun=2023, kualitatif=["C", "B", "A"]),  # 2/3 = 66,67 %  Sedang
            indicator("M1", D(90), Missing("Survei dijadwalkan 2024"), tahun=2023),
            indicator("Z1", D(0), D(3), tahun=2023)]
    b = Budget(2023, [node("program", "7.01.02", [node("kegiatan", "7.01.02.2.01", [
        leaf("7.01.02.2.01.0001", 1000000, 900000), leaf("7.01.02.2.01.0002", 500000, 500000)])])], L)
    r = report(inds, [("S1", ["P1", "N1"]), ("S2", ["Q1", "M1", "Z1"])], tahun=2023, skala="permendagri-86-2017",
               anggaran=b)
    comp = compute_report(r, {}, "banjar")
    got = {p: lookup(comp, p).formatted() for p in [
        "P1.capaian", "P1.predikat", "N1.capaian", "N1.predikat", "Q1.capaian", "Q1.predikat", "Q1.target",
        "M1.capaian", "Z1.capaian", "capaian.S1", "capaian.S2", "capaian.rata_rata", "capaian.predikat",
        "anggaran.pagu", "anggaran.realisasi", "anggaran.serapan", "anggaran.sisa", "anggaran.7.01.02.2.01.sisa",
        "predikat.sedang.jumlah", "predikat.rendah.jumlah"]}
    assert got == {
        "P1.capaian": "105,00 %", "P1.predikat": "Sangat Tinggi", "N1.capaian": "80,00 %", "N1.predikat": "Tinggi",
        "Q1.capaian": "66,67 %", "Q1.predikat": "Sedang", "Q1.target": "A", "M1.capaian": "N/A",
        "Z1.capaian": "N/A", "capaian.S1": "92,50 %", "capaian.S2": "66,67 %", "capaian.rata_rata": "79,58 %",
        "capaian.predikat": "Tinggi", "anggaran.pagu": "Rp 1.500.000", "anggaran.realisasi": "Rp 1.400.000",
        "anggaran.serapan": "93,33 %", "anggaran.sisa": "Rp 100.000", "anggaran.7.01.02.2.01.sisa": "Rp 100.000",
        "predikat.sedang.jumlah": "1", "predikat.rendah.jumlah": "0"}
    assert lookup(comp, "M1.capaian").reason == "realisasi tidak tersedia: Survei dijadwalkan 2024"
    assert "target 0" in lookup(comp, "Z1.predikat").reason
    assert dict(comp.predikat_jumlah)["Tidak dapat dinilai"] == 2


# ------------------------------------------------------------------------------------------------ averages as data

def averaging_report(policy):
    """The worked example of the author guide ("Rata-rata capaian kinerja: pilih metodenya"):
    S1: A 120/100 = 120 %, B 80/100 = 80 %; S2: C 50/100 = 50 %, D without realisasi (N/A);
    E, an indicator of the tujuan (in the PK, in no sasaran): 90/100 = 90 %."""
    inds = [indicator("E", D(100), D(90)), indicator("A", D(100), D(120)), indicator("B", D(100), D(80)),
            indicator("C", D(100), D(50)), indicator("D", D(100), Missing("survei belum dilaksanakan"))]
    pk = PerjanjianKinerja(2022, "awal", None, ["S1", "S2"], ["E", "A", "B", "C", "D"], [], L)
    return compute_report(report(inds, [("S1", ["A", "B"]), ("S2", ["C", "D"])], pk=pk, policy=policy), {}, "lan")


@pytest.mark.parametrize(("rata_rata", "batas_100", "expected", "metode"), [
    # S1 = (120 + 80) / 2 = 100; S2 = 50 (D is N/A, left out); (100 + 50) / 2 = 75; E is in no sasaran
    ("per_sasaran", False, "75,00 %", "rerata per sasaran, lalu antar-sasaran"),
    # capped first: S1 = (100 + 80) / 2 = 90; S2 = 50; (90 + 50) / 2 = 70
    ("per_sasaran", True, "70,00 %", "rerata per sasaran, lalu antar-sasaran; capaian dibatasi 100 %"),
    # every measured indicator of the PK: (90 + 120 + 80 + 50) / 4 = 85
    ("per_indikator", False, "85,00 %", "rerata seluruh indikator terukur"),
    # capped first: (90 + 100 + 80 + 50) / 4 = 80
    ("per_indikator", True, "80,00 %", "rerata seluruh indikator terukur; capaian dibatasi 100 %"),
])
def test_each_average_method_on_the_same_data(rata_rata, batas_100, expected, metode):
    comp = averaging_report(CapaianPolicy(batas_100=batas_100, rata_rata=rata_rata))
    assert lookup(comp, "capaian.rata_rata").formatted() == expected
    assert lookup(comp, "capaian.metode").formatted() == metode
    # the counts do not depend on the method: 5 indicators, 4 measured, 1 reaching 100 %, 1 N/A
    assert [lookup(comp, f"indikator.{k}").formatted() for k in
            ("jumlah", "terukur", "mencapai_target", "belum_mencapai", "tidak_terukur", "kualitatif")] == \
        ["5", "4", "1", "3", "1", "0"]
    definisi = lookup(comp, "capaian.rata_rata").definisi
    assert ("dibatasi 100 %" in definisi) == batas_100
    if rata_rata == "per_sasaran":
        assert "indikator di luar sasaran tidak ikut: E" in definisi
    else:
        assert "rerata capaian 4 indikator terukur dari 5 indikator Perjanjian Kinerja" in definisi


def test_counts_of_a_sasaran_and_of_a_selection_use_the_same_rule():
    comp = averaging_report(STD)
    assert [lookup(comp, f"sasaran.S2.{k}").formatted() for k in ("jumlah", "terukur", "tidak_terukur")] == \
        ["2", "1", "1"]
    assert "D: realisasi tidak tersedia: survei belum dilaksanakan" in lookup(comp, "sasaran.S2.tidak_terukur").definisi
    assert counts_for(comp, ["A", "B", "C", "D", "E"])[0] == "indikator"
    assert counts_for(comp, ["C", "D"])[0] == "sasaran.S2"
    prefix, counts = counts_for(comp, ["A", "E"])
    assert prefix == "" and counts.lingkup == "indikator yang ditampilkan" and len(counts.mencapai) == 1


def test_reached_counts_the_printed_capaian():
    """"x dari y indikator mencapai target" counts a capaian printed "100,00 %" (99,996 %), as the reader of the
    table beside it would, and its predikat is the class from 100 %."""
    banjar = BUILTIN_SCALES["banjar"]
    items = [Counted(i, i, Result(D(v), "positif"), classify(banjar, D(v)), False)
             for i, v in (("A", "99.996"), ("B", "99.994"), ("C", "100"))]
    counts = count_indicators(items, banjar, "indikator")
    assert counts.mencapai == ("A", "C") and counts.belum_mencapai == 1
    assert dict(counts.predikat) == {"Berhasil": 2, "Cukup Berhasil": 1, "Kurang Berhasil": 0, "Tidak Berhasil": 0}


@pytest.mark.parametrize("path, says", [
    ("IKU2.nama@2021", "'nama' tidak berubah per tahun di sini, tulis IKU2.nama tanpa @2021"),
    ("IKU2.nama@1990", "'nama' tidak berubah per tahun di sini, tulis IKU2.nama tanpa @1990"),
    ("IKU2.capain@2021", "dengan @tahun hanya target, realisasi atau capaian; mungkin maksudnya 'capaian'"),
])
def test_a_year_on_what_has_no_years_says_so(path, says):
    """`IKU1.nama@2022` said "tidak memiliki data tahun 2022" (or nothing about the year for one with data): the
    author looked for a missing year in the data, where the fix is to drop the @year."""
    with pytest.raises(UnknownReference) as exc:
        lookup(full_report(), path)
    assert says in str(exc.value)


def test_a_quarterly_reports_own_year_is_the_year_so_far_everywhere():
    """A TW II report whose data file already holds the whole year: its own year in the history (the year-on-year
    table, the trend chart, `X.realisasi@2024`) is the report's s.d. TW II figure, not TW I–IV's 11 (the audit then
    stopped the build, blaming the program)."""
    count = indicator("CNT", PeriodValues(annual=D(12), quarters={"tw1": D(3), "tw2": D(3), "tw3": D(3), "tw4": D(3)}),
                      PeriodValues(quarters={"tw1": D(2), "tw2": D(4), "tw3": D(3), "tw4": D(2)}), tahun=2024,
                      agregasi="jumlah", realisasi_lain={2023: PeriodValues(annual=D(12))})
    comp = compute_report(report([count], tahun=2024, periode="tw2"), {}, "banjar")
    ir = comp.indikator["CNT"]
    now = next(p for p in ir.riwayat if p.tahun == 2024)
    assert ir.realisasi == D(6) and now.realisasi == D(6) and now.capaian == ir.capaian
    assert lookup(comp, "CNT.realisasi@2024").formatted() == lookup(comp, "CNT.realisasi").formatted() == "6"
    assert ir.delta is None  # a count so far is not a year
    annual = compute_report(report([count], tahun=2024), {}, "banjar").indikator["CNT"]
    assert next(p for p in annual.riwayat if p.tahun == 2024).realisasi == D(11)


def test_a_mean_of_quarters_is_shown_as_a_derived_figure():
    """'rata_rata' over quarters is computed, so it is shown with two decimals ("90,17", its capaian and {nilai}
    alike), not as if typed with four ("90,1667 %"); entered numbers keep their own decimals."""
    pv = PeriodValues(quarters={"tw1": D(90), "tw2": D("90.5"), "tw3": D(90)})
    mean_so_far = cumulative(pv, "tw3", "rata_rata")
    assert fmt_entered(mean_so_far) == "90,17" and fmt_entered(D("83.515")) == "83,515"
    ind = indicator("AVG", D(95), pv, tahun=2024, agregasi="rata_rata", satuan="%")
    comp = compute_report(report([ind], tahun=2024, periode="tw3"), {}, "banjar")
    assert lookup(comp, "AVG.realisasi").formatted() == "90,17 %"


def test_a_change_from_last_year_keeps_the_decimals_its_values_were_entered_with():
    """Complaints 4 → 6 changed by "2,00" beside the "4" and "6" of its row; 85,32 − 82,82 is "2,50"."""
    r = report([indicator("ADU", D(5), D(6), polaritas="negatif"), indicator("IKK", D(80), D("85.32"))])
    r.data.indikator["ADU"].realisasi[2021] = PeriodValues(annual=D(4))
    r.data.indikator["IKK"].realisasi[2021] = PeriodValues(annual=D("82.82"))
    c = compute_report(r)
    assert [lookup(c, p).formatted() for p in ("ADU.delta", "IKK.delta")] == ["2", "2,50"]
    r.data.indikator["IKK"].satuan = "%"  # in points, as the tables print it: "2,50 %" read as a relative change
    assert lookup(compute_report(r), "IKK.delta").formatted() == "2,50"
    assert c.indikator["ADU"].tren_teks == "naik (memburuk)"


def test_budget_table_heads_its_name_column_by_the_levels_it_lists():
    """A table of ``tingkat: program`` was headed "Program / kegiatan / sub kegiatan" over programs alone."""
    b = Budget(2022, [node("program", "7.01.01", [node("kegiatan", "7.01.01.2.01", [
        leaf("7.01.01.2.01.0001", 100, 90)])])], L)
    r = report([indicator("A", D(10), D(10))], anggaran=b)
    r.computed = compute_report(r, {}, "lan")
    heads = {depth: table_anggaran(r, {"tingkat": depth}).head[0][1].text for depth in ("program", "kegiatan")}
    assert heads == {"program": "Program", "kegiatan": "Program / kegiatan"}
    assert table_anggaran(r, {}).head[0][1].text == "Program / kegiatan / sub kegiatan"


def _apbd_perubahan_report(jenis_belanja=None):
    """The DPPA cut a belanja modal from 800 to 600 and raised a barang dan jasa from 100 to 120; pegawai unchanged."""
    b = Budget(2024, [node("program", "1.03.01", [node("kegiatan", "1.03.01.2.01", [
        leaf("1.03.01.2.01.0001", 120, 70, pagu_awal=D(100), jenis_belanja="barang_jasa"),
        leaf("1.03.01.2.01.0002", 500, 360, jenis_belanja="pegawai")])], sasaran="S1"),
        node("program", "1.03.02", [node("kegiatan", "1.03.02.2.01", [
            leaf("1.03.02.2.01.0001", 600, 400, pagu_awal=D(800), jenis_belanja="modal")])], sasaran="S2")], L,
        jenis_belanja=jenis_belanja or [])
    r = report([indicator("A", D(10), D(10), tahun=2024, sasaran="S1"),
                indicator("B", D(10), D(10), tahun=2024, sasaran="S2")],
               sasaran=[("S1", ["A"]), ("S2", ["B"])], tahun=2024, anggaran=b)
    r.computed = compute_report(r, {}, "lan")
    return r


def test_jenis_belanja_and_sasaran_tables_sum_the_pagu_awal_of_their_sub_kegiatan():
    """Under an APBD Perubahan the budget table set pagu awal beside pagu perubahan, while the jenis belanja table
    (what the LRA sets out "sebelum/setelah perubahan") and the kinerja-anggaran table printed the DPPA alone: a
    finance officer had to add the DPA awal per jenis belanja and per sasaran by hand. Each is the sum of its sub
    kegiatan's pagu awal (an unchanged one counts its pagu), never typed."""
    r = _apbd_perubahan_report()
    t = table_jenis_belanja(r, {})
    assert [c.text for c in t.head[0]] == ["Jenis belanja", "Pagu awal (Rp)", "Pagu perubahan (Rp)",
                                           "Realisasi (Rp)", "Serapan", "Sisa (Rp)"]
    assert [[c.text for c in row.cells[:3]] for row in t.body + t.foot] == [
        ["Belanja Pegawai", "500", "500"], ["Belanja Barang dan Jasa", "100", "120"], ["Belanja Modal", "800", "600"],
        ["Jumlah belanja", "1.400", "1.220"]]
    assert t.notes[-1].endswith("Serapan dan sisa dihitung terhadap pagu perubahan.")
    k = table_kinerja_anggaran(r, {})
    assert [c.text for c in k.head[0]][4:7] == ["Pagu awal (Rp)", "Pagu perubahan (Rp)", "Realisasi (Rp)"]
    assert [[c.text for c in row.cells[4:6]] for row in k.body] == [["600", "620"], ["800", "600"]]
    assert fmt_rupiah(lookup(r.computed, "anggaran.jenis.modal.pagu_awal").value) == "Rp 800"
    assert fmt_rupiah(lookup(r.computed, "anggaran.jenis.pagu_awal").value) == "Rp 1.400"
    assert fmt_rupiah(lookup(r.computed, "anggaran.sasaran.S2.pagu_awal").value) == "Rp 800"


def test_jenis_belanja_typed_at_file_level_keep_their_columns_under_an_apbd_perubahan():
    """A file-level jenis_belanja list has no pagu awal: its table stays as it was, and a {nilai} of a jenis belanja's
    pagu awal says why it is not known instead of printing the pagu perubahan."""
    r = _apbd_perubahan_report([JenisBelanja("pegawai", D(500), D(360), L),
                                JenisBelanja("barang_jasa", D(720), D(470), L)])
    assert [c.text for c in table_jenis_belanja(r, {}).head[0]][1] == "Pagu (Rp)"
    with pytest.raises(UnknownReference, match="tanpa pagu awal"):
        lookup(r.computed, "anggaran.jenis.pegawai.pagu_awal")
    unchanged = report([indicator("A", D(10), D(10), sasaran="S1")], sasaran=[("S1", ["A"])], anggaran=Budget(
        2022, [node("program", "1.03.01", [node("kegiatan", "1.03.01.2.01", [
            leaf("1.03.01.2.01.0001", 100, 90, jenis_belanja="modal")])], sasaran="S1")], L))
    unchanged.computed = compute_report(unchanged, {}, "lan")
    assert [c.text for c in table_jenis_belanja(unchanged, {}).head[0]][1] == "Pagu (Rp)"
    assert [c.text for c in table_kinerja_anggaran(unchanged, {}).head[0]][4] == "Pagu (Rp)"


def test_the_quarterly_table_names_the_targets_the_pk_perubahan_changed():
    """A TW III report under the PK Perubahan printed "Target tahunan 10" beside the TW I–II reports' 12 in its
    quarterly table with nothing saying it had changed (the note was under the capaian table only)."""
    i = indicator("K", PeriodValues(annual=D(10), quarters={"tw1": D(3), "tw2": D(3), "tw3": D(2), "tw4": D(2)}),
                  PeriodValues(quarters={"tw1": D(3), "tw2": D(3), "tw3": D(2)}), tahun=2024, agregasi="jumlah")
    pk = PerjanjianKinerja(2024, "perubahan", dt.date(2024, 9, 20), ["S1"], [], [], L,
                           target_awal=[TargetAwal("K", D(12), "APBD Perubahan", L)])
    r = report([i], tahun=2024, periode="tw3", pk=pk)
    r.computed = compute_report(r, {}, "lan")
    assert table_triwulan_indikator(r, {}).notes == [
        "Target menurut Perjanjian Kinerja Perubahan tahun 2024. Target tahunan yang diubah dari Perjanjian Kinerja "
        "awal: Indikator K dari 12 menjadi 10."]


def test_renstra_table_gives_one_reason_for_a_missing_end_target():
    """An indicator without target akhir had two N/A notes for the one cause in the Renstra table ("target akhir
    tidak dilaporkan" at the target, "tidak ada target akhir" at the kemajuan), and a third in ``{nilai}``."""
    r = report([indicator("A", D(10), D(10))], [("S1", ["A"])])
    r.computed = compute_report(r, {}, "lan")
    [row] = table_renstra(r, {}).body
    target_akhir, kemajuan = row.cells[4], row.cells[6]
    assert target_akhir.title == kemajuan.title == "target akhir tidak dilaporkan"
    said = {p: lookup(r.computed, p).value.reason for p in ("A.target_akhir", "A.kemajuan")}
    assert said == {"A.target_akhir": "target akhir tidak dilaporkan", "A.kemajuan": "target akhir tidak dilaporkan"}


@pytest.mark.parametrize(("nama", "jenis", "kind"), [
    ("Dinas Kesehatan", "", "dinas"), ("Kecamatan Sungai Tabuk", "", "kecamatan"), ("Kelurahan Jawa", "", "kelurahan"),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", "", "badan"), ("Rumah Sakit Umum Daerah Ratu Zalecha", "", "rsud"),
    ("RSUD Ratu Zalecha", "", "rsud"), ("Sekretariat DPRD", "", "sekretariat"), ("Satpol PP", "", "satuan"),
    ("UPTD Puskesmas Martapura", "", "uptd"), ("Inspektorat", "", "inspektorat"),
    ("Bappeda", "badan", "badan"), ("Setwan", "Sekretariat DPRD", "sekretariat"), ("BPKAD", "", "badan"),
    ("Bappeda Kabupaten Banjar", "", "badan"), ("Dinkes Kabupaten Banjar", "", "dinas"), ("Lembaga X", "bpbd", "badan"),
    ("Lembaga X", "", "lainnya"),
    ("Dinas Kesehatan", "kecamatan", "dinas"),  # a copied laporan.yaml's jenis: the name says otherwise
    ("Dinasti Kuliner", "", "lainnya"),  # a kind's word, not a kind's name
])
def test_an_instansi_is_compared_with_its_own_kind(nama: str, jenis: str, kind: str) -> None:
    """The portal ranked a Dinas Kesehatan among kecamatan: each instansi's kind is read from its name's first words,
    else from ``instansi.jenis`` (an abbreviation), else it is 'lainnya'."""
    assert kind_of(Instansi(nama=nama, jenis=jenis, kepala=None, pemda="")).key == kind  # type: ignore[arg-type]


def test_a_jenis_the_portal_cannot_group_by_says_what_to_write() -> None:
    def problem(nama: str, jenis: str) -> str | None:
        return jenis_problem(Instansi(nama=nama, jenis=jenis, kepala=None, pemda=""))  # type: ignore[arg-type]

    assert problem("Kecamatan Alfa", "kecamatan") is None and problem("Bappeda", "") is None
    assert problem("Bappeda", "Badan") is None  # letter case is no matter
    assert problem("Bappeda", "bappeda") is None  # as the scaffold wrote it from the name's first word
    assert "tulis salah satu dari: sekretariat, inspektorat, dinas, badan" in (problem("Lembaga X", "lembaga") or "")
    assert "tulis 'jenis: dinas' atau hapus baris ini" in (problem("Dinas Kesehatan", "kecamatan") or "")
