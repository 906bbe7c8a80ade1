"""Stage 3, data (continued): references between a report's data files, checked once with the line that names them.

A sasaran naming an indicator, the PK naming a program: a dangling reference is an error at the line of the reference
itself, which may be many lines below the object that holds it.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from ..core.diagnostics import Diagnostics
from ..core.model import Indicator, Loc, Report
from ..core.numbers import bracketed_negative, parse_hand_written, placeholder
from ..core.suggest import did_you_mean, listing
from .yamltree import YList, YMap

#: (kind, owner id, referenced id) -> line of the reference itself; see :func:`reference_lines`.
RefLines = dict[tuple[str, str, str], int]


def reference_lines(raw: dict[str, Any]) -> RefLines:
    """Lines of every cross-file reference, read from the YAML before conversion drops them.

    The model keeps one location per object (a sasaran, the PK); an author fixing a dangling reference needs the line
    that names the missing thing, which may be several lines further down.
    """
    out: RefLines = {}

    def items(node: Any, key: str) -> list[tuple[str, int]]:
        values = node.get(key) if isinstance(node, YMap) else None
        if not isinstance(values, YList):
            return []
        return [(str(v), values.line_of(i)) for i, v in enumerate(values)]

    renstra = raw.get("renstra.yaml", (None, ""))[0]
    for t in (renstra or {}).get("tujuan", []):
        for ref, line in items(t, "indikator"):
            out[("tujuan", str(t["id"]), ref)] = line
        for s in t.get("sasaran", []):
            for ref, line in items(s, "indikator"):
                out[("sasaran", str(s["id"]), ref)] = line
    pk = raw.get("pk.yaml", (None, ""))[0]
    for key in ("sasaran", "indikator", "program"):
        for ref, line in items(pk, key):
            out[("pk-" + key, "", ref)] = line
    budget = raw.get("anggaran.yaml", (None, ""))[0]
    for p in (budget or {}).get("program", []):
        if p.get("sasaran") is not None:
            out[("program", str(p["kode"]), str(p["sasaran"]))] = p.line_of("sasaran")
    indicators = raw.get("indikator.yaml", (None, ""))[0]
    for i in (indicators or {}).get("indikator", []):
        if i.get("program") is not None:
            out[("indikator", str(i["id"]), str(i["program"]))] = i.line_of("program")
    return out


def check_references(report: Report, diags: Diagnostics, lines: RefLines | None = None,
                     unreadable: frozenset[str] = frozenset()) -> None:
    """Dangling references between data files are errors at the line that names the missing thing.

    A file that failed validation (``unreadable``) is already reported; references into it are not checked, or one
    typo in indikator.yaml would also be reported as every indicator "missing" everywhere else.
    """
    d = report.data
    lines = lines or {}
    indicators_known = "indikator.yaml" not in unreadable
    sasaran_known = "renstra.yaml" not in unreadable
    programs_known = "anggaran.yaml" not in unreadable

    def at(loc: Loc, kind: str, owner: str, ref: str) -> Loc:
        return Loc(loc.file, lines.get((kind, owner, ref), loc.line))

    if d.renstra:
        for t in d.renstra.tujuan:
            for iid in t.indikator:
                _need(iid in d.indikator or not indicators_known, at(t.loc, "tujuan", t.id, iid),
                      f"tujuan {t.id} menyebut indikator '{iid}' yang tidak ada di data/indikator.yaml"
                      + _known(iid, d.indikator), diags)
            for s in t.sasaran:
                for iid in s.indikator:
                    if iid in d.indikator:
                        d.indikator[iid].sasaran_id = s.id
                    elif indicators_known:
                        diags.error(at(s.loc, "sasaran", s.id, iid),
                                    f"sasaran {s.id} menyebut indikator '{iid}' yang tidak ada di data/indikator.yaml"
                                    + _known(iid, d.indikator))
    sasaran_ids = {s.id for s in d.renstra.all_sasaran()} if d.renstra else set()
    program_codes = {p.kode for p in d.anggaran.program} if d.anggaran else set()
    if d.pk:
        for sid in d.pk.sasaran:
            _need(sid in sasaran_ids or not sasaran_known, at(d.pk.loc, "pk-sasaran", "", sid),
                  f"PK menyebut sasaran '{sid}' yang tidak ada di data/renstra.yaml" + _known(sid, sasaran_ids), diags)
        for iid in d.pk.indikator:
            _need(iid in d.indikator or not indicators_known, at(d.pk.loc, "pk-indikator", "", iid),
                  f"PK menyebut indikator '{iid}' yang tidak ada di data/indikator.yaml" + _known(iid, d.indikator),
                  diags)
        for code in d.pk.program:
            _need(code in program_codes or not programs_known, at(d.pk.loc, "pk-program", "", code),
                  f"PK menyebut program '{code}' yang tidak ada di data/anggaran.yaml" + _known(code, program_codes),
                  diags)
    if d.anggaran:
        for p in d.anggaran.program:
            if p.sasaran:
                _need(p.sasaran in sasaran_ids or not sasaran_known, at(p.loc, "program", p.kode, p.sasaran),
                      f"program {p.kode} menyebut sasaran '{p.sasaran}' yang tidak ada di data/renstra.yaml"
                      + _known(p.sasaran, sasaran_ids), diags)
    for ind in d.indikator.values():
        if ind.program:
            _need(ind.program in program_codes or not programs_known, at(ind.loc, "indikator", ind.id, ind.program),
                  f"indikator {ind.id} menyebut program '{ind.program}' yang tidak ada di data/anggaran.yaml"
                  + _known(ind.program, program_codes), diags)
        _check_grades(ind, diags)


def _check_grades(ind: Indicator, diags: Diagnostics) -> None:
    """A grade is only meaningful on the indicator's own ordered list, read as capaian reads it (case ignored, as the
    guide says: ``bb`` was refused with the list printed as Python's); a number needs no list."""
    entered = [(pv, True) for pv in ind.target.values()] + [(pv, False) for pv in ind.realisasi.values()]
    values = [(pv.annual, pv.loc, is_target) for pv, is_target in entered]
    values += [(q, pv.loc, is_target) for pv, is_target in entered for q in pv.quarters.values()]
    for v, loc, is_target in values:
        if isinstance(v, str):  # numbers typed as text (68,85) were already rejected by the schema
            if not ind.kualitatif and is_target and (bound := _instead_of_bound(v, ind)):
                diags.error(loc or ind.loc, f"indikator {ind.id}: target '{v}' berupa teks; {bound}")
            elif not ind.kualitatif:
                diags.error(loc or ind.loc, f"indikator {ind.id}: nilai '{v}' berupa teks, tetapi indikator tidak "
                                            f"punya daftar 'kualitatif'; {_instead_of_text(v)}")
            elif v.strip().casefold() not in {g.strip().casefold() for g in ind.kualitatif}:  # as capaian reads it
                diags.error(loc or ind.loc, f"indikator {ind.id}: nilai '{v}' tidak ada dalam daftar kualitatif "
                                            f"({', '.join(ind.kualitatif)}){did_you_mean(v, ind.kualitatif)}")


