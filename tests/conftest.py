"""Shared fixtures: a scaffold project built once per session, copied fresh for each test.

Building the scaffold takes about a second; copying its folder takes milliseconds. Tests that break the content
therefore start from a copy that already holds a good ``build/`` (the "previous build" the issue talks about).
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import shutil
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
import vl_convert

from lkjip_site.build import BuildOptions, build
from lkjip_site.cli.scaffold import new_report
from lkjip_site.core import pool as pool_mod
from lkjip_site.elements.charts import fonts as chart_fonts_mod
from lkjip_site.elements.charts.cache import chart_memo
from lkjip_site.elements.registry import FONT_FOLDER
from lkjip_site.output import pages as pages_mod
from lkjip_site.output.pdf import fonts as pdf_fonts_mod

REPO = Path(__file__).resolve().parents[1]
# A relative PYTHONPATH (``PYTHONPATH=src pytest``, as a second checkout is tested) means this checkout's folder to the
# tests' own imports, but nothing to a child process started in a site folder (the CLI, ``serve``): that child
# imported the installed lkjip instead, and a test passed or failed on other code than the one under test.
if os.environ.get("PYTHONPATH"):
    os.environ["PYTHONPATH"] = os.pathsep.join(os.path.abspath(p) for p in os.environ["PYTHONPATH"].split(os.pathsep)
                                               if p)
#: 2024-02-15 00:00 UTC: the scaffold reports on 2023 and pages say "Dibangun 15 Februari 2024".
EPOCH = "1707955200"
SLUG = "contoh-2023"
REPORT_DIR = f"content/laporan/{SLUG}"


def tree_hashes(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` with the SHA-256 of its bytes: equal dicts mean byte-identical trees."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def chart_folders(cache: Path) -> list[Path]:
    """The folders of ``cache`` that hold drawn charts and the fonts they are drawn with (nothing else)."""
    memo = chart_memo(cache, "write").dir
    assert memo is not None
    return [memo, cache / FONT_FOLDER]


def share_charts(cache: Path, charts: Path) -> None:
    """Give the build cache ``cache`` the charts (and chart fonts) of ``charts``, and nothing else of it.

    Drawing a report's charts starts two vl-convert workers (about 2 s); a test about messages or markup does not
    need its charts drawn again. Charts are content-addressed, so a chart taken from ``charts`` is the chart that
    would have been drawn; pages, tables and the build record stay the test's own. The files are hard links: a build
    that stores new charts or removes the ones it did not use (``ChartCache.prune``, after a published build) changes
    its own folder only, never ``charts``.
    """
    for own, shared in zip(chart_folders(cache), chart_folders(charts)):
        shutil.copytree(shared, own, copy_function=os.link, dirs_exist_ok=True)


def copy_examples(target: Path) -> Path:
    """The repository's own site folder (situs.yaml and the bundled example reports), copied to ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(REPO / "situs.yaml", target / "situs.yaml")
    shutil.copytree(REPO / "content", target / "content")
    return target


def chapter_pages_rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The URLs of the chapter pages rendered from now on (not taken from the cache), in order."""
    rendered: list[str] = []
    real = pages_mod.chapter_page

    def counted(*args: Any, **kw: Any) -> bytes:
        rendered.append(args[1].page_url)
        return real(*args, **kw)

    monkeypatch.setattr(pages_mod, "chapter_page", counted)
    return rendered


def build_project(root: Path, output: Path | None = None, pdf: bool = False, cache: bool = True) -> None:
    build(BuildOptions(root=root, output=output, pdf=pdf, use_cache=cache, cache_dir=root / ".cache"))


@pytest.fixture()
def epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dates in pages come from SOURCE_DATE_EPOCH only; fix it so every test sees the same bytes.

    Not autouse: other engineers' test modules share this conftest and decide for themselves.
    """
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.delenv("LKJIP_DEBUG", raising=False)


