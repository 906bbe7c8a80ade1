"""What a chart shows, as plain data: the spec (kind, rows, options) and what rendering returns.

Inputs are plain ``list[dict]`` rows (Decimal/str/int values), so the engine does not depend on the loaders or on
``compute``; ``lkjip_site.elements.figures`` maps the computed model to rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Mapping, Sequence

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


class ChartError(ValueError):
    """A chart cannot be built from the given rows/options; the message is for authors (Indonesian)."""


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

    ``numeric[i]`` says whether column i holds numbers (right-aligned by the template). ``figures[r][i]``: the id
    (``{nilai}`` path) of the model figure cell i of row r prints, handed in through the rows (``marks.FIGURE_IDS``),
    "" for none; the page marks it for the consistency audit as a table marks its cells. Empty: none at all.

    ``notes``: what a value that is not the plain figure says (taken from an earlier quarter, set by a rule), handed
    in through the rows (``marks.FIGURE_NOTES``), lettered under the table as a report table's notes are;
    ``note_refs[r][i]``: the number of cell i's note (printed as a letter), 0 for none. Empty: no note at all.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    figures: tuple[tuple[str, ...], ...] = ()
    notes: tuple[str, ...] = ()
    note_refs: tuple[tuple[int, ...], ...] = ()


@dataclass(frozen=True)
class ChartResult:
    """Everything a template needs for one figure. ``spec`` is the Vega-Lite dict (JSON-safe)."""

    svg: str
    spec: dict[str, Any]
    summary: str
    table: ChartTable
    alt: str
    marks: tuple[tuple[int, int, str], ...] = ()  # spans of ``summary`` quoting a figure given in the options
    svg_narrow: str = ""  # the phone layout (``narrow.py``), chosen by CSS below the breakpoint
    spec_narrow: dict[str, Any] | None = None
    narrow_note: str = ""  # what the phone layout leaves to the data table (``dataset.phone_rows``), "" for nothing


def target_realisasi(rows: Sequence[Mapping[str, Any]], *, satuan: str | None = None,
                     angka: Mapping[str, Any] | None = None, sebagian: str = "",
                     kelas: Sequence[str] = ()) -> ChartSpec:
    """Capaian per indicator against the 100 % target line, coloured, patterned and labelled by predikat.

    Row keys: ``indikator``, ``target``, ``realisasi``, ``capaian`` (Decimal or None when it cannot
    be computed: drawn as a visible "N/A" mark, never a missing bar), ``predikat``, ``warna`` (the scale colour,
    same as tables); optional ``satuan`` (overrides the chart-wide ``satuan``) and ``keterangan`` (reason when capaian
    is missing). Indicators have different units, so bars show capaian (%), the one comparable quantity.

    ``angka``: the counts the summary quotes, as computed by the caller, so the engine never recounts them:
    ``{"lingkup": "indikator Perjanjian Kinerja", "jumlah"|"terukur"|"mencapai"|"tidak_terukur":
    {"teks": "25", "id": "indikator.jumlah"}}`` (``id`` may be empty). Without it the rows are counted.

    ``sebagian``: "s.d. TW II" when target and realisasi are the year so far (a quarterly report), so that the
    tooltips and the data table do not read as the year's target beside the annual report's.

    ``kelas``: the labels of the report's scale, best class first. A predikat's bars have the pattern of its place in
    the scale (the best plain, as its colour is the best's), and the legend lists the classes in that order; without
    it, the predikat in the order they first appear.
    """
    options: dict[str, Any] = {"satuan": satuan}
    if angka is not None:
        options["angka"] = angka
    if sebagian:  # (only then: an annual report's charts keep their keys in the chart cache)
        options["sebagian"] = sebagian
    if kelas:
        options["kelas"] = list(kelas)
    return ChartSpec("target_realisasi", tuple(rows), options)


def tren(rows: Sequence[Mapping[str, Any]], *, satuan: str | None = None,
         sebagian: Mapping[int, str] | None = None, negatif: Sequence[str] = ()) -> ChartSpec:
    """Realisasi over the years, one line per indicator. Rows: ``tahun``, ``indikator``, ``nilai``, optionally
    ``satuan`` (the indicator's unit, else ``satuan``): lines of different units say each one's in the legend, the
    tooltips, the text and the data table, and their axis says it has none of its own. ``sebagian``
    names a year whose value is the year so far (``{2024: "s.d. TW II"}``), as its axis, text and table say it.
    ``negatif`` names the lines of negative indicators: their text says a rise is a worsening."""
    options: dict[str, Any] = {"satuan": satuan}
    if sebagian:  # (only then: an annual report's trend charts keep their keys in the chart cache)
        options["sebagian"] = dict(sebagian)
    if negatif:
        options["negatif"] = sorted(set(negatif))
    return ChartSpec("tren", tuple(rows), options)


def renstra(rows: Sequence[Mapping[str, Any]]) -> ChartSpec:
    """Progress to the Renstra end target. Rows: ``indikator``, ``realisasi``, ``target_akhir``,
    ``kemajuan`` (tingkat kemajuan %, from ``compute``), optional ``satuan``."""
    return ChartSpec("renstra", tuple(rows), {})


def anggaran_program(rows: Sequence[Mapping[str, Any]], id_jumlah: Mapping[str, str] | None = None) -> ChartSpec:
    """Pagu vs realisasi per program (Rupiah). Rows: ``program``, ``pagu``, ``realisasi``, optional
    ``serapan`` (%, computed from the two when absent). ``id_jumlah``: the ids (``{nilai}`` paths) of the total's
    ``pagu``, ``realisasi`` and ``serapan`` the summary's "Jumlah pagu …" sums the rows to, marked there."""
    return ChartSpec("anggaran_program", tuple(rows), _budget_options(id_jumlah))


def jenis_belanja(rows: Sequence[Mapping[str, Any]], id_jumlah: Mapping[str, str] | None = None) -> ChartSpec:
    """Pagu vs realisasi per jenis belanja. Rows: ``jenis`` (code such as ``barang_jasa`` or a
    label), ``pagu``, ``realisasi``, optional ``serapan``. ``id_jumlah``: as for :func:`anggaran_program`."""
    return ChartSpec("jenis_belanja", tuple(rows), _budget_options(id_jumlah))


def _budget_options(id_jumlah: Mapping[str, str] | None) -> dict[str, Any]:
    return {"id_jumlah": dict(id_jumlah)} if id_jumlah else {}


def efisiensi(
    rows: Sequence[Mapping[str, Any]], *, metode: str | None = None, tingkat: str = "program",
    id_hitungan: Mapping[str, str] | None = None,
) -> ChartSpec:
    """Capaian kinerja vs serapan anggaran per program or sasaran.

    Rows: ``nama``, ``capaian`` (%), ``serapan`` (%), optional ``efisiensi`` (Decimal or str, already
    computed by the chosen method) and ``status`` (e.g. "Efisien"). ``metode`` is the printed name
    of the efficiency method ("rasio"); ``tingkat`` what a row is, "program", "indikator" or "sasaran" (used in the
    text and the table's first column). ``id_hitungan``: the ids (``{nilai}`` paths) of the text's counts, rows whose
    capaian is higher than their serapan (``lebih_tinggi``) and rows with both (``terbandingkan``).
    """
    options: dict[str, Any] = {"metode": metode, "tingkat": tingkat}
    if id_hitungan:  # (only then: a chart drawn without ids keeps its key in the chart cache)
        options["id_hitungan"] = dict(id_hitungan)
    return ChartSpec("efisiensi", tuple(rows), options)


def ikm(
    rows: Sequence[Mapping[str, Any]], *, nilai_ikm: Decimal | None = None, mutu: str | None = None,
    id_nilai: str = "",
) -> ChartSpec:
    """NRR per service element U1..U9 (scale 1–4). Rows: ``kode``, ``nama``, ``nilai``.
    ``nilai_ikm``/``mutu`` (computed elsewhere) are only quoted in the summary, ``nilai_ikm`` marked with the id
    ``id_nilai`` (its ``{nilai}`` path) when given."""
    options: dict[str, Any] = {"nilai_ikm": nilai_ikm, "mutu": mutu}
    if id_nilai:
        options["id_nilai"] = id_nilai
    return ChartSpec("ikm", tuple(rows), options)


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
    sempit: int = 0,
    id_jumlah: str = "",
) -> ChartSpec:
    """A generic chart of a dataset (CSV) from a declarative spec.

    ``x``: category column; ``y``: one or more numeric columns; ``jenis``: batang | batang_tumpuk |
    garis | donat; ``warna``: one colour or one per series; ``label``: display names per column
    (default: column name with ``_`` → space, first letter upper case); ``satuan``: unit for all
    ``y`` or per column; ``nama``: dataset id, quoted in error messages; ``sempit``: a bar chart of more than
    2 × ``sempit`` rows draws on a phone only the ``sempit`` rows of the highest and of the lowest first ``y`` value
    (``dataset.phone_rows``; every row stays in the wide chart and the data table), 0: every row. ``id_jumlah``: the
    id (``{nilai}`` path) of a donut's Jumlah, as the rows' ``marks.FIGURE_IDS`` carry those of a stack's sum
    (``jumlah``) and a donut's share (``persen``).
    """
    ys = [y] if isinstance(y, str) else list(y)
    options: dict[str, Any] = {
        "columns": tuple(columns),
        "x": x,
        "y": tuple(ys),
        "jenis": jenis,
        "warna": warna,
        "label": dict(label or {}),
        "satuan": satuan,
        "nama": nama,
    }
    if sempit:  # (only then: every other dataset chart keeps its key in the chart cache)
        options["sempit"] = sempit
    if id_jumlah:
        options["id_jumlah"] = id_jumlah
    return ChartSpec("dataset", tuple(rows), options)
