"""The workbook in a real spreadsheet program (LibreOffice, headless, installed by scripts/setup.sh).

openpyxl reading what openpyxl wrote proves little: here LibreOffice opens the export and saves it again (as an
author's program would), and the import must find nothing changed; and LibreOffice draws it, so the id-ID number
formats are seen as a reader sees them. The same drawing makes the guide's pictures (scripts/excel-gambar.py).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, copy_examples, tree_hashes

from lkjip_site.core.diagnostics import Diagnostics
from lkjip_site.sheets.export import export_workbook
from lkjip_site.sheets.impor import import_workbook
from lkjip_site.sheets.stage import load_one

pytestmark = pytest.mark.usefixtures("epoch")
SLUG = "martapura-barat-2023"


def _soffice() -> str:
    found = shutil.which("soffice")
    assert found, "LibreOffice (soffice) tidak terpasang: jalankan bash scripts/setup.sh"
    return found


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("excel_gambar", REPO / "scripts" / "excel-gambar.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_a_workbook_saved_again_by_libreoffice_imports_unchanged(tmp_path: Path) -> None:
    root = copy_examples(tmp_path / "situs")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "data.xlsx").write_bytes(export_workbook(load_one(root, SLUG, Diagnostics())))
    env = dict(os.environ, HOME=str(tmp_path))
    subprocess.run([_soffice(), "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", str(tmp_path / "out"),
                    str(tmp_path / "in" / "data.xlsx")], check=True, capture_output=True, env=env, timeout=180)
    resaved = (tmp_path / "out" / "data.xlsx").read_bytes()
    assert resaved != (tmp_path / "in" / "data.xlsx").read_bytes()  # really written by another program
    before = tree_hashes(root)
    result = import_workbook(root, SLUG, resaved, "data.xlsx")
    assert result.written == [] and result.changes == []
    assert tree_hashes(root) == before


def test_libreoffice_shows_id_id_numbers_and_draws_the_guide_pictures(tmp_path: Path) -> None:
    _soffice()
    script = _script()
    pages, pdf = script.render(script.export(REPO), tmp_path)
    assert len(pages) == len(script.SHOTS)
    assert all(p.stat().st_size > 10_000 for p in pages)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    # Anggaran: pagu of 7.01.01.2.02.0001 and the program sum, as the [$-421] formats print them
    assert "1.633.431.429" in text and "2.233.317.579" in text
    # Nilai Indikator: capaian of K02 2023 with two decimals and the percent sign; its predikat
    assert "97,76 %" in text and "Cukup Berhasil" in text
    assert "Nama indikator (dihitung)" in text
    committed = sorted((REPO / "docs" / "gambar").glob("excel-*.png"))
    assert [p.name for p in committed] == [f"excel-{i}.png" for i in range(1, len(script.SHOTS) + 1)]
