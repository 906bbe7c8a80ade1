"""Quarterly values: cumulative values s.d. TW n by each indicator's aggregation, and splits that are not allowed."""

from __future__ import annotations

import re

from decimal import Decimal
from typing import Iterable, Iterator, Literal, Sequence

from ..core import fmt
from ..core.model import (QUARTERS, Carried, CarriedMean, Indicator, Loc, Missing, PeriodValues, Value, carried,
                          loc_of)
from ..core.numbers import Derived
from .capaian import Result, mean
from .findings import ZERO, Finding

Agregasi = Literal["jumlah", "terakhir", "rata_rata"]


def quarters_upto(periode: str) -> tuple[str, ...]:
    """('tw1',), ('tw1','tw2') ... for a quarterly period; all four for 'tahunan'."""
    if periode == "tahunan":
        return QUARTERS
    return QUARTERS[: QUARTERS.index(periode) + 1]


def as_number(v: object) -> Decimal | None:
    """Decimal for numbers (ints from hand-built models included), None for grades/missing."""
    if isinstance(v, bool):
        return None
    if isinstance(v, Decimal):
        return v
    if isinstance(v, int):
        return Decimal(v)
    return None


def aggregate(values: Sequence[Value | None], agregasi: str) -> Value | None:
    """Aggregate period values in order: jumlah (sum), terakhir (last available), rata_rata (mean).

    Missing values are skipped by 'terakhir' and 'rata_rata' (a missing quarter is not a zero); a grade can only be
    aggregated with 'terakhir'. Returns the last Missing when nothing is available but something was declared missing.
    A sum over a quarter declared missing is not known (:func:`cumulative` says so before it gets here).
    """
    present = [v for v in values if v is not None]
    known = [v for v in present if not isinstance(v, Missing)]
    if not known:
        return present[-1] if present else None
    if agregasi == "terakhir":
        return known[-1]
    nums = [n for n in (as_number(v) for v in known) if n is not None]
    if len(nums) != len(known):
        return known[-1]  # grades: only the latest makes sense
    if agregasi == "jumlah":
        return sum(nums, ZERO)
    return Derived(mean(nums))  # computed, so shown as derived figures are (two decimals)


def cumulative(pv: PeriodValues | None, periode: str, agregasi: str, annual_from_quarters: bool = True) -> Value | None:
    """The value 's.d. TW n' (cumulative to the quarter) or the annual value for 'tahunan'.

    Annual: the annual value when given, else (realisasi only) the aggregate of the quarters. A target is never made
    annual from its quarters (``annual_from_quarters=False``): picking the last quarter of 20/20/20/25 published an
    IKM capaian of 334,06 %; :func:`quarter_findings` reports the missing annual target instead. Quarterly: the
    aggregate of the quarters up to n, falling back to the annual value when no quarter value is given (an annual
    target used to measure progress to date, as quarterly reports do for pagu); with quarters given, N/A when one the
    value is made of is not written (:func:`_unwritten`).
    """
    if pv is None:
        return None
    if periode == "tahunan":
        if pv.annual is not None or not annual_from_quarters:
            return pv.annual
        return _unknown_sum(pv, QUARTERS, agregasi) or _latest(pv, QUARTERS, agregasi)
    if not pv.quarters:
        return pv.annual
    return (_unwritten(pv, periode, agregasi) or _unknown_sum(pv, quarters_upto(periode), agregasi)
            or _latest(pv, quarters_upto(periode), agregasi))


def _latest(pv: PeriodValues, quarters: Sequence[str], agregasi: str) -> Value | None:
    """The quarters' aggregate, marked (:class:`~..core.model.Carried`) when a quarter it stands for was declared
    missing: a level (or a grade) whose last quarter is missing is the latest value known, as the rule says, with
    the quarter it comes from (TW II's 83 was printed as "Realisasi s.d. TW III" without a word); a mean missing any
    of its quarters is the mean of those known, with which they are ("87,50" s.d. TW III was TW I–II's)."""
    value = aggregate([pv.quarters.get(q) for q in quarters], agregasi)
    if value is None or isinstance(value, Missing):
        return value
    if agregasi == "rata_rata" and not isinstance(value, str):
        gaps = [q for q in quarters if isinstance(pv.quarters.get(q), Missing)]
        if not gaps:
            return value
        known = [q for q in quarters if not isinstance(pv.quarters.get(q), (Missing, type(None)))]
        reasons = "; ".join(dict.fromkeys(g.reason for g in (pv.quarters[q] for q in gaps)
                                          if isinstance(g, Missing) and g.reason))
        return carried(value, " ".join(gaps), " ".join(known), reasons)
    gap = pv.quarters.get(quarters[-1])
    if not isinstance(gap, Missing):
        return value
    source = next(q for q in reversed(quarters) if not isinstance(pv.quarters.get(q), (Missing, type(None))))
    return carried(value, quarters[-1], source, gap.reason)


