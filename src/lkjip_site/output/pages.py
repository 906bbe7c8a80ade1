"""Stage 7, output: every page of the public site, rendered into memory (``{path: bytes}``) from the model.

URLs leave room for versions: ``laporan/<slug>/`` lists the versions of a report and ``laporan/<slug>/<versi>/``
holds one version forever, so publishing a new version never moves an old one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlparse

from markupsafe import Markup

from ..compute.scales import NA_CLASS
from ..compute.summary import key_figures
from ..core.diagnostics import Diagnostics
from ..core.memo import Memo, digest
from ..core.model import Chapter, Report, Site
from ..core.resources import theme_dirs
from ..elements.charts.cache import ChartCache
from ..elements.charts.svg import ENGINE_VERSION
from ..markdown.directives import Parsed, ParsedChapter, RenderContext
from ..markdown.renderer import render_chapter
from ..markdown.urls import build_link_index, chapter_url
from .keys import chapter_key, report_fingerprint, site_fingerprint
from .csp import HEADERS_FILE, META_POLICY, headers_file
from .discovery import (FEED, ROBOTS, SITEMAP, atom_feed, canonical_path, describe_chapter, describe_report,
                        newest_by_slug, page_meta, reports_by_year, robots_txt, sitemap_entries, sitemap_xml)
from .portal import by_instansi, by_year, compared, render_portal
from .search import render_search
from .theme import Asset, collect_static, colour_stylesheet, make_env, memoised, render_page, theme_fingerprint

COLOURS_CSS = "aset/css/warna.css"


def render_site(site: Site, parsed: Parsed, diags: Diagnostics, date: dt.date | None, memo: Memo,
                dev_reload: bool = False, pdfs: dict[str, bytes] | None = None,
                vega_bundle: tuple[str, bytes] | None = None, charts: ChartCache | None = None) -> dict[str, bytes]:
    """All pages; a page whose inputs are unchanged since the last build is taken from ``memo``."""
    dirs = theme_dirs(site.root, site.config.tema)
    env = make_env(dirs)
    assets = collect_static(dirs)
    if vega_bundle is not None:
        assets[vega_bundle[0]] = Asset(vega_bundle[0], vega_bundle[1])
    assets[COLOURS_CSS] = Asset(COLOURS_CSS, colour_stylesheet(predikat_colours(site)))
    ctx = site_context(site, assets, date, {"dev_reload": dev_reload,
                                            "vega_bundle": vega_bundle[0] if vega_bundle else None})
    files: dict[str, bytes] = {a.path: a.data for a in assets.values()}
    files[HEADERS_FILE] = headers_file()
    files.update(pdfs or {})
    links = build_link_index(site.reports)
    theme_key = digest(theme_fingerprint(dirs), sorted((k, v.versioned) for k, v in assets.items()),
                       date.isoformat() if date else "", dev_reload, site_fingerprint(site), ENGINE_VERSION)
    structure = {r.url: report_fingerprint(r) for r in site.reports}
    everything = digest(sorted(structure.items()))
    newest = newest_by_slug(site.reports)
    for report in site.reports:
        top = newest[report.slug]
        version = {"terbaru": top is report, "versi_terbaru": top}
        pdf = report.url + pdf_name(report) if report.url + pdf_name(report) in files else None
        downloads = _downloads(report, files)
        for pc in parsed.chapters[report.url]:
            rctx = RenderContext(site.config, site.reports, report, pc.chapter, chapter_url(report, pc.chapter), diags,
                                 parsed.registry, env=env, links=links)
            meta = page_meta(site, f"{pc.chapter.display_title} — {report.judul}",
                             describe_chapter(report, pc.chapter), rctx.page_url,
                             canonical_path(report, top, pc.chapter), "article", pdf)
            key = chapter_key(pc, rctx, digest(theme_key, repr(meta), structure[top.url]), structure)
            url = chapter_url(report, pc.chapter) + "index.html"
            files[url] = memoised(memo, key, url, lambda: _chapter_page(
                env, parsed, pc, rctx, {**ctx, **version, "meta": meta}))
        meta = page_meta(site, report.judul, describe_report(report), report.url, canonical_path(report, top),
                         "article", pdf)
        key = memo.key("laporan", theme_key, structure[report.url], repr(key_figures(report)),
                       repr(downloads), repr(meta), structure[top.url])
        files[report.url + "index.html"] = memoised(memo, key, report.url + "index.html", lambda: render_page(
            env, "report.html", report.url, report=report, downloads=downloads, meta=meta, **version, **ctx))
        files.update(_report_assets(report))
    rows = compared(site)
    meta = page_meta(site, site.config.judul, f"{site.config.judul} — {site.config.pemda}: laporan kinerja instansi "
                     "pemerintah per tahun dan instansi, dengan angka yang dihitung dari data sumber.", "")
    key = memo.key("beranda", theme_key, everything)
    files["index.html"] = memoised(memo, key, "index.html", lambda: render_page(
        env, "home.html", "", groups=reports_by_year(site.reports), years=sorted(by_year(rows), reverse=True),
        instansi=by_instansi(rows), meta=meta, **ctx))
    meta = page_meta(site, f"Halaman tidak ditemukan — {site.config.judul}", "Halaman tidak ditemukan.", "404.html")
    files["404.html"] = memoised(memo, memo.key("404", theme_key), "404.html",
                                  lambda: render_page(env, "404.html", "", meta=meta, **ctx))
    for slug, versions in latest_versions(site.reports).items():
        url = f"laporan/{slug}/"
        meta = page_meta(site, f"{versions[0].judul} — semua versi", describe_report(versions[0]), url)
        key = memo.key("versi", theme_key, [structure[v.url] for v in versions], repr(meta))
        files[url + "index.html"] = memoised(memo, key, url + "index.html", lambda: render_page(
            env, "versions.html", url, versions=versions, meta=meta, **ctx))
    portal = render_portal(env, ctx, rows, charts, memo, theme_key)
    search = render_search(site, env, ctx, memo, theme_key)
    files.update(portal)
    files.update(search)
    extra = sorted(p.removesuffix("index.html") for p in portal)
    files[SITEMAP] = sitemap_xml(site, sitemap_entries(site, extra))
    files[FEED] = atom_feed(site, {r.url: r.url + pdf_name(r) for r in site.reports
                                   if r.url + pdf_name(r) in files})
    files[ROBOTS] = robots_txt(site)
    return dict(sorted(files.items()))


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


def _downloads(report: Report, files: dict[str, bytes]) -> list[dict[str, Any]]:
    """The PDF and the source data files of each version (open data: the numbers behind every table)."""
    out = []
    pdf = f"{report.url}{pdf_name(report)}"
    if pdf in files:
        out.append({"judul": f"Laporan lengkap (PDF) — {pdf_name(report)}", "url": pdf, "ukuran": len(files[pdf]),
                    "jenis": "PDF"})
    for path in report.data.files:
        out.append({"judul": f"Data sumber — {path.name}", "url": f"{report.url}data/{path.name}",
                    "ukuran": path.stat().st_size, "jenis": path.suffix.lstrip(".").upper()})
    return out


def pdf_name(report: Report) -> str:
    return f"{report.slug}-{report.versi}.pdf"


def latest_versions(reports: list[Report]) -> dict[str, list[Report]]:
    """All versions of each report slug, newest publication first."""
    out: dict[str, list[Report]] = {}
    for r in reports:
        out.setdefault(r.slug, []).append(r)
    return {k: sorted(v, key=lambda r: (r.tanggal_terbit, r.versi), reverse=True) for k, v in sorted(out.items())}


def neighbours(report: Report, chapter: Chapter) -> tuple[Chapter | None, Chapter | None]:
    idx = report.chapters.index(chapter)
    prev = report.chapters[idx - 1] if idx > 0 else None
    nxt = report.chapters[idx + 1] if idx + 1 < len(report.chapters) else None
    return prev, nxt


def safe(html: str) -> Markup:
    """Chapter HTML is produced by our Markdown renderer (raw HTML off by default), so it is trusted here."""
    return Markup(html)


def predikat_colours(site: Site) -> set[str]:
    """Every colour a predikat badge can take: the classes of each report's scale, and the 'not assessable' grey."""
    colours = {NA_CLASS.warna}
    for report in site.reports:
        if report.computed is not None:
            colours.update(c.warna for c in report.computed.scale.classes if c.warna)
    return colours


def site_context(site: Site, assets: dict[str, Asset], build_date: Any, extra: dict[str, Any]) -> dict[str, Any]:
    return {
        "site": site.config,
        "site_model": site,
        "base_path": urlparse(site.config.url_dasar).path or "/",
        "key_figures": key_figures,
        "reports": site.reports,
        "asset": {k: v.versioned for k, v in assets.items()},
        "build_date": build_date,
        "csp": META_POLICY,
        **extra,
    }
