"""Chart kinds for the ```{grafik} <kind>`` directive: the computed model mapped to ``charts`` rows.

``charts`` knows nothing of reports; this module decides which computed numbers each chart shows, so a chart
shows exactly the values of its table (same Decimal, same formatting). The validator builds every chart spec up
front (an option naming a missing indicator is an error before anything is written); the renderer turns it into
SVG through the chart cache, inside one theme template (``partials/figure.html``).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

from . import charts
from .cache import digest
from .errors import Diagnostics
from .markdown import Directive, Registry, RenderContext
from .model import Report
from .tables import EMPTY_EFFICIENCY, TableOptionError, budget_of, indicators_for

FONT_SOURCES = ("NotoSans-Regular-latin.woff2", "NotoSans-Bold-latin.woff2", "NotoSans-Italic-latin.woff2")
SpecBuilder = Callable[[Report, dict[str, Any]], charts.ChartSpec]


def _number(value: Any) -> Decimal | None:
    return value if isinstance(value, Decimal) else None


def chart_target_realisasi(report: Report, options: dict[str, Any]) -> charts.ChartSpec:
    rows = []
    for ind in indicators_for(report, options):
        target, real = _number(ind.target), _number(ind.realisasi)
        if target is None or real is None:
            continue  # qualitative or missing values are shown in the table, not as bars
        rows.append({"indikator": ind.nama, "target": target, "realisasi": real, "capaian": ind.capaian.value,
                     "predikat": ind.predikat.label if ind.predikat else "", "satuan": ind.satuan,
                     "warna": ind.predikat.warna if ind.predikat and ind.predikat.warna else charts.FALLBACK_PREDIKAT})
    if not rows:
        raise TableOptionError("tidak ada indikator bernilai angka untuk digambar")
    units = {r["satuan"] for r in rows}
    return charts.target_realisasi(rows, satuan=units.pop() if len(units) == 1 else None)


def chart_tren(report: Report, options: dict[str, Any]) -> charts.ChartSpec:
    rows, units = [], set()
    for ind in indicators_for(report, options):
        for point in ind.riwayat:
            if point.tahun <= report.tahun and _number(point.realisasi) is not None:
                rows.append({"tahun": point.tahun, "indikator": ind.nama, "nilai": point.realisasi})
                units.add(ind.satuan)
    if not rows:
        raise TableOptionError("tidak ada realisasi tahunan bernilai angka untuk digambar")
    return charts.tren(rows, satuan=units.pop() if len(units) == 1 else None)


def chart_renstra(report: Report, options: dict[str, Any]) -> charts.ChartSpec:
    rows = []
    for ind in indicators_for(report, options):
        end, real = _number(ind.target_akhir), _number(ind.realisasi)
        if end is None or real is None or ind.kemajuan is None:
            continue
        rows.append({"indikator": ind.nama, "realisasi": real, "target_akhir": end,
                     "kemajuan": ind.kemajuan.value, "satuan": ind.satuan})
    if not rows:
        raise TableOptionError("tidak ada indikator dengan target akhir Renstra dan realisasi bernilai angka")
    return charts.renstra(rows)


def chart_anggaran_program(report: Report, options: dict[str, Any]) -> charts.ChartSpec:
    budget = budget_of(report)
    return charts.anggaran_program([{"program": p.nama, "pagu": p.pagu, "realisasi": p.realisasi,
                                     "serapan": p.serapan} for p in budget.program])


def chart_jenis_belanja(report: Report, options: dict[str, Any]) -> charts.ChartSpec:
    budget = budget_of(report)
    if not budget.jenis_belanja:
        raise TableOptionError("data/anggaran.yaml belum memuat jenis belanja")
    return charts.jenis_belanja([{"jenis": r.key, "pagu": r.pagu, "realisasi": r.realisasi}
                                 for r in budget.jenis_belanja])


def chart_efisiensi(report: Report, options: dict[str, Any]) -> charts.ChartSpec:
    c = report.computed
    per_sasaran = options.get("per") == "sasaran"
    source = c.efisiensi_sasaran if per_sasaran else c.efisiensi
    rows = [{"nama": r.label, "capaian": r.capaian, "serapan": r.serapan, "efisiensi": r.hasil.value,
             "status": r.hasil.label} for r in source if r.capaian is not None and r.serapan is not None]
    if not rows:
        raise TableOptionError(EMPTY_EFFICIENCY)
    return charts.efisiensi(rows, metode=c.efisiensi_deskripsi, tingkat="sasaran" if per_sasaran else "program")


def chart_ikm(report: Report, options: dict[str, Any]) -> charts.ChartSpec:
    ikm = report.computed.ikm
    if ikm is None:
        raise TableOptionError("laporan ini belum memiliki data/ikm.yaml")
    return charts.ikm([{"kode": u.kode, "nama": u.nama, "nilai": u.nrr} for u in ikm.unsur],
                      nilai_ikm=ikm.nilai, mutu=f"{ikm.mutu} ({ikm.kinerja})")


def chart_dataset(report: Report, options: dict[str, Any]) -> charts.ChartSpec:
    name = str(options.get("dataset", ""))
    if name not in report.data.datasets:
        known = ", ".join(sorted(report.data.datasets)) or "-"
        raise TableOptionError(f"dataset '{name}' tidak ada di folder data (tersedia: {known})", "dataset")
    ds = report.data.datasets[name]
    y = options.get("y")
    if y is None:
        y = [col for col, numeric in zip(ds.columns, ds.numeric) if numeric]
    rows = [dict(zip(ds.columns, r)) for r in ds.rows]
    return charts.dataset(ds.columns, rows, x=str(options.get("x") or ds.columns[0]),
                          y=y, jenis=str(options.get("jenis", "batang")), warna=options.get("warna"),
                          label=options.get("label") or {}, satuan=options.get("satuan") or ds.satuan or None,
                          nama=ds.judul or name)


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


def _validator(checked: Path | None) -> Callable[[Report, Directive, Diagnostics], None]:
    """Build every chart's spec up front; plan it with Altair unless this exact spec was planned before.

    Planning (Altair's schema validation) costs ~50 ms a chart, too much to repeat for every unchanged chart of a
    large archive on every build; a spec that planned once without error always will, so its hash is remembered
    in ``checked``.
    """

    def validate(report: Report, directive: Directive, diags: Diagnostics) -> None:
        directive.warn_unknown_options(OPTIONS, diags)
        if report.computed is None:
            return
        try:
            spec = KINDS[directive.kind](report, directive.options)
            mark = checked / digest(charts.ENGINE_VERSION, repr(spec)) if checked else None
            if mark is None or not mark.exists():
                charts.build(spec)  # a bad option is an author error, found before anything is written
                if mark is not None:
                    mark.parent.mkdir(parents=True, exist_ok=True)
                    mark.touch()
        except TableOptionError as exc:
            diags.error(directive.option_loc(exc.option), f"grafik {directive.kind}: {exc}")
            return
        except charts.ChartError as exc:
            diags.error(directive.loc, f"grafik {directive.kind}: {exc}")
            return
        directive.built = spec

    return validate


def font_dir(cache_root: Path, theme_fonts: Path) -> Path:
    """TrueType copies of the theme's WOFF2 fonts, for vl-convert (which measures text with them).

    Charts must measure text with the project's own font on every machine, or label layout (and so the SVG bytes)
    would depend on the fonts installed on the build machine.
    """
    from fontTools.ttLib import TTFont

    out = cache_root / "font-grafik"
    out.mkdir(parents=True, exist_ok=True)
    for name in FONT_SOURCES:
        source = theme_fonts / name
        target = out / (Path(name).stem + ".ttf")
        if source.is_file() and not target.is_file():
            font = TTFont(str(source))
            font.flavor = None
            tmp = target.with_suffix(".tmp")
            font.save(str(tmp))
            tmp.replace(target)
    return out


def register(registry: Registry, cache_root: Path, theme_fonts: Path, remember: bool = True) -> None:
    charts.register_fonts(font_dir(cache_root, theme_fonts))
    cache = charts.ChartCache(cache_root / "charts")
    validate = _validator(cache_root / "charts-sah" if remember else None)

    def render(ctx: RenderContext, directive: Directive) -> str:
        spec = directive.built
        if spec is None:
            return ""  # already reported by _validate
        try:
            result = charts.render_chart(spec, cache)
        except charts.ChartError as exc:
            ctx.diags.error(directive.loc, f"grafik {directive.kind}: {exc}")
            return ""
        return ctx.env.get_template("partials/figure.html").render(result=result, item=directive.item, pdf=ctx.pdf)

    for kind in KINDS:
        registry.renderers[("grafik", kind)] = render
        registry.validators[("grafik", kind)] = validate


def vega_bundle(cache_root: Path) -> tuple[str, bytes]:
    """The one local Vega bundle for the interactive upgrade: (site path, bytes)."""
    staging = cache_root / "vega-keluaran"
    rel = charts.write_vega_bundle(staging, cache_dir=cache_root)
    return f"aset/{rel}", (staging / rel).read_bytes()


__all__ = ["KINDS", "register", "vega_bundle"]
