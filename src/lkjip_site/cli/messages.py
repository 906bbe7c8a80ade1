"""How diagnostics reach the author: ``berkas:baris: galat: pesan`` lines, then a count."""

from __future__ import annotations

import sys
from typing import TextIO

from ..core.diagnostics import Diagnostics


def report_diagnostics(diags: Diagnostics, stream: TextIO | None = None) -> None:
    stream = stream or sys.stderr
    for d in diags.sorted():
        print(d.format(), file=stream)
    errors, warnings = len(diags.errors), len(diags.warnings)
    if errors or warnings:
        print(f"{errors} galat, {warnings} peringatan.", file=stream)
