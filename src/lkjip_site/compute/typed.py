"""Derived values typed into the narrative instead of referenced: percentages, rupiah amounts, predikat, counts.

Each is computed, so a typed one drifts from the table beside it (a real LKjIP 2022 printed its average as 97,8 /
97,86 / 97,57, another wrote "Sangat Berhasil" beside a capaian its own scale calls "Berhasil", "20 dari 22
indikator" beside a table counting 19). What the text is about is read from its sentence, so all are warnings.
"""

from __future__ import annotations

import bisect
import operator
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Callable, Iterable, Iterator, Mapping, NamedTuple, TypeVar

from ..core import fmt
from ..core.fmt import round_half_up
from ..core.model import Chapter, Loc, Report, ScaleClass, loc_of
from ..core.numbers import (ENGLISH, FRACTION_WORDS, NUMBER_WORDS, decimal_from_words, fraction_from_words,
                            from_id_parts, from_words)
from .budget import BudgetReport, BudgetResult, BudgetRow
from .figures import BUDGET_LEVELS, IndicatorCounts, slug
from .findings import Finding
from .prose import CODE_SPAN, Sentence, lines, sentences, unemphasised
from .refs import Ref, UnknownReference, lookup
from .report import ComputedReport, IndicatorResult, counts_for
from .scales import BUILTIN_SCALES, NA_LABEL, classify_or_none, find_class, normalise_label

_T = TypeVar("_T")

# ---------------------------------------------------------------------------------------------------------------
# Percentages and amounts

#: A percentage as typed: ``91,40 %``, also with a decimal point (``104.13%``, as a spreadsheet in English shows it)
#: and in words (``96,00 persen``, in the old spelling ``96,00 prosen``): only the first was read, so the others
#: passed unchecked; also with a stray comma before the sign (``85,79, %``, a real report's average), which passed
#: unread, right or wrong; and with the number alone in bold (``**40** %``, as a Word report bolds it), which passed
#: unread too.
PERCENT = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})*|\d+)(?:[,.](\d+))?(?:\*{1,2}|_{1,2})?,?\s?"
                     r"(?:%|persen\b|prosen\b)", re.I)
#: An amount in rupiah as typed: ``Rp 2.369.772.519``, ``Rp2,46 miliar`` (the scale word read: it was taken for
#: "Rp 2,46"), ``IDR 2.369.772.519`` and ``2.369.772.519 rupiah`` (both passed unread); the scale abbreviated as
#: budget slides write it, ``Rp 1,39 M``, ``Rp 139 Jt``, ``Rp 500 rb`` (taken for "Rp 1,39": a right total warned of
#: as wrong, and a wrong one named by a number the author never wrote); and before a scale word a decimal point, as
#: an English spreadsheet shows it (``Rp 1.3 miliar``, which passed unread: one or two digits after the point are
#: decimals there, three a thousands' group); a scale word before "rupiah" without "Rp" (``1,29 miliar rupiah``, which
#: passed unread, right or wrong); thousands apart by commas, as an English spreadsheet shows them (``Rp 56,595,826``),
#: or by spaces (``Rp 56 595 826``), both taken for "Rp 56,595" or "Rp 56": a right amount warned of, named by a
#: number the author never wrote; the former with cents (``Rp 2,455,218,753.00``, taken for "Rp 2,455,218" so):
#: its cents are not read (``format-angka`` tells how to write it).
_SCALE_WORD = r"(?:ribu|rb|juta|jt|miliar|milyar|triliun|(?-i:M|T))\b"
_RUPIAH = re.compile(r"(?:\bRp\.?\s?|\bIDR\s?|(?<![\d.,\w])(?=(?:\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|"
                     rf"\d+(?:[,.]\d{{1,3}})?\s*{_SCALE_WORD})\s*rupiah\b))"
                     rf"(\d{{1,3}}(?:\.\d{{3}})+|\d{{1,3}}(?:,\d{{3}}){{2,}}"
                     rf"|\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?!\d)|\d+)"
                     rf"(?:,(\d{{1,3}})|\.(\d{{1,2}})(?=\s*{_SCALE_WORD})|(?<=\d,\d{{3}})\.\d{{1,2}}(?!\d))?"
                     r"(?![\d.]*\d)"
                     rf"(?:\s*({_SCALE_WORD[3:-3]})\b)?(?:\s*rupiah\b)?", re.I)
_SCALE = {"ribu": Decimal(10) ** 3, "rb": Decimal(10) ** 3, "juta": Decimal(10) ** 6, "jt": Decimal(10) ** 6,
          "miliar": Decimal(10) ** 9, "milyar": Decimal(10) ** 9, "m": Decimal(10) ** 9, "triliun": Decimal(10) ** 12,
          "t": Decimal(10) ** 12}


#: An amount without "Rp" or "rupiah", its scale said as budget slides say it, after a word of the budget in its
#: clause: "realisasi anggaran sebesar 2,36 miliar", "pagu 2,51 M" (read only with "Rp" or "rupiah": a wrong one
#: passed unread).
_BARE_AMOUNT = re.compile(rf"(?<![\d.,\w])(\d{{1,3}}(?:\.\d{{3}})+|\d+)(?:,(\d{{1,3}}))?\s*({_SCALE_WORD[3:-3]})\b",
                          re.I)
_BUDGET_BEFORE = re.compile(r"\b(?:anggaran|pagu|belanja|apbd|dpa)\b[^.;:()]{0,60}$", re.I)


def _typed_amounts(line: str) -> Iterator[tuple[re.Match[str], Decimal, int, Decimal]]:
    """Each rupiah amount typed in a line, with its value as written, its decimals and its scale (``miliar``: 10⁹):
    after "Rp", before "rupiah", or bare with a scale word after a word of the budget (:data:`_BARE_AMOUNT`)."""
    spans = []
    for m in _RUPIAH.finditer(line):
        spans.append(m.span())
        v, places = from_id_parts(re.sub(r"[,\s]", "", m.group(1)), m.group(2) or m.group(3))
        yield m, v, places, _SCALE.get((m.group(4) or "").casefold(), Decimal(1))
    for m in _BARE_AMOUNT.finditer(line):
        if (any(a < m.end() and m.start() < b for a, b in spans) or _YEAR.fullmatch(m.group(1))
                or not _BUDGET_BEFORE.search(line, 0, m.start())):
            continue
        v, places = from_id_parts(m.group(1), m.group(2))
        yield m, v, places, _SCALE[m.group(3).casefold()]


def _amount_advice(computed: ComputedReport, typed: Decimal) -> str:
    """The budget figure nearest to a typed amount and the reference that prints it: the total's pagu, realisasi or
    sisa, or a program's, kegiatan's or sub kegiatan's.

    Why: "gunakan rujukan {nilai}`anggaran...`" left the author to find the path of the amount meant."""
    b = computed.anggaran
    rows = [("anggaran", b.total), *((f"anggaran.{n.kode}", n) for n in b.nodes())] if b is not None else []
    found = [(abs(getattr(row, attr) - typed), f"{prefix}.{attr}", getattr(row, attr))
             for prefix, row in rows for attr in ("pagu", "realisasi", "sisa")]
    if not found:
        return "gunakan rujukan {nilai}`anggaran...`"
    _, path, value = min(found, key=lambda x: x[0])
    return (f"yang terdekat {fmt.fmt_rupiah(value)} ({{nilai}}`{path}`); tulis rujukan itu, atau rujukan anggaran "
            "lain yang dimaksud")


#: Before a typed amount, in its part of the clause, the figure it is said to be: a pagu (group 1) or a realisasi
#: (group 2) of the budget.
_BUDGET_KIND = re.compile(r"\b(?:(pagu(?:nya)?)|(realisasi(?:nya)?))\b", re.I)
#: Words that make the amount after them another figure than a pagu or realisasi of the budget computed: a sisa, a
#: share, a plan, a quarter's, another budget's ("pagu indikatif", "dana desa", "PAD").
_NOT_BUDGET_KIND = re.compile(
    r"\b(?:sisa|silpa|selisih|efisiensi|penghematan|terserap|serapan|target|rencana|usulan|kebutuhan|indikatif|"
    r"rata-?rata|setiap|per|masing-masing|sumber|pendapatan|pad|retribusi|pajak|hibah|bantuan|honor(?:arium)?|gaji|"
    r"harga|kontrak|triwulan|tw|semester|bulan|s\.?\s?d|sampai|hingga|desa|add|dd|bos|blud|renstra|rkpd|rpjmd|kua|"
    r"ppas|apbn|nasional|provinsi|kabupaten|kota|pusat)\b", re.I)
#: The whole budget named: "total pagu anggaran", "realisasi keseluruhan"; not a part of it ("total pagu program
#: …", "total belanja pegawai").
_TOTAL_WORD = re.compile(r"\b(?:total|keseluruhan|seluruh)\b", re.I)
_PART_WORD = re.compile(r"\b(?:program|kegiatan|jenis|kelompok|sasaran|urusan|bidang|bagian|seksi|sub|"
                        r"belanja\s+(?:pegawai|barang|modal|operasi|lain|tidak|tak|hibah|bantuan))\b", re.I)
#: Last year's figure named: a part's is not computed (only the whole budget's, ``tahun_lalu``).
_LAST_YEAR_WORD = re.compile(r"\b(?:lalu|sebelumnya)\b", re.I)
#: Where a sentence ends in a line: the point of "2.455.218.753" ends none.
_SENTENCE_END = re.compile(r"(?<!\d)\.(?!\d)|[!?]")
#: The first value of a change: "naik dari Rp …".
_FROM = re.compile(r"\bdari\s+(?:sebesar\s+)?$", re.I)
#: A budget code typed: "program 7.01.02".
_BUDGET_CODE = re.compile(r"(?<![\d.])\d+(?:\.\d+)+(?![\d.])")
_SCALE_NAME = {Decimal(10) ** 3: "ribu", Decimal(10) ** 6: "juta", Decimal(10) ** 9: "miliar",
               Decimal(10) ** 12: "triliun"}


#: The "reference" of the whole budget's pagu or realisasi of last year, which none prints (``tahun_lalu``).
_LAST_YEAR_PATH = "tahun_lalu"


@dataclass(frozen=True, slots=True)
class _AmountSubject:
    """What the words before a typed amount say it is: the pagu or realisasi (``kind``) of the whole budget
    (``total``), of one program, kegiatan or sub kegiatan (``node``), or of any part (neither); whether of last
    year (``lalu``); and the year said of it when another than the report's (``tahun``)."""

    kind: str  # "pagu" | "realisasi" | "" (of a year said, no pagu or realisasi of the whole budget: not read)
    total: bool = False
    node: BudgetResult | None = None
    #: the words say last year's ("tahun lalu", "naik dari Rp …"): the nearest figure a message names may be it
    lalu: bool = False
    #: the year said of it, another than the report's ("naik dari Rp … pada 2024"): only the whole budget's of last
    #: year is in the data (``tahun_lalu``), so it alone is read, and none of another year
    tahun: int | None = None


def _named_node(b: BudgetReport, segment: str) -> BudgetResult | None:
    """The one program, kegiatan or sub kegiatan a part of a clause names, by its code or its name (the longest
    name found); None for none, or for two codes."""
    codes = {n.kode for n in (b.find(c.group(0)) for c in _BUDGET_CODE.finditer(segment)) if n is not None}
    if codes:
        return b.find(next(iter(codes))) if len(codes) == 1 else None
    return max(_named_in(segment, b.nodes(), lambda n: n.nama), key=lambda n: len(n.nama), default=None)


def _named_in(segment: str, items: Iterable[_T], name: Callable[[_T], str]) -> list[_T]:
    """The items whose name (of more than one word: one word is no sure mention) a part of a clause holds, its case
    and spaces as typed: a program by its name, a sasaran by its uraian."""
    folded = " ".join(segment.split()).casefold()
    return [x for x in items if len(name(x).split()) > 1 and " ".join(name(x).split()).casefold() in folded]


def _words_before(line: str, start: int, after: int, reach: int = 120) -> str:
    """The words before a number typed at ``start`` that say what it is: from the end of the number before it
    (``after``), or of its clause (:data:`_SEGMENT_END`), at most ``reach`` characters back."""
    begin = max([after, start - reach,
                 *(m.end() for m in _SEGMENT_END.finditer(line, max(after, start - reach), start))])
    return line[begin:start]


def _sentence_at(line: str, start: int) -> str:
    """The sentence of a line a number typed at ``start`` is in (the point of "2.455.218.753" ends none)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(line)]
    return line[max([0, *(e for e in ends if e <= start)]):min([len(line), *(e for e in ends if e > start)])]


#: A year said right after a typed figure: "93,5 % pada 2024", "116,19 % (2022)", "Rp 2,1 miliar pada tahun lalu"
#: (group 1 the year; none for last year's word); not "(2024: 93,50 %)", another figure's.
_YEAR_AFTER = re.compile(r"\s*(?:\(\s*(?:tahun\s+)?|\b(?:pada|di)\s+(?:tahun\s+)?|\btahun\s+)"
                         r"(?:(?:anggaran\s+)?\b((?:19|20)\d{2})\b(?!\s*:)|(?<=tahun\s)(?:lalu|sebelumnya)\b)", re.I)
#: Before a typed figure in its sentence, what says its year: a year, "tahun ini" (group 1 none), or "menjadi" (a
#: change's second value: "naik dari 93,5 % pada 2024 menjadi 97 %" is this year's).
_YEAR_BEFORE = re.compile(r"\b(?:((?:19|20)\d{2})|tahun\s+(?:ini|berjalan)|menjadi)\b", re.I)
#: A year further than this from the report's says no figure's year ("UUD 1945" in a pasted row).
_YEARS_APART = 10
#: Before a year, the number of a regulation: "Permendagri Nomor 86 Tahun 2017" says no figure's year either.
_REGULATION_YEAR = re.compile(r"\b(?:nomor|no\.?)\s*[\w./-]+\s+tahun\s*$", re.I)


def _year_said(line: str, span: tuple[int, int], tahun: int) -> int | None:
    """The year other than the report's (``tahun``) the words say a figure typed at ``span`` is of: the year right
    after it ("dari 93,5 % pada 2024", "pada tahun lalu": the year before), else the last said before it in its
    sentence ("IKU NEK tahun 2022: 116,19 %", "Pada tahun 2023, capaian …"); None for the report's year or none said
    (a regulation's year, or one :data:`_YEARS_APART` from the report's, is none).

    Why: a figure of another year was read against this year's values, warned of beside a nearest of this year, or
    passed because this year's was the same."""
    after = _YEAR_AFTER.match(line, span[1])
    if after is not None:
        year: int | None = int(after.group(1)) if after.group(1) else tahun - 1
    else:
        ends = [m.end() for m in _SENTENCE_END.finditer(line, 0, span[0])]
        begin = max([0, *ends])
        said = [m for m in _YEAR_BEFORE.finditer(line, begin, span[0])
                if not (_REGULATION_YEAR.search(line, begin, m.start())
                        or m.group(1) and abs(int(m.group(1)) - tahun) > _YEARS_APART)]
        year = int(said[-1].group(1)) if said and said[-1].group(1) else None
    return None if year == tahun or year is not None and abs(year - tahun) > _YEARS_APART else year


def _amount_subject(computed: ComputedReport, line: str, span: tuple[int, int], after: int,
                    previous: _AmountSubject | None) -> _AmountSubject | None:
    """What the words before the amount typed at ``start`` say it is (:class:`_AmountSubject`): read from the end of
    the amount before it (``after``), or of its clause, at most 120 characters back; the amount after "menjadi" is of
    the subject of the one before it ("realisasi naik dari Rp 2,18 miliar menjadi Rp 2,46 miliar"). None where they
    name both a pagu and a realisasi ("pagu dan realisasi masing-masing …"), neither, another figure
    (:data:`_NOT_BUDGET_KIND`), or a year other than the report's or last year in its sentence: the amount is then
    read against every computed amount. An amount said of another year (:func:`_year_said`: "naik dari Rp … pada
    2024", "pagu tahun 2022 sebesar Rp …") is of that year: read against the whole budget's of last year only
    (``tahun_lalu``), or not at all; this year's amounts were named beside it as the nearest."""
    b = computed.anggaran
    if b is None:
        return None
    start = span[0]
    segment = _words_before(line, start, after)
    kinds = {"pagu" if k.group(1) else "realisasi" for k in _BUDGET_KIND.finditer(segment)}
    year = _year_said(line, span, b.tahun)
    if year is not None:
        whole = (len(kinds) == 1 and not (_NOT_BUDGET_KIND.search(segment) or _PART_WORD.search(segment))
                 and _named_node(b, segment) is None)
        return _AmountSubject(kinds.pop() if whole else "", lalu=True, tahun=year)
    if (_NOT_BUDGET_KIND.search(segment)
            or any(int(y) not in (b.tahun, b.tahun - 1) for y in _YEAR.findall(_sentence_at(line, start)))):
        return None
    if not kinds:
        if previous is not None and previous.kind and re.fullmatch(r"\s*menjadi\s+(?:sebesar\s+)?", segment):
            # "… dari Rp 2,18 miliar menjadi Rp 2,46 miliar": this year's
            return replace(previous, lalu=False, tahun=None)
        return None
    if len(kinds) != 1:
        return None
    node = _named_node(b, segment)
    if (node is None and previous is not None and previous.node is not None and kinds != {previous.kind}
            and start - len(segment) == after and not (_TOTAL_WORD.search(segment) or _PART_WORD.search(segment))):
        node = previous.node  # "pagu program 7.01.02 sebesar Rp … dengan realisasi Rp …": the program's
    if node is not None:
        last_year = _LAST_YEAR_WORD.search(segment) or str(b.tahun - 1) in segment
        return None if last_year else _AmountSubject(kinds.pop(), node=node)
    lalu = bool(_LAST_YEAR_WORD.search(segment) or str(b.tahun - 1) in segment or _FROM.search(segment))
    return _AmountSubject(kinds.pop(), total=bool(_TOTAL_WORD.search(segment) and not _PART_WORD.search(segment)),
                          lalu=lalu)


def _subject_figures(b: BudgetReport, subject: _AmountSubject) -> list[tuple[Decimal, str | None]]:
    """The amounts an amount said of ``subject`` may be, each with the reference that prints it (None for one that
    none prints; :data:`_LAST_YEAR_PATH` for last year's): this year's, before the APBD Perubahan and by how much it
    changed (a pagu), a quarter's (a realisasi), and the whole budget's of last year and by how much it changed. Of
    another year said (``subject.tahun``), the whole budget's of last year alone, or none (not read)."""
    pagu = subject.kind == "pagu"
    if subject.tahun is not None:
        p = b.perubahan
        if subject.tahun != b.tahun - 1 or p is None or not subject.kind:
            return []
        return [(p.pagu_lalu if pagu else p.realisasi_lalu, _LAST_YEAR_PATH)]
    nodes = [subject.node] if subject.node else [] if subject.total else list(b.nodes())
    rows: list[tuple[str | None, BudgetRow | BudgetResult | None]] = []
    if subject.node is None:
        rows += [("anggaran", b.total), ("anggaran.jenis", b.jenis_total)]
    if not subject.total and subject.node is None:
        rows += [*((f"anggaran.jenis.{r.key}", r) for r in b.jenis_belanja), *((None, r) for r in b.kelompok),
                 *((f"anggaran.sasaran.{r.key}", r) for r in b.per_sasaran)]
    rows += [(f"anggaran.{n.kode}", n) for n in nodes]
    out: list[tuple[Decimal, str | None]] = []
    for prefix, row in rows:
        if row is None:
            continue
        out.append((row.pagu if pagu else row.realisasi, f"{prefix}.{subject.kind}" if prefix else None))
        awal = b.pagu_awal if row is b.total else row.pagu_awal
        if pagu and awal is not None and b.pagu_awal is not None:
            out += [(awal, f"{prefix}.pagu_awal" if prefix else None), (abs(row.pagu - awal), None)]
        if not pagu and isinstance(row, BudgetResult):
            out += [(v, None) for v in row.realisasi_tw.values()]
    if subject.node is None and b.perubahan:
        p = b.perubahan
        lalu, selisih = (p.pagu_lalu, p.selisih_pagu) if pagu else (p.realisasi_lalu, p.selisih_realisasi)
        out += [(lalu, _LAST_YEAR_PATH), (abs(selisih), None)]
    if not pagu and subject.node is None:
        out += [(v, None) for v in b.realisasi_tw.values()]
    return out


