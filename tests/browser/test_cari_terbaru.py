"""A search for a kecamatan's name lists its newest report first, in a real browser (a phone).

A kecamatan publishes a report every year; its reports are nearly alike, and Pagefind ranks them apart by small
differences of their text. On a portal of 160 reports (40 kecamatan, four years) "tebing tabuk" listed the 2022
report, then 2023, the 2024 one below both: a citizen looking for their kecamatan's latest report met an old one first.
Here the 2022 report names its kecamatan more often than the later ones, and another kecamatan's report names it too:
Pagefind's order was Anggrek 2024, Bakung 2024, Anggrek 2022, Anggrek 2023. The search must list a kecamatan's reports
together, the newest year first, where its best-ranked report stood. About 15 s (one build without PDFs).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .support import PHONE, lkjip, open_probe, scaffold_report, served

WORD = "anggrek"
#: slug -> (year, instansi, the sentence the first chapter gets): the oldest report names the kecamatan most
REPORTS = {
    "kecamatan-anggrek-2022": (2022, "Kecamatan Anggrek", " ".join(["Warga Anggrek menanam anggrek."] * 8)),
    "kecamatan-anggrek-2023": (2023, "Kecamatan Anggrek", "Program desa."),
    "kecamatan-anggrek-2024": (2024, "Kecamatan Anggrek", "Program desa."),
    "kecamatan-bakung-2024": (2024, "Kecamatan Bakung", "Pameran anggrek di Bakung. Kebun anggrek warga."),
}
RESULT_TIMEOUT_MS = 20_000


@pytest.fixture(scope="module")
def years_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cari-terbaru") / "situs"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1707955200")
        for slug, (year, instansi, sentence) in REPORTS.items():
            scaffold_report(root, slug, year, instansi, sentence)
        lkjip(root, "build", "--no-pdf")
    return root / "build"


@pytest.fixture(scope="module")
def years_url(years_site: Path) -> Iterator[str]:
    with served(years_site) as url:
        yield url


def test_a_kecamatans_reports_are_listed_newest_year_first(browser, years_url: str) -> None:  # noqa: ANN001
    context, probe = open_probe(browser, years_url, **PHONE)
    try:
        probe.goto(f"/cari/?q={WORD}")
        groups = probe.page.locator(".hasil-grup")
        expect(groups).to_have_count(len(REPORTS), timeout=RESULT_TIMEOUT_MS)
        order = groups.evaluate_all(
            "(gs) => gs.map((g) => g.querySelector('.hasil-tautan').getAttribute('href').split('/laporan/')[1]"
            ".split('/')[0])")
        anggrek = [slug for slug in order if "anggrek" in slug]
        assert anggrek == ["kecamatan-anggrek-2024", "kecamatan-anggrek-2023", "kecamatan-anggrek-2022"], order
        first = order.index(anggrek[0])
        assert order[first:first + 3] == anggrek, f"laporan satu kecamatan terpisah: {order}"
        headings = groups.locator("h2").all_inner_texts()
        assert "Tahun 2024" in headings[first], headings  # the heading a reader hears says the year
        assert probe.problems() == [], probe.problems()
    finally:
        context.close()
