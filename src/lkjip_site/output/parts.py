"""When a chapter page can be read in parts: what lies before its body, the body, what lies after it.

Why: the audit, the link check and the search index keep what they learn of a chapter's body under the body's hash
(``ContentHashes.part``), so a change every page shows around its chapter (the portal's title) reads the few
kilobytes around each body instead of every page whole. That is sound only when a reader of the whole page would
read each part as it reads it alone: when neither the part before the body nor the body leaves anything open that
would swallow what follows it (a comment, a ``<script>`` or ``<textarea>``, a tag, an inline chart, a table cell),
and the body holds none of the tags a parser treats otherwise inside a page than on their own (``<html>``,
``<head>``, ``<body>``). A theme that wraps the body in a comment, or a chapter whose raw HTML leaves an element
open, is read whole, as before (found by a fuzzer: each such page passed a check read in parts that a build without
the cache failed). Checked by looking, not by parsing: any doubt reads the page whole.
"""

from __future__ import annotations

import re

from ..core.files import Held
from ..core.markup import APART, RAW_TEXT
from ..core.memo import ContentHashes, digest
from .inline import SVG_CLOSE, SVG_OPEN, without_charts

#: Elements whose text a parser reads raw up to their end tag: one left open takes in what follows.
_RAW = frozenset(name.encode() for name in RAW_TEXT)
#: Elements read otherwise by a browser and by libxml2, whose ids the link check does not count
#: (``linkcheck._IDS``): a part cannot tell whether one holds it.
_DOUBTFUL = frozenset(name.encode() for name in APART)
#: Elements a check reads up to their end tag (the search input's number cells): opened and closed alike.
_CELLS = frozenset((b"td", b"th"))
#: Bytes that HTML and libxml2 do not take alike (libxml2 takes no form feed for a space, HTML no vertical tab).
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: The same bytes, to be deleted (``bytes.translate``): one pass of C over a body, where the expression's search took
#: 0,45 s of a cold build at N = 100.
_CONTROL_BYTES = bytes(b for b in range(256) if _CONTROL.match(bytes((b,))))
#: Space between a tag's parts, as both HTML and libxml2 take it.
_S = rb"[ \t\n\r]"
#: A tag's name, and what follows it to the tag's end (attribute values quoted or not).
_NAME = rb"[a-zA-Z][^ \t\n\r/>]*"
_TAG_END = (rb"(?:" + _S + rb"+[^ \t\n\r\"'>/=]+(?:" + _S + rb"*=" + _S
            + rb"""*(?:"[^"]*"|'[^']*'|[^ \t\n\r"'=<>`]+))?)*""" + _S + rb"*/?>")
#: A comment, a declaration or a processing instruction, after its ``<``.
_NOT_ELEMENT = rb"!--.*?-->|![^-][^>]*>|\?[^>]*>"
#: A whole start or end tag, comment or declaration, from its ``<``.
_WHOLE_TAG = re.compile(rb"<(?:(/?)(" + _NAME + rb")" + _TAG_END + rb"|" + _NOT_ELEMENT + rb")", re.S)
#: Tags a parser places in the document, not where they stand, when they come inside a page.
_DOCUMENT_TAGS = frozenset((b"html", b"head", b"body"))
#: The names :func:`closed` looks at (in any case): a tag named otherwise only has to be whole.
_NOTED = sorted(_RAW | _DOUBTFUL | _CELLS | _DOCUMENT_TAGS | {b"svg"})
#: Text and one whole tag none of whose names is noted, or a comment or declaration.
_PLAIN = (rb"[^<]*+<(?:/?(?!(?i:" + b"|".join(_NOTED) + rb")[ \t\n\r/>])" + _NAME + _TAG_END + rb"|" + _NOT_ELEMENT
          + rb")")
#: Text and a whole table cell (``td`` or ``th``, in any case) holding only text and tags not noted.
_CELL = b"|".join(rb"[^<]*+<(?i:" + n + rb")(?=[ \t\n\r/>])" + _TAG_END + rb"(?:" + _PLAIN + rb")*+[^<]*+</(?i:" + n
                  + rb")(?=[ \t\n\r/>])" + _TAG_END for n in sorted(_CELLS))
