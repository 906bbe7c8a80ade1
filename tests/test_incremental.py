"""Incremental builds from the command line: what the memo and the build record skip must never change a byte.

Each scenario edits a copy of the scaffold report, rebuilds with the memo, and compares the result with a clean build
(no memo) of the same input. The set of re-rendered pages is asserted too: that is the point of the memo. What a
``serve`` process keeps between saves (its session, its file watcher) is tested in ``test_session.py``.
"""

from __future__ import annotations

import gc
import hashlib
import io
import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import jinja2
import pytest
from markdown_it.token import Token

from lkjip_site import build as build_mod
from lkjip_site.build import BuildOptions, BuildResult, Session, build, check
from lkjip_site.cli.main import main
from lkjip_site.cli.scaffold import new_report
from lkjip_site.core.diagnostics import ContentError
from lkjip_site.core.files import SiteFiles, Stored, content, seal, unsealed
from lkjip_site.core import deferred as deferred_mod
from lkjip_site.core import memo as memo_mod
from lkjip_site.core import resources
from lkjip_site.core.memo import FACTS_FILE, FORMAT as MEMO_FORMAT, NAMESPACES as MEMO_NAMESPACES, ContentHashes, Memo
from lkjip_site.core.state import BuildState
from lkjip_site.load import data as data_mod
from lkjip_site.output import pages as pages_mod
from lkjip_site.output import pdfs as pdfs_mod
from lkjip_site.output import search as search_mod
from lkjip_site.output import theme as theme_mod
from lkjip_site.output.theme import templates_key

from conftest import SLUG, chapter_pages_rendered, fill_in, said_after_edit, tree_hashes
from incremental_support import BASE, Counted, assert_same_as_clean, edit, options, run


@pytest.fixture()
def project(epoch: None, fresh_project: Path) -> Path:
    """The scaffold report, not built yet, its pages dated by ``SOURCE_DATE_EPOCH`` (conftest)."""
    return fresh_project


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
    # whose description (search engines, link previews) quotes the key figures; and the Lampiran, whose PK table is
    # kept under the report's data as every table is (its cells are the targets, read from the same file)
    assert rendered == sorted([f"{BASE}ikhtisar-eksekutif/index.html", f"{BASE}bab-3-akuntabilitas-kinerja/index.html",
                               f"{BASE}lampiran/index.html",
                               f"{BASE}index.html", "perbandingan/index.html", "perbandingan/2023/index.html",
                               "instansi/kecamatan-contoh/index.html", f"laporan/{SLUG}/index.html"])
    assert_same_as_clean(project, "build")
    page = (project / "build" / BASE / "bab-3-akuntabilitas-kinerja" / "index.html").read_text(encoding="utf-8")
    assert "98,13 %" in page  # 78,5 / 80 × 100, the new value everywhere in the chapter
    assert "103,13 %" not in page


def test_a_value_in_a_heading_follows_a_data_edit_in_the_chapters_list_of_headings(project: Path) -> None:
    """The list of headings beside a chapter gives a heading's value when the page renders, not at the parse a data
    edit keeps: the page after the edit is the clean build's, "Capaian 98,13 %" in heading and list alike."""
    chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    edit(chapter, "## Latar Belakang", "## Capaian {nilai}`IKU1.capaian`")
    run(project, "build")
    edit(project / "content" / "laporan" / SLUG / "data" / "indikator.yaml", "82.5", "78.5")
    assert f"{BASE}bab-1-pendahuluan/index.html" in run(project, "build")
    page = (project / "build" / BASE / "bab-1-pendahuluan" / "index.html").read_text(encoding="utf-8")
    assert ">Capaian 98,13 %</a>" in page.split('<nav class="toc"')[1].split("</nav>")[0]
    assert_same_as_clean(project, "build")


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


def test_an_error_found_while_rendering_a_page_stops_every_build_until_it_is_fixed(project: Path) -> None:
    """A ``{ref}`` to no table or figure is found when its page is rendered. The page was kept in the memo all the
    same, so the next build of the same sources took it from there, said nothing and published the page with the
    broken reference (exit 0). Each build must stop with the error, nothing published, until it is fixed."""
    chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    build(options(project))
    before = tree_hashes(project / "build")
    assert before
    edit(chapter, "Tuliskan latar belakang", "Lihat {ref}`tidak-ada`. Tuliskan latar belakang")
    for _ in range(2):
        with pytest.raises(ContentError) as info:
            build(options(project))
        assert [d.line for d in info.value.diagnostics.errors if "rujukan 'tidak-ada'" in d.message], \
            [d.format() for d in info.value.diagnostics.items]
        assert tree_hashes(project / "build") == before
    edit(chapter, "Lihat {ref}`tidak-ada`. Tuliskan latar belakang", "Tuliskan latar belakang")
    assert build(options(project)).rendered == []  # the pages of the sources as they were: from the memo
    assert tree_hashes(project / "build") == before


def _theme_with_a_broken_link(project: Path) -> None:
    """A site theme whose chapter pages link to a page the site does not have."""
    templates = project / "themes" / "kabupaten" / "templates"
    templates.mkdir(parents=True)
    chapter = (Path(__file__).resolve().parents[1] / "themes" / "default" / "templates" / "chapter.html")
    (templates / "chapter.html").write_text(chapter.read_text(encoding="utf-8").replace(
        "{% block content %}", '{% block content %}<a href="tidak-ada/">rusak</a>'), encoding="utf-8")
    config = project / "situs.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "tema: kabupaten\n", encoding="utf-8")


