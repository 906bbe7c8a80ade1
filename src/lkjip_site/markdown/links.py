"""Links and images in chapters: ``*.md`` / ``laporan.yaml`` links to site URLs (or PDF anchors), images to report
assets; every target is checked, at the line that names it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator
from urllib.parse import unquote

from markdown_it.token import Token

from ..core.diagnostics import Diagnostics
from ..core.markup import fragment_ids
from ..core.model import Chapter, Report
from ..core.paths import resolve_inside
from ..core.suggest import did_you_mean
from ..load.images import image_problem
from ..load.source import unreadable_file
from ..load.svgcheck import check_svg
from .directives import ParsedChapter, RenderContext
from .urls import chapter_anchor, chapter_url, pdf_anchor

_EXTERNAL = re.compile(r"^(https?:|mailto:|tel:)", re.I)


def line_of(chapter: Chapter, token: Token | None) -> int:
    """The file line of a block token (``map``) or an inline token (``meta["line"]``, see ``plugins``)."""
    if token is not None and token.map:
        return chapter.body_line + token.map[0]
    if token is not None and "line" in token.meta:
        return chapter.body_line + int(token.meta["line"])
    return chapter.body_line


def inline_tokens(tokens: list[Token]) -> Iterator[Token]:
    """Every inline token of a chapter (links and images are inline tokens)."""
    for block in tokens:
        yield from block.children or []


def collect_images(report: Report, chapter: Chapter, tokens: list[Token], diags: Diagnostics) -> None:
    """Check every image and register it as a report asset at parse time; an SVG is checked for code it would run.

    Rendering may be skipped for an unchanged page (the render memo), but the image must still be copied into the
    new build, and a deleted image must still be an error.
    """
    for token in inline_tokens(tokens):
        if token.type == "image":
            target, problem = image_target(report, str(token.attrGet("src") or ""))
            if not token.content.strip():  # what a reader who cannot see it, or whose phone did not load it, gets
                diags.error((chapter.rel, line_of(chapter, token)),
                            "gambar tanpa teks pengganti; tulis isi gambar di dalam [ ], mis. "
                            "![Bagan susunan organisasi kecamatan](gambar/struktur.svg)")
            if problem:
                diags.error((chapter.rel, line_of(chapter, token)), problem)
            elif target is not None:
                rel = target.relative_to(report.folder.resolve()).as_posix()
                if rel not in report.assets and target.suffix.lower() == ".svg":
                    check_svg(target, f"{report.rel}/{rel}", diags)  # once per file, at its own lines
                report.assets[rel] = target


def image_target(report: Report, src: str) -> tuple[Path | None, str]:
    """The file an image source names inside the report folder, or the reason it cannot be used."""
    if _EXTERNAL.match(src):
        return None, f"gambar '{src}' diambil dari internet; simpan berkas gambar di folder laporan"
    src = unquote(src)  # as the Markdown parser gave it: "peta kecamatan.png" written <...> or with %20
    target = resolve_inside(report.folder, src)
    if target is None:
        return None, f"gambar '{src}' berada di luar folder laporan"
    if not target.is_file():
        return None, f"gambar '{src}' tidak ditemukan"
    if problem := unreadable_file(target):
        return None, f"gambar '{src}': {problem}"
    if problem := image_problem(target, src):
        return None, f"gambar {problem}"
    return target, ""


def linked_reports(parsed: ParsedChapter, ctx: RenderContext) -> set[str]:
    """URLs of the other reports a chapter links to (their structure decides how the links render)."""
    out: set[str] = set()
    index = ctx.link_index()
    for path in _linked_paths(parsed):
        found = index.get((parsed.chapter.source.parent / unquote(path)).resolve())
        if found is not None and found[0] is not ctx.report:
            out.add(found[0].url)
    return out


def _linked_paths(parsed: ParsedChapter) -> tuple[str, ...]:
    """The paths of the chapter's internal links, in order (kept in ``derived``, which a stored state keeps: a page's
    key is then made without reading the chapter's tokens back)."""
    if "tautan" not in parsed.derived:
        paths = (str(token.attrGet("href") or "").partition("#")[0]
                 for token in inline_tokens(parsed.tokens) if token.type == "link_open")
        parsed.derived["tautan"] = tuple(p for p in paths if p and not _EXTERNAL.match(p))
    paths_: tuple[str, ...] = parsed.derived["tautan"]
    return paths_


