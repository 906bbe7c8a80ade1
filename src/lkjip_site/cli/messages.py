"""How diagnostics reach the author: ``berkas:baris: galat: pesan`` lines, then a count.

With ``--laporan`` the messages of the other reports are not this author's to fix: they are summed up in one line
instead of being printed one by one (``shown`` decides which are printed in full).
"""

from __future__ import annotations

import sys
from typing import Callable, TextIO

from ..core.diagnostics import Diagnostic, Diagnostics


def report_diagnostics(diags: Diagnostics, stream: TextIO | None = None,
                       shown: Callable[[Diagnostic], bool] | None = None, others: str = "di luar --laporan") -> None:
    """Every diagnostic ``shown`` allows, then the counts; the others (named by ``others``) counted in one line."""
    stream = stream or sys.stderr
    hidden = {d for d in diags.items if shown is not None and not shown(d)}
    for d in diags.sorted():
        if d not in hidden:
            print(d.format(), file=stream)
    errors = len(diags.errors) - sum(d.severity == "error" for d in hidden)
    warnings = len(diags.warnings) - sum(d.severity == "warning" for d in hidden)
    if errors or warnings:
        print(f"{errors} galat, {warnings} peringatan.", file=stream)
    if hidden:
        h_errors = sum(d.severity == "error" for d in hidden)
        print(f"Laporan lain ({others}): {h_errors} galat, {len(hidden) - h_errors} peringatan, "
              "tidak ditampilkan.", file=stream)
