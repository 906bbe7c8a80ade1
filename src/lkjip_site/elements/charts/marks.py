"""Pieces every chart planner shares: row access, label wrapping, domains, layering, the target rule, summary
phrases.

Altair costs half a second to import, and a build whose charts are all unchanged never plans one, so it is imported
on first use (:class:`..core.lazy.Lazy`), not at module import.
"""

from __future__ import annotations

import functools
import re
import textwrap
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from ...core.controls import js_literal
from ...core.fmt import DASH, NA, fmt_value_entered
from ...core.lazy import Lazy
from ...core.numbers import as_decimal
from .spec import ChartError, ChartTable
from .narrow import text_width
from .style import BACKGROUND, BAND, LABEL_WRAP, MUTED_COLOUR


alt: Any = Lazy("altair")


def to_float(value: Decimal | None) -> float | None:
    """Decimal → float for Vega positions only (never for displayed text)."""
    return None if value is None else float(value)


def text(row: Mapping[str, Any], key: str, default: str = "") -> str:
    value = row.get(key)
    return default if value is None else str(value)


def require(rows: Sequence[Mapping[str, Any]], keys: Iterable[str], kind: str) -> None:
    if not rows:
        raise ChartError(f"Grafik '{kind}' tidak memiliki data untuk digambar.")
    for i, row in enumerate(rows, start=1):
        missing = [k for k in keys if k not in row]
        if missing:
            raise ChartError(
                f"Grafik '{kind}': baris {i} tidak memiliki kolom {', '.join(repr(m) for m in missing)}."
            )


def unique_names(names: Sequence[str], kind: str) -> None:
    """Categories are the scale domain: two rows with one name would silently merge into one bar."""
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise ChartError(f"Grafik '{kind}': nama '{name}' muncul lebih dari sekali.")
        seen.add(name)


@functools.lru_cache(maxsize=4096)
def wrap(label: str, width: int = LABEL_WRAP) -> tuple[str, ...]:
    """A category's lines. Kept: a chart asks for each label's lines three times (labelExpr, its test, the height),
    and one report's charts share most of their labels; textwrap was a sixth of planning."""
    return tuple(textwrap.wrap(label, width=width, break_long_words=False)) or (label,)


def wrap_expr(labels: Iterable[str]) -> str:
    """A Vega ``labelExpr`` mapping each long category to its wrapped lines (multi-line labels)."""
    mapping = {lab: wrap(lab) for lab in labels if len(wrap(lab)) > 1}
    if not mapping:
        return "datum.label"
    return f"{js_literal(mapping)}[datum.label] || datum.label"


def band_height(n_categories: int, lines: int = 1) -> int:
    return max(1, n_categories) * max(BAND, 14 * lines + 10)


def max_lines(labels: Iterable[str]) -> int:
    return max((len(wrap(lab)) for lab in labels), default=1)


def extreme_text(items: Sequence[tuple[str, Decimal]], fmt: Callable[[Decimal], str], left_out: int = 0) -> str:
    """"tertinggi … ; terendah …" naming every tie (:func:`extreme_sentence`, without marks)."""
    return extreme_sentence(items, fmt, left_out).text


def extreme_sentence(items: Sequence[tuple[str, Decimal]], fmt: Callable[[Decimal], str], left_out: int = 0,
                     ids: Sequence[str] = (), lead: str = "", unit: str = "") -> Sentence:
    """"tertinggi … ; terendah …" naming every tie, so the text is true however the data falls; ``left_out`` values
    without a figure (N/A) are said, not hidden: a comparison of two reports, one N/A, read "semua bernilai sama".

    ``ids``: the figure id of each item ("" for none), so each value quoted is marked with the id of an item that has
    it (a tie's items have one value); ``lead`` ("Capaian ") goes before the text, whose first letter is then lower
    case. Why marked: "Capaian tertinggi: … (116,19 %)" printed a model figure the audit never read. ``unit``: the
    data's unit, written around each value (:func:`with_unit`) outside its mark, so "12 orang" marks the "12"."""
    s = Sentence()
    if not items:
        return s
    hi = max(v for _, v in items)
    lo = min(v for _, v in items)
    top = [n for n, v in items if v == hi]
    low = [n for n, v in items if v == lo]

    def quoted(value: Decimal) -> Sentence:
        at = next(i for i, (_, v) in enumerate(items) if v == value)
        shown = fmt(value)
        before, _, after = with_unit(shown, unit).partition(shown)
        return Sentence().add(before).figure(shown, ids[at] if at < len(ids) else "").add(after)
    rest = f" {left_out} lainnya tanpa nilai (N/A)." if left_out else ""
    if len(items) == 1:
        s.add(_led(lead, "Hanya satu yang bernilai: ") + f"{top[0]} (").extend(quoted(hi)).add(")." + rest)
    elif hi == lo:
        s.add(_led(lead, f"Semua {'yang terukur ' if left_out else ''}bernilai sama, ")).extend(quoted(hi))
        s.add("." + rest)
    else:
        s.add(_led(lead, "Tertinggi: ") + f"{join_names(top)} (").extend(quoted(hi))
        s.add(f"); terendah: {join_names(low)} (").extend(quoted(lo)).add(")." + rest)
    return s


