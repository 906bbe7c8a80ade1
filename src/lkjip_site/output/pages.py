"""Stage 7, output: every page of the public site, rendered into memory (``{path: bytes}``) from the model.

URLs leave room for versions: ``laporan/<slug>/`` lists the versions of a report and ``laporan/<slug>/<versi>/``
holds one version forever, so publishing a new version never moves an old one.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import pickle
import zlib
from collections import ChainMap
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import jinja2

from .. import __version__
from ..compute.scales import NA_CLASS
from ..compute.summary import key_figures
from ..core.diagnostics import Diagnostics
from ..core.files import Held, SiteFiles, Stored, content, size
from ..core.memo import Memo, digest
from ..core.model import Chapter, Report, Site, SiteConfig
from ..core.paths import published_name
from ..core.pool import CarriedFolder, map_in_processes, on_cluster
from ..core.resources import theme_dirs
from ..elements.charts.cache import ChartCache
from ..elements.charts.svg import ENGINE_VERSION
from ..markdown.directives import Parsed, ParsedChapter, RenderContext
from ..markdown.renderer import render_chapter
from ..markdown.urls import LinkIndex, build_link_index, chapter_url
from .changes import ChapterText, VersionData, compare, load_document, printed_by_model, unmarked
from .csp import HEADERS_FILE, META_POLICY, headers_file
from .discovery import (FEED, ROBOTS, SITEMAP, atom_feed, canonical_path, describe_chapter, describe_report,
                        describe_version, page_meta, reports_by_year, robots_txt, sitemap_entries, sitemap_xml)
from .keys import Renderers, body_key, chapter_key, chapter_shows, report_fingerprint, site_fingerprint
from .opendata import JSON_FILE, OpenData, open_data
from .portal import (INSTANSI_URL, Figures, Lineage, by_instansi, by_year, compared, figures_of, instansi_addresses,
                     instansi_by_kind, instansi_pages, lineage_of, published_instansi, render_portal, row_key,
                     with_earlier_names)
from .reportjob import ReportJob, SentPage, carried_theme, chapter_page, render_report_job, staying
from .search import render_search
from .theme import (Asset, collect_static, colour_stylesheet, make_env, memoised, memoised_held, render_page,
                    template_files_key)
from .versions import (CHANGES_DIR, OPEN_DATA_DIR, VERSIONS_FILE, SiteHistory, VersionInfo, content_history,
                       version_key, versions_json)

COLOURS_CSS = "aset/css/warna.css"

#: How the token of a report state as the store holds it begins (:func:`stored_token`): the same in every process,
#: so that what a build kept of such a report can be taken by the next one (:meth:`KeptReports.dump`); a state made
#: in a process has a token of that process's session until it is stored.
STORED_TOKEN = "simpanan:"
#: Bump when what :meth:`KeptReports.dump` writes changes its layout.
KEPT_FORMAT = 2
#: That file, in the cache folder.
KEPT_FILE = f"terjaga-v{KEPT_FORMAT}.pickle"
#: The names such a file had in every layout (an earlier one is removed when this one is written).
KEPT_FILES = "terjaga-v*.pickle"

#: A kept output as written for the next process: its key, its files held by reference (path -> (memo entry,
#: offset, size, entry's time)), the paths of the files rendering takes from the theme and the report folder (made
#: again when the output is taken: bytes, not references), and the memo keys it used.
_Persisted = tuple[str, dict[str, tuple[str, int, int, int]], frozenset[str], frozenset[str]]
#: a report's fingerprint, summary, link index entries and description (``KeptReports.structure``)
Derived = tuple[str, str, LinkIndex, str]


@dataclass
class KeptReports:
    """Report outputs from earlier builds: a long-running process's (``build.Session`` holds one), and, for a CLI
    build, those the last build wrote for it (:meth:`load`).

    ``tokens`` names the state of each report's model as this build has it (report URL -> token; a report loaded,
    computed or parsed again gets a new token). A report whose token, theme, site structure and versions are those
    of the output kept here is not rendered again, nor its pages' keys computed: a one-chapter edit renders one
    report, and the pages above the reports from their own keys.
    """

    tokens: dict[str, str] = field(default_factory=dict)
    outputs: dict[str, tuple[str, dict[str, Held], set[str]]] = field(default_factory=dict)  # (key, files, memo keys)
    derived: dict[str, Derived] = field(default_factory=dict)  # token -> see :meth:`structure`
    #: pages above the reports, by name: (key, files, the memo keys that making them asked for)
    above: dict[str, tuple[str, dict[str, bytes], frozenset[str]]] = field(default_factory=dict)
    #: what each output's key is made of besides the tokens (:func:`output_key`): the rest, hashed, and the URLs of
    #: the report's other versions, whose tokens it also depends on
    parts: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    #: outputs and derived parts the last build wrote (:meth:`load`), taken when asked for by the same key or token
    stored: dict[str, _Persisted] = field(default_factory=dict)
    stored_derived: dict[str, tuple[str, str, tuple[tuple[str, str | None], ...], str]] = field(default_factory=dict)

    def dump(self, stored_tokens: Mapping[str, str]) -> bytes:
        """What the next process can take of this build's outputs, keyed by the tokens it will give the reports
        (``stored_tokens``: report URL -> :data:`STORED_TOKEN` name of the state as the store holds it now; a report
        without one is left out), with their files held by reference.

        Why: a CLI build reads every unchanged report back from the store, and computing the keys of all their pages
        to find them in the memo was most of a one-chapter rebuild's rendering (0,7 s of 8 s at N = 500)."""
        outputs: dict[str, _Persisted] = {}
        for url, (_, files, used) in sorted(self.outputs.items()):
            token, (rest, siblings) = stored_tokens.get(url), self.parts.get(url, ("", ()))
            others = [stored_tokens.get(other) for other in siblings]
            if token is None or not rest or None in others:
                continue
            refs = {path: (str(held.path), held.offset, held.size, held.mtime_ns)
                    for path, held in files.items() if isinstance(held, Stored)}
            if any(ref[3] < 0 for ref in refs.values()):
                continue  # a reference whose entry's time is unknown cannot be checked by the next process
            outputs[url] = (output_key(token, rest, others), refs,
                            frozenset(p for p, held in files.items() if not isinstance(held, Stored)),
                            frozenset(used))
        derived = {}
        for url, token in sorted(self.tokens.items()):
            part, stored = self.derived.get(token), stored_tokens.get(url)
            if part is not None and stored is not None:
                fingerprint, summary, links, description = part
                derived[stored] = (fingerprint, summary, tuple(sorted(
                    (str(source), chapter.id if chapter is not None else None)
                    for source, (_, chapter) in links.items())), description)
        return pickle.dumps((KEPT_FORMAT, outputs, derived), protocol=pickle.HIGHEST_PROTOCOL)

    def load(self, data: bytes) -> None:
        """Take what :meth:`dump` wrote, as far as it can still be used: an output whose memo entries are gone or
        were made again (another size or time) is left out, so it is rendered (or found in the memo) again. A file
        of another layout, or damaged, is ignored."""
        try:
            form, outputs, derived = pickle.loads(data)
        except Exception:  # noqa: BLE001 - written by another version or damaged: nothing is taken from it
            return
        if form != KEPT_FORMAT or not isinstance(outputs, dict) or not isinstance(derived, dict):
            return
        try:
            self.stored = {url: entry for url, entry in outputs.items()
                           if len(entry) == 4 and isinstance(entry[0], str) and isinstance(entry[2], frozenset)
                           and isinstance(entry[3], frozenset) and _entries_unchanged(entry[1])}
            self.stored_derived = {token: part for token, part in derived.items()
                                   if isinstance(part, tuple) and len(part) == 4 and isinstance(part[3], str)}
        except (TypeError, ValueError, IndexError, AttributeError):  # another layout under the same format number
            self.stored, self.stored_derived = {}, {}

    def whole(self, name: str, key: str, make: Callable[[], dict[str, bytes]], memo: Memo) -> dict[str, bytes]:
        """Pages above the reports (versions, comparisons, feed) as an earlier build made them with the same
        ``key`` (every report's summary, the theme, the versions), else made now.

        The memo entries that making them asked for count as used by a build that takes them kept, as a kept
        report's do: else ``serve``'s search-index build, which takes the pages its pages-first build made after a
        data edit, left their entries out of the roots it prunes by (``Memo.prune``): a later prune removed them,
        and the next build that showed those pages rendered them again."""
        held = self.above.get(name)
        if held is None or held[0] != key:
            with memo.asking() as asked:
                files = make()
            held = self.above[name] = (key, files, frozenset(asked))
        else:
            memo.keep_all(held[2])
        return held[1]

    def structure(self, reports: list[Report]) -> tuple[dict[str, str], dict[str, str], LinkIndex, dict[str, str]]:
        """Each report's fingerprint and summary, the site's link index and each report's description, from parts
        kept by token.

        The summary is what the pages above the reports show of it (its description, its comparison row): a chapter
        edit leaves it as it was, so those pages are not made again. The description is kept as text too: the
        versions' pages, made by every CLI build, would otherwise read every report's numbers to say it again."""
        derived: dict[str, Derived] = {}
        fingerprints: dict[str, str] = {}
        summaries: dict[str, str] = {}
        descriptions: dict[str, str] = {}
        links: LinkIndex = {}
        for report in reports:
            token = self.tokens.get(report.url, "")
            part = self.derived.get(token) if token else None
            if part is None and token in self.stored_derived:
                part = _rebound(report, self.stored_derived[token])
            if part is None:
                row = repr(row_key(figures_of(report))) if report.computed is not None else ""
                description = describe_report(report)
                part = (report_fingerprint(report), digest(description, row), build_link_index([report]), description)
            if token:
                derived[token] = part
            fingerprints[report.url], summaries[report.url], descriptions[report.url] = part[0], part[1], part[3]
            links.update(part[2])
        self.derived = derived
        return fingerprints, summaries, links, descriptions


