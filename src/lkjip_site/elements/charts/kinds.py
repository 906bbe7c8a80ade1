"""Planners of the charts drawn from the computed model: capaian, trend, Renstra, budget, efficiency, IKM."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Sequence

from ...compute.comparisons import change_decimals, delta, trend, trend_words
from ...compute.efficiency import capaian_higher
from ...core.fmt import (DASH, NA, fmt_delta, fmt_or_dash, fmt_percent_or_dash, fmt_rupiah, fmt_rupiah_or_dash,
                         fmt_value_entered, shown)
from ...core.model import JENIS_BELANJA
from ...core.numbers import as_decimal
from .marks import (
    Plan,
    Sentence,
    alt,
    band_height,
    data,
    LABEL_PX,
    extreme_sentence,
    figure_id,
    join_names,
    label_box,
    label_px,
    layer,
    lettered,
    max_lines,
    noted_tooltip,
    notes_sentence,
    percent_domain,
    require,
    row_notes,
    figure_note,
    rupiah_axis,
    serapan_of,
    table_figures,
    target_rule,
    text,
    to_float,
    unique_names,
    unit_legend,
    unsaid_unit,
    value_domain,
    value_with_grade,
    wrap_expr,
    with_unit,
)
from .spec import ChartError, ChartSpec, ChartTable
from .style import FALLBACK_PREDIKAT, MUTED_COLOUR, NEUTRAL_BAR, PLOT_WIDTH, line_dashes, series_fill


def plan_target_realisasi(spec: ChartSpec) -> Plan:
    rows = list(spec.rows)
    require(rows, ("indikator", "target", "realisasi", "capaian"), spec.kind)
    names = [text(r, "indikator") for r in rows]
    unique_names(names, spec.kind)
    default_satuan = spec.options.get("satuan") or ""
    so_far = f" {spec.options['sebagian']}" if spec.options.get("sebagian") else ""

    values: list[dict[str, Any]] = []
    predikat_colours: dict[str, str] = {}
    table_rows: list[tuple[str, ...]] = []
    table_ids: list[tuple[str, ...]] = []
    reached = 0
    measured: list[tuple[str, Decimal]] = []
    measured_ids: list[str] = []
    unmeasured: list[str] = []
    cell_notes: list[tuple[str, ...]] = []
    said: list[tuple[str, str]] = []
    for row, name in zip(rows, names):
        notes = row_notes(row, ("target", "realisasi", "capaian"))
        said.append((name, notes))
        c = as_decimal(row.get("capaian"))
        predikat = text(row, "predikat", NA) if c is not None else NA
        satuan = text(row, "satuan", default_satuan)
        target_s = value_with_grade(row.get("target"))
        real_s = value_with_grade(row.get("realisasi"))
        cap_s = fmt_percent_or_dash(c)
        reason = text(row, "keterangan")
        if c is not None:
            measured.append((name, c))
            measured_ids.append(figure_id(row, "capaian"))
            reached += shown(c) >= 100  # as printed beside it
            predikat_colours.setdefault(predikat, text(row, "warna") or FALLBACK_PREDIKAT)
        else:
            unmeasured.append(f"{name}{' (' + reason + ')' if reason else ''}")
        values.append(
            {
                "indikator": name,
                "capaian": to_float(c),
                "predikat": predikat,
                "label": f"{cap_s} · {predikat}" if c is not None else NA,
                LABEL_PX: label_px(f"{cap_s} · {predikat}") if c is not None else 0.0,
                "keterangan": (
                    f"{name}; target{so_far} {with_unit(target_s, satuan)}; realisasi{so_far} "
                    f"{with_unit(real_s, satuan)}"
                    + (f"; capaian {cap_s}; predikat {predikat}" if c is not None
                       else f"; capaian N/A: {reason or 'tidak dapat dihitung'}")
                    + (f"; catatan: {notes}" if notes else "")
                ),
                "t_target": with_unit(target_s, satuan),
                "t_realisasi": with_unit(real_s, satuan),
                "t_capaian": cap_s if c is not None else f"N/A ({reason or 'tidak dapat dihitung'})",
                **({"t_catatan": notes} if notes else {}),
            }
        )
        table_rows.append((name, satuan or DASH, target_s, real_s, cap_s, predikat))
        cell_notes.append(("", "", *(figure_note(row, k) for k in ("target", "realisasi", "capaian")), ""))
        table_ids.append(("", "", *(figure_id(row, k) for k in ("target", "realisasi", "capaian", "predikat"))))

    domain = percent_domain(v for _, v in measured)
    lines = max_lines(names)
    y = alt.Y(
        "indikator:N",
        sort=names,
        title=None,
        axis=alt.Axis(labelExpr=wrap_expr(names), labelLineHeight=14),
    )
    base = alt.Chart(data(values))
    ranks = _in_scale_order(list(predikat_colours), spec.options.get("kelas") or ())
    tooltip = [
        alt.Tooltip("indikator:N", title="Indikator"),
        alt.Tooltip("t_target:N", title=f"Target{so_far}"),
        alt.Tooltip("t_realisasi:N", title=f"Realisasi{so_far}"),
        alt.Tooltip("t_capaian:N", title="Capaian"),
        alt.Tooltip("predikat:N", title="Predikat"),
    ]
    tooltip = noted_tooltip(tooltip, values)
    bars = base.transform_filter("isValid(datum.capaian)").mark_bar(
        ariaRoleDescription="batang", cornerRadiusEnd=2, height={"band": 0.7}
    ).encode(
        y=y,
        x=alt.X("capaian:Q", title="Capaian (%)", scale=alt.Scale(domain=domain, nice=False),
                axis=alt.Axis(format=",.0f", tickCount=6)),
        color=alt.Color(
            "predikat:N",
            title="Predikat",
            scale=alt.Scale(domain=list(ranks), range=[series_fill(r, predikat_colours[p]) for p, r in ranks.items()]),
        ),
        tooltip=tooltip,
        description=alt.Description("keterangan:N"),
    )
    labels = base.transform_filter("isValid(datum.capaian)").mark_text(align="left", dx=4, aria=False).encode(
        y=y,
        x=alt.X("capaian:Q"),
        text=alt.Text("label:N"),
    )
    # N/A: a visible mark where the bar would start (never a silently missing bar), its reason in the tooltip.
    na_marks = base.transform_filter("!isValid(datum.capaian)").transform_calculate(x0="0").mark_text(
        align="left", dx=4, fontWeight="bold", color=MUTED_COLOUR, ariaRoleDescription="tanda N/A"
    ).encode(y=y, x=alt.X("x0:Q"), text=alt.Text("label:N"), tooltip=tooltip,
             description=alt.Description("keterangan:N"))
    box = label_box(base.transform_filter("isValid(datum.capaian)"), "capaian", y=y)
    chart = target_rule(100.0, "Target 100 %").add_layers(bars, box, labels, na_marks).properties(
        width=PLOT_WIDTH, height=band_height(len(names), lines)
    )

    summary = _capaian_summary(spec.options.get("angka"), len(rows), len(measured), reached, unmeasured)
    summary.extend(extreme_sentence(measured, fmt_percent_or_dash, ids=measured_ids, lead="Capaian "), " ")
    summary.add(notes_sentence(said))
    table = ChartTable(
        ("Indikator", "Satuan", f"Target{so_far}", f"Realisasi{so_far}", "Capaian", "Predikat"),
        tuple(table_rows),
        (False, False, True, True, True, False),
        table_figures(table_ids),
        *lettered(cell_notes),
    )
    alt_text = (
        f"Grafik batang capaian kinerja {len(rows)} indikator terhadap garis target 100 %, "
        "diberi warna, arsiran dan label sesuai predikat; indikator yang capaiannya tidak dapat dihitung ditandai N/A."
    )
    return Plan(chart, summary.text, table, alt_text, tuple(summary.marks))


def _in_scale_order(predikat: list[str], kelas: Sequence[str]) -> dict[str, int]:
    """Each predikat drawn, in the legend's order, with its place in the scale (``kelas``, best first): the pattern of
    its bars (``style.series_fill``: the best class plain, as its colour is the best's).

    Why: the classes of a capaian chart differed by colour alone. In grey print the scales' green, blue and red are one
    grey ("Sangat Berhasil" and "Berhasil" of the Batu Sopang report, bars and legend squares alike), and a deuteranope
    sees the green of the best class, the orange and the red of the lowest as one olive. The place in the scale, not
    in the chart, so that a class has the same pattern in every chart of its scale. A predikat not in ``kelas`` (or a
    chart drawn without it) comes after the scale's, in the order it appears.
    """
    ranked = {k: i for i, k in enumerate(kelas) if k in predikat}
    others = [p for p in predikat if p not in ranked]
    return ranked | {p: len(kelas) + i for i, p in enumerate(others)}


def _capaian_summary(angka: Any, n: int, n_measured: int, reached: int, unmeasured: list[str]) -> Sentence:
    """"Dari 25 indikator Perjanjian Kinerja, 24 terukur; 12 di antaranya mencapai …; 1 N/A: …".

    The counts are the ones handed in (``angka``, computed once by the caller and marked with their ids); only a
    chart drawn without them counts its own rows.
    """
    def part(key: str, fallback: int) -> tuple[str, str]:
        given = angka.get(key) if isinstance(angka, dict) else None
        return (str(given["teks"]), str(given.get("id", ""))) if given else (str(fallback), "")

    scope = angka.get("lingkup", "indikator") if isinstance(angka, dict) else "indikator"
    s = Sentence().add("Dari ").figure(*part("jumlah", n)).add(f" {scope}, ").figure(*part("terukur", n_measured))
    s.add(" terukur; ").figure(*part("mencapai", reached)).add(" di antaranya mencapai atau melampaui target "
                                                               "(capaian ≥ 100 %).")
    count, fid = part("tidak_terukur", len(unmeasured))
    if count != "0":
        s.add(" ").figure(count, fid).add(" indikator N/A (capaian tidak dapat dihitung)")
        s.add(f": {join_names(unmeasured)}." if unmeasured else ".")
    return s


def plan_tren(spec: ChartSpec) -> Plan:
    rows = list(spec.rows)
    require(rows, ("tahun", "indikator", "nilai"), spec.kind)
    satuan = spec.options.get("satuan") or ""
    series: list[str] = []
    years: list[int] = []
    units: dict[str, str] = {}  # a series' unit: its rows' own (``satuan``), else the chart's
    for r in rows:
        if text(r, "indikator") not in series:
            series.append(text(r, "indikator"))
            units[text(r, "indikator")] = text(r, "satuan", satuan)
        year = int(r["tahun"])
        if year not in years:
            years.append(year)
    years.sort()
    partial = spec.options.get("sebagian") or {}  # {2024: "s.d. TW II"}: a quarterly report's year so far
    negatives = set(spec.options.get("negatif") or ())

    def named(year: int) -> str:
        """The year as the axis, the text and the table name it: "2024 s.d. TW II" is not the year 2024."""
        return f"{year} {partial[year]}" if year in partial else str(year)

    mixed = len(set(units.values())) > 1
    # in a chart of mixed units, the unit each series is read in, beside its name where the name does not say it
    said_units = {name: unsaid_unit(name, unit) if mixed else "" for name, unit in units.items()}

    def titled(name: str) -> str:
        """A series as its text names it: "Angka Kematian Ibu (per 100.000 kelahiran hidup)" among mixed units."""
        return f"{name} ({said_units[name]})" if said_units[name] else name

    by_key: dict[tuple[str, int], Decimal | None] = {}
    ids: dict[tuple[str, int], str] = {}
    notes: dict[tuple[str, int], str] = {}
    changes: dict[str, str] = {}  # a series' change id, its years to be filled in (see :func:`_change`)
    for r in rows:
        key = (text(r, "indikator"), int(r["tahun"]))
        if key in by_key:
            raise ChartError(f"Grafik 'tren': {key[0]} tahun {key[1]} muncul lebih dari sekali.")
        by_key[key] = as_decimal(r["nilai"])
        ids[key] = figure_id(r, "nilai")
        notes[key] = figure_note(r, "nilai")
        changes[key[0]] = figure_id(r, "perubahan")

    values = []
    for (name, year), v in sorted(by_key.items(), key=lambda kv: (series.index(kv[0][0]), kv[0][1])):
        if v is None:
            continue  # a missing year is a gap, never a zero
        shown = fmt_value_entered(v)  # as the year-on-year table prints it (84.50 -> 84,5)
        values.append(
            {
                "indikator": name,
                "tahun": named(year),
                "nilai": to_float(v),
                "label": shown,
                "keterangan": f"{name}, {named(year)}: {shown} {units[name]}".rstrip()
                              + (f"; catatan: {notes[name, year]}" if notes[name, year] else ""),
                "t_nilai": f"{shown} {units[name]}".strip(),
                **({"t_catatan": notes[name, year]} if notes[name, year] else {}),
            }
        )
    if not values:
        raise ChartError("Grafik 'tren' tidak memiliki nilai yang terukur.")

    all_values = [v for v in by_key.values() if v is not None]
    lo = min(all_values)
    hi = max(all_values)
    pad = (hi - lo) * Decimal("0.25") if hi != lo else (abs(hi) * Decimal("0.1") or Decimal(1))
    y_domain = [float(min(Decimal(0), lo) if lo >= 0 and lo < pad else lo - pad), float(hi + pad)]
    y_scale = {  # of the values and of their labels' places (_place_labels)
        "title": _trend_axis_title(set(units.values())),
        "scale": alt.Scale(domain=y_domain, zero=False),
        "axis": alt.Axis(format=",~f"),
    }
    legend = alt.Legend(columns=1, direction="vertical", **unit_legend(said_units))
    colour = alt.Color("indikator:N", title=None, sort=series, legend=legend)
    enc = {
        "x": alt.X("tahun:O", title="Tahun", sort=[named(y) for y in years], axis=alt.Axis(labelAngle=0)),
        "y": alt.Y("nilai:Q", **y_scale),
        "color": colour,
    }
    base = alt.Chart(data(values))
    dash = alt.StrokeDash("indikator:N", sort=series, scale=alt.Scale(domain=series, range=line_dashes(len(series))),
                          legend=None)
    line = base.mark_line(strokeWidth=2, aria=False).encode(**enc, strokeDash=dash)
    points = base.mark_point(filled=True, size=70, ariaRoleDescription="titik", opacity=1).encode(
        **enc,
        shape=alt.Shape("indikator:N", sort=series, legend=None),
        tooltip=noted_tooltip([
            alt.Tooltip("indikator:N", title="Indikator"),
            alt.Tooltip("tahun:N", title="Tahun"),
            alt.Tooltip("t_nilai:N", title="Realisasi"),
        ], values),
        description=alt.Description("keterangan:N"),
    )
    _place_labels(values, y_domain, TREND_HEIGHT)
    labels = base.mark_text(baseline="middle", aria=False).encode(
        x=enc["x"], y=alt.Y("y_label:Q", **y_scale), text=alt.Text("label:N"))
    chart = layer(line, points).add_layers(labels).properties(width=max(PLOT_WIDTH, 90 * len(years)),
                                                                height=TREND_HEIGHT)

    summary = Sentence()
    table_rows = []
    table_ids = []
    cell_notes = []
    for name in series:
        pts = [(y, by_key.get((name, y))) for y in years]
        measured = [(y, v) for y, v in pts if v is not None]
        unit_cell = (units[name],) if mixed else ()
        table_rows.append((name, *unit_cell, *[fmt_value_entered(v) for _, v in pts]))
        table_ids.append(("", *["" for _ in unit_cell], *[ids.get((name, y), "") if v is not None else ""
                                                           for y, v in pts]))
        cell_notes.append(("", *["" for _ in unit_cell], *[notes.get((name, y), "") if v is not None else ""
                                                            for y, v in pts]))

        def said(year: int, value: Decimal, name: str = name) -> tuple[str, str]:
            return fmt_value_entered(value), ids.get((name, year), "")
        part = Sentence()
        if len(measured) >= 2:
            (y0, v0), (y1, v1) = measured[0], measured[-1]
            negative = name in negatives
            part.add(f"{titled(name)}: {_moved(v0, v1, negative)} dari ").figure(*said(y0, v0)).add(f" ({named(y0)}) menjadi ")
            part.figure(*said(y1, v1)).add(f" ({named(y1)})").extend(_change(v0, v1, changes[name], y0, y1))
            part.add(".")
            if len(measured) >= 3:  # the table beside it compares the last two years: "naik" over the span alone
                (yp, vp) = measured[-2]  # contradicted its "turun" from last year
                part.add(f" Dibanding {named(yp)} (").figure(*said(yp, vp))
                part.add(f"): {_moved(vp, v1, negative)}").extend(_change(vp, v1, changes[name], yp, y1)).add(".")
        elif measured:
            part.add(f"{titled(name)}: hanya tersedia nilai ").figure(*said(*measured[0])).add(f" ({named(measured[0][0])}).")
        missing = [str(y) for y, v in pts if v is None]
        if missing:
            part.extend(Sentence().add(f"{titled(name)}: tidak ada data tahun {join_names(missing)}."), " ")
        # a value not of its own quarter, and so the change to it (the text's "naik … (+1)"), says so
        part.add(notes_sentence([(f"{name} {named(y)}", notes.get((name, y), "")) for y, v in measured]))
        summary.extend(part, " ")
    table = ChartTable(
        ("Indikator", *(("Satuan",) if mixed else ()), *[named(y) for y in years]),
        tuple(table_rows),
        (False, *((False,) if mixed else ()), *[True] * len(years)),
        table_figures(table_ids),
        *lettered(cell_notes),
    )
    alt_text = (
        f"Grafik garis realisasi {len(series)} indikator dari tahun {years[0]} sampai {years[-1]}."
    )
    return Plan(chart, summary.text, table, alt_text, tuple(summary.marks))


#: The value axis of a trend whose lines are in different units: "Realisasi" alone read 98,2 per 100.000 kelahiran
#: hidup and 15,2 per 1.000 as one scale.
MIXED_UNITS_TITLE = "Realisasi (satuan berbeda)"


def _trend_axis_title(units: set[str]) -> str:
    """"Realisasi (%)" when every line shares its unit, :data:`MIXED_UNITS_TITLE` when they do not (the legend, the
    tooltips, the text and the data table then say each line's), "Realisasi" when none is known."""
    if len(units) > 1:
        return MIXED_UNITS_TITLE
    unit = next(iter(units), "")
    return f"Realisasi ({unit})" if unit else "Realisasi"


def _moved(v0: Decimal, v1: Decimal, negative: bool) -> str:
    """"naik", "turun" or "tetap"; for a negative indicator (lower is better) with what that means, as the
    tables say it: "turun" of complaints read as a fall of performance beside a rising line."""
    return trend_words(trend(shown(v1) - shown(v0)), "negatif" if negative else "positif") or "tetap"


def _change(v0: Decimal, v1: Decimal, template: str = "", y0: int = 0, y1: int = 0) -> Sentence:
    """" (+2,13)" or " (-1)", nothing when unchanged: the change as the year-on-year table prints it, by its rule
    (:func:`delta`, :func:`change_decimals`) and with its ASCII minus. The sentence wrote "(−1,24)" (U+2212) where
    Tabel 3.3 wrote "-1,24", so a search for the table's figure missed the chart's, and it took its own difference
    of two means of quarters (the unrounded one) where the table takes that of the printed figures.

    Marked with the id of the change from ``y0`` to ``y1``: ``template`` (the rows' ``perubahan`` id, as
    ``IKU1.delta@{dari}-{sampai}``) with the years filled in; printed unmarked, the audit never compared it."""
    d = delta(v1, v0)
    if d is None or shown(d) == 0:
        return Sentence()
    figure = template.replace("{dari}", str(y0)).replace("{sampai}", str(y1))
    return Sentence().add(" (").figure(fmt_delta(d, change_decimals(v1, v0)), figure).add(")")


TREND_HEIGHT = 260
#: Geometry of a trend's value labels (px): a label's box (12 px figures, baseline "middle"), the space one takes in a
#: stack of labels, how far a label's centre is from its point's (a point's mark reaches 6 px from its centre).
LABEL_BOX = 12
LABEL_STEP = 14
LABEL_OFFSET = 14
MARK_REACH = 6


def _place_labels(values: list[dict[str, Any]], domain: list[float], height: int) -> None:
    """Give each value label of a trend the place of its centre (``y_label``, on the value scale) so that no two labels
    of one year overlap, none covers another line's point, and the labels of one year read top to bottom in the order
    of their points.

    Points of one year whose labels would collide make a group; the upper half of the group's labels are stacked above
    its highest point, the others below its lowest, each in the order of the points; groups that still touch are
    joined, until none does. A lone point has its label above it.

    Why: labels went above their point, and below when the point just above had its label above: a third line close to
    two others had its label above again, on the first one's ("86,2" over "85,4"), and a fourth's below, on the
    second's. Three or more lines meeting in one year (a year's indicators all near 85) printed unreadable figures.

    Points of one year with the same value are one place on the chart and have one label, the first line's; the others'
    labels are empty (every value stays in the tooltips and the table). Why: three lines at 100 in a year printed
    "100" three times, stacked above and below one point, so a reader in grey print looked for three points.
    """
    span = (domain[1] - domain[0]) or 1.0

    def px(value: float) -> float:
        return (domain[1] - value) / span * height

    by_year: dict[str, list[dict[str, Any]]] = {}
    for v in values:
        by_year.setdefault(v["tahun"], []).append(v)
    for points in by_year.values():
        points.sort(key=lambda v: px(v["nilai"]))  # top to bottom; a tie keeps the order of the series
        labelled: dict[float, dict[str, Any]] = {}
        for v in points:
            if labelled.setdefault(v["nilai"], v) is not v:
                v["label"] = ""
        groups = [[v] for v in labelled.values()]
        joined = True
        while joined:
            joined = False
            for i in range(len(groups) - 1):
                if _extent(groups[i], px)[1] + 2 > _extent(groups[i + 1], px)[0]:
                    groups[i:i + 2] = [groups[i] + groups[i + 1]]
                    joined = True
                    break
        for group in groups:
            for v, centre in zip(group, _centres(group, px)):
                v["y_label"] = domain[1] - centre / height * span
        for v in points:
            v["y_label"] = labelled[v["nilai"]]["y_label"]


def _centres(group: list[dict[str, Any]], px: Any) -> list[float]:
    """The labels' centres (px from the top) of a group of points, top to bottom: the upper half stacked above the
    highest point, the rest below the lowest."""
    above = (len(group) + 1) // 2
    top, bottom = px(group[0]["nilai"]), px(group[-1]["nilai"])
    return [top - LABEL_OFFSET - (above - 1 - j) * LABEL_STEP for j in range(above)] + [
        bottom + LABEL_OFFSET + j * LABEL_STEP for j in range(len(group) - above)]


def _extent(group: list[dict[str, Any]], px: Any) -> tuple[float, float]:
    """The top and bottom (px) of what a group draws: its points' marks and its labels."""
    centres = _centres(group, px)
    ys = [px(v["nilai"]) for v in group]
    return (min(min(ys) - MARK_REACH, centres[0] - LABEL_BOX / 2),
            max(max(ys) + MARK_REACH, centres[-1] + LABEL_BOX / 2))


def plan_renstra(spec: ChartSpec) -> Plan:
    rows = list(spec.rows)
    require(rows, ("indikator", "realisasi", "target_akhir", "kemajuan"), spec.kind)
    names = [text(r, "indikator") for r in rows]
    unique_names(names, spec.kind)
    values = []
    table_rows = []
    table_ids = []
    measured: list[tuple[str, Decimal]] = []
    measured_ids: list[str] = []
    cell_notes: list[tuple[str, ...]] = []
    said: list[tuple[str, str]] = []
    for row, name in zip(rows, names):
        k = as_decimal(row.get("kemajuan"))
        satuan = text(row, "satuan")
        notes = row_notes(row, ("realisasi", "target_akhir", "kemajuan"))
        said.append((name, notes))
        real_s = value_with_grade(row.get("realisasi"))
        end_s = value_with_grade(row.get("target_akhir"))
        k_s = fmt_percent_or_dash(k)
        if k is not None:
            measured.append((name, k))
            measured_ids.append(figure_id(row, "kemajuan"))
        values.append(
            {
                "indikator": name,
                "kemajuan": to_float(k),
                "label": k_s if k is not None else NA,
                LABEL_PX: label_px(k_s if k is not None else NA),
                "keterangan": f"{name}; realisasi {real_s}; target akhir {end_s}; kemajuan {k_s}"
                              + (f"; catatan: {notes}" if notes else ""),
                "t_realisasi": f"{real_s} {satuan}".strip(),
                "t_akhir": f"{end_s} {satuan}".strip(),
                "t_kemajuan": k_s,
                **({"t_catatan": notes} if notes else {}),
            }
        )
        table_rows.append((name, satuan or DASH, real_s, end_s, k_s))
        cell_notes.append(("", "", *(figure_note(row, k) for k in ("realisasi", "target_akhir", "kemajuan"))))
        table_ids.append(("", "", *(figure_id(row, k) for k in ("realisasi", "target_akhir", "kemajuan"))))
    y = alt.Y("indikator:N", sort=names, title=None, axis=alt.Axis(labelExpr=wrap_expr(names)))
    base = alt.Chart(data(values))
    bars = base.transform_filter("isValid(datum.kemajuan)").mark_bar(
        ariaRoleDescription="batang", color=NEUTRAL_BAR, cornerRadiusEnd=2, height={"band": 0.7}
    ).encode(
        y=y,
        x=alt.X("kemajuan:Q", title="Tingkat kemajuan terhadap target akhir Renstra (%)",
                scale=alt.Scale(domain=percent_domain(v for _, v in measured), nice=False),
                axis=alt.Axis(format=",.0f", tickCount=6)),
        tooltip=noted_tooltip([
            alt.Tooltip("indikator:N", title="Indikator"),
            alt.Tooltip("t_realisasi:N", title="Realisasi"),
            alt.Tooltip("t_akhir:N", title="Target akhir"),
            alt.Tooltip("t_kemajuan:N", title="Kemajuan"),
        ], values),
        description=alt.Description("keterangan:N"),
    )
    at = base.transform_calculate(x0="isValid(datum.kemajuan) ? datum.kemajuan : 0")
    labels = at.mark_text(align="left", dx=4, aria=False).encode(y=y, x=alt.X("x0:Q"), text=alt.Text("label:N"))
    chart = target_rule(100.0, "Target akhir 100 %").add_layers(bars, label_box(at, "x0", y=y), labels).properties(
        width=PLOT_WIDTH, height=band_height(len(names), max_lines(names))
    )
    done = sum(1 for _, v in measured if shown(v) >= 100)
    summary = Sentence().add(f"{done} dari {len(rows)} indikator telah mencapai target akhir Renstra.")
    summary.extend(extreme_sentence(measured, fmt_percent_or_dash, ids=measured_ids, lead="Kemajuan "), " ")
    summary.add(notes_sentence(said))
    table = ChartTable(
        ("Indikator", "Satuan", "Realisasi", "Target akhir", "Kemajuan"),
        tuple(table_rows),
        (False, False, True, True, True),
        table_figures(table_ids),
        *lettered(cell_notes),
    )
    alt_text = f"Grafik batang tingkat kemajuan {len(rows)} indikator terhadap target akhir Renstra."
    return Plan(chart, summary.text, table, alt_text, tuple(summary.marks))


def plan_budget(spec: ChartSpec, name_key: str, what: str) -> Plan:
    rows = list(spec.rows)
    require(rows, (name_key, "pagu", "realisasi"), spec.kind)
    if name_key == "jenis":
        names = [JENIS_BELANJA.get(text(r, "jenis"), text(r, "jenis")) for r in rows]
    else:
        names = [text(r, name_key) for r in rows]
    unique_names(names, spec.kind)
    values = []
    table_rows = []
    serapan_items: list[tuple[str, Decimal]] = []
    serapan_ids: list[str] = []
    table_ids: list[tuple[str, ...]] = []
    total_pagu = Decimal(0)
    total_real = Decimal(0)
    complete = True
    biggest = Decimal(0)
    for row, name in zip(rows, names):
        pagu = as_decimal(row.get("pagu"))
        real = as_decimal(row.get("realisasi"))
        s = serapan_of(row, pagu, real)
        if pagu is None or real is None:
            complete = False
        total_pagu += pagu or 0
        total_real += real or 0
        biggest = max(biggest, pagu or 0, real or 0)
        if s is not None:
            serapan_items.append((name, s))
            serapan_ids.append(figure_id(row, "serapan"))
        desc = f"{name}; pagu {fmt_rupiah_or_dash(pagu)}; realisasi {fmt_rupiah_or_dash(real)}; serapan {fmt_percent_or_dash(s)}"
        for seri, v in (("Pagu", pagu), ("Realisasi", real)):
            values.append(
                {
                    "nama": name,
                    "seri": seri,
                    "nilai": to_float(v),
                    "label": fmt_percent_or_dash(s) if seri == "Realisasi" and s is not None else "",
                    "keterangan": f"{seri} {desc}",
                    "t_pagu": fmt_rupiah_or_dash(pagu),
                    "t_realisasi": fmt_rupiah_or_dash(real),
                    "t_serapan": fmt_percent_or_dash(s),
                }
            )
        # the table prints each amount as the report's tables do (cents when it has them), the bars' labels whole
        table_rows.append((name, _rupiah(pagu), _rupiah(real), fmt_percent_or_dash(s)))
        table_ids.append(("", *(figure_id(row, k) for k in ("pagu", "realisasi", "serapan"))))
    title, label_expr = rupiah_axis(biggest)
    lines = max_lines(names)
    y = alt.Y("nama:N", sort=names, title=None, axis=alt.Axis(labelExpr=wrap_expr(names)))
    colour = alt.Color(
        "seri:N", title=None, scale=alt.Scale(domain=["Pagu", "Realisasi"], range=["#56B4E9", "#0072B2"])
    )
    x = alt.X(
        "nilai:Q",
        title=title,
        scale=alt.Scale(domain=value_domain([biggest]), nice=False),
        axis=alt.Axis(labelExpr=label_expr, tickCount=5),
    )
    base = alt.Chart(data(values)).transform_filter("isValid(datum.nilai)")
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
        y=y, yOffset=y_off, x=x, text=alt.Text("label:N")
    )
    chart = layer(bars, labels).properties(
        width=PLOT_WIDTH, height=max(len(names) * max(2 * 22 + 12, 14 * lines + 10), 60)
    )
    summary = Sentence()
    if complete and total_pagu > 0:
        # the sums as the report's tables print the total (cents when it has them), each marked with the total's id
        # when handed in: the sentence printed the engine's own sums, which the audit never read
        total_ids = spec.options.get("id_jumlah") or {}
        summary.add(f"Jumlah pagu {len(rows)} {what} ").figure(_rupiah(total_pagu), total_ids.get("pagu", ""))
        summary.add(", realisasi ").figure(_rupiah(total_real), total_ids.get("realisasi", ""))
        summary.add(" (serapan ").figure(fmt_percent_or_dash(total_real / total_pagu * 100),
                                         total_ids.get("serapan", "")).add(").")
    summary.extend(extreme_sentence(serapan_items, fmt_percent_or_dash, ids=serapan_ids, lead="Serapan "), " ")
    table = ChartTable(
        (what.capitalize(), "Pagu", "Realisasi", "Serapan"),
        tuple(table_rows),
        (False, True, True, True),
        table_figures(table_ids),
    )
    alt_text = f"Grafik batang pagu dan realisasi anggaran per {what} ({len(rows)} {what})."
    return Plan(chart, summary.text, table, alt_text, tuple(summary.marks))


def _rupiah(value: Decimal | None) -> str:
    """An amount of a budget chart's data table: as the report's tables print it (cents when it has them), so that
    it is the figure they print; the bars' labels and tooltips round to whole rupiah."""
    return NA if value is None else fmt_rupiah(value)


def plan_efisiensi(spec: ChartSpec) -> Plan:
    rows = list(spec.rows)
    require(rows, ("nama", "capaian", "serapan"), spec.kind)
    tingkat = spec.options.get("tingkat") or "program"
    metode = spec.options.get("metode")
    names = [text(r, "nama") for r in rows]
    unique_names(names, spec.kind)
    series = ["Capaian kinerja", "Serapan anggaran"]
    has_eff = any("efisiensi" in r for r in rows)
    has_status = any("status" in r for r in rows)
    values = []
    table_rows = []
    table_ids: list[tuple[str, ...]] = []
    all_vals: list[Decimal] = []
    above = 0
    compared = 0
    # a capaian made of a value taken from an earlier quarter (marks.FIGURE_NOTES) says so in the text, the tooltips,
    # the marks' descriptions and the data table, as the efficiency table letters it: it was drawn bare
    cell_notes: list[tuple[str, ...]] = []
    said: list[tuple[str, str]] = []
    for row, name in zip(rows, names):
        notes = row_notes(row, ("capaian",))
        said.append((name, notes))
        c = as_decimal(row.get("capaian"))
        s = as_decimal(row.get("serapan"))
        eff = row.get("efisiensi")
        eff_s = eff.strip() if isinstance(eff, str) else fmt_or_dash(as_decimal(eff), 2)
        status = text(row, "status", NA)
        higher = capaian_higher(c, s)  # as printed, as the model counts it (``efisiensi.capaian_lebih_tinggi``)
        if higher is not None:
            compared += 1
            above += higher
        desc = f"{name}; capaian {fmt_percent_or_dash(c)}; serapan {fmt_percent_or_dash(s)}"
        if has_status:
            desc += f"; {status}"
        if notes:
            desc += f"; catatan: {notes}"
        for seri, v in zip(series, (c, s)):
            if v is not None:
                all_vals.append(v)
            values.append(
                {
                    "nama": name,
                    "seri": seri,
                    "nilai": to_float(v),
                    "label": fmt_percent_or_dash(v),
                    LABEL_PX: label_px(fmt_percent_or_dash(v)),
                    "keterangan": f"{seri} {desc}",
                    "t_capaian": fmt_percent_or_dash(c),
                    "t_serapan": fmt_percent_or_dash(s),
                    "t_status": status,
                    **({"t_catatan": notes} if notes else {}),
                }
            )
        cells = [name, fmt_percent_or_dash(c), fmt_percent_or_dash(s)]
        if has_eff:
            cells.append(eff_s)
        if has_status:
            cells.append(status)
        table_rows.append(tuple(cells))
        table_ids.append(("", figure_id(row, "capaian"), figure_id(row, "serapan"),
                          *[figure_id(row, "efisiensi")] * has_eff, *[""] * has_status))
        cell_notes.append(("", figure_note(row, "capaian"), *[""] * (len(cells) - 2)))
    y = alt.Y("nama:N", sort=names, title=None, axis=alt.Axis(labelExpr=wrap_expr(names)))
    y_off = alt.YOffset("seri:N", sort=series)
    x = alt.X("nilai:Q", title="Persen (%)", scale=alt.Scale(domain=percent_domain(all_vals), nice=False),
              axis=alt.Axis(format=",.0f", tickCount=6))
    tooltip = [
        alt.Tooltip("nama:N", title=tingkat.capitalize()),
        alt.Tooltip("t_capaian:N", title="Capaian kinerja"),
        alt.Tooltip("t_serapan:N", title="Serapan anggaran"),
    ]
    if has_status:
        tooltip.append(alt.Tooltip("t_status:N", title="Efisiensi"))
    tooltip = noted_tooltip(tooltip, values)
    base = alt.Chart(data(values)).transform_filter("isValid(datum.nilai)")
    bars = base.mark_bar(ariaRoleDescription="batang", cornerRadiusEnd=2).encode(
        y=y,
        yOffset=y_off,
        x=x,
        color=alt.Color("seri:N", title=None, scale=alt.Scale(domain=series, range=["#0072B2", "#E69F00"])),
        tooltip=tooltip,
        description=alt.Description("keterangan:N"),
    )
    labels = base.mark_text(align="left", dx=4, aria=False).encode(y=y, yOffset=y_off, x=x, text=alt.Text("label:N"))
    # a value that cannot be computed is a visible N/A where its bar would start, never a silently missing bar
    na_marks = alt.Chart(data(values)).transform_filter("!isValid(datum.nilai)").transform_calculate(
        x0="0").mark_text(align="left", dx=4, fontWeight="bold", color=MUTED_COLOUR,
                          ariaRoleDescription="tanda N/A").encode(
        y=y, yOffset=y_off, x=alt.X("x0:Q"), text=alt.Text("label:N"), tooltip=tooltip,
        description=alt.Description("keterangan:N"))
    box = label_box(base, "nilai", y=y, yOffset=y_off)
    chart = target_rule(100.0, "100 %").add_layers(bars, box, labels, na_marks).properties(
        width=PLOT_WIDTH, height=max(len(names) * max(56, 14 * max_lines(names) + 10), 60)
    )
    counts = spec.options.get("id_hitungan") or {}
    summary = Sentence()
    if compared:
        summary.add("Pada ").figure(str(above), counts.get("lebih_tinggi", "")).add(" dari ")
        summary.figure(str(compared), counts.get("terbandingkan", ""))
        summary.add(f" {tingkat}, capaian kinerja lebih tinggi daripada serapan anggaran.")
    else:
        summary.add(f"Capaian kinerja dan serapan anggaran {len(names)} {tingkat} ini belum tersedia.")
    if metode:
        summary.add(f" Efisiensi dihitung dengan metode {metode}.")
    header = [tingkat.capitalize(), "Capaian kinerja", "Serapan anggaran"]
    numeric = [False, True, True]
    if has_eff:
        header.append("Efisiensi")
        numeric.append(True)
    if has_status:
        header.append("Keterangan")
        numeric.append(False)
    table = ChartTable(tuple(header), tuple(table_rows), tuple(numeric), table_figures(table_ids),
                       *lettered(cell_notes))
    alt_text = f"Grafik batang capaian kinerja dibandingkan serapan anggaran untuk {len(rows)} {tingkat}."
    summary.add(notes_sentence(said))
    return Plan(chart, summary.text, table, alt_text, tuple(summary.marks))


def plan_ikm(spec: ChartSpec) -> Plan:
    rows = list(spec.rows)
    require(rows, ("kode", "nama", "nilai"), spec.kind)
    names = [f"{text(r, 'kode')} {text(r, 'nama')}".strip() for r in rows]
    unique_names(names, spec.kind)
    values = []
    items: list[tuple[str, Decimal]] = []
    item_ids: list[str] = []
    table_rows = []
    table_ids = []
    for row, name in zip(rows, names):
        v = as_decimal(row.get("nilai"))
        shown = fmt_or_dash(v, 2)
        if v is not None:
            items.append((name, v))
            item_ids.append(figure_id(row, "nilai"))
        values.append(
            {"unsur": name, "nilai": to_float(v), "label": shown, "keterangan": f"{name}; nilai rata-rata {shown}"}
        )
        table_rows.append((text(row, "kode"), text(row, "nama"), shown))
        table_ids.append(("", "", figure_id(row, "nilai")))
    y = alt.Y("unsur:N", sort=names, title=None, axis=alt.Axis(labelExpr=wrap_expr(names)))
    base = alt.Chart(data(values))
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
        y=y, x=alt.X("nilai:Q"), text=alt.Text("label:N")
    )
    chart = layer(bars, labels).properties(width=PLOT_WIDTH, height=band_height(len(names), max_lines(names)))
    summary = Sentence()
    nilai_ikm = as_decimal(spec.options.get("nilai_ikm"))
    if nilai_ikm is not None:
        mutu = spec.options.get("mutu")
        summary.add("Nilai IKM ").figure(fmt_or_dash(nilai_ikm, 2), str(spec.options.get("id_nilai") or ""))
        summary.add(f" (mutu {mutu})." if mutu else ".")
    summary.extend(extreme_sentence(items, lambda v: fmt_or_dash(v, 2), ids=item_ids, lead="Unsur dengan nilai "), " ")
    table = ChartTable(("Kode", "Unsur pelayanan", "Nilai rata-rata"), tuple(table_rows), (False, False, True),
                       table_figures(table_ids))
    alt_text = f"Grafik batang nilai rata-rata {len(rows)} unsur pelayanan survei kepuasan masyarakat."
    return Plan(chart, summary.text, table, alt_text, tuple(summary.marks))