def _subject_finding(b: BudgetReport, subject: _AmountSubject, rel: str, line_no: int, typed: str,
                     value: Decimal, places: int, scale: Decimal) -> Finding:
    """An amount said of a pagu or realisasi that is none of that subject's (:func:`_subject_figures`): the nearest
    of them, in full and at the scale typed ("Rp 2.455.218.753 (Rp 2,46 miliar)"), and the reference that prints it;
    last year's (which none prints) where that is the nearest, "naik dari Rp 2,17 miliar …" beside 2,18 miliar."""
    figures = [(v, path) for v, path in _subject_figures(b, subject)
               if path is not None and (subject.lalu or path != _LAST_YEAR_PATH)]
    near, path = min(figures, key=lambda f: abs(f[0] - value * scale))
    shown = fmt.fmt_rupiah(near) + (f" (Rp {fmt.fmt_number(near / scale, places)} {_SCALE_NAME[scale]})"
                                    if scale in _SCALE_NAME else "")
    what = (f"{subject.kind} {subject.node.level.replace('_', ' ')} {subject.node.kode}" if subject.node else
            f"{subject.kind} seluruh anggaran" if subject.total else subject.kind)
    if path == _LAST_YEAR_PATH:
        return Finding("warning", Loc(rel, line_no), f"jumlah {typed} diketik sebagai {what}, padahal {subject.kind} "
                       f"tahun {b.tahun - 1} menurut data {shown} (tahun_lalu di data/anggaran.yaml); angka yang "
                       "diketik dua kali bisa berbeda. Perbaiki angkanya, atau bila angka ketikan yang benar, perbaiki "
                       "datanya", "angka-diketik")
    if subject.node or subject.total:
        truth, other = f"menurut hitungan laporan ini {subject.kind}nya {shown}", ""
    else:
        truth = (f"tidak sama dengan {subject.kind} mana pun menurut hitungan laporan ini (program, kegiatan, sub "
                 f"kegiatan, jenis belanja atau seluruhnya); yang terdekat {shown}")
        other = f", atau rujukan {subject.kind} lain yang dimaksud"
    return Finding("warning", Loc(rel, line_no), f"jumlah {typed} diketik sebagai {what}, padahal {truth}; angka "
                   f"ketikan tidak ikut berubah bila datanya diubah. Tulis rujukan {{nilai}}`{path}`{other}",
                   "angka-diketik")


#: A sasaran named by its id or its number: "sasaran S1", "sasaran strategis 2", "sasaran ke-2", "sasaran kedua",
#: "Sasaran II" (:func:`_sasaran_named`).
_SASARAN_MENTION = re.compile(r"\bsasaran(?:\s+strategis)?\s+(?:ke-\s*|ke\s+(?=\d))?([\w-]+(?:\.[\w-]+)*)", re.I)
#: After such a mention, another in the same list: "sasaran 1 dan 2", "sasaran S1, S2", "sasaran 1–3" (all named).
_SASARAN_MORE = re.compile(r"\s*(?:,|&|[–—-]|\b(?:dan|serta|atau|s\.?\s?d\.?|sampai|hingga)\b)\s*(?:sasaran\s+)?"
                           r"(?:ke-\s*|ke\s+(?=\d))?([\w-]+(?:\.[\w-]+)*)", re.I)
_ORDINAL = {"pertama": 1, "kesatu": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5, "keenam": 6,
            "ketujuh": 7, "kedelapan": 8}
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


def _sasaran_named(computed: ComputedReport, words: str) -> set[str]:
    """The ids of the sasaran some words name: by id ("sasaran S1"), by number in the Renstra's order ("sasaran 1",
    "sasaran kedua", "Sasaran II": the first, the second), or by uraian as typed ("capaian Sasaran Meningkatnya
    Kualitas Pelayanan Publik")."""
    listed = list(computed.sasaran.values())
    by_id = {x.id.casefold(): x.id for x in listed}
    found: set[str] = set()

    def one(key: str) -> str | None:
        n = int(key) if key.isdigit() else _ORDINAL.get(key.casefold()) or _ROMAN.get(key)
        if key.casefold() in by_id:
            return by_id[key.casefold()]
        return listed[n - 1].id if n is not None and 0 < n <= len(listed) else None

    for m in _SASARAN_MENTION.finditer(words):
        more: re.Match[str] | None = m
        while more is not None and (sid := one(more.group(1))) is not None:
            found.add(sid)
            more = _SASARAN_MORE.match(words, more.end())
    return found | {x.id for x in _named_in(words, listed, lambda x: x.uraian)}


def _ids_typed(computed: ComputedReport, words: str) -> set[str]:
    """The indicators some words name by their id as typed ("capaian IKU NEK"): an id with a capital letter and more
    than one character, apart from the words around it, and no sasaran's id too."""
    return {i for i in computed.indikator
            if len(i) > 1 and i.lower() != i and i not in computed.sasaran and i in words
            and re.search(rf"(?<![\w.-]){re.escape(i)}(?![\w-])", words)}


class _Figure(NamedTuple):
    """A figure a typed percentage said of one subject may be: its value, the reference that prints it, the year said
    in a message ("" for the report's), and what figure it is where the words do not say ("" for their kind)."""

    value: Decimal
    path: str
    when: str = ""
    kind: str = ""


@dataclass(frozen=True, slots=True)
class _PercentSubject:
    """What the words before a typed percentage say it is: the capaian of one sasaran or indicator, or the serapan of
    one program, kegiatan or sub kegiatan (``kind``), the subject as a message names it (``what``), and the figures
    it may be (the report period's first)."""

    kind: str  # "capaian" | "serapan" | "persentase" (a label's, its kind not said: any of its own figures)
    what: str
    figures: tuple[_Figure, ...]


#: Before a typed percentage, the words of a capaian; those of a target reached, which say a capaian of a sasaran
#: ("Sasaran 2 tercapai 95,95 %") but may say an indicator's realisasi ("Nilai IKM mencapai 85,32 %"); and those of a
#: serapan of the budget.
_CAPAIAN_WORD = re.compile(r"\b(?:capaian(?:nya)?|pencapaian)\b", re.I)
_REACHED_WORD = re.compile(r"\b(?:tercapai|mencapai|dicapai)\b", re.I)
_SERAPAN_WORD = re.compile(r"\b(?:serapan(?:nya)?|penyerapan|terserap|daya\s+serap)\b", re.I)
#: Words that make a typed percentage another figure than its subject's capaian or serapan of the report period: a
#: target, a plan, a quarter's, a change or a comparison ("naik 2 %", "dibanding"), a weight, another base.
_NOT_OWN_PERCENT = re.compile(
    r"\b(?:target|rencana|renstra|rpjmd|rkpd|triwulan|tw|semester|bulan|s\.?\s?d|kemajuan|efisiensi|selisih|naik|"
    r"turun|meningkat|menurun|kenaikan|penurunan|peningkatan|bertambah|berkurang|nasional|provinsi|dibanding(?:kan)?|"
    r"daripada|standar|ambang|bobot|kontribusi|proporsi|masing-masing|berturut-turut)\b", re.I)
#: Words that make a capaian's percentage another figure than a sasaran's or an indicator's: the budget's, a
#: program's or kegiatan's, a realisasi.
_NOT_CAPAIAN = re.compile(r"\b(?:realisasi|anggaran|pagu|belanja|program|kegiatan)\b", re.I)
_INDICATOR_WORD = re.compile(r"\bindikator\b", re.I)


#: Between a label and the percentage after it: a colon or a spaced dash, and a word that states it ("Capaian
#: Sasaran 1: 97 %", "IKU NEK: 116,19 %", "- Sasaran 2 — 95,95 %", "Sasaran 1: sebesar 97 %").
_LABEL_END = re.compile(r"(?:\s*:|\s+[–—-])(?:\s*(?:sebesar|mencapai|adalah|yaitu|tercapai)\b)?[\s*_]*$", re.I)
#: After a typed percentage, the base that makes it a serapan: "realisasi anggaran mencapai 94,36 % dari pagu".
_OF_PAGU = re.compile(r"\s*(?:dari|terhadap)\s+(?:(?:total|seluruh|jumlah)\s+)?(?:pagu|anggaran|dpa)\b", re.I)
_REALISASI_WORD = re.compile(r"\brealisasi(?:nya)?\b", re.I)
#: The budget named before a serapan: ours ("anggaran", "belanja"), not another fund's ("dana desa", "DAK", "APBN").
_BUDGET_WORD = re.compile(r"\b(?:anggaran(?:nya)?|pagu|belanja|dpa|apbd)\b", re.I)
_OTHER_FUND = re.compile(r"\b(?:desa|dd|add|dak|dau|bos|blud|apbn|pad|pendapatan|hibah|bantuan|pusat|kabupaten|kota|"
                         r"lalu|sebelumnya|rata-?rata|rerata)\b", re.I)


def _label_before(line: str, start: int, after: int) -> str | None:
    """The label a percentage typed at ``start`` follows (:data:`_LABEL_END`), with the colon or dash after it; None
    for a percentage not after a label."""
    end = _LABEL_END.search(line, after, start)
    if end is None or end.end() != start:
        return None
    label = _words_before(line, end.start(), after)
    return line[end.start() - len(label):start] if label.strip() else None


def _own_figures(computed: ComputedReport, sasaran: str | None, ir: IndicatorResult | None) -> tuple[_Figure, ...]:
    """Every percentage of one sasaran or indicator a label without a kind ("Sasaran 2 — 95,95 %", "IKU NEK: 116,19
    %") may print: a sasaran's capaian, serapan, share of indicators reaching their targets and efficiency; an
    indicator's capaian of each year and quarter, its kemajuan, and its target and realisasi when in percent."""
    out: list[_Figure] = []
    if sasaran is not None:
        s, b = computed.sasaran[sasaran], computed.anggaran
        out += [_Figure(s.capaian, f"capaian.{sasaran}", kind="capaian")] if s.capaian is not None else []
        rows = b.per_sasaran if b is not None else []
        out += [_Figure(r.serapan, f"anggaran.sasaran.{r.key}.serapan", kind="serapan") for r in rows
                if r.key == sasaran and r.serapan is not None]
        share = computed.figures.get(f"sasaran.{sasaran}.persen_mencapai_target")
        if share is not None and isinstance(share.value, Decimal):
            out.append(_Figure(share.value, share.id, kind="persentase indikator mencapai target"))
        out += [_Figure(abs(e.result.value), f"efisiensi.sasaran.{e.key}.nilai", kind="efisiensi")
                for e in computed.efisiensi_sasaran if e.key == sasaran and e.result.value is not None]
    if ir is not None:
        out += [_Figure(ir.capaian.value, f"{ir.id}.capaian", kind="capaian")] if ir.capaian.value is not None else []
        out += [_Figure(p.capaian.value, f"{ir.id}.capaian@{p.tahun}", f"tahun {p.tahun}", "capaian")
                for p in ir.riwayat if p.capaian.value is not None]
        out += [_Figure(q.capaian.value, f"{ir.id}.capaian", kind="capaian") for q in ir.triwulan
                if q.capaian.value is not None]
        out += [_Figure(ir.kemajuan.value, f"{ir.id}.kemajuan", kind="kemajuan")] if (
            ir.kemajuan is not None and ir.kemajuan.value is not None) else []
        if ir.satuan.strip() == "%":
            out += [_Figure(v, f"{ir.id}.{k}@{p.tahun}", kind=k) for p in ir.riwayat
                    for k, v in (("target", p.target), ("realisasi", p.realisasi)) if isinstance(v, Decimal)]
    return tuple(out)


def _label_subject(computed: ComputedReport, sasaran: set[str], indicators: set[str]) -> _PercentSubject | None:
    """The subject of a label of no kind that names one sasaran or one indicator, with all its own figures
    (:func:`_own_figures`); None for none, or several."""
    if len(sasaran) + len(indicators) != 1:
        return None
    sid = next(iter(sasaran), None)
    ir = None if sid is not None else computed.indikator[next(iter(indicators))]
    figures = _own_figures(computed, sid, ir)
    what = f"sasaran {sid}" if ir is None else f"indikator {ir.id}"
    return _PercentSubject("persentase", what, figures) if figures else None


def _serapan_subject(computed: ComputedReport, segment: str, sasaran: set[str]) -> _PercentSubject | None:
    """The serapan a percentage after a word of it is ("serapan anggaran program 7.01.01", "serapan anggaran sasaran
    S1", "serapan anggaran keseluruhan"): of one program, kegiatan or sub kegiatan, of one sasaran's budget row, of
    the whole budget (a word of the whole, none of a part), or of any part of our budget (:func:`_subject_figures`
    reads an amount so); None for several sasaran, another fund's, last year's or an average."""
    b = computed.anggaran
    if b is None or _OTHER_FUND.search(segment) or _FROM.search(segment) or str(b.tahun - 1) in segment:
        return None
    node = _named_node(b, segment) if not sasaran else None
    if node is not None:
        return (_PercentSubject("serapan", f"{node.level.replace('_', ' ')} {node.kode}",
                                (_Figure(node.serapan, f"anggaran.{node.kode}.serapan"),))
                if node.serapan is not None else None)
    if sasaran:
        rows = [r for r in b.per_sasaran if r.key in sasaran and r.serapan is not None]
        return (_PercentSubject("serapan", f"sasaran {rows[0].key}",
                                (_Figure(rows[0].serapan, f"anggaran.sasaran.{rows[0].key}.serapan"),))
                if len(sasaran) == 1 and len(rows) == 1 else None)
    if not _BUDGET_WORD.search(segment) or b.total.serapan is None:
        return None
    total = _Figure(b.total.serapan, "anggaran.serapan")
    if _TOTAL_WORD.search(segment) and not _PART_WORD.search(segment):
        return _PercentSubject("serapan", "seluruh anggaran", (total,))
    rows = [*((f"anggaran.jenis.{r.key}", r) for r in b.jenis_belanja),
            *((f"anggaran.sasaran.{r.key}", r) for r in b.per_sasaran), *((f"anggaran.{n.kode}", n) for n in b.nodes())]
    parts = [_Figure(r.serapan, f"{path}.serapan") for path, r in rows if r.serapan is not None]
    groups = [_Figure(r.serapan, "") for r in b.kelompok if r.serapan is not None]  # no reference prints them
    return _PercentSubject("serapan", "", (total, *parts, *groups))  # "": any part


def _indicators_before(computed: ComputedReport, segment: str, refs: list[tuple[int, str]],
                       named: list[tuple[_Span, str]], begin: int, start: int) -> set[str]:
    """The indicators the words before a percentage (``segment``, from ``begin`` to ``start``) name: by a ``{nilai}``
    reference, by name or by id."""
    return (_indicators_named(computed, [p for at, p in refs if begin <= at < start])
            | {i for span, i in named if begin <= span.at and span.to <= start} | _ids_typed(computed, segment))


#: A change word whose first value is the percentage after it: "naik dari 93,5 % pada 2024" says a value, not a
#: change.
_CHANGE_FROM = re.compile(r"\b(?:naik|turun|meningkat|menurun|kenaikan|penurunan|peningkatan|bertambah|berkurang)\b"
                          r"(?=(?:\s+[\w-]+){0,3}?\s+dari\s+(?:sebesar\s+)?$)", re.I)


def _year_subject(computed: ComputedReport, year: int, segment: str, label: bool, refs: list[tuple[int, str]],
                  named: list[tuple[_Span, str]], begin: int, start: int, of_pagu: bool) -> _PercentSubject:
    """The subject of a percentage said of another year than the report's (:func:`_year_said`): the capaian (or the
    realisasi, of an indicator in percent) of one indicator that year, or after a label of no kind any of its
    figures that year ("IKU NEK tahun 2022: 116,19 %"). Of no figure (not read) where the data holds none of that
    year (only indicators have earlier years), or the words name no one indicator, or another figure.

    Why: "capaian NEK tahun 2022 sebesar 97 %" passed beside NEK's 116,19 % that year, 97 % being its capaian of
    this year; "capaian sasaran 1 tahun 2023 sebesar 96,5 %", of a year no data holds, was warned of beside this
    year's."""
    none = _PercentSubject("persentase", "", ())
    indicators = _indicators_before(computed, segment, refs, named, begin, start)
    if (len(indicators) != 1 or _sasaran_named(computed, segment) or _SERAPAN_WORD.search(segment) or of_pagu
            or _NOT_OWN_PERCENT.search(_CHANGE_FROM.sub(" ", segment)) or _AVERAGE.search(segment)
            or _NOT_CAPAIAN.search(_REALISASI_WORD.sub(" ", segment))):
        return none
    kind = ("capaian" if _CAPAIAN_WORD.search(segment) else "realisasi" if _REALISASI_WORD.search(segment)
            else "" if label or _REACHED_WORD.search(segment) else None)
    if kind is None:
        return none
    ir = computed.indikator[next(iter(indicators))]
    figures = tuple(f._replace(when=f"tahun {year}") for f in _own_figures(computed, None, ir)
                    if f.path.endswith(f"@{year}") and kind in ("", f.kind))
    return _PercentSubject(kind or "persentase", f"indikator {ir.id}" + ("" if kind else f" tahun {year}"), figures)


#: Between a capaian and the next percentage, a list going on: "capaian sasaran 1 sebesar 97 % dan sasaran 2 …".
_LIST_NEXT = re.compile(r"\s*(?:,|\b(?:dan|serta)\b)", re.I)


def _percent_subject(computed: ComputedReport, line: str, span: tuple[int, int], after: int,
                     refs: list[tuple[int, str]], named: list[tuple[_Span, str]],
                     previous: _PercentSubject | None = None) -> _PercentSubject | None:
    """What the words before the percentage typed at ``span`` say it is (:class:`_PercentSubject`), read as
    :func:`_amount_subject` reads an amount's: from the end of the number before it (``after``) or of its clause, or
    from the start of the label it follows ("Capaian Sasaran 1: 97 %", "- Sasaran 2 — 95,95 %").

    The capaian of one sasaran (by id, number or uraian: :func:`_sasaran_named`), or of one indicator (by a
    ``{nilai}`` reference, ``refs``, its name, ``named``, or its id), of the report period, and an indicator's of
    last year too where the words say so ("tahun lalu", the year before); a serapan (:func:`_serapan_subject`), said
    so or as a realisasi "dari pagu"; and after a label that names one subject and no kind, any of its own figures
    (:func:`_own_figures`). None where they name none, several, a sasaran and an indicator ("capaian indikator
    sasaran 1"), another figure (:data:`_NOT_OWN_PERCENT`), a sasaran's or serapan's of last year (not computed), or
    a year other than the report's or last year in its sentence: the percentage is then read against every computed
    value. A percentage said of another year (:func:`_year_said`) is of that year (:func:`_year_subject`).

    After a capaian (``previous``: the subject of the percentage typed just before), the next one in the list it
    goes on with is a capaian too, of the subject it names: "capaian sasaran 1 sebesar 97 % dan sasaran 2 sebesar 95
    %" (the second, of no word of a kind, was read against every value)."""
    start, tahun = span[0], computed.tahun
    label = _label_before(line, start, after)
    segment = label if label is not None else _words_before(line, start, after, _WINDOW)
    begin = start - len(segment)
    year = _year_said(line, span, tahun)
    if "|" in segment:
        return None
    if year is not None:
        return _year_subject(computed, year, segment, label is not None, refs, named, begin, start,
                             bool(_OF_PAGU.match(line, span[1])))
    if (_NOT_OWN_PERCENT.search(segment)
            or any(int(y) not in (tahun, tahun - 1) for y in _YEAR.findall(_sentence_at(line, start)))):
        return None
    lalu = bool(_LAST_YEAR_WORD.search(segment) or str(tahun - 1) in segment or _FROM.search(segment))
    serapan = _SERAPAN_WORD.search(segment)
    listed = (previous is not None and previous.kind == "capaian" and label is None and begin == after
              and _LIST_NEXT.match(segment) is not None and not (serapan or _NOT_CAPAIAN.search(segment)))
    capaian = listed or _CAPAIAN_WORD.search(segment) is not None
    sasaran = _sasaran_named(computed, segment)
    indicators = _indicators_before(computed, segment, refs, named, begin, start)
    if not capaian and (serapan or _REALISASI_WORD.search(segment) and _OF_PAGU.match(line, span[1])):
        return (None if indicators or _INDICATOR_WORD.search(segment)
                else _serapan_subject(computed, segment, sasaran))
    if label is not None and not (capaian or serapan or _REACHED_WORD.search(segment) or _NOT_CAPAIAN.search(segment)
                                  or lalu or _AVERAGE.search(segment) or _INDICATOR_WORD.search(segment)):
        return _label_subject(computed, sasaran, indicators)
    if not (capaian or _REACHED_WORD.search(segment)) or serapan or _NOT_CAPAIAN.search(segment):
        return None
    if len(sasaran) == 1 and not indicators and not lalu and not _INDICATOR_WORD.search(segment):
        s = computed.sasaran[next(iter(sasaran))]
        return (_PercentSubject("capaian", f"sasaran {s.id}", (_Figure(s.capaian, f"capaian.{s.id}"),))
                if s.capaian is not None else None)
    if len(indicators) != 1 or sasaran or not capaian or _AVERAGE.search(segment):
        return None
    ir = computed.indikator[next(iter(indicators))]
    figures = [_Figure(ir.capaian.value, f"{ir.id}.capaian")] if ir.capaian.value is not None else []
    last = [_Figure(p.capaian.value, f"{ir.id}.capaian@{p.tahun}", f"tahun {p.tahun}") for p in ir.riwayat
            if p.tahun == tahun - 1 and p.capaian.value is not None] if lalu else []
    if not figures or (lalu and not last):
        return None  # no capaian computed: N/A, or last year's said and not in the data
    return _PercentSubject("capaian", f"indikator {ir.id}", (*figures, *last))


