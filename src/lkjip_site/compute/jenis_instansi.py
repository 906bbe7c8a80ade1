"""The kind of an instansi (Dinas, Badan, Kecamatan …): what the portal groups its lists and comparisons by.

Why: a kabupaten's portal holds Dinas Kesehatan, Bappeda, BPKAD, its kecamatan and kelurahan. The comparison of a
year ranked them in one table and one chart ("tertinggi: Kecamatan Sungai Tabuk dan Kelurahan Jawa; terendah: Dinas
Kesehatan"), as if a kecamatan's service index and a health office's maternal mortality were one scale; a DPRD member
comparing the kecamatan had to pick them out of every instansi. Each kind is compared within itself.

The kind is read from the name when its first words say it ("Dinas Kesehatan", "Kecamatan Astambul"), else from
``instansi.jenis`` in laporan.yaml ("Bappeda" says nothing, ``jenis: badan`` does). The name wins when both say a
kind: a kecamatan's laporan.yaml copied for a dinas keeps its ``jenis: kecamatan`` line, and ``check`` says so
(:func:`jenis_problem`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from ..core.model import Instansi
from ..core.suggest import did_you_mean


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind: its key (what ``instansi.jenis`` says), its heading on the portal, the words a name starts with."""

    key: str
    heading: str
    prefixes: tuple[str, ...]
    aliases: tuple[str, ...] = ()


#: The abbreviations pemda write for their dinas and badan ("Bappeda Kabupaten Banjar", ``jenis: bpkad``; the
#: scaffold wrote a name's first word as its ``jenis`` before kinds were known).
_DINAS = ("dinkes", "disdik", "disdikbud", "disdukcapil", "dispendukcapil", "dpmptsp", "dpupr", "dpupera", "disnaker",
          "dishub", "diskominfo", "disperindag", "dlh", "dinsos", "dpmd")
_BADAN = ("bappeda", "bappedalitbang", "bappelitbangda", "balitbangda", "bapenda", "bpkad", "bpkpd", "bppkad",
          "bkpsdm", "bkpp", "bkd", "bpbd", "bakesbangpol", "kesbangpol")

#: The kinds in the order of a pemda's organisation (Perda SOTK: sekretariat, inspektorat, dinas, badan …, then the
#: kecamatan and their kelurahan), which is the order of the portal's groups. Prefixes are matched on whole words.
KINDS: tuple[Kind, ...] = (
    Kind("sekretariat", "Sekretariat", ("sekretariat",), ("setda", "setwan", "sekretariat daerah", "sekretariat dprd")),
    Kind("inspektorat", "Inspektorat", ("inspektorat",)),
    Kind("dinas", "Dinas", ("dinas", *_DINAS), _DINAS),
    Kind("badan", "Badan", ("badan", *_BADAN), _BADAN),
    Kind("satuan", "Satuan Polisi Pamong Praja", ("satuan polisi pamong praja", "satpol pp", "satpol"),
         ("satpol pp", "satpol")),
    Kind("rsud", "Rumah Sakit Umum Daerah", ("rumah sakit", "rsud"), ("rumah sakit", "rs")),
    Kind("uptd", "UPTD dan Puskesmas", ("uptd", "upt", "unit pelaksana teknis", "puskesmas"), ("upt", "puskesmas")),
    Kind("kantor", "Kantor", ("kantor",)),
    Kind("kecamatan", "Kecamatan", ("kecamatan",)),
    Kind("kelurahan", "Kelurahan", ("kelurahan",)),
)


def _words(text: str) -> str:
    """Lower case, single spaces, hyphens as spaces: 'Satpol-PP' and 'satpol  pp' are one word."""
    return " ".join(text.replace("-", " ").casefold().split())


#: The group of an instansi neither its name nor ``instansi.jenis`` places (shown last).
OTHER = Kind("lainnya", "Perangkat daerah lainnya", ())
_BY_WORD = {_words(word): kind for kind in (*KINDS, OTHER) for word in (kind.key, *kind.aliases)}
ORDER = {kind.key: i for i, kind in enumerate((*KINDS, OTHER))}
HEADINGS = {kind.key: kind.heading for kind in (*KINDS, OTHER)}
_BY_KEY = {kind.key: kind for kind in (*KINDS, OTHER)}
T = TypeVar("T")


def grouped_by_kind(items: Iterable[T], key: Callable[[T], str]) -> list[tuple[Kind, list[T]]]:
    """``items`` grouped by kind of instansi (``key``: an item's kind's key), the groups in the kinds' order
    (:data:`KINDS`, then :data:`OTHER`), each in the order given. One grouping for every place the portal shows
    kinds apart: the comparisons' tables and charts, a year's reports, the search filter, the list of instansi."""
    groups: dict[str, list[T]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return [(_BY_KEY[k], listed) for k, listed in sorted(groups.items(), key=lambda group: ORDER[group[0]])]


def kind_of_name(nama: str) -> Kind | None:
    """The kind the name's first words say ("Dinas Kesehatan": dinas), None when they say none ("Bappeda")."""
    name = _words(nama)
    return next((kind for kind in KINDS for p in kind.prefixes if name == p or name.startswith(p + " ")), None)


def declared_kind(jenis: str) -> Kind | None:
    """The kind ``instansi.jenis`` names (key or alias, any letter case), None when it names none."""
    return _BY_WORD.get(_words(jenis))


def kind_of(instansi: Instansi) -> Kind:
    """The instansi's kind: its name's, else its ``jenis``'s, else :data:`OTHER`."""
    return kind_for(instansi.nama, instansi.jenis)


def kind_for(nama: str, jenis: str = "") -> Kind:
    """:func:`kind_of` from the name and ``jenis`` alone: what a released version's manifest keeps of its instansi
    (one released before manifests kept ``jenis`` is placed by its name)."""
    return kind_of_name(nama) or declared_kind(jenis) or OTHER


def jenis_problem(instansi: Instansi) -> str | None:
    """What is wrong with a written ``instansi.jenis`` (None: nothing, or not written): a word no kind has, or a
    kind other than the name's. Said in Indonesian, with what to write."""
    if not instansi.jenis.strip():
        return None
    named, declared = kind_of_name(instansi.nama), declared_kind(instansi.jenis)
    keys = ", ".join(kind.key for kind in (*KINDS, OTHER))
    if declared is None and named is not None:
        return (f"instansi.jenis '{instansi.jenis}' bukan jenis perangkat daerah yang dikenal portal; portal memakai "
                f"'{named.key}' dari nama instansi: tulis 'jenis: {named.key}' atau hapus baris ini")
    if declared is None:
        return (f"instansi.jenis '{instansi.jenis}' bukan jenis perangkat daerah yang dikenal portal, sehingga "
                f"'{instansi.nama}' dibandingkan dengan {OTHER.heading.lower()}, bukan dengan instansi sejenis"
                f"{did_you_mean(instansi.jenis, _BY_WORD)}; tulis salah satu dari: {keys} (mis. 'jenis: badan' "
                "untuk Bappeda)")
    if named is not None and named.key != declared.key:
        return (f"instansi.jenis '{instansi.jenis}' tidak sesuai nama instansi '{instansi.nama}' ({named.key}); "
                f"portal memakai '{named.key}' dari namanya: tulis 'jenis: {named.key}' atau hapus baris ini")
    return None
