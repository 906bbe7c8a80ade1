"""Predikat scales: built-ins are gap-free and total, custom scales are parsed and validated."""

from decimal import Decimal as D

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from lkjip_site.compute.scales import (
    BUILTIN_SCALES,
    classify,
    contains,
    contrast_ratio,
    find_class,
    ink_for,
    resolve_scale,
    validate_scale,
)
from lkjip_site.core.diagnostics import Diagnostics
from lkjip_site.core.fmt import fmt_percent, shown
from lkjip_site.core.model import Scale, ScaleClass
from lkjip_site.load.scales import ScaleError, parse_scale, parse_scales

BANJAR = BUILTIN_SCALES["banjar"]
PERMENDAGRI = BUILTIN_SCALES["permendagri-86-2017"]
LAN = BUILTIN_SCALES["lan"]

capaian_values = st.decimals(min_value=0, max_value=1000, allow_nan=False, allow_infinity=False, places=4)


@pytest.mark.parametrize("scale_id", sorted(BUILTIN_SCALES))
def test_builtin_scales_are_valid(scale_id):
    assert validate_scale(BUILTIN_SCALES[scale_id]) == []


@pytest.mark.parametrize("scale_id", sorted(BUILTIN_SCALES))
@given(c=capaian_values)
@example(c=D("99.9950")).via("drawn once by hypothesis: the edge a printed figure rounds over")
def test_classify_is_total_and_unique_on_0_1000(scale_id, c):
    """Every value has one class: the class of its printed figure (99,995 prints "100,00" and is Berhasil; this test
    held the unrounded value's class until hypothesis drew 99.9950)."""
    scale = BUILTIN_SCALES[scale_id]
    hits = [k for k in scale.classes if contains(scale, k, shown(c))]
    assert len(hits) == 1
    assert classify(scale, c) is hits[0]


@pytest.mark.parametrize("scale_id", sorted(BUILTIN_SCALES))
@given(a=capaian_values, b=capaian_values)
def test_classify_is_monotone(scale_id, a, b):
    """A higher capaian never gets a worse class (classes are listed best first)."""
    scale = BUILTIN_SCALES[scale_id]
    lo, hi = sorted((a, b))
    rank = {id(k): i for i, k in enumerate(scale.classes)}
    assert rank[id(classify(scale, hi))] <= rank[id(classify(scale, lo))]


def printed_back(value: D) -> D:
    """The figure a reader sees, read back from the printed text ("1.234,57 %" -> 1234.57)."""
    return D(fmt_percent(value).removesuffix(" %").replace(".", "").replace(",", "."))


def near_boundaries(scale: Scale):
    """Capaian values within a hundredth of the scale's boundaries, where printing and judging can part."""
    edges = sorted({b for k in scale.classes for b in (k.min, k.max) if b is not None})
    return st.builds(lambda e, d: max(D(0), e + d), st.sampled_from(edges),
                     st.decimals(min_value=D("-0.01"), max_value=D("0.01"), places=4))


@pytest.mark.parametrize("scale_id", sorted(BUILTIN_SCALES))
@given(data=st.data())
def test_the_class_is_the_printed_figures_class(scale_id, data):
    """A capaian printed "100,00 %" is never "Cukup Berhasil" ([70, 100)): the class a page shows is the class of the
    figure it prints beside it, so a reader who checks the table against the scale finds them agreeing."""
    scale = BUILTIN_SCALES[scale_id]
    c = data.draw(st.one_of(capaian_values, near_boundaries(scale)))
    assert classify(scale, c) is classify(scale, printed_back(c))


@pytest.mark.parametrize("value, label", [
    (D("98.27"), "Cukup Berhasil"),   # seed 000 l.349 printed "Berhasil": wrong
    (D("98.247"), "Cukup Berhasil"),  # seed 001 l.522 printed "Sangat Berhasil", not on the scale
    (D("100"), "Berhasil"),
    (D("116.19"), "Berhasil"),
    (D("70"), "Cukup Berhasil"),      # [70, 100): 70 is in
    (D("69.994"), "Kurang Berhasil"),  # printed "69,99 %"
    (D("69.999"), "Cukup Berhasil"),   # printed "70,00 %": judged as printed
    (D("40"), "Kurang Berhasil"),
    (D("39.99"), "Tidak Berhasil"),
    (D("0"), "Tidak Berhasil"),
])
def test_banjar(value, label):
    assert classify(BANJAR, value).label == label


@pytest.mark.parametrize("value, label", [
    (D("90"), "Tinggi"),              # closed form: C > 90 is Sangat Tinggi
    (D("90.01"), "Sangat Tinggi"),
    (D("90.004"), "Tinggi"),          # printed "90,00 %"
    (D("90.005"), "Sangat Tinggi"),   # printed "90,01 %"
    (D("150"), "Sangat Tinggi"),      # rule above 100 %
    (D("75"), "Sedang"),
    (D("75.5"), "Tinggi"),
    (D("65"), "Rendah"),
    (D("50"), "Sangat Rendah"),
    (D("50.5"), "Rendah"),
    (D("0"), "Sangat Rendah"),
])
def test_permendagri_closed_form(value, label):
    assert classify(PERMENDAGRI, value).label == label


@pytest.mark.parametrize("value, label", [
    (D("97.87"), "Sangat Berhasil"), (D("111.1"), "Sangat Berhasil"), (D("80"), "Berhasil"),
    (D("72"), "Berhasil"),  # in the printed scale's gap [70, 75)
    (D("55"), "Cukup Berhasil"), (D("54.9"), "Kurang Berhasil"),
])
def test_lan(value, label):
    assert classify(LAN, value).label == label