def _typed_for(kind: str, typed: str, what: str, value: str, path: str) -> str:
    """The message of a figure typed for one subject that is not its own: the subject, its value and the reference
    that prints it."""
    return (f"{kind} {typed} diketik untuk {what}, padahal {kind}nya {value}; angka ketikan tidak ikut berubah bila "
            f"datanya diubah. Tulis rujukan {{nilai}}`{path}`")


def _percent_subject_finding(rel: str, line_no: int, typed: str, value: Decimal,
                             subject: _PercentSubject) -> Finding:
    """A percentage said of one subject that is none of its figures: the nearest of them (last year's where the words
    say last year and it is the nearer), with the reference that prints it; after a label of no kind, or of a serapan
    of no part named, which figure the nearest is, as :func:`_subject_finding` says an amount's."""
    near = min([f for f in subject.figures if f.path] or subject.figures, key=lambda f: abs(f.value - value))
    shown = f"{near.when} {fmt.fmt_percent(near.value)}".strip()
    if subject.what and subject.kind != "persentase":
        return Finding("warning", Loc(rel, line_no), _typed_for(subject.kind, typed, subject.what, shown, near.path),
                       "angka-diketik")
    said = f" untuk {subject.what}" if subject.what else ""
    own = (f"angka {subject.what} mana pun menurut hitungan laporan ini" if subject.what else
           "serapan anggaran mana pun menurut hitungan laporan ini (program, kegiatan, sub kegiatan, jenis belanja, "
           "sasaran atau seluruhnya)")
    nearest = f"{near.kind} {shown}" if near.kind else shown
    return Finding("warning", Loc(rel, line_no), f"{subject.kind} {typed} diketik{said}, padahal tidak sama dengan "
                   f"{own}; yang terdekat {nearest}; angka ketikan tidak ikut berubah bila datanya diubah. Tulis "
                   f"rujukan {{nilai}}`{near.path}`, atau rujukan lain yang dimaksud", "angka-diketik")


def _blanked(raw: str) -> tuple[str, list[tuple[int, str]]]:
    """A line as the typed numbers are read in it: each code span one space, the emphasis around numbers moved
    (:func:`.prose.unemphasised`); and the path of each ``{nilai}`` reference with where it stands in that line, so
    that a typed percentage is read with the indicator a reference before it names."""
    pieces: list[str] = []
    refs: list[tuple[int, str]] = []
    at = size = 0
    for m in CODE_SPAN.finditer(raw):
        pieces.append(raw[at:m.start()])
        size += m.start() - at
        if m.group(1) == "{nilai}":
            refs.append((size, m.group(0)[len("{nilai}`"):-1].strip()))
        pieces.append(" ")
        size, at = size + 1, m.end()
    pieces.append(raw[at:])
    return unemphasised("".join(pieces)), refs


def _percent_candidates(computed: ComputedReport) -> list[Decimal]:
    out: list[Decimal] = []
    for ir in computed.indikator.values():
        out += [r.value for r in (ir.capaian, ir.kemajuan) if r is not None and r.value is not None]
        out += [p.capaian.value for p in ir.riwayat if p.capaian.value is not None]
        out += [q.capaian.value for q in ir.triwulan if q.capaian.value is not None]
        if ir.satuan.strip() == "%":
            out += [v for p in ir.riwayat for v in (p.target, p.realisasi) if isinstance(v, Decimal)]
        if ir.delta is not None:
            out.append(abs(ir.delta))
    out += [s.capaian for s in computed.sasaran.values() if s.capaian is not None]
    if computed.rata_rata is not None:
        out.append(computed.rata_rata)
    b = computed.anggaran
    if b is not None:
        rows = [b.total, *b.jenis_belanja, *b.kelompok, *b.per_sasaran]
        out += [x.serapan for x in [*b.nodes(), *rows] if x.serapan is not None]
        if b.perubahan:
            out += [abs(v) for v in (b.perubahan.persen_pagu, b.perubahan.persen_realisasi,
                                     b.perubahan.serapan_lalu) if v is not None]
    for row in [*computed.efisiensi, *computed.efisiensi_sasaran]:
        if row.result.value is not None:
            out.append(abs(row.result.value))
    # the shares of indicators reaching their targets ("86,36 % indikator mencapai target"), the report's and each
    # sasaran's
    out += [f.value for f in computed.figures.values()
            if f.id.endswith(".persen_mencapai_target") and isinstance(f.value, Decimal)]
    return out


def _percent_allowed(computed: ComputedReport) -> set[Decimal]:
    """Round figures a text may state without computing them: 0, 100, scale boundaries, the ±5 band."""
    allowed = {Decimal(0), Decimal(100), Decimal(5)}
    for c in computed.scale.classes:
        allowed |= {v for v in (c.min, c.max) if v is not None}
    return allowed


def _money_candidates(computed: ComputedReport) -> list[Decimal]:
    b = computed.anggaran
    if b is None:
        return []
    out: list[Decimal] = []
    rows = [b.total, *b.jenis_belanja, *b.kelompok, *b.per_sasaran]
    for x in [*b.nodes(), *rows]:
        out += [x.pagu, x.realisasi, x.sisa]
    if b.pagu_awal is not None:  # the pagu before the APBD Perubahan, and by how much it changed
        out += [b.pagu_awal, abs(b.total.pagu - b.pagu_awal)]
        out += [v for n in b.nodes() for v in (n.pagu_awal, abs(n.pagu - n.pagu_awal))]
        out += [v for x in rows if x.pagu_awal is not None for v in (x.pagu_awal, abs(x.pagu - x.pagu_awal))]
    if b.perubahan:
        p = b.perubahan
        out += [p.pagu_lalu, p.realisasi_lalu, abs(p.selisih_pagu), abs(p.selisih_realisasi)]
    out += list(b.realisasi_tw.values())
    return out


#: A percentage in words: "seratus persen", "delapan puluh enam persen", with its decimals after "koma" ("sembilan
#: puluh tujuh koma lima persen", read as "lima persen": a number the author never wrote).
_WORD_PERCENT = re.compile(f"({NUMBER_WORDS})(?:\\s+koma\\s+({NUMBER_WORDS}))?\\s+(?:persen|prosen)\\b", re.I)
#: A share said as a fraction ("setengah dari indikator", "dua pertiga indikator"), or as more than half ("sebagian
#: besar indikator", "mayoritas indikator"): read only before the words of a share (:data:`_SHARE`), where it is a
#: claim about the indicators; "setengah tahun" is a period.
_WORD_SHARE = re.compile(rf"({FRACTION_WORDS})|(?<![\w-])(sebagian\s+besar|mayoritas)(?![\w-])", re.I)


def _typed_percents(line: str) -> Iterator[tuple[re.Match[str], Decimal, int]]:
    """Each percentage typed in a line, in digits or in words, with its value and the decimals written.

    Why: "Seratus persen indikator mencapai target" beside 19 of 22 passed; only digits were read."""
    for m in PERCENT.finditer(line):
        yield m, *from_id_parts(m.group(1), m.group(2))
    for m in _WORD_PERCENT.finditer(line):
        said = decimal_from_words(m.group(1), m.group(2))
        if said is not None:
            yield m, *said


@dataclass(frozen=True, slots=True)
class _Bound:
    """What the words before a typed share make of it: a bound ("lebih dari 60 %": ``>``), or the upper end of a
    range whose lower end is ``low`` ("antara 60 dan 70 %")."""

    op: str  # ">", "<", ">=", "<=" or "range"
    text: str  # the words, as typed
    low: Decimal = Decimal(0)

    def keeps(self, share: Decimal, value: Decimal) -> bool:
        """Whether ``share`` (rounded as the bound is typed) is within the bound ``value`` sets."""
        return self.low <= share <= value if self.op == "range" else _COMPARE[self.op](share, value)


_COMPARE = {">": operator.gt, "<": operator.lt, ">=": operator.ge, "<=": operator.le}


#: Before a typed percentage, the words that make it a bound, not a figure: "lebih dari 60 %", "kurang dari",
#: "di atas", "minimal", "paling banyak", "≥"; or the upper end of a range, "antara 60 dan 70 %", "60–70 %", "60 %
#: s.d. 70 %" (its lower end in ``low``). Such a number was read as a figure: "Lebih dari 60 % indikator mencapai
#: target", true beside 66,67 %, was warned of, and so was "capaian antara 80 dan 90 persen". A sasaran's number is no
#: lower end: "Sasaran 2 — 95,95 %" was read as a range from 2 and passed, right or wrong.
_LOW = rf"(?P<low>(?P<whole>\d{{1,3}}(?:\.\d{{3}})*|\d+)(?:[,.](?P<frac>\d+))?|{NUMBER_WORDS})\s*(?:%|persen\b)?"
_BOUND_WORDS = re.compile(
    r"(?:(?P<le>\btidak\s+lebih\s+dari(?:pada)?|\bmaksimal|\bpaling\s+(?:banyak|tinggi)|\bsebanyak-banyaknya|≤|<=)"
    r"|(?P<gt>\blebih\s+(?:(?:besar|tinggi|banyak)\s+)?dari(?:pada)?|\bdi\s+atas|\bmelebihi|>)"
    r"|(?P<lt>\bkurang\s+dari(?:pada)?|\blebih\s+(?:kecil|rendah|sedikit)\s+dari(?:pada)?|\bdi\s+bawah|<)"
    r"|(?P<ge>\bminimal|\bsekurang-kurangnya|\bsetidak(?:-tidak)?nya|\bpaling\s+(?:sedikit|rendah)|≥|>=)"
    rf"|(?P<range>(?:(?P<between>\bantara\s+)|(?<![\w.,])(?<!sasaran\s)){_LOW}\s*"
    r"(?(between)dan\b|(?:[–—-]|\bs\.?\s?d\.?|\bsampai\s+dengan))))"
    r"\s*(?:sebesar\s+|sekitar\s+)?$", re.I)
#: After a typed percentage, the words that make it the lower end of a range: "60 % – 70 %", "60 % s.d. 70 %"; and
#: "dan" after "antara" before it ("antara 80 % dan 90 %"; "97,8 % dan 98 %" lists two figures).
_RANGE_AFTER = re.compile(rf"\s*(?:[–—-]|s\.?\s?d\.?|sampai\s+dengan)\s*(?:\d|{NUMBER_WORDS})", re.I)
_BETWEEN_AFTER = re.compile(rf"\s*dan\s+(?:\d|{NUMBER_WORDS})", re.I)
_BETWEEN_BEFORE = re.compile(r"\bantara\s*$", re.I)


def _range_low(line: str, m: re.Match[str]) -> bool:
    """Whether a typed percentage is the lower end of a range (:data:`_RANGE_AFTER`)."""
    return bool(_RANGE_AFTER.match(line, m.end()) or _BETWEEN_AFTER.match(line, m.end())
                and _BETWEEN_BEFORE.search(line, 0, m.start()))


def _bound(line: str, m: re.Match[str]) -> _Bound | None:
    """The bound the words before a typed percentage make of it (:data:`_BOUND_WORDS`), or None for a figure."""
    found = _BOUND_WORDS.search(line, max(0, m.start() - 80), m.start())
    if found is None:
        return None
    op = next(k for k in ("le", "gt", "lt", "ge", "range") if found.group(k))
    if op != "range":
        return _Bound({"le": "<=", "gt": ">", "lt": "<", "ge": ">="}[op], found.group(0))
    low = (from_id_parts(found.group("whole"), found.group("frac")) if found.group("whole")
           else decimal_from_words(found.group("low")))
    return _Bound(op, found.group(0), low[0]) if low is not None else None


def _holds(bound: _Bound | None, value: Decimal, places: int, shares: Iterable[Decimal]) -> bool:
    """Whether some share, rounded as typed, is ``value``, or keeps the bound the words before it set."""
    rounded = (round_half_up(share, places) for share in shares)
    return any(s == value if bound is None else bound.keeps(s, value) for s in rounded)


def _claimed_shares(computed: ComputedReport, text: str) -> list[Decimal]:
    """The shares of indicators reaching their targets a text about them may state: of the sets it names
    (:func:`_claimed_sets`)."""
    found = (computed.figures.get(f"{p}.persen_mencapai_target") for p, _ in _claimed_sets(computed, text))
    return [f.value for f in found if f is not None and isinstance(f.value, Decimal)]


def _matches(value: Decimal, places: int, candidates: Iterable[Decimal]) -> bool:
    return any(round_half_up(c, places) == value for c in candidates)


def check_typed_numbers(report: Report, computed: ComputedReport,
                        claimed: Mapping[tuple[str, int], list[tuple[int, int]]] | None = None,
                        said: Iterable[tuple[str, int, Decimal]] = ()) -> list[Finding]:
    """Percentages and rupiah amounts typed in the narrative that equal no computed value (warning).

    Derived numbers belong in ``{nilai}`` references; a typed one drifts (a real LKjIP 2022 printed its average as 97,8 /
    97,86 / 97,57). Round figures (0, 100, the scale's boundaries) are allowed. ``claimed``: the cells of pasted
    tables read against the one indicator or budget node of their row (:func:`.pasted.claimed_cells`), left here so
    that a wrong capaian is said once, with its indicator; ``said``: the percentages (file, line, value) already
    read against the one indicator of their sentence (:func:`check_typed_figures_of`), for the same reason.

    A percentage whose words name one subject (:func:`_percent_subject`: "capaian sasaran S1", "Sasaran 2
    tercapai", "capaian IKU NEK", "serapan anggaran program 7.01.01") is read against that subject's figures only:
    compared with every value, "Capaian sasaran S1 sebesar 102,50 %" passed because 102,50 % is another indicator's
    capaian. As with amounts (:func:`_amount_subject`), where the words name none or several, every value. So is a
    capaian typed without "%" (:func:`_bare_capaian`): "capaian kinerja sasaran S1 tahun 2023 adalah 102,50" passed
    as A's.
    """
    said = set(said)
    pct, money = _percent_candidates(computed), _money_candidates(computed)
    allowed = _percent_allowed(computed)
    names = _IndicatorNames.of(computed)
    out = []
    for ch in report.chapters:
        for line_no, raw in lines(ch):
            for a, b in (claimed or {}).get((ch.rel, line_no), ()):
                raw = raw[:a] + " " * (b - a) + raw[b:]
            line, refs = _blanked(raw)
            percents = sorted(_typed_percents(line), key=lambda t: t[0].start())
            named = names.find(line)[0] if percents else []
            end, last = 0, None
            for m, v, places in percents:
                after, end = end, m.end()
                previous, last = last, None
                share = _SHARE.match(line, m.end())
                # "100 % indikator mencapai target" is the share, not a round figure: it passed beside 19 of 22
                shares = _claimed_shares(computed, line) if share and not _OTHER_SET.search(share.group(0)) else []
                bound = _bound(line, m)
                if shares:
                    wrong = not _holds(bound, v, places, shares)
                elif bound is not None or _range_low(line, m):
                    continue  # a threshold or a range ("target minimal 85 %", "antara 80 % dan 90 %"), no figure
                elif (ch.rel, line_no, v) in said:
                    continue  # said with its indicator: "capaian 41 % diketik untuk indikator NEK"
                elif subject := _percent_subject(computed, line, m.span(), after, refs, named, previous):
                    # "capaian sasaran S1 sebesar 102,50 %": S1's own, not any computed value (A's capaian passed)
                    last = subject
                    if subject.figures and not _matches(v, places, (f.value for f in subject.figures)):
                        out.append(_percent_subject_finding(ch.rel, line_no, _as_typed(m.group(0)), v, subject))
                    continue  # of no figure: another year's, not in the data
                else:
                    wrong = v not in allowed and not _matches(v, places, pct)
                if wrong:
                    typed = _as_typed((bound.text + " " if bound and shares else "") + m.group(0))
                    out.append(_share_finding(computed, ch.rel, line_no, line, m, f"persentase {typed}", bool(shares),
                                              bool(bound and shares)))
            out += _fraction_shares(computed, ch.rel, line_no, line)
            if money:
                after, subject = 0, None
                for m, v, places, scale in sorted(_typed_amounts(line), key=lambda t: t[0].start()):
                    subject = _amount_subject(computed, line, m.span(), after, subject)
                    after = m.end()
                    if subject is not None and computed.anggaran is not None:
                        figures = [c for c, _ in _subject_figures(computed.anggaran, subject)]
                        if figures and not _matches(v, places, (c / scale for c in figures)):
                            out.append(_subject_finding(computed.anggaran, subject, ch.rel, line_no,
                                                        _words(m.group(0)), v, places, scale))
                    elif not _matches(v, places, (c / scale for c in money)):
                        out.append(Finding("warning", Loc(ch.rel, line_no), f"jumlah {_words(m.group(0))} "
                                           "diketik langsung dan tidak sama dengan nilai anggaran hasil perhitungan "
                                           "mana pun; " + _amount_advice(computed, v * scale), "angka-diketik"))
        before: tuple[Sentence | None, _PercentSubject | None] = (None, None)
        for sentence, m, v, places in _bare_capaian(ch):
            line_no = sentence.line_at(m.start())
            previous = before[1] if before[0] is sentence else None
            before = (sentence, None)
            if (ch.rel, line_no, v) in said:
                continue  # said with its indicator ("capaian 81,5 diketik untuk indikator C")
            subject = _percent_subject(computed, sentence.plain, m.span(), _number_before(sentence.plain, m.start()),
                                       [(r.start(), r.group(1).strip()) for r in _REF.finditer(sentence.text)],
                                       names.find(sentence.plain)[0], previous)
            before = (sentence, subject)
            if subject is not None:  # "capaian sasaran S1 tahun 2023 adalah 102,50": S1's (A's passed)
                if subject.figures and not _matches(v, places, (f.value for f in subject.figures)):
                    out.append(_percent_subject_finding(ch.rel, line_no, _as_typed(m.group(0)), v, subject))
                continue
            if v in allowed or _matches(v, places, pct):
                continue  # round, or right
            out.append(Finding("warning", Loc(ch.rel, line_no), f"capaian {_as_typed(m.group(0))} diketik langsung "
                               "(tanpa %, dibaca sebagai persen) dan tidak sama dengan nilai hasil perhitungan mana "
                               f"pun; {_bare_advice(computed, m.string[:m.start()])}", "angka-diketik"))
    return out


#: The words before a capaian typed without "%": "capaian kinerja sasaran 1 sebesar 97,87", "capaiannya adalah
#: 81,5", "rata-rata capaian kinerja tahun 2023 mencapai 97,87": "capaian", what it is of (kinerja, indikator, a
#: sasaran and its number or id, a year), and a word that states it, right before the number.
_BARE_SASARAN = r"(?:\s+sasaran(?:\s+strategis)?(?:\s+(?:ke-?\s*)?[\w.-]+)?)"
_BARE_STATED = (r"(?:\s+(?:pada\s+)?tahun\s+(?:ini|\d{4})\b)?"
                r"\s+(?:sebesar|mencapai|adalah|yaitu|ialah|senilai|tercatat)\s*:?\s*(?=\d)")
_BARE_CAPAIAN = re.compile(rf"\bcapaian(?:nya)?\b(?:\s+(?:kinerja|indikator)\b)*{_BARE_SASARAN}?{_BARE_STATED}", re.I)
#: After such a capaian, the next sasaran's in a list: "capaian sasaran 1 sebesar 97 dan sasaran 2 sebesar 95" (the
#: second passed unread).
_BARE_NEXT = re.compile(rf"\s*(?:,\s*(?:(?:dan|serta)\b)?|\b(?:dan|serta)\b){_BARE_SASARAN}{_BARE_STATED}", re.I)
#: What may follow such a capaian: the end of its clause or a word joining the next; not "dari" ("capaian mencapai 3
#: dari 4 indikator" is a count) nor any other word ("mencapai 3 indikator", "sebesar 97 poin").
_BARE_END = re.compile(r"\s*(?:[.,;)]|$|\b(?:dan|atau|sehingga|dengan|yang|pada)\b)", re.I)


def _number_before(plain: str, start: int) -> int:
    """Where the percentage or capaian typed last before ``start`` in a sentence ends (0 for none): the words about a
    number typed at ``start`` begin there at the earliest (:func:`_words_before`); a year or a sasaran's number in
    them is none ("capaian sasaran 1 tahun 2023 adalah 97,87")."""
    figures = [*PERCENT.finditer(plain, 0, start), *(m for m, _, _ in _bare_figures(plain[:start]))]
    return max([0, *(n.end() for n in figures)])


def _bare_capaian(ch: Chapter) -> Iterator[tuple[Sentence, re.Match[str], Decimal, int]]:
    """Each capaian typed without "%" in a chapter's sentences (:func:`_bare_figures`), with its sentence. Not in a
    table row: a pasted table is read by its columns.

    Why: "capaian kinerja sasaran 1 sebesar 97,87" (the "%" left out) passed unread, right or wrong; only a number
    with "%" was read as a percentage, and one without only in a sentence about one indicator."""
    for s in sentences(ch):
        if not s.plain.lstrip().startswith("|"):
            for m, v, places in _bare_figures(s.plain):
                yield s, m, v, places


