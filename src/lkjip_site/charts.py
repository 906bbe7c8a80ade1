"""Chart engine: plain rows in, deterministic SVG + Vega-Lite spec + Indonesian text out.

Why this module looks the way it does:

* Charts must never disagree with the tables. So every label, tooltip and table cell shown here is a
  string formatted in Python from the same Decimal values the tables use (round half up, id-ID), and
  the numeric fields handed to Vega are only used for *positions*. Axis ticks (which Vega invents) use
  an Indonesian d3 format locale embedded in the spec's ``config.locale``, so the static SVG and the
  interactive upgrade format them the same way.
* Inputs are plain ``list[dict]`` rows (Decimal/str/int values) so this module does not depend on the
  loaders or on ``compute``: the directive handler maps the computed model to rows.
* Output is static SVG rendered offline by vl-convert (no browser, no network). vl-convert numbers
  ``clipPath`` ids with a process-wide counter, so ids are rewritten to names derived from a hash of the
  spec: identical input gives identical bytes, and two charts on one page never share an id.
* Rendering costs ~50 ms per chart once the engine is warm (the first call in a process ~0.7 s), so
  ``ChartCache`` keys the SVG by a hash of the spec, the vl-convert version, the engine version and
  the registered fonts.

Usage (the ``{grafik}`` directive handler)::

    from lkjip_site import charts
    charts.register_fonts(theme_dir / "static" / "fonts")        # once per build (cache key)
    cache = charts.ChartCache(project_root / ".cache" / "charts")
    spec = charts.target_realisasi(rows, satuan=None)            # or tren/renstra/…/dataset(...)
    result = charts.render_chart(spec, cache)                    # ChartError → author message
    bundle = charts.write_vega_bundle(out_dir / "aset", cache_dir=project_root / ".cache")
    # bundle == "vega/vega-bundle.<hash>.js", i.e. /aset/vega/vega-bundle.<hash>.js on the site

Intended HTML (rendered by the lead's templates from a :class:`ChartResult`)::

    <figure class="grafik" id="gambar-capaian-2023">
      <figcaption>Gambar 3.1 Capaian Indikator Kinerja Tahun 2023</figcaption>
      <div class="grafik-svg">{{ result.svg | safe }}</div>
      <script type="application/json" class="grafik-spec">{{ result.spec | tojson }}</script>
      <p class="grafik-ringkasan">{{ result.summary }}</p>
      <details>
        <summary>Data grafik</summary>
        <table>
          <thead><tr>{% for h in result.table.header %}<th scope="col">{{ h }}</th>{% endfor %}</tr></thead>
          <tbody>{% for row in result.table.rows %}<tr>…{{ cell }}…</tr>{% endfor %}</tbody>
        </table>
      </details>
    </figure>

``result.alt`` is already placed on the SVG root (``role="img" aria-label=…``); templates may reuse it.
The page loads ``grafik.js`` (``themes/default/static/js/grafik.js``) with the bundle path from
:func:`write_vega_bundle`::

    <script src="/aset/js/grafik.js" data-vega-bundle="/aset/vega/vega-bundle.<hash>.js" defer></script>

CSS hint: ``.grafik-svg svg { max-width: 100%; height: auto; }`` (the SVG has a viewBox).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import textwrap
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

import importlib

from . import fmt
from .model import JENIS_BELANJA


class _Lazy:
    """Altair costs half a second to import; a build whose charts are all unchanged never needs it."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: Any = None

    def __getattr__(self, attr: str) -> Any:
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attr)


alt: Any = _Lazy("altair")
import vl_convert as vlc

__all__ = [
    "CHART_KINDS", "DATASET_KINDS", "ChartCache", "ChartError", "ChartResult", "ChartSpec", "ChartTable",
    "anggaran_program", "build", "dataset", "efisiensi", "format_angka", "format_persen", "format_rupiah",
    "ikm", "register_fonts", "render_chart", "renstra", "stabilise_svg", "target_realisasi", "theme_config",
    "to_decimal", "tren", "jenis_belanja", "write_vega_bundle",
]

# Bump when the post-processing of SVG or the meaning of options changes: invalidates the cache.
ENGINE_VERSION = "1"

CHART_KINDS: tuple[str, ...] = (
    "target_realisasi",
    "tren",
    "renstra",
    "anggaran_program",
    "jenis_belanja",
    "efisiensi",
    "ikm",
    "dataset",
)
DATASET_KINDS: tuple[str, ...] = ("batang", "batang_tumpuk", "garis", "donat")

FONT_FAMILY = "Noto Sans"
TEXT_COLOUR = "#1f2328"  # 15.8:1 on white
MUTED_COLOUR = "#57606a"  # 6.1:1 on white, for axes and rules
GRID_COLOUR = "#d8dee4"
NEUTRAL_BAR = "#0072B2"
FALLBACK_PREDIKAT = "#6e7781"

# Okabe & Ito (2008), ordered so that the first colours have the most contrast on white; yellow last.
OKABE_ITO: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#56B4E9",
    "#000000",
    "#F0E442",
)

# d3-format locale: decimal comma, thousands dot, Rupiah prefix, percent with a space ("98,25 %").
ID_FORMAT_LOCALE: dict[str, Any] = {
    "decimal": ",",
    "thousands": ".",
    "grouping": [3],
    "currency": ["Rp ", ""],
    "percent": " %",
}
BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
BULAN_SINGKAT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
ID_TIME_FORMAT_LOCALE: dict[str, Any] = {
    "dateTime": "%A, %e %B %Y %H.%M.%S",
    "date": "%d/%m/%Y",
    "time": "%H.%M.%S",
    "periods": ["AM", "PM"],
    "days": ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
    "shortDays": ["Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"],
    "months": list(BULAN),
    "shortMonths": list(BULAN_SINGKAT),
}

JENIS_BELANJA_LABEL: dict[str, str] = JENIS_BELANJA

PLOT_WIDTH = 420  # width of the plotting area; axis labels come on top of it
BAND = 30  # height per category on horizontal bar charts
LABEL_WRAP = 34  # characters per line of a category label
DASH = fmt.DASH


class ChartError(ValueError):
    """A chart cannot be built from the given rows/options; the message is for authors (Indonesian)."""


# --------------------------------------------------------------------------------------------------
# Public data types
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartSpec:
    """What to draw: a kind, plain rows and kind-specific options (see the builder functions)."""

    kind: str
    rows: tuple[Mapping[str, Any], ...]
    options: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kind not in CHART_KINDS:
            raise ChartError(
                f"Jenis grafik '{self.kind}' tidak dikenal; pilihan: {', '.join(CHART_KINDS)}."
            )


