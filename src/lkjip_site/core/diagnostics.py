"""Diagnostics collected across all stages.

Authors are civil servants, not programmers: every problem is collected (not raised at the first one) and reported
as ``berkas:baris: pesan`` in Bahasa Indonesia, so one run shows everything that needs fixing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Literal

from .controls import escape_controls
from .model import Loc

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    file: str
    line: int
    message: str
    severity: Severity = "error"
    #: A spreadsheet column ("D"): then ``file`` is ``book.xlsx!Sheet`` and ``line`` the row, printed as Excel names a
    #: cell (``data.xlsx!Indikator!D12``), so an author who lives in Excel finds the cell as a YAML author the line.
    column: str = ""

    def format(self) -> str:
        """``file:line: galat: message``, one line, with any control character a file name or a quoted value
        brought in escaped (``core/controls.py``): printed as is, ESC drove the terminal and LF made a second line."""
        tag = "galat" if self.severity == "error" else "peringatan"
        where = f"{self.file}!{self.column}{self.line}" if self.column else f"{self.file}:{self.line}"
        return escape_controls(f"{where}: {tag}: {self.message}")


@dataclass
class Diagnostics:
    """An ordered, de-duplicated collection of problems found while loading or checking a site."""

    items: list[Diagnostic] = field(default_factory=list)
    #: ``items`` as a set, for the de-duplication: a list's ``in`` made collecting n messages n²/2 comparisons (a
    #: portal of 100 reports with 1 080 warnings: 580 000 comparisons, 0,3 s of every rebuild and preview save)
    _seen: set[Diagnostic] = field(default_factory=set, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._seen = set(self.items)

    def __setstate__(self, state: dict[str, object]) -> None:
        """Unpickled (a memo, a Dask worker's ContentError): the set is made again from the list it mirrors."""
        self.__dict__.update(state)
        self._seen = set(self.items)

    def error(self, loc: Loc | tuple[str, int], message: str) -> None:
        self._add(loc, message, "error")

    def warn(self, loc: Loc | tuple[str, int], message: str) -> None:
        self._add(loc, message, "warning")

    def _add(self, loc: Loc | tuple[str, int], message: str, severity: Severity) -> None:
        file, line = (loc.file, loc.line) if isinstance(loc, Loc) else loc
        self.add(Diagnostic(file, line, message, severity))

    def at_cell(self, sheet: str, column: str, row: int, message: str, severity: Severity = "error") -> None:
        """A problem in a spreadsheet cell; ``sheet`` is ``book.xlsx!Sheet`` (see :attr:`Diagnostic.column`)."""
        self.add(Diagnostic(sheet, row, message, severity, column))

    def add(self, diagnostic: Diagnostic) -> None:
        """Record a diagnostic made earlier (replayed from a memo)."""
        if diagnostic not in self._seen:
            self._seen.add(diagnostic)
            self.items.append(diagnostic)

    def extend(self, other: Diagnostics) -> None:
        for d in other.items:
            self.add(d)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "warning"]

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.items, key=lambda d: (d.file, d.line, d.severity, d.message))

    def escalate(self, said: Iterable[tuple[Loc | tuple[str, int], str]]) -> None:
        """Each (location, message) an error: the warning the build gave there with that message becomes it, or it
        is added (``terbitkan`` refusing what the build only warned of, each said once, at its line)."""
        found = [((loc.file, loc.line) if isinstance(loc, Loc) else loc, message) for loc, message in said]
        keys = {(file, line, message) for (file, line), message in found}
        self.promote_warnings(lambda d: (d.file, d.line, d.message) in keys)
        for loc, message in found:
            self.error(loc, message)

    def promote_warnings(self, where: Callable[[Diagnostic], bool] | None = None) -> None:
        """``--strict``: every warning (``where`` it holds: the chosen reports, see ``core/scope.py``) becomes an error."""
        self.items = [Diagnostic(d.file, d.line, d.message, "error") if where is None or where(d) else d
                      for d in self.items]
        self._seen = set(self.items)

    def drop(self, where: Callable[[Diagnostic], bool]) -> None:
        """Forget every message ``where`` holds (those of a released version read from the archive, see
        ``build.py``)."""
        self.items = [d for d in self.items if not where(d)]
        self._seen = set(self.items)

    def demote_errors(self, where: Callable[[Diagnostic], bool]) -> list[Diagnostic]:
        """Every error ``where`` holds becomes a warning (a released version's chapters, see ``build.py``); returns
        those errors as they were."""
        held = [d for d in self.items if d.severity == "error" and where(d)]
        chosen = set(held)
        self.items = [Diagnostic(d.file, d.line, d.message, "warning", d.column) if d in chosen else d
                      for d in self.items]
        self._seen = set(self.items)
        return held


class ContentError(Exception):
    """Raised to stop a build when diagnostics hold errors; carries all of them."""

    def __init__(self, diagnostics: Diagnostics):
        super().__init__(f"{len(diagnostics.errors)} galat")
        self.diagnostics = diagnostics

    def __reduce__(self) -> tuple[type[ContentError], tuple[Diagnostics]]:
        """Pickled with its diagnostics (a report's pages rendered on a Dask worker can raise one)."""
        return ContentError, (self.diagnostics,)
