"""A released report's folder deleted from ``content/`` (a webmaster tidying up, taking ``arsip/`` for its copy).

The portal's comparisons, instansi pages, trend charts, "Laporan lain" links and open data are computed from the
reports' models. With the folder gone, the report's figures left them and a year no other report covers lost its
comparison page (its links broke), while published output is for good. The report is now read from its newest
released version's ``sumber/`` (the folder as released), so the portal is the one built with the folder there, byte
for byte; a note for the whole site says to copy ``sumber/`` back before a new version, and ``terbitkan`` refuses
until then. Only a ``sumber/`` that cannot be read leaves the figures out, and the warning says what was lost.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path

import pytest
from conftest import fill_in, share_charts, tree_hashes

from lkjip_site.build import BuildOptions, Session, build
from lkjip_site.cli.main import main
from lkjip_site.cli.scaffold import new_report

OLD, NEW = "dinkes-2022", "dinkes-2023"


def lkjip(root: Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main([*args, "--situs", str(root)])
    return code, out.getvalue()


@pytest.fixture()
def released(tmp_path: Path, chart_cache: Path, epoch: None) -> Path:
    """Two reports of one instansi (2022, 2023), 2022 released, the site built."""
    root = tmp_path / "situs"
    for slug, year in ((OLD, 2022), (NEW, 2023)):
        assert new_report(root, slug, tahun=year, instansi="Dinas Kesehatan") == 0
        fill_in(root / "content" / "laporan" / slug)
    share_charts(root / ".cache", chart_cache)
    code, said = lkjip(root, "terbitkan", OLD, "--tanpa-pdf")
    assert code == 0, said
    return root


def gone(said: str) -> list[str]:
    return [line for line in said.splitlines() if "tetapi foldernya content/laporan/" in line]


def test_deleted_released_folder_is_read_from_its_sumber(released: Path) -> None:
    code, said = lkjip(released, "check")
    assert code == 0 and gone(said) == [], said  # the folder is there: nothing to say
    assert lkjip(released, "check", "--strict", "--laporan", NEW)[0] == 0
    before = tree_hashes(released / "build")

    shutil.rmtree(released / "content" / "laporan" / OLD)
    code, said = lkjip(released, "check")
    assert code == 0, said
    [line] = gone(said)
    assert line.startswith(f"arsip/{OLD}/1.0:1: peringatan: laporan '{OLD}' (Dinas Kesehatan, tahun 2022) sudah "
                           "diterbitkan (versi 1.0, diterbitkan 15 Februari 2024), tetapi foldernya "
                           f"content/laporan/{OLD}/ tidak ada; portal membacanya dari arsip/{OLD}/1.0/sumber/"), line
    assert "tetap memuat angkanya" in line and "hilang" not in line
    assert f"salin dahulu isi arsip/{OLD}/1.0/sumber/ ke content/laporan/{OLD}/" in line
    assert f"data/sumber/ dalam {OLD}-1.0-bagit.zip" in line and f"'lkjip terbitkan {OLD}'" in line
    assert said.count("sumber/") == line.count("sumber/"), said  # nothing said of the release's own files

    # about the whole site: another report's author meets it too, and --strict stops on it
    code, said = lkjip(released, "check", "--strict", "--laporan", NEW)
    assert code != 0 and len(gone(said)) == 1, said

    # the portal as it was with the folder there, byte for byte: comparisons, instansi page, feed, open data
    code, said = lkjip(released, "build", "--tanpa-pdf")
    assert code == 0 and len(gone(said)) == 1, said
    assert tree_hashes(released / "build") == before
    code, said = lkjip(released, "build", "--tanpa-pdf", "--tanpa-cache")  # the other way of loading the reports
    assert code == 0 and len(gone(said)) == 1, said
    assert tree_hashes(released / "build") == before
    code, said = lkjip(released, "build", "--tanpa-pdf")  # unchanged: the last build stands, its note is said again
    assert code == 0 and len(gone(said)) == 1, said

    # a new version needs the folder: terbitkan says how, and writes nothing
    archived = tree_hashes(released / "arsip")
    code, said = lkjip(released, "terbitkan", OLD, "--tanpa-pdf")
    assert code != 0 and f"salin dahulu isi arsip/{OLD}/1.0/sumber/ ke content/laporan/{OLD}/" in said, said
    assert tree_hashes(released / "arsip") == archived and not (released / "content" / "laporan" / OLD).exists()
    code, said = lkjip(released, "new", "dinkes-2024", "--dari", OLD)
    assert code != 0 and f"salin dahulu isi arsip/{OLD}/1.0/sumber/ ke content/laporan/{OLD}/" in said, said
    assert not (released / "content" / "laporan" / "dinkes-2024").exists()

    # copied back, the folder is the report again, and nothing more is said
    shutil.copytree(released / "arsip" / OLD / "1.0" / "sumber", released / "content" / "laporan" / OLD)
    code, said = lkjip(released, "build", "--tanpa-pdf")
    assert code == 0 and gone(said) == [], said
    assert tree_hashes(released / "build") == before


def test_a_preview_keeps_the_report_read_from_arsip(released: Path) -> None:
    """``serve``'s session keeps the reports of ``content/`` between builds; the one read from ``arsip/`` is read
    on each, so a save of another report leaves the portal's comparisons whole."""
    before = tree_hashes(released / "build")
    shutil.rmtree(released / "content" / "laporan" / OLD)
    opts = BuildOptions(root=released, pdf=False)
    session = Session()
    first = build(opts, session=session)
    assert len(gone("\n".join(d.format() for d in first.diagnostics.items))) == 1
    assert tree_hashes(released / "build") == before
    chapter = released / "content" / "laporan" / NEW / "40-bab-4-penutup.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\nSatu kalimat lagi.\n", encoding="utf-8")
    build(opts, session=session)
    assert (released / "build" / "perbandingan" / "2022" / "index.html").is_file()
    after = tree_hashes(released / "build")
    assert {p for p in after if after[p] != before.get(p)} <= {p for p in after if f"laporan/{NEW}/" in p
                                                                or p.startswith(("pagefind/", "sitemap"))}


def test_a_sumber_that_cannot_be_read_is_warned_of_with_what_is_lost(released: Path) -> None:
    """A ``sumber/`` that differs from its manifest is not read: the figures leave the portal, and the warning
    says so, naming a comparison page as lost only when no other report covers its year."""
    shutil.rmtree(released / "content" / "laporan" / OLD)
    meta = released / "arsip" / OLD / "1.0" / "sumber" / "laporan.yaml"
    meta.write_text(meta.read_text(encoding="utf-8") + "# diubah\n", encoding="utf-8")
    code, said = lkjip(released, "check")
    [line] = gone(said)
    assert f"dan arsip/{OLD}/1.0/sumber/ tidak dapat dibaca sebagai laporan" in line, line
    assert "hilang dari halaman perbandingan, halaman instansi dan grafik trennya" in line
    assert "halaman perbandingan/2022/ tidak terbit lagi" in line
    assert f"Salin isi arsip/{OLD}/1.0/sumber/ ke content/laporan/{OLD}/" in line

    assert new_report(released, "puskesmas-2022", tahun=2022, instansi="Puskesmas Martapura") == 0
    fill_in(released / "content" / "laporan" / "puskesmas-2022")
    code, said = lkjip(released, "check")
    [line] = gone(said)
    assert "perbandingan/2022/" not in line
