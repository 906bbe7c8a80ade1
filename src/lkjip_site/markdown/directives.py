"""The directive API: what a ``{tabel}``/``{grafik}`` kind is given and must provide, and what a chapter renders with.

The element stage (``lkjip_site.elements``) registers each kind in a :class:`Registry`: a validator that builds the
element's model once, up front, and a renderer that turns the model into HTML through the theme.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Callable

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..core.deferred import Deferrable, Deferred
from ..core.diagnostics import Diagnostics
from ..core.memo import Memo
from ..core.model import Chapter, Loc, NumberedItem, Report, SiteConfig
from ..core.paths import relative_url
from ..core.suggest import did_you_mean
from .urls import LinkIndex, build_link_index


@dataclass
class Directive:
    """A parsed ```{tabel}/```{grafik} block: kind, options and where it stands."""

    directive: str
    kind: str
    options: dict[str, Any]
    loc: Loc
    item: NumberedItem | None = None
    option_lines: dict[str, int] = field(default_factory=dict)
    built: Any = None  # the table/chart model built during validation, reused when rendering
    built_key: str = ""  # a digest that stands for ``built`` (cheaper than its repr for the render memo)
    #: loads the model from a memo, each time a page or the PDF renders it: not kept, because an archive's tables
    #: held between their page and the end of the build were a tenth of its memory (millions of cells)
    loader: Callable[[], Any] | None = None

    def model(self) -> Any:
        return self.loader() if self.built is None and self.loader is not None else self.built

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (a build stores its reports' parsed chapters) without the loader, a function of this process: the
        validator that made it runs again when the chapters are read back (``build.ReportState.restored``)."""
        return {**self.__dict__, "loader": None}

    def option_loc(self, option: str | None) -> Loc:
        """The line of one option inside the block (or the block's first line)."""
        line = self.option_lines.get(option, self.loc.line) if option else self.loc.line
        return Loc(self.loc.file, line)

    def warn_unknown_options(self, known: set[str], diags: Diagnostics) -> None:
        """A misspelt option is ignored, so say so at its line (a warning; an error with ``--strict``)."""
        word = "tabel" if self.directive == "tabel" else "grafik"
        for key in self.options:
            if key not in known:
                diags.warn(self.option_loc(key), f"opsi {word} '{key}' tidak dikenal dan diabaikan"
                                                 f"{did_you_mean(str(key), known)} (opsi: {', '.join(sorted(known))})")

    def fingerprint(self) -> str:
        """What this element shows, for the render memo: its options, number and computed content."""
        return repr((self.directive, self.kind, sorted(self.options.items(), key=lambda kv: str(kv[0])),
                     self.item, self.built_key or self.built))


