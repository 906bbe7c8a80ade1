"""``lkjip build --pelaksana ADDRESS``: charts, PDFs and report pages made by the workers of a Dask cluster, the
same bytes.

A province portal lends a build the machines of a Dask cluster; what it publishes must not depend on where a chart or
a PDF was made. The cluster here is local (two worker processes), started once for the module; the build with it
uses its own fresh cache, so every chart, PDF and report page really is made on the cluster, which the scheduler's
task stream shows. About 45 s, most of it the two cold builds of the bundled examples.
"""

from __future__ import annotations

import shutil
import socket
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterator

import pytest
from distributed import Client, LocalCluster, get_task_stream

from lkjip_site.build import BuildOptions, build, build_pdf
from lkjip_site.cli.main import EXIT_USAGE, main
from lkjip_site.core import pool
from lkjip_site.core.diagnostics import ContentError
from lkjip_site.core.pool import CarriedFolder, PoolError
from lkjip_site.core.resources import theme_dirs
from lkjip_site.elements.charts.cache import ChartCache
from lkjip_site.output import pages, reportjob, theme
from lkjip_site.output.pdf import layout

from conftest import SLUG, fill_in_site, tree_hashes

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = "pengaron-2024-tw1"


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as local:
        yield local


def test_the_examples_built_on_a_dask_cluster_give_the_same_bytes(epoch: None, cluster: LocalCluster,
                                                                   tmp_path: Path) -> None:
    """The bundled examples, one of them in a second version (so it has a change page): charts, the reports' pages
    (chapters, report pages, the change page) and a PDF are made by the workers; the build machine renders no report
    page itself, and publishes the same bytes, with the same messages, as a local build. The site is built without
    PDFs and one report's PDF made apart (``lkjip pdf``, the same PDF stage), to keep the test short; the whole
    examples with every PDF were compared by hand (docs/dev/dask.md)."""
    root = tmp_path / "situs"
    root.mkdir()
    shutil.copyfile(REPO / "situs.yaml", root / "situs.yaml")
    shutil.copytree(REPO / "content", root / "content")
    fill_in_site(root)  # the examples' sample url_dasar: a release refuses it
    assert main(["terbitkan", EXAMPLE, "--tanpa-pdf", "--situs", str(root)]) == 0  # 1.0 released
    laporan = root / "content" / "laporan" / EXAMPLE / "laporan.yaml"
    laporan.write_text(laporan.read_text("utf-8").replace('versi: "1.0"', 'versi: "1.1"'), "utf-8")
    local = BuildOptions(root=root, output=tmp_path / "lokal", pdf=False)  # charts from the release's cache
    remote = BuildOptions(root=root, output=tmp_path / "dask", cache_dir=tmp_path / "cache-dask", pdf=False,
                          executor=cluster.scheduler_address)
    here = build(local)
    with _no_report_page_rendered_here(), Client(cluster) as client, get_task_stream(client=client) as stream:
        there = build(remote)
        pdf_there = build_pdf(replace(remote, pdf=True), EXAMPLE).data
    assert not here.diagnostics.errors and here.diagnostics.items == there.diagnostics.items
    built = tree_hashes(tmp_path / "lokal")
    released = f"laporan/{EXAMPLE}/1.0/"  # copied from arsip/, not rendered
    report_pages = {p for p in built if p.startswith("laporan/") and p.count("/") >= 3 and p.endswith("index.html")
                    and not p.startswith(released)}
    assert f"laporan/{EXAMPLE}/1.1/perubahan/index.html" in report_pages and len(report_pages) > 20
    assert any("<svg" in (tmp_path / "lokal" / p).read_text("utf-8") for p in report_pages)
    assert tree_hashes(tmp_path / "dask") == built
    assert report_pages <= set(there.rendered)  # rendered for this build (on the workers), so their links checked
    pdf_here = build_pdf(replace(local, pdf=True), EXAMPLE).data
    assert pdf_there == pdf_here and pdf_here.startswith(b"%PDF-")
    batches = [task for task in stream.data if task["key"].startswith("_run_batch")]
    workers = set(cluster.scheduler_info["workers"])
    # At least one batch each of charts, report pages and the PDF, each run by one of the cluster's workers.
    assert len(batches) >= 3 and {task["worker"] for task in batches} <= workers

    # One chapter edited: the other pages come from the memo here, and the cluster gets that chapter's page with its
    # one chart, the change page and the page of the changes since 1.0 (they compare chapter texts); the same bytes
    # as a local rebuild.
    chapter = root / "content" / "laporan" / EXAMPLE / "10-bab-1-pendahuluan.md"
    chapter.write_text(chapter.read_text("utf-8") + "\nSatu kalimat baru untuk uji.\n", "utf-8")
    build(local)
    carried: list[int] = []
    real = ChartCache.carried
    with _no_report_page_rendered_here() as mp:
        mp.setattr(ChartCache, "carried", lambda cache, specs: carried.append(len(specs)) or real(cache, specs))
        again = build(remote)
    assert tree_hashes(tmp_path / "dask") == tree_hashes(tmp_path / "lokal") != built
    version = f"laporan/{EXAMPLE}/1.1/"
    assert set(again.rendered) == {version + "bab-1-pendahuluan/index.html", version + "perubahan/index.html",
                                   f"laporan/{EXAMPLE}/perubahan-sejak/1.0/index.html"}
    assert carried == [1]


