"""The build, in one readable function: load and compute everything, then render, then write.

Nothing is written until every input has been validated and every page and PDF exists in memory; the site and the
PDF are rendered from the same model, so they cannot disagree. The stages, in order (each a package):

1–3 ``load`` (config, content, data) → 4 ``compute`` → 5 ``markdown`` → 6 ``elements`` (tables, charts)
→ 7 ``output`` (pages, PDFs, comparisons) → 8 links, search index → 9 publish.

Released versions (``archive``) are not rendered: their files are copied from ``arsip/`` after checking them against
their manifests, and ``release()`` (``lkjip terbitkan``) is what puts a version there.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .archive.history import plan_history
from .archive.release import release_target, store_release
from .archive.store import load_archive
from .compute.site import compute_site
from .core.diagnostics import ContentError, Diagnostic, Diagnostics
from .core.memo import Memo
from .core.model import Site
from .core.pool import distributed_executor
from .core.scope import Scope
from .elements.charts.bundle import vega_bundle
from .elements.charts.cache import CacheMode, ChartCache
from .elements.registry import make_registry
from .load.config import load_config
from .load.content import load_reports
from .load.data import load_data
from .markdown.directives import Directive, Parsed
from .markdown.parser import make_parser, number_items, parse_chapter
from .output.audit import HtmlSource, Shown, audit_site
from .output.linkcheck import check_links
from .output.opendata import OpenDataSource
from .output.pages import pdf_name, render_site
from .output.pdfs import render_pdfs
from .output.portal import portal_charts
from .output.publish import publish
from .output.search import index_pages


@dataclass
class BuildOptions:
    root: Path  # the site folder: situs.yaml, content/, optionally themes/
    output: Path | None = None
    strict: bool = False  # warnings in scope become errors
    scope: Scope = Scope()  # --laporan: the reports --strict applies to and whose messages are shown in full
    pdf: bool = True
    dev_reload: bool = False  # `lkjip serve` adds a live-reload script
    cache_dir: Path | None = None  # memo, chart cache and converted fonts (default <root>/.cache)
    use_cache: bool = True
    executor: str | None = None  # --pelaksana: a Dask scheduler address; charts and PDFs are then made there

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def out(self) -> Path:
        return self.output or self.root / "build"

    @property
    def cache_root(self) -> Path:
        """Where memo, chart cache and converted fonts live (git-ignored, safe to delete)."""
        return self.cache_dir or self.root / ".cache"

    @property
    def cache_mode(self) -> CacheMode:
        return "write" if self.use_cache else "off"

    def memo(self, namespace: str) -> Memo:
        return Memo(self.cache_root if self.use_cache else None, namespace)


@dataclass
class BuildResult:
    site: Site
    diagnostics: Diagnostics
    files: dict[str, bytes] = field(default_factory=dict)
    rendered: list[str] = field(default_factory=list)  # pages rendered (not taken from the memo) in this build


#: Which errors stop a run (None: every error; a build publishes the whole site, so it stops on any).
Blocking = Callable[[Diagnostic], bool] | None


def build_date() -> dt.date | None:
    """Dates printed on pages come from SOURCE_DATE_EPOCH only, so the same input gives the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return None
    return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()


def load_site(opts: BuildOptions, diags: Diagnostics, memo: Memo | None = None, blocking: Blocking = None) -> Site:
    """Stages 1–4: config, content, data, computation. Raises ContentError when anything is wrong.

    ``memo`` keeps validated data files between builds (``check`` passes none: it writes nothing).
    """
    config = load_config(opts.root, diags)
    if config is None:
        raise ContentError(diags)
    site = Site(root=opts.root, content_dir=opts.content, config=config)
    site.reports = load_reports(opts.content, opts.root, config, diags)
    for report in site.reports:
        load_data(report, opts.root, diags, memo)
    _stop_on_errors(diags, opts, blocking)
    compute_site(site, diags)
    return site


