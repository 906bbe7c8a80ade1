"""Helpers shared by the browser tests: selectors, the recording page wrapper, the site map.

Kept out of conftest.py so test modules can import them by a unique name (``from .support import``)
without clashing with any other conftest in the suite.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urldefrag, urljoin, urlsplit

from lkjip_site.cli.main import main
from lkjip_site.cli.scaffold import new_report
from lkjip_site.cli.serve import PreviewServer

if TYPE_CHECKING:  # imported lazily at run time so a missing Playwright gives conftest's clear message
    from playwright.sync_api import Browser, BrowserContext, Locator, Page, Route

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NAV_TIMEOUT_MS = 15_000
#: A phone's browser context (360 CSS px wide, twice as dense, touch), as :func:`open_probe`'s options.
PHONE: dict[str, Any] = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True,
                         "has_touch": True}

#: The scaffold's first sample line of BAB I, which :func:`scaffold_report` replaces with its sentence.
SAMPLE_LINE = "Tuliskan latar belakang penyusunan laporan."


def scaffold_report(root: Path, slug: str, year: int, instansi: str, sentence: str, under_name: str = "") -> Path:
    """A report from ``lkjip new`` whose BAB I says ``sentence`` (what a search test looks for) in place of its
    sample line, with ``under_name`` (``"  pemda: …\n"``, ``"  nama_sebelumnya: […]\n"``) added below its
    instansi's name; returns its folder. The other sample values are left for the test to fill in or not."""
    assert new_report(root, slug, tahun=year, instansi=instansi) == 0
    folder = root / "content" / "laporan" / slug
    chapter = folder / "10-bab-1-pendahuluan.md"
    text = chapter.read_text(encoding="utf-8")
    assert SAMPLE_LINE in text
    chapter.write_text(text.replace(SAMPLE_LINE, sentence), encoding="utf-8")
    if under_name:
        meta = folder / "laporan.yaml"
        text = meta.read_text(encoding="utf-8")
        assert f"  nama: {instansi}\n" in text
        meta.write_text(text.replace(f"  nama: {instansi}\n", f"  nama: {instansi}\n{under_name}"), encoding="utf-8")
    return folder


def result_slugs(results: Locator) -> list[str]:
    """The report slugs the search results in ``results`` (``.hasil-grup``) link to, each once, sorted."""
    links = results.locator(".hasil-tautan").evaluate_all("(links) => links.map((a) => a.getAttribute('href'))")
    return sorted({link.split("/laporan/", 1)[1].split("/", 1)[0] for link in links})


def lkjip(root: Path, *args: str) -> None:
    """``lkjip <args> --situs <root>`` in this process, quietly; fails the test with what it printed on error."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
        code = main([*args, "--situs", str(root)])
    assert code == 0, err.getvalue()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static file handler that knows web-font MIME types and keeps the test output clean."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".woff2": "font/woff2",
        ".woff": "font/woff",
        ".svg": "image/svg+xml",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".webmanifest": "application/manifest+json",
    }

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        """Silence per-request logging; failures are reported by the tests themselves."""


@contextlib.contextmanager
def served(directory: Path, handler: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (free port) in a daemon thread; yields ``http://127.0.0.1:PORT``."""
    # the preview's server: a request chromium drops (a page left while it loads) prints no traceback
    server = PreviewServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="situs-uji", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# Selectors the default theme promises (see themes/default/templates/).
REPORT_LINK = "a.report-link"
CHAPTER_LINK = "a.chapter-link"
NEXT_LINK = "a[rel=next]"
PREV_LINK = "a[rel=prev]"
MAIN = "main#isi"


