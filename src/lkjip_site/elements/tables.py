"""Stage 6, elements: table kinds for the ```{tabel} <kind>`` directive: computed values laid out as accessible tables.

Each kind is a function from the computed report and the directive's options to a ``Table`` (cells already formatted
in id-ID). One template, ``partials/table.html``, turns every ``Table`` into HTML, so a theme restyles all tables in
one place and the site and the PDF print the same cells.
"""

from __future__ import annotations

import functools
import pickle
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable

from markupsafe import Markup, escape

from ..compute.budget import BudgetRow, pk_pagu_attr, serapan
from ..compute.capaian import Result, mean
from ..compute.comparisons import NO_TARGET_AKHIR
from ..compute.datasets import dataset_table, label_columns, rate_columns, unaddable_rows
from ..compute.ikm import SKM_DECIMALS
from ..compute.periods import carried_note, quarters_upto
from ..compute.perubahan import TargetChange, is_revised, target_changes
from ..compute.scales import colour_class, ink_for
from ..core import fmt
from ..core.diagnostics import Diagnostics
from ..core.memo import Memo, unpickled
from ..core.templates import theme_errors
from ..core.model import Missing, PerjanjianKinerja, Pihak, Report, ScaleClass, Value
from ..core.suggest import did_you_mean
from ..markdown.directives import Directive, ItemEntry, Registry, RenderContext
from .select import (OptionError, budget_of, dataset_of, efficiency_ids, efficiency_note, empty_efficiency,
                     indicators_for, option_ids, option_years)


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
    figure: str = ""  # the model figure this cell shows (a ``{nilai}`` path), marked for the consistency audit
    note: int = 0  # number of the table note that gives this N/A's reason (printed as a letter: fmt.note_letter)


@dataclass
class Row:
    cells: list[Cell]
    cls: str = ""


@dataclass(frozen=True)
class Signatories:
    """The two parties who signed the agreement a table sets out (the PK), and the date they signed ("" when the
    data does not say)."""

    pertama: Pihak
    kedua: Pihak
    tanggal: str = ""


@dataclass
class Table:
    head: list[list[Cell]]
    body: list[Row]
    foot: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    wide: bool = False  # landscape in the PDF
    #: the notes of cells, lettered (``fmt.note_letter``): an N/A's reason ("N/A: target 0 ...") or a rule's ("hasil
    #: rumus negatif, ditetapkan 0 %"), under the table on the site and in the PDF
    na_notes: list[str] = field(default_factory=list)
    #: who signed the agreement this table sets out: the printed Lampiran's PK ends with their signature block
    signatories: Signatories | None = None


Builder = Callable[[Report, dict[str, Any]], Table]
NA = fmt.NA  # a value that does not exist or cannot be computed; "–" (fmt.DASH) only for text nobody wrote


# ----------------------------------------------------------------------------------------------------------------
# Cell helpers


def num(value: Decimal | None, decimals: int = 2, reason: str = "", figure: str = "") -> Cell:
    if value is None:
        return Cell(NA, numeric=True, title=reason, cls="na", figure=figure)
    return Cell(fmt.fmt_number(value, decimals), numeric=True, figure=figure)


def pct(value: Decimal | None, reason: str = "", figure: str = "") -> Cell:
    if value is None:
        return Cell(NA, numeric=True, title=reason, cls="na", figure=figure)
    return Cell(fmt.fmt_percent(value), numeric=True, figure=figure)


def money(value: Decimal | None, figure: str = "") -> Cell:
    """Rupiah without "Rp " (the column header says "(Rp)")."""
    return Cell(NA if value is None else fmt.fmt_rupiah(value).replace("Rp ", ""), numeric=True, figure=figure)


def val(value: Value | None, figure: str = "", label: str = "") -> Cell:
    """A target or realisasi as entered: number, grade or N/A with its reason.

    ``label`` ("target", "realisasi") words the reason as the capaian beside it does, so both share one note. A
    value taken from an earlier quarter (``periods.carried_note``) is marked as a value set by a rule is
    (``dicatat``): its lettered note says which quarter it is, the capaian beside it shares the note.
    """
    if value is None:
        return Cell(NA, numeric=True, cls="na", title=f"{label} tidak dilaporkan" if label else "tidak dilaporkan",
                    figure=figure)
    if isinstance(value, Missing):
        reason = (f"{label} tidak tersedia: {value.reason}" if label else value.reason) if value.reason else \
            f"{label or 'nilai'} tidak tersedia"
        return Cell(NA, numeric=True, cls="na", title=reason, figure=figure)
    note = carried_note(value, label or "nilai")
    if isinstance(value, str):  # a grade (B, BB, A): text, not a number
        return Cell(value, cls="nilai-mutu dicatat" if note else "nilai-mutu", title=note, figure=figure)
    return Cell(fmt.fmt_entered(value), numeric=True, cls="dicatat" if note else "", title=note, figure=figure)


def text(value: str) -> Cell:
    """Descriptive text; an empty one is "–" (nothing written), which is not a value and never N/A."""
    return Cell(value or fmt.DASH)


def head(*labels: str | tuple[str, int]) -> list[Cell]:
    out = []
    for label in labels:
        name, span = (label, 1) if isinstance(label, str) else label
        out.append(Cell(name, header=True, colspan=span))
    return out


def predikat(cls: ScaleClass | None, reason: str = "", figure: str = "") -> Cell:
    """Predikat as text and colour: the label always carries the meaning, colour only supports it."""
    if cls is None:
        return Cell(NA, cls="na", title=reason or "capaian tidak dapat dihitung", figure=figure)
    return Cell(cls.label, cls="predikat-sel", colour=cls.warna, ink=ink_for(cls.warna) if cls.warna else "",
                figure=figure)


def capaian_cell(result: Result | None, figure: str = "") -> Cell:
    if result is None:
        return Cell(NA, numeric=True, cls="na", figure=figure)
    if result.tidak_tercapai:
        return Cell(fmt.NOT_REACHED, numeric=True, title=result.reason, figure=figure)
    # a value the formula did not give (0 % for a negative result): its note is a lettered note, as an N/A's reason
    if result.note:
        return Cell(fmt.fmt_percent(result.value), numeric=True, title=result.note, cls="dicatat", figure=figure)
    return pct(result.value, result.reason, figure)


def number_na_reasons(table: Table) -> None:
    """Give every N/A cell with a reason a note number, and every value set by a rule rather than the formula (a
    capaian of 0 % where the formula gives −150 %: ``dicatat``); equal reasons share one note.

    The site shows the reason as the cell's ``title`` and in the notes; the PDF, where nothing hovers, in the notes
    under the table (its footnotes). So a table never prints a bare N/A.
    """
    numbers: dict[str, int] = {}
    for row in [*table.body, *table.foot]:
        for cell in row.cells:
            if cell.title and (cell.cls == "na" or "dicatat" in cell.cls.split()):
                said = f"N/A: {cell.title}" if cell.cls == "na" else cell.title
                if said not in numbers:
                    numbers[said] = len(numbers) + 1
                cell.note = numbers[said]
    table.na_notes = list(numbers)


def _sasaran_label(report: Report, sid: str | None, iid: str = "") -> str:
    """The sasaran an indicator measures; a tujuan-level indicator names its tujuan instead ("–" when neither)."""
    c = report.computed
    if sid and sid in c.sasaran:
        return c.sasaran[sid].uraian
    renstra = report.data.renstra
    tujuan = next((t for t in renstra.tujuan if iid in t.indikator), None) if renstra else None
    return f"Indikator tujuan: {tujuan.uraian}" if tujuan else fmt.DASH


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
            lead = [Cell(str(n), rowspan=len(items)), Cell(_sasaran_label(report, sid, items[0].id), rowspan=len(items))] if k == 0 else []
            rows.append(Row(lead + [Cell(ind.nama, header=True)] + cells(ind)))
    return rows