def _bare_figures(plain: str) -> Iterator[tuple[re.Match[str], Decimal, int]]:
    """Each capaian typed without "%" in a sentence, after its words (:data:`_BARE_CAPAIAN`): the number's match, its
    value as a percent and the decimals typed; not a year ("capaian tahun ini sebesar 2023" is none)."""
    for words in _BARE_CAPAIAN.finditer(plain):
        more: re.Match[str] | None = words
        while more is not None:
            m = _TYPED_FIGURE.match(plain, more.end())
            if (m is None or m.group(3) or not _BARE_END.match(plain, m.end())
                    or (m.group(2) is None and _YEAR.fullmatch(m.group(1)))):
                break
            yield m, *from_id_parts(m.group(1), m.group(2))
            more = _BARE_NEXT.match(plain, m.end())  # "… sebesar 97 dan sasaran 2 sebesar 95": the next


def _bare_advice(computed: ComputedReport, before: str) -> str:
    """What to write instead of a capaian typed without "%": the average's or the sasaran's the words before it name
    ("rata-rata capaian", "sasaran S1", "sasaran 1": the first), with its value; else an indicator's or sasaran's."""
    named = _sasaran_named(computed, before[-_WINDOW:])
    found = computed.sasaran[named.pop()] if len(named) == 1 else None
    if found is not None and found.capaian is not None:
        return (f"capaian sasaran {found.id} menurut hitungan laporan ini {fmt.fmt_percent(found.capaian)}. Tulis "
                f"rujukan {{nilai}}`capaian.{found.id}`")
    return "tulis rujukan {nilai}`<id indikator>.capaian` atau {nilai}`capaian.<id sasaran>`"


def _share_finding(computed: ComputedReport, rel: str, line_no: int, line: str, m: re.Match[str], typed: str,
                   share: bool, bound: bool = False) -> Finding:
    """A typed percentage (or a share said in words) that no computed value, or not the share it claims, has; a
    bound ("lebih dari 90 %") is not kept by the share, rather than unequal to it."""
    differs = (f"tidak {'sesuai' if bound else 'sama'} dengan persentase indikator mencapai target yang dihitung"
               if share else "tidak sama dengan nilai hasil perhitungan mana pun")
    return Finding("warning", Loc(rel, line_no), f"{typed} diketik langsung dan {differs}; "
                   + _percent_advice(computed, line, m.end()), "angka-diketik")


def _fraction_shares(computed: ComputedReport, rel: str, line_no: int, line: str) -> list[Finding]:
    """A share of indicators reaching their targets said in words, "setengah dari indikator mencapai target", "dua
    pertiga indikator tercapai", "sebagian besar indikator mencapai target" (more than half), that the computed
    share is not (warning ``angka-diketik``).

    Why: only a share in digits or in "… persen" was read, so "Setengah dari indikator mencapai target" beside 2 of 3
    passed. Read only before the words of a share (:data:`_SHARE`): "setengah tahun" is no claim; a fraction after
    a word of a bound ("lebih dari setengah") is read as that bound."""
    out = []
    for m in _WORD_SHARE.finditer(line):
        share = _SHARE.match(line, m.end())
        shares = _claimed_shares(computed, line) if share and not _OTHER_SET.search(share.group(0)) else []
        if share is None or not shares:
            continue
        fraction = fraction_from_words(m.group(1)) if m.group(1) else None
        if m.group(1) and fraction is None:
            continue
        bound = _bound(line, m) if fraction is not None else _Bound(">", "")
        value = round_half_up(Decimal(fraction.numerator) * 100 / fraction.denominator if fraction else 50, 2)
        if not _holds(bound, value, 2, shares):
            typed = _words((bound.text + " " if bound and bound.text else "") + m.group(0) + share.group(0))
            out.append(_share_finding(computed, rel, line_no, line, m, f"'{typed}'", True, True))
    return out


#: "… % indikator mencapai target", "… % dari seluruh indikator sasaran S1 telah tercapai": the share of indicators
#: reaching their targets; "belum" or "tidak" among the words makes it the share below target, not read here.
_SHARE = re.compile(r"\s*(?:dari\s+)?(?:(?:seluruh|semua|total|jumlah)\s+)?indikator\b"
                    r"(?:\s+(?!belum\b|tidak\b)[\w-]+){0,4}?\s+(?:(?:mencapai|memenuhi|melampaui)\s+target|tercapai)\b",
                    re.I)


def _percent_advice(computed: ComputedReport, line: str, end: int) -> str:
    """What to write instead of a typed percentage: for the share of indicators reaching their targets, the reference
    that prints it and its value (the report's, or the sasaran's the words name); else any ``{nilai}``.

    Why: "Sebanyak 67,50 % indikator mencapai target" was told "gunakan rujukan {nilai}`...`", and the author had to
    find that ``indikator.persen_mencapai_target`` exists."""
    share = _SHARE.match(line, end)
    if share is None:
        return "gunakan rujukan {nilai}`...`"
    named = [s for s in computed.sasaran.values() if re.search(rf"(?<![\w-]){re.escape(s.id)}(?![\w-])",
                                                               share.group(0))]
    prefix, counts = (f"sasaran.{named[0].id}", named[0].jumlah) if named else ("indikator", computed.jumlah)
    figure = computed.figures.get(f"{prefix}.persen_mencapai_target")
    if figure is None or counts is None:
        return "gunakan rujukan {nilai}`...`"
    value = fmt.fmt_percent(figure.value) if isinstance(figure.value, Decimal) else fmt.NA
    return (f"menurut hitungan laporan ini {value} indikator mencapai target ({len(counts.mencapai)} dari "
            f"{len(counts.terukur)} indikator terukur). Tulis rujukan {{nilai}}`{prefix}.persen_mencapai_target`")


#: A ``{nilai}`` reference as a chapter's text holds it; its path in group 1.
_REF = re.compile(r"\{nilai\}`([^`]+)`")
#: The words before a figure typed about one indicator, its kind in ``kind``: "capaian 105 %", "capaiannya sebesar
#: 105 %", "realisasi 84,28", "dari target 73"; the indicator named between them ("Capaian {nilai}`NEK.nama` tahun
#: ini sebesar 116,91 %", "Realisasi Indeks Kepatuhan … sebesar 85,32": its reference or name blanked to spaces).
_FIGURE_BEFORE = re.compile(r"\b(?P<kind>capaian|realisasi|target)(?:nya)?\b(?:\s+(?:kinerja|indikator)\b)*"
                            r"(?:\s+(?:pada\s+)?tahun\s+(?:ini|\d{4})\b)?"
                            r"(?:\s+(?:sebesar|mencapai|adalah|yaitu|ialah|senilai|sebanyak|sejumlah|berjumlah|"
                            r"tercatat|hanya|baru|telah|sudah))*\s*[:(]?\s*(?:\*{1,2}|_{1,2})?$", re.I)
#: A number typed in a sentence, id-ID (``84,82``, ``1.250``) or with a decimal point (``84.82``), the emphasis
#: that closes after it (``**84,28**``) and the percent sign or word after it (group 3).
_TYPED_FIGURE = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:[,.](\d+))?(?![.,]?\d)(?:\*{1,2}|_{1,2})?"
                           r"(\s?(?:%|persen\b|prosen\b))?", re.I)
#: What may follow a figure typed without "%": the end of its clause or a word joining the next ("84,28 dari target
#: 73"); any other word makes it a count of something else ("capaian 3 indikator"), not read.
_FIGURE_END = re.compile(r"\s*(?:[.,;:)]|$|\b(?:dari|dan|atau|sehingga|dengan|yang|terhadap|pada|atas|dibanding)\b)",
                         re.I)
#: A sentence whose percentage may be another capaian than the indicator's of the report year.
#: The words and signs after which a percentage is another's than the indicator referenced before them: "{nilai}`K02.
#: nama` memperoleh capaian 97,76 %, sedangkan administrasi kepegawaian capaiannya 88,71 %".
_CONTRAST = re.compile(r";|\b(?:sedangkan|sementara|adapun|namun|tetapi|padahal|dibanding(?:kan)?|daripada)\b", re.I)
#: How far before a percentage the words announcing it are looked for: the whole text before it was searched for each
#: percentage, a time growing with the square of a long paragraph's length.
_WINDOW = 160
_OTHER_CAPAIAN = re.compile(r"\b(?:rata-?rata|sasaran|renstra|kemajuan|serapan|anggaran|efisiensi|triwulan|tw)\b",
                            re.I)


def _indicators_named(computed: ComputedReport, paths: list[str]) -> set[str]:
    """The indicators whose figures a sentence's ``{nilai}`` paths print (``DOK.capaian``, ``DOK.realisasi@2022``):
    the checks that read a typed word against one indicator read only a sentence that names exactly one."""
    return {p.partition("@")[0].rpartition(".")[0] for p in paths} & set(computed.indikator)


#: A word of a sentence as names are matched against it: what lies between spaces.
_WORD = re.compile(r"\S+")
#: What may stand before a name's first word in its word ("(Indeks", "**Indeks"), as a pattern's ``(?<![\w-])``.
_LEAD = re.compile(r"^(?:.*[^\w-])?")


class _Span(NamedTuple):
    """Where a name is mentioned in a sentence (as a match's ``start()`` and ``end()``)."""

    at: int
    to: int

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.to


@dataclass(frozen=True, slots=True)
class _IndicatorNames:
    """The indicators' names as a text pasted from a Word report types them: each name's words (casefolded, longest
    name first under its first word: one name may begin another's), and the indicator of each name as folded.
    Names of one word are left out: a word like that is no sure mention.

    Matched word by word (:meth:`find`), not by one pattern of every name: compiling that pattern took about 4 ms a
    report, three times a report, a tenth of ``check`` at N = 100."""

    by_first: dict[str, tuple[tuple[str, ...], ...]]
    ids: dict[str, str]

    @staticmethod
    def of(computed: ComputedReport) -> _IndicatorNames:
        ids = {" ".join(ir.nama.split()).casefold(): ir.id for ir in computed.indikator.values()
               if len(ir.nama.split()) > 1}
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for name in sorted(ids, key=lambda n: (-len(n), n)):
            words = tuple(name.split())
            by_first.setdefault(words[0], []).append(words)
        return _IndicatorNames({k: tuple(v) for k, v in by_first.items()}, ids)

    def find(self, plain: str) -> tuple[list[tuple[_Span, str]], str]:
        """The indicators a sentence names by their names, each with its mention, and the sentence with the names
        blanked to spaces (same length): the words around a name are read as if it were a reference. A name's words
        stand apart by spaces; its first may follow a sign in its word ("(Indeks"), its last be followed by one
        ("Masyarakat),"), as a name in a pattern between ``(?<![\\w-])`` and ``(?![\\w-])``."""
        if not self.by_first:
            return [], plain
        words = [(m.start(), m.group(0)) for m in _WORD.finditer(plain)]
        found: list[tuple[_Span, str]] = []
        i = 0
        while i < len(words):
            at, word = words[i]
            lead = _LEAD.match(word).end()
            first = word[lead:]
            for name in self.by_first.get(first.casefold(), ()) if len(first.casefold()) == len(first) else ():
                to = _name_ends(name, words, i + 1)
                if to is not None:
                    found.append((_Span(at + lead, to), self.ids[" ".join(name)]))
                    i += len(name) - 1
                    break
            i += 1
        for span, _ in found:
            plain = plain[:span.at] + " " * (span.to - span.at) + plain[span.to:]
        return found, plain


def _name_ends(name: tuple[str, ...], words: list[tuple[int, str]], i: int) -> int | None:
    """Where a name whose first word is the word before ``words[i]`` ends, if the next words are its others: the
    middle ones whole, the last one whole or followed by a sign that is no letter, digit or hyphen."""
    if i + len(name) - 1 > len(words):
        return None
    for k, want in enumerate(name[1:-1]):
        if words[i + k][1].casefold() != want:
            return None
    at, word = words[i + len(name) - 2]
    last = name[-1]
    head = word[:len(last)]
    if head.casefold() != last or len(head.casefold()) != len(head):
        return None
    rest = word[len(last):]
    if rest and (rest[0].isalnum() or rest[0] in "_-"):
        return None
    return at + len(last)


def _figure_values(ir: IndicatorResult, kind: str) -> list[Decimal]:
    """The figures of the report year a typed capaian, realisasi or target of an indicator may be: a quarterly
    report's target is the one s.d. the quarter or the year's."""
    values = {"capaian": [ir.capaian.value], "realisasi": [ir.realisasi],
              "target": [ir.target, ir.target_tahunan]}[kind]
    return [v for v in values if isinstance(v, Decimal)]


def _read_as(ir: IndicatorResult, kind: str, m: re.Match[str], plain: str) -> bool:
    """Whether a number typed after the word of ``kind`` is that figure of the indicator: with "%" a capaian, or
    the realisasi or target of an indicator in percent ("melampaui target 100 %" of an index is the capaian's);
    without, one that ends its clause ("capaian sebesar 111,19.", not "capaian 3 indikator"), or a realisasi or
    target before its unit ("realisasi 13 orang"); never a year."""
    if m.group(3):
        return kind == "capaian" or ir.satuan.strip() == "%"
    if m.group(2) is None and _YEAR.fullmatch(m.group(1)):
        return False
    unit = ir.satuan.strip().casefold()
    after = plain[m.end():m.end() + 40].lstrip().casefold()
    return bool(_FIGURE_END.match(plain, m.end())) or (kind != "capaian" and bool(unit) and after.startswith(unit))


def _data_loc(report: Report, ir: IndicatorResult, kind: str, tahun: int | None = None) -> Loc:
    """Where the report year's (or ``tahun``'s) realisasi or target of an indicator is written, so that the author
    who finds the typed number right can go and correct the data; the indicator's line when the year has no line of
    its own."""
    ind = report.data.indikator.get(ir.id)
    year = report.tahun if tahun is None else tahun
    values = (ind.realisasi if kind == "realisasi" else ind.target).get(year) if ind is not None else None
    where = values.loc_of("tahunan") if values is not None else None
    return where or (loc_of(ind, kind, "id") if ind is not None else ir.loc)


def _figure_finding(report: Report, rel: str, line: int, ir: IndicatorResult, kind: str, typed: str) -> Finding:
    """A capaian, realisasi or target typed for one indicator, not its own: which figure the data has, and where."""
    if kind == "capaian":
        return Finding("warning", Loc(rel, line), _typed_for("capaian", typed, f"indikator {ir.id}",
                                                             fmt.fmt_percent(ir.capaian.value), f"{ir.id}.capaian"),
                       "angka-diketik")
    value, where = (ir.realisasi if kind == "realisasi" else ir.target), _data_loc(report, ir, kind)
    percent = " %" if ir.satuan.strip() == "%" else ""
    return Finding("warning", Loc(rel, line),
                   f"{kind} {typed} diketik untuk indikator {ir.id}, padahal {kind}nya menurut data "
                   f"{fmt.fmt_value_entered(value)}{percent} ({where.file}:{where.line}); angka yang diketik dua kali "
                   f"bisa berbeda. Tulis rujukan {{nilai}}`{ir.id}.{kind}`, atau bila angka ketikan yang benar, "
                   "perbaiki datanya", "angka-diketik")


def check_typed_figures_of(report: Report,
                           computed: ComputedReport) -> tuple[list[Finding], set[tuple[str, int, Decimal]]]:
    """A capaian, realisasi or target typed in a sentence about one indicator that is not that indicator's (warning
    ``angka-diketik``); and each (file, line, value) so said, for :func:`check_typed_numbers` to leave.

    Why: "Indikator {nilai}`DOK.nama` mencapai capaian 105 %" passed while DOK computes 98,50 %: a typed
    percentage was only compared with every computed value, and 105 is the organisation's average of 104,59 %
    as a whole number (another indicator's capaian copied from the row above passed the same way). A realisasi
    typed in the text was not read at all: a real LKjIP 2023 printed IKKI's as 85,79 in one place and 85,32 in
    another, and "Realisasi IKKI … sebesar 85,32" passed beside the data's 85,79; nor a sentence pasted from a Word
    report, which names the indicator by its name, not by a reference. Read only where the references or names name
    one indicator and the number follows the word "capaian", "realisasi" or "target", of the report year, and not
    after a word of contrast ("sedangkan", "dibandingkan") that follows the indicator's mention."""
    out: list[Finding] = []
    said: set[tuple[str, int, Decimal]] = set()
    tahun = str(report.tahun)
    names = _IndicatorNames.of(computed)
    for ch in report.chapters:
        for s in sentences(ch):
            refs = [m.group(1).strip() for m in _REF.finditer(s.text)]
            named, plain = names.find(s.plain)
            about = _indicators_named(computed, refs) | {i for _, i in named}
            if len(about) != 1:
                continue
            ir = computed.indikator[next(iter(about))]
            moved, spans = _typed_from_to(report, computed, ch.rel, s, plain, ir, refs)
            out += moved
            said |= {(f.loc.file, f.loc.line, v) for f, v in moved.items()}
            if (any("@" in p for p in refs) or _OTHER_CAPAIAN.search(plain)
                    or any(y != tahun for y in _YEAR.findall(plain))):
                continue
            # where the indicator's mentions and the words of contrast end, in order (read once per sentence)
            marks = sorted([(r.end(), True) for r in _REF.finditer(s.text)
                            if r.group(1).strip().rpartition(".")[0] == ir.id]
                           + [(n.end(), True) for n, _ in named]
                           + [(c.end(), False) for c in _CONTRAST.finditer(plain)])
            ends = [e for e, _ in marks]
            for m in _TYPED_FIGURE.finditer(plain):
                words = _FIGURE_BEFORE.search(plain[max(0, m.start() - _WINDOW):m.start()])
                if words is None or any(a <= m.start() < b for a, b in spans):
                    continue
                kind = words.group("kind").casefold()
                values = _figure_values(ir, kind)
                before = bisect.bisect_right(ends, m.start())
                if not values or (before and not marks[before - 1][1]) or not _read_as(ir, kind, m, plain):
                    continue  # no figure to compare; "…, sedangkan administrasi kepegawaian 88,71 %"; no such figure
                v, places = from_id_parts(m.group(1), m.group(2))
                if any(round_half_up(x, places) == v for x in values):
                    continue
                out.append(_figure_finding(report, ch.rel, s.line_at(m.start()), ir, kind, _as_typed(m.group(0))))
                said.add((ch.rel, s.line_at(m.start()), v))
    return out, said


#: The words of the report's average capaian: "rata-rata capaian kinerja", "rerata capaian", "capaian rata-rata".
_AVERAGE_OF = re.compile(r"\b(?:rata-?rata|rerata)\s+capaian(?:nya)?(?:\s+kinerja)?\b"
                         r"|\bcapaian(?:\s+kinerja)?\s+(?:rata-?rata|rerata)\b", re.I)
#: Between those words and the percentage, words that make it another average or no average: of a program, of
#: another base or period, a change ("naik 2 %"), a target set.
_AVERAGE_OTHER = re.compile(r"\b(?:lalu|sebelumnya|program|kegiatan|renstra|rpjmd|nasional|provinsi|target|naik|turun|"
                            r"meningkat|menurun|kenaikan|penurunan|peningkatan|selisih|serapan|anggaran)\b", re.I)
#: Before those words, a hope or a target rather than the report's figure: "ditargetkan rata-rata capaian 100 %".
_AVERAGE_WISHED = re.compile(r"\b(?:target|ditargetkan|diharapkan|agar|supaya|minimal)\b[^,;]{0,30}$", re.I)
#: A sasaran named by its number ("sasaran 1", "sasaran strategis kedua"), whose average is its own.
_SASARAN_NUMBERED = re.compile(r"\bsasaran\s+(?:strategis\s+)?(?:ke-?\s*)?(?:\d+|[IVX]+|pertama|kedua|ketiga|"
                               r"keempat|kelima)\b", re.I)


def _average_said(computed: ComputedReport, s: Sentence, plain: str, tahun: str) -> Iterator[tuple[re.Match[str],
                                                                                                    Decimal, int]]:
    """Each percentage typed as the report's average capaian in a sentence: the first after the words of the average
    in its clause (:data:`_AVERAGE_OF`), in a sentence of the report's year that names no sasaran."""
    if (any(y != tahun for y in _YEAR.findall(plain)) or _SASARAN_NUMBERED.search(plain)
            or any(re.search(rf"(?<![\w-]){re.escape(sid)}(?![\w-])", plain) for sid in computed.sasaran)):
        return
    # with "%" or, after words that state it, without: "rata-rata capaian kinerja sebesar 97,8"
    found = sorted([*_typed_percents(plain), *_bare_figures(plain)], key=lambda x: x[0].start())
    for words in _AVERAGE_OF.finditer(plain):
        if _AVERAGE_WISHED.search(plain, max(0, words.start() - 40), words.start()):
            continue
        after = next((x for x in found if x[0].start() >= words.end()), None)
        if after is None:
            continue
        m = after[0]
        between = plain[words.end():m.start()]
        if (m.start() - words.end() > 120 or ";" in between or _CONTRAST.search(between)
                or _AVERAGE_OTHER.search(between) or _bound(plain, m) is not None or _range_low(plain, m)):
            continue
        yield after


