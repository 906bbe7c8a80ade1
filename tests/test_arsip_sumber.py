"""A released report's folder deleted from ``content/`` (a webmaster tidying up, taking ``arsip/`` for its copy).

The portal's comparisons, instansi pages, trend charts and open data are computed from ``content/`` only, so the
report's figures leave them and a year no other report covers loses its comparison page; the released version's own
pages stay (copied from ``arsip/``). ``check`` and ``build`` said nothing of it. They now warn, for the whole site,
and name the way back: ``arsip/<slug>/<versi>/sumber/`` copied to ``content/laporan/<slug>/`` gives the portal as
it was, byte for byte.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path

import pytest
from conftest import fill_in, share_charts, tree_hashes

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


def test_deleted_released_folder_is_warned_for_the_whole_site(released: Path) -> None:
    code, said = lkjip(released, "check")
    assert code == 0 and gone(said) == [], said  # the folder is there: nothing to say
    assert lkjip(released, "check", "--strict", "--laporan", NEW)[0] == 0
    before = tree_hashes(released / "build")
    sitemap = (released / "build" / "sitemap.xml").read_text(encoding="utf-8")

    shutil.rmtree(released / "content" / "laporan" / OLD)
    code, said = lkjip(released, "check")
    assert code == 0, said  # a warning: the released pages are still published
    [line] = gone(said)
    assert line.startswith(f"arsip/{OLD}/1.0:1: peringatan: laporan '{OLD}' (Dinas Kesehatan, tahun 2022) sudah "
                           "diterbitkan (versi 1.0, diterbitkan 15 Februari 2024), tetapi foldernya "
                           f"content/laporan/{OLD}/ tidak ada."), line
    assert "hilang dari halaman perbandingan, halaman instansi dan grafik trennya" in line
    assert "halaman perbandingan/2022/ tidak terbit lagi" in line  # no other report of 2022: its page goes
    assert f"salin isi arsip/{OLD}/1.0/sumber/ ke content/laporan/{OLD}/" in line
    assert f"data/sumber/ dalam {OLD}-1.0-bagit.zip" in line

    # about the whole site: another report's author meets it too, and --strict stops on it
    code, said = lkjip(released, "check", "--strict", "--laporan", NEW)
    assert code != 0 and len(gone(said)) == 1, said

    code, said = lkjip(released, "build", "--tanpa-pdf")
    assert code == 0 and len(gone(said)) == 1, said
    assert not (released / "build" / "perbandingan" / "2022").exists()  # what the warning says, as built
    assert (released / "build" / "laporan" / OLD / "1.0" / "index.html").is_file()
    # its pages are still published, so the sitemap still lists them (its chapters were dropped with the folder)
    listed = re.findall(f"<loc>([^<]*/laporan/{OLD}/[^<]*)</loc>", sitemap)
    assert len(listed) > 2 and f"/laporan/{OLD}/1.0/bab-1-pendahuluan/" in " ".join(listed)
    assert set(listed) <= set(re.findall("<loc>([^<]*)</loc>", (released / "build" / "sitemap.xml").read_text()))

    # the way back the warning names: the portal as it was, byte for byte, and nothing more to say
    shutil.copytree(released / "arsip" / OLD / "1.0" / "sumber", released / "content" / "laporan" / OLD)
    code, said = lkjip(released, "build", "--tanpa-pdf")
    assert code == 0 and gone(said) == [], said
    assert tree_hashes(released / "build") == before


def test_a_year_another_report_covers_keeps_its_page(released: Path) -> None:
    """The warning names a comparison page as lost only when no other report covers its year."""
    assert new_report(released, "puskesmas-2022", tahun=2022, instansi="Puskesmas Martapura") == 0
    fill_in(released / "content" / "laporan" / "puskesmas-2022")
    shutil.rmtree(released / "content" / "laporan" / OLD)
    code, said = lkjip(released, "check")
    [line] = gone(said)
    assert "perbandingan/2022/" not in line
