"""One visual style for the site and the PDF: the project font, dark text, Okabe–Ito series, id-ID locale."""

from __future__ import annotations

from typing import Any

from ...core.fmt import BULAN, BULAN_SINGKAT

#: Every chart text's font-family: Noto Sans, then the theme's symbol font for the ≥ → − Σ Δ Noto Sans lacks (the PDF
#: took them from the machine's DejaVu Sans, a browser from its own fonts; vl-convert measures them in its copies of
#: Noto Sans, which carry the symbol font's glyphs: ``fonts.with_symbols``). No spaces after the commas: WeasyPrint
#: reads an SVG's font-family by splitting at commas and stripping quotes, not spaces, so ' Noto Sans Math' was no font.
FONT_FAMILY = "Noto Sans,Noto Sans Math,sans-serif"
TEXT_COLOUR = "#1f2328"  # 15.8:1 on white
MUTED_COLOUR = "#57606a"  # 6.1:1 on white, for axes and rules
GRID_COLOUR = "#d8dee4"
BACKGROUND = "#ffffff"  # of every chart (theme_config), and of the box under a value label (marks.label_box)
NEUTRAL_BAR = "#0072B2"
FALLBACK_PREDIKAT = "#6e7781"

# Okabe & Ito (2008), ordered so that the first colours have the most contrast on white; yellow last.
OKABE_ITO: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#56B4E9",
    "#000000",
    "#F0E442",
)

#: Bars of the second and later series of a chart are hatched or dotted in white over their colour, so that the series
#: are told apart by more than colour (WCAG 1.4.1): on the black-and-white office laser printer the LKjIP is printed on,
#: Okabe-Ito blue, green and vermillion come out one grey, as do orange and sky blue, and a stacked bar of five years
#: of a Renstra's funding read as one grey bar with a legend of five grey squares. The first series stays plain.
#: A series' fill is ``url(#lkjip-pola-<n>-<rrggbb>) #rrggbb``: the SVG's ``<defs>`` hold the pattern
#: (``svg.with_patterns``); where it is missing (an SVG without them) the colour after it is drawn instead.
PATTERN_PREFIX = "lkjip-pola-"
PATTERN_TILE = 8  # user units (CSS px) of one tile
_WHITE_LINES = 'fill="none" stroke="#ffffff" stroke-width="1.6"'
PATTERNS: tuple[str, ...] = (
    f'<path d="M-2,2 L2,-2 M0,8 L8,0 M6,10 L10,6" {_WHITE_LINES}/>',  # diagonal, rising
    '<circle cx="2" cy="2" r="1.4" fill="#ffffff"/><circle cx="6" cy="6" r="1.4" fill="#ffffff"/>',  # dots
    f'<path d="M-2,6 L2,10 M0,0 L8,8 M6,-2 L10,2" {_WHITE_LINES}/>',  # diagonal, falling
    f'<path d="M2,0 V8 M6,0 V8" {_WHITE_LINES}/>',  # vertical lines
    f'<path d="M0,8 L8,0 M0,0 L8,8" {_WHITE_LINES}/>',  # cross-hatch
    f'<path d="M0,2 H8 M0,6 H8" {_WHITE_LINES}/>',  # horizontal lines
    f'<path d="M2,0 V8 M0,2 H8" {_WHITE_LINES}/>',  # grid
)


def series_fill(index: int, colour: str) -> str:
    """The fill of the ``index``-th series' bars: its colour for the first, a pattern over it for the others."""
    if index == 0:
        return colour
    return f"url(#{PATTERN_PREFIX}{(index - 1) % len(PATTERNS) + 1}-{colour.lstrip('#').lower()}) {colour}"


def pattern_def(name: str) -> str:
    """The ``<pattern>`` a :func:`series_fill` names (``lkjip-pola-3-e69f00``); ``data-pola`` keeps its name for the
    site's interactive chart after the static SVG's ids are made unique (``grafik.js``)."""
    number, colour = name[len(PATTERN_PREFIX):].split("-")
    t = PATTERN_TILE
    return (
        f'<pattern id="{name}" data-pola="{name}" patternUnits="userSpaceOnUse" width="{t}" height="{t}">'
        f'<rect width="{t}" height="{t}" fill="#{colour}"/>{PATTERNS[int(number) - 1]}</pattern>'
    )


