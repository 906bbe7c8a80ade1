"""Did-you-mean: the nearest known names for one that is not known, worded once for every message.

Why: an author who typed ``IKU_1`` or ``capain`` needs the name that exists, not a list of fifty to search. Every
message about an unknown id, key, option or reference adds this phrase, so they all read alike.
"""

from __future__ import annotations

import difflib
from typing import Iterable


CUTOFF = 0.6  # difflib's similarity ratio below which a name is not offered


def nearest(word: str, known: Iterable[object], n: int = 3) -> list[str]:
    """Up to ``n`` known names closest to ``word`` (case ignored, best first); empty when none is close."""
    by_fold: dict[str, str] = {}
    for name in sorted({str(k) for k in known}):
        by_fold.setdefault(name.casefold(), name)
    folded = word.casefold()
    if folded in by_fold:
        return [by_fold[folded]]  # the same name in other letters: IKU1 for iku1
    scored = sorted(((difflib.SequenceMatcher(None, folded, k).ratio(), k) for k in by_fold), key=lambda x: (-x[0], x[1]))
    if not scored or scored[0][0] < CUTOFF:
        return []
    best = scored[0][0]  # only names about as close as the closest: one clear candidate is not diluted by others
    return [by_fold[k] for score, k in scored[:n] if score >= CUTOFF and score >= best - 0.1]


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
