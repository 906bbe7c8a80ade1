"""``check``: each inconsistency class of the domain guide (section 8) is reported with file, line and both values.

The planted values are the seeds' own mistakes (copied as literals), so each test also documents a real error.
"""

import datetime as dt
import re
from decimal import Decimal as D
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_fmt import in_words

from lkjip_site.compute import check, typed
from lkjip_site.compute.check import check_report, period_end
from lkjip_site.compute.findings import Finding
from lkjip_site.compute.narrative import check_narrative_names
from lkjip_site.compute.earlier import (check_earlier, check_renames, check_spelling, same_instansi,
                                       spelled_otherwise)
from lkjip_site.compute.prose import sentences
from lkjip_site.compute.report import compute_report
from lkjip_site.elements.figures import chart_tren, mixed_units
from lkjip_site.load.yamltree import YMap
from lkjip_site.core.model import (
    Budget,
    BudgetNode,
    CapaianPolicy,
    Chapter,
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
    Scale,
    ScaleClass,
    Stated,
    TargetAwal,
    Tujuan,
)

DIR = "content/laporan/martapura-barat-2023"
IND = f"{DIR}/data/indikator.yaml"
ANG = f"{DIR}/data/anggaran.yaml"


def loc(line, file=IND):
    return Loc(file, line)


def ind(iid, target, realisasi, line, polaritas="positif", tahun=2023, tertulis=None, **kw):
    tgt = target if isinstance(target, PeriodValues) else PeriodValues(annual=target, loc=loc(line + 1))
    real = realisasi if isinstance(realisasi, PeriodValues) else PeriodValues(annual=realisasi, loc=loc(line + 2))
    return Indicator(id=iid, nama=f"Indikator {iid}", satuan=kw.pop("satuan", "nilai"), polaritas=polaritas,
                     loc=loc(line), target={tahun: tgt}, realisasi={tahun: real} if realisasi is not None else {},
                     tertulis={tahun: tertulis} if tertulis else {}, **kw)


def leaf(kode, pagu, realisasi, line, **kw):
    return BudgetNode("sub_kegiatan", kode, f"Sub {kode}", loc(line, ANG), pagu=D(pagu), realisasi=D(realisasi),
                      **kw)


def node(level, kode, children, line, **kw):
    return BudgetNode(level, kode, f"{level} {kode}", loc(line, ANG), children=children, **kw)


def clean_budget():
    k1 = node("kegiatan", "7.01.01.2.01", [leaf("7.01.01.2.01.0001", 1000800, 1000800, 10),
                                          leaf("7.01.01.2.01.0002", 1800000, 1800000, 14)], 8,
              pagu_tertulis=D(2800800))
    k2 = node("kegiatan", "7.01.02.2.02", [leaf("7.01.02.2.02.0003", 8811160, 1094500, 22)], 20)
    return Budget(2023, [node("program", "7.01.01", [k1], 5, pagu_tertulis=D(2800800)),
                         node("program", "7.01.02", [k2], 18)], loc(1, ANG),
                  jenis_belanja=[JenisBelanja("barang_jasa", D(11611960), D(3895300), loc(40, ANG))],
                  total_tertulis=(D(11611960), D(3895300), loc(45, ANG)))


def chapter(body, rel=f"{DIR}/30-bab-3.md", body_line=6):
    return Chapter(id="bab-3", judul="Akuntabilitas Kinerja", jenis="bab", urutan=30, source=Path(rel), rel=rel,
                   body=body, body_line=body_line, bab="III")


def _outlined(jenis_bab: list[tuple[str, str]], body: str = "```{tabel} pk\nid: pk\n```\n") -> list[Chapter]:
    return [Chapter(id=f"c{i}", judul="Bagian", jenis=jenis, urutan=i, source=Path(f"{DIR}/c{i}.md"),
                    rel=f"{DIR}/c{i}.md", body=body if jenis == "lampiran" else "Teks.", body_line=6, bab=bab)
            for i, (jenis, bab) in enumerate(jenis_bab)]


FULL = [("kata-pengantar", ""), ("ikhtisar", ""), ("bab", "I"), ("bab", "II"), ("bab", "III"), ("bab", "IV"),
        ("lampiran", "A")]


def make_report(indicators, sasaran=None, tahun=2023, periode="tahunan", skala="banjar", policy=None,
                anggaran=None, ikm=None, pk=None, chapters=None, ttd=None, scales=None, outline=True):
    """A report of the given parts; with the outline PermenPANRB 53/2014 requires (``outline``) after ``chapters``,
    so that a test of another check does not meet ``susunan-laporan``."""
    chapters = (chapters or []) + (_outlined(FULL) if outline else [])
    data = ReportData(indikator={i.id: i for i in indicators}, anggaran=anggaran, ikm=ikm, pk=pk)
    if sasaran:
        sas = [Sasaran(sid, f"Sasaran {sid}", ids, loc(1, f"{DIR}/data/renstra.yaml")) for sid, ids in sasaran]
        data.renstra = Renstra(2022, 2026, "Visi", ["Misi"], [Tujuan("T1", "Tujuan", sas, loc(1))], loc(1))
    kepala = Person("H. Fulan", "Camat Martapura Barat", "Pembina (IV/a)", "196901151990021001")
    return Report(slug="martapura-barat-2023", folder=Path(DIR), rel=DIR, judul="LKjIP", tahun=tahun,
                  periode=periode, versi="1.0", tanggal_terbit=(ttd or dt.date(tahun + 1, 1, 31)) + dt.timedelta(1),
                  instansi=Instansi("Kecamatan Martapura Barat", kepala, "Pemerintah Kabupaten Banjar"),
                  tempat_ttd="Martapura", tanggal_ttd=ttd or dt.date(tahun + 1, 1, 31),
                  loc=Loc(f"{DIR}/laporan.yaml", 1), chapters=chapters or [], data=data, skala_predikat=skala,
                  scales=scales or {}, capaian=policy or CapaianPolicy())


def run(report, known=None):
    return check_report(report, compute_report(report, {}, "permendagri-86-2017"), known)


def only(findings, kode):
    hits = [f for f in findings if f.kode == kode]
    assert hits, f"no finding {kode} in {[str(f) for f in findings]}"
    return hits


def clean_report():
    inds = [ind("IKU1", D(73), D("84.82"), 10, tertulis=Stated(D("116.19"), "Berhasil", loc(15))),
            ind("IKU2", D(74), D("85.32"), 20, tertulis=Stated(D("115.30"), "Berhasil", loc(25)),
                program="7.01.01"),
            ind("IKU3", D(20), D(18), 30, polaritas="negatif", tertulis=Stated(D(110), None, loc(35)))]
    pk = PerjanjianKinerja(2023, "perubahan", dt.date(2023, 10, 2), ["S1"], [], ["7.01.01"], loc(1, "pk.yaml"))
    body = ("Kecamatan Martapura Barat Kabupaten Banjar melaksanakan tugas.\n"
            "KECAMATAN MARTAPURA BARAT TAHUN 2023\n"
            "Koordinasi dengan Dinas Kependudukan dan Pencatatan Sipil Kabupaten Banjar.\n"
            "Seluruh kecamatan di kabupaten ini.\n")
    return make_report(inds, [("S1", ["IKU1", "IKU2", "IKU3"])], anggaran=clean_budget(), pk=pk,
                       ikm=Ikm(2023, [IkmElement(f"U{i}", f"Unsur {i}", D("3.4"), loc(i, "ikm.yaml"))
                                      for i in range(1, 10)], loc(1, "ikm.yaml")),
                       chapters=[chapter(body)])


def test_clean_report_has_no_findings():
    findings = run(clean_report(), ["Kecamatan Paramasan", "Kecamatan Martapura Barat"])
    assert findings == [], [str(f) for f in findings]


# ---------------------------------------------------------------------------------------------- stated values

def test_stated_capaian_differs():
    """Seed 000 l.338 printed capaian 116 for 84,82 / 73 (= 116,19)."""
    r = make_report([ind("IKU1", D(73), D("84.82"), 10, tertulis=Stated(D(116), None, loc(15)))])
    f = only(run(r), "capaian-tertulis")[0]
    assert f.severity == "warning" and f.loc == loc(15)
    assert "116,00 %" in f.message and "116,19 %" in f.message


def test_truncated_capaian_is_reported():
    """Seed 001: 83,51 / 85 printed as 98,24 (truncated); half-up gives 98,25."""
    r = make_report([ind("IKM", D(85), D("83.51"), 10, tertulis=Stated(D("98.24"), None, loc(15)))])
    f = only(run(r), "capaian-tertulis")[0]
    assert "98,24 %" in f.message and "98,25 %" in f.message


def test_tolerance_after_rounding():
    r = make_report([ind("IKM", D(85), D("83.51"), 10, tertulis=Stated(D("98.2471"), None, loc(15)))])
    assert [f for f in run(r) if f.kode == "capaian-tertulis"] == []


def test_undeclared_inverse_ratio_is_explained():
    """Seed 002 l.74: crime rate 20 -> 18 printed 111,1 (T/R) while the standard formula gives 110."""
    r = make_report([ind("KRIM", D(20), D(18), 10, polaritas="negatif", tertulis=Stated(D("111.1"), None, loc(15)))])
    f = only(run(r), "capaian-tertulis")[0]
    assert "111,10 %" in f.message and "110,00 %" in f.message and "rasio terbalik" in f.message


def test_stated_predikat_contradicts_scale():
    """Seed 000 l.349: 98,27 % labelled 'Berhasil' on the Banjar scale (< 100 is 'Cukup Berhasil')."""
    r = make_report([ind("BMD", D(100), D("98.27"), 10, satuan="%", tertulis=Stated(None, "Berhasil", loc(15)))])
    f = only(run(r), "predikat-tertulis")[0]
    assert f.loc == loc(15) and "'Berhasil'" in f.message and "'Cukup Berhasil'" in f.message
    assert "98,27 %" in f.message


def test_stated_predikat_not_on_scale():
    """Seed 001 l.522: 98,24 % called 'Sangat Berhasil', a class the Banjar scale does not have."""
    r = make_report([ind("IKM", D(85), D("83.51"), 10, tertulis=Stated(None, "Sangat Berhasil", loc(15)))])
    f = only(run(r), "predikat-bukan-skala")[0]
    assert "Sangat Berhasil" in f.message and "Cukup Berhasil" in f.message


def test_stated_capaian_for_na():
    r = make_report([ind("Z", D(0), D(5), 10, tertulis=Stated(D(0), None, loc(15)))])
    f = only(run(r), "capaian-tertulis")[0]
    assert "0,00 %" in f.message and "target 0" in f.message


# ---------------------------------------------------------------------------------------------- budget

def test_parent_pagu_differs_from_children():
    """Seed 001 l.492: program 07.01.02 pagu 18.048.000 printed; its kegiatan add up to 36.196.400."""
    prog = node("program", "7.01.02", [
        node("kegiatan", "7.01.02.2.02", [leaf("7.01.02.2.02.0003", 8811160, 1094500, 12)], 11),
        node("kegiatan", "7.01.02.2.04", [leaf("7.01.02.2.04.0003", 27385240, 0, 16)], 15),
    ], 10, pagu_tertulis=D(18048000))
    f = only(run(make_report([], anggaran=Budget(2023, [prog], loc(1, ANG)))), "pagu-induk")[0]
    assert f.loc == loc(10, ANG) and f.severity == "warning"
    assert "Rp 18.048.000" in f.message and "Rp 36.196.400" in f.message and "Rp -18.148.400" not in f.message


def test_stated_total_realisasi_differs():
    """Seed 000: program realisations add to 2.455.208.753, the report states 2.369.772.519."""
    programs = [node("program", k, [node("kegiatan", f"{k}.2.01", [leaf(f"{k}.2.01.0001", p, r, 3)], 2)], 1)
                for k, p, r in [("7.01.01", 2233317579, 2176701753), ("7.01.02", 25300000, 25300000),
                                ("7.01.03", 63128000, 63128000), ("7.01.04", 6300000, 6300000),
                                ("7.01.05", 167279000, 167279000), ("7.01.06", 16500000, 16500000)]]
    b = Budget(2023, programs, loc(1, ANG), total_tertulis=(D(2511824579), D(2369772519), loc(90, ANG)),
               jenis_belanja=[JenisBelanja("operasi", D(1673801429), D(1564029050), loc(80, ANG)),
                              JenisBelanja("modal", D(144440000), D(141570500), loc(81, ANG))])
    findings = run(make_report([], anggaran=b))
    tot = only(findings, "total-tertulis")
    assert len(tot) == 1 and tot[0].loc == loc(90, ANG)
    assert "Rp 2.369.772.519" in tot[0].message and "Rp 2.455.208.753" in tot[0].message
    jb = only(findings, "jenis-belanja-total")
    pagu = [f for f in jb if "jumlah pagu" in f.message][0]
    # seed 000 l.596-598: Belanja Operasi + Modal = 1.818.241.429, Belanja Daerah 2.511.824.579
    assert "Rp 1.818.241.429" in pagu.message and "Rp 2.511.824.579" in pagu.message
    assert "Rp 693.583.150" in pagu.message
    assert pagu.loc == loc(80, ANG)


def test_quarterly_realisasi_to_date():
    """Seed 001 l.544: realisasi s.d. TW I stated 399.943.749; the sub kegiatan add to 395.743.749."""
    amounts = [355324449, 1094500, 13588800, 7218000, 18518000, 0]
    programs = [node("program", f"7.01.0{i}", [node("kegiatan", f"7.01.0{i}.2.01", [
        BudgetNode("sub_kegiatan", f"7.01.0{i}.2.01.0001", "Sub", loc(10 * i, ANG), pagu=D(10**9),
                   realisasi=Missing("Tahun anggaran masih berjalan"), realisasi_tw={"tw1": D(a)})], loc(10 * i - 1, ANG))], loc(10 * i - 2, ANG))
                for i, a in enumerate(amounts, 1)]
    b = Budget(2024, programs, loc(1, ANG), total_tertulis=(None, D(399943749), loc(99, ANG)))
    r = make_report([], tahun=2024, periode="tw1", anggaran=b, ttd=dt.date(2024, 4, 5))
    comp = compute_report(r, {}, "banjar")
    assert comp.anggaran.total.realisasi == D(395743749)  # realisasi s.d. TW I, from the quarterly values
    f = only(check_report(r, comp), "total-tertulis")[0]
    assert "Rp 399.943.749" in f.message and "Rp 395.743.749" in f.message


def test_leaf_realisasi_vs_quarters():
    tw = {"tw1": D(100), "tw2": D(200), "tw3": D(150), "tw4": D(200)}
    lf = leaf("7.01.01.2.01.0001", 1000, 700, 12, realisasi_tw=tw)
    b = Budget(2023, [node("program", "7.01.01", [node("kegiatan", "7.01.01.2.01", [lf], 11)], 10)], loc(1, ANG))
    f = only(run(make_report([], anggaran=b)), "realisasi-triwulan")[0]
    assert "Rp 700" in f.message and "Rp 650" in f.message and f.loc == loc(12, ANG)
    # quarterly report: the entered realisasi is compared with the sum s.d. TW II (100 + 200), named as pages name it
    lf2 = leaf("7.01.01.2.01.0001", 1000, 700, 12, realisasi_tw={"tw1": D(100), "tw2": D(200)})
    b2 = Budget(2024, [node("program", "7.01.01", [node("kegiatan", "7.01.01.2.01", [lf2], 11)], 10)], loc(1, ANG))
    r2 = make_report([], tahun=2024, periode="tw2", anggaran=b2, ttd=dt.date(2024, 7, 5))
    f2 = only(run(r2), "realisasi-triwulan")[0]
    assert "Rp 700" in f2.message and "s.d. TW II Rp 300" in f2.message


def test_budget_code_problems_are_findings():
    b = Budget(2023, [node("program", "07.01.01", [node("kegiatan", "7.01.02.2.01", [
        leaf("7.01.02.2.01.01", 10, 10, 12)], 11)], 10)], loc(1, ANG))
    findings = run(make_report([], anggaran=b))
    assert only(findings, "kode-lama")[0].severity == "warning"
    assert only(findings, "kode-induk")[0].loc == loc(11, ANG)


# ---------------------------------------------------------------------------------------------- scales, periods

def test_scale_with_gap_is_an_error():
    gap = Scale("seed-002", "Skala tercetak", [
        ScaleClass("Sangat Berhasil", D(85), D(100)), ScaleClass("Berhasil", D(75), D(85)),
        ScaleClass("Cukup Berhasil", D(55), D(70)), ScaleClass("Kurang Berhasil", D(0), D(55))],
        loc=Loc(f"{DIR}/laporan.yaml", 30))
    r = make_report([ind("A", D(100), D(72), 10)], skala="seed-002", scales={"seed-002": gap})
    findings = only(run(r), "skala")
    assert len(findings) == 2 and all(f.loc.line == 30 and f.severity == "error" for f in findings)


QS = ("tw1", "tw2", "tw3", "tw4")


def quarters(values, annual=None, year_line=42, **lines):
    """Target/realisasi of one year written in block style: the year on ``year_line``, each key on its own line."""
    qs = {q: D(v) if not isinstance(v, (str, Missing)) else v for q, v in zip(QS, values) if v is not None}
    keys = (["tahunan"] if annual is not None else []) + list(qs)
    locs = {k: loc(year_line + 1 + i) for i, k in enumerate(keys)}
    return PeriodValues(annual=D(annual) if annual is not None else None, quarters=qs, loc=loc(year_line), locs=locs)


def test_quarterly_split_is_an_error_with_the_arithmetic():
    """Seed 002: IKM 85 written per TW as 20/20/20/25; the error is on the first quarter's line and adds it up."""
    r = make_report([ind("IKM", quarters([20, 20, 20, 25], 85), D(80), 40)])
    f = only(run(r), "triwulan-dibagi")[0]
    assert f.severity == "error" and f.loc == loc(44)  # 42 "2024:", 43 "tahunan: 85", 44 "tw1: 20"
    assert "20 + 20 + 20 + 25 = 85" in f.message and "agregasi 'terakhir'" in f.message


def test_quarter_targets_without_annual_target_are_an_error_never_a_pick():
    """The issue's report: the last quarter (25) was taken as the annual target, and IKM published 334,06 %."""
    r = make_report([ind("IKM", quarters([20, 20, 20, 25]), D("83.515"), 40)])
    f = only(run(r), "triwulan-tanpa-tahunan")[0]
    assert f.severity == "error" and f.loc == loc(42) and "(20/20/20/25)" in f.message
    ir = compute_report(r, {}, "banjar").indikator["IKM"]
    assert ir.target is None and ir.capaian.value is None  # N/A, not 83,515 / 25 = 334,06 %
    assert "target tahunan 2023 belum ditetapkan" in ir.capaian.reason


def test_quarter_targets_without_annual_in_a_quarterly_report_are_a_warning():
    r = make_report([ind("DOK", quarters([3, 3, 3, 3]), PeriodValues(quarters={"tw1": D(3)}), 40,
                         agregasi="jumlah")], periode="tw1")
    f = only(run(r), "triwulan-tanpa-tahunan")[0]
    assert f.severity == "warning"
    assert compute_report(r, {}, "banjar").indikator["DOK"].capaian.value == 100  # s.d. TW I: 3 of 3


@pytest.mark.parametrize(("agregasi", "values", "annual", "line", "text"), [
    ("jumlah", [3, 3, 3, 2], 12, 43, "3 + 3 + 3 + 2 = 11, tidak sama dengan target tahunan 12"),
    ("terakhir", [80, 82, 84, 83], 85, 47, "target TW IV 83 tidak sama dengan target tahunan 85"),
    ("rata_rata", [80, 82, 84, 86], 85, 43, "(80 + 82 + 84 + 86) ÷ 4 = 83,00, tidak sama dengan target tahunan 85"),
])
def test_annual_and_quarters_must_agree_by_the_aggregation(agregasi, values, annual, line, text):
    r = make_report([ind("X", quarters(values, annual), D(80), 40, agregasi=agregasi, satuan="dokumen")])
    f = only(run(r), "triwulan-agregasi")[0]
    assert f.severity == "error" and f.loc == loc(line) and text in f.message


@pytest.mark.parametrize(("values", "flagged"), [
    ([30, 62, 95, 121], True),   # running totals of a 120 a year count: added up to 308 (257 %)
    ([30, 62, 95], True),        # the same at TW III, no TW IV yet
    ([10, 20, 30, 40], False),   # rising quarters that add up to the year's 100: a count growing, not totals
    ([40, 50, 60, 70], False),   # 220 of 100, but the last (70) is short of the year's pace: real, not totals
    ([5, 40, 80, 121], True),    # running totals of a slow first quarter
    ([95, 62, 30, 121], False),  # not rising
    ([30, 62], False),           # two quarters say too little
])
def test_a_counts_quarters_typed_as_running_totals_are_said(values, flagged):
    """A dinas author copied s.d. TW n figures of a monitoring sheet into a count's quarters; the report added them."""
    target = D(120) if values[0] == 30 else D(100)
    r = make_report([ind("DOK", PeriodValues(annual=target, loc=loc(41)), quarters(values), 40, agregasi="jumlah",
                         satuan="dokumen")], periode="tahunan" if len(values) == 4 else "tw3")
    hits = [f for f in run(r) if f.kode == "triwulan-kumulatif"]
    assert bool(hits) == flagged, [str(f) for f in run(r)]
    if flagged:
        assert hits[0].severity == "warning" and hits[0].loc == loc(42 + len(values))  # the last quarter's line
        assert "tw2: 32, tw3: 33" in hits[0].message or values[0] != 30


@pytest.mark.parametrize(("values", "said"), [
    ([585, 1225, 1927], "(585/1.225/1.927) naik terus dan jumlahnya 3.737, jauh di atas 1.950 (bagian target setahun 2.600 "
                        "sampai TW III)"),
    ([585, 640, 1927], "realisasi TW III 2023 1.927 lebih besar dari jumlah triwulan sebelumnya (585 + 640 = 1.225)"),
    ([585, 640, 702], None),  # the quarters' own values: 1.927 of 1.950 so far
])
def test_a_tw3_count_a_little_behind_pace_typed_as_running_totals_is_said(values, said):
    """TW III of 2.600 layanan a year: running totals 585/1.225/1.927 add up to 3.737, under 1,5 × the year (3.900)
    though twice the 1.950 due so far, and passed unsaid (capaian nearly 200 %); so did a TW III typed s.d. TW III after two
    quarters typed right, whose own value (702) the message now gives."""
    r = make_report([ind("PATEN", PeriodValues(annual=D(2600), loc=loc(41)), quarters(values), 40, agregasi="jumlah",
                         satuan="layanan")], periode="tw3")
    hits = [f for f in run(r) if f.kode == "triwulan-kumulatif"]
    assert bool(hits) == (said is not None), [str(f) for f in run(r)]
    if said:
        assert hits[0].severity == "warning" and hits[0].loc == loc(45) and said in hits[0].message
    if values[1] == 640 and said:
        assert "(tw3: 1.927 − 1.225 = 702)" in hits[0].message


@pytest.mark.parametrize(("satuan", "said"), [
    ("Rupiah", True),       # pendapatan asli desa, Rp 1.234 as printed: never three decimals of a rupiah
    ("Rp", True),
    ("pengunjung", True),   # counts the list did not name: visitors, tourists, beneficiaries
    ("wisatawan", True),
    ("penerima", True),
    ("km", False),          # 1,234 km may be meant
    ("juta rupiah", False),  # 1,234 juta rupiah is Rp 1.234.000
    ("indeks", False),      # IKM 3,254
])
def test_a_thousand_typed_with_a_dot_in_rupiah_or_a_count_is_said(satuan, said):
    """An author who writes numbers as the printed report does typed ``realisasi: 1.234`` for 1.234 rupiah or 1.234
    visitors: YAML read 1,234 and the report published a capaian a thousand times too small, unsaid for a unit
    outside the list of counts."""
    r = make_report([ind("X", D(1000), D("1.234"), 40, satuan=satuan)])
    hits = [f for f in run(r) if f.kode == "hitungan-pecahan"]
    assert bool(hits) == said, [str(f) for f in run(r)]
    if said:
        assert hits[0].loc == loc(42) and "tulis 1234" in hits[0].message


@pytest.mark.parametrize(("satuan", "target", "realisasi", "line", "said"), [
    ("persen", 90, "0.92", 42, "realisasi tahunan 2023 tertulis 0,92 %, padahal nilai lain indikator ini sekitar "
                               "90 %"),
    ("%", "0.85", 88, 41, "target tahunan 2023 tertulis 0,85 %"),
    ("persen", 90, "1", 42, "Tulis 100"),
    ("persen", 1, "0.5", None, None),      # 0,5 % beside a target of 1 %: a small percentage, meant
    ("persen", 90, "0.2", None, None),     # 20 % would be far from 90: not the same scale, not said
    ("orang", 90, "0.92", None, None),     # not a percentage
    ("persen", 90, 0, None, None),
])
def test_a_percentage_typed_as_a_fraction_is_said(satuan, target, realisasi, line, said):
    """LibreOffice stores a cell shown as 92 % as 0,92; typed or imported so beside a target of 90, the report
    published capaian 1,02 % without a word."""
    r = make_report([ind("P", D(target), D(realisasi), 40, satuan=satuan)])
    hits = [f for f in run(r) if f.kode == "persen-pecahan"]
    assert bool(hits) == bool(said), [str(f) for f in run(r)]
    if said:
        assert hits[0].severity == "warning" and hits[0].loc == loc(line) and said in hits[0].message


@pytest.mark.parametrize(("satuan", "plan", "kode", "said"), [
    ("orang", {"kondisi_awal": (2021, D("1.101"))}, "hitungan-pecahan", "kondisi_awal 2021 terbaca 1,101 orang"),
    ("orang", {"target_renstra": {2024: D("1.175")}}, "hitungan-pecahan", "target_renstra 2024 terbaca 1,175"),
    ("orang", {"target_akhir": D("1.301")}, "hitungan-pecahan", "target_akhir terbaca 1,301 orang"),
    ("orang", {"target_nasional": (D("1.251"), "Provinsi")}, "hitungan-pecahan", "tulis 1251"),
    ("persen", {"target_akhir": D("0.95")}, "persen-pecahan", "target_akhir tertulis 0,95 %"),
    ("persen", {"kondisi_awal": (2021, D("0.75"))}, "persen-pecahan", "Tulis 75"),
    ("persen", {"target_renstra": {2024: D("0.9")}}, "persen-pecahan", "target_renstra 2024 tertulis 0,9 %"),
    ("indeks", {"target_akhir": D("3.254")}, "hitungan-pecahan", None),  # an IKM of 3,254: a decimal
    ("persen", {"target_akhir": D("95")}, "persen-pecahan", None),
])
def test_a_renstra_value_typed_as_printed_is_said(satuan, plan, kode, said):
    """The Renstra matrix is typed from the same printed table as the targets: ``target_akhir: 1.301`` orang or a
    Percent cell's 0,95 passed unsaid into the Renstra table and its tingkat kemajuan (92 of 0,95: 9.684 %)."""
    real = D(1200) if satuan == "orang" else D(92)
    r = make_report([ind("X", D(1000) if satuan == "orang" else D(90), real, 40, satuan=satuan, **plan)])
    hits = [f for f in run(r) if f.kode == kode]
    assert bool(hits) == bool(said), [str(f) for f in run(r)]
    if said:
        assert hits[0].severity == "warning" and said in hits[0].message


def test_a_count_below_zero_is_said_at_its_value():
    r = make_report([ind("KASUS", D(4), quarters([1, -1, 0, 2]), 40, agregasi="jumlah", satuan="kasus",
                         polaritas="negatif")])
    f = only(run(r), "hitungan-negatif")
    assert [x.loc for x in f] == [loc(44)] and "realisasi TW II 2023 bernilai -1" in f[0].message
    level = ind("PERTUMBUHAN", D(4), quarters([1, -1, 0, 2]), 40, satuan="%")  # a level may fall below zero
    assert not [x for x in run(make_report([level])) if x.kode == "hitungan-negatif"]


def test_index_unit_cannot_be_summed_over_quarters():
    r = make_report([ind("IKM", quarters([20, 20, 20, 25], 85), D(80), 40, agregasi="jumlah", satuan="indeks")])
    f = only(run(r), "triwulan-dibagi")[0]
    assert f.loc == loc(44) and "20 + 20 + 20 + 25 = 85" in f.message and "agregasi: terakhir" in f.message


@pytest.mark.parametrize("satuan", ["IKM", "nilai IKM", "skala 1-100"])
def test_an_index_named_so_cannot_be_summed_over_quarters_whatever_its_unit(satuan):
    """An IKM split 20/20/20/25 was caught with satuan "indeks" only; "IKM" or "skala 1-100" passed as a sum."""
    i = ind("IKM", quarters([20, 20, 20, 25], 85), D(80), 40, agregasi="jumlah", satuan=satuan)
    i.nama = "Indeks Kepuasan Masyarakat"
    f = only(run(make_report([i])), "triwulan-dibagi")[0]
    assert f.loc == loc(44) and "indikator 'Indeks Kepuasan Masyarakat' adalah tingkat" in f.message


