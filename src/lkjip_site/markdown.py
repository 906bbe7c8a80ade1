"""Stage 5: Markdown to HTML, with LKjIP elements as markdown-it plugins.

Parsing and rendering are split on purpose. All chapters of all reports are parsed first, so tables and figures
can be numbered per BAB and cross-referenced from anywhere (even forward), and links can be checked against the
anchors of every chapter. Then each chapter is rendered with the resolved context. Custom elements are tokens:

- a fenced block with info ``{tabel} <kind>`` or ``{grafik} <kind>`` becomes a ``lkjip_directive`` token;
- ``{nilai}`path``` and ``{ref}`id``` are ``myst_role`` tokens (mdit-py-plugins);
- links to ``*.md`` / ``laporan.yaml`` and images are resolved to site URLs / report assets.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any, Callable, Sequence

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.myst_role import myst_role_plugin

from .content import resolve_inside
from .errors import Diagnostics
from .fmt import from_roman
from .render import relative_url
from .model import RESERVED_IDS, Chapter, Loc, NumberedItem, Report, SiteConfig
from .yamlload import YMap, load_yaml

DIRECTIVES = ("tabel", "grafik")

_INFO = re.compile(r"^\{(tabel|grafik)\}\s*([A-Za-z_][A-Za-z0-9_]*)?\s*$")


def slugify(text: str) -> str:
    """Stable, readable ids from Indonesian headings ("Capaian Kinerja 2023" -> "capaian-kinerja-2023")."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return text or "bagian"


def _directive_rule(state: StateCore) -> None:
    """Turn ```{tabel} kind fences into directive tokens, keeping the raw options for later validation."""
    for token in state.tokens:
        if token.type != "fence":
            continue
        match = _INFO.match(token.info.strip())
        if match:
            token.type = "lkjip_directive"
            token.meta = {"directive": match.group(1), "kind": match.group(2) or "", "source": token.content}


_HEADING_ATTRS = re.compile(r"\s*\{((?:\s*[#.][A-Za-z0-9_\-]+)+)\s*\}\s*$")


def _heading_attrs_rule(state: StateCore) -> None:
    """``## Judul {#id .kelas}`` (Pandoc/MkDocs style): the trailing braces become the heading's attributes.

    Runs after inline parsing and before the anchors rule, so an explicit id wins over the generated one.
    """
    tokens = state.tokens
    for i, token in enumerate(tokens[:-1]):
        if token.type != "heading_open" or not tokens[i + 1].children:
            continue
        last = tokens[i + 1].children[-1]
        match = _HEADING_ATTRS.search(last.content) if last.type == "text" else None
        if not match:
            continue
        last.content = last.content[: match.start()]
        tokens[i + 1].content = tokens[i + 1].content[: len(tokens[i + 1].content) - len(match.group(0))]
        for part in match.group(1).split():
            if part.startswith("#"):
                token.attrSet("id", part[1:])
            else:
                token.attrJoin("class", part[1:])