def parse_site(site: Site, diags: Diagnostics, cache_root: Path, mode: CacheMode) -> tuple[Parsed, ChartCache | None]:
    """Stages 5–6: parse every chapter, number every table and figure, build every element before anything renders."""
    md = make_parser(site.config.html_mentah)
    registry, charts = make_registry(site, cache_root, mode, diags)
    parsed = Parsed(md, registry, {})
    for report in site.reports:
        chapters = [parse_chapter(md, report, c, diags) for c in report.chapters]
        number_items(report, chapters, registry, site.config, diags)
        parsed.chapters[report.url] = chapters
    if charts is not None:  # the comparison pages' charts are drawn with the reports' charts
        for spec in portal_charts(site):
            charts.want(spec, Directive("grafik", spec.kind, {}, site.config.loc))
    for finish in registry.finishers:
        finish(diags)
    return parsed, charts


#: The distributions whose versions change output bytes: a Dask worker must have the same ones as this machine.
#: (System libraries such as Pango and HarfBuzz matter too; docs/dev/dask.md says to install workers alike.)
OUTPUT_PACKAGES = ("lkjip-site", "weasyprint", "pydyf", "vl-convert-python", "altair", "fonttools", "pikepdf",
                   "pypdf")


def build(opts: BuildOptions, write: bool = True) -> BuildResult:
    """Stages 1–9; with ``opts.executor`` the charts and PDFs are made on that Dask cluster (same bytes)."""
    with distributed_executor(opts.executor, OUTPUT_PACKAGES):
        return _build(opts, write)


def _build(opts: BuildOptions, write: bool) -> BuildResult:
    diags = Diagnostics()
    site = load_site(opts, diags, opts.memo("yaml"))
    archive = load_archive(opts.root, diags)
    history = plan_history(site, archive, diags)
    released = {path: data for version in archive for path, data in version.site_files(diags).items()}
    _stop_on_errors(diags, opts)  # a changed release stops the build before anything is rendered
    parsed, charts = parse_site(site, diags, opts.cache_root, opts.cache_mode)
    _stop_on_errors(diags, opts)
    pdf_memo = opts.memo("pdf")
    pdf_marks: list[Shown] = []
    pdfs = render_pdfs(site, parsed, diags, pdf_memo, frozen=history.frozen, marks=pdf_marks) if opts.pdf else {}
    memo = opts.memo("halaman")
    drawn = [r for r in site.reports if r.url not in history.frozen]
    bundle = vega_bundle(opts.cache_root) if any(r.figures for r in drawn) else None
    files = render_site(site, parsed, diags, build_date(), memo, dev_reload=opts.dev_reload, pdfs=pdfs,
                        vega_bundle=bundle, history=history, charts=charts)
    _stop_on_errors(diags, opts)  # a broken Markdown link is reported at its source line, not again per page
    audit_figures(site, files, diags, pdf_marks)  # what this build rendered; released files are checked by hash
    files.update(released)  # released versions, byte for byte, each file checked against its manifest above
    check_links(files, memo.stats.rendered, diags)
    _stop_on_errors(diags, opts)
    files = {**files, **index_pages(files, diags, opts.memo("pagefind"))}  # search index of the pages in memory
    _stop_on_errors(diags, opts)
    if write:
        publish(files, opts.out)
        if charts is not None:
            charts.prune()
    return BuildResult(site, diags, files, sorted(memo.stats.rendered + pdf_memo.stats.rendered))


def build_pdf(opts: BuildOptions, slug: str) -> tuple[bytes, Diagnostics]:
    """``lkjip pdf <laporan>``: validate the whole site (links cross reports), lay out one report's PDF."""
    with distributed_executor(opts.executor, OUTPUT_PACKAGES):
        return _build_pdf(opts, slug)


