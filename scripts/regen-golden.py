#!/usr/bin/env python3
"""Regenerate tests/golden/*.html from tests/fixtures/golden-report and one example report of content/.

See tests/golden/README.md for what was checked by hand.

    .venv/bin/python scripts/regen-golden.py

Builds the fixture site in memory (no PDF, no memo, a throw-away cache, SOURCE_DATE_EPOCH fixed) and writes the
``<main>`` element of the report page and of the BAB III chapter page. ``tests/test_golden.py`` imports
``render_golden`` from this file, so the test and the regeneration can never build differently.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "golden-report"
GOLDEN = REPO / "tests" / "golden"
EPOCH = "1707955200"  # 2024-02-15 00:00 UTC
BASE = "laporan/golden-2023/1.0/"
PAGES = {
    "laporan.html": f"{BASE}index.html",
    "bab-3.html": f"{BASE}bab-3-akuntabilitas-kinerja/index.html",
}
EXAMPLE = "laporan/batu-sopang-2022/1.0/"
EXAMPLE_PAGES = {  # the example's pages without charts (chart SVG is tested in tests/test_charts.py)
    "contoh-laporan.html": f"{EXAMPLE}index.html",
    "contoh-ikhtisar.html": f"{EXAMPLE}ikhtisar-eksekutif/index.html",
    "contoh-bab-2.html": f"{EXAMPLE}bab-2-perencanaan-kinerja/index.html",
}


def main_element(html: str) -> str:
    """The ``<main>`` element only: header, footer and asset hashes change with the theme, not with the numbers."""
    start = html.index("<main")
    end = html.index("</main>") + len("</main>")
    return html[start:end] + "\n"


def _build(root: Path) -> dict[str, bytes]:
    sys.path.insert(0, str(REPO / "src"))
    from lkjip_site.build import BuildOptions, build

    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        with tempfile.TemporaryDirectory(prefix="lkjip-golden-") as cache:
            opts = BuildOptions(root=root, pdf=False, use_cache=False, cache_dir=Path(cache))
            return build(opts, write=False).files
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def render_golden() -> dict[str, str]:
    """Golden file name -> current ``<main>`` HTML of the fixture report and of the example report."""
    out = {}
    for root, pages in ((FIXTURE, PAGES), (REPO, EXAMPLE_PAGES)):
        files = _build(root)
        out.update({name: main_element(files[page].decode("utf-8")) for name, page in pages.items()})
    return out


def main() -> int:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, html in render_golden().items():
        (GOLDEN / name).write_text(html, encoding="utf-8")
        print(f"ditulis: {(GOLDEN / name).relative_to(REPO)}")
    print("Periksa perubahan dengan 'git diff tests/golden' dan cocokkan angka dengan tests/golden/README.md.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
