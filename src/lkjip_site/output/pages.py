"""Stage 7, output: every page of the public site, rendered into memory (``{path: bytes}``) from the model.

URLs leave room for versions: ``laporan/<slug>/`` lists the versions of a report and ``laporan/<slug>/<versi>/``
holds one version forever, so publishing a new version never moves an old one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable
from urllib.parse import urlparse

import jinja2
from markupsafe import Markup

from ..compute.summary import key_figures
from ..core.diagnostics import Diagnostics
from ..core.memo import Memo, digest
from ..core.model import Chapter, Report, Site
from ..core.resources import theme_dirs
from ..markdown.directives import Parsed, ParsedChapter, RenderContext
from ..markdown.renderer import render_chapter
from ..markdown.urls import build_link_index, chapter_url
from .changes import ChapterText, VersionData, compare, load_document
from .keys import chapter_key, report_fingerprint, site_fingerprint
from .opendata import JSON_FILE, OpenData, open_data
from .theme import Asset, collect_static, make_env, theme_fingerprint
from .versions import (CHANGES_DIR, OPEN_DATA_DIR, VERSIONS_FILE, SiteHistory, VersionInfo, content_history,
                       versions_json)


def render_site(site: Site, parsed: Parsed, diags: Diagnostics, date: dt.date | None, memo: Memo,
                dev_reload: bool = False, pdfs: dict[str, bytes] | None = None,
                vega_bundle: tuple[str, bytes] | None = None, history: SiteHistory | None = None) -> dict[str, bytes]:
    """All pages; a page whose inputs are unchanged since the last build is taken from ``memo``.

    Versions in ``history.frozen`` are released: their files come from the archive and nothing of them is rendered.
    Every version folder carries its own copy of the theme's static files (``<versi>/aset/``), so a later theme
    change cannot alter how a released version looks; the pages above the versions use ``aset/`` at the site root.
    """
    history = history or content_history(site.reports)
    dirs = theme_dirs(site.root, site.config.tema)
    env = make_env(dirs)
    assets = collect_static(dirs)
    ctx = site_context(site, assets, date, {"dev_reload": dev_reload, "vega_bundle": None})
    files: dict[str, bytes] = {a.path: a.data for a in assets.values()}
    files.update(pdfs or {})
    links = build_link_index(site.reports)
    theme_key = digest(theme_fingerprint(dirs), sorted((k, v.versioned) for k, v in assets.items()),
                       date.isoformat() if date else "", dev_reload, site_fingerprint(site),
                       vega_bundle[0] if vega_bundle else "")
    structure = {r.url: report_fingerprint(r) for r in site.reports}
    for report in site.reports:
        if report.url in history.frozen:
            continue
        local = version_assets(report, assets, vega_bundle)
        files.update({a.path: a.data for a in local.values()})
        vctx = {**ctx, "asset": {k.removeprefix(report.url): v.versioned for k, v in local.items()},
                "vega_bundle": local[report.url + vega_bundle[0]].path if vega_bundle and report.figures else None,
                "versi_json": f"laporan/{report.slug}/{VERSIONS_FILE}", "versi_laporan": report}
        data = open_data(report)
        files.update({f"{report.url}{OPEN_DATA_DIR}/{k}": v for k, v in data.files.items()})
        downloads = _downloads(report, files)
        for pc in parsed.chapters[report.url]:
            rctx = RenderContext(site.config, site.reports, report, pc.chapter, chapter_url(report, pc.chapter), diags,
                                 parsed.registry, env=env, links=links)
            key = chapter_key(pc, rctx, theme_key, structure)
            url = chapter_url(report, pc.chapter) + "index.html"
            files[url] = _memoised(memo, key, url, lambda: _chapter_page(env, parsed, pc, rctx, vctx))
        previous = history.previous.get(report.url)
        key = memo.key("laporan", theme_key, structure[report.url], repr(key_figures(report)),
                       repr(downloads), previous.versi if previous else "")
        files[report.url + "index.html"] = _memoised(memo, key, report.url + "index.html", lambda: render_page(
            env, "report.html", report.url, report=report, downloads=downloads, sebelumnya=previous, **vctx))
        if previous is not None:
            files.update(_changes_page(env, memo, theme_key, report, previous, data, vctx))
        files.update(_report_assets(report))
    files.update(_version_pages(env, memo, theme_key, history, ctx))
    return dict(sorted(files.items()))


def version_assets(report: Report, assets: dict[str, Asset], vega_bundle: tuple[str, bytes] | None) -> dict[str, Asset]:
    """The theme's static files (and the chart bundle, if the report has charts) inside the version's folder.

    Keys are the site-root names (``aset/css/site.css``) prefixed with the version URL, like the file paths.
    """
    local = {report.url + k: Asset(report.url + a.path, a.data) for k, a in assets.items()}
    if vega_bundle is not None and report.figures:
        local[report.url + vega_bundle[0]] = Asset(report.url + vega_bundle[0], vega_bundle[1])
    return local


def _changes_page(env: jinja2.Environment, memo: Memo, theme_key: str, report: Report, previous: VersionData,
                  data: OpenData, ctx: dict[str, Any]) -> dict[str, bytes]:
    """``<versi>/perubahan/``: "Perubahan dari versi X", computed from both versions' open data and chapter text."""
    current = VersionData(report.versi, report.tanggal_terbit, load_document(data.files[JSON_FILE]),
                          [ChapterText(c.id, c.display_title, c.body) for c in report.chapters])
    url = f"{report.url}{CHANGES_DIR}/"
    key = memo.key("perubahan", theme_key, report_fingerprint(report), data.files[JSON_FILE],
                   [(c.id, c.judul, c.body) for c in current.chapters], previous.versi,
                   repr(previous.document), [(c.id, c.judul, c.body) for c in previous.chapters])
    return {url + "index.html": _memoised(memo, key, url + "index.html", lambda: render_page(
        env, "perubahan.html", url, report=report, changes=compare(previous, current), **ctx))}