def carried_note(value: object, label: str = "nilai") -> str:
    """What a value taken from an earlier quarter says where it is printed (a table's lettered note, a footnote of
    a ``{nilai}``, the open data's ``catatan_nilai``, a chart's text, data table and tooltip); "" for any other value.

    "realisasi TW III tidak tersedia (survei belum selesai); yang ditampilkan realisasi TW II, nilai terakhir yang
    tersedia"; of a mean, "realisasi TW III tidak tersedia (…); yang ditampilkan rata-rata realisasi TW I–II, triwulan
    yang tersedia"."""
    if not isinstance(value, Carried):
        return ""
    why = f" ({value.reason})" if value.reason else ""
    if isinstance(value, CarriedMean):
        return (f"{label} {_quarter_names(value.missing.split())} tidak tersedia{why}; yang ditampilkan rata-rata "
                f"{label} {_quarter_names(value.source.split())}, triwulan yang tersedia")
    return (f"{label} TW {fmt.quarter_numeral(value.missing)} tidak tersedia{why}; yang ditampilkan {label} TW "
            f"{fmt.quarter_numeral(value.source)}, nilai terakhir yang tersedia")


def _quarter_names(quarters: Sequence[str]) -> str:
    """"TW I–III" for quarters that follow one another, "TW I dan TW III" otherwise, "TW II" for one."""
    numbers = [int(q[-1]) for q in quarters]
    if len(numbers) > 1 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"TW {fmt.roman(numbers[0])}–{fmt.roman(numbers[-1])}"
    return " dan ".join(f"TW {fmt.roman(n)}" for n in numbers)


def noted_capaian(res: Result, target: Value | None, realisasi: Value | None) -> Result:
    """A capaian computed from a value taken from an earlier quarter (:func:`carried_note`) says so, as a value set
    by a rule does (its ``reason`` beside a value: a table's lettered note, a ``{nilai}``'s footnote, the open
    data's ``catatan_capaian``): TW II's 83 against TW III's target was printed "103,75 %" as if TW III's."""
    notes = [n for n in (carried_note(realisasi, "realisasi"), carried_note(target, "target")) if n]
    if not notes or res.value is None:
        return res
    return Result(res.value, res.formula, "; ".join([res.reason, *notes] if res.reason else notes),
                  res.tidak_tercapai)


def quarters_unwritten(pv: PeriodValues, periode: str, agregasi: str) -> list[str]:
    """The quarters a value s.d. TW n is made of (its own quarter for a level, 'terakhir'; every quarter up to it for
    a sum or a mean) that ``pv`` does not write; what :func:`_unwritten` makes N/A and :func:`_target_unwritten`
    names."""
    needed = (periode,) if agregasi == "terakhir" else quarters_upto(periode)
    return [q for q in needed if q not in pv.quarters]


def _unwritten(pv: PeriodValues, periode: str, agregasi: str) -> Missing | None:
    """N/A for a value s.d. TW n whose quarters are written, but not every quarter it is made of.

    A TW III report whose target was written for TW I–II only (copied from the report before) compared TW I–III's
    realisasi with TW I–II's target (3 + 3 against 9 documents: 150 %, where the year's pace gives 100 %), or a
    level with TW II's target, without a word. A quarter not written is not a zero (a target of 0 is written 0) nor
    the quarter before; :func:`quarter_findings` says which quarter to write."""
    gaps = quarters_unwritten(pv, periode, agregasi)
    if not gaps:
        return None
    names = " dan ".join(f"TW {fmt.quarter_numeral(q)}" for q in gaps)
    return Missing(f"{names} tidak ditulis, sehingga nilai s.d. TW {fmt.quarter_numeral(periode)} tidak diketahui")


