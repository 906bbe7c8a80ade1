"""Characters the theme's fonts lack (karakter-tanpa-fon): which they are, where they are said, what it costs.

The archivist's complaint: a ✓ or ★ pasted from Word was drawn in the PDF from the building machine's DejaVu or
OpenSymbol (pdffonts listed them beside Noto), and a chart label holding it measured with that font, so another
machine gave other bytes, unwarned. ``check`` and ``build`` now say so at the line, naming the character.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPORT_DIR

from lkjip_site.cli.main import main
from lkjip_site.compute.glyphs import check_glyphs
from lkjip_site.core.memo import Memo
from lkjip_site.core.resources import theme_dirs
from lkjip_site.load import glyphs as glyphs_mod
from lkjip_site.load.glyphs import font_glyphs

pytestmark = pytest.mark.usefixtures("epoch")

BAB1 = f"{REPORT_DIR}/10-bab-1-pendahuluan.md"
LATAR = "Tuliskan latar belakang penyusunan laporan."


@pytest.fixture()
def default_glyphs(tmp_path: Path):  # type: ignore[no-untyped-def]
    glyphs = font_glyphs(theme_dirs(tmp_path, "default"), None)
    assert glyphs is not None
    return glyphs


@pytest.mark.parametrize("char", ["✓", "✔", "✗", "★", "😀", "中", "\uf0b7"])
def test_what_the_default_fonts_lack(default_glyphs, char: str) -> None:  # type: ignore[no-untyped-def]
    assert ord(char) not in default_glyphs.drawn


@pytest.mark.parametrize("char", ["≥", "≤", "±", "×", "÷", "‰", "²", "³", "→", "↑", "↓", "−", "\u00a0", "“", "”",
                                  "\u200b", "é", "–"])
def test_what_the_default_fonts_draw(default_glyphs, char: str) -> None:  # type: ignore[no-untyped-def]
    assert ord(char) in default_glyphs.drawn


def test_the_chart_fonts_draw_the_math_signs(default_glyphs) -> None:  # type: ignore[no-untyped-def]
    """Charts measure and draw ≥ → − with the symbol font's glyphs (``charts/fonts.with_symbols``): not warned."""
    assert ord("≥") in default_glyphs.charted and ord("→") in default_glyphs.charted
    assert ord("²") in default_glyphs.charted and ord("×") in default_glyphs.charted
    assert ord("\u2713") not in default_glyphs.charted


def test_the_fonts_are_read_once_then_taken_from_the_memo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The character maps are read once per set of fonts: a second process (a fresh process cache) takes them from
    the memo without opening a font."""
    dirs = theme_dirs(tmp_path, "default")
    monkeypatch.setattr(glyphs_mod, "_known", {})
    first = font_glyphs(dirs, Memo(tmp_path / "cache", "yaml"))
    monkeypatch.setattr(glyphs_mod, "_known", {})

    def refused(font: bytes) -> set[int]:
        raise AssertionError("font read again")

    monkeypatch.setattr(glyphs_mod, "_code_points", refused)
    again = font_glyphs(dirs, Memo(tmp_path / "cache", "yaml", writable=False))
    assert again == first


def test_joiners_and_variation_selectors_are_not_said(fresh_project: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """A zero-width joiner or an emoji's variation selector draws nothing (the emoji itself is said, once, at its
    line), and a YAML comment is not published."""
    path = fresh_project / BAB1
    path.write_text(path.read_text(encoding="utf-8").replace(
        LATAR, "Latar belakang.\n\nSenyum \U0001F600\ufe0f dan a\u200db \U0001F600."), encoding="utf-8")
    data = fresh_project / REPORT_DIR / "data" / "indikator.yaml"
    data.write_text("# catatan \u2713 \u2605\n" + data.read_text(encoding="utf-8"), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--situs", str(fresh_project)]) == 0
    said = [line for line in capsys.readouterr().out.splitlines() if "fon bawaan" in line]
    assert said == [line for line in said if line.startswith(f"{BAB1}:11: ")] and len(said) == 1, said
    assert "'\U0001F600' (U+1F600) tidak ada" in said[0] and "FE0F" not in said[0] and "200D" not in said[0]


def test_build_says_it_too(fresh_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The build warns as check does (the PDF is where it matters)."""
    path = fresh_project / BAB1
    path.write_text(path.read_text(encoding="utf-8").replace(LATAR, "Sudah dilaksanakan ✓."), encoding="utf-8")
    capsys.readouterr()
    assert main(["build", "--tanpa-pdf", "--situs", str(fresh_project)]) == 0
    out = "".join(capsys.readouterr())
    assert f"{BAB1}:9: peringatan: karakter '✓' (U+2713) tidak ada di fon bawaan tema" in out, out


