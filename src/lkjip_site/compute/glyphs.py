"""``check``'s karakter-tanpa-fon: a character of published text that no font of the theme draws.

Why: text pasted from Word brings ✓ ✗ ★, emoji, a bullet of the Symbol font (U+F0B7), a word in another script.
The theme ships its own fonts so that the PDF and the charts are the same on every machine; such a character is
taken instead from whatever font the building machine has (DejaVu, OpenSymbol) or drawn as an empty box, and the
chart engine measures it with that font, so a label wraps elsewhere. Two machines then gave two PDFs and two chart
layouts from the same sources, unwarned, and a reader of the PDF may see "□". The web page itself is not made
other: its HTML carries the text as it is, and a reader's browser draws what its fonts have (as on any page); only
its inline chart SVGs, laid out at build, are.

What is read: the text a report publishes, each value against the fonts it is drawn with. Names that charts label
(an indicator's name and unit, a program's, an IKM unsur's, a jenis belanja, a dataset's header and cells, said at
its header: the model keeps no row's line, and a blank line would shift a counted one) against the chart fonts
(Noto Sans, whose copies for vl-convert carry the symbol font's ≥ → −: ``charts/fonts.with_symbols``); everything else (chapters, their titles, the
Renstra's and the indicators' texts, a qualitative indicator's grades, laporan.yaml) against all the theme's fonts.
Not read: YAML comments (not in the model), a dataset's ``judul`` and ``satuan`` (its keterangan file's lines are
not kept), invisible format characters (zero-width joiners, variation selectors: drawn as nothing). An HTML comment
in a chapter is read: without ``html_mentah`` it is shown as text (an error of its own).
"""

from __future__ import annotations

import unicodedata
from typing import Iterable, Iterator

from ..core.model import BudgetNode, Chapter, Glyphs, Indicator, Loc, Missing, Report, SiteConfig, loc_of
from ..load.yamltree import YMap
from .findings import Finding

#: Characters drawn as nothing, which no font needs to have: Unicode's format characters (Cf: ZWJ, BOM, soft
#: hyphen) and controls are found elsewhere (``core/controls.py``); the variation selectors that follow an emoji.
_UNDRAWN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})
_CHECKS = frozenset("✓✔☑✅🗸")
_CROSSES = frozenset("✗✘❌❎☒✕✖")
_STARS = frozenset("★☆✩✪✫✬✭✮✯⭐🌟")


def check_glyphs(report: Report, glyphs: Glyphs | None) -> list[Finding]:
    """Every line of the report's published text holding a character its fonts do not draw, one finding a line."""
    if glyphs is None:
        return []
    out = []
    for loc, text, charted in _texts(report):
        fonts = glyphs.charted if charted else glyphs.drawn
        lacking = _lacking(text, fonts)
        if lacking:
            out.append(_finding(loc, lacking, charted))
    return out


def check_config_glyphs(config: SiteConfig, glyphs: Glyphs | None) -> list[Finding]:
    """situs.yaml's texts every page and every PDF prints (the portal's title, the pemda): said once, at their line."""
    if glyphs is None:
        return []
    out = []
    for key in ("judul", "pemda"):
        lacking = _lacking(getattr(config, key), glyphs.drawn)
        if lacking:
            out.append(_finding(loc_of(config, key), lacking, False))
    return out


def _lacking(text: str, fonts: frozenset[int]) -> list[str]:
    """The characters of ``text`` that ``fonts`` do not draw, in order of first appearance, each once."""
    if text.isascii():
        return []
    seen: dict[str, None] = {}
    for ch in text:
        if ord(ch) > 0x7E and ord(ch) not in fonts and ch not in seen and _drawn_at_all(ch):
            seen[ch] = None
    return list(seen)


def _drawn_at_all(ch: str) -> bool:
    """Whether ``ch`` is drawn as a mark (not a format character, a control or a variation selector)."""
    cp = ord(ch)
    if 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF:
        return False
    return unicodedata.category(ch) not in _UNDRAWN_CATEGORIES