def test_quarterly_checks_reach_every_level_not_only_the_pk():
    """A tujuan indicator and a sub kegiatan indicator outside the PK are checked like a PK indicator."""
    tujuan = ind("IKM", quarters([20, 20, 20, 25], 85, year_line=12), D(80), 10, jenis="tujuan")
    sub = ind("SK1", quarters([25, 25, 25, 25], 100, year_line=32), D(80), 30, jenis="sub_kegiatan", satuan="%")
    kept = ind("A", D(100), D(90), 50)
    r = make_report([tujuan, sub, kept])
    r.data.pk = PerjanjianKinerja(2023, "awal", None, ["S1"], ["A"], [], loc(1, f"{DIR}/data/pk.yaml"))
    assert [(f.loc.line, f.message.split(" ")[0]) for f in only(run(r), "triwulan-dibagi")] == [(14, "IKM"),
                                                                                               (34, "SK1")]


def test_realisasi_split_like_a_target_is_an_error():
    r = make_report([ind("IKM", D(85), quarters([20, 20, 20, 25], 85, year_line=60), 40)])
    f = only(run(r), "triwulan-dibagi")[0]
    assert f.loc == loc(62) and "realisasi triwulan 2023 dijumlahkan" in f.message


def test_zero_target_is_a_warning():
    r = make_report([ind("Z", D(0), D(3), 50)])
    f = only(run(r), "target-nol")[0]
    assert f.severity == "warning" and f.loc == loc(51)


def test_a_negative_indicators_zero_target_is_not_blamed_for_a_missing_realisasi():
    """Batu Sopang's TEMUAN (negative, target 0 temuan, realisasi not reported) was warned "target 2022 bernilai 0,
    sehingga capaian tidak dapat dihitung": with realisasi 0 its capaian is 100 %; the N/A is the realisasi's."""
    missing = ind("TEMUAN", D(0), Missing("tidak dilaporkan"), 50, polaritas="negatif")
    zero = ind("NOL", D(0), D(0), 60, polaritas="negatif")
    over = ind("LEBIH", D(0), D(2), 70, polaritas="negatif")
    findings = run(make_report([missing, zero, over]))
    assert [f.message.split(":")[0] for f in findings if f.kode == "target-nol"] == ["LEBIH"]


def test_different_units():
    r = make_report([ind("Q", "B", D(3), 60, kualitatif=["D", "C", "B", "A"])])
    f = only(run(r), "satuan-berbeda")[0]
    assert f.loc == loc(62) and "realisasi" in f.message


def test_missing_target_of_report_year():
    i = ind("OLD", D(10), D(10), 70, tahun=2022)
    f = only(run(make_report([i], [("S1", ["OLD"])])), "target-tidak-ada")[0]
    assert "2023" in f.message and "2022" in f.message and f.severity == "warning"


def test_a_sasaran_indicator_outside_the_pk_without_a_target_is_warned_of():
    """Outside the PK, an indicator of a sasaran without the year's target was "tidak terukur" in its sasaran's
    average without a word (the PK's were warned of)."""
    pk = PerjanjianKinerja(2023, "awal", None, ["S1"], ["A"], [], loc(1))
    r = make_report([ind("A", D(10), D(10), 10), ind("B", D(10), D(10), 20, tahun=2022)], [("S1", ["A", "B"])], pk=pk)
    assert [f.message.split(":")[0] for f in only(run(r), "target-tidak-ada")] == ["B"]


def test_missing_realisasi_without_reason_warns_but_reason_does_not():
    findings = run(make_report([ind("A", D(10), None, 10), ind("B", D(10), Missing("Survei belum ada"), 20)]))
    assert [f.message.split(":")[0] for f in only(findings, "realisasi-kosong")] == ["A"]


@pytest.mark.parametrize("periode, ttd, bad", [
    ("tw1", dt.date(2024, 3, 28), True),     # seed 001: TW I report signed 28 Maret 2024
    ("tw1", dt.date(2024, 4, 1), False),
    ("tw4", dt.date(2024, 12, 30), True),
    ("tahunan", dt.date(2024, 12, 31), False),
    ("tahunan", dt.date(2024, 11, 30), True),
])
def test_signed_before_period_end(periode, ttd, bad):
    r = make_report([], tahun=2024, periode=periode, ttd=ttd)
    hits = [f for f in run(r) if f.kode == "ttd-sebelum-periode"]
    assert bool(hits) == bad
    if bad:
        assert hits[0].severity == "warning" and hits[0].loc == r.loc


def test_period_end():
    assert period_end(2024, "tw1") == dt.date(2024, 3, 31)
    assert period_end(2024, "tw2") == dt.date(2024, 6, 30)
    assert period_end(2024, "tw4") == dt.date(2024, 12, 31)


def test_data_of_another_year():
    pk = PerjanjianKinerja(2022, "awal", None, [], [], [], loc(1, "pk.yaml"))
    b = Budget(2022, [], loc(1, ANG))
    ikm = Ikm(2021, [], loc(1, "ikm.yaml"))
    findings = run(make_report([], pk=pk, anggaran=b, ikm=ikm))
    assert only(findings, "tahun-pk")[0].loc == loc(1, "pk.yaml")
    assert "2022" in only(findings, "tahun-anggaran")[0].message
    assert only(findings, "tahun-ikm")[0].severity == "error"


def test_quarterly_report_may_use_last_years_ikm():
    ikm = Ikm(2023, [IkmElement(f"U{i}", "u", D(3), loc(i, "ikm.yaml")) for i in range(1, 10)], loc(1, "ikm.yaml"))
    r = make_report([], tahun=2024, periode="tw1", ikm=ikm, ttd=dt.date(2024, 4, 10))
    assert [f for f in run(r) if f.kode == "tahun-ikm"] == []


# ---------------------------------------------------------------------------------------------- narrative

def test_other_kecamatan_name_in_narrative():
    """Seed 000 names 'Kecamatan Paramasan', seed 001 'Kecamatan Beruntung Baru' (copied text)."""
    body = ("Paragraf pertama.\n"
            "Indikator kinerja Kecamatan Paramasan Kabupaten Banjar dirinci berikut.\n"
            "```{tabel} capaian\nid: Kecamatan Contoh\n```\n"
            "IKKI Kec. Beruntung Baru dan Kecamatan Martapura Barat.\n")
    r = make_report([], chapters=[chapter(body, body_line=6)])
    findings = check_narrative_names(r, [])
    assert [(f.loc.line, f.message.split("'")[1]) for f in findings] == [
        (7, "Kecamatan Paramasan"), (11, "Kecamatan Beruntung Baru")]
    assert all(f.loc.file == f"{DIR}/30-bab-3.md" and f.severity == "warning" for f in findings)


def test_names_inside_markdown_and_acronyms_are_not_misread():
    body = ("![Bagan susunan organisasi Kecamatan Martapura Barat](gambar/struktur.svg)\n"
            "pelayanan administrasi terpadu kecamatan (PATEN) yang baik\n"
            "**Kecamatan Martapura Barat**, Kecamatan Martapura Barat.\n"
            "Camat [Kecamatan Astambul](https://astambul.example) hadir.\n")
    findings = check_narrative_names(make_report([], chapters=[chapter(body, body_line=1)]), [])
    assert [(f.loc.line, f.message.split("'")[1]) for f in findings] == [(4, "Kecamatan Astambul")]


def test_the_own_names_short_form_is_not_another_instansi():
    """A dinas writes its own name short: "Dinas PUPR" in the report of Dinas Pekerjaan Umum dan Penataan Ruang was
    flagged as another instansi's name on every line. A short form of another name still is one."""
    body = ("Dinas PUPR menangani jalan; Dinas PU Kabupaten Banjar juga.\n"
            "Dinas Kominfo menyiarkannya.\n"
            "Dinas Pertanian dan Dinas PUTR hadir.\n")
    r = make_report([], chapters=[chapter(body, body_line=1)])
    r.instansi.nama = "Dinas Pekerjaan Umum dan Penataan Ruang"
    findings = check_narrative_names(r, [])
    assert [(f.loc.line, f.message.split("'")[1]) for f in findings] == [
        (2, "Dinas Kominfo"), (3, "Dinas PUTR"), (3, "Dinas Pertanian")]
    r.instansi.nama = "Dinas Komunikasi dan Informatika"
    assert [(f.loc.line, f.message.split("'")[1]) for f in check_narrative_names(r, [])] == [
        (1, "Dinas PUPR"), (3, "Dinas PUTR"), (3, "Dinas Pertanian")]  # "Dinas PU" too, said once with PUPR


def test_the_own_name_without_its_kabupaten_is_not_another_instansi():
    """A dinas named with its pemda ("Dinas Kesehatan Kabupaten Tanah Laut") calls itself "Dinas Kesehatan" in its
    text and in its head's jabatan ("Kepala Dinas Kesehatan"): each line was warned of as naming another instansi, so
    a new dinas report failed ``check --strict``. Another dinas, or the same dinas's short form, still is read."""
    body = ("Dinas Kesehatan membawahi 6 puskesmas; Dinas Kesehatan Kabupaten Tanah Laut juga.\n"
            "Dinkes dan Dinas Kesehatan Kota Banjarbaru bekerja sama dengan Dinas Sosial.\n")
    r = make_report([], chapters=[chapter(body, body_line=1)])
    r.instansi.nama = "Dinas Kesehatan Kabupaten Tanah Laut"
    r.instansi.kepala.jabatan = "Kepala Dinas Kesehatan"
    assert [(f.loc.line, f.message.split("'")[1]) for f in check_narrative_names(r, [])] == [(2, "Dinas Sosial")]
    r = make_report([], chapters=[chapter("Dinas Kominfo dan Dinas Komunikasi dan Informatika hadir.\n")])
    r.instansi.nama = "Dinas Komunikasi dan Informatika Kota Banjarbaru"
    assert check_narrative_names(r, []) == []
    r = make_report([], chapters=[chapter("Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah menyusun RKPD.\n")])
    r.instansi.nama = "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah Kabupaten Tanah Laut"
    assert check_narrative_names(r, []) == []


def test_another_name_is_read_wherever_it_is_printed():
    """"Camat Paramasan" under the foreword's signature, a chapter's summary, a table's title and an indicator's name
    were not read (only the chapters' text was); "Camat selaku Pengguna Anggaran" names nobody."""
    body = ("Camat selaku Pengguna Anggaran, dan Sekretaris Camat.\n"
            "```{tabel} capaian\nid: t\njudul: Capaian Kecamatan Beruntung Baru\n```\n")
    ch = chapter(body, body_line=6)
    ch.front = YMap({"judul": "Akuntabilitas Kinerja", "ringkasan": "Capaian Kec. Paramasan tahun ini."})
    ch.front.lines = {"judul": 2, "ringkasan": 4}
    a = ind("NEK", D(73), D(84), 5)
    a.nama = "Nilai Evaluasi Kinerja Camat Astambul"
    r = make_report([a], chapters=[ch])
    r.instansi.kepala.jabatan = "Camat Paramasan"
    r.lines["instansi.kepala.jabatan"] = 17
    findings = check_narrative_names(r, [])
    assert sorted((f.loc.file.rsplit("/", 1)[-1], f.loc.line, f.message.split("'")[1]) for f in findings) == [
        ("30-bab-3.md", 4, "Kecamatan Paramasan"), ("30-bab-3.md", 9, "Kecamatan Beruntung Baru"),
        ("indikator.yaml", 5, "Kecamatan Astambul"), ("laporan.yaml", 17, "Kecamatan Paramasan")]


@pytest.mark.parametrize(("judul", "periode", "said"), [
    ("Laporan Kinerja Triwulan III Kecamatan Pengaron Tahun 2024", "tw1", "menyebut Triwulan III, sedangkan laporan "
     "ini Triwulan I (periode: tw1)"),
    ("Laporan Kinerja TW 2 Tahun 2024", "tw1", "menyebut Triwulan II"),
    ("Laporan Kinerja Triwulan I Tahun 2024", "tw1", None),
    ("Laporan Kinerja Tahun 2024 (Triwulan ini dan lalu)", "tw1", None),
    ("LKjIP Triwulan IV 2024", "tahunan", "menyebut Triwulan IV, sedangkan laporan ini tahunan")])
def test_a_title_naming_another_quarter_is_warned_of(judul: str, periode: str, said: str | None) -> None:
    """A TW I report titled "Triwulan III" had that title on its pages beside a cover reading TRIWULAN I."""
    r = make_report([], tahun=2024, periode=periode, ttd=dt.date(2024, 4, 10) if periode == "tw1" else None)
    r.judul = judul
    found = [f.message for f in check.check_title(r) if f.kode == "judul-periode"]
    assert len(found) == (0 if said is None else 1) and (said is None or said in found[0]), found


def test_a_heading_of_the_reports_own_period_naming_last_year_is_warned_of():
    """A 2023 report whose BAB III heading read "Capaian Kinerja Tahun 2022" (copied from last year's report) passed:
    only the report's judul and the captions of tables and charts were read. A comparison, a plan of several years,
    last year named on purpose, a later year and a heading about something else are no slip."""
    body = ("## Capaian Kinerja Tahun 2022\n\n"  # 6
            "Teks.\n\n"
            "### Perjanjian Kinerja 2022\n\n"  # 10
            "## Capaian Kinerja Tahun 2023\n\n"
            "## Perbandingan Realisasi Kinerja dengan Tahun 2022\n\n"
            "## Capaian kinerja 2021–2023\n\n"
            "## Target Renstra 2021–2026\n\n"
            "## Realisasi Tahun Lalu (2022)\n\n"
            "## Tindak Lanjut Hasil Evaluasi AKIP Tahun 2022\n\n"
            "## Rencana Kinerja Tahun 2024\n\n"
            "## Sejarah kecamatan sejak 1965\n\n"
            "## Gambaran umum 1999\n\n"
            "```text\n## Capaian Kinerja Tahun 2022\n```\n")
    ch = chapter(body)
    ch.front = {"judul": "Akuntabilitas Kinerja Tahun 2022"}  # line 1: a dict has no lines
    found = [f for f in run(make_report([ind("IKU1", D(73), D("84.82"), 10)], chapters=[ch]))
             if f.kode == "judul-bab-tahun"]
    assert [f.loc.line for f in found] == [1, 6, 10], [str(f) for f in found]
    assert found[1].message.startswith("judul 'Capaian Kinerja Tahun 2022' menyebut tahun 2022, padahal laporan ini "
                                       "laporan tahun 2023 (judul salinan laporan lama?); perbarui tahunnya menjadi "
                                       "2023")
    # a quarterly report is of its year: "Triwulan I Tahun 2023" in TW I 2024 is last year's
    tw = [f for f in run(make_report([ind("IKU1", D(73), D("84.82"), 10, tahun=2024)], tahun=2024, periode="tw1",
                                     chapters=[chapter("## Capaian Kinerja Triwulan I Tahun 2023\n\n"
                                                       "## Capaian Kinerja Triwulan I Tahun 2024\n")]))
          if f.kode == "judul-bab-tahun"]
    assert [(f.loc.line, "laporan Triwulan I tahun 2024" in f.message) for f in tw] == [(6, True)]


def test_a_signature_typed_in_the_foreword_is_warned_of_and_text_is_not():
    body = ("Martapura, 20 Desember 2023\n**Camat Martapura Barat**\nNIP. 19700101 199003 1 002\n"
            "Pada 20 Desember 2023 kami menerima kunjungan.\nJumlah NIP yang terdata 12 orang.\n")
    ch = chapter(body, rel=f"{DIR}/00-kata-pengantar.md", body_line=5)
    ch.jenis = "kata-pengantar"
    lines = [f.loc.line for f in run(make_report([], chapters=[ch])) if f.kode == "ttd-diketik"]
    assert lines == [5, 7]
    ch.jenis = "lampiran"  # a list of officials with their NIP is no signature
    assert not [f for f in run(make_report([], chapters=[ch])) if f.kode == "ttd-diketik"]


def test_an_earlier_years_figure_is_compared_with_that_years_report_of_the_same_instansi_only():
    """IKKI 2023 85,32 in the 2024 report against 85,79 in the 2023 report; last year's budget totals typed as the
    2023 report printed them (2.369.772.519) against what it computes. Another pemda's instansi of the same name, a
    quarterly report and a later year are not "last year's report"; a unit changed is another indicator."""
    def reports(tahun, periode="tahunan", pemda="Pemerintah Kabupaten Banjar", realisasi=D("85.79")):
        r = make_report([ind("IKKI", D(74), realisasi, 5, tahun=tahun)], tahun=tahun, periode=periode,
                        anggaran=clean_budget() if tahun == 2023 else None,
                        ttd=dt.date(2024, 4, 10) if periode == "tw1" else None)
        r.instansi.pemda, r.slug = pemda, f"martapura-barat-{tahun}-{periode}-{len(pemda)}"
        r.computed = compute_report(r, {}, "permendagri-86-2017")
        return r

    last, other, quarter = reports(2023), reports(2023, pemda="Pemerintah Kota Banjarbaru"), reports(2023, "tw1")
    now = reports(2024, realisasi=D("82.4"))
    now.data.indikator["IKKI"].realisasi[2023] = PeriodValues(annual=D("85.32"), loc=loc(9))
    now.data.anggaran = Budget(2024, [], loc(1, ANG), tahun_lalu=(D(11611960), D(2369772519)))
    now.data.anggaran.lines = {"tahun_lalu": 30, "tahun_lalu.realisasi": 32}
    earlier = same_instansi([now, last, other, quarter, reports(2025)])
    assert earlier[now.slug] == [last]
    found = [(f.loc.line, f.message) for f in check_earlier(now, earlier[now.slug])]
    assert found == [(9, f"IKKI: realisasi 2023 tertulis 85,32, sedangkan laporan 2023 instansi ini ('{last.slug}') "
                         "mencatat 85,79; samakan angkanya, atau bila laporan itu yang keliru, perbaiki dan terbitkan "
                         "ralatnya"),
                     (32, f"tahun_lalu.realisasi Rp 2.369.772.519, sedangkan laporan 2023 instansi ini "
                          f"('{last.slug}') menghitung realisasi Rp 3.895.300; samakan angkanya, atau bila laporan "
                          "itu yang keliru, perbaiki dan terbitkan ralatnya")]
    now.data.indikator["IKKI"].satuan = "%"  # measured otherwise now: not the same figure
    assert [f.loc.line for f in check_earlier(now, [last])] == [32]


def test_an_earlier_years_target_typed_again_is_compared_with_that_years_report():
    """A 2024 TW I report typed 2023's target 90 where the 2023 report had 80: its year-comparison table,
    ``NEK.capaian@2023`` and open data's 2023 row gave a capaian the published report did not, without a word. Under a
    PK Perubahan the 2023 report measured against the revised target: that one typed again is no difference, the PK
    awal's (its ``target_awal``) or the Renstra's yearly target is said as such, at the line of the value."""
    pk_file = f"{DIR}/data/pk.yaml"

    def last_year(target, jenis="awal", target_awal=(), renstra=None):
        i = ind("NEK", D(target), D("84.82"), 5, tahun=2023, target_renstra=renstra or {})
        pk = PerjanjianKinerja(2023, jenis, None, ["S1"], ["NEK"], [], loc(1, pk_file), target_awal=list(target_awal))
        r = make_report([i], [("S1", ["NEK"])], tahun=2023, pk=pk)
        r.slug, r.instansi.nama = "martapura-barat-2023", "Kecamatan Martapura Barat"
        r.computed = compute_report(r, {}, "permendagri-86-2017")
        return r

    def this_year(typed):
        now = make_report([ind("NEK", D(75), D(20), 5, tahun=2024)], tahun=2024, periode="tw1",
                          ttd=dt.date(2024, 4, 10))
        now.slug, now.instansi.nama = "martapura-barat-2024-tw1", "Kecamatan Martapura Barat"
        now.data.indikator["NEK"].target[2023] = PeriodValues(annual=D(typed), loc=loc(8), locs={"tahunan": loc(9)})
        now.data.indikator["NEK"].realisasi[2023] = PeriodValues(annual=D("84.82"), loc=loc(11))
        now.computed = compute_report(now, {}, "permendagri-86-2017")
        return now

    fix = "; samakan angkanya, atau bila laporan itu yang keliru, perbaiki dan terbitkan ralatnya"
    assert [(f.loc, f.kode, f.message) for f in check_earlier(this_year(90), [last_year(80)])] == [
        (loc(9), "beda-laporan-lalu", "NEK: target 2023 tertulis 90, sedangkan laporan 2023 instansi ini "
                                      f"('martapura-barat-2023') mencatat 80{fix}")]
    assert check_earlier(this_year(80), [last_year(80)]) == []
    # a PK Perubahan raised 80 to 90 in 2023: the revised target is the one the 2023 report measured against
    revised = last_year(90, "perubahan", [TargetAwal("NEK", D(80), "APBD Perubahan", loc(9, pk_file))])
    assert check_earlier(this_year(90), [revised]) == []
    assert [(f.loc, f.message) for f in check_earlier(this_year(80), [revised])] == [
        (loc(9), "NEK: target 2023 tertulis 80, target PK awal; laporan 2023 instansi ini ('martapura-barat-2023') "
                 "mengukur capaian 2023 dengan target PK Perubahan 90: tulis 90, atau bila laporan itu yang keliru, "
                 "perbaiki dan terbitkan ralatnya")]
    # the Renstra's target of 2023 typed from its matrix instead of the PK's
    planned = last_year(80, renstra={2023: 73})
    assert [f.message.split(";")[0] for f in check_earlier(this_year(73), [planned])] == [
        "NEK: target 2023 tertulis 73, target Renstra tahun itu"]
    assert "target Perjanjian Kinerja 80: tulis 80" in check_earlier(this_year(73), [planned])[0].message


def test_a_years_target_changed_under_one_pk_is_said_without_its_realisasi():
    """An indicator measured once a year (IKM) has no realisasi in the quarterly reports: its target 75 in TW I and
    80 in TW II under one PK was compared with nothing (only indicators with the year's realisasi were)."""
    def quarterly(periode, target):
        i = Indicator(id="IKM", nama="Indeks Kepuasan Masyarakat", satuan="indeks", polaritas="positif", loc=loc(1),
                      target={2024: PeriodValues(annual=D(target), loc=loc(3), locs={"tahunan": loc(4)})})
        r = make_report([i], tahun=2024, periode=periode, ttd=dt.date(2024, 12, 31))
        r.slug, r.instansi.nama = f"kec-2024-{periode}", "Kecamatan Pengaron"
        r.computed = compute_report(r, {}, "permendagri-86-2017")
        return r

    tw1 = quarterly("tw1", 75)
    assert [(f.loc, f.kode, f.message.split(";")[0]) for f in check_earlier(quarterly("tw2", 80), [tw1])] == [
        (loc(4), "beda-laporan-triwulan", "IKM: target 2024 tertulis 80, sedangkan laporan Triwulan I 2024 instansi "
                                          "ini ('kec-2024-tw1') mencatat 75, dengan Perjanjian Kinerja yang sama")]
    assert check_earlier(quarterly("tw2", 75), [tw1]) == []


def test_one_instansi_spelt_otherwise_in_another_report_is_said_at_each_spelling():
    """A province portal: Martapura Barat's 2024 report wrote its pemda "Pemkab Banjar", its 2023 report "Pemerintah
    Kabupaten Banjar"; a kecamatan's name in other letters one year; a report leaving its pemda to situs.yaml beside
    one that writes it "Kab. Banjar". Each was two instansi on the portal, without a word. Another pemda's instansi of
    the same name, and another instansi, are not spellings of it."""
    def report(slug, nama="Kecamatan Martapura Barat", pemda="Pemerintah Kabupaten Banjar", written=True):
        r = make_report([], tahun=int(slug[-4:]))
        r.slug, r.instansi.nama, r.instansi.pemda = slug, nama, pemda
        r.lines = {"instansi": 6, "instansi.nama": 7} | ({"instansi.pemda": 9} if written else {})
        return r

    old, new = report("mb-2023"), report("mb-2024", pemda="Pemkab  Banjar")
    lower = report("mb-2022", nama="kecamatan martapura barat")
    untouched = [report("mb-kota-2023", pemda="Pemerintah Kota Banjarbaru"),
                 report("pengaron-2023", "Kecamatan Pengaron")]
    spelled = spelled_otherwise([old, new, lower, *untouched])
    assert spelled["mb-kota-2023"] == spelled["pengaron-2023"] == []
    assert spelled["mb-2023"] == [lower, new]
    [pemda] = check_spelling(new, [old])
    assert (pemda.loc.line, pemda.kode) == (9, "instansi-ejaan")
    assert pemda.message == (
        "instansi.pemda 'Pemkab  Banjar' ditulis 'Pemerintah Kabupaten Banjar' di laporan 'mb-2023' (Tahun 2023), "
        "instansi yang sama: situs menampilkan keduanya sebagai dua instansi (dua judul di beranda, dua halaman "
        "instansi dan angka kedua laporan tidak dibandingkan); tulis nama dan pemda persis sama di semua laporan "
        "instansi ini")
    [name] = check_spelling(old, [lower])  # the same page, still compared: only what the portal shows twice
    assert name.loc.line == 7 and name.message.startswith(
        "instansi.nama 'Kecamatan Martapura Barat' ditulis 'kecamatan martapura barat' di laporan 'mb-2022' (Tahun "
        "2022), instansi yang sama: situs menampilkan keduanya sebagai dua instansi (dua judul di beranda dan dua "
        "pilihan di pencarian); tulis")
    dotted = report("mb-2020", nama="Kecamatan Martapura Barat.")  # one page (its address drops the dot), apart
    [dot] = check_spelling(dotted, [old])                                  # in the comparisons: said as it is
    assert "(dua judul di beranda, dua pilihan di pencarian dan angka kedua laporan tidak dibandingkan)" in dot.message
    silent = report("mb-2021", pemda="Kab. Banjar", written=False)  # its pemda is situs.yaml's
    [default] = check_spelling(silent, spelled_otherwise([silent, old])["mb-2021"])
    assert default.loc.line == 7 and default.message.startswith(
        "pemda instansi ini 'Kab. Banjar' (dari situs.yaml, karena instansi.pemda tidak diisi) ditulis 'Pemerintah "
        "Kabupaten Banjar' di laporan 'mb-2023'")


def _renamed(slug, nama, earlier=(), tahun=2024, pemda="Pemerintah Kabupaten Banjar"):
    """A report of ``nama`` declaring its ``earlier`` names (``instansi.nama_sebelumnya``, items on lines 9, 10 …)."""
    r = make_report([], tahun=tahun)
    r.slug, r.instansi.nama, r.instansi.pemda = slug, nama, pemda
    r.instansi.nama_sebelumnya = tuple(earlier)
    r.lines = {"instansi": 6, "instansi.nama": 7, "instansi.nama_sebelumnya": 8,
               **{f"instansi.nama_sebelumnya.{i}": 9 + i for i in range(len(earlier))}}
    return r


def test_a_renamed_instansis_reports_are_compared_with_those_under_its_earlier_name():
    """"Dinas Pariwisata" became "Dinas Kebudayaan dan Pariwisata" in 2025: last year's figures typed in the 2025
    report were compared with no report (another name was another instansi). Declared, the 2024 report under the
    earlier name is last year's report of the same instansi, through two renames too; not another pemda's of that
    name, and not the other way round (the old name's reports are not compared with the new name's); a later report
    of the new name need not say it again."""
    old = _renamed("dinpar-2024", "Dinas Pariwisata", ["Dinas Pariwisata dan Olahraga"], tahun=2024)
    older = _renamed("dinpar-2023", "Dinas Pariwisata dan Olahraga", tahun=2023)
    elsewhere = _renamed("dinpar-paser-2023", "Dinas Pariwisata", tahun=2023, pemda="Pemerintah Kabupaten Paser")
    new = _renamed("disbudpar-2025", "Dinas Kebudayaan dan Pariwisata", ["dinas  pariwisata"], tahun=2025)
    later = _renamed("disbudpar-2026", "Dinas Kebudayaan dan Pariwisata", tahun=2026)  # said once, in 2025's
    earlier = same_instansi([old, older, elsewhere, new, later])
    assert earlier[new.slug] == [old, older]
    assert earlier[later.slug] == [new, old, older]
    assert earlier[older.slug] == earlier[elsewhere.slug] == []
    new.instansi.nama_sebelumnya = ()
    assert same_instansi([old, new])[new.slug] == []  # without the key: two instansi, as before


