"""The one place that turns text and YAML scalars into ``Decimal`` and recognises numbers typed the Indonesian way.

Why one module: a value read from YAML, a cell of a CSV or a spreadsheet, and a percentage typed in the narrative
must all become the same ``Decimal`` by the same rule, or two places of the site would show one number in two ways.
Floats from YAML go through ``repr`` so ``84.82`` stays 84.82, not its binary approximation. A number typed the
way it is printed (``68,85``, ``80%``, ``Rp 5.000.000``) is recognised by :func:`parse_hand_written`, so the schema
and the CSV reader can reject it with the exact machine form to write, never read it as a different number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Context, Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

#: A number in machine form, as CSV cells and YAML scalars carry it: ``-12``, ``84.82``.
PLAIN = re.compile(r"-?\d+(?:\.\d+)?")


#: The most digits before the decimal point a value may have. Rupiah of a whole state budget have 16; Decimal's
#: arithmetic keeps 28 significant digits, so a 30-digit value typed by mistake stopped the build as "galat
#: internal" when it was rounded for display. Said at its line instead (:func:`too_large`).
MAX_WHOLE_DIGITS = 18
TOO_LARGE = f"angka terlalu besar (lebih dari {MAX_WHOLE_DIGITS} digit sebelum titik desimal); periksa angkanya"


#: The most decimals a value may have: what a spreadsheet's cell gives (``sheets/read.spreadsheet_decimal`` rounds
#: its binary noise away there). ``target: 0.0000000000000000000000000001`` stopped the build as "galat internal"
#: when its capaian was rounded for display; no figure of a performance report needs more.
MAX_DECIMALS = 10
TOO_PRECISE = (f"angka desimal terlalu banyak (lebih dari {MAX_DECIMALS} angka di belakang titik desimal); periksa "
               "angkanya")
#: The significant digits a spreadsheet keeps and shows: Excel saves a formula's result with its binary noise
#: (``=1234567,1*3`` as ``3703701.3000000003``) but shows and keeps only 15 digits of what is typed.
SPREADSHEET_DIGITS = 15
_SPREADSHEET = Context(prec=SPREADSHEET_DIGITS, rounding=ROUND_HALF_EVEN)


def spreadsheet_digits(value: Decimal) -> Decimal:
    """``value`` to the 15 significant digits a spreadsheet cell holds: ``3703701.3000000003`` -> ``3703701.3``."""
    return _SPREADSHEET.plus(value)


#: The most digits YAML reads as a whole number: Python refuses to read more than 4300 (``galat internal``), and any
#: number of more than :data:`MAX_WHOLE_DIGITS` digits is refused anyway (``yamltree``).
LONGEST_INTEGER = 100


def too_large(value: Any) -> bool:
    """Whether a number has more whole digits than :data:`MAX_WHOLE_DIGITS`, or is a float that overflowed to
    infinity (a YAML number of 400 digits) (text and non-numbers: False)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return False
    d = to_decimal(value)
    return not d.is_finite() or (d != 0 and d.adjusted() >= MAX_WHOLE_DIGITS)


