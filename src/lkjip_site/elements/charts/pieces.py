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
from collections.abc import Iterator, Sequence

#: A CSS px in mm: WeasyPrint lays out at 96 px per inch.
_PX_MM = 25.4 / 96
#: The text width of an A4 portrait page in ``print-pdf.css`` (210 mm less 28 + 22 mm of margins), in CSS px.
PRINT_WIDTH_PX = 160 / _PX_MM
#: The tallest chart ``print-pdf.css`` prints whole (``figure.grafik .grafik-svg svg { max-height }``), in CSS px.
PIECE_MAX_PX = 185 / _PX_MM
#: The height of the text on an A4 portrait page of ``print-pdf.css`` (297 mm less 28 + 24 mm of margins), in mm.
PAGE_TEXT_MM = 245.0
#: What stands on a piece's page besides it, in mm (``print-pdf.css``): the figure's margin above the first piece
#: and the caption's above it; a caption line (10 pt × 1,5); "Gambar n (lanjutan)" above a piece after the first
#: (a line and its margin); the summary's margins and the figure's under the last piece; a summary line (9,5 pt ×
#: 1,5); and a little slack for rounding. The characters a line holds are counted low (a caption line of bold 10 pt
#: sans holds some 80, a summary line of 9,5 pt serif some 100), so a page is never overfilled.
ABOVE_FIRST_MM, CAPTION_LINE_MM, CAPTION_LINE_CHARS = 5.0, 5.3, 70
ABOVE_NEXT_MM = 7.3
BELOW_LAST_MM, SUMMARY_LINE_MM, SUMMARY_LINE_CHARS = 10.0, 5.1, 85
SLACK_MM = 3.0


def piece_rooms(caption: str, summary: str) -> tuple[float, float, float]:
    """The height in mm each piece may have, the first's (under the caption), a middle one's (under "(lanjutan)")
    and the last one's (over the summary), so that each piece and what goes with it fill one page.

    Why from the caption and summary: pieces of at most 185 mm, as a chart printed whole, left 60 mm of each page
    empty, and Martapura Barat's Gambar 3.1 (22 indicators, 407 mm at the text width) took three pages, 35 % and
    47 % of two of them blank; a fixed room for the longest summary still cut it in three, its second piece a
    millimetre and a half short of the last's room."""
    caption_lines = max(1, math.ceil(len(caption) / CAPTION_LINE_CHARS))
    summary_lines = math.ceil(len(summary) / SUMMARY_LINE_CHARS)
    return (PAGE_TEXT_MM - ABOVE_FIRST_MM - caption_lines * CAPTION_LINE_MM - SLACK_MM,
            PAGE_TEXT_MM - ABOVE_NEXT_MM - SLACK_MM,
            PAGE_TEXT_MM - ABOVE_NEXT_MM - BELOW_LAST_MM - summary_lines * SUMMARY_LINE_MM - SLACK_MM)


_ROOT_SIZE = re.compile(r'(<svg\b[^>]*?) width="([\d.]+)" height="([\d.]+)" viewBox="0 0 ([\d.]+) ([\d.]+)"')
_TRANSLATE = re.compile(r"translate\(\s*([-\d.eE]+)[ ,]+([-\d.eE]+)\s*\)")
_SVG = "{http://www.w3.org/2000/svg}"
#: A text element of vl-convert's SVG, whole (its lines are tspans inside it, never another text element).
_TEXT = re.compile(r"<text\b.*?</text>", re.S)


def print_pieces(svg: str, caption: str = "", summary: str = "") -> list[str]:
    """``svg`` as the pieces it is printed in: itself alone when it fits a page at the text width (or has no rows to
    cut at), else the fewest pieces of whole rows, each filling the room of its page beside the figure's ``caption``
    and ``summary`` (:func:`piece_rooms`, :func:`_cuts`)."""
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
    rooms = tuple(room / _PX_MM / scale for room in piece_rooms(caption, summary))
    step = (centres[-1] - centres[0]) / (len(centres) - 1)
    # cut only where no row's name is cut; when no such places give pieces that fit, half way between rows as before
    cuts = _cuts(row_bounds(svg, centres), height, rooms) or _cuts([c + step / 2 for c in centres[:-1]], height, rooms)
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