def test_an_earlier_name_unknown_equal_to_its_own_or_in_a_cycle_is_said_at_its_line():
    """A typo in the earlier name links and compares nothing: a warning naming the close name; the report's own
    name, or two reports each naming the other as earlier, leave unknown which page is the newer: an error."""
    old = _renamed("dinpar-2024", "Dinas Pariwisata", tahun=2024)
    typo = _renamed("disbudpar-2025", "Dinas Kebudayaan dan Pariwisata", ["Dinas Kebudayaan dan Pariwisata",
                                                                          "Dinas Pariwsata"], tahun=2025)
    found = [(f.loc.line, f.severity, f.kode, f.message) for f in check_renames([old, typo])]
    assert found == [
        (9, "error", "nama-sebelumnya-melingkar", "instansi.nama_sebelumnya: 'Dinas Kebudayaan dan Pariwisata' "
         "adalah nama instansi laporan ini sendiri (instansi.nama); tulis di sini nama lama instansi sebelum berganti "
         "nama atau bergabung, persis seperti instansi.nama di laporan lamanya, atau hapus butir ini"),
        (10, "warning", "nama-sebelumnya-tidak-ada", "instansi.nama_sebelumnya: 'Dinas Pariwsata': belum ada laporan "
         "instansi bernama itu (Pemerintah Kabupaten Banjar) di situs ini, sehingga halaman instansi ini tidak "
         "bertaut ke halaman nama lamanya dan angka tahun lalu tidak dibandingkan dengan laporannya; tulis nama lama "
         "persis seperti instansi.nama di laporan lamanya; mungkin maksudnya 'Dinas Pariwisata', atau hapus butir "
         "ini bila laporan itu tidak ada di situs")]
    # a name only a released version has (the report renamed in a new version of its own folder) is known
    assert check_renames([typo], [("Dinas Pariwsata", "Pemerintah Kabupaten Banjar")])[1:] == []
    assert check_renames([typo], [("Dinas Pariwsata", "Pemerintah Kota Banjarbaru")])[1:] != []  # another pemda's

    new = _renamed("disbudpar-2025", "Dinas Kebudayaan dan Pariwisata", ["Dinas Pariwisata"], tahun=2025)
    back = _renamed("dinpar-2024", "Dinas Pariwisata", ["Dinas Kebudayaan dan Pariwisata"], tahun=2024)
    cycle = [(f.loc.line, f.severity, f.loc.file == new.loc.file, f.message) for f in check_renames([new, back])]
    assert [(line, severity) for line, severity, _, _ in cycle] == [(9, "error"), (9, "error")]
    assert cycle[0][3] == (
        "instansi.nama_sebelumnya: 'Dinas Pariwisata' melingkar: 'Dinas Kebudayaan dan Pariwisata' sebelumnya 'Dinas "
        "Pariwisata', 'Dinas Pariwisata' sebelumnya 'Dinas Kebudayaan dan Pariwisata', sehingga tidak jelas nama "
        "mana yang lebih baru; tulis nama_sebelumnya hanya di laporan yang memakai nama baru, dan hapus butir yang "
        "keliru: di sini, atau 'Dinas Kebudayaan dan Pariwisata' di nama_sebelumnya laporan 'dinpar-2024'")
    assert check_renames([new, old]) == []


def test_a_renamed_instansis_earlier_name_in_its_text_is_not_another_instansi():
    """"Sejak 2025 Dinas Pariwisata digabung menjadi Dinas Kebudayaan dan Pariwisata" in the report that declares the
    rename was said as another instansi named (a known name, and the jenis-word rule); another dinas still is."""
    text = "Sejak 2025 Dinas Pariwisata digabung menjadi Dinas Kebudayaan dan Pariwisata, bukan Dinas Pendidikan.\n"
    r = make_report([], chapters=[chapter(text)])
    r.instansi.nama = "Dinas Kebudayaan dan Pariwisata"
    assert sorted(f.message.split("'")[1] for f in check_narrative_names(r, ["Dinas Pariwisata"])) == [
        "Dinas Pariwisata", "Dinas Pendidikan"]
    r.instansi.nama_sebelumnya = ("Dinas Pariwisata",)
    assert [f.message.split("'")[1] for f in check_narrative_names(r, ["Dinas Pariwisata"])] == ["Dinas Pendidikan"]


def test_a_quarter_typed_again_is_compared_with_that_quarters_report_of_the_same_year():
    """A dinas's TW II report carried TW I's 2 maternal deaths where the published TW I said 3, and a budget quarter
    typed otherwise; the annual report's total beside TW IV's s.d. figure; a TW III folder copied from TW II whose
    periode stayed tw2 was listed twice as "Triwulan II". All published silently."""
    def quarterly(periode, values, budget_tw, slug=None):
        pv = PeriodValues(quarters={q: D(v) for q, v in values.items()}, loc=loc(5),
                          locs={q: loc(6 + i) for i, q in enumerate(values)})
        i = Indicator(id="KMI", nama="Kematian ibu", satuan="orang", polaritas="negatif", loc=loc(1),
                      target={2024: PeriodValues(annual=D(8))}, realisasi={2024: pv}, agregasi="jumlah")
        sub = leaf("1.02.02.2.01.0001", 1000, 0, 20, realisasi_tw={q: D(v) for q, v in budget_tw.items()})
        sub.realisasi = None
        sub.lines = {f"realisasi_tw.{q}": 22 + k for k, q in enumerate(budget_tw)}
        budget = Budget(2024, [node("program", "1.02.02", [node("kegiatan", "1.02.02.2.01", [sub], 19)], 18)],
                        loc(1, ANG))
        r = make_report([i], tahun=2024, periode=periode, anggaran=budget, ttd=dt.date(2024, 12, 31))
        r.slug = slug or f"dinkes-2024-{periode}"
        r.instansi.nama = "Dinas Kesehatan"
        r.computed = compute_report(r, {}, "permendagri-86-2017")
        return r

    tw1 = quarterly("tw1", {"tw1": 3}, {"tw1": 100})
    tw2 = quarterly("tw2", {"tw1": 2, "tw2": 1}, {"tw1": 150, "tw2": 200})
    copied = quarterly("tw2", {"tw1": 3, "tw2": 1, "tw3": 2}, {"tw1": 100, "tw2": 200, "tw3": 50},
                       slug="dinkes-2024-tw3")
    related = same_instansi([tw1, tw2, copied])
    assert related[tw2.slug] == [copied, tw1] and related[tw1.slug] == []
    found = [(f.loc.line, f.kode, f.message) for f in check_earlier(tw2, [tw1])]
    assert found == [
        (6, "beda-laporan-triwulan", f"KMI: realisasi TW I 2024 tertulis 2, sedangkan laporan Triwulan I 2024 instansi "
                                     f"ini ('{tw1.slug}') mencatat 3; samakan angkanya, atau bila laporan itu yang "
                                     "keliru, perbaiki dan terbitkan ralatnya"),
        (22, "beda-laporan-triwulan", f"1.02.02.2.01.0001: realisasi TW I Rp 150, sedangkan laporan Triwulan I 2024 "
                                      f"instansi ini ('{tw1.slug}') mencatat Rp 100; samakan angkanya, atau bila "
                                      "laporan itu yang keliru, perbaiki dan terbitkan ralatnya")]
    [same] = [f for f in check_earlier(copied, related[copied.slug]) if "juga" in f.message]
    assert same.message.startswith("laporan 'dinkes-2024-tw2' juga laporan Triwulan II 2024 instansi ini; ubah "
                                   "'periode'")
    # TW III's annual target changed under the same PK "awal" as TW I's; a PK Perubahan may change it
    tw3 = quarterly("tw3", {"tw1": 3, "tw2": 1, "tw3": 2}, {"tw1": 100, "tw2": 200, "tw3": 50})
    tw3.data.indikator["KMI"].target[2024] = PeriodValues(annual=D(7), loc=loc(3), locs={"tahunan": loc(3)})
    tw3.computed = compute_report(tw3, {}, "permendagri-86-2017")
    assert [(f.loc.line, f.message.split(";")[0]) for f in check_earlier(tw3, [tw1])] == [
        (3, f"KMI: target 2024 tertulis 7, sedangkan laporan Triwulan I 2024 instansi ini ('{tw1.slug}') mencatat 8, "
            "dengan Perjanjian Kinerja yang sama")]
    # under a PK Perubahan it may, written in target_awal with the target TW I measured against
    tw3.computed.pk_jenis = "perubahan"
    assert [f.message.split(";")[0] for f in check_earlier(tw3, [tw1])] == [
        f"KMI: target 2024 tertulis 7, sedangkan laporan Triwulan I 2024 instansi ini ('{tw1.slug}') mencatat 8 "
        "menurut PK awal, dan perubahan ini tidak tercatat"]
    tw3.data.pk = PerjanjianKinerja(2024, "perubahan", None, ["S1"], ["KMI"], [], loc(1),
                                    target_awal=[TargetAwal("KMI", D(8), "APBD Perubahan", loc(9))])
    assert check_earlier(tw3, [tw1]) == []
    # the annual report's total against TW IV's s.d. figure
    tw4 = quarterly("tw4", {"tw1": 3, "tw2": 1, "tw3": 2, "tw4": 1}, {"tw1": 100, "tw2": 200, "tw3": 50, "tw4": 0})
    annual = quarterly("tahunan", {}, {})
    annual.data.indikator["KMI"].realisasi[2024] = PeriodValues(annual=D(6), loc=loc(5), locs={"tahunan": loc(5)})
    annual.computed = compute_report(annual, {}, "permendagri-86-2017")
    assert [(f.loc.line, f.message.split(",")[0]) for f in check_earlier(annual, [tw4])] == [
        (5, "KMI: realisasi tahun 2024 tertulis 6")]


def test_a_pagu_the_apbd_perubahan_changed_from_a_published_quarterly_report_is_written_in_pagu_awal():
    """The DPPA cut a sub kegiatan's pagu in September: TW I's report, published and permanent, printed the first
    pagu, the annual report the new one only, nothing saying the budget had changed, nor from what. The change must
    be in ``pagu_awal``, with the pagu that report printed; a report of after the change (its pagu the new one) is
    no difference."""
    def budget_report(periode, pagu, pagu_awal=None):
        sub = leaf("7.01.01.2.01.0007", pagu, 0, 24, pagu_awal=None if pagu_awal is None else D(pagu_awal),
                   realisasi_tw={"tw1": D(0)})
        sub.lines = {"pagu": 24, "pagu_awal": 25}
        budget = Budget(2023, [node("program", "7.01.01", [node("kegiatan", "7.01.01.2.01", [sub], 19)], 18)],
                        loc(1, ANG))
        r = make_report([ind("A", D(80), D(82), 10)], [("S1", ["A"])], periode=periode, anggaran=budget,
                        ttd=dt.date(2024, 1, 31))
        r.slug, r.instansi.nama = f"kec-2023-{periode}", "Kecamatan Martapura Barat"
        r.computed = compute_report(r, {}, "banjar")
        return r

    tw1, tw3 = budget_report("tw1", 2400000), budget_report("tw3", 1800000, 2400000)
    silent = budget_report("tahunan", 1800000)
    assert [(f.loc, f.kode, f.message) for f in check_earlier(silent, [tw1])] == [
        (loc(24, ANG), "beda-laporan-triwulan",
         "7.01.01.2.01.0007: pagu Rp 1.800.000, sedangkan laporan Triwulan I 2023 instansi ini ('kec-2023-tw1') "
         "mencatat pagu Rp 2.400.000; bila APBD Perubahan (DPPA) mengubahnya, tulis 'pagu_awal: 2400000' di bawah "
         "pagu agar tabel anggaran menyebut pagu awalnya; bila tidak, samakan angkanya, atau bila laporan itu yang "
         "keliru, perbaiki dan terbitkan ralatnya")]
    # a report of after the change that recorded it: its pagu awal is the one to write
    assert [f.message.split(";")[0] for f in check_earlier(silent, [tw3])] == [
        "7.01.01.2.01.0007: pagu Rp 1.800.000, sedangkan laporan Triwulan III 2023 instansi ini ('kec-2023-tw3') "
        "mencatat pagu Rp 2.400.000 sebelum APBD Perubahan"]
    written = budget_report("tahunan", 1800000, 2400000)
    assert check_earlier(written, [tw1]) == [] and check_earlier(written, [tw3]) == []
    wrong = budget_report("tahunan", 1800000, 2500000)
    assert [(f.loc, f.message.split(";")[0]) for f in check_earlier(wrong, [tw1])] == [
        (loc(25, ANG), "7.01.01.2.01.0007: pagu_awal Rp 2.500.000, sedangkan laporan Triwulan I 2023 instansi ini "
                       "('kec-2023-tw1') mencatat pagu Rp 2.400.000")]
    assert check_earlier(budget_report("tahunan", 2400000), [tw1]) == []  # unchanged: nothing to write


def test_a_reported_quarters_target_changed_later_is_said_under_any_pk():
    """A PK Perubahan signed in July lowered TW I's target 600 to 500 in the TW II report: TW II's capaian s.d. TW II
    rose from 102 % to 111 % while the published TW I report measured TW I against 600. The year's target and the
    quarters to come may change with it."""
    def quarterly(periode, targets, annual, pk):
        tv = PeriodValues(annual=D(annual), quarters={q: D(v) for q, v in targets.items()}, loc=loc(3),
                          locs={"tahunan": loc(3), **{q: loc(3) for q in targets}})
        pv = PeriodValues(quarters={"tw1": D(585), "tw2": D(640)} if periode == "tw2" else {"tw1": D(585)}, loc=loc(5))
        i = Indicator(id="PATEN", nama="Layanan PATEN", satuan="layanan", polaritas="positif", loc=loc(1),
                      target={2025: tv}, realisasi={2025: pv}, agregasi="jumlah")
        r = make_report([i], tahun=2025, periode=periode, ttd=dt.date(2025, 12, 31))
        r.slug, r.instansi.nama = f"kec-2025-{periode}", "Kecamatan Sungai Tabuk"
        r.computed = compute_report(r, {}, "permendagri-86-2017")
        r.computed.pk_jenis = pk
        r.data.pk = PerjanjianKinerja(2025, pk, None, ["S1"], ["PATEN"], [], loc(1),  # the year's change written
                                      target_awal=[TargetAwal("PATEN", D(2400), "APBD-P", loc(9))] * (pk != "awal"))
        return r

    tw1 = quarterly("tw1", {"tw1": 600, "tw2": 600, "tw3": 600, "tw4": 600}, 2400, "awal")
    moved = quarterly("tw2", {"tw1": 500, "tw2": 600, "tw3": 750, "tw4": 750}, 2600, "perubahan")
    assert [(f.kode, f.message.split(";")[0]) for f in check_earlier(moved, [tw1])] == [
        ("beda-laporan-triwulan", "PATEN: target TW I 2025 tertulis 500, sedangkan laporan Triwulan I 2025 instansi "
                                  "ini ('kec-2025-tw1') mencatat 600")]
    kept = quarterly("tw2", {"tw1": 600, "tw2": 600, "tw3": 700, "tw4": 700}, 2600, "perubahan")
    assert check_earlier(kept, [tw1]) == []


SAKIP = ["C", "CC", "B", "BB", "A", "AA"]


def test_an_earlier_years_grade_typed_otherwise_is_compared_with_that_years_report():
    """SAKIP's 2023 target "BB" and realisasi "B" were typed "A" and "BB" in the 2024 report: its year-comparison
    table and the 2023 capaian disagreed with the published 2023 report without a word (only numbers were compared).
    A grade is read as capaian reads it: "bb" is "BB"."""
    def last_year():
        r = make_report([ind("SAKIP", "BB", "B", 5, kualitatif=SAKIP)], tahun=2023)
        r.slug, r.instansi.nama = "martapura-barat-2023", "Kecamatan Martapura Barat"
        r.computed = compute_report(r, {}, "permendagri-86-2017")
        return r

    def this_year(target, realisasi):
        now = make_report([ind("SAKIP", "A", None, 5, tahun=2024, kualitatif=SAKIP)], tahun=2024)
        now.slug, now.instansi.nama = "martapura-barat-2024", "Kecamatan Martapura Barat"
        now.data.indikator["SAKIP"].target[2023] = PeriodValues(annual=target, loc=loc(8), locs={"tahunan": loc(9)})
        now.data.indikator["SAKIP"].realisasi[2023] = PeriodValues(annual=realisasi, loc=loc(11))
        now.computed = compute_report(now, {}, "permendagri-86-2017")
        return now

    fix = "; samakan nilainya, atau bila laporan itu yang keliru, perbaiki dan terbitkan ralatnya"
    assert [(f.loc, f.kode, f.message) for f in check_earlier(this_year("A", "BB"), [last_year()])] == [
        (loc(11), "beda-laporan-lalu", "SAKIP: realisasi 2023 tertulis 'BB', sedangkan laporan 2023 instansi ini "
                                       f"('martapura-barat-2023') mencatat 'B'{fix}"),
        (loc(9), "beda-laporan-lalu", "SAKIP: target 2023 tertulis 'A', sedangkan laporan 2023 instansi ini "
                                      f"('martapura-barat-2023') mencatat 'BB'{fix}")]
    assert check_earlier(this_year(" bb", "B"), [last_year()]) == []


def _rencana_aksi(periode, targets, jenis="awal", **kw):
    """A quarterly report of Sungai Tabuk whose PATEN targets per quarter (its PK's Rencana Aksi) are ``targets``,
    each on line 3 + its quarter's number; ``kw``: its year's target (``tahunan``, 2400) and other keys of the
    indicator."""
    values = {q: D(v) if isinstance(v, int) else v for q, v in targets.items()}
    tv = PeriodValues(annual=kw.pop("tahunan", D(2400)), quarters=values,
                      loc=loc(3), locs={"tahunan": loc(3), **{q: loc(3 + int(q[-1])) for q in targets}})
    i = Indicator(id="PATEN", nama="Layanan PATEN", satuan="layanan", polaritas="positif", loc=loc(1),
                  target={2025: tv}, realisasi={2025: PeriodValues(quarters={"tw1": D(585)}, loc=loc(9))},
                  **({"agregasi": "jumlah"} | kw))
    pk = PerjanjianKinerja(2025, jenis, None, ["S1"], ["PATEN"], [], loc(1),
                           target_awal=[TargetAwal("PATEN", D(2400), "APBD-P", loc(9))] * (jenis != "awal"))
    r = make_report([i], [("S1", ["PATEN"])], tahun=2025, periode=periode, pk=pk, ttd=dt.date(2025, 12, 31))
    r.slug, r.instansi.nama = f"kec-2025-{periode}", "Kecamatan Sungai Tabuk"
    r.computed = compute_report(r, {}, "permendagri-86-2017")
    return r


def test_a_quarters_target_still_to_come_typed_otherwise_under_the_same_pk_is_said():
    """Under one PK the quarters' targets (its Rencana Aksi) stand for the year: TW III's report typed its own
    quarter's target 750 where the published TW I and TW II reports had 600, and its capaian s.d. TW III was measured
    against a target no PK set, without a word (only the quarters already reported, and the year's, were compared).
    Said once, naming the latest report; a PK Perubahan may set the quarters still to come anew."""
    plan = {"tw1": 600, "tw2": 600, "tw3": 600, "tw4": 600}
    tw1, tw2 = _rencana_aksi("tw1", plan), _rencana_aksi("tw2", plan)
    tw3 = _rencana_aksi("tw3", plan | {"tw3": 750})
    assert [(f.loc, f.kode, f.message) for f in check_earlier(tw3, [tw2, tw1])] == [
        (loc(6), "beda-laporan-triwulan",
         "PATEN: target TW III 2025 tertulis 750, sedangkan laporan Triwulan II 2025 instansi ini ('kec-2025-tw2') "
         "mencatat 600, dengan Perjanjian Kinerja yang sama; target triwulan (rencana aksi) hanya berubah dengan PK "
         "Perubahan (pk.yaml: jenis: perubahan); samakan angkanya, atau bila laporan itu yang keliru, perbaiki dan "
         "terbitkan ralatnya")]
    assert check_earlier(_rencana_aksi("tw3", plan), [tw2, tw1]) == []
    assert check_earlier(_rencana_aksi("tw3", plan | {"tw3": 750}, "perubahan"), [tw2, tw1]) == []
    # a grade target of a quarter already reported is compared as a number is
    graded = {"tw1": "B", "tw2": "BB"}
    tw1_graded = _rencana_aksi("tw1", graded, tahunan="BB", kualitatif=SAKIP, agregasi="terakhir")
    retyped = _rencana_aksi("tw2", graded | {"tw1": "BB"}, tahunan="BB", kualitatif=SAKIP, agregasi="terakhir")
    assert [f.message.split(";")[0] for f in check_earlier(retyped, [tw1_graded])] == [
        "PATEN: target TW I 2025 tertulis 'BB', sedangkan laporan Triwulan I 2025 instansi ini ('kec-2025-tw1') "
        "mencatat 'B'"]


def test_a_target_the_pk_perubahan_changed_from_a_published_quarterly_report_is_written_in_target_awal():
    """A PK Perubahan signed in September lowered a target from 120 to 100: the TW I and TW II reports, published
    under the PK awal, printed 120, and the annual report 100 only, nothing saying it had changed, nor from what
    (under the same PK it was said; a differing PK silenced the comparison). The change must be in pk.yaml's
    ``target_awal``, with the target the published report measured against."""
    pk_file = f"{DIR}/data/pk.yaml"

    def report(periode, target, jenis, target_awal=()):
        tv = PeriodValues(annual=D(target), loc=loc(3), locs={"tahunan": loc(3)})
        real = {"tahunan": D(95)} if periode == "tahunan" else {"tw1": D(30)}
        pv = PeriodValues(annual=real.get("tahunan"), quarters={k: v for k, v in real.items() if k != "tahunan"},
                          loc=loc(5))
        i = Indicator(id="PATEN", nama="Layanan PATEN", satuan="layanan", polaritas="positif", loc=loc(1),
                      target={2025: tv}, realisasi={2025: pv}, agregasi="jumlah")
        pk = PerjanjianKinerja(2025, jenis, None, ["S1"], ["PATEN"], [], loc(1, pk_file),
                               target_awal=list(target_awal))
        r = make_report([i], [("S1", ["PATEN"])], tahun=2025, periode=periode, pk=pk, ttd=dt.date(2026, 1, 31))
        r.slug, r.instansi.nama = f"kec-2025-{periode}", "Kecamatan Sungai Tabuk"
        r.computed = compute_report(r, {}, "permendagri-86-2017")
        return r

    tw1 = report("tw1", 120, "awal")
    annual = report("tahunan", 100, "perubahan")
    assert [(f.loc, f.kode, f.message) for f in check_earlier(annual, [tw1])] == [
        (loc(3), "beda-laporan-triwulan",
         "PATEN: target 2025 tertulis 100, sedangkan laporan Triwulan I 2025 instansi ini ('kec-2025-tw1') mencatat "
         "120 menurut PK awal, dan perubahan ini tidak tercatat; tulis di data/pk.yaml 'target_awal: [{indikator: "
         "PATEN, target: 120, alasan: …}]' agar laporan menyebut target awal dan alasan perubahannya (tabel "
         "perubahan_target)")]
    declared = report("tahunan", 100, "perubahan", [TargetAwal("PATEN", D(120), "APBD Perubahan", loc(9, pk_file))])
    assert check_earlier(declared, [tw1]) == []
    wrong = report("tahunan", 100, "perubahan", [TargetAwal("PATEN", D(110), "APBD Perubahan", loc(9, pk_file))])
    assert [(f.loc, f.message.split(";")[0]) for f in check_earlier(wrong, [tw1])] == [
        (loc(9, pk_file), "target_awal PATEN tertulis 110, sedangkan laporan Triwulan I 2025 instansi ini "
                          "('kec-2025-tw1') mencatat target 2025 120 menurut PK awal")]
    # the same target under both PKs: nothing to write
    assert check_earlier(report("tahunan", 120, "perubahan"), [tw1]) == []


def test_a_pk_awal_after_a_report_of_the_year_under_the_pk_perubahan_is_said_at_jenis():
    """The annual report, copied from TW II's folder, kept ``jenis: awal`` (and TW II's targets) beside a published
    TW III under the PK Perubahan: its PK table named the PK awal, it printed no target awal, and no target was
    compared with TW III's; nothing said the reports disagreed. Said once, at pk.yaml's jenis line."""
    pk_file = f"{DIR}/data/pk.yaml"

    def report(periode, jenis, tanggal=None):
        tv = PeriodValues(annual=D(120), loc=loc(3), locs={"tahunan": loc(3)})
        pv = PeriodValues(annual=D(95), loc=loc(5)) if periode == "tahunan" else \
            PeriodValues(quarters={q: D(30) for q in ("tw1", "tw2", "tw3")[: int(periode[-1])]}, loc=loc(5))
        i = Indicator(id="PATEN", nama="Layanan PATEN", satuan="layanan", polaritas="positif", loc=loc(1),
                      target={2025: tv}, realisasi={2025: pv}, agregasi="jumlah")
        pk = PerjanjianKinerja(2025, jenis, tanggal, ["S1"], ["PATEN"], [], loc(1, pk_file), lines={"jenis": 2})
        r = make_report([i], [("S1", ["PATEN"])], tahun=2025, periode=periode, pk=pk, ttd=dt.date(2026, 1, 31))
        r.slug, r.instansi.nama = f"kec-2025-{periode}", "Kecamatan Sungai Tabuk"
        r.computed = compute_report(r, {}, "permendagri-86-2017")
        return r

    tw2 = report("tw2", "awal")
    tw3 = report("tw3", "perubahan", dt.date(2025, 9, 20))
    annual = report("tahunan", "awal")
    assert [(f.loc, f.kode, f.message) for f in check_earlier(annual, [tw2, tw3, tw3])] == [
        (loc(2, pk_file), "beda-laporan-triwulan",
         "data/pk.yaml: PK awal (jenis: awal), sedangkan laporan Triwulan III 2025 instansi ini ('kec-2025-tw3') "
         "mencatat Perjanjian Kinerja Perubahan (ditandatangani 20 September 2025); laporan sesudahnya di tahun yang "
         "sama diukur dengan PK Perubahan itu: tulis 'jenis: perubahan', tanggal PK Perubahan dan target_awal seperti "
         "di laporan itu, atau bila laporan itu yang keliru, perbaiki dan terbitkan ralatnya")]
    assert check_earlier(annual, [tw2]) == []  # PK awal throughout: nothing to say
    assert check_earlier(report("tahunan", "perubahan", dt.date(2025, 9, 20)), [tw2, tw3]) == []


def test_target_awal_is_read_against_the_pk_and_the_revised_target():
    """``target_awal`` under a PK awal, of an unknown indicator, twice, equal to the revised target, or without any
    reason: each said at its line of pk.yaml."""
    pk_file = f"{DIR}/data/pk.yaml"
    entries = [TargetAwal("A", D(90), "", loc(8, pk_file)), TargetAwal("B", D(25), "", loc(9, pk_file)),
               TargetAwal("X1", D(5), "", loc(10, pk_file)), TargetAwal("A", D(95), "", loc(11, pk_file))]
    pk = PerjanjianKinerja(2023, "perubahan", None, ["S1"], ["A", "B"], [], loc(1, pk_file), lines={"target_awal": 7},
                           target_awal=entries)
    r = make_report([ind("A", D(80), D(82), 10), ind("B", D(25), D(20), 20)], [("S1", ["A", "B"])], pk=pk)
    found = [(f.loc.line, f.severity, f.message.split(";")[0]) for f in run(r) if f.kode == "target-awal"]
    assert found == [
        (8, "warning", "target_awal A: alasan perubahan target belum ditulis"),
        (9, "warning", "target_awal B: 25 sama dengan target 2023 di data/indikator.yaml"),
        (9, "warning", "target_awal B: alasan perubahan target belum ditulis"),
        (10, "error", "target_awal: indikator 'X1' tidak ada di data/indikator.yaml"),
        (11, "error", "target_awal A sudah ditulis di baris 8")]
    pk.alasan_perubahan = "Penyesuaian dengan APBD Perubahan"
    assert [f.loc.line for f in run(r) if f.kode == "target-awal"] == [9, 10, 11]
    pk.jenis = "awal"
    assert [(f.loc.line, f.severity, f.message.split(",")[0]) for f in run(r) if f.kode == "target-awal"] == [
        (7, "error", "target_awal hanya untuk PK Perubahan")]


def test_a_quarterly_report_holding_a_later_quarter_says_so():
    """A TW I report with TW II's realisasi (an indicator's, a budget leaf's) passed: neither shown nor added, but
    published in the report's source files."""
    real = PeriodValues(quarters={"tw1": D(3), "tw2": D(1)}, loc=loc(5), locs={"tw1": loc(6), "tw2": loc(7)})
    i = Indicator(id="KMI", nama="Kematian ibu", satuan="orang", polaritas="negatif", loc=loc(1),
                  target={2024: PeriodValues(annual=D(8))}, realisasi={2024: real}, agregasi="jumlah")
    sub = leaf("1.02.02.2.01.0001", 1000, 0, 20, realisasi_tw={"tw1": D(100), "tw2": D(50)})
    sub.realisasi, sub.lines = None, {"realisasi_tw.tw1": 22, "realisasi_tw.tw2": 23}
    budget = Budget(2024, [node("program", "1.02.02", [node("kegiatan", "1.02.02.2.01", [sub], 19)], 18)],
                    loc(1, ANG))
    r = make_report([i], tahun=2024, periode="tw1", anggaran=budget, ttd=dt.date(2024, 4, 10))
    found = [(f.loc.line, f.message.split(";")[0]) for f in run(r) if f.kode == "triwulan-lewat"]
    assert found == [(23, "1.02.02.2.01.0001: realisasi_tw tw2 diisi, padahal laporan ini s.d. TW I"),
                     (7, "KMI: realisasi tw2 2024 diisi, padahal laporan ini s.d. TW I")]


def test_known_names_are_flagged_anywhere():
    r = make_report([], chapters=[chapter("Rapat di kantor camat Astambul bersama KECAMATAN ASTAMBUL.\n")])
    findings = check_narrative_names(r, ["Kecamatan Astambul", "Kecamatan Martapura Barat"])
    assert len(findings) == 1 and "Kecamatan Astambul" in findings[0].message
    assert findings[0].loc == Loc(f"{DIR}/30-bab-3.md", 6)


