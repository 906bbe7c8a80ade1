"""Rendering: a Vega-Lite spec to deterministic, page-safe static SVG with vl-convert (offline, no browser).

vl-convert numbers ``clipPath`` ids with a process-wide counter, so ids are rewritten to names derived from a hash of
the spec: identical input gives identical bytes, and two charts on one page never share an id. Text is measured with
the theme's own font (registered here), never the fonts of the build machine.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from pathlib import Path
from typing import Any, Mapping

import vl_convert as vlc

from .dataset import phone_rows
from .limits import FontBound, without_moot_limits
from .narrow import narrow_spec
from .plan import build, canonical_json
from .spec import ChartError, ChartResult, ChartSpec
from .style import ID_FORMAT_LOCALE, ID_TIME_FORMAT_LOCALE, PATTERN_PREFIX, pattern_def

# Bump when the post-processing of SVG or the meaning of options changes: invalidates the cache.
ENGINE_VERSION = "22"  # 5: N/A marks and figures handed in for the summary (marks); every chart also has its phone
#    layout (narrow.py); trend labels kept apart; 6: axis ticks below zero with the tables' "-" (style.ID_FORMAT_LOCALE);
#    an efficiency chart whose rows have no values yet drawn as N/A, its summary saying so; 7: an efficiency by
#    difference (sisa anggaran, selisih, selisih pita) is that of the printed capaian and serapan; a trend's
#    sentence says a change as the year-on-year table does (its delta and decimals, ASCII "-", not U+2212);
#    8: the legend of a plot taller than style.LEGEND_ON_TOP_ABOVE above it (style.place_legend); 9: a dataset
#    chart's summary says each value with its column's declared unit (marks.with_unit: "Rp 2.989.057.284"); 10: its
#    tooltips and mark descriptions too (they wrote "2.989.057.284 Rp", and "N/A orang" for a missing value);
#    11: a dataset bar without a value is a visible N/A mark (it was left out, with its row in the wide layout);
#    12: a second or later series's bars patterned over their colour, each line its own dash (style.series_fill,
#    style.line_dashes): told apart in grey print; 13: a box of the background colour under the value labels of a
#    chart with a target rule (marks.label_box); a trend's value labels stacked per group of meeting points;
#    14: a capaian chart's predikat below the scale's best patterned by its place in the scale (kelas), the legend in
#    the scale's order; lines meeting at one value in a year have one value label there; 15: the figures a chart's
#    summary and data table print carry their audit marks (ChartTable.figures), a budget chart's table prints cents;
#    16: IKM, efficiency and dataset charts' figures and the budget sentence's totals marked (cents as the tables)
#    17: ChartResult.narrow_note (a phone chart of many rows draws the highest and lowest, option 'sempit'); an
#    efficiency chart before TW IV names no method; a phone bar chart taller than narrow.COMPACT_ABOVE drawn compactly
#    (one-line names cut with '…', thinner bars)
#    18: the same pass's second round (17 was used by builds before the compact phone charts and the charts' notes:
#    a cache drawn with it would keep their old phone layout)
#    19: an efficiency chart's capaian taken from an earlier quarter noted; a dataset chart's highest and lowest
#    values in its summary marked (marks.extreme_sentence puts the unit outside the mark)
#    20: efficiency values and counts, a trend's change between two years, a dataset's sums and shares marked
#    (their ids in compute/refs.py); the efficiency counts judged on the printed values
#    21: a dataset chart of columns in different units titles its axis "(satuan berbeda)" and says each unit in its
#    legend; a donut of rates says no Jumlah in its summary
#    22: measured with Noto Sans given Noto Sans Math's signs (≥ → −), font-family without spaces after commas;
#    a chart cut in pieces for print fills each page and is never cut through a name


_ID_RE = re.compile(r'\sid="([^"]+)"')
_PATTERN_RE = re.compile(r"url\(#(" + re.escape(PATTERN_PREFIX) + r"\d+-[0-9a-f]{6})\)")


def with_patterns(svg: str) -> str:
    """Give the SVG the ``<defs>`` of the patterns its series' fills name (``style.series_fill``), in order of first
    use, right after the root's start tag; an SVG that names none is returned as it is."""
    names = list(dict.fromkeys(_PATTERN_RE.findall(svg)))
    if not names:
        return svg
    start = svg.index(">", svg.index("<svg")) + 1
    return svg[:start] + "<defs>" + "".join(pattern_def(n) for n in names) + "</defs>" + svg[start:]


