"""Portal comparisons: every instansi of a year side by side, and every instansi's figures across years and periods.

Nothing here is typed by anyone: each figure is read from the computed model of the report it belongs to, the same
objects the report's own pages show, so a comparison can never disagree with the report it links to. Only the newest
version of each report feeds the comparisons (an old version stays readable at its address but is superseded); a
report published later changes these pages on the next build.

All figures come from :func:`figures_of`, the one place that reads the model for the portal (so its source can move to
named figures with their definitions without touching the pages or templates).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterable, Mapping

from ..core import fmt
from ..compute.earlier import earlier_names
from ..compute.jenis_instansi import HEADINGS, ORDER, grouped_by_kind, kind_of
from ..core.addresses import folded, instansi_addresses, instansi_slug
from ..core.memo import Memo
from ..core.model import PERIOD_ORDER, Missing, Report, Site
from ..elements.charts import spec as charts
from ..elements.charts.cache import ChartCache
from ..elements.charts.spec import ChartSpec
from .discovery import instansi_names, newest_by_slug, page_meta
from .opendata import COMPARISON_FILE, COMPARISON_WORKBOOK, Row, to_csv
from .versions import VersionInfo, version_key
from .theme import memoised, render_page
from .workbook import FMT_PERCENT, FMT_RUPIAH, Table, stamp, table_workbook

COMPARE_URL = "perbandingan/"
INSTANSI_URL = "instansi/"
#: What an instansi page's chart rows are (its table's first column says so too).
PERIOD = "Periode"
#: The comparison table of ``perbandingan/`` and of each ``perbandingan/<tahun>/`` as open data, beside its page.
TABLE_FILE = COMPARISON_FILE
#: The same table as an Excel workbook, for a reader whose Excel reads the CSV's decimal points wrong.
TABLE_WORKBOOK = COMPARISON_WORKBOOK
#: The most bars the chart of every year (``perbandingan/``) draws; beyond, each year's page has its chart. Why: at
#: 160 reports (40 kecamatan, four years) it was 160 pairs of bars, 10 900 px tall on a 360 px phone and 546 kB of
#: the page's 833 kB, every instansi's years scattered down it; a year's chart (40 pairs) or an instansi's own page
#: compares what a reader compares.
ALL_YEARS_CHART_MAX = 20
#: A comparison chart of more than twice this many reports draws on a phone this many of the highest and of the lowest
#: average capaian (charts.dataset's ``sempit``): a year of 30 instansi drew a phone chart 3 000 px tall.
PHONE_CHART_ENDS = 5
#: (name, type, description) of its columns: the page's, as machine values (``opendata.py``'s conventions).
TABLE_FIELDS = [
    ("instansi", "string", "instansi, seperti kolom Instansi di halaman"),
    ("pemda", "string", "pemerintah daerah instansi"),
    ("tahun", "integer", "tahun laporan"),
    ("periode", "string", "tahunan, atau tw1..tw4 untuk laporan triwulan (angka s.d. triwulan itu)"),
    ("periode_label", "string", "periode seperti di halaman (mis. Tahun 2024, TW I 2024)"),
    ("indikator_mencapai_target", "integer", "indikator dengan capaian >= 100 %"),
    ("indikator_terukur", "integer", "indikator yang capaiannya dapat dihitung"),
    ("rata_rata_capaian", "number", "rata-rata capaian kinerja dalam persen, tidak dibulatkan"),
    ("predikat", "string", "predikat rata-rata capaian menurut skala laporan"),
    ("indikator_rata_rata", "integer", "indikator yang masuk rata-rata capaian"),
    ("alasan_na_capaian", "string", "alasan rata-rata capaian tidak dapat dihitung (N/A)"),
    ("cara", "integer", "nomor cara rata-rata dan skala predikat (tanda di halaman); nomor berbeda: tidak "
     "sepenuhnya sebanding"),
    ("metode_rata_rata", "string", "cara rata-rata capaian dihitung"),
    ("skala_predikat", "string", "skala predikat laporan"),
    ("serapan_anggaran", "number", "realisasi ÷ pagu seluruh program dalam persen, tidak dibulatkan"),
    ("realisasi", "number", "realisasi anggaran dalam rupiah (laporan triwulan: s.d. triwulannya)"),
    ("pagu", "number", "pagu anggaran setahun dalam rupiah"),
    ("alasan_na_serapan", "string", "alasan serapan anggaran tidak dapat dihitung (N/A)"),
    ("laporan", "string", "slug laporan"),
    ("versi", "string", "versi laporan yang dibandingkan (versi terbarunya)"),
    ("tanggal_terbit", "date", "tanggal terbit versi itu"),
    ("url", "string", "alamat lengkap versi laporan itu"),
    ("instansi_kini", "string", "nama instansi kini: nama barunya bila instansi berganti nama (nama_sebelumnya "
     "laporan yang lebih baru), selain itu sama dengan nama instansi laporan"),
    ("jenis_instansi", "string", "jenis instansi (mis. dinas, badan, kecamatan, kelurahan): halaman membandingkan "
     "setiap jenis dalam tabel dan grafiknya sendiri"),
]


@dataclass(frozen=True)
class Figures:
    """One report version's comparable figures, each with the model value behind it (None: not available)."""

    report: Report
    reached: int | None  # indicators with capaian ≥ 100 %
    measured: int  # indicators whose capaian could be computed
    average: Decimal | None  # average capaian (see ``method``)
    predikat: str
    method: str
    serapan: Decimal | None  # budget absorption, realisasi ÷ pagu
    pagu: Decimal | None
    realisasi: Decimal | None
    instansi: str  # its name; with its pemda when another pemda's shares it (``discovery.instansi_names``)
    skala: str  # the predikat scale's name: the rows' predikat may come from different scales
    why_no_average: str = ""  # the N/A's reason, shown in its cell (a bare "N/A" beside other reports' figures)
    why_no_serapan: str = ""
    averaged: int | None = None  # how many measured indicators' capaian the average is of
    alamat: str = ""  # its instansi's page: ``instansi/<alamat>/`` (:func:`instansi_addresses`)
    jenis: str = ""  # its instansi's kind (``compute/jenis_instansi.py``): comparisons rank within one kind

    @property
    def average_of_fewer(self) -> bool:
        """The average is of other indicators than the measured ones counted beside it (said in its cell)."""
        return self.averaged is not None and self.average is not None and self.averaged != self.measured

    @property
    def reached_text(self) -> str:
        return f"{self.reached} dari {self.measured}" if self.reached is not None else fmt.DASH

    @property
    def period_key(self) -> int:
        """Chronological order of year and period, for sorting (2024 TW I before 2024 annual)."""
        return self.report.tahun * 10 + PERIOD_ORDER[self.report.periode]

    @property
    def reached_share(self) -> Decimal | None:
        return Decimal(self.reached) / self.measured * 100 if self.reached is not None and self.measured else None