def test_check_report_includes_narrative_and_is_sorted():
    r = clean_report()
    r.chapters.append(chapter("Kecamatan Pengaron.\n", rel=f"{DIR}/10-bab-1.md", body_line=4))
    findings = run(r)
    assert [(f.kode, f.loc.line) for f in findings] == [("nama-instansi", 4)]
    assert str(findings[0]).startswith(f"{DIR}/10-bab-1.md:4: peringatan: ")
    assert isinstance(findings[0], Finding)


def test_typed_numbers_that_match_no_computation():
    """Seed 002 printed the average as 97,8 / 97,86 / 97,57; seed 000 the total realisasi as 2.369.772.519."""
    inds = [ind("A", D(80), D(82), 10), ind("B", D(20), D(18), 20, polaritas="negatif"), ind("C", D(25), D(20), 30)]
    body = ("Rata-rata capaian 97,8 % atau 97,50 %; capaian di atas 100 % dan di bawah 70 %.\n"
            "Realisasi Rp 2.369.772.519 dari pagu Rp 2.800.800, sisa Rp 0.\n"
            "Rujukan {nilai}`capaian.rata_rata` 12,34 % dalam `kode 55,55 %`.\n"
            "Dengan titik 104.13%, dalam kata 96,00 persen, dan tepat 100 persen.\n")
    r = make_report(inds, [("S1", ["A", "B", "C"])], anggaran=clean_budget(), chapters=[chapter(body, body_line=1)])
    found = [(f.loc.line, f.message.split(" diketik")[0]) for f in run(r) if f.kode == "angka-diketik"]
    assert found == [(1, "rata-rata capaian 97,8 %"), (2, "jumlah Rp 2.369.772.519"), (3, "persentase 12,34 %"),
                     (4, "persentase 104.13%"), (4, "persentase 96,00 persen")]


def test_the_share_of_indicators_reaching_target_is_a_figure_a_sentence_may_state():
    """"86,36 % indikator mencapai target" (19 of 22), right, was warned of as a typed number, and the message's advice
    of a reference had none to name. Here A and B reach their targets and C does not: 2 of 3, 66,67 %."""
    inds = [ind("A", D(80), D(82), 10), ind("B", D(20), D(18), 20, polaritas="negatif"), ind("C", D(25), D(20), 30)]
    body = ("Sebanyak 66,67 % indikator mencapai target.\n"  # right
            "Sebanyak 67,50 % indikator mencapai target.\n")  # wrong: still said
    r = make_report(inds, [("S1", ["A", "B", "C"])], anggaran=clean_budget(), chapters=[chapter(body, body_line=1)])
    computed = compute_report(r, {}, "permendagri-86-2017")
    assert computed.figures["indikator.persen_mencapai_target"].value.quantize(D("0.01")) == D("66.67")
    assert computed.figures["sasaran.S1.persen_mencapai_target"].value.quantize(D("0.01")) == D("66.67")
    found = [(f.loc.line, f.message.split(" diketik")[0]) for f in run(r) if f.kode == "angka-diketik"]
    assert found == [(2, "persentase 67,50 %")]


def test_a_wrong_share_of_indicators_reaching_target_is_told_the_reference_that_prints_it():
    """"67,50 % indikator mencapai target" was told "gunakan rujukan {nilai}`...`": the author had to find that
    ``indikator.persen_mencapai_target`` exists. A sasaran named is its share; a share below target is not this one."""
    body = ("Sebanyak 67,50 % indikator mencapai target.\n"
            "Sebanyak 67,50 % dari seluruh indikator sasaran S1 telah tercapai.\n"
            "Sebanyak 67,50 % indikator belum mencapai target.\n"
            "Serapan 67,50 % dari pagu.\n")
    found = [(f.loc.line, f.message) for f in run(typed_words_report(body)) if f.kode == "angka-diketik"]
    assert [line for line, _ in found] == [1, 2, 3, 4]
    assert found[0][1].endswith("menurut hitungan laporan ini 66,67 % indikator mencapai target (2 dari 3 indikator "
                                "terukur). Tulis rujukan {nilai}`indikator.persen_mencapai_target`")
    assert found[1][1].endswith("{nilai}`sasaran.S1.persen_mencapai_target`")
    assert all(m.endswith("gunakan rujukan {nilai}`...`") for _, m in found[2:])


def test_a_whole_share_or_one_in_words_is_read_against_the_share_of_the_set_it_names():
    """"100 % indikator mencapai target" and "Seratus persen indikator mencapai target" passed beside 19 of 22
    reached: 100 is a round figure any sentence may state, and a percentage in words was not read. Here 2 of 3 reach
    their targets (66,67 %); S1 (A, B) all of its own, S2 (C) none."""
    body = ("Sebanyak 100 % indikator mencapai target.\n"  # 1
            "Seratus persen indikator mencapai target.\n"  # 2
            "Sebanyak 100 % indikator sasaran S1 mencapai target.\n"  # right: S1's
            "Sebanyak seratus persen indikator sasaran S2 tercapai.\n"  # 4: S2's is 0 %
            "Anggaran terserap seratus persen dan 100 % kegiatan selesai.\n"  # no share: a round figure
            "Sebanyak 100 % indikator kinerja utama mencapai target.\n"  # IKU: a set the counts do not hold
            "Tujuh puluh persen indikator mencapai target.\n")  # 7: words, another value
    inds = [ind("A", D(80), D(82), 10), ind("B", D(20), D(18), 20, polaritas="negatif"), ind("C", D(25), D(20), 30)]
    r = make_report(inds, [("S1", ["A", "B"]), ("S2", ["C"])], chapters=[chapter(body, body_line=1)])
    found = {f.loc.line: f.message for f in run(r) if f.kode == "angka-diketik"}
    assert sorted(found) == [1, 2, 4, 7]
    assert found[1] == ("persentase 100 % diketik langsung dan tidak sama dengan persentase indikator mencapai target "
                        "yang dihitung; menurut hitungan laporan ini 66,67 % indikator mencapai target (2 dari 3 "
                        "indikator terukur). Tulis rujukan {nilai}`indikator.persen_mencapai_target`")
    assert found[2].startswith("persentase Seratus persen diketik langsung")
    assert found[4].endswith("0,00 % indikator mencapai target (0 dari 1 indikator terukur). Tulis rujukan "
                             "{nilai}`sasaran.S2.persen_mencapai_target`")
    assert found[7].startswith("persentase Tujuh puluh persen diketik")


def test_a_percentage_in_words_is_read_with_its_decimals_after_koma():
    """"sembilan puluh tujuh koma delapan persen" was read as "delapan persen": warned of by a number the author never
    wrote, and a right one passed only where its last words happened to be a round figure ("lima persen")."""
    body = ("Rata-rata capaian sembilan puluh tujuh koma lima persen.\n"  # right: 97,50 %
            "Rata-rata capaian sembilan puluh tujuh koma delapan persen.\n"  # 2
            "Sebanyak enam puluh enam koma enam tujuh persen indikator mencapai target.\n"  # right: 2 of 3
            "Sebanyak enam puluh tujuh koma lima persen indikator mencapai target.\n")  # 4
    found = [(f.loc.line, f.message.split(" diketik")[0]) for f in run(typed_words_report(body))
             if f.kode == "angka-diketik"]
    assert found == [(2, "rata-rata capaian sembilan puluh tujuh koma delapan persen"),
                     (4, "persentase enam puluh tujuh koma lima persen")]


def test_a_percentage_with_a_stray_comma_before_its_sign_is_read():
    """Seed 000 printed its IKKI capaian as "85,79, %": a comma before the sign, and the number passed unread, right or
    wrong."""
    body = ("Rata-rata capaian sebesar 97,50, %.\n"  # right
            "Rata-rata capaian sebesar 97,8, %.\n")  # 2
    found = [(f.loc.line, f.message.split(" diketik")[0]) for f in run(typed_words_report(body))
             if f.kode == "angka-diketik"]
    assert found == [(2, "rata-rata capaian 97,8, %")]  # the average's message


def test_a_share_said_as_a_fraction_is_read_against_the_share_reached():
    """"Setengah dari indikator mencapai target" beside 2 of 3 passed: a share was read only in digits or "… persen".
    A fraction that claims nothing about the indicators ("setengah tahun") is not read. S1 (A, B) reaches all its
    targets, S2 (C) none: 2 of 3 in all."""
    body = ("Setengah dari indikator mencapai target.\n"  # 1
            "Dua pertiga indikator mencapai target.\n"  # right
            "Lebih dari setengah indikator mencapai target.\n"  # right
            "Kurang dari setengah indikator mencapai target.\n"  # 4
            "Sebagian besar indikator sasaran S2 mencapai target.\n"  # 5: S2's is 0 %
            "Sebagian besar indikator sasaran S1 mencapai target.\n"  # right
            "Kegiatan berjalan setengah tahun dan sepertiga anggaran terserap.\n"  # no share
            "Sepertiga indikator belum mencapai target.\n")  # the share below target: not read
    inds = [ind("A", D(80), D(82), 10), ind("B", D(20), D(18), 20, polaritas="negatif"), ind("C", D(25), D(20), 30)]
    r = make_report(inds, [("S1", ["A", "B"]), ("S2", ["C"])], chapters=[chapter(body, body_line=1)])
    found = {f.loc.line: f.message for f in run(r) if f.kode == "angka-diketik"}
    assert sorted(found) == [1, 4, 5]
    assert found[1].startswith("'Setengah dari indikator mencapai target' diketik langsung dan tidak sesuai dengan "
                               "persentase indikator mencapai target yang dihitung; menurut hitungan laporan ini "
                               "66,67 % indikator mencapai target (2 dari 3 indikator terukur)")
    assert found[4].startswith("'Kurang dari setengah indikator mencapai target' diketik")
    assert found[5].endswith("{nilai}`sasaran.S2.persen_mencapai_target`")


def test_a_bound_or_a_range_typed_is_no_figure_but_a_share_must_keep_it():
    """"Lebih dari 60 % indikator mencapai target", true beside 66,67 %, was warned of as unequal to it, and so were
    a range's end ("antara 80 dan 90 persen") and a threshold ("target minimal 85 %"): neither restates a computed
    value. A bound or a range of the share reached is read against that share."""
    body = ("Lebih dari 60 % indikator mencapai target.\n"  # right: 66,67 %
            "Lebih dari 90 % indikator mencapai target.\n"  # 2
            "Antara 60 dan 70 % indikator mencapai target.\n"  # right
            "Antara 70 % dan 80 % indikator mencapai target.\n"  # 4
            "Capaian indikator berada antara 80 dan 90 persen.\n"  # a range: no figure
            "Target minimal 85 % dan paling banyak 120 %.\n"  # thresholds
            "Capaian 97,8 % dan 99 %.\n")  # 7: two figures, not a range
    found = [(f.loc.line, f.message.split(" diketik")[0]) for f in run(typed_words_report(body))
             if f.kode == "angka-diketik"]
    assert found == [(2, "persentase Lebih dari 90 %"), (4, "persentase Antara 70 % dan 80 %"),
                     (7, "persentase 97,8 %"), (7, "persentase 99 %")]


def test_a_capaian_typed_for_one_indicator_is_read_against_its_own():
    """"Indikator {nilai}`C.nama` mencapai capaian 98 %" passed while C computes 80 %: 98 is the average of 97,50 %
    as a whole number, and a typed % was only compared with every computed value."""
    body = ("Indikator {nilai}`C.nama` mencapai capaian 98 % dari target.\n"  # 1: the average's, not C's
            "Capaian {nilai}`C.nama` sebesar 102,50 %.\n"  # 2: A's capaian, copied from the row above
            "Capaian {nilai}`C.nama` sebesar 80 % dan {nilai}`C.realisasi`.\n"  # right
            "Rata-rata capaian 97,50 % dengan {nilai}`C.nama` terendah.\n"  # the average: not C's
            "Capaian {nilai}`C.nama` sebesar 80 % dan {nilai}`A.nama` 102,50 %.\n"  # two indicators: right
            "Capaian {nilai}`C.nama` sebesar 102,50 % dan {nilai}`A.nama` 80 %.\n")  # 6: swapped; both read
    found = [(f.loc.line, f.message) for f in run(typed_words_report(body)) if f.kode == "angka-diketik"]
    assert [line for line, _ in found] == [1, 2, 6, 6]
    assert found[0][1].startswith("capaian 98 % diketik untuk indikator C, padahal capaiannya 80,00 %")
    assert found[0][1].endswith("Tulis rujukan {nilai}`C.capaian`")


def test_a_typed_average_capaian_is_read_against_the_computed_mean():
    """Seed 002 printed its average as 97,8 / 97,86 / 97,57, the mean being 97,87: a typed percentage was only
    compared with every computed value, and 97,8 is another indicator's 97,76 rounded. Here the mean is 97,50 %;
    "rata-rata capaian kinerja 80 %" (C's capaian) passed."""
    body = ("Rata-rata capaian kinerja tahun 2023 sebesar 80 %.\n"  # 1: C's, not the mean
            "Rata-rata capaian 97,50 % termasuk Cukup Berhasil.\n"  # right
            "Capaian rata-rata seluruh indikator adalah 98 %.\n"  # right at the decimals typed
            "Rata-rata capaian sasaran S1 adalah 80 %.\n"  # 4: a sasaran's, read against S1's (not the mean)
            "Rata-rata capaian tahun 2022 sebesar 102,50 %.\n"  # another year
            "Ditargetkan rata-rata capaian minimal 100 %.\n"  # a target, a bound
            "Rata-rata capaian kinerja\n"
            "sebesar 110 %.\n"  # 8: wrapped, said at the line of the number
            "Rerata capaian kinerja mencapai sembilan puluh tujuh koma lima persen.\n"  # right, in words
            "Rata-rata capaian 97,4 %.\n")  # 10: no computed value: said once, with the reference
    found = [(f.loc.line, f.message) for f in run(typed_words_report(body)) if f.kode == "angka-diketik"]
    assert [line for line, _ in found] == [1, 4, 8, 10], found
    assert found[1][1].startswith("capaian 80 % diketik untuk sasaran S1, padahal capaiannya 97,50 %")
    assert found[0][1] == ("rata-rata capaian 80 % diketik, padahal rata-rata capaian kinerja laporan ini 97,50 %; "
                           "angka ketikan tidak ikut berubah bila datanya diubah. Tulis rujukan "
                           "{nilai}`capaian.rata_rata`")
    assert found[3][1].startswith("rata-rata capaian 97,4 % diketik")


def test_a_capaian_typed_without_its_percent_sign_is_read_as_a_percent():
    """"capaian kinerja sasaran 1 sebesar 97,87" (the "%" left out) passed unread, right or wrong: a number without
    "%" was read only in a sentence about one indicator. Here S1 and the average are 97,50 %, A 102,50 %, C 80 %.
    One named sasaran's is read against its own capaian: "sasaran S1 tahun 2023 adalah 102,50" passed as A's."""
    body = ("Capaian kinerja sasaran 1 sebesar 97,87.\n"  # 1: the sasaran named by its number
            "Capaian kinerja sasaran S1 tahun 2023 adalah 102,50 dan capaian sasaran S1 sebesar 97,5.\n"  # 2: A's
            "Rata-rata capaian kinerja sebesar 97,8.\n"  # 3: the average's message
            "Capaian Indikator C sebesar 81,5.\n"  # 4: C's, said once
            "Capaiannya mencapai 12,34, sehingga perlu ditingkatkan.\n"  # 5
            "Capaian indikator mencapai 3 dari 3 indikator; capaian sebesar 97 poin; capaian sebesar 100.\n"
            "Capaian kinerja tahun ini sebesar 2023.\n"  # a year
            "| Capaian sebesar 12 |\n")  # a table row
    found = [(f.loc.line, f.message) for f in run(typed_words_report(body)) if f.kode == "angka-diketik"]
    assert [(line, m.split(";")[0]) for line, m in found] == [
        (1, "capaian 97,87 diketik untuk sasaran S1, padahal capaiannya 97,50 %"),
        (2, "capaian 102,50 diketik untuk sasaran S1, padahal capaiannya 97,50 %"),
        (3, "rata-rata capaian 97,8 diketik, padahal rata-rata capaian kinerja laporan ini 97,50 %"),
        (4, "capaian 81,5 diketik untuk indikator C, padahal capaiannya 80,00 %"),
        (5, "capaian 12,34 diketik langsung (tanpa %, dibaca sebagai persen) dan tidak sama dengan nilai hasil "
            "perhitungan mana pun")], found
    assert found[0][1].endswith("; angka ketikan tidak ikut berubah bila datanya diubah. Tulis rujukan "
                                "{nilai}`capaian.S1`")
    assert found[-1][1].endswith("; tulis rujukan {nilai}`<id indikator>.capaian` atau {nilai}`capaian.<id sasaran>`")


def subjects_report(body):
    """S1 (A 102,50 %, B 110 %): 106,25 %; S2, "Meningkatnya Kualitas Pelayanan Publik" (C 80 %, NEK 116,19 %, in
    2022 105 %): 98,10 %. Program 7.01.01 absorbs 100 % of its pagu, 7.01.02 12,42 %."""
    nek = ind("NEK", D(80), D("92.952"), 40)
    nek.nama = "Nilai Evaluasi Kinerja"  # named in the text by its id
    nek.target[2022], nek.realisasi[2022] = PeriodValues(annual=D(80)), PeriodValues(annual=D(84))
    inds = [ind("A", D(80), D(82), 10), ind("B", D(20), D(18), 20, polaritas="negatif"), ind("C", D(25), D(20), 30),
            nek]
    r = make_report(inds, [("S1", ["A", "B"]), ("S2", ["C", "NEK"])], anggaran=clean_budget(),
                    chapters=[chapter(body, body_line=1)])
    r.data.renstra.tujuan[0].sasaran[1].uraian = "Meningkatnya Kualitas Pelayanan Publik"
    return r


def test_a_percentage_typed_for_one_named_subject_is_read_against_its_own_figures():
    """"Capaian sasaran S1 sebesar 102,50 %" passed while S1 computes 106,25 %: a typed percentage was compared with
    every computed value, and 102,50 % is A's capaian. So did another sasaran's capaian (named by its number or its
    uraian), an indicator's named by its id ("capaian IKU NEK"), and another program's serapan. Words that name
    several subjects, or another figure (a target), keep the comparison with every value."""
    body = ("Capaian sasaran S1 sebesar 102,50 %.\n"  # 1: A's
            "Capaian sasaran S1 sebesar 106,25 % dan sasaran 2 tercapai 98,1 %.\n"  # right; "sasaran 2": the second
            "Sasaran 2 tercapai 106,25 %.\n"  # 3: S1's
            "Capaian Sasaran Meningkatnya Kualitas Pelayanan Publik sebesar 106,25 %.\n"  # 4: by its uraian
            "Rata-rata capaian sasaran kedua adalah 106,25 %.\n"  # 5: S1's; the second, named in words
            "Capaian IKU NEK 106,25 %.\n"  # 6: by its id
            "Capaian indikator NEK mencapai 116,19 %; capaian NEK tahun 2022 sebesar 105 %.\n"  # right: last year's
            "Capaian NEK tahun lalu sebesar 110 %.\n"  # 8: neither; last year's the nearer
            "Serapan anggaran program 7.01.02 sebesar 100 %.\n"  # 9: 7.01.01's
            "Serapan anggaran program 7.01.01 sebesar 100 % dan program 7.01.02 sebesar 12,42 %.\n"  # right
            "Capaian indikator sasaran S1 sebesar 80 %, capaian sasaran S2 dan S1 masing-masing 106,25 %.\n"
            "Target capaian sasaran S1 sebesar 110 %.\n"  # a target: it and the line above against every value
            "Capaian sasaran 1 dan 2 sebesar 102,17 %.\n")  # two sasaran: every value (the average's)
    found = [(f.loc.line, f.message) for f in run(subjects_report(body)) if f.kode == "angka-diketik"]
    assert [(line, m.split(";")[0]) for line, m in found] == [
        (1, "capaian 102,50 % diketik untuk sasaran S1, padahal capaiannya 106,25 %"),
        (3, "capaian 106,25 % diketik untuk sasaran S2, padahal capaiannya 98,10 %"),
        (4, "capaian 106,25 % diketik untuk sasaran S2, padahal capaiannya 98,10 %"),
        (5, "capaian 106,25 % diketik untuk sasaran S2, padahal capaiannya 98,10 %"),
        (6, "capaian 106,25 % diketik untuk indikator NEK, padahal capaiannya 116,19 %"),
        (8, "capaian 110 % diketik untuk indikator NEK, padahal capaiannya tahun 2022 105,00 %"),
        (9, "serapan 100 % diketik untuk program 7.01.02, padahal serapannya 12,42 %")], found
    assert found[0][1].endswith("angka ketikan tidak ikut berubah bila datanya diubah. Tulis rujukan "
                                "{nilai}`capaian.S1`")
    assert [m.rpartition(" ")[2] for _, m in found[4:]] == [
        "{nilai}`NEK.capaian`", "{nilai}`NEK.capaian@2022`", "{nilai}`anggaran.7.01.02.serapan`"]


def test_a_percentage_after_a_label_or_said_of_the_budget_is_read_against_its_subject():
    """Left by the reading above, each compared with every computed value, so a wrong one equal to any passed: a
    label's ("Capaian Sasaran 1: 97 %", "IKU NEK: 106,25 %", "- Sasaran 2 — 106,25 %", the last read as a range from
    2), the whole budget's serapan ("serapan anggaran keseluruhan 100 %", a round figure), a realisasi "dari pagu",
    and a sasaran's budget row. S1's budget is program 7.01.01 (100 %), S2's 7.01.02 (12,42 %); in all 33,55 %."""
    body = ("Capaian Sasaran 1: 97 %.\n"  # 1: S1's is 106,25 %
            "Capaian Sasaran 1: 106,25 %, Sasaran 2: 98,10 %.\n"  # right
            "IKU NEK: 106,25 %.\n"  # 3: NEK's capaian is 116,19 % (105 % in 2022)
            "- IKU NEK: 116,19 %\n"  # right
            "- Sasaran 2 — 106,25 %\n"  # 5: S1's
            "- Sasaran 2 — 12,42 %\n"  # right: its serapan
            "Serapan anggaran keseluruhan 100 %.\n"  # 7
            "Realisasi anggaran mencapai 33,55 % dari pagu.\n"  # right
            "Realisasi anggaran mencapai 106,25 % dari pagu.\n"  # 9: no serapan's (S1's capaian)
            "Serapan anggaran sasaran S2 sebesar 100 %.\n"  # 10: S1's row
            "Serapan anggaran sasaran S1 sebesar 100 %, program 7.01.02 sebesar 12,42 %.\n"  # right
            # none read against one subject: a target, a quarter, last year, two subjects, another fund's, a share
            "Target capaian Sasaran 1: 110 %.\n"
            "Capaian sasaran 1 pada triwulan III: 102,50 %.\n"
            "Capaian kinerja sasaran S1 tahun 2022 adalah 102,50.\n"
            "Capaian Sasaran 1 dan 2 masing-masing: 102,50 %.\n"
            "Sasaran 1 dan Sasaran 2: 102,50 %.\n"
            "Serapan anggaran program masing-masing 100 % dan 12,42 %.\n"
            "Serapan dana desa 102,50 %; serapan anggaran triwulan III 102,50 %.\n"
            "Realisasi belanja pegawai 102,50 % dari total belanja.\n"
            "Capaian Sasaran 2: 106,25 % pada tahun 2021.\n"
            "Serapan anggaran tahun 2022: 102,50 %.\n"
            "Capaian indikator sasaran 1: 102,50 %.\n"
            "Capaian sasaran 1 pada tahun 2023 mencapai 106,25 %, angka 2 – 102,50 %.\n")
    r = subjects_report(body)
    r.data.anggaran.program[0].sasaran, r.data.anggaran.program[1].sasaran = "S1", "S2"
    found = [(f.loc.line, f.message) for f in run(r) if f.kode == "angka-diketik"]
    assert [(line, m.split(";")[0]) for line, m in found] == [
        (1, "capaian 97 % diketik untuk sasaran S1, padahal capaiannya 106,25 %"),
        (3, "persentase 106,25 % diketik untuk indikator NEK, padahal tidak sama dengan angka indikator NEK mana pun "
            "menurut hitungan laporan ini"),
        (5, "persentase 106,25 % diketik untuk sasaran S2, padahal tidak sama dengan angka sasaran S2 mana pun "
            "menurut hitungan laporan ini"),
        (7, "serapan 100 % diketik untuk seluruh anggaran, padahal serapannya 33,55 %"),
        (9, "serapan 106,25 % diketik, padahal tidak sama dengan serapan anggaran mana pun menurut hitungan laporan "
            "ini (program, kegiatan, sub kegiatan, jenis belanja, sasaran atau seluruhnya)"),
        (10, "serapan 100 % diketik untuk sasaran S2, padahal serapannya 12,42 %")], found
    assert [m.split("; ")[1] for _, m in found[1:3]] == ["yang terdekat capaian tahun 2022 105,00 %",
                                                         "yang terdekat capaian 98,10 %"]
    assert [m.rpartition("Tulis rujukan ")[2] for _, m in found[3:]] == [
        "{nilai}`anggaran.serapan`", "{nilai}`anggaran.sasaran.S1.serapan`, atau rujukan lain yang dimaksud",
        "{nilai}`anggaran.sasaran.S2.serapan`"]


def test_a_percentage_said_of_another_year_is_read_against_that_years_figure_or_not_at_all():
    """"IKU NEK tahun 2021: 116,19 %" passed in a 2023 report, 116,19 % being NEK's capaian of 2023, not of 2021 (95
    %); "capaian NEK tahun 2022 sebesar 116,19 %" passed so too, and a year no data holds ("capaian sasaran 1 tahun
    2021", of which none is computed) was warned of beside this year's values. NEK: 95 % in 2021, 105 % in 2022,
    116,19 % in 2023."""
    body = ("IKU NEK tahun 2021: 116,19 %.\n"  # 1: 2021's is 95 %
            "IKU NEK tahun 2021: 95 %.\n"  # right
            "Capaian NEK tahun 2021 sebesar 105 %.\n"  # 3: 2022's
            "Capaian NEK tahun 2022 sebesar 116,19 %.\n"  # 4: this year's
            "Pada tahun 2021, capaian NEK sebesar 95 %.\n"  # right
            "Capaian NEK sebesar 116,19 % (2022: 105 %).\n"  # right, both
            "Capaian NEK naik dari 105 % pada 2022 menjadi 116,19 %.\n"  # right
            "Capaian NEK naik dari 116,19 % pada 2022 menjadi 116,19 %.\n"  # 8: the first is 2022's
            # not read: of a year no data holds
            "Capaian sasaran 1 tahun 2021 sebesar 96,5 %.\n"
            "Capaian kinerja tahun 2020 sebesar 96,5 %.\n"
            "Capaian NEK tahun 2019 sebesar 96,5 %.\n"
            "Capaian kinerja sasaran S1 tahun 2021 adalah 96,5.\n")
    r = subjects_report(body)
    nek = r.data.indikator["NEK"]
    nek.target[2021], nek.realisasi[2021] = PeriodValues(annual=D(80)), PeriodValues(annual=D(76))
    found = [(f.loc.line, f.message) for f in run(r) if f.kode == "angka-diketik"]
    assert [(line, m.split(";")[0]) for line, m in found] == [
        (1, "persentase 116,19 % diketik untuk indikator NEK tahun 2021, padahal tidak sama dengan angka indikator "
            "NEK tahun 2021 mana pun menurut hitungan laporan ini"),
        (3, "capaian 105 % diketik untuk indikator NEK, padahal capaiannya tahun 2021 95,00 %"),
        (4, "capaian 116,19 % diketik untuk indikator NEK, padahal capaiannya tahun 2022 105,00 %"),
        (8, "capaian 116,19 % diketik untuk indikator NEK, padahal capaiannya tahun 2022 105,00 %")], found
    assert found[0][1].split("; ")[1] == "yang terdekat capaian tahun 2021 95,00 %"
    assert [m.rpartition(" ")[2] for _, m in found[1:3]] == ["{nilai}`NEK.capaian@2021`",
                                                             "{nilai}`NEK.capaian@2022`"]


@pytest.mark.parametrize("lalu", [True, False])
def test_an_amount_said_of_another_year_is_read_against_last_years_budget_or_not_at_all(lalu):
    """"Realisasi anggaran naik dari Rp 3,8 juta pada 2022 menjadi Rp 3,90 juta" was told "yang terdekat Rp 3.895.300":
    the amount of 2022 was read against this year's, with or without last year's (``tahun_lalu``: realisasi
    2.176.701); "realisasi anggaran tahun 2022 sebesar Rp 3.895.300" passed, this year's; and an amount of a year no
    data holds ("pagu anggaran tahun 2021", "realisasi program 7.01.02 tahun 2022") was warned of beside this
    year's. Now read against last year's where the data has it, else not read."""
    body = ("Realisasi anggaran naik dari Rp 3,8 juta pada 2022 menjadi Rp 3,90 juta.\n"  # 1: 2022's is 2,18 juta
            "Realisasi anggaran tahun 2022 sebesar Rp 3.895.300.\n"  # 2: this year's
            "Realisasi anggaran naik dari Rp 2.176.701 pada tahun lalu menjadi Rp 3.895.300.\n"  # right
            "Pagu anggaran tahun 2022 adalah Rp 10,5 juta.\n"  # right
            "Pagu anggaran tahun 2021 sebesar Rp 12.000.000.\n"
            "Realisasi program 7.01.02 tahun 2022 sebesar Rp 5.000.000.\n")
    r = make_report([], anggaran=_budget_of_two_years() if lalu else clean_budget(),
                    chapters=[chapter(body, body_line=1)])
    found = [(f.loc.line, f.message) for f in run(r) if f.kode == "angka-diketik"]
    assert [line for line, _ in found] == ([1, 2] if lalu else [])
    if lalu:
        assert found[0][1].startswith("jumlah Rp 3,8 juta diketik sebagai realisasi, padahal realisasi tahun 2022 "
                                      "menurut data Rp 2.176.701 (Rp 2,2 juta) (tahun_lalu di data/anggaran.yaml)")
        assert "realisasi tahun 2022 menurut data Rp 2.176.701 (tahun_lalu" in found[1][1]


