"""Memo keys: everything that decides an output's bytes, hashed, so an unchanged page or PDF is not rendered again.

A key must change whenever what the output shows changes (its text, the tables, charts and values it uses, the
structure of its report and of the reports it links to, the theme); it must not change otherwise, or the memo is
useless.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import jinja2

from ..core.memo import digest
from ..core.model import Report, Site
from ..markdown.directives import ParsedChapter, Registry, RenderContext
from ..markdown.links import linked_reports
from ..markdown.parser import iter_roles
from ..markdown.renderer import format_value
from .theme import templates_key


def site_fingerprint(site: Site) -> str:
    """Everything a page can show of situs.yaml: a theme's templates get the whole configuration as ``site``, so all
    of it but the lines of its keys (only messages use them: a comment added re-renders nothing). It named seven
    settings, and a site theme that shows the capaian rules or a custom scale kept the old ones on every page."""
    return digest(repr(dataclasses.replace(site.config, lines={})))


def report_fingerprint(report: Report) -> str:
    """What other pages show of a report: metadata, chapter titles and anchors, numbered items; and each chapter's
    file name, which a Markdown link names (``[BAB IV](40-bab-4-penutup.md)``): renamed with its page's address
    unchanged (another number prefix, the order kept by ``urutan``), a link to the old name still rendered from the
    memo, and the build published it without the error a build without the cache reports (found by a fuzzer)."""
    return digest(
        report.url, report.judul, report.periode, report.tahun, str(report.tanggal_terbit), report.catatan_versi,
        repr(report.instansi), report.tempat_ttd, str(report.tanggal_ttd),
        [(c.id, c.rel, c.display_title, c.ringkasan, sorted(c.anchors), c.ids_source, c.toc) for c in report.chapters],
        [repr(i) for i in [*report.tables, *report.figures]],
    )


#: What a chapter page shows of its chapter and the site (:func:`chapter_shows`); None when a value cannot be
#: resolved: the page is then always rendered, so the renderer reports the error.
Shows = tuple[str, str, list[str]] | None


def chapter_shows(pc: ParsedChapter, rctx: RenderContext, structure: dict[str, str]) -> Shows:
    """Everything a chapter page shows besides the theme: its text, the tables/charts/values it uses (its own key),
    its report's structure and that of the reports it links to. Made once per page for both of its keys."""
    own = _own_key(pc)
    if own is None:
        return None
    return own, structure[rctx.report.url], [structure.get(url, "") for url in sorted(linked_reports(pc, rctx))]


def chapter_key(theme_key: str, shows: Shows) -> str | None:
    """A chapter page's key: what it shows (:func:`chapter_shows`) in the page ``theme_key`` stands for."""
    return digest(theme_key, *shows) if shows is not None else None


def body_key(pc: ParsedChapter, rctx: RenderContext, renderers: Renderers, shows: Shows) -> str | None:
    """Everything a chapter's rendered Markdown shows: what its page shows (``shows``), with what renders the kinds of
    element the chapter has (``renderers``) for the theme. Not the page around it, so a change to every page's header
    (the portal's title, a stylesheet's versioned name, the theme's footer) renders no chapter's Markdown, tables and
    charts again, and a change to the table template none without a table."""
    kinds = sorted({d.directive for d in pc.directives})
    return chapter_key(digest(renderers.parser, [(k, renderers.kinds.get(k, "")) for k in kinds], rctx.page_url,
                              rctx.pdf), shows)


@dataclasses.dataclass(frozen=True)
class Renderers:
    """What renders every chapter body of a build the same way besides the chapter itself: the Markdown parser's
    options (raw HTML allowed or not) and, by kind of element (``tabel``), the templates it renders through
    (:func:`~.theme.templates_key`) with what else it reads (the charts' fonts and drawing engine). The code itself
    is in every memo key (``Memo.key``: the package's version)."""

    parser: str
    kinds: dict[str, str]

    @classmethod
    def of(cls, md_options: Mapping[str, Any], registry: Registry, env: jinja2.Environment) -> Renderers:
        return cls(digest(sorted((str(k), repr(v)) for k, v in md_options.items())),
                   {kind: digest(templates_key(env, [name]), registry.render_inputs.get(kind, ""))
                    for kind, name in registry.templates.items()})


def _own_key(pc: ParsedChapter) -> str | None:
    """The part of a chapter's key that depends on the chapter and its report's model only (kept on ``pc``: a
    preview session renders the same parsed chapter many times, and a stored state keeps it, so that the pages of a
    report read back are keyed without reading its chapters' tokens back)."""
    if "kunci" not in pc.derived:
        parts: list[Any] = [pc.chapter.body, repr(sorted(pc.chapter.front.items()))]
        parts.extend(d.fingerprint() for d in pc.directives)
        try:
            parts.extend((target, format_value(pc.report, target)) for role, target in iter_roles(pc.tokens)
                         if role == "nilai")
        except LookupError:
            pc.derived["kunci"] = None
        else:
            pc.derived["kunci"] = digest(*parts)
    key: str | None = pc.derived["kunci"]
    return key
