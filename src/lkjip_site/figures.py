"""Chart kinds for the ```{grafik} <kind>`` directive: the computed model mapped to ``charts`` rows.

``charts`` knows nothing of reports; this module decides which computed numbers each chart shows, so a chart
shows exactly the values of its table (same Decimal, same formatting). The validator builds every chart spec up
front (an option naming a missing indicator is an error before anything is written); the renderer turns it into
SVG through the chart cache, inside one theme template (``partials/figure.html``).
"""

from __future__ import annotations

import json
import os
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from multiprocessing import get_context
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


class ChartResults:
    """Rendered charts by spec: a JSON memo on disk, filled in parallel for the charts this build has not seen.

    A chart's key is its spec (the rows and options taken from the computed model) plus the engine, vl-convert and
    font versions, so an unchanged chart is neither planned with Altair nor rendered again. New charts are planned
    and rendered in worker processes: planning is also their validation, so a bad chart is still an author error
    before anything is written.
    """

    def __init__(self, cache_root: Path, fonts: Path, remember: bool):
        self.fonts = fonts
        self.fingerprint = charts.register_fonts(fonts)
        self.svg_dir = cache_root / "charts"
        self.dir = cache_root / "grafik-hasil" if remember else None
        self.results: dict[str, charts.ChartResult] = {}
        self.pending: dict[str, tuple[charts.ChartSpec, list[Directive]]] = {}

    def key(self, spec: charts.ChartSpec) -> str:
        import vl_convert

        return digest(charts.ENGINE_VERSION, getattr(vl_convert, "__version__", ""), self.fingerprint, repr(spec))

    def get(self, spec: charts.ChartSpec) -> charts.ChartResult | None:
        key = self.key(spec)
        if key not in self.results and self.dir is not None:
            path = self.dir / key[:2] / f"{key}.json"
            if path.is_file():
                self.results[key] = _from_json(json.loads(path.read_text(encoding="utf-8")))
        return self.results.get(key)

    def has(self, spec: charts.ChartSpec) -> bool:
        """Known without loading it: most charts of a rebuild are never rendered (their pages are memoised)."""
        key = self.key(spec)
        return key in self.results or (self.dir is not None and (self.dir / key[:2] / f"{key}.json").is_file())

    def want(self, spec: charts.ChartSpec, directive: Directive) -> None:
        if not self.has(spec):
            self.pending.setdefault(self.key(spec), (spec, []))[1].append(directive)

    def fill(self, diags: Diagnostics) -> None:
        """Plan and render every pending chart, in parallel when there are several."""
        jobs = [(key, spec) for key, (spec, _) in sorted(self.pending.items())]
        args = [(spec, str(self.fonts), str(self.svg_dir)) for _, spec in jobs]
        workers = min(len(jobs), os.cpu_count() or 1)
        if workers > 1 and len(jobs) >= 4:
            with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
                outcomes = list(pool.map(_render_job, args, chunksize=max(1, len(args) // (workers * 4))))
        else:
            outcomes = [_render_job(a) for a in args]
        for (key, _spec), (ok, payload) in zip(jobs, outcomes):
            directives = self.pending[key][1]
            if not ok:
                for d in directives:
                    diags.error(d.loc, f"grafik {d.kind}: {payload}")
                    d.built = None
                continue
            self.results[key] = _from_json(payload)
            if self.dir is not None:
                path = self.dir / key[:2] / f"{key}.json"
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_name(f"{key}.{os.getpid()}.tmp")
                tmp.write_text(json.dumps(payload, ensure_ascii=False, sort_keys=True), encoding="utf-8")
                tmp.replace(path)
        self.pending.clear()


def _render_job(args: tuple[charts.ChartSpec, str, str]) -> tuple[bool, Any]:
    """One chart, in a worker process: (True, result as JSON-safe dict) or (False, Indonesian message)."""
    spec, fonts, svg_dir = args
    charts.register_fonts(Path(fonts))
    try:
        result = charts.render_chart(spec, charts.ChartCache(Path(svg_dir)))
    except charts.ChartError as exc:
        return False, str(exc)
    return True, {"svg": result.svg, "spec": result.spec, "summary": result.summary, "alt": result.alt,
                  "table": {"header": list(result.table.header), "rows": [list(r) for r in result.table.rows],
                            "numeric": list(result.table.numeric)}}


def _from_json(data: dict[str, Any]) -> charts.ChartResult:
    table = data["table"]
    return charts.ChartResult(
        svg=data["svg"], spec=data["spec"], summary=data["summary"], alt=data["alt"],
        table=charts.ChartTable(tuple(table["header"]), tuple(tuple(r) for r in table["rows"]), tuple(table["numeric"])))


def _validator(results: ChartResults) -> Callable[[Report, Directive, Diagnostics], None]:
    """Build every chart's spec from the computed model up front; new charts are planned by ``results.fill``."""

    def validate(report: Report, directive: Directive, diags: Diagnostics) -> None:
        directive.warn_unknown_options(OPTIONS, diags)
        if report.computed is None:
            return
        try:
            spec = KINDS[directive.kind](report, directive.options)
        except TableOptionError as exc:
            diags.error(directive.option_loc(exc.option), f"grafik {directive.kind}: {exc}")
            return
        except charts.ChartError as exc:
            diags.error(directive.loc, f"grafik {directive.kind}: {exc}")
            return
        directive.built = spec
        results.want(spec, directive)

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
    results = ChartResults(cache_root, font_dir(cache_root, theme_fonts), remember)

    def render(ctx: RenderContext, directive: Directive) -> str:
        spec = directive.built
        result = results.get(spec) if spec is not None else None
        if result is None:
            return ""  # already reported when the charts were planned
        return ctx.env.get_template("partials/figure.html").render(result=result, item=directive.item, pdf=ctx.pdf)

    validate = _validator(results)
    for kind in KINDS:
        registry.renderers[("grafik", kind)] = render
        registry.validators[("grafik", kind)] = validate
    registry.finishers.append(results.fill)


def vega_bundle(cache_root: Path) -> tuple[str, bytes]:
    """The one local Vega bundle for the interactive upgrade: (site path, bytes)."""
    staging = cache_root / "vega-keluaran"
    rel = charts.write_vega_bundle(staging, cache_dir=cache_root)
    return f"aset/{rel}", (staging / rel).read_bytes()


__all__ = ["KINDS", "register", "vega_bundle"]
