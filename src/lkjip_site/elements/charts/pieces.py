"""A chart too tall for a printed page, cut between its rows into pieces that each fit one.

The print stylesheet scales a chart to the text width and, so that caption, chart and summary stay on one page, to
at most :data:`PIECE_MAX_PX` high. A capaian chart of 22 indicators (730 × 1856 px) was thus printed at 38 % of its
size, its names and values at 3,4 pt: unreadable on paper. Cut into pieces at its rows, it is printed at the text
width (its 12 px labels at about 7,4 pt), a piece on each page, the legend above the first and the axis under the
last; every bar keeps its value label, so a piece is read on its own.

The pieces are views of the same drawing (the root's ``viewBox`` moved down the chart), so the site's charts, the
chart cache and the chart engine stay as they are; a chart that fits a page is returned untouched. Rows are found
in the drawing itself: the ticks of its one category axis (horizontal bars: capaian, Renstra, budget, efficiency,
IKM, category datasets) stand at the middle of each row, evenly spaced. A chart without such an axis (a line, a
donut) is never cut: such a chart is never that tall.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

#: A CSS px in mm: WeasyPrint lays out at 96 px per inch.
_PX_MM = 25.4 / 96
#: The text width of an A4 portrait page in ``print-pdf.css`` (210 mm less 28 + 22 mm of margins), in CSS px.
PRINT_WIDTH_PX = 160 / _PX_MM
#: The tallest chart ``print-pdf.css`` prints whole (``figure.grafik .grafik-svg svg { max-height }``), in CSS px.
PIECE_MAX_PX = 185 / _PX_MM

_ROOT_SIZE = re.compile(r'(<svg\b[^>]*?) width="([\d.]+)" height="([\d.]+)" viewBox="0 0 ([\d.]+) ([\d.]+)"')
_TRANSLATE = re.compile(r"translate\(\s*([-\d.eE]+)[ ,]+([-\d.eE]+)\s*\)")
_SVG = "{http://www.w3.org/2000/svg}"
#: A text element of vl-convert's SVG, whole (its lines are tspans inside it, never another text element).
_TEXT = re.compile(r"<text\b.*?</text>", re.S)


def print_pieces(svg: str) -> list[str]:
    """``svg`` as the pieces it is printed in: itself alone when it fits a page at the text width (or has no rows to
    cut at), else the fewest pieces of whole rows, as even as they can be, that each fit one."""
    size = _ROOT_SIZE.search(svg[:svg.find(">") + 1])
    if size is None:
        return [svg]
    width, height = float(size.group(2)), float(size.group(3))
    scale = min(1.0, PRINT_WIDTH_PX / width)
    if height * scale <= PIECE_MAX_PX:
        return [svg]
    centres = row_centres(svg)
    if len(centres) < 2:
        return [svg]
    step = (centres[-1] - centres[0]) / (len(centres) - 1)
    cuts = _cuts(centres, step, height, PIECE_MAX_PX / scale)
    if cuts is None:
        return [svg]
    head = size.group(1)
    pieces = []
    for index, (top, bottom) in enumerate(cuts):
        piece = (svg[:size.start()] + f'{head} width="{size.group(2)}" height="{_num(bottom - top)}" '
                 f'viewBox="0 {_num(top)} {size.group(4)} {_num(bottom - top)}"' + svg[size.end():])
        # the first piece keeps what stands above the rows (legend), the last what stands below them (axis)
        pieces.append(_only_text_within(piece, -math.inf if index == 0 else top,
                                        math.inf if index == len(cuts) - 1 else bottom))
    return pieces


def _only_text_within(svg: str, top: float, bottom: float) -> str:
    """``svg`` without the text whose place lies outside ``top``..``bottom``: each piece draws the whole chart and
    shows a band of it, and the text hidden outside the band was still in the page, so a reader who searched the PDF
    for "93,75 %" was taken to a page where it is not to be seen, and a copied page held every row of the chart. A
    text element stands at the start of its first line, within its row. Left whole if the text cannot be told apart."""
    places = [y for element, y, _ticks in _placed(ET.fromstring(svg), 0.0, None) if element.tag == f"{_SVG}text"]
    texts = list(_TEXT.finditer(svg))
    if len(places) != len(texts):
        return svg
    out, at = [], 0
    for match, y in zip(texts, places):
        if not top <= y < bottom:
            out.append(svg[at:match.start()])
            at = match.end()
    return "".join(out) + svg[at:]


def row_centres(svg: str) -> list[float]:
    """The middle of each row of the chart's one category axis, top to bottom, in the drawing's units; empty when it
    has none, more than one, or rows not evenly spaced (not a band axis: nothing to cut at)."""
    try:
        root = ET.fromstring(svg)
    except ET.ParseError:
        return []
    axes: dict[int, list[float]] = {}
    for element, y, ticks in _placed(root, 0.0, None):
        if ticks is not None and element.tag == f"{_SVG}line" and _length(element, "x2") < 0 \
                and _length(element, "y2") == 0:  # a tick to the left: a category axis's
            axes.setdefault(id(ticks), []).append(y)
    axes = {key: sorted(ys) for key, ys in axes.items()}
    if len(axes) != 1:
        return []
    (ys,) = axes.values()
    if len(ys) >= 2:
        step = (ys[-1] - ys[0]) / (len(ys) - 1)
        if step <= 0 or any(abs(b - a - step) > 1 for a, b in zip(ys, ys[1:])):
            return []
    return ys


def _placed(element: ET.Element, y: float, ticks: ET.Element | None) -> Iterator[tuple[ET.Element, float,
                                                                                       ET.Element | None]]:
    """Every element with the vertical place of its origin (its own and its ancestors' translations added up) and
    the group of axis ticks it is in, if any."""
    y += _offset(element)[1]
    if "role-axis-tick" in (element.get("class") or "").split():
        ticks = element
    yield element, y, ticks
    for child in element:
        yield from _placed(child, y, ticks)


def _offset(element: ET.Element) -> tuple[float, float]:
    match = _TRANSLATE.fullmatch((element.get("transform") or "").strip())
    return (float(match.group(1)), float(match.group(2))) if match else (0.0, 0.0)


def _length(element: ET.Element, name: str) -> float:
    try:
        return float(element.get(name) or 0)
    except ValueError:
        return 0.0


def _cuts(centres: list[float], step: float, height: float, room: float) -> list[tuple[float, float]] | None:
    """(top, bottom) of each piece: the fewest pieces whose rows, shared out as evenly as they can be, fit ``room``;
    the first piece begins at the top of the drawing (title, legend), the last ends at its foot (axis)."""
    rows = len(centres)
    for count in range(2, rows + 1):
        sizes = [rows // count + (i < rows % count) for i in range(count)]
        starts = [sum(sizes[:i]) for i in range(count)]
        cuts = [(0.0 if first == 0 else centres[first] - step / 2,
                 height if first + n == rows else centres[first + n - 1] + step / 2)
                for first, n in zip(starts, sizes)]
        if all(bottom - top <= room for top, bottom in cuts):
            return cuts
    return None


def _num(value: float) -> str:
    """A length as SVG writes it: at most 2 decimals, no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".")
