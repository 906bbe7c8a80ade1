"""Tests for the chart engine (issue 4).

Expected values are worked out by hand from the literal data below (see the comments), not copied
from the engine's output.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import http.server
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from decimal import Decimal as D
from pathlib import Path

import altair
from fontTools.ttLib import TTFont
import pytest
import vl_convert
from altair.utils.schemapi import validate_jsonschema
from altair.vegalite.v6.schema.core import load_schema
from conftest import REPO
from test_compute import CARRIED_MEAN, CARRIED_TW2, leaf, level_without_tw3, mean_without_tw3, node

from lkjip_site.cli.serve import PreviewServer
from lkjip_site.compute.efficiency import METODE_NAMA
from lkjip_site.core.diagnostics import Diagnostics
from lkjip_site.core.fmt import fmt_or_dash, fmt_percent_or_dash, fmt_rupiah_or_dash
from lkjip_site.core.model import Budget, Loc, Missing, PeriodValues
from lkjip_site.core.memo import SWEEP_MARGIN_S
from lkjip_site.core.numbers import Derived, as_decimal
from lkjip_site.elements.charts import spec as c
from lkjip_site.elements.charts import svg
from lkjip_site.elements.charts.bundle import write_vega_bundle
from lkjip_site.elements.charts.cache import ChartCache, chart_memo
from lkjip_site.elements.charts.fonts import chart_fonts, truetype_fonts
from lkjip_site.elements.charts.limits import FontBound, without_moot_limits
from lkjip_site.elements.charts.marks import FIGURE_IDS, extreme_text
from lkjip_site.elements.charts.narrow import narrow_spec, text_width
from lkjip_site.elements.charts import dataset as dataset_module
from lkjip_site.elements.charts import kinds as kinds_module
from lkjip_site.elements.charts import marks as marks_module
from lkjip_site.elements.charts import plan as plan_module
from lkjip_site.elements.charts.plan import build, canonical_json
from lkjip_site.elements.charts.style import LEGEND_ON_TOP_ABOVE
from lkjip_site.elements.charts.svg import render_chart
from lkjip_site.elements.figures import chart_efisiensi, chart_renstra, chart_target_realisasi, chart_tren
from lkjip_site.elements.tables import (number_na_reasons, table_capaian, table_efisiensi, table_perbandingan_tahun,
                                       table_triwulan_indikator)
from lkjip_site.markdown.directives import Directive
from lkjip_site.sheets.stage import load_one

# --------------------------------------------------------------------------------------------------
# Example data (figures in the style of the Martapura Barat 2023 report, typed here as literals)
# --------------------------------------------------------------------------------------------------

BERHASIL = "#1a7f37"
CUKUP = "#0969da"
KURANG = "#bf8700"

CAPAIAN_ROWS = [
    {"indikator": "Nilai Evaluasi Kinerja", "target": D(73), "realisasi": D("84.82"),
     "capaian": D("116.19"), "predikat": "Berhasil", "warna": BERHASIL, "satuan": "nilai"},
    {"indikator": "Indeks Kepuasan Masyarakat", "target": D(80), "realisasi": D("78.62"),
     "capaian": D("98.28"), "predikat": "Cukup Berhasil", "warna": CUKUP, "satuan": "indeks"},
    {"indikator": "Desa Tata Kelola Baik", "target": D(60), "realisasi": D(30),
     "capaian": D("50.00"), "predikat": "Kurang Berhasil", "warna": KURANG, "satuan": "%"},
]

PROGRAM_ROWS = [
    {"program": "Program Penunjang", "pagu": D(2190538000), "realisasi": D(2101448650)},
    {"program": "Program Pelayanan Publik", "pagu": D(145000000), "realisasi": D(139250000)},
    {"program": "Program Pemberdayaan Desa", "pagu": D(98000000), "realisasi": D(97500000)},
]

IKM_ROWS = [
    {"kode": f"U{i}", "nama": nama, "nilai": D(nilai)}
    for i, (nama, nilai) in enumerate(
        [("Persyaratan", "3.21"), ("Prosedur", "3.15"), ("Waktu", "3.02"), ("Biaya", "3.50"),
         ("Produk", "3.18"), ("Kompetensi", "3.10"), ("Perilaku", "3.40"), ("Pengaduan", "2.95"),
         ("Sarana", "3.05")],
        start=1,
    )
]

PENDUDUK_COLS = ["desa", "laki_laki", "perempuan"]
PENDUDUK_ROWS = [
    {"desa": "Sungai Rangas", "laki_laki": "1520", "perempuan": "1498"},
    {"desa": "Tangkas", "laki_laki": "820", "perempuan": "845"},
    {"desa": "Keliling Benteng", "laki_laki": "1102", "perempuan": "1120"},
]

LAYANAN_ROWS = [
    {"bulan": f"2023-{m:02d}", "layanan": str(v)}
    for m, v in zip(range(1, 13), [120, 98, 143, 110, 105, 150, 161, 140, 133, 128, 119, 170])
]

PEGAWAI_ROWS = [
    {"pendidikan": "S2", "jumlah": "3"},
    {"pendidikan": "S1", "jumlah": "12"},
    {"pendidikan": "D3", "jumlah": "4"},
    {"pendidikan": "SMA", "jumlah": "9"},
]


def all_specs() -> dict[str, c.ChartSpec]:
    return {
        "target_realisasi": c.target_realisasi(CAPAIAN_ROWS),
        "tren": c.tren(
            [
                {"tahun": 2021, "indikator": "Nilai Evaluasi Kinerja", "nilai": D("71.5")},
                {"tahun": 2022, "indikator": "Nilai Evaluasi Kinerja", "nilai": D("72.1")},
                {"tahun": 2023, "indikator": "Nilai Evaluasi Kinerja", "nilai": D("84.82")},
                {"tahun": 2021, "indikator": "IKM", "nilai": D("76.2")},
                {"tahun": 2022, "indikator": "IKM", "nilai": None},
                {"tahun": 2023, "indikator": "IKM", "nilai": D("78.62")},
            ],
            satuan="nilai",
        ),
        "renstra": c.renstra(
            [
                {"indikator": "Nilai Evaluasi Kinerja", "realisasi": D("84.82"), "target_akhir": D(76),
                 "kemajuan": D("111.61")},
                {"indikator": "IKM", "realisasi": D("78.62"), "target_akhir": D(85), "kemajuan": D("92.49")},
            ]
        ),
        "anggaran_program": c.anggaran_program(PROGRAM_ROWS),
        "jenis_belanja": c.jenis_belanja(
            [
                {"jenis": "pegawai", "pagu": D(1500000000), "realisasi": D(1450000000)},
                {"jenis": "barang_jasa", "pagu": D(850000000), "realisasi": D(801250000)},
                {"jenis": "modal", "pagu": D(83538000), "realisasi": D(80000000)},
            ]
        ),
        "efisiensi": c.efisiensi(
            [
                {"nama": "Program Penunjang", "capaian": D("100.00"), "serapan": D("95.93")},
                {"nama": "Program Pelayanan Publik", "capaian": D("90.00"), "serapan": D("96.03")},
            ],
            metode="rasio",
        ),
        "ikm": c.ikm(IKM_ROWS, nilai_ikm=D("80.17"), mutu="B"),
        "dataset_batang": c.dataset(PENDUDUK_COLS, PENDUDUK_ROWS, x="desa", y=["laki_laki", "perempuan"],
                                    jenis="batang", satuan="jiwa", nama="penduduk"),
        "dataset_tumpuk": c.dataset(PENDUDUK_COLS, PENDUDUK_ROWS, x="desa", y=["laki_laki", "perempuan"],
                                    jenis="batang_tumpuk", satuan="jiwa", nama="penduduk"),
        "dataset_garis": c.dataset(["bulan", "layanan"], LAYANAN_ROWS, x="bulan", y="layanan",
                                   jenis="garis", nama="paten"),
        "dataset_donat": c.dataset(["pendidikan", "jumlah"], PEGAWAI_ROWS, x="pendidikan", y="jumlah",
                                   jenis="donat", nama="pegawai"),
    }


@functools.lru_cache(maxsize=None)
def rendered(name: str) -> c.ChartResult:
    return render_chart(all_specs()[name])


def bars(svg: str, role: str = "batang") -> list[tuple[str, str]]:
    """(aria-label, fill) of every data mark with the given aria role description."""
    out = []
    for m in re.finditer(r"<path\b([^>]*)/?>", svg):
        attrs = m.group(1)
        if f'aria-roledescription="{role}"' not in attrs:
            continue
        label = re.search(r'aria-label="([^"]*)"', attrs)
        fill = re.search(r'fill="([^"]*)"', attrs)
        out.append((label.group(1) if label else "", fill.group(1) if fill else ""))
    return out


def na_marks(svg: str) -> list[str]:
    """aria-label of every N/A mark (a text mark where the bar of an uncomputable capaian would be)."""
    return re.findall(r'<text aria-label="([^"]*)"[^>]*aria-roledescription="tanda N/A"', svg)


def texts(svg: str) -> list[str]:
    """Visible text of the SVG (text nodes and tspans)."""
    return [t for t in re.findall(r">([^<>]+)<", svg) if t.strip()]


# --------------------------------------------------------------------------------------------------
# id-ID formatting
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (D("1234567.891"), 2, "1.234.567,89"),
        (D("98.245"), 2, "98,25"),  # half up on the exact decimal (binary float would give 98,24)
        (D("98.244"), 2, "98,24"),
        (D("73"), None, "73"),  # as entered
        (D("84.82"), None, "84,82"),
        (D("1000"), None, "1.000"),
        (D("-1234.5"), 0, "-1.235"),
        (D("0.5"), 0, "1"),
        (None, 2, "N/A"),  # N/A one way (core/fmt.py): never a dash, which reads as nil
    ],
)
def test_format_angka(value, places, expected):
    assert fmt_or_dash(value, places) == expected


def test_format_persen_and_rupiah():
    assert fmt_percent_or_dash(D("98.247")) == "98,25 %"
    assert fmt_rupiah_or_dash(D("1234567.5")) == "Rp 1.234.568"
    assert fmt_rupiah_or_dash(None) == "N/A"


def test_to_decimal_treats_missing_and_grades_as_none():
    class Missing:  # stands in for model.Missing (duck-typed)
        reason = "Survei belum dilaksanakan"

    assert as_decimal(Missing()) is None
    assert as_decimal("B") is None
    assert as_decimal("") is None
    assert as_decimal("12.50") == D("12.50")
    assert as_decimal(7) == D(7)


# --------------------------------------------------------------------------------------------------
# Every kind renders
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(all_specs()))
def test_every_kind_renders_accessible_svg(name):
    r = rendered(name)
    assert r.svg.startswith("<svg ")
    assert 'role="img"' in r.svg.split(">", 1)[0]
    assert f'aria-label="{r.alt}"' in r.svg.split(">", 1)[0]
    assert 'viewBox="' in r.svg.split(">", 1)[0]  # scales with CSS
    assert 'font-family="Noto Sans,Noto Sans Math,sans-serif"' in r.svg
    assert r.summary and r.alt and r.table.header and r.table.rows
    assert len(r.table.header) == len(r.table.numeric)
    assert all(len(row) == len(r.table.header) for row in r.table.rows)
    # The interactive spec carries the Indonesian number locale and inline data only.
    assert r.spec["config"]["locale"]["number"]["decimal"] == ","
    assert r.spec["config"]["locale"]["number"]["thousands"] == "."
    assert r.spec["usermeta"]["embedOptions"]["actions"] is False
    spec_text = json.dumps(r.spec)
    assert '"url"' not in spec_text
    assert "http" not in spec_text.replace(r.spec["$schema"], "")


@pytest.mark.parametrize("name", sorted(all_specs()))
def test_every_kind_plans_a_valid_vega_lite_spec(name):
    """Planning skips Altair's schema validation (it is slow, and the spec is the planners' own): the schema is
    checked here instead, for the wide spec and for the phone layout made from it."""
    schema = load_schema()
    wide = build(all_specs()[name])[0]
    for vl in (wide, narrow_spec(wide)):
        assert validate_jsonschema(vl, schema, raise_error=False) is None


def _legend_orient(vl: dict) -> str:
    return vl["config"]["legend"]["orient"]


def test_a_tall_charts_legend_is_above_its_bars_and_a_short_ones_below():
    """The efficiency chart of a report with 19 indicators was 2 000 px tall on a phone, its legend (which colour is
    capaian, which serapan) under the last bar; a comparison of 160 reports put it 10 600 px down. A plot taller
    than most of a phone's screen has its legend on top, in the wide and the phone layout alike; a short one keeps
    it below."""
    rows = [{"nama": f"Program Nomor {i} Penyelenggaraan Pemerintahan", "capaian": D(90 + i), "serapan": D(80 + i)}
            for i in range(19)]
    tall = build(c.efisiensi(rows, metode="rasio"))[0]
    short = build(all_specs()["efisiensi"])[0]
    assert tall["height"] > LEGEND_ON_TOP_ABOVE and narrow_spec(tall)["height"] > LEGEND_ON_TOP_ABOVE
    assert (_legend_orient(tall), _legend_orient(narrow_spec(tall))) == ("top", "top")
    assert narrow_spec(short)["height"] <= LEGEND_ON_TOP_ABOVE
    assert (_legend_orient(short), _legend_orient(narrow_spec(short))) == ("bottom", "bottom")
    schema = load_schema()
    for vl in (tall, narrow_spec(tall)):
        assert validate_jsonschema(vl, schema, raise_error=False) is None



@pytest.mark.parametrize("shortcut", ["rows", "layers"])
@pytest.mark.parametrize("name", sorted(all_specs()))
def test_planning_shortcuts_give_the_spec_altair_makes(name, shortcut, monkeypatch):
    """Planning takes two shortcuts past Altair's copying, and each must leave the spec as Altair makes it:

    - rows: Altair gets a one-row stand-in for each chart's rows, put back into the finished spec (marks.data);
      the spec must be the one Altair makes when given the rows themselves, layer by layer;
    - layers: layered charts are put together by marks.Layers; the spec must be the one Altair's own LayerChart
      (``alt.layer``, ``add_layers``, ``properties``) makes of the same unit charts.
    """
    spec = all_specs()[name]
    ours = canonical_json(build(spec)[0])
    if shortcut == "rows":
        @contextlib.contextmanager
        def rows_given_to_altair():
            yield []  # nothing pushed: marks.data hands Altair the rows

        monkeypatch.setattr(plan_module, "rows_held", rows_given_to_altair)
    else:
        made: list[object] = []

        def altair_layer(*charts):
            made.append(altair.layer(*charts))
            return made[-1]

        for module in (marks_module, kinds_module, dataset_module):
            monkeypatch.setattr(module, "layer", altair_layer)
    assert canonical_json(build(spec)[0]) == ours
    assert '"__lkjip_data__"' not in ours
    if shortcut == "layers" and '"layer":' in ours:
        assert made and all(isinstance(chart, altair.LayerChart) for chart in made)


def test_a_chart_vl_convert_cannot_draw_is_a_chart_error_for_the_author(ttf_fonts):
    """vl-convert's own failure (here Vega's call stack, exhausted by 2 000 rows) reaches the author as a chart error,
    which the build reports at the {grafik} block's line, not as a traceback."""
    svg.register_fonts(ttf_fonts)
    rows = [{"desa": f"Desa {i}", "laki_laki": D(i % 900), "perempuan": D(i % 700)} for i in range(2000)]
    spec = c.dataset(PENDUDUK_COLS, rows, x="desa", y=["laki_laki", "perempuan"], jenis="batang", nama="penduduk")
    with pytest.raises(c.ChartError, match="dengan 2000 baris, grafik ini tidak dapat digambar .*lebih sedikit baris"):
        render_chart(spec)


