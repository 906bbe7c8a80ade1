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
import functools
import gc
import os
import pickle
import shutil
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Mapping, TypeVar

from markdown_it import MarkdownIt

from .archive.history import plan_history, read_released, restored
from .archive.release import release_target, store_release, unread_sources
from .archive.store import ARCHIVE_DIR, ArchivedVersion, load_archive, lost_versions, snapshot_times
from .compute.report import COMPUTED_LATER
from .compute.earlier import same_instansi, spelled_otherwise
from .compute.site import check_config, check_site_renames, compute_one, compute_site, instansi_names
from .core.deferred import Deferrable, Deferred, Part, Unreadable, collection_paused, dumps, loads
from .core.diagnostics import ContentError, Diagnostic, Diagnostics
from .core.epoch import source_date_epoch
from .core.files import CacheDamaged, Held, SiteFiles, bodies_of, content, write_whole
from .core.memo import FACTS_FILE, ContentHashes, Memo, digest, keeping, remove_older_formats
from .core.model import DATA_LATER, Loc, Report, Site, SiteConfig, loc_of
from .core.paths import CACHE_DIR, SITE_FILE
from .core.pool import distributed_executor
from .core.resources import PACKAGE_DIR, PACKAGE_THEMES, theme_dirs
from .core.scope import Scope, report_of
from .core.state import BuildRecord, BuildState, Changes, Stamp, Stat, engine_key, moved, stamp_inputs
from .core.timing import Stopwatch
from .elements.charts.bundle import kept_vega_bundle, vega_bundle
from .elements.charts.cache import CacheMode, ChartCache
from .elements.registry import make_registry
from .load.config import load_config, read_by_reports
from .load.content import (REPORTS_DIR, check_unique_versions, load_report, load_reports, report_slugs,
                           warn_hidden_folders)
from .load.data import DATA_DIR, load_data
from .load.glyphs import font_glyphs
from .markdown.directives import CHAPTER_LATER, Directive, Parsed, ParsedChapter, Registry
from .markdown.links import check_unread
from .markdown.parser import (Tokenized, item_entries, keep_entries, make_parser, number_items, parse_chapter,
                              restore_items)
from .output.audit import (MARKS_FACT, HtmlSource, Remembered, Shown, audit_site, audit_units, file_marks,
                           fingerprint, fingerprint_in_parts, parts_fact)
from .output.linkcheck import check_links
from .output.names import check_output_names
from .output.opendata import (CATALOGUE, OpenDataSource, data_catalogue, portal_package, portal_source,
                               portal_tables)
from .output.pages import KEPT_FILE, KEPT_FILES, STORED_TOKEN, KeptReports, pdf_name, render_site, stored_token
from .output.pdf.document import LaidAfterRelease
from .output.pdfs import render_pdfs
from .output.portal import current_names, portal_charts
from .output.publish import Published, publish
from .output.search import index_pages, published_index
from .output.theme import compile_templates
from .output.versions import SiteHistory, VersionInfo, suggest_version


T = TypeVar("T")


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
    #: False keeps the search index already published (``serve`` refreshes it right after the page reloads:
    #: Pagefind indexes the whole site, the slowest step of a one-chapter rebuild)
    search_index: bool = True
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
        return self.cache_dir or self.root / CACHE_DIR

    @property
    def cache_mode(self) -> CacheMode:
        return "write" if self.use_cache else "off"

    def memo(self, namespace: str, memory: dict[str, bytes] | None = None) -> Memo:
        """``memory``: entries also kept in memory between builds (a ``Session``'s)."""
        return Memo(self.cache_root if self.use_cache else None, namespace, memory=memory)

    def inputs(self) -> dict[str, Path]:
        """Everything a build reads (label -> file or folder): the fast path compares their stamps."""
        return {SITE_FILE: self.root / SITE_FILE, "content": self.content, "themes": self.root / "themes",
                ARCHIVE_DIR: self.root / ARCHIVE_DIR, "=paket": PACKAGE_DIR, "=tema": PACKAGE_THEMES}

    @property
    def variant(self) -> str:
        """The options that change what the memo stores (its pages' bytes), as a name: the memo keeps what the
        last build of each variant used (``Memo.prune``)."""
        return ("pdf" if self.pdf else "tanpa-pdf") + ("-pratinjau" if self.dev_reload else "")

    def key(self) -> str:
        """The options that shape the output (and the engine's versions): another key, another build."""
        return engine_key(self.strict, self.scope, self.pdf, self.dev_reload, str(self.out.resolve()),
                          os.environ.get("SOURCE_DATE_EPOCH", ""))


@dataclass
class BuildResult:
    site: Site | None  # None when nothing changed since the last build (nothing was loaded)
    diagnostics: Diagnostics
    #: empty when nothing changed (the output is on disk); a :class:`SiteFiles`, whose unchanged pages are read from
    #: the memo when asked for
    files: Mapping[str, bytes] = field(default_factory=dict)
    rendered: list[str] = field(default_factory=list)  # pages rendered (not taken from the memo) in this build
    summary: dict[str, int] = field(default_factory=dict)  # reports, files, pdfs of the published site
    timings: Stopwatch = field(default_factory=Stopwatch)
    #: input files that changed on disk while the build ran, after it stamped them (``Session.forget_moved``)
    moved: set[str] = field(default_factory=set)

    @property
    def unchanged(self) -> bool:
        """True when the inputs were those of the last good build: its output stands, its messages are replayed."""
        return self.site is None


#: A report folder's files: (path, SHA-256) in sorted order.
Folder = tuple[tuple[str, str], ...]


@dataclass(slots=True)
class ReportState(Deferrable):
    """One report as an earlier build of this process left it, with the messages each stage gave about it.

    Read back from the store, its parsed chapters, data and numbers are read when first asked for
    (``core/deferred.py``): a rebuild that takes the report's pages as kept needs none of them."""

    inputs: Folder  # the report folder's files and their hashes
    report: Report | None  # None: laporan.yaml could not be read (the messages say why)
    loaded: list[Diagnostic]
    names: list[str] | None = None  # the instansi names and earlier reports it was checked against (None: not yet)
    checked: list[Diagnostic] = field(default_factory=list)
    chapters: list[ParsedChapter] | None = None
    parsed: list[Diagnostic] = field(default_factory=list)
    token: str = ""  # changes whenever the model or chapters change: the key of its kept output (``KeptReports``)
    #: read back from the store (``Session.store``): its chapters' tables and charts are bound to this build's
    #: registry (the tables' loaders live in the process, not on disk; the charts are counted as used in the cache)
    restored: bool = False
    #: a restored state whose numbers were computed again (the instansi names it is checked against changed): its
    #: chapters are then numbered again, as a new report's are, not only bound (``markdown.parser.restore_items``)
    recomputed: bool = False
    unsaved: bool = False  # loaded, computed or parsed in this build: the store does not hold it yet
    #: what reading ``data/`` said (part of ``loaded``): a state made after a save that left ``laporan.yaml`` and
    #: ``data/`` as they were takes the data, their messages and the numbers from here (None: not kept apart, as
    #: in states stored before this field existed)
    data_loaded: list[Diagnostic] | None = None
    #: (directive, kind, memo key) of its items' built outputs (``markdown.parser.item_entries``): kept by a build
    #: that reads the state back without reading its chapters
    entries: tuple[tuple[str, str, str], ...] = ()
    #: the keys its data files were read under in the data files' memo (``load.schema.read_validated``): counted as
    #: used by a build that reads the state back without reading them, so the memo's prune keeps them
    data_keys: frozenset[str] = frozenset()
    deferred: Deferred | None = field(default=None, repr=False, compare=False)


#: How a stored state is laid out (``core/deferred.py``): part of its key, so that a checkout of an older layout never
#: reads one (2: the chapters' tokens in a third part; 3: a chapter's ids_source; 4: the third part a pickle of its
#: own; 5: a report's laporan_digest).
STATE_LAYOUT = 5
#: What a stored state leaves for later (``core/deferred.py``): its parsed chapters (with the data and numbers of its
#: report but the data files' paths, the named figures and the scalars: ``DATA_LATER``, ``COMPUTED_LATER``).
STATE_LATER = ("chapters",)


def _later_parts(state: ReportState) -> list[Part]:
    parts: list[Part] = [(state, STATE_LATER)]
    if state.report is not None:
        parts.append((state.report.data, DATA_LATER))
        if state.report.computed is not None:
            parts.append((state.report.computed, COMPUTED_LATER))
    return parts


def _chapter_parts(state: ReportState) -> list[Part]:
    """What the state's parsed chapters leave for a part after theirs: their tokens, read back only for a chapter
    whose Markdown is rendered again (a change around every page, the portal's title, reads the chapters of every
    report, and their tokens were a third of that)."""
    return [(pc, CHAPTER_LATER) for pc in state.chapters or ()]