def _led(lead: str, text: str) -> str:
    return lead + text[0].lower() + text[1:] if lead else text


#: Units written before the figure, as Indonesian writes money: "Rp 2.989.057.284", never "2.989.057.284 Rp".
_MONEY = frozenset({"rp", "rp.", "rupiah", "idr"})


def with_unit(shown: str, satuan: str) -> str:
    """"84,82 nilai", "Rp 2.989.057.284", but "N/A" or "–" alone: a value that does not exist has no unit.

    Why: a summary names the highest and lowest values; a bare "2.989.057.284" beside a table headed "Pagu (Rp)"
    left a screen reader's listener, who hears the summary and not the axis, to guess what it counts."""
    if shown in (NA, DASH) or not satuan.strip():
        return shown
    return f"Rp {shown}" if satuan.strip().casefold() in _MONEY else f"{shown} {satuan.strip()}"


def unsaid_unit(name: str, unit: str) -> str:
    """The unit a series of a chart of mixed units (a trend's, a dataset's) is named with, "" when it has none or
    its name already says it ("Indeks Kepuasan Masyarakat" in indeks, "Nilai Evaluasi Kinerja" in nilai: not
    "… (indeks)")."""
    if not unit or re.search(rf"(?<!\w){re.escape(unit)}(?!\w)", name, re.IGNORECASE):
        return ""
    return unit


def unit_legend(units: Mapping[str, str]) -> dict[str, Any]:
    """The options of a legend whose series (by their names) are read in the ``units`` given (from
    :func:`unsaid_unit`; "" for none said): each unit on its own line under its name, so that a phone's legend cuts a
    long name and never the unit. Empty when no series has one."""
    lines = {name: [name, f"({unit})"] for name, unit in units.items() if unit}
    if not lines:
        return {}
    return {"labelExpr": f"{js_literal(lines)}[datum.label] || datum.label", "rowPadding": 8}


