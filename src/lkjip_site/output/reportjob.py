"""Stage 7, output: one report's pages as a unit that travels, rendered on a Dask worker from what the job carries.

Why: a province portal lends a build the machines of a Dask cluster (``lkjip build --pelaksana``); charts and PDFs
already go there, and a report's pages (its chapters with their tables, the report page, the change page) are the
third per-report unit. A job is pure: the report's model and parsed chapters, the site config, the link index, the
charts its pages show, the theme's templates as bytes; out come the pages' bytes and the messages rendering said.
The build machine decides which pages to send (those its memo does not have), stores what comes back and publishes.

The chapter page is rendered by :func:`chapter_page` both here and on the build machine, so the two cannot differ.
"""

from __future__ import annotations

import functools
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta
from markdown_it import MarkdownIt
from markupsafe import Markup

from ..core.diagnostics import Diagnostic, Diagnostics
from ..core.files import body_span
from ..core.model import Chapter, Report, SiteConfig
from ..core.pool import CarriedFolder
from ..elements.charts.cache import CarriedCharts
from ..elements.registry import carried_registry
from ..markdown.directives import ParsedChapter, RenderContext
from ..markdown.parser import make_parser, number_items
from ..markdown.renderer import render_chapter, toc_text
from ..markdown.urls import LinkIndex, chapter_url
from .theme import all_templates, make_env, prints_plainly, render_page, render_text

#: Template variables that hold the whole site's model: they travel only when a template of the theme names them
#: (the default theme's do not), since each would carry every report of the archive with every job.
WHOLE_SITE = ("site_model", "reports")


@dataclass(frozen=True)
class SentPage:
    """One page of the job: ``template`` rendered at ``page_url`` with ``context`` (after the chapter's Markdown,
    when ``chapter`` is the index of one of the job's chapters), written to ``path``."""

    path: str
    template: str
    page_url: str
    context: dict[str, Any]
    chapter: int | None = None


@dataclass(frozen=True)
class ReportJob:
    config: SiteConfig
    theme: tuple[CarriedFolder, ...]  # each theme folder's templates, in the order templates are looked up
    report: Report
    chapters: list[ParsedChapter]
    links: LinkIndex
    charts: CarriedCharts | None
    pages: list[SentPage]


def render_report_job(job: ReportJob) -> tuple[list[bytes], list[Diagnostic]]:
    """The job's pages, in its order, and the messages rendering them said (on a worker: nothing read from disk)."""
    env = make_env(folder.materialise() for folder in job.theme)
    md = _parser(job.config.html_mentah)
    registry = carried_registry(job.config, job.charts)
    number_items(job.report, job.chapters, registry, job.config, Diagnostics())  # said on the build machine
    diags = Diagnostics()
    out = []
    for page in job.pages:
        if page.chapter is None:
            out.append(render_page(env, page.template, page.page_url, **page.context))
            continue
        pc = job.chapters[page.chapter]
        rctx = RenderContext(job.config, [job.report], job.report, pc.chapter, page.page_url, diags, registry,
                             env=env, links=job.links)
        out.append(chapter_page(env, rctx, page.context, render_chapter(md, pc, rctx).encode("utf-8"))[0])
    return out, list(diags.items)


@functools.lru_cache(maxsize=2)
def _parser(allow_html: bool) -> MarkdownIt:
    """One parser per worker process: it only renders here (its rules are the build machine's, by version)."""
    return make_parser(allow_html)


def carried_theme(dirs: list[Path]) -> tuple[CarriedFolder, ...]:
    return tuple(CarriedFolder.of(d, "templates") for d in dirs)


def staying(env: jinja2.Environment) -> frozenset[str]:
    """The whole-site variables (:data:`WHOLE_SITE`) that no template of ``env`` names: left out of the jobs."""
    named = _named(env)
    return frozenset(k for k in WHOLE_SITE if k not in named)


def _named(env: jinja2.Environment) -> frozenset[str]:
    """Every variable a template of the theme reads from its context (Jinja's own analysis of the sources)."""
    names: set[str] = set()
    for _name, source in all_templates(env):
        names |= meta.find_undeclared_variables(env.parse(source))
    return frozenset(names)


#: What :func:`chapter_page` renders in the body's place: new in every process (content cannot hold it), never in
#: a page (it is replaced, or the page rendered again with the body itself).
BODY_MARK = f"\x00lkjip-isi-bab-{secrets.token_hex(16)}\x00"


def chapter_page(env: jinja2.Environment, rctx: RenderContext, ctx: dict[str, Any],
                 body: bytes) -> tuple[bytes, tuple[int, int] | None]:
    """A chapter's page: its rendered Markdown (``body``, UTF-8: tables and charts through the theme) inside
    ``chapter.html``, and where the body lies in the page (``SiteFiles.bodies``; None when it is not there whole).

    Where the theme prints the body only as ``{{ body }}`` (:func:`~.theme.prints_plainly`), the page is rendered
    around a mark and the body's bytes written in its place: the same bytes as rendering the body's text, without
    decoding the body, encoding it again with its page and looking for it there (a chapter's body is most of its
    page, about 95 KB; those three steps were a sixth of rendering every page again, 0,28 s at N = 100)."""
    report, chapter = rctx.report, rctx.chapter
    prev, nxt = neighbours(report, chapter)
    context = {"report": report, "chapter": chapter, "prev": prev, "next": nxt,
               "toc": [(level, anchor, toc_text(report, text)) for level, anchor, text in chapter.toc],
               "chapter_url": lambda c, r=report: chapter_url(r, c),
               # whether the page loads tabel.js: said here, since a theme that tests the body itself
               # ('class="tabel-wadah' in body) has its body rendered as text (:func:`~.theme.prints_plainly`)
               "ada_tabel": b'class="tabel-wadah' in body, **ctx}
    if body and prints_plainly(env, "chapter.html", "body"):
        head, mark, tail = render_text(env, "chapter.html", rctx.page_url, body=Markup(BODY_MARK),
                                       **context).partition(BODY_MARK)
        if mark and BODY_MARK not in tail:
            before = head.encode("utf-8")
            return before + body + tail.encode("utf-8"), (len(before), len(before) + len(body))
    page = render_page(env, "chapter.html", rctx.page_url, body=safe(body.decode("utf-8")), **context)
    return page, body_span(page, body)


def neighbours(report: Report, chapter: Chapter) -> tuple[Chapter | None, Chapter | None]:
    idx = report.chapters.index(chapter)
    prev = report.chapters[idx - 1] if idx > 0 else None
    nxt = report.chapters[idx + 1] if idx + 1 < len(report.chapters) else None
    return prev, nxt


def safe(html: str) -> Markup:
    """Chapter HTML is produced by our Markdown renderer (raw HTML off by default), so it is trusted here."""
    return Markup(html)