def test_a_broken_link_found_on_a_worker_stops_the_build_at_its_line(fresh_project: Path, epoch: None,
                                                                     cluster: LocalCluster) -> None:
    """Links are resolved while a chapter renders, so on the cluster by a worker: its message comes back with the
    pages, at the chapter's line, and stops the build before anything is written, as in a local build."""
    chapter = fresh_project / "content" / "laporan" / SLUG / "10-bab-1-pendahuluan.md"
    text = chapter.read_text("utf-8")
    assert text.count("Tuliskan latar belakang penyusunan laporan.") == 1
    chapter.write_text(text.replace("Tuliskan latar belakang penyusunan laporan.",
                                    "- Lihat [hilang](#tidak-ada)"), "utf-8")
    line = chapter.read_text("utf-8").splitlines().index("- Lihat [hilang](#tidak-ada)") + 1
    with _no_report_page_rendered_here(), pytest.raises(ContentError) as exc:
        build(BuildOptions(root=fresh_project, pdf=False, executor=cluster.scheduler_address))
    [d] = exc.value.diagnostics.errors
    assert (Path(d.file).name, d.line, d.message) == (chapter.name, line,
                                                "tautan '#tidak-ada' menunjuk bagian yang tidak ada di bab ini")
    assert not (fresh_project / "build").exists()


@contextmanager
def _no_report_page_rendered_here() -> Iterator[pytest.MonkeyPatch]:
    """Within this block this process fails on rendering a report's page (the workers import their own modules)."""

    def chapter_page(*args: Any, **kwargs: Any) -> bytes:
        raise AssertionError("halaman bab dirender di mesin build, bukan di worker")

    def render_page(env: Any, template: str, page_url: str, **context: Any) -> bytes:
        assert template not in ("report.html", "perubahan.html"), f"{page_url} dirender di mesin build"
        return theme.render_page(env, template, page_url, **context)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pages, "chapter_page", chapter_page)
        mp.setattr(pages, "render_page", render_page)
        yield mp


def test_report_pages_carry_the_whole_site_only_to_a_theme_that_names_it(tmp_path: Path) -> None:
    """A job carries one report; the whole site's models (every report of the archive) travel with it only when a
    template of the site's theme reads them."""
    default = theme.make_env(theme_dirs(tmp_path, "default"))
    assert reportjob.staying(default) == frozenset({"site_model", "reports"})
    own = tmp_path / "themes" / "default" / "templates"
    own.mkdir(parents=True)
    (own / "chapter.html").write_text("{% for r in reports %}{{ r.judul }}{% endfor %}", "utf-8")
    assert reportjob.staying(theme.make_env(theme_dirs(tmp_path, "default"))) == frozenset({"site_model"})


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_scheduler_is_a_usage_error_and_writes_nothing(fresh_project: Path, epoch: None,
                                                                   monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(pool, "CONNECT_TIMEOUT", 1.0)
    address = f"tcp://127.0.0.1:{_free_port()}"
    assert main(["build", "--situs", str(fresh_project), "--pelaksana", address]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert f"penjadwal Dask di '{address}' tidak dapat dihubungi" in err and "Traceback" not in err
    assert not (fresh_project / "build").exists()


class _Client:
    """Just enough of ``distributed.Client`` for the worker check: one worker with another WeasyPrint."""

    def __init__(self, workers: dict[str, dict[str, str]]):
        self.workers = workers

    def nthreads(self) -> dict[str, int]:
        return {w: 1 for w in self.workers}

    def run(self, fn: Any, names: list[str]) -> dict[str, dict[str, str]]:
        return self.workers


def test_workers_with_other_package_versions_are_refused() -> None:
    here = pool.package_versions(["lkjip-site", "weasyprint"])
    other = {**here, "weasyprint": "0.1"}
    pool._check_workers(_Client({"tcp://a:1": here}), "tcp://s:8786", ["lkjip-site", "weasyprint"])
    with pytest.raises(PoolError, match=rf"tcp://b:1: weasyprint 0.1 \(di sini {here['weasyprint']}\)"):
        pool._check_workers(_Client({"tcp://a:1": here, "tcp://b:1": other}), "tcp://s:8786",
                            ["lkjip-site", "weasyprint"])
    with pytest.raises(PoolError, match="belum punya worker"):
        pool._check_workers(_Client({}), "tcp://s:8786", ["lkjip-site"])


def test_a_pdf_job_reads_the_bytes_it_carries_not_the_disk(tmp_path: Path) -> None:
    """A worker on another machine has no such folder: the fetcher serves what the job carries, and only that."""
    gone = tmp_path / "tidak-ada-di-worker"
    fetcher = layout.make_url_fetcher([gone], files={str(gone / "gaya.css"): b"p{}"})
    assert fetcher((gone / "gaya.css").as_uri()).read() == b"p{}"
    assert fetcher((gone / "sub" / ".." / "gaya.css").as_uri()).read() == b"p{}"
    for url in ((gone / "lain.css").as_uri(), "https://example.com/a.css"):
        with pytest.raises(ValueError):
            fetcher(url)


def test_a_carried_folder_is_written_again_where_the_job_runs(tmp_path: Path) -> None:
    folder = tmp_path / "fonta"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.ttf").write_bytes(b"\x00\x01")
    (folder / "sub" / "b.ttf").write_bytes(b"\x02")
    carried = CarriedFolder.of(folder)
    written = carried.materialise()
    assert written != folder and tree_hashes(written) == tree_hashes(folder)
    assert carried.materialise() == written  # content-addressed: written once per machine
