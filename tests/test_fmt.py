"""id-ID formatting: one rounding rule (half-up, once, at display) and the Indonesian separators."""

import datetime as dt
import re
from decimal import Decimal as D
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkjip_site.core.fmt import (
    NA,
    fmt_date,
    fmt_delta,
    fmt_duration,
    fmt_int,
    fmt_number,
    fmt_percent,
    fmt_rupiah,
    fmt_value,
    from_roman,
    missing_reason,
    note_letter,
    roman,
    round_half_up,
)
from lkjip_site.core.model import Missing
from lkjip_site.core.numbers import (NUMBER_WORDS, decimal_from_words, fraction_from_words, from_words,
                                     parse_hand_written, thousands_or_decimal)


@pytest.mark.parametrize("x, expected", [
    (D("1234567.885"), "1.234.567,89"),   # half-up, not banker's rounding
    (D("1234567.884"), "1.234.567,88"),
    (D("0.005"), "0,01"),
    (D("0.015"), "0,02"),                 # banker's rounding would give 0,02 too; next case differs
    (D("0.025"), "0,03"),                 # banker's: 0,02
    (D("999.995"), "1.000,00"),
    (D("100"), "100,00"),
    (D("-1234.5"), "-1.234,50"),
    (D("-0.001"), "0,00"),                # never "-0,00"
    (0, "0,00"),
])
def test_fmt_number(x, expected):
    assert fmt_number(x) == expected


def test_seed_truncation_is_not_used():
    # seed 001: 83,51 / 85 = 98,247...; the report printed the truncated "98,24"
    c = D("83.51") / D("85") * 100
    assert fmt_percent(c) == "98,25 %"


def test_fmt_int_and_decimals():
    assert fmt_int(D("2455208753")) == "2.455.208.753"
    assert fmt_int(D("999.5")) == "1.000"
    assert fmt_number(D("3.14159"), 3) == "3,142"
    assert fmt_number(D("12"), 0) == "12"


def test_fmt_percent_uses_normal_space():
    assert fmt_percent(D("98.25")) == "98,25 %"
    assert fmt_percent(D("98.25"))[-2] == " "  # U+0020, documented choice


def test_fmt_rupiah():
    assert fmt_rupiah(D("1234567")) == "Rp 1.234.567"
    assert fmt_rupiah(D("1234567.00")) == "Rp 1.234.567"
    assert fmt_rupiah(D("1234567.5")) == "Rp 1.234.567,50"
    assert fmt_rupiah(D("-693583150")) == "-Rp 693.583.150"
    assert fmt_rupiah(0) == "Rp 0"


@pytest.mark.parametrize("seconds, text", [(0.3, "0 detik"), (45, "45 detik"), (59.4, "59 detik"), (59.6, "1 menit"),
                                           (300, "5 menit"), (3600, "60 menit"), (90_000, "1.500 menit")])
def test_fmt_duration_says_a_wait_in_seconds_or_whole_minutes(seconds, text):
    """How long a command waited for the site's lock, and its limit, as ``--tunggu`` takes it (minutes)."""
    assert fmt_duration(seconds) == text


def test_fmt_date():
    assert fmt_date(dt.date(2024, 1, 31)) == "31 Januari 2024"
    assert fmt_date(dt.date(2024, 3, 5)) == "5 Maret 2024"
    assert fmt_date(dt.date(2023, 12, 31)) == "31 Desember 2023"


def test_fmt_value_and_missing():
    assert fmt_value(D("84.82")) == "84,82"
    assert fmt_value("BB") == "BB"
    assert fmt_value(Missing("Survei belum dilaksanakan")) == NA == "N/A"  # one way, never a dash (nil)
    assert fmt_value(None) == NA
    assert missing_reason(Missing("Survei belum dilaksanakan")) == "Survei belum dilaksanakan"
    assert missing_reason(D(1)) is None


def test_fmt_delta():
    assert fmt_delta(D("1.5")) == "+1,50"
    assert fmt_delta(D("-0.25")) == "-0,25"
    assert fmt_delta(D("0.001")) == "0,00"


@pytest.mark.parametrize("n, text", [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (1994, "MCMXCIV")])
def test_roman(n, text):
    assert roman(n) == text
    assert from_roman(text) == n


def test_roman_rejects():
    with pytest.raises(ValueError):
        roman(0)
    with pytest.raises(ValueError):
        from_roman("IIII")


@given(st.integers(min_value=1, max_value=3999))
def test_roman_roundtrip(n):
    assert from_roman(roman(n)) == n


def _parse_id(text: str) -> D:
    return D(text.replace(".", "").replace(",", "."))


@given(st.decimals(min_value=-10**12, max_value=10**12, allow_nan=False, allow_infinity=False, places=6))
def test_fmt_number_roundtrips_to_half_up(x):
    text = fmt_number(x)
    assert _parse_id(text) == round_half_up(x, 2)
    whole = text.lstrip("-").split(",")[0]
    groups = whole.split(".")
    assert all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3


