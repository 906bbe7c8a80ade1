"""Predikat scales as data: built-in scales, custom scales from config, validation and classification.

Why data and not code: every report declares its own scale and most printed scales have gaps (``75 sd < 85`` after
``55 sd < 70``) or no rule above 100 %. Holding scales as intervals lets one validator reject those mistakes and one
``classify`` give every capaian exactly one class.

Custom scales are parsed from YAML by :mod:`lkjip_site.load.scales`; this module holds the built-in scales and
everything that uses a scale.

Interval convention (``skala:`` in ``docs/dev/format-spec.md``): by default each class is half-open ``[min, max)``; with
``batas: kanan`` the whole scale is right-closed ``(min, max]`` (Permendagri 86/2017 closed form: ``C > 90``).
``min`` omitted = -infinity, ``max`` omitted = +infinity. A valid scale covers ``[0, +inf)`` without gaps or
overlaps, so a capaian above 100 % always has a class.

Colours: the built-in colours have at least 3:1 contrast against white (WCAG 1.4.11, bars and markers on a white
page); use :func:`ink_for` to pick black or white text on a coloured badge (at least 4.5:1). Colour is never the
only carrier of a predikat: the label is always printed.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Mapping

from ..core.fmt import shown
from ..core.model import Scale, ScaleClass
from ..core.suggest import did_you_mean

# Accessible colours (see module docstring); names follow the Banjar scale's printed colour words.
HIJAU = "#1a7f37"
BIRU = "#0b5cad"
KUNING = "#b38600"
MERAH = "#b3261e"
ORANYE = "#c2410c"
ABU = "#6b6b6b"

#: Label and colour used for indicators without a computable capaian (target 0, missing realisasi ...).
NA_LABEL = "Tidak dapat dinilai"
NA_CLASS = ScaleClass(label=NA_LABEL, min=None, max=None, warna=ABU)

_D = Decimal


def _builtin() -> dict[str, Scale]:
    """Permendagri 86/2017, the Kabupaten Banjar scale and the LAN ordinal scale, in gap-free closed forms."""
    permendagri = Scale(
        id="permendagri-86-2017",
        nama="Permendagri 86/2017 (lima tingkat)",
        right_closed=True,
        classes=[
            ScaleClass("Sangat Tinggi", _D(90), None, HIJAU),
            ScaleClass("Tinggi", _D(75), _D(90), BIRU),
            ScaleClass("Sedang", _D(65), _D(75), KUNING),
            ScaleClass("Rendah", _D(50), _D(65), ORANYE),
            ScaleClass("Sangat Rendah", None, _D(50), MERAH),
        ],
    )
    banjar = Scale(
        id="banjar",
        nama="Skala Kabupaten Banjar",
        classes=[
            ScaleClass("Berhasil", _D(100), None, HIJAU),
            ScaleClass("Cukup Berhasil", _D(70), _D(100), BIRU),
            ScaleClass("Kurang Berhasil", _D(40), _D(70), KUNING),
            ScaleClass("Tidak Berhasil", _D(0), _D(40), MERAH),
        ],
    )
    lan = Scale(
        id="lan",
        nama="Skala ordinal LAN",
        classes=[
            ScaleClass("Sangat Berhasil", _D(85), None, HIJAU),
            ScaleClass("Berhasil", _D(70), _D(85), BIRU),
            ScaleClass("Cukup Berhasil", _D(55), _D(70), KUNING),
            ScaleClass("Kurang Berhasil", _D(0), _D(55), MERAH),
        ],
    )
    return {s.id: s for s in (permendagri, banjar, lan)}


BUILTIN_SCALES: dict[str, Scale] = _builtin()
DEFAULT_SCALE_ID = "permendagri-86-2017"


def resolve_scale(scale_id: str, *custom: Mapping[str, Scale]) -> Scale:
    """Find a scale by id: report scales first, then site scales (as passed), then the built-ins."""
    for mapping in custom:
        if scale_id in mapping:
            return mapping[scale_id]
    if scale_id in BUILTIN_SCALES:
        return BUILTIN_SCALES[scale_id]
    known = sorted(set(BUILTIN_SCALES).union(*[set(m) for m in custom]))
    raise KeyError(f"Skala predikat '{scale_id}' tidak dikenal{did_you_mean(scale_id, known)}; yang tersedia: "
                   f"{', '.join(known)} (skala sendiri ditulis di kunci 'skala' situs.yaml atau laporan.yaml)")


# ---------------------------------------------------------------------------------------------------------------
# Validation


def _num(x: Decimal) -> str:
    """Compact Indonesian number for messages (no rounding of boundaries)."""
    text = format(x.normalize(), "f") if x == x.to_integral_value() else format(x, "f")
    return text.replace(".", ",")


def _sort_key(c: ScaleClass) -> tuple[int, Decimal]:
    return (0, Decimal(0)) if c.min is None else (1, c.min)


_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def _class_problems(scale: Scale) -> list[str]:
    problems = []
    seen: set[str] = set()
    for c in scale.classes:
        key = c.label.strip().casefold()
        if not key:
            problems.append("ada kelas tanpa label")
        elif key in seen:
            problems.append(f"label '{c.label}' dipakai lebih dari sekali")
        seen.add(key)
        if c.min is not None and c.max is not None and c.min >= c.max:
            problems.append(f"kelas '{c.label}': batas bawah {_num(c.min)} tidak lebih kecil dari "
                            f"batas atas {_num(c.max)}")
        if c.warna and not _HEX.match(c.warna):
            problems.append(f"kelas '{c.label}': warna '{c.warna}' bukan kode heksadesimal #rrggbb")
    return problems


def _sequence_problems(ordered: list[ScaleClass]) -> list[str]:
    problems = []
    for prev, nxt in zip(ordered, ordered[1:]):
        if prev.max is None:
            problems.append(f"kelas '{prev.label}' (tanpa batas atas) tumpang tindih dengan '{nxt.label}'")
        elif nxt.min is None:
            problems.append(f"kelas '{nxt.label}' (tanpa batas bawah) tumpang tindih dengan '{prev.label}'")
        elif prev.max < nxt.min:
            problems.append(f"celah antara {_num(prev.max)} % dan {_num(nxt.min)} %: capaian di antaranya "
                            f"tidak masuk kelas mana pun ('{prev.label}' / '{nxt.label}')")
        elif prev.max > nxt.min:
            problems.append(f"kelas '{prev.label}' dan '{nxt.label}' tumpang tindih antara "
                            f"{_num(nxt.min)} % dan {_num(prev.max)} %")
    return problems


def _coverage_problems(ordered: list[ScaleClass], right_closed: bool = False) -> list[str]:
    problems = []
    lowest, highest = ordered[0], ordered[-1]
    if lowest.min is not None and lowest.min > 0:
        problems.append(f"capaian di bawah {_num(lowest.min)} % (mulai dari 0 %) tidak masuk kelas mana pun")
    elif lowest.min is not None and lowest.min >= 0 and right_closed:  # (0, max]: a capaian of 0 % was "N/A"
        problems.append(f"dengan batas: kanan kelas '{lowest.label}' tidak memuat {_num(lowest.min)} % sendiri, jadi "
                        f"capaian {_num(lowest.min)} % tidak masuk kelas mana pun; hapus min kelas terendah (kelas "
                        "tanpa batas bawah)")
    if highest.max is not None:
        if highest.max <= 100:
            problems.append(f"tidak ada aturan untuk capaian di atas 100 % (kelas tertinggi '{highest.label}' "
                            f"berakhir pada {_num(highest.max)} %)")
        else:
            problems.append(f"capaian mulai {_num(highest.max)} % tidak masuk kelas mana pun "
                            f"(kelas tertinggi harus tanpa batas atas)")
    return problems


def validate_scale(scale: Scale) -> list[str]:
    """Indonesian descriptions of every problem; empty list = the scale is usable.

    Rejected: no classes, duplicate/empty labels, empty intervals, gaps, overlaps, and not covering
    ``[0, +inf)`` (in particular no rule above 100 %).
    """
    if not scale.classes:
        return ["skala tidak memiliki kelas"]
    problems = _class_problems(scale)
    ordered = sorted(scale.classes, key=_sort_key)
    problems += _sequence_problems(ordered)
    problems += _coverage_problems(ordered, scale.right_closed)
    return problems


def best_first(scale: Scale) -> list[ScaleClass]:
    """The classes from the best (the highest capaian) to the lowest, however the author listed them: a class's place
    in this order is the pattern of its bars in the capaian chart (the best plain), as it is the built-in colours'."""
    return sorted(scale.classes, key=_sort_key, reverse=True)


