"""``serve``'s session: what one process keeps between saves must never change a byte of the output.

Each scenario builds the scaffold report in a session, edits it, builds again in the same session and compares the
result with a clean build, or checks what the session left unread (unchanged reports, chapters, the theme, the files
its watcher did not report). Split from ``test_incremental.py`` (the CLI's side) so that the two run side by side.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

import jinja2
import pytest
from markdown_it import MarkdownIt

from lkjip_site import build as build_mod
from lkjip_site.build import BuildOptions, Session, build
from lkjip_site.compute import site as compute_site_mod
from lkjip_site.cli.scaffold import new_report
from lkjip_site.cli import serve as serve_mod
from lkjip_site.cli.serve import Preview, watch
from lkjip_site.core.diagnostics import ContentError
from lkjip_site.core import state as state_mod
from lkjip_site.core import memo as memo_mod
from lkjip_site.core import resources
from lkjip_site.core.memo import FORMAT as MEMO_FORMAT
from lkjip_site.core.state import BuildState, Changes, stamp_inputs
from lkjip_site.elements.charts import cache as chart_cache_mod
from lkjip_site.output import pages as pages_mod
from lkjip_site.output import theme as theme_mod

from conftest import SLUG, said_after_edit, tree_hashes
from incremental_support import BASE, Counted, assert_same_as_clean, edit, options


@pytest.fixture()
def project(epoch: None, fresh_project: Path) -> Path:
    """The scaffold report, not built yet, its pages dated by ``SOURCE_DATE_EPOCH`` (conftest)."""
    return fresh_project


def test_preview_reloads_before_the_search_index_and_then_catches_up(project: Path) -> None:
    """``serve``: pages first with the published index kept, then the index; the end result is a clean build."""
    build(options(project))
    index = {k: v for k, v in tree_hashes(project / "build").items() if k.startswith("pagefind/")}
    assert index
    chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    edit(chapter, "Tuliskan latar belakang penyusunan laporan.", "Kata pencarian baru: anggrekbulan.")
    pages_first = build(options(project, search_index=False))
    assert pages_first.summary["indeks"] == 0 and pages_first.rendered == [f"{BASE}bab-1-pendahuluan/index.html"]
    assert {k: v for k, v in tree_hashes(project / "build").items() if k.startswith("pagefind/")} == index  # kept
    assert build(options(project, search_index=False)).unchanged  # nothing new for the pages
    then = build(options(project))  # the index is stale: made now, though no input changed
    assert not then.unchanged and then.summary["indeks"] == 1 and then.rendered == []
    assert {k: v for k, v in tree_hashes(project / "build").items() if k.startswith("pagefind/")} != index
    assert_same_as_clean(project, "build")
    assert build(options(project)).unchanged


def test_a_session_keeps_unchanged_reports_and_their_messages(project: Path) -> None:
    """``serve``: a report whose folder did not change is not loaded, computed, checked or parsed again; its
    warnings are still reported; a change outside the report folders starts afresh."""
    assert new_report(project, "lain-2023") == 0
    other = project / "content" / "laporan" / "lain-2023" / "data" / "indikator.yaml"
    edit(other, "    satuan: indeks\n", "    satuan: indeks\n    satuam: salah ketik\n")
    session = Session()
    first = build(options(project), session=session)
    assert not first.unchanged and first.site is not None  # a new session always fills itself
    kept = {r.slug: r for r in first.site.reports}
    chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    edit(chapter, "Tuliskan latar belakang penyusunan laporan.", "Latar belakang yang baru ditulis.")
    second = build(options(project), session=session)
    assert second.site is not None
    now = {r.slug: r for r in second.site.reports}
    assert now["lain-2023"] is kept["lain-2023"] and now[SLUG] is not kept[SLUG]
    assert [d.format() for d in second.diagnostics.warnings] == said_after_edit(first.diagnostics.warnings)
    assert any("satuam" in d.message for d in second.diagnostics.warnings)
    assert second.rendered == [f"{BASE}bab-1-pendahuluan/index.html"]
    assert_same_as_clean(project, "build")
    (project / "situs.yaml").write_text((project / "situs.yaml").read_text(encoding="utf-8") + "\n", "utf-8")
    third = build(options(project), session=session)
    assert third.site is not None and {r.slug: r for r in third.site.reports}["lain-2023"] is not kept["lain-2023"]
    assert_same_as_clean(project, "build")


def test_last_years_figure_typed_again_is_checked_against_last_years_report_also_when_only_that_one_changes(
        project: Path) -> None:
    """IKKI 2023 was 85,32 in the 2024 report and 85,79 in the published 2023 report, without a word; in a preview,
    the 2024 report (its folder unchanged) is checked again when the 2023 report is corrected."""
    assert new_report(project, "contoh-2024", tahun=2024) == 0
    later = project / "content" / "laporan" / "contoh-2024" / "data" / "indikator.yaml"
    edit(later, "    realisasi:\n      2024: 82.5\n", "    realisasi:\n      2023: 81\n      2024: 82.5\n")
    line = later.read_text(encoding="utf-8").splitlines().index("      2023: 81") + 1
    session = Session()
    first = build(options(project), session=session)
    said = [d.format() for d in first.diagnostics.warnings if "instansi ini" in d.message]
    assert said == [f"content/laporan/contoh-2024/data/indikator.yaml:{line}: peringatan: IKU1: realisasi 2023 "
                    f"tertulis 81, sedangkan laporan 2023 instansi ini ('{SLUG}') mencatat 82,5; samakan angkanya, "
                    "atau bila laporan itu yang keliru, perbaiki dan terbitkan ralatnya"]
    edit(project / "content" / "laporan" / SLUG / "data" / "indikator.yaml", "      2023: 82.5\n", "      2023: 81\n")
    second = build(options(project), session=session)
    assert not [d for d in second.diagnostics.warnings if "instansi ini" in d.message]
    assert_same_as_clean(project, "build")


def test_a_session_takes_an_unchanged_report_whole_but_not_past_a_change_it_shows(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``serve``: after a chapter edit in one report, another report's output is the one already made (the same
    bytes objects, no page keyed or rendered again); once a heading it links to is renamed, its page is rendered
    again and the broken link is reported at its line."""
    assert new_report(project, "lain-2023") == 0
    linking = project / "content" / "laporan" / "lain-2023" / "40-bab-4-penutup.md"
    linking.write_text(linking.read_text(encoding="utf-8") + "\nLihat [latar belakang laporan lain]"
                       f"(../{SLUG}/10-bab-1-pendahuluan.md#latar-belakang).\n", encoding="utf-8")
    line = len(linking.read_text(encoding="utf-8").splitlines())
    session = Session()
    first = build(options(project), session=session)
    walked: list[str] = []  # reports whose pages were keyed (and, where changed, rendered) in a build
    real = pages_mod.SitePages.report

    def walking(self, report, *args, **kw):  # type: ignore[no-untyped-def]
        walked.append(report.slug)
        return real(self, report, *args, **kw)

    monkeypatch.setattr(pages_mod.SitePages, "report", walking)
    chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    edit(chapter, "Tuliskan latar belakang penyusunan laporan.", "Latar belakang yang baru ditulis.")
    second = build(options(project), session=session)
    assert second.rendered == [f"{BASE}bab-1-pendahuluan/index.html"]
    assert walked == [SLUG]  # the other report is taken whole: not one of its pages keyed again
    other = [p for p in first.files if p.startswith("laporan/lain-2023/1.0/")]
    # the very objects the first build held (bytes, or references to the memo read when asked: core/files.py)
    assert other and all(second.files.held(p) is first.files.held(p) for p in other)  # type: ignore[attr-defined]
    assert_same_as_clean(project, "build")
    edit(chapter, "## Latar Belakang", "## Latar Belakang Penyusunan")
    with pytest.raises(ContentError) as err:
        build(options(project), session=session)
    broken = [d for d in err.value.diagnostics.errors if "#latar-belakang" in d.message]
    assert [(Path(d.file).name, d.line) for d in broken] == [("40-bab-4-penutup.md", line)]