def test_pages_a_stopped_build_stored_before_its_checks_are_checked_by_the_next(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build stopped after rendering and before its checks passed (Ctrl+C, a damaged cache entry) had stored the
    pages it rendered; the next build took them unchecked and published a theme's broken link."""
    build(options(project))
    before = tree_hashes(project / "build")
    _theme_with_a_broken_link(project)
    real = build_mod.check_links

    def stopped(*args: Any, **kw: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(build_mod, "check_links", stopped)
    with pytest.raises(KeyboardInterrupt):
        build(options(project))
    monkeypatch.setattr(build_mod, "check_links", real)
    with pytest.raises(ContentError) as info:
        build(options(project))
    assert any("tidak-ada/" in d.message for d in info.value.diagnostics.errors)
    assert tree_hashes(project / "build") == before


def test_a_page_the_link_check_stopped_a_build_on_is_checked_again_by_the_next(project: Path) -> None:
    """The link check looks at the pages a build rendered; the others it took from the memo, checked by the build
    that stored them. A site theme with a broken link stopped the first build, but its pages were stored before the
    check, so the next build (the CLI's, or a preview's next save) took them unchecked and published the broken
    links (exit 0). Every build must stop until the theme is fixed."""
    build(options(project))
    before = tree_hashes(project / "build")
    _theme_with_a_broken_link(project)
    config = project / "situs.yaml"
    session = Session()
    for run_in in (None, None, session, session):
        with pytest.raises(ContentError) as info:
            build(options(project), session=run_in)
        assert any("tidak-ada/" in d.message for d in info.value.diagnostics.errors)
        assert tree_hashes(project / "build") == before
    shutil.rmtree(project / "themes")
    config.write_text(config.read_text(encoding="utf-8").replace("tema: kabupaten\n", ""), encoding="utf-8")
    build(options(project))
    assert tree_hashes(project / "build") == before


_TABLE_MARKED = "{#sasaran}\n```{tabel} capaian\nid: tabel-lampiran\njudul: Capaian\n```\n"


@pytest.mark.parametrize("mark, unmark", [
    ('<p id="sasaran">Sasaran</p>', ('<p id="sasaran">', "<p>")),
    # where Python's HTML parser, which reads the anchors, and libxml2, which the link check reads pages with, part
    # (found by a fuzzer): an id after a comment ended by "--!>" is no anchor to the first, an id to the second
    ('<div><!-- a --!> <p id="sasaran">Sasaran</p> --></div>', ('<p id="sasaran">', "<p>")),
    # a paragraph's {#id}, and the same on a table's block, which renders none (found by a fuzzer)
    (_TABLE_MARKED + "\n{#sasaran}\nSasaran.", ("\n{#sasaran}\nSasaran.", "\nSasaran.")),
])
def test_a_page_linking_to_an_id_raw_html_gave_is_checked_again_when_the_id_goes(
        project: Path, mark: str, unmark: tuple[str, str]) -> None:
    """A site theme links every chapter page to a place the appendix marks (raw HTML with ``html_mentah``, or
    ``{#id}``). When the appendix alone drops that id, the other chapter pages were taken from the memo, not checked
    again: the cached build published dead links that a build without the cache reports. What the appendix's ids are
    read from is what the other pages show of it, as its headings' are."""
    templates = project / "themes" / "kabupaten" / "templates"
    templates.mkdir(parents=True)
    chapter = (Path(__file__).resolve().parents[1] / "themes" / "default" / "templates" / "chapter.html")
    (templates / "chapter.html").write_text(chapter.read_text(encoding="utf-8").replace(
        "{% block content %}", '{% block content %}{% if next %}<a href="../lampiran/#sasaran">sasaran</a>{% endif %}'),
        encoding="utf-8")
    config = project / "situs.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "tema: kabupaten\nhtml_mentah: true\n", encoding="utf-8")
    appendix = project / "content" / "laporan" / SLUG / "90-lampiran.md"
    appendix.write_text(appendix.read_text(encoding="utf-8") + f"\n{mark}\n", encoding="utf-8")
    build(options(project))
    before = tree_hashes(project / "build")
    edit(appendix, *unmark)
    with pytest.raises(ContentError) as info:
        build(options(project))
    dead = sorted(d.file for d in info.value.diagnostics.errors if "'#sasaran'" in d.message)
    assert dead == sorted(f"{BASE}{c}/index.html" for c in (
        "kata-pengantar", "ikhtisar-eksekutif", "bab-1-pendahuluan", "bab-2-perencanaan-kinerja",
        "bab-3-akuntabilitas-kinerja", "bab-4-penutup"))
    assert tree_hashes(project / "build") == before


def test_check_takes_the_pages_a_build_checked_from_the_cache_and_renders_what_changed(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``lkjip check``, which the scaffold tells an author to run before every build, rendered, audited and
    link-checked every page of the archive on every run (8 s at N = 100, where the build after it takes 1 s). A page
    the cache holds passed those checks in the build that stored it, and its key covers what it shows: ``check``
    takes it from there, read only, and renders what changed, whose errors it reports; it still writes nothing."""
    assert new_report(project, "lain-2023", instansi="Kecamatan Lain") == 0
    build(options(project))
    rendered = chapter_pages_rendered(monkeypatch)
    cache = tree_hashes(project / ".cache")
    assert not check(options(project)).errors and rendered == []
    chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    edit(chapter, "Tuliskan latar belakang", "Latar belakang")
    assert not check(options(project)).errors and rendered == [f"{BASE}bab-1-pendahuluan/"]
    edit(chapter, "Latar belakang", "Lihat {ref}`tidak-ada`. Latar belakang")
    with pytest.raises(ContentError) as info:
        check(options(project))
    assert [d.line for d in info.value.diagnostics.errors if "rujukan 'tidak-ada'" in d.message]
    with pytest.raises(ContentError) as uncached:
        check(options(project, use_cache=False))
    assert [d.format() for d in info.value.diagnostics.items] == [d.format() for d in uncached.value.diagnostics.items]
    assert tree_hashes(project / ".cache") == cache


def options(root: Path, **kw: object) -> BuildOptions:
    return BuildOptions(root=root, output=root / "build", pdf=False, cache_dir=root / ".cache", **kw)  # type: ignore


def test_unchanged_inputs_replay_the_messages_without_loading_anything(project: Path) -> None:
    data = project / "content" / "laporan" / SLUG / "data" / "indikator.yaml"
    edit(data, "    satuan: indeks\n", "    satuan: indeks\n    satuam: salah ketik\n")
    first = build(options(project))
    second = build(options(project))
    assert not first.unchanged and second.unchanged and second.site is None and second.files == {}
    assert [d.format() for d in second.diagnostics.items] == [d.format() for d in first.diagnostics.items]
    assert any("satuam" in d.message for d in second.diagnostics.warnings)
    assert second.summary == first.summary and second.summary["laporan"] == 1
    assert_same_as_clean(project, "build")


def test_a_file_saved_again_unchanged_is_still_nothing_to_do(project: Path) -> None:
    build(options(project))
    chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    os.utime(chapter, ns=(chapter.stat().st_atime_ns, chapter.stat().st_mtime_ns + 10**9))  # saved again, same bytes
    assert build(options(project)).unchanged
    record = BuildState(project / ".cache", project / "build").load()
    assert record is not None  # the new time is recorded, so the next build need not hash the file again
    assert record.inputs[f"content/laporan/{SLUG}/{chapter.name}"].mtime_ns == chapter.stat().st_mtime_ns
    assert build(options(project)).unchanged


def test_every_kind_of_change_is_seen(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fill_in(project / "content" / "laporan" / SLUG)  # (a strict build below: no sample text left)
    build(options(project))
    (project / "build" / "index.html").write_text("diubah tangan", encoding="utf-8")  # the output edited by hand
    assert not build(options(project)).unchanged
    assert_same_as_clean(project, "build")
    assert build(options(project)).unchanged
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1707955201")  # another date on the pages: another build
    assert not build(options(project)).unchanged
    assert not build(options(project, strict=True)).unchanged  # other options
    (project / "situs.yaml").write_text((project / "situs.yaml").read_text(encoding="utf-8") + "\n", "utf-8")
    assert not build(options(project)).unchanged
    (project / "build" / "tambahan.html").write_text("x", encoding="utf-8")  # a file added to the output
    assert not build(options(project)).unchanged
    assert not (project / "build" / "tambahan.html").exists()


def test_a_failed_build_is_never_taken_for_done(project: Path) -> None:
    build(options(project))
    data = project / "content" / "laporan" / SLUG / "data" / "indikator.yaml"
    good = data.read_text(encoding="utf-8")
    edit(data, "    satuan: indeks\n", "    target: [\n")
    for _ in range(2):  # the error is reported again, not hidden by the record of the last good build
        with pytest.raises(ContentError):
            build(options(project))
    data.write_text(good, encoding="utf-8")  # back to the inputs of the last good build: its output still stands
    assert build(options(project)).unchanged
    assert_same_as_clean(project, "build")


def test_a_small_change_is_published_in_place(project: Path) -> None:
    build(options(project))
    out = project / "build"
    home = (out / "index.html").stat()
    chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    edit(chapter, "Tuliskan latar belakang penyusunan laporan.", "Latar belakang yang baru ditulis.")
    build(options(project))
    assert (out / "index.html").stat().st_ino == home.st_ino  # untouched, not written again
    assert "Latar belakang yang baru ditulis." in (out / BASE / "bab-1-pendahuluan" / "index.html").read_text("utf-8")
    assert not [p for p in out.rglob(".*baru-*")]  # no temporary file left behind
    assert_same_as_clean(project, "build")
    (project / "content" / "laporan" / SLUG / "90-lampiran.md").unlink()  # a chapter removed: its page and folder go
    build(options(project))
    assert not (out / BASE / "lampiran").exists()
    assert_same_as_clean(project, "build")


def test_stage_times_are_printed_on_request(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--situs", str(project), "--no-pdf", "--waktu"]) == 0
    out = capsys.readouterr().out
    assert "Waktu per tahap: awal" in out and "· baca " in out and "· render " in out and "· indeks " in out
    assert main(["build", "--situs", str(project), "--no-pdf", "--waktu"]) == 0
    assert "Tidak ada yang berubah sejak build terakhir" in capsys.readouterr().out


def test_an_edit_indexes_again_only_its_own_years_search_bundle(project: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The search index is one Pagefind bundle per report year: editing a 2023 chapter runs Pagefind once, for 2023;
    the 2024 bundle is the stored one, byte for byte, and the result is a clean build's."""
    assert new_report(project, "lain-2024", tahun=2024, instansi="Kecamatan Lain") == 0
    build(options(project))
    before = tree_hashes(project / "build")
    assert json.loads((project / "build" / "pagefind" / "bundel.json").read_bytes()) == {"bundel": ["2024", "2023"]}
    newest, older = (sorted(k for k in before if k.startswith(f"pagefind/{y}/")) for y in ("2024", "2023"))
    assert "pagefind/2024/pagefind.js" in newest and "pagefind/2024/wasm.id.pagefind" in newest
    assert not [k for k in older if k.endswith(".js") or "/wasm." in k]  # the browser loads them from 2024's only
    ran = count_pagefind_runs(monkeypatch)
    edit(project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md",
         "Tuliskan latar belakang penyusunan laporan.", "Kata pencarian baru: anggrekbulan.")
    build(options(project))
    after = tree_hashes(project / "build")
    assert ran == [[SLUG]]  # the reports of the one bundle indexed again: 2023's
    assert {k: after[k] for k in newest} == {k: before[k] for k in newest}
    assert {k: after.get(k) for k in older} != {k: before[k] for k in older}
    assert_same_as_clean(project, "build")


def count_pagefind_runs(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The reports (slugs) of each bundle Pagefind is run for from now on, in the order of the runs."""
    ran: list[list[str]] = []
    real = search_mod._run_pagefind

    def counted(pages: dict[str, bytes], *args: Any) -> dict[str, bytes]:
        ran.append(sorted({path.split("/")[1] for path in pages}))
        return real(pages, *args)

    monkeypatch.setattr(search_mod, "_run_pagefind", counted)
    return ran


def test_a_year_over_the_bundle_limit_is_cut_into_bundles_of_whole_reports(project: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A year of more pages than ``MAX_BUNDLE_PAGES`` is several bundles (Pagefind's memory grows with the pages of
    one run), each of whole reports in path order, listed in ``bundel.json``; an edit runs Pagefind again for its own
    bundle only, the others are the stored ones, byte for byte; the result is a clean build's."""
    build(options(project))
    per_report = page_count(project, "2023")  # the one report's indexed pages, as Pagefind counted them
    assert per_report > 1
    for slug in ("b-2023", "c-2023"):  # two more reports of the same pages
        assert new_report(project, slug) == 0
    monkeypatch.setattr(search_mod, "MAX_BUNDLE_PAGES", 2 * per_report - 1)  # one report a bundle, not two
    ran = count_pagefind_runs(monkeypatch)
    build(options(project))
    # the first report's pages did not change: its bundle is the one stored when it was the whole year, renamed
    assert sorted(ran) == [["b-2023"], ["c-2023"]]
    names = ["2023", "2023-2", "2023-3"]
    assert json.loads((project / "build" / "pagefind" / "bundel.json").read_bytes()) == {"bundel": names}
    before = tree_hashes(project / "build")
    # one report each, in path order: "b-", "c-", then "contoh-…" (the edit below shows which)
    assert [page_count(project, name) for name in names] == [per_report] * 3
    programs = [k for k in before if k.startswith("pagefind/") and k.endswith("/pagefind.js")]
    assert programs == ["pagefind/2023/pagefind.js"]  # the browser loads the program from the first bundle only
    ran.clear()
    edit(project / "content" / "laporan" / "c-2023" / "10-bab-1-pendahuluan.md",
         "Tuliskan latar belakang penyusunan laporan.", "Kata pencarian baru: anggrekbulan.")
    build(options(project))
    after = tree_hashes(project / "build")
    assert ran == [["c-2023"]]
    changed = {k.split("/")[1] for k in set(before) | set(after) if k.startswith("pagefind/") and
               before.get(k) != after.get(k)}
    assert changed == {"2023-2"}
    assert_same_as_clean(project, "build")


def page_count(root: Path, bundle: str) -> int:
    """The pages a published search bundle indexes (its ``pagefind-entry.json``)."""
    entry = json.loads((root / "build" / "pagefind" / bundle / "pagefind-entry.json").read_bytes())
    return int(entry["languages"]["id"]["page_count"])


def chart_entries(root: Path) -> set[str]:
    return {p.name for p in (root / ".cache").glob("grafik-v*/??/*")}


def test_a_cli_build_takes_unchanged_reports_from_the_last_one(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``lkjip build`` after a chapter edit: the other reports are read back from the last build's store, neither
    loaded, computed, checked nor parsed again; their warnings are still reported, their charts stay in the cache,
    and the output equals a clean build."""
    assert new_report(project, "lain-2023") == 0
    other = project / "content" / "laporan" / "lain-2023" / "data" / "indikator.yaml"
    edit(other, "    satuan: indeks\n", "    satuan: indeks\n    satuam: salah ketik\n")
    budget = project / "content" / "laporan" / "lain-2023" / "data" / "anggaran.yaml"
    edit(budget, "realisasi: 95000000", "realisasi: 90000000")  # its own chart, not the one of the report copied
    counted = Counted(monkeypatch)
    froze: list[str] = []
    real_freeze = gc.freeze

    def freeze() -> None:
        froze.append("beku")
        real_freeze()

    monkeypatch.setattr(gc, "freeze", freeze)
    frozen_at_record: list[int] = []
    real_write = BuildState.write

    def write(self: BuildState, record: Any) -> None:
        frozen_at_record.append(gc.get_freeze_count())
        real_write(self, record)

    monkeypatch.setattr(BuildState, "write", write)
    first = build(options(project))
    assert sorted(set(counted.loaded)) == sorted(set(counted.parsed)) == ["contoh-2023", "lain-2023"]
    assert not froze  # nothing read back, nothing kept out of the collector's sight
    charts = chart_entries(project)
    assert charts
    counted.clear()
    chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    edit(chapter, "Tuliskan latar belakang penyusunan laporan.", "Latar belakang yang baru ditulis.")
    second = build(options(project))  # a new build, as a new process makes it: nothing is held in memory
    assert (counted.loaded, counted.computed, set(counted.parsed)) == ([SLUG], [SLUG], {SLUG})
    assert counted.numbered == [SLUG]  # the kept report's tables and charts as stored: not keyed nor planned again
    assert len(froze) == 1 and gc.get_freeze_count() == 0  # frozen while building, collectable again after
    # still frozen while the record is made: unfrozen, its dictionaries set off a full collection over every
    # read-back state (a second of a one-chapter rebuild at N = 500)
    assert frozen_at_record[-1] > 0
    assert [d.format() for d in second.diagnostics.items] == said_after_edit(first.diagnostics.items)
    assert any("satuam" in d.message for d in second.diagnostics.warnings)
    assert second.rendered == [f"{BASE}bab-1-pendahuluan/index.html"]
    assert chart_entries(project) == charts  # the kept report's charts were still asked for, so not pruned
    assert_same_as_clean(project, "build")
    for memo in (project / ".cache").glob("halaman-v*"):  # every page rendered again, the kept report's too:
        shutil.rmtree(memo)  # its tables and charts are found from the stored chapters
    edit(chapter, "yang baru ditulis", "yang ditulis lagi")
    counted.clear()
    assert len(build(options(project)).rendered) > 20
    assert counted.loaded == counted.numbered == [SLUG]
    assert_same_as_clean(project, "build")
    counted.clear()
    assert new_report(project, "ketiga-2023", instansi="Kecamatan Ketiga") == 0  # another instansi name to check
    build(options(project))  # the stored reports' numbers computed again, so their chapters numbered again too
    assert sorted(counted.numbered) == sorted(counted.computed) == ["contoh-2023", "ketiga-2023", "lain-2023"]
    assert counted.loaded == ["ketiga-2023"]
    assert_same_as_clean(project, "build")
    shutil.rmtree(project / "content" / "laporan" / "ketiga-2023")
    counted.clear()
    edit(other, "82.5", "78.5")  # a data value of the kept report: that report again, from its files
    # other options (here another output folder) read the same stored states
    build(BuildOptions(root=project, output=project / "lain", pdf=False, cache_dir=project / ".cache"))
    assert (counted.loaded, set(counted.parsed)) == (["lain-2023"], {"lain-2023"})
    assert_same_as_clean(project, "lain")


def test_a_cli_build_holds_its_pages_as_references_to_the_memo(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What makes a rebuild of a large archive hold less than the whole site in memory: a report's pages and open
    data, rendered (or made) or not, are held as references to their memo entries and read when a stage needs them; the
    result reads them back byte for byte, and the output equals a clean build. A preview holds them so too, and
    bytes only without a cache folder (``--tanpa-cache``: nothing to refer to)."""
    published: list[Any] = []
    real = build_mod.publish

    def spy(files: Any, *args: Any, **kwargs: Any) -> Any:
        published.append(files)
        return real(files, *args, **kwargs)

    monkeypatch.setattr(build_mod, "publish", spy)
    build(options(project))
    made = [p for p in published[-1] if p.startswith(BASE) and "/data-terbuka/" in p]  # made by this build
    assert f"{BASE}data-terbuka/angka-kunci.csv" in made
    assert all(isinstance(published[-1].held(p), Stored) for p in made)
    chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    edit(chapter, "Tuliskan latar belakang penyusunan laporan.", "Latar belakang yang baru ditulis.")
    result = build(options(project))
    assert result.rendered == [f"{BASE}bab-1-pendahuluan/index.html"]
    files = published[-1]
    assert isinstance(files, SiteFiles) and files is result.files
    report_files = [p for p in files if p.startswith(BASE) and (p.endswith(".html") or "/data-terbuka/" in p)]
    assert f"{BASE}data-terbuka/angka-kunci.csv" in report_files and f"{BASE}index.html" in report_files
    assert all(isinstance(files.held(p), Stored) for p in report_files)  # the rendered chapter's too
    assert {p: hashlib.sha256(files[p]).hexdigest() for p in files} == tree_hashes(project / "build")
    assert_same_as_clean(project, "build")
    edit(chapter, "yang baru ditulis", "yang ditulis lagi")
    session = Session()
    build(options(project), session=session)
    assert all(isinstance(published[-1].held(p), Stored) for p in report_files)
    build(options(project, use_cache=False), session=Session())
    assert not any(isinstance(v, Stored) for _, v in published[-1].held_items())
    assert_same_as_clean(project, "build")


def test_a_cli_rebuild_does_not_read_unchanged_pages_to_learn_what_the_last_build_learnt(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After a one-chapter edit, the audit, the search index's grouping and publishing need the hash of every page,
    whether it marks another report's figures and its search year: for the pages the memo held last time, the
    build's record of them (``fakta-v1.json`` in the cache) answers, so only the rendered page is read (and the
    pages Pagefind indexes again, given to it as files). The output stays that of a clean build."""
    run(project, "build")
    reads: list[str | None] = []
    real_read, real_pagefind = Stored.read, search_mod._run_pagefind
    indexing = [False]

    def read(self: Stored) -> bytes:
        if not indexing[0]:
            reads.append(self.ident)
        return real_read(self)

    def pagefind(pages: Any, *args: Any) -> Any:
        indexing[0] = True
        try:
            return real_pagefind(pages, *args)
        finally:
            indexing[0] = False

    published: list[Any] = []
    real_publish = build_mod.publish
    chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    edit(chapter, "Tuliskan latar belakang penyusunan laporan.", "Latar belakang yang baru ditulis.")
    with monkeypatch.context() as patched:  # (the fixture's SOURCE_DATE_EPOCH stays)
        patched.setattr(Stored, "read", read)
        patched.setattr(search_mod, "_run_pagefind", pagefind)
        patched.setattr(build_mod, "publish", lambda files, *a, **k: published.append(files) or real_publish(
            files, *a, **k))
        result = build(options(project))
    page = f"{BASE}bab-1-pendahuluan/index.html"
    assert result.rendered == [page]
    held = published[-1].held(page)
    assert isinstance(held, Stored) and held.ident is not None
    assert reads and set(reads) == {held.ident}
    assert_same_as_clean(project, "build")


def test_a_cli_rebuild_takes_the_outputs_the_last_build_kept_of_unchanged_reports(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After a one-chapter edit, the unchanged reports are not gone through page by page (their pages' keys computed
    to find them in the memo): their outputs are those the last build kept under the
    tokens their stored states have (``KEPT_FILE`` in the cache), the theme's and the report folder's files made
    again. An output whose memo
    entry was made again, a damaged file, or a heading that changes the site's structure (what other reports' pages
    show of this one) sends the reports through their pages again; the result is always a clean build's."""
    for slug, instansi in (("lain-2023", "Kecamatan Lain"), ("ketiga-2023", "Kecamatan Ketiga")):
        assert new_report(project, slug, instansi=instansi) == 0
    gone_through: list[str] = []
    real_report = pages_mod.SitePages.report

    def report(self: Any, rep: Any, *args: Any) -> Any:
        gone_through.append(rep.slug)
        return real_report(self, rep, *args)

    monkeypatch.setattr(pages_mod.SitePages, "report", report)
    chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    build(options(project))  # (every report loaded; their outputs kept under the names their stored states get)
    kept = project / ".cache" / pages_mod.KEPT_FILE
    stored = pages_mod.KeptReports()
    stored.load(kept.read_bytes())
    assert sorted(stored.stored) == ["laporan/contoh-2023/1.0/", "laporan/ketiga-2023/1.0/", "laporan/lain-2023/1.0/"]
    for step in range(3):
        edit(chapter, "Tuliskan latar belakang" if step == 0 else f"Langkah {step - 1}", f"Langkah {step}")
        gone_through.clear()
        result = build(options(project))
        assert result.rendered == [f"{BASE}bab-1-pendahuluan/index.html"]
        assert gone_through == [SLUG]
    assert_same_as_clean(project, "build")
    stored.load(kept.read_bytes())
    page = next(Path(entry) for entry, *_ in stored.stored["laporan/lain-2023/1.0/"][1].values())
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 1_000_000))  # that entry made again
    edit(chapter, "Langkah 2", "Langkah 3")
    gone_through.clear()
    build(options(project))
    assert sorted(gone_through) == ["contoh-2023", "lain-2023"]
    assert_same_as_clean(project, "build")
    kept.write_bytes(b"rusak")
    edit(chapter, "Langkah 3", "Langkah 4")
    gone_through.clear()
    build(options(project))
    assert sorted(gone_through) == ["contoh-2023", "ketiga-2023", "lain-2023"]
    assert_same_as_clean(project, "build")
    edit(chapter, "Langkah 4", "Langkah 5")
    build(options(project))  # (kept again)
    edit(chapter, "## Latar Belakang", "## Latar Belakang Penyusunan")  # its anchors: part of the site's structure
    gone_through.clear()
    build(options(project))
    assert sorted(gone_through) == ["contoh-2023", "ketiga-2023", "lain-2023"]
    assert_same_as_clean(project, "build")


def test_a_cli_rebuild_reads_only_what_it_needs_of_the_unchanged_reports(project: Path) -> None:
    """The unchanged reports' stored states are read in part: their parsed chapters, data and numbers stay bytes
    (``core/deferred.py``) when their pages are taken as kept, after a chapter edit and after a data value edit of
    another report (the comparison pages read the named figures, which are read at once). A build that needs them
    reads them (here: no kept outputs; a PDF's key, ``test_pdf``); every result is a clean build's."""
    for slug, instansi in (("lain-2023", "Kecamatan Lain"), ("ketiga-2023", "Kecamatan Ketiga")):
        assert new_report(project, slug, instansi=instansi) == 0
    chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    data = project / "content" / "laporan" / SLUG / "data" / "indikator.yaml"

    def unread(result: BuildResult) -> list[str]:
        return sorted(r.slug for r in result.site.reports if r.data.deferred is not None)

    earlier = project / ".cache" / "terjaga-v1.pickle"  # the kept outputs' file of an earlier layout
    earlier.parent.mkdir(parents=True, exist_ok=True)
    earlier.write_bytes(b"lama")
    assert unread(build(options(project))) == []  # (every report loaded, and stored)
    assert not earlier.exists() and (project / ".cache" / pages_mod.KEPT_FILE).is_file()
    edit(chapter, "Tuliskan latar belakang", "Langkah 0")
    result = build(options(project))
    assert unread(result) == ["ketiga-2023", "lain-2023"]
    assert result.rendered == [f"{BASE}bab-1-pendahuluan/index.html"]
    assert_same_as_clean(project, "build")
    edit(data, "82.5", "78.5")
    result = build(options(project))
    assert unread(result) == ["ketiga-2023", "lain-2023"]
    assert "perbandingan/index.html" in result.rendered  # the comparison shows the new average: made again
    assert_same_as_clean(project, "build")
    kept = project / ".cache" / pages_mod.KEPT_FILE
    kept.write_bytes(b"rusak")  # every report through its pages: the chapters are read for the pages' keys
    edit(chapter, "Langkah 0", "Langkah 1")
    assert unread(build(options(project))) == []
    assert_same_as_clean(project, "build")
    edit(chapter, "Langkah 1", "Langkah 2")
    build(options(project))  # (the outputs kept again)
    shutil.rmtree(project / ".cache" / f"halaman-v{MEMO_FORMAT}")  # no page to take: every report rendered again,
    edit(chapter, "Langkah 2", "Langkah 3")  # its tables read through loaders bound when its chapters were read
    result = build(options(project))
    assert unread(result) == [] and len(result.rendered) >= len(list(project.glob("content/laporan/*/*.md")))
    assert_same_as_clean(project, "build")


def sealed(data: bytes) -> bytes:
    """``data`` as a memo entry holds it (with its seal): an entry changed behind the memo's back, not damaged."""
    return data + seal(data)


def test_a_damaged_later_part_of_a_stored_state_is_thrown_away_and_the_build_made_again(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A stored state whose second part cannot be read though its entry is whole (written by another version, say; an
    entry damaged outside the build fails its seal and is made again) is found only when a build reads it, from
    memory, so that build cannot tell which entry it was: the command throws the stored states away, says so and
    builds again from the sources (it said to delete the whole cache and exited 3: a cold build after)."""
    assert new_report(project, "lain-2023", instansi="Kecamatan Lain") == 0
    build(options(project))
    before = tree_hashes(project / "build")
    _damage_later_parts(project)
    (project / ".cache" / pages_mod.KEPT_FILE).write_bytes(b"rusak")  # so the pages' keys read the chapters
    edit(project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md", "Tuliskan latar belakang", "Diubah")
    capsys.readouterr()
    assert main(["build", "--situs", str(project), "--tanpa-pdf"]) == 0
    err = capsys.readouterr().err
    assert err.count("cache rusak") == 1 and "dibuang dan build diulang" in err and "Traceback" not in err, err
    assert tree_hashes(project / "build") != before
    assert_same_as_clean(project, "build")


def _damage_later_parts(project: Path, whole: int = 1) -> None:
    """Every stored state's first ``whole`` pickles left whole, the rest replaced by a pickle of another shape,
    sealed as written (a damaged seal is a miss: the report is loaded again, nothing to repair)."""
    entries = [entry for entry in sorted((project / ".cache").glob("sesi-v*/??/*")) if entry.is_file()]
    assert entries
    for entry in entries:
        data = unsealed(entry.read_bytes())
        assert data is not None
        reader = io.BytesIO(data)
        unpickler = pickle.Unpickler(reader)
        for _ in range(whole):
            unpickler.load()
        entry.write_bytes(sealed(data[:reader.tell()] + pickle.dumps("rusak")))


def test_a_damaged_third_part_of_a_stored_state_is_thrown_away_and_the_build_made_again(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The chapters' tokens, the stored state's third part, are read only when a chapter's Markdown is rendered
    again (here: a site theme's table template, which the states' key does not name). Damaged, they are repaired as
    the second part is: the states thrown away, said once, the build made again, no traceback."""
    build(options(project))
    _damage_later_parts(project, whole=3)  # the state with holes, the second part, which fields the third fills
    table = resources.PACKAGE_THEMES / "default" / "templates" / "partials" / "table.html"
    override = project / "themes" / "default" / "templates" / "partials" / "table.html"
    override.parent.mkdir(parents=True)
    override.write_text(table.read_text(encoding="utf-8") + "{# tabel situs #}\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["build", "--situs", str(project), "--tanpa-pdf"]) == 0
    err = capsys.readouterr().err
    assert err.count("cache rusak") == 1 and "dibuang dan build diulang" in err and "Traceback" not in err, err
    assert_same_as_clean(project, "build")


def test_check_repairs_a_damaged_stored_state_as_build_does(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``lkjip check`` reads the unchanged reports back from the stored states, the second part only when it renders
    a page of it; a damaged one stopped it with "cache rusak" and the advice to delete the cache (exit 3). It now
    throws the states away, says so once and checks again from the sources: the same verdict as a check without the
    cache, and the build after it is the build of the same sources."""
    assert new_report(project, "lain-2023", instansi="Kecamatan Lain") == 0
    build(options(project))
    _damage_later_parts(project)
    (project / ".cache" / pages_mod.KEPT_FILE).write_bytes(b"rusak")  # so the pages' keys read the chapters
    capsys.readouterr()
    assert main(["check", "--situs", str(project)]) == 0
    out, err = capsys.readouterr()
    assert err.count("cache rusak") == 1 and "dibuang dan build diulang" in err and "Traceback" not in err, err
    assert "Pemeriksaan selesai: tidak ada galat." in out
    assert not [entry for entry in (project / ".cache").glob("sesi-v*/??/*") if entry.is_file()]  # thrown away
    assert main(["build", "--situs", str(project), "--tanpa-pdf"]) == 0
    assert_same_as_clean(project, "build")


def test_terbitkan_repairs_a_damaged_page_entry_and_archives_what_a_fresh_folder_would(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``lkjip terbitkan`` builds twice (the version to archive, then the site) and reads the released report's pages
    into the archive; those a release does not change are taken by reference from the cache. One damaged since stopped
    the release with "cache rusak" (exit 3, nothing archived). It is now removed and the build made again: the release
    goes through, and the version folder and the site are those of the same release in a folder without a cache."""
    assert new_report(project, "lain-2023", instansi="Kecamatan Lain") == 0
    fill_in(project / "content" / "laporan" / SLUG)  # what a release refuses (the other report is not released)
    build(options(project))
    _, outputs, _ = pickle.loads((project / ".cache" / pages_mod.KEPT_FILE).read_bytes())
    # a chapter page's own entry (by its name: the first by hash order was the open data's, which the release
    # writes again, and the test then saw no repair once the memo's format changed every name)
    held = {path: Path(ref[0]).name for url, (_, refs, _, _) in outputs.items() if SLUG in url
            for path, ref in refs.items()}
    page = next(name for path, name in held.items() if path.endswith("/bab-1-pendahuluan/index.html"))
    assert list(held.values()).count(page) == 1  # (the released report's page, kept by reference, its own entry)
    _damage(next((project / ".cache").glob(f"halaman-v{MEMO_FORMAT}/??/{page}")))
    capsys.readouterr()
    assert main(["terbitkan", SLUG, "--situs", str(project), "--tanpa-pdf"]) == 0
    err = capsys.readouterr().err
    assert 1 <= err.count("dibuang dan build diulang") <= build_mod.REPAIRS and "Traceback" not in err, err
    fresh = tmp_path / "segar"
    fresh.mkdir()
    for name in ("situs.yaml", "content"):
        (shutil.copytree if (project / name).is_dir() else shutil.copyfile)(project / name, fresh / name)
    assert main(["terbitkan", SLUG, "--situs", str(fresh), "--tanpa-pdf"]) == 0
    assert tree_hashes(project / "arsip") == tree_hashes(fresh / "arsip")
    assert tree_hashes(project / "build") == tree_hashes(fresh / "build")


def test_what_a_making_asked_the_memo_for_names_entries_asked_for_before_it_too(tmp_path: Path) -> None:
    """A kept output (a report's pages, its data files' state) names the memo entries its making asked for, and a
    build that takes it without making it counts only those as used: an entry another making had asked for first
    (two reports' pages sharing one) must be named too, or a build that takes the second alone lets the prune
    remove it. Every key stays used by the build as well, inside nested makings too."""
    memo = Memo(tmp_path, "halaman")
    shared, own = memo.key("bersama"), memo.key("sendiri")
    memo.put(shared, b"bersama")
    memo.used.clear()  # (a new build)
    with memo.asking() as first:
        assert memo.get(shared) == b"bersama"
    with memo.asking() as second:
        assert memo.get(shared) == b"bersama"
        with memo.asking() as inner:
            memo.put(own, b"sendiri")
    assert first == {shared} and second == {shared, own} and inner == {own}
    assert memo.used == {shared, own}
    later = Memo(tmp_path, "halaman")  # a build that takes the second output kept
    later.keep_all(second)
    assert later.used == {shared, own}


def test_what_is_learnt_of_a_memo_entry_is_kept_for_its_bytes_only(tmp_path: Path) -> None:
    """The facts file names an entry by its name, offset, size and time: a later build answers from it without
    reading, but an entry made again (another time) is read, and a damaged file is ignored, not believed."""
    memo = Memo(tmp_path, "halaman")
    held = memo.store(memo.key("satu"), b'<main data-laporan="x">satu</main>')
    assert isinstance(held, Stored) and held.ident is not None
    facts = tmp_path / FACTS_FILE
    first = ContentHashes()
    first.load(facts)
    sha = first(held)
    assert sha == hashlib.sha256(content(held)).hexdigest() and first.contains(held, b"data-laporan=")
    first.keep({"a.html": held})
    first.save()
    # a long-lived process (serve) learns more of the same file after a build: the next save keeps it too
    assert first.fact(held, "panjang", lambda page: str(len(page))) == "34"
    first.keep({"a.html": held})
    first.save()
    assert '"panjang":"34"' in facts.read_text(encoding="utf-8")
    # the same name, size and time: answered from the file, not read. Shown by changing the entry's bytes behind
    # the memo's back (same length, time put back): the answers are still those of the bytes first learnt
    again = memo.ref(memo.key("satu"))
    assert isinstance(again, Stored) and again.ident == held.ident
    again.path.write_bytes(sealed(b'<main data-laporan="y">dua!</main>'))
    os.utime(again.path, ns=(again.mtime_ns, again.mtime_ns))
    assert content(again) != b'<main data-laporan="x">satu</main>' and len(content(again)) == again.size
    later = ContentHashes()
    later.load(facts)
    assert later(again) == sha and later.contains(again, b"data-laporan=")
    # a fact no longer asked for (an older release's name) is not written again
    later.keep({"a.html": again})
    later.save()
    assert "panjang" not in facts.read_text(encoding="utf-8") and sha in facts.read_text(encoding="utf-8")
    # the entry made again with other bytes: another time, so read and hashed anew
    again.path.write_bytes(sealed(b"<main>dua</main>"))
    os.utime(again.path, ns=(again.mtime_ns + 10**9, again.mtime_ns + 10**9))
    newer = memo.ref(memo.key("satu"))
    assert isinstance(newer, Stored) and newer.ident != held.ident
    fresh = ContentHashes()
    fresh.load(facts)
    assert fresh(newer) == hashlib.sha256(b"<main>dua</main>").hexdigest()
    assert not fresh.contains(newer, b"data-laporan=")
    # a facts file that cannot be written is left out, not an error (the site is published by then)
    facts.unlink()
    facts.mkdir()  # a folder where the file should be: the rename fails
    fresh.keep({"a.html": newer})
    fresh.save()
    assert facts.is_dir() and not list(tmp_path.glob(f"{FACTS_FILE}.*.tmp"))
    facts.rmdir()
    # a damaged facts file is ignored
    facts.write_text('{"format": 1, "fakta": {"' + str(newer.ident) + '": {"sha256": 5}}', encoding="utf-8")
    damaged = ContentHashes()
    damaged.load(facts)
    assert damaged(newer) == hashlib.sha256(b"<main>dua</main>").hexdigest()


def test_what_is_learnt_of_a_chapters_body_is_kept_while_a_page_published_with_it_is(tmp_path: Path) -> None:
    """A body's facts are kept under its bytes' hash, found by the next build from another page around the same
    body (the portal's title changed); a build that reads no body (a no-op) keeps them; they go with the last page
    published with that body."""
    memo, facts = Memo(tmp_path, "halaman"), tmp_path / FACTS_FILE
    body = b"<p>isi bab</p>"
    one = memo.store(memo.key("satu"), b"<header>Portal</header>" + body + b"<footer/>")
    span = (23, 23 + len(body))
    first = ContentHashes()
    first.load(facts)
    part = first.part(one, content(one), span)
    assert first.part_fact(part, "panjang", lambda: str(len(body))) == "14"
    first.keep({"a.html": one})
    first.save()
    noop = ContentHashes()  # the next build: nothing rendered, no body read
    noop.load(facts)
    noop(one)
    noop.keep({"a.html": one})
    noop.save()
    two = memo.store(memo.key("dua"), b"<header>Portal baru</header>" + body + b"<footer/>")
    later = ContentHashes()
    later.load(facts)
    moved = (span[0] + 5, span[1] + 5)
    assert later.part(two, content(two), moved) == part  # the same body in another page: the same name
    asked: list[str] = []
    assert later.part_fact(part, "panjang", lambda: asked.append("dibaca") or "?") == "14" and asked == []
    later.keep({"a.html": two})
    later.save()
    assert part in facts.read_text(encoding="utf-8")
    assert later.body_span("a.html", two, {}) == moved  # where the body lies, learnt with the page's bytes
    kept = facts.read_text(encoding="utf-8")
    damaged = kept.replace(f'"bagian {moved[0]}:{moved[1]}"', '"bagian x:9"')
    facts.write_text(damaged, encoding="utf-8")  # a facts file edited by hand: the page is read whole, no traceback
    edited = ContentHashes()
    edited.load(facts)
    assert edited.body_span("a.html", two, {}) is None
    facts.write_text(damaged.replace('"bagian x:9"', f'"bagian {moved[0]}:999"'), encoding="utf-8")
    beyond = ContentHashes()
    beyond.load(facts)
    assert beyond.body_span("a.html", two, {}) is None  # past the page's end
    facts.write_text(kept, encoding="utf-8")
    other = memo.store(memo.key("tiga"), b"<header>Portal baru</header><p>bab lain</p><footer/>")
    last = ContentHashes()
    last.load(facts)
    last(other)
    last.keep({"a.html": other})  # no page with that body published any more
    last.save()
    assert part not in facts.read_text(encoding="utf-8")


def test_check_reads_unchanged_reports_from_the_last_build_and_writes_nothing(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``lkjip check`` after a build: the reports the author did not touch come from the build's store, with their
    warnings; the messages are those of a check without the cache, and the cache folder is left as it was."""
    assert new_report(project, "lain-2023") == 0
    other = project / "content" / "laporan" / "lain-2023" / "data" / "indikator.yaml"
    edit(other, "    satuan: indeks\n", "    satuan: indeks\n    satuam: salah ketik\n")
    build(options(project))
    chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    edit(chapter, "Tuliskan latar belakang penyusunan laporan.", "Lihat {nilai}`IKU-99.capaian`.")
    cache = tree_hashes(project / ".cache")
    counted = Counted(monkeypatch)
    with pytest.raises(ContentError) as cached:
        check(options(project))
    assert counted.loaded == [SLUG] and set(counted.parsed) == {SLUG}
    assert gc.get_freeze_count() == 0  # what check read back is collectable again, though it stopped on an error
    assert tree_hashes(project / ".cache") == cache
    with pytest.raises(ContentError) as uncached:
        check(options(project, use_cache=False))
    messages = [d.format() for d in cached.value.diagnostics.items]
    assert messages == [d.format() for d in uncached.value.diagnostics.items]
    assert any("satuam" in m for m in messages) and any("IKU-99" in m for m in messages), messages


def test_an_image_added_after_a_build_is_named_by_check_and_forgotten_once_removed(
        project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The unread-file warning is kept with the report's parse (its stored state): an image no chapter shows, added
    to ``gambar/`` after a build, changes the report folder's files, so ``check`` parses the report again and names
    it (``--strict``: exit 1); removed, the folder is the built one again, its state is read back, and the warning is
    gone. Also the build after it: the build record's stamps see the new file."""
    build(options(project))
    image = project / "content" / "laporan" / SLUG / "gambar" / "peta-lama.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    said = f"content/laporan/{SLUG}/gambar/peta-lama.png:1: "
    counted = Counted(monkeypatch)
    capsys.readouterr()
    assert main(["check", "--situs", str(project)]) == 0
    out = capsys.readouterr().out
    assert f"{said}peringatan: gambar ini tidak ditampilkan di bab mana pun" in out, out
    assert set(counted.parsed) == {SLUG}
    assert main(["check", "--strict", "--situs", str(project)]) == 1
    assert f"{said}galat: gambar ini tidak ditampilkan di bab mana pun" in capsys.readouterr().err
    assert any(d.format().startswith(said) for d in build(options(project)).diagnostics.items)

    image.unlink()
    counted.parsed.clear()
    assert main(["check", "--situs", str(project)]) == 0
    out = capsys.readouterr().out
    assert "peta-lama" not in out and "gambar ini tidak ditampilkan" not in out, out
    assert counted.parsed == []  # the built folder again: its state (and its messages) read back, nothing parsed
    assert not any("peta-lama" in d.message or d.file.endswith("peta-lama.png")
                   for d in build(options(project)).diagnostics.items)


def test_check_after_a_build_without_pdfs_takes_its_pages_on_a_site_with_a_released_pdf(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A site whose webmaster builds ``--tanpa-pdf`` but whose archive holds a released version with its PDF: the
    last build made no PDF, so ``check`` renders the pages without PDF links, as that build did, and takes them from
    the cache. It decided by the PDFs the build published, released ones included, and rendered again every page
    the cache held only as that build rendered it."""
    assert new_report(project, "lain-2023", instansi="Kecamatan Lain") == 0
    fill_in(project / "content" / "laporan" / SLUG)  # what a release refuses (the other report is not released)
    with_pdf = BuildOptions(root=project, output=project / "build", cache_dir=project / ".cache")  # lkjip's default
    status, _, _ = build_mod.release(with_pdf, SLUG, lambda _: None)
    assert status == "terbit" and list((project / "arsip").rglob("*.pdf"))
    edit(project / "content" / "laporan" / "lain-2023" / "10-bab-1-pendahuluan.md", "Tuliskan latar belakang",
         "Latar belakang")  # a page the cache holds only as the build without PDFs rendered it
    build(options(project))  # --tanpa-pdf
    rendered = chapter_pages_rendered(monkeypatch)
    assert not check(with_pdf).errors  # lkjip check: PDFs as the last build made them
    assert rendered == []


def test_a_stored_report_is_trusted_only_where_it_was_made(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A damaged store is read past, not believed; a site folder moved with its cache loads its reports again (a
    report holds its folder's path); a failed build stores nothing."""
    build(options(project))
    counted = Counted(monkeypatch)
    stored = sorted((project / ".cache").glob("sesi-v*/??/*"))
    assert len(stored) == 1
    stored[0].write_bytes(b"bukan pickle")
    chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    edit(chapter, "Tuliskan latar belakang penyusunan laporan.", "Latar belakang yang baru ditulis.")
    build(options(project))
    assert counted.loaded == [SLUG]
    assert_same_as_clean(project, "build")
    moved = project.parent / "dipindah"
    shutil.copytree(project, moved)
    counted.clear()
    edit(moved / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md", "yang baru ditulis", "yang ditulis lagi")
    build(options(moved))
    assert counted.loaded == [SLUG]
    assert_same_as_clean(moved, "build")
    counted.clear()
    data = moved / "content" / "laporan" / SLUG / "data" / "indikator.yaml"
    edit(data, "    satuan: indeks\n", "    target: [\n")
    stored = sorted((moved / ".cache").glob("sesi-v*/??/*"))
    with pytest.raises(ContentError):
        build(options(moved))
    assert sorted((moved / ".cache").glob("sesi-v*/??/*")) == stored  # a failed build stores nothing
    edit(data, "    target: [\n", "    satuan: indeks\n")
    counted.clear()
    edit(moved / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md", "ditulis lagi", "ditulis sekali lagi")
    build(options(moved))
    assert counted.loaded == [SLUG]


def test_a_report_folder_copied_under_another_name_gets_its_own_numbers(project: Path) -> None:
    """Two report folders with the same files (a copy made to start next year's report) share no memo entry: the
    copy's open data and tables name the copy, as in a build without cache."""
    shutil.copytree(project / "content" / "laporan" / SLUG, project / "content" / "laporan" / "salinan-2023")
    run(project, "build")
    opened = json.loads((project / "build" / "laporan" / "salinan-2023" / "1.0" / "data-terbuka" / "laporan.json")
                        .read_text(encoding="utf-8"))
    assert opened["laporan"]["slug"] == "salinan-2023"
    assert_same_as_clean(project, "build")


def test_a_new_portal_title_renders_every_page_from_the_stored_reports(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The portal's title and address are on every page, and in no report's model: a build after a change of them
    (or of a comment in situs.yaml) renders every page again from the stored reports, loading, computing and parsing
    none, and, the title being outside what search indexes, runs no Pagefind, nor reads the chapters' tokens back
    (their pages are keyed with what was kept of them, their Markdown taken as rendered). A key reports read
    (``label_gambar``: their numbered figures) loads them again and indexes their pages. Every build equals one
    without cache."""
    config = project / "situs.yaml"
    run(project, "build")
    counted = Counted(monkeypatch)
    indexed = count_pagefind_runs(monkeypatch)
    tokens_read: list[str] = []

    def read_back(token: Token, state: Any) -> None:  # (pickle calls it for every token it reads)
        attrs, slots = state if isinstance(state, tuple) else (state, None)
        for name, value in {**(attrs or {}), **(slots or {})}.items():
            object.__setattr__(token, name, value)
        tokens_read.append(token.type)

    monkeypatch.setattr(Token, "__setstate__", read_back, raising=False)
    edit(config, "judul: Portal Laporan Kinerja", "judul: Portal Laporan Kinerja Kabupaten Contoh")
    edit(config, "url_dasar: https://lkjip.contoh.go.id/", "url_dasar: https://kinerja.contoh.go.id/")
    config.write_text(config.read_text(encoding="utf-8") + "# diubah oleh webmaster\n", encoding="utf-8")
    rendered = run(project, "build")
    assert counted.loaded == [] and counted.computed == [] and counted.parsed == [] and indexed == []
    assert tokens_read == []
    assert f"{BASE}index.html" in rendered and "index.html" in rendered
    assert "Portal Laporan Kinerja Kabupaten Contoh" in (project / "build" / BASE / "index.html").read_text("utf-8")
    assert_same_as_clean(project, "build")
    config.write_text(config.read_text(encoding="utf-8") + "label_gambar: Grafik\n", encoding="utf-8")
    indexed.clear()  # (the clean build above ran Pagefind)
    run(project, "build")
    assert counted.loaded == [SLUG] and counted.parsed and indexed == [[SLUG]]
    assert_same_as_clean(project, "build")


def test_a_stored_states_third_part_names_no_object_of_the_first_two(project: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The chapters' tokens are stored as a pickle of their own (``core/deferred.py``), so an object both they and the
    rest of the state held would be read back as two: the tokens name their directives by number. Checked on every
    state the scaffold's build stores, as it is stored: its third part pickled naming what the first two hold."""
    checked: list[int] = []
    real = build_mod.dumps

    def dumps(root: Any, parts: Any, later: Any = ()) -> bytes:
        values = [[getattr(obj, name) for name in names] for obj, names in later]
        first = pickle.Pickler(io.BytesIO(), protocol=pickle.HIGHEST_PROTOCOL)
        deferred_mod._holes(later)  # as dumps leaves them in the first two parts
        try:
            first.dump((root, [[getattr(obj, name) for name in names] for obj, names in parts]))
        finally:
            deferred_mod._refill(later, values)
        held = first.memo.copy()
        named: list[str] = []

        class Naming(pickle.Pickler):
            def persistent_id(self, obj: Any) -> None:
                if id(obj) in held and not isinstance(obj, (str, bytes, int, float, bool, type, type(None))):
                    named.append(type(obj).__name__)

        Naming(io.BytesIO(), protocol=pickle.HIGHEST_PROTOCOL).dump(values)
        assert named == []
        checked.append(len(later))
        return real(root, parts, later)

    monkeypatch.setattr(build_mod, "dumps", dumps)
    run(project, "build")
    assert checked and all(checked)


def test_a_site_theme_that_shows_a_setting_of_situs_yaml_shows_its_new_value(project: Path) -> None:
    """A theme's templates get the whole of situs.yaml as ``site``: a site theme that shows the capaian rule in its
    footer shows the new rule on every page after situs.yaml changes it, as a build without cache does (the pages'
    keys named seven settings only, and every page kept the old rule)."""
    default = (resources.PACKAGE_THEMES / "default" / "templates" / "base.html").read_text("utf-8")
    footer = "<p>{{ site.pemda }} · {{ site.judul }}</p>"
    assert footer in default
    override = project / "themes" / "default" / "templates" / "base.html"
    override.parent.mkdir(parents=True)
    override.write_text(default.replace(footer, footer + '<p>Rumus: {{ site.capaian.get("rumus_negatif", "standar") }}'
                                        "</p>"), encoding="utf-8")
    run(project, "build")
    config = project / "situs.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "capaian:\n  rumus_negatif: rasio_terbalik\n", "utf-8")
    run(project, "build")
    assert "Rumus: rasio_terbalik" in (project / "build" / "index.html").read_text(encoding="utf-8")
    assert_same_as_clean(project, "build")


def _bodies_rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The chapter pages whose Markdown (text, tables, charts, values) is rendered from now on, not taken as kept."""
    rendered: list[str] = []
    real = pages_mod.render_chapter

    def counted(md: Any, pc: Any, rctx: Any) -> str:
        rendered.append(rctx.page_url)
        return str(real(md, pc, rctx))

    monkeypatch.setattr(pages_mod, "render_chapter", counted)
    return rendered


def test_a_change_around_every_chapter_renders_no_chapters_markdown_again(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The portal's title, a stylesheet (its versioned name) and a theme's footer are on every page and in no
    chapter's Markdown: after such a change every chapter page is rendered around its Markdown, tables and charts as
    the last build rendered them (rendering those was more than half of rendering an archive's pages again), and the
    site is what a build without cache makes; a site theme's templates and stylesheet load no report again (nothing
    before rendering reads them). The templates tables render through, and a template they import, are part of what
    the chapters show: a change to either renders the chapters with tables again, in the new markup."""
    run(project, "build")
    pages, bodies = chapter_pages_rendered(monkeypatch), _bodies_rendered(monkeypatch)
    edit(project / "situs.yaml", "judul: Portal Laporan Kinerja", "judul: Portal Kinerja Kabupaten Contoh")
    run(project, "build")
    assert len(pages) > 3 and bodies == []
    assert_same_as_clean(project, "build")
    default, theme = resources.PACKAGE_THEMES / "default", project / "themes" / "default"
    footer = "<p>{{ site.pemda }} · {{ site.judul }}</p>"
    (theme / "templates" / "partials").mkdir(parents=True)
    (theme / "static" / "css").mkdir(parents=True)
    (theme / "templates" / "base.html").write_text(
        (default / "templates" / "base.html").read_text("utf-8").replace(footer, footer + "<p>Kaki baru</p>"), "utf-8")
    (theme / "static" / "css" / "site.css").write_text(
        (default / "static" / "css" / "site.css").read_text("utf-8") + "\n.kaki { color: #222; }\n", "utf-8")
    pages.clear()  # (the clean build rendered them all)
    bodies.clear()
    counted = Counted(monkeypatch)
    run(project, "build")
    assert len(pages) > 3 and bodies == []
    assert counted.loaded == [] and counted.parsed == []  # nothing before rendering reads those files
    shown = {url: (project / "build" / url / "index.html").read_text("utf-8") for url in pages}
    assert all("Kaki baru" in html for html in shown.values())
    assert_same_as_clean(project, "build")
    with_tables = sorted(url for url, html in shown.items() if 'class="tabel' in html)
    assert with_tables
    (theme / "templates" / "partials" / "tanda.html").write_text(
        '{% macro tanda() %}<p class="tanda">cara baca 1</p>{% endmacro %}\n', "utf-8")
    table = (default / "templates" / "partials" / "table.html").read_text("utf-8")
    assert "</table>\n" in table
    (theme / "templates" / "partials" / "table.html").write_text(
        '{% import "partials/tanda.html" as t %}\n' + table.replace("</table>\n", "</table>\n{{ t.tanda() }}\n"),
        "utf-8")
    for version in ("1", "2"):
        if version == "2":
            edit(theme / "templates" / "partials" / "tanda.html", "cara baca 1", "cara baca 2")
        bodies.clear()
        run(project, "build")
        assert sorted(bodies) == with_tables
        for url in with_tables:
            assert f'<p class="tanda">cara baca {version}</p>' in (project / "build" / url / "index.html").read_text(
                "utf-8")
        assert_same_as_clean(project, "build")
    entries = sorted((project / ".cache" / f"halaman-v{MEMO_FORMAT}").glob("??/*"))
    kept_bodies = [p for p in entries if p.read_bytes().startswith(b"x\x01")]  # (zlib's header: pages are HTML)
    assert len(kept_bodies) >= len(set(pages))  # (and those of the table templates before: kept for the last hour)
    for path in kept_bodies:
        _damage(path)  # a disk error: rendered again, not published damaged, not an internal error
    edit(project / "situs.yaml", "judul: Portal Kinerja Kabupaten Contoh", "judul: Portal Kinerja")
    bodies.clear()
    run(project, "build")
    assert sorted(bodies) == sorted(set(pages))
    assert_same_as_clean(project, "build")


def test_what_a_chapter_renders_through_is_every_template_its_renderers_reach() -> None:
    """The key of a chapter's rendered Markdown follows the templates named, and those they import, include or
    extend, not the other templates of the theme; a template chosen by a variable could be any of them. An optional
    template that appears with an error is not the missing one (they were keyed alike: the bodies kept, the error
    unsaid)."""
    sources = {"partials/table.html": '{% import "makro.html" as m %}{{ m.x() }}', "makro.html": "{% macro x() %}1"
               "{% endmacro %}", "base.html": "<header>1</header>"}

    def key(changed: dict[str, str] | None = None) -> str:
        env = jinja2.Environment(loader=jinja2.DictLoader({**sources, **(changed or {})}))
        return templates_key(env, ["partials/table.html"])

    assert key() == key({"base.html": "<header>2</header>"})
    assert key() != key({"makro.html": "{% macro x() %}2{% endmacro %}"})
    assert key() != key({"partials/table.html": "{{ 1 }}"})
    sources["partials/table.html"] = '{% include "tanda.html" ignore missing %}'
    assert key() != key({"tanda.html": "{% if %}rusak"})  # missing, then there but broken: not the same
    sources["partials/table.html"] = "{% include nama %}"
    assert key() != key({"base.html": "<header>2</header>"})


_NEGATIVE_INDICATORS = """  - id: IKU2
    nama: Angka Pengangguran
    satuan: persen
    polaritas: negatif
    target: {2023: 10}
    realisasi: {2023: 25}
  - id: IKU3
    nama: Jumlah Aduan
    satuan: aduan
    polaritas: negatif
    target: {2023: 40}
    realisasi: {2023: 30}
"""


@pytest.mark.parametrize("step", [
    "capaian:\n  hasil_negatif: tidak_tercapai\n", "capaian:\n  rumus_negatif: rasio_terbalik\n",
    "capaian:\n  rata_rata: per_indikator\n", "capaian:\n  batas_100: true\n", "pemda: Pemerintah Kota Contoh\n"])
def test_a_change_of_what_reports_take_from_situs_yaml_is_published_everywhere(project: Path, step: str) -> None:
    """The capaian rules and the pemda a report takes from situs.yaml (its laporan.yaml names neither) are part of
    its numbers and its open data: a build after such a change publishes what a build without cache does. Their
    tables, open data and audit verdicts were kept under keys without them: each capaian rule published stale tables
    and open data with exit 0 (the scaffold's capaian of 103,13 % after ``batas_100: true``), and laporan.json kept
    the old pemda. The report gets a second sasaran of two negative-polarity indicators, so that every rule
    changes a number."""
    data = project / "content" / "laporan" / SLUG / "data"
    edit(data / "renstra.yaml", "        indikator: [IKU1]\n", "        indikator: [IKU1]\n      - id: S2\n"
         "        uraian: Menurunkan pengangguran.\n        indikator: [IKU2, IKU3]\n")
    edit(data / "pk.yaml", "sasaran: [S1]", "sasaran: [S1, S2]")
    (data / "indikator.yaml").write_text((data / "indikator.yaml").read_text(encoding="utf-8") + _NEGATIVE_INDICATORS,
                                         encoding="utf-8")
    config = project / "situs.yaml"
    opened = project / "build" / BASE / "data-terbuka" / "laporan.json"
    run(project, "build")
    before = opened.read_bytes()
    if step.startswith("pemda:"):
        edit(config, "pemda: Pemerintah Kabupaten Contoh\n", step)
    else:
        config.write_text(config.read_text(encoding="utf-8") + step, encoding="utf-8")
    run(project, "build")
    assert opened.read_bytes() != before  # the step changes the report's open data
    assert_same_as_clean(project, "build")


def _cache_entries(project: Path) -> dict[str, list[str]]:
    """Each memo folder's entries (the data files' too: a build that reads a report back names its data files'
    entries by the keys its stored state holds, as it names its tables and charts)."""
    return {ns: sorted(p.name for p in (project / ".cache" / f"{ns}-v{MEMO_FORMAT}").glob("??/*"))
            for ns in MEMO_NAMESPACES}


def test_a_cache_after_many_edits_holds_what_a_build_from_nothing_stores(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every edit stores new entries (a page, its year's search index, audit verdicts, tables, charts, the report's
    state); what no build uses any more must go, or the cache of an author who saves all day grows without end (a
    year's search index alone is megabytes). After edits of text and of data, the cache holds exactly the entries
    that the same sources built into an empty cache store."""
    monkeypatch.setattr(memo_mod, "SWEEP_MARGIN_S", -1.0)  # (the last hour's entries are kept: here, none)
    shutil.copytree(project / "content" / "laporan" / SLUG, project / "content" / "laporan" / "salinan-2023")
    run(project, "build")
    chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    data = project / "content" / "laporan" / SLUG / "data" / "indikator.yaml"
    for old, new in (("Tuliskan latar belakang", "Tulis latar belakang"), ("Tulis latar belakang", "Latar belakang")):
        edit(chapter, old, new)
        assert run(project, "build") == [f"{BASE}bab-1-pendahuluan/index.html"]
    edit(data, "82.5", "78.5")
    assert run(project, "build")
    edited = _cache_entries(project)
    assert all(entries for ns, entries in edited.items() if ns != "pdf")  # (PDFs: only if the build made them)
    shutil.move(project / ".cache", project / "cache-lama")
    theme_mod._env.cache_clear()  # a build from nothing, in a new process (which compiles its templates)
    run(project, "build")
    assert edited == _cache_entries(project)
    assert_same_as_clean(project, "build")


def test_builds_with_and_without_pdfs_and_the_preview_keep_each_others_entries(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build with PDFs, one without and the preview's make other pages (a PDF link, the reload script), so other
    entries: a build that prunes must leave the others' (else an author switching between them renders the
    whole site again each time, and a running preview loses the pages it holds by reference)."""
    monkeypatch.setattr(memo_mod, "SWEEP_MARGIN_S", -1.0)

    def with_pdfs(out: str) -> list[str]:
        return sorted(build(BuildOptions(root=project, output=project / out, cache_dir=project / ".cache")).rendered)

    def preview(out: str) -> list[str]:
        return sorted(build(BuildOptions(root=project, output=project / out, pdf=False, dev_reload=True,
                                         cache_dir=project / ".cache")).rendered)

    assert any(p.endswith(".pdf") for p in with_pdfs("build")) and preview("pratinjau")
    chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    edit(chapter, "Tuliskan latar belakang", "Tulis latar belakang")
    assert run(project, "tanpa-pdf")  # pruned after it
    edit(chapter, "Tulis latar belakang", "Tuliskan latar belakang")
    # into other folders: each a whole build (the same folders' build records would skip it), from the memo alone
    assert with_pdfs("build-2") == []  # pages and PDF from the memo, none made again
    assert preview("pratinjau-2") == []


FONTS = Path(__file__).resolve().parents[1] / "themes" / "default" / "static" / "fonts"


def fresh_build(project: Path, tmp: Path, make: Callable[[Path], BuildOptions] = options) -> dict[str, str]:
    """The output of a build of ``project``'s sources in a folder without any cache (``assert_same_as_clean`` builds
    without the memo but in the project, where the chart fonts' copies are still the cache's)."""
    fresh = tmp / "segar"
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir()
    for name in ("situs.yaml", "content", "themes"):
        if (project / name).is_dir():
            shutil.copytree(project / name, fresh / name)
        elif (project / name).is_file():
            shutil.copyfile(project / name, fresh / name)
    build(make(fresh))
    return tree_hashes(fresh / "build")


def assert_same_as_a_fresh_folders(project: Path, tmp: Path) -> None:
    assert tree_hashes(project / "build") == fresh_build(project, tmp)


def test_charts_follow_the_themes_chart_fonts_and_a_damaged_copy_of_them_is_made_again(
        project: Path, tmp_path: Path) -> None:
    """The chart fonts' TrueType copies are kept in the cache. A site theme that brings its own chart font must get
    charts drawn in it (copies kept under one name drew them in the old font: not the charts of a build without a
    cache), going back must give the first charts again, and a copy damaged in the cache is converted again, not
    measured with."""
    build(options(project))
    fonts = project / "themes" / "kabupaten" / "static" / "fonts"
    fonts.mkdir(parents=True)
    shutil.copyfile(FONTS / "NotoSerif-Regular-latin.woff2", fonts / "NotoSans-Regular-latin.woff2")
    config = project / "situs.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "tema: kabupaten\n", encoding="utf-8")
    build(options(project))
    assert_same_as_a_fresh_folders(project, tmp_path)
    copies = project / ".cache" / "font-grafik"
    assert len(list(copies.iterdir())) == 1  # the default fonts' copies removed
    (fonts / "NotoSans-Regular-latin.woff2").unlink()
    build(options(project))
    assert_same_as_a_fresh_folders(project, tmp_path)
    [folder] = copies.iterdir()
    regular = folder / "NotoSans-Regular-latin.ttf"
    regular.write_bytes(regular.read_bytes()[:1000])
    edit(project / "content" / "laporan" / SLUG / "data" / "anggaran.yaml", "realisasi: 95000000",
         "realisasi: 90000000")  # charts drawn again, with the fonts
    build(options(project))
    assert len(regular.read_bytes()) > 1000
    assert_same_as_a_fresh_folders(project, tmp_path)


def _damage(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2] + b"\x00rusak")


def test_damaged_cache_entries_are_made_again_not_an_error_and_not_published(project: Path, tmp_path: Path) -> None:
    """Entries of the cache damaged outside the build (a disk error, a copy cut short, a hand edit): the parsed YAML,
    the tables, the charts and the kept Vega bundle (its source and its copy for the site). Each was an internal error
    on every later build, or (the bundle) published as it was under a name that promises other bytes; now each is a
    miss, made again and stored again, and the site is that of a build in a fresh folder."""
    build(options(project))
    cache = project / ".cache"
    damaged = [p for ns in ("yaml", "tabel", "grafik") for p in sorted((cache / f"{ns}-v{MEMO_FORMAT}").glob("??/*"))]
    damaged += sorted(cache.glob("vega-bundle-*.js")) + sorted((cache / "vega-keluaran").rglob("*.js"))
    assert {p.relative_to(cache).parts[0].split("-v")[0] for p in damaged} >= {"yaml", "tabel", "grafik",
                                                                                  "vega-keluaran"}
    for path in damaged:
        _damage(path)
    for made in ("build", f".cache/halaman-v{MEMO_FORMAT}", f".cache/sesi-v{MEMO_FORMAT}"):
        shutil.rmtree(project / made)  # every page rendered again, every report loaded again: all of them read
    # A new process, as an author's next `lkjip build` (this one holds the bundle it made: ``bundle.vega_bundle``).
    done = subprocess.run([sys.executable, "-m", "lkjip_site", "build", "--tanpa-pdf"], cwd=project,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert_same_as_a_fresh_folders(project, tmp_path)
    assert not [p for p in damaged if p.is_file() and p.read_bytes().endswith(b"\x00rusak")]  # stored again
    shutil.rmtree(project / "build")
    shutil.rmtree(project / ".cache" / f"halaman-v{MEMO_FORMAT}")
    shutil.rmtree(project / ".cache" / f"sesi-v{MEMO_FORMAT}")
    build(options(project))  # the entries stored again are read
    assert_same_as_a_fresh_folders(project, tmp_path)


def with_pdf(root: Path) -> BuildOptions:
    return BuildOptions(root=root, output=root / "build", pdf=True, cache_dir=root / ".cache")


def test_a_damaged_page_entry_is_never_published_and_a_damaged_pdf_entry_is_made_again(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Pages and PDFs are published as their memo entries hold them. A damaged PDF entry is read whole, fails its
    seal and is made again; a page taken by reference is read only when a stage needs its bytes, where that build
    cannot make it again: the command removes it and builds again, a few times (``build.REPAIRS``); every page
    damaged (a disk error) is beyond that: it says to delete the cache and exits 3, with the published site as it
    was."""
    build(with_pdf(project))
    for entry in sorted((project / ".cache" / f"pdf-v{MEMO_FORMAT}").glob("??/*")):
        _damage(entry)
    shutil.rmtree(project / "build")
    build(with_pdf(project))
    fresh = fresh_build(project, tmp_path, with_pdf)
    assert tree_hashes(project / "build") == fresh
    pages = sorted((project / ".cache" / f"halaman-v{MEMO_FORMAT}").glob("??/*"))
    for entry in pages:
        _damage(entry)
    (project / "build" / "404.html").unlink()  # the output not as recorded: published whole, every page read
    before = tree_hashes(project / "build")
    capsys.readouterr()
    assert main(["build", "--situs", str(project)]) == 3
    err = capsys.readouterr().err
    assert err.count("dibuang dan build diulang") == build_mod.REPAIRS, err
    assert "cache rusak" in err and "Hapus folder cache" in err and "Traceback" not in err, err
    assert tree_hashes(project / "build") == before
    shutil.rmtree(project / ".cache")
    assert main(["build", "--situs", str(project)]) == 0
    assert tree_hashes(project / "build") == fresh


def test_a_page_entry_damaged_or_gone_under_the_kept_outputs_is_made_again(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The next CLI build takes the unchanged reports' pages by reference from what the last one kept. An entry
    damaged since, or gone (removed by hand, or by another process's prune: an entry of an edit undone since is in
    no variant's roots), stopped the command: "cache rusak", or an internal error for the one gone. Each is now
    removed and the build made again, which renders those pages anew: one command, the site of a fresh folder."""
    assert new_report(project, "lain-2023", instansi="Kecamatan Lain") == 0
    build(options(project))
    _, outputs, _ = pickle.loads((project / ".cache" / pages_mod.KEPT_FILE).read_bytes())
    # entries of the unchanged report alone (the next build takes its pages by reference): picked among both
    # reports' by their hash's order, they were once the edited report's (or shared by both scaffolds' like bytes),
    # written again by its rendering before anything read them
    refs = outputs["laporan/lain-2023/1.0/"][1]
    held = [Path(refs[f"laporan/lain-2023/1.0/{page}"][0]).name for page in ("index.html", "bab-1-pendahuluan/index.html")]
    assert held[0] != held[1]
    first, second = (next((project / ".cache").glob(f"halaman-v{MEMO_FORMAT}/??/{name}")) for name in held)
    _damage(first)
    second.unlink()
    search = project / ".cache" / f"pagefind-v{MEMO_FORMAT}"
    shutil.rmtree(search)  # so that every page is read (for the search index)
    edit(project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md", "Tuliskan latar belakang", "Diubah")
    capsys.readouterr()
    assert main(["build", "--situs", str(project), "--tanpa-pdf"]) == 0
    err = capsys.readouterr().err
    assert 1 <= err.count("dibuang dan build diulang") <= 2 and "Traceback" not in err, err
    assert tree_hashes(project / "build") == fresh_build(project, tmp_path)


def test_an_upgrade_leaves_no_cache_of_an_older_format_behind(project: Path) -> None:
    """A new memo format (or vl-convert) makes the old entries unreadable to every later build: a build removes the
    memo folders of older formats and any other kept Vega bundle source, and keeps the rest of the cache (the build
    record has its own format)."""
    cache = project / ".cache"
    older = [cache / f"halaman-v{MEMO_FORMAT - 1}" / "ab" / "abc", cache / f"grafik-v{MEMO_FORMAT - 1}" / "cd" / "cde",
             cache / "vega-bundle-1.0.0-1-00000000.js"]
    for path in older:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"lama")
    build(options(project))
    assert not any(path.exists() for path in older)
    assert not (cache / f"halaman-v{MEMO_FORMAT - 1}").exists()
    assert (cache / f"halaman-v{MEMO_FORMAT}").is_dir() and (cache / "keadaan-v1").is_dir()
    # every memo the build made is one the removal knows (a new namespace must be listed in NAMESPACES)
    assert {p.name.rsplit("-v", 1)[0] for p in cache.glob(f"*-v{MEMO_FORMAT}")} <= set(MEMO_NAMESPACES)
    assert len(list(cache.glob("vega-bundle-*.js"))) == 1


def _saved_mid_build(monkeypatch: pytest.MonkeyPatch, at: str, path: Path, text: str) -> list[bool]:
    """The author saves ``text`` into ``path`` while the next build runs: after it stamped its inputs, when it calls
    ``build.<at>`` (reads situs.yaml, or a report's folder), once."""
    real, saved = getattr(build_mod, at), []

    def saving(*args: Any, **kw: Any) -> Any:
        if not saved:
            path.write_text(text, encoding="utf-8")
            saved.append(True)
        return real(*args, **kw)

    monkeypatch.setattr(build_mod, at, saving)
    return saved


@pytest.mark.parametrize("in_session", [False, True])
@pytest.mark.parametrize("at, file, old", [
    ("load_report", f"content/laporan/{SLUG}/40-bab-4-penutup.md", "## Kesimpulan"),
    ("load_config", "situs.yaml", "judul: "),
])
def test_a_file_saved_while_a_build_runs_then_taken_back_gives_the_pages_of_what_it_says(
        fresh_project: Path, monkeypatch: pytest.MonkeyPatch, in_session: bool, at: str, file: str, old: str) -> None:
    """A build stamps its inputs first and reads them later; a chapter saved in between was read as its new text
    under the stamp of the old one. The report's stored state (and a preview's, and the build record) then said the
    old text gave the new text's pages: once the author took the save back, every later build published the pages
    of the text taken back (found by a fuzzer). The build that read the new text publishes it (it read it); the next
    builds publish what the files say."""
    project = fresh_project
    path = project / file
    first = path.read_text(encoding="utf-8")
    assert old in first
    session = Session() if in_session else None
    build(options(project), session=session)
    path.write_text(first.replace(old, f"{old} Satu", 1), encoding="utf-8")  # edited: the next build reads it
    saved = _saved_mid_build(monkeypatch, at, path, first.replace(old, f"{old} Dua", 1))
    build(options(project), session=session)
    assert saved
    monkeypatch.undo()
    path.write_text(first.replace(old, f"{old} Satu", 1), encoding="utf-8")  # the save taken back
    for _ in range(2):
        build(options(project), session=session)
        assert_same_as_clean(project, "build")


def test_a_chapter_renamed_under_a_link_to_its_old_name_is_an_error_as_without_the_cache(project: Path) -> None:
    """A chapter's file renamed with its page's address and place unchanged (another number prefix) while another
    chapter links to its old name: the linking chapter's Markdown came from the memo (nothing its key named had
    changed), the build published the dead link, and a build without the cache stopped with the error (found by a
    fuzzer). Each chapter's file name is part of what the pages show of their report."""
    folder = project / "content" / "laporan" / SLUG
    edit(folder / "10-bab-1-pendahuluan.md", "Tuliskan latar belakang", "Lihat [BAB IV](40-bab-4-penutup.md). Tuliskan"
         " latar belakang")
    build(options(project))
    (folder / "40-bab-4-penutup.md").rename(folder / "41-bab-4-penutup.md")
    for _ in range(2):
        with pytest.raises(ContentError) as info:
            build(options(project))
        assert [d.line for d in info.value.diagnostics.errors if "'40-bab-4-penutup.md'" in d.message]
    with pytest.raises(ContentError):
        run(project, "bersih", cache=False)


@pytest.mark.parametrize("in_session", [False, True])
def test_a_template_saved_while_pages_render_then_taken_back_gives_the_pages_of_what_it_says(
        fresh_project: Path, monkeypatch: pytest.MonkeyPatch, in_session: bool) -> None:
    """Jinja's file loader read a template when a page first used it, and again when its file's time changed, while
    the build had keyed its pages by the templates' bytes read before: a site theme's template saved while the build
    rendered (a webmaster editing the theme beside ``serve``) gave pages of its new text under the key of its old
    one, kept in the memo, and once the edit was taken back every later build published them. Templates are now read
    once per build (``theme.ReadOnce``), the key from the same bytes."""
    project = fresh_project
    default = (resources.PACKAGE_THEMES / "default" / "templates" / "chapter.html").read_text("utf-8")
    own = project / "themes" / "default" / "templates" / "chapter.html"
    own.parent.mkdir(parents=True)

    def theme(word: str) -> str:
        return default.replace("{% block content %}", f"{{% block content %}}<p>{word}</p>")

    own.write_text(theme("SATU"), "utf-8")
    session = Session() if in_session else None
    build(options(project), session=session)
    real, saved = pages_mod.SitePages.report, []

    def report(self: Any, *args: Any, **kw: Any) -> Any:  # while the first report's pages render
        if not saved:
            own.write_text(theme("DUA"), "utf-8")
            saved.append(True)
        return real(self, *args, **kw)

    own.write_text(theme("TIGA"), "utf-8")  # edited: the next build renders every chapter page
    monkeypatch.setattr(pages_mod.SitePages, "report", report)
    build(options(project), session=session)
    assert saved
    monkeypatch.undo()
    own.write_text(theme("TIGA"), "utf-8")  # the save taken back
    for _ in range(2):
        build(options(project), session=session)
        assert_same_as_clean(project, "build")
    assert "<p>TIGA</p>" in (project / "build" / BASE / "bab-1-pendahuluan" / "index.html").read_text("utf-8")


def test_a_data_file_saved_right_after_it_was_parsed_keeps_no_numbers_under_its_new_text(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The model's key (``source_digest``) hashed the data files as read a second time, after they were parsed: a
    file saved in between (an author saving while a build runs) had the report's tables and open data kept in the
    memo under its new text's key with its old text's numbers, and every later build published those (found by a
    fuzzer). The key is now made of the bytes parsed."""
    data = project / "content" / "laporan" / SLUG / "data" / "indikator.yaml"
    edit(project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md", "Tuliskan latar belakang",
         "Tuliskan latar belakang yang baru")  # the next build loads the report again
    real, saved = data_mod.read_data_files, []

    def read_then_saved(*args: Any, **kw: Any) -> Any:
        out = real(*args, **kw)
        if not saved:
            edit(data, "2023: 82.5", "2023: 72.5")
            saved.append(True)
        return out

    monkeypatch.setattr(data_mod, "read_data_files", read_then_saved)
    build(options(project))
    assert saved
    monkeypatch.undo()
    for _ in range(2):
        build(options(project))
        assert_same_as_clean(project, "build")
    assert ",72.5," in (project / "build" / BASE / "data-terbuka" / "indikator.csv").read_text("utf-8")


def test_a_file_of_a_kept_report_saved_while_a_build_runs_then_taken_back_is_published_as_it_is(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A report the build takes as kept is not read again, but its folder's files are copied into its version's
    folder from disk: a data file saved while the build ran (started by another report's edit), then taken back, was
    published as saved, and the build record said the file as it was gave that output, so every later build was a
    no-op (found by a fuzzer). A CLI build now checks the whole of ``content/`` against its stamps."""
    assert new_report(project, "lain-2023", instansi="Kecamatan Lain") == 0
    build(options(project))
    data = project / "content" / "laporan" / SLUG / "data" / "indikator.yaml"
    first = data.read_text(encoding="utf-8")
    edit(project / "content" / "laporan" / "lain-2023" / "10-bab-1-pendahuluan.md", "Tuliskan latar belakang",
         "Tuliskan latar belakang yang baru")
    assert "2023: 82.5" in first
    saved = _saved_mid_build(monkeypatch, "load_config", data, first.replace("2023: 82.5", "2023: 72.5"))
    during = build(options(project))
    assert saved
    # it published the file as saved (its copy in the version folder), so its record must not claim the stamp
    assert during.moved == {f"content/laporan/{SLUG}/data/indikator.yaml"}
    monkeypatch.undo()
    data.write_text(first, encoding="utf-8")  # taken back
    for _ in range(2):
        build(options(project))
        assert_same_as_clean(project, "build")


@pytest.mark.parametrize("after", ["static_fingerprint", "prepare_pdf"])
def test_a_print_stylesheet_saved_while_a_pdf_is_laid_out_then_taken_back_keeps_no_pdf_of_it(
        project: Path, monkeypatch: pytest.MonkeyPatch, after: str) -> None:
    """A PDF's key hashes the theme's static files and the report's files before the layout, and the layout reads
    them again: a site theme's print stylesheet saved in between, then taken back, had the PDF laid out from it kept
    under the key of the stylesheet taken back, and every later build published it (found by a fuzzer). Such a PDF
    is published (it shows what was read) but not kept; saved right after the key hashed it (``after``:
    ``static_fingerprint``) too, where the first mend looked at the files only after that."""
    css = project / "themes" / "default" / "static" / "print-pdf.css"
    css.parent.mkdir(parents=True)
    first = (resources.PACKAGE_THEMES / "default" / "static" / "print-pdf.css").read_text("utf-8")
    css.write_text(first, "utf-8")
    with_pdf = BuildOptions(root=project, output=project / "build", pdf=True, cache_dir=project / ".cache")
    build(with_pdf)
    edit(project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md", "Tuliskan latar belakang",
         "Tuliskan latar belakang yang baru")  # the next build lays the PDF out again
    real, saved = getattr(pdfs_mod, after), []

    def prepare(*args: Any, **kw: Any) -> Any:
        if after == "prepare_pdf" and not saved:
            css.write_text(first + "\n* { color: #a00000 !important; }\n", "utf-8")
            saved.append(True)
        result = real(*args, **kw)
        if after == "static_fingerprint" and not saved:
            css.write_text(first + "\n* { color: #a00000 !important; }\n", "utf-8")
            saved.append(True)
        return result

    stored: list[str] = []
    real_put = memo_mod.Memo.put

    def put(self: Memo, key: str, data: bytes, name: str = "", hold: bool = True) -> None:
        stored.append(name)
        real_put(self, key, data, name, hold)

    monkeypatch.setattr(pdfs_mod, after, prepare)
    monkeypatch.setattr(memo_mod.Memo, "put", put)
    build(with_pdf)
    assert saved
    assert not [name for name in stored if name.endswith(".pdf")]  # published, not kept under the key
    monkeypatch.undo()
    css.write_text(first, "utf-8")  # taken back
    build(with_pdf)
    assert_same_as_clean(project, "build", pdf=True)
