"""A chapter's text as the narrative checks read it: its lines outside fences, and its sentences.

Why sentences: what a typed predikat or count is about is said in the same sentence, and authors wrap their
paragraphs ("… dengan predikat" at the end of one line, "**Sangat Berhasil**" on the next), so a line alone
does not hold it. Each sentence keeps the file line of each of its characters, so a finding names the line.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..core.model import Chapter

#: A ``{role}`code``` span or a bare code span: blanked (same length) where typed words are read.
CODE_SPAN = re.compile(r"(\{\w+\})?`[^`]*`")
#: A number typed with emphasis around it or inside its figure, as a Word report bolds it: "**40** %", "*97,87* %",
#: "capaian **97,87 %**", "40 **%**", "Rp **2.369.772.519**", "**3** dari 3 indikator"; with its "%" (or "persen")
#: after at most one space. The markers are runs of up to three "*" or "_" right beside the digits or the sign.
_EMPHASISED_NUMBER = re.compile(r"(?<![\w*])[*_]{0,3}\d[\d.,]*[*_]{0,3}(?:\s?[*_]{0,3}(?:%|persen\b|prosen\b)[*_]{0,3})?"
                                r"(?![\w*])", re.I)


def unemphasised(text: str) -> str:
    """``text`` with the emphasis markers around and inside each typed number moved after it, as spaces: "**40** %"
    reads "40 %    ", the same length, so every offset outside the number stays where it was.

    Why: each typed-number check spelled out where a marker may stand ("**40** %" was read, "40 **%**", "***40***
    %", "Rp **2.369.772.519**" and "**3** dari 3 indikator" passed unread, right or wrong); the page shows the
    number, so the checks read it so."""
    def plain(m: re.Match[str]) -> str:
        whole = m.group(0)
        bare = re.sub(r"[*_]", "", whole)
        return whole if bare == whole else bare + " " * (len(whole) - len(bare))
    return _EMPHASISED_NUMBER.sub(plain, text)


#: A line that starts a block of its own: a heading, a list item, a table row, a quote.
_BLOCK_START = re.compile(r"^\s*(#{1,6}\s|[-*+]\s|\d+[.)]\s|\||>)")
#: Where a sentence ends: ".", "!", "?" or ";" before a space and a capital, a reference, a bracket or emphasis
#: (a decimal comma and a thousands dot are never followed by a space); not after the abbreviations a quarterly
#: report writes before a capital ("s.d. TW I", "Rp. 1.000", "No. 5"), which cut "Seluruh indikator yang terukur
#: s.d. TW I tercapai" in two and left its claim unread.
_SENTENCE_END = re.compile(r"(?<=[.!?;])(?<![sS]\.[dD]\.)(?<!\bRp\.)(?<!\bNo\.)\s+(?=[A-Z{(\[*_\"“])")


#: A cell boundary of a Markdown table row: a ``|`` not escaped as ``\\|`` (GFM splits inside code spans too).
_CELL_BORDER = re.compile(r"(?<!\\)\|")
#: What comes before a table row's first cell: indentation, and the ``>`` of a quote it is in.
_ROW_LEAD = re.compile(r"\s*(?:>\s*)*")


#: The line under a pipe table's header row, ``|---|:--:|---:|``: what makes the line above it a table's header.
TABLE_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")


def cell_spans(source_line: str) -> list[tuple[int, int]]:
    """Where each cell of one table row is in its line, the outer pipes dropped, as GFM counts them: the parser warns
    of a row with more or fewer cells than its header, the pasted-table check reads a cell and names its line."""
    start, end = _ROW_LEAD.match(source_line).end(), len(source_line.rstrip())
    bounds = [start - 1, *(m.start() for m in _CELL_BORDER.finditer(source_line, start, end)), end]
    spans = [(a + 1, b) for a, b in zip(bounds, bounds[1:])]
    if spans and not source_line[spans[0][0]:spans[0][1]].strip():
        spans.pop(0)
    if spans and not source_line[spans[-1][0]:spans[-1][1]].strip() and source_line.rstrip().endswith("|"):
        spans.pop()
    return spans


def table_cells(source_line: str) -> list[str]:
    """The cells of one table row as written (:func:`cell_spans`)."""
    return [source_line[a:b] for a, b in cell_spans(source_line)]


def all_lines(chapter: Chapter) -> Iterable[tuple[int, str, bool]]:
    """Each line of a chapter's body but the fences' own, with its file line and whether it is inside a fence."""
    return _body_lines(chapter.body, chapter.body_line)


def _body_lines(body: str, first_line: int) -> Iterator[tuple[int, str, bool]]:
    fence = False
    for i, line in enumerate(body.splitlines()):
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
            continue
        yield first_line + i, line, fence


def lines(chapter: Chapter) -> Iterable[tuple[int, str]]:
    """The text of a chapter, outside its fences (tables, figures, code)."""
    return ((n, line) for n, line, fenced in all_lines(chapter) if not fenced)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a chapter: its text (lines joined by a space) and the file line each character is on.

    ``plain`` is the text with its code spans and references blanked to spaces, and the emphasis of its typed
    numbers moved after them (:func:`unemphasised`), same length: typed words are read there, references
    (``{nilai}`K01.capaian```) in ``text``.
    """

    text: str
    plain: str
    starts: tuple[int, ...]  # offset of each joined line's first character
    line_numbers: tuple[int, ...]  # its file line

    def line_at(self, offset: int) -> int:
        return self.line_numbers[bisect.bisect_right(self.starts, offset) - 1]


def _blocks(body: str, first_line: int) -> Iterator[list[tuple[int, str]]]:
    block: list[tuple[int, str]] = []
    for n, line, fenced in _body_lines(body, first_line):
        if fenced:
            continue
        if not line.strip() or _BLOCK_START.match(line):
            if block:
                yield block
            block = [(n, line)] if line.strip() else []
            continue
        block.append((n, line))
    if block:
        yield block


def sentences(chapter: Chapter) -> tuple[Sentence, ...]:
    """The sentences of a chapter's text outside fences; a paragraph, list item or table row is never joined to
    the next, so a sentence cannot run across two blocks.

    Kept for the chapters read last (:func:`_sentences`): some twenty checks of a report's narrative each read
    every chapter's sentences, and split them again each time (a third of ``check``'s reading at N = 100)."""
    return _sentences(chapter.body, chapter.body_line)


@functools.lru_cache(maxsize=64)
def _sentences(body: str, first_line: int) -> tuple[Sentence, ...]:
    return tuple(_split(body, first_line))


def _split(body: str, first_line: int) -> Iterator[Sentence]:
    for block in _blocks(body, first_line):
        starts, numbers, parts, at = [], [], [], 0
        for n, line in block:
            starts.append(at)
            numbers.append(n)
            parts.append(line.strip())
            at += len(parts[-1]) + 1
        text = " ".join(parts)
        plain = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), text)
        begin = 0
        for m in [*_SENTENCE_END.finditer(plain), None]:
            end = m.start() if m else len(text)
            rel = [s - begin for s in starts]
            first = max(0, bisect.bisect_right(rel, 0) - 1)
            # the emphasis is moved after its sentence is cut: "selesai. **40** % …" begins a sentence at "**"
            yield Sentence(text[begin:end], unemphasised(plain[begin:end]), tuple(max(0, r) for r in rel[first:]),
                           tuple(numbers[first:]))
            if m:
                begin = m.end()