# ----------------------------------------------------------------------------------------------------------------
# Kinds


def table_pk(report: Report, options: dict[str, Any]) -> Table:
    inds = indicators_for(report, options)

    def target(i: Any) -> Cell:
        if i.target_tahunan is not None:
            return val(i.target_tahunan, f"{i.id}.target_tahunan", "target")
        return val(i.target, f"{i.id}.target", "target")

    body = _grouped_rows(report, inds, lambda i: [text(i.satuan), target(i)])
    table = Table([head("No", "Sasaran strategis", "Indikator kinerja", "Satuan", f"Target {report.tahun}")], body)
    budget = report.computed.anggaran
    pk = report.data.pk
    if pk is not None:  # a PK Perubahan looked like the first one: its kind and date were written nowhere
        table.notes.append(f"Perjanjian Kinerja {'Perubahan' if pk.jenis == 'perubahan' else 'awal'} tahun "
                           f"{pk.tahun}{_signed(report, pk)}.")
    if pk is not None and pk.pihak_kedua is not None:
        table.signatories = Signatories(_pihak_pertama(report, pk), pk.pihak_kedua,
                                        fmt.fmt_date(pk.tanggal) if pk.tanggal else "")
    total = report.computed.figures.get("pk.anggaran")
    if budget is not None and pk is not None and pk.program and total is not None:
        programs = [p for p in budget.program if p.kode in pk.program]
        attr = pk_pagu_attr(budget, pk.jenis)
        table.foot = [Row([Cell("Program dan anggaran", header=True, colspan=5)], cls="subjudul")]
        for p in programs:
            table.foot.append(Row([Cell(p.kode), Cell(p.nama, header=True, colspan=3),
                                   money(getattr(p, attr), f"anggaran.{p.kode}.{attr}")]))
        if attr == "pagu_awal":
            table.notes.append("Anggaran program menurut DPA awal (sebelum APBD Perubahan), yang disepakati "
                               "Perjanjian Kinerja awal; pagu perubahan ada di tabel realisasi anggaran.")
        else:  # two totals of one year's budget (a pagu indikatif typed in a chapter's table) read as a discrepancy
            table.notes.append(f"Anggaran program menurut pagu {'DPPA' if budget.pagu_awal is not None else 'DPA'} "
                               "di data anggaran laporan (data/anggaran.yaml), sama dengan tabel realisasi anggaran; "
                               "pagu lain yang tercetak di dokumen Perjanjian Kinerja, mis. pagu indikatif, dapat "
                               "berbeda.")
        table.foot.append(Row([Cell("Jumlah anggaran Perjanjian Kinerja (Rp)", header=True, colspan=4),
                               money(total.value, total.id)], cls="jumlah"))  # type: ignore[arg-type]
    return table


def _signed(report: Report, pk: PerjanjianKinerja) -> str:
    """", ditandatangani 5 Oktober 2023 oleh H. Ahmad Rabani (Camat Martapura Barat) sebagai pihak pertama dan
    H. Saidi Mansyur (Bupati Banjar) sebagai pihak kedua": the Lampiran's PK said when it was signed, never by whom,
    which is what an evaluator looks for first. The pihak pertama is the head of the instansi unless written."""
    when = f" {fmt.fmt_date(pk.tanggal)}" if pk.tanggal else ""
    if pk.pihak_kedua is None:
        return f", ditandatangani{when}" if when else ""
    first = _pihak_pertama(report, pk)
    return (f", ditandatangani{when} oleh {first.nama} ({first.jabatan}) sebagai pihak pertama dan "
            f"{pk.pihak_kedua.nama} ({pk.pihak_kedua.jabatan}) sebagai pihak kedua")


def _pihak_pertama(report: Report, pk: PerjanjianKinerja) -> Pihak:
    """The PK's pihak pertama: as written in pk.yaml, else the head of the instansi (laporan.yaml's kepala)."""
    return pk.pihak_pertama or Pihak(report.instansi.kepala.nama, report.instansi.kepala.jabatan)


def table_perubahan_target(report: Report, options: dict[str, Any]) -> Table:
    """The targets the PK Perubahan changed: target awal, target perubahan and why (``pk.yaml`` ``target_awal``).

    The report measured against the revised targets only, and said nowhere which had changed, from what, or why:
    the first thing the Inspektorat and the SAKIP evaluator look for under a PK Perubahan, and what a citizen needs
    to read the quarterly reports published before it beside the annual one."""
    pk = report.data.pk
    if pk is None or not is_revised(report):
        raise OptionError("hanya untuk laporan dengan PK Perubahan (data/pk.yaml: jenis: perubahan, dengan target "
                          "yang berubah di target_awal); hapus tabel ini bila PK tidak diubah")
    changes = target_changes(report)  # also of a cascaded PK's kegiatan indicators, outside the report's set
    chosen = bool(options.get("sasaran") or options.get("indikator"))
    if chosen:
        wanted = {i.id for i in indicators_for(report, options)}
        changes = [c for c in changes if c.indikator in wanted]
    body = [_change_row(n, c) for n, c in enumerate(changes, start=1)]
    if not body:
        said = " di antara indikator tabel ini" if chosen else ""
        body = [Row([Cell(f"Tidak ada target yang diubah Perjanjian Kinerja Perubahan{said}.", colspan=6)])]
    table = Table([head("No", "Indikator kinerja", "Satuan", "Target awal", "Target perubahan",
                        "Alasan perubahan")], body)
    signed = f" (ditandatangani {fmt.fmt_date(pk.tanggal)})" if pk.tanggal else ""
    table.notes.append(f"Target awal menurut Perjanjian Kinerja awal tahun {pk.tahun}; target perubahan menurut "
                       f"Perjanjian Kinerja Perubahan{signed}. Capaian tahun {report.tahun} dihitung terhadap target "
                       "perubahan.")
    return table


def _change_row(n: int, c: TargetChange) -> Row:
    return Row([Cell(str(n)), Cell(c.nama, header=True), text(c.satuan), val(c.awal, label="target awal"),
                val(c.perubahan, f"{c.indikator}.target_tahunan", "target"), text(c.alasan)])


def _revised_note(report: Report, shown: list[Any]) -> list[str]:
    """Under a PK Perubahan, the capaian table's note naming the targets of its rows that changed ("… dari 100
    menjadi 90"): its Target column printed the revised figures beside quarterly reports that had printed the
    first ones."""
    ids = {i.id for i in shown}
    changes = [c for c in target_changes(report) if c.indikator in ids]
    if not changes:
        return []
    listed = "; ".join(f"{c.nama} dari {fmt.fmt_value_entered(c.awal)} menjadi {fmt.fmt_value_entered(c.perubahan)}"
                       for c in changes)
    return [f"Target menurut Perjanjian Kinerja Perubahan tahun {report.tahun}. Target tahunan yang diubah dari "
            f"Perjanjian Kinerja awal: {listed}."]


