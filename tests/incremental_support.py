"""Helpers shared by ``test_incremental.py`` (CLI rebuilds) and ``test_session.py`` (``serve``'s rebuilds)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lkjip_site import build as build_mod
from lkjip_site.build import BuildOptions, build

from conftest import SLUG, tree_hashes

BASE = f"laporan/{SLUG}/1.0/"


def run(root: Path, out: str, cache: bool = True, pdf: bool = False) -> list[str]:
    opts = BuildOptions(root=root, output=root / out, pdf=pdf, use_cache=cache, cache_dir=root / ".cache")
    return sorted(build(opts).rendered)


def assert_same_as_clean(root: Path, out: str, pdf: bool = False) -> None:
    shutil.rmtree(root / "bersih", ignore_errors=True)
    run(root, "bersih", cache=False, pdf=pdf)
    assert tree_hashes(root / out) == tree_hashes(root / "bersih")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} tidak ada di {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def options(root: Path, **kw: object) -> BuildOptions:
    return BuildOptions(root=root, output=root / "build", pdf=False, cache_dir=root / ".cache", **kw)  # type: ignore


class Counted:
    """Which reports a build loads and computes and whose chapters it parses (the work a kept report skips)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.loaded: list[str] = []
        self.computed: list[str] = []
        self.parsed: list[str] = []
        self.numbered: list[str] = []  # whose tables and charts were made (validated, keyed, planned) again
        real_load, real_compute, real_parse = build_mod.load_report, build_mod.compute_one, build_mod.parse_chapter
        real_number = build_mod.number_items

        def load(folder, *args, **kw):  # type: ignore[no-untyped-def]
            self.loaded.append(Path(folder).name)
            return real_load(folder, *args, **kw)

        def compute(site, report, *args, **kw):  # type: ignore[no-untyped-def]
            self.computed.append(report.slug)
            return real_compute(site, report, *args, **kw)

        def parse(md, report, *args, **kw):  # type: ignore[no-untyped-def]
            self.parsed.append(report.slug)
            return real_parse(md, report, *args, **kw)

        def number(report, *args, **kw):  # type: ignore[no-untyped-def]
            self.numbered.append(report.slug)
            return real_number(report, *args, **kw)

        monkeypatch.setattr(build_mod, "load_report", load)
        monkeypatch.setattr(build_mod, "compute_one", compute)
        monkeypatch.setattr(build_mod, "parse_chapter", parse)
        monkeypatch.setattr(build_mod, "number_items", number)

    def clear(self) -> None:
        self.loaded, self.computed, self.parsed, self.numbered = [], [], [], []