def test_a_list_of_capaian_is_read_against_the_subject_each_names():
    """"Capaian sasaran 1 sebesar 106,25 % dan sasaran 2 sebesar 106,25 %" passed while S2 computes 98,10 %: the
    second percentage, of no word of a kind, was read against every value (and 106,25 % is S1's); typed without "%",
    it was not read at all. Each in the list goes on as a capaian of the subject it names; after a clause's end it
    does not ("; sasaran 2 …")."""
    body = ("Capaian sasaran 1 sebesar 106,25 % dan sasaran 2 sebesar 106,25 %.\n"  # 1: S2's is 98,10 %
            "Capaian sasaran 1 sebesar 106,25 dan sasaran 2 sebesar 106,25.\n"  # 2: the same without "%"
            "Capaian sasaran 1 sebesar 106,25 %, sasaran 2 sebesar 98,10 %.\n"  # right
            "Capaian sasaran 1 sebesar 106,25 dan sasaran 2 sebesar 98,1.\n"  # right
            "Capaian IKU NEK sebesar 116,19 % dan sasaran 1 sebesar 98,10 %.\n"  # 5: S1's is 106,25 %
            "Capaian sasaran 1 sebesar 106,25 %; sasaran 2 sebesar 106,25 %.\n"  # another clause: every value
            "Capaian sasaran 1 sebesar 106,25 % dan realisasi anggaran 33,55 % dari pagu.\n")  # right: a serapan
    found = [(f.loc.line, f.message) for f in run(subjects_report(body)) if f.kode == "angka-diketik"]
    assert [(line, m.split(";")[0]) for line, m in found] == [
        (1, "capaian 106,25 % diketik untuk sasaran S2, padahal capaiannya 98,10 %"),
        (2, "capaian 106,25 diketik untuk sasaran S2, padahal capaiannya 98,10 %"),
        (5, "capaian 98,10 % diketik untuk sasaran S1, padahal capaiannya 106,25 %")], found
    assert found[0][1].endswith("Tulis rujukan {nilai}`capaian.S2`")


def test_a_capaian_after_a_word_of_contrast_is_another_indicators():
    """"{nilai}`C.nama` memperoleh capaian 80 %, sedangkan indikator A capaiannya 102,50 %" was warned of as "capaian
    102,50 % diketik untuk indikator C": the second percentage is A's, named in words."""
    body = ("{nilai}`C.nama` memperoleh capaian 80 %, sedangkan indikator A capaiannya 102,50 %.\n"
            "Capaian {nilai}`C.nama` 80 % dibandingkan capaian sebesar 102,50 % pada indikator A.\n"
            "Sedangkan capaian {nilai}`C.nama` sebesar 102,50 %.\n")  # 3: the contrast is before C's reference
    found = [f.loc.line for f in run(typed_words_report(body)) if f.kode == "angka-diketik"]
    assert found == [3]



def test_a_realisasi_or_target_typed_for_one_indicator_is_read_against_its_data():
    """Seed 000 printed IKKI's realisasi as 85,79 in one place and 85,32 in another; typed in a sentence ("Realisasi
    {nilai}`IKKI.nama` sebesar 85,32") it passed unread, as did a target: only percentages and rupiah were read. C's
    target is 25 and its realisasi 20 (unit "nilai"); the message names the data's line, the typed one may be right."""
    body = ("Realisasi {nilai}`C.nama` tahun ini sebesar 21.\n"  # 1
            "Realisasi {nilai}`C.nama` sebesar 20 dari target 25.\n"  # right
            "Indikator {nilai}`C.nama` memperoleh realisasi 24 dari target 26.\n"  # 3: both
            "Capaian {nilai}`C.nama` melampaui target 100 %.\n"  # the capaian's 100 %: C is no indicator in percent
            "Realisasi {nilai}`C.nama` didukung 3 kegiatan; realisasinya 3 kegiatan.\n"  # a count of something else
            "Realisasi {nilai}`C.nama` tahun 2022 sebesar 18.\n"  # another year
            "Target {nilai}`C.nama` sebanyak 25 nilai dan realisasinya 19 nilai.\n"  # 7: before its unit
            "Realisasi {nilai}`C.nama` tahun 2023 adalah 20,0.\n"  # right
            "Realisasi {nilai}`P.nama` sebesar 95 %.\n")  # 9: an indicator in percent, its unit said
    r = typed_words_report(body)
    r.data.indikator["P"] = ind("P", D(100), D("97.5"), 40, satuan="%")
    found = [(f.loc.line, f.message) for f in run(r) if f.kode == "angka-diketik"]
    assert [(line, m.split(" diketik")[0]) for line, m in found] == [
        (1, "realisasi 21"), (3, "realisasi 24"), (3, "target 26"), (7, "realisasi 19"), (9, "realisasi 95 %")]
    assert "realisasinya menurut data 97,5 % (" in found[-1][1]
    assert found[0][1] == ("realisasi 21 diketik untuk indikator C, padahal realisasinya menurut data 20 "
                           f"({IND}:32); angka yang diketik dua kali bisa berbeda. Tulis rujukan "
                           "{nilai}`C.realisasi`, atau bila angka ketikan yang benar, perbaiki datanya")
    assert f"targetnya menurut data 25 ({IND}:31)" in found[2][1]


def test_a_figure_typed_beside_an_indicators_name_is_read_as_that_indicators():
    """A sentence pasted from a Word report names the indicator in words, not by a reference: "Capaian Indikator C
    sebesar 102,50 %" (A's capaian, copied from the row above) passed, as did "Capaian {nilai}`C.nama` tahun ini
    sebesar 81 %" ("tahun ini" between) and a capaian typed without "%"."""
    body = ("Capaian Indikator C sebesar 102,50 %.\n"  # 1: by its name
            "Capaian {nilai}`C.nama` tahun ini sebesar 102,50 %.\n"  # 2
            "Capaian kinerja indikator C pada tahun 2023 mencapai 81,5.\n"  # 3: no "%", at the clause's end
            "Capaian Indikator C sebesar 80 %, realisasinya 20.\n"  # right
            "Capaian Indikator C sebesar 80 % dan Indikator A 102,50 %.\n"  # two indicators: right
            "Capaian Indikator C diukur dari 3 kegiatan.\n")  # a count, no capaian
    found = [(f.loc.line, f.message.split(";")[0]) for f in run(typed_words_report(body)) if f.kode == "angka-diketik"]
    assert found == [(1, "capaian 102,50 % diketik untuk indikator C, padahal capaiannya 80,00 %"),
                     (2, "capaian 102,50 % diketik untuk indikator C, padahal capaiannya 80,00 %"),
                     (3, "capaian 81,5 diketik untuk indikator C, padahal capaiannya 80,00 %")]



def test_a_wrong_capaian_of_one_indicator_is_said_once_and_read_in_bold():
    """"Capaian {nilai}`C.nama` sebesar 12,34 %" was warned of twice on its line, once as a capaian not C's and once
    as a percentage no computed value has; "**41** %" (the number alone in bold, as a Word report bolds it) passed
    unread by both."""
    body = ("Capaian {nilai}`C.nama` sebesar 12,34 %.\n"  # 1: once, with its indicator
            "Capaian {nilai}`C.nama` sebesar **41** %.\n"  # 2: read through the bold
            "Serapan anggaran __41__ %.\n")  # 3: no indicator's: a percentage no computed value has
    found = [(f.loc.line, f.message.split(";")[0]) for f in run(typed_words_report(body)) if f.kode == "angka-diketik"]
    assert found == [(1, "capaian 12,34 % diketik untuk indikator C, padahal capaiannya 80,00 %"),
                     (2, "capaian 41 % diketik untuk indikator C, padahal capaiannya 80,00 %"),
                     (3, "serapan 41 % diketik, padahal tidak sama dengan serapan anggaran mana pun menurut "
                         "hitungan laporan ini (program, kegiatan, sub kegiatan, jenis belanja, sasaran atau "
                         "seluruhnya)")]


def test_a_number_in_emphasis_anywhere_around_it_is_read_as_the_number_it_is():
    """"**41** %" was read, but not "40 **%**" (the sign bold), "***97,87*** %" (bold italic), "**3** indikator
    mencapai target", "Rp **2.369.772.519**" or "**71,38,82** %": each passed unread, right or wrong, while the page
    shows the number. Here 2 of 3 reach their targets, the mean is 97,50 % and the realisasi Rp 3.895.300."""
    body = ("Rata-rata capaian 40 **%**.\n"  # 1
            "Rata-rata capaian ***97,87*** %.\n"  # 2
            "Sebanyak **3** indikator mencapai target.\n"  # 3
            "Realisasi anggaran Rp **2.369.772.519**.\n"  # 4
            "Sebanyak 67,50 __%__ indikator mencapai target.\n"  # 5
            "Capaian **71,38,82** % pada tahun ini.\n"  # 6: malformed
            "Sebanyak **2** dari _3_ indikator mencapai target, rata-rata capaian ***97,50*** %, realisasi "
            "Rp **3.895.300**.\n")  # right
    found = [(f.loc.line, f.kode, f.message.split(" diketik")[0].split(";")[0])
             for f in run(typed_words_report(body)) if f.kode in ("angka-diketik", "jumlah-diketik", "format-angka")]
    assert found == [(1, "angka-diketik", "rata-rata capaian 40 %"), (2, "angka-diketik", "rata-rata capaian 97,87 %"),
                     (3, "jumlah-diketik", "'3 indikator … mencapai target'"),
                     (4, "angka-diketik", "jumlah Rp 2.369.772.519"), (5, "angka-diketik", "persentase 67,50 %"),
                     (6, "format-angka", "angka '71,38,82 %' memuat dua koma, sehingga bukan satu angka")], found


def test_a_number_typed_in_a_form_an_indonesian_reader_misreads_is_warned_of():
    """The page prints the text as typed: "80.00 %" (a decimal point, as an English spreadsheet shows it) is read
    8.000 by an Indonesian reader, "Rp 1,000,800" has commas between thousands, and "71,38,82 %" is no number.
    The value checks read the first two as meant, so a right one passed, and the third was not read at all."""
    body = ("Capaian {nilai}`C.nama` sebesar 80.00 % dan 0.5 persen.\n"  # 1: two
            "Pagu Rp 1,000,800 dan Rp 1,000,800.00, atau Rp 1.0 juta.\n"  # 2: three
            "Capaian 71,38,82 % pada jam 12.30.\n"  # 3: the capaian only
            "Pagu Rp 1.000.800,- dan 1.250 % serta versi 1.2 dan `80.00 %`.\n")  # right: id-ID, thousands, code
    found = [(f.loc.line, f.message) for f in run(typed_words_report(body)) if f.kode == "format-angka"]
    assert [(line, m.split("; ")[1].split(", atau lebih baik")[0]) for line, m in found] == [
        (1, "tulis 0,5 %"), (1, "tulis 80,00 %"), (2, "tulis Rp 1.000.800"), (2, "tulis Rp 1.000.800"),
        (2, "tulis Rp 1,0 juta"), (3, "tulis satu angka, mis. 71,38 %")]
    assert all(f.severity == "warning" for f in run(typed_words_report(body)) if f.kode == "format-angka")
    assert found[1][1] == ("angka '80.00 %' memakai titik desimal (format Excel berbahasa Inggris), padahal titik "
                           "adalah pemisah ribuan; tulis 80,00 %, atau lebih baik rujukan {nilai} bila angka ini "
                           "dihitung lkjip")
    assert found[-1][1].startswith("angka '71,38,82 %' memuat dua koma, sehingga bukan satu angka; tulis satu "
                                   "angka, mis. 71,38 %")



def test_a_verdict_beside_a_typed_capaian_it_contradicts_is_warned_of():
    """"Capaian … sebesar 98,27 % sehingga target tercapai" (a sentence pasted from a Word report, its capaian typed)
    passed: "tercapai" was read only beside a capaian's {nilai} reference. The sentence contradicts itself whatever
    the data; a threshold ("90 % atau lebih dianggap tercapai") is no capaian."""
    body = ("Capaian {nilai}`C.nama` sebesar 98,27 % sehingga target tercapai.\n"  # 1
            "Capaian Indikator C sebesar 80 %, belum mencapai target.\n"  # right
            "Capaiannya 104 % tetapi belum mencapai target.\n"  # 3
            "Indikator dengan capaian 90 % atau lebih dianggap tercapai.\n"  # a threshold
            "Capaian minimal 90 % agar tercapai.\n"  # a threshold, and a wish
            "Capaian {nilai}`C.capaian` (80 %) tercapai.\n"  # 6: once, as the reference's
            "Serapan 95 % dan target tercapai.\n")  # no capaian
    found = [(f.loc.line, f.message) for f in run(typed_words_report(body)) if f.kode == "tercapai-diketik"]
    assert [line for line, _ in found] == [1, 3, 6]
    assert found[0][1].startswith("'tercapai' diketik di samping capaian 98,27 %, padahal capaian itu di bawah 100 %")
    assert found[1][1].startswith("'belum mencapai target' diketik di samping capaian 104 %, padahal capaian itu "
                                  "sudah 100 %")


class _Searched:
    """A compiled pattern that records the length of every text it is asked to search (and searches it)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.lengths = pattern, []

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        self.lengths.append(len(text))
        return self.pattern.search(text, *args)


def test_the_typed_words_checks_read_a_bounded_stretch_before_each_figure(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 5 000-word paragraph without a full stop is one sentence: the words before each percentage ("capaian
    sebesar") and before each verdict ("agar … tercapai") were looked for in all the text before it, 0,7 s and 4,6 s
    on one such chapter and growing with the square of its length. Each is now looked for in a stretch of at most
    ``typed._WINDOW`` characters (what is searched is asserted, not how long it takes: speed is the benchmark's)."""
    capaian = "{nilai}`C.nama` " + " ".join(["capaian sebesar 80 %"] * 2500)
    wish = " ".join(["agar tercapai"] * 4000)
    for name, body in (("_FIGURE_BEFORE", capaian), ("_WISH", wish)):
        searched = _Searched(getattr(typed, name))
        monkeypatch.setattr(typed, name, searched)
        r = typed_words_report(body)
        computed = compute_report(r, {}, "permendagri-86-2017")
        check.check_typed_figures_of(r, computed)
        check.check_typed_verdict(r, computed)
        assert len(searched.lengths) >= 2500, name  # it looked before every figure of the paragraph ...
        assert max(searched.lengths) <= typed._WINDOW < len(body) // 100, name  # ... never at all the text before


def test_typed_amounts_in_words_and_scales_are_read_as_meant():
    """"Rp 11,61 juta" (the total pagu 11.611.960 rounded) was flagged as "Rp 11,61"; "IDR 2.369.772.519" and
    "2.369.772.519 rupiah" passed unread."""
    body = ("Pagu Rp 11,61 juta, realisasi Rp3,9 juta; pagu Rp 11,62 juta.\n"
            "Realisasi IDR 2.369.772.519 atau 2.369.772.519 rupiah; pagu 11.611.960 rupiah pada tahun 2023.\n")
    r = make_report([], anggaran=clean_budget(), chapters=[chapter(body, body_line=1)])
    found = [(f.loc.line, f.message.split(" diketik")[0]) for f in run(r) if f.kode == "angka-diketik"]
    assert sorted(found) == [(1, "jumlah Rp 11,62 juta"), (2, "jumlah 2.369.772.519 rupiah"),
                             (2, "jumlah IDR 2.369.772.519")]


def test_typed_amounts_with_thousands_commas_and_cents_are_read_as_meant():
    """"Rp 1,000,800.00" (an English spreadsheet's accounting form) was read as "Rp 1,000,800" cut at its last
    group, "Rp 1,000": a right amount warned of, named by a number the author never wrote."""
    body = ("Pagu Rp 1,000,800.00 dan Rp 1,800,000.5.\n"  # right (the form is format-angka's)
            "Pagu Rp 1,000,900.00.\n")  # 2
    r = make_report([], anggaran=clean_budget(), chapters=[chapter(body, body_line=1)])
    found = [(f.loc.line, f.message.split(" diketik")[0]) for f in run(r) if f.kode == "angka-diketik"]
    assert found == [(2, "jumlah Rp 1,000,900.00")]


def test_typed_amounts_with_an_abbreviated_scale_are_read_as_meant():
    """"Rp 11,61 Jt" (the total pagu 11.611.960 rounded, as budget slides write it) was warned of as "Rp 11,61",
    and a wrong "Rp 11,62 Jt" was named by a number the author never wrote."""
    body = ("Pagu Rp 11,61 Jt, realisasi Rp 3,9 jt; pagu Rp 11.612 rb.\n"
            "Pagu Rp 0,01 M dan Rp 11,62 Jt.\n")
    r = make_report([], anggaran=clean_budget(), chapters=[chapter(body, body_line=1)])
    found = [(f.loc.line, f.message.split(" diketik")[0]) for f in run(r) if f.kode == "angka-diketik"]
    assert sorted(found) == [(2, "jumlah Rp 11,62 Jt")]


def test_typed_amounts_with_a_decimal_point_before_a_scale_are_read_as_meant():
    """"Rp 0.01 M" and "Rp 11.6 juta" (as an English spreadsheet shows them) passed unread, so a wrong "Rp 11.7
    juta" too; three digits after the point stay a thousands' group ("Rp 11.612 rb")."""
    body = ("Pagu Rp 11.6 juta, realisasi Rp 3.9 jt; pagu Rp 11.612 rb dan Rp 0.01 M.\n"
            "Pagu Rp 11.7 juta.\n")
    r = make_report([], anggaran=clean_budget(), chapters=[chapter(body, body_line=1)])
    found = [(f.loc.line, f.message.split(" diketik")[0]) for f in run(r) if f.kode == "angka-diketik"]
    assert sorted(found) == [(2, "jumlah Rp 11.7 juta")]


def test_typed_amounts_with_a_scale_word_before_rupiah_are_read_as_meant():
    """"1,29 miliar rupiah" (no "Rp") passed unread, right or wrong: only a whole amount ("2.369.772.519 rupiah") was
    read without "Rp"."""
    body = ("Pagu 11,61 juta rupiah, realisasi 3,9\u00a0juta rupiah dan 0,01 miliar rupiah; pagu 11.612 ribu rupiah.\n"
            "Pagu 11,62 juta rupiah; realisasi 1,29 miliar rupiah.\n")
    r = make_report([], anggaran=clean_budget(), chapters=[chapter(body, body_line=1)])
    found = [(f.loc.line, f.message.split(" diketik")[0]) for f in run(r) if f.kode == "angka-diketik"]
    assert sorted(found) == [(2, "jumlah 1,29 miliar rupiah"), (2, "jumlah 11,62 juta rupiah")]


def test_typed_amounts_without_rp_after_a_word_of_the_budget_are_read_and_told_the_nearest_reference():
    """"Realisasi anggaran sebesar 2,36 miliar" (no "Rp", no "rupiah") passed unread beside 2,46 miliar computed, and
    a wrong amount was told "gunakan rujukan {nilai}`anggaran...`", leaving the author to find the path."""
    body = ("Pagu anggaran sebesar 11,61 juta dan realisasinya 3,9 juta.\n"  # right
            "Realisasi anggaran sebesar 3,8 juta.\n"  # 2
            "Pagu belanja sub kegiatan itu 8,82 jt.\n"  # 3
            "Jumlah penduduk 1,2 juta jiwa; dana desa 2,5 M.\n"  # no word of the budget before
            "Dalam tahun anggaran 2023 M kegiatan berjalan.\n"  # a year
            "Realisasi anggaran Rp 3,8 juta.\n")  # 6: with Rp, told once
    r = make_report([], anggaran=clean_budget(), chapters=[chapter(body, body_line=1)])
    found = {f.loc.line: f.message for f in run(r) if f.kode == "angka-diketik"}
    assert sorted(found) == [2, 3, 6]
    assert found[2] == ("jumlah 3,8 juta diketik sebagai realisasi, padahal tidak sama dengan realisasi mana pun "
                        "menurut hitungan laporan ini (program, kegiatan, sub kegiatan, jenis belanja atau "
                        "seluruhnya); yang terdekat Rp 3.895.300 (Rp 3,9 juta); angka ketikan tidak ikut berubah "
                        "bila datanya diubah. Tulis rujukan {nilai}`anggaran.realisasi`, atau rujukan realisasi lain "
                        "yang dimaksud")
    assert "yang terdekat Rp 8.811.160 (Rp 8,81 juta)" in found[3] and "{nilai}`anggaran.7.01.02" in found[3]
    assert found[6].startswith("jumlah Rp 3,8 juta diketik")


def test_typed_amounts_with_thousands_apart_by_commas_or_spaces_are_read_whole():
    """"Rp 11,611,960" (an English spreadsheet's thousands) and "Rp 11 611 960" (a space or no-break space between
    them) were read as "Rp 11,611" and "Rp 11": the right total pagu warned of, named by a number never written."""
    body = ("Pagu Rp 11,611,960 atau Rp 11 611 960 atau Rp 11\u00a0611\u00a0960,00; realisasi Rp 3 895 300.\n"
            "Pagu Rp 11,611,961 atau Rp 11 611 961.\n")
    r = make_report([], anggaran=clean_budget(), chapters=[chapter(body, body_line=1)])
    found = [(f.loc.line, f.message.split(" diketik")[0]) for f in run(r) if f.kode == "angka-diketik"]
    assert sorted(found) == [(2, "jumlah Rp 11 611 961"), (2, "jumlah Rp 11,611,961")]


def _budget_of_two_years():
    """:func:`clean_budget` (pagu 11.611.960, realisasi 3.895.300) with last year's pagu 10.500.000 and realisasi
    2.176.701 (``tahun_lalu``)."""
    b = clean_budget()
    b.tahun_lalu = (D(10500000), D(2176701))
    return b


def test_a_change_typed_in_rupiah_is_read_for_its_direction():
    """"Realisasi anggaran menurun dari Rp 2.176.701 menjadi Rp 3.895.300" passed: the typed change took bare numbers
    only, so its wrong word was never read; and "naik dari 980 ribu menjadi 1,2 juta" was read as a fall from 980 to
    1,2, its scale words not read."""
    body = ("Realisasi anggaran menurun dari Rp 2.176.701 menjadi Rp 3.895.300.\n"  # 1: wrong way
            "Pagu anggaran turun dari Rp 10,5 juta menjadi Rp 11,61 juta.\n"  # 2: wrong way, scale words
            "Realisasi anggaran naik dari Rp 2,18 juta menjadi Rp 3,90 juta.\n"  # right
            "Jumlah penduduk naik dari 980 ribu menjadi 1,2 juta jiwa.\n"  # right: 980.000 to 1.200.000
            "Pagu anggaran naik dari 10,5 juta menjadi 11,61 juta.\n")  # right, without Rp
    r = make_report([], anggaran=_budget_of_two_years(), chapters=[chapter(body, body_line=1)])
    found = {f.loc.line: f.message for f in run(r) if f.kode == "arah-diketik"}
    assert sorted(found) == [1, 2]
    assert found[1].startswith("'menurun' diketik untuk perubahan 'menurun dari Rp 2.176.701 menjadi Rp 3.895.300', "
                               "padahal angka yang diketik itu naik")
    assert "{nilai}`anggaran.realisasi`" in found[1] and "<id>.realisasi_lalu" not in found[1]
    assert not [f for f in run(r) if f.kode == "angka-diketik"]


def test_the_values_typed_in_a_change_in_rupiah_are_read_at_their_scale():
    """"{nilai}`PAD.nama` naik dari Rp 1,2 miliar menjadi Rp 1,4 miliar" passed unread beside data of 1,5 miliar:
    the typed change took bare numbers only. PAD: realisasi 1.200.000.000 (2022) to 1.500.000.000 (2023), in rupiah;
    PJK in "juta rupiah" (1.200 to 1.500) is not compared: its unit has a scale of its own."""
    pad = ind("PAD", D(1400000000), PeriodValues(annual=D(1500000000), loc=loc(12)), 10, satuan="rupiah")
    pad.target[2022] = PeriodValues(annual=D(1000000000), loc=loc(14))
    pad.realisasi[2022] = PeriodValues(annual=D(1200000000), loc=loc(13))
    pjk = ind("PJK", D(1400), PeriodValues(annual=D(1500), loc=loc(22)), 20, satuan="juta rupiah")
    pjk.target[2022] = PeriodValues(annual=D(1000), loc=loc(24))
    pjk.realisasi[2022] = PeriodValues(annual=D(1200), loc=loc(23))
    body = ("{nilai}`PAD.nama` naik dari Rp 1,2 miliar menjadi Rp 1,4 miliar.\n\n"  # 1: this year's is 1,5
            "{nilai}`PAD.nama` naik dari Rp 1.200.000.000 menjadi 1,5 miliar rupiah.\n\n"  # right
            "{nilai}`PJK.nama` naik dari Rp 1,2 miliar menjadi Rp 1,4 miliar.\n")  # its unit has a scale
    r = make_report([pad, pjk], sasaran=[("S1", ["PAD", "PJK"])], chapters=[chapter(body, body_line=1)])
    found = [(f.loc.line, f.message.split(" (")[0]) for f in run(r) if f.kode == "angka-diketik"]
    assert found == [(1, "realisasi Rp 1,4 miliar diketik untuk indikator PAD")]


def test_a_rupiah_amount_said_of_a_pagu_or_realisasi_is_read_against_that_figure():
    """"Total pagu anggaran sebesar Rp 3,90 juta" passed beside a pagu of 11,61 juta: a typed amount was read
    against every computed amount, and 3,90 juta is the realisasi. So was a program's pagu typed as its realisasi, and
    a change's value equal to another figure ("naik dari Rp 2,18 juta menjadi Rp 11,61 juta")."""
    body = ("Total pagu anggaran sebesar Rp 11,61 juta dengan realisasi Rp 3,90 juta.\n"  # right
            "Total pagu anggaran sebesar Rp 3,90 juta.\n"  # 2: the realisasi's
            "Total realisasi anggaran Rp 11.611.960.\n"  # 3: the pagu's
            "Pagu program 7.01.02 sebesar Rp 1.094.500 dengan realisasi Rp 1.094.500.\n"  # 4: its realisasi's
            "Realisasi anggaran naik dari Rp 2,18 juta menjadi Rp 11,61 juta.\n"  # 5: the second is the pagu's
            "Realisasi anggaran naik dari Rp 2,17 juta menjadi Rp 3,90 juta.\n"  # 6: last year's is 2,18 juta
            "Pagu dan realisasi anggaran masing-masing Rp 11,61 juta dan Rp 3,90 juta.\n"  # not read: both named
            "Realisasi sebesar Rp 3,9 juta dari pagu Rp 11,6 juta; sisa anggaran Rp 7.716.660.\n"  # right
            "Pagu kegiatan 7.01.01.2.01 Rp 2.800.800 dan pagu anggaran tahun lalu Rp 10,5 juta.\n"  # right
            "Pagu indikatif tahun 2024 sebesar Rp 11,61 juta.\n")  # another budget, read as any amount
    r = make_report([], anggaran=_budget_of_two_years(), chapters=[chapter(body, body_line=1)])
    found = {f.loc.line: f.message for f in run(r) if f.kode == "angka-diketik"}
    assert sorted(found) == [2, 3, 4, 5, 6]
    assert found[2] == ("jumlah Rp 3,90 juta diketik sebagai pagu seluruh anggaran, padahal menurut hitungan laporan "
                        "ini pagunya Rp 11.611.960 (Rp 11,61 juta); angka ketikan tidak ikut berubah bila datanya "
                        "diubah. Tulis rujukan {nilai}`anggaran.pagu`")
    assert "realisasinya Rp 3.895.300; " in found[3] and "{nilai}`anggaran.realisasi`" in found[3]
    assert found[4].startswith("jumlah Rp 1.094.500 diketik sebagai pagu program 7.01.02, padahal menurut hitungan "
                               "laporan ini pagunya Rp 8.811.160;")
    assert "yang terdekat Rp 3.895.300 (Rp 3,90 juta)" in found[5]
    assert ("realisasi tahun 2022 menurut data Rp 2.176.701 (Rp 2,18 juta) (tahun_lalu di data/anggaran.yaml)"
            in found[6])


def test_a_percentage_in_the_old_spelling_prosen_is_read():
    body = "Rata-rata capaian 97,50 prosen; serapan 97,8 prosen.\n"
    found = [(f.loc.line, f.message.split(" diketik")[0]) for f in run(typed_words_report(body))
             if f.kode == "angka-diketik"]
    assert found == [(1, "persentase 97,8 prosen")]