def table_iku(report: Report, options: dict[str, Any]) -> Table:
    """The IKU: the indicators marked ``jenis: iku`` when the data marks any. A dinas's IKU are often a tujuan's
    (usia harapan hidup) and fewer than its PK's indicators: the PK's list printed others under "Indikator kinerja
    utama" and left those out."""
    marked = [iid for iid in report.computed.indikator
              if iid in report.data.indikator and report.data.indikator[iid].jenis == "iku"]
    inds = indicators_for(report, options, default=marked)
    source = report.data.indikator
    body = _grouped_rows(report, inds, lambda i: [
        text(source[i.id].definisi), text(source[i.id].formula), text(source[i.id].sumber_data),
        text(source[i.id].penanggung_jawab)])
    return Table([head("No", "Sasaran strategis", "Indikator kinerja utama", "Definisi operasional", "Formula",
                       "Sumber data", "Penanggung jawab")], body, wide=True)


def table_capaian(report: Report, options: dict[str, Any]) -> Table:
    inds = indicators_for(report, options)
    body = _grouped_rows(report, inds, lambda i: [
        text(i.satuan), val(i.target, f"{i.id}.target", "target"), val(i.realisasi, f"{i.id}.realisasi", "realisasi"),
        capaian_cell(i.capaian, f"{i.id}.capaian"), predikat(i.predikat, i.capaian.reason, f"{i.id}.predikat")])
    so_far = f" {report.so_far}" if report.so_far else ""  # a quarterly report's target is the year's so far too
    table = Table([head("No", "Sasaran strategis", "Indikator kinerja", "Satuan", f"Target{so_far}",
                        f"Realisasi{so_far}", "Capaian", "Predikat")], body)
    table.foot, average_notes = _average_rows(report, [i.id for i in inds])
    table.notes = _capaian_notes(report, inds) + average_notes + _revised_note(report, inds)
    return table


def _sasaran_row(report: Report, sid: str) -> tuple[Row, str]:
    s = report.computed.sasaran[sid]
    measured = s.jumlah.terukur if s.jumlah else ()
    label = f"Rata-rata capaian sasaran {sid} (rerata {len(measured)} indikator terukur)"
    row = Row([Cell(label, header=True, colspan=6), pct(s.capaian, "tidak ada indikator yang terukur",
                                                         f"capaian.{sid}"),
               predikat(s.predikat, "tidak ada indikator yang terukur", f"capaian.{sid}.predikat")], cls="jumlah")
    cap = " Setiap capaian dibatasi 100 % sebelum dirata-rata." if report.computed.policy.batas_100 else ""
    return row, f"Rata-rata capaian sasaran {sid} = rerata capaian indikator terukurnya ({s.uraian}).{cap}"


def _average_rows(report: Report, shown: list[str]) -> tuple[list[Row], list[str]]:
    """Average rows that average the rows shown, each labelled with what it averages.

    An average is shown only when every capaian that enters it (its measured indicators) is a row of the table.
    Rows of one sasaran only: that sasaran's average. Otherwise the organisation average, naming the method and the
    rows it leaves out; else one row per sasaran whose measured indicators are all shown. Anything else (one tujuan
    indicator, a hand-picked list): no average row, and a note says why.
    """
    c = report.computed
    shown_set = set(shown)
    measured = {sid: {i for i in s.indikator if i in c.indikator and c.indikator[i].capaian.for_average is not None}
                for sid, s in c.sasaran.items()}
    members = {sid: {i for i in s.indikator if i in c.indikator} for sid, s in c.sasaran.items()}
    for sid in c.sasaran:
        if shown_set and shown_set <= members[sid] and measured[sid] <= shown_set:
            row, note = _sasaran_row(report, sid)
            return [row], [note, *_unrounded_note(c.sasaran[sid].capaian, _printed_mean(report, [measured[sid]]))]
    avg = c.average
    if avg is not None and set(avg.inputs) <= shown_set and shown_set & set(avg.basis):
        outside = [i for i in shown if i not in set(avg.basis)]
        # the note (the average's definition) lists the report's every indicator outside the sasaran: "4 … tidak
        # ikut" over a list of 21 read as a miscount where the table shows 4 of them
        everywhere = [i for i in (c.jumlah.ids if c.jumlah else ()) if i not in set(avg.basis)]
        here = " di tabel ini" if set(outside) != set(everywhere) else ""
        label = f"Rata-rata capaian kinerja ({avg.nama_metode}"
        label += f"; {len(outside)} indikator di luar sasaran{here} tidak ikut)" if outside else ")"
        average = c.figures["capaian.rata_rata"].value  # its N/A's own reason, as every other place says it
        why = average.reason if isinstance(average, Missing) else ""
        row = Row([Cell(label, header=True, colspan=6), pct(c.rata_rata, why, "capaian.rata_rata"),
                   predikat(c.predikat_rata_rata, why, "capaian.predikat")], cls="jumlah")
        inputs = set(avg.inputs)
        groups = ([measured[sid] & inputs for sid in c.sasaran] if avg.method == "per_sasaran" else [inputs])
        return [row], [f"Rata-rata capaian kinerja = {avg.definisi}.",
                       *_unrounded_note(c.rata_rata, _printed_mean(report, groups))]
    full = [sid for sid in c.sasaran if members[sid] & shown_set and measured[sid] <= shown_set]
    if full:
        pairs = [_sasaran_row(report, sid) for sid in full]
        notes = [n for _, n in pairs]
        for sid in full:
            notes += _unrounded_note(c.sasaran[sid].capaian, _printed_mean(report, [measured[sid]]), sid)
        return [r for r, _ in pairs], notes
    return [], ["Tanpa baris rata-rata: tabel ini hanya memuat sebagian indikator, sedangkan rata-rata capaian "
                "sasaran atau organisasi dihitung dari indikator lain juga."]


def _printed_mean(report: Report, groups: list[set[str]]) -> Decimal | None:
    """The average a reader computes from the capaian the table prints (each rounded to two decimals, capped at
    100 % when the report caps): the mean of each group's printed capaian, then of those means (one group: per
    indicator; one per sasaran: per sasaran)."""
    c = report.computed
    means = []
    for ids in groups:
        printed = [fmt.shown(v) for i in sorted(ids) if (v := c.indikator[i].capaian.for_average) is not None]
        value = mean(min(v, Decimal(100)) if c.policy.batas_100 else v for v in printed)
        if value is not None:
            means.append(value)
    return mean(means)


def _unrounded_note(value: Decimal | None, printed: Decimal | None, sasaran: str = "") -> list[str]:
    """A note when an average row differs from the average of the printed capaian above it (two decimals each).

    Why: the average is taken of the unrounded capaian, as it must be, so it can differ by 0,01 from the one a
    reader computes from the rows: sasaran S2 of six indicators printed 95,95 % under rows whose printed figures
    average 95,955, which rounds to 95,96, and said nothing of why (found by an audit)."""
    if value is None or printed is None or fmt.shown(value) == fmt.shown(printed):
        return []
    which = f"Rata-rata capaian sasaran {sasaran}" if sasaran else "Rata-rata"
    return [f"{which} dihitung dari capaian yang belum dibulatkan ({fmt.fmt_percent(value)}); dari capaian yang "
            f"tercetak (2 desimal) hasilnya {fmt.fmt_percent(printed)}."]