@dataclass(frozen=True)
class ChartTable:
    """The chart's data as formatted strings, for the table in ``<details>``.

    ``numeric[i]`` says whether column i holds numbers (right-aligned by the template).
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]


@dataclass(frozen=True)
class ChartResult:
    """Everything a template needs for one figure. ``spec`` is the Vega-Lite dict (JSON-safe)."""

    svg: str
    spec: dict[str, Any]
    summary: str
    table: ChartTable
    alt: str


# --------------------------------------------------------------------------------------------------
# Builders (the directive handler calls these with rows mapped from the computed model)
# --------------------------------------------------------------------------------------------------


def target_realisasi(rows: Sequence[Mapping[str, Any]], *, satuan: str | None = None) -> ChartSpec:
    """Capaian per indicator against the 100 % target line, coloured and labelled by predikat.

    Row keys: ``indikator``, ``target``, ``realisasi``, ``capaian`` (Decimal or None when it cannot
    be computed), ``predikat``, ``warna`` (the scale colour, same as tables); optional ``satuan``
    (overrides the chart-wide ``satuan``) and ``keterangan`` (reason when capaian is missing).
    Indicators have different units, so bars show capaian (%), the one comparable quantity.
    """
    return ChartSpec("target_realisasi", tuple(rows), {"satuan": satuan})


def tren(rows: Sequence[Mapping[str, Any]], *, satuan: str | None = None) -> ChartSpec:
    """Realisasi over the years, one line per indicator. Rows: ``tahun``, ``indikator``, ``nilai``."""
    return ChartSpec("tren", tuple(rows), {"satuan": satuan})


def renstra(rows: Sequence[Mapping[str, Any]]) -> ChartSpec:
    """Progress to the Renstra end target. Rows: ``indikator``, ``realisasi``, ``target_akhir``,
    ``kemajuan`` (tingkat kemajuan %, from ``compute``), optional ``satuan``."""
    return ChartSpec("renstra", tuple(rows), {})


def anggaran_program(rows: Sequence[Mapping[str, Any]]) -> ChartSpec:
    """Pagu vs realisasi per program (Rupiah). Rows: ``program``, ``pagu``, ``realisasi``, optional
    ``serapan`` (%, computed from the two when absent)."""
    return ChartSpec("anggaran_program", tuple(rows), {})


def jenis_belanja(rows: Sequence[Mapping[str, Any]]) -> ChartSpec:
    """Pagu vs realisasi per jenis belanja. Rows: ``jenis`` (code such as ``barang_jasa`` or a
    label), ``pagu``, ``realisasi``, optional ``serapan``."""
    return ChartSpec("jenis_belanja", tuple(rows), {})


def efisiensi(
    rows: Sequence[Mapping[str, Any]], *, metode: str | None = None, tingkat: str = "program"
) -> ChartSpec:
    """Capaian kinerja vs serapan anggaran per program or sasaran.

    Rows: ``nama``, ``capaian`` (%), ``serapan`` (%), optional ``efisiensi`` (Decimal or str, already
    computed by the chosen method) and ``status`` (e.g. "Efisien"). ``metode`` is the printed name
    of the efficiency method; ``tingkat`` is "program" or "sasaran" (used in the text).
    """
    return ChartSpec("efisiensi", tuple(rows), {"metode": metode, "tingkat": tingkat})


def ikm(
    rows: Sequence[Mapping[str, Any]], *, nilai_ikm: Decimal | None = None, mutu: str | None = None
) -> ChartSpec:
    """NRR per service element U1..U9 (scale 1–4). Rows: ``kode``, ``nama``, ``nilai``.
    ``nilai_ikm``/``mutu`` (computed elsewhere) are only quoted in the summary."""
    return ChartSpec("ikm", tuple(rows), {"nilai_ikm": nilai_ikm, "mutu": mutu})


def dataset(
    columns: Sequence[str],
    rows: Sequence[Mapping[str, Any]],
    *,
    x: str,
    y: str | Sequence[str],
    jenis: str = "batang",
    warna: str | Sequence[str] | None = None,
    label: Mapping[str, str] | None = None,
    satuan: str | Mapping[str, str] | None = None,
    nama: str = "",
) -> ChartSpec:
    """A generic chart of a dataset (CSV) from a declarative spec.

    ``x``: category column; ``y``: one or more numeric columns; ``jenis``: batang | batang_tumpuk |
    garis | donat; ``warna``: one colour or one per series; ``label``: display names per column
    (default: column name with ``_`` → space, first letter upper case); ``satuan``: unit for all
    ``y`` or per column; ``nama``: dataset id, quoted in error messages.
    """
    ys = [y] if isinstance(y, str) else list(y)
    return ChartSpec(
        "dataset",
        tuple(rows),
        {
            "columns": tuple(columns),
            "x": x,
            "y": tuple(ys),
            "jenis": jenis,
            "warna": warna,
            "label": dict(label or {}),
            "satuan": satuan,
            "nama": nama,
        },
    )


# --------------------------------------------------------------------------------------------------
# id-ID formatting (display only; round half up at display, once)
# --------------------------------------------------------------------------------------------------


def to_decimal(value: Any) -> Decimal | None:
    """Plain value → Decimal; None for missing (None, "", a model ``Missing``, a grade string)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            d = Decimal(text)
        except InvalidOperation:
            return None
        return d if d.is_finite() else None
    return None  # Missing or anything else that is not a number


def format_angka(value: Decimal | None, places: int | None = None) -> str:
    """``1234567.891`` → ``1.234.567,89`` (places=2). ``places=None`` keeps the value's own decimals
    (as entered: ``73`` → ``73``, ``84.82`` → ``84,82``). Missing → "–". Rounding is ``fmt``'s, the only one."""
    if value is None:
        return DASH
    if places is None:
        exp = value.as_tuple().exponent
        places = max(0, -exp) if isinstance(exp, int) else 0
    return fmt.fmt_number(value, places)


def format_persen(value: Decimal | None) -> str:
    """``98.247`` → ``98,25 %``."""
    return DASH if value is None else f"{format_angka(value, 2)} %"


def format_rupiah(value: Decimal | None) -> str:
    """``1234567.5`` → ``Rp 1.234.568`` (whole Rupiah on charts, half up)."""
    return DASH if value is None else fmt.fmt_rupiah(fmt.round_half_up(value, 0))


def _num(value: Decimal | None) -> float | None:
    """Decimal → float for Vega positions only (never for displayed text)."""
    return None if value is None else float(value)


# --------------------------------------------------------------------------------------------------
# Row access helpers
# --------------------------------------------------------------------------------------------------


def _text(row: Mapping[str, Any], key: str, default: str = "") -> str:
    value = row.get(key)
    return default if value is None else str(value)


def _require(rows: Sequence[Mapping[str, Any]], keys: Iterable[str], kind: str) -> None:
    if not rows:
        raise ChartError(f"Grafik '{kind}' tidak memiliki data untuk digambar.")
    for i, row in enumerate(rows, start=1):
        missing = [k for k in keys if k not in row]
        if missing:
            raise ChartError(
                f"Grafik '{kind}': baris {i} tidak memiliki kolom {', '.join(repr(m) for m in missing)}."
            )


def _unique_names(names: Sequence[str], kind: str) -> None:
    """Categories are the scale domain: two rows with one name would silently merge into one bar."""
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise ChartError(f"Grafik '{kind}': nama '{name}' muncul lebih dari sekali.")
        seen.add(name)


def _wrap(label: str, width: int = LABEL_WRAP) -> list[str]:
    return textwrap.wrap(label, width=width, break_long_words=False) or [label]


def _wrap_expr(labels: Iterable[str]) -> str:
    """A Vega ``labelExpr`` mapping each long category to its wrapped lines (multi-line labels)."""
    mapping = {lab: _wrap(lab) for lab in labels if len(_wrap(lab)) > 1}
    if not mapping:
        return "datum.label"
    return f"{json.dumps(mapping, ensure_ascii=False, sort_keys=True)}[datum.label] || datum.label"


def _band_height(n_categories: int, lines: int = 1) -> int:
    return max(1, n_categories) * max(BAND, 14 * lines + 10)


def _max_lines(labels: Iterable[str]) -> int:
    return max((len(_wrap(lab)) for lab in labels), default=1)


def _extreme_text(items: Sequence[tuple[str, Decimal]], fmt: Callable[[Decimal], str]) -> str:
    """"tertinggi … ; terendah …" naming every tie, so the text is true however the data falls."""
    if not items:
        return ""
    hi = max(v for _, v in items)
    lo = min(v for _, v in items)
    top = [n for n, v in items if v == hi]
    low = [n for n, v in items if v == lo]
    if hi == lo:
        return f"Semua bernilai sama, {fmt(hi)}."
    return (
        f"Tertinggi: {_join(top)} ({fmt(hi)}); terendah: {_join(low)} ({fmt(lo)})."
    )


