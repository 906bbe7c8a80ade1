"""yamlload: line tracking, duplicate keys at every depth, syntax errors in Indonesian at the right line."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from lkjip_site.core.diagnostics import Diagnostics
from lkjip_site.load.yamltree import YList, YMap, key_lines, load_yaml


def load(text: str, offset: int = 0) -> tuple[object, Diagnostics]:
    diags = Diagnostics()
    return load_yaml(text, "f.yaml", diags, line_offset=offset), diags


def test_lines_of_maps_and_lists() -> None:
    text = (
        "judul: A\n"          # 1
        "daftar:\n"           # 2
        "  - satu\n"          # 3
        "  - nama: dua\n"     # 4
        "    nilai: 2\n"      # 5
        "\n"                  # 6
        "peta:\n"             # 7
        "  a: 1\n"            # 8
        "  b: [x, y]\n"       # 9
    )
    data, diags = load(text)
    assert not diags.items
    assert isinstance(data, YMap) and data.line == 1
    assert data.line_of("judul") == 1 and data.line_of("daftar") == 2 and data.line_of("peta") == 7
    daftar = data["daftar"]
    assert isinstance(daftar, YList) and daftar.line == 3
    assert daftar.lines == [3, 4]
    assert daftar[1].line == 4 and daftar[1].line_of("nilai") == 5
    assert data["peta"].line == 8 and data["peta"].line_of("b") == 9
    assert data["peta"]["b"].line == 9 and data["peta"]["b"] == ["x", "y"]
    # unknown keys/indices fall back to the container's own line
    assert data["peta"].line_of("zzz") == 8 and daftar.line_of(7) == 3


def test_line_offset_is_added() -> None:
    """Front matter starts on line 2 of a chapter file: every line is shifted by the offset."""
    data, _ = load("judul: A\nurutan: 3\n", offset=1)
    assert data.line == 2 and data.line_of("urutan") == 3


def test_plain_dict_semantics_kept() -> None:
    data, _ = load("a: 1\nb: {c: 2}\n")
    assert data == {"a": 1, "b": {"c": 2}}
    assert isinstance(data, dict) and isinstance(data["b"], dict)


@pytest.mark.parametrize(
    ("text", "line", "first"),
    [
        ("a: 1\nb: 2\na: 3\n", 3, 1),  # top level
        ("x:\n  y:\n    p: 1\n    q: 2\n    p: 3\n", 5, 3),  # two levels deep
        ("l:\n  - k: 1\n    m: 2\n  - k: 3\n    k: 4\n", 5, 4),  # inside a list item (second item)
        ("f: {a: 1, b: 2, a: 3}\n", 1, 1),  # flow mapping on one line
        ("2023: 80\n2024: 81\n2023: 82\n", 3, 1),  # year keys (integers)
    ],
    ids=["akar", "bersarang", "dalam-daftar", "flow", "kunci-tahun"],
)
def test_duplicate_keys_name_both_lines(text: str, line: int, first: int) -> None:
    data, diags = load(text)
    [d] = diags.errors
    assert d.file == "f.yaml" and d.line == line
    assert f"(pertama di baris {first})" in d.message and "ditulis dua kali" in d.message


def test_duplicate_key_keeps_first_value() -> None:
    data, diags = load("a: 1\na: 2\n")
    assert data == {"a": 1} and len(diags.errors) == 1


def test_all_duplicates_reported() -> None:
    _, diags = load("a: 1\na: 2\nb:\n  c: 1\n  c: 2\n")
    assert sorted(d.line for d in diags.errors) == [2, 5]


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ("a:\n  b: 1\n\tc: 2\n", 3, "TAB"),
        ("a:\n\tb: 1\n", 2, "TAB"),
        ("a: Jl. Contoh: No. 1\n", 1, "tanda ':'"),
        ("a: 1\nb\nc: 2\n", 3, "tanda ':' tidak ditemukan"),
        ("a:\n  b: 1\n c: 2\n", 3, "indentasi"),
        # something opened and never closed is reported where it opens (the end of the text is no line to fix)
        ('a: "abc\nb: 1\n', 1, "tanda kutip"),
        ("a: [1, 2\nb: 3\n", 1, "daftar [ ... ]"),
        ("a: {x: 1\nb: 2\n", 1, "pemetaan { ... }"),
        ("a: *x\n", 1, "alias"),
        ("a: @x\n", 1, "tanda kutip"),
        ("a: 1\n---\nb: 2\n", 2, "satu dokumen"),
        ('a: "\\q"\n', 1, "tanda kutip"),
        ("a: !!python/object x\n", 1, "tag YAML"),
        # a dash for "no value", as printed tables have it: was "(block sequence entries are not allowed ...)"
        ("realisasi:\n  2023: -\n", 2, "bila nilainya tidak ada, tulis {tidak_ada: alasan}"),
        ("a: [1, , 2]\n", 1, "nilai tidak ditemukan"),
        ("a: &x 1\nb: &x 2\n", 2, "jangkar YAML ('&') yang sama ditulis dua kali"),
    ],
    ids=["tab-dalam", "tab-awal", "titik-dua", "tanpa-titik-dua", "indentasi", "kutip", "daftar", "pemetaan",
         "alias", "at", "dua-dokumen", "escape", "tag", "strip-tanpa-nilai", "butir-kosong", "jangkar-ganda"],
)
def test_syntax_errors_in_indonesian_at_line(text: str, line: int, says: str) -> None:
    data, diags = load(text)
    assert data is None
    [d] = diags.errors
    assert d.line == line, d
    assert d.message.startswith("YAML tidak dapat dibaca: ") and says in d.message
    assert not re.search(r"\b(found|expected|not|while|the|could)\b", d.message), d.message


def _laughs(levels: int, width: int, mapping: bool) -> str:
    """Each level ``width`` aliases of the one before: a few lines that stand for width ** levels entries."""
    lines = ["l0: &l0 {v: ha}"]
    for i in range(1, levels):
        items = [f"k{j}: *l{i - 1}" if mapping else f"*l{i - 1}" for j in range(width)]
        lines.append(f"l{i}: &l{i} " + ("{" + ", ".join(items) + "}" if mapping else "[" + ", ".join(items) + "]"))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("mapping", [True, False], ids=["pemetaan", "daftar"])
def test_alias_bomb_is_refused_at_its_anchor_line(mapping: bool) -> None:
    """Aliases of aliases ("billion laughs"): a dozen lines in laporan.yaml stood for 10**9 entries, and check and
    build hung in the line index (``key_lines``) until killed. Refused before it is built, at the line of the anchor
    most repeated, with the file and line offset of a front matter."""
    data, diags = load(_laughs(10, 10, mapping) + "capaian: *l9\n", offset=3)
    built = data is not None  # (not shown by an assertion: its repr alone would never end)
    del data
    assert not built
    [d] = diags.errors
    assert d.line == 3 + 10 and "alias YAML ('*')" in d.message and "100.000" in d.message, d


def test_a_few_aliases_are_read_as_before() -> None:
    """Repeating a list or a mapping a few times (a common ``kualitatif`` list) is still allowed."""
    data, diags = load("a: &g [A, B, C]\nb: *g\nc: {x: *g, y: *g}\n" + _laughs(4, 10, True))
    assert not diags.items
    assert data["b"] == ["A", "B", "C"] and data["c"]["y"] == ["A", "B", "C"]
    assert len(key_lines(data)) > 1000


def test_syntax_error_line_respects_offset() -> None:
    _, diags = load("a: 1\n\tb: 2\n", offset=5)
    assert diags.errors[0].line == 7


def test_impossible_date_stays_text() -> None:
    """30 February is not a date: kept as text (no crash) so the schema reports it at its line."""
    data, diags = load("a: 2024-02-30\nb: 2024-02-15\n")
    assert not diags.items
    assert data["a"] == "2024-02-30" and data["b"] == dt.date(2024, 2, 15)


def test_no_code_execution() -> None:
    data, diags = load("a: !!python/name:os.system\n")
    assert data is None and diags.errors


def test_key_paths_are_shared_between_files() -> None:
    """Every indicator of every report has the same key paths (``realisasi.2023``); the model keeps them as long as a
    build holds the report, so each is one string, not a copy per indicator (some 30 MB on 500 reports)."""
    first = load_yaml("- realisasi:\n    2023: 1\n", "a.yaml", Diagnostics())
    second = load_yaml("- nama: x\n  realisasi:\n    2023: 2\n", "b.yaml", Diagnostics())
    a, b = key_lines(first[0]), key_lines(second[0])
    assert a["realisasi.2023"] == 2 and b["realisasi.2023"] == 3
    assert next(k for k in a if k == "realisasi.2023") is next(k for k in b if k == "realisasi.2023")


@pytest.mark.parametrize("written, read", [
    ("1:20", "1:20"), ("1:40:00", "1:40:00"), ("0x1F", "0x1F"), ("0o17", "0o17"), ("0b101", "0b101"),
    ("1_000", "1_000"), (".nan", ".nan"), ("-.inf", "-.inf"), ("1e3", "1e3"),
    ("017", 17), ("08", 8), ("-5", -5), ("+5", 5), ("84.82", 84.82), (".5", 0.5), ("2023", 2023)])
def test_numbers_are_read_as_written_in_decimal(written: str, read: object) -> None:
    """YAML 1.1 (PyYAML's rules) read 1:20 as 80 (base 60), 017 as 15 (octal), 0x1F as 31, and .nan as a float: a
    number the author did not write. Only decimal numbers are numbers; the rest stays text for the schema to refuse."""
    diags = Diagnostics()
    value = load_yaml(f"nilai: {written}\n", "x.yaml", diags)["nilai"]
    assert value == read and type(value) is type(read) and not diags.items


@pytest.mark.parametrize(("text", "line", "key", "value"), [
    ("a: 1\nb: 84.82\u00a0\n", 2, "b", 84.82),      # after a number: was text, said to "use quotation marks"
    ("a: 1\nsatuan\u00a0: x\n", 2, "satuan", "x"),  # before a colon: was an unknown key 'satuan ' and a missing one
])
def test_a_no_break_space_around_a_plain_value_is_said_at_its_line(text: str, line: int, key: str,
                                                                   value: object) -> None:
    """Word, Excel and web pages type U+00A0 where a space is meant; YAML keeps it. Said at its line, by name, and
    the value read as it would be without it, so no second, misleading message follows."""
    data, diags = load(text)
    [d] = diags.errors
    assert d.line == line and "spasi tak terputus (U+00A0" in d.message and "hapus spasi itu" in d.message
    assert data[key] == value and type(data[key]) is type(value)


def test_a_no_break_space_after_a_colon_is_named_at_its_own_line() -> None:
    """``2023:<U+00A0>84.82`` is one word to YAML; the error was "':' tidak ditemukan" on the line after it."""
    data, diags = load("realisasi:\n  2022: 82.85\n  2023:\u00a084.82\nsatuan: nilai\n")
    [d] = diags.errors
    assert data is None and d.line == 3 and "baris ini memuat spasi tak terputus (U+00A0" in d.message
    assert "ganti dengan spasi biasa" in d.message


def test_a_no_break_space_inside_quoted_text_is_text() -> None:
    data, diags = load('a: "Rp\u00a01.000\u00a0"\n')
    assert not diags.items and data["a"] == "Rp\u00a01.000\u00a0"