def too_precise(value: Any) -> bool:
    """Whether a finite number has more decimals than :data:`MAX_DECIMALS` (text and non-numbers: False)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return False
    d = to_decimal(value)
    return d.is_finite() and d != 0 and -d.normalize().as_tuple().exponent > MAX_DECIMALS  # type: ignore[operator]


def number_problem(value: Any) -> str | None:
    """What is wrong with a number's size (:data:`TOO_LARGE`, :data:`TOO_PRECISE`), or None: one rule for YAML, CSV
    cells and spreadsheet cells."""
    if too_large(value):
        return TOO_LARGE
    if too_precise(value):
        return TOO_PRECISE
    return None


class Derived(Decimal):
    """A number computed from entered ones (a mean of quarters), not typed by the author: shown with two decimals,
    as every derived figure is, where an entered number keeps the decimals it was written with (a mean of quarters
    was printed "90,1667 %" as if typed so, and "91,125" in a chart's sentence)."""

    __slots__ = ()


def to_decimal(value: Any) -> Decimal:
    """Decimal from a Decimal, int, float or numeric string; raises on anything else (booleans included)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("nilai boolean bukan angka")
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def as_decimal(value: Any) -> Decimal | None:
    """Like :func:`to_decimal`, but None for anything that is not a finite number (None, "", a grade, N/A)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None
    if not isinstance(value, (Decimal, int, float, str)):
        return None
    try:
        d = to_decimal(value)
    except (InvalidOperation, ValueError, TypeError):
        return None
    return d if d.is_finite() else None


def from_id_parts(whole: str, frac: str | None) -> tuple[Decimal, int]:
    """``("1.234", "5")`` (the parts of ``1.234,5``) -> ``(Decimal("1234.5"), 1)``: value and decimals written."""
    text = whole.replace(".", "") + ("." + frac if frac else "")
    return Decimal(text), len(frac or "")


def machine_form(text: str) -> str:
    """``1.234.567,89`` -> ``1234567.89``: what to write in a data file instead of the printed form."""
    return text.strip().replace(".", "").replace(",", ".")


@dataclass(frozen=True)
class HandWritten:
    """A number typed the way it is printed (``68,85``, ``80%``, ``Rp 5.000.000``) where data needs the machine form.

    ``machine`` is exactly what to write instead (``68.85``); ``mistakes`` names what differs, in Indonesian.
    """

    text: str
    value: Decimal
    machine: str
    mistakes: tuple[str, ...]
    alternative: str | None = None  # ``1.234`` may also be a decimal point: the other reading, offered too
    #: when the other reading holds: ``1,250`` is 1,25 as Indonesian writes it, 1250 as English Excel does
    alternative_if: str = "titik itu titik desimal"

    def advice(self) -> str:
        """``'68,85' memakai koma desimal; tulis 68.85`` (what is wrong and the exact replacement)."""
        wrong = ", ".join(self.mistakes[:-1]) + (" dan " if len(self.mistakes) > 1 else "") + self.mistakes[-1]
        quoted = " tanpa tanda kutip" if self.mistakes == (QUOTED,) else ""
        other = f" (atau {self.alternative} bila {self.alternative_if})" if self.alternative else ""
        return f"'{self.text}' memakai {wrong}; tulis {unambiguous(self.machine)}{quoted}{other}"


QUOTED = "tanda kutip (YAML membacanya sebagai teks)"

#: One dot before exactly three digits, after a first digit that is no 0: how ``1250`` is printed in Indonesian.
_THOUSANDS_OR_DECIMAL = re.compile(r"-?[1-9]\d{0,2}\.\d{3}")


def unambiguous(machine: str) -> str:
    """A machine number the data files take as the decimal it is: ``1.250`` -> ``1.25``, ``1.234`` -> ``1.2340``.

    Why: '1,250' and '98,700%' were answered "tulis 1.250" and "tulis 98.700", which the same files then refuse as
    a number that may hold a thousands dot (:func:`thousands_or_decimal`): the author was sent in a circle. The
    decimal reading is written as that refusal itself asks, without its last zero or with a fourth place."""
    if not _THOUSANDS_OR_DECIMAL.fullmatch(machine):
        return machine
    return machine.rstrip("0").rstrip(".") if machine.endswith("0") else machine + "0"


def thousands_or_decimal(text: str) -> str | None:
    """Why a machine number ``1.250`` is refused, with both readings, or None when it is no such number.

    Why: Indonesian prints 1250 as ``1.250``, which a CSV (as Excel saves it) reads as 1,25: a total a thousand times
    too small, without a word. A decimal with three places is written with a fourth (``12.3450``) or without its last
    zero (``1.25``); ``0.125`` is never a thousands group. (In YAML, typed by hand with a decimal point as the guide
    asks, only rupiah are refused: ``schema.Num.money``; an IKM of ``83.515`` is a decimal.)"""
    if not _THOUSANDS_OR_DECIMAL.fullmatch(text):
        return None
    decimal = unambiguous(text)
    return (f"'{text}' dapat berarti ribuan; tulis {text.replace('.', '')} bila itu ribuan, atau {decimal} bila "
            "titik itu titik desimal")
#: Digits grouped by threes with a space, a no-break space or a narrow one: ``82 500``, ``Rp 1 250 000,50``.
_SPACED = re.compile(r"[-−]?\s*(?:rp\.?\s*)?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?\s*(?:%|persen)?", re.I)
_SPACE_GROUP = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3})")
#: ``1,234,567.00`` or ``1,234,567``: a number as Excel writes it under English settings (commas group thousands, a
#: dot is the decimal point); never an Indonesian number, which has one decimal comma at most.
_ENGLISH = re.compile(r"\d{1,3}(?:,\d{3})+\.\d+|\d{1,3}(?:,\d{3}){2,}")
ENGLISH = "koma pemisah ribuan (format angka Excel berbahasa Inggris)"
_HAND = re.compile(
    r"(?P<sign1>[-−]?)\s*(?P<rp>rp\.?\s*)?(?P<sign2>[-−]?)\s*(?P<body>\d[\d.,]*?)\s*(?P<pct>%|persen)?", re.I)