def render_site(site: Site, parsed: Parsed, diags: Diagnostics, date: dt.date | None, memo: Memo,
                dev_reload: bool = False, pdfs: dict[str, bytes] | None = None,
                vega_bundle: tuple[str, bytes] | None = None, history: SiteHistory | None = None,
                charts: ChartCache | None = None, kept: KeptReports | None = None) -> SiteFiles:
    """All pages; a page whose inputs are unchanged since the last build is taken from ``memo`` (and a whole report
    from ``kept``). A report's pages that the memo keeps on disk are held as references to it (``core/files.py``).
    A chapter page rendered again takes its chapter's rendered Markdown from ``memo`` when that is unchanged.

    Versions in ``history.frozen`` are released: their files come from the archive and nothing of them is rendered.
    Every version folder carries its own copy of the theme's static files (``<versi>/aset/``), so a later theme
    change cannot alter how a released version looks; the pages above the versions (home, search, comparisons) use
    ``aset/`` at the site root.
    """
    history = history or content_history(site.reports)
    dirs = theme_dirs(site.root, site.config.tema)
    env = make_env(dirs, memo)
    assets = collect_static(dirs)
    assets[COLOURS_CSS] = Asset(COLOURS_CSS, colour_stylesheet(predikat_colours(site)))
    ctx = site_context(site, assets, date, {"dev_reload": dev_reload, "vega_bundle": None})
    files: dict[str, Held] = {a.path: a.data for a in assets.values()}
    files[HEADERS_FILE] = headers_file()
    files.update(pdfs or {})
    structure, summaries, links, descriptions = kept.structure(site.reports) if kept is not None else (
        {r.url: report_fingerprint(r) for r in site.reports}, {}, build_link_index(site.reports), {})
    pages = SitePages(site, parsed, diags, memo, env, links, digest(
        template_files_key(env), sorted((k, v.versioned) for k, v in assets.items()), date.isoformat() if date else "",
        dev_reload, site_fingerprint(site), vega_bundle[0] if vega_bundle else "", ENGINE_VERSION), history, structure,
        descriptions, renderers=Renderers.of(parsed.md.options, parsed.registry, env))
    site_structure = digest(sorted(structure.items())) if kept is not None else ""
    if kept is None and on_cluster():  # --pelaksana: the pages the memo lacks are rendered by the Dask workers
        pages.sending = Sending(carried_theme(dirs), staying(env), charts)
    for report in site.reports:
        if report.url in history.frozen:
            continue
        if kept is None or report.url not in kept.tokens:
            files.update(pages.report(report, files, assets, ctx, vega_bundle))
        else:
            files.update(_kept_report(pages, kept, site_structure, report, files, assets, ctx, vega_bundle))
    files.update(pages.send())
    above = digest(pages.theme_key, repr(sorted(history.versions.items())), sorted(structure.items()),
                   sorted(summaries.items()), charts is not None) if kept is not None else ""

    def whole(name: str, make: Callable[[], dict[str, bytes]]) -> dict[str, bytes]:
        return kept.whole(name, above, make, memo) if kept is not None else make()

    rows = compared(site, pages.addresses)
    published = [v for versions in history.versions.values() for v in versions]
    lineage = lineage_of(rows, published)
    files.update(whole("versi", lambda: _version_pages(pages, ctx, rows, lineage)))
    root_ctx = ctx
    if vega_bundle is not None and rows:  # the comparison charts at the site root use the root copy of the bundle
        files[vega_bundle[0]] = vega_bundle[1]
        root_ctx = {**ctx, "vega_bundle": vega_bundle[0], "vega_bundle_kb": bundle_kb(vega_bundle)}
    meta = page_meta(site, site.config.judul, f"{site.config.judul} — {site.config.pemda}: laporan kinerja instansi "
                     "pemerintah per tahun dan instansi, dengan angka yang dihitung dari data sumber.", "")
    newest = [versions[0] for versions in history.versions.values() if versions]
    key = memo.key("beranda", pages.theme_key, repr(sorted(history.versions.items())),
                   sorted(pages.structure.items()))  # the comparison rows are read from these models
    key = memo.key(key, repr(lineage))
    listed = lineage.listed(by_instansi(rows))
    files["index.html"] = memoised(memo, key, "index.html", lambda: render_page(
        pages.env, "home.html", "", groups=reports_by_year(newest, site.config.pemda),
        years=sorted(by_year(rows), reverse=True),
        instansi=listed, instansi_per_jenis=instansi_by_kind(listed), dahulu=lineage.earlier, meta=meta, **ctx))
    portal = whole("portal", lambda: render_portal(pages.env, root_ctx, rows, charts, memo, pages.theme_key,
                                                   published, lineage))
    files.update(portal)
    files.update(render_search(site, pages.env, ctx, memo, pages.theme_key, newest, lineage.successors(),
                               instansi_pages(rows, lineage)))
    extra = sorted(p.removesuffix("index.html") for p in portal if p.endswith("index.html"))  # not its CSVs
    entries = sitemap_entries(site, history, extra)
    files[SITEMAP] = memoised(memo, memo.key("sitemap", site.config.url_dasar, repr(entries)), "",
                              lambda: sitemap_xml(site, entries))
    pdf_paths = {r.url: r.url + pdf_name(r) for r in site.reports if r.url + pdf_name(r) in files}
    files.update(whole("feed", lambda: {FEED: atom_feed(site, history, pdf_paths, pages.describe)}))
    files[ROBOTS] = robots_txt(site)
    return SiteFiles(sorted(files.items()), pages.bodies)


