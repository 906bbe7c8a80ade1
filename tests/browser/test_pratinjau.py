"""``lkjip serve`` in a real browser: the open page reloads itself after a save, with the new text.

The preview page carries a small script that asks the server for a version newer than its own; the server holds
that request until a rebuild is published. This is the one place that script runs: the published site never has it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from lkjip_site.cli.scaffold import new_report
from serve_support import running_serve

from .support import open_probe

if TYPE_CHECKING:
    from playwright.sync_api import Browser

SLUG = "contoh-2023"
CHAPTER = f"/laporan/{SLUG}/1.0/bab-1-pendahuluan/"


@pytest.fixture()
def preview(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A scaffolded site served by ``lkjip serve`` on a free port."""
    assert new_report(tmp_path, SLUG) == 0
    with running_serve(tmp_path, "1707955200") as base:
        yield tmp_path, base


def test_the_open_page_reloads_with_the_saved_text(browser: Browser, preview: tuple[Path, str]) -> None:
    root, base = preview
    context, probe = open_probe(browser, base)
    try:
        probe.goto(CHAPTER)
        assert probe.page.get_by_text("Kalimat yang disimpan sambil dibaca.").count() == 0
        probe.page.wait_for_timeout(500)  # the page's script has asked for a newer version
        chapter = root / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
        chapter.write_text(chapter.read_text(encoding="utf-8") + "\nKalimat yang disimpan sambil dibaca.\n",
                           encoding="utf-8")
        probe.page.get_by_text("Kalimat yang disimpan sambil dibaca.").wait_for(timeout=60_000)  # no click, no goto
        assert probe.problems() == []
    finally:
        context.close()
