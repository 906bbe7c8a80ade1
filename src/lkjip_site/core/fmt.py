"""Indonesian (id-ID) formatting of numbers, money, percentages and dates.

This is the ONLY place where numbers are rounded: every computation keeps full ``Decimal`` precision and the
value is rounded half-up exactly once, here, when it is displayed. Real reports truncate (98,247 -> "98,24") or
round a value several times and so print one number in several ways; doing it once, in one place, makes every
table, chart label and inline reference agree.

Conventions (chosen once, used everywhere):

* thousands separator ``.``, decimal separator ``,`` -> ``1.234.567,89``;
* percentages: the number, a normal space (U+0020) and ``%`` -> ``98,25 %``. A normal space rather than a
  non-breaking one keeps copied text and CSV output plain ASCII; templates that must prevent a line break between
  number and sign can wrap the value in ``white-space: nowrap``;
* money: ``Rp 1.234.567`` (normal space, no decimals unless the amount has cents: ``Rp 1.234.567,50``);
* negative numbers use ASCII ``-`` (``-1.234,50``, ``-Rp 1.234``) so they stay searchable and machine readable;
* N/A one way: a value that does not exist or cannot be computed (realisasi not available, target 0, a capaian
  without a predikat) prints as ``N/A`` (:data:`NA`) in tables, charts, narrative, messages and the PDF, and its
  reason goes beside it (a ``title`` and a lettered note under a table, a footnote in the PDF; see
  :func:`missing_reason`). Not a dash: in Indonesian financial tables "–" means nil, i.e. zero. The en dash ``–``
  (:data:`DASH`) is only an empty descriptive cell (no definisi written), never a value;
* dates: ``31 Januari 2024`` (day without leading zero).

Floats are accepted only for convenience in tests and converted through ``str`` so ``0.1`` means 0.1; money and
every value coming from data files are ``Decimal``.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, getcontext, localcontext

from .model import Chapter, Missing, Value
from .numbers import Derived, to_decimal

NA = "N/A"  # a value that does not exist or cannot be computed (see the module docstring)
DASH = "\u2013"  # en dash: an empty descriptive cell (nothing written), never a value
#: a capaian the rule ``hasil_negatif: tidak_tercapai`` sets (it counts as 0 %): printed so, not as a number or N/A
NOT_REACHED = "tidak tercapai"

BULAN: tuple[str, ...] = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
BULAN_SINGKAT: tuple[str, ...] = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")

Number = Decimal | int | float | str


def round_half_up(x: Number, decimals: int = 2) -> Decimal:
    """Round half-up to ``decimals`` places; the single rounding rule of the project."""
    d = to_decimal(x)
    q = Decimal(1).scaleb(-decimals)
    if d.is_finite() and d.adjusted() + decimals + 2 > getcontext().prec:
        # a capaian of a huge realisasi over a tiny target (10^17 / 10^-10) has more digits than the context's 28:
        # quantize raised InvalidOperation ("galat internal"); the value is printed whole, and warned of elsewhere
        with localcontext() as context:
            context.prec = d.adjusted() + decimals + 2
            return d.quantize(q, rounding=ROUND_HALF_UP)
    return d.quantize(q, rounding=ROUND_HALF_UP)


def shown(x: Decimal) -> Decimal:
    """The derived value as every reader sees it: two decimals, half up.

    Every judgement of a derived value (predikat, mutu IKM, "mencapai target", "memenuhi", efisiensi, naik/turun) is
    made on this value, not on the unrounded one: a capaian of 99,996 % printed "100,00 %" beside "Cukup Berhasil"
    (class [70, 100)), or an IKM of 64,9975 printed "65,00" with mutu D where PermenPANRB 14/2017 prints 65,00 as C,
    would make one page disagree with itself. The computation itself keeps full precision (averages are taken of
    unrounded values); only the verdict reads the printed figure.
    """
    return round_half_up(x, 2)


def shown_difference(x: Number, y: Number) -> Decimal:
    """``x − y`` of two derived values that are printed beside it: the difference of the two figures as printed.

    Why: a row reads "102,50 % | 98,13 % | -4,38 poin persen" when the difference is taken of the unrounded 102,5
    and 98,125, and an auditor who subtracts the printed figures gets 4,37; the page disagrees with itself. Two
    figures that print the same differ by 0 (a caller that must still show a smaller change says so itself).
    """
    return shown(to_decimal(x)) - shown(to_decimal(y))


def _group(digits: str) -> str:
    """Insert '.' every three digits from the right."""
    parts = []
    while len(digits) > 3:
        parts.append(digits[-3:])
        digits = digits[:-3]
    parts.append(digits)
    return ".".join(reversed(parts))


def fmt_number(x: Number, decimals: int = 2) -> str:
    """``1234567.885`` -> ``"1.234.567,89"``; rounds half-up once, never prints ``-0``."""
    d = round_half_up(x, decimals)
    if d == 0:
        d = d.copy_abs()  # no "-0,00"
    sign = "-" if d < 0 else ""
    text = format(d.copy_abs(), "f")  # not abs(): it rounds to the context's 28 digits, and "1.000…000," lost decimals
    whole, _, frac = text.partition(".")
    out = _group(whole)
    if decimals > 0:
        out += "," + frac
    return sign + out


def fmt_seconds(seconds: float) -> str:
    """A duration as the tool prints it to people: ``1.234`` -> ``"1,23 s"``."""
    return fmt_number(seconds, 2) + " s"


def fmt_duration(seconds: float) -> str:
    """A wait as people say it: whole seconds under a minute (``45`` -> ``"45 detik"``), whole minutes above
    (``3600`` -> ``"60 menit"``, as ``--tunggu`` takes it)."""
    if seconds < 59.5:
        return f"{fmt_int(seconds)} detik"
    return f"{fmt_int(seconds / 60)} menit"


def entered_decimals(x: Decimal, max_decimals: int = 4) -> int:
    """How many decimals the author wrote (``73`` -> 0, ``84.82`` -> 2, ``82.50`` -> 1 after normalising); a
    :class:`~.numbers.Derived` number two, as every derived figure."""
    if isinstance(x, Derived):
        return 2
    exponent = x.normalize().as_tuple().exponent
    return min(max(0, -exponent), max_decimals) if isinstance(exponent, int) else 0


def fmt_entered(x: Decimal) -> str:
    """A value as the author entered it: ``73`` -> ``"73"``, ``84.82`` -> ``"84,82"``, ``82.5`` -> ``"82,5"``.

    Entered targets and realisations keep their own precision (a count of 13 is not "13,00"); derived values
    (capaian, averages, serapan) always use two decimals.
    """
    return fmt_number(x, entered_decimals(x))


def fmt_int(x: Number) -> str:
    """Whole number with thousands separators: ``2455208753`` -> ``"2.455.208.753"``."""
    return fmt_number(x, 0)


def fmt_percent(x: Number, decimals: int = 2) -> str:
    """``98.247`` -> ``"98,25 %"`` (normal space before ``%``, see module docstring)."""
    return f"{fmt_number(x, decimals)} %"


def fmt_rupiah(x: Number, whole: bool = False) -> str:
    """``1234567`` -> ``"Rp 1.234.567"``; cents only when the amount has them (``"Rp 1.234.567,50"``).

    ``whole=True`` rounds to whole rupiah (half up), for chart labels where cents are noise.
    """
    d = to_decimal(x)
    if whole:
        d = round_half_up(d, 0)
    decimals = 0 if d == d.to_integral_value() else 2
    text = fmt_number(d, decimals)
    if text.startswith("-"):
        return f"-Rp {text[1:]}"
    return f"Rp {text}"


def fmt_date(date: dt.date) -> str:
    """``date(2024, 1, 31)`` -> ``"31 Januari 2024"``."""
    return f"{date.day} {BULAN[date.month - 1]} {date.year}"


def fmt_nip(nip: str) -> str:
    """``"197001011990031001"`` -> ``"19700101 199003 1 001"`` (birth date, appointment, sex, serial).

    One form for the web's report page and the PDF's signature block: the PDF spaced an 18-digit NIP while the page
    printed it as typed, so an inspector comparing the two read two different-looking numbers for one head."""
    digits = re.sub(r"\s+", "", nip)
    if len(digits) == 18 and digits.isdigit():
        return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
    return nip.strip()


def note_letter(n: int) -> str:
    """A table note's mark: 1 -> ``a``, 26 -> ``z``, 27 -> ``aa`` (as a spreadsheet names its columns).

    Why letters: the narrative's footnotes (an N/A's reason in a sentence, a page footnote in the PDF) are numbered
    1, 2, … through the document, and a table's notes were numbered 1, 2, … under each table, so one PDF page printed
    "(N/A¹)" in a sentence and "¹ N/A: realisasi tidak tersedia" under the table above it, two reasons under one
    mark. Tables mark their notes with letters, as statistical tables do; the footnotes keep the numbers."""
    letters = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def fmt_delta(x: Number, decimals: int = 2) -> str:
    """A change with an explicit sign: ``+1,50``, ``-0,25``, ``0,00`` (for year-on-year tables)."""
    text = fmt_number(x, decimals)
    if round_half_up(x, decimals) > 0:
        return "+" + text
    return text


def fmt_points(x: Number, decimals: int = 2) -> str:
    """A difference of two percentages in points: ``19.146`` -> ``"19,15 poin"`` (an efficiency by the selisih
    methods; "19,15 %" read as a share of something)."""
    return f"{fmt_number(x, decimals)} poin"


def fmt_or_dash(value: Decimal | None, decimals: int | None = None) -> str:
    """A number that may be absent: ``N/A`` for None (the name is older than the N/A rule); ``decimals=None`` keeps the decimals the Decimal carries
    (``73`` -> ``73``, ``84.82`` -> ``84,82``, a difference ``85.79 - 41.59`` -> ``44,20``), so a chart label
    repeats the table's cell exactly. Unlike :func:`fmt_entered` it does not drop trailing zeros."""
    if value is None:
        return NA
    if decimals is None and isinstance(value, Derived):
        decimals = 2
    if decimals is None:
        exponent = value.as_tuple().exponent
        decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    return fmt_number(value, decimals)


