"""An old version learns that a newer one exists, without its bytes changing (issue 11), in a real browser.

The scaffold report is released as 1.0, its realisasi corrected and released as 1.1 (no PDFs: about 5 s). The built
site is served below a sub-path (``/portal/``) with a Content-Security-Policy that allows only the site's own scripts
and requests, the way issue 13 will publish it, so the notice script must work from any depth, under any base path,
as an external file. About 10 s in all.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import fill_in

from lkjip_site.cli.scaffold import new_report

from .support import PHONE, QuietHandler, lkjip, open_probe, served
from .test_axe import AXE_OPTIONS, _describe

SLUG = "contoh-2023"
CSP = "default-src 'self'; script-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("versi") / "situs"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1707955200")
        assert new_report(root, SLUG) == 0
        fill_in(root / "content" / "laporan" / SLUG)  # terbitkan refuses the scaffold's sample values
        lkjip(root, "terbitkan", SLUG, "--tanpa-pdf")
        meta = root / "content" / "laporan" / SLUG / "laporan.yaml"
        meta.write_text(meta.read_text(encoding="utf-8").replace('versi: "1.0"', 'versi: "1.1"'), encoding="utf-8")
        data = root / "content" / "laporan" / SLUG / "data" / "indikator.yaml"
        text = data.read_text(encoding="utf-8")
        data.write_text(text.replace("2023: 82.5", "2023: 78.5"), encoding="utf-8")
        assert data.read_text(encoding="utf-8") != text
        lkjip(root, "terbitkan", SLUG, "--tanpa-pdf")
    return root


class _Handler(QuietHandler):
    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", CSP)
        super().end_headers()


@pytest.fixture(scope="module")
def portal(two_versions: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The build served at ``http://127.0.0.1:PORT/portal/`` (the site does not know its base path)."""
    top = tmp_path_factory.mktemp("web")
    (top / "portal").symlink_to(two_versions / "build", target_is_directory=True)
    with served(top, _Handler) as url:
        yield url


@pytest.mark.parametrize("path", [f"/portal/laporan/{SLUG}/1.0/", f"/portal/laporan/{SLUG}/1.0/bab-4-penutup/"])
def test_old_version_shows_a_notice_that_links_the_newest_version(browser, portal: str, path: str) -> None:  # noqa: ANN001
    context, probe = open_probe(browser, portal)
    try:
        probe.goto(path)
        notice = probe.page.locator(".versi-baru")
        notice.wait_for(state="visible")
        assert "Anda membaca versi 1.0. Sudah terbit versi yang lebih baru: versi 1.1" in notice.inner_text()
        links = notice.locator("a")
        assert links.count() == 2
        newest = links.nth(0).get_attribute("href")
        changes = links.nth(1).get_attribute("href")
        assert newest == f"{portal}/portal/laporan/{SLUG}/1.1/"
        assert changes == f"{portal}/portal/laporan/{SLUG}/1.1/perubahan/"
        probe.follow(links.nth(1))
        assert probe.page.locator("h1").inner_text() == "Perubahan dari versi 1.0"
        assert "78,5" in probe.page.locator("main").inner_text()
        assert probe.problems() == []  # no CSP violation, no failed request, no script error
    finally:
        context.close()


def test_newest_version_shows_no_notice(browser, portal: str) -> None:  # noqa: ANN001
    context, probe = open_probe(browser, portal)
    try:
        probe.goto(f"/portal/laporan/{SLUG}/1.1/")
        probe.page.wait_for_load_state("networkidle")
        assert any(url.endswith("/versi.json") for url in probe.requests)  # the script did ask
        assert probe.page.locator(".versi-baru").count() == 0
        assert probe.problems() == []
    finally:
        context.close()


def test_version_pages_pass_axe(browser, portal: str) -> None:  # noqa: ANN001
    """The landing page with two versions, the change page and an old page showing the notice: WCAG 2.1 A/AA."""
    axe = Axe()
    context, probe = open_probe(browser, portal)
    try:
        reports = []
        for path in (f"/portal/laporan/{SLUG}/", f"/portal/laporan/{SLUG}/1.1/perubahan/",
                     f"/portal/laporan/{SLUG}/1.0/"):
            probe.goto(path)
            if path.endswith("1.0/"):
                probe.page.locator(".versi-baru").wait_for(state="visible")
            violations = axe.run(probe.page, options=AXE_OPTIONS).response["violations"]
            if violations:
                reports.append(_describe(path, violations))
        assert reports == [], "\n".join(reports)
    finally:
        context.close()