def _join(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " dan " + names[-1]


# --------------------------------------------------------------------------------------------------
# Shared Vega-Lite pieces
# --------------------------------------------------------------------------------------------------


def theme_config() -> dict[str, Any]:
    """One visual style for site and PDF: project font, dark text, Okabe–Ito series, id-ID locale."""
    return {
        "font": FONT_FAMILY,
        "background": "#ffffff",
        "padding": 8,
        "view": {"stroke": None},
        "axis": {
            "labelFontSize": 12,
            "titleFontSize": 12,
            "titleFontWeight": "normal",
            "labelColor": TEXT_COLOUR,
            "titleColor": TEXT_COLOUR,
            "domainColor": MUTED_COLOUR,
            "tickColor": MUTED_COLOUR,
            "gridColor": GRID_COLOUR,
            "labelLimit": 260,
            "aria": False,
        },
        "legend": {
            "labelFontSize": 12,
            "titleFontSize": 12,
            "labelColor": TEXT_COLOUR,
            "titleColor": TEXT_COLOUR,
            "orient": "bottom",
            "direction": "horizontal",
            "labelLimit": 360,
            "aria": False,
        },
        "text": {"fontSize": 12, "color": TEXT_COLOUR},
        "range": {"category": list(OKABE_ITO)},
        "locale": {"number": ID_FORMAT_LOCALE, "time": ID_TIME_FORMAT_LOCALE},
    }


def _data(values: list[dict[str, Any]]) -> alt.Data:
    return alt.Data(values=values)


def _rupiah_axis(max_value: Decimal) -> tuple[str, str]:
    """Axis title and labelExpr scaled to the data (Rupiah / Juta Rupiah / Miliar Rupiah)."""
    if max_value >= Decimal(10) ** 9:
        return "Miliar Rupiah", "format(datum.value / 1e9, ',~f')"
    if max_value >= Decimal(10) ** 6:
        return "Juta Rupiah", "format(datum.value / 1e6, ',~f')"
    return "Rupiah", "format(datum.value, ',~f')"


def _percent_domain(values: Iterable[Decimal | None]) -> list[float]:
    """0 … max(100, largest) with head room for the value labels right of the bars."""
    top = max([Decimal(100)] + [v for v in values if v is not None])
    return [0.0, float(top * Decimal("1.22"))]


def _value_domain(values: Iterable[Decimal | None]) -> list[float]:
    top = max([Decimal(0)] + [v for v in values if v is not None])
    return [0.0, float(top * Decimal("1.22")) if top > 0 else 1.0]


def _target_rule(x_value: float, label: str) -> alt.LayerChart | alt.Chart:
    """A dashed vertical rule (e.g. the 100 % target), labelled in text, not only by style."""
    base = alt.Chart(_data([{"x": x_value, "t": label}]))
    rule = base.mark_rule(color=MUTED_COLOUR, strokeDash=[4, 3], strokeWidth=1.5, aria=False).encode(
        x=alt.X("x:Q")
    )
    text = base.mark_text(
        align="left", baseline="top", dx=3, dy=-14, color=MUTED_COLOUR, fontSize=11, aria=False
    ).encode(x=alt.X("x:Q"), y=alt.value(0), text=alt.Text("t:N"))
    return rule + text


@dataclass
class _Plan:
    """What a kind-specific planner produces before the shared finishing steps."""

    chart: Any  # alt.Chart | alt.LayerChart
    summary: str
    table: ChartTable
    alt: str


# --------------------------------------------------------------------------------------------------
# Planners per kind
# --------------------------------------------------------------------------------------------------


def _plan_target_realisasi(spec: ChartSpec) -> _Plan:
    rows = list(spec.rows)
    _require(rows, ("indikator", "target", "realisasi", "capaian"), spec.kind)
    names = [_text(r, "indikator") for r in rows]
    _unique_names(names, spec.kind)
    default_satuan = spec.options.get("satuan") or ""

    values: list[dict[str, Any]] = []
    predikat_colours: dict[str, str] = {}
    table_rows: list[tuple[str, ...]] = []
    reached = 0
    measured: list[tuple[str, Decimal]] = []
    for row, name in zip(rows, names):
        c = to_decimal(row.get("capaian"))
        predikat = _text(row, "predikat", DASH) if c is not None else DASH
        satuan = _text(row, "satuan", default_satuan)
        target_s = _value_with_grade(row.get("target"))
        real_s = _value_with_grade(row.get("realisasi"))
        cap_s = format_persen(c)
        if c is not None:
            measured.append((name, c))
            reached += c >= 100
            predikat_colours.setdefault(predikat, _text(row, "warna") or FALLBACK_PREDIKAT)
        reason = _text(row, "keterangan")
        label = f"{cap_s} · {predikat}" if c is not None else f"tidak dapat dihitung{': ' + reason if reason else ''}"
        values.append(
            {
                "indikator": name,
                "capaian": _num(c),
                "predikat": predikat,
                "label": label,
                "keterangan": (
                    f"{name}; target {target_s} {satuan}".rstrip()
                    + f"; realisasi {real_s} {satuan}".rstrip()
                    + f"; capaian {cap_s}; predikat {predikat}"
                ),
                "t_target": f"{target_s} {satuan}".strip(),
                "t_realisasi": f"{real_s} {satuan}".strip(),
                "t_capaian": cap_s,
            }
        )
        table_rows.append((name, satuan or DASH, target_s, real_s, cap_s, predikat))

    domain = _percent_domain(v for _, v in measured)
    lines = _max_lines(names)
    y = alt.Y(
        "indikator:N",
        sort=names,
        title=None,
        axis=alt.Axis(labelExpr=_wrap_expr(names), labelLineHeight=14),
    )
    base = alt.Chart(_data(values))
    pred_domain = list(predikat_colours)
    bars = base.transform_filter("isValid(datum.capaian)").mark_bar(
        ariaRoleDescription="batang", cornerRadiusEnd=2, height={"band": 0.7}
    ).encode(
        y=y,
        x=alt.X("capaian:Q", title="Capaian (%)", scale=alt.Scale(domain=domain, nice=False),
                axis=alt.Axis(format=",.0f", tickCount=6)),
        color=alt.Color(
            "predikat:N",
            title="Predikat",
            scale=alt.Scale(domain=pred_domain, range=[predikat_colours[p] for p in pred_domain]),
        ),
        tooltip=[
            alt.Tooltip("indikator:N", title="Indikator"),
            alt.Tooltip("t_target:N", title="Target"),
            alt.Tooltip("t_realisasi:N", title="Realisasi"),
            alt.Tooltip("t_capaian:N", title="Capaian"),
            alt.Tooltip("predikat:N", title="Predikat"),
        ],
        description=alt.Description("keterangan:N"),
    )
    labels = base.mark_text(align="left", dx=4, aria=False).encode(
        y=y,
        x=alt.X("x0:Q"),
        text=alt.Text("label:N"),
    ).transform_calculate(x0="isValid(datum.capaian) ? datum.capaian : 0")
    chart = (_target_rule(100.0, "Target 100 %") + bars + labels).properties(
        width=PLOT_WIDTH, height=_band_height(len(names), lines)
    )

    n = len(rows)
    parts = [f"Dari {n} indikator, {reached} mencapai atau melampaui target (capaian ≥ 100 %)."]
    if len(measured) < n:
        parts.append(f"{n - len(measured)} indikator belum dapat dihitung capaiannya.")
    if measured:
        ext = _extreme_text(measured, format_persen)
        parts.append("Capaian " + ext[0].lower() + ext[1:])
    table = ChartTable(
        ("Indikator", "Satuan", "Target", "Realisasi", "Capaian", "Predikat"),
        tuple(table_rows),
        (False, False, True, True, True, False),
    )
    alt_text = (
        f"Grafik batang capaian kinerja {n} indikator terhadap garis target 100 %, "
        "diberi warna dan label sesuai predikat."
    )
    return _Plan(chart, " ".join(parts), table, alt_text)


def _value_with_grade(value: Any) -> str:
    """Target/realisasi may be a grade ("B") for qualitative indicators: show it as written."""
    d = to_decimal(value)
    if d is not None:
        return format_angka(d)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return DASH


def _plan_tren(spec: ChartSpec) -> _Plan:
    rows = list(spec.rows)
    _require(rows, ("tahun", "indikator", "nilai"), spec.kind)
    satuan = spec.options.get("satuan") or ""
    series: list[str] = []
    years: list[int] = []
    for r in rows:
        if _text(r, "indikator") not in series:
            series.append(_text(r, "indikator"))
        year = int(r["tahun"])
        if year not in years:
            years.append(year)
    years.sort()
    by_key: dict[tuple[str, int], Decimal | None] = {}
    for r in rows:
        key = (_text(r, "indikator"), int(r["tahun"]))
        if key in by_key:
            raise ChartError(f"Grafik 'tren': {key[0]} tahun {key[1]} muncul lebih dari sekali.")
        by_key[key] = to_decimal(r["nilai"])

    values = []
    for (name, year), v in sorted(by_key.items(), key=lambda kv: (series.index(kv[0][0]), kv[0][1])):
        if v is None:
            continue  # a missing year is a gap, never a zero
        shown = format_angka(v)
        values.append(
            {
                "indikator": name,
                "tahun": str(year),
                "nilai": _num(v),
                "label": shown,
                "keterangan": f"{name}, {year}: {shown} {satuan}".rstrip(),
                "t_nilai": f"{shown} {satuan}".strip(),
            }
        )
    if not values:
        raise ChartError("Grafik 'tren' tidak memiliki nilai yang terukur.")

    all_values = [v for v in by_key.values() if v is not None]
    lo = min(all_values)
    hi = max(all_values)
    pad = (hi - lo) * Decimal("0.25") if hi != lo else (abs(hi) * Decimal("0.1") or Decimal(1))
    y_domain = [float(min(Decimal(0), lo) if lo >= 0 and lo < pad else lo - pad), float(hi + pad)]
    colour = alt.Color("indikator:N", title=None, sort=series, legend=alt.Legend(columns=1, direction="vertical"))
    enc = {
        "x": alt.X("tahun:O", title="Tahun", sort=[str(y) for y in years], axis=alt.Axis(labelAngle=0)),
        "y": alt.Y(
            "nilai:Q",
            title=f"Realisasi ({satuan})" if satuan else "Realisasi",
            scale=alt.Scale(domain=y_domain, zero=False),
            axis=alt.Axis(format=",~f"),
        ),
        "color": colour,
    }
    base = alt.Chart(_data(values))
    line = base.mark_line(strokeWidth=2, aria=False).encode(**enc)
    points = base.mark_point(filled=True, size=70, ariaRoleDescription="titik", opacity=1).encode(
        **enc,
        shape=alt.Shape("indikator:N", sort=series, legend=None),
        tooltip=[
            alt.Tooltip("indikator:N", title="Indikator"),
            alt.Tooltip("tahun:N", title="Tahun"),
            alt.Tooltip("t_nilai:N", title="Realisasi"),
        ],
        description=alt.Description("keterangan:N"),
    )
    labels = base.mark_text(dy=-11, aria=False).encode(x=enc["x"], y=enc["y"], text="label:N")
    chart = (line + points + labels).properties(width=max(PLOT_WIDTH, 90 * len(years)), height=260)

    parts = []
    table_rows = []
    for name in series:
        pts = [(y, by_key.get((name, y))) for y in years]
        measured = [(y, v) for y, v in pts if v is not None]
        table_rows.append((name, *[format_angka(v) for _, v in pts]))
        if len(measured) >= 2:
            (y0, v0), (y1, v1) = measured[0], measured[-1]
            diff = v1 - v0
            trend = "naik" if diff > 0 else "turun" if diff < 0 else "tetap"
            change = "" if diff == 0 else f" ({'+' if diff > 0 else '−'}{format_angka(abs(diff))})"
            parts.append(
                f"{name}: {trend} dari {format_angka(v0)} ({y0}) menjadi {format_angka(v1)} ({y1}){change}."
            )
        elif measured:
            parts.append(f"{name}: hanya tersedia nilai {format_angka(measured[0][1])} ({measured[0][0]}).")
        missing = [str(y) for y, v in pts if v is None]
        if missing:
            parts.append(f"{name}: tidak ada data tahun {_join(missing)}.")
    table = ChartTable(
        ("Indikator", *[str(y) for y in years]),
        tuple(table_rows),
        (False, *[True] * len(years)),
    )
    alt_text = (
        f"Grafik garis realisasi {len(series)} indikator dari tahun {years[0]} sampai {years[-1]}."
    )
    return _Plan(chart, " ".join(parts), table, alt_text)


def _plan_renstra(spec: ChartSpec) -> _Plan:
    rows = list(spec.rows)
    _require(rows, ("indikator", "realisasi", "target_akhir", "kemajuan"), spec.kind)
    names = [_text(r, "indikator") for r in rows]
    _unique_names(names, spec.kind)
    values = []
    table_rows = []
    measured: list[tuple[str, Decimal]] = []
    for row, name in zip(rows, names):
        k = to_decimal(row.get("kemajuan"))
        satuan = _text(row, "satuan")
        real_s = _value_with_grade(row.get("realisasi"))
        end_s = _value_with_grade(row.get("target_akhir"))
        k_s = format_persen(k)
        if k is not None:
            measured.append((name, k))
        values.append(
            {
                "indikator": name,
                "kemajuan": _num(k),
                "label": k_s if k is not None else "tidak dapat dihitung",
                "keterangan": f"{name}; realisasi {real_s}; target akhir {end_s}; kemajuan {k_s}",
                "t_realisasi": f"{real_s} {satuan}".strip(),
                "t_akhir": f"{end_s} {satuan}".strip(),
                "t_kemajuan": k_s,
            }
        )
        table_rows.append((name, satuan or DASH, real_s, end_s, k_s))
    y = alt.Y("indikator:N", sort=names, title=None, axis=alt.Axis(labelExpr=_wrap_expr(names)))
    base = alt.Chart(_data(values))
    bars = base.transform_filter("isValid(datum.kemajuan)").mark_bar(
        ariaRoleDescription="batang", color=NEUTRAL_BAR, cornerRadiusEnd=2, height={"band": 0.7}
    ).encode(
        y=y,
        x=alt.X("kemajuan:Q", title="Tingkat kemajuan terhadap target akhir Renstra (%)",
                scale=alt.Scale(domain=_percent_domain(v for _, v in measured), nice=False),
                axis=alt.Axis(format=",.0f", tickCount=6)),
        tooltip=[
            alt.Tooltip("indikator:N", title="Indikator"),
            alt.Tooltip("t_realisasi:N", title="Realisasi"),
            alt.Tooltip("t_akhir:N", title="Target akhir"),
            alt.Tooltip("t_kemajuan:N", title="Kemajuan"),
        ],
        description=alt.Description("keterangan:N"),
    )
    labels = base.mark_text(align="left", dx=4, aria=False).encode(
        y=y, x=alt.X("x0:Q"), text="label:N"
    ).transform_calculate(x0="isValid(datum.kemajuan) ? datum.kemajuan : 0")
    chart = (_target_rule(100.0, "Target akhir 100 %") + bars + labels).properties(
        width=PLOT_WIDTH, height=_band_height(len(names), _max_lines(names))
    )
    done = sum(1 for _, v in measured if v >= 100)
    parts = [f"{done} dari {len(rows)} indikator telah mencapai target akhir Renstra."]
    if measured:
        ext = _extreme_text(measured, format_persen)
        parts.append("Kemajuan " + ext[0].lower() + ext[1:])
    table = ChartTable(
        ("Indikator", "Satuan", "Realisasi", "Target akhir", "Kemajuan"),
        tuple(table_rows),
        (False, False, True, True, True),
    )
    alt_text = f"Grafik batang tingkat kemajuan {len(rows)} indikator terhadap target akhir Renstra."
    return _Plan(chart, " ".join(parts), table, alt_text)


def _serapan(row: Mapping[str, Any], pagu: Decimal | None, real: Decimal | None) -> Decimal | None:
    given = to_decimal(row.get("serapan"))
    if given is not None or "serapan" in row:
        return given
    if pagu is None or real is None or pagu == 0:
        return None
    return real / pagu * 100


def _plan_budget(spec: ChartSpec, name_key: str, what: str) -> _Plan:
    rows = list(spec.rows)
    _require(rows, (name_key, "pagu", "realisasi"), spec.kind)
    if name_key == "jenis":
        names = [JENIS_BELANJA_LABEL.get(_text(r, "jenis"), _text(r, "jenis")) for r in rows]
    else:
        names = [_text(r, name_key) for r in rows]
    _unique_names(names, spec.kind)
    values = []
    table_rows = []
    serapan_items: list[tuple[str, Decimal]] = []
    total_pagu = Decimal(0)
    total_real = Decimal(0)
    complete = True
    biggest = Decimal(0)
    for row, name in zip(rows, names):
        pagu = to_decimal(row.get("pagu"))
        real = to_decimal(row.get("realisasi"))
        s = _serapan(row, pagu, real)
        if pagu is None or real is None:
            complete = False
        total_pagu += pagu or 0
        total_real += real or 0
        biggest = max(biggest, pagu or 0, real or 0)
        if s is not None:
            serapan_items.append((name, s))
        desc = f"{name}; pagu {format_rupiah(pagu)}; realisasi {format_rupiah(real)}; serapan {format_persen(s)}"
        for seri, v in (("Pagu", pagu), ("Realisasi", real)):
            values.append(
                {
                    "nama": name,
                    "seri": seri,
                    "nilai": _num(v),
                    "label": format_persen(s) if seri == "Realisasi" and s is not None else "",
                    "keterangan": f"{seri} {desc}",
                    "t_pagu": format_rupiah(pagu),
                    "t_realisasi": format_rupiah(real),
                    "t_serapan": format_persen(s),
                }
            )
        table_rows.append((name, format_rupiah(pagu), format_rupiah(real), format_persen(s)))
    title, label_expr = _rupiah_axis(biggest)
    lines = _max_lines(names)
    y = alt.Y("nama:N", sort=names, title=None, axis=alt.Axis(labelExpr=_wrap_expr(names)))
    colour = alt.Color(
        "seri:N", title=None, scale=alt.Scale(domain=["Pagu", "Realisasi"], range=["#56B4E9", "#0072B2"])
    )
    x = alt.X(
        "nilai:Q",
        title=title,
        scale=alt.Scale(domain=_value_domain([biggest]), nice=False),
        axis=alt.Axis(labelExpr=label_expr, tickCount=5),
    )
    base = alt.Chart(_data(values)).transform_filter("isValid(datum.nilai)")
    y_off = alt.YOffset("seri:N", sort=["Pagu", "Realisasi"])
    bars = base.mark_bar(ariaRoleDescription="batang", cornerRadiusEnd=2).encode(
        y=y,
        yOffset=y_off,
        x=x,
        color=colour,
        tooltip=[
            alt.Tooltip("nama:N", title=what.capitalize()),
            alt.Tooltip("t_pagu:N", title="Pagu"),
            alt.Tooltip("t_realisasi:N", title="Realisasi"),
            alt.Tooltip("t_serapan:N", title="Serapan"),
        ],
        description=alt.Description("keterangan:N"),
    )
    labels = base.mark_text(align="left", dx=4, aria=False).encode(
        y=y, yOffset=y_off, x=x, text="label:N"
    )
    chart = (bars + labels).properties(
        width=PLOT_WIDTH, height=max(len(names) * max(2 * 22 + 12, 14 * lines + 10), 60)
    )
    parts = []
    if complete and total_pagu > 0:
        parts.append(
            f"Jumlah pagu {len(rows)} {what} {format_rupiah(total_pagu)}, realisasi "
            f"{format_rupiah(total_real)} (serapan {format_persen(total_real / total_pagu * 100)})."
        )
    if serapan_items:
        ext = _extreme_text(serapan_items, format_persen)
        parts.append("Serapan " + ext[0].lower() + ext[1:])
    table = ChartTable(
        (what.capitalize(), "Pagu", "Realisasi", "Serapan"),
        tuple(table_rows),
        (False, True, True, True),
    )
    alt_text = f"Grafik batang pagu dan realisasi anggaran per {what} ({len(rows)} {what})."
    return _Plan(chart, " ".join(parts), table, alt_text)


def _plan_efisiensi(spec: ChartSpec) -> _Plan:
    rows = list(spec.rows)
    _require(rows, ("nama", "capaian", "serapan"), spec.kind)
    tingkat = spec.options.get("tingkat") or "program"
    metode = spec.options.get("metode")
    names = [_text(r, "nama") for r in rows]
    _unique_names(names, spec.kind)
    series = ["Capaian kinerja", "Serapan anggaran"]
    has_eff = any("efisiensi" in r for r in rows)
    has_status = any("status" in r for r in rows)
    values = []
    table_rows = []
    all_vals: list[Decimal] = []
    above = 0
    compared = 0
    for row, name in zip(rows, names):
        c = to_decimal(row.get("capaian"))
        s = to_decimal(row.get("serapan"))
        eff = row.get("efisiensi")
        eff_s = eff.strip() if isinstance(eff, str) else format_angka(to_decimal(eff), 2)
        status = _text(row, "status", DASH)
        if c is not None and s is not None:
            compared += 1
            above += c > s
        desc = f"{name}; capaian {format_persen(c)}; serapan {format_persen(s)}"
        if has_status:
            desc += f"; {status}"
        for seri, v in zip(series, (c, s)):
            if v is not None:
                all_vals.append(v)
            values.append(
                {
                    "nama": name,
                    "seri": seri,
                    "nilai": _num(v),
                    "label": format_persen(v) if v is not None else "",
                    "keterangan": f"{seri} {desc}",
                    "t_capaian": format_persen(c),
                    "t_serapan": format_persen(s),
                    "t_status": status,
                }
            )
        cells = [name, format_persen(c), format_persen(s)]
        if has_eff:
            cells.append(eff_s)
        if has_status:
            cells.append(status)
        table_rows.append(tuple(cells))
    y = alt.Y("nama:N", sort=names, title=None, axis=alt.Axis(labelExpr=_wrap_expr(names)))
    y_off = alt.YOffset("seri:N", sort=series)
    x = alt.X("nilai:Q", title="Persen (%)", scale=alt.Scale(domain=_percent_domain(all_vals), nice=False),
              axis=alt.Axis(format=",.0f", tickCount=6))
    tooltip = [
        alt.Tooltip("nama:N", title=tingkat.capitalize()),
        alt.Tooltip("t_capaian:N", title="Capaian kinerja"),
        alt.Tooltip("t_serapan:N", title="Serapan anggaran"),
    ]
    if has_status:
        tooltip.append(alt.Tooltip("t_status:N", title="Efisiensi"))
    base = alt.Chart(_data(values)).transform_filter("isValid(datum.nilai)")
    bars = base.mark_bar(ariaRoleDescription="batang", cornerRadiusEnd=2).encode(
        y=y,
        yOffset=y_off,
        x=x,
        color=alt.Color("seri:N", title=None, scale=alt.Scale(domain=series, range=["#0072B2", "#E69F00"])),
        tooltip=tooltip,
        description=alt.Description("keterangan:N"),
    )
    labels = base.mark_text(align="left", dx=4, aria=False).encode(y=y, yOffset=y_off, x=x, text="label:N")
    chart = (_target_rule(100.0, "100 %") + bars + labels).properties(
        width=PLOT_WIDTH, height=max(len(names) * max(56, 14 * _max_lines(names) + 10), 60)
    )
    parts = [
        f"Pada {above} dari {compared} {tingkat}, capaian kinerja lebih tinggi daripada serapan anggaran."
    ]
    if metode:
        parts.append(f"Efisiensi dihitung dengan metode {metode}.")
    header = [tingkat.capitalize(), "Capaian kinerja", "Serapan anggaran"]
    numeric = [False, True, True]
    if has_eff:
        header.append("Efisiensi")
        numeric.append(True)
    if has_status:
        header.append("Keterangan")
        numeric.append(False)
    table = ChartTable(tuple(header), tuple(table_rows), tuple(numeric))
    alt_text = f"Grafik batang capaian kinerja dibandingkan serapan anggaran untuk {len(rows)} {tingkat}."
    return _Plan(chart, " ".join(parts), table, alt_text)


def _plan_ikm(spec: ChartSpec) -> _Plan:
    rows = list(spec.rows)
    _require(rows, ("kode", "nama", "nilai"), spec.kind)
    names = [f"{_text(r, 'kode')} {_text(r, 'nama')}".strip() for r in rows]
    _unique_names(names, spec.kind)
    values = []
    items: list[tuple[str, Decimal]] = []
    table_rows = []
    for row, name in zip(rows, names):
        v = to_decimal(row.get("nilai"))
        shown = format_angka(v, 2)
        if v is not None:
            items.append((name, v))
        values.append(
            {"unsur": name, "nilai": _num(v), "label": shown, "keterangan": f"{name}; nilai rata-rata {shown}"}
        )
        table_rows.append((_text(row, "kode"), _text(row, "nama"), shown))
    y = alt.Y("unsur:N", sort=names, title=None, axis=alt.Axis(labelExpr=_wrap_expr(names)))
    base = alt.Chart(_data(values))
    bars = base.transform_filter("isValid(datum.nilai)").mark_bar(
        ariaRoleDescription="batang", color=NEUTRAL_BAR, cornerRadiusEnd=2, height={"band": 0.7}
    ).encode(
        y=y,
        x=alt.X("nilai:Q", title="Nilai rata-rata unsur (skala 1–4)", scale=alt.Scale(domain=[0, 4.6], nice=False),
                axis=alt.Axis(values=[0, 1, 2, 3, 4], format=",.0f")),
        tooltip=[alt.Tooltip("unsur:N", title="Unsur"), alt.Tooltip("label:N", title="Nilai")],
        description=alt.Description("keterangan:N"),
    )
    labels = base.transform_filter("isValid(datum.nilai)").mark_text(align="left", dx=4, aria=False).encode(
        y=y, x="nilai:Q", text="label:N"
    )
    chart = (bars + labels).properties(width=PLOT_WIDTH, height=_band_height(len(names), _max_lines(names)))
    parts = []
    nilai_ikm = to_decimal(spec.options.get("nilai_ikm"))
    if nilai_ikm is not None:
        mutu = spec.options.get("mutu")
        parts.append(f"Nilai IKM {format_angka(nilai_ikm, 2)}" + (f" (mutu {mutu})." if mutu else "."))
    if items:
        ext = _extreme_text(items, lambda v: format_angka(v, 2))
        parts.append("Unsur dengan nilai " + ext[0].lower() + ext[1:])
    table = ChartTable(("Kode", "Unsur pelayanan", "Nilai rata-rata"), tuple(table_rows), (False, False, True))
    alt_text = f"Grafik batang nilai rata-rata {len(rows)} unsur pelayanan survei kepuasan masyarakat."
    return _Plan(chart, " ".join(parts), table, alt_text)


_YEAR_RE = re.compile(r"^(19|20)\d{2}$")
_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})(-01)?$")