@dataclass
class SitePages:
    """What every page of one build shares: the model, the Jinja environment, the theme key, the versions."""

    site: Site
    parsed: Parsed
    diags: Diagnostics
    memo: Memo
    env: jinja2.Environment
    links: Any
    theme_key: str
    history: SiteHistory
    structure: dict[str, str]  # report URL -> what other pages show of it (``keys.report_fingerprint``)
    descriptions: dict[str, str] = field(default_factory=dict)  # report URL -> ``describe_report``, when kept
    by_url: dict[str, Report] = field(default_factory=dict)
    sending: Sending | None = None  # set when report pages are rendered on a Dask cluster
    renderers: Renderers = Renderers("", {})  # what renders every chapter's Markdown the same way (:meth:`body`)
    bodies: dict[str, tuple[int, int]] = field(default_factory=dict)  # ``SiteFiles.bodies`` of the pages rendered
    addresses: dict[tuple[str, str], str] = field(default_factory=dict)  # (nama, pemda) -> its instansi's address

    def __post_init__(self) -> None:
        self.by_url = {r.url: r for r in self.site.reports}
        self.addresses = instansi_addresses(published_instansi(
            v for versions in self.history.versions.values() for v in versions))

    def instansi_page(self, report: Report | VersionInfo) -> str:
        """The page of the report's instansi (``instansi/<alamat>/``): a version's breadcrumb leads there. Planned
        over every version ever published, so it stays when the version is released and frozen."""
        return f"{INSTANSI_URL}{self.addresses[(report.instansi.nama, report.instansi.pemda)]}/"

    def describe(self, report: Report) -> str:
        """``describe_report``, as kept with the report's state when it is (``KeptReports.structure``)."""
        kept = self.descriptions.get(report.url)
        return kept if kept is not None else describe_report(report)

    def canonical(self, report: Report, chapter: Chapter | None = None) -> str:
        """The newest version's matching page (an archived newest version: its report page)."""
        newest = self.history.versions[report.slug][0]
        top = self.by_url.get(newest.url)
        return canonical_path(report, top, chapter) if top is not None else newest.url

    def open_data(self, report: Report) -> OpenData:
        """The report's open data, from the memo while its model's sources are unchanged (a whole report's tables
        as CSV and JSON cost more than all its pages taken from the memo)."""
        config = self.site.config
        # the licence too: it is not in the report's sources, and a licence written later kept the old descriptor
        key = self.memo.key("data-terbuka", report.source_digest, repr(sorted(config.scales.items())),
                            config.skala_predikat, repr(config.lisensi_data)) if report.source_digest else None
        stored = self.memo.files(key) if key else None  # held unpacked, with the pages (or by reference)
        if stored is not None:
            return OpenData(stored)
        data = open_data(report, config.lisensi_data)
        if not key:
            return data
        # held by reference from here on too, as when taken from the memo: a cold build of 500 reports held every
        # report's open data (some 75 MB) to its end, beside Pagefind at the build's peak
        return OpenData(self.memo.store_files(key, data.files))

    def report(self, report: Report, files: dict[str, Held], assets: dict[str, Asset], ctx: dict[str, Any],
               vega_bundle: tuple[str, bytes] | None) -> dict[str, Held]:
        """One version built from ``content/``: its static copy, open data, chapters, report page and change page."""
        site, memo, env = self.site, self.memo, self.env
        out: dict[str, Held] = {}
        local = version_assets(report, assets, vega_bundle)
        out.update({a.path: a.data for a in local.values()})
        vctx = {**ctx, "asset": {k.removeprefix(report.url): v.versioned for k, v in local.items()},
                "vega_bundle": local[report.url + vega_bundle[0]].path if vega_bundle and report.figures else None,
                "vega_bundle_kb": bundle_kb(vega_bundle),
                "versi_json": f"laporan/{report.slug}/{VERSIONS_FILE}", "versi_laporan": report,
                "halaman_instansi": self.instansi_page(report)}
        data = self.open_data(report)
        out.update({f"{report.url}{OPEN_DATA_DIR}/{k}": v for k, v in data.files.items()})
        pdf = report.url + pdf_name(report) if report.url + pdf_name(report) in files else None
        downloads = _downloads(report, ChainMap(out, files))
        for index, pc in enumerate(self.parsed.chapters[report.url]):
            rctx = RenderContext(site.config, site.reports, report, pc.chapter, chapter_url(report, pc.chapter),
                                 self.diags, self.parsed.registry, env=env, links=self.links)
            meta = page_meta(site, f"{pc.chapter.display_title} — {report.judul}",
                             describe_chapter(report, pc.chapter), rctx.page_url,
                             self.canonical(report, pc.chapter), "article", pdf)
            shows = chapter_shows(pc, rctx, self.structure)
            key = chapter_key(digest(self.theme_key, repr(meta), vctx["halaman_instansi"]), shows)
            url = chapter_url(report, pc.chapter) + "index.html"
            context = {**vctx, "meta": meta}
            inner = body_key(pc, rctx, self.renderers, shows) if self.sending is None else None
            if inner:
                memo.keep(inner)  # used by this page, rendered or not: the next change around it takes it
            self.page(out, report, key, url, functools.partial(self.chapter, url, pc, rctx, context, inner),
                      lambda: SentPage(url, "chapter.html", rctx.page_url, context, index))
        previous = self.history.previous.get(report.url)
        meta = page_meta(site, report.judul, describe_report(report), report.url, self.canonical(report), "article",
                         pdf)
        key = memo.key("laporan", self.theme_key, self.structure[report.url], repr(key_figures(report)),
                       repr(downloads), previous.versi if previous else "", repr(meta), vctx["halaman_instansi"])
        page = {"report": report, "downloads": downloads, "sebelumnya": previous, "meta": meta, **vctx}
        self.page(out, report, key, report.url + "index.html", lambda: render_page(env, "report.html", report.url,
                                                                                   **page),
                  lambda: SentPage(report.url + "index.html", "report.html", report.url, page))
        versions = self.history.versions.get(report.slug, [])
        newest = bool(versions) and versions[0].url == report.url
        if previous is not None or (newest and any(v.url in self.history.released for v in versions[1:])):
            current, current_key = self.current_side(report, data)
            if previous is not None:
                self.changes_page(out, report, previous, current, current_key, vctx)
            if newest:  # beside the versions, with the site's own static files, as the versions page
                out.update(self.since_pages(report, lambda: current, current_key, report.url,
                                            {**ctx, "halaman_instansi": vctx["halaman_instansi"]}))
        out.update(_report_assets(report))
        return out

    def chapter(self, path: str, pc: ParsedChapter, rctx: RenderContext, context: dict[str, Any],
                key: str | None) -> bytes:
        """A chapter's page rendered around its body (:meth:`body`), and where the body lies in it noted
        (``SiteFiles.bodies``)."""
        page, span = chapter_page(self.env, rctx, context, self.body(pc, rctx, key))
        if span is not None:
            self.bodies[path] = span
        return page

    def body(self, pc: ParsedChapter, rctx: RenderContext, key: str | None) -> bytes:
        """A chapter's Markdown rendered (its text, tables, charts and values), from the memo when kept there under
        ``key`` (:func:`~.keys.body_key`), else rendered and kept.

        Why kept apart from its page: a change to what every page shows around its chapter (the portal's title, a
        stylesheet's versioned name, the theme's footer) rendered every chapter's Markdown again, more than half of
        rendering an archive's pages. Kept compressed (a seventh of the size: an archive's chapters are 90 MB of HTML
        at N = 100), and only when rendering said nothing, as for pages (:func:`~.theme.memoised_held`). As UTF-8
        bytes, which :func:`~.reportjob.chapter_page` writes into its page as they are, never decoded: an entry
        damaged outside the build fails its seal's CRC-32 (``Memo.get``) or zlib's own checksum first."""
        stored = self.memo.get(key, hold=False) if key else None
        if stored is not None:
            try:
                return zlib.decompress(stored)
            except zlib.error:  # damaged outside the build: rendered and stored again
                pass
        said = len(self.diags.items)
        encoded = render_chapter(self.parsed.md, pc, rctx).encode("utf-8")
        if key and len(self.diags.items) == said:
            self.memo.put(key, zlib.compress(encoded, 1), hold=False)
        return encoded

    def page(self, out: dict[str, Held], report: Report, key: str, path: str, render: Callable[[], bytes],
             sent: Callable[[], SentPage]) -> None:
        """``out[path]``: from the memo, else rendered here, or (on a Dask cluster) ``sent()`` with the report's job
        and filled in by :meth:`send`."""
        if self.sending is None:
            out[path] = memoised_held(self.memo, key, path, render, self.diags)
            return
        stored = self.memo.get(key)
        if stored is None:
            self.sending.add(report, key, sent())
        else:
            out[path] = stored

    def current_side(self, report: Report, data: OpenData) -> tuple[VersionData, str]:
        """The version being built as one side of a comparison (its open data and chapters), and a digest of all of
        it that the comparison reads, for the keys of the pages that compare it."""
        document = load_document(content(data.files[JSON_FILE]))
        current = VersionData(report.versi, report.tanggal_terbit, document,
                              [ChapterText(c.id, c.display_title, c.body) for c in report.chapters], __version__,
                              self.history.sources.get(report.url, {}), self.history.fields.get(report.url, {}),
                              printed_by_model(report.computed, document))
        return current, digest(report_fingerprint(report), content(data.files[JSON_FILE]),
                               [(c.id, c.judul, c.body) for c in current.chapters], sorted(current.sumber.items()),
                               sorted(current.isian.items()), sorted(current.printed.items()))

    def changes_page(self, out: dict[str, Held], report: Report, previous: VersionData, current: VersionData,
                     current_key: str, ctx: dict[str, Any]) -> None:
        """``<versi>/perubahan/``: "Perubahan dari versi X", computed from both versions' open data and chapter
        text (``current``: :meth:`current_side`)."""
        url = f"{report.url}{CHANGES_DIR}/"
        meta = page_meta(self.site, f"Perubahan dari versi {previous.versi} — {report.judul}",
                         f"Apa yang berubah di {report.judul} versi {report.versi} dibanding versi "
                         f"{previous.versi}.", url)
        key = self.memo.key("perubahan", self.theme_key, repr(meta), ctx["halaman_instansi"], current_key,
                            previous.versi, previous.alat, repr(previous.terbitan), repr(previous.document),
                            [(c.id, c.judul, c.body) for c in previous.chapters], sorted(previous.sumber.items()),
                            sorted(previous.isian.items()), sorted(previous.printed.items()))

        def context() -> dict[str, Any]:
            return {"report": report, "changes": compare(previous, current), "meta": meta, **ctx}

        self.page(out, report, key, url + "index.html", lambda: render_page(self.env, "perubahan.html", url,
                                                                            **context()),
                  lambda: SentPage(url + "index.html", "perubahan.html", url, context()))

    def since_pages(self, newest: Report | VersionInfo, side: Callable[[], VersionData], side_key: str, marks: str,
                    ctx: dict[str, Any]) -> dict[str, Held]:
        """``laporan/<slug>/perubahan-sejak/<X>/`` for each earlier released version X: "Perubahan sejak versi X",
        X compared with the newest version (``side``, of which ``side_key`` is a digest) by the comparison of the
        change pages, on their template.

        Why: a change page compares a version with the one before it, and is released with it. Whoever holds 1.0
        (an archives office, a citizen who saved it) had to read 1.1's and 1.2's change pages and combine them by
        hand: a value changed in both is listed twice, one changed and changed back in both, though it is as 1.0
        printed it. These pages sit beside the versions, never in one, so they are made again as newer versions
        come, at an address that stays. The new values are marked for the audit as the newest version's
        (``marks``: its URL) when it is built here; a released newest version's are its pages', as the old ones."""
        versions = self.history.versions.get(newest.slug, [])
        out: dict[str, Held] = {}
        taken: list[VersionData] = []

        def newest_side() -> VersionData:  # read once for all the pages that compare with it
            if not taken:
                taken.append(side())
            return taken[0]

        for version in versions[1:]:
            load = self.history.released.get(version.url)
            if load is None:
                continue
            url = version.since_url
            later = [v for v in reversed(versions) if version_key(v.versi) > version_key(version.versi)]
            meta = page_meta(self.site, f"Perubahan sejak versi {version.versi} — {newest.judul}",
                             f"Apa yang berubah di {newest.judul} sejak versi {version.versi} sampai versi terbaru "
                             f"{newest.versi}.", url)
            key = self.memo.key("perubahan-sejak", self.theme_key, repr(meta), ctx["halaman_instansi"], repr(version),
                                repr(later), side_key, marks)

            def context(load: Callable[[], VersionData] = load, meta: dict[str, Any] = meta,
                        later: list[VersionInfo] = later) -> dict[str, Any]:
                changes = compare(load(), newest_side())
                if not marks:
                    changes = unmarked(changes)
                return {"report": newest, "changes": changes, "meta": meta, "sejak": later, "angka_laporan": marks,
                        **ctx}

            def render(url: str = url, context: Callable[[], dict[str, Any]] = context) -> bytes:
                return render_page(self.env, "perubahan.html", url, **context())

            if isinstance(newest, Report):  # with its report's pages (on a Dask cluster: by its job)
                self.page(out, newest, key, url + "index.html", render,
                          lambda url=url, context=context: SentPage(url + "index.html", "perubahan.html", url,
                                                                    context()))
            else:
                out[url + "index.html"] = memoised_held(self.memo, key, url + "index.html", render, self.diags)
        return out

    def send(self) -> dict[str, bytes]:
        """The pages :meth:`page` sent: rendered by the cluster's workers, a report per job, and stored in the memo
        as if rendered here (their messages too: a job that said anything stores none of its pages, which are then
        rendered, and say it, again, as :func:`~.theme.memoised_held` does here)."""
        if self.sending is None or not self.sending.pages:
            return {}
        jobs = self.sending.jobs(self.site.config, self.parsed, self.links, self.by_url)
        out: dict[str, bytes] = {}
        for job, (rendered, said) in zip(jobs, map_in_processes(render_report_job, jobs, batches_per_worker=2),
                                         strict=True):
            for diagnostic in said:
                self.diags.add(diagnostic)
            for (key, page), data in zip(self.sending.pages[job.report.url], rendered, strict=True):
                if said:
                    self.memo.stats.rendered.append(page.path)
                else:
                    self.memo.put(key, data, page.path)
                out[page.path] = data
        self.sending.pages.clear()
        return out