@dataclass
class Session:
    """What a long-running process (``lkjip serve``) keeps between builds.

    A report whose folder did not change is neither loaded, computed, checked nor parsed again: its state and its
    messages come from here (so no message disappears), and the memo's entries are kept in memory. What spans reports
    (versions, home page, comparisons, links, the audit, the search index) runs on every build, from the memo where
    its inputs are unchanged. A change anywhere outside ``content/laporan/<slug>/`` (situs.yaml, themes, arsip, the
    engine, the options) starts afresh.
    """

    site_key: str = ""
    reports: dict[str, ReportState] = field(default_factory=dict)
    elements: tuple[MarkdownIt, Registry, ChartCache] | None = None
    memory: dict[str, dict[str, bytes]] = field(default_factory=dict)
    hashes: ContentHashes = field(default_factory=ContentHashes)  # the output's bytes objects recur between builds
    kept: KeptReports = field(default_factory=KeptReports)  # each report's output, by the token of its state
    index: dict[str, bytes] = field(default_factory=dict)  # the search index files of the last build
    #: the record of this session's last published build, with the record file's stamp then: while no one else
    #: has written the record file, the output folder is the one this session published (serve's preview folder
    #: under .cache) and is not scanned again; after a pages-first build (no search index) the record is held here
    #: only, and the index build that follows writes it
    record: tuple[Path, Stat, BuildRecord] | None = None
    changes: int = 0  # counts state changes, for tokens that are never reused within the session
    #: what ``serve``'s file watcher sees change (None: no watcher, every input file is stamped on every build);
    #: set before the first build, so that it has seen everything since the stamps of any record held here
    watch: Changes | None = None
    #: changes taken from ``watch`` that the stamps of ``record`` do not include yet (a failed build keeps them)
    pending: set[Path] = field(default_factory=set)
    #: report states kept on disk too, in the memo (``.cache/sesi-v…``): the next process (``lkjip build``,
    #: ``check``, ``serve``'s first build) takes a report whose folder did not change from there rather than loading,
    #: computing, checking and parsing it again (Sphinx and Pelican pickle theirs likewise)
    store: Memo | None = None
    stored_key: str = ""  # what the stored states depend on besides their folder (see :meth:`begin`)
    stored_base: str = ""  # the same without situs.yaml, which :meth:`read_config` adds as reports read it
    #: memo entries and outputs held in memory between builds (``serve``); a CLI build's session lives for one
    #: build, and holding them would only add to its memory
    holds: bool = True
    #: the theme folders of the last build, whose templates :meth:`settle` compiles ahead of the next save, and the
    #: memo of its pages (the environment :func:`~.output.theme.make_env` keeps is the one for that cache)
    theme: tuple[tuple[Path, ...], Memo] | None = None
    #: the chapter bodies' tokens of the reports whose folder changed, as the states they replace held them, until
    #: this build's parse (a one-chapter edit tokenises one chapter, not the report's ten; ``parse_chapter``)
    earlier: dict[str, Tokenized] = field(default_factory=dict)
    #: report slug -> the store's key of its state as :meth:`save` last stored it
    saved: dict[str, str] = field(default_factory=dict)
    #: the input files' stamps this build began with (:meth:`begin`), and the report folders it read, for
    #: :meth:`forget_moved`
    stamps: dict[str, Stamp] = field(default_factory=dict)
    read: set[str] = field(default_factory=set)

    def own_record(self, state: BuildState) -> BuildRecord | None:
        """The record this session holds for ``state``'s file, if no one else has written that file since."""
        if self.record is None or self.record[0] != state.path or self.record[1] != state.stamp():
            return None
        return self.record[2]

    def changed(self, state: BuildState) -> dict[Path, list[Path]] | None:
        """What the watcher saw change since the stamps of this session's own record, per watched folder (the
        input files to look at again); None when every input must be stamped."""
        if self.watch is None:
            return None
        self.pending |= self.watch.take()
        if self.own_record(state) is None:
            return None
        return self.watch.by_folder(self.pending)

    def recorded(self, state: BuildState, record: BuildRecord | None) -> None:
        """``record`` (None: the one held) has the stamps of this build, which include every pending change."""
        if record is not None:
            self.record = (state.path, state.stamp(), record)
        self.pending = set()

    def settle(self) -> None:
        """Compile the theme's templates and collect garbage now, while the author reads the reloaded page, and set
        what survives aside.

        Why: a session holds the whole site's model and output (millions of objects); Python's full collections then
        take 0,2 s each and fall at random inside a rebuild. Frozen objects are not scanned again (a later collection
        looks at the next build's new objects only); unfreezing first lets this collection free the last build's
        garbage. The templates: see :func:`compile_templates` (the first save after ``serve`` started paid for them).
        """
        if self.theme is not None:
            compile_templates(*self.theme)
        gc.unfreeze()
        gc.collect()
        gc.freeze()

    def touch(self, state: ReportState) -> None:
        """A new token for a state whose model or chapters changed."""
        self.changes += 1
        state.token = f"{self.site_key}:{self.changes}"
        state.unsaved = True

    def restore(self, slug: str, inputs: Folder) -> ReportState | None:
        """The state an earlier build (another process) stored for this report folder with these files, or None.

        Its token names those bytes (``pages.stored_token``): the same in the next process, which can then take the
        outputs this build kept of it (``KeptReports.dump``)."""
        key = self.store.key(self.stored_key, slug, inputs) if self.store is not None else ""
        data = self.store.get(key) if self.store is not None else None
        if data is None:
            return None
        try:
            with collection_paused():
                state, _ = loads(data)
        except Exception:  # noqa: BLE001 - written by other classes or damaged: the report is loaded again
            return None
        if not isinstance(state, ReportState) or state.inputs != inputs:
            return None
        state.restored = True
        state.token = stored_token(key, state.names)
        state.unsaved = False  # (it was pickled before being marked saved)
        return state

    def save(self) -> None:
        """Store the states this build made; forget those of folders no longer as they were (call after a whole
        build was published: a failed build stores nothing, so its messages come again from the reports)."""
        if self.store is None or not self.store.stores:  # ``check`` reads the store, never writes it
            return
        for slug, state in sorted(self.reports.items()):
            key = self.store.key(self.stored_key, slug, state.inputs)
            if not state.unsaved and self.store.has(key):
                continue
            try:
                data = dumps(state, _later_parts(state), _chapter_parts(state))
            except (pickle.PicklingError, TypeError, AttributeError, Unreadable):
                continue  # something in it does not travel: this report is loaded again next time
            self.store.put(key, data)
            state.unsaved = False
            self.saved[slug] = key
        self.store.prune()

    def stored_tokens(self) -> dict[str, str]:
        """Report URL -> the token the next process gives its state when it reads it back (``stored_token``), for
        the states the store holds as this build has them: read back from it, or stored by :meth:`save`."""
        out = {}
        for slug, state in self.reports.items():
            if state.report is None or state.unsaved:
                continue
            if state.token.startswith(STORED_TOKEN):
                out[state.report.url] = state.token
            elif slug in self.saved:
                out[state.report.url] = stored_token(self.saved[slug], state.names)
        return out

    def forget_moved(self, sources: dict[str, Path]) -> set[str]:
        """The input files that changed on disk since :meth:`begin` stamped them
        (:func:`~.core.state.moved`): the reports read from such a folder are forgotten, so they are neither stored
        nor kept under the stamps of a text they were not read from; anything else read changed (situs.yaml, a
        site theme), nothing of this build is stored and the next starts afresh. Call once every input
        is read (the pages rendered), before :meth:`save`; the build record must not claim those stamps either.

        What is looked at: situs.yaml, the site's themes and the whole of ``content/`` (a report taken as kept is not
        read again, but its folder's files are copied into its version's folder from disk); in ``serve``, whose
        file watcher reports a save made meanwhile to the next build, only the folders of the reports this build
        loaded and the rest of ``content/``, so a save does not list the archive. Released versions are checked
        against their manifests on every build, the engine by its version."""
        reports = f"content/{REPORTS_DIR}/"
        if self.watch is None:
            names = ["content"]
        else:
            names = [f"{reports}{slug}" for slug in sorted(self.read)]
            names += [name for name in self.stamps if name.startswith("content/") and not name.startswith(reports)]
        names += [SITE_FILE, "themes"]
        found = moved(self.stamps, sources, names)
        if any(not name.startswith(reports) for name in found):  # situs.yaml, a theme, the rest of content/
            self.site_key, self.reports = "", {}
        for name in found:
            slug = name.removeprefix(reports).partition("/")[0] if name.startswith(reports) else ""
            state = self.reports.pop(slug, None)
            if state is not None and state.report is not None:
                self.kept.outputs.pop(state.report.url, None)
        return found

    def kept_reports(self) -> KeptReports:
        """The tokens of this build's reports; outputs of reports no longer in the site are dropped."""
        self.kept.tokens = {s.report.url: s.token for s in self.reports.values() if s.report is not None}
        self.kept.outputs = {url: held for url, held in self.kept.outputs.items() if url in self.kept.tokens}
        return self.kept

    def read_config(self, config: SiteConfig) -> None:
        """The stored states' key from here on names what reports read of situs.yaml, not its bytes: a new portal
        title or address, or a comment, no longer loads every report again (the pages show them, and the pages'
        keys name the whole configuration: ``output/keys.site_fingerprint``)."""
        self.stored_key = digest(self.stored_base, read_by_reports(config))

    def begin(self, options: str, inputs: dict[str, Stamp], root: Path) -> dict[str, Folder]:
        """Each report folder's files and hashes (compared as they are: digesting 500 folders on every save cost
        more than comparing them); everything is forgotten if anything else changed."""
        folders: dict[str, list[tuple[str, str]]] = {}
        rest = []
        for name, stamp in inputs.items():
            slug, sep, _ = name.removeprefix(f"content/{REPORTS_DIR}/").partition("/")
            if name.startswith(f"content/{REPORTS_DIR}/") and sep:
                folders.setdefault(slug, []).append((name, stamp.sha256))
            else:
                rest.append((name, stamp.sha256))
        self.stamps, self.read = inputs, set()
        outside = digest(rest)  # hashed once: both keys below depend on it
        site_key = digest(options, outside)
        # stored states depend on the files outside the reports (but those only rendering reads: rendering_only),
        # the engine and where the site is (a report holds its folder's path), not on the options: a build with and
        # without PDFs, or with --strict, loads the same reports (warnings are promoted later, never stored
        # promoted); of situs.yaml, on what reports read of it (:meth:`read_config`), until which the key names its
        # bytes
        self.stored_base = digest(engine_key(), STATE_LAYOUT, str(root.resolve()),
                                  [r for r in rest if r[0] != SITE_FILE and not rendering_only(r[0])])
        self.stored_key = digest(engine_key(), STATE_LAYOUT, str(root.resolve()), outside)
        if site_key != self.site_key:
            self.site_key, self.reports, self.elements, self.memory, self.earlier = site_key, {}, None, {}, {}
            self.hashes, self.kept, self.saved = ContentHashes(), KeptReports(), {}
        return {slug: tuple(files) for slug, files in folders.items()}