def _capaian_notes(report: Report, shown: list[Any]) -> list[str]:
    c = report.computed
    policy = c.policy
    notes = ["Capaian indikator positif = realisasi ÷ target × 100 %."]
    if policy.rumus_negatif == "rasio_terbalik":
        notes.append("Capaian indikator negatif = target ÷ realisasi × 100 % (rumus rasio terbalik yang dinyatakan laporan).")
    else:
        notes.append("Capaian indikator negatif = (2 × target − realisasi) ÷ target × 100 %.")
    notes.append(f"Predikat menurut {c.scale.nama}, dinilai dari capaian yang tercetak. Angka dibulatkan setengah ke "
                 "atas, 2 desimal. "
                 "N/A: capaian tidak dapat dihitung (alasannya pada catatan berhuruf di bawah tabel) dan tidak ikut dirata-rata.")
    orders = dict.fromkeys(tuple(i.kualitatif) for i in shown if i.capaian.formula == "kualitatif" and i.kualitatif)
    if orders:  # "BB" against "B" printed 80,00 % under notes that only knew realisasi ÷ target
        listed = "; ".join(" < ".join(order) for order in orders)
        notes.append("Capaian indikator kualitatif = 100 % bila peringkat realisasi sama dengan atau di atas "
                     "peringkat target, selain itu peringkat realisasi ÷ peringkat target × 100 %; peringkat = "
                     f"urutan nilai dari yang terendah (1, 2, 3 …): {listed}.")
    if any(i.capaian.tidak_tercapai for i in shown):  # it entered the average as 0 % without a word
        notes.append("Tidak tercapai: hasil rumus negatif (realisasi lebih dari dua kali target); dihitung 0 % dalam "
                     "rata-rata, menurut aturan laporan ini (hasil_negatif: tidak_tercapai).")
    return notes


def realisasi_header(report: Report, year: int) -> str:
    """"Realisasi 2024", or "Realisasi 2024 s.d. TW II" for a quarterly report's own year: its value is the year so
    far, and was headed as the year's beside last year's whole."""
    if year == report.tahun and report.so_far:
        return f"Realisasi {year} {report.so_far}"
    return f"Realisasi {year}"


def table_perbandingan_tahun(report: Report, options: dict[str, Any]) -> Table:
    inds = indicators_for(report, options)
    asked = option_years(options)
    later = [y for y in asked if y > report.tahun]
    if later:
        raise OptionError(f"tahun {', '.join(map(str, later))} setelah tahun laporan ({report.tahun}); tabel ini "
                          f"membandingkan realisasi sampai tahun laporan, mis. tahun: [{report.tahun - 2}, "
                          f"{report.tahun - 1}, {report.tahun}]", "tahun")
    years = sorted(set(asked)) or sorted(
        {p.tahun for i in inds for p in i.riwayat if p.tahun <= report.tahun})[-3:]
    body = []
    for n, i in enumerate(inds, start=1):
        by_year = {p.tahun: p for p in i.riwayat}
        cells = [Cell(str(n)), Cell(i.nama, header=True), text(i.satuan)]
        cells += [val(by_year[y].realisasi, f"{i.id}.realisasi@{y}", "realisasi") if y in by_year
                  else val(None, "", f"realisasi {y}") for y in years]
        cells += [_noted_cell(num(i.delta, i.delta_decimals, i.delta_reason, f"{i.id}.delta"), i.delta_note),
                  _noted_cell(Cell(i.tren_teks, figure=f"{i.id}.tren"), i.delta_note) if i.tren
                  else Cell(NA, cls="na", title=i.delta_reason)]
        body.append(Row(cells))
    # the change is always this year's against last year's (``delta``), whichever years the columns show: the
    # header named the column before last ("Perubahan 2021–2023" over 2023 − 2022)
    # a quarterly report's change is its year so far against last year's whole, for levels only: said so
    now = realisasi_header(report, report.tahun).removeprefix("Realisasi ")
    hdr = head("No", "Indikator kinerja", "Satuan", *[realisasi_header(report, y) for y in years],
               f"Perubahan {report.tahun - 1}–{now}", "Tren")
    note = "Perubahan = realisasi tahun ini − realisasi tahun sebelumnya (poin untuk indeks dan persentase)."
    if report.periode != "tahunan":
        note = (f"Perubahan = realisasi {now} − realisasi setahun {report.tahun - 1} (poin untuk indeks dan "
                "persentase), hanya untuk indikator berupa tingkat (agregasi terakhir atau rata-rata); jumlah sejak "
                "awal tahun tidak dibandingkan dengan jumlah setahun (N/A).")
    return Table([hdr], body, notes=[note])


def _noted_cell(cell: Cell, note: str) -> Cell:
    """A figure made of a value not of its own quarter, marked as that value is (``dicatat``, the same lettered note):
    a change from last year (``IndicatorResult.delta_note``: "1 · naik" read as TW III's against last year's), an
    efficiency row's capaian (``select.efficiency_note``). An N/A keeps its own reason."""
    if note and cell.cls != "na":
        cell.cls, cell.title = (f"{cell.cls} dicatat".strip(), note)
    return cell


def table_renstra(report: Report, options: dict[str, Any]) -> Table:
    inds = indicators_for(report, options)
    renstra = report.data.renstra
    end_year = renstra.akhir if renstra else ""
    body = []
    for n, i in enumerate(inds, start=1):
        source = report.data.indikator[i.id]
        kondisi = source.kondisi_awal[1] if source.kondisi_awal else None
        body.append(Row([Cell(str(n)), Cell(i.nama, header=True), text(i.satuan), val(kondisi, "", "kondisi awal"),
                         val(i.target_akhir, f"{i.id}.target_akhir", "target akhir"),
                         val(i.realisasi, f"{i.id}.realisasi", "realisasi"),
                         capaian_cell(i.kemajuan, f"{i.id}.kemajuan") if i.kemajuan
                         else Cell(NA, numeric=True, cls="na", title=NO_TARGET_AKHIR)]))
    notes = ["Tingkat kemajuan = realisasi tahun ini ÷ target akhir Renstra × 100 %."]
    if any(i.polaritas == "negatif" for i in inds):  # its 55,56 % was not what the one formula gives (144 %)
        negative = ("target akhir ÷ realisasi × 100 %" if report.computed.policy.rumus_negatif == "rasio_terbalik"
                    else "(2 × target akhir − realisasi) ÷ target akhir × 100 %")
        notes = [notes[0].replace("Tingkat kemajuan", "Tingkat kemajuan indikator positif"),
                 f"Tingkat kemajuan indikator negatif = {negative}."]
    return Table([head("No", "Indikator kinerja", "Satuan", "Kondisi awal", f"Target akhir Renstra {end_year}",
                       realisasi_header(report, report.tahun), "Tingkat kemajuan")], body, notes=notes)


def table_nasional(report: Report, options: dict[str, Any]) -> Table:
    """Realisasi against a national or provincial target, with each indicator's unit as every indicator table has it:
    AKB's "16,8" against "14" read as a count without "per 1.000 kelahiran hidup" beside it."""
    inds = [i for i in indicators_for(report, options) if i.nasional is not None]
    body = [Row([Cell(str(n)), Cell(i.nama, header=True), text(i.satuan), val(i.realisasi), val(i.nasional.target),
                 text(i.nasional.sumber), num(i.nasional.selisih), text(i.nasional.status)])
            for n, i in enumerate(inds, start=1)]
    return Table([head("No", "Indikator kinerja", "Satuan", f"Realisasi {report.tahun}", "Target pembanding",
                       "Sumber", "Selisih", "Keterangan")], body)


_LEVELS = ("program", "kegiatan", "sub_kegiatan")
#: The name column's heading for the levels a budget table lists (``tingkat``): a table of programs alone was
#: headed "Program / kegiatan / sub kegiatan".
_LEVEL_HEADS = {"program": "Program", "kegiatan": "Program / kegiatan",
                "sub_kegiatan": "Program / kegiatan / sub kegiatan"}


