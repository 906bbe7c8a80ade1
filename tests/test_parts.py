"""When a chapter page can be read in parts (``output/parts.py``): nothing left open before the body or in it."""

from __future__ import annotations

import pytest

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
])
def test_what_a_part_leaves_open_is_found(fragment: bytes, body: bool, expected: bool) -> None:
    assert closed(fragment, body=body) is expected