def rendering_only(name: str) -> bool:
    """Whether the input ``name`` (as ``BuildOptions.inputs`` labels it) is a theme's file that only rendering reads:
    its templates and its static files but the fonts. No report's stored state depends on those (nothing before
    rendering reads a theme but the chart fonts, whose charts a state lists by key), so a webmaster's stylesheet or
    template edit no longer loads, computes, checks and parses every report again (2,5 s at N = 100)."""
    parts = name.split("/")
    at = 3 if parts[0] == "=paket" and parts[1:2] == ["themes"] else 2 if parts[0] in ("themes", "=tema") else 0
    if not at or len(parts) <= at + 1:
        return False
    return parts[at] == "templates" or (parts[at] == "static" and parts[at + 1] != "fonts")


@contextmanager
def _states_frozen(session: Session | None) -> Iterator[None]:
    """A run with a one-off session (a CLI build, ``check``): the states ``_load_reports_kept`` read back and froze
    (``gc.freeze``) are collectable again when the run is done, also in a process that runs several (tests)."""
    try:
        yield
    finally:
        if session is not None and not session.holds:
            gc.unfreeze()


@contextmanager
def _untrusted_on_error(memos: list[Memo], session: Session | None) -> Iterator[None]:
    """Laying out the PDFs, rendering the pages and their checks (the messages under ``--strict``, the audit of
    pages and PDFs against the model, the links): when anything stops the build before those checks have passed (an
    error they found, a damaged cache entry, Ctrl+C), the pages and PDFs it stored are removed from the memo, and a
    session's kept report outputs dropped.

    Why: those checks look at what a build rendered, not at what it took from the memo (checked when it was made,
    by the build that stored it). An output stored by a build that then stopped was taken unchecked by the next
    build of the same sources, which passed and published it: a theme's broken link, for one."""
    try:
        yield
    except BaseException:
        for memo in memos:
            memo.discard(memo.written)
        if session is not None:
            session.kept = KeptReports()
        raise


#: A preview (``serve``) draws fewer new charts than this in its own process (``ChartCache.draw_here_below``): one
#: data value's report (six charts) and a few more; a new report or a theme's new colours still go to workers.
PREVIEW_DRAWS_HERE_BELOW = 25

#: Which errors stop a run (None: every error; a build publishes the whole site, so it stops on any).
Blocking = Callable[[Diagnostic], bool] | None


def _say_lost(archive: list[ArchivedVersion], opts: BuildOptions, diags: Diagnostics, hashes: ContentHashes) -> None:
    """An error for each released version lost from ``arsip/`` (:func:`~.archive.store.lost_versions`), at the first
    record of it; ``build``, ``check`` and ``terbitkan`` stop on it. ``hashes``: the build's (the change pages' links
    among their facts)."""
    for lost in lost_versions(opts.out, opts.root, archive, hashes):
        diags.error(lost.at, lost.message)


def build_date() -> dt.date | None:
    """Dates printed on pages come from SOURCE_DATE_EPOCH only, so the same input gives the same bytes."""
    epoch = source_date_epoch()
    if epoch is None:
        return None
    return dt.datetime.fromtimestamp(epoch, tz=dt.timezone.utc).date()


def load_site(opts: BuildOptions, diags: Diagnostics, memo: Memo | None = None, blocking: Blocking = None,
              watch: Stopwatch | None = None, session: Session | None = None,
              folders: dict[str, Folder] | None = None, archive: list[ArchivedVersion] | None = None) -> Site:
    """Stages 1–4: config, content, data, computation. Raises ContentError when anything is wrong.

    ``memo`` keeps validated data files between builds (``check`` passes none: it writes nothing). With a
    ``session`` (and ``folders``: each report folder's files), unchanged reports are taken from it. With the
    ``archive``, a released report whose folder is gone from ``content/`` is read from its newest version's
    ``sumber/`` (``archive.history.read_released``): read on every build, never kept by the session (whose states are
    those of folders of ``content/``), and its version is released, so nothing of it is rendered.
    """
    watch = watch or Stopwatch()
    with watch.stage("baca"):
        config = load_config(opts.root, diags)
        if config is None:
            raise ContentError(diags)
        site = Site(root=opts.root, content_dir=opts.content, config=config)
        site.glyphs = font_glyphs(theme_dirs(opts.root, config.tema), _fonts_memo(opts, memo))
        check_config(config, diags, site.glyphs)
        if session is None or folders is None or not (opts.content / REPORTS_DIR).is_dir():
            site.reports = load_reports(opts.content, opts.root, config, diags)
            for report in site.reports:
                load_data(report, opts.root, diags, memo)
        else:
            session.read_config(config)
            site.reports = _load_reports_kept(opts, config, diags, memo, session, folders)
        if archive:  # in the order of the folders' names, as the reports of content/ are (so the portal is the same)
            site.reports = sorted(site.reports + read_released(opts.content, opts.root, config, archive, memo),
                                  key=lambda r: r.slug)
    _stop_on_errors(diags, opts, blocking)
    if session is None:
        compute_site(site, diags, watch)
    else:
        _compute_kept(site, diags, watch, session)
    return site


def _fonts_memo(opts: BuildOptions, memo: Memo | None) -> Memo | None:
    """Where what the theme's fonts draw is kept: the data files' memo, or (``check``, which writes nothing) the same
    folder read only, so that ``check`` after a build does not read the fonts again."""
    if memo is not None:
        return memo
    return Memo(opts.cache_root, "yaml", writable=False) if opts.use_cache else None


def _load_reports_kept(opts: BuildOptions, config: SiteConfig, diags: Diagnostics, memo: Memo | None,
                       session: Session, folders: dict[str, Folder]) -> list[Report]:
    """Each report folder loaded again only if its files changed; the session then holds exactly today's reports."""
    slugs = report_slugs(opts.content)
    warn_hidden_folders(opts.content, opts.root, diags)
    found: dict[str, ReportState | None] = {}
    replaced: dict[str, ReportState] = {}  # this process's states of folders that changed since
    with collection_paused():  # for all stored states at once: a collection after each one scanned all before it
        for slug in slugs:
            state = session.reports.get(slug)
            if state is not None and state.inputs == folders.get(slug, ()):
                found[slug] = state
                continue
            if state is not None:
                replaced[slug] = state
            if state is not None and state.chapters is not None:
                session.earlier[slug] = {pc.chapter.body: (pc.tokens, pc.env) for pc in state.chapters}
            found[slug] = session.restore(slug, folders.get(slug, ()))
        if not session.holds and any(s is not None and s.restored for s in found.values()):
            # A CLI build keeps the states it read back to its end: out of the collector's sight (gc.freeze) until
            # then, instead of scanned again by every full collection (over half a second of a one-chapter rebuild
            # at N = 100). Frozen before the collector is enabled again, or its first collection scans them all
            # once more (0,24 s at N = 100).
            gc.freeze()
    kept: dict[str, ReportState] = {}
    for slug in slugs:
        state = found[slug]
        if state is None:
            state = _load_report_state(opts, config, memo, slug, folders.get(slug, ()), replaced.get(slug))
            session.touch(state)
            session.read.add(slug)
        elif memo is not None:
            memo.keep_all(state.data_keys)  # its data files are not read: their entries are still this site's
        kept[slug] = state
        for d in state.loaded:
            diags.add(d)
    session.reports = kept
    reports = [state.report for state in kept.values() if state.report is not None]
    check_unique_versions(reports, diags)
    return reports


