"""Scope: the reports a command is about (``lkjip check/build --laporan <slug>``), and which messages concern them.

Why by file: every diagnostic names its file, and everything that belongs to one report lives below
``content/laporan/<slug>/`` (its pages below ``laporan/<slug>/`` in the built site). Anything else (``situs.yaml``, a
theme, the home page) concerns the whole site, so it is always in scope: a site cannot be published with it broken.
The whole site is still loaded and computed, because reports refer to one another (links, other instansi names).
"""

from __future__ import annotations

from dataclasses import dataclass

from .diagnostics import Diagnostic

#: Where a report's files live, in the site folder and in the built site.
REPORT_PREFIXES = ("content/laporan/", "laporan/")


def report_of(file: str) -> str | None:
    """The slug of the report ``file`` belongs to; None for a file of the whole site."""
    for prefix in REPORT_PREFIXES:
        if file.startswith(prefix):
            slug, sep, _rest = file[len(prefix):].partition("/")
            return slug if sep and slug else None
    return None


@dataclass(frozen=True)
class Scope:
    """``reports`` None: every report (no ``--laporan``)."""

    reports: frozenset[str] | None = None

    @classmethod
    def of(cls, slugs: list[str] | None) -> Scope:
        return cls(frozenset(slugs) if slugs else None)

    @property
    def everything(self) -> bool:
        return self.reports is None

    def covers(self, d: Diagnostic) -> bool:
        """True when ``d`` is about a chosen report or about the whole site."""
        if self.reports is None:
            return True
        slug = report_of(d.file)
        return slug is None or slug in self.reports
