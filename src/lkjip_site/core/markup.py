"""What some HTML elements are to a browser, which the stages that read raw or rendered HTML must agree on.

Why one place: the Markdown stage reads a chapter's anchors from its raw HTML (Python's HTML parser) and checks its
links against them, the link check reads the built pages' ids and links with libxml2, and ``output/parts`` decides
whether a page can be read in parts; each had its own list of these elements or its own way to match a fragment, and
a fuzzer found the cached build and a clean one parting where they disagreed.
"""

from __future__ import annotations

from urllib.parse import unquote

#: Elements whose text a browser reads raw up to their end tag: nothing inside is an element of the page, and one
#: left open takes in what follows.
RAW_TEXT = frozenset(("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"))
#: Elements a browser and libxml2 read otherwise: ``noscript`` (raw text to a browser that runs scripts, HTML to
#: libxml2) and ``template`` (a fragment apart to a browser, elements of the page to libxml2). No id inside one is a
#: place a link reaches.
APART = frozenset(("noscript", "template"))


def fragment_ids(fragment: str) -> tuple[str, ...]:
    """The ids a link's fragment may name, in the order a browser looks for them: as written, then percent-decoded
    (markdown-it writes a fragment beyond ASCII percent-encoded: ``#daerah-%C3%A9``)."""
    decoded = unquote(fragment)
    return (fragment,) if decoded == fragment else (fragment, decoded)
