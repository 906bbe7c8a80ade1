"""Where a chapter lives on the site and in the PDF: its URL, its anchors, and which source file is which page."""

from __future__ import annotations

from pathlib import Path

from ..core.model import Chapter, Report

#: A source file of the site -> (its report, its chapter; None for ``laporan.yaml``, the report's own page).
LinkIndex = dict[Path, tuple[Report, Chapter | None]]


def build_link_index(reports: list[Report]) -> LinkIndex:
    """Source file -> (report, chapter) for every linkable file of the site; built once, shared by all chapters."""
    index: LinkIndex = {}
    for report in reports:
        index[(report.folder / "laporan.yaml").resolve()] = (report, None)
        for chapter in report.chapters:
            index[chapter.source.resolve()] = (report, chapter)
    return index


def chapter_url(report: Report, chapter: Chapter) -> str:
    return f"{report.url}{chapter.id}/"


def pdf_anchor(chapter: Chapter, anchor: str) -> str:
    """In the PDF all chapters share one document: heading ids get the chapter id as prefix so they stay unique.

    Table and figure ids are unique per report already and keep their names (cross references rely on them).
    """
    if anchor in chapter.heading_ids:
        return f"{chapter.id}--{anchor}"
    return anchor


def chapter_anchor(chapter: Chapter) -> str:
    """The anchor of a chapter's first page in the PDF (Daftar Isi and links point here)."""
    return chapter.id