def test_a_session_tokenises_only_the_chapters_whose_text_changed(project: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """``serve``: after a one-chapter save the report is read and checked again, but only the edited chapter's text
    goes through the Markdown tokeniser; two chapters with the same text still get tokens of their own (the second
    is tokenised again: each directive token points at its own chapter's block), and the output equals a clean
    build."""
    folder = project / "content" / "laporan" / SLUG
    same = "## Grafik Tambahan\n\n```{grafik} anggaran_program\njudul: Pagu dan realisasi per program\n```\n"
    for order, bab in ((50, "V"), (60, "VI")):
        front = f"---\njudul: Tambahan {bab}\njenis: bab\nbab: {bab}\nurutan: {order}\n---\n"
        (folder / f"{order}-bab-{order // 10}-tambahan.md").write_text(front + same, encoding="utf-8")
    session = Session()
    build(options(project), session=session)
    tokenised: list[str] = []
    real_parse = MarkdownIt.parse

    def parse(self, src, env=None):  # type: ignore[no-untyped-def]
        tokenised.append(src)
        return real_parse(self, src, env)

    monkeypatch.setattr(MarkdownIt, "parse", parse)
    chapter = folder / "10-bab-1-pendahuluan.md"
    edit(chapter, "Tuliskan latar belakang penyusunan laporan.", "Latar belakang yang baru ditulis.")
    second = build(options(project), session=session)
    assert second.rendered == [f"{BASE}bab-1-pendahuluan/index.html"]
    # the edited chapter, and the second of the two same texts (the first takes the earlier tokens)
    assert sorted(tokenised) == sorted([chapter.read_text(encoding="utf-8").split("---\n", 2)[2], same])
    chapters = {pc.chapter.rel.rsplit("/", 1)[-1]: pc for pc in session.reports[SLUG].chapters or []}
    fifth, sixth = chapters["50-bab-5-tambahan.md"], chapters["60-bab-6-tambahan.md"]
    assert fifth.tokens is not sixth.tokens
    for pc in (fifth, sixth):
        (block,) = [t for t in pc.tokens if t.type == "lkjip_directive"]
        assert block.meta["directive_index"] == 0 and pc.directives[0].loc.file == pc.chapter.rel
    assert_same_as_clean(project, "build")


def test_a_preview_compiles_the_theme_between_saves_not_on_the_first_one(project: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """``serve``'s first build takes every page from the memo and compiles no template; the templates are compiled
    while the author reads (``Session.settle``), so the first save compiles none (it paid about 0,05 s for them)."""
    build(options(project))  # the memo holds every page
    theme_mod._env.cache_clear()  # a process that has loaded no template yet, as ``serve`` starts
    compiled: list[str] = []  # every template the environment loads (compiles, or takes compiled from the cache)
    real_load = theme_mod.ReadOnce.load

    def load(self, environment, name, globals=None):  # type: ignore[no-untyped-def]
        compiled.append(str(name))
        return real_load(self, environment, name, globals)

    monkeypatch.setattr(theme_mod.ReadOnce, "load", load)
    session = Session()
    first = build(options(project), session=session)
    assert first.rendered == [] and compiled == []
    session.settle()
    assert "chapter.html" in compiled and "report.html" in compiled
    compiled.clear()
    chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    edit(chapter, "Tuliskan latar belakang penyusunan laporan.", "Latar belakang yang baru ditulis.")
    second = build(options(project), session=session)
    assert second.rendered == [f"{BASE}bab-1-pendahuluan/index.html"] and compiled == []
    broken = project / "themes" / "default" / "templates"
    broken.mkdir(parents=True)
    (broken / "rusak.html").write_text("{% if %}", encoding="utf-8")  # not used by any page: never reported
    build(options(project), session=session)
    session.settle()  # does not stop on it
    assert "rusak.html" in compiled


def test_a_new_process_takes_the_compiled_templates_from_the_cache_and_compiles_an_edited_one(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each CLI build is a new process: a one-chapter rebuild compiled its page templates from their text again.
    They are kept compiled in the cache; a template edited in the site's theme, or an entry damaged on disk, is
    compiled again (never old code, never a traceback)."""
    build(options(project))
    compiled: list[str] = []
    real_compile = jinja2.Environment.compile

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[no-untyped-def]
        compiled.append(str(name))
        return real_compile(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", compile)
    chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    page = project / "build" / BASE / "bab-1-pendahuluan" / "index.html"

    def rebuild(new: str) -> None:
        theme_mod._env.cache_clear()  # as a new process
        text = chapter.read_text(encoding="utf-8")
        chapter.write_text(text.replace("Tuliskan latar belakang", new, 1) if "Tuliskan latar belakang" in text
                           else text.replace("Kalimat ke-", new, 1), encoding="utf-8")
        assert f"{BASE}bab-1-pendahuluan/index.html" in build(options(project)).rendered

    rebuild("Kalimat ke-1")
    assert "chapter.html" not in compiled and "base.html" not in compiled
    assert "Kalimat ke-1" in page.read_text(encoding="utf-8")
    kept = project / ".cache" / f"templat-v{MEMO_FORMAT}"
    before = sorted(p.name for p in kept.rglob("*") if p.is_file())
    own = project / "themes" / "default" / "templates"
    own.mkdir(parents=True)
    theme = resources.PACKAGE_THEMES / "default" / "templates" / "chapter.html"
    (own / "chapter.html").write_text(theme.read_text(encoding="utf-8").replace(
        "{% block content %}", "{% block content %}<p>Templat situs ini</p>", 1), encoding="utf-8")
    rebuild("Kalimat ke-2")
    assert "chapter.html" in compiled and "Templat situs ini" in page.read_text(encoding="utf-8")
    after = sorted(p.name for p in kept.rglob("*") if p.is_file())
    assert len(after) == len(before) and after != before  # the replaced template's code is not kept on
    compiled.clear()
    for entry in kept.rglob("*"):
        if entry.is_file():
            entry.write_bytes(entry.read_bytes()[:40])  # damaged outside the build
    rebuild("Kalimat ke-3")
    assert "chapter.html" in compiled and "Templat situs ini" in page.read_text(encoding="utf-8")
    assert "Kalimat ke-3" in page.read_text(encoding="utf-8")


def test_a_session_takes_over_the_data_and_numbers_of_a_report_whose_data_did_not_change(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``serve``: a save of a chapter reads the report's chapters and checks them again, but takes its data (with
    their messages) and its numbers from the state before; a save of a data file reads and computes them again."""
    folder = project / "content" / "laporan" / SLUG
    edit(folder / "data" / "indikator.yaml", "    satuan: indeks\n", "    satuan: indeks\n    satuam: salah ketik\n")
    session = Session()
    first = build(options(project), session=session)
    calls: list[str] = []

    def counted(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            calls.append(name)
            return real(*args, **kwargs)
        return call

    for module, name in ((build_mod, "load_data"), (compute_site_mod, "compute_report"),
                         (compute_site_mod, "check_report")):
        monkeypatch.setattr(module, name, counted(name, getattr(module, name)))
    edit(folder / "10-bab-1-pendahuluan.md", "Tuliskan latar belakang penyusunan laporan.",
         "Latar belakang yang baru ditulis.")
    second = build(options(project), session=session)
    assert calls == ["check_report"]
    assert second.site is not None and first.site is not None
    assert second.site.reports[0].computed is first.site.reports[0].computed
    assert [d.format() for d in second.diagnostics.warnings] == said_after_edit(first.diagnostics.warnings)
    assert any("satuam" in d.message for d in second.diagnostics.warnings)
    assert_same_as_clean(project, "build")
    calls.clear()
    budget = folder / "data" / "anggaran.yaml"
    edit(budget, "realisasi: 95000000", "realisasi: 90000000")
    third = build(options(project), session=session)
    assert calls == ["load_data", "compute_report", "check_report"]
    assert third.site is not None and third.site.reports[0].computed is not second.site.reports[0].computed
    assert_same_as_clean(project, "build")



#: Run in a fresh interpreter: whether charts may be drawn in the build's process depends on the fonts that process
#: registered with vl-convert before (``svg.fonts_alone``), and other tests in this worker register others.
_WHERE_CHARTS_ARE_DRAWN = """
import json, sys
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from lkjip_site.build import Session, build
from lkjip_site.core import pool as pool_mod
from lkjip_site.elements.charts import cache as chart_cache_mod
from conftest import SLUG
from incremental_support import assert_same_as_clean, edit, options

project = Path(sys.argv[1])
asked, pools = [], []
real_iter, real_executor = pool_mod.iter_in_processes, pool_mod._executor

def recorded(fn, items, *, min_items, here):
    asked.append([len(items), min_items, here])
    return real_iter(fn, items, min_items=min_items, here=here)

def counted_executor(cluster, workers):
    pools.append(workers)
    return real_executor(cluster, workers)

chart_cache_mod.iter_in_processes = recorded
pool_mod._executor = counted_executor
steps = {}

def step(name, session=None):
    asked.clear()
    pools.clear()
    build(options(project), session=session)
    steps[name] = {"asked": list(asked), "pools": list(pools)}
    assert_same_as_clean(project, "build")

budget = project / "content" / "laporan" / SLUG / "data" / "anggaran.yaml"
session = Session()
build(options(project), session=session)
edit(budget, "realisasi: 95000000", "realisasi: 90000000")
step("serve", session)
edit(budget, "realisasi: 90000000", "realisasi: 85000000")
step("cli")
chart_cache_mod.DRAWS_HERE_BELOW = 2  # as if the figure changed more charts than that
edit(budget, "realisasi: 85000000", "realisasi: 80000000")
step("cli_many")
print(json.dumps(steps))
"""


def test_a_data_values_few_charts_are_drawn_in_the_builds_own_process_and_many_by_workers(project: Path) -> None:
    """A save or a CLI build that changes a figure draws its report's few charts in its own process (a chart worker
    starts an interpreter and a JavaScript runtime before its first chart of 25-65 ms); more new charts than
    ``DRAWS_HERE_BELOW`` go to workers, and ``serve`` keeps drawing up to ``PREVIEW_DRAWS_HERE_BELOW`` itself. Each
    build's output is a clean build's (checked in the probe after every step)."""
    done = subprocess.run([sys.executable, "-c", _WHERE_CHARTS_ARE_DRAWN, str(project), str(Path(__file__).parent)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    steps = json.loads(done.stdout.strip().splitlines()[-1])
    serve, cli, many = steps["serve"], steps["cli"], steps["cli_many"]
    assert serve["asked"] and all(4 <= count < limit == build_mod.PREVIEW_DRAWS_HERE_BELOW and here
                                  for count, limit, here in serve["asked"])
    assert serve["pools"] == []
    assert cli["asked"] and all(4 <= count < limit == chart_cache_mod.DRAWS_HERE_BELOW and here
                                for count, limit, here in cli["asked"])
    assert cli["pools"] == []
    assert many["asked"] and all(count >= limit == 2 for count, limit, _ in many["asked"])
    assert many["pools"] == [2]


def test_a_preview_starts_from_the_reports_the_last_build_stored_and_stores_its_own(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``serve``'s first build reads unchanged reports back from the last CLI build's store; the reports it loads
    (after a save) are stored by its search-index build, so the next ``lkjip build`` loads none of them again."""
    assert new_report(project, "lain-2023") == 0
    build(options(project))
    chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    edit(chapter, "Tuliskan latar belakang penyusunan laporan.", "Latar belakang yang baru ditulis.")
    counted = Counted(monkeypatch)
    preview = BuildOptions(root=project, output=project / ".cache" / "pratinjau", pdf=False, dev_reload=True,
                           cache_dir=project / ".cache")
    session = Session(store=preview.memo("sesi"))
    build(preview, session=session)
    assert counted.loaded == [SLUG]
    other = project / "content" / "laporan" / "lain-2023" / "10-bab-1-pendahuluan.md"
    edit(other, "Tuliskan latar belakang penyusunan laporan.", "Latar belakang laporan lain.")
    counted.clear()
    build(replace(preview, search_index=False), session=session)  # the reload: pages first, nothing stored
    build(preview, session=session)  # the search index, right after: the new states are stored
    assert counted.loaded == ["lain-2023"]
    counted.clear()
    build(options(project))
    assert counted.loaded == [] and counted.parsed == []
    assert_same_as_clean(project, "build")


def test_a_session_trusts_its_own_output_only_while_no_one_else_built(project: Path) -> None:
    """A preview session does not scan the output folder it published itself; once another process has built
    into it (the record was written by someone else), the folder is checked again and a stray file goes."""
    session = Session()
    build(options(project), session=session)
    chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    edit(chapter, "Tuliskan latar belakang penyusunan laporan.", "Latar belakang yang baru ditulis.")
    build(options(project))  # `lkjip build` in another terminal
    (project / "build" / "tambahan.html").write_text("<p>ditambah tangan</p>", encoding="utf-8")
    edit(chapter, "Latar belakang yang baru ditulis.", "Latar belakang ditulis lagi.")
    build(options(project), session=session)
    assert not (project / "build" / "tambahan.html").exists()
    assert_same_as_clean(project, "build")


def test_a_preview_writes_its_record_after_the_reload_and_a_stop_in_between_is_safe(project: Path) -> None:
    """``serve`` reloads the page before the build record is written (the index build that follows writes it);
    a preview stopped in between leaves an old record that no longer matches the folder, so the next build
    publishes in full instead of trusting it."""
    session = Session()
    build(options(project), session=session)
    record = BuildState(project / ".cache", project / "build").path
    before = record.read_bytes()
    chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    edit(chapter, "Tuliskan latar belakang penyusunan laporan.", "Latar belakang yang baru ditulis.")
    pages_first = build(options(project, search_index=False), session=session)
    assert pages_first.rendered == [f"{BASE}bab-1-pendahuluan/index.html"]
    assert record.read_bytes() == before  # not written yet: the page reloads first
    build(options(project), session=session)  # the search index, then the record
    assert record.read_bytes() != before
    assert build(options(project)).unchanged  # another process trusts what the preview recorded
    edit(chapter, "Latar belakang yang baru ditulis.", "Latar belakang ditulis lagi.")
    build(options(project, search_index=False), session=session)
    # the preview is stopped here, before its index build
    after = build(options(project))
    assert not after.unchanged  # (its pages come from the memo the preview filled)
    assert_same_as_clean(project, "build")
    assert build(options(project)).unchanged


def test_a_theme_template_added_or_edited_while_serving_shows_on_the_next_build(project: Path) -> None:
    """``serve`` keeps its compiled templates between saves; a template the site's theme adds (overriding the
    shipped one) or edits in between is used by the next build, as in a clean build."""
    shipped = Path(__file__).resolve().parents[1] / "themes" / "default" / "templates" / "base.html"
    override = project / "themes" / "default" / "templates" / "base.html"
    override.parent.mkdir(parents=True)  # the site's theme folder exists, without the template yet
    session = Session()
    build(options(project), session=session)
    override.write_text(shipped.read_text(encoding="utf-8").replace("</footer>", "<p>Tema satu</p></footer>"),
                        encoding="utf-8")
    build(options(project), session=session)
    assert "Tema satu" in (project / "build" / BASE / "index.html").read_text(encoding="utf-8")
    edit(override, "Tema satu", "Tema dua")
    build(options(project), session=session)
    page = (project / "build" / BASE / "index.html").read_text(encoding="utf-8")
    assert "Tema dua" in page and "Tema satu" not in page
    assert_same_as_clean(project, "build")


def settled(preview: Preview) -> None:
    """Wait as ``serve`` does: for a change, then for the editor's last step."""
    assert preview.dirty.wait(timeout=10), "pengamat berkas tidak melaporkan perubahan"
    time.sleep(0.5)
    preview.dirty.clear()


def test_a_watched_preview_looks_only_at_what_changed_and_equals_a_clean_build(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``serve`` tells its session which files changed (the watcher's events), so a save does not list every file
    of ``content/`` again; edits, a new report, a removed and a renamed report folder all show as in a clean build."""
    assert new_report(project, "lain-2023") == 0
    listed: list[Path] = []
    real_scan = state_mod.scan
    monkeypatch.setattr(state_mod, "scan", lambda folder: listed.append(Path(folder)) or real_scan(folder))
    content = (project / "content").resolve()
    preview = Preview(project)
    observer = watch(project, preview)
    try:
        build(options(project), session=preview.session)
        assert content in listed  # the first build lists everything
        chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
        edit(chapter, "Tuliskan latar belakang penyusunan laporan.", "Latar belakang yang ditulis sambil dipratinjau.")
        settled(preview)
        listed.clear()
        second = build(options(project), session=preview.session)
        assert second.rendered == [f"{BASE}bab-1-pendahuluan/index.html"]
        # nothing of content/ listed, but the one report folder the build read, once it had read it (a file saved in
        # it meanwhile: ``Session.forget_moved``)
        assert [f for f in listed if f == content or content in f.parents] == [chapter.parent.resolve()]
        assert "sambil dipratinjau" in (project / "build" / BASE / "bab-1-pendahuluan" / "index.html").read_text("utf-8")
        assert_same_as_clean(project, "build")
        for change in (lambda: new_report(project, "baru-2024"),
                       lambda: shutil.rmtree(project / "content" / "laporan" / "lain-2023"),
                       lambda: (project / "content" / "laporan" / "baru-2024").rename(
                           project / "content" / "laporan" / "pindah-2024")):
            change()
            settled(preview)
            build(options(project), session=preview.session)
            assert_same_as_clean(project, "build")
        assert (project / "build" / "laporan" / "pindah-2024").is_dir()
        assert not (project / "build" / "laporan" / "lain-2023").exists()
    finally:
        observer.stop()
        observer.join()


def test_a_preview_whose_pages_left_the_cache_starts_its_session_anew(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A preview holds its unchanged reports' pages by reference to cache entries between saves. Such an entry may go
    (removed by hand, or pruned by a build in another process after an edit undone since); the save whose search
    index reads it found it gone and the preview stopped with an internal error. It now says so, starts its
    session anew and builds again: the preview is that of a build without a cache."""
    assert new_report(project, "lain-2023", instansi="Kecamatan Lain") == 0
    opts = replace(options(project), dev_reload=True)
    preview = Preview(project, opts.memo("sesi"))
    observer = watch(project, preview)
    try:
        serve_mod._rebuild(opts, preview)
        for folder in ("halaman", "pagefind"):  # every page gone; every year's search index made again, reading them
            shutil.rmtree(project / ".cache" / f"{folder}-v{MEMO_FORMAT}")
        edit(project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md", "Tuliskan latar belakang",
             "Ditulis sambil dipratinjau")
        settled(preview)
        capsys.readouterr()
        serve_mod._rebuild(opts, preview)
        out = capsys.readouterr().out
        assert out.count("cache rusak") == 1 and "dibuang dan build diulang" in out, out
        clean = build(replace(opts, output=project / "bersih", use_cache=False))
        assert not clean.diagnostics.errors
        assert tree_hashes(project / "build") == tree_hashes(project / "bersih")
    finally:
        observer.stop()
        observer.join()


def test_a_previews_search_index_build_counts_the_pages_its_pages_first_build_made(project: Path) -> None:
    """After a data edit, ``serve``'s pages-first build renders the pages above the reports again (home, portal,
    comparisons show its figures); the search-index build that follows takes them kept, without asking the memo.
    What it records as used (the roots a later build prunes by, ``Memo.prune``) must still name their entries:
    they were left out, and a prune an hour later removed the working set of a running preview. The roots equal
    those of a build of the same sources into an empty cache."""
    session = Session()
    build(options(project), session=session)
    edit(project / "content" / "laporan" / SLUG / "data" / "indikator.yaml", "82.5", "78.5")
    assert build(options(project, search_index=False), session=session).rendered
    build(options(project), session=session)
    roots = project / ".cache" / f"halaman-v{MEMO_FORMAT}" / memo_mod.ROOTS_DIR / options(project).variant
    used = roots.read_text(encoding="ascii").split()
    shutil.move(project / ".cache", project / "cache-lama")
    build(replace(options(project), output=project / "bersih"))
    assert sorted(used) == sorted(roots.read_text(encoding="ascii").split())


def test_a_previews_roots_are_those_of_a_cold_build_after_chapter_and_data_saves(project: Path) -> None:
    """What a preview's builds record as used (the roots every later build prunes the cache by, ``Memo.prune``)
    must be what its sources need, no less and no more: each memo's roots after a chapter save and two data saves
    equal those of a build of the same sources into an empty cache. Found wanting: the data files' entries of the
    reports the preview did not read again were missing (a prune removed them), and the tables' and charts' memos,
    which live as long as the preview, named every table and chart the session had made, so what its saves
    superseded was never removed."""
    assert new_report(project, "lain-2023", instansi="Kecamatan Lain") == 0
    session = Session()
    build(options(project), session=session)
    data = project / "content" / "laporan" / "lain-2023" / "data" / "indikator.yaml"
    saves = [(project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md", "Tuliskan latar belakang", "Diubah"),
             (data, "82.5", "78.5"), (data, "78.5", "70.5")]
    for path, old, new in saves:
        edit(path, old, new)
        assert build(options(project, search_index=False), session=session).rendered
        build(options(project), session=session)

    def roots() -> dict[str, list[str]]:
        return {ns: sorted((project / ".cache" / f"{ns}-v{MEMO_FORMAT}" / memo_mod.ROOTS_DIR / options(project).variant)
                           .read_text(encoding="ascii").split()) for ns in ("yaml", "tabel", "grafik", "halaman",
                                                                           "audit", "pagefind")}

    used = roots()
    assert all(used.values())
    shutil.move(project / ".cache", project / "cache-lama")
    build(replace(options(project), output=project / "bersih"))
    assert used == roots()


def test_a_file_still_being_written_is_not_built_until_it_is_closed(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``serve`` rebuilds a moment after a save that closed its file, but never while a file is still open for
    writing (an editor or a sync client writing in steps): a build then would read half a file.

    The quiet period is made long here (2 s) so that the test shows which rule decided: built right after the close
    (not 2 s later, not before it)."""
    monkeypatch.setattr(serve_mod, "QUIET_S", 2.0)
    chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    text = chapter.read_text(encoding="utf-8")
    preview = Preview(project)
    observer = watch(project, preview)
    try:
        with chapter.open("w", encoding="utf-8") as handle:  # the first half is on disk, the file still open
            handle.write(text[: len(text) // 2])
            handle.flush()
            start = time.monotonic()
            closer = threading.Timer(0.6, handle.close)
            closer.start()
            assert preview.wait_for_change(timeout=10)
            waited = time.monotonic() - start
            closer.join()
        assert waited >= 0.6, f"dibangun {waited:.2f} s setelah mulai menulis, sebelum berkas ditutup"
        assert waited < 1.8, f"menunggu {waited:.2f} s: penutupan berkas tidak dikenali, jeda tenang penuh dipakai"
        chapter.write_text(text, encoding="utf-8")  # one save: opened, written, closed
        start = time.monotonic()
        assert preview.wait_for_change(timeout=10)
        assert time.monotonic() - start < 1.0
        outside = project / "di-luar.md"  # written outside the watched folders, then moved in: reported as created
        outside.write_text(text, encoding="utf-8")  # and never closed, so this one save waits the quiet period
        os.replace(outside, chapter)
        assert preview.wait_for_change(timeout=10)  # the next save, of another file, is not slowed by it:
        other = project / "content" / "laporan" / SLUG / "20-bab-2-perencanaan-kinerja.md"
        other.write_text(other.read_text(encoding="utf-8") + "\nKalimat berikutnya.\n", encoding="utf-8")
        start = time.monotonic()
        assert preview.wait_for_change(timeout=10)
        assert time.monotonic() - start < 1.0
    finally:
        observer.stop()
        observer.join()


def test_a_change_seen_before_a_failed_build_is_still_seen_after_it(project: Path) -> None:
    """A build that fails has taken the watcher's changes; the next one (after the fix) must still look at them."""
    changes = Changes([project / "content"])
    session = Session(watch=changes)
    build(options(project), session=session)
    chapter = project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    edit(chapter, "Tuliskan latar belakang penyusunan laporan.", "Paragraf yang ditulis sebelum galat.")
    changes.add(chapter.resolve())
    data = project / "content" / "laporan" / SLUG / "data" / "indikator.yaml"
    good = data.read_text(encoding="utf-8")
    data.write_text(good.replace("    satuan: indeks\n", "    satuan: [indeks\n", 1), encoding="utf-8")
    changes.add(data.resolve())
    with pytest.raises(ContentError):
        build(options(project), session=session)
    data.write_text(good, encoding="utf-8")
    changes.add(data.resolve())  # only the fix is reported now
    build(options(project), session=session)
    assert "sebelum galat" in (project / "build" / BASE / "bab-1-pendahuluan" / "index.html").read_text("utf-8")
    assert_same_as_clean(project, "build")


def test_stamps_from_a_watchers_changes_equal_a_full_listing(tmp_path: Path) -> None:
    """Given what changed, the stamps are those of listing every file again: same names, hashes and order."""
    folder = tmp_path / "content"
    for rel in ("a.md", "laporan/x/bab.md", "laporan/x/bab.md.lama", "laporan/x/data/d.yaml", "laporan/x/data-lama.yaml",
                "laporan/y/bab.md", "z.md"):  # names that begin like a changed file or folder are not under it
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(rel, encoding="utf-8")
    sources = {"content": folder, "situs.yaml": tmp_path / "situs.yaml"}
    (tmp_path / "situs.yaml").write_text("judul: x\n", encoding="utf-8")
    before = stamp_inputs(sources, {})
    (folder / "laporan/x/bab.md").write_text("diubah, lebih panjang", encoding="utf-8")
    (folder / "laporan/w/data").mkdir(parents=True)
    (folder / "laporan/w/data/baru.yaml").write_text("baru", encoding="utf-8")
    shutil.rmtree(folder / "laporan/y")
    (folder / "laporan/x/data").rename(folder / "laporan/x/data2")
    (folder / "laporan/x/__pycache__").mkdir()
    (folder / "laporan/x/__pycache__/c.pyc").write_bytes(b"\0")
    (tmp_path / "situs.yaml").write_text("judul: berubah\n", encoding="utf-8")  # a file source: always looked at
    seen = [folder / p for p in ("laporan/x/bab.md", "laporan/w", "laporan/w/data/baru.yaml", "laporan/y",
                                 "laporan/x/data", "laporan/x/data2", "laporan/x/__pycache__/c.pyc")]
    hinted = stamp_inputs(sources, before, {folder.resolve(): [p.resolve() for p in seen]})
    full = stamp_inputs(sources, before)
    assert list(hinted.items()) == list(full.items())
    assert "content/laporan/w/data/baru.yaml" in full and "content/laporan/y/bab.md" not in full
    assert "content/laporan/x/bab.md.lama" in full and "content/laporan/x/data-lama.yaml" in full
    assert stamp_inputs(sources, before, {folder.resolve(): []}) != full  # what it is not told, it does not see


def test_a_watched_folder_is_trusted_only_while_its_watch_can_be(tmp_path: Path) -> None:
    content, themes = tmp_path / "content", tmp_path / "themes"
    content.mkdir()
    themes.mkdir()
    (themes / "tautan").symlink_to(tmp_path)  # the watcher does not follow links: listed in full every time
    changes = Changes([content, themes, tmp_path / "arsip"])
    assert changes.folders == {content.resolve()}
    assert changes.by_folder([content.resolve() / "a.md"]) == {content.resolve(): [content.resolve() / "a.md"]}
    assert changes.by_folder([content.resolve()]) == {}  # the folder itself went: its watch is gone for good
    assert changes.by_folder([content.resolve() / "a.md"]) == {}


def test_a_theme_folder_made_while_serving_is_watched_from_then_on(project: Path) -> None:
    """``serve`` started on a site without ``themes/``; the webmaster then makes the folders and saves a stylesheet,
    then saves it again. Each save is seen and the preview shows it, as a clean build does: the watcher used to see
    the folder made (one rebuild) and nothing saved in it after, so the preview kept the shipped theme."""
    assert not (project / "themes").exists()
    preview = Preview(project)
    observer = watch(project, preview)
    shipped = (resources.PACKAGE_THEMES / "default" / "static" / "css" / "site.css").read_text(encoding="utf-8")
    published = project / "build" / "aset" / "css"
    try:
        build(options(project), session=preview.session)
        css = project / "themes" / "default" / "static" / "css" / "site.css"
        css.parent.mkdir(parents=True)
        settled(preview)
        build(options(project), session=preview.session)
        for note in ("/* satu */", "/* dua */"):
            css.write_text(shipped + note + "\n", encoding="utf-8")
            settled(preview)
            build(options(project), session=preview.session)
            assert [p for p in published.glob("site*.css") if note in p.read_text(encoding="utf-8")], note
        assert_same_as_clean(project, "build")
    finally:
        observer.stop()
        observer.join()
