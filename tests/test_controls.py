"""Invisible control characters and number sizes the security probe found (``core/controls.py``, ``core/numbers.py``):
what the terminal is given, what a chart's expression holds, a CSV cell's decimals, a hidden report folder."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from test_content import _data

from lkjip_site.cli.main import main
from lkjip_site.core.controls import js_literal
from lkjip_site.core.diagnostics import Diagnostic
from lkjip_site.core.fmt import fmt_number


def test_a_message_never_gives_the_terminal_a_control_character() -> None:
    """ESC recoloured the author's terminal and a newline in a file name started a line that looked like a message."""
    said = Diagnostic("gambar/a\nb.svg", 1, "nilai 'x\x1b[31m\u2028y\ttab' tidak dikenal").format()
    assert said == "gambar/a\\nb.svg:1: galat: nilai 'x\\x1b[31m\\u2028y\\ttab' tidak dikenal"
    assert said.isprintable()


def test_a_label_expression_escapes_the_javascript_line_ends() -> None:
    """JSON may hold U+2028 as itself, a JavaScript string may not: the chart failed "Unexpected token ILLEGAL"."""
    expr = js_literal({"Indeks\u2028Kepuasan": ["Indeks\u2029", "Kepuasan"]})
    assert "\u2028" not in expr and "\u2029" not in expr
    assert expr == '{"Indeks\\u2028Kepuasan": ["Indeks\\u2029", "Kepuasan"]}'


def test_a_huge_capaian_is_printed_not_a_crash() -> None:
    """10^17 over 10^-10: more digits than Decimal's 28, quantize raised InvalidOperation (galat internal)."""
    assert fmt_number(Decimal("1" + "0" * 29 + ".505")) == "100" + ".000" * 9 + ",51"


def test_a_csv_cell_with_too_many_decimals_is_said_at_its_line(fresh_project: Path) -> None:
    folder = fresh_project / "content" / "laporan" / "contoh-2023" / "data"
    (folder / "x.csv").write_text("a,b\nsatu,1\ndua,0.0000000000000000000000000001\n", encoding="utf-8")
    _, diags = _data(fresh_project)
    [d] = diags.errors
    assert (d.file.rsplit("/", 1)[-1], d.line) == ("x.csv", 3)
    assert "angka desimal terlalu banyak (lebih dari 10 angka di belakang titik desimal)" in d.message


def test_a_report_folder_renamed_hidden_is_said(fresh_project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """``content/laporan/..x`` built "0 laporan" and exited 0 without a word."""
    reports = fresh_project / "content" / "laporan"
    (reports / "contoh-2023").rename(reports / "..x")
    main(["check", "--situs", str(fresh_project)])
    out, err = capsys.readouterr()
    err += out
    assert ("content/laporan/..x:1: peringatan: folder laporan yang namanya diawali titik tidak dibaca" in err), err
