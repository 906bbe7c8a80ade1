"""The phone layout of a chart: the same data and marks, laid out for a 360 px screen instead of scaled down.

A desktop chart scaled into a phone's 300 px column shrinks its 12 px labels to 4–6 px. So every chart also gets a
narrow version (the page chooses one with CSS; ``grafik.js`` chooses the matching spec), made here from the wide
Vega-Lite spec, so both show exactly the same rows, values, colours and tooltips:

- horizontal bars (capaian, Renstra, budget, efficiency, IKM, category datasets) put each category's name on its own
  lines *above* its bars, across the full width, instead of in a 260 px axis column; the value scale leaves room for
  the value label at the end of the longest bar, and a target rule is drawn per bar band, never through a name;
  bars that would stand taller than a phone's screen (``COMPACT_ABOVE``) are drawn compactly: each name on one line
  (cut with "…"; whole in the tooltip, the bar's accessible name and the data table), thinner bars, less space;
- vertical bars over categories become horizontal bars (same layout);
- lines and time series get the narrow width; when their points are too close for value labels, only the last value
  of each line is labelled (every value is in the data table below the chart);
- a donut drops the labels around the ring (they would collide) and names the shares in its legend instead.

Everything is computed from the spec and a conservative estimate of label widths in the theme font (Noto Sans),
deterministically; the browser test measures the result (text ≥ 12 px, no two labels overlapping at 360 px).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from ...core.controls import js_literal
from .style import place_legend

#: Width of the chart's SVG on a 360 px phone: 360 − 2 × 16 (page padding) − 2 × 13 (figure border and padding).
NARROW_WIDTH = 302
PADDING = 8  # config.padding of the theme
PLOT_WIDTH = NARROW_WIDTH - 2 * PADDING - 22  # room for the last tick label past the plot's right edge
LINE = 15  # line height of category names (12 px text)
BAR = 16  # bar thickness
BAR_GAP = 2  # between the bars of one category
NAME_GAP = 3  # between a category's name and its bars
ROW_GAP = 14  # between categories
LABEL_DX = 4  # value label offset from the bar end (the planners' dx)
FONT_SIZE = 12
#: A plot of bars taller than this (about a phone's screen under its header) is drawn compactly (``COMPACT``).
COMPACT_ABOVE = 700


@dataclass(frozen=True)
class Rows:
    """The vertical geometry of a phone's bar chart, in px: a category's name lines, then its bars, then a gap."""

    line: int  # line height of a name
    bar: int  # bar thickness
    bar_gap: int  # between the bars of one category
    name_gap: int  # between a category's name and its bars
    row_gap: int  # between categories
    one_line: bool = False  # names on one line, cut with "…" at the plot's width

    def name_height(self, lines: list[str]) -> int:
        return len(lines) * self.line + self.name_gap

    def bars_height(self, n_bars: int) -> int:
        return n_bars * self.bar + (n_bars - 1) * self.bar_gap


ROOMY = Rows(LINE, BAR, BAR_GAP, NAME_GAP, ROW_GAP)
#: Why: the capaian chart of the Martapura Barat report (22 indicators, most names on two or three lines) stood
#: 1 692 px tall on a phone and its efficiency chart 2 005 px: a reader scrolled three screens past one chart and could
#: not compare two bars. Bars of 14 px (12 px for a pair, a 12 px value label beside each still clear of the next)
#: under a one-line name take 38 px a category (46 for a pair) instead of 70-100.
COMPACT = Rows(14, 14, 1, 2, 8, one_line=True)
COMPACT_PAIR = Rows(14, 12, 1, 1, 6, one_line=True)

# Advance widths of Noto Sans in em, rounded up: enough to keep labels inside the plot without measuring the font.
_NARROW_CHARS = set(" .,:;'!|il·()[]/-")
_WIDE_CHARS = set("%MWmw@—")


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """An upper estimate of a label's width in px (upper case and digits at 0.64 em, wide letters at 0.9 em)."""
    em = 0.0
    for ch in text:
        if ch in _NARROW_CHARS:
            em += 0.32
        elif ch in _WIDE_CHARS:
            em += 0.9
        elif ch.isupper() or ch.isdigit():
            em += 0.66
        else:
            em += 0.58
    return em * size


