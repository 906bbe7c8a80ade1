"""Tokens to HTML: markdown-it's renderer with the LKjIP rules, given to the parser as ``renderer_cls``.

Chapters are rendered twice from the same parsed tokens, for the site and for the PDF; links differ between the two,
so each rendering works on its own copy of the tokens.
"""

from __future__ import annotations

import re

from html import escape
from typing import Any, Sequence

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from mdit_py_plugins.footnote.index import render_footnote_ref

from ..compute.refs import lookup
from ..core.controls import describe_invisible, invisible_in, show_invisible, without_invisible
from ..core.model import Report
from ..core.numbers import parse_hand_written
from ..core.suggest import did_you_mean, listing
from .directives import Directive, ParsedChapter, RenderContext
from .links import line_of, resolve_links
from .urls import chapter_url, pdf_anchor


def format_value(report: Report, path: str, note_id: str | None = None, said: set[str] | None = None) -> str:
    """``{nilai}`path``` as HTML: the same computed value and formatting as in the tables; N/A with its reason.

    The value is marked with its path (``data-angka``), which is also the id of a named figure, so the consistency
    audit can compare it with the model. N/A carries its reason twice: as a ``title`` (the site) and in a
    ``na-catatan`` span that the site keeps for screen readers and the PDF turns into a footnote. With ``note_id``
    (the PDF) the footnote has that id and its call, which the footnote leaves where the span stood, is a link to it:
    a reader of the PDF on a screen tapped the "¹" after an N/A and nothing happened.
    A value with a note (``Ref.note``: taken from an earlier quarter, or set by a rule) carries it the same way, in a
    ``nilai-catatan`` span: TW II's realisasi printed as "s.d. TW III" read as TW III's. ``said``: the notes said
    already in the paragraph, filled in here; a value whose note (or N/A reason) is among them keeps it as its
    ``title`` only (a sentence citing one carried indicator's realisasi, capaian, change and trend said one note four
    times; one missing realisasi's reason was said beside each of the figures it left N/A).
    Raises ``LookupError`` (Indonesian message) for a path that names nothing.
    """
    ref = lookup(report.computed, path)
    mark = escape(path.strip())
    if ref.reason:
        reason = escape(ref.reason)
        value = f'<span class="na" data-angka="{mark}" title="{reason}">{escape(ref.formatted())}</span>'
        return value + _said_once(ref.reason, "na-catatan", note_id, said)
    whole = ' class="angka-utuh"' if ref.kind != "text" else ""  # "Rp 2.511.814.579" never split at its space
    if ref.note:
        note = escape(ref.note)
        value = f'<span data-angka="{mark}"{whole} title="{note}">{escape(ref.formatted())}</span>'
        return value + _said_once(ref.note, "nilai-catatan", note_id, said)
    return f'<span data-angka="{mark}"{whole}>{escape(ref.formatted())}</span>'


def _said_once(text: str, cls: str, note_id: str | None, said: set[str] | None) -> str:
    """A value's note (unescaped ``text``) after it (:func:`_said_beside`), unless ``said`` (the paragraph's notes
    so far) has it already: then "" (the value keeps it as its ``title``)."""
    if said is not None:
        if text in said:
            return ""
        said.add(text)
    return _said_beside(escape(text), cls, note_id)


def _said_beside(text: str, cls: str, note_id: str | None) -> str:
    """A value's note (escaped ``text``) after it: in brackets on the site, a footnote in the PDF (``note_id``),
    whose call is a link to it."""
    if note_id is None:
        return f'<span class="{cls}">{text}</span>'
    note = escape(note_id)
    return f'<a class="na-panggil" href="#{note}"><span class="{cls}" id="{note}">{text}</span></a>'


#: A number the author typed with its unit apart by a plain space: "40 %", "96 persen", "Rp 2.500.000", "Rp 2,46
#: miliar", "139 juta". Wrapped as a reference's value is (``angka-utuh``: not broken at its space), so a line on a
#: phone or in the PDF no longer ended with "40" and began with "%"; the text keeps its plain space (copied text,
#: search), as :mod:`..core.fmt` prints one.
_UNIT_APART = re.compile(r"(?<![\w.,])(?:(?:[Rr][Pp]\.?|IDR) +\d(?:[\d.,]*\d)?(?: +(?:ribu|juta|miliar|milyar|triliun)\b)?"
                         r"|\d(?:[\d.,]*\d)? +(?:%|(?:persen|prosen|ribu|juta|miliar|milyar|triliun)\b))")


