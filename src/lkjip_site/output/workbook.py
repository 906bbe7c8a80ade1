"""Excel workbooks lkjip writes: same input, same bytes; numbers as numbers with id-ID display formats.

Below ``sheets`` so that the site's own outputs can write workbooks with the same helpers as ``lkjip ekspor``
(``sheets/export.py``, a report's data for its author).

Deterministic bytes: openpyxl stamps the document's ``modified`` date and every zip member with the clock; both are
replaced by ``SOURCE_DATE_EPOCH`` (or a fixed date), as the PDF and the archive do.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font, PatternFill

#: The document date when ``SOURCE_DATE_EPOCH`` is not set (a clock's date would change the bytes every build).
FIXED_DATE = dt.datetime(2000, 1, 1)

#: Number formats. The ``[$-421]`` locale tag (Indonesian) makes spreadsheet programs show ``1.234.567,89``.
FMT_MONEY = "[$-421]#,##0"
FMT_PERCENT = '[$-421]#,##0.00" %"'
FMT_VALUE = "[$-421]#,##0.####"
FMT_DATE = "[$-421]d mmmm yyyy"

HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")


def stamp() -> dt.datetime:
    """The documents' date: ``SOURCE_DATE_EPOCH`` when set (``lkjip`` refuses one that is not whole seconds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).replace(tzinfo=None)
    return FIXED_DATE


def excel_value(value: Any) -> Any:
    """Spreadsheet cells hold floats: whole numbers go as int so they stay exact; others as the nearest float."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def put_value(cell: Cell, value: Any) -> None:
    """``value`` into ``cell``; a text that starts with '=' stays text (not a formula), '#N/A' text (not an error)."""
    cell.value = excel_value(value)
    if isinstance(value, str) and value.startswith(("=", "#")):
        cell.data_type = "s"


def deterministic(wb: Workbook, when: dt.datetime) -> bytes:
    """Save, then re-pack with fixed member timestamps: openpyxl stamps 'modified' and the zip with the clock."""
    raw = io.BytesIO()
    wb.save(raw)
    out = io.BytesIO()
    date_time = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _fix_modified(data, when)
            member = zipfile.ZipInfo(info.filename, date_time=date_time)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o600 << 16
            dst.writestr(member, data)
    return out.getvalue()


def _fix_modified(xml: bytes, when: dt.datetime) -> bytes:
    text = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    return re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + text + rb"\g<2>", xml)