def _unknown_sum(pv: PeriodValues, quarters: Sequence[str], agregasi: str) -> Missing | None:
    """N/A for a sum over a quarter declared missing (``tw4: {tidak_ada: ...}``), with the author's reason: the sum
    of the other three was published as the year's realisasi (75 of 100 documents, capaian 75 %), a missing quarter
    counted as a zero after all. A level ('terakhir') or a mean of the quarters known stands, said so
    (:func:`_latest`)."""
    if agregasi != "jumlah":
        return None
    for q in quarters:
        value = pv.quarters.get(q)
        if isinstance(value, Missing):
            return Missing(f"triwulan {fmt.quarter_numeral(q)} tidak tersedia ({value.reason}), sehingga "
                           "jumlahnya tidak dapat dihitung")
    return None


#: Units that are levels, never counts: their quarterly values cannot be added up, whatever ``agregasi`` says
#: ("poin" passed: NEK 73 split 18/18/18/19). A percentage may be a count of progress (fisik 25 % a quarter): not here.
INDEX_UNITS = frozenset({"indeks", "nilai", "skor", "poin", "predikat", "peringkat", "level"})
#: Units counted in whole numbers (the first word of ``satuan``: "dokumen", "orang", "kasus" ...), for the reading of
#: ``1.234`` (see :func:`_thousands_read_as_decimals`); a rate ("orang/bulan", "kasus per 100.000") is no count.
COUNT_UNITS = frozenset({
    "dokumen", "orang", "jiwa", "kegiatan", "laporan", "unit", "buah", "kali", "desa", "kelurahan", "kasus",
    "temuan", "paket", "berkas", "lembaga", "kelompok", "rumah", "kk", "titik", "sekolah", "perda", "surat", "izin",
    "rekomendasi", "aduan", "pengaduan", "sertifikat", "akta", "bidang", "ekor", "pohon", "produk", "usaha", "umkm",
    "koperasi", "posyandu", "peserta", "pegawai", "asn", "siswa", "pasien", "keluarga", "penduduk", "dusun", "rt",
    "rw", "event", "inovasi", "layanan", "kecamatan", "perangkat", "opd", "pengunjung", "wisatawan", "pelanggan",
    "penerima", "responden", "warga", "anak", "balita", "bayi", "ibu", "nelayan", "petani", "pelaku", "kader", "guru",
    "pelajar", "mahasiswa", "buku", "eksemplar", "lembar", "naskah", "judul", "sampel", "sambungan", "pelatihan",
    # rupiah, not a count but never typed with three decimals: ``1.234`` Rupiah is 1.234 rupiah as printed
    "rupiah", "rp", "rp.",
})
#: Units of a percentage, for a realisasi or target typed as a fraction (0,92 for 92 %, see :func:`_percent_fractions`).
PERCENT_UNITS = frozenset({"%", "persen", "persentase", "prosentase"})
_ANNUAL_HINT = {
    "jumlah": "untuk agregasi 'jumlah' target tahunan adalah jumlah target triwulan",
    "terakhir": "untuk agregasi 'terakhir' target tahunan adalah tingkat yang ingin dicapai di akhir tahun",
    "rata_rata": "untuk agregasi 'rata_rata' target tahunan adalah rata-rata target triwulan",
}


#: What to do with a later quarter's value in a quarterly report (``triwulan-lewat``, of an indicator or a budget line).
LATER_QUARTER_FIX = "Hapus, atau ubah 'periode' di laporan.yaml bila laporan ini sudah triwulan berikutnya"


def _n(value: Decimal) -> str:
    return fmt.fmt_entered(value)


def _numbers(pv: PeriodValues) -> list[tuple[str, Decimal]]:
    return [(q, v) for q in QUARTERS if isinstance(v := pv.quarters.get(q), Decimal)]


def _sum_text(nums: Sequence[tuple[str, Decimal]]) -> str:
    return " + ".join(_n(v) for _, v in nums) + f" = {_n(sum((v for _, v in nums), ZERO))}"


def _finding(severity: str, loc: object, message: str, kode: str) -> Finding:
    return Finding(severity, loc, message, kode)  # type: ignore[arg-type]


