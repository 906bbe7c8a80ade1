"""Stage 6, elements: chart kinds for the ```{grafik} <kind>`` directive: the computed model mapped to ``charts`` rows.

``charts`` knows nothing of reports; this module decides which computed numbers each chart shows, so a chart
shows exactly the values of its table (same Decimal, same formatting). The validator builds every chart spec up
front (an option naming a missing indicator is an error before anything is written); the renderer turns it into
SVG through the chart cache, inside one theme template (``partials/figure.html``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable

from ..compute.efficiency import METODE_NAMA, PART_OF_YEAR
from ..compute.periods import carried_note
from ..compute.refs import lookup
from ..compute.report import counts_for
from ..compute.scales import best_first
from ..core import fmt
from ..core.diagnostics import Diagnostics
from ..core.model import Report
from ..core.templates import theme_errors
from ..markdown.directives import Directive, ItemEntry, Registry, RenderContext
from .charts import spec as specs
from .charts.cache import CarriedCharts, ChartCache
from .charts.dataset import column_unit, donut_of_rates
from .charts.marks import FIGURE_IDS, FIGURE_NOTES, join_names
from .charts.pieces import print_pieces
from .charts.spec import ChartError, ChartSpec
from .charts.style import FALLBACK_PREDIKAT
from .select import (OptionError, budget_of, dataset_of, efficiency_ids, efficiency_note, empty_efficiency,
                     indicators_for, option_ids)

SpecBuilder = Callable[[Report, dict[str, Any]], ChartSpec]


def _number(value: Any) -> Decimal | None:
    return value if isinstance(value, Decimal) else None


def _grade_or_number(value: Any) -> Decimal | str | None:
    return value if isinstance(value, (Decimal, str)) else None


def _indicator_ids(indicator: str, keys: tuple[str, ...]) -> dict[str, str]:
    """The ids of an indicator's figures a chart row carries (``marks.FIGURE_IDS``), so its text and data table mark
    them for the audit as the tables do (``IKU1.capaian``; a trend's ``IKU1.realisasi@2023``). A 'tidak tercapai'
    capaian is drawn and counted as 0 % (what enters the average) where the model's figure is the words: not marked."""
    return {key: f"{indicator}.{key}" for key in keys}


def _noted(row: dict[str, Any], notes: dict[str, str]) -> dict[str, Any]:
    """``row`` with the notes of its values that are not the plain figure (``marks.FIGURE_NOTES``): a value taken
    from an earlier quarter (``periods.carried_note``), a capaian set by a rule (``Result.note``), as the report's
    tables letter them. Only when there is one: a chart without notes keeps its key in the chart cache."""
    said = {key: note for key, note in notes.items() if note}
    return {**row, FIGURE_NOTES: said} if said else row


def chart_target_realisasi(report: Report, options: dict[str, Any]) -> ChartSpec:
    """Every selected indicator: a bar for each capaian (grades included), a visible N/A mark for the others.

    The summary's counts are the model's (:func:`counts_for`), handed to the report-agnostic engine with their ids.
    """
    inds = indicators_for(report, options)
    rows = []
    for ind in inds:
        c = ind.capaian
        value = c.for_average
        rows.append(_noted({"indikator": ind.nama, "target": _grade_or_number(ind.target),
                            "realisasi": _grade_or_number(ind.realisasi), "capaian": value,
                            "predikat": ind.predikat.label if ind.predikat else "", "satuan": ind.satuan,
                            "keterangan": c.reason if value is None else "",
                            "warna": ind.predikat.warna if ind.predikat and ind.predikat.warna else FALLBACK_PREDIKAT,
                            FIGURE_IDS: _indicator_ids(ind.id, ("target", "realisasi", "predikat")
                                                       + (("capaian",) if not c.tidak_tercapai else ()))},
                           {"target": carried_note(ind.target, "target"),
                            "realisasi": carried_note(ind.realisasi, "realisasi"), "capaian": c.note}))
    if not rows:
        raise OptionError("tidak ada indikator untuk digambar")
    prefix, counts = counts_for(report.computed, [i.id for i in inds])

    def figure(name: str, n: int) -> dict[str, str]:
        if prefix:  # a named figure of the model, printed as {nilai} prints it
            return {"teks": lookup(report.computed, f"{prefix}.{name}").formatted(), "id": f"{prefix}.{name}"}
        return {"teks": fmt.fmt_int(n), "id": ""}

    angka = {"lingkup": counts.lingkup, "jumlah": figure("jumlah", len(counts.ids)),
             "terukur": figure("terukur", len(counts.terukur)), "mencapai": figure("mencapai_target", len(counts.mencapai)),
             "tidak_terukur": figure("tidak_terukur", len(counts.tidak_terukur))}
    units = {r["satuan"] for r in rows}
    return specs.target_realisasi(rows, satuan=units.pop() if len(units) == 1 else None, angka=angka,
                                  sebagian=report.so_far, kelas=[k.label for k in best_first(report.computed.scale)])


def chart_tren(report: Report, options: dict[str, Any]) -> ChartSpec:
    """Realisasi per year. A quarterly report's own year is the year so far: a level (terakhir, rata-rata) is drawn
    there, a count (jumlah) is not, as its year-on-year change is N/A in the tables ("turun dari 12 (2023) menjadi
    6 (2024)" compared TW I–II with a whole year)."""
    rows, units, negative = [], set(), []
    partial = report.periode != "tahunan"
    for ind in indicators_for(report, options):
        if ind.polaritas == "negatif" and not ind.kualitatif:
            negative.append(ind.nama)
        counted = report.data.indikator[ind.id].agregasi == "jumlah"
        for point in ind.riwayat:
            if partial and counted and point.tahun == report.tahun:
                continue
            if point.tahun <= report.tahun and _number(point.realisasi) is not None:
                # with the id of its series' change between two years the text says (``lookup``'s
                # ``<id>.delta@<awal>-<akhir>``), its years filled in by the planner
                rows.append(_noted({"tahun": point.tahun, "indikator": ind.nama, "nilai": point.realisasi,
                                    "satuan": ind.satuan,
                                    FIGURE_IDS: {"nilai": f"{ind.id}.realisasi@{point.tahun}",
                                                 "perubahan": f"{ind.id}.delta@{{dari}}-{{sampai}}"}},
                                   {"nilai": carried_note(point.realisasi, "realisasi")}))
                units.add(ind.satuan)
    if not rows:
        raise OptionError("tidak ada realisasi tahunan bernilai angka untuk digambar")
    so_far = {report.tahun: report.so_far} if partial else {}
    return specs.tren(rows, satuan=units.pop() if len(units) == 1 else None, sebagian=so_far, negatif=negative)


#: Lines of different units on one axis whose sizes differ this many times or more: the smaller one reads flat
#: beside the larger (AKB's 8,3 per 1.000 kelahiran hidup under AKI's 120,4 per 100.000), its change hidden.
SCALE_APART = 10


#: Units of about 0 to 100, percentages and scores (an IKM in indeks beside a NEK in nilai, a % of villages beside
#: either): lines a reader may set side by side, as the reports do; warned of by :func:`mixed_units` only when
#: ``SCALE_APART`` apart. A count, an amount or a rate per 1.000 or 100.000 has no such common scale.
SCORES = frozenset({"%", "persen", "indeks", "nilai", "skor", "poin"})


def mixed_units(report: Report, options: dict[str, Any], spec: ChartSpec) -> str:
    """The warning (``satuan-campur``) for a trend whose lines are of different units, naming each line with its
    unit and the ``indikator:`` of one chart per unit; "" for none. Whatever their sizes: AKI's 98 per 100.000
    kelahiran hidup above AKB's 15 per 1.000 (6,5 times, not warned while only 10 times apart were) read as "more
    mothers than babies die", and a % beside a count of people compares two things no axis measures; but
    percentages and scores (:data:`SCORES`) beside each other only when ``SCALE_APART`` apart. Lines ``SCALE_APART`` times apart are
    said to read flat as well. Drawn anyway: the legend, tooltips, text and table
    say every line's unit, only the picture misleads."""
    ids = {ind.nama: ind.id for ind in indicators_for(report, options)}
    largest: dict[str, Decimal] = {}  # a line's largest size
    units: dict[str, str] = {}
    for row in spec.rows:
        value = _number(row["nilai"])
        if value is not None:
            name = str(row["indikator"])
            units[name] = str(row.get("satuan") or "")
            largest[name] = max(largest.get(name, abs(value)), abs(value))
    if len(set(units.values())) < 2:
        return ""
    flat = _flat_line(largest)
    if not flat and {u.strip().casefold() for u in units.values()} <= SCORES:
        return ""
    lines, blocks = _per_unit(units, "indikator", ids)
    return (f"grafik tren: {lines} digambar pada satu sumbu, padahal satuannya berbeda: tinggi garisnya tidak dapat "
            f"dibandingkan{flat}; buat satu blok {{grafik}} tren per satuan ({blocks})")


def mixed_columns(spec: ChartSpec) -> str:
    """The warning (``satuan-campur``) for a dataset chart of bars or lines whose columns are in different units by
    their data file's ``satuan`` (or the block's): a coverage in % beside a count of babies on one axis, or stacked
    into a sum that measures nothing; "" for none, and for a donut (one column)."""
    o = spec.options
    ys = tuple(o.get("y") or ())
    units = {col: column_unit(o.get("satuan"), col).strip() for col in ys}
    if o.get("jenis") == "donat" or len(set(units.values()) - {""}) < 2:  # undeclared: unknown, as a table reads it
        return ""
    columns, blocks = _per_unit(units, "y")
    stacked = ", dan jumlah tumpukannya tidak bermakna" if o.get("jenis") == "batang_tumpuk" else ""
    return (f"grafik dataset: kolom {columns} digambar pada satu sumbu, padahal satuannya berbeda: tinggi batang "
            f"atau garisnya tidak dapat dibandingkan{stacked}; buat satu blok {{grafik}} dataset per satuan ({blocks})")


def _per_unit(units: dict[str, str], option: str, ids: dict[str, str] | None = None) -> tuple[str, str]:
    """What a warning of ``satuan-campur`` names: each series with its unit ("Cakupan (%) dan Sasaran (bayi)"), and
    the option of one block per unit ("y: [Cakupan]; y: [Sasaran]"), a series written there by its id (``ids``)."""
    per_unit: dict[str, list[str]] = {}
    for name, unit in units.items():
        per_unit.setdefault(unit, []).append((ids or {}).get(name, name))
    named = join_names([f"{name} ({unit or 'tanpa satuan'})" for name, unit in units.items()])
    return named, "; ".join(f"{option}: [{', '.join(names)}]" for names in per_unit.values())


def _flat_line(largest: dict[str, Decimal]) -> str:
    """What else the warning of :func:`mixed_units` says when the lines are ``SCALE_APART`` times apart or more."""
    big = max(largest, key=lambda name: largest[name])
    small = min(largest, key=lambda name: largest[name])
    if largest[small] == 0 or largest[big] / largest[small] < SCALE_APART:
        return ""
    return (f", dan nilai terbesar {big} ({fmt.fmt_value_entered(largest[big])}) "
            f"{fmt.fmt_int(int(largest[big] / largest[small]))} kali lipat nilai terbesar {small} "
            f"({fmt.fmt_value_entered(largest[small])}), sehingga garis yang kecil tampak datar")


def _donut_of_rates(options: dict[str, Any], column: str, unit: str) -> str:
    """The warning (``donat-rasio``) for a donut of a column of rates (``charts.dataset.donut_of_rates``), said at
    its ``jenis: donat``: bars of the same column show each row's value, which is what such a column tells."""
    return (f"grafik dataset: donat menggambar bagian tiap baris dari jumlah kolom '{column}'"
            f"{f' ({unit})' if unit else ''} pada data '{options.get('dataset')}', padahal kolom itu berupa "
            "persentase, rasio, nilai atau rata-rata, yang tidak bermakna bila dijumlahkan, begitu pula bagian tiap "
            "juringnya; tulis jenis: batang")


def chart_renstra(report: Report, options: dict[str, Any]) -> ChartSpec:
    """Indicators with a Renstra end target: a bar for the progress, a visible N/A mark where it cannot be computed."""
    rows = []
    for ind in indicators_for(report, options):
        if ind.target_akhir is None or ind.kemajuan is None:
            continue
        rows.append(_noted({"indikator": ind.nama, "realisasi": _grade_or_number(ind.realisasi),
                            "target_akhir": _grade_or_number(ind.target_akhir), "kemajuan": ind.kemajuan.value,
                            "satuan": ind.satuan,
                            FIGURE_IDS: _indicator_ids(ind.id, ("realisasi", "target_akhir")
                                                       + (("kemajuan",) if not ind.kemajuan.tidak_tercapai else ()))},
                           {"realisasi": carried_note(ind.realisasi, "realisasi"),
                            "kemajuan": ind.kemajuan.note}))
    if not rows:
        raise OptionError("tidak ada indikator dengan target akhir Renstra")
    return specs.renstra(rows)


def chart_anggaran_program(report: Report, options: dict[str, Any]) -> ChartSpec:
    budget = budget_of(report)
    return specs.anggaran_program([{"program": p.nama, "pagu": p.pagu, "realisasi": p.realisasi,
                                     "serapan": p.serapan, FIGURE_IDS: _budget_ids(f"anggaran.{p.kode}")}
                                    for p in budget.program], id_jumlah=_budget_ids("anggaran"))


def chart_jenis_belanja(report: Report, options: dict[str, Any]) -> ChartSpec:
    budget = budget_of(report)
    if not budget.jenis_belanja:
        raise OptionError("data/anggaran.yaml belum memuat jenis belanja")
    return specs.jenis_belanja([{"jenis": r.key, "pagu": r.pagu, "realisasi": r.realisasi,
                                 FIGURE_IDS: _budget_ids(f"anggaran.jenis.{r.key}")} for r in budget.jenis_belanja],
                               id_jumlah=_budget_ids("anggaran.jenis"))


def _budget_ids(path: str) -> dict[str, str]:
    """The ids of a budget row's figures a chart row carries (see :func:`_indicator_ids`), or of the total the
    chart's "Jumlah pagu" sentence sums its rows to: every program's is ``anggaran.pagu``, every jenis belanja's
    ``anggaran.jenis.pagu`` (the model's sums of the same rows)."""
    return {key: f"{path}.{key}" for key in ("pagu", "realisasi", "serapan")}


def chart_efisiensi(report: Report, options: dict[str, Any]) -> ChartSpec:
    c = report.computed
    per_sasaran = options.get("per") == "sasaran"
    source = c.efisiensi_sasaran if per_sasaran else c.efisiensi
    # a row with only one of the two values is drawn with an N/A mark for the other, not left out
    # the value as the table prints it ("2,53" beside the table's "2,53 %"), and why one is N/A where its label is
    # (rows linked to the budget whose values are all still to come, as in a report just made by ``lkjip new
    # --dari``, are drawn as N/A marks: its error stopped the whole site's build and its preview)
    valued = [r for r in source if r.capaian is not None or r.serapan is not None] or source
    # a capaian made of a value taken from an earlier quarter says so, as the capaian and efficiency tables letter it
    rows = [_noted({"nama": r.label, "capaian": r.capaian, "serapan": r.serapan, "efisiensi": r.result.formatted(),
                    "status": r.result.label or r.result.reason,
                    FIGURE_IDS: dict(zip(("capaian", "serapan", "efisiensi"), efficiency_ids(report, r, per_sasaran)))},
                   {"capaian": efficiency_note(report, r, per_sasaran)}) for r in valued]
    if not rows:
        raise OptionError(empty_efficiency(options))
    # the rows are the indicators that name a program (or the sasaran): "3 dari 3 program" counted indicators
    # before TW IV no row has an efficiency (compute.efficiency.efisiensi): no sentence naming its method
    counts = "efisiensi.sasaran" if per_sasaran else "efisiensi"
    return specs.efisiensi(rows, metode=None if c.periode in PART_OF_YEAR else METODE_NAMA[c.efisiensi_metode],
                           tingkat="sasaran" if per_sasaran else "indikator",
                           id_hitungan={"lebih_tinggi": f"{counts}.capaian_lebih_tinggi",
                                        "terbandingkan": f"{counts}.terbandingkan"})


def chart_ikm(report: Report, options: dict[str, Any]) -> ChartSpec:
    ikm = report.computed.ikm
    if ikm is None:
        raise OptionError("laporan ini belum memiliki data/ikm.yaml")
    return specs.ikm([{"kode": u.kode, "nama": u.nama, "nilai": u.nrr, FIGURE_IDS: {"nilai": f"ikm.{u.kode}.nilai"}}
                      for u in ikm.unsur],
                      nilai_ikm=ikm.nilai, mutu=f"{ikm.mutu} ({ikm.kinerja})", id_nilai="ikm.nilai")


def chart_dataset(report: Report, options: dict[str, Any]) -> ChartSpec:
    ds = dataset_of(report, options)
    y = option_ids(options, "y")  # a year column written unquoted (y: [2022, 2023]) is the column "2022", as in a table
    if y is None:
        y = [col for col, numeric in zip(ds.columns, ds.numeric) if numeric]
    jenis = str(options.get("jenis", "batang"))
    # each number with its id (``data.<dataset>.<kolom>.<baris>``, as the dataset table marks its cells); a stack's
    # sum and a donut's share with theirs (``data.<dataset>.<kolom>+<kolom>.<baris>``, ``….<baris>.persen``)
    summed = "+".join(y) if all(col in ds.columns[1:] for col in y) else ""
    rows = []
    for n, r in enumerate(ds.rows, start=1):
        ids = {col: f"data.{ds.id}.{col}.{n}" for col, value in zip(ds.columns[1:], r[1:])
               if isinstance(value, Decimal)}
        if summed and jenis == "batang_tumpuk":
            ids["jumlah"] = ids.get(summed, "") if len(y) == 1 else f"data.{ds.id}.{summed}.{n}"
        if summed and jenis == "donat" and summed in ids:
            ids["persen"] = f"{ids[summed]}.persen"
        rows.append({**dict(zip(ds.columns, r)), FIGURE_IDS: ids})
    # a donut's Jumlah is its column's, which the model totals for the columns a dataset table adds up
    total = (f"data.{ds.id}.{summed}.jumlah" if jenis == "donat" and summed
             and ds.columns.index(summed) in report.computed.datasets[ds.id].column_totals else "")
    return specs.dataset(ds.columns, rows, x=str(options.get("x") or ds.columns[0]),
                          y=y, jenis=jenis, warna=options.get("warna"),
                          label=options.get("label") or {}, satuan=options.get("satuan") or ds.satuan or None,
                          nama=ds.judul or ds.id, id_jumlah=total)


KINDS: dict[str, SpecBuilder] = {
    "target_realisasi": chart_target_realisasi,
    "tren": chart_tren,
    "renstra": chart_renstra,
    "anggaran_program": chart_anggaran_program,
    "jenis_belanja": chart_jenis_belanja,
    "efisiensi": chart_efisiensi,
    "ikm": chart_ikm,
    "dataset": chart_dataset,
}
OPTIONS = {"id", "judul", "sasaran", "indikator", "per", "dataset", "x", "y", "jenis", "warna", "label", "satuan"}


def _validator(cache: ChartCache | CarriedCharts) -> Callable[[Report, Directive, Diagnostics], None]:
    """Build every chart's spec from the computed model up front; new charts are rendered by ``cache.fill``."""

    def validate(report: Report, directive: Directive, diags: Diagnostics) -> None:
        directive.warn_unknown_options(OPTIONS, diags)
        if report.computed is None:
            return
        try:
            spec = KINDS[directive.kind](report, directive.options)
        except OptionError as exc:
            diags.error(directive.option_loc(exc.option), f"grafik {directive.kind}: {exc}")
            return
        except ChartError as exc:
            diags.error(directive.loc, f"grafik {directive.kind}: {exc}")
            return
        if directive.kind == "tren":
            mixed = mixed_units(report, directive.options, spec)
            if mixed:
                diags.warn(directive.loc, mixed)
        if directive.kind == "dataset" and (mixed := mixed_columns(spec)):
            diags.warn(directive.option_loc("y" if "y" in directive.options else None), mixed)
        rates = donut_of_rates(spec)
        if rates:
            diags.warn(directive.option_loc("jenis"), _donut_of_rates(directive.options, *rates))
        directive.built = spec
        cache.want(spec, directive)

    return validate


#: The theme template a chart renders through.
TEMPLATE = "partials/figure.html"


def register(registry: Registry, cache: ChartCache | CarriedCharts) -> None:
    def render(ctx: RenderContext, directive: Directive) -> str:
        spec = directive.built
        result = cache.get(spec) if spec is not None else None
        if result is None:
            return ""  # already reported when the charts were planned
        # the printed report cuts a chart taller than a page between its rows (pieces.py); the site draws it whole
        item = directive.item
        caption = f"{item.label} {item.judul}" if item is not None else ""
        pieces = print_pieces(result.svg, caption, result.summary) if ctx.pdf else [result.svg]
        with theme_errors():
            return ctx.env.get_template(TEMPLATE).render(result=result, item=directive.item, pdf=ctx.pdf,
                                                         pieces=pieces)

    def restore(report: Report, directive: Directive) -> None:
        """A chart of a report read back from the store keeps the spec it was planned with (pickled with its
        chapter): it is counted as used in the cache, not planned again."""
        if directive.built is not None:
            cache.keep(directive.built)

    validate = _validator(cache)
    # a chart's drawing, by its key in the cache (a Dask worker's carried charts have no memo, and it stores no state)
    entry = None
    registry.templates["grafik"] = TEMPLATE
    if isinstance(cache, ChartCache):
        entry = ItemEntry(_drawing_key(cache), cache.memo)
        registry.render_inputs["grafik"] = cache.drawing()
    for kind in KINDS:
        registry.renderers[("grafik", kind)] = render
        registry.validators[("grafik", kind)] = validate
        registry.restorers[("grafik", kind)] = restore
        if entry is not None:
            registry.entries[("grafik", kind)] = entry
    registry.finishers.append(cache.fill)


def _drawing_key(cache: ChartCache) -> Callable[[Directive], str]:
    return lambda directive: cache.key(directive.built) if directive.built is not None else ""


def register_unavailable(registry: Registry) -> None:
    """Without the theme's chart fonts (reported once, as an error), chart blocks are known kinds that draw nothing."""
    for kind in KINDS:
        registry.renderers[("grafik", kind)] = lambda ctx, directive: ""
        registry.validators[("grafik", kind)] = lambda report, directive, diags: directive.warn_unknown_options(
            OPTIONS, diags)
