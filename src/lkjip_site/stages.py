"""Glue between the build and the domain modules (compute/check, tables, charts, PDF).

Kept apart so ``build.py`` reads as a list of stages and each domain module stays free of build concerns.
"""

from __future__ import annotations

import os
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .errors import Diagnostics
from .markdown import Parsed, Registry
from .model import Report, Site

if TYPE_CHECKING:
    from .cache import Memo


def compute_site(site: Site, diags: Diagnostics) -> None:
    """Stage 4: derive every number once per report and record what ``check`` finds."""
    from . import check, compute

    names = sorted({r.instansi.nama for r in site.reports})
    for report in site.reports:
        report.computed = compute.compute_report(report, site.config.scales, site.config.skala_predikat)
        for finding in check.check_report(report, report.computed, names):
            if finding.severity == "error":
                diags.error(finding.loc, finding.message)
            else:
                diags.warn(finding.loc, finding.message)


def make_registry(site: Site, cache_root: Path, remember: bool = True) -> Registry:
    """Every ``{tabel}`` and ``{grafik}`` kind the Markdown stage knows."""
    from . import figures, tables
    from .render import theme_dirs

    from .cache import Memo, digest

    registry = Registry()
    site_key = digest(repr(sorted(site.config.scales.items())), site.config.skala_predikat)
    tables.register(registry, Memo(cache_root if remember else None, "tabel"), site_key)
    fonts = next((d / "static" / "fonts" for d in theme_dirs(site.root, site.config.tema)
                  if (d / "static" / "fonts" / figures.FONT_SOURCES[0]).is_file()), None)
    if fonts is not None:
        figures.register(registry, cache_root, fonts, remember)
    return registry


def values_resolver(site: Site) -> Callable[[Report, str], str]:
    """``{nilai}`path``` in narrative: the same computed value and formatting as in the tables."""
    from . import compute

    def resolve(report: Report, path: str) -> str:
        ref = compute.lookup(report.computed, path)
        if ref.reason:
            return f'<span class="na" title="{escape(ref.reason)}">{escape(ref.formatted())}</span>'
        return escape(ref.formatted())

    return resolve


def key_figures(report: Report) -> list[tuple[str, str, str]]:
    """The handful of numbers a citizen looks for first, all from the computed model."""
    from . import fmt

    c = report.computed
    if c is None:
        return []
    out: list[tuple[str, str, str]] = []
    if c.rata_rata is not None:
        label = c.predikat_rata_rata.label if c.predikat_rata_rata else ""
        out.append(("Rata-rata capaian kinerja", fmt.fmt_percent(c.rata_rata), label))
    measured = [i for i in c.indikator.values() if i.capaian.value is not None]
    if measured:
        reached = sum(1 for i in measured if i.capaian.value >= 100)
        out.append(("Indikator mencapai target", f"{reached} dari {len(measured)}", "capaian ≥ 100 %"))
    if c.anggaran is not None:
        out.append(("Pagu anggaran", fmt.fmt_rupiah(c.anggaran.total.pagu), ""))
        if c.anggaran.total.serapan is not None:
            out.append(("Serapan anggaran", fmt.fmt_percent(c.anggaran.total.serapan), "realisasi ÷ pagu"))
    if c.ikm is not None:
        out.append(("Indeks Kepuasan Masyarakat", fmt.fmt_number(c.ikm.nilai), f"mutu {c.ikm.mutu}"))
    return out


def render_pdfs(site: Site, parsed: Parsed, diags: Diagnostics, memo: "Memo",
                only: set[str] | None = None) -> dict[str, bytes]:
    """One PDF per report version, from the same parsed chapters and computed model as the site.

    A PDF whose inputs (chapter keys, print templates and stylesheet, fonts, images, attached data files, date)
    are unchanged is taken from the memo; the others are laid out in parallel worker processes.
    """
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    from . import pdf
    from .cache import digest, file_digest
    from .markdown import RenderContext, build_link_index, chapter_url, render_chapter
    from .pages import chapter_key, pdf_name, report_fingerprint, site_fingerprint, theme_fingerprint
    from .render import make_env, theme_dirs

    dirs = theme_dirs(site.root, site.config.tema)
    env = make_env(dirs)
    links = build_link_index(site.reports)
    values = values_resolver(site)
    theme_key = digest(theme_fingerprint(dirs, ("templates", "static")), os.environ.get("SOURCE_DATE_EPOCH", ""),
                       site_fingerprint(site))
    structure = {r.url: report_fingerprint(r) for r in site.reports}
    out: dict[str, bytes] = {}
    todo: list[tuple[str, str, "pdf.PdfJob"]] = []
    for report in site.reports:
        if only is not None and report.slug not in only:
            continue
        contexts = [(pc, RenderContext(site.config, site.reports, report, pc.chapter, chapter_url(report, pc.chapter),
                                       diags, parsed.registry, values=values, env=env, links=links, pdf=True))
                    for pc in parsed.chapters[report.url]]
        keys = [chapter_key(pc, ctx, theme_key, structure) for pc, ctx in contexts]
        path = report.url + pdf_name(report)
        key = None if None in keys else memo.key(
            "pdf", keys, structure[report.url], [file_digest(f) for f in report.data.files],
            sorted((rel, file_digest(f)) for rel, f in report.assets.items()))
        cached = memo.get(key) if key else None
        if cached is not None:
            out[path] = cached
            continue
        html = {pc.chapter.id: render_chapter(parsed.md, pc, ctx) for pc, ctx in contexts}
        job = pdf.prepare_pdf(report, site.config, env, report.data.files, report.folder, html)
        todo.append((path, key or "", job))
    if diags.errors:
        return out
    workers = min(len(todo), os.cpu_count() or 1)
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
            results = list(pool.map(pdf.render_job_bytes, [job for _, _, job in todo]))
    else:
        results = [pdf.render_job_bytes(job) for _, _, job in todo]
    for (path, key, _job), (data, _pages, _resources, refused) in zip(todo, results):
        for url in refused:
            diags.warn((path, 1), f"PDF: sumber '{url}' ditolak (bukan berkas lokal di folder laporan atau tema)")
        out[path] = data
        if key:
            memo.put(key, data, path)
    return dict(sorted(out.items()))