def check_typed_average(report: Report,
                        computed: ComputedReport) -> tuple[list[Finding], set[tuple[str, int, Decimal]]]:
    """The report's average capaian typed in a sentence ("rata-rata capaian kinerja 97,8 %") that is not the computed
    one at the decimals typed (warning ``angka-diketik``); and each (file, line, value) so said, for
    :func:`check_typed_numbers` to leave.

    Why: a real LKjIP 2022 printed its average as 97,8 / 97,86 / 97,57, the mean being 97,87; a typed percentage
    was only compared with every computed value, and 97,8 is another indicator's 97,76 rounded. Not read: a
    sentence of another year or naming a sasaran (its own average), an average of another thing or base, a change,
    a bound or a target (:data:`_AVERAGE_OTHER`, :data:`_AVERAGE_WISHED`)."""
    out: list[Finding] = []
    said: set[tuple[str, int, Decimal]] = set()
    mean = computed.rata_rata
    if mean is None:
        return out, said
    names = _IndicatorNames.of(computed)
    for ch in report.chapters:
        for s in sentences(ch):
            if not _AVERAGE_OF.search(s.plain):
                continue
            for m, v, places in _average_said(computed, s, names.find(s.plain)[1], str(report.tahun)):
                if round_half_up(mean, places) == v:
                    continue
                line = s.line_at(m.start())
                out.append(Finding("warning", Loc(ch.rel, line),
                                   f"rata-rata capaian {_as_typed(m.group(0))} diketik, padahal rata-rata capaian "
                                   f"kinerja laporan ini {fmt.fmt_percent(mean)}; angka ketikan tidak ikut berubah "
                                   "bila datanya diubah. Tulis rujukan {nilai}`capaian.rata_rata`", "angka-diketik"))
                said.add((ch.rel, line, v))
    return out, said


#: A number typed as a value of a change (:data:`_FROM_TO`): "Rp" before it, whole, decimals, percent sign, scale
#: word ("Rp 2,46 miliar", "1.250 juta": a change in rupiah was not read, and "naik dari 980 juta menjadi 1,2 miliar"
#: was read as a fall from 980 to 1,2).
_NUMBER_TYPED = (r"(?:\*{1,2}|_{1,2})?((?:\bRp\.?|\bIDR)\s?)?(\d{1,3}(?:\.\d{3})+|\d+)(?:[,.](\d+))?(?![.,]?\d)"
                 rf"(?:\*{{1,2}}|_{{1,2}})?(?:(\s?(?:%|persen\b))|\s*({_SCALE_WORD[3:-3]})\b)?")
#: "naik dari 82,85 menjadi 84,28", "mengalami peningkatan dari 82,85 pada tahun 2022 menjadi 84,28", "naik dari Rp
#: 2,18 miliar menjadi Rp 2,46 miliar": a change typed with both its values; the direction word in group 1, the words
#: between it and "dari" in 2, the values in 3–7 and 8–12 (:func:`_change_values`).
_FROM_TO = re.compile(r"\b(naik|meningkat|bertambah|turun|menurun|berkurang|kenaikan|peningkatan|pertambahan|"
                      r"penurunan|pengurangan)\b((?:\s+[\w-]+){0,3}?)\s+dari\s+(?:angka\s+|nilai\s+|sebesar\s+)?"
                      + _NUMBER_TYPED + r"[^.;]{0,60}?\bmenjadi\s+(?:sebesar\s+)?" + _NUMBER_TYPED, re.I)
#: The subject of such a change when it is no realisasi or capaian of the indicator: "target naik dari 75 menjadi 80".
_FROM_TO_OTHER = re.compile(r"\b(?:target|pagu|anggaran|belanja|serapan|pegawai|biaya|dana|kemajuan|rata-?rata|"
                            r"triwulan|tw|nasional|provinsi)\b", re.I)


#: A unit with a scale of its own ("juta rupiah", "Rp miliar"): a value typed with a scale word is not read against
#: an indicator's realisasi in it.
_SCALED_UNIT = re.compile(rf"\b{_SCALE_WORD}", re.I)


class _ChangeValue(NamedTuple):
    """One value of a typed change (:data:`_FROM_TO`): as typed before its scale, its decimals, its scale (``miliar``:
    10⁹, else 1), whether it is in rupiah ("Rp", or a scale word), and its text as a message quotes it."""

    typed: Decimal
    places: int
    scale: Decimal
    rupiah: bool
    text: str

    @property
    def value(self) -> Decimal:
        return self.typed * self.scale


def _change_values(m: re.Match[str]) -> tuple[_ChangeValue, _ChangeValue]:
    """The two values of a typed change (:data:`_FROM_TO`), from and to."""
    def one(g: int) -> _ChangeValue:
        rp, whole, frac, pct, scale = (m.group(g + k) for k in range(5))
        typed, places = from_id_parts(whole, frac)
        text = _as_typed(f"{rp or ''}{whole}{',' + frac if frac else ''}{pct or ''}{' ' + scale if scale else ''}")
        return _ChangeValue(typed, places, _SCALE[scale.casefold()] if scale else Decimal(1), bool(rp or scale), text)
    return one(3), one(8)


def _a_change_of_values(plain: str, m: re.Match[str]) -> bool:
    """Whether the change ``m`` (:data:`_FROM_TO`) in ``plain`` is said of two values: not denied ("tidak naik dari
    …"), and not of years ("naik dari 2022 menjadi 2023" is no value)."""
    return not (_NEGATED.search(plain[max(0, m.start() - 40):m.start()])
                or any(_YEAR.fullmatch(v.text) for v in _change_values(m)))


def _from_to_values(computed: ComputedReport, ir: IndicatorResult,
                    kind: str) -> tuple[tuple[Decimal | None, str], tuple[Decimal | None, str]]:
    """Last year's and this year's realisasi or capaian of an indicator, each with the reference that prints it."""
    if kind == "capaian":
        prev = next((p.capaian.value for p in ir.riwayat if p.tahun == ir.tahun - 1), None)
        return (prev, f"{ir.id}.capaian@{ir.tahun - 1}"), (ir.capaian.value, f"{ir.id}.capaian")
    lalu, kini = ir.realisasi_lalu, ir.realisasi
    return ((lalu if isinstance(lalu, Decimal) else None, f"{ir.id}.realisasi_lalu"),
            (kini if isinstance(kini, Decimal) else None, f"{ir.id}.realisasi"))


def _typed_from_to(report: Report, computed: ComputedReport, rel: str, s: Sentence, plain: str, ir: IndicatorResult,
                   refs: list[str]) -> tuple[dict[Finding, Decimal], list[tuple[int, int]]]:
    """"naik dari 82,85 menjadi 84,28" typed in a sentence about one indicator whose realisasi (or, said so, capaian)
    was another last year or this year, at the decimals typed (warning ``angka-diketik``, one for each value, at its
    line): each finding with the value typed, and the spans of the changes read.

    Why: only the direction word was read, and only beside references: "naik dari 82,85 menjadi 84,28" passed beside
    data of 84,82. Read in a sentence of no year but this and last; the change is the capaian's where "capaian" is
    among the words before it or both values are typed with "%" for an indicator not in percent; not read after a
    denial or of another subject ("target naik dari 75 menjadi 80")."""
    years = {str(ir.tahun), str(ir.tahun - 1)}
    if (any(y not in years for y in _YEAR.findall(plain))
            or any(p.partition("@")[2].strip() not in ("", *years) for p in refs)):
        return {}, []
    out: dict[Finding, Decimal] = {}
    spans = []
    for m in _FROM_TO.finditer(plain):
        start = max([0, *(c.end() for c in re.finditer(r",(?!\d)", plain[:m.start()]))])
        before = " ".join([*plain[start:m.start()].split()[-3:], m.group(2)])
        if _FROM_TO_OTHER.search(before) or not _a_change_of_values(plain, m):
            continue  # another subject, denied, or years
        spans.append(m.span())
        percent = bool(m.group(6) and m.group(11)) and ir.satuan.strip() != "%"
        kind = "capaian" if re.search(r"\bcapaian", before, re.I) or percent else "realisasi"
        if kind == "capaian" and ir.periode != "tahunan":
            continue
        typed = _as_typed(plain[m.start():m.end()])
        # the groups of each value's digits: 4 and 9
        for (value, path), said, group, year in zip(_from_to_values(computed, ir, kind), _change_values(m), (4, 9),
                                                    (ir.tahun - 1, ir.tahun)):
            v, shown = said.typed, said.text
            if (value is None or round_half_up(value / said.scale, said.places) == v
                    or (said.scale != 1 and _SCALED_UNIT.search(ir.satuan))):
                continue  # right, or "Rp 1,5 miliar" of an indicator counted in "juta rupiah": not compared
            if kind == "capaian":
                truth = (f"capaiannya tahun {year} {fmt.fmt_percent(value)}; angka ketikan tidak ikut berubah bila "
                         f"datanya diubah. Tulis rujukan {{nilai}}`{path}`")
            else:
                where = _data_loc(report, ir, "realisasi", year)
                unit = " %" if ir.satuan.strip() == "%" else ""
                truth = (f"realisasinya tahun {year} menurut data {fmt.fmt_value_entered(value)}{unit} "
                         f"({where.file}:{where.line}); angka yang diketik dua kali bisa berbeda. Tulis rujukan "
                         f"{{nilai}}`{path}`, atau bila angka ketikan yang benar, perbaiki datanya")
            out[Finding("warning", Loc(rel, s.line_at(m.start(group))),
                        f"{kind} {shown} diketik untuk indikator {ir.id} ('{typed}'), padahal {truth}",
                        "angka-diketik")] = v
    return out, spans


# ---------------------------------------------------------------------------------------------------------------
# Predikat

#: The words that announce a predikat ("berpredikat", "predikatnya", "kategori", "dikategorikan", "kriteria"),
#: then at most a joining word ("adalah", "dengan" …) and the emphasis or quotes around the label.
_TRIGGER = (r"\b(?:ber|di)?(?:predikat|kategori|kriteria)(?:nya|kan)?\b[\s:*_\"'“”(]*"
            r"(?:(?:adalah|yaitu|ialah|dengan|sebagai|yang|memperoleh|mendapat|meraih)\s+[\s*_\"'“”]*)?")
#: A sentence about the whole set: "seluruh indikator … berpredikat Berhasil".
#: Not after "hampir" or "nyaris": "Hampir seluruh indikator mencapai target", true beside 2 of 3, was warned of.
_ALL = re.compile(r"(?<!\bhampir\s)(?<!\bnyaris\s)\b(?:seluruh|semua)\s+(?:[\w-]+\s+){0,3}?indikator\b", re.I)
#: A sentence about a predikat that is no capaian's: the IKM's mutu, a serapan's class, the SAKIP evaluation.
_OTHER_TOPIC = re.compile(r"\b(?:ikm|skm|kepuasan|serapan|anggaran|evaluasi|sakip|akip)\b", re.I)
_AVERAGE = re.compile(r"\brata-?rata\b", re.I)
_ABOUT_CAPAIAN = re.compile(r"\b(?:capaian|indikator|sasaran)\b", re.I)


@dataclass(frozen=True, slots=True)
class _Subject:
    """A value in a sentence that a typed predikat may be about; ``labels`` empty when it is no capaian."""

    start: int
    end: int
    labels: frozenset[str]  # the predikat (casefolded) the value has; any of them for a typed % of several
    shown: str  # what it is, in the message: "capaian K01 (104,13 %)"
    path: str  # the reference to write instead


@dataclass(frozen=True, slots=True)
class _Capaian:
    value: Decimal
    predikat: ScaleClass | None
    shown: str
    path: str


def _label(c: ScaleClass | None) -> str:
    return (c.label if c is not None else NA_LABEL).casefold()


def _capaian_values(computed: ComputedReport) -> list[_Capaian]:
    """Every capaian the report computes, with its predikat and the reference that prints it."""
    out: list[_Capaian] = []
    pct = fmt.fmt_percent
    for ir in computed.indikator.values():
        if ir.capaian.value is not None:
            out.append(_Capaian(ir.capaian.value, ir.predikat, f"capaian {ir.id} ({pct(ir.capaian.value)})",
                                f"{ir.id}.predikat"))
        for p in ir.riwayat:
            if p.tahun != ir.tahun and p.capaian.value is not None:
                out.append(_Capaian(p.capaian.value, classify_or_none(computed.scale, p.capaian.value),
                                    f"capaian {ir.id} tahun {p.tahun} ({pct(p.capaian.value)})",
                                    f"{ir.id}.capaian@{p.tahun}"))
    for s in computed.sasaran.values():
        if s.capaian is not None:
            out.append(_Capaian(s.capaian, s.predikat, f"capaian sasaran {s.id} ({pct(s.capaian)})",
                                f"capaian.{s.id}.predikat"))
    if computed.rata_rata is not None:
        out.append(_Capaian(computed.rata_rata, computed.predikat_rata_rata,
                            f"rata-rata capaian ({pct(computed.rata_rata)})", "capaian.predikat"))
    return out


def _lookup(computed: ComputedReport, path: str) -> Ref | None:
    try:
        return lookup(computed, path)
    except UnknownReference:  # reported where the reference is rendered
        return None


def _capaian_of(computed: ComputedReport, p: str, ref: Ref) -> tuple[ScaleClass | None, str] | None:
    """When the reference ``p`` prints a capaian (an indicator's of any year, a sasaran's, the average): its predikat
    and the reference that prints that predikat; None for any other reference."""
    base, _, attr = p.partition("@")[0].rpartition(".")
    if p == "capaian.rata_rata":
        return computed.predikat_rata_rata, "capaian.predikat"
    if base == "capaian" and attr in computed.sasaran:
        return computed.sasaran[attr].predikat, f"capaian.{attr}.predikat"
    if base.startswith("capaian.") and attr == "capaian" and base[8:] in computed.sasaran:
        return computed.sasaran[base[8:]].predikat, f"capaian.{base[8:]}.predikat"
    if attr == "capaian" and base in computed.indikator and "@" not in p:
        return computed.indikator[base].predikat, f"{base}.predikat"
    if attr == "capaian" and isinstance(ref.value, Decimal):
        return classify_or_none(computed.scale, ref.value), p
    return None


def _ref_subject(computed: ComputedReport, path: str, start: int, end: int) -> _Subject:
    """What a ``{nilai}`` reference in the sentence is: a capaian with its predikat, or anything else."""
    p = path.strip()
    ref = _lookup(computed, p)
    found = _capaian_of(computed, p, ref) if ref is not None else None
    if ref is None or found is None:
        return _Subject(start, end, frozenset(), "", "")
    pred, to = found
    return _Subject(start, end, frozenset({_label(pred)}), f"{{nilai}}`{p}` ({ref.formatted()})", to)


def _subjects(computed: ComputedReport, s: Sentence, capaian: list[_Capaian]) -> list[_Subject]:
    out = [_ref_subject(computed, m.group(1), m.start(), m.end()) for m in _REF.finditer(s.text)]
    for m in PERCENT.finditer(s.plain):
        v, places = from_id_parts(m.group(1), m.group(2))
        hits = [c for c in capaian if round_half_up(c.value, places) == v]
        if _AVERAGE.search(s.plain):  # "rata-rata capaian 97,50 %": the average before a sasaran of the same value
            hits.sort(key=lambda c: c.path != "capaian.predikat")
        if hits:
            out.append(_Subject(m.start(), m.end(), frozenset(_label(c.predikat) for c in hits),
                                " atau ".join(dict.fromkeys(c.shown for c in hits)), hits[0].path))
        else:
            out.append(_Subject(m.start(), m.end(), frozenset(), "", ""))
    return sorted(out, key=lambda x: x.start)


def _about(subjects: list[_Subject], at: int) -> _Subject | None:
    """The capaian a label at ``at`` is about: the nearest before it, else the first after it."""
    before = [x for x in subjects if x.labels and x.end <= at]
    if before:
        return before[-1]
    return next((x for x in subjects if x.labels and x.start >= at), None)


def check_typed_predikat(report: Report, computed: ComputedReport) -> list[Finding]:
    """A predikat typed in a sentence that is not the one its capaian has (warning ``predikat-diketik``).

    What the predikat is about is the capaian nearest before it in the sentence (a reference or a typed
    percentage equal to a computed capaian). Without one: "seluruh indikator … berpredikat X" must hold for every
    indicator, and a sentence about capaian may only name a predikat some capaian has. A label of another scale
    ("Sangat Berhasil" where the report's scale tops at "Berhasil": a real report's 98,24 %) is named as such. A
    sentence naming two labels describes a scale or counts by class, and is left alone (counts: below). A label
    alone in brackets right after a capaian ("97,76 % (Berhasil)") is that capaian's: :func:`_bracketed_predikat`.
    """
    own = [c.label for c in computed.scale.classes]
    if not own:
        return []
    labels = sorted({*own, *(c.label for sc in [*BUILTIN_SCALES.values(), *report.scales.values()]
                             for c in sc.classes)}, key=len, reverse=True)
    # a label's words apart by any spaces: "Cukup  Berhasil" (two) passed unread, right or wrong
    alt = "|".join(r"\s+".join(re.escape(w) for w in c.split()) for c in labels)
    typed = re.compile(_TRIGGER + rf"({alt})(?![\w-])", re.I)
    named = re.compile(rf"(?<![\w-])({alt})(?![\w-])")  # as a label is written: capitalised ("berhasil" is a verb)
    capaian = _capaian_values(computed)
    held = {_label(c.predikat) for c in capaian}
    # "97,76 % (Berhasil)": a label alone in brackets right after a capaian, of the report's scale or another's
    bracketed = re.compile(r"[\s*_]*\([\s*_\"'“”]*(" + alt + r")[\s*_\"'“”]*\)", re.I)
    out: list[Finding] = []
    for ch in report.chapters:
        for s in sentences(ch):
            out += _bracketed_predikat(computed, ch.rel, s, bracketed, capaian)
            found = list(typed.finditer(s.plain))
            if not found or len({normalise_label(m.group(1)) for m in named.finditer(s.plain)}
                                | {normalise_label(m.group(1)) for m in found}) > 1:
                continue
            subjects = _subjects(computed, s, capaian)
            for m in found:
                message = _predikat_message(computed, s, subjects, _words(m.group(1)), m.start(1), held)
                if message:
                    out.append(Finding("warning", Loc(ch.rel, s.line_at(m.start(1))), message, "predikat-diketik"))
    return out


#: Before a typed percentage, words that make it a bound of a range, not a capaian: "di atas 85 % (Baik)", "70 % –
#: 99 % (Cukup Berhasil)", "≥ 100 % (Berhasil)".
_BOUND_BEFORE = re.compile(r"(?:[<>≤≥=–—-]|\b(?:atas|bawah|dari|lebih|kurang|hingga|sampai|s\.?d\.?|antara|minimal|"
                           r"maksimal|paling)\b)\s*$", re.I)


def _bracketed_predikat(computed: ComputedReport, rel: str, s: Sentence, bracketed: re.Pattern[str],
                        capaian: list[_Capaian]) -> list[Finding]:
    """A label alone in brackets right after a capaian, referenced or typed: "{nilai}`K02.capaian` (Berhasil)",
    "97,76 % (Berhasil)" (warning ``predikat-diketik`` when it is not that capaian's, or no label of the report's
    scale: seed 001 printed "98,24 % (Sangat Berhasil)" on a scale whose top class is "Berhasil").

    Why: without a word such as "predikat" before it the label passed unread, right or wrong; one of another scale
    passed even so. The bracket is bound
    to the value before it, so a sentence of several such pairs is read pair by pair. A typed percentage is read
    only where it equals a computed capaian (another is ``angka-diketik``'s), is no round figure or scale bound
    (0, 100, a class's limits) and follows no word of a range ("di atas 85 %", "70 % – 99 %"): those describe the
    scale; nor in a sentence about a serapan, the IKM or an evaluation."""
    other = _OTHER_TOPIC.search(s.plain) is not None
    allowed = _percent_allowed(computed)
    out = []
    for x in _subjects(computed, s, capaian):
        m = bracketed.match(s.plain, x.end)
        if m is None or not x.labels:
            continue
        typed = PERCENT.match(s.plain, x.start)
        if typed is not None:
            v, _ = from_id_parts(typed.group(1), typed.group(2))
            if (other or v in allowed or _BOUND_BEFORE.search(s.plain, 0, x.start)
                    or _BOUND_AFTER.match(s.plain, m.end())):
                continue
        found = find_class(computed.scale, m.group(1))
        if found is not None and found.label.casefold() in x.labels:
            continue
        label = found.label if found is not None else _words(m.group(1))
        out.append(Finding("warning", Loc(rel, s.line_at(m.start(1))),
                           f"predikat '{label}' diketik untuk {x.shown}, padahal menurut {computed.scale.nama} "
                           f"predikatnya '{_proper(computed, x.labels)}'{_foreign(computed, label)}; tulis rujukan "
                           f"{{nilai}}`{x.path}`", "predikat-diketik"))
    return out


