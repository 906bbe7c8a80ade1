"""Label limits that cannot cut anything are lifted before rendering, so each label is measured once, not three times.

Rendering time is almost all text measurement: vl-convert measures every label in the font (a small SVG parsed and
laid out per label, several font-file reads per character). A label under a limit (``labelLimit`` of the theme's axes
and legends) is measured three times: once to see whether it must be cut, again for its bounds, and once more when the
SVG is written. When every label an axis or legend can show is certainly narrower than its limit, the limit cannot
change the picture, so the copy of the spec handed to vl-convert gets ``labelLimit: 0`` (no limit) there: the SVG is
byte for byte the same, drawn in about a fifth less time. The stored spec (the interactive chart) keeps its limits.

"Certainly narrower" is an upper bound from the font files themselves (advance widths of the registered fonts, plus
the largest positive kerning after each character), not the estimate ``narrow.py`` lays out with. Anything this module
cannot enumerate or bound (computed fields, other label expressions, characters the font lacks) keeps its limit.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any, Iterable, Mapping

from fontTools.ttLib import TTFont

#: Vega's default font size of axis and legend labels, when neither the channel nor the config sets one.
VEGA_LABEL_FONT_SIZE = 10
SLACK_PX = 2.0  # rounding, and anything the bound overlooks: a label this close to its limit keeps the limit

_AXIS_CHANNELS = ("x", "y")
_LEGEND_CHANNELS = ("color", "fill", "stroke", "shape", "size", "opacity", "strokeDash")
_MAPPING_EXPR = re.compile(r"^(\{.*\})\[datum\.label\] \|\| datum\.label$", re.S)
_FONT_SUFFIXES = {".ttf", ".otf"}


class FontBound:
    """Upper bounds of text widths in the faces of some font directories (all faces at once: the widest wins)."""

    def __init__(self, font_dirs: Iterable[Path]):
        self.advance: dict[str, float] = {}  # em
        self.kern_after: dict[str, float] = {}  # em, largest positive pair adjustment with this character first
        faces = [TTFont(str(p), lazy=True) for d in font_dirs if d.is_dir()
                 for p in sorted(d.rglob("*")) if p.suffix.lower() in _FONT_SUFFIXES]
        cmaps = [face.getBestCmap() or {} for face in faces]
        shared = set.intersection(*(set(c) for c in cmaps)) if cmaps else set()
        for face, cmap in zip(faces, cmaps):
            upm = face["head"].unitsPerEm
            hmtx = face["hmtx"]
            kern = _positive_kerning(face)
            for code in shared:
                ch = chr(code)
                glyph = cmap[code]
                self.advance[ch] = max(self.advance.get(ch, 0.0), hmtx[glyph][0] / upm)
                self.kern_after[ch] = max(self.kern_after.get(ch, 0.0), kern.get(glyph, 0) / upm)

    def width(self, text: str, size: float) -> float | None:
        """At least the width of ``text`` at ``size`` px; None when a character is not in every face."""
        em = 0.0
        for i, ch in enumerate(text):
            if ch not in self.advance:
                return None
            em += self.advance[ch] + (self.kern_after[ch] if i < len(text) - 1 else 0.0)
        return em * size


def _positive_kerning(face: TTFont) -> dict[str, int]:
    """Per glyph, the largest positive x-advance adjustment of a GPOS pair that starts with it (font units)."""
    out: dict[str, int] = {}
    if "GPOS" not in face or face["GPOS"].table.LookupList is None:
        return out
    for lookup in face["GPOS"].table.LookupList.Lookup:
        for sub in lookup.SubTable:
            sub = getattr(sub, "ExtSubTable", sub)
            if getattr(sub, "LookupType", lookup.LookupType) != 2:
                continue
            firsts = sub.Coverage.glyphs
            if sub.Format == 1:
                for glyph, pairs in zip(firsts, sub.PairSet):
                    for rec in pairs.PairValueRecord:
                        adv = getattr(rec.Value1, "XAdvance", 0) if rec.Value1 else 0
                        if adv > out.get(glyph, 0):
                            out[glyph] = adv
            else:
                best = {}
                for cls, rec in enumerate(sub.Class1Record):
                    best[cls] = max([getattr(c2.Value1, "XAdvance", 0) if c2.Value1 else 0
                                     for c2 in rec.Class2Record] or [0])
                classes = sub.ClassDef1.classDefs if sub.ClassDef1 else {}
                for glyph in firsts:
                    adv = best.get(classes.get(glyph, 0), 0)
                    if adv > out.get(glyph, 0):
                        out[glyph] = adv
    return out


def without_moot_limits(vl: Mapping[str, Any], fonts: FontBound) -> dict[str, Any]:
    """A copy of a planned spec with ``labelLimit: 0`` on every axis and legend whose labels all fit their limit."""
    spec = copy.deepcopy(dict(vl))
    if "resolve" in spec or not _plain_config(spec.get("config", {})):
        return spec
    layers = spec["layer"] if isinstance(spec.get("layer"), list) else [spec]
    if any("layer" in layer for layer in layers if layer is not spec):
        return spec
    for channel in _AXIS_CHANNELS + _LEGEND_CHANNELS:
        encodings = [(layer, layer["encoding"][channel]) for layer in layers
                     if isinstance(layer.get("encoding", {}).get(channel), dict)
                     and "field" in layer["encoding"][channel]]
        guide = "axis" if channel in _AXIS_CHANNELS else "legend"
        if encodings and _all_fit(spec, encodings, guide, fonts):
            for _, enc in encodings:
                if enc.get(guide, {}) is not None:
                    enc[guide] = {**enc.get(guide, {}), "labelLimit": 0}
    return spec


def _plain_config(config: Mapping[str, Any]) -> bool:
    """Only ``axis`` and ``legend`` set label styles (no ``axisX``, ``axisBand`` … that would override them)."""
    return not any(key.startswith("axis") and key != "axis" for key in config)


def _all_fit(spec: Mapping[str, Any], encodings: list[tuple[dict[str, Any], dict[str, Any]]], guide: str,
             fonts: FontBound) -> bool:
    config = spec.get("config", {}).get(guide, {})
    for layer, enc in encodings:
        own = enc.get(guide, {})
        if own is None:
            continue  # this layer draws no guide for the channel
        if not isinstance(own, dict) or enc.get("type") not in ("nominal", "ordinal"):
            return False
        if any(key in enc for key in ("timeUnit", "aggregate", "bin")) or "labelFont" in own or "labelFont" in config:
            return False
        limit = own.get("labelLimit", config.get("labelLimit"))
        if not isinstance(limit, (int, float)) or limit <= 0:
            continue  # no limit (Vega's own defaults never apply: the theme sets one)
        size = own.get("labelFontSize", config.get("labelFontSize", VEGA_LABEL_FONT_SIZE))
        values = _values(spec, layer, enc)
        lines = _label_lines(values, own.get("labelExpr")) if values is not None else None
        if lines is None or not isinstance(size, (int, float)):
            return False
        for line in lines:
            width = fonts.width(line, size)
            if width is None or width + SLACK_PX > limit:
                return False
    return True


def _values(spec: Mapping[str, Any], layer: Mapping[str, Any], enc: Mapping[str, Any]) -> list[str] | None:
    """Every value the channel's field can take (its scale domain), as text; None when they cannot be listed."""
    field = enc["field"]
    transforms = list(spec.get("transform", [])) + (list(layer.get("transform", [])) if layer is not spec else [])
    for t in transforms:
        if not ("filter" in t or ("calculate" in t and t.get("as") != field)):
            return None  # only filters (fewer rows) and other fields' calculations leave the values known
    source = layer.get("data") or spec.get("data") or {}
    rows = source.get("values") if isinstance(source, dict) else None
    if not isinstance(rows, list):
        return None
    found: list[Any] = [row.get(field) for row in rows if isinstance(row, dict)]
    for extra in (enc.get("sort"), enc.get("scale", {}).get("domain") if isinstance(enc.get("scale"), dict) else None):
        if isinstance(extra, list):
            found.extend(extra)
    if any(not isinstance(v, str) for v in found if v is not None):
        return None  # numbers and dates are formatted by Vega: not listed here
    return sorted({v for v in found if v is not None})


def _label_lines(values: list[str], label_expr: Any) -> list[str] | None:
    """The lines each value is drawn as: itself, or the lines our wrapping expression maps it to."""
    if label_expr in (None, "datum.label"):
        return values
    m = _MAPPING_EXPR.match(label_expr) if isinstance(label_expr, str) else None
    if m is None:
        return None
    try:
        mapping = json.loads(m.group(1))
    except ValueError:
        return None
    lines: list[str] = []
    for value in values:
        shown = mapping.get(value, value)
        if isinstance(shown, list) and all(isinstance(s, str) for s in shown):
            lines.extend(shown)
        elif isinstance(shown, str):
            lines.append(shown)
        else:
            return None
    return lines