def typed_words_report(body):
    """A: 82/80 = 102,5 % Berhasil; B (negatif): 110 % Berhasil; C: 20/25 = 80 % Cukup Berhasil; S1 and the average
    97,5 % Cukup Berhasil (Skala Kabupaten Banjar)."""
    inds = [ind("A", D(80), D(82), 10), ind("B", D(20), D(18), 20, polaritas="negatif"), ind("C", D(25), D(20), 30)]
    return make_report(inds, [("S1", ["A", "B", "C"])], anggaran=clean_budget(), chapters=[chapter(body, body_line=1)])


def test_a_typed_predikat_is_read_against_the_capaian_it_is_about():
    """Seed 000 l.349 labelled 98,27 % "Berhasil" where its scale says "Cukup Berhasil"; seed 001 l.522 labelled
    98,24 % "Sangat Berhasil", no class of its scale. Typed in a sentence, both passed unread."""
    body = ("Capaian {nilai}`C.capaian` dengan predikat **Berhasil**.\n"  # 1: C is Cukup Berhasil
            "Indikator A mencapai 102,50 % dan berpredikat Berhasil.\n"  # 2: right
            "Rata-rata capaian 97,50 % termasuk kategori\n"
            "Berhasil.\n"  # 4: the average (wrapped line) is Cukup Berhasil
            "Seluruh indikator sasaran berpredikat Berhasil.\n"  # 5: two of three
            "Predikat Berhasil untuk capaian 100 % ke atas, Cukup Berhasil untuk 70 % sampai di bawah 100 %.\n"
            "Serapan anggaran 95 % dengan kategori Berhasil.\n"  # 7: not a capaian (its 95 % is angka-diketik)
            "Capaian indikator kinerja berpredikat Kurang Berhasil.\n"  # 8: no capaian has it
            "Kecamatan berhasil menaikkan capaian C menjadi 80,00 % dengan predikat Cukup Berhasil.\n"  # right
            "Capaian {nilai}`A.capaian` berpredikat Sangat Berhasil.\n")  # 10: another scale's label
    found = {f.loc.line: f.message for f in run(typed_words_report(body)) if f.kode == "predikat-diketik"}
    assert sorted(found) == [1, 4, 5, 8, 10]
    assert found[1].startswith("predikat 'Berhasil' diketik untuk {nilai}`C.capaian` (80,00 %), padahal menurut "
                               "Skala Kabupaten Banjar predikatnya 'Cukup Berhasil'")
    assert found[1].endswith("tulis rujukan {nilai}`C.predikat`")
    assert "rata-rata capaian (97,50 %)" in found[4] and "{nilai}`capaian.predikat`" in found[4]
    assert "2 dari 3" in found[5] and "{nilai}`predikat.berhasil.jumlah`" in found[5]
    assert "tidak ada capaian laporan ini" in found[8]
    assert "'Sangat Berhasil' bukan predikat Skala Kabupaten Banjar" in found[10] and "'Berhasil'" in found[10]


def test_a_predikat_in_brackets_after_a_capaian_is_read_as_its_predikat():
    """"97,76 % (Berhasil)" passed unread, right or wrong: a label was read only after a word such as "predikat".
    "98,24 % (Sangat Berhasil)" (seed 001: a class its scale does not have) passed even then: only the report's own
    labels were read in brackets."""
    body = ("Capaian {nilai}`C.capaian` (Berhasil).\n"  # 1: C is Cukup Berhasil
            "Indikator C mencapai 80,00 % (**Berhasil**) dan A 102,50 % (Berhasil).\n"  # 2: C's, not A's
            "Capaian {nilai}`A.capaian` (Berhasil) dan {nilai}`C.capaian` (Cukup Berhasil).\n"  # right, pair by pair
            "Rata-rata capaian 97,50 % (Cukup Berhasil).\n"  # right
            "Capaian {nilai}`capaian.S1` (berhasil).\n"  # 5: S1 is Cukup Berhasil
            "Capaian {nilai}`A.capaian` (Sangat Berhasil).\n"  # 6: another scale's label
            "Capaian {nilai}`A.realisasi` (Cukup Berhasil).\n"  # not a capaian
            "Kelas: 100 % (Berhasil), 70 % sampai 80,00 % (Berhasil), di atas 80,00 % (Berhasil).\n"  # the scale
            "Serapan anggaran 80,00 % (Berhasil).\n"  # not a capaian
            "Capaian 80,00 % (Berhasil) pada indikator C.\n")  # 10
    said = [f for f in run(typed_words_report(body)) if f.kode == "predikat-diketik"]
    found = {f.loc.line: f.message for f in said}
    assert [f.loc.line for f in said] == [1, 2, 5, 6, 10]
    assert found[1] == ("predikat 'Berhasil' diketik untuk {nilai}`C.capaian` (80,00 %), padahal menurut Skala "
                        "Kabupaten Banjar predikatnya 'Cukup Berhasil'; tulis rujukan {nilai}`C.predikat`")
    assert "capaian C (80,00 %)" in found[2] and "{nilai}`C.predikat`" in found[2]
    assert "{nilai}`capaian.S1`" in found[5] and "{nilai}`capaian.S1.predikat`" in found[5]
    assert found[6] == ("predikat 'Sangat Berhasil' diketik untuk {nilai}`A.capaian` (102,50 %), padahal menurut Skala "
                        "Kabupaten Banjar predikatnya 'Berhasil' ('Sangat Berhasil' bukan predikat Skala Kabupaten "
                        "Banjar; predikatnya: Berhasil, Cukup Berhasil, Kurang Berhasil, Tidak Berhasil); tulis "
                        "rujukan {nilai}`A.predikat`")


def test_a_typed_predikat_with_other_spaces_is_read_as_the_label():
    """A label pasted from Word with a no-break space ("Cukup\u00a0Berhasil"), a narrow one, or typed with two spaces
    passed unread, right or wrong; so did a count of indicators "berpredikat Cukup\u00a0Berhasil"."""
    body = ("Capaian {nilai}`C.capaian` dengan predikat Cukup\u00a0Berhasil.\n"  # right
            "Capaian {nilai}`A.capaian` dengan predikat Cukup\u00a0Berhasil.\n"  # 2: A is Berhasil
            "Capaian {nilai}`A.capaian` dengan predikat Cukup\u202fBerhasil.\n"  # 3
            "Capaian {nilai}`C.capaian` berpredikat Cukup  Berhasil.\n"  # right
            "Capaian {nilai}`A.capaian` berpredikat Cukup  Berhasil.\n"  # 5
            "Terdapat 1 indikator berpredikat Cukup\u00a0Berhasil. Terdapat 2 indikator berpredikat Cukup\u00a0Berhasil.\n"
            "Predikat Berhasil untuk capaian 100 % ke atas, Cukup\u00a0Berhasil untuk 70 % sampai di bawah 100 %.\n")
    found = {(f.kode, f.loc.line): f.message for f in run(typed_words_report(body))
             if f.kode in ("predikat-diketik", "jumlah-diketik")}
    assert sorted(found) == [("jumlah-diketik", 6), ("predikat-diketik", 2), ("predikat-diketik", 3),
                             ("predikat-diketik", 5)]
    assert found["predikat-diketik", 2].startswith("predikat 'Cukup Berhasil' diketik untuk {nilai}`A.capaian`")
    assert found["jumlah-diketik", 6].startswith("'2 indikator … berpredikat Cukup Berhasil' diketik langsung")


def test_a_typed_count_of_indicators_is_read_against_the_counts():
    """"20 dari 22 indikator mencapai target" beside a table counting 19 passed: only % and Rp were read."""
    body = ("Sebanyak 2 dari 3 indikator mencapai target. Sebanyak 3 dari 3 indikator mencapai target.\n"  # 1
            "Dari 3 indikator kinerja, 1 indikator belum mencapai target. Dari 3 indikator kinerja, 2 indikator "
            "belum\nmencapai target. Terdapat 2 indikator berpredikat Berhasil dan 1 berpredikat Cukup Berhasil.\n"
            "Pada tahun 2023 indikator C turun; 5 indikator telah mencapai target.\n"  # 4
            "Sebanyak 1 indikator yang capaiannya di bawah target; 3 indikator terukur.\n"
            "Sebanyak {nilai}`indikator.mencapai_target` dari {nilai}`indikator.jumlah` indikator mencapai target.\n"
            "Ada 1 indikator berpredikat Kurang Berhasil.\n")  # 7: none has it
    found = {f.loc.line: f.message for f in run(typed_words_report(body)) if f.kode == "jumlah-diketik"}
    assert sorted(found) == [1, 2, 4, 7]
    assert found[1].startswith("'3 dari 3 indikator … mencapai target' diketik langsung, padahal menurut hitungan "
                               "laporan ini 2 dari 3 indikator")
    assert found[2].startswith("'Dari 3 indikator kinerja, 2 indikator … belum mencapai target'")
    assert "1 dari 3" in found[2] and "{nilai}`indikator.belum_mencapai`" in found[2]
    assert found[4].startswith("'5 indikator … mencapai target'")
    assert "{nilai}`predikat.kurang-berhasil.jumlah`" in found[7] and "0 dari 3" in found[7]


def test_a_count_after_dari_or_a_slash_is_the_total_not_the_number_counted():
    """"Sebanyak dua dari 3 indikator mencapai target", "2/3 indikator …" and "2 indikator dari 3 indikator …", all
    right, were warned of as "'3 indikator … mencapai target'": the set's total read as the number reached."""
    body = ("Sebanyak dua dari 3 indikator mencapai target. Sebanyak 2/3 indikator mencapai target.\n"
            "Sebanyak 2 indikator dari 3 indikator mencapai target.\n"
            "Sebanyak 3 indikator dari 3 indikator mencapai target.\n")  # 3: two reached
    found = {f.loc.line: f.message for f in run(typed_words_report(body)) if f.kode == "jumlah-diketik"}
    assert sorted(found) == [3] and found[3].startswith("'3 indikator … mencapai target' diketik langsung")


def test_a_count_of_indicators_written_in_words_is_read_against_the_counts():
    """"dua puluh dari dua puluh dua indikator mencapai target" beside a table of 19 reached passed: only a count in
    digits was read. Words that are no count ("salah satu", "satu-satunya", "kedua", "dua atau tiga") are not."""
    body = ("Sebanyak dua dari tiga indikator mencapai target. Sebanyak tiga dari tiga indikator mencapai target.\n"
            "Dari tiga indikator kinerja, Dua Indikator belum mencapai target.\n"  # 2
            "Satu indikator belum mencapai target; dua indikator berpredikat Berhasil.\n"  # right
            "Sebanyak tiga indikator telah mencapai target.\n"  # 4
            "Salah satu indikator yang belum mencapai target adalah C. Satu-satunya indikator negatif tercapai.\n"
            "Kedua indikator itu mencapai target. Ketiga indikator tersebut belum mencapai target.\n"
            "Tidak satu indikator pun tidak terukur. Sebanyak dua atau tiga indikator, 2–3 indikator, 2 - 3 indikator "
            "belum mencapai target.\n"
            "Sebanyak nol indikator belum mencapai target.\n")  # 8
    found = {f.loc.line: f.message for f in run(typed_words_report(body)) if f.kode == "jumlah-diketik"}
    assert sorted(found) == [1, 2, 4, 8]
    assert found[1].startswith("'tiga dari tiga indikator … mencapai target' diketik langsung, padahal menurut "
                               "hitungan laporan ini 2 dari 3 indikator")
    assert found[2].startswith("'Dari tiga indikator kinerja, Dua Indikator … belum mencapai target'")
    assert "1 dari 3" in found[2] and "{nilai}`indikator.belum_mencapai`" in found[2]
    assert found[4].startswith("'tiga indikator … mencapai target'")
    assert "{nilai}`indikator.mencapai_target`" in found[4]
    assert found[8].startswith("'nol indikator … belum mencapai target'")


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=1999), st.sampled_from([str.lower, str.capitalize, str.upper]))
def test_a_count_in_words_is_said_exactly_when_it_is_not_the_computed_one(n: int, case) -> None:
    """Any count spelled as Indonesian writes it is read as that number: 2 of the 3 indicators reach their targets,
    so "Sebanyak <n> indikator mencapai target" is warned of for every other n, and "<n> dari tiga" likewise."""
    words = case(in_words(n))
    body = f"Sebanyak {words} indikator mencapai target.\nSebanyak {words} dari tiga indikator mencapai target.\n"
    found = sorted(f.loc.line for f in run(typed_words_report(body)) if f.kode == "jumlah-diketik")
    assert found == ([] if n == 2 else [1, 2]), words


def test_a_count_of_them_after_all_the_indicators_is_read_against_that_set():
    """"Semua indikator telah diukur dan 0 di antaranya belum mencapai target" passed beside 1 below target: the count
    before "di antaranya" was not read (and 0 is the count of sasaran S1, whose indicators are all reached)."""
    body = ("Semua indikator telah diukur dan 0 di antaranya belum mencapai target.\n"  # 1: C is below
            "Semua indikator sasaran S1 telah diukur dan 0 di antaranya belum mencapai target.\n"  # right
            "Seluruh indikator telah diukur dan satu di antaranya belum mencapai target.\n"  # right
            "Seluruh indikator telah diukur, dua indikator di antaranya berpredikat Cukup Berhasil.\n")  # 4
    inds = [ind("A", D(80), D(82), 10), ind("B", D(20), D(18), 20, polaritas="negatif"), ind("C", D(25), D(20), 30)]
    r = make_report(inds, [("S1", ["A", "B"]), ("S2", ["C"])], chapters=[chapter(body, body_line=1)])
    found = {f.loc.line: f.message for f in run(r) if f.kode == "jumlah-diketik"}
    assert sorted(found) == [1, 4]
    assert found[1].startswith("'0 di antaranya … belum mencapai target' diketik langsung, padahal menurut hitungan "
                               "laporan ini 1 dari 3 indikator")
    assert "{nilai}`indikator.belum_mencapai`" in found[1]
    assert found[4].startswith("'dua indikator … berpredikat Cukup Berhasil'")


def test_a_count_of_programs_kegiatan_or_sub_kegiatan_typed_is_read_against_the_budget():
    """"Anggaran tersebut digunakan untuk melaksanakan 4 program, 12 kegiatan dan 20 sub kegiatan" passed beside a
    DPA of 3, 11 and 21: counts of indicators were read, the budget's not, and no reference printed them. Here the
    budget holds 2 programs (7.01.01: 1 kegiatan, 2 sub kegiatan; 7.01.02: 1 and 1), 2 kegiatan, 3 sub kegiatan."""
    body = ("Anggaran tersebut digunakan untuk melaksanakan 4 program, 2 kegiatan dan 20 sub kegiatan.\n"  # 1: two
            "Anggaran digunakan untuk **dua** program, dua (dua) kegiatan dan tiga sub kegiatan.\n"  # right
            "Sasaran dicapai melalui tiga program dan 2 kegiatan.\n"  # 3: two levels, no word of the budget
            "Pagu program 7.01.01 membiayai 1 kegiatan dan 2 sub kegiatan.\n"  # right: that program's
            "Anggaran tahun 2022 digunakan untuk 4 program. Pagu RPJMD memuat 7 program.\n"  # another year, plan
            "Anggaran mendukung 5 program prioritas dan 12 kegiatan pelatihan.\n"  # other things counted
            "Kecamatan melaksanakan 5 program. Pagu untuk lebih dari 1 program.\n"  # no budget word; a bound
            "Pagu anggaran salah satu dari 4 program tersebut.\n")  # 8: the budget's total, typed
    r = typed_words_report(body)
    computed = compute_report(r, {}, "permendagri-86-2017")
    assert [computed.figures[f"anggaran.jumlah_{x}"].value for x in ("program", "kegiatan", "sub_kegiatan")] == [
        2, 2, 3]
    found = [(f.loc.line, f.message) for f in run(r) if f.kode == "jumlah-diketik"]
    assert [(line, m.split("' diketik")[0]) for line, m in found] == [
        (1, "'20 sub kegiatan"), (1, "'4 program"), (3, "'tiga program"), (8, "'4 program")], found
    assert found[1][1] == ("'4 program' diketik langsung, padahal menurut data/anggaran.yaml anggaran laporan ini "
                           "memuat 2 program (juga bukan jumlah program satu sasaran); jumlah ketikan tidak ikut "
                           "berubah bila datanya diubah. Tulis rujukan {nilai}`anggaran.jumlah_program`")
    assert found[0][1].endswith("Tulis rujukan {nilai}`anggaran.jumlah_sub_kegiatan`")


def test_a_number_typed_in_digits_and_in_words_that_differ_is_said():
    """A real report printed "4 (lima) sasaran dengan 5 (lima) indikator": which one is right, no reader can tell;
    a count whose digits agree with the counts passed with its words wrong ("2 (tiga) dari 3 indikator")."""
    body = ("Ditetapkan 4 (lima) sasaran dengan 5 (lima) indikator.\n"  # 1
            "Sebanyak 2 (tiga) dari 3 indikator mencapai target.\n"  # 2: the digits right, the words not
            "Anggaran Rp 6.151.520.858,00,- (*Enam Miliar seratus lima puluh satu juta lima ratus dua puluh ribu "
            "delapan ratus lima puluh sembilan Rupiah*).\n"  # 3: ... 859
            "Selama 1 (satu) tahun; 15 (lima belas belas) kegiatan; 2,5 (dua) kali; Rp 1.250 (seribu dua ratus lima "
            "puluh); periode 2022-2026 (lima tahun).\n")  # no number or the same: not said
    found = {f.loc.line: f.message for f in run(typed_words_report(body)) if f.kode == "terbilang-beda"}
    assert sorted(found) == [1, 2, 3]
    assert found[1].startswith("'4 (lima)' diketik: angkanya 4, tetapi kata dalam kurung 'lima' berarti 5; samakan "
                               "keduanya, atau bila jumlah ini dihitung lkjip (indikator, anggaran), tulis rujukan "
                               "{nilai}")
    assert "'2 (tiga)' diketik: angkanya 2" in found[2]
    assert "angkanya 6.151.520.858" in found[3] and "berarti 6.151.520.859" in found[3]


def test_the_number_of_indicators_typed_as_a_total_is_read_against_the_counts():
    """Seed 002 printed "telah ditetapkan 4 (lima) sasaran dengan 5 (lima) indikator kinerja", seed 000 "didukung oleh
    20 (dua puluh) indikator kinerja": a count without a verdict after it passed unread, right or wrong. Here the
    report has 3 indicators, S1 two (A, B) and S2 one (C)."""
    body = ("Perjanjian Kinerja menetapkan 2 sasaran dengan 4 indikator kinerja.\n"  # 1
            "Perjanjian Kinerja menetapkan 2 sasaran dengan 3 indikator kinerja.\n"  # right
            "Sasaran S1 didukung oleh dua indikator kinerja.\n"  # right: S1's
            "Capaian sasaran didukung oleh 5 (lima) indikator kinerja.\n"  # 4
            "Terdapat 4 indikator yang capaiannya di atas 90 %.\n"  # no total said
            "Setiap kegiatan diukur dengan 4 indikator keluaran.\n"  # another set
            "Tujuan diukur dengan 4 indikator.\n"  # a tujuan's
            "Pada 2022 ditetapkan 4 indikator.\n")  # another year
    inds = [ind("A", D(80), D(82), 10), ind("B", D(20), D(18), 20, polaritas="negatif"), ind("C", D(25), D(20), 30)]
    r = make_report(inds, [("S1", ["A", "B"]), ("S2", ["C"])], chapters=[chapter(body, body_line=1)])
    found = {f.loc.line: f.message for f in run(r) if f.kode == "jumlah-diketik"}
    assert sorted(found) == [1, 4]
    assert found[1].startswith("'4 indikator' diketik langsung, padahal menurut hitungan laporan ini jumlahnya 3 ")
    assert found[1].endswith("tulis rujukan {nilai}`indikator.jumlah`")
    assert found[4].startswith("'5 (lima) indikator' diketik langsung")


def test_counts_of_indicators_as_authors_write_them_beside_a_share_or_a_slash():
    """"19/22 indikator mencapai target" passed unread; "2 dari 3 indikator atau 66,67 % mencapai target", right, was
    warned of as "dari 3 indikator atau 66,67" (the decimal comma taken for the sentence's); "Hampir seluruh
    indikator mencapai target", true beside 2 of 3, was warned of as a claim that all are. Here 2 of 3 reach their
    targets."""
    body = ("Sebanyak 3/3 indikator mencapai target.\n"  # 1
            "Sebanyak 2/3 indikator mencapai target.\n"  # right
            "Capaian 2 dari 3 indikator atau 66,67 % mencapai target.\n"  # right
            "Hampir seluruh indikator mencapai target.\n"  # right: almost all
            "Pada tanggal 12/3 indikator dievaluasi.\n")  # no verdict: not read
    found = {f.loc.line: f.message for f in run(typed_words_report(body)) if f.kode == "jumlah-diketik"}
    assert sorted(found) == [1]
    assert found[1].startswith("'3/3 indikator … mencapai target' diketik langsung, padahal menurut hitungan laporan "
                               "ini 2 dari 3 indikator")


def test_a_count_of_sasaran_reached_is_read_against_the_sasaran():
    """"Tiga dari empat sasaran tercapai" passed beside sasaran capaian of N/A, 102,50 %, 110 % and 80 %: only counts
    of indicators were read. Here S1 (A, B) is reached, S2 (C, 80 %) is not."""
    body = ("Sebanyak dua dari dua sasaran tercapai.\n"  # 1
            "Satu dari dua sasaran strategis telah mencapai target; 1 sasaran belum mencapai target.\n"  # right
            "Dari dua sasaran, satu sasaran tercapai.\n"  # right: "dua" is the total
            "Sebanyak 2 sasaran belum mencapai target.\n"  # 4
            "Pada tahun 2022 dua sasaran tercapai. Diharapkan dua sasaran tercapai tahun depan.\n"  # not this year's
            "Dua sasaran RPJMD tercapai. Dua sasaran program tercapai. Ditetapkan 2 sasaran strategis.\n")  # others
    inds = [ind("A", D(80), D(82), 10), ind("B", D(20), D(18), 20, polaritas="negatif"), ind("C", D(25), D(20), 30)]
    r = make_report(inds, [("S1", ["A", "B"]), ("S2", ["C"])], chapters=[chapter(body, body_line=1)])
    found = {f.loc.line: f.message for f in run(r) if f.kode == "jumlah-diketik"}
    assert sorted(found) == [1, 4]
    assert found[1] == ("'dua dari dua sasaran … mencapai target' diketik langsung, padahal menurut hitungan laporan ini "
                        "1 dari 2 sasaran mencapai target (capaian sasaran ≥ 100 %: S1); jumlah sasaran tidak ikut "
                        "berubah bila datanya diubah. Sebut capaian tiap sasaran dengan rujukan {nilai}`capaian.S1`, "
                        "{nilai}`capaian.S2`")
    assert "1 dari 2 sasaran belum mencapai target (capaian sasaran < 100 %: S2)" in found[4]


def test_all_indicators_reached_typed_in_words_is_read_against_the_counts():
    """"Seluruh indikator kinerja tercapai" beside a table of 2 of 3 reached passed: only a count typed as a number
    ("3 dari 3 indikator") was read."""
    body = ("Seluruh indikator kinerja tercapai.\n"  # 1: C is at 80 %
            "Semua indikator sasaran S1 telah mencapai target pada tahun 2023.\n"  # 2
            "Tidak ada indikator yang belum mencapai target.\n"  # 3
            "Seluruh indikator telah diukur, tetapi belum semuanya mencapai target.\n"  # right
            "Pada tahun 2022 seluruh indikator tercapai.\n"  # another year: not read
            "Diharapkan seluruh indikator tercapai pada tahun berikutnya.\n"  # hoped for
            "Seluruh indikator kinerja utama tercapai.\n"  # IKU: a set the counts do not hold
            "Sebanyak 3 dari 3 indikator seluruhnya tercapai.\n")  # 8: the typed count's finding, not a second one
    found = {f.loc.line: f.message for f in run(typed_words_report(body)) if f.kode == "jumlah-diketik"}
    assert sorted(found) == [1, 2, 3, 8]
    assert found[1].startswith("'Seluruh indikator kinerja tercapai' diketik, padahal menurut hitungan laporan ini "
                               "2 dari 3 indikator")
    assert "(1 belum mencapai target)" in found[1] and "{nilai}`indikator.mencapai_target`" in found[1]
    assert "indikator sasaran S1" in found[2] and "{nilai}`sasaran.S1.mencapai_target`" in found[2]
    assert found[3].startswith("'Tidak ada indikator yang belum mencapai' diketik")
    assert found[8].startswith("'3 dari 3 indikator … mencapai target' diketik langsung")
    # all reached: nothing to say
    body = "Seluruh indikator kinerja tercapai.\nTidak ada indikator yang belum mencapai target.\n"
    inds = [ind("A", D(80), D(82), 10), ind("B", D(20), D(18), 20, polaritas="negatif")]
    ok = make_report(inds, [("S1", ["A", "B"])], anggaran=clean_budget(), chapters=[chapter(body, body_line=1)])
    assert not [f for f in run(ok) if f.kode == "jumlah-diketik"]


def test_all_indicators_said_beside_a_count_or_of_the_measured_ones_is_right():
    """Right sentences were warned of as "seluruh indikator tercapai": a count between the words and the verdict
    ("Semua indikator telah diukur dan {nilai}`indikator.mencapai_target` di antaranya mencapai target") and the
    measured ones of a TW I report whose other indicators are N/A ("Seluruh indikator yang terukur tercapai")."""
    body = ("Semua indikator telah diukur dan {nilai}`indikator.mencapai_target` di antaranya mencapai target.\n"
            "Dari {nilai}`indikator.jumlah` indikator, seluruhnya telah diukur dan 2 indikator mencapai target.\n"
            "Seluruh indikator yang terukur tercapai.\n"  # 3: C is measured, at 80 %
            "Seluruh indikator sasaran S1 tercapai.\n")  # 4
    found = {f.loc.line for f in run(typed_words_report(body)) if f.kode == "jumlah-diketik"}
    assert found == {3, 4}
    inds = [ind("A", D(80), D(82), 10), ind("B", D(20), D(18), 20, polaritas="negatif"), ind("D", D(10), None, 30)]
    body = "Seluruh indikator yang terukur tercapai.\nSemua indikator yang dapat diukur mencapai target.\n" \
           "Seluruh indikator tercapai.\n"  # 3: D is N/A
    r = make_report(inds, [("S1", ["A", "B", "D"])], chapters=[chapter(body, body_line=1)])
    found = [f for f in run(r) if f.kode == "jumlah-diketik"]
    assert [f.loc.line for f in found] == [3] and "(1 tidak terukur (N/A))" in found[0].message


def test_a_sentence_does_not_end_at_s_d_before_a_quarter():
    """"Seluruh indikator yang terukur s.d. TW I tercapai" was read as two sentences ("… s.d." and "TW I tercapai"),
    so its claim passed unread beside an indicator measured below target."""
    body = "Seluruh indikator yang terukur s.d. TW I tercapai. Realisasi s.d. Triwulan I sesuai rencana.\n"
    found = [f for f in run(typed_words_report(body)) if f.kode == "jumlah-diketik"]
    assert [f.loc.line for f in found] == [1] and "s.d. TW I tercapai'" in found[0].message
    texts = [s.text for s in sentences(chapter(body))]
    assert texts == ["Seluruh indikator yang terukur s.d. TW I tercapai.", "Realisasi s.d. Triwulan I sesuai rencana."]


def test_title_year_and_output_units():
    lf = leaf("7.01.01.2.01.0001", 10, 10, 12, target=D(2), realisasi_output="Baik")
    b = Budget(2023, [node("program", "7.01.01", [node("kegiatan", "7.01.01.2.01", [lf], 11)], 10)], loc(1, ANG))
    r = make_report([], anggaran=b)
    r.judul = "LKjIP Kecamatan Martapura Barat Tahun 2022"
    findings = run(r)
    assert "2022" in only(findings, "judul-tahun")[0].message
    assert only(findings, "satuan-berbeda")[0].loc == loc(12, ANG)


@pytest.mark.parametrize("nip, problem", [
    ("197001011990031001", None),
    ("19700101 199003 1 001", None),
    ("198501012022211001", None),     # PPPK: 21 where a PNS's TMT month stands
    ("197002301990031001", "tanggal lahir 30-02-1970 tidak ada"),
    ("197001011990001001", "bulan TMT 00 tidak ada"),
    ("197001011980031001", "TMT 1980 sebelum pemiliknya berumur 18 tahun (lahir 1970)"),
    ("197001011990030001", "angka jenis kelamin 0 (hanya 1 atau 2)"),
])
def test_what_cannot_be_in_a_nip(nip: str, problem: str | None) -> None:
    """The NIP's parts (PP 43/2007: birth date, TMT year and month, sex, number) as the signature block prints them;
    a digit typed twice makes a date that does not exist."""
    assert check._nip_problem(re.sub(r"\D", "", nip)) == problem


@pytest.mark.parametrize("pangkat, golongan", [
    ("Pembina Tk. I (IV/b)", "IV/b"), ("Pembina Tingkat I, IV/b", "IV/b"), ("Penata Muda Tk.I (III/b)", "III/b"),
    ("Pembina Utama Muda (IV/c)", "IV/c"), ("penata (III/c)", "III/c"),
])
def test_pangkat_written_in_its_usual_ways_is_its_golongans(pangkat: str, golongan: str) -> None:
    assert check.PANGKAT[golongan].casefold() == check._pangkat_name(pangkat)