def _column_label(col: str, labels: Mapping[str, str]) -> str:
    if col in labels:
        return labels[col]
    text = col.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


@dataclass
class _Dataset:
    """A dataset spec checked and parsed: x categories, exact Decimal values per series."""

    nama: str
    jenis: str
    x_col: str
    y_cols: tuple[str, ...]
    x_kind: str  # kategori | tahun | bulan
    raw_x: list[str]
    x_shown: list[str]  # display text (month names for months)
    series: list[str]
    matrix: list[list[Decimal | None]]  # one row per x, one cell per series
    labels: Mapping[str, str]
    satuan_opt: Any
    warna: Any

    def satuan(self, col: str) -> str:
        if isinstance(self.satuan_opt, Mapping):
            return str(self.satuan_opt.get(col, ""))
        return str(self.satuan_opt or "")

    def x_value(self, raw: str) -> str:
        """Value handed to Vega for x: ISO dates for months, the text otherwise."""
        return _month_iso(raw) if self.x_kind == "bulan" else raw

    @property
    def x_title(self) -> str:
        return _column_label(self.x_col, self.labels)

    @property
    def totals(self) -> list[Decimal]:
        return [sum((v for v in cells if v is not None), Decimal(0)) for cells in self.matrix]


def _parse_dataset(spec: ChartSpec) -> _Dataset:
    o = spec.options
    nama = o.get("nama") or "dataset"
    columns: tuple[str, ...] = tuple(o.get("columns") or ())
    rows = list(spec.rows)
    x_col: str = o["x"]
    y_cols: tuple[str, ...] = tuple(o["y"])
    jenis: str = o.get("jenis") or "batang"
    if jenis not in DATASET_KINDS:
        raise ChartError(f"Dataset '{nama}': jenis '{jenis}' tidak dikenal; pilihan: {', '.join(DATASET_KINDS)}.")
    if not y_cols:
        raise ChartError(f"Dataset '{nama}': kolom y belum diisi.")
    for col in (x_col, *y_cols):
        if columns and col not in columns:
            raise ChartError(f"Dataset '{nama}': kolom '{col}' tidak ada; kolom tersedia: {', '.join(columns)}.")
    if not rows:
        raise ChartError(f"Dataset '{nama}' tidak memiliki baris data.")
    if jenis == "donat" and len(y_cols) != 1:
        raise ChartError(f"Dataset '{nama}': grafik donat memerlukan tepat satu kolom y.")

    # x values: years and months are ordered time, anything else a category in file order.
    raw_x = [_text(r, x_col) for r in rows]
    _unique_names(raw_x, f"dataset {nama}")
    x_kind = "kategori"
    if all(_YEAR_RE.match(v) for v in raw_x):
        x_kind = "tahun"
    elif all(_MONTH_RE.match(v) for v in raw_x):
        x_kind = "bulan"
    x_shown = [_month_name(v) if x_kind == "bulan" else v for v in raw_x]

    matrix: list[list[Decimal | None]] = []
    for i, row in enumerate(rows, start=1):
        cells = []
        for col in y_cols:
            raw = row.get(col)
            d = to_decimal(raw)
            if d is None and raw not in (None, "") and not hasattr(raw, "reason"):
                raise ChartError(f"Dataset '{nama}': baris {i} kolom '{col}' bukan angka: {raw!r}.")
            cells.append(d)
        matrix.append(cells)
    labels = o.get("label") or {}
    return _Dataset(
        nama=nama, jenis=jenis, x_col=x_col, y_cols=y_cols, x_kind=x_kind, raw_x=raw_x, x_shown=x_shown,
        series=[_column_label(col, labels) for col in y_cols], matrix=matrix, labels=labels,
        satuan_opt=o.get("satuan"), warna=o.get("warna"),
    )