def join_names(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " dan " + names[-1]


_SLOT = "__lkjip_data__"
_planning: list[list[list[dict[str, Any]]]] = []  # the rows of each chart being planned (see ``rows_held``)


def data(values: list[dict[str, Any]]) -> alt.Data:
    """A chart's inline rows; while a chart is planned (``rows_held``), a one-row stand-in for them.

    Altair checks every ``alt.Data`` it is given against the Vega-Lite schema row by row, and when it makes the spec it
    walks every value of every row (a protocol check per value): given the rows themselves, the N = 100 corpus's 630
    charts plan in about 5 s instead of 2,7 s (measured after ``Layers`` took out the copies of layered charts, which
    had copied the rows too). The rows are ours, built from checked values, and travel as they are: ``rows_back``
    puts them where their stand-ins are in the finished spec, which is then the same JSON.
    """
    if not _planning:
        return alt.Data(values=values)
    _planning[-1].append(values)
    return alt.Data(values=[{_SLOT: len(_planning[-1]) - 1}])


@contextmanager
def rows_held() -> Iterator[list[list[dict[str, Any]]]]:
    """Plan a chart with stand-ins for its rows (see ``data``); yields the rows, in the order of their stand-ins."""
    _planning.append([])
    try:
        yield _planning[-1]
    finally:
        _planning.pop()


def rows_back(spec: Any, rows: Sequence[list[dict[str, Any]]]) -> Any:
    """``spec`` (a Vega-Lite dict as Altair made it) with each stand-in of ``data`` replaced by its rows."""
    if isinstance(spec, dict):
        values = spec.get("values")
        if isinstance(values, list) and len(values) == 1 and isinstance(values[0], dict) \
                and set(values[0]) == {_SLOT}:
            return {**spec, "values": rows[values[0][_SLOT]]}
        return {key: rows_back(value, rows) for key, value in spec.items()}
    if isinstance(spec, list):
        return [rows_back(item, rows) for item in spec]
    return spec


def rupiah_axis(max_value: Decimal) -> tuple[str, str]:
    """Axis title and labelExpr scaled to the data (Rupiah / Juta Rupiah / Miliar Rupiah)."""
    if max_value >= Decimal(10) ** 9:
        return "Miliar Rupiah", "format(datum.value / 1e9, ',~f')"
    if max_value >= Decimal(10) ** 6:
        return "Juta Rupiah", "format(datum.value / 1e6, ',~f')"
    return "Rupiah", "format(datum.value, ',~f')"


def scaled_axis(max_value: Decimal, title: str) -> tuple[str, str | None]:
    """Tick labels of values in the millions or billions shortened to "juta"/"miliar" (the title says so), so that
    neighbouring ticks such as 10.000.000.000 and 20.000.000.000 never run into each other; None: plain numbers."""
    if max_value >= Decimal(10) ** 9:
        return f"{title}, dalam miliar", "format(datum.value / 1e9, ',~f')"
    if max_value >= Decimal(10) ** 6:
        return f"{title}, dalam juta", "format(datum.value / 1e6, ',~f')"
    return title, None


def percent_domain(values: Iterable[Decimal | None]) -> list[float]:
    """0 … max(100, largest) with head room for the value labels right of the bars."""
    top = max([Decimal(100)] + [v for v in values if v is not None])
    return [0.0, float(top * Decimal("1.22"))]


def value_domain(values: Iterable[Decimal | None]) -> list[float]:
    top = max([Decimal(0)] + [v for v in values if v is not None])
    return [0.0, float(top * Decimal("1.22")) if top > 0 else 1.0]


class Layers:
    """A layered chart as Altair's ``LayerChart`` makes it, put together without its copies.

    Altair copies every layer deeply each time a layer is added or a property is set, and again while it looks for
    selection parameters to lift (our charts have none): with the data held out (``data``), those copies were two
    thirds of planning a chart. Here the layers are Altair unit charts kept as they are, turned into Vega-Lite once, in
    ``to_dict``, under Altair's own rules: data that every layer shares (the same ``alt.Data`` object) goes on top
    (``_combined``), size and description are the top's. ``tests/test_charts.py`` compares the result with Altair's
    ``LayerChart`` for every kind.
    """

    __slots__ = ("layers", "data", "props")

    def __init__(self, layers: tuple[tuple[Any, bool], ...], data: Any, props: Mapping[str, Any]) -> None:
        self.layers = layers  # (unit chart, whether its own data stays on it)
        self.data = data
        self.props = dict(props)

    def add_layers(self, *charts: Any) -> Layers:
        """Altair's ``LayerChart.add_layers``: each chart appended, then the shared data lifted again."""
        result = self
        for chart in _units(charts):
            result = _combined(result.data, (*result.layers, (chart, True)), result.props)
        return result

    def properties(self, **props: Any) -> Layers:
        return Layers(self.layers, self.data, {**self.props, **props})

    def to_dict(self, validate: bool = False) -> dict[str, Any]:
        """The top-level Vega-Lite dict Altair makes, but for ``config`` (``plan.build`` puts ours instead).

        ``validate`` is there for Altair's signature only: nothing is checked against the schema while planning
        (see ``plan.build``)."""
        spec: dict[str, Any] = {"$schema": alt.SCHEMA_URL, **self.props}
        if self.data is not alt.Undefined:
            spec["data"] = self.data.to_dict(validate=False)
        spec["layer"] = [_unit_dict(chart, keep) for chart, keep in self.layers]
        return spec


def layer(*charts: Any) -> Layers:
    """``alt.layer(*charts)``, or ``a + b``, as :class:`Layers`."""
    return _combined(alt.Undefined, tuple((chart, True) for chart in _units(charts)), {})


def _units(charts: Sequence[Any]) -> Sequence[Any]:
    """Only unit charts without a size of their own: the cases whose layering Altair leaves as it is."""
    for chart in charts:
        if not isinstance(chart, alt.Chart) or any(
                getattr(chart, prop) is not alt.Undefined for prop in ("width", "height", "view")):
            raise TypeError("Layers puts together unit charts that have no size of their own")
    return charts


def _combined(data: Any, layers: tuple[tuple[Any, bool], ...], props: Mapping[str, Any]) -> Layers:
    """Altair's ``_combine_subchart_data``. No data on top: the first layer's goes on top when every layer has that
    same object. Data on top: every layer's is dropped when each has none or that same object."""
    held = [chart.data if keep else alt.Undefined for chart, keep in layers]
    if data is alt.Undefined:
        if held[0] is not alt.Undefined and all(d is held[0] for d in held):
            data = held[0]
        else:
            return Layers(layers, data, props)
    elif not all(d is alt.Undefined or d is data for d in held):
        return Layers(layers, data, props)
    return Layers(tuple((chart, False) for chart, _ in layers), data, props)


def _unit_dict(chart: Any, keep_data: bool) -> dict[str, Any]:
    spec: dict[str, Any] = chart.to_dict(validate=False, context={"top_level": False})
    if not keep_data:
        spec.pop("data", None)
    return spec


def target_rule(x_value: float, label: str) -> Layers:
    """A dashed vertical rule (e.g. the 100 % target), labelled in text, not only by style."""
    base = alt.Chart(data([{"x": x_value, "t": label}]))
    rule = base.mark_rule(color=MUTED_COLOUR, strokeDash=[4, 3], strokeWidth=1.5, aria=False).encode(
        x=alt.X("x:Q")
    )
    text = base.mark_text(
        align="left", baseline="top", dx=3, dy=-16, color=MUTED_COLOUR, fontSize=12, aria=False
    ).encode(x=alt.X("x:Q"), y=alt.YValue(0), text=alt.Text("t:N"))
    return layer(rule, text)


#: A value label's box (``label_box``): 16 px high round its 12 px text, 2 px wider than it on either side; its width
#: in px is each row's ``LABEL_PX`` (``label_px``).
LABEL_BOX_HEIGHT = 16
LABEL_BOX_PAD = 2
LABEL_PX = "label_px"


def label_px(label: str) -> float:
    """The width of a value label in px, for its box (``label_box``): narrow.text_width's upper estimate."""
    return round(text_width(label), 1) if label else 0.0


def label_box(base: Any, x_field: str, dx: int = 4, **encoding: Any) -> Any:
    """A box in the background colour under each value label of ``base`` (rows with ``LABEL_PX``), drawn after a rule
    and before the labels: the rule stops at a label instead of running through its figures.

    Why: the dashed 100 % rule of a capaian chart crossed the label of every bar just under 100 % ("97,76 % · Cukup
    Berhasil" read as "97,7|6 %"), on screen, on a phone and in print. A box, not a halo of the text's own shape
    (a stroke under it): the rule showed above and below the "·" and the lower-case letters through a halo, and
    Vega writes no SVG ``paint-order``. The box is a bar from the label's anchor (``x_field``, ``dx`` as the label's)
    to its end, so the phone layout (narrow.py) places it as it places the bars, over the same value scale.
    """
    return base.mark_bar(
        fill=BACKGROUND, height=LABEL_BOX_HEIGHT, xOffset=dx - LABEL_BOX_PAD,
        x2Offset=alt.ExprRef(expr=f"datum.{LABEL_PX} + {dx + LABEL_BOX_PAD}"), aria=False,
    ).encode(x=alt.X(f"{x_field}:Q"), x2=alt.X2(x_field), **encoding)


@dataclass
class Plan:
    """What a kind-specific planner produces before the shared finishing steps.

    ``marks``: ``(start, end, figure id)`` spans of ``summary`` that quote a figure handed in through the spec's
    options (the model's counts), so the page can mark them for the consistency audit.
    """

    chart: Any  # alt.Chart | Layers
    summary: str
    table: ChartTable
    alt: str
    marks: tuple[tuple[int, int, str], ...] = ()


class Sentence:
    """A summary built piece by piece, remembering where each quoted figure sits (see :attr:`Plan.marks`)."""

    def __init__(self) -> None:
        self.text = ""
        self.marks: list[tuple[int, int, str]] = []

    def add(self, text: str) -> Sentence:
        self.text += text
        return self

    def figure(self, text: str, figure_id: str = "") -> Sentence:
        start = len(self.text)
        self.text += text
        if figure_id:
            self.marks.append((start, len(self.text), figure_id))
        return self

    def extend(self, other: Sentence, sep: str = "") -> Sentence:
        """``other`` appended after ``sep`` (its marks moved with it); nothing when ``other`` is empty."""
        if not other.text:
            return self
        if self.text:
            self.text += sep
        shift = len(self.text)
        self.text += other.text
        self.marks += [(a + shift, b + shift, f) for a, b, f in other.marks]
        return self


#: A row's key holding the ids of the model figures it carries (``{column key: {nilai} path}``), handed in by the
#: caller (``elements/figures.py``): the engine knows no report, the page marks what the chart's text and data table
#: print with them for the consistency audit (``ChartTable.figures``, :attr:`Plan.marks`).
FIGURE_IDS = "id_angka"


def figure_id(row: Mapping[str, Any], key: str) -> str:
    """The id of the model figure ``row[key]`` is, or "" (none handed in)."""
    ids = row.get(FIGURE_IDS)
    return str(ids.get(key) or "") if isinstance(ids, Mapping) else ""


#: A row's key holding the notes of the values it carries that are not the plain figure (``{column key: note}``): a
#: value taken from an earlier quarter, a capaian set by a rule, as the report's tables letter them. Handed in by the
#: caller (``elements/figures.py``); the text, the data table and the tooltips say them (:func:`row_notes`,
#: :func:`lettered`, :func:`notes_sentence`). A chart drew TW II's 83 as TW III's with no word.
FIGURE_NOTES = "catatan_angka"


def figure_note(row: Mapping[str, Any], key: str) -> str:
    """The note of ``row[key]`` (:data:`FIGURE_NOTES`), or ""."""
    notes = row.get(FIGURE_NOTES)
    return str(notes.get(key) or "") if isinstance(notes, Mapping) else ""


def row_notes(row: Mapping[str, Any], keys: Iterable[str]) -> str:
    """A row's notes of ``keys``, each once ("; " between): its tooltip's "Catatan", its part of the text."""
    return "; ".join(dict.fromkeys(n for n in (figure_note(row, k) for k in keys) if n))


def lettered(cell_notes: Sequence[Sequence[str]]) -> tuple[tuple[str, ...], tuple[tuple[int, ...], ...]]:
    """A data table's notes (``ChartTable.notes``, ``note_refs``) from each cell's note ("" for none): equal notes
    share one number, as a report table's do; () and () when no cell has one."""
    numbers: dict[str, int] = {}
    refs = tuple(tuple(numbers.setdefault(n, len(numbers) + 1) if n else 0 for n in row) for row in cell_notes)
    return (tuple(numbers), refs) if numbers else ((), ())


def notes_sentence(items: Sequence[tuple[str, str]]) -> str:
    """" Catatan: Indeks Kepuasan Masyarakat: realisasi TW III tidak tersedia (…); …." for (name, notes) pairs with
    notes, "" for none: the text says what the data table letters, as it says an N/A's reason (the PDF prints the
    text, not the table)."""
    said = [f"{name}: {notes}" for name, notes in items if notes]
    return f" Catatan: {'. '.join(said)}." if said else ""


def noted_tooltip(tooltip: list[Any], values: Sequence[Mapping[str, Any]]) -> list[Any]:
    """``tooltip`` with a "Catatan" line (each value's ``t_catatan``) when a value has one: a chart without notes
    keeps its spec, and its key in the chart cache."""
    if not any(v.get("t_catatan") for v in values):
        return tooltip
    return [*tooltip, alt.Tooltip("t_catatan:N", title="Catatan")]


def table_figures(figures: Sequence[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """A data table's figure ids (``ChartTable.figures``), or () when no cell has one (a chart drawn without ids keeps
    its table as it was)."""
    return tuple(figures) if any(any(row) for row in figures) else ()


def value_with_grade(value: Any) -> str:
    """Target/realisasi may be a grade ("B") for qualitative indicators: show it as written; a number as the
    report's tables print an entered value (``100.0`` -> "100", ``82.50`` -> "82,5"): the chart's data table, its
    labels and tooltips printed "100,0" beside the capaian table's "100" (the audit reads both)."""
    d = as_decimal(value)
    if d is not None:
        return fmt_value_entered(d)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return NA


def serapan_of(row: Mapping[str, Any], pagu: Decimal | None, real: Decimal | None) -> Decimal | None:
    given = as_decimal(row.get("serapan"))
    if given is not None or "serapan" in row:
        return given
    if pagu is None or real is None or pagu == 0:
        return None
    return real / pagu * 100