def figures_of(report: Report) -> Figures:
    """The portal's figures of one report: its named figures (``compute/figures.py``), never recounted here; the
    page marks each with its id and report, so the consistency audit compares them with the report's own pages."""
    c = report.computed
    f = c.figures

    def number(fid: str) -> Decimal | None:
        fig = f.get(fid)
        return fig.value if fig is not None and isinstance(fig.value, Decimal) else None

    def text(fid: str) -> str:
        fig = f.get(fid)
        return fig.value if fig is not None and isinstance(fig.value, str) else ""

    def why_not(fid: str) -> str:
        """Why a figure is N/A ("" when it is not): the model's reason, or no such figure (no budget data)."""
        fig = f.get(fid)
        if fig is None:
            return "tidak ada datanya"
        return fig.value.reason if isinstance(fig.value, Missing) else ""

    measured = int(number("indikator.terukur") or 0)
    reached = number("indikator.mencapai_target")
    return Figures(
        report=report, reached=int(reached) if reached is not None and measured else None, measured=measured,
        average=number("capaian.rata_rata"), predikat=text("capaian.predikat"), method=text("capaian.metode"),
        serapan=number("anggaran.serapan"), pagu=number("anggaran.pagu"), realisasi=number("anggaran.realisasi"),
        instansi=report.instansi.nama, skala=c.scale.nama, why_no_average=why_not("capaian.rata_rata"),
        why_no_serapan=why_not("anggaran.serapan"),
        averaged=int(n) if (n := number("capaian.jumlah_indikator")) is not None else None,
        jenis=kind_of(report.instansi).key,
    )


def compared(site: Site, addresses: dict[tuple[str, str], str] | None = None) -> list[Figures]:
    """Figures of the newest version of every report whose model was computed, in a stable order; ``addresses``:
    the instansi's (:func:`instansi_addresses` of every version published, else of these rows)."""
    rows = [figures_of(r) for r in newest_by_slug(site.reports).values() if r.computed is not None]
    pairs = [(f.instansi, f.report.instansi.pemda) for f in rows]
    names = instansi_names(pairs, site.config.pemda)
    addresses = addresses if addresses is not None else instansi_addresses(pairs)
    rows = [dataclasses.replace(f, instansi=names[pair], alamat=addresses[pair]) for f, pair in zip(rows, pairs)]
    return sorted(rows, key=lambda f: (-f.report.tahun, ORDER[f.jenis], f.instansi, PERIOD_ORDER[f.report.periode]))


def by_year(rows: list[Figures]) -> dict[int, list[Figures]]:
    out: dict[int, list[Figures]] = {}
    for f in rows:
        out.setdefault(f.report.tahun, []).append(f)
    return {year: sorted(items, key=lambda f: (ORDER[f.jenis], f.instansi, PERIOD_ORDER[f.report.periode]))
            for year, items in sorted(out.items(), reverse=True)}


def by_kind(rows: list[Figures]) -> list[tuple[str, str, list[Figures]]]:
    """(kind, its heading, its rows in their order) of each kind of instansi among ``rows``, in the kinds' order
    (``jenis_instansi.KINDS``): a comparison's tables and charts, one a kind. Why: a year's page ranked Dinas
    Kesehatan (maternal mortality, stunting) below two kecamatan in one table and one chart, as if their averages
    were of one scale; a DPRD member comparing the kecamatan met every instansi between them."""
    return [(kind.key, kind.heading, items) for kind, items in grouped_by_kind(rows, lambda f: f.jenis)]