def split_error(indicator_id: str, agregasi: str, pv: PeriodValues | None, what: str = "target",
                tahun: int | None = None) -> str | None:
    """Quarterly values of a non-additive indicator split so they sum to the annual value (with the arithmetic).

    Example (a real LKjIP 2022): IKM target 85 written per TW as 20/20/20/25. An index is not summed over quarters, so its
    quarterly targets must each be the level to reach (e.g. 85/85/85/85), never a share of it.
    """
    if agregasi == "jumlah" or pv is None or not isinstance(pv.annual, Decimal):
        return None
    nums = _numbers(pv)
    if len(nums) < 2 or all(v == pv.annual for _, v in nums) or sum((v for _, v in nums), ZERO) != pv.annual:
        return None
    year = f" {tahun}" if tahun else ""
    return (f"{indicator_id} (agregasi '{agregasi}'): {what} triwulan{year} dijumlahkan menjadi {what} tahunan: "
            f"{_sum_text(nums)}. Indikator non-aditif (indeks, nilai, persentase, rasio) tidak dibagi per triwulan; "
            f"tulis pada setiap triwulan tingkat yang ingin dicapai (mis. {_n(pv.annual)} pada TW IV)")


def _consistency(iid: str, agregasi: str, pv: PeriodValues, what: str, tahun: int) -> Finding | None:
    """Annual and quarterly values given together must agree by the indicator's aggregation."""
    annual = pv.annual
    if not isinstance(annual, Decimal):
        return None
    nums = dict(_numbers(pv))
    head = f"{iid} (agregasi '{agregasi}'): {what} {tahun}"
    if agregasi == "terakhir" and "tw4" in nums and nums["tw4"] != annual:
        return _finding("error", pv.loc_of("tw4"), f"{head}: {what} TW IV {_n(nums['tw4'])} tidak sama dengan {what} "
                        f"tahunan {_n(annual)}; dengan agregasi 'terakhir' nilai akhir tahun adalah nilai TW IV, "
                        "jadi laporan TW IV dan laporan tahunan akan memakai angka berbeda", "triwulan-agregasi")
    if len(nums) < 4:
        return None
    total = sum(nums.values(), ZERO)
    if agregasi == "jumlah" and total != annual:
        return _finding("error", pv.loc_of("tahunan"), f"{head}: jumlah {what} triwulan "
                        f"{_sum_text(list(nums.items()))}, tidak sama dengan {what} tahunan {_n(annual)}",
                        "triwulan-agregasi")
    if agregasi == "rata_rata" and total / 4 != annual:
        parts = " + ".join(_n(v) for v in nums.values())
        return _finding("error", pv.loc_of("tahunan"), f"{head}: rata-rata {what} triwulan ({parts}) ÷ 4 = "
                        f"{fmt.fmt_number(total / 4)}, tidak sama dengan {what} tahunan {_n(annual)}",
                        "triwulan-agregasi")
    return None


#: An indicator's name that says it is a level, whatever its unit is called ("IKM", "nilai IKM", "skala 1-100"):
#: an IKM split 20/20/20/22 passed as a sum when its satuan was not one of :data:`INDEX_UNITS`.
_LEVEL_NAME = re.compile(r"\b(?:indeks|ikm|skm|rata-rata|persentase|rasio)\b", re.I)


def _a_level(ind: Indicator) -> bool:
    return ind.satuan.strip().casefold() in INDEX_UNITS or bool(_LEVEL_NAME.search(ind.nama))


