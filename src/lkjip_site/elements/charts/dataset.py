"""The generic chart of a CSV dataset: grouped or stacked bars, lines over years or months, a donut."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Mapping, Sequence

from ...compute.datasets import is_rate, share
from ...core.fmt import BULAN, fmt_or_dash, fmt_percent_or_dash
from ...core.numbers import as_decimal
from .marks import (
    Plan,
    Sentence,
    alt,
    data,
    extreme_sentence,
    figure_id,
    join_names,
    layer,
    max_lines,
    scaled_axis,
    table_figures,
    text,
    to_float,
    unique_names,
    unit_legend,
    unsaid_unit,
    value_domain,
    with_unit,
    wrap_expr,
)
from .spec import DATASET_KINDS, ChartError, ChartSpec, ChartTable
from .style import BAND, MUTED_COLOUR, OKABE_ITO, PLOT_WIDTH, line_dashes, series_fill

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
    ids: list[list[str]]  # the figure id of each cell of ``matrix`` (``marks.FIGURE_IDS``), "" for none
    sum_ids: list[str]  # the figure id of each row's sum (a stack's, ``jumlah``), "" for none
    share_ids: list[str]  # the figure id of each row's share (a donut's, ``persen``), "" for none
    total_id: str  # the figure id of a donut's Jumlah (the option ``id_jumlah``), "" for none
    labels: Mapping[str, str]
    satuan_opt: Any
    warna: Any

    def satuan(self, col: str) -> str:
        return column_unit(self.satuan_opt, col)

    def x_value(self, raw: str) -> str:
        """Value handed to Vega for x: ISO dates for months, the text otherwise."""
        return _month_iso(raw) if self.x_kind == "bulan" else raw

    @property
    def x_title(self) -> str:
        return _column_label(self.x_col, self.labels)

    @property
    def totals(self) -> list[Decimal]:
        return [sum((v for v in cells if v is not None), Decimal(0)) for cells in self.matrix]


def column_unit(satuan: Any, col: str) -> str:
    """The unit of column ``col`` by the option ``satuan``: one for every column, or one per column."""
    if isinstance(satuan, Mapping):
        return str(satuan.get(col, ""))
    return str(satuan or "")


def donut_of_rates(spec: ChartSpec) -> tuple[str, str] | None:
    """The column of a donut, and its unit, when its title or unit says it holds rates, shares, scores or averages
    (``datasets.is_rate``, the rule a dataset table's Jumlah follows); None for any other chart.

    Why: a donut draws each row's part of its column's sum, and printed "Jumlah 275,6 %" for three villages'
    coverage of 92,5 %, 88,1 % and 95,0 % with "shares" of 33,56 %: numbers that mean nothing. Its summary then says
    no Jumlah, and ``lkjip check`` warns (``donat-rasio``) to draw bars instead."""
    o = spec.options
    ys = tuple(o.get("y") or ())
    if spec.kind != "dataset" or o.get("jenis") != "donat" or len(ys) != 1:
        return None
    unit = column_unit(o.get("satuan"), ys[0])
    return (ys[0], unit) if is_rate(f"{ys[0]} {unit}") else None


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
    raw_x = [text(r, x_col) for r in rows]
    unique_names(raw_x, f"dataset {nama}")
    x_kind = "kategori"
    if all(_YEAR_RE.match(v) for v in raw_x):
        x_kind = "tahun"
    elif all(_MONTH_RE.match(v) for v in raw_x):
        x_kind = "bulan"
    x_shown = [_month_name(v) if x_kind == "bulan" else v for v in raw_x]

    matrix: list[list[Decimal | None]] = []
    ids = [[figure_id(row, col) for col in y_cols] for row in rows]
    for i, row in enumerate(rows, start=1):
        cells = []
        for col in y_cols:
            raw = row.get(col)
            d = as_decimal(raw)
            if d is None and raw not in (None, "") and not hasattr(raw, "reason"):
                raise ChartError(f"Dataset '{nama}': baris {i} kolom '{col}' bukan angka: {raw!r}.")
            cells.append(d)
        matrix.append(cells)
    labels = o.get("label") or {}
    return _Dataset(
        nama=nama, jenis=jenis, x_col=x_col, y_cols=y_cols, x_kind=x_kind, raw_x=raw_x, x_shown=x_shown,
        series=[_column_label(col, labels) for col in y_cols], matrix=matrix, ids=ids,
        sum_ids=[figure_id(row, "jumlah") for row in rows], share_ids=[figure_id(row, "persen") for row in rows],
        total_id=str(o.get("id_jumlah") or ""), labels=labels,
        satuan_opt=o.get("satuan"), warna=o.get("warna"),
    )


def _dataset_values(ds: _Dataset) -> list[dict[str, Any]]:
    """Long-format rows for Vega: one per (x, series), labels formatted from the exact Decimals."""
    values = []
    for xi, xs, cells in zip(ds.raw_x, ds.x_shown, ds.matrix):
        for col, seri, v in zip(ds.y_cols, ds.series, cells):
            unit = ds.satuan(col)
            shown = fmt_or_dash(v)
            values.append(
                {
                    "x": ds.x_value(xi),
                    "x_label": xs,
                    "seri": seri,
                    "nilai": to_float(v),
                    "label": shown if v is not None else "",
                    "t_nilai": with_unit(shown, unit),
                    "keterangan": f"{xs}; {seri}: {with_unit(shown, unit)}",
                }
            )
    return values


def _mixed_units(ds: _Dataset) -> bool:
    """Whether the series are read in different units (a % column beside a count of babies): two declared units or
    more, as a dataset table's row totals read them (``datasets.mixed_units``; a column without one is unknown)."""
    return len({ds.satuan(col).strip() for col in ds.y_cols} - {""}) > 1


def _dataset_y_title(ds: _Dataset) -> str:
    """"Cakupan (%)", "Nilai (jiwa)" for series of one unit; "Nilai (satuan berbeda)" for series of several, as a
    trend's axis says it: a bare "Nilai" read 92,5 % and 120 bayi as one scale (the legend says each one's)."""
    title = ds.series[0] if len(ds.series) == 1 else "Nilai"
    if _mixed_units(ds):
        return f"{title} (satuan berbeda)"
    unit = ds.satuan(ds.y_cols[0])
    return f"{title} ({unit})" if unit else title


def _dataset_tooltip(ds: _Dataset) -> list[Any]:
    tooltip = [alt.Tooltip("x_label:N", title=ds.x_title)]
    if len(ds.series) > 1:
        tooltip.append(alt.Tooltip("seri:N", title="Seri"))
    tooltip.append(alt.Tooltip("t_nilai:N", title="Nilai"))
    return tooltip


def _series_colour(ds: _Dataset, patterned: bool = False) -> alt.Color:
    """The series' colours; ``patterned`` (bars) gives each series after the first a pattern over its colour too
    (``style.series_fill``): bars, and their legend's squares, are told apart in grey print, and by a reader who does
    not see the colours. Lines are told apart by their dash and their points' shapes instead."""
    colours = _series_colours(ds.warna, len(ds.series), ds.nama)
    if patterned:
        colours = [series_fill(i, c) for i, c in enumerate(colours)]
    # series of different units: each one's under its name, as a trend's legend says them
    units = {s: unsaid_unit(s, ds.satuan(col)) for s, col in zip(ds.series, ds.y_cols)} if _mixed_units(ds) else {}
    return alt.Color(
        "seri:N",
        title=None,
        sort=ds.series,
        scale=alt.Scale(domain=ds.series, range=colours),
        legend=None if len(ds.series) == 1 else alt.Legend(**unit_legend(units)),
    )


def _dataset_line(ds: _Dataset) -> Any:
    base = alt.Chart(data(_dataset_values(ds))).transform_filter("isValid(datum.nilai)")
    x = _time_x(ds.x_kind, ds.raw_x, ds.x_title)
    biggest = max((abs(v) for cells in ds.matrix for v in cells if v is not None), default=Decimal(0))
    title, label_expr = scaled_axis(biggest, _dataset_y_title(ds))
    y = alt.Y("nilai:Q", title=title, axis=alt.Axis(format=",~f", **({"labelExpr": label_expr} if label_expr else {})))
    enc = {"x": x, "y": y, "color": _series_colour(ds)}
    dash = alt.StrokeDash("seri:N", sort=ds.series,
                          scale=alt.Scale(domain=ds.series, range=line_dashes(len(ds.series))), legend=None)
    line = base.mark_line(strokeWidth=2, aria=False).encode(**enc, strokeDash=dash)
    points = base.mark_point(filled=True, size=60, opacity=1, ariaRoleDescription="titik").encode(
        **enc,
        shape=alt.Shape("seri:N", sort=ds.series, legend=None),
        tooltip=_dataset_tooltip(ds),
        description=alt.Description("keterangan:N"),
    )
    chart = layer(line, points)
    if len(ds.series) == 1:  # value labels only where they cannot collide with another series
        chart = chart.add_layers(base.mark_text(dy=-10, aria=False).encode(x=x, y=y, text=alt.Text("label:N")))
    return chart.properties(width=max(PLOT_WIDTH, 48 * len(ds.raw_x)), height=260)


def _dataset_bars(ds: _Dataset) -> Any:
    """Grouped or stacked bars; horizontal for categories (long names), vertical for years/months."""
    stacked = ds.jenis == "batang_tumpuk"
    vertical = ds.x_kind != "kategori"
    biggest = max(ds.totals) if stacked else max(
        (v for cells in ds.matrix for v in cells if v is not None), default=Decimal(0)
    )
    value_channel = alt.Y if vertical else alt.X
    title, label_expr = scaled_axis(biggest, _dataset_y_title(ds))
    val_enc = value_channel(
        "nilai:Q",
        title=title,
        stack="zero" if stacked else None,
        scale=alt.Scale(domain=value_domain([biggest]), nice=False),
        axis=alt.Axis(format=",~f", tickCount=5, **({"labelExpr": label_expr} if label_expr else {})),
    )
    if vertical:
        cat_enc: Any = _time_x(ds.x_kind, ds.raw_x, ds.x_title)
    else:
        cat_enc = alt.Y("x:N", sort=ds.raw_x, title=None, axis=alt.Axis(labelExpr=wrap_expr(ds.raw_x)))
    cat_key, val_key = ("x", "y") if vertical else ("y", "x")
    position: dict[str, Any] = {cat_key: cat_enc, val_key: val_enc}
    if not stacked and len(ds.series) > 1:
        if vertical:
            position["xOffset"] = alt.XOffset("seri:N", sort=ds.series)
        else:
            position["yOffset"] = alt.YOffset("seri:N", sort=ds.series)
    source = alt.Chart(data(_dataset_values(ds)))
    base = source.transform_filter("isValid(datum.nilai)")
    bars = base.mark_bar(ariaRoleDescription="batang").encode(
        **position,
        color=_series_colour(ds, patterned=True),
        tooltip=_dataset_tooltip(ds),
        description=alt.Description("keterangan:N"),
    )
    text_style: dict[str, Any] = {"dy": -8} if vertical else {"align": "left", "dx": 4}
    if stacked:  # one label per stack: its total
        totals = [
            {"x": ds.x_value(x), "total": to_float(t), "label": fmt_or_dash(t)} for x, t in zip(ds.raw_x, ds.totals)
        ]
        labels = alt.Chart(data(totals)).mark_text(aria=False, **text_style).encode(
            **{cat_key: cat_enc, val_key: value_channel("total:Q")}, text=alt.Text("label:N")
        )
    else:
        labels = base.mark_text(aria=False, **text_style).encode(**position, text=alt.Text("label:N"))
    layers = [bars, labels]
    if not stacked:
        # a value that does not exist is a visible N/A where its bar would start, never a silently missing bar: the
        # portal's comparison lost the whole row (and its name) of an instansi whose figures were both N/A
        layers.append(source.transform_filter("!isValid(datum.nilai)").transform_calculate(
            nol="0").mark_text(fontWeight="bold", color=MUTED_COLOUR, ariaRoleDescription="tanda N/A",
                               **text_style).encode(
            **position | {val_key: value_channel("nol:Q")}, text=alt.Text("t_nilai:N"), tooltip=_dataset_tooltip(ds),
            description=alt.Description("keterangan:N")))
    per_category = 22 * (1 if stacked else len(ds.series)) + 10
    if vertical:
        size = {"width": max(PLOT_WIDTH, len(ds.raw_x) * max(per_category, 40)), "height": 260}
    else:
        lines = max_lines(ds.raw_x)
        size = {"width": PLOT_WIDTH, "height": len(ds.raw_x) * max(per_category, 14 * lines + 10, BAND)}
    return layer(*layers).properties(**size)


def _donut_shares(ds: _Dataset) -> list[Decimal | None]:
    total = sum(ds.totals, Decimal(0))
    return [share(cells[0], total) if cells[0] is not None else None for cells in ds.matrix]


def _dataset_donut(ds: _Dataset) -> Any:
    """Donut: shares computed here from exact Decimals so labels match the table."""
    colours = _series_colours(ds.warna, len(ds.raw_x), ds.nama)
    values = []
    for order, (xs, cells, share) in enumerate(zip(ds.x_shown, ds.matrix, _donut_shares(ds))):
        if cells[0] is None:
            continue
        shown = fmt_or_dash(cells[0])
        pct = fmt_percent_or_dash(share)
        unit = ds.satuan(ds.y_cols[0])
        values.append(
            {
                "x_label": xs,
                "urut": order,
                "nilai": to_float(cells[0]),
                "t_nilai": f"{shown} {unit}".strip(),
                "persen": pct,
                "label": f"{xs} ({pct})",
                "keterangan": f"{xs}: {shown} {unit}".rstrip() + f"; {pct}",
            }
        )
    base = alt.Chart(data(values))
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
    labels = base.mark_text(radius=142, aria=False).encode(theta=theta, order=order, text=alt.Text("label:N"))
    return layer(arcs, labels).properties(width=320, height=300)


def _dataset_table(ds: _Dataset) -> ChartTable:
    header: list[str] = [ds.x_title]
    header += [f"{s} ({ds.satuan(col)})" if ds.satuan(col) else s for s, col in zip(ds.series, ds.y_cols)]
    rows = [[xs, *[fmt_or_dash(v) for v in cells]] for xs, cells in zip(ds.x_shown, ds.matrix)]
    # each number of the file marked with its id, as the dataset table marks it, and a row's Jumlah or share
    figures = [["", *[fid if v is not None else "" for v, fid in zip(cells, row_ids)]]
               for cells, row_ids in zip(ds.matrix, ds.ids)]
    numeric = [False] + [True] * len(ds.series)
    if ds.jenis == "batang_tumpuk":
        header.append("Jumlah")
        for row, row_ids, total, total_id in zip(rows, figures, ds.totals, ds.sum_ids):
            row.append(fmt_or_dash(total))
            row_ids.append(total_id)
        numeric.append(True)
    if ds.jenis == "donat":
        header.append("Persentase")
        for row, row_ids, part, share_id in zip(rows, figures, _donut_shares(ds), ds.share_ids):
            row.append(fmt_percent_or_dash(part))
            row_ids.append(share_id)
        numeric.append(True)
    return ChartTable(tuple(header), tuple(tuple(r) for r in rows), tuple(numeric),
                      table_figures([tuple(r) for r in figures]))


_DATASET_KIND_TEXT = {
    "batang": "Grafik batang",
    "batang_tumpuk": "Grafik batang bertumpuk",
    "garis": "Grafik garis",
    "donat": "Grafik donat",
}


def plan_dataset(spec: ChartSpec) -> Plan:
    ds = _parse_dataset(spec)
    if ds.jenis == "donat":
        chart = _dataset_donut(ds)
    elif ds.jenis == "garis":
        chart = _dataset_line(ds)
    else:
        chart = _dataset_bars(ds)
    summary = _dataset_summary(ds.jenis, ds.x_shown, ds.series, ds.matrix, [ds.satuan(c) for c in ds.y_cols], ds.ids,
                               (ds.sum_ids, ds.share_ids, ds.total_id), summed=donut_of_rates(spec) is None)
    what = ds.x_title.lower()
    alt_text = (
        f"{_DATASET_KIND_TEXT[ds.jenis]} {join_names([s.lower() for s in ds.series])} menurut {what} "
        f"({len(ds.raw_x)} {what})."
    )
    return Plan(chart, summary.text, _dataset_table(ds), alt_text, tuple(summary.marks))


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
    jenis: str, x_shown: Sequence[str], series: Sequence[str], matrix: Sequence[Sequence[Decimal | None]],
    units: Sequence[str] = (), ids: Sequence[Sequence[str]] = (),
    sums: tuple[Sequence[str], Sequence[str], str] = ((), (), ""), summed: bool = True,
) -> Sentence:
    """The chart's summary: highest and lowest of each series (or of the stacks' sums, or the donut's shares), each
    value with the unit its data file declares for its column (``units``, one per series): "Rp 2.989.057.284".

    ``ids``: the figure id of each cell of ``matrix`` (as :attr:`_Dataset.ids`), so a series' highest and lowest
    are marked as its data table's cells are; ``sums``: those of each row's sum, each row's share and the donut's
    Jumlah (:attr:`_Dataset.sum_ids`, ``share_ids``, ``total_id``), marked as its data table marks them;
    ``summed``: False for a donut of rates (:func:`donut_of_rates`): its Jumlah and shares mean nothing, so it
    says each row's highest and lowest value, as a bar chart of the column does."""
    sum_ids, share_ids, total_id = sums
    units = list(units) + [""] * (len(series) - len(units))
    common = units[0] if units and len(set(units)) == 1 else ""  # a sum across series has a unit only if they share it

    summary = Sentence()
    if jenis == "donat" and summed:
        valued = [(x, c[0], fid) for x, c, fid in zip(x_shown, matrix, list(share_ids) or [""] * len(matrix))
                  if c[0] is not None]
        total = sum((v for _, v, _ in valued), Decimal(0))
        if valued and total:
            said = with_unit(fmt_or_dash(total), units[0] if units else "")
            before, _, after = said.partition(fmt_or_dash(total))
            summary.add(f"Jumlah {before}").figure(fmt_or_dash(total), total_id).add(f"{after}. ")
            summary.extend(extreme_sentence([(x, share(v, total) or Decimal(0)) for x, v, _ in valued],
                                            fmt_percent_or_dash, ids=[fid for _, _, fid in valued], lead="Bagian "))
        return summary
    if jenis == "batang_tumpuk" and len(series) > 1:
        totals = [(x, sum((v for v in c if v is not None), Decimal(0))) for x, c in zip(x_shown, matrix)]
        summary.extend(extreme_sentence(totals, fmt_or_dash, ids=sum_ids, lead="Jumlah ", unit=common))
    cell_ids = list(ids) or [()] * len(matrix)
    for i, s in enumerate(series):
        valued = [(x, c[i], r[i] if i < len(r) else "") for x, c, r in zip(x_shown, matrix, cell_ids)
                  if c[i] is not None]
        if not valued:
            summary.extend(Sentence().add(f"{s}: tidak ada nilai."), " ")
            continue
        ext = extreme_sentence([(x, v) for x, v, _ in valued], fmt_or_dash, sum(1 for c in matrix if c[i] is None),
                               ids=[fid for _, _, fid in valued], lead=f"{s} – " if len(series) > 1 else "",
                               unit=units[i])
        summary.extend(ext, " ")
    return summary