def _load_report_state(opts: BuildOptions, config: SiteConfig, memo: Memo | None, slug: str, inputs: Folder,
                       before: ReportState | None) -> ReportState:
    """A report folder loaded again (new, or its files changed); its data taken over from ``before`` (this process's
    state of the folder before a save) when the save left them as they were (:func:`_same_data`)."""
    own = Diagnostics()
    report = load_report(opts.content / REPORTS_DIR / slug, opts.root, config, own)
    said = len(own.items)
    same = _same_data(before, inputs, slug)
    data_keys: frozenset[str] = frozenset()
    if report is not None and same is not None and before is not None:
        previous, data_said = same
        report.data, report.source_digest = previous.data, previous.source_digest
        report.computed = previous.computed  # from laporan.yaml, data/ and situs.yaml alone
        for d in data_said:
            own.add(d)
        data_keys = before.data_keys
        if memo is not None:
            memo.keep_all(data_keys)
    elif report is not None:
        with memo.asking() if memo is not None else nullcontext(set()) as asked:
            load_data(report, opts.root, own, memo)
        data_keys = frozenset(asked)
    return ReportState(inputs, report, list(own.items), data_loaded=own.items[said:], data_keys=data_keys)


def _data_files(slug: str, files: Folder) -> set[tuple[str, str]]:
    """The report folder's ``laporan.yaml`` and ``data/`` files among ``files``: what its numbers are made of."""
    folder = f"content/{REPORTS_DIR}/{slug}/"
    return {(name, sha) for name, sha in files
            if name == folder + "laporan.yaml" or name.startswith(f"{folder}{DATA_DIR}/")}


def _same_data(before: ReportState | None, inputs: Folder, slug: str) -> tuple[Report, list[Diagnostic]] | None:
    """``before``'s report and what reading its data said, when ``before`` (this process's state of the folder
    before a save) read the same ``laporan.yaml`` and ``data/`` files as ``inputs`` holds: a save of chapters or
    images only. Its data, their messages and its numbers are then taken over instead of read, validated and
    computed again (about 15 ms of a ``serve`` save at N = 100); the chapters, and the checks that read them, are
    done again. None otherwise."""
    if before is None or before.report is None or before.data_loaded is None:
        return None
    same = _data_files(slug, before.inputs) == _data_files(slug, inputs)
    return (before.report, before.data_loaded) if same else None


def _compute_kept(site: Site, diags: Diagnostics, watch: Stopwatch, session: Session) -> None:
    """Numbers of reports that have none (new, or their data changed); findings again where the report, the
    instansi names or the earlier reports of its instansi it is checked against changed."""
    names = instansi_names(site)
    states = {state.report.slug: state for state in session.reports.values() if state.report is not None}
    earlier = same_instansi(site.reports)  # with the reports read from the archive
    spelled = spelled_otherwise(site.reports)

    def data_of(p: Report) -> str:
        """What ``p``'s numbers are made of: its folder's files, or the released version it was read from."""
        return digest(sorted(_data_files(p.slug, states[p.slug].inputs))) if p.slug in states else p.rel

    for slug, state in states.items():
        prior = earlier[slug]
        # checked again when a related report of its instansi changed its data (its figures are compared with them;
        # its chapters are not read: a chapter edit of TW I checked TW II again)
        against = names + [f"sebelumnya {p.slug} {data_of(p)}" for p in prior]
        against += [f"ejaan {p.slug} {p.instansi.nama!r} {p.instansi.pemda!r}" for p in spelled[slug]]
        against.append(f"fon {site.glyphs.key if site.glyphs else '-'}")  # checked again when the theme's fonts change
        if state.names != against:
            own = Diagnostics()
            compute_one(site, state.report, names, own, watch, prior, spelled[slug])
            state.names, state.checked, state.recomputed = against, list(own.items), state.restored
            session.touch(state)
        for d in state.checked:
            diags.add(d)
    for report in restored(site):  # computed on every build; what it finds is not kept (``_quiet_restored``)
        compute_one(site, report, names, diags, watch, earlier[report.slug], spelled[report.slug])


def _kept_loaded(opts: BuildOptions, session: Session | None, write: bool) -> bool:
    """Whether this build renders with the session's kept report outputs: a preview's own; for a one-off session
    (the CLI), those the last build wrote (``KeptReports.dump``), read now. False: every report's pages are looked
    for in the memo."""
    if session is None:
        return False
    if session.holds:
        return True
    if not write or not opts.use_cache or opts.executor:
        return False
    try:
        session.kept.load((opts.cache_root / KEPT_FILE).read_bytes())
    except OSError:
        pass  # none yet, or unreadable: every report's pages are found in the memo, as before
    return True


def _save_kept(kept: KeptReports, tokens: dict[str, str], path: Path) -> None:
    """Write what the next CLI build can take (best effort, as the facts file: a full disk or a read-only cache
    leaves it out, and the next build finds the pages in the memo); such a file of an earlier layout is removed."""
    try:
        write_whole(path, kept.dump(tokens))
        for older in path.parent.glob(KEPT_FILES):
            if older.name != path.name:
                older.unlink()
    except OSError:
        pass


def parse_site(site: Site, diags: Diagnostics, cache_root: Path, mode: CacheMode,
               watch: Stopwatch | None = None, session: Session | None = None) -> tuple[Parsed, ChartCache | None]:
    """Stages 5–6: parse every chapter, number every table and figure, build every element before anything renders.

    With a ``session``, the parser, the elements and the chart cache are those of the previous build, and a report
    kept by the session keeps its parsed chapters (its charts are in the cache already)."""
    watch = watch or Stopwatch()
    with watch.stage("baca"):
        if session is not None and session.elements is not None:
            md, registry, kept_charts = session.elements
            charts: ChartCache | None = kept_charts
            for memo in registry.memos():  # what this build uses: the reports it keeps name theirs (below)
                memo.begin()
        else:
            md = make_parser(site.config.html_mentah)
            registry, charts = make_registry(site, cache_root, mode, diags)
            if session is not None and charts is not None:  # no message to replay: a font error is not kept
                if session.holds:  # a preview, for many builds
                    charts.draw_here_below(PREVIEW_DRAWS_HERE_BELOW)
                session.elements = (md, registry, charts)
        parsed = Parsed(md, registry)
        states = {id(s.report): (slug, s) for slug, s in session.reports.items()} if session is not None else {}
        earlier = session.earlier if session is not None else {}
        for report in site.reports:
            slug, state = states.get(id(report), ("", None))
            if state is not None and state.deferred is not None and not (state.restored and state.recomputed):
                _read_later(state, report, registry, parsed)
            elif state is not None and state.chapters is not None:
                chapters = state.chapters
                if state.restored and state.recomputed:  # its messages are stored; its elements made again
                    number_items(report, chapters, registry, site.config, Diagnostics())
                    state.entries = item_entries(chapters, registry)
                elif state.restored:  # numbered as stored: only what lives in this process is made again
                    restore_items(report, chapters, registry)
                else:  # kept by the session: its tables and charts are not asked for, but still this site's
                    keep_entries(state.entries, registry)
                state.restored = state.recomputed = False
                parsed.chapters[report.url] = chapters
            else:
                own = Diagnostics() if state is not None else diags
                chapters = [parse_chapter(md, report, c, own, earlier.get(slug)) for c in report.chapters]
                number_items(report, chapters, registry, site.config, own)
                # its images are known now; said with the parse, so kept with it (state.parsed)
                check_unread(report, state.loaded if state is not None else diags.items, own)
                if state is not None and session is not None:
                    state.chapters, state.parsed = chapters, list(own.items)
                    state.entries = item_entries(chapters, registry)
                    session.touch(state)
                parsed.chapters[report.url] = chapters
            if state is not None:
                for d in state.parsed:
                    diags.add(d)
        if session is not None:
            session.earlier = {}
        if charts is not None:  # the comparison pages' charts are drawn with the reports' charts
            for spec in portal_charts(site):
                charts.want(spec, Directive("grafik", spec.kind, {}, site.config.loc))
    with watch.stage("grafik"):
        for finish in registry.finishers:
            finish(diags)
    return parsed, charts