def _links_by_name(snapshot: str) -> dict[str, set[str]]:
    """Accessible name of each link in a Playwright ARIA snapshot -> the addresses links of that name lead to."""
    out: dict[str, set[str]] = {}
    name = None
    for line in snapshot.splitlines():
        found = re.match(r'\s*- link "(.*)"', line)
        if found:
            name = found.group(1)
            continue
        url = re.match(r"\s*- /url: (.*)", line)
        if url and name is not None:
            out.setdefault(name, set()).add(url.group(1))
        name = None
    return out


def test_links_of_the_version_list_say_which_version_they_lead_to(browser, portal: str) -> None:  # noqa: ANN001
    """A screen reader's list of links read "1.1", "1.0", "Paket arsip BagIt" twice and "Perubahan dari versi
    sebelumnya": which version's archive? Each link's name now says its version (the text seen is unchanged)."""
    context, probe = open_probe(browser, portal, viewport={"width": 360, "height": 640})
    try:
        probe.goto(f"/portal/laporan/{SLUG}/")
        links = _links_by_name(probe.page.locator("main").aria_snapshot())
        ambiguous = {name: urls for name, urls in links.items() if len(urls) > 1}
        assert ambiguous == {}, ambiguous
        for versi in ("1.0", "1.1"):
            assert f"Versi {versi}" in links and f"Paket arsip BagIt versi {versi}" in links, sorted(links)
        assert links["Perubahan dari versi sebelumnya ke versi 1.1"] == {"1.1/perubahan/"}, sorted(links)
        assert probe.page.evaluate("document.documentElement.scrollWidth") <= 360  # the hidden words stay in the table
    finally:
        context.close()


def test_archive_hash_in_the_version_list_has_16_characters_a_line(browser, portal: str) -> None:  # noqa: ANN001
    """On a phone the SHA-256 of each version's archive is read in lines of 16 characters at least (4 lines): its
    column shrank to five characters, 13 lines, and each row of the list was 570 px tall, mostly empty."""
    context, probe = open_probe(browser, portal, **PHONE)
    try:
        probe.goto(f"/portal/laporan/{SLUG}/")
        lines = probe.page.locator("td .sha256").evaluate_all(
            "(hashes) => hashes.map((h) => Math.round(h.getBoundingClientRect().height"
            " / parseFloat(getComputedStyle(h).lineHeight)))")
        assert len(lines) == 2 and max(lines) <= 4, f"sidik SHA-256 terlipat menjadi {lines} baris"
    finally:
        context.close()


def test_newest_badge_in_the_version_list_is_beside_its_version(browser, portal: str) -> None:  # noqa: ANN001
    """The "terbaru" badge stands on its version's line: the column was narrower than "1.1 terbaru", and the badge
    wrapped below the version, set in by its margin, on a desktop as on a phone."""
    context, probe = open_probe(browser, portal, viewport={"width": 1280, "height": 800})
    try:
        probe.goto(f"/portal/laporan/{SLUG}/")
        row = probe.page.locator("th:has(.tanda-terbaru)")
        link, badge = row.locator("a").bounding_box(), row.locator(".tanda-terbaru").bounding_box()
        assert badge["x"] > link["x"] + link["width"] and badge["y"] < link["y"] + link["height"], (link, badge)
    finally:
        context.close()


def test_each_version_of_a_page_has_its_own_title(browser, portal: str) -> None:  # noqa: ANN001
    """Versions 1.0 and 1.1 of a report page (and of a chapter) had the same title: in a tab, the browser's history or
    the first words a screen reader says of a page, an old version could not be told from the newest."""
    context, probe = open_probe(browser, portal)
    try:
        titles = {}
        for page in ("", "bab-4-penutup/"):
            for versi in ("1.0", "1.1"):
                probe.goto(f"/portal/laporan/{SLUG}/{versi}/{page}")
                titles[versi, page] = probe.page.title()
                assert titles[versi, page].endswith(f"versi {versi}"), titles[versi, page]
        assert len(set(titles.values())) == len(titles), titles
    finally:
        context.close()


