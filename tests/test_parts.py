"""When a chapter page can be read in parts (``output/parts.py``): nothing left open before the body or in it."""

from __future__ import annotations

import pytest

from lkjip_site.output import audit as audit_mod
from lkjip_site.output.parts import closed


@pytest.mark.parametrize("fragment, body, expected", [
    (b"<p>Isi <a href='x'>tautan</a></p><!-- catatan -->", True, True),
    (b"<table><tr><td class='angka'>1</td></tr></table><svg><g/></svg>", True, True),
    (b"<html><body><main>", False, True),  # the part before a body: its document tags are where they belong
    (b"<p>Isi</p><!-- terbuka", True, False),
    (b"<p>Isi</p><!-->", True, False),
    (b"<p>Isi</p><textarea>", True, False),
    (b"<p>Isi</p><script>var a = 1;", True, False),
    (b"<p>Isi</p><svg class='x'>", True, False),
    (b"<p>Isi</p><td class='angka'>", True, False),
    (b"<p>Isi</p><a title='x>y", True, False),  # a tag cut off inside a quoted value
    (b"<p>Isi</p><span", True, False),
    (b"<p>Isi</p><", True, False),
    (b"<table><tr><td><table><tr><td>1</td></tr></table></td></tr></table>", True, False),  # nested: read whole
    (b"<body class='lain'><p>Isi</p>", True, False),  # a document tag inside a body
    # found by a fuzzer, each read otherwise in a page than alone:
    (b"<main><p>Isi</p><1 ", False, False),  # not a tag to a browser, one to the audit's expression
    (b"<div title=\"x>y</div><i>z</i>", True, False),  # a quote left open in a tag that is not the last
    (b"<div><script>var a;</script\x0b><i>z</i></div>", True, False),  # not an end tag to HTML, one to a regex
    (b"<p>a<br>b</p><script>if (a < b) {}</script><style>p > a {}</style>", True, True),  # raw text read raw
    (b"<div><noscript><!-- </noscript></div>", True, False),  # raw text to a browser, HTML to libxml2
    (b"<div><!-- a --!> <script> --></div>", True, False),  # a comment's end to HTML and libxml2, not to a regex
    (b"<div><script><!-- <script> </script></div>", True, False),  # a script read on past its end tag
    (b"<!-- <svg> --><p>x</p></svg>", True, False),  # a chart cut out across a comment
    (b"<p title='<svg'>x</p><svg><g/></svg>", True, False),  # ... from a value
])


def test_what_a_part_leaves_open_is_found(fragment: bytes, body: bool, expected: bool) -> None:
    assert closed(fragment, body=body) is expected


def test_a_mark_matched_alone_but_not_in_a_page_is_found() -> None:
    """A tag the audit tries first and cannot close within the part (``<a x <b …>``) may close after it in the
    page, taking the figure's text with it: such a part is read whole (found by a fuzzer)."""
    def read(part: str) -> str:
        return audit_mod._part_marks("laporan/a/1.0/bab/index.html", part.encode())[0]

    assert read('<div><b data-angka="a">1</b></div>')
    assert not read('<div><a x <b data-angka="a">1</b></div>')
    assert not read('<div><b data-angka="a">1</div>')  # a mark left open