def wrap_px(text: str, width: float) -> list[str]:
    """Greedy word wrap to a pixel width (a single long word stays whole; Vega would not break it either)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [text]


def narrow_spec(wide: dict[str, Any]) -> dict[str, Any]:
    """The phone layout of a planned chart (a new dict; ``wide`` is not changed)."""
    spec = copy.deepcopy(wide)
    layers = spec.get("layer")
    if not isinstance(layers, list):
        spec["width"] = PLOT_WIDTH
        return spec
    if _category_axis(layers, "x") and _is_bar_chart(layers):
        _swap_axes(layers)
    if _category_axis(layers, "y"):
        _horizontal_bars(spec, layers)
    elif any(_mark(layer) == "arc" for layer in layers):
        _donut(spec, layers)
    else:
        _series(spec, layers)
    _narrow_legends(spec, layers)
    place_legend(spec)  # the phone layout's own height: bars one under another make it taller than the wide one
    return spec


# ---------------------------------------------------------------------------------------------------------- helpers


def _mark(layer: dict[str, Any]) -> str:
    mark = layer.get("mark")
    return mark.get("type", "") if isinstance(mark, dict) else str(mark or "")


def _mark_dict(layer: dict[str, Any]) -> dict[str, Any]:
    mark = layer.get("mark")
    if not isinstance(mark, dict):
        mark = {"type": mark}
        layer["mark"] = mark
    return mark


def _rows(spec: dict[str, Any], layer: dict[str, Any]) -> list[dict[str, Any]]:
    source = layer.get("data") or spec.get("data") or {}
    values = source.get("values")
    return values if isinstance(values, list) else []


def _category_axis(layers: list[dict[str, Any]], channel: str) -> dict[str, Any] | None:
    """The encoding of the channel that holds categories (nominal/ordinal with a sort list), if a bar layer has one."""
    for layer in layers:
        enc = layer.get("encoding", {}).get(channel)
        other = layer.get("encoding", {}).get("y" if channel == "x" else "x")
        if (_mark(layer) == "bar" and isinstance(enc, dict) and enc.get("type") in ("nominal", "ordinal")
                and isinstance(enc.get("sort"), list) and isinstance(other, dict)
                and other.get("type") == "quantitative"):
            return enc
    return None


def _is_bar_chart(layers: list[dict[str, Any]]) -> bool:
    return any(_mark(layer) == "bar" for layer in layers)


def _swap_axes(layers: list[dict[str, Any]]) -> None:
    """Vertical bars over categories become horizontal bars (names above bars read better on a phone)."""
    pairs = (("x", "y"), ("xOffset", "yOffset"), ("x2", "y2"))
    for layer in layers:
        enc = layer.get("encoding", {})
        for a, b in pairs:
            enc[a], enc[b] = enc.get(b), enc.get(a)
            for key in (a, b):
                if enc[key] is None:
                    del enc[key]
        mark = _mark_dict(layer)
        if mark.get("type") == "text" and "dy" in mark:
            mark.pop("dy")
            mark.update({"align": "left", "dx": LABEL_DX, "baseline": "middle"})
        mark.pop("width", None)


# ------------------------------------------------------------------------------------------------- horizontal bars


def _horizontal_bars(spec: dict[str, Any], layers: list[dict[str, Any]]) -> None:
    cat = _category_axis(layers, "y")
    assert cat is not None
    field, names = cat["field"], [str(n) for n in cat["sort"]]
    offset = next((layer["encoding"]["yOffset"] for layer in layers if "yOffset" in layer.get("encoding", {})), None)
    series = [str(s) for s in offset["sort"]] if offset and isinstance(offset.get("sort"), list) else []
    n_bars = max(1, len(series))
    geometry = ROOMY
    lines, tops, height = _row_layout(names, n_bars, geometry)
    if height > COMPACT_ABOVE:
        geometry = COMPACT_PAIR if n_bars > 1 else COMPACT
        lines, tops, height = _row_layout(names, n_bars, geometry)

    def bar_centre(name: str, serie: str | None) -> float:
        index = series.index(serie) if serie in series else 0
        bars_top = tops[name] + geometry.name_height(lines[name])
        return bars_top + index * (geometry.bar + geometry.bar_gap) + geometry.bar / 2

    y_scale = {"domain": [0, height], "range": [0, height], "nice": False, "zero": False}
    value_x = _value_scale_room(spec, layers, field)
    for layer in layers:
        enc = layer.get("encoding", {})
        if isinstance(enc.get("y"), dict) and enc["y"].get("field") == field:
            serie_field = enc["yOffset"]["field"] if "yOffset" in enc else None
            for row in _rows(spec, layer):
                if row.get(field) is not None and str(row[field]) in tops:
                    row["_y"] = bar_centre(str(row[field]), str(row.get(serie_field)) if serie_field else None)
            enc["y"] = {"field": "_y", "type": "quantitative", "scale": y_scale, "axis": None}
            enc.pop("yOffset", None)
            mark = _mark_dict(layer)
            if mark.get("type") == "bar":
                mark["height"] = geometry.bar
                mark["orient"] = "horizontal"  # both positions are quantitative now; bars grow along x
            elif mark.get("type") == "text":
                mark["baseline"] = "middle"
        elif _mark(layer) == "rule" and "y" not in enc:
            _rule_per_band(spec, layer, names, tops, lines, n_bars, y_scale, geometry)
        if value_x is not None and isinstance(enc.get("x"), dict) and enc["x"].get("type") == "quantitative":
            scale = enc["x"].setdefault("scale", {})
            if isinstance(scale.get("domain"), list) or "domain" not in scale:
                scale["domain"] = value_x
                scale["nice"] = False
            _wrap_title(enc["x"])
    names_mark: dict[str, Any] = {"type": "text", "align": "left", "baseline": "top", "lineHeight": geometry.line,
                                  "fontSize": FONT_SIZE, "aria": False}
    if geometry.one_line:
        names_mark.update({"limit": PLOT_WIDTH, "ellipsis": "…"})
    names_layer = {
        "data": {"values": [{"_y": tops[n], "_lines": lines[n]} for n in names]},
        "mark": names_mark,
        "encoding": {"x": {"value": 0}, "y": {"field": "_y", "type": "quantitative", "scale": y_scale, "axis": None},
                     "text": {"field": "_lines"}},
    }
    layers.append(names_layer)
    spec["width"] = PLOT_WIDTH
    spec["height"] = height


def _row_layout(names: list[str], n_bars: int, geometry: Rows) -> tuple[dict[str, list[str]], dict[str, int], int]:
    """Each category's name lines and top, and the plot's height, in ``geometry``."""
    lines = {name: [name] if geometry.one_line else wrap_px(name, PLOT_WIDTH) for name in names}
    tops, y = {}, 0
    for name in names:
        tops[name] = y
        y += geometry.name_height(lines[name]) + geometry.bars_height(n_bars) + geometry.row_gap
    return lines, tops, max(y - geometry.row_gap, 1)


def _value_scale_room(spec: dict[str, Any], layers: list[dict[str, Any]], cat_field: str) -> list[float] | None:
    """A value domain wide enough that every value label fits right of its bar within the plot."""
    lo, hi = 0.0, 0.0
    for layer in layers:
        x = layer.get("encoding", {}).get("x")
        if isinstance(x, dict) and isinstance(x.get("scale", {}).get("domain"), list):
            lo = min(lo, float(x["scale"]["domain"][0]))
            hi = max(hi, float(x["scale"]["domain"][1]))
    bar_fields = [layer["encoding"]["x"].get("field") for layer in layers
                  if _mark(layer) == "bar" and isinstance(layer.get("encoding", {}).get("x"), dict)]
    needed = hi
    for layer in layers:
        enc = layer.get("encoding", {})
        if _mark(layer) != "text" or not isinstance(enc.get("text"), dict) or not isinstance(enc.get("x"), dict):
            continue
        text_field, x_field = enc["text"].get("field"), enc["x"].get("field")
        for row in _rows(spec, layer):
            label = str(row.get(text_field) or "")
            value = row.get(x_field)
            if value is None:
                value = next((row.get(f) for f in bar_fields if row.get(f) is not None), 0.0)
            room = PLOT_WIDTH - LABEL_DX - text_width(label)
            if label and room > PLOT_WIDTH * 0.25 and value and float(value) > 0:
                needed = max(needed, float(value) * PLOT_WIDTH / room)
    if hi <= 0 and needed <= 0:
        return None
    return [lo, round(needed, 6)]


def _rule_per_band(spec: dict[str, Any], layer: dict[str, Any], names: list[str], tops: dict[str, int],
                   lines: dict[str, list[str]], n_bars: int, y_scale: dict[str, Any], geometry: Rows) -> None:
    """A reference rule (the 100 % target) drawn over each category's bars only, never across its name."""
    rows = _rows(spec, layer)
    x_field = layer["encoding"].get("x", {}).get("field")
    segments = []
    for row in rows:
        for name in names:
            bar_top = tops[name] + geometry.name_height(lines[name])  # the rule starts in the gap above the bars
            segments.append({x_field: row.get(x_field), "_y": bar_top - min(2, geometry.name_gap),
                             "_y2": bar_top + n_bars * (geometry.bar + geometry.bar_gap)})
    layer["data"] = {"values": segments}
    layer["encoding"]["y"] = {"field": "_y", "type": "quantitative", "scale": y_scale, "axis": None}
    layer["encoding"]["y2"] = {"field": "_y2"}