def _dataset_values(ds: _Dataset) -> list[dict[str, Any]]:
    """Long-format rows for Vega: one per (x, series), labels formatted from the exact Decimals."""
    values = []
    for xi, xs, cells in zip(ds.raw_x, ds.x_shown, ds.matrix):
        for col, seri, v in zip(ds.y_cols, ds.series, cells):
            unit = ds.satuan(col)
            shown = format_angka(v)
            values.append(
                {
                    "x": ds.x_value(xi),
                    "x_label": xs,
                    "seri": seri,
                    "nilai": _num(v),
                    "label": shown if v is not None else "",
                    "t_nilai": f"{shown} {unit}".strip(),
                    "keterangan": f"{xs}; {seri}: {shown} {unit}".rstrip(),
                }
            )
    return values


def _dataset_y_title(ds: _Dataset) -> str:
    title = ds.series[0] if len(ds.series) == 1 else "Nilai"
    units = {ds.satuan(col) for col in ds.y_cols}
    if len(units) == 1 and next(iter(units)):
        title += f" ({next(iter(units))})"
    return title


def _dataset_tooltip(ds: _Dataset) -> list[Any]:
    tooltip = [alt.Tooltip("x_label:N", title=ds.x_title)]
    if len(ds.series) > 1:
        tooltip.append(alt.Tooltip("seri:N", title="Seri"))
    tooltip.append(alt.Tooltip("t_nilai:N", title="Nilai"))
    return tooltip