def test_target_realisasi_one_bar_per_indicator_coloured_by_predikat():
    r = rendered("target_realisasi")
    marks = bars(r.svg)
    assert len(marks) == 3
    fills = {label.split(";")[0]: fill.split()[-1] for label, fill in marks}  # the colour (after a pattern)
    assert fills == {
        "Nilai Evaluasi Kinerja": BERHASIL,
        "Indeks Kepuasan Masyarakat": CUKUP,
        "Desa Tata Kelola Baik": KURANG,
    }
    shown = texts(r.svg)
    for name in ("Nilai Evaluasi Kinerja", "Indeks Kepuasan Masyarakat", "Desa Tata Kelola Baik"):
        assert name in shown
    # labels carry value and predikat in text, so colour is never the only carrier
    assert "116,19 % · Berhasil" in shown
    assert "98,28 % · Cukup Berhasil" in shown
    assert "Target 100 %" in shown
    # realisasi in id-ID format is in the bar's accessible label (and the tooltip)
    assert any("realisasi 84,82 nilai" in label for label, _ in marks)
    assert r.table.rows[0] == ("Nilai Evaluasi Kinerja", "nilai", "73", "84,82", "116,19 %", "Berhasil")
    # 1 of 3 is ≥ 100 %; without counts handed in, the engine counts its rows
    assert "Dari 3 indikator, 3 terukur; 1 di antaranya mencapai" in r.summary
    assert r.marks == ()
    assert "tertinggi: Nilai Evaluasi Kinerja (116,19 %)" in r.summary
    assert "terendah: Desa Tata Kelola Baik (50,00 %)" in r.summary


def test_the_figures_a_chart_prints_carry_the_ids_handed_in_for_the_audit():
    """"Capaian tertinggi: … (116,19 %)" and the data table's target, realisasi, capaian and predikat printed the
    model's figures unmarked, so the audit never compared them with the model. With the ids handed in through the
    rows, each quoted value is a marked span of the summary and each data cell has its id; the page marks them."""
    ids = ["NEK", "IKM", "DTK"]
    rows = [{**row, "id_angka": {k: f"{i}.{k}" for k in ("target", "realisasi", "capaian", "predikat")}}
            for i, row in zip(ids, CAPAIAN_ROWS)]
    _vl, summary, table, _alt, marks = build(c.target_realisasi(rows))
    assert [(summary[a:b], f) for a, b, f in marks] == [("116,19 %", "NEK.capaian"), ("50,00 %", "DTK.capaian")]
    assert table.figures[0] == ("", "", "NEK.target", "NEK.realisasi", "NEK.capaian", "NEK.predikat")
    # a trend's values by year, in its table and its sentence
    trend = [{"tahun": y, "indikator": "NEK", "nilai": v, "id_angka": {"nilai": f"NEK.realisasi@{y}"}}
             for y, v in ((2022, D("80.1")), (2023, D("84.82")))]
    _vl, summary, table, _alt, marks = build(c.tren(trend))
    assert [(summary[a:b], f) for a, b, f in marks] == [("80,1", "NEK.realisasi@2022"),
                                                        ("84,82", "NEK.realisasi@2023")]
    assert table.figures == (("", "NEK.realisasi@2022", "NEK.realisasi@2023"),)
    # a chart drawn without ids marks nothing, its table as before
    assert build(c.target_realisasi(CAPAIAN_ROWS))[2].figures == ()


def test_a_budget_chart_data_table_prints_each_amount_as_the_tables_do():
    """The data table rounded an amount with cents to whole rupiah ("Rp 1.000.001" beside the realisasi table's
    "1.000.000,50"): marked for the audit, the figure must be the one the report prints."""
    rows = [{"program": "Program A", "pagu": D("2000000"), "realisasi": D("1000000.50"),
             "id_angka": {"pagu": "anggaran.7.01.01.pagu", "realisasi": "anggaran.7.01.01.realisasi"}}]
    table = build(c.anggaran_program(rows))[2]
    assert table.rows[0][1:3] == ("Rp 2.000.000", "Rp 1.000.000,50")
    assert table.figures[0][:3] == ("", "anggaran.7.01.01.pagu", "anggaran.7.01.01.realisasi")


def test_target_realisasi_missing_capaian_is_not_a_zero_bar():
    rows = CAPAIAN_ROWS[:1] + [
        {"indikator": "Gangguan Trantibum", "target": D(0), "realisasi": D(5), "capaian": None,
         "predikat": None, "warna": None, "keterangan": "target nol"}
    ]
    r = render_chart(c.target_realisasi(rows))
    assert len(bars(r.svg)) == 1
    assert "N/A" in texts(r.svg)  # a visible mark where the bar would be, not a silently missing bar
    assert na_marks(r.svg) == ["Gangguan Trantibum; target 0; realisasi 5; capaian N/A: target nol"]
    assert r.table.rows[1][4] == "N/A"
    assert "1 indikator N/A (capaian tidak dapat dihitung): Gangguan Trantibum (target nol)." in r.summary


def test_ties_are_all_named():
    rows = [
        {"indikator": "A", "target": D(1), "realisasi": D(1), "capaian": D(100), "predikat": "Berhasil", "warna": BERHASIL},
        {"indikator": "B", "target": D(1), "realisasi": D(1), "capaian": D(100), "predikat": "Berhasil", "warna": BERHASIL},
        {"indikator": "C", "target": D(2), "realisasi": D(1), "capaian": D(50), "predikat": "Kurang", "warna": KURANG},
    ]
    spec = build(c.target_realisasi(rows))
    assert "tertinggi: A dan B (100,00 %)" in spec[1]


def test_chart_summaries_count_the_printed_capaian():
    """A capaian printed "100,00 %" (99,996 %) is counted as reaching the target in the chart's own sentence, as the
    bar's label and the table beside it show it; 99,994 % prints "99,99 %" and is not."""
    rows = [
        {"indikator": "A", "target": D(1), "realisasi": D(1), "capaian": D("99.996"), "predikat": "Berhasil",
         "warna": BERHASIL},
        {"indikator": "B", "target": D(1), "realisasi": D(1), "capaian": D("99.994"), "predikat": "Cukup Berhasil",
         "warna": CUKUP},
    ]
    summary = build(c.target_realisasi(rows))[1]
    assert "1 di antaranya mencapai" in summary and "100,00 %" in summary
    progress = build(c.renstra([{"indikator": n, "realisasi": D(1), "target_akhir": D(1), "kemajuan": D(v)}
                                for n, v in (("A", "99.996"), ("B", "99.994"))]))[1]
    assert progress.startswith("1 dari 2 indikator telah mencapai target akhir Renstra.")


def test_a_derived_value_and_its_change_are_told_with_two_decimals():
    """A mean of quarters in a trend's sentence and table: "91,13" and "(+2,13)", as {nilai} and the tables print it,
    not "91,125 (2024) (+2,125)"."""
    spec = c.tren([{"tahun": 2023, "indikator": "Rata-rata", "nilai": D(89)},
                   {"tahun": 2024, "indikator": "Rata-rata", "nilai": Derived(D("91.125"))}])
    _, summary, table, _, _ = build(spec)
    assert "naik dari 89 (2023) menjadi 91,13 (2024) (+2,13)" in summary
    assert table.rows[0] == ("Rata-rata", "89", "91,13")


def test_a_change_of_two_means_is_said_as_the_printed_figures_differ():
    """Two means of quarters printed "81,67" and "83,33" were said "(+1,67)", the difference of the unrounded
    values, beside a table whose change (compute.comparisons.delta) is that of the printed figures, "+1,66"."""
    spec = c.tren([{"tahun": 2023, "indikator": "Rata-rata", "nilai": Derived(D(245) / 3)},
                   {"tahun": 2024, "indikator": "Rata-rata", "nilai": Derived(D(250) / 3)}])
    _, summary, _, _, _ = build(spec)
    assert "naik dari 81,67 (2023) menjadi 83,33 (2024) (+1,66)" in summary, summary


def test_a_quarterly_reports_year_so_far_is_named_so_in_its_trend():
    """A TW II report's 52 (the year so far) was drawn and said as "(2024)" beside whole years ("turun dari 90 (2022)
    menjadi 52 (2024)"): its axis, sentence and table name it "2024 s.d. TW II"; the report's chart asks so."""
    spec = c.tren([{"tahun": 2023, "indikator": "Cakupan", "nilai": D(90)},
                   {"tahun": 2024, "indikator": "Cakupan", "nilai": D(52)}], sebagian={2024: "s.d. TW II"})
    result = render_chart(spec)
    assert "turun dari 90 (2023) menjadi 52 (2024 s.d. TW II) (-38)." in result.summary
    assert result.table.header == ("Indikator", "2023", "2024 s.d. TW II")
    assert "2024 s.d. TW II" in texts(result.svg)
    report = load_one(REPO, "pengaron-2024-tw1", Diagnostics())
    assert chart_tren(report, {}).options["sebagian"] == {2024: "s.d. TW I"}
    assert "sebagian" not in chart_tren(load_one(REPO, "martapura-barat-2023", Diagnostics()), {}).options


def test_a_trend_says_last_years_change_as_the_table_does_and_what_a_negative_ones_means():
    """A three-year trend said only first against last: "IKKI: naik dari 41,59 (2022) menjadi 82,4 (2024)" beside
    the table's "turun −2,92" from 2023; and complaints rising 4 → 6 read "turun dari 7 (2022) menjadi 6"."""
    spec = c.tren([{"tahun": y, "indikator": n, "nilai": D(v)}
                   for n, vals in (("IKKI", ("41.59", "85.32", "82.4")), ("Pengaduan", ("7", "4", "6")))
                   for y, v in zip((2022, 2023, 2024), vals)], negatif=["Pengaduan"])
    summary = render_chart(spec).summary
    assert ("IKKI: naik dari 41,59 (2022) menjadi 82,4 (2024) (+40,81). Dibanding 2023 (85,32): turun (-2,92)."
            in summary), summary
    assert ("Pengaduan: turun (membaik) dari 7 (2022) menjadi 6 (2024) (-1). Dibanding 2023 (4): naik (memburuk) "
            "(+2).") in summary, summary
    assert "negatif" not in c.tren([{"tahun": 2023, "indikator": "A", "nilai": D(1)}]).options  # cache keys kept


