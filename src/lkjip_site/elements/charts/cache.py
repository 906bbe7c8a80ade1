"""Charts by spec: a chart's result (SVG, Vega-Lite spec, summary, data table), kept as JSON in the one memo.

A chart's key is its spec (the rows and options taken from the computed model) plus the engine, vl-convert and font
versions, so an unchanged chart is neither planned with Altair nor rendered again. New charts are planned and
rendered in worker processes: planning is also their validation, so a bad chart is still an author error before
anything is written. Entries no build uses any more are removed after a build (``Memo.prune``).

Storage is the project's one content-addressed memo (:class:`lkjip_site.core.memo.Memo`); this class adds what is
particular to charts: the key, and rendering every new chart of a build together.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import vl_convert

from ...core.diagnostics import Diagnostics
from ...core.memo import Memo, digest
from ...core.pool import CarriedFolder, iter_in_processes
from ...markdown.directives import Directive
from .job import render_job
from .narrow import NARROW_WIDTH
from .spec import ChartResult, ChartSpec, ChartTable
from .svg import ENGINE_VERSION, fonts_alone, register_fonts

#: ``write``: read and store (a build); ``read``: read, never write (``lkjip check`` leaves the project untouched);
#: ``off``: neither (``--tanpa-cache``).
CacheMode = Literal["write", "read", "off"]


#: Fewer new charts than this are drawn in the build's own process, more by worker processes (see
#: :meth:`ChartCache.draw_here_below`, which ``serve`` raises). Why 16: a chart worker is a new interpreter that imports
#: the chart code, Altair and vl-convert and starts its JavaScript runtime before its first chart, where this process
#: has imported vl-convert already; two workers then draw side by side, but a chart costs only 25-65 ms. Measured (the
#: benchmark's charts, whole fill, two runs each, fresh processes): 4 charts 0,56-0,61 s here against 0,81-0,84 s in
#: workers, 8 charts 0,75 against 0,97-0,99 s, 16 charts 1,15-1,36 against 1,35-1,44 s, 32 charts 1,64-1,66 against
#: 1,79-1,88 s, 48 charts 2,02-2,41 against 1,95-2,18 s. Below 16 (a data value's report, six charts, and a few more)
#: this process is clearly quicker; a cold build's hundreds of charts still go to workers. The runtime then stays in
#: this process until it ends (about 120 MB: a one-value rebuild at N = 100 peaked at 267 MB against 145 MB).
#: Measured with spawned workers, as ``lkjip build`` starts them (a process that keeps its workers warm,
#: ``core.pool.keep_workers_warm``, starts them quicker, but its server is a new interpreter too).
DRAWS_HERE_BELOW = 16


class ChartCache:
    """Rendered charts by spec; new charts of a build are rendered together (in parallel) by :meth:`fill`."""

    def __init__(self, memo: Memo, fonts: Path):
        self.memo = memo
        self.fonts = fonts
        self.fingerprint = register_fonts(fonts)
        self.results: dict[str, ChartResult] = {}
        self.failed: set[str] = set()  # charts that could not be drawn (reported when they were planned)
        self.pending: dict[str, tuple[ChartSpec, list[Directive]]] = {}
        self.here_below = DRAWS_HERE_BELOW  # fewer new charts are drawn in this process (:meth:`draw_here_below`)

    def draw_here_below(self, count: int) -> None:
        """Draw fewer than ``count`` new charts in this process instead of starting workers.

        Why: a chart worker starts a new interpreter, Altair and vl-convert's JavaScript runtime, for charts of
        25-65 ms (:data:`DRAWS_HERE_BELOW`, the limit of a one-off build). A preview (``serve``) raises the limit: it
        pays for the runtime on its first save that draws and never again, so that an author's edit of one data value
        (its report's six charts, two layouts each) is drawn in about 0,4 s on every later save. The runtime then
        stays in the preview's process (about 130 MB: at N = 100 the benchmark's preview peaked at 383 MB over five
        such saves, 256 MB over five chapter saves).
        """
        self.here_below = count

    def key(self, spec: ChartSpec) -> str:
        return self.memo.key(*self._drawing(), repr(spec))

    def drawing(self) -> str:
        """What every chart is drawn with, whatever its spec (part of the key a chapter's rendered body is kept
        under): the same parts as in each chart's :meth:`key`."""
        return digest(*self._drawing())

    def _drawing(self) -> tuple[str, int, str, str]:
        # ENGINE_VERSION stands for the layouts drawn (wide and narrow, narrow.NARROW_WIDTH) and the SVG clean-up.
        return ENGINE_VERSION, NARROW_WIDTH, getattr(vl_convert, "__version__", ""), self.fingerprint

    def get(self, spec: ChartSpec) -> ChartResult | None:
        """The chart, read from the memo each time a page or the PDF shows it: results are held in memory only when
        the memo does not store them (``--tanpa-cache``, ``check``). Held, an archive's SVGs and Vega specs were the
        largest part of a build's memory (a seventh of it at N = 100), growing with every report."""
        key = self.key(spec)
        held = self.results.get(key)
        if held is not None or key in self.failed:
            return held
        stored = _readable(self.memo.get(key))
        if stored is not None:
            return stored
        # stored when the build began, gone since (the cache folder was cleaned) or damaged: drawn again, not left out
        ok, payload = next(self._draw([spec]))
        if not ok:
            return None
        self._store(key, payload)
        return _from_json(payload)

    def has(self, spec: ChartSpec) -> bool:
        """Known without loading it: most charts of a rebuild are never rendered (their pages are memoised)."""
        key = self.key(spec)
        return key in self.results or self.memo.has(key)

    def keep(self, spec: ChartSpec) -> None:
        """A chart a report read back from the store shows: kept by the memo's prune, not looked for (were it gone, a
        page that shows it draws it again: :meth:`get`)."""
        self.memo.keep(self.key(spec))

    def want(self, spec: ChartSpec, directive: Directive) -> None:
        if not self.has(spec):
            self.pending.setdefault(self.key(spec), (spec, []))[1].append(directive)

    def fill(self, diags: Diagnostics) -> None:
        """Plan and render every pending chart, in worker processes when there are many (:data:`DRAWS_HERE_BELOW`)."""
        # Largest first, one at a time: a chart's cost grows with its text (every label is measured in the font), and
        # charts differ tenfold, so this keeps both workers busy to the end. Results are keyed, so order is free.
        jobs = sorted(((key, spec) for key, (spec, _) in self.pending.items()),
                      key=lambda job: (-len(repr(job[1])), job[0]))
        outcomes = zip((key for key, _ in jobs), self._draw([spec for _, spec in jobs]))
        for key, (ok, payload) in outcomes:  # stored as each arrives: an archive's charts are never all in memory
            if not ok:
                self.failed.add(key)
                for d in self.pending[key][1]:
                    diags.error(d.loc, f"grafik {d.kind}: {payload}")
                    d.built = None
                continue
            self._store(key, payload)
        self.pending.clear()

    def _draw(self, specs: list[ChartSpec]) -> Iterator[tuple[bool, Any]]:
        """Each chart drawn, in order: (True, payload) or (False, message). In worker processes when there are
        many; fewer are drawn here, unless this process's vl-convert knows other fonts (``svg.fonts_alone``)."""
        fonts = CarriedFolder.of(self.fonts)  # the worker may be another machine (lkjip build --pelaksana)
        return iter_in_processes(render_job, [(spec, fonts) for spec in specs], min_items=self.here_below,
                                 here=fonts_alone(self.fingerprint))

    def _store(self, key: str, payload: dict[str, Any]) -> None:
        """Into the memo; held in memory only when the memo keeps nothing (then it is the only copy)."""
        self.memo.put(key, json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8"))
        if not self.memo.stores:
            self.results[key] = _from_json(payload)

    def carried(self, specs: list[ChartSpec]) -> CarriedCharts:
        """These charts' results, for a job that renders their pages elsewhere (a Dask worker has no memo)."""
        found = {}
        for spec in specs:
            result = self.get(spec)
            if result is not None:
                found[spec_digest(spec)] = result
        return CarriedCharts(found)


def spec_digest(spec: ChartSpec) -> str:
    return digest(repr(spec))


@dataclass(frozen=True)
class CarriedCharts:
    """The drawn charts a report's pages show, carried by the job that renders them on a Dask worker.

    The worker validates the report's chart blocks again (which builds the same specs from the same model) and
    finds each chart here by its spec; it draws nothing: a chart missing here failed on the build machine, where
    it was reported, and shows nothing, as there.
    """

    results: dict[str, ChartResult]

    def get(self, spec: ChartSpec) -> ChartResult | None:
        return self.results.get(spec_digest(spec))

    def want(self, spec: ChartSpec, directive: Directive) -> None:
        """Nothing to plan: the charts were drawn before the job was sent."""

    def keep(self, spec: ChartSpec) -> None:
        """Nothing to keep: a worker has no cache (see :meth:`want`)."""

    def fill(self, diags: Diagnostics) -> None:
        """Nothing to draw (see :meth:`want`)."""


def chart_memo(cache_root: Path, mode: CacheMode) -> Memo:
    return Memo(cache_root if mode != "off" else None, "grafik", writable=mode == "write")


def _readable(stored: bytes | None) -> ChartResult | None:
    """A stored chart, or None when there is none or its entry is damaged (then it is drawn again and stored again,
    not an internal error on every build)."""
    if stored is None:
        return None
    try:
        return _from_json(json.loads(stored.decode("utf-8")))
    except (ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None


def _from_json(data: dict[str, Any]) -> ChartResult:
    table = data["table"]
    return ChartResult(
        svg=data["svg"], spec=data["spec"], summary=data["summary"], alt=data["alt"],
        marks=tuple((int(a), int(b), str(f)) for a, b, f in data.get("marks", [])),
        svg_narrow=data.get("svg_narrow", ""), spec_narrow=data.get("spec_narrow"),
        narrow_note=data.get("narrow_note", ""),
        table=ChartTable(tuple(table["header"]), tuple(tuple(r) for r in table["rows"]), tuple(table["numeric"]),
                         tuple(tuple(str(f) for f in r) for r in table.get("figures", [])),
                         tuple(str(n) for n in table.get("notes", [])),
                         tuple(tuple(int(n) for n in r) for r in table.get("note_refs", []))))