def _series_colour(ds: _Dataset) -> alt.Color:
    colours = _series_colours(ds.warna, len(ds.series), ds.nama)
    return alt.Color(
        "seri:N",
        title=None,
        sort=ds.series,
        scale=alt.Scale(domain=ds.series, range=colours),
        legend=None if len(ds.series) == 1 else alt.Legend(),
    )


def _dataset_line(ds: _Dataset) -> Any:
    base = alt.Chart(_data(_dataset_values(ds))).transform_filter("isValid(datum.nilai)")
    x = _time_x(ds.x_kind, ds.raw_x, ds.x_title)
    y = alt.Y("nilai:Q", title=_dataset_y_title(ds), axis=alt.Axis(format=",~f"))
    enc = {"x": x, "y": y, "color": _series_colour(ds)}
    line = base.mark_line(strokeWidth=2, aria=False).encode(**enc)
    points = base.mark_point(filled=True, size=60, opacity=1, ariaRoleDescription="titik").encode(
        **enc,
        shape=alt.Shape("seri:N", sort=ds.series, legend=None),
        tooltip=_dataset_tooltip(ds),
        description=alt.Description("keterangan:N"),
    )
    chart = line + points
    if len(ds.series) == 1:  # value labels only where they cannot collide with another series
        chart += base.mark_text(dy=-10, aria=False).encode(x=x, y=y, text="label:N")
    return chart.properties(width=max(PLOT_WIDTH, 48 * len(ds.raw_x)), height=260)