#: After a percentage's bracket, words that make it one bound of a range: "70 % (Cukup Berhasil) sampai 100 %".
_BOUND_AFTER = re.compile(r"\s*(?:[–—-]|\b(?:hingga|sampai|s\.?d\.?|ke\s+atas|ke\s+bawah)\b)", re.I)


def _words(text: str) -> str:
    """``text`` with its words apart by one space, as a scale writes a label."""
    return " ".join(text.split())


def _as_typed(text: str) -> str:
    """A typed number as a message quotes it: its words apart by one space, the emphasis around it dropped
    (``**40** %`` is "40 %" on the page)."""
    return _words(re.sub(r"\*+|(?<!\w)_+|_+(?!\w)", "", text))


def _foreign(computed: ComputedReport, label: str) -> str:
    """What a message adds about a typed label of another scale than the report's: its own labels; "" for one of
    them."""
    if label.casefold() in {c.label.casefold() for c in computed.scale.classes}:
        return ""
    return (f" ('{label}' bukan predikat {computed.scale.nama}; predikatnya: "
            f"{', '.join(c.label for c in computed.scale.classes)})")


def _predikat_message(computed: ComputedReport, s: Sentence, subjects: list[_Subject], label: str, at: int,
                      held: set[str]) -> str | None:
    scale = computed.scale.nama
    foreign = _foreign(computed, label)
    subject = _about(subjects, at)
    if subject is not None:
        if label.casefold() in subject.labels:
            return None
        return (f"predikat '{label}' diketik untuk {subject.shown}, padahal menurut {scale} predikatnya "
                f"'{_proper(computed, subject.labels)}'{foreign}; tulis rujukan {{nilai}}`{subject.path}`")
    if subjects or _OTHER_TOPIC.search(s.plain):
        return None  # about a realisasi, a serapan, the IKM: not a capaian's predikat
    counts = computed.jumlah
    if _ALL.search(s.plain) and counts is not None:
        n = dict((k.casefold(), v) for k, v in counts.predikat).get(label.casefold(), 0)
        if n != len(counts.ids):
            return (f"'{label}' diketik untuk seluruh indikator, padahal {n} dari {len(counts.ids)} "
                    f"{counts.lingkup} berpredikat {label} menurut {scale}{foreign}; tulis jumlahnya dengan "
                    f"rujukan {{nilai}}`predikat.{slug(label)}.jumlah`" if not foreign else
                    f"'{label}' diketik untuk seluruh indikator{foreign}; tulis rujukan {{nilai}}`<id>.predikat`")
        return None
    if _ABOUT_CAPAIAN.search(s.plain) and label.casefold() not in held:
        return (f"predikat '{label}' diketik, padahal tidak ada capaian laporan ini (indikator, sasaran, rata-rata) "
                f"yang berpredikat {label} menurut {scale}{foreign}; tulis rujukan {{nilai}}`<id indikator>.predikat`")
    return None


def _proper(computed: ComputedReport, folded: frozenset[str]) -> str:
    """Casefolded labels as the scale writes them ("cukup berhasil" -> "Cukup Berhasil")."""
    by = {c.label.casefold(): c.label for c in computed.scale.classes} | {NA_LABEL.casefold(): NA_LABEL}
    return " atau ".join(by.get(x, x) for x in sorted(folded))


# ---------------------------------------------------------------------------------------------------------------
# Counts of indicators

#: A count in digits or in words, and the words in brackets after its digits: "20 ", "20 (dua puluh) ", "dua puluh ",
#: "Tiga Puluh Empat " (a count in words passed unread, right or wrong: "dua puluh dari dua puluh dua indikator").
_COUNT = r"(\d{1,3}|" + NUMBER_WORDS + r")\s+(?:\(([a-z ]+)\)\s+)?"
#: Not a count: "salah satu indikator" (one of them), "tidak satu indikator pun" (none), the second of a range
#: ("dua atau tiga indikator", "2–3 indikator").
_N = (r"(?<![\d.,–-])(?<!\bsalah\s)(?<!\btidak\s)(?<!\btak\s)(?<!\bbukan\s)(?<!\batau\s)(?<!\bhingga\s)"
      r"(?<!\bsampai\s)(?<![–-]\s)" + _COUNT)
#: "20 dari 22 indikator", "20 (dua puluh) dari total 22 indikator".
_OF = re.compile(_N + r"dari\s+(?:total\s+|seluruh\s+|sebanyak\s+)?" + _COUNT + r"indikator\b", re.I)
#: "dari 22 indikator kinerja, 20 indikator …" (the set first).
#: A decimal comma is no comma of the sentence: "2 dari 3 indikator atau 66,67 % mencapai target" was read as "dari 3
#: indikator …, 67" and warned of.
_OF_FIRST = re.compile(r"\bdari\s+(?:total\s+|seluruh\s+|sebanyak\s+)?" + _COUNT + r"indikator\b[^,:;]{0,80}[,:](?!\d)\s*"
                       r"(?:sebanyak\s+|terdapat\s+|ada\s+|hanya\s+)?" + _COUNT + r"(?:indikator\b)?", re.I)
#: "19/22 indikator mencapai target": the count and its set's total apart by a slash (groups 1 and 3, as in
#: :data:`_OF`), which passed unread.
_SLASH = re.compile(r"(?<![\d.,/])(\d{1,3})()\s*/\s*(\d{1,3})\s+indikator\b", re.I)
#: "5 indikator … mencapai target"; "0 di antaranya belum mencapai target" (after "semua indikator telah diukur").
_ALONE = re.compile(_N + r"(?:indikator|di\s*antaranya)\b", re.I)
#: What makes the count after it a set's total, not the number counted: "sembilan belas dari 22 indikator mencapai
#: target", "19/22 indikator …", "19 indikator dari 22 indikator …" were warned of as "22 indikator … mencapai target".
_TOTAL_BEFORE = re.compile(r"(?:\bdari\s+(?:total\s+|seluruh\s+|sebanyak\s+)?|/\s*)$", re.I)
#: What the counted indicators are, in the words after the count (a few words may come between).
_KINDS = (("belum", r"(?:belum|tidak)\s+(?:mencapai|memenuhi|tercapai)|di\s+bawah\s+target"),
          ("tidak_terukur", r"tidak\s+(?:terukur|dapat\s+(?:di)?ukur)"),
          ("mencapai", r"(?:mencapai|memenuhi|melampaui)\s+target|tercapai|mencapai\s+100"),
          ("predikat", r"(?:ber)?predikat"),
          ("terukur", r"terukur"))
_KIND = re.compile(r"^[\s,]*(?:[\w()-]+\s+){0,4}?(?:telah\s+|sudah\s+|yang\s+)?(?:"
                   + "|".join(f"(?P<{k}>{p})" for k, p in _KINDS) + r")", re.I)
_FIGURE = {"belum": "belum_mencapai", "tidak_terukur": "tidak_terukur", "mencapai": "mencapai_target",
           "terukur": "terukur", "": "jumlah"}
_WORDS = {"belum": "belum mencapai target", "tidak_terukur": "tidak terukur", "mencapai": "mencapai target",
          "terukur": "terukur", "": ""}


def _counted(c: IndicatorCounts) -> dict[str, int]:
    out = {"jumlah": len(c.ids), "terukur": len(c.terukur), "tidak_terukur": len(c.tidak_terukur),
           "kualitatif": len(c.kualitatif), "mencapai": len(c.mencapai), "belum": c.belum_mencapai}
    out.update((f"predikat:{label.casefold()}", n) for label, n in c.predikat)
    return out


def _sets(computed: ComputedReport) -> list[dict[str, int]]:
    """The sets of indicators a sentence may count: the report's, each sasaran's, all sasaran's, all."""
    found = [c for c in [computed.jumlah, *(s.jumlah for s in computed.sasaran.values())] if c is not None]
    for ids in ([i for s in computed.sasaran.values() for i in s.indikator], list(computed.indikator)):
        if ids and not any(set(ids) == set(c.ids) for c in found):
            found.append(counts_for(computed, ids)[1])
    return [_counted(c) for c in found]


def _kind(computed: ComputedReport, rest: str) -> str:
    """The key of what the words after a count name ("mencapai", "belum", ``predikat:<label>`` …), "" for none."""
    m = _KIND.match(rest)
    if m is None or m.lastgroup is None:
        return ""
    if m.lastgroup != "predikat":
        return m.lastgroup
    after = _words(rest[m.end():m.end() + 80]).lstrip(" *_\"'“”:").casefold()
    label = next((c.label for c in sorted(computed.scale.classes, key=lambda c: -len(c.label))
                  if after.startswith(c.label.casefold())), None)
    return "" if label is None else f"predikat:{label.casefold()}"


def _count(m: re.Match[str], group: int) -> int | None:
    """The count a :data:`_COUNT` at ``group`` holds, written in digits or in words; None for words that are no
    number ("dua tiga indikator": two or three)."""
    text = m.group(group)
    return int(text) if text.isdigit() else from_words(text)


def check_typed_counts(report: Report, computed: ComputedReport) -> list[Finding]:
    """A count of indicators typed in a sentence that no set of the report's indicators has (warning
    ``jumlah-diketik``): "20 dari 22 indikator mencapai target" beside a table of 19 reached.

    The sets are the report's indicators, each sasaran's, all sasaran's together and all; what is counted is
    read from the words after ("mencapai target", "belum mencapai", "berpredikat Berhasil", "terukur").
    """
    sets = _sets(computed)
    if not sets or computed.jumlah is None:
        return []
    out: list[Finding] = []
    for ch in report.chapters:
        for s in sentences(ch):
            taken: list[tuple[int, int]] = []
            for pattern, first in ((_OF_FIRST, True), (_OF, False), (_SLASH, False)):
                for m in pattern.finditer(s.plain):
                    if any(a < m.end() and m.start() < b for a, b in taken):
                        continue
                    taken.append(m.span())
                    total, n = (_count(m, 1), _count(m, 3)) if first else (_count(m, 3), _count(m, 1))
                    if total is None or n is None:
                        continue
                    key = _kind(computed, s.plain[m.end():])
                    if pattern is _SLASH and not key:  # "12/3 indikator" without a verdict: maybe a date
                        continue
                    if not any(total in (v["jumlah"], v["terukur"]) and (n == v[key] if key else n in v.values())
                               for v in sets):
                        out.append(_count_finding(computed, ch.rel, s, m, key))
            for m in _ALONE.finditer(s.plain):
                if any(a <= m.start() < b for a, b in taken) or _TOTAL_BEFORE.search(s.plain, 0, m.start()):
                    continue
                key, n = _kind(computed, s.plain[m.end():]), _count(m, 1)
                # of the set "semua indikator" names before it: "Semua indikator telah diukur dan 0 di antaranya
                # belum mencapai target" passed, as 0 is the count of a sasaran whose one indicator is reached
                named = (sets if not _ALL.search(s.plain, 0, m.start())
                         else [_counted(c) for _, c in _claimed_sets(computed, s.plain)])
                if key and n is not None and not any(v.get(key) == n for v in named):
                    out.append(_count_finding(computed, ch.rel, s, m, key))
                elif not key and n is not None and _total_said(report, s, m) and not any(
                        n in (v["jumlah"], v["terukur"]) for v in sets):
                    out.append(_count_finding(computed, ch.rel, s, m, key, total=True))
    return out


#: Before a count of indicators, the words that make it the number of indicators of the report (or of a sasaran):
#: "ditetapkan 4 sasaran dengan 5 indikator kinerja", "didukung oleh 20 indikator", "meliputi 34 indikator". Without
#: a verdict after it, such a count passed unread: a real report printed "4 (lima) sasaran dengan 5 (lima) indikator".
_TOTAL_SAID = re.compile(r"(?:\bsasaran(?:\s+strategis)?\s+(?:dengan|dan)|\bdidukung\s+oleh|\bterdiri\s+(?:atas|dari)|"
                         r"\bmeliputi|\b(?:di|me)netapkan|\bdiukur\s+(?:dengan|melalui|oleh))\s+(?:sebanyak\s+)?$",
                         re.I)
#: A sentence about indicators the counts do not hold: a tujuan's, the RPJMD's (and :data:`_OTHER_SET`'s).
_OTHER_INDICATORS = re.compile(r"\b(?:tujuan|rpjmd|misi)\b", re.I)


def _total_said(report: Report, s: Sentence, m: re.Match[str]) -> bool:
    """Whether the count ``m`` (no verdict after it) is said as the number of the report's indicators
    (:data:`_TOTAL_SAID`), in a sentence of the report's year about its own indicators."""
    return bool(_TOTAL_SAID.search(s.plain, max(0, m.start() - 60), m.start())
                and not _OTHER_SET.search(s.plain) and not _OTHER_INDICATORS.search(s.plain)
                and all(y == str(report.tahun) for y in _YEAR.findall(s.plain)))


#: "tiga dari empat sasaran tercapai", "2 dari 4 sasaran strategis mencapai target"; "dua sasaran tercapai".
_SASARAN_OF = re.compile(_N + r"dari\s+(?:total\s+|seluruh\s+|sebanyak\s+)?" + _COUNT + r"sasaran\b", re.I)
_SASARAN_ALONE = re.compile(_N + r"sasaran\b", re.I)


def _sasaran_counts(computed: ComputedReport) -> tuple[set[int], dict[str, set[int]], dict[str, list[str]]]:
    """What a sentence may count of the report's sasaran: their number (all, or those whose capaian is computed),
    the number reached and below (by capaian ≥ 100 % as printed, or by every indicator reached: a report may say
    either), and the ids of those reached and below by capaian."""
    all_ = list(computed.sasaran.values())
    measured = [s.id for s in all_ if s.capaian is not None]
    up = [s.id for s in all_ if s.capaian is not None and fmt.shown(s.capaian) >= 100]
    below = [i for i in measured if i not in up]
    whole = [s for s in all_ if s.jumlah is not None and s.jumlah.ids and len(s.jumlah.mencapai) == len(s.jumlah.ids)]
    part = [s for s in all_ if s.jumlah is not None and s.jumlah.belum_mencapai]
    counted = {"mencapai": {len(up), len(whole)}, "belum": {len(below), len(part)}}
    return {len(all_), len(measured)}, counted, {"mencapai": up, "belum": below}


def check_typed_sasaran(report: Report, computed: ComputedReport) -> list[Finding]:
    """A count of sasaran reached (or below target) typed that the report's sasaran do not have (warning
    ``jumlah-diketik``): "Tiga dari empat sasaran tercapai" beside capaian of N/A, 102,50 %, 110 % and 80 %.

    Why: counts of indicators were read, of sasaran not, in digits or in words. Read only with a verdict after the
    count ("tercapai", "belum mencapai target"), about the report's own sasaran (not one hoped for, not a program's
    or the RPJMD's: :data:`_OTHER_SET`); either reading of "reached" is accepted, by the sasaran's capaian or by all
    its indicators, and the total may be every sasaran or those whose capaian is computed."""
    if not computed.sasaran:
        return []
    totals, counted, up = _sasaran_counts(computed)
    out: list[Finding] = []
    for ch in report.chapters:
        for s in sentences(ch):
            if (_OTHER_SET.search(s.plain) or re.search(r"\brpjmd\b", s.plain, re.I)
                    or any(y != str(report.tahun) for y in _YEAR.findall(s.plain))):
                continue
            taken: list[tuple[int, int]] = []
            for m in _SASARAN_OF.finditer(s.plain):
                taken.append(m.span())
                n, total, key = _count(m, 1), _count(m, 3), _kind(computed, s.plain[m.end():])
                if n is not None and total is not None and key in counted and (
                        total not in totals or n not in counted[key]):
                    out.append(_sasaran_finding(computed, ch.rel, s, m, key, up))
            for m in _SASARAN_ALONE.finditer(s.plain):
                if any(a <= m.start() < b for a, b in taken) or _TOTAL_BEFORE.search(s.plain, 0, m.start()):
                    continue
                n, key = _count(m, 1), _kind(computed, s.plain[m.end():])
                if n is not None and key in counted and n not in counted[key]:
                    out.append(_sasaran_finding(computed, ch.rel, s, m, key, up))
    return out


def _sasaran_finding(computed: ComputedReport, rel: str, s: Sentence, m: re.Match[str], key: str,
                     ids: dict[str, list[str]]) -> Finding:
    what, rule = ("mencapai target", "≥ 100 %") if key == "mencapai" else ("belum mencapai target", "< 100 %")
    typed = " ".join(s.plain[m.start():m.end()].split()) + f" … {_WORDS[key]}"
    refs = ", ".join(f"{{nilai}}`capaian.{sid}`" for sid in computed.sasaran)
    return Finding("warning", Loc(rel, s.line_at(m.start())), f"'{typed}' diketik langsung, padahal menurut hitungan "
                   f"laporan ini {len(ids[key])} dari {len(computed.sasaran)} sasaran {what} (capaian sasaran {rule}"
                   f"{': ' + ', '.join(ids[key]) if ids[key] else ''}); jumlah sasaran tidak ikut berubah bila "
                   f"datanya diubah. Sebut capaian tiap sasaran dengan rujukan {refs}", "jumlah-diketik")


#: A count of programs, kegiatan or sub kegiatan typed: "4 program", "dua belas kegiatan", "20 (dua puluh) sub
#: kegiatan"; the level in group 3. Read only where the level's word ends its phrase (a sign, the end, or a joining
#: word after it): "12 kegiatan pelatihan", "5 program prioritas", "4 program RPJMD" count something else.
_BUDGET_COUNT = re.compile(_N + r"(sub[\s-]*kegiatan|kegiatan|program)\b(?=\s*(?:[.,;:)]|$|(?:dan|serta|yang|"
                           r"dengan|yaitu|yakni|tersebut|ini|pada|meliputi|terdiri|sebagaimana|sesuai)\b))", re.I)
#: A sentence about the budget: its counts are of the DPA's programs.
_BUDGET_SENTENCE = re.compile(r"\b(?:anggaran|pagu|belanja|apbd|dpa|dppa)\b", re.I)
#: A sentence about other programs than the DPA's of the report's year: a plan's, another government's, another
#: year's, or one hoped for.
_OTHER_BUDGET = re.compile(r"\b(?:rpjmd|rpjmn|renstra|rkpd|renja|kua|ppas|apbn|nasional|provinsi|pusat|desa|prioritas|"
                           r"unggulan|strategis|lalu|sebelumnya|depan|mendatang|rencana|direncanakan|ditargetkan|"
                           r"diharapkan|akan|usulan|diusulkan)\b", re.I)
#: The parts of the budget a count of each level may also be of (:func:`_budget_counts`), as a message says them.
_WITHIN = {"program": "satu sasaran", "kegiatan": "satu program atau sasaran",
           "sub_kegiatan": "satu program, kegiatan atau sasaran"}


def _budget_counts(b: BudgetReport) -> dict[str, set[int]]:
    """What a sentence may count of each level (``program``, ``kegiatan``, ``sub_kegiatan``): the whole budget's,
    one program's or kegiatan's, one sasaran's, and those with a realisasi ("anggaran terserap pada 8 sub kegiatan")."""
    nodes = list(b.nodes())
    groups = [nodes, [n for n in nodes if n.realisasi]]
    groups += [list(top.walk()) for top in nodes if top.children]
    by_sasaran: dict[str, list[BudgetResult]] = {}
    for top in nodes:
        if top.sasaran:
            by_sasaran.setdefault(top.sasaran, []).extend(top.walk())
    groups += list(by_sasaran.values())
    out: dict[str, set[int]] = {level: set() for level in BUDGET_LEVELS}
    for group in groups:
        for level in BUDGET_LEVELS:
            n = len({id(x) for x in group if x.level == level})  # a node under two nodes of one sasaran: once
            if n or group is nodes:
                out[level].add(n)
    return out


def check_typed_budget_counts(report: Report, computed: ComputedReport) -> list[Finding]:
    """A count of programs, kegiatan or sub kegiatan typed in a sentence about the budget that the budget does not
    hold (warning ``jumlah-diketik``): "Anggaran tersebut digunakan untuk melaksanakan 4 program, 12 kegiatan dan 20
    sub kegiatan" beside a DPA of 3, 11 and 21.

    Why: counts of indicators and sasaran were read, the budget's not, and no reference printed them. Read in a
    sentence with a word of the budget ("anggaran", "pagu", "DPA") or counting two levels, of no other year and no
    other plan or government (:data:`_OTHER_BUDGET`), not after a bound ("lebih dari 3 program"); a count is right
    when it is the whole budget's, one program's, kegiatan's or sasaran's, or of those with a realisasi
    (:func:`_budget_counts`)."""
    b = computed.anggaran
    if b is None:
        return []
    counts = _budget_counts(b)
    out: list[Finding] = []
    for ch in report.chapters:
        for s in sentences(ch):
            found = list(_BUDGET_COUNT.finditer(s.plain))
            if (not found or _OTHER_BUDGET.search(s.plain) or any(int(y) != b.tahun for y in _YEAR.findall(s.plain))
                    or (len({_level(m) for m in found}) < 2 and not _BUDGET_SENTENCE.search(s.plain))):
                continue
            for m in found:
                n, level = _count(m, 1), _level(m)
                if n is None or n in counts[level] or _bound(s.plain, m) is not None:
                    continue
                name, whole = BUDGET_LEVELS[level], computed.figures[f"anggaran.jumlah_{level}"].value
                out.append(Finding("warning", Loc(ch.rel, s.line_at(m.start())),
                                   f"'{_as_typed(m.group(0))}' diketik langsung, padahal menurut data/anggaran.yaml "
                                   f"anggaran laporan ini memuat {whole} {name} (juga bukan jumlah {name} "
                                   f"{_WITHIN[level]}); "
                                   "jumlah ketikan tidak ikut berubah bila datanya diubah. Tulis rujukan "
                                   f"{{nilai}}`anggaran.jumlah_{level}`", "jumlah-diketik"))
    return out