def quarter_findings(ind: Indicator, periode: str, tahun_laporan: int | None = None) -> list[Finding]:
    """Quarterly targets and realisasi of one indicator, at any level (tujuan ... sub kegiatan), by its aggregation.

    * an annual report needs the annual target; quarters alone are an error (a quarterly report: a warning, its
      "target tahunan" column shows N/A) — the program never picks or adds up target quarters on its own;
    * an annual report's realisasi given by quarter needs all four (or the annual value): TW I–III were taken as the
      year (9 of 12 documents, 75 %, "Sedang"); a quarterly report's own year needs every quarter up to its own,
      written or declared missing (s.d. TW III was TW I–II's sum, or TW II's level, without a word);
    * a non-additive indicator whose quarters add up to the annual value is an error, with the sum in the message;
    * annual and quarterly values given together must agree by the aggregation (sum, last quarter, mean);
    * an index-like unit (indeks, nilai ...) declared ``agregasi: jumlah`` cannot be added up over quarters.
    Each finding points at the line of the value at fault.
    """
    out: list[Finding] = []
    for what, years in (("target", ind.target), ("realisasi", ind.realisasi)):
        for tahun, pv in sorted(years.items()):
            nums = _numbers(pv)
            if what == "target" and pv.quarters and pv.annual is None:
                severity = "error" if periode == "tahunan" else "warning"
                written = "/".join(fmt.fmt_value_entered(pv.quarters[q]) for q in QUARTERS if q in pv.quarters)
                out.append(_finding(severity, pv.loc, f"{ind.id}: target {tahun} hanya ditulis per triwulan "
                                    f"({written}) tanpa target tahunan; program tidak memilih atau menjumlahkan "
                                    f"target triwulan sendiri. Tambahkan 'tahunan: ...' ({_ANNUAL_HINT[ind.agregasi]})",
                                    "triwulan-tanpa-tahunan"))
            missing = [q for q in QUARTERS if q not in pv.quarters]
            if what == "realisasi" and periode == "tahunan" and pv.quarters and pv.annual is None and missing:
                given = ", ".join(q for q in QUARTERS if q in pv.quarters)
                out.append(_finding("error", pv.loc, f"{ind.id}: realisasi {tahun} hanya diisi {given}, tanpa "
                                    f"{', '.join(missing)} dan tanpa realisasi tahunan; laporan tahunan tidak "
                                    f"mengambil sebagian tahun sebagai setahun. Tambahkan {', '.join(missing)}, "
                                    "atau tulis realisasi setahun ('tahunan: ...')",
                                    "triwulan-kurang"))
                continue
            upto = quarters_upto(periode)
            unwritten = [q for q in upto if q not in pv.quarters]
            later = [q for q in QUARTERS if q in pv.quarters and q not in upto]
            if what == "realisasi" and periode != "tahunan" and tahun == tahun_laporan and later:
                out.append(_finding("warning", pv.loc_of(later[0]), f"{ind.id}: realisasi {', '.join(later)} "
                                    f"{tahun} diisi, padahal laporan ini s.d. TW {fmt.quarter_numeral(periode)}; "
                                    f"nilainya tidak ditampilkan dan tidak dihitung. {LATER_QUARTER_FIX}",
                                    "triwulan-lewat"))
            if (what == "realisasi" and periode != "tahunan" and tahun == tahun_laporan and pv.quarters
                    and unwritten):
                given = ", ".join(q for q in QUARTERS if q in pv.quarters)
                out.append(_finding("error", pv.loc, f"{ind.id}: realisasi {tahun} hanya diisi {given}, tanpa "
                                    f"{', '.join(unwritten)}; laporan s.d. TW {fmt.quarter_numeral(periode)} "
                                    f"memerlukan setiap triwulan sampai TW {fmt.quarter_numeral(periode)}. Tambahkan "
                                    f"{', '.join(unwritten)}, atau tulis "
                                    f"{unwritten[0]}: {{tidak_ada: alasan}} bila nilainya belum ada",
                                    "triwulan-kurang"))
                continue
            if what == "target" and periode != "tahunan" and tahun == tahun_laporan and pv.quarters:
                out += _target_unwritten(ind, pv, periode, tahun)
            split = split_error(ind.id, ind.agregasi, pv, what, tahun)
            if split:
                first = nums[0][0] if nums else "tahunan"
                out.append(_finding("error", pv.loc_of(first), split, "triwulan-dibagi"))
                continue
            if ind.agregasi == "jumlah" and len(nums) >= 2 and what == "target" and _a_level(ind):
                what_is = (f"satuan '{ind.satuan}'" if ind.satuan.strip().casefold() in INDEX_UNITS
                           else f"indikator '{ind.nama}'")
                out.append(_finding("error", pv.loc_of(nums[0][0]), f"{ind.id}: {what_is} adalah tingkat, "
                                    f"bukan hitungan, tetapi agregasinya 'jumlah' ({what} triwulan {tahun}: "
                                    f"{_sum_text(nums)}); pakai 'agregasi: terakhir' dan tulis tingkat yang ingin "
                                    "dicapai pada setiap triwulan", "triwulan-dibagi"))
                continue
            found = _consistency(ind.id, ind.agregasi, pv, what, tahun)
            if found:
                out.append(found)
            if what == "realisasi" and ind.agregasi == "jumlah":
                out += _running_totals(ind, pv, tahun)
        if ind.agregasi == "jumlah":
            out += _negative_counts(ind, what, years)
        if _a_count(ind):
            out += _thousands_read_as_decimals(ind, _typed_values(what, years))
    if _a_count(ind):
        out += _thousands_read_as_decimals(ind, _plan_numbers(ind))
    if ind.satuan.strip().casefold() in PERCENT_UNITS:
        out += _percent_fractions(ind)
    return out