def test_a_trends_changes_are_marked_with_the_ids_of_the_changes_between_their_years():
    """The trend's text printed its changes ("(+40,81)", "(-2,92)") unmarked, so the consistency audit never
    compared them: each carries the id of the change between the two years it compares (the rows' ``perubahan``
    id with its years filled in), the sign inside the mark as printed."""
    spec = c.tren([{"tahun": y, "indikator": "IKKI", "nilai": D(v),
                    FIGURE_IDS: {"nilai": f"IKKI.realisasi@{y}", "perubahan": "IKKI.delta@{dari}-{sampai}"}}
                   for y, v in zip((2022, 2023, 2024), ("41.59", "85.32", "82.4"))])
    result = render_chart(spec)
    marked = [(result.summary[a:b], f) for a, b, f in result.marks]
    assert ("+40,81", "IKKI.delta@2022-2024") in marked and ("-2,92", "IKKI.delta@2023-2024") in marked
    assert "(+40,81). Dibanding 2023 (85,32): turun (-2,92)." in result.summary


def test_a_chart_of_a_value_not_of_its_quarter_says_so_in_its_text_data_table_and_tooltip() -> None:
    """The capaian, trend and Renstra charts drew TW II's 83 (a level, TW III declared missing) and TW I–II's mean
    87,50 as TW III's, their capaian too, where the tables letter a note: the text says each note (the PDF prints it,
    not the data table), the data table letters it under the table as a report table does (a cell and its capaian
    share one), a tooltip and a mark's description say it. A chart without such a value keeps its spec and key."""
    level = level_without_tw3(realisasi_lain={2025: PeriodValues(annual=D(82))}, target_akhir=D(90))
    for chart, keys in ((chart_target_realisasi, ("realisasi", "capaian")), (chart_tren, ("nilai",)),
                        (chart_renstra, ("realisasi", "kemajuan"))):
        spec = chart(level, {})
        result = render_chart(spec)
        assert f"Catatan: Indikator IKM{' 2026 s.d. TW III' if chart is chart_tren else ''}: {CARRIED_TW2}." \
            in result.summary, result.summary
        assert result.table.notes == (CARRIED_TW2,)
        [refs] = [r for r in result.table.note_refs if any(r)]
        assert [n for n in refs if n] == [1] * len(keys), (chart.__name__, refs)
        values = [v for d in _datasets(result.spec) for v in d if "t_catatan" in v]
        assert values and all(v["t_catatan"] == CARRIED_TW2 and CARRIED_TW2 in v["keterangan"] for v in values)
        assert '"title":"Catatan"' in json.dumps(result.spec, separators=(",", ":"))
    mean = mean_without_tw3()
    result = render_chart(chart_target_realisasi(mean, {}))
    assert result.table.rows[0][3] == "87,50" and result.table.notes == (CARRIED_MEAN,)
    assert f"Catatan: Indikator TPT: {CARRIED_MEAN}." in result.summary
    plain = load_one(REPO, "pengaron-2024-tw1", Diagnostics())
    for chart in (chart_target_realisasi, chart_tren):
        spec = chart(plain, {})
        assert all(marks_module.FIGURE_NOTES not in row for row in spec.rows)  # its key in the chart cache kept
        result = render_chart(spec)
        assert (result.table.notes, result.table.note_refs) == ((), ()) and "Catatan" not in result.summary
        assert "t_catatan" not in json.dumps(result.spec)



def test_the_efficiency_chart_and_table_say_a_capaian_is_of_an_earlier_quarter() -> None:
    """The efficiency chart drew IKM's capaian 103,75 % of a TW III report, made of TW II's 83 (TW III declared
    missing), bare beside the capaian table's lettered note, and the efficiency table printed it bare too: both say
    the note now, the chart in its text, data table, tooltip and marks' descriptions. Its serapan has no note."""
    budget = Budget(2026, [node("program", "7.01.02", [node("kegiatan", "7.01.02.2.01", [
        leaf("7.01.02.2.01.0001", 100000000, Missing("tahun berjalan"),
             realisasi_tw={"tw1": D(20000000), "tw2": D(20000000), "tw3": D(20000000)})])], sasaran="S1")], Loc("x", 1))
    level = level_without_tw3(program="7.01.02", anggaran=budget)
    result = render_chart(chart_efisiensi(level, {}))
    assert result.table.rows[0][1:3] == ("103,75 %", "60,00 %")
    assert result.table.notes == (CARRIED_TW2,) and result.table.note_refs[0][:3] == (0, 1, 0)
    assert result.summary.endswith(f" Catatan: Indikator IKM: {CARRIED_TW2}."), result.summary
    values = [v for d in _datasets(result.spec) for v in d if "seri" in v]
    assert values and all(v["t_catatan"] == CARRIED_TW2 and CARRIED_TW2 in v["keterangan"] for v in values)
    assert '"title":"Catatan"' in json.dumps(result.spec, separators=(",", ":"))
    table = table_efisiensi(level, {})
    number_na_reasons(table)
    capaian, serapan = table.body[0].cells[2:4]
    assert (capaian.text, capaian.figure, capaian.note) == ("103,75 %", "IKM.capaian", 1) and serapan.note == 0
    assert table.na_notes[0] == CARRIED_TW2
    plain = render_chart(chart_efisiensi(load_one(REPO, "pengaron-2024-tw1", Diagnostics()), {}))
    assert plain.table.notes == () and "Catatan" not in plain.summary and "t_catatan" not in json.dumps(plain.spec)

def _datasets(spec: object) -> list[list[dict]]:
    """Every inline ``values`` list of a Vega-Lite spec."""
    if isinstance(spec, dict):
        found = [spec["values"]] if isinstance(spec.get("values"), list) else []
        return found + [d for v in spec.values() for d in _datasets(v)]
    if isinstance(spec, list):
        return [d for v in spec for d in _datasets(v)]
    return []


def test_a_quarterly_reports_change_column_says_what_it_compares() -> None:
    """"Perubahan 2023–2024" headed the year so far against last year's whole."""
    table = table_perbandingan_tahun(load_one(REPO, "pengaron-2024-tw1", Diagnostics()), {})
    assert [cell.text for cell in table.head[0]][-2] == "Perubahan 2023–2024 s.d. TW I"
    assert table.notes[0].startswith("Perubahan = realisasi 2024 s.d. TW I − realisasi setahun 2023")


def test_a_quarterly_reports_capaian_names_its_target_and_realisasi_the_year_so_far() -> None:
    """A TW I report's capaian table and chart headed its TW I target (25 of a year's 100) "Target", read as the
    year's beside the annual reports' tables; the table, the chart's tooltips, text and data table now say "s.d. TW I"
    and an annual report's say nothing more."""
    quarterly = load_one(REPO, "pengaron-2024-tw1", Diagnostics())
    assert [cell.text for cell in table_capaian(quarterly, {}).head[0]][4:6] == ["Target s.d. TW I",
                                                                                 "Realisasi s.d. TW I"]
    result = render_chart(chart_target_realisasi(quarterly, {}))
    assert result.table.header[2:4] == ("Target s.d. TW I", "Realisasi s.d. TW I")
    assert "target s.d. TW I 25 %; realisasi s.d. TW I 25 %" in json.dumps(result.spec, ensure_ascii=False)
    annual = load_one(REPO, "martapura-barat-2023", Diagnostics())
    assert [cell.text for cell in table_capaian(annual, {}).head[0]][4:6] == ["Target", "Realisasi"]
    assert "sebagian" not in chart_target_realisasi(annual, {}).options  # its charts keep their cache keys


def test_a_quarterly_reports_later_quarters_show_their_targets_and_no_realisasi_yet() -> None:
    """A TW I report's TW II–IV: targets written (rencana aksi) and realisasi not yet due were all "N/A: tidak
    diisi"."""
    report = load_one(REPO, "pengaron-2024-tw1", Diagnostics())
    report.data.indikator["P02"].target[2024].quarters.update({"tw2": D(25), "tw3": D(25)})
    row = next(r for r in table_triwulan_indikator(report, {}).body if r.cells[1].text.startswith(
        report.data.indikator["P02"].nama[:20]))
    shown = [cell.text for cell in row.cells[4:12]]
    assert shown == ["25", "25", "25", "belum berjalan", "25", "belum berjalan", "N/A", "belum berjalan"]
    assert row.cells[10].title == "tidak dilaporkan"  # TW IV's target was not written


def test_tren_points_labels_and_gap():
    r = rendered("tren")
    # 6 rows, one missing → 5 points; the missing year is a gap, not a zero
    assert len(bars(r.svg, "titik")) == 5
    shown = texts(r.svg)
    for label in ("71,5", "72,1", "84,82", "76,2", "78,62", "2021", "2022", "2023"):
        assert label in shown
    assert r.table.rows[1] == ("IKM", "76,2", "N/A", "78,62")
    # 84.82 − 71.5 = 13.32
    assert "naik dari 71,5 (2021) menjadi 84,82 (2023) (+13,32)" in r.summary
    assert "IKM: tidak ada data tahun 2022" in r.summary


def test_renstra_progress():
    r = rendered("renstra")
    assert len(bars(r.svg)) == 2
    assert {"111,61 %", "92,49 %", "Target akhir 100 %"} <= set(texts(r.svg))
    assert r.summary.startswith("1 dari 2 indikator telah mencapai target akhir Renstra.")


def test_anggaran_program_pagu_and_realisasi_per_program():
    r = rendered("anggaran_program")
    assert len(bars(r.svg)) == 2 * len(PROGRAM_ROWS)
    shown = texts(r.svg)
    # 2.101.448.650 / 2.190.538.000 = 0,95933 → 95,93 %; 139.250.000 / 145.000.000 = 96,03 %;
    # 97.500.000 / 98.000.000 = 99,489 → 99,49 %
    assert {"95,93 %", "96,03 %", "99,49 %", "Miliar Rupiah", "Pagu", "Realisasi"} <= set(shown)
    assert "Program Penunjang" in shown
    labels = [label for label, _ in bars(r.svg)]
    assert any("pagu Rp 2.190.538.000" in lab and "realisasi Rp 2.101.448.650" in lab for lab in labels)
    # Σ pagu = 2.433.538.000; Σ realisasi = 2.338.198.650; 2.338.198.650 / 2.433.538.000 = 96,08 %
    assert "Jumlah pagu 3 program Rp 2.433.538.000, realisasi Rp 2.338.198.650 (serapan 96,08 %)" in r.summary
    assert r.table.header == ("Program", "Pagu", "Realisasi", "Serapan")
    assert r.table.rows[0] == ("Program Penunjang", "Rp 2.190.538.000", "Rp 2.101.448.650", "95,93 %")


def test_rupiah_axis_unit_follows_the_data():
    small = render_chart(c.anggaran_program([{"program": "P", "pagu": D(5000000), "realisasi": D(2500000)}]))
    shown = texts(small.svg)
    assert "Juta Rupiah" in shown
    assert "50,00 %" in shown  # 2.500.000 / 5.000.000


def test_jenis_belanja_labels():
    r = rendered("jenis_belanja")
    assert len(bars(r.svg)) == 6
    shown = texts(r.svg)
    assert {"Belanja Pegawai", "Belanja Barang dan Jasa", "Belanja Modal"} <= set(shown)
    # 801.250.000 / 850.000.000 = 94,26 %; 80.000.000 / 83.538.000 = 95,76 %
    assert {"94,26 %", "95,76 %"} <= set(shown)


def test_efisiensi_capaian_vs_serapan():
    r = rendered("efisiensi")
    assert len(bars(r.svg)) == 4
    assert {"100,00 %", "95,93 %", "90,00 %", "96,03 %"} <= set(texts(r.svg))
    assert "Pada 1 dari 2 program, capaian kinerja lebih tinggi daripada serapan anggaran." in r.summary
    assert "metode rasio" in r.summary


@pytest.mark.parametrize("per, counted, first", [({}, "indikator", "Indikator"), ({"per": "sasaran"}, "sasaran",
                                                                                  "Sasaran")])