def _level(m: re.Match[str]) -> str:
    """The level a :data:`_BUDGET_COUNT` counts: ``program``, ``kegiatan`` or ``sub_kegiatan``."""
    word = m.group(3).casefold()
    return "sub_kegiatan" if word.startswith("sub") else word


#: A number in digits followed by the same in words, as Indonesian documents write counts and amounts: "4 (empat)",
#: "Rp 6.151.520.858,00 (Enam Miliar … Rupiah)"; the digits in group 1, their decimals in group 2, the words in 3.
_SPELLED = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?[,\s-]*\(\s*[*_]*\s*"
                      rf"({NUMBER_WORDS})\s*(?:rupiah\s*)?[*_]*\s*\)", re.I)


def check_typed_spelled(report: Report) -> list[Finding]:
    """A number typed in digits and again in words in brackets, the two different (warning ``terbilang-beda``): a
    real report printed "4 (lima) sasaran dengan 5 (lima) indikator"; which one is right, no reader can tell.

    Read only where the words are a number (:func:`..core.numbers.from_words`) and the digits have no decimals but
    zeros ("Rp 6.151.520.858,00 (Enam Miliar … Rupiah)")."""
    out = []
    for ch in report.chapters:
        for line_no, raw in lines(ch):
            for m in _SPELLED.finditer(unemphasised(CODE_SPAN.sub(" ", raw))):
                said, digits = from_words(m.group(3)), int(m.group(1).replace(".", ""))
                if said is None or said == digits or (m.group(2) or "0").strip("0"):
                    continue
                out.append(Finding("warning", Loc(ch.rel, line_no), f"'{_words(m.group(0))}' diketik: angkanya "
                                   f"{fmt.fmt_int(digits)}, tetapi kata dalam kurung '{_words(m.group(3))}' berarti "
                                   f"{fmt.fmt_int(said)}; samakan keduanya, atau bila jumlah ini dihitung lkjip "
                                   "(indikator, anggaran), tulis rujukan {nilai} saja tanpa kata dalam kurung",
                                   "terbilang-beda"))
    return out


#: Numbers typed in a form an Indonesian reader misreads: a percentage with a decimal point ("85.32 %", read as
#: 8.532; group ``point``, its whole and decimals in ``whole`` and ``frac``), one with two decimal commas ("71,38,82
#: %", a slip: ``garbled``), a rupiah amount whose thousands are apart by commas ("Rp 2,455,218,753": ``english``)
#: or with a decimal point before its scale word ("Rp 1.3 miliar": ``scaled``, its scale word in ``word``).
_MISFORMED = re.compile(
    r"(?<![\d.,])(?:(?P<whole>\d+)\.(?P<frac>\d{1,2}|\d{4,})(?P<point>\s?(?:%|persen\b|prosen\b))"
    r"|(?P<garbled>\d+(?:,\d+){2,}\s?(?:%|persen\b|prosen\b))"
    r"|(?P<rp>\bRp\.?\s?|\bIDR\s?)(?:(?P<english>\d{1,3}(?:,\d{3}){2,}(?:\.\d{1,2})?)(?![\d.,]*\d)"
    rf"|(?P<swhole>\d+)\.(?P<sfrac>\d{{1,2}})\s*(?P<word>{_SCALE_WORD[3:-3]})\b))", re.I)


_DECIMAL_POINT = "memakai titik desimal (format Excel berbahasa Inggris), padahal titik adalah pemisah ribuan"


def _format_advice(m: re.Match[str]) -> tuple[str, str]:
    """What is wrong with a number :data:`_MISFORMED` found, and how to write it."""
    if m.group("point"):
        value, places = from_id_parts(m.group("whole"), m.group("frac"))
        return (_DECIMAL_POINT,
                f"tulis {fmt.fmt_number(value, places)} %")
    if m.group("garbled"):
        whole, frac = m.group("garbled").split(",")[:2]
        return "memuat dua koma, sehingga bukan satu angka", f"tulis satu angka, mis. {whole},{frac} %"
    if m.group("english"):
        return (f"memakai {ENGLISH}", f"tulis {fmt.fmt_rupiah(Decimal(m.group('english').replace(',', '')))}")
    value, places = from_id_parts(m.group("swhole"), m.group("sfrac"))
    return (_DECIMAL_POINT,
            f"tulis Rp {fmt.fmt_number(value, places)} {m.group('word')}")


def check_typed_format(report: Report) -> list[Finding]:
    """A number typed in the narrative in a form an Indonesian reader misreads (warning ``format-angka``): "85.32 %"
    (a decimal point, as an English spreadsheet shows it), "Rp 2,455,218,753" (commas between thousands), "Rp 1.3
    miliar", or "71,38,82 %" (two commas, a slip).

    Why: the page prints the text as typed. The value checks read such numbers as meant (a right "116.19 %" beside
    116,19 % passed), so nothing told the author that readers see 11.619 or a number that is none; a garbled one
    was not read at all."""
    out = []
    for ch in report.chapters:
        for line_no, raw in lines(ch):
            for m in _MISFORMED.finditer(unemphasised(CODE_SPAN.sub(" ", raw))):
                wrong, advice = _format_advice(m)
                out.append(Finding("warning", Loc(ch.rel, line_no), f"angka '{_words(m.group(0))}' {wrong}; {advice}, "
                                   "atau lebih baik rujukan {nilai} bila angka ini dihitung lkjip", "format-angka"))
    return out


#: "seluruh indikator kinerja tercapai", "semua indikator mencapai target", "Dari 4 indikator, seluruhnya
#: tercapai": every indicator of a set reached, said in words instead of a count.
_EVERY = re.compile(_ALL.pattern + r"|(?<!\d )\bindikator\b[^.;:]{0,60}?\b(?:seluruhnya|semuanya)\b", re.I)
#: "tidak ada indikator yang belum mencapai target": none below target, in words.
_NONE_BELOW = re.compile(r"\btidak\s+(?:ada|terdapat)\s+(?:satu\s+pun\s+|satupun\s+)?indikator\b[^.;:]{0,40}?"
                         r"(?:\b(?:belum|tidak)\s+(?:mencapai|memenuhi|tercapai)|\bdi\s+bawah\s+target)", re.I)
#: Words that make the set one the counts do not hold (IKU only, the outputs of program or kegiatan), or the
#: claim one not made of the report's period ("ditargetkan", "diharapkan"): such a sentence is not read.
_OTHER_SET = re.compile(r"\b(?:iku|utama|program|kegiatan|keluaran|output|ditargetkan|diharapkan|diupayakan|agar|"
                        r"supaya|semoga|akan|harus|perlu)\b", re.I)
#: What may stand between "seluruh indikator" and "tercapai" in one claim: a few words, no clause of its own
#: ("Seluruh indikator telah diukur, tetapi belum semuanya mencapai target").
_BETWEEN = re.compile(r"[,;:(]|\b(?:belum|tidak|namun|tetapi|sedangkan|walaupun|meskipun)\b|(?:\S+\s+){9}", re.I)
#: A count between "semua indikator" and its verdict, whose subject it is: "Semua indikator telah diukur dan
#: {nilai}`indikator.mencapai_target` di antaranya mencapai target" claims no more than the count.
_PART = re.compile(r"\{nilai\}`[^`]*\.(?:mencapai_target|belum_mencapai|terukur|jumlah)\s*`|"
                   r"\b\d+\s+(?:dari|indikator)\b|\b(?:di\s*antaranya|sebagian|sebanyak)\b", re.I)