def row_bounds(svg: str, centres: list[float]) -> list[float | None]:
    """Where the chart may be cut between each row and the next (``len(centres) - 1`` places, top to bottom): half
    way between their middles, or lower, under a row's name that hangs over that line, where that crosses no text
    and no row's marks; None where there is no such place.

    Why: a row's name of four or five lines (Martapura Barat's "Persentase Penyelenggaraan Urusan Pemerintahan yang
    tidak Dilaksanakan oleh Unit Kerja Perangkat Daerah yang ada di Kecamatan") hangs below the middle between its
    row and the next; cut there, its fourth line was cut in half at the foot of the page and its fifth printed
    nowhere (a piece shows only the text that begins in it). Cut under the name, the next row's bar could show a
    sliver of itself at the foot of one page and the rest on the next: such a row is not cut after. The rows are
    found as vl-convert draws a bar chart (each row's marks in a group of its own); a chart drawn otherwise is cut
    under a long name with nothing known of its marks."""
    step = (centres[-1] - centres[0]) / (len(centres) - 1)
    placed = list(_placed(ET.fromstring(svg), 0.0, None))
    texts = [(y - _font_size(element), _text_bottom(element, y)) for element, y, _ticks in placed
             if element.tag == f"{_SVG}text"]
    spans = texts + [span for element, y, _ticks in placed if (span := _row_marks(element, y)) is not None]
    bounds: list[float | None] = []
    for centre in centres[:-1]:
        middle = centre + step / 2
        at = max([middle, *(bottom for top, bottom in texts if top < middle - _CROSS_PX < bottom)])
        crossed = any(top < at - _CROSS_PX and at + _CROSS_PX < bottom for top, bottom in spans)
        bounds.append(None if crossed else at)
    return bounds


#: How far, in the drawing's px, text may reach over a cut: a name of two lines ends a hair (0,1 px) below the
#: middle between its row and the next, in the white between them.
_CROSS_PX = 1.0
#: The points of an SVG path's data, (x, y).
_POINT = re.compile(r"(-?[\d.]+),(-?[\d.]+)")


def _row_marks(element: ET.Element, y: float) -> tuple[float, float] | None:
    """(top, bottom) of the box a row's marks are drawn in, when ``element`` is a row of a chart whose rows are
    groups (vl-convert: a ``role-scope`` group's placed ``g``, its background path the box); else None."""
    if element.tag != f"{_SVG}g" or not element.get("transform"):
        return None
    background = element.find(f"{_SVG}path[@class='background']")
    if background is None:
        return None
    ys = [float(match.group(2)) for match in _POINT.finditer(background.get("d") or "")]
    return (y + min(ys), y + max(ys)) if ys and max(ys) > min(ys) else None


def _font_size(element: ET.Element) -> float:
    """A text element's font size in the drawing's units (vl-convert writes ``font-size="12px"``); 12 if unsaid."""
    try:
        return float((element.get("font-size") or "12").removesuffix("px"))
    except ValueError:
        return 12.0


def _text_bottom(element: ET.Element, y: float) -> float:
    """The foot of a text element's last line (its descenders included): its lines are tspans, each ``dy`` below
    the one before."""
    return y + sum(_length(tspan, "dy") for tspan in element.iter(f"{_SVG}tspan")) + 0.3 * _font_size(element)


def _cuts(bounds: Sequence[float | None], height: float,
          rooms: tuple[float, ...]) -> list[tuple[float, float]] | None:
    """(top, bottom) of each piece: the fewest pieces, each as many whole rows as its page has room for (``rooms``:
    the first piece's, a middle one's, the last one's); the first piece begins at the top of the drawing (title,
    legend), the last ends at its foot (axis); ``bounds``: where the drawing may be cut between each row and the
    next (None: nowhere there, :func:`row_bounds`). Why fill each page rather than share the rows out evenly: even
    pieces left every page of the chart but the last part empty, and the text after the chart flows under the last.
    Taking as many rows as fit each time gives the fewest pieces: what is left for the last is then the least."""
    first_room, next_room, last_room = rooms
    rows = len(bounds) + 1
    cuts: list[tuple[float, float]] = []
    top, first, room = 0.0, 0, first_room
    while True:
        if first > 0 and height - top <= last_room:
            return [*cuts, (top, height)]
        bottom = None  # the lowest place to cut at that leaves this piece within its room and the last a row
        for index in range(first, rows - 1):
            at = bounds[index]
            if at is not None and at - top > room:
                break
            if at is not None:
                bottom, first_next = at, index + 1
        if bottom is None:
            return None  # no place to cut within a page: left whole, as before
        cuts.append((top, bottom))
        top, first, room = bottom, first_next, next_room


def _num(value: float) -> str:
    """A length as SVG writes it: at most 2 decimals, no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".")