def test_seed_002_printed_scale_is_rejected():
    """85–100 SB; 75–<85 B; 55–<70 C; 0–<55 K: a gap 70–75 and nothing above 100 (seed 002 l.497–500)."""
    scale = parse_scale("seed-002", {"nama": "Skala tercetak", "kelas": [
        {"label": "Sangat Berhasil", "min": 85, "max": 100},
        {"label": "Berhasil", "min": 75, "max": 85},
        {"label": "Cukup Berhasil", "min": 55, "max": 70},
        {"label": "Kurang Berhasil", "min": 0, "max": 55},
    ]})
    problems = validate_scale(scale)
    assert any("celah antara 70 % dan 75 %" in p for p in problems)
    assert any("di atas 100 %" in p for p in problems)
    assert len(problems) == 2


def test_overlap_and_coverage_problems():
    scale = parse_scale("x", {"kelas": [
        {"label": "Baik", "min": 80},
        {"label": "Cukup", "min": 60, "max": 85},
        {"label": "Kurang", "min": 10, "max": 60},
    ]})
    problems = validate_scale(scale)
    assert any("tumpang tindih antara 80 % dan 85 %" in p for p in problems)
    assert any("di bawah 10 %" in p for p in problems)


def test_classify_raises_in_gap():
    scale = parse_scale("x", {"kelas": [{"label": "A", "min": 80}, {"label": "B", "min": 0, "max": 70}]})
    with pytest.raises(ValueError, match="tidak termasuk kelas"):
        classify(scale, D(75))


def test_parse_custom_scale_right_closed_and_types():
    scale = parse_scale("kanan", {"nama": "Kanan", "batas": "kanan", "kelas": [
        {"label": "Tinggi", "min": 50, "warna": "#1b7837"},
        {"label": "Rendah", "max": 50.5},
    ]})
    assert scale.right_closed and scale.nama == "Kanan"
    assert scale.classes[1].max == D("50.5")  # float from YAML converted via str: exact
    assert scale.classes[1].min is None


def test_a_right_closed_scale_whose_lowest_class_starts_at_0_is_rejected():
    """``batas: kanan`` makes every class (min, max]: with min 0 a capaian of exactly 0 % was in no class, published
    "N/A: capaian tidak dapat dihitung" while counted as measured; the scale passed as gap-free."""
    scale = parse_scale("kanan", {"nama": "Kanan", "batas": "kanan", "kelas": [
        {"label": "Tinggi", "min": 50}, {"label": "Rendah", "min": 0, "max": 50}]})
    assert [p for p in validate_scale(scale) if "tidak memuat 0 % sendiri" in p]
    open_below = parse_scale("kanan", {"nama": "Kanan", "batas": "kanan", "kelas": [
        {"label": "Tinggi", "min": 50}, {"label": "Rendah", "max": 50}]})
    assert validate_scale(open_below) == [] and classify(open_below, D(0)).label == "Rendah"


@pytest.mark.parametrize("data, fragment", [
    ({"kelas": []}, "tidak kosong"),
    ({"kelas": [{"min": 1}]}, "label"),
    ({"kelas": [{"label": "A", "min": "banyak"}]}, "angka"),
    ({"batas": "atas", "kelas": [{"label": "A"}]}, "batas"),
])
def test_parse_errors_are_indonesian(data, fragment):
    with pytest.raises(ScaleError, match=fragment):
        parse_scale("x", data)


def test_duplicate_label_and_bad_colour():
    scale = Scale("x", "X", [ScaleClass("A", D(50), None, "hijau"), ScaleClass("a", None, D(50))])
    problems = validate_scale(scale)
    assert any("lebih dari sekali" in p for p in problems)
    assert any("heksadesimal" in p for p in problems)


def test_parse_scales_and_resolve():
    diags = Diagnostics()
    custom = parse_scales({"b": {"kelas": [{"label": "X", "min": 0}]}, "a": {"kelas": [{"label": "Y", "min": 0}]}},
                          "situs.yaml", diags)
    assert not diags.items
    assert list(custom) == ["a", "b"]
    assert resolve_scale("a", custom).classes[0].label == "Y"
    assert resolve_scale("banjar", custom) is BANJAR
    with pytest.raises(KeyError, match="tidak dikenal"):
        resolve_scale("tidak-ada", custom)


def test_find_class_is_case_insensitive():
    assert find_class(BANJAR, "cukup  berhasil") is BANJAR.classes[1]
    assert find_class(BANJAR, "Sangat Berhasil") is None


@pytest.mark.parametrize("scale_id", sorted(BUILTIN_SCALES))
def test_builtin_colours_are_accessible(scale_id):
    for c in BUILTIN_SCALES[scale_id].classes:
        assert contrast_ratio(c.warna, "#ffffff") >= 3.0  # graphics on a white page
        assert contrast_ratio(c.warna, ink_for(c.warna)) >= 4.5  # text on a badge


@given(st.lists(st.integers(min_value=1, max_value=500), min_size=1, max_size=6, unique=True))
def test_generated_contiguous_scales_validate(bounds):
    """Any chain [0,b1), [b1,b2), ..., [bn, inf) is valid; dropping a middle class creates a gap."""
    bs = sorted(bounds)
    edges = [D(0)] + [D(b) for b in bs]
    classes = [ScaleClass(f"K{i}", lo, hi) for i, (lo, hi) in enumerate(zip(edges, edges[1:] + [None]))]
    assert validate_scale(Scale("g", "G", classes)) == []
    if len(classes) >= 3:
        broken = classes[:1] + classes[2:]
        assert any("celah" in p for p in validate_scale(Scale("g", "G", broken)))
