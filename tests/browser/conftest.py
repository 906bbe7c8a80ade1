"""Shared fixtures for the real-browser tests (Playwright + Debian's headless chromium).

Why it is built this way:
- One site build for the whole run, shared by the pytest-xdist workers (the first to need it
  builds it under a file lock, the others wait and take it), and one browser launch for the tests
  of this package (``scope="package"``): building the example reports and launching chromium are
  the slow parts, every test reuses them. The browser has package rather than session scope so
  the Playwright driver is stopped before other test modules run: a second ``sync_playwright()``
  cannot start while one is still running. The site is a folder of files, so it outlives that.
- The site is served by Python's own ``http.server`` on 127.0.0.1 and a free port, so the tests see
  exactly what a web server would serve (relative URLs, directory indexes, MIME types).
- Every request a page makes is recorded, and every request to another host is aborted before it
  leaves the machine: the site promises to load nothing from elsewhere, and a test that merely
  *timed out* on a blocked font would hide that.
- Playwright must never download a browser: it drives ``/usr/bin/chromium`` (Debian package
  ``chromium``, installed by ``scripts/setup.sh``). When it is missing the tests fail loudly
  instead of being skipped, so a green run always means the browser checks ran.

Set ``LKJIP_TEST_SITE_DIR`` to an already built site folder to skip the build (handy while
developing the theme); by default the example content is built with ``lkjip build --output``.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urldefrag

import pytest

from .support import (CHAPTER_LINK, CHROMIUM, CHROMIUM_ARGS, PHONE, REPORT_LINK, PageProbe, ReportPages, SiteMap,
                      open_probe, served)

if TYPE_CHECKING:
    from playwright.sync_api import Browser

REPO_ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT_S = 300

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``browser`` marker so ``-m browser`` / ``-m 'not browser'`` select these tests."""
    config.addinivalue_line("markers", "browser: real-browser test (headless chromium via Playwright)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test under tests/browser/ as ``browser`` without repeating it in each module."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


# --------------------------------------------------------------------------- site build + server


def _build_site(output: Path) -> None:
    """Build the example content into ``output`` with the project's own CLI, failing with its output."""
    command = [
        sys.executable,
        "-c",
        "import sys; from lkjip_site.cli.main import main; sys.exit(main())",
        "build",
        "--output",
        str(output),
    ]
    env = {**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1700000000")}
    proc = subprocess.run(
        command,
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
        check=False,
    )
    if proc.returncode != 0 or not (output / "index.html").is_file():
        pytest.fail(
            "Membangun situs contoh gagal (lkjip build --output ...), "
            f"kode keluar {proc.returncode}.\n--- stdout ---\n{proc.stdout}\n--- stderr ---\n{proc.stderr}",
            pytrace=False,
        )


def _run_folder(factory: pytest.TempPathFactory) -> Path:
    """A folder of this run that every pytest-xdist worker sees (the run's base temp), or this process's own."""
    base = factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site: ``$LKJIP_TEST_SITE_DIR`` if set, else content/ built once for the run (all workers)."""
    preset = os.environ.get("LKJIP_TEST_SITE_DIR")
    if preset:
        path = Path(preset).resolve()
        if not (path / "index.html").is_file():
            pytest.fail(f"LKJIP_TEST_SITE_DIR={preset} tidak berisi index.html", pytrace=False)
        return path
    run = _run_folder(tmp_path_factory)
    output = run / "situs-uji" / "build"
    with (run / "situs-uji.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, also when the build fails
        if not (output / "index.html").is_file():  # a build publishes whole or not at all
            _build_site(output)
    return output


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    """Serve ``site_dir`` on 127.0.0.1 (free port) in a daemon thread; yields ``http://127.0.0.1:PORT``."""
    with served(site_dir) as url:
        yield url


# --------------------------------------------------------------------------- browser


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """One headless Debian chromium for this package's tests; fails (never skips) when it is missing."""
    if not CHROMIUM.is_file() or not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"{CHROMIUM} tidak ditemukan: uji peramban memerlukan paket Debian 'chromium'. "
            "Jalankan `bash scripts/setup.sh` (atau `apt-get install -y chromium`).",
            pytrace=False,
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - depends on the environment
        pytest.fail(f"Playwright tidak terpasang ({exc}); jalankan `bash scripts/setup.sh`.", pytrace=False)
    manager = sync_playwright().start()
    try:
        instance = manager.chromium.launch(
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            chromium_sandbox=False,
        )
    except Exception as exc:
        manager.stop()
        pytest.fail(f"Chromium gagal dijalankan: {exc}", pytrace=False)
    try:
        yield instance
    finally:
        instance.close()
        manager.stop()


@pytest.fixture
def probe(browser: Browser, base_url: str) -> Iterator[PageProbe]:
    """A desktop-sized page (1280×800) on the test site, network fenced, events recorded."""
    context, result = open_probe(browser, base_url, viewport={"width": 1280, "height": 800})
    try:
        yield result
    finally:
        context.close()


@pytest.fixture
def narrow_probe(browser: Browser, base_url: str) -> Iterator[PageProbe]:
    """A phone-sized page (360 CSS px wide) on the test site, network fenced, events recorded."""
    context, result = open_probe(browser, base_url, **PHONE)
    try:
        yield result
    finally:
        context.close()


# --------------------------------------------------------------------------- site map


@pytest.fixture(scope="package")
def site_map(browser: Browser, base_url: str) -> SiteMap:
    """Discover the report and chapter pages by following the theme's links from the home page."""
    context, crawler = open_probe(browser, base_url)
    try:
        crawler.goto("/")
        report_urls = crawler.hrefs(REPORT_LINK)
        assert report_urls, f"beranda tidak memuat tautan laporan ({REPORT_LINK})"
        reports = []
        for url in report_urls:
            crawler.goto(url)
            chapters = crawler.hrefs(CHAPTER_LINK)
            assert chapters, f"{url}: halaman laporan tidak memuat tautan bab ({CHAPTER_LINK})"
            reports.append(ReportPages(url=urldefrag(crawler.page.url).url, chapters=tuple(chapters)))
        return SiteMap(home=base_url + "/", reports=tuple(reports))
    finally:
        context.close()