def _wrap_title(channel: dict[str, Any]) -> None:
    title = channel.get("title")
    if isinstance(title, str) and text_width(title) > PLOT_WIDTH:
        channel["title"] = wrap_px(title, PLOT_WIDTH)


# ------------------------------------------------------------------------------------------ lines, time, donuts


def _series(spec: dict[str, Any], layers: list[dict[str, Any]]) -> None:
    """Lines and time series: the narrow width; value labels only where neighbouring points leave room."""
    width = PLOT_WIDTH - 40  # the value axis' labels take the left edge
    spec["width"] = width
    spec.setdefault("config", {}).setdefault("legend", {})["labelLimit"] = width - 30  # legends start at the plot
    x_values: list[Any] = []
    for layer in layers:
        x = layer.get("encoding", {}).get("x")
        if isinstance(x, dict):
            _wrap_title(x)
            if isinstance(x.get("sort"), list) and len(x["sort"]) > len(x_values):
                x_values = x["sort"]
            if isinstance(x.get("axis"), dict) and len(x_values) > 6:
                x["axis"]["labelAngle"] = -90
        y = layer.get("encoding", {}).get("y")
        if isinstance(y, dict):
            _wrap_title(y)
    if not x_values:  # time axes have no sort list: the distinct x values of the labelled rows
        for layer in layers:
            enc = layer.get("encoding", {})
            if _mark(layer) == "text" and isinstance(enc.get("x"), dict):
                x_values = sorted({str(row.get(enc["x"]["field"])) for row in _rows(spec, layer)})
    if x_values and width / len(x_values) < 46:  # a value label is up to ~40 px wide
        last = str(x_values[-1])
        for layer in layers:
            enc = layer.get("encoding", {})
            if _mark(layer) == "text" and isinstance(enc.get("x"), dict) and isinstance(enc.get("text"), dict):
                x_field, text_field = enc["x"]["field"], enc["text"].get("field")
                rows = [dict(row) for row in _rows(spec, layer)]
                for row in rows:
                    if str(row.get(x_field)) != last:
                        row[text_field] = ""
                layer["data"] = {"values": rows}


