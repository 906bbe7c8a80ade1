"""Every link, image, stylesheet and script on every reachable page resolves on a real HTTP server.

The build checks its own links; this test checks them again from the outside, the way a
visitor's browser resolves them (relative URLs against the served address, ``<base>``
included), and checks that each ``#fragment`` names an element id on the target page.
Downloads (the PDF, the data files) must answer 200 too. Resources a page *loads* (styles,
scripts, images, fonts) must come from the site itself; a plain ``<a href>`` to another site
is only a hyperlink and is allowed.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from .support import SiteMap

SKIPPED_SCHEMES = {"mailto", "tel", "data", "javascript"}
# <link rel=...> values that make the browser fetch something; other rels (canonical, alternate, license)
# are plain hyperlinks and may point at the public address of the site.
LOADING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload", "manifest", "prefetch"}


@dataclass
class _Page:
    """What one HTML page offers (ids) and refers to: (tag, url) pairs, and its ``<base href>``."""

    ids: set[str] = field(default_factory=set)
    refs: list[tuple[str, str]] = field(default_factory=list)
    base: str | None = None


class _RefParser(HTMLParser):
    """Fills a ``_Page`` from HTML text using only the standard library."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = _Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "link":
            rels = set((dict(attrs).get("rel") or "").lower().split())
            if not rels & LOADING_RELS:
                tag = "a"  # a hyperlink in the head (canonical, alternate, ...), nothing is loaded
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.page.ids.add(value)
            elif tag == "base" and name == "href":
                self.page.base = value
            elif name in {"href", "src"}:
                self.page.refs.append((tag, value))
            elif name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.page.refs.append((tag, candidate.strip().split()[0]))


def _fetch(url: str, method: str = "GET") -> tuple[int, str, str]:
    """Status, content type and (HTML only) text of a URL on the test server; HTTP errors returned."""
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - 127.0.0.1 only
            kind = response.headers.get_content_type()
            text = response.read().decode("utf-8") if kind == "text/html" and method == "GET" else ""
            return response.status, kind, text
    except urllib.error.HTTPError as exc:
        return exc.code, "", ""


def _parse(text: str) -> _Page:
    parser = _RefParser()
    parser.feed(text)
    return parser.page


class _Site:
    """Memoised view of the served site: status of every URL, parsed HTML of every page."""

    def __init__(self) -> None:
        self.status: dict[str, tuple[int, str]] = {}
        self.fetched: dict[str, _Page | None] = {}

    def page(self, url: str) -> _Page | None:
        """Parsed page at ``url`` (fetched once with GET), or None when it is not a 200 HTML page."""
        if url not in self.fetched:
            status, kind, text = _fetch(url)
            self.status[url] = (status, kind)
            self.fetched[url] = _parse(text) if status == 200 and kind == "text/html" else None
        return self.fetched[url]

    def head(self, url: str) -> tuple[int, str]:
        """Status and content type of ``url`` (HEAD, fetched once)."""
        if url not in self.status:
            status, kind, _ = _fetch(url, "HEAD")
            self.status[url] = (status, kind)
        return self.status[url]


def _check_ref(site: _Site, base_url: str, page_url: str, page: _Page, tag: str, ref: str) -> str | None:
    """One problem description for a broken reference, or None when it resolves."""
    if urlsplit(ref).scheme in SKIPPED_SCHEMES:
        return None
    resolved = urljoin(urljoin(page_url, page.base) if page.base else page_url, ref)
    target, fragment = urldefrag(resolved)
    if not target.startswith(base_url + "/"):
        if tag == "a":
            return None  # an ordinary hyperlink to another site; nothing is loaded from it
        return f"{page_url}: <{tag}> memuat sumber dari luar situs: {ref!r}"
    status, kind = site.head(target)
    if status != 200:
        return f"{page_url}: <{tag}> {ref!r} → HTTP {status}"
    if fragment and kind == "text/html":
        target_page = site.page(target)
        if target_page is None or fragment not in target_page.ids:
            return f"{page_url}: <{tag}> {ref!r}: jangkar #{fragment} tidak ada di {target}"
    return None


def test_every_local_reference_resolves(site_map: SiteMap, base_url: str) -> None:
    """No page points at a missing file or anchor, and no page loads anything from another host."""
    site = _Site()
    problems: list[str] = []
    for url in site_map.all_pages() + [base_url + "/404.html"]:
        page = site.page(url)
        if page is None:
            problems.append(f"{url}: HTTP {site.status[url][0]} ({site.status[url][1]})")
            continue
        for tag, ref in page.refs:
            problem = _check_ref(site, base_url, url, page, tag, ref)
            if problem:
                problems.append(problem)
    if problems:
        pytest.fail("Rujukan rusak:\n  " + "\n  ".join(sorted(set(problems))), pytrace=False)
    checked = [u for u, (status, _) in site.status.items() if status == 200]
    assert len(checked) > len(site_map.all_pages()), "tidak ada rujukan yang diperiksa"