def _version_pages(env: jinja2.Environment, memo: Memo, theme_key: str, history: SiteHistory,
                   ctx: dict[str, Any]) -> dict[str, bytes]:
    """The pages above the versions: home, 404, each report's landing page and ``versi.json``.

    They are rewritten by every build (they are not part of any version), so they always point to the newest one.
    """
    files: dict[str, bytes] = {}
    newest = [versions[0] for versions in history.versions.values() if versions]
    listing = repr(sorted(history.versions.items()))
    files["index.html"] = _memoised(memo, memo.key("beranda", theme_key, listing), "index.html", lambda: render_page(
        env, "home.html", "", groups=reports_by_year(newest), **ctx))
    files["404.html"] = _memoised(memo, memo.key("404", theme_key), "404.html",
                                  lambda: render_page(env, "404.html", "", **ctx))
    for slug, versions in history.versions.items():
        url = f"laporan/{slug}/"
        key = memo.key("versi", theme_key, repr(versions))
        files[url + "index.html"] = _memoised(memo, key, url + "index.html", lambda: render_page(
            env, "versions.html", url, versions=versions, **ctx))
        files[url + VERSIONS_FILE] = versions_json(slug, versions)
    return files


def _memoised(memo: Memo, key: str | None, name: str, render: Callable[[], bytes]) -> bytes:
    cached = memo.get(key) if key else None
    if cached is not None:
        return cached
    data = render()
    if key:
        memo.put(key, data, name)
    return data


def _chapter_page(env: Any, parsed: Parsed, pc: ParsedChapter, rctx: RenderContext, ctx: dict[str, Any]) -> bytes:
    report, chapter = rctx.report, pc.chapter
    chapter.html = render_chapter(parsed.md, pc, rctx)
    prev, nxt = neighbours(report, chapter)
    return render_page(
        env, "chapter.html", rctx.page_url, report=report, chapter=chapter, body=safe(chapter.html),
        prev=prev, next=nxt, chapter_url=lambda c, r=report: chapter_url(r, c), **ctx,
    )


