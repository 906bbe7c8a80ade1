"""Golden HTML: the ``<main>`` of the fixture report's page and BAB III page, byte for byte.

On an intended change, regenerate with ``.venv/bin/python scripts/regen-golden.py`` and re-check the numbers listed
in ``tests/golden/README.md``. The figures are also asserted below, independently of the golden files, so a
regeneration cannot silently bless a wrong number.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent


def _regen_module():
    spec = importlib.util.spec_from_file_location("regen_golden", REPO / "scripts" / "regen-golden.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    return _regen_module().render_golden()


@pytest.mark.parametrize("name", ["laporan.html", "bab-3.html", "contoh-laporan.html", "contoh-ikhtisar.html",
                                  "contoh-bab-2.html"])
def test_matches_golden(rendered: dict[str, str], name: str) -> None:
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    assert rendered[name] == expected, (
        f"{name} berbeda dari tests/golden/{name}; jika perubahan disengaja jalankan "
        "'.venv/bin/python scripts/regen-golden.py' dan periksa angka di tests/golden/README.md"
    )


def plain(html: str) -> str:
    """The page without the audit's marks (``data-angka``), so a figure reads as the reader sees it."""
    html = re.sub(r'<span data-angka="[^"]*"(?: class="angka-utuh")?>([^<]*)</span>', r"\1", html)
    return re.sub(r' data-angka="[^"]*"', "", html)


# Hand-computed figures (see README.md for the arithmetic), checked on the page without the audit's marks.
REPORT_FIGURES = [
    "<dt>Rata-rata capaian kinerja</dt><dd>98,73 %<span class=\"catatan\">Cukup Berhasil; rerata per sasaran, "
    "lalu antar-sasaran</span>",
    # the set every count counts: the 5 indicators of the PK's sasaran, 3 measured, 2 N/A (IKU4, IKU5)
    "<dt>Jumlah indikator</dt><dd>5<span class=\"catatan\">indikator sasaran Perjanjian Kinerja</span>",
    "<dt>Indikator mencapai target</dt><dd>2 dari 3<span class=\"catatan\">indikator terukur, capaian ≥ 100 %; "
    "2 tidak terukur (N/A)</span>",
    "<dt>Pagu anggaran</dt><dd>Rp 175.000.000<",
    "<dt>Serapan anggaran</dt><dd>92,86 %<",
    "Tabel 3.1 Capaian indikator kinerja tahun 2023</a>",
    "NIP 19700101 199003 1 001",
    "Ditandatangani di Martapura, 31 Januari 2024.",
]
CHAPTER_FIGURES = [
    # IKU1 positive: 84,82 / 73 x 100 = 116,19 % -> Berhasil (>= 100)
    '<td class="angka">73</td><td class="angka">84,82</td><td class="angka">116,19 %</td>',
    "mencapai 116,19 % (Berhasil)",
    # IKU2 negative: (2 x 10 - 12) / 10 x 100 = 80,00 % -> Cukup Berhasil [70, 100)
    '<td class="angka">10</td><td class="angka">12</td><td class="angka">80,00 %</td>'
    '<td class="predikat-sel"><span class="predikat warna-0b5cad">Cukup Berhasil',
    # IKU3 qualitative: A >= B on [D, C, B, A] -> 100,00 %
    '<td class="nilai-mutu">B</td><td class="nilai-mutu">A</td><td class="angka">100,00 %</td>',
    # IKU4 missing value: N/A with its reason, not 0
    "realisasi tidak tersedia: Survei belum dilaksanakan",
    # IKU5 target 0: N/A (division by zero), not 0,00 %
    "target 0: capaian tidak dapat dihitung (pembagian dengan nol)",
    # average over S1 only (S2 has nothing measurable): (116,1918 + 80 + 100) / 3 = 98,73 %; the row names its method
    'Rata-rata capaian kinerja (rerata per sasaran, lalu antar-sasaran)</th><td class="angka">98,73 %</td>',
    # budget: kegiatan 1 = 100 + 50 = 150 juta, realisasi 95 + 47,5 = 142,5 juta, 95,00 %, sisa 7,5 juta
    '<td class="angka">150.000.000</td><td class="angka">142.500.000</td><td class="angka">95,00 %</td>'
    '<td class="angka">7.500.000</td>',
    # kegiatan 2: 20 / 25 = 80,00 %, sisa 5 juta
    '<td class="angka">25.000.000</td><td class="angka">20.000.000</td><td class="angka">80,00 %</td>'
    '<td class="angka">5.000.000</td>',
    # program and total: 162,5 / 175 = 92,857 % -> 92,86 %, sisa 12,5 juta
    '<th scope="row" colspan="2" class="kolom-1">Jumlah</th><td class="angka">175.000.000</td><td class="angka">162.500.000</td>'
    '<td class="angka">92,86 %</td><td class="angka">12.500.000</td>',
    "Pagu Rp 175.000.000, realisasi Rp 162.500.000, serapan 92,86 %,\nsisa Rp 12.500.000",
    '<a class="ref" href="#tabel-anggaran">Tabel 3.2</a>',
]


def test_zero_and_missing_are_not_printed_as_zero_percent(rendered: dict[str, str]) -> None:
    assert not re.search(r"(?<![\d.])0,00 %", rendered["bab-3.html"])


# The example report batu-sopang-2022 (seed 002), checked by hand: IKM 82 / 80 = 102,50 %; Angka Kriminalitas
# (negative) (2 x 20 - 18) / 20 = 110,00 % (the seed printed 111,1 from T/R); usaha baru 20 / 25 = 80,00 % ("Berhasil"
# on the LAN scale [70, 85)); the SAKIP grade has no realisasi and stays out of the mean: (102,5 + 110 + 80) / 3.
EXAMPLE_FIGURES = [
    '<td class="angka">80</td><td class="angka">82</td><td class="angka">102,50 %</td>',
    '<td class="angka">20</td><td class="angka">18</td><td class="angka">110,00 %</td>',
    '<td class="angka">25</td><td class="angka">20</td><td class="angka">80,00 %</td>',
    'Rata-rata capaian kinerja (rerata per sasaran, lalu antar-sasaran)</th><td class="angka">97,50 %</td>',
]


HAND_CHECKED = ([("laporan.html", f) for f in REPORT_FIGURES] + [("bab-3.html", f) for f in CHAPTER_FIGURES]
                + [("contoh-ikhtisar.html", f) for f in EXAMPLE_FIGURES])


@pytest.mark.parametrize(("page", "figure"), HAND_CHECKED)
def test_hand_checked_figures(rendered: dict[str, str], page: str, figure: str) -> None:
    assert figure in plain(rendered[page])


@pytest.mark.parametrize(("page", "mark"), [
    ("laporan.html", '<span data-angka="capaian.rata_rata">98,73 %</span>'),
    ("laporan.html", '<span data-angka="indikator.mencapai_target">2</span> dari '
                     '<span data-angka="indikator.terukur">3</span>'),
    ("bab-3.html", '<td data-angka="capaian.rata_rata" class="angka">98,73 %</td>'),
    ("bab-3.html", 'data-angka="IKU4.capaian" class="angka na">N/A<sup'),
    ("bab-3.html", '<td data-angka="anggaran.serapan" class="angka">92,86 %</td>'),
])
def test_figures_carry_their_ids_for_the_audit(rendered: dict[str, str], page: str, mark: str) -> None:
    assert mark in rendered[page]