def _dataset_bars(ds: _Dataset) -> Any:
    """Grouped or stacked bars; horizontal for categories (long names), vertical for years/months."""
    stacked = ds.jenis == "batang_tumpuk"
    vertical = ds.x_kind != "kategori"
    biggest = max(ds.totals) if stacked else max(
        (v for cells in ds.matrix for v in cells if v is not None), default=Decimal(0)
    )
    value_channel = alt.Y if vertical else alt.X
    val_enc = value_channel(
        "nilai:Q",
        title=_dataset_y_title(ds),
        stack="zero" if stacked else None,
        scale=alt.Scale(domain=_value_domain([biggest]), nice=False),
        axis=alt.Axis(format=",~f", tickCount=5),
    )
    if vertical:
        cat_enc: Any = _time_x(ds.x_kind, ds.raw_x, ds.x_title)
    else:
        cat_enc = alt.Y("x:N", sort=ds.raw_x, title=None, axis=alt.Axis(labelExpr=_wrap_expr(ds.raw_x)))
    cat_key, val_key = ("x", "y") if vertical else ("y", "x")
    position: dict[str, Any] = {cat_key: cat_enc, val_key: val_enc}
    if not stacked and len(ds.series) > 1:
        if vertical:
            position["xOffset"] = alt.XOffset("seri:N", sort=ds.series)
        else:
            position["yOffset"] = alt.YOffset("seri:N", sort=ds.series)
    base = alt.Chart(_data(_dataset_values(ds))).transform_filter("isValid(datum.nilai)")
    bars = base.mark_bar(ariaRoleDescription="batang").encode(
        **position,
        color=_series_colour(ds),
        tooltip=_dataset_tooltip(ds),
        description=alt.Description("keterangan:N"),
    )
    text_style: dict[str, Any] = {"dy": -8} if vertical else {"align": "left", "dx": 4}
    if stacked:  # one label per stack: its total
        totals = [
            {"x": ds.x_value(x), "total": _num(t), "label": format_angka(t)} for x, t in zip(ds.raw_x, ds.totals)
        ]
        labels = alt.Chart(_data(totals)).mark_text(aria=False, **text_style).encode(
            **{cat_key: cat_enc, val_key: value_channel("total:Q")}, text=alt.Text("label:N")
        )
    else:
        labels = base.mark_text(aria=False, **text_style).encode(**position, text="label:N")
    per_category = 22 * (1 if stacked else len(ds.series)) + 10
    if vertical:
        size = {"width": max(PLOT_WIDTH, len(ds.raw_x) * max(per_category, 40)), "height": 260}
    else:
        lines = _max_lines(ds.raw_x)
        size = {"width": PLOT_WIDTH, "height": len(ds.raw_x) * max(per_category, 14 * lines + 10, BAND)}
    return alt.layer(bars, labels).properties(**size)


def _donut_shares(ds: _Dataset) -> list[Decimal | None]:
    total = sum(ds.totals, Decimal(0))
    return [cells[0] / total * 100 if cells[0] is not None and total else None for cells in ds.matrix]


def _dataset_donut(ds: _Dataset) -> Any:
    """Donut: shares computed here from exact Decimals so labels match the table."""
    colours = _series_colours(ds.warna, len(ds.raw_x), ds.nama)
    values = []
    for order, (xs, cells, share) in enumerate(zip(ds.x_shown, ds.matrix, _donut_shares(ds))):
        if cells[0] is None:
            continue
        shown = format_angka(cells[0])
        pct = format_persen(share)
        unit = ds.satuan(ds.y_cols[0])
        values.append(
            {
                "x_label": xs,
                "urut": order,
                "nilai": _num(cells[0]),
                "t_nilai": f"{shown} {unit}".strip(),
                "persen": pct,
                "label": f"{xs} ({pct})",
                "keterangan": f"{xs}: {shown} {unit}".rstrip() + f"; {pct}",
            }
        )
    base = alt.Chart(_data(values))
    colour = alt.Color(
        "x_label:N", title=None, sort=list(ds.x_shown), scale=alt.Scale(domain=list(ds.x_shown), range=colours),
        legend=alt.Legend(columns=2, direction="vertical"),
    )
    theta = alt.Theta("nilai:Q", stack=True)
    order = alt.Order("urut:Q")
    arcs = base.mark_arc(innerRadius=70, outerRadius=120, stroke="#ffffff", ariaRoleDescription="juring").encode(
        theta=theta, color=colour, order=order,
        tooltip=[*_dataset_tooltip(ds), alt.Tooltip("persen:N", title="Persentase")],
        description=alt.Description("keterangan:N"),
    )
    labels = base.mark_text(radius=142, aria=False).encode(theta=theta, order=order, text="label:N")
    return (arcs + labels).properties(width=320, height=300)


def _dataset_table(ds: _Dataset) -> ChartTable:
    header: list[str] = [ds.x_title]
    header += [f"{s} ({ds.satuan(col)})" if ds.satuan(col) else s for s, col in zip(ds.series, ds.y_cols)]
    rows = [[xs, *[format_angka(v) for v in cells]] for xs, cells in zip(ds.x_shown, ds.matrix)]
    numeric = [False] + [True] * len(ds.series)
    if ds.jenis == "batang_tumpuk":
        header.append("Jumlah")
        for row, total in zip(rows, ds.totals):
            row.append(format_angka(total))
        numeric.append(True)
    if ds.jenis == "donat":
        header.append("Persentase")
        for row, share in zip(rows, _donut_shares(ds)):
            row.append(format_persen(share))
        numeric.append(True)
    return ChartTable(tuple(header), tuple(tuple(r) for r in rows), tuple(numeric))


_DATASET_KIND_TEXT = {
    "batang": "Grafik batang",
    "batang_tumpuk": "Grafik batang bertumpuk",
    "garis": "Grafik garis",
    "donat": "Grafik donat",
}


def _plan_dataset(spec: ChartSpec) -> _Plan:
    ds = _parse_dataset(spec)
    if ds.jenis == "donat":
        chart = _dataset_donut(ds)
    elif ds.jenis == "garis":
        chart = _dataset_line(ds)
    else:
        chart = _dataset_bars(ds)
    summary = _dataset_summary(ds.jenis, ds.x_shown, ds.series, ds.matrix)
    what = ds.x_title.lower()
    alt_text = (
        f"{_DATASET_KIND_TEXT[ds.jenis]} {_join([s.lower() for s in ds.series])} menurut {what} "
        f"({len(ds.raw_x)} {what})."
    )
    return _Plan(chart, summary, _dataset_table(ds), alt_text)


def _month_iso(value: str) -> str:
    m = _MONTH_RE.match(value)
    assert m is not None
    return f"{m.group(1)}-{m.group(2)}-01"


def _month_name(value: str) -> str:
    m = _MONTH_RE.match(value)
    assert m is not None
    month = int(m.group(2))
    if not 1 <= month <= 12:
        raise ChartError(f"Bulan tidak sah: {value!r}.")
    return f"{BULAN[month - 1]} {m.group(1)}"


def _time_x(x_kind: str, raw_x: Sequence[str], title: str) -> alt.X:
    if x_kind == "bulan":
        # UTC so that the month never shifts with the build machine's time zone.
        return alt.X(
            "x:T", timeUnit="utcyearmonth", title=title,
            axis=alt.Axis(format="%b %Y", labelAngle=0 if len(raw_x) <= 6 else -45, tickCount=min(len(raw_x), 12)),
        )
    return alt.X("x:O", sort=list(raw_x), title=title, axis=alt.Axis(labelAngle=0 if len(raw_x) <= 8 else -45))


def _series_colours(warna: Any, n: int, nama: str) -> list[str]:
    if warna is None:
        return [OKABE_ITO[i % len(OKABE_ITO)] for i in range(n)]
    given = [warna] if isinstance(warna, str) else list(warna)
    for c in given:
        if not re.fullmatch(r"#[0-9A-Fa-f]{6}", str(c)):
            raise ChartError(f"Dataset '{nama}': warna '{c}' harus berbentuk #rrggbb.")
    if len(given) == 1:
        return given * n
    if len(given) < n:
        raise ChartError(f"Dataset '{nama}': diperlukan {n} warna, hanya {len(given)} yang diberikan.")
    return given[:n]


def _dataset_summary(
    jenis: str, x_shown: Sequence[str], series: Sequence[str], matrix: Sequence[Sequence[Decimal | None]]
) -> str:
    parts = []
    if jenis == "donat":
        items = [(x, c[0]) for x, c in zip(x_shown, matrix) if c[0] is not None]
        total = sum((v for _, v in items), Decimal(0))
        if items and total:
            shares = [(x, v / total * 100) for x, v in items]
            ext = _extreme_text(shares, format_persen)
            parts.append(f"Jumlah {format_angka(total)}. Bagian " + ext[0].lower() + ext[1:])
        return " ".join(parts)
    if jenis == "batang_tumpuk" and len(series) > 1:
        totals = [(x, sum((v for v in c if v is not None), Decimal(0))) for x, c in zip(x_shown, matrix)]
        ext = _extreme_text(totals, format_angka)
        parts.append("Jumlah " + ext[0].lower() + ext[1:])
    for i, s in enumerate(series):
        items = [(x, c[i]) for x, c in zip(x_shown, matrix) if c[i] is not None]
        if not items:
            parts.append(f"{s}: tidak ada nilai.")
            continue
        ext = _extreme_text(items, format_angka)
        parts.append(f"{s} – {ext[0].lower()}{ext[1:]}" if len(series) > 1 else ext)
    return " ".join(parts)