def table_anggaran(report: Report, options: dict[str, Any]) -> Table:
    """Pagu, realisasi, serapan and sisa down the budget tree; with the pagu before the APBD Perubahan beside the
    pagu when a sub kegiatan writes one (``pagu_awal``): what the DPRD and the evaluator ask of a budget changed in
    September. Without one the table is as it always was."""
    budget = budget_of(report)
    depth = str(options.get("tingkat", "sub_kegiatan"))
    if depth not in _LEVELS:
        raise OptionError(f"tingkat '{depth}' tidak dikenal{did_you_mean(depth, _LEVELS)}; pilihan: "
                          f"{', '.join(_LEVELS)}", "tingkat")
    keep = _LEVELS[: _LEVELS.index(depth) + 1]
    changed = budget.pagu_awal is not None
    body = []
    for node in budget.nodes():
        if node.level in keep:
            k = f"anggaran.{node.kode}"
            awal = [money(node.pagu_awal, f"{k}.pagu_awal")] if changed else []
            body.append(Row([Cell(node.kode), Cell(node.nama, header=True), *awal, money(node.pagu, f"{k}.pagu"),
                             money(node.realisasi, f"{k}.realisasi"), pct(node.serapan, "pagu 0", f"{k}.serapan"),
                             money(node.sisa, f"{k}.sisa")], cls=f"tingkat-{node.level}"))
    total = budget.total
    awal = [money(budget.pagu_awal, "anggaran.pagu_awal")] if changed else []
    foot = [Row([Cell("Jumlah", header=True, colspan=2), *awal, money(total.pagu, "anggaran.pagu"),
                 money(total.realisasi, "anggaran.realisasi"), pct(total.serapan, "pagu 0", "anggaran.serapan"),
                 money(total.sisa, "anggaran.sisa")], cls="jumlah")]
    notes = ["Pagu dan realisasi diisi pada sub kegiatan; kegiatan, program dan jumlah dihitung sebagai penjumlahan."]
    if not changed:
        return Table([head("Kode", _LEVEL_HEADS[depth], "Pagu (Rp)", "Realisasi (Rp)", "Serapan", "Sisa (Rp)")],
                     body, foot, notes=notes)
    notes.append(_awal_note("Serapan dan sisa"))
    return Table([head("Kode", _LEVEL_HEADS[depth], "Pagu awal (Rp)", "Pagu perubahan (Rp)", "Realisasi (Rp)",
                       "Serapan", "Sisa (Rp)")], body, foot, notes=notes)


def _awal_note(measured: str) -> str:
    """The note under a budget table with Pagu awal and Pagu perubahan columns: where each comes from, and that
    ``measured`` (serapan, sisa) is against the pagu perubahan."""
    return ("Pagu awal menurut DPA sebelum APBD Perubahan, pagu perubahan menurut DPPA; sub kegiatan yang pagunya "
            f"tidak diubah memiliki pagu awal sama dengan pagu perubahan. {measured} dihitung terhadap pagu "
            "perubahan.")


def _awal(row: BudgetRow, figure: str) -> list[Cell]:
    """A flat budget row's Pagu awal cell when the APBD Perubahan is recorded (summed from the sub kegiatan)."""
    return [money(row.pagu_awal, figure)] if row.pagu_awal is not None else []


def table_jenis_belanja(report: Report, options: dict[str, Any]) -> Table:
    """Pagu, realisasi, serapan and sisa per jenis belanja; with the pagu awal beside the pagu perubahan when the
    APBD Perubahan is recorded and the jenis belanja are summed from the sub kegiatan (the LRA sets "sebelum
    perubahan" beside "setelah perubahan"; the table printed the DPPA alone beside a budget table of both)."""
    budget = budget_of(report)
    if not budget.jenis_belanja:  # it rendered as an empty table, even under --strict
        raise OptionError("data anggaran ini tidak memuat rincian jenis belanja; isi 'jenis_belanja' di "
                          "data/anggaran.yaml (daftar tingkat berkas, atau pada setiap sub kegiatan), atau hapus "
                          "tabel ini")
    body = [Row([Cell(r.label, header=True), *_awal(r, f"anggaran.jenis.{r.key}.pagu_awal"),
                 money(r.pagu, f"anggaran.jenis.{r.key}.pagu"),
                 money(r.realisasi, f"anggaran.jenis.{r.key}.realisasi"),
                 pct(r.serapan, "pagu 0", f"anggaran.jenis.{r.key}.serapan"),
                 money(r.sisa, f"anggaran.jenis.{r.key}.sisa")]) for r in budget.jenis_belanja]
    t = budget.jenis_total
    foot = [Row([Cell("Jumlah belanja", header=True), *_awal(t, "anggaran.jenis.pagu_awal"),
                 money(t.pagu, "anggaran.jenis.pagu"),
                 money(t.realisasi, "anggaran.jenis.realisasi"), pct(t.serapan, "pagu 0", "anggaran.jenis.serapan"),
                 money(t.sisa, "anggaran.jenis.sisa")], cls="jumlah")] if t is not None else []
    changed = t is not None and t.pagu_awal is not None
    notes = [_awal_note("Serapan dan sisa")] if changed else []
    change = budget.perubahan
    if change is not None:
        notes.append(f"Dibanding tahun sebelumnya: pagu {fmt.fmt_rupiah(change.pagu_lalu)}, realisasi "
                     f"{fmt.fmt_rupiah(change.realisasi_lalu)}; perubahan realisasi "
                     f"{fmt.fmt_percent(change.persen_realisasi) if change.persen_realisasi is not None else NA}.")
    pagu = ("Pagu awal (Rp)", "Pagu perubahan (Rp)") if changed else ("Pagu (Rp)",)
    return Table([head("Jenis belanja", *pagu, "Realisasi (Rp)", "Serapan", "Sisa (Rp)")], body, foot, notes)


_NO_PROGRAM = "tidak ada program dengan sasaran ini di data/anggaran.yaml"


def table_kinerja_anggaran(report: Report, options: dict[str, Any]) -> Table:
    c = report.computed
    budget = budget_of(report)
    per_sasaran = {r.key: r for r in budget.per_sasaran}
    changed = budget.pagu_awal is not None  # the APBD Perubahan recorded: each sasaran's pagu awal beside its pagu
    body = []
    for n, s in enumerate(c.sasaran.values(), start=1):
        b = per_sasaran.get(s.id)
        k = f"anggaran.sasaran.{s.id}"
        awal = [] if not changed else _awal(b, f"{k}.pagu_awal") if b else [Cell(NA, numeric=True, cls="na",
                                                                                  title=_NO_PROGRAM)]
        body.append(Row([Cell(str(n)), Cell(s.uraian, header=True),
                         pct(s.capaian, "tidak ada indikator yang terukur", f"capaian.{s.id}"),
                         predikat(s.predikat, "tidak ada indikator yang terukur", f"capaian.{s.id}.predikat"), *awal,
                         money(b.pagu, f"{k}.pagu") if b else Cell(NA, numeric=True, cls="na", title=_NO_PROGRAM),
                         money(b.realisasi, f"{k}.realisasi") if b else Cell(NA, numeric=True, cls="na",
                                                                              title=_NO_PROGRAM),
                         pct(b.serapan if b else None, _NO_PROGRAM if not b else "pagu 0",
                             f"{k}.serapan" if b else "")]))
    notes = ["Serapan per sasaran = Σ realisasi ÷ Σ pagu program sasaran itu (tertimbang, bukan rerata persentase)."]
    pagu = ("Pagu awal (Rp)", "Pagu perubahan (Rp)") if changed else ("Pagu (Rp)",)
    return Table([head("No", "Sasaran strategis", "Capaian kinerja", "Predikat", *pagu, "Realisasi (Rp)",
                       "Serapan")], body, notes=notes + [_awal_note("Serapan")] * changed)