@dataclass
class Sending:
    """Report pages to be rendered on a Dask cluster: what every job carries, and each report's pages."""

    theme: tuple[CarriedFolder, ...]  # the theme's templates (``reportjob.carried_theme``)
    staying: frozenset[str]  # context variables that do not travel (``reportjob.staying``)
    charts: ChartCache | None
    pages: dict[str, list[tuple[str, SentPage]]] = field(default_factory=dict)  # report URL -> (memo key, page)

    def add(self, report: Report, key: str, page: SentPage) -> None:
        context = {k: v for k, v in page.context.items() if k not in self.staying}
        self.pages.setdefault(report.url, []).append((key, replace(page, context=context)))

    def jobs(self, config: SiteConfig, parsed: Parsed, links: LinkIndex,
             by_url: dict[str, Report]) -> list[ReportJob]:
        """One job per report with pages to render, carrying the charts its sent chapters show (a rebuild sends a
        chapter or two, not every chart of the report)."""
        jobs = []
        for url, pages in self.pages.items():
            report, chapters = by_url[url], parsed.chapters[url]
            sent = {page.chapter for _, page in pages}
            specs = [d.built for i, pc in enumerate(chapters) if i in sent
                     for d in pc.directives if d.directive == "grafik" and d.built]
            jobs.append(ReportJob(config, self.theme, report, chapters, links,
                                  self.charts.carried(specs) if self.charts is not None else None,
                                  [page for _, page in pages]))
        return jobs