def by_instansi(rows: list[Figures]) -> dict[str, tuple[str, list[Figures]]]:
    """Instansi address (``Figures.alamat``) → (name, its reports oldest period first): the figures across years and
    periods."""
    out: dict[str, tuple[str, list[Figures]]] = {}
    for f in rows:
        out.setdefault(f.alamat or instansi_slug(f.instansi), (f.instansi, []))[1].append(f)
    return {slug: (name, sorted(items, key=lambda f: (f.report.tahun, PERIOD_ORDER[f.report.periode])))
            for slug, (name, items) in sorted(out.items(), key=lambda g: (ORDER[g[1][1][0].jenis], g[0]))}


def instansi_by_kind(groups: dict[str, tuple[str, list[Figures]]]) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """The instansi of :func:`by_instansi` (address → name, reports), in its order, under their kind: [(key, heading,
    [(address, name)])], none when they are of one kind. Why: the home page's folded "Setiap instansi dari tahun ke
    tahun" listed 40 names ordered by kind without a word of which kind began where; a citizen looking for their
    kecamatan read past every dinas and badan to learn where the kecamatan start."""
    kinds = grouped_by_kind(groups.items(), lambda group: group[1][1][0].jenis)
    if len(kinds) < 2:
        return []
    return [(kind.key, kind.heading, [(address, name) for address, (name, _) in listed]) for kind, listed in kinds]


def published_instansi(versions: Iterable[VersionInfo]) -> list[tuple[str, str]]:
    """The (nama, pemda) of every version ever published (released or built from ``content/``): the addresses are
    planned over them all, so an instansi whose reports have no comparison row now (renamed in a newer version, its
    folder gone) keeps its address, which a released page's breadcrumb names for ever."""
    return sorted({(v.instansi.nama, v.instansi.pemda) for v in versions})


def earlier_instansi(rows: list[Figures], versions: Iterable[VersionInfo],
                     addresses: dict[tuple[str, str], str]) -> dict[str, tuple[str, str, list[VersionInfo]]]:
    """Address → (nama, pemda, the newest version of each of its reports) of every instansi published whose
    address no comparison row has: its page lists its reports."""
    shown = {f.alamat for f in rows}
    out: dict[str, tuple[str, str, list[VersionInfo]]] = {}
    seen: set[tuple[str, str]] = set()
    for v in sorted(versions, key=lambda v: (v.slug, version_key(v.versi)), reverse=True):
        address = addresses[(v.instansi.nama, v.instansi.pemda)]
        if address not in shown and (address, v.slug) not in seen:
            seen.add((address, v.slug))
            out.setdefault(address, (v.instansi.nama, v.instansi.pemda, []))[2].append(v)
    return {a: (nama, pemda, sorted(vs, key=lambda v: v.slug)) for a, (nama, pemda, vs) in sorted(out.items())}


def renamed(rows: list[Figures], addresses: dict[tuple[str, str], str]) -> dict[str, tuple[list[str], list[str]]]:
    """Instansi address → (the addresses of its earlier names, those of its later names), from the earlier names the
    newest versions of the reports declare (``instansi.nama_sebelumnya``, read as ``check`` reads them:
    :func:`..compute.earlier.earlier_names`): "Sebelumnya: …" and "Kini: …" on their pages. ``addresses``: every
    instansi's (:func:`instansi_addresses`); a name no report was published under has no page and no link (``check``
    says so), a name of the same address (other letter case) is the same page."""
    address_of = {(folded(pemda), folded(nama)): alamat for (nama, pemda), alamat in addresses.items()}
    earlier: dict[str, set[str]] = {}
    later: dict[str, set[str]] = {}
    for key, names in earlier_names(f.report for f in rows).items():
        new = address_of.get(key)
        for old in filter(None, (address_of.get(k) for k in names)):
            if new is not None and old != new:
                earlier.setdefault(new, set()).add(old)
                later.setdefault(old, set()).add(new)
    return {a: (sorted(earlier.get(a, ())), sorted(later.get(a, ()))) for a in sorted({*earlier, *later})}


@dataclass(frozen=True)
class Lineage:
    """Instansi renamed or merged (``instansi.nama_sebelumnya``), as the portal's lists show them: one entry each,
    under its current name, its earlier names said beside it ("dahulu: …").

    Why: "Dinas Pekerjaan Umum" became "Dinas PUPR" in 2024, and the home page, the comparison pages' list and the
    search's filter named both, as two instansi; a citizen who knew the old name chose the entry of 2022–2023 and
    never learnt that its reports went on under the new one. Every page keeps its address (the old name's page
    stays, "Kini: …" on it): the lists change, and the current name's page shows every year
    (:func:`with_earlier_names`)."""

    current: dict[str, str]  # address of an earlier name → the address of its current name (renamed ones only)
    earlier: dict[str, list[str]]  # address of a current name → its earlier names (nama, as published)
    names: dict[str, tuple[str, str]]  # address → (nama, pemda): its newest comparison row's, else as published
    addresses: dict[tuple[str, str], str]  # every (nama, pemda) published or compared → its address

    def listed(self, groups: dict[str, Any]) -> dict[str, Any]:
        """``groups`` (address → anything) without the instansi whose current name has an entry of its own."""
        return {a: g for a, g in groups.items() if self.current.get(a, a) == a or self.current[a] not in groups}

    def successors(self) -> dict[tuple[str, str], tuple[str, str, str]]:
        """Each (nama, pemda) of an earlier name, as written in any version → (nama, pemda, address) of its current
        name."""
        return {pair: (*self.names[self.current[a]], self.current[a])
                for pair, a in sorted(self.addresses.items()) if a in self.current}