def table_efisiensi(report: Report, options: dict[str, Any]) -> Table:
    c = report.computed
    per_indicator = options.get("per") != "sasaran"
    rows = c.efisiensi if per_indicator else c.efisiensi_sasaran
    if not rows:
        raise OptionError(empty_efficiency(options))
    body = []
    for n, r in enumerate(rows, start=1):
        result = r.result
        capaian, serapan_id, efficiency = efficiency_ids(report, r, not per_indicator)
        value = (Cell(NA, numeric=True, title=result.reason, cls="na", figure=efficiency) if result.value is None
                 else Cell(result.formatted(), numeric=True, figure=efficiency))
        body.append(Row([Cell(str(n)), Cell(r.label, header=True),
                         _noted_cell(pct(r.capaian, figure=capaian), efficiency_note(report, r, not per_indicator)),
                         pct(r.serapan, figure=serapan_id), value, text(result.label or NA)]))
    notes = [c.efisiensi_deskripsi]
    if per_indicator:  # a kegiatan's indicator beside "97,47 %" read as its kegiatan's own (which was 100 %)
        notes.append("Serapan anggaran setiap indikator = serapan program yang disebut indikator itu ('program' di "
                     "data/indikator.yaml), juga untuk indikator kegiatan dan sub kegiatan; bukan serapan kegiatannya "
                     "sendiri.")
    return Table([head("No", "Uraian", "Capaian kinerja", "Serapan anggaran program" if per_indicator else
                       "Serapan anggaran", "Nilai efisiensi", "Keterangan")], body, notes=notes)


def table_triwulan(report: Report, options: dict[str, Any]) -> Table:
    budget = budget_of(report)
    periode = report.periode if report.periode != "tahunan" else "tw4"
    label = fmt.quarter_numeral(periode)
    body = []
    for node in budget.nodes():
        sd = node.realisasi  # the report period's: s.d. TW n, or the year's (a leaf without quarters included)
        body.append(Row([Cell(node.kode), Cell(node.nama, header=True), money(node.pagu, f"anggaran.{node.kode}.pagu"),
                         text(node.indikator), val(node.target) if node.indikator or node.target is not None
                         else text(""), money(sd, f"anggaran.{node.kode}.realisasi"),
                         pct(serapan(node.pagu, sd), "pagu 0", f"anggaran.{node.kode}.serapan"),
                         val(node.realisasi_output) if node.indikator or node.realisasi_output is not None
                         else text("")], cls=f"tingkat-{node.level}"))
    total = budget.total
    total_sd = total.realisasi  # the sum of the quarters written left out a leaf's year given whole: two totals
    sd_figure = "anggaran.realisasi_sd"
    foot = [Row([Cell("Jumlah", header=True, colspan=2), money(total.pagu, "anggaran.pagu"), Cell(""), Cell(""),
                 money(total_sd, sd_figure), pct(serapan(total.pagu, total_sd), "pagu 0", "anggaran.serapan"),
                 Cell("")], cls="jumlah")]
    return Table([head("Kode", "Program / kegiatan / sub kegiatan", "Pagu (Rp)", "Indikator", "Target tahunan",
                       f"Realisasi keuangan s.d. TW {label} (Rp)", "% terhadap pagu", "Realisasi indikator")],
                 body, foot, wide=True,
                 notes=[f"Realisasi keuangan kumulatif sampai dengan Triwulan {label}, dibanding pagu setahun."])


def table_triwulan_indikator(report: Report, options: dict[str, Any]) -> Table:
    inds = indicators_for(report, options)
    done = set(quarters_upto(report.periode))
    body = []
    for n, i in enumerate(inds, start=1):
        annual_missing = "target tahunan tidak ditulis (hanya target triwulan)"
        cells = [Cell(str(n)), Cell(i.nama, header=True), text(i.satuan),
                 val(i.target_tahunan, f"{i.id}.target_tahunan") if i.target_tahunan is not None
                 else Cell(NA, numeric=True, cls="na", title=annual_missing)]
        by_q = {q.tw: q for q in i.triwulan}
        planned = report.data.indikator[i.id].target.get(report.tahun)
        for tw in ("tw1", "tw2", "tw3", "tw4"):
            q = by_q.get(tw)
            if tw not in done:
                # a quarter after the report's: its realisasi is not yet due, its target may be known (rencana
                # aksi); both were "N/A: tidak diisi"
                cells += [val(planned.quarters.get(tw) if planned is not None else None), text("belum berjalan")]
                continue
            cells += [val(q.target if q else None), val(q.realisasi if q else None)]
        cells += [capaian_cell(i.capaian, f"{i.id}.capaian"), text({"jumlah": "jumlah", "terakhir": "nilai terakhir",
                                                 "rata_rata": "rata-rata"}.get(report.data.indikator[i.id].agregasi, ""))]
        body.append(Row(cells))
    hdr1 = head("No", "Indikator", "Satuan", "Target tahunan", ("TW I", 2), ("TW II", 2), ("TW III", 2), ("TW IV", 2),
                "Capaian s.d. triwulan", "Agregasi")
    hdr2 = head(*(["Target", "Realisasi"] * 4))
    for cell in hdr1:
        if cell.colspan == 1:
            cell.rowspan = 2
    # a TW III or TW IV report under the PK Perubahan: its "Target tahunan" beside the TW I–II reports' was said to
    # have changed under the capaian table only, and a quarterly report may print this table alone
    return Table([hdr1, hdr2], body, wide=True, notes=_revised_note(report, inds))


def table_ikm(report: Report, options: dict[str, Any]) -> Table:
    ikm = report.computed.ikm
    if ikm is None:
        raise OptionError("laporan ini belum memiliki data/ikm.yaml")
    body = [Row([Cell(u.kode), Cell(u.nama, header=True), num(u.nrr, 2, figure=f"ikm.{u.kode}.nilai"),
                 num(u.konversi, 2, figure=f"ikm.{u.kode}.konversi"), text(u.mutu)]) for u in ikm.unsur]
    # the SKM as ``{nilai}`ikm.skm``` prints it, marked for the audit: it printed three decimals here and two in a
    # sentence, and an author's sentence citing it disagreed with the table unnoticed
    foot = [Row([Cell("Nilai SKM (rerata NRR)", header=True, colspan=2),
                 num(ikm.skm, SKM_DECIMALS, figure="ikm.skm"), Cell(""), Cell("")], cls="jumlah"),
            Row([Cell("Indeks Kepuasan Masyarakat (SKM × 25)", header=True, colspan=2), Cell(""),
                 num(ikm.nilai, 2, figure="ikm.nilai"),
                 text(f"{ikm.mutu} ({ikm.kinerja})")], cls="jumlah")]
    # which year's survey: a TW II 2024 report showing 2023's survey (as the rules allow) never said so
    earlier = " (tahun sebelum tahun laporan)" if ikm.tahun != report.tahun else ""
    notes = [f"Survei kepuasan masyarakat tahun {ikm.tahun}{earlier}.",
             "Bobot setiap unsur 1/9; konversi dan mutu pelayanan menurut PermenPANRB 14/2017."]
    if ikm.responden:
        notes.append(f"Jumlah responden: {fmt.fmt_int(ikm.responden)}.")
    return Table([head("Kode", "Unsur pelayanan", "NRR", "NRR × 25", "Mutu")], body, foot, notes)