def test_an_annual_report_is_held_to_the_outline_the_regulation_requires():
    """BAB II and the Ikhtisar deleted passed ``check --strict``; the Daftar Isi went from BAB I to BAB III."""
    assert not [f for f in run(make_report([ind("A", D(100), D(90), 50)])) if f.kode == "susunan-laporan"]
    short = [p for p in FULL if p not in (("ikhtisar", ""), ("bab", "II"))]
    f = only(run(make_report([ind("A", D(100), D(90), 50)], chapters=_outlined(short), outline=False)),
             "susunan-laporan")
    assert f[0].loc == Loc(f"{DIR}/laporan.yaml", 1) and f[0].severity == "warning"
    assert "tidak memuat Ikhtisar Eksekutif, BAB II Perencanaan Kinerja;" in f[0].message
    # a Lampiran that says it holds the PK but has no PK table (the scaffold's, before this pass)
    f = only(run(make_report([ind("A", D(100), D(90), 50)], chapters=_outlined(FULL, "Lampiran memuat PK."),
                                    outline=False)),
             "susunan-laporan")
    assert "tidak memuat tabel Perjanjian Kinerja di Lampiran;" in f[0].message
    assert f[0].message.endswith(f"Tulis tabel ```{{tabel}} pk``` di {DIR}/c6.md")
    # BAB II numbered "2" in its front matter is BAB II
    arabic = [(j, "2" if b == "II" else b) for j, b in FULL]
    assert not [f for f in run(make_report([ind("A", D(100), D(90), 50)], chapters=_outlined(arabic), outline=False))
                if f.kode == "susunan-laporan"]
    # a quarterly report has no national outline
    assert not [f for f in run(make_report([ind("A", D(100), D(90), 50)], periode="tw2", chapters=_outlined(short),
                                     outline=False))
                if f.kode == "susunan-laporan"]


def _said(text, indicators, kode):
    r = make_report(indicators, sasaran=[("S1", [i.id for i in indicators])], chapters=[chapter(text)])
    return [f for f in run(r) if f.kode == kode]


def test_a_direction_typed_beside_two_values_is_read_against_them():
    """Corrected to 60, NEK's sentence still said "naik dari 82,85 menjadi 60"; "turun" beside a fall is right."""
    nek = ind("NEK", D(73), PeriodValues(annual=D(60), loc=loc(12)), 10)
    nek.realisasi[2022] = PeriodValues(annual=D("82.85"), loc=loc(13))
    wrong = "Nilai evaluasi kinerja naik dari {nilai}`NEK.realisasi@2022` menjadi {nilai}`NEK.realisasi`."
    f = _said(wrong, [nek], "arah-diketik")
    assert [x.loc.line for x in f] == [6] and "(60) lebih kecil daripada" in f[0].message
    assert not _said(wrong.replace("naik", "turun"), [nek], "arah-diketik")
    assert not _said(wrong.replace("naik", "`naik`"), [nek], "arah-diketik")  # a word in code is no claim


def test_a_direction_its_own_typed_values_deny_is_warned_of():
    """"menurun dari 82,85 menjadi 84,82" beside data of 82,85 and 84,82 passed: the typed values were read against the
    data, never against the word typed with them. Any subject: a target, a budget, a count."""
    nek = ind("NEK", D(80), PeriodValues(annual=D("84.82"), loc=loc(12)), 10)
    nek.realisasi[2022] = PeriodValues(annual=D("82.85"), loc=loc(13))
    for wrong in ("Nilai {nilai}`NEK.nama` menurun dari 82,85 menjadi 84,82.",
                  # a quality word that names the value itself, which rises with it
                  "Nilai evaluasi kinerja kecamatan menurun dari 82,85 menjadi 84,82.",
                  "Indeks kinerja pelayanan turun dari 80 menjadi 85.",
                  "Pagu anggaran naik dari 1.250 juta menjadi 1.100 juta rupiah.",
                  "Jumlah pengaduan mengalami penurunan dari 12 menjadi 15 pengaduan."):
        f = _said(wrong, [nek], "arah-diketik")
        assert [x.loc.line for x in f] == [6], wrong
        assert f[0].message.startswith("'") and "padahal angka yang diketik itu" in f[0].message, f[0].message
    f = _said("Nilai {nilai}`NEK.nama` menurun dari 82,85 menjadi 84,82.", [nek], "arah-diketik")[0]
    assert f.message.startswith("'menurun' diketik untuk perubahan 'menurun dari 82,85 menjadi 84,82', padahal "
                                "angka yang diketik itu naik;"), f.message
    for right in ("Nilai {nilai}`NEK.nama` meningkat dari 82,85 menjadi 84,82.",
                  "Pagu anggaran turun dari 1.250 juta menjadi 1.100 juta rupiah.",
                  "Nilainya tidak turun dari 82,85 menjadi 80 seperti dikhawatirkan.",  # denied
                  "Peringkat kecamatan naik dari 12 menjadi 5.",  # a rank rises as its number falls
                  "Periode renstra bergeser naik dari 2021 menjadi 2022.",  # years
                  "Nilainya tetap, naik dari 80 menjadi 80.",  # no change: not this check's
                  # a quality whose measure falls as it improves, or words between that may name it
                  "Kecepatan layanan meningkat dari 10 hari menjadi 8 hari.",
                  "Kinerja ketertiban meningkat dari 23 kasus menjadi 18 kasus.",
                  "Terjadi peningkatan waktu layanan dari 10 hari menjadi 8 hari."):
        assert not _said(right, [nek], "arah-diketik"), right


def test_a_direction_typed_in_another_word_order_is_read_against_the_values():
    """"{nilai}`NEK.realisasi` naik dibanding tahun lalu {nilai}`NEK.realisasi_lalu`" printed "60 naik dibanding
    tahun lalu 82,85": only "naik dari A menjadi B" was read."""
    nek = ind("NEK", D(73), PeriodValues(annual=D(60), loc=loc(12)), 10)
    nek.realisasi[2022] = PeriodValues(annual=D("82.85"), loc=loc(13))
    ikm = ind("IKM", D(80), D(82), 20)
    said = {
        "Nilai {nilai}`NEK.realisasi` naik dibanding tahun lalu {nilai}`NEK.realisasi_lalu`.": "(60) lebih kecil",
        "Tahun 2022 {nilai}`NEK.realisasi@2022`, meningkat pada 2023 ke {nilai}`NEK.realisasi`.": "(60) lebih kecil",
        "Nilai evaluasi mengalami peningkatan sebesar {nilai}`NEK.delta` poin.": "(-22,85) bernilai negatif (turun)",
    }
    for text, truth in said.items():
        f = _said(text, [nek, ikm], "arah-diketik")
        assert len(f) == 1 and f[0].loc.line == 6 and truth in f[0].message, text
    for right in ("Nilai {nilai}`NEK.realisasi` turun dibanding tahun lalu {nilai}`NEK.realisasi_lalu`.",
                  "Nilai evaluasi turun sebesar {nilai}`NEK.delta` dari {nilai}`NEK.realisasi_lalu`.",
                  # two indicators, one word: which one rose is not clear
                  "IKM naik ke {nilai}`IKM.realisasi`; NEK {nilai}`NEK.realisasi` dari {nilai}`NEK.realisasi_lalu`.",
                  # both ways in one sentence
                  "Nilai naik lalu turun: {nilai}`NEK.realisasi` dari {nilai}`NEK.realisasi_lalu`."):
        assert not _said(right, [nek, ikm], "arah-diketik"), right


def test_a_direction_about_another_subject_or_denied_is_not_read_against_the_realisasi():
    """Right sentences were warned of: a direction word denied ("tidak mengalami kenaikan" beside a delta of 0), one
    about the clause's own subject ("jumlah pegawai bertambah", "Pagu anggaran turun, tetapi …") and a negative
    indicator's kinerja, which rises as its realisasi falls ("…, artinya kinerja ketertiban meningkat")."""
    k05 = ind("K05", D(100), PeriodValues(annual=D("88.71"), loc=loc(12)), 10)
    k05.realisasi[2022] = PeriodValues(annual=D(100), loc=loc(13))
    k03 = ind("K03", D(13), PeriodValues(annual=D(13), loc=loc(22)), 20)
    k03.realisasi[2022] = PeriodValues(annual=D(13), loc=loc(23))
    krim = ind("KRIM", D(20), PeriodValues(annual=D(18), loc=loc(32)), 30, polaritas="negatif")
    krim.realisasi[2022] = PeriodValues(annual=D(23), loc=loc(33))
    for right in (
            "Realisasi {nilai}`K03.nama` tidak mengalami kenaikan dibanding tahun lalu ({nilai}`K03.delta`).",
            "Realisasi {nilai}`K03.realisasi` tidak turun dibanding tahun lalu ({nilai}`K03.realisasi_lalu`).",
            "Meskipun jumlah pegawai bertambah, realisasi {nilai}`K05.realisasi` lebih rendah dari tahun lalu "
            "{nilai}`K05.realisasi_lalu`.",
            "Pagu anggaran naik, tetapi realisasi {nilai}`K05.realisasi` di bawah tahun lalu "
            "{nilai}`K05.realisasi_lalu`.",
            "Angka kriminalitas {nilai}`KRIM.realisasi` lebih rendah daripada tahun lalu "
            "({nilai}`KRIM.realisasi_lalu`), artinya kinerja ketertiban meningkat.",
            "Peningkatan kinerja keamanan tampak dari angka kriminalitas {nilai}`KRIM.realisasi`, lebih rendah dari "
            "tahun lalu {nilai}`KRIM.realisasi_lalu`."):
        assert not _said(right, [k05, k03, krim], "arah-diketik"), right
    # the realisasi's own word is still read, beside another subject's
    for wrong in ("Meskipun pagu anggaran turun, realisasi {nilai}`K05.realisasi` naik dibanding tahun lalu "
                  "{nilai}`K05.realisasi_lalu`.",
                  "Realisasi {nilai}`K05.realisasi` melampaui target dan naik dari tahun lalu "
                  "{nilai}`K05.realisasi_lalu`.",
                  "Angka kriminalitas {nilai}`KRIM.realisasi` naik dibanding tahun lalu "
                  "({nilai}`KRIM.realisasi_lalu`)."):
        f = _said(wrong, [k05, k03, krim], "arah-diketik")
        assert len(f) == 1 and "lebih kecil daripada" in f[0].message, wrong


def _nek_and_ikm():
    """NEK: realisasi 82,85 (2022) to 84,83 (2023), +1,98; target 80 both years, capaian 103,56 % to 106,04 %, +2,48."""
    nek = ind("NEK", D(80), PeriodValues(annual=D("84.83"), loc=loc(12)), 10)
    nek.target[2022] = PeriodValues(annual=D(80), loc=loc(14))
    nek.realisasi[2022] = PeriodValues(annual=D("82.85"), loc=loc(13))
    return [nek, ind("IKM", D(80), D(82), 20)]


def test_a_change_typed_in_points_is_read_against_the_indicators_change():
    """"{nilai}`NEK.nama` naik 1,98 poin dari tahun sebelumnya" stayed so after NEK's realisasi was corrected: only
    the words beside two referenced values were read, never a typed change."""
    inds = _nek_and_ikm()
    for right in ("{nilai}`NEK.nama` naik 1,98 poin dari tahun sebelumnya.",
                  "{nilai}`NEK.nama` naik 2 poin dibanding tahun 2022.",
                  "Capaian {nilai}`NEK.nama` meningkat 2,48 poin dari tahun lalu.",
                  "{nilai}`NEK.nama` mengalami peningkatan capaian sebesar 2,48 poin.",
                  "{nilai}`NEK.nama` naik 2,48 poin.",  # no subject said: the capaian's is right
                  "{nilai}`NEK.realisasi` naik 1,98 poin dari {nilai}`NEK.realisasi@2022`.",
                  # the capaian named before a comma is not the subject of the change after it
                  "Dengan capaian {nilai}`NEK.capaian`, {nilai}`NEK.nama` naik 1,98 poin dari tahun lalu.",
                  "Meskipun pagu anggaran turun, {nilai}`NEK.nama` naik 1,98 poin.",
                  # not read: two indicators, another subject, denied, another base, another year, code
                  "Nilai {nilai}`IKM.nama` dan {nilai}`NEK.nama` naik 5 poin.",
                  "Target {nilai}`NEK.nama` naik 5 poin.",
                  "{nilai}`NEK.nama` tidak naik 5 poin seperti direncanakan.",
                  "{nilai}`NEK.nama` naik 5 poin dari target.",
                  "{nilai}`NEK.nama` naik 5 poin dibanding tahun 2020.",
                  "{nilai}`NEK.nama` `naik 5 poin`."):
        assert not [f for f in _said(right, inds, "selisih-diketik") + _said(right, inds, "arah-diketik")], right
    said = {"{nilai}`NEK.nama` naik 3 poin dari tahun sebelumnya.": ("selisih-diketik", "'naik 3 poin' … realisasi"),
            "{nilai}`NEK.nama` turun 1,98 poin.": ("arah-diketik", "'turun 1,98 poin' … realisasi"),
            "Capaian {nilai}`NEK.nama` meningkat 1,98 poin.": ("selisih-diketik", "'meningkat 1,98 poin' … capaian"),
            "Realisasi {nilai}`NEK.nama` naik 2,48 poin.": ("selisih-diketik", "'naik 2,48 poin' … realisasi"),
            "{nilai}`NEK.realisasi` naik 3 poin dari {nilai}`NEK.realisasi@2022`.":
                ("selisih-diketik", "'naik 3 poin' … realisasi")}
    for wrong, (kode, start) in said.items():
        f = _said(wrong, inds, "selisih-diketik") + _said(wrong, inds, "arah-diketik")
        assert [(x.kode, x.loc.line) for x in f] == [(kode, 6)], wrong
        assert f[0].message.startswith(start.replace(" … ", " diketik untuk ") + " NEK, padahal"), f[0].message
    f = _said("{nilai}`NEK.nama` naik 3 poin dari tahun sebelumnya.", inds, "selisih-diketik")[0]
    assert f.message == ("'naik 3 poin' diketik untuk realisasi NEK, padahal menurut hitungan laporan ini realisasinya "
                         "naik 1,98 poin dari tahun 2022 (82,85 menjadi 84,83); angka ketikan tidak ikut berubah bila "
                         "datanya diubah. Tulis rujukan {nilai}`NEK.tren` sebesar {nilai}`NEK.selisih` poin (selisih "
                         "bertanda: {nilai}`NEK.delta`)")
    f = _said("Capaian {nilai}`NEK.nama` meningkat 1,98 poin.", inds, "selisih-diketik")[0]
    assert "capaiannya naik 2,48 poin dari tahun 2022 (103,56 % menjadi 106,04 %)" in f.message
    assert f.message.endswith("{nilai}`NEK.capaian@2022` dan {nilai}`NEK.capaian`, dan perbaiki angkanya")
    # the direction already said wrong beside two values: one finding, not a second for the typed change
    f = _said("{nilai}`NEK.realisasi` turun 3 poin dari {nilai}`NEK.realisasi@2022`.", inds, "arah-diketik")
    assert len(f) == 1 and "lebih besar daripada" in f[0].message
    assert not _said("{nilai}`NEK.realisasi` turun 3 poin dari {nilai}`NEK.realisasi@2022`.", inds,
                     "selisih-diketik")


def test_the_values_typed_in_a_change_are_read_against_last_and_this_years_data():
    """"{nilai}`NEK.nama` naik dari 82,85 menjadi 84,28" passed beside data of 84,82: only the direction word was
    read, and only beside references. NEK: realisasi 82,85 (2022, line 13) to 84,82 (2023, line 12), target 80:
    capaian 103,56 % to 106,03 %."""
    nek = ind("NEK", D(80), PeriodValues(annual=D("84.82"), loc=loc(12)), 10)
    nek.target[2022] = PeriodValues(annual=D(80), loc=loc(14))
    nek.realisasi[2022] = PeriodValues(annual=D("82.85"), loc=loc(13))
    inds = [nek, ind("IKM", D(80), D(82), 20)]
    body = ("{nilai}`NEK.nama` naik dari 82,85 menjadi 84,28.\n"  # 1: this year's
            "{nilai}`NEK.nama` naik dari 82,85 pada tahun 2022 menjadi 84,82 pada tahun 2023.\n"  # right
            "Realisasi {nilai}`NEK.nama` meningkat dari 82,9 menjadi 84,8.\n"  # right at the decimals typed
            "{nilai}`NEK.nama` mengalami peningkatan dari 82,58\n"  # 4: last year's
            "menjadi **84,82**.\n"
            "Capaian {nilai}`NEK.nama` naik dari 103,56 % menjadi 106,03 %.\n"  # right: the capaian's
            "Capaian {nilai}`NEK.nama` naik dari 103,56 % menjadi 106,25 %.\n"  # 7: the capaian's
            "Target {nilai}`NEK.nama` naik dari 75 menjadi 90.\n"  # another subject
            "{nilai}`NEK.nama` tidak naik dari 70 menjadi 90.\n"  # denied
            "{nilai}`NEK.nama` naik dari 70 menjadi 90 dibanding tahun 2020.\n"  # another year
            "{nilai}`NEK.nama` dan {nilai}`IKM.nama` naik dari 70 menjadi 90.\n"  # two indicators
            "{nilai}`NEK.nama` naik dari {nilai}`NEK.realisasi@2022` menjadi {nilai}`NEK.realisasi`.\n")  # refs
    found = [(f.loc.line, f.message) for f in run(make_report(inds, sasaran=[("S1", ["NEK", "IKM"])],
                                                             chapters=[chapter(body, body_line=1)]))
             if f.kode == "angka-diketik"]
    assert [(line, m.split(" diketik")[0]) for line, m in found] == [
        (1, "realisasi 84,28"), (4, "realisasi 82,58"), (7, "capaian 106,25 %")], found
    assert found[0][1] == ("realisasi 84,28 diketik untuk indikator NEK ('naik dari 82,85 menjadi 84,28'), padahal "
                           f"realisasinya tahun 2023 menurut data 84,82 ({IND}:12); angka yang diketik dua kali bisa "
                           "berbeda. Tulis rujukan {nilai}`NEK.realisasi`, atau bila angka ketikan yang benar, "
                           "perbaiki datanya")
    assert f"realisasinya tahun 2022 menurut data 82,85 ({IND}:13)" in found[1][1]
    assert found[1][1].endswith("Tulis rujukan {nilai}`NEK.realisasi_lalu`, atau bila angka ketikan yang benar, "
                                "perbaiki datanya")
    assert found[2][1].endswith("padahal capaiannya tahun 2023 106,03 %; angka ketikan tidak ikut berubah bila "
                                "datanya diubah. Tulis rujukan {nilai}`NEK.capaian`")


def test_two_changes_typed_in_one_sentence_are_each_read_against_their_indicator():
    """"{nilai}`NEK.nama` naik 3 poin dan {nilai}`IKM.nama` turun 3 poin" passed unread, both changes, right or
    wrong: only a sentence of one change about one indicator was read. NEK: realisasi +1,98, capaian +2,48; IKM:
    realisasi 80 to 82, +2."""
    inds = _nek_and_ikm()
    inds[1].target[2022] = PeriodValues(annual=D(80), loc=loc(24))
    inds[1].realisasi[2022] = PeriodValues(annual=D(80), loc=loc(23))
    for right in ("{nilai}`NEK.nama` naik 1,98 poin dan {nilai}`IKM.nama` naik 2 poin.",
                  "Realisasi {nilai}`NEK.nama` naik 1,98 poin dan capaiannya naik 2,48 poin.",
                  "Nilai {nilai}`IKM.nama` dan {nilai}`NEK.nama` naik 2 poin dan 1,98 poin."):  # whose is which: unread
        assert not _said(right, inds, "selisih-diketik") + _said(right, inds, "arah-diketik"), right
    said = {"{nilai}`NEK.nama` naik 1,98 poin dan {nilai}`IKM.nama` turun 2 poin.":
                [("arah-diketik", "'turun 2 poin' diketik untuk realisasi IKM")],
            "{nilai}`NEK.nama` naik 3 poin, sedangkan {nilai}`IKM.nama` naik 2 poin.":
                [("selisih-diketik", "'naik 3 poin' diketik untuk realisasi NEK")],
            "{nilai}`NEK.nama` naik 3 poin dan {nilai}`IKM.nama` naik 4 poin.":
                [("selisih-diketik", "'naik 3 poin' diketik untuk realisasi NEK"),
                 ("selisih-diketik", "'naik 4 poin' diketik untuk realisasi IKM")],
            "Realisasi {nilai}`NEK.nama` naik 1,98 poin dan capaiannya naik 5 poin.":
                [("selisih-diketik", "'naik 5 poin' diketik untuk capaian NEK")]}
    for wrong, expected in said.items():
        f = _said(wrong, inds, "selisih-diketik") + _said(wrong, inds, "arah-diketik")
        assert [(x.kode, x.message[:len(start)]) for x, (_, start) in zip(f, expected)] == expected, wrong
        assert len(f) == len(expected), wrong


def test_a_verdict_typed_beside_a_capaian_is_read_against_it():
    """"belum mencapai target adalah … ({nilai}`K05.capaian`)" printed 100,00 % once K05's realisasi was corrected."""
    k05, k02 = ind("K05", D(100), D(100), 10), ind("K02", D(100), D("97.76"), 20)
    text = ("Indikator yang belum mencapai target adalah {nilai}`K02.nama` ({nilai}`K02.capaian`) dan "
            "{nilai}`K05.nama` ({nilai}`K05.capaian`).")
    f = _said(text, [k05, k02], "tercapai-diketik")
    assert len(f) == 1 and "{nilai}`K05.capaian` (100,00 %)" in f[0].message
    assert _said("Sasaran S1 tercapai dengan capaian {nilai}`K02.capaian`.", [k05, k02], "tercapai-diketik")
    # a verdict hoped for is not one stated
    assert not _said("Kegiatan dipercepat agar target akhir tahun tercapai ({nilai}`K02.capaian` s.d. TW III).",
                     [k05, k02], "tercapai-diketik")
    # a sentence of both verdicts compares; which capaian each is about is not read
    assert not _said("K05 mencapai target ({nilai}`K05.capaian`), K02 belum tercapai ({nilai}`K02.capaian`).",
                     [k05, k02], "tercapai-diketik")



def test_below_target_beside_a_negative_indicators_capaian_is_its_target_reached():
    """"Angka kriminalitas {nilai}`KRIM.realisasi` berada di bawah target …, sehingga capaiannya
    {nilai}`KRIM.capaian`" (110 %) was warned of as "'di bawah target' … padahal capaiannya sudah 100 %": for a
    lower-is-better indicator below target is where it should be."""
    krim, a = ind("KRIM", D(20), D(18), 10, polaritas="negatif"), ind("A", D(80), D(82), 20)
    for right in ("Angka kriminalitas {nilai}`KRIM.realisasi` berada di bawah target {nilai}`KRIM.target`, sehingga "
                  "capaiannya {nilai}`KRIM.capaian`.",
                  "Dengan capaian {nilai}`KRIM.capaian`, angka kriminalitas tetap di bawah target."):
        assert not _said(right, [krim, a], "tercapai-diketik"), right
    # a higher-is-better indicator's "di bawah target" is still read
    assert _said("Dengan capaian {nilai}`A.capaian`, realisasinya masih di bawah target.", [krim, a],
                 "tercapai-diketik")


def test_a_capaian_table_pasted_from_last_years_report_is_read_row_by_row():
    """A table pasted from a Word report (A: 102,50 %, B: 110,00 %, C: 80,00 % Cukup Berhasil): C's capaian copied from
    the row above passed (it equals A's), its predikat cell, a realisasi typed again and a "Capaian (%)" column of bare
    numbers were never read, and nothing named the ``{tabel}`` block that prints the table from the data."""
    body = ("Tabel 3.1 Capaian Indikator Kinerja\n"  # 1
            "\n"
            "| No | Indikator | Target | Realisasi | Capaian | Predikat |\n"  # 3
            "|---|---|---:|---:|---:|---|\n"
            "| 1 | Indikator A | 80 | 82 | 102,50 % | Berhasil |\n"  # 5: right
            "| 2 | **Indikator C** | 25 | 21 | 102,50 % | Berhasil |\n"  # 6: A's capaian and predikat, realisasi 20
            "\n"
            "| Indikator | Capaian (%) |\n"  # 8
            "|---|---|\n"
            "| B | 101,00 |\n")  # 10: B by its id, a bare number under "(%)"
    found = [(f.loc.line, f.kode, f.message) for f in run(typed_words_report(body))
             if f.kode in ("angka-diketik", "predikat-diketik", "tabel-diketik")]
    assert [(line, kode) for line, kode, _ in found] == [
        (3, "tabel-diketik"), (6, "angka-diketik"), (6, "angka-diketik"), (6, "predikat-diketik"),
        (8, "tabel-diketik"), (10, "angka-diketik")]
    said = {(line, message.split(" untuk")[0]): message for line, _, message in found}
    assert said[(6, "tabel ketikan ini menulis capaian 102,50 %")].startswith(
        "tabel ketikan ini menulis capaian 102,50 % untuk indikator C, padahal capaian hasil hitungan 80,00 %")
    assert said[(6, "tabel ketikan ini menulis capaian 102,50 %")].endswith("atau tulis {nilai}`C.capaian` di sel itu")
    assert "realisasi menurut data indikator 20" in said[(6, "tabel ketikan ini menulis realisasi 21")]
    assert "berpredikat 'Cukup Berhasil'" in said[(6, "tabel ketikan ini menulis predikat 'Berhasil'")]
    assert said[(10, "tabel ketikan ini menulis capaian 101,00")].startswith(
        "tabel ketikan ini menulis capaian 101,00 untuk indikator B, padahal capaian hasil hitungan 110,00 %")
    assert found[0][2].endswith("Ganti dengan blok ```{tabel} capaian``` (isinya: 'id: <penanda tabel>', "
                                "'judul: Capaian Indikator Kinerja', 'indikator: [A, C]')")


def test_a_budget_table_pasted_with_rp_in_its_header_is_read_against_the_budget():
    """Amounts under "Pagu (Rp)" are typed without "Rp", so none was read: a realisasi and a total typed wrong passed.
    Program 7.01.02: 8.811.160 / 1.094.500; the total 11.611.960 / 3.895.300 (33,55 %)."""
    body = ("| Kode | Program | Pagu (Rp) | Realisasi (Rp) | % |\n"  # 1
            "|---|---|---|---|---|\n"
            "| 7.01.02 | Program | 8.811.160 | 1.049.500 | 12,42 |\n"  # 3: realisasi swapped digits
            "| | **Jumlah** | 11.611.960 | 3.895.300 | 35,55 |\n")  # 4: serapan 33,55
    found = [(f.loc.line, f.kode, f.message) for f in run(typed_words_report(body))
             if f.kode in ("angka-diketik", "tabel-diketik")]
    assert [(line, kode) for line, kode, _ in found] == [
        (1, "tabel-diketik"), (3, "angka-diketik"), (4, "angka-diketik")]
    assert found[1][2].startswith("tabel ketikan ini menulis realisasi 1.049.500 untuk program 7.01.02, padahal "
                                  "realisasi menurut data anggaran Rp 1.094.500")
    assert found[1][2].endswith("{nilai}`anggaran.7.01.02.realisasi` di sel itu")
    assert found[2][2].startswith("tabel ketikan ini menulis serapan 35,55 untuk jumlah anggaran, padahal serapan "
                                  "hasil hitungan 33,55 %")
    assert "```{tabel} anggaran``` (isinya: 'id: <penanda tabel>', 'judul: <judul tabel>', 'tingkat: program')" \
        in found[0][2]


def test_a_pasted_table_of_other_figures_is_left_alone():
    """Only a row naming one indicator or budget node is read, and only under a column whose title says what it holds:
    a table of residents, a quarter's realisasi, the Renstra's target and a table of definitions are no computed
    table's, and a right row is no typed-number warning."""
    body = ("| Kelurahan | Jumlah penduduk | Persentase |\n"
            "|---|---|---|\n"
            "| Sungai Sipai | 12.345 | 45,67 % |\n"
            "\n"
            "| Indikator | Realisasi TW II | Target Renstra 2026 | Definisi |\n"
            "|---|---|---|---|\n"
            "| Indikator C | 99 | 123 | rasio |\n"
            "\n"
            "| Indikator | Capaian |\n"
            "|---|---|\n"
            "| Indikator A | 102,5 % |\n")
    found = [(f.loc.line, f.kode) for f in run(typed_words_report(body))
             if f.kode in ("angka-diketik", "predikat-diketik", "tabel-diketik")]
    assert found == [(3, "angka-diketik"), (9, "tabel-diketik")]  # 45,67 % was already read, as any typed %


def _totals(body, anggaran=None):
    """The ``jumlah-tabel`` findings of a report whose Bab III is ``body`` (line 1 its first line), by line."""
    report = make_report([ind("A", D(80), D(82), 10)], [("S1", ["A"])], anggaran=anggaran,
                         chapters=[chapter(body, body_line=1)])
    return [(f.loc.line, f.message) for f in run(report) if f.kode == "jumlah-tabel"]