#: A target typed as a bound, as RPJMD and PK tables print it: "≤ 14", "maks. 14 %", "≥ 90".
_BOUND = re.compile(r"(?P<op>≤|≥|[<>]=?|=[<>]|maks(?:imal|imum)?\.?|min(?:imal|imum)?\.?|paling\s+(?:tinggi|banyak|"
                    r"rendah|sedikit)|kurang\s+dari|lebih\s+dari|di\s+(?:bawah|atas))\s*(?P<num>\d[\d.,]*\s*%?)", re.I)
#: The bounds that say "lower is better".
_AT_MOST = re.compile(r"≤|<|=<|maks|paling\s+(?:tinggi|banyak)|kurang|di\s+bawah", re.I)
#: A target typed as a range: "12-14", "12 – 14 %", "12 s.d. 14".
_RANGE = re.compile(r"(?P<lo>\d[\d.,]*)\s*%?\s*(?:-|–|—|s\.?\s?d\.?|sampai(?:\s+dengan)?)\s*(?P<hi>\d[\d.,]*)\s*%?",
                    re.I)


def _instead_of_bound(v: str, ind: Indicator) -> str | None:
    """What to write for a target typed as a bound or a range, or None for other text.

    A dinas's PK prints "≤ 14 %" for stunting, "12–14" for a rate: told "tambahkan daftar 'kualitatif'", the author
    was sent to make a number a grade. A bound is the number and the polarity: ``polaritas: negatif`` already says
    "at most", and capaian is counted from the bound. A range has no capaian: the bound to reach is the one to write.
    """
    if m := _BOUND.fullmatch(v.strip()):
        n = _machine(m.group("num"))
        wanted = "negatif" if _AT_MOST.match(m.group("op")) else "positif"
        if n is None:
            return None
        if wanted == ind.polaritas:
            return (f"batas target ditulis sebagai angka saja: tulis {n}; polaritas: {wanted} sudah berarti makin "
                    f"{'rendah' if wanted == 'negatif' else 'tinggi'} makin baik, dan capaian dihitung terhadap {n}")
        return (f"'{v.strip()}' berarti makin {'rendah' if wanted == 'negatif' else 'tinggi'} makin baik: tulis {n} "
                f"dan ubah polaritas indikator ini menjadi {wanted}")
    if m := _RANGE.fullmatch(v.strip()):
        lo, hi = _machine(m.group("lo")), _machine(m.group("hi"))
        if lo is None or hi is None:
            return None
        bound, which = (hi, "atas") if ind.polaritas == "negatif" else (lo, "bawah")
        return (f"rentang tidak dapat dihitung capaiannya; tulis satu angka, batas yang harus dicapai: untuk indikator "
                f"berpolaritas {ind.polaritas} ini batas {which}nya, {bound} (rentangnya boleh ditulis di 'definisi')")
    return None


