"""Stage 7b: every page of the public site, rendered into memory from the model.

URLs leave room for versions: ``laporan/<slug>/`` lists the versions of a report and ``laporan/<slug>/<versi>/``
holds one version forever, so publishing a new version never moves an old one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from .errors import Diagnostics
from .markdown import (
    Parsed, ParsedChapter, RenderContext, build_link_index, chapter_url, iter_roles, linked_reports, render_chapter,
)
from .model import Report, Site
from .render import (
    Asset, collect_static, latest_versions, make_env, neighbours, render_page, reports_by_year, safe, site_context,
    theme_dirs,
)
from . import stages
from .cache import Memo, digest
from .stages import values_resolver


def render_site(site: Site, parsed: Parsed, diags: Diagnostics, date: dt.date | None, memo: Memo,
                dev_reload: bool = False, pdfs: dict[str, bytes] | None = None,
                vega_bundle: tuple[str, bytes] | None = None) -> dict[str, bytes]:
    """All pages; a page whose inputs are unchanged since the last build is taken from ``memo``."""
    dirs = theme_dirs(site.root, site.config.tema)
    env = make_env(dirs)
    assets = collect_static(dirs)
    if vega_bundle is not None:
        assets[vega_bundle[0]] = Asset(vega_bundle[0], vega_bundle[1])
    ctx = site_context(site, assets, date, {"dev_reload": dev_reload,
                                            "vega_bundle": vega_bundle[0] if vega_bundle else None})
    files: dict[str, bytes] = {a.path: a.data for a in assets.values()}
    files.update(pdfs or {})
    links = build_link_index(site.reports)
    values = values_resolver(site)
    theme_key = digest(theme_fingerprint(dirs), sorted((k, v.versioned) for k, v in assets.items()),
                       date.isoformat() if date else "", dev_reload, site_fingerprint(site))
    structure = {r.url: report_fingerprint(r) for r in site.reports}
    everything = digest(sorted(structure.items()))
    for report in site.reports:
        downloads = _downloads(report, files)
        for pc in parsed.chapters[report.url]:
            rctx = RenderContext(site.config, site.reports, report, pc.chapter, chapter_url(report, pc.chapter), diags,
                                 parsed.registry, values=values, env=env, links=links)
            key = chapter_key(pc, rctx, theme_key, structure)
            url = chapter_url(report, pc.chapter) + "index.html"
            files[url] = _memoised(memo, key, url, lambda: _chapter_page(env, parsed, pc, rctx, ctx))
        key = memo.key("laporan", theme_key, structure[report.url], repr(stages.key_figures(report)),
                       repr(downloads))
        files[report.url + "index.html"] = _memoised(memo, key, report.url + "index.html", lambda: render_page(
            env, "report.html", report.url, report=report, downloads=downloads, **ctx))
        files.update(_report_assets(report))
    key = memo.key("beranda", theme_key, everything)
    files["index.html"] = _memoised(memo, key, "index.html", lambda: render_page(
        env, "home.html", "", groups=reports_by_year(site.reports), **ctx))
    files["404.html"] = _memoised(memo, memo.key("404", theme_key), "404.html",
                                  lambda: render_page(env, "404.html", "", **ctx))
    for slug, versions in latest_versions(site.reports).items():
        url = f"laporan/{slug}/"
        key = memo.key("versi", theme_key, [structure[v.url] for v in versions])
        files[url + "index.html"] = _memoised(memo, key, url + "index.html", lambda: render_page(
            env, "versions.html", url, versions=versions, **ctx))
    return dict(sorted(files.items()))


def _memoised(memo: Memo, key: str | None, name: str, render: Callable[[], bytes]) -> bytes:
    cached = memo.get(key) if key else None
    if cached is not None:
        return cached
    data = render()
    if key:
        memo.put(key, data, name)
    return data


def theme_fingerprint(dirs: list[Any], parts: tuple[str, ...] = ("templates",)) -> str:
    """Hash of a theme's files (path inside the theme and bytes): a template change re-renders what uses it."""
    return digest([(str(p.relative_to(d)), p.read_bytes()) for d in dirs for sub in parts
                   for p in sorted((d / sub).rglob("*")) if p.is_file()])


def _chapter_page(env: Any, parsed: Parsed, pc: ParsedChapter, rctx: RenderContext, ctx: dict[str, Any]) -> bytes:
    report, chapter = rctx.report, pc.chapter
    chapter.html = render_chapter(parsed.md, pc, rctx)
    prev, nxt = neighbours(report, chapter)
    return render_page(
        env, "chapter.html", rctx.page_url, report=report, chapter=chapter, body=safe(chapter.html),
        prev=prev, next=nxt, chapter_url=lambda c, r=report: chapter_url(r, c), **ctx,
    )


def site_fingerprint(site: Site) -> str:
    c = site.config
    return digest(c.judul, c.pemda, c.url_dasar, c.tema, c.label_gambar, c.html_mentah, c.skala_predikat)


def report_fingerprint(report: Report) -> str:
    """What other pages show of a report: metadata, chapter titles and anchors, numbered items."""
    return digest(
        report.url, report.judul, report.periode, report.tahun, str(report.tanggal_terbit), report.catatan_versi,
        repr(report.instansi), report.tempat_ttd, str(report.tanggal_ttd),
        [(c.id, c.display_title, c.ringkasan, sorted(c.anchors), c.toc) for c in report.chapters],
        [repr(i) for i in [*report.tables, *report.figures]],
    )


def chapter_key(pc: ParsedChapter, rctx: RenderContext, theme_key: str, structure: dict[str, str]) -> str | None:
    """Everything a chapter page shows: its text, the tables/charts/values it uses, its report's structure.

    Returns None (always render) when a value cannot be resolved, so the renderer reports the error.
    """
    parts: list[Any] = [theme_key, pc.chapter.body, repr(sorted(pc.chapter.front.items())),
                        structure[rctx.report.url]]
    for d in pc.directives:
        parts.append(d.fingerprint())
    for role, target in iter_roles(pc.tokens):
        if role == "nilai":
            try:
                parts.append((target, rctx.values(rctx.report, target) if rctx.values else target))
            except LookupError:
                return None
    for url in sorted(linked_reports(pc, rctx)):
        parts.append(structure.get(url, ""))
    return digest(*parts)


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


__all__ = ["render_site", "Asset", "pdf_name"]