def fmt_percent_or_dash(value: Decimal | None) -> str:
    """``98.247`` -> ``98,25 %``; ``N/A`` for None."""
    return NA if value is None else fmt_percent(value)


def fmt_rupiah_or_dash(value: Decimal | None) -> str:
    """Whole rupiah, ``N/A`` for None (chart labels and their data tables)."""
    return NA if value is None else fmt_rupiah(value, whole=True)


def fmt_value_entered(value: Value | int | None) -> str:
    """A data value as the author entered it: a number with its own decimals (:func:`fmt_entered`), a grade as
    written, missing/None as ``N/A``: how messages and the change page quote a target or a realisasi."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = Decimal(value)
    return fmt_entered(value) if isinstance(value, Decimal) else fmt_value(value)


def fmt_value(value: Value | None, decimals: int = 2) -> str:
    """Format a data value: a number id-ID, a qualitative grade as written, missing/None as ``N/A``."""
    if value is None or isinstance(value, Missing):
        return NA
    if isinstance(value, str):
        return value
    return fmt_number(value, decimals)


def missing_reason(value: Value | None) -> str | None:
    """The author's reason for a missing value (for a footnote or ``title``), else None."""
    if isinstance(value, Missing):
        return value.reason
    return None


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    """``4`` -> ``"IV"``; used for BAB numbers and "Triwulan III". Valid for 1..3999."""
    if not 1 <= n <= 3999:
        raise ValueError(f"Angka {n} tidak dapat ditulis sebagai angka Romawi (1-3999)")
    out = []
    for value, sym in _ROMAN:
        count, n = divmod(n, value)
        out.append(sym * count)
    return "".join(out)