def _percent_fractions(ind: Indicator) -> list[Finding]:
    """A percentage typed as a fraction of one: ``realisasi: 0.92`` where the target is 90 (and last year 86).

    Why: LibreOffice stores a cell shown as 92 % as 0,92 and ``lkjip impor`` takes it without a sign; an author
    copying from such a sheet types 0.92 too. The report published capaian 1,02 % ("Sangat Rendah") without a word,
    since a capaian that small is no slip the other checks know. A value in (0, 1] is said when a hundred times it
    is within half to twice a percentage of the same indicator above 1 (its target or realisasi of that year, else
    of any year): the same measure on the same scale. A warning: 0,5 % may be meant, where the others are near 1.
    """
    out: list[Finding] = []
    for what, years, other_what, others in (("realisasi", ind.realisasi, "target", ind.target),
                                            ("target", ind.target, "realisasi", ind.realisasi)):
        for tahun, loc, where, value in _typed_numbers(years):
            if not 0 < value <= 1:
                continue
            peer = _percent_peer(value, others.get(tahun), years, others)
            if peer is None:
                continue
            off = "kecil" if what == "realisasi" else "besar"
            out.append(_percent_fraction(ind, f"{what} {where} {tahun}", loc, value, peer,
                                         f"capaiannya seratus kali lebih {off}"))
    for label, loc, value in _plan_numbers(ind):
        peer = _percent_peer(value, None, ind.target, ind.realisasi) if 0 < value <= 1 else None
        if peer is not None:
            out.append(_percent_fraction(ind, label, loc, value, peer,
                                         "tabel Renstra dan tingkat kemajuannya meleset seratus kali"))
    return out


def _percent_fraction(ind: Indicator, label: str, loc: Loc | None, value: Decimal, peer: Decimal,
                      so: str) -> Finding:
    """The ``persen-pecahan`` warning of one value: what it reads, what its peer is, and the value to write."""
    whole = value * 100
    return _finding("warning", loc, f"{ind.id}: {label} tertulis {_n(value)} %, padahal "
                    f"nilai lain indikator ini sekitar {_n(peer)} % (seratus kali lebih besar): tampaknya "
                    f"ditulis sebagai pecahan (sel berformat Persen menyimpan {_n(whole.normalize())} % "
                    f"sebagai {_n(value)}), sehingga {so}. "
                    f"Tulis {whole.normalize():f}; bila memang {_n(value)} %, biarkan", "persen-pecahan")


def _percent_peer(value: Decimal, same_year: PeriodValues | None,
                  *all_years: dict[int, PeriodValues]) -> Decimal | None:
    """A percentage above 1 of the same indicator that a hundred times ``value`` is near (half to twice): the other
    side of the same year first, then any value of any year; None for none (0,5 % beside 1 % is no fraction)."""
    scaled = value * 100
    near = [] if same_year is None else [v for v in (same_year.annual, *same_year.quarters.values())
                                         if isinstance(v, Decimal) and v > 1]
    if not near:
        near = [v for years in all_years for _, _, _, v in _typed_numbers(years) if v > 1]
    return next((v for v in near if v / 2 <= scaled <= v * 2), None)


#: What a quarterly report's target s.d. TW n is, by the aggregation, and what to write for a quarter left out.
_TARGET_SO_FAR = {
    "jumlah": ("jumlah target TW I sampai TW {n}", "target triwulan itu; 0 bila tidak ada yang dijadwalkan"),
    "terakhir": ("target TW {n}", "tingkat yang ingin dicapai di akhir triwulan itu"),
    "rata_rata": ("rata-rata target TW I sampai TW {n}", "target triwulan itu"),
}


def _target_unwritten(ind: Indicator, pv: PeriodValues, periode: str, tahun: int) -> list[Finding]:
    """The report year's target written by quarter, without a quarter its target s.d. TW n is made of (its capaian
    is N/A, see :func:`_unwritten`): an error at the year's line, naming the quarter to write."""
    gaps = quarters_unwritten(pv, periode, ind.agregasi)
    if not gaps:
        return []
    n = fmt.quarter_numeral(periode)
    so_far, what = _TARGET_SO_FAR.get(ind.agregasi, _TARGET_SO_FAR["terakhir"])
    given = ", ".join(f"{q}: {fmt.fmt_value_entered(pv.quarters[q])}" for q in QUARTERS if q in pv.quarters)
    return [_finding("error", pv.loc, f"{ind.id}: target triwulan {tahun} hanya diisi {given}, tanpa "
                     f"{', '.join(gaps)}; capaian s.d. TW {n} membandingkan realisasi dengan {so_far.format(n=n)}, "
                     f"jadi capaiannya tampil N/A. Tambahkan "
                     f"{', '.join(f'{q}: ...' for q in gaps)} ({what})", "triwulan-kurang")]