def phone_rows(spec: ChartSpec) -> tuple[ChartSpec, str] | None:
    """The rows a dataset bar chart of many rows draws on a phone, and the sentence that says so; None: all of them.

    Why: one row of grouped bars takes some 70-100 px of a phone's height (its name above its bars), so the year page
    of a pemda with 30 instansi drew a chart 3 000 px tall that a reader scrolled past without seeing any two ends of
    the comparison at once. With the option ``sempit`` (n), a bar chart of more than 2 × n rows draws the n rows of
    the highest and the n of the lowest value of its first series on a phone, highest first; the wide chart, the
    summary and the data table below the chart keep every row, and the sentence returned (shown with the phone's
    chart) says where the others are. Rows without that value are in the data table only.
    """
    n = int(spec.options.get("sempit") or 0)
    if spec.kind != "dataset" or n <= 0 or len(spec.rows) <= 2 * n:
        return None
    ds = _parse_dataset(spec)
    if ds.jenis not in ("batang", "batang_tumpuk"):
        return None
    valued = [(cells[0], i) for i, cells in enumerate(ds.matrix) if cells[0] is not None]
    ranked = sorted(valued, key=lambda item: (-item[0], item[1]))  # ties in the file's order
    shown = ranked[:n] + ranked[max(n, len(ranked) - n):]
    what, measure, total = ds.x_title.lower(), ds.series[0].lower(), len(spec.rows)
    note = (f"Di layar sempit, grafik ini memuat {len(shown)} dari {total} {what}: {min(n, len(shown))} dengan "
            f"{measure} tertinggi dan {max(0, len(shown) - n)} terendah. Nilai semua {total} {what} ada di data "
            "grafik di bawah ini.")
    options = {k: v for k, v in spec.options.items() if k != "sempit"}
    return ChartSpec(spec.kind, tuple(spec.rows[i] for _, i in shown), options), note