def _kept_report(pages: SitePages, kept: KeptReports, structure: str, report: Report, files: dict[str, Held],
                 assets: dict[str, Asset], ctx: dict[str, Any],
                 vega_bundle: tuple[str, bytes] | None) -> dict[str, Held]:
    """The report's output as kept when nothing it is rendered from changed, else rendered (and kept).

    The key is wider than the pages' own keys (the whole site's structure, every version of the slug): it is only a
    shortcut past computing those keys, so when in doubt the report goes through :meth:`SitePages.report`.
    """
    versions = pages.history.versions.get(report.slug)
    siblings = tuple(v.url for v in versions or [] if v.url in kept.tokens)
    # the PDF's bytes follow from the token and theme; the tokens are apart, so the key can be made for other ones
    rest = digest(pages.theme_key, structure, repr(versions), report.url + pdf_name(report) in files,
                  pages.instansi_page(report))
    kept.parts[report.url] = (rest, siblings)
    key = output_key(kept.tokens[report.url], rest, [kept.tokens[url] for url in siblings])
    held = kept.outputs.get(report.url)
    if held is not None and held[0] == key:
        pages.memo.keep_all(held[2])  # their memo entries stay in memory for a later change
        return held[1]
    stored = kept.stored.pop(report.url, None)  # (the last build's, read from disk: taken once)
    taken = _taken(stored, report, assets, vega_bundle) if stored is not None and stored[0] == key else None
    if stored is not None and taken is not None:
        kept.outputs[report.url] = (key, taken, set(stored[3]))
        pages.memo.keep_all(stored[3])
        return taken
    said = len(pages.diags.items)
    with pages.memo.asking() as asked:
        out = pages.report(report, files, assets, ctx, vega_bundle)
    if len(pages.diags.items) == said:  # a page with a message is rendered again, so the message is said again
        kept.outputs[report.url] = (key, out, asked)
    else:
        kept.outputs.pop(report.url, None)
    return out


