"""Custom predikat scales (``skala:`` in situs.yaml or laporan.yaml) read into :class:`Scale` objects.

Only structure is checked here; gaps, overlaps and a missing rule above 100 % are found by
:func:`lkjip_site.compute.scales.validate_scale` for the scale a report really uses.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, Mapping

from ..core.diagnostics import Diagnostics
from ..core.model import Loc, Scale, ScaleClass
from ..core.numbers import to_decimal
from .yamltree import YMap


class ScaleError(ValueError):
    """A custom scale that cannot even be parsed (message in Indonesian)."""


# ---------------------------------------------------------------------------------------------------------------
# Parsing custom scales from already-loaded YAML mappings


def _dec(value: Any, what: str) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise ScaleError(f"{what} harus berupa angka, bukan {value!r}")
    try:
        return to_decimal(value)
    except (InvalidOperation, ValueError):
        raise ScaleError(f"{what} harus berupa angka, bukan {value!r}") from None


def parse_scale(scale_id: str, data: Mapping[str, Any], loc: Loc | None = None) -> Scale:
    """Build a ``Scale`` from one ``skala:`` entry ``{nama, batas?, kelas: [{label, min?, max?, warna?}]}``.

    Only structure is checked here (types, required keys); gaps and overlaps are reported by
    :func:`validate_scale`, so an author sees every problem of a scale at once.
    """
    where = f"skala '{scale_id}'"
    if not isinstance(data, Mapping):
        raise ScaleError(f"{where}: harus berupa pemetaan (nama, kelas)")
    batas = str(data.get("batas", "kiri")).strip().lower()
    if batas not in ("kiri", "kanan"):
        raise ScaleError(f"{where}: 'batas' harus 'kiri' atau 'kanan', bukan {batas!r}")
    kelas = data.get("kelas")
    if not isinstance(kelas, list) or not kelas:
        raise ScaleError(f"{where}: 'kelas' harus berupa daftar yang tidak kosong")
    classes = []
    for i, item in enumerate(kelas, start=1):
        if not isinstance(item, Mapping):
            raise ScaleError(f"{where}: kelas ke-{i} harus berupa pemetaan")
        label = str(item.get("label", "")).strip()
        if not label:
            raise ScaleError(f"{where}: kelas ke-{i} tidak memiliki 'label'")
        lo = _dec(item.get("min"), f"{where}: 'min' kelas {label}")
        hi = _dec(item.get("max"), f"{where}: 'max' kelas {label}")
        classes.append(ScaleClass(label=label, min=lo, max=hi, warna=str(item.get("warna", "") or "")))
    return Scale(id=scale_id, nama=str(data.get("nama", scale_id)), classes=classes,
                 right_closed=(batas == "kanan"), loc=loc)


def parse_scales(raw: Mapping[str, Any] | None, rel: str, diags: Diagnostics) -> dict[str, Scale]:
    """A validated ``skala:`` mapping (id -> scale) into Scale objects, in sorted id order.

    A scale that cannot be parsed is an error at its own line; gaps and overlaps are reported by ``check`` for the
    scale a report uses.
    """
    out: dict[str, Scale] = {}
    for scale_id, body in sorted((raw or {}).items()):
        line = raw.line_of(scale_id) if isinstance(raw, YMap) else 1
        loc = Loc(rel, line)
        try:
            out[scale_id] = parse_scale(scale_id, body, loc)
        except ScaleError as exc:
            diags.error(loc, str(exc))
    return out
