"""Helpers for the spreadsheet tests: editing a workbook as an author would."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

EXAMPLES = ("martapura-barat-2023", "pengaron-2024-tw1", "batu-sopang-2022")


def open_book(data: bytes) -> Workbook:
    return load_workbook(io.BytesIO(data))


def save(wb: Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def column(ws: Worksheet, header: str, header_row: int = 1) -> int:
    """Index of the column whose header starts with ``header`` (derived headers end in '(dihitung)')."""
    for cell in ws[header_row]:
        if isinstance(cell.value, str) and (cell.value == header or cell.value.startswith(header + " (")):
            return cell.column
    raise KeyError(header)


def find_row(ws: Worksheet, match: dict[str, Any], header_row: int = 1) -> int:
    """The row whose cells under the given headers hold the given values (``{"ID": "K02", "Tahun": 2023}``)."""
    cols = {column(ws, h, header_row): v for h, v in match.items()}
    for r in range(header_row + 1, ws.max_row + 1):
        if all(ws.cell(r, c).value == v for c, v in cols.items()):
            return r
    raise KeyError(match)


def first_empty_row(ws: Worksheet, header_row: int = 1) -> int:
    r = header_row + 1
    while ws.cell(r, 1).value is not None:
        r += 1
    return r


def put(ws: Worksheet, row: int, values: dict[str, Any], header_row: int = 1) -> None:
    for h, v in values.items():
        ws.cell(row, column(ws, h, header_row)).value = v