def _build_pdf(opts: BuildOptions, slug: str) -> tuple[bytes, Diagnostics]:
    diags = Diagnostics()
    site = load_site(opts, diags, opts.memo("yaml"))
    if not any(r.slug == slug for r in site.reports):
        known = ", ".join(sorted({r.slug for r in site.reports})) or "-"
        diags.error((site.config.loc.file, 1), f"laporan '{slug}' tidak ada di content/laporan (tersedia: {known})")
        raise ContentError(diags)
    parsed, _charts = parse_site(site, diags, opts.cache_root, opts.cache_mode)
    _stop_on_errors(diags, opts)
    pdf_marks: list[Shown] = []
    pdfs = render_pdfs(site, parsed, diags, opts.memo("pdf"), only={slug}, marks=pdf_marks)
    audit_figures(site, {}, diags, pdf_marks)
    _stop_on_errors(diags, opts)
    newest = max((r for r in site.reports if r.slug == slug), key=lambda r: (r.tanggal_terbit, r.versi))
    return pdfs[newest.url + pdf_name(newest)], diags


def release(opts: BuildOptions, slug: str) -> tuple[str, BuildResult | None]:
    """``lkjip terbitkan <slug>``: build the site, freeze the report's current version in ``arsip/``, publish.

    Returns ("terbit" | "sama", result of the final build): "sama" when that version is already archived with the
    same sources (a no-op: nothing is built or written). A version already archived with other sources, or numbered
    below a released one, is a ContentError at the ``versi`` line, raised before anything is built or written.
    """
    diags = Diagnostics()
    site = load_site(opts, diags, opts.memo("yaml"))
    target = release_target(site, load_archive(opts.root, diags), slug, diags)
    if target is None:
        return "sama", None
    result = build(opts, write=False)
    store_release(opts.root, target, result.files)
    final = build(opts)
    final.diagnostics.extend(diags)  # the release's own warnings (e.g. an unchanged catatan_versi)
    return "terbit", final


def check(opts: BuildOptions) -> Diagnostics:
    """Everything ``build`` validates, rendering included (links, references, values, the consistency audit of every
    page), without writing anything. PDFs are not laid out (that is what makes ``check`` fast); ``build`` audits them.

    Charts already in the cache are read from it; new ones are drawn in memory and not stored. With ``--laporan``
    only errors in scope stop the check: the other reports' problems are counted, not fixed, by this author.
    """
    diags = Diagnostics()
    blocking = opts.scope.covers
    site = load_site(opts, diags, blocking=blocking)
    archive = load_archive(opts.root, diags)
    history = plan_history(site, archive, diags)
    parsed, _charts = parse_site(site, diags, opts.cache_root, "read" if opts.use_cache else "off")
    _stop_on_errors(diags, opts, blocking)
    memo = Memo(None, "periksa")
    files = render_site(site, parsed, diags, build_date(), memo, dev_reload=False, history=history, charts=_charts)
    _stop_on_errors(diags, opts, blocking)
    audit_figures(site, files, diags)
    for version in archive:  # released files as link targets, anchors included (pages link to #angka-kunci)
        files.update(version.site_files(diags))
    _stop_on_errors(diags, opts, blocking)
    check_links(files, memo.stats.rendered, diags)
    _stop_on_errors(diags, opts, blocking)
    return diags


def audit_figures(site: Site, files: dict[str, bytes], diags: Diagnostics, extra: list[Shown] | None = None) -> None:
    """Every figure the output shows, compared with the model (``output/audit.py``): a disagreement is an error."""
    for place, message in audit_site(site, files, extra or [], sources=[HtmlSource(), OpenDataSource()]):
        diags.error((place, 1), message)


def _stop_on_errors(diags: Diagnostics, opts: BuildOptions, blocking: Blocking = None) -> None:
    """``--strict`` turns the warnings in scope into errors; then any blocking error stops the run."""
    if opts.strict:
        diags.promote_warnings(opts.scope.covers)
    if any(blocking is None or blocking(d) for d in diags.errors):
        raise ContentError(diags)