def _donut(spec: dict[str, Any], layers: list[dict[str, Any]]) -> None:
    """The ring without the labels around it; the legend names each share (same text as the removed labels)."""
    labels: dict[str, str] = {}
    for layer in list(layers):
        if _mark(layer) == "text":
            for row in _rows(spec, layer):
                if row.get("x_label") is not None and row.get("label"):
                    labels[str(row["x_label"])] = str(row["label"])
            layers.remove(layer)
    for layer in layers:
        if _mark(layer) == "arc":
            mark = _mark_dict(layer)
            mark["outerRadius"], mark["innerRadius"] = 100, 58
            colour = layer.get("encoding", {}).get("color")
            if isinstance(colour, dict) and labels:
                legend = colour.setdefault("legend", {}) or {}
                legend["labelExpr"] = f"{js_literal(labels)}[datum.label] || datum.label"
                colour["legend"] = legend
    spec["width"] = PLOT_WIDTH
    spec["height"] = 210


def _narrow_legends(spec: dict[str, Any], layers: list[dict[str, Any]]) -> None:
    """One legend entry per line, no wider than the chart (long names are cut with '…'; the table has them whole)."""
    config = spec.setdefault("config", {})
    legend = config.setdefault("legend", {})
    legend.update({"direction": "vertical", "columns": 1})
    legend.setdefault("labelLimit", NARROW_WIDTH - 2 * PADDING - 24)
    if legend["labelLimit"] > NARROW_WIDTH - 2 * PADDING - 24:
        legend["labelLimit"] = NARROW_WIDTH - 2 * PADDING - 24
    for layer in layers:
        for channel in ("color", "shape"):
            enc = layer.get("encoding", {}).get(channel)
            if isinstance(enc, dict) and isinstance(enc.get("legend"), dict):
                enc["legend"]["columns"] = 1
                enc["legend"]["direction"] = "vertical"