@given(st.decimals(min_value=0, max_value=10**6, allow_nan=False, allow_infinity=False, places=4))
def test_round_half_up_is_within_half_a_cent(x):
    r = round_half_up(x, 2)
    assert abs(r - x) <= D("0.005")
    if abs(r - x) == D("0.005"):
        assert r > x  # ties go up (for non-negative values)


@given(st.integers(min_value=0, max_value=10**13))
def test_rupiah_integer_has_no_decimals(n):
    text = fmt_rupiah(D(n))
    assert text.startswith("Rp ") and "," not in text
    assert int(text[3:].replace(".", "")) == n


# ------------------------------------------------------------------------------------------------ hand-written numbers


@pytest.mark.parametrize(("text", "machine", "says"), [
    ("68,85", "68.85", "koma desimal"),
    ("80%", "80", "tanda %"),
    ("68.85%", "68.85", "tanda %"),
    ("12,5 %", "12.5", "tanda % dan koma desimal"),
    ("1.234.567", "1234567", "pemisah ribuan"),
    ("1.234.567,89", "1234567.89", "koma desimal dan pemisah ribuan"),
    ("Rp 5.000.000", "5000000", "awalan Rp dan pemisah ribuan"),
    ("Rp. 1.500", "1500", "awalan Rp dan pemisah ribuan"),
    ("-Rp 500", "-500", "awalan Rp"),
    ("-3,2", "-3.2", "koma desimal"),
    ("68.85", "68.85", "tanda kutip"),
])
def test_hand_written_number_names_the_machine_form(text: str, machine: str, says: str) -> None:
    written = parse_hand_written(text)
    assert written is not None and written.machine == machine and written.value == D(machine)
    assert says in written.advice() and written.advice().endswith(
        f"tulis {machine}" + (" tanpa tanda kutip" if says == "tanda kutip" else ""))


def test_ambiguous_single_group_offers_both_readings() -> None:
    written = parse_hand_written("1.234")
    assert written is not None and written.machine == "1234" and written.alternative == "1.234"
    assert written.advice() == "'1.234' memakai pemisah ribuan; tulis 1234 (atau 1.234 bila titik itu titik desimal)"


@pytest.mark.parametrize(("text", "says"), [
    ("1,250", "tulis 1.25 (atau 1250 bila koma itu pemisah ribuan)"),
    ("1,234", "tulis 1.2340 (atau 1234 bila koma itu pemisah ribuan)"),
    ("98,700%", "tulis 98.7 (atau 98700 bila koma itu pemisah ribuan)"),
    ("12,5", "tulis 12.5"),
])
def test_the_decimal_reading_offered_is_one_the_data_files_take(text: str, says: str) -> None:
    """'1,250' was answered "tulis 1.250", which a CSV and YAML then refuse as a number that may hold a thousands
    dot: the advice now writes the decimal as that refusal asks, and no file refuses it again."""
    advice = parse_hand_written(text).advice()
    assert advice.endswith(says), advice
    written = advice.split("; tulis ", 1)[1].split(" ", 1)[0]
    assert thousands_or_decimal(written) is None


@pytest.mark.parametrize(("text", "says"), [
    ("1.250", "tulis 1250 bila itu ribuan, atau 1.25 bila"),
    ("-82.500", "tulis -82500 bila itu ribuan, atau -82.5 bila"),
    ("1.255", "tulis 1255 bila itu ribuan, atau 1.2550 bila"), ("0.125", None), ("12.3450", None), ("1.25", None),
    ("1250.000", None)])
def test_a_dot_before_three_digits_is_refused_with_both_readings(text: str, says: str | None) -> None:
    """``1.250`` is 1250 as Indonesian prints it and 1,25 as a CSV or YAML file reads it; ``0.125`` never 125."""
    why = thousands_or_decimal(text)
    assert (why is None) if says is None else (why is not None and says in why)


@pytest.mark.parametrize(("text", "machine"), [("82 500", "82500"), ("82\u00a0500", "82500"),
                                                ("Rp 1 250 000", "1250000"), ("1 250 000,5", "1250000.5")])
def test_digits_grouped_with_a_space_name_the_machine_form(text: str, machine: str) -> None:
    written = parse_hand_written(text)
    assert written is not None and written.machine == machine and "spasi pemisah ribuan" in written.advice()


@pytest.mark.parametrize("text", ["12 5", "1 250.5", "2 3 4", "A", "BB", "Baik", "1,2,3", "1.23.4", "Rp", "%", "",
                                  "7.01.02", "--5", "80%%"])
def test_words_grades_and_codes_are_not_numbers(text: str) -> None:
    assert parse_hand_written(text) is None


