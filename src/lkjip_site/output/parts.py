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
from ..core.memo import ContentHashes, digest
from .inline import SVG_OPEN, without_charts

#: Elements whose text a parser reads raw up to their end tag (or that a check reads up to it: table cells), so one
#: left open takes in what follows; their start and end tags, in one pass.
_BALANCED = re.compile(rb"<(/?)(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext|template"
                       rb"|td|th)(?=[\s/>])", re.I)
#: Tags a parser places in the document, not where they stand, when they come inside a page.
_DOCUMENT_TAG = re.compile(rb"<(?:html|head|body)[\s/>]", re.I)
#: What may follow ``<`` where a tag or markup declaration starts.
_TAG_CHARS = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ/!?")
#: A whole start or end tag (attribute values quoted or not), a comment, or a declaration.
_WHOLE_TAG = re.compile(
    rb"""<(?:/?[a-zA-Z][^\s/>]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*/?"""
    rb"""|!--.*?--|![^-][^>]*|\?[^>]*)>""", re.S)
#: The name of :func:`before_closed`'s fact of a page: what it depends on.
_BEFORE_FACT = "tertutup " + digest(_BALANCED.pattern, _WHOLE_TAG.pattern, SVG_OPEN, "1")[:16]


def before_closed(hashes: ContentHashes, data: Held, page: bytes, span: tuple[int, int]) -> bool:
    """:func:`closed` of what lies before the body at ``span`` in ``page`` (the bytes of ``data``): learnt once per
    page (``ContentHashes.fact``), by whichever stage asks first."""
    start = span[0]
    return hashes.fact(data, f"{_BEFORE_FACT} {start}", lambda whole: "1" if closed(whole[:start]) else "",
                       page) == "1"


def closed(fragment: bytes, body: bool = False) -> bool:
    """Whether ``fragment``, read from where a page's text begins, leaves nothing open at its end; ``body``: a
    chapter's body, which must also hold no document tag (see the module docstring)."""
    lower = fragment.lower()
    if lower.rfind(b"<!--") > lower.rfind(b"-->") or b"<!-->" in lower or b"<!--->" in lower:
        return False
    last = _last_tag(fragment)
    if fragment.endswith(b"<") or last >= 0 and _WHOLE_TAG.match(fragment, last) is None:
        return False  # the last tag is not closed (or is not a tag a reader would read alike)
    depth: dict[bytes, int] = {}
    for found in _BALANCED.finditer(lower):
        name = found.group(2)
        depth[name] = depth.get(name, 0) + (-1 if found.group(1) else 1)
        if depth[name] not in (0, 1):  # nested, or closed before it opened: not read alike everywhere
            return False
    if any(depth.values()):
        return False
    if SVG_OPEN in without_charts(fragment):
        return False  # an inline chart left open
    return not (body and _DOCUMENT_TAG.search(fragment))


def _last_tag(fragment: bytes) -> int:
    """Where the last ``<`` that starts a tag or declaration is, or -1."""
    at = fragment.rfind(b"<")
    while at >= 0 and (at + 1 >= len(fragment) or fragment[at + 1] not in _TAG_CHARS):
        at = fragment.rfind(b"<", 0, at)
    return at
