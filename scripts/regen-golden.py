#!/usr/bin/env python3
"""Regenerate tests/golden/*.html from tests/fixtures/golden-report (see tests/golden/README.md).

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


def main_element(html: str) -> str:
    """The ``<main>`` element only: header, footer and asset hashes change with the theme, not with the numbers."""
    start = html.index("<main")
    end = html.index("</main>") + len("</main>")
    return html[start:end] + "\n"


def render_golden() -> dict[str, str]:
    """Golden file name -> current ``<main>`` HTML of the fixture report."""
    sys.path.insert(0, str(REPO / "src"))
    from lkjip_site.build import BuildOptions, build

    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        with tempfile.TemporaryDirectory(prefix="lkjip-golden-") as cache:
            opts = BuildOptions(root=FIXTURE, pdf=False, use_cache=False, cache_dir=Path(cache))
            files = build(opts, write=False).files
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old
    return {name: main_element(files[page].decode("utf-8")) for name, page in PAGES.items()}


def main() -> int:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, html in render_golden().items():
        (GOLDEN / name).write_text(html, encoding="utf-8")
        print(f"ditulis: {(GOLDEN / name).relative_to(REPO)}")
    print("Periksa perubahan dengan 'git diff tests/golden' dan cocokkan angka dengan tests/golden/README.md.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