def parse_hand_written(text: str) -> HandWritten | None:
    """Recognise a number as people type it by hand in a spreadsheet or a report; None for anything else.

    Rules (the ones Indonesian documents follow): a comma is the decimal mark (``68,85``); with a comma, or after
    ``Rp``, or in more than one group, dots separate thousands (``1.234.567``, ``Rp 5.000``); one dot followed by
    exactly three digits is read as thousands too (``1.234``, as printed), with the decimal reading offered as well;
    any other single dot is a decimal point (``68.85%``). A plain machine number as text (``"68.85"`` in quotes) is recognised too:
    YAML would read it as text. Grades (``A``, ``BB``) and words are never numbers.
    """
    raw = text.strip()
    spaced = _SPACED.fullmatch(raw)  # ``82 500`` (Word and LibreOffice group digits with a space): read as dots
    m = _HAND.fullmatch(_SPACE_GROUP.sub(".", raw) if spaced else raw)
    if not m:
        return None
    body, mistakes, alternative, alternative_if = m.group("body"), [], None, HandWritten.alternative_if
    if m.group("rp"):
        mistakes.append("awalan Rp")
    if m.group("pct"):
        mistakes.append("tanda %")
    if not spaced and _ENGLISH.fullmatch(body):
        mistakes.append(ENGLISH)
        digits = body.replace(",", "")
    elif "," in body:
        if not re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d+|\d+,\d+", body):
            return None
        thousands = "spasi pemisah ribuan" if spaced else "pemisah ribuan"
        mistakes += ["koma desimal", thousands] if "." in body else ["koma desimal"]
        digits = body.replace(".", "").replace(",", ".")
        if re.fullmatch(r"[1-9]\d{0,2},\d{3}", body):  # ``1,250``: Excel set to English writes 1250 so
            alternative, alternative_if = body.replace(",", ""), "koma itu pemisah ribuan"
    elif spaced or body.count(".") > 1 or (m.group("rp") and "." in body):
        if not re.fullmatch(r"\d{1,3}(?:\.\d{3})+", body):
            return None
        mistakes.append("spasi pemisah ribuan" if spaced else "pemisah ribuan")
        digits = body.replace(".", "")
    elif re.fullmatch(r"\d{1,3}\.\d{3}", body):
        mistakes.append("pemisah ribuan")
        digits, alternative = body.replace(".", ""), body
    elif re.fullmatch(r"\d+(?:\.\d+)?", body):
        digits = body
        if not mistakes:
            mistakes.append(QUOTED)
    else:
        return None
    if m.group("sign1") and m.group("sign2"):
        return None
    sign = "-" if m.group("sign1") or m.group("sign2") else ""
    return HandWritten(raw, Decimal(sign + digits), sign + digits, tuple(mistakes),
                       sign + alternative if alternative else None, alternative_if)


def typed_money(text: str) -> Decimal | None:
    """A rupiah amount typed as printed (``1.633.431.429,00``, ``Rp 5.000``), or None when the text is no number.

    Where the text reads two ways, the reading with three decimals is not the amount: a rupiah has none. ``1.250``
    is 1250 (already the first reading), and ``2,500``, which English Excel writes for 2500, is 2500: read as
    Indonesian, the budget import wrote ``pagu: 2.5`` for it, with no error."""
    found = parse_hand_written(text)
    if found is None:
        return None
    if found.alternative is not None and found.value.as_tuple().exponent == -3:
        return Decimal(found.alternative)
    return found.value


def typed_number(text: str) -> tuple[Decimal, str] | None:
    """A number typed as text in a spreadsheet cell or a CSV export (``68,85``, ``1.234.567``, ``80 %``,
    ``Rp 1.234``): its value and the machine form to suggest, read by :func:`parse_hand_written` (the one reading of
    hand-typed numbers); None when the text is no number at all. Callers decide whether such text is accepted (a CSV
    export of money) or only explained (a number cell of a workbook, where the cell should hold a number)."""
    found = parse_hand_written(text)
    return (found.value, found.machine) if found is not None else None


