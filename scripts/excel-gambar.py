#!/usr/bin/env python3
"""Pictures of the workbook for the author guide (chapter "Dari Excel"), from a real export, drawn by LibreOffice.

    .venv/bin/python scripts/excel-gambar.py            # writes docs/gambar/excel-*.png

Why LibreOffice: it is the spreadsheet program Debian has (``libreoffice-calc-nogui``, installed by
scripts/setup.sh), so the picture shows what a spreadsheet program really makes of the file: the id-ID number
formats, the grey locked columns, the header row. The export of the example report Martapura Barat 2023 is copied
with print settings (a few rows, gridlines and row/column headings, one landscape page per sheet), converted to PDF
headlessly and cut into PNG pages with pdftoppm. ``tests/test_sheets_libreoffice.py`` runs the same function.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[1]
SLUG = "martapura-barat-2023"
#: (sheet, last row, last column) shown in the guide, in this order: excel-1.png, excel-2.png, ...
SHOTS = (("Indikator", 9, "G"), ("Nilai Indikator", 14, "K"), ("Anggaran", 14, "K"), ("PK", 14, "F"))
EPOCH = "1707955200"


def export(root: Path) -> bytes:
    sys.path.insert(0, str(ROOT / "src"))
    from lkjip_site.core.diagnostics import Diagnostics
    from lkjip_site.sheets.export import export_workbook
    from lkjip_site.sheets.stage import load_one

    os.environ.setdefault("SOURCE_DATE_EPOCH", EPOCH)
    return export_workbook(load_one(root, SLUG, Diagnostics()))


def printable(data: bytes) -> bytes:
    """A copy with only the pictured sheets, each a small print area on one landscape page with gridlines."""
    wb = load_workbook(io.BytesIO(data))
    keep = [title for title, _r, _c in SHOTS]
    for ws in list(wb):
        if ws.title not in keep:
            wb.remove(ws)
    wb._sheets.sort(key=lambda ws: keep.index(ws.title))  # noqa: SLF001 - openpyxl has no public reorder
    for title, last_row, last_col in SHOTS:
        ws = wb[title]
        ws.print_area = f"A1:{last_col}{last_row}"
        ws.print_options.gridLines = True
        ws.print_options.headings = True
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 1
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def render(data: bytes, out_dir: Path, resolution: int = 150) -> tuple[list[Path], Path]:
    """PNG pages (one per pictured sheet) and the PDF LibreOffice drew them from."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("soffice tidak ditemukan: jalankan bash scripts/setup.sh (memasang libreoffice-calc-nogui)")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lkjip-lo-") as tmp:
        work = Path(tmp)
        (work / "buku.xlsx").write_bytes(printable(data))
        env = dict(os.environ, HOME=str(work))  # a private LibreOffice profile: no state shared between runs
        subprocess.run([soffice, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(work),
                        str(work / "buku.xlsx")], check=True, capture_output=True, env=env, timeout=180)
        pdf = out_dir / "excel.pdf"
        shutil.copyfile(work / "buku.pdf", pdf)
    subprocess.run(["pdftoppm", "-r", str(resolution), "-png", str(pdf), str(out_dir / "excel")], check=True)
    pages = sorted(out_dir.glob("excel-*.png"))
    for page in pages:
        _crop(page)
    return pages, pdf


def _crop(path: Path, margin: int = 12) -> None:
    """Cut the empty page around the printed cells (Pillow comes with WeasyPrint)."""
    from PIL import Image, ImageChops

    with Image.open(path) as image:
        rgb = image.convert("RGB")
    box = ImageChops.difference(rgb, Image.new("RGB", rgb.size, "white")).getbbox()
    if box:
        left, top, right, bottom = box
        rgb = rgb.crop((max(left - margin, 0), max(top - margin, 0), min(right + margin, rgb.width),
                        min(bottom + margin, rgb.height)))
    rgb.save(path, optimize=True)


def main() -> None:
    target = ROOT / "docs" / "gambar"
    for old in target.glob("excel-*.png"):
        old.unlink()
    pages, pdf = render(export(ROOT), target)
    pdf.unlink()
    for i, page in enumerate(pages, start=1):  # pdftoppm numbers pages excel-1.png or excel-01.png
        page.rename(target / f"excel-{i}.png")
    print(f"{len(pages)} gambar ditulis ke {target}")


if __name__ == "__main__":
    main()