def output_key(token: str, rest: str, siblings: list[str]) -> str:
    """A kept output's key: its report's state, its other versions' states, and everything else it depends on."""
    return digest(token, rest, siblings)


def stored_token(key: str, names: list[str] | None) -> str:
    """The token of a report state as the store holds it under ``key``, checked against these instansi ``names``
    (a state is stored again under the same key when other reports' names make it computed again)."""
    return STORED_TOKEN + digest(key, names)


def _taken(stored: _Persisted, report: Report, assets: dict[str, Asset],
           vega_bundle: tuple[str, bytes] | None) -> dict[str, Held] | None:
    """A kept output read from disk, completed with the files rendering takes from the theme and the report folder
    (made again: they are bytes, not memo entries); None if those are not the files it had then."""
    _, refs, own, _ = stored
    made: dict[str, Held] = {a.path: a.data for a in version_assets(report, assets, vega_bundle).values()}
    made.update(_report_assets(report))
    if set(made) != own or not own.isdisjoint(refs):
        return None
    files: dict[str, Held] = {path: Stored(Path(entry), length, offset, mtime)
                              for path, (entry, offset, length, mtime) in refs.items()}
    files.update(made)
    return files


def _entries_unchanged(refs: Mapping[str, tuple[str, int, int, int]]) -> bool:
    """Whether every memo entry a kept output refers to is still there, as it was (its time; long enough)."""
    ends: dict[str, tuple[int, int]] = {}  # entry -> (its time then, the furthest byte read from it)
    for entry, offset, length, mtime in refs.values():
        known = ends.get(entry)
        ends[entry] = (mtime, max(offset + length, known[1] if known else 0))
        if known is not None and known[0] != mtime:
            return False
    for entry, (mtime, end) in ends.items():
        try:
            st = os.stat(entry)
        except OSError:
            return False
        if st.st_mtime_ns != mtime or st.st_size < end:
            return False
    return True


