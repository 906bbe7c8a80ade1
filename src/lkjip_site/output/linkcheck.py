"""Stage 8, links: every internal link and anchor of the generated site must resolve.

Markdown links are already checked against their sources; this pass also covers what templates generate (chapter
lists, breadcrumbs, downloads, table of contents), so a theme change cannot ship a dead link. It parses HTML with
libxml2's HTML parser through lxml (no regular expressions over HTML): the standard library's ``html.parser``, in
Python, took a third of a full build with cached charts (6,4 s of 20 s for 1 228 pages); libxml2 parses the same
pages four to five times as fast and finds the same ids and links (compared on the benchmark's 1 228 pages).

A page rendered around a chapter's body (``SiteFiles.bodies``) is parsed in three parts: what lies before the body
and after it, and the body, whose ids and links are kept under the body's hash (``ContentHashes.part``). A change
every page shows around its chapter (the portal's title) then parses the pages' few kilobytes around the bodies, not
the bodies again (the stage 1,1–1,4 → 0,4–0,7 s at N = 100).

A page is parsed without its inline charts (``inline.without_charts``), those that link nowhere: close to half of a
kabupaten archive's bytes, every shape parsed for no link (the stage 1,4 → 0,75 s at N = 100). Their ids (the
shapes') are looked for only when a link's section is not found without them: the page is then parsed whole.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from lxml import etree

from ..core.diagnostics import Diagnostics
from ..core.files import bodies_of, held
from ..core.markup import APART, fragment_ids
from ..core.memo import ContentHashes, digest
from .inline import without_charts
from .parts import readable_part

#: The attributes that load or link to another file, per element (as a browser follows them).
_LINKS = "//a/@href | //link/@href | //img/@src | //script/@src | //source/@src"
#: The ids a link can reach: not those inside an element a browser reads apart (``markup.APART``), which libxml2
#: reads as elements of the page.
_IDS = "//@id[not(" + " or ".join(f"ancestor::{name}" for name in sorted(APART)) + ")]"
#: A chart holding one of these is parsed with its page: it may link somewhere (``_LINKS``' attributes).
_LINKING = (b"href", b"src")


@dataclass(frozen=True)
class _Page:
    """What the check needs of one page: plain strings only, so the parsed tree is freed at once."""

    ids: frozenset[str]
    links: tuple[str, ...]  # in document order
    base: str | None  # <base href>: the page's links are root-relative (404.html)

    def dumps(self) -> str:
        return json.dumps([sorted(self.ids), self.links, self.base], ensure_ascii=False, separators=(",", ":"))

    @staticmethod
    def loads(text: str) -> _Page:
        ids, links, base = json.loads(text)
        return _Page(frozenset(ids), tuple(links), base)

    def around(self, body: _Page, after: _Page) -> _Page:
        """The page whose parts are this one (before its body), ``body`` and ``after``."""
        return _Page(self.ids | body.ids | after.ids, self.links + body.links + after.links,
                     self.base or body.base or after.base)


class _Reader:
    """One libxml2 parser and compiled queries per check (lxml's parsers are not shared across threads)."""

    def __init__(self) -> None:
        self.parser = etree.HTMLParser(encoding="utf-8", recover=True, no_network=True, huge_tree=True)
        self.ids = etree.XPath(_IDS)
        self.links = etree.XPath(_LINKS)
        self.base = etree.XPath("//base/@href")

    def page(self, html: bytes) -> _Page:
        try:
            root = etree.fromstring(html, self.parser)
        except etree.LxmlError:
            root = None
        if root is None:  # an empty page: nothing to link from or to
            return _Page(frozenset(), (), None)
        base = [str(b) for b in self.base(root) if b]
        return _Page(frozenset(str(i) for i in self.ids(root) if i), tuple(str(h) for h in self.links(root) if h),
                     base[0] if base else None)


def link_target(page: str, href: str) -> tuple[str, str] | None:
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


def page_links(html: bytes) -> list[tuple[int, str]]:
    """(line, href) of every ``<a href>`` of a page, in document order, read as :func:`check_links` reads pages.

    Why: a released page is never rendered again, so its links are not checked by a build; where one names what the
    archive must still hold (a change page's link to the version it compares), the line is where to look."""
    reader = _Reader()
    try:
        root = etree.fromstring(html, reader.parser)
    except etree.LxmlError:
        root = None
    if root is None:
        return []
    return [(a.sourceline or 1, str(a.get("href"))) for a in root.iter("a") if a.get("href")]


#: The name of a body's ids and links among its facts (``ContentHashes.part_fact``): what they depend on, the
#: parser's versions included.
_BODY_FACT = "tautan " + digest(_LINKS, _IDS, _LINKING, etree.LXML_VERSION, etree.LIBXML_VERSION, "3")[:16]


def check_links(files: Mapping[str, bytes], pages: list[str], diags: Diagnostics,
                facts: ContentHashes | None = None) -> None:
    """Check the links of ``pages`` (the HTML files rendered in this build) against ``files``; ``facts``: the
    build's, where the ids and links of the chapters' bodies are kept (none: every page parsed whole). A page is
    read in parts where it was rendered around a body, in this build or when the memo's copy was made
    (``ContentHashes.body_span``), as the audit and the search index read it."""
    reader = _Reader()
    parsed: dict[str, _Page] = {}
    whole: dict[str, frozenset[str]] = {}
    bodies = bodies_of(files)

    def parse(path: str) -> _Page:  # once, whether first met as a page or as a link's target
        if path not in parsed:
            data = files[path]
            kept = held(files, path)
            span = facts.body_span(path, kept, bodies) if facts is not None else None
            part = readable_part(facts, kept, data, span) if facts is not None and span is not None else None
            if facts is None or span is None or part is None:
                parsed[path] = reader.page(without_charts(data, unless=_LINKING))
            else:
                start, end = span
                body = facts.part_fact(part, _BODY_FACT,
                                       lambda: reader.page(without_charts(data[start:end], unless=_LINKING)).dumps())
                parsed[path] = reader.page(without_charts(data[:start], unless=_LINKING)).around(
                    _Page.loads(body), reader.page(without_charts(data[end:], unless=_LINKING)))
        return parsed[path]

    def has_id(path: str, fragment: str) -> bool:  # as a browser looks for it
        return any(has(path, name) for name in fragment_ids(fragment))

    def has(path: str, fragment: str) -> bool:  # the charts' ids only when the rest of the page has none
        if fragment in parse(path).ids:
            return True
        if path not in whole:
            whole[path] = reader.page(files[path]).ids
        return fragment in whole[path]

    for page in sorted(p for p in pages if p.endswith(".html")):
        found_page = parse(page)
        if found_page.base is not None:
            continue
        for href in found_page.links:
            found = link_target(page, href)
            if found is None:
                continue
            path, fragment = found
            if path not in files:
                diags.error((page, 1), f"tautan '{href}' menuju halaman yang tidak ada di hasil build (periksa templat tema)")
            elif fragment and path.endswith(".html") and not has_id(path, fragment):
                diags.error((page, 1), f"tautan '{href}' menuju bagian '#{fragment}' yang tidak ada (periksa templat tema)")