def _a_count(ind: Indicator) -> bool:
    """Counted in whole numbers: a count added over quarters, or a unit such as "dokumen" or "orang"."""
    unit = ind.satuan.strip().casefold()
    if "/" in unit or " per " in f" {unit} ":
        return False
    return (ind.agregasi == "jumlah" and not _a_level(ind)) or unit.split(" ", 1)[0] in COUNT_UNITS


def _thousands_read_as_decimals(ind: Indicator, values: Iterable[tuple[str, Loc | None, Decimal]]) -> list[Finding]:
    """A count typed with a thousands dot, as Indonesian prints it: ``realisasi: 1.234`` (orang) is 1,234 to YAML.

    Why: the load refuses ``1.000`` and ``2.500`` (a decimal is never typed with a trailing 0), but ``1.234`` reads
    both ways, and an index of ``83.515`` is a decimal; for a count of people or documents a fraction with three
    decimals is a thousands dot, and the report published 1,234 orang, its capaian a thousand times too small. A
    warning at the value's line with both readings: a count may be fractional (12,5 km), never this way by chance.
    """
    out: list[Finding] = []
    for label, loc, value in values:
        if value.as_tuple().exponent != -3 or not 1 <= abs(value) < 1000:
            continue
        whole = int(value.scaleb(3))
        out.append(_finding("warning", loc, f"{ind.id}: {label} terbaca {_n(value)} "
                            f"{ind.satuan.strip()}, padahal {ind.satuan.strip()} dihitung dengan bilangan bulat; "
                            f"di berkas data titik adalah titik desimal. Bila maksudnya {fmt.fmt_number(whole, 0)} "
                            f"(seperti tercetak di laporan), tulis {whole}; bila memang pecahan, biarkan",
                            "hitungan-pecahan"))
    return out


def _typed_values(what: str, years: dict[int, PeriodValues]) -> Iterator[tuple[str, Loc | None, Decimal]]:
    """Every number typed for the years with its name in a message ("realisasi TW II 2024") and its line."""
    for tahun, loc, where, value in _typed_numbers(years):
        yield f"{what} {where} {tahun}", loc, value


def _plan_numbers(ind: Indicator) -> Iterator[tuple[str, Loc | None, Decimal]]:
    """The Renstra's numbers of an indicator (kondisi awal, target per year, target akhir, target nasional), each
    with its key as the author wrote it and its line: typed from the same printed matrix as the targets, with the
    same thousands dots and Percent cells, and read into the Renstra table and its tingkat kemajuan."""
    if ind.kondisi_awal is not None and isinstance(ind.kondisi_awal[1], Decimal):
        yield f"kondisi_awal {ind.kondisi_awal[0]}", loc_of(ind, "kondisi_awal.nilai"), ind.kondisi_awal[1]
    for tahun, value in sorted(ind.target_renstra.items()):
        if isinstance(value, Decimal):
            yield f"target_renstra {tahun}", loc_of(ind, f"target_renstra.{tahun}", "target_renstra"), value
    if isinstance(ind.target_akhir, Decimal):
        yield "target_akhir", loc_of(ind, "target_akhir"), ind.target_akhir
    if ind.target_nasional is not None and isinstance(ind.target_nasional[0], Decimal):
        yield "target_nasional", loc_of(ind, "target_nasional.nilai"), ind.target_nasional[0]


def _typed_numbers(years: dict[int, PeriodValues]) -> Iterator[tuple[int, Loc | None, str, Decimal]]:
    """Every number typed for the years, with its line and its period as messages name it ("tahunan", "TW II")."""
    for tahun, pv in sorted(years.items()):
        for slot, value in [("tahunan", pv.annual), *((q, pv.quarters.get(q)) for q in QUARTERS)]:
            if isinstance(value, Decimal):
                where = "tahunan" if slot == "tahunan" else f"TW {fmt.quarter_numeral(slot)}"
                yield tahun, pv.loc_of(slot), where, value


