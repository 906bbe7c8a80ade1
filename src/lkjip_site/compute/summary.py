"""The handful of figures a citizen looks for first (the report page's key figures), from the computed model.

Every value is a named figure of :attr:`ComputedReport.figures` (never counted here), shown with the set it counts
("12 dari 24 indikator terukur; 1 tidak terukur") and, for the average, the method used; each piece that is a figure
carries its id so the template can mark it for the consistency audit.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.model import Report
from .figures import Figure
from .refs import lookup

#: (text, figure id or "") pieces: the figure ids mark what the audit compares with the model.
Parts = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class KeyFigure:
    label: str
    value: Parts
    note: Parts = ()
    definisi: str = ""  # what the figure counts or averages, over which set (a tooltip and the page's text)
    #: the same text in parts, a figure it quotes carrying its id (the default theme prints these; ``definisi`` stays
    #: the plain text a site's own theme may print)
    definisi_bagian: Parts = ()


def key_figures(report: Report) -> list[KeyFigure]:
    """The report page's key figures, every value read from the computed model's named figures."""
    c = report.computed
    if c is None or not c.figures:
        return []
    f = c.figures

    def _fig(fig: Figure) -> tuple[str, str]:
        return (lookup(c, fig.id).formatted(), fig.id)  # printed as {nilai} prints it

    def _said(fig: Figure, *quoted: Figure) -> tuple[str, Parts]:
        return fig.definisi, quoting(fig.definisi, [_fig(q) for q in quoted])

    out: list[KeyFigure] = []
    avg = f["capaian.rata_rata"]
    if c.rata_rata is not None:
        note: Parts = (_fig(f["capaian.predikat"]), ("; ", ""), _fig(f["capaian.metode"]))
        of, measured = f.get("capaian.jumlah_indikator"), f["indikator.terukur"]
        if of is not None and of.value != measured.value:  # the average of fewer (or other) capaian than counted
            note += (("; atas ", ""), _fig(of), (" indikator terukur, dari ", ""), _fig(measured),
                     (" indikator terukur laporan", ""))
        out.append(KeyFigure(avg.nama, (_fig(avg),), note, *_said(avg)))
    total, measured = f["indikator.jumlah"], f["indikator.terukur"]
    out.append(KeyFigure(total.nama, (_fig(total),), ((c.jumlah.lingkup if c.jumlah else "", ""),), *_said(total)))
    if c.jumlah and c.jumlah.terukur:
        reached, unmeasured = f["indikator.mencapai_target"], f["indikator.tidak_terukur"]
        upto = f" {report.so_far}" if report.so_far else ""
        note: Parts = ((f"indikator terukur, capaian{upto} ≥ 100 %", ""),)
        if c.jumlah.tidak_terukur:
            note += (("; ", ""), _fig(unmeasured), (" tidak terukur (N/A)", ""))
        out.append(KeyFigure(reached.nama, (_fig(reached), (" dari ", ""), _fig(measured)), note, *_said(reached)))
    if c.anggaran is not None:
        pagu = f["anggaran.pagu"]
        out.append(KeyFigure(pagu.nama, (_fig(pagu),), (), *_said(pagu)))
        if c.anggaran.total.serapan is not None:
            s = f["anggaran.serapan"]
            # a quarterly report's serapan is of the year's pagu so far: "Serapan anggaran 47,24 %" read as the year's
            how = f"realisasi {report.so_far} ÷ pagu setahun" if report.so_far else "realisasi ÷ pagu"
            out.append(KeyFigure(s.nama, (_fig(s),), ((how, ""),),
                                 *_said(s, f["anggaran.realisasi"], f["anggaran.pagu"])))
    if c.ikm is not None:
        ikm = f["ikm.nilai"]
        out.append(KeyFigure(ikm.nama, (_fig(ikm),), ((f"mutu {c.ikm.mutu}", ""),), *_said(ikm)))
    return out


def quoting(text: str, quoted: list[tuple[str, str]]) -> Parts:
    """``text`` in parts, each piece that prints a figure of ``quoted`` ((printed text, id) pairs) carrying its id.

    Why: the serapan's definition quotes the realisasi and pagu it divides ("Rp 4.924.825.264 ÷ Rp 6.151.520.858"),
    and printed them unmarked, so the audit never compared them with the budget table's. A figure not found in the
    text (another form than the model's) is left unmarked, and the site-wide test of unmarked figures finds it."""
    parts: list[tuple[str, str]] = []
    rest = text
    while rest:
        found = [(rest.find(shown), shown, fid) for shown, fid in quoted if shown and shown in rest]
        if not found:
            parts.append((rest, ""))
            break
        at, shown, fid = min(found)
        parts += [(rest[:at], "")] * bool(at) + [(shown, fid)]
        rest = rest[at + len(shown):]
    return tuple(parts)
