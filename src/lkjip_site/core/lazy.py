"""A module imported when first used, not when the module naming it is imported.

Why: a rebuild whose outputs are all kept imports every stage but draws no chart and writes no workbook; Altair costs
about half a second to import and openpyxl about a tenth to a fifth of one, each paid by every CLI run (a one-chapter
rebuild, ``check``) that never calls them. Not a hidden import cycle: the modules named here are third-party
libraries, below every stage of the pipeline.
"""

from __future__ import annotations

import importlib
from typing import Any


class Lazy:
    """Stands for the module ``name``; the first attribute read imports it."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: Any = None

    def __getattr__(self, attr: str) -> Any:
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attr)