def lineage_of(rows: list[Figures], published: Iterable[VersionInfo] = ()) -> Lineage:
    """Each instansi's current name, through every rename the newest reports declare (:func:`renamed`), while each
    name has one later name (a name split into two stays an entry of its own, "Kini: …" naming both)."""
    addresses = {**instansi_addresses(published_instansi(published)),
                 **{(f.report.instansi.nama, f.report.instansi.pemda): f.alamat for f in rows}}
    names: dict[str, tuple[str, str]] = {}
    for f in rows:  # newest year first: the name the instansi has now
        names.setdefault(f.alamat, (f.report.instansi.nama, f.report.instansi.pemda))
    for pair, address in sorted(addresses.items()):
        names.setdefault(address, pair)
    renames = renamed(rows, addresses)
    current: dict[str, str] = {}
    for address in renames:
        now, seen = address, {address}
        while len(later := renames.get(now, ([], []))[1]) == 1 and later[0] not in seen:
            now = later[0]
            seen.add(now)
        if now != address:
            current[address] = now
    earlier: dict[str, set[str]] = {}
    for old, now in current.items():
        earlier.setdefault(now, set()).add(names[old][0])
    return Lineage(current, {a: sorted(n) for a, n in sorted(earlier.items())}, names, addresses)


def with_earlier_names(groups: dict[str, tuple[str, list[Figures]]],
                       lineage: Lineage) -> dict[str, tuple[str, list[Figures]]]:
    """``groups`` (:func:`by_instansi`) with each instansi's rows under its earlier names (``lineage``) added to its
    current name's, oldest period first; an earlier name's own group stays as it was.

    Why: "Dinas Pekerjaan Umum" became "Dinas PUPR" in 2024, and the page of "Dinas PUPR" showed 2024–2025 only,
    its 2022–2023 one link away on the old name's page: a citizen following the instansi across years had half of
    them. The current name's page shows every year, each row naming the name its report was published under."""
    merged = {slug: (name, list(items)) for slug, (name, items) in groups.items()}
    for old, now in lineage.current.items():
        if old in groups and now in merged:
            merged[now][1].extend(groups[old][1])
    return {slug: (name, sorted(items, key=lambda f: (f.period_key, f.instansi)))
            for slug, (name, items) in merged.items()}


def instansi_pages(rows: list[Figures], lineage: Lineage) -> dict[str, list[str]]:
    """Each instansi page the portal lists (``instansi/<alamat>/``, an instansi renamed under its current name) →
    [its name as the lists show it, its current name, its earlier names]: the search page links the page of the
    instansi a search names (``search.render_search``)."""
    return {f"{INSTANSI_URL}{slug}/": [name, lineage.names[slug][0], *lineage.earlier.get(slug, [])]
            for slug, (name, _) in lineage.listed(by_instansi(rows)).items()}


def current_names(site: Site, published: Iterable[VersionInfo]) -> dict[tuple[str, str], str]:
    """(nama, pemda) of each earlier name of an instansi renamed → the name it has now: the open-data catalogue's
    ``instansi_kini`` (``opendata.data_catalogue``), read as the portal's pages read it (:func:`lineage_of` of the
    comparison rows, the instansi's addresses planned over every version ``published``)."""
    published = list(published)
    rows = compared(site, instansi_addresses(published_instansi(published)))
    return {pair: now[0] for pair, now in lineage_of(rows, published).successors().items()}


def namesakes(rows: list[Figures],
              earlier: Iterable[tuple[str, str, str]] = ()) -> dict[str, list[tuple[str, str, str]]]:
    """A shared name's plain address → the instansi of that name (nama, pemda, address), in the order of their
    pemda: the page at the address one of them had before another of its name was published. ``earlier``: the
    (nama, pemda, address) of the instansi without a comparison row (:func:`earlier_instansi`)."""
    out: dict[str, dict[str, tuple[str, str]]] = {}
    units = [(f.report.instansi.nama, f.report.instansi.pemda, f.alamat) for f in rows]
    for nama, pemda, alamat in [*units, *earlier]:
        plain = instansi_slug(nama)
        if alamat and alamat != plain:  # one entry an address (a name written in other capitals, one pemda)
            named = out.setdefault(plain, {})
            named[alamat] = min(named.get(alamat, (nama, pemda)), (nama, pemda))
    return {plain: sorted(((nama, pemda, alamat) for alamat, (nama, pemda) in named.items()),
                          key=lambda u: (u[1], u[0], u[2]))
            for plain, named in sorted(out.items())}


