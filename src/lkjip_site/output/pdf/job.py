"""One PDF job as a worker process runs it: laid out (``layout``), then read back and audited (``output.audit``).

Why a module of its own: a worker imports the module of the function it runs. This one imports only what laying out
and reading back need, not the build's other stages (pages, charts, open data: half a second, and vl-convert's
threads), so that the worker's starting process can import it once for every worker (``core.pool.warm_workers``).
"""

from __future__ import annotations

from typing import Any

from ...core.pool import warm_workers
from ..audit import audit_pdf
from .document import PdfJob
from .layout import render_job_bytes

#: What a worker gives back for one PDF: bytes, text bands, fetched files, refused URLs, audit problems, notes cut.
Laid = tuple[bytes, Any, Any, list[str], list[str], list[tuple[str, str]]]

# The libraries a job imports when it first runs (inside the functions: a build without PDFs never loads them).
warm_workers(__name__, "weasyprint", "pikepdf", "pypdfium2")


def render_and_audit(job: PdfJob) -> Laid:
    """One PDF laid out and read back (in a worker): the figures of its print HTML must be printed in its text."""
    data, bands, resources, refused, cut = render_job_bytes(job)
    return data, bands, resources, refused, audit_pdf(job.html, data, job.base_url, bands), cut
