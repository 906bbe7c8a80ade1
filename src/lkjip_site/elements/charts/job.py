"""One chart as a worker process draws it: planned with Altair, drawn by vl-convert, sent back as JSON-safe data.

Why a module of its own: a worker imports the module of the function it runs. This one imports only the chart code,
not the cache's (the memo, the Markdown stage's directives), and names what the worker's starting process imports
once for every worker (``core.pool.warm_workers``): everything a chart needs but vl-convert, whose import starts
threads, and a thread does not survive the fork that starts a worker.
"""

from __future__ import annotations

from typing import Any

from ...core.pool import CarriedFolder, warm_workers
from . import dataset, limits, narrow, plan, spec, style
from .spec import ChartError, ChartResult, ChartSpec
from .svg import register_fonts, render_chart

warm_workers(*(module.__name__ for module in (dataset, limits, narrow, plan, spec, style)))


def render_job(args: tuple[ChartSpec, CarriedFolder]) -> tuple[bool, Any]:
    """One chart, in a worker process: (True, result as JSON-safe dict) or (False, Indonesian message)."""
    chart, fonts = args
    register_fonts(fonts.materialise())
    try:
        result = render_chart(chart)
    except ChartError as exc:
        return False, str(exc)
    return True, payload(result)


def payload(result: ChartResult) -> dict[str, Any]:
    """A chart result as JSON-safe data (what the memo stores and a worker sends back)."""
    return {"svg": result.svg, "spec": result.spec, "summary": result.summary, "alt": result.alt,
            "marks": [list(m) for m in result.marks],
            "svg_narrow": result.svg_narrow, "spec_narrow": result.spec_narrow, "narrow_note": result.narrow_note,
            "table": {"header": list(result.table.header), "rows": [list(r) for r in result.table.rows],
                      "numeric": list(result.table.numeric), "figures": [list(r) for r in result.table.figures],
                      "notes": list(result.table.notes), "note_refs": [list(r) for r in result.table.note_refs]}}
