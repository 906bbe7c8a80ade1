"""Planning: a :class:`ChartSpec` to a Vega-Lite spec, its Indonesian summary, data table and alt text.

Charts must never disagree with the tables. Every label, tooltip and table cell is a string formatted in Python from
the same Decimal values the tables use (``lkjip_site.core.fmt``); the numeric fields handed to Vega only position
marks. Axis ticks (which Vega invents) use an Indonesian d3 format locale embedded in the spec's ``config.locale``, so
the static SVG and the interactive upgrade format them the same way.
"""

from __future__ import annotations

import json
from typing import Any, Callable

from .dataset import plan_dataset
from .kinds import plan_budget, plan_efisiensi, plan_ikm, plan_renstra, plan_target_realisasi, plan_tren
from .marks import Plan, alt, rows_back, rows_held
from .spec import ChartSpec, ChartTable
from .style import ID_FORMAT_LOCALE, ID_TIME_FORMAT_LOCALE, place_legend, theme_config

_PLANNERS: dict[str, Callable[[ChartSpec], Plan]] = {
    "target_realisasi": plan_target_realisasi,
    "tren": plan_tren,
    "renstra": plan_renstra,
    "anggaran_program": lambda s: plan_budget(s, "program", "program"),
    "jenis_belanja": lambda s: plan_budget(s, "jenis", "jenis belanja"),
    "efisiensi": plan_efisiensi,
    "ikm": plan_ikm,
    "dataset": plan_dataset,
}


def canonical_json(obj: Any) -> str:
    """Stable JSON: the cache key and the id prefix depend only on content."""
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def build(spec: ChartSpec) -> tuple[dict[str, Any], str, ChartTable, str, tuple[tuple[int, int, str], ...]]:
    """Plan a chart without rendering: (Vega-Lite dict, summary, table, alt, summary marks). Cheap; no vl-convert.

    Not validated against the Vega-Lite JSON schema here (a third of the planning time): the spec is built by the
    planners, never copied from author input (which they check themselves, with Indonesian messages), so the schema
    can only fail on a planner bug; ``tests/test_charts.py`` validates every kind's wide and narrow spec instead.
    """
    # The data rows stay out of Altair's checks and its walk over every value (marks.data), and no schema object is
    # checked as it is made (Altair's debug mode, on by default: a tenth of the planning).
    with rows_held() as rows, alt.utils.schemapi.debug_mode(False):
        plan = _PLANNERS[spec.kind](spec)
        chart = plan.chart.properties(description=plan.alt)
        vl = rows_back(chart.to_dict(validate=False), rows)
    vl.pop("config", None)  # Altair's defaults; ours replace them wholesale
    vl["config"] = theme_config()
    place_legend(vl)
    vl["usermeta"] = {
        # vega-embed reads these on the site, so the interactive chart formats like the SVG.
        "embedOptions": {
            "actions": False,
            "renderer": "svg",
            "formatLocale": ID_FORMAT_LOCALE,
            "timeFormatLocale": ID_TIME_FORMAT_LOCALE,
        }
    }
    vl = json.loads(canonical_json(vl))  # plain dicts/lists only, keys sorted
    return vl, plan.summary, plan.table, plan.alt, plan.marks
