"""Stage 7: the one Jinja environment and the site's pages, rendered into memory.

Pages are returned as ``{path: bytes}``; ``publish`` writes them. Templates come from the site's theme folder first
and the default theme second (a ChoiceLoader), so a site overrides any template by putting one with the same name in
``themes/<tema>/templates``. Autoescape is on: content reaches templates as data, never as code.
"""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable

import jinja2
from markupsafe import Markup

from . import fmt
from .model import Chapter, Report, Site

PACKAGE_THEMES = Path(__file__).resolve().parent.parent.parent / "themes"


def theme_dirs(root: Path, theme: str) -> list[Path]:
    """Site theme first, then the default theme; both may live in the project's ``themes/``."""
    dirs = []
    for base in (root / "themes", PACKAGE_THEMES):
        for name in (theme, "default"):
            candidate = (base / name).resolve()
            if candidate.is_dir() and candidate not in dirs:
                dirs.append(candidate)
    return dirs


def relative_url(page_url: str, target: str) -> str:
    """A link from ``page_url`` to ``target`` (both site-root-relative), so the site works under any base path."""
    base = posixpath.dirname(page_url.rstrip("/") + "/x") if page_url else "."
    if page_url and not page_url.endswith("/"):
        base = posixpath.dirname(page_url)
    rel = posixpath.relpath(target or ".", base or ".")
    if (target.endswith("/") or not target) and not rel.endswith("/"):
        rel += "/"
    return rel


@jinja2.pass_context
def _url(context: Any, target: str) -> str:
    return relative_url(context.get("page_url", ""), target)


def _percent(value: Any) -> str:
    return "–" if value is None else fmt.fmt_percent(value)


def _number(value: Any, decimals: int = 2) -> str:
    return "–" if value is None else fmt.fmt_number(value, decimals)


def _filesize(size: int) -> str:
    """File sizes the way Indonesian readers expect them: "1,2 MB"."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{fmt.fmt_number(Decimal(size) / 1024, 1)} KB"
    return f"{fmt.fmt_number(Decimal(size) / (1024 * 1024), 1)} MB"


def make_env(dirs: Iterable[Path]) -> jinja2.Environment:
    """The single Jinja environment factory (site pages, tables, PDF all use it)."""
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(d / "templates")) for d in dirs])
    env = jinja2.Environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        tanggal=fmt.fmt_date,
        angka=_number,
        bulat=fmt.fmt_int,
        persen=_percent,
        rupiah=fmt.fmt_rupiah,
        romawi=fmt.roman,
        ukuran=_filesize,
        nilai=fmt.fmt_value,
    )
    env.globals["url"] = _url
    return env


@dataclass
class Asset:
    """A static file: its output path and bytes, with a short content hash for cache-busting URLs."""

    path: str
    data: bytes

    @property
    def versioned(self) -> str:
        return f"{self.path}?v={hashlib.sha256(self.data).hexdigest()[:10]}"


def collect_static(dirs: list[Path]) -> dict[str, Asset]:
    """Theme static files under ``aset/``; the first theme that has a file wins (site overrides default)."""
    out: dict[str, Asset] = {}
    for d in dirs:
        static = d / "static"
        if not static.is_dir():
            continue
        for path in sorted(static.rglob("*")):
            if path.is_file():
                rel = "aset/" + path.relative_to(static).as_posix()
                out.setdefault(rel, Asset(rel, path.read_bytes()))
    return dict(sorted(out.items()))


def reports_by_year(reports: list[Report]) -> list[tuple[int, list[tuple[str, list[Report]]]]]:
    """Home page grouping: newest year first, then instansi alphabetically, then period and version."""
    years: dict[int, dict[str, list[Report]]] = {}
    for r in reports:
        years.setdefault(r.tahun, {}).setdefault(r.instansi.nama, []).append(r)
    order = {"tahunan": 0, "tw4": 1, "tw3": 2, "tw2": 3, "tw1": 4}
    return [
        (year, [(name, sorted(items, key=lambda r: (order[r.periode], r.versi))) for name, items in sorted(insts.items())])
        for year, insts in sorted(years.items(), reverse=True)
    ]


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


def render_page(env: jinja2.Environment, template: str, page_url: str, **context: Any) -> bytes:
    html = env.get_template(template).render(page_url=page_url, **context)
    return html.encode("utf-8")


def safe(html: str) -> Markup:
    """Chapter HTML is produced by our Markdown renderer (raw HTML off by default), so it is trusted here."""
    return Markup(html)


def site_context(site: Site, assets: dict[str, Asset], build_date: Any, extra: dict[str, Any]) -> dict[str, Any]:
    from urllib.parse import urlparse

    from .stages import key_figures

    return {
        "site": site.config,
        "base_path": urlparse(site.config.url_dasar).path or "/",
        "key_figures": key_figures,
        "reports": site.reports,
        "asset": {k: v.versioned for k, v in assets.items()},
        "build_date": build_date,
        **extra,
    }