def year_url(year: int) -> str:
    return f"{COMPARE_URL}{year}/"


def instansi_url(name: str) -> str:
    return f"{INSTANSI_URL}{instansi_slug(name)}/"


def row_label(f: Figures, with_year: bool = False) -> str:
    """How a row is named in tables and charts: the instansi, and the period when it is not the annual report."""
    label = f.instansi
    if f.report.periode != "tahunan":
        label += f" ({f.report.periode_label})"
    return f"{label} {f.report.tahun}" if with_year else label


def period_label(f: Figures) -> str:
    return f.report.periode_tahun


def comparison_chart(rows: list[Figures], labels: list[str], kategori: str = "Instansi") -> ChartSpec | None:
    """Average capaian and budget absorption side by side, one pair of bars per row (named by ``labels``, in the
    same order, which are ``kategori``: an instansi page's rows are its periods, whose data table, tooltips and text
    for screen readers said "Instansi" and "menurut instansi (3 instansi)" over "Tahun 2023", "Tahun 2024"); None
    when nothing to draw."""
    if not any(f.average is not None or f.serapan is not None for f in rows):
        return None
    data = [{"nama": name, "rata_rata_capaian": _shown(f.average), "serapan_anggaran": _shown(f.serapan)}
            for f, name in zip(rows, labels, strict=True)]
    return charts.dataset(
        ("nama", "rata_rata_capaian", "serapan_anggaran"), data, x="nama",
        y=["rata_rata_capaian", "serapan_anggaran"], jenis="batang",
        label={"nama": kategori, "rata_rata_capaian": "Rata-rata capaian kinerja",
               "serapan_anggaran": "Serapan anggaran"},
        satuan="%", nama="perbandingan", sempit=PHONE_CHART_ENDS,
    )


def _shown(value: Decimal | None) -> Decimal | None:
    """Percentages as the tables print them (two decimals, half up, by the one formatter's rounding)."""
    return None if value is None else fmt.round_half_up(value, 2)


def portal_charts(site: Site) -> list[ChartSpec]:
    """Every chart the comparison pages draw (planned with the report charts, before anything renders)."""
    rows = compared(site)
    specs = [spec for _, spec in all_years_charts(rows)]
    specs += [spec for items in by_year(rows).values() for _, spec in kind_charts(items, row_label)]
    groups = by_instansi(rows)
    merged = with_earlier_names(groups, lineage_of(rows))
    specs += [_chart(items, period_label, PERIOD) for _, items in groups.values()]
    specs += [_chart(items, period_label, PERIOD) for slug, (_, items) in merged.items()
              if len(items) != len(groups[slug][1])]  # a renamed instansi's every year (:func:`with_earlier_names`)
    return [s for s in specs if s is not None]


def all_years_charts(rows: list[Figures]) -> list[tuple[str, ChartSpec | None]]:
    """The charts of ``perbandingan/`` (:func:`kind_charts`): none when they would draw more than
    :data:`ALL_YEARS_CHART_MAX` reports of several years (the page then links each year's charts)."""
    if len(charted(rows)) > ALL_YEARS_CHART_MAX and len({f.report.tahun for f in rows}) > 1:
        return []
    return kind_charts(rows, lambda f: row_label(f, with_year=True))


def _unique_labels(rows: list[Figures], label: Any) -> list[str]:
    """Chart categories must be unique; two reports with one name and period keep their slug apart."""
    names = [label(f) for f in rows]
    counts = Counter(names)
    return [f"{n} ({f.report.slug})" if counts[n] > 1 else n for n, f in zip(names, rows)]


def _figure(charts_cache: ChartCache | None, spec: ChartSpec | None, ident: str, title: str) -> dict[str, Any] | None:
    result = charts_cache.get(spec) if charts_cache is not None and spec is not None else None
    if result is None:
        return None
    return {"result": result, "item": {"id": ident, "label": "Grafik", "judul": title}}