def _machine(text: str) -> str | None:
    """``14,5 %`` -> ``14.5``: a number of a bound or a range as it is written in the data files."""
    typed = parse_hand_written(text.replace("%", "").strip())
    return typed.machine if typed is not None else None


#: Quotation marks Word and Excel type in place of the plain ones: ``“84.82”`` is text, as ``"84.82"`` is not.
_CURLY = "“”‘’„‚«»"


def _instead_of_text(v: str) -> str:
    """What to write for a text value of an indicator that has no grades: the value, the author's stand-in for "no
    data", or a number in a form YAML reads as text (``n/a``, ``(1.234)``, ``“84.82”``): said only "berupa teks",
    the author was left to guess."""
    kind = placeholder(v)
    if kind in ("strip", "n/a"):
        return "bila datanya tidak ada, tulis {tidak_ada: alasan}"
    if kind == "rumus":
        return "itu galat rumus Excel; tulis angkanya, atau {tidak_ada: alasan} bila datanya tidak ada"
    if negative := bracketed_negative(v):
        return f"angka negatif ditulis dengan tanda minus: tulis {negative}"
    unquoted = v.strip().strip(_CURLY)
    typed = parse_hand_written(unquoted) if unquoted != v.strip() else None
    if typed is not None:
        return f"tanda kutip miring (“ ”, dari Word) membuatnya teks; tulis {typed.machine} tanpa tanda kutip"
    return ("tulis angka dengan titik desimal (mis. 84.82), {tidak_ada: alasan} bila datanya tidak ada, atau tambahkan "
            "daftar 'kualitatif' bila nilainya kualitatif")


def _known(name: str, known: Iterable[object]) -> str:
    """``; mungkin maksudnya 'IKU1' (yang ada: IKU1, IKU2)``: the nearest ids and all of them, for a dangling id."""
    names = list(known)
    return f"{did_you_mean(name, names)} (yang ada: {listing(names)})"


def _need(ok: bool, loc: Loc, message: str, diags: Diagnostics) -> None:
    if not ok:
        diags.error(loc, message)