def _read_later(state: ReportState, report: Report, registry: Registry, parsed: Parsed) -> None:
    """A report read back whose chapters are still bytes: its items' memo entries are kept now; the chapters are
    read when a page or PDF of it is rendered (``Chapters.later``) or anything else asks first, and bound to the
    build's elements then (``Deferred.then``; a preview keeps its registry between builds, so once is enough)."""
    keep_entries(state.entries, registry)
    deferred = state.deferred
    if state.restored and deferred is not None:
        deferred.then.append(lambda: restore_items(report, _chapters(state, report), registry))
    state.restored = False
    parsed.chapters.later[report.url] = lambda: _chapters(state, report)


def _chapters(state: ReportState, report: Report) -> list[ParsedChapter]:
    read = state.chapters
    if read is None:  # a state is stored only after its report was parsed
        raise RuntimeError(f"stored state of {report.url} has no chapters")
    return read


#: The distributions whose versions change output bytes: a Dask worker must have the same ones as this machine.
#: (System libraries such as Pango and HarfBuzz matter too; docs/dev/dask.md says to install workers alike.)
OUTPUT_PACKAGES = ("lkjip-site", "weasyprint", "pydyf", "vl-convert-python", "altair", "fonttools", "pikepdf",
                   "pypdfium2")


#: How many damaged cache entries one command removes, building again after each (:func:`repairing`); a disk that
#: damaged more is reported instead, with the folder to delete.
REPAIRS = 3


def repairing(opts: BuildOptions, attempt: Callable[[], T], said: Callable[[str], None],
              again: Callable[[], None] = lambda: None) -> T:
    """``attempt()`` (a build, a check, a release's build); when it finds a cache entry damaged or gone where that
    build cannot make it again (a page held by reference, a stored state's later part), the entry is removed, with
    the outputs the last CLI build kept (they may refer to it), ``said`` tells the user, ``again`` drops what a
    preview holds, and the build runs again: it makes the entry anew. Nothing was published by the attempt that
    failed.

    Why: such an entry stopped the command with "cache rusak" and the advice to delete the whole cache (then a cold
    build: minutes on a kabupaten archive); and since builds prune the cache (``Memo.prune``), a build may find an
    entry gone that another process's build removed while it ran, which is no damage at all.
    """
    for _ in range(REPAIRS):
        try:
            return attempt()
        except CacheDamaged as damage:
            if not opts.use_cache:
                raise
            _forget(opts, damage)
            said(f"cache rusak: {damage}; bagian itu dibuang dan build diulang")
            again()
    return attempt()


def _forget(opts: BuildOptions, damage: CacheDamaged) -> None:
    """Remove the damaged entry (the stored states, when it is a state's later part, read from memory) and the
    outputs the last CLI build kept; only inside the cache folder."""
    root = opts.cache_root.resolve()
    found = damage.path.resolve() if damage.path is not None else None
    if found is not None and root in found.parents:
        found.unlink(missing_ok=True)
    else:
        states = opts.memo("sesi").dir
        if states is not None:
            shutil.rmtree(states, ignore_errors=True)
    (opts.cache_root / KEPT_FILE).unlink(missing_ok=True)


def build(opts: BuildOptions, write: bool = True, session: Session | None = None) -> BuildResult:
    """Build the whole site into ``opts.out``; nothing is done when nothing changed since the last good build.

    ``session`` (``lkjip serve``) keeps unchanged reports in memory between builds of one process.
    """
    watch = Stopwatch()
    with watch.stage("awal"):  # the fast path: the inputs of the last good build give its output, already on disk
        state = BuildState(opts.cache_root, opts.out) if write and opts.use_cache else None
        own = session.own_record(state) if session is not None and state is not None else None
        record = own or (state.load() if state is not None else None)
        key = opts.key()
        changed = session.changed(state) if session is not None and state is not None else None
        inputs = stamp_inputs(opts.inputs(), record.inputs if record is not None else {}, changed)
        if own is not None:
            disk: dict[str, str] | None = {rel: stamp.sha256 for rel, stamp in own.outputs.items()}
        else:
            disk = state.on_disk(record) if state is not None else None
        replay = state.replay(record, key, inputs, disk) if state is not None else None
        if record is not None and opts.search_index and not record.summary.get("indeks", 1):
            replay = None  # the published search index was kept from an earlier build: make it now
        if session is not None and not session.reports:
            replay = None  # a new session fills itself first (``serve``'s first build), so that later ones are quick
    if state is not None and record is not None and disk is not None and replay is not None:
        saved = None
        if inputs != record.inputs:  # saved again unchanged: keep the new times, so they are not hashed again
            saved = state.save(key, inputs, replay, record.summary, disk)
        if session is not None:
            session.recorded(state, saved)
        return BuildResult(None, replay, summary=record.summary, timings=watch)
    working = session  # serve's; a CLI build gets one for this build, whose unchanged reports come from the store
    if working is None and state is not None:
        working = Session(store=opts.memo("sesi"), holds=False)
    folders = working.begin(key, inputs, opts.root) if working is not None else None
    with _states_frozen(working):  # also while the record is made: unfrozen, its dicts set off full collections
        with distributed_executor(opts.executor, OUTPUT_PACKAGES):  # --pelaksana: Dask
            try:
                result, published = _build_all(opts, watch, write, disk, working, folders)
            except ContentError:  # a preview keeps the reports it read, whose messages come again on the next build
                if working is not None and working.holds:
                    working.forget_moved(opts.inputs())
                raise
        if state is not None and published is not None:
            with watch.stage("terbit"):
                stamped = {name: Stamp(s.size, s.mtime_ns, "") if name in result.moved else s
                           for name, s in inputs.items()}  # a text read after its stamp: hashed again next time
                saved = state.record(key, stamped, result.diagnostics, result.summary, published.digests,
                                     published.written, record)
                if session is None or result.summary["indeks"]:
                    state.write(saved)
                # else serve's pages-first build: the page reloads now, and the index build that follows writes
                # the record (until then the session holds it; were serve stopped first, the old record no longer
                # matches the output folder, so the next build publishes in full)
                if session is not None:
                    session.recorded(state, saved)
    return result


def _build_all(opts: BuildOptions, watch: Stopwatch, write: bool, on_disk: dict[str, str] | None,
               session: Session | None, folders: dict[str, Folder] | None) -> tuple[BuildResult, Published | None]:
    """Every stage, for the whole site: validate and render everything in memory, then publish in one swap."""
    diags = Diagnostics()
    hashes = session.hashes if session is not None else ContentHashes()
    if write and opts.use_cache:  # what earlier builds learnt of the memo's pages: not read again to learn it
        hashes.load(opts.cache_root / FACTS_FILE)
    # the reports' outputs the last CLI build kept, under the tokens their stored states have (not with --pelaksana,
    # whose report pages go to the cluster): a one-chapter rebuild then computes one report's page keys, not all
    keeps = _kept_loaded(opts, session, write)
    memos: list[Memo] = []

    def memo(namespace: str, in_memory: bool = True) -> Memo:
        """``in_memory=False``: a session keeps the entries on disk only, where there is a cache folder (the pages:
        held by reference, ``core/files.py``, so a preview does not hold the whole site's bytes either)."""
        holds = session is not None and session.holds and (in_memory or not opts.use_cache)
        memos.append(opts.memo(namespace, session.memory.setdefault(namespace, {}) if holds else None))
        return memos[-1]

    data_files = memo("yaml")
    with watch.stage("baca"):
        archive = load_archive(opts.root, diags)
    site = load_site(opts, diags, data_files, watch=watch, session=session, folders=folders, archive=archive)
    with watch.stage("baca"):
        _say_lost(archive, opts, diags, hashes)
        history = plan_history(site, archive, diags)
        _check_renames(site, history, diags)
        frozen = _frozen(site, history)
        released = {path: data for version in archive for path, data in version.site_files(diags, hashes).items()}
    _stop_on_errors(diags, opts)  # a changed release stops the build before anything is rendered
    parsed, charts = parse_site(site, diags, opts.cache_root, opts.cache_mode, watch, session)
    _quiet_restored(site, diags)
    _hold_released(diags, frozen)
    _stop_on_errors(diags, opts)
    pdf_memo, pages = memo("pdf"), memo("halaman", in_memory=False)
    with _untrusted_on_error([pages, pdf_memo], session):  # what is made here is trusted once its checks passed
        pdf_marks: list[Shown] = []
        with watch.stage("pdf"):
            pdfs = (render_pdfs(site, parsed, diags, pdf_memo, frozen=history.frozen, marks=pdf_marks)
                    if opts.pdf else {})
        drawn = [r for r in site.reports if r.url not in history.frozen]
        with watch.stage("render"):
            bundle = vega_bundle(opts.cache_root) if any(r.figures for r in drawn) else None
            files = render_site(site, parsed, diags, build_date(), pages, dev_reload=opts.dev_reload, pdfs=pdfs,
                                vega_bundle=bundle, history=history, charts=charts,
                                kept=session.kept_reports() if session is not None and keeps else None)
        if session is not None:
            session.theme = (tuple(theme_dirs(site.root, site.config.tema)), pages)
        _stop_on_errors(diags, opts)  # a broken Markdown link is reported at its source line, not again per page
        with watch.stage("audit"):
            audit = memo("audit")
            audit_figures(site, files, diags, pdf_marks, audit, hashes)  # released files: checked by hash
        files.update(released)  # released versions, byte for byte, each file checked against its manifest above
        # every version's open data, released too
        current = _current_names(site, history)
        files.update(_portal_open_data(site, history, files, current, hashes, pages))
        files[CATALOGUE] = data_catalogue(site.config, history, files, current)
        with watch.stage("tautan"):
            check_output_names(site, history.frozen, files, diags)  # one name on Windows/macOS: one file overwritten
            check_links(files, pages.stats.rendered, diags, hashes)
        _stop_on_errors(diags, opts, last=True, frozen=frozen)
    with watch.stage("indeks"):  # the search index of the pages in memory (or, on request, the one published)
        fresh = opts.search_index or on_disk is None
        search = memo("pagefind")
        index = index_pages(files, diags, search, hashes, released.keys()) if fresh else published_index(
            opts.out, on_disk, session.index if session is not None else None, hashes)
        files.update(index)
        if session is not None:
            session.index = index
    _stop_on_errors(diags, opts, last=True, frozen=frozen)
    summary = {"laporan": len(site.reports), "berkas": len(files), "pdf": sum(1 for k in files if k.endswith(".pdf")),
               "indeks": int(fresh), "pdf_dibuat": int(opts.pdf)}
    published = None
    if write:
        with watch.stage("terbit"):
            moved_inputs = session.forget_moved(opts.inputs()) if session is not None else set()
            published = publish(files, opts.out, on_disk, hashes)
            if opts.search_index:  # (not in serve's pages-first build: the index build that follows prunes)
                _prune(opts, files, pages,
                       [data_files, audit, *parsed.registry.memos(), *[pdf_memo] * opts.pdf, search])
            if opts.use_cache:
                remove_older_formats(opts.cache_root)
            if session is not None and opts.search_index:  # (not in serve's pages-first build: off the reload path)
                session.save()  # the report states, for the next process
    for used in memos:
        used.keep_used()
    hashes.keep(files)
    if published is not None and opts.search_index:  # (serve's pages-first build: the index build that follows)
        hashes.save()
        if keeps and session is not None and not session.holds:
            _save_kept(session.kept, session.stored_tokens(), opts.cache_root / KEPT_FILE)
    rendered = sorted(pages.stats.rendered + pdf_memo.stats.rendered)
    return BuildResult(site, diags, files, rendered, summary, watch, moved_inputs if write else set()), published