def quarter_numeral(periode: str) -> str:
    """``"tw2"`` -> ``"II"``: a quarter as the pages and messages name it ("s.d. TW II", "Triwulan II")."""
    return roman(int(periode[-1]))


def from_roman(text: str) -> int:
    """``"IV"`` -> ``4``; inverse of :func:`roman`, rejects non-canonical forms."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    t = text.strip().upper()
    if not t or any(ch not in values for ch in t):
        raise ValueError(f"'{text}' bukan angka Romawi")
    total = 0
    for i, ch in enumerate(t):
        v = values[ch]
        nxt = values[t[i + 1]] if i + 1 < len(t) else 0
        total += -v if v < nxt else v
    if roman(total) != t:
        raise ValueError(f"'{text}' bukan angka Romawi yang baku")
    return total


def chapter_prefix(chapter: Chapter) -> str:
    """Numbering prefix of tables and figures: BAB III -> "3", Lampiran B -> "B", front matter -> "".

    A lampiran's letter is kept as written: read as a Roman numeral, Lampiran C numbered its tables "Tabel 100.1"
    and Lampiran D "Tabel 500.1"."""
    if not chapter.bab:
        return ""
    if chapter.bab.isdigit():
        return str(int(chapter.bab))
    if chapter.jenis != "bab":
        return chapter.bab
    try:
        return str(from_roman(chapter.bab))
    except ValueError:
        return chapter.bab