def table_dataset(report: Report, options: dict[str, Any]) -> Table:
    dataset = dataset_of(report, options)
    columns = option_ids(options, "kolom")
    rates = rate_columns(dataset) if columns is None else []
    if rates:  # every numeric column added up by default: a Jumlah of percentages was published
        skipped = set(rates) | set(label_columns(dataset))
        amounts = [c for c, n in zip(dataset.columns, dataset.numeric) if n and c not in skipped]
        instead = (f"sebutkan kolom yang dijumlahkan dengan opsi kolom, mis. kolom: [{', '.join(amounts)}]" if amounts
                   else "tulis kolom: [] agar tabel tidak memuat baris Jumlah")
        raise OptionError(f"kolom {', '.join(repr(c) for c in rates)} pada data '{dataset.id}' berupa persentase, "
                          f"rasio, nilai atau rata-rata, yang tidak bermakna bila dijumlahkan; {instead}")
    try:
        result = dataset_table(dataset, columns)
    except (KeyError, ValueError) as exc:
        raise OptionError(str(exc.args[0]), "kolom") from None
    show_share = bool(options.get("persen", False))
    if show_share and (mixed := unaddable_rows(dataset, result.total_columns)):
        raise OptionError(f"persen: true menghitung bagian jumlah tiap baris, tetapi kolom {', '.join(mixed)} "
                          "tidak dapat dijumlahkan per baris (satuannya berbeda, atau realisasi diukur terhadap pagu "
                          "atau target, bukan ditambahkan); pilih kolom yang dapat dijumlahkan dengan opsi kolom, "
                          "atau hapus persen", "persen")
    numeric_idx = result.total_columns
    # the unit its data file declares (satuan), as the chart of the same dataset heads its data table ("Pagu (Rp)"):
    # the table printed a bare "Pagu" beside the chart's "Pagu (Rp)", one dataset with and without its unit
    hdr = [Cell(f"{col} ({unit})" if (unit := dataset.satuan.get(col, "").strip()) else col, header=True)
           for col in result.columns]
    has_row_total = result.row_totals is not None
    if has_row_total:
        hdr.append(Cell("Jumlah", header=True))
    if show_share:
        hdr.append(Cell("Persentase", header=True))
    # the rows' sums and shares with their ids (``data.<id>.<kolom>+<kolom>.<baris>[.persen]``); none where the
    # first column is summed, which no id names (its cells name the rows)
    summed = f"data.{dataset.id}.{'+'.join(result.columns[i] for i in numeric_idx)}" if 0 not in numeric_idx else ""

    def sum_id(row: str, suffix: str = "") -> str:
        return f"{summed}.{row}{suffix}" if summed else ""
    body = []
    for r, row in enumerate(result.rows):
        cells = []
        for i, value in enumerate(row):
            if i == 0:
                cells.append(Cell(str(value), header=True))
            elif isinstance(value, Decimal):
                cells.append(_as_written(value, f"data.{dataset.id}.{result.columns[i]}.{r + 1}"))
            else:
                cells.append(text(str(value)))
        if has_row_total:
            cells.append(_as_written(result.row_totals[r], sum_id(str(r + 1))))
        if show_share:
            cells.append(pct(result.row_shares[r], figure=sum_id(str(r + 1), ".persen")))
        body.append(Row(cells))
    if not numeric_idx:
        return Table([hdr], body)  # nothing to add up (a list of names, say)
    foot_cells = [Cell("Jumlah", header=True)]
    for i in range(1, len(result.columns)):
        total = result.column_totals.get(i)
        figure = f"data.{dataset.id}.{result.columns[i]}.jumlah"
        foot_cells.append(_as_written(total, figure) if i in numeric_idx and total is not None else Cell(""))
    if has_row_total:
        foot_cells.append(_as_written(result.grand_total, sum_id("jumlah")))
    if show_share:
        # a Jumlah of 0 has no shares (each row's is N/A), and is no 100 % of anything
        foot_cells.append(pct(Decimal(100) if result.grand_total else None, "jumlahnya 0", sum_id("jumlah", ".persen")))
    table = Table([hdr], body, [Row(foot_cells, cls="jumlah")])
    if show_share:
        table.notes += _rounded_shares_note(result.row_shares)
    return table


def _as_written(value: Decimal, figure: str = "") -> Cell:
    """A dataset's number with the decimals it was written with, as the chart of the same data labels it
    (``fmt.fmt_or_dash``); a total with those of its addends, so it is the sum of the figures printed above it.

    Why: the table rounded every number that was not whole to two decimals, where the chart beside it printed the
    number as written: a luas of 1,125 km² was "1,13" in the table and "1,125" in the chart's labels and data table,
    and the table's Jumlah (of the values written) was not the sum of its rounded rows (three rows of 1,13, 2,13
    and 3,13 over a Jumlah of 6,38; found by an audit). ``figure``: the number's ``data.<dataset>.<kolom>.<baris>``
    id (``refs._dataset_ref``), marked for the consistency audit."""
    return Cell(fmt.fmt_or_dash(value), numeric=True, figure=figure)


def _rounded_shares_note(shares: list[Decimal | None]) -> list[str]:
    """A note when the shares printed (each rounded to two decimals) do not add up to the 100,00 % under them.

    Why: three rows of a third each printed 33,33 % three times over a Jumlah of 100,00 %; a reader who adds them
    up gets 99,99 and finds the table wrong, when only the rounding is at work."""
    printed = sum((fmt.shown(s) for s in shares if s is not None), Decimal(0))
    if printed == 100 or not any(s is not None for s in shares):
        return []
    return [f"Persentase setiap baris dibulatkan 2 desimal, sehingga jumlahnya {fmt.fmt_percent(printed)}; baris "
            "Jumlah (100,00 %) dihitung dari nilai yang tidak dibulatkan."]