def _portal_open_data(site: Site, history: SiteHistory, files: Mapping[str, bytes], current: Mapping[tuple[str, str], str],
                      hashes: ContentHashes, pages: Memo) -> dict[str, bytes]:
    """The portal's ``data-terbuka/`` (``output.opendata.portal_open_data``), each report version's lines of each
    table kept in the pages' memo under what they are made of: its source columns and the hash of the CSV they are
    read from.

    Why: the tables are every report's published CSVs, which a rebuild holds by reference to the memo; making them
    again read every report's open data back (some 2 500 entries at N = 500) to write the same bytes: a one-chapter
    CLI rebuild read them all, and a value saved in ``serve`` at N = 100 took 1,19 against 0,72 s. The hashes of
    unchanged entries are what the last build learnt (``ContentHashes``): only a changed report's CSVs are read."""
    config = site.config
    keys: list[str] = []

    def key(v: VersionInfo, source: str) -> str:
        held = files.held(source) if isinstance(files, SiteFiles) else files[source]
        return pages.key("data-terbuka", portal_source(config, v, current), source, hashes(held))

    def listed(v: VersionInfo, source: str, make: Callable[[], bytes]) -> bytes:
        keys.append(key(v, source))
        return b""

    def fragment(v: VersionInfo, source: str, make: Callable[[], bytes]) -> bytes:
        name = key(v, source)
        kept = pages.get(name)
        if kept is None:
            kept = make()
            pages.put(name, kept)
        return kept

    portal_tables(config, history, files, current, listed)  # every version's key: no CSV read
    whole = pages.key("data-terbuka", keys)
    stored = pages.get(whole)
    if stored is not None:  # no report's open data changed: one entry read, not one per report
        tables: dict[str, bytes] = pickle.loads(stored)
        pages.used.update(keys)  # still used (``Memo.prune``): a cold build of these sources stores each
    else:
        tables = portal_tables(config, history, files, current, fragment)
        pages.put(whole, pickle.dumps(tables))
    return portal_package(config, history, files, tables) if tables else {}


def _prune(opts: BuildOptions, files: SiteFiles, pages: Memo, others: list[Memo]) -> None:
    """Remove the entries no variant of build uses any more (``Memo.prune``) from the memos this build asked for all
    it uses: not the PDFs' when it made none. The pages and open data of unchanged reports are used without being
    asked for (held by reference); the data files of reports read back, by the keys their states name."""
    pages.prune(opts.variant, pages.held_by(files))
    for memo in others:
        memo.prune(opts.variant)


@dataclass
class PdfResult:
    """``lkjip pdf``'s answer: the PDF, the messages, and the archive folder it was copied from (None: laid out)."""

    data: bytes
    diags: Diagnostics
    arsip: str | None = None
    #: the archive folder of a version released without a PDF, whose PDF was laid out here: not part of it
    tanpa_pdf: str | None = None


def build_pdf(opts: BuildOptions, slug: str) -> PdfResult:
    """``lkjip pdf <laporan>``: validate the whole site (links cross reports), lay out one report's PDF."""
    with distributed_executor(opts.executor, OUTPUT_PACKAGES):
        return _build_pdf(opts, slug)


def _build_pdf(opts: BuildOptions, slug: str) -> PdfResult:
    """A released version's PDF is the archived one, byte for byte, as ``build`` publishes it: laid out again it
    came from a newer lkjip (another layout, a figure computed anew) beside the signed PDF of the same number, and
    ``--strict`` stopped on warnings of a text that cannot change under that number (``build`` keeps them warnings).
    Only a version released without a PDF (``terbitkan --tanpa-pdf``) is laid out from its sources, and the PDF says
    on its cover, its pages' footers and its metadata that it is no part of that release (``LaidAfterRelease``)."""
    diags = Diagnostics()
    archive = load_archive(opts.root, diags)
    site = load_site(opts, diags, opts.memo("yaml"), archive=archive)
    if not any(r.slug == slug for r in site.reports):
        known = ", ".join(sorted({r.slug for r in site.reports})) or "-"
        diags.error((site.config.loc.file, 1), f"laporan '{slug}' tidak ada di content/laporan (tersedia: {known})")
        raise ContentError(diags)
    newest = max((r for r in site.reports if r.slug == slug), key=lambda r: (r.tanggal_terbit, r.versi))
    history = plan_history(site, archive, diags)
    _check_renames(site, history, diags)
    frozen = _frozen(site, history)
    _stop_on_errors(diags, opts)
    released = next((v for v in archive if v.url == newest.url), None) if newest.url in history.frozen else None
    if released is not None:
        files = released.site_files(diags)
        _stop_on_errors(diags, opts)
        if newest.url + pdf_name(newest) in files:
            _stop_on_errors(diags, opts, last=True, frozen=frozen)
            return PdfResult(content(files[newest.url + pdf_name(newest)]), diags, released.rel)
    parsed, _charts = parse_site(site, diags, opts.cache_root, opts.cache_mode)
    _quiet_restored(site, diags)
    _hold_released(diags, {other: at for other, at in frozen.items() if other != slug})  # its own: laid out here
    _stop_on_errors(diags, opts)
    pdf_marks: list[Shown] = []
    pdf_memo = opts.memo("pdf")
    with _untrusted_on_error([pdf_memo], None):  # a PDF its audit stops is not taken from the memo later
        late = {newest.url: LaidAfterRelease(released.rel, build_date() or dt.date.today())} if released else {}
        pdfs = render_pdfs(site, parsed, diags, pdf_memo, only={slug}, marks=pdf_marks, late=late)
        audit_figures(site, {}, diags, pdf_marks)
        _stop_on_errors(diags, opts, last=True, frozen=frozen)
    return PdfResult(pdfs[newest.url + pdf_name(newest)], diags, tanpa_pdf=released.rel if released else None)


