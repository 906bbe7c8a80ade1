"""The search page's instansi filter when two pemdas have an instansi of one name, in a real browser (a phone).

A kabupaten's "Dinas Pendidikan" is released (its pages archived, never built again) while its name is its own; then
the province's "Dinas Pendidikan" is added and the portal built. The filter listed the name once, and choosing it
listed both pemdas' reports. Now each pemda's is an option named with its pemda, found by its report (every page
carries its report's slug: a released page's own metadata cannot say its pemda), and the bare name, an address
bookmarked before the name was shared, is the option of both. About 20 s (a release and a build, without PDFs).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import fill_in

from .support import PHONE, lkjip, open_probe, result_slugs, scaffold_report, served
from .test_axe import AXE_OPTIONS, _describe

SITE_PEMDA = "Pemerintah Kabupaten Banjar"  # the site's pemda (tests/conftest.py fill_in_site)
PROVINCE = "Pemerintah Provinsi Kalimantan Selatan"
#: slug -> (instansi, its pemda: None for the site's)
REPORTS = {"disdik-banjar-2023": ("Dinas Pendidikan", None), "cempaka-2023": ("Kecamatan Cempaka", None),
           "disdik-prov-2023": ("Dinas Pendidikan", PROVINCE)}
WORD = "literasidaerah"  # in every report's first chapter
CHAPTER = "1.0/bab-1-pendahuluan/index.html"
RESULT_TIMEOUT_MS = 20_000
CSP_RECORDER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => { window.__csp.push(e.violatedDirective); });
"""


def _add(root: Path, slug: str) -> None:
    instansi, pemda = REPORTS[slug]
    fill_in(scaffold_report(root, slug, 2023, instansi, f"Program {WORD}.", f"  pemda: {pemda}\n" if pemda else ""))


@pytest.fixture(scope="module")
def namesakes_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cari-senama") / "situs"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1707955200")
        _add(root, "disdik-banjar-2023")
        _add(root, "cempaka-2023")
        lkjip(root, "terbitkan", "disdik-banjar-2023", "--tanpa-pdf")
        released = (root / "build" / "laporan" / "disdik-banjar-2023" / CHAPTER).read_bytes()
        _add(root, "disdik-prov-2023")
        lkjip(root, "build", "--no-pdf")
    assert (root / "build" / "laporan" / "disdik-banjar-2023" / CHAPTER).read_bytes() == released  # never rebuilt
    return root / "build"


@pytest.fixture(scope="module")
def namesakes_url(namesakes_site: Path) -> Iterator[str]:
    with served(namesakes_site) as url:
        yield url


def test_instansi_filter_tells_two_pemdas_namesakes_apart(browser, namesakes_url: str) -> None:  # noqa: ANN001
    context, probe = open_probe(browser, namesakes_url, **PHONE)
    context.add_init_script(CSP_RECORDER)
    page = probe.page
    groups = page.locator(".hasil-grup")

    try:
        probe.goto(f"/cari/?q={WORD}")
        page.wait_for_selector(".hasil-tautan", timeout=RESULT_TIMEOUT_MS)
        expect(groups).to_have_count(3)
        # labelled by the select's <label>, each pemda's namesake an option read with its pemda
        assert page.locator("label[for=cari-instansi]").inner_text() == "Instansi"
        assert page.locator("#cari-instansi option").all_inner_texts() == [
            "Semua instansi", "Dinas Pendidikan (semua pemda)", f"Dinas Pendidikan ({SITE_PEMDA})",
            f"Dinas Pendidikan ({PROVINCE})", "Kecamatan Cempaka"]
        # the released report (its pages say "Dinas Pendidikan" only) is found by its slug
        for pemda, slug in ((SITE_PEMDA, "disdik-banjar-2023"), (PROVINCE, "disdik-prov-2023")):
            page.select_option("#cari-instansi", label=f"Dinas Pendidikan ({pemda})")
            expect(groups).to_have_count(1)
            # waited for first: the group of the filter chosen before also counts one, until the results are redrawn
            expect(groups.locator("h2")).to_contain_text(pemda)  # two reports of one title told apart
            assert result_slugs(groups) == [slug]
            assert parse_qs(urlsplit(page.url).query)["instansi"] == [f"Dinas Pendidikan ({pemda})"]
        # a link bookmarked while the name was the kabupaten's alone: both pemdas' reports, not every instansi's
        probe.goto(f"/cari/?q={WORD}&instansi=Dinas+Pendidikan")
        page.wait_for_selector(".hasil-tautan", timeout=RESULT_TIMEOUT_MS)
        expect(groups).to_have_count(2)
        assert result_slugs(groups) == ["disdik-banjar-2023", "disdik-prov-2023"]
        assert page.locator("#cari-instansi option:checked").inner_text() == "Dinas Pendidikan (semua pemda)"
        # a name no other pemda has keeps its address
        probe.goto(f"/cari/?q={WORD}&instansi=Kecamatan+Cempaka")
        page.wait_for_selector(".hasil-tautan", timeout=RESULT_TIMEOUT_MS)
        expect(groups).to_have_count(1)
        assert result_slugs(groups) == ["cempaka-2023"]
        violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        assert not violations, _describe(page.url, violations)
        assert page.evaluate("window.__csp") == []
        assert probe.problems() == [], probe.problems()
    finally:
        context.close()
