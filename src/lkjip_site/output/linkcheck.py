"""Stage 8, links: every internal link and anchor of the generated site must resolve.

Markdown links are already checked against their sources; this pass also covers what templates generate (chapter
lists, breadcrumbs, downloads, table of contents), so a theme change cannot ship a dead link. It parses HTML with
the standard library's parser (no regular expressions over HTML).
"""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from ..core.diagnostics import Diagnostics

_LINK_ATTRS = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.in_svg = 0
        self.base: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "base" and values.get("href"):
            self.base = values["href"]
        attr = _LINK_ATTRS.get(tag)
        if attr and values.get(attr):
            self.links.append(str(values[attr]))


def _parse(html: bytes) -> _Collector:
    collector = _Collector()
    collector.feed(html.decode("utf-8", errors="replace"))
    collector.close()
    return collector


def _target(page: str, href: str) -> tuple[str, str] | None:
    """(file path in the site, fragment) for an internal link; None for external or special links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "data:", "javascript:")):
        return None
    base = posixpath.dirname(page)
    path = unquote(parts.path)
    if not path:
        return page, parts.fragment
    if path.startswith("/"):
        return None  # root-relative links only appear where a page sets <base> (404.html)
    resolved = posixpath.normpath(posixpath.join(base, path))
    if path.endswith("/") or resolved == ".":
        resolved = posixpath.join("" if resolved == "." else resolved, "index.html")
    return resolved, parts.fragment


def check_links(files: dict[str, bytes], pages: list[str], diags: Diagnostics) -> None:
    """Check the links of ``pages`` (the HTML files rendered in this build) against ``files``."""
    parsed: dict[str, _Collector] = {}

    def ids_of(path: str) -> set[str]:
        if path not in parsed:
            parsed[path] = _parse(files[path])
        return parsed[path].ids

    for page in sorted(p for p in pages if p.endswith(".html")):
        ids_of(page)  # parsed once, whether first met as a page or as a link's target
        collector = parsed[page]
        if collector.base is not None:
            continue
        for href in collector.links:
            found = _target(page, href)
            if found is None:
                continue
            path, fragment = found
            if path not in files:
                diags.error((page, 1), f"tautan '{href}' menuju halaman yang tidak ada di hasil build (periksa templat tema)")
            elif fragment and path.endswith(".html") and fragment not in ids_of(path):
                diags.error((page, 1), f"tautan '{href}' menuju bagian '#{fragment}' yang tidak ada (periksa templat tema)")