#: "Seluruh indikator yang terukur tercapai": the measured ones only, true beside indicators not measured (N/A).
_MEASURED = re.compile(r"^\s*(?:yang\s+(?:\w+\s+)?(?:terukur|diukur|dihitung)|terukur)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_SASARAN_WORD = re.compile(r"\bsasaran\b", re.I)


def _claimed_sets(computed: ComputedReport, plain: str) -> list[tuple[str, IndicatorCounts]]:
    """The sets a sentence about "all the indicators" may mean, each with the ``{nilai}`` prefix of its counts: the
    sasaran it names by id, any sasaran's when it says "sasaran" without one, else the report's own (the set the key
    figures and the chart count)."""
    own = [("indikator", computed.jumlah)] if computed.jumlah is not None else []
    each = [(f"sasaran.{s.id}", s.jumlah) for s in computed.sasaran.values() if s.jumlah is not None]
    named = [(p, c) for p, c in each if re.search(rf"(?<![\w-]){re.escape(p[8:])}(?![\w-])", plain, re.I)]
    if named:
        return named
    return own + each if _SASARAN_WORD.search(plain) else own


def check_typed_all_reached(report: Report, computed: ComputedReport) -> list[Finding]:
    """"Seluruh indikator kinerja tercapai" typed while some indicator is below target or not measured, and "tidak
    ada indikator yang belum mencapai target" while one is (warning ``jumlah-diketik``).

    Why: a count typed as a number ("3 dari 4") was read against the counts, the same claim typed as a word was not:
    a BAB III whose document indicator fell to 98,50 % still printed "Seluruh indikator kinerja tercapai" beside a
    table and chart saying 2 of 4. Read only where the set is one the counts hold (the report's, or a sasaran's
    when the sentence names one), of the report's period, and stated rather than hoped for; not where a count stands
    between the words and the verdict ("semua indikator telah diukur dan 19 di antaranya mencapai target"), and "yang
    terukur" is read against the measured indicators alone."""
    out: list[Finding] = []
    tahun = str(report.tahun)
    for ch in report.chapters:
        for s in sentences(ch):
            every, none_below = _EVERY.search(s.plain), _NONE_BELOW.search(s.plain)
            verdict = _REACHED.search(s.plain, every.end()) if every is not None else None
            if none_below is not None:
                start, end, all_reached = none_below.start(), none_below.end(), False
            elif (every is not None and verdict is not None and _NOT_REACHED.search(s.plain) is None
                  and not _BETWEEN.search(s.plain[every.end():verdict.start()])
                  and not _PART.search(s.text[every.end():verdict.start()])):
                start, end, all_reached = every.start(), verdict.end(), True
                if _MEASURED.search(s.plain[every.end():verdict.start()]):
                    all_reached = False  # the measured ones: none of them below target
            else:
                continue
            if _OTHER_SET.search(s.plain) or any(y != tahun for y in _YEAR.findall(s.plain)):
                continue
            sets = _claimed_sets(computed, s.plain)
            if not sets or any((len(c.mencapai) == len(c.ids)) if all_reached else c.belum_mencapai == 0
                               for _, c in sets if c.ids):
                continue
            prefix, c = sets[0]
            typed = " ".join(s.plain[start:end].split())
            left = [f"{c.belum_mencapai} belum mencapai target"] if c.belum_mencapai else []
            left += [f"{len(c.tidak_terukur)} tidak terukur (N/A)"] if c.tidak_terukur and all_reached else []
            out.append(Finding("warning", Loc(ch.rel, s.line_at(start)),
                               f"'{typed}' diketik, padahal menurut hitungan "
                               f"laporan ini {len(c.mencapai)} dari {len(c.ids)} {c.lingkup} mencapai target "
                               f"({', '.join(left)}); kalimat ini tidak ikut berubah bila datanya diubah. Tulis "
                               f"jumlahnya dengan rujukan {{nilai}}`{prefix}.mencapai_target` dari "
                               f"{{nilai}}`{prefix}.jumlah` indikator", "jumlah-diketik"))
    return out


def _count_finding(computed: ComputedReport, rel: str, s: Sentence, m: re.Match[str], key: str,
                   total: bool = False) -> Finding:
    c = computed.jumlah
    assert c is not None
    values = _counted(c)
    if key.startswith("predikat:"):
        label = next(x.label for x in computed.scale.classes if f"predikat:{x.label.casefold()}" == key)
        what, path = f"berpredikat {label}", f"predikat.{slug(label)}.jumlah"
    else:
        what, path = _WORDS[key], f"indikator.{_FIGURE[key]}"
    typed = " ".join(s.plain[m.start():m.end()].split()) + (f" … {what}" if what else "")
    # a total ("ditetapkan 5 indikator"): the number of indicators, and its one reference
    shown = (f"{values.get(key, values['jumlah'])} dari {len(c.ids)} {c.lingkup}" + (f" {what}" if what else "")
             if not total else f"jumlahnya {len(c.ids)} {c.lingkup}")
    refs = f"{{nilai}}`{path}` dan {{nilai}}`indikator.jumlah`" if not total else "{nilai}`indikator.jumlah`"
    return Finding("warning", Loc(rel, s.line_at(m.start())), f"'{typed}' diketik langsung, padahal menurut hitungan "
                   f"laporan ini {shown} (juga tidak cocok dengan indikator satu sasaran); tulis rujukan {refs}",
                   "jumlah-diketik")


# ---------------------------------------------------------------------------------------------------------------
# Directions and verdicts typed beside references

#: "naik dari {nilai}`NEK.realisasi@2022` (pada 2022) menjadi {nilai}`NEK.realisasi`": a direction typed beside
#: the two values it compares.
_DIRECTION = re.compile(r"\b(naik|meningkat|bertambah|turun|menurun|berkurang)\b(?:\s+[\w-]+){0,3}?\s+dari\s+"
                        r"\{nilai\}`([^`]+)`[^`{.;]{0,60}?\bmenjadi\s+\{nilai\}`([^`]+)`", re.I)
_UP = frozenset({"naik", "meningkat", "bertambah"})


def _number(computed: ComputedReport, path: str) -> tuple[Decimal, str] | None:
    """The number a reference prints, as a value and as printed; None for text, N/A or an unknown path."""
    ref = _lookup(computed, path.strip())
    return (ref.value, ref.formatted()) if ref is not None and isinstance(ref.value, Decimal) else None


def check_typed_direction(report: Report, computed: ComputedReport) -> list[Finding]:
    """"naik dari A menjadi B" typed where B is below A, or "turun" where it is above (warning ``arah-diketik``).

    The values are references, so they change with the data; the word beside them is typed and does not: an author
    who corrected NEK 2023 to 60 published "Nilai evaluasi kinerja kecamatan naik dari 82,85 menjadi 60" beside a
    table saying "turun". The values compared are the ones printed (rounded as shown). Other word orders are read
    by :func:`_direction_beside`."""
    out: list[Finding] = []
    for ch in report.chapters:
        for s in sentences(ch):
            matched = False
            found: list[Finding] = []
            for m in _DIRECTION.finditer(s.text):
                if s.plain[m.start(1)] == " ":  # inside a code span
                    continue
                matched = True
                before, after = _number(computed, m.group(2)), _number(computed, m.group(3))
                if before is None or after is None:
                    continue
                a, b = fmt.shown(before[0]), fmt.shown(after[0])
                up = m.group(1).casefold() in _UP
                if (b > a) == up and a != b:
                    continue
                found.append(_direction_finding(ch.rel, s, m.start(1), m.group(1),
                                                _compared(m.group(3), after, m.group(2), before)))
            if not matched:
                found += _direction_beside(computed, ch.rel, s)
            # a sentence whose direction is already said wrong is not told of its typed change a second time
            found = found or _typed_change(computed, ch.rel, s)
            if not any(f.kode == "arah-diketik" for f in found):
                found += _direction_of_typed_values(ch.rel, s)
            out += found
    return out


#: A change whose rise or fall is a place in an order ("peringkatnya naik dari 12 menjadi 5"): its numbers fall.
_RANKED = re.compile(r"\b(?:peringkat|ranking|urutan|posisi)", re.I)
#: A direction said of a quality whose measure may fall as it improves ("kecepatan layanan meningkat dari 10 hari
#: menjadi 8 hari", "kinerja ketertiban meningkat dari 23 kasus menjadi 18"); not where the quality names a value
#: that rises with it ("Nilai Evaluasi Kinerja", "indeks kualitas"), the value named before it in group 1.
_QUALITY = re.compile(r"\b((?:nilai|indeks|skor|persentase|tingkat)(?:\s+[\w-]+){0,2}\s+)?"
                      r"(?:kinerja|kualitas|mutu|kecepatan|ketepatan|efisiensi|efektivitas|perbaikan)\b", re.I)


def _direction_of_typed_values(rel: str, s: Sentence) -> list[Finding]:
    """"turun dari 82,85 menjadi 84,82": a direction word that the two values typed beside it deny (warning
    ``arah-diketik``), whatever the subject and whether or not the values are the data's.

    Why: a typed change was read against the data's values only (``angka-diketik``), so an author who typed the right
    numbers and the wrong word ("menurun dari 82,85 menjadi 84,82", the direction of another indicator's sentence
    copied) was told nothing. Read only where the word stands right before "dari"; not after a denial, of years
    ("naik dari 2022 menjadi 2023"), of a rank, or in a sentence about a quality, whose measure may fall as it
    improves ("kecepatan layanan meningkat dari 10 hari menjadi 8 hari")."""
    if _RANKED.search(s.plain) or any(q.group(1) is None for q in _QUALITY.finditer(s.plain)):
        return []
    out = []
    for m in _FROM_TO.finditer(s.plain):
        # "peningkatan waktu tunggu dari …": words between may name what improves
        if m.group(2).strip() or not _a_change_of_values(s.plain, m):
            continue
        values = _change_values(m)
        before, after = (v.value for v in values)
        if before == after or (after > before) == (m.group(1).casefold() in _UP_WORDS):
            continue
        way = "naik" if after > before else "turun"
        safer = ("rujukan {nilai}`anggaran.pagu`, {nilai}`anggaran.realisasi` atau yang sejenis untuk program, "
                 "kegiatan dan sub kegiatan ({nilai}`anggaran.<kode>.realisasi`)" if any(v.rupiah for v in values) else
                 "rujukan {nilai}`<id>.realisasi_lalu`, {nilai}`<id>.realisasi` dan {nilai}`<id>.tren` (naik, turun "
                 "atau tetap, dihitung)")
        out.append(Finding("warning", Loc(rel, s.line_at(m.start(1))),
                           f"'{m.group(1)}' diketik untuk perubahan '{_as_typed(s.plain[m.start():m.end()])}', padahal "
                           f"angka yang diketik itu {way}; tulis kata yang sesuai, atau bila angkanya yang keliru, "
                           f"perbaikilah. Lebih aman: {safer}", "arah-diketik"))
    return out


def _compared(later: str, after: tuple[Decimal, str], earlier: str, before: tuple[Decimal, str]) -> str:
    """"{nilai}`B` (60) lebih kecil daripada {nilai}`A` (82,85)": the two printed values, as they compare."""
    a, b = fmt.shown(before[0]), fmt.shown(after[0])
    truth = "sama dengan" if a == b else "lebih besar daripada" if b > a else "lebih kecil daripada"
    return f"{{nilai}}`{later.strip()}` ({after[1]}) {truth} {{nilai}}`{earlier.strip()}` ({before[1]})"


def _direction_finding(rel: str, s: Sentence, at: int, word: str, truth: str) -> Finding:
    return Finding("warning", Loc(rel, s.line_at(at)), f"'{word}' diketik, padahal {truth}; kata ini tidak ikut "
                   "berubah bila datanya diubah. Tulis rujukan {nilai}`<id>.tren` (naik, turun atau tetap, dihitung), "
                   "atau ubah katanya", "arah-diketik")


#: A direction in any word order: "{nilai}`DOK.realisasi` naik dibanding tahun lalu ({nilai}`DOK.realisasi_lalu`)",
#: "mengalami peningkatan sebesar {nilai}`DOK.delta`".
_MOVED = re.compile(r"\b(naik|meningkat|bertambah|kenaikan|peningkatan|pertambahan|turun|menurun|berkurang|"
                    r"penurunan|pengurangan)\b", re.I)
_UP_WORDS = frozenset({"naik", "meningkat", "bertambah", "kenaikan", "peningkatan", "pertambahan"})


def _realisasi_year(computed: ComputedReport, path: str) -> float | None:
    """When the realisasi a reference prints was measured, as a key that orders them (``<id>.realisasi``: the
    report's year, ``<id>.realisasi@2022``: that year); None for a reference that prints no indicator's realisasi.

    ``<id>.realisasi_lalu`` is keyed the report's year less a half: before this year's, and apart from an
    ``@<last year>`` in the same sentence, so two references to one year are never taken for a change."""
    p, _, year = path.strip().partition("@")
    base, _, attr = p.rpartition(".")
    ir = computed.indikator.get(base)
    if ir is None or attr not in ("realisasi", "realisasi_lalu") or (year and not year.strip().isdigit()):
        return None
    if attr == "realisasi_lalu":
        return ir.tahun - 0.5 if not year else None
    return float(int(year) if year else ir.tahun)


#: Where a clause ends: a direction word in a clause without the indicator's reference is about that clause's own
#: subject ("Pagu anggaran turun, tetapi realisasi {nilai}`X.realisasi` …", "…, artinya kinerja meningkat").
_CLAUSE_END = re.compile(r"[;:]|\b(?:tetapi|namun|sedangkan|sementara|padahal|artinya|berarti|sehingga|karena|"
                         r"meskipun|walaupun|walau|biarpun|seiring)\b", re.I)
#: Where the words about a typed amount begin at the latest (:func:`_amount_subject`): after its sentence or clause
#: ends ("…; realisasi …", "…, sedangkan realisasi …"); the point of "2.455.218.753" ends none.
_SEGMENT_END = re.compile(r"(?<!\d)\.(?!\d)|" + _CLAUSE_END.pattern, re.I)
#: A clause that opens with one of these ends at its first comma: "Meskipun jumlah pegawai bertambah, realisasi …".
_SUBORDINATE = re.compile(r"\W*(?:meskipun|walaupun|walau|biarpun|karena|seiring|jika|bila|apabila)\b[^,]*,", re.I)
#: The subject a direction word may have instead of the realisasi: "target naik", "pagu anggaran turun", "jumlah
#: pegawai bertambah", "peningkatan kinerja" (a negative indicator's kinerja rises as its realisasi falls).
_OTHER_SUBJECT = re.compile(r"\b(?:kinerja|capaian|target|pagu|anggaran|belanja|serapan|pegawai|biaya|dana)\b",
                            re.I)
#: "tidak mengalami kenaikan", "tidak turun", "belum meningkat": no direction claimed.
_NEGATED = re.compile(r"\b(?:tidak|tak|belum|bukan|tanpa)\s+(?:\w+\s+)?$", re.I)
_NOMINAL = frozenset({"kenaikan", "peningkatan", "pertambahan", "penurunan", "pengurangan"})


def _clauses(plain: str) -> list[tuple[int, int]]:
    """The spans of a sentence's clauses, as :data:`_CLAUSE_END` and :data:`_SUBORDINATE` cut it."""
    cuts = [m.start() for m in _CLAUSE_END.finditer(plain)]
    bounds = sorted({0, *cuts, len(plain)})
    out = []
    for a, b in zip(bounds, bounds[1:]):
        sub = _SUBORDINATE.match(plain, a, b)
        if sub is not None:
            out += [(a, sub.end()), (sub.end(), b)]
        else:
            out.append((a, b))
    return out


def _claimed_directions(s: Sentence, spans: list[tuple[int, int]]) -> list[re.Match[str]]:
    """The direction words of a sentence that say how the indicator referenced at ``spans`` moved: not negated, not
    of another subject (the two words before it in its clause, or the word after a noun such as "peningkatan"),
    and in a clause with one of the indicator's references.

    Why: "Meskipun jumlah pegawai bertambah, realisasi {nilai}`K05.realisasi` lebih rendah dari tahun lalu …",
    "tidak mengalami kenaikan ({nilai}`K03.delta`)" and a negative indicator's "angka kriminalitas … lebih rendah
    dari tahun lalu …, artinya kinerja meningkat" were all warned of, each sentence right."""
    out = []
    clauses = _clauses(s.plain)
    for m in _MOVED.finditer(s.plain):
        a, b = next((a, b) for a, b in clauses if a <= m.start() < b)
        if not any(a <= start < b for start, _ in spans):
            continue
        before = re.split(r"\b(?:dan|serta|lalu|kemudian)\b", s.plain[max(a, m.start() - 80):m.start()])[-1]
        after = s.plain[m.end():b].split()[:1] if m.group(1).casefold() in _NOMINAL else []
        if (_NEGATED.search(s.plain[max(a, m.start() - 40):m.start()])
                or _OTHER_SUBJECT.search(" ".join([*before.split()[-2:], *after]))):
            continue
        out.append(m)
    return out


def _direction_beside(computed: ComputedReport, rel: str, s: Sentence) -> list[Finding]:
    """A direction word in a sentence about one indicator whose references print two of its realisasi (or its
    ``delta``), whatever their order: "{nilai}`DOK.realisasi` naik dibanding tahun lalu
    {nilai}`DOK.realisasi_lalu`" printed "78,8 naik dibanding tahun lalu 82" (warning ``arah-diketik``).

    Read only where every direction word in the sentence says the same way and every indicator value referenced
    is of one indicator: with two, which one moved which way is not clear. Only the words that claim how it moved
    count (:func:`_claimed_directions`)."""
    found = list(_REF.finditer(s.text))
    refs = [m.group(1).strip() for m in found]
    indicators = _indicators_named(computed, refs)
    if len(indicators) != 1:
        return []
    words = _claimed_directions(s, [(m.start(), m.end()) for m in found])
    if not words or len({m.group(1).casefold() in _UP_WORDS for m in words}) > 1:
        return []
    up, word = words[0].group(1).casefold() in _UP_WORDS, words[0]
    years: dict[float, tuple[str, tuple[Decimal, str]]] = {}
    for p in refs:
        when, value = _realisasi_year(computed, p), _number(computed, p)
        if when is not None and value is not None:
            years.setdefault(when, (p, value))
        if p.rpartition(".")[2] == "delta" and value is not None:
            d = fmt.shown(value[0])
            if (d > 0) != up or d == 0:
                way = "nol (tetap)" if d == 0 else "positif (naik)" if d > 0 else "negatif (turun)"
                return [_direction_finding(rel, s, word.start(1), word.group(1),
                                           f"{{nilai}}`{p}` ({value[1]}) bernilai {way}")]
    if len(years) != 2:
        return []
    (earlier, before), (later, after) = (years[y] for y in sorted(years))
    a, b = fmt.shown(before[0]), fmt.shown(after[0])
    if (b > a) == up and a != b:
        return []
    return [_direction_finding(rel, s, word.start(1), word.group(1), _compared(later, after, earlier, before))]


#: A change typed in points: "naik 1,98 poin", "turun sebesar 3 poin", "mengalami peningkatan capaian 2,5 poin";
#: the direction word in group 1, a subject named after a noun in group 2, the number in groups 3 and 4.
_CHANGE = re.compile(r"\b(naik|meningkat|bertambah|turun|menurun|berkurang|kenaikan|peningkatan|pertambahan|"
                     r"penurunan|pengurangan)(?:\s+(capaian(?:nya)?|realisasi(?:nya)?))?"
                     r"(?:\s+(?:sebesar|sebanyak|sekitar|lagi))?\s+(\d{1,3}(?:\.\d{3})*|\d+)(?:[,.](\d+))?\s*"
                     r"(?:poin|point)\b", re.I)
#: What a change before it in its clause is of: the capaian, the realisasi, or another subject ("target naik 2
#: poin", "pagu anggaran turun"), whose change is not read.
_CHANGE_SUBJECT = re.compile(r"\b(?:(capaian(?:nya)?)|(realisasi(?:nya)?)|(kinerja|target|pagu|anggaran|belanja|"
                             r"serapan|pegawai|biaya|dana|kemajuan|rata-?rata))\b", re.I)
#: After the number: a change from another base than last year's ("naik 2 poin dari target", "dibanding triwulan
#: lalu"), not read.
_OTHER_BASE = re.compile(r"\b(?:target|triwulan|tw|semester|bulan|nasional|provinsi|renstra)\b", re.I)


def _subject_of_change(s: Sentence, a: int, m: re.Match[str]) -> str | None:
    """"capaian", "realisasi" or "" (not said) for the change ``m`` in the clause from ``a``: a noun's own after it
    ("peningkatan capaian"), else the last subject word or indicator reference among the two words before it, after
    any comma ("Capaian {nilai}`X.nama` naik", "{nilai}`X.realisasi` naik"); None for another subject ("target naik").

    Only the words next to it: "Dengan capaian {nilai}`X.capaian`, {nilai}`X.nama` naik 1,98 poin" is about X's
    realisasi, and a capaian anywhere before it made the right 1,98 be read against the capaian's change."""
    if m.group(2):
        return "capaian" if m.group(2).casefold().startswith("capaian") else "realisasi"
    start = max([a, *(c.end() for c in re.finditer(r",(?!\d)", s.plain[:m.start()]))])
    words = list(re.finditer(r"\S+", s.plain[start:m.start()]))
    if len(words) >= 2:
        start += words[-2].start()
    marks: list[tuple[int, str | None]] = []
    for w in _CHANGE_SUBJECT.finditer(s.plain, start, m.start()):
        marks.append((w.start(), "capaian" if w.group(1) else "realisasi" if w.group(2) else None))
    for r in _REF.finditer(s.text, start, m.start()):
        attr = r.group(1).strip().partition("@")[0].rpartition(".")[2]
        if attr in ("capaian", "predikat"):
            marks.append((r.start(), "capaian"))
        elif attr in ("realisasi", "realisasi_lalu"):
            marks.append((r.start(), "realisasi"))
    return max(marks, key=lambda x: x[0])[1] if marks else ""


def _changes(computed: ComputedReport, ir: IndicatorResult) -> dict[str, tuple[Decimal, str, str, str]]:
    """The indicator's change from last year, by what changed: the value, and its magnitude, last year's value and
    this year's as printed; the realisasi's when ``delta`` exists, the capaian's in an annual report with both."""
    out = {}
    if ir.delta is not None:
        lalu, kini = _lookup(computed, f"{ir.id}.realisasi_lalu"), _lookup(computed, f"{ir.id}.realisasi")
        selisih = _lookup(computed, f"{ir.id}.selisih")
        if lalu is not None and kini is not None and selisih is not None:
            out["realisasi"] = (ir.delta, selisih.formatted(), lalu.formatted(), kini.formatted())
    prev = next((p.capaian.value for p in ir.riwayat if p.tahun == ir.tahun - 1), None)
    if ir.periode == "tahunan" and prev is not None and ir.capaian.value is not None:
        d = fmt.shown_difference(ir.capaian.value, prev)
        out["capaian"] = (d, fmt.fmt_number(abs(d), 2), fmt.fmt_percent(prev), fmt.fmt_percent(ir.capaian.value))
    return out


def _typed_change(computed: ComputedReport, rel: str, s: Sentence) -> list[Finding]:
    """"naik 1,98 poin" typed in a sentence about one indicator where its change from last year is another, in size or
    in direction (warning ``selisih-diketik``; ``arah-diketik`` when the direction is wrong).

    Why: "{nilai}`NEK.nama` naik 1,98 poin dari tahun sebelumnya" stayed so after NEK was corrected and fell; only
    the words beside two referenced values were read. Each change is read in its own part of its clause (up to the
    change before it and the one after it: "{nilai}`NEK.nama` naik 3 poin dan {nilai}`IKM.nama` turun 1 poin", two
    changes in one sentence, passed unread both) where that part names one indicator by its references, and the
    sentence no year but this and last; the change is the capaian's where the words before it say "capaian", the
    realisasi's where they say "realisasi", and either where they say neither. Not read after a denial ("tidak naik 2
    poin"), of another subject ("target naik 2 poin") or from another base ("dari target")."""
    found = list(_CHANGE.finditer(s.plain))
    refs = list(_REF.finditer(s.text))
    clauses = _clauses(s.plain)
    out: list[Finding] = []
    def named(a: int, b: int) -> set[str]:
        return _indicators_named(computed, [r.group(1).strip() for r in refs if a <= r.start() < b])

    for i, m in enumerate(found):
        clause = next((a, b) for a, b in clauses if a <= m.start() < b)
        a = max([clause[0], *(x.end() for x in found[:i])])
        b = min([clause[1], *(x.start() for x in found[i + 1:])])
        about = named(a, b)
        if len(about) != 1 and len(found) > 1:  # "{nilai}`A.nama` naik 3 poin dan {nilai}`B.nama` …": A's is before
            about = named(a, m.start())
        if not about:  # "Realisasi {nilai}`A.nama` naik 2 poin dan capaiannya naik 3 poin": the clause's one
            about = named(*clause)
        if len(about) == 1:
            out += _one_change(computed, rel, s, m, (a, b), computed.indikator[next(iter(about))])
    return out


def _one_change(computed: ComputedReport, rel: str, s: Sentence, m: re.Match[str], span: tuple[int, int],
                ir: IndicatorResult) -> list[Finding]:
    """The change ``m``, in the part ``span`` of its clause, read against the indicator ``ir``'s change
    (:func:`_typed_change`)."""
    a, b = span
    refs = [r.group(1).strip() for r in _REF.finditer(s.text)]
    years = {str(ir.tahun), str(ir.tahun - 1)}
    if (any(y not in years for y in _YEAR.findall(s.plain))
            or any(p.partition("@")[2].strip() not in ("", *years) for p in refs)):
        return []
    if _NEGATED.search(s.plain[max(a, m.start() - 40):m.start()]) or _OTHER_BASE.search(s.plain, m.end(), b):
        return []
    subject = _subject_of_change(s, a, m)
    changes = _changes(computed, ir)
    if subject is None or (subject and subject not in changes) or not changes:
        return []
    v, places = from_id_parts(m.group(3), m.group(4))
    up = m.group(1).casefold() in _UP_WORDS

    def right(d: Decimal) -> bool:
        d = fmt.shown(d)
        return round_half_up(abs(d), places) == v and (d == 0 if v == 0 else (d > 0) == up and d != 0)

    kinds = [subject] if subject else [k for k in ("realisasi", "capaian") if k in changes]
    if any(right(changes[k][0]) for k in kinds):
        return []
    kind = kinds[0]
    d, size, lalu, kini = changes[kind]
    shown = fmt.shown(d)
    way = "naik" if shown > 0 else "turun" if shown < 0 else "tetap"
    wrong_way = shown == 0 or (shown > 0) != up
    typed = " ".join(s.plain[m.start():m.end()].split())
    of = "realisasi" if kind == "realisasi" else "capaian"
    refer = (f"{{nilai}}`{ir.id}.tren` sebesar {{nilai}}`{ir.id}.selisih` poin (selisih bertanda: "
             f"{{nilai}}`{ir.id}.delta`)" if kind == "realisasi" else
             f"{{nilai}}`{ir.id}.capaian@{ir.tahun - 1}` dan {{nilai}}`{ir.id}.capaian`, dan perbaiki angkanya")
    return [Finding("warning", Loc(rel, s.line_at(m.start())),
                    f"'{typed}' diketik untuk {of} {ir.id}, padahal menurut hitungan laporan ini {of}nya "
                    f"{way}{'' if shown == 0 else f' {size} poin'} dari tahun {ir.tahun - 1} ({lalu} menjadi {kini}); "
                    f"angka ketikan tidak ikut berubah bila datanya diubah. Tulis rujukan {refer}",
                    "arah-diketik" if wrong_way else "selisih-diketik")]


#: A verdict on whether a target was reached, typed: "tercapai", "mencapai target", "melampaui target"; and the
#: negative ones ("belum tercapai", "tidak mencapai target", "di bawah target").
_NOT_REACHED = re.compile(r"\b(?:belum|tidak)\s+(?:(?:dapat|bisa|sepenuhnya)\s+)?(?:tercapai|mencapai\s+target|"
                          r"memenuhi\s+target)\b|\bdi\s+bawah\s+target\b", re.I)
_BELOW = re.compile(r"di\s+bawah\s+target", re.I)
_REACHED = re.compile(r"\b(?:tercapai|mencapai\s+target(?:nya)?|melampaui\s+target|memenuhi\s+target)\b", re.I)
#: A verdict hoped for, not stated: "agar target akhir tahun tercapai", "diharapkan dapat mencapai target".
_WISH = re.compile(r"\b(?:agar|supaya|diharapkan|harus|perlu|dapat|akan|untuk)\b(?:\s+\S+){0,4}\s*$", re.I)


def _capaian_ref(computed: ComputedReport, path: str) -> tuple[Decimal, str] | None:
    """The capaian a reference prints, of the report's year (the verdict is about it) and as printed, and the
    reference."""
    p = path.strip()
    ref = _lookup(computed, p) if "@" not in p else None
    if ref is None or not isinstance(ref.value, Decimal) or _capaian_of(computed, p, ref) is None:
        return None
    return fmt.shown(ref.value), p


#: After a typed percentage, words that make it a threshold: "90 % atau lebih".
_OR_MORE = re.compile(r"\s*atau\s+(?:lebih|kurang)\b", re.I)


def _typed_verdicts(rel: str, s: Sentence, plain: str, verdict: re.Match[str], reached: bool) -> list[Finding]:
    """A capaian typed after its word in a sentence whose verdict it contradicts: "Capaian {nilai}`K09.nama` sebesar
    98,27 % sehingga target tercapai" (under 100 %), or "capaian 104 % … belum mencapai target".

    Why: only a capaian's reference was read beside a verdict, so a sentence pasted from a Word report, its capaian
    typed, passed whatever it said. The sentence contradicts itself, whatever the data: no indicator is needed.
    ``plain``: the sentence with the indicators' names blanked, so "Capaian <nama> sebesar 98,27 %" is read."""
    out = []
    for m in PERCENT.finditer(plain):
        words = _FIGURE_BEFORE.search(plain[max(0, m.start() - _WINDOW):m.start()])
        if (words is None or words.group("kind").casefold() != "capaian" or _bound(plain, m) is not None
                or _range_low(plain, m) or _BOUND_AFTER.match(plain, m.end()) or _OR_MORE.match(plain, m.end())):
            continue  # a threshold: "capaian minimal 90 %", "capaian 90 % ke atas (atau lebih) dianggap tercapai"
        value, _ = from_id_parts(m.group(1), m.group(2))
        if (value >= 100) == reached:
            continue
        out.append(Finding("warning", Loc(rel, s.line_at(verdict.start())),
                           f"'{verdict.group(0)}' diketik di samping capaian {_as_typed(m.group(0))}, padahal capaian "
                           f"itu {'di bawah' if value < 100 else 'sudah'} 100 %; kalimat ini bertentangan sendiri. "
                           "Perbaiki kalimatnya, atau tulis capaiannya dengan rujukan {nilai}`<id indikator>.capaian`",
                           "tercapai-diketik"))
    return out


def check_typed_verdict(report: Report, computed: ComputedReport) -> list[Finding]:
    """"tercapai" typed beside a capaian under 100 %, "belum mencapai target" beside one of 100 % or more (warning
    ``tercapai-diketik``).

    A sentence listing "Indikator kegiatan yang belum mencapai target adalah administrasi kepegawaian ({nilai}`K05.
    capaian` …)" printed "(100,00 %, predikat Berhasil)" after its realisasi was corrected. Read only in a sentence
    with one kind of verdict (both kinds: it compares, and which capaian each is about is not clear), about each
    capaian referenced in it; "mencapai target" is a capaian of at least 100 % as printed, as the counts say. "Di
    bawah target" is not read beside a negative indicator's capaian: below target is where it should be. In a
    sentence without such a reference, each capaian typed after its word (:func:`_typed_verdicts`)."""
    out: list[Finding] = []
    names = _IndicatorNames.of(computed)
    for ch in report.chapters:
        for s in sentences(ch):
            negative = list(_NOT_REACHED.finditer(s.plain))
            positive = [m for m in _REACHED.finditer(s.plain)
                        if not any(n.start() <= m.start() < n.end() for n in negative)
                        and not _WISH.search(s.plain[max(0, m.start() - _WINDOW):m.start()])]
            if bool(negative) == bool(positive):
                continue
            verdict = (negative or positive)[0]
            # "di bawah target" of a lower-is-better indicator is its target reached: "Angka kriminalitas … di bawah
            # target …, sehingga capaiannya {nilai}`KRIM.capaian`" (110 %) was warned of
            below = bool(negative) and all(_BELOW.fullmatch(n.group(0)) for n in negative)
            found_refs = [f for f in (_capaian_ref(computed, r.group(1)) for r in _REF.finditer(s.text)) if f]
            if not found_refs and not below:
                out += _typed_verdicts(ch.rel, s, names.find(s.plain)[1], verdict, bool(positive))
            for found in found_refs:
                value, path = found
                ir = computed.indikator.get(path.rpartition(".")[0])
                if (value >= 100) == bool(positive) or (below and ir is not None and ir.polaritas == "negatif"):
                    continue
                out.append(Finding("warning", Loc(ch.rel, s.line_at(verdict.start())),
                                   f"'{verdict.group(0)}' diketik untuk {{nilai}}`{path}` "
                                   f"({fmt.fmt_percent(value)}), padahal capaiannya "
                                   f"{'di bawah' if value < 100 else 'sudah'} 100 %; kata ini tidak ikut berubah "
                                   "bila datanya diubah. Perbaiki kalimatnya, atau sebut jumlahnya dengan rujukan "
                                   "{nilai}`indikator.mencapai_target` / {nilai}`indikator.belum_mencapai`",
                                   "tercapai-diketik"))
    return out
