"""Stage 7, output: one PDF per report version, from the same parsed chapters and computed model as the site.

A PDF whose inputs (chapter keys, print templates and stylesheet, fonts, images, attached data files, date) are
unchanged is taken from the memo; the others are laid out in parallel worker processes.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any, Mapping

from ..core.diagnostics import Diagnostics
from ..core.memo import Memo, digest, file_digest
from ..core.model import Report, Site
from ..core.pool import map_in_processes
from ..core.resources import theme_dirs
from ..core.state import Stat, scan
from ..markdown.directives import Parsed, RenderContext
from ..markdown.parser import note_line
from ..markdown.renderer import render_chapter
from ..markdown.urls import build_link_index, chapter_url
from .audit import Shown, marks_in_html
from .keys import chapter_key, chapter_shows, report_fingerprint, site_fingerprint
from .opendata import open_data
from .pages import pdf_name
from .pdf.document import LaidAfterRelease, PdfError, PdfJob, prepare_pdf
from .pdf.fonts import WebFonts
from .pdf.job import Laid, render_and_audit
from .theme import make_env, static_fingerprint, template_files_key
from .versions import OPEN_DATA_DIR



def _largest_first(todo: list[tuple[str, str, PdfJob]]) -> list[Laid]:
    """Each job's result, in ``todo``'s order, the jobs handed to the workers largest first.

    Why: a PDF's time grows with its print HTML and reports differ by half; in the given order the last worker can
    start the largest report when the others are done, and the stage waits for it alone (on the benchmark's ten
    reports, counting the work by print-HTML size, the largest-first order comes within 0,4 % of an even split on
    two workers, the given order 8 % above it)."""
    order = sorted(range(len(todo)), key=lambda i: (-len(todo[i][2].html), i))
    results = map_in_processes(render_and_audit, [todo[i][2] for i in order])
    placed: list[Any] = [None] * len(todo)
    for index, result in zip(order, results):
        placed[index] = result
    return placed


def render_pdfs(site: Site, parsed: Parsed, diags: Diagnostics, memo: Memo,
                only: set[str] | None = None, frozen: set[str] | frozenset[str] = frozenset(),
                marks: list[Shown] | None = None,
                late: Mapping[str, LaidAfterRelease] | None = None) -> dict[str, bytes]:
    """``{path: bytes}`` of every report version's PDF (of the slugs in ``only``, when given).

    Released versions (report URLs in ``frozen``) keep the PDF in their archive and get none here. Each PDF carries
    the report's source data files and its open data (``output/opendata.py``) as PDF/A-3 attachments.

    A PDF laid out in this build is audited (:mod:`.audit`): its print HTML's marked figures go to ``marks`` (the
    caller compares them with the model, with the site's) and must be printed, in order, in the PDF's own text. Only
    a PDF that passes is memoised, so a memoised PDF has been audited.

    ``late``: report URLs of versions released without a PDF (``terbitkan --tanpa-pdf``), whose PDF ``lkjip pdf``
    lays out after the release: it says it is no part of it (:class:`.pdf.document.LaidAfterRelease`). Its notice is
    in its key: the same version's PDF laid out before the release, unmarked, is not taken from the memo for it.
    """
    late = late or {}
    dirs = theme_dirs(site.root, site.config.tema)
    env = make_env(dirs, memo)
    links = build_link_index(site.reports)
    static = [scan(d / "static") for d in dirs]  # before the key hashes them (see :func:`_sources`)
    theme_key = digest(template_files_key(env), static_fingerprint(dirs),
                       os.environ.get("SOURCE_DATE_EPOCH", ""), site_fingerprint(site))
    structure = {r.url: report_fingerprint(r) for r in site.reports}
    out: dict[str, bytes] = {}
    todo: list[tuple[str, str, PdfJob]] = []
    sources: dict[str, tuple[Report, list[dict[str, Stat]]]] = {}  # what each PDF laid out here was keyed from
    read: dict[str, bytes] = {}  # files the jobs carry, read once (the theme's are the same for every report)
    fonts = WebFonts(memo)  # the theme's web fonts, decoded here once rather than by WeasyPrint in every job
    for report in site.reports:
        if (only is not None and report.slug not in only) or report.url in frozen:
            continue
        extra = {f"{OPEN_DATA_DIR}/{k}": v for k, v in open_data(report, site.config.lisensi_data).files.items()}
        contexts = [(pc, RenderContext(site.config, site.reports, report, pc.chapter, chapter_url(report, pc.chapter),
                                       diags, parsed.registry, env=env, links=links, pdf=True))
                    for pc in parsed.chapters[report.url]]
        keys = [chapter_key(theme_key, chapter_shows(pc, ctx, structure)) for pc, ctx in contexts]
        path = report.url + pdf_name(report)
        before = [scan(report.folder), *static]  # before the key hashes the report's files
        notice = late.get(report.url)
        key = None if None in keys else memo.key(
            "pdf", keys, structure[report.url], [file_digest(f) for f in report.data.files],
            sorted((rel, file_digest(f)) for rel, f in report.assets.items()), sorted(extra.items()),
            *([notice.cover(report), notice.epoch()] if notice else []))
        cached = memo.get(key) if key else None
        if cached is not None:
            out[path] = cached
            _refused_again(memo, key, path, diags)
            continue
        sources[path] = (report, before)  # kept only if they stay so
        html = {pc.chapter.id: render_chapter(parsed.md, pc, ctx) for pc, ctx in contexts}
        try:
            job = prepare_pdf(report, site.config, env, report.data.files, report.folder, html,
                              [d / "static" for d in dirs], generated=extra, read=read, late=notice)
        except PdfError as exc:
            diags.error(report.loc, f"PDF tidak dapat dibuat: {exc}")
            continue
        if job.files is not None:
            job = replace(job, files=fonts.job_files(job.files))
        todo.append((path, key or "", job))
        if marks is not None:
            marks.extend(marks_in_html(path, job.html, f"{path} (HTML cetak)"))
    if diags.errors:
        return out
    for (path, key, _job), (data, _bands, _resources, refused, problems, cut) in zip(todo, _largest_first(todo)):
        for url in refused:
            _refused(diags, path, url)
        for problem in problems:
            diags.error((path, 1), f"PDF: {problem}; ini kesalahan program atau tema, bukan isi laporan")
        for ident, label in cut:
            _cut_note(diags, sources[path][0], path, ident, label)
        out[path] = data
        if key and not problems and not cut and _sources(sources[path][0], dirs) == sources[path][1]:
            memo.put(key, data, path)
            if refused:
                memo.put(memo.key("ditolak", key), json.dumps(refused).encode("utf-8"))
    return dict(sorted(out.items()))


def _sources(report: Report, dirs: list[Path]) -> list[dict[str, Stat]]:
    """The size and modification time of every file a report's PDF is made of besides its model: the report's
    folder (data files, images) and the theme's static files (the print stylesheet, fonts).

    Why: the PDF's key hashes those files before the layout, and the layout reads them again (``prepare_pdf``): a
    stylesheet saved in between (a webmaster editing the theme while a build runs), then taken back, had the PDF laid
    out from it kept under the key of the stylesheet taken back, and every later build published it (found by a
    fuzzer). They are taken before the key hashes them and again after the layout; a PDF whose sources changed
    meanwhile is published (it shows what was read) but not kept."""
    return [scan(report.folder), *(scan(d / "static") for d in dirs)]


def _cut_note(diags: Diagnostics, report: Report, path: str, ident: str, label: str) -> None:
    """A note (``fn-<chapter id>-<n>``, the author's ``[^label]``) too long for a page of the PDF: what did not fit
    above the notes' area was not printed (:func:`.pdf.layout.cut_notes`). Said at the note, in its chapter."""
    chapter = next((c for c in report.chapters if ident.startswith(f"fn-{c.id}-")), None)
    where = (chapter.rel, note_line(chapter, label)) if chapter is not None and label else (path, 1)
    name = f"catatan kaki [^{label}]" if label else "sebuah catatan kaki"
    diags.error(where, f"{name} terlalu panjang untuk satu halaman PDF: di PDF catatan dicetak di kaki halaman tempat "
                       "ia dirujuk, dan bagian yang tidak muat tidak tercetak; pendekkan catatannya dan pindahkan "
                       "uraiannya ke teks bab (catatan cukup memuat sumber atau keterangan singkat)")


def _refused(diags: Diagnostics, path: str, url: str) -> None:
    diags.warn((path, 1), f"PDF: sumber '{url}' ditolak (bukan berkas lokal di folder laporan atau tema)")


def _refused_again(memo: Memo, key: str | None, path: str, diags: Diagnostics) -> None:
    """The warnings a PDF taken from the memo gave when it was laid out (the sources it refused, kept beside it):
    else they were said once, and a later build of the same sources, ``--strict`` too, said nothing."""
    said = memo.get(memo.key("ditolak", key)) if key else None
    for url in json.loads(said) if said is not None else []:
        _refused(diags, path, url)