def render_portal(env: Any, ctx: dict[str, Any], rows: list[Figures], charts_cache: ChartCache | None, memo: Memo,
                  theme_key: str, published: Iterable[VersionInfo] = (),
                  lineage: Lineage | None = None) -> dict[str, bytes]:
    """The comparison pages: all instansi (``perbandingan/``), one year each, one instansi each; a page listing the
    instansi of a shared name at its plain address, and one listing the reports of an instansi that has no row (of
    ``published``, every version ever published). Their list of instansi has one entry per instansi renamed, under
    its current name (``lineage``: :func:`lineage_of` of the same rows and versions)."""
    published = list(published)
    lineage = lineage if lineage is not None else lineage_of(rows, published)
    files: dict[str, bytes] = {}
    years = by_year(rows)
    groups = by_instansi(rows)
    listed = lineage.listed(groups)
    successors = lineage.successors()
    # ``kini``: a row of an earlier name links to its current name's page, which shows every year (a citizen who
    # followed "Dinas Pekerjaan Umum" in the table of every year reached 2022-2023 only)
    nav = {"years": list(years), "groups": [(slug, name) for slug, (name, _) in listed.items()],
           "dahulu": {slug: names for slug, names in lineage.earlier.items() if slug in listed},
           "kini": {old: now for old, now in sorted(lineage.current.items()) if now in groups}}

    base_url = ctx["site_model"].config.url_dasar

    def page(url: str, title: str, lead: str, shown: list[Figures], specs: list[tuple[str, ChartSpec | None]],
             chart_title: str, table: bool = False, **extra: Any) -> None:
        """One comparison page; ``specs``: its charts (:func:`kind_charts`); ``table``: with its table as CSV and as
        a workbook beside it (:data:`TABLE_FILE`, :data:`TABLE_WORKBOOK`), linked from it."""
        one = len(specs) == 1 and not specs[0][0]
        figure = _figure(charts_cache, specs[0][1], "grafik-perbandingan", chart_title) if one else None
        per_kind = [] if one else [
            (kind, HEADINGS[kind], drawn) for kind, spec in specs
            if (drawn := _figure(charts_cache, spec, f"grafik-perbandingan-{kind}",
                                 f"{chart_title}: {HEADINGS[kind]}"))]
        kinds = by_kind(shown)
        alone = [] if one else [HEADINGS[kind] for kind, _ in specs if kind not in {k for k, _, _ in per_kind}]
        meta = page_meta(ctx["site_model"], title, lead, url)
        if table and shown:
            files[url + TABLE_FILE] = values = table_csv(shown, base_url, successors)
            source = f"{ctx['site_model'].config.judul}, {base_url}{url}"
            year, built = extra.get("tahun"), ctx["build_date"]
            # kept: openpyxl takes ~80 ms a 100-row workbook, and every data edit remakes the portal
            book = memo.key("perbandingan-xlsx", url, title, source, year, str(built), str(stamp()), values)
            files[url + TABLE_WORKBOOK] = memoised(memo, book, "", lambda: table_xlsx(
                shown, base_url, successors, title, source, year, built))
            extra["unduhan"] = url + TABLE_FILE
            extra["unduhan_xlsx"] = url + TABLE_WORKBOOK
        key = memo.key("portal", theme_key, url, title, lead, [row_key(f) for f in shown],
                       figure["result"].svg if figure else "", [(k, f["result"].svg) for k, _, f in per_kind],
                       alone, nav, repr(sorted(extra.items())))
        files[url + "index.html"] = memoised(memo, key, url + "index.html", lambda: render_page(
            env, "perbandingan.html", url, judul=title, pengantar=lead, rows=shown, figure=figure,
            grafik_jenis=per_kind, tanpa_grafik=alone, by_kind=by_kind,
            per_jenis=[(k, h) for k, h, _ in kinds] if len(kinds) > 1 else [], kinds=kinds_of(shown),
            chart_note=chart_note(shown) if figure is not None or per_kind else "",
            nav=nav, meta=meta, year_url=year_url, instansi_url=instansi_url, **extra, **ctx))

    everyone = "semua instansi dan tahun"
    specs = all_years_charts(rows)
    year_specs = {year: kind_charts(items, row_label) for year, items in years.items()}
    # the years whose page draws a chart, linked at it when ``perbandingan/`` draws none (a link to a chart that is
    # not there would be a broken fragment); a page of several kinds' charts is linked at their section
    charted_years = [year for year, s in year_specs.items() if not specs and charts_cache is not None
                     and any(spec is not None and charts_cache.get(spec) for _, spec in s)]
    anchors = {year: "bagian-grafik" for year in charted_years if year_specs[year][0][0]}
    page(COMPARE_URL, "Perbandingan kinerja instansi",
         f"Angka kunci versi terbaru setiap laporan, {everyone}, berdampingan.", rows,
         specs, "Rata-rata capaian dan serapan anggaran per laporan",
         table=True, lingkup="semua", grafik_tahun=charted_years if len(years) > 1 else [], jangkar_grafik=anchors)
    for year, items in years.items():
        page(year_url(year), f"Perbandingan kinerja instansi tahun {year}",
             f"Angka kunci versi terbaru laporan tahun {year}, setiap instansi berdampingan.", items,
             year_specs[year], f"Rata-rata capaian dan serapan anggaran tahun {year}",
             table=True, lingkup="tahun", tahun=year)
    addresses = instansi_addresses(published_instansi(published))
    earlier = earlier_instansi(rows, published, addresses)
    named = {**{a: f"{nama} ({pemda})" for a, (nama, pemda, _) in earlier.items()},
             **{slug: name for slug, (name, _) in groups.items()}}
    shown = {(f.report.instansi.nama, f.report.instansi.pemda): f.alamat for f in rows}
    renames = renamed(rows, {**addresses, **shown})

    def linked(address: str) -> dict[str, list[tuple[str, str]]]:
        """The instansi's earlier and later names with their pages (``sebelumnya``, ``kini``), those that have one."""
        before, after = renames.get(address, ([], []))
        return {"sebelumnya": [(named[a], f"{INSTANSI_URL}{a}/") for a in before if a in named],
                "kini": [(named[a], f"{INSTANSI_URL}{a}/") for a in after if a in named]}

    for slug, (name, items) in with_earlier_names(groups, lineage).items():
        before = sorted({f.instansi for f in items if f.alamat != slug})
        under = f", juga laporannya dengan nama sebelumnya ({', '.join(before)})" if before else ""
        page(f"{INSTANSI_URL}{slug}/", f"Kinerja {name} dari tahun ke tahun",
             f"Angka kunci {name} menurut tahun dan periode laporan (versi terbaru setiap laporan){under}.", items,
             [("", _chart(items, period_label, PERIOD))], f"Rata-rata capaian dan serapan anggaran {name}",
             lingkup="instansi", nama_instansi=name, catatan_indikator=indicator_note(items), **linked(slug))

    def listing(url: str, title: str, lead: str, links: list[tuple[str, str]], **extra: Any) -> None:
        meta = page_meta(ctx["site_model"], title, lead, url)
        key = memo.key("daftar-instansi", theme_key, url, title, lead, links, nav, repr(sorted(extra.items())))
        files[url + "index.html"] = memoised(memo, key, url + "index.html", lambda: render_page(
            env, "instansi-daftar.html", url, judul=title, pengantar=lead, tautan=links, nav=nav, meta=meta,
            year_url=year_url, **extra, **ctx))

    for address, (nama, pemda, versions) in earlier.items():
        listing(f"{INSTANSI_URL}{address}/", f"Laporan {nama} ({pemda})",
                f"Laporan {nama} ({pemda}) yang pernah terbit di portal ini. Instansi ini tidak ada di perbandingan: "
                "versi terbaru laporannya memakai nama instansi lain atau laporannya tidak lagi disusun di portal ini.",
                [(v.judul, f"laporan/{v.slug}/") for v in versions], **linked(address))
    for plain, units in namesakes(rows, [(n, p, a) for a, (n, p, _) in earlier.items()]).items():
        if plain in groups or plain in earlier:  # an instansi's own address (its name is a namesake's name and
            continue  # pemda): not taken
        name = units[0][0]
        listing(f"{INSTANSI_URL}{plain}/", f"{name}: {len(units)} instansi bernama sama",
                f"Beberapa pemerintah daerah mempunyai instansi bernama {name}; setiap instansi mempunyai halamannya.",
                [(f"{nama} — {pemda}", f"{INSTANSI_URL}{alamat}/") for nama, pemda, alamat in units])
    return files