_PLANNERS: dict[str, Callable[[ChartSpec], _Plan]] = {
    "target_realisasi": _plan_target_realisasi,
    "tren": _plan_tren,
    "renstra": _plan_renstra,
    "anggaran_program": lambda s: _plan_budget(s, "program", "program"),
    "jenis_belanja": lambda s: _plan_budget(s, "jenis", "jenis belanja"),
    "efisiensi": _plan_efisiensi,
    "ikm": _plan_ikm,
    "dataset": _plan_dataset,
}


# --------------------------------------------------------------------------------------------------
# Spec, SVG, cache
# --------------------------------------------------------------------------------------------------


def canonical_json(obj: Any) -> str:
    """Stable JSON: the cache key and the id prefix depend only on content."""
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def build(spec: ChartSpec) -> tuple[dict[str, Any], str, ChartTable, str]:
    """Plan a chart without rendering: (Vega-Lite dict, summary, table, alt). Cheap; no vl-convert."""
    plan = _PLANNERS[spec.kind](spec)
    chart = plan.chart.properties(description=plan.alt)
    vl = chart.to_dict(validate=True)
    vl.pop("config", None)  # Altair's defaults; ours replace them wholesale
    vl["config"] = theme_config()
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
    return vl, plan.summary, plan.table, plan.alt


_ID_RE = re.compile(r'\sid="([^"]+)"')


def stabilise_svg(svg: str, key: str, alt_text: str) -> str:
    """Make vl-convert's SVG deterministic and page-safe, and give it an accessible name.

    Ids (clip paths, gradients) come from a process-wide counter; rename them in order of
    appearance to ``g<key>-<n>`` so the same chart always has the same bytes and two charts on one
    page never collide. The root gets ``role="img"`` and ``aria-label`` (the summary and the data
    table beside it carry the details).
    """
    ids: list[str] = []
    for m in _ID_RE.finditer(svg):
        if m.group(1) not in ids:
            ids.append(m.group(1))
    mapping = {old: f"g{key[:10]}-{i}" for i, old in enumerate(ids, start=1)}
    if mapping:
        alternatives = "|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True))
        pattern = re.compile(r'(id="|url\(#|href="#)(' + alternatives + r')(?=[")])')
        svg = pattern.sub(lambda m: m.group(1) + mapping[m.group(2)], svg)
    label = _xml_attr(alt_text)
    svg = re.sub(r"^<svg\b", f'<svg role="img" aria-label="{label}" focusable="false"', svg, count=1)
    return svg


def _xml_attr(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )


_registered_fonts: dict[str, str] = {}


def register_fonts(font_dir: Path) -> str:
    """Register a font directory with vl-convert once per process; returns its fingerprint.

    The fingerprint (hash of file names and contents) goes into cache keys, so changing the
    theme's fonts re-renders every chart.
    """
    key = str(font_dir.resolve())
    if key in _registered_fonts:
        return _registered_fonts[key]
    h = hashlib.sha256()
    if font_dir.is_dir():
        for path in sorted(p for p in font_dir.rglob("*") if p.is_file()):
            if path.suffix.lower() in {".ttf", ".otf", ".woff", ".woff2", ".ttc"}:
                h.update(path.relative_to(font_dir).as_posix().encode())
                h.update(hashlib.sha256(path.read_bytes()).digest())
        vlc.register_font_directory(key)
    _registered_fonts[key] = h.hexdigest()[:16]
    return _registered_fonts[key]


def _fonts_fingerprint() -> str:
    return ",".join(f"{k}={v}" for k, v in sorted(_registered_fonts.items()))


def render_svg(vl: Mapping[str, Any]) -> str:
    """Raw vl-convert call (offline: no external data URLs are allowed)."""
    return vlc.vegalite_to_svg(
        dict(vl),
        format_locale=ID_FORMAT_LOCALE,
        time_format_locale=ID_TIME_FORMAT_LOCALE,
        allowed_base_urls=[],
    )


class ChartCache:
    """SVG cache on disk keyed by content; ``hits``/``misses`` let tests and the build report it.

    Key = sha256(canonical spec JSON + vl-convert version + engine version + font fingerprints).
    Writes are atomic (temp file + rename), so parallel builds never read half a file.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.hits = 0
        self.misses = 0

    def key(self, vl: Mapping[str, Any], alt_text: str = "") -> str:
        material = "\n".join(
            [
                canonical_json(vl),
                alt_text,
                f"vl-convert {getattr(vlc, '__version__', '?')}",
                f"engine {ENGINE_VERSION}",
                f"fonts {_fonts_fingerprint()}",
            ]
        )
        return hashlib.sha256(material.encode("utf-8")).hexdigest()

    def get_or_render(self, vl: Mapping[str, Any], alt_text: str, render: Callable[[], str]) -> str:
        key = self.key(vl, alt_text)
        path = self.directory / key[:2] / f"{key}.svg"
        if path.is_file():
            self.hits += 1
            return path.read_text(encoding="utf-8")
        self.misses += 1
        svg = render()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(svg)
        os.replace(tmp, path)
        return svg


def render_chart(spec: ChartSpec, cache: ChartCache | None = None) -> ChartResult:
    """Build and render one chart. Raises :class:`ChartError` (Indonesian message) on bad input."""
    vl, summary, table, alt_text = build(spec)
    key_source = canonical_json(vl) + "\n" + alt_text

    def _render() -> str:
        key = hashlib.sha256(key_source.encode("utf-8")).hexdigest()
        return stabilise_svg(render_svg(vl), key, alt_text)

    svg = cache.get_or_render(vl, alt_text, _render) if cache is not None else _render()
    return ChartResult(svg=svg, spec=vl, summary=summary, table=table, alt=alt_text)


# --------------------------------------------------------------------------------------------------
# Interactive upgrade: one local JavaScript bundle
# --------------------------------------------------------------------------------------------------

BUNDLE_SUBDIR = "vega"


def vega_bundle_source() -> str:
    """vega + vega-lite + vega-embed as one classic script defining ``window.vegaEmbed``.

    vl-convert emits an ES2020 script without import/export; wrapping it in a strict-mode function
    keeps its top-level ``const`` names out of the page's global scope (so it works as a classic
    ``<script>``, also from ``file://`` where module scripts are blocked) and keeps module semantics.
    """
    body = vlc.javascript_bundle()
    versions = (
        f"vega {vlc.get_vega_version()}, vega-lite {vlc.get_vegalite_versions()[-1]}, "
        f"vega-embed {vlc.get_vega_embed_version()}"
    )
    header = (
        f"/* {versions} (BSD-3-Clause, https://vega.github.io), bundled by vl-convert "
        f"{getattr(vlc, '__version__', '?')}. Local copy: the site loads nothing from a CDN. */\n"
    )
    return header + '(function () {\n"use strict";\n' + body + "\n})();\n"


def write_vega_bundle(dest_dir: Path, cache_dir: Path | None = None) -> str:
    """Write ``<dest_dir>/vega/vega-bundle.<hash>.js`` once and return its path relative to dest_dir.

    The hash in the name makes the URL immutable (cache forever). Building the bundle takes ~2 s,
    so with ``cache_dir`` the source is kept between builds, keyed by the vl-convert version.
    """
    source: str | None = None
    cached: Path | None = None
    if cache_dir is not None:
        cached = Path(cache_dir) / f"vega-bundle-{getattr(vlc, '__version__', 'x')}-{ENGINE_VERSION}.js"
        if cached.is_file():
            source = cached.read_text(encoding="utf-8")
    if source is None:
        source = vega_bundle_source()
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_text(source, encoding="utf-8")
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()[:12]
    rel = f"{BUNDLE_SUBDIR}/vega-bundle.{digest}.js"
    out = Path(dest_dir) / rel
    if not out.is_file():
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(source, encoding="utf-8")
    return rel
