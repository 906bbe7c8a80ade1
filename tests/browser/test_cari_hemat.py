"""A search reads only the results it shows, in a real browser.

Each result Pagefind returns costs one request (its fragment) when it is read. ``cari.js`` read the first 400 at once
to show 40: on a province portal of 160 reports "peraturan desa" made 400 requests and fetched 1,4 MB, 16 s on a
phone's network. Here six reports of one year, so a word every page holds finds more pages than the 40 shown: the
search must read no more fragments than it shows, still say how many pages were found, and with a filter still list
only the pages it allows. About 20 s (one build without PDFs).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from lkjip_site.cli.scaffold import new_report

from .support import PHONE, lkjip, open_probe, served

#: slug -> instansi; six scaffold reports of 2024 hold more pages than the 40 results a search shows
REPORTS = {f"kecamatan-{name.lower()}-2024": f"Kecamatan {name}"
           for name in ("Anggrek", "Bakung", "Cempaka", "Dahlia", "Flamboyan", "Kenanga")}
SHOWN = 40  # cari.js MAX_RESULTS
WORD = "kecamatan"  # in every page's text (the report's title)
RESULT_TIMEOUT_MS = 20_000


@pytest.fixture(scope="module")
def many_pages_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cari-hemat") / "situs"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1707955200")
        for slug, instansi in REPORTS.items():
            assert new_report(root, slug, tahun=2024, instansi=instansi) == 0
        lkjip(root, "build", "--no-pdf")
    return root / "build"


@pytest.fixture(scope="module")
def many_pages_url(many_pages_site: Path) -> Iterator[str]:
    with served(many_pages_site) as url:
        yield url


def _fragments(requests: list[str]) -> list[str]:
    return [url for url in requests if "/pagefind/" in url and "/fragment/" in url]


def test_a_search_reads_only_the_results_it_shows(browser, many_pages_url: str) -> None:  # noqa: ANN001
    context, probe = open_probe(browser, many_pages_url, **PHONE)
    try:
        probe.goto(f"/cari/?q={WORD}")
        links = probe.page.locator(".hasil-tautan")
        expect(links).to_have_count(SHOWN, timeout=RESULT_TIMEOUT_MS)
        probe.page.wait_for_timeout(500)  # any read still under way has finished
        status = probe.page.inner_text("#cari-status")
        found = re.match(r"(\d+) halaman ditemukan", status)
        assert found and int(found.group(1)) > SHOWN, status  # else the site no longer has more pages than shown
        assert f"ditampilkan {SHOWN} teratas" in status, status
        fragments = _fragments(probe.requests)
        assert len(fragments) <= SHOWN, f"{len(fragments)} fragmen dibaca untuk {SHOWN} hasil yang ditampilkan"
        assert probe.problems() == [], probe.problems()
    finally:
        context.close()


def test_a_filtered_search_lists_only_what_the_filter_allows(browser, many_pages_url: str) -> None:  # noqa: ANN001
    context, probe = open_probe(browser, many_pages_url)
    try:
        probe.goto(f"/cari/?q={WORD}&instansi=Kecamatan%20Dahlia")
        groups = probe.page.locator(".hasil-grup h2")
        expect(groups).to_have_count(1, timeout=RESULT_TIMEOUT_MS)
        expect(groups.first).to_contain_text("Dahlia")
        status = probe.page.inner_text("#cari-status")
        shown = probe.page.locator(".hasil-tautan").count()
        assert re.match(rf"{shown} halaman ditemukan", status), status  # every result read: the count is exact
        assert probe.problems() == [], probe.problems()
    finally:
        context.close()