def release(opts: BuildOptions, slug: str, said: Callable[[str], None]) -> tuple[str, str, BuildResult]:
    """``lkjip terbitkan <slug>``: build the site, freeze the report's current version in ``arsip/``, publish.

    Returns ("terbit" | "sama", the version, result of the final build): "sama" when that version is already
    archived with the same sources (nothing is archived; the site is built, a no-op when it is up to date, so that a
    release stopped after archiving, or made meanwhile by another ``terbitkan``, is published by running the command
    again). A version already archived with other sources, or numbered below a released one, is a ContentError at
    the ``versi`` line, raised before anything is built or written; so is a file of the report saved while the
    command runs (the archive would hold pages of one text beside the sources of another, for good).

    Each of the two builds repairs a damaged cache entry as ``lkjip build`` does (:func:`repairing`, told through
    ``said``): the version folder is written whole or not at all (``write_version``), after every page it holds was
    read (the bag), so an attempt that finds damage has stored nothing.
    """
    diags = Diagnostics()
    folder = opts.content / REPORTS_DIR / slug
    times = snapshot_times(folder)  # before the snapshot's read: a save while it reads shows too
    site = load_site(opts, diags, opts.memo("yaml"))
    loaded = set(diags.items)
    target = release_target(site, load_archive(opts.root, diags), slug, diags)
    if target is None:  # archived already: the site is built still (an earlier release may have stopped before)
        final = repairing(opts, lambda: build(opts), said)
        final.diagnostics.extend(diags)
        return "sama", next(r.versi for r in site.reports if r.slug == slug), final
    _stop_on_release_warnings(diags, loaded, opts)

    def built_unchanged() -> Mapping[str, bytes]:
        """The release's pages, made from the files the snapshot holds: a file saved meanwhile (by an author still
        at work) would archive pages of one text beside the sources of another, for good. Nor is a file of the
        folder that the build did not read archived (:func:`unread_sources`)."""
        result = build(opts, write=False)
        now = snapshot_times(folder)
        saved = sorted(rel for rel in times.keys() | now.keys() if times.get(rel) != now.get(rel))
        report = target.report
        if saved:
            for rel in saved:
                diags.error((f"{report.rel}/{rel}", 1), f"berkas ini diubah saat 'lkjip terbitkan {slug}' berjalan; "
                                                         "tidak ada yang diterbitkan. Selesaikan penyimpanan, lalu "
                                                         "jalankan perintah itu lagi")
            raise ContentError(diags)
        assert result.site is not None  # a build that writes nothing never replays the last one
        built = next(r for r in result.site.reports if r.folder == report.folder)
        unread = unread_sources(target, built)
        for rel in unread:
            diags.error((f"{report.rel}/{rel}", 1),
                        "berkas ini tidak dibaca build (bukan laporan.yaml, bab, berkas data, atau gambar yang "
                        "dipakai), tetapi akan ikut terbit selamanya di paket arsip BagIt versi ini; tidak ada yang "
                        "diterbitkan. Pindahkan berkas ini ke luar folder laporan (mis. ke folder draf di luar "
                        f"content/), lalu jalankan lagi 'lkjip terbitkan {slug}'")
        if unread:
            raise ContentError(diags)
        return result.files

    outcome = "terbit"
    try:
        repairing(opts, lambda: store_release(opts.root, target, built_unchanged()), said)
    except FileExistsError:  # released meanwhile by another 'lkjip terbitkan': the same sources, or an error now
        if release_target(site, load_archive(opts.root, Diagnostics()), slug, diags) is not None:
            raise
        outcome = "sama"
    final = repairing(opts, lambda: build(opts), said)
    final.diagnostics.extend(diags)  # the release's own warnings (e.g. an unchanged catatan_versi)
    return outcome, target.report.versi, final


def _stop_on_release_warnings(diags: Diagnostics, loaded: set[Diagnostic], opts: BuildOptions) -> None:
    """``terbitkan --strict``: the release's own warnings (a ``tanggal_terbit`` still to come or the version
    before's, an unchanged ``catatan_versi``) are errors, before anything is archived. Why: they were added to the
    final build's messages only, after the version was archived for good, so ``--strict`` ("peringatan dianggap
    galat") let a version it warned of be released. The build's own warnings are promoted by the build itself."""
    if not opts.strict:
        return
    diags.promote_warnings(lambda d: d not in loaded)
    if any(d not in loaded for d in diags.errors):
        raise ContentError(diags)


def check(opts: BuildOptions) -> Diagnostics:
    """Everything ``build`` validates, rendering included (links, references, values, the consistency audit of every
    page), without writing anything. PDFs are not laid out (that is what makes ``check`` fast); ``build`` audits them.

    Charts and tables already in the cache are read from it; new ones are made in memory and not stored. A report
    whose folder did not change since the last build is read back from that build's store, with its messages
    (``Session.restore``), as ``build`` does. With ``--laporan`` only errors in scope stop the check: the other
    reports' problems are counted, not fixed, by this author.
    """
    diags = Diagnostics()
    blocking = opts.scope.covers
    record = BuildState(opts.cache_root, opts.out).load() if opts.use_cache else None
    session, folders = _stored_reports(opts, record)
    pages, verdicts, hashes = _read_only(opts)
    with _states_frozen(session):
        archive = load_archive(opts.root, diags)
        _say_lost(archive, opts, diags, hashes)
        site = load_site(opts, diags, blocking=blocking, session=session, folders=folders, archive=archive)
        history = plan_history(site, archive, diags)
        _check_renames(site, history, diags)
        frozen = _frozen(site, history)
        parsed, _charts = parse_site(site, diags, opts.cache_root, "read" if opts.use_cache else "off", session=session)
        _quiet_restored(site, diags)
        _hold_released(diags, frozen)
        _stop_on_errors(diags, opts, blocking)
        made = [r for r in site.reports if r.url not in history.frozen]
        pdfs = {r.url + pdf_name(r): b"" for r in made} if _with_pdfs(opts, record) else {}
        bundle = kept_vega_bundle(opts.cache_root) if opts.use_cache and any(r.figures for r in made) else None
        keeps = _kept_loaded(opts, session, True)  # the outputs the last build kept, taken as it does
        files = render_site(site, parsed, diags, build_date(), pages, dev_reload=False, pdfs=pdfs, vega_bundle=bundle,
                            history=history, charts=_charts,
                            kept=session.kept_reports() if session is not None and keeps else None)
        _stop_on_errors(diags, opts, blocking)
        audit_figures(site, files, diags, verdicts=verdicts, hashes=hashes)
        for version in archive:  # released files as link targets, anchors included (pages link to #angka-kunci)
            files.update(version.site_files(diags, hashes))
        # the home page links to it
        current = _current_names(site, history)
        files.update(_portal_open_data(site, history, files, current, hashes, pages))
        files[CATALOGUE] = data_catalogue(site.config, history, files, current)
        _stop_on_errors(diags, opts, blocking)
        check_output_names(site, history.frozen, files, diags)
        check_links(files, pages.stats.rendered, diags, hashes)
        _stop_on_errors(diags, opts, blocking, last=True, frozen=frozen)
        return diags


def _read_only(opts: BuildOptions) -> tuple[Memo, Memo | None, ContentHashes]:
    """``check``'s pages and audit verdicts: the cache's, read only (``check`` writes nothing), with what the last
    build learnt of its pages (``FACTS_FILE``); without the cache, nothing kept and everything audited.

    Why: a page the memo holds passed the audit and the link check of the build that stored it (one whose checks
    failed removed what it stored: :func:`_untrusted_on_error`), and its key covers everything it shows, as for the
    build that takes it. ``check`` rendered, audited and link-checked every page of the archive (8 s at N = 100,
    where a one-chapter build takes 1 s), and the scaffold tells an author to run it before every build."""
    if not opts.use_cache:
        return Memo(None, "periksa"), None, ContentHashes()
    hashes = ContentHashes()
    hashes.load(opts.cache_root / FACTS_FILE)
    return (Memo(opts.cache_root, "halaman", writable=False), Memo(opts.cache_root, "audit", writable=False),
            hashes)


def _with_pdfs(opts: BuildOptions, record: BuildRecord | None) -> bool:
    """Whether ``check`` renders the pages as a build with PDFs does (their links, the PDFs' paths as link targets:
    not laid out, so with no bytes): as the last build (``record``) did, else as ``lkjip build`` does by default.

    By the option the last build ran with (``pdf_dibuat``), not by the PDFs it published: those include the released
    versions' PDFs, so after ``build --tanpa-pdf`` on a site with releases ``check`` rendered every page with PDF
    links and took none from the cache."""
    return opts.pdf and (record is None or bool(record.summary.get("pdf_dibuat", 1)))


def _stored_reports(opts: BuildOptions, record: BuildRecord | None) -> tuple[Session | None, dict[str, Folder] | None]:
    """``check``: the report states the last build stored, read only (as the memo), with each report folder's files
    (stamped against the last build's ``record``, so only files changed since are hashed); (None, None) without the
    cache."""
    if not opts.use_cache:
        return None, None
    inputs = stamp_inputs(opts.inputs(), record.inputs if record is not None else {})
    session = Session(store=Memo(opts.cache_root, "sesi", writable=False), holds=False)
    return session, session.begin(opts.key(), inputs, opts.root)


