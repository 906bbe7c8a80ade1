"""Stage 7b: every page of the public site, rendered into memory from the model.

URLs leave room for versions: ``laporan/<slug>/`` lists the versions of a report and ``laporan/<slug>/<versi>/``
holds one version forever, so publishing a new version never moves an old one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .errors import Diagnostics
from .markdown import Parsed, RenderContext, build_link_index, chapter_url, render_chapter
from .model import Report, Site
from .render import (
    Asset, collect_static, latest_versions, make_env, neighbours, render_page, reports_by_year, safe, site_context,
    theme_dirs,
)
from .stages import values_resolver


def render_site(site: Site, parsed: Parsed, diags: Diagnostics, date: dt.date | None,
                dev_reload: bool = False) -> dict[str, bytes]:
    dirs = theme_dirs(site.root, site.config.tema)
    env = make_env(dirs)
    assets = collect_static(dirs)
    ctx = site_context(site, assets, date, {"dev_reload": dev_reload})
    files: dict[str, bytes] = {a.path: a.data for a in assets.values()}
    links = build_link_index(site.reports)
    for report in site.reports:
        for pc in parsed.chapters[report.url]:
            rctx = RenderContext(site.config, site.reports, report, pc.chapter, chapter_url(report, pc.chapter), diags,
                                 parsed.registry, values=values_resolver(site), env=env, links=links)
            pc.chapter.html = render_chapter(parsed.md, pc, rctx)
    files["index.html"] = render_page(env, "home.html", "", groups=reports_by_year(site.reports), **ctx)
    files["404.html"] = render_page(env, "404.html", "", **ctx)
    for slug, versions in latest_versions(site.reports).items():
        url = f"laporan/{slug}/"
        files[url + "index.html"] = render_page(env, "versions.html", url, versions=versions, **ctx)
    for report in site.reports:
        files.update(_report_files(env, report, ctx, site))
    return dict(sorted(files.items()))


def _report_files(env: Any, report: Report, ctx: dict[str, Any], site: Site) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    downloads = _downloads(report, site)
    files[report.url + "index.html"] = render_page(env, "report.html", report.url, report=report,
                                                   downloads=downloads, **ctx)
    for chapter in report.chapters:
        url = chapter_url(report, chapter)
        prev, nxt = neighbours(report, chapter)
        files[url + "index.html"] = render_page(
            env, "chapter.html", url, report=report, chapter=chapter, body=safe(chapter.html),
            prev=prev, next=nxt, chapter_url=lambda c, r=report: chapter_url(r, c), **ctx,
        )
    for rel, path in sorted(report.assets.items()):
        files[report.url + rel] = path.read_bytes()
    for path in report.data.files:
        files[f"{report.url}data/{path.name}"] = path.read_bytes()
    return files


def _downloads(report: Report, site: Site) -> list[dict[str, Any]]:
    """Source data files are published next to each version (open data: the numbers behind every table)."""
    return [
        {"judul": path.name, "url": f"{report.url}data/{path.name}", "ukuran": path.stat().st_size,
         "jenis": path.suffix.lstrip(".").upper()}
        for path in report.data.files
    ]


__all__ = ["render_site", "Asset"]