# ---------------------------------------------------------------------------------------------------------------
# Classification


def contains(scale: Scale, c: ScaleClass, value: Decimal) -> bool:
    """Whether ``value`` lies in class ``c`` under the scale's interval convention."""
    if scale.right_closed:
        return (c.min is None or value > c.min) and (c.max is None or value <= c.max)
    return (c.min is None or value >= c.min) and (c.max is None or value < c.max)


def classify(scale: Scale, capaian: Decimal) -> ScaleClass:
    """The class of a capaian as printed (two decimals, :func:`~lkjip_site.core.fmt.shown`): 99,996 % shows
    "100,00 %" and is in the class from 100. Raises ``ValueError`` when no class (or several) contain it."""
    value = shown(capaian)
    hits = [c for c in scale.classes if contains(scale, c, value)]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise ValueError(f"Capaian {_num(capaian)} % tidak termasuk kelas mana pun pada skala '{scale.nama}'")
    labels = ", ".join(c.label for c in hits)
    raise ValueError(f"Capaian {_num(capaian)} % masuk lebih dari satu kelas pada skala '{scale.nama}': {labels}")


def classify_or_none(scale: Scale, capaian: Decimal | None) -> ScaleClass | None:
    """Like :func:`classify` but None for N/A or values an invalid scale does not cover (reported by check)."""
    if capaian is None:
        return None
    try:
        return classify(scale, capaian)
    except ValueError:
        return None


def find_class(scale: Scale, label: str) -> ScaleClass | None:
    """The class whose label matches (case and spacing insensitive), for comparing stated predikat."""
    key = normalise_label(label)
    for c in scale.classes:
        if normalise_label(c.label) == key:
            return c
    return None


def normalise_label(label: str) -> str:
    return " ".join(label.split()).casefold()


# ---------------------------------------------------------------------------------------------------------------
# Colour contrast helpers


def _luminance(hex_colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb`` (float is fine here: it is not money)."""
    h = hex_colour.lstrip("#")
    chans = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in chans]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two ``#rrggbb`` colours (1..21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def colour_class(colour: str) -> str:
    """The class of a predikat colour in ``aset/css/warna.css`` (``#1A7F37`` → ``warna-1a7f37``): the site's
    Content-Security-Policy forbids inline styles, so a colour is a class of that generated stylesheet."""
    return "warna-" + colour.lstrip("#").lower()


def ink_for(background: str) -> str:
    """Black or white text, whichever contrasts more with ``background``."""
    black, white = "#000000", "#ffffff"
    return black if contrast_ratio(background, black) >= contrast_ratio(background, white) else white