def table_rows(rows: list[Figures], base_url: str,
               successors: Mapping[tuple[str, str], tuple[str, str, str]] | None = None) -> list[Row]:
    """A comparison page's table as machine values, its rows in its order, each ``cara`` numbered as the page
    numbers its averages (:func:`kinds_of`). Why: an inspectorate comparing 25 instansi before the SAKIP evaluation
    copied the table into a spreadsheet by hand, cell by cell (each cell a link with notes under its figure).
    ``instansi_kini``: the current name of an instansi renamed (``successors``: :meth:`Lineage.successors`), so
    its years under both names are one instansi's in a pivot table ("Dinas Pekerjaan Umum" 2022–2023 and "Dinas
    PUPR" 2024–2025 were two)."""
    successors = successors or {}
    kinds = kinds_of(rows)
    out: list[Row] = []
    for f in rows:
        r = f.report
        out.append({
            "instansi": f.instansi, "pemda": r.instansi.pemda, "tahun": r.tahun, "periode": r.periode,
            "periode_label": r.periode_tahun, "indikator_mencapai_target": f.reached,
            "indikator_terukur": f.measured if f.reached is not None else None, "rata_rata_capaian": f.average,
            "predikat": f.predikat if f.average is not None else "",
            "indikator_rata_rata": f.averaged if f.average is not None else None,
            "alasan_na_capaian": f.why_no_average if f.average is None else "",
            "cara": kinds.index((f.method, f.skala)) + 1, "metode_rata_rata": f.method, "skala_predikat": f.skala,
            "serapan_anggaran": f.serapan, "realisasi": f.realisasi if f.serapan is not None else None,
            "pagu": f.pagu if f.serapan is not None else None,
            "alasan_na_serapan": f.why_no_serapan if f.serapan is None else "", "laporan": r.slug, "versi": r.versi,
            "tanggal_terbit": r.tanggal_terbit.isoformat(), "url": base_url + r.url,
            "instansi_kini": successors.get((r.instansi.nama, r.instansi.pemda), (r.instansi.nama,))[0],
            "jenis_instansi": f.jenis,
        })
    return out


def table_csv(rows: list[Figures], base_url: str,
              successors: Mapping[tuple[str, str], tuple[str, str, str]] | None = None) -> bytes:
    return to_csv([name for name, _, _ in TABLE_FIELDS], table_rows(rows, base_url, successors))


#: How the workbook shows the table's figures (its values stay those of the CSV, unrounded).
TABLE_FORMATS = {"rata_rata_capaian": FMT_PERCENT, "serapan_anggaran": FMT_PERCENT, "realisasi": FMT_RUPIAH,
                 "pagu": FMT_RUPIAH}


