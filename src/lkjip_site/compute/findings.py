"""What computing and checking a report find: one type for both, so every finding reaches the author the same way.

A finding is an **error** when the published report would be wrong or contradict itself, a **warning** when the
published numbers are right (they are computed) and only a typed copy or the metadata disagrees (see ``check``).
``loc`` may be None for findings of the computation that have no better place; ``check`` then uses the report's.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ..core.model import Loc

Severity = Literal["error", "warning"]

HUNDRED = Decimal(100)
ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Finding:
    severity: Severity
    loc: Loc | None
    message: str
    kode: str = ""

    def __str__(self) -> str:
        """As the author reads it: ``berkas:baris: galat|peringatan: pesan``."""
        return f"{self.loc}: {'galat' if self.severity == 'error' else 'peringatan'}: {self.message}"