#: What a spreadsheet or a printed table shows where a number is not: a dash (a zero in Excel's Accounting format, or
#: "no data" typed by hand), N/A, a formula's error (``#DIV/0!``). Kinds named by :func:`placeholder`.
_PLACEHOLDERS = {
    "strip": re.compile(r"[-–—]"),
    "n/a": re.compile(r"#?n/?a|tidak ada|belum ada|nihil", re.I),
    "rumus": re.compile(r"#(?:div/0!|value!|ref!|name\?|num!|null!|spill!|calc!|getting_data)", re.I),
}
_BRACKETED = re.compile(r"\((?P<number>[\d.,]+)\)")


def placeholder(text: str) -> str | None:
    """Which kind of stand-in for a number ``text`` is (``strip``, ``n/a``, ``rumus``), or None: one reading for a
    CSV cell and a YAML value, each of which says what to write in its own file's terms."""
    cell = text.strip()
    return next((kind for kind, pattern in _PLACEHOLDERS.items() if pattern.fullmatch(cell)), None)


def bracketed_negative(text: str) -> str | None:
    """``(1.250)``, an accountant's negative, as the machine number to write instead (``-1250``), or None."""
    found = _BRACKETED.fullmatch(text.strip())
    if found is None:
        return None
    typed = parse_hand_written(found.group("number"))
    return "-" + (typed.machine if typed is not None else found.group("number"))


#: What a spreadsheet takes for the start of a formula when it opens a CSV (CSV or formula injection): a citizen who
#: opened the open data in Excel ran ``=HYPERLINK(…)`` or ``=cmd|' /C calc'!A0`` an author had typed as a name.
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def formula_lead(text: str) -> str | None:
    """The character that makes a spreadsheet read ``text``, a cell of a published CSV, as a formula; None when it
    is none, or is a plain number or a sign alone (``-5``, ``-``: a spreadsheet shows them as written)."""
    if not text.startswith(FORMULA_LEADS) or text.strip() in ("-", "+") or PLAIN.fullmatch(text.lstrip("+")):
        return None
    return text[0]


def formula_advice(text: str) -> str:
    """Why a text :func:`formula_lead` finds cannot be published, and what to write instead."""
    lead = text[0]
    shown = {"\t": "TAB", "\r": "CR"}.get(lead, lead)
    bare = text.lstrip("".join(FORMULA_LEADS) + " ")
    instead = f", mis. '{bare[:40]}'" if bare else ""
    return (f"'{text[:40]}' diawali '{shown}', yang dibaca Excel dan LibreOffice sebagai awal rumus saat warga membuka "
            "data terbuka (CSV) laporan ini: rumus dari berkas dapat membuka alamat internet atau menjalankan perintah "
            f"di komputer pembacanya; hapus '{shown}' di depan{instead}, atau awali dengan kata")


# ---------------------------------------------------------------------------------------------------------------
# Numbers written in words

#: The digits' words; "satu" is not said before "puluh", "belas", "ratus" or "ribu" in good writing ("sepuluh",
#: "sebelas", "seratus", "seribu") but "satu juta" is.
_DIGIT_WORDS = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
                "sembilan": 9}