def stabilise_svg(svg: str, key: str, alt_text: str) -> str:
    """Make vl-convert's SVG deterministic and page-safe, and give it an accessible name.

    Ids (clip paths, gradients) come from a process-wide counter; rename them in order of
    appearance to ``g<key>-<n>`` so the same chart always has the same bytes and two charts on one
    page never collide. The root gets ``role="img"`` and ``aria-label`` (the summary and the data
    table beside it carry the details).
    """
    ids: list[str] = []
    for m in _ID_RE.finditer(svg):
        if m.group(1) not in ids:
            ids.append(m.group(1))
    mapping = {old: f"g{key[:10]}-{i}" for i, old in enumerate(ids, start=1)}
    if mapping:
        alternatives = "|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True))
        pattern = re.compile(r'(id="|url\(#|href="#)(' + alternatives + r')(?=[")])')
        svg = pattern.sub(lambda m: m.group(1) + mapping[m.group(2)], svg)
    label = _xml_attr(alt_text)
    svg = re.sub(r"^<svg\b", f'<svg role="img" aria-label="{label}" focusable="false"', svg, count=1)
    return svg


def _xml_attr(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )


_registered_fonts: dict[str, str] = {}  # folder registered with vl-convert -> fingerprint of its fonts
V8_HEAP_MB = 256  # vl-convert's JavaScript heap per process (see _configure)


@functools.cache  # once per process: vl-convert keeps these settings for every later render
def _configure() -> None:
    """Settings vl-convert keeps per process: no data or image from anywhere, no relative path resolved (its
    default base is a CDN), a bounded JavaScript heap, and no warnings on the console.

    The heap: V8 sizes its young generation by the heap's limit (1,5 GB by default), and a chart worker held about
    240 MB after its first charts; with a limit of 256 MB it holds about 185 MB at the same speed (300 charts,
    measured), which keeps an N = 500 cold build, two workers beside the build process, under 1 GB. The largest chart
    Vega can draw at all (about 1 000 rows; more exhaust its call stack) uses 25-60 MB of heap; a chart that needed
    more than the limit would fail with vl-convert's message, reported to the author as a chart error.

    Warnings: vl-convert 2 forwards Vega-Lite's warnings to Python's ``logging`` (1.x dropped them unless asked);
    with no handler configured they reach the author's terminal, from every chart worker. They are about how
    Vega-Lite merges our own specs' layers (a legend left out in one layer, kept in another), never about the
    author's data: an error still raises and becomes a chart error with the report's file and line.
    """
    vlc.configure(base_url=False, allowed_base_urls=[], max_v8_heap_size_mb=V8_HEAP_MB)
    logging.getLogger("vl_convert").setLevel(logging.ERROR)


_font_bound: list[FontBound] = []  # text width bounds in the registered fonts, made on first render


def register_fonts(font_dir: Path) -> str:
    """Register a font directory with vl-convert once per process; returns its fingerprint.

    The fingerprint (hash of file names and contents) goes into cache keys, so changing the
    theme's fonts re-renders every chart.
    """
    key = str(font_dir.resolve())
    if key in _registered_fonts:
        return _registered_fonts[key]
    h = hashlib.sha256()
    if font_dir.is_dir():
        for path in sorted(p for p in font_dir.rglob("*") if p.is_file()):
            if path.suffix.lower() in {".ttf", ".otf", ".woff", ".woff2", ".ttc"}:
                h.update(path.relative_to(font_dir).as_posix().encode())
                h.update(hashlib.sha256(path.read_bytes()).digest())
        vlc.register_font_directory(key)
    fingerprint = h.hexdigest()[:16]
    if fingerprint not in _registered_fonts.values():
        _font_bound.clear()  # a new set of fonts: the bounds are made again on the next render
    _registered_fonts[key] = fingerprint
    return fingerprint