@pytest.fixture(scope="session", autouse=True)
def vega_bundled_once_per_process() -> Any:
    """vl-convert's ``javascript_bundle`` made once per test process, not once per test.

    A build bundles Vega for the interactive charts once per cache (``elements/charts/bundle.py`` keeps the source
    there), and nearly every test builds into a fresh cache: 0,9 s of bundling each, about a tenth of the suite. The
    bundler is vl-convert's, a pure function of its snippet and its own version, which a process does not change;
    what the build does with its output (the header, the kept source and its hash, a damaged copy made again) still
    runs in every test. A build in a subprocess (the CLI as an author runs it) bundles for itself.
    """
    real = vl_convert.javascript_bundle
    with mock.patch.object(vl_convert, "javascript_bundle", functools.lru_cache(maxsize=4)(real)):
        yield


@pytest.fixture(scope="session", autouse=True)
def workers_kept_warm() -> None:
    """The builds of a test process start their workers warm (``core.pool.keep_workers_warm``, Linux): forked from a
    server that imported Altair, WeasyPrint and the job modules once, where a spawned worker imports them before its
    first job (a third of the processor time of ``test_incremental.py``, measured). A test process runs hundreds of
    builds, the case that function is for; the jobs are pure, so their bytes are the same either way. ``lkjip build``
    spawns its workers: every test that runs the command in a process of its own (``test_cli``, ``test_packaging``,
    the browser tests' site) builds that way."""
    pool_mod.keep_workers_warm()


@pytest.fixture(scope="session", autouse=True)
def fonts_decoded_once_per_process() -> Any:
    """The theme's WOFF2 fonts decoded to TrueType once per test process, not once per test.

    A build converts the chart fonts into a fresh cache (``elements/charts/fonts.py``: 0,4 s, and 1,4 s more giving
    them the symbol font's glyphs) and decodes the print stylesheet's fonts for its PDFs (``output/pdf/fonts.py``:
    0,2 s a font): a quarter of ``test_incremental.py``'s time, measured, as its tests compare with builds in folders
    of their own. All are pure functions of the fonts' bytes (the key of the memo here: a test that changes a theme's
    fonts gets its own conversion); writing the copies, their seal and the memo entries still happens in every
    test, as in every build.
    """
    copy, decode, symbols = chart_fonts_mod.truetype_copy, pdf_fonts_mod.decoded, chart_fonts_mod.with_symbols
    with (mock.patch.object(chart_fonts_mod, "truetype_copy", functools.lru_cache(maxsize=16)(copy)),
          mock.patch.object(chart_fonts_mod, "with_symbols", functools.lru_cache(maxsize=16)(symbols)),
          mock.patch.object(pdf_fonts_mod, "decoded", functools.lru_cache(maxsize=32)(decode))):
        yield


