"""Did-you-mean: the nearest known names for one that is not known, worded once for every message.

Why: an author who typed ``IKU_1`` or ``capain`` needs the name that exists, not a list of fifty to search. Every
message about an unknown id, key, option or reference adds this phrase, so they all read alike.
"""

from __future__ import annotations

import difflib
from typing import Iterable


def nearest(word: str, known: Iterable[object], n: int = 3) -> list[str]:
    """Up to ``n`` known names closest to ``word`` (case ignored, best first); empty when none is close."""
    by_fold: dict[str, str] = {}
    for name in sorted({str(k) for k in known}):
        by_fold.setdefault(name.casefold(), name)
    folded = word.casefold()
    if folded in by_fold:
        return [by_fold[folded]]  # the same name in other letters: IKU1 for iku1
    return [by_fold[m] for m in difflib.get_close_matches(folded, list(by_fold), n=n, cutoff=0.6)]


def did_you_mean(word: str, known: Iterable[object]) -> str:
    """``"; mungkin maksudnya 'IKU1' atau 'IKU2'"``, or ``""`` when nothing known is close."""
    close = nearest(word, known)
    if not close:
        return ""
    return "; mungkin maksudnya " + " atau ".join(f"'{c}'" for c in close)


def listing(known: Iterable[object], limit: int = 12) -> str:
    """Known names for a message: sorted, at most ``limit`` of them, ``-`` when there are none."""
    names = sorted({str(k) for k in known})
    if not names:
        return "-"
    shown = ", ".join(names[:limit])
    return shown + (f", … ({len(names) - limit} lainnya)" if len(names) > limit else "")