def _bound_folders() -> list[Path]:
    """One registered folder per set of fonts, for :class:`FontBound`.

    Why not every folder: a process registers the same fonts from several folders (the cache's, and the copy a
    chart job carries; the test suite's builds, one per project), and the bounds read each folder's faces with
    fontTools, about 75 ms a folder: per folder, a long-lived process paid that again for every new folder, and a
    few charts drawn here took seconds. Copies of the same fonts give the same bounds, so the first folder of each
    set that still exists is read.
    """
    chosen: dict[str, Path] = {}
    for folder, fingerprint in _registered_fonts.items():
        if fingerprint not in chosen and Path(folder).is_dir():
            chosen[fingerprint] = Path(folder)
    return list(chosen.values())


def fonts_alone(fingerprint: str) -> bool:
    """Whether every font folder this process registered with vl-convert holds the fonts of ``fingerprint``.

    vl-convert keeps a registered folder for the life of the process (it cannot unregister one), and with two
    folders of one family it may measure and draw a text in the other's: a chart drawn here after another build
    registered other fonts (``serve`` after a theme's fonts changed; the test suite's builds) would not be the chart
    of a clean build. Where this is false, charts are drawn by fresh worker processes.
    """
    return set(_registered_fonts.values()) <= {fingerprint}


def render_svg(vl: Mapping[str, Any]) -> str:
    """Raw vl-convert call (offline: no external data URLs are allowed), without limits that cut no label."""
    _configure()
    if not _font_bound:
        _font_bound.append(FontBound(_bound_folders()))
    return vlc.vegalite_to_svg(
        without_moot_limits(vl, _font_bound[0]),
        format_locale=ID_FORMAT_LOCALE,
        time_format_locale=ID_TIME_FORMAT_LOCALE,
    )


def render_chart(spec: ChartSpec) -> ChartResult:
    """Build and render one chart. Raises :class:`ChartError` (Indonesian message) on bad input."""
    vl, summary, table, alt_text, marks = build(spec)
    key = hashlib.sha256((canonical_json(vl) + "\n" + alt_text).encode("utf-8")).hexdigest()
    svg = stabilise_svg(with_patterns(_drawn(vl, spec)), key, alt_text)
    fewer = phone_rows(spec)  # a chart of many rows: the highest and lowest on a phone, the note says so
    narrow = narrow_spec(build(fewer[0])[0] if fewer else vl)
    note = fewer[1] if fewer else ""
    narrow_key = hashlib.sha256((canonical_json(narrow) + "\n" + alt_text).encode("utf-8")).hexdigest()
    svg_narrow = stabilise_svg(with_patterns(_drawn(narrow, spec)), narrow_key, alt_text)
    return ChartResult(svg=svg, spec=vl, summary=summary, table=table, alt=alt_text, svg_narrow=svg_narrow,
                       spec_narrow=narrow, marks=marks, narrow_note=note)


def _drawn(vl: Mapping[str, Any], spec: ChartSpec) -> str:
    """``render_svg``, with vl-convert's own failures said to the author as a chart error (file and line of the
    ``{grafik}`` block) instead of a traceback: a chart of some 2 000 rows exhausts Vega's call stack, for one."""
    try:
        return render_svg(vl)
    except (ValueError, PermissionError, RuntimeError) as exc:
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        reason = next((line for line in lines[1:] if not line.startswith("at ")), lines[0] if lines else "")
        raise ChartError(
            f"dengan {len(spec.rows)} baris, grafik ini tidak dapat digambar (mesin grafik: {reason}); tampilkan "
            "lebih sedikit baris dalam grafik ini, atau sajikan datanya sebagai tabel saja."
        ) from exc
