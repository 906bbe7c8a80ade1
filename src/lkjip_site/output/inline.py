"""The inline charts of a rendered page, found in its bytes: what the search index and the link check leave out.

A chart is drawn into its page as ``<svg …>…</svg>`` (its words are its caption's and table's, its ids its own
shapes'); on a kabupaten's archive the charts are close to half of the pages' bytes. Both readers of every page
skip them: Pagefind would index tick labels, and libxml2 parsed every shape only to find no link.
"""

from __future__ import annotations

#: Where a chart drawn inline starts and ends.
SVG_OPEN, SVG_CLOSE = b"<svg", b"</svg>"
_NAME_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def without_charts(page: bytes, unless: tuple[bytes, ...] = ()) -> bytes:
    """``page`` without its inline charts (``<svg …>`` up to the first ``</svg>``; an unclosed one stays), but those
    that contain one of ``unless`` (``b"href"``: a chart that links somewhere, for the link check).

    Found with ``bytes.find`` rather than the regular expression ``<svg\\b.*?</svg>`` (the same result): the
    expression's lazy scan through every chart was most of the time spent preparing a year's pages for Pagefind.
    """
    parts, pos = [], 0
    start = page.find(SVG_OPEN)
    while start != -1:
        after = start + len(SVG_OPEN)
        if after < len(page) and page[after] in _NAME_BYTES:  # <svgfoo: another element
            start = page.find(SVG_OPEN, after)
            continue
        end = page.find(SVG_CLOSE, after)
        if end == -1:
            break
        stop = end + len(SVG_CLOSE)
        if not any(page.find(word, after, end) != -1 for word in unless):
            parts.append(page[pos:start])
            pos = stop
        start = page.find(SVG_OPEN, stop)
    parts.append(page[pos:])
    return b"".join(parts)