def make_parser(allow_html: bool) -> MarkdownIt:
    """CommonMark + GFM tables + footnotes + attributes + heading anchors. Raw HTML only when a site opts in."""
    md = MarkdownIt("commonmark", {"html": allow_html, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.use(footnote_plugin)
    md.use(attrs_plugin)
    md.use(attrs_block_plugin)
    md.core.ruler.push("lkjip_heading_attrs", _heading_attrs_rule)
    md.use(anchors_plugin, min_level=2, max_level=4, slug_func=slugify)
    md.use(myst_role_plugin)
    md.core.ruler.push("lkjip_directive", _directive_rule)
    return md


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
    loader: Callable[[], Any] | None = None  # loads ``built`` from a memo only if a page really renders it

    def model(self) -> Any:
        if self.built is None and self.loader is not None:
            self.built = self.loader()
        return self.built

    def option_loc(self, option: str | None) -> Loc:
        """The line of one option inside the block (or the block's first line)."""
        line = self.option_lines.get(option, self.loc.line) if option else self.loc.line
        return Loc(self.loc.file, line)

    def warn_unknown_options(self, known: set[str], diags: Diagnostics) -> None:
        """A misspelt option is ignored, so say so at its line (a warning; an error with ``--strict``)."""
        word = "tabel" if self.directive == "tabel" else "grafik"
        for key in self.options:
            if key not in known:
                diags.warn(self.option_loc(key), f"opsi {word} '{key}' tidak dikenal dan diabaikan")

    def fingerprint(self) -> str:
        """What this element shows, for the render memo: its options, number and computed content."""
        return repr((self.directive, self.kind, sorted(self.options.items(), key=lambda kv: str(kv[0])),
                     self.item, self.built_key or self.built))


@dataclass
class ParsedChapter:
    report: Report
    chapter: Chapter
    tokens: list[Token]
    env: dict[str, Any]
    directives: list[Directive] = field(default_factory=list)


@dataclass
class Parsed:
    """All chapters of a site, parsed and numbered, with the parser and registry that render them."""

    md: MarkdownIt
    registry: "Registry"
    chapters: dict[str, list[ParsedChapter]]  # report url -> chapters in order


# Renders one directive to HTML; registered by the tables and charts stages.
DirectiveRenderer = Callable[["RenderContext", Directive], str]
# Checks a directive's options once, up front (before anything is written).
DirectiveValidator = Callable[[Report, Directive, Diagnostics], None]


@dataclass
class Registry:
    """What each ``{tabel}``/``{grafik}`` kind means; filled by ``tables`` and ``charts`` integration."""

    renderers: dict[tuple[str, str], DirectiveRenderer] = field(default_factory=dict)
    validators: dict[tuple[str, str], DirectiveValidator] = field(default_factory=dict)
    # run once after every directive of the site was validated (e.g. render all new charts in parallel)
    finishers: list[Callable[[Diagnostics], None]] = field(default_factory=list)

    def kinds(self, directive: str) -> list[str]:
        return sorted(k for d, k in self.renderers if d == directive)


def line_of(chapter: Chapter, token: Token | None) -> int:
    if token is not None and token.map:
        return chapter.body_line + token.map[0]
    return chapter.body_line


def parse_chapter(md: MarkdownIt, report: Report, chapter: Chapter, diags: Diagnostics) -> ParsedChapter:
    env: dict[str, Any] = {}
    tokens = md.parse(chapter.body, env)
    parsed = ParsedChapter(report, chapter, tokens, env)
    for token in tokens:
        if token.type == "lkjip_directive":
            parsed.directives.append(_directive(chapter, token, diags))
        elif token.type == "heading_open" and token.attrGet("id"):
            chapter.anchors.add(str(token.attrGet("id")))
            chapter.heading_ids.add(str(token.attrGet("id")))
        elif token.type == "fence" and token.info.strip().startswith("{"):
            diags.error((chapter.rel, line_of(chapter, token)),
                        f"blok '{token.info.strip()}' tidak dikenal; gunakan ```{{tabel}} <jenis> atau ```{{grafik}} <jenis>")
    chapter.toc = _toc(tokens)
    collect_images(report, chapter, tokens, diags)
    return parsed


def _directive(chapter: Chapter, token: Token, diags: Diagnostics) -> Directive:
    line = line_of(chapter, token)
    options = load_yaml(token.meta["source"], chapter.rel, diags, line_offset=line) if token.meta["source"].strip() else {}
    if options is None:
        options = {}
    elif not isinstance(options, dict):
        diags.error((chapter.rel, line), f"isi blok {{{token.meta['directive']}}} harus berupa pasangan 'kunci: nilai'")
        options = {}
    lines = {k: options.line_of(k) for k in options} if isinstance(options, YMap) else {}
    d = Directive(token.meta["directive"], token.meta["kind"], dict(options), Loc(chapter.rel, line), option_lines=lines)
    token.meta["directive_obj"] = d
    return d


def iter_roles(tokens: list[Token]):
    """Every ``{nilai}``/``{ref}`` role of a chapter, in order: (name, target)."""
    for block in tokens:
        for token in block.children or []:
            if token.type == "myst_role":
                yield token.meta.get("name", ""), token.content.strip()


def linked_reports(parsed: "ParsedChapter", ctx: "RenderContext") -> set[str]:
    """URLs of the other reports a chapter links to (their structure decides how the links render)."""
    out: set[str] = set()
    index = ctx.link_index()
    for block in parsed.tokens:
        for token in block.children or []:
            if token.type == "link_open":
                path = str(token.attrGet("href") or "").partition("#")[0]
                if path and not _EXTERNAL.match(path):
                    found = index.get((parsed.chapter.source.parent / path).resolve())
                    if found is not None and found[0] is not ctx.report:
                        out.add(found[0].url)
    return out


def _toc(tokens: list[Token]) -> list[tuple[int, str, str]]:
    out = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag in ("h2", "h3") and token.attrGet("id"):
            text = "".join(c.content for c in (tokens[i + 1].children or []) if c.type in ("text", "code_inline"))
            out.append((int(token.tag[1]), str(token.attrGet("id")), text))
    return out


def chapter_prefix(chapter: Chapter) -> str:
    """Numbering prefix of tables/figures: BAB III -> "3", Lampiran B -> "B", front matter -> ""."""
    if chapter.bab:
        if chapter.bab.isdigit():
            return chapter.bab
        try:
            return str(from_roman(chapter.bab))
        except ValueError:
            return chapter.bab
    return ""


def number_items(report: Report, parsed: Sequence[ParsedChapter], registry: Registry, site: SiteConfig,
                 diags: Diagnostics) -> None:
    """Number tables and figures per BAB in reading order and check ids are unique across the report."""
    report.tables, report.figures = [], []
    seen: dict[str, Loc] = {}
    anchors = {a for p in parsed for a in p.chapter.anchors}
    chapter_ids = {p.chapter.id for p in parsed}
    for p in parsed:
        counters = {"tabel": 0, "grafik": 0}
        prefix = chapter_prefix(p.chapter)
        for d in p.directives:
            if (d.directive, d.kind) not in registry.renderers:
                kinds = ", ".join(registry.kinds(d.directive)) or "-"
                diags.error(d.loc, f"jenis {d.directive} '{d.kind}' tidak dikenal; pilihan: {kinds}")
                continue
            validator = registry.validators.get((d.directive, d.kind))
            if validator:
                validator(report, d, diags)
            counters[d.directive] += 1
            n = counters[d.directive]
            number = f"{prefix}.{n}" if prefix else str(n)
            item_id = str(d.options.get("id") or f"{d.directive}-{p.chapter.id}-{n}")
            id_loc = (d.loc.file, d.option_lines.get("id", d.loc.line))  # the line that names the id
            if not re.fullmatch(r"[a-z0-9][a-z0-9\-]*", item_id):
                diags.error(id_loc, f"id '{item_id}' hanya boleh berisi huruf kecil, angka dan '-'")
            if item_id in seen:
                diags.error(id_loc, f"id '{item_id}' sudah dipakai di {seen[item_id]}")
            elif item_id in anchors:
                diags.error(id_loc, f"id '{item_id}' sama dengan id judul bagian; pilih id lain")
            elif item_id in RESERVED_IDS or item_id in chapter_ids:
                diags.error(id_loc, f"id '{item_id}' sudah dipakai oleh bab atau bagian laporan; pilih id lain")
            seen[item_id] = d.loc
            judul = str(d.options.get("judul") or "")
            if not judul:
                diags.error(d.loc, f"{d.directive} ini belum memiliki 'judul'")
            kind = "tabel" if d.directive == "tabel" else "gambar"
            word = "Tabel" if kind == "tabel" else site.label_gambar
            d.item = NumberedItem(kind, item_id, number, f"{word} {number}", judul, p.chapter.id, d.loc)
            p.chapter.anchors.add(item_id)
            (report.tables if kind == "tabel" else report.figures).append(d.item)


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
    values: Callable[[Report, str], str] | None = None  # inline {nilai} resolver: returns formatted text
    assets: dict[str, Path] = field(default_factory=dict)
    pdf: bool = False  # rendering for the PDF: links become in-document anchors
    env: Any = None  # the Jinja environment (tables and figures render through theme templates)
    links: dict[Path, tuple[Report, Chapter | None]] | None = None  # shared build_link_index() result

    def link_index(self) -> dict[Path, tuple[Report, Chapter | None]]:
        if self.links is None:
            self.links = build_link_index(self.reports)
        return self.links

    def href(self, target_url: str, anchor: str = "") -> str:
        """Relative link from the current page, so the site works under any base path."""
        if self.pdf:
            return f"#{anchor}" if anchor else "#"
        return relative_url(self.page_url, target_url) + (f"#{anchor}" if anchor else "")


def build_link_index(reports: list[Report]) -> dict[Path, tuple[Report, Chapter | None]]:
    """Source file -> (report, chapter) for every linkable file of the site; built once, shared by all chapters."""
    index: dict[Path, tuple[Report, Chapter | None]] = {}
    for report in reports:
        index[(report.folder / "laporan.yaml").resolve()] = (report, None)
        for chapter in report.chapters:
            index[chapter.source.resolve()] = (report, chapter)
    return index


def chapter_url(report: Report, chapter: Chapter) -> str:
    return f"{report.url}{chapter.id}/"


class LkjipRenderer(RendererHTML):
    """HTML renderer that knows the LKjIP tokens; everything else stays markdown-it's."""

    def lkjip_directive(self, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
        ctx: RenderContext = env["lkjip"]
        d: Directive = tokens[idx].meta["directive_obj"]
        renderer = ctx.registry.renderers.get((d.directive, d.kind))
        if renderer is None or d.item is None:
            return ""
        return renderer(ctx, d)

    def myst_role(self, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
        ctx: RenderContext = env["lkjip"]
        token = tokens[idx]
        name, target = token.meta.get("name", ""), token.content.strip()
        loc = (ctx.chapter.rel, env.get("lkjip_line", ctx.chapter.body_line))
        if name == "ref":
            return _render_ref(ctx, target, loc)
        if name == "nilai":
            if ctx.values is None:
                return escape(target)
            try:
                return ctx.values(ctx.report, target)
            except LookupError as exc:
                ctx.diags.error(loc, exc.args[0] if exc.args else f"nilai '{target}' tidak dikenal")
                return ""
        ctx.diags.error(loc, f"peran '{{{name}}}' tidak dikenal; gunakan {{nilai}} atau {{ref}}")
        return escape(token.content)

    def renderInline(self, tokens: Sequence[Token], options: Any, env: dict[str, Any]) -> str:
        """Count line breaks inside a paragraph so a role on its third line is reported at that line."""
        out = []
        for i, token in enumerate(tokens):
            if token.type in self.rules:
                out.append(self.rules[token.type](tokens, i, options, env))
            else:
                out.append(self.renderToken(tokens, i, options, env))
            if token.type in _BREAKS and "lkjip_line" in env:
                env["lkjip_line"] += _BREAKS[token.type]
        return "".join(out)

    def render(self, tokens: Sequence[Token], options: Any, env: dict[str, Any]) -> str:
        """Track the source line of the current block so inline problems can name it."""
        out = []
        for i, token in enumerate(tokens):
            if token.map:
                env["lkjip_line"] = line_of(env["lkjip"].chapter, token)
            if token.type == "inline":
                out.append(self.renderInline(token.children or [], options, env))
            elif token.type in self.rules:
                out.append(self.rules[token.type](tokens, i, options, env))
            else:
                out.append(self.renderToken(tokens, i, options, env))
        return "".join(out)


def _render_ref(ctx: RenderContext, target: str, loc: tuple[str, int]) -> str:
    for item in [*ctx.report.tables, *ctx.report.figures]:
        if item.id == target:
            chapter = next(c for c in ctx.report.chapters if c.id == item.chapter_id)
            href = ctx.href(chapter_url(ctx.report, chapter), item.id) if chapter is not ctx.chapter or ctx.pdf else f"#{item.id}"
            return f'<a class="ref" href="{escape(href)}">{escape(item.label)}</a>'
    ctx.diags.error(loc, f"rujukan '{target}' tidak ditemukan: tidak ada tabel atau gambar dengan id itu di laporan ini")
    return escape(target)


def resolve_links(ctx: RenderContext, tokens: list[Token]) -> None:
    """Rewrite ``*.md`` / ``laporan.yaml`` links to site URLs and images to report assets; check every target."""
    for token, line in inline_tokens(ctx.chapter, tokens):  # links and images are inline tokens
        if token.type == "link_open":
            _resolve_link(ctx, token, line)
        elif token.type == "image":
            _resolve_image(ctx, token, line)


#: Inline tokens that end a source line: a message about a link in a paragraph names the link's own line.
_BREAKS = {"softbreak": 1, "hardbreak": 1}


def inline_tokens(chapter: Chapter, tokens: list[Token]):
    """Every inline token of a chapter with its own source line (paragraphs span several lines)."""
    line = chapter.body_line
    for block in tokens:
        if block.map:
            line = line_of(chapter, block)
        inline_line = line
        for token in block.children or []:
            yield token, inline_line
            inline_line += _BREAKS.get(token.type, 0)


def collect_images(report: Report, chapter: Chapter, tokens: list[Token], diags: Diagnostics) -> None:
    """Check every image and register it as a report asset at parse time.

    Rendering may be skipped for an unchanged page (the render memo), but the image must still be copied into the
    new build, and a deleted image must still be an error.
    """
    for token, line in inline_tokens(chapter, tokens):
        if token.type == "image":
            target, problem = image_target(report, str(token.attrGet("src") or ""))
            if problem:
                diags.error((chapter.rel, line), problem)
            elif target is not None:
                report.assets[target.relative_to(report.folder.resolve()).as_posix()] = target


def image_target(report: Report, src: str) -> tuple[Path | None, str]:
    """The file an image source names inside the report folder, or the reason it cannot be used."""
    if _EXTERNAL.match(src):
        return None, f"gambar '{src}' diambil dari internet; simpan berkas gambar di folder laporan"
    target = resolve_inside(report.folder, src)
    if target is None:
        return None, f"gambar '{src}' berada di luar folder laporan"
    if not target.is_file():
        return None, f"gambar '{src}' tidak ditemukan"
    return target, ""


_EXTERNAL = re.compile(r"^(https?:|mailto:|tel:)", re.I)


def _resolve_link(ctx: RenderContext, token: Token, line: int) -> None:
    href = str(token.attrGet("href") or "")
    loc = (ctx.chapter.rel, line)
    if _EXTERNAL.match(href):
        return
    path, _, anchor = href.partition("#")
    if not path:
        if anchor and anchor not in ctx.chapter.anchors and not anchor.startswith("fn"):
            ctx.diags.error(loc, f"tautan '#{anchor}' menunjuk bagian yang tidak ada di bab ini")
        elif anchor and ctx.pdf:
            token.attrSet("href", f"#{pdf_anchor(ctx.chapter, anchor)}")
        return
    found = ctx.link_index().get((ctx.chapter.source.parent / path).resolve())
    if found is None:
        if not ctx.pdf:
            ctx.diags.error(loc, f"tautan '{href}' tidak menunjuk bab (.md) atau laporan (laporan.yaml) yang ada; "
                                 "tulis nama berkas bab, mis. [BAB III](30-bab-3.md)")
        return
    report, chapter = found
    if chapter is None:
        token.attrSet("href", ctx.site.url_dasar + report.url if ctx.pdf else ctx.href(report.url))
        return
    if anchor and anchor not in chapter.anchors:
        ctx.diags.error(loc, f"tautan '{href}': bagian '#{anchor}' tidak ada di {chapter.rel}")
    if ctx.pdf and report is not ctx.report:
        # another report is another document: link to its public page
        token.attrSet("href", ctx.site.url_dasar + chapter_url(report, chapter) + (f"#{anchor}" if anchor else ""))
    elif ctx.pdf:
        token.attrSet("href", f"#{pdf_anchor(chapter, anchor) if anchor else chapter_anchor(chapter)}")
    else:
        token.attrSet("href", ctx.href(chapter_url(report, chapter), anchor))


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


def pdf_anchor(chapter: Chapter, anchor: str) -> str:
    """In the PDF all chapters share one document: heading ids get the chapter id as prefix so they stay unique.

    Table and figure ids are unique per report already and keep their names (cross references rely on them).
    """
    if anchor in chapter.heading_ids:
        return f"{chapter.id}--{anchor}"
    return anchor


def chapter_anchor(chapter: Chapter) -> str:
    """The anchor of a chapter's first page in the PDF (Daftar Isi and links point here)."""
    return chapter.id


def make_renderer(md: MarkdownIt) -> LkjipRenderer:
    """Our renderer plus the render rules plugins registered on ``md`` (footnotes, ...).

    Plugins add their rules to ``md.renderer``, bound to that instance; without copying them here footnotes would
    render as empty tags. They are re-bound so nested content (a role inside a footnote) goes through our renderer.
    Our own rules (``myst_role``, ``lkjip_directive``) win over the plugins' defaults.
    """
    renderer = LkjipRenderer(md)
    for name, rule in md.renderer.rules.items():
        if name not in renderer.rules:
            renderer.rules[name] = rule.__func__.__get__(renderer) if hasattr(rule, "__func__") else rule
    return renderer


def render_chapter(md: MarkdownIt, parsed: ParsedChapter, ctx: RenderContext) -> str:
    renderer = make_renderer(md)
    env = dict(parsed.env)
    env["lkjip"] = ctx
    if ctx.pdf:
        env["docId"] = parsed.chapter.id  # footnote ids per chapter
    tokens = [_copy_token(t) for t in parsed.tokens]
    if ctx.pdf:
        for token in tokens:
            if token.type == "heading_open" and token.attrGet("id"):
                token.attrSet("id", pdf_anchor(parsed.chapter, str(token.attrGet("id"))))
    resolve_links(ctx, tokens)
    return renderer.render(tokens, md.options, env)


def _copy_token(token: Token) -> Token:
    """Link rewriting differs between site and PDF, so each rendering works on its own copy."""
    clone = token.copy()
    clone.attrs = dict(token.attrs)
    if token.children:
        clone.children = [_copy_token(c) for c in token.children]
    return clone
