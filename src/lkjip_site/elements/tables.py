"""Stage 6, elements: table kinds for the ```{tabel} <kind>`` directive: computed values laid out as accessible tables.

Each kind is a function from the computed report and the directive's options to a ``Table`` (cells already formatted
in id-ID). One template, ``partials/table.html``, turns every ``Table`` into HTML, so a theme restyles all tables in
one place and the site and the PDF print the same cells.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable

from markupsafe import Markup, escape

from ..compute.datasets import dataset_table
from ..compute.scales import ink_for
from ..core import fmt
from ..core.diagnostics import Diagnostics
from ..core.memo import Memo
from ..core.model import Missing, Report, ScaleClass, Value
from ..markdown.directives import Directive, Registry, RenderContext
from .select import EMPTY_EFFICIENCY, OptionError, budget_of, indicators_for, option_ids


@dataclass
class Cell:
    text: str | Markup = ""
    numeric: bool = False
    header: bool = False  # a row header (<th scope="row">)
    colspan: int = 1
    rowspan: int = 1
    title: str = ""  # e.g. the reason of an N/A
    cls: str = ""
    colour: str = ""  # predikat background colour
    ink: str = ""  # text colour on ``colour`` (black or white, whichever contrasts more)


@dataclass
class Row:
    cells: list[Cell]
    cls: str = ""


@dataclass
class Table:
    head: list[list[Cell]]
    body: list[Row]
    foot: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    wide: bool = False  # landscape in the PDF


Builder = Callable[[Report, dict[str, Any]], Table]
NA = fmt.DASH


# ----------------------------------------------------------------------------------------------------------------
# Cell helpers


def num(value: Decimal | None, decimals: int = 2, reason: str = "") -> Cell:
    if value is None:
        return Cell(NA, numeric=True, title=reason, cls="na")
    return Cell(fmt.fmt_number(value, decimals), numeric=True)


def pct(value: Decimal | None, reason: str = "") -> Cell:
    if value is None:
        return Cell(NA, numeric=True, title=reason, cls="na")
    return Cell(fmt.fmt_percent(value), numeric=True)


def money(value: Decimal | None) -> Cell:
    return Cell(NA if value is None else fmt.fmt_rupiah(value).replace("Rp ", ""), numeric=True)


def val(value: Value | None) -> Cell:
    """A target or realisasi as entered: number, grade or N/A with its reason."""
    if value is None:
        return Cell(NA, numeric=True, cls="na", title="tidak diisi")
    if isinstance(value, Missing):
        return Cell(NA, numeric=True, cls="na", title=value.reason)
    if isinstance(value, str):
        return Cell(value, cls="nilai-mutu")  # a grade (B, BB, A): text, not a number
    return Cell(fmt.fmt_entered(value), numeric=True)


def text(value: str) -> Cell:
    return Cell(value or NA)


def head(*labels: str | tuple[str, int]) -> list[Cell]:
    out = []
    for label in labels:
        name, span = (label, 1) if isinstance(label, str) else label
        out.append(Cell(name, header=True, colspan=span))
    return out


def predikat(cls: ScaleClass | None, reason: str = "") -> Cell:
    """Predikat as text and colour: the label always carries the meaning, colour only supports it."""
    if cls is None:
        return Cell(NA, cls="na", title=reason)
    return Cell(cls.label, cls="predikat-sel", colour=cls.warna, ink=ink_for(cls.warna) if cls.warna else "")


def capaian_cell(result: Any) -> Cell:
    if result is None:
        return Cell(NA, numeric=True, cls="na")
    if getattr(result, "tidak_tercapai", False):
        return Cell("tidak tercapai", numeric=True, title=result.reason)
    return pct(result.value, result.reason)


def _sasaran_label(report: Report, sid: str | None) -> str:
    c = report.computed
    return c.sasaran[sid].uraian if sid and sid in c.sasaran else NA


def _grouped_rows(report: Report, indicators: list[Any], cells: Callable[[Any], list[Cell]]) -> list[Row]:
    """Rows numbered per sasaran, the sasaran cell spanning its indicators (as printed LKjIP tables do)."""
    rows: list[Row] = []
    groups: list[tuple[str | None, list[Any]]] = []
    for ind in indicators:
        if groups and groups[-1][0] == ind.sasaran_id:
            groups[-1][1].append(ind)
        else:
            groups.append((ind.sasaran_id, [ind]))
    for n, (sid, items) in enumerate(groups, start=1):
        for k, ind in enumerate(items):
            lead = [Cell(str(n), rowspan=len(items)), Cell(_sasaran_label(report, sid), rowspan=len(items))] if k == 0 else []
            rows.append(Row(lead + [Cell(ind.nama, header=True)] + cells(ind)))
    return rows


# ----------------------------------------------------------------------------------------------------------------
# Kinds


def table_pk(report: Report, options: dict[str, Any]) -> Table:
    inds = indicators_for(report, options)
    body = _grouped_rows(report, inds, lambda i: [text(i.satuan), val(i.target_tahunan if i.target_tahunan is not None else i.target)])
    table = Table([head("No", "Sasaran strategis", "Indikator kinerja", "Satuan", f"Target {report.tahun}")], body)
    budget = report.computed.anggaran
    pk = report.data.pk
    if budget is not None and pk is not None and pk.program:
        programs = [p for p in budget.program if p.kode in pk.program]
        table.foot = [Row([Cell("Program dan anggaran", header=True, colspan=5)], cls="subjudul")]
        for p in programs:
            table.foot.append(Row([Cell(p.kode), Cell(p.nama, header=True, colspan=3), money(p.pagu)]))
        total = sum((p.pagu for p in programs), Decimal(0))
        table.foot.append(Row([Cell("Jumlah anggaran (Rp)", header=True, colspan=4), money(total)], cls="jumlah"))
    return table


def table_iku(report: Report, options: dict[str, Any]) -> Table:
    inds = indicators_for(report, options)
    source = report.data.indikator
    body = _grouped_rows(report, inds, lambda i: [
        text(source[i.id].definisi), text(source[i.id].formula), text(source[i.id].sumber_data),
        text(source[i.id].penanggung_jawab)])
    return Table([head("No", "Sasaran strategis", "Indikator kinerja utama", "Definisi operasional", "Formula",
                       "Sumber data", "Penanggung jawab")], body, wide=True)


def table_capaian(report: Report, options: dict[str, Any]) -> Table:
    c = report.computed
    inds = indicators_for(report, options)
    body = _grouped_rows(report, inds, lambda i: [
        text(i.satuan), val(i.target), val(i.realisasi), capaian_cell(i.capaian),
        predikat(i.predikat, i.capaian.reason)])
    table = Table([head("No", "Sasaran strategis", "Indikator kinerja", "Satuan", "Target", "Realisasi",
                        "Capaian", "Predikat")], body)
    sasaran_ids = option_ids(options, "sasaran")
    if sasaran_ids and len(sasaran_ids) == 1:
        s = c.sasaran[sasaran_ids[0]]
        table.foot = [Row([Cell("Rata-rata capaian sasaran", header=True, colspan=6), pct(s.capaian), predikat(s.predikat)],
                          cls="jumlah")]
    else:
        table.foot = [Row([Cell("Rata-rata capaian kinerja", header=True, colspan=6), pct(c.rata_rata),
                           predikat(c.predikat_rata_rata)], cls="jumlah")]
    table.notes = _capaian_notes(report)
    return table


def _capaian_notes(report: Report) -> list[str]:
    c = report.computed
    policy = c.policy
    notes = ["Capaian indikator positif = realisasi ÷ target × 100 %."]
    if policy.rumus_negatif == "rasio_terbalik":
        notes.append("Capaian indikator negatif = target ÷ realisasi × 100 % (rumus rasio terbalik yang dinyatakan laporan).")
    else:
        notes.append("Capaian indikator negatif = (2 × target − realisasi) ÷ target × 100 %.")
    notes.append("Rata-rata: rerata indikator yang terukur per sasaran, lalu rerata antar-sasaran"
                 + ("; setiap capaian dibatasi 100 % sebelum dirata-rata." if policy.batas_100 else "; tanpa batas 100 %."))
    notes.append(f"Predikat menurut {c.scale.nama}. Angka dibulatkan setengah ke atas, 2 desimal.")
    return notes


def table_perbandingan_tahun(report: Report, options: dict[str, Any]) -> Table:
    inds = indicators_for(report, options)
    years = [int(y) for y in options.get("tahun", [])] or sorted(
        {p.tahun for i in inds for p in i.riwayat if p.tahun <= report.tahun})[-3:]
    body = []
    for n, i in enumerate(inds, start=1):
        by_year = {p.tahun: p for p in i.riwayat}
        cells = [Cell(str(n)), Cell(i.nama, header=True), text(i.satuan)]
        cells += [val(by_year[y].realisasi) if y in by_year else val(None) for y in years]
        cells += [num(i.delta), text(i.tren or NA)]
        body.append(Row(cells))
    hdr = head("No", "Indikator kinerja", "Satuan", *[f"Realisasi {y}" for y in years],
               f"Perubahan {years[-2] if len(years) > 1 else ''}–{report.tahun}".replace(" –", " "), "Tren")
    return Table([hdr], body, notes=["Perubahan = realisasi tahun ini − realisasi tahun sebelumnya (poin untuk indeks dan persentase)."])


def table_renstra(report: Report, options: dict[str, Any]) -> Table:
    inds = indicators_for(report, options)
    renstra = report.data.renstra
    end_year = renstra.akhir if renstra else ""
    body = []
    for n, i in enumerate(inds, start=1):
        source = report.data.indikator[i.id]
        kondisi = source.kondisi_awal[1] if source.kondisi_awal else None
        body.append(Row([Cell(str(n)), Cell(i.nama, header=True), text(i.satuan), val(kondisi), val(i.target_akhir),
                         val(i.realisasi), capaian_cell(i.kemajuan)]))
    return Table([head("No", "Indikator kinerja", "Satuan", "Kondisi awal", f"Target akhir Renstra {end_year}",
                       f"Realisasi {report.tahun}", "Tingkat kemajuan")], body,
                 notes=["Tingkat kemajuan = realisasi tahun ini ÷ target akhir Renstra × 100 %."])


def table_nasional(report: Report, options: dict[str, Any]) -> Table:
    inds = [i for i in indicators_for(report, options) if i.nasional is not None]
    body = [Row([Cell(str(n)), Cell(i.nama, header=True), val(i.realisasi), val(i.nasional.target), text(i.nasional.sumber),
                 num(i.nasional.selisih), text(i.nasional.status)]) for n, i in enumerate(inds, start=1)]
    return Table([head("No", "Indikator kinerja", f"Realisasi {report.tahun}", "Target pembanding", "Sumber",
                       "Selisih", "Keterangan")], body)


_LEVELS = ("program", "kegiatan", "sub_kegiatan")


def table_anggaran(report: Report, options: dict[str, Any]) -> Table:
    budget = budget_of(report)
    depth = str(options.get("tingkat", "sub_kegiatan"))
    if depth not in _LEVELS:
        raise OptionError(f"tingkat '{depth}' tidak dikenal; pilihan: {', '.join(_LEVELS)}", "tingkat")
    keep = _LEVELS[: _LEVELS.index(depth) + 1]
    body = []
    for node in budget.nodes():
        if node.level in keep:
            body.append(Row([Cell(node.kode), Cell(node.nama, header=True), money(node.pagu), money(node.realisasi),
                             pct(node.serapan), money(node.sisa)], cls=f"tingkat-{node.level}"))
    total = budget.total
    foot = [Row([Cell("Jumlah", header=True, colspan=2), money(total.pagu), money(total.realisasi), pct(total.serapan),
                 money(total.sisa)], cls="jumlah")]
    return Table([head("Kode", "Program / kegiatan / sub kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "Serapan",
                       "Sisa (Rp)")], body, foot,
                 notes=["Pagu dan realisasi diisi pada sub kegiatan; kegiatan, program dan jumlah dihitung sebagai penjumlahan."])


def table_jenis_belanja(report: Report, options: dict[str, Any]) -> Table:
    budget = budget_of(report)
    body = [Row([Cell(r.label, header=True), money(r.pagu), money(r.realisasi), pct(r.serapan),
                 money(r.sisa)]) for r in budget.jenis_belanja]
    pagu = sum((r.pagu for r in budget.jenis_belanja), Decimal(0))
    real = sum((r.realisasi for r in budget.jenis_belanja), Decimal(0))
    foot = [Row([Cell("Jumlah belanja", header=True), money(pagu), money(real),
                 pct(real / pagu * 100 if pagu else None), money(pagu - real)], cls="jumlah")]
    notes = []
    change = budget.perubahan
    if change is not None:
        notes.append(f"Dibanding tahun sebelumnya: pagu {fmt.fmt_rupiah(change.pagu_lalu)}, realisasi "
                     f"{fmt.fmt_rupiah(change.realisasi_lalu)}; perubahan realisasi "
                     f"{fmt.fmt_percent(change.persen_realisasi) if change.persen_realisasi is not None else NA}.")
    return Table([head("Jenis belanja", "Pagu (Rp)", "Realisasi (Rp)", "Serapan", "Sisa (Rp)")], body, foot, notes)


def table_kinerja_anggaran(report: Report, options: dict[str, Any]) -> Table:
    c = report.computed
    budget = budget_of(report)
    per_sasaran = {r.key: r for r in budget.per_sasaran}
    body = []
    for n, s in enumerate(c.sasaran.values(), start=1):
        b = per_sasaran.get(s.id)
        body.append(Row([Cell(str(n)), Cell(s.uraian, header=True), pct(s.capaian), predikat(s.predikat),
                         money(b.pagu if b else None), money(b.realisasi if b else None),
                         pct(b.serapan if b else None)]))
    return Table([head("No", "Sasaran strategis", "Capaian kinerja", "Predikat", "Pagu (Rp)", "Realisasi (Rp)",
                       "Serapan")], body,
                 notes=["Serapan per sasaran = Σ realisasi ÷ Σ pagu program sasaran itu (tertimbang, bukan rerata persentase)."])


def table_efisiensi(report: Report, options: dict[str, Any]) -> Table:
    c = report.computed
    rows = c.efisiensi_sasaran if options.get("per") == "sasaran" else c.efisiensi
    if not rows:
        raise OptionError(EMPTY_EFFICIENCY)
    body = []
    for n, r in enumerate(rows, start=1):
        result = r.result
        value = num(result.value, 2, result.reason) if result.kind == "number" else pct(result.value, result.reason)
        body.append(Row([Cell(str(n)), Cell(r.label, header=True), pct(r.capaian), pct(r.serapan), value,
                         text(result.label or NA)]))
    return Table([head("No", "Uraian", "Capaian kinerja", "Serapan anggaran", "Nilai efisiensi", "Keterangan")], body,
                 notes=[c.efisiensi_deskripsi])


def table_triwulan(report: Report, options: dict[str, Any]) -> Table:
    budget = budget_of(report)
    periode = report.periode if report.periode != "tahunan" else "tw4"
    label = {"tw1": "I", "tw2": "II", "tw3": "III", "tw4": "IV"}[periode]
    body = []
    for node in budget.nodes():
        sd = node.realisasi_sd(periode)
        body.append(Row([Cell(node.kode), Cell(node.nama, header=True), money(node.pagu), text(node.indikator),
                         val(node.target), money(sd), pct(sd / node.pagu * 100 if node.pagu else None),
                         val(node.realisasi_output)], cls=f"tingkat-{node.level}"))
    total_sd = budget.realisasi_sd(periode)
    total = budget.total
    foot = [Row([Cell("Jumlah", header=True, colspan=2), money(total.pagu), Cell(""), Cell(""), money(total_sd),
                 pct(total_sd / total.pagu * 100 if total.pagu else None), Cell("")], cls="jumlah")]
    return Table([head("Kode", "Program / kegiatan / sub kegiatan", "Pagu (Rp)", "Indikator", "Target tahunan",
                       f"Realisasi keuangan s.d. TW {label} (Rp)", "% terhadap pagu", "Realisasi indikator")],
                 body, foot, wide=True,
                 notes=[f"Realisasi keuangan kumulatif sampai dengan Triwulan {label}, dibanding pagu setahun."])


def table_triwulan_indikator(report: Report, options: dict[str, Any]) -> Table:
    inds = indicators_for(report, options)
    body = []
    for n, i in enumerate(inds, start=1):
        cells = [Cell(str(n)), Cell(i.nama, header=True), text(i.satuan), val(i.target_tahunan)]
        by_q = {q.tw: q for q in i.triwulan}
        for tw in ("tw1", "tw2", "tw3", "tw4"):
            q = by_q.get(tw)
            cells += [val(q.target if q else None), val(q.realisasi if q else None)]
        cells += [capaian_cell(i.capaian), text({"jumlah": "jumlah", "terakhir": "nilai terakhir",
                                                 "rata_rata": "rata-rata"}.get(report.data.indikator[i.id].agregasi, ""))]
        body.append(Row(cells))
    hdr1 = head("No", "Indikator", "Satuan", "Target tahunan", ("TW I", 2), ("TW II", 2), ("TW III", 2), ("TW IV", 2),
                "Capaian s.d. triwulan", "Agregasi")
    hdr2 = head(*(["Target", "Realisasi"] * 4))
    for cell in hdr1:
        if cell.colspan == 1:
            cell.rowspan = 2
    return Table([hdr1, hdr2], body, wide=True)


def table_ikm(report: Report, options: dict[str, Any]) -> Table:
    ikm = report.computed.ikm
    if ikm is None:
        raise OptionError("laporan ini belum memiliki data/ikm.yaml")
    body = [Row([Cell(u.kode), Cell(u.nama, header=True), num(u.nrr, 2), num(u.konversi, 2), text(u.mutu)])
            for u in ikm.unsur]
    foot = [Row([Cell("Nilai SKM (rerata NRR)", header=True, colspan=2), num(ikm.skm, 3), Cell(""), Cell("")], cls="jumlah"),
            Row([Cell("Indeks Kepuasan Masyarakat (SKM × 25)", header=True, colspan=2), Cell(""), num(ikm.nilai, 2),
                 text(f"{ikm.mutu} ({ikm.kinerja})")], cls="jumlah")]
    notes = ["Bobot setiap unsur 1/9; konversi dan mutu pelayanan menurut PermenPANRB 14/2017."]
    if ikm.responden:
        notes.append(f"Jumlah responden: {fmt.fmt_int(ikm.responden)}.")
    return Table([head("Kode", "Unsur pelayanan", "NRR", "NRR × 25", "Mutu")], body, foot, notes)


def table_dataset(report: Report, options: dict[str, Any]) -> Table:
    name = str(options.get("dataset", ""))
    if name not in report.data.datasets:
        known = ", ".join(sorted(report.data.datasets)) or "-"
        raise OptionError(f"dataset '{name}' tidak ada di folder data (tersedia: {known})", "dataset")
    columns = option_ids(options, "kolom")
    try:
        result = dataset_table(report.data.datasets[name], columns)
    except (KeyError, ValueError) as exc:
        raise OptionError(str(exc.args[0]), "kolom") from None
    show_share = bool(options.get("persen", False))
    numeric_idx = result.total_columns
    hdr = [Cell(col, header=True) for col in result.columns]
    has_row_total = result.row_totals is not None
    if has_row_total:
        hdr.append(Cell("Jumlah", header=True))
    if show_share:
        hdr.append(Cell("Persentase", header=True))
    body = []
    for r, row in enumerate(result.rows):
        cells = []
        for i, value in enumerate(row):
            if i == 0:
                cells.append(Cell(str(value), header=True))
            elif isinstance(value, Decimal):
                cells.append(num(value, 0 if value == value.to_integral() else 2))
            else:
                cells.append(text(str(value)))
        if has_row_total:
            cells.append(num(result.row_totals[r], _decimals(result.row_totals[r])))
        if show_share:
            cells.append(pct(result.row_shares[r]))
        body.append(Row(cells))
    if not numeric_idx:
        return Table([hdr], body)  # nothing to add up (a list of names, say)
    foot_cells = [Cell("Jumlah", header=True)]
    for i in range(1, len(result.columns)):
        total = result.column_totals.get(i)
        foot_cells.append(num(total, _decimals(total)) if i in numeric_idx and total is not None else Cell(""))
    if has_row_total:
        foot_cells.append(num(result.grand_total, _decimals(result.grand_total)))
    if show_share:
        foot_cells.append(pct(Decimal(100)))
    return Table([hdr], body, [Row(foot_cells, cls="jumlah")])


def _decimals(value: Decimal | None) -> int:
    return 0 if value is None or value == value.to_integral() else 2


KINDS: dict[str, Builder] = {
    "pk": table_pk,
    "iku": table_iku,
    "capaian": table_capaian,
    "perbandingan_tahun": table_perbandingan_tahun,
    "renstra": table_renstra,
    "nasional": table_nasional,
    "anggaran": table_anggaran,
    "jenis_belanja": table_jenis_belanja,
    "kinerja_anggaran": table_kinerja_anggaran,
    "efisiensi": table_efisiensi,
    "triwulan": table_triwulan,
    "triwulan_indikator": table_triwulan_indikator,
    "ikm": table_ikm,
    "dataset": table_dataset,
}
COMMON_OPTIONS = {"id", "judul", "lebar", "sasaran", "indikator", "tingkat", "dataset", "kolom", "persen", "tahun", "per"}


#: Tables with more columns than this go to a landscape page in the PDF unless declared ``lebar: false``.
AUTO_LANDSCAPE_COLUMNS = 9


def build_table(report: Report, directive: Directive) -> Table:
    table = KINDS[directive.kind](report, directive.options)
    if sum(c.colspan for c in table.head[0]) > AUTO_LANDSCAPE_COLUMNS:
        table.wide = True  # cannot be read at 9 pt on a portrait A4 page
    if directive.options.get("lebar") is not None:
        table.wide = bool(directive.options["lebar"])
    return table


def _validator(memo: Memo, site_key: str) -> Callable[[Report, Directive, Diagnostics], None]:
    """Build every table once up front, so a wrong option is an error before anything is written.

    A table is a function of its report's sources and its options; the model is memoised by exactly that, so an
    archive of unchanged reports does not rebuild thousands of tables on every build.
    """

    def validate(report: Report, directive: Directive, diags: Diagnostics) -> None:
        directive.warn_unknown_options(COMMON_OPTIONS, diags)
        if report.computed is None:
            return
        key = memo.key("tabel", site_key, report.source_digest, directive.kind, repr(sorted(
            directive.options.items(), key=lambda kv: str(kv[0]))))
        if report.source_digest and memo.has(key):
            directive.built_key = key
            directive.loader = lambda: pickle.loads(memo.get(key) or b"")
            return
        try:
            directive.built = build_table(report, directive)
        except OptionError as exc:
            diags.error(directive.option_loc(exc.option), f"tabel {directive.kind}: {exc}")
            return
        if report.source_digest:
            directive.built_key = key
            memo.put(key, pickle.dumps(directive.built))

    return validate


def starts_in_first_column(rows: list[list[Cell]]) -> list[bool]:
    """Per row: does its first cell stand in the table's first column (not pushed right by a rowspan from above)?

    On phones the first column stays in view while a wide table scrolls sideways; the theme needs to know which cells
    form that column when row headers span several rows.
    """
    covered = 0  # rows still covered in column 0 by a rowspan from above
    out = []
    for cells in rows:
        if covered > 0:
            out.append(False)
            covered -= 1
            continue
        out.append(bool(cells))
        covered = (cells[0].rowspan - 1) if cells else 0
    return out


def render(ctx: RenderContext, directive: Directive) -> str:
    table = directive.model()
    if table is None:
        return ""  # already reported by _validate
    template = ctx.env.get_template("partials/table.html")
    first = {"head": starts_in_first_column(table.head),
             "body": starts_in_first_column([r.cells for r in table.body]),
             "foot": starts_in_first_column([r.cells for r in table.foot])}
    return template.render(table=table, item=directive.item, pdf=ctx.pdf, first=first)


def register(registry: Registry, memo: Memo, site_key: str) -> None:
    """``site_key`` stands for what tables read from the site config (custom scales, default scale)."""
    validate = _validator(memo, site_key)
    for kind in KINDS:
        registry.renderers[("tabel", kind)] = render
        registry.validators[("tabel", kind)] = validate


__all__ = ["Cell", "Row", "Table", "KINDS", "register", "build_table", "escape"]