def table_xlsx(rows: list[Figures], base_url: str, successors: Mapping[tuple[str, str], tuple[str, str, str]] | None,
               title: str, source: str, year: int | None, built: Any) -> bytes:
    """The comparison table as a workbook (``output/workbook.py``): the CSV's columns and values, the percentages
    and rupiah shown as an Indonesian reader writes them, the page it comes from (``source``: of ``year``, or of
    every year) and the build's date (``built``, None without ``SOURCE_DATE_EPOCH``) named above its header."""
    table = Table(title=title, source=source, sheet=f"Perbandingan {year}" if year else "Perbandingan",
                  fields=TABLE_FIELDS, rows=table_rows(rows, base_url, successors), formats=TABLE_FORMATS,
                  links=frozenset({"url"}))
    return table_workbook(table, built)


def _chart(rows: list[Figures], label: Any, kategori: str = "Instansi") -> ChartSpec | None:
    shown = charted(rows)
    return comparison_chart(shown, _unique_labels(shown, label), kategori)


def kind_charts(rows: list[Figures], label: Any) -> list[tuple[str, ChartSpec | None]]:
    """The charts of a comparison of ``rows``: one ("" its kind) when they are all of one kind of instansi, else one
    of each kind (:func:`by_kind`) with at least two reports to draw: its bars and its sentence ("tertinggi …,
    terendah …") rank an instansi among its own kind only. A kind of one report has no chart (there is nothing to
    rank it against): None, its row stays in its table."""
    kinds = by_kind(rows)
    if len(kinds) <= 1:
        return [("", _chart(rows, label))]
    return [(kind, _chart(items, label) if len(charted(items)) > 1 else None) for kind, _, items in kinds]


def charted(rows: list[Figures]) -> list[Figures]:
    """The rows a chart draws and ranks: the annual reports when there are any, else those of the latest period.
    Its sentence ranked a TW I serapan (to date, of the year's pagu) lowest beside whole years, and an instansi's
    TW II report below its own year's; the table keeps every row, each naming its period."""
    annual = [f for f in rows if f.report.periode == "tahunan"]
    if annual:
        return annual
    latest = max((f.period_key for f in rows), default=None)
    return [f for f in rows if f.period_key == latest]


def chart_note(rows: list[Figures]) -> str:
    """What the chart leaves out of the table's rows, and why ("" when it draws them all)."""
    shown = charted(rows)
    if len(shown) == len(rows):
        return ""
    if shown[0].report.periode == "tahunan":
        return ("Grafik hanya memuat laporan tahunan: angka laporan triwulan adalah angka s.d. triwulannya, tidak "
                "sebanding dengan setahun, dan hanya ada di tabel.")
    return (f"Grafik hanya memuat laporan {shown[0].report.periode_tahun}: angka periode lain tidak sebanding "
            "dengannya dan hanya ada di tabel.")


def indicator_note(rows: list[Figures]) -> str:
    """One instansi's reports whose indicators differ, said under its table ("" when all have the same): its
    average fell from 116,19 % to 96,47 % only because a new indicator joined, and the page did not say so."""
    annual = sorted((f for f in rows if f.report.periode == "tahunan"), key=lambda f: f.period_key)
    parts = []
    for before, after in zip(annual, annual[1:]):  # the ids read with the figures: ``indikator`` itself is a stored
        was, now = before.report.computed.indikator_ids, after.report.computed.indikator_ids  # state's later part
        # (each instansi page's note read it for every annual report: 0,29 s of each rebuild at N = 100)
        new, gone = sorted(now - was), sorted(was - now)
        if new or gone:
            said = [f"baru {', '.join(new)}"] if new else []
            said += [f"tidak ada lagi {', '.join(gone)}"] if gone else []
            parts.append(f"{after.report.tahun} dibanding {before.report.tahun}: {'; '.join(said)}")
    if not parts:
        return ""
    return ("Indikator yang diukur berubah antartahun, sehingga rata-rata capaian dan jumlah indikator yang mencapai "
            f"target tidak sepenuhnya sebanding ({'. '.join(parts)}).")


def kinds_of(rows: list[Figures]) -> list[tuple[str, str]]:
    """The (average method, predikat scale) pairs of the rows, numbered in the table when there are several: a
    capped average beside an uncapped one, "Berhasil" of one scale beside another's, were ranked unmarked."""
    return sorted({(f.method, f.skala) for f in rows})


def row_key(f: Figures) -> tuple[Any, ...]:
    """What a comparison page shows of one report (its row and its bar): the key of those pages."""
    r = f.report
    return (r.url, r.judul, r.instansi.nama, r.instansi.pemda, f.instansi, f.skala, r.tahun, r.periode, r.versi,
            str(r.tanggal_terbit), f.reached, f.measured, str(f.average), f.predikat, f.method, str(f.serapan),
            str(f.pagu), str(f.realisasi), f.why_no_average, f.why_no_serapan, f.averaged, f.alamat, f.jenis)