def test_a_pasted_tables_jumlah_row_is_read_against_the_rows_above_it():
    """Tables pasted from last year's Word report end with a typed "Jumlah" that no check read, unless its rows named
    an indicator or a budget node of the data. The totals of the seeds (LKJIP.md §8): program realisations summing to
    2.455.208.753 under a "Jumlah" of 2.369.772.519; a program pagu of 18.048.000 typed as the "Jumlah" of kegiatan
    summing to 36.196.400; Belanja Operasi + Modal 693.583.150 short of the Belanja Daerah; a population per desa."""
    body = ("Tabel 3.6 Realisasi Anggaran per Program\n"  # 1
            "\n"
            "| No | Program | Realisasi (Rp) |\n"  # 3
            "|---|---|---:|\n"
            "| 1 | Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota | Rp 1.633.431.429 |\n"
            "| 2 | Program Penyelenggaraan Pemerintahan dan Pelayanan Publik | Rp 398.246.500 |\n"
            "| 3 | Program Pemberdayaan Masyarakat Desa dan Kelurahan | Rp 245.610.824 |\n"
            "| 4 | Program Koordinasi Ketenteraman dan Ketertiban Umum | Rp 177.920.000 |\n"
            "| | **Jumlah** | **Rp 2.369.772.519** |\n"  # 9: 2.455.208.753
            "\n"
            "| Kegiatan | Pagu |\n"  # 11
            "|---|---:|\n"
            "| Perencanaan, Penganggaran dan Evaluasi Kinerja Perangkat Daerah | 20.000.000 |\n"
            "| Administrasi Keuangan Perangkat Daerah | 16.196.400 |\n"
            "| Jumlah | 18.048.000 |\n"  # 15: 36.196.400
            "\n"
            "| No | Jenis Belanja | Anggaran (Rp) | Realisasi (Rp) | % |\n"  # 17
            "|---|---|---:|---:|---:|\n"
            "| 1 | Belanja Operasi | 2.311.960.000 | 2.100.000.000 | 90,83 |\n"  # 19
            "| | a. Belanja Pegawai | 1.500.000.000 | 1.400.000.000 | 93,33 |\n"
            "| | b. Belanja Barang dan Jasa | 811.960.000 | 700.000.000 | 86,21 |\n"
            "| 2 | Belanja Modal | 300.000.000 | 269.772.519 | 89,92 |\n"
            "| | **Jumlah Belanja Daerah** | 3.305.543.150 | 2.369.772.519 | 71,69 |\n"  # 23: pagu 2.611.960.000
            "\n"
            "| No | Desa | Laki-laki | Perempuan | Jumlah |\n"  # 25
            "|---|---|---:|---:|---:|\n"
            "| 1 | Sungai Sipai | 1.250 | 1.210 | 2.460 |\n"
            "| 2 | Tambela | 980 | 1.020 | 2.000 |\n"
            "| 3 | Jawa | 870 | 900 | 1.770 |\n"
            "| | Jumlah | 3.100 | 3.230 | 6.230 |\n")  # 30: Perempuan 3.130
    found = _totals(body)
    assert [line for line, _ in found] == [9, 15, 23, 30]
    said = dict(found)
    assert said[9].startswith("tabel ketikan ini menulis Jumlah Rp 2.369.772.519 di kolom 'Realisasi (Rp)', padahal "
                              "jumlah 4 baris di atasnya Rp 2.455.208.753 (selisih Rp 85.436.234);")
    assert said[9].endswith("Perbaiki angkanya, atau isikan angka tabel ini sebagai dataset CSV di folder data/ dan "
                            "ganti tabel ketikan ini dengan blok ```{tabel} dataset```, yang menghitung baris Jumlah-nya")
    assert "menulis Jumlah 18.048.000 di kolom 'Pagu', padahal jumlah 2 baris di atasnya 36.196.400 (selisih " \
           "18.148.400)" in said[15]
    # the total of the top level named (Operasi + Modal), and of all rows; the realisasi adds up, the % is not read
    assert ("menulis Jumlah Belanja Daerah 3.305.543.150 di kolom 'Anggaran (Rp)', padahal jumlah 2 baris teratas di "
            "atasnya (setingkat baris 19) Rp 2.611.960.000 (selisih Rp 693.583.150), dan jumlah semua 4 barisnya "
            "Rp 4.923.920.000;") in said[23]
    assert "di kolom 'Perempuan', padahal jumlah 3 baris di atasnya 3.130 (selisih 100)" in said[30]


def test_a_right_jumlah_of_a_table_with_levels_is_not_warned():
    """One table often holds program, kegiatan and sub kegiatan rows, rows numbered 1 / 1.1 / a., a parent row above
    its children with the indentation lost in the paste, or sub totals: a right total equals the sum of one level,
    not of all rows, and is no mistake. A program typed wrong (18.048.000 above kegiatan of 36.196.400) is that row's
    mistake; the total of the kegiatan is right."""
    body = ("| Kode | Program / Kegiatan / Sub Kegiatan | Pagu | Realisasi |\n"
            "|---|---|---:|---:|\n"
            "| 7.01.01 | Program Penunjang Urusan Pemerintahan Daerah | 18.048.000 | 30.000.000 |\n"
            "| 7.01.01.2.01 | Perencanaan, Penganggaran dan Evaluasi | 20.000.000 | 18.000.000 |\n"
            "| 7.01.01.2.01.0001 | Penyusunan Dokumen Perencanaan | 12.000.000 | 11.000.000 |\n"
            "| 7.01.01.2.01.0006 | Koordinasi dan Penyusunan Laporan Capaian Kinerja | 8.000.000 | 7.000.000 |\n"
            "| 7.01.01.2.02 | Administrasi Keuangan | 16.196.400 | 12.000.000 |\n"
            "| 7.01.01.2.02.0001 | Penyediaan Gaji dan Tunjangan ASN | 16.196.400 | 12.000.000 |\n"
            "| | Jumlah | 36.196.400 | 30.000.000 |\n"
            "\n"
            "| No | Uraian | Anggaran |\n"
            "|---|---|---:|\n"
            "| 1 | Belanja Operasi | 2.000 |\n"
            "| 1.1 | Belanja Pegawai | 1.200 |\n"
            "| 1.2 | Belanja Barang dan Jasa | 800 |\n"
            "| 2 | Belanja Modal | 500 |\n"
            "| | Jumlah | 2.500 |\n"
            "\n"
            "| Uraian | Pagu | Realisasi |\n"
            "|---|---:|---:|\n"
            "| **Belanja Operasi** | 2.000 | 1.900 |\n"
            "| Belanja Pegawai | 1.200 | 1.150 |\n"
            "| Belanja Barang dan Jasa | 800 | 750 |\n"
            "| **Belanja Modal** | 500 | 450 |\n"
            "| Belanja Modal Peralatan dan Mesin | 500 | 450 |\n"
            "| **Total** | 2.500 | 2.350 |\n"
            "\n"
            "| Golongan | Laki-laki | Perempuan | Jumlah |\n"
            "|---|---:|---:|---:|\n"
            "| IV | 2 | 1 | 3 |\n"
            "| III | 8 | 6 | 14 |\n"
            "| II | 3 | 2 | 5 |\n"
            "| Jumlah PNS | 13 | 9 | 22 |\n"
            "| PPPK | 2 | 3 | 5 |\n"
            "| Tenaga Kontrak | 4 | - | 4 |\n"  # a dash: Excel's Accounting zero
            "| Sub Jumlah Non PNS | 6 | 3 | 9 |\n"
            "| Jumlah | 19 | 12 | 31 |\n")
    assert _totals(body) == []
    # the same tables with a wrong total are read, naming the sum of the top rows
    found = dict(_totals(body.replace("| | Jumlah | 2.500 |", "| | Jumlah | 2.600 |")
                         .replace("| **Total** | 2.500 |", "| **Total** | 2.600 |")
                         .replace("| Jumlah | 19 | 12 | 31 |", "| Jumlah | 19 | 12 | 32 |")))
    assert sorted(found) == [17, 26, 37]
    assert ("menulis Jumlah 2.600 di kolom 'Anggaran', padahal jumlah 2 baris teratas di atasnya (setingkat baris 13) "
            "2.500 (selisih 100), dan jumlah semua 4 barisnya 4.500;") in found[17]
    assert ("menulis Total 2.600 di kolom 'Pagu', padahal jumlah 2 baris di atasnya (tanpa baris rinciannya) 2.500 "
            "(selisih 100), dan jumlah semua 5 barisnya 5.000;") in found[26]
    assert "menulis Jumlah 32 di kolom 'Jumlah'" in found[37]


def test_columns_and_rows_that_are_no_sums_are_not_read():
    """A share, a rate, an average, a capaian or a density is no sum of its rows (three desa's 95 % make no 285 %);
    nor is a column with a cell that is no number (what the author added up cannot be known), nor a "No" column.
    A "Rata-rata" row under the rows is no row of the sum."""
    body = ("| No | Desa | Luas (km²) | Kepadatan (jiwa/km²) | Persentase | Rata-rata Umur | Capaian "
            "| Cakupan Imunisasi | Jumlah KK |\n"
            "|---|---|---:|---:|---:|---:|---:|---:|---:|\n"
            "| 1 | Sungai Sipai | 12 | 120,5 | 30 | 31,2 | 95 | 95 % | 410 |\n"
            "| 2 | Tambela | 20 | 80,1 | 45,5 | 29,8 | 102 | 102 % | n/a |\n"
            "| 3 | Jawa | 8 | 60,2 | 24,5 | 33,0 | 88 | 88 % | 390 |\n"
            "| | Rata-rata | 13,33 | 86,9 | 33,3 | 31,3 | 95 | 95 % | 400 |\n"  # no row of the sum of Luas (40)
            "| 6 | Jumlah | 40 | 86,9 | 99 | 31,3 | 95 | 95 % | 1.200 |\n")
    assert _totals(body) == []
    # the table is read: a wrong area is said, and only it
    found = _totals(body.replace("| 6 | Jumlah | 40 |", "| 6 | Jumlah | 41 |"))
    assert [(line, "di kolom 'Luas (km²)', padahal jumlah 3 baris di atasnya 40 (selisih 1)" in said)
            for line, said in found] == [(7, True)]
    # an empty cell beside a number of its row is no number either: its column is not read
    assert _totals("| Desa | Laki-laki | Perempuan |\n|---|---:|---:|\n| A | 1.250 | 1.210 |\n| B | 980 | |\n"
                   "| Jumlah | 2.230 | 2.230 |\n") == []


def test_a_difference_from_rounding_the_decimals_shown_is_no_error():
    """Areas printed with two decimals are rounded, each by up to 0,005, and so is their total: ten areas may differ
    from their rounded total by up to 11 × 0,005 = 0,055 from rounding alone. More is a mistake; whole numbers
    (people, rupiah) must add up exactly."""
    rows = "".join(f"| Desa {i} | {a} |\n" for i, a in enumerate(
        ["12,34", "20,11", "30,07", "59,33", "4,25", "6,13", "8,47", "10,02", "3,38", "5,91"], start=1))  # 160,01
    table = "| Desa | Luas (km²) |\n|---|---:|\n" + rows
    assert _totals(table + "| Jumlah | 160,05 |\n") == []  # 0,04 off: rounding may do that
    assert [line for line, _ in _totals(table + "| Jumlah | 160,07 |\n")] == [13]  # 0,06: it may not
    people = "| Desa | Penduduk |\n|---|---:|\n| A | 1.250 |\n| B | 980 |\n"
    found = _totals(people + "| Jumlah | 2.231 |\n")
    assert [line for line, _ in found] == [5] and "padahal jumlah 2 baris di atasnya 2.230 (selisih 1)" in found[0][1]


def test_a_budget_tables_total_is_said_once():
    """A "Jumlah" row of a budget table is read against the budget data (``angka-diketik``); a total that differs from
    it is not read again against its rows. A total that equals the data while the rows typed above it, jenis belanja
    the data does not hold, add up to another figure, is read against them."""
    body = ("| Jenis Belanja | Pagu (Rp) |\n"
            "|---|---:|\n"
            "| Belanja Pegawai | 5.000.000 |\n"
            "| Belanja Barang dan Jasa | 6.000.000 |\n"
            "| Jumlah | 11.611.960 |\n"  # 5: the data's total; the rows 11.000.000
            "\n"
            "| Jenis Belanja | Pagu (Rp) |\n"
            "|---|---:|\n"
            "| Belanja Pegawai | 5.000.000 |\n"
            "| Belanja Barang dan Jasa | 6.000.000 |\n"
            "| Jumlah | 12.000.000 |\n")  # 11: neither; said by angka-diketik
    report = typed_words_report(body)
    found = [(f.loc.line, f.kode) for f in run(report) if f.kode in ("angka-diketik", "jumlah-tabel")]
    assert found == [(5, "jumlah-tabel"), (11, "angka-diketik")]


def test_indicator_names_are_found_in_a_sentence_as_a_pattern_of_them_would_find_them() -> None:
    """Names typed in prose are matched word by word (a pattern of every name cost 4 ms a report to compile): the
    same mentions as ``(?<![\\w-])name(?![\\w-])`` with spaces between its words, any letter case, the longest name
    first, a sign before or after it in its word, and the sentence blanked where they stand."""
    inds = {i: SimpleNamespace(id=i, nama=n) for i, n in (
        ("IKM", "Indeks Kepuasan Masyarakat"), ("IKMD", "Indeks Kepuasan Masyarakat Desa"), ("ONE", "Tunggal"),
        ("ADM", "Persentase pelayanan administrasi"))}
    names = typed._IndicatorNames.of(SimpleNamespace(indikator=inds))
    plain = ("Realisasi (INDEKS  kepuasan Masyarakat), lalu indeks kepuasan masyarakat desa; bukan xindeks kepuasan "
             "masyarakat, bukan Indeks Kepuasan Masyarakat-nya, Tunggal, persentase pelayanan administrasi.")
    found, blanked = names.find(plain)
    assert [(plain[s.start():s.end()], i) for s, i in found] == [
        ("INDEKS  kepuasan Masyarakat", "IKM"), ("indeks kepuasan masyarakat desa", "IKMD"),
        ("persentase pelayanan administrasi", "ADM")]
    assert len(blanked) == len(plain) and "kepuasan Masyarakat)" not in blanked and "(" in blanked
    assert "xindeks kepuasan masyarakat" in blanked and "Masyarakat-nya" in blanked


def test_a_total_across_columns_is_read_at_its_row():
    """A table of population per desa or staff per golongan ends each row with a "Jumlah" (or "L+P") of the columns
    before it, typed in Word: a row whose Jumlah is not the sum of its Laki-laki and Perempuan is warned at that row,
    and only there (the Jumlah column's total, off by that row, is not said again). A header pasted in two lines
    ("Jumlah Pegawai" above "L", "P", "L+P") and "PNS | PPPK | Non-PNS | Jumlah" are read too."""
    body = ("| No | Desa | Laki-laki | Perempuan | Jumlah |\n"  # 1
            "|---|---|---:|---:|---:|\n"
            "| 1 | Sungai Sipai | 1.250 | 1.210 | 2.460 |\n"
            "| 2 | Tambela | 980 | 1.020 | 2.010 |\n"  # 4: 2.000
            "| 3 | Jawa | 870 | 900 | 1.770 |\n"
            "| | Jumlah | 3.100 | 3.130 | 6.230 |\n"
            "\n"
            "| Golongan | Jumlah Pegawai | | |\n"  # 8
            "|---|---:|---:|---:|\n"
            "| | L | P | L+P |\n"
            "| IV | 2 | 1 | 3 |\n"
            "| III | 8 | 6 | 15 |\n"  # 12: 14
            "| II | 3 | 2 | 5 |\n"
            "\n"
            "| Bidang | PNS | PPPK | Non-PNS | Jumlah |\n"  # 15
            "|---|---:|---:|---:|---:|\n"
            "| Sekretariat | 6 | 2 | 4 | 12 |\n"
            "| Pemerintahan | 3 | 1 | - | 4 |\n"  # a dash: none
            "| Jumlah | 9 | 3 | 4 | 17 |\n")  # 19: 16, said in its column (9 + 3 + 4 = 16 too)
    found = _totals(body)
    assert [line for line, _ in found] == [4, 12, 19]
    said = dict(found)
    assert said[4].startswith("tabel ketikan ini menulis Jumlah 2.010 di baris 'Tambela', padahal jumlah kolom "
                              "'Laki-laki' dan 'Perempuan' di baris itu 2.000 (selisih 10); angka ketikan tidak "
                              "dihitung ulang bila angka kolom lainnya diubah.")
    assert said[4].endswith("blok ```{tabel} dataset```, yang menghitung kolom Jumlah-nya")
    assert "menulis L+P 15 di baris 'III', padahal jumlah kolom 'L' dan 'P' di baris itu 14 (selisih 1)" in said[12]
    assert "menulis Jumlah 17 di kolom 'Jumlah', padahal jumlah 2 baris di atasnya 16 (selisih 1)" in said[19]
    right = (body.replace("| 2.010 |", "| 2.000 |").replace("| 8 | 6 | 15 |", "| 8 | 6 | 14 |")
             .replace("| 4 | 17 |", "| 4 | 16 |"))
    assert _totals(right) == []


def test_a_sisa_column_is_read_as_the_pagu_less_the_realisation():
    """A "Sisa" after one pagu and one realisation column is the pagu less the realisation in each row; a budget
    table with two realisations (per quarter) or two pagu (murni, perubahan) is not read."""
    body = ("| No | Jenis Belanja | Pagu (Rp) | Realisasi (Rp) | Sisa (Rp) | Serapan (%) |\n"  # 1
            "|---|---|---:|---:|---:|---:|\n"
            "| 1 | Belanja Pegawai | 1.500.000.000 | 1.400.000.000 | 100.000.000 | 93,33 |\n"
            "| 2 | Belanja Barang dan Jasa | 811.960.000 | 700.000.000 | 111.690.000 | 86,21 |\n"  # 4: 111.960.000
            "| 3 | Belanja Modal | 300.000.000 | 269.772.519 | 30.227.481 | 89,92 |\n")
    found = _totals(body)
    assert [line for line, _ in found] == [4]
    assert ("menulis Sisa (Rp) 111.690.000 di baris 'Belanja Barang dan Jasa', padahal kolom 'Pagu (Rp)' dikurangi "
            "kolom 'Realisasi (Rp)' di baris itu Rp 111.960.000 (selisih Rp 270.000);") in found[0][1]
    assert found[0][1].endswith("isikan pagu dan realisasinya di data/anggaran.yaml dan ganti tabel ketikan ini dengan "
                                "blok ```{tabel} anggaran``` atau ```{tabel} jenis_belanja```, yang menghitung sisanya")
    assert _totals(body.replace("111.690.000", "111.960.000")) == []
    two = ("| Jenis Belanja | Pagu (Rp) | Realisasi TW III (Rp) | Realisasi TW IV (Rp) | Sisa (Rp) |\n"
           "|---|---:|---:|---:|---:|\n"
           "| Belanja Pegawai | 1.500.000.000 | 1.100.000.000 | 1.400.000.000 | 100.000.000 |\n"
           "| Belanja Barang dan Jasa | 811.960.000 | 500.000.000 | 700.000.000 | 111.690.000 |\n"
           "| Belanja Modal | 300.000.000 | 200.000.000 | 269.772.519 | 30.227.481 |\n")
    assert _totals(two) == []


def test_a_jumlah_column_that_is_no_sum_of_the_columns_before_it_is_not_read():
    """A "Jumlah" column is no row total where most rows do not add up to it (Volume × Harga Satuan), where a row is
    a difference (awal + masuk − keluar) or between its columns (a cumulative target: the year's is the last
    quarter's; an average),
    where it sits beside a realisation and its pagu, or where a rate or a row number stands among the columns before
    it. A column that is no count ("Luas" before "L", "P") is left out when the rest add up; a row numbering the
    columns "(1) | (2) | …" and a row of averages are no rows of it."""
    body = ("| Uraian | Volume | Harga Satuan | Jumlah |\n"
            "|---|---:|---:|---:|\n"
            "| Kertas | 10 | 50.000 | 500.000 |\n"
            "| Tinta | 4 | 125.000 | 500.000 |\n"
            "\n"
            "| Golongan | Awal Tahun | Masuk | Keluar | Jumlah |\n"
            "|---|---:|---:|---:|---:|\n"
            "| IV | 3 | 0 | 0 | 3 |\n"
            "| III | 12 | 2 | 0 | 14 |\n"
            "| II | 6 | 1 | 2 | 5 |\n"
            "\n"
            "| Indikator | TW I | TW II | TW III | TW IV | Jumlah |\n"
            "|---|---:|---:|---:|---:|---:|\n"
            "| Dokumen perencanaan | 1 | 1 | 1 | 2 | 5 |\n"
            "| Laporan | 3 | 3 | 3 | 3 | 12 |\n"
            "| Sub kegiatan tersusun | 25 | 50 | 75 | 100 | 100 |\n"
            "\n"
            "| Indikator | TW I | TW II | TW III | TW IV | Jumlah |\n"
            "|---|---:|---:|---:|---:|---:|\n"
            "| Dokumen perencanaan | 1 | 1 | 1 | 2 | 5 |\n"
            "| Laporan | 3 | 3 | 3 | 3 | 12 |\n"
            "| Nilai SAKIP | 60 | 62 | 64 | 66 | 63 |\n"
            "\n"
            "| Program | Pagu | Realisasi | Jumlah |\n"
            "|---|---:|---:|---:|\n"
            "| Program A | 100 | 90 | 190 |\n"
            "| Program B | 50 | 40 | 80 |\n"
            "\n"
            "| Desa | Laki-laki | Persentase | Perempuan | Jumlah |\n"
            "|---|---:|---:|---:|---:|\n"
            "| A | 1.250 | 51 | 1.210 | 2.470 |\n"
            "| B | 980 | 49 | 1.020 | 2.000 |\n"
            "\n"
            "| No | Desa | Luas (km²) | L | P | Jumlah | % |\n"
            "|---|---|---:|---:|---:|---:|---:|\n"
            "| (1) | (2) | (3) | (4) | (5) | (6) | (7) |\n"
            "| 1 | A | 12,5 | 1.250 | 1.210 | 2.460 | 55,16 |\n"
            "| 2 | B | 20 | 980 | 1.020 | 2.000 | 44,84 |\n"
            "| | Rata-rata | 16,25 | 1.115 | 1.115 | 2.231 | 50 |\n"  # averages rounded: no row of sums
            "| | Jumlah | 32,5 | 2.230 | 2.230 | 4.460 | 100 |\n")
    assert _totals(body) == []
    # the last table is read, over L and P alone
    found = _totals(body.replace("| 980 | 1.020 | 2.000 |", "| 980 | 1.020 | 2.010 |"))
    assert [(line, "padahal jumlah kolom 'L' dan 'P' di baris itu 2.000 (selisih 10)" in said)
            for line, said in found] == [(38, True)]


def test_a_last_row_jumlah_penduduk_totals_the_parts_above_it():
    """A total row labelled "Jumlah Penduduk" or "Jumlah Pegawai" was taken for a sub total and never read. It is read
    where it is the table's last row, right under rows of figures, and the first column names parts of a whole
    (desa, golongan); in a table of facts "Jumlah KK" is a figure of its own, "Jumlah Desa" under desa rows counts
    them, and "Jumlah ASN" may add the first rows (PNS, PPPK) and not the last (Tenaga Kontrak)."""
    body = ("| Desa | Penduduk |\n"  # 1
            "|---|---:|\n"
            "| Sungai Sipai | 1.250 |\n"
            "| Tambela | 980 |\n"
            "| Jumlah Penduduk | 2.330 |\n"  # 5: 2.230
            "\n"
            "| Golongan | Laki-laki | Perempuan |\n"  # 7
            "|---|---:|---:|\n"
            "| IV | 2 | 1 |\n"
            "| III | 8 | 6 |\n"
            "| **Jumlah Pegawai** | 10 | 8 |\n"  # 11: 10, 7
            "\n"
            "| Uraian | Keterangan |\n"
            "|---|---:|\n"
            "| Luas wilayah (km²) | 120 |\n"
            "| Desa | 8 |\n"
            "| Jumlah KK | 3.200 |\n"
            "\n"
            "| Nama Desa | Luas (km²) |\n"
            "|---|---:|\n"
            "| Sungai Sipai | 12 |\n"
            "| Tambela | 20 |\n"
            "| Jumlah Desa | 2 |\n"
            "\n"
            "| Status Kepegawaian | Orang |\n"
            "|---|---:|\n"
            "| PNS | 22 |\n"
            "| PPPK | 5 |\n"
            "| Tenaga Kontrak | 4 |\n"
            "| Jumlah ASN | 27 |\n")  # PNS and PPPK
    found = _totals(body)
    assert [line for line, _ in found] == [5, 11]
    said = dict(found)
    assert said[5].startswith("tabel ketikan ini menulis Jumlah Penduduk 2.330 di kolom 'Penduduk', padahal jumlah 2 "
                              "baris di atasnya 2.230 (selisih 100);")
    assert "menulis Jumlah Pegawai 8 di kolom 'Perempuan', padahal jumlah 2 baris di atasnya 7 (selisih 1)" in said[11]
    # not the last row: a sub total, not read
    assert _totals(body.replace("| Jumlah Penduduk | 2.330 |\n", "| Jumlah Penduduk | 2.330 |\n| Lainnya | 5 |\n")
                   .split("\n\n")[0] + "\n") == []


def test_a_total_printed_above_its_rows_is_read_against_them():
    """Some reports print the "Jumlah" first and its parts under it: read against the rows below, as a total under
    them is (levels, parent rows), and only where no other total row follows; the first rows or the last ones may
    add up to it (a total above two ways of counting it)."""
    body = ("| Uraian | Pagu | Realisasi |\n"  # 1
            "|---|---:|---:|\n"
            "| **Jumlah** | 2.600 | 2.350 |\n"  # 3: pagu 2.500
            "| Belanja Operasi | 2.000 | 1.900 |\n"
            "| Belanja Pegawai | 1.200 | 1.150 |\n"
            "| Belanja Barang dan Jasa | 800 | 750 |\n"
            "| Belanja Modal | 500 | 450 |\n")
    found = _totals(body)
    assert [line for line, _ in found] == [3]
    assert ("menulis Jumlah 2.600 di kolom 'Pagu', padahal jumlah 2 baris di bawahnya (tanpa baris rinciannya) 2.500 "
            "(selisih 100), dan jumlah semua 4 barisnya 4.500;") in found[0][1]
    assert _totals(body.replace("2.600", "2.500")) == []
    # a total row below too: the first is another figure, not read
    assert _totals(body + "| Jumlah | 2.500 | 2.350 |\n") == []
    # a total above two ways of counting it: the first rows add up to it
    staff = ("| Uraian | Orang |\n|---|---:|\n| Jumlah | 31 |\n| Laki-laki | 19 |\n| Perempuan | 12 |\n| PNS | 22 |\n"
             "| PPPK | 9 |\n")
    assert _totals(staff) == []
    assert [line for line, _ in _totals(staff.replace("| 31 |", "| 32 |"))] == [3]


def test_a_row_numbering_the_columns_is_no_row_of_the_sum():
    """Word tables often number their columns under the header, "(1) | (2) | (3)": that row is no row of a sum (its
    "(3)" was read as −3 and the right Jumlah under it was warned of)."""
    body = ("| Desa | Laki-laki | Perempuan |\n"
            "|---|---:|---:|\n"
            "| (1) | (2) | (3) |\n"
            "| Sungai Sipai | 1.250 | 1.210 |\n"
            "| Tambela | 980 | 1.020 |\n"
            "| Jumlah | 2.230 | 2.230 |\n")
    assert _totals(body) == []
    wrong = body.replace("| Jumlah | 2.230 | 2.230 |", "| Jumlah | 2.230 | 2.240 |")
    assert [line for line, _ in _totals(wrong)] == [6]


def test_scores_on_one_trend_are_warned_of_only_when_ten_times_apart() -> None:
    """An IKM in indeks beside a NEK in nilai is a trend the reports draw (the Pengaron example's), as is a % beside
    a score: units of about 0 to 100, not warned of as units that no axis holds at once (a % beside people is, AKI
    per 100.000 beside AKB per 1.000 is); ten times apart, the smaller line reads flat and is warned of too."""
    def warned(lines: list[tuple[str, int]]) -> str:
        inds = [ind(f"I{n}", D(v), D(v), 10 * n, satuan=u) for n, (u, v) in enumerate(lines, 1)]
        report = make_report(inds, [("S1", [i.id for i in inds])])
        report.computed = compute_report(report, {}, "permendagri-86-2017")
        options = {"indikator": [i.id for i in inds]}
        return mixed_units(report, options, chart_tren(report, options))

    assert warned([("indeks", 82), ("nilai", 71)]) == ""
    assert "tampak datar" in warned([("indeks", 82), ("skor", 7)])
    assert "satuannya berbeda" in warned([("indeks", 82), ("orang", 71)])
    assert warned([("%", 82), ("nilai", 71)]) == ""
    assert "satuannya berbeda" in warned([("%", 82), ("orang", 71)])
    assert "satuannya berbeda" in warned([("per 100.000 kelahiran hidup", 98), ("per 1.000 kelahiran hidup", 15)])