#: Lines of a chart's series, first to last (cycled): solid, then dashes a grey print and a reader who does not see the
#: colours can follow from point to point (the points' shapes differ too). Lengths in CSS px for a 2 px line.
LINE_DASHES: tuple[tuple[int, ...], ...] = ((1, 0), (8, 4), (2, 3), (12, 3, 2, 3), (4, 4), (12, 6))


def line_dashes(n: int) -> list[list[int]]:
    """The dash of each of ``n`` series' lines (``LINE_DASHES``, cycled)."""
    return [list(LINE_DASHES[i % len(LINE_DASHES)]) for i in range(n)]


#: A plot taller than this (CSS px, most of a 740 px phone screen) has its legend above it, not below: the key to the
#: colours of a comparison of 160 reports came 10 600 px below the first bars on a phone, 2 000 px below them in a
#: chapter's efficiency chart, so a reader met blue and orange bars with nothing saying which was which.
LEGEND_ON_TOP_ABOVE = 480


def place_legend(spec: dict[str, Any]) -> None:
    """Put the legends of a planned spec above a tall plot (see ``LEGEND_ON_TOP_ABOVE``), below a short one.

    Called on the wide spec when it is planned and again on its phone layout, whose height is its own; a plot of
    ``{"step": …}`` height (none of ours) is left as it is.
    """
    height = spec.get("height")
    if isinstance(height, (int, float)) and not isinstance(height, bool):
        legend = spec.setdefault("config", {}).setdefault("legend", {})
        legend["orient"] = "top" if height > LEGEND_ON_TOP_ABOVE else "bottom"


# d3-format locale: decimal comma, thousands dot, Rupiah prefix, percent with a space ("98,25 %"), and the "-" the
# tables and sentences print before a negative value (d3's default is "−", so an axis said "−20" above "-20").
ID_FORMAT_LOCALE: dict[str, Any] = {
    "decimal": ",",
    "minus": "-",
    "thousands": ".",
    "grouping": [3],
    "currency": ["Rp ", ""],
    "percent": " %",
}
ID_TIME_FORMAT_LOCALE: dict[str, Any] = {
    "dateTime": "%A, %e %B %Y %H.%M.%S",
    "date": "%d/%m/%Y",
    "time": "%H.%M.%S",
    "periods": ["AM", "PM"],
    "days": ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
    "shortDays": ["Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"],
    "months": list(BULAN),
    "shortMonths": list(BULAN_SINGKAT),
}

PLOT_WIDTH = 420  # width of the plotting area; axis labels come on top of it
BAND = 30  # height per category on horizontal bar charts
LABEL_WRAP = 34  # characters per line of a category label


def theme_config() -> dict[str, Any]:
    """One visual style for site and PDF: project font, dark text, Okabe–Ito series, id-ID locale."""
    return {
        "font": FONT_FAMILY,
        "background": BACKGROUND,
        "padding": 8,
        "view": {"stroke": None},
        "axis": {
            "labelFontSize": 12,
            "titleFontSize": 12,
            "titleFontWeight": "normal",
            "labelColor": TEXT_COLOUR,
            "titleColor": TEXT_COLOUR,
            "domainColor": MUTED_COLOUR,
            "tickColor": MUTED_COLOUR,
            "gridColor": GRID_COLOUR,
            "labelLimit": 260,
            "labelOverlap": "greedy",  # a tick label that would touch its neighbour is left out, never overlapped
            "labelSeparation": 6,
            "aria": False,
        },
        "legend": {
            "labelFontSize": 12,
            "titleFontSize": 12,
            "labelColor": TEXT_COLOUR,
            "titleColor": TEXT_COLOUR,
            "orient": "bottom",
            "direction": "horizontal",
            "labelLimit": 360,
            "aria": False,
        },
        "text": {"fontSize": 12, "color": TEXT_COLOUR},
        "range": {"category": list(OKABE_ITO)},
        "locale": {"number": ID_FORMAT_LOCALE, "time": ID_TIME_FORMAT_LOCALE},
    }