def test_an_efficiency_chart_counts_what_its_rows_are_and_names_its_method_once(
        per: dict[str, str], counted: str, first: str) -> None:
    """A report's efficiency chart without ``per: sasaran`` has a row per indicator (beside its program's serapan):
    it said "Pada 3 dari 3 program" for three indicators of two programs, headed their column "Program", and
    "dengan metode Metode selisih …: … poin.." (the method's whole note, again)."""
    report = load_one(REPO, "martapura-barat-2023", Diagnostics())
    method = report.computed.efisiensi_metode
    plan = build(chart_efisiensi(report, per))
    rows = report.computed.efisiensi_sasaran if per else report.computed.efisiensi
    assert re.search(rf"^Pada \d+ dari {len(rows)} {counted}, capaian kinerja", plan[1])
    assert plan[1].endswith(f"Efisiensi dihitung dengan metode {METODE_NAMA[method]}.")
    assert plan[2].header[0] == first
    # its data table prints each value as the efficiency table beside it does ("2,53" beside the table's
    # "2,53 %"), and an N/A's reason where the table has it in the cell's title ("Keterangan" was empty)
    table = table_efisiensi(report, per)
    cells = {row.cells[1].text: row.cells[4] for row in table.body}
    assert [(r[0], r[3]) for r in plan[2].rows] == [(name, cell.text) for name, cell in cells.items()
                                                    if name in {r[0] for r in plan[2].rows}]
    assert any(r[3].endswith(" %") for r in plan[2].rows)
    assert [r[4] for r in plan[2].rows if r[3] == "N/A"] == [cells[r[0]].title for r in plan[2].rows if r[3] == "N/A"]


def test_efisiensi_missing_capaian_is_an_na_mark_not_a_missing_bar():
    r = render_chart(c.efisiensi([
        {"nama": "Program Penunjang", "capaian": D("100.00"), "serapan": D("95.93")},
        {"nama": "Program Kecamatan", "capaian": None, "serapan": D("80.00")},
    ]))
    assert len(bars(r.svg)) == 3  # the missing capaian has no bar ...
    assert na_marks(r.svg) == ["Capaian kinerja Program Kecamatan; capaian N/A; serapan 80,00 %"]  # ... but a mark
    assert r.table.rows[1] == ("Program Kecamatan", "N/A", "80,00 %")
    assert "Pada 1 dari 1 program" in r.summary  # only comparable rows are compared


def test_ikm_nine_elements():
    r = rendered("ikm")
    assert len(bars(r.svg)) == 9
    shown = texts(r.svg)
    assert {"3,21", "3,50", "2,95", "U1 Persyaratan", "U9 Sarana"} <= set(shown)
    assert "Nilai IKM 80,17 (mutu B)." in r.summary
    assert "tertinggi: U4 Biaya (3,50); terendah: U8 Pengaduan (2,95)" in r.summary


def test_dataset_grouped_bars():
    r = rendered("dataset_batang")
    assert len(bars(r.svg)) == 6  # 3 desa × 2 series
    shown = texts(r.svg)
    assert {"Sungai Rangas", "Tangkas", "1.520", "1.498", "Laki laki", "Perempuan"} <= set(shown)
    assert r.table.header == ("Desa", "Laki laki (jiwa)", "Perempuan (jiwa)")
    assert r.table.rows[0] == ("Sungai Rangas", "1.520", "1.498")


def test_dataset_stacked_bars_show_totals():
    r = rendered("dataset_tumpuk")
    assert len(bars(r.svg)) == 6
    # 1520 + 1498 = 3018; 820 + 845 = 1665; 1102 + 1120 = 2222
    assert {"3.018", "1.665", "2.222"} <= set(texts(r.svg))
    assert r.table.rows[1] == ("Tangkas", "820", "845", "1.665")
    # both series count jiwa, so their sums do too
    assert "Jumlah tertinggi: Sungai Rangas (3.018 jiwa); terendah: Tangkas (1.665 jiwa)" in r.summary


@pytest.mark.parametrize("items, left_out, said", [
    ([("A", D(3)), ("B", D(1))], 0, "Tertinggi: A (3); terendah: B (1)."),
    ([("A", D(2)), ("B", D(2))], 0, "Semua bernilai sama, 2."),
    # a comparison of two reports, one N/A: it read "semua bernilai sama, 101,69"
    ([("Dinas Kesehatan", D(2))], 1, "Hanya satu yang bernilai: Dinas Kesehatan (2). 1 lainnya tanpa nilai (N/A)."),
    ([("A", D(2)), ("B", D(2))], 2, "Semua yang terukur bernilai sama, 2. 2 lainnya tanpa nilai (N/A)."),
    ([("A", D(3)), ("B", D(1))], 1, "Tertinggi: A (3); terendah: B (1). 1 lainnya tanpa nilai (N/A)."),
    # one figure alone was "Kemajuan semua bernilai sama, 55,56 %"
    ([("AKI", D(5))], 0, "Hanya satu yang bernilai: AKI (5)."),
])
def test_the_highest_and_lowest_are_said_truly_with_what_has_no_figure(
        items: list[tuple[str, D]], left_out: int, said: str) -> None:
    assert extreme_text(items, str, left_out) == said


def test_a_compared_report_without_a_figure_is_said_in_the_summary():
    """The portal's comparison chart (a dataset chart): a row whose average is N/A was left out of the text."""
    spec = c.dataset(("nama", "nilai"), [{"nama": "A", "nilai": D("101.69")}, {"nama": "B", "nilai": None}],
                     x="nama", y=["nilai"], jenis="batang", label={"nama": "Instansi", "nilai": "Nilai"},
                     satuan="%", nama="perbandingan")
    assert "Hanya satu yang bernilai: A (101,69 %). 1 lainnya tanpa nilai (N/A)." in build(spec)[1]


def test_a_dataset_summary_says_each_value_with_its_declared_unit():
    """Pengaron's Gambar 1.1 read "Tertinggi: … (2.989.057.284)" beside a table headed "Pagu (Rp)": a listener who
    hears the summary, not the axis, could not tell rupiah from a count. Money is written before the figure."""
    rows = [{"program": "Penunjang", "pagu": D("2989057284"), "orang": D(12)},
            {"program": "Kecamatan", "pagu": D("215000000"), "orang": None}]
    spec = c.dataset(("program", "pagu", "orang"), rows, x="program", y=["pagu", "orang"], jenis="batang",
                     label={"program": "Program", "pagu": "Pagu", "orang": "Pegawai"},
                     satuan={"pagu": "Rp", "orang": "orang"}, nama="pagu")
    vega, summary = build(spec)[:2]
    assert "Pagu – tertinggi: Penunjang (Rp 2.989.057.284); terendah: Kecamatan (Rp 215.000.000)." in summary
    assert "Pegawai – hanya satu yang bernilai: Penunjang (12 orang). 1 lainnya tanpa nilai (N/A)." in summary
    # the tooltips and the marks' descriptions say them alike (they read "2.989.057.284 Rp" and "N/A orang")
    marks = [(r["t_nilai"], r["keterangan"]) for r in json.loads(canonical_json(vega))["data"]["values"]]
    assert marks == [("Rp 2.989.057.284", "Penunjang; Pagu: Rp 2.989.057.284"),
                     ("12 orang", "Penunjang; Pegawai: 12 orang"),
                     ("Rp 215.000.000", "Kecamatan; Pagu: Rp 215.000.000"), ("N/A", "Kecamatan; Pegawai: N/A")]


def test_dataset_line_over_months_uses_indonesian_month_names():
    r = rendered("dataset_garis")
    assert len(bars(r.svg, "titik")) == 12
    shown = texts(r.svg)
    assert {"Jan 2023", "Mei 2023", "Agu 2023", "Okt 2023", "Des 2023"} <= set(shown)
    assert r.table.rows[4] == ("Mei 2023", "105")
    assert r.table.rows[11] == ("Desember 2023", "170")
    assert "Tertinggi: Desember 2023 (170); terendah: Februari 2023 (98)." == r.summary


def test_dataset_donut_shares():
    r = rendered("dataset_donat")
    assert len(bars(r.svg, "juring")) == 4
    # total 28: 12/28 = 42,857 → 42,86 %; 3/28 = 10,714 → 10,71 %
    assert {"S1 (42,86 %)", "S2 (10,71 %)"} <= set(texts(r.svg))
    assert r.table.rows[1] == ("S1", "12", "42,86 %")
    assert "Jumlah 28." in r.summary


def test_a_dataset_chart_of_columns_in_different_units_says_each_ones_in_its_legend():
    """Cakupan (%) beside Sasaran (bayi) from a data file's ``satuan``: the bars' axis said "Nilai" and the legend
    "Cakupan" and "Sasaran", so 92,5 and 120 read as one scale. The axis says the units differ and the legend names
    each column's under its name, on a phone too (its own line, never cut), as a trend's does; bars, lines and
    stacks alike. Columns of one unit keep their axis "Nilai (jiwa)" and a bare legend."""
    rows = [{"desa": d, "Cakupan": v, "Sasaran": n} for d, v, n in (("A", "92.5", "120"), ("B", "88.1", "80"))]
    for jenis in ("batang", "garis"):
        r = render_chart(c.dataset(["desa", "Cakupan", "Sasaran"], rows, x="desa", y=["Cakupan", "Sasaran"],
                                   jenis=jenis, satuan={"Cakupan": "%", "Sasaran": "bayi"}))
        for svg in (r.svg, r.svg_narrow):
            shown = texts(svg)
            assert "Nilai (satuan berbeda)" in shown and "Nilai" not in shown, shown
            assert {"Cakupan", "(%)", "Sasaran", "(bayi)"} <= set(shown), shown
    same = render_chart(all_specs()["dataset_batang"])
    for svg in (same.svg, same.svg_narrow):
        assert "Nilai (jiwa)" in texts(svg) and "(jiwa)" not in texts(svg)


def test_a_donut_of_rates_says_no_jumlah_of_them():
    """A donut of three villages' coverage (92,5 %, 88,1 %, 95,0 %) said "Jumlah 275,6 %": a sum of percentages means
    nothing. A column titled or measured as a rate (its ``satuan`` "%", or "Persentase", "Indeks", …) says each row's
    highest and lowest value instead, with its unit; a donut of counts keeps its Jumlah and shares."""
    rows = [{"desa": d, "cakupan": v} for d, v in (("A", "92.5"), ("B", "88.1"), ("C", "95.0"))]
    for spec in (c.dataset(["desa", "cakupan"], rows, x="desa", y="cakupan", jenis="donat", satuan="%"),
                 c.dataset(["desa", "Persentase"], [{"desa": r["desa"], "Persentase": r["cakupan"]} for r in rows],
                           x="desa", y="Persentase", jenis="donat")):
        r = render_chart(spec)
        assert "Jumlah" not in r.summary and "275,6" not in r.summary, r.summary
        assert r.summary.startswith("Tertinggi: C (95,0"), r.summary
    assert render_chart(c.dataset(["desa", "cakupan"], rows, x="desa", y="cakupan", jenis="donat",
                                  satuan="%")).summary == "Tertinggi: C (95,0 %); terendah: B (88,1 %)."
    assert "Jumlah 28." in rendered("dataset_donat").summary  # a count's


def test_dataset_errors_are_indonesian():
    with pytest.raises(c.ChartError, match="kolom 'umur' tidak ada"):
        build(c.dataset(PENDUDUK_COLS, PENDUDUK_ROWS, x="desa", y="umur", nama="penduduk"))
    with pytest.raises(c.ChartError, match="bukan angka"):
        build(c.dataset(["a", "b"], [{"a": "x", "b": "banyak"}], x="a", y="b"))
    with pytest.raises(c.ChartError, match="jenis 'pai' tidak dikenal"):
        build(c.dataset(["a", "b"], [{"a": "x", "b": "1"}], x="a", y="b", jenis="pai"))
    with pytest.raises(c.ChartError, match="tidak dikenal"):
        c.ChartSpec("peta", ())
    with pytest.raises(c.ChartError, match="muncul lebih dari sekali"):
        build(c.target_realisasi(CAPAIAN_ROWS + CAPAIAN_ROWS[:1]))


def test_custom_series_colours():
    r = render_chart(c.dataset(PENDUDUK_COLS, PENDUDUK_ROWS, x="desa", y=["laki_laki", "perempuan"],
                                 warna=["#112233", "#445566"]))
    fills = {re.sub(r"url\(#[^)]+\) ", "", fill) for _, fill in bars(r.svg)}  # the second series' pattern's colour
    assert fills == {"#112233", "#445566"}
    assert '<rect width="8" height="8" fill="#445566"/>' in r.svg


def _phone_names(narrow: dict) -> list[str]:
    """The category names a phone layout writes above its bars, top to bottom (narrow.py's names layer)."""
    layer = next(lyr for lyr in narrow["layer"] if "_lines" in (lyr.get("data", {}).get("values") or [{}])[0])
    return [" ".join(v["_lines"]) for v in sorted(layer["data"]["values"], key=lambda v: v["_y"])]