def _finding(loc: Loc, lacking: list[str], charted: bool) -> Finding:
    shown = [_shown(ch) for ch in lacking]
    listed = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} dan {shown[-1]}"
    if charted:
        effect = ("tidak ada di fon grafik tema (Noto Sans dan Noto Sans Math): label grafik diukur dengan fon lain yang kebetulan "
                  "terpasang di komputer yang membangun, sehingga sumber yang sama menghasilkan grafik (di halaman dan "
                  "di PDF) yang berbeda di komputer lain")
    else:
        effect = ("tidak ada di fon bawaan tema: PDF mengambilnya dari fon lain yang kebetulan terpasang di komputer "
                  "yang membangun (atau mencetak kotak kosong), sehingga sumber yang sama menghasilkan PDF yang "
                  "berbeda di komputer lain")
    return Finding("warning", loc, f"karakter {listed} {effect}; {_hints(lacking, charted)}", "karakter-tanpa-fon")


def _hints(lacking: list[str], charted: bool) -> str:
    """What to write instead, each hint naming its characters when the line holds characters of several kinds.

    Why: a line with a Word bullet and a ✓ was told "…; untuk butir daftar …; tulis 'ya', 'sudah' atau 'tercapai'",
    and an author could not tell which hint was for which character."""
    groups: dict[str, list[str]] = {}
    for ch in lacking:
        groups.setdefault(_instead(ch, charted), []).append(ch)
    if len(groups) == 1:
        return next(iter(groups))
    return "; ".join(f"untuk {' dan '.join(_short(ch) for ch in chars)}: {hint}" for hint, chars in groups.items())


def _short(ch: str) -> str:
    """``'✓'``; a Word symbol of the private use area (shown as nothing or a box) as ``U+F0B7``."""
    return f"U+{ord(ch):04X}" if unicodedata.category(ch) == "Co" else f"'{ch}'"


def _shown(ch: str) -> str:
    """``'✓' (U+2713)``; a character that shows as nothing or as a box (a Word symbol of the private use area) by
    its code point and what it is."""
    code = f"U+{ord(ch):04X}"
    if unicodedata.category(ch) == "Co":
        return f"{code} (simbol fon Symbol/Wingdings dari Word)"
    return f"'{ch}' ({code})"


def _instead(ch: str, charted: bool) -> str:
    """What to write instead of ``ch``, in the author's words."""
    name = unicodedata.name(ch, "")
    category = unicodedata.category(ch)
    if ch in _CHECKS:
        return "tulis 'ya', 'sudah' atau 'tercapai'"
    if ch in _CROSSES:
        return "tulis 'tidak', 'belum' atau 'tidak tercapai'"
    if ch in _STARS:
        return "tulis nilainya dengan angka, mis. 'bintang 4' atau '4 dari 5'"
    if category == "Co" or "BULLET" in name or 0x25A0 <= ord(ch) <= 0x25FF:
        return "tulis '- ' di awal baris bila itu butir daftar, atau tulis maknanya dengan kata"
    if "ARROW" in name:
        return "gunakan → ← ↑ ↓ atau tulis 'naik'/'turun'"  # charts draw them too (the symbol font's glyphs)
    if category == "Sm":
        return "gunakan ≥ ≤ ± × ÷ − ≠ ≈ atau tulis dengan kata ('paling sedikit', 'paling banyak')"
    if category == "So" or ord(ch) >= 0x1F000:
        return "hapus emoji atau simbol itu, atau tulis maknanya dengan kata"
    if category.startswith("L"):
        return "tulis dengan huruf Latin (terjemahan atau alih aksaranya)"
    return "ganti dengan huruf Latin, angka atau tanda baca biasa"


def _texts(report: Report) -> Iterator[tuple[Loc, str, bool]]:
    """Each published text of ``report`` at its line, and whether a chart labels with it."""
    yield from _report_texts(report)
    for chapter in report.chapters:
        yield from _chapter_texts(chapter)
    yield from _data_texts(report)