def _kept_whole(html: str) -> str:
    """``html`` (escaped text) with each number typed apart from its unit kept on one line (:data:`_UNIT_APART`)."""
    return _UNIT_APART.sub(lambda m: f'<span class="angka-utuh">{m.group(0)}</span>', html)


#: A role of ours that the roles plugin did not take (no code span right after it).
_BARE_ROLE = re.compile(r"\{(?:nilai|ref)\}")
#: What Word or a phone keyboard types where the backtick of a role belongs.
_CURLY_QUOTES = "‘’“”'\"´"
#: A role as a heading's entry in the chapter's list keeps it (``parser._toc``).
_TOC_ROLE = re.compile(r"\{(nilai|ref)\}`([^`]*)`")


def toc_text(report: Report, text: str) -> str:
    """A heading's text for the chapter's list of headings (the page's "Di halaman ini", the PDF's contents), its
    roles given their values as the heading shows them: a value as plain text, a reference as its label. A role
    that names nothing keeps its target; the heading itself says why (:meth:`LkjipRenderer.myst_role`)."""
    def value(match: re.Match[str]) -> str:
        name, target = match.group(1), match.group(2).strip()
        if name == "ref":
            return next((i.label for i in [*report.tables, *report.figures] if i.id == target), target)
        try:
            return lookup(report.computed, target).formatted()
        except LookupError:
            return target
    return _TOC_ROLE.sub(value, text) if "{" in text else text


#: A column's alignment as markdown-it writes it (``|---:|``), as the theme's class: the page's Content-Security-Policy
#: (``style-src 'self'``) drops every ``style`` attribute, so a pasted table's numbers stood at the left on the site
#: and at the right in the PDF. Centred columns keep the theme's alignment.
_ALIGNED = {"text-align:right": "angka"}
#: What strips a cell to its text: emphasis and code marks.
_MARKS = re.compile(r"[*_`]")


def _cell_text(tokens: Sequence[Token], idx: int) -> str:
    """The text of the cell opened at ``idx`` as written (its inline token)."""
    after = tokens[idx + 1] if idx + 1 < len(tokens) else None
    return _MARKS.sub("", after.content).strip() if after is not None and after.type == "inline" else ""


def _header_texts(tokens: Sequence[Token], idx: int) -> list[str]:
    """The column titles of the table opened at ``idx``."""
    out = []
    for k in range(idx + 1, len(tokens)):
        if tokens[k].type in ("thead_close", "table_close"):
            break
        if tokens[k].type == "th_open":
            out.append(_cell_text(tokens, k))
    return out