#: As many ``_PLAIN`` as follow each other, then text (possessive: each tag matched as ``_WHOLE_TAG`` matches it
#: alone, then never taken back); where no cell is open, whole cells too (each opened from none and closed).
#: Why: a body's tables and inline charts are hundreds of thousands of such tags (550 000 cells' at N = 100), and one
#: Python step per tag took 2,3 s of a cold build; here they run in the regex engine, and Python looks only at the
#: other noted tags (a chart, a script), a cell that holds one, and a ``<`` that begins no whole tag.
_PLAIN_RUN = re.compile(rb"(?:" + _PLAIN + rb")*+[^<]*+", re.S)
_PLAIN_CELLS_RUN = re.compile(rb"(?:" + _PLAIN + rb"|" + _CELL + rb")*+[^<]*+", re.S)
#: The name of :func:`readable_part`'s facts of a page and of a body: what they depend on.
_CLOSED_FACT = "tertutup " + digest(sorted(_RAW), sorted(_DOUBTFUL), sorted(_CELLS), _CONTROL.pattern,
                                    _WHOLE_TAG.pattern, SVG_OPEN, SVG_CLOSE, "3")[:16]


def readable_part(hashes: ContentHashes, data: Held, page: bytes, span: tuple[int, int]) -> str | None:
    """The name of the body at ``span`` in ``page`` (the bytes of ``data``; ``ContentHashes.part``) when the page can
    be read in parts: :func:`closed` holds of what lies before the body and of the body; else None. Each learnt once
    by whichever stage asks first: what lies before, per page (``ContentHashes.fact``), the body, per body (its scan
    of every tag was a second of a cold build at N = 100, each time a stage asked)."""
    start, end = span
    if hashes.fact(data, f"{_CLOSED_FACT} {start}", lambda whole: "1" if closed(whole[:start]) else "", page) != "1":
        return None
    part = hashes.part(data, page, span)
    readable = hashes.part_fact(part, _CLOSED_FACT, lambda: "1" if closed(page[start:end], body=True) else "")
    return part if readable == "1" else None


def closed(fragment: bytes, body: bool = False) -> bool:
    """Whether ``fragment``, read from where a page's text begins, leaves nothing open at its end, read tag by tag:
    every ``<`` starts a whole tag, comment or declaration (a ``<`` that does not is doubtful: the audit's expression
    takes ``<1`` for a tag); a raw-text element's end tag follows it; every table cell opened is closed; every
    inline chart's ``<svg`` and ``</svg>`` is a tag (the charts are cut out by looking for them: one inside a comment
    or a value paired with another); no inline chart is left open. ``body``: a chapter's body, which must also hold
    no document tag (see the module docstring). Anything doubtful is False: the page is then read whole. Three rounds
    of a fuzzer found what is doubtful here: a ``<noscript>``, a comment ended by ``--!>``, a ``<script>`` holding
    ``<!--`` (a browser and libxml2 may read on past its end tag)."""
    lower = fragment.lower()
    if len(fragment.translate(None, _CONTROL_BYTES)) != len(fragment):
        return False
    if b"<!-->" in lower or b"<!--->" in lower or b"--!>" in lower:
        return False
    cells: dict[bytes, int] = {}
    charts = 0  # the inline charts' tags read as tags
    at = _PLAIN_CELLS_RUN.match(fragment).end()
    while at < len(fragment):  # at a noted tag, or a ``<`` that begins no whole tag
        tag = _WHOLE_TAG.match(fragment, at)
        if tag is None:
            return False
        name = (tag.group(2) or b"").lower()
        end = tag.end()
        if name in _DOUBTFUL or (body and name in _DOCUMENT_TAGS):
            return False
        if name in _RAW and not tag.group(1):
            close = re.compile(rb"</" + name + rb"[ \t\n\r/>]").search(lower, end) if name != b"plaintext" else None
            if close is None or (name == b"script" and b"<!--" in lower[end:close.start()]):
                return False
            stop = lower.find(b">", close.end() - 1)
            if stop < 0:
                return False
            end = stop + 1
        elif name in _CELLS:
            cells[name] = cells.get(name, 0) + (-1 if tag.group(1) else 1)
            if cells[name] not in (0, 1):  # nested, or closed before it opened: not read alike everywhere
                return False
        elif tag.group(2) == b"svg":
            charts += 1
        at = (_PLAIN_RUN if any(cells.values()) else _PLAIN_CELLS_RUN).match(fragment, end).end()
    if charts != fragment.count(SVG_OPEN) + fragment.count(SVG_CLOSE):
        return False  # a chart's tag inside a comment, a raw text or a value
    return not any(cells.values()) and SVG_OPEN not in without_charts(fragment)