def _rebound(report: Report, part: tuple[str, str, tuple[tuple[str, str | None], ...], str]) -> Derived | None:
    """A report's fingerprint, summary, link index entries and description as the last build wrote them, its link
    index bound to this build's objects (None when a chapter it names is not the report's any more)."""
    fingerprint, summary, sources, description = part
    chapters = {c.id: c for c in report.chapters}
    links: LinkIndex = {}
    for source, chapter_id in sources:
        if chapter_id is not None and chapter_id not in chapters:
            return None
        links[Path(source)] = (report, chapters[chapter_id] if chapter_id is not None else None)
    return fingerprint, summary, links, description


def bundle_kb(vega_bundle: tuple[str, bytes] | None) -> int:
    """The chart bundle's size in KB, as ``grafik.js`` names it on the button that loads it (0 without charts)."""
    return round(len(vega_bundle[1]) / 1024) if vega_bundle is not None else 0


def version_assets(report: Report, assets: dict[str, Asset], vega_bundle: tuple[str, bytes] | None) -> dict[str, Asset]:
    """The theme's static files (and the chart bundle, if the report has charts) inside the version's folder.

    Keys are the site-root names (``aset/css/site.css``) prefixed with the version URL, like the file paths.
    """
    local = {report.url + k: Asset(report.url + a.path, a.data) for k, a in assets.items()}
    if vega_bundle is not None and report.figures:
        local[report.url + vega_bundle[0]] = Asset(report.url + vega_bundle[0], vega_bundle[1])
    return local


@dataclass(frozen=True)
class Kin:
    """A report's instansi on its versions page: the instansi's page and its other reports (newest period first).

    A citizen who found a kecamatan's TW I report had no way to its annual report or last year's but the home page;
    the instansi's comparison page listed them all, and nothing led there from a report."""

    nama: str
    url: str
    others: tuple[tuple[str, str], ...]  # (periode_tahun, the newest version's URL)
    #: The name the report was published under when the instansi has another now (``instansi.nama_sebelumnya``):
    #: "Dinas Pekerjaan Umum kini bernama Dinas PUPR" on its page (a released version's own pages never change).
    sebelumnya: str = ""


def _kin(rows: list[Figures], lineage: Lineage) -> dict[str, Kin]:
    """Report slug → :class:`Kin`, for the reports the comparison pages show (their instansi has a page): an
    instansi renamed is its current name's, with the reports of every name (``portal.with_earlier_names``)."""
    out: dict[str, Kin] = {}
    for address, (name, items) in with_earlier_names(by_instansi(rows), lineage).items():
        if address in lineage.current:  # an earlier name: its reports are its current name's
            continue
        for f in items:
            others = tuple((o.report.periode_tahun + (f" ({o.instansi})" if o.alamat != address else ""),
                            o.report.url) for o in reversed(items) if o is not f)
            out[f.report.slug] = Kin(name, f"{INSTANSI_URL}{address}/", others,
                                     f.instansi if f.alamat != address else "")
    return out


