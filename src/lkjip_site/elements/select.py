"""What an element shows, chosen by its options: the indicators of a sasaran, the budget, ... shared by tables and
charts, so a chart and the table beside it select the same rows."""

from __future__ import annotations

from typing import Any

from ..compute.efficiency import EfficiencyRow
from ..core.model import Dataset, Report
from ..core.suggest import did_you_mean, listing


class OptionError(Exception):
    """An option of a table or chart directive names something that does not exist.

    ``option`` names the offending option, so the message points at that option's own line in the block.
    """

    def __init__(self, message: str, option: str | None = None):
        super().__init__(message)
        self.option = option


def empty_efficiency(options: dict[str, Any], linked: int = 0) -> str:
    """Why an efficiency table or chart has no row, by what its rows are made of: it told an author whose programs
    had their 'sasaran' to fill it in (that serves 'per: sasaran' only). ``linked``: the rows there are, none with a
    capaian or a serapan yet (a report just made by ``lkjip new --dari``), which were told to link what was linked."""
    if linked:
        rows = "sasaran" if options.get("per") == "sasaran" else "indikator"
        return (f"{linked} {rows} tertaut ke anggaran, tetapi belum satu pun memiliki capaian kinerja atau serapan "
                "anggaran: isi target dan realisasi tahun laporan di data/indikator.yaml serta pagu dan realisasi di "
                "data/anggaran.yaml")
    if options.get("per") == "sasaran":
        return ("tidak ada sasaran yang memiliki capaian kinerja dan serapan anggaran sekaligus; isi kunci 'sasaran' "
                "pada program di data/anggaran.yaml dengan id sasaran Renstra")
    return ("tidak ada indikator yang memiliki capaian kinerja dan serapan anggaran sekaligus; isi kunci 'program' "
            "(kode program anggaran) pada indikator di data/indikator.yaml, atau, bila program di data/anggaran.yaml "
            "sudah memiliki 'sasaran', gunakan opsi 'per: sasaran'")


def efficiency_ids(report: Report, row: EfficiencyRow, per_sasaran: bool) -> tuple[str, str, str]:
    """The figure ids (``{nilai}`` paths) of an efficiency row's capaian, serapan and efficiency, "" where the value
    is no figure of the model: the table and the chart mark them for the consistency audit, as the capaian and
    budget tables mark the same figures. A sasaran's (``capaian.S2``, ``anggaran.sasaran.S2.serapan``,
    ``efisiensi.sasaran.S2.nilai``), or an indicator's capaian, the serapan of the program it names and its
    efficiency (``IKU1.capaian``, ``anggaran.7.01.01.serapan``, ``efisiensi.IKU1.nilai``). Not a 'tidak tercapai'
    capaian, which the row counts as 0 % where the model's figure is the words."""
    c = report.computed
    if per_sasaran:
        return ((f"capaian.{row.key}" if row.key in c.sasaran else ""), f"anggaran.sasaran.{row.key}.serapan",
                f"efisiensi.sasaran.{row.key}.nilai")
    indicator = c.indikator.get(row.key)
    capaian = f"{row.key}.capaian" if indicator is not None and not indicator.capaian.tidak_tercapai else ""
    found = c.anggaran is not None and c.anggaran.find(row.kode_anggaran) is not None
    return capaian, f"anggaran.{row.kode_anggaran}.serapan" if found else "", f"efisiensi.{row.key}.nilai"


def efficiency_note(report: Report, row: EfficiencyRow, per_sasaran: bool) -> str:
    """The note of an efficiency row's capaian, as the capaian table letters it (``Result.note``: made of a value
    taken from an earlier quarter, floored at 0 %); "" for none. The efficiency table and chart printed TW II's
    capaian "103,75 %" of a TW III report bare beside the capaian table's lettered note. A sasaran's capaian is a
    mean of its indicators, which no table notes."""
    indicator = None if per_sasaran else report.computed.indikator.get(row.key)
    return indicator.capaian.note if indicator is not None else ""


def option_ids(options: dict[str, Any], key: str) -> list[str] | None:
    raw = options.get(key)
    if raw is None:
        return None
    return [str(x) for x in (raw if isinstance(raw, list) else [raw])]


def option_years(options: dict[str, Any], key: str = "tahun") -> list[int]:
    """The years an option lists (``tahun: [2021, 2022]``; one year alone without brackets too), each a whole
    number as written; a word or a fraction is the author's to mend, said at the option's line."""
    raw = options.get(key)
    if raw is None:
        return []
    years = []
    for item in raw if isinstance(raw, list) else [raw]:
        if isinstance(item, bool) or not isinstance(item, int) or not 1990 <= item <= 2100:
            raise OptionError(f"'{item}' bukan tahun; tulis tahun sebagai angka, mis. {key}: [2022, 2023]", key)
        years.append(item)
    return years


def indicators_for(report: Report, options: dict[str, Any], default: list[str] | None = None) -> list[Any]:
    """Indicators in report order, optionally filtered by ``sasaran:`` or ``indikator:``; without ``indikator:``,
    the ``default`` ids when given, else the PK's."""
    c = report.computed
    wanted_sasaran = option_ids(options, "sasaran")
    wanted = option_ids(options, "indikator")
    for sid in wanted_sasaran or []:
        if sid not in c.sasaran:
            raise OptionError(f"sasaran '{sid}' tidak ada di data/renstra.yaml{did_you_mean(sid, c.sasaran)} "
                              f"(yang ada: {listing(c.sasaran)})", "sasaran")
    for iid in wanted or []:
        if iid not in c.indikator:
            raise OptionError(f"indikator '{iid}' tidak ada di data/indikator.yaml{did_you_mean(iid, c.indikator)} "
                              f"(yang ada: {listing(c.indikator)})", "indikator")
    order = wanted or default or c.pk_indikator or list(c.indikator)
    out = [c.indikator[i] for i in order if i in c.indikator]
    if wanted_sasaran:
        out = [i for i in out if i.sasaran_id in wanted_sasaran]
    return out


def dataset_of(report: Report, options: dict[str, Any]) -> Dataset:
    """The CSV dataset named by the ``dataset:`` option (its file name without ``.csv``)."""
    name = str(options.get("dataset", ""))
    known = report.data.datasets
    if name not in known:
        raise OptionError(f"dataset '{name}' tidak ada di folder data{did_you_mean(name, known)} (dataset adalah "
                          f"berkas data/<nama>.csv; yang ada: {listing(known)})", "dataset")
    return known[name]


def budget_of(report: Report) -> Any:
    if report.computed.anggaran is None:
        raise OptionError("laporan ini belum memiliki data/anggaran.yaml")
    return report.computed.anggaran