@dataclass
class PageProbe:
    """A page plus everything it did: requests, blocked foreign requests, errors, bad responses."""

    page: Page
    base_url: str
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    bad_responses: list[str] = field(default_factory=list)

    def is_local(self, url: str) -> bool:
        """True for the test server's own origin and for in-page data/blob URLs (no network)."""
        parts = urlsplit(url)
        if parts.scheme in {"data", "blob", "about"}:
            return True
        return f"{parts.scheme}://{parts.netloc}" == self.base_url

    def foreign_requests(self) -> list[str]:
        """Every recorded request that went (or tried to go) to another host."""
        return [url for url in self.requests if not self.is_local(url)]

    def goto(self, path_or_url: str) -> None:
        """Open a page of the test site and wait until it has loaded; fails on an HTTP error."""
        url = path_or_url if "://" in path_or_url else self.base_url + path_or_url
        response = self.page.goto(url, wait_until="load", timeout=NAV_TIMEOUT_MS)
        assert response is not None, f"tidak ada respons untuk {url}"
        assert response.status == 200, f"{url}: HTTP {response.status}"

    def follow(self, locator: Locator) -> str:
        """Click a link the way a reader would and wait for the new page; returns its URL (no fragment)."""
        with self.page.expect_navigation(wait_until="load", timeout=NAV_TIMEOUT_MS):
            locator.click()
        return urldefrag(self.page.url).url

    def hrefs(self, selector: str) -> list[str]:
        """Absolute, fragment-free hrefs of the matching links, in document order, duplicates removed."""
        raw = self.page.eval_on_selector_all(selector, "els => els.map(e => e.href)")
        seen: dict[str, None] = {}
        for href in raw:
            seen.setdefault(urldefrag(href).url, None)
        return list(seen)

    def ask_for_interactive_charts(self) -> None:
        """Press the button under a chart that loads the interactive charts, as a phone reader does (grafik.js loads
        the Vega bundle by itself only on a wide screen); nothing where the page has no such button."""
        button = self.page.locator("button.grafik-tombol").first
        if button.count():
            button.click()

    def tab_through(self, steps: int, inside: str, problem_js: str) -> tuple[int, list[str]]:
        """Tab, then Shift+Tab, through the page (at most ``steps`` presses each way, until the focus leaves it): how
        often the focus was inside an element matching ``inside``, and what ``problem_js`` (a function of no
        arguments, evaluated after each press) found wrong, each with the key that led there."""
        inside_count, found = 0, []
        for key in ("Tab", "Shift+Tab"):
            for _ in range(steps):
                self.page.keyboard.press(key)
                if self.page.evaluate("document.activeElement === document.body"):
                    break
                inside_count += self.page.evaluate(f"!!document.activeElement.closest({inside!r})")
                problem = self.page.evaluate(problem_js)
                if problem:
                    found.append(f"{key}: {problem}")
        return inside_count, found

    def problems(self) -> list[str]:
        """Human-readable list of everything that should not have happened on this page."""
        lines = [f"permintaan ke host lain: {url}" for url in self.foreign_requests()]
        lines += [f"permintaan diblokir: {url}" for url in self.blocked if url not in self.foreign_requests()]
        lines += [f"galat konsol: {text}" for text in self.console_errors]
        lines += [f"galat JavaScript: {text}" for text in self.page_errors]
        lines += [f"respons gagal: {text}" for text in self.bad_responses]
        return lines


def open_probe(browser: Browser, base_url: str, **context_options: Any) -> tuple[BrowserContext, PageProbe]:
    """Open a fresh context+page whose network is fenced to ``base_url`` and whose events are recorded."""
    context = browser.new_context(service_workers="block", **context_options)
    context.set_default_timeout(NAV_TIMEOUT_MS)
    page = context.new_page()
    probe = PageProbe(page=page, base_url=base_url)

    def on_route(route: Route) -> None:
        url = route.request.url
        if probe.is_local(url):
            route.continue_()
        else:
            probe.blocked.append(url)
            route.abort("blockedbyclient")

    context.route("**/*", on_route)
    page.on("request", lambda request: probe.requests.append(request.url))
    page.on(
        "console",
        lambda message: probe.console_errors.append(f"{message.text} ({message.location.get('url', '')})")
        if message.type == "error"
        else None,
    )
    page.on("pageerror", lambda error: probe.page_errors.append(str(error)))
    page.on(
        "response",
        lambda response: probe.bad_responses.append(f"HTTP {response.status} {response.url}")
        if response.status >= 400
        else None,
    )
    return context, probe


@dataclass(frozen=True)
class ReportPages:
    """One report version's page and its chapter pages, in the order the report page lists them.

    ``landing`` is the version-independent page one level up (``/laporan/<slug>/``, which lists
    every published version), per the URL layout in docs/dev/format-spec.md.
    """

    url: str
    chapters: tuple[str, ...]

    @property
    def landing(self) -> str:
        """URL of the report's landing page (parent folder of the version page)."""
        return urljoin(self.url, "../")


@dataclass(frozen=True)
class SiteMap:
    """What a reader can reach by links: home page, report pages, chapter pages."""

    home: str
    reports: tuple[ReportPages, ...]

    def all_pages(self) -> list[str]:
        """Home, then each report's landing page, its version page and its chapters."""
        pages = [self.home]
        for report in self.reports:
            pages.append(report.landing)
            pages.append(report.url)
            pages.extend(report.chapters)
        return pages