def _report_assets(report: Report) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for rel, path in sorted(report.assets.items()):
        files[report.url + rel] = path.read_bytes()
    for path in report.data.files:
        files[f"{report.url}data/{path.name}"] = path.read_bytes()
    return files


#: The open-data files offered on the report page, in this order, with what a reader gets.
OPEN_DATA_DOWNLOADS = (
    ("indikator.csv", "Data terbuka — indikator kinerja per tahun", "CSV"),
    ("anggaran.csv", "Data terbuka — anggaran per program, kegiatan, sub kegiatan", "CSV"),
    ("sasaran.csv", "Data terbuka — capaian per sasaran", "CSV"),
    ("angka-kunci.csv", "Data terbuka — angka kunci", "CSV"),
    ("laporan.json", "Data terbuka — semua data hasil hitungan", "JSON"),
    ("datapackage.json", "Data terbuka — deskripsi paket data (Frictionless Data Package)", "JSON"),
)


def _downloads(report: Report, files: dict[str, bytes]) -> list[dict[str, Any]]:
    """The PDF, the open data (the computed numbers) and the source data files of each version."""
    out = []
    pdf = f"{report.url}{pdf_name(report)}"
    if pdf in files:
        out.append({"judul": f"Laporan lengkap (PDF) — {pdf_name(report)}", "url": pdf, "ukuran": len(files[pdf]),
                    "jenis": "PDF"})
    for name, title, kind in OPEN_DATA_DOWNLOADS:
        path = f"{report.url}{OPEN_DATA_DIR}/{name}"
        if path in files:
            out.append({"judul": f"{title} ({name})", "url": path, "ukuran": len(files[path]), "jenis": kind})
    for path in report.data.files:
        out.append({"judul": f"Data sumber — {path.name}", "url": f"{report.url}data/{path.name}",
                    "ukuran": path.stat().st_size, "jenis": path.suffix.lstrip(".").upper()})
    return out


def pdf_name(report: Report) -> str:
    return f"{report.slug}-{report.versi}.pdf"


def reports_by_year(reports: list[VersionInfo]) -> list[tuple[int, list[tuple[str, list[VersionInfo]]]]]:
    """Home page grouping (the newest version of each report): newest year first, then instansi, then period."""
    years: dict[int, dict[str, list[VersionInfo]]] = {}
    for r in reports:
        years.setdefault(r.tahun, {}).setdefault(r.instansi.nama, []).append(r)
    order = {"tahunan": 0, "tw4": 1, "tw3": 2, "tw2": 3, "tw1": 4}
    return [
        (year, [(name, sorted(items, key=lambda r: (order[r.periode], r.versi))) for name, items in sorted(insts.items())])
        for year, insts in sorted(years.items(), reverse=True)
    ]


def neighbours(report: Report, chapter: Chapter) -> tuple[Chapter | None, Chapter | None]:
    idx = report.chapters.index(chapter)
    prev = report.chapters[idx - 1] if idx > 0 else None
    nxt = report.chapters[idx + 1] if idx + 1 < len(report.chapters) else None
    return prev, nxt


def render_page(env: jinja2.Environment, template: str, page_url: str, **context: Any) -> bytes:
    html = env.get_template(template).render(page_url=page_url, **context)
    return html.encode("utf-8")


def safe(html: str) -> Markup:
    """Chapter HTML is produced by our Markdown renderer (raw HTML off by default), so it is trusted here."""
    return Markup(html)


def site_context(site: Site, assets: dict[str, Asset], build_date: Any, extra: dict[str, Any]) -> dict[str, Any]:
    return {
        "site": site.config,
        "base_path": urlparse(site.config.url_dasar).path or "/",
        "key_figures": key_figures,
        "reports": site.reports,
        "asset": {k: v.versioned for k, v in assets.items()},
        "build_date": build_date,
        "versi_json": None,  # version pages: the versions file versi.js reads (see output/versions.py)
        "versi_laporan": None,
        **extra,
    }