def _version_pages(pages: SitePages, ctx: dict[str, Any], rows: list[Figures], lineage: Lineage) -> dict[str, bytes]:
    """The pages above the versions: 404, each report's landing page (with its instansi's other reports) and
    ``versi.json``.

    They are rewritten by every build (they are not part of any version), so they always point to the newest one.
    """
    kin = _kin(rows, lineage)
    site, memo, env, theme_key = pages.site, pages.memo, pages.env, pages.theme_key
    files: dict[str, bytes] = {}
    meta = page_meta(site, f"Halaman tidak ditemukan — {site.config.judul}", "Halaman tidak ditemukan.", "404.html")
    files["404.html"] = memoised(memo, memo.key("404", theme_key, repr(meta)), "404.html",
                                 lambda: render_page(env, "404.html", "", meta=meta,
                                                     **{**ctx, "site_root": ctx["base_path"]}))
    for slug, versions in pages.history.versions.items():
        url = f"laporan/{slug}/"
        top = pages.by_url.get(versions[0].url)
        meta = page_meta(site, f"{versions[0].judul} — semua versi",
                         pages.describe(top) if top else describe_version(versions[0]), url)
        since = {v.versi: v.since_url for v in versions[1:] if v.url in pages.history.released}
        key = memo.key("versi", theme_key, repr(versions), repr(meta), repr(kin.get(slug)), repr(since))
        files[url + "index.html"] = memoised(memo, key, url + "index.html", lambda: render_page(
            env, "versions.html", url, versions=versions, meta=meta, kin=kin.get(slug), sejak=since, **ctx))
        files[url + VERSIONS_FILE] = versions_json(slug, versions)
        newest = pages.history.released.get(versions[0].url)
        if newest is not None and since:  # released; one built from content/ makes them with its pages (report())
            files.update({path: content(data) for path, data in pages.since_pages(
                versions[0], newest, repr(versions[0]), "",
                {**ctx, "halaman_instansi": pages.instansi_page(versions[0])}).items()})
    return files


def _report_assets(report: Report) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for rel, path in sorted(report.assets.items()):
        files[report.url + rel] = path.read_bytes()
    for path in report.data.files:
        files[f"{report.url}data/{published_name(path.name)}"] = path.read_bytes()
    return files


#: The open-data files offered on the report page, in this order, with what a reader gets.
OPEN_DATA_DOWNLOADS = (
    ("indikator.csv", "Data terbuka — indikator kinerja per tahun", "CSV"),
    ("triwulan.csv", "Data terbuka — target dan realisasi indikator per triwulan", "CSV"),
    ("anggaran.csv", "Data terbuka — anggaran per program, kegiatan, sub kegiatan", "CSV"),
    ("sasaran.csv", "Data terbuka — capaian per sasaran", "CSV"),
    ("angka-kunci.csv", "Data terbuka — angka kunci", "CSV"),
    ("laporan.json", "Data terbuka — semua data hasil hitungan", "JSON"),
    ("datapackage.json", "Data terbuka — deskripsi paket data (Frictionless Data Package)", "JSON"),
)
#: The media type of each kind of open-data file: the report page names each file in its head
#: (``<link rel="alternate">``), where a harvester or a browser extension finds the data without reading the page.
MEDIA_TYPES = {"CSV": "text/csv", "JSON": "application/json"}


def _downloads(report: Report, files: Mapping[str, Held]) -> list[dict[str, Any]]:
    """The PDF, the open data (the computed numbers) and the source data files of each version."""
    out = []
    pdf = f"{report.url}{pdf_name(report)}"
    if pdf in files:
        out.append({"judul": f"Laporan lengkap (PDF) — {pdf_name(report)}", "url": pdf, "ukuran": size(files[pdf]),
                    "jenis": "PDF"})
    for name, title, kind in OPEN_DATA_DOWNLOADS:
        path = f"{report.url}{OPEN_DATA_DIR}/{name}"
        if path in files:
            out.append({"judul": f"{title} ({name})", "url": path, "ukuran": size(files[path]), "jenis": kind,
                        "tipe": MEDIA_TYPES[kind]})
    for path in report.data.files:
        out.append({"judul": f"Data sumber — {path.name}", "url": f"{report.url}data/{published_name(path.name)}",
                    "ukuran": path.stat().st_size, "jenis": path.suffix.lstrip(".").upper()})
    return out


def pdf_name(report: Report) -> str:
    return f"{report.slug}-{report.versi}.pdf"


def predikat_colours(site: Site) -> set[str]:
    """Every colour a predikat badge can take: the classes of each report's scale, and the 'not assessable' grey."""
    colours = {NA_CLASS.warna}
    for report in site.reports:
        if report.computed is not None:
            colours.update(c.warna for c in report.computed.scale.classes if c.warna)
    return colours


def site_context(site: Site, assets: dict[str, Asset], build_date: Any, extra: dict[str, Any]) -> dict[str, Any]:
    return {
        "site": site.config,
        "site_model": site,
        "base_path": site.config.base_path,
        "key_figures": key_figures,
        "reports": site.reports,
        "asset": {k: v.versioned for k, v in assets.items()},
        "build_date": build_date,
        "versi_json": None,  # version pages: the versions file versi.js reads (see output/versions.py)
        "versi_laporan": None,
        "csp": META_POLICY,
        **extra,
    }