@given(st.decimals(min_value=-10**12, max_value=10**12, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from(["number", "percent", "rupiah"]))
def test_every_printed_number_reads_back_as_itself(value: D, how: str) -> None:
    """What the site prints (id-ID, core/fmt.py) is recognised when typed back, as the same number, never another."""
    text = {"number": fmt_number(value, 2), "percent": fmt_percent(value), "rupiah": fmt_rupiah(value)}[how]
    written = parse_hand_written(text)
    assert written is not None, text
    assert written.value == value, (text, written)
    assert D(written.machine) == value


@pytest.mark.parametrize("n, mark", [(1, "a"), (2, "b"), (26, "z"), (27, "aa"), (28, "ab"), (52, "az"), (53, "ba"),
                                     (702, "zz"), (703, "aaa")])
def test_a_table_note_is_marked_by_letters_as_a_spreadsheet_names_columns(n: int, mark: str) -> None:
    assert note_letter(n) == mark


@given(st.integers(min_value=1, max_value=20_000))
def test_table_note_marks_are_distinct_letters_in_order(n: int) -> None:
    """Two notes of one table never share a mark, and a later note never sorts before an earlier one by length."""
    here, after = note_letter(n), note_letter(n + 1)
    assert here.isalpha() and here.islower() and here != after
    assert (len(here), here) < (len(after), after)


# ---------------------------------------------------------------------------------------------------------------
# Numbers written in words ("dua puluh dua indikator")

_UNITS = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]


def _below_thousand(n: int) -> list[str]:
    """An independent oracle: ``n`` (1..999) in words, as a dictionary of Indonesian spells it."""
    hundreds, rest = divmod(n, 100)
    out = [] if not hundreds else ["seratus"] if hundreds == 1 else [_UNITS[hundreds], "ratus"]
    if rest >= 20:
        out += [_UNITS[rest // 10], "puluh"] + ([_UNITS[rest % 10]] if rest % 10 else [])
    elif rest >= 12:
        out += [_UNITS[rest - 10], "belas"]
    elif rest:
        out += ["sepuluh" if rest == 10 else "sebelas" if rest == 11 else _UNITS[rest]]
    return out


def in_words(n: int) -> str:
    if n == 0:
        return "nol"
    out: list[str] = []
    for scale, word in ((10 ** 12, "triliun"), (10 ** 9, "miliar"), (10 ** 6, "juta"), (10 ** 3, "ribu")):
        part, n = divmod(n, scale)
        if part:
            out += ["seribu"] if part == 1 and word == "ribu" else [*_below_thousand(part), word]
    return " ".join(out + (_below_thousand(n) if n else []))


@pytest.mark.parametrize("text, n", [("nol", 0), ("satu", 1), ("sebelas", 11), ("dua belas", 12), ("dua puluh", 20),
                                     ("Dua Puluh Dua", 22), ("seratus", 100), ("seratus sebelas", 111),
                                     ("seribu", 1000), ("seribu dua ratus lima puluh", 1250), ("satu juta", 10 ** 6),
                                     ("Tiga  Puluh\nLima", 35), ("milyar", None), ("dua tiga", None),
                                     ("lima belas belas", None), ("satu puluh", None), ("puluh", None), ("", None)])
def test_a_number_in_words_is_read_as_written(text: str, n: int | None) -> None:
    """"lima belas belas" (a real report's typo) and "dua tiga" (two or three) are no number: read as none."""
    assert from_words(text) == n


@pytest.mark.parametrize("whole, decimals, said", [("sembilan puluh tujuh", "lima", ("97.5", 1)),
                                                   ("dua", "nol lima", ("2.05", 2)),
                                                   ("delapan puluh enam", "tiga enam", ("86.36", 2)),
                                                   ("seratus", "dua puluh lima", ("100.25", 2)),
                                                   ("seratus", None, ("100", 0)), ("dua tiga", "lima", None),
                                                   ("lima", "dua tiga belas", None)])
def test_a_number_in_words_is_read_with_its_decimals(whole: str, decimals: str | None, said) -> None:
    """"koma" then digits one by one or one number: the decimals as said (",05" keeps its zero)."""
    assert decimal_from_words(whole, decimals) == (None if said is None else (D(said[0]), said[1]))


@pytest.mark.parametrize("text, value", [("setengah", Fraction(1, 2)), ("Separuh", Fraction(1, 2)),
                                         ("sepertiga", Fraction(1, 3)), ("seperempat", Fraction(1, 4)),
                                         ("dua pertiga", Fraction(2, 3)), ("tiga  perempat", Fraction(3, 4)),
                                         ("empat perempat", None), ("pertiga", None), ("sepuluh", None)])
def test_a_fraction_in_words_is_read(text: str, value: Fraction | None) -> None:
    assert fraction_from_words(text) == value


@given(st.integers(min_value=0, max_value=10 ** 15 - 1), st.sampled_from([str.lower, str.upper, str.title]))
def test_every_number_written_in_words_reads_back_as_itself(n: int, case) -> None:
    """Round trip: any whole number below a thousand trillion, spelled as Indonesian writes it, in any case."""
    text = case(in_words(n))
    assert from_words(text) == n, text
    assert re.fullmatch(NUMBER_WORDS, text, re.I), text


@pytest.mark.parametrize("text, runs", [("satu-satunya indikator", []), ("kesatu dan kedua", []),
                                        ("sepuluhnya", []), ("salah satu indikator", ["satu"]),
                                        ("dari dua puluh dua indikator", ["dua puluh dua"])])
def test_number_words_are_found_as_whole_words(text: str, runs: list[str]) -> None:
    assert re.findall(NUMBER_WORDS, text, re.I) == runs