def resolve_links(ctx: RenderContext, tokens: list[Token]) -> None:
    """Rewrite ``*.md`` / ``laporan.yaml`` links to site URLs and images to report assets; check every target."""
    for token in inline_tokens(tokens):
        if token.type == "link_open":
            _resolve_link(ctx, token, line_of(ctx.chapter, token))
        elif token.type == "image":
            _resolve_image(ctx, token, line_of(ctx.chapter, token))


def _resolve_link(ctx: RenderContext, token: Token, line: int) -> None:
    href = str(token.attrGet("href") or "")
    loc = (ctx.chapter.rel, line)
    if _EXTERNAL.match(href):
        return
    path, _, anchor = href.partition("#")
    if not path:
        named = _named(anchor, ctx.chapter.anchors)
        if anchor and named is None and not anchor.startswith("fn"):
            ctx.diags.error(loc, f"tautan '#{anchor}' menunjuk bagian yang tidak ada di bab ini"
                                 f"{did_you_mean(anchor, sorted(ctx.chapter.anchors))}")
        elif anchor and ctx.pdf:
            token.attrSet("href", f"#{pdf_anchor(ctx.chapter, named or anchor)}")
        return
    found = ctx.link_index().get((ctx.chapter.source.parent / unquote(path)).resolve())
    if found is None:
        if not ctx.pdf:
            ctx.diags.error(loc, f"tautan '{href}' tidak menunjuk bab (.md) atau laporan (laporan.yaml) yang ada; "
                                 "tulis nama berkas bab, mis. [BAB III](30-bab-3.md)")
        return
    report, chapter = found
    if chapter is None:
        token.attrSet("href", ctx.site.url_dasar + report.url if ctx.pdf else ctx.href(report.url))
        return
    named = _named(anchor, chapter.anchors)
    if anchor and named is None:
        ctx.diags.error(loc, f"tautan '{href}': bagian '#{anchor}' tidak ada di {chapter.rel}"
                             f"{did_you_mean(anchor, sorted(chapter.anchors))}")
    if ctx.pdf and report is not ctx.report:
        # another report is another document: link to its public page
        token.attrSet("href", ctx.site.url_dasar + chapter_url(report, chapter) + (f"#{anchor}" if anchor else ""))
    elif ctx.pdf:
        token.attrSet("href", f"#{pdf_anchor(chapter, named or anchor) if anchor else chapter_anchor(chapter)}")
    else:
        token.attrSet("href", ctx.href(chapter_url(report, chapter), anchor))


def _named(anchor: str, anchors: set[str]) -> str | None:
    """The id a link's fragment names among ``anchors``, found as a browser finds it (``markup.fragment_ids``)."""
    return next((name for name in fragment_ids(anchor) if name in anchors), None) if anchor else None


def _resolve_image(ctx: RenderContext, token: Token, line: int) -> None:
    src = str(token.attrGet("src") or "")
    target, problem = image_target(ctx.report, src)
    if target is None:
        ctx.diags.error((ctx.chapter.rel, line), problem)
        return
    rel = target.relative_to(ctx.report.folder.resolve()).as_posix()
    ctx.report.assets[rel] = target
    if ctx.pdf:
        token.attrSet("src", target.as_uri())
    else:
        token.attrSet("src", ctx.href(f"{ctx.report.url}{rel}"))
    token.attrSet("loading", "lazy")
