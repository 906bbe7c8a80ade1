"""``SOURCE_DATE_EPOCH``, the one clock a build may read (reproducible-builds.org): read here, once for every use.

Why one reader: six places read it (pages' build date, the PDF's dates, the workbooks' stamps, the release time, the
year ``lkjip new`` assumes), each its own way: one stripped blanks and took digits only, another gave the raw text to
``int()``. A blank value (``SOURCE_DATE_EPOCH=" "``, a CI variable set to a space) passed the command's check as
unset and then stopped the build with an internal error where ``int()`` read it; ``"²"`` passed ``str.isdigit``
and did the same. Now every use sees the same answer, and the command refuses what none of them can read.
"""

from __future__ import annotations

import os

#: The variable's name (reproducible-builds.org/specs/source-date-epoch/).
VARIABLE = "SOURCE_DATE_EPOCH"


def source_date_epoch() -> int | None:
    """Whole seconds since 1970 from ``SOURCE_DATE_EPOCH``; None when unset, empty or blank (each use says what it
    does then: pages carry no build date, a release takes the clock). Raises ValueError, in the Indonesian words the
    command prints, for any other text: the specification asks for ASCII digits only."""
    text = os.environ.get(VARIABLE, "").strip()
    if not text:
        return None
    if not (text.isascii() and text.isdigit()):
        raise ValueError(f"{VARIABLE} harus bilangan bulat detik sejak 1970, bukan '{text}'")
    return int(text)