def _running_totals(ind: Indicator, pv: PeriodValues, tahun: int) -> list[Finding]:
    """Quarters of a count typed as running totals (s.d. TW n), as DPA and monitoring sheets print them.

    A dinas author typed 30/62/95 for TW I–III of a 120 a year count: the report added them to 187 (156 %,
    "Berhasil") where the year so far was 95. Rising quarters whose sum passes the target's share so far by half
    while the last is near the year's pace (at least 80 % of the target's share so far, at most 150 % of the year)
    are read as running totals; the message gives the quarters' own values to write instead. A warning: a count may
    truly grow.

    The sum is held against the share so far, not the whole year: running totals of three quarters at the year's
    pace add up to 1,5 × the year exactly, so a TW III report a little behind pace (585/1.225/1.927 layanan of
    2.600) passed unsaid, its capaian 187 % of the quarters' target. And where only the last quarter is a running
    total (585/640/1.927: the earlier ones are the report before's) the message says that quarter's own value."""
    target = as_number(ind.target[tahun].annual) if tahun in ind.target else None
    nums = _numbers(pv)
    if target is None or target <= 0 or len(nums) < 3:
        return []
    values = [v for _, v in nums]
    rising = all(a <= b for a, b in zip(values, values[1:])) and values[-1] > values[0]
    total = sum(values, ZERO)
    so_far = target * len(values) / 4  # what a running total near the year's pace would reach by the last quarter
    if not (rising and total >= so_far * Decimal("1.5") and so_far * Decimal("0.8") <= values[-1] <= target *
            Decimal("1.5")):
        return []
    against = (f"target setahun {_n(target)}" if len(values) == 4 else
               f"{_n(so_far)} (bagian target setahun {_n(target)} sampai TW {fmt.quarter_numeral(nums[-1][0])})")
    before = sum(values[:-1], ZERO)
    last_own = values[-1] - before
    mean_before = before / (len(values) - 1)
    if mean_before > 0 and mean_before / 2 <= last_own <= mean_before * Decimal("1.5"):
        q = nums[-1][0]
        return [_finding("warning", pv.loc_of(q), f"{ind.id}: realisasi TW {fmt.quarter_numeral(q)} {tahun} "
                         f"{_n(values[-1])} lebih besar dari jumlah triwulan sebelumnya "
                         f"({' + '.join(_n(v) for v in values[:-1])} = {_n(before)}), dan jumlah triwulannya "
                         f"{_n(total)} jauh di atas {against}: tampaknya diketik sebagai angka s.d. TW "
                         f"{fmt.quarter_numeral(q)} (kumulatif). Dengan 'agregasi: jumlah' tulis hasil triwulan itu "
                         f"saja ({q}: {_n(values[-1])} − {_n(before)} = {_n(last_own)}); bila memang sebesar itu, "
                         "biarkan", "triwulan-kumulatif")]
    own = ", ".join(f"{q}: {_n(b - a)}" for (q, b), (_, a) in zip(nums[1:], nums))
    return [_finding("warning", pv.loc_of(nums[-1][0]), f"{ind.id}: realisasi triwulan {tahun} "
                     f"({'/'.join(_n(v) for v in values)}) naik terus dan jumlahnya {_n(total)}, jauh di atas "
                     f"{against}: tampaknya diketik sebagai angka s.d. triwulan (kumulatif). Dengan "
                     f"'agregasi: jumlah' setiap triwulan diisi hasil triwulan itu saja (mis. {nums[0][0]}: "
                     f"{_n(values[0])}, {own}); bila memang sebesar itu, biarkan", "triwulan-kumulatif")]


def _negative_counts(ind: Indicator, what: str, years: dict[int, PeriodValues]) -> list[Finding]:
    """A count ('agregasi: jumlah') below zero: 3 − 4 maternal deaths typed as −1 passed into the sums and
    became a capaian the scale floors; a decrease is a level ('agregasi: terakhir'), not a count."""
    return [_finding("warning", loc, f"{ind.id}: {what} {where} {tahun} bernilai {_n(value)}, padahal indikator ini "
                     "hitungan ('agregasi: jumlah') yang dijumlahkan; jumlah tidak bisa kurang dari nol. Periksa "
                     "angkanya, atau pakai 'agregasi: terakhir' bila yang diukur perubahan atau selisih",
                     "hitungan-negatif")
            for tahun, loc, where, value in _typed_numbers(years) if value < 0]