def _report_texts(report: Report) -> Iterator[tuple[Loc, str, bool]]:
    """laporan.yaml: the title, the instansi and its head, the place of signing, the version note."""
    ins = report.instansi
    for key, value in (("judul", report.judul), ("instansi.nama", ins.nama), ("instansi.pemda", ins.pemda),
                       ("instansi.alamat", ins.alamat), ("instansi.kepala.nama", ins.kepala.nama),
                       ("instansi.kepala.jabatan", ins.kepala.jabatan), ("instansi.kepala.pangkat", ins.kepala.pangkat),
                       ("penandatanganan.tempat", report.tempat_ttd), ("catatan_versi", report.catatan_versi)):
        yield loc_of(report, key), value, False


def _chapter_texts(chapter: Chapter) -> Iterator[tuple[Loc, str, bool]]:
    """A chapter's front matter texts and every line of its body (its fences' options too: a table's or chart's
    title is printed)."""
    front = chapter.front
    for key in ("judul", "ringkasan"):
        value = front.get(key)
        if isinstance(value, str):
            yield Loc(chapter.rel, front.line_of(key) if isinstance(front, YMap) else 1), value, False
    if chapter.body.isascii():
        return
    for i, line in enumerate(chapter.body.splitlines()):
        yield Loc(chapter.rel, chapter.body_line + i), line, False


def _data_texts(report: Report) -> Iterator[tuple[Loc, str, bool]]:
    """The data files' texts: what charts label (True) and what only tables and pages print (False)."""
    data = report.data
    for ind in data.indikator.values():
        yield loc_of(ind, "nama"), ind.nama, True
        yield loc_of(ind, "satuan"), ind.satuan, True
        for key in ("definisi", "formula", "sumber_data", "penanggung_jawab"):
            yield loc_of(ind, key), getattr(ind, key), False
        yield from _grades(ind)
    if data.renstra is not None:
        rs = data.renstra
        for key in ("visi", "misi", "strategi", "kebijakan"):
            value = getattr(rs, key)
            for text in [value] if isinstance(value, str) else value:
                yield loc_of(rs, key), text, False
        for tujuan in rs.tujuan:
            yield tujuan.loc, tujuan.uraian, False
            for sasaran in tujuan.sasaran:
                yield sasaran.loc, sasaran.uraian, False
    if data.anggaran is not None:
        for node in _nodes(data.anggaran.program):
            yield loc_of(node, "nama"), node.nama, True
            yield loc_of(node, "indikator"), node.indikator, False
            yield loc_of(node, "satuan"), node.satuan, False
        for jenis in data.anggaran.jenis_belanja:
            yield jenis.loc, jenis.jenis, True
    if data.ikm is not None:
        for unsur in data.ikm.unsur:
            yield unsur.loc, unsur.nama, True
    for dataset in data.datasets.values():
        # the model keeps no row's line (blank lines are skipped): said once, at the header, naming each character
        cells = (c for row in dataset.rows for c in row if isinstance(c, str))
        yield dataset.loc, " ".join([*dataset.columns, *cells]), True


def _grades(ind: Indicator) -> Iterator[tuple[Loc, str, bool]]:
    """A qualitative indicator's grades (``kualitatif: [✗, ✓]``, printed in its tables as its target and realisasi),
    said once at their list, and the reason a value is missing (``tidak_ada: …``) at its line."""
    if ind.kualitatif:
        yield loc_of(ind, "kualitatif"), " ".join(ind.kualitatif), False
    for values in (*ind.target.values(), *ind.realisasi.values()):
        for key, value in (("tahunan", values.annual), *values.quarters.items()):
            text = value.reason if isinstance(value, Missing) else value if isinstance(value, str) else ""
            if text and text not in (ind.kualitatif or ()):
                yield values.loc_of(key) or ind.loc, text, False


def _nodes(nodes: Iterable[BudgetNode]) -> Iterator[BudgetNode]:
    for node in nodes:
        yield node
        yield from _nodes(node.children)