def test_a_version_opened_from_disk_links_its_pages_and_says_what_it_cannot_check(browser, two_versions: Path,  # noqa: ANN001
                                                                                   tmp_path: Path) -> None:
    """The folder of a version handed to an archives office, opened from disk (file://): a link to a chapter
    ("bab-1/") showed the folder's file list, a link to the portal (home, search, comparison) found no file, and the
    newer-version notice failed silently (fetch is refused from disk). Links within the version now open their
    page, links out of it the portal's web address, and a note says what cannot be checked from there. Inside a copy
    of the whole portal, links out of the version stay on disk."""
    handed = tmp_path / "Serahan LKjIP"
    shutil.copytree(two_versions / "arsip" / SLUG / "1.0", handed)
    context = browser.new_context(service_workers="block")
    context.route("http*://**", lambda route: route.abort())  # nothing leaves the machine
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto((handed / "situs" / "index.html").as_uri())
        note = page.locator(".dari-disk")
        note.wait_for(state="visible")
        assert note.inner_text().startswith("Anda membaca versi 1.0 dari salinan di disk; dari sini tidak dapat "
                                            "diperiksa apakah sudah terbit versi yang lebih baru.")
        assert note.locator("a").get_attribute("href") == f"https://lkjip.banjarkab.go.id/laporan/{SLUG}/"
        home = page.locator("header a").first.get_attribute("href")
        assert home == "https://lkjip.banjarkab.go.id/", home
        chapter = page.locator("a", has_text="BAB IV").first
        assert chapter.get_attribute("href") == (handed / "situs" / "bab-4-penutup" / "index.html").as_uri()
        chapter.click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "BAB IV Penutup"
        page.locator(".dari-disk").wait_for(state="visible")
        assert errors == []

        page.goto((two_versions / "build" / "laporan" / SLUG / "1.0" / "index.html").as_uri())
        page.locator(".dari-disk").wait_for(state="visible")
        assert page.locator("header a").first.get_attribute("href") == (two_versions / "build" / "index.html").as_uri()
        assert page.locator(".dari-disk a").get_attribute("href") == \
            (two_versions / "build" / "laporan" / SLUG / "index.html").as_uri()
        assert errors == []
    finally:
        context.close()


def test_a_version_opened_from_disk_without_javascript_reads_every_page_from_its_page_list(
        browser, two_versions: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """The same folder in a browser whose JavaScript is off (an archives office's locked-down reading station):
    ``versi.js`` cannot point a chapter link ("bab-4-penutup/") at its index.html, and Chromium showed an empty
    "Index of" page there, so the README's advice to click index.html in the folder's list could not be followed.
    The release adds ``daftar-halaman.html``, which the README names: every page linked to its file, no script.
    Over the web the chapter links keep their clean addresses."""
    handed = tmp_path / "Serahan LKjIP"
    shutil.copytree(two_versions / "arsip" / SLUG / "1.1", handed)
    readme = (handed / "BACA-SAYA.txt").read_text(encoding="utf-8")
    assert "buka situs/daftar-halaman.html" in readme
    context = browser.new_context(java_script_enabled=False, service_workers="block")
    context.route("http*://**", lambda route: route.abort())
    try:
        page = context.new_page()
        page.goto((handed / "situs" / "index.html").as_uri())
        assert page.locator("a", has_text="BAB IV").first.get_attribute("href") == "bab-4-penutup/"
        page.goto((handed / "situs" / "daftar-halaman.html").as_uri())
        for name, heading in (("BAB IV Penutup", "BAB IV Penutup"), ("Perubahan dari versi sebelumnya",
                                                                     "Perubahan dari versi 1.0"),
                              ("Halaman utama laporan", None)):
            page.get_by_role("link", name=name, exact=True).click()
            page.wait_for_load_state()
            assert page.url.endswith("/index.html"), page.url
            if heading:
                assert page.locator("h1").inner_text() == heading
            page.go_back()
        assert page.get_by_role("link", name="Data terbuka: laporan.json").get_attribute("href") == \
            "data-terbuka/laporan.json"
    finally:
        context.close()