def test_phone_chart_of_many_rows_draws_the_highest_and_lowest_the_table_all():
    """A comparison of 30 instansi drew a phone chart 2 300-3 000 px tall (one row of bars ~70-100 px): with
    ``sempit=5`` the phone draws the 5 highest and 5 lowest of the first series, highest first, with a sentence that
    says so (the page shows it above the phone's chart); the wide chart and the data table keep all 30, a row without
    that value among them. A chart of no more than 10 rows is drawn whole on the phone."""
    cols = ("nama", "capaian", "serapan")
    rows = [{"nama": f"Instansi {i:02d}", "capaian": D(60 + i), "serapan": D(90 - i)} for i in range(30)]
    rows[3]["capaian"] = None
    r = render_chart(c.dataset(cols, rows, x="nama", y=["capaian", "serapan"], satuan="%", sempit=5,
                               label={"nama": "Instansi", "capaian": "Rata-rata capaian"}))
    assert _phone_names(r.spec_narrow) == [f"Instansi {i:02d}" for i in (29, 28, 27, 26, 25, 5, 4, 2, 1, 0)]
    assert r.spec_narrow["height"] < 800
    assert r.narrow_note == ("Di layar sempit, grafik ini memuat 10 dari 30 instansi: 5 dengan rata-rata capaian "
                             "tertinggi dan 5 terendah. Nilai semua 30 instansi ada di data grafik di bawah ini.")
    assert [row[0] for row in r.table.rows] == [row["nama"] for row in rows]
    assert {v["x"] for v in r.spec["data"]["values"]} == {row["nama"] for row in rows}  # the wide chart: all
    few = render_chart(c.dataset(cols, rows[:10], x="nama", y=["capaian", "serapan"], sempit=5))
    assert len(_phone_names(few.spec_narrow)) == 10 and few.narrow_note == ""


#: 22 indicator names as long as the Martapura Barat report's (two or three lines each on a phone).
LONG_NAMES = [f"Persentase Jumlah Sub Kegiatan Administrasi Barang Milik Daerah pada Perangkat Daerah nomor {i}"
              for i in range(1, 23)]


def _svg_height(svg_text: str) -> float:
    return float(re.search(r'<svg[^>]*\bheight="([\d.]+)"', svg_text).group(1))


def _font_sizes(svg_text: str) -> set[float]:
    return {float(size) for size in re.findall(r'font-size="([\d.]+)px"', svg_text)}


@pytest.mark.parametrize("kind", ["target_realisasi", "efisiensi"])
def test_a_phone_chart_of_many_long_named_indicators_fits_about_one_screen_and_keeps_every_value(kind: str) -> None:
    """The capaian chart of the Martapura Barat report (22 indicators, names on two or three lines) stood 1 692 px
    tall on a 360 px phone and its efficiency chart 2 005 px: three screens for one chart, no two bars compared at a
    glance. A phone's chart taller than a screen draws each name on one line, cut with "…", over thinner bars: under
    about 1 000 px, every bar and value label still drawn in 12 px text, each name whole in its bar's accessible name,
    the tooltip and the data table; the wide chart is not changed. A chart that fits a screen keeps its names whole."""
    if kind == "target_realisasi":
        spec = c.target_realisasi([{"indikator": name, "target": D(100), "realisasi": D(90 + i % 15),
                                    "capaian": D(90 + i % 15), "predikat": "Berhasil", "warna": BERHASIL}
                                   for i, name in enumerate(LONG_NAMES)])
    else:
        spec = c.efisiensi([{"nama": name, "capaian": D(90 + i % 15), "serapan": D("97.47")}
                            for i, name in enumerate(LONG_NAMES)], tingkat="indikator")
    r = render_chart(spec)
    assert _svg_height(r.svg_narrow) < 1100
    assert _font_sizes(r.svg_narrow) and min(_font_sizes(r.svg_narrow)) >= 12
    n_bars = 22 if kind == "target_realisasi" else 44
    assert len(bars(r.svg_narrow)) == len(bars(r.svg)) == n_bars
    for name in LONG_NAMES:
        assert sum(label.startswith(f"{name};") or f" {name};" in label for label, _ in bars(r.svg_narrow)) \
            == n_bars // 22
    assert [row[0] for row in r.table.rows] == LONG_NAMES
    drawn = re.findall(r'<text[^>]*>(Persentase[^<]*)</text>', r.svg_narrow)
    assert len(drawn) == 22 and all(t.endswith("…") and LONG_NAMES[0].startswith(t[:-1].rstrip()) for t in drawn)
    tooltip_field = "indikator" if kind == "target_realisasi" else "nama"
    bar_layer = next(lyr for lyr in r.spec_narrow["layer"] if lyr.get("mark", {}).get("ariaRoleDescription")
                     == "batang")
    assert any(t["field"] == tooltip_field for t in bar_layer["encoding"]["tooltip"])
    assert r.spec == build(spec)[0]  # the wide chart as planned, whatever the phone does
    few = render_chart(c.ChartSpec(spec.kind, spec.rows[:3], spec.options))  # fits a screen: names whole, wrapped
    assert [name.split()[-1] for name in _phone_names(few.spec_narrow)] == ["1", "2", "3"]
    assert "…" not in few.svg_narrow and _svg_height(few.svg_narrow) < 740


# --------------------------------------------------------------------------------------------------
# Told apart by more than colour (WCAG 1.4.1; the LKjIP is printed on a black-and-white laser printer)
# --------------------------------------------------------------------------------------------------

RENSTRA_COLS = ["program", "2022", "2023", "2024", "2025", "2026"]
RENSTRA_ROWS = [{"program": f"Program {i}", **{str(y): str(1000 * i + y) for y in range(2022, 2027)}}
                for i in (1, 2, 3)]


def pattern_tiles(svg: str) -> dict[str, str]:
    """id → inner markup of every ``<pattern>`` of the SVG."""
    return dict(re.findall(r'<pattern id="([^"]+)"[^>]*>(.*?)</pattern>', svg))


def series_fills(svg: str, role: str = "batang") -> dict[str, set[str]]:
    """The fills of the bars of each series, the series read from the bar's aria-label ("…; 2023: 3.023")."""
    out: dict[str, set[str]] = {}
    for label, fill in bars(svg, role):
        out.setdefault(label.split("; ")[-1].split(":")[0], set()).add(fill)
    return out


@pytest.mark.parametrize("jenis", ["batang_tumpuk", "batang"])
def test_the_bars_of_each_series_differ_by_more_than_colour(jenis: str) -> None:
    """Five years of a Renstra's funding, stacked: in grey print Okabe-Ito blue, green and vermillion were one grey,
    orange and sky blue another, and Gambar 1.1 of the Batu Sopang report read as one grey bar. Each series after the
    first is a pattern over its colour; drawn in one colour for all series, the bars still differ."""
    for warna in (None, "#336699"):
        r = render_chart(c.dataset(RENSTRA_COLS, RENSTRA_ROWS, x="program", y=RENSTRA_COLS[1:], jenis=jenis,
                                   nama="renstra", **({"warna": warna} if warna else {})))
        tiles = pattern_tiles(r.svg)
        for svg in (r.svg, r.svg_narrow):
            per_series = series_fills(svg)
            assert sorted(per_series) == RENSTRA_COLS[1:]
            assert all(len(f) == 1 for f in per_series.values())  # one fill a series, on every bar of it
        drawn = []
        for seri, (fill,) in series_fills(r.svg).items():
            ref = re.match(r"url\(#([^)]+)\) (#[0-9a-fA-F]{6})$", fill)
            if seri == "2022":
                assert ref is None  # the first series stays plain
                drawn.append("polos")
                continue
            assert ref and ref.group(1) in tiles  # the pattern is in this SVG, under this SVG's own id
            drawn.append(re.sub(r'fill="#[0-9a-f]{6}"', "", tiles[ref.group(1)]))  # the tile without its colour
        assert len(set(drawn)) == 5
        # the legend's squares carry the same fills, so a grey square names a grey bar
        legend = re.search(r'role-legend.*', r.svg, re.S)
        assert legend and all(fill in legend.group(0) for (fill,) in series_fills(r.svg).values())


BANJAR = ["Berhasil", "Cukup Berhasil", "Kurang Berhasil", "Tidak Berhasil"]


def _tile(svg: str, fill: str) -> str:
    """The look of a bar's fill without its colour: "polos" for a plain colour, else its pattern's tile."""
    ref = re.match(r"url\(#([^)]+)\) #[0-9a-fA-F]{6}$", fill)
    if ref is None:
        assert re.fullmatch(r"#[0-9a-fA-F]{6}", fill)
        return "polos"
    return re.sub(r'fill="#[0-9a-f]{6}"', "", pattern_tiles(svg)[ref.group(1)])


def test_the_predikat_of_a_capaian_bar_is_told_by_more_than_colour() -> None:
    """The classes of Gambar 3.1 differed by colour alone: in grey print "Sangat Berhasil" and "Berhasil" of the Batu
    Sopang report were one grey, bars and legend squares alike. Each class below the scale's best is a pattern over its
    colour, the pattern of its place in the scale (so one class looks the same in every chart of its scale), and the
    legend lists the classes in the scale's order with the bars' own fills, in the wide and the phone layout."""
    rows = [*CAPAIAN_ROWS[1:], CAPAIAN_ROWS[0]]  # a lower class first: the order of the rows decides nothing
    r = render_chart(c.target_realisasi(rows, kelas=BANJAR))
    for svg in (r.svg, r.svg_narrow):
        fills = {label.split(";")[0]: fill for label, fill in bars(svg)}
        looks = {name: _tile(svg, fill) for name, fill in fills.items()}
        assert looks["Nilai Evaluasi Kinerja"] == "polos"  # Berhasil, the best class
        assert len(set(looks.values())) == 3
        legend = re.search(r'role-legend.*', svg, re.S)
        assert legend and all(fill in legend.group(0) for fill in fills.values())
        shown = texts(legend.group(0))
        assert [t for t in shown if t in BANJAR] == ["Berhasil", "Cukup Berhasil", "Kurang Berhasil"]
    # one class alone in a chart keeps the pattern of its place in the scale
    alone = render_chart(c.target_realisasi(CAPAIAN_ROWS[1:2], kelas=BANJAR)).svg
    ((_, fill),) = bars(alone)
    assert _tile(alone, fill) == _tile(r.svg, dict((lab.split(";")[0], f) for lab, f in bars(r.svg))[
        "Indeks Kepuasan Masyarakat"])
    # a report's chart is given its scale's classes best first, however its author listed them
    report = load_one(REPO, "martapura-barat-2023", Diagnostics())
    assert chart_target_realisasi(report, {}).options["kelas"] == BANJAR
    scale = report.computed.scale  # the built-in scale, shared: a copy, its classes lowest first
    report.computed.scale = dataclasses.replace(scale, classes=scale.classes[::-1])
    assert chart_target_realisasi(report, {}).options["kelas"] == BANJAR


def test_lines_of_one_value_in_a_year_print_that_value_once() -> None:
    """Three indicators at 100 in 2022 printed "100" three times, stacked round one point, and a reader in grey print
    looked for three points: lines that meet at one value have one label there; every point is still drawn."""
    rows = [{"tahun": y, "indikator": n, "nilai": D(v if y == 2022 else v - 7 - 10 * i)}
            for i, (n, v) in enumerate((("Dokumen", 100), ("Layanan", 100), ("Desa", 100), ("IKM", 85)))
            for y in (2021, 2022)]
    r = render_chart(c.tren(rows, satuan="%"))
    for svg in (r.svg, r.svg_narrow):
        labels = [b[1] for b in _label_boxes(svg)]
        assert labels.count("100") == 1, labels
        assert len(bars(svg, "titik")) == 8
    assert sorted(b[1] for b in _label_boxes(r.svg)) == ["100", "48", "73", "83", "85", "93"]


def test_a_trend_of_indicators_in_different_units_says_each_ones_unit() -> None:
    """AKI (per 100.000 kelahiran hidup) and AKB (per 1.000) drawn on one axis titled "Realisasi", without a unit in
    the legend, the tooltips, the text or the data table: 98,2 and 15,2 read as one scale. Each line's unit is said
    wherever it is read, on a phone too (the unit on its own legend line, never cut), and the axis says it has none."""
    rows = [{"tahun": y, "indikator": n, "nilai": D(v), "satuan": u}
            for n, u, values in (("Angka Kematian Ibu", "per 100.000 kelahiran hidup", ("110.1", "98.2")),
                                 ("Angka Kematian Bayi", "per 1.000 kelahiran hidup", ("16.8", "15.2")))
            for y, v in zip((2023, 2024), values)]
    r = render_chart(c.tren(rows))
    for svg, spec in ((r.svg, r.spec), (r.svg_narrow, r.spec_narrow)):
        shown = texts(svg)
        assert "Realisasi (satuan berbeda)" in shown and "Realisasi" not in shown
        assert {"(per 100.000 kelahiran hidup)", "(per 1.000 kelahiran hidup)"} <= set(shown), shown
        assert "Angka Kematian Bayi, 2024: 15,2 per 1.000 kelahiran hidup" in [a for a, _ in bars(svg, "titik")]
        said = json.dumps(spec, ensure_ascii=False)  # the tooltips' "Realisasi" of each point
        assert '"t_nilai": "98,2 per 100.000 kelahiran hidup"' in said
        assert '"t_nilai": "15,2 per 1.000 kelahiran hidup"' in said
    assert "Angka Kematian Bayi (per 1.000 kelahiran hidup): turun dari 16,8 (2023) menjadi 15,2 (2024)" in r.summary
    assert r.table.header == ("Indikator", "Satuan", "2023", "2024")
    assert r.table.rows[1] == ("Angka Kematian Bayi", "per 1.000 kelahiran hidup", "16,8", "15,2")
    assert r.table.numeric == (False, False, True, True)