class LkjipRenderer(RendererHTML):
    """HTML renderer that knows the LKjIP tokens; everything else stays markdown-it's.

    The chapter's :class:`RenderContext` travels in ``env["lkjip"]``.
    """

    def lkjip_directive(self, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
        ctx: RenderContext = env["lkjip"]
        d: Directive = env["lkjip_directives"][tokens[idx].meta["directive_index"]]
        renderer = ctx.registry.renderers.get((d.directive, d.kind))
        if renderer is None or d.item is None:
            return ""
        return renderer(ctx, d)

    def text(self, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
        """Plain text; a role left in it (``{nilai}`` with nothing, or a space, before its backticks) was printed
        as it was written, without a word: the reader saw "{nilai}``" where a number belonged."""
        content = tokens[idx].content
        if "{" in content and (bare := _BARE_ROLE.search(content)) and "lkjip" in env:
            ctx: RenderContext = env["lkjip"]
            after = content[bare.end():bare.end() + 1]
            curly = after in _CURLY_QUOTES  # Word turned ` into ‘ (or typed ' “)
            unseen = invisible_in(after) if after else None  # or put a zero-width space before it
            ctx.diags.error((ctx.chapter.rel, line_of(ctx.chapter, tokens[idx])),
                            f"peran {bare.group(0)} tanpa isi; tulis isinya di antara tanda petik terbalik tepat "
                            "setelahnya, mis. {nilai}`IKU1.capaian` atau {ref}`tabel-capaian`"
                            + (f"; tanda '{after}' sesudahnya bukan petik terbalik (`, di papan ketik "
                               "di kiri angka 1)" if curly else "")
                            + (f"; sesudahnya ada karakter tak terlihat ({describe_invisible(unseen)}, biasanya dari "
                               "Word): hapus lalu ketik ulang rujukannya" if unseen else ""))
        return _kept_whole(str(super().text(tokens, idx, options, env)))

    def table_open(self, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
        """A table typed with ``|`` in the box computed tables have: on a phone it scrolled the whole page sideways (it
        scrolls in its box now, a keyboard reaches it), named for a screen reader by its column titles."""
        titles = ", ".join(t for t in _header_texts(tokens, idx) if t)
        return (f'<div class="tabel-wadah" role="region" aria-label="{escape(f"Tabel: {titles}" if titles else "Tabel")}"'
                ' tabindex="0">\n<table>\n')

    def table_close(self, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
        return "</table>\n</div>\n"

    def th_open(self, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
        """A column title says so to a screen reader (``scope="col"``), as in computed tables."""
        aligned = _ALIGNED.get(str(tokens[idx].attrs.get("style", "")))
        return f'<th scope="col"{f" class={chr(34)}{aligned}{chr(34)}" if aligned else ""}>'

    def td_open(self, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
        """A cell of a right-aligned column, or holding one number ("106,25 %", "Rp 1.250.000", "82,5"), stands at
        the right with figures of one width, as in computed tables; a hand-typed table has no alignment marks."""
        aligned = _ALIGNED.get(str(tokens[idx].attrs.get("style", "")))
        if aligned is None and parse_hand_written(_cell_text(tokens, idx)) is not None:
            aligned = "angka"
        return f'<td class="{aligned}">' if aligned else "<td>"

    def footnote_anchor(self, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
        """A footnote's way back to where it is called, named for a screen reader ("↩" alone is read as an arrow);
        the PDF's stylesheet hides it: a printed page has nothing to click, and it printed "↩" after every note."""
        ident = str(self.rules["footnote_anchor_name"](tokens, idx, options, env))
        if tokens[idx].meta["subId"] > 0:
            ident += f":{tokens[idx].meta['subId']}"
        return f' <a href="#fnref{ident}" class="footnote-backref" aria-label="Kembali ke teks">\u21a9\ufe0e</a>'

    def footnote_ref(self, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
        """A note's call: on the site markdown-it's "[1]", its note in the list at the chapter's end; in the PDF the
        note itself, where it is called, which the print stylesheet sets at the foot of the page (``float:
        footnote``) in one series with the N/A reasons, and leaves its number as the call.

        Why: the PDF printed two series of notes, "[1]" with the notes after the chapter and the N/A's "¹" at the
        page's foot, so "BPS[1]" and "N/A¹" on one page meant notes in two places, and a reader of the paper had to
        turn to the chapter's end and back. A note called twice is printed at each call (a number is never used
        twice, as in Word and the Chicago Manual): each page carries the notes its calls need.
        """
        notes: dict[int, list[Token]] | None = env.get("lkjip_notes")
        if notes is None:
            return str(render_footnote_ref(self, tokens, idx, options, env))
        number, inside = tokens[idx].meta["id"], env.setdefault("lkjip_notes_open", set())
        if number in inside:  # a note that calls itself: printed once
            return ""
        ident = str(self.rules["footnote_anchor_name"](tokens, idx, options, env))
        if tokens[idx].meta.get("subId", -1) > 0:
            ident += f":{tokens[idx].meta['subId']}"
        inside.add(number)
        lines = [self.renderInline(t.children or [], options, env) for t in notes.get(number, []) if t.type == "inline"]
        inside.discard(number)
        # the first paragraph follows the note's number on its line; a later one (or a list item) begins a line
        rest = "".join(f'<span class="catatan-paragraf">{line}</span>' for line in lines[1:])
        label = escape(str(tokens[idx].meta.get("label") or ""), quote=True)  # to name a note too long for a page
        return (f'<span class="catatan-kaki" id="fn{escape(ident)}" data-catatan="{label}">{"".join(lines[:1])}{rest}'
                '</span>')

    def myst_role(self, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
        ctx: RenderContext = env["lkjip"]
        token = tokens[idx]
        name, target = token.meta.get("name", ""), token.content.strip()
        loc = (ctx.chapter.rel, line_of(ctx.chapter, token))
        if name in ("nilai", "ref") and (char := invisible_in(target)) is not None:
            # Word's soft hyphen or a no-break space inside the path: "atribut 'capaian' tidak ada … mungkin
            # maksudnya 'capaian'" named, twice alike, what the author wrote and what to write
            ctx.diags.error(loc, f"{{{name}}}`{show_invisible(target)}` memuat karakter tak terlihat "
                                 f"({describe_invisible(char)}, biasanya dari Word atau salinan PDF) di tempat yang "
                                 f"ditandai [U+{ord(char):04X}]; hapus rujukan itu lalu ketik ulang: "
                                 f"{{{name}}}`{without_invisible(target)}`{_ids_near(ctx, name, target)}")
            return ""
        if name == "ref":
            return _render_ref(ctx, target, loc)
        if name == "nilai":
            try:
                return format_value(ctx.report, target, _note_id(ctx, env) if ctx.pdf else None,
                                    _notes_said(tokens, env))
            except LookupError as exc:
                ctx.diags.error(loc, exc.args[0] if exc.args else f"nilai '{target}' tidak dikenal")
                return ""
        ctx.diags.error(loc, f"peran '{{{name}}}' tidak dikenal; gunakan {{nilai}} atau {{ref}}")
        return escape(token.content)


def _note_id(ctx: RenderContext, env: dict[str, Any]) -> str:
    """The id of the chapter's next N/A footnote in the PDF (``bab-3--catatan-na-2``): one document, so the chapter
    is in it; numbered in the order rendered, which is the order printed."""
    env["lkjip_na_notes"] = env.get("lkjip_na_notes", 0) + 1
    return f"{ctx.chapter.id}--catatan-na-{env['lkjip_na_notes']}"


def _notes_said(tokens: Sequence[Token], env: dict[str, Any]) -> set[str]:
    """The values' notes said so far in the paragraph (heading, list item, table cell) whose inline children are
    ``tokens``: each is said once there, after its first value (:func:`format_value`), on the site and in the PDF."""
    scope = env.get("lkjip_notes_said")
    if scope is None or scope[0] is not tokens:
        scope = env["lkjip_notes_said"] = (tokens, set())
    return scope[1]


def _ids_near(ctx: RenderContext, name: str, target: str) -> str:
    """For a ``{ref}`` whose id, without the unseen characters, is still no table's or figure's (the soft hyphen
    stood where its hyphen belongs): the ids it is near."""
    ids = [item.id for item in [*ctx.report.tables, *ctx.report.figures]]
    clean = without_invisible(target)
    return "" if name != "ref" or clean in ids else did_you_mean(clean, ids)


def _render_ref(ctx: RenderContext, target: str, loc: tuple[str, int]) -> str:
    for item in [*ctx.report.tables, *ctx.report.figures]:
        if item.id == target:
            chapter = next(c for c in ctx.report.chapters if c.id == item.chapter_id)
            href = ctx.href(chapter_url(ctx.report, chapter), item.id) if chapter is not ctx.chapter or ctx.pdf else f"#{item.id}"
            return f'<a class="ref" href="{escape(href)}">{escape(item.label)}</a>'
    ids = [item.id for item in [*ctx.report.tables, *ctx.report.figures]]
    marked = next((c for c in ctx.report.chapters if target in c.anchors), None)
    if marked is not None:  # a heading's, a paragraph's or an image's own id: a place, not a numbered item
        ctx.diags.error(loc, f"rujukan {{ref}}`{target}` menunjuk tabel atau grafik bernomor, sedangkan '{target}' "
                             f"adalah penanda bagian, paragraf atau gambar di {marked.rel}; tulis tautan biasa, "
                             f"mis. [teks](#{target}) di bab yang sama, atau [teks]({marked.source.name}#{target})")
        return escape(target)
    ctx.diags.error(loc, f"rujukan '{target}' tidak ditemukan: tidak ada tabel atau gambar dengan id itu di laporan ini"
                         f"{did_you_mean(target, ids)} (id ditulis pada opsi 'id:' blok {{tabel}} atau {{grafik}}; "
                         f"yang ada: {listing(ids)})")
    return escape(target)


def render_chapter(md: MarkdownIt, parsed: ParsedChapter, ctx: RenderContext) -> str:
    """The chapter's HTML. A directive's token names it by its number among the chapter's (``directive_index``), not
    by reference: the tokens are stored apart from the directives (``CHAPTER_LATER``) and read back as their own
    objects, while the directives are this build's (bound to its elements)."""
    env = dict(parsed.env)
    env["lkjip"] = ctx
    env["lkjip_directives"] = parsed.directives
    if ctx.pdf:
        env["docId"] = parsed.chapter.id  # footnote ids per chapter
    tokens = [_own_copy(t, ctx.pdf) for t in parsed.tokens]
    if ctx.pdf:
        titles = {anchor: text for _level, anchor, text in parsed.chapter.toc}
        for i, token in enumerate(tokens):
            if token.type == "heading_open" and token.attrGet("id"):
                anchor = str(token.attrGet("id"))
                token.attrSet("id", pdf_anchor(parsed.chapter, anchor))
                if anchor in titles and any(c.type == "footnote_ref" for c in tokens[i + 1].children or ()):
                    # its bookmark without the note's number, which a heading's text has: "Kesimpulan13"
                    token.attrSet("data-bookmark", toc_text(ctx.report, titles[anchor]).strip())
    resolve_links(ctx, tokens)
    if ctx.pdf:
        tokens, env["lkjip_notes"] = _notes_apart(tokens)
    return md.renderer.render(tokens, md.options, env)


def _notes_apart(tokens: list[Token]) -> tuple[list[Token], dict[int, list[Token]]]:
    """The chapter's tokens without the list of notes markdown-it's footnote plugin puts at their end, and each
    note's block tokens by its number (without its way back to the call): the PDF prints a note where it is called
    (:meth:`LkjipRenderer.footnote_ref`)."""
    start = next((i for i, t in enumerate(tokens) if t.type == "footnote_block_open"), len(tokens))
    notes: dict[int, list[Token]] = {}
    current: list[Token] | None = None
    for token in tokens[start:]:
        if token.type == "footnote_open":
            current = notes.setdefault(token.meta["id"], [])
        elif token.type == "footnote_close":
            current = None
        elif current is not None and token.type != "footnote_anchor":
            current.append(token)
    return tokens[:start], notes


#: The inline tokens a rendering changes: links and images get their site or PDF targets (``resolve_links``), an
#: image its ``alt`` (markdown-it's image rule sets it while rendering).
_CHANGED_INLINE = frozenset({"link_open", "image"})


def _own_copy(token: Token, pdf: bool) -> Token:
    """``token`` as this rendering may change it: its own copy where it changes (a PDF's heading ids, the links and
    images of an inline token), else the parsed token itself, shared.

    Why not a copy of every token: link rewriting differs between site and PDF, so each rendering needs its own links,
    but copying the whole token tree of every chapter was a tenth of rendering a site (53 000 copies at N = 100)."""
    if pdf and token.type == "heading_open":
        return _copy_token(token)
    children = token.children
    if not children or not any(c.type in _CHANGED_INLINE for c in children):
        return token
    clone = token.copy()
    clone.children = [_copy_token(c) if c.type in _CHANGED_INLINE else c for c in children]
    return clone


def _copy_token(token: Token) -> Token:
    """A copy of ``token`` that can be changed without changing it: its attributes and children its own."""
    clone = token.copy()
    clone.attrs = dict(token.attrs)
    if token.children:
        clone.children = [_copy_token(c) for c in token.children]
    return clone