def test_a_theme_without_fonts_is_not_checked() -> None:
    assert check_glyphs(None, None) == []  # type: ignore[arg-type]


DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.mark.skipif(not DEJAVU.is_file(), reason="needs a font that draws ✓ (fonts-dejavu-core)")
def test_a_site_theme_font_that_draws_it_ends_the_warning_of_a_kept_report(fresh_project: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """The findings kept with a report's state are made again when the theme's fonts change: a site theme that ships
    a font drawing ✓ is not told of ✓ by the report the last build kept."""
    path = fresh_project / BAB1
    path.write_text(path.read_text(encoding="utf-8").replace(LATAR, "Sudah dilaksanakan ✓."), encoding="utf-8")
    assert main(["build", "--tanpa-pdf", "--situs", str(fresh_project)]) == 0
    assert "U+2713" in "".join(capsys.readouterr())
    fonts = fresh_project / "themes" / "default" / "static" / "fonts"
    fonts.mkdir(parents=True)
    (fonts / "Cadangan.ttf").write_bytes(DEJAVU.read_bytes())
    assert main(["check", "--situs", str(fresh_project)]) == 0
    assert "U+2713" not in "".join(capsys.readouterr())


def test_a_qualitative_indicators_grades_are_read(fresh_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Grades typed as ✓ and ✗ (``kualitatif: [✗, ✓]``, printed as target and realisasi in the tables) are said once,
    at the list, not again at every value that names one; a missing value's reason is said at its line."""
    path = fresh_project / REPORT_DIR / "data" / "indikator.yaml"
    before = path.read_text(encoding="utf-8")
    path.write_text(before + "  - id: IKU9\n    nama: Dokumen SAKIP tersusun\n    satuan: dokumen\n"
                    "    polaritas: positif\n    kualitatif: [\u2717, \u2713]\n    target:\n      2023: \u2713\n"
                    "    realisasi:\n      2023: {tidak_ada: belum diukur \u2605}\n", encoding="utf-8")
    first = before.count("\n")
    capsys.readouterr()
    main(["check", "--situs", str(fresh_project)])
    said = [line.split(": peringatan: ")[0] for line in "".join(capsys.readouterr()).splitlines()
            if "karakter-tanpa-fon" in line or "fon bawaan tema" in line]
    rel = f"{REPORT_DIR}/data/indikator.yaml"
    assert said == [f"{rel}:{first + 5}", f"{rel}:{first + 9}"], said


def test_a_datasets_cells_are_said_once_at_its_header(fresh_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A dataset's cells label its charts; the model keeps no row's line (a blank line is skipped), so its characters
    are said once, at the header, not at a line counted from the rows (which a blank line made another row's)."""
    (fresh_project / REPORT_DIR / "data" / "penduduk.csv").write_text(
        "Desa,Penduduk\n\nSukamaju \u2605,1200\nMekar \u2713,900\n", encoding="utf-8")
    capsys.readouterr()
    main(["check", "--situs", str(fresh_project)])
    said = [line for line in "".join(capsys.readouterr()).splitlines() if "tidak ada di fon grafik" in line]
    assert len(said) == 1 and said[0].startswith(f"{REPORT_DIR}/data/penduduk.csv:1: peringatan: karakter "
                                                 "'\u2605' (U+2605) dan '\u2713' (U+2713)"), said