def test_a_trend_names_a_unit_its_indicators_share_and_none_a_name_already_says() -> None:
    """One unit: the axis names it and nothing else changes (no Satuan column, no unit after each name). Mixed units
    whose names say them (the Pengaron example's "Indeks Kepuasan Masyarakat" in indeks beside "Nilai Evaluasi
    Kinerja Kecamatan" in nilai) keep their legend and text as they were: "… (indeks)" repeats the name."""
    one = render_chart(c.tren([{"tahun": y, "indikator": n, "nilai": D(v), "satuan": "%"}
                               for n, v in (("Cakupan A", 80), ("Cakupan B", 60)) for y in (2023, 2024)]))
    assert "Realisasi (%)" in texts(one.svg) and one.table.header == ("Indikator", "2023", "2024")
    named = render_chart(c.tren([{"tahun": y, "indikator": n, "nilai": D(v), "satuan": u}
                                 for n, u, v in (("Indeks Kepuasan Masyarakat (IKM)", "indeks", 82),
                                                 ("Nilai Evaluasi Kinerja Kecamatan", "nilai", 71))
                                 for y in (2023, 2024)]))
    shown = texts(named.svg)
    assert "Realisasi (satuan berbeda)" in shown and "Indeks Kepuasan Masyarakat (IKM)" in shown
    assert not any(t in shown for t in ("(indeks)", "(nilai)"))
    assert named.summary.startswith("Indeks Kepuasan Masyarakat (IKM): tetap")
    assert named.table.rows[0][:2] == ("Indeks Kepuasan Masyarakat (IKM)", "indeks")


def test_a_line_of_each_series_has_its_own_dash() -> None:
    """Lines told apart by colour alone crossed in grey print: each series' line has a dash of its own (and its points
    a shape of their own, as before)."""
    rows = [{"tahun": y, "indikator": n, "nilai": D(v + y - 2020)} for n, v in (("IKM", 70), ("SAKIP", 60),
                                                                                  ("IKKI", 50)) for y in (2021, 2022)]
    line_specs = [c.tren(rows, satuan="nilai"),
                  c.dataset(["tahun", "a", "b", "c"], [{"tahun": str(y), "a": "1", "b": "2", "c": "3"}
                                                      for y in (2021, 2022)], x="tahun", y=["a", "b", "c"],
                            jenis="garis", nama="x")]
    for spec in line_specs:
        r = render_chart(spec)
        for svg in (r.svg, r.svg_narrow):
            lines = re.findall(r'<g class="mark-line[^>]*><path [^>]*stroke="([^"]+)"[^>]*stroke-dasharray="([^"]+)"',
                               svg)
            assert len(lines) == 3
            assert len({dash for _, dash in lines}) == 3


def _label_boxes(svg: str) -> list[tuple[int, str, float, float, float, float]]:
    """(place in the SVG, text, left, top, right, bottom) of every text a chart's marks draw, from its anchor and
    font: 12 px figures reach 9 px above their baseline and 3 px below it; the width is narrow.text_width's upper
    estimate."""
    boxes = []
    for group in re.finditer(r'<g class="mark-text role-mark.*?</g>', svg, re.S):
        for m in re.finditer(r'<text text-anchor="(\w+)" transform="translate\(([-\d.]+),([-\d.]+)\)"[^>]*>([^<]+)<',
                             group.group(0)):
            anchor, x, y, label = m.group(1), float(m.group(2)), float(m.group(3)), m.group(4)
            w = text_width(label)
            left = x - {"start": 0, "middle": w / 2, "end": w}[anchor]
            boxes.append((group.start() + m.start(), label, left, y - 9, left + w, y + 3))
    return boxes


