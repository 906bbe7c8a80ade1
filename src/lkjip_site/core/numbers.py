"""The one place that turns text and YAML scalars into ``Decimal`` and recognises numbers typed the Indonesian way.

Why one module: a value read from YAML, a cell of a CSV or a spreadsheet, and a percentage typed in the narrative
must all become the same ``Decimal`` by the same rule, or two places of the site would show one number in two ways.
Floats from YAML go through ``repr`` so ``84.82`` stays 84.82, not its binary approximation.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

#: A number written the way it is printed in Indonesian documents: thousands with '.', decimals with ',':
#: ``1.234.567``, ``1.234.567,89``, ``68,85``. Data files need the machine form (``1234567.89``).
ID_WRITTEN = re.compile(r"-?\d{1,3}(?:\.\d{3})+(?:,\d+)?|-?\d+,\d+")
#: A number in machine form, as CSV cells and YAML scalars carry it: ``-12``, ``84.82``.
PLAIN = re.compile(r"-?\d+(?:\.\d+)?")


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


#: A number typed as text in a spreadsheet cell or a CSV export: ``68,85``, ``1.234.567``, ``80%``, ``80 %``,
#: ``Rp 1.234.567``. Group 1 is the number, the rest tells how it was dressed.
_TYPED = re.compile(r"(?P<rp>[Rr]p\.?\s*)?(?P<num>-?[\d.,]+)\s*(?P<pct>%)?")


def typed_number(text: str) -> tuple[Decimal, str] | None:
    """The number a person meant by ``text`` typed the Indonesian way, with the machine form to suggest.

    ``"68,85"`` -> ``(68.85, "68.85")``, ``"1.234.567"`` -> ``(1234567, "1234567")``, ``"80%"`` -> ``(80, "80")``,
    ``"Rp 1.234"`` -> ``(1234, "1234")``; None when the text is no number at all. ``"1.5"`` is read as the machine
    form 1.5, except that a number of thousands groups (``1.234``) is read as the printed form, because that is how
    Indonesian documents print it. Callers decide whether such text is accepted (a CSV export of money) or only
    explained (a number cell of a workbook, where the cell should hold a number).
    """
    m = _TYPED.fullmatch(text.strip())
    if not m:
        return None
    num = m.group("num")
    if ID_WRITTEN.fullmatch(num):
        machine = machine_form(num)
    elif PLAIN.fullmatch(num):
        machine = num
    else:
        return None
    return Decimal(machine), machine