_SE_WORDS = {"sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000}
#: The scales after a group of hundreds, largest last (the order a number says them in, reversed).
_SCALE_WORDS = {"ribu": 10 ** 3, "juta": 10 ** 6, "miliar": 10 ** 9, "milyar": 10 ** 9, "triliun": 10 ** 12}
_D = "(?:" + "|".join(_DIGIT_WORDS) + ")"
_D2 = "(?:" + "|".join(w for w in _DIGIT_WORDS if w != "satu") + ")"
#: One group below a thousand: "seratus dua puluh lima", "tujuh belas", "sembilan".
_GROUP = (rf"(?:(?:seratus|{_D2}\s+ratus)(?:\s+(?:sepuluh|sebelas|{_D2}\s+belas|{_D2}\s+puluh(?:\s+{_D})?|{_D}))?"
          rf"|sepuluh|sebelas|{_D2}\s+belas|{_D2}\s+puluh(?:\s+{_D})?|{_D})")
_WHOLE = re.compile(rf"nol|(?=\S)(?:{_GROUP}\s+triliun\b\s*)?(?:{_GROUP}\s+(?:miliar|milyar)\b\s*)?"
                    rf"(?:{_GROUP}\s+juta\b\s*)?(?:(?:seribu|{_GROUP}\s+ribu)\b\s*)?(?:{_GROUP})?", re.I)
#: A run of number words in a text, whole words only ("satu-satunya", "kesatu", "sepuluhnya" are not numbers):
#: what :func:`from_words` reads. A run that is no number ("dua tiga hari", "satu dua") is read as none.
NUMBER_WORDS = r"(?<![\w-])(?:{w})(?:\s+(?:{w}))*(?![\w-])".format(
    w="|".join(["nol", *_DIGIT_WORDS, *_SE_WORDS, "belas", "puluh", "ratus", *_SCALE_WORDS]))


def from_words(text: str) -> int | None:
    """``"dua puluh dua"`` -> 22, ``"seratus"`` -> 100, ``"tiga ribu lima ratus"`` -> 3500: a whole number written
    in Indonesian words (any case, any spaces between the words), up to the trillions; None for words that are no
    number ("dua tiga", "lima belas belas").

    Why: an author who writes "sembilan belas dari dua puluh dua indikator" or "Tiga Puluh Empat indikator" types a
    count the checks of :mod:`..compute.typed` read only when written in digits, so a wrong one passed unread."""
    words = text.casefold().split()
    if not words or _WHOLE.fullmatch(" ".join(words)) is None:
        return None
    total = group = digit = 0
    for w in words:
        if w in _DIGIT_WORDS:
            digit = _DIGIT_WORDS[w]
        elif w == "seribu":
            total += 1000
        elif w in _SE_WORDS:
            group += _SE_WORDS[w]
        elif w in ("ratus", "puluh"):
            group, digit = group + digit * (100 if w == "ratus" else 10), 0
        elif w == "belas":
            group, digit = group + digit + 10, 0
        elif w in _SCALE_WORDS:
            total, group, digit = total + (group + digit) * _SCALE_WORDS[w], 0, 0
    return total + group + digit


def decimal_from_words(whole: str, decimals: str | None = None) -> tuple[Decimal, int] | None:
    """``("sembilan puluh tujuh", "lima")`` (the parts of "sembilan puluh tujuh koma lima") -> ``(Decimal("97.5"),
    1)``: a number said in words with its decimals after "koma", and the decimals said; None for words that are no
    number.

    The decimals are said digit by digit ("koma nol lima": ,05; "koma dua lima": ,25) or as one number ("koma dua
    puluh lima": ,25). Why: "sembilan puluh tujuh koma delapan persen" was read as "delapan persen", a number the
    author never wrote, and a wrong average said in words passed or was named wrong."""
    n = from_words(whole)
    if n is None:
        return None
    if decimals is None:
        return Decimal(n), 0
    words = decimals.casefold().split()
    if all(w == "nol" or w in _DIGIT_WORDS for w in words):
        digits = "".join(str(_DIGIT_WORDS.get(w, 0)) for w in words)
    else:
        said = from_words(decimals)
        if said is None:
            return None
        digits = str(said)
    return Decimal(f"{n}.{digits}"), len(digits)


#: A fraction said in words, as a share is said: "setengah", "separuh", "sepertiga", "dua pertiga", "tiga
#: perempat" (:func:`fraction_from_words`).
FRACTION_WORDS = (r"(?<![\w-])(?:setengah|separuh|sepertiga|seperempat|seperlima|"
                  r"(?:dua|tiga|empat)\s+(?:pertiga|perempat|perlima))(?![\w-])")
_DENOMINATORS = {"setengah": 2, "separuh": 2, "pertiga": 3, "perempat": 4, "perlima": 5}


def fraction_from_words(text: str) -> Fraction | None:
    """``"dua pertiga"`` -> 2/3, ``"setengah"`` -> 1/2; None for anything else, and for a fraction of one or more
    ("empat perempat")."""
    words = text.casefold().split()
    if len(words) == 1:
        below = _DENOMINATORS.get(words[0]) or _DENOMINATORS.get(words[0].removeprefix("se"))
        return Fraction(1, below) if below and words[0].startswith("se") else None
    if len(words) == 2 and words[0] in _DIGIT_WORDS and words[1] in _DENOMINATORS:
        top, below = _DIGIT_WORDS[words[0]], _DENOMINATORS[words[1]]
        return Fraction(top, below) if top < below else None
    return None