def _meet(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("kind", ["target_realisasi", "renstra", "efisiensi"])
def test_no_value_label_is_crossed_by_the_target_rule(kind: str) -> None:
    """The dashed 100 % rule ran through the label of every bar just under 100 % ("97,76 % · Cukup Berhasil" in
    Gambar 3.1 of the Martapura Barat report), in the wide and the phone layout alike. Where a label meets the rule, a
    box of the background colour drawn after the rule and before the label covers the rule across the label."""
    spec = {
        "target_realisasi": c.target_realisasi([*CAPAIAN_ROWS, {
            "indikator": "Administrasi Keuangan", "target": D(100), "realisasi": D("97.76"), "capaian": D("97.76"),
            "predikat": "Cukup Berhasil", "warna": CUKUP}]),
        "renstra": c.renstra([{"indikator": f"Indikator {k}", "realisasi": D(k), "target_akhir": D(100),
                               "kemajuan": D(k)} for k in ("99.1", "95", "80", "112")]),
        "efisiensi": c.efisiensi([{"nama": "Program Penunjang", "capaian": D("98.27"), "serapan": D("99.50")}],
                                 metode="rasio"),
    }[kind]
    r = render_chart(spec)
    for svg in (r.svg, r.svg_narrow):
        rules = [(m.start(), float(m.group(1)), float(m.group(2)), float(m.group(2)) + float(m.group(3)))
                 for m in re.finditer(r'<line transform="translate\(([-\d.]+),([-\d.]+)\)" x2="0" y2="([\d.]+)"'
                                      r'[^>]*stroke-dasharray="4,3"', svg)]
        covers = [(m.start(), float(m.group(1)), float(m.group(2)), float(m.group(1)) + float(m.group(3)),
                   float(m.group(2)) + float(m.group(4)))
                  for m in re.finditer(r'<path d="M([-\d.]+),([-\d.]+)h([\d.]+)v([\d.]+)h-[\d.]+Z" fill="#ffffff"/>',
                                       svg)]
        assert rules
        crossed = 0
        for at, label, left, top, right, bottom in _label_boxes(svg):
            for rule_at, x, y0, y1 in rules:
                hit = (max(left, x - 0.75), max(top, y0), min(right, x + 0.75), min(bottom, y1))
                if hit[0] >= hit[2] or hit[1] >= hit[3]:
                    continue
                crossed += 1
                assert any(rule_at < box_at < at and box[0] <= hit[0] and box[1] <= hit[1] and box[2] >= hit[2]
                           and box[3] >= hit[3] for box_at, *box in covers), (label, x)
        assert crossed  # the inputs put the rule across some label


def test_value_labels_of_lines_that_meet_are_kept_apart() -> None:
    """Three or four indicators near one figure in a year: a third label went above again, on the first one ("86,2"
    over "85,4"), a fourth below, on the second. No two labels overlap, none covers a point, and a year's labels read
    top to bottom in the order of their values."""
    rows = [(2021, "Nilai SAKIP", "71.5"), (2022, "Nilai SAKIP", "80.1"), (2023, "Nilai SAKIP", "85.9"),
            (2021, "IKM", "76.2"), (2022, "IKM", "80.3"), (2023, "IKM", "85.4"),
            (2021, "IKKI", "40.0"), (2022, "IKKI", "80.2"), (2023, "IKKI", "85.1"),
            (2021, "Indeks RB", "60"), (2022, "Indeks RB", "62"), (2023, "Indeks RB", "86.2"),
            (2021, "Nilai LHE", "60"), (2022, "Nilai LHE", "62.4"), (2023, "Nilai LHE", "70")]
    r = render_chart(c.tren([{"tahun": y, "indikator": n, "nilai": D(v)} for y, n, v in rows], satuan="nilai"))
    for svg in (r.svg, r.svg_narrow):
        labels = [b for b in _label_boxes(svg) if re.fullmatch(r"[\d.,]+", b[1])]
        assert len(labels) == len({(y, v) for y, _, v in rows}) or svg is r.svg_narrow  # 2021's two 60s: one label
        points = [(float(x), float(y)) for x, y in re.findall(
            r'aria-roledescription="titik" transform="translate\(([-\d.]+),([-\d.]+)\)"', svg)]
        assert len(points) == len(rows)
        for i, (_, a, *box_a) in enumerate(labels):
            for _, b, *box_b in labels[i + 1:]:
                assert not _meet(box_a, box_b), (a, b)
            for x, y in points:
                assert not _meet(box_a, (x - 5, y - 5, x + 5, y + 5)), (a, x, y)
        by_year: dict[float, list[tuple[float, float]]] = {}
        for _, label, left, top, right, _bottom in labels:
            by_year.setdefault(round((left + right) / 2), []).append((top, float(label.replace(",", "."))))
        for column in by_year.values():
            values = [v for _, v in sorted(column)]
            assert values == sorted(values, reverse=True)


# --------------------------------------------------------------------------------------------------
# Determinism and cache
# --------------------------------------------------------------------------------------------------


def test_identical_input_gives_identical_svg_and_page_unique_ids():
    a = render_chart(c.target_realisasi(CAPAIAN_ROWS))
    b = render_chart(c.target_realisasi([dict(r) for r in CAPAIAN_ROWS]))
    assert a.svg == b.svg
    assert a.spec == b.spec
    other = rendered("ikm")
    ids_a = set(re.findall(r'\sid="([^"]+)"', a.svg))
    ids_b = set(re.findall(r'\sid="([^"]+)"', other.svg))
    assert ids_a and ids_b
    assert not ids_a & ids_b  # two charts on one page never share an id
    assert not any(i.startswith("clip") for i in ids_a)
    # every url(#…) reference points to an id in the same SVG
    for ref in re.findall(r"url\(#([^)]+)\)", a.svg):
        assert ref in ids_a


FONTS = Path(__file__).resolve().parents[1] / "themes" / "default" / "static" / "fonts"


@pytest.fixture(scope="module")
def ttf_fonts(tmp_path_factory):
    return truetype_fonts(chart_fonts([FONTS.parent.parent]), tmp_path_factory.mktemp("font-grafik"))


def test_the_chart_fonts_converted_again_are_the_same_bytes(ttf_fonts, tmp_path):
    """A worker gets the converted fonts as bytes and writes them once per machine under a folder named by those
    bytes (``CarriedFolder``). fontTools stamped each conversion with its hour, so every fresh cache (a clean build,
    each test) left another megabyte in the system's temporary folder; the copies keep the font's own date now."""
    for copy in sorted(ttf_fonts.glob("*.ttf")):
        source = TTFont(str(FONTS / (copy.stem + ".woff2")))
        assert TTFont(str(copy))["head"].modified == source["head"].modified, copy.name
    again = truetype_fonts(chart_fonts([FONTS.parent.parent]), tmp_path / "lagi")
    assert {p.name: p.read_bytes() for p in again.iterdir()} == {p.name: p.read_bytes() for p in ttf_fonts.iterdir()}


#: Signs Noto Sans lacks that an author writes in a chart's labels (the theme's symbol font draws them).
SIGNS = "≥≤→←−ΣΔ≈≠"


def test_the_chart_fonts_measure_the_signs_with_the_themes_symbol_font(ttf_fonts):
    """A label's ≥ → − was measured by vl-convert with the first font of the machine that has it (DejaVu Sans here,
    none on a machine without it): the same sources gave a chart a few pixels wider or narrower, another SVG and PDF
    on another machine. The copies vl-convert measures with carry the symbol font's glyphs at its advance widths."""
    symbols = TTFont(str(FONTS / "NotoSansMath-simbol.woff2"))
    widths = {code: symbols["hmtx"][glyph][0] for code, glyph in symbols.getBestCmap().items()}
    copies = sorted(ttf_fonts.glob("*.ttf"))
    assert len(copies) == 3
    for copy in copies:
        face = TTFont(str(copy))
        cmap = face.getBestCmap()
        assert {ch: face["hmtx"][cmap[ord(ch)]][0] if ord(ch) in cmap else None for ch in SIGNS} == {
            ch: widths[ord(ch)] for ch in SIGNS}, copy.name
        assert cmap[ord("A")] == TTFont(str(FONTS / (copy.stem + ".woff2"))).getBestCmap()[ord("A")]


_DRAW_SIGNS = """
import sys
from pathlib import Path
from lkjip_site.elements.charts import svg, style
svg.register_fonts(Path(sys.argv[1]))
spec = {"config": {"font": style.FONT_FAMILY}, "mark": "bar",
        "data": {"values": [{"k": "Capaian ≥ 100% → naik", "v": 3}, {"k": "Selisih −2 (Σ, Δ)", "v": 2}]},
        "encoding": {"y": {"field": "k", "type": "nominal"}, "x": {"field": "v", "type": "quantitative"}}}
sys.stdout.write(svg.render_svg(spec))
"""


def _hidden_fonts_prefix() -> list[str]:
    """A command prefix that runs a program with the machine's font folders hidden (empty tmpfs over each): as
    root with ``unshare``; empty where this machine cannot (the test is skipped)."""
    folders = [f for f in ("/usr/share/fonts", "/usr/local/share/fonts") if os.path.isdir(f)]
    if not folders or shutil.which("unshare") is None or os.geteuid() != 0:
        return []
    mounts = " && ".join(f"mount -t tmpfs none {f}" for f in folders)
    probe = subprocess.run(["unshare", "-m", "sh", "-c", mounts + " && true"], capture_output=True)
    return ["unshare", "-m", "sh", "-c", mounts + ' && exec "$0" "$@"'] if probe.returncode == 0 else []


def test_a_chart_with_signs_is_the_same_without_the_machines_fonts(ttf_fonts):
    """An archivist builds the same sources on a machine without DejaVu: a chart labelled 'Capaian ≥ 100% → naik'
    must be the same SVG, byte for byte."""
    hidden = _hidden_fonts_prefix()
    if not hidden:
        pytest.skip("menyembunyikan fon mesin perlu root dan unshare")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    run = [sys.executable, "-c", _DRAW_SIGNS, str(ttf_fonts)]
    here = subprocess.run(run, check=True, capture_output=True, env=env).stdout
    without = subprocess.run(hidden + run, check=True, capture_output=True, env=env).stdout
    assert here.startswith(b"<svg") and "≥".encode() in here
    assert here == without


def _guide_limits(vl):
    """labelLimit of every axis and legend set on an encoding, by (layer, channel)."""
    return {(i, ch): enc[g]["labelLimit"] for i, layer in enumerate(vl.get("layer", [vl]))
            for ch, enc in layer.get("encoding", {}).items() for g in ("axis", "legend")
            if isinstance(enc, dict) and isinstance(enc.get(g), dict) and "labelLimit" in enc[g]}


def test_rendering_reads_nothing_from_outside_and_prints_no_warning(ttf_fonts):
    """vl-convert 2 keeps its settings per process and forwards Vega-Lite's warnings to ``logging``: the first render
    of a process blocks every URL and path, bounds the JavaScript heap and keeps those warnings (about our own
    layers, e.g. the trend chart's legend) off the author's console."""
    heard: list[logging.LogRecord] = []

    class Ear(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            heard.append(record)

    ear = Ear(level=logging.DEBUG)
    logger = logging.getLogger("vl_convert")
    logger.addHandler(ear)
    try:
        svg.register_fonts(ttf_fonts)
        wide = build(all_specs()["tren"])[0]
        svg.render_svg(wide)
        svg.render_svg(narrow_spec(wide))
    finally:
        logger.removeHandler(ear)
    assert [r.getMessage() for r in heard if r.levelno >= logging.WARNING] == []
    assert vl_convert.get_config()["allowed_base_urls"] == []
    assert vl_convert.get_config()["max_v8_heap_size_mb"] == svg.V8_HEAP_MB  # a chart worker's memory (svg._configure)
    for source in ("https://example.com/data.csv", "/etc/passwd"):
        with pytest.raises(PermissionError, match="VLC_ACCESS_DENIED"):
            svg.render_svg({"data": {"url": source}, "mark": "bar", "encoding": {"x": {"field": "a"}}})


@pytest.mark.parametrize("name", ["target_realisasi", "anggaran_program", "tren", "dataset_batang", "dataset_donat"])
def test_limits_that_cut_no_label_are_lifted_and_the_svg_stays_the_same(name, ttf_fonts):
    """A label under a limit is measured three times; a limit no label reaches is lifted before rendering."""
    svg.register_fonts(ttf_fonts)
    wide = build(all_specs()[name])[0]
    for vl in (wide, narrow_spec(wide)):
        before = json.dumps(vl, sort_keys=True)
        lifted = without_moot_limits(vl, FontBound([ttf_fonts]))
        assert json.dumps(vl, sort_keys=True) == before  # the stored spec keeps its limits
        assert 0 in _guide_limits(lifted).values()
        as_planned = vl_convert.vegalite_to_svg(vl, format_locale=svg.ID_FORMAT_LOCALE,
                                                time_format_locale=svg.ID_TIME_FORMAT_LOCALE)
        assert svg.stabilise_svg(svg.render_svg(vl), "k", "") == svg.stabilise_svg(as_planned, "k", "")


def test_a_label_the_limit_may_cut_keeps_its_limit(ttf_fonts):
    svg.register_fonts(ttf_fonts)
    word = "Penyelenggaraanpemerintahankecamatan" * 2  # one word: never wrapped, about 450 px wide
    vl = build(c.ikm([{"kode": "U1", "nama": word, "nilai": D("3.1")}, {"kode": "U2", "nama": "Biaya",
                                                                          "nilai": D("3.5")}]))[0]
    assert 0 not in _guide_limits(without_moot_limits(vl, FontBound([ttf_fonts]))).values()
    assert any(t.endswith("…") for t in texts(svg.render_svg(vl)))  # cut at the theme's 260 px, as before
    assert FontBound([]).width("a", 12) is None  # no fonts known: nothing is lifted


def test_the_same_fonts_from_many_folders_are_measured_from_one(ttf_fonts, tmp_path, monkeypatch):
    """A long-lived process (``serve``; the test suite) registers the same fonts from many folders: the bounds that
    lift moot limits read one folder per set of fonts, not every folder again (75 ms each, per new folder)."""
    # this process's record of its fonts is restored after the test: the set below must not keep later tests'
    # charts out of this process (svg.fonts_alone); vl-convert keeps copies of the theme's own faces, which draw alike
    monkeypatch.setattr(svg, "_registered_fonts", dict(svg._registered_fonts))
    monkeypatch.setattr(svg, "_font_bound", [])
    faces = sorted(ttf_fonts.iterdir())
    copies = []
    for i in range(3):  # a set of fonts no other test registers: the theme's faces without its italic
        copies.append(tmp_path / f"salinan-{i}")
        copies[-1].mkdir()
        for face in faces:
            if "Italic" not in face.name:
                shutil.copy(face, copies[-1] / face.name)
    fingerprints = [svg.register_fonts(folder) for folder in copies]
    assert len(set(fingerprints)) == 1 and fingerprints[0] != svg.register_fonts(ttf_fonts)

    def read_for_this_set():
        return [f for f in svg._bound_folders() if svg._registered_fonts[str(f)] == fingerprints[0]]

    assert read_for_this_set() == [copies[0].resolve()]
    shutil.rmtree(copies[0])  # a folder gone since (a test's temporary project): another copy is read
    assert read_for_this_set() == [copies[1].resolve()]


def _fill(cache, *specs):
    diags = Diagnostics()
    for i, spec in enumerate(specs):
        cache.want(spec, Directive("grafik", spec.kind, {}, Loc("bab.md", i + 1)))
    cache.fill(diags)
    assert not diags.items
    return [cache.get(spec) for spec in specs]


def test_charts_drawn_in_workers_one_that_cannot_be_is_reported_at_each_block(tmp_path, ttf_fonts, monkeypatch):
    """Six new charts are drawn in worker processes; one that cannot be planned (there) is an error at every block
    that shows it, the others are stored."""
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # workers even on a one-core machine (core/pool's choice)
    cache = ChartCache(chart_memo(tmp_path / "grafik", "write"), ttf_fonts)
    good = []
    for i in range(5):
        rows = [dict(r) for r in IKM_ROWS]
        rows[0]["nilai"] = D("3.0") + D(i) / 10
        good.append(c.ikm(rows))
    bad = c.ikm([IKM_ROWS[0], IKM_ROWS[0]])  # one name twice: the planner refuses it (in the worker)
    wanted = [(good[0], 1), (bad, 2), (good[1], 3), (good[2], 4), (good[3], 5), (bad, 6), (good[4], 7)]
    for spec, line in wanted:
        cache.want(spec, Directive("grafik", "ikm", {}, Loc("bab.md", line)))
    diags = Diagnostics()
    cache.fill(diags)
    assert [(d.line, d.severity) for d in diags.sorted()] == [(2, "error"), (6, "error")]
    assert all("muncul lebih dari sekali" in d.message for d in diags.items)
    assert cache.get(bad) is None
    drawn = [cache.get(spec) for spec in good]
    assert all(r is not None for r in drawn) and len({r.svg for r in drawn}) == 5
    assert len([p for p in (tmp_path / "grafik").rglob("*") if p.is_file()]) == 5
    assert cache.pending == {}


def test_cache_stores_a_new_chart_and_finds_it_again(tmp_path, ttf_fonts):
    cache = ChartCache(chart_memo(tmp_path / "grafik", "write"), ttf_fonts)
    (first,) = _fill(cache, c.ikm(IKM_ROWS))
    assert first is not None
    assert len([p for p in (tmp_path / "grafik").rglob("*") if p.is_file()]) == 1
    # a new process (new cache object) finds it on disk: nothing is pending for the same rows
    again = ChartCache(chart_memo(tmp_path / "grafik", "write"), ttf_fonts)
    again.want(c.ikm([dict(r) for r in IKM_ROWS]), Directive("grafik", "ikm", {}, Loc("bab.md", 1)))
    assert again.pending == {}
    assert again.get(c.ikm(IKM_ROWS)).svg == first.svg
    # a changed value is a new chart with a different picture
    changed = [dict(r) for r in IKM_ROWS]
    changed[0]["nilai"] = D("3.22")
    (third,) = _fill(again, c.ikm(changed))
    assert third.svg != first.svg
    assert len([p for p in (tmp_path / "grafik").rglob("*") if p.is_file()]) == 2


def test_a_chart_whose_stored_copy_went_during_the_build_is_drawn_again(tmp_path, ttf_fonts):
    """Charts are read back from the memo when a page shows them, not held; if the cache folder is cleaned in the
    middle of a build, the page still gets its chart (the same picture), never an empty figure."""
    cache = ChartCache(chart_memo(tmp_path / "grafik", "write"), ttf_fonts)
    (first,) = _fill(cache, c.ikm(IKM_ROWS))
    for stored in [p for p in (tmp_path / "grafik").rglob("*") if p.is_file()]:
        stored.unlink()
    again = cache.get(c.ikm(IKM_ROWS))
    assert again is not None and again.svg == first.svg
    assert [p.name for p in (tmp_path / "grafik").rglob("*") if p.is_file()] == [cache.key(c.ikm(IKM_ROWS))]


def test_cache_prune_removes_charts_no_build_used(tmp_path, ttf_fonts):
    """The build that draws a changed chart removes its earlier drawing (no variant of build uses it any more)."""
    old = [dict(r) for r in IKM_ROWS]
    old[0]["nilai"] = D("3.11")
    first = ChartCache(chart_memo(tmp_path, "write"), ttf_fonts)
    _fill(first, c.ikm(old))
    assert first.memo.prune("pdf") == 0  # (the first build that prunes this folder: pruning begins)
    cache = ChartCache(chart_memo(tmp_path, "write"), ttf_fonts)
    _fill(cache, c.ikm(IKM_ROWS))
    assert cache.memo.prune("pdf", now=time.time() + 2 * SWEEP_MARGIN_S) == 1
    assert [p.name for p in tmp_path.glob("*/??/*")] == [cache.key(c.ikm(IKM_ROWS))]


def test_read_only_cache_never_writes(tmp_path, ttf_fonts):
    cache = ChartCache(chart_memo(tmp_path / "grafik", "read"), ttf_fonts)
    (result,) = _fill(cache, c.ikm(IKM_ROWS))
    assert result is not None
    assert not (tmp_path / "grafik").exists()
    assert cache.memo.prune("pdf") == 0


def test_cache_key_depends_on_vl_convert_version(tmp_path, ttf_fonts, monkeypatch):
    cache = ChartCache(chart_memo(tmp_path, "write"), ttf_fonts)
    k1 = cache.key(c.ikm(IKM_ROWS))
    monkeypatch.setattr(svg.vlc, "__version__", "0.0.0-test", raising=False)
    assert cache.key(c.ikm(IKM_ROWS)) != k1


_OTHER_FONTS_FIRST = """
import hashlib, json, sys
from decimal import Decimal
from pathlib import Path
from fontTools.ttLib import TTFont
from lkjip_site.core.diagnostics import Diagnostics
from lkjip_site.core.model import Loc, PeriodValues
from lkjip_site.elements.charts import spec as c, svg
from lkjip_site.elements.charts.cache import ChartCache, chart_memo
from lkjip_site.markdown.directives import Directive
fonts, wide, cache_dir = (Path(a) for a in sys.argv[1:4])
chart = c.ikm([{**row, "nilai": Decimal(row["nilai"])} for row in json.loads(sys.argv[4])])
sha = lambda text: hashlib.sha256(text.encode()).hexdigest()
if not wide.name:  # a process that knows only the build's fonts: the chart of a clean build
    svg.register_fonts(fonts)
    print(json.dumps({"alone": sha(svg.render_chart(chart).svg)}))
    sys.exit()
wide.mkdir()
for path in sorted(fonts.glob("*.ttf")):  # the same family, every glyph a third wider: another theme's fonts
    font = TTFont(str(path))
    font["hmtx"].metrics = {g: (adv * 4 // 3, lsb) for g, (adv, lsb) in font["hmtx"].metrics.items()}
    font.save(str(wide / path.name))
svg.register_fonts(wide)  # an earlier build of this process
cache = ChartCache(chart_memo(cache_dir, "write"), fonts)  # this build: its fonts registered after
here = sha(svg.render_chart(chart).svg)
cache.want(chart, Directive("grafik", "ikm", {}, Loc("bab.md", 1)))
cache.fill(Diagnostics())
print(json.dumps({"here": here, "build": sha(cache.get(chart).svg)}))
"""


def test_a_chart_drawn_after_other_fonts_were_registered_is_the_chart_of_a_clean_build(tmp_path, ttf_fonts):
    """vl-convert keeps every font folder a process registered, and draws a family's text in the first one: a build
    in a process that registered other fonts of the same family before (``serve`` after the theme's fonts changed;
    the test suite) drew its few new charts in that process, in the other fonts, and its output differed from a
    clean build's. Such a build's charts are drawn by a fresh worker. Each case in a process of its own, so that the
    wider font never reaches this one."""
    rows = json.dumps([{k: str(v) for k, v in r.items()} for r in IKM_ROWS])

    def drawn(wide: str) -> dict[str, str]:
        done = subprocess.run([sys.executable, "-c", _OTHER_FONTS_FIRST, str(ttf_fonts), wide, str(tmp_path / "cache"),
                               rows], capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout.strip().splitlines()[-1])

    alone = drawn("")["alone"]
    after_others = drawn(str(tmp_path / "lebar"))
    assert after_others["here"] != alone  # the other fonts do change a chart drawn where they were registered first
    assert after_others["build"] == alone


def test_cache_key_depends_on_the_fonts(tmp_path, ttf_fonts):
    other = tmp_path / "font-lain"
    shutil.copytree(ttf_fonts, other)
    first = next(other.glob("*.ttf"))
    first.write_bytes(first.read_bytes() + b"\0")
    fingerprint = svg.register_fonts(other)
    assert re.fullmatch(r"[0-9a-f]{16}", fingerprint)
    assert svg.register_fonts(other) == fingerprint  # registered once, memoised
    assert ChartCache(chart_memo(tmp_path, "write"), other).key(c.ikm(IKM_ROWS)) != ChartCache(chart_memo(tmp_path, "write"), ttf_fonts).key(c.ikm(IKM_ROWS))


# --------------------------------------------------------------------------------------------------
# Vega bundle and grafik.js
# --------------------------------------------------------------------------------------------------

KNOWN_URLS = {  # strings inside vega/vega-embed that are never fetched by a chart
    "http://www.w3.org/1999/xlink",
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/2000/xmlns/",
    "https://vega.github.io",  # our licence header
    "https://vega.github.io/editor/",  # the "open in editor" action, disabled (actions: false)
}


@pytest.fixture(scope="module")
def bundle_dir(tmp_path_factory):
    dest = tmp_path_factory.mktemp("aset")
    rel = write_vega_bundle(dest, cache_dir=tmp_path_factory.mktemp("cache"))
    return dest, rel


def test_bundle_written_once_with_hashed_name(bundle_dir):
    dest, rel = bundle_dir
    assert re.fullmatch(r"vega/vega-bundle\.[0-9a-f]{12}\.js", rel)
    path = dest / rel
    mtime = path.stat().st_mtime_ns
    assert write_vega_bundle(dest) == rel  # same content, same name
    assert path.stat().st_mtime_ns == mtime  # not rewritten
    assert len(list((dest / "vega").iterdir())) == 1


def test_bundle_is_local_and_defines_vega_embed(bundle_dir):
    dest, rel = bundle_dir
    source = (dest / rel).read_text(encoding="utf-8")
    assert "window.vegaEmbed=" in source.replace(" ", "")
    for cdn in ("cdn.jsdelivr", "unpkg.com", "cdnjs", "esm.sh", "skypack"):
        assert cdn not in source
    assert not re.search(r"\bimport\s*\(\s*['\"]https?:", source)
    assert not re.search(r"^\s*(import|export)\b", source, re.M)  # a classic script, not a module
    urls = set(re.findall(r"https?://[^\s\"'`)]+", source))
    unknown = {u for u in urls if u not in KNOWN_URLS and not u.startswith(("https://vega.github.io/schema/",
                                                                            "https://github.com/vega/"))}
    assert not unknown


def test_a_first_bundle_prints_nothing_in_the_authors_terminal(tmp_path):
    """vl-convert 2.0's tree shaker logged ``tree-shaker; pass=N`` seven times when a site's bundle was first made;
    with no logging handler (the CLI configures none) Python printed them. Run as the CLI runs: its own process."""
    code = "import sys; from lkjip_site.elements.charts.bundle import write_vega_bundle; write_vega_bundle(sys.argv[1])"
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True)
    assert (done.stdout, done.stderr) == ("", "")
    assert len(list((tmp_path / "vega").iterdir())) == 1  # the bundle was made


@pytest.mark.skipif(shutil.which("node") is None, reason="node tidak tersedia")
def test_bundle_parses_as_classic_script(bundle_dir):
    dest, rel = bundle_dir
    subprocess.run(["node", "--check", str(dest / rel)], check=True, capture_output=True)


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


GRAFIK_JS = Path(__file__).resolve().parents[1] / "themes" / "default" / "static" / "js" / "grafik.js"


def _page(results: list[c.ChartResult], bundle_rel: str) -> str:
    figs = []
    for i, r in enumerate(results, start=1):
        spec = json.dumps(r.spec, ensure_ascii=False).replace("</", "<\\/")
        figs.append(
            f'<figure class="grafik" id="g{i}"><figcaption>Gambar 3.{i} Uji</figcaption>'
            f'<div class="grafik-svg">{r.svg}</div>'
            f'<script type="application/json" class="grafik-spec">{spec}</script>'
            f'<p class="grafik-ringkasan">{r.summary}</p></figure>'
        )
    return (
        '<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Uji grafik</title></head>'
        f'<body><main><h1>Uji</h1>{"".join(figs)}</main>'
        f'<script src="/js/grafik.js" data-vega-bundle="/{bundle_rel}" defer></script></body></html>'
    )


@contextlib.contextmanager
def _served_charts(bundle_dir, tmp_path: Path, kinds: list[str]) -> Iterator[str]:
    """A page of the charts ``kinds`` with grafik.js and the Vega bundle, served on 127.0.0.1: its base URL."""
    dest, rel = bundle_dir
    root = tmp_path / "site"
    shutil.copytree(dest, root)
    (root / "js").mkdir()
    shutil.copy(GRAFIK_JS, root / "js" / "grafik.js")
    (root / "index.html").write_text(_page([rendered(k) for k in kinds], rel), encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a, **k: None  # type: ignore[attr-defined]
    server = PreviewServer(("127.0.0.1", 0), handler)  # a request chromium drops prints no traceback
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.mark.skipif(_chromium() is None, reason="chromium tidak tersedia")
def test_grafik_js_upgrades_offline_without_console_errors(bundle_dir, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    with _served_charts(bundle_dir, tmp_path, ["target_realisasi", "dataset_garis"]) as base:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=_chromium(), args=["--no-sandbox"])
            for js in (False, True):
                context = browser.new_context(java_script_enabled=js)
                page = context.new_page()
                problems: list[str] = []
                external: list[str] = []
                page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
                page.on("pageerror", lambda e: problems.append(str(e)))

                def route(r, external=external):
                    if r.request.url.startswith(base):
                        r.continue_()
                    else:
                        external.append(r.request.url)
                        r.abort()

                page.route("**/*", route)
                page.goto(base + "index.html")
                page.wait_for_load_state("networkidle")
                assert page.locator("figure.grafik .grafik-svg svg").count() == 2
                if js:
                    page.wait_for_selector("figure.grafik.grafik-interaktif >> nth=1", timeout=15000)
                    page.locator("#g1 path[aria-roledescription='batang']").first.hover()
                    tip = page.locator("#vg-tooltip-element")
                    tip.wait_for(state="visible", timeout=5000)
                    assert "84,82" in tip.inner_text()
                    # the tooltip lives inside <main> (all content within landmarks)
                    assert page.locator("main #vg-tooltip-element").count() == 1
                else:
                    assert page.locator("figure.grafik.grafik-interaktif").count() == 0
                assert problems == []
                assert external == []
                context.close()
            browser.close()


@pytest.mark.skipif(_chromium() is None, reason="chromium tidak tersedia")
def test_the_interactive_chart_keeps_the_series_patterns(bundle_dir, tmp_path):
    """The static SVG holds the patterns of a stacked chart's later series; the interactive chart that replaces it names
    them by the spec's names: grafik.js copies them into the page once, so the bars on screen (and in a printed chapter
    page) keep their patterns instead of falling back to colour alone. So do a capaian chart's lower predikat."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with _served_charts(bundle_dir, tmp_path, ["dataset_tumpuk", "dataset_batang", "target_realisasi"]) as base:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=_chromium(), args=["--no-sandbox"])
            page = browser.new_page()
            problems: list[str] = []
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.goto(base + "index.html")
            page.wait_for_selector("figure.grafik.grafik-interaktif >> nth=2", timeout=15000)
            capaian = page.eval_on_selector_all(
                "#g3.grafik-interaktif path[aria-roledescription='batang']", "ps => ps.map(p => p.getAttribute('fill'))")
            assert len(capaian) == 3 and sum(f.startswith("url(") for f in capaian) == 2  # Berhasil plain
            fills = page.eval_on_selector_all(
                "figure.grafik-interaktif path[aria-roledescription='batang']", "ps => ps.map(p => p.getAttribute('fill'))")
            patterned = {f for f in fills if f.startswith("url(")}
            assert patterned and len(patterned) < len(fills)  # the first series plain, the second patterned
            for fill in patterned:
                name = re.match(r"url\(#([^)]+)\)", fill).group(1)
                assert page.eval_on_selector(f"[id='{name}']", "e => e.tagName") == "pattern"
            assert page.locator("pattern[id^='lkjip-pola-']").count() == len(patterned)  # once a page
            assert problems == []
            browser.close()


def test_a_negative_axis_tick_is_written_with_the_minus_the_tables_print():
    """Tables and sentences print a negative value with "-" ("-22,85 %"); the axis ticks Vega invents used d3's
    default "−" (U+2212), so one figure read "-20" in the table under a chart whose axis said "−20", and a search
    for "-20" found one but not the other."""
    rows = [{"tahun": 2022, "indikator": "Pertumbuhan", "nilai": D("-22.85")},
            {"tahun": 2023, "indikator": "Pertumbuhan", "nilai": D("12.5")}]
    shown = texts(render_chart(c.tren(rows, satuan="%")).svg)
    ticks = [t for t in shown if re.fullmatch(r"[-−]\d+(,\d+)?( %)?", t)]
    assert ticks, shown  # the axis runs below zero
    assert all(t.startswith("-") for t in ticks), ticks


def test_a_dataset_bar_without_a_value_is_marked_na_not_left_out():
    """The portal's comparison of a year: an instansi whose average and serapan were both N/A lost its row and its
    name in the wide chart (its band was never made), and a single N/A beside a bar was just a gap. Each is an N/A
    mark where its bar would start, in both layouts; the summary still says it has no value."""
    rows = [{"nama": "Dinas Pendidikan", "capaian": D("103.13"), "serapan": D("95.00")},
            {"nama": "Kecamatan Martapura Barat", "capaian": None, "serapan": None},
            {"nama": "Kecamatan Sukamaju", "capaian": D("87.50"), "serapan": None}]
    r = render_chart(c.dataset(("nama", "capaian", "serapan"), rows, x="nama", y=["capaian", "serapan"],
                               jenis="batang", satuan="%"))
    for svg_text in (r.svg, r.svg_narrow):
        shown = " ".join(texts(svg_text))
        assert "Kecamatan Martapura Barat" in shown, shown
        assert shown.count("N/A") == 3, shown
    assert len(bars(r.svg)) == 3
