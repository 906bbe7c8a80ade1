"""Incremental builds: what the memo skips must never change a byte of the output.

Each scenario edits a copy of the scaffold report, rebuilds with the memo, and compares the result with a clean build
(no memo) of the same input. The set of re-rendered pages is asserted too: that is the point of the memo.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from lkjip_site.build import BuildOptions, build
from lkjip_site.cli.scaffold import new_report
from lkjip_site.core.diagnostics import ContentError

SLUG = "contoh-2023"
BASE = f"laporan/{SLUG}/1.0/"


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1707955200")
    root = tmp_path / "proyek"
    assert new_report(root, SLUG) == 0
    return root


def run(root: Path, out: str, cache: bool = True, pdf: bool = False) -> list[str]:
    opts = BuildOptions(root=root, output=root / out, pdf=pdf, use_cache=cache, cache_dir=root / ".cache")
    return sorted(build(opts).rendered)


def assert_same_as_clean(root: Path, out: str, pdf: bool = False) -> None:
    shutil.rmtree(root / "bersih", ignore_errors=True)
    run(root, "bersih", cache=False, pdf=pdf)
    assert tree(root / out) == tree(root / "bersih")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} tidak ada di {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_noop_rebuild_renders_nothing(project: Path) -> None:
    first = run(project, "build")
    assert f"{BASE}index.html" in first and "index.html" in first
    assert run(project, "build") == []
    assert_same_as_clean(project, "build")


def test_editing_one_chapter_rerenders_only_that_chapter(project: Path) -> None:
    run(project, "build")
    chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    edit(chapter, "Tuliskan latar belakang penyusunan laporan.", "Latar belakang yang baru ditulis.")
    assert run(project, "build") == [f"{BASE}bab-1-pendahuluan/index.html"]
    assert_same_as_clean(project, "build")


def test_changing_a_heading_rerenders_the_pages_that_show_it(project: Path) -> None:
    run(project, "build")
    chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    edit(chapter, "## Latar Belakang", "## Latar Belakang Penyusunan")
    rendered = run(project, "build")
    # the chapter's anchors are part of its report's structure: that report's pages, and the site pages listing it
    assert f"{BASE}bab-1-pendahuluan/index.html" in rendered
    assert all(p.startswith(f"laporan/{SLUG}/") or p == "index.html" for p in rendered)
    assert_same_as_clean(project, "build")


def test_changing_one_data_value_rerenders_exactly_its_users(project: Path) -> None:
    run(project, "build")
    data = project / "content" / "laporan" / SLUG / "data" / "indikator.yaml"
    edit(data, "82.5", "78.5")
    rendered = run(project, "build")
    # Ikhtisar (overall average), BAB III (capaian table, inline values, chart), report page (key figures), and the
    # comparison pages that show this report's average (all instansi, its year, its instansi), and the versions page
    # whose description (search engines, link previews) quotes the key figures
    assert rendered == sorted([f"{BASE}ikhtisar-eksekutif/index.html", f"{BASE}bab-3-akuntabilitas-kinerja/index.html",
                               f"{BASE}index.html", "perbandingan/index.html", "perbandingan/2023/index.html",
                               "instansi/kecamatan-contoh/index.html", f"laporan/{SLUG}/index.html"])
    assert_same_as_clean(project, "build")
    page = (project / "build" / BASE / "bab-3-akuntabilitas-kinerja" / "index.html").read_text(encoding="utf-8")
    assert "98,13 %" in page  # 78,5 / 80 × 100, the new value everywhere in the chapter
    assert "103,13 %" not in page


def test_pdf_is_memoised_and_identical_to_a_clean_build(project: Path) -> None:
    run(project, "build", pdf=True)
    assert run(project, "build", pdf=True) == []
    data = project / "content" / "laporan" / SLUG / "data" / "anggaran.yaml"
    edit(data, "realisasi: 95000000", "realisasi: 90000000")
    rendered = run(project, "build", pdf=True)
    assert f"{BASE}{SLUG}-1.0.pdf" in rendered
    assert_same_as_clean(project, "build", pdf=True)


def test_memoised_data_files_repeat_their_messages(project: Path) -> None:
    """A data file taken from the memo must report the same warnings and errors as when it was parsed."""
    data = project / "content" / "laporan" / SLUG / "data" / "indikator.yaml"
    edit(data, "    satuan: indeks\n", "    satuan: indeks\n    satuam: salah ketik\n")
    opts = BuildOptions(root=project, output=project / "build", pdf=False, cache_dir=project / ".cache")
    first = [d.format() for d in build(opts).diagnostics.warnings]
    second = [d.format() for d in build(opts).diagnostics.warnings]
    assert first == second and any("satuam" in w and "indikator.yaml:5" in w for w in first), first
    edit(data, "    satuam: salah ketik\n", "    target: [\n")
    for _ in range(2):
        with pytest.raises(ContentError) as info:
            build(opts)
        assert any(d.file.endswith("data/indikator.yaml") for d in info.value.diagnostics.errors)