KINDS: dict[str, Builder] = {
    "pk": table_pk,
    "perubahan_target": table_perubahan_target,
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
    number_na_reasons(table)
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
            directive.loader = _reader(memo, key, report, directive)
            return
        try:
            directive.built = build_table(report, directive)
        except OptionError as exc:
            diags.error(directive.option_loc(exc.option), f"tabel {directive.kind}: {exc}")
            return
        if report.source_digest:
            directive.built_key = key
            memo.put(key, pickle.dumps(directive.built))
            if memo.stores:  # read back when rendered, not held until the end of the build
                directive.built, directive.loader = None, _reader(memo, key, report, directive)

    return validate


def _restorer(memo: Memo) -> Callable[[Report, Directive], None]:
    """A table of a report read back from the store keeps its memo key (``built_key``); only the loader, a function
    of this process, is made again: neither the key nor the model is computed again."""

    def restore(report: Report, directive: Directive) -> None:
        key = _stored_key(directive)
        if key:
            memo.keep(key)
            directive.loader = _reader(memo, key, report, directive)

    return restore


def _stored_key(directive: Directive) -> str:
    """The memo key a table was stored under and is read back by ("": held in memory, the memo stores nothing)."""
    return directive.built_key if directive.built_key and directive.built is None else ""


def _reader(memo: Memo, key: str, report: Report, directive: Directive) -> Callable[[], Table]:
    """The table from the memo; built again and stored again should the entry have gone (the cache folder was
    cleaned) or be damaged."""

    def load() -> Table:
        table = unpickled(memo.get(key), Table)
        if table is None:
            table = build_table(report, directive)
            if memo.stores:
                memo.put(key, pickle.dumps(table))
        return table

    return load


def _placed(rows: list[list[Cell]]) -> list[list[int]]:
    """Per row, the table column each of its cells starts in, rowspans and colspans from above counted."""
    covered: dict[int, int] = {}  # column -> rows below the current one still covered by a rowspan from above
    out = []
    for cells in rows:
        taken = set(covered)
        starts, col = [], 0
        spanning: dict[int, int] = {}
        for cell in cells:
            while col in taken:
                col += 1
            starts.append(col)
            if cell.rowspan > 1:
                spanning.update((k, cell.rowspan - 1) for k in range(col, col + cell.colspan))
            col += cell.colspan
        covered = {k: n - 1 for k, n in covered.items() if n > 1}
        covered.update(spanning)
        out.append(starts)
    return out


def name_column(body: list[list[Cell]]) -> int:
    """The column that stays in view while a wide table scrolls sideways on a phone: the rows' names (their header
    cell: an indicator, a program), else the first. It was always the first: "No" or a budget code, so a reader who
    scrolled to the numbers saw "1 | nilai | 73 | 84,82" and no name."""
    for cells, starts in zip(body, _placed(body)):
        for cell, col in zip(cells, starts):
            if cell.header:
                return col
    return 0


def sticky_cells(rows: list[list[Cell]], column: int) -> list[int | None]:
    """Per row: the index of its cell that stands in ``column`` (spanning it counts), None when a cell from above
    covers it. The theme marks those cells (``kolom-1``) to keep them in view."""
    out: list[int | None] = []
    for cells, starts in zip(rows, _placed(rows)):
        out.append(next((i for i, (cell, col) in enumerate(zip(cells, starts)) if col <= column < col + cell.colspan),
                        None))
    return out


#: The theme template a table renders through.
TEMPLATE = "partials/table.html"


def render(ctx: RenderContext, directive: Directive) -> str:
    table = directive.model()
    if table is None:
        return ""  # already reported by _validate
    body = [r.cells for r in table.body]
    column = name_column(body)
    first = {"head": sticky_cells(table.head, column), "body": sticky_cells(body, column),
             "foot": sticky_cells([r.cells for r in table.foot], column)}
    item = directive.item
    with theme_errors():
        return ctx.env.get_template(TEMPLATE).render(
            table=table, item=item, pdf=ctx.pdf, first=first, lampiran=ctx.chapter.jenis == "lampiran",
            cells=functools.partial(row_cells, item_id=item.id if item else "", pdf=ctx.pdf))


#: A character HTML escaping changes (MarkupSafe's ``escape``: ``& < > ' "``).
_NEEDS_ESCAPE = re.compile(r"[&<>'\"]").search


def _escaped(value: object) -> str:
    """``value`` as MarkupSafe's ``escape`` writes it, without making a ``Markup`` of every cell's text: most cells
    hold nothing to escape (a third of the time of writing a row)."""
    html = getattr(value, "__html__", None)
    if html is not None:
        return str(html())
    text = str(value)
    return str(escape(text)) if _NEEDS_ESCAPE(text) else text


#: A run of text with no space so long that a table column cannot hold it (an id or a pasted file name in an
#: indicator's name), and the length of the pieces a line may break between.
_LONG_RUN = re.compile(r"\S{32,}")
_PIECE = 16


def _breakable(value: object) -> str:
    """``_escaped(value)``, with a line break allowed (``<wbr>``) every 16 characters of a run of 32 or more.

    A 140-letter name without a space widened its table past the PDF page: the columns beyond were cut off, and the
    build refused the report over 175 numbers "not printed" (named a fault of the program). Breaking every long
    word of every cell (``overflow-wrap: anywhere``) would change how ordinary tables share their width; only such
    runs get break points, so every other table lays out as before."""
    if hasattr(value, "__html__"):
        return _escaped(value)
    text = str(value)
    if not _LONG_RUN.search(text):
        return _escaped(text)
    out, pos = [], 0
    for m in _LONG_RUN.finditer(text):
        run = m.group()
        out.append(_escaped(text[pos:m.start()]))
        out.append("<wbr>".join(_escaped(run[i:i + _PIECE]) for i in range(0, len(run), _PIECE)))
        pos = m.end()
    out.append(_escaped(text[pos:]))
    return "".join(out)


def row_cells(row: list[Cell], section: str, lead: int | None, item_id: str, pdf: bool) -> Markup:
    """The cells of one table row, for ``partials/table.html`` (its ``cells(row, section, lead)``; ``lead``: the
    index of the row's cell in the column kept in view on phones (:func:`name_column`), or None): header cells with
    their scope, numbers right-aligned, predikat as text and colour, a model figure's id in ``data-angka`` (the
    consistency audit compares it with the model), an N/A's reason as a title and a link to its lettered note.

    Why in Python: a kabupaten archive's tables have a quarter of a million cells, and the theme's Jinja macro spent
    16 attribute look-ups and as many escapes on each, two fifths of rendering a page (a row here takes a third of the
    time, the same bytes). A theme that wants other cell markup defines its own macro ``cells`` in its
    ``partials/table.html``, which Jinja takes before this one. On the site a colour is a class of the generated
    ``aset/css/warna.css`` (the Content-Security-Policy forbids inline styles); the PDF keeps the style attribute.
    """
    head = section == "head"
    out: list[str] = []
    add = out.append
    for index, c in enumerate(row):
        tag = "th" if head or c.header else "td"
        add("<" + tag)
        if head:
            add(' scope="colgroup"' if c.colspan > 1 else ' scope="col"')
        elif c.header:
            add(' scope="rowgroup"' if c.rowspan > 1 else ' scope="row"')
        if c.colspan > 1:
            add(f' colspan="{c.colspan}"')
        if c.rowspan > 1:
            add(f' rowspan="{c.rowspan}"')
        if c.title:
            add(f' title="{_escaped(c.title)}"')
        if c.figure:
            add(f' data-angka="{_escaped(c.figure)}"')
        classes = []
        if c.numeric:
            classes.append("angka")
        if c.cls:
            classes.append(c.cls)
        if index == lead:
            classes.append("kolom-1")
        if not c.numeric and len(str(c.text)) > 24:
            classes.append("panjang")
        add(f' class="{_escaped(" ".join(classes))}">' if classes else ">")
        text = _escaped(c.text) if c.numeric else _breakable(c.text)
        if tag == "td" and c.colour and pdf:
            add(f'<span class="predikat" style="background-color: {_escaped(c.colour)}; color: {_escaped(c.ink)}">'
                f"{text}</span>")
        elif tag == "td" and c.colour:
            add(f'<span class="predikat {_escaped(colour_class(c.colour))}">{text}</span>')
        else:
            add(text)
        if not head and c.note:
            mark = fmt.note_letter(c.note)  # lettered, the narrative's footnotes are numbered (fmt.note_letter)
            add(f'<sup class="na-ref"><a href="#{_escaped(item_id)}-na-{c.note}" aria-label="catatan {mark}">'
                f"{mark}</a></sup>")
        add(f"</{tag}>")
    return Markup("".join(out))


def register(registry: Registry, memo: Memo, site_key: str) -> None:
    """``site_key`` stands for what tables read from the site config (custom scales, default scale)."""
    validate, restore = _validator(memo, site_key), _restorer(memo)
    entry = ItemEntry(_stored_key, memo)
    registry.templates["tabel"] = TEMPLATE
    for kind in KINDS:
        registry.renderers[("tabel", kind)] = render
        registry.validators[("tabel", kind)] = validate
        registry.restorers[("tabel", kind)] = restore
        registry.entries[("tabel", kind)] = entry


__all__ = ["Cell", "Row", "Table", "KINDS", "register", "build_table", "escape"]
