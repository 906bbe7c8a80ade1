"""``--laporan``: check and build one report while the other reports of the site stay as they are.

The semantics (issue 10): every report is still loaded and computed (links and instansi names cross reports);
``--strict`` promotes only the warnings of the chosen reports and of the site's own files (situs.yaml, themes);
``check`` prints the chosen reports' messages in full and one count line for the others, and fails only on errors in
scope; ``build`` publishes the whole site, so an error anywhere still fails it and is printed, while the other reports'
warnings are neither promoted nor printed one by one.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from conftest import copy_examples, fill_in, share_charts

from lkjip_site.cli.main import main
from lkjip_site.cli.scaffold import new_report
from lkjip_site.core.diagnostics import ContentError, Diagnostic, Diagnostics
from lkjip_site.core.scope import Scope, report_of

pytestmark = pytest.mark.usefixtures("epoch")

A, B = "content/laporan/a-2023", "content/laporan/b-2023"


@pytest.fixture()
def two_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str], chart_cache: Path) -> Path:
    """A site with two clean scaffold reports, a-2023 and b-2023 (charts from the session's, ``share_charts``)."""
    root = tmp_path / "situs"
    assert new_report(root, "a-2023", 2023) == 0  # two instansi: one's two reports of 2023 are said as duplicates
    assert new_report(root, "b-2023", 2023, instansi="Kecamatan Beta") == 0
    fill_in(root / A)
    fill_in(root / B)
    share_charts(root / ".cache", chart_cache)
    capsys.readouterr()
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def _warn_in(root: Path, report: str) -> None:
    """An unknown key: a warning, line 19 of laporan.yaml."""
    with (root / report / "laporan.yaml").open("a", encoding="utf-8") as f:
        f.write("warna_sampul: merah\n")


def _error_in(root: Path, report: str) -> None:
    """A sasaran that does not exist: an error at line 3 of pk.yaml."""
    _edit(root / report / "data/pk.yaml", "sasaran: [S1]", "sasaran: [S1, S9]")


def test_report_of_names_the_report_of_sources_and_pages() -> None:
    assert report_of("content/laporan/a-2023/data/pk.yaml") == "a-2023"
    assert report_of("laporan/a-2023/1.0/index.html") == "a-2023"
    for site_file in ("situs.yaml", "themes/biru/templates/base.html", "index.html", "content", "content/laporan"):
        assert report_of(site_file) is None
    scope = Scope.of(["a-2023"])
    assert scope.covers(Diagnostic(f"{A}/laporan.yaml", 1, "x"))
    assert not scope.covers(Diagnostic(f"{B}/laporan.yaml", 1, "x"))
    assert scope.covers(Diagnostic("situs.yaml", 1, "x"))
    assert Scope().covers(Diagnostic(f"{B}/laporan.yaml", 1, "x"))


def test_check_strict_scoped_ignores_other_reports(two_reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _warn_in(two_reports, B)
    _error_in(two_reports, B)
    assert main(["check", "--situs", str(two_reports), "--strict"]) == 1
    capsys.readouterr()
    assert main(["check", "--situs", str(two_reports), "--strict", "--laporan", "a-2023"]) == 0
    out, err = capsys.readouterr()
    assert B not in out + err  # nothing of b printed line by line ...
    assert "Laporan lain (di luar --laporan): 1 galat, 1 peringatan, tidak ditampilkan." in out  # ... only counted
    assert "Pemeriksaan selesai: tidak ada galat di laporan yang dipilih." in out


def test_check_scoped_shows_the_chosen_reports_messages_in_full(two_reports: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    _warn_in(two_reports, A)
    _error_in(two_reports, A)
    _warn_in(two_reports, B)
    assert main(["check", "--situs", str(two_reports), "--laporan", "a-2023"]) == 1
    err = capsys.readouterr().err
    assert f"{A}/data/pk.yaml:3: galat: PK menyebut sasaran 'S9'" in err
    assert f"{A}/laporan.yaml:19: peringatan: kunci 'warna_sampul' tidak dikenal" in err
    assert "1 galat, 1 peringatan." in err
    assert "Laporan lain (di luar --laporan): 0 galat, 1 peringatan, tidak ditampilkan." in err
    assert B not in err
    # without --strict a warning of the chosen report does not fail the check; with it, it does
    _edit(two_reports / A / "data/pk.yaml", "sasaran: [S1, S9]", "sasaran: [S1]")
    assert main(["check", "--situs", str(two_reports), "--laporan", "a-2023"]) == 0
    assert main(["check", "--situs", str(two_reports), "--laporan", "a-2023", "--strict"]) == 1
    assert f"{A}/laporan.yaml:19: galat: kunci 'warna_sampul'" in capsys.readouterr().err


def test_site_files_are_always_in_scope(two_reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with (two_reports / "situs.yaml").open("a", encoding="utf-8") as f:
        f.write("warna: biru\n")
    assert main(["check", "--situs", str(two_reports), "--laporan", "a-2023"]) == 0
    assert main(["check", "--situs", str(two_reports), "--laporan", "a-2023", "--strict"]) == 1
    assert "situs.yaml:10: galat: kunci 'warna' tidak dikenal" in capsys.readouterr().err


def test_several_reports_can_be_chosen(two_reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _warn_in(two_reports, B)
    assert main(["check", "--situs", str(two_reports), "--strict", "--laporan", "a-2023"]) == 0
    assert main(["check", "--situs", str(two_reports), "--strict", "--laporan", "a-2023", "--laporan", "b-2023"]) == 1
    assert f"{B}/laporan.yaml:19: galat:" in capsys.readouterr().err


def test_build_scoped_fails_on_errors_anywhere_but_not_on_other_warnings(
        two_reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _warn_in(two_reports, B)
    assert main(["build", "--situs", str(two_reports), "--strict", "--no-pdf"]) == 1
    capsys.readouterr()
    assert main(["build", "--situs", str(two_reports), "--strict", "--no-pdf", "--laporan", "a-2023"]) == 0
    out, err = capsys.readouterr()
    assert B not in err and "Laporan lain (di luar --laporan): 0 galat, 1 peringatan, tidak ditampilkan." in err
    assert "Selesai: 2 laporan" in out  # the whole site is built
    assert (two_reports / "build/laporan/b-2023/1.0/index.html").is_file()
    # an error in the other report: the site cannot be published, and the error is shown in full
    _error_in(two_reports, B)
    assert main(["build", "--situs", str(two_reports), "--no-pdf", "--laporan", "a-2023"]) == 1
    err = capsys.readouterr().err
    assert f"{B}/data/pk.yaml:3: galat: PK menyebut sasaran 'S9'" in err
    assert f"{B}/laporan.yaml:19" not in err  # its warning is still only counted
    assert "Laporan lain (di luar --laporan): 0 galat, 1 peringatan, tidak ditampilkan." in err


def test_pdf_of_one_report_shows_its_messages_and_counts_the_others(
        two_reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``lkjip pdf a-2023`` is about a-2023 as ``--laporan a-2023`` is: a webmaster of a portal of 24 reports asking
    for one kecamatan's PDF read 468 lines of the other reports' warnings before its own 25, and ``--strict``
    stopped on a warning of another report. An error elsewhere still stops it, and is shown."""
    _warn_in(two_reports, B)
    target = tmp_path / "a.pdf"
    assert main(["pdf", "--situs", str(two_reports), "a-2023", "--strict", "-o", str(target)]) == 0
    err = capsys.readouterr().err
    assert B not in err and "Laporan lain (selain a-2023): 0 galat, 1 peringatan, tidak ditampilkan." in err
    assert target.read_bytes().startswith(b"%PDF")
    _warn_in(two_reports, A)
    assert main(["pdf", "--situs", str(two_reports), "a-2023", "-o", str(target)]) == 0
    assert f"{A}/laporan.yaml:19: peringatan: kunci 'warna_sampul'" in capsys.readouterr().err
    _error_in(two_reports, B)
    assert main(["pdf", "--situs", str(two_reports), "a-2023", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert f"{B}/data/pk.yaml:3: galat: PK menyebut sasaran 'S9'" in err and f"{B}/laporan.yaml:19" not in err
    assert "PDF tidak ditulis: perbaiki galat yang disebut, juga yang di laporan lain" in err  # not 'hasil build'


def test_unknown_report_is_a_usage_error_naming_the_nearest(two_reports: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["check", "--laporan", "a2023"], ["build", "--laporan", "a2023"], ["pdf", "a2023"],
                 ["terbitkan", "a2023"]):
        assert main([*argv, "--situs", str(two_reports)]) == 2
        err = capsys.readouterr().err
        assert "galat penggunaan: laporan 'a2023' tidak ada di content/laporan/; mungkin maksudnya 'a-2023'" in err
        assert "(laporan yang ada: a-2023, b-2023)" in err
    assert not (two_reports / "build").exists()


def test_guide_publishing_steps_work_next_to_the_examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """This repository is a site with three examples carrying 27 intentional warnings; a new report next to them
    passes the guide's steps: ``lkjip new``, ``check --strict --laporan``, ``build --strict --laporan``."""
    site = copy_examples(tmp_path / "repo")
    monkeypatch.chdir(site / "content")  # the site is found upwards, as from anywhere inside a checkout
    assert main(["new", "x", "--tahun", "2024", "--periode", "tw1", "--instansi", "Kecamatan X"]) == 0
    fill_in(site / "content" / "laporan" / "x")  # the guide: write over the sample text, then check
    capsys.readouterr()
    assert main(["check", "--strict"]) == 1
    assert "27 galat, 0 peringatan." in capsys.readouterr().err  # the examples' warnings, promoted
    assert main(["check", "--strict", "--laporan", "x"]) == 0
    out = capsys.readouterr().out
    assert "Laporan lain (di luar --laporan): 0 galat, 27 peringatan, tidak ditampilkan." in out
    assert main(["build", "--strict", "--laporan", "x", "--tanpa-pdf"]) == 0
    out, err = capsys.readouterr()
    assert "Selesai: 4 laporan" in out and "galat" not in err.replace("0 galat", "")
    assert (site / "build/laporan/x/1.0/index.html").is_file()


def test_a_message_said_twice_is_printed_once_in_the_order_first_said() -> None:
    """Stages and replayed messages say the same thing more than once; the author reads it once, in the order it was
    first said, also after ``--strict`` turned warnings into errors and after a Dask worker's ``ContentError`` came
    back pickled (its collection went on de-duplicating)."""
    diags = Diagnostics()
    diags.warn(("a.yaml", 3), "pertama")
    diags.error(("b.md", 1), "kedua")
    diags.warn(("a.yaml", 3), "pertama")
    diags.extend(Diagnostics([Diagnostic("a.yaml", 3, "pertama", "warning"), Diagnostic("c.csv", 2, "ketiga")]))
    assert [d.message for d in diags.items] == ["pertama", "kedua", "ketiga"]
    diags.promote_warnings()
    diags.error(("a.yaml", 3), "pertama")  # the promoted warning, said again as an error
    assert [(d.message, d.severity) for d in diags.items] == [("pertama", "error"), ("kedua", "error"),
                                                              ("ketiga", "error")]
    back = pickle.loads(pickle.dumps(ContentError(diags))).diagnostics
    back.error(("b.md", 1), "kedua")
    back.warn(("d.md", 4), "keempat")
    assert [d.message for d in back.items] == ["pertama", "kedua", "ketiga", "keempat"]
