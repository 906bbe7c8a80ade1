"""The LKjIP syntax as markdown-it plugins (``plugin(md)``): tokens, never regular expressions over HTML.

- ```` ```{tabel} <kind> ```` / ```` ```{grafik} <kind> ```` fences become ``lkjip_directive`` tokens;
- ``## Judul {#id .kelas}`` (Pandoc/MkDocs style) sets the heading's attributes;
- attributes written ``{...}`` after a link or an image, or on the line above a block, are held to an allow-list;
- every inline token remembers its source line, so a message about a role or a link in the third line of a
  paragraph names that line.
"""

from __future__ import annotations

import re
import unicodedata

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

from ..load.theme import hiding_classes

DIRECTIVES = ("tabel", "grafik")
_INFO = re.compile(r"^\{(tabel|grafik)\}\s*([A-Za-z_][A-Za-z0-9_]*)?\s*$")
#: ``## Judul {#id .kelas}``: the heading's attributes, not part of its text.
HEADING_ATTRS = re.compile(r"\s*\{((?:\s*[#.][A-Za-z0-9_\-]+)+)\s*\}\s*$")
#: Inline tokens that end a source line.
_BREAKS = {"softbreak": 1, "hardbreak": 1}


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


def directive_plugin(md: MarkdownIt) -> None:
    md.core.ruler.push("lkjip_directive", _directive_rule)


def _heading_attrs_rule(state: StateCore) -> None:
    """The trailing braces of a heading become its attributes.

    Runs after inline parsing and before the anchors rule, so an explicit id wins over the generated one.
    """
    tokens = state.tokens
    for i, token in enumerate(tokens[:-1]):
        if token.type != "heading_open" or not tokens[i + 1].children:
            continue
        last = tokens[i + 1].children[-1]
        match = HEADING_ATTRS.search(last.content) if last.type == "text" else None
        if not match:
            continue
        last.content = last.content[: match.start()]
        tokens[i + 1].content = tokens[i + 1].content[: len(tokens[i + 1].content) - len(match.group(0))]
        for part in match.group(1).split():
            if part.startswith("#"):
                token.attrSet("id", part[1:])
            elif _allowed("class", part[1:], token.type):
                token.attrJoin("class", part[1:])
            else:
                token.meta.setdefault(REFUSED_ATTRS, []).append(("class", part[1:], -1))


def heading_attrs_plugin(md: MarkdownIt) -> None:
    md.core.ruler.push("lkjip_heading_attrs", _heading_attrs_rule)


#: The attributes a chapter may give in ``{...}`` (``mdit_py_plugins.attrs``), and the tokens each may be given to
#: (``None``: any). Why an allow-list: the plugin kept everything but ``on*``, so ``{style="position:fixed;…"}``
#: laid one author's box over the whole page (the PDF, which WeasyPrint makes with no Content-Security-Policy,
#: too), ``{srcset="https://…"}`` loaded an image from elsewhere past the image checks, ``{src=…}`` or ``{href=…}``
#: replaced the address the link check had passed, and ``{data-angka=…}`` posed as the mark of a computed value
#: that the consistency audit reads.
ATTRIBUTES: dict[str, frozenset[str] | None] = {
    "id": None,
    "class": None,
    "target": frozenset({"link_open"}),
    "rel": frozenset({"link_open"}),
    "width": frozenset({"image"}),
    "height": frozenset({"image"}),
}
#: The value each allowed attribute may have (any, when not named here).
_ATTRIBUTE_VALUES = {"target": re.compile(r"_blank"), "rel": re.compile(r"[a-z]+(?: [a-z]+)*"),
                     "width": re.compile(r"[1-9][0-9]{0,4}"), "height": re.compile(r"[1-9][0-9]{0,4}")}
#: Where the refused attributes of a token are kept for the parse's check: (name, value, 0-based line or -1).
REFUSED_ATTRS = "lkjip_refused_attrs"


def _allowed(name: str, value: object, token_type: str) -> bool:
    if name not in ATTRIBUTES or (name == "class" and not hiding_classes().isdisjoint(str(value).split())):
        return False
    types = ATTRIBUTES[name]
    pattern = _ATTRIBUTE_VALUES.get(name)
    return (types is None or token_type in types) and (pattern is None or bool(pattern.fullmatch(str(value))))


def _block_attrs_rule(state: StateCore) -> None:
    """The attributes of a ``{...}`` line not allowed on the block below it are taken out before the attributes
    plugin gives them to it, and kept on that block with the line they were written on. Runs before the plugin's
    own rule (which loses the line)."""
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type != "attrs_block":
            continue
        target = next((t for t in tokens[i + 1:] if t.type != "attrs_block"), None)
        if target is None or target.nesting < 0:
            continue  # the plugin drops these
        line = token.map[0] if token.map else -1
        for name, value in list(token.attrs.items()):
            if not _allowed(name, value, target.type):
                target.meta.setdefault(REFUSED_ATTRS, []).append((name, str(value), line))
                del token.attrs[name]


def _inline_attrs_rule(state: StateCore) -> None:
    """An inline token's refused attributes: those the plugin took out (not allowed on any token, or an address
    ``validateLink`` refused), and those allowed only on another token or with another value, taken out here."""
    for block in state.tokens:
        for token in block.children or []:
            refused = [(str(k), str(v)) for k, v in token.meta.pop("insecure_attrs", {}).items()]
            for name in ("target", "rel", "width", "height", "class"):
                value = token.attrGet(name)
                if value is not None and not _allowed(name, value, token.type):
                    refused.append((name, str(value)))
                    del token.attrs[name]
            if refused:
                token.meta.setdefault(REFUSED_ATTRS, []).extend((name, value, -1) for name, value in refused)


def attrs_allowlist_plugin(md: MarkdownIt) -> None:
    """Use after ``attrs_plugin`` and ``attrs_block_plugin`` (which are given ``allowed=ATTRIBUTES``)."""
    md.core.ruler.before("attr", "lkjip_block_attrs", _block_attrs_rule)
    md.core.ruler.push("lkjip_inline_attrs", _inline_attrs_rule)


def _new_window_rule(state: StateCore) -> None:
    """A link that opens another window (``[Situs](https://…){target=_blank}``) gets ``rel="noopener noreferrer"``.

    Why: the attribute was kept as written, and the page opened got ``window.opener``, through which it can send this
    tab to another address (a copy of the report's page asking for a login), in browsers that do not imply
    ``noopener``; and it was told which page of the report the reader came from."""
    for block in state.tokens:
        for token in block.children or []:
            if token.type == "link_open" and token.attrGet("target") is not None:
                rel = str(token.attrGet("rel") or "").split()
                token.attrSet("rel", " ".join(dict.fromkeys([*rel, "noopener", "noreferrer"])))


def new_window_plugin(md: MarkdownIt) -> None:
    md.core.ruler.push("lkjip_new_window", _new_window_rule)


def _source_lines_rule(state: StateCore) -> None:
    """``meta["line"]`` of every inline token: its 0-based line in the Markdown body.

    A block's ``map`` gives its first line; inside a paragraph each soft or hard break moves to the next line.
    """
    line = 0
    for block in state.tokens:
        if block.map:
            line = block.map[0]
        inline_line = line
        for token in block.children or []:
            token.meta["line"] = inline_line
            inline_line += _BREAKS.get(token.type, 0)


def source_lines_plugin(md: MarkdownIt) -> None:
    """Push last: it must see the final token stream (after footnotes are moved to the end)."""
    md.core.ruler.push("lkjip_source_lines", _source_lines_rule)
