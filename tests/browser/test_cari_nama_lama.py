"""The search page when an instansi was renamed, in a real browser (a phone).

"Dinas Pekerjaan Umum" reported 2022 (released: its pages archived, never built again) and became "Dinas PUPR" in
2024, whose report says so (``instansi.nama_sebelumnya``). A citizen who typed the old name found the old report
only, nothing led to the instansi's current name, and the filter listed the two names as two instansi, each half of
its years. Now a search naming the old name says what it is called now, with a link to its page; the filter has
one option, the current name's with the old one beside it, which lists the reports of both names; and a link
bookmarked with the old name's option filters to the same. About 20 s (a release and a build, without PDFs).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import fill_in

from .support import PHONE, lkjip, open_probe, result_slugs, scaffold_report, served
from .test_axe import AXE_OPTIONS, _describe

#: slug -> (year, instansi)
REPORTS = {"dpu-2022": (2022, "Dinas Pekerjaan Umum"), "dpupr-2024": (2024, "Dinas PUPR"),
           "cempaka-2024": (2024, "Kecamatan Cempaka")}
WORD = "jembatandaerah"  # in every report's first chapter
RESULT_TIMEOUT_MS = 20_000


def _add(root: Path, slug: str, earlier: str = "") -> None:
    year, instansi = REPORTS[slug]
    fill_in(scaffold_report(root, slug, year, instansi, f"Program {WORD}.",
                            f"  nama_sebelumnya: [{earlier}]\n" if earlier else ""))


@pytest.fixture(scope="module")
def renamed_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("cari-nama-lama") / "situs"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1707955200")
        _add(root, "dpu-2022")
        lkjip(root, "terbitkan", "dpu-2022", "--tanpa-pdf")
        _add(root, "dpupr-2024", earlier="Dinas Pekerjaan Umum")
        _add(root, "cempaka-2024")
        lkjip(root, "build", "--no-pdf")
    with served(root / "build") as url:
        yield url


def test_a_search_for_an_old_name_leads_to_the_instansi_under_its_current_name(browser,  # noqa: ANN001
                                                                               renamed_url: str) -> None:
    context, probe = open_probe(browser, renamed_url, **PHONE)
    page = probe.page
    groups = page.locator(".hasil-grup")

    try:
        probe.goto("/cari/?q=pekerjaan+umum")
        note = page.locator(".cari-nama-lama")
        expect(note).to_have_text("Dinas Pekerjaan Umum kini bernama Dinas PUPR: Dinas PUPR dari tahun ke tahun",
                                  timeout=RESULT_TIMEOUT_MS)
        expect(page.locator("#cari-status")).to_contain_text("Dinas Pekerjaan Umum kini bernama Dinas PUPR")
        assert probe.follow(note.locator("a")).endswith("/instansi/dinas-pupr/")
        expect(page.locator("h1")).to_have_text("Kinerja Dinas PUPR dari tahun ke tahun")

        probe.goto(f"/cari/?q={WORD}")
        page.wait_for_selector(".hasil-tautan", timeout=RESULT_TIMEOUT_MS)
        expect(groups).to_have_count(3)
        expect(page.locator(".cari-nama-lama")).to_have_count(0)  # a search of another word: no note
        assert page.locator("#cari-instansi option").all_inner_texts() == [
            "Semua instansi", "Dinas PUPR (dahulu: Dinas Pekerjaan Umum)", "Kecamatan Cempaka"]
        page.select_option("#cari-instansi", label="Dinas PUPR (dahulu: Dinas Pekerjaan Umum)")
        expect(groups).to_have_count(2)
        assert result_slugs(groups) == ["dpu-2022", "dpupr-2024"]
        expect(groups.locator("h2").first).not_to_contain_text("\u2014")  # no pemda added to a name not shared
        # a link bookmarked before the rename: the instansi's reports under both names
        probe.goto(f"/cari/?q={WORD}&instansi=Dinas+Pekerjaan+Umum")
        page.wait_for_selector(".hasil-tautan", timeout=RESULT_TIMEOUT_MS)
        expect(groups).to_have_count(2)
        assert result_slugs(groups) == ["dpu-2022", "dpupr-2024"]
        assert page.locator("#cari-instansi option:checked").inner_text() == (
            "Dinas PUPR (dahulu: Dinas Pekerjaan Umum)")
        violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        assert not violations, _describe(page.url, violations)
        assert probe.problems() == [], probe.problems()
    finally:
        context.close()


def test_a_search_naming_an_instansi_links_its_page_of_every_year(browser,  # noqa: ANN001
                                                                  renamed_url: str) -> None:
    """Searching "pupr" (or "kecamatan cempaka") listed the instansi's reports only, never its page of every year
    (the comparison of its years under both names). A search that names an instansi, by its current name or part
    of it, links that page above the results, once (the old name's note links it already); a word every instansi's
    name has ("kecamatan"), or none has, links none."""
    context, probe = open_probe(browser, renamed_url, **PHONE)
    page = probe.page
    note = page.locator(".cari-halaman-instansi")
    try:
        for query, name, address in (("pupr", "Dinas PUPR", "/instansi/dinas-pupr/"),
                                     ("laporan+dinas+pupr", "Dinas PUPR", "/instansi/dinas-pupr/"),
                                     ("cempa", "Kecamatan Cempaka", "/instansi/kecamatan-cempaka/")):
            probe.goto(f"/cari/?q={query}")
            expect(note).to_have_text(f"Halaman instansi: {name} dari tahun ke tahun", timeout=RESULT_TIMEOUT_MS)
            expect(page.locator("#cari-status")).to_contain_text(f"Halaman instansi {name} dari tahun ke tahun")
            assert note.locator("a").get_attribute("href", timeout=RESULT_TIMEOUT_MS).endswith(address)
        assert probe.follow(note.locator("a")).endswith("/instansi/kecamatan-cempaka/")
        expect(page.locator("h1")).to_have_text("Kinerja Kecamatan Cempaka dari tahun ke tahun")
        probe.goto("/cari/?q=pekerjaan+umum")  # the old name: its note links the page, once
        expect(page.locator(".cari-nama-lama a")).to_have_count(1, timeout=RESULT_TIMEOUT_MS)
        expect(note).to_have_count(0)
        for query in ("kecamatan", WORD):
            probe.goto(f"/cari/?q={query}")
            page.wait_for_selector(".hasil-tautan", timeout=RESULT_TIMEOUT_MS)
            expect(note).to_have_count(0)
        assert probe.problems() == [], probe.problems()
    finally:
        context.close()