@pytest.fixture(scope="session")
def built_scaffold(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The scaffold report (``lkjip new``) with a good build in ``build/``; never modified by tests."""
    root = tmp_path_factory.mktemp("scaffold") / "proyek"
    with mock.patch.dict(os.environ, {"SOURCE_DATE_EPOCH": EPOCH}):
        assert new_report(root, SLUG) == 0
        build_project(root)
    return root


@pytest.fixture(scope="session")
def chart_cache(built_scaffold: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The scaffold's charts and converted chart fonts, drawn once for the session (by ``built_scaffold``): tests take
    them through ``share_charts``, which never changes this folder. Tests that check the memo itself use their own."""
    cache = tmp_path_factory.mktemp("cache")
    share_charts(cache, built_scaffold / ".cache")
    return cache


@pytest.fixture()
def project(built_scaffold: Path, tmp_path: Path) -> Path:
    """A private copy of the built scaffold project (content/, build/, .cache/)."""
    root = tmp_path / "proyek"
    shutil.copytree(built_scaffold, root, symlinks=True)
    return root


@pytest.fixture()
def fresh_project(tmp_path: Path) -> Path:
    """The scaffold content only, no build yet."""
    root = tmp_path / "proyek"
    assert new_report(root, SLUG) == 0
    return root


@pytest.fixture()
def fresh_project_charted(fresh_project: Path, chart_cache: Path) -> Path:
    """``fresh_project`` whose ``.cache`` holds only charts: the session's, drawn once (``share_charts``)."""
    share_charts(fresh_project / ".cache", chart_cache)
    return fresh_project


def said_after_edit(items: Any, slug: str = SLUG) -> list[str]:
    """The messages ``items`` of a build before the tests' usual edit of ``slug`` (its BAB I's "Tuliskan latar
    belakang …" line written over), as the build after it says them: all but that line's ``isian-contoh``."""
    line = f"content/laporan/{slug}/10-bab-1-pendahuluan.md:9: "
    return [d.format() for d in items if not (d.format().startswith(line) and "masih teks contoh" in d.message)]


def fill_in_site(root: Path) -> None:
    """Write over the sample ``pemda`` and ``url_dasar`` of situs.yaml (``lkjip init``'s, which the bundled examples
    share): ``check`` warns of them (``isian-contoh``) and ``terbitkan`` refuses them; and write the open data's
    licence that ``lkjip init`` suggests in a comment (``check`` warns while none is written: ``lisensi-data``)."""
    site = root / "situs.yaml"
    text = site.read_text(encoding="utf-8")
    for sample, real in (("pemda: Pemerintah Kabupaten Contoh\n", "pemda: Pemerintah Kabupaten Banjar\n"),
                         ("url_dasar: https://lkjip.contoh.go.id/\n", "url_dasar: https://lkjip.banjarkab.go.id/\n"),
                         ("# lisensi_data: CC-BY-4.0\n", "lisensi_data: CC-BY-4.0\n")):
        text = text.replace(sample, real)
    site.write_text(text, encoding="utf-8")


def fill_in(report: Path) -> None:
    """Write over what ``lkjip new`` leaves for the author (the "Tuliskan …" lines, the two-sentence foreword and
    ikhtisar, the sample head and its NIP, address, place and logo, the sample indicator and sub kegiatan, whose
    numbers are kept but whose name and code become the author's) and what ``lkjip init`` leaves in situs.yaml
    (pemda, url_dasar), as the guide asks before ``check --strict``: ``check`` warns of each (``isian-contoh``), and
    ``terbitkan`` refuses them."""
    fill_in_site(report.parents[2])
    logo = report / "gambar" / "logo.svg"
    if logo.is_file():
        logo.write_bytes(logo.read_bytes().replace(b">LOGO<", b">KAB<"))
    for path in sorted([*report.glob("*.md"), report / "data" / "renstra.yaml"]):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"^(\s*(?:- |\w+: )?)Tuliskan ([^\n]*)$", r"\1Isi \2", text, flags=re.M)
        path.write_text(text, encoding="utf-8")
    for name in ("00-kata-pengantar.md", "01-ikhtisar-eksekutif.md"):  # the scaffold's whole two sentences
        path = report / name
        if path.is_file():
            path.write_text(path.read_text(encoding="utf-8") + "\nTerima kasih kepada semua pihak.\n",
                            encoding="utf-8")
    for path in (report / "data" / "anggaran.yaml", report / "data" / "pk.yaml"):  # a dinas's sample program
        if path.is_file():
            path.write_text(path.read_text(encoding="utf-8").replace(" 0.00.01", " 3.27.01")
                            .replace("[0.00.01]", "[3.27.01]")
                            .replace(" 7.01.02.2.01.0001\n", " 7.01.02.2.01.0002\n"), encoding="utf-8")
    data = report / "data" / "indikator.yaml"  # the sample IKM's numbers are kept: tests edit them, read them
    if data.is_file():
        data.write_text(data.read_text(encoding="utf-8").replace("nama: Indeks Kepuasan Masyarakat\n",
                                                                 "nama: Indeks Kepuasan Masyarakat Kecamatan\n"),
                        encoding="utf-8")
    meta = report / "laporan.yaml"
    text = meta.read_text(encoding="utf-8")
    for sample, real in (("Jl. Contoh No. 1", "Jl. Pendidikan No. 7"), ("Nama Kepala, S.Sos", "Ahmad Rizani, S.Sos"),
                         ('"197001011990031001"', '"196905151990031002"'), ("Kota Contoh", "Martapura")):
        text = text.replace(sample, real)
    meta.write_text(text, encoding="utf-8")