def audit_figures(site: Site, files: Mapping[str, bytes], diags: Diagnostics, extra: list[Shown] | None = None,
                  verdicts: Memo | None = None, hashes: ContentHashes | None = None) -> None:
    """Every figure the output shows, compared with the model (``output/audit.py``): a disagreement is an error.

    ``verdicts`` remembers, per unit (a report's files, the rest of the site) and model, the files that passed, by
    their hash and by their marks (``audit.fingerprint``): a file whose bytes passed needs no audit again, nor its
    marks read (a chapter edit audits one page); a file that shows the same figures from the same model needs no
    audit either (a change outside the figures of every page, as the portal's title or a theme's header, audits
    none). The last few passing versions of each file are kept, so that builds which show a page in turn with and
    without the preview's reload script or a PDF link, or with other figures, do not audit it again at every switch.
    Only a clean audit is remembered, so a disagreement is reported on every build until it is fixed.
    """
    passed: list[tuple[str, dict[str, tuple[str, ...]]]] = []
    sources = [HtmlSource(), OpenDataSource()]
    sha = hashes or ContentHashes()
    found = bool(audit_site(site, {}, extra or [], sources=sources))
    bodies = bodies_of(files)
    # One unit at a time: the marks of a whole archive at once were the largest thing a build held (millions of
    # them at N = 500). A mark is judged against the model alone, so the units' verdicts are the whole site's.
    for name, (model, unit) in audit_units(site, files, sha).items():
        if verdicts is None:  # ``check``: everything, and nothing to remember (so no file is read for its marks)
            found = found or bool(audit_site(site, SiteFiles(unit), sources=sources))
            continue
        key = verdicts.key("tanda", model, name)
        known = _verdicts(verdicts.get(key))
        read: dict[str, list[Shown]] = {}  # the marks read below for a fingerprint, audited without reading again
        prints: dict[str, tuple[str, ...]] = {}
        todo: dict[str, Held] = {}
        fresh = False  # bytes not remembered yet: the verdicts are written again
        for path, data in unit.items():
            seen, digest_of = known.get(path, ()), sha(data)  # (the hash: publishing takes it anyway)
            if digest_of in seen:  # the very bytes passed: their marks need not be read
                prints[path] = (digest_of,)
                continue
            fresh = True
            span = sha.body_span(path, data, bodies)  # a chapter's body: its marks' fingerprint kept apart
            marks = sha.fact(data, MARKS_FACT + path,
                             keeping(read, path, functools.partial(file_marks, path, sources=sources), fingerprint)
                             ) if span is None else sha.fact(data, parts_fact(path, span),
                                                             fingerprint_in_parts(sha, data, path, span, sources, read))
            prints[path] = (digest_of, marks)
            if marks not in seen:
                todo[path] = data
        if todo:
            found = found or bool(audit_site(site, SiteFiles(todo), sources=[Remembered(read, sources)]))
        if fresh:
            passed.append((key, {path: _newest_first(prints[path], known.get(path, ())) for path in unit}))
    # rare (a fault of the program or theme): audit everything at once, so that each message names every place
    problems = audit_site(site, files, extra or [], sources=sources) if found else []
    for place, message in problems:
        diags.error((place, 1), message)
    if verdicts is not None and not problems:
        for key, prints_of in passed:
            verdicts.put(key, "".join(f"{','.join(ps)} {path}\n" for path, ps in sorted(prints_of.items())).encode())


#: How many passing versions of one file the audit remembers, each by its hash and its marks (a page with and
#: without the preview's reload script, with and without a PDF link, a value tried and taken back).
VERDICTS_KEPT = 4


def _verdicts(stored: bytes | None) -> dict[str, tuple[str, ...]]:
    """Path -> hashes of the versions of the file that passed a unit's clean audits, newest first (one
    "hash,hash,... path" line each)."""
    out = {}
    for line in (stored or b"").decode("utf-8").splitlines():
        hashes, _, path = line.partition(" ")
        out[path] = tuple(hashes.split(","))
    return out


def _newest_first(current: tuple[str, ...], known: tuple[str, ...]) -> tuple[str, ...]:
    """This version's hash and marks first, then the earlier versions' (two each), without repeats."""
    return (*current, *(h for h in known if h not in current))[:2 * VERDICTS_KEPT]


def _stop_on_errors(diags: Diagnostics, opts: BuildOptions, blocking: Blocking = None, last: bool = False,
                    frozen: Mapping[str, tuple[Loc, str]] | None = None) -> None:
    """Any blocking error stops the run. ``--strict`` turns the warnings in scope into errors at the ``last`` gate
    only, once every stage has said its messages: promoted at the first gate, a warning of the reports' files
    stopped the run before the chapters were read, so the chapters' warnings came one fix later."""
    if opts.strict and last:
        _promote(diags, opts.scope, frozen or {})
    if any(blocking is None or blocking(d) for d in diags.errors):
        raise ContentError(diags)


def _current_names(site: Site, history: SiteHistory) -> dict[tuple[str, str], str]:
    """The current name of each earlier name of an instansi renamed (the catalogue's ``instansi_kini``)."""
    return current_names(site, [v for versions in history.versions.values() for v in versions])


def _check_renames(site: Site, history: SiteHistory, diags: Diagnostics) -> None:
    """The earlier names of every report (``instansi.nama_sebelumnya``), known from every version published."""
    check_site_renames(site.reports, [(v.instansi.nama, v.instansi.pemda) for versions in history.versions.values()
                                      for v in versions], diags)


def _frozen(site: Site, history: SiteHistory) -> dict[str, tuple[Loc, str]]:
    """The reports whose folder is a released version (copied from the archive, never rebuilt), by slug: where
    their ``versi`` is written, and the number their next version would take."""
    return {r.slug: (loc_of(r, "versi"), suggest_version(r.versi, [v.versi for v in history.versions.get(r.slug, [])]))
            for r in site.reports if r.url in history.frozen}


def _quiet_restored(site: Site, diags: Diagnostics) -> None:
    """What loading, computing and parsing said of the reports read from ``arsip/`` (``load_site``) is dropped but an
    error of their numbers, which stops the build as it would with the folder copied back (a newer lkjip refusing
    what an older one released: the portal must not show figures it finds wrong).

    Why: their pages and PDF are the archive's, never made from these sources again, and no one can mend a file of
    ``arsip/`` (``check`` would then refuse the version as edited); so warnings, and errors of their chapters (held
    as a released version's are: ``_hold_released``), would only stop ``--strict`` on what the next version
    mends, after its folder is copied back (said once, for the whole site: ``warn_sources_gone``)."""
    folders = tuple(f"{r.rel}/" for r in restored(site))
    if folders:
        diags.drop(lambda d: d.file.startswith(folders) and not (d.severity == "error" and not d.file.endswith(".md")))


def _hold_released(diags: Diagnostics, frozen: Mapping[str, tuple[Loc, str]]) -> None:
    """The errors found in the chapters of a released version become warnings, with what to do said once at its
    ``versi``. Why: its pages and PDF are the archive's, copied byte for byte and never made from these chapters
    again, yet a newer lkjip's checks (0.2.5 refusing the ``style`` that 0.2.4 let ``html_mentah`` write) stopped
    every build of the site after an upgrade; mending the chapter under the released number is refused too, so the
    only way on was a new version of a signed report. The next version is checked as any (it is not frozen)."""
    held = diags.demote_errors(lambda d: d.file.endswith(".md") and report_of(d.file) in frozen)
    for slug in sorted({report_of(d.file) or "" for d in held}):
        loc, following = frozen[slug]
        diags.warn(loc, f"versi ini sudah diterbitkan dan halaman serta PDF-nya disalin dari {ARCHIVE_DIR}/ apa "
                        "adanya, jadi galat di bab-babnya tidak menghentikan build situs; perbaiki di versi "
                        f"berikutnya: naikkan versi (versi: \"{following}\"), ubah isinya, lalu "
                        f"'lkjip terbitkan {slug}'")


def _promote(diags: Diagnostics, scope: Scope, frozen: Mapping[str, tuple[Loc, str]]) -> None:
    """``--strict``: the warnings in scope become errors, except those of a released version, which are said once
    more as warnings with what to do. Why: its pages are the archive's and no build publishes it again, yet a newer
    lkjip's checks (or ``--strict`` added to a webmaster's script) stopped every build of the site on a text that
    cannot change under its number; the author mends it in the next version."""
    held = sorted({slug for d in diags.warnings if (slug := report_of(d.file)) in frozen and scope.covers(d)})
    diags.promote_warnings(lambda d: scope.covers(d) and report_of(d.file) not in frozen)
    for slug in held:
        loc, following = frozen[slug]
        note = (f"versi ini sudah diterbitkan dan tidak dibangun ulang, jadi --strict tidak menganggap peringatan "
                f"laporan '{slug}' sebagai galat; perbaiki di versi berikutnya: naikkan versi (versi: "
                f"\"{following}\"), ubah isinya, lalu 'lkjip terbitkan {slug}'")
        if not any(d.message == note for d in diags.warnings):
            diags.warn(loc, note)
