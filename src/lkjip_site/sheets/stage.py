"""Load one report through the build's own stages 1–4, optionally with some data files replaced, in a private copy.

Why a copy: an import must be validated exactly as hand-written YAML would be (same schema, same references, same
computation), before anything is written. Putting the would-be files into a throw-away site folder that mirrors the
real one (``situs.yaml``, ``themes/``, ``content/laporan/<slug>/``) lets ``build.load_site`` do that unchanged, and
its messages name the same relative paths and lines the author will see in the real files. Other reports of the site
are left out, so their problems do not block work on this one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from ..build import BuildOptions, load_site
from ..core.diagnostics import ContentError, Diagnostics
from ..core.model import Report
from ..core.paths import SITE_FILE
from ..load.content import REPORTS_DIR
from ..load.data import DATA_DIR


def report_folder(root: Path, slug: str) -> Path:
    return root / "content" / REPORTS_DIR / slug


def known_reports(root: Path) -> list[str]:
    base = root / "content" / REPORTS_DIR
    return sorted(p.name for p in base.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))) \
        if base.is_dir() else []


def load_one(root: Path, slug: str, diags: Diagnostics, overrides: dict[str, str] | None = None,
             findings_stop: bool = True) -> Report:
    """Stages 1–4 for report ``slug`` with ``overrides`` (data file name -> text); raises ContentError on errors.

    With ``findings_stop`` off, only files that cannot be read (stages 1–3) raise; the errors ``check`` finds in
    readable data stay in ``diags`` for the caller. Why: ``lkjip new --dari`` of the next quarter leaves the new
    quarter unwritten, an error ("realisasi 2025 hanya diisi tw1, tanpa tw2"), and the workbook that is there to
    write it could neither be exported nor imported (nor ``impor-anggaran`` read the quarter's realisasi)."""
    with tempfile.TemporaryDirectory(prefix="lkjip-impor-") as tmp:
        site = Path(tmp)
        shutil.copyfile(root / SITE_FILE, site / SITE_FILE)
        if (root / "themes").is_dir():
            os.symlink((root / "themes").resolve(), site / "themes", target_is_directory=True)
        source = report_folder(root, slug)
        target = report_folder(site, slug)
        # A copy, not links: the loader keeps every path an author writes (a logo) inside the report folder.
        shutil.copytree(source, target, ignore=shutil.ignore_patterns(".*"))
        for name, text in (overrides or {}).items():
            (target / DATA_DIR).mkdir(exist_ok=True)
            (target / DATA_DIR / name).write_text(text, encoding="utf-8")
        loaded = load_site(BuildOptions(root=site, use_cache=False), diags)
        report = next((r for r in loaded.reports if r.slug == slug), None)
        if report is None or (findings_stop and diags.errors):  # computed findings (check) do not stop load_site
            raise ContentError(diags)
        report.folder = source
        return report