@dataclass
class ParsedChapter(Deferrable):
    """One chapter's tokens and directives. Read back with its report's stored state, its tokens and parser env are
    read when first asked for (``CHAPTER_LATER``, ``core/deferred.py``): only rendering its Markdown again needs them,
    and what a page's key takes from them is kept in ``derived``."""

    report: Report
    chapter: Chapter
    tokens: list[Token]
    env: dict[str, Any]
    directives: list[Directive] = field(default_factory=list)
    #: values derived from this chapter and its report's model alone, computed once: neither changes while this
    #: object lives (a report whose files change is parsed again, into new objects)
    derived: dict[str, Any] = field(default_factory=dict)
    deferred: Deferred | None = field(default=None, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        """Pickled with every field (one still left for later is read first), without what reads it."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "deferred"}


#: What a stored state's parsed chapters leave for a part after their own (``build.Session.save``).
CHAPTER_LATER = ("tokens", "env")


class Chapters(dict[str, list[ParsedChapter]]):
    """Report URL -> its parsed chapters in order. A report read back from the store gets them when they are first
    asked for (``later``): a rebuild that takes its pages as kept never reads them (``core/deferred.py``).

    Only indexing reads ``later``: ``in``, ``get`` and iteration see the chapters read so far."""

    def __init__(self) -> None:
        super().__init__()
        self.later: dict[str, Callable[[], list[ParsedChapter]]] = {}

    def __missing__(self, url: str) -> list[ParsedChapter]:
        make = self.later.pop(url, None)
        if make is None:
            raise KeyError(url)
        chapters = self[url] = make()
        return chapters


@dataclass
class Parsed:
    """All chapters of a site, parsed and numbered, with the parser and registry that render them."""

    md: MarkdownIt
    registry: Registry
    chapters: Chapters = field(default_factory=Chapters)


@dataclass
class RenderContext:
    """Everything a chapter needs to render: the whole site, for links across reports."""

    site: SiteConfig
    reports: list[Report]
    report: Report
    chapter: Chapter
    page_url: str  # site-root-relative URL of the page being rendered ("laporan/x/1.0/bab-1/")
    diags: Diagnostics
    registry: Registry
    pdf: bool = False  # rendering for the PDF: links become in-document anchors
    env: Any = None  # the Jinja environment (tables and figures render through theme templates)
    links: LinkIndex | None = None  # shared build_link_index() result

    def link_index(self) -> LinkIndex:
        if self.links is None:
            self.links = build_link_index(self.reports)
        return self.links

    def href(self, target_url: str, anchor: str = "") -> str:
        """Relative link from the current page, so the site works under any base path."""
        if self.pdf:
            return f"#{anchor}" if anchor else "#"
        return relative_url(self.page_url, target_url) + (f"#{anchor}" if anchor else "")


# Renders one directive to HTML; registered by the element stage.
DirectiveRenderer = Callable[[RenderContext, Directive], str]
# Checks a directive's options once, up front (before anything is written).
DirectiveValidator = Callable[[Report, Directive, Diagnostics], None]
# Binds a directive read back from the store (validated and numbered by an earlier build) to this build.
DirectiveRestorer = Callable[[Report, Directive], None]


@dataclass(frozen=True)
class ItemEntry:
    """Where a kind keeps an item's built output (a table, a chart's drawing) between builds.

    A report read back from the store counts its items' entries as used (so the memo's pruning keeps them) by the keys
    its state lists, without reading the chapters they are in (``build.parse_site``); the build prunes the memo after
    publishing."""

    key: Callable[[Directive], str]  # the memo key of the item's output; "" when it has none
    memo: Memo  # where it is kept


@dataclass
class Registry:
    """What each ``{tabel}``/``{grafik}`` kind means; filled by the element stage."""

    renderers: dict[tuple[str, str], DirectiveRenderer] = field(default_factory=dict)
    validators: dict[tuple[str, str], DirectiveValidator] = field(default_factory=dict)
    restorers: dict[tuple[str, str], DirectiveRestorer] = field(default_factory=dict)
    entries: dict[tuple[str, str], ItemEntry] = field(default_factory=dict)
    #: by directive (``tabel``), the theme template its renderers render through: a chapter's rendered body depends
    #: on those of its own elements and on no other template, so a change to the page around it (the header, the
    #: footer, the portal's title) keeps the body
    templates: dict[str, str] = field(default_factory=dict)
    #: by directive, what its renderers read besides each element and its template (the charts' fonts and drawing
    #: engine): also part of the key a chapter's rendered body is kept under
    render_inputs: dict[str, str] = field(default_factory=dict)
    # run once after every directive of the site was validated (e.g. render all new charts in parallel)
    finishers: list[Callable[[Diagnostics], None]] = field(default_factory=list)

    def kinds(self, directive: str) -> list[str]:
        return sorted(k for d, k in self.renderers if d == directive)

    def memos(self) -> list[Memo]:
        """The memos the kinds keep their items' outputs in (tables, charts), each once."""
        return list({id(e.memo): e.memo for _, e in sorted(self.entries.items())}.values())
